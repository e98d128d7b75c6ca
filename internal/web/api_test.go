package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

type page[T any] struct {
	Items           []T     `json:"items"`
	Next            *string `json:"next"`
	Prev            *string `json:"prev"`
	Total           int     `json:"total"`
	TotalIsEstimate bool    `json:"total_is_estimate"`
}

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type %q", ct)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %T: %v\n%s", v, err, shortBody(rec.Body.String()))
	}
	return v
}

func mustGet(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := get(t, h, path)
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d %s", path, rec.Code, shortBody(rec.Body.String()))
	}
	return rec
}

func TestAPIIncidents(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	x := sharedIDs(t)

	// Pages follow one another without overlap, to the end.
	all := func(query string) map[string]string {
		seen := map[string]string{}
		path := "/api/v1/incidents?limit=40" + query
		pages := 0
		total := -1
		for {
			p := decode[page[dossier.IncidentSummary]](t, mustGet(t, srv, path))
			pages++
			if total >= 0 && p.Total != total || p.TotalIsEstimate || (p.Prev == nil) != (pages == 1) {
				t.Errorf("%s page %d: total %d (was %d, estimate %v), prev %v", query, pages, p.Total, total, p.TotalIsEstimate, p.Prev)
			}
			total = p.Total
			for _, in := range p.Items {
				if seen[in.ID] != "" {
					t.Fatalf("incident %s on two pages", in.ID)
				}
				seen[in.ID] = in.Kind
			}
			if p.Next == nil {
				break
			}
			path = "/api/v1/incidents?limit=40" + query + "&cursor=" + url.QueryEscape(*p.Next)
		}
		if pages < 2 || total != len(seen) {
			t.Errorf("%s: %d pages, %d incidents, total %d", query, pages, len(seen), total)
		}
		return seen
	}
	seen := all("")
	withMentions := all("&include_mentions=true")
	mentions := 0
	for id, k := range withMentions {
		switch {
		case k == dossier.IncidentMention:
			mentions++
			if seen[id] != "" {
				t.Errorf("mention %s listed by default", id)
			}
		case seen[id] != k:
			t.Errorf("incident %s (%s) missing from the default listing", id, k)
		}
	}
	if len(seen) < 70 || mentions == 0 || len(withMentions) != len(seen)+mentions {
		t.Errorf("%d incidents listed, %d with %d mentions", len(seen), len(withMentions), mentions)
	}
	if rec := get(t, srv, "/api/v1/incidents?include_mentions=maybe"); rec.Code != http.StatusBadRequest {
		t.Errorf("include_mentions=maybe: %d, want 400", rec.Code)
	}
	if seen[x.incident] != dossier.IncidentEvent {
		t.Errorf("the Kadhimi incident is not listed")
	}

	// Filters narrow; the answer is the shape.
	raw := mustGet(t, srv, "/api/v1/incidents?country=Iraq&from=2021&to=2021&type=Explosions%2FRemote+violence&sort=-date").Body.String()
	if !strings.HasPrefix(raw, `{"items":[`) || !strings.Contains(raw, `"next":null`) {
		t.Errorf("shape: %.100s", raw)
	}
	p := decode[page[dossier.IncidentSummary]](t, mustGet(t, srv, "/api/v1/incidents?country=Iraq&from=2021&to=2021&sort=-date"))
	if len(p.Items) == 0 {
		t.Fatal("no incident in Iraq in 2021")
	}
	for i, in := range p.Items {
		if in.Location == nil || in.Location.Country != "Iraq" || in.Date == nil || in.Date.Start > "2021-12-31" || in.Date.End < "2021" {
			t.Errorf("filtered out incident listed: %s %v %v", in.Title, in.Location, in.Date)
		}
		if i > 0 && p.Items[i-1].Date.Start > in.Date.Start {
			t.Errorf("not oldest first: %s before %s", p.Items[i-1].Date.Start, in.Date.Start)
		}
	}
	for _, q := range []string{"actor=Kata%27ib+Hezbollah", "weapon=drone", "q=Kadhimi"} {
		p := decode[page[dossier.IncidentSummary]](t, mustGet(t, srv, "/api/v1/incidents?"+q))
		found := false
		for _, in := range p.Items {
			found = found || in.ID == x.incident
		}
		if !found {
			t.Errorf("?%s does not find the Kadhimi incident", q)
		}
	}

	// The brief view, for the timeline and the map, leaves out the evidence.
	brief := mustGet(t, srv, "/api/v1/incidents?view=brief&limit=5").Body.String()
	if strings.Contains(brief, `"evidence"`) || !strings.Contains(brief, `"location"`) || !strings.Contains(brief, `"next":"`) {
		t.Errorf("view=brief: %.300s", brief)
	}
	if rec := get(t, srv, "/api/v1/incidents?view=tiny"); rec.Code != 400 {
		t.Errorf("view=tiny: %d", rec.Code)
	}

	// One incident: sources, fields with evidence, claims, statements.
	d := decode[dossier.IncidentDetail](t, mustGet(t, srv, "/api/v1/incidents/"+x.incident))
	// the seed and its abridged copy in the encyclopedia corpus: one
	// independent source, the copy listed
	copies := 0
	for _, r := range d.Reports {
		if r.Document.CopyOf != "" {
			copies++
		}
	}
	if copies != 1 {
		t.Errorf("incident: %d reports from copies, want the abridged article", copies)
	}
	if d.SourceCount != 1 || len(d.Fields) == 0 || len(d.Claims) == 0 || len(d.Statements) == 0 || len(d.Reports) != 2 {
		t.Errorf("incident: %d sources, %d fields, %d claims, %d statements, %d reports", d.SourceCount, len(d.Fields), len(d.Claims), len(d.Statements), len(d.Reports))
	}

	// A cursor is good under its own filters only; a misspelt filter, or
	// from after to, is an error, not a listing of everything.
	iraq := decode[page[dossier.IncidentSummary]](t, mustGet(t, srv, "/api/v1/incidents?country=Iraq&limit=2"))
	attack := decode[page[dossier.SearchHit]](t, mustGet(t, srv, "/api/v1/search?q=attack&limit=7"))
	if iraq.Next == nil || attack.Next == nil {
		t.Fatal("no second page of Iraq's incidents or of the search for attack")
	}
	for _, tc := range []struct {
		path, code string
		status     int
	}{
		{"/api/v1/incidents?from=yesterday", "invalid", 400},
		{"/api/v1/incidents?sort=best", "invalid", 400},
		{"/api/v1/incidents?limit=0", "invalid", 400},
		{"/api/v1/incidents?cursor=garbage", "invalid", 400},
		{"/api/v1/incidents?contry=Iraq", "invalid", 400},
		{"/api/v1/incidents?country=Iraq&limit=5&cursor=" + url.QueryEscape(*iraq.Next), "", 200},
		{"/api/v1/incidents?country=Iran&limit=5&cursor=" + url.QueryEscape(*iraq.Next), "invalid", 400},
		{"/api/v1/incidents?country=Iraq&sort=title&cursor=" + url.QueryEscape(*iraq.Next), "invalid", 400},
		{"/api/v1/actors?cursor=" + url.QueryEscape(*iraq.Next), "invalid", 400},
		{"/api/v1/incidents?from=2022&to=2021-06", "invalid", 400},
		{"/api/v1/stats?verbose=1", "invalid", 400},
		{"/api/v1/incidents/" + x.incident + "?view=brief", "invalid", 400},
		{"/api/v1/incidents/i000000000000", "not_found", 404},
		{"/api/v1/actors/nobody-at-all", "not_found", 404},
		{"/api/v1/documents/d000000000000", "not_found", 404},
		{"/api/v1/actors?kind=alien", "invalid", 400},
		{"/api/v1/search", "invalid", 400},
		{"/api/v1/search?q=x&kind=place", "invalid", 400},
		{"/api/v1/search?q=x&cursor=bad", "invalid", 400},
		{"/api/v1/search?q=attack&limit=7&cursor=" + url.QueryEscape(*attack.Next), "", 200},
		{"/api/v1/search?q=bombing&limit=7&cursor=" + url.QueryEscape(*attack.Next), "invalid", 400},
		{"/api/v1/elsewhere", "not_found", 404},
	} {
		rec := get(t, srv, tc.path)
		if rec.Code == 200 && tc.status == 200 {
			continue
		}
		if rec.Code != tc.status || errorCode(t, rec.Body.Bytes()) != tc.code {
			t.Errorf("GET %s: %d %s, want %d %s", tc.path, rec.Code, rec.Body.String(), tc.status, tc.code)
		}
	}
	req := httptest.NewRequest(http.MethodDelete, "/api/v1/incidents", nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != 405 || errorCode(t, rec.Body.Bytes()) != "method_not_allowed" || rec.Header().Get("Allow") != "GET" {
		t.Errorf("DELETE: %d %s", rec.Code, rec.Body.String())
	}
}

func TestAPIActorsDocumentsSearch(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	x := sharedIDs(t)

	as := decode[page[dossier.ActorSummary]](t, mustGet(t, srv, "/api/v1/actors?q=asaib"))
	if len(as.Items) == 0 || as.Items[0].ID != x.actor {
		t.Errorf("actors?q=asaib: %+v", as.Items)
	}
	all := decode[page[dossier.ActorSummary]](t, mustGet(t, srv, "/api/v1/actors?limit=5"))
	if len(all.Items) != 5 || all.Next == nil {
		t.Errorf("actors page: %d items, next %v", len(all.Items), all.Next)
	}
	a := decode[dossier.ActorDetail](t, mustGet(t, srv, "/api/v1/actors/"+x.actor))
	if a.Name != "Asaib Al-Haq" || len(a.Relations) == 0 || len(a.Incidents) == 0 || a.Relations[0].Evidence.Text == "" {
		t.Errorf("actor: %s, %d relations, %d incidents", a.Name, len(a.Relations), len(a.Incidents))
	}

	ds := decode[page[dossier.DocumentSummary]](t, mustGet(t, srv, "/api/v1/documents?limit=50"))
	if len(ds.Items) != 50 || ds.Next == nil {
		t.Errorf("documents: %d, next %v", len(ds.Items), ds.Next)
	}
	d := decode[dossier.DocumentDetail](t, mustGet(t, srv, "/api/v1/documents/"+x.seed))
	if len(d.Spans) == 0 || d.Extraction == nil || !strings.HasPrefix(d.Text, "Attempted assassination") {
		t.Errorf("document: %d spans", len(d.Spans))
	}
	for _, sp := range d.Spans {
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
			t.Fatalf("span out of the text: %+v", sp)
		}
	}

	// Search: the shape; kinds in order; pages that add up.
	raw := mustGet(t, srv, "/api/v1/search?q=Kadhimi").Body.String()
	if !strings.HasPrefix(raw, `{"items":[{"kind":"incident","id":"`) {
		t.Errorf("search shape: %.120s", raw)
	}
	whole := decode[page[dossier.SearchHit]](t, mustGet(t, srv, "/api/v1/search?q=attack&limit=100"))
	var paged []dossier.SearchHit
	path := "/api/v1/search?q=attack&limit=7"
	for path != "" {
		p := decode[page[dossier.SearchHit]](t, mustGet(t, srv, path))
		paged = append(paged, p.Items...)
		path = ""
		if p.Next != nil {
			path = "/api/v1/search?q=attack&limit=7&cursor=" + url.QueryEscape(*p.Next)
		}
		if len(paged) > 500 {
			t.Fatal("search pages do not end")
		}
	}
	if len(whole.Items) < 10 || len(paged) < len(whole.Items) || whole.Next == nil && len(paged) != len(whole.Items) {
		t.Fatalf("search: %d hits in one page (next %v), %d over pages of 7", len(whole.Items), whole.Next, len(paged))
	}
	order := map[string]int{"incident": 0, "actor": 1, "document": 2}
	for i := range whole.Items {
		if !reflect.DeepEqual(paged[i], whole.Items[i]) {
			t.Fatalf("hit %d differs between paging and one page: %+v, %+v", i, paged[i], whole.Items[i])
		}
		if i > 0 && order[paged[i-1].Kind] > order[paged[i].Kind] {
			t.Errorf("kinds out of order at %d", i)
		}
	}
	only := decode[page[dossier.SearchHit]](t, mustGet(t, srv, "/api/v1/search?q=Kadhimi&kind=document"))
	for _, h := range only.Items {
		if h.Kind != "document" {
			t.Errorf("kind=document gave a %s", h.Kind)
		}
	}

	g := decode[struct {
		Nodes []struct{ ID, Name, Kind string }
		Edges []struct{ Source, Target, Predicate string }
	}](t, mustGet(t, srv, "/api/v1/network"))
	if len(g.Nodes) < 10 || len(g.Edges) < 10 {
		t.Errorf("network: %d nodes, %d edges", len(g.Nodes), len(g.Edges))
	}
	nodes := map[string]bool{}
	for _, n := range g.Nodes {
		nodes[n.ID] = true
	}
	for _, e := range g.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge to a missing node: %+v", e)
		}
	}
	st := decode[dossier.Stats](t, mustGet(t, srv, "/api/v1/stats"))
	if st.Documents != 65 || st.Incidents < 80 {
		t.Errorf("stats: %+v", st)
	}
}

// TestOpenAPI: the document is served, parses, and describes every API
// route the server answers.
func TestOpenAPI(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	doc := decode[struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}](t, mustGet(t, srv, "/api/v1/openapi.json"))
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	for path, method := range map[string]string{
		"/api/v1/incidents": "get", "/api/v1/incidents/{id}": "get", "/api/v1/actors": "get", "/api/v1/actors/{id}": "get",
		"/api/v1/documents": "get", "/api/v1/documents/{id}": "get", "/api/v1/search": "get", "/api/v1/reviews": "post",
		"/api/v1/network": "get", "/api/v1/stats": "get", "/api/v1/openapi.json": "get", "/api/v1/queue": "get",
	} {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("the OpenAPI document lacks %s %s", strings.ToUpper(method), path)
		}
	}
	// Every documented path answers something other than the catch-all 404.
	id := regexp.MustCompile(`\{id\}`)
	for path := range doc.Paths {
		p := id.ReplaceAllString(path, "x")
		if rec := get(t, srv, p+"?q=x"); rec.Code == 404 && strings.Contains(rec.Body.String(), "no endpoint") {
			t.Errorf("documented %s is not served", path)
		}
	}
}
