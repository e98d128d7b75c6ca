package sqlstore

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// snippetWidth is about how many bytes of text a snippet shows.
const snippetWidth = 160

// snippet returns an excerpt of text around the first word that matches
// one of words (folded query words, each matching as a prefix, the way the
// full-text index matches), with every matching word of the excerpt
// marked; nil when no word matches.
func snippet(field, text string, words []string) *dossier.Snippet {
	first := -1
	matchWords(text, words, func(start, _, _ int) bool {
		first = start
		return false
	})
	if first < 0 {
		return nil
	}
	lo, hi := 0, len(text)
	if hi-lo > snippetWidth {
		lo = max(0, first-snippetWidth/4)
		if lo > 0 { // start at a word
			if i := strings.IndexAny(text[lo:first], " \t\r\n"); i >= 0 {
				lo += i + 1
			} else {
				lo = first
			}
		}
		hi = min(len(text), lo+snippetWidth)
		if hi < len(text) { // end at a word
			if i := strings.LastIndexAny(text[first:hi], " \t\r\n"); i > 0 {
				hi = first + i
			}
		}
		for hi < len(text) && !utf8.RuneStart(text[hi]) {
			hi++
		}
	}
	excerpt := strings.Join(strings.Fields(text[lo:hi]), " ")
	if lo > 0 {
		excerpt = "… " + excerpt
	}
	if hi < len(text) {
		excerpt += " …"
	}
	s := &dossier.Snippet{Field: field, Text: excerpt, Marks: []dossier.Mark{}}
	matchWords(excerpt, words, func(start, end, _ int) bool {
		s.Marks = append(s.Marks, dossier.Mark{Start: start, End: end})
		return true
	})
	return s
}

// bestSnippet is the snippet of the candidate (field, text) that matches
// most of the words, the first of equals; nil when none matches.
func bestSnippet(words []string, candidates ...[2]string) *dossier.Snippet {
	var best *dossier.Snippet
	bestN := 0
	for _, c := range candidates {
		if c[1] == "" {
			continue
		}
		s := snippet(c[0], c[1], words)
		if s == nil {
			continue
		}
		if n := matchedWords(s.Text, words); n > bestN {
			best, bestN = s, n
		}
	}
	return best
}

// matchedWords counts the query words that some word of text matches.
func matchedWords(text string, words []string) int {
	seen := make([]bool, len(words))
	n := 0
	matchWords(text, words, func(_, _, w int) bool {
		if !seen[w] {
			seen[w], n = true, n+1
		}
		return n < len(words)
	})
	return n
}

// matchWords calls fn with the byte range of each word of text that a
// query word matches, and the index of that query word, until fn returns
// false.
func matchWords(text string, words []string, fn func(start, end, w int) bool) {
	var buf []byte
	eachWord(text, func(start, end int) bool {
		buf = names.AppendFold(buf[:0], text[start:end])
		for _, tok := range strings.Fields(string(buf)) {
			for w, q := range words {
				if strings.HasPrefix(tok, q) {
					return fn(start, end, w)
				}
			}
		}
		return true
	})
}

// eachWord calls fn with the byte range of each word of text (letters,
// digits and marks, with apostrophes inside), until fn returns false.
func eachWord(text string, fn func(start, end int) bool) {
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if !inWord && start >= 0 && names.IsApostrophe(r) {
			// An apostrophe inside a word (Kata'ib) keeps it whole.
			_, size := utf8.DecodeRuneInString(text[i:])
			if next, _ := utf8.DecodeRuneInString(text[i+size:]); unicode.IsLetter(next) {
				continue
			}
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			if !fn(start, i) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(text))
	}
}
