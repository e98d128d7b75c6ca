package main

import (
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/storetest"
)

// TestOrderIndependence: the clustering set and the bundled samples,
// ingested in file order, in reverse, in three shuffled orders and in two
// runs, give the same incidents (ids, members, roles, copies, titles), on
// SQLite and, when a server is set, on PostgreSQL, the same on both.
func TestOrderIndependence(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	files := orderCorpus(t)
	orders := map[string][][]string{"forward": {files}}
	rev := slices.Clone(files)
	slices.Reverse(rev)
	orders["reverse"] = [][]string{rev}
	for seed := uint64(1); seed <= 3; seed++ {
		sh := slices.Clone(files)
		r := rand.New(rand.NewPCG(seed, 42))
		r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		orders["shuffled "+string(rune('0'+seed))] = [][]string{sh}
	}
	// two runs: the second half first, then the first
	half := len(files) / 2
	orders["two runs"] = [][]string{files[half:], files[:half]}

	var want, wantName string // the same across backends too
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			if backend == "postgres" && os.Getenv(storetest.EnvPostgres) == "" {
				t.Skipf("%s not set", storetest.EnvPostgres)
			}
			names := make([]string, 0, len(orders))
			for n := range orders {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, name := range names {
				db := filepath.Join(t.TempDir(), "kb.db")
				if backend == "postgres" {
					db = storetest.PostgresDSN(t)
				}
				for _, run := range orders[name] {
					args := append([]string{"ingest", "--db", db, "--progress", "none"}, run...)
					if code, out, errs := dossierRun(t, args...); code != exitOK {
						t.Fatalf("%s: ingest: %d\n%s\n%s", name, code, out, errs)
					}
				}
				got := incidentMembers(t, db)
				if want == "" {
					want, wantName = got, backend+" "+name
					if strings.Count(got, "\n") < 100 {
						t.Fatalf("%s: only %d incidents", name, strings.Count(got, "\n"))
					}
					continue
				}
				if got != want {
					t.Errorf("%s and %s give other incidents:\n%s", wantName, backend+" "+name, lineDiff(want, got))
				}
			}
		})
	}
}

// orderCorpus lists the documents of the order test.
func orderCorpus(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"../../corpora/clustering/docs", "../../samples"} {
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".html")) {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(files)
	return files
}

// incidentMembers lists every incident, mentions included: its id, title,
// kind and each source with its role and the document it copies.
func incidentMembers(t *testing.T, db string) string {
	t.Helper()
	var lines []string
	for _, l := range incidentLines(t, db) {
		var in struct {
			ID, Title, Kind string
			Sources         []struct {
				DocumentID string  `json:"document_id"`
				Role       string  `json:"role"`
				CopyOf     *string `json:"copy_of"`
			}
		}
		if err := json.Unmarshal([]byte(l), &in); err != nil {
			t.Fatal(err)
		}
		var src []string
		for _, s := range in.Sources {
			c := ""
			if s.CopyOf != nil {
				c = " copy of " + *s.CopyOf
			}
			src = append(src, s.DocumentID+" "+s.Role+c)
		}
		sort.Strings(src)
		lines = append(lines, in.ID+"\t"+in.Kind+"\t"+in.Title+"\t"+strings.Join(src, ", "))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// incidentLines lists every incident, mentions included, as `dossier
// incidents --format jsonl` does.
func incidentLines(t *testing.T, db string) []string {
	t.Helper()
	code, out, errs := dossierRun(t, "incidents", "--db", db, "--include-mentions", "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("incidents: %d %s", code, errs)
	}
	return strings.Split(strings.TrimSpace(out), "\n")
}

// lineDiff lists the lines only one side has.
func lineDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 40 {
		out = append(out[:40], "…")
	}
	return strings.Join(out, "\n")
}
