package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
)

// ACLEDColumns are the columns of the ACLED-style CSV: ACLED's own, in
// ACLED's order and with ACLED's meanings, then dossier's.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
	// dossier's own
	"fatalities_max", "injuries_min", "injuries_max", "evidence",
}

// ACLED event types.
const (
	typeBattles    = "Battles"
	typeExplosions = "Explosions/Remote violence"
	typeVAC        = "Violence against civilians"
	typeProtests   = "Protests"
	typeRiots      = "Riots"
	typeStrategic  = "Strategic developments"
)

// ACLED inter codes.
const (
	interNone      = 0
	interState     = 1 // state forces
	interRebel     = 2 // rebel groups
	interMilitia   = 3 // political militias
	interIdentity  = 4 // identity militias
	interRioters   = 5
	interProtester = 6
	interCivilians = 7
	interOther     = 8 // external and other forces
)

// WriteACLED writes the ACLED-style CSV: one row per incident, with
// ACLED's columns and coding rules where dossier has the information (see
// docs/exports.md for each column), then dossier's columns.
func WriteACLED(ctx context.Context, st Store, w io.Writer, opts Options) (Stats, error) {
	var stats Stats
	actors, err := loadActors(ctx, st)
	if err != nil {
		return stats, err
	}
	times, err := ingestTimes(ctx, st)
	if err != nil {
		return stats, err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(ACLEDColumns); err != nil {
		return stats, fmt.Errorf("export: %w", err)
	}
	err = eachIncident(ctx, st, opts, func(in *dossier.IncidentSummary) error {
		stats.Incidents++
		return cw.Write(acledRow(in, actors, times))
	})
	if err != nil {
		return stats, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return stats, fmt.Errorf("export: %w", err)
	}
	return stats, nil
}

// acledRow codes one incident.
func acledRow(in *dossier.IncidentSummary, actors *actorIndex, times map[string]int64) []string {
	c, _ := lookupCountry(countryName(in))
	if c.Name == "" {
		c.Name = countryName(in)
	}
	a1, a2 := codeActors(in, actors, c.Name)
	row := map[string]string{
		"event_id_cnty":      eventID(c.ISO3, in.ID),
		"disorder_type":      disorderType(in.Type, in.SubType),
		"event_type":         in.Type,
		"sub_event_type":     in.SubType,
		"actor1":             a1.name,
		"assoc_actor_1":      strings.Join(a1.assoc, "; "),
		"inter1":             interString(a1.inter),
		"actor2":             a2.name,
		"assoc_actor_2":      strings.Join(a2.assoc, "; "),
		"inter2":             interString(a2.inter),
		"interaction":        interaction(a1.inter, a2.inter),
		"region":             c.Region,
		"country":            c.Name,
		"source":             strings.Join(sourceNames(in.Sources), "; "),
		"notes":              notes(in),
		"fatalities":         strconv.Itoa(conservative(in.Fatalities)),
		"tags":               tags(in),
		"fatalities_max":     rangeMax(in.Fatalities),
		"injuries_min":       rangeMin(in.Injuries),
		"injuries_max":       rangeMax(in.Injuries),
		"evidence":           strings.Join(evidenceTexts(in.Evidence, 4000), " | "),
		"civilian_targeting": "",
	}
	if in.Type == typeVAC || a2.inter == interCivilians && (in.Type == typeExplosions || in.Type == typeBattles) {
		row["civilian_targeting"] = "Civilian targeting"
	}
	if c.Numeric > 0 {
		row["iso"] = strconv.Itoa(c.Numeric)
	}
	if d, prec, ok := acledDate(in.Date); ok {
		row["event_date"], row["year"], row["time_precision"] = d, d[:4], strconv.Itoa(prec)
	}
	if l := in.Location; l != nil {
		row["admin1"] = l.Admin1
		row["location"] = firstOf(l.Place, l.Admin1, l.Country)
		if l.Lat != nil && l.Lon != nil {
			row["latitude"] = strconv.FormatFloat(*l.Lat, 'f', 4, 64)
			row["longitude"] = strconv.FormatFloat(*l.Lon, 'f', 4, 64)
			row["geo_precision"] = strconv.Itoa(geoPrecision(l.Precision))
		}
	}
	var ts int64
	for _, s := range in.Sources {
		ts = max(ts, times[s.DocumentID])
	}
	if ts > 0 {
		row["timestamp"] = strconv.FormatInt(ts, 10)
	}
	out := make([]string, len(ACLEDColumns))
	for i, col := range ACLEDColumns {
		out[i] = row[col]
		if !numericColumns[col] {
			out[i] = spreadsheetSafe(out[i])
		}
	}
	return out
}

// numericColumns hold numbers only and stay plain numbers (a longitude
// may start with "-").
var numericColumns = map[string]bool{
	"year": true, "time_precision": true, "iso": true, "latitude": true, "longitude": true,
	"geo_precision": true, "fatalities": true, "timestamp": true,
	"fatalities_max": true, "injuries_min": true, "injuries_max": true,
}

// spreadsheetSafe defuses a text cell that a spreadsheet would read as a
// formula (CSV injection): a cell starting with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe, as OWASP recommends. The text
// comes from documents anyone can write.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func countryName(in *dossier.IncidentSummary) string {
	if in.Location != nil {
		return in.Location.Country
	}
	return ""
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// eventID is ACLED's event_id_cnty: the country's ISO 3166 alpha-3 code
// and a number. The number is derived from dossier's incident id, so an
// incident keeps its event id from one export to the next; "XXX" stands
// for an unknown country.
func eventID(iso3, id string) string {
	if iso3 == "" {
		iso3 = "XXX"
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return iso3 + strconv.FormatUint(h.Sum64()%1_000_000_000_000, 10)
}

// disorderType follows ACLED: political violence for the violent event
// types and mob violence; demonstrations for protests and violent
// demonstrations; both for excessive force against protesters.
func disorderType(typ, sub string) string {
	switch {
	case sub == "Excessive force against protesters" || sub == "Excessive force against protestors":
		return "Political violence; Demonstrations"
	case sub == "Mob violence":
		return "Political violence"
	}
	switch typ {
	case typeBattles, typeExplosions, typeVAC:
		return "Political violence"
	case typeProtests, typeRiots:
		return "Demonstrations"
	case typeStrategic:
		return "Strategic developments"
	}
	return ""
}

// acledDate codes a date range as ACLED does: the day itself with time
// precision 1; a span of up to a week at its middle day with precision 2;
// anything coarser (a month, a longer span, a year) at its middle day with
// precision 3.
func acledDate(d *dossier.DateRange) (string, int, bool) {
	if d == nil || d.Start == "" {
		return "", 0, false
	}
	lo, ok1 := parseDay(d.Start, false)
	hi, ok2 := parseDay(firstOf(d.End, d.Start), true)
	if !ok1 || !ok2 {
		return "", 0, false
	}
	if hi.Before(lo) {
		hi = lo
	}
	days := int(hi.Sub(lo).Hours() / 24)
	mid := lo.AddDate(0, 0, days/2).Format("2006-01-02")
	switch {
	case days == 0:
		return mid, 1, true
	case days < 7:
		return mid, 2, true
	}
	return mid, 3, true
}

// parseDay reads YYYY, YYYY-MM or YYYY-MM-DD as its first day, or its last
// when end is set.
func parseDay(s string, end bool) (time.Time, bool) {
	for _, l := range []struct {
		layout string
		years  int
		months int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if end && (l.years > 0 || l.months > 0) {
			t = t.AddDate(l.years, l.months, -1)
		}
		return t, true
	}
	return time.Time{}, false
}

// geoPrecision codes a location's precision as ACLED does: 1 for a town
// or a site, 3 for a region or a country (the point is then the region's
// or the country's, not the event's).
func geoPrecision(p string) int {
	switch p {
	case "city", "town", "village", "site", "place", "":
		return 1
	case "district", "near":
		return 2
	}
	return 3
}

// conservative is ACLED's fatality figure: the lowest that sources give,
// 0 when none gives one.
func conservative(r *dossier.Range) int {
	if r == nil {
		return 0
	}
	return r.Min
}

func rangeMin(r *dossier.Range) string {
	if r == nil {
		return ""
	}
	return strconv.Itoa(r.Min)
}

func rangeMax(r *dossier.Range) string {
	if r == nil || r.Max == nil {
		return ""
	}
	return strconv.Itoa(*r.Max)
}

// codedActor is one side of an ACLED event.
type codedActor struct {
	name  string
	assoc []string
	inter int
}

// codeActors chooses ACLED's actor1 and actor2. Actor 1 is a reported
// perpetrator, a group or a state before a person (ACLED names the
// organisation, not its members), the other perpetrators its associates;
// without one, ACLED's generic actor for the event type ("Unidentified
// Armed Group (Iraq)", "Protesters (Iraq)"). Accused actors are not
// perpetrators: they go to the notes. Actor 2 is the first target that is
// an actor; civilians (people, or targets named as civilians) are coded as
// ACLED does, "Civilians (Iraq)" with who they were as associates, and so
// is the target of any violence against civilians.
func codeActors(in *dossier.IncidentSummary, ix *actorIndex, countryName string) (a1, a2 codedActor) {
	suffix := ""
	if countryName != "" {
		suffix = " (" + countryName + ")"
	}
	if len(in.Perpetrators) > 0 {
		first := 0
		for i, n := range in.Perpetrators {
			if a := ix.find(n); a != nil && a.Kind != dossier.KindPerson {
				first = i
				break
			}
		}
		a1.name = in.Perpetrators[first]
		for i, n := range in.Perpetrators {
			if i != first {
				a1.assoc = append(a1.assoc, n)
			}
		}
		a1.inter = inter(a1.name, ix.find(a1.name), "perpetrator")
	} else {
		switch in.Type {
		case typeProtests:
			a1 = codedActor{name: "Protesters" + suffix, inter: interProtester}
		case typeRiots:
			a1 = codedActor{name: "Rioters" + suffix, inter: interRioters}
		case typeBattles, typeExplosions, typeVAC:
			a1 = codedActor{name: "Unidentified Armed Group" + suffix, inter: interMilitia}
		}
	}
	civilians := codedActor{name: "Civilians" + suffix, inter: interCivilians}
	for _, t := range in.Targets {
		a := ix.find(t)
		code := inter(t, a, "target")
		switch {
		case code == interCivilians:
			civilians.assoc = append(civilians.assoc, t)
		case a2.name == "" && (a != nil || code == interState):
			a2 = codedActor{name: t, inter: code}
		case a2.name != "":
			a2.assoc = append(a2.assoc, t)
		}
	}
	if in.Type == typeVAC || a2.name == "" && len(civilians.assoc) > 0 {
		if a2.name != "" {
			civilians.assoc = append(civilians.assoc, append([]string{a2.name}, a2.assoc...)...)
		}
		a2 = civilians
	}
	return a1, a2
}

// civilianWords mark a target named as civilians.
var civilianWords = []string{"civilian", "people", "student", "worshipper", "shopper", "villager", "children", "women",
	"pilgrim", "passenger", "journalist", "resident", "crowd", "demonstrator", "protester", "protestor", "refugee", "patient"}

// stateWords mark an organisation or a target that belongs to a state's
// forces or government.
var stateWords = []string{"police", "army", "armed forces", "military", "security forces", "soldier", "troops", "guard",
	"ministry", "government", "intelligence", "navy", "air force", "gendarmerie", "border force", "reserve police",
	"prime minister", "president", "minister", "governor", "embassy", "officials", "officers", "checkpoint"}

// inter codes an actor by its kind, with its name for what the kind does
// not tell: a state is state forces; an organisation is state forces when
// its name says police, army, ministry and the like, else other forces; an
// armed group is a political militia when its name says militia, else a
// rebel group; people and media are civilians. A name that is no known
// actor is coded by its words (police, militia, civilians...); a target
// that names none of them is a thing, not an actor (interNone).
func inter(name string, a *dossier.ActorSummary, role string) int {
	lower := strings.ToLower(name)
	kind := ""
	if a != nil {
		kind = a.Kind
	}
	hasState := false
	for _, w := range stateWords {
		if strings.Contains(lower, w) {
			hasState = true
			break
		}
	}
	switch kind {
	case dossier.KindState:
		return interState
	case dossier.KindArmedGroup:
		if strings.Contains(lower, "militia") {
			return interMilitia
		}
		return interRebel
	case dossier.KindParty:
		return interMilitia
	case dossier.KindOrganization:
		if hasState {
			return interState
		}
		return interOther
	case dossier.KindPerson:
		if role == "perpetrator" {
			return interMilitia // ACLED codes a lone attacker as an unidentified armed group
		}
		return interCivilians
	case dossier.KindMedia:
		return interCivilians
	}
	switch {
	case hasState:
		return interState
	case strings.Contains(lower, "militia"):
		return interMilitia
	case role == "perpetrator":
		return interMilitia
	}
	for _, w := range civilianWords {
		if strings.Contains(lower, w) {
			return interCivilians
		}
	}
	return interNone // a thing, not an actor: "oil tanker trucks", "weapons depots"
}

func interString(code int) string {
	if code == interNone {
		return "0"
	}
	return strconv.Itoa(code)
}

// interaction is ACLED's pair of inter codes, the lower first ("13"), or
// the one code followed by 0 when the event has one actor ("60").
func interaction(a, b int) string {
	switch {
	case a == interNone && b == interNone:
		return ""
	case a == interNone:
		return strconv.Itoa(b * 10)
	case b == interNone:
		return strconv.Itoa(a * 10)
	}
	return strconv.Itoa(min(a, b)*10 + max(a, b))
}

// notes is a short description in the manner of ACLED's: when, where,
// what, and what dossier knows that the coded columns do not say
// (accused actors, weapons, disagreements between sources).
func notes(in *dossier.IncidentSummary) string {
	var b strings.Builder
	if in.Date != nil && in.Date.Start != "" {
		b.WriteString(humanDate(in.Date) + ": ")
	}
	b.WriteString(strings.TrimSuffix(in.Title, "."))
	if l := in.Location; l != nil {
		if where := strings.Trim(strings.Join(dedupe(l.Place, l.Admin1, l.Country), ", "), ", "); where != "" {
			b.WriteString(" (" + where + ")")
		}
	}
	b.WriteString(".")
	add := func(label string, vs []string) {
		if len(vs) > 0 {
			b.WriteString(" " + label + ": " + strings.Join(vs, "; ") + ".")
		}
	}
	add("Weapons", in.Weapons)
	add("Targets", in.Targets)
	add("Accused", in.Accused)
	if in.Fatalities != nil || in.Injuries != nil {
		b.WriteString(" Fatalities: " + rangeText(in.Fatalities) + "; injuries: " + rangeText(in.Injuries) + ".")
	}
	add("Sources disagree on", in.Conflicts)
	return b.String()
}

// dedupe drops empty and repeated values ("Baghdad, Baghdad, Iraq").
func dedupe(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// humanDate writes a date range as a reader would: "7 November 2021",
// "February 2024", "2022", "2019 to 2021".
func humanDate(d *dossier.DateRange) string {
	one := func(s string) string {
		for _, l := range [][2]string{{"2006-01-02", "2 January 2006"}, {"2006-01", "January 2006"}, {"2006", "2006"}} {
			if t, err := time.Parse(l[0], s); err == nil {
				return t.Format(l[1])
			}
		}
		return s
	}
	if d.End != "" && d.End != d.Start {
		return one(d.Start) + " to " + one(d.End)
	}
	return one(d.Start)
}

func rangeText(r *dossier.Range) string {
	switch {
	case r == nil:
		return "not reported"
	case r.Max == nil:
		return "at least " + strconv.Itoa(r.Min)
	case *r.Max == r.Min:
		return strconv.Itoa(r.Min)
	}
	return strconv.Itoa(r.Min) + " to " + strconv.Itoa(*r.Max)
}

// tags carries what ACLED keeps in tags and dossier knows: the incident's
// id in the knowledge base, the count of sources and a date known only to
// the year.
func tags(in *dossier.IncidentSummary) string {
	t := []string{"dossier id=" + in.ID, "sources=" + strconv.Itoa(in.SourceCount)}
	if in.Date != nil && in.Date.Precision == dossier.PrecisionYear {
		t = append(t, "date precision=year")
	}
	if in.Location != nil && in.Location.Precision != "" {
		t = append(t, "location precision="+in.Location.Precision)
	}
	return strings.Join(t, "; ")
}
