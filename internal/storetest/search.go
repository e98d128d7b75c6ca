package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// soleimani is the 2020 strike as an encyclopedia reports it.
func soleimani(id string) Inc {
	return Inc{ID: id, Main: true, Title: "Assassination of Qasem Soleimani", Date: "2020-01-03", Place: "Baghdad", Country: "Iraq",
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Qasem Soleimani"}, Weapons: []string{"MQ-9 Reaper"},
		Fatal: dossier.Exact(10)}
}

// testSearchRanking: within each kind, exact title matches come first,
// then title matches, then field matches (a named weapon before a word of
// the type), then text; each hit has a snippet of what matched.
func testSearchRanking(t *testing.T, ctx context.Context, st dossier.Store) {
	// Oldest first: newest first would put them the other way round.
	a := Doc("kadhimi.txt", "", "Attempted assassination of Mustafa Al-Kadhimi", "2021-11-08",
		"Prime Minister Mustafa Al-Kadhimi survived an assassination attempt. "+strings.Repeat("Officials spoke of the attack at length. ", 20)+
			"An explosive-laden drone struck his residence in the Green Zone.")
	xa := Extraction(a, kadhimi("k"))
	Actor(xa, "Kata'ib Hezbollah", dossier.KindArmedGroup, "Hezbollah Brigades")
	put(t, ctx, st, a, xa)
	b := Doc("homs.txt", "", "2023 Homs drone strike", "2023-10-06", "A drone struck a graduation ceremony in Homs.")
	put(t, ctx, st, b, Extraction(b, Inc{ID: "h", Main: true, Title: "2023 Homs drone strike", Date: "2023-10-05", Place: "Homs", Country: "Syria",
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Weapons: []string{"drones"}}))
	c := Doc("saada.txt", "", "Saada prison airstrike", "2022-01-22", "Aircraft struck a prison in Saada.")
	put(t, ctx, st, c, Extraction(c, Inc{ID: "s", Main: true, Title: "Saada prison airstrike", Date: "2022-01-21", Place: "Saada", Country: "Yemen",
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Weapons: []string{"missiles"}}))

	hits, err := st.Search(ctx, "drone", dossier.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	type hit struct{ kind, title, match, field, snippet string }
	var got []hit
	for _, h := range hits {
		g := hit{kind: h.Kind, title: h.Title, match: h.Match}
		if h.Snippet != nil {
			g.field = h.Snippet.Field
			for _, m := range h.Snippet.Marks {
				g.snippet += "[" + h.Snippet.Text[m.Start:m.End] + "]"
			}
		}
		got = append(got, g)
	}
	want := []hit{
		{"incident", "2023 Homs drone strike", dossier.MatchTitle, "title", "[drone]"},
		{"incident", "Attempted assassination of Mustafa Al-Kadhimi", dossier.MatchField, "weapons", "[drone]"},
		{"incident", "Saada prison airstrike", dossier.MatchField, "type", "[drone]"},
		{"document", "2023 Homs drone strike", dossier.MatchTitle, "title", "[drone]"},
		{"document", "Attempted assassination of Mustafa Al-Kadhimi", dossier.MatchText, "text", "[drone]"},
	}
	if len(got) != len(want) {
		t.Fatalf("search drone:\n got %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("search drone, hit %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	// A long text is cut around the match.
	if sn := hits[len(hits)-1].Snippet; sn == nil || len(sn.Text) > 200 || !strings.HasPrefix(sn.Text, "… ") {
		t.Errorf("text snippet %+v: want an excerpt of the text around the match", sn)
	}

	for _, tc := range []struct {
		q, kind, title, match string
	}{
		{"attempted assassination of mustafa al-kadhimi", "incident", "Attempted assassination of Mustafa Al-Kadhimi", dossier.MatchExact},
		{"Assassination", "incident", "Attempted assassination of Mustafa Al-Kadhimi", dossier.MatchTitle},
		{"Hezbollah Brigades", "actor", "Kata'ib Hezbollah", dossier.MatchExact}, // an alias
		{"Kataib Hizballah", "actor", "Kata'ib Hezbollah", dossier.MatchExact},   // another transliteration
		{"Hezbollah", "actor", "Kata'ib Hezbollah", dossier.MatchTitle},
		{"brigades", "actor", "Kata'ib Hezbollah", dossier.MatchField},
		{"Saada prison airstrike", "document", "Saada prison airstrike", dossier.MatchExact},
		{"green zone", "document", "Attempted assassination of Mustafa Al-Kadhimi", dossier.MatchText},
	} {
		hits, err := st.Search(ctx, tc.q, dossier.SearchOptions{Kinds: []string{tc.kind}})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Title != tc.title || hits[0].Match != tc.match {
			t.Errorf("search %q: %+v, want %q first, matched %s", tc.q, hits, tc.title, tc.match)
		}
	}
}

// testActorPartName: a part of a name (a surname) finds the actors whose
// name or alias holds it as whole words, for the actor page and the
// incidents' actor filter alike; a shared surname finds every bearer.
func testActorPartName(t *testing.T, ctx context.Context, st dossier.Store) {
	a := Doc("a.txt", "", "", "", "a")
	xa := Extraction(a, soleimani("s"))
	Actor(xa, "Qasem Soleimani", dossier.KindPerson, "Qassem Suleimani")
	put(t, ctx, st, a, xa)
	b := Doc("b.txt", "", "", "", "b")
	xb := Extraction(b, kadhimi("k"))
	Actor(xb, "Qasem Soleimani", dossier.KindPerson)
	Actor(xb, "Mustafa Al-Kadhimi", dossier.KindPerson)
	put(t, ctx, st, b, xb)
	c := Doc("c.txt", "", "", "", "c")
	xc := Extraction(c)
	Actor(xc, "Hossein Soleimani", dossier.KindPerson)
	put(t, ctx, st, c, xc)

	// Soleimani as the documents spell him, or as others do (Sulaimani,
	// Qassem Suleimani: transliteration keys).
	for _, ref := range []string{"Soleimani", "soleimani", "Suleimani", "Qassem Suleimani", "Qasem", "Sulaimani", "Qassem Soleymani"} {
		d, err := st.Actor(ctx, ref)
		if err != nil || d.Name != "Qasem Soleimani" {
			t.Errorf("actor %q: %+v %v, want Qasem Soleimani", ref, d, err)
			continue
		}
		page, err := st.Incidents(ctx, dossier.IncidentFilter{Actor: ref})
		if err != nil || len(page.Incidents) != 1 || page.Incidents[0].Title != "Assassination of Qasem Soleimani" {
			t.Errorf("incidents of %q: %+v %v, want the 2020 strike", ref, page.Incidents, err)
		}
	}
	// Both bearers of the surname, the better documented first.
	d, err := st.Actor(ctx, "Soleimani")
	if err != nil || len(d.SameName) != 1 || d.SameName[0].Name != "Hossein Soleimani" {
		t.Errorf("Soleimani: %+v %v, want Hossein Soleimani beside Qasem", d, err)
	}
	if d, err := st.Actor(ctx, "Kadhimi"); err != nil || d.Name != "Mustafa Al-Kadhimi" {
		t.Errorf("actor Kadhimi: %+v %v", d, err)
	}
	// Whole words only: neither a part of a word nor a kind is a name.
	for _, ref := range []string{"Kadhim", "Soleim", "person", "Hossein Qasem"} {
		if d, err := st.Actor(ctx, ref); err == nil {
			t.Errorf("actor %q found %s, want not found", ref, d.Name)
		}
	}
	// A search by a surname ranks the incident the actor is in above text.
	hits, err := st.Search(ctx, "Soleimani", dossier.SearchOptions{Kinds: []string{"incident"}})
	if err != nil || len(hits) == 0 || hits[0].Title != "Assassination of Qasem Soleimani" {
		t.Errorf("search Soleimani: %+v %v", hits, err)
	}
}
