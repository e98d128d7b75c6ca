package extract

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
)

var recordScores = flag.Bool("record-scores", false, "rewrite testdata/scores.json with the current scores")

// shared is the folder of development corpora and gold, beside the
// repository on developer machines and CI, absent on a user's clone.
const shared = "../../../shared"

// scoreRuns are the scorer runs the regression test repeats.
var scoreRuns = []struct {
	name, gold, corpus string
	prose              bool
}{
	{"seed", "gold/seed", "corpus/seed", false},
	{"prose", "gold/wikipedia", "corpus/wikipedia", true},
	{"infobox", "gold/wikipedia", "corpus/wikipedia-with-infobox", false},
	{"news", "gold/news", "corpus/news", false},
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
	for _, r := range scoreRuns {
		paths, _ := filepath.Glob(filepath.Join(shared, r.corpus, "*.txt"))
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
		args := []string{filepath.Join(shared, "tools", "score.py"), "--gold", filepath.Join(shared, r.gold), "--pred", pred, "--json"}
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
			if g := got[run][k]; g < ms[k]-0.02 {
				t.Errorf("%s %s = %.3f, recorded %.3f: dropped more than 0.02", run, k, g, ms[k])
			}
		}
	}
}
