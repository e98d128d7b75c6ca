package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/dossier-project/dossier"
)

func init() {
	commands["actors"] = command{summary: "list actors of the knowledge base", run: runActors}
}

func runActors(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("actors", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	var f dossier.ActorFilter
	fs.StringVar(&f.Q, "q", "", "only actors whose name or alias matches (any spelling)")
	fs.StringVar(&f.Kind, "kind", "", "only actors of this kind (person, armed_group, state, organization, party, media, other)")
	fs.StringVar(&f.Cursor, "cursor", "", "continue a listing where the previous page ended")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many actors (default: 50 in a table, all in jsonl; -1 for all)")
	format := fs.String("format", "table", "output: table or jsonl")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier actors [--db DSN] [--q TEXT] [--kind KIND] [--limit N] [--format table|jsonl]")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if *format == "jsonl" && f.Limit == 0 {
		f.Limit = -1 // ../shared/spec/kb-output.md: every match unless --limit is given
	}
	page, err := st.Actors(ctx, f)
	if err != nil {
		return storeExit(err)
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, a := range page.Actors {
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
	case "table":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tDOCS\tINCIDENTS\tNAME\tALIASES")
		for _, a := range page.Actors {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", a.ID, a.Kind, a.Documents, a.Incidents, a.Name, clip(strings.Join(a.Aliases, "; "), 70))
		}
		tw.Flush()
	default:
		return &exitError{code: exitUsage, err: fmt.Errorf("unknown format %q (want table or jsonl)", *format)}
	}
	if page.Next != "" {
		more := w // JSON Lines hold actors only: the cursor goes to standard error
		if *format == "jsonl" {
			more = bufio.NewWriter(env.Stderr)
			defer more.Flush()
		}
		fmt.Fprintf(more, "\nmore actors: --cursor %s\n", page.Next)
	}
	return w.Flush()
}
