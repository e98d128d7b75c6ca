package wikitext

import (
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rendering runs in two passes. The first walks the parse tree and writes
// text in which links, infobox values, headings and reference markers are
// delimited by control bytes (the input's own control bytes are removed
// first). The second works line by line on that text (headings, lists,
// tables, bold and italics, HTML tags and entities, spacing), and the last
// step removes the delimiters, noting where each link, value and marker
// ended up, so every offset indexes the final Text.
const (
	mOpen   = '\x01' // mOpen kind index mSep ... mClose
	mSep    = '\x02'
	mClose  = '\x03'
	mRef    = '\x04' // mRef index mEnd: a reference marker
	mEnd    = '\x05'
	mRaw    = '\x06' // mRaw index mEnd: verbatim text (nowiki, pre)
	kLink   = 'L'
	kField  = 'F'
	kHead   = 'H'
	maxNest = 100 // template nesting rendered before giving up
)

// Render renders a page's wikitext.
func Render(title, wikitext string) (Page, error) {
	if len(wikitext) > MaxInput {
		return Page{Title: title}, fmt.Errorf("render %q: %d bytes of wikitext, over the %d limit", title, len(wikitext), MaxInput)
	}
	if !utf8.ValidString(wikitext) {
		wikitext = strings.ToValidUTF8(wikitext, "\uFFFD")
	}
	wikitext = stripControl(wikitext)
	r := &renderer{title: title, refNames: map[string]int{}}
	page := Page{Title: title}
	if target, ok := redirectTarget(wikitext); ok {
		page.Redirect = target
		page.Text = "= " + title + " =\n"
		return page, nil
	}
	tree := parse(wikitext)
	r.findInfobox(tree)

	var out strings.Builder
	out.WriteString("= ")
	out.WriteString(oneLine(title))
	out.WriteString(" =\n\n")
	if r.infobox != nil {
		r.writeInfobox(&out)
	}
	body := r.block(r.nodes(tree, 0))
	out.WriteString(body)
	text, err := r.finish(out.String(), &page)
	if err != nil {
		return page, fmt.Errorf("render %q: %w", title, err)
	}
	page.Text = text
	page.Categories = r.categories
	page.Coord = r.coord()
	return page, nil
}

type renderer struct {
	title      string
	infobox    *node // the template node rendered as the infobox
	fields     []Field
	infoName   string
	links      []Link
	categories []string
	refs       []Citation
	refNames   map[string]int // group+"\x00"+name -> index in refs
	refDepth   int
	raws       []string
	heads      []Section
	coords     []coordAt
	depth      int
	inInfobox  bool
}

type coordAt struct {
	c       Coord
	title   bool
	infobox bool
}

func (r *renderer) coord() *Coord {
	var first, box *Coord
	for i := range r.coords {
		c := &r.coords[i]
		if c.title {
			return &c.c
		}
		if c.infobox && box == nil {
			box = &c.c
		}
		if first == nil {
			first = &c.c
		}
	}
	if box != nil {
		return box
	}
	return first
}

// stripControl removes the control bytes the renderer uses as delimiters.
func stripControl(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' {
			if r == '\r' {
				return -1
			}
			return ' '
		}
		return r
	}, s)
}

// redirectTarget reads "#REDIRECT [[Target]]".
func redirectTarget(s string) (string, bool) {
	t := strings.TrimLeft(s, " \n\t")
	if len(t) < 9 || !strings.EqualFold(t[:9], "#redirect") {
		return "", false
	}
	t = strings.TrimLeft(t[9:], " :\t\n")
	if !strings.HasPrefix(t, "[[") {
		return "", false
	}
	end := strings.Index(t, "]]")
	if end < 0 {
		return "", false
	}
	target, _, _ := strings.Cut(t[2:end], "|")
	return normTarget(target), true
}

// findInfobox picks the first infobox among the top-level templates.
func (r *renderer) findInfobox(tree []node) {
	for i := range tree {
		n := &tree[i]
		if n.kind != nTemplate {
			continue
		}
		name := templateName(n)
		if strings.HasPrefix(name, "infobox") {
			r.infobox = n
			r.infoName = displayName(plain(n.parts[0].name))
			return
		}
	}
}

// writeInfobox renders the infobox block: "Infobox" and "- Key: Value" lines.
func (r *renderer) writeInfobox(out *strings.Builder) {
	r.inInfobox = true
	var lines []string
	for i, p := range r.infobox.parts {
		if i == 0 || !p.eq {
			continue
		}
		param := strings.TrimSpace(plain(p.name))
		if param == "" || skipParam(param) {
			continue
		}
		value := r.inline(r.nodes(p.value, 0))
		if !hasAlnum(stripMarkers(value)) {
			continue
		}
		idx := len(r.fields)
		r.fields = append(r.fields, Field{Key: fieldKey(param), Param: param})
		lines = append(lines, "- "+fieldKey(param)+": "+marked(kField, idx, value)+"\n")
	}
	r.inInfobox = false
	out.WriteString("Infobox\n")
	for _, l := range lines {
		out.WriteString(l)
	}
	out.WriteString("\n")
}

func hasAlnum(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// skipParam drops infobox parameters about layout and images.
func skipParam(p string) bool {
	p = strings.ToLower(strings.ReplaceAll(p, " ", "_"))
	for _, s := range []string{"image", "caption", "logo", "signature", "upright", "size", "width", "alt", "embed", "module", "child", "qid", "fetchwikidata", "onlysourced", "noicon", "pushpin", "relief", "mapframe", "map_type", "map_label", "label_position", "map_dot", "mark", "coordinates_footnotes", "footnotes", "native_name_lang", "bodyclass", "style"} {
		if p == s || strings.HasSuffix(p, "_"+s) || strings.HasPrefix(p, s+"_") || (len(s) > 4 && strings.Contains(p, s)) {
			return true
		}
	}
	return false
}

// fieldKey shows a parameter name the way dossier's stored documents do:
// words split at underscores and spaces, each with its first letter upper.
func fieldKey(param string) string {
	words := strings.FieldsFunc(param, func(r rune) bool { return r == '_' || r == ' ' })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// displayName normalises a template name: "Infobox civilian attack".
func displayName(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
	if i := strings.IndexByte(s, ':'); i >= 0 && strings.EqualFold(s[:i], "template") {
		s = strings.TrimSpace(s[i+1:])
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func marked(kind byte, idx int, s string) string {
	return string(mOpen) + string(kind) + strconv.Itoa(idx) + string(mSep) + s + string(mClose)
}

// plain renders nodes as bare text: nested constructs are dropped. It is
// used for names (template names, parameter names, link targets).
func plain(ns []node) string {
	var b strings.Builder
	for _, n := range ns {
		switch {
		case n.kind == nText:
			b.WriteString(n.text)
		case n.kind == nTag && n.text == "nowiki":
			b.WriteString(n.body)
		case n.kind == nGroup:
			b.WriteString(plain(n.group))
		}
	}
	return b.String()
}

// nodes renders a node list (first pass).
func (r *renderer) nodes(ns []node, depth int) string {
	var b strings.Builder
	for i := 0; i < len(ns); i++ {
		n := &ns[i]
		switch n.kind {
		case nText:
			b.WriteString(n.text)
		case nTemplate:
			if n == r.infobox {
				continue
			}
			if depth >= maxNest {
				continue
			}
			b.WriteString(r.template(n, depth+1))
		case nParam:
			// {{{1|default}}} outside a template definition: show the default.
			if len(n.parts) > 1 {
				b.WriteString(r.nodes(n.parts[len(n.parts)-1].name, depth+1))
			}
		case nLink:
			trail := ""
			if i+1 < len(ns) && ns[i+1].kind == nText {
				t := ns[i+1].text
				j := 0
				for j < len(t) && isAlpha(t[j]) {
					j++
				}
				if j > 0 {
					trail = t[:j]
					ns[i+1].text = t[j:]
				}
			}
			b.WriteString(r.link(n, trail, depth+1))
		case nTag:
			b.WriteString(r.tag(n, depth+1))
		case nGroup:
			b.WriteString(r.nodes(n.group, depth))
		}
	}
	return b.String()
}

// link renders an internal link and records it.
func (r *renderer) link(n *node, trail string, depth int) string {
	rawTarget := strings.TrimSpace(plain(n.parts[0].name))
	target := html.UnescapeString(rawTarget)
	colon := strings.HasPrefix(target, ":")
	target = strings.TrimSpace(strings.TrimPrefix(target, ":"))
	ns, rest, hasNS := strings.Cut(target, ":")
	nsl := strings.ToLower(strings.TrimSpace(ns))
	if hasNS && !colon {
		switch nsl {
		case "file", "image", "media":
			return ""
		case "category":
			name := strings.TrimSpace(strings.ReplaceAll(rest, "_", " "))
			if name != "" {
				r.categories = append(r.categories, name)
			}
			return ""
		}
		if isLangCode(nsl) {
			return "" // interlanguage link
		}
	}
	var text string
	if len(n.parts) > 1 {
		segs := make([]string, 0, len(n.parts)-1)
		for _, p := range n.parts[1:] {
			segs = append(segs, r.nodes(p.name, depth))
		}
		text = strings.Join(segs, "|")
		if strings.TrimSpace(text) == "" {
			text = pipeTrick(target)
		}
	} else {
		text = strings.TrimPrefix(strings.TrimSpace(rawTarget), ":")
	}
	text += trail
	if strings.TrimSpace(text) == "" {
		return ""
	}
	hint := normTarget(target)
	if hasNS && !colon && foreignNS(nsl) || strings.HasPrefix(target, "#") || hint == "" {
		return text
	}
	if hasNS && colon && (nsl == "category" || nsl == "file" || nsl == "image") {
		return text
	}
	idx := len(r.links)
	r.links = append(r.links, Link{Target: hint})
	return marked(kLink, idx, text)
}

// pipeTrick is [[Target (disambiguation)|]]: the target without its
// parenthesis or namespace.
func pipeTrick(t string) string {
	if i := strings.IndexByte(t, ':'); i >= 0 {
		t = t[i+1:]
	}
	if i := strings.Index(t, " ("); i >= 0 && strings.HasSuffix(t, ")") {
		t = t[:i]
	}
	if i := strings.Index(t, ", "); i >= 0 {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// normTarget turns a link target into a page title: underscores to
// spaces, no anchor, first letter upper.
func normTarget(t string) string {
	t = html.UnescapeString(t)
	t = strings.TrimPrefix(strings.TrimSpace(t), ":")
	if i := strings.IndexByte(t, '#'); i >= 0 {
		t = t[:i]
	}
	t = strings.Join(strings.Fields(strings.ReplaceAll(t, "_", " ")), " ")
	r, n := utf8.DecodeRuneInString(t)
	if n == 0 {
		return ""
	}
	return string(unicode.ToUpper(r)) + t[n:]
}

// foreignNS reports namespaces and interwiki prefixes whose pages are not
// articles: their links keep their text but give no entity hint.
func foreignNS(ns string) bool {
	switch ns {
	case "wikipedia", "wp", "project", "help", "portal", "template", "user", "user talk", "talk",
		"special", "draft", "module", "mediawiki", "book", "timedtext", "wikt", "wiktionary",
		"s", "wikisource", "q", "wikiquote", "n", "wikinews", "commons", "c", "d", "wikidata",
		"b", "wikibooks", "v", "wikiversity", "voy", "wikivoyage", "species", "meta", "m", "mw", "w":
		return true
	}
	return strings.HasSuffix(ns, " talk")
}

// isLangCode recognises interlanguage prefixes: "fr", "de", "zh-min-nan".
func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 12 {
		return false
	}
	switch s {
	case "simple", "be-tarask", "zh-yue", "zh-min-nan", "zh-classical", "bat-smg", "fiu-vro", "roa-rup", "map-bms", "nds-nl", "cbk-zam", "roa-tara":
		return true
	}
	if len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return !foreignNS(s)
}

// tag renders an extension tag.
func (r *renderer) tag(n *node, depth int) string {
	switch n.text {
	case "ref":
		return r.ref(n.attrs, n.body, n.empty, depth)
	case "references":
		if !n.empty {
			r.listDefinedRefs(n.body, depth)
		}
		return ""
	case "nowiki":
		return r.raw(html.UnescapeString(n.body))
	case "pre", "syntaxhighlight", "source":
		return "\n\n" + r.raw(strings.Trim(n.body, "\n")) + "\n\n"
	case "math", "chem", "ce", "hiero":
		return r.raw(strings.TrimSpace(n.body))
	case "poem", "noinclude", "onlyinclude":
		if depth >= maxNest {
			return ""
		}
		return r.nodes(parse(n.body), depth)
	}
	return "" // gallery, timeline, includeonly, templatestyles, ...
}

// raw protects verbatim text from the second pass.
func (r *renderer) raw(s string) string {
	if s == "" {
		return ""
	}
	r.raws = append(r.raws, stripControl(s))
	return string(mRaw) + strconv.Itoa(len(r.raws)-1) + string(mEnd)
}

// ref renders a <ref> as a marker and records the citation.
func (r *renderer) ref(attrs, body string, empty bool, depth int) string {
	if r.refDepth > 0 {
		return "" // a ref inside a ref
	}
	name, group := attrValue(attrs, "name"), attrValue(attrs, "group")
	text := ""
	if !empty && depth < maxNest {
		r.refDepth++
		text = r.refText(r.nodes(parse(body), depth))
		r.refDepth--
	}
	return r.cite(name, group, text)
}

// cite numbers a citation (a named one keeps its first number) and
// returns its marker.
func (r *renderer) cite(name, group, text string) string {
	idx := -1
	key := group + "\x00" + name
	if name != "" {
		if i, ok := r.refNames[key]; ok {
			idx = i
			if r.refs[i].Text == "" && text != "" {
				r.refs[i].Text, r.refs[i].URL = text, firstURL(text)
			}
		}
	}
	if idx < 0 {
		if name == "" && text == "" {
			return ""
		}
		n := 1
		for _, c := range r.refs {
			if c.Group == group {
				n++
			}
		}
		idx = len(r.refs)
		r.refs = append(r.refs, Citation{N: n, Name: name, Group: group, Text: text, URL: firstURL(text)})
		if name != "" {
			r.refNames[key] = idx
		}
	}
	return string(mRef) + strconv.Itoa(idx) + string(mEnd)
}

// listDefinedRefs reads <references>...</references> content: refs defined
// there give the text of names used earlier.
func (r *renderer) listDefinedRefs(body string, depth int) {
	for _, n := range parse(body) {
		if n.kind != nTag || n.text != "ref" || n.empty {
			continue
		}
		name, group := attrValue(n.attrs, "name"), attrValue(n.attrs, "group")
		key := group + "\x00" + name
		if i, ok := r.refNames[key]; ok && r.refs[i].Text == "" {
			r.refDepth++
			t := r.refText(r.nodes(parse(n.body), depth))
			r.refDepth--
			r.refs[i].Text, r.refs[i].URL = t, firstURL(t)
		}
	}
}

// refText renders a reference's content to plain text: it is kept as a
// citation, not in the page text, so its delimiters are resolved here.
func (r *renderer) refText(s string) string {
	s = r.inline(s)
	if !strings.ContainsAny(s, "\x01\x03\x04\x06") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case mOpen:
			if j := strings.IndexByte(s[i:], mSep); j >= 0 {
				i += j
			}
		case mClose:
		case mRef, mRaw:
			j := strings.IndexByte(s[i:], mEnd)
			if j < 0 {
				continue
			}
			if s[i] == mRaw {
				if idx, err := strconv.Atoi(s[i+1 : i+j]); err == nil && idx < len(r.raws) {
					b.WriteString(r.raws[idx])
				}
			}
			i += j
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// attrValue reads name=value, name="value" or name='value' from tag attributes.
func attrValue(attrs, name string) string {
	s := attrs
	for {
		i := indexFold(s, name)
		if i < 0 {
			return ""
		}
		if i > 0 && !isSpace(s[i-1]) {
			s = s[i+len(name):]
			continue
		}
		rest := strings.TrimLeft(s[i+len(name):], " \t")
		if !strings.HasPrefix(rest, "=") {
			s = s[i+len(name):]
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t")
		if rest == "" {
			return ""
		}
		if q := rest[0]; q == '"' || q == '\'' {
			if j := strings.IndexByte(rest[1:], q); j >= 0 {
				return strings.TrimSpace(rest[1 : 1+j])
			}
			return strings.TrimSpace(rest[1:])
		}
		if j := strings.IndexAny(rest, " \t/"); j >= 0 {
			return rest[:j]
		}
		return rest
	}
}

func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

func firstURL(s string) string {
	i := strings.Index(s, "http://")
	if j := strings.Index(s, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return ""
	}
	end := strings.IndexAny(s[i:], " \n\t|]<>\"")
	if end < 0 {
		end = len(s) - i
	}
	return strings.TrimRight(s[i:i+end], ".,;:)'")
}

// finish removes the delimiters of the first pass and records where each
// link, field, heading and marker is in the final text.
func (r *renderer) finish(s string, page *Page) (string, error) {
	var b strings.Builder
	b.Grow(len(s))
	type open struct {
		kind  byte
		idx   int
		start int
	}
	var stack []open
	linkSeen := make([]bool, len(r.links))
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case mOpen:
			j := strings.IndexByte(s[i:], mSep)
			if j < 2 {
				return "", errors.New("internal: bad marker")
			}
			idx, err := strconv.Atoi(s[i+2 : i+j])
			if err != nil {
				return "", errors.New("internal: bad marker index")
			}
			stack = append(stack, open{s[i+1], idx, b.Len()})
			i += j + 1
		case mClose:
			if len(stack) == 0 {
				i++
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			text := b.String()[o.start:]
			switch o.kind {
			case kLink:
				if o.idx < len(r.links) && !linkSeen[o.idx] && strings.TrimSpace(text) != "" {
					linkSeen[o.idx] = true
					l := r.links[o.idx]
					l.Text, l.Start, l.End = text, o.start, b.Len()
					page.Links = append(page.Links, l)
				}
			case kField:
				if o.idx < len(r.fields) {
					f := &r.fields[o.idx]
					f.Value, f.Start, f.End = text, o.start, b.Len()
				}
			case kHead:
				if o.idx < len(r.heads) {
					h := &r.heads[o.idx]
					h.Title, h.Start, h.End = text, o.start, b.Len()
					page.Sections = append(page.Sections, *h)
				}
			}
			i++
		case mRef:
			j := strings.IndexByte(s[i:], mEnd)
			idx, err := strconv.Atoi(s[i+1 : i+j])
			if j < 0 || err != nil || idx >= len(r.refs) {
				return "", errors.New("internal: bad reference marker")
			}
			c := &r.refs[idx]
			label := strconv.Itoa(c.N)
			if c.Group != "" {
				label = c.Group + " " + label
			}
			start := b.Len()
			b.WriteString("[" + label + "]")
			c.Markers = append(c.Markers, Span{start, b.Len()})
			i += j + 1
		case mRaw:
			j := strings.IndexByte(s[i:], mEnd)
			idx, err := strconv.Atoi(s[i+1 : i+j])
			if j < 0 || err != nil || idx >= len(r.raws) {
				return "", errors.New("internal: bad verbatim marker")
			}
			b.WriteString(r.raws[idx])
			i += j + 1
		default:
			j := strings.IndexAny(s[i:], "\x01\x03\x04\x06")
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
		}
	}
	if r.infobox != nil {
		ib := &Infobox{Name: r.infoName}
		for _, f := range r.fields {
			if strings.TrimSpace(f.Value) != "" {
				ib.Fields = append(ib.Fields, f)
			}
		}
		page.Infobox = ib
	}
	for _, c := range r.refs {
		if len(c.Markers) > 0 {
			page.Citations = append(page.Citations, c)
		}
	}
	return b.String(), nil
}

// oneLine folds whitespace runs to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
