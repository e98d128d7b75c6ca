package resolve

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// clusterNodes: three reports of the drone attack on the prime minister
// (an article, a news report a day off by its publication date, an undated
// report), one of a bombing in Basra that day, one of a drone attack in
// Baghdad three months later, and a second report of the first document
// (a passing mention of the Soleimani strike).
func clusterNodes() []Node {
	mk := func(id, doc string, main, undated bool, in dossier.Incident) Node {
		return Node{ID: id, Doc: doc, Main: main, Undated: undated, Features: FeaturesOf(&in)}
	}
	pm := dossier.Incident{Title: "Attempted assassination of Mustafa Al-Kadhimi", Date: day("2021-11-07"), Location: baghdad,
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa Al-Kadhimi"}, Weapons: []string{"drone"}}
	news := dossier.Incident{Title: "Drone hits Iraqi PM's home", Date: day("2021-11-06"), Location: loc("Baghdad", "Iraq", 33.31, 44.36),
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa al-Kadhimi"},
		Evidence: []dossier.Evidence{{Field: "date", Method: dossier.MethodMeta}}}
	undated := dossier.Incident{Title: "Drone attack on the prime minister", Location: baghdad,
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa Kadhimi"}, Weapons: []string{"drones"}}
	basra := dossier.Incident{Title: "Bombing", Date: day("2021-11-07"), Location: loc("Basra", "Iraq", 30.5, 47.8), Type: "Explosions/Remote violence"}
	later := dossier.Incident{Title: "Drone attack in Baghdad", Date: day("2022-02-07"), Location: baghdad,
		Type: "Explosions/Remote violence", SubType: "Air/drone strike", Weapons: []string{"drone"}}
	soleimani := dossier.Incident{Title: "Assassination of Qasem Soleimani", Date: day("2020-01-03"), Location: baghdad,
		Type: "Explosions/Remote violence", SubType: "Air/drone strike"}
	return []Node{
		mk("r-article", "d-article", true, false, pm),
		mk("r-news", "d-news", true, false, news),
		mk("r-undated", "d-undated", true, true, undated),
		mk("r-basra", "d-basra", true, false, basra),
		mk("r-later", "d-later", true, false, later),
		mk("r-mention", "d-article", false, false, soleimani),
	}
}

func TestClusterGroupsAndNames(t *testing.T) {
	got := Cluster(clusterNodes(), nil, nil)
	pm := got["r-article"].Incident
	if pm != IncidentID("r-article") {
		t.Errorf("the incident's id %s, want its smallest main report's", pm)
	}
	for _, r := range []string{"r-news", "r-undated"} {
		if got[r].Incident != pm {
			t.Errorf("%s in %q, want with the article (%s)", r, got[r].Incident, got[r].Reason)
		}
	}
	if !strings.HasPrefix(got["r-news"].Reason, "merged, score") || got["r-news"].Score < MergeScore {
		t.Errorf("reason %q score %v", got["r-news"].Reason, got["r-news"].Score)
	}
	if !strings.HasPrefix(got["r-undated"].Reason, UndatedReason) {
		t.Errorf("undated reason %q", got["r-undated"].Reason)
	}
	for _, r := range []string{"r-basra", "r-later", "r-mention"} {
		if got[r].Incident == pm || got[r].Incident != IncidentID(r) || got[r].Reason != "new incident" {
			t.Errorf("%s: %+v, want an incident of its own", r, got[r])
		}
	}
}

// TestClusterAnyOrder: the same reports in any order give the same result.
func TestClusterAnyOrder(t *testing.T) {
	want := Cluster(clusterNodes(), nil, nil)
	for seed := uint64(0); seed < 20; seed++ {
		ns := clusterNodes()
		r := rand.New(rand.NewPCG(seed, 7))
		r.Shuffle(len(ns), func(i, j int) { ns[i], ns[j] = ns[j], ns[i] })
		if got := Cluster(ns, nil, nil); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %d gives another clustering:\n%v\nwant\n%v", seed, got, want)
		}
	}
}

func TestClusterReviews(t *testing.T) {
	// kept apart: the news report from the article, and so from its incident
	got := Cluster(clusterNodes(), nil, []Link{{A: "r-news", B: "r-article"}})
	if got["r-news"].Incident == got["r-article"].Incident {
		t.Errorf("a rejected merge is made again: %+v", got["r-news"])
	}
	// kept together: the later attack with the article
	got = Cluster(clusterNodes(), []Link{{A: "r-later", B: "r-article"}}, nil)
	if got["r-later"].Incident != got["r-article"].Incident {
		t.Errorf("a review's merge is undone: %+v", got["r-later"])
	}
	// alone
	ns := clusterNodes()
	ns[1].Alone = true
	got = Cluster(ns, nil, nil)
	if got["r-news"].Incident != IncidentID("r-news") || got["r-news"].Reason != "an incident of its own, by review" {
		t.Errorf("own incident: %+v", got["r-news"])
	}
}

// TestClusterVetoAcrossCluster: a chain of reports a day apart each does
// not pull in a report that cannot be the same incident as one already in.
func TestClusterVetoAcrossCluster(t *testing.T) {
	mk := func(id, d string) Node {
		in := dossier.Incident{Title: "Siege of the hotel", Date: day(d), Location: baghdad, Type: "Battles", SubType: "Armed clash",
			Targets: []string{"Rashid Hotel"}}
		return Node{ID: id, Doc: "d" + id, Main: true, Features: FeaturesOf(&in)}
	}
	got := Cluster([]Node{mk("a", "2021-11-06"), mk("b", "2021-11-07"), mk("c", "2021-11-08")}, nil, nil)
	if got["a"].Incident == got["c"].Incident {
		t.Errorf("reports two days apart in one incident: %v", got)
	}
	if got["b"].Incident != got["a"].Incident && got["b"].Incident != got["c"].Incident {
		t.Errorf("the middle report joined neither: %v", got)
	}
}

func TestOriginal(t *testing.T) {
	full := ProseShingles([]byte(strings.Repeat("The bombing in the market killed many people and wounded others. ", 2) +
		"Police said the attackers fled in a car towards the river district. Witnesses described a second blast an hour later near the mosque."))
	abridged := ProseShingles([]byte("The bombing in the market killed many people and wounded others. Police said the attackers fled in a car towards the river district."))
	for _, tc := range []struct {
		name  string
		group []CopyDoc
		want  string
	}{
		{"the earliest published", []CopyDoc{{ID: "b", Published: "2021-11-08"}, {ID: "a", Published: "2021-11-07"}}, "a"},
		{"a dated one before an undated one", []CopyDoc{{ID: "a"}, {ID: "b", Published: "2021-11-08"}}, "b"},
		{"the full text, not the abridged copy", []CopyDoc{{ID: "a", Size: 100, Prose: abridged}, {ID: "b", Size: 300, Prose: full}}, "b"},
		{"the same prose: the one without added furniture", []CopyDoc{{ID: "a", Size: 400, Prose: full}, {ID: "b", Size: 300, Prose: full}}, "b"},
		{"then the smallest id", []CopyDoc{{ID: "b", Size: 300}, {ID: "a", Size: 300}}, "a"},
	} {
		if got := Original(tc.group); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	if c := Containment(abridged, full); c < ContainShare {
		t.Errorf("an abridged copy is contained %.2f, want ≥ %.2f", c, ContainShare)
	}
}

// TestClusterBigComponent: past pairwiseMax reports the clustering is
// sequential, and still one incident per event whatever the order.
func TestClusterBigComponent(t *testing.T) {
	var ns []Node
	for i := 0; i < pairwiseMax+100; i++ {
		in := dossier.Incident{Title: "Drone attack on the prime minister", Date: day("2021-11-07"), Location: baghdad,
			Type: "Explosions/Remote violence", SubType: "Air/drone strike", Targets: []string{"Mustafa Al-Kadhimi"}}
		ns = append(ns, Node{ID: fmt.Sprintf("r%04d", i), Doc: fmt.Sprintf("d%04d", i), Main: true, Features: FeaturesOf(&in)})
	}
	for i := 0; i < 5; i++ {
		in := dossier.Incident{Title: "Bombing of the Basra market", Date: day("2021-11-07"), Location: loc("Basra", "Iraq", 30.5, 47.8),
			Type: "Explosions/Remote violence", SubType: "Remote explosive/landmine/IED", Targets: []string{"market"}}
		ns = append(ns, Node{ID: fmt.Sprintf("b%d", i), Doc: fmt.Sprintf("e%d", i), Main: true, Features: FeaturesOf(&in)})
	}
	want := Cluster(ns, nil, nil)
	ids := map[string]int{}
	for _, p := range want {
		ids[p.Incident]++
	}
	if len(ids) != 2 || ids[IncidentID("r0000")] != pairwiseMax+100 || ids[IncidentID("b0")] != 5 {
		t.Errorf("incidents %v, want two: r0000's with %d reports and b0's with 5", ids, pairwiseMax+100)
	}
	r := rand.New(rand.NewPCG(3, 9))
	r.Shuffle(len(ns), func(i, j int) { ns[i], ns[j] = ns[j], ns[i] })
	if got := Cluster(ns, nil, nil); !reflect.DeepEqual(got, want) {
		t.Error("another order gives another clustering")
	}
}
