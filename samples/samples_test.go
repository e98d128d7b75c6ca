package samples

import (
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, f := range files {
		switch {
		case strings.HasPrefix(f.Path, "samples/wikipedia/"):
			counts["wikipedia"]++
			if !strings.Contains(string(f.Data[:200]), "License: CC BY-SA 4.0") {
				t.Errorf("%s: no licence line", f.Path)
			}
		case strings.HasPrefix(f.Path, "samples/arabic/"):
			counts["arabic"]++
			if !strings.Contains(string(f.Data[:400]), "License: CC BY-SA 4.0") || !strings.Contains(string(f.Data[:200]), "Source: https://ar.wikipedia.org/wiki/") {
				t.Errorf("%s: no licence or source line", f.Path)
			}
		case strings.HasPrefix(f.Path, "samples/news/"):
			counts["news"]++
			if !strings.Contains(string(f.Data[:300]), "License: CC BY 2.5") {
				t.Errorf("%s: no licence line", f.Path)
			}
		default:
			counts["seed"]++
		}
	}
	if counts["seed"] != 1 || counts["wikipedia"] != 45 || counts["news"] != 14 || counts["arabic"] != 4 || files[0].Path != "samples/kadhimi-assassination-attempt.txt" {
		t.Errorf("corpus: %v, first %s", counts, files[0].Path)
	}
	if a := Attribution(); !strings.Contains(a, "CC BY-SA 4.0") || !strings.Contains(a, "CC BY 2.5") {
		t.Error("the attribution lacks a licence")
	}
}
