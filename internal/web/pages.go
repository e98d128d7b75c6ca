package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/dossier-project/dossier"
)

// The list pages: home, incidents, actors, documents, search, reviews.

type homeData struct {
	page
	Stats   dossier.Stats
	Latest  []dossier.IncidentSummary
	Actors  []dossier.ActorSummary
	Contest []dossier.IncidentSummary
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d := &homeData{page: s.newPage(r, "dossier")}
	d.Nav = "home"
	var err error
	if d.Stats, err = s.store.Stats(ctx); err != nil {
		return err
	}
	latest, err := s.store.Incidents(ctx, dossier.IncidentFilter{Sort: dossier.SortDateDesc, Limit: 12})
	if err != nil {
		return err
	}
	d.Latest = latest.Incidents
	sourced, err := s.store.Incidents(ctx, dossier.IncidentFilter{Sort: dossier.SortSources, Limit: 6})
	if err != nil {
		return err
	}
	d.Contest = sourced.Incidents
	actors, err := s.store.Actors(ctx, dossier.ActorFilter{Limit: 12})
	if err != nil {
		return err
	}
	d.Actors = actors.Actors
	return s.render(w, r, http.StatusOK, "home", d)
}

type incidentsData struct {
	page
	Filter    filterForm
	Error     string
	Incidents []dossier.IncidentSummary
	Next      string
	First     bool
	dossier.PageInfo
	Sorts      []string
	SortLabels map[string]string
	Types      []string
}

func (s *Server) incidentList(w http.ResponseWriter, r *http.Request) error {
	d := &incidentsData{page: s.newPage(r, "Incidents"), Sorts: sortOptions, SortLabels: sorts, Types: eventTypes}
	d.Nav = "incidents"
	f, ff, err := incidentFilter(r)
	d.Filter = ff
	status := http.StatusOK
	var pe *Error
	if errors.As(err, &pe) {
		// Show the form again with what was wrong, and no results.
		d.Error, status = pe.Message, http.StatusBadRequest
		return s.render(w, r, status, "incidents", d)
	}
	f.Limit = 50
	p, err := s.store.Incidents(r.Context(), f)
	if errors.Is(err, dossier.ErrInvalid) {
		d.Error = explain(err, dossier.ErrInvalid)
		return s.render(w, r, http.StatusBadRequest, "incidents", d)
	}
	if err != nil {
		return err
	}
	d.Incidents, d.Next, d.First, d.PageInfo = p.Incidents, p.Next, f.Cursor == "", p.PageInfo
	return s.render(w, r, status, "incidents", d)
}

type actorsData struct {
	page
	Q, Kind string
	Kinds   []string
	Actors  []dossier.ActorSummary
	Next    string
	First   bool
	dossier.PageInfo
}

var actorKinds = []string{dossier.KindPerson, dossier.KindArmedGroup, dossier.KindState, dossier.KindOrganization,
	dossier.KindParty, dossier.KindMedia, dossier.KindOther}

func (s *Server) actorList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	d := &actorsData{page: s.newPage(r, "Actors"), Q: strings.TrimSpace(q.Get("q")), Kind: q.Get("kind"), Kinds: actorKinds}
	d.Nav = "actors"
	if d.Kind != "" && !containsString(actorKinds, d.Kind) {
		return errorf(codeInvalid, "kind=%q: want one of %s", d.Kind, strings.Join(actorKinds, ", "))
	}
	p, err := s.store.Actors(r.Context(), dossier.ActorFilter{Q: d.Q, Kind: d.Kind, Limit: 100, Cursor: q.Get("cursor")})
	if err != nil {
		return err
	}
	d.Actors, d.Next, d.First, d.PageInfo = p.Actors, p.Next, q.Get("cursor") == "", p.PageInfo
	return s.render(w, r, http.StatusOK, "actors", d)
}

type documentsData struct {
	page
	Q         string
	Documents []dossier.DocumentSummary
	Next      string
	First     bool
	dossier.PageInfo
}

// PageQuery is the query string of the page a cursor (Next, Prev) leads to.
func (d *actorsData) PageQuery(cursor string) string {
	v := url.Values{"cursor": {cursor}}
	if d.Q != "" {
		v.Set("q", d.Q)
	}
	if d.Kind != "" {
		v.Set("kind", d.Kind)
	}
	return v.Encode()
}

// PageQuery is the query string of the page a cursor (Next, Prev) leads to.
func (d *documentsData) PageQuery(cursor string) string {
	v := url.Values{"cursor": {cursor}}
	if d.Q != "" {
		v.Set("q", d.Q)
	}
	return v.Encode()
}

func (s *Server) documentList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	d := &documentsData{page: s.newPage(r, "Documents"), Q: strings.TrimSpace(q.Get("q"))}
	d.Nav = "documents"
	p, err := s.store.Documents(r.Context(), dossier.DocumentFilter{Q: d.Q, Limit: 100, Cursor: q.Get("cursor")})
	if err != nil {
		return err
	}
	d.Documents, d.Next, d.First, d.PageInfo = p.Documents, p.Next, q.Get("cursor") == "", p.PageInfo
	return s.render(w, r, http.StatusOK, "documents", d)
}

type searchData struct {
	page
	Incidents, Actors, Documents []searchHit
	Searched                     bool
}

// searchHit is a hit as the search page shows it: when something other
// than its title matched, a snippet of it with the matched words marked.
type searchHit struct {
	dossier.SearchHit
	Snippet template.HTML
}

func newSearchHit(h dossier.SearchHit) searchHit {
	v := searchHit{SearchHit: h}
	if sn := h.Snippet; sn != nil && sn.Field != "title" && sn.Field != "name" {
		marks := make([]mark, len(sn.Marks))
		for i, m := range sn.Marks {
			marks[i] = mark{Start: m.Start, End: m.End, Class: "evidence"}
		}
		v.Snippet = highlight(sn.Text, marks)
	}
	return v
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	title := "Search"
	if q != "" {
		title = "Search: " + q
	}
	d := &searchData{page: s.newPage(r, title)}
	d.Query = q
	if q != "" {
		mentions, err := boolParam(r, "include_mentions")
		if err != nil {
			return err
		}
		hits, err := s.store.Search(r.Context(), q, dossier.SearchOptions{Limit: 25, IncludeMentions: mentions})
		if err != nil {
			return err
		}
		d.Searched = true
		// The store's order: exact, title, then field or text matches.
		for _, h := range hits {
			switch v := newSearchHit(h); h.Kind {
			case "incident":
				d.Incidents = append(d.Incidents, v)
			case "actor":
				d.Actors = append(d.Actors, v)
			case "document":
				d.Documents = append(d.Documents, v)
			}
		}
	}
	return s.render(w, r, http.StatusOK, "search", d)
}

type reviewsData struct {
	page
	Reviews []dossier.Review
	Author  string
}

func (s *Server) reviewList(w http.ResponseWriter, r *http.Request) error {
	d := &reviewsData{page: s.newPage(r, "Reviews"), Author: strings.TrimSpace(r.URL.Query().Get("author"))}
	d.Nav = "reviews"
	rs, err := s.store.Reviews(r.Context(), dossier.ReviewFilter{Author: d.Author, Limit: 200})
	if err != nil {
		return err
	}
	d.Reviews = rs
	return s.render(w, r, http.StatusOK, "reviews", d)
}

// reviewHref points at what a review is about.
func reviewHref(rv dossier.Review) string {
	switch rv.Target {
	case dossier.TargetIncident:
		return "/incidents/" + rv.TargetID
	case dossier.TargetActor:
		return "/actors/" + rv.TargetID
	}
	return ""
}
