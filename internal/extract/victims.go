package extract

import (
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/text"
)

// Who was hit, read from a report's lead: targets the responsibility cues
// miss ("an attack on X"), and one death told without a figure.
//
// Targets are proposed from the lead: noun phrases headed by a word of the
// lexicon's targets list (a group of people or a site), each tied to the
// act by its place in
// the sentence, then chosen: the first group of people and the first site.

// targetCand is a proposed target: the phrase and where it is.
type targetCand struct {
	name string
	st   *sent
	head string
}

// targetParas is how many paragraphs after the lead's are read for
// targets, and maxTargets how many groups of people and how many sites
// are kept: a report names the site and its victims in its first
// paragraphs ("a car bomb at a hotel ... grenades at two restaurants").
const (
	targetParas = 1
	maxTargets  = 1
)

// sameHead says whether a candidate with this head noun was kept already.
func sameHead(cs []*targetCand, head string) bool {
	for _, c := range cs {
		if strings.EqualFold(c.head, head) {
			return true
		}
	}
	return false
}

// targetModifiers are lower-case words that may stand before a target's head
// noun and belong to the target: "busy restaurant", "police station",
// "security officials".
var targetModifiers = map[string]bool{
	"busy": true, "crowded": true, "packed": true, "local": true, "foreign": true, "main": true, "central": true,
	"police": true, "army": true, "security": true, "military": true, "government": true, "passenger": true,
	"civilian": true, "tourist": true, "border": true, "opposition": true, "unarmed": true, "innocent": true,
	"shia": true, "shiite": true, "sunni": true, "christian": true, "muslim": true, "hindu": true, "jewish": true,
	"election": true, "campaign": true, "political": true, "religious": true, "rehab": true, "drug": true,
	"shopping": true, "night": true, "public": true, "private": true, "off-duty": true, "paramilitary": true,
	"peacekeeping": true, "refugee": true, "displacement": true, "coalition": true, "garrison": true,
}

// needModifier are heads too general alone: "members", "officials".
var needModifier = map[string]bool{"members": true, "supporters": true, "officials": true, "police": true, "officers": true, "office": true, "offices": true, "station": true, "base": true, "camp": true, "court": true, "bar": true}

// siteCues stand before a site the act was aimed at: "exploded in a busy
// restaurant", "an attack on a checkpoint", "stormed the embassy".
var siteCues = map[string]bool{"at": true, "in": true, "on": true, "near": true, "outside": true, "inside": true, "into": true, "through": true,
	"targeting": true, "targeted": true, "against": true, "hit": true, "struck": true, "attacked": true, "stormed": true, "bombed": true, "raided": true}

// peopleCues stand before a group of victims: "opened fire on tourists",
// "an attack against policemen", "targeting worshippers".
var peopleCues = map[string]bool{"on": true, "at": true, "against": true, "targeting": true, "targeted": true, "attacked": true, "killing": true, "killed": true, "wounding": true, "injuring": true, "ambushed": true, "among": true}

// findTargets fills the incident's targets when no cue named one, in news
// reports. An encyclopedia article's targets are its infobox's, or what a
// cue names: measured on the encyclopedia set's dev split, these
// candidates were right about one time in twenty-five there (a report's
// lead names its victims and site; an article's lead names the event).
func (d *docState) findTargets(in *incident, ms []*sent, lead int) {
	if len(in.targets) > 0 || !d.news {
		return
	}
	var person *targetCand
	var people, sites []*targetCand
	for _, st := range ms {
		if st.para > lead+targetParas || len(people) >= maxTargets && len(sites) >= maxTargets {
			break
		}
		if person == nil {
			if m := d.namedVictim(st); m != nil {
				name := m.surface
				if m.actor != nil {
					name = m.actor.name
				}
				person = &targetCand{name, st, ""}
			}
		}
		if len(st.cas) == 0 && !st.hasEvent(2) && len(st.weapons) == 0 {
			continue
		}
		for _, m := range d.x.lex.Targets.FindAll(st.toks) {
			start, mods := targetStart(st.toks, m.I)
			head := text.Join(d.body, st.toks, m.I, m.J)
			if needModifier[st.toks[m.J-1].Lower] && mods == 0 {
				continue
			}
			if m.J < len(st.toks) && st.toks[m.J].Text == "-" {
				continue // "police-station", "school-age": part of another word
			}
			name := text.Join(d.body, st.toks, start, m.J)
			prev := determinerBefore(st.toks, start)
			switch m.Val {
			case "people":
				if len(people) >= maxTargets || sameHead(people, head) {
					continue
				}
				if p := mentionAt(st, m.J); p != nil && p.actor != nil && person != nil && person.name == p.actor.name {
					continue // "Catholic priest Andrea Santore": the person is the target
				}
				tied := prev >= 0 && (peopleCues[st.toks[prev].Lower] || st.toks[prev].Kind == text.Number || isCountWord(st.toks[prev].Lower) && st.toks[prev].Lower != "at") ||
					m.J+1 < len(st.toks) && st.toks[m.J].Is("were", "was") && casualtyAt(st, m.J+1)
				// ("two U.S. officials told Reuters": who speaks of it)
				if tied && !(m.J < len(st.toks) && st.toks[m.J].Is("said", "say", "says", "told", "confirmed", "reported", "added", "stated")) {
					people = append(people, &targetCand{name, st, head})
				}
			case "site":
				if len(sites) >= maxTargets || head == "" || sameHead(sites, head) {
					continue
				}
				if prev >= 0 && siteCues[st.toks[prev].Lower] && !d.placeNamed(st, start, m.I) {
					name = text.Join(d.body, st.toks, start, targetEnd(st.toks, m.J))
					sites = append(sites, &targetCand{name, st, head})
				}
			case "owned":
				// "outside his home", "at their house": a home is a target
				// with its owner, whom the sentence names
				if len(sites) >= maxTargets || sameHead(sites, head) || start == 0 || !st.toks[start-1].Is("his", "her", "their") {
					continue
				}
				if p := start - 2; p >= 0 && siteCues[st.toks[p].Lower] {
					sites = append(sites, &targetCand{text.Join(d.body, st.toks, start-1, m.J), st, head})
				}
			}
		}
	}
	all := append(append([]*targetCand{person}, people...), sites...)
	for _, c := range all {
		if c != nil {
			in.addRole("target", c.name, nil, d.sentEvidence("", c.st, 0.55))
		}
	}
	// a headline names the site the lead may only describe: "Suicide attack
	// hits mall in Netanya", "Gunman kills eight at Jerusalem school"
	if len(sites) == 0 && in.title != "" {
		if name := d.headlineSite(in.title); name != "" {
			if ev := in.titleEvidence(); ev.End > ev.Start {
				in.addRole("target", name, nil, withField(ev, "targets"))
			}
		}
	}
}

// headlineVerbs stand before the site in a headline.
var headlineVerbs = map[string]bool{"storm": true, "stormed": true, "hits": true, "hit": true, "strikes": true, "attack": true, "attacks": true, "bombs": true, "targets": true, "rocks": true}

// headlineSite finds a site a headline says was attacked.
func (d *docState) headlineSite(title string) string {
	toks := text.Tokenize(title, 0)
	for _, m := range d.x.lex.Targets.FindAll(toks) {
		if m.Val != "site" || needModifier[toks[m.J-1].Lower] && m.I > 0 && !targetModifiers[toks[m.I-1].Lower] {
			continue
		}
		start, _ := targetStart(toks, m.I)
		prev := determinerBefore(toks, start)
		if prev >= 0 && (siteCues[toks[prev].Lower] || headlineVerbs[toks[prev].Lower]) && toks[prev].Lower != "in" {
			return title[toks[start].Start:toks[m.J-1].End]
		}
	}
	return ""
}

// targetStart walks back from a head noun over the words that qualify it:
// capitalised names and adjectives of peoples ("Hong Kong tourists",
// "Shia worshippers") and the modifiers above ("busy restaurant").
func targetStart(toks []text.Token, i int) (int, int) {
	k, mods := i, 0
	for k > 0 && mods < 3 {
		t := toks[k-1]
		if t.Is("a", "an", "the", "'s", "\u2019s") {
			break // "Belfast - A police officer": an article, capitalised after a dateline; a possessive's clitic
		}
		if t.Kind == text.Word && (t.Cap() && k-1 > 0 || targetModifiers[t.Lower] || nounModifier(toks, k-1)) {
			k--
			mods++
			continue
		}
		break
	}
	return k, mods
}

// nounModifier says whether the lower-case word at token k qualifies the
// noun after it ("a crowded tea shop", "a two-story hotel"): a word
// after an article or another modifier, not a verb, number or function
// word.
func nounModifier(toks []text.Token, k int) bool {
	t := toks[k]
	if t.Cap() || stopWord(t.Lower) || strings.HasSuffix(t.Lower, "ed") || strings.HasSuffix(t.Lower, "ing") || strings.HasSuffix(t.Lower, "ly") {
		return false
	}
	if k == 0 {
		return false
	}
	p := toks[k-1]
	return p.Is("a", "an", "the") || targetModifiers[p.Lower]
}

// targetEnd extends a site after its head with the owner the text gives
// it: "barracks of the Spanish paramilitary police Guardia Civil",
// "headquarters of Fatah" (not its town: "a hotel in Beledweyne" is the
// hotel, and the town is the incident's place).
func targetEnd(toks []text.Token, j int) int {
	if j+1 >= len(toks) || !toks[j].Is("of") {
		return j
	}
	k := j + 1
	if toks[k].Is("the") {
		k++
	}
	e := k
	for e < len(toks) && e < k+6 && toks[e].Kind == text.Word && (toks[e].Cap() || targetModifiers[toks[e].Lower] || toks[e].Is("region", "district", "area", "province", "city", "town", "village")) {
		e++
	}
	if e == k || !toks[k].Cap() && !targetModifiers[toks[k].Lower] {
		return j
	}
	return e
}

// determinerBefore is the index of the word before a phrase and its
// determiner ("in a busy restaurant": "in"), or -1.
func determinerBefore(toks []text.Token, start int) int {
	k := start - 1
	for k >= 0 && toks[k].Is("a", "an", "the", "his", "her", "its", "their", "several", "some") {
		k--
	}
	return k
}

// casualtyAt says whether a casualty word starts at token k ("killed").
func casualtyAt(st *sent, k int) bool {
	for _, c := range st.cas {
		if c.I == k {
			return true
		}
	}
	return false
}

// placeNamed says whether the phrase's modifiers are a place name ("the
// Baghdad market" is a target; "in Kabul City" is a place, which the
// location holds).
func (d *docState) placeNamed(st *sent, start, head int) bool {
	for _, m := range st.mentions {
		if m.i == start && m.j > head && m.kind == kindPlace {
			return true
		}
	}
	return false
}

// killVerbs say that the subject of "was ..." died or was attacked.
var killVerbs = map[string]bool{"shot": true, "killed": true, "murdered": true, "assassinated": true, "stabbed": true,
	"gunned": true, "beheaded": true, "kidnapped": true, "abducted": true, "wounded": true, "injured": true, "attacked": true}

// namedVictim finds a named person the sentence says was killed or
// attacked: "Isaías Carrasco, 42, was shot outside his house", "A Russian
// journalist, Anna Politkovskaya, who received ..., was found shot dead",
// "the death of journalist Gebran Tueni", "Tueni's death".
func (d *docState) namedVictim(st *sent) *mention {
	toks := st.toks
	for _, m := range st.mentions {
		if m.actor == nil || m.actor.kind != dossier.KindPerson {
			// "the death of anti-Syrian MP and journalist Gebran Tueni": a
			// name after a role is a person's even when no list knows it
			if m.actor == nil && m.kind == "" && m.j-m.i >= 2 && m.i > 0 && d.deathOf(toks, m.i-1, m.i) {
				return m
			}
			// a name with an age in brackets is a person's: "NAME (29)"
			if !(m.actor == nil && m.kind == "" && m.j-m.i >= 2 && m.j+2 < len(toks) && ageInBrackets(toks, m.j+1, m.j+1)) {
				continue
			}
		}
		// "the death of X", "the murder of X", "the death of anti-Syrian
		// MP and journalist X", "X's death"
		if d.deathOf(toks, m.i-1, m.i) {
			return m
		}
		if m.i >= 2 && toks[m.i-1].Lower == "of" && toks[m.i-2].Is("death", "murder", "killing", "assassination", "shooting") ||
			m.j+1 < len(toks) && (toks[m.j].Text == "'s" || toks[m.j].Text == "’s") && toks[m.j+1].Is("death", "murder", "killing", "assassination") {
			return m
		}
		k := m.j
		// an aside between commas: ", 42,", ", who received ...,"
		if k < len(toks) && toks[k].Text == "," {
			e := k + 1
			for e < len(toks) && e < k+30 && toks[e].Text != "," && toks[e].Text != ";" {
				e++
			}
			if e < len(toks) && toks[e].Text == "," {
				k = e + 1
			}
		}
		if k < len(toks) && toks[k].Is("who") {
			// "X, 61, who was based at the church was shot dead": past
			// the relative clause to the verb of X
			for e := k + 1; e+1 < len(toks) && e < k+25; e++ {
				if toks[e].Text == "." || toks[e].Text == ";" {
					break
				}
				if e > k+2 && toks[e].Is("was", "were") && killVerbs[toks[e+1].Lower] {
					k = e
					break
				}
			}
		}
		// an age in brackets: "NAME (29) died after being shot"
		if k+2 < len(toks) && toks[k].Text == "(" && toks[k+1].Kind == text.Number && toks[k+2].Text == ")" {
			k += 3
		}
		if k < len(toks) && toks[k].Is("has", "had") {
			k++
		}
		if k+1 < len(toks) && toks[k].Is("died", "dies") && diedOfViolence(toks, k+1) {
			return m // "NAME died after being shot during riots"
		}
		if k >= len(toks) || !toks[k].Is("was", "were", "been") {
			continue
		}
		k++
		for k < len(toks) && toks[k].Is("found", "fatally", "reportedly", "allegedly", "later", "been", "critically", "seriously") {
			k++
		}
		if k < len(toks) && killVerbs[toks[k].Lower] {
			return m
		}
	}
	return nil
}

// diedOfViolence says whether the words from token k after "died" give a
// violent cause: "after being shot", "of gunshot wounds", "from his
// injuries", "in the attack".
func diedOfViolence(toks []text.Token, k int) bool {
	for e := k; e < len(toks) && e < k+6; e++ {
		t := toks[e]
		if t.Text == "." || t.Text == ";" {
			return false
		}
		if killVerbs[t.Lower] || t.Is("shot", "stabbed", "wounds", "injuries", "attack", "blast", "explosion", "bombing", "shooting", "gunshot", "assault") {
			return true
		}
	}
	return false
}

// deathOf says whether the words before a name at token i, walking back
// from b over a role ("anti-Syrian MP and journalist"), are "the death
// of", "the murder of".
func (d *docState) deathOf(toks []text.Token, b, i int) bool {
	for b > 0 && b >= i-7 && toks[b].Lower != "of" && (toks[b].Text == "-" || toks[b].Kind == text.Word && (!toks[b].Cap() || roleWord(d, toks, b))) {
		b--
	}
	return b >= 1 && b < i-1 && toks[b].Lower == "of" && toks[b-1].Is("death", "murder", "killing", "assassination", "shooting")
}

// roleWord says whether the capitalized word at k is part of a role or a
// demonym before a name ("MP", "anti-Syrian"), not a name of its own.
func roleWord(d *docState, toks []text.Token, k int) bool {
	if n, _ := d.x.lex.Roles.MatchAt(toks, k); n > 0 {
		return true
	}
	if k > 0 && toks[k-1].Text == "-" {
		return true // "anti-Syrian"
	}
	return len(toks[k].Text) <= 3 && strings.ToUpper(toks[k].Text) == toks[k].Text
}

// loneInjury finds a sentence saying one person was hurt, with no figure:
// "a police officer was seriously wounded", "Isaías Carrasco's wife was
// injured". It returns the token where the verb starts, or -1.
func (d *docState) loneInjury(st *sent) int {
	toks := st.toks
	for k := 0; k+1 < len(toks); k++ {
		if !toks[k].Is("was") {
			continue
		}
		v := k + 1
		for v < len(toks) && toks[v].Is("seriously", "critically", "slightly", "badly", "lightly", "also", "reportedly") {
			v++
		}
		if v >= len(toks) || !toks[v].Is("wounded", "injured", "hurt") || v+1 < len(toks) && toks[v+1].Is("and") {
			continue // "was wounded and later died": a death
		}
		if d.loneSubject(st, k, "a", "an", "one", "another") {
			return v
		}
		if k >= 2 && toks[k-1].Is("another") && toks[k-2].Is("and", ",", "while") {
			return v // "four people were killed and another was injured": one more of them
		}
	}
	// active: "killing a 57-year-old woman and injuring a 24-year-old
	// bodyguard"
	for k := 0; k+2 < len(toks); k++ {
		if toks[k].Is("injuring", "wounding") && toks[k+1].Is("a", "an", "one") && loneVictimAt(toks, k+2) {
			return k
		}
		// "killing two officers and injuring another": one more of them
		if toks[k].Is("injuring", "wounding", "injured", "wounded") && toks[k+1].Lower == "another" && k > 0 && toks[k-1].Is("and", ",") &&
			(toks[k+2].Kind == text.Punct || toks[k+2].Is("in", "at", "on", "while", "when", "as", "before", "after", "during") || loneVictimAt(toks, k+2)) {
			return k
		}
	}
	return -1
}

// othersAfterLoneVictim counts the victims a killing verb's lone object
// is joined to by "and": "killing a priest and five congregants" (five),
// "killed a police officer and his driver" (one); 0 when none.
func (d *docState) othersAfterLoneVictim(st *sent) int {
	toks := st.toks
	for k := 0; k+2 < len(toks); k++ {
		if !headlineKill[toks[k].Lower] || !toks[k+1].Is("a", "an", "one") {
			continue
		}
		h := loneVictimHead(toks, k+2)
		if h < 0 || h+2 >= len(toks) || toks[h+1].Lower != "and" {
			return 0
		}
		switch n := h + 2; {
		case toks[n].Is("a", "an", "one", "his", "her", "their") && loneVictimAt(toks, n+1):
			return 1
		case n+1 < len(toks) && (toks[n].Kind == text.Number || isCountWord(toks[n].Lower)):
			for _, q := range st.qty {
				if st.start+q.Start == toks[n].Start && !q.Vague && !q.Approx && q.Min > 0 {
					for e := n + 1; e < len(toks) && e <= n+3; e++ {
						if d.peopleWord(toks[e].Lower) {
							return q.Min
						}
					}
				}
			}
		}
		return 0
	}
	return 0
}

// loneVictimAt says whether the words from token j describe one person: up
// to three words of description, an age ("24-year-old") among them, then
// a lone victim's noun.
func loneVictimAt(toks []text.Token, j int) bool { return loneVictimHead(toks, j) >= 0 }

// loneVictimHead is the token of the lone victim's noun loneVictimAt finds
// from token j, or -1.
func loneVictimHead(toks []text.Token, j int) int {
	words := 0
	for e := j; e < len(toks) && words < 4; e++ {
		if e+4 < len(toks) && toks[e].Kind == text.Number && toks[e+1].Text == "-" && toks[e+2].Is("year") && toks[e+3].Text == "-" && toks[e+4].Is("old") {
			e += 4 // "24-year-old"
			continue
		}
		if loneVictimHeads[toks[e].Lower] {
			return e
		}
		if toks[e].Kind != text.Word || stopWord(toks[e].Lower) {
			return -1
		}
		words++
	}
	return -1
}

// loneSubject says whether the subject before token k (its "was") is one
// person: a named victim, or one of the words articles lists before a lone
// victim word ("a police officer", "one soldier").
func (d *docState) loneSubject(st *sent, k int, articles ...string) bool {
	toks := st.toks
	if m := d.namedVictim(st); m != nil && m.i < k {
		return true
	}
	for s := k - 1; s >= 0 && s >= k-6; s-- {
		if loneVictimHeads[toks[s].Lower] {
			for a := s - 1; a >= 0 && a >= s-4; a-- {
				if toks[a].Is(articles...) {
					return true
				}
				if toks[a].Is("the", "two", "three", "several") || toks[a].Kind == text.Number {
					break
				}
			}
		}
	}
	return false
}

// noneHurt says whether a sentence says nobody was killed or hurt: "nobody
// was killed or injured", "no one was killed or wounded".
func noneHurt(st *sent) bool {
	toks := st.toks
	for k := 0; k+4 < len(toks); k++ {
		none := toks[k].Is("nobody", "none") || toks[k].Lower == "no" && toks[k+1].Is("one")
		if !none {
			continue
		}
		j := k + 1
		if toks[k].Lower == "no" {
			j++
		}
		if j+3 < len(toks) && toks[j].Is("was", "were") && toks[j+1].Is("killed", "hurt", "injured", "wounded") &&
			toks[j+2].Is("or", "nor", "and") && toks[j+3].Is("killed", "hurt", "injured", "wounded") {
			return true
		}
	}
	return false
}

// noInjuries returns the token where a sentence says nobody was hurt,
// without a word on the dead: "no injuries were reported", "there were no
// reports of injuries", "nobody was injured", "no one was hurt", or -1.
// "no other injuries" says there were some; a side's own toll ("the
// troops suffered no injuries") is not the act's.
func noInjuries(toks []text.Token) int {
	hurt := func(j int) bool {
		return j < len(toks) && toks[j].Is("injuries", "injured", "hurt", "wounded", "wounds")
	}
	for k := 0; k+1 < len(toks); k++ {
		switch {
		case nobodyAt(toks, k) > 0:
			j := nobodyAt(toks, k)
			if j+1 < len(toks) && toks[j].Is("was", "were") && hurt(j+1) && !(j+2 < len(toks) && toks[j+2].Is("or", "and", "nor")) {
				return k
			}
		case toks[k].Lower == "no":
			j := k + 1
			if j < len(toks) && toks[j].Is("immediate") {
				j++
			}
			if j+1 < len(toks) && toks[j].Is("reports", "report") && toks[j+1].Is("of") {
				j += 2
			}
			if j < len(toks) && toks[j].Is("casualties") && j == k+1 && (k > 0 && toks[k-1].Is("were", "caused", "causing", "leaving", "left") || j+1 < len(toks) && toks[j+1].Is("were", "was")) {
				return k // casualties are the dead and the wounded: none of either
			}
			if !hurt(j) || toks[j].Is("injured", "hurt", "wounded") {
				continue
			}
			if k > 0 && toks[k-1].Is("suffered", "sustained", "took") {
				continue
			}
			if k > 0 && toks[k-1].Is("were", "was", "caused", "causing", "leaving", "left") || j+1 < len(toks) && toks[j+1].Is("were", "was", "have", "had") {
				return k
			}
		case negatedAny(toks, k) && (hurt(k+1) && !toks[k+1].Is("injured", "hurt", "wounded") || toks[k+1].Is("casualties") ||
			k+3 < len(toks) && toks[k+1].Is("deaths", "fatalities") && toks[k+2].Is("or", "and") && hurt(k+3)):
			return k // "did not cause any injuries", "without causing any casualties", "any deaths or injuries"
		}
	}
	return -1
}

// nobodyAt returns the token after "nobody" or "no one" at token k, or 0.
func nobodyAt(toks []text.Token, k int) int {
	switch {
	case toks[k].Is("nobody"):
		return k + 1
	case toks[k].Lower == "no" && k+1 < len(toks) && toks[k+1].Lower == "one":
		return k + 2
	}
	return 0
}

// noDeaths returns the token where a sentence says nobody died ("nobody
// was killed", "no one died", "there were no fatalities", "claimed no
// casualties", "no deaths were reported"), or -1. "no casualties" after
// a side's verb ("troops suffered no casualties") is one side's toll, not
// the act's.
func noDeaths(toks []text.Token) int {
	for k := 0; k+1 < len(toks); k++ {
		switch {
		case nobodyAt(toks, k) > 0:
			j := nobodyAt(toks, k)
			if j < len(toks) && toks[j].Is("died") || j+1 < len(toks) && toks[j].Is("was") && toks[j+1].Is("killed") {
				return k
			}
		case toks[k].Lower == "no" && toks[k+1].Is("fatalities", "deaths", "casualties"):
			if k > 0 && toks[k-1].Is("suffered", "sustained", "took", "reported") {
				continue
			}
			if k > 0 && toks[k-1].Is("were", "claimed", "caused", "causing", "leaving", "left") || k+2 < len(toks) && toks[k+2].Is("were", "was") {
				return k
			}
		case negatedAny(toks, k) && toks[k+1].Is("fatalities", "deaths", "casualties", "loss"):
			return k // "did not cause any deaths", "without causing any casualties"
		}
	}
	return -1
}

// negatedAny says whether token k is "any" after a negation of the verb
// before it: "did not cause any", "didn't result in any", "without
// causing any", "without any".
func negatedAny(toks []text.Token, k int) bool {
	if toks[k].Lower != "any" || k+1 >= len(toks) {
		return false
	}
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		if toks[b].Is("not", "n't", "without", "never") {
			return true
		}
		if toks[b].Kind != text.Word || toks[b].Is("suffer", "suffered", "sustain", "sustained", "take", "took", "incur", "incurred") {
			return false // ("the troops did not suffer any casualties": one side's toll)
		}
	}
	return false
}

// lone victim words: "A police officer has been killed", "a boy was killed".
var loneVictimHeads = map[string]bool{"man": true, "woman": true, "boy": true, "girl": true, "child": true, "person": true,

	"officer": true, "policeman": true, "policewoman": true, "soldier": true, "politician": true, "journalist": true,
	"priest": true, "nun": true, "councillor": true, "councilor": true, "guard": true, "civilian": true, "student": true,
	"teacher": true, "worker": true, "leader": true, "official": true, "judge": true, "lawyer": true, "activist": true,
	"mayor": true, "candidate": true, "governor": true, "jawan": true, "senator": true, "lawmaker": true, "minister": true, "tourist": true, "pilgrim": true, "member": true, "commander": true, "peacekeeper": true,
	"diplomat": true, "bodyguard": true, "driver": true, "passenger": true, "resident": true, "villager": true, "farmer": true,
	"doctor": true, "nurse": true, "businessman": true, "engineer": true, "employee": true, "prisoner": true, "monk": true,
	"teenager": true, "youth": true, "cleric": true, "imam": true, "reporter": true, "photographer": true, "cameraman": true,
	"trader": true, "shopkeeper": true, "pedestrian": true, "motorcyclist": true, "contractor": true, "refugee": true,
	"ranger": true, "trooper": true, "constable": true, "gendarme": true, "militiaman": true, "sergeant": true, "captain": true,
	"colonel": true, "lieutenant": true, "marine": true, "sailor": true, "airman": true, "pilot": true, "cadet": true, "recruit": true,
	"volunteer": true, "herder": true, "herdsman": true, "fisherman": true, "elder": true, "chief": true, "informer": true, "watchman": true}

// deathVerbs say that the subject of "was ..." died.
var deathVerbs = map[string]bool{"killed": true, "murdered": true, "assassinated": true, "beheaded": true, "executed": true}

// loneDeath finds a sentence saying one person was killed, with no figure:
// "A police officer has been killed in County Armagh", "Isaías Carrasco,
// 42, was shot dead", "Anna Politkovskaya ... was found shot dead". It
// returns the token where the verb starts, or -1.
func (d *docState) loneDeath(st *sent) int {
	toks := st.toks
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Is("died") && diedOfViolence(toks, k+1) && d.loneSubject(st, k, "a", "an", "one") {
			return k // "NAME (29) died after being shot", "a policeman died of his wounds"
		}
		if !toks[k].Is("was", "been") {
			continue
		}
		v := k + 1
		for v < len(toks) && toks[v].Is("found", "reportedly", "allegedly", "later") {
			v++
		}
		if v >= len(toks) {
			break
		}
		dies := deathVerbs[toks[v].Lower] || v+1 < len(toks) && (toks[v].Lower == "shot" && toks[v+1].Is("dead") || toks[v].Lower == "fatally" && toks[v+1].Is("shot", "stabbed", "wounded"))
		if !dies {
			continue
		}
		// the subject: a named person, or "a/an/one" + a lone victim word
		if d.loneSubject(st, k, "a", "an", "one") {
			return v
		}
	}
	return d.namedObjectKilled(st)
}

// namedObjectKilled finds the active voice of a killing whose object is
// one named person: "soldiers gunned down veteran President NAME as he
// fled", "gunmen shot dead the mayor of Kandi, NAME, outside his home".
// It returns the token where the verb starts, or -1.
func (d *docState) namedObjectKilled(st *sent) int {
	toks := st.toks
	for k := 1; k+2 < len(toks); k++ {
		e := 0 // where the verb phrase ends
		switch {
		case toks[k].Is("shot") && toks[k+1].Is("dead"), toks[k].Is("gunned") && toks[k+1].Is("down"):
			e = k + 2
		case deathVerbs[toks[k].Lower]:
			e = k + 1
		}
		if e == 0 || toks[k-1].Is("was", "were", "been", "being", "is", "are", "be", "and", "who", "which", "that", "had") {
			continue // the passive is loneDeath's; "wounded and killed": another's toll; "the people who assassinated NAME": another act
		}
		for _, m := range st.mentions {
			if m.i < e || m.i > e+6 {
				continue
			}
			person := m.kind == dossier.KindPerson || m.actor != nil && m.actor.kind == dossier.KindPerson
			if !person {
				continue
			}
			// between the verb and the name: titles and the words of an
			// office ("veteran President", "the mayor of Kandi,")
			ok := true
			for c := e; c < m.i; c++ {
				if toks[c].Kind != text.Word && !(toks[c].Text == "," && c == m.i-1) || toks[c].Kind == text.Number || isCountWord(toks[c].Lower) {
					ok = false
				}
			}
			// one person: no other victim joined to the name
			if ok && m.j < len(toks) && !toks[m.j].Is("and", "&") && !(toks[m.j].Text == "," && m.j+1 < len(toks) && toks[m.j+1].Kind == text.Number) {
				return k
			}
			break
		}
	}
	return -1
}
