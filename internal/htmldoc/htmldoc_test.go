package htmldoc

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/reader"
)

// TestPages reads the saved pages of testdata: metadata from wherever the
// page keeps it, the article's paragraphs and nothing else.
func TestPages(t *testing.T) {
	tests := []struct {
		file                                   string
		title, source, site, author, published string
		first, last                            string // words of the first and last paragraphs
	}{
		{
			file:  "car_bomb_kills_11_in_pakistan.html",
			title: "Car bomb kills 11 in Pakistan", source: "https://en.wikinews.org/wiki/Car_bomb_kills_11_in_Pakistan",
			site: "Wikinews", author: "Wikinews contributors", published: "2009-05-16",
			first: "Police reports say that a car bomb", last: "No one or group has claimed responsibility for the blast.",
		},
		{
			file:  "eleven_dead_after_belarus_subway_bombing.html",
			title: "Eleven dead after Belarus subway bombing", source: "https://en.wikinews.org/wiki/Eleven_dead_after_Belarus_subway_bombing",
			site: "Wikinews", author: "Wikinews contributors", published: "2011-04-12",
			first: "Eleven people are reported dead", last: "Who did not like the stability in Belarus?",
		},
		{
			file:  "explosions_kill_eight_in_jakarta.html",
			title: "Explosions kill eight in Jakarta", author: "Wikinews contributors", published: "2009-07-17",
			first: "Eight people have been killed", last: "A third explosion took place some hours later",
		},
		{
			file:  "broken_scripts.html",
			title: "Two killed in gun attack in Northern Ireland", source: "https://en.m.wikinews.org/wiki/Two_killed_in_gun_attack_in_Northern_Ireland",
			site: "en.m.wikinews.org", published: "2009-03-08",
			first: "Two British Army soldiers have been killed", last: "special forces reconnaissance detachment to Northern Ireland.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(path, raw, reader.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got := []string{doc.Title, doc.Source, doc.Site, doc.Author, doc.Published}
			want := []string{tc.title, tc.source, tc.site, tc.author, tc.published}
			for i, name := range []string{"title", "source", "site", "author", "published"} {
				if got[i] != want[i] {
					t.Errorf("%s = %q, want %q", name, got[i], want[i])
				}
			}
			if doc.Format != "html" || doc.Path != path || !bytes.Equal(doc.Raw, raw) {
				t.Errorf("format %q, path %q, raw kept: %v", doc.Format, doc.Path, bytes.Equal(doc.Raw, raw))
			}
			text := string(doc.Body())
			if !strings.Contains(text, tc.first) || !strings.Contains(text, tc.last) {
				t.Errorf("text lacks the first or the last paragraph:\n%s", text)
			}
			checkClean(t, text)
			// The header is the one a saved text article has, so the
			// extractor reads both alike.
			h := reader.ParseHeader(doc.Text)
			if h.Source != doc.Source || h.Published != doc.Published || h.Title != doc.Title {
				t.Errorf("header %+v does not repeat the metadata", h)
			}
			if !strings.Contains(text, "\n\n"+tc.first) {
				t.Errorf("the first paragraph does not start after a blank line:\n%s", text)
			}
		})
	}
}

// checkClean fails when anything but prose reached the text: markup,
// script, style, comments, templates, form fields, frames, hidden
// elements, or page chrome.
func checkClean(t *testing.T, text string) {
	t.Helper()
	for _, bad := range []string{"SCRIPT TEXT", "STYLE TEXT", "COMMENT TEXT", "TEMPLATE TEXT", "TEXTAREA TEXT", "IFRAME TEXT",
		"HIDDEN TEXT", "CLICK TEXT", "not text", "hoax", "document.write", "var ", "dataLayer", "Bomb kills 99", "at least 40 people",
		"500 killed", "enable JavaScript", "<p>", "</", "color:", "CDATA", "cookies", "Most read", "Privacy policy", "Search Wikinews"} {
		if strings.Contains(text, bad) {
			t.Errorf("text contains %q:\n%s", bad, text)
		}
	}
	for i, line := range strings.Split(text, "\n") {
		if line != strings.TrimSpace(line) || strings.Contains(line, "  ") {
			t.Errorf("line %d has stray spaces: %q", i+1, line)
		}
	}
	if strings.Contains(text, "\n\n\n") {
		t.Error("more than one blank line between paragraphs")
	}
}

// TestMetadataSources: each place a page may keep its date, title or
// address, and which wins when several say different things.
func TestMetadataSources(t *testing.T) {
	const prose = `<article><p>Gunmen attacked a police post on Tuesday, killing two officers and wounding three, the provincial governor said in a statement.</p>
<p>No group has claimed the attack, which came two days after a bombing in the same district.</p></article>`
	tests := []struct {
		name, path, head, body                 string
		title, source, published, author, site string
		at                                     string // the moment of publication, RFC 3339, when the page gives an offset
	}{
		{
			name: "article:published_time wins over JSON-LD and time", path: "a.html",
			head:      `<meta property="article:published_time" content="2021-11-07T01:30:00+03:00"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2021-11-01"}</script>`,
			body:      `<time datetime="2020-01-01">old</time>`,
			published: "2021-11-07", at: "2021-11-07T01:30:00+03:00",
		},
		{
			name: "the publisher's own zone gives the day", path: "a.html",
			head:      `<meta property="article:published_time" content="2021-11-07T23:30:00-05:00">`,
			published: "2021-11-07", at: "2021-11-07T23:30:00-05:00",
		},
		{
			name: "a time without an offset gives no moment", path: "a.html",
			head:      `<meta property="article:published_time" content="2021-11-07T23:30:00">`,
			published: "2021-11-07",
		},
		{
			name: "JSON-LD list with an article", path: "a.html",
			head:  `<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@context":"https://schema.org","@type":["NewsArticle"],"headline":"Police post attacked","datePublished":"2022-03-04T10:00:00Z","author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}],"publisher":{"@type":"Organization","name":"The Daily"},"mainEntityOfPage":{"@type":"WebPage","@id":"https://daily.example/world/police-post"}}]</script>`,
			title: "Police post attacked", published: "2022-03-04", at: "2022-03-04T10:00:00Z", author: "A. Writer; B. Writer", site: "The Daily",
			source: "https://daily.example/world/police-post",
		},
		{
			name: "itemprop datePublished", path: "a.html",
			body:      `<span itemprop="datePublished" content="2018-05-06">6 May</span>`,
			published: "2018-05-06",
		},
		{
			name: "date from the canonical address", path: "a.html",
			head:   `<link rel="canonical" href="https://news.example/2021/11/07/drone-attack.html"><meta property="og:url" content="https://news.example/amp/drone">`,
			source: "https://news.example/2021/11/07/drone-attack.html", published: "2021-11-07", site: "news.example",
		},
		{
			name: "date from the file name", path: "saved/2019-02-14-pulwama.html",
			published: "2019-02-14",
		},
		{
			name: "a relative canonical link is no address", path: "a.html",
			head: `<link rel="canonical" href="/world/attack">`,
		},
		{
			name: "an author given as a profile address", path: "a.html",
			head:   `<meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="C. Reporter">`,
			author: "C. Reporter",
		},
		{
			name: "title without the site's suffix", path: "a.html",
			head:  `<title>Police post attacked in Kandahar | The Daily</title>`,
			title: "Police post attacked in Kandahar",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<!DOCTYPE html><html><head>" + tc.head + "</head><body>" + tc.body + prose + "</body></html>"
			doc, err := Parse(tc.path, []byte(page), reader.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Published != tc.published || doc.Source != tc.source {
				t.Errorf("published %q source %q, want %q %q", doc.Published, doc.Source, tc.published, tc.source)
			}
			if at := rfc3339(doc.PublishedAt); at != tc.at {
				t.Errorf("published at %q, want %q", at, tc.at)
			}
			if tc.title != "" && doc.Title != tc.title {
				t.Errorf("title %q, want %q", doc.Title, tc.title)
			}
			if tc.author != "" && doc.Author != tc.author {
				t.Errorf("author %q, want %q", doc.Author, tc.author)
			}
			if tc.site != "" && doc.Site != tc.site {
				t.Errorf("site %q, want %q", doc.Site, tc.site)
			}
		})
	}
}

func TestBadPages(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want error
	}{
		{"empty", " \n", reader.ErrEmpty},
		{"binary", "<html>\x00\x01\x02PK", reader.ErrBinary},
		{"no text", "<html><head><title>x</title><script>var a = 1;</script></head><body><div></div></body></html>", ErrNoText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.html", []byte(tc.raw), reader.Limits{})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestWindows1252WithoutDeclaration: a page that is not UTF-8 and says
// nothing of its encoding is read as browsers read it.
func TestWindows1252WithoutDeclaration(t *testing.T) {
	page := "<html><body><p>The caf\xe9 on the corner was hit by a mortar round on Tuesday, killing two people and wounding five, officials said.</p></body></html>"
	doc, err := Parse("x.html", []byte(page), reader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc.Text), "café on the corner") {
		t.Fatalf("text %q", doc.Text)
	}
}

// TestPlainText: the shapes of text the flattening must keep apart.
func TestPlainText(t *testing.T) {
	page := `<html><body><div><h2>Heading</h2><p>One  two
three&nbsp;four co&shy;operation</p><p>Line<br>break</p><ul><li>first</li><li>second</li></ul>
<table><tr><th>Name</th><td>Killed</td></tr><tr><td>A</td><td>2</td></tr></table><p>in<b>line</b> <i>words</i>.</p></div></body></html>`
	doc, err := Parse("x.html", []byte(page), reader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Heading\n\nOne two three four cooperation\n\nLine\nbreak\n\nfirst\n\nsecond\n\nName | Killed\n\nA | 2\n\ninline words.\n"
	if got := string(doc.Text); got != want {
		t.Errorf("text\n%q\nwant\n%q", got, want)
	}
}

// TestExtractFromPage: the extractor reads an HTML page through Body, its
// relative dates anchored on the page's publication date, and every
// evidence offset indexes Text.
func TestExtractFromPage(t *testing.T) {
	raw, err := os.ReadFile("testdata/car_bomb_kills_11_in_pakistan.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse("car.html", raw, reader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := x.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	main := res.Main()
	if main == nil || main.Date == nil {
		t.Fatalf("no dated main incident: %+v", res.Incidents)
	}
	// "on Saturday", published Saturday 16 May 2009.
	if main.Date.Start != "2009-05-16" {
		t.Errorf("date %+v, want 2009-05-16", main.Date)
	}
	if main.Location == nil || main.Location.Place != "Peshawar" {
		t.Errorf("location %+v, want Peshawar", main.Location)
	}
	for _, e := range main.Evidence {
		if e.End > len(doc.Text) || string(doc.Text[e.Start:e.End]) != e.Text {
			t.Errorf("evidence %q at %d-%d does not index Text", e.Text, e.Start, e.End)
		}
	}
}

// rfc3339 writes a moment with its offset, "" for the zero Time.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// TestWeekdayFromPageMeta: the offset of article:published_time reaches
// the extractor. Published in New York on Saturday evening, "early Sunday"
// in Kabul is the next day; without a time, both readings remain.
func TestWeekdayFromPageMeta(t *testing.T) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ published, start, end string }{
		{"2021-11-06T22:30:00-05:00", "2021-11-07", "2021-11-07"},
		{"2021-11-06", "2021-10-31", "2021-11-07"},
	} {
		page := `<!DOCTYPE html><html><head><meta property="article:published_time" content="` + tc.published + `"></head><body><article>` +
			`<p>A suicide bomber killed 12 people at a mosque in Kabul, Afghanistan, early Sunday.</p>` +
			`<p>No group has claimed the attack, which came two days after a bombing in the same district.</p></article></body></html>`
		doc, err := Parse("kabul.html", []byte(page), reader.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := x.Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		if d := res.Main().Date; d == nil || d.Start != tc.start || d.End != tc.end {
			t.Errorf("published %s: date %+v, want %s..%s", tc.published, d, tc.start, tc.end)
		}
	}
}
