package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/langpack"
	"github.com/dossier-project/dossier/internal/text"
)

func TestDefaultLoads(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := text.Tokenize("an explosive-laden drone and a car bomb", 0)
	var got []string
	for _, m := range lx.Weapons.FindAll(toks) {
		got = append(got, text.Join([]byte("an explosive-laden drone and a car bomb"), toks, m.I, m.J)+"="+m.Val.Class)
	}
	if strings.Join(got, ",") != "explosive-laden drone=drone,car bomb=explosive" {
		t.Fatalf("weapons: %v", got)
	}
}

func TestUserFolderAddsAndOverrides(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "en"), 0o755)
	os.WriteFile(filepath.Join(dir, "en", "weapons.tsv"), []byte("# mine\nweapon\tcar bomb\tvehicle\tAttack\nweapon\tslingshot\tother\tAttack\n"), 0o644)
	lx, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	toks := text.Tokenize("a car bomb and a slingshot", 0)
	ms := lx.Weapons.FindAll(toks)
	if len(ms) != 2 || ms[0].Val.Class != "vehicle" || ms[1].Val.Class != "other" {
		t.Fatalf("user lexicon not applied: %+v", ms)
	}
}

func TestBadUserFileNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "en"), 0o755)
	p := filepath.Join(dir, "en", "events.tsv")
	for _, c := range []struct{ line, problem string }{
		{"event\triot\tRiots\tViolent demonstration\tmany\n", "weight"},
		{"riot\tRiots\tViolent demonstration\t2\n", "class"},
		{"event\triot\tRiots\n", "values"},
	} {
		os.WriteFile(p, []byte("# mine\n"+c.line), 0o644)
		_, err := Load(dir)
		if err == nil || !strings.Contains(err.Error(), p+":2") || !strings.Contains(err.Error(), c.problem) {
			t.Errorf("%q: error %v does not name %s:2 and the %s", c.line, err, p, c.problem)
		}
	}
}

// A folder of the old shape (English lists at its top level, no class
// column) is refused with a message that says where they go now, rather
// than read wrong or ignored.
func TestOldShapeFolderRefused(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "weapons.tsv")
	os.WriteFile(p, []byte("slingshot\tother\tAttack\n"), 0o644)
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), filepath.Join(dir, "en")) {
		t.Fatalf("error %v does not name %s and the new place", err, p)
	}
}

// Every built-in line is read: the typed lists hold as many phrases as the
// pack's files have lines (a class or column typo would fail Default).
func TestEveryPackLineRead(t *testing.T) {
	p, err := langpack.Get("en")
	if err != nil {
		t.Fatal(err)
	}
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(p.Lines("givennames.tsv")); len(lx.GivenNames) == 0 || len(lx.GivenNames) > n {
		t.Fatalf("%d given names from %d lines", len(lx.GivenNames), n)
	}
	for _, f := range Files {
		if len(p.Lines(f)) == 0 {
			t.Errorf("the English pack has no %s", f)
		}
	}
}
