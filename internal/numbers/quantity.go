package numbers

// prefixClasses are the phrases that may come before a number.
var prefixClasses = setOf(cApprox, cNearly, cMin, cGT, cLT, cMax, cUpTo, cBetween, cNeutral, cMoney)

// maxPrefixes is how many prefix phrases a quantity may have.
const maxPrefixes = 3

// mods are what the words around a number say about it.
type mods struct {
	approx  bool
	bound   class // cMin, cGT, cLT, cMax, cUpTo or cNone
	between bool
	money   bool
	label   bool // '#'
	any     bool // some prefix at all
}

// parseQuantity reads one quantity starting at c: prefixes, a number, a
// range, suffixes, and the unit or context that says what it measures.
func parseQuantity(c cursor) (Quantity, cursor, result) {
	s := c.s
	start := c.peek().start
	var m mods
	betweenAt := -1
	neutral := false // "another", "a further": a scale word alone may follow
	// A few prefixes at most ("just over", "an estimated", "US$"): the
	// bound keeps Find linear on text such as "at least at least ...".
prefixes:
	for range maxPrefixes {
		t, after := c.next()
		if t.kind == tPunct {
			switch t.r {
			case '~':
				m.approx, m.any = true, true
			case '$', '€', '£', '¥', '₹':
				m.money, m.any = true, true
			case '#':
				m.label, m.any = true, true
			default:
				break prefixes
			}
			c = after
			continue
		}
		e, next, ok := matchPhrase(c, prefixClasses)
		if !ok {
			break
		}
		switch e.class {
		case cApprox, cNearly:
			m.approx = true
		case cMin, cGT, cLT, cMax, cUpTo:
			if m.bound == cNone {
				m.bound = e.class
			}
		case cBetween:
			m.between = true
			betweenAt = t.start
		case cMoney:
			m.money = true
		case cNeutral:
			neutral = true
		}
		m.any = true
		c = next
	}
	if !m.any {
		if _, next, ok := matchPhrase(c, setOf(cZero)); ok {
			return Quantity{Start: start, End: next.pos}, next, found
		}
	}
	n, c, ok := parseNumber(c)
	if !ok && neutral {
		// "wounded a further hundred", "another thousand": a scale word
		// alone after the prefix counts one of it
		if w, after := c.next(); w.kind == tWord {
			if factor, isScale := scaleWord(c.s[w.start:w.end]); isScale {
				n, c, ok = num{start: w.start, end: w.end, min: factor, max: factor, scale: factor}, after, true
			}
		}
	}
	if !ok {
		return Quantity{}, c, none
	}
	if !m.any {
		start = n.start
	}

	// Figures glued to something else are not cardinals, or are measures.
	unit := ""
	if n.figures {
		if gluedBefore(s, n) || isCitation(s, n.tok) {
			return Quantity{}, skipGlued(c), skipped
		}
		var res result
		unit, c, res = attached(c, n)
		if res == skipped {
			return Quantity{}, c, skipped
		}
		if unit == "date" || unit == "time" {
			n.end = c.pos
		}
	}
	q := Quantity{Start: start, End: n.end, Min: n.min, Max: n.max, Open: n.open, Vague: n.vague}

	// A range.
	last := n
	if unit == "" && !n.vague {
		if r, hi, next, ok := parseRange(c, n, m.between); ok {
			q.Min, q.Max, q.End = r.min, hi.max, hi.end
			last, c = hi, next
			if hi.figures {
				var res result
				unit, c, res = attached(c, hi)
				if res == skipped {
					return Quantity{}, c, skipped
				}
			}
			n = r
		} else if m.between && betweenAt == start {
			q.Start = n.start // "between" closed by nothing: not part of it
		}
	}
	if n.decimal && unit == "" {
		// "2.5" with no scale is a measure of something.
		if u, next, ok := measureAfter(c); ok {
			return Quantity{Start: q.Start, End: q.End, Min: q.Min, Max: q.Max, Unit: u}, next, found
		}
		return Quantity{}, c, skipped
	}

	// Suffixes: "325+", "40 or more", "50-plus", "ten or so".
	if unit == "" {
		c = suffixes(c, &q)
	}

	// What the number measures.
	if unit == "" {
		if u, next, ok := measureAfter(c); ok {
			unit, c = u, next
		}
	}
	if unit == "" && n.figures && !m.any {
		unit = contextUnit(s, q, n, last)
	}
	if m.money {
		unit = "money"
	}
	if m.label && unit == "" {
		unit = "label"
	}
	q.Unit = unit

	if n.figures && last.figures && !m.any && unit == "" && isYear(n.tok) && isYear(last.tok) {
		q.Year = !countNounAfter(c)
	}
	applyBound(&q, m)
	return q, c, found
}

// gluedBefore reports figures that continue what is before them: "MQ-9",
// "COVID-19", "1.2.3", "11/9".
func gluedBefore(s string, n num) bool {
	i := n.tok.start
	if n.scale != 0 || i < 2 {
		return false
	}
	switch s[i-1] {
	case '-', '.', '/':
		return isLetter(s[i-2]) || isDigit(s[i-2])
	case ':':
		return isDigit(s[i-2])
	}
	return false
}

// isCitation reports a reference marker such as "[13]".
func isCitation(s string, t token) bool {
	return t.start > 0 && s[t.start-1] == '[' && t.end < len(s) && s[t.end] == ']'
}

// attached looks at what is glued after figures: ordinal and decade
// endings, times ("21:30"), ISO dates, fractions ("9/11") and unit letters
// ("50kg"). It returns the unit found, or skipped.
func attached(c cursor, n num) (string, cursor, result) {
	s, t := c.s, n.tok
	if n.scale != 0 {
		return "", c, found
	}
	nx, after := c.next()
	if nx.space || nx.kind == tEOF {
		return "", c, found
	}
	switch nx.kind {
	case tWord:
		w := s[nx.start:nx.end]
		switch {
		case equalFold(w, "st"), equalFold(w, "nd"), equalFold(w, "rd"), equalFold(w, "th"), equalFold(w, "s"):
			return "", after, skipped
		}
		if e, next, ok := matchPhrase(c, setOf(cMeasure)); ok {
			return e.unit, next, found
		}
		if isMeridiem(s, nx.start) {
			return "time", after, found
		}
		return "", skipGlued(c), skipped
	case tPunct:
		switch nx.r {
		case '\'', '’':
			if w := after.peek(); w.kind == tWord && !w.space && equalFold(s[w.start:w.end], "s") {
				return "", cursorAt(s, w.end), skipped // "1980's"
			}
		case ':':
			if d := after.peek(); d.kind == tNum && !d.space && d.digits == 2 && t.val < 25 {
				next := cursorAt(s, d.end)
				if w := next.peek(); w.kind == tWord && isMeridiem(s, w.start) {
					next = cursorAt(s, meridiemEnd(s, w.start))
				}
				return "time", next, found
			}
			return "", c, found
		case '/':
			if d := after.peek(); d.kind == tNum && !d.space {
				return "", skipGlued(c), skipped
			}
		case '-':
			// ISO dates: 2021-11-07.
			if t.digits == 4 {
				d1, a1 := after.next()
				p2, a2 := a1.next()
				d2, a3 := a2.next()
				if d1.kind == tNum && !d1.space && d1.digits == 2 && p2.kind == tPunct && p2.r == '-' &&
					!p2.space && d2.kind == tNum && !d2.space && d2.digits == 2 {
					return "date", a3, found
				}
			}
		}
	}
	return "", c, found
}

// skipGlued steps over a run of letters, digits and joining marks glued
// to the token at c.
func skipGlued(c cursor) cursor {
	t, after := c.next()
	if t.kind == tEOF {
		return after
	}
	for {
		nx, a := after.next()
		if nx.space || nx.kind == tEOF {
			return after
		}
		if nx.kind == tPunct {
			switch nx.r {
			case '-', '/', '.', ':':
				if p := a.peek(); !p.space && (p.kind == tNum || p.kind == tWord) {
					after = a
					continue
				}
			}
			return after
		}
		after = a
	}
}

// isMeridiem reports whether "a.m.", "p.m.", "am" or "pm" starts at i.
func isMeridiem(s string, i int) bool { return meridiemEnd(s, i) > i }

func meridiemEnd(s string, i int) int {
	if i >= len(s) {
		return i
	}
	b := lower(s[i])
	if b != 'a' && b != 'p' {
		return i
	}
	j := i + 1
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j >= len(s) || lower(s[j]) != 'm' {
		return i
	}
	j++
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j < len(s) && isLetter(s[j]) {
		return i
	}
	return j
}

// parseRange reads the second half of a range after the number n: "to 50",
// "–49", "or three", "and 300" (after "between").
func parseRange(c cursor, n num, between bool) (lo, hi num, next cursor, ok bool) {
	t, after := c.next()
	switch t.kind {
	case tPunct:
		switch t.r {
		case '-':
			if !n.figures {
				return lo, hi, c, false
			}
		case '–', '—', '−':
		default:
			return lo, hi, c, false
		}
		if between && !n.figures {
			return lo, hi, c, false // "between two–three" is no way of writing
		}
	case tWord:
		w := c.s[t.start:t.end]
		switch {
		case between && equalFold(w, "and"):
		case !between && (equalFold(w, "to") || equalFold(w, "or")):
		default:
			return lo, hi, c, false
		}
	default:
		return lo, hi, c, false
	}
	h, next, ok := parseNumber(after)
	if !ok || h.vague || h.decimal {
		return lo, hi, c, false
	}
	if h.figures && h.scale == 0 {
		if nx := next.peek(); !nx.space && nx.kind == tWord {
			return lo, hi, c, false // "1 to 2nd"
		}
	}
	lo = n
	if n.scale == 0 && h.scale > 1 {
		// "two to three thousand", "1.5 to 2 million": the scale is shared.
		v := n.min * h.scale
		if n.figures {
			v, ok = scaled(n.tok, h.scale)
			if !ok {
				return lo, hi, c, false
			}
		}
		if v <= h.min && v > 0 {
			lo.min, lo.max, lo.decimal = v, v, false
		}
	}
	if lo.decimal || h.min <= lo.min {
		return lo, hi, c, false
	}
	// "20-30" is a range, "1979-2019" too; "5-100" is more like a score.
	return lo, h, next, true
}

// suffixes reads "+", "or more", "-plus", "-odd", "or so" after a number.
func suffixes(c cursor, q *Quantity) cursor {
	for {
		t, after := c.next()
		if t.kind == tPunct && t.r == '+' && !t.space {
			q.Open, q.End, c = true, t.end, after
			continue
		}
		d := c
		if t.kind == tPunct && t.r == '-' && !t.space {
			d = after
		}
		e, next, ok := matchPhrase(d, setOf(cOpen, cApproxSuffix))
		if !ok {
			return c
		}
		if nx := next.peek(); nx.kind == tNum {
			return c // "40 plus 3" is a sum, not a bound
		}
		switch e.class {
		case cOpen:
			q.Open = true
			if equalFold(e.words[0], "odd") {
				q.Approx = true
			}
		case cApproxSuffix:
			q.Approx = true
		}
		q.End, c = next.pos, next
	}
}

// measureAfter reads a unit after a number: "%", "percent", "km",
// "-year-old", "days", "a.m.".
func measureAfter(c cursor) (string, cursor, bool) {
	t, after := c.next()
	switch t.kind {
	case tPunct:
		switch t.r {
		case '%':
			return "percent", after, true
		case '-':
			if t.space {
				return "", c, false
			}
			w, wa := after.next()
			if w.kind != tWord || w.space {
				return "", c, false
			}
			if e, next, ok := matchPhrase(after, setOf(cMeasure)); ok {
				return e.unit, next, true
			}
			if equalFold(c.s[w.start:w.end], "strong") {
				return "", c, false // "a 500-strong force" counts
			}
			return "modifier", wa, true
		}
	case tWord:
		if isMeridiem(c.s, t.start) {
			return "time", cursorAt(c.s, meridiemEnd(c.s, t.start)), true
		}
		if e, next, ok := matchPhrase(c, setOf(cMeasure)); ok {
			return e.unit, next, true
		}
	}
	return "", c, false
}

// contextUnit reads what the words around bare figures say: a month next
// to a day ("8 November", "November 7"), or a label before them ("Flight
// 370", "Boeing 737").
func contextUnit(s string, q Quantity, first, last num) string {
	if first.tok.digits <= 2 && first.min >= 1 && first.min <= 31 {
		if w := (cursor{s: s, pos: last.end}).peek(); w.kind == tWord && isCapital(s[w.start]) &&
			lex.classes(s[w.start:w.end]).has(cMonth) {
			return "date"
		}
	}
	w, initial, ok := prevWord(s, q.Start)
	if !ok {
		return ""
	}
	cls := lex.classes(w)
	if cls.has(cMonth) && isCapital(w[0]) && first.tok.digits <= 2 && first.min >= 1 && first.min <= 31 {
		return "date"
	}
	if cls.has(cAge) {
		return "age"
	}
	if cls.has(cLabel) {
		return "label"
	}
	if isCapital(w[0]) && !initial && cls&setOf(cMonth, cWeekday) == 0 && !isYear(first.tok) &&
		!countNounAfter(cursor{s: s, pos: q.End}) {
		return "label"
	}
	return ""
}

func isCapital(b byte) bool { return 'A' <= b && b <= 'Z' }

// isYear reports whether figures look like a year.
func isYear(t token) bool {
	return t.kind == tNum && t.digits == 4 && !t.grouped && t.fracLen == 0 && t.val >= 1900 && t.val <= 2099
}

// countNounAfter reports whether the word after c is a count noun
// ("2000 people"), which makes a four-digit number a count.
func countNounAfter(c cursor) bool {
	t := c.peek()
	return t.kind == tWord && lex.classes(c.s[t.start:t.end]).has(cCountNoun)
}

// applyBound turns the prefix words into the interval; the package
// comment lists the choices.
func applyBound(q *Quantity, m mods) {
	if m.approx {
		q.Approx = true
	}
	switch m.bound {
	case cMin:
		q.Open = true
	case cGT:
		q.Min++
		q.Open = true
	case cLT:
		q.Max = max(q.Min-1, 0)
		q.Min, q.Open = 0, false
	case cMax:
		if q.Open {
			q.Max = q.Min
		}
		q.Min, q.Open = 0, false
	case cUpTo:
		if q.Open {
			q.Max = q.Min
		}
		q.Min, q.Open = min(1, q.Max), false
	}
	if q.Open {
		q.Max = 0
	}
}
