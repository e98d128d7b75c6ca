package dump

import (
	"context"
	"os"
	"testing"
)

// BenchmarkScan reads the dump named by DOSSIER_BENCH_DUMP (scripts/bench-scan.sh
// builds one) with the default filter; it is skipped without it.
func BenchmarkScan(b *testing.B) {
	path := os.Getenv("DOSSIER_BENCH_DUMP")
	if path == "" {
		b.Skip("DOSSIER_BENCH_DUMP not set")
	}
	ctx := context.Background()
	for b.Loop() {
		r, err := Open(ctx, path, Options{Filter: DefaultFilter()})
		if err != nil {
			b.Fatal(err)
		}
		for _, err := range r.Pages(ctx) {
			if err != nil {
				b.Fatal(err)
			}
		}
		s := r.Stats()
		b.SetBytes(s.Uncompressed)
		r.Close()
	}
}
