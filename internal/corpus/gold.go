package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/names"
)

// GoldValues are an infobox's values normalised as in ../shared/spec/gold-format.md.
type GoldValues struct {
	Date         *string  `json:"date"`
	Location     string   `json:"location,omitempty"`
	Country      string   `json:"country,omitempty"`
	Fatalities   *Range   `json:"fatalities"`
	Injuries     *Range   `json:"injuries"`
	Perpetrators []string `json:"perpetrators"`
	Targets      []string `json:"targets"`
	Weapons      []string `json:"weapons"`
	AttackType   string   `json:"attack_type,omitempty"`
}

// GoldFile is one infobox-derived gold file. InProse is filled by
// ../shared/tools/attest.py, not here.
type GoldFile struct {
	Doc                    string         `json:"doc"`
	Source                 string         `json:"source"`
	Title                  string         `json:"title"`
	Format                 string         `json:"format"`
	Language               string         `json:"language,omitempty"`
	Region                 string         `json:"region,omitempty"`
	InfoboxHeaderLine      string         `json:"infobox_header_line,omitempty"`
	Infobox                *Infobox       `json:"infobox"`
	Gold                   GoldValues     `json:"gold"`
	Actors                 []ArabicActor  `json:"actors,omitempty"`
	Notes                  []string       `json:"notes"`
	ExcerptChars           int            `json:"excerpt_chars"`
	ProseChars             int            `json:"prose_chars"`
	ProsePossiblyTruncated bool           `json:"prose_possibly_truncated"`
	InProse                map[string]any `json:"in_prose,omitempty"`
}

// MarshalJSON writes the infobox as an object whose keys keep the page's order.
func (ib *Infobox) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	seen := map[string]bool{}
	n := 0
	for _, f := range ib.Fields {
		if seen[f.Key] {
			continue
		}
		seen[f.Key] = true
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		k, _ := json.Marshal(f.Key)
		v, _ := json.Marshal(f.Value)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Infobox field names, first match wins.
var (
	dateKeys   = []string{"Date", "Dates"}
	placeKeys  = []string{"Location", "Place", "Locations"}
	deathKeys  = []string{"Fatalities", "Deaths", "Reported Deaths", "Killed", "Dead", "Death toll"}
	injuryKeys = []string{"Injuries", "Injured", "Non-fatal injuries", "Wounded", "Reported Injuries"}
	perpKeys   = []string{"Perps", "Perp", "Perpetrator", "Perpetrators", "Executed By", "Executed by"}
	assailKeys = []string{"Assailant", "Assailants"}
	targetKeys = []string{"Target", "Targets", "Victims"}
	weaponKeys = []string{"Weapons", "Weapon"}
	typeKeys   = []string{"Type", "Attack type"}
)

// excerptLimit is where the stored excerpts stop (see gold-format.md).
const excerptLimit = 2000

// newGold reads an article with its infobox and starts its gold file: the
// document, the source, the title and the infobox as published.
func newGold(doc, text string) (GoldFile, Article, error) {
	a, err := ParseArticle(text)
	if err != nil {
		return GoldFile{}, a, err
	}
	if a.Infobox == nil {
		return GoldFile{}, a, fmt.Errorf("no infobox")
	}
	return GoldFile{
		Doc: doc, Source: a.Source, Title: a.Title, Format: a.Infobox.Format,
		InfoboxHeaderLine: a.Infobox.Header, Infobox: a.Infobox, Notes: []string{},
	}, a, nil
}

// Generate makes the gold of one with-infobox article. doc is the gold's
// "doc" value (the prose-only document, "wikipedia/<name>.txt"). It never
// reads other gold: every value comes from the article's own infobox.
func Generate(doc, text string, gz *gazetteer.Gazetteer) (GoldFile, error) {
	g, a, err := newGold(doc, text)
	if err != nil {
		return GoldFile{}, err
	}
	ib := a.Infobox
	if t, ok := ib.Get("Title"); ok && g.Title == "" {
		g.Title = t
	}
	gv := &g.Gold
	gv.Perpetrators, gv.Targets, gv.Weapons = []string{}, []string{}, []string{}
	note := func(s string) {
		if s != "" {
			g.Notes = append(g.Notes, s)
		}
	}

	if v, ok := ib.Get(dateKeys...); ok {
		d, why := ParseDate(v)
		if d != "" {
			gv.Date = &d
		} else {
			note("Date " + why + " -> null.")
		}
	} else {
		note("No Date field -> null.")
	}

	if v, ok := ib.Get(placeKeys...); ok {
		gv.Location = strings.TrimSpace(refMark.ReplaceAllString(v, ""))
		c, why := CountryOf(gv.Location, gz)
		gv.Country = c.Name
		g.Region = RegionOf(c.Code)
		note(why)
	}

	gv.Fatalities, gv.Injuries = casualties(ib, note)

	seen := map[string]bool{}
	add := func(names []string) {
		for _, n := range names {
			k := strings.ToLower(n)
			if !seen[k] {
				seen[k] = true
				gv.Perpetrators = append(gv.Perpetrators, n)
			}
		}
	}
	havePerp := false
	for _, k := range perpKeys {
		if v, ok := ib.Get(k); ok {
			havePerp = true
			add(SplitNames(v))
		}
	}
	for _, k := range assailKeys {
		if v, ok := ib.Get(k); ok {
			add(SplitNames(v))
		}
	}
	if !havePerp && isBattleBox(ib) {
		key := attackingSide(ib, gz)
		v, _ := ib.Get(key)
		add(SplitNames(v))
		note("Perpetrator from " + key + ".")
	}
	if v, ok := ib.Get(targetKeys...); ok {
		gv.Targets = splitList(v)
	}
	if v, ok := ib.Get(weaponKeys...); ok {
		gv.Weapons = splitList(v)
	}
	if v, ok := ib.Get(typeKeys...); ok {
		gv.AttackType = strings.TrimSpace(v)
	}

	g.ProseChars = utf8.RuneCountInString(strings.TrimSpace(a.Prose))
	g.ExcerptChars = excerptLimit
	g.ProsePossiblyTruncated = utf8.RuneCountInString(text) >= excerptLimit-50
	return g, nil
}

// attackingSide chooses the battle-box field that holds the attackers. A
// battle box lists sides, not roles; in an article about an attack, an
// ambush or a raid, the side that is not the state's forces (a country
// named, or left as a bare flag icon; an army, police, guard or a UN
// mission) is the one that attacked, wherever the editor listed it. When
// both sides or neither are state forces, Combatant1, the side listed
// first.
func attackingSide(ib *Infobox, gz *gazetteer.Gazetteer) string {
	v1, _ := ib.Get("Combatant1")
	v2, _ := ib.Get("Combatant2")
	s1, s2 := stateSide(v1, gz), stateSide(v2, gz)
	if s1 && !s2 {
		return "Combatant2"
	}
	return "Combatant1"
}

// stateForcesRE names the forces of a state or of the UN in a combatant
// field.
var stateForcesRE = regexp.MustCompile(`(?i)\b(army|armed forces|military|police|gendarmerie|national guard|civil guard|navy|air force|special forces|defen[cs]e forces|security forces|state forces|battalions?|soldiers|troops|volunteers for the defen[cs]e of the homeland|ministry of [\w ]+|VDP|MINUSMA|MINUSCA|MONUSCO|AMISOM|UNIFIL|operation barkhane|wagner group)\b`)

// stateSide tells a combatant field whose every named part is a state or
// its forces; a field of bare flag icons ("Mali" rendered as an image)
// counts as a state.
func stateSide(v string, gz *gazetteer.Gazetteer) bool {
	v = markupRE.ReplaceAllString(pxRE.ReplaceAllString(v, ""), "")
	v = parenRE.ReplaceAllString(v, "")
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '*' || r == ';' || r == '\n' || r == '•' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if c, ok := gz.Country(part); ok && !isDemonymOnly(c, part) {
			continue
		}
		if !stateForcesRE.MatchString(part) {
			return false
		}
	}
	return true
}

func isBattleBox(ib *Infobox) bool {
	_, c1 := ib.Get("Combatant1")
	_, c2 := ib.Get("Combatant2")
	return c1 && c2
}

func casualties(ib *Infobox, note func(string)) (*Range, *Range) {
	var dead, hurt *Range
	if v, ok := ib.Get(deathKeys...); ok {
		r, why := ParseCount(v)
		dead = r
		note(why)
	}
	if v, ok := ib.Get(injuryKeys...); ok {
		r, why := ParseCount(v)
		hurt = r
		note(why)
	}
	// Military-operation and battle infoboxes give "Casualties" fields instead.
	var cas []string
	for _, f := range ib.Fields {
		if strings.HasPrefix(strings.ToLower(f.Key), "casualties") {
			cas = append(cas, f.Value)
		}
	}
	if len(cas) > 0 {
		if dead == nil {
			if r, ok := sumMentions(cas, killedRE); ok {
				dead = r
				note(fmt.Sprintf("Fatalities summed from %d casualty field(s): %s.", len(cas), r))
			}
		}
		if hurt == nil {
			if r, ok := sumMentions(cas, woundedRE); ok {
				hurt = r
				note(fmt.Sprintf("Injuries summed from %d casualty field(s): %s.", len(cas), r))
			}
		}
	}
	return dead, hurt
}

var (
	pxRE        = regexp.MustCompile(`\b\d+px\b`)
	markupRE    = regexp.MustCompile(`\b(border|class=[\w-]+|alt=[^|]*|link=[^|]*)\|`)
	kiaRE       = regexp.MustCompile(`\s*\bKIA\b`)
	labelRE     = regexp.MustCompile(`^[\p{L} ]{2,30}:\s*`)
	andSplitRE  = regexp.MustCompile(`\s+and\s+`)
	notNameRE   = regexp.MustCompile(`(?i)^((unknown|unidentified|unspecified)( [\p{L}-]+){0,2}|none|n/a|unidentified|suicide bombers?|gunm[ae]n|attackers?|assailants?|militants?|various|several|multiple|see below|disputed|both|others?|\d+ others|and \d+ others|six others|three accomplices)$`)
	akaRE       = regexp.MustCompile(`(?i)\s+(he |she )?(also known as|a\.?k\.?a\.?)\s.*$`)
	andOthersRE = regexp.MustCompile(`(?i)\s+and\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|several|other|others|unnamed)\b.*$`)
	leadWordsRE = regexp.MustCompile(`(?i)^(mastermind is|mastermind:|led by|suspected:?|alleged:?|allegedly|claimed by|and)\s+`)
	// perRE opens the sources an editor credits for the names before:
	// "per Telegraph", "according to HRW"
	perRE = regexp.MustCompile(`(?i)^\s*(per|according to|source:|sources:)\s`)
)

// SplitNames splits a perpetrator field into names: list separators, "and"
// between two capitalised names, qualifiers in parentheses dropped,
// labels ("Planning:") and blanks left by lost flag icons removed. An item
// that offers alternatives ("Adnan or Lamboo") or runs several names
// together is not a name and is dropped.
func SplitNames(v string) []string {
	v = refMark.ReplaceAllString(v, "")
	v = pxRE.ReplaceAllString(v, "")
	v = markupRE.ReplaceAllString(v, "")
	v = kiaRE.ReplaceAllString(v, "")
	for parenRE.MatchString(v) {
		v = parenRE.ReplaceAllString(v, "")
	}
	var out []string
	var parts []string
	for _, group := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '\n' || r == '•' || r == '*' }) {
		for _, part := range strings.Split(group, ",") {
			if perRE.MatchString(part) {
				break // "Fano, per Telegraph, NYT, EHRC": the sources of the names before, to the group's end
			}
			parts = append(parts, part)
		}
	}
	for _, part := range parts {
		part = andOthersRE.ReplaceAllString(part, "")
		part = akaRE.ReplaceAllString(part, "")
		for _, p := range splitAnd(part) {
			p = strings.TrimSpace(p)
			p = labelRE.ReplaceAllString(p, "")
			p = leadWordsRE.ReplaceAllString(p, "")
			p = strings.Trim(p, " .:-–|")
			if p == "" || notNameRE.MatchString(p) || !names.HasUpper(p) || wordCount(p) > 10 || runTogether(p) || strings.Contains(p, " or ") {
				continue
			}
			out = append(out, p)
		}
	}
	return out
}

// splitAnd splits "Shabiha and Syrian Arab Army" but not "Islamic State of
// Iraq and the Levant": only before a capitalised word other than "The".
func splitAnd(s string) []string {
	locs := andSplitRE.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return []string{s}
	}
	var out []string
	prev := 0
	for _, l := range locs {
		next := s[l[1]:]
		r, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsUpper(r) || strings.HasPrefix(next, "The ") || inAndCountry(s, l[0], l[1]) {
			continue
		}
		out = append(out, s[prev:l[0]])
		prev = l[1]
	}
	return append(out, s[prev:])
}

// andCountries are the country names written with "and" ("Bosnia and
// Herzegovina", "Trinidad and Tobago"), from the gazetteer.
var andCountries = sync.OnceValue(func() []string {
	var out []string
	gz, err := gazetteer.Default()
	if err != nil {
		return nil
	}
	for _, c := range gz.Countries() {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if strings.Contains(n, " and ") {
				out = append(out, n)
			}
		}
	}
	return out
})

// inAndCountry says whether the "and" at s[start:end] joins the words of a
// country's name: "Army of the Republic of Bosnia and Herzegovina" is one
// name, not two.
func inAndCountry(s string, start, end int) bool {
	for _, c := range andCountries() {
		before, after, _ := strings.Cut(c, " and ")
		if strings.HasSuffix(s[:start], before) && strings.HasPrefix(s[end:], after) {
			return true
		}
	}
	return false
}

// wordCount counts the words of a name that hold a letter ("–" is not one).
func wordCount(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// runTogether tells a run of names without separators ("Salah Abdeslam
// Ahmad al-Mohammed M. al-Mahmod ..."): more than five capitalised words and
// no lower-case word joining them, as names of groups have ("of", "and").
func runTogether(s string) bool {
	if wordCount(s) <= 5 {
		return false
	}
	for _, x := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(x)
		if unicode.IsLower(r) && !strings.Contains(x, "-") {
			return false
		}
	}
	return true
}

func splitList(v string) []string {
	v = refMark.ReplaceAllString(v, "")
	out := []string{}
	for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// CountryOf finds the country of an infobox location: its last part named
// as a country, else the largest place or first-level division named by a
// part, from the last part to the first.
func CountryOf(loc string, gz *gazetteer.Gazetteer) (gazetteer.Country, string) {
	clean := parenRE.ReplaceAllString(loc, "")
	parts := strings.FieldsFunc(clean, func(r rune) bool { return r == ',' || r == ';' || r == '\n' })
	for i := len(parts) - 1; i >= 0; i-- {
		p := strings.TrimSpace(parts[i])
		if c, ok := gz.Country(p); ok && !isDemonymOnly(c, p) {
			return c, ""
		}
		// "Mogadishu Somalia", "both in Tehran", "Islamic Republic of Afghanistan": a suffix of words.
		w := strings.Fields(p)
		for j := 1; j < len(w); j++ {
			s := strings.Join(w[j:], " ")
			if c, ok := gz.Country(s); ok && !isDemonymOnly(c, s) {
				return c, ""
			}
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		p := strings.TrimSpace(parts[i])
		if c, why, ok := countryOfPlaces(gz, candidates(p)); ok {
			return c, why
		}
	}
	return gazetteer.Country{}, fmt.Sprintf("Country not found in location %q -> none.", loc)
}

// countryOfPlaces returns the country of the first candidate the gazetteer
// knows as a place (the largest of that name) or a division, with the note
// saying which.
func countryOfPlaces(gz *gazetteer.Gazetteer, cands []string) (gazetteer.Country, string, bool) {
	for _, cand := range cands {
		if ps := gz.Lookup(cand); len(ps) > 0 {
			if c, ok := gz.Country(ps[0].Country); ok {
				return c, fmt.Sprintf("Country from the place %q (largest of that name).", cand), true
			}
		}
		if ps := gz.Admin1(cand); len(ps) > 0 {
			if c, ok := gz.Country(ps[0].Country); ok {
				return c, fmt.Sprintf("Country from the division %q.", cand), true
			}
		}
	}
	return gazetteer.Country{}, "", false
}

// candidates are the part itself and its word suffixes ("near Baghdad
// Airport" → "Baghdad Airport", "Airport"), never a word of a division's
// kind alone ("Republic" of "Chechen Republic" is a town in Missouri), nor
// the bare name of a division written with its kind ("Tyrone" of "County
// Tyrone" is a town in Pennsylvania: the part names a division, which the
// gazetteer may not hold).
func candidates(p string) []string {
	w := strings.Fields(p)
	var out []string
	division := false
	for _, x := range w {
		division = division || divisionKinds[strings.ToLower(x)]
	}
	for j := 0; j < len(w); j++ {
		s := strings.Join(w[j:], " ")
		if !names.HasUpper(s) || j == len(w)-1 && divisionKinds[strings.ToLower(w[j])] {
			continue
		}
		if division && !slices.ContainsFunc(w[j:], func(x string) bool { return divisionKinds[strings.ToLower(x)] }) {
			break // "Tyrone" of "County Tyrone"; "Haut-Uele District" of "Several villages in Haut-Uele District" stays
		}
		out = append(out, s)
	}
	return out
}

// divisionKinds are words that say a name is an administrative division.
var divisionKinds = map[string]bool{"county": true, "province": true, "district": true, "region": true, "republic": true,
	"state": true, "governorate": true, "prefecture": true, "oblast": true, "department": true, "township": true,
	"municipality": true, "territory": true, "division": true, "cercle": true, "commune": true, "parish": true, "krai": true}

// isDemonymOnly rejects a location part that names a people, not a country
// ("Kurdish"), which gazetteer.Country also accepts.
func isDemonymOnly(c gazetteer.Country, p string) bool {
	for _, d := range c.Demonyms {
		if strings.EqualFold(d, p) {
			return true
		}
	}
	return false
}
