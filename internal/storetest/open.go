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
	dsn := os.Getenv(EnvPostgres)
	if dsn == "" {
		t.Skipf("%s not set: no PostgreSQL server to test against (scripts/pg-test.sh starts one)", EnvPostgres)
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("dossier_t%d_%d", time.Now().UnixNano()%1e9, rand.IntN(1e6))
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Skipf("PostgreSQL at $%s unusable: %v", EnvPostgres, err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	t.Cleanup(func() {
		if a, err := sql.Open("pgx", dsn); err == nil {
			a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			a.Close()
		}
	})
	return u.String()
}
