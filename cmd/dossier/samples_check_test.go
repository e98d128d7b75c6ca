package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSamplesHandCheck: every incident that `dossier incidents` lists by
// default from the sample corpus has been checked by hand, in
// docs/samples-check.tsv, and at most 5% of them are wrong. When the
// extractor changes what is listed, this fails with the lines to check.
func TestSamplesHandCheck(t *testing.T) {
	check := readSamplesCheck(t, "../../docs/samples-check.tsv")
	t.Chdir("../..") // the documents without a Source line are keyed by the path given
	db := filepath.Join(t.TempDir(), "kb.db")
	if code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", "samples/"); code != exitOK {
		t.Fatalf("ingest samples/: %d\n%s\n%s", code, out, errs)
	} else if !strings.Contains(out, "skipped 3 file(s)") || !strings.Contains(out, "samples/samples.go") {
		t.Errorf("the summary does not list the folder's files that are not documents (samples.go, ATTRIBUTION.md):\n%s", out)
	}
	code, out, errs := dossierRun(t, "incidents", "--db", db, "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("incidents: %d\n%s", code, errs)
	}
	listed := map[string]bool{}
	wrong := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var in struct{ ID, Title, Kind string }
		if err := json.Unmarshal([]byte(l), &in); err != nil {
			t.Fatalf("jsonl line %q: %v", l, err)
		}
		listed[in.ID] = true
		if in.Kind == "mention" {
			t.Errorf("%s %q: a mention in the default listing", in.ID, in.Title)
		}
		v, ok := check[in.ID]
		switch {
		case !ok:
			t.Errorf("listed but not checked by hand: %s %s %q (add a line to docs/samples-check.tsv)", in.ID, in.Kind, in.Title)
		case v == "wrong":
			wrong++
		}
	}
	for id := range check {
		if !listed[id] {
			t.Errorf("checked by hand but no longer listed: %s (remove its line from docs/samples-check.tsv)", id)
		}
	}
	if len(listed) == 0 || wrong*20 > len(listed) {
		t.Errorf("%d of %d listed incidents wrong, more than 5%%", wrong, len(listed))
	}
	t.Logf("%d incidents listed, %d wrong by the hand check", len(listed), wrong)
}

// readSamplesCheck reads id -> verdict from the hand-check file.
func readSamplesCheck(t *testing.T, path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "id\t") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 7 || (f[5] != "right" && f[5] != "wrong") || f[6] == "" {
			t.Fatalf("%s: want id, kind, date, place, title, right|wrong, why: %q", path, l)
		}
		out[f[0]] = f[5]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
