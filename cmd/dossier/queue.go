package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/resolve"
)

const queueUsage = `Usage: dossier review queue [--db DSN] [--format text|jsonl]
       dossier review queue [--db DSN] [--author NAME] [--note TEXT] attach REPORT|DOCUMENT INCIDENT|new

The review queue holds the documents' own reports that give no date and that
no single dated incident fits (none, or several): they form no incident and
are compared again after every ingest. The listing shows each with why it
waits and the nearest incidents with their scores (* marks those that fit).
'attach' places one (named by its report id, or its document's id or path) in
an incident, or in an incident of its own with 'new': a review of the report
('dossier review correct report ID INCIDENT'), kept through reprocessing.
`

// runReviewQueue lists the review queue or places one of its reports; the
// flags given before "queue" ('dossier review --db X queue') are the
// defaults of those after it.
func runReviewQueue(ctx context.Context, env *Env, dbDefault, authorDefault, noteDefault string, args []string) error {
	fs := flag.NewFlagSet("review queue", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	*db = dbDefault
	format := fs.String("format", "text", "output: text, or jsonl (one queued report per line)")
	author := fs.String("author", authorDefault, "who reviews, with attach (default $DOSSIER_AUTHOR or $USER)")
	note := fs.String("note", noteDefault, "why, with attach")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, queueUsage)
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	a := fs.Args()
	switch {
	case len(a) == 3 && a[0] == "attach":
	case len(a) == 0 && (*format == "text" || *format == "jsonl"):
	default:
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	page, err := st.Queue(ctx, dossier.QueueFilter{Limit: -1})
	if err != nil {
		return storeExit(err)
	}
	if len(a) == 3 {
		return attachQueued(ctx, env, st, page.Items, a[1], a[2], *author, *note)
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	if *format == "jsonl" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, q := range page.Items {
			if err := enc.Encode(q); err != nil {
				return err
			}
		}
		return w.Flush()
	}
	if len(page.Items) == 0 {
		fmt.Fprintln(w, "the review queue is empty")
		return w.Flush()
	}
	for _, q := range page.Items {
		fmt.Fprintf(w, "%s  %s  %s\n", q.ID, orDash(q.Document.Path), clip(q.Incident.Title, 70))
		fmt.Fprintf(w, "  document %s · %s · %s\n", q.Document.DocumentID,
			orDash(resolve.LocationString(q.Incident.Location)), orDash(q.Incident.SubType))
		fmt.Fprintf(w, "  waits: %s\n", q.Reason)
		for _, c := range q.Candidates {
			mark := " "
			if c.Fits {
				mark = "*"
			}
			fmt.Fprintf(w, "  %s %s  %s  %s  %s\n", mark, c.ID, orDash(resolve.DateString(c.Date)), clip(c.Title, 50), c.Reason)
		}
	}
	fmt.Fprintf(w, "\n%d report(s) wait; place one with: dossier review queue attach REPORT INCIDENT|new\n", len(page.Items))
	return w.Flush()
}

// attachQueued places a queued report, named by its id or its document's
// id or path, with a review.
func attachQueued(ctx context.Context, env *Env, st dossier.Reviewer, items []dossier.QueuedReport, ref, incident, author, note string) error {
	var found []dossier.QueuedReport
	for _, q := range items {
		if ref == q.ID || ref == q.Document.DocumentID || ref == q.Document.Path {
			found = append(found, q)
		}
	}
	switch len(found) {
	case 0:
		return fmt.Errorf("%q: %w: no report in the review queue has this id, document id or path", ref, dossier.ErrNotFound)
	case 1:
	default:
		return &exitError{code: exitUsage, err: fmt.Errorf("%q names %d queued reports; name one by its report id", ref, len(found))}
	}
	saved, err := st.AddReview(ctx, dossier.Review{Target: dossier.TargetReport, TargetID: found[0].ID, Action: dossier.ReviewCorrect,
		Value: incident, Author: author, Note: note})
	if err != nil {
		return storeExit(err)
	}
	where := "incident " + saved.Value
	if saved.Value == dossier.OwnIncident {
		where = "an incident of its own"
	}
	fmt.Fprintf(env.Stdout, "review %s: report %s of %s placed in %s by %s\n", saved.ID, saved.TargetID, orDash(found[0].Document.Path),
		where, saved.Author)
	return nil
}
