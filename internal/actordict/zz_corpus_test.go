package actordict

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestCorpusDump(t *testing.T) {
	d := mustDefault(t)
	files, _ := filepath.Glob("../../../shared/corpus/*/*.txt")
	counts := map[string]int{}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		for _, m := range d.Find(string(data)) {
			counts[fmt.Sprintf("%-35q -> %s [%s %s]", m.Surface, m.Entry.Name, m.Entry.Kind, m.Entry.Source)]++
		}
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%4d %s\n", counts[k], k)
	}
}
