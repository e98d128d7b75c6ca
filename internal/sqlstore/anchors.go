package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/resolve"
)

// A review of a report's merge names report and incident ids, which a new
// extractor version or a settle may change: the report's id comes from its
// place in the document's extraction, the incident's from its anchor
// report. So the review also keeps what it judged in terms that outlive
// both: the report (its document, whether it is the document's own
// incident, its evidence spans and title) and the reports of the incident
// it was placed in or taken from, as they were then. Settle reads the
// review through these anchors.

// reportAnchor identifies a report across extractor versions.
type reportAnchor struct {
	Doc   string   `json:"doc"`
	Main  bool     `json:"main,omitempty"`
	Title string   `json:"title,omitempty"`
	Spans [][2]int `json:"spans,omitempty"`
}

// mergeAnchor is what a merge review judged.
type mergeAnchor struct {
	Report reportAnchor   `json:"report"`
	With   []reportAnchor `json:"with,omitempty"`
}

func anchorOf(doc string, main bool, in *dossier.Incident) reportAnchor {
	a := reportAnchor{Doc: doc, Main: main, Title: in.Title}
	seen := map[[2]int]bool{}
	for _, e := range in.Evidence {
		sp := [2]int{e.Start, e.End}
		if e.End > e.Start && !seen[sp] {
			seen[sp] = true
			a.Spans = append(a.Spans, sp)
		}
	}
	sort.Slice(a.Spans, func(i, j int) bool { return a.Spans[i][0] < a.Spans[j][0] })
	return a
}

// anchoredReport is a stored or queued report, read for anchoring.
type anchoredReport struct {
	id     string
	anchor reportAnchor
}

// docReports reads a document's reports, placed and queued.
func docReports(ctx context.Context, tx *Tx, doc string) ([]anchoredReport, error) {
	var out []anchoredReport
	for _, q := range []string{`SELECT id, main, data FROM reports WHERE doc_id = ? ORDER BY id`,
		`SELECT report_id, 1, data FROM review_queue WHERE doc_id = ? ORDER BY report_id`} {
		rows, err := tx.query(ctx, q, doc)
		if err != nil {
			return nil, fmt.Errorf("read reports of %s: %w", doc, err)
		}
		for rows.Next() {
			var id, data string
			var main int
			if err := rows.Scan(&id, &main, &data); err != nil {
				rows.Close()
				return nil, err
			}
			var in dossier.Incident
			if err := decodeIncidentSpans([]byte(data), &in); err != nil {
				rows.Close()
				return nil, fmt.Errorf("report %s: %w", id, err)
			}
			out = append(out, anchoredReport{id: id, anchor: anchorOf(doc, main != 0, &in)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// findAnchored returns the report of the document the anchor points to: the
// document's own incident for a main anchor, else the report whose
// evidence overlaps the anchor's most (then the same title); "" when the
// document says nothing of it any more.
func findAnchored(reports []anchoredReport, a reportAnchor) string {
	best, bestScore := "", 0
	for _, r := range reports {
		score := 0
		if a.Main && r.anchor.Main {
			score += 1000
		}
		for _, x := range a.Spans {
			for _, y := range r.anchor.Spans {
				if x[0] < y[1] && y[0] < x[1] {
					score += 2
				}
			}
		}
		if a.Title != "" && r.anchor.Title == a.Title {
			score++
		}
		if score > bestScore {
			best, bestScore = r.id, score
		}
	}
	return best
}

// mergeAnchorFor builds the anchor of a review of report rid of document
// doc that places it in incident inc (correct, confirm) or takes it out
// (reject, apart): the report, and the incident's other reports (placed in
// it, the incident's anchor report alone when it has one).
func mergeAnchorFor(ctx context.Context, tx *Tx, doc, rid, inc string, apart bool) (mergeAnchor, error) {
	var a mergeAnchor
	reports, err := docReports(ctx, tx, doc)
	if err != nil {
		return a, err
	}
	for _, r := range reports {
		if r.id == rid {
			a.Report = r.anchor
		}
	}
	if inc == "" || inc == dossier.OwnIncident {
		return a, nil
	}
	rows, err := tx.query(ctx, `SELECT id, doc_id, main, data FROM reports WHERE incident_id = ? AND id <> ? ORDER BY id`, inc, rid)
	if err != nil {
		return a, fmt.Errorf("read reports of %s: %w", inc, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, d, data string
		var main int
		if err := rows.Scan(&id, &d, &main, &data); err != nil {
			return a, err
		}
		var in dossier.Incident
		if err := decodeIncidentSpans([]byte(data), &in); err != nil {
			return a, fmt.Errorf("report %s: %w", id, err)
		}
		if !apart && resolve.IncidentID(id) == inc {
			// placed with the incident: with its anchor report alone
			a.With = []reportAnchor{anchorOf(d, main != 0, &in)}
			return a, nil
		}
		a.With = append(a.With, anchorOf(d, main != 0, &in))
	}
	return a, rows.Err()
}

// anchoredReview is a merge review read through its anchors.
type anchoredReview struct {
	action, value string
	report        string   // the report it judged, now
	with          []string // the reports it placed the report with or apart from, now
}

// reviewsAnchoredIn reads the merge reviews of the documents and reports
// given and resolves their anchors to today's reports. Reviews stored
// before anchors keep their report ids.
func (st *settler) reviewsAnchoredIn(docs, rids []string) ([]anchoredReview, error) {
	type raw struct {
		n                             int64
		target, action, value, anchor string
	}
	var all []raw
	seen := map[int64]bool{}
	read := func(q string, keys []string) error {
		for start := 0; start < len(keys); start += 400 {
			chunk := keys[start:min(len(keys), start+400)]
			rows, err := st.tx.query(st.ctx, q+` (`+placeholders(len(chunk))+`) ORDER BY n`,
				append([]any{dossier.TargetReport}, anySlice(chunk)...)...)
			if err != nil {
				return fmt.Errorf("read reviews: %w", err)
			}
			for rows.Next() {
				var r raw
				if err := rows.Scan(&r.n, &r.target, &r.action, &r.value, &r.anchor); err != nil {
					rows.Close()
					return err
				}
				if !seen[r.n] {
					seen[r.n] = true
					all = append(all, r)
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	}
	if err := read(`SELECT n, target_id, action, value, anchor FROM reviews WHERE target = ? AND anchor_doc IN`, docs); err != nil {
		return nil, err
	}
	if err := read(`SELECT n, target_id, action, value, anchor FROM reviews WHERE target = ? AND anchor_doc = '' AND target_id IN`, rids); err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n < all[j].n })
	var out []anchoredReview
	for _, r := range all {
		ar := anchoredReview{action: r.action, value: r.value, report: r.target}
		var a mergeAnchor
		if json.Unmarshal([]byte(r.anchor), &a) == nil && a.Report.Doc != "" {
			reps, err := st.reportsOfDoc(a.Report.Doc)
			if err != nil {
				return nil, err
			}
			ar.report = findAnchored(reps, a.Report)
			ar.with = []string{}
			for _, w := range a.With {
				reps, err := st.reportsOfDoc(w.Doc)
				if err != nil {
					return nil, err
				}
				if id := findAnchored(reps, w); id != "" {
					ar.with = append(ar.with, id)
				}
			}
		}
		if ar.report != "" {
			out = append(out, ar)
		}
	}
	return out, nil
}

// reportsOfDoc reads a document's reports once per settle.
func (st *settler) reportsOfDoc(doc string) ([]anchoredReport, error) {
	if st.docCache == nil {
		st.docCache = map[string][]anchoredReport{}
	}
	if r, ok := st.docCache[doc]; ok {
		return r, nil
	}
	r, err := docReports(st.ctx, st.tx, doc)
	if err == nil {
		st.docCache[doc] = r
	}
	return r, err
}

// keepLinks are the links of the reviews: for each report, its reviews in
// order, a later one overriding an earlier one about the same incident.
func keepLinks(reviews []anchoredReview, membersOf func(string) ([]string, error)) (must, cannot []resolve.Link, alone map[string]bool, err error) {
	type key struct{ report, value string }
	last := map[key]anchoredReview{}
	var order []key
	alone = map[string]bool{}
	for _, r := range reviews {
		k := key{r.report, r.value}
		if _, ok := last[k]; !ok {
			order = append(order, k)
		}
		last[k] = r
	}
	for _, k := range order {
		r := last[k]
		if r.value == dossier.OwnIncident {
			alone[r.report] = r.action != dossier.ReviewReject
			continue
		}
		with := r.with
		if with == nil {
			// a review stored before anchors: the incident's reports now
			if with, err = membersOf(r.value); err != nil {
				return nil, nil, nil, err
			}
		}
		for _, m := range with {
			if m == r.report {
				continue
			}
			l := resolve.Link{A: r.report, B: m}
			if r.action == dossier.ReviewReject {
				cannot = append(cannot, l)
			} else {
				must = append(must, l)
			}
		}
	}
	return must, cannot, alone, nil
}
