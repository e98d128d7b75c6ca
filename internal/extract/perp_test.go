package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
)

func TestSameGroup(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"JNIM", "Jama'at Nasr al-Islam wal-Muslimin", true},
		{"Islamic State", "Islamic State – West Africa Province", true},
		{"PKK", "Kurdistan Workers' Party", false}, // the acronym of its Kurdish name: the actor stage's aliases know it
		{"Taliban", "Pakistani Taliban", false},
		{"Hamas", "Hezbollah", false},
		{"Sri Lankan Army", "Sri Lankan Navy", false},
	} {
		if got := SameGroup(c.a, c.b); got != c.same {
			t.Errorf("SameGroup(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// TestModelFiles checks each embedded model says where it came from.
func TestModelFiles(t *testing.T) {
	for task, b := range map[string][]byte{"perpetrators": perpModelJSON, "targets": targetModelJSON} {
		m, err := LoadModel(b)
		if err != nil {
			t.Fatal(err)
		}
		if m.Command != "go run ./tools/train "+task || len(m.DataSHA) != 64 || len(m.Weights) == 0 || m.TopThreshold > m.Threshold {
			t.Errorf("%s model file: command %q, sha %q, %d weights, thresholds %v %v", task, m.Command, m.DataSHA, len(m.Weights), m.TopThreshold, m.Threshold)
		}
	}
}

// TestChosenPerpetratorsHaveEvidence: every perpetrator or accused the
// model chooses comes with a sentence that names it.
func TestChosenPerpetratorsHaveEvidence(t *testing.T) {
	paths, _ := filepath.Glob("../../corpora/encyclopedia/wikipedia/*.txt")
	if len(paths) == 0 {
		t.Skip("no corpora")
	}
	for _, p := range paths {
		_, res := extractFile(t, p)
		in := res.Incidents[0]
		aliases := map[string][]string{}
		for _, a := range res.Actors {
			aliases[a.Name] = append([]string{a.Name}, a.Aliases...)
		}
		var texts []string
		for _, e := range in.Evidence {
			if e.Field == "perpetrators" || e.Field == "accused" {
				texts = append(texts, " "+names.Fold(e.Text)+" ")
			}
		}
		for _, n := range append(append([]string{}, in.Perpetrators...), in.Accused...) {
			forms := aliases[n]
			if len(forms) == 0 {
				forms = []string{n}
			}
			found := false
			for _, f := range forms {
				for _, tx := range texts {
					if k := names.Fold(f); k != "" && strings.Contains(tx, " "+k+" ") {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s: %q has no evidence naming it", filepath.Base(p), n)
			}
		}
	}
}

// TestActVerbAfter: the subject of a verb of the act, over a group noun
// and a short aside; not a passive or a relative clause.
func TestActVerbAfter(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"CODECO insurgents armed with machetes and edged weapons attacked Plaine Savo", true},
		{"Gunmen from the group stormed the hotel", true},
		{"CODECO members were killed by the army", false},
		{"CODECO, which attacked the camp in 2020, denied it", false},
		{"CODECO denied involvement", false},
	}
	for _, tc := range tests {
		toks := text.Tokenize(tc.s, 0)
		if got := actVerbAfter(toks, 1); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.s, got, tc.want)
		}
	}
}
