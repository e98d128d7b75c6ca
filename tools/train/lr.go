package main

import (
	"math"
	"sort"
)

// example is one candidate: its feature indices and its label.
type example struct {
	doc   int
	name  string
	feats []string
	x     []int // indices into the vocabulary, ascending
	y     float64
}

// Training settings: fixed, so that training is a pure function of the data.
const (
	epochs   = 400
	rate     = 0.5
	l2       = 0.002
	minCount = 3 // a feature seen in fewer training examples is dropped
)

// vocabulary lists the features of at least minCount examples, sorted.
func vocabulary(exs []*example) []string {
	n := map[string]int{}
	for _, e := range exs {
		for _, f := range e.feats {
			n[f]++
		}
	}
	var v []string
	for f, c := range n {
		if c >= minCount {
			v = append(v, f)
		}
	}
	sort.Strings(v)
	return v
}

// index sets each example's feature indices for a vocabulary.
func index(exs []*example, vocab []string) {
	at := make(map[string]int, len(vocab))
	for i, f := range vocab {
		at[f] = i
	}
	for _, e := range exs {
		e.x = e.x[:0]
		for _, f := range e.feats {
			if i, ok := at[f]; ok {
				e.x = append(e.x, i)
			}
		}
		sort.Ints(e.x)
	}
}

// model is a trained logistic regression.
type model struct {
	vocab []string
	w     []float64
	b     float64
}

// train fits an L2-regularised logistic regression by full-batch gradient
// descent over the examples in their given order: no randomness, and
// every sum in a fixed order, so the weights are the same on every run.
// The explicit float64 conversions forbid fused multiply-adds, which some
// architectures would otherwise use and round differently.
func train(exs []*example) *model {
	vocab := vocabulary(exs)
	index(exs, vocab)
	m := &model{vocab: vocab, w: make([]float64, len(vocab))}
	g := make([]float64, len(vocab))
	n := float64(len(exs))
	for ep := 0; ep < epochs; ep++ {
		for i := range g {
			g[i] = float64(l2 * m.w[i])
		}
		gb := 0.0
		for _, e := range exs {
			r := float64(sigmoid(m.score(e)) - e.y)
			r = r / n
			for _, i := range e.x {
				g[i] += r
			}
			gb += r
		}
		for i := range m.w {
			m.w[i] -= float64(rate * g[i])
		}
		m.b -= float64(rate * gb)
	}
	return m
}

func (m *model) score(e *example) float64 {
	z := m.b
	for _, i := range e.x {
		z += m.w[i]
	}
	return z
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// prob scores an example not indexed for this model's vocabulary.
func (m *model) prob(feats []string) float64 {
	at := make(map[string]float64, len(m.vocab))
	for i, f := range m.vocab {
		at[f] = m.w[i]
	}
	z := m.b
	for _, f := range feats {
		z += at[f]
	}
	return sigmoid(z)
}

// round6 keeps six decimals: the file stays readable and a difference in
// the last bits of a float, were there one, would not show.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }
