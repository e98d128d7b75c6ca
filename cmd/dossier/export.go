package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/export"
)

func init() {
	commands["export"] = command{summary: "write incidents as ACLED-style CSV, JSON Lines, GeoJSON, GraphML or JSON-LD", run: runExport}
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	format := fs.String("format", "", "output format: "+strings.Join(export.Formats, ", ")+" (required)")
	outPath := fs.String("o", "", "write to this file instead of standard output (replaced only when the export succeeds)")
	var f dossier.IncidentFilter
	fs.StringVar(&f.From, "from", "", "only incidents on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "only incidents on or before this date")
	fs.StringVar(&f.Country, "country", "", "only incidents in this country (its English short name)")
	fs.StringVar(&f.Type, "type", "", "only incidents of this ACLED type or sub-type")
	fs.StringVar(&f.Actor, "actor", "", "only incidents involving this actor (a name in any spelling, or an id)")
	fs.StringVar(&f.Weapon, "weapon", "", "only incidents with this weapon")
	fs.StringVar(&f.Text, "q", "", "only incidents whose text matches these words")
	fs.BoolVar(&f.IncludeMentions, "include-mentions", false, "list incidents only mentioned in passing too (default: events and references)")
	fs.StringVar(&f.Sort, "sort", "-date", "order: -date (oldest first), date (newest first), sources, fatalities or title")
	codes := fs.String("acled-codes", export.ACLEDCodesText, "acled-csv: inter1, inter2 and interaction as "+
		strings.Join(export.ACLEDCodeForms, " or ")+` ("State forces", or the older 1)`)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: dossier export [--db DSN] --format FORMAT [-o FILE] [--from --to --country --type --actor --weapon --q TEXT] [--include-mentions] [--acled-codes text|numeric]")
		fmt.Fprintln(env.Stderr, `
Formats (docs/exports.md describes each):
  acled-csv  ACLED's columns and coding rules, one row per incident, then fatalities_max,
             injuries_min, injuries_max and evidence (for R, pandas, spreadsheets);
             actor types as text, as ACLED's API returns them (--acled-codes numeric: numbers)
  jsonl      one full incident record per line: values with evidence, sources,
             conflicts, statements and the claims ledger
  geojson    a FeatureCollection of points, one per located incident (for QGIS)
  graphml    actors, their relations and the incidents they are part of (for Gephi)
  jsonld     one JSON-LD document of schema.org Events`)
		fmt.Fprintln(env.Stderr)
		fs.PrintDefaults()
	}
	if stop, err := parseFlags(fs, args); stop {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return &exitError{code: exitUsage, err: fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	if !slices.Contains(export.Formats, *format) {
		return &exitError{code: exitUsage, err: fmt.Errorf("--format must be one of %s", strings.Join(export.Formats, ", "))}
	}
	if !slices.Contains(export.ACLEDCodeForms, *codes) {
		return &exitError{code: exitUsage, err: fmt.Errorf("--acled-codes must be one of %s", strings.Join(export.ACLEDCodeForms, ", "))}
	}
	st, err := openStore(ctx, env, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()

	out, commit, abort, err := output(env.Stdout, *outPath)
	if err != nil {
		return err
	}
	stats, err := export.Write(ctx, st, *format, out, export.Options{Filter: f, ACLEDCodes: *codes})
	if err == nil {
		err = commit()
	} else {
		abort()
	}
	if err != nil {
		return storeExit(err)
	}
	msg := fmt.Sprintf("exported %d incident(s)", stats.Incidents)
	if *format == export.GraphML {
		msg += fmt.Sprintf(", %d actor(s), %d relation(s)", stats.Actors, stats.Relations)
	}
	if stats.Skipped > 0 {
		msg += fmt.Sprintf("; %d without coordinates left out", stats.Skipped)
	}
	if *outPath != "" {
		msg += " to " + *outPath
	}
	fmt.Fprintln(env.Stderr, msg)
	return nil
}

// output returns where an export writes: standard output, or a temporary
// file beside path renamed over it by commit, so that a failed export
// leaves no half-written file and an older export in place.
func output(stdout io.Writer, path string) (w io.Writer, commit func() error, abort func(), err error) {
	if path == "" || path == "-" {
		bw := bufio.NewWriterSize(stdout, 64<<10)
		return bw, bw.Flush, func() { bw.Flush() }, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, nil, fmt.Errorf("output: %w", err)
	}
	bw := bufio.NewWriterSize(tmp, 64<<10)
	abort = func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}
	commit = func() error {
		if err := tmp.Chmod(0o644); err != nil {
			abort()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := bw.Flush(); err != nil {
			abort()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := tmp.Close(); err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	return bw, commit, abort, nil
}
