package dump

import (
	"context"
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/wikitext"
)

// Hint keys of the documents made from dump pages.
const (
	HintInfobox  = "infobox"       // Value: the infobox template name
	HintField    = "infobox."      // Key prefix, then the field key: "infobox.Location"
	HintLink     = "link"          // Value: the link target, an entity hint; offsets: the link text
	HintCoord    = "coord"         // Value: "lat,lon"
	HintCategory = "category"      // Value: a category name
	HintCitation = "citation"      // Value: the reference text; offsets: the [n] marker
	HintSection  = "section"       // Value: the heading; offsets: the heading title
	HintWikiID   = "wikipedia.id"  // Value: the page id
	HintSelected = "dump.selected" // Value: why the filter selected the page
)

// Document renders a page's wikitext and makes the document the extractor
// reads: Raw is the rendered text, and Hints carry the infobox fields,
// links, coordinates, categories and citations with their offsets.
func Document(file string, p *Page) (dossier.Document, error) {
	rp, err := wikitext.Render(p.Title, p.Text)
	if err != nil {
		return dossier.Document{}, fmt.Errorf("%s: page %q: %w", file, p.Title, err)
	}
	doc := dossier.Document{
		Path:   file + "#" + p.Title,
		Source: PageURL(p.Title),
		Title:  p.Title,
		Format: "wikitext",
		Raw:    []byte(rp.Text),
	}
	if p.ID != 0 {
		doc.Hints = append(doc.Hints, dossier.Hint{Key: HintWikiID, Value: strconv.FormatInt(p.ID, 10)})
	}
	if p.Reason != "" {
		doc.Hints = append(doc.Hints, dossier.Hint{Key: HintSelected, Value: p.Reason})
	}
	if ib := rp.Infobox; ib != nil {
		doc.Hints = append(doc.Hints, dossier.Hint{Key: HintInfobox, Value: ib.Name})
		for _, f := range ib.Fields {
			doc.Hints = append(doc.Hints, dossier.Hint{Key: HintField + f.Key, Value: f.Value, Start: f.Start, End: f.End})
		}
	}
	if c := rp.Coord; c != nil {
		doc.Hints = append(doc.Hints, dossier.Hint{Key: HintCoord,
			Value: strconv.FormatFloat(c.Lat, 'f', -1, 64) + "," + strconv.FormatFloat(c.Lon, 'f', -1, 64)})
	}
	for _, s := range rp.Sections {
		doc.Hints = append(doc.Hints, dossier.Hint{Key: HintSection, Value: s.Title, Start: s.Start, End: s.End})
	}
	for _, l := range rp.Links {
		doc.Hints = append(doc.Hints, dossier.Hint{Key: HintLink, Value: l.Target, Start: l.Start, End: l.End})
	}
	for _, c := range rp.Citations {
		for _, m := range c.Markers {
			doc.Hints = append(doc.Hints, dossier.Hint{Key: HintCitation, Value: c.Text, Start: m.Start, End: m.End})
		}
	}
	for _, c := range rp.Categories {
		doc.Hints = append(doc.Hints, dossier.Hint{Key: HintCategory, Value: c})
	}
	return doc, nil
}

// PageURL is the English Wikipedia address of a title, escaped as
// MediaWiki writes it (wfUrlencode): "Re%27im_music_festival_massacre",
// "Washington,_D.C.", "Krak%C3%B3w".
func PageURL(title string) string {
	t := strings.ReplaceAll(strings.TrimSpace(title), " ", "_")
	var b strings.Builder
	b.WriteString("https://en.wikipedia.org/wiki/")
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~;@$!*(),/:", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// Documents yields the selected pages as documents (see Document); errors
// are those of Pages, and a page that fails to render is yielded as an
// *Error and skipped.
func (r *Reader) Documents(ctx context.Context) iter.Seq2[dossier.Document, error] {
	return func(yield func(dossier.Document, error) bool) {
		for p, err := range r.Pages(ctx) {
			if err != nil {
				if !yield(dossier.Document{}, err) {
					return
				}
				continue
			}
			doc, err := Document(r.path, p)
			if err != nil {
				r.failed.Add(1)
				err = &Error{File: r.path, Stream: p.Stream, Offset: p.Offset, Title: p.Title, Err: err}
			}
			if !yield(doc, err) {
				return
			}
		}
	}
}
