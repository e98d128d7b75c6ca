package arextract

import (
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/arabic"
	"github.com/dossier-project/dossier/internal/gazetteer"
)

// placeFound is a place named in a sentence.
type placeFound struct {
	i, j    int
	name    string // as written, without its proclitics
	place   *gazetteer.Place
	country *gazetteer.Country
	cued    bool // after a preposition, the proclitic ب, or a word for a kind of place
	region  bool // after a direction or nearness word ("شمال بغداد")
}

// trimFolded returns orig without its first n folded letters (the
// proclitics Stems removed), skipping the marks folding drops.
func trimFolded(orig string, n int) string {
	i := 0
	for n > 0 && i < len(orig) {
		r, size := utf8.DecodeRuneInString(orig[i:])
		i += size
		if _, ok := arabic.FoldRune(r); ok {
			n--
		}
	}
	return orig[i:]
}

// places returns the places of a sentence, left to right: the longest name
// of up to three words that the gazetteer knows as a country, a first-level
// division or a populated place, starting at each word that is not a
// function word. A place must be cued (after "في", the proclitic ب, a word
// for a kind of place or a direction) or be a country, a division or a
// place of 100,000 people or more: Arabic spells many common words as
// some village somewhere.
func (d *doc) places(s *sentence) []placeFound { return d.placesCued(s, false) }

// placesIn returns the places of an infobox value, where every name is a
// place.
func (d *doc) placesIn(s *sentence) []placeFound { return d.placesCued(s, true) }

func (d *doc) placesCued(s *sentence, all bool) []placeFound {
	var out []placeFound
	w := s.words
	for i := 0; i < len(w); i++ {
		if d.x.p.function[w[i]] || isDigits(w[i]) {
			continue
		}
		// a month, a weekday or another date word is never a place ("16 آب
		// 2012" is August, not a town named Ab)
		if _, _, ok := d.dateWord(s, i); ok {
			continue
		}
		if m, ok := d.x.p.places.At(w, i); ok && m.J == i+1 {
			// a word for a kind of place or a direction is no name itself
			// ("مدينة" is not Medina), though it may open one
			if f, ok := d.placeAt(s, i); !ok || f.j <= i+1 {
				continue
			}
		}
		cue, region := false, false
		if i > 0 {
			for k := max(0, i-3); k < i; k++ {
				if m, ok := d.x.p.places.At(w, k); ok && m.J == i {
					cue = cue || m.V != "region"
					region = region || m.V == "region"
				}
			}
		}
		f, ok := d.placeAt(s, i)
		if !ok {
			continue
		}
		// a name right after an event word is where it happened: Arabic
		// names an incident "event + place" ("تفجيرات بغداد", "هجوم سوسة")
		for _, e := range s.events {
			if e.J == i {
				cue = true
			}
		}
		f.cued = cue || region || f.cued || all
		f.region = region
		if !f.cued && f.country == nil && (f.place == nil || f.place.Population < 100000 && f.place.Feature != "ADM1") {
			continue
		}
		out = append(out, f)
		i = f.j - 1
	}
	return out
}

// placeAt looks up the names of one to three words starting at word i,
// longest first; the first word may carry proclitics.
func (d *doc) placeAt(s *sentence, i int) (placeFound, bool) {
	w := s.words
	for n := min(3, len(w)-i); n >= 1; n-- {
		if n > 1 && d.x.p.function[w[i+n-1]] {
			continue
		}
		rest := ""
		if n > 1 {
			rest = " " + d.body[s.toks[i+1].Start:s.toks[i+n-1].End]
		}
		for si, stem := range arabic.Stems(w[i]) {
			if utf8.RuneCountInString(stem) < 2 || d.x.p.function[stem] {
				continue
			}
			orig := d.body[s.toks[i].Start:s.toks[i].End]
			strip := utf8.RuneCountInString(w[i]) - utf8.RuneCountInString(stem)
			name := trimFolded(orig, strip) + rest
			if strip > 0 && utf8.RuneCountInString(stem) < 3 {
				continue
			}
			f := placeFound{i: i, j: i + n, name: name, cued: si > 0 && arabic.Locative(w[i], stem)}
			if c, ok := d.x.gz.Country(name); ok {
				f.country = &c
				return f, true
			}
			if ps := d.x.gz.Lookup(name); len(ps) > 0 {
				f.place = &ps[0]
				return f, true
			}
			if ps := d.x.gz.Admin1(name); len(ps) > 0 {
				f.place = &ps[0]
				return f, true
			}
		}
	}
	return placeFound{}, false
}

// location turns a found place into a location; the name is the place as
// the text writes it.
func (f placeFound) location(gz *gazetteer.Gazetteer) *dossier.Location {
	if f.country != nil {
		lat, lon := f.country.Lat, f.country.Lon
		return &dossier.Location{Place: "", Country: f.country.Name, Lat: &lat, Lon: &lon, Precision: "country"}
	}
	p := f.place
	lat, lon := p.Lat, p.Lon
	prec := "city"
	if p.Feature == "ADM1" {
		prec = "admin1"
	}
	return &dossier.Location{Place: f.name, Admin1: p.Admin1, Admin2: p.Admin2, Country: p.Country, Lat: &lat, Lon: &lon, Precision: prec}
}
