package wikitext

import "strings"

// The parser is a small version of MediaWiki's preprocessor: one pass with
// a stack of open brackets builds a tree of templates ({{...}}), template
// parameters ({{{...}}}), links ([[...]]) and extension tags (<ref>,
// <nowiki>, ...), split at the top-level pipes. Comments are dropped.
// Brackets that never close fall back to plain text, as MediaWiki does, and
// every construct is found in time linear in the input.

type nodeKind uint8

const (
	nText     nodeKind = iota
	nTemplate          // {{name|args}}
	nParam             // {{{name|default}}}
	nLink              // [[target|text]]
	nTag               // extension tag: <ref>, <nowiki>, <pre>, ...
	nGroup             // nodes of brackets that never closed, as text
)

type node struct {
	kind  nodeKind
	text  string // nText: the text; nTag: the lower-case tag name
	attrs string // nTag: the attributes
	body  string // nTag: the raw content
	empty bool   // nTag: self-closing
	parts []part // nTemplate, nParam, nLink
	group []node // nGroup
}

// part is one |-separated piece of a template or link; a template argument
// with a top-level '=' has eq set and its name and value split.
type part struct {
	name  []node
	value []node
	eq    bool
}

// extTags are the tags whose content is not wikitext to be parsed in place.
var extTags = map[string]bool{
	"ref": true, "references": true, "nowiki": true, "pre": true, "math": true,
	"chem": true, "ce": true, "gallery": true, "timeline": true, "graph": true,
	"imagemap": true, "mapframe": true, "maplink": true, "templatedata": true,
	"templatestyles": true, "score": true, "section": true, "categorytree": true,
	"inputbox": true, "charinsert": true, "indicator": true, "poem": true,
	"syntaxhighlight": true, "source": true, "includeonly": true, "noinclude": true,
	"onlyinclude": true, "hiero": true, "rss": true, "dynamicpagelist": true,
}

// maxDepth bounds the brackets open at once; deeper ones are text. Real
// pages nest a few levels; the bound keeps unclosed input linear.
const maxDepth = 200

type frame struct {
	open  byte // '{' or '['; 0 for the root
	count int  // opening brackets still unmatched
	parts []part
}

func (f *frame) cur() *part { return &f.parts[len(f.parts)-1] }

// add appends n to the current part.
func (f *frame) add(n node) {
	p := f.cur()
	list := &p.name
	if p.eq {
		list = &p.value
	}
	if n.kind == nText && n.text == "" {
		return
	}
	*list = append(*list, n)
}

type parser struct {
	s       string
	stack   []*frame
	noClose map[string]int // tag name -> position after which it has no close tag
}

// parse builds the tree of wikitext s.
func parse(s string) []node {
	p := &parser{s: s, noClose: map[string]int{}}
	root := &frame{parts: []part{{}}}
	p.stack = []*frame{root}
	start := 0 // start of pending plain text
	flush := func(i int) {
		if i > start {
			p.top().add(node{kind: nText, text: s[start:i]})
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '<':
			if strings.HasPrefix(s[i:], "<!--") {
				flush(i)
				end := strings.Index(s[i+4:], "-->")
				if end < 0 {
					i = len(s)
				} else {
					i += 4 + end + 3
				}
				start = i
				continue
			}
			if n, next, ok := p.extTag(i); ok {
				flush(i)
				p.top().add(n)
				i, start = next, next
				continue
			}
			i++
		case '{', '[':
			n := run(s, i, c)
			if n < 2 || len(p.stack) > maxDepth {
				i += n
				continue
			}
			flush(i)
			if c == '[' && n > 2 {
				p.top().add(node{kind: nText, text: s[i : i+n-2]})
				i += n - 2
				n = 2
			}
			p.stack = append(p.stack, &frame{open: c, count: n, parts: []part{{}}})
			i += n
			start = i
		case '}', ']':
			n := run(s, i, c)
			top := p.top()
			want := byte('{')
			if c == ']' {
				want = '['
			}
			if top.open != want || n < 2 {
				i += n
				continue
			}
			flush(i)
			i += n
			for n >= 2 && p.top().open == want {
				n -= p.close(n)
			}
			if n > 0 {
				p.top().add(node{kind: nText, text: s[i-n : i]})
			}
			start = i
		case '|':
			top := p.top()
			if top.open == 0 {
				i++
				continue
			}
			flush(i)
			top.parts = append(top.parts, part{})
			i++
			start = i
		case '=':
			top := p.top()
			if top.open != '{' || len(top.parts) < 2 || top.cur().eq {
				i++
				continue
			}
			flush(i)
			top.cur().eq = true
			i++
			start = i
		default:
			// Skip ahead to the next byte that can matter.
			j := strings.IndexAny(s[i:], "<{}[]|=")
			if j < 0 {
				i = len(s)
			} else {
				i += max(j, 1)
			}
		}
	}
	flush(len(s))
	for len(p.stack) > 1 {
		p.unwind()
	}
	return root.parts[0].name
}

func (p *parser) top() *frame { return p.stack[len(p.stack)-1] }

// run counts the bytes equal to c from i.
func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// close matches up to n closing brackets against the top frame and returns
// how many it used.
func (p *parser) close(n int) int {
	f := p.top()
	m := min(n, f.count)
	var kind nodeKind
	switch {
	case f.open == '[':
		m, kind = 2, nLink
	case m >= 3:
		m, kind = 3, nParam
	default:
		m, kind = 2, nTemplate
	}
	nd := node{kind: kind, parts: f.parts}
	f.count -= m
	if f.count >= 2 {
		// The remaining braces stay open around what was just closed.
		f.parts = []part{{name: []node{nd}}}
		return m
	}
	p.stack = p.stack[:len(p.stack)-1]
	parent := p.top()
	if f.count == 1 {
		parent.add(node{kind: nText, text: string(f.open)})
	}
	parent.add(nd)
	return m
}

// unwind turns the unclosed top frame back into text in its parent.
func (p *parser) unwind() {
	f := p.top()
	p.stack = p.stack[:len(p.stack)-1]
	// One group node, not the nodes themselves, goes up, so that unwinding
	// nested frames costs their own nodes only.
	g := []node{{kind: nText, text: strings.Repeat(string(f.open), f.count)}}
	for i, pt := range f.parts {
		if i > 0 {
			g = append(g, node{kind: nText, text: "|"})
		}
		g = append(g, pt.name...)
		if pt.eq {
			g = append(g, node{kind: nText, text: "="})
			g = append(g, pt.value...)
		}
	}
	p.top().add(node{kind: nGroup, group: g})
}

// extTag parses an extension tag starting at s[i] == '<'.
func (p *parser) extTag(i int) (node, int, bool) {
	s := p.s
	j := i + 1
	for j < len(s) && j-i < 20 && isAlpha(s[j]) {
		j++
	}
	name := strings.ToLower(s[i+1 : j])
	if !extTags[name] || j >= len(s) || !(s[j] == '>' || s[j] == '/' || isSpace(s[j])) {
		return node{}, 0, false
	}
	gt := strings.IndexByte(s[j:], '>')
	if gt < 0 {
		return node{}, 0, false
	}
	gt += j
	if lt := strings.IndexByte(s[j:gt], '<'); lt >= 0 {
		return node{}, 0, false
	}
	n := node{kind: nTag, text: name}
	if s[gt-1] == '/' {
		n.attrs = strings.TrimSpace(s[j : gt-1])
		n.empty = true
		return n, gt + 1, true
	}
	n.attrs = strings.TrimSpace(s[j:gt])
	body := gt + 1
	if after, ok := p.noClose[name]; ok && body >= after {
		return node{}, 0, false
	}
	end, endLen := findClose(s[body:], name)
	if end < 0 {
		p.noClose[name] = body
		return node{}, 0, false
	}
	n.body = s[body : body+end]
	return n, body + end + endLen, true
}

// findClose finds </name> (any case, optional spaces before '>') in s.
func findClose(s, name string) (int, int) {
	for i := 0; ; {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			return -1, 0
		}
		at := i + k
		rest := s[at+2:]
		if len(rest) >= len(name) && strings.EqualFold(rest[:len(name)], name) {
			r := rest[len(name):]
			sp := 0
			for sp < len(r) && isSpace(r[sp]) {
				sp++
			}
			if sp < len(r) && r[sp] == '>' {
				return at, 2 + len(name) + sp + 1
			}
		}
		i = at + 2
	}
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
