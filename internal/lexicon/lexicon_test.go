package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	os.WriteFile(filepath.Join(dir, "weapons.tsv"), []byte("# mine\ncar bomb\tvehicle\tAttack\nslingshot\tother\tAttack\n"), 0o644)
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
	p := filepath.Join(dir, "events.tsv")
	os.WriteFile(p, []byte("riot\tRiots\tViolent demonstration\tmany\n"), 0o644)
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), p+":1") || !strings.Contains(err.Error(), "weight") {
		t.Fatalf("error %v does not name %s:1 and the problem", err, p)
	}
}
