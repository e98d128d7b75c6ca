package web_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/storetest"
)

// TestReadOnlyRole serves a PostgreSQL knowledge base through a role that
// may only read (storetest.ReaderGrants, the grants docs/store-benchmarks.md
// gives): every page and API list answers, and a review is refused with a
// 403 that says why, nothing written.
func TestReadOnlyRole(t *testing.T) {
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skipf("%s not set", storetest.EnvPostgres)
	}
	backend = "postgres"
	defer func() { backend = "sqlite" }()
	owner := newStore(t)
	id := find(t, owner, "incident", "assassination Kadhimi")
	readerDSN, dropRole, err := storetest.NewReaderRole(dsns[strings.ReplaceAll(t.Name(), "/", "_")])
	if err != nil {
		t.Fatal(err)
	}
	drops = append(drops, dropRole) // after the database's own drop
	st, err := postgres.Open(context.Background(), readerDSN, postgres.Options{})
	if err != nil {
		t.Fatalf("open as the reader: %v", err)
	}
	defer st.Close()
	srv, tokens := newServer(t, st)
	for _, path := range []string{"/", "/incidents", "/incidents/" + id, "/actors", "/documents", "/search?q=drone",
		"/map", "/timeline", "/network", "/queue", "/api/v1/incidents", "/api/v1/incidents/" + id, "/api/v1/actors",
		"/api/v1/documents", "/api/v1/search?q=drone", "/api/v1/queue", "/api/v1/network"} {
		if rec := get(t, srv, path); rec.Code != 200 {
			t.Errorf("GET %s as the reader: %d %.200s", path, rec.Code, rec.Body.String())
		}
	}
	secret, _, err := tokens.Create("Ada Reviewer")
	if err != nil {
		t.Fatal(err)
	}
	body := `{"target":"incident","target_id":"` + id + `","field":"injuries","action":"correct","value":"7"}`
	rec := post(t, srv, "/api/v1/reviews", "application/json", strings.NewReader(body), "Authorization", "Bearer "+secret)
	if rec.Code != 403 || errorCode(t, rec.Body.Bytes()) != "forbidden" || !strings.Contains(rec.Body.String(), "read-only") {
		t.Errorf("a review through the reader: %d %s, want 403 forbidden, read-only", rec.Code, rec.Body.String())
	}
	if rvs, err := owner.Reviews(context.Background(), dossier.ReviewFilter{TargetID: id}); err != nil || len(rvs) != 0 {
		t.Errorf("reviews after the refused one: %+v, %v", rvs, err)
	}
}
