// Package names compares names the way a reader does: it ignores case,
// accents, apostrophes, hyphens and possessives (Fold), and, for Arabic,
// Persian and Pashto names written in Latin letters, the spelling choices of
// the transliteration (Key). Names in Arabic script are folded the way
// internal/arabic folds them, and keyed without their article; a coarse
// consonant skeleton compares a name in Arabic script with its Latin
// spellings (Skeleton). Everything here is a pure function of its input,
// safe for concurrent use.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/arabic"
)

// Fold returns s in lower case with accents removed (ä -> a, ṣ -> s, ß -> ss),
// apostrophes removed (Kata'ib -> kataib), a possessive "'s" removed
// (Hezbollah's -> hezbollah), the dots of initialisms joined (U.S. -> us),
// and every other run of punctuation, hyphens or spaces turned into one
// space. The result is trimmed. Digits are kept; letters of other scripts are
// lower-cased and kept. Arabic script is folded as arabic.Fold does it
// (diacritics and tatweel dropped, alef forms, alef maqsura and yeh, teh
// marbuta and heh merged, Arabic-Indic digits read as ASCII digits).
func Fold(s string) string {
	return string(AppendFold(make([]byte, 0, len(s)), s))
}

// AppendFold appends Fold(s) to dst and returns the extended buffer; it
// lets a caller fold many words without allocating.
func AppendFold(dst []byte, s string) []byte {
	f := folder{w: dst, start: len(dst)}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		next := i + size
		switch {
		case r < utf8.RuneSelf && isASCIILetter(byte(r)):
			f.letterByte(lowerASCII(byte(r)))
		case r >= '0' && r <= '9':
			f.letterByte(byte(r))
			f.complex = true
		case IsApostrophe(r):
			if f.seg > 0 && isPossessiveS(s, next) {
				next++ // drop the "s" of "'s" too
			}
		case r == '.':
			f.dot(s, next)
		case r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r):
			// A combining mark left by decomposed input: the base letter
			// has already been written.
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if arabic.IsArabic(r) {
				if a, ok := arabic.FoldRune(r); ok {
					f.begin()
					f.w = utf8.AppendRune(f.w, a)
					f.end()
				}
			} else if plain, ok := deaccent[r]; ok {
				f.letter(plain)
			} else {
				f.begin()
				f.w = utf8.AppendRune(f.w, unicode.ToLower(r))
				f.end()
			}
		default:
			f.space()
		}
		i = next
	}
	return f.w
}

// folder writes Fold's output, one word at a time. A word is "initial" while
// it is made of single letters joined by dots, as in "U.S".
type folder struct {
	w       []byte
	start   int  // where this call's output begins in w
	pending bool // a space is owed before the next letter
	seg     int  // letters since the start of the word or the last joined dot
	complex bool // the word is not (yet) an initialism
	joined  bool // the word has a joined dot
}

func (f *folder) letter(l string) {
	f.begin()
	f.w = append(f.w, l...)
	f.end()
}

func (f *folder) letterByte(c byte) {
	f.begin()
	f.w = append(f.w, c)
	f.end()
}

// end counts a letter written to the current word.
func (f *folder) end() {
	f.seg++
	if f.seg > 1 {
		f.complex = true
	}
}

func (f *folder) begin() {
	if f.pending {
		f.w = append(f.w, ' ')
		f.pending = false
	}
}

func (f *folder) space() {
	if len(f.w) > f.start {
		f.pending = true
	}
	f.seg, f.complex, f.joined = 0, false, false
}

// dot joins initialisms ("U.S." -> "us", "U.N." -> "un") and otherwise acts
// as punctuation ("St. Louis" -> "st louis", "J. Smith" -> "j smith").
func (f *folder) dot(s string, next int) {
	if f.seg == 1 && !f.complex {
		if next < len(s) && isLetterAt(s, next) {
			f.seg, f.joined = 0, true
			return
		}
	}
	f.space()
}

// isPossessiveS reports whether s[i:] starts with an "s" that ends the word,
// as in "Hezbollah's".
func isPossessiveS(s string, i int) bool {
	if i >= len(s) || s[i] != 's' && s[i] != 'S' {
		return false
	}
	return i+1 == len(s) || !isLetterAt(s, i+1)
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// IsApostrophe reports whether r is one of the marks that Fold deletes
// inside words: the ASCII apostrophe, the typographic quotes used as
// apostrophes, the modifier letters used for ayn and hamza (ʿ ʾ ʼ ʻ), the
// grave accent and the acute accent used the same way.
func IsApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʿ', 'ʾ', 'ʻ', '`', '´', '′':
		return true
	}
	return false
}

// Tokens returns the words of Fold(s).
func Tokens(s string) []string {
	return strings.Fields(Fold(s))
}

// IsArticle reports whether tok, a folded token, is an article that Key
// ignores: the Arabic definite article in its usual Latin spellings,
// assimilated or not (al, el, ad, an, ar, as, at, az, ash, ath, adh), and
// English "the".
func IsArticle(tok string) bool {
	switch tok {
	case "al", "el", "ad", "an", "ar", "as", "at", "az", "ash", "ath", "adh", "the":
		return true
	}
	return false
}

// IsParticle reports whether tok, a folded token, is a connecting particle
// of Persian, Urdu or Arabic names that Key ignores as well: the izafe
// ("Lashkar-e-Taiba", "Hizb-i-Islami") and "ul", "ud", "ur" ("Hizb-ul-",
// "Jamaat-ud-Dawa").
func IsParticle(tok string) bool {
	switch tok {
	case "e", "i", "ul", "ud", "ur":
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
