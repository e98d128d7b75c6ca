package main

import (
	"context"
	"flag"
	"fmt"
)

func init() {
	commands["backup"] = command{summary: "write a consistent copy of an SQLite knowledge base, while ingest runs", run: runBackup}
}

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	out := fs.String("o", "", "the new file to write (never overwritten)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier backup [--db DSN] -o FILE")
		fmt.Fprintln(env.Stderr, "\nWrites a consistent, compacted copy of an SQLite knowledge base (one snapshot, taken")
		fmt.Fprintln(env.Stderr, "while other processes may go on writing). Open it with --db FILE. A PostgreSQL")
		fmt.Fprintln(env.Stderr, "knowledge base is backed up with pg_dump, or copied with dossier copy.")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, *out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backed up %s to %s\n", where(*db), *out)
	return nil
}
