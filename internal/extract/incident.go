package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/timex"
)

// incident is an incident being assembled. Each field keeps the priority of
// the source it came from so that a better source (the infobox over the
// prose, a precise date over a year) wins and a worse one never overwrites.
type incident struct {
	main bool
	// ownDate marks another incident dated by its own sentence at month
	// precision or better (a date with a month, or counted from the
	// publication), not by the paragraph's context or its name's year.
	ownDate bool
	title   string
	// key words of the title that identify a named incident ("erbil rocket attacks").
	titleKey string

	date     *dossier.DateRange
	dateD    timex.Date // start, for comparisons
	datePrio int

	loc     *dossier.Location
	locPrio int

	typ, sub string
	typePrio int
	cues     map[string]float64 // sub_type -> weight of evidence
	// ledgerOnly are the prose's accused that an infobox's perpetrators
	// keep out of the record: their claims still go to the ledger
	ledgerOnly []string

	weapons   []string
	weaponSet map[string]string // weapon → its class

	targets []string
	fat     *dossier.Range
	fatPrio int
	inj     *dossier.Range
	injPrio int

	perps   []string
	accused []string
	partOf  []string
	// infoboxPerps and infoboxTargets: the infobox names perpetrators, or
	// targets, which the prose's readings do not add to
	infoboxPerps, infoboxTargets bool

	evidence []dossier.Evidence
	evSeen   map[string]bool
	sents    map[int]bool
	para     int
	actors   map[*actor]string // actor -> role (perpetrator, accused, target)
	// roleEv is the first evidence of each perpetrator and accused, by
	// name key: the choice among candidates keeps it (perp.go).
	roleEv map[string]dossier.Evidence
}

func newIncident(main bool) *incident {
	return &incident{main: main, cues: map[string]float64{}, weaponSet: map[string]string{},
		evSeen: map[string]bool{}, sents: map[int]bool{}, actors: map[*actor]string{}, para: -1}
}

func (in *incident) addEvidence(ev dossier.Evidence) {
	k := fmt.Sprintf("%s:%d:%d", ev.Field, ev.Start, ev.End)
	if in.evSeen[k] {
		return
	}
	in.evSeen[k] = true
	in.evidence = append(in.evidence, ev)
}

// dropEvidence removes the evidence of a field (when a better value replaces it).
func (in *incident) dropEvidence(field string) {
	out := in.evidence[:0]
	for _, e := range in.evidence {
		if e.Field != field {
			out = append(out, e)
		} else {
			delete(in.evSeen, fmt.Sprintf("%s:%d:%d", e.Field, e.Start, e.End))
		}
	}
	in.evidence = out
}

func (in *incident) setDate(start, end timex.Date, prio int, ev dossier.Evidence) bool {
	if start.Year == 0 {
		return false
	}
	if in.date != nil && prio <= in.datePrio {
		// a more precise date of the same time refines a vaguer one
		if !(refines(start, in.dateD) && prio >= in.datePrio-1) {
			return false
		}
	}
	dr := &dossier.DateRange{Start: start.String(), End: start.String(), Precision: start.Precision()}
	if end.Year != 0 && end != start {
		dr.End = end.String()
	}
	in.date, in.dateD, in.datePrio = dr, start, prio
	ev.Field = "date"
	in.dropEvidence("date")
	in.addEvidence(ev)
	return true
}

// refines says whether a is more precise than b and agrees with it.
func refines(a, b timex.Date) bool {
	if a.Year != b.Year {
		return false
	}
	if b.Month == 0 {
		return a.Month != 0
	}
	return a.Month == b.Month && b.Day == 0 && a.Day != 0
}

func (in *incident) setLocation(loc *dossier.Location, prio int, ev dossier.Evidence) bool {
	if loc == nil || (in.loc != nil && prio <= in.locPrio) {
		return false
	}
	in.loc, in.locPrio = loc, prio
	ev.Field = "location"
	in.dropEvidence("location")
	in.addEvidence(ev)
	return true
}

// countOf returns where the incident keeps a count ("fatalities",
// "injuries") and the priority of the source it came from.
func (in *incident) countOf(field string) (**dossier.Range, *int) {
	if field == "injuries" {
		return &in.inj, &in.injPrio
	}
	return &in.fat, &in.fatPrio
}

func (in *incident) setCount(field string, r *dossier.Range, prio int, ev dossier.Evidence) bool {
	if r == nil {
		return false
	}
	cur, curPrio := in.countOf(field)
	if *cur != nil && prio <= *curPrio {
		return false
	}
	*cur, *curPrio = r, prio
	ev.Field = field
	in.dropEvidence(field)
	in.addEvidence(ev)
	return true
}

func (in *incident) addWeapon(w, class string, ev dossier.Evidence) {
	w = strings.ToLower(strings.TrimSpace(w))
	if _, seen := in.weaponSet[w]; w == "" || seen {
		return
	}
	// a weapon already covered by a longer phrase ("drone" inside "explosive-laden drone")
	for x := range in.weaponSet {
		if strings.Contains(x, w) || x+"s" == w {
			return // ("firearms" after "firearm": the same weapon, plural)
		}
	}
	in.weaponSet[w] = class
	in.weapons = append(in.weapons, w)
	ev.Field = "weapons"
	in.addEvidence(ev)
}

// hasWeaponClass says whether one of the incident's weapons is of a class
// ("firearm" for "rifles").
func hasWeaponClass(in *incident, class string) bool {
	for _, c := range in.weaponSet {
		if c == class {
			return true
		}
	}
	return false
}

// weaponList is the incident's weapons; a vehicle is no weapon of its
// own beside an explosive ("Bombs were planted in a truck", "a bomb-packed
// refrigeration truck"): it carried the bomb.
func (in *incident) weaponList() []string {
	explosive, drone := hasWeaponClass(in, "explosive"), hasWeaponClass(in, "drone")
	if !explosive && !drone {
		return in.weapons
	}
	var out []string
	for _, w := range in.weapons {
		if explosive && in.weaponSet[w] == "vehicle" {
			continue // the car of a car bomb
		}
		if drone && in.weaponSet[w] == "aircraft" && genericAircraft[strings.ToLower(w)] {
			continue // "US aircraft fired four missiles" in a report of drone strikes: the drone
		}
		out = append(out, w)
	}
	return out
}

// genericAircraft are words for any aircraft, a drone included.
var genericAircraft = map[string]bool{"aircraft": true, "plane": true, "planes": true, "airplane": true, "airplanes": true}

// addName adds a name to a list unless an equal name is there.
func addName(list []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return list
	}
	k := names.Key(stripPossessive(s))
	for _, x := range list {
		if names.Key(stripPossessive(x)) == k {
			return list
		}
	}
	return append(list, s)
}

func (in *incident) addRole(role, name string, a *actor, ev dossier.Evidence) {
	if (role == "perpetrator" || role == "accused") && in.infoboxPerps && ev.Method != dossier.MethodInfobox && !containsKey(in.perps, name) {
		// the infobox's perpetrators are the editors' summary of who did
		// it; the prose's readings add noise ("Ethiopia" beside the
		// "Ethiopian National Defence Force" the box names), though its
		// sentences still support the box's names. So do the prose's
		// accusations ("Saddam Hussein" beside the group the box names):
		// who blamed whom stays in the document's claims (the ledger)
		// and statements
		if role == "accused" {
			in.ledgerOnly = addName(in.ledgerOnly, name)
		}
		return
	}
	if role == "perpetrator" && a != nil && a.kind == dossier.KindPerson {
		// one person by the full name and the surname alone ("Ahmad
		// Abu-Halil", "Abu-Halil"): the full name
		for b, r := range in.actors {
			if r != "perpetrator" || b == a || b.kind != dossier.KindPerson {
				continue
			}
			switch nb, na := names.Key(b.name), names.Key(a.name); {
			case strings.HasSuffix(na, " "+nb):
				in.perps = removeName(in.perps, b.name)
				delete(in.actors, b)
			case strings.HasSuffix(nb, " "+na):
				return
			}
		}
	}
	switch role {
	case "perpetrator":
		// a perpetrator named plainly outranks the same name as accused
		in.accused = removeName(in.accused, name)
		if len(in.accused) == 0 {
			in.dropEvidence("accused") // it supports no value now
		}
		in.perps = addName(in.perps, name)
	case "accused":
		for _, p := range in.perps {
			if names.Key(p) == names.Key(name) {
				return
			}
		}
		in.accused = addName(in.accused, name)
	case "target":
		if in.infoboxTargets && ev.Method != dossier.MethodInfobox && !containsKey(in.targets, name) {
			return // the infobox names what was hit; the prose adds no other
		}
		if a != nil {
			for b, r := range in.actors {
				if b == a && r == "target" {
					return // the same person under another name
				}
			}
		}
		in.targets = addName(in.targets, name)
	}
	if a != nil {
		a.used = true
		in.actors[a] = role
	}
	ev.Field = map[string]string{"perpetrator": "perpetrators", "accused": "accused", "target": "targets"}[role]
	if role != "target" {
		if in.roleEv == nil {
			in.roleEv = map[string]dossier.Evidence{}
		}
		if _, ok := in.roleEv[nameKey(name)]; !ok {
			in.roleEv[nameKey(name)] = ev
		}
	}
	in.addEvidence(ev)
}

func removeName(list []string, s string) []string {
	k := names.Key(s)
	out := list[:0]
	for _, x := range list {
		if names.Key(x) != k {
			out = append(out, x)
		}
	}
	return out
}

func (in *incident) cue(sub string, w float64) {
	if sub != "" {
		in.cues[sub] += w
	}
}

// parentType maps an ACLED sub-event type to its event type.
var parentType = dossier.ACLEDSubTypes

// decideType picks the sub-type with the most evidence; ACLED's order of
// precedence breaks near ties (a suicide bombing is a suicide bomb even when
// the word "attack" is more frequent).
func (in *incident) decideType() {
	if len(in.cues) == 0 {
		return
	}
	precedence := map[string]float64{
		"Chemical weapon": 1.6, "Suicide bomb": 1.5, "Air/drone strike": 1.4, "Shelling/artillery/missile attack": 1.2,
		"Remote explosive/landmine/IED": 1.1, "Grenade": 1.1, "Abduction/forced disappearance": 1.1,
		"Violent demonstration": 1.05, "Excessive force against protesters": 1.05,
	}
	// a bomb a person carried to its target is a suicide bomb however
	// often the words of the bomb come up (the suicide bomb
	// sub-type wins when an attacker blew himself up)
	if s, r := in.cues["Suicide bomb"], in.cues["Remote explosive/landmine/IED"]; s > 0 && r > s {
		in.cues["Suicide bomb"] = r
	}
	best, bestW := "", 0.0
	keys := make([]string, 0, len(in.cues))
	means := 0.0
	for k, w := range in.cues {
		keys = append(keys, k)
		if parentType[k] == "Explosions/Remote violence" {
			means += w
		}
	}
	sort.Strings(keys)
	crowd := in.cues["Violent demonstration"] + in.cues["Peaceful protest"] + in.cues["Mob violence"] + in.cues["Protest with intervention"] + in.cues["Excessive force against protesters"]
	for _, k := range keys {
		// a crowd's violence is a riot or a protest even with shots fired
		if means < 2 && crowd >= 3 && parentType[k] != "Riots" && parentType[k] != "Protests" {
			continue
		}
		// ACLED codes an event by its means: a drone strike that was an
		// assassination attempt is an air/drone strike
		if means >= 2 && parentType[k] != "Explosions/Remote violence" {
			continue
		}
		w := in.cues[k]
		if p, ok := precedence[k]; ok {
			w *= p
		}
		if w > bestW {
			best, bestW = k, w
		}
	}
	in.sub = best
	in.typ = parentType[best]
}

// dropGenerics removes described groups with no name ("gunmen",
// "militants") from a list that names a group: the name says more.
func (in *incident) dropGenerics(list []string) []string {
	named := false
	generic := map[string]bool{}
	for a, role := range in.actors {
		if role == "perpetrator" || role == "accused" {
			if a.collective && !strings.Contains(a.name, "-") && strings.ToLower(a.name) == a.name {
				generic[a.name] = true
			} else {
				named = true
			}
		}
	}
	if !named {
		return list
	}
	out := list[:0:0]
	for _, x := range list {
		if !generic[x] {
			out = append(out, x)
		}
	}
	return out
}

// output turns the incident into its domain record.
func (in *incident) output(docKey string, n int) dossier.Incident {
	perps, accused := in.dropGenerics(in.perps), in.dropGenerics(in.accused)
	perps, unidentified := splitUnidentified(perps)
	evidence := relabelUnidentified(in.evidence, perps, unidentified)
	// a role left with generic names only ("militants" beside a named
	// group) is left out, and so is its evidence, which supports nothing
	for field, list := range map[string][]string{"perpetrators": perps, "accused": accused} {
		if len(list) == 0 && slices.ContainsFunc(evidence, func(e dossier.Evidence) bool { return e.Field == field }) {
			evidence = slices.DeleteFunc(slices.Clone(evidence), func(e dossier.Evidence) bool { return e.Field == field })
		}
	}
	out := dossier.Incident{
		Main: in.main, Title: in.title, Date: in.date, Location: in.loc,
		Type: in.typ, SubType: in.sub,
		Weapons: nonNil(in.weaponList()), Targets: nonNil(in.targets),
		Fatalities: in.fat, Injuries: in.inj,
		Perpetrators: nonNil(perps), Accused: nonNil(accused), Unidentified: unidentified, PartOf: nonNil(in.partOf),
		Evidence: evidence,
		Kind:     in.kind(),
	}
	if out.Evidence == nil {
		out.Evidence = []dossier.Evidence{}
	}
	date := ""
	if in.date != nil {
		date = in.date.Start
	}
	place := ""
	if in.loc != nil {
		place = in.loc.Place + "/" + in.loc.Country
	}
	out.ID = dossier.StableID("i", docKey, fmt.Sprint(in.main), in.title, date, place, fmt.Sprint(n))
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// kind says what the incident is to its document: the main incident is the
// document's own event; another one is a reference when its own sentences
// date it to the month or better and place it in a country, and a mention
// otherwise ("since 2019", "the architects of the October 7 attacks"),
// stored but not listed by default.
func (in *incident) kind() string {
	switch {
	case in.main:
		return dossier.IncidentEvent
	case in.ownDate && in.date != nil && len(in.date.Start) >= len("2006-01") && in.loc != nil && in.loc.Country != "" && in.locPrio > prioMeta:
		return dossier.IncidentReference
	}
	return dossier.IncidentMention
}

// noIdentityWords are the words of a description of attackers that says
// nothing of who they are: "gunmen", "the suspected militants", "two
// unidentified attackers". A word of side, creed or origin ("separatist
// rebels", "Islamist militants", "Palestinian gunmen") identifies them.
var noIdentityWords = map[string]bool{"the": true, "a": true, "an": true, "some": true, "several": true, "two": true, "three": true, "four": true,
	"suspected": true, "unidentified": true, "unknown": true, "armed": true, "masked": true, "alleged": true, "heavily": true,
	"gunmen": true, "gunman": true, "militants": true, "militant": true, "attackers": true, "attacker": true, "assailants": true, "assailant": true,
	"insurgents": true, "insurgent": true, "rebels": true, "bombers": true, "bomber": true, "suicide": true, "terrorists": true, "terrorist": true,
	"men": true, "man": true, "fighters": true, "bandits": true, "kidnappers": true, "raiders": true}

// splitUnidentified takes out of a perpetrators list the descriptions
// with no identity: the unidentified attackers (issue 9: "gunmen" is the
// incident's unidentified armed group, not a perpetrator of a name).
func splitUnidentified(perps []string) (named, unidentified []string) {
	for _, p := range perps {
		if noIdentity(p) {
			unidentified = append(unidentified, p)
		} else {
			named = append(named, p)
		}
	}
	return named, unidentified
}

func noIdentity(name string) bool {
	ws := strings.Fields(strings.ToLower(name))
	for _, w := range ws {
		if !noIdentityWords[w] {
			return false
		}
	}
	return len(ws) > 0
}

// relabelUnidentified gives the evidence of the perpetrators that were
// unidentified attackers the field "unidentified": a sentence that names
// no perpetrator left and names one of them.
func relabelUnidentified(evidence []dossier.Evidence, perps, unidentified []string) []dossier.Evidence {
	if len(unidentified) == 0 {
		return evidence
	}
	holds := func(e dossier.Evidence, list []string) bool {
		t := strings.ToLower(e.Text)
		return slices.ContainsFunc(list, func(n string) bool { return strings.Contains(t, strings.ToLower(n)) })
	}
	out := slices.Clone(evidence)
	for i, e := range out {
		if e.Field == "perpetrators" && (len(perps) == 0 || !holds(e, perps) && holds(e, unidentified)) {
			out[i].Field = "unidentified"
		}
	}
	return out
}
