package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/resolve"
)

// testReviewsSurviveUpgrade: reviews of merges and of a field still apply
// after every document is extracted again by a new extractor version that
// numbers its incidents differently (so every report id, and the incident
// ids anchored on them, change): a report split off stays apart, a report
// given an incident of its own keeps it, a corrected figure stays
// corrected, and the incident's old id leads to the new one.
func testReviewsSurviveUpgrade(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "Drone attack", "", "a")
	b := Doc("b.txt", "", "Drone strike", "", "b")
	c := Doc("c.txt", "", "Rockets on Erbil", "", "c")
	mention := kadhimi("m")
	mention.Main = false
	mention.Title = "The drone attack on the prime minister"
	xs := func(ida, idb, ide, idm string, swap bool) []*dossier.Extraction {
		cx := Extraction(c, erbil(ide, "2021-11-07"), withID(mention, idm))
		if swap {
			cx.Incidents[0], cx.Incidents[1] = cx.Incidents[1], cx.Incidents[0]
		}
		return []*dossier.Extraction{Extraction(a, kadhimi(ida)), Extraction(b, kadhimi(idb)), cx}
	}
	docs := []*dossier.Document{a, b, c}
	for i, x := range xs("k", "k", "e", "m", false) {
		put(t, ctx, st, docs[i], x)
	}
	ins := incidents(t, ctx, st, dossier.IncidentFilter{IncludeMentions: true})
	var pm *dossier.IncidentSummary
	for i := range ins {
		if len(ins[i].Sources) == 3 {
			pm = &ins[i]
		}
	}
	if pm == nil {
		t.Fatalf("the two reports and the mention of the drone attack are not one incident: %+v", ins)
	}
	d := incident(t, ctx, st, pm.ID)
	var rb, rm string
	for _, r := range d.Reports {
		switch r.Document.Path {
		case "b.txt":
			rb = r.ID
		case "c.txt":
			rm = r.ID
		}
	}
	for _, r := range []dossier.Review{
		{Target: dossier.TargetReport, TargetID: rb, Action: dossier.ReviewReject, Author: "ana", Note: "another attack"},
		{Target: dossier.TargetReport, TargetID: rm, Action: dossier.ReviewCorrect, Value: dossier.OwnIncident, Author: "ana"},
		{Target: dossier.TargetIncident, TargetID: pm.ID, Field: "fatalities", Action: dossier.ReviewCorrect, Value: "1", Author: "ana"},
	} {
		if _, err := st.AddReview(ctx, r); err != nil {
			t.Fatalf("review %+v: %v", r, err)
		}
	}
	check := func(when string) {
		t.Helper()
		ins := incidents(t, ctx, st, dossier.IncidentFilter{IncludeMentions: true})
		if len(ins) != 4 {
			t.Errorf("%s: %d incidents, want 4 (a's, b's split off, the mention on its own, Erbil)", when, len(ins))
		}
		for _, in := range ins {
			var paths []string
			for _, s := range in.Sources {
				paths = append(paths, s.Path)
			}
			if len(paths) != 1 {
				t.Errorf("%s: %q has sources %v, want one each", when, in.Title, paths)
			}
			if paths[0] == "a.txt" && resolve.RangeString(in.Fatalities) != "1" {
				t.Errorf("%s: the corrected figure is %s, want 1", when, resolve.RangeString(in.Fatalities))
			}
		}
		// the reviewed incident's first id still leads to it
		if d, err := st.Incident(ctx, pm.ID); err != nil || len(d.Sources) != 1 || d.Sources[0].Path != "a.txt" {
			t.Errorf("%s: %s leads to %+v, %v", when, pm.ID, d, err)
		}
	}
	check("after the reviews")
	// A new extractor version numbers every incident differently.
	for i, x := range xs("k2", "k2", "e2", "m2", true) {
		if _, err := st.PutDocument(ctx, docs[i], x, Version+"-next"); err != nil {
			t.Fatal(err)
		}
	}
	settle(t, ctx, st)
	check("after the upgrade")
}

func withID(i Inc, id string) Inc { i.ID = id; return i }

// testSettleSplitsAChain: three reports of a siege a day apart each, stored
// in one run, are placed one by one into one incident (each within a day
// of the incident's dates so far); settling the run keeps the first and
// the last apart (two days), logs the split with its reason, and the old
// id leads to an incident that holds its anchor report.
func testSettleSplitsAChain(t *testing.T, ctx context.Context, st dossier.Store) {
	siege := func(id, date string) Inc {
		return Inc{ID: id, Main: true, Title: "Siege of the Rashid Hotel", Date: date, Place: "Baghdad", Country: "Iraq",
			Lat: 33.34, Lon: 44.40, Type: "Battles", SubType: "Armed clash", Targets: []string{"Rashid Hotel"}}
	}
	var docs []*dossier.Document
	for i, date := range []string{"2021-11-06", "2021-11-07", "2021-11-08"} {
		d := Doc(fmt.Sprintf("s%d.txt", i), "", "Siege", "", fmt.Sprintf("siege %d", i))
		docs = append(docs, d)
		putOnly(t, ctx, st, d, Extraction(d, siege("s", date)))
	}
	before := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(before) != 1 {
		t.Fatalf("%d incidents before settling, want the chain placed as one", len(before))
	}
	settle(t, ctx, st)
	after := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(after) != 2 {
		t.Fatalf("%d incidents after settling, want 2 (the first and last report are two days apart)", len(after))
	}
	for _, in := range after {
		var paths []string
		for _, s := range in.Sources {
			paths = append(paths, s.Path)
		}
		sort.Strings(paths)
		if strings.Join(paths, ",") == "s0.txt,s1.txt,s2.txt" || strings.Join(paths, ",") == "s0.txt,s2.txt" {
			t.Errorf("one incident holds %v", paths)
		}
	}
	d, err := st.Incident(ctx, before[0].ID)
	if err != nil {
		t.Fatalf("the chain's id leads nowhere: %v", err)
	}
	var split bool
	for _, h := range d.History {
		split = split || h.Action == "split" && h.Reason != ""
	}
	if !split {
		t.Errorf("history %+v: no split logged", d.History)
	}
}
