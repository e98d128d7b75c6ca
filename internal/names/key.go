package names

import (
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/arabic"
)

// Key returns a comparison key that is equal for the usual Latin
// transliterations of one Arabic, Persian or Pashto name: Fadlallah,
// Fadlullah and Fadlalla; Mohammed, Muhammad and Mohamed; Hamdani, Hamdany
// and Hamdeni; Qaeda and Qaida; Hussein and Husayn; al-Sadr
// and Sadr; Shia, Shi'a and Shiite. Names in other languages get keys of
// the same kind, so Key suits lookups in a dictionary, not the search of
// running text.
//
// The key is built from Fold(s). Articles and particles (IsArticle,
// IsParticle) are dropped unless nothing else is left, and "Abdul-",
// "Abdel-" and "Abdol-" become "abd" and a word of their own ("Abdulrahman"
// = "Abd al-Rahman"). Each remaining word keeps:
//
//   - its first letter, a leading vowel reduced to one of three classes
//     (a; e i; o u), so Iran and Oran, Iraq and Uruk stay apart;
//   - its consonants, doubled letters collapsed first (Qassem = Qasem),
//     with ph read as f, and ai, ay, ae, ei, ey read as the consonant y
//     (Qais = Qays, Hussein = Husayn, Qaeda = Qaida, Kataeb = Kataib);
//   - the class of its final vowel (Hamdani = Hamdany, but Hakim and
//     Hakimi differ), a final "ah" counting as "a" in words of five letters
//     or more (Fatimah = Fatima; Shah and Shia differ).
//
// Vowels inside a word are dropped, which is what merges the spellings and
// also what costs: names that differ only in an inner vowel get the same
// key. Known merges of distinct names: Bashar and Bashir, Amir and Amr,
// Karim and Karam, Hamas and Homs, Khan and Kahn, Said and Sayed. Keys of
// whole names (several words) rarely collide; single words should be
// confirmed by another clue (kind, context) before two entities are merged.
// Q, K, G and Gh stay distinct (Qasem, Kasem and Ghasem differ), and so do
// z, dh and th (Nazir and Nadhir differ).
//
// A word in Arabic script is keyed as Fold writes it (alef forms, yeh and
// teh marbuta merged, diacritics dropped) without its article: "الحمداني"
// and "الحمدانى" have the key of "حمداني", and "عبدالرحمن" that of
// "عبد الرحمن". Key does not compare Arabic script with Latin letters:
// Skeleton does, more coarsely.
func Key(s string) string {
	toks := Tokens(s)
	kept := toks[:0:0]
	for _, t := range toks {
		if !IsArticle(t) && !IsParticle(t) {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		kept = toks
	}
	var b strings.Builder
	for _, t := range kept {
		for _, part := range splitWord(t) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			writeTokenKey(&b, part)
		}
	}
	return b.String()
}

// splitWord returns the parts of a folded word that Key keys: the word
// itself, "abd" and the rest of a Latin "Abdul..." (splitAbd), an Arabic
// word without its article, and "عبد" and the rest of an Arabic "عبدال...".
func splitWord(t string) []string {
	if t == "" || t[0] < utf8.RuneSelf {
		return splitAbd(t)
	}
	if r, _ := utf8.DecodeRuneInString(t); !arabic.IsArabic(r) {
		return []string{t}
	}
	if strings.HasPrefix(t, arAbdAl) && utf8.RuneCountInString(t) > 6 {
		return []string{arAbd, arabic.StripArticle(t[len(arAbd):])}
	}
	return []string{arabic.StripArticle(t)}
}

// arAbd and arAbdAl are "عبد" and "عبدال", folded.
const (
	arAbd   = "عبد"
	arAbdAl = "عبدال"
)

// abdPrefixes are the spellings of "Abd al-" written as one word.
var abdPrefixes = []string{"abdul", "abdel", "abdol", "abdal", "abdil", "abdur", "abdor", "abder", "abdu"}

// splitAbd splits "abdulrahman" into "abd" and "rahman", and turns a lone
// "abdul" into "abd".
func splitAbd(t string) []string {
	if !strings.HasPrefix(t, "abd") {
		return []string{t}
	}
	for _, p := range abdPrefixes {
		if t == p {
			return []string{"abd"}
		}
		if strings.HasPrefix(t, p) && len(t) >= len(p)+3 {
			return []string{"abd", t[len(p):]}
		}
	}
	return []string{t}
}

// writeTokenKey writes the key of one folded word.
func writeTokenKey(b *strings.Builder, t string) {
	for i := 0; i < len(t); i++ {
		if t[i] >= 0x80 || t[i] >= '0' && t[i] <= '9' {
			// Other scripts and numbers are compared as folded.
			b.WriteString(t)
			return
		}
	}
	w := normalizeSpelling(t)
	if len(w) == 0 {
		return
	}
	// The first letter, vowels reduced to a class.
	if isVowel(w[0]) {
		b.WriteByte(vowelClass(w[0]))
	} else {
		b.WriteByte(w[0])
	}
	// Inner consonants; y is a consonant before a vowel, a vowel otherwise.
	for i := 1; i < len(w); i++ {
		c := w[i]
		switch {
		case c == diphthong:
			b.WriteByte('y')
		case isVowel(c):
		case c == 'y' && !(i+1 < len(w) && isVowel(w[i+1])):
		default:
			b.WriteByte(c)
		}
	}
	// The class of a final vowel.
	if last := w[len(w)-1]; len(w) > 1 && (isVowel(last) || last == 'y') {
		b.WriteByte(vowelClass(last))
	}
}

// normalizeSpelling rewrites the letters of a folded word that
// transliterations spell in several ways: -iite as -ia, a final -ah as -a,
// ph as f, ou and oo as u, ee as i, doubled letters as one, and diphthongs
// as the mark diphthong.
func normalizeSpelling(t string) []byte {
	switch {
	case strings.HasSuffix(t, "iites"):
		t = t[:len(t)-5] + "ias"
	case strings.HasSuffix(t, "iite"):
		t = t[:len(t)-4] + "ia"
	}
	if len(t) >= 5 && strings.HasSuffix(t, "ah") {
		t = t[:len(t)-1]
	}
	w := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		c := t[i]
		var n byte
		if i+1 < len(t) {
			n = t[i+1]
		}
		switch {
		case c == 'p' && n == 'h':
			c = 'f'
			i++
		case c == 'o' && (n == 'u' || n == 'o'):
			c = 'u'
			i++
		case c == 'e' && n == 'e':
			c = 'i'
			i++
		}
		if len(w) > 0 && w[len(w)-1] == c {
			continue // doubled letters
		}
		w = append(w, c)
	}
	// Diphthongs: ai, ay, ae, ei, ey (and a y doubling them) -> 'Y'.
	out := w[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i > 0 && i+1 < len(w) && isDiphthong(c, w[i+1]) {
			i++
			for i+1 < len(w) && w[i+1] == 'y' {
				i++
			}
			c = diphthong
		}
		out = append(out, c)
	}
	return out
}

// diphthong stands for ai, ay, ae, ei or ey in normalizeSpelling's result.
// It is upper case so that it cannot be taken for a vowel y, and it is
// written to the key as 'y'.
const diphthong = 'Y'

func isDiphthong(c, n byte) bool {
	switch c {
	case 'a':
		return n == 'i' || n == 'y' || n == 'e'
	case 'e':
		return n == 'i' || n == 'y'
	}
	return false
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// vowelClass reduces a vowel (or a vowel y) to a, i or u.
func vowelClass(c byte) byte {
	switch c {
	case 'a':
		return 'a'
	case 'o', 'u':
		return 'u'
	}
	return 'i'
}
