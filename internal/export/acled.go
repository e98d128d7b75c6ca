package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"io"
	"net/url"
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

// WriteACLED writes the ACLED-style CSV: one row per incident, with
// ACLED's columns and coding rules where dossier has the information (see
// docs/exports.md for each column), then dossier's columns.
func WriteACLED(ctx context.Context, st Store, w io.Writer, opts Options) (Stats, error) {
	var stats Stats
	form, err := checkCodes(opts.ACLEDCodes)
	if err != nil {
		return stats, err
	}
	coder, err := loadActorCoder(ctx, st)
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
		return cw.Write(acledRow(in, coder, times, form))
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

// acledRow codes one incident; form says how inter codes are written.
func acledRow(in *dossier.IncidentSummary, coder *actorCoder, times map[string]int64, form string) []string {
	c, _ := lookupCountry(countryName(in))
	if c.Name == "" {
		c.Name = countryName(in)
	}
	ev := coder.codeEvent(in, c)
	row := map[string]string{
		"event_id_cnty":  eventID(c.Prefix, in.ID),
		"disorder_type":  disorderType(in.Type, in.SubType),
		"event_type":     in.Type,
		"sub_event_type": in.SubType,
		"actor1":         ev.a1.name,
		"assoc_actor_1":  strings.Join(ev.a1.assoc, "; "),
		"inter1":         interValue(ev.a1.inter, form),
		"actor2":         ev.a2.name,
		"assoc_actor_2":  strings.Join(ev.a2.assoc, "; "),
		"inter2":         interValue(ev.a2.inter, form),
		"interaction":    interaction(ev.a1.inter, ev.a2.inter, form),
		"region":         c.Region,
		"country":        c.Name,
		"source":         strings.Join(publishers(in.Sources), "; "),
		"notes":          acledNotes(in, ev),
		"fatalities":     strconv.Itoa(conservative(in.Fatalities)),
		"tags":           tags(in),
		"fatalities_max": rangeMax(in.Fatalities),
		"injuries_min":   rangeMin(in.Injuries),
		"injuries_max":   rangeMax(in.Injuries),
		"evidence":       strings.Join(evidenceTexts(in.Evidence, 4000), " | "),
	}
	if ev.civilianTargeting {
		row["civilian_targeting"] = "Civilian targeting"
	}
	if c.Code != "" { // Kosovo, without an ISO code, is 0
		row["iso"] = strconv.Itoa(c.Numeric)
	}
	if d, prec, ok := acledDate(in.Date); ok {
		row["event_date"], row["year"], row["time_precision"] = d, d[:4], strconv.Itoa(prec)
	}
	if l := in.Location; l != nil {
		row["admin1"], row["admin2"] = l.Admin1, l.Admin2
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

// eventID is ACLED's event_id_cnty: the country's prefix (from ACLED's
// country list) and a number. The number is derived from dossier's
// incident id, so an incident keeps its event id from one export to the
// next; "XXX" stands for an unknown country.
func eventID(prefix, id string) string {
	if prefix == "" {
		prefix = "XXX"
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return prefix + strconv.FormatUint(h.Sum64()%1_000_000_000_000, 10)
}

// disorderType follows ACLED: political violence for the violent event
// types and mob violence; demonstrations for protests and violent
// demonstrations; both for excessive force against protesters.
func disorderType(typ, sub string) string {
	switch {
	case isExcessiveForce(sub):
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
	writeDetails(&b, in, nil)
	return b.String()
}

// writeDetails writes what the coded columns leave out: weapons, targets,
// the people named, accused actors, the casualty ranges and the fields on
// which sources disagree.
func writeDetails(b *strings.Builder, in *dossier.IncidentSummary, people []string) {
	addList(b, "Weapons", in.Weapons)
	addList(b, "Targets", in.Targets)
	addList(b, "People named", people)
	addList(b, "Accused", in.Accused)
	if in.Fatalities != nil || in.Injuries != nil {
		b.WriteString(" Fatalities: " + rangeText(in.Fatalities) + "; injuries: " + rangeText(in.Injuries) + ".")
	}
	addList(b, "Sources disagree on", in.Conflicts)
}

// acledNotes is the notes column: a sentence in the manner of ACLED's
// notes ("On 7 November 2021, an unidentified armed group carried out an
// air/drone strike on NAME in CITY (PROVINCE, COUNTRY)."),
// then what the coded columns leave out (the title, weapons, targets,
// people named, accused actors, the casualty ranges, the fields on which
// sources disagree), then where dossier's evidence is.
func acledNotes(in *dossier.IncidentSummary, ev codedEvent) string {
	var b strings.Builder
	b.WriteString(eventSentence(in, ev))
	if t := strings.TrimSuffix(in.Title, "."); t != "" {
		b.WriteString(" Reported as: " + t + ".")
	}
	writeDetails(&b, in, ev.people)
	fmt.Fprintf(&b, " [dossier incident %s, %d source(s); evidence: dossier show incident %s]", in.ID, in.SourceCount, in.ID)
	return b.String()
}

// eventSentence says when, who, did what to whom, and where.
func eventSentence(in *dossier.IncidentSummary, ev codedEvent) string {
	var b strings.Builder
	switch d := in.Date; {
	case d == nil || d.Start == "":
	case d.End != "" && d.End != d.Start:
		b.WriteString("Between " + humanDate(&dossier.DateRange{Start: d.Start}) + " and " + humanDate(&dossier.DateRange{Start: d.End}) + ", ")
	case len(d.Start) == len("2006-01-02"):
		b.WriteString("On " + humanDate(d) + ", ")
	default:
		b.WriteString("In " + humanDate(d) + ", ")
	}
	who := subjectPhrase(ev.a1.name)
	verb, object := eventVerb(in.Type, in.SubType)
	whom := listPhrase(in.Targets)
	if whom == "" && ev.a2.inter == interCivilians {
		whom = "civilians"
	}
	switch {
	case who == "":
		b.WriteString("a " + strings.ToLower(firstOf(in.SubType, in.Type, "event")) + " took place")
		if whom != "" {
			b.WriteString(" involving " + whom)
		}
	case whom != "" && object != "":
		b.WriteString(who + " " + object + " " + whom)
	default:
		b.WriteString(who + " " + verb)
	}
	if l := in.Location; l != nil {
		place := firstOf(l.Place, l.Admin1, l.Country)
		if place != "" {
			b.WriteString(" in " + place)
		}
		if rest := dedupe(l.Admin1, l.Country); len(rest) > 0 && !(len(rest) == 1 && rest[0] == place) {
			b.WriteString(" (" + strings.Join(rest, ", ") + ")")
		}
	}
	s := b.String()
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// subjectPhrase writes actor 1 as the subject of a sentence: a generic
// actor as a description ("an unidentified armed group", "protesters").
func subjectPhrase(name string) string {
	for _, g := range []struct{ prefix, phrase string }{
		{"Unidentified Armed Group", "an unidentified armed group"}, {"Protesters", "protesters"},
		{"Rioters", "rioters"}, {"Civilians", "civilians"},
	} {
		if name == g.prefix || strings.HasPrefix(name, g.prefix+" (") {
			return g.phrase
		}
	}
	return name
}

// eventVerbs say what actor 1 did in each sub-event type: without a
// target, and before one.
var eventVerbs = map[string][2]string{
	"Armed clash":                         {"fought", "clashed with"},
	"Government regains territory":        {"regained territory", "regained territory from"},
	"Non-state actor overtakes territory": {"took territory", "took territory from"},
	"Chemical weapon":                     {"used a chemical weapon", "used a chemical weapon against"},
	"Air/drone strike":                    {"carried out an air/drone strike", "carried out an air/drone strike on"},
	"Suicide bomb":                        {"carried out a suicide bombing", "carried out a suicide bombing against"},
	"Shelling/artillery/missile attack":   {"fired shells, artillery or missiles", "shelled or fired missiles at"},
	"Remote explosive/landmine/IED":       {"set off an explosive device", "set off an explosive device against"},
	"Grenade":                             {"threw a grenade", "threw a grenade at"},
	"Sexual violence":                     {"committed sexual violence", "sexually assaulted"},
	"Attack":                              {"carried out an attack", "attacked"},
	"Abduction/forced disappearance":      {"abducted people", "abducted"},
	"Peaceful protest":                    {"held a peaceful protest", "held a peaceful protest against"},
	"Protest with intervention":           {"protested and were dispersed", "protested and were dispersed by"},
	"Excessive force against protesters":  {"were met with excessive force", "were met with excessive force by"},
	"Violent demonstration":               {"held a violent demonstration", "held a violent demonstration against"},
	"Mob violence":                        {"engaged in mob violence", "engaged in mob violence against"},
	"Arrests":                             {"made arrests", "arrested"},
}

func eventVerb(typ, sub string) (string, string) {
	if v, ok := eventVerbs[sub]; ok {
		return v[0], v[1]
	}
	what := strings.ToLower(firstOf(sub, typ, "event"))
	return "was involved in an event (" + what + ")", "was involved in an event (" + what + ") with"
}

// listPhrase joins names as prose: "A", "A and B", "A, B and C".
func listPhrase(vs []string) string {
	switch len(vs) {
	case 0:
		return ""
	case 1:
		return vs[0]
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " and " + vs[len(vs)-1]
}

// publishers name the publishers of an incident's sources for ACLED's
// source column: the site of each source's address, without "www."; a
// source without an address (a local file) names none, and a syndicated
// copy counts once with its original: a group of copies is named by its
// original's site, or by a copy's when the original has no address.
func publishers(srcs []dossier.Source) []string {
	host := func(s dossier.Source) string {
		if s.Source == nil {
			return ""
		}
		u, err := url.Parse(*s.Source)
		if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
			return ""
		}
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	named := map[string]bool{} // groups (original ids) already named
	var out []string
	add := func(group, h string) {
		if h == "" || named[group] {
			return
		}
		named[group] = true
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	for _, s := range srcs {
		if s.CopyOf == "" {
			add(s.DocumentID, host(s))
		}
	}
	for _, s := range srcs {
		if s.CopyOf != "" {
			add(s.CopyOf, host(s))
		}
	}
	return out
}

// addList writes " Label: a; b." when there are values.
func addList(b *strings.Builder, label string, vs []string) {
	if len(vs) > 0 {
		b.WriteString(" " + label + ": " + strings.Join(vs, "; ") + ".")
	}
}

// dedupe drops empty and repeated values ("CITY, CITY, COUNTRY" for a city that names its province).
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
