package export

import (
	"sync"

	"golang.org/x/text/language"

	"github.com/dossier-project/dossier/internal/gazetteer"
)

// country is what the ACLED columns say of a country.
type country struct {
	Name    string
	ISO3    string // "IRQ"
	Numeric int    // ISO 3166-1 numeric, 368
	Region  string // ACLED's region, "Middle East"
}

// subregions map UN M49 sub-regions to ACLED's regions, which follow them
// with a few exceptions (overrides).
var subregions = []struct {
	m49    string
	region string
}{
	{"015", "Northern Africa"}, {"011", "Western Africa"}, {"017", "Middle Africa"}, {"014", "Eastern Africa"},
	{"018", "Southern Africa"}, {"145", "Middle East"}, {"143", "Caucasus and Central Asia"}, {"034", "South Asia"},
	{"035", "Southeast Asia"}, {"030", "East Asia"}, {"150", "Europe"}, {"021", "North America"}, {"029", "Caribbean"},
	{"013", "Central America"}, {"005", "South America"}, {"009", "Oceania"}, {"010", "Antarctica"},
}

// overrides place countries where ACLED does rather than where the UN
// sub-regions would: Iran in the Middle East, the South Caucasus with
// Central Asia.
var overrides = map[string]string{
	"IR": "Middle East", "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia", "GE": "Caucasus and Central Asia",
	"CY": "Europe",
}

var regions = func() []struct {
	r      language.Region
	region string
} {
	out := make([]struct {
		r      language.Region
		region string
	}, len(subregions))
	for i, s := range subregions {
		out[i].r, out[i].region = language.MustParseRegion(s.m49), s.region
	}
	return out
}()

// gazetteerCountries loads the gazetteer once, for its country table.
var gazetteerCountries = sync.OnceValues(gazetteer.Default)

// lookupCountry finds a country by the name the knowledge base gives it.
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
	r, err := language.ParseRegion(c.Code)
	if err != nil {
		return country{Name: c.Name}, true
	}
	out := country{Name: c.Name, ISO3: r.ISO3(), Numeric: r.M49()}
	if reg, ok := overrides[c.Code]; ok {
		out.Region = reg
		return out, true
	}
	for _, s := range regions {
		if s.r.Contains(r) {
			out.Region = s.region
			break
		}
	}
	return out, true
}
