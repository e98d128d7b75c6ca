package htmldoc

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

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
		if onlyInScript(raw, "SCRIPT") && bytes.Contains(doc.Text, []byte("SCRIPT")) {
			t.Fatalf("script text in %q", doc.Text)
		}
	})
}

// onlyInScript tells whether word appears in raw only as the text of a
// <script> element, as the HTML tokenizer reads it ("<A<script>" is one
// element named "a<script", whose text a browser shows).
func onlyInScript(raw []byte, word string) bool {
	z := html.NewTokenizer(bytes.NewReader(raw))
	inScript, seen := false, false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return seen
		case html.StartTagToken:
			name, _ := z.TagName()
			inScript = string(name) == "script"
			if strings.Contains(string(z.Raw()), word) && !inScript {
				return false
			}
		case html.EndTagToken:
			inScript = false
		case html.TextToken:
			if strings.Contains(string(z.Text()), word) {
				if !inScript {
					return false
				}
				seen = true
			}
		default:
			if strings.Contains(string(z.Raw()), word) {
				return false
			}
		}
	}
}
