package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/sqlite"
)

// TestMigration0011KeepsEvidence: a knowledge base written by dossier at
// schema version 9 (testdata/schema9-kb.db.gz: internal/ingest's corpus,
// every evidence text stored whole in every row), opened by this dossier
// (migrated), prints every incident, export and document exactly as the
// old dossier printed them (testdata/schema9-golden.txt: the SHA-256 of
// each output, taken with the old binary). So does a copy of it written
// the new way (evidence as offsets into the documents' text, extractions
// without their incidents, packed JSON), whose rows the test checks.
func TestMigration0011KeepsEvidence(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	gunzipTo(t, "testdata/schema9-kb.db.gz", old)
	want := readGolden(t, "testdata/schema9-golden.txt")

	compare := func(t *testing.T, db string) {
		got := evidenceOutputs(t, db)
		if len(got) != len(want) {
			t.Errorf("%d outputs, want %d", len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("output %d: %s, want %s", i, got[i], want[i])
			}
		}
	}
	t.Run("migrated", func(t *testing.T) { compare(t, old) })
	t.Run("copied", func(t *testing.T) {
		fresh := filepath.Join(dir, "new.db")
		if code, out, errs := dossierRun(t, "copy", "--from", old, "--to", fresh); code != exitOK {
			t.Fatalf("copy: %d\n%s\n%s", code, out, errs)
		}
		compare(t, fresh)
		st, err := sqlite.Open(context.Background(), fresh, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for _, q := range []string{
			`SELECT COUNT(*) FROM reports WHERE substr(data, 1, 1) = '{' OR substr(actors, 1, 1) = '['`,
			`SELECT COUNT(*) FROM incidents WHERE substr(record, 1, 1) = '{' OR substr(signature, 1, 1) = '{'`,
			`SELECT COUNT(*) FROM documents WHERE substr(extraction, 1, 1) = '{'`,
		} {
			var n int
			if err := st.SQL().QueryRow(q).Scan(&n); err != nil || n != 0 {
				t.Errorf("%s: %d rows as plain JSON (%v), want every row packed", q, n, err)
			}
		}
	})
}

// evidenceOutputs runs the commands testdata/schema9-golden.txt lists
// and returns "sha256  command" for each, as the golden file has them.
func evidenceOutputs(t *testing.T, db string) []string {
	t.Helper()
	var out []string
	run := func(args ...string) string {
		code, stdout, stderr := dossierRun(t, append([]string{args[0], "--db", db}, args[1:]...)...)
		if code != exitOK {
			t.Fatalf("%s: %d\n%s", strings.Join(args, " "), code, stderr)
		}
		sum := sha256.Sum256([]byte(stdout))
		out = append(out, hex.EncodeToString(sum[:])+"  "+strings.Join(args, " "))
		return stdout
	}
	jsonl := run("export", "--format", "jsonl")
	run("export", "--format", "acled-csv")
	var docs []string
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var in struct {
			ID      string `json:"id"`
			Sources []struct {
				DocumentID string `json:"document_id"`
			} `json:"sources"`
		}
		if err := json.Unmarshal([]byte(l), &in); err != nil {
			t.Fatal(err)
		}
		run("show", "--format", "json", "incident", in.ID)
		run("show", "incident", in.ID)
		for _, s := range in.Sources {
			if !seen[s.DocumentID] {
				seen[s.DocumentID] = true
				docs = append(docs, s.DocumentID)
			}
		}
	}
	for _, d := range docs {
		run("show", "--format", "json", "document", d)
		run("show", "document", d)
	}
	return out
}

func readGolden(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func gunzipTo(t *testing.T, from, to string) {
	t.Helper()
	f, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	w, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(w, zr); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
