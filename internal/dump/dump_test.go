package dump

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/wikitext"
)

const (
	realDump    = "testdata/enwiki-pages-articles-shortened.xml.bz2"
	tableDump   = "testdata/enwiki-table-markup.xml.bz2"
	corpusBZ2   = "testdata/corpus.xml.bz2"
	corpusMulti = "testdata/corpus-multistream.xml.bz2"
	bigPageDump = "testdata/bigpage.xml.bz2"
)

// readAll reads a dump and returns the pages and the errors it yielded.
func readAll(t *testing.T, path string, opts Options) ([]*Page, []error, *Reader) {
	t.Helper()
	ctx := context.Background()
	r, err := Open(ctx, path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { r.Close() })
	var pages []*Page
	var errs []error
	for p, err := range r.Pages(ctx) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pages = append(pages, p)
	}
	return pages, errs, r
}

func titles(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Title)
	}
	return out
}

// decompress returns the XML of a bzip2 fixture, read with this package.
func decompress(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := newBZ2Reader(context.Background(), f, 2)
	defer br.Close()
	b, err := io.ReadAll(br)
	if err != nil {
		t.Fatalf("decompress %s: %v", path, err)
	}
	return b
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestStream reads a dump from a stream, as from standard input.
func TestStream(t *testing.T) {
	f, err := os.Open(corpusBZ2)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ctx := context.Background()
	r, err := NewReader(ctx, "-", f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, err := range r.Pages(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if s := r.Stats(); n != 45 || r.Format() != "bzip2" || s.Compressed == 0 {
		t.Errorf("%d pages, format %s, stats %+v", n, r.Format(), s)
	}
}

func TestRealFragments(t *testing.T) {
	for _, tc := range []struct {
		path      string
		pages     int
		redirects int
	}{
		{realDump, 206, 40},
		{tableDump, 5, 0},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			pages, errs, r := readAll(t, tc.path, Options{})
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(pages) != tc.pages || r.Stats().Pages != int64(tc.pages) {
				t.Fatalf("read %d pages (stats %d), want %d", len(pages), r.Stats().Pages, tc.pages)
			}
			redirects := 0
			for _, p := range pages {
				if p.Redirect != "" {
					redirects++
				}
				if p.Title == "" || (p.Text == "" && p.Redirect == "") {
					t.Errorf("page %d: empty title or text", p.ID)
				}
				// Every real page renders, and every offset indexes the text.
				rp, err := wikitext.Render(p.Title, p.Text)
				if err != nil {
					t.Errorf("render %q: %v", p.Title, err)
				}
				checkOffsets(t, rp)
			}
			if redirects < tc.redirects {
				t.Errorf("%d redirects, want at least %d", redirects, tc.redirects)
			}
			if s := r.Stats(); s.Compressed != r.Size() || s.Uncompressed == 0 {
				t.Errorf("stats %+v: want all %d compressed bytes read", s, r.Size())
			}
		})
	}
}

func checkOffsets(t *testing.T, p wikitext.Page) {
	t.Helper()
	for _, l := range p.Links {
		if l.Start < 0 || l.End > len(p.Text) || p.Text[l.Start:l.End] != l.Text {
			t.Errorf("%q: link %+v does not index the text", p.Title, l)
		}
	}
	if p.Infobox != nil {
		for _, f := range p.Infobox.Fields {
			if f.Start < 0 || f.End > len(p.Text) || p.Text[f.Start:f.End] != f.Value {
				t.Errorf("%q: field %+v does not index the text", p.Title, f)
			}
		}
	}
	for _, c := range p.Citations {
		for _, m := range c.Markers {
			if m.Start < 0 || m.End > len(p.Text) || !strings.HasPrefix(p.Text[m.Start:m.End], "[") {
				t.Errorf("%q: citation marker %+v does not index the text", p.Title, m)
			}
		}
	}
}

func TestFilterOnRealDump(t *testing.T) {
	pages, errs, r := readAll(t, realDump, Options{Filter: DefaultFilter()})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []string{"Abraham Lincoln", "Albert Sidney Johnston", "American Revolutionary War"}
	if got := titles(pages); !slices.Equal(got, want) {
		t.Errorf("selected %q, want %q", got, want)
	}
	if s := r.Stats(); s.Pages != 206 || s.Selected != 3 {
		t.Errorf("stats %+v", s)
	}
	for _, p := range pages {
		if p.Reason == "" {
			t.Errorf("%q: no reason", p.Title)
		}
	}
}

// TestFormats reads the corpus fixture as single-stream bzip2, multistream
// with and without its index, plain XML and gzip: all give the same pages.
func TestFormats(t *testing.T) {
	xmlData := decompress(t, corpusBZ2)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(xmlData)
	zw.Close()
	ref, errs, _ := readAll(t, corpusBZ2, Options{})
	if len(errs) > 0 || len(ref) != 45 {
		t.Fatalf("reference read: %d pages, errors %v", len(ref), errs)
	}
	for _, tc := range []struct {
		name, path, format string
		opts               Options
	}{
		{"multistream", corpusMulti, "bzip2 multistream", Options{}},
		{"multistream one worker", corpusMulti, "bzip2 multistream", Options{Workers: 1}},
		{"multistream without index", corpusMulti, "bzip2", Options{NoIndex: true}},
		{"plain xml", writeTemp(t, "corpus.xml", xmlData), "xml", Options{}},
		{"gzip", writeTemp(t, "corpus.xml.gz", gz.Bytes()), "gzip", Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages, errs, r := readAll(t, tc.path, tc.opts)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if r.Format() != tc.format {
				t.Errorf("format %q, want %q", r.Format(), tc.format)
			}
			if len(pages) != len(ref) {
				t.Fatalf("%d pages, want %d", len(pages), len(ref))
			}
			for i := range pages {
				if pages[i].Title != ref[i].Title || pages[i].Text != ref[i].Text || pages[i].ID != ref[i].ID {
					t.Errorf("page %d: %q differs from %q", i, pages[i].Title, ref[i].Title)
				}
			}
		})
	}
}

// TestCorpusRoundTrip renders the corpus pages of the fixture and compares
// them with the corpus documents they were written from.
func TestCorpusRoundTrip(t *testing.T) {
	docs := readCorpus(t)
	pages, errs, _ := readAll(t, corpusMulti, Options{})
	if len(errs) > 0 || len(pages) != len(docs) {
		t.Fatalf("%d pages for %d documents, errors %v", len(pages), len(docs), errs)
	}
	marker := regexp.MustCompile(`\[\d+\]`)
	// The corpus files keep a few artefacts of the tool that made them
	// (",," and " ," and list marks in values), which the renderer tidies.
	tidy := strings.NewReplacer(" ,", ",", ",,", ",", ":,", ":")
	norm := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			l = strings.Join(strings.Fields(marker.ReplaceAllString(l, "[n]")), " ")
			k, v, field := strings.Cut(l, ": ")
			if !field || !strings.HasPrefix(l, "- ") {
				k, v = "", l
			}
			for strings.Contains(v, ",,") || strings.Contains(v, " ,") || strings.Contains(v, ":,") {
				v = tidy.Replace(v)
			}
			if l = v; field && k != "" {
				if v = strings.TrimLeft(v, "*#:; ,"); strings.Trim(v, "*#:;, ") == "" {
					continue
				}
				l = k + ": " + v
			}
			if m := headingRe.FindStringSubmatch(l); m != nil && len(m[1]) == len(m[3]) {
				l = m[1] + " " + m[2] + " " + m[3]
			}
			if l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	for i, d := range docs {
		p := pages[i]
		rp, err := wikitext.Render(p.Title, p.Text)
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, rp)
		want := []string{"= " + d.title + " ="}
		if len(d.fields) > 0 {
			want = append(want, "Infobox")
			for _, f := range d.fields {
				v := strings.Join(strings.Fields(f[1]), " ")
				if v == "" || strings.Trim(v, " ,;") == "" || skipsParam(f[0]) {
					continue
				}
				want = append(want, "- "+f[0]+": "+v)
			}
		}
		want = append(want, d.body...)
		got := norm(strings.Split(rp.Text, "\n"))
		want = norm(want)
		if !slices.Equal(got, want) {
			for j := range max(len(got), len(want)) {
				g, w := "", ""
				if j < len(got) {
					g = got[j]
				}
				if j < len(want) {
					w = want[j]
				}
				if g != w {
					t.Errorf("%s line %d:\n got %q\nwant %q", d.file, j, g, w)
					break
				}
			}
		}
		if len(d.fields) > 0 && (rp.Infobox == nil || len(rp.Infobox.Fields) == 0) {
			t.Errorf("%s: no infobox fields", d.file)
		}
	}
}

// skipsParam mirrors the renderer's choice of layout parameters to leave
// out, for the keys of the corpus files.
func skipsParam(key string) bool {
	rp, _ := wikitext.Render("x", "{{Infobox x|"+strings.ToLower(strings.ReplaceAll(key, " ", "_"))+"=v}}")
	return rp.Infobox == nil || len(rp.Infobox.Fields) == 0
}

func TestResume(t *testing.T) {
	xmlPath := writeTemp(t, "corpus.xml", decompress(t, corpusBZ2))
	for _, path := range []string{corpusBZ2, corpusMulti, xmlPath} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			all, _, _ := readAll(t, path, Options{})
			for _, stop := range []int{1, 9, 10, 11, 25, 44, 45} {
				ctx := context.Background()
				r, err := Open(ctx, path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, err := range r.Pages(ctx) {
					if err != nil {
						t.Fatal(err)
					}
					n++
					if n == stop {
						break
					}
				}
				ck := r.Checkpoint()
				r.Close()
				rest, errs, _ := readAll(t, path, Options{Resume: ck})
				if len(errs) > 0 {
					t.Fatalf("resume from %+v: %v", ck, errs)
				}
				if got, want := titles(rest), titles(all[stop:]); !slices.Equal(got, want) {
					t.Errorf("stop after %d, checkpoint %+v: resumed with %d pages %q..., want %d", stop, ck, len(got), first(got), len(want))
				}
			}
		})
	}
	if _, err := Open(context.Background(), corpusMulti, Options{Resume: Checkpoint{Offset: 7}}); err == nil {
		t.Error("resuming a multistream dump at a byte that starts no stream: no error")
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func fatalOf(errs []error) *Error {
	for _, err := range errs {
		var de *Error
		if errors.As(err, &de) && de.Fatal {
			return de
		}
	}
	return nil
}

func TestTruncatedBZ2(t *testing.T) {
	data, err := os.ReadFile(corpusBZ2)
	if err != nil {
		t.Fatal(err)
	}
	// The fixture has several blocks: cut inside the last one.
	path := writeTemp(t, "cut.xml.bz2", data[:len(data)-300])
	pages, errs, _ := readAll(t, path, Options{})
	fe := fatalOf(errs)
	if fe == nil {
		t.Fatalf("no fatal error; errors %v", errs)
	}
	msg := fe.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "truncated") || !strings.Contains(msg, "compressed byte") {
		t.Errorf("error %q should name the file, the offset and the truncation", msg)
	}
	if len(pages) == 0 || len(pages) >= 45 {
		t.Errorf("read %d pages before the cut, want some but not all", len(pages))
	}
}

func TestTruncatedMultistream(t *testing.T) {
	data, err := os.ReadFile(corpusMulti)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "cut-multistream.xml.bz2")
	os.WriteFile(path, data[:len(data)/2], 0o644)
	index, _ := os.ReadFile("testdata/corpus-multistream-index.txt.bz2")
	os.WriteFile(filepath.Join(dir, "cut-multistream-index.txt.bz2"), index, 0o644)
	pages, errs, r := readAll(t, path, Options{})
	if r.Format() != "bzip2 multistream" {
		t.Fatalf("format %q", r.Format())
	}
	if len(pages) < 10 || len(pages) >= 45 {
		t.Errorf("read %d pages, want those of the whole streams before the cut", len(pages))
	}
	fe := fatalOf(errs)
	if fe == nil || !strings.Contains(fe.Error(), "truncated") || !strings.Contains(fe.Error(), path) {
		t.Errorf("fatal error %v: want one naming the file and the truncation", fe)
	}
	var streamErr bool
	for _, err := range errs {
		var de *Error
		if errors.As(err, &de) && !de.Fatal && de.Stream > 0 {
			streamErr = true
		}
	}
	if !streamErr {
		t.Errorf("errors %v: want one for the stream cut in the middle", errs)
	}
}

func TestMalformedXML(t *testing.T) {
	good := func(id int, title string) string { return pageXML(id, title, "Text of "+title+".") }
	for _, tc := range []struct {
		name    string
		xml     string
		want    []string // titles read
		errWant []string // substrings of the page errors, in order
		fatal   string   // substring of the fatal error, "" for none
	}{
		{
			name: "unclosed text and page",
			xml: siteinfo + good(1, "One") +
				"  <page>\n    <title>Broken</title>\n    <ns>0</ns>\n    <id>2</id>\n    <revision><text xml:space=\"preserve\">never closed\n" +
				good(3, "Three") + "</mediawiki>\n",
			want:    []string{"One", "Three"},
			errWant: []string{`page "Broken" at byte`},
		},
		{
			name:    "no title",
			xml:     siteinfo + good(1, "One") + "  <page>\n    <ns>0</ns>\n    <revision><text>x</text></revision>\n  </page>\n" + good(3, "Three") + "</mediawiki>\n",
			want:    []string{"One", "Three"},
			errWant: []string{"no <title>"},
		},
		{
			name:    "bad namespace",
			xml:     siteinfo + strings.Replace(good(1, "One"), "<ns>0</ns>", "<ns>zero</ns>", 1) + good(2, "Two") + "</mediawiki>\n",
			want:    []string{"Two"},
			errWant: []string{`page "One" at byte`},
		},
		{
			name:  "cut inside a page",
			xml:   siteinfo + good(1, "One") + good(2, "Two")[:100],
			want:  []string{"One"},
			fatal: "input ends inside the page",
		},
		{
			name:  "no end of document",
			xml:   siteinfo + good(1, "One") + good(2, "Two"),
			want:  []string{"One", "Two"},
			fatal: "without </mediawiki>: the dump is truncated",
		},
		{
			name:  "not a dump",
			xml:   "<!DOCTYPE html><html><body>hello</body></html>",
			fatal: "not a MediaWiki XML dump",
		},
		{
			name:  "binary",
			xml:   "\x00\x01\x02\x03 binary",
			fatal: "not a MediaWiki XML dump",
		},
		{
			name:  "empty",
			xml:   "",
			fatal: "empty input",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeTemp(t, "bad.xml", []byte(tc.xml))
			pages, errs, _ := readAll(t, path, Options{})
			if got := titles(pages); !slices.Equal(got, tc.want) {
				t.Errorf("read %q, want %q", got, tc.want)
			}
			var pageErrs []error
			for _, err := range errs {
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error %q does not name the file", err)
				}
				var de *Error
				if errors.As(err, &de) && !de.Fatal {
					pageErrs = append(pageErrs, err)
				}
			}
			if len(pageErrs) != len(tc.errWant) {
				t.Fatalf("page errors %v, want %d", pageErrs, len(tc.errWant))
			}
			for i, w := range tc.errWant {
				if !strings.Contains(pageErrs[i].Error(), w) {
					t.Errorf("error %q, want it to contain %q", pageErrs[i], w)
				}
			}
			fe := fatalOf(errs)
			switch {
			case tc.fatal == "" && fe != nil:
				t.Errorf("unexpected fatal error %v", fe)
			case tc.fatal != "" && (fe == nil || !strings.Contains(fe.Error(), tc.fatal)):
				t.Errorf("fatal error %v, want %q", fe, tc.fatal)
			}
		})
	}
}

func TestBigPage(t *testing.T) {
	pages, errs, r := readAll(t, bigPageDump, Options{})
	if got := titles(pages); !slices.Equal(got, []string{"Before", "After"}) {
		t.Errorf("read %q, want the pages around the big one", got)
	}
	if len(errs) != 1 {
		t.Fatalf("errors %v, want one", errs)
	}
	msg := errs[0].Error()
	for _, w := range []string{bigPageDump, `page "Huge page"`, "20.0 MB", "limit"} {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q should contain %q", msg, w)
		}
	}
	if s := r.Stats(); s.Pages != 3 || s.Failed != 1 {
		t.Errorf("stats %+v", s)
	}
	// A higher limit reads it.
	pages, errs, _ = readAll(t, bigPageDump, Options{MaxPageBytes: 30_000_000})
	if len(pages) != 3 || len(errs) != 0 || len(pages[1].Text) < 20_000_000 {
		t.Errorf("with a 30 MB limit: %d pages, errors %v", len(pages), errs)
	}
}

func TestCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, path := range []string{realDump, corpusMulti} {
		ctx, cancel := context.WithCancel(context.Background())
		r, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		var last error
		for _, err := range r.Pages(ctx) {
			if err != nil {
				last = err
				continue
			}
			if n++; n == 3 {
				cancel()
			}
		}
		if !errors.Is(last, context.Canceled) {
			t.Errorf("%s: last error %v, want context.Canceled", path, last)
		}
		r.Close()
		cancel()

		// Breaking out of the loop stops the reading too.
		r, _ = Open(context.Background(), path, Options{})
		for range r.Pages(context.Background()) {
			break
		}
		r.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+1 {
		t.Errorf("%d goroutines left running, %d before", n, before)
	}
}

func TestProgress(t *testing.T) {
	for _, path := range []string{corpusBZ2, corpusMulti} {
		var calls []Progress
		_, _, r := readAll(t, path, Options{Progress: func(p Progress) { calls = append(calls, p) }})
		if len(calls) < 2 {
			t.Fatalf("%s: %d progress calls", path, len(calls))
		}
		for i := 1; i < len(calls); i++ {
			if calls[i].Read < calls[i-1].Read {
				t.Errorf("%s: progress went back: %+v after %+v", path, calls[i], calls[i-1])
			}
		}
		if last := calls[len(calls)-1]; last.Read != r.Size() || last.Size != r.Size() || last.Pages != 45 {
			t.Errorf("%s: last progress %+v, want all %d bytes and 45 pages", path, last, r.Size())
		}
	}
}

func TestDocuments(t *testing.T) {
	ctx := context.Background()
	r, err := Open(ctx, corpusBZ2, Options{Filter: DefaultFilter()})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	n := 0
	for doc, err := range r.Documents(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if doc.Format != "wikitext" || doc.Text != nil || !strings.HasPrefix(doc.Path, corpusBZ2+"#") ||
			!strings.HasPrefix(doc.Source, "https://en.wikipedia.org/wiki/") || strings.Contains(doc.Source, " ") {
			t.Errorf("document %+v", doc.Path)
		}
		if !bytes.HasPrefix(doc.Raw, []byte("= "+doc.Title+" =\n")) {
			t.Errorf("%q: text starts %q", doc.Title, doc.Raw[:min(40, len(doc.Raw))])
		}
		for _, h := range doc.Hints {
			if h.End > len(doc.Raw) || h.Start > h.End {
				t.Errorf("%q: hint %+v out of the text", doc.Title, h)
			}
			if strings.HasPrefix(h.Key, HintField) && string(doc.Raw[h.Start:h.End]) != h.Value {
				t.Errorf("%q: hint %+v does not index its value", doc.Title, h)
			}
		}
	}
	// Every corpus page is about an attack: the filter keeps them all.
	if n != 45 {
		t.Errorf("%d documents, want 45", n)
	}
	for title, want := range map[string]string{
		"Attack on the U.S. embassy: 2019": "https://en.wikipedia.org/wiki/Attack_on_the_U.S._embassy:_2019",
		"Re'im music festival massacre":    "https://en.wikipedia.org/wiki/Re%27im_music_festival_massacre",
		"Washington, D.C. (city)":          "https://en.wikipedia.org/wiki/Washington,_D.C._(city)",
		"Kraków & Łódź?":                   "https://en.wikipedia.org/wiki/Krak%C3%B3w_%26_%C5%81%C3%B3d%C5%BA%3F",
	} {
		if got := PageURL(title); got != want {
			t.Errorf("PageURL(%q) = %q, want %q", title, got, want)
		}
	}
}
