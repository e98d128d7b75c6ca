package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/postgres"
	"github.com/dossier-project/dossier/internal/storetest"
)

func TestStore(t *testing.T) { storetest.Run(t, storetest.OpenPostgres) }

func TestUnreachable(t *testing.T) {
	start := time.Now()
	_, err := postgres.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?sslmode=disable", postgres.Options{ConnectTimeout: 3 * time.Second})
	if !errors.Is(err, dossier.ErrUnavailable) || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("open: %v, want ErrUnavailable naming the server", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("took %s", time.Since(start))
	}
}

func TestBadDSN(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://a:b@host:notaport/db", postgres.Options{})
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("open: %v, want ErrInvalid", err)
	}
}
