package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.jsonl")
	if err := os.WriteFile(p, []byte(`{"actors":[{"name":"Hamas"},{"name":"claimed responsibility"},{"name":"Hamas"}]}`+"\n"+`{"actors":[{"name":"AU"}]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := run([]string{p}, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "3 distinct names, 1 flagged (33.3%)") || !strings.Contains(b.String(), "claimed responsibility") {
		t.Errorf("output:\n%s", b.String())
	}
	if err := run([]string{filepath.Join(t.TempDir(), "missing.jsonl")}, &b); err == nil {
		t.Error("a missing file gave no error")
	}
}
