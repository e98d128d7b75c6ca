package gazetteer

import (
	"bytes"
	"compress/gzip"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// defaultGazetteer loads the embedded data or stops the test.
func defaultGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return g
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func TestLookup(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		name        string
		query       string
		wantName    string // first result's primary name
		wantCountry string // first result's country name
		wantCode    string
		wantAdmin1  string // "" to skip
		wantFeature string // "" to skip
		lat, lon    float64
	}{
		{"capital", "Baghdad", "Baghdad", "Iraq", "IQ", "Baghdad", "PPLC", 33.34, 44.40},
		{"English spelling", "Erbil", "Erbil", "Iraq", "IQ", "Erbil", "PPLA", 36.18, 44.01},
		{"transliteration Arbil", "Arbil", "Erbil", "Iraq", "IQ", "", "", 36.18, 44.01},
		{"transliteration Irbil", "Irbil", "Erbil", "Iraq", "IQ", "", "", 36.18, 44.01},
		{"Kurdish name", "Hewler", "Erbil", "Iraq", "IQ", "", "", 36.18, 44.01},
		{"Arabic script with hamza", "أربيل", "Erbil", "Iraq", "IQ", "", "", 36.18, 44.01},
		{"Arabic script without hamza", "اربيل", "Erbil", "Iraq", "IQ", "", "", 36.18, 44.01},
		{"Arabic script with article", "الموصل", "Mosul", "Iraq", "IQ", "Nineveh", "", 36.34, 43.12},
		{"two words", "Abu Dhabi", "Abu Dhabi", "United Arab Emirates", "AE", "", "PPLC", 24.45, 54.40},
		{"largest of several", "Jalalabad", "Jalālābād", "Afghanistan", "AF", "Nangarhar", "", 34.43, 70.45},
		{"Paris is in France first", "Paris", "Paris", "France", "FR", "", "PPLC", 48.85, 2.35},
		{"Kabul", "Kabul", "Kabul", "Afghanistan", "AF", "Kabul", "PPLC", 34.53, 69.17},
		{"Mogadishu", "Mogadishu", "Mogadishu", "Somalia", "SO", "", "PPLC", 2.04, 45.34},
		{"El keeps its el", "El Paso", "El Paso", "United States", "US", "Texas", "", 31.76, -106.49},
		{"English exonym Cologne", "Cologne", "Köln", "Germany", "DE", "", "", 50.93, 6.95},
		{"English exonym Munich", "Munich", "Munich", "Germany", "DE", "Bavaria", "", 48.14, 11.58},
		{"article and hyphen", "ar-Raqqa", "Ar Raqqah", "Syria", "SY", "", "", 35.95, 39.01},
		{"apostrophe", "Sana'a", "Sanaa", "Yemen", "YE", "", "PPLC", 15.35, 44.21},
		{"case and spaces", "  khan   YOUNIS ", "Khān Yūnis", "Palestine", "PS", "", "", 31.34, 34.31},
		{"old spelling", "Kiev", "Kyiv", "Ukraine", "UA", "", "PPLC", 50.45, 30.52},
		// a place of that very name before a larger one known by it as
		// another of its names, unless far smaller
		{"own name first", "Yala", "Yala", "Thailand", "TH", "", "", 6.54, 101.28},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Lookup(tt.query)
			if len(got) == 0 {
				t.Fatalf("Lookup(%q) found nothing", tt.query)
			}
			p := got[0]
			if p.Name != tt.wantName || p.Country != tt.wantCountry || p.CountryCode != tt.wantCode {
				t.Errorf("Lookup(%q)[0] = %s, %s (%s); want %s, %s (%s)", tt.query, p.Name, p.Country, p.CountryCode, tt.wantName, tt.wantCountry, tt.wantCode)
			}
			if tt.wantAdmin1 != "" && p.Admin1 != tt.wantAdmin1 {
				t.Errorf("Lookup(%q)[0].Admin1 = %q, want %q", tt.query, p.Admin1, tt.wantAdmin1)
			}
			if tt.wantFeature != "" && p.Feature != tt.wantFeature {
				t.Errorf("Lookup(%q)[0].Feature = %q, want %q", tt.query, p.Feature, tt.wantFeature)
			}
			if !near(p.Lat, tt.lat) || !near(p.Lon, tt.lon) {
				t.Errorf("Lookup(%q)[0] at %.4f,%.4f, want about %.2f,%.2f", tt.query, p.Lat, p.Lon, tt.lat, tt.lon)
			}
			for i := 2; i < len(got); i++ { // (the first may be the place of that very name)
				if got[i].Population > got[i-1].Population {
					t.Errorf("Lookup(%q) not sorted by population at %d: %d > %d", tt.query, i, got[i].Population, got[i-1].Population)
				}
			}
		})
	}
}

func TestLookupNothing(t *testing.T) {
	g := defaultGazetteer(t)
	for _, q := range []string{"", "   ", "-", "Xqzzyvillezz", "attack", "government"} {
		if got := g.Lookup(q); got != nil {
			t.Errorf("Lookup(%q) = %d places, want nil", q, len(got))
		}
	}
}

// Many English words are also the names of hamlets. Lookup does not guess:
// it returns them with their small populations, and the caller, which sees
// the sentence, must decide whether "kill" or "bullet" is a place.
func TestLookupCommonWordIsTinyPlace(t *testing.T) {
	g := defaultGazetteer(t)
	for _, word := range []string{"kill", "Bullet", "unity"} {
		got := g.Lookup(word)
		if len(got) == 0 {
			t.Fatalf("Lookup(%q) found nothing; pick another word that is also a hamlet", word)
		}
		for _, p := range got {
			if p.Population > 10000 {
				t.Errorf("Lookup(%q) found %s (%s) with %d people; expected only small places", word, p.Name, p.CountryCode, p.Population)
			}
		}
	}
}

func TestPlacesHaveCountryNames(t *testing.T) {
	g := defaultGazetteer(t)
	b := g.base
	for i := range b.places {
		p := b.place(uint32(i))
		if p.Country == "" || p.Country == p.CountryCode {
			t.Fatalf("place %d %s has country %q (%s)", i, p.Name, p.Country, p.CountryCode)
		}
	}
}

// The embedded keys were folded by the generator; Lookup folds queries at
// run time. Both must agree, which holds when every stored key is a fixed
// point of Fold. A failure here means Fold changed: regenerate the data.
func TestStoredKeysAreFolded(t *testing.T) {
	b := defaultGazetteer(t).base
	bad := 0
	for _, k := range b.keys {
		key := b.keyText[k.off : k.off+uint32(k.n)]
		if f := Fold(key); f != key {
			if bad < 10 {
				t.Errorf("stored key %q folds to %q", key, f)
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d stored keys are not folded; regenerate with tools/gazetteer", bad, len(b.keys))
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Baghdad", "baghdad"},
		{"BAGHDAD", "baghdad"},
		{"Köln", "koln"},
		{"São Tomé", "sao tome"},
		{"Ḩalab", "halab"},
		{"Ṣanʿāʾ", "sana"},
		{"Sana'a", "sanaa"},
		{"Sana’a", "sanaa"},
		{"al-Anbar", "anbar"},
		{"Al Anbar", "anbar"},
		{"Al-Anbar", "anbar"},
		{"El-Arish", "arish"},
		{"El Paso", "el paso"},
		{"ar-Ramadi", "ramadi"},
		{"an-Najaf", "najaf"},
		{"An Najaf", "najaf"}, // the article's consonant is the word's first: assimilated
		{"Ad Dīwānīyah", "diwaniyah"},
		{"Ash Shatrah", "shatrah"},
		{"An Hoa", "an hoa"}, // no assimilation: a word of the name
		{"As", "as"},
		{"Alabama", "alabama"},
		{"Al", "al"},
		{"Deir ez-Zor", "deir ez zor"},
		{"Khan  Yunis", "khan yunis"},
		{"Guinea-Bissau", "guinea bissau"},
		{" -Saint--Denis- ", "saint denis"},
		{"U.S.", "us"},
		{"St. Louis", "st louis"},
		{"Washington, D.C.", "washington dc"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"Øresund", "oresund"},
		{"İstanbul", "istanbul"},
		{"Ağrı", "agri"},
		{"أربيل", "اربيل"},
		{"إربيل", "اربيل"},
		{"الموصل", "موصل"},
		{"الرَّمادي", "رمادي"},
		{"محافظة", "محافظه"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Fold(tt.in)
			if got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Fold(got); again != got {
				t.Errorf("Fold not idempotent: Fold(%q) = %q", got, again)
			}
		})
	}
}

func TestCountry(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		query, want string // want is a code, "" for not found
	}{
		{"Iraqi", "IQ"},
		{"Iraqis", "IQ"},
		{"Iraq", "IQ"},
		{"Republic of Iraq", "IQ"},
		{"U.S.", "US"},
		{"US", "US"},
		{"USA", "US"},
		{"America", "US"},
		{"American", "US"},
		{"United States", "US"},
		{"the United States", "US"},
		{"us", ""}, // the pronoun, not an acronym
		{"UAE", "AE"},
		{"the UAE", "AE"},
		{"Emirati", "AE"},
		{"Britain", "GB"},
		{"UK", "GB"},
		{"British", "GB"},
		{"Türkiye", "TR"},
		{"Turkey", "TR"},
		{"Islamic Republic of Iran", "IR"},
		{"Iranian", "IR"},
		{"Afghan", "AF"},
		{"Pakistani", "PK"},
		{"Somali", "SO"},
		{"Israeli", "IL"},
		{"Palestinian", "PS"},
		{"Kenyan", "KE"},
		{"Ivory Coast", "CI"},
		{"Côte d'Ivoire", "CI"},
		{"DRC", "CD"},
		{"Syria", "SY"},
		{"Russia", "RU"},
		{"South Korea", "KR"},
		{"the Netherlands", "NL"},
		{"Nigerien", "NE"},
		{"Nigerian", "NG"},
		{"Atlantis", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			c, ok := g.Country(tt.query)
			if tt.want == "" {
				if ok {
					t.Errorf("Country(%q) = %s, want none", tt.query, c.Code)
				}
				return
			}
			if !ok || c.Code != tt.want {
				t.Errorf("Country(%q) = %q, %v; want %s", tt.query, c.Code, ok, tt.want)
			}
		})
	}
}

func TestCountryNames(t *testing.T) {
	g := defaultGazetteer(t)
	want := map[string]string{
		"US": "United States", "GB": "United Kingdom", "IQ": "Iraq", "IR": "Iran",
		"SY": "Syria", "RU": "Russia", "KR": "South Korea", "AE": "United Arab Emirates",
		"CD": "Democratic Republic of the Congo", "CI": "Ivory Coast", "PS": "Palestine", "TR": "Turkey",
	}
	for code, name := range want {
		c, ok := g.CountryByCode(strings.ToLower(code))
		if !ok || c.Name != name {
			t.Errorf("CountryByCode(%q) = %q, %v; want %q", code, c.Name, ok, name)
		}
	}
	if _, ok := g.CountryByCode("ZZ"); ok {
		t.Error("CountryByCode(ZZ) found a country")
	}
	iq, _ := g.CountryByCode("IQ")
	if iq.Capital != "Baghdad" || !near(iq.Lat, 33.85) || len(iq.Demonyms) == 0 {
		t.Errorf("Iraq = %+v", iq)
	}
	if n := len(g.Countries()); n < 249 {
		t.Errorf("%d countries, want every ISO 3166-1 country", n)
	}
}

func TestAdmin1(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		query, wantName, wantCode, wantAdmin1Code string
	}{
		{"Baghdad Governorate", "Baghdad", "IQ", "07"},
		{"Nangarhar", "Nangarhar", "AF", "18"},
		{"Nangarhar Province", "Nangarhar", "AF", "18"},
		{"Province of Nangarhar", "Nangarhar", "AF", "18"},
		{"Texas", "Texas", "US", "TX"},
		{"State of Texas", "Texas", "US", "TX"},
		{"Al Anbar", "Anbar", "IQ", "01"},
		{"Borno", "Borno State", "NG", "27"},
		{"Donetsk Oblast", "Donetsk", "UA", "05"},
		{"Punjab", "Punjab", "PK", "04"},                     // Pakistan's is larger than India's
		{"Saladin", "Salah ad Din", "IQ", "18"},              // English variant
		{"Ninawa", "Nineveh", "IQ", "15"},                    // GeoNames variant
		{"محافظة نينوى", "Nineveh", "IQ", "15"},              // Arabic, with the generic word
		{"صلاح الدين", "Salah ad Din", "IQ", "18"},           // Arabic
		{"Arbil Province", "Erbil", "IQ", "11"},              // transliteration
		{"Ho Chi Minh City", "Ho Chi Minh City", "VN", "20"}, // see TestAdmin1Snapshot
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := g.Admin1(tt.query)
			if len(got) == 0 {
				t.Fatalf("Admin1(%q) found nothing", tt.query)
			}
			p := got[0]
			if p.Name != tt.wantName || p.CountryCode != tt.wantCode || p.Admin1Code != tt.wantAdmin1Code || p.Feature != "ADM1" {
				t.Errorf("Admin1(%q)[0] = %+v; want %s, %s.%s", tt.query, p, tt.wantName, tt.wantCode, tt.wantAdmin1Code)
			}
			if p.Admin1 != p.Name || p.Country == "" || (p.Lat == 0 && p.Lon == 0) {
				t.Errorf("Admin1(%q)[0] = %+v: want admin1, country and a point", tt.query, p)
			}
		})
	}
	if got := g.Admin1("Nowhere Province"); got != nil {
		t.Errorf("Admin1(Nowhere Province) = %v, want nil", got)
	}
}

// The places (cities500) and the recent GeoNames admin1 names come from
// different snapshots; Vietnam renumbered its provinces in between, reusing
// codes. The generator must give each place the division of its own
// snapshot: Tuyên Quang is in Tuyen Quang (VN.68 then), not Lam Dong (VN.68
// now).
func TestAdmin1Snapshot(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct{ place, admin1 string }{
		{"Tuyên Quang", "Tuyen Quang"},
		{"Hanoi", "Ha Noi"},
		{"Ho Chi Minh City", "Ho Chi Minh City"},
		{"Erbil", "Erbil"},
		{"Kabul", "Kabul"},
	}
	for _, tt := range tests {
		got := g.Lookup(tt.place)
		if len(got) == 0 || got[0].Admin1 != tt.admin1 {
			t.Errorf("Lookup(%q)[0] = %+v, want admin1 %q", tt.place, got, tt.admin1)
		}
	}
}

func TestAdmin1Key(t *testing.T) {
	tests := []struct{ in, want string }{
		{"nangarhar province", "nangarhar"},
		{"province of nangarhar", "nangarhar"},
		{"baghdad governorate", "baghdad"},
		{"muhafazat baghdad", "baghdad"},
		{"xinjiang uyghur autonomous region", "xinjiang uyghur"},
		{"province", "province"},
		{"northern state", "northern"},
		{"محافظه اربيل", "اربيل"},
	}
	for _, tt := range tests {
		if got := admin1Key(tt.in); got != tt.want {
			t.Errorf("admin1Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAddFile(t *testing.T) {
	g := defaultGazetteer(t)
	path := filepath.Join(t.TempDir(), "places.tsv")
	data := "# name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talternates...\n" +
		"Hay al-Jihad\tIQ\tBaghdad\t33.27\t44.31\t100000\tPPLX\tHayy al-Jihad\tحي الجهاد\n" +
		"\n" +
		"Zaatari camp\tJordan\t\t32.295\t36.323\t80000\n" +
		"Baghdad\tUS\tTX\t30.0\t-97.0\t10\tPPL\n" +
		"Nineveh Plains\tIQ\t\t36.35\t43.4\t0\tADM1\tNineveh Plain\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := g.AddFile(path); err != nil {
		t.Fatalf("AddFile: %v", err)
	}

	tests := []struct {
		query, wantName, wantCountry, wantAdmin1 string
	}{
		{"Hay al-Jihad", "Hay al-Jihad", "Iraq", "Baghdad"},
		{"Hayy al Jihad", "Hay al-Jihad", "Iraq", "Baghdad"},
		{"حي الجهاد", "Hay al-Jihad", "Iraq", "Baghdad"},
		{"Zaatari Camp", "Zaatari camp", "Jordan", ""},
	}
	for _, tt := range tests {
		got := g.Lookup(tt.query)
		if len(got) != 1 || got[0].Name != tt.wantName || got[0].Country != tt.wantCountry || got[0].Admin1 != tt.wantAdmin1 {
			t.Errorf("Lookup(%q) = %+v; want one %s in %s (%s)", tt.query, got, tt.wantName, tt.wantCountry, tt.wantAdmin1)
		}
	}
	// A user place merges with the embedded ones by population.
	got := g.Lookup("Baghdad")
	if len(got) != 2 || got[0].CountryCode != "IQ" || got[1].CountryCode != "US" || got[1].Admin1 != "Texas" {
		t.Errorf("Lookup(Baghdad) after AddFile = %+v", got)
	}
	if a := g.Admin1("Nineveh Plain"); len(a) != 1 || a[0].Feature != "ADM1" || a[0].Country != "Iraq" {
		t.Errorf("Admin1(Nineveh Plain) = %+v", a)
	}
	if got := g.Lookup("Nineveh Plains"); got != nil {
		t.Errorf("an ADM1 row should not be a place: %+v", got)
	}
	// Other gazetteers share the embedded data, not the additions.
	if other := defaultGazetteer(t).Lookup("Hay al-Jihad"); other != nil {
		t.Errorf("AddFile leaked into another gazetteer: %+v", other)
	}
}

func TestAddErrors(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct{ name, data string }{
		{"too few fields", "Somewhere\tIQ\t\t33.0\n"},
		{"unknown country", "Somewhere\tXX\t\t33.0\t44.0\n"},
		{"bad latitude", "Somewhere\tIQ\t\t95\t44.0\n"},
		{"bad population", "Somewhere\tIQ\t\t33\t44\tmany\n"},
		{"empty name", "\tIQ\t\t33\t44\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := g.Add(strings.NewReader("Fine\tIQ\t\t33\t44\n" + tt.data)); err == nil {
				t.Error("Add accepted a malformed row")
			}
			if got := g.Lookup("Fine"); got != nil {
				t.Errorf("Add kept rows of a file it rejected: %+v", got)
			}
		})
	}
	if err := g.AddFile(filepath.Join(t.TempDir(), "missing.tsv")); err == nil {
		t.Error("AddFile of a missing file succeeded")
	}
}

func TestLoad(t *testing.T) {
	countries := "IQ\tIraq\t\tIraqi\tBaghdad\t33.3\t44.4\n"
	good := "#dossier-gazetteer\t2\tadmin1=1\tadmin2=1\tplaces=2\ttext=30\n" +
		"#admin1\nIQ\t07\tBaghdad\t3334058\t4440088\t7216000\n" +
		"#admin2\n0\t9166668\tBaghdad District\n" +
		"#places\nBaghdad\tIQ\t0\t3334058\t4440088\t7216000\tPPLC\t0\nBaghdad Jadida\tIQ\t\t3330000\t4450000\t0\tPPL\t\n" +
		"#keys\tkeys=2\tpostings=3\ttext=21\nbaghdad\t0,1\nbaghdad jadida\t1\n"
	tests := []struct {
		name, places, countries string
		wantErr                 bool
	}{
		{"good", good, countries, false},
		{"not gazetteer", "hello\n", countries, true},
		{"wrong version", strings.Replace(good, "\t2\t", "\t9\t", 1), countries, true},
		{"seven place fields", strings.Replace(good, "PPLC\t0\n", "PPLC\n", 1), countries, true},
		{"bad admin2 index", strings.Replace(good, "PPLC\t0\n", "PPLC\t3\n", 1), countries, true},
		{"admin2 outside the admin1", strings.Replace(good, "PPL\t\n", "PPL\t0\n", 1), countries, true},
		{"bad admin2 row", strings.Replace(good, "0\t9166668\t", "5\t9166668\t", 1), countries, true},
		{"unknown country", good, "FR\tFrance\t\t\tParis\t48\t2\n", true},
		{"bad place index", strings.Replace(good, "baghdad\t0,1", "baghdad\t0,7", 1), countries, true},
		{"bad coordinate", strings.Replace(good, "3330000", "9330000", 1), countries, true},
		{"bad country row", good, "IQ\tIraq\n", true},
		{"duplicate alias", good, countries + "IR\tIran\tIraq\t\tTehran\t35\t51\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write([]byte(tt.places))
			zw.Close()
			g, err := Load(&buf, strings.NewReader(tt.countries))
			if tt.wantErr {
				if err == nil {
					t.Error("Load succeeded, want an error")
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			got := g.Lookup("Baghdad")
			if len(got) != 2 || got[0].Admin1 != "Baghdad" || got[0].Country != "Iraq" || got[1].Admin1 != "" {
				t.Errorf("Lookup(Baghdad) = %+v", got)
			}
			if len(got) == 2 && (got[0].Admin2 != "Baghdad District" || got[0].Admin2Code != "9166668" || got[1].Admin2 != "") {
				t.Errorf("Lookup(Baghdad) admin2 = %q %q, %q", got[0].Admin2, got[0].Admin2Code, got[1].Admin2)
			}
			if c, ok := g.Country("Iraqis"); !ok || c.Code != "IQ" {
				t.Errorf("Country(Iraqis) = %+v, %v", c, ok)
			}
			// The embedded Arabic names and sites of the countries and
			// cities the files have.
			if c, ok := g.Country("العراق"); !ok || c.Code != "IQ" {
				t.Errorf("Country(العراق) = %+v, %v", c, ok)
			}
			if ps := g.Lookup("المنطقة الخضراء"); len(ps) != 1 || ps[0].City != "Baghdad" || ps[0].Admin1 != "Baghdad" {
				t.Errorf("Lookup(المنطقة الخضراء) = %+v", ps)
			}
		})
	}
}

// The embedded data gives second-level divisions where GeoNames has them.
func TestEmbeddedAdmin2(t *testing.T) {
	g := defaultGazetteer(t)
	for _, tt := range []struct{ place, country, admin1 string }{
		{"Mosul", "IQ", "Nineveh"},
		{"Kabul", "AF", "Kabul"},
		{"Maiduguri", "NG", "Borno State"},
	} {
		var found bool
		for _, p := range g.Lookup(tt.place) {
			if p.CountryCode != tt.country {
				continue
			}
			found = true
			if p.Admin2 == "" || p.Admin2Code == "" || p.Admin1 != tt.admin1 {
				t.Errorf("Lookup(%q) = admin1 %q, admin2 %q (%q); want admin1 %q and an admin2", tt.place, p.Admin1, p.Admin2, p.Admin2Code, tt.admin1)
			}
			break
		}
		if !found {
			t.Errorf("Lookup(%q) has no place in %s", tt.place, tt.country)
		}
	}
}

// Load reads the places file as one stream; Default inflates its two
// halves in parallel. Both must give the same answers.
func TestLoadSequentialMatchesParallel(t *testing.T) {
	seq, err := Load(bytes.NewReader(embeddedPlaces), bytes.NewReader(embeddedCountries))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	par := defaultGazetteer(t)
	for _, q := range []string{"Baghdad", "Paris", "Irbil", "أربيل", "Washington", "Victoria"} {
		a, b := seq.Lookup(q), par.Lookup(q)
		if len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("Lookup(%q): sequential %d places, parallel %d, or they differ", q, len(a), len(b))
		}
	}
	for _, q := range []string{"Nangarhar", "Saladin", "محافظة نينوى"} {
		if a, b := seq.Admin1(q), par.Admin1(q); len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("Admin1(%q): sequential %v, parallel %v", q, a, b)
		}
	}
}

// TestLoadCost reports the figures the extractor's budget depends on: the
// time to parse the embedded data and the heap it holds.
func TestLoadCost(t *testing.T) {
	if testing.Short() {
		t.Skip("measures a full load")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	b, err := loadEmbedded(embeddedPlaces, embeddedCountries)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("load %v, heap %.1f MiB: %d places, %d keys, %d admin1, text %.1f MiB, embedded %.1f MiB",
		elapsed.Round(time.Millisecond), heap, len(b.places), len(b.keys), len(b.admin1),
		float64(len(b.text)+len(b.keyText))/(1<<20), float64(len(embeddedPlaces))/(1<<20))
	if heap > 80 {
		t.Errorf("loaded gazetteer holds %.1f MiB, budget 80", heap)
	}
	runtime.KeepAlive(b)
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var heap uint64
	for b.Loop() {
		// Measuring the heap needs collections, which are not the load's.
		b.StopTimer()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		base, err := loadEmbedded(embeddedPlaces, embeddedCountries)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(base)
		b.StartTimer()
	}
	b.ReportMetric(float64(heap)/(1<<20), "MiB-heap")
}

func BenchmarkLookup(b *testing.B) {
	g := defaultGazetteer(b)
	for _, bm := range []struct{ name, query string }{
		{"one", "Baghdad"},
		{"transliteration", "Irbil"},
		{"arabic", "أربيل"},
		{"twenty", "Paris"},
		{"miss", "government"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g.Lookup(bm.query)
			}
		})
	}
}

func BenchmarkHas(b *testing.B) {
	g := defaultGazetteer(b)
	b.ReportAllocs()
	for b.Loop() {
		g.Has("Baghdad")
	}
}

func BenchmarkCountry(b *testing.B) {
	g := defaultGazetteer(b)
	b.ReportAllocs()
	for b.Loop() {
		g.Country("Iraqi")
	}
}

// TestDistanceKm: Paris to London is about 344 km; a point to itself, 0.
func TestDistanceKm(t *testing.T) {
	if d := DistanceKm(48.8566, 2.3522, 51.5074, -0.1278); d < 340 || d > 348 {
		t.Errorf("Paris-London %.1f km, want about 344", d)
	}
	if d := DistanceKm(33.3, 44.4, 33.3, 44.4); d != 0 {
		t.Errorf("same point %.3f km", d)
	}
}

// TestLookupSpellingVariant: a name written with a hyphen after its
// article ("El-Obeid") is found under the data's spelling with a space,
// and one with "el" inside under the data's "al" ("Western Bahr el
// Ghazal", a first-level division).
func TestLookupSpellingVariant(t *testing.T) {
	g := defaultGazetteer(t)
	if ps := g.Lookup("El-Obeid"); len(ps) == 0 || ps[0].Country != "Sudan" {
		t.Errorf("Lookup(El-Obeid) = %v, want a place in Sudan", ps)
	}
	if ps := g.Admin1("Western Bahr el Ghazal"); len(ps) == 0 || ps[0].Country != "South Sudan" {
		t.Errorf("Admin1(Western Bahr el Ghazal) = %v, want a division of South Sudan", ps)
	}
	if v, ok := spellingVariant("Kandahar"); ok {
		t.Errorf("spellingVariant(Kandahar) = %q, want none", v)
	}
}
