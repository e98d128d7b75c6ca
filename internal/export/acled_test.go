package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// interCode reads a text inter label back as its code (0 for none).
func interCode(t *testing.T, label string) int {
	t.Helper()
	if label == "" {
		return interNone
	}
	if i := slices.Index(interLabels[:], label); i > 0 {
		return i
	}
	t.Errorf("inter label %q is not the codebook's", label)
	return interNone
}

// frame is a CSV read as a data frame: a header and columns of text.
type frame struct {
	header []string
	rows   [][]string
}

func readFrame(t *testing.T, name string, data []byte) frame {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%s: %d rows, %v", name, len(rows), err)
	}
	return frame{header: rows[0], rows: rows[1:]}
}

// The types of ACLED's columns as its CSV export gives them, which pandas
// (read_csv) and R (readr) infer: integers, floats, ISO dates, text.
const (
	typeInt   = "int64"
	typeFloat = "float64"
	typeDate  = "date"
	typeText  = "object"
)

var acledTypes = map[string]string{
	"event_date": typeDate, "year": typeInt, "time_precision": typeInt, "iso": typeInt, "latitude": typeFloat,
	"longitude": typeFloat, "geo_precision": typeInt, "fatalities": typeInt, "timestamp": typeInt,
}

// inferType is the type a data-frame reader gives a column: integers when
// every value is one, then floats, then dates, else text. Empty cells are
// missing values, which fit any type; an all-empty column has none.
func inferType(vals []string) string {
	kinds := map[string]bool{}
	for _, v := range vals {
		switch {
		case v == "":
			continue
		case isInt(v):
			kinds[typeInt] = true
		case isFloat(v):
			kinds[typeFloat] = true
		case isDate(v):
			kinds[typeDate] = true
		default:
			kinds[typeText] = true
		}
	}
	switch {
	case len(kinds) == 0:
		return ""
	case kinds[typeText] || kinds[typeDate] && len(kinds) > 1:
		return typeText
	case kinds[typeDate]:
		return typeDate
	case kinds[typeFloat]:
		return typeFloat
	}
	return typeInt
}

func isInt(v string) bool   { _, err := strconv.ParseInt(v, 10, 64); return err == nil }
func isFloat(v string) bool { _, err := strconv.ParseFloat(v, 64); return err == nil }
func isDate(v string) bool  { _, err := time.Parse("2006-01-02", v); return err == nil }

// The codebook's allowed values (ACLED Codebook, tables 1 to 3;
// data/README.md).
var (
	codebookDisorder = []string{"Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"}
	codebookTypes    = map[string][]string{
		"Battles":                    {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"},
		"Protests":                   {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
		"Riots":                      {"Violent demonstration", "Mob violence"},
		"Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
		"Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
		"Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
			"Looting/property destruction", "Non-violent transfer of territory", "Other"},
	}
	codebookInter = []string{"State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
		"Civilians", "External/Other forces"}
	codebookInteraction = map[string]int{
		"State forces only": 10, "State forces-State forces": 11, "State forces-Rebel group": 12, "State forces-Political militia": 13,
		"State forces-Identity militia": 14, "State forces-Rioters": 15, "State forces-Protesters": 16, "State forces-Civilians": 17,
		"State forces-External/Other forces": 18, "Rebel group only": 20, "Rebel group-Rebel group": 22,
		"Rebel group-Political militia": 23, "Rebel group-Identity militia": 24, "Rebel group-Rioters": 25,
		"Rebel group-Protesters": 26, "Rebel group-Civilians": 27, "Rebel group-External/Other forces": 28,
		"Political militia only": 30, "Political militia-Political militia": 33, "Political militia-Identity militia": 34,
		"Political militia-Rioters": 35, "Political militia-Protesters": 36, "Political militia-Civilians": 37,
		"Political militia-External/Other forces": 38, "Identity militia only": 40, "Identity militia-Identity militia": 44,
		"Identity militia-Rioters": 45, "Identity militia-Protesters": 46, "Identity militia-Civilians": 47,
		"Identity militia-External/Other forces": 48, "Rioters only": 50, "Rioters-Rioters": 55, "Rioters-Protesters": 56,
		"Rioters-Civilians": 57, "Rioters-External/Other forces": 58, "Protesters only": 60, "Protesters-Protesters": 66,
		"Protesters-Civilians": 67, "Protesters-External/Other forces": 68, "Civilians only": 70, "Civilians-Civilians": 77,
		"External/Other forces-Civilians": 78, "External/Other forces only": 80, "External/Other forces-External/Other forces": 88,
	}
	// acledR's acled_regions.
	acledRegions = []string{"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "South Asia",
		"Southeast Asia", "Middle East", "Europe", "Caucasus and Central Asia", "Central America", "South America", "Caribbean",
		"East Asia", "North America", "Oceania", "Antarctica"}
)

// TestACLEDConformance binds dossier's CSV with rows written from ACLED's
// codebook, as rbind or pandas.concat would: the same columns in the same
// order, each column of one type across both, that type the one ACLED's
// export gives, and every coded value one the codebook allows.
func TestACLEDConformance(t *testing.T) {
	ref, err := os.ReadFile("testdata/acled_codebook_rows.csv")
	if err != nil {
		t.Fatal(err)
	}
	codebook := readFrame(t, "codebook rows", ref)
	out, _ := export(t, ACLEDCSV, Options{})
	ours := readFrame(t, "dossier", out)
	if len(ours.header) < len(codebook.header) || !slices.Equal(ours.header[:len(codebook.header)], codebook.header) {
		t.Fatalf("ACLED's columns %v\nare not the first of dossier's %v", codebook.header, ours.header)
	}
	countries, err := acledCountries()
	if err != nil {
		t.Fatal(err)
	}
	var countryNames []string
	for _, c := range countries {
		countryNames = append(countryNames, c.Name)
	}
	idRE := regexp.MustCompile(`^[A-Z]{3}\d+$`)
	for i, col := range codebook.header {
		column := func(f frame) []string {
			var vs []string
			for _, r := range f.rows {
				vs = append(vs, r[i])
			}
			return vs
		}
		theirs, mine := column(codebook), column(ours)
		want := acledTypes[col]
		if want == "" {
			want = typeText
		}
		ct, ot, bound := inferType(theirs), inferType(mine), inferType(append(slices.Clone(theirs), mine...))
		if ct != "" && ct != want || ot != "" && ot != want || bound != "" && bound != want {
			t.Errorf("column %s: codebook rows %s, dossier %q, bound %s; ACLED's type is %s", col, ct, ot, bound, want)
		}
		for frameName, vals := range map[string][]string{"codebook rows": theirs, "dossier": mine} {
			for n, v := range vals {
				if bad := badValue(col, v, countryNames); bad != "" {
					t.Errorf("%s row %d: %s %q: %s", frameName, n+1, col, v, bad)
				}
				if col == "event_id_cnty" && !idRE.MatchString(v) {
					t.Errorf("%s row %d: event_id_cnty %q", frameName, n+1, v)
				}
			}
		}
	}
	// Rows agree with themselves: sub-event type within event type,
	// interaction made of inter1 and inter2.
	for name, f := range map[string]frame{"codebook rows": codebook, "dossier": ours} {
		for n, r := range f.rows {
			v := map[string]string{}
			for i, c := range f.header {
				v[c] = r[i]
			}
			if !slices.Contains(codebookTypes[v["event_type"]], v["sub_event_type"]) {
				t.Errorf("%s row %d: sub-event type %q is not one of %q", name, n+1, v["sub_event_type"], v["event_type"])
			}
			if got, want := v["interaction"], interaction(interCode(t, v["inter1"]), interCode(t, v["inter2"]), ACLEDCodesText); got != want {
				t.Errorf("%s row %d: interaction %q of %q and %q, want %q", name, n+1, got, v["inter1"], v["inter2"], want)
			}
			if v["civilian_targeting"] != "" && v["inter2"] != "Civilians" && !isExcessiveForce(v["sub_event_type"]) {
				t.Errorf("%s row %d: civilian targeting with actor 2 %q", name, n+1, v["actor2"])
			}
			if v["event_type"] == typeBattles && (v["civilian_targeting"] != "" || strings.HasPrefix(v["assoc_actor_2"], "Civilians")) {
				t.Errorf("%s row %d: civilians coded in a battle", name, n+1)
			}
		}
	}
}

// badValue says why a value is not one the codebook allows in its column,
// or "".
func badValue(col, v string, countries []string) string {
	in := func(allowed []string) string {
		if v == "" || slices.Contains(allowed, v) {
			return ""
		}
		return "not in the codebook's list"
	}
	switch col {
	case "disorder_type":
		return in(codebookDisorder)
	case "event_type":
		if _, ok := codebookTypes[v]; !ok {
			return "not an ACLED event type"
		}
	case "inter1", "inter2":
		return in(codebookInter)
	case "interaction":
		if _, ok := codebookInteraction[v]; v != "" && !ok {
			return "not in codebook table 3"
		}
	case "civilian_targeting":
		return in([]string{"Civilian targeting"})
	case "time_precision", "geo_precision":
		return in([]string{"1", "2", "3"})
	case "region":
		return in(acledRegions)
	case "country":
		return in(countries)
	case "iso":
		if n, err := strconv.Atoi(v); err != nil || n < 0 || n > 999 {
			return "not a three-digit ISO 3166-1 numeric code"
		}
	case "fatalities":
		if n, err := strconv.Atoi(v); err != nil || n < 0 {
			return "not a count"
		}
	case "source":
		if strings.Contains(v, "/") || strings.HasSuffix(v, ".txt") {
			return "a path or address, not a publisher"
		}
	}
	return ""
}

// TestACLEDNumericCodes: --acled-codes numeric writes the older numbers,
// which bind with ACLED data read with inter_num=1; any other form is
// refused.
func TestACLEDNumericCodes(t *testing.T) {
	out, _ := export(t, ACLEDCSV, Options{ACLEDCodes: ACLEDCodesNumeric})
	f := readFrame(t, "numeric", out)
	col := func(name string) int { return slices.Index(f.header, name) }
	for n, r := range f.rows {
		i1, err1 := strconv.Atoi(r[col("inter1")])
		i2, err2 := strconv.Atoi(r[col("inter2")])
		if err1 != nil || err2 != nil || i1 < 0 || i1 > 8 || i2 < 0 || i2 > 8 {
			t.Errorf("row %d: inter1 %q, inter2 %q", n+1, r[col("inter1")], r[col("inter2")])
		}
		want := ""
		if label := interaction(i1, i2, ACLEDCodesText); label != "" {
			want = strconv.Itoa(codebookInteraction[label])
		}
		if r[col("interaction")] != want {
			t.Errorf("row %d: interaction %q of %d and %d, want %q", n+1, r[col("interaction")], i1, i2, want)
		}
	}
	_, err := Write(t.Context(), testStore(t), ACLEDCSV, &bytes.Buffer{}, Options{ACLEDCodes: "roman"})
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("codes %q: err %v", "roman", err)
	}
}

// TestACLEDCountries: ACLED's names, regions, ISO codes and prefixes
// replace the gazetteer's and the UN's.
func TestACLEDCountries(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		country, region, pref string
		iso                   int
	}{
		{"Afghanistan", "Afghanistan", "Caucasus and Central Asia", "AFG", 4},
		{"Mexico", "Mexico", "North America", "MEX", 484},
		{"Iraq", "Iraq", "Middle East", "IRQ", 368},
		{"Iran", "Iran", "Middle East", "IRN", 364},
		{"Democratic Republic of the Congo", "Democratic Republic of Congo", "Middle Africa", "DRC", 180},
		{"Republic of the Congo", "Republic of Congo", "Middle Africa", "COG", 178},
		{"Eswatini", "eSwatini", "Southern Africa", "SWA", 748},
		{"Curaçao", "Curacao", "Caribbean", "CUW", 531},
		{"Côte d'Ivoire", "Ivory Coast", "Western Africa", "CDI", 384},
		{"Czechia", "Czech Republic", "Europe", "CZE", 203},
		{"Puerto Rico", "Puerto Rico", "Caribbean", "PRT", 630}, // ACLED's acronyms, not ISO alpha-3
		{"Portugal", "Portugal", "Europe", "POR", 620},
		{"Nigeria", "Nigeria", "Western Africa", "NIG", 566},
		{"Niger", "Niger", "Western Africa", "NIR", 562},
		{"Kosovo", "Kosovo", "Europe", "XKX", 0},     // no ISO code: iso 0
		{"Iraqi", "Iraq", "Middle East", "IRQ", 368}, // a demonym, as actors' names give them
	} {
		c, ok := lookupCountry(tc.name)
		if !ok || c.Name != tc.country || c.Region != tc.region || c.Prefix != tc.pref || c.Numeric != tc.iso {
			t.Errorf("lookupCountry(%q) = %+v, want %s, %s, %s, %d", tc.name, c, tc.country, tc.region, tc.pref, tc.iso)
		}
	}
	all, err := acledCountries()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for code, c := range all {
		if !slices.Contains(acledRegions, c.Region) || len(c.Prefix) != 3 {
			t.Errorf("%s: region %q, prefix %q", code, c.Region, c.Prefix)
		}
		if other, dup := seen[c.Prefix]; dup {
			t.Errorf("prefix %s of both %s and %s", c.Prefix, other, c.Name)
		}
		seen[c.Prefix] = c.Name
	}
	if len(all) < 240 {
		t.Errorf("%d countries; ACLED lists 243", len(all))
	}
	if _, err := parseACLEDCountries([]byte("Iraq\tMiddle East\tIQ\tx\tIRQ\n")); err == nil {
		t.Error("a row with a bad iso parsed")
	}
}

// TestACLEDActors: state forces as ACLED names them, abroad as external
// forces; officials for their government, not as civilians; people's
// names out of the actor columns.
func TestACLEDActors(t *testing.T) {
	actors := []dossier.ActorSummary{
		{ID: "us", Name: "United States", Kind: dossier.KindState},
		{ID: "iq", Name: "Iraq", Kind: dossier.KindState},
		{ID: "pm", Name: "Mustafa Al-Kadhimi", Kind: dossier.KindPerson},
		{ID: "gen", Name: "Abdul Amir Yarallah", Kind: dossier.KindPerson},
		{ID: "army", Name: "Iraqi Armed Forces", Kind: dossier.KindOrganization},
		{ID: "crpf", Name: "Central Reserve Police Force", Kind: dossier.KindOrganization},
		{ID: "kh", Name: "Kata'ib Hezbollah", Kind: dossier.KindArmedGroup},
		{ID: "fighter", Name: "Abu Ali", Kind: dossier.KindPerson},
		{ID: "gunman", Name: "Tristan van der Vlis", Kind: dossier.KindPerson},
	}
	ix := &actorIndex{byID: map[string]*dossier.ActorSummary{}, byKey: map[string]*dossier.ActorSummary{}}
	for i := range actors {
		ix.byID[actors[i].ID] = &actors[i]
		ix.byKey[names.Key(actors[i].Name)] = &actors[i]
	}
	coder := &actorCoder{ix: ix, affiliations: map[string][]*dossier.ActorSummary{
		"pm": {ix.byID["iq"]}, "gen": {ix.byID["army"]}, "fighter": {ix.byID["kh"]},
	}}
	iraq, _ := lookupCountry("Iraq")
	india, _ := lookupCountry("India")
	for _, tc := range []struct {
		name, role string
		event      country
		actor      string
		inter      int
		civilian   bool
		person     string
	}{
		{"us", rolePerpetrator, iraq, "Military Forces of the United States", interOther, false, ""},
		{"iq", rolePerpetrator, iraq, "Military Forces of Iraq", interState, false, ""},
		{"army", roleTarget, iraq, "Military Forces of Iraq", interState, false, ""},
		{"crpf", roleTarget, india, "Police Forces of India", interState, false, ""},
		{"pm", roleTarget, iraq, "Government of Iraq", interState, false, "Mustafa Al-Kadhimi"},
		{"gen", roleTarget, iraq, "Military Forces of Iraq", interState, false, "Abdul Amir Yarallah"},
		{"fighter", rolePerpetrator, iraq, "Kata'ib Hezbollah", interRebel, false, "Abu Ali"},
		{"gunman", rolePerpetrator, iraq, "", interNone, false, "Tristan van der Vlis"},
		{"gunman", roleTarget, iraq, "", interNone, true, "Tristan van der Vlis"},
		{"Iraqi police", roleTarget, iraq, "Police Forces of Iraq", interState, false, ""},
		{"Turkish troops", rolePerpetrator, iraq, "Military Forces of Turkey", interOther, false, ""},
		{"gunmen", rolePerpetrator, iraq, "", interNone, false, ""},
		{"oil tanker trucks", roleTarget, iraq, "", interNone, false, ""},
	} {
		name := tc.name
		if a := ix.byID[name]; a != nil {
			name = a.Name
		}
		cd := coder.code(name, tc.role, tc.event)
		if cd.actor.name != tc.actor || cd.actor.inter != tc.inter || cd.civilian != tc.civilian || cd.person != tc.person {
			t.Errorf("code(%q as %s) = %+v, want %q %d civilian %v person %q", name, tc.role, cd, tc.actor, tc.inter, tc.civilian, tc.person)
		}
	}
	// A lone named gunman: an unidentified armed group, his name in notes.
	in := &dossier.IncidentSummary{Incident: dossier.Incident{ID: "i1", Type: typeVAC, SubType: "Attack", Title: "Shooting",
		Perpetrators: []string{"Tristan van der Vlis"}, Targets: []string{"shoppers"},
		Location: &dossier.Location{Place: "Alphen aan den Rijn", Admin1: "South Holland", Country: "Netherlands"},
		Date:     &dossier.DateRange{Start: "2011-04-09", End: "2011-04-09", Precision: dossier.PrecisionDay}}}
	nl, _ := lookupCountry("Netherlands")
	ev := coder.codeEvent(in, nl)
	if ev.a1.name != "Unidentified Armed Group (Netherlands)" || ev.a1.inter != interMilitia || len(ev.a1.assoc) != 0 ||
		ev.a2.name != "Civilians (Netherlands)" || !ev.civilianTargeting {
		t.Errorf("lone gunman: %+v", ev)
	}
	n := acledNotes(in, ev)
	for _, want := range []string{"On 9 April 2011, an unidentified armed group attacked shoppers in Alphen aan den Rijn (South Holland, Netherlands).",
		"People named: Tristan van der Vlis (perpetrator).", "[dossier incident i1, "} {
		if !strings.Contains(n, want) {
			t.Errorf("notes %q\nlack %q", n, want)
		}
	}
}

// TestACLEDSource: the source column names publishers, never a title or
// a local path; a group of copies once, by its original's site, or by a
// copy's when the original has no address.
func TestACLEDSource(t *testing.T) {
	s := func(v string) *string { return &v }
	got := publishers([]dossier.Source{
		{DocumentID: "a", Path: "/data/a.txt", Title: "Attack in Baghdad"},
		{DocumentID: "b", Path: "b.html", Source: s("https://www.reuters.com/world/x")},
		{DocumentID: "c", Path: "c.html", Source: s("https://www.reuters.com/world/y")},
		{DocumentID: "d", Path: "d.html", Source: s("https://apnews.com/z"), CopyOf: "b"},
		{DocumentID: "e", Path: "e.html", Source: s("file:///home/me/e.html")},
		{DocumentID: "f", Path: "f.html", Source: s("https://en.wikipedia.org/wiki/F")},
		{DocumentID: "g", Path: "g.html", Source: s("https://www.aljazeera.com/g"), CopyOf: "a"},
		{DocumentID: "h", Path: "h.html", Source: s("https://www.bbc.com/h"), CopyOf: "a"},
	})
	if !slices.Equal(got, []string{"reuters.com", "en.wikipedia.org", "aljazeera.com"}) {
		t.Errorf("publishers %v", got)
	}
	if got := publishers([]dossier.Source{{Path: "/data/a.txt", Title: "A"}}); len(got) != 0 {
		t.Errorf("a local file names a publisher: %v", got)
	}
}
