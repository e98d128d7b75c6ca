package inputs

import (
	"testing"

	"github.com/dossier-project/dossier/internal/reader"
)

// FuzzSniff: whatever the first bytes of an input and its name, Detect
// names a kind, and Parse reads the bytes as that kind or says why not:
// never a panic.
func FuzzSniff(f *testing.F) {
	for _, s := range []string{textDoc, "<html><body><p>x</p></body></html>", `{"url":"u","text":"t"}` + "\n",
		"<mediawiki><page>", "BZh91AY&SY", "\xef\xbb\xbfTitle: x\n\nText.", "\xff\xfe<\x00h\x00", ""} {
		f.Add("doc", []byte(s))
		f.Add("doc.html", []byte(s))
		f.Add("feed.jsonl", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		k := Detect(name, b)
		if k < Text || k > Dump {
			t.Fatalf("Detect gave kind %d", k)
		}
		_, _ = Parse(name, b, reader.DefaultLimits)
	})
}
