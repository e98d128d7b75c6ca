package extract

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/lexicon"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/numbers"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// findIncidents assembles the main incident and the others the text mentions.
func (d *docState) findIncidents() {
	in := newIncident(true)
	d.main = in
	d.mainTitle(in)
	d.fromInfobox(in)
	d.countryPrior(in)
	d.placesInCountry()
	d.mainDate(in)
	d.findOthers()
	d.mainFromProse(in)
	d.datelineLocation(in)
	d.choosePerps(in)
	d.fallbackType(in)
	in.decideType()
	d.crowdPerps(in)
	for _, o := range d.others {
		o.decideType()
	}
}

// ---- title

// titleSpan locates a document's title in its body: the title line of the
// layout, else the Title: header, else the Source: line the title was read
// from (method metadata).
func titleSpan(lay *layout.Layout, body []byte, docTitle string) (start, end int, method string, ok bool) {
	if lay.TitleEnd > lay.TitleStart {
		return lay.TitleStart, lay.TitleEnd, dossier.MethodTitle, true
	}
	if docTitle == "" {
		return 0, 0, "", false
	}
	for _, key := range []string{"Title: ", "Source: "} {
		i := bytes.Index(body[:lay.Header.End], []byte(key))
		if i < 0 {
			continue
		}
		s := i + len(key)
		e := s + bytes.IndexByte(body[s:lay.Header.End], '\n')
		if e < s {
			e = lay.Header.End
		}
		s, e = trimRange(body, s, e)
		method := dossier.MethodTitle
		if key == "Source: " {
			method = dossier.MethodMeta
		}
		return s, e, method, true
	}
	return 0, 0, "", false
}

func (d *docState) mainTitle(in *incident) {
	lay := d.lay
	if s, e, method, ok := titleSpan(lay, d.body, d.doc.Title); ok {
		in.title = lay.Title
		if lay.TitleEnd <= lay.TitleStart {
			in.title = d.doc.Title
		}
		in.addEvidence(d.evidence("title", s, e, method, 0.9))
	} else if d.doc.Title != "" {
		in.title = d.doc.Title
	} else if len(d.sents) > 0 {
		// no title: the first sentence stands for it
		in.title = firstWords(d.sents[0].text, 12)
		in.addEvidence(d.sentEvidence("title", d.sents[0], 0.4))
	}
	in.titleKey = titleKey(in.title)
}

func trimRange(b []byte, s, e int) (int, int) {
	for s < e && (b[s] == ' ' || b[s] == '\r' || b[s] == '\t') {
		s++
	}
	for e > s && (b[e-1] == ' ' || b[e-1] == '\r' || b[e-1] == '\t') {
		e--
	}
	return s, e
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.TrimRight(strings.Join(w, " "), ",.;:")
}

// titleKey keeps the distinctive words of an incident's title: no years,
// articles or generic words, so "the 2021 CITY rocket attacks" and "2021
// CITY rocket attacks" share one key.
func titleKey(t string) string {
	var out []string
	for _, w := range strings.Fields(names.Fold(t)) {
		if len(w) == 4 && w[0] >= '0' && w[0] <= '9' {
			continue
		}
		switch w {
		case "the", "a", "an", "of", "on", "in", "at", "and", "al", "by":
			continue
		}
		out = append(out, strings.TrimSuffix(w, "s"))
	}
	return strings.Join(out, " ")
}

// ---- infobox

func (d *docState) fromInfobox(in *incident) {
	casualtyFields := 0
	var sides []combatSide
	for _, f := range d.lay.Infobox {
		ev := d.evidence("", f.Start, f.End, dossier.MethodInfobox, 0.95)
		v := f.Value
		switch f.Canon {
		case "combatants":
			sides = append(sides, combatSide{n: sideNumber(f.Key), names: d.namesInValue(v, true), f: f, ev: ev})
		case "date":
			d.infoboxDate(in, f)
		case "location":
			if loc := d.locationFromValue(v); loc != nil {
				in.setLocation(loc, prioInfobox, ev)
			}
		case "fatalities", "injuries":
			if q, ok := numbers.ParseCount(victimsOnly(v)); ok {
				in.setCount(f.Canon, qRange(q), prioInfobox, ev)
			}
		case "casualties":
			// several numbered fields (Casualties1, Casualties2: one per
			// side) add up
			c := numbers.ParseCasualties(v)
			if c.HasKilled {
				r := qRange(c.Killed)
				if in.fatPrio == prioInfobox && casualtyFields > 0 {
					r = in.fat.Add(r)
				}
				in.fatPrio = 0
				in.setCount("fatalities", r, prioInfobox, ev)
			}
			if c.HasInjured {
				r := qRange(c.Injured)
				if in.injPrio == prioInfobox && casualtyFields > 0 {
					r = in.inj.Add(r)
				}
				in.injPrio = 0
				in.setCount("injuries", r, prioInfobox, ev)
			}
			casualtyFields++
		case "perpetrators", "accused":
			role := "perpetrator"
			if f.Canon == "accused" {
				role = "accused"
			}
			for _, n := range d.namesInValue(v, true) {
				a := d.actorByName(n, dossier.KindArmedGroup, f.Start, f.End)
				in.addRole(role, n, a, ev)
				in.infoboxPerps = in.infoboxPerps || role == "perpetrator"
			}
		case "targets", "victims":
			if f.Canon == "victims" && len(in.targets) > 0 {
				continue
			}
			for _, n := range d.namesInValue(v, false) {
				in.addRole("target", n, d.x.knownOrNil(d, n), ev)
				in.infoboxTargets = true
			}
		case "weapons", "type":
			toks := text.Tokenize(v, 0)
			for _, m := range d.x.lex.Weapons.FindAll(toks) {
				if f.Canon == "weapons" {
					in.addWeapon(weaponName([]byte(v), toks, m), m.Val.Class, ev)
				}
				in.cue(m.Val.SubType, 2)
			}
			for _, m := range d.x.lex.Events.FindAll(toks) {
				in.cue(m.Val.SubType, float64(m.Val.Weight)*1.5)
			}
		case "part_of":
			for _, p := range splitPartOf(v) {
				in.partOf = addName(in.partOf, p)
			}
			in.addEvidence(withField(ev, "part_of"))
		}
	}
	d.combatantsPerps(in, sides)
}

func withField(ev dossier.Evidence, f string) dossier.Evidence { ev.Field = f; return ev }

// iconMarkup is what a rendered flag icon leaves in an infobox cell.
var iconMarkup = regexp.MustCompile(`\b\d+px\b|\b(border|class=[\w-]+|alt=[^|]*|link=[^|]*)\|`)

// namesInValue splits a cell that lists names and drops placeholders; for
// the actors of a Perpetrator cell (actors true) it also drops what is not
// a name (names.Problem), for targets it keeps groups ("civilians").
func (d *docState) namesInValue(v string, actors bool) []string {
	var out []string
	// flag icons and their markup left in a cell ("22px Kurdistan
	// Workers' Party", "border|Provisional IRA")
	v = iconMarkup.ReplaceAllString(v, "")
	for _, p := range d.splitNameList(v, actors) {
		p = strings.TrimSpace(strings.Trim(p, "*.:-–"))
		for _, lead := range []string{"blamed on ", "claimed by ", "led by ", "perpetrated by ", "carried out by "} {
			if len(p) > len(lead) && strings.EqualFold(p[:len(lead)], lead) {
				p = strings.TrimSpace(p[len(lead):]) // "Blamed on Rappani Khalilov"
			}
		}
		// "masterminded by Iyad Saleh", "organised by X": the agent of a
		// verb, and "a Palestinian group" describes, it names no one
		if m := byAgent.FindStringSubmatchIndex(p); m != nil && actors {
			p = strings.TrimSpace(p[m[1]:])
		}
		if actors && (strings.HasPrefix(p, "a ") || strings.HasPrefix(p, "an ")) {
			continue
		}
		lp := strings.ToLower(p)
		switch {
		case p == "", lp == "unknown", lp == "none", lp == "n/a", lp == "see below", strings.HasPrefix(lp, "unknown"),
			strings.HasPrefix(lp, "allegedly"), strings.HasPrefix(lp, "suspected"), lp == "others":
			continue
		}
		// "Planning: Carlos Edwin Angulo Lara": a label before the name
		if m := cellLabel.FindStringSubmatchIndex(p); m != nil && actors {
			p = strings.TrimSpace(p[m[3]:])
		}
		if _, ok := numbers.ParseCount(p); ok && len(strings.Fields(p)) <= 3 {
			continue // "19 (out of which 7 killed)" counts people, it names no one
		}
		for _, pre := range []string{"the ", "The ", "Mastermind is ", "mastermind "} {
			p = strings.TrimPrefix(p, pre)
		}
		if actors {
			// "Jemaah Islamiyah suspected": the name before a qualifier
			if w := strings.Fields(p); len(w) > 1 && (w[len(w)-1] == "suspected" || w[len(w)-1] == "alleged" || w[len(w)-1] == "claimed") {
				p = strings.Join(w[:len(w)-1], " ")
			}
		}
		if actors && names.Problem(p) != "" {
			if _, known := d.x.dict.Lookup(p); !known || !names.HasUpper(p) {
				continue // "(Turkish claim)", "(all suspected)": a qualifier, not a name
			}
		}
		out = append(out, p)
	}
	return out
}

// combatSide is one side of a battle box (Combatant1, Combatant2).
type combatSide struct {
	n     int
	names []string
	f     layout.Field
	ev    dossier.Evidence
}

// sideNumber is the number a combatant key ends with ("Combatant2": 2),
// 1 when none.
func sideNumber(key string) int {
	n := 0
	for _, r := range key {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
		}
	}
	return max(n, 1)
}

// combatantsPerps reads the perpetrators from a battle box when the
// infobox has no Perpetrator field: a battle box lists sides, not roles,
// and in an article about an attack the side that is not a state's forces
// (a country, its army, police or guard, a UN mission) is the attacker,
// wherever the editors listed it; when both sides are, or neither, the
// first side (corpora/README.md writes the gold of the encyclopedia set by
// the same reading).
func (d *docState) combatantsPerps(in *incident, sides []combatSide) {
	if in.infoboxPerps || len(sides) < 2 {
		return // no battle box, or one side only: who attacked whom, it does not say
	}
	sort.SliceStable(sides, func(i, j int) bool { return sides[i].n < sides[j].n })
	pick := -1
	nonState := 0
	for i, sd := range sides {
		if len(sd.names) > 0 && !d.stateSide(sd.names) {
			nonState++
			if pick < 0 {
				pick = i
			}
		}
	}
	if nonState != 1 {
		pick = 0 // both sides armed groups, or both states: the first
	}
	sd := sides[pick]
	for _, n := range sd.names {
		a := d.actorByName(n, dossier.KindArmedGroup, sd.f.Start, sd.f.End)
		in.addRole("perpetrator", n, a, withField(sd.ev, "perpetrators"))
		in.infoboxPerps = true
	}
}

// stateForceWords name a state's forces in a battle box, and the UN's and
// the African Union's peace missions (MINUSMA, UNAMID, AMISOM), which the
// battle boxes of the Sahel and Somalia list as a side.
var stateForceWords = map[string]bool{"army": true, "armed": true, "forces": true, "force": true, "police": true, "military": true,
	"guard": true, "guards": true, "gendarmerie": true, "navy": true, "troops": true, "soldiers": true, "defence": true,
	"defense": true, "government": true, "minusma": true, "un": true, "unamid": true, "amisom": true}

// stateSide says whether every name of a side is a state or its forces.
func (d *docState) stateSide(names []string) bool {
	for _, n := range names {
		if _, ok := d.x.gaz.Country(n); ok {
			continue
		}
		if e, ok := d.x.dict.Lookup(n); ok && e.Kind == dossier.KindState {
			continue
		}
		state := false
		for _, w := range strings.Fields(strings.ToLower(strings.Trim(n, "()"))) {
			if stateForceWords[strings.Trim(w, "(),.")] {
				state = true
			}
		}
		if !state {
			return false
		}
	}
	return true
}

// cellLabel is a label of a part of a cell: "Planning: ", "Metro station: ".
var cellLabel = regexp.MustCompile(`^([A-Z][\p{L} ]{0,24}:) +\p{Lu}`)

// innerLabel is such a label inside a cell, after a name: "Laura Castillo
// and three accomplices Material: Johan David Castillo López"; it ends
// the name before it.
var innerLabel = regexp.MustCompile(`(\p{Ll}) \p{Lu}\p{Ll}+: `)

// byAgent opens a cell with the verb whose agent follows: "masterminded
// by", "organized by", "carried out by".
var byAgent = regexp.MustCompile(`^(?:[a-z]+ ){1,3}by `)

// splitNameList splits an infobox cell of names: at commas, semicolons and
// lines; with and, at "and" too (a list of perpetrators; "MINUSMA and
// Malian soldiers" is one target), except before "the" and inside a name
// the dictionary or the gazetteer knows whole ("Islamic
// State of Iraq and the Levant", "Army of the Republic of Bosnia and
// Herzegovina"). A parenthesis qualifies the name before it ("(suspected)",
// "(As per The Times of India)", "(Military Council)"), and is dropped,
// unless it is the name's acronym, which is kept as a name of its own (the
// actor merges them).
func (d *docState) splitNameList(v string, and bool) []string {
	// parentheses first, over the whole cell: one may hold a comma
	// ("(initially claimed, later denied; accused by Iran)"); each ends the
	// name before it ("Los Lobos (gang) Planning: ...")
	var keep []string
	var b strings.Builder
	orig := v
	for {
		i := strings.IndexByte(v, '(')
		if i < 0 {
			b.WriteString(v)
			break
		}
		j := strings.IndexByte(v[i:], ')')
		if j < 0 {
			b.WriteString(v[:i])
			break
		}
		inner := strings.TrimSpace(v[i+1 : i+j])
		if isAcronym(strings.ReplaceAll(inner, "-", "")) {
			keep = append(keep, inner)
		}
		b.WriteString(v[:i])
		b.WriteString(" ; ")
		v = v[i+j+1:]
	}
	rest := innerLabel.ReplaceAllString(b.String(), "$1 ; ")
	if strings.Trim(rest, " ;") == "" && len(keep) == 0 {
		// "(Brussels cell)": the whole cell in parentheses is the name
		rest = strings.TrimPrefix(strings.TrimSpace(orig), "(")
		if i := strings.IndexByte(rest, ')'); i >= 0 {
			rest = rest[:i]
		}
	}
	var out []string
	for _, p := range strings.FieldsFunc(rest, cellSep) {
		p = strings.Join(strings.Fields(p), " ")
		parts := []string{p}
		if and {
			parts = d.splitAnd(p)
		}
		for _, q := range parts {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return append(out, keep...)
}

// splitAnd splits a name list at " and ", except inside a name ("Islamic
// State of Iraq and the Levant"); a part that describes ("three
// accomplices") is dropped later.
func (d *docState) splitAnd(p string) []string {
	if _, ok := d.x.dict.Lookup(p); ok {
		return []string{p}
	}
	if _, ok := d.x.gaz.Country(p); ok {
		return []string{p}
	}
	parts := strings.Split(p, " and ")
	var out []string
	cur := parts[0]
	for _, next := range parts[1:] {
		joined := cur + " and " + next
		if strings.HasPrefix(next, "the ") || strings.HasPrefix(next, "The ") || d.knownWhole(joined) {
			cur = joined
			continue
		}
		out = append(out, cur)
		cur = next
	}
	return append(out, cur)
}

// knownWhole says whether a name joined at "and" is one the dictionary or
// the gazetteer's countries know, or ends in such a country's name ("Army
// of the Republic of Bosnia and Herzegovina").
func (d *docState) knownWhole(s string) bool {
	if _, ok := d.x.dict.Lookup(s); ok {
		return true
	}
	w := strings.Fields(s)
	for k := 0; k < len(w)-2; k++ {
		if _, ok := d.x.gaz.Country(strings.Join(w[k:], " ")); ok && strings.Contains(strings.Join(w[k:], " "), " and ") {
			return true
		}
	}
	return false
}

func splitPartOf(v string) []string {
	var out []string
	for _, p := range splitList(v) {
		p = strings.TrimSpace(p)
		for _, pre := range []string{"the aftermath of the ", "the aftermath of ", "aftermath of the ", "the ", "The "} {
			p = strings.TrimPrefix(p, pre)
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// actorByName finds or registers an actor named in an infobox cell.
func (d *docState) actorByName(n, kind string, start, end int) *actor {
	if a := d.knownActor(n); a != nil {
		return a
	}
	if e, ok := d.x.dict.Lookup(n); ok {
		if a := d.byEntry(e); a != nil {
			return a
		}
		a := d.newActor(n, e.Kind, true, e)
		a.first = d.evidence("actor", start, end, dossier.MethodInfobox, 0.9)
		return a
	}
	if c, ok := d.x.gaz.Country(n); ok {
		e, _ := d.x.dict.Lookup(c.Name)
		a := d.newActor(c.Name, dossier.KindState, true, e)
		a.first = d.evidence("actor", start, end, dossier.MethodInfobox, 0.9)
		return a
	}
	toks := text.Tokenize(n, 0)
	k := kind
	if len(toks) >= 2 && len(toks) <= 4 && (d.x.lex.GivenNames[toks[0].Lower] || hasArabicNameShape(toks, 0, len(toks))) {
		k = dossier.KindPerson
	} else if kk, ok := d.orgKind(toks, 0, len(toks)); ok {
		k = kk
	}
	a := d.newActor(n, k, false, nil)
	a.first = d.evidence("actor", start, end, dossier.MethodInfobox, 0.7)
	return a
}

func (x *Extractor) knownOrNil(d *docState, n string) *actor { return d.knownActor(n) }

// ---- the document's country

// countryPrior guesses the country the document is about before places are
// chosen: the infobox location, else the country most named in the lead.
func (d *docState) countryPrior(in *incident) {
	if in.loc != nil && in.loc.Country != "" {
		d.mainCtry = in.loc.Country
		return
	}
	count := map[string]int{}
	alt := map[string]int{} // what the other countries of shared division names would have had
	best, bestN := "", 0
	// a country the headline or the article's title names outright: "One
	// killed in south Thailand bombing", "2007 South Thailand bombings"
	if in.title != "" {
		for _, c := range d.countriesNamed(in.title) {
			count[c] += 3
			if count[c] > bestN {
				best, bestN = c, count[c]
			}
		}
		// a country or a city the headline puts the act in ("Journalist
		// shot and killed in Myanmar", "Car bomb in Kabul kills 18,
		// including two U.S. soldiers", "air strikes in northern Iraq")
		// outweighs the others it names
		if c := d.titleLocus(in.title); c != "" {
			count[c] += 3
			if count[c] > bestN {
				best, bestN = c, count[c]
			}
		}
	}
	// the place of writing is most often in the country of the act: one
	// mention's weight, before the lead's, and a country's named outright
	// when the dateline names it ("MANILA, Philippines — ... in a remote
	// village ... their headquarters in TOWN")
	datelineOnly := "" // a country only the place of writing votes for
	if dl := d.dateline; dl != nil && dl.place.Country != "" {
		c := dl.place.Country
		if count[c] == 0 && !dl.countryNamed {
			datelineOnly = c
		}
		count[c]++
		if dl.countryNamed {
			count[c] += 2
		}
		if count[c] > bestN {
			best, bestN = c, count[c]
		}
	}
	var textFirst []string // the countries the text votes for, in the order it names them
	lead := d.leadStart()
	for _, st := range d.sents {
		if st.para > max(1, lead+1) && best != "" {
			break // (a lead that names no country: the places after it)
		}
		for mi, m := range st.mentions {
			c := m.country
			if c == "" && d.news {
				// "the Myanmar military", "Iraq's army": in a report, a
				// state's body at work in its country (an article's
				// "British Army" base may be abroad)
				c = d.bodyCountry(m)
			}
			if c == "" || (m.kind == dossier.KindState || m.demonym) && borderOf(st.toks, m.i, m.j) {
				continue // ("near the border with Mauritania": the country it is not in)
			}
			if m.kind == kindPlace && metonymSubject(d, st, m.i, m.j) {
				continue // ("Washington said", "listed by Washington": a government, not where)
			}
			w := 1
			switch {
			case st.para == lead && locatingCountry(st, mi):
				// (in the lead: a later paragraph's "the civil war in
				// Yemen" is the background)
				w += 2
			case m.kind == kindPlace:
				w++
			}
			count[c] += w
			if !slices.Contains(textFirst, c) {
				textFirst = append(textFirst, c)
			}
			for _, o := range d.sharedDivision(st, m) {
				if o != c {
					alt[o] += w
				}
			}
			if count[c] > bestN {
				best, bestN = c, count[c]
			}
		}
	}
	// a tie between the place of writing's country and one the text
	// names: the text's ("BANGKOK: An airstrike led by the Myanmar
	// military ... in a village"; a regional bureau writes of its region)
	if best != "" && best == datelineOnly && !slices.Contains(textFirst, best) {
		for _, c := range textFirst {
			if c != best && count[c] == bestN {
				best = c
				break
			}
		}
	}
	// "Punjab" is a state of India and a province of Pakistan: when the
	// other country of such a name would tie, the other places the
	// document names say which
	if best != "" {
		for _, o := range slices.Sorted(maps.Keys(alt)) {
			if n := alt[o]; count[o]+n >= bestN && o != best {
				if a, b := d.unsharedVotes(o), d.unsharedVotes(best); a > b {
					best, bestN = o, count[o]+n
				}
			}
		}
	}
	d.mainCtry = best
}

// bodyCountry is the country of a mention that names a body of a state by
// the state's name or people ("Myanmar military", "Myanmar's military",
// "Iraqi army"), read as one actor: "" for any other.
func (d *docState) bodyCountry(m *mention) string {
	ws := strings.Fields(m.surface)
	if len(ws) != 2 || !stateBodies[strings.ToLower(ws[1])] {
		return ""
	}
	if c, ok := d.x.gaz.MatchCountry(stripPossessive(ws[0])); ok && !c.Word {
		return c.Country.Name
	}
	return ""
}

// unsharedVotes counts the mentions of a country, or of places in it,
// across the document, but those of a name several countries' divisions
// share.
func (d *docState) unsharedVotes(c string) int {
	n := 0
	for _, st := range d.sents {
		for _, m := range st.mentions {
			if m.country == c && len(d.sharedDivision(st, m)) == 0 {
				n++
			}
		}
	}
	return n
}

// sharedDivision lists the countries when a mention names a first-level
// division whose name several countries give one ("Punjab" in India and
// in Pakistan), with no country written after it: it does not say which
// country the document is about. Otherwise it is nil.
func (d *docState) sharedDivision(st *sent, m *mention) []string {
	if m.kind != kindPlace || m.place == nil || m.place.Feature != "ADM1" {
		return nil
	}
	if _, ok := d.countryRightAfter(st, m.j); ok {
		return nil
	}
	var cs []string
	for _, a := range d.x.gaz.Admin1(m.surface) {
		if !slices.Contains(cs, a.Country) {
			cs = append(cs, a.Country)
		}
	}
	if len(cs) < 2 {
		return nil
	}
	return cs
}

// locatingCountry says whether the sentence's mention mi is a country
// named outright where something is: "in Sri Lanka", "the Eastern
// Province of Sri Lanka", "Hajjah Governorate, Yemen". A place's own
// country is a guess among places of one name; a country so named is not
// (a country acting, "Israel struck", locates nothing).
func locatingCountry(st *sent, mi int) bool {
	m := st.mentions[mi]
	if m.kind != dossier.KindState || m.demonym || m.i == 0 {
		return false
	}
	p := st.toks[m.i-1]
	if p.Is("in", "of") && mi > 0 {
		// "the Houthi movement in Yemen", "Hezbollah in Lebanon": where a
		// group is
		q := st.mentions[mi-1]
		if q.actor != nil && q.kind != kindPlace && q.kind != dossier.KindState && q.j >= m.i-3 {
			lower := true
			for k := q.j; k < m.i-1; k++ {
				lower = lower && !st.toks[k].Cap() && st.toks[k].Kind == text.Word
			}
			if lower {
				return false
			}
		}
	}
	if p.Is("in", "of", "across", "throughout", "northern", "southern", "eastern", "western", "central") {
		return true
	}
	return p.Text == "," && mi > 0 && st.mentions[mi-1].j == m.i-1 && st.mentions[mi-1].kind == kindPlace
}

// countriesNamed lists the countries a short text names outright (not by
// a demonym), in order.
func (d *docState) countriesNamed(s string) []string {
	toks := text.Tokenize(s, 0)
	var out []string
	for i := 0; i < len(toks); i++ {
		if !toks[i].Cap() {
			continue
		}
		for e := min(len(toks), i+4); e > i; e-- {
			n := s[toks[i].Start:toks[e-1].End]
			if d.divisionAfterName(toks, e, n) || d.writtenAsDivision(n) {
				break // "in Niger State": Nigeria's division, not Niger
			}
			if c, ok := d.x.gaz.Country(n); ok && !isDemonymOf(c, n) {
				// "US embassy", "two U.S. soldiers": whose, not where
				if e >= len(toks) || !attributiveHeads[toks[e].Lower] {
					out = append(out, c.Name)
				}
				i = e - 1
				break
			}
		}
	}
	return out
}

// writtenAsDivision says whether the report's text writes a name with a
// first-level division's word after it ("of Niger State"), a division of
// that name the gazetteer knows: a headline's "Niger" is then the
// division, not the country. The names so written are gathered once per
// document, on the first question.
func (d *docState) writtenAsDivision(name string) bool {
	if d.divisionNames == nil {
		d.divisionNames = map[string]bool{}
		for _, st := range d.sents {
			toks := st.toks
			for k := 0; k+1 < len(toks); k++ {
				if !toks[k].Cap() {
					continue
				}
				for e := k + 1; e <= len(toks) && e <= k+3 && toks[e-1].Cap(); e++ {
					if n := text.Join(d.body, toks, k, e); d.divisionAfterName(toks, e, n) {
						d.divisionNames[strings.ToLower(n)] = true
					}
				}
			}
		}
	}
	return d.divisionNames[strings.ToLower(name)]
}

// titleLocus is the country of the place a title puts its act in: a
// country or a known city after "in" (over compass words: "in northern
// Iraq"); "" when there is none.
func (d *docState) titleLocus(title string) string {
	toks := text.Tokenize(title, 0)
	for i, t := range toks {
		if !t.Is("in", "near", "outside") {
			continue
		}
		k := i + 1
		for k < len(toks) && (compassWord(strings.TrimSuffix(toks[k].Lower, "ern")) || toks[k].Is("northern", "southern", "eastern", "western", "central", "the")) {
			k++
		}
		for e := min(len(toks), k+4); e > k; e-- {
			if !toks[e-1].Cap() {
				continue
			}
			n := title[toks[k].Start:toks[e-1].End]
			if d.divisionAfterName(toks, e, n) || d.writtenAsDivision(n) {
				continue // "in Niger State": Nigeria's division, not Niger
			}
			if c, ok := d.x.gaz.Country(n); ok && !isDemonymOf(c, n) {
				return c.Name
			}
			if ps := d.x.gaz.Lookup(n); len(ps) > 0 && ps[0].Population >= 100000 {
				return ps[0].Country
			}
		}
	}
	return ""
}

// attributiveHeads are nouns a country's name qualifies without placing
// anything: "the US embassy", "U.S. soldiers", "Israeli air strikes".
var attributiveHeads = map[string]bool{"embassy": true, "embassies": true, "consulate": true, "ambassador": true, "soldier": true,
	"soldiers": true, "troops": true, "forces": true, "military": true, "army": true, "navy": true, "citizen": true, "citizens": true,
	"tourist": true, "tourists": true, "nationals": true, "journalist": true, "journalists": true, "diplomat": true, "diplomats": true,
	"official": true, "officials": true, "base": true, "drone": true, "drones": true, "missile": true, "missiles": true, "strike": true,
	"strikes": true, "airstrike": true, "airstrikes": true, "warplanes": true, "jets": true, "envoy": true, "aid": true, "worker": true, "workers": true}

// placesInCountry reads again the places resolved before the document's
// country was known. A name the gazetteer knows in several countries is
// the one in a country its sentence names ("Authorities in Jamaica say
// that gunfights in the capital Kingston"), else in the document's
// country ("Yala" in a report on southern Thailand); a small place known
// only abroad, with no country beside it, is a place of the document's
// country the gazetteer does not hold ("the central town of Savar" in
// Bangladesh, not Savar in Hungary).
func (d *docState) placesInCountry() {
	abroad := map[string]*gazetteer.Place{} // names a sentence put in another country
	defer func() {
		// the same name elsewhere in the document is the same place
		// ("Israeli airstrike, Qana" in the headline)
		for _, st := range d.sents {
			for _, m := range st.mentions {
				if p := abroad[m.surface]; p != nil && m.kind == kindPlace && m.place != nil && m.place.Feature != featureCountry {
					m.place, m.country = p, p.Country
				}
			}
		}
	}()
	if d.mainCtry == "" {
		return
	}
	docNamed := map[string]bool{} // countries the document names outright
	for _, st := range d.sents {
		for _, m := range st.mentions {
			if m.kind == dossier.KindState && !m.demonym && m.country != "" {
				docNamed[m.country] = true
			}
		}
	}
	for _, st := range d.sents {
		named := map[string]bool{} // countries the sentence names outright
		for _, m := range st.mentions {
			if m.kind == dossier.KindState && !m.demonym && m.country != "" && (m.j >= len(st.toks) || !attributiveHeads[st.toks[m.j].Lower]) {
				named[m.country] = true // ("two U.S. soldiers" says whose, not where)
			}
		}
		for _, m := range st.mentions {
			if m.kind != kindPlace || m.place == nil || m.place.Country == "" || m.place.Feature == featureCountry || m.place.Feature == featureNear {
				continue
			}
			cur := m.place.Country
			if cur == d.mainCtry && (len(named) == 0 || named[cur]) || named[cur] && !named[d.mainCtry] {
				continue
			}
			name := m.surface
			ps := slices.Concat(d.x.gaz.Lookup(name), d.x.gaz.Admin1(name)) // never append to the gazetteer's own slices
			var pick *gazetteer.Place
			wants := []func(gazetteer.Place) bool{
				func(p gazetteer.Place) bool { return named[p.Country] && p.Country == d.mainCtry },
				func(p gazetteer.Place) bool { return named[p.Country] },
				// the document's country's place of that very name, over
				// one elsewhere the name is only another name of
				func(p gazetteer.Place) bool {
					return len(named) == 0 && p.Country == d.mainCtry && gazetteer.Fold(p.Name) == gazetteer.Fold(name) &&
						gazetteer.Fold(m.place.Name) != gazetteer.Fold(name)
				},
				// the document's country, unless the name is a much
				// larger place elsewhere
				func(p gazetteer.Place) bool {
					return len(named) == 0 && p.Country == d.mainCtry && p.Population*20 >= m.place.Population
				},
				// "the Rasht region", "Rasht District" in a report on
				// Tajikistan: a division, the seat of which is the
				// document's country's place of the name however large the
				// city of that name elsewhere
				func(p gazetteer.Place) bool {
					return len(named) == 0 && p.Country == d.mainCtry && m.j < len(st.toks) &&
						st.toks[m.j].Is("region", "district", "province", "county", "division") && gazetteer.Fold(p.Name) == gazetteer.Fold(name)
				},
			}
			for _, want := range wants {
				for i := range ps {
					if want(ps[i]) && (pick == nil || ps[i].Population > pick.Population) {
						pick = &ps[i]
					}
				}
				if pick != nil {
					break
				}
			}
			if pick != nil {
				if pick.Country != m.place.Country || pick.Population != m.place.Population {
					p := *pick
					m.place, m.country = &p, p.Country
				}
				continue
			}
			small := m.place.Population < 100000 && m.place.Feature != "PPLC" && m.place.Feature != "ADM1"
			// "the town of X" in a report of another country, which
			// it never names: a town the text calls one, not the city of
			// that name abroad
			if !small && m.place.Population < 500000 && m.place.Feature != "PPLC" && m.place.Feature != "ADM1" && !docNamed[m.place.Country] &&
				m.i >= 2 && st.toks[m.i-1].Lower == "of" && st.toks[m.i-2].Is("town", "village", "hamlet", "settlement") {
				small = true
			}
			// "the village of Qana in southern Lebanon": a place known
			// only abroad (Qena, Egypt), which the text puts in another
			// country, is a place of that country the gazetteer lacks
			if c, ok := d.countryRightAfter(st, m.j); ok && c.Name != m.place.Country && m.place.Feature != "PPLC" {
				p := countryPlace(c)
				m.place, m.country = &p, c.Name
				abroad[m.surface] = &p
				continue
			}
			if small && !named[m.place.Country] && m.place.Country != d.mainCtry {
				if m.i >= 2 && st.toks[m.i-1].Lower == "of" && st.toks[m.i-2].Cap() {
					// "the Inspector General of Police": a word that is
					// also a small town abroad names no place here
					m.place, m.country = nil, ""
					continue
				}
				if facilityAfter(st.toks, m.j) {
					// "in the NAME pub": the pub's name, which is a
					// small town's only abroad
					m.place, m.country = nil, ""
					continue
				}
				if !locativeBefore(st.toks, m.i) {
					continue
				}
				if c, ok := d.x.gaz.Country(d.mainCtry); ok {
					p := countryPlace(c)
					m.place, m.country = &p, c.Name
				}
			}
		}
	}
}

// countryRightAfter is the country written right after a place: "X in
// southern Lebanon", "X, in northern Iraq", "X in Lebanon".
func (d *docState) countryRightAfter(st *sent, j int) (gazetteer.Country, bool) {
	toks := st.toks
	k := j
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	if k >= len(toks) || !toks[k].Is("in") {
		return gazetteer.Country{}, false
	}
	k++
	if k < len(toks) && (compassWord(strings.TrimSuffix(toks[k].Lower, "ern")) || toks[k].Is("central")) {
		k++
	}
	for _, m := range st.mentions {
		if m.i == k && m.kind == dossier.KindState && !m.demonym && m.country != "" {
			if c, ok := d.x.gaz.Country(m.country); ok {
				return c, true
			}
		}
	}
	return gazetteer.Country{}, false
}

// ---- the main incident's date

// leadStart is the lead's first paragraph: a page's short lines above
// its text (a date line, a byline, a list of highlights, a subheading)
// are not its lead: the lead is the first paragraph that opens with a
// sentence of running text.
func (d *docState) leadStart() int {
	p := 0
	for p < len(d.lay.Paras)-1 && p < 4 {
		s := d.lay.Sents[d.lay.Paras[p].First]
		if len(strings.Fields(string(d.lay.Clean[s.Start:s.End]))) >= 10 {
			break
		}
		p++
	}
	return p
}

func (d *docState) leadParas() int {
	p := d.leadStart()
	if len(d.lay.Paras) > 0 && d.lay.Paras[p].N < 2 {
		return p + 2
	}
	return p + 1
}

func (d *docState) mainDate(in *incident) {
	if in.date != nil && in.datePrio >= prioInfobox {
		d.anchorTo(in)
		return
	}
	anchor := d.published
	var (
		pageMonth timex.Date
		monthEv   *dossier.Evidence // the page's month, when it anchors a day written without its year
	)
	if anchor.Year == 0 && d.news {
		// a page known only by its month ("/2020/11/" in its address):
		// "this morning, November 02" is a day of that year
		if m, ev, ok := d.publishedMonth(); ok {
			anchor, pageMonth, monthEv = m, m, &ev
		}
	}
	if anchor.Year == 0 {
		if y := yearIn(in.title); y != 0 {
			anchor = timex.Date{Year: y}
		}
	}
	var yearSent *sent // the sentence the year of writing was read from
	if anchor.Year == 0 && d.news {
		// "devastated by internal violence for eighteen years since
		// 1991": a report without a date says when it was written
		if y, st := d.writingYear(); y != 0 {
			anchor, yearSent = timex.Date{Year: y}, st
		}
	}
	type cand struct {
		start, end timex.Date
		score      int
		st         *sent
		h          dateHit
		speech     bool // the date of words said about the act
	}
	var best *cand
	lead := d.leadParas()
	// occurrence: past the lead, only a sentence that says when the event
	// took place ("The attack with dynamite and grenades took place
	// Thursday", "the attacks had happened on Thursday") dates it
	occurrence := false
	for i := 0; i < len(d.sents); i++ {
		st := d.sents[i]
		// (a lead dated only by when it was said, "authorities said
		// Thursday", reads on a paragraph: "the attackers stormed the
		// village on Wednesday")
		if st.para >= lead+1 && !occurrence && !(best != nil && best.speech && d.news && st.para <= lead+1) {
			if best != nil && !best.speech || !d.news || d.published.Year == 0 {
				break
			}
			occurrence = best == nil
			if !occurrence {
				break
			}
		}
		if occurrence && (!st.hasEvent(2) || !occurrenceRE.MatchString(st.text) && !d.backReference(st, lead)) {
			continue
		}
		for hi := 0; hi < len(st.dates); hi++ {
			h := st.dates[hi]
			e := h.e
			if e.Attributive {
				continue
			}
			// "overnight Thursday", "overnight on Thursday", "Overnight
			// (Friday-Saturday)": the night of the day named, not the
			// night before the report
			if e.Deictic && e.Kind == timex.Relative && hi+1 < len(st.dates) && st.dates[hi+1].e.Kind == timex.Weekday &&
				strings.Trim(strings.TrimPrefix(strings.TrimSpace(string(d.body[h.end:st.dates[hi+1].start])), "on"), " (") == "" {
				continue
			}
			// "overnight Thursday and Friday", "between Monday and
			// Tuesday": one span, said or not as its last day is
			last := h
			if e.Kind == timex.Weekday && hi+1 < len(st.dates) && st.dates[hi+1].e.Kind == timex.Weekday &&
				slices.Contains([]string{"and", "to", "-", "–", "into"}, strings.TrimSpace(string(d.body[h.end:st.dates[hi+1].start]))) {
				last = st.dates[hi+1]
				hi++
			}
			if e.Kind == timex.Absolute && e.Year == 0 && e.Month != 0 {
				// "on December 8 and continuing until early December 9,
				// 1998": the year of a date just after it in the sentence
				e.Year = sameSentenceYear(st, h)
			}
			if e.Kind == timex.Absolute && e.Year == 0 && e.Month != 0 && e.Day != 0 && !e.HasWeekday && hi > 0 && st.dates[hi-1].e.Kind == timex.Weekday {
				// "on Thursday (27 April)", "Monday morning (Jan. 30)": the
				// weekday the day is given with
				gap := strings.Trim(string(d.body[st.dates[hi-1].end:h.start]), " ,(")
				if gap == "" || gap == "morning" || gap == "evening" || gap == "night" || gap == "afternoon" {
					e.Weekday, e.HasWeekday = st.dates[hi-1].e.Weekday, true
				}
			}
			if e.Kind == timex.Absolute && e.Year == 0 && e.Month != 0 && e.Day != 0 && e.HasWeekday && anchor.Year == 0 && d.news {
				// "on Wednesday, 6 November" in a page with no date of its
				// own: the first year, from the latest the report names
				// ("Since 2015, ..."), in which that day is that weekday
				e.Year = weekdayYear(e, d.latestYear())
			}
			var start, end timex.Date
			var ok bool
			switch {
			case e.Kind == timex.Absolute && e.Year != 0:
				start, end, ok = dateOf(e, anchor, false)
			case anchor.Year != 0 && (e.Kind == timex.Absolute || (anchor.Day != 0 && d.news)):
				opts := timex.ResolveOptions{PastOnly: d.news}
				if e.Kind == timex.Weekday && d.news {
					opts.NextDay = d.nextDay(st)
				}
				at := anchor
				if e.Deictic && e.Kind == timex.Relative && d.news {
					// "an overnight raid ..., officials said on Sunday":
					// the night before the day the words were said
					if day, ok := d.speechDay(st, anchor); ok {
						at = day
					}
				}
				start, end, ok = e.Resolve(at, opts)
			}
			if !ok || start.Year == 0 {
				continue
			}
			if monthEv != nil && !(start.Year == anchor.Year && start.Month == anchor.Month) {
				continue // a page known by its month tells of that month's act; other dates are the background's
			}
			if possessiveOfOther(st, h) {
				continue // "last month's presidential election": the date of another noun
			}
			if d.news && futureDate(st, h) {
				continue // "the school would reopen on Saturday": a plan, not the act
			}
			if d.news && start.Month == 0 && !st.leadOfPara {
				// "At least 17 people were killed in 2015 when ...": a
				// report tells its act by the day; a year alone, past its
				// paragraph's first sentence, is the background's
				continue
			}
			if d.news && best != nil && best.speech && st.para >= lead && after(best.start, lastDay(start, end), 7) {
				// "..., sources said on Wednesday. ... In April, gunmen
				// attacked a border post": past the lead, a date well
				// before the day the lead's words were said is an earlier
				// act's
				continue
			}
			if sinceDate(st, h) {
				continue // "the deadliest attack since 2015": the start of a period, another event's date
			}
			if earlierActDate(st, h) {
				continue // "the target of a previous attack in 2023": another act's date
			}
			if d.news && e.Kind == timex.Relative && !e.Deictic {
				// "two days before general elections", "48 hours after two
				// soldiers were killed": counted from another event, whose
				// date the publication is not
				continue
			}
			if d.news && e.Kind == timex.Relative && e.Unit == "year" {
				// "the assassination of a minister five years ago", "last
				// year": a report tells of days, so years back are another
				// event's
				continue
			}
			if d.news && e.Year == 0 && d.published.Year != 0 && after(start, d.published, 1) {
				continue // counted from the publication, a report tells of what has happened
			}
			if d.news && d.published.Day != 0 && start.Day == 0 && !st.hasEvent(2) && len(st.cas) == 0 && len(st.weapons) == 0 && after(d.published, lastDay(start, end), 62) {
				// "who appointed him foreign minister in April 2004": a
				// month or a year months before the report, in a sentence
				// with no act in it, tells the background
				continue
			}
			score := 0
			if start.Day != 0 {
				score += 3
			} else if start.Month != 0 {
				score++
			}
			if st.hasEvent(2) || len(st.cas) > 0 {
				score += 2
			}
			if st.para < lead {
				score++
			}
			sp := speechDate(st, last) && !actClauseDate(st, last)
			if sp {
				score -= 3
			}
			if !d.news && i == 0 {
				// an article's first sentence defines its subject: "The
				// Battle of Shire was fought from February 8 to 19 February
				// 1989"; background paragraphs follow
				score += 2
			}
			if occurrence && start.Day == 0 {
				continue
			}
			// (a tie goes to the date of the act over that of the words)
			if best == nil || score > best.score || score == best.score && best.speech && !sp {
				best = &cand{start, end, score, st, h, sp}
			}
		}
		if best != nil && (best.score >= 6 || occurrence) {
			break
		}
	}
	if d.news && anchor.Day != 0 && (best == nil || best.speech) {
		// "..., sources said on Wednesday. ... The army has not commented
		// on Tuesday's incident": with no day of its own in the lead, the
		// act is dated by the day a later sentence gives it
		if st, h, day, ok := d.possessiveActDay(anchor); ok {
			best = &cand{day, day, 0, st, h, false}
		} else if best == nil {
			// "... the agency announced the deaths in the province on
			// Saturday night": a lead with no day, and a sentence soon
			// after that names the act again, with the article, and its day
			if st, h, day, ok := d.anaphoricActDay(anchor, lead+3); ok {
				best = &cand{day, day, 0, st, h, false}
			}
		}
	}
	var coarse *sent // the sentence of the month a day refined
	if best != nil && !d.news && best.start.Day == 0 && best.start.Month != 0 {
		// "took place in late October 2022 ... Fighting broke out on 21
		// October": a day of the month the lead gives, in a sentence of the
		// act after it, says which day it began
		if st, day, ok := d.dayWithin(best.st, best.start, best.end); ok {
			end := best.end
			if end.Year == 0 {
				end = best.start
			}
			if end.Day == 0 {
				end.Day = timex.DaysIn(end.Year, end.Month)
			}
			coarse = best.st
			best.start, best.end, best.st = day, end, st
		}
	}
	if best != nil && d.news && best.start.Day != 0 && best.end.Day != 0 && best.end != best.start {
		// "were killed last week when armed men attacked a village ...
		// accused militias of attacking the village on Thursday": a day
		// of the week the lead gives, in a sentence of the act after it
		if n, ok := timex.DaysBetween(best.start, best.end); ok && n <= 7 {
			if st, day, ok := d.weekdayWithin(best.st, best.start, best.end, anchor); ok {
				coarse = best.st
				best.start, best.end, best.st = day, day, st
			}
		}
	}
	switch {
	case best != nil:
		prio := prioProse
		if best.st.para < lead {
			prio = prioLead
		}
		ev := d.sentEvidence("date", best.st, 0.8)
		if best.h.e.Kind == timex.Weekday && best.start != best.end {
			ev.Note = fmt.Sprintf("%s is %s, or %s if that day had begun at the place when the report was published; the publication's time and UTC offset, or the place's time zone, are not known",
				best.h.e.Weekday, best.start, best.end)
		}
		if in.setDate(best.start, best.end, prio, ev) && coarse != nil && coarse != best.st {
			in.addEvidence(d.sentEvidence("date", coarse, 0.8)) // the month the day is in
		}
		if monthEv != nil && best.h.e.Year == 0 && in.date != nil {
			in.addEvidence(*monthEv) // the year the day is of
		}
		if yearSent != nil && best.h.e.Year == 0 && in.date != nil && yearSent != best.st {
			yev := d.sentEvidence("date", yearSent, 0.5)
			yev.Note = fmt.Sprintf("the year of writing, %d, counted from this sentence", anchor.Year)
			in.addEvidence(yev)
		}
	case yearIn(in.title) != 0:
		y := yearIn(in.title)
		ev := in.titleEvidence()
		in.setDate(timex.Date{Year: y}, timex.Date{}, prioTitle, withField(ev, "date"))
	}
	if (in.date == nil || in.dateD.Day == 0) && d.published.Year != 0 && d.news {
		ev := d.publishedEvidence()
		if in.date == nil || (in.dateD.Year == d.published.Year && (in.dateD.Month == 0 || in.dateD.Month == d.published.Month)) {
			in.date = nil
			in.datePrio = 0
			in.setDate(d.published, timex.Date{}, prioMeta, ev)
			for i := range in.evidence {
				if in.evidence[i].Field == "date" {
					in.evidence[i].Confidence = 0.5
				}
			}
		}
	}
	if in.date == nil && monthEv != nil {
		// a page known only by its month ("/2016/02/" in its address, "date
		// 2024-01" above its text): the report's act is of that month, as
		// far as the page tells
		in.setDate(pageMonth, timex.Date{}, prioMeta, *monthEv)
	}
	d.anchorTo(in)
}

var (
	urlMonth    = regexp.MustCompile(`/((?:19|20)\d\d)/(0[1-9]|1[0-2])/`)
	prefixMonth = regexp.MustCompile(`^\s*(?i:date|published|posted)\s+((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:\s|$)`)
)

// publishedMonth reads the month of a page that gives no day: a month's
// folder in its address, or a labelled month above its text. The evidence
// is the header line or the label.
func (d *docState) publishedMonth() (timex.Date, dossier.Evidence, bool) {
	month := func(y, m string) timex.Date {
		yy, _ := strconv.Atoi(y)
		mm, _ := strconv.Atoi(m)
		return timex.Date{Year: yy, Month: mm}
	}
	start := d.lay.Header.End
	if loc := prefixMonth.FindSubmatchIndex(d.body[start:]); loc != nil {
		ev := d.evidence("date", start+loc[2], start+loc[5], dossier.MethodMeta, 0.4)
		ev.Note = "the page's month, above its text: no day is given"
		return month(string(d.body[start+loc[2]:start+loc[3]]), string(d.body[start+loc[4]:start+loc[5]])), ev, true
	}
	h := d.body[:start]
	if i := bytes.Index(h, []byte("Source: ")); i >= 0 {
		line := h[i:]
		if e := bytes.IndexByte(line, '\n'); e >= 0 {
			line = line[:e]
		}
		if loc := urlMonth.FindSubmatchIndex(line); loc != nil {
			ev := d.evidence("date", i+loc[2], i+loc[5], dossier.MethodMeta, 0.4)
			ev.Note = "the month in the page's address: no day is given"
			return month(string(line[loc[2]:loc[3]]), string(line[loc[4]:loc[5]])), ev, true
		}
	}
	return timex.Date{}, dossier.Evidence{}, false
}

// Clashes of crowds are riots, not battles (ACLED: a battle is between
// organised armed groups): "clashes between demonstrators and police" is
// a violent demonstration, "students clashed" mob violence. A sentence
// that names an armed group keeps its clash a battle.
var (
	protestCrowd = map[string]bool{"protesters": true, "protestors": true, "demonstrators": true, "rioters": true, "marchers": true}
	otherCrowd   = map[string]bool{"students": true, "youths": true, "mob": true, "mobs": true, "crowd": true, "crowds": true, "fans": true,
		"supporters": true, "villagers": true, "residents": true, "worshippers": true}
	armedParty = map[string]bool{"militants": true, "rebels": true, "insurgents": true, "gunmen": true, "fighters": true, "troops": true,
		"soldiers": true, "army": true, "militia": true, "militias": true, "militiamen": true, "guerrillas": true, "forces": true, "jihadists": true}
)

// crowdClash is the riot sub-type of a sentence's clash when its parties
// are crowds, else "".
func crowdClash(toks []text.Token) string {
	protest, other := false, false
	for _, t := range toks {
		switch {
		case armedParty[t.Lower]:
			return ""
		case protestCrowd[t.Lower]:
			protest = true
		case otherCrowd[t.Lower]:
			other = true
		}
	}
	switch {
	case protest:
		return "Violent demonstration"
	case other:
		return "Mob violence"
	}
	return ""
}

// armedVictims are people killed in a fight rather than in an attack on
// civilians: "killed at least seventeen suspected members of a rebel
// group", "the rebels ... were killed".
var armedVictims = map[string]bool{"rebels": true, "rebel": true, "militants": true, "insurgents": true, "fighters": true,
	"guerrillas": true, "gunmen": true, "militiamen": true, "soldiers": true, "troops": true, "policemen": true}

// fallbackType gives a type to an incident whose text names no act ("The
// government said it killed seventeen rebels after violence overnight"):
// people killed or hurt are a clash when the lead's dead are armed, an
// attack otherwise.
func (d *docState) fallbackType(in *incident) {
	if len(in.cues) > 0 || in.fat == nil && in.inj == nil {
		return
	}
	lead := d.leadParas()
	for _, st := range d.sents {
		if st.para >= lead+1 {
			break
		}
		if st.inc != nil && st.inc != in || len(st.cas) == 0 {
			continue
		}
		for _, t := range st.toks {
			if armedVictims[t.Lower] {
				in.cue("Armed clash", 1)
				return
			}
		}
	}
	in.cue("Attack", 1)
}

// rioterNouns are the crowds a riot report makes the actors of its
// violence.
var rioterNouns = map[string]bool{"protesters": true, "protestors": true, "demonstrators": true, "rioters": true, "youths": true,
	"mob": true, "mobs": true, "students": true}

// crowdPerps makes a riot's crowd its perpetrator when the text names no
// one else: the first crowd of the lead, with the words that qualify it
// ("Hezbollah-led protesters", "Afghan rioters"). Police that used force
// on a crowd are another sub-type, whose perpetrators are the police.
func (d *docState) crowdPerps(in *incident) {
	if in.typ != "Riots" || len(in.perps) > 0 || len(in.accused) > 0 || in.infoboxPerps {
		return
	}
	lead := d.leadParas()
	for _, st := range d.sents {
		if st.para >= lead+1 {
			return
		}
		if st.inc != nil && st.inc != in || st.otherTime {
			continue
		}
		for i, t := range st.toks {
			if !rioterNouns[t.Lower] || t.Cap() && i > 0 {
				continue
			}
			s := i
			// (a capital that opens the sentence says nothing: "Rival students")
			for s > 0 && (st.toks[s-1].Cap() && s-1 > 0 ||
				st.toks[s-1].Text != "-" && strings.Contains(st.toks[s-1].Text, "-") && strings.HasSuffix(st.toks[s-1].Lower, "-led")) {
				s--
			}
			name := string(d.body[st.toks[s].Start:t.End])
			in.addRole("perpetrator", name, nil, d.sentEvidence("perpetrators", st, 0.5))
			return
		}
	}
}

// crowdArson is the riot sub-type of a sentence in which a crowd burns
// ("embassies set alight by crowds", "protesters torched cars", "they
// burnt tires and cars"), else "".
func crowdArson(toks []text.Token) string {
	fire := false
	for i, t := range toks {
		switch {
		case t.Is("torched", "burnt", "burned", "arson"):
			fire = true
		case t.Is("set") && i+1 < len(toks) && toks[i+1].Is("alight", "ablaze", "fire", "on"):
			fire = true
		}
	}
	if !fire {
		return ""
	}
	return crowdClash(toks)
}

// occurrenceRE is a verb that says when an event took place.
// backReference says whether a sentence past the lead tells the lead's
// act again by a definite noun the lead's first sentence counted ("two
// checkpoints" ... "Militants ambushed the checkpoints on Wednesday
// night"): the act's own day, a few paragraphs down.
func (d *docState) backReference(st *sent, lead int) bool {
	if st.para > lead+3 {
		return false
	}
	var first *sent
	for _, o := range d.sents {
		if o.para == lead {
			first = o
			break
		}
	}
	if first == nil || first == st {
		return false
	}
	counted := map[string]bool{}
	for k := 1; k < len(first.toks); k++ {
		if p := first.toks[k-1]; (p.Kind == text.Number || isCountWord(p.Lower) && p.Lower != "at") && first.toks[k].Kind == text.Word && strings.HasSuffix(first.toks[k].Lower, "s") && len(first.toks[k].Lower) > 4 {
			counted[first.toks[k].Lower] = true
		}
	}
	for k := 1; k < len(st.toks); k++ {
		if st.toks[k-1].Is("the") && counted[st.toks[k].Lower] && !d.peopleWord(st.toks[k].Lower) {
			return true
		}
	}
	return false
}

var occurrenceRE = regexp.MustCompile(`\b(took place|happened|occurred)\b`)

// nextDay says whether the day after the publication date had begun, when
// the report was published, at the place a sentence dates: the places it
// names, with the zones of the country the document is about unless one of
// them is in it ("in Brooklyn" in a report on the United States is New
// York's zone alone; "in Washington" in a report on Afghanistan is both).
// It needs the moment of publication with its offset (PublishedAt).
func (d *docState) nextDay(st *sent) timex.NextDay {
	at := d.doc.PublishedAt
	if at.IsZero() || at.Format("2006-01-02") != d.doc.Published {
		return timex.NextDayUnknown
	}
	var zones []*time.Location
	inCountry := false
	for _, m := range st.mentions {
		if m.place == nil || (m.kind != kindPlace && m.kind != kindFacility) {
			continue
		}
		if z := d.x.gaz.Zones(*m.place); len(z) > 0 {
			zones = append(zones, z...)
			inCountry = inCountry || m.place.Country == d.mainCtry
		}
	}
	if c, ok := d.x.gaz.Country(d.mainCtry); ok && !inCountry {
		zones = append(zones, d.x.gaz.Zones(countryPlace(c))...)
	}
	return timex.NextDayAt(at, zones)
}

// anchorTo makes the main incident's date the anchor of relative dates when
// there is no publication date.
func (d *docState) anchorTo(in *incident) {
	if d.anchor.Year == 0 && in.date != nil {
		d.anchor = in.dateD
	}
}

// titleWeapons reads the weapons of a title when the prose named none: a
// headline ("Spanish councillor shot and killed in the Basque Country")
// or an article's name ("2016 Nice truck attack") says how.
func (d *docState) titleWeapons(in *incident) {
	if len(in.weapons) > 0 || in.title == "" {
		return
	}
	ev := in.titleEvidence()
	if ev.End <= ev.Start {
		return
	}
	toks := text.Tokenize(in.title, 0)
	for _, w := range d.x.lex.Weapons.FindAll(toks) {
		in.addWeapon(weaponName([]byte(in.title), toks, w), w.Val.Class, withField(ev, "weapons"))
		in.cue(w.Val.SubType, 1)
	}
}

// titleEvidence is the evidence of the incident's title, or none.
func (in *incident) titleEvidence() dossier.Evidence {
	for _, e := range in.evidence {
		if e.Field == "title" {
			return e
		}
	}
	return dossier.Evidence{}
}

// sameSentenceYear is the year of the first date after h in its sentence
// that has one and falls in h's month or the next: the year a writer
// gives once for two dates close together. 0 when there is none.
func sameSentenceYear(st *sent, h dateHit) int {
	for _, o := range st.dates {
		if o.start <= h.start || o.e.Year == 0 || o.e.Month == 0 || o.e.Attributive {
			continue
		}
		if d := o.e.Month - h.e.Month; d == 0 || d == 1 {
			return o.e.Year
		}
		return 0
	}
	return 0
}

// departedFrom says whether the place at token k is where someone had set
// out from: "a truck that had left the town of X", "just after leaving X".
func departedFrom(toks []text.Token, k int) bool {
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		if toks[b].Is("left", "leaving", "departed", "departing") {
			return true
		}
		if !toks[b].Is("the", "town", "city", "village", "of", "base", "camp") {
			return false
		}
	}
	return false
}

// earlierActClause says whether token k stands in a clause that tells
// an earlier act the report's is set after: "The attack comes days after
// gunmen shot and killed a journalist in TOWN", "It came a week after
// ...", "The attack follows the deaths of 13 soldiers in X".
func earlierActClause(st *sent, k int) bool {
	toks := st.toks
	for a := 0; a < k && a < len(toks); a++ {
		switch {
		case toks[a].Is("follows") && !(a > 0 && toks[a-1].Is("as")):
			return true // (not "as follows")
		case toks[a].Lower == "heels" && a >= 2 && toks[a-1].Lower == "the" && toks[a-2].Lower == "on" && a+1 < len(toks) && toks[a+1].Lower == "of":
			return true // "The incident comes close on the heels of the rebels abducting a collector in TOWN"
		case toks[a].Lower == "after":
			// ("came days after", "comes just a week after"; not "came
			// under fire after")
			for b := a - 1; b >= 0 && b >= a-4; b-- {
				if toks[b].Is("comes", "came", "coming") {
					return true
				}
				if !(toks[b].Kind == text.Number || isCountWord(toks[b].Lower) || toks[b].Is("a", "an", "just", "only", "shortly", "soon", "less", "than",
					"days", "day", "weeks", "week", "months", "month", "hours", "hour", "years", "year", "minutes", "moments", "also")) {
					break
				}
			}
		}
	}
	return false
}

// otherItemSentence says whether a report's sentence opens as another
// item of the news: "Also on Saturday, ...", "Separately, ...", "In
// another incident, ...", "Elsewhere, ...".
func otherItemSentence(st *sent) bool {
	toks := st.toks
	if len(toks) < 3 {
		return false
	}
	switch {
	case toks[0].Is("also") && toks[0].Cap() && (toks[1].Text == "," || toks[1].Is("on", "in", "last", "earlier", "yesterday", "today")):
		return true
	case toks[0].Is("separately", "elsewhere", "meanwhile") && toks[1].Text == ",":
		return true
	case toks[0].Is("in") && toks[1].Cap():
		// "In Ramallah, meanwhile, youths battled soldiers": another
		// place's news of the day
		for k := 2; k+2 < len(toks) && k < 6; k++ {
			if toks[k].Text == "," && toks[k+1].Is("meanwhile") && toks[k+2].Text == "," {
				return true
			}
			if !toks[k].Cap() {
				break
			}
		}
	case toks[0].Is("in") && toks[1].Is("another", "a") && (toks[2].Is("separate", "similar", "incident", "attack", "development") || len(toks) > 3 && toks[3].Is("incident", "attack")):
		return true
	}
	return false
}

// earlierActDate says whether a date dates an act the sentence sets apart
// from the report's own: "the target of a previous attack in 2023", "he
// survived an earlier attack in March", "a similar bombing on Friday".
func earlierActDate(st *sent, h dateHit) bool {
	k := st.tokenIndexAt(h.start)
	j := k - 1
	for j >= 0 && j >= k-2 && st.toks[j].Is("in", "on", "of", "last", "this", "early", "late") {
		j--
	}
	if j < 1 || !st.toks[j].Is("attack", "attacks", "bombing", "bombings", "incident", "ambush", "raid", "strike", "shooting", "assault",
		"blast", "explosion", "killing", "killings", "massacre", "clash", "clashes", "kidnapping", "abduction", "one") {
		return false
	}
	for b := j - 1; b >= 0 && b >= j-2; b-- {
		if st.toks[b].Is("previous", "earlier", "prior", "similar", "another", "separate", "past", "former") {
			return true
		}
	}
	return false
}

// possessiveOfOther says whether a date is a possessive that dates a noun
// other than an event of violence: "last month's presidential election",
// "Sunday's vote" (not "Sunday's bombing", which dates the bombing).
func possessiveOfOther(st *sent, h dateHit) bool {
	k := st.tokenIndexAt(h.end)
	if k >= len(st.toks) || !st.toks[k].Is("'s", "’s") {
		return false
	}
	for _, e := range st.events {
		if e.I > k && e.I <= k+3 && e.Val.Weight >= 2 {
			return false
		}
	}
	return true
}

// sinceDate says whether a year or a month opens a period with "since"
// ("the deadliest attack since 2015", "since the 2019 elections", "22
// candidates have been murdered since last September"): it measures from
// another event, or tallies a period, which is what it dates. A day is not
// ruled out: "since Friday, dozens have been killed" is the start of the
// incident itself.
func sinceDate(st *sent, h dateHit) bool {
	k := st.tokenIndexAt(h.start)
	if h.e.Year != 0 && comparedSince(st, k) || periodStartClause(st, k) {
		return true
	}
	if h.e.Year == 0 && h.e.Month == 0 || h.e.Day != 0 {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if st.toks[j].Is("since") {
			return true
		}
		if !st.toks[j].Is("the", "a", "its", "their", "last", "early", "late", "mid") {
			return false
		}
	}
	return false
}

// periodStartClause says whether the date at token k ends a clause that
// opens a period with "since" and its own verb: "fires have occurred in
// Kandi since the fighting began on February 24 2022", "since the war
// broke out in March 2011". It dates the start of another event.
func periodStartClause(st *sent, k int) bool {
	return sinceWithVerb(st.toks, k, 10, "began", "begun", "started", "erupted", "broke", "launched", "invaded", "seized", "took") >= 0
}

// sinceWithVerb is the token of the "since" that opens the clause of the
// date at token k, within window tokens and no punctuation, when one of
// verbs stands between them; else -1.
func sinceWithVerb(toks []text.Token, k, window int, verbs ...string) int {
	verb := false
	for j := k - 1; j >= 0 && j >= k-window; j-- {
		t := toks[j]
		if t.Kind == text.Punct {
			return -1
		}
		if t.Is(verbs...) {
			verb = true
		}
		if t.Is("since") {
			if verb {
				return j
			}
			return -1
		}
	}
	return -1
}

// comparedSince says whether the words at token k are the yardstick of a
// superlative: "the deadliest attack since the 14 August 2007 bombings",
// "the worst violence in the city since 2015", "the first such attack
// since the war". What they name or date is another event, compared with
// the one the sentence tells.
func comparedSince(st *sent, k int) bool {
	j := k - 1
	for j >= 0 && st.toks[j].Is("the", "a", "its", "their") {
		j--
	}
	if j < 0 || !st.toks[j].Is("since") {
		return false
	}
	return superlativeBefore(st, j)
}

// settlementNouns name a kind of settlement, in an apposition after a
// place's name (", a village in ..."); placeApposition also reads a
// neighbourhood (counting one in settlementApposition too moved no dev
// figure and lost one test place, so it was left as it was).
var settlementNouns = map[string]bool{"town": true, "village": true, "city": true, "suburb": true,
	"settlement": true, "hamlet": true, "township": true, "locality": true, "camp": true}

// unnamedSettlementBefore says whether a place mention is where an
// unnamed settlement lies: "in a village in X", "in a remote village in X
// province", "a town in X".
func unnamedSettlementBefore(m *mention) bool {
	toks := m.st.toks
	k := m.i - 1
	if k >= 0 && toks[k].Lower == "the" {
		k--
	}
	if k < 2 || !toks[k].Is("in", "of", "near") || !toks[k-1].Is("village", "town", "hamlet", "villages") {
		return false
	}
	for q := k - 2; q >= 0 && q >= k-4; q-- {
		if toks[q].Is("a", "an", "one", "two", "three") {
			return true
		}
		if toks[q].Cap() || toks[q].Kind != text.Word {
			return false
		}
	}
	return false
}

// settlementNamed says whether the text calls a place mention a
// settlement: "the town of X", "the village of X".
func settlementNamed(m *mention) bool {
	toks := m.st.toks
	return m.i >= 2 && toks[m.i-1].Lower == "of" && settlementNouns[toks[m.i-2].Lower] && toks[m.i-2].Lower != "city" || villageAfter(m)
}

// villageAfter says whether a place mention is followed by the noun
// "village" or "hamlet": "stormed X village".
func villageAfter(m *mention) bool {
	return villageNounAt(m.st.toks, m.j)
}

// villageNounAt says whether token j is the lower-case noun "village" or
// "hamlet".
func villageNounAt(toks []text.Token, j int) bool {
	return j < len(toks) && toks[j].Is("village", "hamlet") && !toks[j].Cap()
}

// institutionAfter says whether a place name ending at token j opens the
// name of an office or a body of it: "X state police spokesman",
// "the X provincial governor", "X operations command".
func institutionAfter(toks []text.Token, j int) bool {
	k := j
	for k < len(toks) && k < j+2 && toks[k].Is("state", "provincial", "province", "district", "city", "county", "regional", "municipal", "local") && !toks[k].Cap() {
		k++
	}
	return k < len(toks) && !toks[k].Cap() && toks[k].Is("police", "governor", "governor's", "spokesman", "spokeswoman", "spokesperson", "officials", "official",
		"authorities", "chief", "commissioner", "government", "council", "administration", "command", "commander", "prosecutor", "prosecutors")
}

// settlementApposition says whether ", a (small) village", ", a camp" or
// the like follows token j: what stands before it is a settlement.
func settlementApposition(toks []text.Token, j int) bool {
	if j+2 >= len(toks) || toks[j].Text != "," || !toks[j+1].Is("a", "an") {
		return false
	}
	for k := j + 2; k < len(toks) && k < j+5; k++ {
		if settlementNouns[toks[k].Lower] {
			return true
		}
		if toks[k].Kind != text.Word || toks[k].Cap() || stopWord(toks[k].Lower) {
			return false
		}
	}
	return false
}

// whereTaken says whether the name at token k is where victims were
// brought: "taken to a hospital in Kandi", "rushed to Kandi", "treated at
// a clinic in Kandi" (not "shot outside a hospital in Kandi": the act's).
func whereTaken(toks []text.Token, k int) bool {
	for b := k - 1; b >= 1 && b >= k-7; b-- {
		if toks[b].Kind == text.Punct {
			return false
		}
		if toks[b].Is("taken", "rushed", "airlifted", "evacuated", "transferred", "flown", "treated", "admitted", "hospitalised", "hospitalized") &&
			slices.ContainsFunc(toks[b+1:k], func(t text.Token) bool { return t.Is("to", "at", "in") }) {
			return true
		}
	}
	return false
}

// sinceActClause says whether the name at token k stands in a clause
// opened by "since" that tells an earlier act: "Baghdad has been on edge
// since militants seized the northern city of Mosul", "the first assault
// since March 2016, when a raid on the resort of Kandi left 19 dead". A
// verb in the past between "since" and the name says so ("since the
// attack in Kandi" names a yardstick, which others read).
func sinceActClause(st *sent, k int) bool {
	toks := st.toks
	verb := false
	for j := k - 1; j >= 0 && j >= k-25; j-- {
		t := toks[j]
		if t.Text == ";" || t.Text == "." || t.Text == "\"" || t.Text == "“" || t.Text == "”" {
			return false
		}
		if t.Text == "," {
			if !(j+1 < len(toks) && toks[j+1].Lower == "when") {
				return false // the clause ends ("since the fall of X, after a truck crashed in Kandi")
			}
			verb = true // "since March 2016, when a raid on Kandi left 19 dead": the act of that date
		}
		if t.Kind == text.Word && !t.Cap() && (strings.HasSuffix(t.Lower, "ed") && len(t.Lower) > 4 ||
			t.Is("took", "began", "broke", "left", "hit", "struck", "stormed", "overran", "fell", "killed")) {
			verb = true
		}
		if t.Lower == "since" {
			return verb && !(j > 0 && toks[j-1].Is("ever"))
		}
	}
	return false
}

// visitClause says whether the name at token k is in a clause of a
// journey or a meeting ("visit to", "trip to", "a summit in", "to
// attend", "flew to"): where someone went, not where the act was.
func visitClause(st *sent, k int) bool {
	toks := st.toks
	for j := k - 1; j >= 0 && j >= k-14; j-- {
		t := toks[j]
		if t.Kind == text.Punct && t.Text != "-" && t.Text != "'s" && t.Text != "’s" {
			return false
		}
		if t.Is("visit", "visits", "visiting", "trip", "tour", "summit", "conference", "attend", "attending", "flew", "travelled", "traveled") {
			return true
		}
	}
	return false
}

// sinceClause says whether the date at token k is in a clause opened by
// "since" after a superlative: "the first since attacks were halted in
// 2004" dates the halting, a yardstick, not an incident. A noun phrase
// there ("the deadliest attack since the Chabahar suicide bombing in
// December 2010") names an incident, which the date dates.
func sinceClause(st *sent, k int) bool {
	j := sinceWithVerb(st.toks, k, 7, "was", "were", "is", "are", "had", "has", "have", "been", "began", "ended")
	return j >= 0 && superlativeBefore(st, j)
}

// superlativeBefore says whether a superlative ("worst", "first",
// "deadliest") stands before the "since" at token j in its clause.
func superlativeBefore(st *sent, j int) bool {
	for b := j - 1; b >= 0 && b >= j-8; b-- {
		t := st.toks[b]
		if t.Text == "," || t.Text == ";" {
			return false
		}
		if t.Is("worst", "most", "first", "largest", "biggest", "greatest", "highest", "single") || strings.HasSuffix(t.Lower, "iest") {
			return true
		}
	}
	return false
}

// lastDay is the last day of a resolved date or range: "April 2024" ends
// on 30 April.
func lastDay(start, end timex.Date) timex.Date {
	if end.Year == 0 {
		end = start
	}
	if end.Month == 0 {
		end.Month = 12
	}
	if end.Day == 0 {
		end.Day = timex.DaysIn(end.Year, end.Month)
	}
	return end
}

// after says whether day a falls more than slack days after day b (both
// with a day).
func after(a, b timex.Date, slack int) bool {
	n, ok := timex.DaysBetween(b, a)
	return ok && n > slack
}

// publishedEvidence points at where the publication date was read: the
// date on its own line, the "Published:" header line, or the source URL.
func (d *docState) publishedEvidence() dossier.Evidence {
	if dl := d.dateline; dl != nil && dl.dateEnd > dl.dateStart {
		ev := d.evidence("date", dl.dateStart, dl.dateEnd, dossier.MethodMeta, 0.5)
		ev.Note = "dateline: the date the report was written"
		return ev
	}
	if r := d.runOnDate; r[1] > r[0] {
		ev := d.evidence("date", r[0], r[1], dossier.MethodMeta, 0.5)
		ev.Note = "the page's date line, run into its first sentence"
		return ev
	}
	if d.doc.PublishedFrom == "line" && d.doc.PublishedEnd > d.doc.PublishedStart && d.doc.PublishedEnd <= len(d.body) {
		return d.evidence("date", d.doc.PublishedStart, d.doc.PublishedEnd, dossier.MethodMeta, 0.5)
	}
	h := d.body[:d.lay.Header.End]
	for _, key := range []string{"Published: ", "Date: ", "Source: "} {
		if i := bytes.Index(h, []byte(key)); i >= 0 {
			s := i + len(key)
			e := bytes.IndexByte(h[s:], '\n')
			if e < 0 {
				e = len(h) - s
			}
			ss, ee := trimRange(d.body, s, s+e)
			return d.evidence("date", ss, ee, dossier.MethodMeta, 0.5)
		}
	}
	return d.evidence("date", 0, 0, dossier.MethodMeta, 0.3)
}

func yearIn(s string) int {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(w) == 4 && (w[0] == '1' && w[1] == '9' || w[0] == '2' && w[1] == '0') {
			y := 0
			for _, c := range w {
				y = y*10 + int(c-'0')
			}
			return y
		}
	}
	return 0
}

// saidRightBefore says whether a verb of saying stands right before token
// k, or before "on" there: "authorities said Thursday", "officials said on
// Sunday", "the agency reported Thursday", "a resident told AFP on Sunday".
func saidRightBefore(toks []text.Token, k int) bool {
	b := k - 1
	if b > 0 && toks[b].Is("on") {
		b--
	}
	if b >= 1 && (toks[b].Cap() || toks[b].Is("reporters", "journalists")) && toks[b-1].Is("told") {
		return true // "a resident told AFP on Sunday", "told reporters Sunday"
	}
	return b >= 0 && toks[b].Is("said", "says", "announced", "stated", "confirmed", "reported", "added")
}

// actNounsAnaphoric are nouns that name the act a report is about when a
// day owns them, besides the event words: "Tuesday's incident".
var actNounsAnaphoric = map[string]bool{"incident": true, "attack": true, "attacks": true, "events": true, "violence": true, "carnage": true}

// possessiveActDay finds the first weekday in the report that owns the
// name of an act ("Tuesday's incident", "Sunday's bombing", "Friday's
// deadly attack") and resolves it against anchor, the publication day.
func (d *docState) possessiveActDay(anchor timex.Date) (*sent, dateHit, timex.Date, bool) {
	for _, st := range d.sents {
		for _, h := range st.dates {
			if h.e.Kind != timex.Weekday {
				continue
			}
			k := st.tokenIndexAt(h.end)
			if k >= len(st.toks) || !st.toks[k].Is("'s", "’s") {
				continue
			}
			act := false
			for j := k + 1; j < len(st.toks) && j <= k+3 && !act; j++ {
				act = actNounsAnaphoric[st.toks[j].Lower]
				for _, e := range st.events {
					if e.I == j && e.Val.Weight >= 2 {
						act = true
					}
				}
			}
			if !act {
				continue
			}
			day, _, ok := h.e.Resolve(anchor, timex.ResolveOptions{PastOnly: true})
			if ok {
				return st, h, day, true
			}
		}
	}
	return nil, dateHit{}, timex.Date{}, false
}

// futureDate says whether a date is that of a plan: a modal verb of the
// future a few words before it in its clause ("the school would reopen on
// Saturday", "talks will resume on Monday").
func futureDate(st *sent, h dateHit) bool {
	k := st.tokenIndexAt(h.start)
	for b := k - 1; b >= 0 && b >= k-5; b-- {
		t := st.toks[b]
		if t.Kind == text.Punct {
			return false
		}
		if t.Is("will", "would", "shall") {
			return true
		}
	}
	return false
}

// anaphoricActDay finds, in paragraphs before maxPara, the first weekday
// that follows, within a few words, the name of the act or of its dead
// with the definite article ("announced the deaths in the province on
// Saturday night", "the attack on Sunday"), and resolves it against
// anchor, the publication day.
func (d *docState) anaphoricActDay(anchor timex.Date, maxPara int) (*sent, dateHit, timex.Date, bool) {
	for _, st := range d.sents {
		if st.para >= maxPara {
			break
		}
		for _, h := range st.dates {
			if h.e.Kind != timex.Weekday || futureDate(st, h) {
				continue
			}
			k := st.tokenIndexAt(h.start)
			named := false
			for _, e := range st.events {
				named = named || e.Val.Weight >= 2 && e.I < k && e.I >= k-6 && e.I > 0 && st.toks[e.I-1].Is("the")
			}
			for _, c := range st.cas {
				named = named || c.I < k && c.I >= k-6 && c.I > 0 && st.toks[c.I-1].Is("the")
			}
			// "Witnesses said that an unknown number of bombs fell about
			// 11 p.m. Saturday": the weapons of the act, and its day
			for _, w := range st.weapons {
				named = named || w.J <= k && w.I >= k-8 && !inQuote(st, w.I)
			}
			if !named {
				continue
			}
			if day, _, ok := h.e.Resolve(anchor, timex.ResolveOptions{PastOnly: true}); ok {
				return st, h, day, true
			}
		}
	}
	return nil, dateHit{}, timex.Date{}, false
}

// speechAfter says whether a verb of saying follows token j within two
// words: "officials in Yerevan claimed", "sources in Kandi said".
func speechAfter(d *docState, st *sent, j int) bool {
	for k := j; k < len(st.toks) && k <= j+2; k++ {
		if n, _ := d.x.lex.Speech.MatchAt(st.toks, k); n > 0 || st.toks[k].Is("claimed", "claim", "claims", "told") {
			return true
		}
	}
	return false
}

// tallyDate says whether the date at token k is when a count was made:
// "73 people were wounded as of Sunday afternoon", "as at late Monday".
func tallyDate(toks []text.Token, k int) bool {
	b := k - 1
	for b >= 0 && toks[b].Is("late", "early") {
		b--
	}
	return b >= 1 && toks[b].Is("of", "at") && toks[b-1].Is("as")
}

// speechDate says whether a date dates a statement, not an event:
// "On 8 November, NAME's office released a statement ...".
// reportedAct says whether the event word at token i is an act told
// before, the object of a verb of reporting: "the ministry published the
// news of the attack on August 16", "the army announced the attack on
// Monday": the date is the report's.
func reportedAct(st *sent, i int) bool {
	if !anaphoric(st, i) {
		return false
	}
	for b := i - 1; b >= 0 && b >= i-5; b-- {
		if st.toks[b].Is("published", "announced", "reported", "released", "confirmed", "disclosed") {
			return true
		}
		if st.toks[b].Kind != text.Word {
			return false
		}
	}
	return false
}

func speechDate(st *sent, h dateHit) bool {
	// "a journalist shot dead in Myanmar this Thursday, is alleged to
	// ...": a casualty or an event word just before the date is what it
	// dates, whatever is said of it afterwards
	k := st.tokenIndexAt(h.start)
	// "killing two officers, authorities said Thursday": a verb of
	// saying right before the date takes it, whatever came before
	if saidRightBefore(st.toks, k) || tallyDate(st.toks, k) {
		return true
	}
	for _, c := range st.cas {
		if c.J <= k && c.J >= k-8 {
			return false
		}
	}
	for _, e := range st.events {
		if e.Val.Weight >= 2 && e.J <= k && e.J >= k-8 && !reportedAct(st, e.I) {
			return false
		}
	}
	// "the US Embassy said in a statement issued today", "officials told
	// reporters on Monday": the date of the words, right after them
	for b := k - 1; b >= 0 && b >= k-5; b-- {
		if st.toks[b].Is("said", "says", "told", "statement", "announced", "stated", "reported", "declared", "issued", "confirmed") {
			return true
		}
		if (b == k-1 || b == k-2 && st.toks[k-1].Is("on")) && b > 0 && st.toks[b].Is("responsibility", "credit") && st.toks[b-1].Is("claimed", "claims", "claiming", "admitted", "accepted", "took") {
			// "GROUP claimed responsibility Saturday for the attack": the
			// day of the claim; the act was told or comes apart
			return true
		}
		if st.toks[b].Text == "," || st.toks[b].Text == ";" {
			break
		}
	}
	for ti, t := range st.toks {
		if t.Start < h.end {
			continue
		}
		if t.Is("that", "which") && (ti == 0 || st.toks[ti-1].End <= h.end) {
			// "an attack at a school on Friday that the president
			// condemned": what follows is said of the act
			return false
		}
		switch t.Lower {
		case "said", "says", "told", "statement", "announced", "stated", "reported", "declared", "tweeted", "wrote", "confirmed", "claimed", "alleged", "released", "published", "accused", "blamed",
			// "the X Red Cross on Tuesday condemned the bombing": the day of
			// the stance, not of the bombing
			"condemned", "condemns", "denied", "denies", "deplored", "denounced", "denounces", "mourned", "vowed", "pledged", "urged", "warned":
			if ti+1 < len(st.toks) && st.toks[ti+1].Is("dead") {
				break // "was declared dead": of the act
			}
			if adjectivalParticiple(st.toks, ti) {
				break // "the first publicly reported attack", "the alleged attacker": no words said
			}
			return true
		}
		if t.Text == "," && t.Start > h.end+1 {
			continue
		}
		if t.Kind == text.Word {
			// an event word first: the date dates the event
			for _, e := range st.events {
				if st.toks[e.I].Start == t.Start && e.Val.Weight >= 2 {
					return false
				}
			}
		}
	}
	return false
}

// adjectivalParticiple says whether the participle at token i qualifies
// the noun after it rather than telling of words said: after an article,
// "such" or an adverb in -ly ("a publicly reported attack", "the alleged
// attacker", "such claimed links").
func adjectivalParticiple(toks []text.Token, i int) bool {
	if i == 0 || i+1 >= len(toks) || !toks[i].Is("reported", "claimed", "alleged", "published", "released", "accused", "declared") || toks[i+1].Kind != text.Word {
		return false
	}
	p := toks[i-1]
	return p.Is("a", "an", "the", "such", "first", "most", "its", "their", "his", "her") || !p.Cap() && len(p.Lower) > 4 && strings.HasSuffix(p.Lower, "ly") && !p.Is("only", "early")
}

// actBeforeWords says whether, from token i of a sentence that opens with
// its date ("On Tuesday, at around 11am, youth from X carried out a raid
// and killed 14 people, Dual said"), the act is told (a casualty or an
// event word) before any verb of saying ("On Tuesday, the ministry said
// that ...").
func actBeforeWords(st *sent, i int) bool {
	for ; i < len(st.toks); i++ {
		t := st.toks[i]
		if t.Is("said", "says", "told", "statement", "announced", "stated", "reported", "declared", "confirmed", "claimed") {
			return false
		}
		if casualtyAt(st, i) || strongEventAt(st, i) {
			return true
		}
	}
	return false
}

// strongEventAt says whether an event word of weight 2 or more starts at
// token i.
func strongEventAt(st *sent, i int) bool {
	return slices.ContainsFunc(st.events, func(e text.Match[lexicon.Event]) bool { return e.I == i && e.Val.Weight >= 2 })
}

// actClauseDate says whether a date speechDate gives to words said dates
// the act after all, for the main incident's date: it closes the act's
// clause before an attribution ("were killed late Sunday, a member
// said"), or a casualty word follows it first ("Yesterday, X was shot
// and was declared dead").
func actClauseDate(st *sent, h dateHit) bool {
	k := st.tokenIndexAt(h.start)
	if e := st.tokenIndexAt(h.end); saidRightBefore(st.toks, k) && e < len(st.toks) && st.toks[e].Is("that") {
		return false // "the ministry reported on Saturday that ten soldiers were killed": the day of the report
	}
	first := true
	for i, t := range st.toks {
		if t.Start < h.end {
			continue
		}
		if t.Text == "," {
			if k <= firstWord(st)+2 {
				return actBeforeWords(st, i)
			}
			return first && !slices.ContainsFunc(st.toks[:k], func(t text.Token) bool {
				return t.Is("said", "says", "told", "announced", "stated", "confirmed", "reported", "declared")
			})
		}
		if casualtyAt(st, i) {
			return true
		}
		if strongEventAt(st, i) {
			return false
		}
		if t.Is("said", "says", "told", "statement", "announced", "stated", "reported", "declared", "confirmed") {
			return false
		}
		first = false
	}
	return false
}

// ---- the rest of the main incident from the prose

// mainSentences are the sentences about the main incident.
func (d *docState) mainSentences() []*sent {
	var out []*sent
	for _, st := range d.sents {
		if (st.inc == nil || st.inc == d.main) && !st.otherTime {
			out = append(out, st)
		}
	}
	return out
}

func (d *docState) mainFromProse(in *incident) {
	lead := d.leadParas()
	ms := d.mainSentences()
	for _, st := range ms {
		st.inc = in
	}
	d.proseLocation(in, ms, lead)
	for _, st := range ms {
		prio := prioProse
		if st.para < lead {
			prio = prioLead
		}
		elsewhere := d.elsewhere(st, in)
		for _, h := range d.casualties(st) {
			if elsewhere || d.aboutOtherTime(st, h.tok) {
				continue
			}
			ev := d.sentEvidence(h.field, st, 0.75)
			// a later sentence of the lead never overrides an earlier one
			in.setCount(h.field, h.r, prio, ev)
		}
		if st.para < lead+1 {
			for _, w := range st.weapons {
				if d.aboutOtherTime(st, w.I) {
					continue
				}
				in.addWeapon(weaponName(d.body, st.toks, w), w.Val.Class, d.sentEvidence("weapons", st, 0.7))
				in.cue(w.Val.SubType, 1)
			}
			for _, e := range st.events {
				sub := e.Val.SubType
				if sub == "Armed clash" {
					if c := crowdClash(st.toks); c != "" {
						sub = c
						d.crowdClash = c
					}
				}
				in.cue(sub, float64(e.Val.Weight))
			}
			if c := crowdArson(st.toks); c != "" {
				in.cue(c, 2)
			}
		} else if !d.news && d.actSection(st.para) && !d.infoboxHas("weapons") {
			// an article's section on the act itself ("== Attack ==", "==
			// Events ==") tells how it was done: "They hurled grenades at
			// the house"
			for _, w := range st.weapons {
				if !d.aboutOtherTime(st, w.I) {
					in.addWeapon(weaponName(d.body, st.toks, w), w.Val.Class, d.sentEvidence("weapons", st, 0.65))
				}
			}
		} else if !d.news && st.para < lead+3 && len(st.cas) > 0 {
			// an article tells how its victims died after its lead: "went
			// door-to-door bludgeoning residents to death with machetes and
			// shooting them"; the weapons of a sentence of deaths of the
			// incident, not its type
			for _, w := range st.weapons {
				if !d.aboutOtherTime(st, w.I) && casualtyNear(st, w.I, 6) {
					in.addWeapon(weaponName(d.body, st.toks, w), w.Val.Class, d.sentEvidence("weapons", st, 0.6))
				}
			}
		}
		d.findRoles(in, st, prio)
	}
	d.tollUpdates(in)
	d.actsTotals(in, ms)
	d.preciseCounts(in, ms)
	d.titleWeapons(in)
	d.findTargets(in, ms, lead)
	d.cleanTargets(in)
	d.namedTargets(in, ms)
	d.chooseTargets(in, ms, lead)
	// one death told without a figure: "A police officer has been killed"
	if in.fat == nil {
		for _, st := range ms {
			if st.para > lead {
				break
			}
			if v := d.loneDeath(st); v >= 0 && !d.aboutOtherTime(st, v) {
				in.setCount("fatalities", dossier.Exact(1), prioProse, d.sentEvidence("fatalities", st, 0.6))
				break
			}
		}
	}
	// one death told by a killing verb: "gunmen killed a policeman"
	if in.fat == nil && d.news {
		for _, st := range ms {
			if st.para > lead {
				break
			}
			if loneKilled(st.toks, true) && len(st.cas) > 0 && !d.aboutOtherTime(st, 0) {
				in.setCount("fatalities", dossier.Exact(1+d.othersAfterLoneVictim(st)), prioProse, d.sentEvidence("fatalities", st, 0.6))
				break
			}
		}
	}
	// nobody killed, told without a figure: "nobody was killed", "there
	// were no fatalities", "the explosions claimed no casualties" (the
	// wounded, if any, are told apart)
	if in.fat == nil {
		for _, st := range ms {
			if st.para > lead {
				break
			}
			if k := noDeaths(st.toks); k >= 0 && !d.aboutOtherTime(st, k) {
				in.setCount("fatalities", dossier.Exact(0), prioProse, d.sentEvidence("fatalities", st, 0.6))
				break
			}
		}
	}
	// one person hurt told without a figure, or nobody hurt at all
	if in.inj == nil && d.news {
		for _, st := range ms {
			if st.para > lead+1 {
				break
			}
			if noneHurt(st) {
				in.setCount("injuries", dossier.Exact(0), prioProse, d.sentEvidence("injuries", st, 0.6))
				if in.fat == nil {
					in.setCount("fatalities", dossier.Exact(0), prioProse, d.sentEvidence("fatalities", st, 0.6))
				}
				break
			}
			if k := noInjuries(st.toks); k >= 0 && !d.aboutOtherTime(st, k) {
				in.setCount("injuries", dossier.Exact(0), prioProse, d.sentEvidence("injuries", st, 0.6))
				break
			}
			if v := d.loneInjury(st); v >= 0 && !d.aboutOtherTime(st, v) {
				in.setCount("injuries", dossier.AtLeast(1), prioProse, d.sentEvidence("injuries", st, 0.5))
				break
			}
		}
	}
	d.headlineCounts(in)
	d.headlinePerps(in)
	// the title's words count double: "Car bomb kills 11 in Pakistan"
	if in.title != "" {
		toks := text.Tokenize(in.title, 0)
		for _, m := range d.x.lex.Events.FindAll(toks) {
			sub := m.Val.SubType
			if sub == "Armed clash" && d.crowdClash != "" {
				sub = d.crowdClash // "clashes over a monument", told as a crowd's in the text
			}
			in.cue(sub, float64(m.Val.Weight)*2)
		}
		for _, m := range d.x.lex.Weapons.FindAll(toks) {
			in.cue(m.Val.SubType, 2)
		}
	}
	d.typeByTargets(in)
}

// tollUpdates lets a toll revised later in the document ("one of those
// injured died, bringing the death toll up to 15", "the toll rose to 38")
// replace the figure told first, the last revision winning. A revision is
// read even after another date (the day the toll rose), never in a
// sentence about another incident; it never lowers the dead (the wounded
// may be fewer: "bringing the toll to six killed and two wounded") nor
// replaces an infobox's figures.
func (d *docState) tollUpdates(in *incident) {
	for _, st := range d.sents {
		if st.inc != nil && st.inc != in {
			continue
		}
		if d.elsewhere(st, in) {
			continue
		}
		for _, h := range d.casualties(st) {
			if !h.update {
				continue
			}
			pcur, prio := in.countOf(h.field)
			cur := *pcur
			// (the wounded may be fewer: some of them died)
			if *prio >= prioInfobox || cur != nil && h.r.Min < cur.Min && h.field == "fatalities" {
				continue
			}
			*prio = 0
			in.setCount(h.field, h.r, prioLead, d.sentEvidence(h.field, st, 0.75))
		}
	}
}

// elsewhere says whether a sentence opens on another place than the
// incident's: "Elsewhere in Ukraine, another person was killed", "In
// Russia, one person was reported wounded by Ukrainian shelling" in a
// report of a strike in Ukraine. Its figures are another act's.
func (d *docState) elsewhere(st *sent, in *incident) bool {
	country := ""
	if in != nil && in.loc != nil {
		country = in.loc.Country
	}
	return d.elsewhereThan(st, country)
}

// elsewhereThan is elsewhere against a country's name ("" when none is
// known: then only "Elsewhere" says so).
func (d *docState) elsewhereThan(st *sent, country string) bool {
	toks := st.toks
	f := firstWord(st)
	if f < 0 || f+2 >= len(toks) {
		return false
	}
	if toks[f].Is("elsewhere") {
		return true
	}
	if !toks[f].Is("in") || country == "" {
		return false
	}
	// "In Russia," / "In South Sudan,": a country's name, then a comma
	for n := 1; n <= 3 && f+n+1 < len(toks); n++ {
		if toks[f+n+1].Text != "," {
			continue
		}
		name := string(d.body[toks[f+1].Start:toks[f+n].End])
		c, ok := d.x.gaz.Country(name)
		return ok && c.Name != country
	}
	return false
}

// partOf says whether a place is written as a part of another right after
// it: "the Matni area on the outskirts of the city of Peshawar", "the
// Karrada neighbourhood of Baghdad", "Kandi, a suburb of Baghdad".
func (d *docState) partOf(m, of *mention) bool {
	st, toks := m.st, m.st.toks
	k := m.j
	if k < len(toks) && toks[k].Text == "," {
		k++
		if k < len(toks) && toks[k].Is("a", "an") {
			k++
		}
	}
	// (not "the Paris suburb of X": X is the suburb; not a district,
	// often a county-sized division of its own)
	if k >= len(toks) || !toks[k].Is("area", "neighbourhood", "neighborhood", "quarter") && !(k > m.j && toks[k].Is("suburb")) {
		return false
	}
	for _, m2 := range st.mentions {
		if m2.i > k && m2.i <= k+8 && names.Fold(m2.surface) == names.Fold(of.surface) {
			for q := k + 1; q < m2.i; q++ {
				if toks[q].Text == "," || toks[q].Text == ";" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// actsTotals lets the total a sentence gives for all the acts of an
// incident together replace a part's: "The total number of dead in all the
// attacks reached about 80", "The three attacks killed a total of fifteen
// soldiers" (an article on coordinated bombings often tells each site
// first), and "Ten government soldiers were among 27 people killed" after
// a lead that gave the soldiers. A total is never smaller than what it
// adds up; a sentence without a word of totalling ("were killed in the
// four attacks") may count others (the attackers) than the sites'
// figures do.
func (d *docState) actsTotals(in *incident, ms []*sent) {
	for _, st := range ms {
		// ("twin suicide bombings last month": other acts)
		acts := len(st.dates) == 0 && d.allTheActs(st) && slices.ContainsFunc(st.toks, func(t text.Token) bool {
			return t.Is("total", "altogether", "combined", "overall")
		})
		if len(st.cas) == 0 || !acts && !slices.ContainsFunc(st.toks, func(t text.Token) bool { return t.Is("among") }) || d.elsewhere(st, in) {
			continue
		}
		for _, h := range d.casualties(st) {
			if h.update || d.aboutOtherTime(st, h.tok) {
				continue
			}
			// "Ten government soldiers were among 27 people killed": a
			// total that holds a part told before
			if k := st.tokenIndexAt(h.start); !acts && !(k >= 2 && st.toks[k-1].Is("among") && st.toks[k-2].Is("were", "was")) {
				continue
			}
			pcur, prio := in.countOf(h.field)
			cur := *pcur
			if *prio >= prioInfobox || cur != nil && h.r.Min <= cur.Min {
				continue
			}
			*prio = 0
			in.setCount(h.field, h.r, prioLead, d.sentEvidence(h.field, st, 0.75))
		}
	}
}

// allTheActs says whether a sentence speaks of several acts together:
// "all the attacks", "both bombings", "the two blasts", "the twin
// explosions" (not "the first of the two attacks").
func (d *docState) allTheActs(st *sent) bool {
	toks := st.toks
	for i := 1; i+1 < len(toks); i++ {
		q := toks[i]
		if !(q.Is("both", "twin") || q.Is("all") && toks[i+1].Is("the", "three", "four", "five") ||
			toks[i-1].Is("the") && q.Is("two", "three", "four", "five", "six", "seven", "eight", "several", "coordinated")) {
			continue
		}
		k := i + 1
		if k < len(toks) && toks[k].Is("the") {
			k++
		}
		if k < len(toks) && toks[k].Is("coordinated", "suicide", "separate", "bomb") {
			k++
		}
		if k >= len(toks) || !toks[k].Is("attacks", "bombings", "blasts", "explosions", "shootings", "raids", "strikes", "assaults") {
			continue
		}
		if b := i - 1; b >= 1 && toks[b].Is("the") && toks[b-1].Is("of") || b >= 0 && toks[b].Is("of") {
			continue // "the first of the two attacks", "one of both bombings": a part
		}
		return true
	}
	return false
}

// cleanTargets drops what is never a target in a report: a country (where
// it happened; its people or forces are named as such), a weekday, a
// pronoun. (An encyclopedia's infobox may name a state as the target of a
// war's attack: its Target field is kept as written.)
func (d *docState) cleanTargets(in *incident) {
	if !d.news {
		return
	}
	out := in.targets[:0]
	for _, t := range in.targets {
		n := strings.TrimSpace(t)
		if _, isCountry := d.x.gaz.Country(n); isCountry {
			continue
		}
		switch strings.ToLower(n) {
		case "them", "him", "her", "it", "they", "us", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
			continue
		}
		out = append(out, t)
	}
	in.targets = out
	if len(out) == 0 {
		// no target left: its evidence supports nothing
		in.dropEvidence("targets")
	}
}

// preciseCounts replaces a figure read from a word of magnitude ("killed
// dozens and wounded dozens more") with the first figure the text gives
// later for the same count ("We have 56 people martyred and about 40
// others wounded"): the word says roughly how many, the figure how many
// were counted ("dozens of others are injured", then "at least 12").
func (d *docState) preciseCounts(in *incident, ms []*sent) {
	for _, field := range []string{"fatalities", "injuries"} {
		pcur, prio := in.countOf(field)
		cur := *pcur
		if cur == nil || !cur.Vague || *prio >= prioInfobox {
			continue
		}
		var from *sent
		for _, e := range in.evidence {
			if e.Field == field {
				for _, st := range ms {
					if st.start <= e.Start && e.Start < st.end {
						from = st
					}
				}
			}
		}
	next:
		for _, st := range ms {
			if from != nil && st.start < from.start || d.elsewhere(st, in) {
				continue
			}
			for _, h := range d.casualties(st) {
				if h.field != field || h.r.Vague || d.aboutOtherTime(st, h.tok) || h.r.Min < 1 {
					continue
				}
				*prio = 0
				in.setCount(field, h.r, prioLead, d.sentEvidence(field, st, 0.7))
				break next
			}
		}
	}
}

// namedTargets puts a person's name for a target that is the role before
// it: "Catholic priest Andrea Santore ... was shot dead" has the priest
// as its target, and the priest is Andrea Santore.
func (d *docState) namedTargets(in *incident, ms []*sent) {
	for i, t := range in.targets {
		for _, st := range ms {
			if !strings.Contains(st.text, t) {
				continue
			}
			name := ""
			for _, m := range st.mentions {
				if m.actor == nil || m.actor.kind != dossier.KindPerson || m.i == 0 {
					continue
				}
				if string(d.body[max(st.start, st.toks[m.i].Start-len(t)-1):st.toks[m.i].Start]) == t+" " {
					name = m.actor.name
					break
				}
			}
			if name != "" && !slices.Contains(in.targets, name) {
				in.targets[i] = name
			}
			break
		}
	}
}

// casualtyNear says whether a casualty word lies within n tokens of token k.
func casualtyNear(st *sent, k, n int) bool {
	for _, c := range st.cas {
		if c.I <= k+n && c.J >= k-n {
			return true
		}
	}
	return false
}

// speechDay is the day a sentence says its words were said, a weekday
// right after the verb ("officials said on Sunday", "police said
// Tuesday"), resolved against the publication.
func (d *docState) speechDay(st *sent, anchor timex.Date) (timex.Date, bool) {
	for _, h := range st.dates {
		if h.e.Kind != timex.Weekday {
			continue
		}
		if !saidRightBefore(st.toks, st.tokenIndexAt(h.start)) {
			continue
		}
		if start, _, ok := h.e.Resolve(anchor, timex.ResolveOptions{PastOnly: true}); ok && start.Day != 0 {
			return start, true
		}
	}
	return timex.Date{}, false
}

// otherTimeSentence says whether a sentence opens with a time of its own
// that is not its incident's: "In March, security forces said they killed
// four alleged fighters", "Last month, GROUP claimed an attack": the
// background a report gives, whose actors and figures are another act's.
func (d *docState) otherTimeSentence(st *sent) bool {
	if st.inc == nil || st.inc.date == nil || len(st.dates) == 0 || len(st.toks) == 0 {
		return false
	}
	h := st.dates[0]
	first := st.tokenIndexAt(h.start)
	if first > 2 || first > 0 && !st.toks[0].Is("in", "since", "earlier", "late", "early", "on", "during") {
		return false
	}
	if n := st.tokenIndexAt(h.end); n >= len(st.toks) || st.toks[n].Text != "," {
		return false // ("In March 2015 the attack ..." may date the act itself)
	}
	e, at := h.e, st.inc.dateD
	switch {
	case e.Year != 0 && e.Year != at.Year:
		return true
	case e.Kind == timex.Relative && e.Dir < 0 && e.Offset >= 1 && (e.Unit == "month" || e.Unit == "year"):
		// (unless it is the incident's own time: "Last month, gunmen
		// killed ..." in a report of last month's attack)
		if d.published.Year != 0 {
			if start, _, ok := e.Resolve(d.published, timex.ResolveOptions{PastOnly: true}); ok && start.Year == at.Year && (e.Unit == "year" || start.Month == at.Month) {
				return false
			}
		}
		return true
	case e.Year == 0 && e.Month != 0 && at.Month != 0 && e.Month != at.Month && e.Day == 0:
		return true
	}
	return false
}

// aboutOtherTime says whether the words at token k follow a mention of
// another time than the incident's: "since the 1980 Oktoberfest bombing in
// Munich, which killed 13 people".
func (d *docState) aboutOtherTime(st *sent, k int) bool {
	if st.inc == nil || st.inc.date == nil {
		return false
	}
	at := st.toks[k].Start
	for _, h := range st.dates {
		if h.end > at {
			break
		}
		y := h.e.Year
		if y != 0 && y != st.inc.dateD.Year {
			return true
		}
		// "the attack came almost two years after militants bombed the
		// hotels, killing nine": a clause of its own, months or years
		// away, tells another event's figures (not "two weeks after the
		// attack, the toll rose")
		if h.e.Kind == timex.Relative && h.e.Dir != 0 && h.e.Offset >= 1 && (h.e.Unit == "year" || h.e.Unit == "month") {
			if n := st.tokenIndexAt(h.end); n < len(st.toks) && n < k && st.toks[n].Kind == text.Word &&
				!st.toks[n].Is("the", "this", "that", "its", "their", "his", "her", "a", "an") {
				return true
			}
		}
	}
	return false
}

// typeByTargets refines an attack's type: shooting at armed forces that
// fight back is a battle, not violence against civilians.
func (d *docState) typeByTargets(in *incident) {
	clash := in.cues["Armed clash"]
	// a shooting at soldiers is a battle even when they do not fire back
	// (a firearm named, or no weapon that strikes from afar: "gunmen kill
	// policeman", "rebels kill thirteen soldiers")
	if in.cues["Attack"] > 0 && (hasWeaponClass(in, "firearm") || !remoteWeapons(in)) && d.securityVictims(in) {
		clash = in.cues["Attack"]
		in.cues["Armed clash"] = clash
	}
	if clash > 0 && in.cues["Attack"] > 0 {
		security := false
		for _, st := range d.sents {
			if st.inc != in {
				continue
			}
			speech := d.x.lex.Speech.FindAll(st.toks)
			for k, t := range st.toks {
				if t.Is("soldiers", "troops", "security", "police", "policemen", "army", "military", "peacekeepers", "barracks") &&
					!speaks(speech, k) {
					security = true
				}
			}
		}
		if security {
			in.cues["Armed clash"] += in.cues["Attack"]
		}
	}
}

// possessedPlace says whether mention mi is a place in the possessive
// followed by a place it holds: "PROVINCE's Kandi district", "CITY's Kandi
// neighbourhood".
func possessedPlace(st *sent, mi int) bool {
	m := st.mentions[mi]
	if m.kind != kindPlace || mi+1 >= len(st.mentions) {
		return false
	}
	k := possessiveAfter(st.toks, m.j)
	if k < 0 {
		return false
	}
	n := st.mentions[mi+1]
	return n.i == k+1 && n.kind == kindPlace
}

// possessiveAfter is the token of a possessive "'s" right after a name
// ending at token j, or after the division noun there ("Kandi's", "Kandi
// district's"), or -1.
func possessiveAfter(toks []text.Token, j int) int {
	if j+1 < len(toks) && divisionWords[toks[j].Lower] && !toks[j].Cap() {
		j++
	}
	if j+1 < len(toks) && toks[j].Is("'s", "’s") && !toks[j].Space {
		return j
	}
	return -1
}

// mediaAfter says whether the name ending before token j names a news
// outlet: "the SANA news agency", "the Kandi Times newspaper".
func mediaAfter(toks []text.Token, j int) bool {
	if j < len(toks) && toks[j].Is("news", "state") && j+1 < len(toks) {
		j++ // "news agency", "state television"
	}
	return j < len(toks) && toks[j].Is("agency", "newspaper", "daily", "television", "tv", "broadcaster", "radio")
}

// metonymSubject says whether a place named at toks[i:j] is the subject
// of a verb of saying or thinking with no preposition before it: "Ankara
// views the fighters as ...", "Washington said ..." name a government.
//
// A capital is its government as the agent of a passive too: "a group
// listed as a terrorist organisation by Washington", "condemned by Moscow".
func metonymSubject(d *docState, st *sent, i, j int) bool {
	toks := st.toks
	if i >= 2 && toks[i-1].Is("by") && capitalAt(st, i, j) && !(j < len(toks) && toks[j].Kind == text.Word && !toks[j].Cap() && !toks[j].Is("and", "or", "in", "on", "as", "after", "over")) {
		for k := i - 2; k >= 0 && k >= i-8; k-- {
			if toks[k].Kind == text.Word && !toks[k].Cap() && strings.HasSuffix(toks[k].Lower, "ed") {
				return true
			}
		}
	}
	if i > 0 && toks[i-1].Kind == text.Word && !toks[i-1].Is("and", "but", "while", "as") {
		return false // after a preposition or an article: a place
	}
	if j >= len(toks) {
		return false
	}
	k := j
	if toks[k].Is("has", "have", "had", "also", "is", "was") && k+1 < len(toks) {
		k++
	}
	if toks[k].Is("views", "viewed", "considers", "considered", "regards", "regarded", "accused", "accuses", "blamed", "blames",
		"denied", "denies", "insists", "insisted", "wants", "wanted", "rejected", "rejects", "warned", "warns", "responded", "vowed", "vows") {
		return true
	}
	n, _ := d.x.lex.Speech.MatchAt(toks, k)
	return n > 0 && !toks[k].Is("reported") // ("Kandi reported three cases": a place's own tally)
}

// capitalAt says whether the place mention at toks[i:j] is a country's capital.
func capitalAt(st *sent, i, j int) bool {
	m := mentionAt(st, i)
	return m != nil && m.j == j && m.place != nil && m.place.Feature == "PPLC"
}

// speaks says whether the word at token k is the subject of a speech verb
// right after it ("the military said", "police reported"): a source of the
// report, not a side that fought.
func speaks(speech []text.Match[string], k int) bool {
	for _, m := range speech {
		if m.I == k+1 || m.I == k+2 {
			return true
		}
	}
	return false
}

// proseLocation picks the incident's place among the places of its sentences.
func (d *docState) proseLocation(in *incident, ss []*sent, lead int) {
	type cand struct {
		m     *mention
		score float64
		n     int  // sentence
		loc   bool // after a locative preposition, not a bearing ("130 mi north of Niamey")
		feats []string
	}
	var best *cand
	var all []cand
	for n, st := range ss {
		if n > 40 {
			break
		}
		for mi, m := range st.mentions {
			if m.place == nil && m.kind != dossier.KindState && !(m.demonym) {
				continue
			}
			if m.place != nil && m.place.Feature == featureCountry && m.place.Country == "" && d.mainCtry == "" {
				continue // a place named as one, in no country the document gives
			}
			if m.j+1 < len(st.toks) && st.toks[m.j].Text == "-" && !st.toks[m.j].Space && !st.toks[m.j+1].Cap() {
				continue // "Iran-backed": a modifier, not a place
			}
			if m.j < len(st.toks) && st.toks[m.j].Is("embassy", "embassies", "consulate", "consulates", "ambassador", "ambassador's") {
				continue // "the United States embassy bombings": whose embassy, not where
			}
			if m.j < len(st.toks) && st.toks[m.j].Is("war", "wars", "conflict", "crisis", "revolution", "uprising", "insurgency") {
				continue // "one day into the Gaza war": a war's name, not the place of a strike
			}
			if earlierActClause(st, m.i) {
				continue // "The killing comes days after gunmen shot a journalist in TOWN": the place of an earlier act
			}
			if sinceActClause(st, m.i) {
				continue // "on edge since militants seized the northern city of X": the place of what came before
			}
			if d.news && n > 0 && d.elsewhereThan(st, d.mainCtry) {
				continue // "In Russia, one person was wounded by shelling in the Belgorod region": another country's act
			}
			if m.country != "" && d.mainCtry != "" && m.country != d.mainCtry && visitClause(st, m.i) {
				continue // "coincided with the president's visit to neighbouring India to attend a summit in New Delhi": a journey abroad
			}
			if d.news && otherItemSentence(st) {
				continue // "Also on Saturday, two men were hanged over a shooting in CITY": another item of the day's news
			}
			if d.news && departedFrom(st.toks, m.i) {
				// "a truck that had left the town of X hit the bomb": where
				// it came from (an article's "the attackers left the village
				// of X" is often where they struck)
				continue
			}
			if mediaAfter(st.toks, m.j) {
				continue // "Syria's state-run SANA news agency": a news outlet's name, not a place
			}
			if m.kind == kindPlace && metonymSubject(d, st, m.i, m.j) {
				continue // "Ankara views the fighters as ...": a capital speaking for its government
			}
			if based := m.j; based < len(st.toks) && (st.toks[based].Is("based") || st.toks[based].Text == "-" && based+1 < len(st.toks) && st.toks[based+1].Is("based")) {
				continue // "the Tokyo-based Yomiuri Shimbun": where a body is, not the act
			}
			score := 0.0
			switch {
			case m.kind == kindPlace:
				score = 3
			case m.kind == kindFacility && m.place != nil:
				score = 2.5
			case m.kind == dossier.KindState:
				score = 0.5
			default:
				continue
			}
			// "in PROVINCE's Kandi district": the possessor only says where
			// the place after it lies, and that place takes its preposition
			if possessedPlace(st, mi) {
				continue
			}
			prev := m.i - 1
			if mi > 0 && prev >= 1 && st.mentions[mi-1].kind == kindPlace && possessiveAfter(st.toks, st.mentions[mi-1].j) == prev {
				prev = st.mentions[mi-1].i - 1
			}
			// the members of a list take the preposition of the first: "in Syria, Iraq, and Jordan"
			for p := mi; p > 0 && prev >= 0 && (st.toks[prev].Text == "," || st.toks[prev].Lower == "and" || st.toks[prev].Lower == "or"); p-- {
				q := st.mentions[p-1]
				if q.j != prev && !(prev >= 1 && q.j == prev-1) {
					break
				}
				prev = q.i - 1
			}
			if prev >= 1 && st.toks[prev].Is("the") && !m.demonym {
				prev-- // "in the Ayacucho region"
			}
			if prev >= 1 && st.toks[prev].Is("in", "at") && st.toks[prev-1].Is("said", "says", "told", "speaking", "announced", "reporters", "journalists", "conference", "statement") {
				continue // "the prime minister said in London", "told reporters in Kabul": where the words were said
			}
			if prev >= 1 && st.toks[prev].Is("in") && st.toks[prev-1].Is("officials", "authorities", "sources", "diplomats", "analysts") && speechAfter(d, st, m.j) {
				continue // "..., officials in Yerevan claimed": where those who speak are
			}
			if prev >= 2 && st.toks[prev].Is("in", "at") && st.toks[prev-1].Is("released", "issued", "published") && st.toks[prev-2].Is("statement", "communique", "communiqué", "report") {
				continue // "in a statement released in Juba": where it was written
			}
			loc, distance := false, false
			if distanceFrom(st, prev) {
				// "340 miles from Peru's capital of Lima": a point of reference
				score -= 2
				prev = -1
				distance = true
			}
			if prev >= 0 {
				switch st.toks[prev].Lower {
				case "in", "within", "at", "near", "outside", "of":
					score += 1.5
					loc = !(prev >= 1 && st.toks[prev-1].Is("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"))
				case "from":
					score -= 1
				case "against", "on", "into":
					score += 0.5
				}
			}
			if st.para < lead {
				score += 1.5
			}
			score -= float64(n) * 0.15
			// an article named after its place ("Singou massacre", "2018
			// Timbuktu attack") names the place its act is in, among the
			// villages and divisions its prose lists
			if !d.news && m.kind == kindPlace && d.titleNames(m.surface) {
				score += 1
			}
			// "attacked Kwanar Dutse, a village in Zamfara State": the
			// apposition says the name is the settlement, the place after
			// it only its region
			if m.kind == kindPlace && settlementApposition(st.toks, m.j) {
				score += 2
			}
			// a place the text names as one takes the document's country
			if d.mainCtry != "" && (m.country == d.mainCtry || m.place != nil && m.place.Feature == featureCountry && m.place.Country == "") {
				score += 0.5
			}
			// a province of another country than the document's is most
			// often a name many countries give a province ("the East
			// Region" of a report from country A read as country B's)
			if d.mainCtry != "" && m.place != nil && m.place.Feature == "ADM1" && m.place.Country != "" && m.place.Country != d.mainCtry {
				score -= 2
			}
			// "X state police spokesman", "the X provincial
			// governor": the place names whose office it is, which is
			// where it serves, not where the act was
			institution := !loc && institutionAfter(st.toks, m.j)
			if institution {
				score -= 1.5
			}
			// "The injured were taken to a hospital in Kandi": where the
			// victims were brought, most often near the act but not it
			taken := whereTaken(st.toks, m.i)
			if taken {
				score -= 2.5
			}
			var pf []string
			if in.main {
				pf = d.placeCandidateFeatures(st, m, prev, n, st.para < lead, distance, loc)
				if institution {
					pf = append(pf, "institution-after")
				}
				if taken {
					pf = append(pf, "taken-to")
				}
			}
			all = append(all, cand{m, score, n, loc, pf})
			if best == nil || score > best.score {
				best = &cand{m, score, n, loc, pf}
			}
		}
	}
	// an article named after its place ("TOWN massacre", "TOWN migrant
	// center airstrike") whose prose writes the name only inside a longer
	// one ("TOWN Local Government Area") or beside places it
	// stresses more: the title's place, where the prose first writes it,
	// is a candidate of its own for the choice to weigh
	if in.main && !d.news && d.mainCtry != "" {
		if m, n, ok := d.titlePlaceMention(ss); ok {
			inLead := m.st.para < lead
			// weaker than a place the prose writes as one after "in"
			score := 3.5 - float64(n)*0.15
			if inLead {
				score += 1.5
			}
			var pf []string
			if in.main {
				pf = append(d.placeCandidateFeatures(m.st, m, m.i-1, n, inLead, false, false), "title-only")
			}
			all = append(all, cand{m, score, n, false, pf})
			if best == nil || score > best.score {
				best = &all[len(all)-1]
			}
		}
	}
	// a report's headline puts its act in a city ("Massive suicide car
	// bomb in Kabul kills 18"): a candidate a little weaker than a place
	// of the lead's first sentence, stronger than one further on
	if d.news && in.title != "" {
		if st := d.titleSent(in); st != nil && (len(ss) == 0 || st.start != ss[0].start) {
			st.mentions = d.findMentions(st)
			weapons := st.weapons
			for _, m := range st.mentions {
				if slices.ContainsFunc(weapons, func(w text.Match[lexicon.Weapon]) bool { return w.I <= m.i && w.J >= m.j }) {
					continue // "killed in IED attack": a weapon, not a place
				}
				// a place the gazetteer does not hold, named as one ("air
				// raid in Darfur, Sudan"), is a weaker candidate
				named := m.place != nil && m.place.Feature == featureCountry
				if m.kind != kindPlace || m.place == nil || m.place.Feature == featureCountry && !named || m.place.Feature == "ADM1" || m.i == 0 ||
					!st.toks[m.i-1].Is("in", "at", "near", "outside") {
					continue
				}
				c := cand{m, 5.5, 0, true, append(placeFeatures(m, 0, true, true), "headline")}
				if named {
					c.score = 4.5
				}
				if d.mainCtry != "" && m.country == d.mainCtry {
					c.score += 0.5
				}
				all = append(all, c)
				if best == nil || c.score > best.score {
					best = &all[len(all)-1]
				}
			}
		}
	}
	// the choice: the rules' scores above, or the model's (place.go)
	if in.main && len(all) > 0 {
		names := map[string]int{}
		for _, c := range all {
			names[placeOutName(c.m)]++
		}
		cands := make([]*modelCand, len(all))
		for i := range all {
			c := &all[i]
			// a place named as a point of reference ("in Xandorai, near
			// the town of Kohat", "30 km from Kabul") is not the act's
			// place when its sentence names one after "in" or "at"
			if slices.Contains(c.feats, "reference-point") || slices.Contains(c.feats, "distance") {
				for _, c2 := range all {
					if c2.m != c.m && c2.n == c.n && c2.m.st == c.m.st && c2.loc && c2.m.kind == kindPlace {
						c.feats = append(c.feats, referenceOnly)
						break
					}
				}
			}
			c.feats = append(c.feats, mentionCount(names[placeOutName(c.m)]))
			if i == 0 {
				c.feats = append(c.feats, "first-candidate")
			}
			if best != nil && c.m == best.m {
				c.feats = append(c.feats, "rules-choice")
			} else if best != nil {
				// how far below the rules' choice the rules put it
				switch gap := best.score - c.score; {
				case gap < 1:
					c.feats = append(c.feats, "rules-gap:<1")
				case gap < 2:
					c.feats = append(c.feats, "rules-gap:<2")
				case gap < 3:
					c.feats = append(c.feats, "rules-gap:<3")
				default:
					c.feats = append(c.feats, "rules-gap:3+")
				}
			}
			if d.news {
				// a report's places are weighed apart from an article's
				for _, f := range c.feats {
					if f != "news" {
						c.feats = append(c.feats, "news&"+f)
					}
				}
			}
			sort.Strings(c.feats)
			cands[i] = &modelCand{name: placeOutName(c.m), feats: c.feats}
		}
		d.placeCands = cands
		if best != nil {
			d.rulePlace = placeOutName(best.m)
		}
		if pm := d.x.place; pm != nil && pm.Adopted && !slices.Contains(pm.NotFor, d.genre()) {
			bp := -1.0
			for i := range all {
				if slices.Contains(all[i].feats, referenceOnly) {
					continue
				}
				if p := pm.Prob(all[i].feats); p > bp {
					bp, best = p, &all[i]
				}
			}
		}
	}
	// a city's suburb named after it ("in Paris suburb, Villiers-le-Bel",
	// "in the Baghdad suburb of Abu Ghraib"): the suburb
	if best != nil && best.m.place != nil {
		st, k := best.m.st, best.m.j
		if k+1 < len(st.toks) && st.toks[k].Is("suburb", "suburbs", "outskirts") && st.toks[k+1].Is("of", ",") {
			for _, m2 := range st.mentions {
				if m2.i != k+2 {
					continue
				}
				if m2.place == nil && m2.kind == "" {
					// a small town the writing alone did not mark as one
					if p, ok := placeIn(d.x.gaz.Lookup(m2.surface), best.m.place.Country); ok {
						m2.place, m2.kind, m2.country = &p, kindPlace, p.Country
					}
				}
				if m2.kind == kindPlace && m2.place != nil {
					best = &cand{m2, best.score, best.n, true, best.feats}
				}
				break
			}
		}
	}
	// a report's part of its city named later as such ("the attack in the
	// Matni area on the outskirts of the city of Peshawar", "in the Karrada
	// neighbourhood of Baghdad" after a lead that gave the city): the
	// part, the most precise place the report gives
	if best != nil && best.m.place != nil && d.news {
		for i := range all {
			if m := all[i].m; m != best.m && m.kind == kindPlace && !slices.Contains(all[i].feats, referenceOnly) &&
				(len(m.st.events) > 0 || len(m.st.cas) > 0) && d.partOf(m, best.m) {
				if m.place == nil || m.place.Country != best.m.place.Country {
					// a place of that name in another country is not it:
					// the part lies in the city
					m2 := *m
					p := *best.m.place
					p.Feature = featureNear
					m2.place, m2.country = &p, p.Country
					m = &m2
				}
				best = &cand{m, best.score, best.n, true, best.feats}
				break
			}
		}
	}
	// a part of a city written with the city after it ("in the City of
	// Westminster, London", "in Bab Ezzouar, Algiers"): the city, as an
	// encyclopedia's summary gives it
	if best != nil && best.m.place != nil && !d.news {
		st, k := best.m.st, best.m.j
		if k+1 < len(st.toks) && st.toks[k].Text == "," {
			for _, m2 := range st.mentions {
				if m2.i != k+1 || m2.kind != kindPlace || m2.place == nil || m2.place.Feature == featureCountry {
					continue
				}
				p, c := best.m.place, m2.place
				if strings.HasPrefix(c.Feature, "PPL") && c.Population >= 500000 && c.Country == p.Country && p.Population < c.Population &&
					(p.Feature == featureCountry || gazetteer.DistanceKm(p.Lat, p.Lon, c.Lat, c.Lon) < 30) {
					best = &cand{m2, best.score, best.n, true, best.feats}
				}
				break
			}
		}
	}
	// a province named with a town in it ("in Spain's northern Basque
	// region, in the town of Mondragon"): the town, when it is named in
	// the same or the next sentence after a preposition of place
	// (a division the gazetteer lacks, named by its kind, is one too: "in
	// the North West Frontier Province")
	namedDivision := best != nil && best.m.place != nil && best.m.place.Feature == featureCountry && best.m.kind == kindPlace &&
		best.m.j > 0 && divisionWords[best.m.st.toks[best.m.j-1].Lower]
	// (and a country: "attacked a police station in COUNTRY's northeast
	// ... stormed X village": the village)
	onlyCountry := best != nil && best.m.kind == dossier.KindState && best.m.place == nil && best.m.country != ""
	if best != nil && (best.m.place != nil && (best.m.place.Feature == "ADM1" || best.m.place.Feature == "ADM2" || namedDivision) || onlyCountry) {
		var town *cand
		for i := range all {
			c := &all[i]
			// a town the gazetteer does not hold counts when the text says
			// it is one ("in the Basque town of Legutiano", "in the
			// district of Dantewada", "stormed X village")
			named := c.m.place != nil && c.m.place.Feature == featureCountry && c.m.place.Country == "" && (c.loc || villageAfter(c.m))
			if c.m != best.m && c.m.kind == kindPlace && c.m.place != nil && c.m.place.Feature != "ADM1" && c.m.place.Feature != "ADM2" && (c.m.place.Feature != featureCountry || named || d.news && settlementNamed(c.m)) &&
				(c.m.country == best.m.country || named) && c.n >= best.n && (town == nil || c.score > town.score) &&
				!slices.Contains(c.feats, referenceOnly) && !slices.Contains(c.feats, "distance") &&
				(c.loc && c.n <= best.n+1 || !onlyCountry && within(c.m.place, best.m.place) && c.n <= best.n+2 || named && c.n <= best.n+3 ||
					d.news && c.loc && len(c.m.st.events) > 0 && settlementNamed(c.m) && c.n <= best.n+8) {
				town = c
			}
		}
		if town != nil {
			best = town
		}
	}
	// "killed ... in a remote village in PROVINCE" and, further on, "in
	// Kandi village": the lead's village, named later
	if d.news && best != nil && best.m.place != nil && unnamedSettlementBefore(best.m) {
		for i := range all {
			c := &all[i]
			if c.m != best.m && c.m.kind == kindPlace && c.m.place != nil && c.loc && c.n > best.n && c.n <= best.n+8 &&
				(c.m.country == best.m.country || c.m.place.Feature == featureCountry && (c.m.country == "" || c.m.place.Country == best.m.country)) && (settlementNamed(c.m) || c.m.j < len(c.m.st.toks) && c.m.st.toks[c.m.j].Is("town", "village") && !c.m.st.toks[c.m.j].Cap()) &&
				!slices.Contains(c.feats, referenceOnly) && !slices.Contains(c.feats, "distance") {
				best = c
				break
			}
		}
	}
	// "the X village of Y district", "X village, Y": the
	// village of the chosen place, named with it
	if best != nil && best.m.place != nil {
		for i := range all {
			c := &all[i]
			st := c.m.st
			gap := best.m.i - c.m.j // "village of", "village of the"
			if c.m.st == best.m.st && c.m.kind == kindPlace && c.m.place != nil && villageAfter(c.m) && (gap == 2 || gap == 3 && st.toks[c.m.j+2].Lower == "the") &&
				st.toks[c.m.j+1].Is("of", "in", ",") && !slices.Contains(c.feats, referenceOnly) {
				best = c
				break
			}
			// "the attack on X village south of CITY": a village placed
			// by its bearing from the chosen city
			if c.m.kind == kindPlace && c.m.place != nil && villageAfter(c.m) && !slices.Contains(c.feats, referenceOnly) && c.m.j+3 < len(st.toks) &&
				(compassWord(st.toks[c.m.j+1].Lower) && st.toks[c.m.j+2].Lower == "of" || st.toks[c.m.j+1].Is("near", "outside")) {
				k := c.m.j + 2
				if st.toks[k].Lower == "of" {
					k++
				}
				for _, m2 := range st.mentions {
					if m2.i == k && m2.kind == kindPlace && placeOutName(m2) == placeOutName(best.m) {
						best = c
						break
					}
				}
			}
		}
	}
	// a province of another country than the document's, chosen all the
	// same, is the document's province of that name, which the gazetteer
	// lacks ("the East Region" of country A, not country B's): its name,
	// located by the document's country
	if best != nil && best.m.place != nil && best.m.place.Feature == "ADM1" && d.mainCtry != "" && best.m.place.Country != d.mainCtry &&
		d.countryWritten(in, d.mainCtry) && !d.countryWritten(in, best.m.place.Country) {
		if c, ok := d.x.gaz.Country(d.mainCtry); ok {
			m2 := *best.m
			p := countryPlace(c)
			m2.place, m2.country = &p, c.Name
			best = &cand{&m2, best.score, best.n, best.loc, best.feats}
		}
	}
	if in.main && !d.news && d.mainCtry != "" && (best == nil || best.m.place == nil) && in.loc == nil {
		// "Battle of Chalai", "Podujevo massacre": the prose puts the act
		// only in a country; the article's title names its place
		if name := d.titlePlace(); name != "" {
			if c, ok := d.x.gaz.Country(d.mainCtry); ok {
				loc := countryLocation(c)
				loc.Place = name
				if p, ok := placeIn(d.x.gaz.Lookup(name), c.Name); ok {
					loc = placeLocation(name, p)
				}
				in.setLocation(loc, prioTitle, withField(in.titleEvidence(), "location"))
				return
			}
		}
	}
	if best == nil {
		if d.mainCtry != "" {
			if c, ok := d.x.gaz.Country(d.mainCtry); ok && in.loc == nil {
				loc := countryLocation(c)
				for _, st := range ss {
					for _, m := range st.mentions {
						if m.country == d.mainCtry {
							in.setLocation(loc, prioProse-1, d.sentEvidence("location", st, 0.5))
							return
						}
					}
				}
			}
		}
		return
	}
	m := best.m
	prio := prioProse
	if m.st.para < lead {
		prio = prioLead
	}
	var loc *dossier.Location
	switch {
	case m.place != nil:
		name := m.surface
		if m.kind == kindFacility {
			name = m.placeName // the city as the text writes it: "CITY" of "CITY International Airport"
		}
		loc = placeLocation(name, *m.place)
		if m.place.Feature == featureCountry {
			ctry := m.place.Country
			if ctry == "" {
				// "the town of Khiam, Nabatieh Governorate in southern
				// Lebanon": a country named after it in its sentence, else the
				// document's
				ctry = d.mainCtry
				for _, m2 := range m.st.mentions {
					if m2.i >= m.j && m2.kind == dossier.KindState && m2.country != "" && !m2.demonym && !borderOf(m.st.toks, m2.i, m2.j) && !basedIn(m.st.toks, m2.j) &&
						!(m2.i > 0 && m.st.toks[m2.i-1].Is("ethnic")) { // ("an ethnic Turkman": a people, not a country; "the Nigeria-based group": where the group is)
						ctry = m2.country
						break
					}
				}
			}
			if c, ok := d.x.gaz.Country(ctry); ok {
				loc = countryLocation(c) // the place's name at its country's coordinates
				loc.Place = bareDivision(name)
			}
		}
	default:
		if c, ok := d.x.gaz.Country(m.country); ok {
			loc = countryLocation(c)
		}
	}
	in.setLocation(loc, prio, d.sentEvidence("location", m.st, 0.75))
}

// distanceFrom says whether the words before token k (the one before a
// place) measure a distance from it: "340 miles from Peru's capital of",
// "30 km (19 mi) away from", "some 50 kilometres outside".
func distanceFrom(st *sent, k int) bool {
	for i := k; i >= 0 && i >= k-6; i-- {
		if st.toks[i].Is("from", "outside", "of") && i >= 1 {
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				if st.toks[j].Is("km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "mi") {
					return true
				}
			}
			// "southeast of the capital, Sanaa", "north of Baghdad"
			if st.toks[i].Lower == "of" && compassWord(st.toks[i-1].Lower) {
				return true
			}
		}
		if st.toks[i].Text == "," && i >= 1 && st.toks[i-1].Is("capital") {
			continue // "of the capital, Sanaa": the capital's name follows
		}
		if st.toks[i].Text == "," || st.toks[i].Text == ";" {
			return false
		}
	}
	return false
}

// compassAdjective says whether a word is a bearing written as an
// adjective: "northern", "north-eastern", "Northeastern".
func compassAdjective(w string) bool {
	base, ok := strings.CutSuffix(strings.ReplaceAll(w, "-", ""), "ern")
	return ok && compassWord(base)
}

// compassWord says whether w names a direction: "north", "southeast",
// "north-west" (as one word or its last part).
func compassWord(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "ward"), "wards")
	switch strings.ReplaceAll(w, "-", "") {
	case "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest":
		return true
	}
	return false
}

// within says whether a place lies in a first-level division: "near
// Dagestan's capital, Makhachkala" names a town of the province the lead
// named, however the sentence puts it.
func within(p, region *gazetteer.Place) bool {
	return region.Feature == "ADM1" && p.CountryCode == region.CountryCode && p.Admin1Code != "" && p.Admin1Code == region.Admin1Code
}

// weaponName is the weapon a phrase reports: the phrase ("car bomb"), or
// for words of the act ("mass shooting") the class ("firearm").
func weaponName(body []byte, toks []text.Token, m text.Match[lexicon.Weapon]) string {
	if m.Val.Implied {
		return m.Val.Class
	}
	return text.Join(body, toks, m.I, m.J)
}

// victimsOnly drops a bracketed count of attackers added to the victims
// ("40 (+1 suicide bomber)", "21 (+5 attackers)"): an infobox's figure
// counts the victims; the attackers are named apart.
func victimsOnly(v string) string {
	if i := strings.Index(v, "(+"); i > 0 {
		return v[:i]
	}
	return v
}

// remoteWeapons says whether the incident's weapons strike from afar or
// explode: a bomb, a mine, a shell, a rocket, a missile, a drone, a plane.
func remoteWeapons(in *incident) bool {
	for _, c := range []string{"explosive", "artillery", "rocket", "missile", "drone", "aircraft", "incendiary", "chemical", "vehicle"} {
		if hasWeaponClass(in, c) {
			return true
		}
	}
	return false
}

// securityVictims says whether the incident's casualty sentences count
// soldiers, police or guards among the dead or hurt and no civilians.
func (d *docState) securityVictims(in *incident) bool {
	sec, civ := false, false
	for _, st := range d.sents {
		if st.inc != in || len(st.cas) == 0 {
			continue
		}
		for k, t := range st.toks {
			switch t.Lower {
			case "soldiers", "troops", "policemen", "officers", "peacekeepers", "servicemen",
				"soldier", "policeman", "policewoman", "officer", "trooper", "troopers", "gendarmes", "militiamen":
				sec = true
			case "civilians", "children", "worshippers", "students", "shoppers", "passengers", "protesters", "demonstrators", "villagers":
				civ = true
			case "people":
				// "12 people", "dozens of people": victims counted ("armed
				// people" are not)
				civ = civ || k > 0 && (st.toks[k-1].Kind == text.Number || isCountWord(st.toks[k-1].Lower) || st.toks[k-1].Is("of", "innocent"))
			}
		}
	}
	return sec && !civ
}

// dayWithin finds, in the dozen sentences after from, the first date of a
// day between start and end (a month: end may be zero) in a sentence of
// an event or its casualties.
func (d *docState) dayWithin(from *sent, start, end timex.Date) (*sent, timex.Date, bool) {
	end = lastDay(start, end)
	lo := timex.Date{Year: start.Year, Month: start.Month, Day: max(start.Day, 1)}
	for i := from.idx; i < len(d.sents) && i <= from.idx+12; i++ {
		st := d.sents[i]
		if !st.hasEvent(2) && len(st.cas) == 0 {
			continue
		}
		for _, h := range st.dates {
			e := h.e
			if e.Kind != timex.Absolute || e.Day == 0 || e.Attributive || possessiveOfOther(st, h) || sinceDate(st, h) {
				continue
			}
			y := e.Year
			if y == 0 {
				y = start.Year // "on 21 October" in an article about October 2022
			}
			day := timex.Date{Year: y, Month: e.Month, Day: e.Day}
			if day.Compare(lo) >= 0 && end.Compare(day) >= 0 {
				return st, day, true
			}
		}
	}
	return nil, timex.Date{}, false
}

// weekdayWithin finds, in the sentences of the act from the sentence
// from on, a day of the week that falls between start and end, counted
// back from the anchor.
func (d *docState) weekdayWithin(from *sent, start, end, anchor timex.Date) (*sent, timex.Date, bool) {
	for i := from.idx + 1; i < len(d.sents) && i <= from.idx+12; i++ {
		st := d.sents[i]
		if !st.hasEvent(2) && len(st.cas) == 0 {
			continue
		}
		for _, h := range st.dates {
			if h.e.Kind != timex.Weekday || h.e.Attributive || speechDate(st, h) && !actClauseDate(st, h) {
				continue
			}
			day, _, ok := h.e.Resolve(anchor, timex.ResolveOptions{PastOnly: true})
			if ok && day.Compare(start) >= 0 && end.Compare(day) >= 0 {
				return st, day, true
			}
		}
	}
	return nil, timex.Date{}, false
}

// actSectionWords name an article's section on the act itself.
var actSectionWords = map[string]bool{"attack": true, "attacks": true, "events": true, "event": true, "incident": true,
	"massacre": true, "massacres": true, "killings": true, "killing": true, "bombing": true, "bombings": true, "shooting": true,
	"shootings": true, "ambush": true, "assault": true, "raid": true, "explosion": true, "explosions": true, "blast": true,
	"stabbing": true, "timeline": true, "hostage": true, "siege": true}

// actSection says whether paragraph p stands in a section whose heading
// names the act: "Attack", "Events", "The massacre", "Course of the
// attack" (not "Background", "Aftermath", "Perpetrators").
func (d *docState) actSection(p int) bool {
	if p < 0 || p >= len(d.lay.Paras) {
		return false
	}
	h := strings.ToLower(d.lay.Paras[p].Section)
	if h == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if actSectionWords[w] {
			return true
		}
	}
	return false
}

// infoboxHas says whether the document's infobox has a field of this
// canonical name: what the editors listed there, the prose does not add to.
func (d *docState) infoboxHas(canon string) bool {
	for _, f := range d.lay.Infobox {
		if f.Canon == canon {
			return true
		}
	}
	return false
}

// sinceYearsRE reads a duration up to the time of writing: "for eighteen
// years since 1991", "for 30 years since 1975".
var sinceYearsRE = regexp.MustCompile(`(?i)\bfor ([a-z-]+|\d{1,3}) years since ((?:19|20)\d\d)\b`)

// writingYear is the year a report without a date was written in, when its
// text counts the years from a year to now; and the sentence that does.
func (d *docState) writingYear() (int, *sent) {
	for _, st := range d.sents {
		m := sinceYearsRE.FindStringSubmatch(st.text)
		if m == nil {
			continue
		}
		n, ok := numbers.ParseCardinal(m[1])
		if !ok {
			continue
		}
		y := 0
		fmt.Sscanf(m[2], "%d", &y)
		if n > 0 && n < 100 && y > 0 {
			return y + n, st
		}
	}
	return 0, nil
}

// latestYear is the latest year a date of the document names outright
// (1900 or later), or 0.
func (d *docState) latestYear() int {
	y := 0
	for _, st := range d.sents {
		for _, h := range st.dates {
			if h.e.Year >= 1900 && h.e.Year > y {
				y = h.e.Year
			}
		}
	}
	return y
}

// weekdayYear is the first year from `from` on (within eleven years, a
// weekday's cycle through a day of the year) in which the day and month of
// e fall on its weekday; 0 when from is 0 or none does.
func weekdayYear(e timex.Expr, from int) int {
	if from == 0 {
		return 0
	}
	for y := from; y <= from+11; y++ {
		t := time.Date(y, time.Month(e.Month), e.Day, 12, 0, 0, 0, time.UTC)
		if t.Month() == time.Month(e.Month) && t.Weekday() == e.Weekday {
			return y
		}
	}
	return 0
}

// countryWritten says whether the title or the first paragraphs name the
// country c outright (its name or its people's), not only through a place
// in it.
func (d *docState) countryWritten(in *incident, c string) bool {
	if in.title != "" && slices.Contains(d.countriesNamed(in.title), c) {
		return true
	}
	for _, st := range d.sents {
		if st.para > 1 {
			break
		}
		for _, m := range st.mentions {
			if m.country == c && (m.kind == dossier.KindState || m.demonym) {
				return true
			}
		}
	}
	return false
}
