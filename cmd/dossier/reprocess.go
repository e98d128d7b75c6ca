package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
)

func init() {
	commands["reprocess"] = command{summary: "extract stored documents again when the extractor or lexicons changed", run: runReprocess}
}

func runReprocess(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("reprocess", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	lexdir := fs.String("lexicon", "", "folder of user lexicon files (the same as given to ingest)")
	workers := fs.Int("workers", 0, "documents extracted in parallel (0: one per core, one fewer when the PostgreSQL server runs on this machine)")
	progress := fs.String("progress", "auto", "progress display: auto, bar, lines or none")
	dry := fs.Bool("dry-run", false, "only list the documents that would be extracted again")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier reprocess [--db DSN] [--lexicon DIR] [--dry-run]")
		fmt.Fprintln(env.Stderr, "\nExtracts again, from the bytes stored with them, the documents that an older")
		fmt.Fprintln(env.Stderr, "extractor (or other lexicons) extracted; reviews are kept and applied again.")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() > 0 {
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
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	inputs, err := ingest.Stale(ctx, st, version)
	if err != nil {
		return err
	}
	if *dry {
		for _, in := range inputs {
			fmt.Fprintln(env.Stdout, in.Name)
		}
		fmt.Fprintf(env.Stdout, "%d document(s) extracted by another version than %s\n", len(inputs), version)
		return nil
	}
	x, err := extract.New(extract.Options{LexiconDir: *lexdir})
	if err != nil {
		return err
	}
	sum, runErr := ingest.Run(ctx, ingest.Options{Store: st, Extractor: x, Version: version, Workers: defaultWorkers(*workers, *db),
		Progress: prog, Log: env.Log}, inputs)
	return finishRun(ctx, env, st, *db, "reprocessed", sum, runErr)
}
