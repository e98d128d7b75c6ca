package wikitext

import (
	"html"
	"strings"
)

// skippedSections hold reference lists and links out of the article: their
// text is not prose to extract from.
var skippedSections = map[string]bool{
	"references": true, "notes": true, "footnotes": true, "citations": true, "sources": true,
	"bibliography": true, "external links": true, "further reading": true, "notes and references": true,
	"references and notes": true, "works cited": true, "general references": true, "literature": true,
	"explanatory notes": true, "sources and references": true, "references and sources": true,
	"notes and citations": true, "reference notes": true, "cited sources": true, "gallery": true,
}

// block is the second pass for the body of a page: it turns lines into
// paragraphs, headings, list items and table rows.
func (r *renderer) block(s string) string {
	s = stripHTML(s, false)
	lines := strings.Split(s, "\n")
	var out strings.Builder
	var para []string
	flush := func() {
		if len(para) > 0 {
			p := cleanSpaces(strings.Join(para, " "))
			if visible(p) {
				out.WriteString(p)
				out.WriteString("\n\n")
			}
			para = para[:0]
		}
	}
	skipLevel := 0 // inside a skipped section of this level
	tableDepth := 0
	var row []string // cells of the current table row
	var cell *strings.Builder
	endRow := func() {
		if cell != nil {
			row = append(row, cell.String())
			cell = nil
		}
		var cells []string
		for _, c := range row {
			c = cleanSpaces(c)
			if visible(c) {
				cells = append(cells, c)
			}
		}
		if len(cells) > 0 {
			out.WriteString(strings.Join(cells, " | "))
			out.WriteString(" |\n")
		}
		row = row[:0]
	}
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if level, title, ok := heading(t); ok && tableDepth == 0 {
			flush()
			name := strings.ToLower(cleanSpaces(stripMarkers(title)))
			if skipLevel > 0 && level > skipLevel {
				continue
			}
			skipLevel = 0
			if skippedSections[name] {
				skipLevel = level
				continue
			}
			title = cleanSpaces(title)
			if !visible(title) {
				continue
			}
			if endsList(&out) {
				out.WriteString("\n")
			}
			idx := len(r.heads)
			r.heads = append(r.heads, Section{Level: level})
			eq := strings.Repeat("=", level)
			out.WriteString(eq + " " + marked(kHead, idx, title) + " " + eq + "\n")
			continue
		}
		if skipLevel > 0 {
			continue
		}
		// Tables: one line per row, cells separated by " | ".
		if strings.HasPrefix(t, "{|") {
			if tableDepth == 0 {
				flush()
				if endsList(&out) {
					out.WriteString("\n")
				}
			} else {
				endRow()
			}
			tableDepth++
			continue
		}
		if tableDepth > 0 {
			switch {
			case strings.HasPrefix(t, "|}"):
				endRow()
				tableDepth--
				if tableDepth == 0 {
					out.WriteString("\n")
				}
			case strings.HasPrefix(t, "|+"):
				endRow()
				if c := cleanSpaces(cellContent(t[2:])); visible(c) {
					out.WriteString(c + "\n")
				}
			case strings.HasPrefix(t, "|-"):
				endRow()
			case strings.HasPrefix(t, "|") || strings.HasPrefix(t, "!"):
				if cell != nil {
					row = append(row, cell.String())
				}
				sep := "||"
				if t[0] == '!' {
					t = strings.ReplaceAll(t, "!!", "||")
				}
				cells := strings.Split(t[1:], sep)
				for _, c := range cells[:len(cells)-1] {
					row = append(row, cellContent(c))
				}
				cell = &strings.Builder{}
				cell.WriteString(cellContent(cells[len(cells)-1]))
			default:
				if cell != nil {
					cell.WriteString(" " + t)
				} else if c := cleanSpaces(t); visible(c) {
					row = append(row, c)
				}
			}
			continue
		}
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "----"):
			flush()
		case t[0] == '*' || t[0] == '#' || t[0] == ':' || t[0] == ';':
			flush()
			item := strings.TrimLeft(t, "*#:;")
			if t[0] == ';' {
				if term, def, ok := strings.Cut(item, ":"); ok && !strings.Contains(term, "//") {
					item = strings.TrimSpace(term) + ": " + strings.TrimSpace(def)
				}
			}
			if item = cleanSpaces(item); visible(item) {
				out.WriteString(item)
				out.WriteString("\n")
			}
		default:
			if len(para) == 0 && endsList(&out) {
				out.WriteString("\n")
			}
			para = append(para, t)
		}
	}
	flush()
	for tableDepth > 0 {
		endRow()
		tableDepth--
	}
	return strings.TrimRight(out.String(), "\n") + "\n"
}

// endsList reports whether the output ends with a list item line (not a
// blank line), so a paragraph after a list is set apart.
func endsList(b *strings.Builder) bool {
	s := b.String()
	return len(s) > 0 && s[len(s)-1] == '\n' && !strings.HasSuffix(s, "\n\n") && !strings.HasSuffix(s, "=\n")
}

// heading recognises "== Title ==".
func heading(t string) (int, string, bool) {
	if len(t) < 3 || t[0] != '=' {
		return 0, "", false
	}
	t = strings.TrimRight(t, " \t")
	lead := run(t, 0, '=')
	trail := 0
	for trail < len(t) && t[len(t)-1-trail] == '=' {
		trail++
	}
	if trail == 0 || lead+trail >= len(t) {
		return 0, "", false
	}
	level := min(lead, trail, 6)
	title := strings.TrimSpace(t[level : len(t)-level])
	if title == "" {
		return 0, "", false
	}
	return level, title, true
}

// cellContent drops a cell's attributes: "style=... | content", and a
// cell left with attributes only (its content was a dropped template).
func cellContent(c string) string {
	if i := strings.IndexByte(c, '|'); i >= 0 && !strings.Contains(c[:i], "[") && !strings.ContainsRune(c[:i], mOpen) {
		return c[i+1:]
	}
	if attrsOnly(c) {
		return ""
	}
	return c
}

// attrsOnly reports whether s is only HTML attributes: a="b" c=d.
func attrsOnly(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || !strings.Contains(s, "=") {
		return false
	}
	for s != "" {
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return false
		}
		for _, c := range s[:eq] {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_') {
				return false
			}
		}
		s = s[eq+1:]
		var end int
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			j := strings.IndexByte(s[1:], s[0])
			if j < 0 {
				return false
			}
			end = j + 2
		} else {
			end = strings.IndexAny(s, " \t")
			if end < 0 {
				end = len(s)
			}
		}
		s = strings.TrimSpace(s[end:])
	}
	return true
}

// inline is the second pass for a single value (an infobox field, a
// reference): lines and list items are joined with ", ".
func (r *renderer) inline(s string) string {
	s = stripHTML(s, true)
	var parts []string
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "{|") || strings.HasPrefix(t, "|}") || strings.HasPrefix(t, "|-") || strings.HasPrefix(t, "----") {
			continue
		}
		t = strings.TrimLeft(t, "*#:;|!")
		if t = cleanSpaces(t); visible(t) {
			parts = append(parts, t)
		}
	}
	return strings.Trim(commas(strings.Join(parts, ", ")), " ,")
}

// commas folds the runs of commas that joined lines and <br> leave: ", ,"
// and ",," read ",", and ";," reads ";".
func commas(v string) string {
	for _, f := range [][2]string{{", ,", ","}, {",,", ","}, {";,", ";"}, {":,", ":"}} {
		for strings.Contains(v, f[0]) {
			v = strings.ReplaceAll(v, f[0], f[1])
		}
	}
	return v
}

// visible reports whether s has any text once delimiters are removed.
func visible(s string) bool {
	return strings.TrimSpace(stripMarkers(s)) != ""
}

// stripMarkers removes the first pass's delimiters (not their content).
func stripMarkers(s string) string {
	if !strings.ContainsAny(s, "\x01\x02\x03\x04\x05\x06") {
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
			if j := strings.IndexByte(s[i:], mEnd); j >= 0 {
				b.WriteString("x") // a marker shows as text
				i += j
			}
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// cleanSpaces removes bold and italic quotes, magic words and external link
// brackets, decodes entities, and tidies the spaces and punctuation that
// dropped templates leave behind.
func cleanSpaces(s string) string {
	s = quotes(s)
	s = externalLinks(s)
	if strings.Contains(s, "__") {
		s = magicWords(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(controlEntities(s))
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\u200b' }), " ")
	for _, f := range [][2]string{{"( )", ""}, {"()", ""}, {"(, ", "("}, {"(; ", "("}, {" )", ")"}, {"( ", "("}, {",,", ","}} {
		if strings.Contains(s, f[0]) {
			s = strings.ReplaceAll(s, f[0], f[1])
		}
	}
	return strings.TrimSpace(tidyPunct(s))
}

// tidyPunct removes a space left before a comma, full stop or semicolon by
// a dropped template ("Paris {{cn}}." reads "Paris ."), unless the mark
// starts a word (".NET").
func tidyPunct(s string) string {
	if !strings.Contains(s, " ,") && !strings.Contains(s, " .") && !strings.Contains(s, " ;") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i+1 < len(s) && (s[i+1] == ',' || s[i+1] == '.' || s[i+1] == ';') &&
			(i+2 >= len(s) || s[i+2] == ' ' || s[i+2] == mRef || s[i+2] == mClose || s[i+2] == '"') && i > 0 {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// controlEntities replaces numeric entities of control characters ("&#2;")
// with a space before entities are decoded: decoded, they would pass for
// the renderer's delimiters.
func controlEntities(s string) string {
	if !strings.Contains(s, "&#") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "&#")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j, base := i+2, 10
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j, base = j+1, 16
		}
		k, v := entityValue(s, j, base)
		if k > j && v > 0 && v < 0x20 && v != '\t' && v != '\n' {
			b.WriteByte(' ')
			if k < len(s) && s[k] == ';' {
				k++
			}
			s = s[k:]
			continue
		}
		b.WriteString("&#")
		s = s[i+2:]
	}
}

// entityValue reads the digits of a numeric entity from s[j:] and returns
// where they end and their value, accumulated as html.UnescapeString does
// in a rune that wraps: "&#X100000002" decodes to U+0002.
func entityValue(s string, j, base int) (int, rune) {
	v := rune(0)
	for ; j < len(s); j++ {
		c := rune(s[j])
		switch {
		case c >= '0' && c <= '9':
			v = v*rune(base) + c - '0'
		case base == 16 && (c|0x20) >= 'a' && (c|0x20) <= 'f':
			v = v*16 + (c | 0x20) - 'a' + 10
		default:
			return j, v
		}
	}
	return j, v
}

// quotes removes the apostrophe runs of italic (two) and bold (three); a
// run of four keeps one apostrophe.
func quotes(s string) string {
	if !strings.Contains(s, "''") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '\'' {
			b.WriteByte(s[i])
			i++
			continue
		}
		n := run(s, i, '\'')
		switch {
		case n == 1:
			b.WriteByte('\'')
		case n == 4:
			b.WriteByte('\'')
		case n > 5:
			b.WriteString(strings.Repeat("'", n-5))
		}
		i += n
	}
	return b.String()
}

// externalLinks turns [http://x text] into text and drops [http://x].
func externalLinks(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		rest := s[i+1:]
		if !isURLStart(rest) {
			b.WriteByte('[')
			s = rest
			continue
		}
		end := strings.IndexAny(rest, "]\n")
		if end < 0 || rest[end] != ']' {
			b.WriteByte('[')
			s = rest
			continue
		}
		inner := rest[:end]
		if sp := strings.IndexAny(inner, " \t"); sp >= 0 {
			b.WriteString(strings.TrimSpace(inner[sp+1:]))
		}
		s = rest[end+1:]
	}
}

func isURLStart(s string) bool {
	for _, p := range []string{"http://", "https://", "//", "ftp://", "mailto:", "irc://", "news:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

func magicWords(s string) string {
	for {
		i := strings.Index(s, "__")
		if i < 0 {
			return s
		}
		j := i + 2
		for j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
			j++
		}
		if j > i+2 && strings.HasPrefix(s[j:], "__") {
			s = s[:i] + s[j+2:]
			continue
		}
		return s[:i+2] + magicWords(s[i+2:])
	}
}

// htmlTags are the HTML tags wikitext allows; other '<' are text.
var htmlTags = map[string]bool{
	"abbr": true, "b": true, "bdi": true, "bdo": true, "big": true, "blockquote": true, "br": true,
	"caption": true, "center": true, "cite": true, "code": true, "data": true, "dd": true, "del": true,
	"dfn": true, "div": true, "dl": true, "dt": true, "em": true, "font": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "i": true, "ins": true, "kbd": true,
	"li": true, "link": true, "mark": true, "meta": true, "ol": true, "p": true, "q": true, "rb": true,
	"rp": true, "rt": true, "rtc": true, "ruby": true, "s": true, "samp": true, "small": true,
	"span": true, "strike": true, "strong": true, "sub": true, "sup": true, "table": true, "td": true,
	"th": true, "time": true, "tr": true, "tt": true, "u": true, "ul": true, "var": true, "wbr": true,
}

// blockTags end a paragraph.
var blockTags = map[string]bool{"p": true, "div": true, "blockquote": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "ul": true, "ol": true, "li": true,
	"dl": true, "dd": true, "dt": true, "table": true, "tr": true}

// stripHTML removes HTML tags, keeping their content. <br> becomes ", " in
// a value and a space in prose; block tags break lines in prose.
func stripHTML(s string, value bool) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		rest := s[i+1:]
		closing := strings.HasPrefix(rest, "/")
		if closing {
			rest = rest[1:]
		}
		j := 0
		for j < len(rest) && (isAlpha(rest[j]) || (j > 0 && rest[j] >= '0' && rest[j] <= '9')) {
			j++
		}
		name := strings.ToLower(rest[:j])
		end := strings.IndexByte(rest, '>')
		if !htmlTags[name] || end < 0 || strings.IndexByte(rest[:end], '<') >= 0 || strings.IndexByte(rest[:end], '\n') >= 0 && end > 500 {
			b.WriteByte('<')
			s = s[i+1:]
			continue
		}
		switch {
		case name == "br" && value:
			b.WriteString(", ")
		case name == "br":
			b.WriteString(" ")
		case blockTags[name] && !value:
			b.WriteString("\n")
		case blockTags[name]:
			b.WriteString(" ")
		}
		s = rest[end+1:]
	}
}
