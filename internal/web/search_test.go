package web_test

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// TestSearchRanking is issue 13's "drone" on the demo corpus: the API and
// the search page rank incidents with the word in their title first, give
// every hit a snippet with the word marked, and the Kadhimi drone attack
// (a drone its weapon, not in its title) above incidents that have the word
// only in their type.
func TestSearchRanking(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	p := decode[page[dossier.SearchHit]](t, mustGet(t, srv, "/api/v1/search?q=drone&kind=incident&limit=100"))
	inTitle := func(h dossier.SearchHit) bool { return strings.Contains(strings.ToLower(h.Title), "drone") }
	if len(p.Items) < 5 || !inTitle(p.Items[0]) {
		t.Fatalf("drone: %+v, want a title with drone first", p.Items)
	}
	kadhimi, typeOnly := -1, -1
	for i, h := range p.Items {
		if i > 0 && inTitle(h) && !inTitle(p.Items[i-1]) {
			t.Errorf("drone: %q (%d) ranks below %q, whose title lacks the word", h.Title, i, p.Items[i-1].Title)
		}
		if h.Snippet == nil || len(h.Snippet.Marks) == 0 {
			t.Errorf("drone: %q has no snippet: %+v", h.Title, h.Snippet)
			continue
		}
		m := h.Snippet.Marks[0]
		if w := strings.ToLower(h.Snippet.Text[m.Start:m.End]); !strings.HasPrefix(w, "drone") {
			t.Errorf("drone: %q marks %q", h.Title, w)
		}
		if strings.Contains(h.Title, "Kadhimi") {
			kadhimi = i
		}
		if h.Snippet.Field == "type" && typeOnly < 0 {
			typeOnly = i
		}
	}
	if kadhimi < 0 || typeOnly >= 0 && kadhimi > typeOnly {
		t.Errorf("drone: the Kadhimi attack at %d, the first match by type only at %d", kadhimi, typeOnly)
	}

	body := mustGet(t, srv, "/search?q=drone").Body.String()
	first := strings.Index(body, `<ul class="hits">`)
	if first < 0 || !strings.Contains(body[first:], `<mark class="hl hl-evidence">drone</mark>`) {
		t.Errorf("search page: no marked drone:\n%s", shortBody(body))
	}
	if i, j := strings.Index(body, "Homs"), strings.Index(body, "Kadhimi"); i < 0 || j < 0 || i > j {
		t.Errorf("search page: the Homs drone strike (%d) should come before the Kadhimi attack (%d)", i, j)
	}
}

// TestActorFilterByPartOfName: actor=Soleimani and the actor page of
// "Soleimani" find Qasem Soleimani and the 2020 strike (issue 13).
func TestActorFilterByPartOfName(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	p := decode[page[dossier.IncidentSummary]](t, mustGet(t, srv, "/api/v1/incidents?actor=Soleimani"))
	found := false
	for _, in := range p.Items {
		found = found || in.Title == "Assassination of Qasem Soleimani"
	}
	if !found {
		t.Errorf("actor=Soleimani: %d incidents, not the 2020 strike", len(p.Items))
	}
	a := decode[dossier.ActorDetail](t, mustGet(t, srv, "/api/v1/actors/Soleimani"))
	if a.Name != "Qasem Soleimani" {
		t.Errorf("actor Soleimani: %q", a.Name)
	}
}
