package gazetteer

import (
	"bufio"
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestArabicCountry(t *testing.T) {
	g := defaultGazetteer(t)
	const (
		N = 1 << iota // a name
		D             // a demonym
		W             // also a word
	)
	tests := []struct {
		query string
		want  string // code, "" for none
		kind  int
	}{
		// names, with and without the article, and official forms
		{"العراق", "IQ", N},
		{"عراق", "IQ", N},
		{"العِراق", "IQ", N}, // vowel marks
		{"العـراق", "IQ", N}, // tatweel
		{"جمهورية العراق", "IQ", N},
		{"سوريا", "SY", N},
		{"سورية", "SY", N | D}, // the Syrian spelling, or "Syrian" (feminine) without the article
		{"الجمهورية العربية السورية", "SY", N},
		{"أمريكا", "US", N},
		{"امريكا", "US", N},
		{"أميركا", "US", N},
		{"الولايات المتحدة", "US", N},
		{"الولايات المتحدة الأمريكية", "US", N},
		{"الولايات المتحدة الأميركية", "US", N},
		{"أفغانستان", "AF", N},
		{"افغانستان", "AF", N},
		{"الصومال", "SO", N},
		{"صومال", "SO", N},
		{"ليبيا", "LY", N},
		{"اليمن", "YE", N},
		{"مصر", "EG", N},
		{"نيجيريا", "NG", N},
		{"النيجر", "NE", N},
		{"باكستان", "PK", N},
		{"السعودية", "SA", N | D},
		{"المملكة العربية السعودية", "SA", N},
		{"الإمارات", "AE", N},
		{"إمارات", "", 0}, // "emirates", any
		{"الإمارات العربية المتحدة", "AE", N},
		{"إيران", "IR", N},
		{"إسرائيل", "IL", N},
		{"الكيان الصهيوني", "IL", N}, // the Arabic press's names for Israel
		{"الكيان المحتل", "IL", N},
		{"فلسطين", "PS", N},
		{"لبنان", "LB", N},
		{"الأردن", "JO", N},
		{"تركيا", "TR", N},
		{"روسيا", "RU", N},
		{"فرنسا", "FR", N},
		{"بريطانيا", "GB", N},
		{"المملكة المتحدة", "GB", N},
		{"الصين", "CN", N},
		{"السودان", "SD", N},
		{"جنوب السودان", "SS", N},
		{"الجزائر", "DZ", N},
		{"جزائر", "", 0}, // "islands"
		{"الهند", "IN", N},
		{"هند", "", 0}, // a given name
		{"المغرب", "MA", N | W},
		{"مغرب", "", 0}, // sunset
		{"مالي", "ML", N | W},
		{"المالي", "", 0},     // "the financial"
		{"المالية", "", 0},    // "finance"
		{"عمان", "OM", N | W}, // also Amman
		{"سلطنة عمان", "OM", N},
		{"بنين", "BJ", N | W},
		// demonyms: masculine, feminine, plurals, with and without the article
		{"العراقي", "IQ", D},
		{"العراقية", "IQ", D},
		{"العراقيين", "IQ", D},
		{"العراقيون", "IQ", D},
		{"عراقية", "IQ", D},
		{"السوري", "SY", D},
		{"السورية", "SY", D},
		{"الأمريكي", "US", D},
		{"الأمريكية", "US", D},
		{"الأميركي", "US", D},
		{"الأميركية", "US", D},
		{"الأميركيين", "US", D},
		{"الأمريكان", "US", D},
		{"الإسرائيلي", "IL", D},
		{"الاسرائيلية", "IL", D},
		{"الفلسطيني", "PS", D},
		{"الفلسطينيين", "PS", D},
		{"الأفغاني", "AF", D},
		{"الأفغانية", "AF", D},
		{"الأفغان", "AF", D},
		{"الباكستاني", "PK", D},
		{"الصومالي", "SO", D},
		{"النيجيري", "NG", D},
		{"الليبي", "LY", D},
		{"اليمني", "YE", D},
		{"المصري", "EG", D},
		{"اللبناني", "LB", D},
		{"التركي", "TR", D},
		{"التركية", "TR", D},
		{"الأتراك", "TR", D},
		{"الإيراني", "IR", D},
		{"السعودي", "SA", D},
		{"الأردني", "JO", D},
		{"الكويتي", "KW", D},
		{"الجزائري", "DZ", D},
		{"التونسي", "TN", D},
		{"المغربي", "MA", D},
		{"السوداني", "SD", D | W}, // also the Iraqi prime minister's family name
		{"السودانية", "SD", D},
		{"الروسي", "RU", D},
		{"الروس", "RU", D},
		{"الفرنسي", "FR", D},
		{"البريطاني", "GB", D},
		{"البريطانية", "GB", D},
		{"الإماراتي", "AE", D},
		{"القطري", "QA", D | W},
		{"الإثيوبي", "ET", D},
		{"الأثيوبية", "ET", D},
		{"الهندية", "IN", D | W}, // also Hindiya, a town of Karbala
		{"الكوري الشمالي", "KP", D},
		// English is unchanged
		{"Iraq", "IQ", N},
		{"Iraqi", "IQ", D},
		{"Iraqis", "IQ", D},
		{"the United States", "US", N},
		{"U.S.", "US", N},
		{"us", "", 0},
		{"American", "US", D},
		{"Syrian", "SY", D},
		{"Atlantis", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m, ok := g.MatchCountry(tt.query)
			c, ok2 := g.Country(tt.query)
			if ok != ok2 || c.Code != m.Code {
				t.Errorf("Country(%q) = %s, %v but MatchCountry = %s, %v", tt.query, c.Code, ok2, m.Code, ok)
			}
			if tt.want == "" {
				if ok {
					t.Errorf("MatchCountry(%q) = %s, want none", tt.query, m.Code)
				}
				return
			}
			kind := 0
			if m.Name {
				kind |= N
			}
			if m.Demonym {
				kind |= D
			}
			if m.Word {
				kind |= W
			}
			if !ok || m.Code != tt.want || kind != tt.kind {
				t.Errorf("MatchCountry(%q) = %s %+v (kind %b), %v; want %s, kind %b", tt.query, m.Code,
					struct{ Name, Demonym, Word bool }{m.Name, m.Demonym, m.Word}, kind, ok, tt.want, tt.kind)
			}
		})
	}
}

// Every name of the generated file finds its country.
func TestArabicCountryNamesGenerated(t *testing.T) {
	g := defaultGazetteer(t)
	sc := bufio.NewScanner(bytes.NewReader(embeddedNamesAR))
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for _, name := range splitList(f[1]) {
			n++
			if c, ok := g.Country(name); !ok || c.Code != f[0] {
				t.Errorf("Country(%q) = %q, %v; want %s", name, c.Code, ok, f[0])
			}
		}
	}
	if n < 249 {
		t.Errorf("%d generated Arabic names, want one for every country", n)
	}
	iq, _ := g.CountryByCode("IQ")
	if !slices.Contains(iq.Aliases, "العراق") || !slices.Contains(iq.Demonyms, "العراقية") || iq.Name != "Iraq" {
		t.Errorf("Iraq = %+v", iq)
	}
}

// An Arabic country name or demonym that is also a large place in another
// country must be marked as a word, so that callers ask for context.
func TestArabicCountryNamesThatArePlaces(t *testing.T) {
	g := defaultGazetteer(t)
	b := g.base
	// Foreign places whose Arabic transliteration is the key: no Arabic
	// text means Surrey by "سوري" or Albany by "الألباني".
	accepted := map[string]bool{"سوري": true, "باني": true, "كولومبيا": true}
	for k, e := range b.countryIndex {
		if !isArabicScript(k) || e.forms&commonWord != 0 || accepted[k] {
			continue
		}
		for _, id := range b.find([]byte(k)) {
			if p := b.place(id); p.Population >= 50000 && int(b.places[id].country) != e.country {
				t.Errorf("%q is %s and %s, %s (%d people): mark it ~ in countries-ar-extra.tsv", k, b.countries[e.country].Code, p.Name, p.CountryCode, p.Population)
			}
		}
	}
}

func TestNisbaForms(t *testing.T) {
	got, err := nisbaForms("العراقي")
	want := []string{"العراقية", "العراقيون", "العراقيين", "العراقيات"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("nisbaForms(العراقي) = %q, %v", got, err)
	}
	for _, bad := range []string{"الأفغان", "الكوري الشمالي", "Iraqi"} {
		if _, err := nisbaForms(bad); err == nil {
			t.Errorf("nisbaForms(%q) succeeded", bad)
		}
	}
}

func TestParseNameMarks(t *testing.T) {
	for _, tt := range []struct {
		in, name                   string
		word, articleOnly, regular bool
	}{
		{"العراق", "العراق", false, false, false},
		{"~مالي", "مالي", true, false, false},
		{"^الهند", "الهند", false, true, false},
		{"~^المغرب", "المغرب", true, true, false},
		{"السوري+", "السوري", false, false, true},
		{"~السوداني+", "السوداني", true, false, true},
	} {
		n, w, a, r := parseNameMarks(tt.in)
		if n != tt.name || w != tt.word || a != tt.articleOnly || r != tt.regular {
			t.Errorf("parseNameMarks(%q) = %q %v %v %v", tt.in, n, w, a, r)
		}
	}
}

func TestLoadCountryNames(t *testing.T) {
	countries := "IQ\tIraq\t\tIraqi\tBaghdad\t33.3\t44.4\nSY\tSyria\t\tSyrian\tDamascus\t35\t38\n"
	for _, tt := range []struct {
		name, names string
		lenient     bool
		wantErr     bool
	}{
		{"good", "IQ\tالعراق\tالعراقي+\nSY\tسوريا|سورية\tالسوري+\n", false, false},
		{"unknown country", "FR\tفرنسا\t\n", false, true},
		{"unknown country, lenient", "FR\tفرنسا\t\n", true, false},
		{"shared with another country", "IQ\tالعراق\t\nSY\tعراق\t\n", false, true},
		{"demonym shared", "IQ\t\tالعراقي+\nSY\t\tعراقيين\n", false, true},
		{"plus on a name", "IQ\tالعراق+\t\n", false, true},
		{"plus on two words", "IQ\t\tالكوري الشمالي+\n", false, true},
		{"two fields", "IQ\tالعراق\n", false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := &base{}
			if err := b.loadCountries(strings.NewReader(countries)); err != nil {
				t.Fatal(err)
			}
			err := b.loadCountryNames(strings.NewReader(tt.names), tt.lenient)
			if (err != nil) != tt.wantErr {
				t.Fatalf("loadCountryNames: %v, want error %v", err, tt.wantErr)
			}
			if tt.name == "good" {
				g := &Gazetteer{base: b}
				if m, ok := g.MatchCountry("السوريين"); !ok || m.Code != "SY" || !m.Demonym {
					t.Errorf("MatchCountry(السوريين) = %+v, %v", m, ok)
				}
				if m, ok := g.MatchCountry("السورية"); !ok || m.Name || !m.Demonym {
					t.Errorf("MatchCountry(السورية) = %+v, %v", m, ok)
				}
				if m, ok := g.MatchCountry("Syrian"); !ok || m.Name || !m.Demonym {
					t.Errorf("MatchCountry(Syrian) = %+v, %v", m, ok)
				}
			}
		})
	}
}

func TestSites(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		query, name, city, admin1, country, feature string
	}{
		{"المنطقة الخضراء", "Green Zone", "Baghdad", "Baghdad", "Iraq", "ZN"},
		{"Green Zone", "Green Zone", "Baghdad", "Baghdad", "Iraq", "ZN"},
		{"International Zone", "Green Zone", "Baghdad", "Baghdad", "Iraq", "ZN"},
		{"مدينة الصدر", "Sadr City", "Baghdad", "Baghdad", "Iraq", "PPLX"},
		{"Sadr City", "Sadr City", "Baghdad", "Baghdad", "Iraq", "PPLX"},
		{"الكاظمية", "Kadhimiya", "Baghdad", "Baghdad", "Iraq", "PPLX"},
		{"Kadhimiyah", "Kadhimiya", "Baghdad", "Baghdad", "Iraq", "PPLX"},
		{"الأعظمية", "Adhamiya", "Baghdad", "Baghdad", "Iraq", "PPLX"},
		{"الاعظمية", "Adhamiya", "Baghdad", "Baghdad", "Iraq", "PPLX"},
		{"الكرادة", "Karrada", "Baghdad", "Baghdad", "Iraq", "PPLX"},
		{"حي المنصور", "Mansour district", "Baghdad", "Baghdad", "Iraq", "PPLX"},
		{"ساحة التحرير", "Tahrir Square", "Baghdad", "Baghdad", "Iraq", "SQR"},
		{"مطار بغداد الدولي", "Baghdad International Airport", "Baghdad", "Baghdad", "Iraq", "AIRP"},
		{"قاعدة عين الأسد", "Ain al-Asad Air Base", "", "Anbar", "Iraq", "AIRB"},
		{"جامع النوري", "Great Mosque of al-Nuri", "Mosul", "Nineveh", "Iraq", "MSQE"},
		{"مطار دمشق الدولي", "Damascus International Airport", "Damascus", "Rif-dimashq", "Syria", "AIRP"},
		{"مخيم اليرموك", "Yarmouk camp", "Damascus", "Damascus Governorate", "Syria", "CMPRF"},
		{"الغوطة الشرقية", "Eastern Ghouta", "", "Rif-dimashq", "Syria", "RGN"},
		{"الضاحية الجنوبية", "Dahieh", "Beirut", "Mount Lebanon", "Lebanon", "PPLX"},
		{"ميدان السبعين", "Sabeen Square", "Sanaa", "Amanat Alasimah", "Yemen", "SQR"},
		{"مطار معيتيقة", "Mitiga International Airport", "Tripoli", "Tripoli", "Libya", "AIRP"},
		{"مطار كابل", "Hamid Karzai International Airport", "Kabul", "Kabul", "Afghanistan", "AIRP"},
		{"سوق بكارة", "Bakara Market", "Mogadishu", "Banaadir", "Somalia", "MKT"},
		// regions of conflict, before a hamlet of the name elsewhere
		{"Sinai", "Sinai Peninsula", "", "North Sinai", "Egypt", "RGN"},
		{"سيناء", "Sinai Peninsula", "", "North Sinai", "Egypt", "RGN"},
		{"Chaambi", "Mount Chaambi", "", "Kasserine Governorate", "Tunisia", "RGN"},
		{"Waziristan", "Waziristan", "", "Khyber Pakhtunkhwa", "Pakistan", "RGN"},
		{"Sambisa Forest", "Sambisa Forest", "", "Borno State", "Nigeria", "RGN"},
		// more names for GeoNames places: the place itself
		{"تاجوراء", "Tājūrā’", "", "Tripoli", "Libya", "PPL"},
		{"كوباني", "‘Ayn al ‘Arab", "", "Aleppo", "Syria", "PPL"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := g.Lookup(tt.query)
			if len(got) == 0 {
				t.Fatalf("Lookup(%q) found nothing", tt.query)
			}
			p := got[0]
			if p.Name != tt.name || p.City != tt.city || p.Admin1 != tt.admin1 || p.Country != tt.country || !strings.HasPrefix(p.Feature, tt.feature) {
				t.Errorf("Lookup(%q)[0] = %+v; want %s in %s, %s, %s (%s)", tt.query, p, tt.name, tt.city, tt.admin1, tt.country, tt.feature)
			}
			if !g.Has(tt.query) {
				t.Errorf("Has(%q) = false", tt.query)
			}
		})
	}
	// Names shared by sites in two cities give both.
	var cities []string
	for _, p := range g.Lookup("Tahrir Square") {
		cities = append(cities, p.City)
	}
	if !slices.Contains(cities, "Baghdad") || !slices.Contains(cities, "Cairo") {
		t.Errorf("Lookup(Tahrir Square) cities = %q, want Baghdad and Cairo", cities)
	}
	// A site ranks after GeoNames places of the same name by population.
	if got := g.Lookup("Dora"); len(got) < 2 || got[len(got)-1].City != "Baghdad" {
		t.Errorf("Lookup(Dora) = %+v", got)
	}
}

// Sites are what GeoNames lacks: none of their names is a GeoNames place
// of the same country nearby, and every alias row names a place.
func TestSitesAreNotGeoNamesPlaces(t *testing.T) {
	g := defaultGazetteer(t)
	b := g.base
	if len(b.sites) < 80 {
		t.Errorf("%d sites", len(b.sites))
	}
	for k, ids := range b.siteKeys {
		for _, si := range ids {
			s := b.sites[si]
			for _, id := range b.find([]byte(k)) {
				p := b.place(id)
				if p.CountryCode == s.CountryCode && math.Abs(p.Lat-s.Lat) < 0.2 && math.Abs(p.Lon-s.Lon) < 0.2 {
					t.Errorf("site %s (%q) is GeoNames' %s", s.Name, k, p.Name)
				}
			}
		}
	}
}

func TestLoadSitesErrors(t *testing.T) {
	g := defaultGazetteer(t)
	for _, tt := range []struct{ name, row string }{
		{"nine fields", "X\t\t\tBaghdad\t\tIQ\tZN\t33\t44\n"},
		{"unknown city", "X\t\t\tAtlantis\t\tIQ\tZN\t33\t44\t0\n"},
		{"unknown admin1", "X\t\t\t\tAtlantis\tIQ\tZN\t33\t44\t0\n"},
		{"no city or admin1", "X\t\t\t\t\tIQ\tZN\t33\t44\t0\n"},
		{"unknown country", "X\t\t\tBaghdad\t\tZZ\tZN\t33\t44\t0\n"},
		{"bad latitude", "X\t\t\tBaghdad\t\tIQ\tZN\t333\t44\t0\n"},
		{"bad population", "X\t\t\tBaghdad\t\tIQ\tZN\t33\t44\tmany\n"},
		{"alias of nothing", "X\t\t\tAtlantis\t\tIQ\t=\t\t\t\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := *g.base // a shallow copy: loadSites replaces the site fields only
			b.sites = nil
			if err := b.loadSites(strings.NewReader(tt.row), false); err == nil {
				t.Errorf("loadSites(%q) succeeded", tt.row)
			}
			if err := b.loadSites(strings.NewReader(tt.row), true); err != nil {
				t.Errorf("lenient loadSites(%q): %v", tt.row, err)
			}
		})
	}
}

// BenchmarkLoadNamesAndSites measures what the Arabic country names and
// the sites table add to BenchmarkLoad.
func BenchmarkLoadNamesAndSites(b *testing.B) {
	g := defaultGazetteer(b)
	b.ReportAllocs()
	for b.Loop() {
		base := *g.base
		base.countries = slices.Clone(g.base.countries)
		base.countryIndex = make(map[string]countryEntry, len(g.base.countryIndex))
		base.sites = nil
		if err := base.loadEmbeddedNames(false); err != nil {
			b.Fatal(err)
		}
		if err := base.loadEmbeddedSites(false); err != nil {
			b.Fatal(err)
		}
	}
}
