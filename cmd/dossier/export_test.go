package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/export"
)

// TestExportCLI writes every format from an ingested knowledge base, to
// standard output and to a file, with a filter; internal/export tests
// each format in depth.
func TestExportCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kb.db")
	if code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", storeCorpus); code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	parse := map[string]func(string) error{
		export.ACLEDCSV: func(s string) error { _, err := csv.NewReader(strings.NewReader(s)).ReadAll(); return err },
		export.JSONL: func(s string) error {
			for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
				var m map[string]any
				if err := json.Unmarshal([]byte(l), &m); err != nil {
					return err
				}
			}
			return nil
		},
		export.GeoJSON: func(s string) error { var m map[string]any; return json.Unmarshal([]byte(s), &m) },
		export.GraphML: func(s string) error { var v struct{}; return xml.Unmarshal([]byte(s), &v) },
		export.JSONLD:  func(s string) error { var m map[string]any; return json.Unmarshal([]byte(s), &m) },
	}
	for _, f := range export.Formats {
		code, out, errs := dossierRun(t, "export", "--db", db, "--format", f)
		if code != exitOK || !strings.Contains(errs, "exported ") {
			t.Fatalf("%s: exit %d: %s", f, code, errs)
		}
		if err := parse[f](out); err != nil {
			t.Errorf("%s: output does not parse: %v", f, err)
		}
	}
	file := filepath.Join(t.TempDir(), "iraq.csv")
	code, _, errs := dossierRun(t, "export", "--db", db, "--format", "acled-csv", "--country", "Iraq", "-o", file)
	if code != exitOK || !strings.Contains(errs, "to "+file) {
		t.Fatalf("export -o: exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(mustOpen(t, file)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("exported file: %v, %d rows", err, len(rows))
	}
	for _, r := range rows[1:] {
		if r[17] != "Iraq" {
			t.Errorf("filtered export has a row in %q", r[17])
		}
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("exported file mode: %v %v", st, err)
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".*.tmp"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
	// inter1 (column 10) is ACLED's text label by default, its number with
	// --acled-codes numeric.
	for codes, want := range map[string]string{"": "Political militia", "numeric": "3"} {
		args := []string{"export", "--db", db, "--format", "acled-csv", "--country", "Pakistan"}
		if codes != "" {
			args = append(args, "--acled-codes", codes)
		}
		code, out, errs := dossierRun(t, args...)
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != exitOK || err != nil || len(rows) < 2 || rows[0][9] != "inter1" || rows[1][9] != want {
			t.Errorf("--acled-codes %q: exit %d, %v, rows %q: %s", codes, code, err, rows, errs)
		}
	}
	if code, _, _ := dossierRun(t, "export", "--db", db, "--format", "acled-csv", "--acled-codes", "roman"); code != exitUsage {
		t.Errorf("unknown --acled-codes: exit %d", code)
	}
	if code, _, _ := dossierRun(t, "export", "--db", db, "--format", "xlsx"); code != exitUsage {
		t.Errorf("unknown format: exit %d", code)
	}
	if code, _, _ := dossierRun(t, "export", "--db", filepath.Join(t.TempDir(), "none.db"), "--format", "jsonl"); code != exitFailure {
		t.Errorf("missing knowledge base: exit %d", code)
	}
	if code, _, errs := dossierRun(t, "export", "--db", db, "--format", "jsonl", "--from", "last week"); code != exitUsage {
		t.Errorf("bad date: exit %d: %s", code, errs)
	}
}

func mustOpen(t *testing.T, p string) *os.File {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
