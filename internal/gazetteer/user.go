package gazetteer

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// AddFile adds the places of a user file, for the places a lexicon folder
// knows and GeoNames does not (a neighbourhood, a camp, a checkpoint, a
// new spelling). The file is UTF-8 TSV, one place a row; blank lines and
// lines starting with "#" are skipped:
//
//	# name	country	admin1	lat	lon	population	feature	alternate names...
//	Hay al-Jihad	IQ	Baghdad	33.2700	44.3100	100000	PPLX	Hayy al-Jihad	حي الجهاد
//	Zaatari camp	Jordan		32.2950	36.3230	80000	PPL
//	Nineveh Plains	IQ		36.3500	43.4000	0	ADM1	Nineveh Plain
//
// Columns: primary name; country as an ISO code or a name Country knows;
// admin1 as a GeoNames code or a division name, or empty; latitude and
// longitude in decimal degrees; population (empty for 0); GeoNames feature
// code (empty for PPL); then any number of alternate names, one per column.
// A row whose feature is ADM1 is a first-level division and is found by
// Admin1 rather than Lookup.
//
// AddFile changes only g, not the shared embedded data; it must not run
// while other goroutines use g.
func (g *Gazetteer) AddFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer: add file: %w", err)
	}
	defer f.Close()
	if err := g.Add(f); err != nil {
		return fmt.Errorf("gazetteer: add file %s: %w", path, err)
	}
	return nil
}

// Add adds places in the format of AddFile. Nothing is added if any row is
// malformed.
func (g *Gazetteer) Add(r io.Reader) error {
	var rows []userRow
	err := eachDataLine(r, func(line int, text string) error {
		row, err := g.parseUserRow(text)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return err
	}
	if g.extraKeys == nil {
		g.extraKeys = map[string][]int32{}
		g.extraAdmin1 = map[string][]int32{}
	}
	for _, row := range rows {
		i := int32(len(g.extra))
		g.extra = append(g.extra, row.place)
		if row.place.Feature == featureADM1 {
			for _, n := range row.names {
				if k := admin1Key(Fold(n)); k != "" && !containsIndex(g.extraAdmin1[k], i) {
					g.extraAdmin1[k] = append(g.extraAdmin1[k], i)
				}
			}
			continue
		}
		for _, n := range row.names {
			if k := Fold(n); k != "" && !containsIndex(g.extraKeys[k], i) {
				g.extraKeys[k] = append(g.extraKeys[k], i)
			}
		}
	}
	return nil
}

// userRow is one parsed row of a user file.
type userRow struct {
	place Place
	names []string // primary and alternate names
}

func (g *Gazetteer) parseUserRow(line string) (userRow, error) {
	f := strings.Split(line, "\t")
	if len(f) < 5 {
		return userRow{}, fmt.Errorf("%d fields, want at least 5 (name, country, admin1, lat, lon)", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	p := Place{Name: f[0], Feature: "PPL"}
	if p.Name == "" {
		return userRow{}, fmt.Errorf("empty name")
	}
	c, ok := g.CountryByCode(f[1])
	if !ok {
		if c, ok = g.Country(f[1]); !ok {
			return userRow{}, fmt.Errorf("unknown country %q", f[1])
		}
	}
	p.CountryCode, p.Country = c.Code, c.Name
	p.Admin1Code, p.Admin1 = g.resolveAdmin1(c.Code, f[2])
	var err error
	if p.Lat, err = strconv.ParseFloat(f[3], 64); err != nil || p.Lat < -90 || p.Lat > 90 {
		return userRow{}, fmt.Errorf("bad latitude %q", f[3])
	}
	if p.Lon, err = strconv.ParseFloat(f[4], 64); err != nil || p.Lon < -180 || p.Lon > 180 {
		return userRow{}, fmt.Errorf("bad longitude %q", f[4])
	}
	if len(f) > 5 && f[5] != "" {
		if p.Population, err = strconv.Atoi(f[5]); err != nil || p.Population < 0 {
			return userRow{}, fmt.Errorf("bad population %q", f[5])
		}
	}
	if len(f) > 6 && f[6] != "" {
		p.Feature = strings.ToUpper(f[6])
	}
	if p.Feature == featureADM1 {
		p.Admin1 = p.Name
	}
	row := userRow{place: p, names: []string{p.Name}}
	if len(f) > 7 {
		for _, alt := range f[7:] {
			if alt != "" {
				row.names = append(row.names, alt)
			}
		}
	}
	return row, nil
}

// resolveAdmin1 turns a user's admin1 column, a GeoNames code or a division
// name, into a code and a name. An unknown name is kept as written.
func (g *Gazetteer) resolveAdmin1(country, s string) (code, name string) {
	if s == "" {
		return "", ""
	}
	b := g.base
	for i := range b.admin1 {
		a := &b.admin1[i]
		if b.countries[a.country].Code == country && b.str(a.codeOff) == s {
			return s, b.str(a.name)
		}
	}
	for _, i := range b.admin1Index[admin1Key(Fold(s))] {
		a := &b.admin1[i]
		if b.countries[a.country].Code == country {
			return b.str(a.codeOff), b.str(a.name)
		}
	}
	return "", s
}

func containsIndex(s []int32, i int32) bool {
	for _, v := range s {
		if v == i {
			return true
		}
	}
	return false
}
