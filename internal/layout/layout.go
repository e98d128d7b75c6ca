// Package layout finds the structure of a document's text: the metadata
// header, the title, the infobox (in the three shapes encyclopedia text
// arrives in: a rendered "|" table, a stored "- Key: Value" block, or an old
// page scrape with keys run into their values), section headings,
// paragraphs and sentences, and the reference markers ("[3]") that cite
// them. Every piece keeps byte offsets into the body, so that evidence
// points at the exact bytes it came from.
package layout

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/reader"
)

// MaxTableColumns bounds the cells of one infobox row.
const MaxTableColumns = 512

// ErrTooManyColumns reports a table too wide to be an infobox.
var ErrTooManyColumns = errors.New("table row has too many columns")

// Field is one infobox entry. Offsets index the body.
type Field struct {
	Key      string // as written ("Location", "Deaths")
	Canon    string // canonical key (location, date, fatalities, ...) or ""
	Value    string // value with reference markers removed
	KeyStart int
	Start    int // value start
	End      int // value end
}

// Sentence is a span of prose. Citations are the reference markers inside
// or right after it.
type Sentence struct {
	Start, End int
	Para       int
	Citations  []string
}

// Paragraph is one block of prose.
type Paragraph struct {
	Start, End int
	Section    string
	First      int // index of its first sentence
	N          int // number of sentences
}

// Layout is the structure of one document body.
type Layout struct {
	Body  []byte
	Clean []byte // Body with reference markers blanked to spaces (same length)

	Header     reader.Header
	Title      string
	TitleStart int
	TitleEnd   int

	Infobox []Field
	Paras   []Paragraph
	Sents   []Sentence
}

// Text returns the clean text of a span.
func (l *Layout) Text(start, end int) string { return string(l.Clean[start:end]) }

// Raw returns the body bytes of a span as a string.
func (l *Layout) Raw(start, end int) string { return string(l.Body[start:end]) }

// SentenceText returns the clean text of sentence i.
func (l *Layout) SentenceText(i int) string { s := l.Sents[i]; return string(l.Clean[s.Start:s.End]) }

// Field returns the first infobox field with the canonical key.
func (l *Layout) Field(canon string) (Field, bool) {
	for _, f := range l.Infobox {
		if f.Canon == canon {
			return f, true
		}
	}
	return Field{}, false
}

// Fields returns every infobox field with the canonical key.
func (l *Layout) Fields(canon string) []Field {
	var out []Field
	for _, f := range l.Infobox {
		if f.Canon == canon {
			out = append(out, f)
		}
	}
	return out
}

// line is one line of the body.
type line struct{ start, end int }

func splitLines(b []byte, from int) []line {
	var out []line
	for off := from; off < len(b); {
		nl := bytes.IndexByte(b[off:], '\n')
		end := len(b)
		if nl >= 0 {
			end = off + nl
		}
		e := end
		if e > off && b[e-1] == '\r' {
			e--
		}
		out = append(out, line{off, e})
		if nl < 0 {
			break
		}
		off = end + 1
	}
	return out
}

// Parse finds the structure of body. titleHint is a title known from
// metadata (may be empty).
func Parse(body []byte, titleHint string) (*Layout, error) {
	l := &Layout{Body: body}
	l.Header = reader.ParseHeader(body)
	l.Clean = blankCitations(body)
	lines := splitLines(body, l.Header.End)
	i := 0
	var err error
	switch {
	case isStoredTitle(body, lines):
		i, err = l.parseStored(lines)
	case isTable(body, lines):
		i, err = l.parseTable(lines)
	case isScrape(body, lines):
		i = l.parseScrape(lines)
	}
	if err != nil {
		return nil, err
	}
	if l.Title == "" {
		l.Title = titleHint
	}
	l.parseProse(joinWrapped(body, lines[i:]))
	return l, nil
}

// joinWrapped joins the lines of hard-wrapped text into the paragraphs
// they break (wire archives and mailed copy wrap at about 70 characters:
// "... Gunmen killed at\nleast five villagers in a raid ..."): when at
// least three lines go on in lower case after a line with no closing
// punctuation, and the text's lines are short, each such line joins the
// one before it. Other text is returned as it is. The joined line spans
// the originals, so offsets stay those of the body.
func joinWrapped(b []byte, lines []line) []line {
	cont, long, nonEmpty := 0, 0, 0
	open := func(ln line) bool {
		s, e := trimSpan(b, ln.start, ln.end)
		return e > s && !strings.ContainsRune(".!?:\"”)]|", rune(b[e-1]))
	}
	starts := func(ln line) bool {
		s, e := trimSpan(b, ln.start, ln.end)
		if e == s {
			return false
		}
		r, _ := utf8.DecodeRune(b[s:e])
		return unicode.IsLower(r) || unicode.IsDigit(r)
	}
	for n, ln := range lines {
		s, e := trimSpan(b, ln.start, ln.end)
		if e == s {
			continue
		}
		nonEmpty++
		if e-s > 100 {
			long++
		}
		if n > 0 && open(lines[n-1]) && starts(ln) {
			cont++
		}
	}
	if cont < 3 || long*4 > nonEmpty {
		return lines
	}
	// a line that ends on a comma or a word in lower case stops in mid
	// sentence whatever the next begins with ("the hallmarks of\nIslamist")
	midSentence := func(ln line) bool {
		s, e := trimSpan(b, ln.start, ln.end)
		if e == s {
			return false
		}
		if b[e-1] == ',' {
			return true
		}
		k := e
		for k > s && b[k-1] != ' ' {
			k--
		}
		r, _ := utf8.DecodeRune(b[k:e])
		return unicode.IsLower(r)
	}
	out := make([]line, 0, len(lines))
	for n, ln := range lines {
		if n > 0 && len(out) > 0 && out[len(out)-1].end == lines[n-1].end && open(lines[n-1]) && (starts(ln) || midSentence(lines[n-1])) {
			out[len(out)-1].end = ln.end
			continue
		}
		out = append(out, ln)
	}
	return out
}

func trimSpan(b []byte, s, e int) (int, int) {
	for s < e && isSpace(b[s]) {
		s++
	}
	for e > s && isSpace(b[e-1]) {
		e--
	}
	return s, e
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' }

// ---- stored form: "= Title =", optional label line, "- Key: Value" lines

func isStoredTitle(b []byte, lines []line) bool {
	for _, ln := range lines {
		s := strings.TrimSpace(string(b[ln.start:ln.end]))
		if s == "" {
			continue
		}
		return len(s) >= 5 && strings.HasPrefix(s, "= ") && strings.HasSuffix(s, " =") && strings.TrimSpace(strings.Trim(s, "=")) != ""
	}
	return false
}

func (l *Layout) parseStored(lines []line) (int, error) {
	i := 0
	for i < len(lines) && len(bytes.TrimSpace(l.Body[lines[i].start:lines[i].end])) == 0 {
		i++
	}
	ln := lines[i]
	s, e := trimSpan(l.Body, ln.start, ln.end)
	s, e = s+2, e-2
	s, e = trimSpan(l.Body, s, e)
	l.Title, l.TitleStart, l.TitleEnd = string(l.Body[s:e]), s, e
	i++
	// Look ahead: blank lines, at most one label line, then "- " lines.
	j := i
	for j < len(lines) && lines[j].start == lines[j].end {
		j++
	}
	start := j
	if j < len(lines) && !bytes.HasPrefix(l.Body[lines[j].start:lines[j].end], []byte("- ")) &&
		j+1 < len(lines) && bytes.HasPrefix(l.Body[lines[j+1].start:lines[j+1].end], []byte("- ")) {
		start = j + 1 // a label line such as "Infobox" or the image caption
	}
	k := start
	for k < len(lines) && bytes.HasPrefix(l.Body[lines[k].start:lines[k].end], []byte("- ")) {
		ln := lines[k]
		text := l.Body[ln.start+2 : ln.end]
		c := bytes.IndexByte(text, ':')
		if c > 0 && c < 40 {
			ks, ke := trimSpan(l.Body, ln.start+2, ln.start+2+c)
			vs, ve := trimSpan(l.Body, ln.start+2+c+1, ln.end)
			l.addField(ks, ke, vs, ve)
		}
		k++
	}
	if k == start {
		return i, nil
	}
	return k, nil
}

func (l *Layout) addField(ks, ke, vs, ve int) {
	key := string(l.Body[ks:ke])
	_, vs, ve = trimCitations(l.Body, vs, ve)
	val := strings.TrimSpace(collapseSpaces(string(l.Clean[vs:ve])))
	l.Infobox = append(l.Infobox, Field{Key: key, Canon: CanonKey(key), Value: val, KeyStart: ks, Start: vs, End: ve})
}

// trimCitations trims reference markers and spaces at the ends of a span.
func trimCitations(b []byte, s, e int) (bool, int, int) {
	changed := false
	for {
		s, e = trimSpan(b, s, e)
		if e > s && b[e-1] == ']' {
			if o := bytes.LastIndexByte(b[s:e], '['); o >= 0 && citationLen(b[s+o:e]) == e-s-o {
				e = s + o
				changed = true
				continue
			}
		}
		return changed, s, e
	}
}

func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// ---- rendered table: "Title | |", "---|---|", "Key | Value |"

func isTable(b []byte, lines []line) bool {
	if len(lines) < 3 {
		return false
	}
	first := string(b[lines[0].start:lines[0].end])
	second := strings.TrimSpace(string(b[lines[1].start:lines[1].end]))
	return strings.Contains(first, "|") && strings.HasPrefix(second, "---") && strings.Contains(second, "|")
}

func (l *Layout) parseTable(lines []line) (int, error) {
	cells, err := l.cells(lines[0])
	if err != nil {
		return 0, err
	}
	if len(cells) > 0 {
		l.Title, l.TitleStart, l.TitleEnd = string(l.Body[cells[0].start:cells[0].end]), cells[0].start, cells[0].end
	}
	i := 2
	for ; i < len(lines); i++ {
		ln := lines[i]
		if !bytes.Contains(l.Body[ln.start:ln.end], []byte("|")) {
			break
		}
		cells, err := l.cells(ln)
		if err != nil {
			return 0, err
		}
		switch {
		case len(cells) == 0:
		case len(cells) == 1:
			c := cells[0]
			text := string(l.Body[c.start:c.end])
			for _, p := range []string{"Part of the ", "Part of "} {
				if strings.HasPrefix(text, p) {
					l.addField(c.start, c.start+len("Part of"), c.start+len(p), c.end)
					break
				}
			}
		default:
			l.addField(cells[0].start, cells[0].end, cells[1].start, cells[len(cells)-1].end)
		}
	}
	return i, nil
}

// cells splits a table row on "|", dropping empty cells.
func (l *Layout) cells(ln line) ([]line, error) {
	var out []line
	n := 0
	s := ln.start
	for p := ln.start; p <= ln.end; p++ {
		if p == ln.end || l.Body[p] == '|' {
			n++
			if n > MaxTableColumns {
				return nil, fmt.Errorf("%w (more than %d, at byte %d)", ErrTooManyColumns, MaxTableColumns, ln.start)
			}
			cs, ce := trimSpan(l.Body, s, p)
			if ce > cs {
				out = append(out, line{cs, ce})
			}
			s = p + 1
		}
	}
	return out, nil
}

// ---- old page scrapes: chrome lines, then "LocationBaghdad, Iraq" lines

var scrapeChrome = []string{"Jump to content", "Jump to navigation", "From Wikipedia, the free encyclopedia", "This is an old revision of this page"}

func isScrape(b []byte, lines []line) bool {
	for k, ln := range lines {
		if k > 12 {
			break
		}
		s := string(b[ln.start:ln.end])
		for _, c := range scrapeChrome {
			if strings.HasPrefix(s, c) {
				return true
			}
		}
	}
	return false
}

func (l *Layout) parseScrape(lines []line) int {
	i := 0
	// Title: the first line that is not chrome, unless the header names
	// another ("Unchecked" under "Title: Lebanese Christian leader ...")
	for ; i < len(lines); i++ {
		s, e := trimSpan(l.Body, lines[i].start, lines[i].end)
		if e == s || isChrome(string(l.Body[s:e])) {
			continue
		}
		if l.Header.Title != "" && !strings.EqualFold(string(l.Body[s:e]), l.Header.Title) {
			break
		}
		l.Title, l.TitleStart, l.TitleEnd = string(l.Body[s:e]), s, e
		i++
		break
	}
	// The infobox block runs until the first line of prose.
	pendingKey := line{-1, -1}
	for ; i < len(lines); i++ {
		s, e := trimSpan(l.Body, lines[i].start, lines[i].end)
		if e == s {
			continue
		}
		text := string(l.Body[s:e])
		if isChrome(text) {
			continue
		}
		if isProseLine(text) {
			break
		}
		if pendingKey.start >= 0 {
			l.addField(pendingKey.start, pendingKey.end, s, e)
			pendingKey = line{-1, -1}
			continue
		}
		if k, ok := scrapeKey(text); ok {
			if k == len(text) {
				pendingKey = line{s, e}
				continue
			}
			vs, ve := trimSpan(l.Body, s+k, e)
			l.addField(s, s+k, vs, ve)
			continue
		}
		if strings.HasPrefix(text, "Part of ") {
			l.addField(s, s+len("Part of"), s+len("Part of "), e)
		}
	}
	return i
}

func isChrome(s string) bool {
	for _, c := range scrapeChrome {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	if isFurniture(s) {
		return true
	}
	return s == "Map" || strings.HasPrefix(s, "Coordinates: ") || strings.HasSuffix(s, "protected article") ||
		len(s) < 120 && strings.Contains(s, " is located in ") && !strings.HasSuffix(s, ".") || strings.HasPrefix(s, "OpenStreetMap")
}

// furniturePrefixes open the lines a wiki or news page prints around its
// text: navigation, review status, archive notices, share and sign-up
// prompts, lists of related links, credits. They are not prose: their
// dates and names say nothing of the incident.
var furniturePrefixes = []string{
	"jump to ", "skip to ", "main menu", "navigation menu", "page version status", "this is the stable version",
	"there are no reviewed versions of this page", "the page has not been checked", "this page is archived",
	"articles presented on wikinews", "retrieved from", "template changes await review", "share this",
	"share on ", "sign up for", "subscribe to", "read more", "related news", "related articles", "related stories",
	"have your say", "click here", "advertisement", "all rights reserved", "copyright ©", "follow us",
	"this article is more than", "you can write", "print this", "email this", "other stories from", "more stories from",
	"wikipedia has more about this subject", "wikipedia has more about",
	"related:", "see also:", "more on this story", "most read", "trending now", "sign in", "log in to", "newsletter",
}

// captionRE is a map's caption: "Location of County Armagh within Northern
// Ireland",
// and a news page's map ("Map of Kandi showing Gorod and Dagamaru.", "A
// map showing the location of the attack").
var captionRE = regexp.MustCompile(`^Location of [^.]{2,80} (within|in) [^.]{2,60}$|^(A |The )?(locator |location )?[Mm]ap (of|showing|shows|locating) [^.!?]{2,140}\.?$`)

// photoTakenRE is an agency's caption that says when its picture was
// taken: "This photo taken on June 16, 2017 in Kandi shows a hotel
// destroyed by a fire", "A handout picture taken on Monday shows ...".
var photoTakenRE = regexp.MustCompile(`^(?:\p{L}+\s+){0,3}(?:photo|picture|image|photograph)s?\s+(?:taken|made|released|shot)\s+(?:on|in)\s`)

// linkItemRE is an item of a list of other stories: a bullet, a date and
// a colon ("• 27 May 2015: Pro-government forces ...").
var linkItemRE = regexp.MustCompile(`^[•*·-]\s*\d{1,2} [A-Z][a-z]+ \d{4}:`)

// relatedItemRE is the same item with its bullet lost in copying: a date,
// a colon and a headline, which has no full stop ("4 May 2016: Six dead
// following flash flooding in the county"). A timeline's entry is a
// sentence and ends with one.
var relatedItemRE = regexp.MustCompile(`^(\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2},) \d{4}: [^\n]{5,160}[^.!?]$`)

// furnitureLines are whole lines of page furniture.
var furnitureLines = map[string]bool{"unchecked": true, "checked": true, "sources": true, "external links": true,
	"see also": true, "references": true, "share": true, "comments": true, "print": true, "email": true}

// isFurniture says whether a line is page furniture: a known opening, or a
// site's slogan ("From Wikinews, the free news source you can write!").
func isFurniture(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	if furnitureLines[strings.TrimRight(l, ".:")] {
		return true
	}
	for _, p := range furniturePrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	t := strings.TrimSpace(s)
	if sloganRE.MatchString(t) || captionRE.MatchString(t) || photoTakenRE.MatchString(t) || linkItemRE.MatchString(t) || relatedItemRE.MatchString(t) {
		return true
	}
	if len(t) <= 90 && (stampRE.MatchString(t) || bylineRE.MatchString(t) || counterRE.MatchString(t) || readTimeRE.MatchString(t)) {
		return true
	}
	if len(t) <= 250 && stampEndRE.MatchString(t) {
		return true
	}
	return credit(t) || datedCaption(t) || embedRE.MatchString(t) || strings.Contains(l, "pic.twitter.com/") && len(t) < 300 ||
		footerRE.MatchString(t) || menuLine(t) || outletLine(t)
}

// outletLine says whether a short line is an aggregator's source line:
// an outlet's name and its city in brackets, "City, Region" or a name
// with a newspaper's word ("Voice of America (Washington, DC)", "Premium
// Times (Abuja)"; not a headline "Police Said Nothing (Reuters)").
func outletLine(t string) bool {
	if len(t) > 70 || !outletPlaceRE.MatchString(t) {
		return false
	}
	name, place, _ := strings.Cut(t, " (")
	return strings.Contains(place, ", ") || outletWordRE.MatchString(name)
}

// menuLine says whether a line is a site's menu: four items or more
// between bars, each a few words with no sentence in it ("Article Index |
// Advertise | Mobile | RSS | Wireless").
func menuLine(t string) bool {
	items := strings.Split(t, "|")
	if len(items) < 4 {
		return false
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if len(it) > 30 || strings.Count(it, " ") > 3 || strings.ContainsAny(it, ".,;") {
			return false
		}
	}
	return true
}

// Shapes of the furniture of news pages, each a general pattern:
var (
	// outletPlaceRE is an aggregator's source line: the outlet's name in
	// capitalised words and its city in brackets ("Voice of America
	// (Washington, DC)", "Premium Times (Abuja)")
	outletWordRE  = regexp.MustCompile(`\b(Times|Post|News|Herald|Tribune|Guardian|Radio|Agency|Press|Daily|Observer|Journal|Monitor|Standard|Nation|Telegraph|Mail|Express|Gazette|Chronicle|Reporter|Leadership|Vanguard|Punch|Television|TV)\b`)
	outletPlaceRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'.&-]*|of|the|and)(?: (?:\p{Lu}[\p{L}'.&-]*|of|the|and)){0,5} \(\p{Lu}[\p{L}.-]*(?: \p{Lu}[\p{L}.-]*)?(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?\)$`)
	// stampRE is a time stamp of the page: "Updated on 4 March 2021 10:32
	// GMT", "Last updated: 12:05", "Published 3 hours ago", after the
	// section's name in lower case ("india Updated: Jan 18, 2014").
	stampRE = regexp.MustCompile(`(?i)^(\p{Ll}[\p{Ll}-]{1,20} )?(last |latest )?(updated|update|published|posted|modified)( on| at)?( the)?:?\s+(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )`)
	// stampEndRE is a line that ends in the page's time stamp: a
	// headline, a byline or a date before it ("Ambush on the border kills
	// 7 (Agencies) Updated: 2004-09-18 15:41", "Example Report Published
	// June 10, 2024 Updated June 10, 2024 07:32am").
	stampEndRE = regexp.MustCompile(`(?i)\b(updated|update|published|posted|last modified)( on| at)?:?\s+(\d{4}-\d\d-\d\d|\d{1,2} [a-z]+,? \d{4}|[a-z]+\.? \d{1,2},? \d{4})(,? \d{1,2}[:.]\d\d( ?[ap]\.?m\.?)?( [A-Z]{2,4})?)?$`)
	// bylineRE is an author line: "By Jane Smith", "By Jane Smith, Reuters",
	// "By Staff Reporter and Desk Editor".
	// A date may close it, after the outlet's city ("by Example Reporters,
	// New York Apr 07, 2022").
	bylineRE = regexp.MustCompile(`^[Bb]y [A-Z][\p{L}'.-]+( (and )?[A-Z][\p{L}'.-]+){0,4}(, [A-Z][\p{L}& ]{1,30}?)?( (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? (19|20)\d\d)?$`)
	// counterRE is a counter of comments or shares: "23 comments",
	// "Comments (12)", "View comments", "1.2K shares".
	counterRE = regexp.MustCompile(`(?i)^(\d+[\d.,]*k? (comments?|shares?|replies)|comments? \(\d+\)|(view|show|load|hide) \d* ?comments?)$`)
	// readTimeRE is a reading time or audio prompt: "4 min read", "Listen
	// to this article".
	readTimeRE = regexp.MustCompile(`(?i)^(\d+ ?(min|minute)s?( read)?|listen to this (article|story).*|estimated reading time.*)$`)
	// creditRE is a photo credit, or a caption ending in one: "(Photo by
	// Jane Smith/AFP via Getty Images)", "Photo: Jane Smith/Reuters",
	// "File photo: fires burn near the town in October.", a picture's
	// caption with its year ("Kismayo, Somalia (2007)"),
	// "A guard stands outside the court on Friday, June 3, 2016.
	// REUTERS/Jane Smith", or with the agency alone ("... on Friday. AP"),
	// or its credit in square brackets ("... earlier this month [Jane
	// Smith/Reuters]", "... [AFP]", "... [File: Jane Smith/AP]"), the
	// photographer and agency or body in brackets ("... in Kandi (Jane
	// Smith/AP)", "(Jane S. Smith/U.S. Army)"),
	// after a label ("... on Thursday. Photo: Jane Smith / Example Post",
	// "... | Photo: EFE", "... Photograph: Jane Smith/AP", "... (Photo by
	// JANE SMITH / POOL / AFP)") or after "via" ("... in Kandi. — via
	// ISPR").
	// Its date and place are the photo's.
	// bareCreditRE is a credit alone: "Image: Escondites.", "(Photo by
	// Jane Smith/AFP)".
	bareCreditRE = regexp.MustCompile(bareCredit)
	creditRE     = regexp.MustCompile(bareCredit + `|` + fileLabel + `|` + `^[A-Z][^.:]{2,60} \((1[89]|20)\d\d\)$|` + creditEnd)
	// creditTailRE and fileLabelRE are creditRE's parts that a long line
	// can match: a credit at its end, a file photo's label at its start
	// (the rest match short lines only).
	creditTailRE = regexp.MustCompile(`(?i)` + creditEnd)
	fileLabelRE  = regexp.MustCompile(fileLabel)
	// datedCaptionRE is a picture's caption in the wire agencies' style, a
	// line of one sentence that ends with the photo's place and date after
	// a comma, not after "on" as prose writes it: "People gather at the
	// site of a car bomb explosion in Kandi, October 24, 2019.", "...
	// in Kabul, Afghanistan, Tuesday, Aug. 17, 2021.", "..., 3 May 2018."
	datedCaptionRE = regexp.MustCompile(`^([A-Z][^.!?"“”]{10,300}), (?:(?:early|late) )?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?` +
		`(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*),? (?:19|20)\d\d\.$`)
	// embedRE is the signature of an embedded post: "— Jane Smith
	// (@janesmith) January 5, 2015".
	embedRE = regexp.MustCompile(`^[—–-]\s*[^()]{1,60}\(@\w{1,20}\)\s+[A-Z][a-z]+ \d{1,2}, \d{4}$`)
	// footerRE is a wire footer: "Reporting by Jane Smith; Editing by Desk
	// Editor", "(Additional reporting by ...)", "- Reporting: Jane Smith;
	// writing: Desk Editor".
	footerRE = regexp.MustCompile(`^(?:[-–—•]\s*)?\(?([Aa]dditional )?([Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)( by|:) [A-Z]`)
)

// datedCaption says whether a line is a caption of datedCaptionRE's shape
// (prose writes "..., on Tuesday, Aug. 17, 2021.": the date after "on"
// is the sentence's own).
func datedCaption(t string) bool {
	if utf8.RuneCountInString(t) > 360 {
		return false // longer than the expression's longest match
	}
	m := datedCaptionRE.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	w := strings.Fields(m[1])
	last := strings.ToLower(w[len(w)-1])
	if last == "on" || len(w) > 1 && strings.ToLower(w[len(w)-2]) == "on" && strings.HasSuffix(last, "day") {
		return false
	}
	return true
}

// sloganRE is a site's slogan line: one name, "the free", no full stop.
var sloganRE = regexp.MustCompile(`^From [A-Z][\w.-]*, the free [^.]{0,60}$`)

// isProseLine says whether a line reads as running prose: long, several
// words, ending like a sentence.
func isProseLine(s string) bool {
	if len(s) < 80 {
		return false
	}
	return strings.Count(s, " ") >= 10 && (strings.HasSuffix(s, ".") || strings.HasSuffix(s, "]") || strings.HasSuffix(s, "\"") || strings.HasSuffix(s, ")") || strings.HasSuffix(s, ":"))
}

// scrapeKey returns the length of a known infobox key that starts s and is
// run into its value ("Deaths15[1]", "LocationMosul, Iraq"), or equals s.
func scrapeKey(s string) (int, bool) {
	best := 0
	for _, k := range scrapeKeys {
		if !strings.HasPrefix(s, k) {
			continue
		}
		if len(s) == len(k) {
			return len(k), true
		}
		r, _ := utf8.DecodeRuneInString(s[len(k):])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || r == ' ' || r == '(' || r == '~' || r == '<' || r == '>' {
			if len(k) > best {
				best = len(k)
			}
		}
	}
	return best, best > 0
}

// bareCredit is the shape of a picture's credit alone.
// creditEnd is a credit closing a caption, and fileLabel the label that
// opens a file photo's caption (see creditRE).
const (
	creditEnd = `\b(?:REUTERS|AFP|EPA|AP Photo|ANADOLU|XINHUA)/[A-Z][\p{L} .'-]{1,40}\)?$|via Getty Images\)?$|` +
		`\([\p{L}][\p{L} .'-]{1,40}/(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Xinhua|XINHUA|Anadolu|ANADOLU|Bloomberg)\)$|` +
		`\((?:\p{Lu}\p{L}*\.? ){1,3}\p{Lu}[\p{L}'-]+/\p{Lu}[\p{L} .&'-]{1,40}\)$|` +
		`[.!?)] (?:[|/] )?\(?(?:Photo|PHOTO|Photograph|PHOTOGRAPH|Picture|Image|IMAGE)(?: credit)?: ?[^.]{1,60}$|` +
		`[.!?] [—–-] via [\p{L}][\p{L} .'-]{1,40}$|` +
		`[.!?] (?:File|FILE) (?:photo|Photo|PHOTO|picture|image)\.?$|` +
		`[.!?"”] \((?:Photo|PHOTO|Picture|Image|IMAGE|Photograph)s?(?: credit)?(?: by|:) [^()]{1,80}\)$|` +
		`\. (?:[—–-] )?\(?(?:AP|AFP|REUTERS|Reuters|EPA|XINHUA|Xinhua|AP Photo)\)?$|` +
		`\[(?:(?:File|Photo|Archive)(?: photo)?: )?[\p{L}][\p{L} .'-]{0,40}/[\p{L}][\p{L} .'-]{0,40}\]$|` +
		`\[(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|File)\]$`
	fileLabel = `(?i)^(file|archive) (photo|image|picture)s?:`
)

// credit says whether a line is a photo credit or a caption ending in one
// (creditRE). A line longer than any of creditRE's short shapes is tested
// by its first words and its last 400 bytes only, from a space on: the
// expressions would walk all of a long paragraph to test its end.
func credit(t string) bool {
	if len(t) <= 400 {
		return creditRE.MatchString(t)
	}
	if fileLabelRE.MatchString(t[:40]) {
		return true
	}
	tail := t[len(t)-400:]
	if i := strings.IndexByte(tail, ' '); i >= 0 {
		tail = tail[i:]
	}
	return creditTailRE.MatchString(tail)
}

const bareCredit = `(?i)^\(?((file|archive) )?(photo|image|picture|photograph|video)( credit)?( by|:|©)\s*[^.]{1,80}[.)]?$`

// ---- prose

// linkLabels are labels a page prints alone on a line above the headline
// of another story it links to ("RELATED:" then "Ecuador's government
// scraps its intelligence agency").
var linkLabels = map[string]bool{"related:": true, "related": true, "also read:": true, "read also:": true, "see also:": true,
	"read more:": true, "also see:": true, "more:": true, "recommended:": true, "read:": true, "watch:": true}

func (l *Layout) parseProse(lines []line) {
	section := ""
	labelOnly := false // the line before was a bare link label
	for n, ln := range lines {
		s, e := trimSpan(l.Body, ln.start, ln.end)
		if e == s {
			continue
		}
		text := string(l.Body[s:e])
		if h, ok := heading(text); ok {
			section = h
			continue
		}
		if linkSections[strings.ToLower(strings.TrimRight(section, ":"))] {
			continue // "==See also==" and the titles of other articles under it
		}
		if citationSections[strings.ToLower(strings.TrimRight(text, ": "))] && len(l.Paras) > 0 {
			// a bare "References" or "Sources" line after the text, as a
			// news page prints it: the citations under it are no prose
			// either (a "Related articles" box may stand above the text)
			section = text
			continue
		}
		if labelOnly {
			// the headline a bare "RELATED:" label above it links to
			labelOnly = false
			if !strings.ContainsAny(text[len(text)-1:], ".!?\"”") && len(text) <= 160 {
				continue
			}
		}
		if linkLabels[strings.ToLower(strings.TrimSpace(text))] {
			labelOnly = true
			continue
		}
		if isChrome(text) || l.captionOfCredit(lines[n+1:], text) || l.altOfCaption(lines[n+1:], text) || l.teaser(lines[n+1:], text) {
			continue
		}
		if len(l.Paras) == 0 && l.isTitleLine(text) {
			continue // the page's own headline above its text: the title, not a sentence
		}
		// A short line without sentence punctuation is a heading of a scrape.
		if len(text) < 60 && !strings.ContainsAny(text[len(text)-1:], ".!?:\"”)]") && strings.Count(text, " ") < 6 {
			section = text
			continue
		}
		p := Paragraph{Start: s, End: e, Section: section, First: len(l.Sents)}
		l.splitSentences(s, e, len(l.Paras))
		p.N = len(l.Sents) - p.First
		if p.N > 0 {
			l.Paras = append(l.Paras, p)
		}
	}
}

// isTitleLine says whether a line before the first paragraph repeats the
// document's title (a web page prints its headline above the text): it is
// read as the title, not as the report's first sentence.
func (l *Layout) isTitleLine(text string) bool {
	if l.Title == "" {
		return false
	}
	norm := func(s string) string {
		return strings.ToLower(collapseSpaces(strings.TrimRight(strings.TrimSpace(s), ".!? ")))
	}
	if norm(text) == norm(l.Title) {
		return true
	}
	// the headline as the page prints it may differ from the title it was
	// filed under by a word ("... in Myanmar" under "... in Burma"): a line
	// without a full stop sharing four fifths of its words with the title
	if strings.HasSuffix(strings.TrimSpace(text), ".") {
		return false
	}
	a, b := strings.Fields(norm(text)), strings.Fields(norm(l.Title))
	if len(a) < 4 || len(b) < 4 {
		return false
	}
	in := map[string]bool{}
	for _, w := range b {
		in[w] = true
	}
	same := 0
	for _, w := range a {
		if in[w] {
			same++
		}
	}
	return same*5 >= max(len(a), len(b))*4
}

// captionOfCredit says whether a short line is the caption of a picture:
// the next line is the picture's credit ("The province of Alger,
// Algeria." then "Image: Escondites.").
// A caption is one short sentence at most; the credit is bare ("Image:
// Escondites.", "(Photo by Jane Smith)"), not a caption with its credit,
// which follows prose as often as a picture does.
// teaser says whether a short line is a link to another story: the next
// line is its "Read more" (a page's list of other stories above or below
// the text: "COUNTRY alleged chemical attack: ... / Read more").
func (l *Layout) teaser(rest []line, text string) bool {
	if len(text) > 200 {
		return false
	}
	for _, ln := range rest {
		s, e := trimSpan(l.Body, ln.start, ln.end)
		if e == s {
			continue
		}
		switch strings.ToLower(strings.TrimRight(string(l.Body[s:e]), " »›>.…")) {
		case "read more", "continue reading", "read full story", "read the full story", "full story", "read article":
			return true
		}
		return false
	}
	return false
}

func (l *Layout) captionOfCredit(rest []line, text string) bool {
	if len(text) > 150 || strings.Count(strings.TrimRight(text, ".!? "), ". ") > 0 {
		return false
	}
	for _, ln := range rest {
		s, e := trimSpan(l.Body, ln.start, ln.end)
		if e == s {
			continue
		}
		return bareCreditRE.MatchString(string(l.Body[s:e]))
	}
	return false
}

// altOfCaption says whether a line is a picture's text printed twice, as
// pages print a picture's description and then its caption with the
// credit: the next line starts with this one and is a credited caption
// ("Soldiers patrol Kandi, May 16, 2022. ..." then the same line ending
// "(Jane Smith/Example Army)").
func (l *Layout) altOfCaption(rest []line, text string) bool {
	for _, ln := range rest {
		s, e := trimSpan(l.Body, ln.start, ln.end)
		if e == s {
			continue
		}
		next := string(l.Body[s:e])
		return len(next) > len(text) && strings.HasPrefix(next, text) && credit(next)
	}
	return false
}

// linkSections are the sections of an article that list other pages or
// sources, not prose: the titles of other incidents in them ("2021–2022
// Democratic Republic of the Congo attacks") are not sentences of this
// one. They stay in the document; extraction does not read them.
var linkSections = map[string]bool{"see also": true, "external links": true, "references": true, "further reading": true,
	"notes": true, "bibliography": true, "related articles": true, "related news": true, "footnotes": true, "sources": true}

// citationSections are the link sections that close a text: what follows
// them is citations and links to the end of the page.
var citationSections = map[string]bool{"references": true, "sources": true, "external links": true, "further reading": true,
	"bibliography": true, "footnotes": true}

func heading(s string) (string, bool) {
	if strings.HasPrefix(s, "==") && strings.HasSuffix(s, "==") && len(s) > 4 {
		return strings.TrimSpace(strings.Trim(s, "=")), true
	}
	return "", false
}
