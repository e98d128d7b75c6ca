package export

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/dossier-project/dossier/internal/gazetteer"
)

// country is what the ACLED columns say of a country.
type country struct {
	Name    string // ACLED's name: "Democratic Republic of Congo", "eSwatini"
	Code    string // ISO 3166-1 alpha-2, as the gazetteer knows it: "CD"
	Numeric int    // ISO 3166-1 numeric, ACLED's iso column: 180
	Region  string // ACLED's region: "Middle Africa"
	Prefix  string // event_id_cnty's prefix
}

// acledCountriesTSV is ACLED's country list; data/README.md says where it
// comes from.
//
//go:embed data/acled_countries.tsv
var acledCountriesTSV []byte

// acledCountries maps alpha-2 codes to ACLED's countries.
var acledCountries = sync.OnceValues(func() (map[string]country, error) {
	return parseACLEDCountries(acledCountriesTSV)
})

func parseACLEDCountries(data []byte) (map[string]country, error) {
	out := map[string]country{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("acled_countries.tsv:%d: %d fields, want 5", n, len(f))
		}
		num, err := strconv.Atoi(f[3])
		if err != nil {
			return nil, fmt.Errorf("acled_countries.tsv:%d: iso %q: %w", n, f[3], err)
		}
		c := country{Name: f[0], Region: f[1], Code: f[2], Numeric: num, Prefix: f[4]}
		if _, dup := out[c.Code]; dup {
			return nil, fmt.Errorf("acled_countries.tsv:%d: %s twice", n, c.Code)
		}
		out[c.Code] = c
	}
	return out, sc.Err()
}

// gazetteerCountries loads the gazetteer once, for its country table.
var gazetteerCountries = sync.OnceValues(gazetteer.Default)

// lookupCountry finds a country by the name the knowledge base gives it (or
// any name, alias or demonym the gazetteer knows) and returns it as ACLED
// names it. A country missing from ACLED's list keeps the gazetteer's name,
// its ISO codes and no region.
func lookupCountry(name string) (country, bool) {
	if name == "" {
		return country{}, false
	}
	g, err := gazetteerCountries()
	if err != nil {
		return country{}, false
	}
	c, ok := g.Country(name)
	if !ok {
		return country{}, false
	}
	return countryByCode(c.Code, c.Name), true
}

// countryByCode returns ACLED's country for an alpha-2 code; name is the
// name to use when ACLED's list lacks it.
func countryByCode(code, name string) country {
	if all, err := acledCountries(); err == nil {
		if c, ok := all[code]; ok {
			return c
		}
	}
	out := country{Name: name, Code: code}
	if r, err := language.ParseRegion(code); err == nil {
		out.Numeric, out.Prefix = r.M49(), r.ISO3()
	}
	return out
}

// countryIn finds a country named in an actor's name: "Iraqi Armed Forces"
// is Iraq's, "Police Forces of Kenya" Kenya's. The longest run of words
// the gazetteer knows as a country, alias or demonym wins.
func countryIn(name string) (country, bool) {
	g, err := gazetteerCountries()
	if err != nil {
		return country{}, false
	}
	words := strings.FieldsFunc(name, func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')' || r == '\'' || r == '’'
	})
	for n := min(4, len(words)); n > 0; n-- {
		for i := 0; i+n <= len(words); i++ {
			if c, ok := g.Country(strings.Join(words[i:i+n], " ")); ok {
				return countryByCode(c.Code, c.Name), true
			}
		}
	}
	return country{}, false
}
