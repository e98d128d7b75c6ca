package inputs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// longText is a text document well over the 1 KiB sniffed from an input
// (issue: piped input over 2 KiB was cut to what followed the sniff).
var longText = textDoc + strings.Repeat("Police said the bus was crowded with commuters on their way to work. ", 60)

// feedLines is a JSON Lines feed of twelve documents.
func feedLines() string {
	var b strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, `{"url":"https://example.org/%d","title":"Report %d","text":"A bomb exploded in Kabul on 1 May 2020, killing %d people. %s"}`+"\n",
			i, i, i, strings.Repeat("Witnesses described a loud blast. ", 10))
	}
	return b.String()
}

// loadAll runs Each on one path and returns every document's text, or its error.
func loadAll(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	err := Each(t.Context(), []string{path}, strings.NewReader(""), Options{}, func(in Input) error {
		doc, err := in.Load(t.Context())
		if err != nil {
			out = append(out, "error: "+err.Error())
			return nil
		}
		body := doc.Text
		if body == nil {
			body = doc.Raw
		}
		out = append(out, string(body))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadOnce: a pipe (as "<(cat FILE)" gives, a /dev/fd path), a named
// FIFO and a regular file give the same documents, whole. Before, a path
// was opened to sniff and again to read: a pipe lost its first bytes and a
// FIFO hung.
func TestReadOnce(t *testing.T) {
	for _, c := range []struct {
		name, content string
		docs          int
	}{
		{"text", longText, 1},
		{"small text", textDoc, 1},
		{"feed", feedLines(), 12},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			want := loadAll(t, write(t, dir, "doc", []byte(c.content)))
			if len(want) != c.docs || strings.HasPrefix(want[0], "error") {
				t.Fatalf("regular file: %d documents %q", len(want), want)
			}

			// a pipe, by its /dev/fd path
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			go func() { w.WriteString(c.content); w.Close() }()
			got := loadAll(t, fmt.Sprintf("/dev/fd/%d", r.Fd()))
			r.Close()
			compare(t, "pipe", got, want)

			// a named FIFO with a writer
			fifo := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skip("no FIFOs here:", err)
			}
			go func() {
				f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err != nil {
					return
				}
				f.WriteString(c.content)
				f.Close()
			}()
			compare(t, "fifo", loadAll(t, fifo), want)
		})
	}
}

func compare(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d documents, want %d: %q", what, len(got), len(want), got)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: document %d is %d bytes, want %d: %.80q", what, i+1, len(got[i]), len(want[i]), got[i])
		}
	}
}

// TestCountLeavesPipesAlone: the progress estimate never opens a pipe or a
// FIFO, which would take bytes the run must read.
func TestCountLeavesPipesAlone(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() { w.WriteString(longText); w.Close() }()
	path := fmt.Sprintf("/dev/fd/%d", r.Fd())
	if docs, _ := Count([]string{path}); docs != 0 {
		t.Errorf("Count on a pipe = %d documents, want 0 (unknown)", docs)
	}
	got := loadAll(t, path)
	if len(got) != 1 || len(got[0]) < 2048 {
		t.Errorf("after Count, the pipe gave %q", got)
	}
}

// TestLinksAndSpecialFiles: a folder given through a symbolic link is read;
// links inside a folder to files and folders are followed (a loop read
// once); a FIFO or a broken link inside a folder is named as a failed
// input, never skipped without a word (and never opened, which would hang).
func TestLinksAndSpecialFiles(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	other := filepath.Join(base, "other")
	os.Mkdir(real, 0o755)
	os.Mkdir(other, 0o755)
	write(t, real, "a.txt", []byte(textDoc))
	write(t, other, "b.txt", []byte(textDoc))
	os.Symlink(filepath.Join(other, "b.txt"), filepath.Join(real, "link-to-b.txt"))
	os.Symlink(other, filepath.Join(real, "link-to-other"))
	os.Symlink(real, filepath.Join(real, "loop"))
	os.Symlink(filepath.Join(base, "missing.txt"), filepath.Join(real, "broken.txt"))
	if err := syscall.Mkfifo(filepath.Join(real, "pipe"), 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link := filepath.Join(base, "link-to-real")
	os.Symlink(real, link)

	items := collect(t, []string{link}, "")
	var ok, failedNames []string
	for _, it := range items {
		rel, _ := filepath.Rel(link, it.name)
		if it.err != "" {
			failedNames = append(failedNames, rel+": "+it.err)
		} else {
			ok = append(ok, rel)
		}
	}
	wantOK := []string{"a.txt", "link-to-b.txt", "link-to-other/b.txt"}
	if strings.Join(ok, " ") != strings.Join(wantOK, " ") {
		t.Errorf("read %q, want %q", ok, wantOK)
	}
	if len(failedNames) != 2 || !strings.Contains(strings.Join(failedNames, "\n"), "named pipe") ||
		!strings.Contains(strings.Join(failedNames, "\n"), "symbolic link") {
		t.Errorf("failed inputs %q, want the broken link and the FIFO, each named", failedNames)
	}
}
