package extract

import (
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/lexicon"
	"github.com/dossier-project/dossier/internal/numbers"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// docState is the working state of one extraction.
type docState struct {
	// crowdClash is the riot sub-type the lead's clashes of crowds gave
	// (crowdClash), for the headline's "clashes"
	crowdClash string
	x          *Extractor
	doc        *dossier.Document
	lay        *layout.Layout
	body       []byte

	sents []*sent

	// title is the main incident's headline as a sentence (titleSent),
	// read once
	title     *sent
	titleRead bool

	// anchor is the date relative expressions resolve against when nothing
	// closer is known: the publication date, else the main incident's date.
	anchor    timex.Date
	published timex.Date
	news      bool // a report with a publication date and no infobox

	actors    []*actor
	byKey     map[string]*actor
	main      *incident
	others    []*incident
	rels      []dossier.Relation
	stmts     []*statement
	claimRecs []claimRec
	relSeen   map[string]bool
	mainCtry  string // the main incident's country, a prior for others
	// ownNamed is the country of the last place a sentence named by its
	// own name, while its mentions are read (byOwnName)
	ownNamed map[*sent]string
	// divisionNames are the names the text writes before a first-level
	// division's word ("Niger State"), lower-cased (writtenAsDivision)
	divisionNames map[string]bool
	runOnDate     [2]int // the page's date line run into the first sentence, when it dates the page
	dateline      *datelineInfo

	// the choice of the main incident's perpetrators (perp.go): the
	// candidates and what the rules alone chose
	perpCands []*perpCand
	rulePerps []string
	// the choice of a report's targets (targets.go): its candidates and
	// what the rules chose, for tools/train
	targetCands []*modelCand
	ruleTargets []string
	// the choice of the main incident's place in prose (place.go)
	placeCands []*modelCand
	rulePlace  string
}

// sent is one analysed sentence. Offsets inside (dates, quantities) are
// converted to body offsets.
type sent struct {
	// resp caches the responsibility lexicon's matches (responsibility)
	resp       []text.Match[lexicon.Responsibility]
	respRead   bool
	idx        int
	para       int
	start, end int
	text       string // clean text of the sentence
	toks       []text.Token
	dates      []dateHit
	qty        []numbers.Quantity // offsets relative to start
	events     []text.Match[lexicon.Event]
	weapons    []text.Match[lexicon.Weapon]
	cas        []text.Match[lexicon.Casualty]
	mentions   []*mention
	citations  []string
	leadOfPara bool
	inc        *incident // the incident the sentence is about, when known
	// otherTime marks a sentence dated to another day than the main
	// incident with no incident of its own: its facts belong to neither.
	otherTime bool
	// laterTime marks such a sentence dated after the main incident: what
	// is said in it may be said of that incident ("A day later, CNN
	// called it a terror attack").
	laterTime bool
}

type dateHit struct {
	e          timex.Expr // offsets relative to the sentence
	start, end int        // body offsets
}

func newDocState(x *Extractor, doc *dossier.Document, lay *layout.Layout) *docState {
	d := &docState{x: x, doc: doc, lay: lay, body: lay.Body, byKey: map[string]*actor{}, relSeen: map[string]bool{}}
	if p, ok := timex.ParseDate(doc.Published); ok {
		d.published = p
		d.anchor = p
	}
	d.news = len(lay.Infobox) == 0 && (doc.Published != "" || !encyclopedic(doc))
	return d
}

// encyclopedic says whether a document is an encyclopedia article rather
// than a report: rendered wikitext, or a page of an encyclopedia site. A
// report without a date of its own is still a report: its statements and
// targets are read as a report's are.
func encyclopedic(doc *dossier.Document) bool {
	if doc.Format == "wikitext" {
		return true
	}
	u, err := url.Parse(doc.Source)
	if err != nil || u.Host == "" {
		return false
	}
	h := strings.ToLower(u.Hostname())
	return h == "wikipedia.org" || strings.HasSuffix(h, ".wikipedia.org")
}

// analyze tokenizes every sentence and finds dates, figures, event words,
// weapons, casualty words and name mentions.
func (d *docState) analyze() {
	lx := d.x.lex
	for i, s := range d.lay.Sents {
		st := &sent{idx: i, para: s.Para, start: s.Start, end: s.End, citations: s.Citations}
		st.text = string(d.lay.Clean[s.Start:s.End])
		st.toks = text.Tokenize(st.text, s.Start)
		st.leadOfPara = i == 0 || d.lay.Sents[i-1].Para != s.Para
		for _, e := range timex.Find(st.text) {
			h := dateHit{e: e, start: s.Start + e.Start, end: s.Start + e.End}
			if d.doc.PublishedFrom == "line" && h.start < d.doc.PublishedEnd && h.end > d.doc.PublishedStart {
				continue // the page's date line, read as a sentence: it dates the page
			}
			if postSignatureBefore(st.text[:e.Start]) {
				continue // "— Jane Smith (@janesmith) July 30, 2018": an embedded post's date, run into the text
			}
			st.dates = append(st.dates, h)
		}
		d.runOnDateLine(st)
		st.qty = numbers.Find(st.text)
		st.events = lx.Events.FindAll(st.toks)
		st.weapons = lx.Weapons.FindAll(st.toks)
		st.cas = lx.Casualties.FindAll(st.toks)
		if more := datedKillingOf(st); len(more) > 0 {
			st.cas = append(st.cas, more...)
			sort.SliceStable(st.cas, func(a, b int) bool { return st.cas[a].I < st.cas[b].I })
		}
		d.sents = append(d.sents, st)
	}
	d.findDateline()
	for _, st := range d.sents {
		st.mentions = d.findMentions(st)
	}
	d.dropDatelineMentions()
}

// evidence makes evidence for a span of the body.
func (d *docState) evidence(field string, start, end int, method string, conf float64) dossier.Evidence {
	if start < 0 {
		start = 0
	}
	if end > len(d.body) {
		end = len(d.body)
	}
	if end < start {
		end = start
	}
	return dossier.Evidence{Field: field, Start: start, End: end, Text: string(d.body[start:end]), Method: method, Confidence: conf}
}

// sentEvidence makes evidence covering a whole sentence.
func (d *docState) sentEvidence(field string, st *sent, conf float64) dossier.Evidence {
	ev := d.evidence(field, st.start, st.end, dossier.MethodProse, conf)
	ev.Citations = st.citations
	return ev
}

// tokenIndexAt returns the index of the first token starting at or after off.
func (st *sent) tokenIndexAt(off int) int {
	for i, t := range st.toks {
		if t.Start >= off {
			return i
		}
	}
	return len(st.toks)
}

// hasEvent reports whether the sentence has an event word of at least weight w.
func (st *sent) hasEvent(w int) bool {
	for _, e := range st.events {
		if e.Val.Weight >= w {
			return true
		}
	}
	return false
}

// dateThenPlace is the rest of a dateline after its date: ", Dhaka – ",
// ", KABUL — ".
var dateThenPlace = regexp.MustCompile(`^,?\s+\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,2}(?:,\s\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,2})?\s*[–—-]+\s`)

// runOnDateLine reads a report's date line run into its first sentence:
// "Tuesday, May 30, 2006 Kabul Afghanistan saw the worst violence on
// Monday". The date, a full date with its weekday opening the text before
// another date, is the page's: it anchors the others and dates nothing
// itself (it is dropped from the sentence's dates); a page without a
// publication date takes it as one.
//
// A date before a dateline's place ("July 8th, 2016, Dhaka – People
// ... were witness to ... yesterday") is the date of writing too.
//
// A date labelled as the page's before the text ("date 2017-02-17
// CITY: ... on Thursday ambushed", "Posted on 2019-08-28
// CITY — ...") is one too, with or without another date after it.
func (d *docState) runOnDateLine(st *sent) {
	if !d.news || st.idx != 0 || len(st.dates) == 0 {
		return
	}
	e := st.dates[0].e
	if e.Kind != timex.Absolute || e.Year == 0 || e.Day == 0 {
		return
	}
	// (or right after the page's labelled date the reader took: "date
	// 2021-04-19 Monday, 19 April 2021 Nineteen civilians")
	afterLabel := d.doc.PublishedFrom == "line" && d.doc.PublishedEnd <= st.dates[0].start && d.doc.PublishedEnd >= st.start &&
		strings.TrimSpace(string(d.body[d.doc.PublishedEnd:st.dates[0].start])) == ""
	// ("July 8th, 2016, Dhaka – People ... yesterday": the date of
	// writing before a dateline's place)
	datelineAfter := e.Start == 0 && dateThenPlace.MatchString(st.text[st.dates[0].end-st.start:])
	if !dateLabelBefore(st, st.dates[0].start) && !afterLabel && !datelineAfter && (len(st.dates) < 2 || e.Start != 0 || !e.HasWeekday) {
		return
	}
	dl := timex.Date{Year: e.Year, Month: e.Month, Day: e.Day}
	if d.published.Year != 0 && dl != d.published {
		return
	}
	if d.published.Year == 0 {
		d.published, d.anchor = dl, dl
		d.runOnDate = [2]int{st.dates[0].start, st.dates[0].end}
	}
	end := st.dates[0].end
	st.dates = st.dates[1:]
	// "date 2021-04-19 Monday, 19 April 2021 Nineteen civilians ...": the
	// same day written again right after the label's is the date line too
	if len(st.dates) > 0 && end <= st.dates[0].start {
		n := st.dates[0].e
		gap := strings.TrimSpace(string(d.body[end:st.dates[0].start]))
		if gap == "" && n.Kind == timex.Absolute && n.Year == dl.Year && n.Month == dl.Month && n.Day == dl.Day {
			st.dates = st.dates[1:]
		}
	}
}

// dateLabelBefore says whether the words of a sentence before offset at
// are only a page's label of its date: "date", "Published:", "Posted on".
func dateLabelBefore(st *sent, at int) bool {
	n := 0
	for _, t := range st.toks {
		if t.Start >= at {
			break
		}
		if !(n == 0 && t.Is("date", "published", "posted", "updated") || n > 0 && (t.Is("on") || t.Text == ":")) {
			return false
		}
		n++
	}
	return n > 0
}

// datedKillingOf reads a noun of killing whose date stands between it and
// its victims, "the massacre on 22 October 1992 of 16 Bosniak citizens",
// as "the massacre of" is read: a figure of deaths follows.
func datedKillingOf(st *sent) []text.Match[lexicon.Casualty] {
	var out []text.Match[lexicon.Casualty]
	for k := 0; k+3 < len(st.toks); k++ {
		if !st.toks[k].Is("massacre", "massacres", "killing", "killings", "murder", "murders", "execution", "executions") || !st.toks[k+1].Is("on", "in") {
			continue
		}
		for _, h := range st.dates {
			if h.start != st.toks[k+2].Start {
				continue
			}
			e := k + 2
			for e < len(st.toks) && st.toks[e].Start < h.end {
				e++
			}
			if e < len(st.toks) && st.toks[e].Is("of") {
				out = append(out, text.Match[lexicon.Casualty]{I: k, J: e + 1, Val: lexicon.Casualty{Field: "fatalities", Before: true}})
			}
			break
		}
	}
	return out
}

// responsibility returns the matches of the responsibility lexicon in a
// sentence, found once: roles, claims, the perpetrator model's features
// and the actor cues all read them, some once for each mention.
func (d *docState) responsibility(st *sent) []text.Match[lexicon.Responsibility] {
	if !st.respRead {
		st.resp, st.respRead = d.x.lex.Responsibility.FindAll(st.toks), true
	}
	return st.resp
}

// postSignatureBefore says whether text ends in an embedded post's
// signature before its date: a handle in brackets, "(@janesmith) ".
func postSignatureBefore(s string) bool {
	s = strings.TrimRight(s, " ")
	if !strings.HasSuffix(s, ")") {
		return false
	}
	i := strings.LastIndexByte(s, '(')
	if i < 0 || len(s)-i > 40 {
		return false
	}
	h := s[i+1 : len(s)-1]
	return strings.HasPrefix(h, "@") && len(h) > 1 && !strings.ContainsAny(h, " ")
}
