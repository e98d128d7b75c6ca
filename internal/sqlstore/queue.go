package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/resolve"
)

// The review queue holds the documents' own reports that give no date and
// that no single dated incident fits (resolve.PlaceUndated). A queued
// report forms no incident. Whenever a document's placement touches
// incidents of a country, the queued reports of that country are compared
// again; one that now fits exactly one incident has its document placed
// again, which attaches it, so an undated report ends in its incident
// whether it was ingested before or after the incident's dated reports.

// enqueue records a report that waits.
func (w *writer) enqueue(rid string, ord int, in *dossier.Incident, f resolve.Features, d resolve.Decision, roles []roleRef) error {
	nearest := d.Nearest
	if nearest == nil {
		nearest = []resolve.Fit{}
	}
	if roles == nil {
		roles = []roleRef{}
	}
	err := w.tx.exec(w.ctx, `INSERT INTO review_queue (report_id, doc_id, ord, local_id, country, reason, data, features, candidates, actors)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, rid, w.docID, ord, in.ID, f.Country, d.Reason, encodeReport(in, w.text, roles), mustJSON(f), mustJSON(nearest), []byte{})
	if err != nil {
		return fmt.Errorf("queue report: %w", err)
	}
	return nil
}

// othersQueued tells whether reports of other documents wait in the queue:
// only then is there anything to re-examine.
func (w *writer) othersQueued() (bool, error) {
	var one int
	found, err := w.tx.queryFirst(w.ctx, `SELECT 1 FROM review_queue WHERE doc_id <> ? LIMIT 1`, []any{w.docID}, &one)
	if err != nil {
		return false, fmt.Errorf("look at the queue: %w", err)
	}
	return found, nil
}

// touched is what a placement changed: incidents, and their countries
// (folded) before and after.
type touched struct {
	countries, ids map[string]bool
}

func (t touched) add(o touched) {
	for c := range o.countries {
		t.countries[c] = true
	}
	for id := range o.ids {
		t.ids[id] = true
	}
}

// collectCountries adds the incidents given and the countries of those
// that exist to w.touched; refresh calls it before and after reconciling,
// so that an incident that moved or went away counts with both.
func (w *writer) collectCountries(ids []string) error {
	for _, id := range ids {
		w.touched.ids[id] = true
		var c string
		err := w.tx.queryRow(w.ctx, `SELECT country FROM incidents WHERE id = ?`, id).Scan(&c)
		if isNoRows(err) {
			continue
		}
		if err != nil {
			return fmt.Errorf("incident country: %w", err)
		}
		if c != "" {
			w.touched.countries[c] = true
		}
	}
	return nil
}

// unanchor places again the documents of undated reports left in an
// incident that lost every date (the dated reports they joined were
// forgotten or moved): they go back to the queue rather than make a
// dateless incident of their own.
func (w *writer) unanchor(ids []string) error {
	// mostly none: one query for them all says so
	has := map[string]bool{}
	if err := w.tx.collectIDs(w.ctx, `SELECT DISTINCT i.id FROM reports r JOIN incidents i ON i.id = r.incident_id
		WHERE i.id IN (%s) AND i.sort_day = ? AND r.reason LIKE ?`, ids, []any{int64(undatedDay), resolve.UndatedReason + "%"}, has); err != nil {
		return fmt.Errorf("undated reports: %w", err)
	}
	for _, id := range ids {
		if !has[id] {
			continue
		}
		rows, err := w.tx.query(w.ctx, `SELECT DISTINCT r.doc_id FROM reports r JOIN incidents i ON i.id = r.incident_id
			WHERE i.id = ? AND i.sort_day = ? AND r.reason LIKE ?`, id, int64(undatedDay), resolve.UndatedReason+"%")
		if err != nil {
			return fmt.Errorf("undated reports: %w", err)
		}
		docs, err := scanStrings(rows)
		if err != nil {
			return fmt.Errorf("undated reports: %w", err)
		}
		for _, doc := range docs {
			if doc == w.docID {
				continue
			}
			t, err := w.tx.s.placeAgain(w.ctx, w.tx, doc, true)
			if err != nil {
				return err
			}
			w.touched.add(t)
		}
	}
	return nil
}

// queued is one row of the queue.
type queued struct {
	id, doc, reason, candidates string
	features                    resolve.Features
}

// reexamine compares again the queued reports of other documents in the
// countries touched. Only a report that one of the touched incidents now
// fits, or that had one of them as a candidate, is looked at in full; one
// that then fits exactly one incident has its document placed again (which
// attaches it), and what that touched is examined in turn, until nothing
// moves. The others keep waiting, their reason and candidates brought up
// to date.
func (w *writer) reexamine(t touched) error {
	for len(t.countries) > 0 {
		items, err := w.queuedIn(sortedKeys(t.countries))
		if err != nil {
			return err
		}
		near, err := w.candidatesByID(sortedKeys(t.ids))
		if err != nil {
			return err
		}
		next := touched{countries: map[string]bool{}, ids: map[string]bool{}}
		for _, q := range items {
			p := resolve.Probe{Features: q.features, Undated: true}
			if err := w.applyMergeReviews(dossier.TargetReport, q.id, &p.Force, &p.Exclude); err != nil {
				return err
			}
			if !concerns(q, p, near, t.ids) {
				continue
			}
			cands, err := w.tx.s.incidentCandidates(w.ctx, w.tx, p.Features)
			if err != nil {
				return err
			}
			d := resolve.PlaceUndated(p, cands)
			if !d.Wait {
				placed, err := w.tx.s.placeAgain(w.ctx, w.tx, q.doc, true)
				if err != nil {
					return err
				}
				next.add(placed)
				continue
			}
			nearest := d.Nearest
			if nearest == nil {
				nearest = []resolve.Fit{}
			}
			if cj := mustJSON(nearest); cj != q.candidates || d.Reason != q.reason {
				if err := w.tx.exec(w.ctx, `UPDATE review_queue SET reason = ?, candidates = ? WHERE report_id = ?`, d.Reason, cj, q.id); err != nil {
					return fmt.Errorf("update the queue: %w", err)
				}
			}
		}
		t = next
	}
	return nil
}

// concerns tells whether a change to the incidents given may move a
// queued report: one of them fits it now, or was among its candidates.
func concerns(q queued, p resolve.Probe, near []resolve.Candidate, ids map[string]bool) bool {
	var was []resolve.Fit
	_ = json.Unmarshal([]byte(q.candidates), &was)
	for _, f := range was {
		if ids[f.Incident] {
			return true
		}
	}
	for _, f := range resolve.PlaceUndated(p, near).Nearest {
		if f.Fits {
			return true
		}
	}
	return false
}

// queuedIn reads the queued reports of other documents in the countries.
func (w *writer) queuedIn(countries []string) ([]queued, error) {
	rows, err := w.tx.query(w.ctx, `SELECT q.report_id, q.doc_id, q.reason, q.candidates, q.features FROM review_queue q
		WHERE q.country IN (`+placeholders(len(countries))+`) AND q.doc_id <> ? ORDER BY q.doc_id, q.ord`, append(anySlice(countries), w.docID)...)
	if err != nil {
		return nil, fmt.Errorf("read the queue: %w", err)
	}
	defer rows.Close()
	var items []queued
	for rows.Next() {
		var q queued
		var data string
		if err := rows.Scan(&q.id, &q.doc, &q.reason, &q.candidates, &data); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(data), &q.features); err != nil {
			return nil, fmt.Errorf("queued report %s: %w", q.id, err)
		}
		items = append(items, q)
	}
	return items, rows.Err()
}

// candidatesByID reads the incidents given that still exist.
func (w *writer) candidatesByID(ids []string) ([]resolve.Candidate, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := w.tx.query(w.ctx, `SELECT id, signature FROM incidents WHERE id IN (`+placeholders(len(ids))+`) ORDER BY id`, anySlice(ids)...)
	if err != nil {
		return nil, fmt.Errorf("read incidents: %w", err)
	}
	defer rows.Close()
	var out []resolve.Candidate
	for rows.Next() {
		var id, sig string
		if err := rows.Scan(&id, &sig); err != nil {
			return nil, err
		}
		c := resolve.Candidate{ID: id, Sig: &resolve.Signature{}}
		_ = unpack([]byte(sig), c.Sig)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Queue implements dossier.QueueReader: the waiting reports, oldest
// document first, each with its nearest incidents.
func (s *DB) Queue(ctx context.Context, f dossier.QueueFilter) (dossier.QueuePage, error) {
	page := dossier.QueuePage{Items: []dossier.QueuedReport{}}
	limit := f.Limit
	if limit == 0 {
		limit = 50
	}
	type row struct {
		item    dossier.QueuedReport
		nearest []resolve.Fit
	}
	k := keyset{op: "list the queue", scope: scope("queue"), from: `review_queue q JOIN documents d ON d.id = q.doc_id`,
		cols: `q.report_id, q.reason, q.data, q.candidates, d.n, q.ord, d.id, d.path, d.title, d.source, d.published, d.copy_of, ` + textCol,
		key:  `d.n`, n: `q.ord`}
	all, next, info, err := readKeyset(ctx, s, k, f.Cursor, limit, func(rows *sql.Rows) (cursor, row, error) {
		var r row
		var c cursor
		it := &r.item
		var cands, src string
		var data, text []byte
		if err := rows.Scan(&it.ID, &it.Reason, &data, &cands, &c.K, &c.N, &it.Document.DocumentID, &it.Document.Path,
			&it.Document.Title, &src, &it.Document.Published, &it.Document.CopyOf, &text); err != nil {
			return c, r, err
		}
		it.Document.Source = strPtr(src)
		if err := decodeIncident(data, text, &it.Incident); err != nil {
			return c, r, fmt.Errorf("report %s: %w", it.ID, err)
		}
		if err := json.Unmarshal([]byte(cands), &r.nearest); err != nil {
			return c, r, fmt.Errorf("report %s: %w", it.ID, err)
		}
		it.Candidates = []dossier.QueueCandidate{}
		return c, r, nil
	})
	if err != nil {
		return page, err
	}
	page.Next, page.PageInfo = next, info
	for _, r := range all {
		page.Items = append(page.Items, r.item)
	}
	for i, r := range all {
		for _, n := range r.nearest {
			var rec string
			err := s.queryRow(ctx, `SELECT record FROM incidents WHERE id = ?`, n.Incident).Scan(&rec)
			if isNoRows(err) {
				continue // forgotten since; the next ingest of its country updates the row
			}
			if err != nil {
				return page, s.wrap("list the queue", err)
			}
			page.Items[i].Candidates = append(page.Items[i].Candidates,
				dossier.QueueCandidate{IncidentRef: refOf(rec), Score: n.Score, Reason: n.Reason, Fits: n.Fits})
		}
	}
	return page, nil
}
