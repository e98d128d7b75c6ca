package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSearchAndActorCLI is issue 13's test through the commands, on the
// sample corpus that dossier demo loads: --actor Soleimani and show actor
// Soleimani find the 2020 strike; search drone lists incidents with drone
// in their title first, and a snippet of what matched for the others.
func TestSearchAndActorCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kb.db")
	if code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none",
		"../../samples/kadhimi-assassination-attempt.txt", "../../samples/wikipedia", "../../samples/news"); code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	const strike = "Assassination of Qasem Soleimani"
	code, out, errs := dossierRun(t, "incidents", "--db", db, "--actor", "Soleimani")
	if code != exitOK || !strings.Contains(out, strike) {
		t.Errorf("incidents --actor Soleimani: %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = dossierRun(t, "show", "--db", db, "actor", "Soleimani")
	if code != exitOK || !strings.HasPrefix(out, "Qasem Soleimani") || !regexp.MustCompile(`(?m)^  target .*2020-01-03 +`+strike).MatchString(out) {
		t.Errorf("show actor Soleimani: %d\n%s\n%s", code, out, errs)
	}

	code, out, errs = dossierRun(t, "search", "--db", db, "--kind", "incident", "drone")
	if code != exitOK {
		t.Fatalf("search drone: %d\n%s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")[1:]
	seenOther := false
	for _, l := range lines {
		title := strings.Contains(strings.ToLower(l), " title ")
		if title && seenOther {
			t.Errorf("search drone: a title match after other matches:\n%s", out)
		}
		seenOther = seenOther || !title
		if !title && !strings.Contains(l, "[drone") && !strings.Contains(l, "[Drone") {
			t.Errorf("search drone: no marked snippet in %q", l)
		}
	}
	if len(lines) == 0 || !strings.Contains(strings.ToLower(strings.Fields(lines[0])[2]), "title") {
		t.Errorf("search drone: want a title match first:\n%s", out)
	}
}
