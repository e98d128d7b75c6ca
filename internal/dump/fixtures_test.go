package dump

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The dump fixtures in testdata are made from the corpus documents that
// have an infobox, written back as wikitext pages. Regenerate them with
//
//	go test ./internal/dump -run TestGenerateFixtures -generate
//
// which needs ../shared (the project's shared folder beside the repository)
// and the bzip2 command.
var generate = flag.Bool("generate", false, "regenerate the corpus dump fixtures in testdata")

const corpusDir = "../../../shared/corpus/wikipedia-with-infobox"

// corpusDoc is one corpus file read back into its parts.
type corpusDoc struct {
	file   string
	title  string
	fields [][2]string // key as shown, value
	body   []string    // non-empty lines after the infobox
}

var (
	headingRe = regexp.MustCompile(`^(=+)\s*(.*?)\s*(=+)$`)
	markerRe  = regexp.MustCompile(`\[(\d+)\]`)
)

// readCorpusDoc parses a corpus file: Source and License lines, then either
// "= Title =", an infobox header and "- Key: Value" lines, or scraped text.
func readCorpusDoc(path string) (corpusDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return corpusDoc{}, err
	}
	d := corpusDoc{file: filepath.Base(path)}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "Source: ") {
		return d, fmt.Errorf("%s: no Source line", path)
	}
	src := strings.TrimPrefix(lines[0], "Source: ")
	if i := strings.Index(src, "title="); i >= 0 {
		d.title = strings.ReplaceAll(src[i+6:], "_", " ")
	} else {
		d.title = strings.ReplaceAll(src[strings.LastIndex(src, "/")+1:], "_", " ")
	}
	rest := lines[2:]
	if len(rest) > 0 && strings.HasPrefix(rest[0], "= ") && strings.HasSuffix(rest[0], " =") {
		d.title = strings.TrimSuffix(strings.TrimPrefix(rest[0], "= "), " =")
		rest = rest[1:]
		for len(rest) > 0 && strings.TrimSpace(rest[0]) == "" {
			rest = rest[1:]
		}
		if len(rest) > 1 && strings.HasPrefix(rest[1], "- ") {
			rest = rest[1:] // the infobox header line
			for len(rest) > 0 && strings.HasPrefix(rest[0], "- ") {
				k, v, ok := strings.Cut(rest[0][2:], ": ")
				if !ok {
					k, v = strings.TrimSuffix(rest[0][2:], ":"), ""
				}
				d.fields = append(d.fields, [2]string{k, v})
				rest = rest[1:]
			}
		}
	}
	for _, l := range rest {
		if strings.TrimSpace(l) != "" {
			d.body = append(d.body, strings.TrimSpace(l))
		}
	}
	return d, nil
}

// escapeWiki writes text so that it renders back unchanged: the characters
// wikitext gives meaning to become numeric entities.
func escapeWiki(s string, lineStart bool) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("&<>[]{}'|~_", r):
			fmt.Fprintf(&b, "&#%d;", r)
		case i == 0 && lineStart && strings.ContainsRune("*#:;= ", r):
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wikitextOf writes a corpus document as a wikitext page.
func (d corpusDoc) wikitextOf() string {
	var b strings.Builder
	if len(d.fields) > 0 {
		name := "Infobox civilian attack"
		for _, f := range d.fields {
			if strings.HasPrefix(f[0], "Combatant") || strings.HasPrefix(f[0], "Commander") || f[0] == "Conflict" {
				name = "Infobox military conflict"
			}
		}
		b.WriteString("{{" + name + "\n")
		for _, f := range d.fields {
			param := strings.ToLower(strings.ReplaceAll(f[0], " ", "_"))
			b.WriteString("| " + param + " = " + escapeWiki(f[1], false) + "\n")
		}
		b.WriteString("}}\n")
	}
	for _, l := range d.body {
		if m := headingRe.FindStringSubmatch(l); m != nil && len(m[1]) == len(m[3]) && len(m[1]) >= 2 {
			b.WriteString("\n" + m[1] + " " + escapeWiki(m[2], false) + " " + m[3] + "\n")
			continue
		}
		// Reference markers become references, numbered back on rendering.
		var out strings.Builder
		last := 0
		for _, m := range markerRe.FindAllStringSubmatchIndex(l, -1) {
			out.WriteString(escapeWiki(l[last:m[0]], last == 0))
			n := l[m[2]:m[3]]
			fmt.Fprintf(&out, "<ref name=\"c%s\">Reference %s of the corpus document.</ref>", n, n)
			last = m[1]
		}
		out.WriteString(escapeWiki(l[last:], last == 0))
		b.WriteString("\n" + out.String() + "\n")
	}
	b.WriteString("\n[[Category:Corpus fixtures]]\n")
	return b.String()
}

const siteinfo = `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">
  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>enwiki</dbname>
    <base>https://en.wikipedia.org/wiki/Main_Page</base>
    <generator>dossier fixtures</generator>
    <case>first-letter</case>
  </siteinfo>
`

// pageXML writes one <page> element as MediaWiki exports do.
func pageXML(id int, title, text string) string {
	esc := xmlEscaper.Replace(text)
	title = xmlEscaper.Replace(title)
	return fmt.Sprintf(`  <page>
    <title>%s</title>
    <ns>0</ns>
    <id>%d</id>
    <revision>
      <id>%d</id>
      <timestamp>2024-01-01T00:00:00Z</timestamp>
      <contributor>
        <username>Wikipedia contributors</username>
      </contributor>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text xml:space="preserve" bytes="%d">%s</text>
    </revision>
  </page>
`, title, id, 1000+id, len(text), esc)
}

// xmlEscaper escapes as MediaWiki's exports do: newlines stay as they are.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func readCorpus(t *testing.T) []corpusDoc {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no corpus at %s", corpusDir)
	}
	var docs []corpusDoc
	for _, f := range files {
		d, err := readCorpusDoc(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func bzip2(t *testing.T, level string, data []byte) []byte {
	t.Helper()
	cmd := exec.Command("bzip2", level, "-c")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bzip2: %v", err)
	}
	return out
}

func TestGenerateFixtures(t *testing.T) {
	if !*generate {
		t.Skip("run with -generate to rebuild the fixtures")
	}
	docs := readCorpus(t)
	var pages []string
	var titles []string
	for i, d := range docs {
		pages = append(pages, pageXML(i+1, d.title, d.wikitextOf()))
		titles = append(titles, d.title)
	}
	const footer = "</mediawiki>\n"
	all := siteinfo + strings.Join(pages, "") + footer
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join("testdata", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// One stream of several 100k blocks, so that truncating it leaves whole
	// blocks before the cut.
	write("corpus.xml.bz2", bzip2(t, "-1", []byte(all)))

	// Multistream: the header, streams of 10 pages, the footer, each its own
	// bzip2 stream; the index gives each page's stream offset.
	var ms bytes.Buffer
	var index strings.Builder
	ms.Write(bzip2(t, "-9", []byte(siteinfo)))
	for i := 0; i < len(pages); i += 10 {
		off := ms.Len()
		end := min(i+10, len(pages))
		for j := i; j < end; j++ {
			fmt.Fprintf(&index, "%d:%d:%s\n", off, j+1, titles[j])
		}
		ms.Write(bzip2(t, "-9", []byte(strings.Join(pages[i:end], ""))))
	}
	ms.Write(bzip2(t, "-9", []byte(footer)))
	write("corpus-multistream.xml.bz2", ms.Bytes())
	write("corpus-multistream-index.txt.bz2", bzip2(t, "-9", []byte(index.String())))

	// A 20 MB page between two small ones.
	big := strings.Repeat("The 20 MB page repeats this sentence. ", 20_000_000/38+1)
	bigDump := siteinfo + pageXML(1, "Before", "Small page before.") + pageXML(2, "Huge page", big) +
		pageXML(3, "After", "Small page after.") + footer
	write("bigpage.xml.bz2", bzip2(t, "-9", []byte(bigDump)))
}
