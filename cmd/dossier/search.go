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
		fmt.Fprintln(env.Stderr, "Hits of each kind rank exact title or name matches first, then title matches,")
		fmt.Fprintln(env.Stderr, "then field matches (an incident's weapon or actor named first), then text;")
		fmt.Fprintln(env.Stderr, "newest first within each. MATCH says which; the snippet shows what matched.")
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
	fmt.Fprintln(tw, "KIND\tID\tMATCH\tTITLE\tDETAIL\tSNIPPET")
	for _, h := range hits {
		snip := ""
		if sn := h.Snippet; sn != nil && sn.Field != "title" && sn.Field != "name" {
			snip = sn.Field + ": " + markSnippet(sn)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", h.Kind, h.ID, h.Match, clip(h.Title, 60), clip(h.Detail, 40), clip(snip, 90))
	}
	tw.Flush()
	if len(hits) == 0 {
		fmt.Fprintln(w, "no match")
	}
	return w.Flush()
}

// markSnippet writes a snippet with its matched words in [brackets].
func markSnippet(sn *dossier.Snippet) string {
	var b strings.Builder
	at := 0
	for _, m := range sn.Marks {
		if m.Start < at || m.End > len(sn.Text) {
			continue
		}
		b.WriteString(sn.Text[at:m.Start] + "[" + sn.Text[m.Start:m.End] + "]")
		at = m.End
	}
	b.WriteString(sn.Text[at:])
	return b.String()
}
