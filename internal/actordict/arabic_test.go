package actordict

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/names"
)

// TestArabicExtends checks that every line of arabic.tsv extends an entry
// of phoenix.tsv or extra.tsv of the same kind, except those marked new,
// which must not: a typo in an English name would otherwise add an actor.
func TestArabicExtends(t *testing.T) {
	base, err := Load(bytes.NewReader(phoenixTSV), bytes.NewReader(extraTSV))
	if err != nil {
		t.Fatal(err)
	}
	full := mustDefault(t)
	sc := bufio.NewScanner(bytes.NewReader(arabicTSV))
	newNext := false
	lines, aliases, fresh := 0, 0, 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# new") {
			newNext = true
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := parseLine(line)
		if err != nil {
			t.Fatal(err)
		}
		lines++
		aliases += len(e.Aliases)
		old, ok := base.Lookup(e.Name)
		for _, a := range e.Aliases {
			if ok && old.Kind == e.Kind {
				break
			}
			if x, found := base.Lookup(a); found && !names.HasArabic(a) {
				old, ok = x, true
			}
		}
		switch {
		case newNext && ok && old.Kind == e.Kind:
			t.Errorf("%q is marked new but extends %q (%s)", e.Name, old.Name, old.Source)
		case !newNext && !ok:
			t.Errorf("%q extends no entry: mark it new or correct the name", e.Name)
		case !newNext && old.Kind != e.Kind:
			t.Errorf("%q is %s in arabic.tsv, %s in %s", e.Name, e.Kind, old.Kind, old.Source)
		}
		if newNext {
			fresh++
		}
		newNext = false
		// Every Arabic alias finds the entry of the full dictionary.
		got, ok := full.Lookup(e.Name)
		if !ok {
			t.Errorf("Lookup(%q) fails in the default dictionary", e.Name)
			continue
		}
		for _, a := range e.Aliases {
			if x, ok := full.Lookup(a); !ok || x != got {
				name := "nothing"
				if ok {
					name = x.Name
				}
				t.Errorf("Lookup(%q) = %s, want %s", a, name, got.Name)
			}
		}
	}
	t.Logf("arabic.tsv: %d lines, %d aliases, %d new entries", lines, aliases, fresh)
	if n, m := len(base.Entries()), len(full.Entries()); m > n+fresh {
		t.Errorf("the default dictionary has %d entries, want at most %d + %d new", m, n, fresh)
	}
}
