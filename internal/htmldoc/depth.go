package htmldoc

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"
)

// maxDepth bounds element nesting. The HTML parser and readability both
// do work that grows with depth at every element, so 20,000 nested <div>
// took tens of seconds; real pages nest a few dozen levels.
const maxDepth = 512

// notNesting are elements that close themselves or are closed implicitly
// by their next sibling: they do not count as nesting (a page full of
// unclosed <p> or <td> is not deep).
var notNesting = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
	"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true, "option": true,
	"optgroup": true, "tbody": true, "thead": true, "tfoot": true, "colgroup": true, "rb": true, "rt": true, "rp": true,
}

// flatten returns src unchanged when its elements nest at most maxDepth
// deep; otherwise a copy without the tags nested deeper (their text is
// kept), made in one pass of the tokenizer. The second result tells
// whether tags were dropped.
func flatten(src []byte) ([]byte, bool) {
	if !tooDeep(src) {
		return src, false
	}
	var out bytes.Buffer
	out.Grow(len(src))
	z := html.NewTokenizer(bytes.NewReader(src))
	depth := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken { // io.EOF, or a read error of a bytes.Reader: none
			return out.Bytes(), true
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if notNesting[string(name)] {
				if depth >= maxDepth {
					continue
				}
				break
			}
			depth++
			if depth > maxDepth {
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if notNesting[string(name)] {
				if depth >= maxDepth {
					continue
				}
				break
			}
			d := depth
			if depth > 0 {
				depth--
			}
			if d > maxDepth {
				continue
			}
		}
		out.Write(raw)
	}
}

// tooDeep tells whether src nests elements deeper than maxDepth, counting
// as flatten does.
func tooDeep(src []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(src))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if !notNesting[string(name)] {
				if depth++; depth > maxDepth {
					return true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !notNesting[string(name)] && depth > 0 {
				depth--
			}
		}
	}
}

// maxHTMLBytes bounds the HTML given to the parser and readability, whose
// trees take about fifty bytes of memory per byte of page. Saved news
// pages are well under it once their scripts and styles are gone.
const maxHTMLBytes = 3 << 20

// bulky are elements whose content is never text to read.
var bulky = map[string]bool{"script": true, "style": true, "svg": true, "noscript": true, "template": true, "iframe": true, "object": true}

// slim returns a page no larger than maxHTMLBytes: a larger page loses
// its scripts (except JSON-LD metadata), styles and comments, in one pass
// of the tokenizer; if it is still larger, it is cut after the last tag
// that ends before the bound. The note says what was done, or is empty.
func slim(src []byte) ([]byte, string) {
	if len(src) <= maxHTMLBytes {
		return src, ""
	}
	var out bytes.Buffer
	out.Grow(min(len(src), maxHTMLBytes+4096))
	z := html.NewTokenizer(bytes.NewReader(src))
	skip := "" // the bulky element being skipped
	cut := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.CommentToken:
			continue
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			if skip == "" && bulky[string(name)] && !isJSONLD(z, hasAttr) {
				skip = string(name)
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if skip != "" && string(name) == skip {
				skip = ""
				continue
			}
		}
		if skip != "" {
			continue
		}
		if out.Len()+len(raw) > maxHTMLBytes {
			cut = true
			break
		}
		out.Write(raw)
	}
	note := fmt.Sprintf("HTML page of %.1f MB: scripts and styles left out", float64(len(src))/1e6)
	if cut {
		note = fmt.Sprintf("HTML page of %.1f MB: scripts and styles left out, the first %.1f MB of the rest read", float64(len(src))/1e6, float64(out.Len())/1e6)
	}
	return out.Bytes(), note
}

// isJSONLD tells a <script type="application/ld+json">, which holds the
// page's metadata.
func isJSONLD(z *html.Tokenizer, hasAttr bool) bool {
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "type" && bytes.Contains(bytes.ToLower(v), []byte("ld+json")) {
			return true
		}
	}
	return false
}
