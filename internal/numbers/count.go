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
//	"Unknown"                                       not ok
//
// Start and End span the figures used.
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
)

// segment is one figure of a cell with what its words say.
type segment struct {
	q       Quantity
	outcome int
	nouns   bool // names who was counted ("20 hostages"), not only "reported"
}

// cellSegments splits a cell into its counted figures. It drops figures
// in brackets and in breakdowns ("including 25 men, ..."), returns the
// "(+1 suicide bomber)" figures apart and a "Total: N" figure if any.
func cellSegments(s string) (segs, plus []segment, total *Quantity) {
	qs := Find(s)
	if len(qs) == 0 {
		return nil, nil, nil
	}
	// One pass over the cell marks what is in brackets, in a breakdown or
	// after "total", and where the segments end.
	var brackets, breakdowns []span
	var bounds []int // byte offsets of segment boundaries
	totalAt := -1
	depth, open := 0, 0
	c := cursor{s: s}
	for {
		t, after := c.next()
		if t.kind == tEOF {
			break
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
					bounds = append(bounds, t.start)
				}
			}
		case tWord:
			if depth > 0 {
				break
			}
			w := s[t.start:t.end]
			switch {
			case equalFold(w, "and"):
				bounds = append(bounds, t.start)
			case equalFold(w, "total"):
				if totalAt < 0 {
					totalAt = t.end
				}
			case isBreakdown(c):
				end := breakdownEnd(s, after)
				breakdowns = append(breakdowns, span{t.start, end})
				bounds = append(bounds, t.start)
			}
		}
		c = after
	}
	if depth > 0 {
		brackets = append(brackets, span{open, len(s)})
	}
	within := func(q Quantity, sp []span) (span, bool) {
		for _, x := range sp {
			if q.Start >= x.start && q.Start < x.end {
				return x, true
			}
		}
		return span{}, false
	}
	for _, q := range qs {
		if !q.IsCount() {
			continue
		}
		if _, ok := within(q, breakdowns); ok {
			continue
		}
		if b, ok := within(q, brackets); ok {
			// "(+1 suicide bomber)" adds; other brackets explain.
			if p := (cursor{s: s, pos: b.start + 1}).peek(); p.kind == tPunct && p.r == '+' && q.Start < p.end+4 {
				g := describe(s, q, qs, bounds, brackets)
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
		segs = append(segs, describe(s, q, qs, bounds, brackets))
	}
	// A figure with no outcome word takes the next one's, else the last.
	for i := len(segs) - 2; i >= 0; i-- {
		if segs[i].outcome == outcomeNone {
			segs[i].outcome = segs[i+1].outcome
		}
	}
	for i := 1; i < len(segs); i++ {
		if segs[i].outcome == outcomeNone {
			segs[i].outcome = segs[i-1].outcome
		}
	}
	for i := range plus {
		if plus[i].outcome == outcomeNone && len(segs) > 0 {
			plus[i].outcome = segs[0].outcome
		}
	}
	// Two bare figures in a row are two estimates of one count: keep the
	// first ("41 - 80 confirmed, 50+ (reported)").
	kept := segs[:0]
	for i, g := range segs {
		if i > 0 && !g.nouns && !segs[i-1].nouns && g.outcome == segs[i-1].outcome {
			continue
		}
		kept = append(kept, g)
	}
	return kept, plus, total
}

// describe reads the words of the segment around q: its outcome and
// whether it names who was counted.
func describe(s string, q Quantity, qs []Quantity, bounds []int, brackets []span) segment {
	from, to := 0, len(s)
	for _, b := range bounds {
		if b < q.Start {
			from = b
		} else if b >= q.End && b < to {
			to = b
		}
	}
	g := segment{q: q}
	c := cursor{s: s, pos: from}
	for {
		t, after := c.next()
		if t.kind == tEOF || t.start >= to {
			break
		}
		c = after
		if t.kind != tWord || inAny(t.start, qs) || inBrackets(t.start, brackets) {
			continue
		}
		cls := lex.classes(s[t.start:t.end])
		switch {
		case cls.has(cKilled):
			if g.outcome == outcomeNone {
				g.outcome = outcomeKilled
			}
		case cls.has(cInjured):
			if g.outcome == outcomeNone {
				g.outcome = outcomeInjured
			}
		case cls&setOf(cQualifier, cFollow) != 0:
		case t.end-t.start == 1:
		default:
			g.nouns = true
		}
	}
	return g
}

func inAny(i int, qs []Quantity) bool {
	for _, q := range qs {
		if i >= q.Start && i < q.End {
			return true
		}
	}
	return false
}

func inBrackets(i int, bs []span) bool {
	for _, b := range bs {
		if i >= b.start && i < b.end {
			return true
		}
	}
	return false
}

// breakdownWords open a breakdown of a figure ("108, including 25 men").
var breakdownWords = [][]string{
	{"including"}, {"incl"}, {"among", "them"}, {"among", "whom"}, {"of", "whom"}, {"of", "which"},
	{"mostly"}, {"mainly"}, {"excluding"}, {"not", "including"},
}

// isBreakdown reports whether a breakdown phrase starts at c.
func isBreakdown(c cursor) bool {
	for _, p := range breakdownWords {
		if _, ok := matchWords(c, p); ok {
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
