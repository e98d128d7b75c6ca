package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/storetest"
)

// TestSearchLikeSQLite generates the same knowledge base on both stores,
// gives PostgreSQL its statistics (so that searches and text-filtered
// lists choose between a walk of the newest rows and the GIN index by
// the words' shares, and prefixes become the words of search_words),
// and checks that every search and text list gives SQLite's hits,
// pages and totals.
func TestSearchLikeSQLite(t *testing.T) {
	ctx := context.Background()
	pg, err := postgres.Open(ctx, storetest.PostgresDSN(t), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	lite, err := sqlite.Open(ctx, t.TempDir()+"/kb.db", sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	for _, st := range []*sqlstore.DB{pg, lite} {
		if err := st.Generate(ctx, sqlstore.GenerateOptions{Incidents: 12000, Seed: 7}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pg.SQL().ExecContext(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
	v := sqlstore.GeneratedVocabulary(7)
	var queries []string
	for i, w := range v.Words {
		queries = append(queries, w, strings.ToLower(w[:min(3, len(w))]))
		a := strings.Fields(v.Actors[i*37%len(v.Actors)])
		queries = append(queries, w+" "+a[0], w+" "+a[0][:3], v.Actors[i])
	}
	queries = append(queries, "nothingmatches", "el fasher", "attack party")
	hits := func(st *sqlstore.DB, q string) string {
		hs, err := st.Search(ctx, q, dossier.SearchOptions{Limit: 20})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		var b strings.Builder
		for _, h := range hs {
			fmt.Fprintf(&b, "%s/%s/%s ", h.Kind, h.Match, h.ID)
		}
		return b.String()
	}
	list := func(st *sqlstore.DB, q string) string {
		var b strings.Builder
		f := dossier.IncidentFilter{Text: q, Limit: 50}
		for page := 0; page < 3; page++ {
			p, err := st.Incidents(ctx, f)
			if err != nil {
				t.Fatalf("list %q: %v", q, err)
			}
			fmt.Fprintf(&b, "total %d %v:", p.Total, p.TotalIsEstimate)
			for _, in := range p.Incidents {
				b.WriteString(" " + in.ID)
			}
			if p.Next == "" {
				break
			}
			f.Cursor = p.Next
		}
		return b.String()
	}
	for _, q := range queries {
		if got, want := hits(pg, q), hits(lite, q); got != want {
			t.Errorf("search %q on PostgreSQL:\n%s\nSQLite:\n%s", q, got, want)
		}
		if got, want := list(pg, q), list(lite, q); got != want {
			t.Errorf("text list %q on PostgreSQL:\n%s\nSQLite:\n%s", q, got, want)
		}
	}
}

// TestSearchWordsKept: the words of a row's search text are in
// search_words once it is inserted, and again when its text changes, so
// that a prefix finds them as the words it begins.
func TestSearchWordsKept(t *testing.T) {
	ctx := context.Background()
	pg, err := postgres.Open(ctx, storetest.PostgresDSN(t), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if err := pg.Generate(ctx, sqlstore.GenerateOptions{Incidents: 8, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	has := func(w string) bool {
		var n int
		if err := pg.SQL().QueryRowContext(ctx, `SELECT count(*) FROM search_words WHERE word = $1`, w).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	if !has("killed") {
		t.Errorf("a word of the inserted incidents is missing")
	}
	if _, err := pg.SQL().ExecContext(ctx, `UPDATE incidents SET search = search || ' zyxwordone' WHERE n = (SELECT min(n) FROM incidents)`); err != nil {
		t.Fatal(err)
	}
	if !has("zyxwordone") {
		t.Errorf("a word of an updated incident is missing")
	}
	p, err := pg.Incidents(ctx, dossier.IncidentFilter{Text: "zyxword"})
	if err != nil || len(p.Incidents) != 1 {
		t.Errorf("a prefix of the new word: %d incidents (%v), want 1", len(p.Incidents), err)
	}
}
