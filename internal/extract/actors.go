package extract

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/actordict"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
)

// actor is one actor of the document, with every mention of it.
type actor struct {
	name     string
	kind     string
	kindConf bool
	entry    *actordict.Entry
	aliases  []string
	keys     map[string]bool
	mentions []*mention
	used     bool // plays a part: relation, statement, claim, incident role
	first    dossier.Evidence
	country  string
	// collective actors ("Iran-backed militias") are described, not named.
	collective bool
}

func (a *actor) addAlias(s string) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, a.name) {
		return
	}
	for _, x := range a.aliases {
		if strings.EqualFold(x, s) {
			return
		}
	}
	a.aliases = append(a.aliases, s)
}

// nameKey is the key two names of one actor share.
func nameKey(s string) string { return names.Key(stripPossessive(s)) }

func stripPossessive(s string) string {
	for _, p := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, p)
	}
	return s
}

// knownActor finds an actor of the document by a name, a shorter form of a
// person's name ("NAME"), or an acronym.
func (d *docState) knownActor(s string) *actor {
	k := nameKey(s)
	if k == "" {
		return nil
	}
	if a := d.byKey[k]; a != nil {
		return a
	}
	toks := strings.Fields(k)
	if len(toks) == 1 {
		// a surname: the last word of a person already named in full
		var found *actor
		for _, a := range d.actors {
			if a.kind != dossier.KindPerson {
				continue
			}
			for ak := range a.keys {
				w := strings.Fields(ak)
				if len(w) >= 2 && (w[len(w)-1] == k || w[0] == k && len(w) == 2 && false) {
					if found != nil && found != a {
						return nil // ambiguous: two people share the surname
					}
					found = a
				}
			}
		}
		return found
	}
	return nil
}

// newActor registers an actor under a name.
func (d *docState) newActor(name, kind string, conf bool, e *actordict.Entry) *actor {
	a := &actor{name: name, kind: kind, kindConf: conf, entry: e, keys: map[string]bool{}}
	d.actors = append(d.actors, a)
	d.index(a, name)
	if e != nil {
		d.index(a, e.Name)
		for _, al := range e.Aliases {
			if o, ok := d.x.dict.Lookup(al); ok && o != e {
				// an alias the dictionary gives to another entry ("Islamic
				// Jihad", once a name Hezbollah used, is Palestinian Islamic
				// Jihad): naming it names that one
				continue
			}
			d.index(a, al)
		}
	}
	return a
}

func (d *docState) index(a *actor, name string) {
	k := nameKey(name)
	if k == "" {
		return
	}
	a.keys[k] = true
	if _, ok := d.byKey[k]; !ok {
		d.byKey[k] = a
	}
	// "Iran-backed militias" named in an infobox is the "pro-Iran militias" of the prose
	if bk := d.backedKey(name); bk != k {
		if _, ok := d.byKey[bk]; !ok {
			d.byKey[bk] = a
		}
	}
}

// findActors turns mentions into document actors: one actor per real-world
// actor however it is spelled, with its kind and aliases.
func (d *docState) findActors() {
	for _, st := range d.sents {
		for _, m := range st.mentions {
			d.resolveMention(m)
		}
		d.parentheticalAliases(st)
	}
	// Unknown single words that are surnames of people named later.
	for _, st := range d.sents {
		for _, m := range st.mentions {
			if m.actor == nil && m.kind == "" {
				if a := d.knownActor(m.surface); a != nil {
					m.actor, m.kind = a, a.kind
				}
			}
		}
	}
	d.definitions()
	d.acronyms()
	d.stateBodyActors()
	d.displayNames()
}

// bodyModifiers may stand between a state's name and its body: "Iraqi
// security forces", "the Israeli riot police".
var bodyModifiers = map[string]bool{"security": true, "armed": true, "special": true, "national": true, "federal": true,
	"border": true, "riot": true, "local": true, "provincial": true, "regional": true, "central": true, "interim": true,
	"transitional": true, "military": true, "paramilitary": true, "government": true, "police": true}

// stateBodyActors makes an actor of each body of a state named with its
// state ("the Peruvian army", "Pakistani forces", "U.S. military",
// "Iraqi security forces"), listed as the document writes it, as it is
// when it speaks: such a body acts, is hit or speaks for a state, and a
// reader follows it apart from the state. Reports only: an encyclopedia
// article's actors are its states and groups (the reference document's
// gold lists "Iraq", not "Iraqi security forces"), a report's the bodies
// it names (both news golds list "British Army", "Burundi government").
func (d *docState) stateBodyActors() {
	if !d.news {
		return
	}
	for _, st := range d.sents {
		for _, m := range st.mentions {
			if !m.demonym && m.kind != dossier.KindState || m.country == "" {
				continue
			}
			k := m.j
			for k < len(st.toks) && k < m.j+2 && bodyModifiers[st.toks[k].Lower] && !st.toks[k].Cap() {
				k++
			}
			if k >= len(st.toks) || st.toks[k].Cap() || !stateBodies[st.toks[k].Lower] || k > m.j && stateBodies[st.toks[k-1].Lower] && st.toks[k-1].Lower != "security" {
				continue
			}
			if k+1 < len(st.toks) && st.toks[k+1].Text == "-" {
				continue // "government-run", "army-backed": a modifier
			}
			name := text.Join(d.body, st.toks, m.i, k+1)
			if names.Problem(name) != "" || d.byKey[nameKey(name)] != nil {
				continue
			}
			d.newStateBody(name, st.toks[m.i].Start, st.toks[k].End)
		}
	}
}

// displayNames names each person by the full name the document uses most:
// "NAME Al-NAME" written ten times is his name, not the birth name
// "Mustafa Abdul Latif Mishatat" given once in an aside, though it is
// longer. Names of one word ("NAME") do not count.
func (d *docState) displayNames() {
	for _, a := range d.actors {
		if a.kind != dossier.KindPerson || len(a.aliases) == 0 {
			continue
		}
		uses := map[string]int{}
		for _, m := range a.mentions {
			if n := stripPossessive(m.surface); len(strings.Fields(n)) >= 2 {
				uses[n]++
			}
		}
		best, bestN := a.name, uses[a.name]
		for _, al := range a.aliases {
			if n := uses[al]; n > bestN {
				best, bestN = al, n
			}
		}
		if best == a.name {
			continue
		}
		old := a.name
		a.name = best
		kept := a.aliases[:0]
		for _, al := range a.aliases {
			if al != best {
				kept = append(kept, al)
			}
		}
		a.aliases = kept
		a.addAlias(old)
	}
}

func (d *docState) resolveMention(m *mention) {
	switch m.kind {
	case kindPlace, kindFacility, "":
		if m.actor == nil && m.kind == "" {
			if a := d.knownActor(m.surface); a != nil {
				m.actor, m.kind = a, a.kind
			}
		}
		return
	}
	if m.demonym {
		return
	}
	var a *actor
	if m.entry != nil {
		a = d.byEntry(m.entry)
	}
	if a == nil && m.actor != nil {
		a = m.actor
	}
	if a == nil {
		a = d.knownActor(m.surface)
		if a != nil && a.kind != m.kind && m.kind != "" && a.kind != "" && m.confident && a.kindConf {
			a = nil // "Iraq" the state and "Iraq" in a group's name differ
		}
	}
	if a == nil && m.kind == dossier.KindState && m.country != "" {
		a = d.byKey[nameKey(m.country)] // "Republic of Iraq" is Iraq
	}
	if a == nil {
		name := m.surface
		if m.kind == dossier.KindState && m.country != "" {
			name = m.country // states by their usual name: "United States" for "U.S."
		} else if m.entry != nil && m.kind == dossier.KindState {
			name = m.entry.Name
		}
		a = d.newActor(name, m.kind, m.confident, m.entry)
		a.first = d.evidence("actor", m.start, m.end, dossier.MethodProse, 0.8)
		a.country = m.country
	} else {
		d.index(a, m.surface)
		if !strings.EqualFold(stripPossessive(m.surface), a.name) {
			// a longer form of a person's name becomes the name
			if a.kind == dossier.KindPerson && len(strings.Fields(m.surface)) > len(strings.Fields(a.name)) && m.kind == dossier.KindPerson {
				a.addAlias(a.name)
				a.name = stripPossessive(m.surface)
			} else {
				a.addAlias(stripPossessive(m.surface))
			}
		}
		if !a.kindConf && m.confident {
			a.kind, a.kindConf = m.kind, true
		}
	}
	m.actor = a
	a.mentions = append(a.mentions, m)
}

func (d *docState) byEntry(e *actordict.Entry) *actor {
	for _, a := range d.actors {
		if a.entry == e {
			return a
		}
	}
	return nil
}

// parentheticalAliases reads "Name (ACRONYM)" and "Name, or ACRONYM," in a sentence.
func (d *docState) parentheticalAliases(st *sent) {
	toks := st.toks
	for _, m := range st.mentions {
		if m.actor == nil {
			continue
		}
		k := m.j
		if k+2 < len(toks) && toks[k].Text == "(" && toks[k+2].Text == ")" && toks[k+1].AllCaps() && plausibleAcronym(m.actor, toks[k+1].Text) {
			d.alias(m.actor, toks[k+1].Text)
		}
		if k+3 < len(toks) && toks[k].Text == "," && toks[k+1].Lower == "or" && toks[k+2].AllCaps() {
			d.alias(m.actor, toks[k+2].Text)
		}
	}
}

// plausibleAcronym says whether an acronym in brackets after a name can be
// that name's: a group's may come from another language ("Mozambican
// Army (FADM)"), but a state's starts as the state's name does ("United
// Arab Emirates (UAE)"); in "Islamic State – Mozambique (ISM)" the
// acronym is the branch's, not Mozambique's.
func plausibleAcronym(a *actor, acr string) bool {
	if a.kind != dossier.KindState {
		return true
	}
	in := initials(a.name)
	return in != "" && in[0] == acr[0]
}

func (d *docState) alias(a *actor, s string) {
	a.addAlias(s)
	d.index(a, s)
}

// definitions reads "X, also known as Y (Z), is ..." and "X, better known
// as Y, was ...": Y and Z are other names of X.
func (d *docState) definitions() {
	for _, st := range d.sents {
		toks := st.toks
		for i := 0; i+3 < len(toks); i++ {
			var n int
			switch {
			case toks[i].Lower == "also" && toks[i+1].Lower == "known" && toks[i+2].Lower == "as":
				n = 3
			case toks[i].Lower == "better" && toks[i+1].Lower == "known" && (toks[i+2].Lower == "as" || toks[i+2].Lower == "by"):
				n = 3
			case toks[i].Lower == "known" && toks[i+1].Lower == "as" && i > 0 && toks[i-1].Text == ",":
				n = 2
			case toks[i].Lower == "alternatively" && toks[i+1].Lower == "spelt" || toks[i].Lower == "alternatively" && toks[i+1].Lower == "spelled":
				n = 2
			case toks[i].Lower == "formerly" && toks[i+1].Lower == "known" && toks[i+2].Lower == "as":
				n = 3
			}
			if n == 0 {
				continue
			}
			// subject: the first mention of the sentence, or the last one before the phrase
			var subj, obj *mention
			for _, m := range st.mentions {
				if m.j <= i && m.actor != nil {
					if subj == nil {
						subj = m
					}
				}
				if m.i >= i+n && obj == nil {
					obj = m
				}
			}
			if obj == nil {
				// "better known by his kunyaAbu NAME al-NAME": the name may be glued to a word
				continue
			}
			if subj == nil {
				// an unknown-kind subject at the very start (a definitional sentence)
				for _, m := range st.mentions {
					if m.j <= i {
						subj = m
						break
					}
				}
				if subj == nil {
					continue
				}
			}
			k := obj.j
			if branch := branchEnd(toks, k); branch > k {
				// "also known as Islamic State – Mozambique (ISM)": a branch
				// of the group the name starts with, not that group
				if subj.actor == nil {
					continue
				}
				d.alias(subj.actor, text.Join(d.body, toks, obj.i, branch))
				k = branch
			} else {
				d.mergeMentions(subj, obj)
			}
			// "(PMU)" right after the other name
			if k+2 < len(toks) && toks[k].Text == "(" && toks[k+2].Text == ")" && subj.actor != nil {
				d.alias(subj.actor, toks[k+1].Text)
			}
		}
	}
}

// branchEnd reads the part of a name that names a branch after a spaced
// dash ("Islamic State – Mozambique", "Islamic State - Central Africa
// Province") from token k; it returns where the branch ends, or k when
// no branch follows.
func branchEnd(toks []text.Token, k int) int {
	if k+1 >= len(toks) || !toks[k].Is("-", "–", "—") || !toks[k].Space || !toks[k+1].Cap() {
		return k
	}
	e := k + 1
	for e < len(toks) && toks[e].Kind == text.Word && (toks[e].Cap() || toks[e].Is("of", "the", "al")) {
		e++
	}
	return e
}

// mergeMentions makes two mentions one actor, keeping the first name.
func (d *docState) mergeMentions(a, b *mention) {
	if a.actor == nil {
		if b.actor != nil {
			a.actor = b.actor
			d.alias(b.actor, a.surface)
			return
		}
		kind := a.kind
		if kind == "" || kind == kindPlace {
			kind = b.kind
		}
		if kind == "" || kind == kindPlace {
			kind = dossier.KindPerson
		}
		a.kind = kind
		a.confident = true
		d.resolveMention(a)
		if a.actor == nil {
			return
		}
	}
	if b.actor == nil {
		b.actor = a.actor
		b.kind = a.actor.kind
		d.alias(a.actor, b.surface)
		a.actor.mentions = append(a.actor.mentions, b)
		return
	}
	if a.actor == b.actor {
		return
	}
	d.mergeActors(a.actor, b.actor)
}

// mergeActors folds b into a.
func (d *docState) mergeActors(a, b *actor) {
	if a == b {
		return
	}
	a.addAlias(b.name)
	for _, al := range b.aliases {
		a.addAlias(al)
	}
	for k := range b.keys {
		a.keys[k] = true
		d.byKey[k] = a
	}
	for _, m := range b.mentions {
		m.actor = a
		a.mentions = append(a.mentions, m)
	}
	if a.entry == nil {
		a.entry = b.entry
	}
	if !a.kindConf && b.kindConf {
		a.kind, a.kindConf = b.kind, true
	}
	a.used = a.used || b.used
	for i, x := range d.actors {
		if x == b {
			d.actors = append(d.actors[:i], d.actors[i+1:]...)
			break
		}
	}
}

// acronyms links an all-capitals name to the actor whose words it abbreviates
// ("PMF" for "Popular Mobilization Forces").
func (d *docState) acronyms() {
	for _, a := range append([]*actor(nil), d.actors...) {
		if !isAcronym(a.name) {
			continue
		}
		for _, b := range d.actors {
			if b == a || isAcronym(b.name) {
				continue
			}
			if initials(b.name) == strings.ToUpper(a.name) || anyInitials(b, a.name) {
				d.mergeActors(b, a)
				break
			}
		}
	}
	// mentions of acronyms not yet resolved
	for _, st := range d.sents {
		for _, m := range st.mentions {
			if m.actor != nil || !isAcronym(m.surface) {
				continue
			}
			for _, b := range d.actors {
				if anyInitials(b, m.surface) {
					m.actor, m.kind = b, b.kind
					b.addAlias(m.surface)
					b.mentions = append(b.mentions, m)
					break
				}
			}
		}
	}
}

func anyInitials(b *actor, acr string) bool {
	if initials(b.name) == acr {
		return true
	}
	for _, al := range b.aliases {
		if initials(al) == acr {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// initials of the significant words of a name: "Popular Mobilization Forces" -> "PMF".
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "the" || lw == "and" || lw == "for" || arabicArticle(lw) {
			continue
		}
		r := []rune(w)[0]
		if r < 'A' || r > 'Z' {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// actorOf returns the actor a mention resolved to, registering a new one
// of the given kind when the mention had none.
func (d *docState) actorOf(m *mention, kind string) *actor {
	if m.actor != nil {
		return m.actor
	}
	if m.kind == "" || m.kind == kindPlace {
		m.kind = kind
	}
	d.resolveMention(m)
	return m.actor
}

// collective registers a described group ("Iran-backed militias") as an actor.
func (d *docState) collective(name string, start, end int) *actor {
	key := d.backedKey(name)
	if a := d.byKey[key]; a != nil {
		if !strings.EqualFold(a.name, name) {
			a.addAlias(name)
		}
		return a
	}
	a := d.newActor(name, dossier.KindArmedGroup, false, nil)
	a.collective = true
	a.first = d.evidence("actor", start, end, dossier.MethodProse, 0.6)
	d.byKey[key] = a
	return a
}

// backedKey gives the groups described by who backs them one key:
// "Iran-backed militias", "Iranian-backed militias", "pro-Iran militias"
// and "pro-Iranian militias" are one actor; other descriptions keep their
// own name.
func (d *docState) backedKey(name string) string {
	w := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' })
	if len(w) < 2 {
		return nameKey(name)
	}
	noun := strings.TrimSuffix(w[len(w)-1], "s")
	for i, x := range w[:len(w)-1] {
		backer := ""
		switch {
		case x == "pro" && i+1 < len(w)-1:
			backer = w[i+1]
		case i+1 < len(w)-1 && (w[i+1] == "backed" || w[i+1] == "aligned" || w[i+1] == "sponsored" || w[i+1] == "supported" || w[i+1] == "affiliated"):
			backer = x
		}
		if backer == "" {
			continue
		}
		if c, ok := d.x.gaz.Country(backer); ok {
			backer = c.Name
		}
		return "backed:" + strings.ToLower(backer) + ":" + noun
	}
	return nameKey(name)
}

// outputActors lists the actors worth reporting: named actors of a known
// kind, and described groups that play a part.
func (d *docState) outputActors() []dossier.Actor {
	out := []dossier.Actor{} // a list, empty when no actor is named, never null
	speakers := map[*actor]bool{}
	for _, s := range d.stmts {
		if s.speaker != nil {
			speakers[s.speaker] = true
		}
	}
	for _, a := range d.actors {
		switch a.kind {
		case dossier.KindPerson, dossier.KindArmedGroup, dossier.KindState, dossier.KindOrganization,
			dossier.KindParty, dossier.KindMedia, dossier.KindOther:
		default:
			continue
		}
		if a.collective && !a.used {
			continue
		}
		// the actor table holds names: an unnamed group ("gunmen",
		// "attackers") stays the incident's unidentified actor in its
		// roles, and a fragment or a phrase ("Vice-", "Dr", "suspected
		// jihadists") is no one (names.Problem), unless someone speaks by it
		// or it is an anonymous source ("anonymous regional officials")
		if p := names.Problem(a.name); p != "" && !speakers[a] && a.entry == nil && a.kind != dossier.KindOther {
			continue
		}
		if !a.kindConf && !a.used && len(a.mentions) < 2 && a.kind != dossier.KindPerson {
			continue
		}
		// a country the text only names (where it happened, whose
		// citizens died) is a place, not an actor: it is one when it acts,
		// speaks, is blamed or hit
		if a.kind == dossier.KindState && !a.used && !speakers[a] {
			if _, isCountry := d.x.gaz.Country(a.name); isCountry {
				continue
			}
		}
		aliases := append([]string{}, a.aliases...)
		if a.entry != nil && nameKey(a.entry.Name) != nameKey(a.name) && !containsKey(aliases, a.entry.Name) {
			// "ISIS" is the dictionary's Islamic State: its name joins the
			// document's spellings, so that a knowledge base finds one actor
			// under every spelling its documents use
			aliases = append(aliases, a.entry.Name)
		}
		sort.Strings(aliases)
		out = append(out, dossier.Actor{
			ID:       dossier.StableID("a", a.kind, nameKey(a.name)),
			Name:     a.name,
			Aliases:  aliases,
			Kind:     a.kind,
			Evidence: []dossier.Evidence{a.first},
		})
	}
	return out
}

// containsKey says whether a list holds a name of the same key as n.
func containsKey(list []string, n string) bool {
	for _, x := range list {
		if nameKey(x) == nameKey(n) {
			return true
		}
	}
	return false
}

// mentionText is the body text of toks[i:j] of a sentence.
func (d *docState) mentionText(st *sent, i, j int) string { return text.Join(d.body, st.toks, i, j) }
