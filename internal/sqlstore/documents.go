package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// findDocument resolves a reference (an id, a key, a path) to a document
// id and key.
func (s *DB) findDocument(ctx context.Context, q reader, ref string) (id, key string, err error) {
	for _, cond := range []string{`id = ?`, `key = ?`, `path = ?`} {
		rows, err := q.QueryContext(ctx, s.rebind(`SELECT id, key FROM documents WHERE `+cond+` ORDER BY n LIMIT 2`), ref)
		if err != nil {
			return "", "", s.wrap("find document", err)
		}
		var ids, keys []string
		for rows.Next() {
			var i, k string
			if err := rows.Scan(&i, &k); err != nil {
				rows.Close()
				return "", "", s.wrap("find document", err)
			}
			ids, keys = append(ids, i), append(keys, k)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return "", "", s.wrap("find document", err)
		}
		switch len(ids) {
		case 1:
			return ids[0], keys[0], nil
		case 2:
			return "", "", fmt.Errorf("document %q: %w: several documents have this path; name one by its source or id", ref, dossier.ErrInvalid)
		}
	}
	return "", "", notFound("document", ref)
}

// ForgetDocument implements dossier.Ingester.
func (s *DB) ForgetDocument(ctx context.Context, ref string) (dossier.ForgetResult, error) {
	var res dossier.ForgetResult
	err := s.Transact(ctx, func(tx *Tx) error {
		id, key, err := s.findDocument(ctx, tx, ref)
		if err != nil {
			return err
		}
		res = dossier.ForgetResult{DocumentID: id, Key: key}
		w := newWriter(ctx, tx, id, key)
		if err := w.removeFacts(); err != nil {
			return err
		}
		if err := tx.exec(ctx, `DELETE FROM document_variants WHERE doc_id = ?`, id); err != nil {
			return fmt.Errorf("delete document: %w", err)
		}
		if err := tx.exec(ctx, `DELETE FROM document_bands WHERE doc_n = (SELECT n FROM documents WHERE id = ?)`, id); err != nil {
			return fmt.Errorf("delete document: %w", err)
		}
		if err := tx.exec(ctx, `DELETE FROM documents WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete document: %w", err)
		}
		if err := w.detectCopy(); err != nil {
			return err
		}
		if err := w.refresh(); err != nil {
			return err
		}
		res.IncidentsRemoved, res.IncidentsUpdated = w.incRemoved, w.incUpdated
		res.ActorsRemoved, res.ActorsUpdated = w.actRemoved, w.actUpdated
		return nil
	})
	if err != nil {
		return res, s.wrap("forget "+ref, err)
	}
	// a big incident the document left is recomputed now, not at the next run
	if _, err := s.ReconcileStale(ctx); err != nil {
		return res, err
	}
	return res, nil
}

// replaceDocument places a stored document's extraction again, after a
// review changed where its reports or actors belong.
func (s *DB) replaceDocument(ctx context.Context, tx *Tx, id string) error {
	_, err := s.placeAgain(ctx, tx, id, false)
	return err
}

// placeAgain places a stored document's extraction again and returns the
// incidents it touched. Nested, it leaves re-examining the queue to its
// caller (which is re-examining it).
func (s *DB) placeAgain(ctx context.Context, tx *Tx, id string, nested bool) (touched, error) {
	var key string
	var fp, ext, text []byte
	if err := tx.queryRow(ctx, `SELECT d.key, d.fingerprint, d.extraction, `+textCol+` FROM documents d WHERE d.id = ?`, id).
		Scan(&key, &fp, &ext, &text); err != nil {
		return touched{}, fmt.Errorf("read document %s: %w", id, err)
	}
	x, err := s.readExtraction(ctx, tx, id, ext, text)
	if err != nil {
		return touched{}, err
	}
	w := newWriter(ctx, tx, id, key)
	w.fp, w.text, w.nested = fp, text, nested
	if err := w.removeFacts(); err != nil {
		return touched{}, err
	}
	if err := w.place(x); err != nil {
		return touched{}, err
	}
	return w.touched, nil
}

// StaleDocuments implements dossier.Ingester.
func (s *DB) StaleDocuments(ctx context.Context, extractor string) ([]string, error) {
	rows, err := s.query(ctx, `SELECT key FROM documents WHERE extractor <> ? ORDER BY n`, extractor)
	if err != nil {
		return nil, s.wrap("list stale documents", err)
	}
	keys, err := scanStrings(rows)
	return keys, s.wrap("list stale documents", err)
}

// LoadDocument implements dossier.Ingester.
func (s *DB) LoadDocument(ctx context.Context, ref string) (*dossier.Document, error) {
	id, _, err := s.findDocument(ctx, s.db, ref)
	if err != nil {
		return nil, err
	}
	d := &dossier.Document{}
	var hints string
	err = s.queryRow(ctx, `SELECT path, source, title, published, site, author, format, raw, body, hints FROM documents WHERE id = ?`, id).
		Scan(&d.Path, &d.Source, &d.Title, &d.Published, &d.Site, &d.Author, &d.Format, &d.Raw, &d.Text, &hints)
	if err != nil {
		return nil, s.wrap("load document "+ref, err)
	}
	if len(d.Text) == 0 {
		d.Text = nil
	}
	if err := json.Unmarshal([]byte(hints), &d.Hints); err != nil {
		return nil, fmt.Errorf("load document %s: hints: %w", ref, err)
	}
	if len(d.Hints) == 0 {
		d.Hints = nil
	}
	return d, nil
}

const documentCols = `t.n, t.id, t.key, t.path, t.source, t.title, t.published, t.copy_of, t.format, t.language, t.skipped,
	t.hash, t.extractor, t.size, t.ingested, (SELECT COUNT(DISTINCT r.incident_id) FROM reports r WHERE r.doc_id = t.id)`

func scanDocument(rows interface{ Scan(...any) error }) (int64, dossier.DocumentSummary, error) {
	var d dossier.DocumentSummary
	var n int64
	var src, ingested string
	err := rows.Scan(&n, &d.DocumentID, &d.Key, &d.Path, &src, &d.Title, &d.Published, &d.CopyOf, &d.Format, &d.Language,
		&d.Skipped, &d.Hash, &d.Extractor, &d.Size, &ingested, &d.Incidents)
	d.Source.Source = strPtr(src)
	d.Ingested, _ = time.Parse("2006-01-02T15:04:05Z", ingested)
	return n, d, err
}

// Documents implements dossier.DocumentReader: the latest stored first.
func (s *DB) Documents(ctx context.Context, f dossier.DocumentFilter) (dossier.DocumentPage, error) {
	page := dossier.DocumentPage{Documents: []dossier.DocumentSummary{}}
	var where []string
	var args []any
	if f.Q != "" {
		words := names.Tokens(f.Q)
		if len(words) == 0 {
			return page, nil
		}
		where, args = append(where, s.d.SearchCond("documents")), append(args, s.d.SearchQuery(words, false))
	}
	limit := f.Limit
	if limit == 0 {
		limit = 50
	}
	k := keyset{op: "list documents", scope: scope("documents", strings.Join(names.Tokens(f.Q), " ")), cols: documentCols,
		from: `documents t`, n: `t.n`, desc: true, where: where, args: args}
	var err error
	page.Documents, page.Next, page.PageInfo, err = readKeyset(ctx, s, k, f.Cursor, limit, func(rows *sql.Rows) (cursor, dossier.DocumentSummary, error) {
		n, d, err := scanDocument(rows)
		return cursor{N: n}, d, err
	})
	return page, err
}

// Document implements dossier.DocumentReader.
func (s *DB) Document(ctx context.Context, ref string) (*dossier.DocumentDetail, error) {
	id, _, err := s.findDocument(ctx, s.db, ref)
	if err != nil {
		return nil, err
	}
	d := &dossier.DocumentDetail{}
	if _, d.DocumentSummary, err = scanDocument(s.queryRow(ctx, `SELECT `+documentCols+` FROM documents t WHERE t.id = ?`, id)); err != nil {
		return nil, s.wrap("read document", err)
	}
	var raw, body, ext []byte
	if err := s.queryRow(ctx, `SELECT raw, body, extraction FROM documents WHERE id = ?`, id).Scan(&raw, &body, &ext); err != nil {
		return nil, s.wrap("read document", err)
	}
	text := docText(&dossier.Document{Raw: raw, Text: body})
	d.Text = string(text)
	if d.Extraction, err = s.readExtraction(ctx, s.db, id, ext, text); err != nil {
		return nil, s.wrap("read document "+ref, err)
	}
	// Where each extracted incident and actor went.
	incOf := map[string]string{}
	rows, err := s.query(ctx, `SELECT r.local_id, r.incident_id, t.record FROM reports r JOIN incidents t ON t.id = r.incident_id
		WHERE r.doc_id = ? ORDER BY r.ord`, id)
	if err != nil {
		return nil, s.wrap("read document", err)
	}
	d.Incidents = []dossier.IncidentRef{}
	for rows.Next() {
		var local, iid, rec string
		if err := rows.Scan(&local, &iid, &rec); err != nil {
			rows.Close()
			return nil, s.wrap("read document", err)
		}
		incOf[local] = iid
		d.Incidents = append(d.Incidents, refOf(rec))
	}
	rows.Close()
	actOf := map[int]string{}
	rows, err = s.query(ctx, `SELECT ord, actor_id FROM mentions WHERE doc_id = ?`, id)
	if err != nil {
		return nil, s.wrap("read document", err)
	}
	for rows.Next() {
		var ord int
		var aid string
		if err := rows.Scan(&ord, &aid); err != nil {
			rows.Close()
			return nil, s.wrap("read document", err)
		}
		actOf[ord] = aid
	}
	rows.Close()
	d.Spans = spansOf(d.Extraction, incOf, actOf)
	return d, nil
}

// spansOf lists the evidence of everything extracted from a document.
func spansOf(x *dossier.Extraction, incOf map[string]string, actOf map[int]string) []dossier.Span {
	out := []dossier.Span{}
	add := func(e dossier.Evidence, kind, field, label, target string) {
		if e.End <= e.Start {
			return
		}
		out = append(out, dossier.Span{Start: e.Start, End: e.End, Kind: kind, Field: field, Label: label, Target: target})
	}
	for _, in := range x.Incidents {
		for _, e := range in.Evidence {
			add(e, "incident", e.Field, in.Title, incOf[in.ID])
		}
	}
	for i, a := range x.Actors {
		for _, e := range a.Evidence {
			add(e, "actor", "", a.Name, actOf[i])
		}
	}
	for _, r := range x.Relations {
		add(r.Evidence, "relation", r.Predicate, r.Subject+" "+r.Predicate+" "+r.Object, "")
	}
	for _, st := range x.Statements {
		add(st.Evidence, "statement", st.Stance, st.Speaker+": "+st.Stance, incOf[st.Incident])
	}
	for _, c := range x.Claims {
		add(c.Evidence, "claim", c.Claim, c.Claimant+": "+c.About+" "+c.Claim, incOf[c.Incident])
	}
	return out
}
