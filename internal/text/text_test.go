package text

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kata'ib Hezbollah's leaders", "Kata'ib|Hezbollah|'s|leaders"},
		{"Iran-backed militias", "Iran|-|backed|militias"},
		{"the U.S. embassy", "the|U.S.|embassy"},
		{"1,200 people on the 13th", "1,200|people|on|the|13th"},
		{"Kadhimi’s office", "Kadhimi|’s|office"},
		{"(PMF)", "(|PMF|)"},
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range Tokenize(tc.in, 100) {
			got = append(got, tok.Text)
			if tc.in[tok.Start-100:tok.End-100] != tok.Text {
				t.Errorf("%q: offsets %d-%d do not give %q", tc.in, tok.Start, tok.End, tok.Text)
			}
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("Tokenize(%q) = %s, want %s", tc.in, strings.Join(got, "|"), tc.want)
		}
	}
}

func TestPhraseSetLongestMatch(t *testing.T) {
	p := NewPhraseSet[string]()
	p.Add("suicide bomb", "a")
	p.Add("suicide bomber", "b")
	p.Add("bomber", "c")
	toks := Tokenize("A suicide bomber and a bomber", 0)
	var got []string
	for _, m := range p.FindAll(toks) {
		got = append(got, m.Val)
	}
	if strings.Join(got, "") != "bc" {
		t.Fatalf("matches %v", got)
	}
}

func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain name.txt":            "plain name.txt",
		"two\nlines\tand tab":       "two\nlines\tand tab",
		"evil\r\x1b[2KOK: 0 failed": `evil\r\x1b[2KOK: 0 failed`,
		"bell\a del\x7f":            `bell\x07 del\x7f`,
		"c1 \u009b31m":              `c1 \u009b31m`,
		"bidi \u202egnp.exe":        `bidi \u202egnp.exe`,
		"Ba’athist Kadhimi مصطفى":   "Ba’athist Kadhimi مصطفى",
		"bad \xff byte":             `bad \xff byte`,
	} {
		if got := TerminalSafe(in); got != want {
			t.Errorf("TerminalSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestJoinAcrossLines: a name broken across the lines of wrapped text is
// one name with one space; a name on one line is as written.
func TestJoinAcrossLines(t *testing.T) {
	body := []byte("suspected Muslim\ninsurgents and Boko  Haram")
	toks := Tokenize(string(body), 0)
	if got := Join(body, toks, 0, 3); got != "suspected Muslim insurgents" {
		t.Errorf("Join = %q", got)
	}
	if got := Join(body, toks, 4, 6); got != "Boko  Haram" {
		t.Errorf("Join = %q", got)
	}
}
