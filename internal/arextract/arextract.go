// Package arextract reads Arabic reports and encyclopedia articles: the
// main incident's date, place, type, weapons, fatalities, injuries and
// perpetrators, the statements made about it and the claims of
// responsibility, each value with its evidence (the sentence it came from,
// byte offsets into the document as written).
//
// Everything Arabic it knows is data: the Arabic language pack
// (internal/langpack/data/ar: dates, numbers, casualty words, event words,
// weapons, speech and stance words, place cues), the gazetteer's Arabic
// names and the actor dictionary's Arabic aliases. The code reads those
// files' classes; it names no Arabic word.
//
// It proposes candidates (dates, places, figures, claimants, speakers)
// sentence by sentence and chooses among them by position, cue words and
// distance to the event word, the same choice the English extractor makes.
package arextract

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/actordict"
	"github.com/dossier-project/dossier/internal/arabic"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/langpack"
	"github.com/dossier-project/dossier/internal/layout"
)

// Extractor holds the read-only data of Arabic extraction; it is safe for
// concurrent use.
type Extractor struct {
	p    *pack
	gz   *gazetteer.Gazetteer
	dict *actordict.Dict
}

// New reads the Arabic pack lp (langpack.Get("ar"), possibly extended by a
// user's folder).
func New(lp *langpack.Pack, gz *gazetteer.Gazetteer, dict *actordict.Dict) (*Extractor, error) {
	p, err := loadPack(lp)
	if err != nil {
		return nil, fmt.Errorf("arabic language pack: %w", err)
	}
	return &Extractor{p: p, gz: gz, dict: dict}, nil
}

// Input is one document: its bytes, where its prose starts and ends, its
// publication date (YYYY-MM-DD, "" when unknown), its title and its key.
type Input struct {
	// Body is the text read: the document's with furniture and citation
	// marks blanked (layout.Clean); Raw, when set, is the text as written,
	// at the same offsets, which evidence quotes.
	Body       []byte
	Raw        []byte
	Start, End int
	// HeadEnd is where the text starts after the metadata header
	// (Source:, Title:, Published: lines): the page's own lines, a date
	// line among them, come after it.
	HeadEnd   int
	Published string
	Title     string
	Key       string
	// TitleStart and TitleEnd locate the title in Body, when it is there
	// (a "Title:" header or a "= Title =" line); TitleMethod says how it
	// was read (dossier.MethodTitle or MethodMeta).
	TitleStart, TitleEnd int
	TitleMethod          string
	// Infobox holds the fields of an article's infobox (layout.Parse).
	Infobox []layout.Field
}

// Output is what the document reports.
type Output struct {
	Incidents  []dossier.Incident
	Actors     []dossier.Actor
	Statements []dossier.Statement
	Claims     []dossier.Claim
}

// sentence is one sentence: its span, its words and their folded forms.
type sentence struct {
	start, end int
	toks       []arabic.Token
	words      []string
	events     []langpack.Match[eventWord]
	eventW     int // the weight of its strongest event word
	// placeList caches places(s), read by several choices of the incident
	placeList []placeFound
	placed    bool
}

// doc is the per-document state.
type doc struct {
	x      *Extractor
	in     Input
	body   string
	raw    string // what evidence quotes: Input.Raw, else body
	sents  []*sentence
	titleW string // the title's folded words (titleWords)
	// repeats[k] counts the sentences before k that repeat the title
	// (leadIndex), computed once
	repeats []int
	// pub is the publication date: the header's Published: line, else the
	// page's own date line (pubStart, pubEnd: its offsets; pubLine: read
	// there); hasPub is false when neither gives a day.
	pub              time.Time
	hasPub, pubLine  bool
	pubStart, pubEnd int
	latestY          int      // latestYear, once computed (-1: not yet)
	furniture        [][2]int // lines before the lead that date the page, not an act (pageDate)
	// noYearless stops dateAt from reading a day and month without their
	// year while the page's date line and the latest year are looked for
	// (both are read from dates written whole)
	noYearless bool
}

// Extract reads one document.
func (x *Extractor) Extract(in Input) Output {
	d := &doc{x: x, in: in, body: string(in.Body)}
	d.raw = d.body
	if len(in.Raw) == len(in.Body) {
		d.raw = string(in.Raw)
	}
	d.split()
	d.latestY = -1
	// (the page's lines are read even under a Published: line: their
	// dated lines are furniture that dates no act)
	t, s, e, line := d.pageDate()
	if p, err := time.Parse(time.DateOnly, in.Published); err == nil {
		d.pub, d.hasPub = p, true
	} else if line {
		d.pub, d.hasPub, d.pubLine, d.pubStart, d.pubEnd = t, true, true, s, e
	}
	inc := d.mainIncident()
	out := Output{Incidents: []dossier.Incident{}}
	actors := map[string]*dossier.Actor{}
	addActor := func(name, kind string, ev dossier.Evidence) {
		key := arabic.Fold(name)
		if a, ok := actors[key]; ok {
			if len(a.Evidence) < 3 {
				a.Evidence = append(a.Evidence, ev)
			}
			return
		}
		a := &dossier.Actor{Name: name, Aliases: []string{}, Kind: kind, Evidence: []dossier.Evidence{ev}}
		if e, ok := x.dict.Lookup(name); ok {
			a.Kind = e.Kind
			if e.Name != name {
				a.Aliases = append(a.Aliases, e.Name)
			}
		}
		if a.Kind == "" {
			a.Kind = "other"
		}
		a.ID = dossier.StableID("a", a.Kind, key)
		actors[key] = a
	}
	if inc != nil {
		if in.TitleEnd > in.TitleStart && in.TitleEnd <= len(in.Body) {
			inc.evidence = append(inc.evidence, dossier.Evidence{Field: "title", Start: in.TitleStart, End: in.TitleEnd,
				Text: d.raw[in.TitleStart:in.TitleEnd], Method: in.TitleMethod, Confidence: 0.9})
		}
		for _, p := range inc.perps {
			if !p.generic {
				addActor(p.name, p.kind, p.ev)
			}
		}
		rec := inc.output(in.Key)
		out.Incidents = append(out.Incidents, rec)
		for _, c := range inc.claims {
			c.Incident = rec.ID
			out.Claims = append(out.Claims, c)
		}
		for _, s := range append(inc.claimStmts, d.statements()...) {
			s.Incident = rec.ID
			addActor(s.Speaker, "", s.Evidence)
			out.Statements = append(out.Statements, s)
		}
	}
	// the actors the dictionary knows, wherever the document names them
	// (the prime minister a drone targeted, the ministry that condemned)
	if inc != nil {
		for _, st := range d.sents {
			text := d.text(st)
			for _, m := range x.dict.Find(text) {
				if m.Entry == nil || m.Surface == "" {
					continue
				}
				if c, ok := x.gz.MatchCountry(m.Surface); ok && !c.Name {
					continue // "العراقي" qualifies a noun; it names no actor
				} else if ok && d.placeNamed(st, m.Start) {
					continue // "في سوريا", "عدن، اليمن": where, not who
				}
				ev := d.evidence("actor", st, 0.7)
				addActor(withArticle(text, m), m.Entry.Kind, ev)
			}
		}
	}
	for _, a := range actors {
		out.Actors = append(out.Actors, *a)
	}
	slices.SortFunc(out.Actors, func(a, b dossier.Actor) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// withArticle gives back the article's alif that the preposition ل drops
// ("للجيش" is ل + "الجيش"): a name matched after its proclitic ل whose
// alias opens with the article is written "ال..."; "للبنان" stays "لبنان".
func withArticle(text string, m actordict.Match) string {
	name := m.Surface
	if m.Start >= len("ل") && text[m.Start-len("ل"):m.Start] == "ل" && strings.HasPrefix(name, "ل") &&
		strings.HasPrefix(arabic.Fold(m.Alias), "ال") && !strings.HasPrefix(arabic.Fold(name), "ال") {
		return "ا" + name
	}
	return name
}

// placeNamed reports a country the sentence names as a place (after "في",
// the proclitic ب, a word for a kind of place, or as an address's last
// part) at byte offset off of the sentence's text.
func (d *doc) placeNamed(s *sentence, off int) bool {
	for _, f := range d.places(s) {
		if f.country != nil && f.cued && s.toks[f.i].Start-s.start <= off && off < s.toks[f.j-1].End-s.start {
			return true
		}
	}
	return false
}

// split cuts the prose into sentences and words and finds event words.
func (d *doc) split() {
	end := d.in.End
	if end <= 0 || end > len(d.body) {
		end = len(d.body)
	}
	start := min(max(d.in.Start, 0), end)
	prose := d.body[start:end]
	for _, sp := range arabic.Sentences(prose) {
		if s := d.sentenceAt(start+sp.Start, start+sp.End); len(s.toks) > 0 {
			d.sents = append(d.sents, s)
		}
	}
}

// sentenceAt cuts the span [start, end) of the body into words, as a
// sentence, and finds its event words.
func (d *doc) sentenceAt(start, end int) *sentence {
	s := &sentence{start: start, end: end}
	for _, t := range arabic.Tokens(d.body[start:end]) {
		t.Start += start
		t.End += start
		s.toks = append(s.toks, t)
		s.words = append(s.words, t.Folded)
	}
	s.events = d.x.p.events.All(s.words)
	for _, e := range s.events {
		s.eventW = max(s.eventW, e.V.weight)
	}
	// an act told by its toll and its weapon, with no word for the act:
	// "قتل 15 شخصا جراء إلقاء مروحية براميل متفجرة", "أصيب 3 بالرصاص"
	if s.eventW < 2 && len(d.x.p.casualties.All(s.words)) > 0 && len(d.x.p.weapons.All(s.words)) > 0 {
		s.eventW = 2
	}
	return s
}

func (d *doc) text(s *sentence) string { return d.body[s.start:s.end] }

func (d *doc) evidence(field string, s *sentence, conf float64) dossier.Evidence {
	return dossier.Evidence{Field: field, Start: s.start, End: s.end, Text: d.raw[s.start:s.end], Method: dossier.MethodProse, Confidence: conf}
}

// span returns the text of words [i, j) of s as written.
func (d *doc) span(s *sentence, i, j int) string {
	return d.body[s.toks[i].Start:s.toks[j-1].End]
}
