package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func p(s string) *string { return &s }

// inc makes an incident reporting the named documents (paths under docs/).
func inc(id string, names ...string) incident {
	in := incident{ID: id}
	for _, n := range names {
		in.Sources = append(in.Sources, source{Path: p("corpora/clustering/docs/" + n + ".txt"), Role: "report"})
	}
	return in
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestBCubed(t *testing.T) {
	gold := []goldDoc{{Name: "a", Event: "X"}, {Name: "b", Event: "X"}, {Name: "c", Event: "Y"}}
	for _, tc := range []struct {
		name    string
		incs    []incident
		p, r    float64
		waiting int
	}{
		{"perfect", []incident{inc("1", "a", "b"), inc("2", "c")}, 1, 1, 0},
		// a: 2/3, b: 2/3, c: 1/3 precision; recall 1 each
		{"all merged", []incident{inc("1", "a", "b", "c")}, 5.0 / 9, 1, 0},
		// precision 1; recall a 1/2, b 1/2, c 1
		{"all split", []incident{inc("1", "a"), inc("2", "b"), inc("3", "c")}, 1, 2.0 / 3, 0},
		// b waits: a singleton; same figures as all split
		{"one waits", []incident{inc("1", "a"), inc("3", "c")}, 1, 2.0 / 3, 1},
		// a and c merged, b alone: a P 1/2 R 1/2, b P 1 R 1/2, c P 1/2 R 1
		{"wrong merge", []incident{inc("1", "a", "c"), inc("2", "b")}, 2.0 / 3, 2.0 / 3, 0},
		// a reference or mention is not the document's own incident
		{"mention only", []incident{inc("1", "a", "b"), {ID: "2", Sources: []source{{Path: p("docs/c.txt"), Role: "mention"}}}, inc("3", "c")}, 1, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := score(gold, tc.incs)
			if !near(r.All.P, tc.p) || !near(r.All.R, tc.r) || r.All.N != 3 {
				t.Errorf("P %.4f R %.4f n %d, want P %.4f R %.4f n 3", r.All.P, r.All.R, r.All.N, tc.p, tc.r)
			}
			if r.NoOwn != tc.waiting {
				t.Errorf("waiting %d, want %d", r.NoOwn, tc.waiting)
			}
			wantF := 2 * tc.p * tc.r / (tc.p + tc.r)
			if !near(r.All.F, wantF) {
				t.Errorf("F1 %.4f, want %.4f", r.All.F, wantF)
			}
		})
	}
}

func TestVariants(t *testing.T) {
	gold := []goldDoc{
		{Name: "a", Event: "X"}, {Name: "a--undated", Event: "X", Variant: "undated"},
		{Name: "b", Event: "X"},
		{Name: "c", Event: "Y"}, {Name: "c--undated", Event: "Y", Variant: "undated"},
		{Name: "d", Event: "Z"}, {Name: "d--undated", Event: "Z", Variant: "undated"},
		{Name: "e", Event: "W"}, {Name: "e--undated", Event: "W", Variant: "undated"},
		{Name: "b--copy", Event: "X", Variant: "copy"}, {Name: "c--copy", Event: "Y", Variant: "copy"},
	}
	incs := []incident{
		inc("1", "a", "a--undated", "b", "b--copy"), // undated joined
		inc("2", "c", "c--copy"),
		inc("3", "c--undated"), // an incident of its own
		inc("4", "d"),          // d--undated waits
		inc("5", "e--undated", "d"),
		inc("6", "e"),
	}
	incs[0].Sources[3].CopyOf = p("doc-b")
	incs[1].Sources[0].CopyOf = p("doc-c-copy") // c listed as the copy of c--copy
	r := score(gold, incs)
	if r.UndatedN != 4 || r.UndatedJoined != 1 || r.UndatedOwn != 1 || r.UndatedWaiting != 1 {
		t.Errorf("undated: %d joined, %d own, %d wait of %d; want 1, 1, 1 of 4", r.UndatedJoined, r.UndatedOwn, r.UndatedWaiting, r.UndatedN)
	}
	if r.CopiesN != 2 || r.CopiesListed != 1 || r.CopiesReversed != 1 || r.IndepAsCopy != 1 {
		t.Errorf("copies: %d listed, %d reversed of %d, %d independent as copies; want 1, 1 of 2, 1", r.CopiesListed, r.CopiesReversed, r.CopiesN, r.IndepAsCopy)
	}
	// d is reported by incidents 4 and 5; its own is the first
	if r.MultiOwn != 1 {
		t.Errorf("reported twice: %d, want 1", r.MultiOwn)
	}
	// independent only: a, b in 1 (X); c in 2 (Y); d in 4 (Z); e in 6 (W): perfect
	if !near(r.Independent.P, 1) || !near(r.Independent.R, 1) || r.Independent.N != 5 {
		t.Errorf("independent P %.3f R %.3f n %d, want 1 1 5", r.Independent.P, r.Independent.R, r.Independent.N)
	}
	if r.All.N != 11 || r.All.R == 1 {
		t.Errorf("all: P %.3f R %.3f n %d: the variants' misses should show", r.All.P, r.All.R, r.All.N)
	}
}

func TestRunSplitAndFiles(t *testing.T) {
	dir := t.TempDir()
	gold := "name\tevent\tvariant\tsplit\thard_negative_for\n" +
		"a\tX\t\tdev\t\nb\tX\t\tdev\t\nc\tY\t\ttest\t\nd\tY\t\ttest\t\n"
	jsonl := `{"id":"i1","sources":[{"document_id":"1","path":"docs/a.txt","url":"u","role":"report","copy_of":null},{"document_id":"2","path":"docs/b.txt","url":"u","role":"report","copy_of":null}]}
{"id":"i2","sources":[{"document_id":"3","path":"docs/c.txt","url":"u","role":"report","copy_of":null}]}
{"id":"i3","sources":[{"document_id":"4","path":null,"url":"u","role":"report","copy_of":null},{"document_id":"3","path":"docs/c.txt","url":"u","role":"reference","copy_of":null}]}
`
	g := filepath.Join(dir, "gold.tsv")
	j := filepath.Join(dir, "inc.jsonl")
	os.WriteFile(g, []byte(gold), 0o644)
	os.WriteFile(j, []byte(jsonl), 0o644)
	for split, want := range map[string]string{
		"dev":  "all documents      B-cubed P 1.000  R 1.000  F1 1.000  (n=2)",
		"test": "all documents      B-cubed P 1.000  R 0.500  F1 0.667  (n=2)",
		"all":  "all documents      B-cubed P 1.000  R 0.750  F1 0.857  (n=4)",
	} {
		var out bytes.Buffer
		if err := run(g, j, split, &out); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("%s:\n%s\nwant a line %q", split, out.String(), want)
		}
	}
	if err := run(g, j, "train", &bytes.Buffer{}); err == nil {
		t.Error("-split train accepted")
	}
}
