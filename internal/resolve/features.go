// Package resolve decides which documents speak of the same real-world
// incident or actor, and reconciles what they say. It is pure: it reads
// extraction output and what a store hands it (candidate incidents and
// actors, the reports of one incident, reviews) and returns decisions with
// their reasons; it never touches a database, a clock or a global.
//
// Incidents are matched on features (date with its precision, place and
// distance, type, targets, actors, weapons, the wording of the name) that
// add up to a score, with vetoes for what cannot be the same event (two
// days or more apart, hundreds of kilometres apart, another country).
// Actors are matched on transliteration keys (internal/names.Key) of their
// names and aliases, their kind, and, for bare surnames, their context.
package resolve

import (
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/names"
)

// Features are what incident resolution compares, read from one report.
type Features struct {
	Title string
	// Name is the title's folded words when the title names the event
	// ("2021 Erbil rocket attacks"), empty for a generic one ("attack").
	Name  string
	Words []string // content words of the title
	// DayLo and DayHi are the date range in days since 1970; Dated is false
	// for an undated report. Approx marks a date read from the publication
	// date rather than the text (it may be a day off).
	DayLo, DayHi int
	Dated        bool
	Precision    string
	Approx       bool
	// Place: coordinates when known, folded place and country names.
	Lat, Lon     float64
	HasCoords    bool
	Place        string
	Country      string
	LocPrecision string
	Type         string
	SubType      string
	Weapons      []string // folded
	Targets      []string // name keys
	TargetNames  []string // the names of Targets, as written
	Actors       []string // name keys of perpetrators and accused
	ActorNames   []string
	Fatalities   *dossier.Range
}

// Day converts a date string (YYYY, YYYY-MM or YYYY-MM-DD) into the first
// (or, with end, the last) day it covers, in days since 1970.
func Day(s string, end bool) (int, bool) {
	var y, m, d int
	var prec string
	switch len(s) {
	case 4:
		prec = dossier.PrecisionYear
	case 7:
		prec = dossier.PrecisionMonth
	case 10:
		prec = dossier.PrecisionDay
	default:
		return 0, false
	}
	t, err := time.Parse("2006-01-02"[:len(s)], s)
	if err != nil {
		return 0, false
	}
	y, m, d = t.Year(), int(t.Month()), t.Day()
	if end {
		switch prec {
		case dossier.PrecisionYear:
			t = time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		case dossier.PrecisionMonth:
			t = time.Date(y, time.Month(m)+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		}
	} else {
		t = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	}
	return int(t.Unix() / 86400), true
}

// DateDays returns the day range a DateRange covers.
func DateDays(dr *dossier.DateRange) (lo, hi int, ok bool) {
	if dr == nil || dr.Start == "" {
		return 0, 0, false
	}
	lo, ok = Day(dr.Start, false)
	if !ok {
		return 0, 0, false
	}
	end := dr.End
	if end == "" {
		end = dr.Start
	}
	hi, ok = Day(end, true)
	if !ok || hi < lo {
		hi = lo
	}
	return lo, hi, true
}

// FeaturesOf reads the features of one extracted incident.
func FeaturesOf(in *dossier.Incident) Features {
	f := Features{Title: in.Title, Type: in.Type, SubType: in.SubType, Fatalities: in.Fatalities}
	f.Words = contentWords(in.Title)
	// A name identifies the event when it says more than a year and a
	// place: "2021 Erbil rocket attacks", not "Attack in Abu Dhabi".
	var place []string
	if l := in.Location; l != nil {
		place = names.Tokens(l.Place + " " + l.Admin1 + " " + l.Country)
	}
	var nameWords []string
	specific := false
	for _, w := range f.Words {
		if !isYear(w) {
			nameWords = append(nameWords, w)
			specific = specific || !contains(place, w)
		}
	}
	if len(nameWords) >= 2 && specific {
		f.Name = strings.Join(nameWords, " ")
	}
	if lo, hi, ok := DateDays(in.Date); ok {
		f.DayLo, f.DayHi, f.Dated, f.Precision = lo, hi, true, in.Date.Precision
		for _, e := range in.Evidence {
			if e.Field == "date" && e.Method == dossier.MethodMeta {
				f.Approx = true
			}
		}
	}
	if l := in.Location; l != nil {
		f.Place, f.Country, f.LocPrecision = names.Fold(l.Place), names.Fold(l.Country), l.Precision
		if l.Lat != nil && l.Lon != nil {
			f.Lat, f.Lon, f.HasCoords = *l.Lat, *l.Lon, true
		}
	}
	for _, w := range in.Weapons {
		f.Weapons = appendUnique(f.Weapons, WeaponKey(w))
	}
	for _, t := range in.Targets {
		if k := names.Key(t); k != "" && !contains(f.Targets, k) {
			f.Targets = append(f.Targets, k)
			f.TargetNames = append(f.TargetNames, t)
		}
	}
	for _, a := range append(append([]string{}, in.Perpetrators...), in.Accused...) {
		if k := names.Key(a); k != "" && !contains(f.Actors, k) {
			f.Actors = append(f.Actors, k)
			f.ActorNames = append(f.ActorNames, a)
		}
	}
	return f
}

// WeaponKey folds a weapon and drops a plural s, so "drones" = "drone".
func WeaponKey(w string) string {
	k := names.Fold(w)
	if len(k) > 3 && strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") {
		k = k[:len(k)-1]
	}
	return k
}

// stopWords are dropped from titles before wording is compared: function
// words and the generic words of event names, which say nothing of which
// event it is.
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "and": true,
	"to": true, "by": true, "for": true, "from": true, "with": true, "near": true, "against": true,
	"attack": true, "attacks": true, "attacked": true, "bombing": true, "bombings": true, "explosion": true,
	"explosions": true, "strike": true, "strikes": true, "airstrike": true, "airstrikes": true,
	"killing": true, "killings": true, "shooting": true, "shootings": true, "incident": true,
	"massacre": true, "blast": true, "blasts": true, "clashes": true, "clash": true, "attempt": true,
	"attempted": true, "assassination": true, "raid": true, "raids": true, "series": true,
	"killed": true, "kill": true, "kills": true, "dead": true, "death": true, "deaths": true,
	"people": true, "least": true, "after": true, "following": true, "more": true, "than": true,
	"s": true, "was": true, "were": true, "is": true, "al": true, "el": true,
}

// contentWords returns the folded words of a title that are not stop words.
func contentWords(title string) []string {
	var out []string
	for _, t := range names.Tokens(title) {
		if !stopWords[t] {
			out = appendUnique(out, t)
		}
	}
	return out
}

func appendUnique(xs []string, s string) []string {
	if s == "" {
		return xs
	}
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

// haversine returns the distance in kilometres between two points.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	return gazetteer.DistanceKm(lat1, lon1, lat2, lon2)
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

func sortedUnique(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
