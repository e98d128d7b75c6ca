package gazetteer

import (
	"strings"
	"testing"
	"time"
)

func TestZones(t *testing.T) {
	g := defaultGazetteer(t)
	first := func(name string) Place {
		t.Helper()
		ps := g.Lookup(name)
		if len(ps) == 0 {
			t.Fatalf("no place %q", name)
		}
		return ps[0]
	}
	country := func(name string) Place {
		t.Helper()
		c, ok := g.Country(name)
		if !ok {
			t.Fatalf("no country %q", name)
		}
		return Place{Country: c.Name, CountryCode: c.Code}
	}
	tests := []struct {
		name  string
		place Place
		want  string // zone names, most populous first; "" for none
	}{
		{"a place in a country of one zone", first("Kabul"), "Asia/Kabul"},
		{"Erbil", first("Erbil"), "Asia/Baghdad"},
		{"a division of a country of several zones", first("Brooklyn"), "America/New_York"},
		{"across the date line from New York", first("Auckland"), "Pacific/Auckland"},
		{"Moscow", first("Moscow"), "Europe/Moscow"},
		{"Vladivostok", first("Vladivostok"), "Asia/Vladivostok"},
		{"a country of one zone named alone", country("Iraq"), "Asia/Baghdad"},
		{"an unknown country", Place{CountryCode: "XX"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, z := range g.Zones(tc.place) {
				got = append(got, z.String())
			}
			if strings.Join(got, ",") != tc.want {
				t.Errorf("Zones(%s, %s.%s) = %v, want %s", tc.place.Name, tc.place.CountryCode, tc.place.Admin1Code, got, tc.want)
			}
		})
	}

	// A country of several zones named alone, or a division astride a
	// border between zones, has them all, the most populous first.
	us := g.Zones(country("United States"))
	if len(us) < 6 || us[0].String() != "America/New_York" {
		t.Errorf("United States: %v, want New York first of its zones", us)
	}
	indiana := g.Admin1("Indiana")
	if len(indiana) == 0 {
		t.Fatal("no Indiana")
	}
	zs := g.Zones(indiana[0])
	if len(zs) < 2 {
		t.Errorf("Indiana: %v, want Eastern and Central zones", zs)
	}
}

// Every zone of the table loads from the embedded zone database, so Zones
// never returns part of a place's zones.
func TestZonesLoad(t *testing.T) {
	if err := loadZones(); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for k, names := range zoneTable.names {
		for _, n := range names {
			if seen[n] {
				continue
			}
			seen[n] = true
			if _, err := time.LoadLocation(n); err != nil {
				t.Errorf("%s: %v", k, err)
			}
		}
	}
	if len(seen) < 300 {
		t.Errorf("%d zones, want the ~390 of GeoNames", len(seen))
	}
	missing := 0
	for _, c := range defaultGazetteer(t).Countries() {
		if len(zoneTable.names[c.Code]) == 0 {
			missing++ // Bouvet Island and a few others: no place of 500 people
		}
	}
	if missing > 5 {
		t.Errorf("%d countries without a zone", missing)
	}
}

func TestParseZones(t *testing.T) {
	good := "#dossier-zones\t1\n# a comment\nAF\t\tAsia/Kabul\nUS\t\tAmerica/New_York,America/Chicago\nUS\tNY\tAmerica/New_York\n"
	m, err := parseZones(good)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(m["US"], ",") != "America/New_York,America/Chicago" || m["US.NY"][0] != "America/New_York" || m["AF"][0] != "Asia/Kabul" {
		t.Errorf("parseZones = %v", m)
	}
	for _, bad := range []string{"", "#dossier-zones\t2\nAF\t\tAsia/Kabul\n", "#dossier-zones\t1\nAF\tAsia/Kabul\n", "#dossier-zones\t1\nAF\t01\t\n", "#dossier-zones\t1\n"} {
		if _, err := parseZones(bad); err == nil {
			t.Errorf("parseZones(%q) accepted", bad)
		}
	}
}
