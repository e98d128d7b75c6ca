package wikitext

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// tmpl is a template call being rendered: its arguments, rendered lazily.
type tmpl struct {
	r     *renderer
	n     *node
	depth int
	name  string // normalised: lower case, single spaces
	fn    string // parser function argument after "name:", if any
}

// templateName returns the normalised name of a template node.
func templateName(n *node) string {
	name := strings.ToLower(plain(n.parts[0].name))
	name = strings.Join(strings.Fields(strings.ReplaceAll(name, "_", " ")), " ")
	for _, p := range []string{"template:", "subst:", "safesubst:", "msgnw:"} {
		name = strings.TrimSpace(strings.TrimPrefix(name, p))
	}
	return name
}

// pos returns positional argument i (from 1), rendered and trimmed.
func (t *tmpl) pos(i int) string {
	k := 0
	for _, p := range t.n.parts[1:] {
		if p.eq {
			if strings.TrimSpace(plain(p.name)) == strconv.Itoa(i) {
				return strings.TrimSpace(t.r.nodes(p.value, t.depth))
			}
			continue
		}
		k++
		if k == i {
			return strings.TrimSpace(t.r.nodes(p.name, t.depth))
		}
	}
	return ""
}

// positional returns all positional arguments, rendered and trimmed.
func (t *tmpl) positional() []string {
	var out []string
	for _, p := range t.n.parts[1:] {
		if !p.eq {
			out = append(out, strings.TrimSpace(t.r.nodes(p.name, t.depth)))
		}
	}
	return out
}

// arg returns the first of the named arguments present, rendered and trimmed.
func (t *tmpl) arg(names ...string) string {
	for _, name := range names {
		for _, p := range t.n.parts[1:] {
			if p.eq && strings.EqualFold(strings.TrimSpace(plain(p.name)), name) {
				if v := strings.TrimSpace(t.r.nodes(p.value, t.depth)); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// template renders a template call by the rules below; unknown templates
// (navigation boxes, maintenance tags, ...) render as nothing.
func (r *renderer) template(n *node, depth int) string {
	name := templateName(n)
	t := &tmpl{r: r, n: n, depth: depth, name: name}
	if i := strings.IndexByte(name, ':'); i > 0 {
		t.name = strings.TrimSpace(name[:i])
		t.fn = strings.TrimSpace(r.nodes(n.parts[0].name, depth))
		if j := strings.IndexByte(t.fn, ':'); j >= 0 {
			t.fn = strings.TrimSpace(t.fn[j+1:])
		}
		return r.parserFunction(t)
	}
	if strings.HasPrefix(name, "infobox") {
		return "" // a nested or second infobox
	}
	if fn, ok := templates[name]; ok {
		return fn(t)
	}
	switch {
	case strings.HasPrefix(name, "cite ") || name == "citation":
		return cite(t)
	case strings.HasPrefix(name, "lang-"):
		return t.pos(1)
	case strings.HasPrefix(name, "flag") || strings.HasSuffix(name, "flag"):
		// {{flagicon|X}} shows an image; {{flag|X}}, {{flagcountry|X}} show X.
		if strings.HasPrefix(name, "flagicon") || strings.HasPrefix(name, "flagdeco") {
			return ""
		}
		if name == "flagu" || name == "flag" || name == "flagcountry" || name == "flag country" || name == "flaglink" {
			if v := t.arg("name"); v != "" {
				return v
			}
			return t.pos(1)
		}
		return ""
	}
	return ""
}

// parserFunction renders {{#if:...}}, {{#tag:ref|...}} and magic words.
func (r *renderer) parserFunction(t *tmpl) string {
	switch t.name {
	case "#if":
		if strings.TrimSpace(t.fn) != "" {
			return t.pos(1)
		}
		return t.pos(2)
	case "#tag":
		if strings.EqualFold(t.fn, "ref") {
			text := ""
			if r.refDepth == 0 {
				r.refDepth++
				text = r.refText(t.pos(1))
				r.refDepth--
			}
			return r.cite(t.arg("name"), t.arg("group"), text)
		}
		return t.pos(1)
	case "pagename", "fullpagename", "pagenamee":
		return r.title
	}
	return ""
}

// templates renders the common templates of articles about incidents.
var templates = map[string]func(*tmpl) string{}

func init() {
	first := func(t *tmpl) string { return t.pos(1) }
	second := func(t *tmpl) string { return t.pos(2) }
	none := func(*tmpl) string { return "" }
	text := func(s string) func(*tmpl) string { return func(*tmpl) string { return s } }
	list := func(t *tmpl) string { return joinList(t.positional()) }
	for _, n := range []string{"nowrap", "nobr", "nobreak", "small", "smaller", "big", "larger", "resize",
		"sup", "sub", "sic", "visible anchor", "vanchor", "bold", "b", "i", "em", "strong", "italic",
		"var", "code", "mono", "keypress", "nbsp*", "center", "centre", "midsize", "longitem", "plainlist/item",
		"noitalic", "nodot", "lang2", "transliteration", "transl", "wikt-lang", "script", "linktext",
		"section link", "avoid wrap", "nowrap begin", "tooltip", "abbr", "abbrlink", "h", "hover title",
		"uspolicy", "anchor link",
		"small caps", "smallcaps", "sc", "not a typo", "proper name", "as written", "sans-serif", "serif",
		"ship", "warship", "usnamed", "cvt", "us$", "currency", "gbp", "£", "€", "inr", "usd"} {
		templates[n] = first
	}
	templates["lang"] = second
	templates["langx"] = second
	templates["native name"] = second
	templates["native phrase"] = second
	templates["nihongo"] = first
	for _, n := range []string{"ubl", "unbulleted list", "ublist", "plainlist", "plain list", "flatlist", "flat list",
		"hlist", "bulleted list", "bulletedlist", "blist", "bull list", "indented plainlist", "ordered list",
		"collapsible list", "endplainlist", "startplainlist", "enum", "unordered list"} {
		templates[n] = list
	}
	for _, n := range []string{"cn", "citation needed", "fact", "clarify", "when", "who", "which", "by whom",
		"according to whom", "dubious", "failed verification", "better source needed", "vague",
		"page needed", "full citation needed", "update inline", "disputed inline", "rp", "efn-note",
		"reflist", "refbegin", "refend", "notelist", "notes", "references", "reference list", "anchor",
		"short description", "use dmy dates", "use mdy dates", "use british english", "use american english",
		"use indian english", "good article", "featured article", "pp", "pp-protected", "pp-semi",
		"pp-move-indef", "about", "for", "redirect", "distinguish", "other uses", "main", "see also",
		"further", "details", "multiple issues", "authority control", "portal", "coord missing",
		"increase", "decrease", "steady", "flagicon image", "convert/flip", "clear", "-", "break", "toc limit",
		"commons category", "wikiquote", "defaultsort", "lowercase title", "italic title", "dead link",
		"cbignore", "webarchive", "wayback", "self-published inline", "primary source inline",
		"original research inline", "sfnm", "harvnb", "harv", "snd", "spaced ndash"} {
		templates[n] = none
	}
	templates["snd"] = text(" – ")
	templates["spaced ndash"] = text(" – ")
	templates["snds"] = text(" – ")
	templates["spaced en dash"] = text(" – ")
	templates["spaced en dash space"] = text(" – ")
	templates["en dash"] = text("–")
	templates["em dash"] = text("—")
	templates["snd"] = text(" – ")
	templates["ndash"] = text("–")
	templates["mdash"] = text("—")
	templates["nbsp"] = text(" ")
	templates["!"] = text("|")
	templates["="] = text("=")
	templates["'"] = text("'")
	templates["' \""] = text("'\"")
	templates["\" '"] = text("\"'")
	templates["·"] = text(" · ")
	templates["dot"] = text(" · ")
	templates["•"] = text(" • ")
	templates["bull"] = text(" • ")
	templates["pipe"] = text("|")
	templates["circa"] = func(t *tmpl) string { return joinNonEmpty(" ", "c.", t.pos(1)) }
	templates["c."] = templates["circa"]
	templates["lit"] = func(t *tmpl) string { return "lit. '" + t.pos(1) + "'" }
	templates["literally"] = templates["lit"]
	templates["convert"] = convert
	templates["coord"] = coordTemplate
	templates["coor"] = coordTemplate
	templates["start date"] = date
	templates["start date and age"] = date
	templates["end date"] = date
	templates["end date and age"] = date
	templates["birth date"] = date
	templates["death date"] = date
	templates["birth date and age"] = date
	templates["birth year and age"] = first
	templates["death year and age"] = first
	templates["death date and age"] = deathDateAge
	templates["dts"] = date
	templates["date"] = first
	templates["start and end dates"] = func(t *tmpl) string {
		a := formatDate(t.pos(1), t.pos(2), t.pos(3))
		b := formatDate(t.pos(4), t.pos(5), t.pos(6))
		return joinNonEmpty(" – ", a, b)
	}
	templates["age"] = func(t *tmpl) string { return "" }
	templates["as of"] = func(t *tmpl) string { return joinNonEmpty(" ", "As of", formatDate(t.pos(1), t.pos(2), t.pos(3))) }
	templates["quote"] = quote
	templates["blockquote"] = quote
	templates["cquote"] = quote
	templates["quote box"] = quote
	templates["quotation"] = quote
	templates["pull quote"] = quote
	templates["sfn"] = sfn
	templates["efn"] = efn
	templates["efn-ua"] = efn
	templates["efn-lr"] = efn
	templates["refn"] = efn
	templates["r"] = rTemplate
	templates["ill"] = ill
	templates["interlanguage link"] = ill
	templates["interlanguage link multi"] = ill
	templates["illm"] = ill
	templates["marriage"] = func(t *tmpl) string { return t.pos(1) }
	templates["inflation"] = none
	templates["formatnum"] = first
	templates["ordinal"] = first
	templates["nts"] = first
	templates["ntsh"] = none
	templates["sortname"] = func(t *tmpl) string { return joinNonEmpty(" ", t.pos(1), t.pos(2)) }
	templates["sort"] = second
	templates["hs"] = none
	templates["nobold"] = first
	templates["ipa"] = first
	templates["ipac-en"] = none
	templates["ipa-ar"] = none
	templates["respell"] = none
	templates["audio"] = none
	templates["blockquote"] = quote
}

// joinList joins list items with ", ".
func joinList(items []string) string {
	var out []string
	for _, it := range items {
		for _, line := range strings.Split(it, "\n") {
			line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "*#:;"))
			if line != "" {
				out = append(out, line)
			}
		}
	}
	return strings.Join(out, ", ")
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return strings.Join(out, sep)
}

func quote(t *tmpl) string {
	q := t.arg("text", "quote", "quotetext")
	if q == "" {
		q = t.pos(1)
	}
	who := t.arg("author", "sign")
	if who == "" && t.name != "quote box" {
		who = t.pos(2)
	}
	if q == "" {
		return ""
	}
	out := "\n\n\"" + q + "\""
	if who != "" {
		out += " — " + who
	}
	return out + "\n\n"
}

// cite renders a citation template: author, title, work, publisher, date.
func cite(t *tmpl) string {
	author := t.arg("author", "author1", "authors", "last", "last1", "surname")
	if first := t.arg("first", "first1", "given"); first != "" && author == t.arg("last", "last1", "surname") && author != "" {
		author += ", " + first
	}
	title := t.arg("title", "script-title", "trans-title", "chapter")
	if title != "" {
		title = "\"" + title + "\""
	}
	return joinNonEmpty(". ", author, title,
		t.arg("work", "website", "newspaper", "journal", "magazine", "periodical", "encyclopedia", "site"),
		t.arg("publisher", "agency", "via"),
		t.arg("date", "year"),
		t.arg("url", "archive-url"))
}

// sfn is a short footnote: a citation named by its arguments.
func sfn(t *tmpl) string {
	args := t.positional()
	text := strings.Join(args, " ")
	if p := t.arg("p", "page"); p != "" {
		text += ", p. " + p
	} else if pp := t.arg("pp", "pages"); pp != "" {
		text += ", pp. " + pp
	}
	if text == "" {
		return ""
	}
	return t.r.cite("FOOTNOTE"+text, "", text)
}

// efn is an explanatory note; notes are not citations and are left out.
func efn(t *tmpl) string { return "" }

// ill is an interlanguage link: a link to the English title.
func ill(t *tmpl) string {
	target := t.pos(1)
	text := t.arg("lt")
	if text == "" {
		text = target
	}
	if hint := normTarget(stripMarkers(target)); hint != "" && text != "" {
		idx := len(t.r.links)
		t.r.links = append(t.r.links, Link{Target: hint})
		return marked(kLink, idx, text)
	}
	return text
}

// rTemplate is {{r|name|name2}}: reuses of named references.
func rTemplate(t *tmpl) string {
	var b strings.Builder
	group := t.arg("group", "g")
	for _, name := range t.positional() {
		if name != "" {
			b.WriteString(t.r.cite(name, group, ""))
		}
	}
	return b.String()
}

// convert renders {{convert|5|km|mi}} as "5 km", ranges as "5–10 km".
func convert(t *tmpl) string {
	a := t.positional()
	if len(a) < 2 {
		return strings.Join(a, "")
	}
	switch a[1] {
	case "-", "–", "to", "and", "or", "x", "×", "by", "+/-", "±":
		if len(a) >= 4 {
			sep := "–"
			if a[1] != "-" && a[1] != "–" {
				sep = " " + a[1] + " "
			}
			return a[0] + sep + a[2] + " " + a[3]
		}
	}
	return a[0] + " " + a[1]
}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// formatDate renders year, month, day as "14 February 2019", or as much
// of it as is given; text that is not a number passes through.
func formatDate(y, m, d string) string {
	y, m, d = strings.TrimSpace(y), strings.TrimSpace(m), strings.TrimSpace(d)
	if y == "" {
		return ""
	}
	yi, err := strconv.Atoi(y)
	if err != nil {
		if tm, err := time.Parse("2006-01-02", y); err == nil {
			return tm.Format("2 January 2006")
		}
		return y
	}
	mi, err := strconv.Atoi(m)
	if err != nil || mi < 1 || mi > 12 {
		for i, name := range months {
			if strings.EqualFold(m, name) || (len(m) >= 3 && strings.EqualFold(m, name[:3])) {
				mi = i + 1
			}
		}
		if mi < 1 || mi > 12 {
			return strconv.Itoa(yi)
		}
	}
	di, err := strconv.Atoi(d)
	if err != nil || di < 1 || di > 31 {
		return months[mi-1] + " " + strconv.Itoa(yi)
	}
	return strconv.Itoa(di) + " " + months[mi-1] + " " + strconv.Itoa(yi)
}

func date(t *tmpl) string {
	return formatDate(t.pos(1), t.pos(2), t.pos(3))
}

// deathDateAge renders the death date and the age at death.
func deathDateAge(t *tmpl) string {
	d := formatDate(t.pos(1), t.pos(2), t.pos(3))
	y1, e1 := strconv.Atoi(t.pos(1))
	m1, _ := strconv.Atoi(t.pos(2))
	d1, _ := strconv.Atoi(t.pos(3))
	y0, e0 := strconv.Atoi(t.pos(4))
	m0, _ := strconv.Atoi(t.pos(5))
	d0, _ := strconv.Atoi(t.pos(6))
	if e1 != nil || e0 != nil || d == "" {
		return d
	}
	age := y1 - y0
	if m1 < m0 || (m1 == m0 && d1 < d0) {
		age--
	}
	if age < 0 || age > 150 {
		return d
	}
	return d + " (aged " + strconv.Itoa(age) + ")"
}

// coordTemplate reads {{coord}} in its forms (decimal, d/m/s with
// hemispheres) and renders "36.3400°N 43.1300°E".
func coordTemplate(t *tmpl) string {
	var nums []string
	for _, a := range t.positional() {
		if strings.Contains(a, ":") || strings.Contains(a, "=") {
			continue // type:city, region:IQ
		}
		nums = append(nums, a)
	}
	c, ok := parseCoord(nums)
	if !ok {
		return ""
	}
	display := strings.ToLower(t.arg("display"))
	t.r.coords = append(t.r.coords, coordAt{c: c,
		title:   strings.Contains(display, "title") || display == "t" || strings.HasPrefix(display, "t,") || strings.Contains(display, ",t"),
		infobox: t.r.inInfobox})
	return formatCoord(c)
}

// parseCoord reads the positional arguments of {{coord}}.
func parseCoord(a []string) (Coord, bool) {
	hemi := func(s string) (float64, bool, bool) { // sign, isLat, ok
		switch strings.ToUpper(s) {
		case "N":
			return 1, true, true
		case "S":
			return -1, true, true
		case "E":
			return 1, false, true
		case "W":
			return -1, false, true
		}
		return 0, false, false
	}
	dms := func(parts []string) (float64, bool) {
		if len(parts) == 0 || len(parts) > 3 {
			return 0, false
		}
		v, scale := 0.0, 1.0
		for _, p := range parts {
			f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return 0, false
			}
			v += math.Abs(f) / scale
			scale *= 60
		}
		if strings.HasPrefix(strings.TrimSpace(parts[0]), "-") {
			v = -v
		}
		return v, true
	}
	k := -1
	for i, s := range a {
		if _, isLat, ok := hemi(s); ok && isLat {
			k = i
			break
		}
	}
	var c Coord
	if k < 0 {
		if len(a) < 2 {
			return c, false
		}
		lat, ok1 := dms(a[:1])
		lon, ok2 := dms(a[1:2])
		if !ok1 || !ok2 {
			return c, false
		}
		c = Coord{lat, lon}
	} else {
		l := -1
		for i := k + 1; i < len(a); i++ {
			if _, isLat, ok := hemi(a[i]); ok && !isLat {
				l = i
				break
			}
		}
		if l < 0 {
			return c, false
		}
		lat, ok1 := dms(a[:k])
		lon, ok2 := dms(a[k+1 : l])
		if !ok1 || !ok2 {
			return c, false
		}
		s1, _, _ := hemi(a[k])
		s2, _, _ := hemi(a[l])
		c = Coord{s1 * lat, s2 * lon}
	}
	if math.Abs(c.Lat) > 90 || math.Abs(c.Lon) > 180 {
		return Coord{}, false
	}
	return c, true
}

func formatCoord(c Coord) string {
	ns, ew := "N", "E"
	if c.Lat < 0 {
		ns = "S"
	}
	if c.Lon < 0 {
		ew = "W"
	}
	return strconv.FormatFloat(math.Abs(c.Lat), 'f', 4, 64) + "°" + ns + " " +
		strconv.FormatFloat(math.Abs(c.Lon), 'f', 4, 64) + "°" + ew
}
