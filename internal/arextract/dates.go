package arextract

import (
	"fmt"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
)

// dateFound is a date read in a sentence.
type dateFound struct {
	i, j     int
	dr       *dossier.DateRange
	relative bool   // read from a weekday or a day word, against the publication date
	note     string // what the method alone does not say (a Hijri date, two readings)
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
// شهر مارس عام 2019", "مارس 2019", "عام 2019", "12 رمضان 1440 هـ".
func (d *doc) dateAt(s *sentence, i int) (dateFound, bool) {
	w := s.words
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
			return dateFound{i: i, j: e, dr: &dossier.DateRange{Start: t, End: t, Precision: "day"}}, true
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
			out = append(out, f)
			i = f.j - 1
		}
	}
	if pub, err := time.Parse(time.DateOnly, d.in.Published); err == nil {
		for i := 0; i < len(s.words); i++ {
			if f, ok := d.relativeAt(s, i, pub); ok {
				out = append(out, f)
				i = f.j - 1
			}
		}
	}
	return out
}
