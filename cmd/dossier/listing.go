package main

import "github.com/dossier-project/dossier"

// listedIncident is an incident as `dossier incidents --format jsonl`
// prints it, the contract of ../shared/spec/kb-output.md: the reconciled
// incident, its kind, and every source (copies included) with its url,
// language, role and copy_of (null unless a copy).
type listedIncident struct {
	*dossier.IncidentSummary
	Sources []listedSource `json:"sources"`
}

type listedSource struct {
	DocumentID string  `json:"document_id"`
	Path       *string `json:"path"`
	URL        *string `json:"url"`
	Title      string  `json:"title"`
	Published  *string `json:"published"`
	Language   *string `json:"language"`
	Role       string  `json:"role"`
	CopyOf     *string `json:"copy_of"`
}

func listed(in *dossier.IncidentSummary) listedIncident {
	out := listedIncident{IncidentSummary: in, Sources: make([]listedSource, len(in.Sources))}
	for i, s := range in.Sources {
		out.Sources[i] = listedSource{DocumentID: s.DocumentID, Path: orNil(s.Path), URL: s.Source, Title: s.Title,
			Published: orNil(s.Published), Language: orNil(s.Language), Role: s.Role, CopyOf: orNil(s.CopyOf)}
	}
	return out
}

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
