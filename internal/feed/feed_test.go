package feed

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/reader"
)

type line struct {
	doc *dossier.Document
	err error
}

func readAll(t *testing.T, name string, data []byte, lim reader.Limits) []line {
	t.Helper()
	var out []line
	for doc, err := range Documents(t.Context(), name, bytes.NewReader(data), lim) {
		out = append(out, line{doc, err})
	}
	return out
}

// TestFeed reads a feed with a broken line: the broken line is an error
// naming the file and the line, the lines after it are read.
func TestFeed(t *testing.T) {
	data, err := os.ReadFile("testdata/news.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	got := readAll(t, "testdata/news.jsonl", data, reader.Limits{})
	if len(got) != 4 {
		t.Fatalf("got %d items, want 3 documents and 1 error", len(got))
	}
	want := []struct {
		path, source, title, published string
		at                             string // the moment of publication where the feed gives a time and an offset
	}{
		{"testdata/news.jsonl#L1", "https://en.m.wikinews.org/wiki/Bomb_on_Jerusalem_bus_kills_one,_over_30_injured", "Bomb on Jerusalem bus kills one, over 30 injured", "2011-03-26", ""},
		{"testdata/news.jsonl#L2", "https://en.m.wikinews.org/wiki/Somali_minister_killed_by_car_bomb", "Somali minister killed by car bomb", "2009-06-18", "2009-06-18T08:15:00+03:00"},
		{},
		{"testdata/news.jsonl#L5", "https://en.wikinews.org/wiki/Eleven_dead_after_Belarus_subway_bombing", "Eleven dead after Belarus subway bombing", "2011-04-12", ""},
	}
	for i, w := range want {
		if w.path == "" {
			var fe *Error
			if !errors.As(got[i].err, &fe) || fe.Line != 4 || fe.File != "testdata/news.jsonl" {
				t.Fatalf("item %d: error %v, want an *Error for line 4", i, got[i].err)
			}
			if msg := got[i].err.Error(); !strings.HasPrefix(msg, "testdata/news.jsonl:4: not a JSON object") {
				t.Errorf("error message %q", msg)
			}
			continue
		}
		d := got[i].doc
		if got[i].err != nil {
			t.Fatalf("item %d: %v", i, got[i].err)
		}
		if d.Path != w.path || d.Source != w.source || d.Title != w.title || d.Published != w.published || d.Format != "jsonl" {
			t.Errorf("item %d: %q %q %q %q %q, want %+v", i, d.Path, d.Source, d.Title, d.Published, d.Format, w)
		}
		// Raw is a saved text article: the text reader reads its header back.
		h := reader.ParseHeader(d.Raw)
		if h.Source != w.source || h.Published != w.published || h.Title != w.title {
			t.Errorf("item %d: header %+v", i, h)
		}
		at := ""
		if !d.PublishedAt.IsZero() {
			at = d.PublishedAt.Format(time.RFC3339)
		}
		if at != w.at {
			t.Errorf("item %d: published at %q, want %q", i, at, w.at)
		}
		if d.Text != nil || d.Key() != w.source {
			t.Errorf("item %d: Text set or key %q", i, d.Key())
		}
	}
}

func TestBadLines(t *testing.T) {
	tests := []struct {
		name, line string
		want       string
	}{
		{"not JSON", `url: https://example.org`, "not a JSON object"},
		{"an array", `["a", "b"]`, "want an object, got array"},
		{"two values", `{"text": "Gunmen attacked a post."} {"text": "x"}`, "more than one value"},
		{"text is a number", `{"text": 12}`, `field "text" must be a string`},
		{"no text", `{"url": "https://example.org/a", "title": "A"}`, "no text"},
		{"blank text", `{"text": "  \n "}`, "no text"},
		{"bad date", `{"text": "Gunmen attacked a post.", "published": "last Tuesday"}`, `published is not a date: "last Tuesday"`},
		{"binary text", `{"text": "\u0000\u0001\u0002"}`, "binary"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := readAll(t, "f.jsonl", []byte("\n"+tc.line+"\n"), reader.Limits{})
			if len(got) != 1 || got[0].err == nil {
				t.Fatalf("got %+v, want one error", got)
			}
			if msg := got[0].err.Error(); !strings.HasPrefix(msg, "f.jsonl:2: ") || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q, want f.jsonl:2: ... %s", msg, tc.want)
			}
		})
	}
}

// TestLongLine: a line over the limit is reported and skipped without
// being held in memory, and the next line is read.
func TestLongLine(t *testing.T) {
	long := `{"text": "` + strings.Repeat("word ", 100_000) + `"}`
	data := long + "\n" + `{"text": "A bomb exploded in Kabul.", "date": "2020-05-01T10:00:00Z", "source": "https://example.org/a", "site": "Example", "author": "A. B."}` + "\n"
	got := readAll(t, "f.jsonl", []byte(data), reader.Limits{MaxBytes: 64 << 10})
	if len(got) != 2 || !errors.Is(got[0].err, reader.ErrTooLarge) || got[1].err != nil {
		t.Fatalf("got %+v", got)
	}
	d := got[1].doc
	if d.Path != "f.jsonl#L2" || d.Published != "2020-05-01" || d.Source != "https://example.org/a" || d.Site != "Example" || d.Author != "A. B." {
		t.Errorf("doc %+v", d)
	}
}

// TestNoFinalNewline and CRLF line ends.
func TestLineEnds(t *testing.T) {
	data := "{\"text\": \"One.\"}\r\n{\"text\": \"Two.\"}"
	got := readAll(t, "f.jsonl", []byte(data), reader.Limits{})
	if len(got) != 2 || got[0].err != nil || got[1].err != nil || string(got[1].doc.Raw) != "Two.\n" {
		t.Fatalf("got %+v", got)
	}
}

// TestReadError: a failing reader ends the feed with an error naming the line.
func TestReadError(t *testing.T) {
	r := iotest.TimeoutReader(strings.NewReader(strings.Repeat(`{"text": "One."}`+"\n", 10000)))
	var last error
	n := 0
	for _, err := range Documents(t.Context(), "f.jsonl", r, reader.Limits{}) {
		n++
		last = err
	}
	if last == nil || !strings.Contains(last.Error(), "f.jsonl:") || !strings.Contains(last.Error(), "read:") {
		t.Fatalf("after %d items, last error %v", n, last)
	}
}
