package storetest

import (
	"context"
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
