package main

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// TestPerpetratorsReproducible trains the perpetrator model again from the
// committed corpus and requires the committed weights byte for byte. When
// it fails after a change to the extractor, run
// `go run ./tools/train perpetrators` and commit the new file.
func TestPerpetratorsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model (a few seconds)")
	}
	want, err := os.ReadFile("../../internal/extract/data/perp-model.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := trainPerpetrators(t.Context(), "../../corpora", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("training gives another model than internal/extract/data/perp-model.json (%d bytes, committed %d): run `go run ./tools/train perpetrators`", len(got), len(want))
	}
}

// TestTargetsReproducible: the same for the target model
// (`go run ./tools/train targets`).
func TestTargetsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model (a few seconds)")
	}
	want, err := os.ReadFile("../../internal/extract/data/target-model.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := trainTargets(t.Context(), "../../corpora", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("training gives another model than internal/extract/data/target-model.json (%d bytes, committed %d): run `go run ./tools/train targets`", len(got), len(want))
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
