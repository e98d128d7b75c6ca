// Package postgres opens a knowledge base in a PostgreSQL database, for a
// team that shares one, through pgx (github.com/jackc/pgx/v5) behind
// database/sql. The tables and queries are internal/sqlstore's; this
// package supplies what is PostgreSQL's own: $n placeholders, tsvector
// search, an advisory lock that queues writers, the migrations, and the
// meaning of its errors.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configure Open.
type Options struct {
	sqlstore.Options
	// ConnectTimeout bounds the first connection; 0 means 10 seconds.
	ConnectTimeout time.Duration
}

// Open connects to the database a postgres:// URL (or key=value DSN)
// names, and migrates it.
func Open(ctx context.Context, dsn string, opts Options) (*sqlstore.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open PostgreSQL: %w: %v", dossier.ErrInvalid, err)
	}
	where := fmt.Sprintf("PostgreSQL %s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	if opts.Where == "" {
		opts.Where = where
	}
	timeout := opts.ConnectTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	if cfg.ConnectTimeout == 0 || cfg.ConnectTimeout > timeout {
		cfg.ConnectTimeout = timeout
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	d := dialect{where: where}
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s: %w", where, d.MapError(err))
	}
	s, err := sqlstore.New(ctx, db, d, opts.Options)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// dialect is PostgreSQL's sqlstore.Dialect.
type dialect struct{ where string }

var _ sqlstore.Batcher = dialect{}

// QueryBatch sends the statements and the queries as one pgx batch (one
// round trip instead of one each, inside the transaction open on conn)
// and hands each query's rows to each.
func (dialect) QueryBatch(ctx context.Context, conn *sql.Conn, stmts, qs []sqlstore.Stmt, each func(i int, scan func(dest ...any) error) error) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("batch: %T is not a pgx connection", dc)
		}
		b := &pgx.Batch{}
		for _, st := range stmts {
			b.Queue(st.Query, st.Args...)
		}
		for _, q := range qs {
			b.Queue(q.Query, q.Args...)
		}
		br := c.Conn().SendBatch(ctx, b)
		defer br.Close()
		for i, st := range stmts {
			if _, err := br.Exec(); err != nil {
				return fmt.Errorf("statement %d of a batch of %d (%s): %w", i+1, len(stmts), head(st.Query), err)
			}
		}
		for i, q := range qs {
			rows, err := br.Query()
			if err != nil {
				return fmt.Errorf("query %d of a batch (%s): %w", i+1, head(q.Query), err)
			}
			for rows.Next() {
				if err := each(i, rows.Scan); err != nil {
					rows.Close()
					return err
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("query %d of a batch (%s): %w", i+1, head(q.Query), err)
			}
		}
		return br.Close()
	})
}

// head is the start of a statement, for errors.
func head(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if len(q) > 60 {
		q = q[:60] + "…"
	}
	return q
}

func (dialect) Name() string { return "postgres" }

// Rebind numbers the ? placeholders: $1, $2, ...
func (dialect) Rebind(q string) string {
	var b strings.Builder
	n := 0
	inQuote := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c == '\'' {
			inQuote = !inQuote
		}
		if c == '?' && !inQuote {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func (dialect) Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded folder exists
	}
	return sub
}

func (dialect) SearchCond(table string) string {
	return `t.tsv @@ to_tsquery('simple', ?)`
}

// NamedIncidents takes the newest limit incidents of the weapon and of
// each actor the name finds, each by an index in incident order
// (migration 0013) that stops there: an OR of the two sets gave the
// planner no estimate, and it walked every incident.
func (dialect) NamedIncidents(limit int, withMentions bool) string {
	kind := ``
	if !withMentions {
		kind = ` AND i.kind <> '` + dossier.IncidentMention + `'`
	}
	return fmt.Sprintf(`t.n IN (
		SELECT w.incident_n FROM (SELECT iw.incident_n FROM incident_weapons iw JOIN incidents i ON i.n = iw.incident_n
			WHERE iw.weapon = ?%[1]s ORDER BY iw.incident_n DESC LIMIT %[2]d) w
		UNION ALL
		SELECT x.incident_n FROM (SELECT DISTINCT actor_id FROM actor_names WHERE fold = ? OR key = ?) a,
			LATERAL (SELECT ia.incident_n FROM incident_actors ia JOIN incidents i ON i.n = ia.incident_n
				WHERE ia.actor_id = a.actor_id%[1]s ORDER BY ia.incident_n DESC LIMIT %[2]d) x)`, kind, limit)
}

// DayIndex: PostgreSQL has no full-text index in date order; its planner
// walks incidents_day and checks the tsvector, or sorts the GIN index's
// matches, whichever costs less.
func (dialect) DayIndex() string { return "" }

func (dialect) DayQuery(context.Context, *sql.DB, []string) (string, error) { return "", nil }

// PrefixQuery is SearchQuery of all the words: the GIN index answers a
// prefix (word:*) without the help SQLite's FTS5 needs.
func (d dialect) PrefixQuery(_ context.Context, _ *sql.DB, _ string, words []string) (string, error) {
	return d.SearchQuery(words, false), nil
}

func (dialect) NameKeyCond() string {
	return `n.key_tsv @@ to_tsquery('simple', ?)`
}

func (dialect) Search(table string, title bool) (from, where, order string) {
	return search(table, title)
}

// search is Search over rows, a table or a subquery of one.
func search(rows string, title bool) (from, where, order string) {
	// Newest first, as on SQLite; the title has a tsvector of its own
	// (migration 0006).
	col := `t.tsv`
	if title {
		col = `t.title_tsv`
	}
	return rows + ` t, to_tsquery('simple', ?) q`, col + ` @@ q`, `t.n DESC`
}

// newestRows is how many of the newest rows SearchNewest reads: a word
// in one row of 250 fills a page of 20 there.
const newestRows = 5000

// SearchNewest is Search over the newest rows: the GIN index gives every
// match of a word before the first, and sorting them newest first took
// up to a second for a common word at 1,000,000 incidents; walking the
// newest rows by the primary key and testing each finds a common word's
// page in a few hundred rows. The caller goes on with SearchRest when the
// page is not full, so the hits are Search's.
func (dialect) SearchNewest(table string, title bool) (from, where, order string, ok bool) {
	from, where, order = search(`(SELECT * FROM `+table+` ORDER BY n DESC LIMIT `+strconv.Itoa(newestRows)+`)`, title)
	return from, where, order, true
}

// SearchRest gathers every match through the GIN index, then sorts
// them: SearchNewest found fewer than a page among the newest rows, so
// the matches are few, and a walk newest first (which the planner picks
// for words that are common alone, though rare together: "attack party"
// walked 1,000,000 incidents in 1.6 s) would read far. OFFSET 0 keeps the
// subquery from being merged into the sorted query.
func (dialect) SearchRest(table string, title bool) (from, where, order string) {
	col := `tsv`
	if title {
		col = `title_tsv`
	}
	return `(SELECT t0.* FROM ` + table + ` t0 WHERE t0.` + col + ` @@ to_tsquery('simple', ?) OFFSET 0) t`, `TRUE`, `t.n DESC`
}

// SearchQuery writes a tsquery: each folded word prefix-matched, all
// required (&) or any (|).
func (dialect) SearchQuery(words []string, any bool) string {
	return tsQuery(words, any, `:*`)
}

// SearchWords writes a tsquery of whole words, all required.
func (dialect) SearchWords(words []string) string {
	return tsQuery(words, false, ``)
}

func tsQuery(words []string, any bool, prefix string) string {
	q := make([]string, 0, len(words))
	for _, w := range words {
		q = append(q, `'`+strings.ReplaceAll(w, `'`, `''`)+`'`+prefix)
	}
	sep := " & "
	if any {
		sep = " | "
	}
	return strings.Join(q, sep)
}

// writerLock is the advisory lock that queues writers, as SQLite's write
// lock does: resolution reads what the previous document wrote.
const writerLock = 0x646f7373 // "doss"

func (dialect) LockWriter(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, writerLock)
	return err
}

func (d dialect) MapError(err error) error {
	if err == nil {
		return nil
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("%w: %s: %v", dossier.ErrUnavailable, d.where, err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return fmt.Errorf("%w: %s: authentication failed: %v", dossier.ErrUnavailable, d.where, pe.Message)
		case "3D000":
			return fmt.Errorf("%w: %s: %v", dossier.ErrUnavailable, d.where, pe.Message)
		case "42501", "25006": // insufficient_privilege, read_only_sql_transaction
			return fmt.Errorf("%w: %s: %v", dossier.ErrReadOnly, d.where, pe.Message)
		}
	}
	return err
}

// CheckSearch has nothing to check: the tsvector columns are generated.
func (dialect) CheckSearch(context.Context, *sql.DB) ([]string, error) { return nil, nil }

// Bulk has nothing to prepare: the GIN indexes take bulk inserts well.
func (dialect) Bulk(context.Context, *sql.DB, bool) error { return nil }
