package web

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/dossier-project/dossier"
)

// The three views of the whole knowledge base: timeline, map, network.
// Each page is a script's canvas fed by a JSON endpoint (named in a data-
// attribute, never inlined), above a plain list that works without
// JavaScript.

type viewData struct {
	page
	Filter    filterForm
	Error     string
	Types     []string
	Incidents []dossier.IncidentSummary
	// Next is the cursor of the list's next page; First says this is the
	// first page.
	Next  string
	First bool
	// Src is the JSON the script loads.
	Src string
	// Located counts the incidents of the list that have coordinates.
	Located int
}

// viewListSize is how many incidents a page of the list under a view
// shows, as in the incident list; the script draws them all.
const viewListSize = 50

func (s *Server) incidentView(w http.ResponseWriter, r *http.Request, name, title, script string, sort string) error {
	d := &viewData{page: s.newPage(r, title), Types: eventTypes}
	d.Nav = name
	d.Scripts = []string{script + ".js"}
	d.Styles = []string{script + ".css"}
	f, ff, err := incidentFilter(r)
	d.Filter = ff
	var pe *Error
	if errors.As(err, &pe) {
		d.Error = pe.Message
		return s.render(w, r, http.StatusBadRequest, name, d)
	}
	v := ff.Values()
	v.Set("limit", "500")
	v.Set("view", "brief")
	d.Src = "/api/v1/incidents?" + v.Encode()
	f.Sort, f.Limit = sort, viewListSize
	p, err := s.store.Incidents(r.Context(), f)
	if errors.Is(err, dossier.ErrInvalid) {
		d.Error = explain(err, dossier.ErrInvalid)
		return s.render(w, r, http.StatusBadRequest, name, d)
	}
	if err != nil {
		return err
	}
	d.Incidents, d.Next, d.First = p.Incidents, p.Next, f.Cursor == ""
	for _, in := range p.Incidents {
		if in.Location != nil && in.Location.Lat != nil && in.Location.Lon != nil {
			d.Located++
		}
	}
	return s.render(w, r, http.StatusOK, name, d)
}

func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request) error {
	return s.incidentView(w, r, "timeline", "Timeline", "timeline", dossier.SortDateAsc)
}

func (s *Server) mapPage(w http.ResponseWriter, r *http.Request) error {
	return s.incidentView(w, r, "map", "Map", "map", dossier.SortDateDesc)
}

type networkData struct {
	page
	Graph *graph
	Src   string
	Kinds []string
}

func (s *Server) networkPage(w http.ResponseWriter, r *http.Request) error {
	g, err := s.network(r.Context())
	if err != nil {
		return err
	}
	d := &networkData{page: s.newPage(r, "Network"), Graph: g, Src: "/api/v1/network", Kinds: actorKinds}
	d.Nav = "network"
	d.Scripts = []string{"network.js"}
	d.Styles = []string{"network.css"}
	return s.render(w, r, http.StatusOK, "network", d)
}

// graph is the actor network: actors as nodes, relations as edges.
type graph struct {
	Nodes []graphNode `json:"nodes"`
	Edges []graphEdge `json:"edges"`
	// Truncated says that only the most documented actors were read.
	Truncated bool `json:"truncated"`
}

type graphNode struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	Documents int    `json:"documents"`
	Incidents int    `json:"incidents"`
}

type graphEdge struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	Predicate string `json:"predicate"`
	// Sources counts the documents that state the relation; Document and
	// Evidence are the first.
	Sources    int    `json:"sources"`
	DocumentID string `json:"document_id"`
	Evidence   string `json:"evidence"`
	// For the list under the graph.
	SourceName string `json:"source_name"`
	TargetName string `json:"target_name"`
}

// How much of the store the network reads: the store has no query for all
// relations, so the network is assembled from the most documented actors'
// pages, and kept for a while.
const (
	networkActors   = 400
	networkWorkers  = 4
	networkMaxAge   = time.Minute
	networkMaxExtra = 200
)

type networkEntry struct {
	stats dossier.Stats
	built time.Time
	graph *graph
}

// network returns the actor network, rebuilt when the store's counts
// changed or the cached one is old.
func (s *Server) network(ctx context.Context) (*graph, error) {
	st, err := s.store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	s.netMu.Lock()
	defer s.netMu.Unlock()
	if e := s.netCache; e != nil && e.stats == st && time.Since(e.built) < networkMaxAge {
		return e.graph, nil
	}
	g, err := s.buildNetwork(ctx)
	if err != nil {
		return nil, err
	}
	s.netCache = &networkEntry{stats: st, built: time.Now(), graph: g}
	return g, nil
}

func (s *Server) buildNetwork(ctx context.Context) (*graph, error) {
	p, err := s.store.Actors(ctx, dossier.ActorFilter{Limit: networkActors})
	if err != nil {
		return nil, err
	}
	g := &graph{Nodes: []graphNode{}, Edges: []graphEdge{}, Truncated: p.Next != ""}
	details, err := s.actorDetails(ctx, actorIDs(p.Actors))
	if err != nil {
		return nil, err
	}
	// Relations may name actors outside the most documented: read those too.
	var extra []string
	seen := map[string]bool{}
	for _, d := range details {
		seen[d.ID] = true
	}
	for _, d := range details {
		for _, rel := range d.Relations {
			for _, id := range []string{rel.SubjectID, rel.ObjectID} {
				if id != "" && !seen[id] && len(extra) < networkMaxExtra {
					seen[id] = true
					extra = append(extra, id)
				}
			}
		}
	}
	more, err := s.actorDetails(ctx, extra)
	if err != nil {
		return nil, err
	}
	details = append(details, more...)
	byID := map[string]*dossier.ActorDetail{}
	for _, d := range details {
		byID[d.ID] = d
	}
	edges := map[[3]string]*graphEdge{}
	linked := map[string]bool{}
	for _, d := range details {
		for _, rel := range d.Relations {
			if byID[rel.SubjectID] == nil || byID[rel.ObjectID] == nil || rel.SubjectID == rel.ObjectID {
				continue
			}
			k := [3]string{rel.SubjectID, rel.Predicate, rel.ObjectID}
			e := edges[k]
			if e == nil {
				e = &graphEdge{Source: rel.SubjectID, Target: rel.ObjectID, Predicate: rel.Predicate,
					DocumentID: rel.Document.DocumentID, Evidence: rel.Evidence.Text,
					SourceName: byID[rel.SubjectID].Name, TargetName: byID[rel.ObjectID].Name}
				edges[k] = e
			}
			// Each relation is read from both of its actors' pages.
			e.Sources++
			linked[rel.SubjectID], linked[rel.ObjectID] = true, true
		}
	}
	for _, e := range edges {
		e.Sources = (e.Sources + 1) / 2
		g.Edges = append(g.Edges, *e)
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if a.SourceName != b.SourceName {
			return a.SourceName < b.SourceName
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		return a.TargetName < b.TargetName
	})
	// Actors without relations would be dust around the graph: only linked
	// ones are nodes (the page's script also hides those its filters leave
	// alone).
	for _, d := range details {
		if linked[d.ID] {
			g.Nodes = append(g.Nodes, graphNode{ID: d.ID, Name: d.Name, Kind: d.Kind, Documents: d.ActorSummary.Documents, Incidents: d.ActorSummary.Incidents})
		}
	}
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].Name < g.Nodes[j].Name })
	return g, nil
}

func actorIDs(as []dossier.ActorSummary) []string {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

// actorDetails reads actors' pages with a few workers, in the order given.
func (s *Server) actorDetails(ctx context.Context, ids []string) ([]*dossier.ActorDetail, error) {
	out := make([]*dossier.ActorDetail, len(ids))
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < networkWorkers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = s.store.Actor(ctx, ids[i])
			}
		}()
	}
	for i := range ids {
		next <- i
	}
	close(next)
	wg.Wait()
	var kept []*dossier.ActorDetail
	for i, d := range out {
		switch {
		case errors.Is(errs[i], dossier.ErrNotFound):
			// Forgotten while we read.
		case errs[i] != nil:
			return nil, errs[i]
		default:
			kept = append(kept, d)
		}
	}
	return kept, nil
}
