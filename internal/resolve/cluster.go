package resolve

import (
	"fmt"
	"sort"

	"github.com/dossier-project/dossier"
)

// Clustering places a set of reports into incidents as a function of the
// set alone: the same reports, handed over in any order, in one run or
// many, give the same incidents with the same ids. Ingest places each
// document as it comes (Assign, against the incidents stored so far); a
// store then settles the reports it touched by clustering them again with
// everything they connect to (the component), which is what makes the
// knowledge base independent of the order its documents arrived in.
//
// The clustering is greedy and best first: every pair of reports whose
// match merges is an edge, taken from the strongest score down (ties by the
// reports' ids), and joins the two reports' clusters unless some pair across
// them cannot be the same incident (a veto: dates or places too far apart,
// another country), comes from one document (a document that names two
// incidents means two), or was kept apart by a review. Undated reports of a
// document's own incident (Probe.Undated) are placed afterwards: each joins
// the one cluster that fits it (PlaceUndated, against the dated reports
// only, so that undated reports never decide for one another) or waits.

// Node is one report to cluster.
type Node struct {
	ID       string // the report's id: stable, derived from its document and its place there
	Doc      string // its document
	Main     bool   // the document's own incident
	Features Features
	Undated  bool // a document's own report with no date (placed last)
	Alone    bool // a review gave it an incident of its own
}

// Link ties two reports: kept together (Must) or kept apart (Cannot) by a
// review.
type Link struct{ A, B string }

// Placement is where the clustering put one report.
type Placement struct {
	Incident string // empty when the report waits (an undated report no single incident fits)
	Score    float64
	Reason   string
	Wait     *Decision // set when the report waits: its reason and nearest incidents
}

// Clustered is the result: each report's placement, by report id.
type Clustered map[string]Placement

// Cluster places every node. must and cannot come from reviews.
func Cluster(nodes []Node, must, cannot []Link) Clustered {
	ns := append([]Node(nil), nodes...)
	sort.Slice(ns, func(a, b int) bool { return ns[a].ID < ns[b].ID })
	idx := make(map[string]int, len(ns))
	for i, n := range ns {
		idx[n.ID] = i
	}
	var dated []int
	for i, n := range ns {
		if !n.Undated {
			dated = append(dated, i)
		}
	}
	n := len(ns)
	sigs := make([]*Signature, n)
	for i := range ns {
		sigs[i] = &Signature{}
		sigs[i].Add(ns[i].Features)
	}

	// Pairs: vetoes and edges.
	apart := newBits(n)
	type edge struct {
		a, b int
		m    Match
	}
	var edges []edge
	for x := 0; x < len(dated); x++ {
		i := dated[x]
		for y := x + 1; y < len(dated); y++ {
			j := dated[y]
			if ns[i].Doc == ns[j].Doc || ns[i].Alone || ns[j].Alone {
				apart.set(i, j, n)
				continue
			}
			m := PairMatch(ns[i].Features, sigs[i], ns[j].Features, sigs[j])
			if m.Veto != "" {
				apart.set(i, j, n)
				continue
			}
			if m.Merges() {
				edges = append(edges, edge{i, j, m})
			}
		}
	}
	for _, l := range cannot {
		i, ok1 := idx[l.A]
		j, ok2 := idx[l.B]
		if ok1 && ok2 && i != j {
			apart.set(i, j, n)
		}
	}
	sort.SliceStable(edges, func(a, b int) bool {
		if edges[a].m.Score != edges[b].m.Score {
			return edges[a].m.Score > edges[b].m.Score
		}
		if edges[a].a != edges[b].a {
			return edges[a].a < edges[b].a
		}
		return edges[a].b < edges[b].b
	})

	// Union: reviews first, then the edges, best first.
	parent := make([]int, n)
	members := make([][]int, n)
	for i := range parent {
		parent[i] = i
		members[i] = []int{i}
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		members[ra] = append(members[ra], members[rb]...)
		members[rb] = nil
	}
	compatible := func(a, b int) bool {
		for _, x := range members[find(a)] {
			for _, y := range members[find(b)] {
				if apart.has(x, y, n) {
					return false
				}
			}
		}
		return true
	}
	for _, l := range must {
		i, ok1 := idx[l.A]
		j, ok2 := idx[l.B]
		if ok1 && ok2 && !ns[i].Undated && !ns[j].Undated {
			union(i, j)
		}
	}
	best := make([]float64, n)
	reason := make([]string, n)
	for _, e := range edges {
		if find(e.a) == find(e.b) {
			// already together: a stronger tie than the one recorded?
		} else if !compatible(e.a, e.b) {
			continue
		} else {
			union(e.a, e.b)
		}
		for _, p := range [][2]int{{e.a, e.b}, {e.b, e.a}} {
			if reason[p[0]] == "" || e.m.Score > best[p[0]] {
				best[p[0]] = e.m.Score
				reason[p[0]] = fmt.Sprintf("%s (against report %s)", e.m.Reason(), ns[p[1]].ID)
			}
		}
	}

	// Ids: from the cluster's anchor, its smallest main report (else its
	// smallest report), so that the incident keeps its id whatever joins it
	// later unless a document's own report with a smaller id does.
	out := Clustered{}
	var cands []Candidate
	clusterOf := map[int]string{}
	rootOf := map[string]int{}
	for _, i := range dated {
		r := find(i)
		if _, ok := clusterOf[r]; ok {
			continue
		}
		anchor := -1
		for _, m := range members[r] {
			if anchor < 0 || ns[m].Main && !ns[anchor].Main || ns[m].Main == ns[anchor].Main && m < anchor {
				anchor = m
			}
		}
		id := IncidentID(ns[anchor].ID)
		clusterOf[r] = id
		rootOf[id] = r
		sig := &Signature{}
		for _, m := range members[r] {
			sig.Add(ns[m].Features)
		}
		cands = append(cands, Candidate{ID: id, Sig: sig})
	}
	for _, i := range dated {
		id := clusterOf[find(i)]
		p := Placement{Incident: id, Score: best[i], Reason: "merged, " + reason[i]}
		if len(members[find(i)]) == 1 {
			p.Reason = "new incident"
			if ns[i].Alone {
				p.Reason = "an incident of its own, by review"
			}
		}
		out[ns[i].ID] = p
	}

	// Undated reports: each against the dated clusters alone.
	sort.Slice(cands, func(a, b int) bool { return cands[a].ID < cands[b].ID })
	for i, nd := range ns {
		if !nd.Undated {
			continue
		}
		if nd.Alone {
			out[nd.ID] = Placement{Incident: IncidentID(nd.ID), Reason: "an incident of its own, by review"}
			continue
		}
		probe := Probe{Features: nd.Features, Undated: true}
		for _, c := range cands {
			for _, m := range members[rootOf[c.ID]] {
				if ns[m].Doc == nd.Doc || apart.has(i, m, n) {
					probe.Exclude = append(probe.Exclude, c.ID)
					break
				}
			}
		}
		forced := ""
		for _, l := range must {
			o := l.B
			if l.B == nd.ID {
				o = l.A
			} else if l.A != nd.ID {
				continue
			}
			if p, ok := out[o]; ok && p.Incident != "" {
				forced = p.Incident
			}
		}
		if forced != "" {
			out[nd.ID] = Placement{Incident: forced, Reason: "placed by review"}
			continue
		}
		d := PlaceUndated(probe, cands)
		if d.Wait {
			dd := d
			out[nd.ID] = Placement{Wait: &dd, Reason: d.Reason}
			continue
		}
		out[nd.ID] = Placement{Incident: d.Incident, Score: d.Score, Reason: d.Reason}
	}
	return out
}

// IncidentID is the id of the incident anchored on a report.
func IncidentID(reportID string) string { return dossier.StableID("i", reportID) }

// PairMatch compares two reports both ways and keeps the stronger reading;
// a veto either way keeps them apart. The result does not depend on which
// report comes first.
func PairMatch(a Features, sa *Signature, b Features, sb *Signature) Match {
	m1 := Compare(a, sb)
	m2 := Compare(b, sa)
	if m1.Veto != "" {
		return m1
	}
	if m2.Veto != "" {
		return m2
	}
	if m2.Merges() && !m1.Merges() || m2.Merges() == m1.Merges() && m2.Score > m1.Score {
		return m2
	}
	return m1
}

// bits is an n×n symmetric bit matrix.
type bits []uint64

func newBits(n int) bits { return make(bits, (n*n+63)/64) }

func (b bits) set(i, j, n int) {
	for _, k := range []int{i*n + j, j*n + i} {
		b[k/64] |= 1 << (k % 64)
	}
}

func (b bits) has(i, j, n int) bool {
	k := i*n + j
	return b[k/64]&(1<<(k%64)) != 0
}
