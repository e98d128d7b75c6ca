package dossier

import (
	"context"
	"errors"
	"time"
)

// This file holds the knowledge base's contract: the interfaces a store
// implements (internal/sqlite, internal/postgres) and the records its
// readers return to the commands, the web layer and the exports. The
// interfaces are small and named for what a consumer does with them, so a
// web handler that only lists incidents asks for an IncidentReader.

// Errors a store returns; test them with errors.Is. Each is wrapped with the
// operation and, where it helps, the object ("incident i12: not found").
var (
	// ErrNotFound: no object with that id, key or name.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the request itself is wrong (an unknown field, a bad date).
	ErrInvalid = errors.New("invalid request")
	// ErrSchemaTooNew: the database was written by a newer dossier.
	ErrSchemaTooNew = errors.New("database schema is newer than this dossier")
	// ErrLocked: another process holds the write lock of an SQLite file.
	ErrLocked = errors.New("database is locked by another process")
	// ErrUnavailable: the database server cannot be reached.
	ErrUnavailable = errors.New("database unavailable")
	// ErrReadOnly: the database role or connection may read but not write
	// (a server for readers only, given a read-only PostgreSQL role).
	ErrReadOnly = errors.New("the knowledge base is read-only for this connection")
)

// Store is everything a knowledge base does. Commands take a Store; other
// consumers should ask for the smallest interface they need.
type Store interface {
	Ingester
	IncidentReader
	ActorReader
	DocumentReader
	Searcher
	Reviewer
	QueueReader
	Maintainer
	Close() error
}

// Ingester writes documents with what was extracted from them.
type Ingester interface {
	// DocumentState returns what the store holds under a document key
	// (Document.Key), or ErrNotFound.
	DocumentState(ctx context.Context, key string) (DocumentState, error)
	// PutDocument stores a document, its raw bytes and its extraction in
	// one transaction: actors and incidents are resolved against the
	// store, merged incidents are reconciled again. The same document with
	// the same content hash and extractor version changes nothing; a new
	// version replaces the facts of the previous one and nothing else.
	PutDocument(ctx context.Context, doc *Document, x *Extraction, extractor string) (PutResult, error)
	// ForgetDocument removes a document (named by id, key or path) and
	// every fact that rested on it alone.
	ForgetDocument(ctx context.Context, ref string) (ForgetResult, error)
	// StaleDocuments returns the keys of documents extracted by another
	// extractor version than the one given.
	StaleDocuments(ctx context.Context, extractor string) ([]string, error)
	// LoadDocument returns a stored document (by id, key or path) as it was
	// read, for re-extraction without the original file.
	LoadDocument(ctx context.Context, ref string) (*Document, error)
}

// DocumentState is what a store knows of a document's version.
type DocumentState struct {
	ID        string
	Key       string
	Hash      string
	Extractor string
	// Variants are the content hashes of other inputs with the same key
	// that lost to the stored version (see PutVariant).
	Variants []string
}

// Put statuses.
const (
	PutNew       = "new"
	PutUpdated   = "updated"
	PutUnchanged = "unchanged"
	// PutVariant: another version of a stored document (the same source
	// URL in two files, a feed repeating a URL) that lost to the stored one
	// by content (newest Published, then longer, then smallest content
	// hash); it is recorded as a variant and changes nothing else, so that
	// the same inputs in any order store the same documents.
	PutVariant = "variant"
)

// PutResult says what PutDocument did.
type PutResult struct {
	DocumentID string
	Status     string // PutNew, PutUpdated, PutUnchanged
	// Incidents the document's reports were attached to (new or merged).
	Incidents []string
	// NewIncidents counts the incidents the document created; the others
	// merged with incidents already known.
	NewIncidents int
	Actors       int
}

// ForgetResult says what ForgetDocument removed.
type ForgetResult struct {
	DocumentID string
	Key        string
	// IncidentsRemoved rested on the document alone; IncidentsUpdated lost
	// its reports and were reconciled again. The same for actors.
	IncidentsRemoved, IncidentsUpdated int
	ActorsRemoved, ActorsUpdated       int
}

// Source names a document an incident or a value came from.
type Source struct {
	DocumentID string  `json:"document_id"`
	Path       string  `json:"path"`
	Title      string  `json:"title"`
	Source     *string `json:"source"`
	Published  string  `json:"published,omitempty"`
	// CopyOf is the document this one is a syndicated copy of (the same
	// wire story on another site); copies count once when sources are
	// tallied.
	CopyOf string `json:"copy_of,omitempty"`
	// Role is what the document does for the incident: RoleReport (the
	// incident is its own event), RoleReference or RoleMention.
	Role string `json:"role,omitempty"`
	// Language is the document's language code ("en"), where known.
	Language string `json:"language,omitempty"`
}

// Roles of a source (Source.Role).
const (
	RoleReport    = "report"
	RoleReference = "reference"
	RoleMention   = "mention"
)

// Incident sort orders for IncidentFilter.Sort.
const (
	SortDateDesc   = "date"    // newest first (the default)
	SortDateAsc    = "-date"   // oldest first
	SortSources    = "sources" // most sources first
	SortFatalities = "fatalities"
	SortTitle      = "title"
)

// IncidentFilter selects incidents. Empty fields do not filter. Dates are
// YYYY, YYYY-MM or YYYY-MM-DD; an incident matches when its date range
// overlaps [From, To]. Country, Type (type or sub-type) and Weapon match
// case- and accent-insensitively; Actor is an actor id or a name (an
// incident matches when the actor is a target, perpetrator, accused, a
// claimant or the subject of a claim); Text is full text.
type IncidentFilter struct {
	From, To string
	Country  string
	Type     string
	Actor    string
	Weapon   string
	Text     string
	// IncludeMentions lists incidents only mentioned in passing
	// (IncidentMention) too; by default a listing holds events and
	// references.
	IncludeMentions bool
	Sort            string
	// Limit bounds a page; 0 means a default page (50), -1 every match.
	Limit  int
	Cursor string // from IncidentPage.Next
}

// IncidentPage is one page of an incident list.
type IncidentPage struct {
	Incidents []IncidentSummary `json:"incidents"`
	// Next is the cursor of the following page, empty on the last.
	Next string `json:"next,omitempty"`
	PageInfo
}

// PageInfo is what every page of a list says besides its items and its
// next page.
type PageInfo struct {
	// Prev is the cursor of the previous page, empty on the first.
	// Cursors are valid only under the filters that gave them; a cursor
	// given under other filters is refused with ErrInvalid.
	Prev string `json:"prev,omitempty"`
	// Total counts the rows that match the filters, on every page. When
	// there are more than a store counts (TotalIsEstimate), it is a lower
	// bound.
	Total           int  `json:"total"`
	TotalIsEstimate bool `json:"total_is_estimate"`
}

// IncidentSummary is a reconciled incident in the shape of extraction
// output (the reconciled value of each field with the evidence behind it),
// plus its sources and the fields whose sources disagree.
type IncidentSummary struct {
	Incident
	Sources   []Source `json:"sources"`
	Conflicts []string `json:"conflicts"`
	// SourceCount counts distinct sources, syndicated copies once.
	SourceCount int `json:"source_count"`
	// Fatalities and Injuries (in Incident) are the figures most
	// independent sources give (copies count once; the sources of the
	// others are listed in the fields' values, and the field in
	// Conflicts); FatalitiesSpan and InjuriesSpan span what all sources say.
	FatalitiesSpan *Range `json:"fatalities_span"`
	InjuriesSpan   *Range `json:"injuries_span"`
}

// IncidentDetail is everything known about one incident.
type IncidentDetail struct {
	IncidentSummary
	// Fields lists, for each field, every reported value with its sources
	// and evidence, the reconciled value and whether sources disagree.
	Fields []FieldValues `json:"fields"`
	// Reports are the documents' own accounts merged into the incident,
	// each with the reason it was merged.
	Reports    []IncidentReport  `json:"reports"`
	Claims     []LedgerEntry     `json:"claims"`
	Statements []StatementRecord `json:"statements"`
	Actors     []ActorRole       `json:"actors"`
	// Before and After are the nearest incidents in time in the same
	// country, and those the incident is part of or shares a "part of" with.
	Before  []IncidentRef `json:"before"`
	After   []IncidentRef `json:"after"`
	Reviews []Review      `json:"reviews"`
	// History lists the merges and splits that made the incident
	// what it is, newest first; Waiting the undated reports in the review
	// queue that came near it.
	History []IncidentChange `json:"history"`
	Waiting []QueuedReport   `json:"waiting"`
}

// IncidentChange is one merge or split of an incident.
type IncidentChange struct {
	Action string   `json:"action"` // merged, split
	Others []string `json:"others"` // the incidents merged in or split into
	Reason string   `json:"reason"`
	Time   string   `json:"time"`
}

// FieldValues is one field of a merged incident: all that sources report.
type FieldValues struct {
	Field      string          `json:"field"`
	Reconciled string          `json:"reconciled"`
	Conflict   bool            `json:"conflict"`
	Values     []ReportedValue `json:"values"`
	// Reviewed is set when a review corrected the field: Reconciled is
	// then the reviewer's value.
	Reviewed bool `json:"reviewed,omitempty"`
}

// Value review statuses.
const (
	StatusConfirmed = "confirmed"
	StatusRejected  = "rejected"
	StatusCorrected = "corrected"
)

// ReportedValue is one value of a field and every source that reports it.
type ReportedValue struct {
	Value string `json:"value"`
	// Cited counts distinct sources, syndicated copies once.
	Cited   int           `json:"cited"`
	Sources []ValueSource `json:"sources"`
	// Status is StatusConfirmed or StatusRejected after a review.
	Status string `json:"status,omitempty"`
}

// ValueSource is where one value was read.
type ValueSource struct {
	Source
	ReportID string    `json:"report_id"`
	Evidence *Evidence `json:"evidence,omitempty"`
}

// IncidentReport is one document's account of an incident.
type IncidentReport struct {
	ID       string   `json:"id"`
	Document Source   `json:"document"`
	Main     bool     `json:"main"`
	Incident Incident `json:"incident"`
	// Reason says why the report joined the incident ("new incident", or
	// the clues of the merge); Score is the merge score.
	Reason string  `json:"reason"`
	Score  float64 `json:"score"`
}

// How a claims-ledger entry assigns responsibility.
const (
	HowClaimed    = "claimed"                      // the group itself claimed it
	HowOfficials  = "accused_by_officials"         // officials blame the actor
	HowAnonymous  = "accused_by_anonymous_sources" // unnamed sources blame the actor
	HowAccused    = "accused"                      // another group, an analyst or the media blame it
	HowDenied     = "denied"                       // the actor (or someone) denies responsibility
	HowFabricated = "fabricated"                   // the incident is called staged or fake
	HowReported   = "reported_perpetrator"         // a source states it as fact
	HowSuspected  = "reported_accused"             // a source lists it as accused or suspected
)

// LedgerEntry is one line of an incident's claims ledger: who is said to
// be responsible, by whom, in which source, and how.
type LedgerEntry struct {
	Responsible string   `json:"responsible"`
	ActorID     string   `json:"actor_id,omitempty"`
	By          string   `json:"by"`
	ByKind      string   `json:"by_kind,omitempty"`
	How         string   `json:"how"`
	Claim       string   `json:"claim"`
	Document    Source   `json:"document"`
	Evidence    Evidence `json:"evidence"`
	ReportID    string   `json:"report_id,omitempty"`
	ClaimantID  string   `json:"claimant_id,omitempty"`
}

// StatementRecord is a statement with its speaker resolved and its source.
type StatementRecord struct {
	Statement
	SpeakerID  string `json:"speaker_id,omitempty"`
	IncidentID string `json:"incident_id,omitempty"`
	Document   Source `json:"document"`
}

// ActorRole is an actor's part in an incident.
type ActorRole struct {
	ActorID string `json:"actor_id"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Role    string `json:"role"` // target, perpetrator, accused, claimant, speaker
}

// IncidentRef is a short reference to an incident.
type IncidentRef struct {
	ID      string     `json:"id"`
	Title   string     `json:"title"`
	Date    *DateRange `json:"date"`
	Country string     `json:"country,omitempty"`
	Type    string     `json:"type,omitempty"`
	Role    string     `json:"role,omitempty"`
}

// ActorFilter selects actors: Q matches names and aliases (accents, case
// and transliteration folded), Kind an actor kind.
type ActorFilter struct {
	Q      string
	Kind   string
	Limit  int // 0: 50; -1: every match
	Cursor string
}

// ActorPage is one page of an actor list.
type ActorPage struct {
	Actors []ActorSummary `json:"actors"`
	Next   string         `json:"next,omitempty"`
	PageInfo
}

// ActorSummary is a resolved actor: one per real-world actor across
// spellings and documents.
type ActorSummary struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Aliases   []string `json:"aliases"`
	Documents int      `json:"documents"`
	Incidents int      `json:"incidents"`
}

// ActorDetail is everything known about one actor.
type ActorDetail struct {
	ActorSummary
	Relations []RelationRecord `json:"relations"`
	Incidents []IncidentRef    `json:"incidents"`
	// Mentions are the documents' own actors merged into this one, each
	// with the reason.
	Mentions   []ActorMention    `json:"mentions"`
	Statements []StatementRecord `json:"statements"`
	Reviews    []Review          `json:"reviews"`
	// SameName lists other actors the name given could mean.
	SameName []ActorSummary `json:"same_name,omitempty"`
}

// RelationRecord is a relation between resolved actors, with its source.
type RelationRecord struct {
	SubjectID string   `json:"subject_id"`
	Subject   string   `json:"subject"`
	Predicate string   `json:"predicate"`
	ObjectID  string   `json:"object_id"`
	Object    string   `json:"object"`
	Document  Source   `json:"document"`
	Evidence  Evidence `json:"evidence"`
}

// ActorMention is one document's actor, merged into a resolved actor.
type ActorMention struct {
	ID       string     `json:"id"`
	Document Source     `json:"document"`
	Name     string     `json:"name"`
	Aliases  []string   `json:"aliases"`
	Kind     string     `json:"kind"`
	Reason   string     `json:"reason"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// DocumentFilter selects documents; Q matches title, path and source.
type DocumentFilter struct {
	Q      string
	Limit  int
	Cursor string
}

// DocumentPage is one page of a document list.
type DocumentPage struct {
	Documents []DocumentSummary `json:"documents"`
	Next      string            `json:"next,omitempty"`
	PageInfo
}

// DocumentSummary describes a stored document.
type DocumentSummary struct {
	Source
	Key       string    `json:"key"`
	Format    string    `json:"format"`
	Language  string    `json:"language,omitempty"`
	Skipped   string    `json:"skipped,omitempty"`
	Hash      string    `json:"hash"`
	Extractor string    `json:"extractor"`
	Size      int       `json:"size"`
	Ingested  time.Time `json:"ingested"`
	Incidents int       `json:"incidents"`
}

// DocumentDetail is a document with its text and what was extracted from it.
type DocumentDetail struct {
	DocumentSummary
	// Text is what evidence offsets index (Document.Body).
	Text       string        `json:"text"`
	Extraction *Extraction   `json:"extraction"`
	Spans      []Span        `json:"spans"`
	Incidents  []IncidentRef `json:"incidents_resolved"`
}

// Span is an extracted value's place in a document's text, for
// highlighting; Target is the incident or actor it resolved to.
type Span struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Kind   string `json:"kind"` // incident, actor, relation, statement, claim
	Field  string `json:"field,omitempty"`
	Label  string `json:"label"`
	Target string `json:"target,omitempty"`
}

// SearchOptions narrow a full-text search.
type SearchOptions struct {
	Kinds []string // "incident", "actor", "document"; empty means all
	Limit int      // per kind; 0 means 20
	// IncludeMentions finds incidents only mentioned in passing too.
	IncludeMentions bool
}

// SearchHit is one result of a full-text search.
type SearchHit struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Title string `json:"title"`
	// Detail is a short description: an incident's date and place, an
	// actor's kind, a document's path.
	Detail string `json:"detail,omitempty"`
	// IncidentKind is an incident's kind (IncidentEvent, ...); Kind stays
	// the kind of hit.
	IncidentKind string `json:"incident_kind,omitempty"`
	// Match is how the hit matched, which ranks it among hits of its kind:
	// MatchExact before MatchTitle before MatchField before MatchText.
	Match string `json:"match"`
	// Snippet is an excerpt of what matched, nil when there is none to show.
	Snippet *Snippet `json:"snippet,omitempty"`
}

// How a search hit matched, best first.
const (
	// MatchExact: the query is the title, or an actor's name or alias in
	// any spelling.
	MatchExact = "exact"
	// MatchTitle: every word is a whole word of the title (an actor's name).
	MatchTitle = "title"
	// MatchField: every word is among the fields: an incident's date,
	// place, type, weapons, targets and actors; an actor's aliases and kind.
	MatchField = "field"
	// MatchText: every word is in a document's text, path or source.
	MatchText = "text"
)

// Snippet is a short excerpt of a search hit with the matched words marked.
type Snippet struct {
	// Field is where the excerpt is from: title, name, alias, label
	// (date and place), type, weapons, targets, perpetrators, accused,
	// part_of, admin1 or text.
	Field string `json:"field"`
	// Text is the excerpt, "…" where it was cut.
	Text string `json:"text"`
	// Marks are the matched words: byte offsets into Text, in order.
	Marks []Mark `json:"marks"`
}

// Mark is a run of bytes [Start, End) of a text.
type Mark struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Review targets, actions and fields.
const (
	// TargetIncident: a field value of an incident.
	TargetIncident = "incident"
	// TargetActor: a field of an actor (name, kind).
	TargetActor = "actor"
	// TargetReport: the merge of a document's report into an incident.
	// Reject splits it off; correct moves it (Value = incident id).
	TargetReport = "report"
	// TargetMention: the merge of a document's actor into an actor.
	TargetMention = "mention"

	ReviewConfirm = "confirm"
	ReviewCorrect = "correct"
	ReviewReject  = "reject"

	// OwnIncident is the value of a correct review of a report that gives
	// it an incident of its own (a queued undated report, most often).
	OwnIncident = "new"
)

// Review is a person's judgement on an extracted value or a merge. Reviews
// are kept apart from extracted facts: extraction never changes them and
// re-ingesting a document applies them again.
type Review struct {
	ID       string    `json:"id"`
	Target   string    `json:"target"`
	TargetID string    `json:"target_id"`
	Field    string    `json:"field,omitempty"`
	Action   string    `json:"action"`
	Value    string    `json:"value,omitempty"`
	Author   string    `json:"author"`
	Note     string    `json:"note,omitempty"`
	Time     time.Time `json:"time"`
}

// ReviewFilter selects reviews; empty fields do not filter.
type ReviewFilter struct {
	TargetID string
	Author   string
	Limit    int
}

// IncidentReader lists and shows incidents.
type IncidentReader interface {
	Incidents(ctx context.Context, f IncidentFilter) (IncidentPage, error)
	// EachIncident calls fn for every incident that matches f, in order,
	// without holding them all in memory.
	EachIncident(ctx context.Context, f IncidentFilter, fn func(*IncidentSummary) error) error
	Incident(ctx context.Context, id string) (*IncidentDetail, error)
}

// ActorReader lists and shows actors.
type ActorReader interface {
	Actors(ctx context.Context, f ActorFilter) (ActorPage, error)
	// Actor finds an actor by id or by name (any spelling); ErrNotFound.
	Actor(ctx context.Context, ref string) (*ActorDetail, error)
}

// DocumentReader lists and shows documents.
type DocumentReader interface {
	Documents(ctx context.Context, f DocumentFilter) (DocumentPage, error)
	Document(ctx context.Context, ref string) (*DocumentDetail, error)
}

// Searcher searches incidents, actors and documents by full text,
// accent- and case-insensitively.
type Searcher interface {
	Search(ctx context.Context, q string, opts SearchOptions) ([]SearchHit, error)
}

// Reviewer records reviews and applies them.
type Reviewer interface {
	// AddReview checks and stores a review, then applies it (reconciles
	// the incident, splits or moves a merge). Time and ID are filled in.
	AddReview(ctx context.Context, r Review) (Review, error)
	Reviews(ctx context.Context, f ReviewFilter) ([]Review, error)
}

// QueueFilter pages through the review queue; Limit 0 means 50, -1 all.
type QueueFilter struct {
	Limit  int
	Cursor string
}

// QueuePage is one page of the review queue, oldest document first.
type QueuePage struct {
	Items []QueuedReport `json:"items"`
	Next  string         `json:"next,omitempty"`
	PageInfo
}

// QueuedReport is a document's own report that gives no date and that no
// single incident fits (none, or several): it forms no incident and waits
// for a later report of its incident, or for a reviewer, who places it
// with a review of TargetReport ID: correct to an incident id, or to
// OwnIncident.
type QueuedReport struct {
	ID       string   `json:"id"`
	Document Source   `json:"document"`
	Incident Incident `json:"incident"`
	// Reason says why it waits: no place to match on, no incident fits,
	// or how many do.
	Reason     string           `json:"reason"`
	Candidates []QueueCandidate `json:"candidates"`
}

// QueueCandidate is an incident compared with a queued report: the
// nearest ones, best first, those that fit marked.
type QueueCandidate struct {
	IncidentRef
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
	Fits   bool    `json:"fits"`
}

// QueueReader lists the review queue.
type QueueReader interface {
	Queue(ctx context.Context, f QueueFilter) (QueuePage, error)
}

// CursorSigner signs the cursors of lists that a store does not page
// itself (the web layer's search offsets) with the key the store's own
// cursors are signed with, so that they too are refused when made up or
// reused under other filters.
type CursorSigner interface {
	// SealCursor returns a token for payload, valid in scope (a list and
	// its filters in a canonical form).
	SealCursor(scope string, payload []byte) string
	// OpenCursor returns the payload of a token sealed in scope, or
	// ErrInvalid.
	OpenCursor(scope, token string) ([]byte, error)
}

// Stats counts what a store holds.
type Stats struct {
	SchemaVersion int `json:"schema_version"`
	Documents     int `json:"documents"`
	Reports       int `json:"reports"`
	Incidents     int `json:"incidents"`
	Actors        int `json:"actors"`
	Reviews       int `json:"reviews"`
	// Queued counts the reports waiting in the review queue.
	Queued int `json:"queued"`
}

// Maintainer reports on a store's contents and checks its consistency.
type Maintainer interface {
	Stats(ctx context.Context) (Stats, error)
	// Check returns the problems found (an incident without reports, a
	// report pointing nowhere, a search index out of step); none is nil.
	Check(ctx context.Context) ([]string, error)
}
