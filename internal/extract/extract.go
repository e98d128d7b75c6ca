// Package extract reads one document and finds what it reports: the
// incidents (the main one and the others it mentions), their date, place,
// type, weapons, casualties, targets, perpetrators and accused; the actors
// with their kinds and aliases; the relations between actors; the
// statements made about the incidents and the claims of responsibility.
// Every value carries its evidence: byte offsets into the document and the
// sentence it came from.
//
// Extraction is a pure function of the document and the lexicons: no
// database, no clock, no network. Stages run in order over a shared
// per-document state (docState): layout, sentence analysis (tokens, dates,
// figures, event words, weapons, name mentions), actors, incidents,
// relations, statements and claims.
package extract

import (
	"context"

	"bytes"
	"fmt"
	"golang.org/x/sync/semaphore"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/actordict"
	"github.com/dossier-project/dossier/internal/arextract"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/lang"
	"github.com/dossier-project/dossier/internal/langpack"
	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/lexicon"
)

// Version identifies the extractor's rules; stores keep it with each
// document to know when to re-extract. Bump it when output changes.
const Version = "0.3.164"

// Extractor holds the read-only resources extraction needs. It is safe
// for concurrent use.
type Extractor struct {
	lex    *lexicon.Lexicon
	gaz    *gazetteer.Gazetteer
	dict   *actordict.Dict
	perp   *Model // the choice of perpetrators in prose; nil: rules only
	target *Model // the choice of a report's targets; nil: rules only
	place  *Model // the choice of the main incident's place in prose; nil: rules only
	ar     *arextract.Extractor
}

// Options configure an Extractor.
type Options struct {
	// LexiconDir is a folder of user additions: language-pack files in
	// LexiconDir/<lang>/ (en/weapons.tsv, ar/events.tsv, ...), actors.tsv for
	// the actor dictionary and places.tsv for the gazetteer. Empty means
	// built-in data only.
	LexiconDir string
}

// New loads the lexicons, the gazetteer and the actor dictionary.
func New(opts Options) (*Extractor, error) {
	var (
		lx  *lexicon.Lexicon
		err error
	)
	if opts.LexiconDir == "" {
		lx, err = lexicon.Default()
	} else {
		lx, err = lexicon.Load(opts.LexiconDir)
	}
	if err != nil {
		return nil, err
	}
	gz, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	dict, err := actordict.Default()
	if err != nil {
		return nil, fmt.Errorf("actor dictionary: %w", err)
	}
	if opts.LexiconDir != "" {
		if gz, dict, err = userData(opts.LexiconDir, gz, dict); err != nil {
			return nil, err
		}
	}
	perp, err := LoadModel(perpModelJSON)
	if err != nil {
		return nil, err
	}
	target, err := LoadModel(targetModelJSON)
	if err != nil {
		return nil, err
	}
	place, err := LoadModel(placeModelJSON)
	if err != nil {
		return nil, err
	}
	arPack, err := langpack.Get("ar")
	if err != nil {
		return nil, err
	}
	if opts.LexiconDir != "" {
		if arPack, err = arPack.WithDir(opts.LexiconDir); err != nil {
			return nil, err
		}
	}
	ar, err := arextract.New(arPack, gz, dict)
	if err != nil {
		return nil, err
	}
	return &Extractor{lex: lx, gaz: gz, dict: dict, perp: perp, target: target, place: place, ar: ar}, nil
}

// Extract reads one document. An error means the document's structure
// could not be read at all (a table too wide to be an infobox); a document
// in another language is not an error: it comes back with Skipped set.
func (x *Extractor) Extract(doc *dossier.Document) (res *dossier.Extraction, err error) {
	// A bug on one document must not end a run over thousands: it becomes
	// that document's error.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("internal error while extracting (please report): %v", r)
		}
	}()
	// Memory, not cores, bounds how many documents are extracted at once
	// when they are large: each takes its share of one budget.
	c := memoryCost(doc)
	if err := memoryGate.Acquire(context.Background(), c); err != nil {
		return nil, err
	}
	defer memoryGate.Release(c)
	_, res, err = x.extract(doc)
	return res, err
}

// extract runs the stages and returns the working state too, for tests
// that look inside.
func (x *Extractor) extract(doc *dossier.Document) (*docState, *dossier.Extraction, error) {
	body := doc.Body()
	truncated := doc.Cut
	if len(body) > MaxTextBytes {
		cut := cutAt(body, MaxTextBytes)
		truncated = joinNotes(truncated, fmt.Sprintf("text of %.1f MB: the first %.1f MB extracted", float64(len(body))/1e6, float64(cut)/1e6))
		body = body[:cut] // a prefix: evidence offsets stay offsets into the document
	}
	lay, err := layout.Parse(body, doc.Title)
	if err != nil {
		return nil, nil, err
	}
	out := &dossier.Extraction{
		Doc:        dossier.DocRef{Path: doc.Path, Title: firstNonEmpty(doc.Title, lay.Title)},
		Published:  doc.Published,
		Incidents:  []dossier.Incident{},
		Claims:     []dossier.Claim{},
		Actors:     []dossier.Actor{},
		Relations:  []dossier.Relation{},
		Statements: []dossier.Statement{},
		Truncated:  truncated,
	}
	if doc.Source != "" {
		s := doc.Source
		out.Doc.Source = &s
	}
	code, _ := lang.Detect(proseSample(lay))
	out.Language = code
	if code == "ar" {
		x.extractArabic(doc, lay, out)
		return nil, out, nil
	}
	if code != "en" && code != "und" {
		out.Skipped = "language: " + code + ", not extracted"
		return nil, out, nil
	}
	d := newDocState(x, doc, lay)
	d.analyze()
	d.findActors()
	d.findIncidents()
	d.findRelations()
	d.spokesmenForGroups()
	d.findStatements()
	d.findClaims()
	d.fill(out)
	return d, out, nil
}

// extractArabic reads an Arabic document with the Arabic pack.
func (x *Extractor) extractArabic(doc *dossier.Document, lay *layout.Layout, out *dossier.Extraction) {
	// the prose starts after the header, the title line and the infobox
	start := max(lay.Header.End, lay.TitleEnd)
	for _, f := range lay.Infobox {
		start = max(start, f.End)
	}
	in := arextract.Input{
		Body: lay.Clean, Raw: lay.Body, Start: start, End: len(lay.Clean), HeadEnd: lay.Header.End,
		Published: doc.Published, Title: out.Doc.Title, Key: doc.Key(),
		Infobox: lay.Infobox,
	}
	if s, e, method, ok := titleSpan(lay, lay.Body, out.Doc.Title); ok {
		in.TitleStart, in.TitleEnd, in.TitleMethod = s, e, method
	}
	res := x.ar.Extract(in)
	out.Incidents = append(out.Incidents, res.Incidents...)
	out.Actors = append(out.Actors, res.Actors...)
	out.Statements = append(out.Statements, res.Statements...)
	out.Claims = append(out.Claims, res.Claims...)
}

// proseSample returns up to 8 KB of the document's prose for language detection.
func proseSample(l *layout.Layout) []byte {
	var b []byte
	for _, s := range l.Sents {
		b = append(b, l.Clean[s.Start:s.End]...)
		b = append(b, ' ')
		if len(b) > 8192 {
			break
		}
	}
	if len(b) == 0 {
		return l.Clean[l.Header.End:]
	}
	return b
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// MaxTextBytes bounds the text one document gives the extractor. News
// reports and encyclopedia articles are a few kilobytes to a few hundred;
// a longer text (a book, a whole site saved as one page) is extracted from
// its first MaxTextBytes, which keeps the work and the memory of one
// document bounded (about 60 bytes of memory per byte of text).
const MaxTextBytes = 1 << 20

// cutAt returns where to cut body at most at limit: after the last
// paragraph break before it, else the last line break, else at limit
// moved back to the start of a UTF-8 character.
func cutAt(body []byte, limit int) int {
	if i := bytes.LastIndex(body[:limit], []byte("\n\n")); i > limit/2 {
		return i + 2
	}
	if i := bytes.LastIndexByte(body[:limit], '\n'); i > limit/2 {
		return i + 1
	}
	for limit > 0 && body[limit]&0xC0 == 0x80 {
		limit--
	}
	return limit
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// MemoryBudget is the memory that the documents being extracted at once may
// take together, whatever the number of workers or cores: many small
// documents run side by side, a few large ones take turns.
const MemoryBudget = 128 << 20

var memoryGate = semaphore.NewWeighted(MemoryBudget)

// memoryCost estimates what extracting doc takes: about 60 bytes per byte of
// the text extracted (see MaxTextBytes), plus a floor for the fixed work.
func memoryCost(doc *dossier.Document) int64 {
	n := int64(min(len(doc.Body()), MaxTextBytes))
	return min(MemoryBudget, 64*n+(256<<10))
}
