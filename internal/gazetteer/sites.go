package gazetteer

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// data/sites.tsv is hand-edited, UTF-8, one site a row (blank lines and
// lines starting with "#" are skipped):
//
//	# name	english	arabic	city	admin1	country	feature	lat	lon	population
//	Green Zone	International Zone	المنطقة الخضراء	Baghdad		IQ	ZN	33.3050	44.3850	0
//
// Columns: English name (Place.Name); other English names separated by
// "|"; Arabic names separated by "|"; the city the site belongs to, a
// GeoNames place of that country (its largest place of the name), or
// empty; a first-level division name, when the site lies outside its
// city's division (Damascus airport is in Rif Dimashq) or has no city;
// ISO 3166-1 code; GeoNames feature code; latitude and longitude in
// decimal degrees; population (0 for a site).
//
// These are the well-known sites and districts that GeoNames does not list
// as populated places (the Green Zone, Sadr City, Baghdad airport): Lookup
// finds them by every name, as a Place whose Feature is the row's code,
// whose City is the city's name, and whose Admin1 and Admin2 are the
// city's (or the division given). So an incident "في المنطقة الخضراء" is
// placed in Baghdad, Iraq.

//go:embed data/sites.tsv
var embeddedSites []byte

// loadSites parses a sites file. It needs the places and keys, to find each
// site's city. With lenient, rows whose country or city the gazetteer lacks
// are skipped (a gazetteer loaded from smaller files); otherwise they are
// errors.
func (b *base) loadSites(r io.Reader, lenient bool) error {
	b.siteKeys = map[string][]int32{}
	return eachDataLine(r, func(line int, text string) error {
		p, names, cityID, err := b.parseSite(text)
		if err != nil {
			if lenient {
				return nil
			}
			return fmt.Errorf("line %d: %w", line, err)
		}
		i := int32(len(b.sites))
		b.sites = append(b.sites, p)
		for _, n := range names {
			k := Fold(n)
			if k == "" || containsIndex(b.siteKeys[k], i) {
				continue
			}
			if cityID >= 0 && slices.Contains(b.find([]byte(k)), uint32(cityID)) {
				continue // a name GeoNames already gives the place
			}
			b.siteKeys[k] = append(b.siteKeys[k], i)
		}
		return nil
	})
}

// featureAlias marks a row that gives more names to a GeoNames place.
const featureAlias = "="

// parseSite parses a row of sites.tsv. For an alias row ("=") it returns
// the GeoNames place itself and its index; otherwise cityID is -1.
func (b *base) parseSite(line string) (p Place, names []string, cityID int, err error) {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return Place{}, nil, -1, fmt.Errorf("%d fields, want 10", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	ci, ok := b.countryByCode[f[5]]
	if !ok {
		return Place{}, nil, -1, fmt.Errorf("%s: unknown country %q", f[0], f[5])
	}
	names = append([]string{f[0]}, splitList(f[1])...)
	names = append(names, splitList(f[2])...)
	if f[6] == featureAlias {
		id, ok := b.cityID(f[3], ci, f[4])
		if !ok {
			return Place{}, nil, -1, fmt.Errorf("%s: no place %q in %s %s", f[0], f[3], f[5], f[4])
		}
		return b.place(id), names, int(id), nil
	}
	p, err = b.parseSitePlace(f, ci)
	return p, names, -1, err
}

func (b *base) parseSitePlace(f []string, ci int) (Place, error) {
	p := Place{Name: f[0], Feature: strings.ToUpper(f[6])}
	if p.Name == "" || p.Feature == "" {
		return Place{}, fmt.Errorf("empty name or feature")
	}
	c := &b.countries[ci]
	p.CountryCode, p.Country = c.Code, c.Name
	if f[3] == "" && f[4] == "" {
		return Place{}, fmt.Errorf("%s: neither city nor admin1", p.Name)
	}
	if f[3] != "" {
		id, ok := b.cityID(f[3], ci, "")
		if !ok {
			return Place{}, fmt.Errorf("%s: no place %q in %s", p.Name, f[3], c.Code)
		}
		city := b.place(id)
		p.City = city.Name
		p.Admin1, p.Admin1Code = city.Admin1, city.Admin1Code
		p.Admin2, p.Admin2Code = city.Admin2, city.Admin2Code
	}
	if f[4] != "" {
		code, name, ok := b.admin1In(f[4], ci)
		if !ok {
			return Place{}, fmt.Errorf("%s: no division %q in %s", p.Name, f[4], c.Code)
		}
		if code != p.Admin1Code {
			p.Admin2, p.Admin2Code = "", ""
		}
		p.Admin1, p.Admin1Code = name, code
	}
	var err error
	if p.Lat, err = strconv.ParseFloat(f[7], 64); err != nil || p.Lat < -90 || p.Lat > 90 {
		return Place{}, fmt.Errorf("%s: bad latitude %q", p.Name, f[7])
	}
	if p.Lon, err = strconv.ParseFloat(f[8], 64); err != nil || p.Lon < -180 || p.Lon > 180 {
		return Place{}, fmt.Errorf("%s: bad longitude %q", p.Name, f[8])
	}
	if p.Population, err = strconv.Atoi(f[9]); err != nil || p.Population < 0 {
		return Place{}, fmt.Errorf("%s: bad population %q", p.Name, f[9])
	}
	return p, nil
}

// cityID returns the largest populated place of a name in country ci, and
// in the first-level division admin1 if that is not empty.
func (b *base) cityID(name string, ci int, admin1 string) (uint32, bool) {
	code := ""
	if admin1 != "" {
		var ok bool
		if code, _, ok = b.admin1In(admin1, ci); !ok {
			return 0, false
		}
	}
	var buf [128]byte
	for _, id := range b.find(foldAppend(buf[:0], name)) {
		pl := &b.places[id]
		if int(pl.country) != ci {
			continue
		}
		if code != "" && (pl.admin1 < 0 || b.str(b.admin1[pl.admin1].codeOff) != code) {
			continue
		}
		return id, true
	}
	return 0, false
}

// admin1In returns the code and name of a first-level division of country ci.
func (b *base) admin1In(name string, ci int) (code, canonical string, ok bool) {
	for _, i := range b.admin1Index[Admin1Key(name)] {
		a := &b.admin1[i]
		if int(a.country) == ci {
			return b.str(a.codeOff), b.str(a.name), true
		}
	}
	return "", "", false
}

// findSites returns the sites bearing a folded key.
func (b *base) findSites(key []byte) []int32 {
	if len(b.siteKeys) == 0 {
		return nil
	}
	return b.siteKeys[string(key)]
}

// loadEmbeddedSites adds the embedded sites.
func (b *base) loadEmbeddedSites(lenient bool) error {
	if err := b.loadSites(bytes.NewReader(embeddedSites), lenient); err != nil {
		return fmt.Errorf("sites: %w", err)
	}
	return nil
}
