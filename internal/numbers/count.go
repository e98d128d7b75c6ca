package numbers

import "strings"

// Casualties is what ParseCasualties reads from a short value that may
// give the dead and the injured side by side ("5 killed, 12 wounded").
type Casualties struct {
	Killed, Injured       Quantity
	HasKilled, HasInjured bool
}

// ParseCount reads a whole short value that gives one count, such as an
// infobox cell:
//
//	"None"                                          0
//	"6 security guards"                             6
//	"13 (including a victim who died in 2021)"      13: brackets explain, they do not add
//	"41–49 reported"                                41–49
//	"At least 416", "325+"                          416+, 325+
//	"40 (+1 suicide bomber)"                        41: "(+N ...)" adds
//	"108, including 25 men, 34 women and 49 children" 108: a breakdown does not add
//	"1 contractor dead, 1 civilian dead"            2: figures for groups are summed
//	"20 hostages, 2 gunmen"                         22
//	"5 contractors, 1 US soldier, Total: 8"         8: a total wins
//	"41 - 80 confirmed, 50+ (reported)"             41–80: a second bare figure is an
//	                                                alternative estimate, not a group
//	"62 civilians killed, 163 wounded"              62: the figures of the first outcome
//	"325+; 37+ captured"                            325+: the captured, missing or
//	                                                evacuated are not casualties
//	"Unknown"                                       not ok
//
// Start and End span the figures used. Only the first 1 KB is read.
func ParseCount(s string) (Quantity, bool) {
	if q, ok := zeroCell(s); ok {
		return q, true
	}
	segs, plus, total := cellSegments(s)
	if total != nil {
		return *total, true
	}
	if len(segs) == 0 {
		return Quantity{}, false
	}
	outcome := segs[0].outcome
	var sum Quantity
	n := 0
	for _, g := range segs {
		if g.outcome == outcome {
			add(&sum, g.q, n)
			n++
		}
	}
	for _, p := range plus {
		if p.outcome == outcome {
			add(&sum, p.q, n)
			n++
		}
	}
	return sum, true
}

// ParseCasualties reads a short value that may count the dead and the
// injured apart: "5 killed, 12 wounded", "2 soldiers and 1 dog injured",
// "62 civilians killed, 163 wounded". A figure with no outcome word takes
// the outcome of the next figure that has one ("2 soldiers and 1 dog
// injured" are 3 injured). When no figure says, nothing is reported.
func ParseCasualties(s string) Casualties {
	var c Casualties
	segs, plus, total := cellSegments(s)
	if total != nil && len(segs) > 0 {
		segs = []segment{{q: *total, outcome: segs[0].outcome}}
	}
	nk, ni := 0, 0
	for _, g := range append(segs, plus...) {
		switch g.outcome {
		case outcomeKilled:
			add(&c.Killed, g.q, nk)
			nk++
		case outcomeInjured:
			add(&c.Injured, g.q, ni)
			ni++
		}
	}
	c.HasKilled, c.HasInjured = nk > 0, ni > 0
	return c
}

// add adds q into sum, the n-th figure added.
func add(sum *Quantity, q Quantity, n int) {
	if n == 0 {
		*sum = q
		return
	}
	sum.Start, sum.End = min(sum.Start, q.Start), max(sum.End, q.End)
	sum.Min += q.Min
	sum.Max += q.Max
	sum.Open = sum.Open || q.Open
	sum.Approx = sum.Approx || q.Approx
	sum.Vague = sum.Vague || q.Vague
	if sum.Open {
		sum.Max = 0
	}
}

// zeroCell reads "None", "Nil", "Zero", "No one", "0" and the like, alone
// or before an explanation in brackets.
func zeroCell(s string) (Quantity, bool) {
	c := cursor{s: s}
	t, after := c.next()
	if t.kind != tWord {
		return Quantity{}, false
	}
	end := t.end
	switch w := s[t.start:t.end]; {
	case equalFold(w, "none"), equalFold(w, "nil"), equalFold(w, "zero"), equalFold(w, "nobody"):
	case equalFold(w, "no"):
		if _, next, ok := matchPhrase(c, setOf(cZero)); ok {
			end, after = next.pos, next
			break
		}
		return Quantity{}, false
	default:
		return Quantity{}, false
	}
	// Only a reason may follow: "None (attack foiled)", "None reported".
	for {
		nx, a := after.next()
		switch {
		case nx.kind == tEOF:
			return Quantity{Start: t.start, End: end}, true
		case nx.kind == tPunct && (nx.r == '(' || nx.r == '[' || nx.r == ';' || nx.r == '.'):
			return Quantity{Start: t.start, End: end}, true
		case nx.kind == tWord && lex.classes(s[nx.start:nx.end])&setOf(cQualifier, cKilled, cInjured) != 0:
			after = a
		default:
			return Quantity{}, false
		}
	}
}

// span is a stretch of a cell, in byte offsets.
type span struct{ start, end int }

const (
	outcomeNone = iota
	outcomeKilled
	outcomeInjured
	outcomeOther // captured, missing, evacuated: never the dead or the injured
)

// segment is one figure of a cell with what its words say.
type segment struct {
	q       Quantity
	outcome int
	nouns   bool // names who was counted ("20 hostages"), not only "reported"
}

// maxCell is how much of a value ParseCount and ParseCasualties read:
// infobox cells are short, and the bound keeps them cheap on anything.
const maxCell = 1 << 10

// cellSegments splits a cell into its counted figures. It drops figures
// in brackets and in breakdowns ("including 25 men, ..."), returns the
// "(+1 suicide bomber)" figures apart and a "Total: N" figure if any.
func cellSegments(s string) (segs, plus []segment, total *Quantity) {
	if len(s) > maxCell {
		s = s[:maxCell]
	}
	qs := Find(s)
	if len(qs) == 0 {
		return nil, nil, nil
	}
	// One pass over the words of the cell outside the figures marks what
	// is in brackets, in a breakdown or after "total", where segments end
	// (commas, semicolons, "and") and what the words of each segment say.
	var brackets, breakdowns []span
	bounds := []int{0} // start of each segment
	words := []segment{{}}
	totalAt := -1
	depth, open, qi := 0, 0, 0
	c := cursor{s: s}
	for {
		t, after := c.next()
		if t.kind == tEOF {
			break
		}
		c = after
		for qi < len(qs) && qs[qi].End <= t.start {
			qi++
		}
		if qi < len(qs) && t.start >= qs[qi].Start {
			continue // a word of a figure
		}
		switch t.kind {
		case tPunct:
			switch t.r {
			case '(', '[':
				if depth == 0 {
					open = t.start
				}
				depth++
			case ')', ']':
				if depth > 0 {
					depth--
					if depth == 0 {
						brackets = append(brackets, span{open, t.end})
					}
				}
			case ',', ';', '&', '\n':
				if depth == 0 {
					bounds, words = append(bounds, t.start), append(words, segment{})
				}
			}
		case tWord:
			if depth > 0 {
				break
			}
			w := s[t.start:t.end]
			switch {
			case equalFold(w, "and"):
				bounds, words = append(bounds, t.start), append(words, segment{})
			case equalFold(w, "total"):
				if totalAt < 0 {
					totalAt = t.end
				}
			case isBreakdown(c.s, t):
				end := breakdownEnd(s, after)
				if n := len(breakdowns); n > 0 && breakdowns[n-1].end > t.start {
					breakdowns[n-1].end = max(breakdowns[n-1].end, end)
				} else {
					breakdowns = append(breakdowns, span{t.start, end})
				}
				bounds, words = append(bounds, t.start), append(words, segment{})
			default:
				describeWord(&words[len(words)-1], w)
			}
		}
	}
	if depth > 0 {
		brackets = append(brackets, span{open, len(s)})
	}
	bi, ki := 0, 0 // next bracket, next breakdown
	seg := 0
	for _, q := range qs {
		for seg+1 < len(bounds) && bounds[seg+1] <= q.Start {
			seg++
		}
		if !q.IsCount() {
			continue
		}
		if within(q.Start, breakdowns, &ki) {
			continue
		}
		if within(q.Start, brackets, &bi) {
			// "(+1 suicide bomber)" adds; other brackets explain.
			b := brackets[bi]
			if p := (cursor{s: s, pos: b.start + 1}).peek(); p.kind == tPunct && p.r == '+' && q.Start < p.end+4 {
				g := words[seg]
				g.q = q
				g.q.Start = p.start
				plus = append(plus, g)
			}
			continue
		}
		if totalAt >= 0 && q.Start >= totalAt && total == nil {
			tq := q
			total = &tq
			continue
		}
		g := words[seg]
		g.q = q
		segs = append(segs, g)
	}
	// A figure with no outcome word takes the next one's, else the last;
	// "captured" or "missing" speak of their own figure only ("325+; 37+
	// captured" are 325 dead).
	for i := len(segs) - 2; i >= 0; i-- {
		if segs[i].outcome == outcomeNone && segs[i+1].outcome != outcomeOther {
			segs[i].outcome = segs[i+1].outcome
		}
	}
	for i := 1; i < len(segs); i++ {
		if segs[i].outcome == outcomeNone && segs[i-1].outcome != outcomeOther {
			segs[i].outcome = segs[i-1].outcome
		}
	}
	kept := segs[:0]
	for _, g := range segs {
		if g.outcome != outcomeOther {
			kept = append(kept, g)
		}
	}
	segs = kept
	for i := range plus {
		if plus[i].outcome == outcomeNone && len(segs) > 0 {
			plus[i].outcome = segs[0].outcome
		}
	}
	// Two bare figures in a row are two estimates of one count: keep the
	// first ("41 - 80 confirmed, 50+ (reported)").
	kept = segs[:0]
	for i, g := range segs {
		if i > 0 && !g.nouns && !segs[i-1].nouns && g.outcome == segs[i-1].outcome {
			continue
		}
		kept = append(kept, g)
	}
	return kept, plus, total
}

// describeWord notes what a word says about its segment: an outcome, or
// who was counted.
func describeWord(g *segment, w string) {
	cls := lex.classes(w)
	switch {
	case cls.has(cKilled):
		if g.outcome == outcomeNone {
			g.outcome = outcomeKilled
		}
	case cls.has(cInjured):
		if g.outcome == outcomeNone {
			g.outcome = outcomeInjured
		}
	case cls.has(cNotCasualty):
		if g.outcome == outcomeNone {
			g.outcome = outcomeOther
		}
	case cls&setOf(cQualifier, cFollow) != 0, len(w) == 1:
	default:
		g.nouns = true
	}
}

// within reports whether i falls in one of the sorted, disjoint spans,
// moving *k forward to the span at or after i; positions asked for must
// not go back.
func within(i int, spans []span, k *int) bool {
	for *k < len(spans) && spans[*k].end <= i {
		*k++
	}
	return *k < len(spans) && spans[*k].start <= i
}

// breakdownWords open a breakdown of a figure ("108, including 25 men").
var breakdownWords = [][]string{
	{"including"}, {"incl"}, {"among", "them"}, {"among", "whom"}, {"of", "whom"}, {"of", "which"},
	{"mostly"}, {"mainly"}, {"excluding"}, {"not", "including"},
}

// isBreakdown reports whether a breakdown phrase starts with the word t.
func isBreakdown(s string, t token) bool {
	for _, p := range breakdownWords {
		if _, ok := matchWords(cursor{s: s, pos: t.start}, p); ok {
			return true
		}
	}
	return false
}

// breakdownEnd is where the breakdown that starts before c ends: at the
// end of the cell when it lists figures ("including 25 men, 34 women and
// 49 children"), else at the next comma ("including Baghdadi, 10–15 ...").
func breakdownEnd(s string, c cursor) int {
	// Step over the rest of the phrase.
	for {
		t := c.peek()
		if t.kind != tWord || !(equalFold(s[t.start:t.end], "them") || equalFold(s[t.start:t.end], "whom") ||
			equalFold(s[t.start:t.end], "which") || equalFold(s[t.start:t.end], "including")) {
			break
		}
		_, c = c.next()
	}
	t := c.peek()
	if t.kind == tNum || (t.kind == tWord && numberEntry(s[t.start:t.end]) != nil) {
		return len(s)
	}
	if i := strings.IndexAny(s[c.pos:], ",;"); i >= 0 {
		return c.pos + i
	}
	return len(s)
}
