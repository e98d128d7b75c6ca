package extract

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dossier-project/dossier"
)

// The choice of the main incident's place among the places the prose
// names (proseLocation): each candidate is described by binary features
// (its kind and size, the preposition before it, where it stands, what
// its sentence tells), and a logistic regression trained by
// `go run ./tools/train places` on the dev splits of the corpora picks the
// most probable one, when cross-validation found it better than the
// rules' hand-set scores. The rules' refinements (a suburb, a part of a
// city, a town in a province) apply to the chosen candidate either way.

// referenceOnly marks a candidate the choice passes over: a point of
// reference in a sentence that names the act's place.
const referenceOnly = "reference-only"

// ReferenceOnly is referenceOnly, for tools/train.
const ReferenceOnly = referenceOnly

//go:embed data/place-model.json
var placeModelJSON []byte

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
		case p.Feature == "ADM1" || p.Feature == "ADM2":
			f = append(f, "class:"+p.Feature)
		case p.Feature == "PPLC":
			f = append(f, "class:capital")
		case strings.HasPrefix(p.Feature, "PPLA"):
			f = append(f, "class:seat")
		default:
			f = append(f, "class:other")
		}
		switch pop := p.Population; {
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
