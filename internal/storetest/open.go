package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create test databases

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/sqlite"
)

// EnvPostgres names the variable holding the DSN of a PostgreSQL server
// the tests may create databases on; scripts/pg-test.sh starts one and
// prints it. Without it, the tests that need a server skip.
const EnvPostgres = "DOSSIER_TEST_PG"

// OpenSQLite opens a new SQLite knowledge base in a temporary folder.
func OpenSQLite(t testing.TB) dossier.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir()+"/kb.db", sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// OpenPostgres creates an empty database for one test, opens it, and
// drops it when the test ends. It skips the test when no server is set.
func OpenPostgres(t testing.TB) dossier.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), PostgresDSN(t), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// PostgresDSN creates an empty database for one test and returns its DSN;
// the database is dropped when the test ends. It skips the test when no
// server is set.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	if os.Getenv(EnvPostgres) == "" {
		t.Skipf("%s not set: no PostgreSQL server to test against (scripts/pg-test.sh starts one)", EnvPostgres)
	}
	dsn, drop, err := NewPostgresDatabase()
	if err != nil {
		t.Skipf("PostgreSQL at $%s unusable: %v", EnvPostgres, err)
	}
	t.Cleanup(drop)
	return dsn
}

// NewPostgresDatabase creates an empty database on the server of
// $DOSSIER_TEST_PG and returns its DSN and what drops it.
func NewPostgresDatabase() (dsn string, drop func(), err error) {
	admin := os.Getenv(EnvPostgres)
	if admin == "" {
		return "", nil, fmt.Errorf("%s not set", EnvPostgres)
	}
	ctx := context.Background()
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return "", nil, err
	}
	defer db.Close()
	name := fmt.Sprintf("dossier_t%d_%d", time.Now().UnixNano()%1e9, rand.IntN(1e6))
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return "", nil, err
	}
	u, err := url.Parse(admin)
	if err != nil {
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		if a, err := sql.Open("pgx", admin); err == nil {
			a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			a.Close()
		}
	}, nil
}

// ReaderGrants are the statements that give role read-only access to the
// knowledge base of database: what `dossier serve` needs to show it (no
// sign-in, no reviews). docs/store-benchmarks.md ("Serving on PostgreSQL")
// gives the same statements; TestReadOnlyRole runs them.
func ReaderGrants(database, role string) []string {
	return []string{
		"CREATE ROLE " + role + " LOGIN",
		"GRANT CONNECT ON DATABASE " + database + " TO " + role,
		"GRANT USAGE ON SCHEMA public TO " + role,
		"GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role,
		"ALTER ROLE " + role + " SET default_transaction_read_only = on",
	}
}

// NewReaderRole creates a read-only role for the test database at dsn
// (made by NewPostgresDatabase, its schema already created) and returns
// the DSN that logs in as it, and what drops the role (after the
// database is dropped).
func NewReaderRole(dsn string) (readerDSN string, drop func(), err error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", nil, err
	}
	database := u.Path[1:]
	role := database + "_reader"
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", nil, err
	}
	defer db.Close()
	for _, q := range ReaderGrants(database, role) {
		if _, err := db.ExecContext(context.Background(), q); err != nil {
			return "", nil, fmt.Errorf("%s: %w", q, err)
		}
	}
	u.User = url.User(role)
	return u.String(), func() {
		if a, err := sql.Open("pgx", dsn); err == nil {
			a.ExecContext(context.Background(), "DROP OWNED BY "+role)
			a.Close()
		}
		if a, err := sql.Open("pgx", os.Getenv(EnvPostgres)); err == nil {
			a.ExecContext(context.Background(), "DROP ROLE IF EXISTS "+role)
			a.Close()
		}
	}, nil
}
