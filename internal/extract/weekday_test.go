package extract

import (
	"strings"
	"testing"
)

// TestWeekdayAcrossTimeZones: a weekday in a report is a day from the
// publication date − 6 to the publication date + 1. The next day is chosen
// when the moment of publication (with its offset) was already that day at
// the place reported on; without the offset, both readings stay, as an
// interval with its reason.
func TestWeekdayAcrossTimeZones(t *testing.T) {
	kabul := func(when string) string {
		return "A suicide bomber killed 12 people at a mosque in Kabul, Afghanistan, " + when + "."
	}
	tests := []struct {
		name, published, text string
		start, end            string
		note                  bool
	}{
		{"New York, Saturday evening: Sunday in Kabul had begun",
			"2021-11-06T22:30:00-05:00", kabul("early Sunday"), "2021-11-07", "2021-11-07", false},
		{"Kabul, Saturday evening: Sunday had not come",
			"2021-11-06T22:30:00+04:30", kabul("early Sunday"), "2021-10-31", "2021-10-31", false},
		{"no offset: both readings",
			"2021-11-06", kabul("early Sunday"), "2021-10-31", "2021-11-07", true},
		{"no offset, another weekday: one day",
			"2021-11-06", kabul("on Friday"), "2021-11-05", "2021-11-05", false},
		{"with an offset, another weekday: unchanged",
			"2021-11-06T22:30:00-05:00", kabul("on Friday"), "2021-11-05", "2021-11-05", false},
		{"the publication's own weekday stays that day",
			"2021-11-06T22:30:00-05:00", kabul("on Saturday"), "2021-11-06", "2021-11-06", false},
		{"Honolulu, Saturday morning: Sunday in Auckland, across the date line",
			"2021-11-06T08:00:00-10:00", "A gunman killed three people at a market in Auckland, New Zealand, on Sunday.", "2021-11-07", "2021-11-07", false},
		{"Auckland, Sunday morning: Monday had not come in Honolulu",
			"2021-11-07T08:00:00+13:00", "A gunman killed three people at a market in Honolulu, Hawaii, on Monday.", "2021-11-01", "2021-11-01", false},
		{"Los Angeles, Saturday night: Sunday in Brooklyn",
			"2021-11-06T23:30:00-07:00", "A gunman killed three people at a bar in Brooklyn, New York, early Sunday.", "2021-11-07", "2021-11-07", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := extractText(t, "Published: "+tc.published+"\n\n"+tc.text+"\n").Main()
			if m.Date == nil || m.Date.Start != tc.start || m.Date.End != tc.end {
				t.Fatalf("date %+v, want %s..%s", m.Date, tc.start, tc.end)
			}
			note := ""
			for _, ev := range m.Evidence {
				if ev.Field == "date" {
					note = ev.Note
				}
			}
			if (note != "") != tc.note || tc.note && !strings.Contains(note, tc.start) {
				t.Errorf("date evidence note %q, want one: %v", note, tc.note)
			}
		})
	}
}
