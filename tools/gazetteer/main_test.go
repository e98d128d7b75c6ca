package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestKeepAlternate(t *testing.T) {
	tests := []struct {
		name string
		keep bool
	}{
		{"Cologne", true},
		{"Irbil", true},
		{"Hewlêr", true},
		{"les Escaldes", true},
		{"أربيل", true},
		{"هەولێر", true}, // Kurdish, Arabic script
		{"NYC", false},   // a code: also "HTS", "BGW"
		{"EBL", false},
		{"ba ge da", false}, // machine romanisation: no capital
		{"bەghdad", false},  // mixed scripts
		{"Багдад", false},
		{"巴格达", false},
		{"Ikatlong Distrito 3", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := keepAlternate(tt.name); got != tt.keep {
			t.Errorf("keepAlternate(%q) = %v, want %v", tt.name, got, tt.keep)
		}
	}
}

func TestPlaceKeys(t *testing.T) {
	c := city{name: "Erbil", ascii: "Erbil", alts: []string{"Arbil", "Arbīl", "EBL", "arbl", "أربيل", "إربيل", "Арбил"}}
	got := strings.Join(placeKeys(c), "|")
	if want := "erbil|arbil|اربيل"; got != want {
		t.Errorf("placeKeys = %q, want %q", got, want)
	}
}

func TestParseCity(t *testing.T) {
	line := "95446\tErbil\tErbil\tArbil,أربيل\t36.18333\t44.01193\tP\tPPLA\tIQ\t\t11\t95444\t\t\t1612700\t\t412\tAsia/Baghdad\t2023-02-08"
	c, err := parseCity(line)
	if err != nil {
		t.Fatal(err)
	}
	if c.id != 95446 || c.lat != 3618333 || c.lon != 4401193 || c.admin1 != "11" || c.population != 1612700 || len(c.alts) != 2 {
		t.Errorf("parseCity = %+v", c)
	}
	if _, err := parseCity("1\tshort"); err == nil {
		t.Error("parseCity accepted a short row")
	}
}

func TestAdmin2Of(t *testing.T) {
	s := &admin1Sources{
		codeOf:       map[string]string{"Mosul|36.335|43.11889": "IQ.15", "Old|1|1": "IQ.15"},
		admin2Names:  map[string]string{"IQ.15.9166649": "Mosul District", "IQ.15.7": "Seven"},
		admin2CodeOf: map[string]string{"Mosul|36.335|43.11889": "IQ.15.9166649", "Moved|2|2": "IQ.16.9166649"},
	}
	tests := []struct {
		name  string
		c     city
		moved int
		want  string
	}{
		{"recent snapshot", city{name: "Mosul", latS: "36.335", lonS: "43.11889", admin2: "1"}, 0, "IQ.15.9166649"},
		{"recent code in another admin1", city{name: "Moved", latS: "2", lonS: "2", admin2: "7"}, 0, ""},
		{"known to the recent snapshot without admin2", city{name: "Old", latS: "1", lonS: "1", admin2: "7"}, 0, ""},
		{"only in cities500", city{name: "New", latS: "3", lonS: "3", admin2: "7"}, 0, "IQ.15.7"},
		{"only in cities500, renumbered division", city{name: "New", latS: "3", lonS: "3", admin2: "7"}, 2, ""},
		{"code without a name", city{name: "New", latS: "3", lonS: "3", admin2: "8"}, 0, ""},
	}
	for _, tt := range tests {
		if got := s.admin2Of(tt.c, "IQ.15", tt.moved); got != tt.want {
			t.Errorf("%s: admin2Of = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSpansDivisions(t *testing.T) {
	for _, tt := range []struct {
		name   string
		pop    int64
		admin2 string
		want   bool
	}{
		{"Baghdad", 7216000, "Al Rusafa", true},
		{"Mosul", 1683000, "Mosul District", false},
		{"Tikrit", 160000, "Tikrit District", false},
		{"Samarra", 158000, "Qaḑā’ Sāmarrā’", false},
		{"Haditha", 30000, "Hadithah District", false}, // small: one division
	} {
		if got := spansDivisions(city{name: tt.name, population: tt.pop}, tt.admin2); got != tt.want {
			t.Errorf("spansDivisions(%s, %s) = %v, want %v", tt.name, tt.admin2, got, tt.want)
		}
	}
}

// The file must be one gzip stream to zcat and two members whose offset the
// first header names.
func TestWriteTwoMembers(t *testing.T) {
	places := []city{
		{id: 1, name: "Baghdad", ascii: "Baghdad", alts: []string{"Bagdad"}, country: "IQ", admin1: "07", population: 7216000, feature: "PPLC"},
		{id: 2, name: "Erbil", ascii: "Erbil", country: "IQ", admin1: "11", population: 1612700, feature: "PPLA"},
	}
	d := build(places, &admin1Sources{names: map[string]string{"IQ.07": "Baghdad"},
		admin2Names:  map[string]string{"IQ.07.9166668": "Baghdad District"},
		admin2CodeOf: map[string]string{placeID("Baghdad", "", ""): "IQ.07.9166668"}})
	var buf bytes.Buffer
	if err := d.write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	off := strings.TrimPrefix(zr.Comment, "keys=")
	all, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	text := string(all)
	for _, want := range []string{"#dossier-gazetteer\t2\tadmin1=2\tadmin2=1\tplaces=2", "IQ\t07\tBaghdad\t", "IQ\t11\t\t",
		"#admin2\n0\t9166668\tBaghdad District\n", "PPLC\t0\n", "PPLA\t\n", "#keys\tkeys=3\tpostings=3", "bagdad\t0\n", "erbil\t1\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	n, err := strconv.Atoi(off)
	if err != nil || n <= 0 || n >= buf.Len() {
		t.Fatalf("header comment %q does not name an offset", zr.Comment)
	}
	second, err := gzip.NewReader(bytes.NewReader(buf.Bytes()[n:]))
	if err != nil {
		t.Fatalf("no gzip member at the offset %s: %v", off, err)
	}
	keys, _ := io.ReadAll(second)
	if !strings.HasPrefix(string(keys), "#keys") {
		t.Errorf("second member starts with %.20q", keys)
	}
}

func TestAdmin1Names(t *testing.T) {
	s := &admin1Sources{
		names: map[string]string{"IQ.11": "Erbil", "VN.68": "Lam Dong", "TW.04": "Taiwan"},
		iso: map[string][]string{
			"IQ.11": {"Arbil", "Arbil Province", "أربيل"},
			"VN.68": {"Tuyen Quang", "Tuyên Quang Province", "مقاطعة توين كوانج"},
			"TW.04": {"Hsinchu", "Hsinchu County"},
			"NO.30": {"Viken"},
		},
	}
	tests := []struct {
		name, code  string
		same, moved int
		wantName    string
		wantAlts    string
	}{
		{"variants join a similar name", "IQ.11", 5, 0, "Erbil", "Arbil|أربيل"},
		{"renumbered code takes the older name", "VN.68", 0, 3, "Tuyen Quang", "مقاطعة توين كوانج"},
		{"stable code keeps the recent name", "VN.68", 3, 0, "Lam Dong", ""},
		{"dissimilar iso names are not variants", "TW.04", 9, 0, "Taiwan", ""},
		{"a code only iso knows", "NO.30", 0, 0, "Viken", ""},
		{"a code nobody knows", "XX.01", 0, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, alts := s.admin1Names(tt.code, tt.same, tt.moved)
			if name != tt.wantName || strings.Join(alts, "|") != tt.wantAlts {
				t.Errorf("admin1Names(%s, %d, %d) = %q, %q; want %q, %q", tt.code, tt.same, tt.moved, name, alts, tt.wantName, tt.wantAlts)
			}
		})
	}
}

// A country of one zone has one row; a country of several has a row per
// division too, and a division astride two zones keeps both, the more
// populous first.
func TestBuildZones(t *testing.T) {
	places := []city{
		{country: "AF", admin1: "13", zone: "Asia/Kabul", population: 4000000},
		{country: "AF", admin1: "18", zone: "Asia/Kabul", population: 200000},
		{country: "US", admin1: "NY", zone: "America/New_York", population: 8000000},
		{country: "US", admin1: "IN", zone: "America/Indiana/Indianapolis", population: 800000},
		{country: "US", admin1: "IN", zone: "America/Chicago", population: 30000},
		{country: "US", admin1: "CA", zone: "America/Los_Angeles", population: 3900000},
		{country: "US", zone: "America/Chicago", population: 100},
	}
	var buf bytes.Buffer
	if err := writeZones(&buf, buildZones(places)); err != nil {
		t.Fatal(err)
	}
	want := "AF\t\tAsia/Kabul\n" +
		"US\t\tAmerica/New_York,America/Los_Angeles,America/Indiana/Indianapolis,America/Chicago\n" +
		"US\tCA\tAmerica/Los_Angeles\n" +
		"US\tIN\tAmerica/Indiana/Indianapolis,America/Chicago\n" +
		"US\tNY\tAmerica/New_York\n"
	got := buf.String()
	if !strings.HasPrefix(got, "#dossier-zones\t1\n") {
		t.Errorf("no header: %q", got)
	}
	if rows := got[strings.Index(got, "AF\t"):]; rows != want {
		t.Errorf("rows:\n%s\nwant:\n%s", rows, want)
	}
}

func TestWriteCountryNames(t *testing.T) {
	names := map[string][]string{
		"IQ": {"العراق"},
		"SY": {"سوريا", "الجمهورية العربية السورية"},
		"ZZ": {"أتلانتس"},
		"FR": {"  "},
	}
	var buf bytes.Buffer
	n, unknown, err := writeCountryNames(&buf, "ar", names, map[string]bool{"IQ": true, "SY": true, "FR": true})
	if err != nil {
		t.Fatal(err)
	}
	want := "IQ\tالعراق\t\nSY\tسوريا|الجمهورية العربية السورية\t\n"
	got := buf.String()
	if n != 2 || len(unknown) != 1 || unknown[0] != "ZZ" || !strings.HasSuffix(got, "# code\tnames\tdemonyms\n"+want) || !strings.Contains(got, "GENERATED") {
		t.Errorf("writeCountryNames = %d, %v:\n%s", n, unknown, got)
	}
}

// The committed Arabic names file is what the generator writes from the
// pinned package (skipped without node_modules).
func TestCountryNamesUpToDate(t *testing.T) {
	names, err := readISONames(fmt.Sprintf(isoLangPath, "ar"))
	if err != nil {
		t.Skipf("no npm packages: %v", err)
	}
	known, err := readCountryCodes(filepath.Join(dataDir, countriesFile))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, _, err := writeCountryNames(&buf, "ar", names, known); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join(dataDir, fmt.Sprintf(namesFileLang, "ar")))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), committed) {
		t.Error("countries-ar.tsv differs from what go run . writes: regenerate it")
	}
}
