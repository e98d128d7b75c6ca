package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestIncidentListingContract: `dossier incidents --format jsonl` prints
// what ../shared/spec/kb-output.md says: the incident fields of extraction
// output, kind, every source with document_id, path, url, title,
// published, language, role and copy_of, source_count and conflicts.
func TestIncidentListingContract(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kb.db")
	if code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", storeCorpus); code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	code, out, errs := dossierRun(t, "incidents", "--db", db, "--format", "jsonl", "--include-mentions")
	if code != exitOK {
		t.Fatalf("incidents: %d\n%s", code, errs)
	}
	kinds := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		for _, k := range []string{"id", "main", "title", "date", "location", "type", "sub_type", "weapons", "targets", "fatalities",
			"injuries", "perpetrators", "accused", "part_of", "evidence", "kind", "sources", "source_count", "conflicts"} {
			if _, ok := m[k]; !ok {
				t.Errorf("incident lacks %q: %.200s", k, l)
			}
		}
		var in struct {
			Kind        string `json:"kind"`
			SourceCount int    `json:"source_count"`
			Sources     []map[string]json.RawMessage
		}
		json.Unmarshal([]byte(l), &in)
		kinds[in.Kind]++
		ids := map[string]bool{}
		independent := 0
		for _, s := range in.Sources {
			for _, k := range []string{"document_id", "path", "url", "title", "published", "language", "role", "copy_of"} {
				if _, ok := s[k]; !ok {
					t.Errorf("source lacks %q: %v", k, s)
				}
			}
			var id, role string
			json.Unmarshal(s["document_id"], &id)
			json.Unmarshal(s["role"], &role)
			ids[id] = true
			if role != "report" && role != "reference" && role != "mention" {
				t.Errorf("source role %q", role)
			}
			if string(s["copy_of"]) == "null" {
				independent++
			}
		}
		if in.SourceCount > independent || in.SourceCount == 0 {
			t.Errorf("source_count %d with %d sources that are not copies", in.SourceCount, independent)
		}
	}
	if kinds["event"] == 0 {
		t.Errorf("kinds %v: no event", kinds)
	}
	for k := range kinds {
		if k != "event" && k != "reference" && k != "mention" {
			t.Errorf("kind %q", k)
		}
	}
}
