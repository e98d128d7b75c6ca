package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// describe writes an expression compactly for table tests.
func describe(s string, e Expr) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %s", s[e.Start:e.End], e.Kind)
	switch e.Kind {
	case Absolute:
		fmt.Fprintf(&b, " %d-%d-%d", e.Year, e.Month, e.Day)
		if e.IsRange() {
			fmt.Fprintf(&b, "..%d-%d-%d", e.EndYear, e.EndMonth, e.EndDay)
		}
	case Relative:
		fmt.Fprintf(&b, " %+d*%d %s", e.Dir, e.Offset, e.Unit)
	case Time:
		fmt.Fprintf(&b, " %02d:%02d", e.Hour, e.Minute)
	}
	if e.HasWeekday {
		fmt.Fprintf(&b, " %s", e.Weekday)
		if e.Kind == Weekday && e.Dir != 0 {
			fmt.Fprintf(&b, " %+d", e.Dir)
		}
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{e.Vague, "vague"}, {e.Period, "period"}, {e.Deictic, "deictic"}, {e.Attributive, "attributive"}} {
		if f.on {
			b.WriteString(" " + f.name)
		}
	}
	if e.Part != "" {
		fmt.Fprintf(&b, " part=%s", e.Part)
	}
	return b.String()
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"day month year", "On 7 November 2021, drones", []string{`"7 November 2021" absolute 2021-11-7`}},
		{"holiday", "killed in Nigeria on Christmas eve, officials said", []string{`"Christmas eve" absolute 0-12-24`}},
		{"holiday with its year", "since New Year's Day 2016", []string{`"New Year's Day 2016" absolute 2016-1-1`}},
		{"holiday with a part", "killed late on Christmas Eve", []string{`"late on Christmas Eve" absolute 0-12-24 part=late`}},
		{"holiday as a word", "Christmas eve shoppers filled the market", nil},
		{"holiday in lower case", "on christmas eve", nil},
		{"month day year", "on November 7, 2021, at", []string{`"November 7, 2021" absolute 2021-11-7`}},
		{"abbreviated month", "Nov. 7, 2021", []string{`"Nov. 7, 2021" absolute 2021-11-7`}},
		{"ordinal day", "on 7th November 2021", []string{`"7th November 2021" absolute 2021-11-7`}},
		{"the nth of", "on the 7th of November", []string{`"the 7th of November" absolute 0-11-7`}},
		{"iso", "Published: 2021-11-07", []string{`"2021-11-07" absolute 2021-11-7`}},
		{"day/month name/year", "World Sunday 7/Nov/2021 17:35 PM", []string{`"Sunday 7/Nov/2021" absolute 2021-11-7 Sunday`}},
		{"day-month name-year", "Updated 7-November-2021", []string{`"7-November-2021" absolute 2021-11-7`}},
		{"no year", "On 8 November, a pair", []string{`"8 November" absolute 0-11-8`}},
		{"day month, year", "men and boys on 3 August, 1990.", []string{`"3 August, 1990" absolute 1990-8-3`}},
		{"two days of a month", "On September 3 and 5, 2020, militants", []string{`"September 3 and 5, 2020" absolute 2020-9-3..2020-9-5`}},
		{"two days, then a count", "On September 3 and 5 people", []string{`"September 3" absolute 0-9-3`}},
		{"day month, count", "On 3 August, 2000 people marched", []string{`"3 August" absolute 0-8-3`}},
		{"month year", "In October 2019, protests", []string{`"October 2019" absolute 2019-10-0`}},
		{"month day", "On May 25, 2012, in", []string{`"May 25, 2012" absolute 2012-5-25`}},
		{"full stop after May", "on 7 May. Zanna", []string{`"7 May" absolute 0-5-7`}},
		{"year in", "in 2014 he founded", []string{`"2014" absolute 2014-0-0`}},
		{"year sentence start", "In 2018, he joined", []string{`"2018" absolute 2018-0-0`}},
		{"year since", "since 2003", []string{`"2003" absolute 2003-0-0`}},
		{"year after a quote", "“In 2019, the group", []string{`"2019" absolute 2019-0-0`}},
		{"year after a non-latin word", "حولة 2019", nil},
		{"year of", "the elections of 2021.", []string{`"2021" absolute 2021-0-0`}},
		{"year attributive", "the 2021 Erbil rocket attacks", []string{`"2021" absolute 2021-0-0 attributive`}},
		{"year title", "2021 Erbil rocket attacks", []string{`"2021" absolute 2021-0-0 attributive`}},
		{"year infobox", "Date: 2019", []string{`"2019" absolute 2019-0-0`}},
		{"year count", "2000 people marched", nil},
		{"year after count", "killed 2014 people", nil},
		{"decade", "in the 1980s", nil},
		{"mid year", "mid-2016", []string{`"mid-2016" absolute 2016-0-0 part=mid`}},
		{"late month", "in late October, protesters", []string{`"late October" absolute 0-10-0 part=late`}},
		{"month in", "In February, the", []string{`"February" absolute 0-2-0`}},
		{"month without context", "the May God", nil},
		{"lower-case may", "they may 10 times", nil},
		{"end of", "by the end of 2019", []string{`"the end of 2019" absolute 2019-0-0 part=late`}},
		{"summer", "in summer 2019", []string{`"summer 2019" absolute 2019-0-0 part=summer`}},
		{"range days to", "15 to 16 January 2019", []string{`"15 to 16 January 2019" absolute 2019-1-15..2019-1-16`}},
		{"range days dash from", "from 15–16 January 2019 in", []string{`"from 15–16 January 2019" absolute 2019-1-15..2019-1-16`}},
		{"range days hyphen", "21-24 September 2013", []string{`"21-24 September 2013" absolute 2013-9-21..2013-9-24`}},
		{"range across years", "31 December 2019 – 1 January 2020", []string{`"31 December 2019 – 1 January 2020" absolute 2019-12-31..2020-1-1`}},
		{"range across months", "21 September – 4 October 2013", []string{`"21 September – 4 October 2013" absolute 2013-9-21..2013-10-4`}},
		{"range inferred year", "30 December – 2 January 2020", []string{`"30 December – 2 January 2020" absolute 2019-12-30..2020-1-2`}},
		{"range month first", "October 26–27, 2019", []string{`"October 26–27, 2019" absolute 2019-10-26..2019-10-27`}},
		{"range months", "February–April 2018", []string{`"February–April 2018" absolute 2018-2-0..2018-4-0`}},
		{"range years until", "from 2019 until 2021", []string{`"from 2019 until 2021" absolute 2019-0-0..2021-0-0`}},
		{"range years between", "between 2019 and 2021", []string{`"between 2019 and 2021" absolute 2019-0-0..2021-0-0`}},
		{"range short year", "(2013–17)", []string{`"2013–17" absolute 2013-0-0..2017-0-0`}},
		{"range night of", "On the night of 5–6 May 2014", []string{`"the night of 5–6 May 2014" absolute 2014-5-5..2014-5-6 part=night`}},
		{"range of counts", "1000–2000 people", nil},
		{"backwards range", "16–15 January 2019", []string{`"15 January 2019" absolute 2019-1-15`}},
		{"invalid date keeps the month", "31 February 2021", []string{`"February 2021" absolute 2021-2-0`}},
		{"weekday", "reported dead Sunday, in a", []string{`"Sunday" weekday Sunday deictic`}},
		{"weekday early on", "early on Sunday", []string{`"early on Sunday" weekday Sunday deictic part=early`}},
		{"weekday night", "on Sunday night", []string{`"Sunday night" weekday Sunday deictic part=night`}},
		{"weekday possessive", "Friday's attack", []string{`"Friday" weekday Friday deictic`}},
		{"last weekday", "last Friday", []string{`"last Friday" weekday Friday -1 deictic`}},
		{"following weekday", "the following Friday", []string{`"the following Friday" weekday Friday +1`}},
		{"weekday with date", "Sunday, 7 November 2021", []string{`"Sunday, 7 November 2021" absolute 2021-11-7 Sunday`}},
		{"two days before", "two days before the attack", []string{`"two days before" relative -1*2 day`}},
		{"figures days after", "3 days after the attack", []string{`"3 days after" relative +1*3 day`}},
		{"the day before", "the day before the drones", []string{`"the day before" relative -1*1 day`}},
		{"a few weeks later", "A few weeks later, Sadr", []string{`"A few weeks later" relative +1*0 week vague`}},
		{"hours later", "hours later", []string{`"hours later" relative +1*0 hour vague`}},
		{"the next day", "The next day, Blackwater", []string{`"The next day" relative +1*1 day`}},
		{"next day", "laid to rest next day", []string{`"next day" relative +1*1 day`}},
		{"the following morning", "the following morning", []string{`"the following morning" relative +1*1 day part=morning`}},
		{"the same day", "On the same day, it", []string{`"the same day" relative +0*0 day`}},
		{"later that day", "later that day", []string{`"later that day" relative +1*0 day`}},
		{"that night", "that night", []string{`"that night" relative +0*0 day part=night`}},
		{"last week", "last week", []string{`"last week" relative -1*1 week period deictic`}},
		{"this week", "this week", []string{`"this week" relative +0*0 week period deictic`}},
		{"earlier this month", "earlier this month", []string{`"earlier this month" relative -1*0 month period deictic`}},
		{"the following year", "the following year", []string{`"the following year" relative +1*1 year period`}},
		{"yesterday", "yesterday", []string{`"yesterday" relative -1*1 day deictic`}},
		{"yesterday morning", "yesterday morning", []string{`"yesterday morning" relative -1*1 day deictic part=morning`}},
		{"last night", "last night", []string{`"last night" relative -1*1 day deictic part=night`}},
		{"two days ago", "two days ago", []string{`"two days ago" relative -1*2 day deictic`}},
		{"in recent weeks", "in recent weeks", []string{`"in recent weeks" relative -1*0 week vague deictic`}},
		{"duration is not", "three days of mourning", nil},
		{"compound is not", "a 3-day siege later", nil},
		{"time 24h", "at 21:30 local time", []string{`"21:30" time 21:30`}},
		{"time am", "at around 10 a.m. local", []string{`"10 a.m." time 10:00`}},
		{"time glued pm", "9:30p.m. (local time", []string{`"9:30p.m." time 21:30`}},
		{"time upper", "11:00 A.M. The", []string{`"11:00 A.M." time 11:00`}},
		{"time dotted", "7.50 am", []string{`"7.50 am" time 07:50`}},
		{"decimal is not time", "1.30 metres", nil},
		{"midnight", "at midnight", []string{`"midnight" time 00:00`}},
		{"counts are not", "38 people were killed in 2 attacks", nil},
		{"fraction", "on 9/11", nil},
		{"model", "an MQ-9 Reaper", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range Find(tt.in) {
				got = append(got, describe(tt.in, e))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	sunday := Date{2021, 11, 7} // a Sunday
	tests := []struct {
		name       string
		in         string
		anchor     Date
		pastOnly   bool
		start, end string // "" when not ok
	}{
		{"full date", "7 November 2021", sunday, true, "2021-11-07", "2021-11-07"},
		{"no year takes the anchor's", "On 8 November", Date{2021, 11, 20}, true, "2021-11-08", "2021-11-08"},
		{"no year in the future goes back", "On 8 November", Date{2021, 11, 7}, true, "2020-11-08", "2020-11-08"},
		{"no year not past only", "On 8 November", Date{2021, 11, 7}, false, "2021-11-08", "2021-11-08"},
		{"month year", "October 2019", sunday, true, "2019-10", "2019-10"},
		{"month only", "in late October", sunday, true, "2021-10", "2021-10"},
		{"range", "15–16 January 2019", sunday, true, "2019-01-15", "2019-01-16"},
		{"year range", "from 2019 until 2021", sunday, true, "2019", "2021"},
		{"29 February in a leap year", "29 February", Date{2020, 3, 1}, true, "2020-02-29", "2020-02-29"},
		{"29 February not in a leap year", "29 February", Date{2021, 3, 1}, true, "", ""},
		{"no anchor", "On 8 November", Date{}, true, "", ""},
		{"on Sunday past only, on a Sunday", "on Sunday", sunday, true, "2021-11-07", "2021-11-07"},
		{"on Friday past only", "on Friday", sunday, true, "2021-11-05", "2021-11-05"},
		{"on Monday past only: last Monday or tomorrow's", "on Monday", sunday, true, "2021-11-01", "2021-11-08"},
		{"on Monday nearest", "on Monday", sunday, false, "2021-11-08", "2021-11-08"},
		{"last Sunday", "last Sunday", sunday, true, "2021-10-31", "2021-10-31"},
		{"next Monday", "next Monday", sunday, true, "2021-11-08", "2021-11-08"},
		{"weekday needs a day", "on Sunday", Date{2021, 11, 0}, true, "", ""},
		{"yesterday", "yesterday", sunday, true, "2021-11-06", "2021-11-06"},
		{"two days before", "two days before", sunday, true, "2021-11-05", "2021-11-05"},
		{"the next day across a month", "the next day", Date{2021, 10, 31}, true, "2021-11-01", "2021-11-01"},
		{"the next day needs a day", "the next day", Date{2021, 10, 0}, true, "", ""},
		{"a week later", "a week later", sunday, true, "2021-11-14", "2021-11-14"},
		{"last week", "last week", sunday, true, "2021-10-25", "2021-10-31"},
		{"this week past only", "this week", Date{2021, 11, 3}, true, "2021-11-01", "2021-11-03"},
		{"earlier this month", "earlier this month", sunday, true, "2021-11", "2021-11"},
		{"two months later", "two months later", sunday, true, "2022-01", "2022-01"},
		{"last year", "last year", sunday, true, "2020", "2020"},
		{"the following year", "the following year", Date{2021, 0, 0}, true, "2022", "2022"},
		{"hours later", "three hours later", sunday, true, "2021-11-07", "2021-11-07"},
		{"vague", "a few weeks later", sunday, true, "", ""},
		{"time", "21:30", sunday, true, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkResolve(t, tt.in, tt.anchor, ResolveOptions{PastOnly: tt.pastOnly}, tt.start, tt.end)
		})
	}
}

// checkResolve resolves the one expression of in; start and end are ""
// when it must fail.
func checkResolve(t *testing.T, in string, anchor Date, opts ResolveOptions, wantStart, wantEnd string) {
	t.Helper()
	es := Find(in)
	if len(es) != 1 {
		t.Fatalf("Find(%q) = %d expressions, want 1", in, len(es))
	}
	start, end, ok := es[0].Resolve(anchor, opts)
	if !ok {
		start, end = Date{}, Date{}
	}
	if start.String() != wantStart || end.String() != wantEnd || ok != (wantStart != "") {
		t.Errorf("%q from %s: got %s..%s ok=%v, want %s..%s", in, anchor, start, end, ok, wantStart, wantEnd)
	}
}

func TestDate(t *testing.T) {
	for _, tt := range []struct {
		in        string
		ok        bool
		precision string
	}{
		{"2021-11-07", true, "day"},
		{"2021-11", true, "month"},
		{"2021", true, "year"},
		{"2021-02-29", false, ""},
		{"2020-02-29", true, "day"},
		{"2021-13", false, ""},
		{"21-11-07", false, ""},
		{"2021/11/07", false, ""},
	} {
		d, ok := ParseDate(tt.in)
		if ok != tt.ok || d.Precision() != tt.precision || (ok && d.String() != tt.in) {
			t.Errorf("ParseDate(%q) = %v (%s), %v", tt.in, d, d.Precision(), ok)
		}
	}
	if got := (Date{2021, 11, 7}).Compare(Date{2021, 11, 0}); got != 0 {
		t.Errorf("Compare at month precision = %d, want 0", got)
	}
	if time.Weekday(0) != time.Sunday {
		t.Fatal("weekday values in the timex pack file assume Sunday is 0")
	}
}
