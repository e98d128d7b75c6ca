package htmldoc

import (
	"bytes"

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
