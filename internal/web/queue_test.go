package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/storetest"
)

// queueStore is a store of the test's own with two dated bombings of the
// Basra fish market and an undated report that both fit: it waits in the
// review queue.
func queueStore(t *testing.T) *sqlstore.DB {
	t.Helper()
	st := newStore(t)
	ctx := context.Background()
	bombing := func(id, title, date string) storetest.Inc {
		return storetest.Inc{ID: id, Main: true, Title: title, Date: date, Place: "Basra", Country: "Iraq", Lat: 30.5, Lon: 47.8,
			Type: "Explosions/Remote violence", SubType: "Remote explosive/landmine/IED", Targets: []string{"fish market"},
			Weapons: []string{"car bomb"}}
	}
	for _, d := range []struct {
		path string
		inc  storetest.Inc
	}{
		{"basra-2019.txt", bombing("a", "Car bomb at Basra fish market", "2019-05-02")},
		{"basra-2020.txt", bombing("b", "Bomb kills five at Basra fish market", "2020-07-09")},
		{"basra-undated.txt", bombing("c", "Explosion at Basra fish market", "")},
	} {
		doc := storetest.Doc(d.path, "", "", "", "A car bomb went off at the fish market in Basra.")
		if _, err := st.PutDocument(ctx, doc, storetest.Extraction(doc, d.inc), storetest.Version); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestAPIQueue: GET /api/v1/queue lists the waiting report with its
// candidates; a review through the API places it.
func TestAPIQueue(t *testing.T) {
	st := queueStore(t)
	srv, tokens := newServer(t, st)
	raw := mustGet(t, srv, "/api/v1/queue").Body.String()
	if !strings.HasPrefix(raw, `{"items":[`) || !strings.Contains(raw, `"next":null`) {
		t.Errorf("shape: %.100s", raw)
	}
	q := decode[page[dossier.QueuedReport]](t, mustGet(t, srv, "/api/v1/queue"))
	if len(q.Items) != 1 {
		t.Fatalf("queue: %+v, want basra-undated.txt", q.Items)
	}
	it := q.Items[0]
	if it.Document.Path != "basra-undated.txt" || it.Reason != "undated, and 2 incidents fit" || len(it.Candidates) != 2 ||
		!it.Candidates[0].Fits || it.Candidates[0].Title == "" || it.Candidates[0].Score < 5.5 {
		t.Errorf("queued: %+v", it)
	}
	// the incident page says what waits near it
	for _, c := range it.Candidates {
		page := mustGet(t, srv, "/incidents/"+url.PathEscape(c.ID)).Body.String()
		if !strings.Contains(page, "Waiting in the review queue") || !strings.Contains(page, "Explosion at Basra fish market") {
			t.Errorf("the page of candidate %s does not list the waiting report", c.ID)
		}
	}
	for _, tc := range []struct {
		path string
		code int
	}{{"/api/v1/queue?limit=0", 400}, {"/api/v1/queue?cursor=garbage", 400}} {
		if rec := get(t, srv, tc.path); rec.Code != tc.code || errorCode(t, rec.Body.Bytes()) != "invalid" {
			t.Errorf("%s: %d %s", tc.path, rec.Code, rec.Body.String())
		}
	}

	if home := mustGet(t, srv, "/").Body.String(); !strings.Contains(home, `<a href="/queue"><b>1</b> undated report waits for review</a>`) {
		t.Errorf("the home page does not say a report waits")
	}
	secret, _, err := tokens.Create("Ada Reviewer")
	if err != nil {
		t.Fatal(err)
	}
	target := it.Candidates[1].ID
	body := `{"target":"report","target_id":"` + it.ID + `","action":"correct","value":"` + target + `"}`
	if rec := post(t, srv, "/api/v1/reviews", "application/json", strings.NewReader(body), "Authorization", "Bearer "+secret); rec.Code != 201 {
		t.Fatalf("review: %d %s", rec.Code, rec.Body.String())
	}
	if q := decode[page[dossier.QueuedReport]](t, mustGet(t, srv, "/api/v1/queue")); len(q.Items) != 0 {
		t.Errorf("queue after the review: %+v", q.Items)
	}
	d := decode[dossier.IncidentDetail](t, mustGet(t, srv, "/api/v1/incidents/"+url.PathEscape(target)))
	placed := 0
	for _, r := range d.Reports {
		if r.Document.Path == "basra-undated.txt" && r.Reason == "placed by review" {
			placed++
		}
	}
	if len(d.Reports) != 2 || placed != 1 {
		t.Errorf("the incident's reports: %+v", d.Reports)
	}
	if st := decode[dossier.Stats](t, mustGet(t, srv, "/api/v1/stats")); st.Queued != 0 {
		t.Errorf("stats: %+v", st)
	}
}
