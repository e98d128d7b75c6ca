package export

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/internal/sqlite"
)

// The knowledge base the export tests read: a real SQLite file built once
// from testdata/docs with the real extractor and ingest.
var (
	kbOnce sync.Once
	kbDir  string
	kb     dossier.Store
	kbErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if kb != nil {
		kb.Close()
	}
	if kbDir != "" {
		os.RemoveAll(kbDir)
	}
	os.Exit(code)
}

func testStore(t *testing.T) dossier.Store {
	t.Helper()
	kbOnce.Do(func() { kb, kbErr = buildStore() })
	if kbErr != nil {
		t.Fatal(kbErr)
	}
	return kb
}

func buildStore() (dossier.Store, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "dossier-export-test")
	if err != nil {
		return nil, err
	}
	kbDir = dir
	st, err := sqlite.Open(ctx, filepath.Join(dir, "kb.db"), sqlite.Options{})
	if err != nil {
		return nil, err
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		st.Close()
		return nil, err
	}
	sum, err := ingest.Run(ctx, ingest.Options{Store: st, Extractor: x, Version: extract.Version},
		ingest.Paths([]string{"testdata/docs"}, strings.NewReader(""), reader.Limits{}))
	if err == nil && sum.Failed > 0 {
		err = fmt.Errorf("ingest: %d failed: %v", sum.Failed, sum.Failures)
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
