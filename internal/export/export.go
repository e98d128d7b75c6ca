// Package export writes the incidents of a knowledge base in the formats
// researchers load elsewhere: an ACLED-style CSV for R and pandas, JSON
// Lines of the full records, GeoJSON points for QGIS, a GraphML actor
// network for Gephi, and a JSON-LD document of schema.org Events.
//
// Exports read through the store interfaces of the root package only, so
// they work the same on SQLite and PostgreSQL, and they stream: incidents
// are written as the store yields them, never all held at once (the
// GraphML network and the indexes of actors and documents are the
// exception, and hold one small entry per actor or document).
// docs/exports.md describes each format and how the CSV differs from
// ACLED's own data.
package export

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// Store is what an export reads.
type Store interface {
	dossier.IncidentReader
	dossier.ActorReader
	dossier.DocumentReader
}

// Format names, as --format takes them.
const (
	ACLEDCSV = "acled-csv"
	JSONL    = "jsonl"
	GeoJSON  = "geojson"
	GraphML  = "graphml"
	JSONLD   = "jsonld"
)

// Formats lists the formats Write knows, in the order help shows them.
var Formats = []string{ACLEDCSV, JSONL, GeoJSON, GraphML, JSONLD}

// Options select what to export.
type Options struct {
	// Filter selects the incidents (its Limit and Cursor are ignored:
	// every match is written). An empty Sort means oldest first.
	Filter dossier.IncidentFilter
	// ACLEDCodes is how the ACLED-style CSV writes inter1, inter2 and
	// interaction: ACLEDCodesText (the default when empty) or
	// ACLEDCodesNumeric.
	ACLEDCodes string
}

// Stats count what an export wrote.
type Stats struct {
	Incidents int // incidents written
	// Skipped counts incidents left out: those without coordinates in
	// GeoJSON.
	Skipped   int
	Actors    int // GraphML nodes that are actors
	Relations int // GraphML edges between actors
}

// Write exports in the format named.
func Write(ctx context.Context, st Store, format string, w io.Writer, opts Options) (Stats, error) {
	switch format {
	case ACLEDCSV:
		return WriteACLED(ctx, st, w, opts)
	case JSONL:
		return WriteJSONL(ctx, st, w, opts)
	case GeoJSON:
		return WriteGeoJSON(ctx, st, w, opts)
	case GraphML:
		return WriteGraphML(ctx, st, w, opts)
	case JSONLD:
		return WriteJSONLD(ctx, st, w, opts)
	}
	return Stats{}, fmt.Errorf("export: %w: unknown format %q (want %s)", dossier.ErrInvalid, format, strings.Join(Formats, ", "))
}

// filter returns the incident filter of an export: every match, oldest
// first unless asked otherwise.
func (o Options) filter() dossier.IncidentFilter {
	f := o.Filter
	f.Limit, f.Cursor = -1, ""
	if f.Sort == "" {
		f.Sort = dossier.SortDateAsc
	}
	return f
}

// eachIncident calls fn for every selected incident.
func eachIncident(ctx context.Context, st Store, opts Options, fn func(*dossier.IncidentSummary) error) error {
	if err := st.EachIncident(ctx, opts.filter(), fn); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// incidentIDs lists the selected incidents' ids, for exports that read
// each incident in full: a store need not allow a query while it is
// still listing.
func incidentIDs(ctx context.Context, st Store, opts Options) ([]string, error) {
	var ids []string
	err := eachIncident(ctx, st, opts, func(in *dossier.IncidentSummary) error {
		ids = append(ids, in.ID)
		return nil
	})
	return ids, err
}

// pageSize is how many actors or documents one listing query returns.
const pageSize = 1000

// actorIndex finds resolved actors by id and by any of their names. An
// incident names its perpetrators, accused and targets as text; the index
// tells which actor each name is, with its kind.
type actorIndex struct {
	byID  map[string]*dossier.ActorSummary
	byKey map[string]*dossier.ActorSummary
	order []*dossier.ActorSummary // most documents first, as the store lists them
}

func loadActors(ctx context.Context, st dossier.ActorReader) (*actorIndex, error) {
	ix := &actorIndex{byID: map[string]*dossier.ActorSummary{}, byKey: map[string]*dossier.ActorSummary{}}
	f := dossier.ActorFilter{Limit: pageSize}
	for {
		page, err := st.Actors(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		for i := range page.Actors {
			a := &page.Actors[i]
			ix.byID[a.ID] = a
			ix.order = append(ix.order, a)
			for _, n := range append([]string{a.Name}, a.Aliases...) {
				// The actor with most documents keeps a shared name.
				if k := names.Key(n); k != "" && ix.byKey[k] == nil {
					ix.byKey[k] = a
				}
			}
		}
		if page.Next == "" || len(page.Actors) == 0 {
			return ix, nil
		}
		f.Cursor = page.Next
	}
}

// find returns the actor a name given in an incident is, or nil.
func (ix *actorIndex) find(name string) *dossier.ActorSummary {
	if a := ix.byID[name]; a != nil {
		return a
	}
	return ix.byKey[names.Key(name)]
}

// ingestTimes maps document ids to when they were stored (Unix seconds).
func ingestTimes(ctx context.Context, st dossier.DocumentReader) (map[string]int64, error) {
	out := map[string]int64{}
	f := dossier.DocumentFilter{Limit: pageSize}
	for {
		page, err := st.Documents(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		for _, d := range page.Documents {
			out[d.DocumentID] = d.Ingested.Unix()
		}
		if page.Next == "" || len(page.Documents) == 0 {
			return out, nil
		}
		f.Cursor = page.Next
	}
}

// sourceName names a source as a dataset's source column does: the site
// of its address without "www.", else its title, else its path.
func sourceName(s dossier.Source) string {
	if s.Source != nil && *s.Source != "" {
		if u, err := url.Parse(*s.Source); err == nil && u.Host != "" {
			return strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if s.Title != "" {
		return s.Title
	}
	return s.Path
}

// sourceNames lists the distinct names of an incident's sources, a
// syndicated copy counting once with its original.
func sourceNames(srcs []dossier.Source) []string {
	var out []string
	for _, s := range srcs {
		if s.CopyOf != "" {
			continue
		}
		if n := sourceName(s); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// evidenceTexts lists the distinct sentences behind an incident's values,
// in document order of their fields, at most max bytes in all.
func evidenceTexts(ev []dossier.Evidence, max int) []string {
	var out []string
	seen := map[string]bool{}
	n := 0
	for _, e := range ev {
		t := strings.Join(strings.Fields(e.Text), " ")
		if t == "" || seen[t] {
			continue
		}
		if n+len(t) > max {
			break
		}
		seen[t] = true
		n += len(t)
		out = append(out, t)
	}
	return out
}

// sortedKeys returns a map's keys in order, for output that does not
// change from run to run.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
