package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Range is a casualty count in the gold format: {min, max}, max null when open.
type Range struct {
	Min *int `json:"min"`
	Max *int `json:"max"`
}

func exact(n int) *Range      { return &Range{Min: &n, Max: &n} }
func atLeast(n int) *Range    { return &Range{Min: &n} }
func between(a, b int) *Range { return &Range{Min: &a, Max: &b} }
func (r *Range) String() string {
	if r == nil {
		return "null"
	}
	s := "null"
	if r.Max != nil {
		s = strconv.Itoa(*r.Max)
	}
	return fmt.Sprintf("%d/%s", *r.Min, s)
}

var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12,
}

const numRE = `(\d{1,3}(?:,\d{3})+|\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)`

var (
	parenRE     = regexp.MustCompile(`\([^()]*\)`)
	totalRE     = regexp.MustCompile(`(?i)\btotal:?\s*` + numRE + `(\+?)`)
	openPrefix  = regexp.MustCompile(`(?i)^(at least|more than|over|in excess of|upwards of|not less than|minimum of|a minimum of|>)\s*`)
	approxPref  = regexp.MustCompile(`(?i)^(~|c\.|ca\.|circa|about|around|approximately|approx\.?|estimated|an estimated|roughly|nearly|almost|up to)\s*`)
	rangeRE     = regexp.MustCompile(`(?i)^` + numRE + `\s*(?:–|—|-|to)\s*` + numRE + `(\+)?`)
	singleRE    = regexp.MustCompile(`(?i)^` + numRE + `\s*(\+|or more)?`)
	countNounRE = regexp.MustCompile(`(?i)^` + numRE + `\+?\s+[\p{L}.'’-]`)
	zeroRE      = regexp.MustCompile(`(?i)^(none|nil|no one|nobody|no deaths|no injuries|no casualties|0)\b`)
	unknownRE   = regexp.MustCompile(`(?i)^(unknown|unclear|n/a|not known|undetermined|disputed|several|many|dozens|hundreds|thousands|numerous|multiple)\b`)
)

func atoi(s string) (int, bool) {
	s = strings.ToLower(strings.ReplaceAll(s, ",", ""))
	if n, ok := numberWords[s]; ok {
		return n, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// ParseCount reads a Fatalities or Injuries value. It returns nil and a
// reason when the field gives no usable figure, and a note for every
// reading that is not a plain number.
func ParseCount(v string) (*Range, string) {
	raw := v
	v = refMark.ReplaceAllString(v, "")
	v = strings.ReplaceAll(v, "\n", " ")
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, "empty field"
	}
	if m := totalRE.FindStringSubmatch(v); m != nil {
		n, _ := atoi(m[1])
		if m[2] == "+" {
			return atLeast(n), fmt.Sprintf("%q: the Total figure, open", raw)
		}
		return exact(n), fmt.Sprintf("%q: the Total figure", raw)
	}
	// Parenthesised breakdowns ("(32 victims, 3 perpetrators)", "(+1 bomber)") are not the count.
	v = strings.TrimSpace(parenRE.ReplaceAllString(v, ""))
	for _, seg := range strings.Split(v, ";") {
		seg = strings.TrimSpace(seg)
		parts := splitParts(seg)
		var firstErr string
		for i, p := range parts {
			r, open, why := readOne(p)
			if r == nil {
				if firstErr == "" {
					firstErr = why
				}
				continue
			}
			// "20 hostages, 2 gunmen": every part a count of some people, none
			// of them a breakdown ("including ..."), sums to the total.
			if i == 0 && len(parts) > 1 && sumsUp(parts) {
				sum, anyOpen := 0, false
				for _, q := range parts {
					rq, o, _ := readOne(q)
					sum += *rq.Min
					anyOpen = anyOpen || o
				}
				if anyOpen {
					return atLeast(sum), fmt.Sprintf("%q: parts summed, open", raw)
				}
				return exact(sum), fmt.Sprintf("%q: parts summed", raw)
			}
			note := ""
			if r.Max == nil || *r.Min != *r.Max || open || strings.TrimSpace(p) != strconv.Itoa(*r.Min) || seg != v || len(parts) > 1 || v != strings.TrimSpace(raw) {
				note = fmt.Sprintf("%q -> %s", raw, r)
			}
			return r, note
		}
		if firstErr != "" && len(parts) > 0 {
			// try the next segment
			continue
		}
	}
	return nil, fmt.Sprintf("%q: no figure", raw)
}

// splitParts splits a segment on the commas that separate counts; a
// thousands separator ("1,234") is not one.
func splitParts(seg string) []string {
	seg = thousandsRE.ReplaceAllString(seg, "$1$2")
	var out []string
	for _, p := range strings.Split(seg, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var thousandsRE = regexp.MustCompile(`(\d),(\d{3})\b`)

func sumsUp(parts []string) bool {
	for _, p := range parts {
		low := strings.ToLower(p)
		if strings.HasPrefix(low, "including") || strings.Contains(low, " including ") || strings.Contains(low, "total") {
			return false
		}
		q := openPrefix.ReplaceAllString(p, "")
		if !countNounRE.MatchString(q) || rangeRE.MatchString(q) {
			return false
		}
		if strings.Contains(low, "reported") || strings.Contains(low, "confirmed") || strings.Contains(low, "per ") || strings.Contains(low, "according") {
			return false
		}
	}
	return true
}

// readOne reads "74", "500+", "At least 300", "~30", "48–70", "10–50+", "None".
func readOne(p string) (*Range, bool, string) {
	p = strings.TrimSpace(strings.TrimLeft(p, ":*- "))
	if zeroRE.MatchString(p) {
		return exact(0), false, ""
	}
	if unknownRE.MatchString(p) {
		return nil, false, "unknown"
	}
	open := false
	if q := openPrefix.ReplaceAllString(p, ""); q != p {
		open, p = true, q
	}
	p = approxPref.ReplaceAllString(p, "")
	if m := rangeRE.FindStringSubmatch(p); m != nil {
		a, _ := atoi(m[1])
		b, _ := atoi(m[2])
		if a <= b {
			if m[3] == "+" || open {
				return atLeast(a), true, ""
			}
			return between(a, b), false, ""
		}
	}
	if m := singleRE.FindStringSubmatch(p); m != nil {
		n, ok := atoi(m[1])
		if !ok {
			return nil, false, "no number"
		}
		if m[2] != "" || open {
			return atLeast(n), true, ""
		}
		return exact(n), false, ""
	}
	return nil, false, "no number"
}

var (
	killedRE  = regexp.MustCompile(`(?i)` + numRE + `(\+)?(?:\s+[\p{L}.'’-]+){0,3}?\s+(?:killed|dead|died|deaths)`)
	woundedRE = regexp.MustCompile(`(?i)` + numRE + `(\+)?(?:\s+[\p{L}.'’-]+){0,3}?\s+(?:wounded|injured|hurt)`)
)

// sumMentions adds up "N killed" (or "N wounded") over battle-style
// casualty fields ("Casualties1: 4 killed", "Casualties3: 62 civilians killed, 163 wounded").
func sumMentions(values []string, re *regexp.Regexp) (*Range, bool) {
	sum, found, open := 0, false, false
	for _, v := range values {
		v = parenRE.ReplaceAllString(refMark.ReplaceAllString(v, ""), "")
		for _, m := range re.FindAllStringSubmatch(v, -1) {
			n, ok := atoi(m[1])
			if !ok {
				continue
			}
			sum += n
			found = true
			open = open || m[2] == "+"
		}
	}
	if !found {
		return nil, false
	}
	if open {
		return atLeast(sum), true
	}
	return exact(sum), true
}
