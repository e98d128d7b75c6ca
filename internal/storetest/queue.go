package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// The review queue: a document's own report with no date joins the one
// dated incident that fits it, or waits.

// undatedKadhimi is a news report of the Kadhimi attack without a date.
func undatedKadhimi(id string) Inc {
	return Inc{ID: id, Main: true, Title: "Drone attack on Kadhimi residence", Place: "Baghdad", Country: "Iraq", Lat: 33.34, Lon: 44.40,
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa Al-Kadhimi"}, Weapons: []string{"drones"}}
}

// convoy is another drone attack on Kadhimi in Baghdad, months later.
func convoy(id string) Inc {
	return Inc{ID: id, Main: true, Title: "Drone attack on Kadhimi convoy", Date: "2022-03-01", Place: "Baghdad", Country: "Iraq",
		Lat: 33.34, Lon: 44.40, Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa Al-Kadhimi"},
		Weapons: []string{"drone"}}
}

// basra is an undated report that fits nothing else in the suite.
func basra(id string) Inc {
	return Inc{ID: id, Main: true, Title: "Bombing in Basra market", Place: "Basra", Country: "Iraq", Lat: 30.5, Lon: 47.8,
		Type: "Explosions/Remote violence", SubType: "Remote explosive/landmine/IED"}
}

func queue(t *testing.T, ctx context.Context, st dossier.Store) []dossier.QueuedReport {
	t.Helper()
	p, err := st.Queue(ctx, dossier.QueueFilter{Limit: -1})
	if err != nil {
		t.Fatalf("Queue: %v", err)
	}
	return p.Items
}

// placement sums up where every document's reports went: incident title,
// date and, for each source, the reason it joined; then the queue.
func placement(t *testing.T, ctx context.Context, st dossier.Store) string {
	t.Helper()
	var lines []string
	for _, in := range incidents(t, ctx, st, dossier.IncidentFilter{}) {
		d := incident(t, ctx, st, in.ID)
		var srcs []string
		for _, r := range d.Reports {
			srcs = append(srcs, r.Document.Path+": "+r.Reason)
		}
		sort.Strings(srcs)
		date := ""
		if in.Date != nil {
			date = in.Date.Start
		}
		lines = append(lines, fmt.Sprintf("%s %s %q [%s]", in.ID, date, in.Title, strings.Join(srcs, " | ")))
	}
	sort.Strings(lines)
	for _, q := range queue(t, ctx, st) {
		lines = append(lines, "queued "+q.Document.Path+": "+q.Reason)
	}
	return strings.Join(lines, "\n")
}

// testUndatedEitherOrder ingests an undated report after its incident, and
// into another store before it: it ends in the incident either way, with
// the same reason, and the two stores hold the same incidents.
func testUndatedEitherOrder(t *testing.T, ctx context.Context, open Opener) {
	wiki := Doc("wiki.txt", "", "", "", "a")
	wikiX := Extraction(wiki, kadhimi("x"), erbil("e", "2021-02-15"))
	news := Doc("news.txt", "", "", "", "b")
	newsX := Extraction(news, undatedKadhimi("y"))

	after := open(t)
	defer after.Close()
	put(t, ctx, after, wiki, wikiX)
	put(t, ctx, after, news, newsX)

	before := open(t)
	defer before.Close()
	put(t, ctx, before, news, newsX)
	if ins := incidents(t, ctx, before, dossier.IncidentFilter{}); len(ins) != 0 {
		t.Errorf("the undated report alone formed %d incidents, want none", len(ins))
	}
	if q := queue(t, ctx, before); len(q) != 1 || q[0].Reason != "undated, and no incident fits" {
		t.Fatalf("queue before its incident: %+v, want news.txt waiting", q)
	}
	put(t, ctx, before, wiki, wikiX)
	if q := queue(t, ctx, before); len(q) != 0 {
		t.Errorf("queue after its incident: %+v, want it empty", q)
	}

	for name, st := range map[string]dossier.Store{"after": after, "before": before} {
		var found bool
		for _, in := range incidents(t, ctx, st, dossier.IncidentFilter{}) {
			for _, r := range incident(t, ctx, st, in.ID).Reports {
				if r.Document.Path != "news.txt" {
					continue
				}
				found = true
				if !strings.Contains(in.Title, "Kadhimi") || in.SourceCount != 2 {
					t.Errorf("%s: news.txt in %q with %d sources, want the Kadhimi incident with 2", name, in.Title, in.SourceCount)
				}
				if !strings.HasPrefix(r.Reason, "undated, the one incident that fits: ") || !strings.Contains(r.Reason, "same target") {
					t.Errorf("%s: reason %q", name, r.Reason)
				}
			}
		}
		if !found {
			t.Errorf("%s: news.txt is in no incident", name)
		}
		problems, err := st.Check(ctx)
		if err != nil || len(problems) > 0 {
			t.Errorf("%s: check: %v %v", name, problems, err)
		}
	}
	if a, b := placement(t, ctx, after), placement(t, ctx, before); a != b {
		t.Errorf("the order changed the result:\nafter:\n%s\nbefore:\n%s", a, b)
	}
}

// putTwoFit stores the Kadhimi attack, the convoy attack, and then an
// undated report that both fit, which it returns.
func putTwoFit(t *testing.T, ctx context.Context, st dossier.Store) (*dossier.Document, *dossier.Extraction) {
	t.Helper()
	a := Doc("wiki.txt", "", "", "", "a")
	put(t, ctx, st, a, Extraction(a, kadhimi("x")))
	c := Doc("convoy.txt", "", "", "", "c")
	put(t, ctx, st, c, Extraction(c, convoy("v")))
	n := Doc("news.txt", "", "", "", "b")
	nx := Extraction(n, undatedKadhimi("y"))
	put(t, ctx, st, n, nx)
	return n, nx
}

// testUndatedWaits: an undated report that two incidents fit waits, with
// both as candidates; when one of them is forgotten, it joins the other.
func testUndatedWaits(t *testing.T, ctx context.Context, st dossier.Store) {
	putTwoFit(t, ctx, st)
	if ins := incidents(t, ctx, st, dossier.IncidentFilter{}); len(ins) != 2 {
		t.Fatalf("%d incidents, want 2: the undated report forms none", len(ins))
	}
	q := queue(t, ctx, st)
	if len(q) != 1 || q[0].Reason != "undated, and 2 incidents fit" || len(q[0].Candidates) != 2 {
		t.Fatalf("queue %+v, want news.txt with 2 incidents that fit", q)
	}
	for _, c := range q[0].Candidates {
		if !c.Fits || c.Score < 5.5 || c.Title == "" || c.Date == nil {
			t.Errorf("candidate %+v: want a dated incident that fits, with its score", c)
		}
	}
	st2, err := st.Stats(ctx)
	if err != nil || st2.Queued != 1 {
		t.Errorf("stats %+v %v, want 1 queued", st2, err)
	}
	// Without the convoy, one candidate is left: the report joins it.
	if _, err := st.ForgetDocument(ctx, "convoy.txt"); err != nil {
		t.Fatal(err)
	}
	if q := queue(t, ctx, st); len(q) != 0 {
		t.Errorf("queue after forgetting a candidate: %+v, want it empty", q)
	}
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 1 || ins[0].SourceCount != 2 {
		t.Errorf("incidents %+v, want Kadhimi with 2 sources", ins)
	}
	// Without the report that dated it, the undated one waits again
	// rather than make a dateless incident.
	if _, err := st.ForgetDocument(ctx, "wiki.txt"); err != nil {
		t.Fatal(err)
	}
	if ins := incidents(t, ctx, st, dossier.IncidentFilter{}); len(ins) != 0 {
		t.Errorf("incidents after forgetting the dated report: %+v, want none", ins)
	}
	if q := queue(t, ctx, st); len(q) != 1 || q[0].Reason != "undated, and no incident fits" {
		t.Errorf("queue after forgetting the dated report: %+v, want news.txt waiting", q)
	}
}

// testQueueReview: a reviewer places a queued report in an incident, or
// in an incident of its own; both are reviews and survive a new extractor
// version.
func testQueueReview(t *testing.T, ctx context.Context, st dossier.Store) {
	n, nx := putTwoFit(t, ctx, st)
	b := Doc("basra.txt", "", "", "", "d")
	bx := Extraction(b, basra("z"))
	put(t, ctx, st, b, bx)
	q := queue(t, ctx, st)
	if len(q) != 2 {
		t.Fatalf("queue %+v, want news.txt and basra.txt", q)
	}
	var convoyID string
	for _, in := range incidents(t, ctx, st, dossier.IncidentFilter{}) {
		if strings.Contains(in.Title, "convoy") {
			convoyID = in.ID
		}
	}
	_, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetReport, TargetID: q[0].ID, Action: dossier.ReviewConfirm, Author: "ana"})
	isErr(t, err, dossier.ErrInvalid)
	if _, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetReport, TargetID: q[0].ID, Action: dossier.ReviewCorrect,
		Value: convoyID, Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetReport, TargetID: q[1].ID, Action: dossier.ReviewCorrect,
		Value: dossier.OwnIncident, Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if q := queue(t, ctx, st); len(q) != 0 {
			t.Errorf("%s: queue %+v, want it empty", when, q)
		}
		ins := incidents(t, ctx, st, dossier.IncidentFilter{})
		if len(ins) != 3 {
			t.Errorf("%s: %d incidents, want Kadhimi, the convoy and Basra", when, len(ins))
		}
		for _, in := range ins {
			d := incident(t, ctx, st, in.ID)
			var paths []string
			for _, r := range d.Reports {
				paths = append(paths, r.Document.Path+" ("+r.Reason+")")
			}
			sort.Strings(paths)
			got := strings.Join(paths, ", ")
			switch {
			case in.ID == convoyID && got != "convoy.txt (new incident), news.txt (placed by review)":
				t.Errorf("%s: convoy sources %s", when, got)
			case strings.Contains(in.Title, "Basra") && got != "basra.txt (an incident of its own, by review)":
				t.Errorf("%s: Basra sources %s", when, got)
			}
		}
	}
	check("after the reviews")
	// Reprocess: the same documents under a new extractor version.
	for _, d := range []struct {
		doc *dossier.Document
		x   *dossier.Extraction
	}{{n, nx}, {b, bx}} {
		if _, err := st.PutDocument(ctx, d.doc, d.x, Version+"-next"); err != nil {
			t.Fatal(err)
		}
	}
	check("after reprocessing")
}
