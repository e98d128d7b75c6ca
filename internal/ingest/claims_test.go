package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/storetest"
)

// TestDeferredClaims: on PostgreSQL, a run leaves a document another
// process holds the claim of to that process, stores the others, and does
// not end while the claim lasts. Then it finds the document stored by the
// claimant, or extracts it itself when the claimant let the claim go
// unstored (it failed on it) or died (its lease ran out; made to run out
// by SQL here).
func TestDeferredClaims(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(paths) < 3 {
		t.Fatalf("corpus: %v, %d files", err, len(paths))
	}
	held := paths[1]
	for _, c := range []struct {
		name          string
		end           func(t *testing.T, claimant *sqlstore.DB, release func(), key string)
		wantExtracted int
	}{
		{"the claimant stores it", func(t *testing.T, claimant *sqlstore.DB, release func(), key string) {
			if sum := run(t, claimant, held); sum.Extracted != 1 || sum.New != 1 {
				t.Fatalf("the claimant's run: %+v", sum)
			}
			release()
		}, len(paths) - 1},
		{"the claimant fails on it", func(t *testing.T, claimant *sqlstore.DB, release func(), key string) {
			release()
		}, len(paths)},
		{"the claimant dies", func(t *testing.T, claimant *sqlstore.DB, release func(), key string) {
			if _, err := claimant.SQL().Exec(`UPDATE ingest_claims SET expires = clock_timestamp() - interval '1 second' WHERE key = $1`, key); err != nil {
				t.Fatal(err)
			}
		}, len(paths)},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.PostgresDSN(t)
			open := func() *sqlstore.DB {
				st, err := postgres.Open(ctx, dsn, postgres.Options{})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				return st
			}
			claimant, worker := open(), open()
			doc, err := reader.ReadPath(ctx, held, strings.NewReader(""), reader.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			release, ok, err := claimant.Claim(ctx, doc.Key())
			if !ok || err != nil {
				t.Fatalf("claim %s: %v %v", held, ok, err)
			}
			type outcome struct {
				sum ingest.Summary
				err error
			}
			done := make(chan outcome, 1)
			go func() {
				sum, err := ingest.Run(ctx, ingest.Options{Store: worker, Extractor: extractor(t), Version: extract.Version},
					ingest.Paths(paths, strings.NewReader(""), reader.Limits{}))
				done <- outcome{sum, err}
			}()
			waitForDocuments(t, claimant, len(paths)-1)
			select {
			case o := <-done:
				t.Fatalf("the run ended while another process held a claim: %+v %v", o.sum, o.err)
			default:
			}
			c.end(t, claimant, release, doc.Key())
			o := <-done
			if o.err != nil || o.sum.Documents != len(paths) || o.sum.Failed != 0 {
				t.Fatalf("run: %v, %+v", o.err, o.sum)
			}
			if o.sum.Extracted != c.wantExtracted {
				t.Errorf("the run extracted %d documents, want %d", o.sum.Extracted, c.wantExtracted)
			}
			if st, err := worker.DocumentState(ctx, doc.Key()); err != nil || st.Hash != doc.ContentHash() {
				t.Errorf("%s: %+v %v, want stored", held, st, err)
			}
			worker.Close()
			claimant.Close()
			var left int
			if err := open().SQL().QueryRow(`SELECT COUNT(*) FROM ingest_claims`).Scan(&left); err != nil || left != 0 {
				t.Errorf("%d claims left behind (%v)", left, err)
			}
		})
	}
}

// waitForDocuments waits until the knowledge base holds n documents.
func waitForDocuments(t *testing.T, st *sqlstore.DB, n int) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var got int
		if err := st.SQL().QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got >= n {
			return
		}
	}
	t.Fatalf("fewer than %d documents after two minutes", n)
}
