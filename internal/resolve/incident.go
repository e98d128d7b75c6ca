package resolve

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// Signature sums up the features of all the reports of one incident; a
// store keeps it with the incident and hands it back with candidates.
type Signature struct {
	Names     []string   `json:"n,omitempty"`
	Words     []string   `json:"w,omitempty"`
	Dates     []SigDate  `json:"d,omitempty"`
	Places    []SigPlace `json:"p,omitempty"`
	Countries []string   `json:"c,omitempty"`
	Types     []string   `json:"t,omitempty"` // "type/sub_type"
	Weapons   []string   `json:"x,omitempty"`
	Targets   []string   `json:"g,omitempty"`
	Actors    []string   `json:"a,omitempty"`
	Deaths    []int      `json:"k,omitempty"` // exact fatality figures
}

// SigDate is one reported date range, in days since 1970.
type SigDate struct {
	Lo     int  `json:"l"`
	Hi     int  `json:"h"`
	Day    bool `json:"y,omitempty"` // day precision
	Approx bool `json:"a,omitempty"`
}

// SigPlace is one reported place with coordinates.
type SigPlace struct {
	Lat    float64 `json:"la"`
	Lon    float64 `json:"lo"`
	Name   string  `json:"n"`
	Coarse bool    `json:"c,omitempty"` // country or region, not a city or site
}

// Caps keep signatures of incidents with hundreds of reports small.
const sigCap = 48

// Add folds one report's features into the signature.
func (s *Signature) Add(f Features) {
	if f.Name != "" && len(s.Names) < sigCap {
		s.Names = appendUnique(s.Names, f.Name)
	}
	for _, w := range f.Words {
		if len(s.Words) < sigCap*2 {
			s.Words = appendUnique(s.Words, w)
		}
	}
	if f.Dated && len(s.Dates) < sigCap {
		d := SigDate{Lo: f.DayLo, Hi: f.DayHi, Day: f.Precision == dossier.PrecisionDay, Approx: f.Approx}
		dup := false
		for _, x := range s.Dates {
			dup = dup || x == d
		}
		if !dup {
			s.Dates = append(s.Dates, d)
		}
	}
	if f.HasCoords && len(s.Places) < sigCap {
		p := SigPlace{Lat: f.Lat, Lon: f.Lon, Name: f.Place, Coarse: coarse(f.LocPrecision)}
		dup := false
		for _, x := range s.Places {
			dup = dup || x == p
		}
		if !dup {
			s.Places = append(s.Places, p)
		}
	}
	s.Countries = appendUnique(s.Countries, f.Country)
	if f.Type != "" {
		s.Types = appendUnique(s.Types, f.Type+"/"+f.SubType)
	}
	for _, w := range f.Weapons {
		if len(s.Weapons) < sigCap {
			s.Weapons = appendUnique(s.Weapons, w)
		}
	}
	for _, t := range f.Targets {
		if len(s.Targets) < sigCap {
			s.Targets = appendUnique(s.Targets, t)
		}
	}
	for _, a := range f.Actors {
		if len(s.Actors) < sigCap {
			s.Actors = appendUnique(s.Actors, a)
		}
	}
	if r := f.Fatalities; r != nil && r.Max != nil && *r.Max == r.Min && r.Min > 0 {
		found := false
		for _, k := range s.Deaths {
			found = found || k == r.Min
		}
		if !found && len(s.Deaths) < sigCap {
			s.Deaths = append(s.Deaths, r.Min)
		}
	}
}

// SignatureOf sums up the reports of one incident.
func SignatureOf(reports []*dossier.Incident) *Signature {
	s := &Signature{}
	for _, r := range reports {
		s.Add(FeaturesOf(r))
	}
	return s
}

func coarse(precision string) bool {
	switch precision {
	case "country", "admin1", "region", "state", "province", "continent", "":
		return true
	}
	return false
}

// Thresholds of a merge: a report joins an incident when the score reaches
// MergeScore and at least one clue identifies the event beyond its date and
// country (its name, a target, an actor, the wording, a weapon, the place
// itself, the death toll). An undated report needs UndatedScore.
const (
	MergeScore   = 4.5
	UndatedScore = 5.5
)

// Match is the comparison of a report with an incident.
type Match struct {
	Score    float64
	Reasons  []string
	Veto     string // why they cannot be the same incident
	Identity bool   // a clue beyond date, country and type
	Dated    bool   // both have dates
	Place    bool   // the same place, a nearby one or the same country
}

// Merges reports whether the match is strong enough to merge.
func (m Match) Merges() bool {
	if m.Veto != "" || !m.Identity {
		return false
	}
	if m.Dated {
		return m.Score >= MergeScore
	}
	return m.Score >= UndatedScore
}

// Reason is the match written for people: the score and its clues.
func (m Match) Reason() string {
	return fmt.Sprintf("score %.1f: %s", m.Score, strings.Join(m.Reasons, "; "))
}

// Compare scores a report against an incident's signature.
func Compare(f Features, s *Signature) Match { return compare(f, s, true) }

// compare is Compare; without why it writes no reasons (clustering
// compares every pair of a component and keeps the reasons of few).
func compare(f Features, s *Signature, why bool) Match {
	var m Match
	add := func(score float64, identity bool, reason string, args ...any) {
		m.Score += score
		m.Identity = m.Identity || identity
		if why {
			m.Reasons = append(m.Reasons, fmt.Sprintf(reason, args...))
		}
	}
	setVeto := func(format string, args ...any) {
		m.Veto = "veto"
		if why {
			m.Veto = fmt.Sprintf(format, args...)
		}
	}

	// Date: both dated must agree within a day.
	if f.Dated && len(s.Dates) > 0 {
		m.Dated = true
		best, bestGap := -1.0, 1<<30
		for _, d := range s.Dates {
			gap := max(0, d.Lo-f.DayHi, f.DayLo-d.Hi)
			bestGap = min(bestGap, gap)
			var sc float64
			switch {
			case gap == 0 && d.Day && f.Precision == dossier.PrecisionDay && d.Lo == f.DayLo:
				sc = 3
			case gap == 0 && (d.Day || f.Precision == dossier.PrecisionDay) && (d.Hi-d.Lo <= 31 && f.DayHi-f.DayLo <= 31):
				sc = 1 // a day within a month
			case gap == 0:
				sc = 0.5 // a day within a year or a longer span
			case gap == 1 && d.Day && f.Precision == dossier.PrecisionDay:
				sc = 2
				if f.Approx || d.Approx {
					sc = 2.5
				}
			default:
				continue
			}
			best = max(best, sc)
		}
		switch {
		case best < 0:
			setVeto("dates %d days apart", bestGap)
			return m
		case best == 3:
			add(3, false, "same date (%s)", dayString(f.DayLo))
		case best >= 2:
			add(best, false, "dates a day apart (publication time zone)")
		default:
			add(best, false, "date within the same period")
		}
	}

	// Place: another country, or far apart, cannot be the same incident.
	if f.Country != "" && len(s.Countries) > 0 && !contains(s.Countries, f.Country) && !contains(s.Countries, "") {
		setVeto("another country (%s, not %s)", f.Country, strings.Join(s.Countries, ", "))
		return m
	}
	placed := false
	named := placeNamed(f, s)
	if f.HasCoords && !coarse(f.LocPrecision) {
		nearest, name := -1.0, ""
		for _, p := range s.Places {
			if p.Coarse {
				continue
			}
			d := haversine(f.Lat, f.Lon, p.Lat, p.Lon)
			if nearest < 0 || d < nearest {
				nearest, name = d, p.Name
			}
		}
		switch {
		case nearest < 0:
		case nearest <= 10:
			add(2, true, "same place (%s, %.0f km)", name, nearest)
			placed, m.Place = true, true
		case nearest <= 50:
			add(1, false, "nearby places (%.0f km)", nearest)
			placed, m.Place = true, true
		case nearest > 300 && named == "":
			setVeto("places %.0f km apart", nearest)
			return m
		case nearest > 300:
			// one title names the other's place: a place name resolved
			// to a namesake far away (Belltown, Seattle, found in Alaska)
			add(1, false, "place named in the other's title (%s; its coordinates are %.0f km off)", named, nearest)
			placed, m.Place = true, true
		default:
			placed = true
		}
	}
	if !m.Place && f.Place != "" && f.Place != f.Country {
		// the same province or district, named by both (no city), or
		// under two names or in two scripts ("Hajjah Governorate",
		// "محافظة حجة"), which the gazetteer placed both at its centre
		for _, p := range s.Places {
			if contains(s.Countries, p.Name) {
				continue
			}
			sameName := p.Name == f.Place && (p.Coarse || coarse(f.LocPrecision))
			sameCentre := f.LocPrecision == "admin1" && f.HasCoords && p.Coarse && haversine(f.Lat, f.Lon, p.Lat, p.Lon) < 1
			if sameName || sameCentre {
				add(1, true, "same province or district (%s)", p.Name)
				placed, m.Place = true, true
				break
			}
		}
	}
	if !m.Place && named != "" {
		add(1, false, "place named in the other's title (%s)", named)
		placed, m.Place = true, true
	}
	if p := crossScriptPlace(f, s); p != "" && m.Dated {
		// the same place written in two scripts ("القبير" and "Al-Qubeir"):
		// what a reader of both languages sees at once, a clue to the event
		// when the dates agree
		add(2, true, "same place in two scripts (%s)", p)
		placed, m.Place = true, true
	}
	if !placed && f.Country != "" && contains(s.Countries, f.Country) {
		add(0.5, false, "same country (%s)", f.Country)
		m.Place = true
	}

	// Type.
	if f.Type != "" && len(s.Types) > 0 {
		full := f.Type + "/" + f.SubType
		typeOnly := false
		for _, t := range s.Types {
			if strings.HasPrefix(t, f.Type+"/") {
				typeOnly = true
			}
		}
		switch {
		case contains(s.Types, full):
			add(1, false, "same type (%s)", f.SubType)
		case typeOnly:
			add(0.5, false, "same type (%s)", f.Type)
		default:
			add(-0.5, false, "another type")
		}
	}

	// Name and wording.
	if f.Name != "" && contains(s.Names, f.Name) {
		add(4, true, "same name (%q)", f.Title)
	} else if shared := intersect(f.Words, s.Words); len(shared) > 0 {
		nonYear := 0
		for _, w := range shared {
			if !isYear(w) {
				nonYear++
			}
		}
		switch {
		case len(shared) >= 2 && nonYear >= 1:
			add(1.5, true, "shared wording (%s)", strings.Join(shared, ", "))
		case nonYear == 1:
			add(0.5, true, "shared word (%s)", shared[0])
		}
	}
	if shared := intersect(f.Targets, s.Targets); len(shared) > 0 {
		add(2, true, "same target (%s)", nameOf(shared[0], f.Targets, f.TargetNames))
	} else if t := targetWithin(f.Targets, s.Targets); t != "" {
		add(1.5, true, "same target within a longer one (%s)", nameOf(t, f.Targets, f.TargetNames))
	}
	if shared := intersect(f.Actors, s.Actors); len(shared) > 0 {
		add(1, true, "same actor named (%s)", nameOf(shared[0], f.Actors, f.ActorNames))
	}
	if shared := intersect(f.Weapons, s.Weapons); len(shared) > 0 {
		specific := ""
		for _, w := range shared {
			if !genericWeapons[w] {
				specific = w
				break
			}
		}
		if specific != "" {
			add(0.5, true, "same weapon (%s)", specific)
		} else {
			// every attack of its kind has one: no clue to which event
			add(0.5, false, "same weapon (%s)", shared[0])
		}
	}
	if r := f.Fatalities; r != nil && r.Max != nil && *r.Max == r.Min && r.Min > 0 {
		for _, k := range s.Deaths {
			if k == r.Min {
				add(0.5, true, "same death toll (%d)", k)
				break
			}
		}
	}
	return m
}

// genericWeapons (WeaponKey) are what any bombing or shooting has: they
// add to a match but never tell which event it is.
var genericWeapons = map[string]bool{"bomb": true, "explosive": true, "explosive device": true, "firearm": true,
	"gun": true, "weapon": true, "arm": true, "gunfire": true}

// placeNamed returns a place of one side whose every word is in the
// other side's titles ("Seattle" of one report in "Gunman kills one in
// Seattle Jewish Federation"), or "".
func placeNamed(f Features, s *Signature) string {
	within := func(place string, words []string) bool {
		toks := names.Tokens(place)
		if len(toks) == 0 {
			return false
		}
		for _, t := range toks {
			if !contains(words, t) {
				return false
			}
		}
		return true
	}
	if f.Place != "" && within(f.Place, s.Words) {
		return f.Place
	}
	for _, p := range s.Places {
		if p.Name != "" && !p.Coarse && within(p.Name, f.Words) {
			return p.Name
		}
	}
	return ""
}

// targetWithin returns a target key of ks whose every part is in a longer
// target of the other side ("parliament" in "Centre Block of Parliament"),
// or the other way round; parts of fewer than five letters do not count.
func targetWithin(ks, others []string) string {
	in := func(a, b string) bool {
		pa, pb := strings.Fields(a), strings.Fields(b)
		if len(pa) >= len(pb) || len(a) < 5 {
			return false
		}
		for _, x := range pa {
			if !contains(pb, x) {
				return false
			}
		}
		return true
	}
	for _, k := range ks {
		for _, o := range others {
			if in(k, o) || in(o, k) {
				return k
			}
		}
	}
	return ""
}

// nameOf returns the name written for a key.
func nameOf(key string, keys, names []string) string {
	for i, k := range keys {
		if k == key && i < len(names) {
			return names[i]
		}
	}
	return key
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func dayString(d int) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}

// Candidate is an incident a store proposes for a document's reports.
type Candidate struct {
	ID  string
	Sig *Signature
}

// Probe is one report of a document to place: its features, and what
// reviews decided about it (a forced incident, rejected incidents). Force
// is dossier.OwnIncident when a reviewer gave the report an incident of
// its own. Undated marks a document's own (main) report with no date: it
// joins the one dated incident that fits it, or waits (Decision.Wait).
type Probe struct {
	Features Features
	Force    string
	Exclude  []string
	Undated  bool
}

// Decision places one report: in Incident (empty for a new incident),
// with the score and the reason. Wait is set for an undated report that
// no single incident fits: it forms no incident and waits for a reviewer
// or a later report, with the incidents that came nearest.
type Decision struct {
	Incident string
	Score    float64
	Reason   string
	Wait     bool
	Nearest  []Fit
}

// Fit is an incident compared with an undated report.
type Fit struct {
	Incident string  `json:"incident"`
	Score    float64 `json:"score"`
	Reason   string  `json:"reason"`
	// Fits: the incident is one the report could join (see PlaceUndated).
	Fits bool `json:"fits"`
}

// An undated report fits an incident when their match merges (UndatedScore,
// a clue of identity, no veto), the incident is dated, they share a place
// (the same city within 50 km, or the same country), and the score is
// within UndatedMargin of the best one: a candidate far behind the best is
// no rival. It joins when exactly one fits.
const (
	UndatedMargin = 2.0
	nearestCount  = 5
	// UndatedReason starts the reason of an undated report that joined the
	// one incident that fits it.
	UndatedReason = "undated, the one incident that fits: "
)

// PlaceUndated compares an undated report with the candidates: exactly one
// that fits is its incident; none or several and it waits.
func PlaceUndated(p Probe, cands []Candidate) Decision {
	type scored struct {
		c Candidate
		m Match
	}
	var all []scored
	for _, c := range cands {
		if contains(p.Exclude, c.ID) {
			continue
		}
		m := Compare(p.Features, c.Sig)
		if m.Veto != "" {
			continue
		}
		all = append(all, scored{c, m})
	}
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].m.Score != all[b].m.Score {
			return all[a].m.Score > all[b].m.Score
		}
		return all[a].c.ID < all[b].c.ID
	})
	best := 0.0
	var fits []scored
	for _, x := range all {
		if !x.m.Merges() || len(x.c.Sig.Dates) == 0 || !x.m.Place {
			continue
		}
		if len(fits) == 0 {
			best = x.m.Score
		}
		if x.m.Score >= best-UndatedMargin {
			fits = append(fits, x)
		}
	}
	var d Decision
	for _, x := range all {
		if len(d.Nearest) == nearestCount || x.m.Score <= 0 {
			break
		}
		fit := false
		for _, f := range fits {
			fit = fit || f.c.ID == x.c.ID
		}
		d.Nearest = append(d.Nearest, Fit{Incident: x.c.ID, Score: x.m.Score, Reason: x.m.Reason(), Fits: fit})
	}
	switch {
	case len(fits) == 1:
		return Decision{Incident: fits[0].c.ID, Score: fits[0].m.Score, Reason: UndatedReason + fits[0].m.Reason(), Nearest: d.Nearest}
	case p.Features.Country == "":
		d.Reason = "undated, and no place to match on"
	case len(fits) == 0:
		d.Reason = "undated, and no incident fits"
	default:
		d.Reason = fmt.Sprintf("undated, and %d incidents fit", len(fits))
	}
	d.Wait = true
	return d
}

// Assign places the reports of one document among candidate incidents.
// Two reports of one document never join the same incident (a document
// that names two incidents means two); the strongest matches are taken
// first, so the result does not depend on the order of the reports.
func Assign(probes []Probe, cands []Candidate) []Decision {
	out := make([]Decision, len(probes))
	taken := map[string]bool{}
	for i, p := range probes {
		switch {
		case p.Force == dossier.OwnIncident:
			out[i] = Decision{Reason: "an incident of its own, by review"}
		case p.Force != "":
			out[i] = Decision{Incident: p.Force, Score: 0, Reason: "placed by review"}
			taken[p.Force] = true
		case p.Undated:
			out[i] = PlaceUndated(p, cands)
			taken[out[i].Incident] = out[i].Incident != ""
		}
	}
	type pair struct {
		r int
		c int
		m Match
	}
	var pairs []pair
	for i, p := range probes {
		if p.Force != "" || p.Undated {
			continue
		}
		for j, c := range cands {
			if contains(p.Exclude, c.ID) {
				continue
			}
			if m := Compare(p.Features, c.Sig); m.Merges() {
				pairs = append(pairs, pair{i, j, m})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].m.Score != pairs[b].m.Score {
			return pairs[a].m.Score > pairs[b].m.Score
		}
		if pairs[a].r != pairs[b].r {
			return pairs[a].r < pairs[b].r
		}
		return cands[pairs[a].c].ID < cands[pairs[b].c].ID
	})
	done := make([]bool, len(probes))
	for _, p := range pairs {
		id := cands[p.c].ID
		if done[p.r] || out[p.r].Incident != "" || taken[id] {
			continue
		}
		out[p.r] = Decision{Incident: id, Score: p.m.Score, Reason: "merged, " + p.m.Reason()}
		taken[id] = true
		done[p.r] = true
	}
	for i := range out {
		if out[i].Incident == "" && out[i].Reason == "" {
			out[i].Reason = "new incident"
		}
	}
	return out
}

// crossScriptPlace returns a place one side names in Arabic script whose
// transliteration skeleton (names.SkeletonOf) matches a place name or a
// run of title words of the other side written in Latin letters, or "".
// Skeletons of one short word collide often, so a skeleton of fewer than
// three consonants counts only against a place name, not against title
// words.
func crossScriptPlace(f Features, s *Signature) string {
	latinRuns := func(words []string) []string {
		var out []string
		for n := 1; n <= 3; n++ {
			for i := 0; i+n <= len(words); i++ {
				out = append(out, strings.Join(words[i:i+n], " "))
			}
		}
		return out
	}
	match := func(ar string, places, words []string) bool {
		if ar == "" || !names.HasArabic(ar) {
			return false
		}
		a := names.SkeletonOf(ar)
		if len(a.Key) < 2 {
			return false
		}
		for _, p := range places {
			if p != "" && !names.HasArabic(p) && a.Matches(names.SkeletonOf(p)) {
				return true
			}
		}
		if len(a.Key) < 3 {
			return false
		}
		for _, w := range latinRuns(words) {
			if !names.HasArabic(w) && a.Matches(names.SkeletonOf(w)) {
				return true
			}
		}
		return false
	}
	var sPlaces []string
	for _, p := range s.Places {
		sPlaces = append(sPlaces, p.Name)
	}
	if match(f.Place, sPlaces, s.Words) {
		return f.Place
	}
	for _, p := range sPlaces {
		if match(p, []string{f.Place}, f.Words) {
			return p
		}
	}
	// a name in the title: Arabic names an event "act + name" ("هجوم
	// متحف باردو"), so the title's words after its first are names
	for _, w := range titleNames(f.Words) {
		if a := names.SkeletonOf(w); len(a.Key) >= 3 && match(w, sPlaces, s.Words) {
			return w
		}
	}
	for _, w := range titleNames(s.Words) {
		if a := names.SkeletonOf(w); len(a.Key) >= 3 && match(w, []string{f.Place}, f.Words) {
			return w
		}
	}
	return ""
}

// titleNames returns the words of an Arabic title after its first (the
// act), years left out.
func titleNames(words []string) []string {
	var out []string
	for i, w := range words {
		if i == 0 || isYear(w) || !names.HasArabic(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}
