package main

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/corpus"
)

// TestClusteringSet: the clustering set holds no reserved document
// (../shared/tools/reserved.py on every URL, title and document), its
// docs/, gold.tsv and ATTRIBUTION.md are what its events list gives, and it
// keeps its size: the floors are its size when last extended, so that it
// only grows.
func TestClusteringSet(t *testing.T) {
	needShared(t)
	docs, err := buildClustering("../../corpora")
	if err != nil {
		t.Fatal(err)
	}
	if err := clusteringReserved(shared, docs); err != nil {
		t.Fatal(err)
	}
	if err := clusteringUpToDate("../../corpora/clustering", docs); err != nil {
		t.Error(err)
	}
	s := clusteringStats(docs)
	for _, f := range []struct {
		what      string
		got, want int
	}{
		{"events with two or more independent documents", s.multi, 40},
		{"events", s.events, 59},
		{"independent documents", s.independent, 99},
		{"hard negatives", s.hardNeg, 23},
		{"undated variants", s.undated, 14},
		{"copies", s.copies, 17},
		{"test events", s.testEvents, 17},
	} {
		if f.got < f.want {
			t.Errorf("%s: %d, floor %d", f.what, f.got, f.want)
		}
	}
	if 3*(s.copies+s.undated) > len(docs) {
		t.Errorf("%d variants of %d documents: more than a third", s.copies+s.undated, len(docs))
	}
	// every event of the set has two independent documents, but the hard
	// negatives' own events; every variant stays with its document's event
	indep := map[string]int{}
	byName := map[string]clusterDoc{}
	for _, d := range docs {
		byName[d.Name] = d
		if d.Variant == variantNone {
			indep[d.Event]++
		}
	}
	for _, d := range docs {
		switch {
		case d.Variant != variantNone:
			o, ok := byName[d.Of]
			if !ok || o.Event != d.Event || o.Variant != variantNone {
				t.Errorf("%s: variant of %q, not an independent document of its event", d.Name, d.Of)
			}
			if d.Source == o.Source {
				t.Errorf("%s: same Source: as %s", d.Name, o.Name)
			}
		case d.HardNeg == "" && indep[d.Event] < 2:
			t.Errorf("%s: event %s has one independent document and is no hard negative", d.Name, d.Event)
		}
		if d.Split != corpus.SplitOf(d.Event) {
			t.Errorf("%s: split %s, want the event's", d.Name, d.Split)
		}
	}
}

func TestVariantsMadeByRule(t *testing.T) {
	r := corpus.Report{
		Source: "https://en.wikinews.org/wiki/X", License: "CC BY 2.5 (Wikinews contributors)",
		Title: "Bomb kills five", Published: "2007-04-11",
		Body: "Bomb kills five\nWednesday, April 11, 2007\nFirst line of the report, long enough to be prose.\nSecond line.\nThird line.\nFourth line.\n",
	}
	u := undated(r)
	if strings.Contains(u, "Published:") || strings.Contains(u, "April 11, 2007") {
		t.Errorf("undated keeps its date:\n%s", u)
	}
	if !strings.Contains(u, "Title: Bomb kills five") || !strings.Contains(u, "Fourth line.") {
		t.Errorf("undated lost text:\n%s", u)
	}
	a := abridged(replaceSource(corpus.Layout(r, corpus.LayoutClean), "https://digest.example.org/x"))
	if !strings.HasPrefix(a, "Source: https://digest.example.org/x\n") || strings.Contains(a, "Fourth line.") || !strings.Contains(a, "Second line.") {
		t.Errorf("abridged copy:\n%s", a)
	}
	// the rule depends on the URL only
	d := clusterDoc{Name: "x", Event: "e", Source: r.Source, Text: corpus.Layout(r, corpus.LayoutClean)}
	v1, ok1 := makeVariant(d, r)
	v2, ok2 := makeVariant(d, r)
	if ok1 != ok2 || v1.Text != v2.Text || v1.Name != v2.Name {
		t.Error("makeVariant is not deterministic")
	}
}
