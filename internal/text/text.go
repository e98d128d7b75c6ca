// Package text splits sentences into tokens that keep their byte offsets,
// and matches phrase lists against them. It is the common ground of the
// extraction stages: each stage sees the same tokens with the same offsets.
package text

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark. Start and End are byte
// offsets in the document body.
type Token struct {
	Start, End int
	Text       string // as written
	Lower      string // lower case, curly apostrophes straightened
	Space      bool   // preceded by white space (or at the start)
	Kind       Kind
}

// Kind of token.
type Kind uint8

const (
	Word Kind = iota
	Number
	Punct
)

// Cap says whether the token starts with an upper-case letter.
func (t *Token) Cap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// AllCaps says whether every letter is upper case and there are at least two.
func (t *Token) AllCaps() bool {
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// Is reports whether the token's lower form is one of words.
func (t *Token) Is(words ...string) bool {
	for _, w := range words {
		if t.Lower == w {
			return true
		}
	}
	return false
}

// Tokenize splits s, which starts at byte offset base of the body.
// Words keep inner apostrophes ("Kata'ib") and periods of abbreviations
// ("U.S."); hyphens split words ("Iran-backed" is Iran, -, backed) with
// Space false on the parts after the first; a possessive "'s" is its own token.
func Tokenize(s string, base int) []Token {
	toks := make([]Token, 0, len(s)/5+4)
	space := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
			i += n
			continue
		case unicode.IsLetter(r) || unicode.IsMark(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsMark(r2) {
					j += n2
					continue
				}
				if isApos(r2) && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if unicode.IsLetter(r3) {
						// possessive 's ends the word
						if (r3 == 's' || r3 == 'S') && (j+n2+1 == len(s) || !isLetterAt(s, j+n2+1)) {
							break
						}
						j += n2
						continue
					}
				}
				// abbreviations: U.S., U.N., a.m.
				if r2 == '.' && j+1 < len(s) && isLetterAt(s, j+1) && j-i <= 2 && (j+2 >= len(s) || s[j+2] == '.') {
					j += 2
					if j < len(s) && s[j] == '.' {
						j++
					}
					continue
				}
				break
			}
			toks = append(toks, mk(s, i, j, base, space, Word))
			i = j
		case unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				c := s[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			// ordinal or unit suffix stuck to a number: 13th, 2nd, 10am
			k := j
			for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
				k++
			}
			if k > j && k-j <= 2 {
				j = k
			}
			toks = append(toks, mk(s, i, j, base, space, Number))
			i = j
		case isApos(r) && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && (i+n+1 == len(s) || !isLetterAt(s, i+n+1)) && len(toks) > 0 && !space:
			toks = append(toks, mk(s, i, i+n+1, base, false, Word))
			i += n + 1
		default:
			toks = append(toks, mk(s, i, i+n, base, space, Punct))
			i += n
		}
		space = false
	}
	return toks
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func mk(s string, i, j, base int, space bool, k Kind) Token {
	t := s[i:j]
	return Token{Start: base + i, End: base + j, Text: t, Lower: lower(t), Space: space, Kind: k}
}

func lower(t string) string {
	plain := true
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		return t
	}
	l := strings.ToLower(t)
	if strings.ContainsAny(l, "’ʼ‘") {
		l = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'").Replace(l)
	}
	return l
}

// Join returns the text of tokens[i:j] as written in the body, a line
// break or tab inside it read as one space.
func Join(body []byte, toks []Token, i, j int) string {
	if i >= j {
		return ""
	}
	b := body[toks[i].Start:toks[j-1].End]
	if bytes.ContainsAny(b, "\n\r\t") {
		// a name broken across the lines of wrapped text is one name
		return strings.Join(strings.Fields(string(b)), " ")
	}
	return string(b)
}
