package extract

import (
	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
)

// findRelations reads relations between actors: roles ("NAME, the head of
// GROUP", "GROUP Chairman NAME", "The spokesman for GROUP, NAME"),
// foundations ("He founded the X Army"), backing ("a STATE-backed
// paramilitary umbrella group", "both were backed by STATE") and membership
// ("a prominent figure in GROUP").
func (d *docState) findRelations() {
	for _, st := range d.sents {
		d.roleRelations(st)
		d.foundedRelations(st)
		d.backedRelations(st)
		d.partOfRelations(st)
	}
}

func (d *docState) addRelation(subj *actor, pred string, obj *actor, st *sent, conf float64) {
	if subj == nil || obj == nil || subj == obj {
		return
	}
	if obj.entry == nil && names.Problem(obj.name) != "" {
		return // "Education Minister X": a department word, not an organisation named
	}
	k := subj.name + "\x1f" + pred + "\x1f" + obj.name
	if d.relSeen[k] {
		return
	}
	d.relSeen[k] = true
	subj.used, obj.used = true, true
	d.rels = append(d.rels, dossier.Relation{Subject: subj.name, Predicate: pred, Object: obj.name, Evidence: d.sentEvidence("relation", st, conf)})
}

// mentionAt returns the mention starting at token i.
func mentionAt(st *sent, i int) *mention {
	for _, m := range st.mentions {
		if m.i == i {
			return m
		}
	}
	return nil
}

// mentionEndingAt returns the mention whose last token is i-1.
func mentionEndingAt(st *sent, j int) *mention {
	for _, m := range st.mentions {
		if m.j == j {
			return m
		}
	}
	return nil
}

// orgActor returns the actor a mention names when it can hold members: a
// group, organisation, party, outlet or state (a country adjective names
// its state).
func (d *docState) orgActor(m *mention) *actor {
	if m == nil {
		return nil
	}
	if m.demonym || (m.country != "" && m.kind == dossier.KindState) {
		return d.stateActor(m)
	}
	if m.kind == kindPlace && m.place == nil && m.country != "" {
		return d.stateActor(m)
	}
	if m.actor != nil && m.actor.kind != dossier.KindPerson && m.actor.kind != kindPlace {
		return m.actor
	}
	if m.kind == "" && m.actor == nil {
		return d.actorOf(m, dossier.KindOrganization)
	}
	return nil
}

// personActor returns the actor a mention names when it is a person,
// resolving a pronoun to the subject of the paragraph.
func (d *docState) personActor(m *mention) *actor {
	if m == nil {
		return nil
	}
	if m.actor != nil && m.actor.kind == dossier.KindPerson {
		return m.actor
	}
	if m.kind == dossier.KindPerson || m.kind == "" && len(m.surface) > 3 {
		return d.actorOf(m, dossier.KindPerson)
	}
	return nil
}

func (d *docState) roleRelations(st *sent) {
	toks := st.toks
	for _, r := range d.x.lex.Roles.FindAll(toks) {
		pred := r.Val.Predicate
		ri, rj := r.I, r.J
		// the organisation
		var org *actor
		orgEnd := rj
		if rj < len(toks) && toks[rj].Is("of", "for", "in", "at") {
			k := rj + 1
			if k < len(toks) && toks[k].Lower == "the" {
				k++
			}
			if m := mentionAt(st, k); m != nil {
				// "deputy chairman of COUNTRY's X Forces": the
				// organisation is the one the possessive names
				if m.j+1 < len(toks) && toks[m.j].Is("'s", "’s") {
					if m2 := mentionAt(st, m.j+1); m2 != nil && d.orgActor(m2) != nil {
						m = m2
					}
				}
				org = d.orgActor(m)
				orgEnd = m.j
				// "the Chaldean Catholic Church": a longer mention may start one token later
			}
			if org == nil {
				if p, n, ok := d.collectiveAt(st, k); ok && false {
					org, orgEnd = p.actor, k+n
				}
			}
		}
		if org == nil {
			// "GROUP Chairman", "DEMONYM Supreme Leader", "FORCE commander"
			k := ri
			for k > 0 && toks[k-1].Kind == text.Word && !toks[k-1].Cap() && toks[k-1].Lower != "the" && k > ri-2 && !toks[k-1].Is("and", "of", "a", "an", "his", "her", "its", "their", "former") {
				k-- // "DEMONYM major general"
			}
			if m := mentionEndingAt(st, k); m != nil && (m.kind != dossier.KindPerson || m.demonym) && !nonStateBetween(toks, k, ri) {
				org = d.orgActor(m)
			}
		}
		if org == nil {
			continue
		}
		// the holder
		var holder *actor
		// right after: "Chairman NAME", "Prime Minister of COUNTRY NAME"
		if m := mentionAt(st, orgEnd); m != nil && orgEnd > rj {
			holder = d.personActor(m)
		}
		if holder == nil && rj < len(toks) {
			if m := mentionAt(st, rj); m != nil && m.kind == dossier.KindPerson {
				holder = d.personActor(m)
			}
		}
		// after a comma: "The spokesman for GROUP, NAME"
		if holder == nil && orgEnd < len(toks) && toks[orgEnd].Text == "," {
			if m := mentionAt(st, orgEnd+1); m != nil && m.kind == dossier.KindPerson {
				holder = d.personActor(m)
			}
		}
		// copula after: "the Managing Director of AGENCY is NAME"
		if holder == nil && orgEnd+1 < len(toks) && toks[orgEnd].Is("is", "was") {
			if m := mentionAt(st, orgEnd+1); m != nil && m.kind == dossier.KindPerson {
				holder = d.personActor(m)
			}
		}
		// before: "NAME, a prominent figure in GROUP", "NAME, former
		// president of REGION", "X was a DEMONYM ... leader and former chief of staff of Y"
		if holder == nil {
			holder = d.holderBefore(st, ri)
		}
		if holder == nil {
			continue
		}
		d.addRelation(holder, pred, org, st, 0.8)
	}
	// "inherited the leadership of X", "is its current head"
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Lower == "leadership" && toks[i+1].Lower == "of" {
			k := i + 2
			if toks[k].Lower == "the" && k+1 < len(toks) {
				k++
			}
			if m := mentionAt(st, k); m != nil {
				if h := d.subjectOf(st, i); h != nil {
					d.addRelation(h, dossier.PredLeaderOf, d.orgActor(m), st, 0.7)
				}
			}
		}
		if toks[i].Lower == "its" && toks[i+1].Is("current", "founding") && i+2 < len(toks) && toks[i+2].Is("head", "leader", "chief") ||
			toks[i].Lower == "its" && toks[i+1].Is("head", "leader", "chief") {
			// its = the last organisation named before in the sentence
			var org *actor
			for _, m := range st.mentions {
				if m.j <= i {
					if a := d.orgActor(m); a != nil && a.kind != dossier.KindState {
						org = a
					}
				}
			}
			if h := d.subjectOf(st, i); h != nil && org != nil {
				d.addRelation(h, dossier.PredLeaderOf, org, st, 0.7)
			}
		}
	}
}

// nonStateBetween says whether the words between a country's adjective and
// a role name a kind of group rather than an office of the state: a
// "DEMONYM paramilitary leader" leads no state, a "DEMONYM interior
// minister" serves one.
func nonStateBetween(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Is("paramilitary", "militia", "rebel", "insurgent", "militant", "opposition", "tribal", "religious",
			"jihadist", "separatist", "guerrilla", "student", "union", "business", "community", "clan", "gang", "criminal",
			"drug", "party", "political", "shia", "shiite", "sunni", "kurdish", "islamist") {
			return true
		}
	}
	return false
}

// holderBefore finds the person a role phrase describes when the name
// comes first: "X, a prominent figure in", "X was an ... leader".
func (d *docState) holderBefore(st *sent, ri int) *actor {
	toks := st.toks
	k := ri - 1
	steps := 0
	for k >= 0 && steps < 8 {
		t := toks[k]
		if t.Text == "," {
			if m := mentionEndingAt(st, k); m != nil {
				return d.personActor(m)
			}
			return nil
		}
		if t.Is("is", "was", "as") {
			// "X was a DEMONYM paramilitary leader", "served as"
			return d.subjectOf(st, k)
		}
		if t.Is("including", "among", "like") {
			return nil // "killed alongside X, including the deputy chairman of Y": someone else
		}
		if t.Kind == text.Punct && t.Text != "-" {
			return nil
		}
		if t.Is("and") && k > 0 {
			// "X was a leader and former chief of staff of Y": keep going
		}
		k--
		steps++
	}
	return nil
}

// subjectOf returns the person who is the subject of the clause ending
// before token k: the first mention of the sentence, or the subject of
// the paragraph for a pronoun.
func (d *docState) subjectOf(st *sent, k int) *actor {
	toks := st.toks
	for i := 0; i < k && i < len(toks); i++ {
		if toks[i].Is("he", "she") {
			return d.paraSubject(st)
		}
		if m := mentionAt(st, i); m != nil {
			if a := d.personActor(m); a != nil {
				return a
			}
			return nil
		}
		if toks[i].Kind == text.Punct && toks[i].Text != "," {
			continue
		}
	}
	return nil
}

// paraLead is the first sentence of a sentence's paragraph.
func (d *docState) paraLead(st *sent) *sent {
	first := st
	for i := st.idx; i >= 0 && d.sents[i].para == st.para; i-- {
		first = d.sents[i]
	}
	return first
}

// paraSubject is the person a paragraph is about: the first person named
// in its first sentence.
func (d *docState) paraSubject(st *sent) *actor {
	for _, m := range d.paraLead(st).mentions {
		if a := d.personActor(m); a != nil && (m.kind == dossier.KindPerson) {
			return a
		}
		if m.i > 3 {
			break
		}
	}
	return nil
}

// orgSubject is the organisation a paragraph is about.
func (d *docState) orgSubject(st *sent) *actor {
	for _, m := range d.paraLead(st).mentions {
		if m.i > 3 {
			break
		}
		if a := d.orgActor(m); a != nil && a.kind != dossier.KindState {
			return a
		}
	}
	return nil
}

func (d *docState) foundedRelations(st *sent) {
	toks := st.toks
	for i, t := range toks {
		switch t.Lower {
		case "founded", "co-founded", "established", "formed", "created":
		default:
			continue
		}
		// "X founded Y": Y right after (skipping "the", "now dissolved")
		if i+1 < len(toks) && !(i > 0 && toks[i-1].Is("was", "were", "is", "are", "been")) {
			k := i + 1
			for k < len(toks) && k < i+5 && (toks[k].Is("the", "a", "an", "now", "dissolved", "also") || toks[k].Kind == text.Word && !toks[k].Cap() && toks[k].Lower != "by" && toks[k].Lower != "in" && toks[k].Lower != "on") {
				k++
			}
			if m := mentionAt(st, k); m != nil {
				if org := d.orgActor(m); org != nil && org.kind != dossier.KindState {
					if h := d.subjectOf(st, i); h != nil {
						d.addRelation(h, dossier.PredFounded, org, st, 0.8)
					}
				}
			}
		}
		// "Y was founded by X", "Y, founded by X"
		if i+2 < len(toks) && toks[i+1].Lower == "by" {
			if m := mentionAt(st, i+2); m != nil {
				if h := d.personActor(m); h != nil {
					for _, o := range st.mentions {
						if o.j <= i {
							if org := d.orgActor(o); org != nil && org.kind != dossier.KindState {
								d.addRelation(h, dossier.PredFounded, org, st, 0.8)
								break
							}
						}
					}
				}
			}
		}
	}
}

// backedRelations reads "X-backed" and "backed by X".
func (d *docState) backedRelations(st *sent) {
	toks := st.toks
	for i := 0; i+2 < len(toks); i++ {
		// "STATE-backed paramilitary umbrella group" in a definition of the subject
		if toks[i+1].Text == "-" && toks[i+2].Is("backed", "sponsored", "supported", "funded") {
			m := mentionEndingAt(st, i+1)
			if m == nil {
				continue
			}
			backer := d.orgActor(m)
			if backer == nil {
				continue
			}
			// the backed: a named group right after, or the subject of "X is a STATE-backed group"
			var backed *actor
			k := i + 3
			for k < len(toks) && k < i+6 && toks[k].Kind == text.Word && !toks[k].Cap() {
				k++
			}
			if mm := mentionAt(st, k); mm != nil {
				backed = d.orgActor(mm)
			}
			if backed == nil && i > 1 && toks[i-1].Is("an", "a") && toks[i-2].Is("is", "was", "are", "were") {
				backed = d.orgSubject(st)
			}
			if backed != nil && backed.kind != dossier.KindState {
				d.addRelation(backed, dossier.PredBackedBy, backer, st, 0.75)
			}
		}
		// "both were backed by STATE", "X, backed by Y"
		if toks[i].Lower == "backed" && toks[i+1].Lower == "by" {
			m := mentionAt(st, i+2)
			backer := d.orgActor(m)
			if backer == nil {
				continue
			}
			var backed []*actor
			both := i > 1 && toks[i-2].Lower == "both" || i > 2 && toks[i-3].Lower == "both"
			for _, o := range st.mentions {
				if o.j <= i {
					if a := d.orgActor(o); a != nil && a.kind != dossier.KindState && a != backer {
						backed = append(backed, a)
					}
				}
			}
			if len(backed) == 0 {
				continue
			}
			if both && len(backed) >= 2 {
				backed = backed[len(backed)-2:]
			} else {
				backed = backed[len(backed)-1:]
			}
			for _, b := range backed {
				d.addRelation(b, dossier.PredBackedBy, backer, st, 0.75)
			}
		}
	}
}

// partOfRelations reads "X is the official news agency of Y", "a branch of Y".
func (d *docState) partOfRelations(st *sent) {
	toks := st.toks
	for i := 0; i+2 < len(toks); i++ {
		if !toks[i].Is("official", "branch", "wing", "division", "subsidiary", "affiliate", "arm") {
			continue
		}
		k := i + 1
		for k < len(toks) && k < i+5 && toks[k].Kind == text.Word && !toks[k].Cap() && toks[k].Lower != "of" {
			k++
		}
		if k+1 >= len(toks) || toks[k].Lower != "of" {
			continue
		}
		k++
		if toks[k].Lower == "the" && k+1 < len(toks) {
			k++
		}
		obj := d.orgActor(mentionAt(st, k))
		if obj == nil {
			continue
		}
		var subj *actor
		for _, m := range st.mentions {
			if m.j <= i {
				if a := d.orgActor(m); a != nil && a.kind != dossier.KindState {
					subj = a
					break
				}
			}
		}
		if subj != nil {
			d.addRelation(subj, dossier.PredPartOf, obj, st, 0.7)
		}
	}
}

// spokesmenForGroups: a claim or an act attributed to a group's
// spokesman ("Taliban spokesman NAME claimed responsibility", "NAME, a
// spokesman for the group, claimed") is the group's: the group, not the
// person, is the incident's perpetrator (the person stays the speaker of
// his statement). Only a group the text or the dictionary knows as one
// takes his place.
func (d *docState) spokesmenForGroups() {
	group := map[string]*actor{}
	relEv := map[string]dossier.Evidence{} // the sentence that says whose spokesman he is
	for _, r := range d.rels {
		if r.Predicate != "spokesperson_of" {
			continue
		}
		if a := d.byKey[nameKey(r.Object)]; a != nil && (a.entry != nil || a.kind == dossier.KindArmedGroup) {
			group[r.Subject] = a
			relEv[r.Subject] = r.Evidence
		}
	}
	if len(group) == 0 {
		return
	}
	for _, in := range append([]*incident{d.main}, d.others...) {
		if in == nil {
			continue
		}
		for _, p := range append([]string(nil), in.perps...) {
			g := group[p]
			if g == nil {
				continue
			}
			ev, ok := in.roleEv[nameKey(p)]
			if !ok || ev.End <= ev.Start {
				ev = relEv[p]
				ev.Field = ""
			}
			in.perps = removeName(in.perps, p)
			for a, r := range in.actors {
				if r == "perpetrator" && a.name == p {
					delete(in.actors, a)
				}
			}
			in.addRole("perpetrator", g.name, g, ev)
		}
	}
}
