// Package sqlstore is the knowledge base written in SQL: the tables of
// documents, reports, incidents, actors, claims, statements and reviews,
// ingestion with resolution, and the queries behind dossier.Store. It is
// shared by internal/sqlite and internal/postgres, which open the
// database and supply what differs between the two (a Dialect: placeholders,
// full-text search, locking, error codes, the migrations); the SQL here is
// the common subset both speak.
package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier"
)

// Dialect is what one database engine does its own way.
type Dialect interface {
	// Name is "sqlite" or "postgres".
	Name() string
	// Rebind rewrites the ? placeholders of a query for the engine.
	Rebind(q string) string
	// Migrations holds NNNN_name.sql files, applied in order.
	Migrations() fs.FS
	// SearchCond returns a condition selecting the rows of table (aliased
	// t) whose search text matches the query given as its one argument.
	SearchCond(table string) string
	// DayIndex names the engine's full-text index of the incidents' search
	// text in date order, if it has one (SQLite): its rowid is day_key
	// (see DayKey), so that a list filtered
	// by text and sorted by date walks the matches in order and stops at
	// the page. "" when the engine has none (PostgreSQL).
	DayIndex() string
	// DayQuery turns folded words into the argument of DayIndex's MATCH:
	// all required, each a prefix.
	DayQuery(ctx context.Context, db *sql.DB, words []string) (string, error)
	// PrefixQuery turns folded words into the argument of the MATCH of
	// table's full-text index (SearchCond, Search without title): all
	// required, each a prefix, as SearchQuery(words, false), written so
	// that the engine need not gather every match of a common prefix
	// before the first (SQLite: the words each prefix begins).
	PrefixQuery(ctx context.Context, db *sql.DB, table string, words []string) (string, error)
	// NameKeyCond returns a condition selecting the rows of actor_names
	// (aliased n) whose transliteration key holds the words of the query
	// given as its one argument (SearchWords of key words).
	NameKeyCond() string
	// NamedIncidents returns a condition selecting the incidents (aliased
	// t) whose weapon is the first argument or one of whose actors has a
	// name of the fold or transliteration key of the next two; a search
	// reads the newest limit of them, without mentions unless
	// withMentions, and the condition may stop there.
	NamedIncidents(limit int, withMentions bool) string
	// Search returns the FROM clause, WHERE condition and ORDER BY of a
	// ranked search of table (aliased t); the query is the first argument.
	// With title, only the title (an actor's name) is searched.
	Search(table string, title bool) (from, where, order string)
	// SearchNewest is Search over the newest rows of table only, when
	// the engine would otherwise gather every match of a common word
	// before the first (PostgreSQL's GIN index); ok is false when Search
	// needs no such help (SQLite walks its index newest first), or when
	// the engine's statistics say the query (Search's argument) is too
	// rare to find limit matches among those rows.
	SearchNewest(ctx context.Context, db *sql.DB, table string, title bool, query string, limit int) (from, where, order string, ok bool)
	// SearchRest is what Search reads when SearchNewest did not fill the
	// page: the matches are few among the newest rows, so the engine may
	// gather them all through its index before it sorts them.
	SearchRest(table string, title bool) (from, where, order string)
	// SearchQuery turns folded words into the argument of the two above:
	// all words (prefix-matched), or any of them.
	SearchQuery(words []string, any bool) string
	// SearchWords turns folded words into an argument of the same two
	// that matches them as whole words, all required: cheaper than
	// prefixes on a large base.
	SearchWords(words []string) string
	// LockWriter serialises writers inside a transaction (PostgreSQL takes
	// an advisory lock; SQLite's BEGIN IMMEDIATE already did).
	LockWriter(ctx context.Context, tx *sql.Tx) error
	// MapError turns an engine error into a dossier error where one fits
	// (ErrLocked, ErrUnavailable); others are returned as they are.
	MapError(err error) error
	// CheckSearch verifies the full-text index, returning problems.
	CheckSearch(ctx context.Context, db *sql.DB) ([]string, error)
	// Bulk prepares the database for a bulk load (start) and restores it
	// after (SQLite indexes the full text once at the end).
	Bulk(ctx context.Context, db *sql.DB, start bool) error
}

// Options configure a DB.
type Options struct {
	// Now is the clock for review and ingest times; nil means time.Now.
	Now func() time.Time
	Log *slog.Logger
	// Where names the database in errors and logs (a file, a host).
	Where string
}

// DB is a knowledge base in an SQL database. It implements dossier.Store.
type DB struct {
	db      *sql.DB
	d       Dialect
	now     func() time.Time
	log     *slog.Logger
	where   string
	rebinds sync.Map
	// cursorKey signs the cursors of lists (see cursor.go).
	cursorKey []byte
	// claims holds this process's claims on documents (claims.go).
	claims claims
	// settled sums up what settling did in this process (LastSettle).
	settleMu sync.Mutex
	settled  SettleSummary
}

var _ dossier.Store = (*DB)(nil)

// New wraps an open database: it migrates the schema (refusing one newer
// than the migrations know) and returns the store.
func New(ctx context.Context, db *sql.DB, d Dialect, opts Options) (*DB, error) {
	s := &DB{db: db, d: d, now: opts.Now, log: opts.Log, where: opts.Where}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	if err := s.loadCursorKey(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// SQL returns the underlying database, for tests and tools.
func (s *DB) SQL() *sql.DB { return s.db }

// Dialect returns the store's dialect.
func (s *DB) Dialect() Dialect { return s.d }

// Close closes the database.
func (s *DB) Close() error {
	s.closeClaims()
	return s.db.Close()
}

func (s *DB) rebind(q string) string {
	if v, ok := s.rebinds.Load(q); ok {
		return v.(string)
	}
	r := s.d.Rebind(q)
	s.rebinds.Store(q, r)
	return r
}

// wrap adds the operation to an error and maps engine errors.
func (s *DB) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	err = s.d.MapError(err)
	return fmt.Errorf("%s: %w", op, err)
}

// Batcher is a Dialect that can send several statements to the server
// in one round trip (PostgreSQL: a pgx batch). A transaction of such a
// dialect holds back the statements whose result it does not read (exec)
// and sends them together before the next query and at commit.
type Batcher interface {
	// QueryBatch runs stmts, then the queries qs, in order on conn, inside
	// the transaction open on it, in one round trip; each row of the
	// query qs[i] is handed to each(i, scan). The first failure stops the
	// batch and is returned, naming the statement.
	QueryBatch(ctx context.Context, conn *sql.Conn, stmts, qs []Stmt, each func(i int, scan func(dest ...any) error) error) error
	// Begin is what opens a write transaction and serialises writers
	// (LockWriter's lock), sent with the transaction's first query; End
	// what commits it, sent with its last statements. One round trip
	// each instead of one per statement.
	Begin() []Stmt
	End() Stmt
	// Abort rolls back whatever transaction is open on conn; a
	// connection it cannot return to its idle state is closed, never
	// handed back to the pool inside a transaction.
	Abort(ctx context.Context, conn *sql.Conn)
}

// Stmt is one statement of a batch: its query (placeholders already the
// engine's) and arguments.
type Stmt struct {
	Query string
	Args  []any
}

// abortTimeout bounds the rollback of a failed transaction on its
// connection; past it the connection is discarded.
const abortTimeout = 5 * time.Second

// maxPending bounds the statements a transaction holds back.
const maxPending = 256

// Tx is a write transaction with the store's helpers.
type Tx struct {
	tx *sql.Tx // without a Batcher
	s  *DB
	// run is what statements run on: tx, or with a Batcher the
	// connection on which the transaction was opened by Begin.
	run interface {
		ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
		QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
		QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
		PrepareContext(ctx context.Context, q string) (*sql.Stmt, error)
	}
	// reviewed caches whether any review exists: most knowledge bases
	// have none or few, and every reconciliation would look them up.
	reviewed *bool

	// With a Batcher: the connection the transaction runs on, the
	// statements held back, and the first failure of a batch (the
	// transaction is then lost: every later statement fails, and
	// Transact returns this error, the cause).
	batcher Batcher
	conn    *sql.Conn
	pending []Stmt
	failed  error
}

// hasReviews reports whether the knowledge base holds any review.
func (t *Tx) hasReviews(ctx context.Context) (bool, error) {
	if t.reviewed == nil {
		var one int
		b, err := t.queryFirst(ctx, `SELECT 1 FROM reviews LIMIT 1`, nil, &one)
		if err != nil {
			return false, err
		}
		t.reviewed = &b
	}
	return *t.reviewed, nil
}

// reviewsOf returns the reviews of targets within the transaction.
func (t *Tx) reviewsOf(ctx context.Context, ids []string) ([]dossier.Review, error) {
	if ok, err := t.hasReviews(ctx); err != nil || !ok {
		return []dossier.Review{}, err
	}
	return t.s.reviewsOf(ctx, t, ids)
}

// exec runs a statement whose result is not read. With a Batcher it is
// held back until the next query, the commit or maxPending statements;
// its failure is then returned by whatever sends it.
func (t *Tx) exec(ctx context.Context, q string, args ...any) error {
	if t.batcher == nil {
		_, err := t.run.ExecContext(ctx, t.s.rebind(q), args...)
		return err
	}
	if t.failed != nil {
		return t.failed
	}
	// The caller may reuse a buffer it passed once this returns.
	held := make([]any, len(args))
	for i, a := range args {
		if b, ok := a.([]byte); ok && b != nil {
			a = bytes.Clone(b)
		}
		held[i] = a
	}
	t.pending = append(t.pending, Stmt{Query: t.s.rebind(q), Args: held})
	if len(t.pending) >= maxPending {
		return t.flush(ctx)
	}
	return nil
}

// flush sends the statements held back.
func (t *Tx) flush(ctx context.Context) error {
	if t.failed != nil {
		return t.failed
	}
	if len(t.pending) == 0 {
		return nil
	}
	stmts := t.pending
	t.pending = nil
	if err := t.batcher.QueryBatch(ctx, t.conn, stmts, nil, nil); err != nil {
		t.failed = err
		return err
	}
	return nil
}

// queryEach runs several queries (placeholders ?), handing each row of
// the query qs[i] to each(i, scan). With a Batcher the held-back
// statements and the queries all go in one round trip; otherwise the
// queries run one after the other.
func (t *Tx) queryEach(ctx context.Context, qs []Stmt, each func(i int, scan func(dest ...any) error) error) error {
	if len(qs) == 0 {
		return nil
	}
	if t.batcher == nil {
		return t.s.queryEach(ctx, t, qs, each)
	}
	if t.failed != nil {
		return t.failed
	}
	bound := make([]Stmt, len(qs))
	for i, q := range qs {
		bound[i] = Stmt{Query: t.s.rebind(q.Query), Args: q.Args}
	}
	stmts := t.pending
	t.pending = nil
	err := t.batcher.QueryBatch(ctx, t.conn, stmts, bound, each)
	if err != nil && len(stmts) > 0 {
		// the transaction may be lost: keep the cause
		t.failed = err
	}
	return err
}

// queryRows runs one query through queryEach: with a Batcher, in the
// same round trip as the statements held back.
func (t *Tx) queryRows(ctx context.Context, q string, args []any, each func(scan func(dest ...any) error) error) error {
	return t.s.rowsOf(ctx, t, q, args, each)
}

// queryFirst scans the first row of a query into dest, and tells whether
// there was one.
func (t *Tx) queryFirst(ctx context.Context, q string, args []any, dest ...any) (bool, error) {
	found := false
	err := t.queryRows(ctx, q, args, func(scan func(dest ...any) error) error {
		if found {
			return nil
		}
		found = true
		return scan(dest...)
	})
	return found, err
}

// queryStrings returns the one column of a query's rows.
func (t *Tx) queryStrings(ctx context.Context, q string, args ...any) ([]string, error) {
	var out []string
	err := t.queryRows(ctx, q, args, func(scan func(dest ...any) error) error {
		var s string
		if err := scan(&s); err != nil {
			return err
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

func (t *Tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.QueryContext(ctx, t.s.rebind(q), args...)
}

func (t *Tx) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.QueryRowContext(ctx, t.s.rebind(q), args...)
}

// QueryContext runs a query (its placeholders the engine's) after the
// statements held back: Tx is a reader that sees its own writes.
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	return t.run.QueryContext(ctx, q, args...)
}

// QueryRowContext is QueryContext for one row. A failed flush is kept in
// the transaction (the row's own error is then the server's refusal of
// an aborted transaction) and returned by Transact.
func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	t.flush(ctx)
	return t.run.QueryRowContext(ctx, q, args...)
}

// execNow runs a statement at once, after the statements held back: a
// script of several statements, which a batch cannot hold.
func (t *Tx) execNow(ctx context.Context, q string) (sql.Result, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	return t.run.ExecContext(ctx, q)
}

// prepare prepares a statement on the transaction, after the statements
// held back.
func (t *Tx) prepare(ctx context.Context, q string) (*sql.Stmt, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	return t.run.PrepareContext(ctx, t.s.rebind(q))
}

// Transact runs fn in one write transaction: committed when fn returns
// nil, rolled back otherwise.
//
// With a Batcher, the transaction runs on a connection of its own, on
// which held-back statements are sent: the opening of the transaction
// goes with its first query and the commit with its last statements. A
// failure among them is returned in preference to what fn made of it.
func (s *DB) Transact(ctx context.Context, fn func(*Tx) error) error {
	t := &Tx{s: s}
	if b, ok := s.d.(Batcher); ok {
		return s.transactBatched(ctx, b, t, fn)
	}
	var err error
	if t.tx, err = s.db.BeginTx(ctx, nil); err != nil {
		return s.d.MapError(err)
	}
	t.run = t.tx
	defer t.tx.Rollback()
	if err := s.d.LockWriter(ctx, t.tx); err != nil {
		return s.d.MapError(err)
	}
	if err := fn(t); err != nil {
		return err
	}
	return s.d.MapError(t.tx.Commit())
}

func (s *DB) transactBatched(ctx context.Context, b Batcher, t *Tx, fn func(*Tx) error) (err error) {
	if t.conn, err = s.db.Conn(ctx); err != nil {
		return s.d.MapError(err)
	}
	defer t.conn.Close()
	t.batcher, t.run = b, t.conn
	t.pending = b.Begin()
	committed := false
	defer func() {
		if !committed {
			// a context ended may be why: rolling back must not need it,
			// nor wait long on a server that is gone
			actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), abortTimeout)
			defer cancel()
			b.Abort(actx, t.conn)
		}
	}()
	err = fn(t)
	if t.failed != nil {
		return s.d.MapError(t.failed)
	}
	if err != nil {
		return err
	}
	t.pending = append(t.pending, b.End())
	if err := t.flush(ctx); err != nil {
		return s.d.MapError(err)
	}
	committed = true
	return nil
}

// reader is what read queries run on: the database or a transaction.
type reader interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func (s *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, s.rebind(q), args...)
}

func (s *DB) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, s.rebind(q), args...)
}

// migrationName is NNNN_description.sql.
var migrationName = regexp.MustCompile(`^(\d{4})_[a-z0-9_]+\.sql$`)

type migration struct {
	version int
	name    string
}

func (s *DB) migrations() ([]migration, error) {
	entries, err := fs.ReadDir(s.d.Migrations(), ".")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		v, _ := strconv.Atoi(m[1])
		ms = append(ms, migration{v, e.Name()})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion returns the highest migration applied, 0 for a new database.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.queryRow(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v)
	if err != nil {
		return 0, s.wrap("read schema version", err)
	}
	return int(v.Int64), nil
}

// migrate applies the migrations the database lacks, each in its own
// transaction, and refuses a schema newer than it knows.
func (s *DB) migrate(ctx context.Context) error {
	ms, err := s.migrations()
	if err != nil {
		return err
	}
	known := 0
	if len(ms) > 0 {
		known = ms[len(ms)-1].version
	}
	// A current schema needs no write at all, so a read-only role (a
	// server for readers) can open it. Current is every migration applied:
	// two branches may have added migrations 10 and 11 apart, and a base
	// migrated to 11 still lacks 10.
	if cur, err := s.SchemaVersion(ctx); err == nil && cur >= known {
		if cur > known {
			return fmt.Errorf("open %s: %w: schema version %d, this dossier knows up to %d; upgrade dossier",
				s.where, dossier.ErrSchemaTooNew, cur, known)
		}
		if applied, err := s.appliedMigrations(ctx); err == nil && len(missing(ms, applied)) == 0 {
			return nil
		}
	}
	// under the writer's lock: two processes opening a new PostgreSQL
	// database at once would both create the table (IF NOT EXISTS is not
	// safe against a concurrent CREATE there)
	err = s.Transact(ctx, func(tx *Tx) error {
		_, err := tx.execNow(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`)
		return err
	})
	if err != nil {
		if err = s.wrap("create schema_migrations", err); errors.Is(err, dossier.ErrReadOnly) {
			return fmt.Errorf("open %s: the schema is older than this dossier (version %d wanted) and this role may not upgrade it; run `dossier db migrate` with the owner's role first: %w", s.where, known, err)
		}
		return err
	}
	cur, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if cur > known {
		return fmt.Errorf("open %s: %w: schema version %d, this dossier knows up to %d; upgrade dossier",
			s.where, dossier.ErrSchemaTooNew, cur, known)
	}
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return err
	}
	for _, m := range missing(ms, applied) {
		body, err := fs.ReadFile(s.d.Migrations(), m.name)
		if err != nil {
			return fmt.Errorf("read migration %s: %w", m.name, err)
		}
		err = s.Transact(ctx, func(tx *Tx) error {
			// Another process may have migrated while we waited for the lock.
			var done int
			if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if _, err := tx.execNow(ctx, string(body)); err != nil {
				return err
			}
			err := tx.exec(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`,
				m.version, m.name, s.now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return s.wrap("migrate "+m.name, err)
		}
		if cur > 0 { // an upgrade is news; creating a new database is not
			s.log.Info("migrated", "db", s.where, "migration", m.name)
		} else {
			s.log.Debug("created schema", "db", s.where, "migration", m.name)
		}
	}
	return nil
}

// appliedMigrations returns the versions of the migrations applied.
func (s *DB) appliedMigrations(ctx context.Context) (map[int]bool, error) {
	rows, err := s.query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, s.wrap("read schema versions", err)
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, s.wrap("read schema versions", err)
		}
		out[v] = true
	}
	return out, s.wrap("read schema versions", rows.Err())
}

// missing lists the migrations not applied, in order.
func missing(ms []migration, applied map[int]bool) []migration {
	var out []migration
	for _, m := range ms {
		if !applied[m.version] {
			out = append(out, m)
		}
	}
	return out
}

// notFound builds a not-found error naming what was looked for.
func notFound(what, ref string) error {
	return fmt.Errorf("%s %q: %w", what, ref, dossier.ErrNotFound)
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// nullInt converts an optional int for a query argument.
func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// placeholders returns "?, ?, ?" for n arguments.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// inList is placeholders for the list of an IN, which may be empty
// (PostgreSQL refuses "IN ()"; "IN (NULL)" holds for no row on both).
func inList(n int) string {
	if n == 0 {
		return "NULL"
	}
	return placeholders(n)
}

// insertRows inserts rows with one statement per 200: head ("INSERT INTO
// t (a, b) VALUES "), then row (the placeholders of one row) for each,
// then tail (an ON CONFLICT clause, or nothing).
func (t *Tx) insertRows(ctx context.Context, head, row string, rows [][]any, tail ...string) error {
	for start := 0; start < len(rows); start += 200 {
		chunk := rows[start:min(len(rows), start+200)]
		var args []any
		for _, r := range chunk {
			args = append(args, r...)
		}
		q := head + strings.TrimSuffix(strings.Repeat(row+", ", len(chunk)), ", ") + strings.Join(tail, "")
		if err := t.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// insertIDs inserts one-column rows (ids) into table in one statement per
// 500, skipping those already there: one round trip where a loop took one
// per id (PostgreSQL pays for each).
func (t *Tx) insertIDs(ctx context.Context, table, col string, ids []string) error {
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(len(ids), start+500)]
		q := `INSERT INTO ` + table + ` (` + col + `) VALUES ` + strings.TrimSuffix(strings.Repeat("(?), ", len(chunk)), ", ") +
			` ON CONFLICT DO NOTHING`
		if err := t.exec(ctx, q, anySlice(chunk)...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}

// deleteIDs deletes the rows of table whose col is one of ids.
func (t *Tx) deleteIDs(ctx context.Context, table, col string, ids []string) error {
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(len(ids), start+500)]
		if err := t.exec(ctx, `DELETE FROM `+table+` WHERE `+col+` IN (`+placeholders(len(chunk))+`)`, anySlice(chunk)...); err != nil {
			return fmt.Errorf("delete from %s: %w", table, err)
		}
	}
	return nil
}

func anySlice(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
