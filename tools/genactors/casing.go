package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerWords are written in lower case inside a name ("Ansar al-Sharia",
// "Lashkar-e-Taiba", "Osama bin Laden", "Bosnia and Herzegovina").
var lowerWords = map[string]bool{
	"OF": true, "THE": true, "AND": true, "FOR": true, "IN": true, "ON": true, "TO": true,
	"AT": true, "BY": true, "WITH": true, "AGAINST": true, "FROM": true,
	"DE": true, "DEL": true, "DELLA": true, "DES": true, "DU": true, "LA": true, "LE": true,
	"VAN": true, "VON": true, "DER": true, "DEN": true, "DA": true, "DOS": true, "DAS": true,
	"AL": true, "EL": true, "AD": true, "AN": true, "AR": true, "AS": true, "ASH": true,
	"AZ": true, "ATH": true, "E": true, "I": true, "UL": true, "UD": true, "UR": true,
	"WA": true, "WAL": true, "FI": true, "BIN": true, "IBN": true, "BINT": true,
}

// caser writes Phoenix's upper-case phrases in the case a reader expects.
type caser struct {
	acronyms map[string]bool // words kept in capitals for every entry
	entry    map[string]bool // more such words, for the entry at hand
}

// withEntry returns a caser that also keeps in capitals the words given in
// parentheses in the entry and the initials of its multi-word names.
func (c caser) withEntry(forms []string, parenthesized []string) caser {
	e := map[string]bool{}
	for _, p := range parenthesized {
		for _, w := range strings.Fields(p) {
			e[lettersOnly(w)] = true
		}
	}
	for _, f := range forms {
		if in := initials(f); len(in) >= 3 {
			e[in] = true
		}
	}
	return caser{acronyms: c.acronyms, entry: e}
}

// initials returns the first letters of the words of a phrase, skipping
// "of", "the", "and", "in", "for", "on" and "to": "UNITED STATES OF
// AMERICA" gives "USA", "AL-QAEDA IN THE ARABIAN PENINSULA" "AQAP".
func initials(phrase string) string {
	var b strings.Builder
	words := strings.FieldsFunc(phrase, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		switch w {
		case "OF", "THE", "AND", "IN", "FOR", "ON", "TO":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Case writes an upper-case phrase (words separated by spaces) in display
// case.
func (c caser) Case(phrase string) string {
	words := strings.Fields(phrase)
	for i, w := range words {
		words[i] = c.word(w, i == 0)
	}
	return strings.Join(words, " ")
}

// word cases one word; hyphenated parts are cased one by one.
func (c caser) word(w string, first bool) string {
	if c.isAcronym(w) {
		return w
	}
	parts := strings.Split(w, "-")
	for i, p := range parts {
		parts[i] = c.part(p, first && i == 0)
	}
	return strings.Join(parts, "-")
}

func (c caser) part(p string, first bool) string {
	if p == "" {
		return p
	}
	if c.isAcronym(p) || isRoman(p) {
		return p
	}
	if !first && lowerWords[p] {
		return strings.ToLower(p)
	}
	lower := strings.ToLower(p)
	// McNamara, O'Kennedy, D'Escoto.
	if strings.HasPrefix(p, "MC") && len(p) > 4 {
		return "Mc" + titleWord(lower[2:])
	}
	if len(p) > 3 && (p[0] == 'O' || p[0] == 'D') && p[1] == '\'' {
		return p[:1] + "'" + titleWord(lower[2:])
	}
	return titleWord(lower)
}

// isAcronym reports whether a word is written in capitals: a listed
// acronym, an initialism with dots (U.N.), a word without vowels (PKK,
// BBC), or a word of the entry's initials or parentheses.
func (c caser) isAcronym(w string) bool {
	l := lettersOnly(w)
	if l == "" {
		return false
	}
	if c.acronyms[l] || c.entry[l] {
		return true
	}
	if isInitialism(w) {
		return true // U.N., U.S.A., I.D.E.A.L.
	}
	if strings.ContainsFunc(l, unicode.IsDigit) {
		return false // 3RD, 16TH
	}
	if len(l) >= 2 && !strings.ContainsAny(l, "AEIOUY") && !notAcronym[l] {
		return true
	}
	return false
}

// notAcronym are vowel-less words that are abbreviations read as words.
var notAcronym = map[string]bool{"MR": true, "MRS": true, "MS": true, "DR": true, "ST": true, "JR": true, "SR": true, "LT": true, "GEN": true, "COL": true, "MT": true, "FT": true, "PVT": true, "SGT": true, "CPL": true}

// isInitialism reports whether w is single letters each followed by a dot
// (the last dot may be missing): U.N., U.S.A, I.D.E.A.L.
func isInitialism(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'A' || c > 'Z' {
			return false
		}
		n++
		if i+1 < len(w) {
			if w[i+1] != '.' {
				return false
			}
			i++
		}
	}
	return n >= 2
}

func isRoman(w string) bool {
	switch w {
	case "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII":
		return true
	}
	return false
}

// titleWord writes a lower-case word with its first letter in capitals.
func titleWord(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lettersOnly returns the letters and digits of w.
func lettersOnly(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, w)
}
