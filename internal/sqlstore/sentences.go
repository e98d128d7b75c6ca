package sqlstore

import (
	"context"
	"fmt"

	"github.com/dossier-project/dossier"
)

// An evidence's sentence is a byte range of its document's text, which the
// store keeps (documents.body, else raw). So a stored report or incident
// keeps, of each evidence whose Text is exactly those bytes, the offsets
// alone and says so in its "bare" list; reading it back takes the text
// from the document again. Evidence whose text is anything else (a
// review's value, a title from metadata, a text the extractor rewrote)
// keeps its text: the round trip is exact whatever the extractor wrote.

// textCol is the SQL of the bytes evidence offsets index, in a query of
// documents named d: the body when the reader gave one, else the raw bytes
// (the rule of dossier.Document.Body; docText is the same in Go).
const textCol = `CASE WHEN d.body IS NULL OR length(d.body) = 0 THEN d.raw ELSE d.body END`

// docText is what evidence offsets index: the document's body when it has
// one, else its raw bytes.
func docText(doc *dossier.Document) []byte {
	if len(doc.Text) > 0 {
		return doc.Text
	}
	return doc.Raw
}

// sentenceOf tells whether e's text is text[Start:End] and not empty.
func sentenceOf(e *dossier.Evidence, text []byte) bool {
	return e.Text != "" && 0 <= e.Start && e.Start < e.End && e.End <= len(text) && string(text[e.Start:e.End]) == e.Text
}

// bareEvidence returns a copy of evs in which each evidence whose text is
// its range of text has no text, and the indexes of those.
func bareEvidence(evs []dossier.Evidence, text []byte) ([]dossier.Evidence, []int) {
	var bare []int
	var out []dossier.Evidence
	for i := range evs {
		if !sentenceOf(&evs[i], text) {
			continue
		}
		if out == nil {
			out = append([]dossier.Evidence(nil), evs...)
		}
		out[i].Text = ""
		bare = append(bare, i)
	}
	if out == nil {
		return evs, nil
	}
	return out, bare
}

// fillEvidence gives back the text of the bare evidence of evs.
func fillEvidence(evs []dossier.Evidence, bare []int, text func(i int) ([]byte, error)) error {
	for _, i := range bare {
		if i < 0 || i >= len(evs) {
			return fmt.Errorf("bare evidence %d of %d", i, len(evs))
		}
		t, err := text(i)
		if err != nil {
			return err
		}
		e := &evs[i]
		if e.Start < 0 || e.Start > e.End || e.End > len(t) {
			return fmt.Errorf("evidence %d-%d outside its document's %d bytes", e.Start, e.End, len(t))
		}
		e.Text = string(t[e.Start:e.End])
	}
	return nil
}

// storedIncident is a report as stored (reports.data, review_queue.data):
// an extracted incident whose evidence Bare lists has no text, and the
// actors' parts in it, which rows written before migration 0011 keep in
// their actors column.
type storedIncident struct {
	dossier.Incident
	Bare  []int      `json:"bare,omitempty"`
	Roles *[]roleRef `json:"roles,omitempty"`
}

// encodeReport is the stored form of a report of the document whose text
// is given, with its actors' parts.
func encodeReport(in *dossier.Incident, text []byte, roles []roleRef) []byte {
	if roles == nil {
		roles = []roleRef{}
	}
	st := storedIncident{Incident: *in, Roles: &roles}
	st.Evidence, st.Bare = bareEvidence(in.Evidence, text)
	return pack(st)
}

// decodeIncident reads a stored report back, its evidence whole, from the
// text of its document.
func decodeIncident(b, text []byte, in *dossier.Incident) error {
	_, err := decodeReport(b, nil, text, in)
	return err
}

// decodeReport reads a stored report back, its evidence whole, from the
// text of its document, and its actors' parts (from actors, the column,
// when the report was stored before migration 0011).
func decodeReport(b, actors, text []byte, in *dossier.Incident) ([]roleRef, error) {
	var st storedIncident
	if err := unpack(b, &st); err != nil {
		return nil, err
	}
	if err := fillEvidence(st.Evidence, st.Bare, func(int) ([]byte, error) { return text, nil }); err != nil {
		return nil, err
	}
	*in = st.Incident
	if st.Roles != nil {
		return *st.Roles, nil
	}
	var roles []roleRef
	if len(actors) > 0 {
		if err := unpack(actors, &roles); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
	}
	return roles, nil
}

// decodeIncidentSpans reads a stored report for what its evidence's
// offsets, fields and methods say (anchors, resolution features): the
// texts of bare evidence stay empty.
func decodeIncidentSpans(b []byte, in *dossier.Incident) error {
	var st storedIncident
	if err := unpack(b, &st); err != nil {
		return err
	}
	*in = st.Incident
	return nil
}

// storedSummary is an incident's record as stored (incidents.record): the
// evidence Bare lists has no text, each with the index of the source
// whose document holds it ([evidence, source]).
type storedSummary struct {
	dossier.IncidentSummary
	Bare [][2]int `json:"bare,omitempty"`
}

// encodeSummary is the stored form of an incident's record; texts holds
// the text of documents by id (the incident's sources).
func encodeSummary(sum *dossier.IncidentSummary, texts map[string][]byte) []byte {
	st := storedSummary{IncidentSummary: *sum}
	var evs []dossier.Evidence
	for i := range sum.Evidence {
		for j, src := range sum.Sources {
			if !sentenceOf(&sum.Evidence[i], texts[src.DocumentID]) {
				continue
			}
			if evs == nil {
				evs = append([]dossier.Evidence(nil), sum.Evidence...)
			}
			evs[i].Text = ""
			st.Bare = append(st.Bare, [2]int{i, j})
			break
		}
	}
	if evs != nil {
		st.Evidence = evs
	}
	return pack(st)
}

// decodedSummary is a record read back, its evidence texts still to be
// taken from its documents (fill).
type decodedSummary struct {
	storedSummary
}

func decodeSummary(b []byte) (decodedSummary, error) {
	var d decodedSummary
	err := unpack(b, &d.storedSummary)
	return d, err
}

// docs lists the documents whose text the record's bare evidence needs.
func (d *decodedSummary) docs() []string {
	var out []string
	for _, b := range d.Bare {
		if b[1] >= 0 && b[1] < len(d.Sources) {
			out = append(out, d.Sources[b[1]].DocumentID)
		}
	}
	return out
}

// fill gives back the text of the bare evidence from texts (by document id).
func (d *decodedSummary) fill(texts map[string][]byte) (dossier.IncidentSummary, error) {
	src := make([]int, len(d.Evidence))
	ids := make([]int, 0, len(d.Bare))
	for _, b := range d.Bare {
		if b[0] < 0 || b[0] >= len(d.Evidence) || b[1] < 0 || b[1] >= len(d.Sources) {
			return d.IncidentSummary, fmt.Errorf("incident %s: bare evidence %v out of range", d.ID, b)
		}
		src[b[0]] = b[1]
		ids = append(ids, b[0])
	}
	err := fillEvidence(d.Evidence, ids, func(i int) ([]byte, error) {
		id := d.Sources[src[i]].DocumentID
		t, ok := texts[id]
		if !ok {
			return nil, fmt.Errorf("incident %s: the text of document %s was not read", d.ID, id)
		}
		return t, nil
	})
	if err != nil {
		return d.IncidentSummary, fmt.Errorf("incident %s: %w", d.ID, err)
	}
	d.Bare = nil
	return d.IncidentSummary, nil
}

// docTexts reads the texts evidence offsets index of the documents named,
// once each.
func (s *DB) docTexts(ctx context.Context, q reader, ids []string, into map[string][]byte) error {
	var want []string
	for _, id := range ids {
		if _, ok := into[id]; !ok {
			into[id] = nil
			want = append(want, id)
		}
	}
	for len(want) > 0 {
		part := want[:min(len(want), 500)]
		want = want[len(part):]
		rows, err := q.QueryContext(ctx, s.rebind(`SELECT d.id, `+textCol+` FROM documents d WHERE d.id IN (`+placeholders(len(part))+`)`), anySlice(part)...)
		if err != nil {
			return fmt.Errorf("read document texts: %w", err)
		}
		for rows.Next() {
			var id string
			var t []byte
			if err := rows.Scan(&id, &t); err != nil {
				rows.Close()
				return fmt.Errorf("read document texts: %w", err)
			}
			into[id] = t
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("read document texts: %w", err)
		}
	}
	return nil
}

// readSummaries reads stored records, their evidence whole: the documents'
// texts in one query for all of them.
func (s *DB) readSummaries(ctx context.Context, q reader, recs [][]byte) ([]dossier.IncidentSummary, error) {
	ds := make([]decodedSummary, len(recs))
	var ids []string
	for i, r := range recs {
		d, err := decodeSummary(r)
		if err != nil {
			return nil, fmt.Errorf("incident record: %w", err)
		}
		ds[i] = d
		ids = append(ids, d.docs()...)
	}
	texts := map[string][]byte{}
	if err := s.docTexts(ctx, q, ids, texts); err != nil {
		return nil, err
	}
	out := make([]dossier.IncidentSummary, len(ds))
	for i := range ds {
		var err error
		if out[i], err = ds[i].fill(texts); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// storedExtraction is a document's extraction as stored
// (documents.extraction). Its incidents are the document's reports, placed
// (reports) or waiting (review_queue), each stored there with its ord:
// Reports counts them, and they are not stored a second time here.
type storedExtraction struct {
	dossier.Extraction
	Reports int `json:"reports,omitempty"`
}

// encodeExtraction is the stored form of a document's extraction, whose
// incidents the document's reports keep.
func encodeExtraction(x *dossier.Extraction) []byte {
	st := storedExtraction{Extraction: *x}
	if len(x.Incidents) > 0 {
		st.Incidents, st.Reports = nil, len(x.Incidents)
	}
	return pack(st)
}

// readExtraction reads a document's stored extraction back whole, its
// incidents from the document's reports; text is the document's.
func (s *DB) readExtraction(ctx context.Context, q reader, docID string, b, text []byte) (*dossier.Extraction, error) {
	var st storedExtraction
	if err := unpack(b, &st); err != nil {
		return nil, fmt.Errorf("extraction of %s: %w", docID, err)
	}
	if st.Reports == 0 {
		return &st.Extraction, nil
	}
	rows, err := q.QueryContext(ctx, s.rebind(`SELECT ord, data FROM reports WHERE doc_id = ?
		UNION ALL SELECT ord, data FROM review_queue WHERE doc_id = ?`), docID, docID)
	if err != nil {
		return nil, fmt.Errorf("extraction of %s: %w", docID, err)
	}
	defer rows.Close()
	st.Incidents = make([]dossier.Incident, st.Reports)
	seen := make([]bool, st.Reports)
	for rows.Next() {
		var ord int
		var data []byte
		if err := rows.Scan(&ord, &data); err != nil {
			return nil, fmt.Errorf("extraction of %s: %w", docID, err)
		}
		if ord < 0 || ord >= st.Reports || seen[ord] {
			return nil, fmt.Errorf("extraction of %s: report %d of %d read twice or out of range", docID, ord, st.Reports)
		}
		seen[ord] = true
		if err := decodeIncident(data, text, &st.Incidents[ord]); err != nil {
			return nil, fmt.Errorf("extraction of %s: report %d: %w", docID, ord, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("extraction of %s: %w", docID, err)
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("extraction of %s: report %d of %d missing", docID, i, st.Reports)
		}
	}
	return &st.Extraction, nil
}
