package ingest_test

import (
	"context"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/internal/storetest"
)

// benchCorpus is what the benchmarks ingest: the test corpus, or another
// folder (`go test -bench Store ./internal/ingest -args -corpus ../../../shared/corpus`).
var benchCorpus = flag.String("corpus", corpus, "documents the benchmarks ingest")

// BenchmarkIngest measures a whole ingest (reading, extraction on every
// core, resolution, storing) of the test corpus into a new knowledge base.
func BenchmarkIngest(b *testing.B) {
	for _, be := range backends() {
		b.Run(be.name, func(b *testing.B) {
			t := &testing.T{}
			x := extractor(t)
			inputs := ingest.Paths([]string{*benchCorpus}, strings.NewReader(""), reader.Limits{})
			var bytes int64
			for _, in := range inputs {
				bytes += in.Size
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				st := be.open(b)
				b.StartTimer()
				if _, err := ingest.Run(context.Background(), ingest.Options{Store: st, Extractor: x, Version: extract.Version}, inputs); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			report(b, len(inputs), bytes)
		})
	}
}

// BenchmarkStore measures the store alone: documents already extracted,
// resolved and written one transaction each.
func BenchmarkStore(b *testing.B) {
	x := extractor(&testing.T{})
	var docs []*dossier.Document
	var exs []*dossier.Extraction
	var bytes int64
	for _, in := range ingest.Paths([]string{*benchCorpus}, nil, reader.Limits{}) {
		d, err := in.Load(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		e, err := x.Extract(d)
		if err != nil {
			b.Fatal(err)
		}
		docs, exs = append(docs, d), append(exs, e)
		bytes += int64(len(d.Raw))
	}
	for _, be := range backends() {
		b.Run(be.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				st := be.open(b)
				b.StartTimer()
				for j, d := range docs {
					if _, err := st.PutDocument(context.Background(), d, exs[j], extract.Version); err != nil {
						b.Fatal(err)
					}
				}
				// the end of the run: stale incidents, settling
				if rs, ok := st.(ingest.StaleReconciler); ok {
					if _, err := rs.ReconcileStale(context.Background()); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			report(b, len(docs), bytes)
		})
	}
}

func report(b *testing.B, docs int, bytes int64) {
	s := b.Elapsed().Seconds()
	if s <= 0 {
		return
	}
	b.ReportMetric(float64(docs*b.N)/s, "docs/s")
	b.ReportMetric(float64(bytes)*float64(b.N)/1e6/s, "MB/s")
}

type backend struct {
	name string
	open func(testing.TB) dossier.Store
}

func backends() []backend {
	bs := []backend{{"sqlite", func(tb testing.TB) dossier.Store { return storetest.OpenSQLite(tb) }}}
	if os.Getenv(storetest.EnvPostgres) != "" {
		bs = append(bs, backend{"postgres", func(tb testing.TB) dossier.Store { return storetest.OpenPostgres(tb) }})
	}
	return bs
}
