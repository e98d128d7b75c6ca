package extract

import (
	"bytes"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/numbers"
	"github.com/dossier-project/dossier/internal/text"
)

// A news headline states the toll when the report's prose may only
// describe it: "Bomb blast in Turkey kills 10, injures 17", "Eight killed
// in suicide bombing in Algeria", "ETA bomb kills soldier in northern
// Spain", "Catholic priest murdered during prayer". The headline's figures
// are read like a sentence's, and used only where the prose gave none.

// titleSent is a sentence of the title where the document holds it, so
// that its figures carry evidence; nil when the title is not in the text.
// The main incident's is built once.
func (d *docState) titleSent(in *incident) *sent {
	if in != d.main {
		return d.buildTitleSent(in)
	}
	if !d.titleRead {
		d.title, d.titleRead = d.buildTitleSent(in), true
	}
	return d.title
}

func (d *docState) buildTitleSent(in *incident) *sent {
	// the headline as the text writes it near its top, or where the
	// title's evidence is (not a URL that spells it)
	start, end := -1, -1
	head := d.body[:min(len(d.body), 2000)]
	if i := bytes.Index(head, []byte(in.title)); in.title != "" && i >= 0 {
		start, end = i, i+len(in.title)
	} else if ev := in.titleEvidence(); ev.End > ev.Start && ev.End <= len(d.body) && ev.Text == in.title {
		start, end = ev.Start, ev.End
	}
	if start < 0 {
		return nil
	}
	st := &sent{idx: -1, para: -1, start: start, end: end, inc: in}
	st.text = string(d.body[start:end])
	st.toks = text.Tokenize(st.text, start)
	st.qty = numbers.Find(st.text)
	st.cas = d.x.lex.Casualties.FindAll(st.toks)
	st.events = d.x.lex.Events.FindAll(st.toks)
	st.weapons = d.x.lex.Weapons.FindAll(st.toks)
	return st
}

// headlineCounts sets the fatalities and injuries the prose left unknown
// from the headline, and those the prose gave only in part: a headline's
// figure is the report's total ("Terrorist attacks in Algiers kill 23
// people" over "The first target was the Government Palace ... killing
// twelve people"), so one above the prose's range replaces it.
func (d *docState) headlineCounts(in *incident) {
	if !d.news {
		return
	}
	st := d.titleSent(in)
	if st == nil {
		return
	}
	for _, h := range d.casualties(st) {
		pcur, prio := in.countOf(h.field)
		cur := *pcur
		switch {
		case cur == nil:
			in.setCount(h.field, h.r, prioTitle, d.sentEvidence(h.field, st, 0.6))
		case *prio < prioInfobox && !h.r.Vague && !h.approx && cur.Max != nil && h.r.Min > *cur.Max:
			// (a figure the prose's range allows, "over 20" beside "kill
			// 22", or an approximate one, "nearly 200", leaves the prose's)
			*prio = 0
			in.setCount(h.field, h.r, prioLead, d.sentEvidence(h.field, st, 0.6))
		}
	}
	if in.fat == nil && loneKilled(st.toks, false) {
		in.setCount("fatalities", dossier.Exact(1), prioTitle, d.sentEvidence("fatalities", st, 0.55))
	}
}

// headlineKill are the verbs of a killing in a headline's present tense
// and a report's past.
var headlineKill = map[string]bool{"kills": true, "kill": true, "killed": true, "killing": true, "murders": true, "shoots": true, "shot": true, "gunned": true}

// loneKilled says whether the words tell one person killed with no figure:
// a killing verb and one victim after it ("kills soldier", "killing a
// policeman", "kill Afghan police officer"), or one victim and a passive
// death after it ("Catholic priest murdered", "Spanish councillor shot and
// killed", "Journalist Gebran Tueni murdered"). A report's prose must say
// "a", "an" or "one"; a headline drops its articles.
func loneKilled(toks []text.Token, prose bool) bool {
	for k, t := range toks {
		// ("killed" only before "a"/"an"/"one": "militants killed a
		// policeman"; else its figures are the casualty reader's)
		if headlineKill[t.Lower] && (t.Lower != "killed" || k+1 < len(toks) && toks[k+1].Is("a", "an", "one")) {
			j := k + 1
			if t.Is("shot", "gunned") {
				if j >= len(toks) || !toks[j].Is("dead", "down") {
					continue // "shot a policeman": hurt, maybe
				}
				j++ // "shot dead a village chief"
			}
			article := j < len(toks) && toks[j].Is("a", "an", "one")
			if article {
				j++
			}
			if prose && !article {
				continue
			}
			if j < len(toks) && toks[j].Lower == "one" {
				return true
			}
			// up to three words of description before the victim's noun
			if loneVictimAt(toks, j) {
				return true
			}
			// "shot dead a village chief", "killing a tribal elder"
			if j+1 < len(toks) && toks[j+1].Is("chief", "headman", "elder", "reservist", "volunteer") || j < len(toks) && toks[j].Is("chief", "headman", "elder") {
				return true
			}
		}
	}
	if prose {
		return false
	}
	for k, t := range toks {
		dies := t.Is("murdered", "assassinated", "beheaded", "executed") || t.Lower == "killed" ||
			t.Lower == "shot" && k+1 < len(toks) && toks[k+1].Is("dead") ||
			t.Lower == "shot" && k+2 < len(toks) && toks[k+1].Lower == "and" && toks[k+2].Is("killed")
		if !dies || k == 0 {
			continue
		}
		// the victim right before: a singular noun of a person, or a name
		p := k - 1
		if toks[p].Is("is", "was", "been", "being") {
			p--
		}
		// "Journalist Gebran Tueni murdered": a name after the noun
		for n := 0; n < 3 && p > 0 && toks[p].Cap() && !loneVictimHeads[toks[p].Lower]; n++ {
			p--
		}
		if p >= 0 && loneVictimHeads[toks[p].Lower] {
			return true
		}
	}
	return false
}

// headlineActs are a headline's verbs of an attack in the present tense,
// whose subject is who carried it out: "Tamil Tigers kill 28 with bus
// bomb", "Boko Haram bombs mosque".
var headlineActs = map[string]bool{"kill": true, "kills": true, "attack": true, "attacks": true, "bomb": true, "bombs": true,
	"ambush": true, "ambushes": true, "abduct": true, "abducts": true, "kidnap": true, "kidnaps": true, "behead": true, "beheads": true,
	"storm": true, "storms": true, "raid": true, "raids": true, "massacre": true, "massacres": true, "shoot": true, "shoots": true,
	"claim": true, "claims": true}

// headlineGroupNouns follow a group's name in a headline's subject:
// "Boko Haram insurgents kill", "Maoist rebels attack".
var headlineGroupNouns = map[string]bool{"militants": true, "rebels": true, "insurgents": true, "fighters": true, "gunmen": true,
	"extremists": true, "jihadists": true, "guerrillas": true, "terrorists": true, "cadres": true, "men": true}

// genericGroup says whether a described group names no one: "Gunmen",
// "Unidentified gunmen" (not "Maoists", "Fulani herdsmen").
func genericGroup(name string) bool {
	w := strings.Fields(strings.ToLower(name))
	return len(w) == 0 || headlineGroupNouns[w[len(w)-1]] || !names.HasUpper(strings.Join(strings.Fields(name)[1:], " ")) && len(w) > 1
}

// headlinePerps reads who acted from a headline written in sentence case
// when the prose named no one: a known armed group (the document's, or
// the dictionary's) as the subject of a verb of attack ("Tamil Tigers kill
// 28 with bus bomb"); "Suspected" before it makes it accused. A headline
// in title case ("Tamil Tigers Kill 28") is not read: its verbs look like
// names.
func (d *docState) headlinePerps(in *incident) {
	if !d.news || !in.main || len(in.perps) > 0 || len(in.accused) > 0 {
		return
	}
	st := d.titleSent(in)
	if st == nil {
		return
	}
	toks := st.toks
	for v := 1; v < len(toks); v++ {
		if !headlineActs[toks[v].Text] {
			continue // (lower case only: a verb, not a word of a title-case headline)
		}
		e := v
		if headlineGroupNouns[toks[e-1].Text] {
			e--
		}
		// the name: capitalised words (and a bracketed part, "CPI
		// (Maoist)") right before
		s := e
		for s > 0 && e-s < 6 && (nameToken(&toks[s-1]) || toks[s-1].Is("(", ")") || toks[s-1].Text == "-" && !toks[s-1].Space) {
			s--
		}
		if s > 0 && !toks[s-1].Is(":", "-", "–", "—") {
			return // the name must open the headline or its clause after a colon
		}
		role := "perpetrator"
		if s < e && toks[s].Is("suspected", "alleged") {
			role = "accused"
			s++
		}
		for b := s; b < e; b++ {
			if functionWords[toks[b].Lower] || len(toks[b].Text) < 2 {
				continue // "A bomb kills": an article, not a name
			}
			name := text.Join(d.body, toks, b, e)
			a := d.knownActor(name)
			if a == nil {
				if ent, ok := d.x.dict.Lookup(name); ok && ent.Kind == dossier.KindArmedGroup {
					if a = d.byEntry(ent); a == nil {
						a = d.newActor(ent.Name, ent.Kind, true, ent)
						a.first = d.evidence("actor", toks[b].Start, toks[e-1].End, dossier.MethodProse, 0.6)
					}
				}
			}
			if a != nil && !genericGroup(a.name) && (a.kind == dossier.KindArmedGroup || a.collective) {
				in.addRole(role, a.name, a, d.sentEvidence("", st, 0.55))
				return
			}
		}
		return
	}
}
