package layout

import (
	"strings"
)

// citationLen returns the length of a reference marker at the start of b
// ("[3]", "[a]", "[citation needed]", "[note 2]"), or 0.
func citationLen(b []byte) int {
	if len(b) < 3 || b[0] != '[' {
		return 0
	}
	end := -1
	for i := 1; i < len(b) && i < 42; i++ {
		if b[i] == ']' {
			end = i
			break
		}
		if b[i] == '[' || b[i] == '\n' {
			return 0
		}
	}
	if end < 2 {
		return 0
	}
	in := b[1:end]
	digits, lower := true, true
	for _, c := range in {
		if c < '0' || c > '9' {
			digits = false
		}
		if !(c >= 'a' && c <= 'z' || c == ' ' || c == '?' || c == '-' || c >= 0x80 || c >= '0' && c <= '9') {
			lower = false
		}
	}
	switch {
	case digits && len(in) <= 4:
		return end + 1
	case lower && in[0] >= 'a' && in[0] <= 'z':
		return end + 1
	}
	return 0
}

// blankCitations copies b with every reference marker replaced by spaces,
// so that the clean text has the same offsets as the body.
func blankCitations(b []byte) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	for i := 0; i < len(out); i++ {
		if out[i] != '[' {
			continue
		}
		if n := citationLen(out[i:]); n > 0 {
			for k := i; k < i+n; k++ {
				out[k] = ' '
			}
			i += n - 1
		}
	}
	return out
}

// abbreviations never end a sentence when followed by a period.
var abbreviations = map[string]bool{}

func init() {
	for _, a := range strings.Fields(`mr mrs ms dr gen lt col sgt capt cpt maj st jr sr prof rev gov sen rep
		inc co corp ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft adm cmdr brig pres
		approx est dept univ u.s u.n u.k e.g i.e a.m p.m d.c u.s.a al fig op vol pp ca`) {
		abbreviations[a] = true
	}
}

// splitSentences splits the clean text of a paragraph into sentences.
func (l *Layout) splitSentences(start, end, para int) {
	c := l.Clean
	s := start
	emit := func(e int) {
		ss, ee := trimSpan(c, s, e)
		// A "sentence" longer than any real one (a line with no full stop, a
		// table flattened into text) is cut at clause boundaries, so that the
		// work on each sentence stays bounded whatever the input.
		for ee-ss > MaxSentenceBytes {
			cut := clauseCut(c, ss, ss+MaxSentenceBytes)
			a, b := trimSpan(c, ss, cut)
			if b > a {
				l.Sents = append(l.Sents, Sentence{Start: a, End: b, Para: para, Citations: l.citationsIn(a, b)})
			}
			ss, ee = trimSpan(c, cut, ee)
		}
		if ee > ss {
			cites := l.citationsIn(ss, ee)
			l.Sents = append(l.Sents, Sentence{Start: ss, End: ee, Para: para, Citations: cites})
		}
	}
	depthQuote := 0
	for i := start; i < end; i++ {
		ch := c[i]
		if ch == '"' {
			depthQuote ^= 1
		}
		if ch != '.' && ch != '!' && ch != '?' {
			continue
		}
		// extend over closing quotes and brackets
		j := i + 1
		for j < end && (c[j] == '"' || c[j] == '\'' || c[j] == ')' || isCloseQuote(c, j)) {
			if isCloseQuote(c, j) {
				j += 3
			} else {
				j++
			}
		}
		if j < end && !isSpace(c[j]) {
			continue
		}
		// next non-space
		k := j
		for k < end && isSpace(c[k]) {
			k++
		}
		if k >= end {
			break
		}
		if !startsSentence(c, k) {
			continue
		}
		if ch == '.' && isAbbrev(c, start, i) {
			continue
		}
		emit(j)
		s = k
		depthQuote = 0
	}
	emit(end)
}

// MaxSentenceBytes bounds a sentence. Sentences of news and encyclopedia
// prose stay well under it (the longest of ../shared/corpus and corpora/
// has under 700 bytes; TestRealSentencesAreNotCut).
const MaxSentenceBytes = 2000

// clauseCut chooses where to cut an over-long sentence that starts at s,
// at most at limit: after the last ";", ":" or "," followed by a space in
// the second half, else at the last space, else at limit (moved back to
// the start of a UTF-8 character).
func clauseCut(c []byte, s, limit int) int {
	half := s + (limit-s)/2
	for i := limit - 1; i > half; i-- {
		if (c[i-1] == ',' || c[i-1] == ';' || c[i-1] == ':') && isSpace(c[i]) {
			return i
		}
	}
	for i := limit - 1; i > half; i-- {
		if isSpace(c[i]) {
			return i
		}
	}
	for limit > s+1 && c[limit]&0xC0 == 0x80 {
		limit--
	}
	return limit
}

func isCloseQuote(c []byte, j int) bool {
	// ” and ’ are three bytes in UTF-8: E2 80 9D / E2 80 99
	return j+2 < len(c) && c[j] == 0xE2 && c[j+1] == 0x80 && (c[j+2] == 0x9D || c[j+2] == 0x99)
}

func startsSentence(c []byte, k int) bool {
	ch := c[k]
	switch {
	case ch >= 'A' && ch <= 'Z', ch >= '0' && ch <= '9', ch == '"', ch == '(', ch == '\'':
		return true
	case ch == 0xE2 && k+2 < len(c) && c[k+1] == 0x80 && (c[k+2] == 0x9C || c[k+2] == 0x98): // “ ‘
		return true
	case ch >= 0xC3: // an accented capital or another script
		return true
	}
	return false
}

// isAbbrev says whether the word ending at the period at i is an
// abbreviation or an initial.
func isAbbrev(c []byte, start, i int) bool {
	w := i
	for w > start && !isSpace(c[w-1]) && c[w-1] != '(' && c[w-1] != '"' {
		w--
	}
	word := strings.ToLower(string(c[w:i]))
	if word == "" {
		return false
	}
	if len(word) == 1 && c[w] >= 'A' && c[w] <= 'Z' { // an initial: "J. Smith"
		return true
	}
	return abbreviations[word]
}

// citationsIn lists the reference markers in a span and right after it.
func (l *Layout) citationsIn(s, e int) []string {
	var out []string
	b := l.Body
	// extend past trailing markers and spaces
	j := e
	for {
		k := j
		for k < len(b) && (b[k] == ' ' || b[k] == '\t') {
			k++
		}
		if n := citationLen(b[k:]); n > 0 && k < len(b) {
			j = k + n
			continue
		}
		break
	}
	for i := s; i < j; i++ {
		if b[i] == '[' {
			if n := citationLen(b[i:]); n > 0 {
				out = append(out, string(b[i+1:i+n-1]))
				i += n - 1
			}
		}
	}
	return out
}
