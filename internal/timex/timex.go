// Package timex recognizes expressions of time in English text and
// resolves them to calendar dates: absolute dates ("7 November 2021",
// "November 7, 2021", "2021-11-07", "October 2019", "in 2014"), ranges
// ("15–16 January 2019", "February–April 2018", "from 2019 until 2021"),
// relative phrases ("two days before", "the next day", "last week",
// "yesterday"), weekdays ("on Sunday", "last Friday", "Sunday night") and
// times of day ("21:30", "10 a.m.").
//
// Find is a hand-written scanner over the bytes of the input, with no
// regular expressions: it runs on the hot path of extraction. The words it
// knows are data, in the English language pack
// (internal/langpack/data/en/timex.tsv). Resolve turns an expression into dates
// given an anchor: the publication date for "on Sunday", or the date of the
// event a phrase such as "the day before" refers to. The caller chooses
// the anchor; Expr.Deictic says which kind a relative phrase wants.
package timex

import "time"

// Kind says what an expression names.
type Kind uint8

const (
	// Absolute is a calendar date, month or year, perhaps without its
	// year ("On 8 November") or a range of them.
	Absolute Kind = iota + 1
	// Relative is a distance from an anchor ("two days later") or a unit
	// next to it ("last week", "yesterday").
	Relative
	// Weekday is a day of the week with no date ("on Sunday").
	Weekday
	// Time is a time of day ("21:30", "10 a.m.", "midnight").
	Time
)

func (k Kind) String() string {
	switch k {
	case Absolute:
		return "absolute"
	case Relative:
		return "relative"
	case Weekday:
		return "weekday"
	case Time:
		return "time"
	}
	return "none"
}

// Expr is one expression of time found in a text.
type Expr struct {
	Start, End int // byte offsets of the expression
	Kind       Kind

	// Absolute: the date, 0 where the text does not say ("On 8
	// November": Year 0, Month 11, Day 8; "October 2019": Day 0).
	Year, Month, Day int
	// The end of a range ("15 to 16 January 2019"), filled in from the
	// start where the text shares it; all 0 when not a range.
	EndYear, EndMonth, EndDay int
	// Attributive marks a bare year before a noun ("the 2021 Erbil
	// rocket attacks"): it dates the noun, not the sentence.
	Attributive bool

	// Relative: Offset units ("day", "week", "month", "year", "hour") in
	// direction Dir (-1 before, +1 after, 0 the same unit).
	Offset int
	Unit   string
	Dir    int
	// Vague marks a distance with no number ("a few weeks later",
	// "days after", "in recent weeks"); Resolve does not resolve it.
	Vague bool
	// Period marks a whole calendar unit ("last week", "this month",
	// "the following year") rather than a distance ("a week later").
	Period bool
	// Deictic marks a phrase counted from the time of writing
	// ("yesterday", "two days ago", "last week", "on Sunday"), whose
	// anchor is the publication date, rather than from an event ("the day
	// before", "three days after the attack").
	Deictic bool

	// Weekday, when HasWeekday: "on Sunday", "Sunday, 7 November 2021".
	// For Kind Weekday, Dir is -1 for "last Friday", +1 for "next
	// Friday" or "the following Friday", 0 for "on Friday".
	Weekday    time.Weekday
	HasWeekday bool

	// Part is informative: "early", "mid", "late", "morning",
	// "afternoon", "evening", "night", a season, or two of them ("early
	// morning").
	Part string

	// Time: the hour (0-23) and minute.
	Hour, Minute int
}

// IsRange reports whether e has an end.
func (e Expr) IsRange() bool { return e.EndYear != 0 || e.EndMonth != 0 || e.EndDay != 0 }

// Find returns the expressions of time in s in order, each span within s
// and after the one before.
func Find(s string) []Expr {
	var out []Expr
	i := 0
	for i < len(s) {
		b := s[i]
		var t token
		switch {
		case isLetter(b):
			t = token{kind: tWord, start: i, end: wordEnd(s, i)}
		case isDigit(b):
			t = lexAt(s, i)
		case b < 0x80:
			i++ // spaces and marks open nothing
			continue
		default:
			t = lexAt(s, i)
		}
		try := false
		switch t.kind {
		case tNum:
			try = true
		case tWord:
			try = mayOpen(s, t)
		}
		if try {
			if e, next, ok := parse(cursor{s: s, pos: t.start}); ok {
				out = append(out, e)
				i = next.pos
				continue
			}
		}
		i = max(t.end, i+1)
	}
	return out
}

// mayOpen is the cheap test Find runs on each word: could an expression
// start here? Words such as "the" or "last" are tried only when the next
// word could continue one.
func mayOpen(s string, t token) bool {
	switch lex.opensWith(s[t.start:t.end]) {
	case opensAlone:
		return true
	case opensWithMore:
		n := lexAt(s, t.end)
		switch n.kind {
		case tNum:
			return true
		case tWord:
			return lex.isKnown(s[n.start:n.end])
		case tPunct:
			return n.r == '-' && !n.space
		}
	}
	return false
}
