package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/storetest"
)

const storeCorpus = "../../internal/ingest/testdata/corpus"

func dossierRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Log: slog.New(slog.NewTextHandler(&errb, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	code = Run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

// TestKnowledgeBaseCLI walks the commands of the knowledge base: ingest,
// list, show, search, review, reprocess, forget.
func TestKnowledgeBaseCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kb.db")
	code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", storeCorpus)
	if code != exitOK || !strings.Contains(out, "10 new") || !strings.Contains(out, "knowledge base: "+db) {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = dossierRun(t, "incidents", "--db", db, "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("incidents: %d", code)
	}
	var kadhimi map[string]any
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("jsonl line %q: %v", l, err)
		}
		for _, k := range []string{"id", "title", "date", "location", "type", "fatalities", "evidence", "sources", "conflicts"} {
			if _, ok := m[k]; !ok {
				t.Errorf("incident lacks %q: %s", k, l)
			}
		}
		if strings.Contains(m["title"].(string), "Kadhimi") {
			kadhimi = m
		}
	}
	if kadhimi == nil {
		t.Fatal("no Kadhimi incident")
	}
	srcs := kadhimi["sources"].([]any)
	if len(srcs) != 2 {
		t.Errorf("Kadhimi sources %v, want the seed and the article", srcs)
	}
	for _, s := range srcs {
		m := s.(map[string]any)
		if _, ok := m["path"]; !ok {
			t.Errorf("source without path: %v", m)
		}
		if _, ok := m["url"]; !ok {
			t.Errorf("source without url: %v", m)
		}
	}
	id := kadhimi["id"].(string)
	_, out, _ = dossierRun(t, "incidents", "--db", db, "--format", "jsonl", "--limit", "3")
	if n := strings.Count(out, "\n"); n != 3 {
		t.Errorf("--limit 3 wrote %d lines", n)
	}
	code, out, _ = dossierRun(t, "incidents", "--db", db, "--country", "iraq", "--from", "2021", "--to", "2021-12")
	if code != exitOK || !strings.Contains(out, id) || strings.Contains(out, "Soleimani") {
		t.Errorf("incidents filtered: %d\n%s", code, out)
	}
	code, out, _ = dossierRun(t, "show", "--db", db, "incident", id)
	for _, want := range []string{"FIELDS", "CLAIMS LEDGER", "SOURCES", "merged, score", "kadhimi-assassi"} {
		if !strings.Contains(out, want) {
			t.Errorf("show incident lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = dossierRun(t, "show", "--db", db, "actor", "Kataib Hizbollah")
	if code != exitOK || !strings.Contains(out, "Kata'ib Hezbollah") || !strings.Contains(out, "MENTIONS") {
		t.Errorf("show actor: %d\n%s", code, out)
	}
	code, out, _ = dossierRun(t, "actors", "--db", db, "--q", "asaib")
	if code != exitOK || !strings.Contains(out, "Asaib") {
		t.Errorf("actors: %d\n%s", code, out)
	}
	code, out, _ = dossierRun(t, "search", "--db", db, "Kādhimī")
	if code != exitOK || !strings.Contains(out, id) {
		t.Errorf("search: %d\n%s", code, out)
	}
	// A review survives a reprocess.
	code, out, errs = dossierRun(t, "review", "--db", db, "--author", "ana", "--note", "per Reuters", "correct", "incident", id, "injuries", "7")
	if code != exitOK {
		t.Fatalf("review: %d %s %s", code, out, errs)
	}
	code, _, errs = dossierRun(t, "review", "--db", db, "--author", "ana", "correct", "incident", id, "injuries", "seven")
	if code != exitUsage || !strings.Contains(errs, "count") {
		t.Errorf("bad review: %d %s", code, errs)
	}
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SQL().Exec(`UPDATE documents SET extractor = 'old'`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errs = dossierRun(t, "reprocess", "--db", db, "--progress", "none")
	if code != exitOK || !strings.Contains(out, "10 updated") {
		t.Errorf("reprocess: %d\n%s\n%s", code, out, errs)
	}
	_, out, _ = dossierRun(t, "show", "--db", db, "--format", "json", "incident", id)
	var d dossier.IncidentDetail
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Injuries == nil || d.Injuries.Min != 7 || len(d.Reviews) != 1 || d.Reviews[0].Author != "ana" {
		t.Errorf("after reprocess: injuries %+v, reviews %+v", d.Injuries, d.Reviews)
	}
	code, out, _ = dossierRun(t, "forget", "--db", db, "https://en.wikipedia.org/wiki/Attempted_assassination_of_Mustafa_Al-Kadhimi")
	if code != exitOK || !strings.Contains(out, "forgot") {
		t.Errorf("forget: %d %s", code, out)
	}
	code, out, _ = dossierRun(t, "db", "check", "--db", db)
	if code != exitOK || !strings.Contains(out, "consistent") {
		t.Errorf("check: %d %s", code, out)
	}
	code, _, errs = dossierRun(t, "show", "--db", db, "incident", "i-none")
	if code != exitFailure || !strings.Contains(errs, "not found") {
		t.Errorf("show missing: %d %s", code, errs)
	}
	code, _, errs = dossierRun(t, "incidents", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code != exitFailure || !strings.Contains(errs, "dossier ingest") {
		t.Errorf("missing knowledge base: %d %s", code, errs)
	}
	code, _, errs = dossierRun(t, "incidents", "--db", "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if code != exitFailure || !strings.Contains(errs, "unavailable") {
		t.Errorf("unreachable server: %d %s", code, errs)
	}
}

// TestIngestPartial: a bad input makes the exit status partial, after the
// others are stored.
func TestIngestPartial(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0, 1, 2, 3}, 0o644)
	db := filepath.Join(dir, "kb.db")
	code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", filepath.Join(storeCorpus, "car_bomb_kills_11_in_pakistan.txt"), filepath.Join(dir, "bad.txt"))
	if code != exitPartial || !strings.Contains(out, "1 new") || !strings.Contains(errs, "bad.txt: binary") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
}

// TestCrash kills a real `dossier ingest` at random moments, at least 20
// times; after each kill the knowledge base must be consistent, and the
// run that finally completes must leave what an uninterrupted run leaves.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dossier")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	// A few documents keep the test short; they share incidents and actors,
	// so kills land in the middle of merges.
	var docs []string
	for _, f := range []string{"kadhimi-assassination-attempt.txt", "attempted_assassination_of_mustafa_al_kadhimi.txt",
		"2022_abu_dhabi_attack.txt", "2022_saada_prison_airstrike.txt", "car_bomb_kills_11_in_pakistan.txt"} {
		docs = append(docs, filepath.Join(storeCorpus, f))
	}
	db := filepath.Join(dir, "kb.db")
	args := append([]string{"ingest", "--db", db, "--progress", "none", "--workers", "1"}, docs...)
	ctx := context.Background()

	// How long a whole run takes, to kill within it.
	start := time.Now()
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	full := time.Since(start)
	os.Remove(db)
	os.Remove(db + "-wal")
	os.Remove(db + "-shm")

	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	kills, finished := 0, 0
	for kills < 20 {
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(float64(full) * (0.15 + 0.6*rng.Float64()))
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("ingest failed on its own: %v", err)
			}
			finished++
			// Start again from nothing, so that there is work to interrupt.
			for _, f := range []string{db, db + "-wal", db + "-shm"} {
				os.Remove(f)
			}
			continue
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			kills++
		}
		st, err := sqlite.Open(ctx, db, sqlite.Options{})
		if err != nil {
			t.Fatalf("after kill %d: open: %v", kills, err)
		}
		problems, err := st.Check(ctx)
		st.Close()
		if err != nil || len(problems) > 0 {
			t.Fatalf("after kill %d (at %s): %v %v", kills, delay, problems, err)
		}
	}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}
	st, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := storetest.Dump(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	// The same documents ingested without interruption.
	ref := storetest.OpenSQLite(t)
	defer ref.Close()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, ingest.Options{Store: ref, Extractor: x, Version: extract.Version, Workers: 1},
		ingest.Paths(docs, nil, reader.Limits{})); err != nil {
		t.Fatal(err)
	}
	want, err := storetest.Dump(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("after %d kills the knowledge base differs from an uninterrupted run's", kills)
	}
	t.Logf("%d kills, %d runs finished before the kill, a whole run takes %s", kills, finished, full)
}
