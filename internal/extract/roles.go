package extract

import (
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/text"
)

// party is an actor found in a role: a named actor, or a described group.
type party struct {
	name       string
	actor      *actor
	start, end int
}

// hedges make a statement about responsibility an accusation rather than
// a fact: "the general consensus is that it was perpetrated by ...".
var hedges = map[string]bool{"consensus": true, "believed": true, "likely": true, "probably": true, "suspected": true,
	"alleged": true, "alleging": true, "reportedly": true, "said": true, "told": true, "according": true, "thought": true,
	"may": true, "might": true, "accused": true, "blamed": true, "possibly": true, "presumably": true, "suspicion": true,
	"suggested": true, "claimed": true, "claims": true, "allegedly": true, "unconfirmed": true, "speculated": true}

// findRoles reads perpetrators, accused and targets of the incident a
// sentence is about.
func (d *docState) findRoles(in *incident, st *sent, prio int) {
	lx := d.x.lex
	toks := st.toks
	for _, m := range lx.Responsibility.FindAll(toks) {
		role := m.Val.Role
		var ps []party
		switch m.Val.Side {
		case "after":
			ps = d.partiesAfter(st, m.J, role == "target")
		case "before":
			ps = d.partiesBefore(st, m.I)
		}
		if len(ps) == 0 {
			continue
		}
		if role == "perpetrator" && hedged(toks, m.I) {
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
	// "a Taliban attack", "an American drone strike": a group or a state
	// written before the attack noun carried it out.
	for _, e := range st.events {
		if e.Val.Weight < 2 || e.I == 0 {
			continue
		}
		k := e.I - 1
		for k > 0 && (toks[k].Lower == "drone" || toks[k].Lower == "suicide" || toks[k].Lower == "air" || toks[k].Lower == "rocket" || toks[k].Lower == "missile" || toks[k].Lower == "bomb" || toks[k].Lower == "terrorist" || toks[k].Lower == "car") {
			k--
		}
		for _, mm := range st.mentions {
			if mm.j-1 != k {
				continue
			}
			if mm.demonym && mm.country != "" && (e.Val.SubType == "Air/drone strike" || strings.Contains(e.Val.SubType, "missile")) {
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

func hedged(toks []text.Token, upto int) bool {
	for k := 0; k < upto && k < len(toks); k++ {
		if hedges[toks[k].Lower] {
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
// "Shi'te militias such as Kata'ib Hezbollah or Asaib Ahl al-Haq".
func (d *docState) partiesAfter(st *sent, k int, target bool) []party {
	toks := st.toks
	var out []party
	limit := k + 14
	if limit > len(toks) {
		limit = len(toks)
	}
	for i := k; i < limit; {
		t := toks[i]
		if t.Kind == text.Punct && t.Text != "," && t.Text != "-" && t.Text != "'" {
			break
		}
		if p, n, ok := d.partyAt(st, i, target); ok {
			out = append(out, p)
			i += n
			// continue over coordination
			if i < len(toks) && (toks[i].Is("and", "or", "nor") || toks[i].Text == ",") {
				j := i + 1
				for j < len(toks) && toks[j].Is("and", "or", "their", "its", "his", "her", "the", "a", "an") {
					j++
				}
				i = j
				continue
			}
			if i+1 < len(toks) && toks[i].Lower == "such" && toks[i+1].Lower == "as" {
				i += 2
				continue
			}
			// "militiamen" after a group name: "Kata'ib Hezbollah militiamen and ..."
			for i < len(toks) && toks[i].Kind == text.Word && !toks[i].Cap() && !toks[i].Is("and", "or", "such", "in", "on", "at", "from", "with", "who", "which", "that", "for") && i < limit {
				i++
			}
			if i < len(toks) && (toks[i].Is("and", "or") || toks[i].Text == ",") {
				i++
				for i < len(toks) && toks[i].Is("their", "its", "his", "her", "the", "a", "an") {
					i++
				}
				continue
			}
			break
		}
		if len(out) > 0 {
			break
		}
		// skip determiners and modifiers before the name
		if t.Kind == text.Word && (t.Is("the", "a", "an", "its", "their", "his", "her", "several", "some", "two", "three", "unknown", "unidentified") || !t.Cap()) {
			if target && !t.Is("the", "a", "an", "its", "their", "his", "her") {
				break
			}
			i++
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

// partiesBefore reads the actor that is the subject before a cue:
// "Al-Shabaab claimed responsibility", "Hamas, which claimed responsibility".
func (d *docState) partiesBefore(st *sent, k int) []party {
	toks := st.toks
	for i := k - 1; i >= 0 && i >= k-10; i-- {
		if toks[i].Text == ";" || toks[i].Text == "." {
			break
		}
		for _, m := range st.mentions {
			if m.j-1 == i || m.j == i && toks[i].Text == "'s" {
				if m.actor != nil && m.kind != kindPlace && m.kind != kindFacility {
					return []party{{name: m.actor.displayName(m), actor: m.actor, start: m.start, end: m.end}}
				}
				if m.demonym {
					a := d.stateActor(m)
					return []party{{name: a.name, actor: a, start: m.start, end: m.end}}
				}
			}
		}
		if p, _, ok := d.collectiveAt(st, i); ok {
			return []party{p}
		}
	}
	return nil
}

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
		if m.demonym || m.kind == dossier.KindState && m.j < len(st.toks) && isForceWord(st.toks[m.j].Lower) {
			// "an American drone strike", "the US army": the state
			if p, n, ok := d.collectiveAt(st, i); ok && !isForceWord(st.toks[m.j].Lower) {
				return p, n, true
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
		if m.kind == "" && !target {
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

func isForceWord(w string) bool {
	switch w {
	case "army", "military", "forces", "troops", "government", "drone", "air", "navy", "airstrike", "airstrikes", "strike", "strikes", "aircraft", "warplanes", "jets":
		return true
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
		case t.Text == "-" || t.Lower == "pro" || t.Lower == "backed" || t.Lower == "aligned" || t.Lower == "affiliated" || t.Lower == "linked" || t.Lower == "sponsored" || t.Lower == "supported":
			hasMod = true
		case t.Is("shia", "shi'a", "shi'ite", "shiite", "shi'te", "sunni", "islamist", "jihadist", "dissident", "armed", "unidentified", "unknown", "suspected", "rival", "local", "islamic", "militia", "tribal", "separatist", "rebel", "extremist"):
			hasMod = true
		case t.Cap() && t.Kind == text.Word:
			if _, ok := d.x.gaz.Country(t.Text); ok {
				hasMod = true
			} else if j > i {
				return party{}, 0, false
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
	for j < len(toks) && j < i+4 && toks[j].Kind == text.Word && !toks[j].Is("in", "at", "near", "on", "by", "with", "of", "from", "during", "and", "that", "which", "who", "while", "when", "after", "before", "was", "were", "is", "are", "killing", "leaving") {
		j++
	}
	if j == i {
		return party{}, false
	}
	return party{name: text.Join(d.body, toks, i, j), start: toks[i].Start, end: toks[j-1].End}, true
}
