// Package gazetteer resolves place and country names found in articles to
// coordinates, offline. It is what turns "a car bomb in Irbil" into a point
// in Iraq without a network call.
//
// The embedded data comes from GeoNames (CC BY 4.0, see data/ATTRIBUTION.md):
// about 200,000 populated places of 500 or more people, with the alternate
// names that matter for English-language news (English exonyms such as
// "Cologne", transliterations such as "Arbil", "Irbil", "Hewler", and names
// in Arabic script), the GeoNames first-level divisions (admin1) with their
// English names, variants and Arabic names, and a hand-edited country table
// (data/countries.tsv) with the short names, aliases and demonyms
// journalists use ("U.S.", "UAE", "Iraqi").
//
// Capabilities:
//
//   - Lookup: every populated place whose name or alternate name folds to the
//     same key as the query (see Fold), largest population first. Has is
//     the allocation-free yes/no version for scanning text.
//   - Admin1: first-level divisions ("Nangarhar", "Baghdad Governorate",
//     "Texas", "محافظة نينوى"), matched with or without their generic word.
//   - Country and CountryByCode: countries by name, alias, demonym or code.
//   - Zones: the IANA time zones a place may be in, from GeoNames, with
//     the zone database embedded (time/tzdata).
//   - AddFile: a user's own places, in the TSV format described on AddFile,
//     so a lexicon folder can extend the gazetteer without recompiling.
//
// Names are ambiguous: "Paris" is in France and in Texas, and many English
// words ("Police", "Sale", "Bath", "Kill") are also place names. Lookup
// returns all candidates with their population so that the caller, which
// sees the context, decides; it does not guess. Fold ignores case, so the
// caller also decides whether a lower-case word may be a name.
//
// What the data lacks: places under 500 people, neighbourhoods and
// districts that GeoNames does not list as populated places (Sadr City),
// second-level divisions, airports, camps, checkpoints, bases, rivers and
// other non-settlement features. Those belong in a user file (AddFile).
//
// Default parses the embedded data once per process and shares it: the
// loaded gazetteer holds about 24 MB of heap, takes about 0.15 s to load on
// two cores, and Lookup allocates only its result.
package gazetteer

import (
	"cmp"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sync"
)

// Place is one populated place, or a first-level division when Feature is
// "ADM1".
type Place struct {
	Name        string // GeoNames primary name ("Baghdad")
	CountryCode string // ISO 3166-1 alpha-2 ("IQ"); GeoNames uses "XK" for Kosovo
	Country     string // English short name from countries.tsv ("Iraq"), never a code
	Admin1      string // first-level division name ("Baghdad") when known, else ""
	Admin1Code  string // GeoNames admin1 code ("07"), meaningful with CountryCode
	Admin2      string // second-level division name ("Mosul District") when known, else ""
	Admin2Code  string // GeoNames admin2 code, meaningful with CountryCode and Admin1Code
	Lat, Lon    float64
	Population  int
	Feature     string // GeoNames feature code: PPLC (capital), PPLA (admin1 seat), PPL, ..., ADM1, or a site's (PPLX, AIRP, SQR, ...)
	City        string // for a site or district of data/sites.tsv, the GeoNames place it belongs to ("Baghdad"), else ""
}

// Country is one row of countries.tsv.
type Country struct {
	Code     string   // ISO 3166-1 alpha-2
	Name     string   // short English name as the press writes it ("United States")
	Aliases  []string // other names and abbreviations ("U.S.", "America")
	Demonyms []string // adjectives and nouns for its people ("American")
	Capital  string
	Lat, Lon float64 // a representative point inside the country
}

// Gazetteer answers name queries. Lookups are safe for concurrent use; AddFile
// is not, and belongs to set-up, before the gazetteer is shared.
type Gazetteer struct {
	base *base // immutable, possibly shared with other Gazetteers

	// User additions, kept apart so that the shared base stays immutable.
	extra       []Place
	extraKeys   map[string][]int32 // folded name → indices in extra
	extraAdmin1 map[string][]int32 // admin1 key → indices in extra
}

//go:embed data/places.tsv.gz
var embeddedPlaces []byte

//go:embed data/countries.tsv
var embeddedCountries []byte

// Country names in other languages (names.go): generated, then hand-edited.
var (
	//go:embed data/countries-ar.tsv
	embeddedNamesAR []byte
	//go:embed data/countries-ar-extra.tsv
	embeddedNamesARExtra []byte

	embeddedNames = [][]byte{embeddedNamesAR, embeddedNamesARExtra}
)

var defaultBase struct {
	once sync.Once
	base *base
	err  error
}

// Default returns a gazetteer over the embedded data. The data is parsed on
// the first call only; every call returns a new Gazetteer sharing it, so
// AddFile on one does not change what another sees.
func Default() (*Gazetteer, error) {
	defaultBase.once.Do(func() {
		defaultBase.base, defaultBase.err = loadEmbedded(embeddedPlaces, embeddedCountries)
		if defaultBase.err == nil {
			defaultBase.err = loadZones()
		}
	})
	if defaultBase.err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", defaultBase.err)
	}
	return &Gazetteer{base: defaultBase.base}, nil
}

// Load builds a gazetteer from a places file (gzip-compressed, in the format
// tools/gazetteer writes) and a countries file (countries.tsv format). Its
// time zones are the embedded ones.
func Load(places, countries io.Reader) (*Gazetteer, error) {
	b, err := loadBase(places, countries)
	if err == nil {
		err = loadZones()
	}
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return &Gazetteer{base: b}, nil
}

// Lookup returns every place whose primary or alternate name folds to the
// same key as name, largest population first, or nil when there is none.
// Only populated places are searched: first-level divisions are in Admin1,
// countries in Country.
func (g *Gazetteer) Lookup(name string) []Place {
	var buf [128]byte
	key := foldAppend(buf[:0], name)
	if len(key) == 0 {
		return nil
	}
	ids := g.base.find(key)
	sites := g.base.findSites(key)
	var extra []int32
	if g.extraKeys != nil {
		extra = g.extraKeys[string(key)]
	}
	if len(ids) == 0 && len(sites) == 0 && len(extra) == 0 {
		return nil
	}
	out := make([]Place, 0, len(ids)+len(sites)+len(extra))
	for _, id := range ids {
		out = append(out, g.base.place(id))
	}
	if len(sites) == 0 && len(extra) == 0 {
		return out // the base is stored largest first
	}
	for _, i := range sites {
		out = append(out, g.base.sites[i])
	}
	for _, i := range extra {
		out = append(out, g.extra[i])
	}
	sortByPopulation(out)
	return out
}

// Has reports whether Lookup(name) would find a place, without building the
// result: the cheap test for scanning every capitalised phrase of a text.
func (g *Gazetteer) Has(name string) bool {
	var buf [128]byte
	key := foldAppend(buf[:0], name)
	if len(key) == 0 {
		return false
	}
	return len(g.base.find(key)) > 0 || len(g.base.findSites(key)) > 0 || len(g.extraKeys[string(key)]) > 0
}

// Admin1 returns the first-level divisions named name, largest first, or nil.
// The generic word is optional on both sides: "Nangarhar", "Nangarhar
// Province" and "Province of Nangarhar" find the same division (see
// Admin1Key). Besides GeoNames' English name, most divisions are also found
// by English variants and their Arabic name ("Saladin", "Ninawa",
// "صلاح الدين"). The coordinate of a division is that of its seat (or,
// without one, its largest place), and its population the total of its
// listed places, a lower bound good for ranking only. About 40 of 3,800
// divisions have no name (mostly GeoNames' "00", no division) and cannot
// be found here; their places still carry Admin1Code.
func (g *Gazetteer) Admin1(name string) []Place {
	key := admin1Key(Fold(name))
	if key == "" {
		return nil
	}
	ids := g.base.admin1Index[key]
	extra := g.extraAdmin1[key]
	if len(ids) == 0 && len(extra) == 0 {
		return nil
	}
	out := make([]Place, 0, len(ids)+len(extra))
	for _, id := range ids {
		out = append(out, g.base.admin1Place(id))
	}
	for _, i := range extra {
		out = append(out, g.extra[i])
	}
	sortByPopulation(out)
	return out
}

// Country finds a country by its name, an alias or a demonym, in any case
// and with or without a leading "the": "Iraqi", "U.S.", "the UAE",
// "Türkiye". Plural demonyms ("Iraqis") are understood. Acronyms match
// only when written in capitals: "US" and "U.S." are the United States,
// "us" is nothing. Arabic names and demonyms are found too ("العراق",
// "سوريا", "سورية", "الولايات المتحدة", "العراقية", "الأميركيين"), with
// or without the article where the article does not change the meaning
// (see names.go). MatchCountry says whether the name was a demonym.
func (g *Gazetteer) Country(name string) (Country, bool) {
	m, ok := g.MatchCountry(name)
	return m.Country, ok
}

// CountryMatch is a country found by MatchCountry, with what the name was.
// Name and Demonym may both hold: "سورية" is Syria, or "Syrian" (feminine)
// without the article; "السعودية" is Saudi Arabia or "Saudi".
type CountryMatch struct {
	Country
	Name    bool // the name of the country, an alias, or a name in another language
	Demonym bool // an adjective or noun for its people or things ("Iraqi", "Iraqis", "العراقية")
	// Word: the name is also a common word, a family name or the name of a
	// larger place elsewhere ("مالي", financial; "عمان", also Amman;
	// "السوداني", also a family name): accept it only where the context
	// expects a country.
	Word bool
}

// MatchCountry is Country with what the name was to the country: its name,
// a demonym, or a name that is also a common word. Arabic has no capitals
// to tell a name from a word, so the Arabic data marks the names that are
// also words (see names.go); English names are never marked.
func (g *Gazetteer) MatchCountry(name string) (CountryMatch, bool) {
	e, ok := g.base.countryIndex[countryKey(Fold(name))]
	if !ok || (e.acronym && !isUpperQuery(trimThe(name))) {
		return CountryMatch{}, false
	}
	nm, dm := nameBare, demBare
	if hasArabicArticle(name) {
		nm, dm = nameArticle, demArticle
	}
	m := CountryMatch{
		Country: g.base.countries[e.country],
		Name:    e.forms&nm != 0,
		Demonym: e.forms&dm != 0,
		Word:    e.forms&commonWord != 0,
	}
	if !m.Name && !m.Demonym {
		return CountryMatch{}, false
	}
	return m, true
}

// CountryByCode finds a country by its ISO 3166-1 alpha-2 code, in any case.
func (g *Gazetteer) CountryByCode(code string) (Country, bool) {
	if len(code) != 2 {
		return Country{}, false
	}
	i, ok := g.base.countryByCode[upper2(code)]
	if !ok {
		return Country{}, false
	}
	return g.base.countries[i], true
}

// Countries returns every country, in the order of countries.tsv.
func (g *Gazetteer) Countries() []Country {
	return append([]Country(nil), g.base.countries...)
}

// sortByPopulation orders places largest first, keeping the given order
// between equals so results are deterministic.
func sortByPopulation(ps []Place) {
	slices.SortStableFunc(ps, func(a, b Place) int { return cmp.Compare(b.Population, a.Population) })
}

// upper2 upper-cases a two-letter ASCII code.
func upper2(code string) string {
	b := [2]byte{code[0], code[1]}
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	if b[0] == code[0] && b[1] == code[1] {
		return code
	}
	return string(b[:])
}
