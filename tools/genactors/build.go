package main

import (
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/names"
)

// actor is one line of the generated dictionary.
type actor struct {
	Name    string
	Kind    string
	Aliases []string
	Country string
	Source  string

	seen map[string]bool // folded name and aliases, to drop repeats
}

func (a *actor) removeAlias(folded string) {
	kept := a.Aliases[:0]
	for _, al := range a.Aliases {
		if names.Fold(al) != folded {
			kept = append(kept, al)
		}
	}
	a.Aliases = kept
}

func (a *actor) addAlias(alias string) {
	f := names.Fold(alias)
	if f == "" || a.seen[f] {
		return
	}
	a.seen[f] = true
	a.Aliases = append(a.Aliases, alias)
}

// Kinds, as extract output names them.
const (
	kindPerson       = "person"
	kindArmedGroup   = "armed_group"
	kindState        = "state"
	kindOrganization = "organization"
	kindParty        = "party"
	kindMedia        = "media"
	kindSkip         = "skip"
)

// since is the date before which an official's last office makes the
// person too old for today's news.
const since = 20050101

// roles are the CAMEO role and sector codes that may follow a country code.
var roles = map[string]bool{
	"GOV": true, "ELI": true, "MIL": true, "REB": true, "INS": true, "OPP": true, "PTY": true,
	"COP": true, "JUD": true, "LEG": true, "SPY": true, "BUS": true, "MED": true, "EDU": true,
	"HLH": true, "AGR": true, "DEV": true, "LAB": true, "ENV": true, "HRI": true, "REL": true,
	"REF": true, "MUS": true, "CHR": true, "JEW": true, "HIN": true, "BUD": true, "UAF": true,
	"IMG": true, "RAD": true, "CVL": true, "UNR": true, "OCC": true, "SEP": true, "MOD": true,
	"PRO": true, "CRM": true, "IGO": true, "NGO": true, "MNC": true, "SPA": true, "CRI": true,
}

// armedRoles make an entry that is neither a state nor a person an armed
// group.
var armedRoles = map[string]bool{"REB": true, "INS": true, "UAF": true, "IMG": true, "RAD": true, "SEP": true}

// builder turns parsed Phoenix entries into actors.
type builder struct {
	l      *lists
	caser  caser
	given  map[string]bool // first words of officials' names
	actors []*actor
	index  map[string]*actor // kind + folded name -> actor
	states map[string]*actor // country code -> its state entry
	stats  map[string]int

	territories map[*actor]bool // states coded as a part of another
}

func newBuilder(l *lists) *builder {
	return &builder{
		l:      l,
		caser:  caser{acronyms: l.acronyms},
		given:  map[string]bool{},
		index:  map[string]*actor{},
		states: map[string]*actor{},
		stats:  map[string]int{},

		territories: map[*actor]bool{},
	}
}

// learnGivenNames collects the first words of the officials' names of the
// Countries file ("# CountryInfo.txt" entries): the generator reads a name
// as a person's when it starts with one of them.
func (b *builder) learnGivenNames(entries []*rawEntry) {
	for _, e := range entries {
		if !strings.Contains(strings.ToLower(e.Comment), "countryinfo") {
			continue
		}
		toks, _ := clean(e.Name)
		toks = b.personName(toks)
		if len(toks) < 2 {
			continue
		}
		w := toks[0]
		if len(lettersOnly(w)) >= 2 && !b.l.orgWords[w] && !b.l.titles[w] && !lowerWords[w] {
			b.given[w] = true
		}
	}
	for w := range b.l.givenNames {
		b.given[w] = true
	}
}

// add classifies one entry of the given Phoenix file ("Countries",
// "International" or "MilNonState") and adds what it yields.
func (b *builder) add(file string, e *rawEntry) {
	toks, paren := clean(e.Name)
	if !validName(toks) {
		b.stats["skipped: not a name"]++
		return
	}
	fold := names.Fold(strings.Join(toks, " "))
	override := b.l.overrides[fold]
	if override == kindSkip {
		b.stats["skipped: overrides.tsv"]++
		return
	}
	codes := usableCodes(e.Codes)
	if len(codes) == 0 {
		b.stats["skipped: no code"]++
		return
	}
	if blocks(codes[0].Code)[0] == "MNC" {
		b.stats["skipped: company"]++
		return
	}
	source := "phoenix:" + file
	country := b.countryOf(codes)

	if file == "Countries" && override == "" {
		if code, territory, ok := b.stateCode(codes); ok {
			b.addState(code, territory, toks, e.Aliases, source)
			return
		}
	}
	if override == "" && (len(toks) == 2 && b.l.titles[toks[0]] || file == "Countries" && len(toks) == 1 && personCodes(codes) && !b.hasOrgWord(toks)) {
		// A person known by one name: EMIR_KHATTAB__, SIDDARAMAIAH.
		b.stats["persons dropped: one word or title"]++
		return
	}
	person := override == kindPerson
	if override == "" {
		comment := strings.ToLower(e.Comment)
		switch {
		case strings.Contains(comment, "countryinfo"), strings.Contains(comment, "igorulers"):
			person = true
		case b.looksLikePerson(b.personName(toks)):
			person = true
		case file == "MilNonState" && personComment(comment) && !b.hasOrgWord(toks):
			person = true
		case file == "Countries" && personCodes(codes) && len(toks) <= 4 && !b.hasOrgWord(toks):
			// Government and elite codes without a word of an
			// organization: an official (MAMNOON_HUSSAIN).
			person = true
		}
	}
	if person {
		b.addPerson(toks, e.Aliases, codes, country, source, true)
		return
	}
	kind := override
	if kind == "" {
		kind = b.kindOf(file, toks, codes)
	}
	forms := append([]string{strings.Join(toks, " ")}, e.Aliases...)
	c := b.caser.withEntry(upperAll(forms), paren)
	a := b.actor(kind, c.Case(strings.Join(toks, " ")), country, source)
	for _, p := range paren {
		if len(lettersOnly(p)) >= 2 {
			a.addAlias(c.Case(p))
		}
	}
	var people [][]string
	for _, raw := range e.Aliases {
		at, ap := clean(raw)
		if !validName(at) || b.hasNoise(at) || b.titleFirst(at) {
			b.stats["aliases dropped: description"]++
			continue
		}
		if b.l.overrides[names.Fold(strings.Join(at, " "))] == kindSkip {
			continue
		}
		if pn := b.personName(at); b.looksLikePerson(pn) {
			people = append(people, pn)
			continue
		}
		a.addAlias(c.Case(strings.Join(at, " ")))
		for _, p := range ap {
			if len(lettersOnly(p)) >= 2 {
				a.addAlias(c.Case(p))
			}
		}
	}
	// People listed as synonyms of a group (its leaders, spokesmen) become
	// entries of their own; their surnames alone are dropped from the group.
	for _, pn := range people {
		b.stats["persons split from groups"]++
		b.addPerson(pn, nil, nil, country, source, false)
		b.dropAlias(a, pn[len(pn)-1])
	}
}

// addPerson adds a person, keeping the synonyms that name the same person
// (sharing the first or last word, by names.Key) and splitting the others
// off as persons of their own. Officials whose every dated office ended
// before 2005 are left out.
func (b *builder) addPerson(toks []string, aliases []string, codes []code, country, source string, strip bool) {
	if strip {
		toks = b.personName(toks)
	}
	if len(toks) < 2 || b.titleFirst(toks) {
		b.stats["persons dropped: one word or title"]++
		return
	}
	if !recent(codes) {
		b.stats["persons dropped: before 2005"]++
		return
	}
	forms := append([]string{strings.Join(toks, " ")}, aliases...)
	c := b.caser.withEntry(upperAll(forms), nil)
	a := b.actor(kindPerson, c.Case(strings.Join(toks, " ")), country, source)
	first, last := names.Key(toks[0]), names.Key(toks[len(toks)-1])
	for _, raw := range aliases {
		at, _ := clean(raw)
		at = b.personName(at)
		if len(at) < 2 || b.titleFirst(at) || b.hasOrgWord(at) || b.hasNoise(at) || !validName(at) {
			b.stats["aliases dropped: person, not a full name"]++
			continue
		}
		if names.Key(at[0]) == first || names.Key(at[len(at)-1]) == last {
			a.addAlias(c.Case(strings.Join(at, " ")))
			continue
		}
		if b.looksLikePerson(at) {
			b.stats["persons split from persons"]++
			b.addPerson(at, nil, nil, country, source, false)
		}
	}
}

// addState adds a country entry, or a territory, with the synonyms that
// name it. An entry under a country's code that does not name the country
// (LEIPZIG_ under DEU, MAYOTTE_ under FRA) is left out.
func (b *builder) addState(code string, territory bool, toks []string, aliases []string, source string) {
	phrase := strings.Join(toks, " ")
	ci := b.l.countries[code]
	ref := []string{ci.Name}
	ref = append(ref, ci.Forms...)
	if !countryForm(phrase, ref) {
		b.stats["skipped: place under a country's code"]++
		return
	}
	a := b.states[code]
	if a == nil {
		a = b.actor(kindState, ci.Name, code, source)
		b.states[code] = a
		if territory {
			b.territories[a] = true
		}
		for _, f := range ci.Forms {
			a.addAlias(f)
		}
	}
	ref = append(ref, phrase)
	c := b.caser.withEntry(upperAll(append([]string{phrase}, aliases...)), nil)
	a.addAlias(c.Case(phrase))
	var single []string
	for _, raw := range aliases {
		at, ap := clean(raw)
		if !validName(at) {
			continue
		}
		for _, form := range append([]string{strings.Join(at, " ")}, ap...) {
			switch {
			case len(strings.Fields(form)) == 1:
				single = append(single, form)
			case countryForm(form, ref):
				a.addAlias(c.Case(form))
				ref = append(ref, form)
			default:
				b.stats["aliases dropped: country's city or region"]++
			}
		}
	}
	for _, form := range single {
		if countryForm(form, ref) {
			a.addAlias(c.Case(form))
		} else {
			b.stats["aliases dropped: country's city or region"]++
		}
	}
}

// tidy removes from entries that are not states the synonyms that name a
// state ("Greece" under a Greek group) or are one given name, such entries
// named by one given name, and, everywhere, names and synonyms of fewer
// than three letters that are not written as acronyms ("Lt").
func (b *builder) tidy() {
	state := map[string]bool{}
	for _, a := range b.actors {
		if a.Kind == kindState {
			state[names.Fold(a.Name)] = true
			for _, al := range a.Aliases {
				state[names.Fold(al)] = true
			}
		}
	}
	// A one-word name that is a given name is a person known by one name
	// (MUHANNAD__ among the militants) or a given name taken for a group.
	givenName := func(s string) bool {
		toks := strings.Fields(s)
		return len(toks) == 1 && b.given[strings.ToUpper(toks[0])]
	}
	kept := b.actors[:0]
	for _, a := range b.actors {
		if tooShort(a.Name) {
			b.stats["skipped: name of one or two letters"]++
			continue
		}
		if a.Kind != kindState && givenName(a.Name) {
			b.stats["skipped: one-word name that is a given name"]++
			continue
		}
		as := a.Aliases[:0]
		for _, al := range a.Aliases {
			switch {
			case tooShort(al):
				b.stats["aliases dropped: one or two letters"]++
			case a.Kind != kindState && givenName(al):
				b.stats["aliases dropped: a given name"]++
			case a.Kind != kindState && state[names.Fold(al)]:
				b.stats["aliases dropped: names a state"]++
			default:
				as = append(as, al)
			}
		}
		a.Aliases = as
		kept = append(kept, a)
	}
	b.actors = kept
}

// tooShort reports whether a display name has fewer than three letters and
// is not an acronym in capitals ("UN" is kept, "Lt" is not).
func tooShort(s string) bool {
	l := lettersOnly(s)
	return len(l) < 3 && strings.ToUpper(l) != l
}

// dedupeStates removes from state entries the synonyms that name another
// state ("Samoa" under American Samoa, "Guinea" under Guinea-Bissau) and
// those that several states share ("Korea", "Congo"), a country keeping
// the synonyms it shares with its territories ("American").
func (b *builder) dedupeStates() {
	owner := map[string][]*actor{}
	named := map[string]*actor{}
	for _, a := range b.actors {
		if a.Kind != kindState {
			continue
		}
		named[names.Fold(a.Name)] = a
		for _, al := range a.Aliases {
			f := names.Fold(al)
			owner[f] = append(owner[f], a)
		}
	}
	for f, as := range owner {
		keep := map[*actor]bool{}
		switch n := named[f]; {
		case n != nil:
			keep[n] = true
		case len(as) == 1:
			keep[as[0]] = true
		default:
			var main []*actor
			for _, a := range as {
				if !b.territories[a] {
					main = append(main, a)
				}
			}
			if len(main) == 1 {
				keep[main[0]] = true
			}
		}
		for _, a := range as {
			if !keep[a] {
				a.removeAlias(f)
				b.stats["aliases dropped: shared by states"]++
			}
		}
	}
}

// officialWords may stand in the official name of a country.
var officialWords = map[string]bool{
	"REPUBLIC": true, "KINGDOM": true, "STATE": true, "STATES": true, "FEDERATION": true,
	"FEDERAL": true, "DEMOCRATIC": true, "PEOPLE'S": true, "PEOPLES": true, "ISLAMIC": true,
	"ARAB": true, "SOCIALIST": true, "UNITED": true, "COMMONWEALTH": true, "PRINCIPALITY": true,
	"SULTANATE": true, "EMIRATE": true, "GRAND": true, "DUCHY": true, "PLURINATIONAL": true,
	"BOLIVARIAN": true, "ORIENTAL": true, "COOPERATIVE": true, "HASHEMITE": true, "UNION": true,
	"OF": true, "THE": true, "AND": true, "SOVEREIGN": true, "INDEPENDENT": true, "SOVIET": true,
}

// countryForm decides whether a synonym of a country entry names the
// country rather than one of its cities or regions, which Phoenix lists as
// synonyms too (KABUL_ and HELMAND under AFGHANISTAN_). ref holds the
// country's names known so far. It keeps those names, words that begin
// like one of their distinctive words (AFGHAN, AFGHANISTANI, and the
// misspellings AFGHANESTAN), official forms made of such words and of
// official words (ISLAMIC_REPUBLIC_OF_AFGHANISTAN), and the initials of a
// name (USA, U.S., UAE).
func countryForm(form string, ref []string) bool {
	toks := strings.Fields(names.Fold(form))
	if len(toks) > 1 && toks[0] == "the" {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return false
	}
	f := strings.Join(toks, " ")
	refWords := map[string]bool{}
	for _, r := range ref {
		fr := names.Fold(r)
		if f == fr {
			return true
		}
		for _, w := range strings.Fields(fr) {
			if !genericWords[strings.ToUpper(w)] && len(w) >= 4 {
				refWords[w] = true
			}
		}
	}
	matches := func(w string) bool {
		for r := range refWords {
			if sharesPrefix(w, r) {
				return true
			}
		}
		return false
	}
	if len(toks) == 1 {
		if matches(toks[0]) && !capitals[toks[0]] {
			return true
		}
		// Initials: US, USA, U.S.A., UK, UAE.
		up := strings.ToUpper(toks[0])
		for _, r := range ref {
			if initials(strings.ToUpper(strings.Join(strings.Fields(names.Fold(r)), " "))) == up {
				return true
			}
		}
		return false
	}
	found := false
	for _, w := range toks {
		switch {
		case matches(w):
			found = true
		case officialWords[strings.ToUpper(w)]:
		default:
			return false
		}
	}
	return found
}

// genericWords are words of country names too common to tell one country
// from another on their own.
var genericWords = func() map[string]bool {
	m := map[string]bool{"NORTH": true, "SOUTH": true, "EAST": true, "WEST": true, "NEW": true,
		"SAINT": true, "ST": true, "SAN": true, "SANTA": true, "CENTRAL": true, "GREAT": true,
		"ISLANDS": true, "ISLAND": true, "COAST": true, "ARABIA": true}
	for w := range officialWords {
		m[w] = true
	}
	return m
}()

// capitals are cities that begin like their country's name.
var capitals = map[string]bool{"tunis": true, "djibouti": true, "brasilia": true, "algiers": true,
	"mexicali": true, "chiloe": true, "kinshasa": true, "brazzaville": true}

// sharesPrefix reports whether two folded words begin with the same four
// letters (or are equal, when shorter).
func sharesPrefix(a, b string) bool {
	n := 4
	if len(a) < n || len(b) < n {
		return a == b
	}
	return a[:n] == b[:n]
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// kindOf maps the CAMEO codes of an entry that is neither a state nor a
// person to a kind.
func (b *builder) kindOf(file string, toks []string, codes []code) string {
	armed := false
	for _, c := range codes {
		for _, blk := range blocks(c.Code) {
			armed = armed || armedRoles[blk]
		}
	}
	for _, t := range toks {
		// A party that fights, listed among armed groups (Kurdistan
		// Workers Party), is an armed group.
		if t == "PARTY" && !(file == "MilNonState" && armed) {
			return kindParty
		}
	}
	bl := blocks(codes[0].Code)
	switch {
	case bl[0] == "MED" || len(bl) > 1 && bl[1] == "MED" && b.l.countries[bl[0]].Name != "":
		return kindMedia
	case bl[0] == "IGO" || bl[0] == "NGO":
		return kindOrganization
	}
	for _, c := range codes {
		for _, blk := range blocks(c.Code) {
			if blk == "PTY" {
				return kindParty
			}
			if armedRoles[blk] {
				return kindArmedGroup
			}
		}
	}
	if file == "MilNonState" {
		return kindArmedGroup
	}
	return kindOrganization
}

// stateCode returns the country code of a country entry: a current code
// that is a bare country code (AFG) or a territory code (USAASM gives
// ASM, a territory).
func (b *builder) stateCode(codes []code) (c string, territory, ok bool) {
	for _, c := range codes {
		bl := blocks(c.Code)
		switch {
		case len(bl) == 1 && b.l.countries[bl[0]].Name != "":
			return bl[0], false, true
		case len(bl) == 2 && !roles[bl[1]] && b.l.countries[bl[1]].Name != "":
			return bl[1], true, true
		}
	}
	return "", false, false
}

// countryOf returns the country of an entry's first code that has one, or
// the CAMEO region code ("MEA", "SAS") it gives instead.
func (b *builder) countryOf(codes []code) string {
	for _, c := range codes {
		if bl := blocks(c.Code); b.l.countries[bl[0]].Name != "" {
			return bl[0]
		}
	}
	bl := blocks(codes[0].Code)
	if roles[bl[0]] || bl[0] == "INT" || bl[0] == "---" {
		return ""
	}
	return bl[0]
}

// actor returns the actor of that kind and folded name, creating it.
func (b *builder) actor(kind, name, country, source string) *actor {
	k := kind + "\x00" + names.Fold(name)
	if a, ok := b.index[k]; ok {
		if a.Country == "" {
			a.Country = country
		}
		return a
	}
	a := &actor{Name: name, Kind: kind, Country: country, Source: source, seen: map[string]bool{names.Fold(name): true}}
	b.index[k] = a
	b.actors = append(b.actors, a)
	b.stats["entries: "+kind]++
	return a
}

// dropAlias removes from a the one-word synonyms equal (by names.Key) to
// a person's surname.
func (b *builder) dropAlias(a *actor, surname string) {
	k := names.Key(surname)
	kept := a.Aliases[:0]
	for _, al := range a.Aliases {
		if len(names.Tokens(al)) <= 2 && names.Key(al) == k {
			b.stats["aliases dropped: a member's surname"]++
			continue
		}
		kept = append(kept, al)
	}
	a.Aliases = kept
	a.seen[names.Fold(surname)] = true
}

// personName strips titles and descriptions from the front of a person's
// name ("PRESIDENT_KARZAI_", "SOVIET_LEADER_LEONID_BREZHNEV", "PRESIDENT_OF_
// THE_RUSSIAN_FEDERATED_REPUBLIC,_BORIS_N._YELTSIN"), as long as two words
// are left.
func (b *builder) personName(toks []string) []string {
	cut := -1
	for i, t := range toks {
		if len(toks)-i-1 < 2 {
			break
		}
		w := strings.TrimSuffix(t, ",")
		if b.l.titles[w] || b.l.noise[w] || strings.HasSuffix(t, ",") || strings.HasPrefix(w, "EX-") {
			cut = i
		}
	}
	toks = toks[cut+1:]
	for len(toks) > 2 && (b.l.titles[toks[0]] || toks[0] == "THE") {
		toks = toks[1:]
	}
	return toks
}

// looksLikePerson reports whether a name reads as a person's: two to six
// words, none of an organization, none a number, the first a given name
// seen among officials (or Abu, Ibn...).
func (b *builder) looksLikePerson(toks []string) bool {
	if len(toks) < 2 || len(toks) > 6 || b.hasOrgWord(toks) {
		return false
	}
	for _, t := range toks {
		if strings.ContainsFunc(t, unicode.IsDigit) {
			return false
		}
	}
	return b.given[strings.SplitN(toks[0], "-", 2)[0]] || b.given[toks[0]]
}

func (b *builder) titleFirst(toks []string) bool {
	return len(toks) > 0 && b.l.titles[toks[0]] && toks[0] != "SAYYID"
}

func (b *builder) hasOrgWord(toks []string) bool {
	for _, t := range toks {
		if b.l.orgWords[t] {
			return true
		}
		for _, p := range strings.Split(t, "-") {
			if b.l.orgWords[p] || p == "BASED" {
				return true
			}
		}
	}
	return false
}

func (b *builder) hasNoise(toks []string) bool {
	for _, t := range toks {
		for _, p := range strings.Split(strings.TrimSuffix(t, ","), "-") {
			if b.l.noise[p] {
				return true
			}
		}
	}
	return false
}

// personComment reports whether the comment of a MilNonState entry
// describes a person ("#  senior leader", "# co-founder jma").
func personComment(c string) bool {
	for _, w := range []string{"leader", "member", "founder", "commander", "bomb maker", "alias of", "head of"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// personCodes reports whether every code is a role that only persons
// hold in the Countries file: government or elite.
func personCodes(codes []code) bool {
	for _, c := range codes {
		bl := blocks(c.Code)
		if len(bl) < 2 || bl[1] != "GOV" && bl[1] != "ELI" {
			return false
		}
	}
	return true
}

// recent reports whether a person held a coded role on or after 2005, or
// has no dated code at all.
func recent(codes []code) bool {
	dated := false
	for _, c := range codes {
		if !c.Dated {
			continue
		}
		dated = true
		if c.current(since) {
			return true
		}
	}
	return !dated
}

// usableCodes drops "---" and prefers codes still valid in 2005.
func usableCodes(codes []code) []code {
	var all, cur []code
	for _, c := range codes {
		if c.Code == "---" {
			continue
		}
		all = append(all, c)
		if c.current(since) {
			cur = append(cur, c)
		}
	}
	if len(cur) > 0 {
		return cur
	}
	return all
}

// blocks splits a CAMEO code into its three-letter parts.
func blocks(c string) []string {
	var out []string
	for len(c) > 3 {
		out = append(out, c[:3])
		c = c[3:]
	}
	return append(out, c)
}

// clean turns a Phoenix phrase into upper-case words: "_" joins words,
// parenthesized acronyms are returned apart ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_"
// gives ADEN ABYAN ISLAMIC ARMY and "AAIA"), other parenthesized parts dropped, "/" separates words, a leading
// "THE" is dropped and stray hyphens are trimmed.
func clean(raw string) (toks []string, paren []string) {
	s := strings.ToUpper(strings.NewReplacer("_", " ", "/", " ", "\t", " ").Replace(raw))
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			s = s[:i] + " " + s[i+1:]
			continue
		}
		// Only acronyms are kept from parentheses: "(AAIA)", "(PRC)", not
		// qualifiers such as "(UZBEKISTAN)" or "(COUNTRY)".
		if p := strings.TrimSpace(s[i+1 : i+j]); !strings.Contains(p, " ") && len(lettersOnly(p)) >= 2 && len(lettersOnly(p)) <= 6 {
			paren = append(paren, p)
		}
		s = s[:i] + " " + s[i+j+1:]
	}
	for _, t := range strings.Fields(s) {
		t = strings.Trim(t, "-:;'\"+[]{}")
		if t != "" {
			toks = append(toks, t)
		}
	}
	if len(toks) > 1 && toks[0] == "THE" {
		toks = toks[1:]
	}
	return toks, paren
}

// validName rejects phrases that are not names: fewer than two letters,
// only digits, or several names glued by "THEN".
func validName(toks []string) bool {
	letters := 0
	for _, t := range toks {
		if t == "THEN" || strings.Contains(t, ":") {
			return false
		}
		for _, r := range t {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	return letters >= 2
}

func upperAll(forms []string) []string {
	out := make([]string, len(forms))
	for i, f := range forms {
		out[i] = strings.ToUpper(strings.ReplaceAll(f, "_", " "))
	}
	return out
}

// sorted returns the actors ordered by kind, then folded name.
func (b *builder) sorted() []*actor {
	out := make([]*actor, len(b.actors))
	copy(out, b.actors)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return names.Fold(out[i].Name) < names.Fold(out[j].Name)
	})
	return out
}
