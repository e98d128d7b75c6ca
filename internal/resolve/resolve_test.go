package resolve

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

func loc(place, country string, lat, lon float64) *dossier.Location {
	return &dossier.Location{Place: place, Country: country, Lat: &lat, Lon: &lon, Precision: "city"}
}

func day(d string) *dossier.DateRange {
	p := map[int]string{4: dossier.PrecisionYear, 7: dossier.PrecisionMonth, 10: dossier.PrecisionDay}[len(d)]
	return &dossier.DateRange{Start: d, End: d, Precision: p}
}

var baghdad = loc("Baghdad", "Iraq", 33.34, 44.40)

func TestCompare(t *testing.T) {
	wiki := dossier.Incident{Title: "Attempted assassination of Mustafa Al-Kadhimi", Date: day("2021-11-07"), Location: baghdad,
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa Al-Kadhimi"}, Weapons: []string{"drone"}}
	sig := SignatureOf([]*dossier.Incident{&wiki})
	for _, tc := range []struct {
		name  string
		in    dossier.Incident
		merge bool
		why   string
	}{
		{"the same article elsewhere", wiki, true, "same name"},
		{"news a day off, by its publication date", dossier.Incident{Title: "Drone hits Iraqi PM's home", Date: day("2021-11-06"),
			Location: loc("Baghdad", "Iraq", 33.31, 44.36), Type: "Explosions/Remote violence", SubType: "Air/drone strike",
			Targets: []string{"Mustafa al-Kadhimi"}, Evidence: []dossier.Evidence{{Field: "date", Method: dossier.MethodMeta}}}, true, "a day apart"},
		{"undated, same place, target and weapon", dossier.Incident{Title: "Drone attack on the prime minister", Location: baghdad,
			Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa Kadhimi"}, Weapons: []string{"drones"}}, true, "same target"},
		{"same city three months later", dossier.Incident{Title: "Drone attack in Baghdad", Date: day("2022-02-07"), Location: baghdad,
			Type: "Explosions/Remote violence", SubType: "Air/drone strike", Weapons: []string{"drone"}}, false, "days apart"},
		{"same day, another city", dossier.Incident{Title: "Bombing", Date: day("2021-11-07"), Location: loc("Basra", "Iraq", 30.5, 47.8),
			Type: "Explosions/Remote violence"}, false, "km apart"},
		{"same day, another country", dossier.Incident{Title: "Attack", Date: day("2021-11-07"), Location: &dossier.Location{Country: "Syria", Precision: "country"}},
			false, "another country"},
		{"same day and country, nothing else in common", dossier.Incident{Title: "Attack", Date: day("2021-11-07"),
			Location: &dossier.Location{Country: "Iraq", Precision: "country"}, Type: "Explosions/Remote violence", SubType: "Air/drone strike"}, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Compare(FeaturesOf(&tc.in), sig)
			if m.Merges() != tc.merge {
				t.Errorf("merges %v, want %v: %s %s", m.Merges(), tc.merge, m.Reason(), m.Veto)
			}
			if tc.why != "" && !strings.Contains(m.Reason()+m.Veto, tc.why) {
				t.Errorf("reason %q / veto %q lacks %q", m.Reason(), m.Veto, tc.why)
			}
		})
	}
}

// TestSameProvinceTwoScripts: a province named in two scripts, placed by
// the gazetteer at its centre on both sides, is one place; another
// province is not.
func TestSameProvinceTwoScripts(t *testing.T) {
	province := func(place string, lat, lon float64) *dossier.Location {
		l := loc(place, "Yemen", lat, lon)
		l.Precision = "admin1"
		return l
	}
	en := dossier.Incident{Title: "Hajjah Governorate airstrike", Date: day("2018-04-22"), Location: province("Hajjah Governorate", 15.6943, 43.6058),
		Type: "Explosions/Remote violence", SubType: "Air/drone strike"}
	sig := SignatureOf([]*dossier.Incident{&en})
	ar := dossier.Incident{Title: "غارة على حفل زفاف", Date: day("2018-04-22"), Location: province("بني قيس", 15.69425, 43.60582),
		Type: "Explosions/Remote violence", SubType: "Air/drone strike"}
	if m := Compare(FeaturesOf(&ar), sig); !m.Merges() || !strings.Contains(m.Reason(), "same province") {
		t.Errorf("same province in two scripts: merges %v: %s %s", m.Merges(), m.Reason(), m.Veto)
	}
	other := ar
	other.Location = province("محافظة صعدة", 16.94, 43.76)
	if m := Compare(FeaturesOf(&other), sig); m.Merges() {
		t.Errorf("another province merges: %s", m.Reason())
	}
}

func TestAssignOneIncidentPerDocument(t *testing.T) {
	a := dossier.Incident{Title: "Baghdad clashes", Date: day("2021-11-05"), Location: baghdad, Type: "Riots", SubType: "Violent demonstration"}
	cands := []Candidate{{ID: "i1", Sig: SignatureOf([]*dossier.Incident{&a})}}
	p := Probe{Features: FeaturesOf(&a)}
	d := Assign([]Probe{p, p}, cands)
	if d[0].Incident != "i1" || d[1].Incident != "" {
		t.Errorf("decisions %+v: two reports of one document share no incident", d)
	}
	d = Assign([]Probe{{Features: FeaturesOf(&a), Exclude: []string{"i1"}}}, cands)
	if d[0].Incident != "" {
		t.Errorf("a rejected merge was made again: %+v", d)
	}
}

func TestMatchActor(t *testing.T) {
	cands := []ActorCandidate{
		{ID: "aah", Name: "Asaib Ahl al-Haq", Kind: dossier.KindArmedGroup, Names: []string{"Asaib al-Haq"}},
		{ID: "ammar", Name: "Ammar al-Hakim", Kind: dossier.KindPerson, Context: []string{"islamic supreme council"}},
		{ID: "baqir", Name: "Mohammed Baqir al-Hakim", Kind: dossier.KindPerson},
		{ID: "iraq", Name: "Iraq", Kind: dossier.KindState},
		{ID: "hakim1", Name: "Hakim", Kind: dossier.KindPerson, Context: []string{"ncrp"}},
		{ID: "is", Name: "Islamic State", Kind: dossier.KindArmedGroup, Names: []string{"ISIL", "IS"}},
		{ID: "shabaab", Name: "al-Shabaab", Kind: dossier.KindArmedGroup, Names: []string{"al-Shabab"}},
	}
	for _, tc := range []struct {
		p    ActorProbe
		want string
	}{
		{ActorProbe{Name: "Asa'ib Ahl al-Haq", Kind: dossier.KindArmedGroup}, "aah"},
		{ActorProbe{Name: "AAH", Aliases: []string{"Asaib al Haq"}, Kind: dossier.KindOrganization}, "aah"},
		{ActorProbe{Name: "Amar al-Hakim", Kind: dossier.KindPerson}, "ammar"},
		{ActorProbe{Name: "Muhammad Baqir al-Hakim", Kind: dossier.KindPerson}, "baqir"},
		{ActorProbe{Name: "Abdul Aziz al-Hakim", Kind: dossier.KindPerson}, ""},
		{ActorProbe{Name: "al-Hakim", Kind: dossier.KindPerson}, ""},
		{ActorProbe{Name: "Hakim", Kind: dossier.KindPerson, Context: []string{"ncrp"}}, "hakim1"},
		{ActorProbe{Name: "Republic of Iraq", Kind: dossier.KindState}, "iraq"},
		{ActorProbe{Name: "Iraq", Kind: dossier.KindPerson}, ""},
		{ActorProbe{Name: "Asaib Ahl al-Haq", Kind: dossier.KindArmedGroup, Exclude: []string{"aah"}}, ""},
		// a document's "also known as" never takes a name from its actor
		{ActorProbe{Name: "Al-Shabaab", Aliases: []string{"Islamic State"}, Kind: dossier.KindArmedGroup}, "shabaab"},
		{ActorProbe{Name: "Daesh", Aliases: []string{"ISIL"}, Kind: dossier.KindArmedGroup}, "is"},
	} {
		if got, why := MatchActor(tc.p, cands); got != tc.want {
			t.Errorf("%s (%s): %q (%s), want %q", tc.p.Name, tc.p.Kind, got, why, tc.want)
		}
	}
}

func TestReconcile(t *testing.T) {
	src := func(id string) dossier.Source { return dossier.Source{DocumentID: id, Path: id + ".txt"} }
	mk := func(id, group string, fat *dossier.Range, date string) Report {
		return Report{ID: "r" + id, Doc: src(id), Group: group, Incident: &dossier.Incident{Title: "Attack", Date: day(date), Fatalities: fat}}
	}
	reports := []Report{
		mk("a", "a", dossier.Exact(3), "2021-11-07"),
		mk("b", "b", dossier.Exact(3), "2021"),
		mk("c", "c", dossier.AtLeast(5), "2021-11-07"),
		mk("d", "c", dossier.AtLeast(5), "2021-11-07"), // a copy of c
	}
	rc := Reconcile("i1", reports, nil)
	s := rc.Summary
	if s.SourceCount != 3 || len(s.Sources) != 4 {
		t.Errorf("sources %d of %d, want 3 counted of 4", s.SourceCount, len(s.Sources))
	}
	if s.FatalitiesSpan.Min != 3 || s.FatalitiesSpan.Max != nil {
		t.Errorf("span %s, want 3+ (from 3 to an open bound)", RangeString(s.FatalitiesSpan))
	}
	if RangeString(s.Fatalities) != "3" {
		t.Errorf("fatalities %s, want 3, the figure most independent sources give (two; the copy counts once)", RangeString(s.Fatalities))
	}
	var fat dossier.FieldValues
	for _, f := range rc.Fields {
		if f.Field == "fatalities" {
			fat = f
		}
	}
	if len(fat.Values) != 2 || fat.Values[1].Value != "5+" || len(fat.Values[1].Sources) != 2 || fat.Values[1].Cited != 1 {
		t.Errorf("the other figure with its sources: %+v", fat.Values)
	}
	for _, e := range s.Evidence {
		if e.Field == "fatalities" {
			t.Errorf("fatalities evidence %+v from a report without evidence", e)
		}
	}
	if DateString(s.Date) != "2021-11-07" {
		t.Errorf("date %s, want the day (a year supports it)", DateString(s.Date))
	}
	if strings.Join(s.Conflicts, ",") != "fatalities" {
		t.Errorf("conflicts %v, want fatalities only (3 and 5+ disagree; 2021 contains 2021-11-07)", s.Conflicts)
	}
	rc = Reconcile("i1", reports, []dossier.Review{
		{Target: dossier.TargetIncident, TargetID: "i1", Field: "fatalities", Action: dossier.ReviewConfirm, Value: "5+"},
	})
	if RangeString(rc.Summary.Fatalities) != "5+" || len(rc.Summary.Conflicts) != 0 {
		t.Errorf("after confirming 5+: fatalities %s, conflicts %v", RangeString(rc.Summary.Fatalities), rc.Summary.Conflicts)
	}
}

func TestFingerprint(t *testing.T) {
	story := strings.Repeat("An explosive-laden drone struck the residence of the prime minister early on Sunday, officials said. ", 5)
	a := Fingerprint([]byte("BAGHDAD (AP) " + story))
	b := Fingerprint([]byte(story + " Copyright The Associated Press. All rights reserved."))
	c := Fingerprint([]byte(strings.Repeat("Gunmen opened fire on a bus carrying pilgrims near Quetta on Monday, police said. ", 5)))
	if s := Similarity(a, b); s < CopyShare {
		t.Errorf("copies: similarity %.2f", s)
	}
	if s := Similarity(a, c); s >= CopyShare {
		t.Errorf("different stories: similarity %.2f", s)
	}
	if Fingerprint([]byte("too short")) != nil {
		t.Errorf("a short text has a fingerprint")
	}
}

// A passing mention never outvotes the report of the incident itself, even
// when mentions outnumber it; the incident is the report's event, and each
// source says its role.
func TestReconcileMentionsDoNotOutvote(t *testing.T) {
	mk := func(id string, main bool, kind, sub string) Report {
		return Report{ID: "r" + id, Doc: dossier.Source{DocumentID: id}, Group: id, Main: main,
			Incident: &dossier.Incident{Title: "Attack", Kind: kind, Type: "Violence against civilians", SubType: sub}}
	}
	reports := []Report{
		mk("m1", false, dossier.IncidentMention, "Shelling/artillery/missile attack"),
		mk("m2", false, dossier.IncidentMention, "Shelling/artillery/missile attack"),
		mk("e", true, dossier.IncidentEvent, "Attack"),
	}
	s := Reconcile("i1", reports, nil).Summary
	if s.SubType != "Attack" {
		t.Errorf("sub_type %q, want the report's Attack over two mentions", s.SubType)
	}
	if s.Kind != dossier.IncidentEvent {
		t.Errorf("kind %q, want event", s.Kind)
	}
	roles := []string{}
	for _, src := range s.Sources {
		roles = append(roles, src.DocumentID+":"+src.Role)
	}
	if got := strings.Join(roles, " "); got != "m1:mention m2:mention e:report" {
		t.Errorf("roles %s", got)
	}
	// only mentions: a mention, whose value is theirs
	if s := Reconcile("i2", reports[:2], nil).Summary; s.Kind != dossier.IncidentMention || s.SubType != "Shelling/artillery/missile attack" {
		t.Errorf("mentions only: kind %q, sub_type %q", s.Kind, s.SubType)
	}
}

// TestReconcileUnidentified: the attackers sources describe but do not
// identify ("gunmen") are a field of the incident where a report gives
// them, listed once however many reports do; an incident no report gives
// them to has no such field.
func TestReconcileUnidentified(t *testing.T) {
	mk := func(id string, unknown ...string) Report {
		return Report{ID: "r" + id, Doc: dossier.Source{DocumentID: id}, Group: id,
			Incident: &dossier.Incident{Title: "Attack", Date: day("2019-05-12"), Unidentified: unknown}}
	}
	has := func(rc Reconciled) bool {
		for _, f := range rc.Fields {
			if f.Field == "unidentified" {
				return true
			}
		}
		return false
	}
	rc := Reconcile("i1", []Report{mk("a", "gunmen"), mk("b", "Gunmen"), mk("c")}, nil)
	if strings.Join(rc.Summary.Unidentified, ";") != "gunmen" || !has(rc) {
		t.Errorf("unidentified %q (field listed: %v), want gunmen once", rc.Summary.Unidentified, has(rc))
	}
	if rc := Reconcile("i2", []Report{mk("c")}, nil); len(rc.Summary.Unidentified) != 0 || has(rc) {
		t.Errorf("an incident without unidentified attackers lists %q (field listed: %v)", rc.Summary.Unidentified, has(rc))
	}
}
