package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/dossier-project/dossier/internal/reader"
)

// TestDebugMentions prints the analysis of a document: DBG=/abs/path go test -run DebugMentions -v.
// It is a tool for developing rules, skipped in normal runs.
func TestDebugMentions(t *testing.T) {
	p := os.Getenv("DBG")
	if p == "" {
		t.Skip()
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := reader.ReadPath(t.Context(), p, nil, reader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := x.extract(doc)
	if err != nil || d == nil {
		t.Fatal(err)
	}
	for _, st := range d.sents {
		inc := "-"
		if st.inc != nil {
			inc = st.inc.title
		}
		fmt.Printf("S%d p%d [%s] %s\n", st.idx, st.para, inc, st.text)
		for _, m := range st.mentions {
			a := ""
			if m.actor != nil {
				a = m.actor.name + "/" + m.actor.kind
			}
			fmt.Printf("   M %q kind=%s country=%s dem=%v actor=%s role=%q\n", m.surface, m.kind, m.country, m.demonym, a, m.role)
		}
		for _, h := range st.dates {
			fmt.Printf("   D %q %+v\n", st.text[h.e.Start:h.e.End], h.e)
		}
	}
	for _, c := range d.targetCands {
		fmt.Printf("TARGET %.3f %q %v\n", x.target.Prob(c.feats), c.name, c.feats)
	}
	for _, c := range d.placeCands {
		fmt.Printf("PLACE %.3f %q %v\n", x.place.Prob(c.feats), c.name, c.feats)
	}
	for _, c := range d.perpCands {
		var top []string
		for _, f := range c.feats {
			if w := x.perp.Weights[f]; w > 0.3 || w < -0.3 {
				top = append(top, fmt.Sprintf("%s=%.2f", f, w))
			}
		}
		fmt.Printf("PERP %.3f %q rule=%s kind=%s %v\n", c.p, c.name, c.rule, c.kind, top)
	}
}
