package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const scanTestdata = "../../internal/dump/testdata/"

func scanRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	return scanRunStdin(t, strings.NewReader(""), args...)
}

func scanRunStdin(t *testing.T, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: stdin, Stdout: &out, Stderr: &errb,
		Log: slog.New(slog.NewTextHandler(&errb, nil))}
	code = Run(context.Background(), env, append([]string{"scan"}, args...))
	return code, out.String(), errb.String()
}

func TestScanCounts(t *testing.T) {
	code, out, errs := scanRun(t, "-progress", "0", scanTestdata+"enwiki-pages-articles-shortened.xml.bz2")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(out, "pages read 206, selected 3, failed 0,") || !strings.Contains(out, "MB/s uncompressed") {
		t.Errorf("stdout %q", out)
	}
}

func TestScanMultistreamAndList(t *testing.T) {
	code, out, errs := scanRun(t, "-list", "-progress", "0", scanTestdata+"corpus-multistream.xml.bz2")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(out, "2019 Pulwama attack\tinfobox civilian attack") || !strings.Contains(out, "pages read 45, selected 45") {
		t.Errorf("stdout %q", out)
	}
	if !strings.Contains(errs, "bzip2 multistream") {
		t.Errorf("stderr %q should log the format", errs)
	}
}

// TestScanPartialFailure: a truncated file and a missing one fail, named on
// stderr; the good file is still read, and the exit status says partial.
func TestScanPartialFailure(t *testing.T) {
	data, err := os.ReadFile(scanTestdata + "corpus.xml.bz2")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cut := filepath.Join(dir, "cut.xml.bz2")
	os.WriteFile(cut, data[:len(data)-300], 0o644)
	missing := filepath.Join(dir, "missing.xml.bz2")
	code, out, errs := scanRun(t, "-progress", "0", cut, missing, scanTestdata+"bigpage.xml.bz2", scanTestdata+"corpus.xml.bz2")
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	for _, w := range []string{cut, "truncated", missing, `page \"Huge page\"`, "over the 8.0 MB limit"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr should contain %q:\n%s", w, errs)
		}
	}
	if !strings.Contains(out, scanTestdata+"corpus.xml.bz2: pages read 45, selected 45, failed 0") {
		t.Errorf("the good file was not read: %q", out)
	}
}

func TestScanResume(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	dumpPath := scanTestdata + "corpus-multistream.xml.bz2"
	if code, _, errs := scanRun(t, "-state", state, "-progress", "0", dumpPath); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(state)
	if err != nil || !strings.Contains(string(b), `"done": true`) {
		t.Fatalf("state %s, %v", b, err)
	}
	// A second run skips the finished file.
	code, out, errs := scanRun(t, "-state", state, "-progress", "0", dumpPath)
	if code != exitOK || !strings.Contains(out, "pages read 0,") || !strings.Contains(errs, "already scanned") {
		t.Errorf("second run: exit %d, stdout %q", code, out)
	}
}

func TestScanStdin(t *testing.T) {
	f, err := os.Open(scanTestdata + "corpus.xml.bz2")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	code, out, errs := scanRunStdin(t, f, "-progress", "0", "-")
	if code != exitOK || !strings.Contains(out, "pages read 45, selected 45") {
		t.Errorf("exit %d, stdout %q, stderr %s", code, out, errs)
	}
}

func TestScanUsage(t *testing.T) {
	if code, _, _ := scanRun(t); code != exitUsage {
		t.Errorf("no arguments: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := scanRun(t, "-nosuchflag", "x"); code != exitUsage {
		t.Errorf("bad flag: exit %d, want %d", code, exitUsage)
	}
}
