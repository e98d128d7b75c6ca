package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns the key under which a name is indexed: lower case, accents
// and Arabic vowel marks removed, apostrophes, ʿayn/hamza marks and full
// stops dropped, hyphens, spaces and other punctuation collapsed to one
// space, and a leading Arabic article removed ("al-", "al ", "el-", the
// assimilated "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", the same
// before a space when the next word begins with the article's consonant
// ("Ad Dīwānīyah", "An Najaf"), and the Arabic-script "ال"). Arabic letters that writers use interchangeably are
// merged (أ إ آ ٱ → ا, ة → ه, ى ی → ي, ک → ك).
//
// Folding is what lets "Irbil", "ʾIrbīl", "أربيل" and "اربيل" meet, and
// "al-Anbar", "Al Anbar" and "Anbar" meet. "El Paso" keeps its "el"
// because only the hyphenated "el-" is taken for an article.
//
// Fold is idempotent: Fold(Fold(s)) == Fold(s). The embedded data stores
// keys already folded, so changing Fold means regenerating the data.
func Fold(name string) string {
	var buf [96]byte
	return string(foldAppend(buf[:0], name))
}

// Separator marks used between the two folding passes: a hyphen matters
// for article stripping ("el-" is an article, "el " is not), so it is kept
// apart from a plain space until the articles are gone.
const (
	sepSpace  = ' '
	sepHyphen = '-'
)

// foldAppend appends the folded form of s to dst. It lets Lookup fold into a
// stack buffer without allocating.
func foldAppend(dst []byte, s string) []byte {
	start := len(dst)
	pendingSep := byte(0) // separator seen since the last letter, if any
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII fast path: the same decisions as below, without the
			// Unicode tables.
			c := byte(r)
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '.' || c == '`':
				continue
			case c == '-':
				pendingSep = sepHyphen
				continue
			default:
				if pendingSep != sepHyphen {
					pendingSep = sepSpace
				}
				continue
			}
			if pendingSep != 0 {
				if len(dst) > start {
					dst = append(dst, pendingSep)
				}
				pendingSep = 0
			}
			dst = append(dst, c)
			continue
		}
		switch {
		case isIgnorable(r):
			continue
		case isHyphen(r):
			pendingSep = sepHyphen
			continue
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r):
			if pendingSep != sepHyphen {
				pendingSep = sepSpace
			}
			continue
		}
		if pendingSep != 0 {
			if len(dst) > start {
				dst = append(dst, pendingSep)
			}
			pendingSep = 0
		}
		dst = appendFoldedRune(dst, r)
	}
	// Strip leading articles until none is left, so folding a folded key
	// gives the key back.
	for {
		n := articleLen(dst[start:])
		if n == 0 {
			break
		}
		dst = append(dst[:start], dst[start+n:]...)
	}
	for i := start; i < len(dst); i++ {
		if dst[i] == sepHyphen {
			dst[i] = sepSpace
		}
	}
	return dst
}

// isIgnorable reports runes that vanish without leaving a word break:
// combining marks (accents, Arabic harakat), apostrophes and the letters
// used to transliterate ʿayn and hamza, full stops ("U.S.", "St. Louis")
// and the Arabic tatweel.
func isIgnorable(r rune) bool {
	switch r {
	case '\'', '.', '`', '´', '\u2018', '\u2019', '\u201B', '\u02BB', '\u02BC',
		'\u02BE', '\u02BF', '\u02B9', '\u0640', '\u200C', '\u200D', '\u200E', '\u200F', '\uFEFF':
		return true
	}
	return unicode.Is(unicode.Mn, r)
}

// isHyphen reports the dashes that join the words of a name.
func isHyphen(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return true
	}
	return false
}

// articleLen returns how many bytes of the (half-folded) key b form a
// leading article and its separator, or 0 when there is none or when nothing
// would be left after it.
func articleLen(b []byte) int {
	// Latin: a short word then a separator.
	for i := 0; i < len(b) && i <= 3; i++ {
		c := b[i]
		if c != sepSpace && c != sepHyphen {
			continue
		}
		if i+1 >= len(b) {
			return 0
		}
		switch word := string(b[:i]); {
		case word == "al":
			return i + 1
		case c == sepHyphen && isAssimilatedArticle(word):
			return i + 1
		case c == sepSpace && isAssimilatedArticle(word) && sunLetter(word, b[i+1:]):
			// "Ad Dīwānīyah", "As Sulaymaniyah", "An Najaf": the article
			// takes the first letter of the word it is assimilated to
			return i + 1
		}
		return 0
	}
	// Arabic script: "ال" glued to a word of at least two more letters.
	const al = "\u0627\u0644"
	if len(b) > len(al) && string(b[:len(al)]) == al {
		rest := b[len(al):]
		n := 0
		for len(rest) > 0 && rest[0] != sepSpace && rest[0] != sepHyphen && n < 2 {
			_, size := utf8.DecodeRune(rest)
			rest = rest[size:]
			n++
		}
		if n >= 2 {
			return len(al)
		}
	}
	return 0
}

// sunLetter says whether an assimilated article ("ad", "ash", "an") ends
// in the letters the next word begins with ("Ad Diwaniyah", "Ash
// Shatrah"): then, even before a space, it is the article, not a word of
// the name ("El Paso" keeps its "el").
func sunLetter(article string, next []byte) bool {
	c := article[1:] // "ad" -> "d", "ash" -> "sh"
	if c == "" || len(next) <= len(c) {
		return false
	}
	return string(next[:len(c)]) == c
}

// isAssimilatedArticle reports the spellings the Arabic article takes in
// transliteration before a hyphen ("el-Arish", "ar-Ramadi", "an-Najaf").
func isAssimilatedArticle(w string) bool {
	switch w {
	case "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an",
		"ed", "er", "es", "en", "ez":
		return true
	}
	return false
}

// appendFoldedRune appends the lower-case, accent-free form of one rune.
func appendFoldedRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if s := latinBase(r); s != "" {
		return append(dst, s...)
	}
	if a := arabicVariant(r); a != 0 {
		r = a
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// latinBase returns the ASCII letters a Latin letter with diacritics folds
// to, or "" when r is not such a letter. The tables below were made from
// Unicode canonical decompositions (NFD, marks removed); the switch covers
// letters that have no decomposition but an obvious base.
func latinBase(r rune) string {
	// One byte per code point; '.' means "not a plain letter with marks".
	const (
		latin1AndExtAB = "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y" + // U+00C0
			"aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll." + // U+0100
			"...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz." + // U+0140
			"................................oo.............uu..............." + // U+0180
			".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa...." + // U+01C0
			"aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............" + // U+0200
			"................" // U+0240
		latinExtAdditional = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" + // U+1E00
			"mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" + // U+1E40
			"wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" + // U+1E80
			"eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......" // U+1EC0
	)
	var c byte = '.'
	switch {
	case r >= 0xC0 && r < 0xC0+rune(len(latin1AndExtAB)):
		c = latin1AndExtAB[r-0xC0]
	case r >= 0x1E00 && r < 0x1E00+rune(len(latinExtAdditional)):
		c = latinExtAdditional[r-0x1E00]
	}
	if c != '.' {
		return latinLetters[c-'a' : c-'a'+1]
	}
	switch r {
	case 'Æ', 'æ', 'Ǽ', 'ǽ', 'Ǣ', 'ǣ':
		return "ae"
	case 'Œ', 'œ':
		return "oe"
	case 'ß', 'ẞ':
		return "ss"
	case 'Þ', 'þ':
		return "th"
	case 'Ĳ', 'ĳ':
		return "ij"
	case 'Ð', 'ð', 'Đ', 'đ', 'Ɖ', 'ɖ', 'Ɗ', 'ɗ':
		return "d"
	case 'Ø', 'ø', 'Ǿ', 'ǿ', 'Ɔ', 'ɔ', 'Ɵ', 'ɵ':
		return "o"
	case 'Ħ', 'ħ':
		return "h"
	case 'ı', 'Ɨ', 'ɨ':
		return "i"
	case 'Ŀ', 'ŀ', 'Ł', 'ł', 'ƚ':
		return "l"
	case 'Ŋ', 'ŋ':
		return "n"
	case 'Ŧ', 'ŧ':
		return "t"
	case 'ſ':
		return "s"
	case 'ƒ', 'Ƒ':
		return "f"
	case 'Ə', 'ə', 'ǝ', 'Ǝ', 'Ɛ', 'ɛ':
		return "e"
	case 'ƀ', 'Ɓ', 'ɓ':
		return "b"
	case 'Ƴ', 'ƴ':
		return "y"
	case 'Ƶ', 'ƶ', 'Ȥ', 'ȥ':
		return "z"
	}
	return ""
}

// latinLetters backs the one-letter strings latinBase returns, so folding
// allocates nothing per rune.
const latinLetters = "abcdefghijklmnopqrstuvwxyz"

// arabicVariant maps Arabic-script letters to the form writers use
// interchangeably with them, or returns 0.
func arabicVariant(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ة':
		return 'ه'
	case 'ى', 'ی', 'ې', 'ۍ':
		return 'ي'
	case 'ک', 'ڪ':
		return 'ك'
	case 'ۀ', 'ە':
		return 'ه'
	}
	return 0
}
