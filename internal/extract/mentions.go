package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/actordict"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
)

// mention is a name found in a sentence: an actor, a place, or a country
// named by its adjective.
type mention struct {
	st         *sent
	i, j       int // tokens st.toks[i:j]
	start, end int // body offsets
	surface    string
	kind       string // an actor kind, or kindPlace / kindFacility
	entry      *actordict.Entry
	place      *gazetteer.Place
	placeName  string // for a site, its city as written ("CITY" in "CITY International Airport")
	country    string // a country the mention names or implies
	demonym    bool   // "Iraqi": an adjective, not a name
	role       string // a role word written right before the name
	actor      *actor
	confident  bool // kind comes from the dictionary, a role, a head word or a definition
}

const (
	kindPlace    = "place"
	kindFacility = "facility"
)

// particles may sit inside a name in lower case ("Abu Bakr al-Baghdadi",
// "Tristan van der Vlis").
var particles = map[string]bool{"al": true, "el": true, "ad": true, "ash": true, "as": true, "at": true, "az": true,
	"ar": true, "an": true, "wal": true, "wa": true, "li": true, "bin": true, "ibn": true, "bint": true, "de": true, "da": true, "del": true, "della": true,
	"di": true, "van": true, "von": true, "der": true, "den": true, "du": true, "le": true, "la": true, "aan": true, "y": true,
	"es": true, "ul": true, "ud": true} // "Dar es Salaam", "Zia ul Haq", "Nasir ud Din"

// arabicArticle reports whether a token is an Arabic article written before a name.
func arabicArticle(l string) bool {
	switch l {
	case "al", "el", "ad", "ash", "as", "at", "az", "ar", "an", "ath":
		return true
	}
	return false
}

// function words that start sentences with a capital letter and are never names.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an on in at since after before during many several some two three four five six
		seven eight nine ten according although however while when as it he she they we i you this that these those his her their
		its other another just both despite due following by for from with without among between there no one all most more
		nearly about over under starting if but and or so yet then thus also because though once until unless whether which
		who whom whose what where why how each every any few such only even still already later earlier meanwhile instead
		here now today yesterday tomorrow our my your us them him me not never soon again further furthermore moreover
		nevertheless overall shortly eventually initially finally first second third last next former latter
		prior upon within across around near into onto toward towards via like unlike amid amidst throughout
		local security police officials witnesses reports authorities investigators militants gunmen
		western eastern northern southern central
		purported suspected alleged presumed apparent unidentified unnamed unknown late early`) {
		functionWords[w] = true
	}
}

// notNames are capitalised words that are not names: months, weekdays,
// and the festivals and holy months that date events ("attacks during
// Ramadan"), which the gazetteer may also know as a village.
var notNames = map[string]bool{}

// calendarWords are the names of the months and the weekdays.
var calendarWords = strings.Fields(`january february march april may june july august september october november december
	monday tuesday wednesday thursday friday saturday sunday`)

func init() {
	for _, w := range calendarWords {
		notNames[w] = true
	}
	for _, w := range strings.Fields(`i ramadan eid christmas easter passover ashura nowruz muharram diwali hanukkah lent`) {
		notNames[w] = true
	}
}

// givenFestival says whether the festival's word at token i ("Eid") is a
// given name: followed by an Arabic article and a name that is not the
// festival's own ("Eid al-Fayez", not "Eid al-Fitr", "Eid al-Adha").
func givenFestival(toks []text.Token, i int) bool {
	if toks[i].Lower != "eid" || !toks[i].Cap() || i+3 >= len(toks) || !arabicArticle(toks[i+1].Lower) || toks[i+2].Text != "-" || !nameToken(&toks[i+3]) {
		return false
	}
	switch toks[i+3].Lower {
	case "fitr", "adha", "azha", "kabir", "kebir", "saghir", "ghadir", "mubarak", "milad":
		return false
	}
	return true
}

// facilityWords end names of sites: they are places, not actors.
var facilityWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`airport zone square mall market church mosque synagogue temple shrine hotel station
		bridge street road avenue boulevard base embassy consulate school hospital museum stadium theatre theater complex
		prison camp checkpoint highway plaza building tower palace compound centre center port harbour harbor park
		county province governorate prefecture oblast
		village district neighbourhood neighborhood quarter bazaar cafe restaurant club arena hall
		academy barracks courthouse pub nightclub cinema supermarket factory`) {
		facilityWords[w] = true
	}
}

// izafat are the short linking words of Persian and Urdu names written
// between hyphens ("Jaish-e-Mohammed", "Tehrik-i-Taliban").
func izafat(l string) bool {
	switch l {
	case "e", "i", "ul", "ud", "ur", "un", "us", "ut", "uz", "o":
		return true
	}
	return false
}

// eventHeads end names of events, wars and processes, which are not actors.
var eventHeads = map[string]bool{}

// lowerHeads are head words that, written in lower case after a name, say
// what kind of group the name is.
var lowerHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`war wars conflict crisis revolution uprising insurgency intervention invasion occupation
		election elections protests attack attacks bombing bombings massacre clashes offensive siege battle campaign
		operation ceasefire agreement accord treaty relations withdrawal`) {
		eventHeads[w] = true
	}
	for _, w := range strings.Fields(`militia militias alliance party movement coalition brigade brigades faction front
		organization organisation group network`) {
		lowerHeads[w] = true
	}
}

// nameToken reports whether t can be part of a name.
// portfolioWords name what a minister is minister of.
var portfolioWords = map[string]bool{"information": true, "interior": true, "defence": true, "defense": true, "finance": true,
	"health": true, "education": true, "justice": true, "foreign": true, "home": true, "agriculture": true, "transport": true,
	"energy": true, "culture": true, "communications": true, "tourism": true, "labour": true, "labor": true, "trade": true,
	"commerce": true, "religious": true, "internal": true, "security": true, "state": true, "economy": true, "planning": true,
	"broadcasting": true, "housing": true, "works": true, "affairs": true, "development": true, "welfare": true, "environment": true}

// hyphenParticles join the parts of a place's name: "Villiers-le-Bel",
// "Clichy-sous-Bois", "Aix-en-Provence", "Stratford-upon-Avon",
// "Frankfurt-am-Main", "Saint-Jean-de-Luz".
var hyphenParticles = map[string]bool{"le": true, "la": true, "les": true, "en": true, "sur": true, "sous": true, "upon": true,
	"on": true, "de": true, "du": true, "des": true, "di": true, "del": true, "am": true, "im": true, "an": true, "au": true, "aux": true, "lès": true, "lez": true}

func nameToken(t *text.Token) bool {
	return t.Kind == text.Word && t.Cap() && !notNames[t.Lower]
}

// dictNames says whether the actor dictionary holds a name.
func (d *docState) dictNames(name string) bool {
	_, ok := d.x.dict.Lookup(name)
	return ok
}

// dateAt says whether a date of the sentence with its month and day
// starts at token j ("Jan. 2", "January 2"): a date that may follow a
// place with no comma between, no part of its name.
func dateAt(st *sent, j int) bool {
	for _, h := range st.dates {
		if h.start == st.toks[j].Start && h.e.Month != 0 && h.e.Day != 0 {
			return true
		}
	}
	return false
}

// rankMark says whether a retired officer's mark, "(retd)", stands at
// token k, before end: "Captain (retd) NAME".
func rankMark(toks []text.Token, k, end int) bool {
	return k+2 < end && toks[k].Text == "(" && toks[k+1].Is("retd", "retired", "rtd", "r") && toks[k+2].Text == ")"
}

// shoutedAfterName says whether token j, after a name written in mixed
// case, is a word in capitals for emphasis: an inflected verb ("OPENED",
// "KILLING") or the first of a run of such words ("OPENED FIRE"), not an
// acronym ("Tehrik-i-Taliban Pakistan TTP").
func shoutedAfterName(toks []text.Token, j int) bool {
	allCaps := func(t *text.Token) bool {
		return t.Kind == text.Word && len(t.Text) >= 3 && strings.ToUpper(t.Text) == t.Text && strings.ToLower(t.Text) != t.Text
	}
	if j == 0 || !allCaps(&toks[j]) || allCaps(&toks[j-1]) {
		return false
	}
	w := toks[j].Lower
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || j+1 < len(toks) && allCaps(&toks[j+1]) && toks[j+1].Space
}

// findMentions chunks capitalised token runs and classifies them.
func (d *docState) findMentions(st *sent) []*mention {
	toks := st.toks
	var out []*mention
	n := len(toks)
	// names the dictionary knows may cross words a chunk stops at ("Islamic
	// State of Iraq and the Levant"): a chunk starting where one starts runs
	// to its end
	dictEnd := map[int]int{}
	for _, m := range d.x.dict.Find(st.text) {
		dictEnd[st.start+m.Start] = st.start + m.End
	}
	for i := 0; i < n; {
		t := &toks[i]
		start := i
		if !nameToken(t) {
			// a lower-case Arabic article starting a name: "al-Shabaab"
			if arabicArticle(t.Lower) && i+2 < n && toks[i+1].Text == "-" && nameToken(&toks[i+2]) && !(i > 0 && notNames[toks[i-1].Lower]) {
				// fall through with start = i (not "Eid al-Fitr": a festival)
			} else if givenFestival(toks, i) {
				// "Eid al-Fayez": the festival's word is also a given name
			} else {
				i++
				continue
			}
		}
		j := i + 1
		for j < n {
			tj := &toks[j]
			switch {
			case shoutedAfterName(toks, j):
				// "a man from Illinois OPENED FIRE": words in capitals for
				// emphasis after a name are not part of it
			case j > start && dateAt(st, j):
				// "in south Beirut Jan. 2": a date after the name
			case nameToken(tj) && tj.Text != "I":
				j++
				continue
			case tj.Is("\"", "“") && j > start && j+3 < n && nameToken(&toks[j+1]) && toks[j+2].Is("\"", "”") && !toks[j+2].Space && nameToken(&toks[j+3]) &&
				d.x.lex.GivenNames[toks[start].Lower]:
				// `Charles Lee "Cookie" Thornton`: a nickname in quotation
				// marks inside a person's name
				j += 3
				continue
			case tj.Text == "(" && j+2 < n && nameToken(&toks[j+1]) && toks[j+2].Text == ")" && d.dictNames(text.Join(d.body, toks, start, j+3)):
				// "CPI (Maoist)": a name whose bracketed part the
				// dictionary holds with it
				j += 3
				continue
			case rankMark(toks, j, n) && j+3 < n && nameToken(&toks[j+3]):
				// "Captain (retd) Zohaib Mohsin": a rank's mark inside
				// the title before the name
				j += 3
				continue
			case (tj.Text == "'" || tj.Text == "’") && !tj.Space && j+1 < n && toks[j+1].Space && nameToken(&toks[j+1]) && j > start:
				// "Mohammed Shia' Al Sudani": an ayn written as an apostrophe
				j++
				continue
			case (tj.Text == "'s" || tj.Text == "’s" || tj.Text == "'" && j > start && strings.HasSuffix(toks[j-1].Lower, "s")) && !tj.Space && j+1 < n && nameToken(&toks[j+1]) && d.orgAfterPossessive(toks, start, j+1):
				// "Lord's Resistance Army", "People's Liberation Army",
				// "Kurdistan Workers' Party": a possessive inside the name of
				// an organisation
				j++
				continue
			case tj.Text == "." && !tj.Space && len(toks[j-1].Text) == 1 && toks[j-1].Cap() && j+1 < n && toks[j+1].Space && nameToken(&toks[j+1]):
				// an initial: "P. Chidambaram", "George W. Bush"
				j++
				continue
			case tj.Text == "I" && j+1 < n && nameToken(&toks[j+1]) && j > start: // regnal numeral: "Louis Raphaël I Sako"
				j++
				continue
			case tj.Text == "-" && !tj.Space && j+1 < n && !toks[j+1].Space && (nameToken(&toks[j+1]) || toks[j+1].Kind == text.Number && j+2 < n && false):
				j++
				continue
			case tj.Text == "-" && !tj.Space && j+1 < n && !toks[j+1].Space && (arabicArticle(toks[j+1].Lower) || izafat(toks[j+1].Lower)) && j+3 < n && toks[j+2].Text == "-" && nameToken(&toks[j+3]):
				// "Lashkar-e-Jhangvi", "Tehrik-i-Taliban", "Abd-al-Rahman"
				j += 2
				continue
			case tj.Text == "-" && !tj.Space && j+3 < n && !toks[j+1].Space && hyphenParticles[toks[j+1].Lower] && toks[j+2].Text == "-" && !toks[j+2].Space &&
				toks[j+3].Kind == text.Word && toks[j+3].Cap():
				// "Villiers-le-Bel", "Stratford-upon-Avon", "Port-au-Prince"
				// (whose last part may be a word that alone is no name)
				j += 4
				continue
			case particles[tj.Lower] && tj.Kind == text.Word && !tj.Cap() && j+1 < n &&
				(nameToken(&toks[j+1]) || toks[j+1].Text == "-" && j+2 < n && nameToken(&toks[j+2]) || particles[toks[j+1].Lower] && j+2 < n && nameToken(&toks[j+2])):
				j++
				continue
			case tj.Lower == "of" && j+1 < n && (nameToken(&toks[j+1]) || toks[j+1].Lower == "the" && j+2 < n && nameToken(&toks[j+2])):
				if toks[j+1].Lower == "the" {
					j += 2
				} else {
					j++
				}
				continue
			case tj.Lower == "to" && j > start && toks[j-1].Is("ambassador", "envoy", "Ambassador", "Envoy") && j+1 < n && nameToken(&toks[j+1]):
				// "U.S. Ambassador to Israel NAME": the role runs on
				j++
				continue
			case tj.Lower == "and" && j > start && d.andInOrgName(toks, start, j):
				// "X Fire and Rescue Service": one body
				j++
				continue
			case tj.Lower == "for" && j+2 < n && (nameToken(&toks[j+1]) && nameToken(&toks[j+2]) || toks[j+1].Lower == "the" && j+3 < n && nameToken(&toks[j+2]) && (nameToken(&toks[j+3]) || toks[j+3].Lower == "of")):
				// "Syrian Observatory for Human Rights", "Movement for the Liberation of Ahwaz"
				j++
				if toks[j].Lower == "the" {
					j++
				}
				continue
			}
			break
		}
		for k := start; k < j; k++ {
			if e, ok := dictEnd[toks[k].Start]; ok && e > toks[j-1].End {
				for j < n && toks[j].End <= e {
					j++
				}
				break
			}
		}
		// "Islamic State – Khorasan Province": a dash inside a known name
		if j+1 < n && (toks[j].Text == "–" || toks[j].Text == "—") && nameToken(&toks[j+1]) {
			e := j + 1
			for e < n && nameToken(&toks[e]) {
				e++
			}
			if _, ok := d.x.dict.Lookup(text.Join(d.body, toks, start, e)); ok {
				j = e
			} else if head, ok := d.x.dict.Lookup(text.Join(d.body, toks, start, j)); ok {
				// "Islamic State of Iraq and the Levant – Khorasan Province": the
				// branch under another name of its parent
				if _, ok := d.x.dict.Lookup(head.Name + " – " + text.Join(d.body, toks, j+1, e)); ok {
					j = e
				}
			}
		}
		// trim trailing connectors
		for j > start+1 && (toks[j-1].Lower == "of" || toks[j-1].Lower == "the" || toks[j-1].Text == "-" || particles[toks[j-1].Lower] && !toks[j-1].Cap()) {
			j--
		}
		out = append(out, d.classifyChunk(st, start, j)...)
		i = j
	}
	// adjectives of countries in lower-case-led phrases ("pro-Iranian") are
	// chunked above already; "Iran-backed" gives the mention "Iran".
	for _, m := range out {
		if agedPerson(toks, m) {
			// "Isaías Carrasco, 42, was shot": a name with an age is a person
			m.kind, m.entry, m.confident, m.place, m.country = dossier.KindPerson, nil, true, nil, ""
		}
	}
	return out
}

// andInOrgName says whether the "and" at token j joins two halves of one
// organisation's name: the names after it end in an organisation's head
// word ("Fire and Rescue Service", "Health and Human Services") and the
// words before it, from start, are no name of their own (not "GROUP and
// the Red Crescent Society", not "COUNTRY and X Regional Government").
func (d *docState) andInOrgName(toks []text.Token, start, j int) bool {
	e := j + 1
	for e < len(toks) && nameToken(&toks[e]) {
		e++
	}
	if e == j+1 || e-start > 8 {
		return false
	}
	if n, _ := d.x.lex.OrgWords.MatchAt(toks[:e], e-1); n == 0 {
		return false
	}
	left := text.Join(d.body, toks, start, j)
	if _, ok := d.x.gaz.Country(left); ok {
		return false
	}
	if _, ok := d.x.dict.Lookup(left); ok || len(d.x.gaz.Lookup(left)) > 0 && j-start == 1 {
		return false
	}
	for k := start; k < j; k++ {
		if n, _ := d.x.lex.OrgWords.MatchAt(toks[:k+1], k); n > 0 {
			return false // the left half is a body of its own: "the Interior Ministry and the Defence Ministry"
		}
	}
	return true
}

// agedPerson says whether a name of two to four words is followed by an
// age in commas ("Kenji Nagai, 50, a Japanese video journalist"), the way
// news writes a person's age, and is not a name known to be something
// else (a place, a state).
func agedPerson(toks []text.Token, m *mention) bool {
	if m.kind == dossier.KindPerson || m.kind == kindPlace && m.place != nil && m.place.Population > 0 || m.kind == dossier.KindState || m.demonym {
		return false
	}
	if m.j-m.i < 2 || m.j-m.i > 4 || m.j+2 >= len(toks) || toks[m.j].Text != "," || toks[m.j+2].Text != "," {
		return false
	}
	age, err := strconv.Atoi(toks[m.j+1].Text)
	return err == nil && age >= 1 && age <= 110
}

// classifyChunk splits a chunk at role words and classifies the parts.
func (d *docState) classifyChunk(st *sent, i, j int) []*mention {
	toks := st.toks
	// Leading function words and "The".
	for i < j && (functionWords[toks[i].Lower] && (i == 0 || toks[i].Lower == "the" || !toks[i].Cap() || i == firstWord(st) || afterDateline(toks, i))) {
		if i+1 < j || i == 0 {
			i++
			continue
		}
		break
	}
	// "Officer-in-Charge NAME": a word joined by a hyphen to the word
	// before it ends that compound (a title), it opens no name
	for i < j && i >= 2 && (toks[i].Text == "-" || toks[i-1].Text == "-" && !toks[i-1].Space && !toks[i].Space && toks[i-2].Kind == text.Word && !toks[i-2].Cap()) {
		i++
	}
	if i >= j {
		return nil
	}
	// "Islamist al-Shabaab", "Sunni Hamas": an adjective of religion or
	// politics before a name the dictionary knows qualifies it; the name
	// is the dictionary's
	// (not a word that also opens names: "Republican Sinn Féin", "Islamic
	// Jihad" are other groups than "Sinn Féin" and "Jihad")
	for i+1 < j && toks[i].Is("islamist", "jihadist", "sunni", "shia", "shi'a", "shiite", "shi'ite", "salafi", "salafist", "wahhabi") {
		if _, ok := d.dictLookup(text.Join(d.body, toks, i+1, j)); !ok {
			break
		}
		i++
	}
	// "Bomb attack on police in SE Turkey", "NE Nigeria": a bearing
	// written short before a country is its part, as "southeastern
	// Turkey" is
	if i+1 < j && (toks[i].Text == "NE" || toks[i].Text == "NW" || toks[i].Text == "SE" || toks[i].Text == "SW") {
		if _, ok := d.x.gaz.Country(text.Join(d.body, toks, i+1, j)); ok {
			i++
		}
	}
	// "Minister for Information and Broadcasting NAME": the rest of a
	// portfolio after "and" ends the role, not a name's first word
	for i+1 < j && i >= 2 && toks[i-1].Lower == "and" && portfolioWords[toks[i].Lower] && toks[i].Cap() && portfolioWords[toks[i-2].Lower] {
		i++
	}
	// "Residents of X said", "Officials of the party": a plural noun
	// of people, capitalised only because it opens the sentence, is no
	// name; what follows "of" may be one
	if j-i >= 3 && toks[i+1].Lower == "of" && (i == firstWord(st) || afterDateline(toks, i)) && d.peopleNoun(toks, i) {
		return d.classifyChunk(st, i+2, j)
	}
	// "in City of Kirkwood, Missouri": the name after "City of"
	if j-i >= 3 && toks[i].Is("city", "town", "village", "municipality") && toks[i].Cap() && toks[i+1].Lower == "of" &&
		len(d.x.gaz.Lookup(text.Join(d.body, toks, i, j))) == 0 {
		i += 2
	}
	// "Patrick Crusius of Allen": a person's name does not run on into "of"
	for k := i + 2; k < j-1; k++ {
		// (or any name of two words before "of" and a body after it: "Gen.
		// Bassam Abdel Majid of Syria's Interior Ministry")
		// ("FIRST LAST of Kandi police": a name of two words, "of" and
		// a place whose body follows in lower case)
		ofBody := k-i == 2 && j < len(toks) && toks[j].Is("police", "hospital", "district", "province", "university", "municipality", "council") && !toks[j].Cap()
		// ("Sister Jane Smith of Kandi's order", "Maj. Jane Smith of the
		// Kandi police": a person's name of two words after a title, and
		// a possessor or a body after "of")
		hon, _ := d.x.lex.Honorifics.MatchAt(toks[:j], i)
		titled := (k-i == 2 && d.titleBefore(toks, i) || hon > 0 && k-(i+hon) == 2) &&
			(j < len(toks) && toks[j].Is("'s", "’s") || toks[k+1].Lower == "the")
		if toks[k].Lower == "of" && (d.x.lex.GivenNames[toks[i].Lower] || ofBody || titled || d.bodyAt(toks, k+1, j) && !d.bodyAt(toks, i, k) && !polityWords(toks, i, k)) && !d.isKnownName(st, i, j) {
			return append(d.classifyChunk(st, i, k), d.classify(st, k+1, j, "")...)
		}
	}
	// "the Eastern Province of Sri Lanka", "Bani Qa'is District of Hajjah
	// Governorate": a place of a country or of a province is two places,
	// the larger saying which of its name the smaller is (not "Republic of
	// Iraq", "Islamic State of Iraq": names the gazetteer or the
	// dictionary knows whole)
	for k := i + 1; k < j-1; k++ {
		if toks[k].Lower != "of" {
			continue
		}
		tail := k + 1
		if tail < j-1 && toks[tail].Lower == "the" {
			tail++
		}
		if d.largerPlace(st, i, k, tail, j) && !d.isKnownName(st, i, j) && len(d.x.gaz.Lookup(text.Join(d.body, toks, i, j))) == 0 {
			return append(d.classifyChunk(st, i, k), d.classify(st, tail, j, "")...)
		}
		break
	}
	// Split at a role or honorific written in capitals: "Prime Minister of
	// Iraq NAME Al-NAME", "PMF Chairman NAME al-NAME"; not a
	// town named so, where the text puts the act ("in General Santos",
	// "in Prince Albert")
	lx := d.x.lex
	split := true
	if last := toks[j-1].Lower; j-i >= 2 && (facilityWords[last] || last == "university" || last == "college" || last == "institute" || last == "foundation") {
		// "King Abdulaziz University", "the President Hotel": a site or a
		// body named after a person or a title
		split = false
	}
	if locativeBefore(toks, i) {
		for _, p := range d.x.gaz.Lookup(text.Join(d.body, toks, i, j)) {
			if p.Population >= 20000 {
				split = false
				break
			}
		}
		// "in Sheikh Zuweid, Egypt", "in Sheikh Maqsood, Aleppo": a
		// place the gazetteer lacks, written with its country or city
		if _, ok := d.countryAfter(st, j); ok || j+1 < len(toks) && toks[j].Text == "," && d.placeAhead(st, j+1, 2) {
			split = false
		}
	}
	for k := i; k < j && split; k++ {
		if k > i && toks[k-1].Text == "-" && !toks[k].Space {
			continue // "Port-au-Prince": a word of a hyphenated name, no title
		}
		n, _ := lx.Roles.MatchAt(toks[:j], k)
		if n == 0 {
			if m, _ := lx.Honorifics.MatchAt(toks[:j], k); m > 0 {
				n = m
				if k > i && k+m < j && lx.GivenNames[toks[k-1].Lower] {
					// "GIVEN Sheikh NAME": a
					// title word inside a name after its given name is a
					// part of the name
					continue
				}
			}
		}
		if n == 0 {
			continue
		}
		// "Police Chief Constable Hugh Orde": a role, then a rank;
		// "Captain (retd) NAME": a rank's mark after it
		for n < j-k {
			if rankMark(toks, k+n, j) {
				n += 3
				continue
			}
			m, _ := lx.Honorifics.MatchAt(toks[:j], k+n)
			if m == 0 {
				break
			}
			n += m
		}
		// A role word at the end of an organisation's name is part of it
		// ("Supreme Leader" is a role, but "Leader" closing "Supreme Council
		// Leader"?) — keep it simple: a role inside a chunk splits it.
		// "Tourism Minister NAME": the portfolio before the role
		// is part of it, not a name of its own
		for k > i && portfolioWords[toks[k-1].Lower] && toks[k-1].Cap() {
			k--
			n++
		}
		if r := k + n; r+1 < j && (toks[r].Lower == "'s" || toks[r].Lower == "’s") {
			// "the Attorney General's Office", "the Prime Minister's
			// Office": a role's possessive opens the name of a body
			return d.classify(st, i, j, "")
		}
		// "SSP Operations Captain (retd) NAME": an office's portfolio,
		// then a rank, all before the name
		for q := k + n; q < j-1 && q <= k+n+2; q++ {
			if !toks[q].Cap() || toks[q].Kind != text.Word || lx.GivenNames[toks[q].Lower] {
				break
			}
			if m, _ := lx.Honorifics.MatchAt(toks[:j], q); m > 0 && q > k+n && q+m < j {
				n = q + m - k
				if rankMark(toks, k+n, j) {
					n += 3
				}
				break
			}
		}
		role := text.Join(d.body, toks, k, k+n)
		var out []*mention
		if k > i {
			out = append(out, d.classify(st, i, k, "")...)
		}
		r := k + n
		if r < j && (toks[r].Is("of", "for") || toks[r].Lower == "to" && toks[r-1].Is("ambassador", "envoy")) {
			// "President of the Republic of Iraq", "State Minister for
			// Regional Affairs": the organisation or portfolio follows;
			// what is left after it is the holder's name.
			r++
			if r < j && toks[r].Lower == "the" {
				r++
			}
			e := d.longestKnown(st, r, j)
			if e == r {
				// "Minister of Information Tariq Azim Khan": a ministry's
				// portfolio, then the holder's name
				p := r
				for p < j && (portfolioWords[toks[p].Lower] || p > r && toks[p].Is("Affairs", "and")) {
					p++
				}
				if p > r && j-p >= 2 {
					return append(out, d.classify(st, p, j, role)...)
				}
			}
			if e == r {
				// "Patriarch of the Chaldean Catholics", "Minister of Foreign
				// Affairs": all of it names what the role is of
				return append(out, d.classify(st, r, j, "")...)
			}
			out = append(out, d.classify(st, r, e, "")...)
			r = e
		}
		if r < j {
			// "Governor PROVINCE NAME", "District Police Officer
			// TOWN": the place of the office, as South Asian reports
			// write it, then its holder or nobody
			for e := min(j, r+3); e > r; e-- {
				pn := text.Join(d.body, toks, r, e)
				// ("Deputy Commissioner Lahore NAME": a city as well)
				if e < j && j-e >= 2 && (len(d.x.gaz.Admin1(pn)) > 0 || !lx.GivenNames[toks[r].Lower] &&
					slices.ContainsFunc(d.x.gaz.Lookup(pn), func(p gazetteer.Place) bool { return p.Population >= 100000 })) {
					out = append(out, d.classify(st, r, e, "")...)
					r = e
					break
				}
				if e == j && officeTitles[toks[r-1].Lower] && !lx.GivenNames[toks[r].Lower] &&
					(len(d.x.gaz.Admin1(pn)) > 0 || slices.ContainsFunc(d.x.gaz.Lookup(pn), func(p gazetteer.Place) bool { return p.Population >= 50000 })) {
					return append(out, d.classify(st, r, j, "")...)
				}
			}
			if compassWord(toks[j-1].Lower) && !lx.GivenNames[toks[r].Lower] {
				// "SP Imphal East": a district's name, not a person's
				return append(out, d.classify(st, r, j, "")...)
			}
			ms := d.classify(st, r, j, role)
			for _, m := range ms {
				if m.kind == "" || m.kind == dossier.KindPerson {
					m.kind = dossier.KindPerson
					m.role = role
				}
			}
			out = append(out, ms...)
		}
		return out
	}
	return d.classify(st, i, j, "")
}

// officeTitles end the title of an office that South Asian reports name
// by its place: "District Police Officer TOWN", "SP TOWN",
// "Deputy Commissioner TOWN".
var officeTitles = map[string]bool{"officer": true, "commissioner": true, "superintendent": true, "sp": true, "ssp": true,
	"dpo": true, "dig": true, "ig": true, "igp": true, "dc": true, "collector": true, "magistrate": true, "inspector": true}

// peopleNoun says whether toks[i] is a plural common noun of people: a
// target lexicon's people noun ("residents", "villagers") or a speaker
// noun of many ("officials", "witnesses").
func (d *docState) peopleNoun(toks []text.Token, i int) bool {
	if crowdNouns[toks[i].Lower] {
		return true
	}
	n, kind := d.x.lex.Targets.MatchAt(toks[:i+1], i)
	return n == 1 && kind == "people"
}

// largerPlace says whether toks[t:j] names a place that holds the
// division toks[i:k]: a country holding a place the gazetteer knows or a
// division ("the Eastern Province of Sri Lanka"), a province holding a
// division ("Bani Qa'is District of Hajjah Governorate"). A site of a
// city ("the Green Zone of CITY") stays one name.
func (d *docState) largerPlace(st *sent, i, k, t, j int) bool {
	head := text.Join(d.body, st.toks, i, k)
	// (a zone the gazetteer knows is a site of the city after it: "the
	// Green Zone of Baghdad")
	division := k-i >= 2 && (divisionWords[st.toks[k-1].Lower] && !st.toks[k-1].Is("agency", "zone") || st.toks[k-1].Is("state", "parish", "canton", "emirate") ||
		st.toks[k-1].Lower == "zone" && len(d.x.gaz.Lookup(head)) == 0 ||
		k-i >= 3 && st.toks[k-2].Lower == "local" && st.toks[k-1].Lower == "government" ||
		k-i >= 4 && st.toks[k-3].Lower == "local" && st.toks[k-2].Lower == "government" && st.toks[k-1].Lower == "area")
	n := text.Join(d.body, st.toks, t, j)
	if c, ok := d.x.gaz.Country(n); ok {
		return !isDemonymOf(c, n) && (division || len(d.x.gaz.Lookup(head)) > 0 || len(d.x.gaz.Admin1(head)) > 0)
	}
	return division && len(d.x.gaz.Admin1(n)) > 0
}

// firstWord is the index of the first word token of a sentence.
func firstWord(st *sent) int {
	for i, t := range st.toks {
		if t.Kind == text.Word {
			return i
		}
	}
	return 0
}

// longestKnown returns the end of the longest prefix of toks[i:j] that is a
// known actor or country.
func (d *docState) longestKnown(st *sent, i, j int) int {
	for e := j; e > i; e-- {
		s := text.Join(d.body, st.toks, i, e)
		if _, ok := d.x.dict.Lookup(s); ok {
			return e
		}
		if _, ok := d.x.gaz.Country(s); ok {
			return e
		}
		if d.knownActor(s) != nil {
			return e
		}
	}
	// an organisation name ending in a head word
	for e := j; e > i; e-- {
		if _, ok := d.x.lex.OrgWords.MatchAt(st.toks[:e], e-1); ok != "" {
			return e
		}
	}
	return i
}

// classify decides what toks[i:j] names.
func (d *docState) classify(st *sent, i, j int, role string) []*mention {
	toks := st.toks
	for i < j && toks[i].Lower == "the" {
		i++
	}
	// "Deputy Inspector-General (DIG) of police NAME": what a role leaves
	// of a hyphenated title is the title's, no name
	for i < j && role != "" && (toks[i].Text == "-" || i >= 1 && toks[i-1].Text == "-" && !toks[i-1].Space && !toks[i].Space) {
		i++
	}
	if i >= j {
		return nil
	}
	m := &mention{st: st, i: i, j: j, start: toks[i].Start, end: toks[j-1].End, role: role}
	m.surface = string(d.body[m.start:m.end])
	first := toks[i].Lower
	single := j-i == 1
	// (or the first after a dateline or a heading's colon or dash: "ADEN:
	// An air strike", "KABUL (Reuters) - The")
	atStart := i == firstWord(st) || afterDateline(toks, i) && toks[i].Cap()
	if single && d.x.lex.Adjectives[first] {
		return nil // "Shi'ite leaders": an adjective, not a name
	}

	// "Haji Janan", "Alhaji NAME": a name after a person's honorific is
	// the person's, even where a gazetteer knows the word as a town (an
	// honorific in capitals is not one: "DR Congo")
	if _, known := d.dictLookup(m.surface); role != "" && !isAcronym(role) && !facilityWords[toks[j-1].Lower] && !known {
		if rt := text.Tokenize(role, 0); len(rt) > 0 {
			if n, _ := d.x.lex.Honorifics.MatchAt(rt, 0); n == len(rt) {
				m.kind = dossier.KindPerson
				m.confident = true
				return []*mention{m}
			}
		}
	}
	// a country's adjective ("Israeli", "Iranian") before the dictionary,
	// which may list it as another name of the state
	if c, ok := d.x.gaz.Country(m.surface); ok && isDemonym(c, m.surface) {
		m.country = c.Name
		m.demonym = true
		return []*mention{m}
	}
	// "the Syria-Iraq border": two countries
	if !single {
		for k := i + 1; k < j-1; k++ {
			if toks[k].Text == "-" {
				_, okL := d.x.gaz.Country(text.Join(d.body, toks, i, k))
				_, okR := d.x.gaz.Country(text.Join(d.body, toks, k+1, j))
				if okL && okR {
					return append(d.classify(st, i, k, ""), d.classify(st, k+1, j, "")...)
				}
			}
		}
	}
	// "Kagara in Niger state": a first-level division named like a
	// country, with its division word after it, is the division
	if _, ok := d.x.gaz.Country(m.surface); ok {
		if as := d.divisionNamedLikeCountry(toks, i, j); len(as) > 0 {
			p := as[0]
			m.kind, m.place, m.country = kindPlace, &p, p.Country
			return []*mention{m}
		}
	}
	// countries and their adjectives
	if c, ok := d.x.gaz.Country(m.surface); ok {
		m.country = c.Name
		if isDemonym(c, m.surface) {
			m.demonym = true
			// "Iranian Supreme Leader": an adjective; a following name is split off by roles.
			return []*mention{m}
		}
		m.kind = dossier.KindState
		m.confident = true
		return []*mention{m}
	}
	// "Central Somalia", "Northern Mali": a part of a country named by its
	// bearing says the country, not a place (a country so named, "South
	// Sudan", "Northern Ireland", was found above)
	if j-i >= 2 && (compassWord(first) || toks[i].Is("central", "northern", "southern", "eastern", "western")) {
		if c, ok := d.x.gaz.Country(text.Join(d.body, toks, i+1, j)); ok && !isDemonym(c, text.Join(d.body, toks, i+1, j)) {
			m.country = c.Name
			return []*mention{m}
		}
	}
	// a well-known place where a place is expected ("in El Paso"), or a
	// city too large to be anything else; never a function word opening
	// its sentence ("An explosion", after a quotation mark too: "An" is
	// also another name of a Chinese city)
	if p, ok := d.strongPlace(st, i, j); ok && !(single && atStart && functionWords[first]) {
		m.kind = kindPlace
		m.place = &p
		m.country = p.Country
		return []*mention{m}
	}
	// the dictionary of known actors
	e, ok := d.dictLookup(m.surface)
	if ok && !(single && atStart && functionWords[first]) {
		m.entry = e
		m.kind = e.Kind
		m.confident = true
		if e.Kind == dossier.KindState {
			if c, ok := d.x.gaz.Country(m.surface); ok {
				m.country = c.Name
			} else if c, ok := d.x.gaz.Country(e.Name); ok {
				m.country = c.Name
			}
		}
		return []*mention{m}
	}
	// a demonym at the front of a longer name: "Iraqi National Intelligence
	// Service" keeps it; "Iraqi warlord" never gets here (lower case).
	last := toks[j-1].Lower
	// "the Green Zone of CITY": a site of a city
	if j-i >= 3 {
		for k := i + 1; k < j-1; k++ {
			if toks[k].Lower == "of" && facilityWords[toks[k-1].Lower] {
				if ps := d.x.gaz.Lookup(text.Join(d.body, toks, k+1, j)); len(ps) > 0 && ps[0].Population >= 1000 {
					p := d.bestPlace(ps, st, j)
					m.kind = kindFacility
					m.place = &p
					m.placeName = text.Join(d.body, toks, k+1, j)
					m.country = p.Country
					return []*mention{m}
				}
			}
		}
	}
	// "Gov. Humberto Plaza", "Dr Jane Church": after a person's
	// abbreviated title, a name ending in a word for a site is a person's
	if facilityWords[last] && j-i >= 2 && j-i <= 3 && abbreviatedTitleBefore(toks, i) {
		m.kind = dossier.KindPerson
		m.confident = true
		return []*mention{m}
	}
	if facilityWords[last] && j-i >= 2 && divisionWords[last] {
		// "the Hangu District of north-west Pakistan": a division first
		// (not Hangu, Tianjin, read as the district's city)
		if p, ok := d.divisionPlace(st, i, j); ok {
			m.kind, m.place, m.country = kindPlace, &p, p.Country
			return []*mention{m}
		}
	}
	if facilityWords[last] && j-i >= 2 {
		m.kind = kindFacility
		// a city at its front: "CITY International Airport"
		for e := j - 1; e > i; e-- {
			if ps := d.x.gaz.Lookup(text.Join(d.body, toks, i, e)); len(ps) > 0 && (ps[0].Population >= 100000 || ps[0].Country == d.mainCtry && ps[0].Population >= 1000 ||
				ps[0].Population >= 20000 && slices.Contains(d.countriesNamed(st.text), ps[0].Country)) {
				// (a town of some size when its sentence names its country:
				// "the MINUSMA base in Timbuktu Airport" of the Mission in
				// Mali; not "Most" of "Most Holy Redeemer Church")
				p := ps[0]
				m.place = &p
				m.placeName = text.Join(d.body, toks, i, e)
				m.country = p.Country
				break
			}
		}
		// "a suicide attack at Bagram Air Base, Afghanistan": a site the
		// gazetteer cannot place, written with its country, is a place of
		// that country
		if m.place == nil && locativeBefore(toks, i) {
			if c, ok := d.countryAfter(st, j); ok {
				p := countryPlace(c)
				m.place, m.placeName, m.country = &p, m.surface, c.Name
			}
		}
		return []*mention{m}
	}
	if eventHeads[last] {
		return nil // "the Arab–Israeli War", "the 2021 Iraqi election": events, not actors
	}
	// "in Gopalganj District, Bangladesh", "Barsalogho Department, Burkina
	// Faso", "Bajaur Agency, FATA": an administrative division by its name
	// and its kind (not "the Police Department", "the State Department")
	if p, ok := d.divisionPlace(st, i, j); ok {
		m.kind = kindPlace
		m.place = &p
		m.country = p.Country
		return []*mention{m}
	}
	if kind, ok := d.orgKind(toks, i, j); ok {
		m.kind = kind
		m.confident = true
		return []*mention{m}
	}
	// "the Saairun alliance", "the Mahdi Army militia": a lower-case head
	// word after the name says what it names
	if j < len(toks) && toks[j].Kind == text.Word && !toks[j].Cap() && !functionWords[first] {
		if n, kind := d.x.lex.OrgWords.MatchAt(toks, j); n == 1 && lowerHeads[toks[j].Lower] {
			m.kind = kind
			m.confident = true
			return []*mention{m}
		}
	}
	// a known actor of this document by a shorter or longer name
	if a := d.knownActor(m.surface); a != nil {
		m.kind = a.kind
		m.actor = a
		return []*mention{m}
	}
	// "in PROVINCE's Kurram district": a second-level division the
	// gazetteer knows, before a place it does not
	if districtCue(toks, j) {
		if p, ok := d.placeFor(st, i, j); ok && p.Feature == "ADM2" {
			m.kind = kindPlace
			m.place = &p
			m.country = p.Country
			return []*mention{m}
		}
	}
	// a place the gazetteer does not know, written where a place is
	// expected and followed by its country: "in Tilwa, Ouallam Department,
	// Niger", "the village of Adab-Dab, Niger"
	if p, ok := d.unknownPlace(st, i, j); ok {
		m.kind = kindPlace
		m.place = &p
		m.country = p.Country
		return []*mention{m}
	}
	// "the NAME newspaper reported": the noun after a
	// name says it is a paper
	if role == "" && j < len(toks) && !toks[j].Cap() && toks[j].Is("newspaper", "daily", "weekly", "magazine", "broadcaster", "tabloid", "website") {
		m.kind = dossier.KindMedia
		return []*mention{m}
	}
	// person names
	if d.looksLikePerson(st, i, j, role) {
		m.kind = dossier.KindPerson
		m.confident = role != "" || d.x.lex.GivenNames[first] || hasArabicNameShape(toks, i, j)
		return []*mention{m}
	}
	// places (not a function word opening its sentence, as above)
	if p, ok := d.placeFor(st, i, j); ok && !(single && atStart && functionWords[first]) {
		m.kind = kindPlace
		m.place = &p
		m.country = p.Country
		return []*mention{m}
	}
	if single && (atStart || functionWords[first]) && !(atStart && !functionWords[first] && (d.agentCueAt(st, j) || surnameSpeaks(toks, j, first))) {
		return nil // "Jundallah claimed responsibility" and "Kasuri said" are kept: the cue says it is an actor
	}
	return []*mention{m} // unknown kind: may still be resolved later
}

func isDemonym(c gazetteer.Country, s string) bool {
	for _, dm := range c.Demonyms {
		// "Iraqi", and the people: "Iraqis", "Americans"
		if strings.EqualFold(dm, s) || strings.EqualFold(dm+"s", s) {
			return true
		}
	}
	return false
}

// orgAfterPossessive says whether the capitalised run from token k ends in
// an organisation's head word ("Resistance Army"), so that a possessive
// before it belongs to the name.
func (d *docState) orgAfterPossessive(toks []text.Token, start, k int) bool {
	owner := text.Join(d.body, toks, start, k-1)
	if _, ok := d.x.gaz.Country(owner); ok {
		return false // "Iran's Islamic Revolutionary Guard Corps": the state's
	}
	if _, ok := d.x.dict.Lookup(owner); ok {
		return false
	}
	if ps := d.x.gaz.Lookup(owner); len(ps) > 0 {
		return false // "Baghdad's Popular Mobilization Committee"
	}
	e := k
	for e < len(toks) && nameToken(&toks[e]) {
		e++
	}
	_, ok := d.orgKind(toks, start, e)
	return ok && e-k >= 1
}

// orgKind reads the kind of an organisation from the last word of its name
// ("Mahdi Army", "Atlantic Council", "Iraqi National Intelligence Service").
func (d *docState) orgKind(toks []text.Token, i, j int) (string, bool) {
	if j-i < 2 {
		return "", false
	}
	for k := i + 1; k < j; k++ {
		n, kind := d.x.lex.OrgWords.MatchAt(toks[:j], k)
		if n > 0 && k+n == j {
			return kind, true
		}
	}
	// "Council of Representatives of Iraq", "Popular Army for the
	// Restoration of X": the head word is before "of" or "for".
	for k := i + 1; k < j; k++ {
		if toks[k].Is("of", "for") {
			n, kind := d.x.lex.OrgWords.MatchAt(toks[:k], k-1)
			if n > 0 {
				return kind, true
			}
			break
		}
	}
	return "", false
}

func hasArabicNameShape(toks []text.Token, i, j int) bool {
	if j-i < 2 {
		return false
	}
	for k := i; k < j; k++ {
		switch toks[k].Lower {
		case "al", "el", "bin", "ibn", "abu", "abd", "abdul", "abdel", "bint", "ould":
			return true
		}
	}
	return false
}

// looksLikePerson judges whether toks[i:j] is a person's name.
func (d *docState) looksLikePerson(st *sent, i, j int, role string) bool {
	toks := st.toks
	n := 0 // words: a nickname's quotation marks are not
	for k := i; k < j; k++ {
		if toks[k].Kind == text.Word {
			n++
		}
	}
	if n > 5 {
		return false
	}
	for k := i; k < j; k++ {
		if toks[k].AllCaps() && len(toks[k].Text) > 1 {
			return false // acronyms are not personal names
		}
	}
	if n >= 2 && compassWord(toks[j-1].Lower) && !d.x.lex.GivenNames[toks[i].Lower] {
		return false // "Imphal East", "Kandi West": a district's name (not "Oliver North")
	}
	if role != "" {
		return true
	}
	if n >= 2 && (d.x.lex.GivenNames[toks[i].Lower] || hasArabicNameShape(toks, i, j)) {
		return true
	}
	if n < 2 {
		return false
	}
	// "a planned visit of Pakistan's foreign minister Khurshid Mahmud
	// Kasuri": a role written in lower case right before the name
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].Cap() {
			break
		}
		if m, _ := d.x.lex.Roles.MatchAt(toks[:i], k); m == i-k {
			return true
		}
	}
	// context: a speech verb or an apposition right after, or a definition
	after := j
	for after < len(toks) && toks[after].Text == "," {
		after++
	}
	if after < len(toks) {
		if k, _ := d.x.lex.Speech.MatchAt(toks, after); k > 0 {
			return true
		}
		if toks[after].Is("who", "a", "an", "is", "was") && j < len(toks) && toks[j].Text == "," {
			return true
		}
	}
	return false
}

// bodyAt says whether toks[i:j] names a state or an organisation: a
// country, a country's possessive ("Syria's Interior Ministry"), or a name
// the words of organisations end.
func (d *docState) bodyAt(toks []text.Token, i, j int) bool {
	if i >= j {
		return false
	}
	if _, ok := d.x.gaz.Country(toks[i].Text); ok && (j == i+1 || toks[i+1].Text == "'s" || toks[i+1].Text == "’s") {
		return true
	}
	_, ok := d.orgKind(toks, i, j)
	return ok
}

// abbreviatedTitleBefore says whether a person's title written short
// ("Gov.", "Dr", "Col."; not "St." of a saint's church) ends right before
// token i.
func abbreviatedTitleBefore(toks []text.Token, i int) bool {
	if i > 0 && toks[i-1].Text == "." {
		i--
	}
	return i > 0 && abbreviation(toks[i-1]) && !toks[i-1].Is("st") && !isAcronym(toks[i-1].Text) // (not "DR Congo")
}

// titleBefore says whether a role or an honorific ends right before token
// i: "Sister", "Maj.", "police spokesman".
func (d *docState) titleBefore(toks []text.Token, i int) bool {
	if i > 0 && toks[i-1].Text == "." {
		i-- // "Maj."
	}
	for k := max(0, i-3); k < i; k++ {
		if n, _ := d.x.lex.Roles.MatchAt(toks[:i], k); n == i-k {
			return true
		}
		if n, _ := d.x.lex.Honorifics.MatchAt(toks[:i], k); n == i-k {
			return true
		}
	}
	return false
}

// polityWords says whether toks[i:j] holds a word that names a polity or
// a body ("Hashemite Kingdom of Iraq", "Council of Representatives of
// Iraq"): such a name runs on into "of".
func polityWords(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Is("kingdom", "republic", "council", "emirate", "sultanate", "federation", "state", "states", "union", "assembly",
			"parliament", "court", "ministry", "army", "party", "front", "movement", "committee", "commission", "bank", "university",
			"church", "department", "office", "agency", "government", "authority", "house", "league", "organization", "organisation") {
			return true
		}
	}
	return false
}

// fighterNouns name armed men of a people or a side: a one-word town's
// name before them is the people's ("Naga insurgents").
var fighterNouns = map[string]bool{"insurgent": true, "insurgents": true, "rebel": true, "rebels": true, "militant": true,
	"militants": true, "separatist": true, "separatists": true, "guerrilla": true, "guerrillas": true, "tribesmen": true,
	"fighters": true, "militia": true, "militias": true, "extremists": true, "underground": true}

// worldRegions are continents and the world's great regions: a text names
// them to situate a country ("the biggest base in Africa"), never as the
// place of an act, though gazetteers hold villages of those names.
var worldRegions = map[string]bool{"africa": true, "asia": true, "europe": true, "oceania": true, "americas": true,
	"north america": true, "south america": true, "latin america": true, "central america": true, "middle east": true,
	"west africa": true, "east africa": true, "north africa": true, "southern africa": true, "sub-saharan africa": true,
	"horn of africa": true, "southeast asia": true, "south asia": true, "central asia": true, "east asia": true,
	"western europe": true, "eastern europe": true}

// notPlaceName says whether toks[i:j] (written s) is no place whatever the
// gazetteer holds: a word of direction, a numbered label, a common noun,
// a continent or a great region of the world.
func (d *docState) notPlaceName(st *sent, i, j int, s string) bool {
	return compassName(st, i, j) || numberedLabel(st.toks, j) || d.commonNounAt(st, i, j) || worldRegions[strings.ToLower(s)]
}

// compassName says whether toks[i:j] is one word of direction: "in the
// East", "the North" are a part of the country the text is about, not the
// region of that name elsewhere.
func compassName(st *sent, i, j int) bool {
	return j-i == 1 && (compassWord(st.toks[i].Lower) || st.toks[i].Is("central", "centre", "center", "northern", "southern", "eastern", "western"))
}

// placeFor resolves toks[i:j] as a populated place when the context allows.
func (d *docState) placeFor(st *sent, i, j int) (gazetteer.Place, bool) {
	s := text.Join(d.body, st.toks, i, j)
	if d.notPlaceName(st, i, j, s) {
		return gazetteer.Place{}, false
	}
	ps := d.x.gaz.Lookup(s)
	if as := d.x.gaz.Admin1(s); len(as) > 0 && (len(ps) == 0 || divisionCue(st.toks, i, j) || otherNameOfSmaller(ps[0], as[0], s)) {
		ps = as
	} else if district := districtCue(st.toks, j); district {
		// "in Kurram district", "Ifugao province": a second-level
		// division, unless a place of the name lies in it
		if as := d.x.gaz.Admin2(s); len(as) > 0 && !slices.ContainsFunc(ps, func(p gazetteer.Place) bool {
			return gazetteer.Admin1Key(p.Admin2) == gazetteer.Admin1Key(as[0].Admin2)
		}) {
			ps = as
		}
	} else if len(ps) == 0 && len(as) == 0 && i > 0 && st.toks[i-1].Is("in", "within") && j-i <= 2 {
		// "attacked by a Maoist in Kandi": a name no town or province
		// of the gazetteer bears, after "in", may be a district's named
		// without its word
		ps = d.x.gaz.Admin2(s)
	}
	if len(ps) == 0 {
		return gazetteer.Place{}, false
	}
	// context: a locative preposition before, or ", Country" after
	locative := i > 0 && st.toks[i-1].Is("in", "within", "at", "near", "outside", "from", "of", "into", "across", "to", "toward", "towards", "around", "on", "against", "between", "and")
	p := d.bestPlace(ps, st, j)
	p = d.byOwnName(st, ps, p, s)
	if d.siteNameAbroad(st, j, p) {
		return gazetteer.Place{}, false
	}
	p = d.stateOverTown(s, p)
	if p.Feature == "ADM2" {
		return p, true // named with its kind of division
	}
	if !locative && j-i == 1 && strings.HasPrefix(p.Feature, "PPL") && p.Feature != "PPLC" && j < len(st.toks) && fighterNouns[st.toks[j].Lower] {
		// "suspected Naga insurgents", "Karen rebels": a people's name
		// before its fighters, not the town of that name
		return gazetteer.Place{}, false
	}
	if locative || p.Population >= 100000 || p.Feature == "PPLC" || p.Feature == "ADM1" {
		return p, true
	}
	if j+1 < len(st.toks) && st.toks[j].Text == "," {
		if _, ok := d.x.gaz.Country(st.toks[j+1].Text); ok {
			return p, true
		}
	}
	return gazetteer.Place{}, false
}

// otherNameOfSmaller says whether the town a name reaches is smaller than
// the first-level division of the name and reached only by one of its
// other names: "Kashmir" is Jammu and Kashmir, not Cashmere, Washington,
// which some call so.
func otherNameOfSmaller(town, division gazetteer.Place, name string) bool {
	return gazetteer.Fold(town.Name) != gazetteer.Fold(name) && town.Population < division.Population
}

// byOwnName revises a place the name reached only through one of its
// other names (a translation or an old spelling: a town's name may be
// another country's city's other name): in a document of another country (the main
// incident's, else that of a place the sentence named before by its own
// name), a name the gazetteer holds only as another country's city's
// other name is a place it lacks there. (A place whose own name it is
// does not win by that alone: one spelling may be a capital's other name and a
// village's own.)
func (d *docState) byOwnName(st *sent, ps []gazetteer.Place, p gazetteer.Place, name string) gazetteer.Place {
	key := gazetteer.Fold(name)
	if p.Feature == featureCountry || p.Feature == featureNear {
		return p
	}
	if gazetteer.Fold(p.Name) == key {
		// (a city or a division, not any word a hamlet is named: "We")
		if st != nil && (p.Population >= 100000 || p.Feature == "PPLC" || p.Feature == "ADM1") {
			if d.ownNamed == nil {
				d.ownNamed = map[*sent]string{}
			}
			d.ownNamed[st] = p.Country
		}
		return p
	}
	ctry := d.mainCtry
	if ctry == "" && st != nil {
		// the country of a place the sentence named before it by its own
		// name ("south of CITY ... in TOWN")
		ctry = d.ownNamed[st]
	}
	// a place of that country, or of the place of writing's ("TOWN,
	// PROVINCE —"), whose own name it is ("Gamu town" in a report written
	// in the Philippines, not the Indian city that is another name of)
	own := ctry
	if own == "" && d.dateline != nil {
		own = d.dateline.place.Country
	}
	if own != "" && p.Country != own {
		for _, q := range ps {
			if q.Country == own && gazetteer.Fold(q.Name) == key {
				return q
			}
		}
	}
	if ctry != "" && p.Country != ctry && !slices.ContainsFunc(ps, func(q gazetteer.Place) bool { return q.Country == ctry }) {
		if slices.ContainsFunc(d.x.gaz.Admin1(name), func(a gazetteer.Place) bool { return a.Country == ctry }) {
			return p // a division there of that name: read as before ("an X region police spokesman")
		}
		if c, ok := d.x.gaz.Country(ctry); ok {
			return countryPlace(c)
		}
	}
	return p
}

// bestPlace picks among candidates: the country written right after the
// name (", Afghanistan"), then the document's countries, then population.
func (d *docState) bestPlace(ps []gazetteer.Place, st *sent, j int) gazetteer.Place {
	if c, ok := d.countryAfter(st, j); ok {
		if p, ok := placeIn(ps, c.Name); ok {
			return p
		}
		// "Solhan, Yagha Province, Burkina Faso": a place the gazetteer
		// knows only elsewhere; the country the text gives wins
		return countryPlace(c)
	}
	// "in TOWN district in STATE": a first-level division named
	// just after the name says which of the places of the name
	if p, ok := d.inDivisionAfter(ps, st, j); ok {
		return p
	}
	// "at the Sasa wharf section of the Port of Davao in Mindanao, the
	// Philippines": a country named later in the sentence says which Sasa
	if c, ok := d.countryLater(st, j); ok {
		if p, ok := placeIn(ps, c.Name); ok {
			return p
		}
		if ps[0].Population < 100000 && ps[0].Feature != "PPLC" {
			return countryPlace(c) // a small place the gazetteer knows only elsewhere
		}
	}
	if d.mainCtry != "" {
		for _, p := range ps {
			if p.Country == d.mainCtry && p.Population*20 >= ps[0].Population {
				return p
			}
		}
	}
	return ps[0]
}

// inDivisionAfter finds, in the few words after a place name ending at
// token j, a first-level division holding one of ps: "TOWN district
// in STATE", "TOWN, STATE", "TOWN in X province".
// When the division holds none of them, the name is a place the
// gazetteer lacks there: the division's point, marked featureNear.
func (d *docState) inDivisionAfter(ps []gazetteer.Place, st *sent, j int) (gazetteer.Place, bool) {
	toks := st.toks
	for s := j; s < len(toks) && s < j+4; s++ {
		if !nameToken(&toks[s]) {
			continue
		}
		if !toks[s-1].Is("in", "within", ",") && !(s-2 >= j && toks[s-1].Lower == "the" && toks[s-2].Is("in", "within", ",")) {
			return gazetteer.Place{}, false // the first name after it, and only after "in" or a comma
		}
		if s+1 < len(toks) && compassAdjective(toks[s].Lower) && nameToken(&toks[s+1]) {
			s++ // "in the Northeastern X province": the bearing is no part of the name
		}
		for e := min(s+3, len(toks)); e > s; e-- {
			// "the town of X in Y district": the town of the name whose
			// second-level division is Y
			if e < len(toks) && toks[e].Is("district", "county") {
				name := text.Join(d.body, toks, s, e)
				for _, p := range ps {
					if p.Admin2 != "" && gazetteer.Fold(p.Admin2) == gazetteer.Fold(name) {
						return p, true
					}
				}
			}
			as := d.x.gaz.Admin1(text.Join(d.body, toks, s, e))
			for _, a := range as {
				for _, p := range ps {
					if p.Country == a.Country && p.Admin1 == a.Admin1 && p.Admin1 != "" {
						return p, true
					}
				}
			}
			// (a division of the country of one of them, or of the
			// document's when none of them is a city: "CITY, REGION"
			// is the city, not a place in another country's province of that name)
			sameCountry := len(as) == 1 && slices.ContainsFunc(ps, func(p gazetteer.Place) bool { return p.Country == as[0].Country })
			bigElsewhere := slices.ContainsFunc(ps, func(p gazetteer.Place) bool { return p.Population >= 100000 })
			// "X district in the Y province": the words say X is in Y,
			// whatever places of the name lie elsewhere
			said := j < len(toks) && toks[j].Is("district", "county", "town", "village", "township") && e < len(toks) &&
				toks[e].Is("province", "state", "region", "governorate", "prefecture")
			if len(as) == 1 && (sameCountry || said || as[0].Country == d.mainCtry && !bigElsewhere) && !compassName(st, s, e) {
				a := as[0]
				a.Feature = featureNear
				return a, true
			}
			// "X village in Y State" where two countries have a
			// division of that name: the document's, else the most
			// populous
			if len(as) > 1 && said && !compassName(st, s, e) {
				a := as[0]
				for _, b := range as {
					if b.Country == d.mainCtry {
						a = b
						break
					}
				}
				a.Feature = featureNear
				return a, true
			}
		}
		return gazetteer.Place{}, false
	}
	return gazetteer.Place{}, false
}

// placeIn is the first of ps (the gazetteer's order: the most populous
// first) that lies in country.
func placeIn(ps []gazetteer.Place, country string) (gazetteer.Place, bool) {
	for _, p := range ps {
		if p.Country == country {
			return p, true
		}
	}
	return gazetteer.Place{}, false
}

// countryLater finds a country named outright (not as an adjective) in the
// rest of a sentence from token j.
func (d *docState) countryLater(st *sent, j int) (gazetteer.Country, bool) {
	toks := st.toks
	for s := j; s < len(toks); s++ {
		if !nameToken(&toks[s]) {
			continue
		}
		e := s
		for e < len(toks) && e < s+4 && (nameToken(&toks[e]) || toks[e].Lower == "of" && e > s) {
			e++
		}
		if borderOf(toks, s, e) {
			s = e - 1
			continue // "close to the border with Turkmenistan": the country it is not in
		}
		for k := e; k > s; k-- {
			if c, ok := d.x.gaz.Country(text.Join(d.body, toks, s, k)); ok && !isDemonymOf(c, text.Join(d.body, toks, s, k)) {
				if k < len(toks) && attributiveHeads[toks[k].Lower] || hyphenJoined(toks, k) {
					break // "including two U.S. soldiers": whose, not where; "Iraq-based"
				}
				if len(d.divisionNamedLikeCountry(toks, s, k)) > 0 {
					break // "in Niger state": a division named like a country
				}
				if !whereBefore(toks, s) {
					break // "signalling to COUNTRY": whom, not where
				}
				return c, true
			}
		}
		// a name that ends in a country ("the Amhara Region of Ethiopia",
		// "Central Somalia"; not "the Lake Chad Basin", nor a name going
		// on after a hyphen: "Agence France-Presse")
		if e == len(toks) || !attributiveHeads[toks[e].Lower] && !nameToken(&toks[e]) && !hyphenJoined(toks, e) {
			for s2 := s + 1; s2 < e; s2++ {
				if c, ok := d.x.gaz.Country(text.Join(d.body, toks, s2, e)); ok && !isDemonymOf(c, text.Join(d.body, toks, s2, e)) {
					return c, true
				}
			}
		}
		s = e - 1
	}
	return gazetteer.Country{}, false
}

// whereBefore says whether the words before a country's name at token s
// say where: a comma ("X in Y, the COUNTRY"), "in", "of",
// a bracket, past "the" and a bearing ("in northern COUNTRY").
func whereBefore(toks []text.Token, s int) bool {
	p := s - 1
	if p >= 0 && toks[p].Lower == "the" {
		p--
	}
	for p >= 0 && (isBearingAdjective(toks[p].Lower) || compassWord(toks[p].Lower) || toks[p].Text == "-") {
		p-- // "in northern COUNTRY", "of north-west COUNTRY"
	}
	return p >= 0 && (toks[p].Is("in", "of", "inside", "across", "throughout", "within") || toks[p].Text == "," || toks[p].Text == "(")
}

// demonymBefore finds a country's adjective among the few lower-case words
// before token k ("the Kenyan border town", "a Colombian village").
func (d *docState) demonymBefore(st *sent, k int) (gazetteer.Country, bool) {
	for b := k - 1; b >= 0 && b >= k-3; b-- {
		t := st.toks[b]
		if t.Kind != text.Word || t.Is("the", "a", "an", "of", "in", "at", "near") {
			break
		}
		if c, ok := d.x.gaz.Country(t.Text); ok && isDemonymOf(c, t.Text) {
			return c, true
		}
	}
	return gazetteer.Country{}, false
}

// hyphenJoined says whether token k is a hyphen written between two words
// with no space ("France-Presse", "Iraq-based"): the word before it goes on.
func hyphenJoined(toks []text.Token, k int) bool {
	return k+1 < len(toks) && toks[k].Text == "-" && !toks[k].Space && !toks[k+1].Space && toks[k+1].Kind == text.Word
}

// isDemonymOf says whether a name is one of a country's demonyms ("Iraqi"),
// which qualifies without placing.
func isDemonymOf(c gazetteer.Country, n string) bool {
	for _, dm := range c.Demonyms {
		if strings.EqualFold(dm, n) {
			return true
		}
	}
	return false
}

// agentCueAt says whether a cue naming the party before it (its subject)
// starts at token j: "claimed responsibility", "was behind".
func (d *docState) agentCueAt(st *sent, j int) bool {
	for _, m := range d.responsibility(st) {
		if m.I == j && m.Val.Side == "before" {
			return true
		}
	}
	return false
}

// divisionWords name administrative divisions after a proper name.
var divisionWords = map[string]bool{"district": true, "department": true, "province": true, "governorate": true, "region": true,
	"agency": true, "prefecture": true, "county": true, "cercle": true, "commune": true, "territory": true, "oblast": true,
	"tehsil": true, "municipality": true, "division": true, "zone": true, "woreda": true, "lga": true}

// divisionPlace reads toks[i:j] as an administrative division: a name and
// a division word ("Gopalganj District"), where the writing places it (a
// locative before it or a country or place after it). The gazetteer's
// division or its town of the name gives the point; else the country
// named after it, else the document's.
func (d *docState) divisionPlace(st *sent, i, j int) (gazetteer.Place, bool) {
	toks := st.toks
	// "X Local Government Area", "X Local Government": a
	// division word of three or two words
	dw := 1
	if j-i >= 3 && toks[j-2].Lower == "local" && toks[j-1].Lower == "government" {
		dw = 2
	} else if j-i >= 4 && toks[j-3].Lower == "local" && toks[j-2].Lower == "government" && toks[j-1].Lower == "area" {
		dw = 3
	}
	if j-i < dw+1 || j-i > 4+dw || dw == 1 && !divisionWords[toks[j-1].Lower] || !toks[j-1].Cap() && toks[j-1].Lower != "lga" {
		return gazetteer.Place{}, false
	}
	for k := i; k < j-dw; k++ {
		if !nameToken(&toks[k]) || k == i && toks[k].Is("state", "police", "fire", "justice", "defense", "defence", "health", "treasury", "sheriff", "education", "interior", "foreign", "water", "transport") {
			return gazetteer.Place{}, false
		}
	}
	if n, _ := d.x.lex.OrgWords.MatchAt(toks[:j-1], j-2); n == 1 {
		return gazetteer.Place{}, false // "the Fire Brigade Department"
	}
	placed := locativeBefore(toks, i)
	c, named := d.countryAfter(st, j)
	if !placed && !named && !(j+1 < len(toks) && toks[j].Text == "," && d.placeAhead(st, j, 3)) {
		return gazetteer.Place{}, false
	}
	full, stem := text.Join(d.body, toks, i, j), text.Join(d.body, toks, i, j-dw)
	for _, n := range []string{full, stem} {
		ps := slices.Concat(d.x.gaz.Admin1(n), d.x.gaz.Lookup(n))
		if len(ps) > 0 {
			return d.byOwnName(st, ps, d.bestPlace(ps, st, j), n), true
		}
	}
	// "in X Local Government Area of Y State": a division the
	// gazetteer lacks, in the one named after it
	if dw > 1 {
		if p, ok := d.anchorAfter(st, j); ok {
			return p, true
		}
	}
	if named {
		return countryPlace(c), true
	}
	return gazetteer.Place{Feature: featureCountry}, true
}

// countryPlace stands for a place known only by its country: the
// country's coordinates, marked so that the location says so.
func countryPlace(c gazetteer.Country) gazetteer.Place {
	return gazetteer.Place{Country: c.Name, CountryCode: c.Code, Lat: c.Lat, Lon: c.Lon, Feature: featureCountry}
}

// distanceAnchor reads a distance from a known place after an unknown
// one, from token k: "Netrokona, 360km north of the capital Dhaka", "X,
// some 50 miles south of Y". The name lies that far from the anchor, so
// only the anchor's country is its own.
func (d *docState) distanceAnchor(st *sent, k int) (gazetteer.Place, bool) {
	toks := st.toks
	if k < len(toks) && toks[k].Is("some", "about", "around", "nearly", "roughly", "approximately") {
		k++
	}
	if k >= len(toks) || toks[k].Kind != text.Number && !unitSuffixed(toks[k].Lower) {
		return gazetteer.Place{}, false
	}
	if !unitSuffixed(toks[k].Lower) {
		k++
		if k >= len(toks) || !toks[k].Is("km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "mi") {
			return gazetteer.Place{}, false
		}
	}
	k++
	if k+1 >= len(toks) || !(compassWord(toks[k].Lower) && toks[k+1].Is("of", "from")) {
		return gazetteer.Place{}, false
	}
	k += 2
	for k < len(toks) && toks[k].Is("the", "capital", "city", "town", "of", "provincial", "state") {
		k++
	}
	e := nameRunEnd(toks, k, 3)
	if e == k {
		return gazetteer.Place{}, false
	}
	name := text.Join(d.body, toks, k, e)
	if c, ok := d.x.gaz.Country(name); ok {
		return countryPlace(c), true
	}
	ps := d.x.gaz.Lookup(name)
	if len(ps) == 0 || ps[0].Population < 100000 {
		return gazetteer.Place{}, false
	}
	if c, ok := d.x.gaz.Country(ps[0].Country); ok {
		return countryPlace(c), true
	}
	return gazetteer.Place{}, false
}

// nameRunEnd is the end of the run of at most most name tokens from k.
func nameRunEnd(toks []text.Token, k, most int) int {
	e := k
	for e < len(toks) && e-k < most && nameToken(&toks[e]) {
		e++
	}
	return e
}

// unitSuffixed says whether a token is a figure run into its unit:
// "360km", "50mi".
func unitSuffixed(w string) bool {
	for _, u := range []string{"km", "mi", "miles"} {
		if n, ok := strings.CutSuffix(w, u); ok && n != "" && strings.Trim(n, "0123456789.,") == "" {
			return true
		}
	}
	return false
}

// featureCountry marks a place whose coordinates are its country's.
const featureCountry = "COUNTRY"

// featureNear marks a place the gazetteer does not know, located by a
// known place or division named after it: its coordinates and admin1 are
// that first-level division's.
const featureNear = "NEAR"

// unknownPlace reads toks[i:j] as a place the gazetteer does not know when
// the writing leaves no doubt: a locative before it ("in", "near", "the
// village of") and its country after it, through at most two divisions.
func (d *docState) unknownPlace(st *sent, i, j int) (gazetteer.Place, bool) {
	// "a beach called Zemmouri el-Bahri", "a village named Dargamandi": the
	// text says it is a place; its country is the document's
	if j-i <= 4 && i >= 2 && st.toks[i-1].Is("called", "named") && placeNouns[st.toks[i-2].Lower] {
		return gazetteer.Place{Feature: featureCountry}, true
	}
	// "the village of El Ocotal", "in the village NAME": a place noun
	// before the name says it is one (the gazetteer may hold the name only
	// in another country)
	if j-i <= 4 && i >= 2 && (st.toks[i-1].Lower == "of" && i >= 3 && placeNouns[st.toks[i-2].Lower] && st.toks[i-3].Is("the", "a") ||
		placeNouns[st.toks[i-1].Lower] && st.toks[i-2].Lower == "the" && i >= 3 && st.toks[i-3].Is("in", "at", "near", "attacked", "raided", "stormed")) &&
		st.toks[i-1].Lower != "area" && st.toks[i-2].Lower != "area" {
		all := nameSpan(st.toks, i, j)
		ps := d.x.gaz.Lookup(text.Join(d.body, st.toks, i, j))
		if p, ok := d.anchorAfter(st, j); all && ok {
			return p, true // ("the town of Khiam, Nabatieh Governorate": within the division)
		}
		if all && len(ps) == 0 {
			return gazetteer.Place{Feature: featureCountry}, true
		}
		// a name the gazetteer holds only in another country than the
		// one the sentence goes on to name ("the village of El Ocotal,
		// in central Honduras"): a place of that country it lacks
		if c, ok := d.countryLater(st, j); all && ok && !slices.ContainsFunc(ps, func(p gazetteer.Place) bool { return p.Country == c.Name }) {
			return countryPlace(c), true
		}
	}
	if j-i > 4 || d.commonNounAt(st, i, j) {
		return gazetteer.Place{}, false // ("37 Dead in Ambush": a headline's capital)
	}
	if !nameSpan(st.toks, i, j) {
		return gazetteer.Place{}, false
	}
	// "the base and a nearby town, Kandi, south-west of the capital": a
	// settlement noun and a comma before the name say it is one
	if settlementBefore(st.toks, i, j) && !d.isKnownName(st, i, j) && len(d.x.gaz.Admin1(text.Join(d.body, st.toks, i, j))) == 0 {
		if _, isCountry := d.x.gaz.Country(text.Join(d.body, st.toks, i, j)); !isCountry {
			if p, ok := d.anchorAfter(st, j); ok {
				return p, true
			}
			return gazetteer.Place{Feature: featureCountry}, true
		}
	}
	// "on Kandi Island", "the attack on Kandi Island": an island named
	// as one is where one stands
	if j-i >= 2 && st.toks[j-1].Is("island") && i > 0 && st.toks[i-1].Is("on", "in", "at", "near", "off") && !d.isKnownName(st, i, j) &&
		len(d.x.gaz.Lookup(text.Join(d.body, st.toks, i, j))) == 0 && len(d.x.gaz.Lookup(text.Join(d.body, st.toks, i, j-1))) == 0 {
		return gazetteer.Place{Feature: featureCountry}, true
	}
	// "attacked Madagali, a town in Nigeria": an apposition says what it
	// is; without a country ("a camp ... in the northeast of the country")
	// its country is the document's, known later
	if c, ok := d.placeApposition(st, j); ok {
		if c.Name == "" {
			return gazetteer.Place{Feature: featureCountry}, true
		}
		return countryPlace(c), true
	}
	// "stormed X village", "raided X hamlet": the noun after the
	// name says it is a village whatever the verb before it (not "the
	// Olympic village": after an article the name may be an adjective)
	// ("attacked the X village of Y district": after an article
	// when the village is said to be of a named place)
	villageOf := j+2 < len(st.toks) && st.toks[j+1].Lower == "of" && (st.toks[j+2].Cap() || j+3 < len(st.toks) && st.toks[j+2].Lower == "the" && st.toks[j+3].Cap())
	// ("raided the Kandi village", "in the Kandi village": an act's or a
	// place's preposition before the article)
	actOnThe := i >= 2 && st.toks[i-1].Lower == "the" && (st.toks[i-2].Is("in", "at", "into", "near") || eventEndsAt(st, i-1))
	if i > 0 && villageNounAt(st.toks, j) &&
		st.toks[i-1].Kind == text.Word && !st.toks[i-1].Cap() && (villageOf || actOnThe || !st.toks[i-1].Is("the", "a", "an", "this", "that", "his", "their", "its")) &&
		!d.x.lex.Adjectives[st.toks[i].Lower] && !d.isKnownName(st, i, j) {
		name := text.Join(d.body, st.toks, i, j)
		if len(d.x.gaz.Lookup(name)) == 0 && len(d.x.gaz.Admin1(name)) == 0 {
			if p, ok := d.anchorAfter(st, j+1); ok {
				return p, true // located by the place it is of
			}
			return gazetteer.Place{Feature: featureCountry}, true
		}
	}
	// "on the Kandi island", "on Kandi island": an island is where one
	// stands on
	if k := i - 1; j < len(st.toks) && st.toks[j].Lower == "island" && k >= 0 && !d.isKnownName(st, i, j) {
		if st.toks[k].Lower == "the" {
			k--
		}
		name := text.Join(d.body, st.toks, i, j)
		if k >= 0 && st.toks[k].Is("on", "in") && len(d.x.gaz.Lookup(name)) == 0 && len(d.x.gaz.Admin1(name)) == 0 {
			return gazetteer.Place{Feature: featureCountry}, true
		}
	}
	// "began attacking Kandi in the central province of X", "raided Kandi,
	// PROVINCE": the object of an act, located by a division or a place
	// after it, is the place the act struck
	// (a name the gazetteer holds elsewhere is the place of that name in
	// the anchor's country, else one it lacks)
	if i > 0 && eventEndsAt(st, i) && !d.isKnownName(st, i, j) && len(d.x.gaz.Admin1(text.Join(d.body, st.toks, i, j))) == 0 {
		name := text.Join(d.body, st.toks, i, j)
		if _, isCountry := d.x.gaz.Country(name); !isCountry {
			if a, ok := d.anchorAfter(st, j); ok {
				if p, ok := placeIn(d.x.gaz.Lookup(name), a.Country); ok {
					return p, true
				}
				return a, true
			}
		}
	}
	if !locativeBefore(st.toks, i) {
		return gazetteer.Place{}, false
	}

	if _, isCountry := d.x.gaz.Country(text.Join(d.body, st.toks, i, j)); isCountry {
		return gazetteer.Place{}, false
	}
	c, ok := d.countryAfter(st, j)
	if !ok {
		name := text.Join(d.body, st.toks, i, j)
		unknown := len(d.x.gaz.Lookup(name)) == 0 && len(d.x.gaz.Admin1(name)) == 0 // else placeFor reads it
		// "in Kandi, near the town of Gorod", "near Kandi, Northern
		// Province": a known place or division written right after it
		// locates it, at that division's point
		if unknown {
			if p, ok := d.anchorAfter(st, j); ok {
				return p, true
			}
		} else if p, ok := d.anchorAfter(st, j); ok {
			// "in Kandi, PROVINCE": a place the gazetteer holds, written
			// with the division it lies in, is that place of that country
			// (not the division, which placeFor would read)
			if q, ok := placeIn(d.x.gaz.Lookup(name), p.Country); ok {
				return q, true
			}
		}
		// "the town of Khiam", "the village of Dargamandi": the text says
		// it is a place; its country is the document's, known later (a
		// place the gazetteer holds is read by placeFor: "the town of X"
		// keeps X's coordinates)
		if i >= 2 && st.toks[i-1].Lower == "of" && st.toks[i-2].Is("town", "village", "city", "hamlet", "settlement", "suburb", "neighbourhood", "neighborhood", "district", "township", "towns", "villages", "hamlets", "settlements", "island",
			"municipality", "community", "locality", "commune") ||
			// "in the region of Alatona", "the area of X": a division or
			// an area the gazetteer lacks
			i >= 2 && st.toks[i-1].Lower == "of" && st.toks[i-2].Is("region", "area", "province", "county", "zone") && !st.toks[i-2].Cap() {
			if unknown {
				return gazetteer.Place{Feature: featureCountry}, true
			}
			// "the Colombian village of X", "the Kenyan border town of
			// X": the adjective says whose, among places of the name (or
			// a place of that country the gazetteer lacks)
			if c, ok := d.demonymBefore(st, i-2); ok {
				if p, ok := placeIn(d.x.gaz.Lookup(name), c.Name); ok {
					return p, true
				}
				return countryPlace(c), true
			}
		}
		// "around Kandi village", "in the Kandi settlement", "on the Kandi
		// island", "in Kandi forest", "in Kandi town in X province" (not "the Alpine town of", an adjective, nor "the Kandi
		// district", a part of a city)
		// ("in Kandi district, in the northern province of X": a division
		// the gazetteer lacks, as a village is)
		if unknown && j < len(st.toks) && (st.toks[j].Is("village", "hamlet", "settlement", "township", "island", "town", "city", "forest") ||
			divisionWords[st.toks[j].Lower] && !st.toks[j].Is("division", "zone", "agency") && (j+1 == len(st.toks) || st.toks[j+1].Kind == text.Punct)) && !st.toks[j].Cap() &&
			!(j+1 < len(st.toks) && st.toks[j+1].Lower == "of") {
			if p, ok := d.anchorAfter(st, j+1); ok {
				return p, true // "in Kandi town in X province": located by the division
			}
			return gazetteer.Place{Feature: featureCountry}, true
		}
		// "in the Matni area on the outskirts of the city of Peshawar", "in
		// the Karrada neighbourhood of Baghdad", "in the Kandi district of
		// PROVINCE": a part of a place named after it, which a report gives
		// as the place (an encyclopedia's infobox gives the city)
		if unknown && d.news && j+1 < len(st.toks) && (st.toks[j].Is("area", "neighbourhood", "neighborhood", "quarter") || d.districtOfDivision(st, j)) && !st.toks[j].Cap() &&
			st.toks[j+1].Is("of", "on", "near", "in", "outside") && d.placeAhead(st, j+1, 8) {
			if p, ok := d.anchorAfter(st, j+1); ok {
				return p, true // located by the place it is part of
			}
			return gazetteer.Place{Feature: featureCountry}, true
		}
		// "in Kandi district of this southern province": a division of
		// the place of writing, which the dateline names
		if unknown && d.news && j+2 < len(st.toks) && (divisionWords[st.toks[j].Lower] || settlementNouns[st.toks[j].Lower]) && !st.toks[j].Cap() &&
			st.toks[j+1].Lower == "of" && st.toks[j+2].Lower == "this" {
			return gazetteer.Place{Feature: featureCountry}, true
		}
		// "raided two mosques in Kattankudy" in the article "Kattankudy
		// mosque massacre": the title names the place the prose puts its
		// act in (not a site: "in Shah Cheragh", "at the Radisson Blu")
		if unknown && d.titleNames(name) && !d.isKnownName(st, i, j) && !(j < len(st.toks) && facilityWords[st.toks[j].Lower]) &&
			!st.toks[i-1].Is("at", "the") {
			return gazetteer.Place{Feature: featureCountry}, true
		}
		return gazetteer.Place{}, false
	}
	// "in X, Pakistan": a place the gazetteer holds in that
	// country, too small for strongPlace to read it before the document's
	// country is known, keeps its own point
	if p, ok := placeIn(d.x.gaz.Lookup(text.Join(d.body, st.toks, i, j)), c.Name); ok {
		return p, true
	}
	// "in West Berlin, West Germany": a city's part named by its bearing
	// is at the city
	if j-i >= 2 && compassWord(st.toks[i].Lower) {
		for _, p := range d.x.gaz.Lookup(text.Join(d.body, st.toks, i+1, j)) {
			if p.Country == c.Name && p.Population >= 100000 {
				return p, true
			}
		}
	}
	return countryPlace(c), true
}

// nameSpan says whether toks[i:j] is written as one name: capitalised
// words, with hyphens and lower-case particles inside ("Darey-Daye",
// "Mocimboa da Praia") and an Arabic article before its first word
// ("al-Dalwah").
func nameSpan(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		switch {
		case nameToken(&toks[k]):
		case (toks[k].Text == "-" && !toks[k].Space || particles[toks[k].Lower]) && k > i && k+1 < j:
		case k == i && arabicArticle(toks[k].Lower) && k+2 < j && toks[k+1].Text == "-" && !toks[k+1].Space:
		default:
			return false
		}
	}
	return j > i
}

// settlementBefore says whether a name at toks[i:j] is set off by commas
// after an indefinite or definite settlement noun: "a nearby town, Kandi,"
// (the name then ends the sentence or its clause).
func settlementBefore(toks []text.Token, i, j int) bool {
	if i < 3 || toks[i-1].Text != "," || !settlementNouns[toks[i-2].Lower] || toks[i-2].Cap() {
		return false
	}
	if j < len(toks) && toks[j].Kind != text.Punct {
		return false
	}
	for k := i - 3; k >= 0 && k >= i-5; k-- {
		switch {
		case toks[k].Is("a", "the", "another"):
			return true
		case toks[k].Kind != text.Word || toks[k].Cap() || stopWord(toks[k].Lower):
			return false
		}
	}
	return false
}

// placeApposition reads ", a town in Nigeria", ", a village in the
// Tillabéri Region of Niger" after a name: the country the apposition
// puts the place in, or none (an empty name) when it names none.
func (d *docState) placeApposition(st *sent, j int) (gazetteer.Country, bool) {
	toks := st.toks
	if j+3 >= len(toks) || toks[j].Text != "," || !toks[j+1].Is("a", "the", "an") {
		return gazetteer.Country{}, false
	}
	k := j + 2
	for k < len(toks) && k < j+5 && !placeNouns[toks[k].Lower] && toks[k].Kind == text.Word && !toks[k].Cap() && !stopWord(toks[k].Lower) {
		k++ // "a small town", "a remote village"
	}
	// a settlement ("a town in Nigeria"), not a region: "a tribal region
	// bordering Afghanistan" does not place the name in Afghanistan
	// ("Kandi, the headquarters of the Gorod district": the seat of a
	// division is a town)
	seat := toks[j+1].Lower == "the" && toks[j+2].Is("headquarters", "capital") && toks[j+3].Lower == "of"
	if seat {
		k = j + 2
	}
	if k >= len(toks) || !settlementNouns[toks[k].Lower] && !toks[k].Is("neighbourhood", "neighborhood") && !seat {
		return gazetteer.Country{}, false
	}
	if k+1 < len(toks) && toks[k+1].Is("'s", "’s") {
		return gazetteer.Country{}, false // "NAME, the town's mayor": a person of the town
	}
	if c, ok := d.countryLater(st, k+1); ok {
		return c, true
	}
	return gazetteer.Country{}, true // a settlement in no country the sentence names
}

// titleNames says whether the document's title holds a name as whole
// words ("Kattankudy" in "Kattankudy mosque massacre").
func (d *docState) titleNames(name string) bool {
	title := d.doc.Title
	if d.lay.Title != "" {
		title = d.lay.Title
	}
	if title == "" || name == "" {
		return false
	}
	t := " " + strings.ToLower(title) + " "
	return strings.Contains(t, " "+strings.ToLower(name)+" ")
}

// placeAhead says whether a place the gazetteer knows is named within n
// tokens after token k.
func (d *docState) placeAhead(st *sent, k, n int) bool {
	toks := st.toks
	for i := k; i < len(toks) && i < k+n; i++ {
		if toks[i].Text == "." || toks[i].Text == ";" {
			return false
		}
		if !toks[i].Cap() || toks[i].Kind != text.Word {
			continue
		}
		e := i
		for e < len(toks) && e < i+3 && nameToken(&toks[e]) {
			e++
		}
		if e == i {
			continue // a capital that is no name ("Saturday"): never step back
		}
		if name := text.Join(d.body, toks, i, e); len(d.x.gaz.Lookup(name)) > 0 || len(d.x.gaz.Admin1(name)) > 0 {
			return true // a place or a first-level division the gazetteer knows
		}
		if e < len(toks) && divisionWords[toks[e].Lower] && !toks[e].Cap() {
			return true // a division by its word ("in the Lower Kandi region")
		}
		i = e - 1
	}
	return false
}

// placeNouns are common nouns of places a name may follow: "a beach
// called X", "the village named X".
var placeNouns = map[string]bool{"village": true, "town": true, "city": true, "area": true, "district": true, "neighbourhood": true,
	"neighborhood": true, "suburb": true, "beach": true, "region": true, "province": true, "settlement": true, "hamlet": true,
	"camp": true, "island": true, "valley": true, "township": true, "locality": true}

// anchorAfter locates an unknown place by what follows it: ", near (the
// town of) Y" or ", Y", Y a place or first-level division the gazetteer
// knows. The unknown place lies near Y, not at it, so it gets Y's
// first-level division (its point and name), never Y's own coordinates.
func (d *docState) anchorAfter(st *sent, j int) (gazetteer.Place, bool) {
	toks := st.toks
	k := j
	comma := k < len(toks) && toks[k].Text == ","
	if comma {
		k++
		if p, ok := d.distanceAnchor(st, k); ok {
			return p, true
		}
	}
	// ("X village of Y", "X village in Y": the village's
	// place, like "near")
	nearWord := k < len(toks) && (toks[k].Is("near", "outside") || !comma && k > 0 && toks[k-1].Is("village", "hamlet", "town", "township", "district", "subdistrict", "county", "island", "government", "area") && toks[k].Is("of", "in"))
	// "near Kandi in the province of X", "at Kandi Bazar in X district":
	// a division the name lies in
	if !comma && !nearWord && k+2 < len(toks) && toks[k].Lower == "in" {
		q := k + 1
		if toks[q].Lower == "the" {
			q++
		}
		// "in the central province of X", "in the northern district of
		// X": a direction or size before the division word
		if q+3 < len(toks) && (compassAdjective(toks[q].Lower) || toks[q].Is("central", "remote", "restive", "neighbouring", "neighboring")) &&
			divisionWords[toks[q+1].Lower] && !toks[q+1].Cap() && toks[q+2].Lower == "of" {
			q++
		}
		switch {
		case q+2 < len(toks) && divisionWords[toks[q].Lower] && !toks[q].Cap() && toks[q+1].Lower == "of":
			k = q + 1 // "in the province of X": the name after "of"
			nearWord = true
		default:
			e := q
			for e < len(toks) && e-q < 3 && nameToken(&toks[e]) {
				e++
			}
			if e > q && e < len(toks) && (divisionWords[toks[e].Lower] || toks[e].Is("area")) && !toks[e].Cap() {
				k = q - 1 // "in X district": the name after "in" (and "the")
				nearWord = true
			}
		}
	}
	if !comma && !nearWord {
		return gazetteer.Place{}, false
	}
	if nearWord {
		k++
		for k < len(toks) && (toks[k].Is("the", "town", "city", "village", "of", "capital") || toks[k].Is("state", "provincial", "regional") && k+1 < len(toks) && toks[k+1].Is("capital")) {
			k++ // "outside the state capital of X"
		}
	}
	e := nameRunEnd(toks, k, 4)
	if e == k {
		return gazetteer.Place{}, false
	}
	name := text.Join(d.body, toks, k, e)
	if _, isCountry := d.x.gaz.Country(name); isCountry {
		return gazetteer.Place{}, false
	}
	// the anchor must be in the country the text gives (named later in
	// the sentence, else the document's): one division name may belong
	// to several countries ("Central", "Northern", "Punjab")
	ctry := d.mainCtry
	if c, ok := d.countryLater(st, e); ok {
		ctry = c.Name
	}
	if ctry == "" {
		// no country known yet: the anchor's own, when every place and
		// division of that name lies in one country ("near the town of
		// Kohat")
		ctry = d.onlyCountry(name)
	}
	if ctry == "" {
		return gazetteer.Place{}, false
	}
	near := func(a gazetteer.Place) gazetteer.Place {
		a.Feature = featureNear
		return a
	}
	for _, a := range d.x.gaz.Admin1(name) {
		if a.Country == ctry {
			return near(a), true
		}
	}
	// "in X town in Y province": a division the gazetteer holds as
	// a second-level one (a province of a country whose first level is
	// regions) is where the places of its district lie, not a city of its
	// name elsewhere
	places := d.x.gaz.Lookup(name)
	if e < len(toks) && toks[e].Is("province", "district", "county", "governorate", "prefecture") {
		key := gazetteer.Fold(name)
		for i, p := range places {
			if p.Country == ctry && strings.Contains(gazetteer.Fold(p.Admin2), key) {
				places = append([]gazetteer.Place{p}, slices.Delete(slices.Clone(places), i, i+1)...)
				break
			}
		}
	}
	for _, p := range places {
		if p.Country != ctry {
			continue
		}
		for _, a := range d.x.gaz.Admin1(p.Admin1) {
			if within(&p, &a) {
				return near(a), true
			}
		}
		if c, ok := d.x.gaz.Country(ctry); ok {
			return countryPlace(c), true
		}
	}
	return gazetteer.Place{}, false
}

// districtOfDivision says whether token j is a district's noun followed by
// "of" and a first-level division that is no large city: "the Kandi
// district of PROVINCE" is Kandi, an administrative district; "the Kandi
// district of CITY" is a part of the city the report gives as its place.
func (d *docState) districtOfDivision(st *sent, j int) bool {
	toks := st.toks
	if !toks[j].Is("district", "subdistrict", "county") || j+2 >= len(toks) || toks[j+1].Lower != "of" {
		return false
	}
	k := j + 2
	if toks[k].Lower == "the" {
		k++
	}
	// "the Kandi district of COUNTRY's eastern PROVINCE province"
	if k+1 < len(toks) && toks[k+1].Is("'s", "’s") {
		if _, ok := d.x.gaz.Country(toks[k].Text); ok {
			k += 2
		}
	}
	for k < len(toks) && compassAdjective(toks[k].Lower) {
		k++
	}
	e := nameRunEnd(toks, k, 3)
	if e == k {
		return false
	}
	name := text.Join(d.body, toks, k, e)
	if len(d.x.gaz.Admin1(name)) == 0 {
		return false
	}
	if e < len(toks) && toks[e].Is("province", "state", "region", "governorate") {
		return true // "of PROVINCE province": the division, whatever the size of its city
	}
	for _, p := range d.x.gaz.Lookup(name) {
		if p.Population >= 100000 {
			return false
		}
	}
	return true
}

// onlyCountry is the country of every place and first-level division the
// gazetteer knows by this name, or "" when there are none or several.
func (d *docState) onlyCountry(name string) string {
	ctry := ""
	for _, p := range slices.Concat(d.x.gaz.Admin1(name), d.x.gaz.Lookup(name)) {
		if ctry != "" && p.Country != ctry {
			return ""
		}
		ctry = p.Country
	}
	return ctry
}

// isKnownName says whether toks[i:j] is a name the dictionary knows.
func (d *docState) isKnownName(st *sent, i, j int) bool {
	_, ok := d.x.dict.Lookup(text.Join(d.body, st.toks, i, j))
	return ok
}

// branchLookup finds "Parent – Branch" names written with another name of
// the parent ("ISIL – Khorasan Province" for "Islamic State – Khorasan Province").
func (d *docState) branchLookup(s string) (*actordict.Entry, bool) {
	for _, dash := range []string{" – ", " — ", " - "} {
		if a, b, ok := strings.Cut(s, dash); ok {
			if head, ok := d.x.dict.Lookup(a); ok {
				return d.x.dict.Lookup(head.Name + " – " + b)
			}
		}
	}
	return nil, false
}

// dictLookup finds an actor of the dictionary by a name, accepting the
// dictionary's transliteration-tolerant match only when the spelling is
// close: "Hizbollah" is Hezbollah, but "Homs" is not Hamas nor "Douma" the Duma.
func (d *docState) dictLookup(s string) (*actordict.Entry, bool) {
	e, ok := d.x.dict.Lookup(s)
	if !ok {
		return d.branchLookup(s)
	}
	f := names.Fold(s)
	if strings.Contains(f, " ") {
		return e, true // several words rarely collide
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		g := names.Fold(n)
		if g == f || editDistance(g, f) <= len(f)/4 {
			return e, true
		}
	}
	return nil, false
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	if len(a) > 40 || len(b) > 40 {
		if a == b {
			return 0
		}
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// eventEndsAt says whether an event word of the sentence ends right
// before token k ("raided the", "attacked the").
func eventEndsAt(st *sent, k int) bool {
	for _, e := range st.events {
		if e.J == k {
			return true
		}
	}
	return false
}

// locativeBefore says whether a place is expected at token i: "in El
// Paso", "at Kabul University", "near western Mosul", "the city of Douma".
func locativeBefore(toks []text.Token, i int) bool {
	k := i - 1
	for k >= 0 && toks[k].Is("western", "eastern", "northern", "southern", "central", "downtown", "northwestern", "northeastern",
		"southwestern", "southeastern", "the", "city", "town", "village", "capital", "of", "suburb", "district", "province", "region") {
		if toks[k].Lower == "of" && k > 0 && (toks[k-1].Is("city", "town", "village", "villages", "towns", "province", "region", "district", "outskirts", "suburbs", "centre", "center", "island",
			"municipality", "community", "locality", "commune") || compassWord(toks[k-1].Lower)) {
			return true // (and "north of Aguelhok": near it)
		}
		k--
	}
	// "in PROVINCE's Kandi district": a place's possessive before the
	// name is where the name lies
	possessor := k >= 1 && toks[k].Is("'s", "’s") && !toks[k].Space
	if possessor && k >= 2 && divisionWords[toks[k-1].Lower] && !toks[k-1].Cap() && toks[k-2].Cap() {
		k-- // "in Kandi district's Gorod village"
	}
	if possessor && toks[k-1].Cap() {
		s := k - 1
		for s > 0 && toks[s-1].Cap() && toks[s-1].Kind == text.Word && s > k-4 {
			s--
		}
		return locativeBefore(toks, s)
	}
	return k >= 0 && toks[k].Is("in", "within", "at", "near", "outside", "into", "across", "around", "toward", "towards", "from", "through")
}

// strongPlace resolves toks[i:j] as a place when the evidence is strong: a
// place expected by the context and known to the gazetteer, or a large city.
func (d *docState) strongPlace(st *sent, i, j int) (gazetteer.Place, bool) {
	s := text.Join(d.body, st.toks, i, j)
	if d.notPlaceName(st, i, j, s) {
		return gazetteer.Place{}, false
	}
	ps := d.x.gaz.Lookup(s)
	if as := d.x.gaz.Admin1(s); len(as) > 0 && len(ps) > 0 && (divisionCue(st.toks, i, j) || otherNameOfSmaller(ps[0], as[0], s)) {
		ps = as
	}
	loc := locativeBefore(st.toks, i)
	if len(ps) == 0 {
		if loc {
			if as := d.x.gaz.Admin1(s); len(as) > 0 {
				return as[0], true
			}
		}
		return gazetteer.Place{}, false
	}
	p := d.byOwnName(st, ps, d.bestPlace(ps, st, j), s)
	if d.siteNameAbroad(st, j, p) {
		return gazetteer.Place{}, false // "in the NAME pub": the pub's name, not a town of that name abroad
	}
	p = d.stateOverTown(s, p)
	if e, ok := d.dictLookup(s); ok && e.Kind != dossier.KindState && p.Population < 100000 {
		return gazetteer.Place{}, false // "aimed at Taliban fighters": the group, not a village of that name
	}
	if loc && (p.Population >= 1000 || p.Country == d.mainCtry) || p.Population >= 200000 || p.Feature == "PPLC" {
		return p, true
	}
	return gazetteer.Place{}, false
}

// commonNounAt says whether the one word at token i is a common noun of
// the lexicons written with a capital, as in a title or a headline ("the
// Inspector General of Police", "37 Dead in Ambush"): not a town of that
// name unless its country follows ("Police, Poland").
func (d *docState) commonNounAt(st *sent, i, j int) bool {
	if j-i != 1 {
		return false
	}
	if j+1 < len(st.toks) && st.toks[j].Text == "," {
		if _, ok := d.x.gaz.Country(st.toks[j+1].Text); ok {
			return false
		}
	}
	w := st.toks[i].Lower
	if speakerNouns[w] || crowdNouns[w] || documentNouns[w] || placeNouns[w] || facilityWords[w] {
		return true
	}
	if _, ok := d.x.lex.Collective[w]; ok {
		return true
	}
	for _, e := range st.events {
		if e.I == i && e.J == j {
			return true
		}
	}
	for _, m := range st.weapons {
		if m.I == i && m.J == j {
			return true
		}
	}
	return false
}

// stateOverTown is the first-level division of a name in the chosen
// town's country when the town is small: "STATE, COUNTRY" is the state,
// not a town of 15,000 named after it in another state.
func (d *docState) stateOverTown(name string, p gazetteer.Place) gazetteer.Place {
	if !strings.HasPrefix(p.Feature, "PPL") || p.Feature == "PPLC" || p.Population >= 50000 {
		return p
	}
	for _, a := range d.x.gaz.Admin1(name) {
		if a.Country == p.Country && gazetteer.Fold(a.Admin1) != gazetteer.Fold(p.Admin1) {
			return a
		}
	}
	return p
}

// siteNameAbroad says whether the name ending at token j, resolved as p,
// is a site's name before its building's noun rather than a small town
// of that name abroad: "in the NAME pub".
func (d *docState) siteNameAbroad(st *sent, j int, p gazetteer.Place) bool {
	return facilityAfter(st.toks, j) && p.Population < 100000 && (p.Feature == featureCountry || d.mainCtry != "" && p.Country != d.mainCtry)
}

// facilityAfter says whether a lower-case word of a site follows a name
// at token j: "the NAME pub", "the NAME hotel".
func facilityAfter(toks []text.Token, j int) bool {
	return j < len(toks) && toks[j].Kind == text.Word && !toks[j].Cap() && buildingWords[toks[j].Lower]
}

// buildingWords are the facility words of one building or venue (not of a
// settlement, a division, a road or a district of a town).
var buildingWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`pub nightclub cinema supermarket factory hotel restaurant cafe bar mall church mosque synagogue
		temple shrine school hospital museum stadium theatre theater prison palace tower building club arena hall academy
		barracks courthouse embassy consulate`) {
		buildingWords[w] = true
	}
}

// divisionCue says whether the words around toks[i:j] call it a
// first-level division: "the state of X", "X province",
// "X State". The gazetteer's division of the name then beats a town
// of the same name elsewhere.
func divisionCue(toks []text.Token, i, j int) bool {
	divisions := []string{"state", "province", "governorate", "region", "prefecture", "oblast", "wilaya", "department"}
	if i >= 2 && toks[i-1].Lower == "of" && toks[i-2].Is(divisions...) {
		return true
	}
	return j < len(toks) && toks[j].Is(divisions...)
}

// districtCue says whether a second-level division's word follows a name
// at token j: "Kurram district", "Ifugao province", "Lamu County",
// "Katsina-Ala Local Government Area", "Bokkos LGA".
func districtCue(toks []text.Token, j int) bool {
	return j < len(toks) && (toks[j].Is("district", "county", "province", "municipality", "zone", "tehsil", "subdistrict",
		"regency", "lga", "division", "department", "prefecture", "municipio", "departamento") ||
		toks[j].Is("local") && j+1 < len(toks) && toks[j+1].Is("government"))
}

// numberedLabel says whether a small number follows a name at token j:
// "Ward 2", "Camp 5", "Sector 7" label a part of a place, they are not the
// place a gazetteer of the same word holds (Ward, Arkansas). A year
// ("Paris 2024") is not such a number.
func numberedLabel(toks []text.Token, j int) bool {
	if j >= len(toks) || toks[j].Kind != text.Number || !toks[j].Space {
		return false
	}
	n, err := strconv.Atoi(toks[j].Text)
	return err == nil && n < 1000
}

// countryAfter finds a country named right after a place, through commas
// and divisions: "El Paso, Texas, United States", "Solhan, Yagha Province,
// Burkina Faso".
func (d *docState) countryAfter(st *sent, j int) (gazetteer.Country, bool) {
	toks := st.toks
	k := j
	for hops := 0; hops < 3 && k+1 < len(toks) && toks[k].Text == ","; hops++ {
		s := k + 1
		e := s
		for e < len(toks) && (nameToken(&toks[e]) || toks[e].Lower == "of" && e > s) {
			e++
		}
		if e == s {
			break
		}
		if c, ok := d.x.gaz.Country(text.Join(d.body, toks, s, e)); ok {
			if e < len(toks) && (isForceWord(toks[e].Lower) || speakerNouns[toks[e].Lower] || toks[e].Is("command", "embassy", "officials", "troops", "soldiers", "says", "said")) {
				// "Car bomb explodes in Baghdad, U.S. military says":
				// the country's body that speaks, a clause of its own
				return gazetteer.Country{}, false
			}
			return c, true
		}
		k = e
	}
	return gazetteer.Country{}, false
}

// surnameSpeaks says whether the single capitalised word before token j,
// opening its sentence, is the subject of a verb of speech ("Kasuri said
// his trip would not be cancelled"): a name, most often the surname of a
// person named before. A common noun that speaks ("Police said",
// "Witnesses told") is read as one elsewhere.
func surnameSpeaks(toks []text.Token, j int, first string) bool {
	if j >= len(toks) || speakerNouns[first] || crowdNouns[first] || documentNouns[first] || stopWord(first) {
		return false
	}
	return toks[j].Is("said", "says", "told", "tells", "added", "stated", "explained", "noted", "warned", "insisted", "argued",
		"confirmed", "announced", "declared", "commented", "remarked", "responded", "replied", "stressed", "acknowledged")
}

// afterDateline says whether token i opens the text after a dateline or a
// heading run into its sentence: right after a colon or a dash ("ADEN: An
// air strike", "CITY (AFP) - Eight soldiers").
func afterDateline(toks []text.Token, i int) bool {
	return i >= 1 && (toks[i-1].Text == ":" || toks[i-1].Is("-", "–", "—") && toks[i-1].Space)
}

// borderWith says whether the name at token s is the neighbour a border
// is named by: "the border with Turkmenistan", "bordering Chad", "near the
// Afghan border" is not such a name.
func borderWith(toks []text.Token, s int) bool {
	if s >= 1 && toks[s-1].Is("bordering", "borders") {
		return true
	}
	return s >= 2 && toks[s-1].Is("with", "of") && toks[s-2].Is("border", "borders", "frontier")
}

// divisionNamedLikeCountry returns the first-level divisions a name at
// tokens [i, j) names when its division word follows it ("Niger state",
// "Punjab province"), or none.
func (d *docState) divisionNamedLikeCountry(toks []text.Token, i, j int) []gazetteer.Place {
	if !admin1WordAt(toks, j) {
		return nil
	}
	return d.x.gaz.Admin1(text.Join(d.body, toks, i, j))
}

// divisionAfterName is divisionNamedLikeCountry for tokens of another
// text than the body (a title): name is the text of the tokens before j.
func (d *docState) divisionAfterName(toks []text.Token, j int, name string) bool {
	return admin1WordAt(toks, j) && len(d.x.gaz.Admin1(name)) > 0
}

// admin1WordAt says whether token j is the word of a first-level division
// after its name: "state", "province", "region", "governorate".
func admin1WordAt(toks []text.Token, j int) bool {
	return j < len(toks) && toks[j].Is("state", "province", "region", "governorate")
}

// basedIn says whether a country's name ending at token e says where a
// group is based ("the Nigeria-based group"), not where the act was.
func basedIn(toks []text.Token, e int) bool {
	return e+1 < len(toks) && toks[e].Text == "-" && toks[e+1].Is("based", "backed", "linked", "allied", "aligned", "born")
}

// borderOf says whether the country named at tokens [s, e) is one a place
// lies beside: borderWith's shapes, or the country's name before "border"
// ("near the Myanmar border", "along the Afghan frontier").
func borderOf(toks []text.Token, s, e int) bool {
	return borderWith(toks, s) || e < len(toks) && toks[e].Is("border", "borders", "frontier")
}
