package storetest

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// kadhimi is the reference incident as an encyclopedia reports it.
func kadhimi(id string) Inc {
	return Inc{ID: id, Main: true, Title: "Attempted assassination of Mustafa Al-Kadhimi", Date: "2021-11-07",
		Place: "Baghdad", Country: "Iraq", Lat: 33.34, Lon: 44.40, Type: "Explosions/Remote violence", SubType: "Air/drone strike",
		Fatal: dossier.Exact(0), Targets: []string{"Mustafa Al-Kadhimi"}, Weapons: []string{"drone"}}
}

func erbil(id, date string) Inc {
	return Inc{ID: id, Main: true, Title: "Rocket attack on Erbil", Date: date, Place: "Erbil", Country: "Iraq", Lat: 36.18, Lon: 44.01,
		Type: "Explosions/Remote violence", SubType: "Shelling/artillery/missile attack", Weapons: []string{"rockets"}, Fatal: dossier.Exact(2)}
}

func testPutTwice(t *testing.T, ctx context.Context, st dossier.Store) {
	d := Doc("a.txt", "https://example.org/a", "A", "2021-11-08", "An explosive-laden drone struck the residence.")
	x := Extraction(d, kadhimi("i1"))
	Actor(x, "Mustafa Al-Kadhimi", dossier.KindPerson)
	if r := put(t, ctx, st, d, x); r.Status != dossier.PutNew || len(r.Incidents) != 1 || r.NewIncidents != 1 {
		t.Fatalf("first put: %+v", r)
	}
	before := dump(t, ctx, st)
	r := put(t, ctx, st, d, x)
	if r.Status != dossier.PutUnchanged {
		t.Errorf("second put: status %q, want unchanged", r.Status)
	}
	if after := dump(t, ctx, st); after != before {
		t.Errorf("second put changed the store:\n%s\n----\n%s", before, after)
	}
	state, err := st.DocumentState(ctx, "https://example.org/a")
	if err != nil || state.Hash != d.ContentHash() || state.Extractor != Version {
		t.Errorf("DocumentState = %+v, %v", state, err)
	}
}

func testNewVersion(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "https://example.org/a", "A", "", "first version")
	b := Doc("b.txt", "https://example.org/b", "B", "", "another report")
	put(t, ctx, st, a, Extraction(a, kadhimi("ia"), erbil("ie", "2021-02-15")))
	put(t, ctx, st, b, Extraction(b, kadhimi("ib")))
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 2 {
		t.Fatalf("%d incidents, want 2 (Kadhimi merged, Erbil)", len(ins))
	}
	var kid string
	for _, in := range ins {
		if strings.Contains(in.Title, "Kadhimi") {
			kid = in.ID
		}
	}
	// The new version of a drops Erbil and reports 3 dead for Kadhimi.
	a2 := Doc("a.txt", "https://example.org/a", "A", "", "second version")
	k := kadhimi("ia")
	k.Fatal = dossier.Exact(3)
	if r := put(t, ctx, st, a2, Extraction(a2, k)); r.Status != dossier.PutUpdated {
		t.Errorf("status %q, want updated", r.Status)
	}
	ins = incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 1 || ins[0].ID != kid {
		t.Fatalf("after the new version: %+v, want only %s (same id)", ins, kid)
	}
	d := incident(t, ctx, st, kid)
	if got := len(d.Reports); got != 2 {
		t.Errorf("%d reports, want 2", got)
	}
	f := field(d, "fatalities")
	if len(f.Values) != 2 || !f.Conflict {
		t.Errorf("fatalities: %+v, want b's 0 and a's new 3, in conflict", f)
	}
	for _, v := range f.Values {
		for _, s := range v.Sources {
			if s.Path == "b.txt" && v.Value != "0" {
				t.Errorf("b's value changed: %+v", v)
			}
		}
	}
}

func testMergeProvenance(t *testing.T, ctx context.Context, st dossier.Store) {
	figures := []int{3, 3, 5}
	for i, n := range figures {
		d := Doc("r"+string(rune('1'+i))+".txt", "", "Report", "", "report "+string(rune('a'+i)))
		k := kadhimi("i")
		k.Fatal = dossier.Exact(n)
		put(t, ctx, st, d, Extraction(d, k))
	}
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 1 {
		t.Fatalf("%d incidents, want 1", len(ins))
	}
	in := ins[0]
	if in.SourceCount != 3 || len(in.Sources) != 3 {
		t.Errorf("sources %d %+v, want 3", in.SourceCount, in.Sources)
	}
	if in.FatalitiesSpan == nil || in.FatalitiesSpan.Min != 3 || in.FatalitiesSpan.Max == nil || *in.FatalitiesSpan.Max != 5 {
		t.Errorf("fatalities span %+v, want 3-5", in.FatalitiesSpan)
	}
	if in.Fatalities == nil || in.Fatalities.Min != 3 || in.Fatalities.Max == nil || *in.Fatalities.Max != 3 {
		t.Errorf("fatalities %+v, want 3, what two of the three sources say", in.Fatalities)
	}
	if !strings.Contains(strings.Join(in.Conflicts, ","), "fatalities") {
		t.Errorf("conflicts %v, want fatalities", in.Conflicts)
	}
	d := incident(t, ctx, st, in.ID)
	f := field(d, "fatalities")
	if len(f.Values) != 2 || f.Values[0].Cited != 2 || f.Values[1].Cited != 1 {
		t.Fatalf("fatality values %+v", f.Values)
	}
	for _, v := range f.Values {
		for _, s := range v.Sources {
			if s.Evidence == nil || s.Evidence.Text == "" || s.DocumentID == "" || s.ReportID == "" {
				t.Errorf("value %s without provenance: %+v", v.Value, s)
			}
		}
	}
	for _, r := range d.Reports[1:] {
		if !strings.Contains(r.Reason, "same date") || r.Score <= 0 {
			t.Errorf("merge reason %q score %v", r.Reason, r.Score)
		}
	}
}

func testMonthsApart(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "", "", "a")
	b := Doc("b.txt", "", "", "", "b")
	put(t, ctx, st, a, Extraction(a, erbil("x", "2021-02-15")))
	put(t, ctx, st, b, Extraction(b, erbil("y", "2021-09-11")))
	if ins := incidents(t, ctx, st, dossier.IncidentFilter{}); len(ins) != 2 {
		t.Errorf("%d incidents, want 2: attacks on one city months apart are two", len(ins))
	}
}

func testDayOff(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("wiki.txt", "", "", "", "a")
	put(t, ctx, st, a, Extraction(a, kadhimi("x")))
	// An AP story dated 6 November in the US, about the attack early on 7 November.
	n := Doc("ap.txt", "https://news.example/2021/11/06/drone", "Drone attack on Iraqi PM", "2021-11-06", "b")
	k := Inc{ID: "y", Main: true, Title: "Drone attack targets Iraqi prime minister", Date: "2021-11-06", DateFromMeta: true,
		Place: "Baghdad", Country: "Iraq", Lat: 33.31, Lon: 44.36, Type: "Explosions/Remote violence", SubType: "Air/drone strike",
		Targets: []string{"Mustafa al-Kadhimi"}}
	put(t, ctx, st, n, Extraction(n, k))
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 1 {
		t.Fatalf("%d incidents, want 1", len(ins))
	}
	if ins[0].Date == nil || ins[0].Date.Start != "2021-11-07" {
		t.Errorf("date %+v, want the encyclopedia's 2021-11-07 (a main report's, more precise source)", ins[0].Date)
	}
}

func testUndated(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("wiki.txt", "", "", "", "a")
	put(t, ctx, st, a, Extraction(a, kadhimi("x"), erbil("e", "2021-02-15")))
	n := Doc("news.txt", "", "", "", "b")
	k := Inc{ID: "y", Main: true, Title: "Drone attack on Kadhimi residence", Place: "Baghdad", Country: "Iraq", Lat: 33.34, Lon: 44.40,
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa Al-Kadhimi"}, Weapons: []string{"drones"}}
	put(t, ctx, st, n, Extraction(n, k))
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 2 {
		t.Fatalf("%d incidents, want 2: the undated report joins Kadhimi", len(ins))
	}
	for _, in := range ins {
		if strings.Contains(in.Title, "Kadhimi") && in.SourceCount != 2 {
			t.Errorf("%s has %d sources, want 2", in.Title, in.SourceCount)
		}
	}
	// An undated report of another city does not attach, and forms no
	// incident of its own: it waits in the review queue.
	m := Doc("other.txt", "", "", "", "c")
	put(t, ctx, st, m, Extraction(m, basra("z")))
	if ins := incidents(t, ctx, st, dossier.IncidentFilter{}); len(ins) != 2 {
		t.Errorf("%d incidents, want 2", len(ins))
	}
	if q := queue(t, ctx, st); len(q) != 1 || q[0].Document.Path != "other.txt" || q[0].Reason != "undated, and no incident fits" {
		t.Errorf("queue %+v, want other.txt, for no incident fits", q)
	}
}

func testSyndicated(t *testing.T, ctx context.Context, st dossier.Store) {
	story := strings.Repeat("BAGHDAD (AP) An explosive-laden drone struck the residence of Iraq's prime minister early on Sunday in what officials described as an assassination attempt. ", 3) +
		"The prime minister was unharmed; several of his guards were wounded, two officials said on condition of anonymity."
	a := Doc("site1.txt", "https://site1.example/story", "Iraqi PM survives drone attack", "2021-11-07", story)
	b := Doc("site2.txt", "https://site2.example/world/iraq-pm", "Iraq's leader unhurt after drone strike", "2021-11-07", story+" Copyright 2021 The Associated Press.")
	c := Doc("site3.txt", "https://site3.example/own", "Our reporter in Baghdad", "2021-11-07", "A completely different text written by another reporter about the same drone attack, with details of its own and quotes from residents. "+strings.Repeat("Residents described the night. ", 10))
	for _, d := range []*dossier.Document{a, b, c} {
		k := kadhimi("k")
		k.Main = true
		put(t, ctx, st, d, Extraction(d, k))
	}
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 1 {
		t.Fatalf("%d incidents, want 1", len(ins))
	}
	if len(ins[0].Sources) != 3 || ins[0].SourceCount != 2 {
		t.Errorf("sources %d, count %d: want 3 listed, 2 counted (a wire story and its copy count once)", len(ins[0].Sources), ins[0].SourceCount)
	}
	f := field(incident(t, ctx, st, ins[0].ID), "date")
	if len(f.Values) != 1 || f.Values[0].Cited != 2 {
		t.Errorf("date cited %+v, want 2", f.Values)
	}
}

// testBigIncident: an incident of more reports than the store recomputes
// after each document is recomputed once by ReconcileStale, with every
// source listed and a copy of one of its reports found among them and
// counted once, as for a small incident.
func testBigIncident(t *testing.T, ctx context.Context, st dossier.Store) {
	rs, ok := st.(interface {
		ReconcileStale(context.Context) (int, error)
	})
	if !ok {
		t.Skip("this store recomputes every incident at once")
	}
	const n = 90
	texts := make([]string, n)
	for i := range texts {
		texts[i] = fmt.Sprintf("Report %d from outlet %d. ", i, i*7) + strings.Repeat(fmt.Sprintf("Witness %d of story %d described what happened in the street that night. ", i, i), 8)
		d := Doc(fmt.Sprintf("r%03d.txt", i), fmt.Sprintf("https://outlet%d.example/story", i), "Drone attack", "2021-11-07", texts[i])
		k := kadhimi("k")
		k.Main = true
		putOnly(t, ctx, st, d, Extraction(d, k))
	}
	cp := Doc("copy.txt", "https://mirror.example/copy", "Drone attack (copy)", "2021-11-07", texts[75])
	k := kadhimi("k")
	k.Main = true
	putOnly(t, ctx, st, cp, Extraction(cp, k))
	done, err := rs.ReconcileStale(ctx)
	if err != nil || done != 1 {
		t.Fatalf("ReconcileStale: %d incidents, %v; want 1", done, err)
	}
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 1 {
		t.Fatalf("%d incidents, want 1", len(ins))
	}
	if len(ins[0].Sources) != n+1 || ins[0].SourceCount != n {
		t.Errorf("sources %d, count %d: want %d listed, %d counted (the copy once)", len(ins[0].Sources), ins[0].SourceCount, n+1, n)
	}
	if again, err := rs.ReconcileStale(ctx); err != nil || again != 0 {
		t.Errorf("a second ReconcileStale did %d, %v; want nothing left", again, err)
	}
}

// testVariants: two inputs with one key (the same source URL in two files)
// are one document whatever their order: the newer version is kept, the
// other recorded as a variant, and putting either again changes nothing.
// Before, the stored document flipped on every run.
func testVariants(t *testing.T, ctx context.Context, st dossier.Store) {
	older := Doc("a/story.txt", "https://news.example/story", "Drone attack", "2021-11-07", "A drone struck the residence. Two guards were hurt.")
	newer := Doc("b/story.txt", "https://news.example/story", "Drone attack", "2021-11-08", "A drone struck the residence on Sunday. Six guards were hurt, officials said.")
	for _, d := range []*dossier.Document{newer, older, newer, older} {
		k := kadhimi("k")
		k.Main = true
		res := put(t, ctx, st, d, Extraction(d, k))
		if d == older && res.Status != dossier.PutVariant {
			t.Errorf("the older version: %s, want %s", res.Status, dossier.PutVariant)
		}
	}
	state, err := st.DocumentState(ctx, newer.Key())
	if err != nil {
		t.Fatal(err)
	}
	if state.Hash != newer.ContentHash() || len(state.Variants) != 1 || state.Variants[0] != older.ContentHash() {
		t.Errorf("stored %s with variants %v; want the newer version and the older as its variant", state.Hash, state.Variants)
	}
	// The other order: the older first, then the newer replaces it; the
	// older again is a variant. The same version is kept.
	older2 := Doc("c/story.txt", "https://news.example/other", "Drone attack", "2021-11-07", "Short first version.")
	newer2 := Doc("d/story.txt", "https://news.example/other", "Drone attack", "2021-11-08", "Longer second version of the story, with more detail.")
	for i, d := range []*dossier.Document{older2, newer2, older2, newer2} {
		k := kadhimi("k")
		k.Main = true
		res := put(t, ctx, st, d, Extraction(d, k))
		want := []string{dossier.PutNew, dossier.PutUpdated, dossier.PutVariant, dossier.PutUnchanged}[i]
		if res.Status != want {
			t.Errorf("put %d (%s): %s, want %s", i+1, d.Path, res.Status, want)
		}
	}
	if s2, err := st.DocumentState(ctx, newer2.Key()); err != nil || s2.Hash != newer2.ContentHash() {
		t.Errorf("stored %s, %v; want the newer version", s2.Hash, err)
	}
}

func testActors(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "", "", "a")
	xa := Extraction(a, kadhimi("k"))
	Actor(xa, "Asaib Ahl al-Haq", dossier.KindArmedGroup, "Asaib al-Haq")
	Actor(xa, "Kata'ib Hezbollah", dossier.KindArmedGroup)
	Actor(xa, "Iraq", dossier.KindState)
	put(t, ctx, st, a, xa)
	b := Doc("b.txt", "", "", "", "b")
	xb := Extraction(b, kadhimi("k"))
	Actor(xb, "Asa'ib Ahl al-Haq", dossier.KindArmedGroup)
	Actor(xb, "Kataib Hizbollah", dossier.KindArmedGroup)
	Actor(xb, "Republic of Iraq", dossier.KindState)
	Actor(xb, "Hezbollah", dossier.KindArmedGroup)
	put(t, ctx, st, b, xb)
	page, err := st.Actors(ctx, dossier.ActorFilter{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Actors) != 4 {
		var ns []string
		for _, a := range page.Actors {
			ns = append(ns, a.Name)
		}
		t.Fatalf("actors %v, want 4 (AAH, KH, Iraq, Hezbollah)", ns)
	}
	d, err := st.Actor(ctx, "Kataib Hizballah")
	if err != nil {
		t.Fatalf("Actor by another spelling: %v", err)
	}
	if d.Documents != 2 || len(d.Mentions) != 2 || !strings.Contains(d.Mentions[1].Reason, "same name") {
		t.Errorf("Kata'ib Hezbollah: %d docs, mentions %+v", d.Documents, d.Mentions)
	}
	d, err = st.Actor(ctx, "Iraq")
	if err != nil || d.Documents != 2 {
		t.Errorf("Iraq and Republic of Iraq are one state: %+v %v", d, err)
	}
}

func testNamesakes(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "", "", "a")
	xa := Extraction(a)
	Actor(xa, "Ammar al-Hakim", dossier.KindPerson)
	put(t, ctx, st, a, xa)
	b := Doc("b.txt", "", "", "", "b")
	xb := Extraction(b)
	Actor(xb, "Mohammed Baqir al-Hakim", dossier.KindPerson)
	put(t, ctx, st, b, xb)
	c := Doc("c.txt", "", "", "", "c")
	xc := Extraction(c)
	Actor(xc, "al-Hakim", dossier.KindPerson)
	put(t, ctx, st, c, xc)
	d := Doc("d.txt", "", "", "", "d")
	xd := Extraction(d)
	Actor(xd, "Amar al-Hakim", dossier.KindPerson)
	put(t, ctx, st, d, xd)
	page, err := st.Actors(ctx, dossier.ActorFilter{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Actors) != 3 {
		t.Errorf("%d actors %+v, want 3: Ammar (= Amar) al-Hakim, Mohammed Baqir al-Hakim, and a bare al-Hakim kept apart", len(page.Actors), page.Actors)
	}
}

func testLedger(t *testing.T, ctx context.Context, st dossier.Store) {
	d := Doc("a.txt", "", "", "", "a")
	k := kadhimi("k")
	k.Perps = []string{}
	x := Extraction(d, k)
	Actor(x, "Kata'ib Hezbollah", dossier.KindArmedGroup)
	Actor(x, "Asaib Ahl al-Haq", dossier.KindArmedGroup)
	ev := dossier.Evidence{Start: 0, End: 1, Text: "a"}
	x.Claims = []dossier.Claim{
		{Incident: "k", Claimant: "anonymous regional officials", ClaimantKind: dossier.ClaimantAnonymous, About: "Kata'ib Hezbollah", Claim: dossier.ClaimResponsible, Evidence: ev},
		{Incident: "k", Claimant: "Iraqi government", ClaimantKind: dossier.ClaimantOfficial, About: "Kata'ib Hezbollah", Claim: dossier.ClaimResponsible, Evidence: ev},
		{Incident: "k", Claimant: "Kata'ib Hezbollah", ClaimantKind: dossier.ClaimantGroup, About: "Kata'ib Hezbollah", Claim: dossier.ClaimNotResponsible, Evidence: ev},
		{Incident: "k", Claimant: "Asaib Ahl al-Haq", ClaimantKind: dossier.ClaimantGroup, About: "Attempted assassination of Mustafa Al-Kadhimi", Claim: dossier.ClaimFabricated, Evidence: ev},
		{Incident: "k", Claimant: "Saraya Awliya al-Dam", ClaimantKind: dossier.ClaimantGroup, About: "Saraya Awliya al-Dam", Claim: dossier.ClaimResponsible, Evidence: ev},
	}
	x.Statements = []dossier.Statement{{Speaker: "Asaib Ahl al-Haq", Stance: dossier.StanceDismiss, Incident: "k", Evidence: ev}}
	put(t, ctx, st, d, x)
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	det := incident(t, ctx, st, ins[0].ID)
	got := map[string]string{}
	for _, c := range det.Claims {
		got[c.By+"/"+c.Responsible] = c.How
		if c.Document.Path != "a.txt" {
			t.Errorf("ledger entry without its source: %+v", c)
		}
	}
	want := map[string]string{
		"anonymous regional officials/Kata'ib Hezbollah":                 dossier.HowAnonymous,
		"Iraqi government/Kata'ib Hezbollah":                             dossier.HowOfficials,
		"Kata'ib Hezbollah/Kata'ib Hezbollah":                            dossier.HowDenied,
		"Asaib Ahl al-Haq/Attempted assassination of Mustafa Al-Kadhimi": dossier.HowFabricated,
		"Saraya Awliya al-Dam/Saraya Awliya al-Dam":                      dossier.HowClaimed,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("ledger %s: %q, want %q (ledger %v)", k, got[k], v, got)
		}
	}
	if len(det.Statements) != 1 || det.Statements[0].SpeakerID == "" {
		t.Errorf("statements %+v", det.Statements)
	}
	roles := map[string]string{}
	for _, a := range det.Actors {
		roles[a.Name] = a.Role
	}
	if !strings.Contains(roles["Kata'ib Hezbollah"], "accused") || !strings.Contains(roles["Asaib Ahl al-Haq"], "speaker") {
		t.Errorf("actor roles %v", roles)
	}
}

func testReviewField(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "", "", "a")
	b := Doc("b.txt", "", "", "", "b")
	ka, kb := kadhimi("k"), kadhimi("k")
	ka.Fatal, kb.Fatal = dossier.Exact(1), dossier.Exact(2)
	put(t, ctx, st, a, Extraction(a, ka))
	put(t, ctx, st, b, Extraction(b, kb))
	id := incidents(t, ctx, st, dossier.IncidentFilter{})[0].ID
	r, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetIncident, TargetID: id, Field: "fatalities", Action: dossier.ReviewCorrect,
		Value: "1-2", Author: "ana", Note: "both figures circulate"})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == "" || r.Time.IsZero() {
		t.Errorf("review not filled in: %+v", r)
	}
	if _, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetIncident, TargetID: id, Field: "weapons", Action: dossier.ReviewReject, Value: "drone", Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		d := incident(t, ctx, st, id)
		if f := field(d, "fatalities"); !f.Reviewed || f.Reconciled != "1-2" || len(f.Values) != 2 {
			t.Errorf("%s: fatalities %+v, want corrected to 1-2 with both values kept", when, f)
		}
		if len(d.Weapons) != 0 {
			t.Errorf("%s: weapons %v, want the rejected drone left out", when, d.Weapons)
		}
		if w := field(d, "weapons"); len(w.Values) != 1 || w.Values[0].Status != dossier.StatusRejected {
			t.Errorf("%s: weapon values %+v, want drone kept, marked rejected", when, w.Values)
		}
		if len(d.Reviews) != 2 {
			t.Errorf("%s: %d reviews", when, len(d.Reviews))
		}
	}
	check("after review")
	// A new version of a document (and so a new extraction) does not undo the review.
	a2 := Doc("a.txt", "", "", "", "a, second version")
	ka.Fatal = dossier.Exact(4)
	put(t, ctx, st, a2, Extraction(a2, ka))
	check("after re-ingest")
	_, err = st.AddReview(ctx, dossier.Review{Target: dossier.TargetIncident, TargetID: id, Field: "nonsense", Action: dossier.ReviewCorrect, Value: "x", Author: "ana"})
	isErr(t, err, dossier.ErrInvalid)
	_, err = st.AddReview(ctx, dossier.Review{Target: dossier.TargetIncident, TargetID: id, Field: "date", Action: dossier.ReviewCorrect, Value: "7 Nov", Author: "ana"})
	isErr(t, err, dossier.ErrInvalid)
	_, err = st.AddReview(ctx, dossier.Review{Target: dossier.TargetIncident, TargetID: id, Field: "date", Action: dossier.ReviewConfirm, Author: ""})
	isErr(t, err, dossier.ErrInvalid)
}

func testReviewMerge(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "", "", "a")
	b := Doc("b.txt", "", "", "", "b")
	put(t, ctx, st, a, Extraction(a, kadhimi("k")))
	put(t, ctx, st, b, Extraction(b, kadhimi("k")))
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 1 {
		t.Fatalf("%d incidents, want 1", len(ins))
	}
	id := ins[0].ID
	d := incident(t, ctx, st, id)
	rb := d.Reports[1].ID
	if _, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetReport, TargetID: rb, Action: dossier.ReviewReject, Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	ins = incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 2 {
		t.Fatalf("after rejecting the merge: %d incidents, want 2", len(ins))
	}
	// The split survives a new version of b.
	b2 := Doc("b.txt", "", "", "", "b, second version")
	put(t, ctx, st, b2, Extraction(b2, kadhimi("k")))
	if ins = incidents(t, ctx, st, dossier.IncidentFilter{}); len(ins) != 2 {
		t.Fatalf("after re-ingest: %d incidents, want the split kept", len(ins))
	}
	// Correcting the merge moves it back.
	if _, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetReport, TargetID: rb, Action: dossier.ReviewCorrect, Value: id, Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	if ins = incidents(t, ctx, st, dossier.IncidentFilter{}); len(ins) != 1 || ins[0].ID != id {
		t.Fatalf("after correcting: %+v, want one incident %s", ins, id)
	}
	_, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetReport, TargetID: rb, Action: dossier.ReviewCorrect, Value: "i-none", Author: "ana"})
	isErr(t, err, dossier.ErrNotFound)
}

func testReviewMention(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "", "", "a")
	xa := Extraction(a)
	Actor(xa, "Hezbollah", dossier.KindArmedGroup)
	put(t, ctx, st, a, xa)
	b := Doc("b.txt", "", "", "", "b")
	xb := Extraction(b)
	Actor(xb, "Hizbollah", dossier.KindArmedGroup)
	put(t, ctx, st, b, xb)
	d, err := st.Actor(ctx, "Hezbollah")
	if err != nil || len(d.Mentions) != 2 {
		t.Fatalf("actor %+v %v", d, err)
	}
	if _, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetMention, TargetID: d.Mentions[1].ID, Action: dossier.ReviewReject,
		Author: "ana", Note: "Kata'ib Hezbollah in fact"}); err != nil {
		t.Fatal(err)
	}
	page, _ := st.Actors(ctx, dossier.ActorFilter{Limit: -1})
	if len(page.Actors) != 2 {
		t.Errorf("%d actors after the split, want 2", len(page.Actors))
	}
	if _, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetActor, TargetID: d.ID, Field: "name", Action: dossier.ReviewCorrect, Value: "Hizbullah", Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	if d, err = st.Actor(ctx, d.ID); err != nil || d.Name != "Hizbullah" {
		t.Errorf("after renaming: %+v %v", d, err)
	}
}

// testActorIDTaken: a new actor whose id an actor of other names already
// holds takes another id, and the document is stored. Here a review makes
// a state an organization, so its names are keyed in full ("republic of
// ruritania") and a later "Republic of Ruritania" of kind state (keyed
// "ruritania") shares no key with it, though a new actor of that name
// would get its id.
func testActorIDTaken(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "", "", "a")
	xa := Extraction(a)
	Actor(xa, "Republic of Ruritania", dossier.KindState)
	put(t, ctx, st, a, xa)
	d, err := st.Actor(ctx, "Republic of Ruritania")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetActor, TargetID: d.ID, Field: "kind", Action: dossier.ReviewCorrect,
		Value: dossier.KindOrganization, Author: "ana"}); err != nil {
		t.Fatal(err)
	}
	b := Doc("b.txt", "", "", "", "b")
	xb := Extraction(b)
	Actor(xb, "Republic of Ruritania", dossier.KindState)
	put(t, ctx, st, b, xb)
	page, _ := st.Actors(ctx, dossier.ActorFilter{Limit: -1})
	ids := map[string]bool{}
	for _, a := range page.Actors {
		ids[a.ID] = true
	}
	if len(page.Actors) != 2 || !ids[d.ID] {
		t.Errorf("actors %+v: want the reviewed organization %s and a new state", page.Actors, d.ID)
	}
}

func testForget(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "https://example.org/a", "", "", "a")
	b := Doc("b.txt", "", "", "", "b")
	xa := Extraction(a, kadhimi("k"), erbil("e", "2021-02-15"))
	Actor(xa, "Saraya Awliya al-Dam", dossier.KindArmedGroup)
	Actor(xa, "Iraq", dossier.KindState)
	put(t, ctx, st, a, xa)
	xb := Extraction(b, kadhimi("k"))
	Actor(xb, "Iraq", dossier.KindState)
	put(t, ctx, st, b, xb)
	before := len(incidents(t, ctx, st, dossier.IncidentFilter{}))
	res, err := st.ForgetDocument(ctx, "https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	if before != 2 || res.IncidentsRemoved != 1 || res.IncidentsUpdated != 1 || res.ActorsRemoved != 1 || res.ActorsUpdated != 1 {
		t.Errorf("forget: %+v (before: %d incidents)", res, before)
	}
	ins := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(ins) != 1 || ins[0].SourceCount != 1 || ins[0].Sources[0].Path != "b.txt" {
		t.Errorf("after forget: %+v", ins)
	}
	_, err = st.ForgetDocument(ctx, "https://example.org/a")
	isErr(t, err, dossier.ErrNotFound)
	_, err = st.LoadDocument(ctx, "a.txt")
	isErr(t, err, dossier.ErrNotFound)
}

func testFilters(t *testing.T, ctx context.Context, st dossier.Store) {
	places := []struct {
		place, country string
		lat, lon       float64
	}{{"Baghdad", "Iraq", 33.34, 44.40}, {"Kabul", "Afghanistan", 34.53, 69.17}, {"Mogadishu", "Somalia", 2.04, 45.34}}
	n := 0
	for i := 0; i < 30; i++ {
		p := places[i%3]
		d := Doc("d"+string(rune('A'+i))+".txt", "", "", "", "doc "+string(rune('A'+i)))
		in := Inc{ID: "x", Main: true, Title: "Bombing number " + string(rune('A'+i)) + " in " + p.place, Date: "2020-01-" + twoDigits(i+1),
			Place: p.place, Country: p.country, Lat: p.lat, Lon: p.lon, Type: "Explosions/Remote violence", SubType: "Suicide bomb",
			Fatal: dossier.Exact(i), Weapons: []string{"car bomb"}}
		if i%2 == 1 {
			in.Type, in.SubType, in.Weapons = "Violence against civilians", "Attack", []string{"rifles"}
		}
		x := Extraction(d, in)
		if i%5 == 0 {
			Actor(x, "al-Shabaab", dossier.KindArmedGroup)
			x.Incidents[0].Perpetrators = []string{"al-Shabaab"}
		}
		put(t, ctx, st, d, x)
		n++
	}
	count := func(f dossier.IncidentFilter) int { return len(incidents(t, ctx, st, f)) }
	for _, tc := range []struct {
		name string
		f    dossier.IncidentFilter
		want int
	}{
		{"all", dossier.IncidentFilter{}, 30},
		{"country", dossier.IncidentFilter{Country: "iraq"}, 10},
		{"type", dossier.IncidentFilter{Type: "Suicide bomb"}, 15},
		{"broad type", dossier.IncidentFilter{Type: "violence against civilians"}, 15},
		{"weapon", dossier.IncidentFilter{Weapon: "car bombs"}, 15},
		{"actor", dossier.IncidentFilter{Actor: "Al Shabaab"}, 6},
		{"dates", dossier.IncidentFilter{From: "2020-01-05", To: "2020-01-09"}, 5},
		{"month", dossier.IncidentFilter{From: "2020-01", To: "2020-01"}, 30},
		{"text", dossier.IncidentFilter{Text: "mogadishu"}, 10},
		{"combined", dossier.IncidentFilter{Country: "Somalia", Type: "Attack", To: "2020-01-15"}, 2},
		{"nobody", dossier.IncidentFilter{Actor: "Nobody at all"}, 0},
	} {
		if got := count(tc.f); got != tc.want {
			t.Errorf("%s: %d incidents, want %d", tc.name, got, tc.want)
		}
	}
	for _, sort := range []string{dossier.SortDateDesc, dossier.SortDateAsc, dossier.SortSources, dossier.SortFatalities, dossier.SortTitle} {
		seen := map[string]bool{}
		f := dossier.IncidentFilter{Sort: sort, Limit: 7}
		pages := 0
		var prev *dossier.IncidentSummary
		var forward []string // each page's ids
		var last dossier.IncidentPage
		for {
			page, err := st.Incidents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			last = page
			forward = append(forward, pageIDs(page.Incidents))
			if page.Total != 30 || page.TotalIsEstimate {
				t.Errorf("sort %s: total %d (estimate %v), want 30", sort, page.Total, page.TotalIsEstimate)
			}
			if (page.Prev == "") != (pages == 1) {
				t.Errorf("sort %s: page %d has prev %q", sort, pages, page.Prev)
			}
			for i := range page.Incidents {
				in := &page.Incidents[i]
				if seen[in.ID] {
					t.Errorf("sort %s: %s twice", sort, in.ID)
				}
				seen[in.ID] = true
				if prev != nil && sort == dossier.SortDateDesc && prev.Date.Start < in.Date.Start {
					t.Errorf("sort %s: %s before %s", sort, prev.Date.Start, in.Date.Start)
				}
				if prev != nil && sort == dossier.SortFatalities && prev.Fatalities.Min < in.Fatalities.Min {
					t.Errorf("sort %s: %d before %d", sort, prev.Fatalities.Min, in.Fatalities.Min)
				}
				prev = in
			}
			if page.Next == "" {
				break
			}
			f.Cursor = page.Next
		}
		if len(seen) != 30 || pages != 5 {
			t.Errorf("sort %s: %d incidents in %d pages, want 30 in 5", sort, len(seen), pages)
		}
		// Previous pages lead back over the same pages to the first.
		for i := len(forward) - 2; i >= 0 && last.Prev != ""; i-- {
			f.Cursor = last.Prev
			var err error
			if last, err = st.Incidents(ctx, f); err != nil {
				t.Fatal(err)
			}
			if got := pageIDs(last.Incidents); got != forward[i] {
				t.Errorf("sort %s: back to page %d: %s, want %s", sort, i+1, got, forward[i])
			}
			if (last.Prev == "") != (i == 0) || last.Next == "" {
				t.Errorf("sort %s: back to page %d: prev %q, next %q", sort, i+1, last.Prev, last.Next)
			}
		}
	}
	// A cursor is valid under its own filters only; a page size may change.
	page, err := st.Incidents(ctx, dossier.IncidentFilter{Country: "Iraq", Limit: 3})
	if err != nil || page.Next == "" || page.Total != 10 {
		t.Fatalf("Iraq: %v, next %q, total %d", err, page.Next, page.Total)
	}
	if _, err := st.Incidents(ctx, dossier.IncidentFilter{Country: "iraq", Limit: 5, Cursor: page.Next}); err != nil {
		t.Errorf("the same filters, another limit: %v", err)
	}
	for _, f := range []dossier.IncidentFilter{{Country: "Somalia"}, {Country: "Iraq", Sort: dossier.SortTitle}, {}, {Country: "Iraq", IncludeMentions: true}} {
		f.Cursor = page.Next
		_, err := st.Incidents(ctx, f)
		isErr(t, err, dossier.ErrInvalid)
	}
	_, err = st.Actors(ctx, dossier.ActorFilter{Cursor: page.Next})
	isErr(t, err, dossier.ErrInvalid)
	// A position made up, with the signature of another.
	_, sig, _ := strings.Cut(page.Next, ".")
	forged := base64.RawURLEncoding.EncodeToString([]byte(`{"k":1,"n":1}`)) + "." + sig
	_, err = st.Incidents(ctx, dossier.IncidentFilter{Country: "Iraq", Cursor: forged})
	isErr(t, err, dossier.ErrInvalid)
	_, err = st.Incidents(ctx, dossier.IncidentFilter{From: "2021", To: "2020-12"})
	isErr(t, err, dossier.ErrInvalid)
	_, err = st.Incidents(ctx, dossier.IncidentFilter{From: "January"})
	isErr(t, err, dossier.ErrInvalid)
	_, err = st.Incidents(ctx, dossier.IncidentFilter{Cursor: "garbage!"})
	isErr(t, err, dossier.ErrInvalid)
}

// pageIDs is the ids of a page, in order.
func pageIDs(ins []dossier.IncidentSummary) string {
	var ids []string
	for _, in := range ins {
		ids = append(ids, in.ID)
	}
	return strings.Join(ids, " ")
}

func twoDigits(n int) string {
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

func testSearch(t *testing.T, ctx context.Context, st dossier.Store) {
	d := Doc("a.txt", "", "Drone strike on Kādhimī's home", "", "The residence of Mustafa al-Kādhimī in Baghdad was struck.")
	x := Extraction(d, kadhimi("k"))
	Actor(x, "Kata'ib Hezbollah", dossier.KindArmedGroup)
	put(t, ctx, st, d, x)
	for _, tc := range []struct {
		q     string
		kinds []string
		want  int
	}{
		{"kadhimi", nil, 2}, // the incident and the document
		{"KĀDHIMĪ", nil, 2}, // case and accents
		{"kadh", nil, 2},    // prefixes
		{"kataib", []string{"actor"}, 1},
		{"baghdad residence", []string{"document"}, 1},
		{"baghdad nothing", nil, 0},
	} {
		hits, err := st.Search(ctx, tc.q, dossier.SearchOptions{Kinds: tc.kinds})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != tc.want {
			t.Errorf("search %q: %d hits %+v, want %d", tc.q, len(hits), hits, tc.want)
		}
	}
	page, err := st.Actors(ctx, dossier.ActorFilter{Q: "Kataib Hizballah"})
	if err != nil || len(page.Actors) != 1 {
		t.Errorf("actors by another spelling: %+v %v", page, err)
	}
	docs, err := st.Documents(ctx, dossier.DocumentFilter{Q: "residence"})
	if err != nil || len(docs.Documents) != 1 {
		t.Errorf("documents: %+v %v", docs, err)
	}
	dd, err := st.Document(ctx, docs.Documents[0].DocumentID)
	if err != nil || dd.Text != string(d.Raw) || len(dd.Spans) == 0 || len(dd.Incidents) != 1 {
		t.Errorf("document detail: %+v %v", dd, err)
	}
}

func testStaleLoad(t *testing.T, ctx context.Context, st dossier.Store) {
	d := Doc("a.txt", "https://example.org/a", "A", "2021-11-08", "raw bytes\x01 of the document")
	d.Text = []byte("the text evidence indexes")
	d.Hints = []dossier.Hint{{Key: "date", Value: "7 November 2021", Start: 1, End: 2}}
	put(t, ctx, st, d, Extraction(d, kadhimi("k")))
	keys, err := st.StaleDocuments(ctx, "test-2")
	if err != nil || len(keys) != 1 || keys[0] != "https://example.org/a" {
		t.Errorf("stale: %v %v", keys, err)
	}
	if keys, _ = st.StaleDocuments(ctx, Version); len(keys) != 0 {
		t.Errorf("stale for the same version: %v", keys)
	}
	got, err := st.LoadDocument(ctx, "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Raw) != string(d.Raw) || string(got.Text) != string(d.Text) || got.Source != d.Source || got.Published != d.Published ||
		len(got.Hints) != 1 || got.Hints[0] != d.Hints[0] || got.ContentHash() != d.ContentHash() {
		t.Errorf("loaded %+v, want %+v", got, d)
	}
	// Re-extraction by another version replaces the facts and keeps the ids.
	before := incidents(t, ctx, st, dossier.IncidentFilter{})
	if r, err := st.PutDocument(ctx, got, Extraction(got, kadhimi("k")), "test-2"); err != nil || r.Status != dossier.PutUpdated {
		t.Errorf("reprocess: %+v %v", r, err)
	}
	after := incidents(t, ctx, st, dossier.IncidentFilter{})
	if len(after) != 1 || after[0].ID != before[0].ID {
		t.Errorf("reprocess changed ids: %v -> %v", before, after)
	}
}

func testErrors(t *testing.T, ctx context.Context, st dossier.Store) {
	_, err := st.Incident(ctx, "i-none")
	isErr(t, err, dossier.ErrNotFound)
	_, err = st.Actor(ctx, "Nobody")
	isErr(t, err, dossier.ErrNotFound)
	_, err = st.Document(ctx, "nowhere.txt")
	isErr(t, err, dossier.ErrNotFound)
	_, err = st.DocumentState(ctx, "nowhere.txt")
	isErr(t, err, dossier.ErrNotFound)
	_, err = st.PutDocument(ctx, nil, nil, Version)
	isErr(t, err, dossier.ErrInvalid)
	_, err = st.AddReview(ctx, dossier.Review{Target: "planet", TargetID: "x", Action: dossier.ReviewConfirm, Author: "a"})
	isErr(t, err, dossier.ErrInvalid)
	_, err = st.Incidents(ctx, dossier.IncidentFilter{Sort: "popularity"})
	isErr(t, err, dossier.ErrInvalid)
	s, err := st.Stats(ctx)
	if err != nil || s.SchemaVersion < 1 {
		t.Errorf("stats %+v %v", s, err)
	}
	_ = ptr
}

// testKinds: a document's own incident is an event, a dated and placed
// one it refers to a reference, both listed; a passing mention is stored
// but listed, searched and exported only when asked. A mention of an
// event in another document joins it without changing what it is.
func testKinds(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "https://example.org/a", "A", "2021-11-08", "The drone struck. Rockets hit Erbil on 15 February 2021. Attacks since 2019.")
	ref := erbil("ir", "2021-02-15")
	ref.Main, ref.Kind = false, dossier.IncidentReference
	k := kadhimi("ik")
	k.Kind = dossier.IncidentEvent
	mention := Inc{ID: "im", Title: "Attacks since then", Date: "2019", Country: "Iraq", Kind: dossier.IncidentMention}
	put(t, ctx, st, a, Extraction(a, k, ref, mention))

	kinds := func(f dossier.IncidentFilter) map[string]string {
		out := map[string]string{}
		for _, in := range incidents(t, ctx, st, f) {
			out[in.Title] = in.Kind
		}
		return out
	}
	got := kinds(dossier.IncidentFilter{})
	if len(got) != 2 || got[k.Title] != dossier.IncidentEvent || got[ref.Title] != dossier.IncidentReference {
		t.Errorf("default listing: %v, want the event and the reference", got)
	}
	got = kinds(dossier.IncidentFilter{IncludeMentions: true})
	if len(got) != 3 || got[mention.Title] != dossier.IncidentMention {
		t.Errorf("listing with mentions: %v, want the mention too", got)
	}
	if n := len(incidents(t, ctx, st, dossier.IncidentFilter{Text: "since"})); n != 0 {
		t.Errorf("text filter found %d mentions, want none by default", n)
	}
	hits, err := st.Search(ctx, "since", dossier.SearchOptions{Kinds: []string{"incident"}})
	if err != nil || len(hits) != 0 {
		t.Errorf("search without mentions: %v, %v; want no hit", hits, err)
	}
	hits, err = st.Search(ctx, "since", dossier.SearchOptions{Kinds: []string{"incident"}, IncludeMentions: true})
	if err != nil || len(hits) != 1 || hits[0].IncidentKind != dossier.IncidentMention {
		t.Errorf("search with mentions: %v, %v; want the mention, marked", hits, err)
	}

	// b mentions the Kadhimi attack in passing: it stays an event, and b
	// is listed among its sources as a mention.
	b := Doc("b.txt", "https://example.org/b", "B", "2021-11-20", "The drone attack on the prime minister's residence.")
	bm := kadhimi("ibk")
	bm.Main, bm.Kind = false, dossier.IncidentMention
	put(t, ctx, st, b, Extraction(b, bm))
	for _, in := range incidents(t, ctx, st, dossier.IncidentFilter{IncludeMentions: true}) {
		if in.Title != k.Title {
			continue
		}
		roles := map[string]string{}
		for _, s := range in.Sources {
			roles[s.Path] = s.Role
		}
		if in.Kind != dossier.IncidentEvent || roles["a.txt"] != dossier.RoleReport || roles["b.txt"] != dossier.RoleMention {
			t.Errorf("Kadhimi incident: kind %q, source roles %v; want event, a report and b a mention", in.Kind, roles)
		}
	}
}

// testTextFilters: a list filtered by text and sorted by date (which
// SQLite takes from a full-text index in date order) holds the incidents
// that the same filter sorted by title holds (the index by rowid), in the
// order of the unfiltered list, page after page in both directions, with
// the right total: prefixes of several words, several words, other
// filters, undated incidents and mentions.
func testTextFilters(t *testing.T, ctx context.Context, st dossier.Store) {
	places := []struct{ place, country string }{{"Baghdad", "Iraq"}, {"Basra", "Iraq"}, {"Kabul", "Afghanistan"}}
	events := []string{"Rocket attack", "Attacks", "Bombing", "Attack", "Bombings and rocket fire"}
	for i := 0; i < 26; i++ {
		p, ev := places[i%3], events[i%5]
		d := Doc("t"+string(rune('a'+i))+".txt", "", "", "", "text "+string(rune('a'+i)))
		date := "2019-" + twoDigits(1+i%12) + "-" + twoDigits(1+i%7)
		if i%9 == 4 {
			date = ""
		}
		in := Inc{ID: "x", Main: true, Title: ev + " in " + p.place, Date: date, Place: p.place, Country: p.country,
			Type: "Explosions/Remote violence", SubType: "Shelling/artillery/missile attack", Weapons: []string{"rockets"}}
		if i%4 == 1 {
			in.Weapons = []string{"car bomb"}
		}
		other := Inc{ID: "y", Title: "Earlier attack in " + p.place, Date: "2018-05-0" + string(rune('1'+i%9)), Place: p.place, Country: p.country,
			Kind: dossier.IncidentMention}
		put(t, ctx, st, d, Extraction(d, in, other))
	}
	for _, f := range []dossier.IncidentFilter{{Text: "attack"}, {Text: "bomb"}, {Text: "ba"}, {Text: "rocket attack"}, {Text: "att in"},
		{Text: "attack", Country: "Iraq"}, {Text: "attack", Weapon: "rockets"}, {Text: "attacks", To: "2019-06"}, {Text: "bombing", From: "2019-03"},
		{Text: "attack", IncludeMentions: true}, {Text: "earlier", IncludeMentions: true}, {Text: "earlier"}, {Text: "nothing"}} {
		for _, sort := range []string{dossier.SortDateDesc, dossier.SortDateAsc} {
			f.Sort = sort
			byTitle := f
			byTitle.Sort = dossier.SortTitle
			match := map[string]bool{}
			for _, in := range incidents(t, ctx, st, byTitle) {
				match[in.ID] = true
			}
			all := f
			all.Text = ""
			var want []string
			for _, in := range incidents(t, ctx, st, all) {
				if match[in.ID] {
					want = append(want, in.ID)
				}
			}
			if len(want) != len(match) {
				t.Errorf("%+v: %d matches, %d of them in the list without text", f, len(match), len(want))
			}
			if got := incidents(t, ctx, st, f); pageIDs(got) != strings.Join(want, " ") {
				t.Errorf("%+v: %s\nwant %s", f, pageIDs(got), strings.Join(want, " "))
			}
			// page by page, forwards then back
			g := f
			g.Limit = 3
			var pages []string
			var last dossier.IncidentPage
			for {
				page, err := st.Incidents(ctx, g)
				if err != nil {
					t.Fatal(err)
				}
				if page.Total != len(want) || page.TotalIsEstimate {
					t.Errorf("%+v: total %d (estimate %v), want %d", f, page.Total, page.TotalIsEstimate, len(want))
				}
				pages, last = append(pages, pageIDs(page.Incidents)), page
				if page.Next == "" {
					break
				}
				g.Cursor = page.Next
			}
			if got := strings.Join(strings.Fields(strings.Join(pages, " ")), " "); got != strings.Join(want, " ") {
				t.Errorf("%+v: pages %q\nwant %s", f, pages, strings.Join(want, " "))
			}
			for i := len(pages) - 2; i >= 0 && last.Prev != ""; i-- {
				g.Cursor = last.Prev
				var err error
				if last, err = st.Incidents(ctx, g); err != nil {
					t.Fatal(err)
				}
				if got := pageIDs(last.Incidents); got != pages[i] {
					t.Errorf("%+v: back to page %d: %s, want %s", f, i, got, pages[i])
				}
			}
		}
	}
}
