package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/reader"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	sharedOnce sync.Once
	sharedX    *Extractor
	sharedErr  error
)

func extractor(t testing.TB) *Extractor {
	t.Helper()
	sharedOnce.Do(func() { sharedX, sharedErr = New(Options{}) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedX
}

func extractFile(t testing.TB, path string) (*dossier.Document, *dossier.Extraction) {
	t.Helper()
	doc, err := reader.ReadPath(t.Context(), path, nil, reader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := extractor(t).Extract(doc)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc, res
}

func testDocs(t testing.TB) []string {
	m, err := filepath.Glob("testdata/docs/*.txt")
	if err != nil || len(m) == 0 {
		t.Fatal("no test documents")
	}
	return m
}

// TestGolden compares the JSON of each test document with its golden
// file. Run `go test ./internal/extract -run Golden -update` after a
// deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	for _, p := range testDocs(t) {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		t.Run(name, func(t *testing.T) {
			_, res := extractFile(t, p)
			got, err := json.MarshalIndent(res, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run with -update after checking the change:\n%s", p, golden, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// TestEvidence checks the contract every consumer relies on: every value
// has evidence, every evidence of a list field supports a value of it,
// and each evidence's offsets give exactly its text in the file as read.
// The news and Arabic corpora of corpora/ are read too.
func TestEvidence(t *testing.T) {
	paths := testDocs(t)
	for _, dir := range []string{"../../../shared/corpus/news", "../../../shared/corpus/wikipedia", "../../../shared/corpus/wikipedia-with-infobox",
		"../../corpora/news/raw", "../../corpora/arabic/news/docs", "../../corpora/arabic/encyclopedia/wikipedia", "../../corpora/arabic/encyclopedia/wikipedia-with-infobox"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		paths = append(paths, m...)
	}
	for _, p := range paths {
		doc, res := extractFile(t, p)
		raw := doc.Body()
		check := func(what string, e dossier.Evidence) {
			if e.Start < 0 || e.End > len(raw) || e.Start > e.End {
				t.Errorf("%s: %s: evidence offsets %d-%d out of range", p, what, e.Start, e.End)
				return
			}
			if string(raw[e.Start:e.End]) != e.Text {
				t.Errorf("%s: %s: raw[%d:%d] = %q, evidence text %q", p, what, e.Start, e.End, raw[e.Start:e.End], e.Text)
			}
			if e.Text == "" {
				t.Errorf("%s: %s: empty evidence", p, what)
			}
		}
		for _, in := range res.Incidents {
			has := map[string]bool{}
			for _, e := range in.Evidence {
				check("incident "+in.Title+" "+e.Field, e)
				has[e.Field] = true
			}
			need := map[string]bool{"date": in.Date != nil, "location": in.Location != nil, "fatalities": in.Fatalities != nil,
				"injuries": in.Injuries != nil, "weapons": len(in.Weapons) > 0, "perpetrators": len(in.Perpetrators) > 0,
				"accused": len(in.Accused) > 0, "targets": len(in.Targets) > 0, "title": in.Title != ""}
			for f, n := range need {
				if n && !has[f] {
					t.Errorf("%s: incident %q: %s has no evidence", p, in.Title, f)
				}
			}
			for _, f := range []string{"weapons", "perpetrators", "accused", "targets"} {
				if has[f] && !need[f] {
					t.Errorf("%s: incident %q: evidence of %s, which has no value", p, in.Title, f)
				}
			}
		}
		for _, a := range res.Actors {
			if len(a.Evidence) == 0 {
				t.Errorf("%s: actor %q has no evidence", p, a.Name)
			}
			for _, e := range a.Evidence {
				check("actor "+a.Name, e)
			}
		}
		for _, r := range res.Relations {
			check("relation "+r.Subject+" "+r.Predicate+" "+r.Object, r.Evidence)
		}
		for _, s := range res.Statements {
			check("statement "+s.Speaker, s.Evidence)
		}
		for _, c := range res.Claims {
			check("claim "+c.Claimant, c.Evidence)
		}
	}
}

func TestOtherLanguageIsSkipped(t *testing.T) {
	// Persian, in Arabic script, is named and skipped, not read as Arabic.
	_, res := extractFile(t, "testdata/docs/fa-news.txt")
	if res.Skipped != "language: fa, not extracted" {
		t.Fatalf("Skipped = %q, want the Persian document reported and not extracted", res.Skipped)
	}
	if len(res.Incidents) != 0 || len(res.Actors) != 0 {
		t.Fatalf("a Persian document was read: %d incidents, %d actors", len(res.Incidents), len(res.Actors))
	}
}

func TestArabicIsRead(t *testing.T) {
	_, res := extractFile(t, "testdata/docs/ar-news.txt")
	if res.Skipped != "" || res.Language != "ar" {
		t.Fatalf("language %q, skipped %q: want an Arabic document read", res.Language, res.Skipped)
	}
	if len(res.Incidents) != 1 {
		t.Fatalf("%d incidents, want 1", len(res.Incidents))
	}
	in := res.Incidents[0]
	if in.Date == nil || in.Date.Start != "2021-11-07" {
		t.Errorf("date %v, want 2021-11-07 (\"فجر الأحد\", published that Sunday)", in.Date)
	}
	if in.Location == nil || in.Location.Country != "Iraq" {
		t.Errorf("location %+v, want Baghdad, Iraq", in.Location)
	}
	if !slices.Contains(in.Weapons, "drone") {
		t.Errorf("weapons %v, want a drone", in.Weapons)
	}
}

// TestSeedMain pins the facts of the reference document that the product
// is built around.
func TestSeedMain(t *testing.T) {
	_, res := extractFile(t, "testdata/docs/kadhimi-assassination-attempt.txt")
	m := res.Main()
	if m == nil {
		t.Fatal("no main incident")
	}
	if m.Date == nil || m.Date.Start != "2021-11-07" || m.Date.Precision != "day" {
		t.Errorf("date = %+v", m.Date)
	}
	if m.Location == nil || m.Location.Place != "Baghdad" || m.Location.Country != "Iraq" {
		t.Errorf("location = %+v", m.Location)
	}
	if m.Fatalities == nil || m.Fatalities.Min != 0 || m.Fatalities.Max == nil || *m.Fatalities.Max != 0 {
		t.Errorf("fatalities = %+v, want 0-0 (the infobox says None)", m.Fatalities)
	}
	if m.Injuries == nil || m.Injuries.Min != 6 {
		t.Errorf("injuries = %+v, want 6", m.Injuries)
	}
	if m.Type != "Explosions/Remote violence" || m.SubType != "Air/drone strike" {
		t.Errorf("type = %s / %s", m.Type, m.SubType)
	}
	found := map[string]bool{}
	for _, s := range res.Statements {
		found[s.Speaker+":"+s.Stance] = true
	}
	for _, want := range []string{"Barham Salih:condemn", "Qais Khazali:dismiss", "Masoud Barzani:sympathize"} {
		if !found[want] {
			t.Errorf("statement %s not found in %v", want, found)
		}
	}
}
