package extract

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/corpus"
)

var recordScores = flag.Bool("record-scores", false, "rewrite testdata/scores.json with the current scores")

// shared is the folder of development corpora and gold, beside the
// repository on developer machines and CI, absent on a user's clone.
const shared = "../../../shared"

// corpora is dossier's own evaluation corpora (see corpora/README.md).
const corpora = "../../corpora"

// scoreRun is one scorer run the regression test repeats: the gold
// folder, the documents folder and, for dossier's own corpora, the split.
type scoreRun struct {
	name, gold, corpus string
	prose              bool
	split              string // "", corpus.Dev or corpus.Test
}

var scoreRuns = []scoreRun{
	{"seed", shared + "/gold/seed", shared + "/corpus/seed", false, ""},
	{"prose", shared + "/gold/wikipedia", shared + "/corpus/wikipedia", true, ""},
	{"infobox", shared + "/gold/wikipedia", shared + "/corpus/wikipedia-with-infobox", false, ""},
	{"news", shared + "/gold/news", shared + "/corpus/news", false, ""},
	{"encyclopedia-prose-dev", corpora + "/encyclopedia/gold", corpora + "/encyclopedia/wikipedia", true, corpus.Dev},
	{"encyclopedia-prose-test", corpora + "/encyclopedia/gold", corpora + "/encyclopedia/wikipedia", true, corpus.Test},
	{"encyclopedia-infobox-dev", corpora + "/encyclopedia/gold", corpora + "/encyclopedia/wikipedia-with-infobox", false, corpus.Dev},
	{"encyclopedia-infobox-test", corpora + "/encyclopedia/gold", corpora + "/encyclopedia/wikipedia-with-infobox", false, corpus.Test},
	{"corpora-news-dev", corpora + "/news/gold", corpora + "/news/wikinews", false, corpus.Dev},
	{"corpora-news-test", corpora + "/news/gold", corpora + "/news/wikinews", false, corpus.Test},
}

// minN is the smallest n a figure of dossier's own corpora needs for the
// regression test to hold it (smaller samples move by chance).
const minN = 30

// splitRun selects the documents of r's split and copies their gold to a
// folder of its own, since score.py scores every gold file it is given.
func splitRun(t *testing.T, r scoreRun) (docs []string, gold string) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(r.corpus, "*.txt"))
	if r.split == "" {
		return paths, r.gold
	}
	gold = t.TempDir()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src := ""
		for _, ln := range strings.SplitN(string(b), "\n", 4) {
			if s, ok := strings.CutPrefix(ln, "Source:"); ok {
				src = strings.TrimSpace(s)
			}
		}
		if corpus.SplitOf(src) != r.split {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt") + ".json"
		g, err := os.ReadFile(filepath.Join(r.gold, name))
		if err != nil {
			t.Fatalf("%s has no gold: %v", p, err)
		}
		if err := os.WriteFile(filepath.Join(gold, name), g, 0o644); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, p)
	}
	return docs, gold
}

// TestScoreRegression runs the scorer on the development gold and fails
// when a figure drops more than 0.02 below the figure recorded in
// testdata/scores.json. After an improvement, record the new figures with
// `go test ./internal/extract -run ScoreRegression -record-scores`.
func TestScoreRegression(t *testing.T) {
	if _, err := os.Stat(filepath.Join(shared, "tools", "score.py")); err != nil {
		t.Skip("../shared (corpora, gold, scorer) is not beside the repository")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	got := map[string]map[string]float64{}
	small := map[string]bool{} // run + metric whose n < minN
	for _, r := range scoreRuns {
		paths, goldDir := splitRun(t, r)
		if len(paths) == 0 {
			continue
		}
		pred := filepath.Join(t.TempDir(), r.name+".jsonl")
		f, err := os.Create(pred)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		enc := json.NewEncoder(w)
		for _, p := range paths {
			_, res := extractFile(t, p)
			if err := enc.Encode(res); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		args := []string{filepath.Join(shared, "tools", "score.py"), "--gold", goldDir, "--pred", pred, "--json"}
		if r.prose {
			args = append(args, "--prose")
		}
		out, err := exec.Command(py, args...).Output()
		if err != nil {
			t.Fatalf("scorer on %s: %v", r.name, err)
		}
		var rep struct {
			Scores map[string]map[string]float64 `json:"scores"`
		}
		if err := json.Unmarshal(out, &rep); err != nil {
			t.Fatalf("scorer output: %v", err)
		}
		for metric, v := range rep.Scores {
			for _, k := range []string{"accuracy", "f1", "precision", "recall"} {
				n := v["n"]
				switch k {
				case "precision":
					n = v["pred"]
				case "f1", "recall":
					n = v["gold"]
				}
				if r.split != "" && n < minN {
					small[r.name+" "+metric+"."+k] = true
				}
				if x, ok := v[k]; ok {
					if got[r.name] == nil {
						got[r.name] = map[string]float64{}
					}
					got[r.name][metric+"."+k] = x
				}
			}
		}
	}
	file := filepath.Join("testdata", "scores.json")
	if *recordScores {
		b, _ := json.MarshalIndent(got, "", " ")
		if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (record with -record-scores)", err)
	}
	var want map[string]map[string]float64
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for run, ms := range want {
		keys := make([]string, 0, len(ms))
		for k := range ms {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if small[run+" "+k] {
				continue
			}
			if g := got[run][k]; g < ms[k]-0.02 {
				t.Errorf("%s %s = %.3f, recorded %.3f: dropped more than 0.02", run, k, g, ms[k])
			}
		}
	}
}
