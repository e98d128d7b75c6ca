package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/internal/sqlite"
)

// slowOn is the real extractor, except that it stalls on one document.
type slowOn struct {
	x    ingest.Extractor
	name string
}

func (s slowOn) Extract(d *dossier.Document) (*dossier.Extraction, error) {
	if strings.HasSuffix(d.Path, s.name) {
		time.Sleep(3 * time.Second)
	}
	return s.x.Extract(d)
}

// TestDocTimeout: a document whose extraction outlasts --doc-timeout fails
// by name with nothing of it stored, the others are stored, and the next
// run (without the stall) stores it.
func TestDocTimeout(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "kb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	paths := []string{filepath.Join(corpus, "2021_erbil_rocket_attacks.txt"), filepath.Join(corpus, "2022_abu_dhabi_attack.txt")}
	opts := ingest.Options{Store: st, Extractor: slowOn{extractor(t), "2021_erbil_rocket_attacks.txt"}, Version: extract.Version, DocTimeout: 500 * time.Millisecond}
	sum, err := ingest.Run(ctx, opts, ingest.Paths(paths, strings.NewReader(""), reader.Limits{}))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || sum.New != 1 || len(sum.Failures) != 1 || !errors.Is(sum.Failures[0].Err, ingest.ErrDocTimeout) ||
		!strings.Contains(sum.Failures[0].Name, "erbil") {
		t.Fatalf("summary %+v, want the Erbil report failed by timeout and the other stored", sum)
	}
	opts.Extractor = extractor(t)
	sum, err = ingest.Run(ctx, opts, ingest.Paths(paths, strings.NewReader(""), reader.Limits{}))
	if err != nil || sum.New != 1 || sum.Unchanged != 1 {
		t.Errorf("second run %+v, %v: want the timed-out document new (nothing of it was stored) and stored now", sum, err)
	}
}
