package timex

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on machines without a zoneinfo database
)

// TestWeekdayNextDay: a bare weekday in news is a day from the anchor − 6
// to the anchor + 1; which of the two a weekday names when it is the
// anchor's next day's depends on whether that day had begun at the place.
func TestWeekdayNextDay(t *testing.T) {
	saturday := Date{2021, 11, 6}
	tests := []struct {
		name       string
		in         string
		next       NextDay
		pastOnly   bool
		start, end string
	}{
		{"the next day had begun at the place", "early Sunday", NextDayYes, true, "2021-11-07", "2021-11-07"},
		{"it had not", "early Sunday", NextDayNo, true, "2021-10-31", "2021-10-31"},
		{"nobody knows: both readings", "early Sunday", NextDayUnknown, true, "2021-10-31", "2021-11-07"},
		{"the anchor's own weekday, next day begun", "on Saturday", NextDayYes, true, "2021-11-06", "2021-11-06"},
		{"the anchor's own weekday, unknown", "on Saturday", NextDayUnknown, true, "2021-11-06", "2021-11-06"},
		{"another weekday, next day begun", "on Friday", NextDayYes, true, "2021-11-05", "2021-11-05"},
		{"another weekday, unknown", "on Wednesday", NextDayUnknown, true, "2021-11-03", "2021-11-03"},
		{"last Sunday is last week's", "last Sunday", NextDayYes, true, "2021-10-31", "2021-10-31"},
		{"not news: the nearest", "on Sunday", NextDayUnknown, false, "2021-11-07", "2021-11-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkResolve(t, tt.in, saturday, ResolveOptions{PastOnly: tt.pastOnly, NextDay: tt.next}, tt.start, tt.end)
		})
	}
}

// TestNextDayAt works out, on both sides of the date line, what day it
// already was at the place when a report was published.
func TestNextDayAt(t *testing.T) {
	zone := func(name string) *time.Location {
		t.Helper()
		l, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	kabul, newYork, chicago, la := zone("Asia/Kabul"), zone("America/New_York"), zone("America/Chicago"), zone("America/Los_Angeles")
	auckland, honolulu := zone("Pacific/Auckland"), zone("Pacific/Honolulu")
	tests := []struct {
		name      string
		published time.Time
		zones     []*time.Location
		want      NextDay
	}{
		// New York, Saturday 22:30 = Sunday 08:00 in Kabul: "early Sunday" is tomorrow's
		{"New York evening, Kabul", at("2021-11-06T22:30:00-05:00"), []*time.Location{kabul}, NextDayYes},
		// Kabul, Saturday 22:30, about Kabul: Sunday has not come
		{"Kabul evening, Kabul", at("2021-11-06T22:30:00+04:30"), []*time.Location{kabul}, NextDayNo},
		// New York, Saturday morning: still Saturday in Kabul
		{"New York morning, Kabul", at("2021-11-06T09:00:00-05:00"), []*time.Location{kabul}, NextDayNo},
		// Honolulu, Saturday 08:00 = Sunday 07:00 in Auckland (summer time, +13)
		{"Honolulu morning, Auckland across the date line", at("2021-11-06T08:00:00-10:00"), []*time.Location{auckland}, NextDayYes},
		// Auckland, Sunday 08:00 = Saturday 09:00 in Honolulu: a day behind, never ahead
		{"Auckland morning, Honolulu across the date line", at("2021-11-07T08:00:00+13:00"), []*time.Location{honolulu}, NextDayNo},
		// Los Angeles, Saturday 23:30 (summer time, -07:00) = Sunday 02:30 in New York
		{"Los Angeles late, New York", at("2021-11-06T23:30:00-07:00"), []*time.Location{newYork}, NextDayYes},
		{"Los Angeles late, the zones of the United States disagree", at("2021-11-06T23:30:00-07:00"), []*time.Location{newYork, chicago, la}, NextDayUnknown},
		{"New York late, no zone of the United States is ahead", at("2021-11-06T23:30:00-04:00"), []*time.Location{newYork, chicago, la}, NextDayNo},
		{"offset unknown", time.Time{}, []*time.Location{kabul}, NextDayUnknown},
		// without the place's zone, only the latest zone on Earth (+14) tells
		{"zone unknown, still the same day everywhere", at("2021-11-07T00:30:00+03:00"), nil, NextDayNo},
		{"zone unknown, the next day somewhere", at("2021-11-06T22:30:00-05:00"), nil, NextDayUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NextDayAt(tt.published, tt.zones); got != tt.want {
				t.Errorf("NextDayAt(%s) = %d, want %d", tt.published.Format(time.RFC3339), got, tt.want)
			}
		})
	}
}
