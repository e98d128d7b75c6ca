package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Log: nil}
	code := Run(t.Context(), env, args)
	return code, out.String(), errb.String()
}

// TestExtractBadInputs runs one extract over good and bad files: each bad
// file is named with its problem, the good ones are extracted, and the
// exit status says some failed.
func TestExtractBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Published: 2011-03-26\nTitle: Bomb on bus\n\nA bomb exploded on a bus in Jerusalem on Wednesday, killing one person and injuring 30.\n"))
	wide := write("wide.txt", []byte("Title | |\n---|---|\n"+strings.Repeat("x | ", 10000)+"\nProse.\n"))
	files := map[string]string{
		write("binary.bin", []byte("\x7fELF\x02\x01\x01\x00\x00\x00")): "binary",
		write("empty.txt", nil):                                      "empty",
		write("latin1.txt", []byte("Caf\xe9 bomb\n")):                "invalid UTF-8",
		write("longline.txt", bytes.Repeat([]byte("word "), 400000)): "line too long",
		wide:                              "too many columns",
		filepath.Join(dir, "missing.txt"): "no such file",
	}
	args := []string{"extract", "--format", "jsonl", good}
	for p := range files {
		args = append(args, p)
	}
	code, out, errs := run(t, "", args...)
	if code != exitPartial {
		t.Errorf("exit status %d, want %d", code, exitPartial)
	}
	for p, problem := range files {
		if !strings.Contains(errs, p) || !strings.Contains(errs, problem) {
			t.Errorf("stderr does not name %s with %q:\n%s", p, problem, errs)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one JSON line for the good file, got %d:\n%s", len(lines), out)
	}
	var x struct {
		Doc struct{ Path string }
	}
	if err := json.Unmarshal([]byte(lines[0]), &x); err != nil || x.Doc.Path != good {
		t.Fatalf("bad output %v: %s", err, lines[0])
	}
}

func TestExtractStdinAndText(t *testing.T) {
	code, out, errs := run(t, "Published: 2011-03-26\n\nA bomb exploded on a bus in Jerusalem on Wednesday, killing one person.\n", "extract", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"MAIN INCIDENT", "2011-03-23", "Jerusalem", "fatalities", "<- A bomb exploded"} {
		if !strings.Contains(out, want) {
			t.Errorf("card lacks %q:\n%s", want, out)
		}
	}
}

func TestExtractUsage(t *testing.T) {
	if code, _, _ := run(t, "", "extract"); code != exitUsage {
		t.Errorf("no paths: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := run(t, "", "extract", "--format", "xml", "x"); code != exitUsage {
		t.Errorf("bad format: exit %d, want %d", code, exitUsage)
	}
}

// TestUserLexicon: a weapon added in a user's lexicon folder (the English
// pack's shape, in DIR/en/) is found without recompiling.
func TestUserLexicon(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "en", "weapons.tsv"), []byte("weapon\tflamingo launcher\tincendiary\tAttack\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := "Published: 2020-01-01\n\nOn Monday, gunmen attacked a police post in Kabul with a flamingo launcher, killing two officers.\n"
	weapons := func(out string) []string {
		var x struct {
			Incidents []struct{ Weapons []string }
		}
		if err := json.Unmarshal([]byte(out), &x); err != nil || len(x.Incidents) == 0 {
			t.Fatalf("bad output %v: %s", err, out)
		}
		return x.Incidents[0].Weapons
	}
	_, out, _ := run(t, doc, "extract", "--format", "jsonl", "-")
	if w := weapons(out); strings.Contains(strings.Join(w, ","), "flamingo") {
		t.Fatal("the built-in lexicon already knows the test weapon")
	}
	code, out, errs := run(t, doc, "extract", "--format", "jsonl", "--lexicon", dir, "-")
	if w := weapons(out); code != 0 || !strings.Contains(strings.Join(w, ","), "flamingo launcher") {
		t.Fatalf("exit %d, user weapon not found in %v: %s", code, w, errs)
	}
}
