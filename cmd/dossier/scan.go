package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/dump"
)

func init() {
	commands["scan"] = command{
		summary: "read MediaWiki dumps and count the pages worth extracting",
		run:     runScan,
	}
}

// scanTotals sums the figures of the files a scan read.
type scanTotals struct {
	pages, selected, failed int64
	compressed, xml         int64
}

func (t *scanTotals) add(s dump.Stats) {
	t.pages += s.Pages
	t.selected += s.Selected
	t.failed += s.Failed
	t.compressed += s.Compressed
	t.xml += s.Uncompressed
}

func (t *scanTotals) String(elapsed time.Duration) string {
	return fmt.Sprintf("pages read %d, selected %d, failed %d, %.1f MB compressed, %.1f MB/s uncompressed",
		t.pages, t.selected, t.failed, float64(t.compressed)/1e6, float64(t.xml)/1e6/max(elapsed.Seconds(), 1e-9))
}

// runScan reads dumps, decompresses, splits and filters their pages, and
// prints how many were read and selected: the reading stage alone, as the
// benchmark's first figure.
func runScan(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier scan [flags] PATH...\n\nReads MediaWiki XML dumps (.xml, .xml.bz2, .xml.gz, multistream .xml.bz2 with its\nindex) and prints how many pages were read and selected for extraction.\nPATH may be a file, a folder, a glob or - for standard input.\n\nFlags:")
		fs.PrintDefaults()
	}
	workers := fs.Int("workers", 0, "decompression workers (0: one per core)")
	maxPageMB := fs.Int("max-page-mb", dump.DefaultMaxPageBytes/1_000_000, "skip and report pages larger than this many MB")
	index := fs.String("index", "", "multistream index file (default: NAME-index.txt.bz2 beside NAME.xml.bz2)")
	noIndex := fs.Bool("no-index", false, "read a multistream dump sequentially, ignoring its index")
	all := fs.Bool("all", false, "select every page instead of filtering")
	rules := fs.String("rules", "", "filter rules file replacing the built-in ones (format of internal/dump/select.txt)")
	list := fs.Bool("list", false, "print the title and reason of each selected page")
	state := fs.String("state", "", "checkpoint file: resume from it and keep it up to date")
	every := fs.Duration("progress", 10*time.Second, "log progress this often (0: never)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &exitError{code: exitUsage, err: err}
	}
	paths, err := scanPaths(fs.Args())
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if len(paths) == 0 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("no dump to scan")}
	}
	if *index != "" && len(paths) != 1 {
		return &exitError{code: exitUsage, err: errors.New("-index needs exactly one dump")}
	}
	opts := dump.Options{Index: *index, NoIndex: *noIndex, Workers: *workers, MaxPageBytes: *maxPageMB * 1_000_000}
	if !*all {
		opts.Filter = dump.DefaultFilter()
		if *rules != "" {
			f, err := os.Open(*rules)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			opts.Filter, err = dump.ParseFilter(f)
			f.Close()
			if err != nil {
				return &exitError{code: exitUsage, err: fmt.Errorf("%s: %w", *rules, err)}
			}
		}
	}
	st, err := loadScanState(*state)
	if err != nil {
		return err
	}

	start := time.Now()
	var total scanTotals
	var failedFiles []string
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		ck, seen := st.Files[path]
		if path == "-" {
			ck, seen = scanCheckpoint{}, false // standard input is read anew
		}
		if seen && ck.Done {
			env.Log.Info("already scanned", "file", path)
			continue
		}
		o := opts
		o.Resume = ck.Checkpoint
		s, err := scanFile(ctx, env, path, o, st, *list, *every)
		total.add(s)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			env.Log.Error("scan failed", "err", err)
			failedFiles = append(failedFiles, path)
		}
	}
	fmt.Fprintln(env.Stdout, total.String(time.Since(start)))
	if len(failedFiles) > 0 || total.failed > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d of %d inputs failed (%s), %d pages could not be read",
			len(failedFiles), len(paths), strings.Join(failedFiles, ", "), total.failed)}
	}
	return nil
}

// scanFile reads one dump to its end, logging unreadable pages, and keeps
// the checkpoint file up to date.
func scanFile(ctx context.Context, env *Env, path string, opts dump.Options, st *scanState, list bool, every time.Duration) (dump.Stats, error) {
	var r *dump.Reader
	var err error
	if path == "-" {
		r, err = dump.NewReader(ctx, "-", env.Stdin, opts)
	} else {
		r, err = dump.Open(ctx, path, opts)
	}
	if err != nil {
		return dump.Stats{}, err
	}
	defer r.Close()
	log := env.Log.With("file", path)
	log.Info("scanning", "format", r.Format(), "mb", float64(r.Size())/1e6)
	start := time.Now()
	last := start
	save := func(done bool) {
		if st.path == "" || path == "-" {
			return
		}
		st.Files[path] = scanCheckpoint{Checkpoint: r.Checkpoint(), Done: done}
		if err := st.save(); err != nil {
			log.Warn("checkpoint not saved", "err", err)
		}
	}
	var fatal error
	for page, err := range r.Pages(ctx) {
		if err != nil {
			var de *dump.Error
			if errors.As(err, &de) && de.Fatal {
				fatal = err
				break
			}
			log.Warn("page skipped", "err", err)
			continue
		}
		if list {
			fmt.Fprintf(env.Stdout, "%s\t%s\n", page.Title, page.Reason)
		}
		if now := time.Now(); every > 0 && now.Sub(last) >= every {
			last = now
			s := r.Stats()
			log.Info("progress", "compressed_mb", float64(s.Compressed)/1e6,
				"percent", fmt.Sprintf("%.1f", 100*float64(s.Compressed)/float64(max(r.Size(), 1))),
				"pages", s.Pages, "selected", s.Selected)
			save(false)
		}
	}
	s := r.Stats()
	save(fatal == nil)
	var t scanTotals
	t.add(s)
	fmt.Fprintf(env.Stdout, "%s: %s\n", path, t.String(time.Since(start)))
	return s, fatal
}

// scanPaths expands folders (their dump files) and globs.
func scanPaths(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		fi, err := os.Stat(a)
		switch {
		case err == nil && fi.IsDir():
			entries, err := os.ReadDir(a)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				n := e.Name()
				if !e.IsDir() && isDumpName(n) {
					out = append(out, filepath.Join(a, n))
				}
			}
		case err == nil:
			out = append(out, a)
		case strings.ContainsAny(a, "*?["):
			m, gerr := filepath.Glob(a)
			if gerr != nil {
				return nil, fmt.Errorf("%s: %w", a, gerr)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("%s: no file matches", a)
			}
			for _, p := range m {
				if !dump.IsIndex(p) {
					out = append(out, p)
				}
			}
		default:
			// Let Open report it, naming the file, with the others read.
			out = append(out, a)
		}
	}
	return out, nil
}

func isDumpName(n string) bool {
	if dump.IsIndex(n) {
		return false
	}
	for _, ext := range []string{".xml", ".xml.bz2", ".xml.gz", ".bz2"} {
		if strings.HasSuffix(n, ext) {
			return true
		}
	}
	return false
}

// scanCheckpoint is a file's entry in the state file.
type scanCheckpoint struct {
	dump.Checkpoint
	Done bool `json:"done,omitempty"`
}

// scanState is the checkpoint file of -state: where each file stopped.
type scanState struct {
	path  string
	Files map[string]scanCheckpoint `json:"files"`
}

func loadScanState(path string) (*scanState, error) {
	st := &scanState{path: path, Files: map[string]scanCheckpoint{}}
	if path == "" {
		return st, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read checkpoint file: %w", err)
	}
	if err := json.Unmarshal(b, st); err != nil {
		return nil, fmt.Errorf("read checkpoint file %s: %w", path, err)
	}
	if st.Files == nil {
		st.Files = map[string]scanCheckpoint{}
	}
	return st, nil
}

// save writes the state to a temporary file and renames it over the old
// one, so a crash leaves either the old or the new checkpoint.
func (st *scanState) save() error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp := st.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write checkpoint file %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, st.path); err != nil {
		return fmt.Errorf("write checkpoint file %s: %w", st.path, err)
	}
	return nil
}
