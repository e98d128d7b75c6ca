package sqlstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/resolve"
)

// Settling makes the knowledge base a function of its documents, not of
// the order they came in. Each document's transaction places its reports
// against the incidents stored so far (fast, and right most of the time)
// and lists what it touched in `unsettled`. Settle then takes each touched
// incident or report, gathers every report connected to it (the reports of
// its incident, the reports whose match with it merges, the undated reports
// that may fit them), clusters that component again with resolve.Cluster,
// and writes the difference: reports that move, incidents that merge,
// split or take a new id (with a redirect from the old one), each logged
// with its reason. The same documents in any order give the same incidents
// with the same ids.

// SettleSummary is what one Settle did.
type SettleSummary struct {
	Components int // neighbourhoods clustered again
	Moved      int // reports that changed incident or went to or left the queue
	Merged     int // incidents that absorbed another
	Split      int // incidents whose reports went to several
	Retired    int // incident ids retired (redirected)
}

// windowLimit bounds the reports one window query reads: a year-dated
// report of a country at war meets thousands.
const windowLimit = 20000

// LastSettle is what the settling of this process's runs did so far.
func (s *DB) LastSettle() SettleSummary {
	s.settleMu.Lock()
	defer s.settleMu.Unlock()
	return s.settled
}

// Settle clusters again the neighbourhood of everything unsettled, a batch
// of components per transaction.
func (s *DB) Settle(ctx context.Context) (SettleSummary, error) {
	var sum SettleSummary
	defer func() {
		s.settleMu.Lock()
		s.settled.Components += sum.Components
		s.settled.Moved += sum.Moved
		s.settled.Merged += sum.Merged
		s.settled.Split += sum.Split
		s.settled.Retired += sum.Retired
		s.settleMu.Unlock()
	}()
	if err := s.keyReports(ctx); err != nil {
		return sum, err
	}
	for done := false; !done; {
		// components are settled in batches, a transaction each: one
		// commit per component would cost more than the clustering
		err := s.Transact(ctx, func(tx *Tx) error {
			// the first settleBatch seeds in one read: settling only
			// removes ids from unsettled, so the first of them not settled
			// yet is the first id left, as a read before each would say
			seeds, err := tx.queryStrings(ctx, `SELECT id FROM unsettled ORDER BY id LIMIT ?`, settleBatch)
			if err != nil {
				return err
			}
			if len(seeds) == 0 {
				done = true
				return nil
			}
			settled := map[string]bool{}
			for _, seed := range seeds {
				if settled[seed] {
					continue
				}
				st := &settler{ctx: ctx, tx: tx, nodes: map[string]*cnode{}, windows: map[string][]*cnode{}}
				if err := st.grow(seed); err != nil {
					return fmt.Errorf("settle %s: %w", seed, err)
				}
				d, err := st.apply()
				if err != nil {
					return fmt.Errorf("settle %s: %w", seed, err)
				}
				sum.Components++
				sum.Moved += d.Moved
				sum.Merged += d.Merged
				sum.Split += d.Split
				sum.Retired += d.Retired
				// everything in the component is settled
				ids := append(st.settledIDs(), seed)
				for _, id := range ids {
					settled[id] = true
				}
				if err := tx.deleteIDs(ctx, "unsettled", "id", ids); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return sum, s.wrap("settle", err)
		}
	}
	return sum, nil
}

// settleBatch is how many components one transaction settles.
const settleBatch = 64

// keyReports computes the blocking keys of reports stored before they
// existed (schema version 8), once.
func (s *DB) keyReports(ctx context.Context) error {
	var one int
	err := s.queryRow(ctx, `SELECT 1 FROM reports WHERE keyed = 0 LIMIT 1`).Scan(&one)
	if isNoRows(err) {
		return nil
	}
	if err != nil {
		return s.wrap("look for unkeyed reports", err)
	}
	return s.Transact(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT id, data, incident_id FROM reports WHERE keyed = 0`)
		if err != nil {
			return err
		}
		type kr struct {
			id, inc string
			data    []byte
		}
		var all []kr
		for rows.Next() {
			var r kr
			if err := rows.Scan(&r.id, &r.data, &r.inc); err != nil {
				rows.Close()
				return err
			}
			all = append(all, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range all {
			var in dossier.Incident
			if err := decodeIncidentSpans(r.data, &in); err != nil {
				return fmt.Errorf("report %s: %w", r.id, err)
			}
			c, lo, hi := reportKeys(resolve.FeaturesOf(&in))
			if err := tx.exec(ctx, `UPDATE reports SET country = ?, day_lo = ?, day_hi = ?, keyed = 1 WHERE id = ?`, c, lo, hi, r.id); err != nil {
				return err
			}
			// a knowledge base built before settling is settled once
			if err := tx.exec(ctx, `INSERT INTO unsettled (id) VALUES (?) ON CONFLICT DO NOTHING`, r.inc); err != nil {
				return err
			}
		}
		return nil
	})
}

// reportKeys are the blocking keys of a report.
func reportKeys(f resolve.Features) (country string, lo, hi any) {
	if !f.Dated {
		return f.Country, nil, nil
	}
	return f.Country, int64(f.DayLo), int64(f.DayHi)
}

// cnode is one report of a component, stored or queued.
type cnode struct {
	resolve.Node
	incident string // its incident now; "" when queued
	queued   bool
	ord      int
	localID  string
	score    float64
	reason   string
	data     []byte // as stored: reports.data, review_queue.data
	actors   []byte
	sig      *resolve.Signature
	grown    bool
}

type settler struct {
	docCache map[string][]anchoredReport
	ctx      context.Context
	tx       *Tx
	nodes    map[string]*cnode
	order    []string // ids in the order they were added
	incs     map[string]bool
	// windows caches the reports of a date window and country
	windows map[string][]*cnode
}

// settledIDs are the ids the component covers: its reports and the
// incidents they were in.
func (st *settler) settledIDs() []string {
	var out []string
	for id, n := range st.nodes {
		out = append(out, id)
		if n.incident != "" {
			out = append(out, n.incident)
		}
	}
	for id := range st.incs {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

const nodeCols = `id, doc_id, ord, local_id, main, incident_id, score, reason, data, actors`

// load reads reports into the component.
func (st *settler) load(ids []string) error {
	ns, err := st.read(ids)
	for _, n := range ns {
		st.nodes[n.ID] = n
		st.order = append(st.order, n.ID)
	}
	return err
}

// read reads reports (from reports, else from the queue) that are not in
// the component yet.
func (st *settler) read(ids []string) ([]*cnode, error) {
	var want []string
	for _, id := range ids {
		if _, ok := st.nodes[id]; !ok && id != "" {
			want = append(want, id)
		}
	}
	sort.Strings(want)
	want = dedupe(want)
	var added []*cnode
	for start := 0; start < len(want); start += 500 {
		chunk := want[start:min(len(want), start+500)]
		// the reports and the queued reports of the chunk: one round trip
		err := st.tx.queryEach(st.ctx, []Stmt{
			{Query: `SELECT ` + nodeCols + ` FROM reports WHERE id IN (` + placeholders(len(chunk)) + `)`, Args: anySlice(chunk)},
			{Query: `SELECT report_id, doc_id, ord, local_id, reason, data, actors FROM review_queue
			WHERE report_id IN (` + placeholders(len(chunk)) + `)`, Args: anySlice(chunk)},
		}, func(i int, scan func(dest ...any) error) error {
			if i == 0 {
				n := &cnode{}
				var main int
				if err := scan(&n.ID, &n.Doc, &n.ord, &n.localID, &main, &n.incident, &n.score, &n.reason, &n.data, &n.actors); err != nil {
					return err
				}
				n.Main = main != 0
				added = append(added, n)
				return nil
			}
			n := &cnode{queued: true}
			if err := scan(&n.ID, &n.Doc, &n.ord, &n.localID, &n.reason, &n.data, &n.actors); err != nil {
				return err
			}
			n.Main = true
			added = append(added, n)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read reports: %w", err)
		}
	}
	out := added[:0]
	seen := map[string]bool{}
	for _, n := range added {
		if _, ok := st.nodes[n.ID]; ok || seen[n.ID] {
			continue
		}
		seen[n.ID] = true
		var in dossier.Incident
		if err := decodeIncidentSpans(n.data, &in); err != nil {
			return nil, fmt.Errorf("report %s: %w", n.ID, err)
		}
		n.Features = resolve.FeaturesOf(&in)
		n.Undated = n.Main && !n.Features.Dated
		n.sig = &resolve.Signature{}
		n.sig.Add(n.Features)
		out = append(out, n)
	}
	return out, nil
}

// notNull keeps an empty column empty when it is written again: a
// driver may read an empty BLOB as nil, which it would write as NULL.
func notNull(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

func dedupe(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// grow gathers the component of a seed (an incident or a report id).
func (st *settler) grow(seed string) error {
	st.incs = map[string]bool{}
	ids, err := st.strings(`SELECT id FROM reports WHERE incident_id = ?`, seed)
	if err != nil {
		return err
	}
	st.incs[seed] = true
	if err := st.load(append(ids, seed)); err != nil {
		return err
	}
	for i := 0; i < len(st.order); i++ {
		n := st.nodes[st.order[i]]
		if n.grown {
			continue
		}
		n.grown = true
		if err := st.neighbours(n); err != nil {
			return err
		}
	}
	return nil
}

func (st *settler) strings(q string, args ...any) ([]string, error) {
	return st.tx.queryStrings(st.ctx, q, args...)
}

// neighbours adds the reports n may be the same incident as.
func (st *settler) neighbours(n *cnode) error {
	var ids []string
	// the reports of its incident, so that a split is seen
	if n.incident != "" && !st.incs[n.incident] {
		st.incs[n.incident] = true
		m, err := st.strings(`SELECT id FROM reports WHERE incident_id = ?`, n.incident)
		if err != nil {
			return err
		}
		ids = append(ids, m...)
	}
	// the reports a review placed it with or apart from
	if ok, err := st.tx.hasReviews(st.ctx); err != nil {
		return err
	} else if ok {
		rs, err := st.reviewsAnchoredIn([]string{n.Doc}, []string{n.ID})
		if err != nil {
			return err
		}
		for _, r := range rs {
			if r.report != n.ID {
				continue
			}
			if r.with == nil && r.value != dossier.OwnIncident {
				m, err := st.membersOf(r.value)
				if err != nil {
					return err
				}
				ids = append(ids, m...)
			}
			ids = append(ids, r.with...)
		}
	}
	f := n.Features
	var cands []*cnode
	if f.Dated {
		// dated reports within a day of its dates, in its country, and the
		// undated reports of its country that may fit it: read once per
		// window (the thousand reports of one event share theirs)
		key := fmt.Sprintf("%s\x00%d\x00%d", f.Country, f.DayLo, f.DayHi)
		cached, ok := st.windows[key]
		if !ok {
			q := `SELECT id FROM reports WHERE day_lo IS NOT NULL AND day_lo <= ? AND day_hi >= ?`
			args := []any{int64(f.DayHi + 1), int64(f.DayLo - 1)}
			if f.Country != "" {
				q += ` AND (country = ? OR country = '')`
				args = append(args, f.Country)
			}
			qs := []Stmt{{Query: q + ` ORDER BY id LIMIT ?`, Args: append(args, windowLimit)}}
			if f.Country != "" {
				qs = append(qs,
					Stmt{Query: `SELECT id FROM reports WHERE day_lo IS NULL AND country = ? ORDER BY id LIMIT ?`, Args: []any{f.Country, windowLimit}},
					Stmt{Query: `SELECT report_id FROM review_queue WHERE country = ? ORDER BY report_id LIMIT ?`, Args: []any{f.Country, windowLimit}})
			}
			// in the order of the queries: one round trip for them all
			found := make([][]string, len(qs))
			err := st.tx.queryEach(st.ctx, qs, func(i int, scan func(dest ...any) error) error {
				var id string
				if err := scan(&id); err != nil {
					return err
				}
				found[i] = append(found[i], id)
				return nil
			})
			if err != nil {
				return fmt.Errorf("neighbours: %w", err)
			}
			var ids []string
			for _, f := range found {
				ids = append(ids, f...)
			}
			if cached, err = st.read(ids); err != nil {
				return err
			}
			st.windows[key] = cached
		}
		cands = cached
	} else {
		// an undated report: the incidents its place, name or targets find
		cs, err := st.tx.s.incidentCandidates(st.ctx, st.tx, f)
		if err != nil {
			return err
		}
		for _, c := range cs {
			m := resolve.Compare(f, c.Sig)
			if !m.Merges() {
				continue
			}
			r, err := st.strings(`SELECT id FROM reports WHERE incident_id = ?`, c.ID)
			if err != nil {
				return err
			}
			ids = append(ids, r...)
		}
	}
	if err := st.load(ids); err != nil {
		return err
	}
	// candidates join the component only when they may merge with n
	for _, c := range cands {
		if _, ok := st.nodes[c.ID]; !ok && c.ID != n.ID && related(n, c) {
			st.nodes[c.ID] = c
			st.order = append(st.order, c.ID)
		}
	}
	return nil
}

// related tells whether two reports may end in one incident: their match
// merges, or one is undated and could fit the other.
func related(a, b *cnode) bool {
	if a.Doc == b.Doc {
		return false
	}
	if a.Undated || b.Undated {
		u, d := a, b
		if b.Undated {
			u, d = b, a
		}
		if d.Undated {
			return false
		}
		m := resolve.Compare(u.Features, d.sig)
		return m.Veto == "" && m.Place && m.Score > 0
	}
	return resolve.PairMatch(a.Features, a.sig, b.Features, b.sig).Merges()
}

// settleDiff counts what apply changed.
type settleDiff struct{ Moved, Merged, Split, Retired int }

// apply clusters the component and writes what changed.
func (st *settler) apply() (settleDiff, error) {
	var diff settleDiff
	must, cannot, err := st.reviewLinks()
	if err != nil {
		return diff, err
	}
	nodes := make([]resolve.Node, 0, len(st.nodes))
	for _, id := range slices.Sorted(maps.Keys(st.nodes)) {
		nodes = append(nodes, st.nodes[id].Node)
	}
	placed := resolve.Cluster(nodes, must, cannot)
	oldIncs := map[string]bool{}
	for _, n := range st.nodes {
		if n.incident != "" {
			oldIncs[n.incident] = true
		}
	}
	oldAnchors, err := st.anchorDocs(sortedKeys(oldIncs))
	if err != nil {
		return diff, err
	}

	before := map[string][]string{} // old incident -> reports
	after := map[string][]string{}  // new incident -> reports
	touched := map[string]bool{}
	for _, id := range slices.Sorted(maps.Keys(st.nodes)) {
		n := st.nodes[id]
		p := placed[id]
		if n.incident != "" {
			before[n.incident] = append(before[n.incident], id)
		}
		if p.Incident != "" {
			after[p.Incident] = append(after[p.Incident], id)
		}
		switch {
		case p.Incident == "" && n.queued:
			// its reason and nearest incidents brought up to date
			if err := st.insertQueue(n, p); err != nil {
				return diff, err
			}
		case p.Incident == "":
			touched[n.incident] = true
			if err := st.toQueue(n, p); err != nil {
				return diff, err
			}
		case n.queued:
			touched[p.Incident] = true
			if err := st.ensureIncident(p.Incident); err != nil {
				return diff, err
			}
			if err := st.fromQueue(n, p); err != nil {
				return diff, err
			}
		case n.incident != p.Incident || n.reason != p.Reason || n.score != p.Score:
			if n.incident != p.Incident {
				touched[n.incident], touched[p.Incident] = true, true
				if err := st.ensureIncident(p.Incident); err != nil {
					return diff, err
				}
			}
			if err := st.tx.exec(st.ctx, `UPDATE reports SET incident_id = ?, score = ?, reason = ? WHERE id = ?`,
				p.Incident, p.Score, p.Reason, id); err != nil {
				return diff, fmt.Errorf("move report: %w", err)
			}
		}
	}
	// each incident remembers the document of its anchor report
	for _, id := range slices.Sorted(maps.Keys(st.nodes)) {
		if inc := placed[id].Incident; inc != "" && resolve.IncidentID(id) == inc {
			if err := st.tx.exec(st.ctx, `UPDATE incidents SET anchor_doc = ? WHERE id = ? AND anchor_doc <> ?`,
				st.nodes[id].Doc, inc, st.nodes[id].Doc); err != nil {
				return diff, fmt.Errorf("anchor incident: %w", err)
			}
		}
	}
	// Moved counts the reports whose company changed, not those whose
	// incident only took its canonical id.
	for _, id := range slices.Sorted(maps.Keys(st.nodes)) {
		n, p := st.nodes[id], placed[id]
		if n.incident == "" || p.Incident == "" {
			if n.incident != p.Incident {
				diff.Moved++
			}
			continue
		}
		if !sameMembers(before[n.incident], after[p.Incident]) {
			diff.Moved++
		}
	}
	if err := st.copies(placed, touched); err != nil {
		return diff, err
	}
	if len(touched) == 0 {
		return diff, nil
	}
	// Log, redirect, and move the reviews of retired ids, then reconcile
	// what changed (with the reviews in place), with the actors it names.
	if err := st.record(before, after, placed, oldAnchors, &diff); err != nil {
		return diff, err
	}
	w := newWriter(st.ctx, st.tx, "", "")
	ids := sortedKeys(touched)
	// the actors of the incidents before and after
	if err := st.tx.actorsOfIncidents(st.ctx, ids, w.actors); err != nil {
		return diff, err
	}
	for _, id := range ids {
		if _, err := st.tx.s.reconcileIncident(st.ctx, st.tx, id, w.actors); err != nil {
			return diff, err
		}
		if err := st.tx.exec(st.ctx, `DELETE FROM stale_incidents WHERE incident_id = ?`, id); err != nil {
			return diff, err
		}
	}
	if _, err := st.tx.s.summarizeActors(st.ctx, st.tx, sortedKeys(w.actors)); err != nil {
		return diff, err
	}
	return diff, nil
}

// sameMembers tells whether two sorted lists of report ids are the same.
func sameMembers(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// record logs merges and splits, redirects retired ids and moves
// the field reviews of a retired incident to its successor.
func (st *settler) record(before, after map[string][]string, placed resolve.Clustered, anchors map[string]string, diff *settleDiff) error {
	at := st.tx.s.now().UTC().Format("2006-01-02T15:04:05Z")
	log := func(id, action string, others []string, reason string) error {
		err := st.tx.exec(st.ctx, `INSERT INTO incident_log (incident_id, action, other, reason, at) VALUES (?, ?, ?, ?, ?)`,
			id, action, strings.Join(others, ","), reason, at)
		return err
	}
	// where each old incident's reports went
	for _, old := range slices.Sorted(maps.Keys(before)) {
		dest := map[string]int{}
		for _, r := range before[old] {
			if inc := placed[r].Incident; inc != "" {
				dest[inc]++
			}
		}
		var ds []string
		for d := range dest {
			ds = append(ds, d)
		}
		sort.Slice(ds, func(a, b int) bool {
			if dest[ds[a]] != dest[ds[b]] {
				return dest[ds[a]] > dest[ds[b]]
			}
			return ds[a] < ds[b]
		})
		if len(ds) > 1 {
			diff.Split++
			if err := log(old, "split", ds, fmt.Sprintf("its reports went to %d incidents", len(ds))); err != nil {
				return err
			}
		}
		if _, ok := after[old]; ok || len(ds) == 0 {
			continue
		}
		// the old id is retired: redirect it (and what pointed to it) to
		// where its anchor document's report went, else to where most of
		// its reports went
		diff.Retired++
		to := ds[0]
		if doc := anchors[old]; doc != "" {
			for _, r := range before[old] {
				if n := st.nodes[r]; n.Doc == doc && placed[r].Incident != "" {
					to = placed[r].Incident
					if n.Main {
						break
					}
				}
			}
		}
		reason := fmt.Sprintf("%d of its %d reports are in %s", dest[to], len(before[old]), to)
		if err := st.tx.exec(st.ctx, `INSERT INTO incident_redirects (old_id, new_id, reason) VALUES (?, ?, ?)
			ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id, reason = excluded.reason`, old, to, reason); err != nil {
			return fmt.Errorf("redirect incident: %w", err)
		}
		if err := st.tx.exec(st.ctx, `UPDATE incident_redirects SET new_id = ? WHERE new_id = ?`, to, old); err != nil {
			return err
		}
		if err := st.tx.exec(st.ctx, `UPDATE reviews SET target_id = ? WHERE target = ? AND target_id = ?`,
			to, dossier.TargetIncident, old); err != nil {
			return err
		}
	}
	for _, inc := range slices.Sorted(maps.Keys(after)) {
		// an id in use is no longer a redirect
		if err := st.tx.exec(st.ctx, `DELETE FROM incident_redirects WHERE old_id = ?`, inc); err != nil {
			return err
		}
		from := map[string]bool{}
		for _, r := range after[inc] {
			if n := st.nodes[r]; n.incident != "" {
				from[n.incident] = true
			}
		}
		if len(from) > 1 {
			diff.Merged++
			if err := log(inc, "merged", sortedKeys(from), "their reports match: "+placed[after[inc][0]].Reason); err != nil {
				return err
			}
		}
	}
	return nil
}

// reviewLinks turns the merge reviews of the component's reports, read
// through their anchors, into links: a report placed in an incident by a
// reviewer stays with that incident's anchor report, one taken out of an
// incident stays apart from the reports it was taken from, one given an
// incident of its own stays alone.
func (st *settler) reviewLinks() (must, cannot []resolve.Link, err error) {
	if ok, err := st.tx.hasReviews(st.ctx); err != nil || !ok {
		return nil, nil, err
	}
	ids := slices.Sorted(maps.Keys(st.nodes))
	docSet := map[string]bool{}
	for _, id := range ids {
		docSet[st.nodes[id].Doc] = true
	}
	reviews, err := st.reviewsAnchoredIn(sortedKeys(docSet), ids)
	if err != nil {
		return nil, nil, err
	}
	var mine []anchoredReview
	for _, r := range reviews {
		if _, ok := st.nodes[r.report]; ok {
			mine = append(mine, r)
		}
	}
	must, cannot, alone, err := keepLinks(mine, st.membersOf)
	if err != nil {
		return nil, nil, err
	}
	for id, a := range alone {
		st.nodes[id].Alone = a
	}
	return must, cannot, nil
}

// membersOf lists an incident's reports, following a retired id.
func (st *settler) membersOf(id string) ([]string, error) {
	var to string
	err := st.tx.queryRow(st.ctx, `SELECT new_id FROM incident_redirects WHERE old_id = ?`, id).Scan(&to)
	if err == nil {
		id = to
	} else if !isNoRows(err) {
		return nil, err
	}
	return st.strings(`SELECT id FROM reports WHERE incident_id = ? ORDER BY id`, id)
}

func (st *settler) ensureIncident(id string) error {
	ok, err := (&writer{ctx: st.ctx, tx: st.tx}).exists("incidents", id)
	if err != nil || ok {
		return err
	}
	return (&writer{ctx: st.ctx, tx: st.tx}).createIncident(id, "")
}

// anchorDocs reads the anchor documents of incidents.
func (st *settler) anchorDocs(ids []string) (map[string]string, error) {
	out := map[string]string{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(len(ids), start+500)]
		rows, err := st.tx.query(st.ctx, `SELECT id, anchor_doc FROM incidents WHERE id IN (`+placeholders(len(chunk))+`)`, anySlice(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("read incidents: %w", err)
		}
		for rows.Next() {
			var id, doc string
			if err := rows.Scan(&id, &doc); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = doc
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// toQueue moves a stored report that no longer fits one incident to the
// queue.
func (st *settler) toQueue(n *cnode, p resolve.Placement) error {
	if err := st.tx.exec(st.ctx, `DELETE FROM reports WHERE id = ?`, n.ID); err != nil {
		return fmt.Errorf("queue report: %w", err)
	}
	return st.insertQueue(n, p)
}

func (st *settler) insertQueue(n *cnode, p resolve.Placement) error {
	var nearest []resolve.Fit
	if p.Wait != nil {
		nearest = p.Wait.Nearest
	}
	if nearest == nil {
		nearest = []resolve.Fit{}
	}
	err := st.tx.exec(st.ctx, `INSERT INTO review_queue (report_id, doc_id, ord, local_id, country, reason, data, features, candidates, actors)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (report_id) DO UPDATE SET reason = excluded.reason, candidates = excluded.candidates`,
		n.ID, n.Doc, n.ord, n.localID, n.Features.Country, p.Reason, n.data, mustJSON(n.Features), mustJSON(nearest), notNull(n.actors))
	if err != nil {
		return fmt.Errorf("queue report: %w", err)
	}
	return nil
}

// fromQueue stores a queued report in the incident it now fits.
func (st *settler) fromQueue(n *cnode, p resolve.Placement) error {
	c, lo, hi := reportKeys(n.Features)
	if err := st.tx.exec(st.ctx, `INSERT INTO reports (id, doc_id, ord, local_id, main, incident_id, score, reason, data, actors,
		country, day_lo, day_hi, keyed) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
		n.ID, n.Doc, n.ord, n.localID, p.Incident, p.Score, p.Reason, n.data, notNull(n.actors), c, lo, hi); err != nil {
		return fmt.Errorf("place queued report: %w", err)
	}
	err := st.tx.exec(st.ctx, `DELETE FROM review_queue WHERE report_id = ?`, n.ID)
	return err
}

// copies decides which documents of the component are copies of another:
// documents whose own reports are in one incident and whose texts are
// near-identical (fingerprints) or one contained in the other (an abridged
// copy). Each group's original is chosen by resolve.Original; the others
// get its id in copy_of. The incidents of documents whose copy_of changed
// are reconciled (their source counts change).
func (st *settler) copies(placed resolve.Clustered, touched map[string]bool) error {
	byInc := map[string][]string{}
	docInc := map[string]string{}
	for _, id := range slices.Sorted(maps.Keys(st.nodes)) {
		n := st.nodes[id]
		if inc := placed[id].Incident; n.Main && inc != "" {
			if _, ok := docInc[n.Doc]; !ok {
				docInc[n.Doc] = inc
				byInc[inc] = append(byInc[inc], n.Doc)
			}
		}
	}
	if len(docInc) == 0 {
		return nil
	}
	type docInfo struct {
		fp        []byte
		published string
		size      int
		copyOf    string
		prose     resolve.Shingles
	}
	info := map[string]*docInfo{}
	ids := slices.Sorted(maps.Keys(docInc))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(len(ids), start+500)]
		err := st.tx.queryRows(st.ctx, `SELECT id, fingerprint, published, copy_of, LENGTH(COALESCE(body, raw)) FROM documents
			WHERE id IN (`+placeholders(len(chunk))+`)`, anySlice(chunk), func(scan func(dest ...any) error) error {
			d := &docInfo{}
			var id string
			if err := scan(&id, &d.fp, &d.published, &d.copyOf, &d.size); err != nil {
				return err
			}
			info[id] = d
			return nil
		})
		if err != nil {
			return fmt.Errorf("read documents: %w", err)
		}
	}
	prose := func(id string) (resolve.Shingles, error) {
		d := info[id]
		if d.prose == nil {
			var b, raw []byte
			if err := st.tx.queryRow(st.ctx, `SELECT body, raw FROM documents WHERE id = ?`, id).Scan(&b, &raw); err != nil {
				return nil, err
			}
			if b == nil {
				b = raw
			}
			d.prose = resolve.ProseShingles(b)
		}
		return d.prose, nil
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		for parent[x] != "" && parent[x] != x {
			x = parent[x]
		}
		return x
	}
	for _, inc := range slices.Sorted(maps.Keys(byInc)) {
		docs := byInc[inc]
		sort.Strings(docs)
		// every pair of a small incident; in a big one, the pairs whose
		// fingerprints share a band (locality-sensitive hashing: nine in
		// ten copies at similarity 0.7, nearly all above 0.8)
		pairs := func(yield func(i, j int) bool) {
			if len(docs) <= BigIncident {
				for i := range docs {
					for j := i + 1; j < len(docs); j++ {
						if !yield(i, j) {
							return
						}
					}
				}
				return
			}
			byBand := map[int64][]int{}
			for i, d := range docs {
				if inf := info[d]; inf != nil {
					for _, b := range resolve.Bands(inf.fp) {
						byBand[b] = append(byBand[b], i)
					}
				}
			}
			seen := map[[2]int]bool{}
			for _, b := range slices.Sorted(maps.Keys(byBand)) {
				xs := byBand[b]
				for x := range xs {
					for y := x + 1; y < len(xs); y++ {
						p := [2]int{xs[x], xs[y]}
						if seen[p] {
							continue
						}
						seen[p] = true
						if !yield(p[0], p[1]) {
							return
						}
					}
				}
			}
		}
		for i, j := range pairs {
			{
				a, b := info[docs[i]], info[docs[j]]
				if a == nil || b == nil || a.fp == nil || b.fp == nil {
					continue
				}
				sim := resolve.Similarity(a.fp, b.fp)
				same := sim >= resolve.CopyShare
				if !same && sim >= resolve.MinContainProbe {
					pa, err := prose(docs[i])
					if err != nil {
						return err
					}
					pb, err := prose(docs[j])
					if err != nil {
						return err
					}
					same = resolve.Containment(pa, pb) >= resolve.ContainShare
				}
				if same {
					ra, rb := find(docs[i]), find(docs[j])
					if ra != rb {
						if rb < ra {
							ra, rb = rb, ra
						}
						parent[rb] = ra
					}
				}
			}
		}
	}
	groups := map[string][]resolve.CopyDoc{}
	for _, id := range ids {
		if d := info[id]; d != nil {
			r := find(id)
			groups[r] = append(groups[r], resolve.CopyDoc{ID: id, Published: d.published, Size: d.size})
		}
	}
	for r, g := range groups {
		if len(g) < 2 || len(g) > resolve.HoldsMax {
			continue
		}
		for i := range g {
			p, err := prose(g[i].ID)
			if err != nil {
				return err
			}
			g[i].Prose = p
		}
		groups[r] = g
	}
	for _, id := range ids {
		d := info[id]
		if d == nil {
			continue
		}
		orig := resolve.Original(groups[find(id)])
		want := ""
		if orig != id {
			want = orig
		}
		if want == d.copyOf {
			continue
		}
		if err := st.tx.exec(st.ctx, `UPDATE documents SET copy_of = ? WHERE id = ?`, want, id); err != nil {
			return fmt.Errorf("mark copy: %w", err)
		}
		incs, err := st.strings(`SELECT DISTINCT incident_id FROM reports WHERE doc_id = ?`, id)
		if err != nil {
			return err
		}
		for _, inc := range incs {
			touched[inc] = true
		}
	}
	return nil
}
