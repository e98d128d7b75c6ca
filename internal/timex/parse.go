package timex

import (
	"strings"
	"time"
)

// parse reads one expression at c.
func parse(c cursor) (Expr, cursor, bool) {
	if e, next, ok := parseRelative(c); ok {
		return e, next, true
	}
	if e, next, ok := parseDated(c); ok {
		return e, next, true
	}
	return parseTime(c)
}

// matchPhrase matches the longest phrase of a class in set at c. Words
// are separated by spaces or by a hyphen without spaces ("mid-October").
func matchPhrase(c cursor, set classSet) (*entry, cursor, bool) {
	t := c.peek()
	if t.kind != tWord {
		return nil, c, false
	}
	for _, e := range lex.entries(c.text(t)) {
		if !set.has(e.class) {
			continue
		}
		if next, ok := matchWords(c, e.words); ok {
			return e, next, true
		}
	}
	return nil, c, false
}

func matchWords(c cursor, words []string) (cursor, bool) {
	for i, w := range words {
		t, after := c.next()
		if i > 0 && t.kind == tPunct && t.r == '-' && !t.space {
			t, after = after.next()
			if t.space {
				return c, false
			}
		}
		if base, ok := strings.CutSuffix(w, "'s"); ok && t.kind == tWord && equalFold(c.text(t), base) {
			// "Year's": the word, then its possessive, which the scanner
			// keeps apart ("Year" "'" "s")
			if q, a := after.next(); q.kind == tPunct && (q.r == '\'' || q.r == '’') && !q.space {
				if sw, a2 := a.next(); sw.kind == tWord && equalFold(c.text(sw), "s") && !sw.space {
					c = a2
					continue
				}
			}
			return c, false
		}
		if t.kind != tWord || !equalFold(c.text(t), w) {
			return c, false
		}
		c = after
	}
	return c, true
}

// name matches a month or weekday name, which must be capitalised, with
// an optional full stop after an abbreviation ("Nov.").
func name(c cursor, cl class) (*entry, cursor, bool) {
	t, after := c.next()
	if t.kind != tWord || !isUpper(c.s[t.start]) {
		return nil, c, false
	}
	w := c.text(t)
	e, ok := lex.one(w, cl)
	if !ok {
		return nil, c, false
	}
	if e.part == "abbr" {
		if p, a := after.next(); p.kind == tPunct && p.r == '.' && !p.space {
			after = a
		}
	}
	return e, after, true
}

func dirOf(v int) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// periodDir reads the direction of a period phrase from its part column:
// "-" earlier, "+" later, "=" the same unit.
func periodDir(e *entry) (dir int, deictic bool) {
	if strings.Contains(e.part, "-") {
		dir = -1
	} else if strings.Contains(e.part, "+") {
		dir = 1
	}
	return dir, strings.Contains(e.part, "d")
}

func joinPart(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "" || a == b:
		return a
	}
	return a + " " + b
}

// isPlural reports a unit word in the plural ("days").
func isPlural(c cursor, t token) bool {
	w := c.text(t)
	return len(w) > 1 && lower(w[len(w)-1]) == 's'
}

// parseRelative reads "yesterday", "in recent weeks", "last week", "the
// following morning", "last Friday", "two days before", "a few weeks
// later", "the day before".
func parseRelative(c cursor) (Expr, cursor, bool) {
	start := c.peek().start
	if e, next, ok := matchPhrase(c, setOf(cDeictic)); ok {
		x := Expr{Start: start, End: next.pos, Kind: Relative, Unit: "day", Offset: abs(e.value),
			Dir: dirOf(e.value), Deictic: true, Part: e.part}
		if d, n, ok := matchPhrase(next, setOf(cDayword)); ok && d.part != "" {
			x.Part, x.End, next = joinPart(x.Part, d.part), n.pos, n
		}
		return x, next, true
	}
	if e, next, ok := matchPhrase(c, setOf(cRecent)); ok {
		return Expr{Start: start, End: next.pos, Kind: Relative, Unit: e.name, Dir: -1, Vague: true, Deictic: true}, next, true
	}
	if e, next, ok := matchPhrase(c, setOf(cPeriod)); ok {
		if x, n, ok := afterPeriod(next, e); ok {
			x.Start = start
			return x, n, true
		}
	}
	if x, next, ok := distance(c); ok {
		return x, next, true
	}
	// "the day before", "the night after".
	if t, after := c.next(); t.kind == tWord && equalFold(c.text(t), "the") {
		u, n, ok := matchPhrase(after, setOf(cUnit, cDayword))
		if ok && !isPlural(after, after.peek()) && u.name != "hour" {
			if d, n2, ok := matchPhrase(n, setOf(cBefore, cAfter)); ok {
				x := Expr{Start: start, End: n2.pos, Kind: Relative, Offset: 1, Dir: d.value, Unit: unitOf(u), Part: u.part}
				x.Period = x.Unit != "day"
				return x, n2, true
			}
		}
	}
	return Expr{}, c, false
}

// unitOf is the unit a unit or day word counts in.
func unitOf(e *entry) string {
	if e.class == cDayword {
		return "day"
	}
	return e.name
}

// afterPeriod reads what follows a period word: a unit ("last week"), a
// part of the day ("the following morning"), a weekday ("last Friday") or
// a month ("last October").
func afterPeriod(c cursor, p *entry) (Expr, cursor, bool) {
	dir, deictic := periodDir(p)
	if u, next, ok := matchPhrase(c, setOf(cUnit)); ok && u.name != "hour" && !isPlural(c, c.peek()) {
		if u.name == "day" && p.value > 0 {
			deictic = false // "next day" follows an event, unlike "next week"
		}
		x := Expr{End: next.pos, Kind: Relative, Unit: u.name, Offset: abs(p.value), Dir: dir,
			Period: u.name != "day", Deictic: deictic}
		if equalFold(u.words[0], "night") {
			x.Part = "night"
		}
		return x, next, true
	}
	if d, next, ok := matchPhrase(c, setOf(cDayword)); ok && d.part != "" {
		return Expr{End: next.pos, Kind: Relative, Unit: "day", Offset: abs(p.value), Dir: dir,
			Part: d.part, Deictic: deictic}, next, true
	}
	if w, next, ok := name(c, cWeekday); ok {
		x := Expr{End: next.pos, Kind: Weekday, Weekday: time.Weekday(w.value), HasWeekday: true,
			Dir: dir, Deictic: deictic}
		if d, n, ok := matchPhrase(next, setOf(cDayword)); ok && d.part != "" {
			x.Part, x.End, next = d.part, n.pos, n
		}
		return x, next, true
	}
	if m, next, ok := name(c, cMonth); ok && (dir != 0 || deictic) {
		return Expr{End: next.pos, Kind: Absolute, Month: m.value, Dir: dir, Deictic: deictic}, next, true
	}
	return Expr{}, c, false
}

// distance reads "two days before", "3 weeks later", "a few weeks
// later", "days after", "two years ago".
func distance(c cursor) (Expr, cursor, bool) {
	start := c.peek().start
	x := Expr{Kind: Relative}
	n := c
	t, after := c.next()
	bare := false
	switch {
	case t.kind == tNum:
		if t.digits > 3 {
			return Expr{}, c, false
		}
		x.Offset, n = t.val, after
	case t.kind == tWord:
		if e, next, ok := matchPhrase(c, setOf(cCount, cFew)); ok {
			if e.class == cFew {
				x.Vague = true
			} else {
				x.Offset = e.value
			}
			n = next
		} else {
			bare = true
		}
	default:
		return Expr{}, c, false
	}
	ut := n.peek()
	u, next, ok := matchPhrase(n, setOf(cUnit))
	if !ok || (bare && !isPlural(n, ut)) {
		return Expr{}, c, false
	}
	if t.kind == tNum && !ut.space {
		return Expr{}, c, false // "3-day"
	}
	d, end, ok := matchPhrase(next, setOf(cBefore, cAfter, cAgo))
	if !ok {
		return Expr{}, c, false
	}
	x.Vague = x.Vague || bare
	x.Unit, x.Dir = u.name, d.value
	x.Deictic = d.class == cAgo
	x.Start, x.End = start, end.pos
	return x, end, true
}

// element forms.
const (
	fBareDay  = iota + 1 // "15" in "15–16 January"
	fDayMonth            // "8 November", "7th of November 2021"
	fMonthDay            // "November 7", "Nov. 7, 2021"
	fMonth               // "October", "October 2019"
	fYear                // "2014"
	fISO                 // "2021-11-07"
)

// element is one end of a date: what the text gives of it.
type element struct {
	start, end int
	form       int
	y, m, d    int
}

// parseDated reads absolute dates, months and years, with an optional
// part ("late October", "mid-2016", "the morning of 7 November"), ranges,
// and weekdays ("early on Sunday", "Sunday, 7 November 2021").
func parseDated(c cursor) (Expr, cursor, bool) {
	start := c.peek().start
	x := c
	between, opener := false, false
	if e, n, ok := matchPhrase(x, setOf(cRangeOpen)); ok {
		opener, between = true, equalFold(e.words[0], "between")
		x = n
	}
	part := ""
	if e, n, ok := matchPhrase(x, setOf(cPartPrefix)); ok {
		part, x = e.part, n
		if t, a := x.next(); t.kind == tPunct && t.r == '-' && !t.space {
			x = a // "mid-2016"
		}
	} else if e, n, ok := matchPhrase(x, setOf(cSeason)); ok {
		if t, a := n.next(); t.kind == tWord && equalFold(x.text(t), "of") {
			n = a
		}
		if t := n.peek(); t.kind == tNum && t.digits == 4 {
			part, x = e.part, n
		}
	}
	// "on Christmas Eve", "New Year's Day 2016": a day of the year by its
	// name, capitalised, after a preposition of date or before a year
	if h, n, ok := matchPhrase(x, setOf(cHoliday)); ok && isUpper(c.s[x.peek().start]) {
		e := Expr{Start: start, End: n.pos, Kind: Absolute, Part: part, Month: h.value / 100, Day: h.value % 100}
		if y, n2, ok := yearAfter(n, true); ok {
			e.Year, e.End, n = y, n2.pos, n2
		} else if !datePrep(c.s, x.peek().start) {
			return Expr{}, c, false
		}
		return e, n, true
	}
	if w, n, ok := name(x, cWeekday); ok {
		e, next := weekday(n, w, part)
		if opener && part == "" {
			start = x.peek().start
		}
		e.Start = start
		return e, next, true
	}
	el, n, ok := parseElement(x, true)
	if !ok {
		return Expr{}, c, false
	}
	if first, end, n2, ok := rangeEnd(n, el, between); ok {
		e := Expr{Start: start, End: n2.pos, Kind: Absolute, Part: part,
			Year: first.y, Month: first.m, Day: first.d, EndYear: end.y, EndMonth: end.m, EndDay: end.d}
		if first.y == end.y && first.m == end.m && first.d == end.d {
			e.EndYear, e.EndMonth, e.EndDay = 0, 0, 0
		}
		return e, n2, true
	}
	if opener && part == "" {
		start = el.start
	}
	e := Expr{Start: start, End: el.end, Kind: Absolute, Part: part, Year: el.y, Month: el.m, Day: el.d}
	switch el.form {
	case fBareDay:
		return Expr{}, c, false
	case fMonth:
		if el.y == 0 && part == "" && !datePrep(c.s, el.start) {
			return Expr{}, c, false
		}
	case fYear:
		if part != "" {
			break
		}
		ok, attr := yearContext(c.s, el, n)
		if !ok {
			return Expr{}, c, false
		}
		e.Attributive = attr
	}
	return e, n, true
}

// weekday reads what follows a weekday: a date ("Sunday, 7 November
// 2021") or a part of the day ("Sunday night").
func weekday(c cursor, w *entry, part string) (Expr, cursor) {
	e := Expr{Kind: Weekday, Weekday: time.Weekday(w.value), HasWeekday: true, Part: part, Deictic: true}
	x := c
	if t, a := x.next(); t.kind == tPunct && t.r == ',' {
		x = a
	}
	if el, n, ok := parseElement(x, false); ok && (el.form == fDayMonth || el.form == fMonthDay) {
		e.Kind, e.Deictic = Absolute, false
		e.Year, e.Month, e.Day, e.End = el.y, el.m, el.d, el.end
		return e, n
	}
	e.End = c.pos
	if d, n, ok := matchPhrase(c, setOf(cDayword)); ok && d.part != "" {
		e.Part, e.End, c = joinPart(part, d.part), n.pos, n
	}
	return e, c
}

// datePrep reports whether the word before i makes what follows a date:
// "in October", "since 2003", "late 2019".
func datePrep(s string, i int) bool {
	w := prevWord(s, i)
	return w != "" && lex.classes(w).has(cYearPrep)
}

// yearContext decides whether a bare year is a date, and whether it is
// attributive ("the 2021 Erbil rocket attacks").
func yearContext(s string, el element, after cursor) (ok, attributive bool) {
	if el.y < 1800 || el.y > 2099 {
		return false, false
	}
	next := after.peek()
	if next.kind == tWord && lex.classes(after.text(next)).has(cCountNoun) {
		return false, false // "2000 people"
	}
	if datePrep(s, el.start) {
		return true, false
	}
	w := prevWord(s, el.start)
	nextWord := next.kind == tWord
	switch {
	case w != "" && lex.classes(w).has(cDeterminer):
		return nextWord, nextWord
	case w == "":
		m := prevMark(s, el.start)
		if next.kind == tPunct && !next.space && next.r == '_' {
			return false, false // a file name or a URL
		}
		switch m {
		case '$', '#', '-', '+', '~', '/', 0xa3, 0xac: // money and codes; 0xa3 and 0xac end "£" and "€"
			return false, false
		}
		if nextWord && isUpper(s[next.start]) {
			return true, true // a title: "2021 Erbil rocket attacks"
		}
		switch m {
		case 0, '\n', ':', '(', ',':
			// Alone in a line, an infobox value or a list: "Date: 2019".
			return !nextWord, false
		}
	}
	return false, false
}

// parseElement reads one end of a date at c. A bare day of the month is
// read only when bareDay is set (inside a range).
func parseElement(c cursor, bareDay bool) (element, cursor, bool) {
	t, after := c.next()
	switch t.kind {
	case tNum:
		return numElement(c, t, after, bareDay)
	case tWord:
		if equalFold(c.text(t), "the") {
			// "the 7th of November"
			d, a := after.next()
			if d.kind != tNum || d.digits > 2 {
				return element{}, c, false
			}
			el, n, ok := numElement(after, d, a, false)
			if !ok || el.form != fDayMonth {
				return element{}, c, false
			}
			el.start = t.start
			return el, n, true
		}
		m, n, ok := name(c, cMonth)
		if !ok {
			return element{}, c, false
		}
		el := element{start: t.start, end: n.pos, form: fMonth, m: m.value}
		if d := n.peek(); d.kind == tNum && d.digits <= 2 && d.val >= 1 && d.val <= 31 && d.space {
			dn := skipOrdinal(n, cursor{s: c.s, pos: d.end})
			if !gluedTime(dn) && !gluedWord(dn) {
				el.form, el.d, el.end = fMonthDay, d.val, dn.pos
				n = dn
				if y, yn, ok := yearAfter(n, true); ok {
					el.y, el.end, n = y, yn.pos, yn
				}
				return el, n, el.valid()
			}
		}
		x := n
		if o, a := x.next(); o.kind == tWord && equalFold(c.text(o), "of") {
			x = a
		}
		if y, yn, ok := yearAfter(x, false); ok {
			el.y, el.end, n = y, yn.pos, yn
		}
		return el, n, true
	}
	return element{}, c, false
}

// numElement reads an element that starts with digits.
func numElement(c cursor, t token, after cursor, bareDay bool) (element, cursor, bool) {
	s := c.s
	if t.start > 0 && (isLetter(s[t.start-1]) || isDigit(s[t.start-1])) {
		return element{}, c, false
	}
	if gluedBefore(s, t.start) {
		return element{}, c, false // "MQ-9", "9/11", "1.5"
	}
	if t.digits == 4 {
		if el, n, ok := isoDate(c, t, after); ok {
			return el, n, true
		}
		if gluedWord(after) || gluedTime(after) || gluedNumber(after) {
			return element{}, c, false // "1980s", "2019th"
		}
		if t.val < 1000 || t.val > 2999 {
			return element{}, c, false
		}
		return element{start: t.start, end: t.end, form: fYear, y: t.val}, after, true
	}
	if t.digits > 2 || t.val < 1 || t.val > 31 {
		return element{}, c, false
	}
	if el, n, ok := dayMonYear(c, t, after); ok {
		return el, n, true
	}
	n := skipOrdinal(c, after)
	if gluedWord(n) || gluedTime(n) || gluedNumber(n) {
		return element{}, c, false
	}
	x := n
	if o, a := x.next(); o.kind == tWord && equalFold(c.text(o), "of") {
		x = a
	}
	if m, mn, ok := name(x, cMonth); ok {
		el := element{start: t.start, end: mn.pos, form: fDayMonth, d: t.val, m: m.value}
		if y, yn, ok := yearAfter(mn, false); ok {
			el.y, el.end, mn = y, yn.pos, yn
		} else if y, yn, ok := yearAfter(mn, true); ok && clauseEnds(yn) {
			// "on 3 August, 1990.": a comma before the year, which ends
			// the phrase ("3 August, 2000 people" is a count)
			el.y, el.end, mn = y, yn.pos, yn
		}
		return el, mn, el.valid()
	}
	if !bareDay {
		return element{}, c, false
	}
	el := element{start: t.start, end: n.pos, form: fBareDay, d: t.val}
	return el, n, true
}

// dayMonYear reads "13/May/2018" or "13-May-2018" after its day t: a
// month's name between slashes or hyphens, no spaces, then the year, as
// some pages print their date line.
func dayMonYear(c cursor, t token, after cursor) (element, cursor, bool) {
	p1, a1 := after.next()
	if p1.kind != tPunct || p1.space || p1.r != '/' && p1.r != '-' {
		return element{}, c, false
	}
	m, a2, ok := name(a1, cMonth)
	if !ok || a1.peek().space {
		return element{}, c, false
	}
	p2, a3 := a2.next()
	y, a4 := a3.next()
	if p2.kind != tPunct || p2.space || p2.r != p1.r || y.kind != tNum || y.space || y.digits != 4 || gluedNumber(a4) || gluedWord(a4) {
		return element{}, c, false
	}
	el := element{start: t.start, end: y.end, form: fDayMonth, d: t.val, m: m.value, y: y.val}
	return el, a4, el.y >= 1000 && el.valid()
}

// gluedBefore reports digits at i that continue what is before them
// ("MQ-9", "9/11", "1.5"), but not "mid-2016".
func gluedBefore(s string, i int) bool {
	if i < 2 {
		return false
	}
	switch s[i-1] {
	case '-':
		// "MQ-9" but not "mid-2016"; "21-24 September" is a range.
		if i >= 4 && equalFold(s[i-4:i-1], "mid") && (i == 4 || !isLetter(s[i-5])) {
			return false
		}
		return isLetter(s[i-2])
	case '/', '.', ':':
		return isDigit(s[i-2]) || isLetter(s[i-2])
	}
	return false
}

// isoDate reads "2021-11-07" or "2021/11/07" after its year t.
func isoDate(c cursor, t token, after cursor) (element, cursor, bool) {
	p1, a1 := after.next()
	m, a2 := a1.next()
	p2, a3 := a2.next()
	d, a4 := a3.next()
	if p1.kind != tPunct || p1.space || (p1.r != '-' && p1.r != '/') || m.kind != tNum || m.space || m.digits != 2 ||
		p2.kind != tPunct || p2.space || p2.r != p1.r || d.kind != tNum || d.space || d.digits != 2 || gluedNumber(a4) {
		return element{}, c, false
	}
	el := element{start: t.start, end: d.end, form: fISO, y: t.val, m: m.val, d: d.val}
	return el, a4, el.y >= 1000 && el.m >= 1 && el.d >= 1 && el.valid()
}

func (el element) valid() bool {
	y := el.y
	if y == 0 {
		y = 2000 // a leap year: "29 February" with no year stands
	}
	return Date{y, el.m, el.d}.Valid()
}

// skipOrdinal steps over an ordinal ending glued to a day ("7th").
func skipOrdinal(c, after cursor) cursor {
	if w := after.peek(); w.kind == tWord && !w.space {
		switch x := after.text(w); {
		case equalFold(x, "st"), equalFold(x, "nd"), equalFold(x, "rd"), equalFold(x, "th"):
			return cursor{s: c.s, pos: w.end}
		}
	}
	return after
}

// gluedWord reports letters glued to what is before c ("1980s", "50kg").
func gluedWord(c cursor) bool {
	t := c.peek()
	return t.kind == tWord && !t.space
}

// gluedTime reports ":30" or ".30" glued to what is before c.
func gluedTime(c cursor) bool {
	t, a := c.next()
	if t.kind != tPunct || t.space || (t.r != ':' && t.r != '.') {
		return false
	}
	d := a.peek()
	return d.kind == tNum && !d.space
}

// gluedNumber reports a figure glued to what is before c by a mark, as in
// "1.2" or "9/11", that makes it part of something else.
func gluedNumber(c cursor) bool {
	t, a := c.next()
	if t.kind != tPunct || t.space || (t.r != '/' && t.r != '.' && t.r != ',') {
		return false
	}
	d := a.peek()
	return d.kind == tNum && !d.space
}

// clauseEnds says whether the text at c ends a phrase: punctuation other
// than a hyphen, or the end.
func clauseEnds(c cursor) bool {
	t, _ := c.next()
	switch t.kind {
	case tEOF:
		return true
	case tPunct:
		return t.r != '-' && t.r != '–' && t.r != '/'
	}
	return false
}

// yearAfter reads a year after a day or month: "[,] 2021".
func yearAfter(c cursor, comma bool) (int, cursor, bool) {
	x := c
	if t, a := x.next(); t.kind == tPunct && t.r == ',' && comma {
		x = a
	}
	t, a := x.next()
	if t.kind != tNum || t.digits != 4 || t.val < 1000 || t.val > 2999 || gluedWord(a) || gluedNumber(a) || gluedTime(a) {
		return 0, c, false
	}
	return t.val, a, true
}

// rangeEnd reads the second end of a range after el: "–16 January 2019",
// " to 16 January", "–April 2018", " until 2021", "–27, 2019".
func rangeEnd(c cursor, el element, between bool) (start, end element, next cursor, ok bool) {
	pairOfDays := false
	t, after := c.next()
	switch t.kind {
	case tPunct:
		switch t.r {
		case '-', '–', '—', '−':
		default:
			return element{}, element{}, c, false
		}
	case tWord:
		e, ok := lex.one(c.text(t), cRange)
		if !ok {
			return element{}, element{}, c, false
		}
		if and := equalFold(e.words[0], "and"); and != between {
			// "3 and 5 September 2020", "September 3 and 5, 2020": two
			// days of one month, read as the span they open and close
			if !and || !(el.form == fBareDay || el.form == fMonthDay) {
				return element{}, element{}, c, false
			}
			pairOfDays = true
		}
	default:
		return element{}, element{}, c, false
	}
	var n cursor
	end, n, ok = parseElement(after, true)
	if ok && pairOfDays {
		switch {
		case el.form == fBareDay && end.form == fDayMonth && end.y != 0:
		case el.form == fMonthDay && end.form == fBareDay:
			if _, _, ok := yearAfter(n, true); !ok {
				return element{}, element{}, c, false // "on September 3 and 5 people": no pair of days
			}
		default:
			return element{}, element{}, c, false
		}
	}
	if el.form == fYear && (!ok || end.form == fBareDay) {
		// "2019–20"
		ok = false
		if d, a := after.next(); d.kind == tNum && d.digits == 2 && !gluedWord(a) {
			end, n, ok = element{start: d.start, end: d.end, form: fYear, y: el.y/100*100 + d.val}, a, true
		}
	}
	if !ok {
		return element{}, element{}, c, false
	}
	start = el
	switch {
	case el.form == fBareDay && end.form == fDayMonth:
		start.m, start.y = end.m, end.y
	case el.form == fDayMonth && end.form == fDayMonth:
		if start.y == 0 {
			start.y = end.y
		}
	case el.form == fMonthDay && end.form == fBareDay:
		end.m, end.y = el.m, el.y
		if y, yn, ok := yearAfter(n, true); ok && el.y == 0 {
			end.y, start.y, end.end, n = y, y, yn.pos, yn
		}
	case el.form == fMonthDay && end.form == fMonthDay:
		if start.y == 0 {
			start.y = end.y
		}
	case el.form == fMonth && end.form == fMonth:
		if start.y == 0 {
			start.y = end.y
		}
	case el.form == fYear && end.form == fYear:
		if el.y < 1800 || end.y > 2099 {
			return element{}, element{}, c, false
		}
		if w := n.peek(); w.kind == tWord && lex.classes(n.text(w)).has(cCountNoun) {
			return element{}, element{}, c, false // "1000–2000 people"
		}
	case el.form == fISO && end.form == fISO:
	default:
		return element{}, element{}, c, false
	}
	if end.y == 0 {
		end.y = start.y
	}
	if !start.valid() || !end.valid() {
		return element{}, element{}, c, false
	}
	sd, ed := Date{start.y, start.m, start.d}, Date{end.y, end.m, end.d}
	if sd.Year != 0 && sd.Compare(ed) > 0 && el.y == 0 && start.m > end.m {
		start.y-- // "30 December – 2 January 2020"
		sd.Year--
	}
	if sd.Year == 0 {
		sd.Year, ed.Year = 2000, 2000 // compare within a year
	}
	if sd.Compare(ed) > 0 || (sd == ed && el.form != fISO) {
		return element{}, element{}, c, false
	}
	if !start.valid() {
		return element{}, element{}, c, false
	}
	return start, end, n, true
}

// parseTime reads "21:30", "10 a.m.", "10:25 pm", "9:30p.m.", "midnight".
func parseTime(c cursor) (Expr, cursor, bool) {
	t, after := c.next()
	if t.kind == tWord {
		if e, n, ok := matchPhrase(c, setOf(cClock)); ok {
			return Expr{Start: t.start, End: n.pos, Kind: Time, Hour: e.value}, n, true
		}
		return Expr{}, c, false
	}
	if t.kind != tNum || t.digits > 2 || t.val > 24 {
		return Expr{}, c, false
	}
	if t.start > 0 && (isDigit(c.s[t.start-1]) || c.s[t.start-1] == ':' || isLetter(c.s[t.start-1])) {
		return Expr{}, c, false
	}
	e := Expr{Start: t.start, End: t.end, Kind: Time, Hour: t.val}
	n := after
	minutes := false
	if p, a := n.next(); p.kind == tPunct && !p.space && (p.r == ':' || p.r == '.') {
		if m, a2 := a.next(); m.kind == tNum && !m.space && m.digits == 2 && m.val < 60 {
			e.Minute, e.End, n, minutes = m.val, m.end, a2, true
			if p.r == '.' && meridiem(c.s, a2.peek()) == 0 {
				return Expr{}, c, false // "1.30" is a number
			}
		}
	}
	switch meridiem(c.s, n.peek()) {
	case 'a':
		if e.Hour > 12 || e.Hour == 0 {
			return Expr{}, c, false
		}
		if e.Hour == 12 {
			e.Hour = 0
		}
	case 'p':
		if e.Hour > 12 || e.Hour == 0 {
			return Expr{}, c, false
		}
		if e.Hour < 12 {
			e.Hour += 12
		}
	default:
		if !minutes || e.Hour > 23 {
			return Expr{}, c, false
		}
		return e, n, true
	}
	end := meridiemEnd(c.s, n.peek().start)
	e.End = end
	return e, cursor{s: c.s, pos: end}, true
}

// meridiem returns 'a' or 'p' for "a.m.", "am", "p.m.", "pm" at t.
func meridiem(s string, t token) byte {
	if t.kind != tWord || meridiemEnd(s, t.start) == t.start {
		return 0
	}
	return lower(s[t.start])
}

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
