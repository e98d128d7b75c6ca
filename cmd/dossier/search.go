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
	commands["search"] = command{summary: "full-text search over incidents, actors and documents", run: runSearch}
}

func runSearch(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	kind := fs.String("kind", "", "only this kind of hit: incident, actor or document")
	limit := fs.Int("limit", 20, "at most this many hits of each kind")
	format := fs.String("format", "table", "output: table or jsonl")
	mentions := fs.Bool("include-mentions", false, "find incidents only mentioned in passing too")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier search [--db DSN] [--kind K] [--limit N] [--include-mentions] TEXT...")
		fmt.Fprintln(env.Stderr, "\nEvery word must match, as a word or the start of one; case and accents are ignored.")
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
	opts := dossier.SearchOptions{Limit: *limit, IncludeMentions: *mentions}
	if *kind != "" {
		opts.Kinds = []string{*kind}
	}
	hits, err := st.Search(ctx, strings.Join(fs.Args(), " "), opts)
	if err != nil {
		return storeExit(err)
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	if *format == "jsonl" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, h := range hits {
			if err := enc.Encode(h); err != nil {
				return err
			}
		}
		return w.Flush()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tID\tTITLE\tDETAIL")
	for _, h := range hits {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", h.Kind, h.ID, clip(h.Title, 70), clip(h.Detail, 50))
	}
	tw.Flush()
	if len(hits) == 0 {
		fmt.Fprintln(w, "no match")
	}
	return w.Flush()
}
