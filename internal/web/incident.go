package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/dossier-project/dossier"
)

// The incident page: an infobox whose every value shows its sources on
// demand and whose conflicts are visible, the claims ledger, statements by
// stance, related incidents, a small map, and the evidence highlighted in
// each source's text.

type incidentData struct {
	page
	I        *dossier.IncidentDetail
	Fields   []fieldView
	Stances  []stanceGroup
	Roles    []roleGroup
	Excerpts []sourceExcerpt
	// MoreSources are the sources whose text the page links to only.
	MoreSources []sourceExcerpt
	Ledger      []ledgerGroup
	Point       *mapPoint
	// Reviewable lists the fields a reviewer may correct.
	Reviewable []string
	// Titles names the documents of the reports, for "copy of …".
	Titles map[string]string
}

// fieldView is one infobox row.
type fieldView struct {
	Field, Label string
	Reconciled   string
	Conflict     bool
	Reviewed     bool
	// List fields (weapons, accused...) hold several values that do not
	// conflict; other fields hold one value per source opinion.
	List   bool
	Values []valueView
}

type valueView struct {
	Value   string // as stored, for review forms
	Text    string // for people: "6 injured"
	Cited   int
	Status  string
	Sources []dossier.ValueSource
}

type stanceGroup struct {
	Stance, Label string
	Statements    []dossier.StatementRecord
}

type roleGroup struct {
	Role   string
	Actors []dossier.ActorRole
}

type sourceExcerpt struct {
	Source dossier.Source
	Main   bool
	Lines  []template.HTML
	Href   string
}

type mapPoint struct {
	Lat, Lon string
	Label    string
}

var listFields = map[string]bool{"weapons": true, "targets": true, "perpetrators": true, "accused": true, "part_of": true}

// alwaysShown are the infobox rows shown even when no source gives them.
var alwaysShown = map[string]bool{"date": true, "location": true, "type": true, "fatalities": true, "injuries": true}

// maxExcerptSources bounds how many source texts an incident page reads
// (the main accounts first); the others are linked.
const maxExcerptSources = 4

func (s *Server) incidentPage(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	in, err := s.store.Incident(ctx, id)
	if err != nil {
		return lookupError(err, "incident", id)
	}
	if in.ID != id {
		// a retired id (merged into or renamed to another incident)
		http.Redirect(w, r, "/incidents/"+url.PathEscape(in.ID), http.StatusPermanentRedirect)
		return nil
	}
	d := &incidentData{page: s.newPage(r, in.Title), I: in}
	d.Nav = "incidents"
	d.Titles = map[string]string{}
	for _, rp := range in.Reports {
		d.Titles[rp.Document.DocumentID] = docTitle(rp.Document)
	}
	d.Fields = incidentFields(in)
	for _, f := range in.Fields {
		d.Reviewable = append(d.Reviewable, f.Field)
	}
	d.Stances = groupStances(in.Statements)
	d.Ledger = groupLedger(in.Claims)
	d.Roles = groupRoles(in.Actors)
	if l := in.Location; l != nil && l.Lat != nil && l.Lon != nil {
		d.Point = &mapPoint{Lat: strconv.FormatFloat(*l.Lat, 'f', 4, 64), Lon: strconv.FormatFloat(*l.Lon, 'f', 4, 64), Label: placeText(l)}
	}
	if d.Excerpts, d.MoreSources, err = s.incidentExcerpts(ctx, in); err != nil {
		return err
	}
	if d.Point != nil {
		d.Scripts = append(d.Scripts, "map.js")
		d.Styles = append(d.Styles, "map.css")
	}
	return s.render(w, r, http.StatusOK, "incident", d)
}

// incidentFields turns the store's per-field values into infobox rows.
func incidentFields(in *dossier.IncidentDetail) []fieldView {
	var out []fieldView
	for _, f := range in.Fields {
		if f.Field == "title" && !f.Conflict && !f.Reviewed {
			continue
		}
		if len(f.Values) == 0 && f.Reconciled == "" && !alwaysShown[f.Field] {
			continue
		}
		fv := fieldView{Field: f.Field, Label: fieldLabel(f.Field), Reconciled: valueText(f.Field, f.Reconciled),
			Conflict: f.Conflict, Reviewed: f.Reviewed, List: listFields[f.Field]}
		if f.Reconciled == "" {
			fv.Reconciled = "not reported"
		}
		for _, v := range f.Values {
			fv.Values = append(fv.Values, valueView{Value: v.Value, Text: valueText(f.Field, v.Value), Cited: v.Cited,
				Status: v.Status, Sources: v.Sources})
		}
		// The most cited first, so that "6 injured (3 sources) / 7 injured
		// (1 source)" reads in the order of support.
		if !fv.List {
			sort.SliceStable(fv.Values, func(i, j int) bool { return fv.Values[i].Cited > fv.Values[j].Cited })
		}
		out = append(out, fv)
	}
	return out
}

func groupStances(sts []dossier.StatementRecord) []stanceGroup {
	by := map[string][]dossier.StatementRecord{}
	for _, st := range sts {
		k := st.Stance
		if _, ok := stanceLabels[k]; !ok {
			k = dossier.StanceOther
		}
		by[k] = append(by[k], st)
	}
	var out []stanceGroup
	for _, k := range stanceOrder {
		if len(by[k]) > 0 {
			out = append(out, stanceGroup{Stance: k, Label: stanceLabel(k), Statements: by[k]})
		}
	}
	return out
}

// ledgerGroup is what the sources say about one actor's responsibility
// (or about the incident being staged): accusations, claims and denials
// side by side.
type ledgerGroup struct {
	Responsible string
	ActorID     string
	Fabricated  bool
	// Contested: some sources blame the actor and others deny it.
	Contested bool
	Lines     []ledgerLine
}

// ledgerLine is one way one claimant assigns responsibility, with every
// source and sentence that says so.
type ledgerLine struct {
	How, By, ByKind, ClaimantID, Claim string
	Cites                              []ledgerCite
	Documents                          int
}

type ledgerCite struct {
	Document dossier.Source
	Evidence dossier.Evidence
}

func groupLedger(entries []dossier.LedgerEntry) []ledgerGroup {
	var groups []*ledgerGroup
	byKey := map[string]*ledgerGroup{}
	lines := map[string]int{} // index of a line in its group
	for _, e := range entries {
		fab := e.Claim == dossier.ClaimFabricated || e.How == dossier.HowFabricated
		key := e.ActorID
		if key == "" {
			key = "name:" + e.Responsible
		}
		if fab {
			key = "fabricated"
		}
		g := byKey[key]
		if g == nil {
			g = &ledgerGroup{Responsible: e.Responsible, ActorID: e.ActorID, Fabricated: fab}
			byKey[key] = g
			groups = append(groups, g)
		}
		by := e.By
		if e.ByKind == "source" {
			by = "" // each source speaking for itself is one line
		}
		lk := key + "\x00" + e.How + "\x00" + by + "\x00" + e.Claim
		i, ok := lines[lk]
		if !ok {
			g.Lines = append(g.Lines, ledgerLine{How: e.How, By: e.By, ByKind: e.ByKind, ClaimantID: e.ClaimantID, Claim: e.Claim})
			i = len(g.Lines) - 1
			lines[lk] = i
		}
		l := &g.Lines[i]
		if !containsCite(l.Cites, e) {
			if !citesDocument(l.Cites, e.Document.DocumentID) {
				l.Documents++
			}
			l.Cites = append(l.Cites, ledgerCite{Document: e.Document, Evidence: e.Evidence})
		}
	}
	out := make([]ledgerGroup, 0, len(groups))
	for _, g := range groups {
		blame, deny := false, false
		for _, l := range g.Lines {
			if l.How == dossier.HowDenied || l.Claim == dossier.ClaimNotResponsible {
				deny = true
			} else {
				blame = true
			}
		}
		g.Contested = blame && deny
		out = append(out, *g)
	}
	// Claims of responsibility and contested entries first, then the most
	// discussed.
	rank := func(g ledgerGroup) int {
		for _, l := range g.Lines {
			if l.How == dossier.HowClaimed {
				return 0
			}
		}
		if g.Contested || g.Fabricated {
			return 1
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := rank(out[i]), rank(out[j]); ri != rj {
			return ri < rj
		}
		return len(out[i].Lines) > len(out[j].Lines)
	})
	return out
}

func containsCite(cs []ledgerCite, e dossier.LedgerEntry) bool {
	for _, c := range cs {
		if c.Document.DocumentID == e.Document.DocumentID && c.Evidence.Start == e.Evidence.Start && c.Evidence.End == e.Evidence.End {
			return true
		}
	}
	return false
}

func citesDocument(cs []ledgerCite, id string) bool {
	for _, c := range cs {
		if c.Document.DocumentID == id {
			return true
		}
	}
	return false
}

var roleOrder = []string{"perpetrator", "accused", "claimant", "target", "speaker"}

func groupRoles(as []dossier.ActorRole) []roleGroup {
	by := map[string][]dossier.ActorRole{}
	var extra []string
	for _, a := range as {
		if _, ok := by[a.Role]; !ok && !containsString(roleOrder, a.Role) {
			extra = append(extra, a.Role)
		}
		by[a.Role] = append(by[a.Role], a)
	}
	var out []roleGroup
	for _, role := range append(append([]string{}, roleOrder...), extra...) {
		if len(by[role]) > 0 {
			out = append(out, roleGroup{Role: role, Actors: by[role]})
		}
	}
	return out
}

// incidentExcerpts reads the incident's source documents and keeps the
// lines that hold what was extracted about this incident, highlighted.
func (s *Server) incidentExcerpts(ctx context.Context, in *dossier.IncidentDetail) (shown, more []sourceExcerpt, err error) {
	mains := map[string]bool{}
	for _, rep := range in.Reports {
		if rep.Main {
			mains[rep.Document.DocumentID] = true
		}
	}
	srcs := append([]dossier.Source(nil), in.Sources...)
	sort.SliceStable(srcs, func(i, j int) bool { return mains[srcs[i].DocumentID] && !mains[srcs[j].DocumentID] })
	for _, src := range srcs {
		href := "/documents/" + url.PathEscape(src.DocumentID) + "?incident=" + url.QueryEscape(in.ID)
		if len(shown) == maxExcerptSources {
			more = append(more, sourceExcerpt{Source: src, Main: mains[src.DocumentID], Href: href})
			continue
		}
		doc, err := s.store.Document(ctx, src.DocumentID)
		if errors.Is(err, dossier.ErrNotFound) {
			continue // forgotten since; the incident will follow
		}
		if err != nil {
			return nil, nil, err
		}
		var marks []mark
		for _, sp := range doc.Spans {
			if sp.Target == in.ID && (sp.Kind == "incident" || sp.Kind == "statement" || sp.Kind == "claim") {
				marks = append(marks, spanMark(sp))
			}
		}
		shown = append(shown, sourceExcerpt{Source: src, Main: mains[src.DocumentID], Lines: excerpt(doc.Text, marks), Href: href})
	}
	return shown, more, nil
}

// spanMark turns an extracted span into a mark linking to what it
// resolved to.
func spanMark(sp dossier.Span) mark {
	m := mark{Start: sp.Start, End: sp.End, Class: sp.Kind, Title: spanTitle(sp)}
	switch {
	case sp.Target == "":
	case sp.Kind == "actor":
		m.Href = "/actors/" + url.PathEscape(sp.Target)
	default:
		m.Href = "/incidents/" + url.PathEscape(sp.Target)
	}
	return m
}

func spanTitle(sp dossier.Span) string {
	switch sp.Kind {
	case "incident":
		if sp.Field != "" {
			return fmt.Sprintf("%s: %s", fieldLabel(sp.Field), sp.Label)
		}
	case "actor":
		return "actor: " + sp.Label
	case "statement":
		return "statement, " + sp.Label
	case "claim":
		return "claim, " + sp.Label
	}
	return sp.Label
}
