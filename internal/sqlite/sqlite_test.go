package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/storetest"
)

func open(t testing.TB) dossier.Store {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kb.db")
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SQL().ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (999, '0999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, err = sqlite.Open(ctx, path, sqlite.Options{})
	if !errors.Is(err, dossier.ErrSchemaTooNew) || !strings.Contains(err.Error(), "999") {
		t.Errorf("open: %v, want a schema-too-new error naming the version", err)
	}
}

func TestMustExist(t *testing.T) {
	_, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "none.db"), sqlite.Options{MustExist: true})
	if !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("open: %v, want not found", err)
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(path, []byte(strings.Repeat("not a database at all\n", 100)), 0o644)
	_, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err == nil || !strings.Contains(err.Error(), "not an SQLite database") {
		t.Errorf("open: %v", err)
	}
}

// TestLocked: another process holding the write lock makes a write fail,
// after the busy timeout, with ErrLocked naming the file; what was stored
// before is intact.
func TestLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kb.db")
	st, err := sqlite.Open(ctx, path, sqlite.Options{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d := storetest.Doc("a.txt", "", "", "", "a")
	if _, err := st.PutDocument(ctx, d, storetest.Extraction(d), storetest.Version); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	b := storetest.Doc("b.txt", "", "", "", "b")
	_, err = st.PutDocument(ctx, b, storetest.Extraction(b), storetest.Version)
	if !errors.Is(err, dossier.ErrLocked) || !strings.Contains(err.Error(), path) {
		t.Errorf("put while locked: %v, want ErrLocked naming %s", err, path)
	}
	conn.ExecContext(ctx, "ROLLBACK")
	if _, err := st.DocumentState(ctx, "a.txt"); err != nil {
		t.Errorf("document stored before the lock: %v", err)
	}
}

// TestMigratesOlderSchema: a knowledge base written at schema version 1
// is brought up to date when opened, its data kept.
func TestMigratesOlderSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kb.db")
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	latest, err := st.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.Doc("a.txt", "", "", "", "a")
	own := storetest.Inc{ID: "i1", Main: true, Title: "Bombing in Baghdad", Date: "2021-11-07", Place: "Baghdad", Country: "Iraq"}
	other := storetest.Inc{ID: "i2", Title: "Rocket attack on Erbil", Date: "2021-02-15", Place: "Erbil", Country: "Iraq"}
	if _, err := st.PutDocument(ctx, d, storetest.Extraction(d, own, other), storetest.Version); err != nil {
		t.Fatal(err)
	}
	// Back to version 1, as an older dossier left it.
	for _, q := range []string{`DROP TRIGGER incidents_day_fts_ai`, `DROP TRIGGER incidents_day_fts_ad`, `DROP TRIGGER incidents_day_fts_au`,
		`DROP TABLE incidents_day_terms`, `DROP TABLE incidents_fts_terms`, `DROP TABLE actors_fts_terms`, `DROP TABLE documents_fts_terms`,
		`DROP TABLE incidents_day_fts`, `ALTER TABLE incidents DROP COLUMN day_key`, `DROP INDEX incidents_country_type`, `DROP INDEX incidents_country_sub_type`,
		`DROP TABLE stale_incidents`, `DROP TABLE document_bands`, `DROP TABLE document_variants`, `ALTER TABLE incidents DROP COLUMN kind`,
		`DROP TABLE review_queue`, `DROP TABLE incidents_title_fts`, `DROP TABLE actors_title_fts`, `DROP TABLE documents_title_fts`,
		`DROP TRIGGER incidents_title_fts_ai`, `DROP TRIGGER incidents_title_fts_ad`, `DROP TRIGGER incidents_title_fts_au`,
		`DROP TRIGGER actors_title_fts_ai`, `DROP TRIGGER actors_title_fts_ad`, `DROP TRIGGER actors_title_fts_au`,
		`DROP TRIGGER documents_title_fts_ai`, `DROP TRIGGER documents_title_fts_ad`, `DROP TRIGGER documents_title_fts_au`,
		`DROP TABLE actor_names_key_fts`, `DROP TRIGGER actor_names_key_fts_ai`, `DROP TRIGGER actor_names_key_fts_ad`,
		`DROP TRIGGER actor_names_key_fts_au`, `DROP TABLE cursor_key`,
		`DROP INDEX reports_block`, `ALTER TABLE reports DROP COLUMN country`, `ALTER TABLE reports DROP COLUMN day_lo`,
		`ALTER TABLE reports DROP COLUMN day_hi`, `ALTER TABLE reports DROP COLUMN keyed`, `DROP TABLE unsettled`,
		`DROP TABLE incident_redirects`, `DROP TABLE incident_log`, `DROP INDEX reviews_anchor_doc`,
		`ALTER TABLE reviews DROP COLUMN anchor`, `ALTER TABLE reviews DROP COLUMN anchor_doc`, `ALTER TABLE incidents DROP COLUMN anchor_doc`, `DROP TABLE stale_actors`,
		`DELETE FROM schema_migrations WHERE version > 1`} {
		if _, err := st.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	st, err = sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != latest {
		t.Errorf("schema version %d, want %d", v, latest)
	}
	if _, err := st.DocumentState(ctx, "a.txt"); err != nil {
		t.Errorf("data lost: %v", err)
	}
	// stored before kinds: the document's own incident is an event, the
	// other one a reference, as both were listed
	p, err := st.Incidents(ctx, dossier.IncidentFilter{})
	if err != nil || len(p.Incidents) != 2 {
		t.Fatalf("incidents after migration: %d, %v; want both", len(p.Incidents), err)
	}
	rows, err := st.SQL().QueryContext(ctx, `SELECT title, kind FROM incidents ORDER BY title`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var title, kind string
		rows.Scan(&title, &kind)
		got = append(got, title+": "+kind)
	}
	if want := "Bombing in Baghdad: event|Rocket attack on Erbil: reference"; strings.Join(got, "|") != want {
		t.Errorf("kinds after migration: %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestCursorsAcrossOpeners: a cursor one opener of a knowledge base gave
// is good for another (a second server, a read-only command), and for no
// other knowledge base: the key is the database's own.
func TestCursorsAcrossOpeners(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	open := func(name string) *sqlstore.DB {
		st, err := sqlite.Open(ctx, filepath.Join(dir, name), sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	a, b, other := open("kb.db"), open("kb.db"), open("other.db")
	for _, st := range []*sqlstore.DB{a, other} {
		for i, place := range []string{"Baghdad", "Basra", "Mosul"} {
			d := storetest.Doc(place+".txt", "", "", "", place)
			in := storetest.Inc{ID: "i1", Main: true, Title: "Bombing in " + place, Date: fmt.Sprintf("2021-11-0%d", i+1), Place: place, Country: "Iraq"}
			if _, err := st.PutDocument(ctx, d, storetest.Extraction(d, in), storetest.Version); err != nil {
				t.Fatal(err)
			}
		}
	}
	page, err := a.Incidents(ctx, dossier.IncidentFilter{Limit: 1})
	if err != nil || page.Next == "" {
		t.Fatalf("first page: %v, next %q", err, page.Next)
	}
	if _, err := b.Incidents(ctx, dossier.IncidentFilter{Limit: 1, Cursor: page.Next}); err != nil {
		t.Errorf("another opener refuses the cursor: %v", err)
	}
	if _, err := other.Incidents(ctx, dossier.IncidentFilter{Limit: 1, Cursor: page.Next}); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("another knowledge base accepts the cursor: %v", err)
	}
}
