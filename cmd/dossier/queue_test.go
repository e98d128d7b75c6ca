package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestReviewQueueCLI ingests a real report without its Published and
// Source lines, before and after the dated original: it waits in the
// queue, then ends in the original's incident, either way; a report no
// incident fits is given one of its own with 'review queue attach'.
func TestReviewQueueCLI(t *testing.T) {
	dir := t.TempDir()
	orig := "../../corpora/news/wikinews/a_wave_of_violence_still_surges_over_jerusalem.txt"
	raw, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	undated := filepath.Join(dir, "jerusalem-undated.txt")
	text := regexp.MustCompile(`(?m)^(Published|Source):.*\n`).ReplaceAllString(string(raw), "")
	if err := os.WriteFile(undated, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		code, out, errs := dossierRun(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, errs)
		}
		return out
	}
	sourcesOf := func(db string) map[string][]string {
		t.Helper()
		out := map[string][]string{}
		for _, l := range strings.Split(strings.TrimSpace(run("incidents", "--db", db, "--format", "jsonl")), "\n") {
			var in struct {
				Title   string
				Sources []struct{ Path string }
			}
			if err := json.Unmarshal([]byte(l), &in); err != nil {
				t.Fatal(err)
			}
			for _, s := range in.Sources {
				out[in.Title] = append(out[in.Title], filepath.Base(s.Path))
			}
			sort.Strings(out[in.Title])
		}
		return out
	}

	before := filepath.Join(dir, "before.db")
	if out := run("ingest", "--db", before, "--progress", "none", undated); !strings.Contains(out, "1 undated report(s) wait in the review queue") {
		t.Errorf("ingest does not say the report waits:\n%s", out)
	}
	out := run("review", "queue", "--db", before)
	if !strings.Contains(out, "jerusalem-undated.txt") || !strings.Contains(out, "waits: undated, and no incident fits") {
		t.Errorf("review queue:\n%s", out)
	}
	var q struct {
		ID       string
		Document struct{ Path string }
		Reason   string
	}
	if err := json.Unmarshal([]byte(run("review", "--db", before, "queue", "--format", "jsonl")), &q); err != nil || q.ID == "" {
		t.Errorf("review queue --format jsonl: %+v %v", q, err)
	}
	run("ingest", "--db", before, "--progress", "none", orig)
	if out := run("review", "queue", "--db", before); !strings.Contains(out, "the review queue is empty") {
		t.Errorf("review queue after the original:\n%s", out)
	}

	after := filepath.Join(dir, "after.db")
	run("ingest", "--db", after, "--progress", "none", orig)
	run("ingest", "--db", after, "--progress", "none", undated)
	want := map[string][]string{"A wave of violence still surges over Jerusalem": {"a_wave_of_violence_still_surges_over_jerusalem.txt", "jerusalem-undated.txt"}}
	for name, db := range map[string]string{"before": before, "after": after} {
		got := sourcesOf(db)
		for title, paths := range got {
			if len(paths) > 1 && strings.Join(paths, " ") != strings.Join(want[title], " ") {
				t.Errorf("%s: %q has sources %v", name, title, paths)
			}
		}
		if len(got["A wave of violence still surges over Jerusalem"]) != 2 {
			t.Errorf("%s: the undated report is not in the original's incident: %v", name, got)
		}
	}

	// A report that fits nothing, given an incident of its own.
	lone := "../../corpora/news/wikinews/40_injured_after_attacks_in_thailand.txt"
	run("ingest", "--db", after, "--progress", "none", lone)
	if code, _, errs := dossierRun(t, "review", "queue", "--db", after, "--author", "ana", "attach", lone, "i-none"); code != exitUsage && code != exitFailure {
		t.Errorf("attach to an unknown incident: exit %d %s", code, errs)
	}
	out = run("review", "queue", "--db", after, "--author", "ana", "attach", lone, "new")
	if !strings.Contains(out, "placed in an incident of its own by ana") {
		t.Errorf("attach: %s", out)
	}
	if out := run("review", "queue", "--db", after); !strings.Contains(out, "the review queue is empty") {
		t.Errorf("review queue after attach:\n%s", out)
	}
	if len(sourcesOf(after)["40 injured after attacks in Thailand"]) != 1 {
		t.Errorf("no incident of its own: %v", sourcesOf(after))
	}
}
