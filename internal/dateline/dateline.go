// Package dateline reads the opening of a news report that says where, and
// sometimes when and for whom, it was written:
//
//	KABUL, March 3 (Reuters) - Gunmen attacked ...
//	BAGHDAD (AP) — A car bomb ...
//	Mogadishu, Somalia (CNN) -- At least ...
//	NAIROBI, Kenya, Jan 15 — ...
//	Manila: Five soldiers ...
//
// and the bare "City, Country" line some sites print above the text. The
// place of writing is not the incident's place unless the text says so, and
// the date is the date of writing; the extractor decides what to make of
// them. Offsets are byte offsets into the text given.
package dateline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dateline is a dateline found at the start of a text.
type Dateline struct {
	Start, End int // the whole dateline with its dash and the space after it
	Place      string
	PlaceStart int
	PlaceEnd   int
	Region     string // "Somalia" in "Mogadishu, Somalia (CNN) --"
	Date       string // as written: "March 3", "Jan 15"
	DateStart  int
	DateEnd    int
	Outlet     string // "Reuters", "AP"
}

const (
	word = `[\p{Lu}][\p{L}'’.\-]*`
	// a name's words, with a lower-case particle between two of them
	// ("Lanao del Sur", "Dar es Salaam")
	name    = word + `(?:[ \-](?:(?:de|del|da|do|dos|das|di|du|la|le|es|el|al|y)[ \-])?` + word + `){0,3}`
	months  = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	dayPart = `(?:` + months + `\s+\d{1,2}|\d{1,2}\s+` + months + `)(?:,?\s+\d{4})?`
	// an outlet in brackets, with the day it printed the report after a
	// comma: "(Reuters)", "(PNG Post-Courier, April 2, 2008)"
	outlet = `\(([\p{L}][\p{L}0-9 .&'’/\-]{0,40}?)(?:,\s*(` + dayPart + `))?\)`
	dash   = `(?:--|-|–|—|―|:|_)`
)

var opening = regexp.MustCompile(`^\s*(` + name + `)` + region + `(?:,\s*(` + dayPart + `))?\s*(?:` + outlet + `)?\s*(?:` + dash + `\s+|[—–―]\s*)`)

// twoPlaces is a dateline of two places in capitals joined by a slash.
var twoPlaces = regexp.MustCompile(`^\s*(\p{Lu}{2,}(?: \p{Lu}{2,})?)/\p{Lu}{2,}(?: \p{Lu}{2,})?\s*(?:--|-|–|—|―|:)\s+`)

// region is the country or province after the place: ", Somalia" or, as
// some wires write it, " [Country]".
const region = `(?:(?:,\s*|\s*\[)(` + name + `)\]?)?`

// openingNoDash is a dateline whose outlet in brackets ends it, with no
// dash after: "CITY, Jan 5 (PTI) The police ...", "CITY, Nov 19 (AFP)
// Soldiers were ...", as some wires write it.
var openingNoDash = regexp.MustCompile(`^\s*(` + name + `)` + region + `(?:,\s*(` + dayPart + `))?\s*(?:` + outlet + `)\s+\p{Lu}`)

// Find reads a dateline at the start of text (a report's first paragraph).
// An opening counts as a dateline when its place is written in capitals
// ("KABUL"), or an outlet in brackets or a date follows the place: "Iraq -
// a report" alone is not one.
func Find(text string) (Dateline, bool) {
	// "ABUJA/LAGOS - ...": a report written in two places, in capitals;
	// the first is the place of writing
	if m := twoPlaces.FindStringSubmatchIndex(text); m != nil {
		return Dateline{Start: m[0], End: m[1], Place: titleCase(text[m[2]:m[3]]), PlaceStart: m[2], PlaceEnd: m[3]}, true
	}
	m := opening.FindStringSubmatchIndex(text)
	if m == nil {
		if m = openingNoDash.FindStringSubmatchIndex(text); m == nil {
			return Dateline{}, false
		}
		m[1]-- // the capital after it opens the text
	}
	d := Dateline{Start: m[0], End: m[1], PlaceStart: m[2], PlaceEnd: m[3], Place: text[m[2]:m[3]]}
	if m[4] >= 0 {
		d.Region = text[m[4]:m[5]]
	}
	if m[6] >= 0 {
		d.Date, d.DateStart, d.DateEnd = text[m[6]:m[7]], m[6], m[7]
	}
	if m[8] >= 0 {
		d.Outlet = text[m[8]:m[9]]
	}
	if m[10] >= 0 && d.Date == "" {
		d.Date, d.DateStart, d.DateEnd = text[m[10]:m[11]], m[10], m[11]
	}
	// "Manila: Five soldiers were killed": a colon after a name of one or
	// two words, as some papers write the place of writing
	colon := strings.HasSuffix(strings.TrimSpace(text[m[0]:m[1]]), ":") && d.Region == "" && strings.Count(d.Place, " ") <= 1
	// "Maputo — Terrorists killed": a long dash after such a name, as
	// other papers write it (not a hyphen: "Iraq - a report")
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text[m[0]:m[1]]))
	longDash := strings.ContainsRune("—–―", last) &&
		strings.Count(d.Place, " ") <= 1 && m[1] < len(text) && unicode.IsUpper([]rune(text[m[1]:])[0])
	// "Addis Ababa - At least two people were killed": a spaced hyphen
	// after a name of one to three words, a capital after it (the
	// caller checks that the name is a place)
	hyphen := strings.HasSuffix(text[m[0]:m[1]], " - ") && d.Region == "" && strings.Count(d.Place, " ") <= 2 &&
		m[1] < len(text) && unicode.IsUpper([]rune(text[m[1]:])[0]) && !strings.HasPrefix(d.Place, "The ")
	if !(capitals(d.Place) || d.Outlet != "" || d.Date != "" || colon || longDash || hyphen) {
		return Dateline{}, false
	}
	if d.Region != "" && capitals(d.Region) && !capitals(d.Place) {
		return Dateline{}, false // "Islamic State, ISIL -": not a place and its region
	}
	// the place reads as a name, not a sentence's first words: at most four
	// words, each capitalised (checked by the pattern), no verb-like tail
	if strings.Count(d.Place, " ") > 3 {
		return Dateline{}, false
	}
	d.Place = titleCase(d.Place)
	return d, true
}

// Line reads a bare "City, Country" line (at most six words, each part
// capitalised, nothing else on the line): some sites print the place of
// writing above the text.
// runInPlace is the place of a dateline run into its text.
var runInPlace = regexp.MustCompile(`^\s*(` + name + `), `)

// RunIn reads a dateline whose dash a copy of the page lost, "CITY,
// COUNTRY" run into the first sentence ("Tegucigalpa, Honduras Masked men
// killed ..."): the words after the comma up to a capitalised word are a
// country's name, as isCountry says (prose never runs a country's name
// into a capitalised word without punctuation).
func RunIn(text string, isCountry func(string) bool) (Dateline, bool) {
	m := runInPlace.FindStringSubmatchIndex(text)
	if m == nil || strings.Count(text[m[2]:m[3]], " ") > 2 {
		return Dateline{}, false
	}
	rest := text[m[1]:]
	words := strings.SplitAfter(rest, " ")
	n := 0
	for k := 0; k < 3 && k+1 < len(words); k++ {
		n += len(words[k])
		region := strings.TrimSpace(rest[:n])
		next, _ := utf8.DecodeRuneInString(rest[n:])
		d := Dateline{Start: m[0], End: m[1] + n, Place: titleCase(text[m[2]:m[3]]), PlaceStart: m[2], PlaceEnd: m[3], Region: region}
		if unicode.IsUpper(next) && !strings.HasSuffix(region, ",") && isCountry(region) {
			return d, true
		}
		// "MAIDUGURI, Nigeria, Sept 3 Gunmen killed": its date after it
		if r := strings.TrimRight(region, ","); r != region && isCountry(r) {
			if dm := runInDate.FindStringSubmatchIndex(rest[n:]); dm != nil {
				off := m[1] + n
				d.Region, d.End = r, off+dm[1]-1
				d.Date, d.DateStart, d.DateEnd = rest[n+dm[2]:n+dm[3]], off+dm[2], off+dm[3]
				return d, true
			}
		}
	}
	return Dateline{}, false
}

// runInDate is a dateline's date run into its text: "Sept 3 Gunmen".
var runInDate = regexp.MustCompile(`^(` + dayPart + `)\s+\p{Lu}`)

func Line(line string) (Dateline, bool) {
	t := strings.TrimSpace(line)
	if t == "" || strings.Count(t, " ") > 5 {
		return Dateline{}, false
	}
	city, region, ok := strings.Cut(t, ",")
	region = strings.TrimSpace(region)
	if !ok || city == "" || region == "" || strings.Contains(region, ",") {
		return Dateline{}, false
	}
	if !allWordsCapitalised(city) || !allWordsCapitalised(region) {
		return Dateline{}, false
	}
	off := strings.Index(line, t)
	return Dateline{Start: off, End: off + len(t), Place: titleCase(city), PlaceStart: off, PlaceEnd: off + len(city), Region: region}, true
}

func allWordsCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if unicode.IsDigit(c) {
				return false
			}
		}
	}
	return strings.TrimSpace(s) != ""
}

// capitals says whether a name is written in capitals: "KABUL", "DAR ES
// SALAAM" (two letters or more, no lower-case letter).
func capitals(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titleCase writes a place written in capitals as a name: "DAR ES SALAAM"
// -> "Dar Es Salaam"; other names are kept.
func titleCase(s string) string {
	if !capitals(s) {
		return s
	}
	var b strings.Builder
	up := true
	for _, r := range s {
		if up {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == ' ' || r == '-'
	}
	return b.String()
}
