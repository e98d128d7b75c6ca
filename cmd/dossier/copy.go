package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/sqlstore"
)

func init() {
	commands["copy"] = command{summary: "copy a whole knowledge base, reviews included, between SQLite and PostgreSQL", run: runCopy}
}

const copyUsage = `Usage: dossier copy --from DSN --to DSN [--resume]

Copies every document of one knowledge base into another (an SQLite file or a
postgres:// URL, either way round), with the extraction stored with it, and then
every review, in the order they were first made: the target resolves the same
documents into the same incidents and actors, and applies the same reviews, with
the same ids and times. Nothing is extracted again: the extractor that stored a
document is named with it in the copy too.

At the end the counts of both (documents, reports, incidents, actors, reviews) are
compared and printed; the exit status is 1 if they differ.

The target must be empty, unless --resume finishes an interrupted copy into it.
`

func runCopy(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("copy", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	from := fs.String("from", "", "knowledge base to copy: an SQLite file or a postgres:// URL")
	to := fs.String("to", "", "knowledge base to copy into (created if it is an SQLite file that does not exist)")
	resume := fs.Bool("resume", false, "copy into a knowledge base that is not empty: finish an interrupted copy")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, copyUsage)
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if *from == "" || *to == "" || fs.NArg() > 0 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("--from and --to are required")}
	}
	if *from == *to {
		return &exitError{code: exitUsage, err: errors.New("--from and --to name the same knowledge base")}
	}
	src, err := openStore(ctx, env, *from, false)
	if err != nil {
		return err
	}
	defer src.Close()
	clock := &replayClock{}
	dst, err := openStoreAt(ctx, env, *to, clock.Now)
	if err != nil {
		return err
	}
	defer dst.Close()

	before, err := dst.Stats(ctx)
	if err != nil {
		return err
	}
	if !*resume && (before.Documents > 0 || before.Reviews > 0) {
		return &exitError{code: exitUsage, err: fmt.Errorf("%s holds %d document(s) and %d review(s): copy into an empty knowledge base, or pass --resume to finish an interrupted copy",
			where(*to), before.Documents, before.Reviews)}
	}
	start := time.Now()
	res, err := copyStore(ctx, src, dst, clock, func(done, total int) {
		if done%500 == 0 || done == total {
			env.Log.Info("copying", "done", done, "of", total)
		}
	})
	if err != nil {
		return fmt.Errorf("copy %s to %s: %w", where(*from), where(*to), err)
	}
	fmt.Fprintf(env.Stdout, "copied %d document(s) and %d review(s) from %s to %s in %s\n",
		res.documents, res.reviews, where(*from), where(*to), time.Since(start).Round(10*time.Millisecond))
	for _, f := range res.failures {
		fmt.Fprintf(env.Stderr, "dossier copy: %s\n", f)
	}
	a, err := src.Stats(ctx)
	if err != nil {
		return err
	}
	b, err := dst.Stats(ctx)
	if err != nil {
		return err
	}
	diffs := writeCounts(env, a, b)
	problems, err := dst.Check(ctx)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "dossier copy: %s: %s\n", where(*to), p)
	}
	if len(diffs) > 0 || len(problems) > 0 || len(res.failures) > 0 {
		return &exitError{code: exitFailure, err: fmt.Errorf("the copy differs from its source (%s), %d problem(s), %d failure(s)",
			strings.Join(diffs, ", "), len(problems), len(res.failures))}
	}
	fmt.Fprintln(env.Stdout, "counts match")
	return nil
}

// writeCounts prints both knowledge bases' counts side by side and
// returns the names of those that differ.
func writeCounts(env *Env, a, b dossier.Stats) []string {
	var diffs []string
	fmt.Fprintf(env.Stdout, "%-10s %10s %10s\n", "", "source", "copy")
	for _, c := range []struct {
		name string
		a, b int
	}{{"documents", a.Documents, b.Documents}, {"reports", a.Reports, b.Reports}, {"incidents", a.Incidents, b.Incidents},
		{"actors", a.Actors, b.Actors}, {"reviews", a.Reviews, b.Reviews}} {
		mark := ""
		if c.a != c.b {
			mark = "  differs"
			diffs = append(diffs, c.name)
		}
		fmt.Fprintf(env.Stdout, "%-10s %10d %10d%s\n", c.name, c.a, c.b, mark)
	}
	return diffs
}

// openStoreAt opens a knowledge base for writing, as openStore does, with
// the clock it stamps ingest and review times with.
func openStoreAt(ctx context.Context, env *Env, dsn string, now func() time.Time) (*sqlstore.DB, error) {
	opts := sqlstore.Options{Log: env.Log, Now: now}
	if isPostgres(dsn) {
		return postgres.Open(ctx, dsn, postgres.Options{Options: opts})
	}
	return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"), sqlite.Options{Options: opts})
}

// replayClock is the target's clock during a copy: set to the time each
// document was ingested and each review made in the source, so the copy
// keeps them (a review's id is made from its time, too); the real time
// when not set.
type replayClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *replayClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *replayClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.t.IsZero() {
		return time.Now()
	}
	return c.t
}

// copySource is what a copy reads.
type copySource interface {
	dossier.DocumentReader
	dossier.Ingester
	dossier.Reviewer
}

// copyTarget is what a copy writes.
type copyTarget interface {
	dossier.Ingester
	dossier.Reviewer
}

type copyResult struct {
	documents, reviews int
	failures           []string
}

// step is one thing to replay: a document or a review, at its time.
type step struct {
	at     time.Time
	doc    *dossier.DocumentSummary
	review *dossier.Review
}

// copyStore replays the source's history into the target: every document
// (as it was read, with the extraction stored with it and the extractor
// that made it) and every review, in the order of their times, so that
// incidents and actors resolve as they did. A review whose target does not
// exist yet (its document was stored again after the review) is applied
// at the end. A step that fails is reported and the copy goes on; a store
// that cannot be written stops it.
func copyStore(ctx context.Context, src copySource, dst copyTarget, clock *replayClock, progress func(done, total int)) (copyResult, error) {
	var res copyResult
	var steps []step
	f := dossier.DocumentFilter{Limit: 1000}
	for {
		page, err := src.Documents(ctx, f)
		if err != nil {
			return res, err
		}
		for i := range page.Documents {
			d := page.Documents[i]
			steps = append(steps, step{at: d.Ingested, doc: &d})
		}
		if page.Next == "" || len(page.Documents) == 0 {
			break
		}
		f.Cursor = page.Next
	}
	// The store lists documents newest first; the first stored come first.
	slices.Reverse(steps)
	reviews, err := src.Reviews(ctx, dossier.ReviewFilter{})
	if err != nil {
		return res, err
	}
	slices.Reverse(reviews)
	for i := range reviews {
		steps = append(steps, step{at: reviews[i].Time, review: &reviews[i]})
	}
	// Documents before reviews of the same second: a review needs its target.
	sort.SliceStable(steps, func(i, j int) bool {
		if !steps[i].at.Equal(steps[j].at) {
			return steps[i].at.Before(steps[j].at)
		}
		return steps[i].doc != nil && steps[j].doc == nil
	})
	fatal := func(err error) bool {
		return errors.Is(err, dossier.ErrLocked) || errors.Is(err, dossier.ErrUnavailable) || errors.Is(err, dossier.ErrSchemaTooNew) ||
			errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
	}
	var later []*dossier.Review
	// A store that settles at the end of a run (sqlstore) settles before
	// each review, whose target is an incident id as the source had it
	// then, and at the end.
	settle := func() error {
		if rs, ok := dst.(interface {
			ReconcileStale(context.Context) (int, error)
		}); ok {
			_, err := rs.ReconcileStale(ctx)
			return err
		}
		return nil
	}
	addReview := func(r *dossier.Review) error {
		clock.Set(r.Time)
		if err := settle(); err != nil {
			return err
		}
		_, err := dst.AddReview(ctx, dossier.Review{Target: r.Target, TargetID: r.TargetID, Field: r.Field, Action: r.Action,
			Value: r.Value, Author: r.Author, Note: r.Note})
		return err
	}
	for i, s := range steps {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if s.doc != nil {
			err := copyDocument(ctx, src, dst, clock, s.doc)
			switch {
			case err != nil && fatal(err):
				return res, err
			case err != nil:
				res.failures = append(res.failures, fmt.Sprintf("document %s: %v", s.doc.Key, err))
			default:
				res.documents++
			}
		} else {
			err := addReview(s.review)
			switch {
			case errors.Is(err, dossier.ErrNotFound):
				later = append(later, s.review)
			case err != nil && fatal(err):
				return res, err
			case err != nil:
				res.failures = append(res.failures, fmt.Sprintf("review %s: %v", s.review.ID, err))
			default:
				res.reviews++
			}
		}
		if progress != nil {
			progress(i+1, len(steps))
		}
	}
	for _, r := range later {
		if err := addReview(r); err != nil {
			if fatal(err) {
				return res, err
			}
			res.failures = append(res.failures, fmt.Sprintf("review %s: %v", r.ID, err))
			continue
		}
		res.reviews++
	}
	clock.Set(time.Time{})
	return res, settle()
}

// copyDocument stores one source document in the target, stamped with
// the time it was ingested in the source.
func copyDocument(ctx context.Context, src copySource, dst copyTarget, clock *replayClock, d *dossier.DocumentSummary) error {
	doc, err := src.LoadDocument(ctx, d.DocumentID)
	if err != nil {
		return err
	}
	det, err := src.Document(ctx, d.DocumentID)
	if err != nil {
		return err
	}
	x := det.Extraction
	if x == nil {
		return fmt.Errorf("no stored extraction")
	}
	clock.Set(d.Ingested)
	_, err = dst.PutDocument(ctx, doc, x, d.Extractor)
	return err
}
