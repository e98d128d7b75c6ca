// Package ingest is the orchestrator between the pure pipeline and a
// store: it reads documents, extracts them on every core, and stores them
// one by one in input order, each in its own transaction, so that a run
// can be killed at any moment and run again to finish the job. A bad
// document fails alone, named in the summary; a store that cannot be
// written ends the run.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"github.com/dossier-project/dossier/internal/inputs"
	"io"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/reader"
)

// Store is what ingestion needs of a store.
type Store interface {
	DocumentState(ctx context.Context, key string) (dossier.DocumentState, error)
	PutDocument(ctx context.Context, doc *dossier.Document, x *dossier.Extraction, extractor string) (dossier.PutResult, error)
}

// Extractor extracts one document (internal/extract.Extractor).
type Extractor interface {
	Extract(doc *dossier.Document) (*dossier.Extraction, error)
}

// Input is one document to ingest: a name for messages, its size when
// known (for progress), and how to load it.
type Input struct {
	Name string
	Size int64
	Load func(ctx context.Context) (*dossier.Document, error)
}

// Paths turns command-line paths (files, folders, globs, "-") into inputs.
func Paths(args []string, stdin io.Reader, lim reader.Limits) []Input {
	var out []Input
	for _, p := range reader.Expand(args) {
		p := p
		var size int64
		if p != "-" {
			if st, err := os.Stat(p); err == nil {
				size = st.Size()
			}
		}
		out = append(out, Input{Name: p, Size: size, Load: func(ctx context.Context) (*dossier.Document, error) {
			return reader.ReadPath(ctx, p, stdin, lim)
		}})
	}
	return out
}

// Loader loads stored documents, for re-extraction.
type Loader interface {
	StaleDocuments(ctx context.Context, extractor string) ([]string, error)
	LoadDocument(ctx context.Context, ref string) (*dossier.Document, error)
}

// Stale returns the stored documents extracted by another version than
// the one given, as inputs loaded from the store itself.
func Stale(ctx context.Context, l Loader, version string) ([]Input, error) {
	keys, err := l.StaleDocuments(ctx, version)
	if err != nil {
		return nil, err
	}
	out := make([]Input, len(keys))
	for i, k := range keys {
		k := k
		out[i] = Input{Name: k, Load: func(ctx context.Context) (*dossier.Document, error) { return l.LoadDocument(ctx, k) }}
	}
	return out, nil
}

// Options configure a run.
type Options struct {
	Store     Store
	Extractor Extractor
	// Version is the extractor version stored with each document; a
	// document stored with the same content and version is not extracted
	// again.
	Version string
	// Workers extract in parallel; 0 means one per core.
	Workers int
	// DocTimeout is a safety net, not a bound: work is bounded in bytes
	// everywhere, so no document should come near it. A document whose
	// extraction takes longer fails (nothing of it is stored), is named in
	// the summary, and is tried again by the next run. 0: no limit.
	DocTimeout time.Duration
	Progress   Progress // nil: none
	Log        *slog.Logger
}

// Failure is a document that could not be ingested.
type Failure struct {
	Name string
	Err  error
}

// Summary counts what a run did.
type Summary struct {
	Documents int
	New       int
	Updated   int
	Unchanged int
	Failed    int
	// Skipped counts documents stored but not extracted (another language).
	Skipped int
	// Variants counts inputs that were other versions of a stored document
	// and lost to it (dossier.PutVariant); they are among Unchanged.
	Variants int
	Bytes    int64
	// Reports counts the documents' incident reports; each joined a known
	// incident or founded a new one (NewIncidents). Incidents counts the
	// distinct incidents they were placed in.
	Reports      int
	Incidents    int
	NewIncidents int
	Failures     []Failure
	Elapsed      time.Duration
	// Extracted counts the documents this process extracted itself; with
	// several processes on one store, the others extracted the rest.
	Extracted int
}

// result is one input after reading and extraction.
type result struct {
	seq       int
	in        Input
	doc       *dossier.Document
	x         *dossier.Extraction
	unchanged bool
	err       error
	// deferred: another process holds the document's claim; it is looked
	// at again at the end of the run. release ends this process's claim.
	deferred bool
	release  func()
}

// Claimer is a store that several processes may feed at once
// (internal/sqlstore on PostgreSQL): a process claims a document before it
// extracts it, so that inputs given to several processes are extracted
// about once in all. Claim reports whether this process got the key:
// false while another live process holds it. The release is called once
// the document is stored or failed.
type Claimer interface {
	Claim(ctx context.Context, key string) (release func(), ok bool, err error)
}

// ClaimPoll is how often a run that finished its own documents looks
// again at those other processes had claimed; minSweep is how many such
// documents wait before a run looks at them again on the way.
const (
	ClaimPoll = 200 * time.Millisecond
	minSweep  = 64
)

// Run ingests inputs. Per-document failures are counted in the summary
// and the run goes on; an error is returned when the run could not go on
// (the store cannot be written, the context ended), with the summary of
// what was done until then.
func Run(ctx context.Context, opts Options, inputs []Input) (Summary, error) {
	var total int64
	for _, in := range inputs {
		total += in.Size
	}
	return RunEach(ctx, opts, len(inputs), total, func(yield func(Input) error) error {
		for _, in := range inputs {
			if err := yield(in); err != nil {
				return err
			}
		}
		return nil
	})
}

// RunEach is Run for inputs handed out one at a time by each, which calls
// yield with every input in order and returns the error yield returns: a
// MediaWiki dump or a feed yields its documents as it reads them, so they
// are never all in memory (internal/inputs.Each has this shape). docs and
// bytes are for the progress display, 0 when unknown. An error of each's
// own (not one yield gave it) ends the run once the inputs it handed out
// are stored, and is returned.
func RunEach(ctx context.Context, opts Options, docs int, bytes int64, each func(yield func(Input) error) error) (Summary, error) {
	rs, _ := opts.Store.(StaleReconciler)
	if rs != nil {
		// what a crashed run left stale
		if _, err := rs.ReconcileStale(ctx); err != nil {
			return Summary{}, err
		}
	}
	sum, err := runEach(ctx, opts, docs, bytes, each)
	if rs != nil && ctx.Err() == nil {
		start := time.Now()
		if _, rerr := rs.ReconcileStale(ctx); rerr != nil && err == nil {
			err = rerr
		}
		sum.Elapsed += time.Since(start)
	}
	return sum, err
}

// StaleReconciler is a store that defers computing incidents of many
// reports until the end of a run (internal/sqlstore).
type StaleReconciler interface {
	ReconcileStale(ctx context.Context) (int, error)
}

func runEach(ctx context.Context, opts Options, docs int, bytes int64, each func(yield func(Input) error) error) (Summary, error) {
	start := time.Now()
	var sum Summary
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	workers := Workers(opts.Workers)
	prog := opts.Progress
	if prog == nil {
		prog = nopProgress{}
	}
	prog.Start(docs, bytes)
	defer prog.Finish()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		in  Input
	}
	jobs := make(chan job)
	results := make(chan result, workers)
	// window bounds how far reading and extraction may run ahead of storing.
	window := make(chan struct{}, workers*4)
	budget := inputs.NewInFlight() // and in bytes
	releases := map[int]func(){}
	var relMu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := prepare(ctx, opts, j.in)
				r.seq = j.seq
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	// done carries how many inputs each handed out and the error it
	// returned, sent before jobs is closed.
	type handedOut struct {
		n   int
		err error
	}
	done := make(chan handedOut, 1)
	go func() {
		n := 0
		err := each(func(in Input) error {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			release, err := budget.Acquire(ctx, in.Size)
			if err != nil {
				return err
			}
			relMu.Lock()
			releases[n] = release
			relMu.Unlock()
			select {
			case jobs <- job{seq: n, in: in}:
				n++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		done <- handedOut{n, err}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()

	incidents := map[string]bool{}
	// storeOne stores a prepared document and counts it; it returns the
	// error that ends the run, if any (a document's own failure is counted).
	storeOne := func(r result) error {
		status, err := store(ctx, opts, r, &sum, incidents)
		if err != nil && stopsRun(err) {
			return err
		}
		if err != nil {
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{Name: r.in.Name, Err: err})
			log.Warn("document failed", "path", r.in.Name, "err", err)
			status = "failed"
		}
		sum.Documents++
		prog.Done(r.in.Name, docSize(r), status, err)
		return nil
	}
	// deferred are the documents another process held the claim of; they
	// are looked at again when sweepAt of them wait, and at the end.
	var deferred []result
	sweepAt := minSweep
	var fatal error
	// retry looks at each deferred document once: stored meanwhile by its
	// claimant, extracted here if its claim ended unstored, or kept.
	retry := func() {
		var busy []result
		for i, r := range deferred {
			r, ok := retryDeferred(ctx, opts, r)
			if !ok {
				busy = append(busy, r)
				continue
			}
			if fatal = storeOne(r); fatal != nil {
				busy = append(busy, deferred[i+1:]...)
				break
			}
		}
		deferred = busy
	}
	pending := map[int]result{}
	next := 0
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok || fatal != nil {
				break
			}
			delete(pending, next)
			relMu.Lock()
			if rel := releases[next]; rel != nil {
				rel()
				delete(releases, next)
			}
			relMu.Unlock()
			next++
			<-window
			if r.deferred {
				// most are stored by their claimant soon after: looking
				// again now and then keeps few documents in memory
				if deferred = append(deferred, r); len(deferred) >= sweepAt {
					retry()
					sweepAt = max(minSweep, 2*len(deferred))
				}
			} else {
				fatal = storeOne(r)
			}
			if fatal != nil {
				cancel()
				break
			}
		}
	}
	// The run ends only once each deferred document is stored, by its
	// claimant or by this process when the claim ends unstored (the
	// claimant failed on it, or died and its lease ran out).
	for len(deferred) > 0 && fatal == nil && ctx.Err() == nil {
		if retry(); len(deferred) > 0 && fatal == nil {
			select {
			case <-time.After(ClaimPoll):
			case <-ctx.Done():
			}
		}
	}
	left := len(deferred)
	// claims of documents extracted but not stored (the run stopped)
	for _, r := range pending {
		if r.release != nil {
			r.release()
		}
	}
	sum.Incidents = len(incidents)
	sum.Elapsed = time.Since(start)
	if fatal != nil {
		return sum, fatal
	}
	if err := ctx.Err(); err != nil && left > 0 {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		// Stopped from outside: complete only if every input was stored.
		// The reader may still be blocked reading; it is not waited for.
		select {
		case h := <-done:
			if h.err == nil && next == h.n {
				return sum, nil
			}
		default:
		}
		return sum, err
	}
	// Workers stop early only when ctx ends: they saw jobs closed, so the
	// reader is done.
	if h := <-done; h.err != nil {
		return sum, h.err
	}
	return sum, nil
}

// stopsRun tells the errors after which no further document can be stored.
func stopsRun(err error) bool {
	return errors.Is(err, dossier.ErrLocked) || errors.Is(err, dossier.ErrUnavailable) ||
		errors.Is(err, dossier.ErrSchemaTooNew) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

func docSize(r result) int64 {
	if r.doc != nil {
		return int64(len(r.doc.Raw))
	}
	return r.in.Size
}

// prepare reads and extracts one input, unless the store already holds
// this version extracted by this extractor.
func prepare(ctx context.Context, opts Options, in Input) result {
	r := result{in: in}
	doc, err := in.Load(ctx)
	if err != nil {
		r.err = err
		return r
	}
	r.doc = doc
	if r.unchanged, r.err = stored(ctx, opts, doc); r.unchanged || r.err != nil {
		return r
	}
	if c, ok := opts.Store.(Claimer); ok {
		release, got, err := c.Claim(ctx, doc.Key())
		switch {
		case err != nil:
			r.err = err
			return r
		case !got:
			r.deferred = true // another process is on it
			return r
		}
		// it may have stored it between our look and our claim
		if r.unchanged, r.err = stored(ctx, opts, doc); r.unchanged || r.err != nil {
			release()
			return r
		}
		r.release = release
	}
	return extractInto(opts, r)
}

// stored tells whether the store holds this version of the document
// extracted by this extractor (or a known variant that lost to it).
func stored(ctx context.Context, opts Options, doc *dossier.Document) (bool, error) {
	st, err := opts.Store.DocumentState(ctx, doc.Key())
	switch {
	case err == nil && st.Extractor == opts.Version && (st.Hash == doc.ContentHash() || slices.Contains(st.Variants, doc.ContentHash())):
		return true, nil
	case err != nil && !errors.Is(err, dossier.ErrNotFound):
		return false, err
	}
	return false, nil
}

// extractInto extracts a loaded document into its result.
func extractInto(opts Options, r result) result {
	x, err := extractWithin(opts.Extractor, r.doc, opts.DocTimeout)
	if err != nil {
		r.err = &reader.Error{Path: r.in.Name, Err: fmt.Errorf("extract: %w", err)}
		return r
	}
	r.x = x
	return r
}

// retryDeferred comes back to a document another process had claimed:
// ok is false while that claim lasts; otherwise the document is found
// stored, or extracted here under this process's claim.
func retryDeferred(ctx context.Context, opts Options, r result) (_ result, ok bool) {
	if r.unchanged, r.err = stored(ctx, opts, r.doc); r.unchanged || r.err != nil {
		r.deferred = false
		return r, true
	}
	release, got, err := opts.Store.(Claimer).Claim(ctx, r.doc.Key())
	switch {
	case err != nil:
		r.deferred, r.err = false, err
		return r, true
	case !got:
		return r, false
	}
	r.deferred = false
	// stored between our look and our claim
	if r.unchanged, r.err = stored(ctx, opts, r.doc); r.unchanged || r.err != nil {
		release()
		return r, true
	}
	r.release = release
	return extractInto(opts, r), true
}

// store writes one prepared document and counts it.
func store(ctx context.Context, opts Options, r result, sum *Summary, incidents map[string]bool) (string, error) {
	if r.release != nil {
		defer r.release()
	}
	if r.err != nil {
		return "", r.err
	}
	if r.x != nil {
		sum.Extracted++
	}
	sum.Bytes += int64(len(r.doc.Raw))
	if r.unchanged {
		sum.Unchanged++
		return dossier.PutUnchanged, nil
	}
	res, err := opts.Store.PutDocument(ctx, r.doc, r.x, opts.Version)
	if err != nil {
		return "", err
	}
	switch res.Status {
	case dossier.PutNew:
		sum.New++
	case dossier.PutUpdated:
		sum.Updated++
	case dossier.PutVariant:
		sum.Unchanged++
		sum.Variants++
	default:
		sum.Unchanged++
	}
	if r.x.Skipped != "" {
		sum.Skipped++
	}
	for _, id := range res.Incidents {
		incidents[id] = true
	}
	sum.Reports += len(res.Incidents)
	sum.NewIncidents += res.NewIncidents
	return res.Status, nil
}

// Workers is the number of extraction workers for a requested number: one
// per core for 0, and never more than four per core (at most 64), since
// more only queue for the same cores and hold memory (a million took
// gigabytes for one document).
func Workers(n int) int {
	limit := min(64, 4*runtime.GOMAXPROCS(0))
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return max(1, min(n, limit))
}

// ErrDocTimeout is the failure of a document whose extraction outlasted
// Options.DocTimeout.
var ErrDocTimeout = errors.New("extraction took longer than --doc-timeout; nothing stored, the next run tries again")

// extractWithin extracts doc, giving up after timeout (0: never). The
// extraction it gave up on finishes in the background (its work is
// bounded) and its result is dropped.
func extractWithin(x Extractor, doc *dossier.Document, timeout time.Duration) (*dossier.Extraction, error) {
	if timeout <= 0 {
		return x.Extract(doc)
	}
	type out struct {
		x   *dossier.Extraction
		err error
	}
	ch := make(chan out, 1)
	go func() {
		r, err := x.Extract(doc)
		ch <- out{r, err}
	}()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case o := <-ch:
		return o.x, o.err
	case <-t.C:
		return nil, fmt.Errorf("%w (%s)", ErrDocTimeout, timeout)
	}
}
