package inputs

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/reader"
)

// Test inputs shared with the readers' own tests (see the README of each
// testdata folder for their sources and licences).
const (
	htmlPage  = "../htmldoc/testdata/broken_scripts.html"
	newsFeed  = "../feed/testdata/news.jsonl" // line 4 is broken
	corpusBZ2 = "../dump/testdata/corpus.xml.bz2"
	multi     = "../dump/testdata/corpus-multistream.xml.bz2"
	multiIdx  = "../dump/testdata/corpus-multistream-index.txt.bz2"
)

const textDoc = "Published: 2011-03-26\nTitle: Bomb on bus\n\nA bomb exploded on a bus in Jerusalem on Wednesday, killing one person and injuring 30.\n"

// page is a dump page selected by the default filter (an incident infobox).
func page(title, text string) string {
	return "  <page>\n    <title>" + title + "</title>\n    <ns>0</ns>\n    <id>7</id>\n    <revision>\n      <text xml:space=\"preserve\">" + text + "</text>\n    </revision>\n  </page>\n"
}

const incidentText = "{{Infobox civilian attack\n| location = Kabul, Afghanistan\n| date = 1 May 2020\n| fatalities = 3\n}}\nOn 1 May 2020, a car bomb exploded in Kabul, killing three people."

type item struct {
	name   string
	format string
	err    string
}

// collect runs Each and loads every input in order.
func collect(t *testing.T, args []string, stdin string) []item {
	t.Helper()
	var out []item
	err := Each(t.Context(), args, strings.NewReader(stdin), Options{}, func(in Input) error {
		doc, err := in.Load(t.Context())
		it := item{name: in.Name}
		if err != nil {
			it.err = err.Error()
		} else {
			it.format = doc.Format
			if doc.Path != in.Name {
				t.Errorf("input %q loads a document named %q", in.Name, doc.Path)
			}
		}
		out = append(out, it)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMixedRun reads every kind of input, good and bad, in one run: each
// good input gives its documents in order, each bad one an error naming
// it in its place, and the run goes on to the end.
func TestMixedRun(t *testing.T) {
	dir := t.TempDir()
	bz, err := os.ReadFile(corpusBZ2)
	if err != nil {
		t.Fatal(err)
	}
	txt := write(t, dir, "a.txt", []byte(textDoc))
	truncated := write(t, dir, "truncated.xml.bz2", bz[:len(bz)/2])
	malformed := write(t, dir, "malformed.xml", []byte("<mediawiki>\n"+page("Good page", incidentText)+
		"  <page>\n    <ns>0</ns>\n    <revision><text>no title</text></revision>\n  </page>\n"+
		page("Second good page", incidentText)+"  <page>\n    <title>Cut</title>\n    <text>never closed\n"))
	notDump := write(t, dir, "feed.xml", []byte("<?xml version=\"1.0\"?>\n<rss><channel><title>News</title></channel></rss>\n"))
	garbage := write(t, dir, "garbage.bz2", []byte("BZh91AY&SYnot really bzip2 data at all"))
	missing := filepath.Join(dir, "missing.html")

	got := collect(t, []string{txt, htmlPage, newsFeed, truncated, malformed, notDump, garbage, missing}, "")

	want := []item{
		{name: txt, format: "text"},
		{name: htmlPage, format: "html"},
		{name: newsFeed + "#L1", format: "jsonl"},
		{name: newsFeed + "#L2", format: "jsonl"},
		{name: newsFeed + "#L4", err: newsFeed + ":4: not a JSON object"},
		{name: newsFeed + "#L5", format: "jsonl"},
		{name: truncated, err: truncated + ": at compressed byte"},
		{name: malformed + "#Good page", format: "wikitext"},
		{name: malformed, err: malformed + ": at byte"},
		{name: malformed + "#Second good page", format: "wikitext"},
		{name: malformed, err: "input ends inside the page"},
		{name: notDump, err: "not a MediaWiki XML dump"},
		{name: garbage, err: garbage + ": at compressed byte"},
		{name: missing, err: missing + ": no such file"},
	}
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("%+v", g)
		}
		t.Fatalf("got %d inputs, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.name != w.name || g.format != w.format || !strings.Contains(g.err, w.err) || (w.err == "") != (g.err == "") {
			t.Errorf("input %d: got %+v, want %+v", i, g, w)
		}
	}
	if !strings.Contains(got[8].err, "no <title>") || !strings.Contains(got[6].err, "truncated or corrupt") {
		t.Errorf("errors do not say what is wrong: %q, %q", got[8].err, got[6].err)
	}
}

// TestFolder: a folder gives its files in order, its multistream dump read
// with its index, the index itself left out.
func TestFolder(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{multi, multiIdx} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		write(t, dir, filepath.Base(p), b)
	}
	write(t, dir, "zz.txt", []byte(textDoc))
	got := collect(t, []string{dir}, "")
	if len(got) != 46 {
		t.Fatalf("got %d inputs, want the 45 pages of the dump and the text file", len(got))
	}
	for _, g := range got[:45] {
		if g.err != "" || g.format != "wikitext" || !strings.HasPrefix(g.name, filepath.Join(dir, "corpus-multistream.xml.bz2")+"#") {
			t.Fatalf("dump page %+v", g)
		}
	}
	if got[45].format != "text" {
		t.Errorf("last input %+v", got[45])
	}
}

// TestStdin: standard input is sniffed like a file.
func TestStdin(t *testing.T) {
	html, err := os.ReadFile(htmlPage)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		want     []string // formats
	}{
		{"text", textDoc, []string{"text"}},
		{"html", string(html), []string{"html"}},
		{"feed", `{"text": "One."}` + "\n" + `{"text": "Two."}` + "\n", []string{"jsonl", "jsonl"}},
		{"dump", "<mediawiki>\n" + page("A page", incidentText) + "</mediawiki>\n", []string{"wikitext"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := collect(t, []string{"-"}, tc.in)
			var formats []string
			for _, g := range got {
				if g.err != "" {
					t.Fatal(g.err)
				}
				formats = append(formats, g.format)
			}
			if strings.Join(formats, " ") != strings.Join(tc.want, " ") {
				t.Errorf("formats %v, want %v", formats, tc.want)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       Kind
	}{
		{"a.txt", "Source: https://x\n\nText.", Text},
		{"a.txt", "<p>A pasted paragraph</p>", HTML},
		{"a", "<!DOCTYPE html><html>", HTML},
		{"page.HTM", "whatever", HTML},
		{"a.jsonl", "", Feed},
		{"a", `{"url": "x"}`, Feed},
		{"a.xml.bz2", "BZh91AY&SY", Dump},
		{"a", "BZh91AY&SY", Dump},
		{"a.gz", "\x1f\x8b", Dump},
		{"a.xml", "<?xml version='1.0'?><mediawiki>", Dump},
		{"a", "\ufeff  <mediawiki xmlns=", Dump},
		{"a.xml", "<rss>", Dump},
		{"a", "<?xml version='1.0'?><rss><channel><title>", Dump},
		{"a", "<?xml version='1.0'?><!DOCTYPE html><html xmlns=", HTML},
		{"notes.md", "# Notes\n", Text},
	}
	for _, tc := range tests {
		if got := Detect(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("Detect(%q, %q) = %v, want %v", tc.name, tc.head, got, tc.want)
		}
	}
}

// TestStop: an error from fn stops the run and is returned, and no dump
// reading goroutine is left behind.
func TestStop(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Each(t.Context(), []string{multi}, nil, Options{}, func(in Input) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("err %v after %d inputs", err, n)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := Each(ctx, []string{multi}, nil, Options{}, func(Input) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v", err)
	}
}

func TestParse(t *testing.T) {
	page, err := os.ReadFile(htmlPage)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := Parse("upload", page, reader.Limits{}); err != nil || d.Format != "html" || !bytes.Contains(d.Text, []byte("Massereene")) {
		t.Errorf("html: %v", err)
	}
	if d, err := Parse("upload", []byte(textDoc), reader.Limits{}); err != nil || d.Format != "text" {
		t.Errorf("text: %v", err)
	}
	if _, err := Parse("x.jsonl", []byte(`{"text": "a"}`), reader.Limits{}); err == nil {
		t.Error("a feed parsed as one document")
	}
}
