package sqlstore

import (
	"context"
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
func (w *writer) enqueue(rid string, ord int, in *dossier.Incident, country string, d resolve.Decision) error {
	nearest := d.Nearest
	if nearest == nil {
		nearest = []resolve.Fit{}
	}
	_, err := w.tx.exec(w.ctx, `INSERT INTO review_queue (report_id, doc_id, ord, local_id, country, reason, data, candidates)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, rid, w.docID, ord, in.ID, country, d.Reason, mustJSON(in), mustJSON(nearest))
	if err != nil {
		return fmt.Errorf("queue report: %w", err)
	}
	return nil
}

// othersQueued tells whether reports of other documents wait in the queue:
// only then is there anything to re-examine.
func (w *writer) othersQueued() (bool, error) {
	var one int
	err := w.tx.queryRow(w.ctx, `SELECT 1 FROM review_queue WHERE doc_id <> ? LIMIT 1`, w.docID).Scan(&one)
	if isNoRows(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look at the queue: %w", err)
	}
	return true, nil
}

// collectCountries adds the countries of the incidents given (those that
// exist) to w.countries; refresh calls it before and after reconciling, so
// that an incident that moved or went away counts with both.
func (w *writer) collectCountries(ids []string) error {
	for _, id := range ids {
		var c string
		err := w.tx.queryRow(w.ctx, `SELECT country FROM incidents WHERE id = ?`, id).Scan(&c)
		if isNoRows(err) {
			continue
		}
		if err != nil {
			return fmt.Errorf("incident country: %w", err)
		}
		if c != "" {
			w.countries[c] = true
		}
	}
	return nil
}

// unanchor places again the documents of undated reports left in an
// incident that lost every date (the dated reports they joined were
// forgotten or moved): they go back to the queue rather than make a
// dateless incident of their own.
func (w *writer) unanchor(ids []string) error {
	for _, id := range ids {
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
			touched, err := w.tx.s.placeAgain(w.ctx, w.tx, doc, true)
			if err != nil {
				return err
			}
			for c := range touched {
				w.countries[c] = true
			}
		}
	}
	return nil
}

// queued is one row of the queue.
type queued struct {
	id, doc, reason, candidates string
	in                          dossier.Incident
}

// reexamine compares again the queued reports of other documents in the
// countries given. One that now fits exactly one incident has its document
// placed again (which attaches it); the countries that touched are then
// examined in turn, until nothing moves. The others keep waiting, with
// their reason and candidates brought up to date.
func (w *writer) reexamine(countries map[string]bool) error {
	for len(countries) > 0 {
		keys := sortedKeys(countries)
		rows, err := w.tx.query(w.ctx, `SELECT q.report_id, q.doc_id, q.reason, q.candidates, q.data FROM review_queue q
			JOIN documents d ON d.id = q.doc_id
			WHERE q.country IN (`+placeholders(len(keys))+`) AND q.doc_id <> ? ORDER BY d.n, q.ord`, append(anySlice(keys), w.docID)...)
		if err != nil {
			return fmt.Errorf("read the queue: %w", err)
		}
		var items []queued
		for rows.Next() {
			var q queued
			var data string
			if err := rows.Scan(&q.id, &q.doc, &q.reason, &q.candidates, &data); err != nil {
				rows.Close()
				return err
			}
			if err := json.Unmarshal([]byte(data), &q.in); err != nil {
				rows.Close()
				return fmt.Errorf("queued report %s: %w", q.id, err)
			}
			items = append(items, q)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		next := map[string]bool{}
		for _, q := range items {
			p := resolve.Probe{Features: resolve.FeaturesOf(&q.in), Undated: true}
			if err := w.applyMergeReviews(dossier.TargetReport, q.id, &p.Force, &p.Exclude); err != nil {
				return err
			}
			cands, err := w.tx.s.incidentCandidates(w.ctx, w.tx.tx, p.Features)
			if err != nil {
				return err
			}
			d := resolve.PlaceUndated(p, cands)
			if !d.Wait {
				touched, err := w.tx.s.placeAgain(w.ctx, w.tx, q.doc, true)
				if err != nil {
					return err
				}
				for c := range touched {
					next[c] = true
				}
				continue
			}
			nearest := d.Nearest
			if nearest == nil {
				nearest = []resolve.Fit{}
			}
			if cj := mustJSON(nearest); cj != q.candidates || d.Reason != q.reason {
				if _, err := w.tx.exec(w.ctx, `UPDATE review_queue SET reason = ?, candidates = ? WHERE report_id = ?`, d.Reason, cj, q.id); err != nil {
					return fmt.Errorf("update the queue: %w", err)
				}
			}
		}
		countries = next
	}
	return nil
}

// Queue implements dossier.QueueReader: the waiting reports, oldest
// document first, each with its nearest incidents.
func (s *DB) Queue(ctx context.Context, f dossier.QueueFilter) (dossier.QueuePage, error) {
	page := dossier.QueuePage{Items: []dossier.QueuedReport{}}
	limit := f.Limit
	if limit == 0 {
		limit = 50
	}
	q := `SELECT q.report_id, q.reason, q.data, q.candidates, d.n, q.ord, d.id, d.path, d.title, d.source, d.published, d.copy_of
		FROM review_queue q JOIN documents d ON d.id = q.doc_id`
	var args []any
	if f.Cursor != "" {
		c, err := decodeCursor(f.Cursor)
		if err != nil {
			return page, fmt.Errorf("list the queue: %w", err)
		}
		q, args = q+` WHERE (d.n, q.ord) > (?, ?)`, append(args, c.N, c.K)
	}
	q += ` ORDER BY d.n, q.ord`
	if limit > 0 {
		q, args = q+` LIMIT ?`, append(args, limit+1)
	}
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return page, s.wrap("list the queue", err)
	}
	defer rows.Close()
	type fits struct {
		item    int
		nearest []resolve.Fit
	}
	var all []fits
	var last cursor
	for rows.Next() {
		if limit > 0 && len(page.Items) == limit {
			page.Next = encodeCursor(last)
			break
		}
		var it dossier.QueuedReport
		var data, cands, src string
		if err := rows.Scan(&it.ID, &it.Reason, &data, &cands, &last.N, &last.K, &it.Document.DocumentID, &it.Document.Path,
			&it.Document.Title, &src, &it.Document.Published, &it.Document.CopyOf); err != nil {
			return page, s.wrap("list the queue", err)
		}
		it.Document.Source = strPtr(src)
		if err := json.Unmarshal([]byte(data), &it.Incident); err != nil {
			return page, fmt.Errorf("list the queue: report %s: %w", it.ID, err)
		}
		var near []resolve.Fit
		if err := json.Unmarshal([]byte(cands), &near); err != nil {
			return page, fmt.Errorf("list the queue: report %s: %w", it.ID, err)
		}
		it.Candidates = []dossier.QueueCandidate{}
		all = append(all, fits{len(page.Items), near})
		page.Items = append(page.Items, it)
	}
	if err := rows.Err(); err != nil {
		return page, s.wrap("list the queue", err)
	}
	rows.Close()
	for _, f := range all {
		for _, n := range f.nearest {
			var rec string
			err := s.queryRow(ctx, `SELECT record FROM incidents WHERE id = ?`, n.Incident).Scan(&rec)
			if isNoRows(err) {
				continue // forgotten since; the next ingest of its country updates the row
			}
			if err != nil {
				return page, s.wrap("list the queue", err)
			}
			page.Items[f.item].Candidates = append(page.Items[f.item].Candidates,
				dossier.QueueCandidate{IncidentRef: refOf(rec), Score: n.Score, Reason: n.Reason, Fits: n.Fits})
		}
	}
	return page, nil
}
