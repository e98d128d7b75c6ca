package arextract

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/arabic"
)

// dateFound is a date read in a sentence.
type dateFound struct {
	i, j     int
	dr       *dossier.DateRange
	relative bool // read from a weekday or a day word, against the publication date
	// weak marks a day and month whose year is the publication date's
	// alone, with no weekday to confirm it ("في السابع من تشرين الأول"):
	// often an earlier event the report recalls, so the last choice
	weak bool
	// figures marks a date written in figures, read day first as Arabic
	// prose writes it; a page's date line reads them only when their order
	// is plain (dateLine)
	figures bool
	note    string // what the method alone does not say (a Hijri date, two readings)
}

func ymd(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// hijriToGregorian converts a date of the tabular Islamic calendar (the
// civil epoch, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each
// 30-year cycle) to the Gregorian calendar. The calendar in use by a
// writer is set by sighting the moon, so the day may differ by one.
func hijriToGregorian(y, m, d int) (int, int, int) {
	jdn := d + (59*(m-1)+1)/2 + (y-1)*354 + (3+11*y)/30 + 1948439
	// Julian day number to Gregorian (Fliegel and Van Flandern)
	l := jdn + 68569
	n := 4 * l / 146097
	l -= (146097*n + 3) / 4
	i := 4000 * (l + 1) / 1461001
	l = l - 1461*i/4 + 31
	j := 80 * l / 2447
	day := l - 2447*j/80
	l = j / 11
	month := j + 2 - 12*l
	year := 100*(n-49) + i + l
	return year, month, day
}

// wordClass returns the date word at word k of s (pack dates, then the
// exact ones: fillers, year words, era marks).
func (d *doc) dateWord(s *sentence, k int) (dateWord, int, bool) {
	if k >= len(s.words) {
		return dateWord{}, k, false
	}
	if m, ok := d.x.p.datesExact.At(s.words, k); ok {
		return m.V, m.J, true
	}
	if m, ok := d.x.p.dates.At(s.words, k); ok {
		return m.V, m.J, true
	}
	return dateWord{}, k, false
}

// skipFillers skips the words that may stand inside a date ("من", "شهر").
func (d *doc) skipFillers(s *sentence, k int) int {
	for k < len(s.words) {
		if v, j, ok := d.dateWord(s, k); ok && v.class == "filler" {
			k = j
			continue
		}
		break
	}
	return k
}

// yearAt reads a year at word k (after an optional year word): 1900..2100
// for a Gregorian date, 1300..1500 for a Hijri one.
func (d *doc) yearAt(s *sentence, k int, hijri bool) (int, int, bool) {
	k = d.skipFillers(s, k)
	if v, j, ok := d.dateWord(s, k); ok && v.class == "yearword" {
		k = j
	}
	if k >= len(s.words) || !isDigits(s.words[k]) {
		return 0, k, false
	}
	y, ok := atoi(s.words[k])
	lo, hi := 1900, 2100
	if hijri {
		lo, hi = 1300, 1500
	}
	if !ok || y < lo || y > hi {
		return 0, k, false
	}
	k++
	if v, j, ok := d.dateWord(s, k); ok && v.class == "era" {
		k = j
	}
	return y, k, true
}

// dateAt reads a date that starts at word i: "3 مارس/آذار 2019", "3 من
// شهر مارس عام 2019", "مارس 2019", "عام 2019", "12 رمضان 1440 هـ", a
// date in figures ("6/11/2021", "13-11-2022": the day first, as Arabic
// writes it), a month before its day ("Oct 09, 2014").
func (d *doc) dateAt(s *sentence, i int) (dateFound, bool) {
	w := s.words
	if f, ok := d.figuresDateAt(s, i); ok {
		return f, true
	}
	if f, ok := d.monthFirstAt(s, i); ok {
		return f, true
	}
	k := i
	day := 0
	if isDigits(w[k]) {
		n, _ := atoi(w[k])
		if n < 1 || n > 31 {
			return dateFound{}, false
		}
		day, k = n, k+1
	} else if v, j, ok := d.dateWord(s, k); ok && v.class == "ordinal" {
		day, k = v.value, j // "الحادي عشر من يناير"
	}
	if day > 0 {
		// a span of days: "22-23 سبتمبر", "من 10 إلى 11 ديسمبر": the
		// first day stands for the start
		if k < len(w) && isDigits(w[k]) && strings.TrimSpace(d.gap(s, k-1, k)) == "-" {
			k++
		} else if v, j, ok := d.dateWord(s, k); ok && v.class == "rangesep" && j < len(w) && isDigits(w[j]) {
			k = j + 1
		}
		k = d.skipFillers(s, k)
	}
	v, j, ok := d.dateWord(s, k)
	if !ok {
		return dateFound{}, false
	}
	switch v.class {
	case "month", "hijri":
		month, hijri := v.value, v.class == "hijri"
		k = j
		// the month named again in the other system: "مارس/آذار"
		if v2, j2, ok := d.dateWord(s, k); ok && v2.class == v.class && v2.value == month {
			k = j2
		}
		y, e, ok := d.yearAt(s, k, hijri)
		if !ok && day > 0 && !hijri {
			// "من 8 ديسمبر حتى 9 ديسمبر 1998": the year written once, later
			// in the sentence
			for n := k; n < len(w) && n < k+12; n++ {
				if y2, _, ok2 := d.yearAt(s, n, false); ok2 && isDigits(w[n]) {
					y, e, ok = y2, k, true
					break
				}
			}
		}
		note := ""
		if !ok && day > 0 && !hijri && !d.noYearless {
			// a day and month without their year: "اليوم الاثنين 2
			// أكتوبر", "في 22 أيلول"
			y, note = d.yearless(s, i, month, day)
			e, ok = k, y > 0
		}
		if !ok {
			return dateFound{}, false // a month without its year: too weak alone
		}
		if hijri {
			if day == 0 {
				return dateFound{}, false
			}
			gy, gm, gd := hijriToGregorian(y, month, day)
			return dateFound{i: i, j: e, dr: &dossier.DateRange{Start: ymd(gy, gm, gd), End: ymd(gy, gm, gd), Precision: "day"},
				note: fmt.Sprintf("Hijri date %d/%d/%d converted with the tabular calendar (±1 day)", day, month, y)}, true
		}
		if day > 0 {
			if !validDay(y, month, day) {
				return dateFound{}, false
			}
			t := ymd(y, month, day)
			// (a year read from the publication date makes the date one
			// named from the time of writing, as a weekday is: weaker than
			// a date written whole)
			return dateFound{i: i, j: e, dr: &dossier.DateRange{Start: t, End: t, Precision: "day"}, note: note,
				relative: note != "" && d.hasPub, weak: note == yearOfPublication}, true
		}
		t := fmt.Sprintf("%04d-%02d", y, month)
		return dateFound{i: i, j: e, dr: &dossier.DateRange{Start: t, End: t, Precision: "month"}}, true
	case "yearword":
		if day > 0 {
			return dateFound{}, false
		}
		y, e, ok := d.yearAt(s, k, false)
		if !ok {
			return dateFound{}, false
		}
		t := fmt.Sprintf("%04d", y)
		return dateFound{i: i, j: e, dr: &dossier.DateRange{Start: t, End: t, Precision: "year"}}, true
	}
	return dateFound{}, false
}

// figuresDateAt reads a date written in figures at word i: day, month and
// year ("6/11/2021", "13-11-2022", "1\1\ 2011"), separated by "/", "-",
// "\" or ".". The year first ("2020-07-13T05:28") is a machine's stamp
// ("last modified"), not the writer's: only a page's date line reads it.
func (d *doc) figuresDateAt(s *sentence, i int) (dateFound, bool) {
	w := s.words
	if i+2 >= len(w) || !isDigits(w[i]) || !isDigits(w[i+1]) || !isDigits(w[i+2]) {
		return dateFound{}, false
	}
	for k := i; k < i+2; k++ {
		if g := strings.TrimSpace(d.gap(s, k, k+1)); g != "/" && g != "-" && g != "\\" && g != "." {
			return dateFound{}, false
		}
	}
	a, _ := atoi(w[i])
	b, _ := atoi(w[i+1])
	c, _ := atoi(w[i+2])
	y, m, day := c, b, a
	if y < 1900 || y > 2100 || !validDay(y, m, day) {
		return dateFound{}, false
	}
	t := ymd(y, m, day)
	return dateFound{i: i, j: i + 3, dr: &dossier.DateRange{Start: t, End: t, Precision: "day"}, figures: true}, true
}

// monthFirstAt reads a month named before its day and year at word i
// ("Oct 09, 2014", "أكتوبر 9، 2014").
func (d *doc) monthFirstAt(s *sentence, i int) (dateFound, bool) {
	w := s.words
	v, j, ok := d.dateWord(s, i)
	if !ok || v.class != "month" || j+1 >= len(w) || !isDigits(w[j]) || !isDigits(w[j+1]) {
		return dateFound{}, false
	}
	day, _ := atoi(w[j])
	y, _ := atoi(w[j+1])
	if g := strings.TrimSpace(d.gap(s, j, j+1)); g != "," && g != "،" {
		return dateFound{}, false
	}
	if y < 1900 || y > 2100 || !validDay(y, v.value, day) {
		return dateFound{}, false
	}
	t := ymd(y, v.value, day)
	return dateFound{i: i, j: j + 2, dr: &dossier.DateRange{Start: t, End: t, Precision: "day"}}, true
}

// relativeAt reads a day named from the time of writing at word i: a day
// word ("اليوم", "أمس", "فجر اليوم الثلاثاء") or a weekday. The weekday
// is the last such day on or before the publication date, or the day
// after it (a report published late the evening before, behind the
// place's time zone): both readings are kept as an interval when the
// weekday is the day after publication.
func (d *doc) relativeAt(s *sentence, i int, pub time.Time) (dateFound, bool) {
	k := i
	if v, j, ok := d.dateWord(s, k); ok && v.class == "part" {
		k = j
	}
	offset, has := 0, false
	weekday := -1
	for n := 0; n < 3 && k < len(s.words); n++ {
		v, j, ok := d.dateWord(s, k)
		if !ok {
			break
		}
		switch v.class {
		case "deictic":
			offset, has = v.value, true
		case "weekday":
			weekday = v.value
		case "part":
		default:
			n = 3
			continue
		}
		k = j
	}
	if k == i || (!has && weekday < 0) {
		return dateFound{}, false
	}
	var t time.Time
	note := ""
	switch {
	case has:
		t = pub.AddDate(0, 0, offset)
		if weekday >= 0 && int(t.Weekday()) != weekday {
			return dateFound{}, false // the words disagree: trust neither
		}
	default:
		back := (int(pub.Weekday()) - weekday + 7) % 7
		t = pub.AddDate(0, 0, -back)
		if back == 6 {
			// the day after publication, or six days before it
			t2 := pub.AddDate(0, 0, 1)
			note = "weekday read as the day after publication or six days before it"
			return dateFound{i: i, j: k, relative: true, note: note,
				dr: &dossier.DateRange{Start: t.Format(time.DateOnly), End: t2.Format(time.DateOnly), Precision: "day"}}, true
		}
	}
	day := t.Format(time.DateOnly)
	return dateFound{i: i, j: k, relative: true, dr: &dossier.DateRange{Start: day, End: day, Precision: "day"}, note: note}, true
}

// dates returns the dates of a sentence, explicit ones first in text order,
// then those named from the publication date.
func (d *doc) dates(s *sentence) []dateFound {
	var out []dateFound
	for i := 0; i < len(s.words); i++ {
		if f, ok := d.dateAt(s, i); ok {
			if !d.inFurniture(s, i) {
				out = append(out, f)
			}
			i = f.j - 1
		}
	}
	if d.hasPub {
		for i := 0; i < len(s.words); i++ {
			if f, ok := d.relativeAt(s, i, d.pub); ok {
				if !d.inFurniture(s, i) { // (the date line's own weekday)
					out = append(out, f)
				}
				i = f.j - 1
			}
		}
	}
	return out
}

const yearOfPublication = "the year of the publication date"

// yearless finds the year of a day and month written without it, starting
// at word i: with a weekday right before ("اليوم الاثنين 2 أكتوبر"), the
// year in which that day is that weekday, the last on or before the
// publication date (or the day after it, a report published late the
// evening before), else the first from the latest year the document names
// ("عام 2018" → 2023); without a weekday, the year of the publication
// date, or the one before when the day would come after it. 0 when none
// fits. The note says how the year was read.
func (d *doc) yearless(s *sentence, i, month, day int) (int, string) {
	weekday := -1
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if g := strings.TrimSpace(d.gap(s, k, k+1)); g != "" && g != "،" && g != "," {
			break
		}
		if v, j, ok := d.dateWord(s, k); ok && j == k+1 && v.class == "weekday" {
			weekday = v.value
			break
		}
	}
	on := func(y int) bool {
		t := time.Date(y, time.Month(month), day, 12, 0, 0, 0, time.UTC)
		return t.Month() == time.Month(month) && (weekday < 0 || int(t.Weekday()) == weekday)
	}
	if d.hasPub {
		limit := d.pub.AddDate(0, 0, 1)
		back := 1 // the year before, for a day after the publication date
		if weekday >= 0 {
			back = 12 // a weekday's cycle through a day of the year
		}
		for y := d.pub.Year(); y >= d.pub.Year()-back; y-- {
			t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
			if !t.After(limit) && on(y) {
				if weekday >= 0 {
					return y, "the year in which that day is that weekday, up to the publication date"
				}
				return y, yearOfPublication
			}
		}
		return 0, ""
	}
	if weekday < 0 {
		return 0, ""
	}
	from := d.latestYear()
	if from == 0 {
		return 0, ""
	}
	for y := from; y <= from+11; y++ {
		if on(y) {
			return y, fmt.Sprintf("the first year from %d, the latest the text names, in which that day is that weekday", from)
		}
	}
	return 0, ""
}

// latestYear is the latest year of the document's dates (a full date, a
// month or a year), computed once; 0 when there is none.
func (d *doc) latestYear() int {
	if d.latestY >= 0 {
		return d.latestY
	}
	d.noYearless = true
	y := 0
	for _, s := range d.sents {
		for i := 0; i < len(s.words); i++ {
			if f, ok := d.dateAt(s, i); ok {
				if n, ok := atoi(f.dr.Start[:4]); ok && n > y && !strings.Contains(f.note, "Hijri") && !d.inFurniture(s, i) {
					y = n
				}
				i = f.j - 1
			}
		}
	}
	d.noYearless = false
	d.latestY = y
	return y
}

// dateLineWords are the words a page's date line holds beside its date
// and weekday: labels, the time of day and its marks (folded).
var dateLineWords = map[string]bool{}

func init() {
	for _, w := range []string{"نشر", "نشرت", "نشر في", "بتاريخ", "تاريخ", "النشر", "آخر", "اخر", "تحديث", "التحديث", "محدث",
		"في", "الساعة", "ساعة", "بتوقيت", "توقيت", "غرينتش", "جرينتش", "ت", "غ", "ص", "م", "مساء", "صباحا", "ظهرا",
		"gmt", "am", "pm", "utc",
		// "الجمعة 15/10/1436 هـ - الموافق 31/7/2015 م (آخر تحديث) الساعة
		// 9:02 (مكة المكرمة)": the Hijri date, then the Gregorian one
		"الموافق", "مكة", "المكرمة",
		// "تم آخر تحديث في الساعة 16:23 بتوقيت جرينتش السبت 13/04/2002"
		"تم"} {
		dateLineWords[arabic.Fold(w)] = true
	}
}

// numericDate is a date in figures, year first or last: "2016/04/30",
// "30-04-2016".
var (
	numericYMD = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})(?:[^0-9]|$)`)
	numericDMY = regexp.MustCompile(`(?:^|[^0-9])([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]((?:19|20)[0-9]{2})(?:[^0-9]|$)`)
)

// pageDate finds the page's own date line, for a document without a
// publication date: a line of its own among the lines before the lead
// (the first line of twelve words or more), holding one full date and
// nothing else but a weekday, a time of day and a label: "الخميس
// 25/أغسطس/2016 - 10:23 م", "27 جويلية 2016 -- 09:36:02", "• 2016/04/30
// 09:48". Of several, the last before the lead: a site's header may print
// the day it is read ("الثلاثاء، 26 نوفمبر 2024") above the article's
// own date. A date in figures is read when its order is plain: the year
// first, or last with a day above 12 (or equal to the month) before the
// month.
//
// Every line there that holds a full date and tells no act (no event
// word), a date line or not ("الخميس 25 ابريل 2024 أبوظبي الإمارات"), is
// the page's furniture: its date dates no incident (d.furniture).
func (d *doc) pageDate() (time.Time, int, int, bool) {
	var best time.Time
	bs, be, found := 0, 0, false
	// (a page's date is written whole: no year read from elsewhere)
	d.noYearless = true
	defer func() { d.noYearless = false }()
	off := min(max(d.in.HeadEnd, 0), len(d.body))
	for lines := 0; off < len(d.body) && lines < 15; {
		end := len(d.body)
		if nl := strings.IndexByte(d.body[off:], '\n'); nl >= 0 {
			end = off + nl
		}
		line := d.body[off:end]
		start := off
		off = end + 1
		if strings.TrimSpace(line) == "" {
			continue
		}
		lines++
		s := d.sentenceAt(start, end)
		t, ok := d.dateLine(s, line)
		if !ok && len(s.words) >= 12 {
			break // the lead
		}
		if ok {
			best, bs, be, found = t, start, end, true
		}
		if ok || s.eventW == 0 && d.fullDateIn(s) {
			d.furniture = append(d.furniture, [2]int{start, end})
		}
	}
	if found {
		bs, be = trimSpan(d.body, bs, be)
	}
	return best, bs, be, found
}

// fullDateIn says whether words of s hold a date to the day.
func (d *doc) fullDateIn(s *sentence) bool {
	for i := range s.words {
		if f, ok := d.dateAt(s, i); ok && f.dr.Precision == "day" {
			return true
		}
	}
	return false
}

// inFurniture says whether word i of s lies in a line of the page's
// furniture (pageDate).
func (d *doc) inFurniture(s *sentence, i int) bool {
	for _, f := range d.furniture {
		if s.toks[i].Start >= f[0] && s.toks[i].Start < f[1] {
			return true
		}
	}
	return false
}

// dateLine reads a line that is a page's date line (pageDate).
func (d *doc) dateLine(s *sentence, line string) (time.Time, bool) {
	var t time.Time
	var di, dj int // the words of the date
	ok := false
	for i := 0; i < len(s.words) && !ok; i++ {
		if f, found := d.dateAt(s, i); found && f.dr.Precision == "day" && !f.relative && f.note == "" && !f.figures {
			if tt, err := time.Parse(time.DateOnly, f.dr.Start); err == nil {
				t, di, dj, ok = tt, f.i, f.j, true
			}
		}
	}
	if !ok {
		folded := arabic.Fold(line)
		y, m, dd := 0, 0, 0
		if g := numericYMD.FindStringSubmatch(folded); g != nil {
			y, _ = atoi(g[1])
			m, _ = atoi(g[2])
			dd, _ = atoi(g[3])
		} else if g := numericDMY.FindStringSubmatch(folded); g != nil {
			a, _ := atoi(g[1])
			b, _ := atoi(g[2])
			y, _ = atoi(g[3])
			if a > 12 || a == b {
				dd, m = a, b
			}
		}
		if y == 0 || m == 0 || !validDay(y, m, dd) {
			return time.Time{}, false
		}
		t = time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
		di, dj = -1, -1 // the figures are words of their own: checked below as digits
	}
	for k := 0; k < len(s.words); k++ {
		if k >= di && k < dj {
			continue
		}
		w := s.words[k]
		if isDigits(w) || dateLineWords[strings.ToLower(w)] {
			continue
		}
		if v, j, ok := d.dateWord(s, k); ok && (v.class == "weekday" || v.class == "era") {
			k = j - 1
			continue
		}
		return time.Time{}, false
	}
	return t, true
}

// trimSpan narrows [s, e) of text to its non-space bytes.
func trimSpan(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
		e--
	}
	return s, e
}
