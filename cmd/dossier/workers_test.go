package main

import (
	"runtime"
	"testing"
)

// TestDefaultWorkers: a PostgreSQL server on this machine keeps a core
// for itself; any other store, or a count given, is left as it is.
func TestDefaultWorkers(t *testing.T) {
	local := max(1, runtime.GOMAXPROCS(0)-1)
	for _, tc := range []struct {
		n    int
		db   string
		want int
	}{
		{0, "postgres://u@127.0.0.1:5432/db", local},
		{0, "host=/var/run/postgresql dbname=db", local},
		{3, "postgres://u@127.0.0.1:5432/db", 3},
		{0, "postgres://u@db.example.org/db", 0},
		{0, "/tmp/kb.sqlite", 0},
	} {
		if got := defaultWorkers(tc.n, tc.db); got != tc.want {
			t.Errorf("defaultWorkers(%d, %q) = %d, want %d", tc.n, tc.db, got, tc.want)
		}
	}
}
