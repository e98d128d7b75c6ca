package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/resolve"
)

func init() {
	commands["incidents"] = command{summary: "list incidents of the knowledge base, with filters", run: runIncidents}
}

func runIncidents(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("incidents", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	var f dossier.IncidentFilter
	fs.StringVar(&f.From, "from", "", "only incidents on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "only incidents on or before this date")
	fs.StringVar(&f.Country, "country", "", "only incidents in this country (its English short name)")
	fs.StringVar(&f.Type, "type", "", "only incidents of this ACLED type or sub-type")
	fs.StringVar(&f.Actor, "actor", "", "only incidents involving this actor (a name in any spelling, whole words of one such as a surname, or an id)")
	fs.StringVar(&f.Weapon, "weapon", "", "only incidents with this weapon")
	fs.StringVar(&f.Text, "q", "", "only incidents whose text matches these words")
	fs.BoolVar(&f.IncludeMentions, "include-mentions", false, "list incidents only mentioned in passing too (default: events and references)")
	fs.StringVar(&f.Sort, "sort", "date", "order: date (newest first), -date, sources, fatalities or title")
	fs.StringVar(&f.Cursor, "cursor", "", "continue a listing where the previous page ended")
	limit := fs.Int("limit", 0, "at most this many incidents (default: 50 in a table, all in jsonl)")
	format := fs.String("format", "table", "output: table, or jsonl (one incident per line: extraction output plus sources and conflicts)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier incidents [--db DSN] [--from --to --country --type --actor --weapon --q TEXT] [--include-mentions] [--limit N] [--format table|jsonl]")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	if *format != "table" && *format != "jsonl" {
		return &exitError{code: exitUsage, err: fmt.Errorf("unknown format %q (want table or jsonl)", *format)}
	}
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	w := bufio.NewWriterSize(env.Stdout, 64<<10)
	defer w.Flush()
	if *format == "jsonl" {
		f.Limit = *limit
		if f.Limit == 0 {
			f.Limit = -1
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		err := st.EachIncident(ctx, f, func(in *dossier.IncidentSummary) error { return enc.Encode(listed(in)) })
		if err != nil {
			return storeExit(err)
		}
		return w.Flush()
	}
	f.Limit = *limit
	page, err := st.Incidents(ctx, f)
	if err != nil {
		return storeExit(err)
	}
	writeIncidentTable(w, page.Incidents)
	if page.Next != "" {
		fmt.Fprintf(w, "\nmore incidents: --cursor %s (or --limit N, or --format jsonl for all)\n", page.Next)
	}
	return w.Flush()
}

func writeIncidentTable(w io.Writer, ins []dossier.IncidentSummary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tPLACE\tTYPE\tDEAD\tSOURCES\tCONFLICTS\tTITLE")
	for _, in := range ins {
		dead := resolve.RangeString(in.Fatalities)
		if c := resolve.RangeString(in.FatalitiesSpan); c != "" && c != dead {
			dead += " (" + c + ")"
		}
		conf := strings.Join(in.Conflicts, ",")
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", in.ID, orDash(resolve.DateString(in.Date)),
			orDash(clip(resolve.LocationString(in.Location), 28)), orDash(clip(in.SubType, 24)), orDash(dead), in.SourceCount,
			orDash(conf), clip(in.Title, 60))
	}
	tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
