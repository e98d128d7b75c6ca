// Command bcubed scores how dossier groups documents into incidents against
// the clustering set's gold (corpora/clustering/gold.tsv), with B-cubed
// precision and recall over each document's own incident.
//
//	go run ./tools/bcubed -gold corpora/clustering/gold.tsv -incidents FILE.jsonl [-split dev|test|all]
//
// FILE.jsonl is `dossier incidents --format jsonl --include-mentions`. A
// document's own incident is the incident in whose sources it appears with
// role "report" (matched by the base name of its path). A document with no
// own incident (for example one waiting in the review queue) is a cluster of
// its own for B-cubed, and is counted apart. For every document d of the
// gold, with C(d) its predicted cluster and G(d) its gold event,
// precision(d) = |C(d) ∩ G(d)| / |C(d)| and recall(d) = |C(d) ∩ G(d)| / |G(d)|,
// both counted over the documents of the gold in the split; the figures are
// their means. They are printed for all documents and for the independent
// documents alone (variants left out), then what became of the undated
// variants (joined their event's incident, formed an incident of their own,
// wait) and of the copies (listed with copy_of set; a variant named
// NAME--copy was made from NAME, so a pair whose original carries copy_of
// instead is counted apart, as are independent documents listed as copies).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// goldDoc is one line of gold.tsv.
type goldDoc struct {
	Name, Event, Variant, Split string
}

type source struct {
	Path   *string `json:"path"`
	URL    string  `json:"url"`
	Role   string  `json:"role"`
	CopyOf *string `json:"copy_of"`
}

type incident struct {
	ID      string   `json:"id"`
	Sources []source `json:"sources"`
}

func main() {
	goldPath := flag.String("gold", "corpora/clustering/gold.tsv", "the clustering set's gold")
	incPath := flag.String("incidents", "", "dossier incidents --format jsonl --include-mentions")
	split := flag.String("split", "all", "dev, test or all")
	flag.Parse()
	if *incPath == "" {
		fmt.Fprintln(os.Stderr, "usage: bcubed -gold gold.tsv -incidents FILE.jsonl [-split dev|test|all]")
		os.Exit(2)
	}
	if err := run(*goldPath, *incPath, *split, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bcubed:", err)
		os.Exit(1)
	}
}

func run(goldPath, incPath, split string, w io.Writer) error {
	if split != "all" && split != "dev" && split != "test" {
		return fmt.Errorf("-split %q: want dev, test or all", split)
	}
	gf, err := os.Open(goldPath)
	if err != nil {
		return err
	}
	defer gf.Close()
	gold, err := readGold(gf)
	if err != nil {
		return err
	}
	inf, err := os.Open(incPath)
	if err != nil {
		return err
	}
	defer inf.Close()
	incs, err := readIncidents(inf)
	if err != nil {
		return err
	}
	var docs []goldDoc
	for _, d := range gold {
		if split == "all" || d.Split == split {
			docs = append(docs, d)
		}
	}
	r := score(docs, incs)
	r.print(w, split)
	return nil
}

func readGold(r io.Reader) ([]goldDoc, error) {
	var out []goldDoc
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		ln := sc.Text()
		if ln == "" || strings.HasPrefix(ln, "#") || strings.HasPrefix(ln, "name\t") {
			continue
		}
		p := strings.Split(ln, "\t")
		if len(p) < 3 {
			return nil, fmt.Errorf("gold line %d: want name<TAB>event<TAB>variant[<TAB>split]", n)
		}
		d := goldDoc{Name: p[0], Event: p[1], Variant: p[2]}
		if len(p) > 3 {
			d.Split = p[3]
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		return nil, errors.New("empty gold")
	}
	return out, sc.Err()
}

func readIncidents(r io.Reader) ([]incident, error) {
	var out []incident
	dec := json.NewDecoder(r)
	for {
		var inc incident
		if err := dec.Decode(&inc); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("incidents: %w", err)
		}
		out = append(out, inc)
	}
	return out, nil
}

// docName is the gold name of a source: the base name of its path without
// .txt.
func docName(s source) string {
	if s.Path == nil || *s.Path == "" {
		return ""
	}
	return strings.TrimSuffix(path.Base(strings.ReplaceAll(*s.Path, `\`, "/")), ".txt")
}

// prf is a B-cubed figure.
type prf struct {
	P, R, F float64
	N       int
}

type result struct {
	All, Independent prf
	Docs             int
	NoOwn            int // documents with no own incident (wait)
	MultiOwn         int // documents reported by more than one incident
	UndatedN         int
	UndatedJoined    int // in the incident of an independent report of their event
	UndatedOwn       int // in an incident whose only reports are undated variants
	UndatedWaiting   int // no own incident
	CopiesN          int
	CopiesListed     int // listed with copy_of set
	CopiesReversed   int // not listed as a copy, but the document it was made from is
	IndepAsCopy      int // independent documents listed with copy_of set
}

// score computes the B-cubed figures and the variant counts.
func score(docs []goldDoc, incs []incident) result {
	own := map[string]string{}          // document → its own incident
	incReports := map[string][]string{} // incident → every document it reports
	copyListed := map[string]bool{}
	ownCount := map[string]int{}
	for _, inc := range incs {
		seen := map[string]bool{}
		for _, s := range inc.Sources {
			n := docName(s)
			if n == "" {
				continue
			}
			if s.CopyOf != nil && *s.CopyOf != "" {
				copyListed[n] = true
			}
			if s.Role != "report" || seen[n] {
				continue
			}
			seen[n] = true
			incReports[inc.ID] = append(incReports[inc.ID], n)
			ownCount[n]++
			if _, ok := own[n]; !ok { // the first incident that reports it
				own[n] = inc.ID
			}
		}
	}
	var res result
	res.Docs = len(docs)
	for _, d := range docs {
		id, ok := own[d.Name]
		if !ok {
			id = "\x00wait:" + d.Name // a cluster of its own
			own[d.Name] = id
			res.NoOwn++
		}
		if ownCount[d.Name] > 1 {
			res.MultiOwn++
		}
	}
	res.All = bcubed(docs, own, func(goldDoc) bool { return true })
	res.Independent = bcubed(docs, own, func(d goldDoc) bool { return d.Variant == "" })

	byName := map[string]goldDoc{}
	for _, d := range docs {
		byName[d.Name] = d
	}
	for _, d := range docs {
		switch d.Variant {
		case "copy":
			res.CopiesN++
			if copyListed[d.Name] {
				res.CopiesListed++
			} else if copyListed[strings.TrimSuffix(d.Name, "--copy")] {
				res.CopiesReversed++
			}
		case "":
			if copyListed[d.Name] {
				res.IndepAsCopy++
			}
		case "undated":
			res.UndatedN++
			id := own[d.Name]
			if strings.HasPrefix(id, "\x00wait:") {
				res.UndatedWaiting++
				continue
			}
			// every report of the incident, in the split or not
			joined, onlyUndated := false, true
			for _, m := range incReports[id] {
				g, inGold := byName[m]
				if !inGold || g.Variant != "undated" {
					onlyUndated = false
				}
				if inGold && g.Variant == "" && g.Event == d.Event {
					joined = true
				}
			}
			if joined {
				res.UndatedJoined++
			} else if onlyUndated {
				res.UndatedOwn++
			}
		}
	}
	return res
}

// bcubed is the mean B-cubed precision and recall over the documents keep
// selects, clusters and events restricted to those documents.
func bcubed(docs []goldDoc, own map[string]string, keep func(goldDoc) bool) prf {
	var items []goldDoc
	for _, d := range docs {
		if keep(d) {
			items = append(items, d)
		}
	}
	cluster := map[string][]goldDoc{}
	event := map[string]int{}
	for _, d := range items {
		cluster[own[d.Name]] = append(cluster[own[d.Name]], d)
		event[d.Event]++
	}
	var out prf
	out.N = len(items)
	if out.N == 0 {
		return out
	}
	for _, d := range items {
		c := cluster[own[d.Name]]
		both := 0
		for _, e := range c {
			if e.Event == d.Event {
				both++
			}
		}
		out.P += float64(both) / float64(len(c))
		out.R += float64(both) / float64(event[d.Event])
	}
	out.P /= float64(out.N)
	out.R /= float64(out.N)
	if out.P+out.R > 0 {
		out.F = 2 * out.P * out.R / (out.P + out.R)
	}
	return out
}

func (r result) print(w io.Writer, split string) {
	fmt.Fprintf(w, "== clustering (%s): %d documents\n", split, r.Docs)
	for _, row := range []struct {
		name string
		v    prf
	}{{"all documents", r.All}, {"independent only", r.Independent}} {
		fmt.Fprintf(w, "%-18s B-cubed P %.3f  R %.3f  F1 %.3f  (n=%d)\n", row.name, row.v.P, row.v.R, row.v.F, row.v.N)
	}
	fmt.Fprintf(w, "no own incident (waiting, counted as singletons): %d; reported by more than one incident: %d\n", r.NoOwn, r.MultiOwn)
	fmt.Fprintf(w, "undated variants: %d joined their event's incident, %d formed an incident of their own, %d wait (of %d)\n",
		r.UndatedJoined, r.UndatedOwn, r.UndatedWaiting, r.UndatedN)
	fmt.Fprintf(w, "copies: %d listed with copy_of set (of %d); %d more whose original is listed as the copy instead; independent documents listed as copies: %d\n",
		r.CopiesListed, r.CopiesN, r.CopiesReversed, r.IndepAsCopy)
}
