package timex

import "testing"

// FuzzFind checks invariants on any input: no panic, spans within bounds
// and in order, dates that exist, ranges in order, and resolutions that
// give valid dates.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On 7 November 2021, November 7, 2021 and Nov. 7, 2021, 2021-11-07.",
		"from 15–16 January 2019, February–April 2018, from 2019 until 2021, (2013–17)",
		"31 December 2019 – 1 January 2020, October 26–27, 2019, the night of 5–6 May 2014",
		"two days before, the day before, A few weeks later, the next day, last week, yesterday",
		"early on Sunday, Sunday night, last Friday, Sunday, 7 November 2021, at 21:30, 10 a.m.",
		"mid-2016, late October, the 2021 Erbil rocket attacks, in 2014, 29 February",
	} {
		f.Add(s)
	}
	anchors := []Date{{2021, 11, 7}, {2020, 2, 29}, {2021, 11, 0}, {2021, 0, 0}, {}}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, e := range Find(s) {
			if e.Start < prev || e.End > len(s) || e.Start >= e.End {
				t.Fatalf("Find(%q): bad span %d..%d after %d", s, e.Start, e.End, prev)
			}
			prev = e.End
			checkExpr(t, s, e)
			for _, a := range anchors {
				for _, past := range []bool{true, false} {
					start, end, ok := e.Resolve(a, ResolveOptions{PastOnly: past})
					if !ok {
						continue
					}
					if !start.Valid() || !end.Valid() || start.Compare(end) > 0 {
						t.Fatalf("%q from %v: resolved to %v..%v", s[e.Start:e.End], a, start, end)
					}
				}
			}
		}
	})
}

func checkExpr(t *testing.T, s string, e Expr) {
	t.Helper()
	switch e.Kind {
	case Absolute:
		y := e.Year
		if y == 0 {
			y = 2000
		}
		if e.Month == 0 && e.Year == 0 {
			t.Fatalf("%q: absolute with neither year nor month: %+v", s, e)
		}
		if !(Date{y, e.Month, e.Day}).Valid() {
			t.Fatalf("%q: invalid date %+v", s, e)
		}
		if e.IsRange() {
			ey := e.EndYear
			if ey == 0 {
				ey = 2000
			}
			if !(Date{ey, e.EndMonth, e.EndDay}).Valid() {
				t.Fatalf("%q: invalid range end %+v", s, e)
			}
			if e.Year != 0 && (Date{e.Year, e.Month, e.Day}).Compare(Date{ey, e.EndMonth, e.EndDay}) > 0 {
				t.Fatalf("%q: range out of order %+v", s, e)
			}
		}
	case Relative:
		if e.Offset < 0 || e.Dir < -1 || e.Dir > 1 {
			t.Fatalf("%q: bad relative %+v", s, e)
		}
	case Weekday:
		if !e.HasWeekday || e.Weekday < 0 || e.Weekday > 6 {
			t.Fatalf("%q: bad weekday %+v", s, e)
		}
	case Time:
		if e.Hour < 0 || e.Hour > 23 || e.Minute < 0 || e.Minute > 59 {
			t.Fatalf("%q: bad time %+v", s, e)
		}
	default:
		t.Fatalf("%q: no kind %+v", s, e)
	}
}
