package lang

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDetect measures the bytes Detect examines (at most the first
// 8 KB of each text) over the English prose of the shared corpus.
func BenchmarkDetect(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/wikipedia/*.txt")
	if len(files) == 0 {
		b.Skip("no corpus at ../../../shared/corpus/wikipedia")
	}
	var texts [][]byte
	size := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, t)
		size += min(len(t), maxExamined)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Detect(t)
		}
	}
}
