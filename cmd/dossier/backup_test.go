package main

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestBackup: a backup taken while another ingest writes to the knowledge
// base opens and holds what the base held; a backup never overwrites a
// file.
func TestBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kb.db")
	if code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", storeCorpus); code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	want := incidentMembers(t, db)
	quiet := filepath.Join(dir, "quiet.db")
	if code, out, errs := dossierRun(t, "backup", "--db", db, "-o", quiet); code != exitOK || !strings.Contains(out, "backed up") {
		t.Fatalf("backup: %d\n%s\n%s", code, out, errs)
	}
	if got := incidentMembers(t, quiet); got != want {
		t.Errorf("the backup holds other incidents:\n%s", lineDiff(want, got))
	}
	// while an ingest of more documents goes on
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", "../../samples"); code != exitOK {
			t.Errorf("concurrent ingest: %d\n%s\n%s", code, out, errs)
		}
	}()
	busy := filepath.Join(dir, "busy.db")
	if code, out, errs := dossierRun(t, "backup", "--db", db, "-o", busy); code != exitOK {
		t.Errorf("backup during ingest: %d\n%s\n%s", code, out, errs)
	}
	wg.Wait()
	if code, out, errs := dossierRun(t, "db", "check", "--db", busy); code != exitOK {
		t.Errorf("the backup taken during ingest: %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := dossierRun(t, "backup", "--db", db, "-o", quiet); code == exitOK || !strings.Contains(errs, "exists") {
		t.Errorf("a backup over an existing file: %d %s", code, errs)
	}
}
