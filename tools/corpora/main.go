// Command corpora builds dossier's evaluation corpora under corpora/ from
// the texts collected there, and lists their fixed dev/test split.
//
//	go run ./tools/corpora build   [-root corpora] [-shared ../shared]
//	go run ./tools/corpora gold    -in DIR -out GOLDDIR [-shared ../shared]
//	go run ./tools/corpora split   [-root corpora]
//	go run ./tools/corpora clustering [-root corpora] [-check]
//
// build: for the encyclopedia set, writes the prose-only variant of every
// article (corpora/encyclopedia/wikipedia/) and its gold from its own
// infobox (corpora/encyclopedia/gold/, then ../shared/tools/attest.py for
// in_prose); for the news set, lays out every collected report
// (corpora/news/raw/ → corpora/news/wikinews/). Both sets get an
// ATTRIBUTION.md. Every document is checked against
// ../shared/tools/reserved.py first and a reserved one stops the build.
// Hand-written news gold (corpora/news/gold/) is never touched. For the
// Arabic encyclopedia set (corpora/arabic/encyclopedia, see arabic.go),
// lays out every collected page (raw/ → wikipedia-with-infobox/ and
// wikipedia/) and generates its gold the same way.
//
// gold: the infobox gold generator alone, for any folder of with-infobox
// articles (the test runs it on ../shared/corpus/wikipedia-with-infobox).
//
// split: prints "SET<TAB>SPLIT<TAB>NAME" for every document.
//
// clustering: builds the clustering set, corpora/clustering (see
// clustering.go).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/corpus"
	"github.com/dossier-project/dossier/internal/gazetteer"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "build":
		err = cmdBuild(os.Args[2:])
	case "gold":
		err = cmdGold(os.Args[2:])
	case "split":
		err = cmdSplit(os.Args[2:])
	case "furniture":
		err = cmdFurniture(os.Args[2:])
	case "clustering":
		err = cmdClustering(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpora:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: corpora build|gold|split|furniture|clustering [flags]  (see go doc ./tools/corpora)")
	os.Exit(2)
}

func cmdBuild(args []string) error {
	fs := flag.NewFlagSet("build", flag.ExitOnError)
	root := fs.String("root", "corpora", "the corpora folder")
	shared := fs.String("shared", "../shared", "the shared folder (attest.py, reserved.py)")
	fs.Parse(args)
	enc := filepath.Join(*root, "encyclopedia")
	news := filepath.Join(*root, "news")
	if err := checkReserved(*shared, filepath.Join(enc, "wikipedia-with-infobox"), filepath.Join(news, "raw")); err != nil {
		return err
	}
	if err := buildProse(enc); err != nil {
		return err
	}
	if err := generateGold(filepath.Join(enc, "wikipedia-with-infobox"), filepath.Join(enc, "gold"), enc, *shared); err != nil {
		return err
	}
	if err := encyclopediaAttribution(enc); err != nil {
		return err
	}
	if err := buildNews(news); err != nil {
		return err
	}
	// the Arabic news set is written by hand (corpora/arabic/news/README.md):
	// nothing to generate, but nothing reserved may enter it
	if err := checkReserved(*shared, filepath.Join(*root, "arabic", "news", "raw"), filepath.Join(*root, "arabic", "news", "docs")); err != nil {
		return err
	}
	return buildArabicEncyclopedia(filepath.Join(*root, "arabic", "encyclopedia"), *shared)
}

func cmdGold(args []string) error {
	fs := flag.NewFlagSet("gold", flag.ExitOnError)
	in := fs.String("in", "", "folder of with-infobox articles")
	out := fs.String("out", "", "folder to write the gold to")
	prose := fs.String("prose", "", "folder holding wikipedia/<name>.txt prose-only documents, for attest.py (default: the parent of -in)")
	shared := fs.String("shared", "../shared", "the shared folder (attest.py)")
	fs.Parse(args)
	if *in == "" || *out == "" {
		return errors.New("gold: -in and -out are required")
	}
	if *prose == "" {
		*prose = filepath.Dir(*in)
	}
	return generateGold(*in, *out, *prose, *shared)
}

func cmdSplit(args []string) error {
	fs := flag.NewFlagSet("split", flag.ExitOnError)
	root := fs.String("root", "corpora", "the corpora folder")
	fs.Parse(args)
	for _, set := range []struct{ name, dir string }{
		{"encyclopedia", filepath.Join(*root, "encyclopedia", "wikipedia-with-infobox")},
		{"news", filepath.Join(*root, "news", "wikinews")},
		{"ar-encyclopedia", filepath.Join(*root, "arabic", "encyclopedia", "wikipedia-with-infobox")},
		{"ar-news", filepath.Join(*root, "arabic", "news", "docs")},
	} {
		docs, err := listTxt(set.dir)
		if err != nil {
			return err
		}
		for _, p := range docs {
			src, err := corpus.SourceOf(p)
			if err != nil {
				return err
			}
			fmt.Printf("%s\t%s\t%s\n", set.name, corpus.SplitOf(src), strings.TrimSuffix(filepath.Base(p), ".txt"))
		}
	}
	return nil
}

func listTxt(dir string) ([]string, error) {
	m, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(m)
	return m, nil
}

// checkReserved runs the shared reserved-document check on every file.
func checkReserved(shared string, dirs ...string) error {
	var files []string
	for _, d := range dirs {
		f, err := listTxt(d)
		if err != nil {
			return err
		}
		files = append(files, f...)
	}
	if len(files) == 0 {
		return nil
	}
	cmd := exec.Command("python3", append([]string{filepath.Join(shared, "tools", "reserved.py")}, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("reserved documents in the corpora (remove them):\n%s", out)
	}
	return nil
}

func buildProse(enc string) error {
	files, err := listTxt(filepath.Join(enc, "wikipedia-with-infobox"))
	if err != nil {
		return err
	}
	outDir := filepath.Join(enc, "wikipedia")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		p, err := corpus.ProseOnly(string(b))
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if err := os.WriteFile(filepath.Join(outDir, filepath.Base(f)), []byte(p), 0o644); err != nil {
			return err
		}
	}
	return removeStale(outDir, files, ".txt")
}

// removeStale deletes outputs whose input is gone.
func removeStale(dir string, inputs []string, ext string) error {
	keep := map[string]bool{}
	for _, f := range inputs {
		keep[strings.TrimSuffix(filepath.Base(f), ".txt")] = true
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
	for _, f := range m {
		if !keep[strings.TrimSuffix(filepath.Base(f), ext)] {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// generateGold writes one gold file per article of in, then runs attest.py
// with the prose-only documents under proseRoot/wikipedia/.
func generateGold(in, out, proseRoot, shared string) error {
	gz, err := gazetteer.Default()
	if err != nil {
		return err
	}
	files, err := listTxt(in)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		g, err := corpus.Generate("wikipedia/"+name+".txt", string(b), gz)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(g); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name+".json"), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if err := removeStale(out, files, ".json"); err != nil {
		return err
	}
	cmd := exec.Command("python3", filepath.Join(shared, "tools", "attest.py"), "--corpus", proseRoot, out)
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("attest.py: %v\n%s", err, o)
	}
	return nil
}

func encyclopediaAttribution(enc string) error {
	files, err := listTxt(filepath.Join(enc, "wikipedia-with-infobox"))
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(`# Encyclopedia set: attribution

Text from English Wikipedia articles, by Wikipedia contributors, licensed
under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Each
file's first line gives its article's URL.

Changes: excerpt (the stored copy stops near 2,000 characters, often
mid-word); infobox flattened to "- Key: value" lines; page furniture removed.
The files under wikipedia/ are the same articles with the title line and
the infobox removed (made by tools/corpora). The gold under gold/ is
derived from each article's own infobox by tools/corpora; it is licensed
like the text it comes from.

| file | article |
|---|---|
`)
	for _, f := range files {
		src, err := corpus.SourceOf(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "| %s | %s |\n", filepath.Base(f), src)
	}
	return os.WriteFile(filepath.Join(enc, "ATTRIBUTION.md"), []byte(b.String()), 0o644)
}

func buildNews(news string) error {
	files, err := listTxt(filepath.Join(news, "raw"))
	if err != nil {
		return err
	}
	outDir := filepath.Join(news, "wikinews")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(`# News set: attribution

Text from Wikinews reports, by Wikinews contributors, licensed under
CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/). Each file's first
line gives the page it was taken from (a few are Wikinews mirrors).

Changes: excerpt (the stored copy stops near 2,000 characters). raw/ holds
each page as stored with Source, License, Title and, when the page shows
it, Published header lines. wikinews/ is made from raw/ by tools/corpora:
about two thirds of the reports have their page furniture removed (the
"From Wikinews" line, navigation, the date line now in the Published
header, related-news and archive notices); the others keep the page as
stored ("page" layout). The gold under gold/ was written by hand from the
reports before the extractor ran on them.

| file | layout | published | report |
|---|---|---|---|
`)
	var names []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		r, err := corpus.ParseReport(string(raw))
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		layout := corpus.LayoutOf(r.Source)
		if err := os.WriteFile(filepath.Join(outDir, filepath.Base(f)), []byte(corpus.Layout(r, layout)), 0o644); err != nil {
			return err
		}
		pub := r.Published
		if pub == "" {
			pub = "—"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", filepath.Base(f), layout, pub, r.Source)
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".txt"))
	}
	if err := removeStale(outDir, files, ".txt"); err != nil {
		return err
	}
	// every report needs its hand-written gold, and every gold its report
	golds, _ := filepath.Glob(filepath.Join(news, "gold", "*.json"))
	var missing []string
	for _, n := range names {
		if !slices.Contains(golds, filepath.Join(news, "gold", n+".json")) {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("news reports without gold: %s", strings.Join(missing, ", "))
	}
	return os.WriteFile(filepath.Join(news, "ATTRIBUTION.md"), []byte(b.String()), 0o644)
}
