package main

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/corpus"
)

// The clustering set (corpora/clustering): documents grouped by the incident
// each reports, to measure how dossier joins the reports of one incident and
// keeps other incidents apart.
//
//	go run ./tools/corpora clustering [-root corpora] [-shared ../shared] [-check]
//
// It reads corpora/clustering/events.tsv, the committed list of independent
// documents ("event<TAB>url<TAB>note", gold decided by reading them), finds
// each URL's text in corpora/clustering/raw/ (texts collected for this set)
// or in the other corpora (corpora/news/raw/, corpora/encyclopedia/
// wikipedia-with-infobox/), checks every document with
// ../shared/tools/reserved.py, and writes corpora/clustering/docs/ (what
// dossier ingests), gold.tsv and ATTRIBUTION.md. Variants are made here by a
// fixed rule (a hash of the report's URL), never by hand: a copy (the report
// under another Source: URL, with wire furniture added, or abridged to its
// first half) or an undated version (a Wikinews report laid out without its
// Published: line or date line, under a mirror's URL). Variants are at most a third of the
// documents and never count as independent. With -check nothing is written:
// the command fails when docs/ or gold.tsv differ from what it would write.

// Variant kinds in gold.tsv.
const (
	variantNone    = ""
	variantCopy    = "copy"
	variantUndated = "undated"
)

// clusterDoc is one document of the set.
type clusterDoc struct {
	Name    string // file name in docs/, without .txt
	Event   string // gold: the incident the document reports
	Variant string // "", "copy" or "undated"
	Of      string // for a variant: the name of the document it was made from
	Split   string // dev or test: corpus.SplitOf(Event)
	HardNeg string // the event of the set it is a hard negative for, if any
	Source  string // the Source: URL it carries
	From    string // the collected file its text comes from
	Note    string
	Text    string
}

type eventLine struct{ event, url, note string }

func cmdClustering(args []string) error {
	fs := flag.NewFlagSet("clustering", flag.ExitOnError)
	root := fs.String("root", "corpora", "the corpora folder")
	shared := fs.String("shared", "../shared", "the shared folder (reserved.py)")
	check := fs.Bool("check", false, "write nothing; fail if docs/ or gold.tsv are not what the events list gives")
	fs.Parse(args)
	docs, err := buildClustering(*root)
	if err != nil {
		return err
	}
	if err := clusteringReserved(*shared, docs); err != nil {
		return err
	}
	dir := filepath.Join(*root, "clustering")
	if *check {
		if err := clusteringUpToDate(dir, docs); err != nil {
			return err
		}
	} else if err := writeClustering(dir, docs); err != nil {
		return err
	}
	s := clusteringStats(docs)
	fmt.Printf("clustering: %d events (%d with 2+ independent documents; dev %d, test %d), %d independent documents, %d variants (%d copies, %d undated), %d hard negatives\n",
		s.events, s.multi, s.devEvents, s.testEvents, s.independent, s.copies+s.undated, s.copies, s.undated, s.hardNeg)
	return nil
}

func readEvents(path string) ([]eventLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []eventLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		ln := sc.Text()
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		p := strings.Split(ln, "\t")
		if len(p) < 2 || p[0] == "" || p[1] == "" {
			return nil, fmt.Errorf("%s:%d: want event<TAB>url<TAB>note", path, n)
		}
		e := eventLine{event: p[0], url: strings.TrimSpace(p[1])}
		if len(p) > 2 {
			e.note = p[2]
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// sourceIndex maps every Source: URL of the collected texts to its file.
func sourceIndex(root string) (map[string]string, error) {
	idx := map[string]string{}
	for _, d := range []string{
		filepath.Join(root, "clustering", "raw"),
		filepath.Join(root, "news", "raw"),
		filepath.Join(root, "encyclopedia", "wikipedia-with-infobox"),
	} {
		files, err := listTxt(d)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			src, err := corpus.SourceOf(f)
			if err != nil {
				return nil, err
			}
			if prev, ok := idx[src]; ok {
				return nil, fmt.Errorf("%s and %s have the same Source: %s", prev, f, src)
			}
			idx[src] = f
		}
	}
	return idx, nil
}

// buildClustering makes every document of the set in memory.
func buildClustering(root string) ([]clusterDoc, error) {
	lines, err := readEvents(filepath.Join(root, "clustering", "events.tsv"))
	if err != nil {
		return nil, err
	}
	idx, err := sourceIndex(root)
	if err != nil {
		return nil, err
	}
	var docs []clusterDoc
	seen := map[string]bool{}
	for _, l := range lines {
		path, ok := idx[l.url]
		if !ok {
			return nil, fmt.Errorf("events.tsv: no collected text has Source: %s", l.url)
		}
		if seen[l.url] {
			return nil, fmt.Errorf("events.tsv: %s listed twice", l.url)
		}
		seen[l.url] = true
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		d := clusterDoc{
			Name:   strings.TrimSuffix(filepath.Base(path), ".txt"),
			Event:  l.event,
			Split:  corpus.SplitOf(l.event),
			Source: l.url,
			From:   path,
			Note:   l.note,
		}
		if _, h, ok := strings.Cut(l.note, "hard-negative: "); ok {
			d.HardNeg, _, _ = strings.Cut(h, " ")
		}
		report, isNews, err := readCollected(path, string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if isNews {
			d.Text = corpus.Layout(report, corpus.LayoutOf(report.Source))
		} else {
			d.Text = encyclopediaText(path, string(b), report)
		}
		docs = append(docs, d)
		if isNews {
			if v, ok := makeVariant(d, report); ok {
				docs = append(docs, v)
			}
		}
	}
	names := map[string]bool{}
	for _, d := range docs {
		if names[d.Name] {
			return nil, fmt.Errorf("two documents named %s", d.Name)
		}
		names[d.Name] = true
	}
	for _, d := range docs {
		if d.HardNeg != "" && !eventListed(docs, d.HardNeg) {
			return nil, fmt.Errorf("%s: hard negative for %q, which is not an event of the set", d.Name, d.HardNeg)
		}
	}
	s := clusteringStats(docs)
	if 3*(s.copies+s.undated) > len(docs) {
		return nil, fmt.Errorf("%d variants of %d documents: more than a third", s.copies+s.undated, len(docs))
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	return docs, nil
}

func eventListed(docs []clusterDoc, ev string) bool {
	for _, d := range docs {
		if d.Event == ev {
			return true
		}
	}
	return false
}

// readCollected parses a collected text. News reports (Wikinews and its
// mirrors) have Source/License/Title[/Published] headers; so do the
// encyclopedia articles collected for this set (raw/), whose License names
// Wikipedia; the encyclopedia corpus has Source/License then the article.
func readCollected(path, text string) (corpus.Report, bool, error) {
	r, err := corpus.ParseReport(text)
	if err != nil {
		if strings.Contains(filepath.ToSlash(path), "/encyclopedia/") {
			return corpus.Report{}, false, nil
		}
		return r, false, err
	}
	return r, !strings.Contains(r.License, "Wikipedia"), nil
}

// encyclopediaText is what dossier reads for an encyclopedia article: the
// with-infobox layout (Source, License, then the article as stored).
func encyclopediaText(path, text string, r corpus.Report) string {
	if r.Source == "" { // corpora/encyclopedia: already in that layout
		return text
	}
	return fmt.Sprintf("Source: %s\nLicense: %s\n%s\n", r.Source, r.License, strings.TrimRight(strings.TrimLeft(r.Body, "\n"), "\n"))
}

// makeVariant decides by a fixed rule whether a news report gets a variant,
// and makes it: a third of the reports (by the first byte of a hash of the
// URL) get a copy, a third an undated version when the page shows a date.
func makeVariant(d clusterDoc, r corpus.Report) (clusterDoc, bool) {
	sum := sha256.Sum256([]byte("clustering-variant:" + d.Source))
	v := d
	v.Of = d.Name
	v.HardNeg = ""
	v.Note = ""
	switch sum[0] % 3 {
	case 0:
		v.Variant = variantCopy
		v.Name = d.Name + "--copy"
		if sum[1]%2 == 0 {
			v.Source = "https://wire.example.com/world/" + d.Name
			v.Text = string(withFurniture(v.Name+".txt", []byte(replaceSource(d.Text, v.Source))))
			v.Note = "copy with wire furniture"
		} else {
			v.Source = "https://digest.example.org/" + d.Name
			v.Text = abridged(replaceSource(d.Text, v.Source))
			v.Note = "abridged copy (first half)"
		}
	case 1:
		if r.Published == "" {
			return v, false
		}
		v.Variant = variantUndated
		v.Name = d.Name + "--undated"
		// as a mirror that drops the date prints it: under its own URL
		// (dossier takes a changed text under a known URL for a new
		// version of that document)
		v.Source = "https://mirror.example.net/wikinews/" + d.Name
		r.Source = v.Source
		v.Text = undated(r)
		v.Note = "undated: Published line and date line removed"
	default:
		return v, false
	}
	return v, true
}

func replaceSource(text, url string) string {
	lines := strings.Split(text, "\n")
	for i, ln := range lines {
		if strings.HasPrefix(ln, "Source:") {
			lines[i] = "Source: " + url
			break
		}
	}
	return strings.Join(lines, "\n")
}

// undated lays a report out without furniture (the date line included),
// then drops the Published header: the text alone must place it in time.
func undated(r corpus.Report) string {
	var keep []string
	for _, ln := range strings.Split(corpus.Layout(r, corpus.LayoutClean), "\n") {
		if strings.HasPrefix(ln, "Published:") {
			continue
		}
		keep = append(keep, ln)
	}
	return strings.Join(keep, "\n")
}

// abridged keeps the header and the first half (at least three) of the
// body's non-blank lines, as a digest that prints the top of a report.
func abridged(text string) string {
	head, body, _ := strings.Cut(text, "\n\n")
	var lines []string
	for _, ln := range strings.Split(body, "\n") {
		if strings.TrimSpace(ln) != "" {
			lines = append(lines, ln)
		}
	}
	n := (len(lines) + 1) / 2
	if n < 3 {
		n = min(3, len(lines))
	}
	return head + "\n\n" + strings.Join(lines[:n], "\n") + "\n"
}

type clusterStats struct {
	events, multi, devEvents, testEvents  int
	independent, copies, undated, hardNeg int
}

func clusteringStats(docs []clusterDoc) clusterStats {
	var s clusterStats
	indep := map[string]int{}
	for _, d := range docs {
		switch d.Variant {
		case variantCopy:
			s.copies++
		case variantUndated:
			s.undated++
		default:
			s.independent++
			indep[d.Event]++
			if d.HardNeg != "" {
				s.hardNeg++
			}
		}
	}
	s.events = len(indep)
	for ev, n := range indep {
		if n >= 2 {
			s.multi++
		}
		if corpus.SplitOf(ev) == corpus.Dev {
			s.devEvents++
		} else {
			s.testEvents++
		}
	}
	return s
}

// clusteringReserved runs the shared reserved check on every URL, title and
// document of the set (the copies' made-up URLs included).
func clusteringReserved(shared string, docs []clusterDoc) error {
	tmp, err := os.MkdirTemp("", "clustering-reserved")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var urls, files []string
	for _, d := range docs {
		urls = append(urls, d.Source)
		files = append(files, d.From)
		p := filepath.Join(tmp, d.Name+".txt")
		if err := os.WriteFile(p, []byte(d.Text), 0o644); err != nil {
			return err
		}
		files = append(files, p)
	}
	script := filepath.Join(shared, "tools", "reserved.py")
	for _, args := range [][]string{append([]string{script, "--url"}, urls...), append([]string{script}, files...)} {
		out, err := exec.Command("python3", args...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("reserved documents in the clustering set (remove them from events.tsv):\n%s", out)
		}
	}
	return nil
}

func goldTSV(docs []clusterDoc) string {
	var b strings.Builder
	b.WriteString("name\tevent\tvariant\tsplit\thard_negative_for\n")
	for _, d := range docs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", d.Name, d.Event, d.Variant, d.Split, d.HardNeg)
	}
	return b.String()
}

func attributionMD(docs []clusterDoc) string {
	var b strings.Builder
	b.WriteString(`# Clustering set: attribution

Text from English Wikipedia and Simple English Wikipedia articles, by
Wikipedia contributors, licensed under CC BY-SA 4.0
(https://creativecommons.org/licenses/by-sa/4.0/), and from Wikinews
reports, by Wikinews contributors, licensed under CC BY 2.5
(https://creativecommons.org/licenses/by/2.5/). A few reports were taken
from Wikinews mirrors that credit Wikinews. Each document's first line
gives the page it was taken from.

Changes: excerpt (stored copies stop near 2,000 characters, often
mid-word); reports laid out as in corpora/news (page furniture removed from
about two thirds); made by tools/corpora: copies (the same report under a
made-up example.com/example.org URL, with wire furniture written by the
tool, or abridged to the first half of its lines) and undated versions (the
Published line and the date line removed, under a made-up example.net
mirror URL). Variants are listed with the
document they were made from.

| file | from | variant |
|---|---|---|
`)
	for _, d := range docs {
		src := d.Source
		if d.Variant != variantNone {
			src = "made from " + d.Of + ".txt"
		}
		fmt.Fprintf(&b, "| %s.txt | %s | %s |\n", d.Name, src, d.Variant)
	}
	return b.String()
}

func writeClustering(dir string, docs []clusterDoc) error {
	out := filepath.Join(dir, "docs")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, d := range docs {
		keep[d.Name+".txt"] = true
		if err := os.WriteFile(filepath.Join(out, d.Name+".txt"), []byte(d.Text), 0o644); err != nil {
			return err
		}
	}
	old, _ := filepath.Glob(filepath.Join(out, "*.txt"))
	for _, f := range old {
		if !keep[filepath.Base(f)] {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "gold.tsv"), []byte(goldTSV(docs)), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "ATTRIBUTION.md"), []byte(attributionMD(docs)), 0o644)
}

// clusteringUpToDate tells whether docs/, gold.tsv and ATTRIBUTION.md are
// exactly what the events list gives.
func clusteringUpToDate(dir string, docs []clusterDoc) error {
	var stale []string
	want := map[string]bool{}
	for _, d := range docs {
		want[d.Name+".txt"] = true
		b, err := os.ReadFile(filepath.Join(dir, "docs", d.Name+".txt"))
		if err != nil || string(b) != d.Text {
			stale = append(stale, "docs/"+d.Name+".txt")
		}
	}
	have, _ := filepath.Glob(filepath.Join(dir, "docs", "*.txt"))
	for _, f := range have {
		if !want[filepath.Base(f)] {
			stale = append(stale, "docs/"+filepath.Base(f)+" (not in the set)")
		}
	}
	for name, text := range map[string]string{"gold.tsv": goldTSV(docs), "ATTRIBUTION.md": attributionMD(docs)} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != text {
			stale = append(stale, name)
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		return errors.New("corpora/clustering is not up to date (go run ./tools/corpora clustering): " + strings.Join(stale, ", "))
	}
	return nil
}
