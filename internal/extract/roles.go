package extract

import (
	"slices"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/lexicon"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
)

// party is an actor found in a role: a named actor, or a described group.
type party struct {
	name       string
	actor      *actor
	start, end int
}

// hedges make a statement about responsibility an accusation rather than
// a fact: "the general consensus is that it was perpetrated by ...". A
// report's attribution alone ("police said", "according to police") does
// not: news tells every fact so ("According to police, NAME shot and
// killed a guard").
var hedges = map[string]bool{"consensus": true, "believed": true, "likely": true, "probably": true, "suspected": true,
	"alleged": true, "alleging": true, "reportedly": true, "thought": true,
	"may": true, "might": true, "accused": true, "blamed": true, "possibly": true, "presumably": true, "suspicion": true,
	"suggested": true, "claimed": true, "claims": true, "allegedly": true, "unconfirmed": true, "speculated": true}

// findRoles reads perpetrators, accused and targets of the incident a
// sentence is about.
func (d *docState) findRoles(in *incident, st *sent, prio int) {
	if in.main && (d.otherTimeSentence(st) || otherActSubject(st)) {
		return // "Last month, GROUP claimed an attack ...", "That attack was claimed by ...": another act's roles
	}
	toks := st.toks
	for _, m := range slices.Concat(d.responsibility(st), claimedActs(st), agentsPastAdverbial(toks)) {
		if slices.ContainsFunc(st.mentions, func(x *mention) bool { return x.i <= m.I && m.J <= x.j }) {
			continue // "IS Claims Credit for Bomb Blast": a headline's words in capitals, read as one name
		}
		role := m.Val.Role
		var ps []party
		switch m.Val.Side {
		case "after":
			from := m.J
			if role == "perpetrator" && toks[m.J-1].Lower == "as" && victimIdentified(toks, m.I) {
				continue // "a civilian who was identified as NAME died": a victim's name
			}
			if role == "accused" && toks[m.J-1].Is("blamed", "blames", "blame", "blaming") {
				from = blamedOn(toks, m.J) // "blamed the attack on the ADF": who is blamed follows "on"
			}
			ps = d.partiesAfter(st, from, role == "target")
			if toks[m.J-1].Is("gunman", "bomber", "attacker", "shooter", "assailant", "perpetrator") && len(ps) > 0 {
				// "gunman NAME", "the gunman, NAME,", "the perpetrator —
				// NAME —": a name set beside the
				// noun, not one further on ("a lone gunman entered NAME's
				// classroom")
				k := st.tokenIndexAt(ps[0].start)
				if !(k == m.J || k == m.J+1 && toks[m.J].Is(",", "—", "–", "-", "(", ":")) {
					ps = nil
				}
			}
			if len(ps) == 0 && role == "perpetrator" && claimCue(toks, m.I, m.J) {
				// "responsibility was claimed by Jundallah": after a claim, a
				// name no list knows is the group that claims
				if p, ok := d.unknownGroupAt(st, m.J); ok {
					ps = []party{p}
				}
			}
		case "before":
			ps = d.partiesBefore(st, m.I)
			if len(ps) == 0 && role == "perpetrator" && claimCue(toks, m.I, m.J) {
				// "A group that says it fights for X, NAME, claimed
				// credit": a name no list knows, set off by commas right
				// before the claim, is the group that claims
				if p, ok := d.namedAsideBefore(st, m.I); ok {
					ps = []party{p}
				}
			}
			if role == "accused" && saysOfItself(toks, m.I-1) >= 0 && !hedged(toks, m.I) {
				role = "perpetrator" // "GROUP said it was behind the attack": its word of its own act is its claim
			}
			if len(ps) > 0 && ps[0].start > 0 && earlierClause(toks, st.tokenIndexAt(ps[0].start)) {
				ps = nil // "re-ignited after GROUP claimed responsibility for the killings of two policemen": another act
			}
		}
		if len(ps) == 0 {
			continue
		}
		if role == "target" && in.main && !d.nearMain(st) {
			continue // "Soleimani was assassinated" in the background of another attack
		}
		if role == "target" && causeBefore(toks, m.I) {
			continue // "in retaliation for the assassination of X": an earlier event
		}
		if role == "target" && blameBefore(toks, m.I) {
			continue // "blamed the attacks on al-Shabaab": who is blamed, not who was hit
		}
		if role == "accused" && (!accusationOfIncident(toks, m.J) || doubted(toks, m.I)) {
			continue
		}
		if role == "perpetrator" && hedged(toks, m.I) && !(claimCue(toks, m.I, m.J) && !doubtedClaim(toks, m.I)) {
			role = "accused"
		}
		if role == "perpetrator" && negated(toks, m.I) {
			continue
		}
		for _, p := range ps {
			if role != "target" && p.actor != nil && p.actor.kind == kindPlace {
				continue
			}
			ev := d.sentEvidence("", st, 0.7)
			in.addRole(role, p.name, p.actor, ev)
		}
	}
	// "The gunman was 66-year-old NAME": the attacker the report told of,
	// named (anywhere in the report: "the gunman" is its own)
	for k := 1; k+2 < len(toks); k++ {
		if toks[k-1].Lower == "the" && toks[k].Is("gunman", "shooter", "attacker", "assailant", "bomber") && toks[k+1].Lower == "was" && nameAfterCopula(toks, k+2) {
			for n, p := range d.partiesAfter(st, k+2, false) {
				if n == 0 && p.actor != nil && p.actor.kind == dossier.KindPerson {
					in.addRole("perpetrator", p.name, p.actor, d.sentEvidence("", st, 0.6))
				}
			}
		}
	}
	// "identified the 29-year-old shooter as NAME": the attacker the report
	// told of, named by whoever identified him
	for k := 0; k+3 < len(toks); k++ {
		if !toks[k].Is("identified", "named") {
			continue
		}
		for a := k + 1; a < len(toks) && a <= k+8; a++ {
			if toks[a].Is("gunman", "shooter", "attacker", "assailant", "bomber") {
				// (a name of two to four capitalised words no list knows
				// is the person's)
				if m := mentionAt(st, a+2); a+1 < len(toks) && toks[a+1].Lower == "as" && m != nil {
					p := m.actor
					if p == nil && m.kind == "" && m.j-m.i >= 2 && m.j-m.i <= 4 && allCapitalised(toks, m.i, m.j) {
						p = d.actorOf(m, dossier.KindPerson)
					}
					if p != nil && p.kind == dossier.KindPerson {
						in.addRole("perpetrator", p.name, p, d.sentEvidence("", st, 0.6))
					}
				}
				break
			}
			if toks[a].Kind != text.Word && toks[a].Kind != text.Number && toks[a].Text != "-" {
				break
			}
		}
	}
	// "the two attackers are believed to have been members of GROUP",
	// "Those attackers are GROUP": the report's attackers said to be a group
	for k := 1; k+2 < len(toks); k++ {
		if !toks[k].Is("attackers", "gunmen", "bombers", "assailants", "attacker", "gunman", "bomber", "assailant", "shooter", "shooters") ||
			!toks[k+1].Is("was", "were", "are", "is") || !toks[k-1].Is("the", "those", "these", "two", "three", "four", "both", "suicide") {
			continue
		}
		if k+3 < len(toks) && toks[k+2].Lower == "not" {
			continue
		}
		j, role := k+2, "perpetrator"
		if toks[j].Is("believed", "thought", "suspected", "said", "reported", "likely", "probably", "allegedly") {
			role = "accused"
			j++
			for j < len(toks) && j < k+7 && toks[j].Is("to", "be", "have", "been", "likely") {
				j++
			}
		}
		if j+1 < len(toks) && toks[j].Is("members", "fighters", "militants", "operatives") && toks[j+1].Lower == "of" {
			j += 2
		} else if j < len(toks) && toks[j].Is("from", "of") {
			j++
		}
		for n, p := range d.partiesAfter(st, j, false) {
			if n == 0 && p.actor != nil && p.actor.kind == dossier.KindArmedGroup && st.tokenIndexAt(p.start) <= j+4 {
				in.addRole(role, p.name, p.actor, d.sentEvidence("", st, 0.6))
			}
		}
	}
	if in.main && !d.nearMain(st) && !namesTargetOf(st, in) {
		return
	}
	// passive voice with the agent further on: "was attacked on 31 December
	// 2019 by Kata'ib Hezbollah militiamen"
	type span struct{ I, J int }
	var acts []span
	for _, e := range st.events {
		if e.Val.Weight >= 2 {
			acts = append(acts, span{e.I, e.J})
		}
	}
	for _, c := range st.cas {
		// "A police officer has been killed in County Armagh, Northern
		// Ireland by Continuity IRA gunmen"
		if c.Val.Field == "fatalities" || c.Val.Field == "injuries" {
			acts = append(acts, span{c.I, c.J})
		}
	}
	for _, e := range acts {
		if e.I == 0 || !toks[e.I-1].Is("was", "were", "been", "being") {
			continue
		}
		for k := e.J; k < len(toks) && k < e.J+12; k++ {
			if toks[k].Text == ";" || toks[k].Is("which", "who", "while", "but") {
				break
			}
			if toks[k].Is("was", "were", "is", "are") {
				break // "the cafe where the bomb was detonated was frequented by MPs": another verb's agent
			}
			if toks[k].Lower == "by" {
				role := "perpetrator"
				if hedged(toks, e.I) {
					role = "accused"
				}
				for _, p := range d.partiesAfter(st, k+1, false) {
					if p.actor != nil && p.actor.kind != kindPlace {
						in.addRole(role, p.name, p.actor, d.sentEvidence("", st, 0.65))
					}
				}
				break
			}
		}
	}
	// an act named by a noun and its agent after "by": "a massacre of 26
	// Hindus in the Chapnari village ... by terrorists belonging to ...",
	// "an ambush by al-Mourabitoun", "a terrorist attack by PKK"
	for _, e := range st.events {
		if e.Val.Weight < 2 || e.I > 0 && toks[e.I-1].Is("was", "were", "been", "being", "is", "are") || strings.HasSuffix(toks[e.J-1].Lower, "ed") {
			continue
		}
		if describedAs(toks, e.I) || cuedBefore(toks, e.I) {
			continue // "described as a drive-by shooting by a Ministry of Defence spokesperson": who spoke
		}
		if seriesItem(toks, e.I) {
			continue // "the fourth attack in a month, including the assassination of X by Y": an earlier act of the series
		}
		if answeredAct(toks, e.I) {
			continue // "in response to the deadly attack by GROUP": the act this one answers
		}
		if k := agentBy(st, e.J); k > 0 {
			role := "perpetrator"
			if hedged(toks, e.I) {
				role = "accused"
			}
			for n, p := range d.partiesAfter(st, k+1, false) {
				if n == 0 && verbBetween(toks, k+1, p.start) {
					break // "an explosion by a three-wheeled motorcycle targeting an Afghan army convoy": not the agent
				}
				if p.actor != nil && p.actor.kind != kindPlace {
					in.addRole(role, p.name, p.actor, d.sentEvidence("", st, 0.6))
				}
			}
		}
	}
	// active voice: "the Houthi movement conducted an attack", "Hamas
	// initiated a surprise invasion ... and killed", "employees of Blackwater
	// shot at Iraqi civilians"
	for i, t := range toks {
		isVerb, groupOnly := false, false
		switch t.Lower {
		case "conducted", "launched", "staged", "perpetrated", "mounted", "committed", "initiated", "orchestrated", "executed", "carried":
			// followed by an attack noun
			for k := i + 1; k < len(toks) && k < i+6; k++ {
				for _, e := range st.events {
					if e.I == k && e.Val.Weight >= 2 {
						isVerb = true
					}
				}
			}
		case "killed":
			// "Tristan van der Vlis ... killed six people": an actor killing
			// a number; "extremists of GROUP killed a villager": a group
			// killing one
			groupOnly = i+1 < len(toks) && toks[i+1].Is("a", "an")
			isVerb = i+1 < len(toks) && (toks[i+1].Kind == text.Number || isCountWord(toks[i+1].Lower) || groupOnly) && !(i > 0 && toks[i-1].Is("was", "were", "been", "being", "is", "are"))
			if isVerb && perfectTally(toks, i) {
				isVerb = false // "GROUP has killed thousands of people in a six-year insurgency": its war's dead
			}
		case "fired":
			// "Rolando Mendoza fired his M16 rifle at the tourists", "the
			// militia fired two missiles in a city"
			for k := i + 1; k < len(toks) && k < i+6; k++ {
				if toks[k].Is("at", "on", "into", "upon") || k < i+4 && slices.ContainsFunc(st.weapons, func(w text.Match[lexicon.Weapon]) bool { return w.I == k }) {
					isVerb = !(i > 0 && toks[i-1].Is("was", "were", "been", "being", "is", "are"))
					break
				}
			}
		case "attacking", "storming", "shelling", "raiding", "bombing", "firing":
			// "the RSF began attacking the village": an act begun
			isVerb = i > 0 && toks[i-1].Is("began", "begun", "started", "continued", "kept", "resumed") && i+1 < len(toks) &&
				(t.Lower != "firing" || toks[i+1].Is("at", "on", "into", "upon"))
		case "shot", "gunned":
			// "the UVF ... shot dead three civilians", "gunned down two"
			// ("NAME has shot and killed guard NAME")
			isVerb = i+1 < len(toks) && (toks[i+1].Is("dead", "down") || i+2 < len(toks) && toks[i+1].Lower == "and" && toks[i+2].Is("killed", "wounded", "injured")) &&
				!(i > 0 && toks[i-1].Is("was", "were", "been", "being", "is", "are"))
		case "attacked", "stormed", "bombed", "ambushed", "detonated", "opened", "shelled", "raided", "massacred", "abducted", "kidnapped",
			"triggered", "planted", "hurled", "set":
			// ("set off a landmine", "triggered an IED blast", "hurled a grenade")
			isVerb = i+1 < len(toks) && !(t.Lower == "opened" && toks[i+1].Lower != "fire") && !(t.Lower == "set" && toks[i+1].Lower != "off")
			if i > 0 && toks[i-1].Is("was", "were", "been", "being", "is", "are") {
				isVerb = false // passive: the subject is the target
			}
		}
		if !isVerb || (i+1 < len(toks) && toks[i+1].Lower == "by") || (t.Lower == "carried" && (i+1 >= len(toks) || toks[i+1].Lower != "out")) {
			continue
		}
		if attackerObject(toks, i+1) {
			continue // "police shot and wounded a knifeman who attacked": the answer to the act
		}
		at := i
		if !strings.HasSuffix(t.Lower, "ed") && i > 0 && toks[i-1].Is("began", "begun", "started", "continued", "kept", "resumed") {
			at = i - 1 // "began attacking": the subject is before the first verb
		}
		for _, p := range d.partiesBefore(st, at) {
			if p.actor == nil || p.actor.kind == kindPlace || p.actor.kind == dossier.KindPerson && !p.actor.kindConf {
				continue
			}
			if groupOnly && p.actor.kind != dossier.KindArmedGroup {
				continue // "police killed a suspect": another act
			}
			if k := st.tokenIndexAt(p.start); earlierClause(toks, k) && !causeClause(toks, k) {
				continue // "after FORCES killed two fugitives": another act
			}
			if e := st.tokenIndexAt(p.end - 1); e+1 < len(toks) && toks[e+1].Is("'s", "’s") {
				continue // "a gunman entered NAME's son's classroom and fired at": whose room, not who fired
			}
			if k := st.tokenIndexAt(p.start); p.actor.kind == dossier.KindState && slices.ContainsFunc(st.mentions, func(m *mention) bool {
				return m.i == k && m.demonym && personDemonym(toks, m.i, m.j)
			}) {
				continue // "A Palestinian opened fire": one person of a people, not its state
			}
			if t.Lower == "fired" && p.actor.collective && !names.HasUpper(p.name) {
				continue // "another group of attackers then fired on": nobody named
			}
			role := "perpetrator"
			if hedged(toks, i) {
				role = "accused"
			}
			in.addRole(role, p.name, p.actor, d.sentEvidence("", st, 0.6))
		}
	}
	// "a Taliban attack", "an American drone strike": a group or a state
	// written before the attack noun carried it out; so before a weapon
	// that acts ("Taliban roadside bombs killed five", "Russian missiles
	// struck")
	type head struct {
		k      int  // the token before the noun
		remote bool // an act that strikes from afar
		riot   bool
		weapon bool
	}
	var heads []head
	for _, e := range st.events {
		if e.I == 0 || e.Val.Weight < 2 && e.Val.Type != "Explosions/Remote violence" {
			continue
		}
		heads = append(heads, head{k: e.I - 1, remote: e.Val.SubType == "Air/drone strike" || e.Val.SubType == "Shelling/artillery/missile attack",
			riot: e.Val.Type == "Protests" || e.Val.Type == "Riots"})
	}
	for _, w := range st.weapons {
		if w.I > 0 && w.J < len(toks) && !w.Val.Implied && toks[w.J].Is("killed", "struck", "hit", "wounded", "injured", "exploded", "destroyed", "targeted", "kill", "kills", "hits", "strike", "strikes") {
			heads = append(heads, head{k: w.I - 1, weapon: true})
		}
	}
	for _, h := range heads {
		k := h.k
		for k > 0 && (toks[k].Lower == "drone" || toks[k].Lower == "suicide" || toks[k].Lower == "air" || toks[k].Lower == "rocket" || toks[k].Lower == "missile" || toks[k].Lower == "bomb" || toks[k].Lower == "terrorist" || toks[k].Lower == "car" || toks[k].Lower == "roadside") {
			k--
		}
		// "the Rapid Support Forces' shelling", "Hamas's attack": the
		// possessive names whose act it is
		if !h.weapon && k > 0 && toks[k].Is("'s", "’s", "'", "’") && toks[k].Start == toks[k-1].End {
			k--
		}
		for _, mm := range st.mentions {
			if mm.j-1 != k {
				continue
			}
			if earlierClause(toks, mm.i) {
				continue // "one week after a STATE air strike killed the group's chief": another act
			}
			if mm.demonym && personDemonym(toks, mm.i, mm.j) {
				continue // "A Palestinian opened fire": a person, not the state
			}
			if mm.i > 0 && (toks[mm.i-1].Text == "," || toks[mm.i-1].Is("in", "of", "at", "near", "from", "across", "throughout")) {
				// "in the town of Zemmouri, Boumerdès Province, Algeria
				// killing 8": the end of a place, not the attack's agent
				continue
			}
			// a country's name before the noun says where unless the act
			// strikes from afar ("the 10 May 2010 Iraq attacks", but "a US
			// drone strike"); its adjective says who ("an American drone
			// strike", "an Israeli raid")
			byName := mm.kind == dossier.KindState && !mm.demonym
			if byName && (!h.remote || h.weapon) {
				continue
			}
			if (mm.demonym || mm.kind == dossier.KindState) && mm.country != "" && !h.riot {
				a := d.stateActor(mm)
				in.addRole("perpetrator", a.name, a, d.sentEvidence("", st, 0.6))
			} else if mm.actor != nil && (mm.actor.kind == dossier.KindArmedGroup) {
				role := "perpetrator"
				if hedged(toks, mm.i) {
					role = "accused"
				}
				in.addRole(role, mm.actor.name, mm.actor, d.sentEvidence("", st, 0.6))
			}
		}
	}
}

// namesTargetOf says whether a sentence refers back to what the incident
// struck, by a definite noun phrase with its target's head word: "the
// LRA attacked the camp in three groups", later in a report of "an attack
// on a displaced people's camp". Words for people in general ("the
// civilians") refer to no one incident.
func namesTargetOf(st *sent, in *incident) bool {
	for _, t := range in.targets {
		f := strings.Fields(strings.ToLower(t))
		if len(f) == 0 {
			continue
		}
		h := strings.Trim(f[len(f)-1], "'’")
		if len(h) < 4 || genericTargetHeads[h] {
			continue
		}
		for i, tk := range st.toks {
			if tk.Lower != h || i == 0 {
				continue
			}
			if st.toks[i-1].Is("the", "that") || i >= 2 && st.toks[i-2].Is("the", "that") && st.toks[i-1].Kind == text.Word && !st.toks[i-1].Cap() {
				return true
			}
		}
	}
	return false
}

// genericTargetHeads are target words that name people or things in
// general, which a later sentence may use of any incident.
var genericTargetHeads = map[string]bool{
	"people": true, "civilians": true, "persons": true, "residents": true, "villagers": true, "soldiers": true,
	"police": true, "policemen": true, "troops": true, "forces": true, "children": true, "women": true, "members": true,
	"officers": true, "workers": true, "area": true, "town": true, "city": true, "village": true, "country": true,
}

// stateActor returns the state actor a country adjective names.
func (d *docState) stateActor(m *mention) *actor {
	if m.actor != nil {
		return m.actor
	}
	if a := d.byKey[nameKey(m.country)]; a != nil {
		return a
	}
	e, _ := d.x.dict.Lookup(m.country)
	a := d.newActor(m.country, dossier.KindState, true, e)
	a.first = d.evidence("actor", m.start, m.end, dossier.MethodProse, 0.6)
	return a
}

// agentBy finds the "by" that introduces the agent of the act whose words
// end at token j, within the same clause: it stops at a clause boundary,
// at another verb's participle ("condemned by") and at another act.
func agentBy(st *sent, j int) int {
	toks := st.toks
	for k := j; k < len(toks) && k < j+25; k++ {
		t := toks[k]
		if t.Lower == "by" {
			if k > 0 && (documentNouns[toks[k-1].Lower] || toks[k-1].Is("statement", "statements", "communique", "communiqué", "announcement",
				"interview", "posting", "tweet", "post", "claim", "spokesman", "spokeswoman", "spokesperson")) && saysAfter(toks, k+1) {
				// "..., a statement by the UN refugee agency said": who wrote
				// it, the subject of its verb of saying (while "claimed in a
				// statement by ISIL" names the claimant)
				return -1
			}
			return k
		}
		if t.Text == ";" || t.Is("which", "who", "while", "but", "after", "before", "when", "since", "following", "and", "that", "as", "was", "were", "is", "are") && k > j ||
			t.Kind == text.Word && !t.Cap() && len(t.Lower) > 4 && (strings.HasSuffix(t.Lower, "ed") || strings.HasSuffix(t.Lower, "ing")) ||
			k > j && t.Is("hit", "struck", "shot", "blew", "tore", "threw", "drove", "left", "took", "set") {
			// (another clause's verb, irregular ones too: "the attack hit
			// a group of civilians")
			return -1
		}
		for _, e := range st.events {
			if e.I == k && k > j {
				return -1
			}
		}
	}
	return -1
}

// verbBetween says whether a verb form ("targeting", "driven") stands
// between token i and the byte offset end: the party after it is not the
// agent of "by". "by the Basque separatist organisation ETA" has none.
func verbBetween(toks []text.Token, i, end int) bool {
	for k := i; k < len(toks) && toks[k].Start < end; k++ {
		l := toks[k].Lower
		if toks[k].Kind == text.Word && !toks[k].Cap() && len(l) > 4 && (strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ed") && !adjectiveEd(l)) {
			return true
		}
	}
	return false
}

// adjectiveEd are -ed words that qualify a group, not verbs: "armed",
// "Iran-backed".
func adjectiveEd(w string) bool {
	switch w {
	case "armed", "backed", "based", "affiliated", "aligned", "linked", "allied", "sponsored", "supported", "unidentified", "masked", "suspected", "alleged":
		return true
	}
	return false
}

// describedAs says whether the act at token i is a name someone gave it:
// "described as a shooting", "called it an attack".
func describedAs(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		if toks[k].Is("described", "describing", "called", "calling", "termed", "labelled", "labeled", "branded", "dubbed") {
			return true
		}
	}
	return false
}

// cuedBefore says whether the act at token i is the object of a cue of its
// own or of a negation ("accused of the attack by the government", "no
// group claimed the attack"): its "by" names the accuser, not the agent.
func cuedBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if toks[k].Is("accused", "blamed", "responsibility", "claimed", "condemned", "denied", "suspected", "no", "not", "reprisal", "retaliation", "revenge") {
			return true
		}
	}
	return false
}

func hedged(toks []text.Token, upto int) bool {
	// an aside right before the cue describes the subject, it does not
	// hedge the act: "Jundallah, a Sunni militant group suspected of having
	// ties with al-Qaida, took responsibility"
	asideStart, asideEnd := -1, -1
	if upto > 0 && upto <= len(toks) && toks[upto-1].Text == "," {
		for k := upto - 2; k >= 0; k-- {
			if toks[k].Text == "," {
				asideStart, asideEnd = k, upto-1
				break
			}
		}
	}
	for k := 0; k < upto && k < len(toks); k++ {
		if k > asideStart && k < asideEnd {
			continue
		}
		if hedges[toks[k].Lower] {
			return true
		}
	}
	return false
}

// claimCue says whether the cue at toks[i:j] is a claim of responsibility:
// a group's claim reported by someone ("according to the BBC, Islamic
// Jihad later claimed responsibility") is still its claim.
func claimCue(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Is("claimed", "claims", "claiming", "responsibility", "responsible") {
			return true
		}
	}
	// "the group said it had carried out the attack": a group's word of
	// its own act is its claim
	k := i - 1
	for k >= 0 && toks[k].Is("had", "has", "have") {
		k--
	}
	return saysOfItself(toks, k) >= 0
}

// saysOfItself reads "X said (that) it" backwards from the pronoun at token
// k: the token that ends the speaker's phrase (before the speech verb), or
// -1 when the pronoun is not the speaker's word of itself.
func saysOfItself(toks []text.Token, k int) int {
	if k < 1 || k >= len(toks) || !toks[k].Is("it", "they") {
		return -1
	}
	v := k - 1
	if v >= 1 && toks[v].Is("that") {
		v--
	}
	if v >= 0 && toks[v].Is("said", "stated", "announced", "claimed", "admitted", "confirmed", "declared", "says", "states") {
		return v - 1
	}
	// "said in a statement that it carried out", "said on its website it"
	for w := v; w >= 1 && w >= v-5; w-- {
		if toks[w].Text == "," || toks[w].Text == ";" {
			break
		}
		if toks[w].Is("in", "on", "through", "via") && toks[w-1].Is("said", "stated", "announced", "claimed", "admitted", "confirmed", "declared", "says", "states") {
			return w - 2
		}
	}
	return -1
}

// doubtedClaim says whether a claim is itself in doubt: "a claim whose
// authenticity could not be verified", "purportedly claimed".
func doubtedClaim(toks []text.Token, at int) bool {
	for k := max(0, at-6); k < at; k++ {
		if toks[k].Is("purportedly", "purported", "unverified", "allegedly", "supposedly", "may", "might", "possibly", "probably", "likely", "believed", "suspected") {
			return true
		}
	}
	return false
}

func negated(toks []text.Token, at int) bool {
	for k := at - 1; k >= 0 && k >= at-4; k-- {
		switch toks[k].Lower {
		case "no", "not", "nobody", "never", "none":
			return true
		}
	}
	return false
}

// partiesAfter reads the actors named right after a cue, with their
// coordinates: "by Kata'ib Hezbollah militiamen and their PMF supporters",
// "Shi'te militias such as Kata'ib Hezbollah or Asaib Ahl al-Haq", "the
// Pakistan-based Islamist terrorist group, Jaish-e-Mohammed".
func (d *docState) partiesAfter(st *sent, k int, target bool) []party {
	toks := st.toks
	var out []party
	i := k
	skipped := 0
	for i < len(toks) && i < k+16 {
		t := toks[i]
		if p, n, ok := d.partyAt(st, i, target); ok {
			i += n
			// "terrorists belonging to the Islamic State": the group behind the generic noun
			if p.actor != nil && p.actor.collective && i+1 < len(toks) {
				j := i
				if toks[j].Is("belonging", "affiliated", "linked", "loyal", "allied", "from", "of") {
					j++
					if j < len(toks) && toks[j].Is("to", "with") {
						j++
					}
					if j < len(toks) && toks[j].Lower == "the" {
						j++
					}
					// ("militants of the Islamist group GROUP": a description first)
					for d0 := j; j < len(toks) && j < d0+4 && toks[j].Kind == text.Word && !stopWord(toks[j].Lower) && (!toks[j].Cap() || unknownWord(st, j)); j++ {
						if q, _, ok := d.partyAt(st, j, false); ok && q.actor != nil && !q.actor.collective {
							break
						}
					}
					if q, n2, ok := d.partyAt(st, j, false); ok && q.actor != nil && !q.actor.collective {
						p, i = q, j+n2
					}
				}
			}
			// "the militant Islamist group GROUP": a description, then
			// the name it describes
			if p.actor != nil && (p.actor.collective && !names.HasUpper(p.name) || descriptorsOnly(p.name)) {
				j := i
				for j < len(toks) && j < i+4 && toks[j].Kind == text.Word && !stopWord(toks[j].Lower) && (!toks[j].Cap() || unknownWord(st, j)) {
					if q, _, ok := d.partyAt(st, j, false); ok && q.actor != nil && !q.actor.collective {
						break // "al-Shabaab": the name, whatever its case
					}
					j++
				}
				if q, n2, ok := d.partyAt(st, j, false); ok && j > i && q.actor != nil && !q.actor.collective && q.actor.kind != kindPlace {
					p, i = q, j+n2
				}
			}
			if !(len(out) > 0 && p.actor != nil && p.actor.kind == kindPlace) {
				out = append(out, p)
			}
			// words that qualify the name: "Kata'ib Hezbollah militiamen"
			for i < len(toks) && toks[i].Kind == text.Word && !toks[i].Cap() && !stopWord(toks[i].Lower) && i < k+16 {
				i++
			}
			// coordination and lists ("X, Y and Z"; a comma alone may open an
			// apposition: "Israel, Hamas' main adversary")
			if i < len(toks) && (toks[i].Is("and", "or", "nor") || toks[i].Text == "," && listAhead(toks, i)) {
				j := i + 1
				for j < len(toks) && toks[j].Is("and", "or", "their", "its", "his", "her", "the", "a", "an", "also") {
					j++
				}
				if q, _, ok := d.partyAt(st, j, target); ok && (target || q.actor == nil || q.actor.kind != kindPlace) {
					i = j
					continue
				}
				break
			}
			if i+1 < len(toks) && toks[i].Lower == "such" && toks[i+1].Lower == "as" {
				i += 2
				continue
			}
			break
		}
		if len(out) > 0 {
			break
		}
		switch {
		case t.Is("members", "fighters", "militants", "soldiers", "troops", "elements", "cadres", "operatives", "gunmen") && i+1 < len(toks) && toks[i+1].Lower == "of" && !target:
			i++ // "members of the Moro Islamic Liberation Front": the group
		case t.Is("the", "a", "an", "its", "their", "his", "her", "two", "three", "four", "five", "six", "several", "some", "unknown", "unidentified", "neighbouring", "neighboring"):
		case t.Text == "," || t.Text == "—" || t.Text == "–" || t.Text == ":" || t.Text == "-":
		case t.Kind == text.Number && i+2 < len(toks) && toks[i+1].Text == "-" && toks[i+2].Lower == "year":
			i += 4 // "24-year-old"
		case t.Kind == text.Word && !t.Cap() && !stopWord(t.Lower) && skipped < 4 && !target:
			skipped++
		case t.Kind == text.Word && t.Cap() && i+2 < len(toks) && toks[i+1].Text == "-" && !toks[i+2].Cap():
			i += 2 // "Pakistan-based": a modifier, not the party
		case t.Kind == text.Word && t.Cap() && skipped < 4 && !target && unknownWord(st, i):
			skipped++ // "Sunni jihadist group al-Shabaab"
		default:
			i = len(toks)
			continue
		}
		i++
	}
	if len(out) == 0 && target {
		if p, ok := d.nounTarget(st, k); ok {
			out = append(out, p)
		}
	}
	return out
}

// stopWord ends the search for a party: prepositions, relatives, verbs of
// another clause.
func stopWord(w string) bool {
	switch w {
	case "of", "at", "in", "on", "for", "from", "to", "with", "during", "after", "before", "by", "who", "which", "that",
		"and", "or", "but", "while", "was", "were", "is", "are", "has", "have", "had", "began", "said", "as", "such", "when", "where",
		"being", "been", "be":
		return true
	}
	return false
}

// partiesBefore reads the actor that is the subject before a cue: "Al-Shabaab
// claimed responsibility", "Al-Shabaab, an Islamist militia based in Somalia
// that has ties to al-Qaeda, claimed responsibility".
func (d *docState) partiesBefore(st *sent, k int) []party {
	toks := st.toks
	i := k - 1
	for {
		for i >= 0 && toks[i].Is("has", "have", "had", "also", "later", "quickly", "reportedly", "subsequently", "soon", "then", "swiftly", "officially", "which", "who", "allegedly", "both", "all", "formally", "publicly", "initially", "first", "immediately", "eventually", "now") || i >= 0 && toks[i].Is("is", "are", "was", "were") && i+1 <= k && i+1 < len(toks) && strings.HasSuffix(toks[i+1].Lower, "ing") {
			i--
		}
		// "the X group yesterday claimed", "X on Tuesday
		// claimed": when, between the subject and its verb
		if i >= 0 && toks[i].Is("yesterday", "today", "tonight", "overnight", "earlier") {
			i--
			continue
		}
		if i >= 1 && isWeekday(toks[i].Lower) && toks[i-1].Is("on") {
			i -= 2
			continue
		}
		if i >= 2 && toks[i].Is("night", "morning", "evening", "afternoon") && isWeekday(toks[i-1].Lower) && toks[i-2].Is("on") {
			i -= 3
			continue
		}
		// "Al-Qaeda is said to have claimed", "the group was reported to
		// have claimed": a report of the subject's own act
		if i >= 2 && toks[i].Is("to") && toks[i-1].Is("said", "reported", "believed", "thought", "understood", "known") && toks[i-2].Is("is", "are", "was", "were") {
			i -= 3
			continue
		}
		// "the Provisional IRA later stated it had carried out the
		// bombing": the subject that speaks of itself
		if e := saysOfItself(toks, i); e >= 0 {
			i = e
			continue
		}
		// "the 'New GROUP' claimed": a name in quotation marks
		if i >= 1 && toks[i].Is("'", "\"", "’", "”") {
			i--
			continue
		}
		break
	}
	// an aside between commas and an acronym in brackets, in either order:
	// "the Ulster Volunteer Force (UVF), a loyalist paramilitary group, shot"
	asideFrom, asideTo := -1, -1
	for range 2 {
		if i >= 0 && toks[i].Text == "," {
			j := i - 1
			for j >= 0 && toks[j].Text != "," && toks[j].Text != ";" {
				j--
			}
			if j >= 0 && toks[j].Text == "," {
				asideFrom, asideTo = j+1, i
				i = j - 1
			}
		}
		if i >= 0 && toks[i].Text == ")" {
			// "(ISIL-KP)": an acronym in brackets after the name
			for i >= 0 && toks[i].Text != "(" {
				i--
			}
			i--
		}
	}
	if i < 0 {
		return nil
	}
	// "NAME, an 88-year-old man armed with a rifle has shot": an
	// apposition its writer did not close, after a person's name
	if asideFrom < 0 && toks[i].Kind == text.Word && !toks[i].Cap() {
		for c := i - 1; c >= 1 && c >= i-12; c-- {
			if toks[c].Kind == text.Punct && toks[c].Text != "-" {
				if toks[c].Text == "," && toks[c+1].Is("a", "an") {
					if m := mentionEndingAt(st, c); m != nil && m.actor != nil && m.actor.kind == dossier.KindPerson && m.actor.kindConf {
						return []party{{name: m.actor.name, actor: m.actor, start: m.start, end: m.end}}
					}
				}
				break
			}
		}
	}
	// "The dreaded terrorist group, Boko Haram, has bombed": the name
	// set between commas after a group noun is the group's
	if asideFrom >= 0 && groupHeads[toks[i].Lower] {
		for _, g := range st.mentions {
			if g.i == asideFrom && g.j == asideTo && g.actor != nil && g.actor.kind == dossier.KindArmedGroup {
				return []party{{name: g.actor.displayName(g), actor: g.actor, start: g.start, end: g.end}}
			}
		}
	}
	// "NAME, a commander of GROUP, claimed": a person who
	// speaks for a group his aside names acts for it
	if asideFrom >= 0 {
		if m := mentionEndingAt(st, i+1); m != nil && (m.kind == dossier.KindPerson || m.kind == "") {
			for k := asideFrom; k+1 < asideTo; k++ {
				if !toks[k].Is("of", "for") || k-1 < asideFrom || !toks[k-1].Is("commander", "leader", "spokesman", "spokesperson", "chief", "member", "head", "founder", "emir") {
					continue
				}
				for _, g := range st.mentions {
					if g.i > k && g.j <= asideTo && g.actor != nil && (g.actor.kind == dossier.KindArmedGroup || g.actor.kind == dossier.KindOrganization) {
						return []party{{name: g.actor.displayName(g), actor: g.actor, start: g.start, end: g.end}}
					}
				}
			}
		}
	}
	// "the Houthi movement in Yemen conducted": the place is not the subject
	for _, m := range st.mentions {
		// the preposition before the place, past a bearing ("based in
		// northeastern Nigeria")
		pi := m.i - 1
		if pi >= 1 && isBearingAdjective(toks[pi].Lower) {
			pi--
		}
		if m.j-1 == i && pi >= 1 && toks[pi].Is("in", "from", "of", "based") && (m.kind == kindPlace || m.kind == dossier.KindState ||
			toks[pi].Is("in") && m.kind == dossier.KindPerson) { // ("in North Africa": a region the gazetteer lacks, read as a name)
			// "Maoist rebels in India killed": the group before the place
			for j := max(0, pi-6); j <= pi-1; j++ {
				if p, n, ok := d.collectiveAt(st, j); ok && j+n == pi {
					// ("Taliban fighters in southern Afghanistan attacked":
					// the group the fighters are named by)
					if g := mentionEndingAt(st, j); g != nil && g.actor != nil && g.actor.kind == dossier.KindArmedGroup {
						return []party{{name: g.actor.displayName(g), actor: g.actor, start: g.start, end: g.end}}
					}
					return []party{p}
				}
			}
			// "Al-Qaeda's wing in North Africa claimed": a branch of a
			// group, named by where it is
			if h := pi - 1; h >= 2 && groupHeads[toks[h].Lower] && (toks[h-1].Text == "'s" || toks[h-1].Text == "’s") {
				if g := mentionEndingAt(st, h-1); g != nil && g.actor != nil && g.actor.kind != kindPlace && g.actor.kind != dossier.KindState && g.actor.kind != dossier.KindPerson {
					return []party{{name: text.Join(d.body, toks, g.i, m.j), actor: g.actor, start: g.start, end: m.end}}
				}
			}
			i = pi - 1
			for i >= 0 && !toks[i].Cap() && toks[i].Kind == text.Word && i > pi-4 {
				i-- // "movement"
			}
			if i >= 0 && !toks[i].Cap() {
				i = pi - 1
			}
			// "One bomb in the X market in CITY killed": the
			// name before is in a phrase of place too, not the subject
			for i >= 2 && toks[i].Cap() && toks[i-1].Is("the") && toks[i-2].Is("in", "at", "near", "outside", "from") {
				i -= 3
			}
			if i < 0 {
				return nil
			}
			break
		}
	}
	// "Sudanese paramilitary shelling of El-Obeid on Friday killed six":
	// the name is what the act was done to, not its doer
	if m := mentionEndingAt(st, i+1); m != nil && actObject(m) {
		return nil
	}
	// "Farmers backing the government of president NAME attacked":
	// the name is the object of a participle describing the subject, whose
	// side it tells, not who acted
	if m := mentionEndingAt(st, i+1); m != nil {
		for b := m.i - 1; b >= 1 && b >= m.i-6; b-- {
			if toks[b].Is("backing", "supporting", "opposed", "opposing") {
				i = b - 1
				break
			}
			if toks[b].Kind != text.Word || toks[b].Is("and", "who", "which", "that", "by") {
				break
			}
		}
	}
	// "Shining Path rebels", "Boko Haram militants": the name before the
	// group noun is the party
	if i >= 1 {
		// ("a GROUP suicide bomber carried out", "a GROUP gunman
		// opened fire": one of the group; "the X Y Z
		// (XYZ) militant group": its description between)
		end := i
		if groupHeads[toks[i].Lower] {
			e := i - 1
			for e > 0 && toks[e].Is("militant", "jihadist", "islamist", "extremist", "rebel", "armed", "terrorist", "separatist", "insurgent", "paramilitary") && !toks[e].Cap() {
				e--
			}
			if e > 0 && toks[e].Text == ")" {
				for e > 0 && toks[e].Text != "(" {
					e--
				}
				e--
			}
			if e < i-1 && e > 0 {
				end = e + 1
			}
			// "GROUP's REGION affiliate": the group whose branch it is
			if p := mentionEndingAt(st, i); p != nil && p.i >= 2 && (toks[p.i-1].Text == "'s" || toks[p.i-1].Text == "’s") {
				if g := mentionEndingAt(st, p.i-1); g != nil && g.actor != nil && g.actor.kind != kindPlace && g.actor.kind != dossier.KindState && g.actor.kind != dossier.KindPerson {
					return []party{{name: text.Join(d.body, toks, g.i, i+1), actor: g.actor, start: g.start, end: toks[i].End}}
				}
			}
		}
		if toks[i].Is("bomber", "bombers", "attacker", "gunman", "militant", "fighter", "member") {
			if i >= 2 && toks[i-1].Is("suicide") {
				end = i - 1
			}
		}
		if role, ok := d.x.lex.Collective[toks[i].Lower]; ok && role != "victim" || groupHeads[toks[i].Lower] || end < i || toks[i].Is("bomber", "bombers", "attacker", "gunman", "militant", "fighter", "member") {
			for _, m := range st.mentions {
				if m.j == end && m.demonym && toks[i].Is("bomber", "bombers", "attacker", "gunman", "militant", "member") {
					// "A Palestinian suicide bomber set off": one person of a
					// people, not its state
					name := text.Join(d.body, toks, m.i, i+1)
					a := d.collective(name, m.start, toks[i].End)
					return []party{{name: a.name, actor: a, start: m.start, end: toks[i].End}}
				}
				if m.j == end && (m.actor != nil && m.actor.kind != kindPlace && m.actor.kind != kindFacility && m.actor.kind != dossier.KindPerson || m.kind == "" && m.j-m.i >= 2) {
					if a := m.actor; a != nil {
						return []party{{name: a.displayName(m), actor: a, start: m.start, end: m.end}}
					}
					if a := d.actorOf(m, dossier.KindArmedGroup); a != nil {
						return []party{{name: a.name, actor: a, start: m.start, end: m.end}}
					}
				}
			}
		}
	}
	for _, m := range st.mentions {
		if (m.i <= i && i < m.j) || m.j == i && toks[i].Text == "'s" {
			if locatedAt(st, m.i) {
				break // "car bombs in Iraq's capital have killed", "firm in Turkey attacked", "gunmen in the X Hills": a place, not the subject
			}
			if objectOfAct(toks, m.i) {
				break // "an air strike on a group of displaced Yemenis has killed": whom it struck, not the subject
			}
			if m.i >= 2 && toks[m.i-1].Text == "," {
				// "a suicide bomber in Parachinar, Pakistan killed": the
				// country of a place, not the subject
				if p := mentionEndingAt(st, m.i-1); p != nil && p.kind == kindPlace && p.i >= 1 && toks[p.i-1].Is("in", "at", "near", "across", "inside", "outside", "throughout") {
					break
				}
			}
			if m.actor != nil && m.kind != kindPlace && m.kind != kindFacility {
				return []party{{name: m.actor.displayName(m), actor: m.actor, start: m.start, end: m.end}}
			}
			if m.demonym || m.kind == dossier.KindState {
				a := d.stateActor(m)
				return []party{{name: a.name, actor: a, start: m.start, end: m.end}}
			}
			if m.kind == "" {
				if a := d.actorOf(m, dossier.KindArmedGroup); a != nil {
					return []party{{name: a.name, actor: a, start: m.start, end: m.end}}
				}
			}
		}
	}
	for j := max(0, i-5); j <= i; j++ {
		if p, n, ok := d.collectiveAt(st, j); ok && j+n-1 == i {
			return []party{p} // the longest description: "the Saudi-led coalition"
		}
	}
	return nil
}

// descriptorsOnly says whether a described group is only adjectives of
// faith or people, with no noun: "Sunni Muslim" in "the Sunni Muslim
// jihadist GROUP group" describes the name after it.
func descriptorsOnly(name string) bool {
	w := strings.Fields(strings.ToLower(name))
	for _, x := range w {
		switch x {
		case "sunni", "shia", "shi'ite", "shiite", "muslim", "islamist", "islamic", "jihadist", "christian", "hindu", "buddhist", "arab", "kurdish", "baloch", "pashtun", "fulani":
		default:
			return false
		}
	}
	return len(w) > 0
}

// nameAfterCopula says whether a name follows "the gunman was" at token
// k, past an age ("66-year-old James Hodgkinson").
func nameAfterCopula(toks []text.Token, k int) bool {
	for k < len(toks) && (toks[k].Kind == text.Number || toks[k].Text == "-" || toks[k].Is("year", "years", "old", "aged")) {
		k++
	}
	return k < len(toks) && nameToken(&toks[k])
}

// locatedAt says whether the name at token i follows a locative
// preposition, past an article or a place's possessive: "in Turkey", "in
// the Kandi Hills", "in Russia's North Caucasus".
func locatedAt(st *sent, i int) bool {
	toks := st.toks
	k := i - 1
	if k >= 0 && toks[k].Lower == "the" {
		k--
	}
	if k >= 1 && toks[k].Is("'s", "’s") {
		if p := mentionEndingAt(st, k); p != nil && (p.kind == kindPlace || p.kind == dossier.KindState && !p.demonym) {
			k = p.i - 1
		}
	}
	return k >= 0 && toks[k].Is("in", "at", "near", "across", "inside", "outside", "throughout")
}

// groupHeads are lower-case words that follow a group's name and stand
// for it: "the Islamic State of Iraq organization", "the ISIL Yemen
// branch", "Fulani herdsmen".
var groupHeads = map[string]bool{"organization": true, "organisation": true, "group": true, "movement": true, "faction": true, "affiliate": true,
	"branch": true, "wing": true, "cell": true, "unit": true, "herdsmen": true, "members": true, "cadres": true, "operatives": true}

// displayName is how an actor is named in a role list: the document's
// fullest name for it.
func (a *actor) displayName(m *mention) string { return a.name }

// partyAt reads a party starting at token i: a mention of an actor, a
// country adjective before a force ("the US army"), or a described group.
func (d *docState) partyAt(st *sent, i int, target bool) (party, int, bool) {
	for _, m := range st.mentions {
		if m.i != i {
			continue
		}
		if m.j+1 < len(st.toks) && st.toks[m.j].Text == "-" && !st.toks[m.j+1].Cap() && !st.toks[m.j].Space {
			// "Iranian-backed", "Pakistan-based": a modifier of what follows
			if p, n, ok := d.collectiveAt(st, i); ok {
				return p, n, true
			}
			return party{}, 0, false
		}
		if (m.kind == dossier.KindState || m.kind == kindPlace) && !m.demonym && m.j+1 < len(st.toks) && st.toks[m.j].Is("'s", "’s") && !st.toks[m.j].Space {
			// "fired by Yemen's Houthis": the group the country's
			// possessive qualifies, not the state
			for _, g := range st.mentions {
				if g.i == m.j+1 && g.actor != nil && g.actor.kind == dossier.KindArmedGroup {
					return party{name: g.actor.name, actor: g.actor, start: g.start, end: g.end}, g.j - i, true
				}
			}
		}
		if m.demonym || m.kind == dossier.KindState && m.j < len(st.toks) && isForceWord(st.toks[m.j].Lower) {
			// "an American drone strike", "the US army": the state
			if p, n, ok := d.collectiveAt(st, i); ok && !isForceWord(st.toks[m.j].Lower) {
				return p, n, true
			}
			if m.demonym && m.j < len(st.toks) && peoplesGroupNouns[st.toks[m.j].Lower] {
				// "a Mexican drug cartel", "Israeli settlers", "Palestinian
				// group Hamas": a group of that people, not its state
				for _, g := range st.mentions {
					if g.i > m.j && g.i <= m.j+3 && g.actor != nil && (g.actor.kind == dossier.KindArmedGroup || g.actor.kind == dossier.KindOrganization) {
						return party{name: g.actor.name, actor: g.actor, start: g.start, end: g.end}, g.j - i, true
					}
				}
				return party{}, 0, false
			}
			a := d.stateActor(m)
			n := m.j - i
			for i+n < len(st.toks) && isForceWord(st.toks[i+n].Lower) {
				n++
			}
			return party{name: a.name, actor: a, start: m.start, end: m.end}, n, true
		}
		if m.actor != nil && (target || (m.kind != kindPlace && m.kind != kindFacility)) {
			return party{name: m.actor.name, actor: m.actor, start: m.start, end: m.end}, m.j - i, true
		}
		if target && (m.kind == kindFacility || m.kind == kindPlace) {
			return party{name: m.surface, start: m.start, end: m.end}, m.j - i, true
		}
		if m.kind == "" && !target && m.j-m.i >= 2 {
			a := d.actorOf(m, dossier.KindArmedGroup)
			if a != nil {
				return party{name: a.name, actor: a, start: m.start, end: m.end}, m.j - i, true
			}
		}
	}
	if p, n, ok := d.collectiveAt(st, i); ok {
		return p, n, true
	}
	return party{}, 0, false
}

// peoplesGroupNouns follow a people's adjective to name a group of that
// people, not its state: "a Mexican drug cartel", "Israeli settlers".
var peoplesGroupNouns = map[string]bool{"cartel": true, "cartels": true, "drug": true, "settler": true, "settlers": true, "gang": true,
	"gangs": true, "mafia": true, "rebels": true, "rebel": true, "insurgents": true, "separatists": true, "separatist": true,
	"extremists": true, "jihadists": true, "jihadist": true, "nationalists": true, "nationalist": true, "group": true, "movement": true,
	"faction": true, "man": true, "woman": true, "national": true, "nationals": true, "citizen": true, "citizens": true, "guerrillas": true,
	// people, not forces: "an attack by two Palestinian teenagers"
	"men": true, "women": true, "teenager": true, "teenagers": true, "youth": true, "youths": true, "boy": true, "boys": true,
	"assailant": true, "assailants": true, "attacker": true, "attackers": true, "gunman": true, "gunmen": true, "knifeman": true,
	"militant": true, "militants": true, "mob": true, "student": true, "students": true, "suspect": true, "suspects": true}

// personDemonym says whether the people's name at tokens [i, j) is one
// person of it, a noun after an article with a verb or a pause after it:
// "A Palestinian opened fire", "an Afghan who worked for".
func personDemonym(toks []text.Token, i, j int) bool {
	if i == 0 || !toks[i-1].Is("a", "an", "one") || j >= len(toks) {
		return false
	}
	n := toks[j]
	return n.Kind != text.Word || n.Is("who", "was", "is", "had", "has", "man", "woman", "youth", "teenager") ||
		!n.Cap() && len(n.Lower) > 3 && strings.HasSuffix(n.Lower, "ed")
}

// unknownGroupAt reads, at token i (after "the"), a capitalized name of
// one word that is no place, person or known actor: a group a claim names.
func (d *docState) unknownGroupAt(st *sent, i int) (party, bool) {
	if i < len(st.toks) && st.toks[i].Lower == "the" {
		i++
	}
	for _, m := range st.mentions {
		if m.i == i && m.j == i+1 && m.kind == "" && m.actor == nil && m.place == nil && !m.demonym && st.toks[i].Cap() && len(st.toks[i].Text) >= 4 {
			if a := d.actorOf(m, dossier.KindArmedGroup); a != nil {
				return party{name: a.name, actor: a, start: m.start, end: m.end}, true
			}
		}
	}
	return party{}, false
}

// namedAsideBefore reads a name set off by commas that ends right before
// token k (", NAME, claimed"): two to four capitalised words no list knows,
// taken as an armed group's name.
func (d *docState) namedAsideBefore(st *sent, k int) (party, bool) {
	toks := st.toks
	if k < 2 || toks[k-1].Text != "," {
		return party{}, false
	}
	for _, m := range st.mentions {
		if m.j != k-1 || m.i < 1 || toks[m.i-1].Text != "," || m.place != nil || m.demonym || m.j-m.i < 2 || m.j-m.i > 4 || !allCapitalised(toks, m.i, m.j) {
			continue
		}
		// (a name the mention stage guessed a person's, not knowing it,
		// is the claimant as it is)
		if m.actor != nil && !m.actor.kindConf && m.actor.kind != kindPlace && m.actor.kind != dossier.KindState {
			return party{name: m.actor.name, actor: m.actor, start: m.start, end: m.end}, true
		}
		if m.kind == "" && m.actor == nil {
			if a := d.actorOf(m, dossier.KindArmedGroup); a != nil {
				return party{name: a.name, actor: a, start: m.start, end: m.end}, true
			}
		}
	}
	return party{}, false
}

func isForceWord(w string) bool {
	switch w {
	case "army", "military", "forces", "troops", "government", "drone", "air", "navy", "airstrike", "airstrikes", "strike", "strikes", "aircraft", "warplanes", "jets":
		return true
	}
	return false
}

// victimIdentified says whether the one "identified as" at token i is a
// victim: the noun before it ("a civilian who was identified as", "the
// dead man was identified as", "the victim was later identified as").
func victimIdentified(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := toks[k]
		if t.Is("who", "was", "were", "later", "has", "been") {
			continue
		}
		if t.Is("victim", "victims", "dead", "deceased", "body", "bodies") || loneVictimHeads[t.Lower] && !t.Is("member", "commander", "leader", "man", "woman", "person", "boy", "girl", "youth", "teenager") {
			return true
		}
		return false
	}
	return false
}

// collectiveAt reads a described group starting at token i: "pro-Iran
// militias", "Iran-backed militias", "Shi'ite militias", "militants",
// "dissident Republicans", "unidentified gunmen".
func (d *docState) collectiveAt(st *sent, i int) (party, int, bool) {
	toks := st.toks
	j := i
	hasMod := false
	for j < len(toks) && j < i+6 {
		t := toks[j]
		if role, ok := d.x.lex.Collective[t.Lower]; ok && role != "victim" {
			// "militia supporters": take the last noun of the run
			e := j + 1
			for e < len(toks) {
				if r2, ok := d.x.lex.Collective[toks[e].Lower]; ok && r2 != "victim" {
					e++
					continue
				}
				break
			}
			if role == "both" && !hasMod {
				return party{}, 0, false // "forces" alone says nothing
			}
			name := text.Join(d.body, toks, i, e)
			name = strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
			a := d.collective(name, toks[i].Start, toks[e-1].End)
			return party{name: a.name, actor: a, start: toks[i].Start, end: toks[e-1].End}, e - i, true
		}
		switch {
		case t.Text == "-" && j > i || t.Lower == "pro" || t.Lower == "backed" || t.Lower == "aligned" || t.Lower == "affiliated" || t.Lower == "linked" || t.Lower == "sponsored" || t.Lower == "supported":
			hasMod = true
		case t.Is("shia", "shi'a", "shi'ite", "shiite", "shi'te", "sunni", "islamist", "jihadist", "dissident", "armed", "unidentified", "unknown", "suspected", "rival", "local", "islamic", "militia", "tribal", "separatist", "rebel", "extremist", "led"):
			hasMod = true
		case t.Cap() && t.Kind == text.Word:
			if _, ok := d.x.gaz.Country(t.Text); ok {
				hasMod = true
			} else if !t.Is("shia", "shi'a", "shi'ite", "shiite", "sunni", "islamist", "jihadist", "baloch", "kurdish", "pashtun", "arab", "fulani", "christian", "muslim", "hindu", "buddhist", "republican", "loyalist", "maoist") {
				return party{}, 0, false // a name: "Boko Haram militants" is Boko Haram
			} else {
				hasMod = true
			}
		case t.Lower == "the" && j == i:
		default:
			return party{}, 0, false
		}
		j++
	}
	return party{}, 0, false
}

// nounTarget reads a common-noun target: "an attack on a bank" -> "bank".
func (d *docState) nounTarget(st *sent, k int) (party, bool) {
	toks := st.toks
	i := k
	for i < len(toks) && toks[i].Is("the", "a", "an", "his", "her", "their", "its", "two", "three", "several") {
		i++
	}
	j := i
	for j < len(toks) && j < i+4 && toks[j].Kind == text.Word && !stopWord(toks[j].Lower) && !toks[j].Is("near", "during", "killing", "leaving", "will", "would", "could", "can", "may", "become", "became") &&
		!(j > i && (targetEndWord(toks[j]) || timeWord(toks[j].Lower))) { // ("an attack on a key town Monday": the day is not the town's)
		j++
	}
	if j == i || timeWord(toks[i].Lower) {
		return party{}, false // "the bombing of February 17": a date, not a target
	}
	return party{name: text.Join(d.body, toks, i, j), start: toks[i].Start, end: toks[j-1].End}, true
}

// targetEndWord ends a target after its noun: a verb of the clause ("a
// commuter bus carried out on", "the mosque came at a time"), an adverb
// ("civilians more often"), a conjunction of time ("civilians since").
func targetEndWord(t text.Token) bool {
	if t.Cap() {
		return false
	}
	if strings.HasSuffix(t.Lower, "ed") && len(t.Lower) > 4 {
		return true
	}
	return t.Is("came", "come", "comes", "went", "took", "out", "more", "most", "often", "since", "when", "where", "while",
		"after", "before", "because", "until", "following", "again", "also", "then", "there", "here")
}

// timeWord is a month's or a weekday's name, or a word for a day.
func timeWord(w string) bool {
	return slices.Contains(calendarWords, w) || w == "today" || w == "yesterday" || w == "tonight"
}

// accusationOfIncident checks what an accusation is about: "accused X of
// carrying out the attack" is, "accused X of backing the Houthis" is not.
func accusationOfIncident(toks []text.Token, from int) bool {
	for k := from; k < len(toks) && k < from+14; k++ {
		if toks[k].Lower == "of" || toks[k].Lower == "for" {
			for j := k + 1; j < len(toks) && j < k+4; j++ {
				switch toks[j].Lower {
				case "carrying", "being", "orchestrating", "perpetrating", "involvement", "responsibility", "planning",
					"masterminding", "the", "this", "that", "committing", "conducting", "staging", "launching", "attacking", "its", "their":
					return true
				}
			}
			return false
		}
		if toks[k].Text == "." || toks[k].Text == ";" {
			break
		}
	}
	return true
}

// unknownWord says whether token i is a capitalised word that names
// nothing known: an adjective such as "Sunni" or "Islamist".
func unknownWord(st *sent, i int) bool {
	for _, m := range st.mentions {
		if m.i <= i && i < m.j {
			return m.kind == "" && m.j-m.i == 1 && m.actor == nil
		}
	}
	return true
}

// listAhead says whether a comma at i is part of a list: an "and" or "or"
// follows before the clause ends.
func listAhead(toks []text.Token, i int) bool {
	for k := i + 1; k < len(toks) && k < i+10; k++ {
		if toks[k].Is("and", "or") {
			return true
		}
		if toks[k].Kind == text.Punct && toks[k].Text != "," && toks[k].Text != "-" && toks[k].Text != "'" {
			return false
		}
	}
	return false
}

func isCountWord(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
		"dozens", "several", "at", "more", "over", "nearly", "about", "some", "hundreds", "scores", "thousands", "around", "approximately":
		return true
	}
	return false
}

// doubted says whether a sentence casts doubt on what follows before token
// i: "expressed doubt that the attempt was directly the fault of Iran".
func doubted(toks []text.Token, i int) bool {
	for k := 0; k < i && k < len(toks); k++ {
		switch toks[k].Lower {
		case "doubt", "doubted", "doubts", "unlikely", "denied", "rejected", "dismissed", "disputed", "questioned":
			return true
		}
		if toks[k].Lower == "ruled" && k+1 < len(toks) && toks[k+1].Lower == "out" {
			return true
		}
	}
	return false
}

// blameBefore says whether "blame ... on" frames the words at token i:
// "blamed the attacks on X", "blaming the bombing on X".
func blameBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].Is("blamed", "blame", "blames", "blaming", "pinned", "pinning", "pin", "pins") {
			return true
		}
	}
	return false
}

// causeBefore says whether the words before token i present an earlier
// event as a cause or a landmark: "in retaliation for the killing of",
// "after the assassination of", "since the bombing of".
func causeBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Lower {
		case "for", "after", "following", "since", "avenge", "avenging", "revenge", "retaliation", "before", "like", "anniversary":
			return true
		}
	}
	return false
}

// answeredAct says whether the act noun at token i is one another act
// answers: "in response to the deadly attack by", "in retaliation for the
// killing of", "to avenge the bombing" (within five words, no punctuation).
func answeredAct(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if toks[k].Kind == text.Punct {
			return false
		}
		if toks[k].Is("response", "retaliation", "reprisal", "revenge", "avenge", "avenging", "retaliate", "retaliating") {
			return true
		}
	}
	return false
}

// earlierClause says whether the name at token i opens a clause of
// "after", "following", "since" or "before" (within three words, no
// punctuation between): "after GROUP claimed", "a week after a STATE air
// strike": another act the report dates this one by.
func earlierClause(toks []text.Token, i int) bool {
	return clauseOpenedBy(toks, i, 3, "after", "following", "since", "before")
}

// perfectTally says whether the "killed" at token i, in the perfect,
// counts the dead of a war rather than of an act: a magnitude without a
// figure ("has killed thousands", "have killed hundreds of people") or a
// count since a time ("has killed more than 300 people since 2009").
func perfectTally(toks []text.Token, i int) bool {
	if i == 0 || !toks[i-1].Is("has", "have", "had") || i+1 >= len(toks) {
		return false
	}
	if toks[i+1].Is("thousands", "hundreds", "dozens", "scores", "tens", "millions") {
		return true
	}
	for k := i + 1; k < len(toks) && k < i+12; k++ {
		if toks[k].Text == "." || toks[k].Text == ";" {
			break
		}
		if toks[k].Is("since") {
			return true
		}
	}
	return false
}

// causeClause says whether the clause that "after" or "following" opens
// before token i tells how the casualties of the sentence's main clause
// came about: "two commandos were killed on Sunday after GROUP detonated
// an IED", "three died after gunmen opened fire" (the act reported, not
// an earlier one).
func causeClause(toks []text.Token, i int) bool {
	k := i - 1
	for k >= 0 && k >= i-3 && !toks[k].Is("after", "following") {
		k--
	}
	if k < 1 || k < i-3 {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		t := toks[j]
		if t.Kind == text.Punct && t.Text != "," {
			return false
		}
		switch t.Lower {
		case "died", "perished":
			return true
		case "killed", "wounded", "injured", "hurt":
			return j > 0 && toks[j-1].Is("was", "were", "been", "being", "are", "is")
		}
	}
	return false
}

// otherActSubject says whether a sentence opens with an act that a
// demonstrative or an adjective sets apart from the one reported: "That
// attack was claimed by ...", "Those bombings", "An earlier attack", "The
// previous raid" (after a report has told another act, "that" points to
// it; the report's own act is "the attack" or "this attack").
func otherActSubject(st *sent) bool {
	toks := st.toks
	if len(toks) < 3 {
		return false
	}
	k := 1
	switch {
	case toks[0].Is("that", "those"):
	case toks[0].Is("an", "a", "the") && toks[1].Is("earlier", "previous", "prior"):
		k = 2
	default:
		return false
	}
	for _, e := range st.events {
		if e.I >= k && e.I <= k+1 && e.Val.Weight >= 2 {
			return true
		}
	}
	return false
}

// seriesItem says whether the act at token i is an item a sentence lists
// after "including" once it has set the report's act in a series: "was
// the fourth major attack in Turkey in less than a month, including the
// assassination of the ambassador by a policeman".
func seriesItem(toks []text.Token, i int) bool {
	opened := false
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if toks[k].Kind == text.Punct && !(toks[k].Text == "-" && !toks[k].Space) {
			break // ("the high-profile assassination": one word)
		}
		if toks[k].Lower == "including" {
			opened = true
			break
		}
	}
	if !opened {
		return false
	}
	for k := 0; k < i; k++ {
		if toks[k].Is("latest", "string", "series", "spate", "wave", "spree", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth") {
			return true
		}
	}
	return false
}

// clauseOpenedBy says whether one of words stands within the window of
// words before token i, with no punctuation between.
func clauseOpenedBy(toks []text.Token, i, window int, words ...string) bool {
	for k := i - 1; k >= 0 && k >= i-window; k-- {
		if toks[k].Kind == text.Punct {
			return false
		}
		if toks[k].Is(words...) {
			return true
		}
	}
	return false
}

// isBearingAdjective says whether a word places a region by its bearing:
// "northeastern", "southern", "north-western", "central".
func isBearingAdjective(w string) bool {
	switch strings.ReplaceAll(w, "-", "") {
	case "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern":
		return true
	}
	return false
}

// objectOfAct says whether the noun phrase ending before token i (a
// name's first token) is the object of "on", "against" or "targeting"
// within a few words: "an attack on a group of displaced Yemenis", "a
// strike against Houthi positions".
func objectOfAct(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t := toks[k]
		if t.Kind != text.Word {
			return false
		}
		if t.Is("on", "against", "targeting", "upon") {
			return true
		}
		if t.Cap() {
			return false
		}
	}
	return false
}

// actObject says whether a mention names what an act was done to: after
// "of" and an act's noun ("the shelling of El-Obeid"), or after "on",
// "against" or "targeting" (objectOfAct).
func actObject(m *mention) bool {
	st := m.st
	if st == nil {
		return false
	}
	if m.i >= 2 && st.toks[m.i-1].Is("of") {
		for _, e := range st.events {
			if e.J == m.i-1 && e.Val.Weight >= 2 {
				return true
			}
		}
	}
	return objectOfAct(st.toks, m.i)
}

// attackerObject says whether the object of a verb ending at token j is
// the attacker: "shot and wounded a knifeman", "shot dead the gunman",
// "killed the two attackers". Whoever did that answered the act.
func attackerObject(toks []text.Token, j int) bool {
	k := j
	for n := 0; k < len(toks) && n < 4 && toks[k].Is("and", "dead", "wounded", "injured", "killed", "shot", "arrested", "detained", "neutralised", "neutralized", "subdued", "overpowered"); n++ {
		k++
	}
	for n := 0; k < len(toks) && n < 3 && (toks[k].Is("a", "an", "the", "two", "three", "both", "all", "one", "suspected", "lone", "alleged") || toks[k].Kind == text.Number); n++ {
		k++
	}
	return k < len(toks) && toks[k].Is("knifeman", "gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "bomber", "bombers",
		"shooter", "shooters", "suspect", "suspects", "perpetrator", "perpetrators", "hostage-taker", "hostage-takers")
}

// claimedActs are the claims of an act the lexicon's phrases do not list
// word for word: "claimed" (or "claims", "claiming") and the act it
// claims, named by an event noun after a determiner and at most three
// words ("Islamic State claimed a suicide bomb attack", "claimed
// Sunday's twin bombings"). Each reads as "claimed responsibility".
func claimedActs(st *sent) []text.Match[lexicon.Responsibility] {
	var out []text.Match[lexicon.Responsibility]
	toks := st.toks
	for i, t := range toks {
		if !t.Is("claimed", "claims", "claiming") || i+2 >= len(toks) {
			continue
		}
		k := i + 1
		if !toks[k].Is("the", "a", "an", "this", "that", "these", "those", "both", "two", "twin") && !(k+1 < len(toks) && (toks[k+1].Text == "'s" || toks[k+1].Text == "’s")) {
			continue
		}
		for _, e := range st.events {
			if e.I > k && e.I <= k+4 && e.Val.Weight >= 2 && !strings.HasSuffix(toks[e.I].Lower, "ed") {
				clean := true
				for m := k; m < e.I; m++ {
					if toks[m].Kind == text.Punct && toks[m].Text != "'s" && toks[m].Text != "’s" && toks[m].Text != "-" || toks[m].Is("that", "which", "to", "in", "of") {
						clean = false
					}
				}
				if clean {
					out = append(out, text.Match[lexicon.Responsibility]{I: i, J: e.J, Val: lexicon.Responsibility{Role: "perpetrator", Side: "before"}})
				}
				break
			}
		}
	}
	return out
}

// agentsPastAdverbial finds an act's agent after "by" when a time or a
// place stands between the verb and "by": "the killings were carried out
// on Sunday by GROUP", "was perpetrated in the early hours by". The
// adverbial opens with a preposition or a time word and holds words only,
// no participle of its own ("carried out in an area controlled by": the
// area's controller, not the agent).
func agentsPastAdverbial(toks []text.Token) []text.Match[lexicon.Responsibility] {
	var out []text.Match[lexicon.Responsibility]
	for i, t := range toks {
		j := i + 1
		switch {
		case t.Lower == "carried" && j < len(toks) && toks[j].Lower == "out":
			j++
		case t.Is("perpetrated", "committed"):
		default:
			continue // ("an operation is being conducted in the area by the army": not an attack's agent)
		}
		if j >= len(toks) || !toks[j].Is("on", "in", "at", "during", "overnight", "early", "late", "last", "yesterday", "earlier") {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+7; k++ {
			w := toks[k]
			if w.Lower == "by" {
				out = append(out, text.Match[lexicon.Responsibility]{I: i, J: k + 1, Val: lexicon.Responsibility{Role: "perpetrator", Side: "after"}})
				break
			}
			if w.Kind != text.Word && w.Kind != text.Number || w.Is("and", "or", "which", "who", "that", "where", "when") ||
				strings.HasSuffix(w.Lower, "ed") && !w.Cap() {
				break
			}
		}
	}
	return out
}

// blamedOn skips "the attack on" after "blamed" ("blamed the attack on
// X", "blamed Sunday's bombing on X"): the index after "on", or j when the
// words after the verb are not such an object.
func blamedOn(toks []text.Token, j int) int {
	if j >= len(toks) || !toks[j].Is("the", "this", "that", "these", "those", "both") && !(j+1 < len(toks) && (toks[j+1].Text == "'s" || toks[j+1].Text == "’s")) {
		return j
	}
	for k := j + 1; k < len(toks) && k <= j+5; k++ {
		if toks[k].Is("on", "upon") {
			return k + 1
		}
		if toks[k].Kind != text.Word && toks[k].Text != "'s" && toks[k].Text != "’s" && toks[k].Text != "-" {
			return j
		}
	}
	return j
}

// saysAfter says whether a verb of saying follows within a few words of
// token k, in the same clause: the phrase before it is its subject.
func saysAfter(toks []text.Token, k int) bool {
	for e := k; e < len(toks) && e < k+8; e++ {
		if toks[e].Is("said", "says", "stated", "reported", "added", "noted", "showed") {
			return true
		}
		if toks[e].Text == "." || toks[e].Text == ";" || toks[e].Text == "(" {
			return false
		}
	}
	return false
}

// isWeekday says whether a lower-case word names a day of the week.
func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}
