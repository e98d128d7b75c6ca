package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/storetest"
)

// TestHeldBackWrites: on PostgreSQL a transaction holds back the
// statements whose result it does not read and sends them as one batch
// before its next query and at commit (on SQLite each runs at once; the
// test holds for both). A query sees the writes before it, more than one
// batch's worth of writes all land, a buffer the caller reuses after a
// write does not change what was written, and a failed statement fails
// the whole transaction with an error that names it, nothing written.
func TestHeldBackWrites(t *testing.T) {
	ctx := context.Background()
	for _, be := range []struct {
		name string
		open func(testing.TB) *sqlstore.DB
	}{
		{"sqlite", func(tb testing.TB) *sqlstore.DB { return storetest.OpenSQLite(tb).(*sqlstore.DB) }},
		{"postgres", func(tb testing.TB) *sqlstore.DB { return storetest.OpenPostgres(tb).(*sqlstore.DB) }},
	} {
		t.Run(be.name, func(t *testing.T) {
			st := be.open(t)
			count := func() int {
				var n int
				if err := st.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM stale_actors`).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			err := st.Transact(ctx, func(tx *sqlstore.Tx) error {
				buf := []byte("a-0")
				for i := range 300 {
					copy(buf, fmt.Sprintf("a%02d", i%100))
					if err := tx.Exec(ctx, `INSERT INTO stale_actors (actor_id) VALUES (?) ON CONFLICT DO NOTHING`, string(buf)+fmt.Sprint(i/100)); err != nil {
						return err
					}
				}
				// a reused []byte argument
				b := []byte("kept")
				if err := tx.Exec(ctx, `INSERT INTO stale_actors (actor_id) VALUES (CAST(? AS TEXT))`, b); err != nil {
					return err
				}
				copy(b, "lost")
				n, err := tx.QueryInt(ctx, `SELECT COUNT(*) FROM stale_actors`)
				if err != nil {
					return err
				}
				if n != 301 {
					t.Errorf("inside the transaction: %d rows, want 301", n)
				}
				return tx.Exec(ctx, `DELETE FROM stale_actors WHERE actor_id = ?`, "a000")
			})
			if err != nil {
				t.Fatal(err)
			}
			if n := count(); n != 300 {
				t.Errorf("after commit: %d rows, want 300", n)
			}
			var kept int
			st.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM stale_actors WHERE actor_id = 'kept'`).Scan(&kept)
			if kept != 1 {
				t.Errorf("the reused buffer's row: %d rows 'kept', want 1", kept)
			}

			// a failure among held-back statements
			err = st.Transact(ctx, func(tx *sqlstore.Tx) error {
				if err := tx.Exec(ctx, `INSERT INTO stale_actors (actor_id) VALUES (?)`, "new"); err != nil {
					return err
				}
				if err := tx.Exec(ctx, `INSERT INTO stale_actors (actor_id) VALUES (?)`, "a001"); err != nil {
					return err // SQLite fails here, at once
				}
				if err := tx.Exec(ctx, `INSERT INTO stale_actors (actor_id) VALUES (?)`, "after"); err != nil {
					return err
				}
				_, err := tx.QueryInt(ctx, `SELECT COUNT(*) FROM stale_actors`)
				return err
			})
			if err == nil {
				t.Fatal("a duplicate key was accepted")
			}
			t.Logf("the error: %v", err)
			if !strings.Contains(err.Error(), "stale_actors") && !strings.Contains(strings.ToLower(err.Error()), "unique") {
				t.Errorf("the error does not say what failed: %v", err)
			}
			if errors.Is(err, context.Canceled) {
				t.Errorf("unexpected error: %v", err)
			}
			if n := count(); n != 300 {
				t.Errorf("after the failed transaction: %d rows, want 300 (nothing of it written)", n)
			}
		})
	}
}
