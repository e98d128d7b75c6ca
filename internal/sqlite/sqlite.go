// Package sqlite opens a knowledge base in one SQLite file, through the
// pure-Go driver modernc.org/sqlite (no cgo), with FTS5 for full text.
// The tables and queries are internal/sqlstore's; this package supplies
// what is SQLite's own: the connection settings (WAL, a busy timeout,
// BEGIN IMMEDIATE so that writers queue instead of deadlocking), FTS5
// search, the migrations, and the meaning of its error codes.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configure Open.
type Options struct {
	sqlstore.Options
	// BusyTimeout is how long a writer waits for another process's write
	// lock before giving up with dossier.ErrLocked; 0 means 10 seconds.
	BusyTimeout time.Duration
	// MustExist refuses to create a new file (for commands that only read).
	MustExist bool
}

// Open opens (creating when allowed) the SQLite file at path and migrates it.
func Open(ctx context.Context, path string, opts Options) (*sqlstore.DB, error) {
	if opts.Where == "" {
		opts.Where = path
	}
	if _, err := os.Stat(path); err != nil {
		if opts.MustExist {
			return nil, fmt.Errorf("open %s: %w: no knowledge base there (run dossier ingest first)", path, dossier.ErrNotFound)
		}
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("open %s: %w", path, err)
			}
		}
	}
	busy := opts.BusyTimeout
	if busy <= 0 {
		busy = 10 * time.Second
	}
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(busy.Milliseconds()))
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	// 8 KiB pages for a new file (an existing one keeps its own): rows of
	// one to two kilobytes (documents, incidents) leave a fifth of a 4 KiB
	// page empty, a tenth of an 8 KiB one.
	q.Add("_pragma", "page_size(8192)")
	q.Add("_pragma", "cache_size(-262144)")
	q.Add("_pragma", "temp_store(memory)")
	q.Add("_pragma", "mmap_size(268435456)")
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	d := dialect{where: path, busy: busy}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, d.MapError(err))
	}
	s, err := sqlstore.New(ctx, db, d, opts.Options)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// escapePath makes a file path safe inside a file: URI.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// dialect is SQLite's sqlstore.Dialect.
type dialect struct {
	where string
	busy  time.Duration
}

func (dialect) Name() string           { return "sqlite" }
func (dialect) Rebind(q string) string { return q }

func (dialect) Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded folder exists
	}
	return sub
}

func (dialect) SearchCond(table string) string {
	return `t.n IN (SELECT rowid FROM ` + table + `_fts WHERE ` + table + `_fts MATCH ?)`
}

// SearchNewest: FTS5 walks its index newest first and stops at the limit.
func (dialect) SearchNewest(context.Context, *sql.DB, string, bool, string, int) (from, where, order string, ok bool) {
	return "", "", "", false
}

// SearchRest is Search (SearchNewest is never used).
func (d dialect) SearchRest(table string, title bool) (from, where, order string) {
	return d.Search(table, title)
}

// NamedIncidents: SQLite reads the weapon's and the actors' incidents by
// their indexes (a multi-index OR) and sorts the matches.
func (dialect) NamedIncidents(limit int, withMentions bool) string {
	return `(t.n IN (SELECT incident_n FROM incident_weapons WHERE weapon = ?) OR t.n IN (SELECT incident_n FROM incident_actors
			WHERE actor_id IN (SELECT actor_id FROM actor_names WHERE fold = ? OR key = ?)))`
}

// DayIndex is migration 0009's index of the incidents' search text in
// date order: its rowid is day_key (see sqlstore.DayKey).
func (dialect) DayIndex() string { return "incidents_day_fts" }

// maxPrefixTerms bounds the words a prefix of DayQuery or PrefixQuery
// turns into.
const maxPrefixTerms = 16

// DayQuery writes the FTS5 query of DayIndex for folded words, all
// required, each a prefix, found in incidents_day_terms (see prefixQuery).
func (dialect) DayQuery(ctx context.Context, db *sql.DB, words []string) (string, error) {
	return prefixQuery(ctx, db, "incidents_day_terms", words)
}

// PrefixQuery writes the FTS5 query of table's full-text index (migration
// 0012 made the vocabulary tables of incidents, actors and documents) for
// folded words, all required, each a prefix (see prefixQuery).
func (dialect) PrefixQuery(ctx context.Context, db *sql.DB, table string, words []string) (string, error) {
	return prefixQuery(ctx, db, table+"_fts_terms", words)
}

// prefixQuery writes an FTS5 query for folded words, all required, each
// a prefix: as an OR of the words of the index it begins (the same
// matches), found one seek each in vocab, the index's fts5vocab table of
// type instance, since FTS5 merges every match of a prefix query before
// giving the first; a prefix of more than maxPrefixTerms words stays a
// prefix.
func prefixQuery(ctx context.Context, db *sql.DB, vocab string, words []string) (string, error) {
	q := make([]string, 0, len(words))
	for _, w := range words {
		var terms []string
		next := w
		for plain(w) && len(terms) <= maxPrefixTerms {
			var t string
			err := db.QueryRowContext(ctx, `SELECT term FROM `+vocab+` WHERE term >= ? LIMIT 1`, next).Scan(&t)
			if errors.Is(err, sql.ErrNoRows) || err == nil && !strings.HasPrefix(t, w) {
				break
			}
			if err != nil {
				return "", err
			}
			terms = append(terms, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
			next = t + "\x01" // the next word after t
		}
		if len(terms) == 0 || len(terms) > maxPrefixTerms {
			q = append(q, `"`+strings.ReplaceAll(w, `"`, `""`)+`"*`)
		} else {
			q = append(q, `(`+strings.Join(terms, ` OR `)+`)`)
		}
	}
	return strings.Join(q, " AND "), nil
}

// plain reports whether the tokenizer keeps w as it is, one token (lower
// case ASCII letters and digits), so that the words it begins are those
// of the index that have it as their first bytes.
func plain(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return w != ""
}

func (dialect) NameKeyCond() string {
	return `n.rowid IN (SELECT rowid FROM actor_names_key_fts WHERE actor_names_key_fts MATCH ?)`
}

func (dialect) Search(table string, title bool) (from, where, order string) {
	// Newest first: FTS5 walks its index in rowid order without ranking
	// every match, which keeps a common word fast on a large base.
	index := table + `_fts`
	if title {
		index = table + `_title_fts`
	}
	return index + ` f JOIN ` + table + ` t ON t.n = f.rowid`, index + ` MATCH ?`, `f.rowid DESC`
}

// SearchQuery writes an FTS5 query: each folded word quoted and
// prefix-matched, all required or any.
func (dialect) SearchQuery(words []string, any bool) string {
	return ftsQuery(words, any, `*`)
}

// SearchWords writes an FTS5 query of whole words, all required: a word
// needs no merge of every term it begins, which costs on a common word.
func (dialect) SearchWords(words []string) string {
	return ftsQuery(words, false, ``)
}

func ftsQuery(words []string, any bool, prefix string) string {
	q := make([]string, 0, len(words))
	for _, w := range words {
		q = append(q, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`+prefix)
	}
	sep := " "
	if any {
		sep = " OR "
	}
	return strings.Join(q, sep)
}

// LockWriter has nothing to do: BEGIN IMMEDIATE took the write lock.
func (dialect) LockWriter(context.Context, *sql.Tx) error { return nil }

func (d dialect) MapError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %s (another process has been writing to it for more than %s)", dossier.ErrLocked, d.where, d.busy)
		case sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%s is not an SQLite database: %w", d.where, err)
		case sqlite3.SQLITE_CANTOPEN:
			return fmt.Errorf("cannot open %s: %w", d.where, err)
		case sqlite3.SQLITE_READONLY:
			return fmt.Errorf("%s is read-only: %w", d.where, err)
		}
	}
	return err
}

// CheckSearch runs FTS5's integrity check of each index against its table.
func (dialect) CheckSearch(ctx context.Context, db *sql.DB) ([]string, error) {
	var problems []string
	for _, x := range searchIndexes {
		_, err := db.ExecContext(ctx, `INSERT INTO `+x.index+` (`+x.index+`, rank) VALUES ('integrity-check', 1)`)
		if err != nil {
			var se *sqlite.Error
			if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CORRUPT {
				problems = append(problems, "full-text index "+x.index+" out of step with "+x.table)
				continue
			}
			return nil, err
		}
	}
	return problems, nil
}

// searchIndexes are the FTS5 indexes that triggers keep in step with
// their tables (rowid names the table's column that is the index's rowid;
// columns, comma-separated, those it indexes; update, those whose change
// rewrites its row): the search text of each table (migration 0001), its
// title alone (an actor's name), the transliteration keys of actor names
// (migration 0006) and the incidents' search text in date order (0009).
var searchIndexes = []struct{ index, table, columns, rowid, update string }{
	{"incidents_fts", "incidents", "search", "n", "search"},
	{"actors_fts", "actors", "search", "n", "search"},
	{"documents_fts", "documents", "search", "n", "search"},
	{"incidents_title_fts", "incidents", "title_key", "n", "title_key"},
	{"actors_title_fts", "actors", "name_key", "n", "name_key"},
	{"documents_title_fts", "documents", "title", "n", "title"},
	{"actor_names_key_fts", "actor_names", "key", "rowid", "key"},
	{"incidents_day_fts", "incidents", "search", "day_key", "search, kind, sort_day"},
}

// triggers returns the statements that keep an FTS5 index in step with
// its table, as the migrations create them.
func triggers(index, table, columns, rowid, update string) string {
	var olds, news []string
	for _, c := range strings.Split(columns, ", ") {
		olds, news = append(olds, "old."+c), append(news, "new."+c)
	}
	return fmt.Sprintf(`CREATE TRIGGER IF NOT EXISTS %[1]s_ai AFTER INSERT ON %[2]s BEGIN
	INSERT INTO %[1]s (rowid, %[3]s) VALUES (new.%[4]s, %[7]s);
END;
CREATE TRIGGER IF NOT EXISTS %[1]s_ad AFTER DELETE ON %[2]s BEGIN
	INSERT INTO %[1]s (%[1]s, rowid, %[3]s) VALUES ('delete', old.%[4]s, %[6]s);
END;
CREATE TRIGGER IF NOT EXISTS %[1]s_au AFTER UPDATE OF %[5]s ON %[2]s BEGIN
	INSERT INTO %[1]s (%[1]s, rowid, %[3]s) VALUES ('delete', old.%[4]s, %[6]s);
	INSERT INTO %[1]s (rowid, %[3]s) VALUES (new.%[4]s, %[7]s);
END;`, index, table, columns, rowid, update, strings.Join(olds, ", "), strings.Join(news, ", "))
}

// Bulk drops the full-text triggers for a bulk load, then restores them
// and rebuilds the indexes in one pass: much faster than row by row.
func (d dialect) Bulk(ctx context.Context, db *sql.DB, start bool) error {
	// One connection, with a large page cache and no syncing: the pragmas
	// are per connection, and a bulk load that fails is started again.
	if start {
		db.SetMaxOpenConns(1)
		if _, err := db.ExecContext(ctx, `PRAGMA cache_size = -2000000; PRAGMA synchronous = OFF`); err != nil {
			return d.MapError(err)
		}
	} else {
		defer db.SetMaxOpenConns(0)
		defer db.ExecContext(ctx, `PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL`)
	}
	for _, x := range searchIndexes {
		var q string
		if start {
			q = "DROP TRIGGER IF EXISTS " + x.index + "_ai; DROP TRIGGER IF EXISTS " + x.index + "_ad; DROP TRIGGER IF EXISTS " + x.index + "_au;"
		} else {
			q = triggers(x.index, x.table, x.columns, x.rowid, x.update) + "\nINSERT INTO " + x.index + " (" + x.index + ") VALUES ('rebuild');"
		}
		if _, err := db.ExecContext(ctx, q); err != nil {
			return d.MapError(err)
		}
	}
	return nil
}
