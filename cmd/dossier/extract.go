package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/inputs"
	"github.com/dossier-project/dossier/internal/reader"
)

func init() {
	commands["extract"] = command{summary: "extract incidents, actors, relations and statements from documents", run: runExtract}
}

func runExtract(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "text", "output format: text (a readable card per document) or jsonl (one JSON object per line)")
	lexdir := fs.String("lexicon", "", "folder of user lexicon files that add to the built-in ones (weapons.tsv, actors.tsv, places.tsv, ...)")
	allPages := fs.Bool("all-pages", false, "extract every page of a MediaWiki dump, not only those its filter selects")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier extract [--format text|jsonl] [--lexicon DIR] [--all-pages] PATH...")
		fmt.Fprintln(env.Stderr, "\nPATH is a file, a folder, a glob, or - for standard input: text articles, HTML pages")
		fmt.Fprintln(env.Stderr, "(.html), JSON Lines feeds (.jsonl, one {url, title, published, text} per line) and")
		fmt.Fprintln(env.Stderr, "MediaWiki dumps (.xml, .xml.bz2, multistream with its index; the pages worth extracting).")
		fmt.Fprintln(env.Stderr, "Exit status: 0 all read, 3 some inputs failed (the others were extracted), 2 usage, 1 other failure.")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if *format != "text" && *format != "jsonl" {
		return &exitError{code: exitUsage, err: fmt.Errorf("unknown format %q (want text or jsonl)", *format)}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	x, err := extract.New(extract.Options{LexiconDir: *lexdir})
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(env.Stdout, 64<<10)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	// Documents are read in order by one goroutine, extracted by one worker
	// per core, and written in input order; at most a few documents per
	// worker are in memory at once, so memory stays flat whatever the input.
	var skipped skippedFiles
	err = extractAll(ctx, fs.Args(), env.Stdin, inputs.Options{AllPages: *allPages, Skipped: skipped.add}, x, runtime.GOMAXPROCS(0), func(r result) error {
		if r.err != nil {
			failed++
			if err := w.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(env.Stderr, "dossier extract: %v\n", r.err)
			return nil
		}
		if *format == "jsonl" {
			return enc.Encode(r.res)
		}
		writeCard(w, r.doc, r.res)
		return nil
	})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	skipped.print(env.Stderr) // standard output holds the extractions only
	if failed > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d input(s) failed", failed)}
	}
	return nil
}

// result is one input's outcome.
type result struct {
	doc *dossier.Document
	res *dossier.Extraction
	err error // names the input
}

// extractAll reads and extracts the inputs args name with workers and
// calls emit for each document in input order. Files are read and
// extracted on the workers; the documents of a feed or a dump are read in
// order by the dispatcher and extracted on the workers. It stops at the
// first error emit returns, or when ctx ends.
func extractAll(ctx context.Context, args []string, stdin io.Reader, opts inputs.Options, x *extract.Extractor, workers int, emit func(result) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		in  inputs.Input
		out chan result
	}
	type pending struct {
		out     chan result
		release func()
	}
	jobs := make(chan job, workers)
	order := make(chan pending, 2*workers)
	readErr := make(chan error, 1)
	budget := inputs.NewInFlight()
	go func() {
		defer close(order)
		defer close(jobs)
		readErr <- inputs.Each(ctx, args, stdin, opts, func(in inputs.Input) error {
			release, err := budget.Acquire(ctx, in.Size)
			if err != nil {
				return err
			}
			j := job{in: in, out: make(chan result, 1)}
			select {
			case order <- pending{j.out, release}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()
	for i := 0; i < workers; i++ {
		go func() {
			for j := range jobs {
				j.out <- extractOne(ctx, j.in, x)
			}
		}()
	}
	for p := range order {
		var r result
		select {
		case r = <-p.out:
		case <-ctx.Done():
			return ctx.Err()
		}
		p.release()
		if err := emit(r); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	return ctx.Err()
}

func extractOne(ctx context.Context, in inputs.Input, x *extract.Extractor) result {
	doc, err := in.Load(ctx)
	if err != nil {
		return result{err: err}
	}
	res, err := x.Extract(doc)
	if err != nil {
		return result{err: &reader.Error{Path: in.Name, Err: err}}
	}
	return result{doc: doc, res: res}
}

// writeCard prints a readable card: each incident's fields with the
// sentence behind each value, then actors, relations and statements.
func writeCard(w io.Writer, doc *dossier.Document, x *dossier.Extraction) {
	fmt.Fprintf(w, "== %s\n", doc.Path)
	if x.Doc.Title != "" {
		fmt.Fprintf(w, "   %s\n", x.Doc.Title)
	}
	if x.Skipped != "" {
		fmt.Fprintf(w, "   %s\n\n", x.Skipped)
		return
	}
	for _, in := range x.Incidents {
		tag := "incident"
		if in.Main {
			tag = "MAIN INCIDENT"
		}
		fmt.Fprintf(w, "\n%s: %s  [%s]\n", tag, in.Title, in.ID)
		field := func(name, val, ev string) {
			if val == "" {
				return
			}
			fmt.Fprintf(w, "  %-13s %s\n", name, val)
			for _, e := range in.Evidence {
				if e.Field == ev {
					fmt.Fprintf(w, "  %-13s   <- %s (%s, bytes %d-%d)\n", "", clip(e.Text, 160), e.Method, e.Start, e.End)
					if e.Note != "" {
						fmt.Fprintf(w, "  %-13s   (%s)\n", "", e.Note)
					}
					break
				}
			}
		}
		if in.Date != nil {
			d := in.Date.Start
			if in.Date.End != in.Date.Start {
				d += " to " + in.Date.End
			}
			field("date", d+" ("+in.Date.Precision+")", "date")
		}
		if l := in.Location; l != nil {
			s := strings.Trim(strings.Join([]string{l.Place, l.Admin1, l.Country}, ", "), ", ")
			if l.Lat != nil {
				s += fmt.Sprintf(" (%.2f, %.2f, %s)", *l.Lat, *l.Lon, l.Precision)
			}
			field("place", s, "location")
		}
		if in.Type != "" {
			field("type", in.Type+" / "+in.SubType, "")
		}
		field("weapons", strings.Join(in.Weapons, ", "), "weapons")
		field("fatalities", rangeText(in.Fatalities), "fatalities")
		field("injuries", rangeText(in.Injuries), "injuries")
		field("targets", strings.Join(in.Targets, ", "), "targets")
		field("perpetrators", strings.Join(in.Perpetrators, ", "), "perpetrators")
		field("accused", strings.Join(in.Accused, ", "), "accused")
		field("unidentified", strings.Join(in.Unidentified, ", "), "unidentified")
		field("part of", strings.Join(in.PartOf, ", "), "part_of")
	}
	if len(x.Actors) > 0 {
		fmt.Fprintf(w, "\nactors:\n")
		for _, a := range x.Actors {
			al := ""
			if len(a.Aliases) > 0 {
				al = " (also " + strings.Join(a.Aliases, "; ") + ")"
			}
			fmt.Fprintf(w, "  %-13s %s%s\n", a.Kind, a.Name, al)
		}
	}
	if len(x.Relations) > 0 {
		fmt.Fprintf(w, "\nrelations:\n")
		for _, r := range x.Relations {
			fmt.Fprintf(w, "  %s %s %s\n    <- %s\n", r.Subject, r.Predicate, r.Object, clip(r.Evidence.Text, 160))
		}
	}
	if len(x.Statements) > 0 {
		fmt.Fprintf(w, "\nstatements:\n")
		for _, s := range x.Statements {
			ch := ""
			if s.Channel != "" {
				ch = " (" + s.Channel + ")"
			}
			fmt.Fprintf(w, "  %s: %s%s\n    <- %s\n", s.Speaker, s.Stance, ch, clip(s.Evidence.Text, 160))
		}
	}
	if len(x.Claims) > 0 {
		fmt.Fprintf(w, "\nclaims:\n")
		for _, c := range x.Claims {
			fmt.Fprintf(w, "  %s (%s): %s %s\n", c.Claimant, c.ClaimantKind, c.About, c.Claim)
		}
	}
	fmt.Fprintln(w)
}

func rangeText(r *dossier.Range) string {
	if r == nil {
		return ""
	}
	switch {
	case r.Max == nil:
		return fmt.Sprintf("at least %d", r.Min)
	case *r.Max == r.Min:
		return fmt.Sprint(r.Min)
	default:
		return fmt.Sprintf("%d to %d", r.Min, *r.Max)
	}
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
