package resolve

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// TestPlaceUndated: an undated report joins the one dated incident that
// fits it, and waits when none or several do.
func TestPlaceUndated(t *testing.T) {
	drone := func(title, date string) *dossier.Incident {
		return &dossier.Incident{Title: title, Date: day(date), Location: baghdad, Type: "Explosions/Remote violence",
			SubType: "Air/drone strike", Targets: []string{"Mustafa Al-Kadhimi"}, Weapons: []string{"drone"}}
	}
	cand := func(id string, in *dossier.Incident) Candidate {
		return Candidate{ID: id, Sig: SignatureOf([]*dossier.Incident{in})}
	}
	wiki := cand("wiki", drone("Attempted assassination of Mustafa Al-Kadhimi", "2021-11-07"))
	convoy := cand("convoy", drone("Drone attack on Kadhimi convoy", "2022-03-01"))
	named := cand("named", drone("Drone attack on Kadhimi residence", "2022-05-01"))
	undatedInc := drone("Drone attack on Kadhimi residence", "")
	undatedInc.Date = nil
	dateless := Candidate{ID: "dateless", Sig: SignatureOf([]*dossier.Incident{undatedInc})}
	erbil := cand("erbil", &dossier.Incident{Title: "Rocket attack on Erbil", Date: day("2021-02-15"), Location: loc("Erbil", "Iraq", 36.18, 44.01),
		Type: "Explosions/Remote violence", SubType: "Shelling/artillery/missile attack"})
	report := Probe{Features: FeaturesOf(undatedInc), Undated: true}
	noPlace := *undatedInc
	noPlace.Location = nil

	for _, tc := range []struct {
		name    string
		probe   Probe
		cands   []Candidate
		join    string // the incident joined, or "" when it waits
		reason  string
		nearest int
	}{
		{"one fits", report, []Candidate{wiki, erbil}, "wiki", UndatedReason, 1},
		{"none fits", report, []Candidate{erbil}, "", "undated, and no incident fits", 0},
		{"nothing stored", report, nil, "", "undated, and no incident fits", 0},
		{"two fit", report, []Candidate{wiki, convoy}, "", "undated, and 2 incidents fit", 2},
		{"a clear best is no tie", report, []Candidate{wiki, named}, "named", "same name", 2},
		{"a rejected candidate is out", Probe{Features: report.Features, Undated: true, Exclude: []string{"convoy"}},
			[]Candidate{wiki, convoy}, "wiki", UndatedReason, 1},
		{"a dateless incident is no anchor", report, []Candidate{dateless}, "", "no incident fits", 1},
		{"no place to match on", Probe{Features: FeaturesOf(&noPlace), Undated: true}, []Candidate{wiki}, "", "no place to match on", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := PlaceUndated(tc.probe, tc.cands)
			if d.Incident != tc.join || d.Wait != (tc.join == "") {
				t.Errorf("placed in %q (wait %v), want %q: %s %+v", d.Incident, d.Wait, tc.join, d.Reason, d.Nearest)
			}
			if !strings.Contains(d.Reason, tc.reason) {
				t.Errorf("reason %q lacks %q", d.Reason, tc.reason)
			}
			if len(d.Nearest) != tc.nearest {
				t.Errorf("%d nearest, want %d: %+v", len(d.Nearest), tc.nearest, d.Nearest)
			}
		})
	}

	// In Assign, the undated main report goes first and takes its
	// incident; another report of the document cannot join it too.
	other := Probe{Features: FeaturesOf(drone("Attempted assassination of Mustafa Al-Kadhimi", "2021-11-07"))}
	ds := Assign([]Probe{other, report}, []Candidate{wiki})
	if ds[1].Incident != "wiki" || ds[0].Incident != "" {
		t.Errorf("assign: %+v", ds)
	}
	own := Assign([]Probe{{Features: report.Features, Undated: true, Force: dossier.OwnIncident}}, []Candidate{wiki})
	if own[0].Incident != "" || own[0].Wait || !strings.Contains(own[0].Reason, "of its own") {
		t.Errorf("own incident by review: %+v", own)
	}
}
