package htmldoc

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// skipped are elements whose content is never prose: code, styling,
// embedded media, forms and page chrome that readability may leave in.
var skipped = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "object": true, "embed": true, "svg": true, "math": true, "canvas": true,
	"audio": true, "video": true, "picture": true, "img": true, "map": true,
	"form": true, "button": true, "input": true, "select": true, "textarea": true, "option": true,
	"nav": true, "dialog": true,
}

// blocks end a paragraph before and after them.
var blocks = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true, "footer": true,
	"aside": true, "blockquote": true, "pre": true, "address": true, "figure": true, "figcaption": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
	"ul": true, "ol": true, "dl": true, "li": true, "dt": true, "dd": true,
	"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "caption": true,
	"details": true, "summary": true, "body": true, "html": true, "center": true,
}

// plainText flattens an HTML tree to text: one paragraph per line, a
// blank line between paragraphs, whitespace inside a paragraph collapsed
// to single spaces. A <br> breaks the line inside a paragraph; table cells
// are separated by " | ". Scripts, styles, forms and hidden elements give
// nothing. Invisible characters (soft hyphens, zero-width spaces) are
// dropped and no-break spaces become spaces, so that words in the text are
// the words a reader sees.
func plainText(n *html.Node) string {
	var t textBuilder
	t.walk(n)
	t.endPara()
	return strings.Join(t.paras, "\n\n") + "\n"
}

type textBuilder struct {
	paras []string
	cur   strings.Builder
	space bool // a space is owed before the next word
	cells int  // cells written in the current table row
}

func (t *textBuilder) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data)
		return
	case html.ElementNode:
		if skipped[n.Data] || hidden(n) {
			return
		}
		switch n.Data {
		case "br":
			t.lineBreak()
			return
		case "td", "th":
			if t.cells > 0 {
				t.word(" |")
				t.space = true
			}
			t.cells++
		case "tr":
			t.endPara()
			t.cells = 0
		}
		if blocks[n.Data] {
			t.endPara()
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c)
	}
	if n.Type == html.ElementNode && blocks[n.Data] {
		t.endPara()
	}
}

func (t *textBuilder) text(s string) {
	start := -1
	flush := func(i int) {
		if start >= 0 {
			t.word(s[start:i])
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case r == '\u00AD' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF':
			// invisible: drop, but keep the word whole
			flush(i)
			start = -1
			continue
		case unicode.IsSpace(r):
			flush(i)
			t.space = true
		case unicode.IsControl(r):
			flush(i)
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(s))
}

// word appends w, with the owed space unless at the start of a line.
func (t *textBuilder) word(w string) {
	if t.space && t.cur.Len() > 0 && !strings.HasSuffix(t.cur.String(), "\n") {
		t.cur.WriteByte(' ')
	}
	t.space = false
	t.cur.WriteString(w)
}

func (t *textBuilder) lineBreak() {
	if t.cur.Len() > 0 && !strings.HasSuffix(t.cur.String(), "\n") {
		t.cur.WriteByte('\n')
	}
	t.space = false
}

func (t *textBuilder) endPara() {
	p := strings.TrimRight(t.cur.String(), "\n ")
	t.cur.Reset()
	t.space = false
	if strings.TrimSpace(p) != "" {
		t.paras = append(t.paras, p)
	}
}

// hidden says whether an element is not shown: the hidden attribute,
// aria-hidden, or an inline display:none or visibility:hidden.
func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}
