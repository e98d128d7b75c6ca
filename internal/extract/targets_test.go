package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
)

// TestChosenTargetsHaveEvidence: every target of a report comes with a
// sentence (or the headline) that holds it, and no target is a part of
// another.
func TestChosenTargetsHaveEvidence(t *testing.T) {
	paths, _ := filepath.Glob("../../corpora/news/wikinews/*.txt")
	if len(paths) == 0 {
		t.Skip("no corpora")
	}
	chosen := 0
	for _, p := range paths {
		_, res := extractFile(t, p)
		if len(res.Incidents) == 0 {
			continue
		}
		in := res.Incidents[0]
		var texts []string
		for _, e := range in.Evidence {
			if e.Field == "targets" {
				texts = append(texts, names.Fold(e.Text))
			}
		}
		for i, n := range in.Targets {
			chosen++
			found := false
			for _, tx := range texts {
				if strings.Contains(tx, names.Fold(n)) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: target %q has no evidence holding it", filepath.Base(p), n)
			}
			for _, o := range in.Targets[:i] {
				if OverlapTarget(o, "", n, "") {
					t.Errorf("%s: targets %q and %q are one", filepath.Base(p), o, n)
				}
			}
		}
	}
	if chosen == 0 {
		t.Error("no report has a target")
	}
}

// TestTargetSpans: the spans a candidate target is proposed in.
func TestTargetSpans(t *testing.T) {
	span := func(s string, from, to int) string {
		toks := text.Tokenize(s, 0)
		return s[toks[from].Start:toks[to-1].End]
	}
	tests := []struct {
		s, head, want string
		compound      bool
	}{
		{"a car bomb exploded outside the courthouse in Newry on Monday", "courthouse", "courthouse in Newry", false},
		{"an attack on security convoys in a dense forest", "convoys", "convoys", false},
		{"a bomb hit a park in the Baglar region of the city", "park", "park in the Baglar region", false},
		{"police fired on stone-throwing youths", "youths", "stone-throwing youths", true},
		{"gunmen attacked pro-democracy protesters", "protesters", "pro-democracy protesters", true},
	}
	for _, tc := range tests {
		toks := text.Tokenize(tc.s, 0)
		h := -1
		for i, tk := range toks {
			if tk.Text == tc.head {
				h = i
			}
		}
		var got string
		if tc.compound {
			got = span(tc.s, compoundStart(toks, h), h+1)
		} else {
			got = span(tc.s, h, ownerEnd(toks, h+1))
		}
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.s, got, tc.want)
		}
	}
}

// TestTargetShape: what a rule's reading of the words after a verb may
// leave is no target: a function, time or number word, an act's noun, a
// phrase opening with a preposition; a place, a site or people are; a
// phrase that stops on a participle loses it.
func TestTargetShape(t *testing.T) {
	for name, want := range map[string]bool{
		"early": false, "five": false, "attack": false, "non": false, "into a police battalion": false, "police": true,
		"police battalion headquarters": true, "convoy": true, "a crowded street": true, "the Kandi building": true, "worshippers": true,
		"a wedding": true, "the shooting range": true,
	} {
		if got := targetShape(name); got != want {
			t.Errorf("targetShape(%q) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]string{"Christians attending": "Christians", "buses belonging": "buses", "a wedding": "a wedding"} {
		if got := trimTarget(name); got != want {
			t.Errorf("trimTarget(%q) = %q, want %q", name, got, want)
		}
	}
}
