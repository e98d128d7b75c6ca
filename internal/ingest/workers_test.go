package ingest_test

import (
	"runtime"
	"testing"

	"github.com/dossier-project/dossier/internal/ingest"
)

// TestWorkersCapped: --workers 1000000 asked for a million extraction
// workers and took gigabytes for one document; the count is capped at four
// per core (at most 64), and 0 means one per core.
func TestWorkersCapped(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	for n, want := range map[int]int{0: procs, 1: 1, -5: procs, 1_000_000: min(64, 4*procs), 2: min(2, 4*procs)} {
		if got := ingest.Workers(n); got != want {
			t.Errorf("Workers(%d) = %d, want %d", n, got, want)
		}
	}
}
