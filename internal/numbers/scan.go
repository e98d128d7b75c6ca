package numbers

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tWord
	tNum
	tPunct
)

// maxValue bounds every number read, so arithmetic on it cannot overflow.
const maxValue = 1e12

// token is one word, number or punctuation mark. Tokens are read on demand
// from a cursor; nothing is tokenized ahead.
type token struct {
	kind       tokKind
	start, end int
	space      bool // whitespace (or the start of input) before the token
	r          rune // the mark, for tPunct

	// For tNum.
	val      int  // integer part
	frac     int  // digits after the decimal point, as an integer
	fracLen  int  // how many of them
	digits   int  // digits in the integer part
	grouped  bool // written with thousands separators ("1,200")
	overflow bool // more than maxValue
}

// cursor is a position in the input. It is a small value: parsers copy it
// to look ahead and drop the copy to backtrack.
type cursor struct {
	s   string
	pos int
}

// next reads the token at the cursor and returns it with the cursor after it.
func (c cursor) next() (token, cursor) {
	t := lexAt(c.s, c.pos)
	c.pos = t.end
	return t, c
}

// peek reads the token at the cursor.
func (c cursor) peek() token { return lexAt(c.s, c.pos) }

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isLetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// isSpaceRune covers the spaces news text uses, including no-break and thin
// spaces.
func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' ||
		r == 0xa0 || r == 0x2009 || r == 0x202f || r == 0x2007 || r == 0x200a
}

// groupSep reports whether s[i:] starts with a thousands separator inside a
// number and how long it is: a comma, or a no-break or thin space.
func groupSep(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == ',' {
		return 1
	}
	if s[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == 0xa0 || r == 0x2009 || r == 0x202f {
		return n
	}
	return 0
}

// lexAt reads the token that starts at or after pos.
func lexAt(s string, pos int) token {
	t := token{space: pos == 0}
	i := pos
	for i < len(s) {
		b := s[i]
		if b == ' ' || b == '\n' || b == '\t' || b == '\r' {
			i++
			t.space = true
			continue
		}
		if b >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isSpaceRune(r) {
				i += n
				t.space = true
				continue
			}
		}
		break
	}
	t.start = i
	if i >= len(s) {
		t.kind, t.end = tEOF, i
		return t
	}
	b := s[i]
	switch {
	case isDigit(b):
		return lexNumber(s, t)
	case isLetter(b):
		t.kind, t.end = tWord, wordEnd(s, i)
		return t
	case b < utf8.RuneSelf:
		t.kind, t.end, t.r = tPunct, i+1, rune(b)
		return t
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsLetter(r) {
		t.kind, t.end = tWord, wordEnd(s, i)
		return t
	}
	t.kind, t.end, t.r = tPunct, i+n, r
	return t
}

// wordEnd returns the end of the word at i: letters and digits, with
// apostrophes inside ("o'clock", "Kata'ib").
func wordEnd(s string, i int) int {
	for i < len(s) {
		b := s[i]
		if isLetter(b) || isDigit(b) {
			i++
			continue
		}
		if b == '\'' && i+1 < len(s) && isLetter(s[i+1]) {
			i++
			continue
		}
		if b < utf8.RuneSelf {
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			i += n
			continue
		}
		if r == '’' && i+n < len(s) && isLetter(s[i+n]) {
			i += n
			continue
		}
		return i
	}
	return i
}

// lexNumber reads digits with optional thousands separators ("1,200",
// "1 200" with a no-break space) and a decimal part ("1.5").
func lexNumber(s string, t token) token {
	t.kind = tNum
	i := t.start
	group := 0 // digits in the current group
	for {
		for i < len(s) && isDigit(s[i]) {
			t.val = t.val*10 + int(s[i]-'0')
			if t.val > maxValue {
				t.overflow = true
				t.val = maxValue
			}
			t.digits++
			group++
			i++
		}
		// A separator counts only when exactly three digits follow it and
		// the groups before were well formed ("1,200", not "12345,678").
		n := groupSep(s, i)
		if n == 0 || (!t.grouped && group > 3) {
			break
		}
		j := i + n
		if j+3 > len(s) || !isDigit(s[j]) || !isDigit(s[j+1]) || !isDigit(s[j+2]) ||
			(j+3 < len(s) && isDigit(s[j+3])) {
			break
		}
		t.grouped = true
		group = 0
		i = j
	}
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		i++
		for i < len(s) && isDigit(s[i]) {
			if t.fracLen < 9 {
				t.frac = t.frac*10 + int(s[i]-'0')
				t.fracLen++
			}
			i++
		}
		if t.fracLen == 0 {
			t.fracLen = 1 // only zeros were too many to keep; still a decimal
		}
	}
	t.end = i
	return t
}

// prevWord returns the word that ends just before pos, skipping spaces and
// one full stop ("No. 5"), and whether it starts a sentence.
func prevWord(s string, pos int) (w string, sentenceStart, ok bool) {
	i := pos
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	if i > 0 && s[i-1] == '.' {
		i--
	}
	end := i
	for i > 0 && (isLetter(s[i-1]) || isDigit(s[i-1])) {
		i--
	}
	if i == end || (i > 0 && s[i-1] >= utf8.RuneSelf && letterBefore(s, i)) {
		return "", false, false
	}
	return s[i:end], atSentenceStart(s, i), true
}

// letterBefore reports whether a non-ASCII letter ends just before i.
func letterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// atSentenceStart reports whether the word at i begins a sentence, a line
// or a clause in brackets or quotes.
func atSentenceStart(s string, i int) bool {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	if i == 0 {
		return true
	}
	switch s[i-1] {
	case '.', '!', '?', ':', ';', '\n', '"', '(', '[', '\'', '-', '|', '=', '*':
		return true
	}
	return s[i-1] >= utf8.RuneSelf // a curly quote or dash, most likely
}
