package langpack

import (
	"fmt"
	"strings"
)

// Folding is how a language compares words: Fold folds a word, Stems
// returns the forms of a folded word that a phrase may open on (the word
// with its proclitics removed, longest first; nil means the word itself).
type Folding struct {
	Fold  func(string) string
	Stems func(string) []string
	// Inner, when set, normalises the words after a phrase's first, on
	// both sides, before they are compared: Arabic writes the article on
	// every word of a definite phrase ("التفجير الانتحاري" is the phrase
	// "تفجير انتحاري"), so Arabic strips it.
	Inner func(string) string
}

// Matcher finds the phrases of a pack file in a text cut into folded
// words. The first word of a phrase may carry proclitics (Folding.Stems);
// the other words must match whole.
type Matcher[V any] struct {
	f     Folding
	first map[string][]phrase[V]
	n     int
}

type phrase[V any] struct {
	words []string
	text  string
	v     V
}

// Match is a phrase found at words [I, J).
type Match[V any] struct {
	I, J   int
	Phrase string
	V      V
}

// NewMatcher returns an empty matcher for a folding.
func NewMatcher[V any](f Folding) *Matcher[V] {
	return &Matcher[V]{f: f, first: map[string][]phrase[V]{}}
}

// Add adds a phrase with its value. Phrases are split into words at spaces
// and folded; a longer phrase wins over a shorter one at the same word.
func (m *Matcher[V]) Add(p string, v V) error {
	words := strings.Fields(p)
	if len(words) == 0 {
		return fmt.Errorf("empty phrase")
	}
	for i := range words {
		words[i] = m.f.Fold(words[i])
		if i > 0 && m.f.Inner != nil {
			words[i] = m.f.Inner(words[i])
		}
	}
	ph := phrase[V]{words: words, text: p, v: v}
	list := m.first[words[0]]
	// keep longest first so that the first phrase that matches is the longest
	at := len(list)
	for i, q := range list {
		if len(q.words) < len(words) {
			at = i
			break
		}
	}
	list = append(list, phrase[V]{})
	copy(list[at+1:], list[at:])
	list[at] = ph
	m.first[words[0]] = list
	m.n++
	return nil
}

// Len returns the number of phrases.
func (m *Matcher[V]) Len() int { return m.n }

// At returns the longest phrase that starts at word i of words (folded);
// none when i is not a word of words (a phrase asked for past the end of
// a sentence that ends on a verb).
func (m *Matcher[V]) At(words []string, i int) (Match[V], bool) {
	var best Match[V]
	if i < 0 || i >= len(words) {
		return best, false
	}
	found := false
	forms := []string{words[i]}
	if m.f.Stems != nil {
		forms = m.f.Stems(words[i])
	}
	for _, form := range forms {
		for _, p := range m.first[form] {
			if found && len(p.words) <= best.J-best.I {
				break
			}
			if i+len(p.words) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(p.words); k++ {
				w := words[i+k]
				if m.f.Inner != nil {
					w = m.f.Inner(w)
				}
				if w != p.words[k] {
					ok = false
					break
				}
			}
			if ok {
				best, found = Match[V]{I: i, J: i + len(p.words), Phrase: p.text, V: p.v}, true
				break
			}
		}
	}
	return best, found
}

// All returns the phrases found in words, leftmost longest, not
// overlapping.
func (m *Matcher[V]) All(words []string) []Match[V] {
	var out []Match[V]
	for i := 0; i < len(words); {
		if mt, ok := m.At(words, i); ok {
			out = append(out, mt)
			i = mt.J
			continue
		}
		i++
	}
	return out
}

// Build fills a matcher from the lines of a file; value turns a line into
// its value, or an error that names what is wrong.
func Build[V any](f Folding, lines []Line, value func(Line) (V, error)) (*Matcher[V], error) {
	m := NewMatcher[V](f)
	for _, l := range lines {
		v, err := value(l)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.Where, err)
		}
		if err := m.Add(l.Phrase, v); err != nil {
			return nil, fmt.Errorf("%s: %w", l.Where, err)
		}
	}
	return m, nil
}
