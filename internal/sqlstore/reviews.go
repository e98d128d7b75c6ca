package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/resolve"
)

var actorKinds = []string{dossier.KindPerson, dossier.KindArmedGroup, dossier.KindState, dossier.KindOrganization,
	dossier.KindParty, dossier.KindMedia, dossier.KindOther}

// AddReview implements dossier.Reviewer. The review is stored and applied
// in one transaction: a field review reconciles its incident or actor
// again; a merge review places the document's reports or actors again.
func (s *DB) AddReview(ctx context.Context, r dossier.Review) (dossier.Review, error) {
	invalid := func(format string, args ...any) (dossier.Review, error) {
		return r, fmt.Errorf("review: %w: %s", dossier.ErrInvalid, fmt.Sprintf(format, args...))
	}
	r.Author, r.Note, r.Value = strings.TrimSpace(r.Author), strings.TrimSpace(r.Note), strings.TrimSpace(r.Value)
	if r.Author == "" {
		return invalid("an author is required")
	}
	switch r.Action {
	case dossier.ReviewConfirm, dossier.ReviewCorrect, dossier.ReviewReject:
	default:
		return invalid("unknown action %q (want confirm, correct or reject)", r.Action)
	}
	r.Time = s.now().UTC().Truncate(time.Second)
	err := s.Transact(ctx, func(tx *Tx) error {
		var apply func() error
		anchor, anchorDoc := "", ""
		switch r.Target {
		case dossier.TargetIncident:
			if ok, err := (&writer{ctx: ctx, tx: tx}).exists("incidents", r.TargetID); err != nil {
				return err
			} else if !ok {
				return notFound("incident", r.TargetID)
			}
			if !resolve.IsField(r.Field) {
				return fmt.Errorf("%w: unknown field %q (want one of %s)", dossier.ErrInvalid, r.Field, strings.Join(resolve.Fields, ", "))
			}
			if r.Value == "" && r.Action == dossier.ReviewConfirm {
				fvs, err := s.fieldsOf(ctx, tx, r.TargetID)
				if err != nil {
					return err
				}
				for _, fv := range fvs {
					if fv.Field == r.Field && !listFields(r.Field) {
						r.Value = fv.Reconciled
					}
				}
			}
			if r.Value == "" {
				return fmt.Errorf("%w: a value is required", dossier.ErrInvalid)
			}
			if r.Action == dossier.ReviewCorrect || r.Action == dossier.ReviewConfirm {
				if err := resolve.CheckValue(r.Field, r.Value); err != nil {
					return err
				}
			}
			apply = func() error { _, err := s.reconcileIncident(ctx, tx, r.TargetID, nil); return err }
		case dossier.TargetActor:
			if ok, err := (&writer{ctx: ctx, tx: tx}).exists("actors", r.TargetID); err != nil {
				return err
			} else if !ok {
				return notFound("actor", r.TargetID)
			}
			if r.Field != "name" && r.Field != "kind" {
				return fmt.Errorf("%w: an actor review names the field name or kind, not %q", dossier.ErrInvalid, r.Field)
			}
			if r.Value == "" {
				return fmt.Errorf("%w: a value is required", dossier.ErrInvalid)
			}
			if r.Field == "kind" && !contains(actorKinds, r.Value) {
				return fmt.Errorf("%w: kind %q (want one of %s)", dossier.ErrInvalid, r.Value, strings.Join(actorKinds, ", "))
			}
			apply = func() error { _, err := s.summarizeActor(ctx, tx, r.TargetID); return err }
		case dossier.TargetReport, dossier.TargetMention:
			table, col, what, owner := "reports", "incident_id", "report", "incidents"
			if r.Target == dossier.TargetMention {
				table, col, what, owner = "mentions", "actor_id", "mention", "actors"
			}
			var docID, current string
			err := tx.queryRow(ctx, `SELECT doc_id, `+col+` FROM `+table+` WHERE id = ?`, r.TargetID).Scan(&docID, &current)
			if isNoRows(err) && r.Target == dossier.TargetReport {
				// a report waiting in the review queue belongs to no incident yet
				err = tx.queryRow(ctx, `SELECT doc_id FROM review_queue WHERE report_id = ?`, r.TargetID).Scan(&docID)
			}
			if err != nil {
				if isNoRows(err) {
					return notFound(what, r.TargetID)
				}
				return err
			}
			r.Field = "merge"
			switch {
			case r.Action == dossier.ReviewCorrect && r.Target == dossier.TargetReport && r.Value == dossier.OwnIncident:
			case r.Action == dossier.ReviewCorrect:
				if r.Value == "" {
					return fmt.Errorf("%w: correct a merge with the id it belongs to", dossier.ErrInvalid)
				}
				if ok, err := (&writer{ctx: ctx, tx: tx}).exists(owner, r.Value); err != nil {
					return err
				} else if !ok {
					return notFound(strings.TrimSuffix(owner, "s"), r.Value)
				}
			case r.Value == "" && current == "":
				return fmt.Errorf("%w: report %s waits in the review queue: correct it with an incident id, or %q for an incident of its own",
					dossier.ErrInvalid, r.TargetID, dossier.OwnIncident)
			case r.Value == "":
				r.Value = current
			}
			if r.Target == dossier.TargetReport {
				inc := r.Value
				if r.Action == dossier.ReviewReject && inc == "" {
					inc = current
				}
				a, err := mergeAnchorFor(ctx, tx, docID, r.TargetID, inc, r.Action == dossier.ReviewReject)
				if err != nil {
					return err
				}
				anchor, anchorDoc = mustJSON(a), docID
			}
			apply = func() error { return s.replaceDocument(ctx, tx, docID) }
		default:
			return fmt.Errorf("%w: unknown target %q (want incident, actor, report or mention)", dossier.ErrInvalid, r.Target)
		}
		r.ID = dossier.StableID("v", r.Target, r.TargetID, r.Field, r.Action, r.Value, r.Author, r.Time.Format(time.RFC3339Nano))
		if err := tx.exec(ctx, `INSERT INTO reviews (id, target, target_id, field, action, value, author, note, created, anchor, anchor_doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
			r.ID, r.Target, r.TargetID, r.Field, r.Action, r.Value, r.Author, r.Note, r.Time.Format(time.RFC3339), anchor, anchorDoc); err != nil {
			return fmt.Errorf("insert review: %w", err)
		}
		yes := true
		tx.reviewed = &yes
		return apply()
	})
	if err != nil {
		return r, s.wrap("review "+r.Target+" "+r.TargetID, err)
	}
	// a merge review placed a document again: settle its neighbourhood
	if _, err := s.ReconcileStale(ctx); err != nil {
		return r, s.wrap("review "+r.Target+" "+r.TargetID, err)
	}
	return r, nil
}

const reviewCols = `id, target, target_id, field, action, value, author, note, created`

func scanReviews(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}) ([]dossier.Review, error) {
	defer rows.Close()
	out := []dossier.Review{}
	for rows.Next() {
		var r dossier.Review
		var created string
		if err := rows.Scan(&r.ID, &r.Target, &r.TargetID, &r.Field, &r.Action, &r.Value, &r.Author, &r.Note, &created); err != nil {
			return nil, err
		}
		r.Time, _ = time.Parse(time.RFC3339, created)
		out = append(out, r)
	}
	return out, rows.Err()
}

// reviewsOf returns the reviews of the given targets in the order made.
func (s *DB) reviewsOf(ctx context.Context, q reader, ids []string) ([]dossier.Review, error) {
	if len(ids) == 0 {
		return []dossier.Review{}, nil
	}
	rows, err := q.QueryContext(ctx, s.rebind(`SELECT `+reviewCols+` FROM reviews WHERE target_id IN (`+placeholders(len(ids))+`) ORDER BY n`), anySlice(ids)...)
	if err != nil {
		return nil, fmt.Errorf("read reviews: %w", err)
	}
	return scanReviews(rows)
}

// Reviews implements dossier.Reviewer: the latest first.
func (s *DB) Reviews(ctx context.Context, f dossier.ReviewFilter) ([]dossier.Review, error) {
	var where []string
	var args []any
	if f.TargetID != "" {
		where, args = append(where, `target_id = ?`), append(args, f.TargetID)
	}
	if f.Author != "" {
		where, args = append(where, `author = ?`), append(args, f.Author)
	}
	q := `SELECT ` + reviewCols + ` FROM reviews`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY n DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, s.wrap("list reviews", err)
	}
	out, err := scanReviews(rows)
	return out, s.wrap("list reviews", err)
}

// fieldsOf reconciles an incident's fields within a transaction.
func (s *DB) fieldsOf(ctx context.Context, tx *Tx, id string) ([]dossier.FieldValues, error) {
	reports, err := s.reportsOf(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	reviews, err := tx.reviewsOf(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	in := make([]resolve.Report, len(reports))
	for i, r := range reports {
		in[i] = r.Report
	}
	return resolve.Reconcile(id, in, reviews).Fields, nil
}

// listFields reports whether a field holds a list (confirming it needs a value).
func listFields(f string) bool {
	switch f {
	case "weapons", "targets", "perpetrators", "accused", "part_of":
		return true
	}
	return false
}
