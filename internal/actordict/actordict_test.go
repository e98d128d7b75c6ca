package actordict

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func mustDefault(t testing.TB) *Dict {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return d
}

func TestLookup(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		query, name, kind string
	}{
		{"Hizbollah", "Hezbollah", "armed_group"},
		{"Hizbullah", "Hezbollah", "armed_group"},
		{"ISIS", "Islamic State", "armed_group"},
		{"ISIL", "Islamic State", "armed_group"},
		{"Daesh", "Islamic State", "armed_group"},
		{"Islamic State of Iraq and the Levant", "Islamic State", "armed_group"},
		{"ISKP", "Islamic State – Khorasan Province", "armed_group"},
		{"Kataib Hezbollah", "Kata'ib Hezbollah", "armed_group"},
		{"Kata'ib Hizbollah", "Kata'ib Hezbollah", "armed_group"},
		{"Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq", "armed_group"},
		{"Hashd al-Shaabi", "Popular Mobilization Forces", "armed_group"},
		{"Ansarallah", "Houthi movement", "armed_group"},
		{"al-Qaida", "Al-Qaeda", "armed_group"},
		{"U.S.", "United States", "state"},
		{"United States", "United States", "state"},
		{"USA", "United States", "state"},
		{"Iraqi", "Iraq", "state"},
		{"U.N.", "United Nations", "organization"},
		{"UN", "United Nations", "organization"},
		{"AFP", "Agence France-Presse", "media"},
		{"OAS", "Organization of American States", "organization"},
		{"Qais Khazali", "Qais al-Khazali", "person"},
		{"Mustafa al-Kadhimi", "Mustafa Al-Kadhimi", "person"},
		{"Mustafa Kadhimy", "Mustafa Al-Kadhimi", "person"},
		{"Kurdistan Workers Party", "Kurdistan Workers' Party", "armed_group"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			e, ok := d.Lookup(tt.query)
			if !ok {
				t.Fatalf("Lookup(%q) found nothing", tt.query)
			}
			if e.Name != tt.name || e.Kind != tt.kind {
				t.Errorf("Lookup(%q) = %q (%s), want %q (%s)", tt.query, e.Name, e.Kind, tt.name, tt.kind)
			}
		})
	}
}

func TestLookupSameEntry(t *testing.T) {
	d := mustDefault(t)
	for _, pair := range [][2]string{
		{"Kataib Hezbollah", "Kata'ib Hizbollah"},
		{"U.S.", "United States"},
		{"ISIS", "Islamic State"},
		{"Hashd al-Shaabi", "PMF"},
	} {
		a, okA := d.Lookup(pair[0])
		b, okB := d.Lookup(pair[1])
		if !okA || !okB || a != b {
			t.Errorf("Lookup(%q) and Lookup(%q) differ: %v, %v", pair[0], pair[1], a, b)
		}
	}
}

func TestLookupMissing(t *testing.T) {
	d := mustDefault(t)
	if e, ok := d.Lookup("Xyzzy Plugh Brigade"); ok {
		t.Errorf("Lookup of an unknown name = %v", e)
	}
}

func TestCountry(t *testing.T) {
	d := mustDefault(t)
	for code, want := range map[string]string{"IRQ": "Iraq", "usa": "United States", "ARE": "United Arab Emirates", "CIV": "Ivory Coast"} {
		e, ok := d.Country(code)
		if !ok || e.Name != want {
			t.Errorf("Country(%q) = %v, want %q", code, e, want)
		}
	}
	if _, ok := d.Country("XXX"); ok {
		t.Error(`Country("XXX") found an entry`)
	}
}

func TestDefaultKindsAndCountries(t *testing.T) {
	d := mustDefault(t)
	for _, e := range d.Entries() {
		if !kinds[e.Kind] {
			t.Fatalf("entry %q has kind %q", e.Name, e.Kind)
		}
		if e.Kind == "state" && e.Country == "" {
			t.Errorf("state %q has no country code", e.Name)
		}
	}
}

// TestStatesHaveNoCities checks that the generator kept Phoenix's cities
// and provinces out of the states' names.
func TestStatesHaveNoCities(t *testing.T) {
	d := mustDefault(t)
	for state, places := range map[string][]string{
		"AFG": {"Kabul", "Kandahar", "Helmand", "Herat"},
		"IRQ": {"Baghdad", "Mosul", "Basra", "Kirkuk"},
		"SYR": {"Damascus", "Aleppo", "Idlib", "Raqqa"},
		"USA": {"New York", "Chicago", "Washington"},
		"GBR": {"London", "Manchester"},
	} {
		e, ok := d.Country(state)
		if !ok {
			t.Fatalf("no state %s", state)
		}
		for _, p := range places {
			if slices.Contains(e.Aliases, p) {
				t.Errorf("state %s has the alias %q", e.Name, p)
			}
		}
	}
}

func TestDefaultIsReadOnly(t *testing.T) {
	d := mustDefault(t)
	if err := d.AddFile(filepath.Join("testdata", "user.tsv")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("AddFile on Default() = %v, want ErrReadOnly", err)
	}
}

func TestAddFileExtendsAndOverrides(t *testing.T) {
	d := mustDefault(t).Clone()
	if err := d.AddFile(filepath.Join("testdata", "user.tsv")); err != nil {
		t.Fatal(err)
	}
	e, ok := d.Lookup("Kata'ib Hezbollah")
	if !ok {
		t.Fatal("Kata'ib Hezbollah not found")
	}
	if e.Name != "Kataib Hizbollah" {
		t.Errorf("name = %q, want the user's %q", e.Name, "Kataib Hizbollah")
	}
	if !slices.Contains(e.Aliases, "KH Brigades") || !slices.Contains(e.Aliases, "Kata'ib Hezbollah") {
		t.Errorf("aliases = %q, want the user's and the old ones", e.Aliases)
	}
	if !strings.HasSuffix(e.Source, "+user.tsv") {
		t.Errorf("source = %q, want it to end in +user.tsv", e.Source)
	}
	if p, ok := d.Lookup("Johnny Example"); !ok || p.Name != "John Example" || p.Kind != "person" {
		t.Errorf("Lookup(Johnny Example) = %v", p)
	}
	ms := d.Find("A statement by KH Brigades and John Example.")
	if len(ms) != 2 || ms[0].Entry != e || ms[1].Entry.Name != "John Example" {
		t.Errorf("Find after AddFile = %v", ms)
	}
	// The shared dictionary is untouched.
	if orig, _ := mustDefault(t).Lookup("Kata'ib Hezbollah"); orig.Name != "Kata'ib Hezbollah" {
		t.Errorf("Default() changed: %q", orig.Name)
	}
}

func TestAddFileErrors(t *testing.T) {
	for _, name := range []string{"badcols.tsv", "badkind.tsv", "missing.tsv"} {
		d, err := Load()
		if err != nil {
			t.Fatal(err)
		}
		err = d.AddFile(filepath.Join("testdata", name))
		if err == nil {
			t.Errorf("AddFile(%s) succeeded", name)
			continue
		}
		if !strings.HasPrefix(err.Error(), "actordict: ") {
			t.Errorf("AddFile(%s) error %q does not say where it comes from", name, err)
		}
		if name != "missing.tsv" && !strings.Contains(err.Error(), name+":1:") {
			t.Errorf("AddFile(%s) error %q does not give the line", name, err)
		}
	}
}

func TestLoadMergesLaterFiles(t *testing.T) {
	d, err := Load(
		strings.NewReader("Hizballah\tarmed_group\tParty of God\tLBN\tone\nAmal Movement\tparty\t\tLBN\tone\n"),
		strings.NewReader("# comment\n\nHezbollah\tarmed_group\tHizbullah\t\ttwo\n"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Entries()); n != 2 {
		t.Fatalf("%d entries, want 2", n)
	}
	e, _ := d.Lookup("Party of God")
	want := Entry{Name: "Hezbollah", Kind: "armed_group", Aliases: []string{"Hizbullah", "Hizballah", "Party of God"}, Country: "LBN", Source: "one+two"}
	if e.Name != want.Name || e.Country != want.Country || e.Source != want.Source || !slices.Equal(e.Aliases, want.Aliases) {
		t.Errorf("merged entry = %+v, want %+v", *e, want)
	}
}

func TestLoadKeepsSameKeyInOneFile(t *testing.T) {
	// Two officials of one name in one file are two entries.
	d, err := Load(strings.NewReader("Ali Hassan\tperson\t\tIRQ\t\nAli Hassan\tperson\t\tLBN\t\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Entries()); n != 2 {
		t.Errorf("%d entries, want 2", n)
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := mustDefault(t)
			if ms := d.Find("Hezbollah and Hamas"); len(ms) != 2 {
				t.Errorf("Find = %v", ms)
			}
			if _, ok := d.Lookup("ISIS"); !ok {
				t.Error("Lookup(ISIS) failed")
			}
		}()
	}
	wg.Wait()
}
