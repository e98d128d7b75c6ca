package htmldoc

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/reader"
)

// FuzzParse: no page makes Parse panic, and what it returns is text the
// extractor can read: valid UTF-8, no NUL, no script.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"broken_scripts.html", "car_bomb_kills_11_in_pakistan.html"} {
		if b, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<p>a<script>SCRIPT</script>b</p>"))
	f.Add([]byte("<html><body><p>one<p>two<table><tr><td>x"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := Parse("fuzz.html", raw, reader.Limits{})
		if err != nil {
			return
		}
		if !utf8.Valid(doc.Text) || bytes.IndexByte(doc.Text, 0) >= 0 {
			t.Fatalf("text not clean: %q", doc.Text)
		}
		if strings.Contains(string(raw), "<script>SCRIPT</script>") && bytes.Contains(doc.Text, []byte("SCRIPT")) &&
			!strings.Contains(strings.ReplaceAll(string(raw), "<script>SCRIPT</script>", ""), "SCRIPT") {
			t.Fatalf("script text in %q", doc.Text)
		}
	})
}
