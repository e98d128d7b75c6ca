package gazetteer

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// countries.tsv is hand-edited, UTF-8, one country a row:
//
//	# comment lines and blank lines are skipped
//	IQ	Iraq	Republic of Iraq|Irak	Iraqi	Baghdad	33.34058	44.40088
//
// Columns: ISO 3166-1 alpha-2 code, short English name, aliases separated
// by "|", demonyms separated by "|", capital, latitude and longitude in
// decimal degrees. An alias written in capitals ("US", "UK", "UAE", "DRC")
// is an acronym: it matches only a query written in capitals too, so the
// pronoun "us" is not the United States.
//
// A name, alias or demonym that folds to the same key as another country's
// is a data error: Load fails rather than pick one silently.

// countryEntry is what a country key resolves to.
type countryEntry struct {
	country int
	acronym bool      // match only a query written in capitals
	forms   nameForms // what the key is, with and without an Arabic article
}

// nameForms says what a key is to its country. The Arabic article is part
// of some names and not of others, and it turns a name into an adjective
// ("سورية" is Syria, "السورية" Syrian): Fold drops it, so a key records
// which meanings hold with the article and which without.
type nameForms uint8

const (
	nameBare    nameForms = 1 << iota // a name of the country, as written without the Arabic article
	nameArticle                       // a name, written with the article ("العراق")
	demBare                           // a demonym, without the article ("عراقي", "Iraqi")
	demArticle                        // a demonym, with the article ("العراقي")
	commonWord                        // also a common word, a family name or a larger place elsewhere
)

// articleMatters reports whether the Arabic article changes what a key is,
// so that matching needs to look for it (never for English names).
func (f nameForms) articleMatters() bool {
	return f&nameBare != 0 != (f&nameArticle != 0) || f&demBare != 0 != (f&demArticle != 0)
}

// formsFor returns the forms a written name gives its key: with both
// forms unless it is Arabic written without its article, or marked as
// needing it.
func formsFor(name string, demonym, articleOnly bool) nameForms {
	bare, art := nameBare, nameArticle
	if demonym {
		bare, art = demBare, demArticle
	}
	switch {
	case !hasArabicArticle(name) && isArabicScript(name):
		return bare // "سورية": "السورية" is the adjective
	case articleOnly:
		return art // "الهند": "هند" is a given name
	}
	return bare | art
}

func (b *base) loadCountries(r io.Reader) error {
	b.countryByCode = map[string]int{}
	index := map[string]countryEntry{}
	err := eachDataLine(r, func(line int, text string) error {
		c, err := parseCountry(text)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if _, dup := b.countryByCode[c.Code]; dup {
			return fmt.Errorf("line %d: duplicate code %s", line, c.Code)
		}
		i := len(b.countries)
		b.countries = append(b.countries, c)
		b.countryByCode[c.Code] = i
		add := func(name string, forms nameForms, plural bool) error {
			return b.addCountryKey(index, i, name, forms, plural, line)
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if err := add(n, formsFor(n, false, false), false); err != nil {
				return err
			}
		}
		for _, d := range c.Demonyms {
			if err := add(d, formsFor(d, true, false), false); err != nil {
				return err
			}
			if p, ok := plural(d); ok {
				if err := add(p, demBare|demArticle, true); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(b.countries) == 0 {
		return errors.New("no countries")
	}
	b.countryIndex = index
	return nil
}

// addCountryKey indexes one name of country i. A key already bearing
// another country's name is an error, except for an automatic plural,
// which gives way; the same country's forms accumulate, and a spelled-out
// name lifts the capitals-only rule of an acronym of the same key.
func (b *base) addCountryKey(index map[string]countryEntry, i int, name string, forms nameForms, plural bool, line int) error {
	key := countryKey(Fold(name))
	if key == "" {
		return nil
	}
	prev, ok := index[key]
	if ok && prev.country != i {
		if plural {
			return nil // an automatic plural gives way to a written name
		}
		return fmt.Errorf("line %d: %q of %s is already %s", line, name, b.countries[i].Code, b.countries[prev.country].Code)
	}
	e := countryEntry{country: i, acronym: isAcronym(name), forms: forms}
	if ok {
		e.acronym = prev.acronym && e.acronym
		e.forms |= prev.forms
	}
	index[key] = e
	return nil
}

func parseCountry(line string) (Country, error) {
	f := strings.Split(line, "\t")
	if len(f) != 7 {
		return Country{}, fmt.Errorf("%d fields, want 7", len(f))
	}
	c := Country{
		Code:     f[0],
		Name:     f[1],
		Aliases:  splitList(f[2]),
		Demonyms: splitList(f[3]),
		Capital:  f[4],
	}
	if len(c.Code) != 2 || strings.ToUpper(c.Code) != c.Code {
		return Country{}, fmt.Errorf("bad code %q", c.Code)
	}
	if c.Name == "" {
		return Country{}, fmt.Errorf("%s: empty name", c.Code)
	}
	var err error
	if c.Lat, err = strconv.ParseFloat(f[5], 64); err != nil || c.Lat < -90 || c.Lat > 90 {
		return Country{}, fmt.Errorf("%s: bad latitude %q", c.Code, f[5])
	}
	if c.Lon, err = strconv.ParseFloat(f[6], 64); err != nil || c.Lon < -180 || c.Lon > 180 {
		return Country{}, fmt.Errorf("%s: bad longitude %q", c.Code, f[6])
	}
	return c, nil
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isAcronym reports a name written in capitals, dots aside: "US", "U.S.",
// "UAE".
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r == '.' || r == ' ':
		case unicode.IsUpper(r):
			letters++
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 5
}

// plural makes the plural of a demonym used as a noun ("Iraqis",
// "Americans"); adjectives in -sh, -ch, -ese and -s have none.
func plural(d string) (string, bool) {
	l := strings.ToLower(d)
	for _, suf := range []string{"s", "sh", "ch", "ese", "x", "z"} {
		if strings.HasSuffix(l, suf) {
			return "", false
		}
	}
	if strings.ContainsAny(d, " -") || isArabicScript(d) {
		return "", false
	}
	return d + "s", true
}

// countryKey drops a leading "the" ("the Gambia", "the UAE").
func countryKey(folded string) string {
	if rest, ok := strings.CutPrefix(folded, "the "); ok {
		return rest
	}
	return folded
}

// admin1Key removes the generic words that writers add to or drop from a
// division's name, so that "Nangarhar Province", "Province of Nangarhar"
// and "Nangarhar" meet. It works on folded names and never returns "" for a
// non-empty name.
func admin1Key(folded string) string {
	key := folded
	for {
		if i := strings.LastIndexByte(key, ' '); i > 0 && isAdmin1Generic(key[i+1:]) {
			key = key[:i]
			continue
		}
		if w, rest, ok := strings.Cut(key, " "); ok && rest != "" {
			if isAdmin1Prefix(w) {
				key = rest
				continue
			}
			if r, ok := strings.CutPrefix(rest, "of "); ok && r != "" && isAdmin1Generic(w) {
				key = r
				continue
			}
		}
		return key
	}
}

// isAdmin1Generic reports the folded English generic words of first-level
// divisions ("Nangarhar Province", "Autonomous Region").
func isAdmin1Generic(w string) bool {
	switch w {
	case "province", "governorate", "state", "region", "district", "oblast",
		"county", "department", "prefecture", "krai", "kray", "okrug",
		"territory", "municipality", "parish", "division", "emirate",
		"wilayah", "wilaya", "vilayet", "canton", "voivodeship", "republic",
		"autonomous":
		return true
	}
	return false
}

// isAdmin1Prefix reports generic words written before the name: Arabic
// "muhafazat"/"محافظة" (governorate), "wilayat"/"ولاية" (state), Persian
// "ostan"/"استان" (province), folded.
func isAdmin1Prefix(w string) bool {
	switch w {
	case "muhafazat", "mohafazat", "muhafazah", "wilayat", "velayat", "ostan",
		"محافظه", "ولايه", "ولايت", "استان":
		return true
	}
	return false
}

// Admin1Key returns the key under which Admin1 matches a division name:
// the folded name without its generic words (see Admin1).
func Admin1Key(name string) string { return admin1Key(Fold(name)) }

// buildAdmin1Index indexes division names, and the alternate names the
// parser collected, by admin1Key.
func (b *base) buildAdmin1Index(alts map[int32][]string) {
	b.admin1Index = make(map[string][]int32, len(b.admin1)+len(alts))
	add := func(i int32, name string) {
		key := Admin1Key(name)
		if key == "" || containsIndex(b.admin1Index[key], i) {
			return
		}
		b.admin1Index[key] = append(b.admin1Index[key], i)
	}
	for i := range b.admin1 {
		add(int32(i), b.str(b.admin1[i].name))
		for _, alt := range alts[int32(i)] {
			add(int32(i), alt)
		}
	}
}

// trimThe removes a leading "the " in any case, before an acronym's case is
// checked ("the UAE").
func trimThe(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// isUpperQuery reports a query written without lower-case letters, the
// condition for matching an acronym.
func isUpperQuery(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
