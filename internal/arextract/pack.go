package arextract

import (
	"fmt"
	"strconv"

	"github.com/dossier-project/dossier/internal/arabic"
	"github.com/dossier-project/dossier/internal/langpack"
)

// folding is Arabic's: letters folded, proclitics stripped from the first
// word of a phrase.
var folding = langpack.Folding{Fold: arabic.Fold, Stems: arabic.Stems, Inner: arabic.StripArticle}

// exact folding: the word as written, no proclitics (for words such as
// "من" or "م" that a proclitic reading would find everywhere).
var exact = langpack.Folding{Fold: arabic.Fold}

type dateWord struct {
	class string // month, hijri, weekday, deictic, part, yearword, filler, era
	value int
	name  string
}

type numWord struct {
	class string
	value int
}

type casualtyWord struct {
	class string // before, after, verbafter, dual, self, person, persondual, not
	field string // fatalities or injuries
}

type eventWord struct {
	typ, sub string
	weight   int
}

type weaponWord struct {
	class, sub string
}

type speechWord struct {
	class, value string
}

// pack is the Arabic language pack read into matchers.
type pack struct {
	dates      *langpack.Matcher[dateWord]
	datesExact *langpack.Matcher[dateWord] // fillers and era marks: no proclitics
	numbers    *langpack.Matcher[numWord]
	casualties *langpack.Matcher[casualtyWord]
	verbsAfter *langpack.Matcher[casualtyWord] // the verbafter lines: a verb after the counted people
	events     *langpack.Matcher[eventWord]
	weapons    *langpack.Matcher[weaponWord]
	speech     *langpack.Matcher[speechWord] // say, according, stance, close, negation, content, aside
	claims     *langpack.Matcher[speechWord] // claimverb, claimnoun, perpverb, agent
	orgHeads   *langpack.Matcher[string]     // words that open an organisation's name
	generics   *langpack.Matcher[string]     // descriptions with no identity (generic), of attackers among them (attacker)
	noSpeaker  *langpack.Matcher[string]     // words that open no speaker's name
	titles     *langpack.Matcher[string]     // titles after a person's name
	targets    *langpack.Matcher[string]     // words after which the target is named
	media      *langpack.Matcher[string]     // words for a publication before its name (medium) or for an outlet (outlet)
	nameStops  map[string]bool               // particles a name never runs past
	passive    map[string]bool               // folded verbs of the passive periphrasis ("تم الإعداد")
	places     *langpack.Matcher[string]     // cue words before a place name
	function   map[string]bool               // folded function words: never a place
	home       map[string]bool               // country codes where the language is written
	prefix     map[string]bool               // folded words that open a place name and are none alone ("بني")
	one        map[string]bool               // folded person nouns in the singular (personone): "استشهد الطفل" is 1
}

func loadPack(p *langpack.Pack) (*pack, error) {
	var (
		out pack
		err error
	)
	var exactLines, stemLines []langpack.Line
	for _, l := range p.Lines("dates.tsv") {
		if l.Class == "filler" || l.Class == "era" || l.Class == "yearword" || l.Class == "rangesep" {
			exactLines = append(exactLines, l)
		} else {
			stemLines = append(stemLines, l)
		}
	}
	dateValue := func(l langpack.Line) (dateWord, error) {
		w := dateWord{class: l.Class, name: l.Value(0)}
		switch l.Class {
		case "month", "hijri", "weekday", "deictic", "ordinal":
			n, err := strconv.Atoi(l.Value(0))
			if err != nil {
				return w, fmt.Errorf("%s %q: value %q is not a number", l.Class, l.Phrase, l.Value(0))
			}
			w.value = n
		case "part", "yearword", "filler", "era", "rangesep":
		default:
			return w, fmt.Errorf("unknown class %q", l.Class)
		}
		return w, nil
	}
	if out.dates, err = langpack.Build(folding, stemLines, dateValue); err != nil {
		return nil, err
	}
	if out.datesExact, err = langpack.Build(exact, exactLines, dateValue); err != nil {
		return nil, err
	}
	if out.numbers, err = langpack.Build(folding, p.Lines("numbers.tsv"), func(l langpack.Line) (numWord, error) {
		w := numWord{class: l.Class}
		switch l.Class {
		case "unit", "tens", "hundred", "scale", "fixed", "vague":
			n, err := strconv.Atoi(l.Value(0))
			if err != nil {
				return w, fmt.Errorf("%s %q: value %q is not a number", l.Class, l.Phrase, l.Value(0))
			}
			w.value = n
		case "teen", "min", "minafter", "gt", "approx", "lt", "between", "to":
		default:
			return w, fmt.Errorf("unknown class %q", l.Class)
		}
		return w, nil
	}); err != nil {
		return nil, err
	}
	var casLines, afterLines []langpack.Line
	out.one = map[string]bool{}
	for _, l := range p.Lines("casualties.tsv") {
		if l.Class == "personone" {
			out.one[arabic.Fold(l.Phrase)] = true
			continue
		}
		if l.Class == "verbafter" {
			afterLines = append(afterLines, l)
		} else {
			casLines = append(casLines, l)
		}
	}
	casValue := func(l langpack.Line) (casualtyWord, error) {
		switch l.Class {
		case "before", "after", "verbafter", "dual", "self":
			if f := l.Value(0); f != "fatalities" && f != "injuries" {
				return casualtyWord{}, fmt.Errorf("%s %q: field %q is not fatalities or injuries", l.Class, l.Phrase, f)
			}
		case "person", "persondual", "not":
		default:
			return casualtyWord{}, fmt.Errorf("unknown class %q", l.Class)
		}
		return casualtyWord{class: l.Class, field: l.Value(0)}, nil
	}
	if out.casualties, err = langpack.Build(folding, casLines, casValue); err != nil {
		return nil, err
	}
	if out.verbsAfter, err = langpack.Build(folding, afterLines, casValue); err != nil {
		return nil, err
	}
	if out.events, err = langpack.Build(folding, p.Lines("events.tsv"), func(l langpack.Line) (eventWord, error) {
		w, err := strconv.Atoi(l.Value(2))
		if l.Class != "event" || l.Value(0) == "" || err != nil {
			return eventWord{}, fmt.Errorf("want event<TAB>phrase<TAB>type<TAB>sub_type<TAB>weight")
		}
		return eventWord{typ: l.Value(0), sub: l.Value(1), weight: w}, nil
	}); err != nil {
		return nil, err
	}
	if out.weapons, err = langpack.Build(folding, p.Lines("weapons.tsv"), func(l langpack.Line) (weaponWord, error) {
		if l.Class != "weapon" || l.Value(0) == "" {
			return weaponWord{}, fmt.Errorf("want weapon<TAB>phrase<TAB>class<TAB>sub_type")
		}
		return weaponWord{class: l.Value(0), sub: l.Value(1)}, nil
	}); err != nil {
		return nil, err
	}
	var speechLines, claimLines []langpack.Line
	for _, l := range p.Lines("speech.tsv") {
		switch l.Class {
		case "say", "according", "stance", "close", "negation", "content", "aside":
			speechLines = append(speechLines, l)
		case "claimnoun", "claimverb", "perpverb", "agent", "agentnoun":
			claimLines = append(claimLines, l)
		case "passive":
			if out.passive == nil {
				out.passive = map[string]bool{}
			}
			out.passive[arabic.Fold(l.Phrase)] = true
		default:
			return nil, fmt.Errorf("%s: unknown class %q", l.Where, l.Class)
		}
	}
	speechValue := func(l langpack.Line) (speechWord, error) { return speechWord{class: l.Class, value: l.Value(0)}, nil }
	if out.speech, err = langpack.Build(folding, speechLines, speechValue); err != nil {
		return nil, err
	}
	if out.claims, err = langpack.Build(folding, claimLines, speechValue); err != nil {
		return nil, err
	}
	var heads, gens, nospk, titles, targets, media []langpack.Line
	for _, l := range p.Lines("actors.tsv") {
		switch l.Class {
		case "orghead":
			heads = append(heads, l)
		case "generic", "attacker":
			gens = append(gens, l)
		case "nospeaker":
			nospk = append(nospk, l)
		case "title":
			titles = append(titles, l)
		case "target":
			targets = append(targets, l)
		case "medium", "outlet":
			media = append(media, l)
		case "namestop":
			if out.nameStops == nil {
				out.nameStops = map[string]bool{}
			}
			out.nameStops[arabic.Fold(l.Phrase)] = true
		default:
			return nil, fmt.Errorf("%s: unknown class %q", l.Where, l.Class)
		}
	}
	word := func(l langpack.Line) (string, error) { return l.Class, nil }
	for _, b := range []struct {
		m     **langpack.Matcher[string]
		lines []langpack.Line
	}{{&out.orgHeads, heads}, {&out.generics, gens}, {&out.noSpeaker, nospk}, {&out.titles, titles}, {&out.targets, targets}, {&out.media, media}} {
		if *b.m, err = langpack.Build(folding, b.lines, word); err != nil {
			return nil, err
		}
	}
	out.function = map[string]bool{}
	out.prefix = map[string]bool{}
	out.home = map[string]bool{}
	var cueLines []langpack.Line
	for _, l := range p.Lines("places.tsv") {
		switch l.Class {
		case "function":
			out.function[arabic.Fold(l.Phrase)] = true
		case "prefix":
			out.prefix[arabic.Fold(l.Phrase)] = true
		case "home":
			out.home[l.Phrase] = true
		case "cue", "cueknown", "in", "region", "site":
			cueLines = append(cueLines, l)
		default:
			return nil, fmt.Errorf("%s: unknown class %q", l.Where, l.Class)
		}
	}
	if out.places, err = langpack.Build(folding, cueLines, func(l langpack.Line) (string, error) { return l.Class, nil }); err != nil {
		return nil, err
	}
	return &out, nil
}
