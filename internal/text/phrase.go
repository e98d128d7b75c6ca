package text

import "strings"

// PhraseSet matches lower-case token sequences ("claimed responsibility",
// "car bomb") against tokens, longest match first. Each phrase carries a
// value of type V.
type PhraseSet[V any] struct {
	root *node[V]
	max  int
}

type node[V any] struct {
	next map[string]*node[V]
	val  V
	end  bool
}

// NewPhraseSet returns an empty set.
func NewPhraseSet[V any]() *PhraseSet[V] { return &PhraseSet[V]{root: &node[V]{}} }

// Add adds a phrase; its words are split like Tokenize splits text, so
// "Iran-backed" is three tokens. A later Add of the same phrase replaces the value.
func (p *PhraseSet[V]) Add(phrase string, v V) {
	toks := Tokenize(strings.ToLower(strings.TrimSpace(phrase)), 0)
	if len(toks) == 0 {
		return
	}
	n := p.root
	for _, t := range toks {
		if n.next == nil {
			n.next = map[string]*node[V]{}
		}
		c := n.next[t.Lower]
		if c == nil {
			c = &node[V]{}
			n.next[t.Lower] = c
		}
		n = c
	}
	n.val, n.end = v, true
	if len(toks) > p.max {
		p.max = len(toks)
	}
}

// MatchAt returns the length in tokens and the value of the longest phrase
// starting at toks[i], or 0.
func (p *PhraseSet[V]) MatchAt(toks []Token, i int) (int, V) {
	var zero V
	best, bestV := 0, zero
	n := p.root
	for k := i; k < len(toks) && n.next != nil; k++ {
		c := n.next[toks[k].Lower]
		if c == nil {
			break
		}
		n = c
		if n.end {
			best, bestV = k-i+1, n.val
		}
	}
	return best, bestV
}

// Match is one phrase found in tokens: toks[I:J].
type Match[V any] struct {
	I, J int
	Val  V
}

// FindAll returns the non-overlapping longest matches, left to right.
func (p *PhraseSet[V]) FindAll(toks []Token) []Match[V] {
	var out []Match[V]
	for i := 0; i < len(toks); {
		if n, v := p.MatchAt(toks, i); n > 0 {
			out = append(out, Match[V]{I: i, J: i + n, Val: v})
			i += n
			continue
		}
		i++
	}
	return out
}

// Len is the number of tokens in the longest phrase.
func (p *PhraseSet[V]) Len() int { return p.max }
