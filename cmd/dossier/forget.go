package main

import (
	"context"
	"flag"
	"fmt"
)

func init() {
	commands["forget"] = command{summary: "remove documents and what rested on them alone", run: runForget}
}

func runForget(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("forget", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier forget [--db DSN] DOC...")
		fmt.Fprintln(env.Stderr, "\nDOC is a document's source URL, path or id. Incidents and actors that only this")
		fmt.Fprintln(env.Stderr, "document reported are removed; the others are reconciled without it.")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	failed := 0
	for _, ref := range fs.Args() {
		res, err := st.ForgetDocument(ctx, ref)
		if err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "dossier forget: %v\n", err)
			continue
		}
		fmt.Fprintf(env.Stdout, "forgot %s: incidents %d removed, %d updated; actors %d removed, %d updated\n",
			res.Key, res.IncidentsRemoved, res.IncidentsUpdated, res.ActorsRemoved, res.ActorsUpdated)
	}
	if failed > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d document(s) not forgotten", failed)}
	}
	return nil
}
