package langpack

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/arabic"
)

func TestParse(t *testing.T) {
	lines, err := Parse("x.tsv", "# comment\n\nmonth\tمارس\t3\nfiller\tمن\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || lines[0].Class != "month" || lines[0].Value(0) != "3" || lines[1].Value(0) != "" || lines[0].Where != "x.tsv:3" {
		t.Errorf("Parse = %+v", lines)
	}
	for _, bad := range []string{"month\n", "\tمارس\n", "month\t\t3\n"} {
		if _, err := Parse("bad.tsv", bad); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
			t.Errorf("Parse(%q) error = %v, want one naming bad.tsv:1", bad, err)
		}
	}
}

func TestArabicPack(t *testing.T) {
	p, err := Get("ar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"dates.tsv", "numbers.tsv", "casualties.tsv", "events.tsv", "weapons.tsv", "speech.tsv", "places.tsv"} {
		if len(p.Lines(f)) == 0 {
			t.Errorf("ar pack has no %s", f)
		}
	}
	if _, err := Get("xx"); err == nil {
		t.Error("Get(xx) found a pack")
	}
}

func TestWithDir(t *testing.T) {
	p, err := Get("ar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "ar"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ar", "events.tsv"), []byte("event\tتفخيخ\tExplosions/Remote violence\t\t2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	q, err := p.WithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Lines("events.tsv")) != len(p.Lines("events.tsv"))+1 {
		t.Errorf("user line not added: %d vs %d", len(q.Lines("events.tsv")), len(p.Lines("events.tsv")))
	}
	if q.Lines("events.tsv")[len(q.Lines("events.tsv"))-1].Phrase != "تفخيخ" {
		t.Error("user line not last")
	}
	os.WriteFile(filepath.Join(dir, "ar", "dates.tsv"), []byte("broken line\n"), 0o644)
	if _, err := p.WithDir(dir); err == nil || !strings.Contains(err.Error(), "dates.tsv") {
		t.Errorf("bad user file: error %v, want one naming dates.tsv", err)
	}
}

func TestMatcher(t *testing.T) {
	m := NewMatcher[int](Folding{Fold: arabic.Fold, Stems: arabic.Stems})
	m.Add("سيارة مفخخة", 2)
	m.Add("سيارة", 1)
	words := func(s string) []string {
		var out []string
		for _, tk := range arabic.Tokens(s) {
			out = append(out, tk.Folded)
		}
		return out
	}
	w := words("انفجرت بسيارة مفخخة وسيارة أخرى")
	got := m.All(w)
	if len(got) != 2 || got[0].V != 2 || got[0].I != 1 || got[0].J != 3 || got[1].V != 1 || got[1].I != 3 {
		t.Errorf("All = %+v", got)
	}
	// a phrase asked for past the sentence's end (the word after a verb
	// that ends it) is none, not a crash
	for _, i := range []int{len(w), len(w) + 3, -1} {
		if m, ok := m.At(w, i); ok {
			t.Errorf("At(%d) = %+v", i, m)
		}
	}
}
