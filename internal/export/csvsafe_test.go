package export

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/dossier-project/dossier"
)

// TestACLEDSpreadsheetSafe: text from documents that a spreadsheet would
// run as a formula is defused with a leading apostrophe in every text
// column; numbers, negative ones included, stay plain numbers.
func TestACLEDSpreadsheetSafe(t *testing.T) {
	lat, lon := 33.3, -44.4
	in := &dossier.IncidentSummary{Incident: dossier.Incident{
		ID:       "inc1",
		Title:    `=HYPERLINK("http://evil.example","click")`,
		Type:     "Riots",
		Location: &dossier.Location{Place: "@Place", Country: "Iraq", Lat: &lat, Lon: &lon},
		Evidence: []dossier.Evidence{{Text: "+cmd|' /C calc'!A0"}},
	}}
	ix := &actorIndex{byID: map[string]*dossier.ActorSummary{}, byKey: map[string]*dossier.ActorSummary{}}
	row := acledRow(in, &actorCoder{ix: ix}, nil, ACLEDCodesText)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(row)
	w.Flush()
	back, err := csv.NewReader(&b).Read()
	if err != nil {
		t.Fatal(err)
	}
	v := map[string]string{}
	for i, c := range ACLEDColumns {
		v[c] = back[i]
	}
	for _, c := range ACLEDColumns {
		if x := v[c]; x != "" && !numericColumns[c] && (x[0] == '=' || x[0] == '+' || x[0] == '-' || x[0] == '@') {
			t.Errorf("column %s starts a formula: %q", c, x)
		}
	}
	if v["location"] != "'@Place" || v["evidence"] != "'+cmd|' /C calc'!A0" {
		t.Errorf("location %q, evidence %q", v["location"], v["evidence"])
	}
	if v["longitude"] != "-44.4000" {
		t.Errorf("longitude %q: a number must stay a number", v["longitude"])
	}
	for in, want := range map[string]string{"=1+1": "'=1+1", "-2": "'-2", "\tx": "'\tx", "\rx": "'\rx", "Baghdad": "Baghdad", "": ""} {
		if got := spreadsheetSafe(in); got != want {
			t.Errorf("spreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
