package timex

import (
	"fmt"
	"time"
)

// Date is a calendar date at the precision a text supports: Month and Day
// are 0 when unknown.
type Date struct {
	Year, Month, Day int
}

// Precision returns "day", "month", "year", or "" for the zero Date.
func (d Date) Precision() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return "year"
	case d.Day == 0:
		return "month"
	}
	return "day"
}

// String writes d in ISO 8601 at its precision: "2021-11-07", "2021-11",
// "2021", or "" for the zero Date.
func (d Date) String() string {
	switch d.Precision() {
	case "day":
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case "month":
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case "year":
		return fmt.Sprintf("%04d", d.Year)
	}
	return ""
}

// Valid reports whether d is a real date at its precision, with a year
// from 1 to 9999.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 {
		return false
	}
	if d.Month == 0 {
		return d.Day == 0
	}
	if d.Month < 1 || d.Month > 12 {
		return false
	}
	return d.Day == 0 || (d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month))
}

// ParseDate reads an ISO 8601 date at any precision: "2021-11-07",
// "2021-11" or "2021".
func ParseDate(s string) (Date, bool) {
	num := func(s string) (int, bool) {
		if s == "" {
			return 0, false
		}
		n := 0
		for i := 0; i < len(s); i++ {
			if !isDigit(s[i]) {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	var d Date
	var ok bool
	switch len(s) {
	case 4:
		d.Year, ok = num(s)
	case 7:
		if s[4] != '-' {
			return Date{}, false
		}
		if d.Year, ok = num(s[:4]); ok {
			d.Month, ok = num(s[5:])
		}
	case 10:
		if s[4] != '-' || s[7] != '-' {
			return Date{}, false
		}
		if d.Year, ok = num(s[:4]); ok {
			if d.Month, ok = num(s[5:7]); ok {
				d.Day, ok = num(s[8:])
			}
		}
	}
	if !ok || !d.Valid() {
		return Date{}, false
	}
	return d, true
}

// Compare compares a and b on the fields both know: -1, 0 or +1.
func (d Date) Compare(b Date) int {
	c := func(x, y int) int {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	if r := c(d.Year, b.Year); r != 0 {
		return r
	}
	if d.Month == 0 || b.Month == 0 {
		return 0
	}
	if r := c(d.Month, b.Month); r != 0 {
		return r
	}
	if d.Day == 0 || b.Day == 0 {
		return 0
	}
	return c(d.Day, b.Day)
}

// DaysIn is the number of days of a month (29 in February of year 0, a
// year not known).
func DaysIn(year, month int) int {
	switch month {
	case 2:
		if year == 0 || (year%4 == 0 && (year%100 != 0 || year%400 == 0)) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DaysBetween is the number of days from a to b (negative when b comes
// first), when both dates have a day.
func DaysBetween(a, b Date) (int, bool) {
	if a.Day == 0 || b.Day == 0 || a.Month == 0 || b.Month == 0 {
		return 0, false
	}
	return int(timeOf(b).Sub(timeOf(a)).Hours() / 24), true
}

// timeOf and dateOf convert between Date and time.Time at noon UTC, which
// keeps day arithmetic clear of time zones.
func timeOf(d Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC)
}

func dateOf(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day()} }
