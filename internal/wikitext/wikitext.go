// Package wikitext renders MediaWiki wikitext to the plain-text layout that
// dossier's extractor reads, and collects what the markup says outright:
// the infobox and its fields, links (their targets are entity hints),
// references (kept as citations, shown as [n] markers), coordinates,
// categories and sections.
//
// The rendered text looks like this:
//
//	= Title =
//
//	Infobox
//	- Key: Value
//
//	Lead paragraph, with reference markers.[1][2]
//
//	== Section ==
//	Paragraph...
//
// It is not MediaWiki: templates are not expanded from their definitions
// (a dump has them, but running Lua modules is out of reach); the common
// ones are rendered by rules of this package and the rest dropped.
package wikitext

// Page is a rendered page.
type Page struct {
	Title string
	// Text is the plain-text rendering; all offsets below index it.
	Text string
	// Infobox is the first top-level infobox, nil if none.
	Infobox *Infobox
	// Links are the internal links kept in the text, in order.
	Links []Link
	// Categories are the page's categories, without the namespace.
	Categories []string
	// Coord is the page's coordinates: from {{coord}} shown at the title,
	// else in the infobox, else the first one in the text.
	Coord *Coord
	// Citations are the references, in the order of their numbers.
	Citations []Citation
	// Sections are the headings of the text.
	Sections []Section
	// Redirect is the target of a redirect page, "" otherwise.
	Redirect string
}

// Infobox is an infobox template and its parameters, rendered.
type Infobox struct {
	// Name is the template name, "Infobox civilian attack".
	Name   string
	Fields []Field
}

// Field is one infobox parameter.
type Field struct {
	// Key is the parameter as shown in the text: "Partof", "Map Type".
	Key string
	// Param is the parameter name as written: "partof", "map_type".
	Param string
	// Value is the value rendered to plain text, markers included.
	Value string
	// Start and End locate Value in Page.Text.
	Start, End int
}

// Link is an internal link: its visible text and the page it points to.
type Link struct {
	Text   string
	Target string
	// Start and End locate Text in Page.Text.
	Start, End int
}

// Coord is a point in decimal degrees.
type Coord struct {
	Lat, Lon float64
}

// Citation is a reference, shown in the text as [N] where it is cited.
type Citation struct {
	N     int
	Name  string // the ref's name, "" if unnamed
	Group string // "" for ordinary references
	Text  string // the reference rendered to plain text
	URL   string // the first URL in the reference
	// Markers locate each "[N]" for this citation in Page.Text.
	Markers []Span
}

// Span is a range of Page.Text.
type Span struct {
	Start, End int
}

// Section is a heading of the text.
type Section struct {
	Title string
	Level int // 2 for == Title ==
	// Start and End locate the heading's title in Page.Text.
	Start, End int
}

// MaxInput bounds the wikitext Render accepts; dumps cap pages far lower.
const MaxInput = 64 << 20
