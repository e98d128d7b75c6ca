package web

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
)

// The JSON API under /api/v1. Lists answer {"items": [...], "next": CURSOR
// or null, "prev": CURSOR or null, "total": N, "total_is_estimate": BOOL};
// pass next (or prev) back as ?cursor= for the following (or previous)
// page, under the same filters. Errors answer {"error": {"code",
// "message"}}. Every answer has an ETag. A parameter the OpenAPI document
// does not name for a route is refused, so that a misspelt filter is an
// error rather than a listing of everything.

// list is the shape of every list answer.
type list[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next"`
	Prev  *string `json:"prev"`
	// Total counts every match, on every page; when TotalIsEstimate it is
	// a lower bound (the store stops counting at some point).
	Total           int  `json:"total"`
	TotalIsEstimate bool `json:"total_is_estimate"`
}

func listOf[T any](items []T, next string, info dossier.PageInfo) list[T] {
	return list[T]{Items: items, Next: nextOf(next), Prev: nextOf(info.Prev), Total: info.Total, TotalIsEstimate: info.TotalIsEstimate}
}

func nextOf(cursor string) *string {
	if cursor == "" {
		return nil
	}
	return &cursor
}

// apiParams are the query parameters the OpenAPI document names for each
// route ("GET /api/v1/incidents"): the one list, so that the document and
// the server cannot disagree.
func apiParams(doc []byte) (map[string]map[string]bool, error) {
	var d struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, In string }
		}
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("openapi document: %w", err)
	}
	out := map[string]map[string]bool{}
	for path, ops := range d.Paths {
		for method, op := range ops {
			names := map[string]bool{}
			for _, p := range op.Parameters {
				if p.In == "query" {
					names[p.Name] = true
				}
			}
			out[strings.ToUpper(method)+" "+path] = names
		}
	}
	return out, nil
}

// knownParams refuses a query parameter the route does not take.
func (s *Server) knownParams(r *http.Request) error {
	names, ok := s.params[r.Pattern]
	if !ok {
		return nil
	}
	for name := range r.URL.Query() {
		if !names[name] {
			known := slices.Sorted(maps.Keys(names))
			if len(known) == 0 {
				return errorf(codeInvalid, "%s takes no parameter, not %q", r.URL.Path, name)
			}
			return errorf(codeInvalid, "unknown parameter %q: %s takes %s", name, r.URL.Path, strings.Join(known, ", "))
		}
	}
	return nil
}

func (s *Server) apiIncidents(w http.ResponseWriter, r *http.Request) error {
	f, _, err := incidentFilter(r)
	if err != nil {
		return err
	}
	if f.Limit, err = limitParam(r, 50, 500); err != nil {
		return err
	}
	view := r.URL.Query().Get("view")
	if view != "" && view != "full" && view != "brief" {
		return errorf(codeInvalid, "view=%q: want full or brief", view)
	}
	p, err := s.store.Incidents(r.Context(), f)
	if err != nil {
		return err
	}
	if view == "brief" {
		items := make([]briefIncident, len(p.Incidents))
		for i, in := range p.Incidents {
			items[i] = briefIncident{ID: in.ID, Title: in.Title, Date: in.Date, Location: in.Location, Type: in.Type,
				SubType: in.SubType, Fatalities: in.Fatalities, SourceCount: in.SourceCount, Conflicts: in.Conflicts, Kind: in.Kind}
		}
		return s.writeJSON(w, r, http.StatusOK, listOf(items, p.Next, p.PageInfo))
	}
	return s.writeJSON(w, r, http.StatusOK, listOf(p.Incidents, p.Next, p.PageInfo))
}

// briefIncident is what the timeline and the map need of an incident
// (?view=brief): a tenth of the full summary, which carries the evidence.
type briefIncident struct {
	ID          string             `json:"id"`
	Title       string             `json:"title"`
	Date        *dossier.DateRange `json:"date"`
	Location    *dossier.Location  `json:"location"`
	Type        string             `json:"type"`
	SubType     string             `json:"sub_type"`
	Fatalities  *dossier.Range     `json:"fatalities"`
	SourceCount int                `json:"source_count"`
	Conflicts   []string           `json:"conflicts"`
	Kind        string             `json:"kind"`
}

func (s *Server) apiIncident(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	in, err := s.store.Incident(r.Context(), id)
	if err != nil {
		return lookupError(err, "incident", id)
	}
	if in.ID != id {
		// a retired id (merged into or renamed to another incident)
		http.Redirect(w, r, "/api/v1/incidents/"+url.PathEscape(in.ID), http.StatusPermanentRedirect)
		return nil
	}
	return s.writeJSON(w, r, http.StatusOK, in)
}

func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := dossier.ActorFilter{Q: strings.TrimSpace(q.Get("q")), Kind: q.Get("kind"), Cursor: q.Get("cursor")}
	if f.Kind != "" && !containsString(actorKinds, f.Kind) {
		return errorf(codeInvalid, "kind=%q: want one of %s", f.Kind, strings.Join(actorKinds, ", "))
	}
	var err error
	if f.Limit, err = limitParam(r, 50, 500); err != nil {
		return err
	}
	p, err := s.store.Actors(r.Context(), f)
	if err != nil {
		return err
	}
	return s.writeJSON(w, r, http.StatusOK, listOf(p.Actors, p.Next, p.PageInfo))
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	a, err := s.store.Actor(r.Context(), id)
	if err != nil {
		return lookupError(err, "actor", id)
	}
	return s.writeJSON(w, r, http.StatusOK, a)
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := dossier.DocumentFilter{Q: strings.TrimSpace(q.Get("q")), Cursor: q.Get("cursor")}
	var err error
	if f.Limit, err = limitParam(r, 50, 500); err != nil {
		return err
	}
	p, err := s.store.Documents(r.Context(), f)
	if err != nil {
		return err
	}
	return s.writeJSON(w, r, http.StatusOK, listOf(p.Documents, p.Next, p.PageInfo))
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	done, err := s.admitHeavy(r)
	if err != nil {
		return err
	}
	defer done()
	d, err := s.store.Document(r.Context(), id)
	if err != nil {
		return lookupError(err, "document", id)
	}
	return s.writeJSON(w, r, http.StatusOK, d)
}

// searchKinds is the order search results come in: incidents, then
// actors, then documents, each best match first.
var searchKinds = []string{"incident", "actor", "document"}

// maxSearchOffset bounds how deep search pages go.
const maxSearchOffset = 1000

// apiSearch pages through the hits of every kind as one list. The store
// answers the best hits of each kind up to a limit; a page at offset o of
// size n asks each kind for o+n+1 and walks them in kind order, stopping
// at the first kind that filled its quota (its further hits come first).
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	if text == "" {
		return errorf(codeInvalid, "q: give the words to search for")
	}
	kinds := searchKinds
	if k := q.Get("kind"); k != "" {
		if !containsString(searchKinds, k) {
			return errorf(codeInvalid, "kind=%q: want incident, actor or document", k)
		}
		kinds = []string{k}
	}
	n, err := limitParam(r, 20, 100)
	if err != nil {
		return err
	}
	mentions, err := boolParam(r, "include_mentions")
	if err != nil {
		return err
	}
	// An offset cursor is signed, like the store's, for these words,
	// kinds and mentions.
	scope := strings.Join([]string{"search", text, strings.Join(kinds, ","), strconv.FormatBool(mentions)}, "\x00")
	off := 0
	if c := q.Get("cursor"); c != "" {
		b, err := s.store.OpenCursor(scope, c)
		if err != nil {
			return err
		}
		if off, err = strconv.Atoi(string(b)); err != nil || off < 0 || off > maxSearchOffset {
			return errorf(codeInvalid, "cursor: too deep")
		}
	}
	offset := func(n int) *string {
		c := s.store.SealCursor(scope, []byte(strconv.Itoa(n)))
		return &c
	}
	quota := off + n + 1
	hits, err := s.store.Search(r.Context(), text, dossier.SearchOptions{Kinds: kinds, Limit: quota, IncludeMentions: mentions})
	if err != nil {
		return err
	}
	byKind := map[string][]dossier.SearchHit{}
	for _, h := range hits {
		byKind[h.Kind] = append(byKind[h.Kind], h)
	}
	var all []dossier.SearchHit
	full := false
	for _, k := range kinds {
		all = append(all, byKind[k]...)
		if len(byKind[k]) >= quota {
			full = true
			break
		}
	}
	// The total is the hits found; when a kind filled its quota there
	// are more, and it is a lower bound.
	out := list[dossier.SearchHit]{Items: []dossier.SearchHit{}, Total: len(all), TotalIsEstimate: full}
	if off < len(all) {
		out.Items = all[off:min(off+n, len(all))]
	}
	if full || len(all) > off+n {
		out.Next = offset(off + n)
	}
	if off > 0 {
		out.Prev = offset(max(off-n, 0))
	}
	return s.writeJSON(w, r, http.StatusOK, out)
}

func (s *Server) apiNetwork(w http.ResponseWriter, r *http.Request) error {
	g, err := s.network(r.Context())
	if err != nil {
		return err
	}
	return s.writeJSON(w, r, http.StatusOK, g)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.store.Stats(r.Context())
	if err != nil {
		return err
	}
	return s.writeJSON(w, r, http.StatusOK, st)
}

func (s *Server) apiReviews(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	n, err := limitParam(r, 100, 1000)
	if err != nil {
		return err
	}
	rs, err := s.store.Reviews(r.Context(), dossier.ReviewFilter{TargetID: q.Get("target_id"), Author: q.Get("author"), Limit: n})
	if err != nil {
		return err
	}
	// Reviews come in one page: the total is a lower bound when it is full.
	return s.writeJSON(w, r, http.StatusOK, list[dossier.Review]{Items: rs, Total: len(rs), TotalIsEstimate: len(rs) == n})
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	respond(w, r, http.StatusOK, "application/json", s.openapi)
	return nil
}
