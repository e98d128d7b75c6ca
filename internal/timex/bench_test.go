package timex

import (
	"os"
	"path/filepath"
	"testing"
)

// corpus reads the English prose of the shared corpus, or skips.
func corpus(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob("../../../shared/corpus/wikipedia/*.txt")
	if len(files) == 0 {
		files, _ = filepath.Glob("/work/shared/corpus/wikipedia/*.txt")
	}
	if len(files) == 0 {
		tb.Skip("no corpus at ../../../shared/corpus/wikipedia")
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

func BenchmarkFind(b *testing.B) {
	texts := corpus(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Find(t)
		}
	}
}
