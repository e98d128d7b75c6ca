package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/names"
)

// TestActorHygieneKnowledgeBase: of every actor in the knowledge base built
// from all the corpora (the encyclopedia set with and without infoboxes,
// the news set, the samples), fewer than 1% are phrases with a verb,
// fragments, descriptions with no identity or lists of names
// (names.Problem; internal/names tests what it flags and passes).
func TestActorHygieneKnowledgeBase(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests about a thousand documents")
	}
	db := filepath.Join(t.TempDir(), "kb.db")
	code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none",
		"../../corpora/encyclopedia/wikipedia-with-infobox", "../../corpora/encyclopedia/wikipedia",
		"../../corpora/news/wikinews", "../../samples")
	if code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = dossierRun(t, "actors", "--db", db, "--format", "jsonl")
	if code != exitOK || strings.TrimSpace(out) == "" {
		t.Fatalf("actors: %d\n%q\n%s", code, out, errs)
	}
	n := 0
	byReason := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("jsonl line %q: %v", l, err)
		}
		n++
		if r := names.Problem(a.Name); r != "" {
			byReason[r] = append(byReason[r], a.Name)
		}
	}
	flagged := 0
	reasons := []string{}
	for r, v := range byReason {
		flagged += len(v)
		sort.Strings(v)
		reasons = append(reasons, r+": "+strings.Join(v, " | "))
	}
	sort.Strings(reasons)
	t.Logf("%d actors, %d flagged (%.2f%%)\n%s", n, flagged, 100*float64(flagged)/float64(max(n, 1)), strings.Join(reasons, "\n"))
	if n < 1000 || flagged*100 >= n {
		t.Errorf("%d of %d actors flagged, want fewer than 1%%", flagged, n)
	}
}
