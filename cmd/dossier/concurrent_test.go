package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/dossier-project/dossier/internal/storetest"
)

// TestConcurrentIngestPostgres: several `dossier ingest` processes at once
// on one PostgreSQL knowledge base, given overlapping inputs in different
// orders, extract each document about once in all and leave the knowledge
// base one process leaves: the same documents, the same incidents listed
// field by field (ids, members, values, conflicts, mentions), the same
// reports waiting in the review queue. With one of them killed (SIGKILL)
// while it holds claims, the others wait for its leases to run out,
// extract what it held, and the result is the same again. No claim is
// left behind.
func TestConcurrentIngestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skipf("%s not set: no PostgreSQL server to test against (scripts/pg-test.sh starts one)", storetest.EnvPostgres)
	}
	ingest := ingestCommand(t)
	files := orderCorpus(t)

	one := storetest.PostgresDSN(t)
	cmd := ingest(one, files)
	if err := cmd.Run(); err != nil {
		t.Fatalf("one process: %v\n%s\n%s", err, cmd.Stdout, cmd.Stderr)
	}
	distinct := extractedBy(t, cmd)
	want := knowledgeBase(t, one)

	third := len(files) / 3
	for _, c := range []struct {
		name   string
		inputs [][]string // each process's, shuffled
		// kill: the first process extracts slowly, and is killed once it
		// holds claims; the others' inputs cover its own
		kill bool
	}{
		{"four at once", [][]string{files, files, files[:2*third], files[third:]}, false},
		{"three at once, one killed holding claims", [][]string{files, files[:2*third], files[third:]}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := storetest.PostgresDSN(t)
			var cmds []*exec.Cmd
			killed := "" // the killed process's claims, as a LIKE pattern
			for i, in := range c.inputs {
				order := shuffled(in, i)
				var env []string
				if c.kill && i == 0 {
					env = append(env, "DOSSIER_TEST_EXTRACT_PAUSE=200ms")
				}
				cmd := ingest(db, order, env...)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { cmd.Process.Kill() })
				cmds = append(cmds, cmd)
				if c.kill && i == 0 {
					// The slow process claims before the others start:
					// started at once, the fast ones could store every
					// document before it claims its first (a busy
					// machine, a lost race for the migration lock).
					// From then on it always holds a claim the others
					// wait for, until it stores its last one.
					killed = fmt.Sprintf("%%/%d/%%", cmd.Process.Pid) // host/pid/random
					waitClaims(t, db, cmd, killed, 0)
				}
			}
			if c.kill {
				held := waitClaims(t, db, cmds[0], killed, len(files)/10)
				if err := cmds[0].Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				t.Logf("killed a process holding claims of %d document(s)", held)
			}
			total := 0
			for i, cmd := range cmds {
				err := cmd.Wait()
				if c.kill && i == 0 {
					continue
				}
				if err != nil {
					t.Fatalf("process %d: %v\n%s\n%s", i, err, cmd.Stdout, cmd.Stderr)
				}
				total += extractedBy(t, cmd)
			}
			t.Logf("one process extracted %d documents; these, %d in all", distinct, total)
			// each document once, a few more when a claimant's release
			// and another's look cross; a killed process's documents are
			// extracted again
			if total > distinct+2 || !c.kill && total < distinct {
				t.Errorf("the processes extracted %d documents in all, want %d (+2)", total, distinct)
			}
			if got := knowledgeBase(t, db); got != want {
				t.Errorf("the knowledge base differs from one process's:\n%s", lineDiff(want, got))
			}
			// (the killed process may leave the claim of a document it
			// stored, which no one needs, until its lease runs out)
			if n := count(t, db, `SELECT COUNT(*) FROM ingest_claims WHERE owner NOT LIKE $1`, killed); n != 0 {
				t.Errorf("%d claims left behind", n)
			}
		})
	}
}

// TestConcurrentIngestSQLite: two `dossier ingest` processes at once on
// one SQLite file do not share work (every claim is granted: the file has
// one writer at a time, and the second queues on its write lock), but
// both finish, the file is sound, and it holds what one process leaves.
func TestConcurrentIngestSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ingest := ingestCommand(t)
	files := orderCorpus(t)
	one := filepath.Join(t.TempDir(), "one.db")
	if cmd := ingest(one, files); cmd.Run() != nil {
		t.Fatalf("one process: %s\n%s", cmd.Stdout, cmd.Stderr)
	}
	db := filepath.Join(t.TempDir(), "two.db")
	cmds := []*exec.Cmd{ingest(db, shuffled(files, 0)), ingest(db, shuffled(files[len(files)/3:], 1))}
	for _, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill() })
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("process %d: %v\n%s\n%s", i, err, cmd.Stdout, cmd.Stderr)
		}
	}
	if code, out, errs := dossierRun(t, "db", "check", "--db", db); code != exitOK {
		t.Fatalf("db check: %d\n%s\n%s", code, out, errs)
	}
	if want, got := knowledgeBase(t, one), knowledgeBase(t, db); got != want {
		t.Errorf("the knowledge base differs from one process's:\n%s", lineDiff(want, got))
	}
}

// ingestCommand builds dossier and returns what makes the command of an
// ingest of files into db, with env added to the environment.
func ingestCommand(t *testing.T) func(db string, files []string, env ...string) *exec.Cmd {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dossier")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return func(db string, files []string, env ...string) *exec.Cmd {
		cmd := exec.Command(bin, append([]string{"ingest", "--db", db, "--progress", "none"}, files...)...)
		cmd.Env = append(os.Environ(), env...)
		cmd.Stdout, cmd.Stderr = &bytes.Buffer{}, &bytes.Buffer{}
		return cmd
	}
}

// shuffled returns files in the seed's order.
func shuffled(files []string, seed int) []string {
	order := slices.Clone(files)
	r := rand.New(rand.NewPCG(uint64(seed), 11))
	r.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
	return order
}

// waitClaims waits until the knowledge base holds at least stored
// documents and cmd holds live claims (their owner is LIKE owner), and
// returns how many. It fails the test, with cmd's output, when cmd ends
// first or two minutes pass.
func waitClaims(t *testing.T, dsn string, cmd *exec.Cmd, owner string, stored int) int {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if exited(cmd.Process.Pid) {
			break
		}
		var docs, held int
		// before the first migration, the tables are not there yet
		if db.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&docs) != nil || docs < stored {
			continue
		}
		if db.QueryRow(`SELECT COUNT(*) FROM ingest_claims WHERE owner LIKE $1 AND expires > clock_timestamp()`, owner).Scan(&held) != nil || held == 0 {
			continue
		}
		return held
	}
	cmd.Process.Kill()
	err = cmd.Wait()
	t.Fatalf("process %d held no claims with %d documents stored (%v):\n%s\n%s", cmd.Process.Pid, stored, err, cmd.Stdout, cmd.Stderr)
	return 0
}

// exited tells whether the child pid has ended (a zombie not waited for
// yet, or gone), from its state in /proc.
func exited(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	_, rest, _ := strings.Cut(string(b), ") ") // after the command's name
	return strings.HasPrefix(rest, "Z") || strings.HasPrefix(rest, "X")
}

var extractedRE = regexp.MustCompile(`extracted (\d+)`)

// extractedBy reads `extracted N` in a finished ingest's summary.
func extractedBy(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	m := extractedRE.FindStringSubmatch(cmd.Stdout.(*bytes.Buffer).String())
	if m == nil {
		t.Fatalf("no 'extracted N' in the summary:\n%s", cmd.Stdout)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// knowledgeBase is what of a knowledge base does not depend on the order
// its documents came in: the documents with their versions, every incident
// as `dossier incidents --include-mentions --format jsonl` lists it, and
// the reports waiting in the review queue. (Actors' ids and names do
// depend on it: the first spelling met names an actor.)
func knowledgeBase(t *testing.T, dsn string) string {
	t.Helper()
	lines := incidentLines(t, dsn)
	if len(lines) < 100 {
		t.Fatalf("only %d incidents", len(lines))
	}
	st, err := openStore(context.Background(), &Env{}, dsn, false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.SQL()
	for _, q := range []string{
		`SELECT 'document ' || id || ' ' || hash || ' ' || extractor FROM documents`,
		`SELECT 'queued ' || report_id FROM review_queue`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var l string
			if err := rows.Scan(&l); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, l)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// count runs a COUNT query on a PostgreSQL knowledge base.
func count(t *testing.T, dsn, q string, args ...any) int {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
