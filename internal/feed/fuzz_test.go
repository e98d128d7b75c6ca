package feed

import (
	"bytes"
	"testing"

	"github.com/dossier-project/dossier/internal/reader"
)

// FuzzDocuments: no feed makes the reader panic; every line gives a
// document or an error naming it.
func FuzzDocuments(f *testing.F) {
	f.Add([]byte(`{"url": "https://example.org/a", "title": "A", "published": "2021-11-07", "text": "A bomb exploded."}` + "\n{\n"))
	f.Add([]byte("\n\n{\"text\": 1}\r\n[]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for doc, err := range Documents(t.Context(), "f.jsonl", bytes.NewReader(data), reader.Limits{MaxBytes: 4096}) {
			if (doc == nil) == (err == nil) {
				t.Fatalf("doc %v, err %v", doc, err)
			}
			if err != nil && !bytes.HasPrefix([]byte(err.Error()), []byte("f.jsonl:")) {
				t.Fatalf("error does not name the line: %v", err)
			}
		}
	})
}
