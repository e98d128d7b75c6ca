package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTerminalSafeNames: a file name that would erase the line and print
// a fake "OK" reaches a terminal escaped; a pipe gets the bytes as they are.
func TestTerminalSafeNames(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x\r\x1b[2KOK: all read.txt")
	if err := os.WriteFile(name, []byte{0, 1, 2, 3}, 0o644); err != nil { // binary: it fails, named
		t.Skip("this file system refuses such names:", err)
	}
	for _, tty := range []bool{true, false} {
		var out, errb bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Terminal: tty}
		code := Run(t.Context(), env, []string{"extract", name})
		all := out.String() + errb.String()
		if code != exitPartial {
			t.Errorf("tty=%v: exit %d, want %d:\n%s", tty, code, exitPartial, all)
		}
		raw := strings.ContainsAny(all, "\r\x1b")
		if tty && (raw || !strings.Contains(all, `x\r\x1b[2KOK`)) {
			t.Errorf("a terminal got control characters:\n%q", all)
		}
		if !tty && !raw {
			t.Errorf("a pipe did not get the name byte for byte:\n%q", all)
		}
	}
}
