package gazetteer

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the zones must load on machines without a zoneinfo database
)

// The time zones of places come from GeoNames (data/zones.tsv, written by
// tools/gazetteer): a row per country with the zones of its places, most
// populous first, and, in the countries that span several zones, a row per
// first-level division.
//
//go:embed data/zones.tsv
var embeddedZones string

var zoneTable struct {
	once  sync.Once
	names map[string][]string // "US" or "US.NY" → zone names
	err   error
	locs  sync.Map // zone name → *time.Location
}

// loadZones parses the embedded table once; Default and Load report its
// error, so Zones never meets one.
func loadZones() error {
	zoneTable.once.Do(func() {
		zoneTable.names, zoneTable.err = parseZones(embeddedZones)
		if zoneTable.err != nil {
			zoneTable.err = fmt.Errorf("zones: %w", zoneTable.err)
		}
	})
	return zoneTable.err
}

func parseZones(s string) (map[string][]string, error) {
	out := map[string][]string{}
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if i == 0 {
			if line != "#dossier-zones\t1" {
				return nil, fmt.Errorf("header %q, want format 1", line)
			}
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[0]) != 2 || f[2] == "" {
			return nil, fmt.Errorf("line %d: want country, admin1 code and zones", i+1)
		}
		k := f[0]
		if f[1] != "" {
			k += "." + f[1]
		}
		out[k] = strings.Split(f[2], ",")
	}
	if len(out) == 0 {
		return nil, errors.New("no rows")
	}
	return out, nil
}

// Zones returns the time zones p may be in: the zones of its first-level
// division when its country spans several, else of its country, most
// populous first; one zone for most places ("Kabul": Asia/Kabul,
// "Brooklyn": America/New_York), several for a country named alone
// ("United States") or a division astride a border between zones
// (Indiana). It returns nil when the data knows no zone for p's country.
// The caller decides what several zones mean; they often agree on the
// day.
func (g *Gazetteer) Zones(p Place) []*time.Location {
	if loadZones() != nil {
		return nil
	}
	names := zoneTable.names[p.CountryCode+"."+p.Admin1Code]
	if len(names) == 0 || p.Admin1Code == "" {
		names = zoneTable.names[p.CountryCode]
	}
	out := make([]*time.Location, 0, len(names))
	for _, n := range names {
		loc, ok := zoneTable.locs.Load(n)
		if !ok {
			l, err := time.LoadLocation(n)
			if err != nil {
				return nil // a partial list could agree on a wrong day; TestZonesLoad keeps this from happening
			}
			loc, _ = zoneTable.locs.LoadOrStore(n, l)
		}
		out = append(out, loc.(*time.Location))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
