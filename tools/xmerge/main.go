// Command xmerge scores the cross-language merge: whether each Arabic
// document of corpora/arabic/merge/events.tsv joins the incident of the
// English documents of its event, and whether any joins another event's.
//
//	go run ./tools/xmerge -events corpora/arabic/merge/events.tsv -incidents FILE.jsonl [-split dev|test|all]
//
// FILE.jsonl is `dossier incidents --format jsonl --include-mentions` of a
// knowledge base into which every document of the list was ingested. A
// document's own incident is the incident whose sources list it with role
// "report" (matched by its path, else by its base name). An Arabic
// document of an event that has English documents has joined when its own
// incident is the own incident of one of them; a false merge is an Arabic
// document whose own incident is also the own incident of a document of
// another event of the list (the hard negatives are events of their own).
// The split of an event is that of its Arabic document's Source: URL
// (internal/corpus.SplitOf), the rule of every corpus here; -split test
// prints figures only, never documents.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/corpus"
)

type doc struct {
	event, lang, path string
}

func main() {
	events := flag.String("events", "corpora/arabic/merge/events.tsv", "the merge list")
	incidents := flag.String("incidents", "", "dossier incidents --format jsonl --include-mentions")
	split := flag.String("split", "all", "dev, test or all")
	flag.Parse()
	if *incidents == "" {
		fmt.Fprintln(os.Stderr, "xmerge: -incidents is required")
		os.Exit(2)
	}
	if err := run(os.Stdout, *events, *incidents, *split); err != nil {
		fmt.Fprintln(os.Stderr, "xmerge:", err)
		os.Exit(1)
	}
}

func readEvents(p string) ([]doc, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []doc
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 || (parts[1] != "ar" && parts[1] != "en") {
			return nil, fmt.Errorf("%s:%d: want EVENT<TAB>ar|en<TAB>PATH, got %q", p, n, line)
		}
		out = append(out, doc{event: parts[0], lang: parts[1], path: parts[2]})
	}
	return out, sc.Err()
}

type incident struct {
	ID      string `json:"id"`
	Sources []struct {
		Path *string `json:"path"`
		Role string  `json:"role"`
	} `json:"sources"`
}

// ownIncidents maps each reported document (by path and by base name) to
// its own incident.
func ownIncidents(r io.Reader) (byPath, byBase map[string]string, err error) {
	byPath, byBase = map[string]string{}, map[string]string{}
	dec := json.NewDecoder(r)
	for {
		var in incident
		if err := dec.Decode(&in); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, fmt.Errorf("incidents: %w", err)
		}
		for _, s := range in.Sources {
			if s.Role != "report" || s.Path == nil {
				continue
			}
			byPath[path.Clean(*s.Path)] = in.ID
			byBase[path.Base(*s.Path)] = in.ID
		}
	}
	return byPath, byBase, nil
}

func run(w io.Writer, eventsPath, incidentsPath, split string) error {
	docs, err := readEvents(eventsPath)
	if err != nil {
		return err
	}
	f, err := os.Open(incidentsPath)
	if err != nil {
		return err
	}
	defer f.Close()
	byPath, byBase, err := ownIncidents(f)
	if err != nil {
		return err
	}
	own := func(p string) string {
		if id, ok := byPath[path.Clean(p)]; ok {
			return id
		}
		return byBase[path.Base(p)]
	}
	// every document's event, by its own incident
	eventsOf := map[string]map[string]bool{}
	for _, d := range docs {
		if id := own(d.path); id != "" {
			if eventsOf[id] == nil {
				eventsOf[id] = map[string]bool{}
			}
			eventsOf[id][d.event] = true
		}
	}
	english := map[string][]doc{}
	for _, d := range docs {
		if d.lang == "en" {
			english[d.event] = append(english[d.event], d)
		}
	}
	var pos, joined, arabic, falseMerge, noIncident int
	var misses, wrong []string
	for _, d := range docs {
		if d.lang != "ar" {
			continue
		}
		src, err := corpus.SourceOf(d.path)
		if err != nil {
			return err
		}
		if sp := corpus.SplitOf(src); split != "all" && sp != split {
			continue
		}
		arabic++
		id := own(d.path)
		if id == "" {
			noIncident++
		}
		if ens := english[d.event]; len(ens) > 0 {
			pos++
			ok := false
			for _, e := range ens {
				if id != "" && own(e.path) == id {
					ok = true
				}
			}
			if ok {
				joined++
			} else {
				misses = append(misses, d.event+" "+path.Base(d.path))
			}
		}
		if id != "" {
			for ev := range eventsOf[id] {
				if ev != d.event {
					falseMerge++
					wrong = append(wrong, fmt.Sprintf("%s joined %s", path.Base(d.path), ev))
					break
				}
			}
		}
	}
	pct := 0.0
	if pos > 0 {
		pct = 100 * float64(joined) / float64(pos)
	}
	fmt.Fprintf(w, "cross-language merge, %s: %d of %d Arabic documents joined the English documents of their event (%.1f%%); %d false merges among %d Arabic documents; %d without an incident of their own\n",
		split, joined, pos, pct, falseMerge, arabic, noIncident)
	if split != "test" {
		sort.Strings(misses)
		sort.Strings(wrong)
		for _, m := range misses {
			fmt.Fprintln(w, "  not joined:", m)
		}
		for _, m := range wrong {
			fmt.Fprintln(w, "  false merge:", m)
		}
	}
	return nil
}
