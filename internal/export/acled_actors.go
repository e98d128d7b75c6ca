package export

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier"
)

// codedActor is one side of an ACLED event.
type codedActor struct {
	name  string
	assoc []string
	inter int
}

// actorCoder codes the actors of incidents as the ACLED Codebook does
// (section "Actors"): organisations, not people; state forces by the state
// they serve ("Military Forces of Iraq", "Police Forces of India",
// "Government of Iraq"), as external forces outside their country;
// civilians as "Civilians (Country)".
type actorCoder struct {
	ix *actorIndex
	// affiliations are the relations from a person or an organisation to
	// the actors it leads, belongs to or speaks for: they say whose forces
	// a general is, which government a prime minister heads.
	affiliations map[string][]*dossier.ActorSummary
}

// affiliationPredicates are the relations that make a person act for, or
// stand for, another actor.
var affiliationPredicates = []string{dossier.PredLeaderOf, dossier.PredMemberOf, dossier.PredSpokespersonOf, dossier.PredPartOf}

// loadActorCoder indexes the actors and the affiliations of the people and
// organisations that take part in incidents.
func loadActorCoder(ctx context.Context, st dossier.ActorReader) (*actorCoder, error) {
	ix, err := loadActors(ctx, st)
	if err != nil {
		return nil, err
	}
	c := &actorCoder{ix: ix, affiliations: map[string][]*dossier.ActorSummary{}}
	for _, a := range ix.order {
		if a.Incidents == 0 || a.Kind != dossier.KindPerson && a.Kind != dossier.KindOrganization {
			continue
		}
		d, err := st.Actor(ctx, a.ID)
		if err != nil {
			return nil, fmt.Errorf("export: actor %s: %w", a.ID, err)
		}
		for _, r := range d.Relations {
			obj := ix.byID[r.ObjectID]
			if r.SubjectID != a.ID || obj == nil || !slices.Contains(affiliationPredicates, r.Predicate) ||
				slices.Contains(c.affiliations[a.ID], obj) {
				continue
			}
			c.affiliations[a.ID] = append(c.affiliations[a.ID], obj)
		}
	}
	return c, nil
}

// force is the branch of a state an actor belongs to.
type force int

const (
	forceNone force = iota
	forceMilitary
	forcePolice
	forceGovernment
)

// forceWords tell a state's forces and offices by name, police before
// military ("police officers"), military before government ("Ministry of
// Defence troops").
var forceWords = []struct {
	f     force
	words []string
}{
	{forcePolice, []string{"police", "policem", "gendarm", "border guard", "border force", "constabulary", "counter-terrorism department"}},
	{forceMilitary, []string{"army", "armed forces", "military", "soldier", "troops", "navy", "naval", "air force", "marines",
		"defence forces", "defense forces", "security forces", "national guard", "revolutionary guard", "general ", "colonel",
		"commander", "checkpoint"}},
	{forceGovernment, []string{"government", "ministry", "minister", "president", "governor", "mayor", "official",
		"parliament", "council of representatives", "national assembly", "senate", "embassy", "intelligence", "cabinet"}},
}

func forceOf(name string) force {
	lower := strings.ToLower(name) + " "
	for _, fw := range forceWords {
		for _, w := range fw.words {
			if strings.Contains(lower, w) {
				return fw.f
			}
		}
	}
	return forceNone
}

// stateActor names a state's forces as ACLED does, "Military Forces of
// Iraq", "Police Forces of the Philippines", "Government of Iraq", without
// the regime's period ("(2020-)"): dossier has no cited table of regimes.
// Forces outside their own country are external forces (codebook, "8:
// External/Other Forces").
func stateActor(f force, c, event country) codedActor {
	name := withArticle(c.Name)
	switch f {
	case forcePolice:
		name = "Police Forces of " + name
	case forceGovernment:
		name = "Government of " + name
	default:
		name = "Military Forces of " + name
	}
	code := interState
	if event.Code != "" && c.Code != event.Code {
		code = interOther
	}
	return codedActor{name: name, inter: code}
}

// withArticle puts "the" before the country names that take it ("the
// United States", "the Philippines").
func withArticle(name string) string {
	switch {
	case strings.HasPrefix(name, "United "), strings.HasPrefix(name, "Republic of "),
		strings.HasPrefix(name, "Democratic Republic"), strings.HasSuffix(name, " Republic"),
		strings.HasSuffix(name, " Islands"), strings.HasSuffix(name, "lands"),
		slices.Contains([]string{"Philippines", "Bahamas", "Comoros", "Maldives", "Seychelles", "Gambia"}, name):
		return "the " + name
	}
	return name
}

// civilianLabels name civilians by who they were, as ACLED's associated
// actors do ("Women (Spain)", codebook table 1); civilianWords without a
// label make civilians without an associated actor.
var civilianLabels = []struct{ word, label string }{
	{"student", "Students"}, {"journalist", "Journalists"}, {"reporter", "Journalists"}, {"children", "Children"},
	{"women", "Women"}, {"refugee", "Refugees/IDPs"}, {"displaced", "Refugees/IDPs"},
}

// civilianWords mark a target named as civilians.
var civilianWords = []string{"civilian", "people", "student", "worshipper", "shopper", "villager", "children", "women",
	"pilgrim", "passenger", "journalist", "reporter", "resident", "crowd", "demonstrator", "protester", "protestor",
	"refugee", "displaced", "patient", "shopping", "market", "mosque", "church", "school", "hospital", "family", "families"}

// role of a name in an incident.
const (
	rolePerpetrator = "perpetrator"
	roleTarget      = "target"
)

// coding is what one name in an incident comes to.
type coding struct {
	actor    codedActor // an organised actor; empty name when the name is none
	civilian bool       // civilians (a person, or a target named as civilians)
	label    string     // who the civilians were, as an associated actor
	person   string     // a person's name: it goes to notes, not to actor columns
}

// code codes one perpetrator or target named in an incident that took
// place in the event country.
func (c *actorCoder) code(name, role string, event country) coding {
	a := c.ix.find(name)
	kind := dossier.KindOther
	if a != nil {
		kind = a.Kind
		name = a.Name
	}
	switch kind {
	case dossier.KindPerson:
		return c.codePerson(a, role, event)
	case dossier.KindState:
		ctry, ok := countryIn(name)
		if !ok {
			ctry = event
		}
		return coding{actor: stateActor(forceMilitary, ctry, event)}
	case dossier.KindOrganization:
		if f := forceOf(name); f != forceNone {
			return coding{actor: stateActor(f, c.countryOf(a, event), event)}
		}
		return coding{actor: codedActor{name: name, inter: interOther}}
	case dossier.KindArmedGroup:
		return coding{actor: codedActor{name: name, inter: groupInter(name)}}
	case dossier.KindParty:
		return coding{actor: codedActor{name: name, inter: interMilitia}}
	case dossier.KindMedia:
		return coding{civilian: true, label: "Journalists"}
	}
	// A name that is no known actor: its words say what it is.
	if f := forceOf(name); f != forceNone {
		ctry, ok := countryIn(name)
		if !ok {
			ctry = event
		}
		return coding{actor: stateActor(f, ctry, event)}
	}
	if l := strings.ToLower(name); strings.Contains(l, "militia") {
		return coding{actor: codedActor{name: name, inter: groupInter(name)}}
	}
	if role == rolePerpetrator {
		if isProperName(name) {
			return coding{actor: codedActor{name: name, inter: interMilitia}}
		}
		return coding{} // "gunmen": an unidentified armed group
	}
	lower := strings.ToLower(name)
	for _, cl := range civilianLabels {
		if strings.Contains(lower, cl.word) {
			return coding{civilian: true, label: cl.label}
		}
	}
	for _, w := range civilianWords {
		if strings.Contains(lower, w) {
			return coding{civilian: true}
		}
	}
	return coding{} // a thing, not an actor: "oil tanker trucks", "weapons depots"
}

// codePerson codes a person by what the person acts for: the head of a
// government stands for the government, a general for the military, a
// member of an armed group for the group (as perpetrator). Anyone else is
// a civilian as a target, an unidentified armed group as a perpetrator.
// The name itself goes to notes.
func (c *actorCoder) codePerson(p *dossier.ActorSummary, role string, event country) coding {
	out := coding{person: p.Name}
	for _, org := range c.affiliations[p.ID] {
		switch org.Kind {
		case dossier.KindState:
			ctry, ok := countryIn(org.Name)
			if !ok {
				ctry = event
			}
			out.actor = stateActor(forceGovernment, ctry, event)
			return out
		case dossier.KindOrganization:
			if f := forceOf(org.Name); f != forceNone {
				out.actor = stateActor(f, c.countryOf(org, event), event)
				return out
			}
		case dossier.KindArmedGroup, dossier.KindParty:
			if role == rolePerpetrator {
				out.actor = codedActor{name: org.Name, inter: groupInter(org.Name)}
				if org.Kind == dossier.KindParty {
					out.actor.inter = interMilitia
				}
				return out
			}
		}
	}
	if f := forceOf(p.Name); f != forceNone { // "General Qasem Soleimani"
		out.actor = stateActor(f, event, event)
		return out
	}
	out.civilian = role == roleTarget
	return out
}

// countryOf is the country of an organisation: the one its name says
// ("Iraqi Armed Forces"), else the state it is part of, else the event's.
func (c *actorCoder) countryOf(a *dossier.ActorSummary, event country) country {
	if a == nil {
		return event
	}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if ctry, ok := countryIn(n); ok {
			return ctry
		}
	}
	for _, org := range c.affiliations[a.ID] {
		if org.Kind == dossier.KindState {
			if ctry, ok := countryIn(org.Name); ok {
				return ctry
			}
		}
	}
	return event
}

// groupInter codes an armed group: an identity militia when its name says
// ethnic, tribal, clan or communal, a political militia when it says
// militia, else a rebel group. dossier cannot tell rebels from political
// militias by their goals, as ACLED does: check these.
func groupInter(name string) int {
	lower := strings.ToLower(name)
	for _, w := range []string{"ethnic", "tribal", "clan ", "communal"} {
		if strings.Contains(lower+" ", w) {
			return interIdentity
		}
	}
	if strings.Contains(lower, "militia") {
		return interMilitia
	}
	return interRebel
}

// isProperName tells a name ("Jaish-e-Mohammed") from a description
// ("gunmen", "unknown attackers").
func isProperName(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// generic names ACLED's generic actors: "Unidentified Armed Group (Iraq)".
func generic(name string, event country) string {
	if event.Name == "" {
		return name
	}
	return name + " (" + event.Name + ")"
}

// codedEvent is an incident's actors as ACLED codes them.
type codedEvent struct {
	a1, a2            codedActor
	civilianTargeting bool
	people            []string // persons named as perpetrators or targets, with their role, for notes
}

// codeEvent chooses ACLED's actor1 and actor2. Actor 1 is a reported
// perpetrator, an organisation before a person (ACLED names the
// organisation, not its members), the other organised perpetrators its
// associates; without one, ACLED's generic actor for the event type.
// Accused actors are not perpetrators: they go to notes, and so do
// people's names. Actor 2 is the first target that is an organised actor;
// civilians are "Civilians (Country)", with who they were as associates,
// when they are the main or only target (always in violence against
// civilians unless every target is an organised actor, such as a
// government whose head was attacked).
func (c *actorCoder) codeEvent(in *dossier.IncidentSummary, event country) codedEvent {
	var ev codedEvent
	addPerson := func(p, role string) {
		if p = p + " (" + role + ")"; !strings.HasPrefix(p, " ") && !slices.Contains(ev.people, p) {
			ev.people = append(ev.people, p)
		}
	}
	var perps []codedActor
	for _, n := range in.Perpetrators {
		cd := c.code(n, rolePerpetrator, event)
		addPerson(cd.person, rolePerpetrator)
		if cd.actor.name != "" && !slices.ContainsFunc(perps, func(a codedActor) bool { return a.name == cd.actor.name }) {
			perps = append(perps, cd.actor)
		}
	}
	var targets []codedActor
	var civLabels []string
	civilians := false
	for _, n := range in.Targets {
		cd := c.code(n, roleTarget, event)
		addPerson(cd.person, roleTarget)
		switch {
		case cd.actor.name != "":
			if !slices.ContainsFunc(targets, func(a codedActor) bool { return a.name == cd.actor.name }) {
				targets = append(targets, cd.actor)
			}
		case cd.civilian:
			civilians = true
			if l := generic(cd.label, event); cd.label != "" && !slices.Contains(civLabels, l) {
				civLabels = append(civLabels, l)
			}
		}
	}
	civ := codedActor{name: generic("Civilians", event), assoc: civLabels, inter: interCivilians}

	switch in.Type {
	case typeProtests, typeRiots:
		ev.a1 = codedActor{name: generic("Protesters", event), inter: interProtester}
		if in.Type == typeRiots {
			ev.a1 = codedActor{name: generic("Rioters", event), inter: interRioters}
		}
		targets = append(perps, targets...) // police dispersing a protest is its other side
	default:
		if len(perps) > 0 {
			ev.a1 = perps[0]
			for _, p := range perps[1:] {
				ev.a1.assoc = append(ev.a1.assoc, p.name)
			}
		} else if in.Type == typeBattles || in.Type == typeExplosions || in.Type == typeVAC {
			ev.a1 = codedActor{name: generic("Unidentified Armed Group", event), inter: interMilitia}
		}
	}

	switch {
	case len(targets) > 0 && (in.Type != typeVAC || !civilians):
		ev.a2 = targets[0]
		for _, t := range targets[1:] {
			ev.a2.assoc = append(ev.a2.assoc, t.name)
		}
		if civilians && (in.Type == typeExplosions || in.Type == typeStrategic) {
			ev.a2.assoc = append(ev.a2.assoc, civ.name) // harmed on the way, not targeted
		}
	case civilians && in.Type != typeBattles || in.Type == typeVAC:
		ev.a2 = civ
	}
	if ev.a1.name == "" { // a one-sided strategic development: its actor is actor 1
		ev.a1, ev.a2 = ev.a2, codedActor{}
	}
	ev.civilianTargeting = ev.a2.inter == interCivilians && (in.Type == typeVAC || in.Type == typeExplosions || in.Type == typeRiots) ||
		isExcessiveForce(in.SubType)
	return ev
}

func isExcessiveForce(sub string) bool {
	return sub == "Excessive force against protesters" || sub == "Excessive force against protestors"
}
