package htmldoc

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/reader"
)

// TestDeepNesting: pages nested far deeper than any real one (20,000
// <div>, 10,000 <table><tr><td>, 100,000 <div>) are flattened to maxDepth
// in one pass and read, their text kept. Before, they took 15 s, 30 s and
// never finished.
func TestDeepNesting(t *testing.T) {
	text := "A car bomb exploded in Kabul on Monday, killing three people."
	for name, page := range map[string]string{
		"divs":     strings.Repeat("<div>", 20000) + text + strings.Repeat("</div>", 20000),
		"tables":   strings.Repeat("<table><tr><td>", 10000) + text + strings.Repeat("</td></tr></table>", 10000),
		"divs100k": strings.Repeat("<div>", 100000) + text + strings.Repeat("</div>", 100000),
	} {
		raw := []byte("<html><head><title>Deep</title></head><body>" + page + "</body></html>")
		flat, cut := flatten(raw)
		if !cut || tooDeep(flat) {
			t.Errorf("%s: not flattened below %d levels", name, maxDepth)
		}
		doc, err := Parse(name+".html", raw, reader.DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Contains(doc.Text, []byte(text)) {
			t.Errorf("%s: the text was lost: %.200q", name, doc.Text)
		}
	}
}

// TestRealPagesAreNotFlattened: the saved pages of the tests nest less
// than maxDepth, so flattening never touches real pages.
func TestRealPagesAreNotFlattened(t *testing.T) {
	pages, _ := filepath.Glob("testdata/*.html")
	if len(pages) == 0 {
		t.Skip("no pages")
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if out, cut := flatten(b); cut || !bytes.Equal(out, b) {
			t.Errorf("%s was flattened", p)
		}
	}
}
