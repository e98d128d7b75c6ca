package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/sqlstore"
	"github.com/dossier-project/dossier/internal/storetest"
	"github.com/dossier-project/dossier/internal/web"
	"github.com/dossier-project/dossier/samples"
)

// The tests run against the real SQLite store, filled the way `dossier
// demo` fills it (the bundled sample corpus), plus a hostile document
// whose title and text are full of markup.

var tmpRoot string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dossier-web-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpRoot = dir
	code := m.Run()
	closeShared()
	os.RemoveAll(dir)
	os.Exit(code)
}

type fixture struct {
	path string
	data []byte
}

// corpus is the sample corpus (or only its seed) and the hostile document.
func corpus(all bool) ([]fixture, error) {
	files, err := samples.Files()
	if err != nil {
		return nil, err
	}
	if !all {
		files = files[:1] // the seed
	}
	var out []fixture
	for _, f := range files {
		out = append(out, fixture{f.Path, f.Data})
	}
	b, err := os.ReadFile("testdata/hostile.txt")
	if err != nil {
		return nil, err
	}
	return append(out, fixture{"testdata/hostile.txt", b}), nil
}

// buildStore makes a knowledge base in a fresh SQLite file and ingests the
// fixtures through the ingest orchestrator, as the commands do.
func buildStore(name string, all bool) (*sqlstore.DB, error) {
	ctx := context.Background()
	docs, err := corpus(all)
	if err != nil {
		return nil, err
	}
	st, err := openBackend(ctx, name)
	if err != nil {
		return nil, err
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		st.Close()
		return nil, err
	}
	inputs := make([]ingest.Input, len(docs))
	for i, d := range docs {
		d := d
		inputs[i] = ingest.Input{Name: d.path, Load: func(context.Context) (*dossier.Document, error) {
			return reader.Parse(d.path, d.data, reader.Limits{})
		}}
	}
	sum, err := ingest.Run(ctx, ingest.Options{Store: st, Extractor: x, Version: extract.Version}, inputs)
	if err == nil && sum.Failed > 0 {
		err = fmt.Errorf("ingest: %d failed: %v", sum.Failed, sum.Failures)
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// newStore is a store of the test's own: the seed and the hostile
// document, for tests that write.
func newStore(t testing.TB) *sqlstore.DB {
	t.Helper()
	st, err := buildStore(strings.ReplaceAll(t.Name(), "/", "_"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// backend is the store the tests build: "sqlite", or "postgres" while
// TestOnPostgres runs the store-backed tests again on a PostgreSQL server.
var backend = "sqlite"

// drops are the PostgreSQL test databases to drop at the end.
var drops []func()

// dsns are the PostgreSQL test databases by store name.
var dsns = map[string]string{}

// openBackend opens an empty knowledge base of the current backend.
func openBackend(ctx context.Context, name string) (*sqlstore.DB, error) {
	if backend == "postgres" {
		dsn, drop, err := storetest.NewPostgresDatabase()
		if err != nil {
			return nil, err
		}
		drops = append(drops, drop)
		dsns[name] = dsn
		return postgres.Open(ctx, dsn, postgres.Options{})
	}
	return sqlite.Open(ctx, filepath.Join(tmpRoot, name+".db"), sqlite.Options{})
}

type sharedEntry struct {
	once sync.Once
	st   *sqlstore.DB
	err  error
}

// shared holds one shared store per backend.
var shared = map[string]*sharedEntry{"sqlite": {}, "postgres": {}}

// sharedStore is the demo corpus and the hostile document, built once;
// tests that use it only read.
func sharedStore(t testing.TB) *sqlstore.DB {
	t.Helper()
	e := shared[backend]
	e.once.Do(func() { e.st, e.err = buildStore("shared", true) })
	if e.err != nil {
		t.Fatalf("shared store: %v", e.err)
	}
	return e.st
}

func closeShared() {
	for _, e := range shared {
		if e.st != nil {
			e.st.Close()
		}
	}
	for _, d := range drops {
		d()
	}
}

// TestOnPostgres runs the handler and browser tests again on a knowledge
// base in PostgreSQL ($DOSSIER_TEST_PG, started by scripts/pg-test.sh).
func TestOnPostgres(t *testing.T) {
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skipf("%s not set", storetest.EnvPostgres)
	}
	backend = "postgres"
	defer func() { backend = "sqlite" }()
	for _, tc := range []struct {
		name string
		fn   func(*testing.T)
	}{
		{"APIIncidents", TestAPIIncidents}, {"APIActorsDocumentsSearch", TestAPIActorsDocumentsSearch},
		{"OpenAPIResponses", TestOpenAPIResponses}, {"APIQueue", TestAPIQueue}, {"ReviewAPI", TestReviewAPI},
		{"ReviewForms", TestReviewForms}, {"SearchRanking", TestSearchRanking}, {"ActorFilterByPartOfName", TestActorFilterByPartOfName},
		{"Pages", TestPages}, {"HostileDocument", TestHostileDocument}, {"PreviousPage", TestPreviousPage},
		{"Browser", TestBrowser}, {"BrowserReview", TestBrowserReview}, {"BrowserQueue", TestBrowserQueue},
	} {
		t.Run(tc.name, tc.fn)
	}
}

// newServer serves a store with a token file in the test's folder.
func newServer(t testing.TB, st web.Store) (*web.Server, *web.TokenFile) {
	t.Helper()
	tokens := web.OpenTokenFile(filepath.Join(t.TempDir(), "tokens"))
	srv, err := web.New(web.Config{Store: st, Auth: tokens})
	if err != nil {
		t.Fatal(err)
	}
	return srv, tokens
}

// get serves one request and returns the recorder.
func get(t testing.TB, h http.Handler, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// find returns the id of the first search hit of a kind whose title
// contains text.
func find(t testing.TB, st web.Store, kind, q string) string {
	t.Helper()
	hits, err := st.Search(context.Background(), q, dossier.SearchOptions{Kinds: []string{kind}, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatalf("no %s matches %q", kind, q)
	}
	return hits[0].ID
}
