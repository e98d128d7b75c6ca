package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/shared-disagreements.txt")

const shared = "../../../shared"

func needShared(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(shared, "gold", "wikipedia")); err != nil {
		t.Skip("../shared not present")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed")
	}
}

type goldJSON struct {
	Gold struct {
		Date         *string       `json:"date"`
		Country      string        `json:"country"`
		Fatalities   *corpus.Range `json:"fatalities"`
		Injuries     *corpus.Range `json:"injuries"`
		Perpetrators []string      `json:"perpetrators"`
	} `json:"gold"`
	InProse struct {
		Date         bool     `json:"date"`
		Fatalities   bool     `json:"fatalities"`
		Injuries     bool     `json:"injuries"`
		Perpetrators []string `json:"perpetrators"`
	} `json:"in_prose"`
}

func readGold(t *testing.T, path string) goldJSON {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g goldJSON
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

func lowerSet(xs []string) string {
	var out []string
	for _, x := range xs {
		out = append(out, strings.ToLower(x))
	}
	slices.Sort(out)
	return strings.Join(out, " | ")
}

func str(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

// TestGeneratorAgreesWithSharedGold runs the infobox gold generator on the
// shared encyclopedia corpus and compares it with ../shared/gold/wikipedia,
// which it never reads while generating: at least 90% of the date,
// country, fatalities, injuries and perpetrator values agree (each field
// and all together), in_prose agrees exactly wherever the value does, and
// every disagreement is the one listed in testdata/shared-disagreements.txt.
func TestGeneratorAgreesWithSharedGold(t *testing.T) {
	needShared(t)
	out := t.TempDir()
	if err := generateGold(filepath.Join(shared, "corpus", "wikipedia-with-infobox"), out, filepath.Join(shared, "corpus"), shared); err != nil {
		t.Fatal(err)
	}
	ref, _ := filepath.Glob(filepath.Join(shared, "gold", "wikipedia", "*.json"))
	if len(ref) < 40 {
		t.Fatalf("only %d shared gold files", len(ref))
	}
	fields := []string{"date", "country", "fatalities", "injuries", "perpetrators"}
	agree := map[string]int{}
	var diffs []string
	for _, r := range ref {
		name := filepath.Base(r)
		want := readGold(t, r)
		got := readGold(t, filepath.Join(out, name))
		vals := map[string][2]string{
			"date":         {str(want.Gold.Date), str(got.Gold.Date)},
			"country":      {want.Gold.Country, got.Gold.Country},
			"fatalities":   {want.Gold.Fatalities.String(), got.Gold.Fatalities.String()},
			"injuries":     {want.Gold.Injuries.String(), got.Gold.Injuries.String()},
			"perpetrators": {lowerSet(want.Gold.Perpetrators), lowerSet(got.Gold.Perpetrators)},
		}
		for _, f := range fields {
			v := vals[f]
			if v[0] == v[1] {
				agree[f]++
				// in_prose is the same rule on the same text: equal values, equal marks
				var w, g any
				switch f {
				case "date":
					w, g = want.InProse.Date, got.InProse.Date
				case "fatalities":
					w, g = want.InProse.Fatalities, got.InProse.Fatalities
				case "injuries":
					w, g = want.InProse.Injuries, got.InProse.Injuries
				case "perpetrators":
					w, g = lowerSet(want.InProse.Perpetrators), lowerSet(got.InProse.Perpetrators)
				default:
					continue
				}
				if w != g {
					t.Errorf("%s: in_prose.%s = %v, shared gold has %v", name, f, g, w)
				}
				continue
			}
			diffs = append(diffs, fmt.Sprintf("%s\t%s\tshared=%s\tgenerated=%s", strings.TrimSuffix(name, ".json"), f, v[0], v[1]))
		}
	}
	total := 0
	for _, f := range fields {
		total += agree[f]
		share := float64(agree[f]) / float64(len(ref))
		t.Logf("%-12s %d/%d agree (%.1f%%)", f, agree[f], len(ref), 100*share)
		if share < 0.90 {
			t.Errorf("%s: only %.1f%% of values agree with the shared gold (floor 90%%)", f, 100*share)
		}
	}
	t.Logf("all fields: %d/%d", total, len(ref)*len(fields))

	listing := "# Values where tools/corpora's infobox gold differs from ../shared/gold/wikipedia\n" +
		"# (written by hand there, by rule here). Regenerate: go test ./tools/corpora -run Shared -update\n" +
		strings.Join(diffs, "\n") + "\n"
	file := filepath.Join("testdata", "shared-disagreements.txt")
	if *update {
		if err := os.WriteFile(file, []byte(listing), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(committed) != listing {
		t.Errorf("disagreements changed; review and run with -update:\n%s", listing)
	}
}

// TestProseOnlyMatchesShared: the prose-only variant made from a
// with-infobox article is byte for byte the shared corpus's prose-only file.
func TestProseOnlyMatchesShared(t *testing.T) {
	needShared(t)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "wikipedia-with-infobox", "*.txt"))
	n := 0
	for _, f := range files {
		b, _ := os.ReadFile(f)
		got, err := corpus.ProseOnly(string(b))
		if err != nil {
			continue // HTML scrapes are not made this way
		}
		want, err := os.ReadFile(filepath.Join(shared, "corpus", "wikipedia", filepath.Base(f)))
		if err != nil {
			t.Fatal(err)
		}
		n++
		if got != string(want) {
			t.Errorf("%s: prose-only variant differs from the shared one", filepath.Base(f))
		}
	}
	if n < 30 {
		t.Fatalf("only %d structured articles compared", n)
	}
}

const root = "../../corpora"

// Floors of the corpora's sizes.
const (
	minArticles = 789
	minReports  = 184
	// the Arabic encyclopedia set (corpora/arabic/encyclopedia); the
	// target is 80 articles (issue 12), see corpora/arabic/README.md
	minArabicArticles = 104
	minArabicReports  = 36
)

// corpusFiles lists every text file of the corpora.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCorporaNotReserved: no document reserved for measuring dossier is
// in its corpora (../shared/tools/reserved.py on every file).
func TestCorporaNotReserved(t *testing.T) {
	needShared(t)
	files := corpusFiles(t)
	if len(files) == 0 {
		t.Fatal("no corpus files")
	}
	cmd := exec.Command("python3", append([]string{filepath.Join(shared, "tools", "reserved.py")}, files...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("reserved documents in corpora/ (%v):\n%s", err, out)
	}
}

// TestCorporaUpToDate: the generated parts of corpora/ (prose-only
// variants, infobox gold, news layouts, attribution) are what
// `go run ./tools/corpora build` makes from the collected texts, so nobody
// edited generated gold by hand. Each set has its documents, and every
// news report its hand-written gold.
func TestCorporaUpToDate(t *testing.T) {
	needShared(t)
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(root)); err != nil {
		t.Fatal(err)
	}
	if err := cmdBuild([]string{"-root", tmp, "-shared", shared}); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	err := filepath.WalkDir(tmp, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tmp, p)
		counts[filepath.Dir(rel)]++
		got, _ := os.ReadFile(p)
		want, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Errorf("%s is generated but not committed", rel)
			return nil
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from what tools/corpora generates: run go run ./tools/corpora build", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The sets only grow: these floors are their sizes when last extended
	// (the targets are 400 articles and 120 reports; see corpora/README.md).
	for dir, min := range map[string]int{
		"encyclopedia/wikipedia-with-infobox": minArticles, "encyclopedia/wikipedia": minArticles, "encyclopedia/gold": minArticles,
		"news/raw": minReports, "news/wikinews": minReports, "news/gold": minReports,
		"arabic/encyclopedia/raw": minArabicArticles, "arabic/encyclopedia/wikipedia-with-infobox": minArabicArticles,
		"arabic/encyclopedia/wikipedia": minArabicArticles, "arabic/encyclopedia/gold": minArabicArticles,
		"arabic/news/raw": minArabicReports, "arabic/news/docs": minArabicReports, "arabic/news/gold": minArabicReports,
	} {
		if counts[dir] < min {
			t.Errorf("%s holds %d documents, want at least %d", dir, counts[dir], min)
		}
	}
}

// TestArabicSplitAndSources: every Arabic article's Source: URL is in the
// one canonical form the split hashes (corpus.ArabicSourcePrefix, the
// title unescaped with underscores), every generated file keeps it, and
// the split command lists the set as ar-encyclopedia.
func TestArabicSplitAndSources(t *testing.T) {
	raws, _ := filepath.Glob(filepath.Join(root, "arabic", "encyclopedia", "raw", "*.txt"))
	if len(raws) < minArabicArticles {
		t.Fatalf("%d Arabic articles, want at least %d", len(raws), minArabicArticles)
	}
	for _, r := range raws {
		src, err := corpus.SourceOf(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := corpus.ArabicTitle(src); err != nil {
			t.Errorf("%s: %v", r, err)
		}
		for _, gen := range []string{"wikipedia-with-infobox", "wikipedia"} {
			g, err := corpus.SourceOf(filepath.Join(root, "arabic", "encyclopedia", gen, filepath.Base(r)))
			if err != nil {
				t.Fatal(err)
			}
			if g != src {
				t.Errorf("%s/%s: Source %q, raw has %q", gen, filepath.Base(r), g, src)
			}
		}
	}
}

// TestArabicGoldWeaponsReadByScorer: every weapon class the Arabic gold
// writes is read back as that class by ../shared/tools/score.py.
func TestArabicGoldWeaponsReadByScorer(t *testing.T) {
	needShared(t)
	classes := []string{"drone", "missile", "rocket", "aircraft", "artillery", "explosive", "vehicle", "firearm", "blade", "incendiary", "chemical"}
	var words []string
	for _, c := range classes {
		words = append(words, corpus.GoldWeaponWord(c))
	}
	js, _ := json.Marshal(words)
	prog := "import sys, json; sys.path.insert(0, sys.argv[1]); from score import weapon_classes\n" +
		"print(json.dumps([sorted(weapon_classes([w])) for w in json.loads(sys.argv[2])]))"
	out, err := exec.Command("python3", "-c", prog, filepath.Join(shared, "tools"), string(js)).Output()
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, c := range classes {
		if len(got[i]) != 1 || got[i][0] != c {
			t.Errorf("gold word %q for class %s: score.py reads %v", words[i], c, got[i])
		}
	}
}

// TestNewsGoldStances: every statement of the hand-written news gold has a
// stance of the output contract (../shared/spec/extract-output.md), so
// the scorer compares like with like; a claim of responsibility is
// "support" there.
func TestNewsGoldStances(t *testing.T) {
	stances := []string{"condemn", "accuse", "deny", "dismiss", "sympathize", "support", "other"}
	var files []string
	for _, dir := range []string{"news/gold", "arabic/news/gold"} {
		fs, err := filepath.Glob(filepath.Join(root, dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Fatal("no news gold")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			Statements []struct{ Speaker, Stance string } `json:"statements"`
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, s := range g.Statements {
			if !slices.Contains(stances, s.Stance) {
				t.Errorf("%s: %s: stance %q is none of %v", filepath.Base(f), s.Speaker, s.Stance, stances)
			}
		}
	}
}
