// Package dossier holds the domain of the knowledge base: documents and what
// is extracted from them (incidents, actors, relations, statements, claims),
// each value tied to the evidence it came from. It depends on the standard
// library only; readers, extraction stages, stores and the web layer all
// speak in these types.
package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Method says where in a document a value was read.
const (
	MethodInfobox = "infobox"
	MethodProse   = "prose"
	MethodTitle   = "title"
	MethodMeta    = "metadata"
)

// Actor kinds.
const (
	KindPerson       = "person"
	KindArmedGroup   = "armed_group"
	KindState        = "state"
	KindOrganization = "organization"
	KindParty        = "party"
	KindMedia        = "media"
	KindOther        = "other"
)

// Relation predicates.
const (
	PredLeaderOf       = "leader_of"
	PredMemberOf       = "member_of"
	PredFounded        = "founded"
	PredBackedBy       = "backed_by"
	PredSpokespersonOf = "spokesperson_of"
	PredPartOf         = "part_of"
)

// Statement stances toward an incident.
const (
	StanceCondemn    = "condemn"
	StanceAccuse     = "accuse"
	StanceDeny       = "deny"
	StanceDismiss    = "dismiss"
	StanceSympathize = "sympathize"
	StanceSupport    = "support"
	StanceOther      = "other"
)

// Claim kinds and claimant kinds.
const (
	ClaimResponsible    = "responsible"
	ClaimNotResponsible = "not_responsible"
	ClaimFabricated     = "fabricated"

	ClaimantAnonymous = "anonymous"
	ClaimantOfficial  = "official"
	ClaimantGroup     = "group"
	ClaimantMedia     = "media"
	ClaimantAnalyst   = "analyst"
)

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Evidence ties a value to the bytes of the document it was read from:
// Start and End are byte offsets into the file exactly as read, so that
// raw[Start:End] == Text.
type Evidence struct {
	Field      string  `json:"field,omitempty"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Method     string  `json:"method,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	// Note says what the method alone does not: why a value is an
	// interval ("Sunday" read two ways, a day apart across time zones).
	Note string `json:"note,omitempty"`
	// Citations are the reference markers ("[3]") that follow the sentence.
	Citations []string `json:"citations,omitempty"`
}

// DocRef names a document in extraction output.
type DocRef struct {
	Path   string  `json:"path"`
	Title  string  `json:"title"`
	Source *string `json:"source"`
}

// Document is one input as read: its raw bytes and metadata. Readers make
// Documents; extraction reads them and never changes them.
type Document struct {
	// Path is the path as given on the command line, "-" for standard input,
	// or a synthetic name for records of a feed or a dump.
	Path string
	// Source is the canonical URL when known.
	Source string
	// Title from metadata or the document itself.
	Title string
	// Published is the publication date, YYYY-MM-DD, when known.
	Published string
	// PublishedFrom says where Published was read: "header" (a
	// "Published:" line), "meta" (an HTML page's meta data), "line" (a date
	// on its own line among the first lines, as news pages print it) or
	// "url" (a date in the source URL); PublishedStart and PublishedEnd
	// are its byte offsets in Raw when it was read from the text.
	PublishedFrom                string
	PublishedStart, PublishedEnd int
	// PublishedAt is the moment of publication with the publisher's UTC
	// offset, when the source that gave Published also gives a time and
	// an offset ("2021-11-06T22:30:00-05:00" in a page's meta data, a
	// feed or a "Published:" line); the zero Time when it does not. Its
	// date in its own offset is Published. It tells what day it already
	// was elsewhere when a report says "on Sunday".
	PublishedAt time.Time
	// Site, Author from metadata (HTML pages, feeds).
	Site   string
	Author string
	// Format names the reader that produced the document (text, wikitext, html, jsonl).
	Format string
	// Raw is the file exactly as read; evidence offsets index it.
	Raw []byte
	// Text is the prose to extract from when it differs from Raw (HTML main
	// text, rendered wikitext). When nil, Raw is the text. Offsets then index Text.
	Text []byte
	// Hints are structured fields a reader already knows (infobox parameters
	// parsed from wikitext, coordinates), with offsets into the text.
	Hints []Hint
	// Cut says that the reader kept only part of the input, and why
	// ("HTML page of 15.0 MB cut to its first 4.0 MB"); empty otherwise.
	Cut string
}

// Hint is a structured value a reader found (an infobox parameter, a link
// target, coordinates), with its location in the text.
type Hint struct {
	Key   string
	Value string
	Start int
	End   int
}

// Body returns the bytes that evidence offsets index.
func (d *Document) Body() []byte {
	if d.Text != nil {
		return d.Text
	}
	return d.Raw
}

// Key is the document's identity in a store: its source URL, else its path.
func (d *Document) Key() string {
	if d.Source != "" {
		return d.Source
	}
	return d.Path
}

// ContentHash versions a document by its content.
func (d *Document) ContentHash() string {
	h := sha256.Sum256(d.Raw)
	return hex.EncodeToString(h[:])
}

// DateRange is a date or a span of dates in ISO 8601 at a precision:
// "2021-11-07", "2021-11", "2021".
type DateRange struct {
	Start     string `json:"start"`
	End       string `json:"end"`
	Precision string `json:"precision"`
}

// Location is a place resolved against the gazetteer.
type Location struct {
	Place     string   `json:"place"`
	Admin1    string   `json:"admin1,omitempty"`
	Admin2    string   `json:"admin2,omitempty"` // second-level division (district, county) when the gazetteer knows it
	Country   string   `json:"country,omitempty"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	Precision string   `json:"precision"`
}

// Range is a count known within bounds; Max is nil for an open upper bound.
type Range struct {
	Min int  `json:"min"`
	Max *int `json:"max"`
	// Vague marks a range read from a word of magnitude ("dozens" is 24 or
	// more, "hundreds" 200 or more: internal/numbers/data/words.tsv), not
	// from a figure.
	Vague bool `json:"vague,omitempty"`
}

// Exact returns the range {n, n}.
func Exact(n int) *Range { m := n; return &Range{Min: n, Max: &m} }

// AtLeast returns the range {n, open}.
func AtLeast(n int) *Range { return &Range{Min: n} }

// Between returns the range {lo, hi}.
func Between(lo, hi int) *Range {
	if hi < lo {
		lo, hi = hi, lo
	}
	return &Range{Min: lo, Max: &hi}
}

// Add sums two ranges; an open bound stays open.
func (r *Range) Add(o *Range) *Range {
	if r == nil {
		return o
	}
	if o == nil {
		return r
	}
	out := &Range{Min: r.Min + o.Min}
	if r.Max != nil && o.Max != nil {
		m := *r.Max + *o.Max
		out.Max = &m
	}
	return out
}

// Incident is one act of political violence (or protest, or strategic
// development) as a document reports it.
type Incident struct {
	ID           string     `json:"id"`
	Main         bool       `json:"main"`
	Title        string     `json:"title"`
	Date         *DateRange `json:"date"`
	Location     *Location  `json:"location"`
	Type         string     `json:"type"`
	SubType      string     `json:"sub_type"`
	Weapons      []string   `json:"weapons"`
	Targets      []string   `json:"targets"`
	Fatalities   *Range     `json:"fatalities"`
	Injuries     *Range     `json:"injuries"`
	Perpetrators []string   `json:"perpetrators"`
	Accused      []string   `json:"accused"`
	// Unidentified describes attackers the sources do not identify
	// ("gunmen", "suspected militants"): the incident's unidentified
	// armed group, no actor and no perpetrator.
	Unidentified []string   `json:"unidentified,omitempty"`
	PartOf       []string   `json:"part_of"`
	Evidence     []Evidence `json:"evidence"`
	// Kind is what the incident is to the documents that report it:
	// IncidentEvent, IncidentReference or IncidentMention.
	Kind string `json:"kind"`
}

// Incident kinds (../shared/spec/kb-output.md). Listings hold events and
// references by default; mentions only when asked.
const (
	// IncidentEvent is a document's own incident.
	IncidentEvent = "event"
	// IncidentReference is a named or dated incident a document refers to,
	// dated to the month and placed in a country by its own sentences.
	IncidentReference = "reference"
	// IncidentMention is anything else mentioned in passing.
	IncidentMention = "mention"
)

// IncidentKindRank orders incident kinds: an incident that is some document's
// event is an event, whatever other documents only mention it.
func IncidentKindRank(k string) int {
	switch k {
	case IncidentEvent:
		return 2
	case IncidentReference:
		return 1
	}
	return 0
}

// Actor is a person, group, state, organization, party or outlet.
type Actor struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Aliases  []string   `json:"aliases"`
	Kind     string     `json:"kind"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Relation links two actors: Subject Predicate Object.
type Relation struct {
	Subject   string   `json:"subject"`
	Predicate string   `json:"predicate"`
	Object    string   `json:"object"`
	Evidence  Evidence `json:"evidence"`
}

// Statement is what one speaker said about an incident, in one stance.
type Statement struct {
	Speaker  string     `json:"speaker"`
	Stance   string     `json:"stance"`
	Channel  string     `json:"channel,omitempty"`
	Incident string     `json:"incident"`
	Quote    string     `json:"quote,omitempty"`
	Quotes   []string   `json:"quotes,omitempty"`
	Evidence Evidence   `json:"evidence"`
	More     []Evidence `json:"more_evidence,omitempty"`
}

// Claim records who asserts what about responsibility for an incident.
type Claim struct {
	Incident     string   `json:"incident"`
	Claimant     string   `json:"claimant"`
	ClaimantKind string   `json:"claimant_kind"`
	About        string   `json:"about"`
	Claim        string   `json:"claim"`
	Evidence     Evidence `json:"evidence"`
}

// Extraction is everything found in one document.
type Extraction struct {
	Doc        DocRef      `json:"doc"`
	Language   string      `json:"language,omitempty"`
	Published  string      `json:"published,omitempty"`
	Incidents  []Incident  `json:"incidents"`
	Claims     []Claim     `json:"claims"`
	Actors     []Actor     `json:"actors"`
	Relations  []Relation  `json:"relations"`
	Statements []Statement `json:"statements"`
	// Skipped says why a document was read but not extracted
	// ("language: ar, not extracted").
	Skipped string `json:"skipped,omitempty"`
	// Truncated says that only the first part of a very long document was
	// read or extracted, and how much ("text of 15.0 MB: the first 1.0 MB
	// extracted"). Work and memory stay bounded whatever the input.
	Truncated string `json:"truncated,omitempty"`
}

// Main returns the main incident, or nil.
func (x *Extraction) Main() *Incident {
	for i := range x.Incidents {
		if x.Incidents[i].Main {
			return &x.Incidents[i]
		}
	}
	return nil
}

// StableID derives a short deterministic id from parts.
func StableID(prefix string, parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return prefix + hex.EncodeToString(h[:6])
}
