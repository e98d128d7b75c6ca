package reader

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"plain text", []byte("A car bomb exploded in Kabul.\n"), nil},
		{"empty", []byte(""), ErrEmpty},
		{"only spaces", []byte(" \n\t\n"), ErrEmpty},
		{"NUL byte", []byte("PK\x03\x04\x00\x00binary"), ErrBinary},
		{"control characters", bytes.Repeat([]byte{0x01, 0x02, 'a'}, 100), ErrBinary},
		{"invalid UTF-8", []byte("caf\xe9 au lait"), ErrInvalidUTF8},
		{"long line", bytes.Repeat([]byte("a"), 2<<20), ErrLongLine},
		{"Arabic text", []byte("نجا رئيس الوزراء من محاولة اغتيال"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.in, Limits{})
			if !errors.Is(err, tc.want) {
				t.Fatalf("Check = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestInvalidUTF8NamesThePlace(t *testing.T) {
	err := Check([]byte("line one\nline \xff two\n"), Limits{})
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("error %v does not say where", err)
	}
}

func TestReadPathErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("x"), 17<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want string
	}{
		{filepath.Join(dir, "missing.txt"), "no such file"},
		{big, "too large"},
		{dir, "is a directory"},
	} {
		_, err := ReadPath(t.Context(), tc.path, nil, Limits{})
		if err == nil || !strings.Contains(err.Error(), tc.path) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadPath(%s) = %v, want an error naming the file and %q", tc.path, err, tc.want)
		}
	}
}

func TestParseHeader(t *testing.T) {
	raw := []byte("Source: https://example.org/news/2021/11/07/drone-attack\nLicense: CC BY 2.5\nTitle: Drone attack\n\nBody text.\n")
	doc, err := Parse("x.txt", raw, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != "https://example.org/news/2021/11/07/drone-attack" || doc.Title != "Drone attack" || doc.Published != "2021-11-07" {
		t.Fatalf("header read as %+v", doc)
	}
	if h := ParseHeader(raw); string(raw[h.End:h.End+4]) != "Body" {
		t.Fatalf("header ends at %d (%q)", h.End, raw[h.End:])
	}
	// a Via: line (the mirror a page was read through) is header, not prose
	via := []byte("Source: https://ar.wikipedia.org/wiki/x\nVia: https://mirror.example/wiki/x\nLicense: CC BY-SA 4.0\n\nBody text.\n")
	if h := ParseHeader(via); string(via[h.End:h.End+4]) != "Body" || h.Source != "https://ar.wikipedia.org/wiki/x" {
		t.Fatalf("Via: header read as %+v (%q)", h, via[h.End:])
	}
}

// A Published line with a time and an offset gives the moment of
// publication; a date alone, or a time without an offset, leaves it unknown.
func TestPublishedAt(t *testing.T) {
	for _, tc := range []struct {
		line, date string
		at         string // RFC 3339, "" for unknown
	}{
		{"2021-11-06T22:30:00-05:00", "2021-11-06", "2021-11-06T22:30:00-05:00"},
		{"2021-11-07T03:30Z", "2021-11-07", "2021-11-07T03:30:00Z"},
		{"2021-11-07T07:00:00+0430", "2021-11-07", "2021-11-07T07:00:00+04:30"},
		{"Sat, 06 Nov 2021 22:30:00 -0500", "2021-11-06", "2021-11-06T22:30:00-05:00"},
		{"2021-11-06", "2021-11-06", ""},
		{"2021-11-06T22:30:00", "2021-11-06", ""},
		{"6 November 2021", "2021-11-06", ""},
	} {
		doc, err := Parse("x.txt", []byte("Published: "+tc.line+"\n\nBody text.\n"), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		at := ""
		if !doc.PublishedAt.IsZero() {
			at = doc.PublishedAt.Format(time.RFC3339)
		}
		if doc.Published != tc.date || at != tc.at {
			t.Errorf("Published: %s read as %q at %q, want %q at %q", tc.line, doc.Published, at, tc.date, tc.at)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"https://apnews.com/2021/11/07/iraq-drone", "2021-11-07"},
		{"https://example.org/news/20211107-iraq", "2021-11-07"},
		{"https://example.org/2021-11-06/story", "2021-11-06"},
		{"https://example.org/2021/13/40/story", ""},
		{"https://example.org/english/2021-11/07/c_1234.htm", "2021-11-07"},
		{"https://example.org/news/2021/nov/7story.htm", "2021-11-07"},
		{"https://example.org/2021nov07/12_killed.html", "2021-11-07"},
		{"https://example.org/2021/feb/30/story", ""},
		{"https://example.org/news/2021/3/28/church-attack", "2021-03-28"},
		{"https://example.org/news/2019/5/6/story", "2019-05-06"},
		{"https://example.org/news/2019/5/612345", ""},
		{"https://example.org/2021/mayor-says", ""},
		{"https://en.wikipedia.org/wiki/2016_Berlin_truck_attack", ""},
		// the day and month before the year: only when one order is a date
		{"https://example.org/news/border-guards-05292020164252.html", "2020-05-29"},
		{"https://example.org/news/story-29052020.html", "2020-05-29"},
		{"https://example.org/english/kurdistan/05092024-amp", ""},
		{"https://example.org/news/07072021/story", "2021-07-07"},
		{"https://example.org/news/article-33992020.html", ""},
		{"https://example.org/english/iraq/250920161-amp", "2016-09-25"},
		{"https://example.org/news/item-3399202012.html", ""},
		{"https://example.org/archives/la-xpm-2001-jun-02-mn-5556-story.html", "2001-06-02"},
		// a month's folder, then an id opening with the year, month and day
		{"https://example.org/news/2017/02/helmand-attack-170228083738161.html", "2017-02-28"},
		{"https://example.org/news/asia/2012/09/201291651432955568.html", "2012-09-16"},
		{"https://example.org/news/asia/2012/11/2012111765432955568.html", "2012-11-17"},
		{"https://example.org/news/2017/02/helmand-attack-160228083738161.html", ""},
	} {
		if got := DateFromURL(tc.url); got != tc.want {
			t.Errorf("DateFromURL(%s) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

func TestTitleFromURL(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"https://en.wikipedia.org/wiki/2016_Berlin_truck_attack", "2016 Berlin truck attack"},
		{"https://en.wikipedia.org/?oldid=909220795&title=2019_El_Paso_shooting", "2019 El Paso shooting"},
		{"https://en.wikipedia.org/wiki/Re%27im_music_festival_massacre?oldid=1", "Re'im music festival massacre"},
		{"https://en.wikipedia.org/wiki/Talk:Foo", ""},
		{"https://example.org/news/story", ""},
	} {
		if got := TitleFromURL(tc.url); got != tc.want {
			t.Errorf("TitleFromURL(%s) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.txt", "a.txt", ".hidden.txt", "sub/c.txt", "README.md", "ATTRIBUTION.md", "sub/samples.go", "sub/photo.JPG"} {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	got := Expand([]string{dir, filepath.Join(dir, "*.txt"), "-", "nope.txt"})
	want := []string{
		filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub/c.txt"),
		filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), "-", "nope.txt",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Expand = %v\nwant %v", got, want)
	}
	// named on the command line, a file is read whatever its name
	if got := Expand([]string{filepath.Join(dir, "README.md")}); len(got) != 1 {
		t.Fatalf("Expand(README.md) = %v, want the file", got)
	}
}

// A folder is read for the types dossier reads, less its README, licence
// and attribution files.
func TestNotDocument(t *testing.T) {
	for _, c := range []struct {
		name string
		not  bool
	}{
		{"README.md", true}, {"readme", true}, {"LICENSE", true}, {"ATTRIBUTION.md", true}, {"NOTICE.txt", true},
		{"samples.go", true}, {"build.sh", true}, {"photo.jpeg", true}, {"kb.db", true}, {"styles.css", true},
		{"notes.md", true}, {"feed.json", true}, {"report.pdf", true},
		{"report.txt", false}, {"page.html", false}, {"page.HTM", false}, {"feed.jsonl", false}, {"feed.ndjson", false},
		{"dump.xml.bz2", false}, {"dump.xml", false}, {"pages.gz", false}, {"article", false}, {"readme-attack.txt", false},
	} {
		if got := NotDocument(c.name) != ""; got != c.not {
			t.Errorf("NotDocument(%q) = %q, want not a document: %v", c.name, NotDocument(c.name), c.not)
		}
	}
}

// FuzzParse: any bytes give a document or an error, never a panic, and a
// document's header ends inside the text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Source: https://x.org/2021/11/07/a\nPublished: 2021-11-07\nTitle: T\n\nBody.",
		"Attempted assassination | |\n---|---|\nLocation | Baghdad, Iraq |\nText.",
		"= T =\n\nInfobox\n- Date: 7 November 2021\n\nProse [1].",
		"\xff\xfe", "Published: 2021-02-30\n", "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse("fuzz", b, Limits{MaxBytes: 1 << 20, MaxLineBytes: 1 << 16})
		if err != nil {
			return
		}
		h := ParseHeader(doc.Raw)
		if h.End < 0 || h.End > len(doc.Raw) {
			t.Fatalf("header end %d out of range", h.End)
		}
	})
}

// A stored page may carry its date as a label run into its first line
// ("date 2021-10-04 KABUL ..."): that is its publication date; a date
// further into the line, or a label without an ISO date, is not.
func TestDatePrefix(t *testing.T) {
	for _, c := range []struct{ name, text, want, span string }{
		{"store", "Source: https://example.org/a\nTitle: A\n\n date 2021-10-04 KABUL, Afghanistan (AP) — A bomb exploded.\n", "2021-10-04", "2021-10-04"},
		{"posted on", "\nPosted on 2019-08-28 Maputo — Terrorists murdered five people.\n", "2019-08-28", "2019-08-28"},
		{"with a time", "Published: 2019-08-28T10:15 Maputo — text.\n", "2019-08-28", "2019-08-28"},
		{"alone", "date 2017-02-19\nMobile\n", "2017-02-19", "2017-02-19"},
		{"in a sentence", "On 2019-08-28 gunmen killed five people.\n", "", ""},
		{"second line", "Title line\ndate 2019-08-28 text\n", "", ""},
		{"written date", "date August 28, 2019 Maputo — text.\n", "", ""},
		{"not a day", "date 2019-13-45 text\n", "", ""},
		{"a word", "dated 2019-08-28 text\n", "", ""},
	} {
		off := 0
		if strings.HasPrefix(c.text, "Source:") {
			off = ParseHeader([]byte(c.text)).End
		}
		got, s, e := DatePrefix([]byte(c.text), off)
		if got != c.want || got != "" && c.text[s:e] != c.span {
			t.Errorf("%s: DatePrefix = %q at %d-%d, want %q", c.name, got, s, e, c.want)
		}
	}
	doc, err := Parse("page.txt", []byte("Source: https://example.org/a\nTitle: A\n\n date 2021-10-04 KABUL, Afghanistan (AP) — A bomb exploded.\n"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Published != "2021-10-04" || doc.PublishedFrom != "line" {
		t.Errorf("Parse: published %q from %q", doc.Published, doc.PublishedFrom)
	}
}

// A date line in figures is read when the order of day and month is plain.
func TestSlashDateLine(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"Published on - 1/31/2008", "2008-01-31"},
		{"Posted: 31/01/2008 10:20", "2008-01-31"},
		{"Published on - 3/4/2008", ""},
		{"Published on - 2/31/2008", ""},
		{"The attack on 1/31/2008 killed three.", ""},
	} {
		if got := labelledDate([]byte(c.line)); got != c.want {
			t.Errorf("labelledDate(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// A blog prints its stamp under the text: "Posted by NAME on DATE".
func TestDateFooter(t *testing.T) {
	for _, c := range []struct{ name, text, want, span string }{
		{"wordpress", "Two soldiers were killed Saturday.\n\nPosted by on June 29, 2020. Filed under Zoom.\n", "2020-06-29", "June 29, 2020"},
		{"with a name", "Text.\nPosted by Jane Smith on 3 May 2018\n", "2018-05-03", "3 May 2018"},
		{"abbreviated", "Text.\nPublished on Sept. 4, 2019 | 3 comments\n", "2019-09-04", "Sept. 4, 2019"},
		{"in a sentence", "The statement was posted on June 29, 2020 by the army.\n", "", ""},
		{"a list of posts", "Posted on June 29, 2020\nOne.\nPosted on June 30, 2020\nTwo.\n", "", ""},
	} {
		got, s, e := DateFooter([]byte(c.text), 0)
		if got != c.want || got != "" && c.text[s:e] != c.span {
			t.Errorf("%s: DateFooter = %q at %d-%d, want %q", c.name, got, s, e, c.want)
		}
	}
	doc, err := Parse("page.txt", []byte("Source: https://example.org/a\nTitle: A\n\nTwo soldiers were killed Saturday.\n\nPosted by on June 29, 2020. Filed under Zoom.\n"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Published != "2020-06-29" || doc.PublishedFrom != "line" {
		t.Errorf("Parse: published %q from %q", doc.Published, doc.PublishedFrom)
	}
}

// A news page prints its date on a line of its own near the top; a date
// inside a sentence, or far down the page, is not the publication date.
func TestDateLine(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"weekday", "Suicide bomber kills three\n\nFrom Wikinews, the free news source you can write!\nJump to navigation Jump to search\n\nMonday, November 9, 2009\n\nPakistani police said today ...\n", "2009-11-09"},
		{"day first", "Title\n\n9 November 2009\n\nText.\n", "2009-11-09"},
		{"iso", "2011-02-21\nText.\n", "2011-02-21"},
		{"in a sentence", "Title\n\nOn Monday, November 9, 2009 a bomb exploded.\n", ""},
		{"after the text", "Title\n\nA bomb exploded in the market of the city on Monday, killing three people.\n\nPolice said the bomber was a young man who walked into the crowd.\n\nMonday, November 9, 2009\n", ""},
		{"under furniture", "Title\nSkip to main content\nSubscribe to our newsletter\nUpdated 2 hours ago\nBy Staff Reporter\n4 min read\nShare\nPrint\nEmail\nMenu\n\nMonday, November 9, 2009\n\nText.\n", "2009-11-09"},
		{"too far down", strings.Repeat("A line of the page 1\n", 20) + "Monday, November 9, 2009\n", ""},
		{"too far down the menus", strings.Repeat("Section\n", 80) + "Monday, November 9, 2009\n", ""},
		{"under a menu", "Title\n" + strings.Repeat("Section\nOther Section\n-------\n", 10) + "Saturday, 7 December, 2002, 20:49 GMT\nBombs hit cinemas\n\nText.\n", "2002-12-07"},
		{"not a date", "Title\n\nMonday, November 39, 2009\n", ""},
		{"agency", "Title\n\nReuters , Thursday 25 Mar 2021\n\nText.\n", "2021-03-25"},
		{"labelled", "Title\n\nPublished: April 7, 2016\n\nText.\n", "2016-04-07"},
		{"byline", "Title\n\nby Staff Reporter in Dawn, January 4th, 2021\n\nText.\n", "2021-01-04"},
		{"updated later", "Title\n\nDawn Report Published June 10, 2024 Updated June 11, 2024 07:32am\n\nText.\n", "2024-06-10"},
		{"two dates", "Title\n\nFrom June 10, 2024 to June 11, 2024\n\nText.\n", ""},
		{"a headline", "Title\n\nAttack on 12 March 2019 kills five\n\nText.\n", ""},
		{"posted and updated as of", "Title\n\nAgency\n\nPosted at Apr 13 2010 05:19 PM | Updated as of Apr 14 2010 05:27 AM\n\nText.\n", "2010-04-13"},
		{"a time in hours", "Title\n\nNews / Africa\n25 May 2014 at 17:06hrs | Views\n\nText.\n", "2014-05-25"},
		{"masthead", "Title\n\nThe Daily Example\nSpringfield, Ohio  Est. May 19, 1883\n\nText.\n", ""},
		{"a clock's date", "Title\nToday in Kandi, India\nMar 27, 2017-Monday\nKandi\n\nTitle\n\nindia Updated: Jan 18, 2014 14:49 IST\nJane Smith\n\nText.\n", "2014-01-18"},
		{"section before the label", "Title\n\nworld Published: April 7, 2016\n\nText.\n", "2016-04-07"},
		{"words before a date", "Title\n\nthe attack of April 7, 2016\n\nText.\n", ""},
		{"published on the day, with its latest update", "Title\n\nArticle published on the 2009-08-25 Latest update 2009-08-25 13:19 TU\n\nText.\n", "2009-08-25"},
		{"labelled under a caption", "Title\n\nPolice in the country have vowed to use any means of force to quell tensions in the highlands, as tribal violence has claimed the lives of more than 60 people. Picture: AGENCY\n\nPolice in the country have vowed to use any means of force to quell tensions in the highlands, as tribal violence has claimed the lives of more than 60 people. Picture: AGENCY\n\nPublished Feb 19, 2024\n\nText.\n", "2024-02-19"},
		{"unlabelled under prose", "Title\n\nPolice in the capital have vowed to use force, as violence has claimed 60 lives.\n\nThe toll rose on Sunday, officials said in a statement to reporters.\n\nFeb 19, 2024\n\nText.\n", ""},
		{"the only after on", "Title\n\nthe attack on the 2009-08-25\n\nText.\n", ""},
	} {
		got, s, e := DateLine([]byte(c.text), 0)
		if got != c.want {
			t.Errorf("%s: DateLine = %q, want %q", c.name, got, c.want)
			continue
		}
		if got != "" && strings.TrimSpace(c.text[s:e]) != c.text[s:e] {
			t.Errorf("%s: offsets %d-%d give %q", c.name, s, e, c.text[s:e])
		}
	}
	doc, err := Parse("page.txt", []byte("Source: https://en.wikinews.org/wiki/X\n\nX\n\nMonday, November 9, 2009\n\nText.\n"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Published != "2009-11-09" || doc.PublishedFrom != "line" || string(doc.Raw[doc.PublishedStart:doc.PublishedEnd]) != "Monday, November 9, 2009" {
		t.Errorf("Parse: published %q from %q at %q", doc.Published, doc.PublishedFrom, doc.Raw[doc.PublishedStart:doc.PublishedEnd])
	}
}
