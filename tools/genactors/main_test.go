package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const sample = `# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_
+HELMAND # a province

HAMAS_  #  kkl 21 Mar 13
+ISLAMIC_RESISTANCE_MOVEMENT
+KHALED_MESHAAL
	[PSEREBHMS]
HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+PRESIDENT_KARZAI_
	[AFGELI 750101-000101]
	[AFGGOV >011222]
	[AFGELI]
ZAHIR_SHAH_OLD_  # CountryInfo.txt
	[AFGGOV 331108-730717]
U.N._
UN_SECRETARY_GENERAL
	[IGOUNO]
INDIAN_OCEAN  [---]
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13
+ARMY_OF_MOHAMMED+_ISLAMIC_ADEN_ARMY_
`

func TestParseActors(t *testing.T) {
	es, err := parseActors(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*rawEntry{}
	for _, e := range es {
		byName[e.Name] = e
	}
	if got := byName["AFGHANISTAN_"]; got == nil || !slices.Equal(got.Aliases, []string{"AFGHAN_", "KABUL_", "HELMAND"}) || got.Codes[0].Code != "AFG" {
		t.Errorf("AFGHANISTAN_ = %+v", got)
	}
	if got := byName["HAMAS_"]; got == nil || len(got.Codes) != 1 || got.Codes[0].Code != "PSEREBHMS" {
		t.Errorf("HAMAS_ codes after its synonyms = %+v", got)
	}
	k := byName["HAMID_KARZAI_"]
	if k == nil || len(k.Codes) != 3 || k.Codes[1].Start != 20011222 || k.Codes[1].End != 0 || !k.Codes[1].Dated {
		t.Errorf("HAMID_KARZAI_ codes = %+v", k)
	}
	if !strings.Contains(k.Comment, "CountryInfo") {
		t.Errorf("comment = %q", k.Comment)
	}
	if un := byName["U.N._"]; un == nil || len(un.Codes) != 1 || un.Codes[0].Code != "IGOUNO" {
		t.Errorf("an entry without codes shares the next ones: %+v", un)
	}
	if io := byName["INDIAN_OCEAN"]; io == nil || len(io.Codes) != 1 || io.Codes[0].Code != "---" {
		t.Errorf("INDIAN_OCEAN = %+v", io)
	}
	if a := byName["ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_"]; a == nil || len(a.Aliases) != 2 {
		t.Errorf("two synonyms on one line: %+v", a)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]int{"011222": 20011222, "730717": 19730717, "20041207": 20041207, "9008223": 19900101} {
		got, err := parseDate(in)
		if err != nil || got != want {
			t.Errorf("parseDate(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := parseDate("2010050111"); err == nil {
		t.Error("parseDate accepted ten digits")
	}
}

func TestCase(t *testing.T) {
	l, err := loadLists()
	if err != nil {
		t.Fatal(err)
	}
	c := caser{acronyms: l.acronyms}
	tests := []struct{ in, want string }{
		{"KATA'IB HEZBOLLAH", "Kata'ib Hezbollah"},
		{"ANSAR AL-SHARIA", "Ansar al-Sharia"},
		{"AL-QAEDA IN THE ARABIAN PENINSULA", "Al-Qaeda in the Arabian Peninsula"},
		{"LASHKAR-E-TAIBA", "Lashkar-e-Taiba"},
		{"OSAMA BIN LADEN", "Osama bin Laden"},
		{"ISIL", "ISIL"},
		{"PKK", "PKK"},
		{"U.N. SECURITY COUNCIL", "U.N. Security Council"},
		{"UN", "UN"},
		{"ROBERT MCNAMARA", "Robert McNamara"},
		{"MICHAEL O'KENNEDY", "Michael O'Kennedy"},
		{"PEOPLE'S REPUBLIC OF CHINA", "People's Republic of China"},
		{"3RD CONTINENTAL CONGRESS", "3rd Continental Congress"},
		{"MR ASSAD", "Mr Assad"},
		{"POPE JOHN PAUL II", "Pope John Paul II"},
	}
	for _, tt := range tests {
		if got := c.Case(tt.in); got != tt.want {
			t.Errorf("Case(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	e := c.withEntry([]string{"AL-QAEDA IN THE ARABIAN PENINSULA"}, []string{"XYZ"})
	if got := e.Case("AQAP"); got != "AQAP" {
		t.Errorf("initials of the entry: %q", got)
	}
	if got := e.Case("XYZ GROUP"); got != "XYZ Group" {
		t.Errorf("parenthesized acronym: %q", got)
	}
}

func TestCountryForm(t *testing.T) {
	ref := []string{"Afghanistan", "Afghan", "AFGHANISTAN"}
	for _, keep := range []string{"AFGHAN", "AFGHANESTAN", "ISLAMIC REPUBLIC OF AFGHANISTAN", "THE AFGHANISTAN"} {
		if !countryForm(keep, ref) {
			t.Errorf("countryForm(%q) = false, want true", keep)
		}
	}
	for _, drop := range []string{"KABUL", "HELMAND", "GRAVEYARD OF EMPIRES", "SOVIET OCCUPIED AFGHANISTAN", "KANDAHAR"} {
		if countryForm(drop, ref) {
			t.Errorf("countryForm(%q) = true, want false", drop)
		}
	}
	us := []string{"United States", "UNITED STATES OF AMERICA"}
	for _, keep := range []string{"US", "U.S.", "USA", "U.S.A."} {
		if !countryForm(keep, us) {
			t.Errorf("countryForm(%q) for the United States = false", keep)
		}
	}
	if countryForm("NEW YORK", us) || countryForm("TUNIS", []string{"Tunisia"}) {
		t.Error("a city passed for a country")
	}
}

// TestBuild runs the builder on the sample and checks what it keeps.
func TestBuild(t *testing.T) {
	l, err := loadLists()
	if err != nil {
		t.Fatal(err)
	}
	es, err := parseActors(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	b := newBuilder(l)
	b.learnGivenNames(es)
	for _, e := range es {
		b.add("Countries", e)
	}
	b.dedupeStates()
	b.tidy()
	got := map[string]*actor{}
	for _, a := range b.sorted() {
		got[a.Name] = a
	}
	if a := got["Afghanistan"]; a == nil || a.Kind != kindState || slices.Contains(a.Aliases, "Kabul") || !slices.Contains(a.Aliases, "Afghan") {
		t.Errorf("Afghanistan = %+v", a)
	}
	if a := got["Hamid Karzai"]; a == nil || a.Kind != kindPerson || len(a.Aliases) != 0 || a.Country != "AFG" {
		t.Errorf("Hamid Karzai (one-word synonyms dropped) = %+v", a)
	}
	if _, ok := got["Zahir Shah Old"]; ok {
		t.Error("an official of before 2005 was kept")
	}
	if a := got["Hamas"]; a == nil || a.Kind != kindArmedGroup || slices.Contains(a.Aliases, "Khaled Meshaal") {
		t.Errorf("Hamas = %+v", a)
	}
	if a := got["Khaled Meshaal"]; a == nil || a.Kind != kindPerson {
		t.Errorf("a person listed under a group is an entry of its own: %+v", a)
	}
	if _, ok := got["Indian Ocean"]; ok {
		t.Error("an entry coded [---] was kept")
	}
	if a := got["Aden Abyan Islamic Army"]; a == nil || !slices.Contains(a.Aliases, "AAIA") {
		t.Errorf("acronym in parentheses: %+v", a)
	}
}

// TestGeneratedFileIsCurrent regenerates phoenix.tsv from the Phoenix
// files in shared/ and compares it with the committed one.
func TestGeneratedFileIsCurrent(t *testing.T) {
	root := filepath.Join("..", "..")
	phoenix := filepath.Join(root, "..", "shared", "data", "phoenix")
	if _, err := os.Stat(phoenix); err != nil {
		t.Skipf("no Phoenix dictionaries at %s", phoenix)
	}
	out := filepath.Join(t.TempDir(), "phoenix.tsv")
	m := &Main{PhoenixDir: phoenix, Out: out, Stderr: io.Discard}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "internal", "actordict", "data", "phoenix.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("internal/actordict/data/phoenix.tsv is stale: run go run ./tools/genactors from the repository root")
	}
}
