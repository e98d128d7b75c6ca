package gazetteer

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// featureADM2 is the feature code given to second-level divisions.
const featureADM2 = "ADM2"

// admin2Index is built on first use: most runs never ask for a district.
type admin2Index struct {
	once  sync.Once
	keys  map[string][]int32 // admin2Key of names → admin2 rows, largest first
	seat  []int32            // admin2 row → its largest place, -1 when none
	pop   []int              // admin2 row → total population of its places
	names []string           // admin2 row → its name without the generic words, as written
}

// Admin2 finds second-level divisions (a district, county, municipality,
// province of the Philippines, local government area) by name, with or
// without their generic words: "Kurram", "Kurram District", "Ifugao" and
// "Province of Ifugao" find theirs. Only divisions some listed place lies
// in are known. A division's Name is its name without the generic words
// ("Kurram"), Admin2 its full name, its coordinate that of its largest
// place and its population the total of its places (a lower bound, for
// ranking only); its Feature is "ADM2". The largest come first.
func (g *Gazetteer) Admin2(name string) []Place {
	b := g.base
	x := b.adm2
	x.once.Do(b.buildAdmin2Index)
	ids := x.keys[admin2Key(Fold(name))]
	out := make([]Place, 0, len(ids))
	for _, id := range ids {
		if x.seat[id] < 0 {
			continue
		}
		p := b.place(uint32(x.seat[id]))
		a := &b.admin2[id]
		p.Name = x.names[id]
		p.Admin2 = b.str(a.name)
		p.Admin2Code = b.str(a.codeOff)
		p.Population = x.pop[id]
		p.Feature = featureADM2
		out = append(out, p)
	}
	return out
}

func (b *base) buildAdmin2Index() {
	x := b.adm2
	n := len(b.admin2)
	x.seat = make([]int32, n)
	x.pop = make([]int, n)
	x.names = make([]string, n)
	for i := range x.seat {
		x.seat[i] = -1
	}
	for i := range b.places { // largest first: the first place of a division is its largest
		a := b.places[i].admin2
		if a < 0 {
			continue
		}
		if x.seat[a] < 0 {
			x.seat[a] = int32(i)
		}
		x.pop[a] += int(b.places[i].pop)
	}
	x.keys = make(map[string][]int32, n)
	for i := range b.admin2 {
		full := b.str(b.admin2[i].name)
		key := admin2Key(Fold(full))
		x.names[i] = coreName(full, key)
		if key == "" {
			continue
		}
		x.keys[key] = append(x.keys[key], int32(i))
	}
	for _, ids := range x.keys {
		// largest first, by their places' population
		slices.SortStableFunc(ids, func(a, b int32) int { return cmp.Compare(x.pop[b], x.pop[a]) })
	}
}

// admin2Key is admin1Key with the generic words of second-level divisions
// besides: "Departamento de Calamuchita", "Lakki Marwat Tribal Area",
// "Kadıköy İlçesi".
func admin2Key(folded string) string {
	key := folded
	for _, p := range admin2Prefixes {
		if r, ok := strings.CutPrefix(key, p); ok && r != "" {
			key = r
			break
		}
	}
	for _, s := range admin2Suffixes {
		if r, ok := strings.CutSuffix(key, s); ok && r != "" {
			key = r
			break
		}
	}
	return admin1Key(key)
}

// admin2Prefixes and admin2Suffixes are folded generic words of
// second-level divisions that admin1Key does not strip.
var (
	admin2Prefixes = []string{"departamento de ", "departamento del ", "municipio de ", "municipio del ", "provincia de ",
		"provincia di ", "provincia del ", "partido de ", "distrito de ", "province du ", "province de ", "arrondissement de ",
		"comune di ", "commune of ", "city of ", "borough of ", "municipality of ", "district of "}
	admin2Suffixes = []string{" tribal area", " local government area", " ilcesi", " rayon", " raion", " zone", " tehsil",
		" subdistrict", " regency", " sub-county", " subcounty"}
)

// coreName is the part of a full division name that its key keeps, as
// written: "Kurram" of "Kurram District" (key "kurram"). When the words do
// not line up with the key, the full name.
func coreName(full, key string) string {
	w := strings.Fields(full)
	kw := len(strings.Fields(key))
	for i := 0; i+kw <= len(w); i++ {
		s := strings.Join(w[i:i+kw], " ")
		if Fold(s) == key {
			return s
		}
	}
	return full
}
