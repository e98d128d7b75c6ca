package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/resolve"
)

func init() {
	commands["show"] = command{summary: "show one incident, actor or document of the knowledge base", run: runShow}
}

func runShow(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	format := fs.String("format", "text", "output: text or json")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier show [--db DSN] [--format text|json] incident ID")
		fmt.Fprintln(env.Stderr, "       dossier show [--db DSN] [--format text|json] actor NAME|ID")
		fmt.Fprintln(env.Stderr, "       dossier show [--db DSN] [--format text|json] document SOURCE|PATH|ID")
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return &exitError{code: exitUsage}
	}
	what, ref := fs.Arg(0), strings.Join(fs.Args()[1:], " ")
	if *format != "text" && *format != "json" {
		return &exitError{code: exitUsage, err: fmt.Errorf("unknown format %q (want text or json)", *format)}
	}
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	var v any
	var text func(io.Writer)
	switch what {
	case "incident":
		d, err := st.Incident(ctx, ref)
		if err != nil {
			return storeExit(err)
		}
		v, text = d, func(w io.Writer) { writeIncident(w, d) }
	case "actor":
		d, err := st.Actor(ctx, ref)
		if err != nil {
			return storeExit(err)
		}
		v, text = d, func(w io.Writer) { writeActor(w, d) }
	case "document", "doc":
		d, err := st.Document(ctx, ref)
		if err != nil {
			return storeExit(err)
		}
		v, text = d, func(w io.Writer) { writeDocument(w, d) }
	default:
		fs.Usage()
		return &exitError{code: exitUsage, err: fmt.Errorf("show what? %q (want incident, actor or document)", what)}
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
	} else {
		text(w)
	}
	return w.Flush()
}

func sourceName(s dossier.Source) string {
	name := s.Title
	if name == "" {
		name = s.Path
	}
	if s.Source != nil {
		name += " <" + *s.Source + ">"
	} else if s.Path != "" && s.Title != "" {
		name += " (" + s.Path + ")"
	}
	if s.CopyOf != "" {
		name += " [copy of " + s.CopyOf + "]"
	}
	return name
}

func writeIncident(w io.Writer, d *dossier.IncidentDetail) {
	fmt.Fprintf(w, "%s  [%s]\n", d.Title, d.ID)
	fmt.Fprintf(w, "%d source(s)", d.SourceCount)
	if len(d.Conflicts) > 0 {
		fmt.Fprintf(w, "; sources disagree on: %s", strings.Join(d.Conflicts, ", "))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\nFIELDS (reconciled value, then every reported value with its sources)")
	for _, f := range d.Fields {
		if len(f.Values) == 0 && !f.Reviewed {
			continue
		}
		mark := ""
		if f.Conflict {
			mark = "  ! sources disagree"
		}
		if f.Reviewed {
			mark += "  (corrected by review)"
		}
		rec := f.Reconciled
		switch f.Field {
		case "fatalities":
			rec = spanText(d.Fatalities, d.FatalitiesSpan)
		case "injuries":
			rec = spanText(d.Injuries, d.InjuriesSpan)
		}
		fmt.Fprintf(w, "  %-13s %s%s\n", f.Field, rec, mark)
		if len(f.Values) < 2 && f.Field == "title" {
			continue
		}
		for _, v := range f.Values {
			st := ""
			if v.Status != "" {
				st = " [" + v.Status + "]"
			}
			fmt.Fprintf(w, "  %-13s   %s — %d source(s)%s\n", "", v.Value, v.Cited, st)
			for _, s := range v.Sources {
				ev := ""
				if s.Evidence != nil {
					ev = ": \"" + clip(s.Evidence.Text, 110) + "\""
				}
				fmt.Fprintf(w, "  %-13s     %s%s\n", "", clip(sourceName(s.Source), 70), ev)
			}
		}
	}
	if len(d.Claims) > 0 {
		fmt.Fprintln(w, "\nCLAIMS LEDGER (who is said to be responsible, by whom, how, where)")
		for _, c := range d.Claims {
			fmt.Fprintf(w, "  %-28s %-30s by %s (%s)\n", clip(c.Responsible, 28), strings.ReplaceAll(c.How, "_", " "), clip(c.By, 50), c.ByKind)
			fmt.Fprintf(w, "  %-28s   in %s: \"%s\"\n", "", clip(sourceName(c.Document), 50), clip(c.Evidence.Text, 100))
		}
	}
	if len(d.Statements) > 0 {
		fmt.Fprintln(w, "\nSTATEMENTS")
		for _, s := range d.Statements {
			ch := ""
			if s.Channel != "" {
				ch = " (" + s.Channel + ")"
			}
			fmt.Fprintf(w, "  %s: %s%s — %s\n    \"%s\"\n", s.Speaker, s.Stance, ch, clip(sourceName(s.Document), 60), clip(s.Evidence.Text, 140))
		}
	}
	if len(d.Actors) > 0 {
		fmt.Fprintln(w, "\nACTORS")
		for _, a := range d.Actors {
			fmt.Fprintf(w, "  %-12s %s (%s) [%s]\n", a.Role, a.Name, a.Kind, a.ActorID)
		}
	}
	fmt.Fprintln(w, "\nSOURCES (each document's report and why it was merged)")
	for _, r := range d.Reports {
		main := ""
		if r.Main {
			main = " (main subject)"
		}
		fmt.Fprintf(w, "  %s%s  [report %s]\n    %s\n", clip(sourceName(r.Document), 100), main, r.ID, r.Reason)
	}
	if len(d.Before)+len(d.After) > 0 {
		fmt.Fprintln(w, "\nTIMELINE (same country)")
		for i := len(d.Before) - 1; i >= 0; i-- {
			writeRef(w, "before", d.Before[i])
		}
		for _, r := range d.After {
			writeRef(w, "after", r)
		}
	}
	writeReviews(w, d.Reviews)
}

// spanText writes a figure, the one most independent sources give, with
// the span of all sources when it is wider.
func spanText(figure, span *dossier.Range) string {
	if figure == nil {
		return ""
	}
	s := resolve.RangeString(figure)
	if span != nil && resolve.RangeString(span) != s {
		s += " (sources span " + resolve.RangeString(span) + ")"
	}
	return s
}

func writeRef(w io.Writer, tag string, r dossier.IncidentRef) {
	fmt.Fprintf(w, "  %-7s %-12s %s  [%s]\n", tag, orDash(resolve.DateString(r.Date)), clip(r.Title, 70), r.ID)
}

func writeReviews(w io.Writer, rs []dossier.Review) {
	if len(rs) == 0 {
		return
	}
	fmt.Fprintln(w, "\nREVIEWS")
	for _, r := range rs {
		note := ""
		if r.Note != "" {
			note = " — " + r.Note
		}
		fmt.Fprintf(w, "  %s %s %s %s %s %q by %s%s\n", r.Time.Format("2006-01-02 15:04"), r.Action, r.Target, r.TargetID, r.Field, r.Value, r.Author, note)
	}
}

func writeActor(w io.Writer, d *dossier.ActorDetail) {
	fmt.Fprintf(w, "%s  (%s)  [%s]\n", d.Name, d.Kind, d.ID)
	if len(d.Aliases) > 0 {
		fmt.Fprintf(w, "also: %s\n", strings.Join(d.Aliases, "; "))
	}
	fmt.Fprintf(w, "%d document(s), %d incident(s)\n", d.Documents, d.ActorSummary.Incidents)
	for _, o := range d.SameName {
		fmt.Fprintf(w, "another actor the name fits: %s (%s) [%s], %d document(s)\n", o.Name, o.Kind, o.ID, o.Documents)
	}
	if len(d.Relations) > 0 {
		fmt.Fprintln(w, "\nRELATIONS")
		for _, r := range d.Relations {
			fmt.Fprintf(w, "  %s %s %s — %s\n    \"%s\"\n", r.Subject, r.Predicate, r.Object, clip(sourceName(r.Document), 60), clip(r.Evidence.Text, 140))
		}
	}
	if len(d.Incidents) > 0 {
		fmt.Fprintln(w, "\nINCIDENTS")
		for _, r := range d.Incidents {
			writeRef(w, r.Role, r)
		}
	}
	if len(d.Statements) > 0 {
		fmt.Fprintln(w, "\nSTATEMENTS")
		for _, s := range d.Statements {
			fmt.Fprintf(w, "  %s [%s] — %s\n    \"%s\"\n", s.Stance, s.IncidentID, clip(sourceName(s.Document), 60), clip(s.Evidence.Text, 140))
		}
	}
	fmt.Fprintln(w, "\nMENTIONS (each document's actor and why it was merged)")
	for _, m := range d.Mentions {
		fmt.Fprintf(w, "  %s (%s) in %s  [mention %s]\n    %s\n", m.Name, m.Kind, clip(sourceName(m.Document), 70), m.ID, m.Reason)
	}
	writeReviews(w, d.Reviews)
}

func writeDocument(w io.Writer, d *dossier.DocumentDetail) {
	fmt.Fprintf(w, "%s  [%s]\n", sourceName(d.Source), d.DocumentID)
	fmt.Fprintf(w, "key %s, %d bytes, %s, extracted by %s, stored %s\n", d.Key, d.Size, d.Format, d.Extractor, d.Ingested.Format("2006-01-02 15:04"))
	if d.Skipped != "" {
		fmt.Fprintf(w, "not extracted: %s\n", d.Skipped)
	}
	if len(d.Incidents) > 0 {
		fmt.Fprintln(w, "\nINCIDENTS")
		for _, r := range d.Incidents {
			writeRef(w, "", r)
		}
	}
	fmt.Fprintf(w, "\n%d extracted span(s); --format json lists them with the text\n", len(d.Spans))
}
