package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// export runs one export into memory.
func export(t *testing.T, format string, opts Options) ([]byte, Stats) {
	t.Helper()
	var b bytes.Buffer
	stats, err := Write(t.Context(), testStore(t), format, &b, opts)
	if err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes(), stats
}

// incidents returns the store's incidents by id.
func incidents(t *testing.T, f dossier.IncidentFilter) map[string]*dossier.IncidentSummary {
	t.Helper()
	out := map[string]*dossier.IncidentSummary{}
	f.Limit = -1
	err := testStore(t).EachIncident(t.Context(), f, func(in *dossier.IncidentSummary) error {
		out[in.ID] = in
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("the test knowledge base holds no incident")
	}
	return out
}

// kadhimi finds the reference incident.
func kadhimi(t *testing.T, all map[string]*dossier.IncidentSummary) *dossier.IncidentSummary {
	t.Helper()
	for _, in := range all {
		if strings.Contains(in.Title, "assassination of Mustafa Al-Kadhimi") {
			return in
		}
	}
	t.Fatal("no Kadhimi incident in the test knowledge base")
	return nil
}

// TestACLEDCSV reads the CSV back with encoding/csv: ACLED's columns in
// ACLED's order then dossier's, one row per incident, and the codebook's
// rules on every row.
func TestACLEDCSV(t *testing.T) {
	out, stats := export(t, ACLEDCSV, Options{})
	all := incidents(t, dossier.IncidentFilter{})
	r := csv.NewReader(bytes.NewReader(out))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if !slices.Equal(rows[0], ACLEDColumns) {
		t.Fatalf("header %v", rows[0])
	}
	if len(rows)-1 != len(all) || stats.Incidents != len(all) {
		t.Fatalf("%d rows (stats %d) for %d incidents", len(rows)-1, stats.Incidents, len(all))
	}
	idRE := regexp.MustCompile(`^[A-Z]{3}\d{1,12}$`)
	ids := map[string]bool{}
	withAdmin2 := 0
	byDossierID := map[string]map[string]string{}
	for _, row := range rows[1:] {
		v := map[string]string{}
		for i, c := range ACLEDColumns {
			v[c] = row[i]
		}
		id := v["event_id_cnty"]
		if !idRE.MatchString(id) || ids[id] {
			t.Errorf("event_id_cnty %q not a three-letter prefix and a number, or repeated", id)
		}
		ids[id] = true
		m := regexp.MustCompile(`dossier id=(\S+?);`).FindStringSubmatch(v["tags"])
		if m == nil || all[m[1]] == nil {
			t.Fatalf("tags %q do not name a stored incident", v["tags"])
		}
		in := all[m[1]]
		byDossierID[in.ID] = v
		if d, err := time.Parse("2006-01-02", v["event_date"]); err != nil || v["year"] != strconv.Itoa(d.Year()) {
			t.Errorf("%s: event_date %q, year %q", id, v["event_date"], v["year"])
		}
		if !slices.Contains([]string{"1", "2", "3"}, v["time_precision"]) {
			t.Errorf("%s: time_precision %q", id, v["time_precision"])
		}
		if v["event_type"] != in.Type || v["sub_event_type"] != in.SubType {
			t.Errorf("%s: type %q/%q, want %q/%q", id, v["event_type"], v["sub_event_type"], in.Type, in.SubType)
		}
		// interaction: the two actor types, lower code first, or one type
		// "only" (ACLED's text labels by default).
		i1, i2 := interCode(t, v["inter1"]), interCode(t, v["inter2"])
		if got, want := v["interaction"], interaction(i1, i2, ACLEDCodesText); i1 != 0 && got != want {
			t.Errorf("%s: inter %q %q, interaction %q, want %q", id, v["inter1"], v["inter2"], got, want)
		}
		if (i2 == interCivilians) != strings.HasPrefix(v["actor2"], "Civilians") {
			t.Errorf("%s: actor2 %q with inter2 %q", id, v["actor2"], v["inter2"])
		}
		// the most conservative fatality figure, the range's other end after it
		f, err := strconv.Atoi(v["fatalities"])
		if err != nil || in.Fatalities != nil && f != in.Fatalities.Min {
			t.Errorf("%s: fatalities %q, want the lowest figure %+v", id, v["fatalities"], in.Fatalities)
		}
		if v["fatalities_max"] != "" {
			if fm, _ := strconv.Atoi(v["fatalities_max"]); fm < f {
				t.Errorf("%s: fatalities_max %d below fatalities %d", id, fm, f)
			}
		}
		if l := in.Location; l != nil && v["admin2"] != l.Admin2 || v["admin3"] != "" {
			t.Errorf("%s: admin2 %q admin3 %q, want the gazetteer's %+v and no admin3", id, v["admin2"], v["admin3"], in.Location)
		}
		if v["admin2"] != "" {
			withAdmin2++
		}
		lat, err1 := strconv.ParseFloat(v["latitude"], 64)
		lon, err2 := strconv.ParseFloat(v["longitude"], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			t.Errorf("%s: coordinates %q %q", id, v["latitude"], v["longitude"])
		}
		if !slices.Contains([]string{"1", "2", "3"}, v["geo_precision"]) {
			t.Errorf("%s: geo_precision %q", id, v["geo_precision"])
		}
		if ts, err := strconv.ParseInt(v["timestamp"], 10, 64); err != nil || ts < 1.5e9 {
			t.Errorf("%s: timestamp %q", id, v["timestamp"])
		}
		// source names publishers: empty for the test documents that are
		// local files without an address, never their path or title.
		if v["notes"] == "" || v["evidence"] == "" || strings.Contains(v["source"], "/") || in.Title != "" && strings.Contains(v["source"], in.Title) {
			t.Errorf("%s: source %q, empty notes or evidence", id, v["source"])
		}
	}
	if withAdmin2 == 0 {
		t.Error("no row has an admin2, although city-level places carry the gazetteer's district")
	}
	k := byDossierID[kadhimi(t, all).ID]
	for col, want := range map[string]string{"country": "Iraq", "iso": "368", "region": "Middle East", "location": "Baghdad",
		"admin1": "Baghdad", "event_date": "2021-11-07", "time_precision": "1", "geo_precision": "1", "year": "2021",
		"actor1": "Unidentified Armed Group (Iraq)", "disorder_type": "Political violence",
		// The prime minister attacked stands for his government: state
		// forces, not civilians, and his name is in notes only.
		"actor2": "Government of Iraq", "inter2": "State forces", "assoc_actor_2": "", "civilian_targeting": "",
		"interaction": "State forces-Political militia"} {
		if k[col] != want {
			t.Errorf("Kadhimi %s = %q, want %q", col, k[col], want)
		}
	}
	if !strings.HasPrefix(k["event_id_cnty"], "IRQ") || !strings.Contains(k["notes"], "Accused: ") ||
		!strings.Contains(k["notes"], "Kata'ib Hezbollah") || k["source"] != "en.wikipedia.org" ||
		!strings.Contains(k["notes"], "Mustafa Al-Kadhimi (target)") || !strings.Contains(k["notes"], "[dossier incident "+kadhimi(t, all).ID) {
		t.Errorf("Kadhimi row %v", k)
	}
	// The same export twice gives the same ids.
	again, _ := export(t, ACLEDCSV, Options{})
	if !bytes.Equal(out, again) {
		t.Error("two exports of the same knowledge base differ")
	}
}

func TestACLEDCoding(t *testing.T) {
	dates := []struct {
		d         dossier.DateRange
		date      string
		precision int
	}{
		{dossier.DateRange{Start: "2021-11-07", End: "2021-11-07", Precision: "day"}, "2021-11-07", 1},
		{dossier.DateRange{Start: "2021-11-05", End: "2021-11-07", Precision: "day"}, "2021-11-06", 2},
		{dossier.DateRange{Start: "2021-11", End: "2021-11", Precision: "month"}, "2021-11-15", 3},
		{dossier.DateRange{Start: "2024-02", Precision: "month"}, "2024-02-15", 3},
		{dossier.DateRange{Start: "2022", End: "2022", Precision: "year"}, "2022-07-02", 3},
	}
	for _, tc := range dates {
		d, p, ok := acledDate(&tc.d)
		if !ok || d != tc.date || p != tc.precision {
			t.Errorf("acledDate(%+v) = %s %d, want %s %d", tc.d, d, p, tc.date, tc.precision)
		}
	}
	for _, tc := range []struct {
		a, b          int
		text, numeric string
	}{
		{1, 3, "State forces-Political militia", "13"}, {3, 1, "State forces-Political militia", "13"},
		{6, 0, "Protesters only", "60"}, {0, 6, "Protesters only", "60"}, {2, 7, "Rebel group-Civilians", "27"},
		{8, 8, "External/Other forces-External/Other forces", "88"}, {0, 0, "", ""},
	} {
		if got := interaction(tc.a, tc.b, ACLEDCodesText); got != tc.text {
			t.Errorf("interaction(%d, %d) = %q, want %q", tc.a, tc.b, got, tc.text)
		}
		if got := interaction(tc.a, tc.b, ACLEDCodesNumeric); got != tc.numeric {
			t.Errorf("numeric interaction(%d, %d) = %q, want %q", tc.a, tc.b, got, tc.numeric)
		}
	}
	ix := &actorIndex{byID: map[string]*dossier.ActorSummary{}, byKey: map[string]*dossier.ActorSummary{}}
	for _, a := range []dossier.ActorSummary{{ID: "a1", Name: "Islamic State", Kind: dossier.KindArmedGroup},
		{ID: "a2", Name: "Adil Ahmad Dar", Kind: dossier.KindPerson}, {ID: "a3", Name: "Iraqi Armed Forces", Kind: dossier.KindOrganization}} {
		a := a
		ix.byID[a.ID] = &a
		ix.byKey[names.Key(a.Name)] = &a
	}
	coder := &actorCoder{ix: ix}
	iraq, _ := lookupCountry("Iraq")
	in := &dossier.IncidentSummary{Incident: dossier.Incident{Type: typeExplosions, Perpetrators: []string{"Adil Ahmad Dar", "Islamic State"},
		Targets: []string{"Iraqi Armed Forces", "students"}}}
	ev := coder.codeEvent(in, iraq)
	if ev.a1.name != "Islamic State" || ev.a1.inter != interRebel || len(ev.a1.assoc) != 0 {
		t.Errorf("actor1 %+v: the group, not its member", ev.a1)
	}
	if !slices.Equal(ev.people, []string{"Adil Ahmad Dar (perpetrator)"}) {
		t.Errorf("people %v: the member's name goes to notes", ev.people)
	}
	if ev.a2.name != "Military Forces of Iraq" || ev.a2.inter != interState || !slices.Equal(ev.a2.assoc, []string{"Civilians (Iraq)"}) {
		t.Errorf("actor2 %+v", ev.a2)
	}
	in.Type = typeVAC
	if ev := coder.codeEvent(in, iraq); ev.a2.name != "Civilians (Iraq)" || ev.a2.inter != interCivilians ||
		!slices.Equal(ev.a2.assoc, []string{"Students (Iraq)"}) || !ev.civilianTargeting {
		t.Errorf("violence against civilians: actor2 %+v", ev.a2)
	}
}

// TestJSONL reads every line back as a full incident record.
func TestJSONL(t *testing.T) {
	out, stats := export(t, JSONL, Options{})
	all := incidents(t, dossier.IncidentFilter{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(all) || stats.Incidents != len(all) {
		t.Fatalf("%d lines for %d incidents", len(lines), len(all))
	}
	var k *dossier.IncidentDetail
	for i, l := range lines {
		var bounds struct {
			DateStart     *string `json:"date_start"`
			DateEnd       *string `json:"date_end"`
			DatePrecision *string `json:"date_precision"`
		}
		if err := json.Unmarshal([]byte(l), &bounds); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		// the record is the full incident plus its date's bounds, and nothing else
		var m map[string]json.RawMessage
		json.Unmarshal([]byte(l), &m)
		delete(m, "date_start")
		delete(m, "date_end")
		delete(m, "date_precision")
		rest, _ := json.Marshal(m)
		var d dossier.IncidentDetail
		dec := json.NewDecoder(strings.NewReader(string(rest)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if d.Date != nil && (bounds.DateStart == nil || len(*bounds.DateStart) != 10 || bounds.DateEnd == nil || len(*bounds.DateEnd) != 10 || *bounds.DateEnd < *bounds.DateStart) {
			t.Errorf("line %d: date %+v gives bounds %v..%v, want two full dates", i+1, d.Date, bounds.DateStart, bounds.DateEnd)
		}
		if all[d.ID] == nil || len(d.Sources) == 0 || len(d.Reports) == 0 || len(d.Fields) == 0 {
			t.Errorf("line %d: incident %q with %d sources, %d reports, %d fields", i+1, d.ID, len(d.Sources), len(d.Reports), len(d.Fields))
		}
		if d.ID == kadhimi(t, all).ID {
			k = &d
		}
	}
	if k == nil || len(k.Claims) == 0 || len(k.Statements) == 0 || len(k.Sources) < 2 {
		t.Fatalf("the Kadhimi record lacks its claims ledger, statements or sources: %+v", k)
	}
}

// TestGeoJSON reads the FeatureCollection back and checks it as RFC 7946
// says: points in longitude, latitude order.
func TestGeoJSON(t *testing.T) {
	out, stats := export(t, GeoJSON, Options{})
	all := incidents(t, dossier.IncidentFilter{})
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			ID       string `json:"id"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(out, &fc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != stats.Incidents || stats.Incidents+stats.Skipped != len(all) {
		t.Fatalf("type %q, %d features, stats %+v, %d incidents", fc.Type, len(fc.Features), stats, len(all))
	}
	for _, f := range fc.Features {
		in := all[f.ID]
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 || in == nil {
			t.Fatalf("feature %+v", f)
		}
		lon, lat := f.Geometry.Coordinates[0], f.Geometry.Coordinates[1]
		if lon != *in.Location.Lon || lat != *in.Location.Lat {
			t.Errorf("%s: coordinates %v, want [lon %v, lat %v]", f.ID, f.Geometry.Coordinates, *in.Location.Lon, *in.Location.Lat)
		}
		for _, p := range []string{"title", "event_type", "date", "fatalities", "country", "sources"} {
			if _, ok := f.Properties[p]; !ok {
				t.Errorf("%s: no property %q", f.ID, p)
			}
		}
		if f.Properties["title"] != in.Title {
			t.Errorf("%s: title %v", f.ID, f.Properties["title"])
		}
		if a2, ok := f.Properties["admin2"]; !ok || in.Location.Admin2 == "" && a2 != nil || in.Location.Admin2 != "" && a2 != in.Location.Admin2 {
			t.Errorf("%s: admin2 %v, want the location's %q (null when unknown)", f.ID, a2, in.Location.Admin2)
		}
		// no empty strings: a missing value is null
		for k, v := range f.Properties {
			if v == "" {
				t.Errorf("%s: property %q is \"\", want null", f.ID, k)
			}
		}
		// the date's bounds are full dates; a day-precision date alone has a "date"
		ds, de := f.Properties["date_start"], f.Properties["date_end"]
		if in.Date != nil {
			s, ok1 := ds.(string)
			e, ok2 := de.(string)
			if !ok1 || !ok2 || len(s) != 10 || len(e) != 10 || e < s {
				t.Errorf("%s: date %+v gives bounds %v..%v", f.ID, in.Date, ds, de)
			}
			if in.Date.Precision != dossier.PrecisionDay && f.Properties["date"] != nil {
				t.Errorf("%s: a %s-precision date has a single day %v", f.ID, in.Date.Precision, f.Properties["date"])
			}
		}
	}
	// Baghdad is at 44.4 E, 33.3 N: longitude first.
	k := kadhimi(t, all)
	for _, f := range fc.Features {
		if f.ID == k.ID && (f.Geometry.Coordinates[0] < 44 || f.Geometry.Coordinates[0] > 45) {
			t.Errorf("Baghdad at %v", f.Geometry.Coordinates)
		}
	}
}

// graphml is the part of GraphML the test reads, in its namespace.
type graphml struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string      `xml:"edgedefault,attr"`
		Nodes       []graphItem `xml:"node"`
		Edges       []graphItem `xml:"edge"`
	} `xml:"graph"`
}

type graphItem struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

func (g graphItem) get(key string) string {
	for _, d := range g.Data {
		if d.Key == key {
			return d.Value
		}
	}
	return ""
}

// TestGraphML reads the network back with encoding/xml: the standard
// namespace, a key declared for every attribute used, every edge between
// written nodes, relations with their predicate and evidence.
func TestGraphML(t *testing.T) {
	out, stats := export(t, GraphML, Options{})
	var g graphml
	if err := xml.Unmarshal(out, &g); err != nil {
		t.Fatalf("not GraphML: %v", err)
	}
	keys := map[string]string{}
	for _, k := range g.Keys {
		keys[k.ID] = k.For
	}
	for _, k := range []string{"label", "kind", "aliases", "predicate", "evidence", "weight"} {
		if keys[k] == "" {
			t.Errorf("no key declared for %q", k)
		}
	}
	nodes := map[string]graphItem{}
	for _, n := range g.Graph.Nodes {
		if _, dup := nodes[n.ID]; dup {
			t.Errorf("node %s twice", n.ID)
		}
		nodes[n.ID] = n
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: data key %q not declared for nodes", n.ID, d.Key)
			}
		}
	}
	relations := 0
	for _, e := range g.Graph.Edges {
		if _, ok := nodes[e.Source]; !ok {
			t.Errorf("edge %s from unknown node %s", e.ID, e.Source)
		}
		if _, ok := nodes[e.Target]; !ok {
			t.Errorf("edge %s to unknown node %s", e.ID, e.Target)
		}
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge %s: data key %q not declared for edges", e.ID, d.Key)
			}
		}
		p := e.get("predicate")
		if isRole(p) {
			continue
		}
		relations++
		if !slices.Contains([]string{dossier.PredLeaderOf, dossier.PredMemberOf, dossier.PredFounded, dossier.PredBackedBy,
			dossier.PredSpokespersonOf, dossier.PredPartOf}, p) || e.get("evidence") == "" {
			t.Errorf("relation edge %s: predicate %q, evidence %q", e.ID, p, e.get("evidence"))
		}
		if nodes[e.Source].get("kind") == "incident" || nodes[e.Target].get("kind") == "incident" {
			t.Errorf("relation %s touches an incident", e.ID)
		}
	}
	if g.Graph.EdgeDefault != "directed" || relations == 0 || relations != stats.Relations || len(nodes) != stats.Actors+stats.Incidents {
		t.Errorf("edgedefault %q, %d relations, %d nodes, stats %+v", g.Graph.EdgeDefault, relations, len(nodes), stats)
	}
	// Asaib Ahl al-Haq, one actor under its spellings.
	found := false
	for _, n := range nodes {
		if strings.Contains(n.get("label")+n.get("aliases"), "Asaib") && n.get("kind") == dossier.KindArmedGroup {
			found = true
		}
	}
	if !found {
		t.Error("no armed group node for Asaib Ahl al-Haq")
	}

	// A filter keeps the incidents it selects and their actors.
	out, fstats := export(t, GraphML, Options{Filter: dossier.IncidentFilter{Country: "Pakistan"}})
	var fg graphml
	if err := xml.Unmarshal(out, &fg); err != nil {
		t.Fatal(err)
	}
	if fstats.Incidents != len(incidents(t, dossier.IncidentFilter{Country: "Pakistan"})) || len(fg.Graph.Nodes) >= len(g.Graph.Nodes) {
		t.Errorf("filtered graph: %+v, %d nodes of %d", fstats, len(fg.Graph.Nodes), len(g.Graph.Nodes))
	}
}

// TestJSONLD reads the document back: one @context naming schema.org, a
// @graph of Events with Place, GeoCoordinates, dates, actors and sources.
func TestJSONLD(t *testing.T) {
	out, stats := export(t, JSONLD, Options{})
	all := incidents(t, dossier.IncidentFilter{})
	var doc struct {
		Context []any            `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(doc.Context) == 0 || doc.Context[0] != "https://schema.org/" {
		t.Errorf("@context %v", doc.Context)
	}
	if len(doc.Graph) != len(all) || stats.Incidents != len(all) {
		t.Fatalf("%d events for %d incidents", len(doc.Graph), len(all))
	}
	k := kadhimi(t, all)
	for _, e := range doc.Graph {
		if e["@type"] != "Event" || e["name"] == "" || !strings.HasPrefix(e["@id"].(string), "urn:dossier:incident:") {
			t.Errorf("event %v", e)
		}
		if e["identifier"] != k.ID {
			continue
		}
		if e["startDate"] != "2021-11-07" {
			t.Errorf("startDate %v", e["startDate"])
		}
		loc, _ := e["location"].(map[string]any)
		geo, _ := loc["geo"].(map[string]any)
		if loc["@type"] != "Place" || loc["name"] != "Baghdad" || geo["@type"] != "GeoCoordinates" || geo["latitude"] == nil || geo["longitude"] == nil {
			t.Errorf("location %v", loc)
		}
		about, _ := e["about"].([]any)
		if len(about) == 0 {
			t.Errorf("no actors in about: %v", e)
		}
		for _, a := range about {
			m := a.(map[string]any)
			if m["@type"] == nil || m["name"] == nil || !strings.HasPrefix(m["@id"].(string), "urn:dossier:actor:") {
				t.Errorf("actor %v", m)
			}
		}
		works, _ := e["subjectOf"].([]any)
		urls := 0
		for _, w := range works {
			if m := w.(map[string]any); m["@type"] == "CreativeWork" && m["url"] != nil {
				urls++
			}
		}
		if len(works) < 2 || urls == 0 {
			t.Errorf("sources %v", works)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	_, err := Write(t.Context(), testStore(t), "xlsx", &bytes.Buffer{}, Options{})
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Fatalf("err %v", err)
	}
}
