package layout

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLongSentencesAreCut: a paragraph with no full stop (a 1 MB line of
// clauses) is laid out in linear time into sentences of at most
// MaxSentenceBytes, cut after commas, that together cover the text.
func TestLongSentencesAreCut(t *testing.T) {
	clause := `a bomb killed 5 people in Kabul, police said "it was" on Monday, `
	body := []byte("Title: x\n\n" + strings.Repeat(clause, 1_000_000/len(clause)) + "\n")
	start := time.Now()
	l, err := Parse(body, "")
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("layout of a 1 MB line took %s", d) // a safety net only: the bound is in bytes
	}
	if len(l.Sents) < 1_000_000/MaxSentenceBytes {
		t.Fatalf("%d sentences", len(l.Sents))
	}
	covered := 0
	for i, s := range l.Sents {
		if n := s.End - s.Start; n > MaxSentenceBytes {
			t.Fatalf("sentence %d has %d bytes", i, n)
		}
		if i+1 < len(l.Sents) && !bytes.HasSuffix(l.Clean[s.Start:s.End], []byte(",")) {
			t.Fatalf("sentence %d is not cut after a comma: %q", i, l.Clean[s.End-20:s.End])
		}
		covered += s.End - s.Start
	}
	if covered < len(body)*9/10 {
		t.Errorf("sentences cover %d of %d bytes", covered, len(body))
	}
}

// TestRealSentencesAreNotCut: no sentence of the shared corpora and of
// dossier's own comes near the bound.
func TestRealSentencesAreNotCut(t *testing.T) {
	var files []string
	for _, g := range []string{"../../../shared/corpus/*/*.txt", "../../corpora/*/*/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no corpora beside the repository")
	}
	longest, where := 0, ""
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Parse(b, "")
		if err != nil {
			continue
		}
		for _, s := range l.Sents {
			if n := s.End - s.Start; n > longest {
				longest, where = n, f
			}
		}
	}
	t.Logf("longest sentence: %d bytes (%s)", longest, where)
	if longest >= MaxSentenceBytes {
		t.Errorf("a real sentence of %d bytes in %s reaches the bound", longest, where)
	}
}
