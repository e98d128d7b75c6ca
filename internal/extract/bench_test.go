package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/reader"
)

// BenchmarkExtract measures extraction alone (documents already read) over
// the test documents and, when present, the development corpora.
// go test ./internal/extract -run XXX -bench Extract -benchmem
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob("testdata/docs/*.txt")
	for _, dir := range []string{"corpus/news", "corpus/wikipedia", "corpus/wikipedia-with-infobox", "corpus/seed"} {
		m, _ := filepath.Glob(filepath.Join(shared, dir, "*.txt"))
		paths = append(paths, m...)
	}
	var docs []*dossier.Document
	size := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := reader.Parse(p, raw, reader.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		size += len(raw)
	}
	x := extractor(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := x.Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
