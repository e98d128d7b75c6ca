// Package numbers recognizes cardinal quantities in English text: figures
// ("38", "1,200", "1.5 million"), number words ("thirty-eight", "two hundred
// and fifty", "a dozen"), ranges ("41–49", "between 200 and 300", "two or
// three"), bounds ("at least nine", "more than 125", "325+") and vague
// quantities ("dozens", "several", "hundreds").
//
// It is a hand-written scanner over the bytes of the input, with no regular
// expressions: it runs on the hot path of extraction. The words it knows are
// data, in the English language pack (internal/langpack/data/en/numbers.tsv).
//
// # Bounds and vague quantities
//
// A Quantity is an interval [Min, Max], with Open meaning no upper bound.
// The choices for wording that does not fix the interval are:
//
//	"at least 9", "no fewer than 9"      Min 9, Open
//	"more than 125", "over 30"           Min 126 / 31, Open (strictly more)
//	"upwards of 30", "in excess of 30"   Min 31, Open
//	"325+", "40 or more", "50-plus"      Min 325 / 40 / 50, Open
//	"about 40", "some 40", "~40"         Min = Max = 40, Approx
//	"nearly 40", "almost 40"             Min = Max = 40, Approx: the figure is
//	                                     what the text gives and what a reader
//	                                     retells; "nearly" only says it was not
//	                                     quite reached
//	"up to 20", "as many as 20"          Min 1, Max 20: some, at most 20
//	"fewer than 10", "less than 10"      Min 0, Max 9
//	"at most 10", "no more than 10"      Min 0, Max 10
//	"a dozen"                            12, not approximate
//	"a couple of"                        2, Vague
//	"a few", "a number of", "multiple"   Min 2, Open, Vague
//	"several", "many", "numerous"        Min 3, Open, Vague
//	"dozens"                             Min 24, Open, Vague
//	"scores of"                          Min 40, Open, Vague
//	"hundreds", "thousands"              Min 200 / 2000, Open, Vague
//	"several hundred", "tens of thousands" Min 300 / 20000, Open, Vague
//	"no one", "nobody", "no casualties"  0
//
// Figures may group thousands with commas ("1,200") or with no-break or
// thin spaces ("1 200"); a plain space separates two numbers. Number words
// go up to billions and may be capitalised, hyphenated or spaced
// ("Thirty eight", "seventy-five", "two hundred and fifty").
//
// Years, times, dates, percentages, money, ages and other measures are
// returned too, flagged (Year, or a non-empty Unit), so that a caller can
// see them and skip them; IsCount reports whether a quantity counts
// something. Ordinals ("13th", "third"), decades ("1980s"), decimals with
// neither scale nor unit ("2.5"), model numbers ("AK-47", "A320") and fractions are not
// returned at all.
package numbers

// Quantity is a cardinal quantity found in a text.
type Quantity struct {
	Start, End int // byte offsets of the whole expression ("at least nine")
	Min        int
	Max        int  // valid when !Open
	Open       bool // no upper bound ("at least nine", "more than 125", "dozens")
	Approx     bool // "about", "around", "nearly", "some", "approximately", "an estimated"
	Vague      bool // from a vague word ("dozens", "several", "hundreds", "a few")
	// Year reports a figure that looks like a year: four digits from 1900
	// to 2099, not grouped, not bounded and not followed by a count noun
	// ("the 1980 Oktoberfest bombing", but not "2000 people").
	Year bool
	// Unit is empty for a count. Otherwise it names what the number
	// measures: "percent", "money", "age", "time" (of day), "date" (a day
	// of the month or an ISO date), "duration", "length", "weight",
	// "speed", "area", "label" (names a thing: "Flight 370", "Boeing 737")
	// or "modifier" (a compound such as "two-storey" or "one-sided").
	Unit string
}

// IsCount reports whether q counts something: not a year, not a measure.
func (q Quantity) IsCount() bool { return q.Unit == "" && !q.Year }

// Find returns the quantities in s in order, each span within s and after
// the one before.
func Find(s string) []Quantity {
	var out []Quantity
	i := 0
	for i < len(s) {
		b := s[i]
		var end int // of the token at i
		try := false
		switch {
		case isLetter(b):
			end = wordEnd(s, i)
			try = mayStartAt(s, i, end)
		case isDigit(b):
			end, try = i+1, true
		case b == ' ' || b == '\n':
			i++
			continue
		default:
			t := lexAt(s, i)
			end = t.end
			switch t.kind {
			case tWord:
				try = mayStartAt(s, t.start, t.end)
			case tPunct:
				switch t.r {
				case '~', '$', '€', '£', '¥', '₹', '#':
					try = t.end < len(s) && isDigit(s[t.end])
				}
			}
		}
		if !try {
			i = end
			continue
		}
		q, next, res := parseQuantity(cursor{s: s, pos: i})
		switch res {
		case found:
			out = append(out, q)
			i = next.pos
		case skipped:
			i = next.pos
		default:
			i = lexAt(s, i).end
		}
	}
	return out
}

// mayStartAt is the cheap test Find runs on the word s[i:end]: can a
// quantity start there? A word such as "a" or "at" that needs more after
// it is tried only when the next token may continue a quantity.
func mayStartAt(s string, i, end int) bool {
	switch lex.mayStart(s[i:end]) {
	case startsAlone:
		return true
	case startsWithMore:
		t := lexAt(s, end)
		switch t.kind {
		case tNum:
			return true
		case tWord:
			return lex.isKnown(s[t.start:t.end])
		case tPunct:
			return t.r != '.' && t.r != ',' && t.r != ')' && t.r != '"'
		}
	}
	return false
}

// startClasses are the classes that can open a quantity.
var startClasses = setOf(cUnit, cTens, cArticle, cFixed, cVague, cGuarded, cApprox,
	cNearly, cMin, cGT, cLT, cMax, cUpTo, cBetween, cNeutral, cZero, cMoney)

type result uint8

const (
	none    result = iota // no quantity here
	found                 // a quantity
	skipped               // a number that is not a cardinal (ordinal, decade, code): step over it
)

// ParseCardinal parses s, as a whole, as one cardinal number: "38",
// "1,200", "thirty-eight", "Thirty eight", "two hundred and fifty",
// "a dozen", "1.5 million". Surrounding spaces are allowed; anything else
// makes it fail, and so do vague words and bounds.
func ParseCardinal(s string) (int, bool) {
	c := cursor{s: s}
	n, next, ok := parseNumber(c)
	if !ok || n.vague || n.min != n.max || n.decimal {
		return 0, false
	}
	if t := next.peek(); t.kind != tEOF {
		return 0, false
	}
	return n.min, true
}

// num is a number read by parseNumber.
type num struct {
	start, end int
	min, max   int
	open       bool
	vague      bool
	figures    bool  // written in digits
	decimal    bool  // digits with a decimal part and no scale word
	scale      int   // the scale word it ended with ("three thousand"), or 0
	tok        token // the digits, when figures
}

// parseNumber reads one number at c: figures, number words or a vague
// phrase. It takes no prefix and no range.
func parseNumber(c cursor) (num, cursor, bool) {
	t := c.peek()
	switch t.kind {
	case tNum:
		return parseFigures(c)
	case tWord:
		return parseWords(c)
	}
	return num{}, c, false
}

// parseFigures reads digits and an optional scale word ("1.5 million").
func parseFigures(c cursor) (num, cursor, bool) {
	t, c := c.next()
	if t.overflow {
		return num{}, c, false
	}
	n := num{start: t.start, end: t.end, min: t.val, max: t.val, figures: true, tok: t}
	// A scale word multiplies, "1.5 million", "20 thousand".
	if w, after := c.next(); w.kind == tWord && w.space {
		if factor, ok := scaleWord(c.s[w.start:w.end]); ok {
			v, ok := scaled(t, factor)
			if !ok {
				return num{}, c, false
			}
			n.min, n.max, n.end, n.scale = v, v, w.end, factor
			return n, after, true
		}
	}
	if t.fracLen > 0 {
		n.decimal = true
	}
	return n, c, true
}

// scaleWord is the factor of a one-word scale of a hundred or more
// ("hundred", "million"; not "dozen").
func scaleWord(w string) (int, bool) {
	for _, e := range lex.entries(w) {
		if e.class == cScale && len(e.words) == 1 && e.value >= 100 {
			return e.value, true
		}
	}
	return 0, false
}

// scaled returns the value of figures t times a scale factor, keeping the
// decimal part ("1.5 million" is 1,500,000).
func scaled(t token, factor int) (int, bool) {
	if t.val > maxValue/factor {
		return 0, false
	}
	v := t.val * factor
	if t.fracLen > 0 {
		f := factor
		frac := t.frac
		for i := 0; i < t.fracLen; i++ {
			if f%10 == 0 {
				f /= 10
			} else {
				frac /= 10 // digits finer than the scale are dropped
			}
		}
		v += frac * f
	}
	return v, true
}

// word-number states.
const (
	wsStart = iota
	wsUnit
	wsTens
	wsHundred
	wsBig
	wsAnd
	wsDozen
)

// parseWords reads number words ("two hundred and fifty", "thirty-eight",
// "a dozen") or a vague or fixed phrase ("dozens", "a few", "half a dozen").
func parseWords(c cursor) (num, cursor, bool) {
	start := c.peek().start
	// Vague and fixed phrases first, longest match.
	if e, after, ok := matchPhrase(c, setOf(cVague, cGuarded, cFixed)); ok {
		switch e.class {
		case cGuarded:
			f := after.peek()
			if f.kind != tWord || !lex.classes(c.s[f.start:f.end]).has(cFollow) {
				return num{}, c, false
			}
			fallthrough
		case cVague:
			n := num{start: start, end: after.pos, min: e.value, max: e.max, open: !e.hasMax, vague: true}
			return n, after, true
		case cFixed:
			// "half a dozen"; "a couple" here is not "a couple of", which is vague.
			n := num{start: start, end: after.pos, min: e.value, max: e.value}
			return n, after, true
		}
	}
	total, cur, big := 0, 0, 0
	state := wsStart
	end := start
	numeric := false // a number word was read, not only an article
	for {
		t, after := c.next()
		if t.kind == tPunct && t.r == '-' && !t.space && state != wsStart {
			// A hyphen inside a number: "thirty-eight", "two-hundred".
			if w := after.peek(); w.kind == tWord && !w.space {
				c = after
				continue
			}
			break
		}
		if t.kind != tWord {
			break
		}
		w := c.s[t.start:t.end]
		if state == wsHundred || state == wsBig {
			if equalFold(w, "and") {
				nx := after.peek()
				if nx.kind == tWord && lex.classes(c.s[nx.start:nx.end])&setOf(cUnit, cTens) != 0 {
					state, c = wsAnd, after
					continue
				}
				break
			}
		}
		e := numberEntry(w)
		if e == nil {
			break
		}
		ok := false
		switch e.class {
		case cArticle:
			if state == wsStart {
				nx := after.peek()
				if nx.kind == tWord && lex.classes(c.s[nx.start:nx.end]).has(cScale) {
					cur, state, ok = 1, wsUnit, true
				}
			}
		case cUnit:
			switch state {
			case wsStart, wsHundred, wsBig, wsAnd:
				cur += e.value
				state, ok = wsUnit, true
			case wsTens:
				if e.value >= 1 && e.value <= 9 {
					cur += e.value
					state, ok = wsUnit, true
				}
			}
		case cTens:
			switch state {
			case wsStart, wsHundred, wsBig, wsAnd:
				cur += e.value
				state, ok = wsTens, true
			}
		case cScale:
			switch {
			case e.value == 100:
				if (state == wsUnit || state == wsTens) && cur > 0 && cur < 100 {
					cur *= 100
					state, ok = wsHundred, true
				}
			case e.value == 12:
				if (state == wsUnit || state == wsTens) && cur > 0 && cur < 100 {
					cur *= 12
					state, ok = wsDozen, true
				}
			default:
				if state != wsStart && state != wsAnd && cur > 0 && (big == 0 || e.value < big) &&
					cur < 1000 && total+cur <= maxValue/e.value {
					total += cur * e.value
					cur, big = 0, e.value
					state, ok = wsBig, true
				}
			}
		}
		if !ok {
			break
		}
		numeric = numeric || e.class != cArticle
		end = t.end
		c = after
	}
	if !numeric {
		return num{}, c, false
	}
	v := total + cur
	n := num{start: start, end: end, min: v, max: v}
	switch state {
	case wsHundred:
		n.scale = 100
	case wsBig:
		n.scale = big
	case wsDozen:
		n.scale = 12
	}
	return n, cursorAt(c.s, end), true
}

// numberEntry returns the one-word number entry for w, if any.
func numberEntry(w string) *entry {
	for _, e := range lex.entries(w) {
		if len(e.words) != 1 {
			continue
		}
		switch e.class {
		case cUnit, cTens, cScale, cArticle:
			return e
		}
	}
	return nil
}

func cursorAt(s string, pos int) cursor { return cursor{s: s, pos: pos} }

// matchPhrase matches the longest lexicon phrase of one of the classes in
// set at c. Words are separated by spaces or by a hyphen without spaces.
func matchPhrase(c cursor, set classSet) (*entry, cursor, bool) {
	t := c.peek()
	if t.kind != tWord {
		return nil, c, false
	}
	for _, e := range lex.entries(c.s[t.start:t.end]) {
		if !set.has(e.class) {
			continue
		}
		if after, ok := matchWords(c, e.words); ok {
			return e, after, true
		}
	}
	return nil, c, false
}

// matchWords matches the words of a phrase at c.
func matchWords(c cursor, words []string) (cursor, bool) {
	for i, w := range words {
		t, after := c.next()
		if i > 0 && t.kind == tPunct && t.r == '-' && !t.space {
			t, after = after.next()
			if t.space {
				return c, false
			}
		}
		if t.kind != tWord || !equalFold(c.s[t.start:t.end], w) {
			return c, false
		}
		c = after
	}
	return c, true
}
