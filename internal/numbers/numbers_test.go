package numbers

import (
	"fmt"
	"strings"
	"testing"
)

// want is a quantity in a test table: the text it spans and its interval.
// Max -1 means open.
type want struct {
	text     string
	min, max int
	flags    string // any of "approx", "vague", "year", or "unit=NAME"
}

func (w want) String() string { return fmt.Sprintf("%q %d..%d %s", w.text, w.min, w.max, w.flags) }

func got(s string, q Quantity) want {
	w := want{text: s[q.Start:q.End], min: q.Min, max: q.Max}
	if q.Open {
		w.max = -1
	}
	var f []string
	if q.Approx {
		f = append(f, "approx")
	}
	if q.Vague {
		f = append(f, "vague")
	}
	if q.Year {
		f = append(f, "year")
	}
	if q.Unit != "" {
		f = append(f, "unit="+q.Unit)
	}
	w.flags = strings.Join(f, " ")
	return w
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"figures", "The attacks left 74 dead and 85 injured.", []want{{"74", 74, 74, ""}, {"85", 85, 85, ""}}},
		{"thousands separator", "attended by 1,500 people", []want{{"1,500", 1500, 1500, ""}}},
		{"no-break space separator", "some 1\u00a0200 people", []want{{"some 1\u00a0200", 1200, 1200, "approx"}}},
		{"words", "eleven dead", []want{{"eleven", 11, 11, ""}}},
		{"hyphenated words", "seventy-five people", []want{{"seventy-five", 75, 75, ""}}},
		{"capitalised with space", "Thirty eight people were martyred", []want{{"Thirty eight", 38, 38, ""}}},
		{"hundred and", "two hundred and fifty people", []want{{"two hundred and fifty", 250, 250, ""}}},
		{"a hundred", "more than a hundred people", []want{{"more than a hundred", 101, -1, ""}}},
		{"a dozen", "a dozen soldiers", []want{{"a dozen", 12, 12, ""}}},
		{"two dozen", "two dozen soldiers", []want{{"two dozen", 24, 24, ""}}},
		{"half a dozen", "half a dozen soldiers", []want{{"half a dozen", 6, 6, ""}}},
		{"decimal million", "1.5 million people fled", []want{{"1.5 million", 1500000, 1500000, ""}}},
		{"thousand words", "three thousand five hundred", []want{{"three thousand five hundred", 3500, 3500, ""}}},
		{"range words to", "one to two people", []want{{"one to two", 1, 2, ""}}},
		{"range between", "between 200 and 300 people", []want{{"between 200 and 300", 200, 300, ""}}},
		{"range between dash", "Between 43-50 civilians", []want{{"Between 43-50", 43, 50, ""}}},
		{"range between en dash", "between 80–150 civilians", []want{{"between 80–150", 80, 150, ""}}},
		{"range hyphen", "200-300 people", []want{{"200-300", 200, 300, ""}}},
		{"range en dash", "41–49 reported", []want{{"41–49", 41, 49, ""}}},
		{"range spaced hyphen", "41 - 80 confirmed", []want{{"41 - 80", 41, 80, ""}}},
		{"range to", "around 150 to 200 people were waiting", []want{{"around 150 to 200", 150, 200, "approx"}}},
		{"range or", "two or three", []want{{"two or three", 2, 3, ""}}},
		{"range shared scale", "between two and three thousand", []want{{"between two and three thousand", 2000, 3000, ""}}},
		{"range then plus", "10–50+", []want{{"10–50+", 10, -1, ""}}},
		{"not a range backwards", "a 3-1 win", []want{{"3", 3, 3, ""}}},
		{"at least", "At least nine people", []want{{"At least nine", 9, -1, ""}}},
		{"at least figures", "at least 325", []want{{"at least 325", 325, -1, ""}}},
		{"more than", "more than 125 injured", []want{{"more than 125", 126, -1, ""}}},
		{"over", "over 30 injured", []want{{"over 30", 31, -1, ""}}},
		{"upwards of", "upwards of 30", []want{{"upwards of 30", 31, -1, ""}}},
		{"in excess of", "in excess of 30", []want{{"in excess of 30", 31, -1, ""}}},
		{"plus sign", "325+ dead", []want{{"325+", 325, -1, ""}}},
		{"or more", "40 or more", []want{{"40 or more", 40, -1, ""}}},
		{"hyphen plus", "50-plus", []want{{"50-plus", 50, -1, ""}}},
		{"odd", "40-odd", []want{{"40-odd", 40, -1, "approx"}}},
		{"nearly", "nearly 40 people", []want{{"nearly 40", 40, 40, "approx"}}},
		{"almost", "almost 40 people", []want{{"almost 40", 40, 40, "approx"}}},
		{"about", "about 40 people", []want{{"about 40", 40, 40, "approx"}}},
		{"an estimated", "an estimated 400", []want{{"an estimated 400", 400, 400, "approx"}}},
		{"tilde", "~30", []want{{"~30", 30, 30, "approx"}}},
		{"or so", "some ten or so people", []want{{"some ten or so", 10, 10, "approx"}}},
		{"up to", "up to 20 people", []want{{"up to 20", 1, 20, ""}}},
		{"as many as", "as many as 20 people", []want{{"as many as 20", 1, 20, ""}}},
		{"fewer than", "fewer than 10 people", []want{{"fewer than 10", 0, 9, ""}}},
		{"less than", "less than 10 people", []want{{"less than 10", 0, 9, ""}}},
		{"at most", "at most 10 people", []want{{"at most 10", 0, 10, ""}}},
		{"dozens", "dozens of people", []want{{"dozens", 24, -1, "vague"}}},
		{"several", "several residents", []want{{"several", 3, -1, "vague"}}},
		{"hundreds", "hundreds of congregants", []want{{"hundreds", 200, -1, "vague"}}},
		{"scores of", "scores of people", []want{{"scores", 40, -1, "vague"}}},
		{"scores more", "injuring scores more", []want{{"scores", 40, -1, "vague"}}},
		{"test scores are not", "the test scores improved", nil},
		{"a few", "a few people", []want{{"a few", 2, -1, "vague"}}},
		{"many", "many of the victims", []want{{"many", 3, -1, "vague"}}},
		{"tens of thousands", "tens of thousands fled", []want{{"tens of thousands", 20000, -1, "vague"}}},
		{"several dozen", "several dozen people", []want{{"several dozen", 36, -1, "vague"}}},
		{"at least a dozen", "at least a dozen", []want{{"at least a dozen", 12, -1, ""}}},
		{"no one", "No one was injured.", []want{{"No one", 0, 0, ""}}},
		{"nobody", "nobody was hurt", []want{{"nobody", 0, 0, ""}}},
		{"no casualties", "there were no casualties", []want{{"no casualties", 0, 0, ""}}},
		{"no alone is not zero", "no evidence", nil},
		{"a man is not a count", "a man was killed", nil},
		{"ordinal figures", "the 13th victim", nil},
		{"ordinal words", "the third attack", nil},
		{"decade", "the 1980s", nil},
		{"decade apostrophe", "the 1980's", nil},
		{"year attributive", "the 1980 Oktoberfest bombing", []want{{"1980", 1980, 1980, "year"}}},
		{"year in", "In 2018, the group", []want{{"2018", 2018, 2018, "year"}}},
		{"year-like count", "2000 people marched", []want{{"2000", 2000, 2000, ""}}},
		{"year range", "from 2003 to 2017", []want{{"2003 to 2017", 2003, 2017, "year"}}},
		{"time colon", "at 21:30 local time", []want{{"21:30", 21, 21, "unit=time"}}},
		{"time am", "at 10 a.m. on Sunday", []want{{"10", 10, 10, "unit=time"}}},
		{"time glued pm", "at 9:30p.m.", []want{{"9:30p.m.", 9, 9, "unit=time"}}},
		{"percent sign", "30% of voters", []want{{"30", 30, 30, "unit=percent"}}},
		{"percent word", "30 per cent", []want{{"30", 30, 30, "unit=percent"}}},
		{"money", "$5 million in aid", []want{{"$5 million", 5000000, 5000000, "unit=money"}}},
		{"money word", "5 million dollars", []want{{"5 million", 5000000, 5000000, "unit=money"}}},
		{"age", "a 24-year-old man", []want{{"24", 24, 24, "unit=age"}}},
		{"age words", "a twenty-four-year-old man", []want{{"twenty-four", 24, 24, "unit=age"}}},
		{"age aged", "a man aged 24", []want{{"24", 24, 24, "unit=age"}}},
		{"duration", "three days of mourning", []want{{"three", 3, 3, "unit=duration"}}},
		{"modifier", "a two-storey building", []want{{"two", 2, 2, "unit=modifier"}}},
		{"strong is a count", "a 500-strong force", []want{{"500", 500, 500, ""}}},
		{"weight glued", "nearly 50kg of explosives", []want{{"nearly 50", 50, 50, "approx unit=weight"}}},
		{"length decimal", "a 7.62 mm round", []want{{"7.62", 7, 7, "unit=length"}}},
		{"decimal alone", "a 2.5 rating", nil},
		{"day of month", "On 8 November 38 people", []want{{"8", 8, 8, "unit=date"}, {"38", 38, 38, ""}}},
		{"month day year", "November 7, 2021", []want{{"7", 7, 7, "unit=date"}, {"2021", 2021, 2021, "year"}}},
		{"iso date", "2021-11-07", []want{{"2021-11-07", 2021, 2021, "unit=date"}}},
		{"label word", "Flight 370", []want{{"370", 370, 370, "unit=label"}}},
		{"label after a quote", "“Flight 370”", []want{{"370", 370, 370, "unit=label"}}},
		{"label capitalised", "a Boeing 737 crashed", []want{{"737", 737, 737, "unit=label"}}},
		{"label number sign", "No. 5 platoon", []want{{"5", 5, 5, "unit=label"}}},
		{"count after capitalised", "In Kabul 38 people died", []want{{"38", 38, 38, ""}}},
		{"model number", "an AK-47 rifle and an MQ-9 Reaper", nil},
		{"citation", "were killed.[13][14] Then", nil},
		{"fraction", "on 9/11", nil},
		{"another", "injured another 110.", []want{{"another 110", 110, 110, ""}}},
		{"a further hundred", "killed at least 58 and wounded a further hundred.", []want{{"at least 58", 58, -1, ""}, {"a further hundred", 100, 100, ""}}},
		{"another thousand", "another thousand fled", []want{{"another thousand", 1000, 1000, ""}}},
		{"hundred alone", "hundred", nil},
		{"total of", "a total of 38 people", []want{{"a total of 38", 38, 38, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gotW []want
			for _, q := range Find(tt.in) {
				gotW = append(gotW, got(tt.in, q))
			}
			if fmt.Sprint(gotW) != fmt.Sprint(tt.want) {
				t.Errorf("Find(%q)\n got %v\nwant %v", tt.in, gotW, tt.want)
			}
		})
	}
}

func TestParseCardinal(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"38", 38, true},
		{"1,200", 1200, true},
		{"thirty-eight", 38, true},
		{"Thirty eight", 38, true},
		{"two hundred and fifty", 250, true},
		{"a dozen", 12, true},
		{"  eleven ", 11, true},
		{"one million", 1000000, true},
		{"1.5 million", 1500000, true},
		{"a hundred", 100, true},
		{"zero", 0, true},
		{"dozens", 0, false},
		{"at least nine", 0, false},
		{"13th", 0, false},
		{"third", 0, false},
		{"2.5", 0, false},
		{"38 people", 0, false},
		{"", 0, false},
		{"a", 0, false},
		{"and", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, ok := ParseCardinal(tt.in)
			if n != tt.want || ok != tt.ok {
				t.Errorf("ParseCardinal(%q) = %d, %v; want %d, %v", tt.in, n, ok, tt.want, tt.ok)
			}
		})
	}
}
