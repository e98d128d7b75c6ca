package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/storetest"
)

// TestClaims: three processes (three stores on one PostgreSQL database)
// claim document keys. A live claim keeps the others out; its holder may
// claim the key again; the last release, a lease that ran out or the
// holder's Close frees it; a renewal keeps a lease that was about to run
// out; a late release by a holder whose lease ran out leaves the new
// holder's claim alone. Leases run out by SQL here, not by waiting.
func TestClaims(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	procs := map[string]*sqlstore.DB{}
	for _, p := range []string{"a", "b", "c"} {
		st, err := postgres.Open(ctx, dsn, postgres.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		procs[p] = st
	}
	db := procs["a"].SQL()
	// releases[p+key] holds p's unreleased claims of key, last first
	releases := map[string][]func(){}
	steps := []struct {
		proc, op, key string
		want          bool // claim: granted
	}{
		{"a", "claim", "k1", true},
		{"b", "claim", "k1", false},
		{"a", "claim", "k1", true}, // a run may give a key twice
		{"a", "release", "k1", false},
		{"b", "claim", "k1", false}, // one claim of a's left
		{"a", "release", "k1", false},
		{"b", "claim", "k1", true},

		{"a", "claim", "k2", true},
		{"a", "expire", "k2", false}, // a died: its lease ran out
		{"b", "claim", "k2", true},
		{"a", "release", "k2", false}, // a was slow, not dead: b keeps it
		{"c", "claim", "k2", false},

		{"a", "claim", "k3", true},
		{"a", "expire", "k3", false},
		{"a", "renew", "", false}, // renewed in time
		{"c", "claim", "k3", false},

		{"c", "claim", "k4", true},
		{"c", "expire", "k4", false}, // c died after storing: no one takes k4 over
		{"a", "close", "", false},    // a's claims go, and expired ones
		{"b", "claim", "k3", true},
	}
	for i, s := range steps {
		st := procs[s.proc]
		switch s.op {
		case "claim":
			release, ok, err := st.Claim(ctx, s.key)
			if err != nil {
				t.Fatalf("step %d: %s claims %s: %v", i, s.proc, s.key, err)
			}
			if ok != s.want {
				t.Fatalf("step %d: %s claims %s: got %v, want %v", i, s.proc, s.key, ok, s.want)
			}
			if ok {
				releases[s.proc+s.key] = append(releases[s.proc+s.key], release)
			}
		case "release":
			rs := releases[s.proc+s.key]
			rs[len(rs)-1]()
			releases[s.proc+s.key] = rs[:len(rs)-1]
		case "expire":
			if _, err := db.ExecContext(ctx, `UPDATE ingest_claims SET expires = clock_timestamp() - interval '1 second' WHERE key = $1`, s.key); err != nil {
				t.Fatal(err)
			}
		case "renew":
			if err := st.RenewClaims(ctx); err != nil {
				t.Fatalf("step %d: %s renews: %v", i, s.proc, err)
			}
		case "close":
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
	// what is left: b's k1, k2 and k3, c's k2 refused; k4 (expired) purged by a's Close
	var n int
	if err := procs["b"].SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM ingest_claims WHERE owner = $1`, procs["b"].ClaimOwner()).Scan(&n); err != nil {
		t.Fatal(err)
	}
	var all int
	if err := procs["b"].SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM ingest_claims`).Scan(&all); err != nil {
		t.Fatal(err)
	}
	if n != 3 || all != 3 {
		t.Errorf("b holds %d claims of %d left, want 3 of 3", n, all)
	}
}

// TestClaimsSQLite: one process writes an SQLite file at a time, so every
// claim is granted, even a key held already.
func TestClaimsSQLite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kb.db")
	for range 2 {
		st, err := sqlite.Open(ctx, path, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, ok, err := st.Claim(ctx, "k"); !ok || err != nil {
			t.Errorf("claim on SQLite: %v %v, want granted", ok, err)
		}
	}
}
