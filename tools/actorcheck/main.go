// Command actorcheck measures the hygiene of extracted actor names: it
// reads `dossier extract --format jsonl` output and prints how many
// distinct actors names.Problem flags (verb phrases, fragments, generic
// descriptions, lists), by reason, with examples.
//
//	go run ./tools/actorcheck OUT.jsonl...
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/names"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		slog.Error("actorcheck", "err", err)
		os.Exit(1)
	}
}

func run(paths []string, w io.Writer) error {
	if len(paths) == 0 {
		return fmt.Errorf("usage: actorcheck OUT.jsonl...")
	}
	seen := map[string]bool{}
	byReason := map[string][]string{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var line struct {
				Actors []struct {
					Name string `json:"name"`
				} `json:"actors"`
			}
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				f.Close()
				return fmt.Errorf("%s: %w", p, err)
			}
			for _, a := range line.Actors {
				if seen[a.Name] {
					continue
				}
				seen[a.Name] = true
				if r := names.Problem(a.Name); r != "" {
					byReason[r] = append(byReason[r], a.Name)
				}
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	flagged := 0
	for _, v := range byReason {
		flagged += len(v)
	}
	fmt.Fprintf(w, "actors: %d distinct names, %d flagged (%.1f%%)\n", len(seen), flagged, 100*float64(flagged)/float64(max(1, len(seen))))
	reasons := make([]string, 0, len(byReason))
	for r := range byReason {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		v := byReason[r]
		sort.Strings(v)
		fmt.Fprintf(w, "  %-9s %4d  e.g. %s\n", r, len(v), strings.Join(v[:min(6, len(v))], " | "))
	}
	return nil
}
