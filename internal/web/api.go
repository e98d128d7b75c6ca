package web

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
)

// The JSON API under /api/v1. Lists answer {"items": [...], "next": CURSOR
// or null}; pass next back as ?cursor= for the following page. Errors
// answer {"error": {"code", "message"}}. Every answer has an ETag.

// list is the shape of every list answer.
type list[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next"`
}

func nextOf(cursor string) *string {
	if cursor == "" {
		return nil
	}
	return &cursor
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
		return s.writeJSON(w, r, http.StatusOK, list[briefIncident]{Items: items, Next: nextOf(p.Next)})
	}
	return s.writeJSON(w, r, http.StatusOK, list[dossier.IncidentSummary]{Items: p.Incidents, Next: nextOf(p.Next)})
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
	return s.writeJSON(w, r, http.StatusOK, list[dossier.ActorSummary]{Items: p.Actors, Next: nextOf(p.Next)})
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
	return s.writeJSON(w, r, http.StatusOK, list[dossier.DocumentSummary]{Items: p.Documents, Next: nextOf(p.Next)})
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
	off := 0
	if c := q.Get("cursor"); c != "" {
		if off, err = decodeOffset(c); err != nil || off > maxSearchOffset {
			return errorf(codeInvalid, "cursor: not one this server gave, or too deep")
		}
	}
	quota := off + n + 1
	mentions, err := boolParam(r, "include_mentions")
	if err != nil {
		return err
	}
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
	out := list[dossier.SearchHit]{Items: []dossier.SearchHit{}}
	if off < len(all) {
		out.Items = all[off:min(off+n, len(all))]
	}
	if full || len(all) > off+n {
		out.Next = nextOf(encodeOffset(off + n))
	}
	return s.writeJSON(w, r, http.StatusOK, out)
}

func encodeOffset(n int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o" + strconv.Itoa(n)))
}

func decodeOffset(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 2 || b[0] != 'o' {
		return 0, errors.New("bad cursor")
	}
	return strconv.Atoi(string(b[1:]))
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
	return s.writeJSON(w, r, http.StatusOK, list[dossier.Review]{Items: rs, Next: nil})
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	respond(w, r, http.StatusOK, "application/json", s.openapi)
	return nil
}
