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
	sigs := make([]*Signature, len(ns))
	for i := range ns {
		sigs[i] = &Signature{}
		sigs[i].Add(ns[i].Features)
	}
	kept := map[[2]int]bool{} // kept apart by a review
	for _, l := range cannot {
		i, ok1 := idx[l.A]
		j, ok2 := idx[l.B]
		if ok1 && ok2 && i != j {
			kept[[2]int{i, j}], kept[[2]int{j, i}] = true, true
		}
	}
	apartByRule := func(i, j int) bool {
		return ns[i].Doc == ns[j].Doc || ns[i].Alone || ns[j].Alone || kept[[2]int{i, j}]
	}

	c := &clustering{ns: ns, parent: make([]int, len(ns)), members: make([][]int, len(ns)),
		best: make([]float64, len(ns)), other: make([]int, len(ns))}
	for i := range ns {
		c.parent[i], c.members[i], c.other[i] = i, []int{i}, -1
	}
	for _, l := range must {
		i, ok1 := idx[l.A]
		j, ok2 := idx[l.B]
		if ok1 && ok2 && !ns[i].Undated && !ns[j].Undated {
			c.union(i, j)
		}
	}
	if len(dated) <= pairwiseMax {
		c.bestFirst(dated, sigs, apartByRule)
	} else {
		c.sequential(dated, apartByRule)
	}

	// Ids: from the cluster's anchor, its smallest main report (else its
	// smallest report), so that the incident keeps its id whatever joins it
	// later unless a document's own report with a smaller id does.
	out := Clustered{}
	var cands []Candidate
	clusterOf := map[int]string{}
	rootOf := map[string]int{}
	for _, i := range dated {
		r := c.find(i)
		if _, ok := clusterOf[r]; ok {
			continue
		}
		anchor := -1
		for _, m := range c.members[r] {
			if anchor < 0 || ns[m].Main && !ns[anchor].Main || ns[m].Main == ns[anchor].Main && m < anchor {
				anchor = m
			}
		}
		id := IncidentID(ns[anchor].ID)
		clusterOf[r] = id
		rootOf[id] = r
		sig := &Signature{}
		for _, m := range c.members[r] {
			sig.Add(ns[m].Features)
		}
		cands = append(cands, Candidate{ID: id, Sig: sig})
	}
	for _, i := range dated {
		id := clusterOf[c.find(i)]
		p := Placement{Incident: id, Score: c.best[i], Reason: "new incident"}
		switch {
		case len(c.members[c.find(i)]) == 1 && ns[i].Alone:
			p.Reason = "an incident of its own, by review"
		case len(c.members[c.find(i)]) == 1:
		case c.other[i] < 0:
			p.Reason = "placed by review"
		default:
			// the reasons of the strongest tie, written once
			o := c.other[i]
			m := PairMatch(ns[i].Features, sigs[i], ns[o].Features, sigs[o])
			p.Reason = fmt.Sprintf("merged, %s (against report %s)", m.Reason(), ns[o].ID)
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
		for _, cd := range cands {
			for _, m := range c.members[rootOf[cd.ID]] {
				if apartByRule(i, m) {
					probe.Exclude = append(probe.Exclude, cd.ID)
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

// pairwiseMax is the size of component past which clustering compares each
// report with the clusters formed so far (sequential) rather than every
// pair (best first): the reports of one big event number in the thousands.
const pairwiseMax = 600

// clustering is the union-find state of Cluster.
type clustering struct {
	ns      []Node
	parent  []int
	members [][]int
	best    []float64 // the score of each report's strongest tie in its cluster
	other   []int     // the report of that tie
}

func (c *clustering) find(i int) int {
	for c.parent[i] != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = c.parent[i]
	}
	return i
}

func (c *clustering) union(a, b int) {
	ra, rb := c.find(a), c.find(b)
	if ra == rb {
		return
	}
	if ra > rb {
		ra, rb = rb, ra
	}
	c.parent[rb] = ra
	c.members[ra] = append(c.members[ra], c.members[rb]...)
	c.members[rb] = nil
}

// tie records the strongest tie of each report.
func (c *clustering) tie(a, b int, score float64) {
	for _, p := range [][2]int{{a, b}, {b, a}} {
		if c.other[p[0]] < 0 || score > c.best[p[0]] {
			c.best[p[0]], c.other[p[0]] = score, p[1]
		}
	}
}

// bestFirst merges along every pair whose match merges, strongest first,
// unless a pair across the two clusters cannot be one incident.
func (c *clustering) bestFirst(dated []int, sigs []*Signature, apartByRule func(i, j int) bool) {
	n := len(c.ns)
	apart := newBits(n)
	type edge struct {
		a, b  int32
		score float64
	}
	var edges []edge
	for x := 0; x < len(dated); x++ {
		i := dated[x]
		for y := x + 1; y < len(dated); y++ {
			j := dated[y]
			if apartByRule(i, j) {
				apart.set(i, j, n)
				continue
			}
			m := pairMatch(c.ns[i].Features, sigs[i], c.ns[j].Features, sigs[j], false)
			if m.Veto != "" {
				apart.set(i, j, n)
				continue
			}
			if m.Merges() {
				edges = append(edges, edge{int32(i), int32(j), m.Score})
			}
		}
	}
	sort.Slice(edges, func(a, b int) bool {
		if edges[a].score != edges[b].score {
			return edges[a].score > edges[b].score
		}
		if edges[a].a != edges[b].a {
			return edges[a].a < edges[b].a
		}
		return edges[a].b < edges[b].b
	})
	compatible := func(a, b int) bool {
		for _, x := range c.members[c.find(a)] {
			for _, y := range c.members[c.find(b)] {
				if apart.has(x, y, n) {
					return false
				}
			}
		}
		return true
	}
	for _, e := range edges {
		a, b := int(e.a), int(e.b)
		if c.find(a) != c.find(b) {
			if !compatible(a, b) {
				continue
			}
			c.union(a, b)
		}
		c.tie(a, b, e.score)
	}
}

// sequential takes the reports in id order; each joins the cluster whose
// reports so far it matches best (against their signature, as ingest
// places a report) or starts one. Its result is a function of the set of
// reports too, since the order is the ids'.
func (c *clustering) sequential(dated []int, apartByRule func(i, j int) bool) {
	type cl struct {
		root int
		sig  *Signature
	}
	var cls []*cl
	byRoot := map[int]*cl{}
	for _, i := range dated {
		// a review's union already placed it with earlier reports
		if r := c.find(i); r != i {
			if k, ok := byRoot[r]; ok {
				k.sig.Add(c.ns[i].Features)
				continue
			}
		}
		best, bestScore, bestWith := -1, 0.0, -1
		for k, x := range cls {
			ok := true
			for _, m := range c.members[c.find(x.root)] {
				if apartByRule(i, m) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			m := compare(c.ns[i].Features, x.sig, false)
			if m.Merges() && (best < 0 || m.Score > bestScore) {
				best, bestScore = k, m.Score
				bestWith = c.find(x.root)
			}
		}
		if best < 0 {
			x := &cl{root: c.find(i), sig: &Signature{}}
			x.sig.Add(c.ns[i].Features)
			cls = append(cls, x)
			byRoot[x.root] = x
			continue
		}
		x := cls[best]
		c.union(i, bestWith)
		x.sig.Add(c.ns[i].Features)
		delete(byRoot, x.root)
		x.root = c.find(i)
		byRoot[x.root] = x
		c.tie(i, bestWith, bestScore)
	}
}

// IncidentID is the id of the incident anchored on a report.
func IncidentID(reportID string) string { return dossier.StableID("i", reportID) }

// PairMatch compares two reports both ways and keeps the stronger reading;
// a veto either way keeps them apart. The result does not depend on which
// report comes first.
func PairMatch(a Features, sa *Signature, b Features, sb *Signature) Match {
	return pairMatch(a, sa, b, sb, true)
}

func pairMatch(a Features, sa *Signature, b Features, sb *Signature, why bool) Match {
	m1 := compare(a, sb, why)
	m2 := compare(b, sa, why)
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
