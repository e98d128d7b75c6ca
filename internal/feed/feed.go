// Package feed reads JSON Lines feeds of articles, one JSON object per line:
//
//	{"url": "https://...", "title": "...", "published": "2021-11-07", "text": "..."}
//
// Each line becomes a document whose Raw is the article rendered as a saved
// text article ("Source:", "Published:", "Title:" header lines, a blank
// line, then the text), so the text reader's checks and the extractor
// apply to it unchanged and evidence offsets index that rendering. A line
// that cannot be read is an error naming the file and the line; the lines
// after it are read all the same.
package feed

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/reader"
)

// Format is the Document.Format of the documents this package makes.
const Format = "jsonl"

// Item is one line of a feed. Besides the four fields of the format,
// "source" is read as "url", "date" as "published", and "site" and
// "author" are kept when present. Other fields are ignored.
type Item struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Site      string `json:"site,omitempty"`
	Author    string `json:"author,omitempty"`

	Source string `json:"source,omitempty"`
	Date   string `json:"date,omitempty"`
}

// Error is a line of a feed that could not be read.
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string { return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Problems of a line.
var (
	ErrNoText  = errors.New("no text")
	ErrBadDate = errors.New("published is not a date")
)

// Name is the Document.Path of a feed's line: "feed.jsonl#L12". It is
// stable as long as the line stays where it is; a document with a URL is
// known to a store by its URL (Document.Key) whatever its line.
func Name(file string, line int) string { return file + "#L" + strconv.Itoa(line) }

// Documents reads a feed from r and yields one document per line, in
// order, or an *Error for a line that cannot be read; blank lines are
// skipped. A line longer than lim.MaxBytes is skipped and reported. Reading
// stops when the consumer breaks, when ctx ends, or at a read error of r
// (yielded last, as an *Error with the line it stopped at).
func Documents(ctx context.Context, file string, r io.Reader, lim reader.Limits) iter.Seq2[*dossier.Document, error] {
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = reader.DefaultLimits.MaxBytes
	}
	return func(yield func(*dossier.Document, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			if err := ctx.Err(); err != nil {
				yield(nil, &Error{File: file, Line: n, Err: err})
				return
			}
			line, long, err := readLine(br, lim.MaxBytes)
			if len(bytes.TrimSpace(line)) > 0 || long {
				var doc *dossier.Document
				var lerr error
				if long {
					lerr = fmt.Errorf("%w: line longer than %d bytes, skipped", reader.ErrTooLarge, lim.MaxBytes)
				} else {
					doc, lerr = Parse(Name(file, n), line, lim)
				}
				if lerr != nil {
					if !yield(nil, &Error{File: file, Line: n, Err: lerr}) {
						return
					}
				} else if !yield(doc, nil) {
					return
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(nil, &Error{File: file, Line: n, Err: fmt.Errorf("read: %w", err)})
				return
			}
		}
	}
}

// readLine reads one line without its end. A line longer than max is
// read to its end and dropped, with long set, so memory stays bounded.
func readLine(br *bufio.Reader, max int64) (line []byte, long bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			if int64(len(line)+len(chunk)) > max {
				long, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), long, err
	}
}

// Parse reads one line of a feed into a document named name.
func Parse(name string, line []byte, lim reader.Limits) (*dossier.Document, error) {
	var it Item
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&it); err != nil {
		return nil, fmt.Errorf("not a JSON object: %s", jsonProblem(err))
	}
	if dec.More() {
		return nil, errors.New("not a JSON object: more than one value on the line")
	}
	return it.Document(name, lim)
}

// jsonProblem says what is wrong with a line without Go type names.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	case errors.As(err, &te):
		if te.Field != "" {
			return fmt.Sprintf("field %q must be a %s", te.Field, te.Type.Kind())
		}
		return "want an object, got " + te.Value
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "unexpected end of line"
	}
	return err.Error()
}

// Document renders the item as a saved text article and reads it with the
// text reader's checks.
func (it Item) Document(name string, lim reader.Limits) (*dossier.Document, error) {
	url := firstOf(it.URL, it.Source)
	published := firstOf(it.Published, it.Date)
	text := strings.TrimSpace(strings.ReplaceAll(it.Text, "\r\n", "\n"))
	if text == "" {
		return nil, ErrNoText
	}
	day := ""
	if published != "" {
		if day = isoDate(published); day == "" {
			return nil, fmt.Errorf("%w: %q (want YYYY-MM-DD or RFC 3339)", ErrBadDate, published)
		}
	}
	var b bytes.Buffer
	header := func(k, v string) {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	header("Source", url)
	header("Published", day)
	header("Title", it.Title)
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(text)
	b.WriteByte('\n')
	doc, err := reader.Parse(name, b.Bytes(), lim)
	if err != nil {
		return nil, err
	}
	doc.Format = Format
	if day != "" {
		doc.PublishedAt, _ = reader.Instant(published) // the header holds only the day
	}
	doc.Site = strings.TrimSpace(it.Site)
	doc.Author = strings.TrimSpace(it.Author)
	if doc.Title == "" {
		doc.Title = strings.Join(strings.Fields(it.Title), " ")
	}
	return doc, nil
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// isoDate reads the dates feeds carry: ISO 8601 dates and timestamps (the
// day in the timestamp's own zone) and RFC 1123 as in RSS.
func isoDate(s string) string {
	for _, layout := range []string{"2006-01-02", time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05",
		"2006-01-02T15:04", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
