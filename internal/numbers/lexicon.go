package numbers

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/langpack"
)

// class is what a lexicon phrase does; the English pack's file (internal/langpack/data/en/numbers.tsv) documents each one.
type class uint8

const (
	cNone class = iota
	cUnit
	cTens
	cScale
	cArticle
	cFixed
	cVague
	cGuarded
	cFollow
	cApprox
	cNearly
	cMin
	cGT
	cLT
	cMax
	cUpTo
	cBetween
	cNeutral
	cOpen
	cApproxSuffix
	cZero
	cMonth
	cWeekday
	cMeasure
	cMoney
	cAge
	cLabel
	cCountNoun
	cKilled
	cInjured
	cNotCasualty
	cQualifier
	numClasses
)

var classNames = map[string]class{
	"unit": cUnit, "tens": cTens, "scale": cScale, "article": cArticle,
	"fixed": cFixed, "vague": cVague, "guarded": cGuarded, "follow": cFollow,
	"approx": cApprox, "nearly": cNearly, "min": cMin, "gt": cGT, "lt": cLT,
	"max": cMax, "upto": cUpTo, "between": cBetween, "neutral": cNeutral,
	"open": cOpen, "approxsuffix": cApproxSuffix, "zero": cZero,
	"month": cMonth, "weekday": cWeekday, "measure": cMeasure, "money": cMoney,
	"age": cAge, "label": cLabel, "countnoun": cCountNoun, "killed": cKilled,
	"injured": cInjured, "notcasualty": cNotCasualty, "qualifier": cQualifier,
}

// classSet is a set of classes, so one lookup can ask for several roles.
type classSet uint64

func setOf(cs ...class) classSet {
	var s classSet
	for _, c := range cs {
		s |= 1 << c
	}
	return s
}

func (s classSet) has(c class) bool { return s&(1<<c) != 0 }

// entry is one line of the lexicon.
type entry struct {
	class  class
	words  []string // lower case
	value  int
	max    int
	hasMax bool
	unit   string // for measure and money
}

// lexicon indexes entries by their first word, longest phrase first, so the
// first entry that matches is the longest.
type lexicon struct {
	first map[string][]*entry
	// classes of the single-word entries of each word, for quick tests.
	single map[string]classSet
	// starts is the set of first words of phrases that can open a
	// quantity, and filter a cheap test that rules most other words out
	// before a map lookup: one bit per word length for each pair of
	// first letters.
	starts map[string]startKind
	known  map[string]bool // every word of the phrases that make up a number
	filter [27 * 27]uint32
}

// lex is read from the English language pack's numbers.tsv
// (internal/langpack/data/en/numbers.tsv).
var lex = mustLoad(langpack.MustLines("en", "numbers.tsv"))

func mustLoad(lines []langpack.Line) *lexicon {
	l, err := loadLexicon(lines)
	if err != nil {
		panic(err) // the data is embedded: a test fails before anyone ships it
	}
	return l
}

func loadLexicon(lines []langpack.Line) (*lexicon, error) {
	l := &lexicon{first: map[string][]*entry{}, single: map[string]classSet{}, known: map[string]bool{}}
	for _, ln := range lines {
		c, ok := classNames[ln.Class]
		if !ok {
			return nil, fmt.Errorf("numbers: %s: unknown class %q", ln.Where, ln.Class)
		}
		e := &entry{class: c, words: splitPhrase(ln.Phrase)}
		if v := ln.Value(0); v != "" {
			if n, err := strconv.Atoi(v); err == nil {
				e.value = n
			} else {
				e.unit = v
			}
		}
		if v := ln.Value(1); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return nil, fmt.Errorf("numbers: %s: max: %w", ln.Where, err)
			}
			e.max, e.hasMax = n, true
		}
		if c == cMoney {
			e.unit = "money"
		}
		if c == cMeasure && e.unit == "" {
			return nil, fmt.Errorf("numbers: %s: measure without a unit", ln.Where)
		}
		if startClasses.has(c) || c == cScale {
			for _, w := range e.words {
				l.known[w] = true
			}
		}
		k := e.words[0]
		l.first[k] = append(l.first[k], e)
		if len(e.words) == 1 {
			l.single[k] |= 1 << c
		}
	}
	l.starts = map[string]startKind{}
	for k, es := range l.first {
		for _, e := range es {
			if startClasses.has(e.class) {
				l.starts[k] = max(l.starts[k], startsWithMore)
				l.filter[filterIndex(k)] |= 1 << min(len(k), 31)
			}
		}
		if l.single[k]&setOf(cUnit, cTens, cVague, cGuarded, cFixed, cZero) != 0 {
			l.starts[k] = startsAlone
		}
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
	}
	return l, nil
}

// splitPhrase splits a phrase into lower-case words at spaces and hyphens.
func splitPhrase(p string) []string {
	return strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return r == ' ' || r == '-' })
}

func filterIndex(w string) int {
	i := int(lower(w[0])-'a') * 27
	if len(w) > 1 {
		i += int(lower(w[1])-'a') + 1
	}
	if i < 0 || i >= 27*27 {
		return 0
	}
	return i
}

// startKind says whether a word can open a quantity.
type startKind uint8

const (
	startsNot      startKind = iota
	startsWithMore           // only with more after it: "at", "a", "some"
	startsAlone              // may be a quantity by itself: "nine", "dozens"
)

// mayStart says whether the word w can open a quantity.
func (l *lexicon) mayStart(w string) startKind {
	if !isLetter(w[0]) || (len(w) > 1 && !isLetter(w[1])) {
		return startsNot
	}
	if l.filter[filterIndex(w)]&(1<<min(len(w), 31)) == 0 {
		return startsNot
	}
	var buf [24]byte
	if len(w) > len(buf) {
		return startsNot
	}
	for i := 0; i < len(w); i++ {
		buf[i] = lower(w[i])
	}
	return l.starts[string(buf[:len(w)])]
}

// entries returns the entries whose phrase starts with word, matched
// without regard to ASCII case and without allocating.
func (l *lexicon) entries(word string) []*entry {
	var buf [24]byte
	if len(word) > len(buf) {
		return nil
	}
	for i := 0; i < len(word); i++ {
		buf[i] = lower(word[i])
	}
	return l.first[string(buf[:len(word)])]
}

// isKnown reports whether word is part of a phrase that makes up a number.
func (l *lexicon) isKnown(word string) bool {
	var buf [24]byte
	if len(word) > len(buf) {
		return false
	}
	for i := 0; i < len(word); i++ {
		buf[i] = lower(word[i])
	}
	return l.known[string(buf[:len(word)])]
}

// classes returns the classes of word as a one-word phrase.
func (l *lexicon) classes(word string) classSet {
	var buf [24]byte
	if len(word) > len(buf) {
		return 0
	}
	for i := 0; i < len(word); i++ {
		buf[i] = lower(word[i])
	}
	return l.single[string(buf[:len(word)])]
}

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// equalFold reports whether w equals the lower-case word p, ignoring ASCII case.
func equalFold(w, p string) bool {
	if len(w) != len(p) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if lower(w[i]) != p[i] {
			return false
		}
	}
	return true
}
