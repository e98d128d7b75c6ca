package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/storetest"
)

// TestMigration0011KeepsEvidence: a knowledge base written by dossier at
// schema version 9 (testdata/schema9-kb.db.gz: internal/ingest's corpus,
// every evidence text stored whole in every row), opened by this dossier
// (migrated), prints every incident, export and document exactly as the
// old dossier printed them (testdata/schema9-golden.txt: the SHA-256 of
// each output, taken with the old binary). So does a copy of it written
// the new way (evidence as offsets into the documents' text, extractions
// without their incidents, packed JSON), whose rows the test checks.
func TestMigration0011KeepsEvidence(t *testing.T) {
	gunzipped := func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "old.db")
		gunzipTo(t, "testdata/schema9-kb.db.gz", path)
		return path
	}
	want := readGolden(t, "testdata/schema9-golden.txt")

	compare := func(t *testing.T, db string) {
		got := evidenceOutputs(t, db)
		if len(got) != len(want) {
			t.Errorf("%d outputs, want %d", len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("output %d: %s, want %s", i, got[i], want[i])
			}
		}
	}
	t.Run("migrated", func(t *testing.T) { compare(t, gunzipped(t)) })
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv(storetest.EnvPostgres)
		if dsn == "" {
			t.Skipf("%s not set: no PostgreSQL server to test against (scripts/pg-test.sh starts one)", storetest.EnvPostgres)
		}
		pg := newPostgresDB(t, dsn)
		schema9Postgres(t, pg, gunzipped(t))
		compare(t, pg)
	})
	t.Run("copied", func(t *testing.T) {
		fresh := filepath.Join(t.TempDir(), "new.db")
		if code, out, errs := dossierRun(t, "copy", "--from", gunzipped(t), "--to", fresh); code != exitOK {
			t.Fatalf("copy: %d\n%s\n%s", code, out, errs)
		}
		compare(t, fresh)
		st, err := sqlite.Open(context.Background(), fresh, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for _, q := range []string{
			`SELECT COUNT(*) FROM reports WHERE substr(data, 1, 1) = '{' OR substr(actors, 1, 1) = '['`,
			`SELECT COUNT(*) FROM incidents WHERE substr(record, 1, 1) = '{' OR substr(signature, 1, 1) = '{'`,
			`SELECT COUNT(*) FROM documents WHERE substr(extraction, 1, 1) = '{'`,
		} {
			var n int
			if err := st.SQL().QueryRow(q).Scan(&n); err != nil || n != 0 {
				t.Errorf("%s: %d rows as plain JSON (%v), want every row packed", q, n, err)
			}
		}
	})
}

// schema9Postgres makes the PostgreSQL database at dsn a knowledge base
// from before migration 0011 holding the rows of the SQLite one at path
// (schema 9, which PostgreSQL stores in the same columns): the schema of
// today taken back before 0011 (the columns it made BYTEA are TEXT again,
// its tables empty), then every row copied as it is.
func schema9Postgres(t *testing.T, dsn, path string) {
	t.Helper()
	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	src, err := sql.Open("sqlite", path) // as it is: not migrated
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	pg, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	for _, c := range [][2]string{{"incidents", "record"}, {"incidents", "signature"}, {"reports", "data"}, {"reports", "actors"},
		{"review_queue", "data"}, {"review_queue", "actors"}, {"documents", "extraction"}, {"mentions", "data"}, {"claims", "data"},
		{"statements", "data"}, {"relations", "data"}} {
		if _, err := pg.ExecContext(ctx, `ALTER TABLE `+c[0]+` ALTER COLUMN `+c[1]+` DROP DEFAULT, ALTER COLUMN `+c[1]+
			` TYPE TEXT USING convert_from(`+c[1]+`, 'UTF8')`); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pg.ExecContext(ctx, `ALTER TABLE review_queue ALTER COLUMN actors SET DEFAULT '[]'`); err != nil {
		t.Fatal(err)
	}
	if _, err := pg.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = 11`); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"documents", "document_bands", "document_variants", "reports", "incidents", "incident_actors",
		"incident_weapons", "actors", "actor_names", "mentions", "relations", "claims", "statements", "review_queue", "reviews",
		"incident_redirects", "incident_log"} {
		copyRows(t, src, pg, table)
	}
}

// copyRows copies every row of table from an SQLite database into the
// same columns of a PostgreSQL one (those PostgreSQL does not generate).
func copyRows(t *testing.T, from, to *sql.DB, table string) {
	t.Helper()
	var list string
	if err := to.QueryRow(`SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
		WHERE table_name = $1 AND is_generated = 'NEVER'`, table).Scan(&list); err != nil {
		t.Fatal(err)
	}
	cols := strings.Split(list, ",")
	rows, err := from.Query(`SELECT ` + strings.Join(cols, ", ") + ` FROM ` + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	marks := make([]string, len(cols))
	for i := range marks {
		marks[i] = fmt.Sprintf("$%d", i+1)
	}
	insert := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) OVERRIDING SYSTEM VALUE VALUES (` + strings.Join(marks, ", ") + `)`
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if s, ok := v.(string); ok && (cols[i] == "raw" || cols[i] == "body" || cols[i] == "fingerprint") {
				vals[i] = []byte(s)
			}
		}
		if _, err := to.Exec(insert, vals...); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// evidenceOutputs runs the commands testdata/schema9-golden.txt lists
// and returns "sha256  command" for each, as the golden file has them.
func evidenceOutputs(t *testing.T, db string) []string {
	t.Helper()
	var out []string
	run := func(args ...string) string {
		code, stdout, stderr := dossierRun(t, append([]string{args[0], "--db", db}, args[1:]...)...)
		if code != exitOK {
			t.Fatalf("%s: %d\n%s", strings.Join(args, " "), code, stderr)
		}
		sum := sha256.Sum256([]byte(stdout))
		out = append(out, hex.EncodeToString(sum[:])+"  "+strings.Join(args, " "))
		return stdout
	}
	jsonl := run("export", "--format", "jsonl")
	run("export", "--format", "acled-csv")
	var docs []string
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var in struct {
			ID      string `json:"id"`
			Sources []struct {
				DocumentID string `json:"document_id"`
			} `json:"sources"`
		}
		if err := json.Unmarshal([]byte(l), &in); err != nil {
			t.Fatal(err)
		}
		run("show", "--format", "json", "incident", in.ID)
		run("show", "incident", in.ID)
		for _, s := range in.Sources {
			if !seen[s.DocumentID] {
				seen[s.DocumentID] = true
				docs = append(docs, s.DocumentID)
			}
		}
	}
	for _, d := range docs {
		run("show", "--format", "json", "document", d)
		run("show", "document", d)
	}
	return out
}

func readGolden(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func gunzipTo(t *testing.T, from, to string) {
	t.Helper()
	f, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	w, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(w, zr); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
