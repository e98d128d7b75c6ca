package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/sqlstore"
)

func init() {
	commands["db"] = command{summary: "knowledge base maintenance: path, info, check, migrate, generate", run: runDB}
}

// defaultDB is the knowledge base used without --db: $DOSSIER_DB, else
// dossier/dossier.db under $XDG_DATA_HOME (~/.local/share).
func defaultDB() string {
	if v := os.Getenv("DOSSIER_DB"); v != "" {
		return v
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "dossier.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "dossier", "dossier.db")
}

// dbFlag registers --db on a command's flag set.
func dbFlag(fs *flag.FlagSet) *string {
	p := fs.String("db", defaultDB(), "knowledge base: an SQLite file, or a postgres:// URL (default $DOSSIER_DB or the per-user file)")
	fs.Lookup("db").DefValue = where(defaultDB()) // help prints the default: never its password
	return p
}

// isPostgres tells a PostgreSQL address: a postgres:// URL or a libpq
// key-value string ("host=... dbname=... password=..."), never a file name.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") || isKeyValueDSN(dsn)
}

// openStore opens the knowledge base a --db value names. Commands that
// only read pass write=false: a missing SQLite file is then an error
// rather than a new empty knowledge base.
func openStore(ctx context.Context, env *Env, dsn string, write bool) (*sqlstore.DB, error) {
	if isPostgres(dsn) {
		return postgres.Open(ctx, dsn, postgres.Options{Options: sqlstore.Options{Log: env.Log}})
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	return sqlite.Open(ctx, path, sqlite.Options{Options: sqlstore.Options{Log: env.Log}, MustExist: !write})
}

// where names a --db value for people: the file, or the server without
// the password.
func where(dsn string) string {
	if !isPostgres(dsn) {
		return strings.TrimPrefix(dsn, "sqlite:")
	}
	out := dsn
	for _, p := range dsnPasswords(dsn) {
		out = strings.ReplaceAll(out, p, "…")
	}
	return out
}

// storeExit maps store errors to exit statuses: a bad request is a usage
// error, everything else a failure.
func storeExit(err error) error {
	if errors.Is(err, dossier.ErrInvalid) {
		return &exitError{code: exitUsage, err: err}
	}
	return err
}

func runDB(ctx context.Context, env *Env, args []string) error {
	usage := func() {
		fmt.Fprintln(env.Stderr, `Usage: dossier db COMMAND [--db DSN] [flags]

Commands:
  path       print the default knowledge base file
  info       print what the knowledge base holds and its schema version
  migrate    bring the schema up to date (every command does it on open)
  check      verify the knowledge base is consistent; exit 1 if not
  generate   fill an empty knowledge base with synthetic incidents for
             benchmarks (--incidents N, --seed S)
  bench      time the queries of the web UI on a generated knowledge base
             and print p50/p99 (--queries N, --seed S as given to generate)`)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		usage()
		if len(args) == 0 {
			return &exitError{code: exitUsage}
		}
		return nil
	}
	sub := args[0]
	fs := flag.NewFlagSet("db "+sub, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	n := fs.Int("incidents", 100000, "generate: number of incidents")
	seed := fs.Int64("seed", 1, "generate, bench: random seed")
	queries := fs.Int("queries", 200, "bench: queries of each kind")
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &exitError{code: exitUsage}
	}
	switch sub {
	case "path":
		fmt.Fprintln(env.Stdout, defaultDB())
		return nil
	case "info", "migrate", "check", "generate", "bench":
	default:
		usage()
		return &exitError{code: exitUsage, err: fmt.Errorf("unknown db command %q", sub)}
	}
	st, err := openStore(ctx, env, *db, sub == "migrate" || sub == "generate")
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "info", "migrate":
		s, err := st.Stats(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "knowledge base: %s (%s)\nschema version: %d\ndocuments: %d\nreports: %d\nincidents: %d\nactors: %d\nreviews: %d\n",
			where(*db), st.Dialect().Name(), s.SchemaVersion, s.Documents, s.Reports, s.Incidents, s.Actors, s.Reviews)
	case "check":
		problems, err := st.Check(ctx)
		if err != nil {
			return err
		}
		if len(problems) > 0 {
			for _, p := range problems {
				fmt.Fprintln(env.Stdout, p)
			}
			return &exitError{code: exitFailure, err: fmt.Errorf("%s: %d problem(s)", where(*db), len(problems))}
		}
		fmt.Fprintf(env.Stdout, "%s: consistent\n", where(*db))
	case "generate":
		start := time.Now()
		err := st.Generate(ctx, sqlstore.GenerateOptions{Incidents: *n, Seed: *seed, Progress: func(done int) {
			fmt.Fprintf(env.Stderr, "\r%d/%d incidents", done, *n)
		}})
		fmt.Fprintln(env.Stderr)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "generated %d incidents in %s into %s\n", *n, time.Since(start).Round(time.Second), where(*db))
	case "bench":
		return benchQueries(ctx, env, st, *queries, *seed)
	}
	return nil
}

// benchQueries times what the web UI asks most: a full-text search, a
// filtered incident list and an actor page, with terms drawn from the
// generator's vocabulary, and prints the median and 99th percentile.
func benchQueries(ctx context.Context, env *Env, st dossier.Store, n int, seed int64) error {
	v := sqlstore.GeneratedVocabulary(seed)
	r := rand.New(rand.NewPCG(uint64(seed), 99))
	one := func(xs []string) string { return xs[r.IntN(len(xs))] }
	kinds := []struct {
		name string
		run  func() error
	}{
		{"search (full text, 20 hits of each kind)", func() error {
			q := one(v.Words)
			if r.IntN(2) == 0 {
				q += " " + strings.Fields(one(v.Actors))[0]
			}
			_, err := st.Search(ctx, q, dossier.SearchOptions{Limit: 20})
			return err
		}},
		{"incident list (country, type, 3 years; 50 newest)", func() error {
			y := 2000 + r.IntN(22)
			_, err := st.Incidents(ctx, dossier.IncidentFilter{Country: one(v.Countries), Type: one(v.Types),
				From: fmt.Sprint(y), To: fmt.Sprint(y + 2), Limit: 50})
			return err
		}},
		{"incident list (actor and weapon; 50 newest)", func() error {
			_, err := st.Incidents(ctx, dossier.IncidentFilter{Actor: one(v.Actors[:200]), Weapon: one(v.Weapons), Limit: 50})
			return err
		}},
		{"incident list (text; 50 newest)", func() error {
			_, err := st.Incidents(ctx, dossier.IncidentFilter{Text: one(v.Words), Limit: 50})
			return err
		}},
		{"actor page", func() error {
			_, err := st.Actor(ctx, one(v.Actors[:1000]))
			if errors.Is(err, dossier.ErrNotFound) {
				return nil
			}
			return err
		}},
		{"incident page", func() error {
			p, err := st.Incidents(ctx, dossier.IncidentFilter{Country: one(v.Countries), Limit: 1})
			if err != nil || len(p.Incidents) == 0 {
				return err
			}
			_, err = st.Incident(ctx, p.Incidents[0].ID)
			return err
		}},
	}
	fmt.Fprintf(env.Stdout, "%-50s %10s %10s %10s\n", "query", "p50", "p99", "max")
	for _, k := range kinds {
		ds := make([]time.Duration, 0, n)
		for i := 0; i < n; i++ {
			t0 := time.Now()
			if err := k.run(); err != nil {
				return fmt.Errorf("%s: %w", k.name, err)
			}
			ds = append(ds, time.Since(t0))
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		pct := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
		fmt.Fprintf(env.Stdout, "%-50s %10s %10s %10s\n", k.name, pct(0.5).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), ds[len(ds)-1].Round(10*time.Microsecond))
	}
	return nil
}
