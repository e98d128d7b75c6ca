// Package htmldoc reads saved HTML news pages into documents: the main text
// of the page (found by go-readability, then flattened here to plain text
// with one paragraph per line and a blank line between paragraphs), and the
// page's title, site, author, canonical address and publication date from
// its metadata.
//
// The document it makes keeps the page exactly as read in Raw and puts the
// text to extract from in Text. Text begins with the same metadata header
// as a saved plain-text article ("Source:", "Published:", "Title:" lines,
// then a blank line), so the extractor reads an HTML page and a text file
// alike and can point at the publication date it anchored relative dates
// ("on Tuesday", "two days before") to. The extractor reads Document.Body,
// which is Text when it is set: evidence offsets of an HTML document index
// Text, not the HTML.
package htmldoc

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/reader"
)

// Format is the Document.Format of the documents this package makes.
const Format = "html"

// ErrNoText is returned for a page in which no prose was found.
var ErrNoText = errors.New("no text found in the HTML page")

// maxElements bounds the work readability does on one page; a saved news
// article has a few thousand elements.
const maxElements = 200_000

// Parse reads one HTML page. path names the document (Document.Path); raw
// is the page as read. The size and the lines of the extracted text are
// checked against lim. Errors do not repeat the path: callers wrap them.
func Parse(path string, raw []byte, lim reader.Limits) (*dossier.Document, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, reader.ErrEmpty
	}
	if bytes.IndexByte(head(raw, 8192), 0) >= 0 && !utf16BOM(raw) {
		return nil, reader.ErrBinary
	}
	src, err := decode(raw)
	if err != nil {
		return nil, err
	}
	// Nesting past any real page's is flattened first: parsing and
	// readability would otherwise take time that grows with depth squared.
	src, _ = flatten(src)
	src, cutNote := slim(src)
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	m := readMeta(root)

	// Metadata first: readability changes the tree it reads.
	var base *url.URL
	if m.source != "" {
		base, _ = url.Parse(m.source)
	}
	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	var body string
	if art, err := p.ParseAndMutate(root, base); err == nil {
		if art.Node != nil {
			body = plainText(art.Node)
		}
		m.fallback(art)
	}
	if strings.TrimSpace(body) == "" {
		// Readability gives up on pages too short or too odd for it; the
		// visible text of the whole page is better than nothing.
		if fresh, err := html.Parse(bytes.NewReader(src)); err == nil {
			body = plainText(fresh)
		}
	}
	if strings.TrimSpace(body) == "" {
		return nil, ErrNoText
	}

	doc := &dossier.Document{
		Path:   path,
		Source: m.source,
		Title:  m.title,
		Site:   m.site,
		Author: m.author,
		Format: Format,
		Raw:    raw,
		Cut:    cutNote,
	}
	doc.Published, doc.PublishedAt = m.published, m.publishedAt
	if doc.Published != "" {
		doc.PublishedFrom = "meta"
	}
	if doc.Published == "" && m.source != "" {
		doc.Published = reader.DateFromURL(m.source)
	}
	if doc.Published == "" {
		doc.Published = reader.DateFromURL(path)
	}
	if doc.PublishedFrom == "" && doc.Published != "" {
		doc.PublishedFrom = "url"
	}
	if doc.Site == "" && base != nil {
		doc.Site = strings.TrimPrefix(base.Hostname(), "www.")
	}
	doc.Text = render(doc, body)
	if err := reader.Check(doc.Text, lim); err != nil {
		return nil, fmt.Errorf("extracted text: %w", err)
	}
	return doc, nil
}

// render writes the metadata header and the text. The header is what
// reader.ParseHeader reads back.
func render(doc *dossier.Document, body string) []byte {
	var b bytes.Buffer
	line := func(k, v string) {
		if v = oneLine(v); v != "" {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	line("Source", doc.Source)
	line("Published", doc.Published)
	line("Title", doc.Title)
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(body)
	if b.Len() > 0 && b.Bytes()[b.Len()-1] != '\n' {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func head(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

func utf16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE})
}

// decode returns the page as UTF-8. Bytes that are valid UTF-8 are taken as
// such whatever the page declares (a page declaring Latin-1 but valid as
// UTF-8 is nearly always ASCII or mislabelled). Otherwise the encoding comes
// from a byte order mark or a <meta charset>, else windows-1252, what
// browsers assume. Bytes invalid in the encoding become U+FFFD rather than
// failing the page.
func decode(raw []byte) ([]byte, error) {
	if utf8.Valid(raw) && !utf16BOM(raw) {
		return raw, nil
	}
	enc, name, _ := charset.DetermineEncoding(raw, "text/html")
	if name == "utf-8" {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD")), nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}
