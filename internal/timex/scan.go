package timex

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

// token is a word, a run of digits or one punctuation mark, read on demand.
type token struct {
	kind       tokKind
	start, end int
	space      bool // whitespace before it
	r          rune // the mark, for tPunct
	val        int  // for tNum, capped
	digits     int  // for tNum
}

// cursor is a position in the input; parsers copy it to look ahead.
type cursor struct {
	s   string
	pos int
}

func (c cursor) next() (token, cursor) {
	t := lexAt(c.s, c.pos)
	c.pos = t.end
	return t, c
}

func (c cursor) peek() token { return lexAt(c.s, c.pos) }

// word returns the text of a word token.
func (c cursor) text(t token) string { return c.s[t.start:t.end] }

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isLetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }
func isUpper(b byte) bool  { return 'A' <= b && b <= 'Z' }

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' ||
		r == 0xa0 || r == 0x2009 || r == 0x202f || r == 0x2007 || r == 0x200a
}

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
			if r, n := utf8.DecodeRuneInString(s[i:]); isSpaceRune(r) {
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
		t.kind = tNum
		for i < len(s) && isDigit(s[i]) {
			if t.val < 1e6 {
				t.val = t.val*10 + int(s[i]-'0')
			}
			t.digits++
			i++
		}
		t.end = i
		return t
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
// apostrophes inside ("o'clock"), but not a possessive "'s" ("Friday's").
func wordEnd(s string, i int) int {
	for i < len(s) {
		b := s[i]
		if isLetter(b) || isDigit(b) {
			i++
			continue
		}
		if b == '\'' && i+1 < len(s) && isLetter(s[i+1]) && !possessive(s, i+1) {
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
		if r == '’' && i+n < len(s) && isLetter(s[i+n]) && !possessive(s, i+n) {
			i += n
			continue
		}
		return i
	}
	return i
}

// possessive reports whether s[i:] is the "s" of a possessive "'s".
func possessive(s string, i int) bool {
	return (s[i] == 's' || s[i] == 'S') && (i+1 == len(s) || !isLetter(s[i+1]))
}

// prevWord returns the word that ends just before pos (spaces skipped),
// or "" when a mark comes first.
func prevWord(s string, pos int) string {
	i := pos
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	end := i
	for i > 0 && isLetter(s[i-1]) {
		i--
	}
	if i > 0 && (isDigit(s[i-1]) || letterBefore(s, i)) {
		return "" // part of a longer word
	}
	return s[i:end]
}

// letterBefore reports whether a non-ASCII letter ends just before i.
func letterBefore(s string, i int) bool {
	if s[i-1] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// prevMark returns the byte just before pos, spaces skipped, or 0 at the
// start of the input.
func prevMark(s string, pos int) byte {
	i := pos
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	if i == 0 {
		return 0
	}
	return s[i-1]
}
