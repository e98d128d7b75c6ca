package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/inputs"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/sqlstore"
)

func init() {
	commands["ingest"] = command{summary: "extract documents and store them in the knowledge base", run: runIngest}
}

// extractorVersion is what is stored with each document: the extractor's
// version, and a digest of the user lexicons when there are any, so that
// reprocess finds the documents extracted with other rules or lexicons.
func extractorVersion(lexdir string) (string, error) {
	if lexdir == "" {
		return extract.Version, nil
	}
	var files []string
	err := filepath.WalkDir(lexdir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("lexicon folder: %w", err)
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", fmt.Errorf("lexicon folder: %w", err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.Base(f), len(b))
		h.Write(b)
	}
	return extract.Version + "+lex." + hex.EncodeToString(h.Sum(nil))[:12], nil
}

// progressFor chooses how to show progress: a bar on a terminal, lines
// otherwise.
func progressFor(mode string, w io.Writer) (ingest.Progress, error) {
	raw := w
	if t, ok := w.(*termWriter); ok {
		raw = t.Raw() // the bar escapes the names it prints itself
	}
	if mode == "auto" {
		mode = "lines"
		if _, ok := w.(*termWriter); ok {
			mode = "bar"
		} else if f, ok := w.(*os.File); ok && isTerminal(f) {
			mode = "bar"
		}
	}
	switch mode {
	case "bar":
		return &ingest.Bar{W: raw}, nil
	case "lines":
		return &ingest.Lines{W: w}, nil
	case "none":
		return nil, nil
	}
	return nil, fmt.Errorf("unknown --progress %q (want auto, bar, lines or none)", mode)
}

func runIngest(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	lexdir := fs.String("lexicon", "", "folder of user lexicon files that add to the built-in ones")
	workers := fs.Int("workers", 0, "documents extracted in parallel (0: one per core, one fewer when the PostgreSQL server runs on this machine; at most four per core)")
	docTimeout := fs.Duration("doc-timeout", 2*time.Minute, "safety net: a document whose extraction takes longer fails, is not stored, and is retried by the next run (0: none)")
	progress := fs.String("progress", "auto", "progress display: auto (a bar on a terminal, lines otherwise), bar, lines or none")
	allPages := fs.Bool("all-pages", false, "ingest every page of a MediaWiki dump, not only those its filter selects")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier ingest [--db DSN] [flags] PATH...")
		fmt.Fprintln(env.Stderr, "\nExtracts each document and stores it, resolving its incidents and actors against the")
		fmt.Fprintln(env.Stderr, "knowledge base. A document already stored with the same content is skipped; a")
		fmt.Fprintln(env.Stderr, "changed one replaces its previous version. Each document is one transaction: a run")
		fmt.Fprintln(env.Stderr, "that was interrupted finishes when run again.")
		fmt.Fprintln(env.Stderr, "\nPATH is a file, a folder, a glob, or - for standard input: text articles, HTML pages")
		fmt.Fprintln(env.Stderr, "(.html), JSON Lines feeds (.jsonl, one {url, title, published, text} per line) and")
		fmt.Fprintln(env.Stderr, "MediaWiki dumps (.xml, .xml.bz2, multistream with its index; the pages worth extracting).")
		fmt.Fprintln(env.Stderr, "Exit status: 0 all stored, 3 some inputs failed (the others were stored), 2 usage, 1 other failure.")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	prog, err := progressFor(*progress, env.Stderr)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	version, err := extractorVersion(*lexdir)
	if err != nil {
		return err
	}
	x, err := extract.New(extract.Options{LexiconDir: *lexdir})
	if err != nil {
		return err
	}
	st, err := openStore(ctx, env, *db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	// Files are read on the workers; feeds and dumps are read here, one
	// document at a time, as the workers take them.
	docs, size := inputs.Count(fs.Args())
	var skipped skippedFiles
	sum, runErr := ingest.RunEach(ctx, ingest.Options{Store: st, Extractor: testPause(x), Version: version, Workers: defaultWorkers(*workers, *db), DocTimeout: *docTimeout,
		Progress: prog, Log: env.Log}, docs, size, func(yield func(ingest.Input) error) error {
		return inputs.Each(ctx, fs.Args(), env.Stdin, inputs.Options{AllPages: *allPages, Skipped: skipped.add}, func(in inputs.Input) error {
			return yield(ingest.Input(in))
		})
	})
	skipped.print(env.Stdout)
	return finishRun(ctx, env, st, *db, "ingested", sum, runErr)
}

// testPause makes every extraction wait DOSSIER_TEST_EXTRACT_PAUSE (a
// duration) first. Tests only (TestConcurrentIngestPostgres): a process
// killed then surely holds claims of documents it has not stored.
func testPause(x ingest.Extractor) ingest.Extractor {
	d, err := time.ParseDuration(os.Getenv("DOSSIER_TEST_EXTRACT_PAUSE"))
	if err != nil || d <= 0 {
		return x
	}
	return pausedExtractor{x, d}
}

type pausedExtractor struct {
	ingest.Extractor
	pause time.Duration
}

func (p pausedExtractor) Extract(doc *dossier.Document) (*dossier.Extraction, error) {
	time.Sleep(p.pause)
	return p.Extractor.Extract(doc)
}

// skippedFiles are the files of the folders given that are not documents.
type skippedFiles struct {
	paths []string
	whys  []string
}

func (s *skippedFiles) add(path, why string) {
	s.paths, s.whys = append(s.paths, path), append(s.whys, why)
}

// print lists them in the run's summary: the first few by name.
func (s *skippedFiles) print(w io.Writer) {
	if len(s.paths) == 0 {
		return
	}
	const shown = 5
	var names []string
	for i, p := range s.paths {
		if i == shown {
			names = append(names, fmt.Sprintf("and %d more", len(s.paths)-shown))
			break
		}
		names = append(names, fmt.Sprintf("%s (%s)", p, s.whys[i]))
	}
	fmt.Fprintf(w, "skipped %d file(s) of the folders that are not documents: %s\n", len(s.paths), strings.Join(names, ", "))
}

// finishRun prints a run's summary and failures and chooses the exit status.
func finishRun(ctx context.Context, env *Env, st dossier.Maintainer, db, verb string, sum ingest.Summary, runErr error) error {
	rate := ""
	if s := sum.Elapsed.Seconds(); s > 0 {
		rate = fmt.Sprintf(", %.1f docs/s, %.2f MB/s", float64(sum.Documents)/s, float64(sum.Bytes)/1e6/s)
	}
	// extracted: by this process (several may feed one PostgreSQL base)
	fmt.Fprintf(env.Stdout, "%s %d document(s) in %s: %d new, %d updated, %d unchanged, %d failed, extracted %d%s\n",
		verb, sum.Documents, sum.Elapsed.Round(10*time.Millisecond), sum.New, sum.Updated, sum.Unchanged, sum.Failed, sum.Extracted, rate)
	if sum.Skipped > 0 {
		fmt.Fprintf(env.Stdout, "%d document(s) stored but not extracted (language)\n", sum.Skipped)
	}
	if sum.Variants > 0 {
		fmt.Fprintf(env.Stdout, "%d input(s) were other versions of a stored document (same source) and were kept as variants\n", sum.Variants)
	}
	if stats, err := st.Stats(ctx); err == nil {
		fmt.Fprintf(env.Stdout, "incident reports: %d (%d joined known incidents, %d new incidents)\n",
			sum.Reports, sum.Reports-sum.NewIncidents, sum.NewIncidents)
		if ls, ok := st.(interface{ LastSettle() sqlstore.SettleSummary }); ok {
			if s := ls.LastSettle(); s.Moved+s.Merged+s.Split > 0 {
				fmt.Fprintf(env.Stdout, "settled at the end of the run: %d report(s) moved, %d incident(s) merged, %d split\n",
					s.Moved, s.Merged, s.Split)
			}
		}
		fmt.Fprintf(env.Stdout, "the knowledge base holds %d incidents, %d actors, %d documents\n",
			stats.Incidents, stats.Actors, stats.Documents)
		if stats.Queued > 0 {
			fmt.Fprintf(env.Stdout, "%d undated report(s) wait in the review queue: dossier review queue\n", stats.Queued)
		}
	}
	fmt.Fprintf(env.Stdout, "knowledge base: %s\n", where(db))
	for _, f := range sum.Failures {
		fmt.Fprintf(env.Stderr, "dossier: %v\n", describe(f))
	}
	if runErr != nil {
		return fmt.Errorf("stopped after %d document(s): %w", sum.Documents, runErr)
	}
	if sum.Failed > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d input(s) failed", sum.Failed)}
	}
	return nil
}

// describe names the input in a failure unless the error already does.
func describe(f ingest.Failure) error {
	if inputs.Named(f.Err) {
		return f.Err
	}
	return fmt.Errorf("%s: %w", f.Name, f.Err)
}

// defaultWorkers is the number of extraction workers for --workers n on
// the store db: n when given; otherwise one per core, less one when db is
// a PostgreSQL server on this machine, which needs a core of its own to
// keep up (on two cores, one worker ingests about a sixth faster than two
// there, while SQLite, in the process, is faster with two).
func defaultWorkers(n int, db string) int {
	if n != 0 || !isPostgres(db) || !postgres.OnThisMachine(db) {
		return n
	}
	return max(1, runtime.GOMAXPROCS(0)-1)
}
