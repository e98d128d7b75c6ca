package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

// dash is any of the range separators infoboxes use.
const dash = `\s*(?:–|—|-|to|until)\s*`

// datePattern is one shape of an infobox date and how to read it: the gold
// date and, for a span, its end.
type datePattern struct {
	re    *regexp.Regexp
	parse func(m []string) (string, string)
}

var datePatterns = []datePattern{
	// 2022-01-17
	{regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})\b`), func(m []string) (string, string) {
		return ymd(m[1], m[2], m[3]), ""
	}},
	// 15 January 2019 (2019-01-15) – 16 January 2019 (2019-01-16): the ISO copies are dropped first.
	// 31 December 2019 – 1 January 2020
	{regexp.MustCompile(`^(\d{1,2}) ` + monthRE + ` (\d{4})` + dash + `(\d{1,2}) ` + monthRE + ` (\d{4})\b`), func(m []string) (string, string) {
		return dmy(m[1], m[2], m[3]), dmy(m[4], m[5], m[6])
	}},
	// 30 September – 2 October 2013
	{regexp.MustCompile(`^(\d{1,2}) ` + monthRE + dash + `(\d{1,2}) ` + monthRE + ` (\d{4})\b`), func(m []string) (string, string) {
		return dmy(m[1], m[2], m[5]), dmy(m[3], m[4], m[5])
	}},
	// 21–24 September 2013
	{regexp.MustCompile(`^(\d{1,2})` + dash + `(\d{1,2}) ` + monthRE + ` (\d{4})\b`), func(m []string) (string, string) {
		return dmy(m[1], m[3], m[4]), dmy(m[2], m[3], m[4])
	}},
	// 11 July 2010
	{regexp.MustCompile(`^(\d{1,2}) ` + monthRE + `,? (\d{4})\b`), func(m []string) (string, string) {
		return dmy(m[1], m[2], m[3]), ""
	}},
	// July 11, 2010 – July 12, 2010
	{regexp.MustCompile(`^` + monthRE + ` (\d{1,2}),? (\d{4})` + dash + monthRE + ` (\d{1,2}),? (\d{4})\b`), func(m []string) (string, string) {
		return dmy(m[2], m[1], m[3]), dmy(m[5], m[4], m[6])
	}},
	// September 30 – October 2, 2013
	{regexp.MustCompile(`^` + monthRE + ` (\d{1,2})` + dash + monthRE + ` (\d{1,2}),? (\d{4})\b`), func(m []string) (string, string) {
		return dmy(m[2], m[1], m[5]), dmy(m[4], m[3], m[5])
	}},
	// September 21–24, 2013
	{regexp.MustCompile(`^` + monthRE + ` (\d{1,2})` + dash + `(\d{1,2}),? (\d{4})\b`), func(m []string) (string, string) {
		return dmy(m[2], m[1], m[4]), dmy(m[3], m[1], m[4])
	}},
	// August 3, 2019
	{regexp.MustCompile(`^` + monthRE + ` (\d{1,2}),? (\d{4})\b`), func(m []string) (string, string) {
		return dmy(m[2], m[1], m[3]), ""
	}},
	// March – April 2015, March 2015
	{regexp.MustCompile(`^` + monthRE + dash + monthRE + ` (\d{4})\b`), func(m []string) (string, string) {
		return my(m[1], m[3]), my(m[2], m[3])
	}},
	{regexp.MustCompile(`^` + monthRE + `,? (\d{4})\b`), func(m []string) (string, string) {
		return my(m[1], m[2]), ""
	}},
	// 1985
	{regexp.MustCompile(`^(\d{4})\b`), func(m []string) (string, string) { return m[1], "" }},
}

var (
	isoCopy   = regexp.MustCompile(`\s*\(\d{4}-\d{2}-\d{2}\)`)
	dateNoise = regexp.MustCompile(`(?i)^(c\.|ca\.|circa|approx\.?|about|around|on|night of|evening of|morning of|early|late)\s+`)
	refMark   = regexp.MustCompile(`\[\w{1,4}\]`)
)

// ParseDate reads an infobox Date value. It returns the gold date ("2010-07-11",
// "2015-03", "1985", or "start/end" for a span) or "" with a reason.
func ParseDate(v string) (string, string) {
	v = refMark.ReplaceAllString(v, "")
	if i := strings.IndexAny(v, "|\n;"); i >= 0 {
		v = v[:i]
	}
	v = isoCopy.ReplaceAllString(v, "")
	v = strings.TrimSpace(v)
	for {
		w := dateNoise.ReplaceAllString(v, "")
		if w == v {
			break
		}
		v = w
	}
	return matchDate(v, v, datePatterns)
}

// matchDate reads s, an infobox date cleaned of its noise, with the first
// of patterns that matches; v is the value as written, for the reason.
func matchDate(s, v string, patterns []datePattern) (string, string) {
	if s == "" {
		return "", "no date in the field"
	}
	for _, p := range patterns {
		m := p.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		a, b := p.parse(m)
		if a == "" {
			return "", fmt.Sprintf("not a calendar date: %q", v)
		}
		if b != "" && b != a {
			return a + "/" + b, ""
		}
		return a, ""
	}
	return "", fmt.Sprintf("date not understood: %q", v)
}

func ymd(y, m, d string) string {
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", y, mi, di)
}

func dmy(d, mon, y string) string {
	m := months[strings.ToLower(strings.TrimSuffix(mon, "."))]
	di, _ := strconv.Atoi(d)
	if m == 0 || di < 1 || di > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", y, m, di)
}

func my(mon, y string) string {
	m := months[strings.ToLower(strings.TrimSuffix(mon, "."))]
	if m == 0 {
		return ""
	}
	return fmt.Sprintf("%s-%02d", y, m)
}
