package main

import (
	"bytes"
	"context"
	"database/sql"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/dossier-project/dossier/internal/storetest"
)

// TestConcurrentIngestPostgres: three `dossier ingest` processes given the
// same documents in different orders, at once, on one PostgreSQL knowledge
// base, extract each document about once in all and leave the knowledge
// base one process leaves (the same incidents, ids and members); with one
// of them killed (SIGKILL) mid-run, the others finish its work and the
// result is the same again.
func TestConcurrentIngestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skipf("%s not set", storetest.EnvPostgres)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dossier")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	files := orderCorpus(t)
	ingest := func(ctx context.Context, db string, files []string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, bin, append([]string{"ingest", "--db", db, "--progress", "none"}, files...)...)
		cmd.Stdout, cmd.Stderr = &bytes.Buffer{}, &bytes.Buffer{}
		return cmd
	}
	extracted := regexp.MustCompile(`extracted (\d+)`)

	one := storetest.PostgresDSN(t)
	if cmd := ingest(context.Background(), one, files); cmd.Run() != nil {
		t.Fatalf("one process: %s\n%s", cmd.Stdout, cmd.Stderr)
	}
	want := incidentMembers(t, one)

	for _, kill := range []bool{false, true} {
		name := "three at once"
		if kill {
			name = "three at once, one killed"
		}
		t.Run(name, func(t *testing.T) {
			db := storetest.PostgresDSN(t)
			var cmds []*exec.Cmd
			for i := 0; i < 3; i++ {
				order := slices.Clone(files)
				r := rand.New(rand.NewPCG(uint64(i), 11))
				r.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
				cmd := ingest(context.Background(), db, order)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				cmds = append(cmds, cmd)
			}
			if kill {
				// once some documents are stored, the first dies
				waitForDocuments(t, db, len(files)/5)
				if err := cmds[0].Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
			}
			total := 0
			for i, cmd := range cmds {
				err := cmd.Wait()
				if kill && i == 0 {
					continue
				}
				out := cmd.Stdout.(*bytes.Buffer).String()
				if err != nil {
					t.Fatalf("process %d: %v\n%s\n%s", i, err, out, cmd.Stderr.(*bytes.Buffer).String())
				}
				m := extracted.FindStringSubmatch(out)
				if m == nil {
					t.Fatalf("process %d: no 'extracted N' in its summary:\n%s", i, out)
				}
				n, _ := strconv.Atoi(m[1])
				total += n
			}
			t.Logf("the surviving processes extracted %d of %d documents", total, len(files))
			// each document about once: the two or three processes together
			// extract a few more than there are documents, never two times as many
			if !kill && (total < len(files)*9/10 || total > len(files)*6/5) {
				t.Errorf("the processes extracted %d documents in all, want about %d", total, len(files))
			}
			if got := incidentMembers(t, db); got != want {
				t.Errorf("the knowledge base differs from one process's:\n%s", lineDiff(want, got))
			}
		})
	}
}

// waitForDocuments waits until the knowledge base holds n documents.
func waitForDocuments(t *testing.T, dsn string, n int) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		var got int
		if err := db.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&got); err == nil && got >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("fewer than %d documents after two minutes", n)
}
