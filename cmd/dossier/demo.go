package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/samples"
)

func init() {
	commands["demo"] = command{summary: "load the bundled sample corpus into the knowledge base and serve it", run: runDemo}
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	f := addServeFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier demo [--db DSN] [--addr HOST:PORT] [--tokens FILE]")
		fmt.Fprintln(env.Stderr, "\nStores the sample corpus that comes with dossier (the seed article on the 2021 attempt on")
		fmt.Fprintln(env.Stderr, "Iraq's prime minister, 45 encyclopedia articles and 14 news reports; see samples/ATTRIBUTION.md)")
		fmt.Fprintln(env.Stderr, "in the knowledge base, unless it is there already, then serves it like 'dossier serve'.")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	st, err := openStore(ctx, env, *f.db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := loadSamples(ctx, env, st)
	if err != nil {
		return err
	}
	if sum.New+sum.Updated > 0 {
		fmt.Fprintf(env.Stdout, "sample corpus: %d document(s) stored in %s (%d already there)\n", sum.New+sum.Updated, sum.Elapsed.Round(1e7), sum.Unchanged)
	} else {
		fmt.Fprintf(env.Stdout, "sample corpus: all %d documents already stored\n", sum.Unchanged)
	}
	return serve(ctx, env, st, f)
}

// loadSamples ingests the embedded sample corpus; documents already
// stored with the same content and extractor are skipped.
func loadSamples(ctx context.Context, env *Env, st ingest.Store) (ingest.Summary, error) {
	files, err := samples.Files()
	if err != nil {
		return ingest.Summary{}, fmt.Errorf("sample corpus: %w", err)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return ingest.Summary{}, err
	}
	inputs := make([]ingest.Input, len(files))
	for i, f := range files {
		f := f
		inputs[i] = ingest.Input{Name: f.Path, Size: int64(len(f.Data)), Load: func(context.Context) (*dossier.Document, error) {
			doc, err := reader.Parse(f.Path, f.Data, reader.Limits{})
			if err != nil {
				return nil, &reader.Error{Path: f.Path, Err: err}
			}
			return doc, nil
		}}
	}
	sum, err := ingest.Run(ctx, ingest.Options{Store: st, Extractor: x, Version: extract.Version, Log: env.Log}, inputs)
	if err != nil {
		return sum, fmt.Errorf("sample corpus: %w", err)
	}
	if sum.Failed > 0 {
		for _, fl := range sum.Failures {
			fmt.Fprintf(env.Stderr, "dossier: %v\n", describe(fl))
		}
		return sum, fmt.Errorf("sample corpus: %d document(s) failed", sum.Failed)
	}
	return sum, nil
}
