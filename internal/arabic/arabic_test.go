package arabic

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"الكاظمى", "الكاظمي"},
		{"الكاظمي", "الكاظمي"},
		{"إصابة", "اصابه"},
		{"أُصيبَ", "اصيب"},
		{"قتـــلى", "قتلي"},
		{"٢٠١٩", "2019"},
		{"۱۲", "12"},
		{"مسؤول", "مسوول"},
		{"Kadhimi", "kadhimi"},
		{"plain", "plain"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	s := "قُتل ١٢ شخصاً في بغداد، عام 2019م."
	toks := Tokens(s)
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Folded)
		if Fold(s[tk.Start:tk.End]) != tk.Folded {
			t.Errorf("token %q at %d:%d folds to %q", s[tk.Start:tk.End], tk.Start, tk.End, tk.Folded)
		}
	}
	want := []string{"قتل", "12", "شخصا", "في", "بغداد", "عام", "2019", "م"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func TestStems(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // a form Stems must reach
	}{
		{"وبغداد", "بغداد"},
		{"ببغداد", "بغداد"},
		{"لبغداد", "بغداد"},
		{"والعراق", "العراق"},
		{"بالعراق", "عراق"},
		{"للشرطه", "الشرطه"},
		{"فالموصل", "الموصل"},
		{"بغداد", "بغداد"},
	} {
		got := Stems(Fold(c.in))
		if !slices.Contains(got, c.want) {
			t.Errorf("Stems(%q) = %q, want it to hold %q", c.in, got, c.want)
		}
		if got[0] != Fold(c.in) {
			t.Errorf("Stems(%q)[0] = %q, want the word itself first", c.in, got[0])
		}
	}
	// never fewer than two letters
	for _, s := range Stems("وبه") {
		if len([]rune(s)) < 2 {
			t.Errorf("Stems(وبه) holds %q", s)
		}
	}
}

func TestSentences(t *testing.T) {
	s := "قتل 3 أشخاص. وأصيب 5 آخرون؟ قال مسؤول: «انفجرت العبوة»؛ ثم\nعنوان آخر 3.5 كم"
	var got []string
	for _, sp := range Sentences(s) {
		got = append(got, s[sp.Start:sp.End])
	}
	want := []string{"قتل 3 أشخاص.", "وأصيب 5 آخرون؟", "قال مسؤول: «انفجرت العبوة»؛", "ثم", "عنوان آخر 3.5 كم"}
	if !slices.Equal(got, want) {
		t.Errorf("Sentences = %q\nwant %q", got, want)
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("وبغداد ١٢ قتيلاً")
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range Tokens(s) {
			if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End {
				t.Fatalf("bad span %d:%d of %d", tk.Start, tk.End, len(s))
			}
		}
		for _, sp := range Sentences(s) {
			if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("bad sentence %d:%d of %d", sp.Start, sp.End, len(s))
			}
		}
		_ = Stems(Fold(s))
	})
}

func TestStripLam(t *testing.T) {
	for in, want := range map[string]string{
		"لجريدة الخبر":  "جريدة الخبر",
		"للصحيفة":       "الصحيفة",
		"ولنشطاء آخرين": "نشطاء آخرين",
		"الحكومة":       "الحكومة",
		"لبنان":         "بنان", // a caller asks only where the grammar wants ل
	} {
		if got := StripLam(in); got != want {
			t.Errorf("StripLam(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHasHamza(t *testing.T) {
	for in, want := range map[string]bool{"بأن": true, "إن": true, "بان": false, "مسؤول": true, "قال": false} {
		if HasHamza(in) != want {
			t.Errorf("HasHamza(%q) = %v", in, !want)
		}
	}
}

// An ellipsis inside a quotation leaves words out; it ends no sentence.
func TestSentencesEllipsisInQuote(t *testing.T) {
	s := "وقال المتحدث إن «هؤلاء الإرهابيين ... يستحقون الإدانة». وانتهى الأمر... ثم عاد."
	var got []string
	for _, sp := range Sentences(s) {
		got = append(got, s[sp.Start:sp.End])
	}
	want := []string{"وقال المتحدث إن «هؤلاء الإرهابيين ... يستحقون الإدانة».", "وانتهى الأمر...", "ثم عاد."}
	if !slices.Equal(got, want) {
		t.Errorf("Sentences = %q\nwant %q", got, want)
	}
}

func TestIsNisba(t *testing.T) {
	for w, want := range map[string]bool{"الصومالي": true, "العراقيه": true, "الشيعي": true, "المسلحه": false, "الله": false, "صومالي": false} {
		if got := IsNisba(Fold(w)); got != want {
			t.Errorf("IsNisba(%q) = %v", w, got)
		}
	}
}
