package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"
)

func init() {
	commands["token"] = command{summary: "create, list or revoke the tokens that may write reviews through the web", run: runToken}
}

const tokenUsage = `Usage: dossier token create [--db DSN] [--tokens FILE] [--name NAME]
       dossier token list   [--db DSN] [--tokens FILE]
       dossier token revoke [--db DSN] [--tokens FILE] ID|NAME

Reading the web UI and the API needs no token; reviewing does. create prints a
new token once: keep it; only its SHA-256 is stored. Its name is recorded as the
author of the reviews made with it. The store has no place for tokens, so they
are kept in a file beside the knowledge base (FILE.tokens for an SQLite file;
for PostgreSQL, one file per database in the per-user data folder); a running
'dossier serve' sees changes at once.
`

func runToken(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(env.Stderr, tokenUsage)
		if len(args) == 0 {
			return &exitError{code: exitUsage}
		}
		return nil
	}
	sub := args[0]
	fs := flag.NewFlagSet("token "+sub, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	tokens := fs.String("tokens", "", "token file (default: beside the knowledge base)")
	name := fs.String("name", defaultAuthor(), "create: the reviewer's name, recorded with each review")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, tokenUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &exitError{code: exitUsage}
	}
	tf := tokenFile(*tokens, *db)
	switch sub {
	case "create":
		if fs.NArg() > 0 {
			fs.Usage()
			return &exitError{code: exitUsage}
		}
		if *name == "" {
			return &exitError{code: exitUsage, err: fmt.Errorf("name the reviewer with --name")}
		}
		secret, info, err := tf.Create(*name)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, secret)
		fmt.Fprintf(env.Stderr, "token %s for %q stored (hashed) in %s; it is shown only this once\n", info.ID, info.Name, tf.Path())
		fmt.Fprintln(env.Stderr, "use it as 'Authorization: Bearer TOKEN' with the API, or paste it at /login in the web UI")
	case "list":
		ts, err := tf.List()
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tNAME\tCREATED")
		for _, t := range ts {
			fmt.Fprintf(w, "%s\t%s\t%s\n", t.ID, t.Name, t.Created.Format("2006-01-02 15:04:05Z07:00"))
		}
		return w.Flush()
	case "revoke":
		if fs.NArg() != 1 {
			fs.Usage()
			return &exitError{code: exitUsage}
		}
		n, err := tf.Revoke(fs.Arg(0))
		if err != nil {
			return err
		}
		if n == 0 {
			return &exitError{code: exitFailure, err: fmt.Errorf("no token %q in %s", fs.Arg(0), tf.Path())}
		}
		fmt.Fprintf(env.Stdout, "revoked %d token(s)\n", n)
	default:
		fmt.Fprint(env.Stderr, tokenUsage)
		return &exitError{code: exitUsage, err: fmt.Errorf("unknown token command %q", sub)}
	}
	return nil
}
