package main

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// TestModelsReproducible trains each model again from the committed
// corpus and requires the committed weights byte for byte. When it fails
// after a change to the extractor, run `go run ./tools/train TASK` and
// commit the new file.
func TestModelsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the models (a few seconds each)")
	}
	for task, train := range trainers {
		t.Run(task, func(t *testing.T) {
			want, err := os.ReadFile("../../" + modelFile[task])
			if err != nil {
				t.Fatal(err)
			}
			got, err := train(t.Context(), "../../corpora", io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("training gives another model than %s (%d bytes, committed %d): run `go run ./tools/train %s`", modelFile[task], len(got), len(want), task)
			}
		})
	}
}

// TestNameMatching holds the port of score.py's name rules to the cases
// the labels depend on.
func TestNameMatching(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Jama'at Nasr al-Islam wal-Muslimin", "Jama'at Nasr al-Islam wal Muslimin", true},
		{"ISIL", "Islamic State", true},
		{"Islamic State", "Islamic State of Iraq and the Levant", true},
		{"Kata'ib Hezbollah militia", "Kata'ib Hezbollah", true},
		{"Iran-backed militias", "Iran", false},
		{"Anti-balaka militias", "Anti-balaka", true},
		{"Sri Lanka", "Sri Lankan Army", false},
		{"Taliban", "Pakistani Taliban", false},
	} {
		if got := sameName(c.a, c.b); got != c.same {
			t.Errorf("sameName(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
