package ingest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/internal/storetest"
)

var (
	xOnce sync.Once
	xx    *extract.Extractor
	xErr  error
)

func extractor(t *testing.T) *extract.Extractor {
	t.Helper()
	xOnce.Do(func() { xx, xErr = extract.New(extract.Options{}) })
	if xErr != nil {
		t.Fatal(xErr)
	}
	return xx
}

func run(t *testing.T, st dossier.Store, paths ...string) ingest.Summary {
	t.Helper()
	sum, err := ingest.Run(context.Background(), ingest.Options{Store: st, Extractor: extractor(t), Version: extract.Version},
		ingest.Paths(paths, strings.NewReader(""), reader.Limits{}))
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	return sum
}

const corpus = "testdata/corpus"

// The articles whose incident the seed mentions, which must become one
// incident with the seed's mention.
var mentioned = []string{
	"2021_erbil_rocket_attacks.txt",
	"assassination_of_qasem_soleimani.txt",
	"attack_on_the_united_states_embassy_in_baghdad.txt",
	"2022_abu_dhabi_attack.txt",
	"attempted_assassination_of_mustafa_al_kadhimi.txt",
}

const seed = "kadhimi-assassination-attempt.txt"

// placement maps each incident to the documents reporting it, and each
// document's main report to its incident.
type placement struct {
	docs   map[string]map[string]bool // incident -> document base names
	mains  map[string][]string        // incident -> documents whose main report it holds
	mainOf map[string]string          // document -> incident of its main report
}

func place(t *testing.T, st dossier.Store) placement {
	t.Helper()
	ctx := context.Background()
	p := placement{docs: map[string]map[string]bool{}, mains: map[string][]string{}, mainOf: map[string]string{}}
	err := st.EachIncident(ctx, dossier.IncidentFilter{Limit: -1}, func(in *dossier.IncidentSummary) error {
		d, err := st.Incident(ctx, in.ID)
		if err != nil {
			return err
		}
		p.docs[in.ID] = map[string]bool{}
		for _, r := range d.Reports {
			base := filepath.Base(r.Document.Path)
			p.docs[in.ID][base] = true
			if r.Main {
				p.mains[in.ID] = append(p.mains[in.ID], base)
				p.mainOf[base] = in.ID
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkPairs: the seed's mentions merge with their articles; no two other
// documents' main incidents merge.
func checkPairs(t *testing.T, st dossier.Store) {
	t.Helper()
	p := place(t, st)
	for _, a := range mentioned {
		id, ok := p.mainOf[a]
		if !ok {
			t.Errorf("%s: no main incident", a)
			continue
		}
		if !p.docs[id][seed] {
			t.Errorf("%s: its incident %s is not merged with the seed's mention (documents %v)", a, id, p.docs[id])
		}
	}
	if p.mainOf[seed] != p.mainOf["attempted_assassination_of_mustafa_al_kadhimi.txt"] {
		t.Errorf("the seed and its copy in the corpus are two incidents")
	}
	for id, ms := range p.mains {
		if len(ms) > 1 && !(len(ms) == 2 && p.mainOf[seed] == id) {
			t.Errorf("incident %s merges the main incidents of %v", id, ms)
		}
	}
}

func TestPairMerge(t *testing.T) {
	st := storetest.OpenSQLite(t)
	defer st.Close()
	sum := run(t, st, corpus)
	if sum.Failed > 0 || sum.New != 10 {
		t.Fatalf("summary %+v", sum)
	}
	checkPairs(t, st)
}

// TestPairMergeShared runs the same check on the whole shared corpus: the
// seed and the 45 encyclopedia articles.
func TestPairMergeShared(t *testing.T) {
	shared := "../../../shared/corpus"
	if _, err := os.Stat(shared + "/wikipedia"); err != nil {
		t.Skip("../shared is absent")
	}
	if testing.Short() {
		t.Skip("short")
	}
	st := storetest.OpenSQLite(t)
	defer st.Close()
	run(t, st, shared+"/seed", shared+"/wikipedia")
	checkPairs(t, st)
}

// TestIdempotent: ingesting again changes nothing; ingesting into another
// store (and into PostgreSQL when a server is set) gives the same
// knowledge.
func TestIdempotent(t *testing.T) {
	ctx := context.Background()
	a := storetest.OpenSQLite(t)
	defer a.Close()
	run(t, a, corpus)
	first, err := storetest.Dump(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	sum := run(t, a, corpus)
	if sum.Unchanged != 10 || sum.New+sum.Updated+sum.Failed != 0 {
		t.Errorf("second run: %+v, want 10 unchanged", sum)
	}
	if again, _ := storetest.Dump(ctx, a); again != first {
		t.Errorf("second run changed the store")
	}
	b := storetest.OpenSQLite(t)
	defer b.Close()
	run(t, b, corpus)
	if other, _ := storetest.Dump(ctx, b); other != first {
		t.Errorf("another store holds other knowledge")
	}
	if os.Getenv(storetest.EnvPostgres) != "" {
		pg := storetest.OpenPostgres(t)
		run(t, pg, corpus)
		got, err := storetest.Dump(ctx, pg)
		if err != nil {
			t.Fatal(err)
		}
		if got != first {
			diff(t, first, got)
		}
	}
}

func diff(t *testing.T, a, b string) {
	t.Helper()
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			j := 0
			for j < len(al[i]) && j < len(bl[i]) && al[i][j] == bl[i][j] {
				j++
			}
			t.Errorf("at byte %d: sqlite %.300q / postgres %.300q", j, al[i][max(0, j-100):], bl[i][max(0, j-100):])
			t.Errorf("PostgreSQL and SQLite differ at line %d:\nsqlite:   %.600s\npostgres: %.600s", i, al[i], bl[i])
			return
		}
	}
	t.Errorf("PostgreSQL and SQLite differ: %d vs %d lines", len(al), len(bl))
}

// TestBadInput: bad documents fail alone, named; the good ones are stored.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"binary.txt":  {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3},
		"latin1.txt":  []byte("Caf\xe9 bombing in Z\xfcrich killed two people."),
		"empty.txt":   []byte("  \n"),
		"good.txt":    []byte("Source: https://example.org/2021/11/07/drone\n\nA drone struck the residence of the prime minister in Baghdad on Sunday, wounding six guards."),
		"another.txt": []byte("Two people were killed when a car bomb exploded in Kabul on 3 May 2020."),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := storetest.OpenSQLite(t)
	defer st.Close()
	var lines bytes.Buffer
	sum, err := ingest.Run(context.Background(), ingest.Options{Store: st, Extractor: extractor(t), Version: extract.Version,
		Progress: &ingest.Lines{W: &lines}}, ingest.Paths([]string{dir, filepath.Join(dir, "missing.txt")}, nil, reader.Limits{}))
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Failed != 4 || len(sum.Failures) != 4 {
		t.Fatalf("summary %+v", sum)
	}
	for _, f := range sum.Failures {
		if !strings.Contains(f.Err.Error(), filepath.Base(f.Name)) {
			t.Errorf("failure %v does not name %s", f.Err, f.Name)
		}
	}
	for _, want := range []string{"binary", "invalid UTF-8", "empty", "no such file", "new"} {
		if !strings.Contains(lines.String(), want) {
			t.Errorf("progress lines lack %q:\n%s", want, lines.String())
		}
	}
	if problems, err := st.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

// TestArabicReportJoinsEnglish: an Arabic report of the attack on the
// prime minister's residence joins the incident the English documents
// made, in either order.
func TestArabicReportJoinsEnglish(t *testing.T) {
	arabic := "../extract/testdata/docs/ar-news.txt"
	for _, order := range [][]string{{corpus + "/" + seed, arabic}, {arabic, corpus + "/" + seed}} {
		st := storetest.OpenSQLite(t)
		for _, p := range order {
			run(t, st, p)
		}
		p := place(t, st)
		id, ok := p.mainOf["ar-news.txt"]
		if !ok {
			t.Fatalf("order %v: the Arabic report has no main incident", order)
		}
		if id != p.mainOf[seed] {
			t.Errorf("order %v: the Arabic report's incident %s is not the seed's %s (documents %v)", order, id, p.mainOf[seed], p.docs[id])
		}
		st.Close()
	}
}

// TestArabicSearchFolds: the Arabic report's incident is found by the
// Arabic name however its last letter is written (ى or ي) and by the
// English spelling, on SQLite and, when a server is set, PostgreSQL.
func TestArabicSearchFolds(t *testing.T) {
	stores := map[string]func(testing.TB) dossier.Store{"sqlite": storetest.OpenSQLite}
	if os.Getenv(storetest.EnvPostgres) != "" {
		stores["postgres"] = storetest.OpenPostgres
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			defer st.Close()
			run(t, st, corpus+"/"+seed, "../extract/testdata/docs/ar-news.txt")
			found := map[string]string{}
			for _, q := range []string{"الكاظمى", "الكاظمي", "Kadhimi"} {
				hits, err := st.Search(context.Background(), q, dossier.SearchOptions{Limit: 20})
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range hits {
					if h.Kind == "incident" {
						found[q] = h.ID
						break
					}
				}
				if found[q] == "" {
					t.Errorf("search %q found no incident", q)
				}
			}
			if found["الكاظمى"] != found["Kadhimi"] || found["الكاظمي"] != found["Kadhimi"] {
				t.Errorf("the three spellings found different incidents: %v", found)
			}
		})
	}
}
