package extract

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/text"
)

// The choice of the main incident's place among the places the prose
// names (proseLocation): each candidate is described by binary features
// (its kind and size, the preposition before it, where it stands, what
// its sentence tells, the rules' own score), and a conditional logit
// trained by `go run ./tools/train places` on the dev splits of the
// corpora picks the most probable one, on the kinds of document where
// cross-validation found it better than the rules' hand-set scores (the
// model file's not_adopted_for names the others). The rules' refinements
// (a suburb, a part of a city, a town in a province) apply to the chosen
// candidate either way.

// referenceOnly marks a candidate the choice passes over: a point of
// reference in a sentence that names the act's place.
const referenceOnly = "reference-only"

// ReferenceOnly is referenceOnly, for tools/train.
const ReferenceOnly = referenceOnly

//go:embed data/place-model.json
var placeModelJSON []byte

// genre is the kind of document a model may be adopted for: "news" (a
// report) or "prose" (an encyclopedia article).
func (d *docState) genre() string {
	if d.news {
		return "news"
	}
	return "prose"
}

// placeFeatures are the features a place candidate has wherever it
// stands: kind, the gazetteer's class and size, position, genre.
func placeFeatures(m *mention, n int, lead, news bool) []string {
	f := []string{"kind:" + m.kind}
	if p := m.place; p != nil {
		switch {
		case p.Feature == featureCountry && p.Country == "":
			f = append(f, "class:named") // a place the text names as one, unknown to the gazetteer
		case p.Feature == featureCountry:
			f = append(f, "class:division-named")
		case p.Feature == featureNear:
			f = append(f, "class:near") // a place the gazetteer lacks, at the point of the place it lies in
		case p.Feature == "ADM1" || p.Feature == "ADM2":
			f = append(f, "class:"+p.Feature)
		case p.Feature == "PPLC":
			f = append(f, "class:capital")
		case strings.HasPrefix(p.Feature, "PPLA"):
			f = append(f, "class:seat")
		default:
			f = append(f, "class:other")
		}
		pop := p.Population
		if p.Feature == featureNear {
			pop = 0 // (the population is the place's it lies in)
		}
		switch {
		case pop >= 1000000:
			f = append(f, "pop:1m")
		case pop >= 100000:
			f = append(f, "pop:100k")
		case pop >= 10000:
			f = append(f, "pop:10k")
		case pop > 0:
			f = append(f, "pop:small")
		default:
			f = append(f, "pop:unknown")
		}
	} else {
		f = append(f, "class:none")
	}
	switch {
	case n == 0:
		f = append(f, "sentence:0")
	case n == 1:
		f = append(f, "sentence:1")
	case n <= 3:
		f = append(f, "sentence:2-3")
	case n <= 8:
		f = append(f, "sentence:4-8")
	default:
		f = append(f, "sentence:9+")
	}
	if lead {
		f = append(f, "lead")
	}
	if news {
		f = append(f, "news")
	}
	return f
}

// placeCandidateFeatures are the features of a place candidate of the
// prose: those of placeFeatures, the preposition at token prev before it
// (-1: none, or a distance from it), and what stands around it in its
// sentence; the choice's own features (how often named, the rules'
// choice) are added once every candidate is known.
func (d *docState) placeCandidateFeatures(st *sent, m *mention, prev, n int, lead, distance, loc bool) []string {
	pf := placeFeatures(m, n, lead, d.news)
	if distance {
		pf = append(pf, "distance")
	}
	if prev >= 0 {
		w := st.toks[prev].Lower
		if w == "within" {
			w = "in" // "at Kandi area within Karpathos County"
		}
		switch w {
		case "in", "at", "near", "outside", "of", "from", "against", "on", "into":
			pf = append(pf, "prep:"+w)
		default:
			pf = append(pf, "prep:other")
		}
	} else {
		pf = append(pf, "prep:none")
	}
	if loc {
		pf = append(pf, "loc")
		if lead {
			pf = append(pf, "loc&lead")
		}
		if n == 0 {
			pf = append(pf, "loc&first-sentence")
		}
	}
	if m.kind == kindPlace && d.titleNames(m.surface) {
		pf = append(pf, "title")
	}
	if m.kind == kindPlace && settlementApposition(st.toks, m.j) {
		pf = append(pf, "settlement-apposition")
	}
	if d.mainCtry != "" && (m.country == d.mainCtry || m.place != nil && m.place.Feature == featureCountry && m.place.Country == "") {
		pf = append(pf, "country-agrees")
	} else if c := placeCountry(m); d.mainCtry != "" && c != "" && c != d.mainCtry {
		pf = append(pf, "country-disagrees") // "fleeing French intervention in Mali" in a report of Tunisia
	}
	if prev >= 1 && st.toks[prev].Lower == "of" {
		switch w := st.toks[prev-1].Lower; {
		case settlementNouns[w]:
			pf = append(pf, "of:settlement") // "the town of Khiam"
		case divisionWords[w] && prev >= 2 && st.toks[prev-2].Cap() && st.toks[prev-2].Kind == text.Word:
			pf = append(pf, "of:container") // "the Dagamaru district of Kunduz": Kunduz holds the place named
		case divisionWords[w]:
			pf = append(pf, "of:division") // "the province of Kunduz"
		case w == "capital":
			pf = append(pf, "of:capital")
		case compassWord(w):
			pf = append(pf, "of:bearing") // "north of Baghdad"
		}
		// "near the town of Kohat", "outside the city of": a point of reference
		for k := prev - 1; k >= 0 && k >= prev-3; k-- {
			if st.toks[k].Is("near", "outside") {
				pf = append(pf, "reference-point")
				break
			}
		}
	}
	placeAt := func(i int, end bool) bool {
		return slices.ContainsFunc(st.mentions, func(m2 *mention) bool {
			return m2.kind == kindPlace && (end && m2.j == i || !end && m2.i == i)
		})
	}
	if m.i >= 2 && st.toks[m.i-1].Text == "," && placeAt(m.i-1, true) {
		pf = append(pf, "comma-after-place") // "Çınar, Diyarbakır": the wider place
	}
	if prev >= 1 && st.toks[prev].Lower == "in" && placeAt(prev, true) {
		pf = append(pf, "in-after-place") // "at Kandi Bazar in X district": the wider place
	}
	if m.j+1 < len(st.toks) && st.toks[m.j].Text == "," && placeAt(m.j+1, false) {
		pf = append(pf, "place-after-comma")
	}
	// (a place located by the place it lies in is smaller than that one)
	popOf := func(p *gazetteer.Place) int {
		if p.Feature == featureNear {
			return 1
		}
		return p.Population
	}
	if m.place != nil && popOf(m.place) > 0 && !slices.ContainsFunc(st.mentions, func(m2 *mention) bool {
		return m2 != m && m2.kind == kindPlace && m2.place != nil && popOf(m2.place) > 0 && popOf(m2.place) < popOf(m.place)
	}) {
		pf = append(pf, "smallest-in-sentence")
	}
	// the object of a verb of attack: "attacked the village of X",
	// "stormed X", "shelled the town of X"
	for k := m.i - 1; k >= 0 && k >= m.i-5; k-- {
		t := st.toks[k]
		if t.Is("attacked", "stormed", "raided", "ambushed", "shelled", "bombed", "struck", "hit", "overran", "torched", "burned", "burnt", "besieged", "invaded") {
			pf = append(pf, "act-object")
			break
		}
		if t.Kind != text.Word || !t.Is("the", "a", "village", "town", "city", "hamlet", "settlement", "camp", "district", "area", "of") && !(t.Cap() && k > m.i-3) {
			break
		}
	}
	if len(st.events) > 0 {
		pf = append(pf, "event-sentence")
	}
	if len(st.cas) > 0 {
		pf = append(pf, "casualty-sentence")
	}
	if m.j < len(st.toks) && st.toks[m.j].Is("suburb", "suburbs", "outskirts", "district", "province", "region", "governorate", "state", "county") {
		pf = append(pf, "division-word-after")
	}
	return pf
}

// placeCountry is the country a place candidate is in, or is.
func placeCountry(m *mention) string {
	if m.country != "" {
		return m.country
	}
	if m.place != nil {
		return m.place.Country
	}
	return ""
}

// mentionCount is the feature of how often the prose names a candidate.
func mentionCount(n int) string {
	if n >= 3 {
		return "mentions:3+"
	}
	return fmt.Sprintf("mentions:%d", n)
}

// placeOutName is the place name a candidate gives the incident when
// chosen ("" for a country, which names no place).
func placeOutName(m *mention) string {
	switch {
	case m.place == nil:
		return ""
	case m.kind == kindFacility:
		return m.placeName
	case m.place.Feature == featureCountry:
		return bareDivision(m.surface)
	case m.place.Feature == featureNear && (strings.HasSuffix(strings.ToLower(m.surface), " local government area") || strings.HasSuffix(strings.ToLower(m.surface), " lga")):
		return bareDivision(m.surface)
	}
	return m.surface
}

// PlaceCandidates returns the candidate places of a document's main
// incident, read from prose, with their features, and what the rules
// alone choose, for tools/train.
func (x *Extractor) PlaceCandidates(doc *dossier.Document) ([]Candidate, string, error) {
	y := *x
	y.place = nil
	d, _, err := y.extract(doc)
	if err != nil || d == nil {
		return nil, "", err
	}
	var out []Candidate
	for _, c := range d.placeCands {
		out = append(out, Candidate{Name: c.name, Features: c.feats})
	}
	return out, d.rulePlace, nil
}

// titlePlaceHeads open an article title whose object is a place: "Battle
// of Chalai", "Attack on Prekaz", "Siege of Kijevo".
var titlePlaceHeads = map[string]bool{"battle": true, "siege": true, "attack": true, "attacks": true, "fall": true, "capture": true,
	"raid": true, "sack": true, "bombing": true, "bombings": true, "massacre": true, "shelling": true, "storming": true, "liberation": true}

// titlePlaceTails close an article title whose subject is a place:
// "Podujevo massacre", "2016 Nampala attack".
var titlePlaceTails = map[string]bool{"massacre": true, "massacres": true, "attack": true, "attacks": true, "bombing": true, "bombings": true,
	"ambush": true, "raid": true, "killings": true, "shooting": true, "incident": true, "clash": true, "clashes": true, "shelling": true,
	"siege": true, "battle": true, "violence": true, "riots": true, "airstrike": true, "explosion": true, "blast": true}

// titlePlace is the place an encyclopedia article's title names, when it
// names one in one of the usual shapes ("Battle of Chalai", "Podujevo
// massacre"): a run of capitalised words that is no country, no people's
// adjective, no known actor and no month. It is what the prose's own
// places fall back to when the prose places the act only in a country.
func (d *docState) titlePlace() string {
	title := d.doc.Title
	if d.lay.Title != "" {
		title = d.lay.Title
	}
	toks := text.Tokenize(title, 0)
	var i, j int
	switch {
	case len(toks) >= 3 && titlePlaceHeads[toks[0].Lower] && toks[1].Is("of", "on", "at", "in"):
		i, j = 2, 2
		for j < len(toks) && (toks[j].Cap() || toks[j].Text == "-" && j+1 < len(toks) && toks[j+1].Cap()) {
			j++
		}
	case len(toks) >= 2 && titlePlaceTails[toks[len(toks)-1].Lower]:
		j = len(toks) - 1
		i = j
		for i > 0 && (toks[i-1].Cap() || toks[i-1].Text == "-" && i > 1 && toks[i-2].Cap()) {
			i--
		}
	default:
		return ""
	}
	for i < j && (notNames[toks[i].Lower] || toks[i].Kind == text.Number) {
		i++
	}
	if i >= j || j-i > 3 {
		return ""
	}
	name := title[toks[i].Start:toks[j-1].End]
	if _, ok := d.x.gaz.Country(name); ok {
		return ""
	}
	if _, ok := d.dictLookup(name); ok || isAcronym(name) {
		return ""
	}
	return name
}

// titlePlaceMention finds the place an article's title names (titlePlace)
// where the prose first writes it, when the gazetteer holds a place of
// the name in the document's country and no place mention of the prose
// is it already: a mention of its own, its sentence the evidence, and the
// index of that sentence.
func (d *docState) titlePlaceMention(ss []*sent) (*mention, int, bool) {
	name := d.titlePlace()
	if name == "" {
		return nil, 0, false
	}
	p, ok := placeIn(d.x.gaz.Lookup(name), d.mainCtry)
	if !ok {
		return nil, 0, false
	}
	want := text.Tokenize(name, 0)
	for n, st := range ss {
		if n > 40 {
			break
		}
		for k := 0; k+len(want) <= len(st.toks); k++ {
			match := true
			for w := range want {
				if st.toks[k+w].Text != want[w].Text {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			j := k + len(want)
			for _, m := range st.mentions {
				if m.i <= k && m.j >= j && m.kind == kindPlace && placeOutName(m) == name {
					return nil, 0, false // a candidate already
				}
			}
			pl := p
			return &mention{st: st, i: k, j: j, start: st.toks[k].Start, end: st.toks[j-1].End,
				surface: text.Join(d.body, st.toks, k, j), kind: kindPlace, place: &pl, country: pl.Country}, n, true
		}
	}
	return nil, 0, false
}
