package timex

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/langpack"
)

// class is what a lexicon phrase does; the English pack's file (internal/langpack/data/en/timex.tsv) documents each one.
type class uint8

const (
	cNone class = iota
	cMonth
	cWeekday
	cUnit
	cCount
	cFew
	cBefore
	cAfter
	cAgo
	cDeictic
	cPeriod
	cDayword
	cPartPrefix
	cSeason
	cRecent
	cClock
	cYearPrep
	cDeterminer
	cRange
	cRangeOpen
	cCountNoun
	cHoliday
)

var classNames = map[string]class{
	"month": cMonth, "weekday": cWeekday, "unit": cUnit, "count": cCount,
	"few": cFew, "before": cBefore, "after": cAfter, "ago": cAgo,
	"deictic": cDeictic, "period": cPeriod, "dayword": cDayword,
	"partprefix": cPartPrefix, "season": cSeason, "recent": cRecent,
	"clock": cClock, "yearprep": cYearPrep, "determiner": cDeterminer,
	"range": cRange, "rangeopen": cRangeOpen, "countnoun": cCountNoun,
	"holiday": cHoliday,
}

type classSet uint32

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
	class class
	words []string // lower case
	value int      // number, offset, month or weekday
	name  string   // unit name, when the value column is a word
	part  string   // part of day or year; for period, direction and "d"
}

// lexicon indexes entries by first word, longest phrase first.
type lexicon struct {
	first  map[string][]*entry
	single map[string]classSet // classes of one-word entries
	// known holds the words that may follow a word that opens an
	// expression, so that Find tries common words such as "the" or "a"
	// only when the next word could continue an expression.
	known map[string]bool
	// opens holds the first words of phrases that may open an
	// expression: alone ("yesterday") or with more after them ("last").
	opens map[string]openKind
	// filter rules most words out before a map lookup: one bit per word
	// length for each pair of first letters of an opening word.
	filter [27 * 27]uint32
}

type openKind uint8

const (
	opensNot openKind = iota
	opensWithMore
	opensAlone
)

// openClasses are the classes whose phrases may open an expression.
var openClasses = setOf(cMonth, cWeekday, cUnit, cCount, cFew, cDeictic, cPeriod, cPartPrefix,
	cSeason, cRecent, cClock, cRangeOpen, cHoliday)

// aloneClasses may be a whole expression by themselves, or open one with
// anything after them (a month, a weekday, a bare plural unit).
var aloneClasses = setOf(cMonth, cWeekday, cDeictic, cRecent, cClock, cUnit)

// followClasses are the words that may come after an opening word. Period
// and part phrases are left out: they start with "the", "that", "this",
// which follow other words too often to be worth a try.
var followClasses = setOf(cMonth, cWeekday, cUnit, cCount, cFew, cBefore, cAfter, cAgo,
	cDayword, cSeason, cRecent, cClock)

// lex is read from the English language pack's timex.tsv
// (internal/langpack/data/en/timex.tsv).
var lex = mustLoad(langpack.MustLines("en", "timex.tsv"))

func mustLoad(lines []langpack.Line) *lexicon {
	l, err := loadLexicon(lines)
	if err != nil {
		panic(err) // the data is embedded: a test fails before anyone ships it
	}
	return l
}

func loadLexicon(lines []langpack.Line) (*lexicon, error) {
	l := &lexicon{
		first:  map[string][]*entry{},
		single: map[string]classSet{},
		known:  map[string]bool{},
		opens:  map[string]openKind{},
	}
	for _, ln := range lines {
		c, ok := classNames[ln.Class]
		if !ok {
			return nil, fmt.Errorf("timex: %s: unknown class %q", ln.Where, ln.Class)
		}
		e := &entry{class: c, words: strings.FieldsFunc(strings.ToLower(ln.Phrase), func(r rune) bool { return r == ' ' || r == '-' })}
		if v := ln.Value(0); v != "" {
			if n, err := strconv.Atoi(v); err == nil {
				e.value = n
			} else {
				e.name = v
			}
		}
		e.part = ln.Value(1)
		k := e.words[0]
		l.first[k] = append(l.first[k], e)
		if len(e.words) == 1 {
			l.single[k] |= 1 << c
		}
		for i, w := range e.words {
			if i > 0 || followClasses.has(c) {
				l.known[w] = true
			}
		}
		if openClasses.has(c) {
			kind := opensWithMore
			if len(e.words) == 1 && aloneClasses.has(c) {
				kind = opensAlone
			}
			l.opens[k] = max(l.opens[k], kind)
			l.filter[filterIndex(k)] |= 1 << min(len(k), 31)
		}
	}
	for _, es := range l.first {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
	}
	return l, nil
}

// key lower-cases a word into buf for a map lookup that does not allocate.
func key(buf *[24]byte, w string) ([]byte, bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		buf[i] = lower(w[i])
	}
	return buf[:len(w)], true
}

func (l *lexicon) entries(w string) []*entry {
	var buf [24]byte
	k, ok := key(&buf, w)
	if !ok {
		return nil
	}
	return l.first[string(k)]
}

func (l *lexicon) classes(w string) classSet {
	var buf [24]byte
	k, ok := key(&buf, w)
	if !ok {
		return 0
	}
	return l.single[string(k)]
}

func (l *lexicon) isKnown(w string) bool {
	var buf [24]byte
	k, ok := key(&buf, w)
	if !ok {
		return false
	}
	return l.known[string(k)]
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

func (l *lexicon) opensWith(w string) openKind {
	if !isLetter(w[0]) || (len(w) > 1 && !isLetter(w[1])) ||
		l.filter[filterIndex(w)]&(1<<min(len(w), 31)) == 0 {
		return opensNot
	}
	var buf [24]byte
	k, ok := key(&buf, w)
	if !ok {
		return opensNot
	}
	return l.opens[string(k)]
}

// one returns the one-word entry of class c for w.
func (l *lexicon) one(w string, c class) (*entry, bool) {
	for _, e := range l.entries(w) {
		if e.class == c && len(e.words) == 1 {
			return e, true
		}
	}
	return nil, false
}

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

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
