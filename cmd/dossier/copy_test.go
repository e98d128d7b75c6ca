package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/storetest"
)

// copySourceDB ingests the store test corpus into a new SQLite file and
// reviews it: a corrected fatality figure, a corrected actor kind and a
// merge split off, so that the copy has reviews of every kind to carry.
func copySourceDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "a.db")
	if code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", storeCorpus); code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	var merged *dossier.IncidentSummary
	err = st.EachIncident(ctx, dossier.IncidentFilter{Limit: -1}, func(in *dossier.IncidentSummary) error {
		if len(in.Sources) > 1 && merged == nil {
			merged = in
		}
		return nil
	})
	if err != nil || merged == nil {
		t.Fatalf("no merged incident to review: %v", err)
	}
	d, err := st.Incident(ctx, merged.ID)
	if err != nil {
		t.Fatal(err)
	}
	actors, err := st.Actors(ctx, dossier.ActorFilter{Limit: 1})
	if err != nil || len(actors.Actors) == 0 {
		t.Fatalf("no actor: %v", err)
	}
	for _, r := range []dossier.Review{
		{Target: dossier.TargetIncident, TargetID: merged.ID, Field: "fatalities", Action: dossier.ReviewCorrect, Value: "3", Author: "tester", Note: "per the hospital"},
		{Target: dossier.TargetActor, TargetID: actors.Actors[0].ID, Field: "kind", Action: dossier.ReviewCorrect, Value: dossier.KindOrganization, Author: "tester"},
		{Target: dossier.TargetReport, TargetID: d.Reports[len(d.Reports)-1].ID, Action: dossier.ReviewReject, Author: "other"},
	} {
		if _, err := st.AddReview(ctx, r); err != nil {
			t.Fatalf("review %+v: %v", r, err)
		}
	}
	return db
}

// sameKnowledgeBase compares what two knowledge bases show: every
// incident as listed, and every review with its id and time.
func sameKnowledgeBase(t *testing.T, a, b string) {
	t.Helper()
	_, ia, _ := dossierRun(t, "incidents", "--db", a, "--format", "jsonl", "--sort", "title")
	_, ib, _ := dossierRun(t, "incidents", "--db", b, "--format", "jsonl", "--sort", "title")
	if ia == "" || ia != ib {
		t.Errorf("the copy lists other incidents:\n%s\n----\n%s", ia, ib)
	}
	reviews := func(dsn string) string {
		st, err := openStore(context.Background(), &Env{}, dsn, false)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		rs, err := st.Reviews(context.Background(), dossier.ReviewFilter{})
		if err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(rs)
		return string(out)
	}
	if ra, rb := reviews(a), reviews(b); ra != rb {
		t.Errorf("the copy has other reviews:\n%s\n%s", ra, rb)
	}
}

func TestCopySQLite(t *testing.T) {
	a := copySourceDB(t)
	b := filepath.Join(t.TempDir(), "b.db")
	code, out, errs := dossierRun(t, "copy", "--from", a, "--to", b)
	if code != exitOK || !strings.Contains(out, "counts match") || !strings.Contains(out, "3 review(s)") {
		t.Fatalf("copy: exit %d\n%s\n%s", code, out, errs)
	}
	for _, c := range []string{"documents", "reports", "incidents", "actors", "reviews"} {
		if !strings.Contains(out, c) {
			t.Errorf("the counts do not show %s:\n%s", c, out)
		}
	}
	sameKnowledgeBase(t, a, b)

	// Not into a knowledge base that holds something, unless resuming.
	if code, _, errs := dossierRun(t, "copy", "--from", a, "--to", b); code != exitUsage || !strings.Contains(errs, "--resume") {
		t.Errorf("copy into a full knowledge base: exit %d, %s", code, errs)
	}
	if code, out, errs := dossierRun(t, "copy", "--from", a, "--to", b, "--resume"); code != exitOK || !strings.Contains(out, "counts match") {
		t.Errorf("resumed copy: exit %d\n%s\n%s", code, out, errs)
	}
	sameKnowledgeBase(t, a, b)

	if code, _, _ := dossierRun(t, "copy", "--from", filepath.Join(t.TempDir(), "none.db"), "--to", filepath.Join(t.TempDir(), "c.db")); code != exitFailure {
		t.Errorf("copy from a missing file: exit %d", code)
	}
	if code, _, _ := dossierRun(t, "copy", "--from", a); code != exitUsage {
		t.Errorf("copy without --to: exit %d", code)
	}
}

// TestCopyPostgres copies an SQLite knowledge base into PostgreSQL and
// back, when DOSSIER_TEST_PG names a server.
func TestCopyPostgres(t *testing.T) {
	dsn := os.Getenv(storetest.EnvPostgres)
	if dsn == "" {
		t.Skipf("%s not set: no PostgreSQL server to test against (scripts/pg-test.sh starts one)", storetest.EnvPostgres)
	}
	pg := newPostgresDB(t, dsn)
	a := copySourceDB(t)
	code, out, errs := dossierRun(t, "copy", "--from", a, "--to", pg)
	if code != exitOK || !strings.Contains(out, "counts match") {
		t.Fatalf("copy to PostgreSQL: exit %d\n%s\n%s", code, out, errs)
	}
	sameKnowledgeBase(t, a, pg)
	back := filepath.Join(t.TempDir(), "back.db")
	if code, out, errs := dossierRun(t, "copy", "--from", pg, "--to", back); code != exitOK || !strings.Contains(out, "counts match") {
		t.Fatalf("copy back to SQLite: exit %d\n%s\n%s", code, out, errs)
	}
	sameKnowledgeBase(t, a, back)
}

// newPostgresDB creates an empty database on the test server, dropped
// when the test ends, and returns its URL.
func newPostgresDB(t *testing.T, dsn string) string {
	t.Helper()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("dossier_copy_%d_%d", time.Now().UnixNano()%1e9, rand.IntN(1e6))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Skipf("PostgreSQL at $%s unusable: %v", storetest.EnvPostgres, err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("pgx", dsn); err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			a.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
