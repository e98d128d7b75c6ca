package gazetteer

import "testing"

// TestAdmin2: second-level divisions are found by their name with or
// without its generic words, placed at their largest place, in their
// country and first-level division.
func TestAdmin2(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		query, name, country, admin1 string
	}{
		{"Kurram", "Kurram", "Pakistan", ""},
		{"Kurram District", "Kurram", "Pakistan", ""},
		{"Ifugao", "Ifugao", "Philippines", ""},
		{"Province of Ifugao", "Ifugao", "Philippines", ""},
		{"Gurdaspur", "Gurdaspur", "India", "Punjab"},
	}
	for _, tc := range tests {
		ps := g.Admin2(tc.query)
		if len(ps) == 0 {
			t.Errorf("Admin2(%q): none", tc.query)
			continue
		}
		p := ps[0]
		if p.Name != tc.name || p.Country != tc.country || p.Feature != "ADM2" || p.Admin2 == "" || p.Lat == 0 {
			t.Errorf("Admin2(%q) = %+v, want %s in %s", tc.query, p, tc.name, tc.country)
		}
		if tc.admin1 != "" && p.Admin1 != tc.admin1 {
			t.Errorf("Admin2(%q) admin1 %q, want %q", tc.query, p.Admin1, tc.admin1)
		}
	}
	if ps := g.Admin2("Karpathos Wells"); len(ps) != 0 {
		t.Errorf("Admin2 of an unknown name = %+v", ps)
	}
}
