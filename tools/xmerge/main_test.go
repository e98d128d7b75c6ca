package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun: an Arabic document that shares its event's incident joins; one
// that shares another event's incident is a false merge; one with no
// incident of its own is counted apart.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	doc := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("Source: "+src+"\n\ntext\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a1 := doc("a1.txt", "https://ar.wikipedia.org/wiki/A")
	e1 := doc("e1.txt", "https://en.wikipedia.org/wiki/A")
	a2 := doc("a2.txt", "https://ar.wikipedia.org/wiki/B")
	e2 := doc("e2.txt", "https://en.wikipedia.org/wiki/B")
	a3 := doc("a3.txt", "https://ar.wikipedia.org/wiki/C")
	events := filepath.Join(dir, "events.tsv")
	list := "# comment\nA\tar\t" + a1 + "\nA\ten\t" + e1 + "\nB\tar\t" + a2 + "\nB\ten\t" + e2 + "\nC\tar\t" + a3 + "\n"
	if err := os.WriteFile(events, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	incidents := filepath.Join(dir, "incidents.jsonl")
	jl := `{"id":"i1","sources":[{"path":"` + a1 + `","role":"report"},{"path":"` + e1 + `","role":"report"}]}
{"id":"i2","sources":[{"path":"` + a2 + `","role":"report"},{"path":"` + e1 + `","role":"mention"}]}
{"id":"i3","sources":[{"path":"` + e2 + `","role":"report"}]}
`
	if err := os.WriteFile(incidents, []byte(jl), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run(&out, events, incidents, "all"); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"1 of 2 Arabic documents joined", "0 false merges among 3", "1 without an incident", "not joined: B a2.txt"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	// a false merge: the Arabic document of C in A's incident
	jl += `{"id":"i4","sources":[{"path":"` + a3 + `","role":"report"},{"path":"` + e2 + `","role":"report"}]}` + "\n"
	os.WriteFile(incidents, []byte(strings.Replace(jl, `{"id":"i3","sources":[{"path":"`+e2+`","role":"report"}]}`+"\n", "", 1)), 0o644)
	out.Reset()
	if err := run(&out, events, incidents, "all"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 false merges") || !strings.Contains(out.String(), "false merge: a3.txt joined B") {
		t.Errorf("false merge not counted:\n%s", out.String())
	}
	// a malformed list names its line
	os.WriteFile(events, []byte("A\tfr\tx\n"), 0o644)
	if err := run(&out, events, incidents, "all"); err == nil || !strings.Contains(err.Error(), "events.tsv:1") {
		t.Errorf("bad list: %v", err)
	}
}
