package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/storetest"
)

func TestStore(t *testing.T) { storetest.Run(t, storetest.OpenPostgres) }

func TestUnreachable(t *testing.T) {
	start := time.Now()
	_, err := postgres.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?sslmode=disable", postgres.Options{ConnectTimeout: 3 * time.Second})
	if !errors.Is(err, dossier.ErrUnavailable) || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("open: %v, want ErrUnavailable naming the server", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("took %s", time.Since(start))
	}
}

func TestBadDSN(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://a:b@host:notaport/db", postgres.Options{})
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("open: %v, want ErrInvalid", err)
	}
}

// TestTransactEnds checks the transactions whose opening and commit ride
// with their first and last statements (sqlstore.Batcher): a failure, a
// statement the server refuses and a context ended mid-way each roll
// back what the transaction wrote and leave no pooled connection inside
// a transaction; the next transaction commits.
func TestTransactEnds(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	db, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// another process on the same database: it must find the writers'
	// lock free and no session of the first inside a transaction
	other, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	insert := func(tx *sqlstore.Tx, ctx context.Context, id string) error {
		var got string
		return tx.QueryRowContext(ctx, `INSERT INTO stale_actors (actor_id) VALUES ($1) RETURNING actor_id`, id).Scan(&got)
	}
	count := func() int {
		var n int
		wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		err := other.Transact(wctx, func(tx *sqlstore.Tx) error {
			return tx.QueryRowContext(wctx, `SELECT COUNT(*) FROM stale_actors`).Scan(&n)
		})
		if err != nil {
			t.Fatalf("another writer: %v", err)
		}
		return n
	}
	boom := errors.New("boom")
	cctx, cancel := context.WithCancel(ctx)
	for _, tc := range []struct {
		name string
		fn   func(tx *sqlstore.Tx) error
		want error
	}{
		{"fn fails", func(tx *sqlstore.Tx) error {
			if err := insert(tx, ctx, "a"); err != nil {
				return err
			}
			return boom
		}, boom},
		{"server refuses", func(tx *sqlstore.Tx) error {
			if err := insert(tx, ctx, "b"); err != nil {
				return err
			}
			_, err := tx.QueryContext(ctx, `SELECT * FROM no_such_table`)
			return err
		}, nil},
		{"context ends", func(tx *sqlstore.Tx) error {
			if err := insert(tx, cctx, "c"); err != nil {
				return err
			}
			cancel()
			return insert(tx, cctx, "d")
		}, context.Canceled},
	} {
		err := db.Transact(ctx, tc.fn)
		if err == nil || tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: Transact = %v, want %v", tc.name, err, tc.want)
		}
		if n := count(); n != 0 {
			t.Errorf("%s: %d row(s) after the rollback", tc.name, n)
		}
		var idle int
		if err := other.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_stat_activity
			WHERE datname = current_database() AND state LIKE 'idle in transaction%'`).Scan(&idle); err != nil {
			t.Fatal(err)
		}
		if idle != 0 {
			t.Errorf("%s: %d connection(s) left inside a transaction", tc.name, idle)
		}
	}
	for i := 0; i < 3; i++ { // on whichever pooled connection
		if err := db.Transact(ctx, func(tx *sqlstore.Tx) error { return insert(tx, ctx, fmt.Sprint("ok", i)) }); err != nil {
			t.Fatalf("commit: %v", err)
		}
	}
	if n := count(); n != 3 {
		t.Errorf("%d row(s) committed, want 3", n)
	}
}
