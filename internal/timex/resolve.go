package timex

import "time"

// ResolveOptions says how to read an expression against its anchor.
type ResolveOptions struct {
	// PastOnly reads the text as reporting the past, as news does: "on
	// Sunday" is the most recent Sunday on or before the anchor (or the
	// day after it, see NextDay), "On 8
	// November" without a year is in the anchor's year, or the year before
	// when that would be after the anchor. Without it, a weekday is the
	// nearest one (the past one on a tie) and a date without a year takes
	// the anchor's year.
	PastOnly bool
	// NextDay says, for a bare weekday in news (PastOnly, "early
	// Sunday"), whether the place the text reports on was already on the
	// day after the anchor when it was published: a report published on
	// Saturday evening in New York about "early Sunday" in Kabul. Its
	// zero value says that nobody knows, which leaves the weekday of the
	// anchor's next day with two readings (see Resolve).
	NextDay NextDay
}

// NextDay says whether the day after the publication date had begun at
// the place a report is about when it was published.
type NextDay uint8

const (
	// NextDayUnknown: the publication's UTC offset, or the place's time
	// zone, is not known, or the place's zones disagree.
	NextDayUnknown NextDay = iota
	// NextDayNo: the place was still on the publication date.
	NextDayNo
	// NextDayYes: the place was already on the day after; the publisher
	// is in a zone behind the place's.
	NextDayYes
)

// latestZone is the zone furthest ahead (Kiribati's Line Islands): where
// it is still the publication date, it is everywhere.
var latestZone = time.FixedZone("UTC+14", 14*60*60)

// NextDayAt says whether a report published at the moment published (with
// the publisher's offset; the zero Time when unknown) was published on the
// day after its date at a place in zones: each zone's local date of that
// moment counts, and they must all agree. Without zones, only a moment at
// which even the latest zone is still on the publication date is known
// (NextDayNo).
func NextDayAt(published time.Time, zones []*time.Location) NextDay {
	if published.IsZero() {
		return NextDayUnknown
	}
	day := dateOf(published)
	ahead := func(z *time.Location) bool { return dateOf(published.In(z)).Compare(day) > 0 }
	if len(zones) == 0 {
		if ahead(latestZone) {
			return NextDayUnknown
		}
		return NextDayNo
	}
	n := 0
	for _, z := range zones {
		if ahead(z) {
			n++
		}
	}
	switch n {
	case 0:
		return NextDayNo
	case len(zones):
		return NextDayYes
	}
	return NextDayUnknown
}

// Resolve turns e into the dates it names, given the anchor it is
// relative to: the publication date for deictic phrases ("on Sunday",
// "yesterday", "last week"), the date of the event for others ("the day
// before"). The dates carry the precision the text supports: "two months
// later" gives a month, "last week" the Monday to Sunday of that week.
// start and end are equal unless e names a range or a week.
//
// A bare weekday in news (PastOnly, Dir 0: "on Sunday", "early Sunday")
// is a day from the anchor − 6 to the anchor + 1: the most recent one
// on or before the date at the place when the report was published. So
// the weekday of the anchor's next day is the next day when
// opts.NextDay is NextDayYes, six days before when it is NextDayNo, and,
// when nobody knows, both: start is the anchor − 6 and end the anchor + 1,
// an interval rather than a confident wrong day. Every other weekday
// gives one day.
//
// It fails when the anchor is less precise than the phrase ("the next
// day" from an anchor known to the month), for vague phrases ("a few weeks
// later"), for times of day, and for dates that do not exist.
func (e Expr) Resolve(anchor Date, opts ResolveOptions) (start, end Date, ok bool) {
	switch e.Kind {
	case Absolute:
		return e.resolveAbsolute(anchor, opts)
	case Relative:
		return e.resolveRelative(anchor, opts)
	case Weekday:
		return e.resolveWeekday(anchor, opts)
	}
	return Date{}, Date{}, false
}

func (e Expr) resolveAbsolute(anchor Date, opts ResolveOptions) (start, end Date, ok bool) {
	start = Date{e.Year, e.Month, e.Day}
	end = start
	if e.IsRange() {
		end = Date{e.EndYear, e.EndMonth, e.EndDay}
	}
	if start.Year == 0 {
		if anchor.Year == 0 {
			return Date{}, Date{}, false
		}
		y := anchor.Year
		c := Date{y, start.Month, start.Day}.Compare(anchor)
		switch {
		case e.Dir < 0 && c >= 0, e.Dir == 0 && opts.PastOnly && c > 0:
			y-- // "last October", or news that would otherwise speak of the future
		case e.Dir > 0 && c <= 0:
			y++
		}
		start.Year = y
		if end.Year == 0 {
			end.Year = y
		}
	}
	if !start.Valid() || !end.Valid() || start.Compare(end) > 0 {
		return Date{}, Date{}, false
	}
	return start, end, true
}

func (e Expr) resolveRelative(anchor Date, opts ResolveOptions) (start, end Date, ok bool) {
	if e.Vague || !anchor.Valid() {
		return Date{}, Date{}, false
	}
	n := e.Offset * e.Dir
	switch e.Unit {
	case "hour":
		if anchor.Precision() != "day" {
			return Date{}, Date{}, false
		}
		// Counted from noon: "hours later" is most likely the same day.
		h := 12 + n
		days := h / 24
		if h < 0 && h%24 != 0 {
			days--
		}
		d := dateOf(timeOf(anchor).AddDate(0, 0, days))
		return d, d, true
	case "day":
		if anchor.Precision() != "day" {
			return Date{}, Date{}, false
		}
		d := dateOf(timeOf(anchor).AddDate(0, 0, n))
		return d, d, true
	case "week":
		if anchor.Precision() != "day" {
			return Date{}, Date{}, false
		}
		t := timeOf(anchor).AddDate(0, 0, 7*n)
		if !e.Period {
			d := dateOf(t)
			return d, d, true
		}
		monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		start, end = dateOf(monday), dateOf(monday.AddDate(0, 0, 6))
		if n == 0 && e.Dir < 0 || opts.PastOnly && end.Compare(anchor) > 0 {
			end = anchor // "earlier this week"
		}
		if n == 0 && e.Dir > 0 {
			start = anchor // "later this week"
		}
		if start.Compare(end) > 0 {
			return Date{}, Date{}, false
		}
		return start, end, true
	case "month":
		if anchor.Month == 0 {
			return Date{}, Date{}, false
		}
		t := time.Date(anchor.Year, time.Month(anchor.Month)+time.Month(n), 1, 12, 0, 0, 0, time.UTC)
		d := Date{t.Year(), int(t.Month()), 0}
		return d, d, d.Valid()
	case "year":
		d := Date{anchor.Year + n, 0, 0}
		return d, d, d.Valid()
	}
	return Date{}, Date{}, false
}

func (e Expr) resolveWeekday(anchor Date, opts ResolveOptions) (start, end Date, ok bool) {
	if anchor.Precision() != "day" || !anchor.Valid() {
		return Date{}, Date{}, false
	}
	a := timeOf(anchor)
	back := (int(a.Weekday()) - int(e.Weekday) + 7) % 7 // to the one on or before
	fwd := (int(e.Weekday) - int(a.Weekday()) + 7) % 7  // to the one on or after
	var days int
	switch {
	case e.Dir < 0:
		if back == 0 {
			back = 7
		}
		days = -back
	case e.Dir > 0:
		if fwd == 0 {
			fwd = 7
		}
		days = fwd
	case opts.PastOnly && back == 6:
		// the weekday of the anchor's next day: that day where it had
		// already begun, else six days before
		switch opts.NextDay {
		case NextDayYes:
			days = 1
		case NextDayNo:
			days = -6
		default:
			return dateOf(a.AddDate(0, 0, -6)), dateOf(a.AddDate(0, 0, 1)), true
		}
	case opts.PastOnly || back <= fwd:
		days = -back
	default:
		days = fwd
	}
	d := dateOf(a.AddDate(0, 0, days))
	return d, d, true
}
