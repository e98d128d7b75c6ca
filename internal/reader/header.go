package reader

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/timex"
)

// Header is the metadata block at the top of a saved article:
//
//	Source: https://...
//	License: CC BY 2.5
//	Published: 2011-02-21
//	Title: 38 killed in attack on Afghan bank
//
// A "Via:" line names the stored copy or mirror the page was read through;
// it belongs to the header and is otherwise ignored. End is the byte offset
// where the prose begins. PublishedAt is the moment
// of publication when the Published line gives a time with its UTC offset
// ("Published: 2021-11-06T22:30:00-05:00"), else the zero Time.
type Header struct {
	Source, License, Published, Title string
	PublishedAt                       time.Time
	End                               int
}

var headerKeys = map[string]bool{"source": true, "license": true, "licence": true, "published": true, "title": true, "url": true, "date": true, "via": true}

// ParseHeader reads leading "Key: value" lines with known keys. It stops at
// the first other line; a blank line right after the block is skipped too.
func ParseHeader(raw []byte) Header {
	var h Header
	off := 0
	seen := 0
	for off < len(raw) {
		nl := bytes.IndexByte(raw[off:], '\n')
		end := len(raw)
		next := len(raw)
		if nl >= 0 {
			end = off + nl
			next = end + 1
		}
		line := strings.TrimRight(string(raw[off:end]), "\r")
		k, v, ok := strings.Cut(line, ":")
		key := strings.ToLower(strings.TrimSpace(k))
		if !ok || strings.ContainsAny(strings.TrimSpace(k), " \t") || !headerKeys[key] {
			break
		}
		v = strings.TrimSpace(v)
		switch key {
		case "source", "url":
			h.Source = v
		case "license", "licence":
			h.License = v
		case "published", "date":
			if d := normalizeDate(v); d != "" {
				h.Published = d
				h.PublishedAt, _ = Instant(v)
			}
		case "title":
			h.Title = v
		}
		seen++
		off = next
	}
	if seen == 0 {
		return Header{}
	}
	// skip blank lines after the block
	for off < len(raw) {
		nl := bytes.IndexByte(raw[off:], '\n')
		if nl < 0 || len(bytes.TrimSpace(raw[off:off+nl])) != 0 {
			break
		}
		off += nl + 1
	}
	h.End = off
	return h
}

// normalizeDate accepts the date layouts seen in headers and returns YYYY-MM-DD.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2 January 2006", "January 2, 2006", "Jan 2, 2006", "02 Jan 2006", time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// Instant reads a moment written with its UTC offset, as publishers give
// publication times: RFC 3339 ("2021-11-06T22:30:00-05:00",
// "2021-11-07T03:30:00Z", with or without seconds or the colon of the
// offset) or RFC 1123 with a numeric offset. A date alone, or a time
// without an offset, is no instant: what day it was elsewhere stays
// unknown. The Time keeps the offset as written.
func Instant(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700", time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	urlDateSlash = regexp.MustCompile(`/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?:/|$|[^\d])`)
	urlDateDash  = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[^\d]|$)`)
	urlDateFlat  = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[^\d]|$)`)
	// urlDateMixed is /2018-08/20/ (a month's folder, then the day's)
	urlDateMixed = regexp.MustCompile(`/((?:19|20)\d\d)-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/`)
	// urlMonthFolder is /2017/02/; urlLongRun a run of twelve digits or
	// more (a date and a time)
	urlMonthFolder = regexp.MustCompile(`/((?:19|20)\d\d)/(0[1-9]|1[0-2])/`)
	urlLongRun     = regexp.MustCompile(`\d{12,}`)
	// urlDateYearLast is a day and month before the year, in either order,
	// maybe with a time after it: -05292020164252.html, /05092024-amp,
	// or an item's number of a digit or two: /250920161-amp
	urlDateYearLast = regexp.MustCompile(`(?:^|[/_.=-])(\d\d)(\d\d)((?:19|20)\d\d)(?:\d{6}|\d{1,2})?(?:[/_.?#-]|$)`)
	// urlDateShort is /2021/3/28/: month and day without their zeros
	urlDateShort = regexp.MustCompile(`/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/`)
	// urlDateNamed is a month by its name: /1998/jan/14story.htm, 2008oct10,
	// la-xpm-2001-jun-02-mn-5556
	urlDateNamed = regexp.MustCompile(`(?i)(?:^|[^\d])((?:19|20)\d\d)[/-]?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[/-]?([0-2]?[1-9]|[123]0|31)(?:[^\d]|$)`)
)

// dateLineMax is how many non-blank lines from the top may hold the date a
// news page prints on its own line (after its title, site name,
// navigation, sign-up prompts and byline), and dateLineProse how many lines
// of prose: the date comes before the text, not in it.
const (
	dateLineMax   = 20
	dateLineProse = 1
	// dateLineLabelledProse is how many lines of prose a line labelled
	// as the page's date ("Published Feb 19, 2024") may come after: a
	// photo's caption or a standfirst often stands above it
	dateLineLabelledProse = 3
	// dateLineNav is how many lines in all, menu items included, the
	// date may come after (a site's menu of sections runs to dozens)
	dateLineNav = 80
)

// navItem says whether a line is an item of a page's menu: three words
// at most and no digit ("South Asia", "Country Profiles", "-------").
func navItem(t []byte) bool {
	return len(t) <= 30 && bytes.Count(t, []byte(" ")) <= 2 && !bytes.ContainsAny(t, "0123456789")
}

// proseLine says whether a line reads as running text: long, or a
// sentence with its full stop.
func proseLine(t []byte) bool {
	return len(t) >= 100 || len(t) >= 40 && bytes.Count(t, []byte(" ")) >= 6 && bytes.HasSuffix(t, []byte("."))
}

var weekdayPrefix = regexp.MustCompile(`^(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+`)

// DateLine finds a publication date printed on its own line among the first
// lines from offset off, above the text or after its first line ("Monday, November 9, 2009", "9 November 2009",
// "2009-11-09"): the date and its byte offsets. A line that holds anything
// else, even a date inside a sentence, is not one.
func DateLine(raw []byte, off int) (string, int, int) {
	seen, prose, lines := 0, 0, 0
	widget := false // the line before opened "Today": a clock's date
	for off < len(raw) && seen < dateLineMax && prose <= dateLineLabelledProse && lines < dateLineNav {
		end := len(raw)
		if nl := bytes.IndexByte(raw[off:], '\n'); nl >= 0 {
			end = off + nl
		}
		line := raw[off:end]
		if t := bytes.TrimSpace(line); len(t) > 0 {
			lines++
			if !navItem(t) {
				seen++
			}
			if proseLine(t) {
				prose++
			}
			if widget {
				// "Today in New Delhi, India" over "Mar 27, 2017-Monday": the
				// day the page was seen, not the day it was written
				widget = false
				off = end + 1
				continue
			}
			widget = todayLine.Match(t)
			if prose > dateLineProse {
				// past the first lines of prose, only a date line its
				// label names
				if labelWord.Match(t) {
					if d := labelledDate(t); d != "" {
						start := off + bytes.Index(line, t)
						return d, start, start + len(t)
					}
				}
				off = end + 1
				continue
			}
			if len(t) <= 40 {
				s := weekdayPrefix.ReplaceAllString(string(t), "")
				if d := normalizeDate(s); d != "" {
					start := off + bytes.Index(line, t)
					return d, start, start + len(t)
				}
			}
			if d := labelledDate(t); d != "" {
				start := off + bytes.Index(line, t)
				return d, start, start + len(t)
			}
		}
		off = end + 1
	}
	return "", 0, 0
}

// datePrefix is a page's labelled date run into its first line, as stored
// copies of pages and some sites print it before the text: "date
// 2021-10-04 CITY, COUNTRY (AP) — ...", "Posted on 2019-08-28
// CITY — ...". Only an ISO date: a written one has no clear end.
var datePrefix = regexp.MustCompile(`^(?i:date|published|posted|updated)(?:\s+on)?:?\s+((?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?)?(?:\s|$)`)

// DatePrefixEnd is the length of a labelled date that opens s as
// datePrefix reads it, with the space after it ("date 2021-10-04 "
// before "CITY, COUNTRY (AP) — ..."), or 0.
func DatePrefixEnd(s string) int {
	m := datePrefix.FindStringIndex(s)
	if m == nil {
		return 0
	}
	return m[1]
}

// founded is a masthead's founding label right before its date: "Est.",
// "Established", "Founded", "Since".
var founded = regexp.MustCompile(`(?i)\b(est\.?|established|founded|since)[\s:]*$`)

// DatePrefix finds a publication date labelled at the start of the first
// non-blank line from offset off ("date 2021-10-04 CITY ..."): the date
// and the byte offsets of the date itself, or "" when the line does not
// open so.
func DatePrefix(raw []byte, off int) (string, int, int) {
	for off < len(raw) {
		end := len(raw)
		if nl := bytes.IndexByte(raw[off:], '\n'); nl >= 0 {
			end = off + nl
		}
		line := raw[off:end]
		t := bytes.TrimLeft(line, " \t\r")
		if len(bytes.TrimSpace(t)) == 0 {
			off = end + 1
			continue
		}
		m := datePrefix.FindSubmatchIndex(t)
		if m == nil {
			return "", 0, 0
		}
		d := normalizeDate(string(t[m[2]:m[3]]))
		if d == "" {
			return "", 0, 0
		}
		start := off + (len(line) - len(t))
		return d, start + m[2], start + m[3]
	}
	return "", 0, 0
}

// postedLine is a blog page's stamp, often printed under the text:
// "Posted by NAME on June 29, 2020. Filed under X.", "Posted on 3 May
// 2018", "Published on Jan 4, 2021 |".
var postedLine = regexp.MustCompile(`(?m)^[ \t]*(?i:posted|published)(?: by(?: [^\n.]{1,60}?)?)? on ((?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:19|20)\d\d)\b`)

// DateFooter finds a page's publication stamp on a line of its own
// anywhere after offset off ("Posted by NAME on June 29, 2020. Filed
// under ..."), as blogs print it below the text: the date and its byte
// offsets, or "" when there is none or the page stamps several dates.
func DateFooter(raw []byte, off int) (string, int, int) {
	ms := postedLine.FindAllSubmatchIndex(raw[off:], 3)
	if len(ms) != 1 {
		return "", 0, 0 // (a list of posts, each with its stamp: none is the page's)
	}
	m := ms[0]
	ds := strings.Replace(strings.Replace(string(raw[off+m[2]:off+m[3]]), ",", "", 1), ".", "", 1)
	d := ""
	for _, layout := range []string{"January 2 2006", "Jan 2 2006", "2 January 2006"} {
		if t, err := time.Parse(layout, strings.Replace(ds, "Sept ", "Sep ", 1)); err == nil {
			d = t.Format("2006-01-02")
			break
		}
	}
	if d == "" {
		return "", 0, 0
	}
	return d, off + m[2], off + m[3]
}

// labelWord opens a line that says it gives the page's date.
var labelWord = regexp.MustCompile(`^(?i:published|posted|updated|first published|last updated)\b`)

// dateLineWords are the lower-case words a date line may hold beside its
// date: its label and the time of day ("Published on", "Updated at 8:33
// pm").
var dateLineWords = map[string]bool{"published": true, "updated": true, "update": true, "posted": true, "date": true, "on": true,
	"at": true, "by": true, "in": true, "pm": true, "am": true, "last": true, "modified": true, "first": true, "and": true,
	"st": true, "nd": true, "rd": true, "th": true, "as": true, "of": true, "hrs": true, "h": true}

// labelledDate reads a short line that gives one full date among a few
// labels, names and a time, as pages print their date line: "AGENCY ,
// Thursday 25 Mar 2021", "Published: April 7, 2016", "Published Mar 18,
// 2017, 8:33 pm IST", "CITY, Dec 3 (AFP) Dec 03, 2019", "by NAME in
// OUTLET, January 4th, 2021", "Published June 10, 2024 Updated June 10,
// 2024 07:32am" (the first date when it was updated later). Any lower-case
// word but a label's ("Attack on 12 March 2019 kills five") makes it a
// headline or a sentence, not a date line.
// slashLine is a labelled date line in figures: "Published on - 1/31/2008",
// "Posted: 31/01/2008 10:20".
var slashLine = regexp.MustCompile(`(?i)^(?:published|posted|updated|date)(?:\s+on)?\s*[:\-–]?\s*(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?:[ ,]+\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?)?$`)

// slashDate reads a labelled date line in figures when the order of day
// and month is plain (one of them above 12): "1/31/2008" is January 31,
// "31/1/2008" too; "3/4/2008" could be either and is not read.
func slashDate(t []byte) string {
	m := slashLine.FindSubmatch(bytes.TrimSpace(t))
	if m == nil {
		return ""
	}
	a, _ := strconv.Atoi(string(m[1]))
	b, _ := strconv.Atoi(string(m[2]))
	y, _ := strconv.Atoi(string(m[3]))
	month, day := 0, 0
	switch {
	case a > 12 && b <= 12:
		month, day = b, a
	case b > 12 && a <= 12:
		month, day = a, b
	default:
		return ""
	}
	d := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return "" // "2/31/2008"
	}
	return d.Format("2006-01-02")
}

// todayLine is a page's clock or weather box: "Today in New Delhi,
// India", "Today's paper".
var todayLine = regexp.MustCompile(`^(?i)today\b`)

// sectionBeforeLabel is a section's name in lower case before a date's
// label: "india Updated: Jan 18, 2014 14:49 IST".
var sectionBeforeLabel = regexp.MustCompile(`^[a-z][a-z-]{1,20} ((?i:updated|published|posted)(?: on)?:)`)

func labelledDate(t []byte) string {
	if len(t) > 100 || proseLine(t) {
		return ""
	}
	if m := sectionBeforeLabel.FindSubmatchIndex(t); m != nil {
		t = t[m[2]:]
	}
	var full *timex.Expr
	exprs := timex.Find(string(t))
	updated := bytes.Contains(bytes.ToLower(t), []byte("updated"))
	for i, e := range exprs {
		if e.Kind == timex.Absolute && e.Year != 0 && e.Month != 0 && e.Day != 0 && e.EndYear == 0 {
			if full != nil {
				if updated || e.Year == full.Year && e.Month == full.Month && e.Day == full.Day {
					continue // "Published X Updated Y": the first
				}
				return "" // two dates: a range or a list, not one date line
			}
			full = &exprs[i]
		}
	}
	if full == nil {
		return slashDate(t)
	}
	// "Spokane, Washington Est. May 19, 1883": a masthead's founding
	// date, not the page's
	if founded.Match(t[:full.Start]) {
		return ""
	}
	inside := func(i int) bool {
		for _, e := range exprs {
			if i >= e.Start && i < e.End {
				return true
			}
		}
		return false
	}
	words, prev := 0, ""
	for i := 0; i < len(t); {
		if !isLetter(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isLetter(t[j]) {
			j++
		}
		if !inside(i) {
			w := string(t[i:j])
			if w == strings.ToLower(w) && !dateLineWords[w] && !(w == "the" && prev == "on") {
				return "" // ("Article published on the 2009-08-25")
			}
			words, prev = words+1, w
		}
		i = j
	}
	if words > 8 {
		return ""
	}
	d := fmt.Sprintf("%04d-%02d-%02d", full.Year, full.Month, full.Day)
	if normalizeDate(d) != d {
		return ""
	}
	return d
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// DateFromURL finds a publication date written in a URL: /2021/11/07/,
// 2021-11-06, 20211107, /2021-11/07/, /2021/nov/7, 2021nov07, or a day and
// month before the year when only one order of them is a date
// (-05292020164252.html), or a month's folder and an id that opens with
// that year and month and the day (/2017/02/...-170228083738161.html). It returns "" when there is none or it is not a
// real calendar date.
func DateFromURL(u string) string {
	for _, re := range []*regexp.Regexp{urlDateSlash, urlDateDash, urlDateFlat, urlDateMixed, urlDateShort, urlDateNamed} {
		if m := re.FindStringSubmatch(u); m != nil {
			month, day := m[2], m[3]
			if re == urlDateShort {
				month, day = fmt.Sprintf("%02s", month), fmt.Sprintf("%02s", day)
			}
			if re == urlDateNamed {
				t, err := time.Parse("Jan", strings.ToUpper(month[:1])+strings.ToLower(month[1:3]))
				if err != nil {
					continue
				}
				month = fmt.Sprintf("%02d", int(t.Month()))
				if len(day) == 1 {
					day = "0" + day
				}
			}
			d := m[1] + "-" + month + "-" + day
			if _, err := time.Parse("2006-01-02", d); err == nil {
				return d
			}
		}
	}
	// "/2017/02/...-170228083738161.html": a month's folder, then an id
	// that opens with the same year and month, the day and a time
	if m := urlMonthFolder.FindStringSubmatchIndex(u); m != nil {
		yyyy, mm := u[m[2]:m[3]], u[m[4]:m[5]]
		// ("/2012/09/201291651432955568.html": the full year, the month
		// without its zero, the day)
		long := yyyy + strings.TrimPrefix(mm, "0")
		for _, r := range urlLongRun.FindAllString(u[m[1]:], -1) {
			day := ""
			switch {
			case r[:2] == yyyy[2:] && r[2:4] == mm:
				day = r[4:6]
			case strings.HasPrefix(r, long) && len(r) >= len(long)+2:
				day = r[len(long) : len(long)+2]
			}
			if day == "" {
				continue
			}
			d := yyyy + "-" + mm + "-" + day
			if _, err := time.Parse("2006-01-02", d); err == nil {
				return d
			}
		}
	}
	// "05292020": month first or day first, as sites write it; only a run
	// that one reading alone makes a calendar date (29 is no month), or
	// that reads the same both ways, gives one
	if m := urlDateYearLast.FindStringSubmatch(u); m != nil {
		md := m[3] + "-" + m[1] + "-" + m[2]
		dm := m[3] + "-" + m[2] + "-" + m[1]
		_, errMD := time.Parse("2006-01-02", md)
		_, errDM := time.Parse("2006-01-02", dm)
		switch {
		case errMD == nil && (errDM != nil || md == dm):
			return md
		case errDM == nil && errMD != nil:
			return dm
		}
	}
	return ""
}

// TitleFromURL reads a page title from an encyclopedia URL
// (".../wiki/2016_Berlin_truck_attack" or "?title=2019_El_Paso_shooting"),
// or returns "".
func TitleFromURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	t := p.Query().Get("title")
	if t == "" {
		if i := strings.Index(p.Path, "/wiki/"); i >= 0 {
			t = p.Path[i+len("/wiki/"):]
		}
	}
	if t == "" || strings.Contains(t, ":") {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(t, "_", " "))
}
