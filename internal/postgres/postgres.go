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
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

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
	d := dialect{where: where, stats: &wordStats{}}
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
type dialect struct {
	where string
	stats *wordStats
}

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

// maxPrefixWords bounds the words a prefix of PrefixQuery turns into.
const maxPrefixWords = 16

// PrefixQuery writes a tsquery of folded words, all required, each a
// prefix: as an OR of the words of the full-text indexes it begins
// (search_words, migration 0014; the same matches), found for all the
// words in one query. The GIN index merges every posting list of a
// prefix (word:*) into one bitmap before giving a row; whole words go
// through its fast scan, which steps through the rarest word's postings.
// A prefix of more than maxPrefixWords words, or of a word the parser
// would split, stays a prefix.
func (d dialect) PrefixQuery(ctx context.Context, db *sql.DB, _ string, words []string) (string, error) {
	// each word's range in the words' (C) order: from the word to the
	// word with its last letter the next one ("attack" to "attacl")
	uppers := make([]string, len(words))
	for i, w := range words {
		uppers[i] = successor(w)
	}
	rows, err := db.QueryContext(ctx, `SELECT q.i, s.word FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q(w, u, i),
		LATERAL (SELECT word FROM search_words WHERE word >= q.w AND word < q.u
			ORDER BY word LIMIT $3) s`, words, uppers, maxPrefixWords+1)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	found := make([][]string, len(words))
	for rows.Next() {
		var i int
		var w string
		if err := rows.Scan(&i, &w); err != nil {
			return "", err
		}
		if i >= 1 && i <= len(words) {
			found[i-1] = append(found[i-1], w)
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	q := make([]string, 0, len(words))
	for i, w := range words {
		ws := found[i]
		if len(ws) == 0 || len(ws) > maxPrefixWords || !plainWords(append(ws, w)) {
			q = append(q, tsQuery([]string{w}, false, `:*`))
			continue
		}
		q = append(q, `(`+tsQuery(ws, true, ``)+`)`)
	}
	return strings.Join(q, " & "), nil
}

// successor is the smallest string above every string that begins with
// w, in byte order: w with its last letter the next one.
func successor(w string) string {
	r := []rune(w)
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] < unicode.MaxRune && !(r[i] >= 0xD7FF && r[i] < 0xE000) {
			r[i]++
			return string(r[:i+1])
		}
	}
	return w + string(unicode.MaxRune) // not reached for a word of letters
}

// plainWords reports whether every word is letters and digits only, so
// that to_tsquery reads each as the one lexeme it is.
func plainWords(ws []string) bool {
	for _, w := range ws {
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
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
// page is not full, so the hits are Search's. A query the planner's
// statistics (the most common words of the column and their shares)
// find too rare to fill limit among newestRows rows is not walked: the
// walk would read them all (10-20 ms at 1,000,000 incidents) to find
// too few, and the index gives a rare word's matches at once.
func (d dialect) SearchNewest(ctx context.Context, db *sql.DB, table string, title bool, query string, limit int) (from, where, order string, ok bool) {
	col := `tsv`
	if title {
		col = `title_tsv`
	}
	if share, rows, known := d.stats.share(ctx, db, table, col, query); known && (share*newestRows < float64(limit) || share*rows < gatherRows) {
		return "", "", "", false
	}
	from, where, order = search(`(SELECT * FROM `+table+` ORDER BY n DESC LIMIT `+strconv.Itoa(newestRows)+`)`, title)
	return from, where, order, true
}

// gatherRows: a query matching fewer rows than this (by the bound of
// its rarest word) is answered through the GIN index at once: its
// matches gathered and sorted (about 3.5 µs a row at 1,000,000
// incidents) cost less than a walk of the newest rows that may not
// fill the page (10-20 ms).
const gatherRows = 4000

// wordStats keeps, for a while, the planner's statistics of the
// tsvector columns: their most common words and the share of rows
// holding each (pg_stats, gathered by ANALYZE).
type wordStats struct {
	mu    sync.Mutex
	byCol map[string]*colStats
}

// colStats are one column's: a word not listed is in fewer rows than
// min.
type colStats struct {
	at     time.Time
	shares map[string]float64
	min    float64
	rows   float64 // the table's, as the planner knows it
	known  bool
}

// statsTTL is how long a column's statistics are kept.
const statsTTL = 5 * time.Minute

// share estimates the share of rows of table whose column col matches a
// tsquery of PrefixQuery or SearchWords: at most the smallest share of
// its required words (a word's share, or the sum of the shares of the
// words a prefix became), whatever the words' correlation ("El Fasher":
// each of the two words is in every row the other is). known is false
// when the column has no statistics, or every part of the query is a
// prefix. rows is the table's.
func (w *wordStats) share(ctx context.Context, db *sql.DB, table, col, query string) (share, rows float64, known bool) {
	cs := w.col(ctx, db, table, col)
	if !cs.known {
		return 0, 0, false
	}
	least, any := 1.0, false
	for _, part := range strings.Split(query, " & ") {
		part = strings.TrimSuffix(strings.TrimPrefix(part, "("), ")")
		if strings.Contains(part, ":*") || strings.ContainsAny(part, "()&!<") {
			continue // a prefix, or a query not of this shape: no bound
		}
		sum := 0.0
		for _, word := range strings.Split(part, " | ") {
			word = strings.TrimSuffix(strings.TrimPrefix(word, "'"), "'")
			if f, ok := cs.shares[word]; ok {
				sum += f
			} else {
				sum += cs.min
			}
		}
		least, any = min(least, sum), true
	}
	return least, cs.rows, any
}

// col returns a column's statistics, read again after statsTTL.
func (w *wordStats) col(ctx context.Context, db *sql.DB, table, col string) *colStats {
	key := table + "." + col
	w.mu.Lock()
	defer w.mu.Unlock()
	if cs := w.byCol[key]; cs != nil && time.Since(cs.at) < statsTTL {
		return cs
	}
	cs, err := readColStats(ctx, db, table, col)
	if err != nil {
		// kept for no time: a cancelled request or a lost connection
		// must not leave the next ones without statistics
		return &colStats{}
	}
	if w.byCol == nil {
		w.byCol = map[string]*colStats{}
	}
	w.byCol[key] = cs
	return cs
}

// readColStats reads a column's statistics from the planner's tables;
// known is false when ANALYZE has not gathered them yet.
func readColStats(ctx context.Context, db *sql.DB, table, col string) (*colStats, error) {
	cs := &colStats{at: time.Now(), shares: map[string]float64{}}
	if err := db.QueryRowContext(ctx, `SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)`, table).Scan(&cs.rows); err != nil {
		return nil, err
	}
	if cs.rows < 1 {
		return cs, nil
	}
	// most_common_elem_freqs lists the words' shares, then the least
	// and the greatest of them and the share of empty rows
	rows, err := db.QueryContext(ctx, `SELECT u.e, u.f FROM pg_stats s,
		unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(e, f)
		WHERE s.schemaname = current_schema() AND s.tablename = $1 AND s.attname = $2`, table, col)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	tail := 0
	for rows.Next() {
		var e sql.NullString
		var f sql.NullFloat64
		if err := rows.Scan(&e, &f); err != nil {
			return nil, err
		}
		if e.Valid {
			cs.shares[e.String] = f.Float64
		} else if tail++; tail == 1 {
			cs.min = f.Float64
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	cs.known = len(cs.shares) > 0
	return cs, nil
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

// Begin opens the transaction and takes the writers' lock, in the round
// trip of the transaction's first query (sqlstore.Transact).
func (dialect) Begin() []sqlstore.Stmt {
	return []sqlstore.Stmt{{Query: `BEGIN`}, {Query: `SELECT pg_advisory_xact_lock($1)`, Args: []any{int64(writerLock)}}}
}

// End commits, in the round trip of the transaction's last statements.
func (dialect) End() sqlstore.Stmt { return sqlstore.Stmt{Query: `COMMIT`} }

// Abort rolls back the transaction open on conn, if any. A connection
// that cannot (it broke, or the server is gone) is discarded: returning
// driver.ErrBadConn from Raw closes it rather than pooling it.
func (dialect) Abort(ctx context.Context, conn *sql.Conn) {
	conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return driver.ErrBadConn
		}
		pc := c.Conn().PgConn()
		if pc.IsClosed() {
			return driver.ErrBadConn
		}
		if pc.TxStatus() == 'I' {
			return nil
		}
		if _, err := pc.Exec(ctx, `ROLLBACK`).ReadAll(); err != nil || pc.TxStatus() != 'I' {
			return driver.ErrBadConn
		}
		return nil
	})
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

// OnThisMachine says whether the server of a DSN runs on this machine (a
// loopback address, "localhost" or a Unix socket), where it shares the
// processor with the client: an ingest then leaves it a core
// (cmd/dossier's default workers). False when the DSN does not parse.
func OnThisMachine(dsn string) bool {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return false
	}
	h := cfg.Host
	if strings.HasPrefix(h, "/") || h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
