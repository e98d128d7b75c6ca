package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/resolve"
)

// DocID is the id of the document stored under key.
func DocID(key string) string { return dossier.StableID("d", key) }

// ReportID is the id of a document's account of one of its incidents.
func ReportID(docKey, localID string) string { return dossier.StableID("r", docKey, localID) }

// MentionID is the id of a document's actor.
func MentionID(docKey, kind, name string) string {
	return dossier.StableID("m", docKey, resolve.KindClass(kind), resolve.ActorKey(name, kind))
}

// DocumentState implements dossier.Ingester.
func (s *DB) DocumentState(ctx context.Context, key string) (dossier.DocumentState, error) {
	st := dossier.DocumentState{Key: key, ID: DocID(key)}
	err := s.queryRow(ctx, `SELECT hash, extractor FROM documents WHERE id = ?`, st.ID).Scan(&st.Hash, &st.Extractor)
	if isNoRows(err) {
		return st, notFound("document", key)
	}
	if err != nil {
		return st, s.wrap("document state", err)
	}
	rows, err := s.db.QueryContext(ctx, s.rebind(`SELECT hash FROM document_variants WHERE doc_id = ? ORDER BY hash`), st.ID)
	if err != nil {
		return st, s.wrap("document state", err)
	}
	st.Variants, err = scanStrings(rows)
	return st, s.wrap("document state", err)
}

// version is what decides between two versions of one document.
type version struct {
	hash, published string
	size            int64
}

// wins tells whether a replaces b: the newest publication date, then the
// larger, then the smallest content hash. Any order of the same inputs
// keeps the same one.
func (a version) wins(b version) bool {
	if a.published != b.published {
		return a.published > b.published
	}
	if a.size != b.size {
		return a.size > b.size
	}
	return a.hash < b.hash
}

// PutDocument implements dossier.Ingester: one document, one transaction.
func (s *DB) PutDocument(ctx context.Context, doc *dossier.Document, x *dossier.Extraction, extractor string) (dossier.PutResult, error) {
	if doc == nil || x == nil {
		return dossier.PutResult{}, fmt.Errorf("put document: %w: no document or extraction", dossier.ErrInvalid)
	}
	key := doc.Key()
	res := dossier.PutResult{DocumentID: DocID(key)}
	hash := doc.ContentHash()
	err := s.Transact(ctx, func(tx *Tx) error {
		res.Status, res.Incidents, res.NewIncidents, res.Actors = "", nil, 0, 0
		var oldHash, oldExt, oldPath, oldPub string
		var oldSize int64
		found, err := tx.queryFirst(ctx, `SELECT hash, extractor, path, published, size FROM documents WHERE id = ?`,
			[]any{res.DocumentID}, &oldHash, &oldExt, &oldPath, &oldPub, &oldSize)
		if err == nil && !found {
			err = sql.ErrNoRows
		}
		published := doc.Published
		if published == "" {
			published = x.Published
		}
		switch {
		case err == nil && oldHash == hash && oldExt == extractor:
			res.Status = dossier.PutUnchanged
			return nil
		case err == nil && oldHash != hash:
			// Two versions of one document: the one to keep is chosen by
			// content, never by the order they arrive in.
			in := version{hash: hash, published: published, size: int64(len(doc.Raw))}
			old := version{hash: oldHash, published: oldPub, size: oldSize}
			if !in.wins(old) {
				if err := tx.exec(ctx, `INSERT INTO document_variants (doc_id, hash, path, published, size) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING`, res.DocumentID, hash, doc.Path, published, in.size); err != nil {
					return fmt.Errorf("record variant: %w", err)
				}
				res.Status = dossier.PutVariant
				return nil
			}
			if err := tx.exec(ctx, `INSERT INTO document_variants (doc_id, hash, path, published, size) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING`, res.DocumentID, oldHash, oldPath, oldPub, oldSize); err != nil {
				return fmt.Errorf("record variant: %w", err)
			}
			if err := tx.exec(ctx, `DELETE FROM document_variants WHERE doc_id = ? AND hash = ?`, res.DocumentID, hash); err != nil {
				return fmt.Errorf("record variant: %w", err)
			}
			res.Status = dossier.PutUpdated
		case err == nil:
			res.Status = dossier.PutUpdated
		case isNoRows(err):
			res.Status = dossier.PutNew
		default:
			return err
		}
		w := newWriter(ctx, tx, res.DocumentID, key)
		w.deferActors = true
		if res.Status == dossier.PutUpdated {
			if err := w.removeFacts(); err != nil {
				return err
			}
		}
		if err := w.writeDocument(doc, x, extractor, hash); err != nil {
			return err
		}
		if err := w.place(x); err != nil {
			return err
		}
		res.Incidents, res.NewIncidents, res.Actors = w.placed, w.created, len(w.docActors)
		return nil
	})
	if err != nil {
		return res, s.wrap("store "+doc.Path, err)
	}
	return res, nil
}

// place resolves and writes what the document says, then reconciles
// everything it touched.
func (w *writer) place(x *dossier.Extraction) error {
	if err := w.placeActors(x); err != nil {
		return err
	}
	if err := w.placeIncidents(x); err != nil {
		return err
	}
	if err := w.writeFacts(x); err != nil {
		return err
	}
	if err := w.detectCopy(); err != nil {
		return err
	}
	return w.refresh()
}

// writer holds the state of one document's transaction.
type writer struct {
	ctx    context.Context
	tx     *Tx
	docID  string
	docKey string
	fp     []byte
	text   []byte // the document's text, which evidence offsets index

	incidents map[string]bool // to reconcile at the end
	actors    map[string]bool // to sum up again at the end
	recopy    []string        // documents whose copy_of must be found again

	known       knownActors       // the actors the document's names may be
	incidentIDs map[string]bool   // while placing reports: whether incidents holds an id
	byFold      map[string]string // folded name or alias -> actor id
	byKey       map[string]string // name key -> actor id
	docActors   map[string]bool
	reports     map[string]string // extracted incident id -> report id
	reportInc   map[string]string // report id -> incident id
	placed      []string
	created     int

	// What refresh did.
	incRemoved, incUpdated, actRemoved, actUpdated int

	// touched is what refresh changed, where queued reports may now fit;
	// nested is set for a document placed again by re-examination, whose
	// caller re-examines what it touched.
	touched touched
	nested  bool
	// deferActors leaves the actors' summaries to the end of the run.
	deferActors bool
}

func newWriter(ctx context.Context, tx *Tx, docID, key string) *writer {
	return &writer{ctx: ctx, tx: tx, docID: docID, docKey: key,
		incidents: map[string]bool{}, actors: map[string]bool{},
		byFold: map[string]string{}, byKey: map[string]string{}, docActors: map[string]bool{},
		reports: map[string]string{}, reportInc: map[string]string{},
		touched: touched{countries: map[string]bool{}, ids: map[string]bool{}}}
}

// removeFacts deletes what the previous version of the document said,
// remembering the incidents and actors that rested on it. They are
// reconciled at the end, after the new version had the chance to place
// its reports in them again (which keeps their ids).
func (w *writer) removeFacts() error {
	if err := w.collect(`SELECT DISTINCT incident_id FROM reports WHERE doc_id = ?`, w.incidents); err != nil {
		return err
	}
	if err := w.collect(`SELECT DISTINCT actor_id FROM mentions WHERE doc_id = ?`, w.actors); err != nil {
		return err
	}
	for _, t := range []string{"reports", "review_queue", "mentions", "claims", "statements", "relations"} {
		if err := w.tx.exec(w.ctx, `DELETE FROM `+t+` WHERE doc_id = ?`, w.docID); err != nil {
			return fmt.Errorf("delete %s: %w", t, err)
		}
	}
	// Copies of this document must find their original again.
	rows, err := w.tx.query(w.ctx, `SELECT id FROM documents WHERE copy_of = ?`, w.docID)
	if err != nil {
		return err
	}
	w.recopy, err = scanStrings(rows)
	if err != nil {
		return err
	}
	err = w.tx.exec(w.ctx, `UPDATE documents SET copy_of = '' WHERE copy_of = ?`, w.docID)
	return err
}

func (w *writer) collect(q string, into map[string]bool) error {
	rows, err := w.tx.query(w.ctx, q, w.docID)
	if err != nil {
		return err
	}
	ids, err := scanStrings(rows)
	for _, id := range ids {
		into[id] = true
	}
	return err
}

func scanStrings(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("marshal %T: %v", v, err)) // our own types always marshal
	}
	return string(b)
}

// writeDocument stores the document row (keeping its row number when it
// replaces an older version).
func (w *writer) writeDocument(doc *dossier.Document, x *dossier.Extraction, extractor, hash string) error {
	var body []byte
	if doc.Text != nil {
		body = doc.Text
	}
	hints := doc.Hints
	if hints == nil {
		hints = []dossier.Hint{}
	}
	title := doc.Title
	if title == "" {
		title = x.Doc.Title
	}
	published := doc.Published
	if published == "" {
		published = x.Published
	}
	w.fp = resolve.Fingerprint(doc.Body())
	w.text = docText(doc)
	search := names.Fold(title + " " + doc.Path + " " + doc.Source + " " + string(doc.Body()))
	err := w.tx.exec(w.ctx, `
		INSERT INTO documents (id, key, path, source, title, published, site, author, format, language, skipped,
			hash, extractor, size, raw, body, hints, extraction, fingerprint, copy_of, ingested, search)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)
		ON CONFLICT (id) DO UPDATE SET path = excluded.path, source = excluded.source, title = excluded.title,
			published = excluded.published, site = excluded.site, author = excluded.author, format = excluded.format,
			language = excluded.language, skipped = excluded.skipped, hash = excluded.hash, extractor = excluded.extractor,
			size = excluded.size, raw = excluded.raw, body = excluded.body, hints = excluded.hints,
			extraction = excluded.extraction, fingerprint = excluded.fingerprint, copy_of = '',
			ingested = excluded.ingested, search = excluded.search`,
		w.docID, w.docKey, doc.Path, doc.Source, title, published, doc.Site, doc.Author, doc.Format, x.Language, x.Skipped,
		hash, extractor, len(doc.Raw), doc.Raw, body, mustJSON(hints), encodeExtraction(x), w.fp,
		w.tx.s.now().UTC().Format("2006-01-02T15:04:05Z"), search)
	if err != nil {
		return fmt.Errorf("write document: %w", err)
	}
	// the row number by the id, in the statements: the document's
	// writes wait for no answer (one round trip fewer on a server)
	return writeBands(w.ctx, w.tx, docNumberOf, w.docID, w.fp)
}

// docNumberOf is the row number of the document whose id is the argument.
const docNumberOf = `(SELECT n FROM documents WHERE id = ?)`

// writeBands stores the LSH bands of a document's fingerprint; doc is the
// SQL of its row number with one argument, arg: "?" and the number, or
// docNumberOf and the id.
func writeBands(ctx context.Context, tx *Tx, doc string, arg any, fp []byte) error {
	if err := tx.exec(ctx, `DELETE FROM document_bands WHERE doc_n = `+doc, arg); err != nil {
		return fmt.Errorf("write bands: %w", err)
	}
	bands := resolve.Bands(fp)
	if len(bands) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(bands))
	for _, b := range bands {
		args = append(args, b, arg)
	}
	if err := tx.exec(ctx, `INSERT INTO document_bands (band, doc_n) VALUES `+
		strings.TrimSuffix(strings.Repeat("(?, "+doc+"), ", len(bands)), ", "), args...); err != nil {
		return fmt.Errorf("write bands: %w", err)
	}
	return nil
}

// actorContext returns, for each actor of the extraction, the keys of the
// actors it is related to in the document.
func actorContext(x *dossier.Extraction) [][]string {
	idx := map[string]int{}
	for i, a := range x.Actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if _, ok := idx[names.Fold(n)]; !ok {
				idx[names.Fold(n)] = i
			}
		}
	}
	out := make([][]string, len(x.Actors))
	link := func(from, to string) {
		if i, ok := idx[names.Fold(from)]; ok {
			k := names.Key(to)
			for _, c := range out[i] {
				if c == k {
					return
				}
			}
			out[i] = append(out[i], k)
		}
	}
	for _, r := range x.Relations {
		link(r.Subject, r.Object)
		link(r.Object, r.Subject)
	}
	return out
}

// placeActors resolves each of the document's actors to a stored actor,
// creating the ones not known yet, and records the mentions.
func (w *writer) placeActors(x *dossier.Extraction) error {
	ctxs := actorContext(x)
	// the mentions' ids, and what the store holds of the actors they may
	// be: those with one of their keys, and those with the ids a new actor
	// of theirs would take
	mids := make([]string, len(x.Actors))
	seen := map[string]bool{}
	var keys, ids []string
	for i, a := range x.Actors {
		probe := resolve.ActorProbe{Name: a.Name, Aliases: a.Aliases, Kind: a.Kind, Context: ctxs[i]}
		mid := MentionID(w.docKey, a.Kind, a.Name)
		if seen[mid] {
			mid = dossier.StableID("m", w.docKey, fmt.Sprint(i), a.Name)
		}
		seen[mid] = true
		mids[i] = mid
		keys = append(keys, probe.Keys()...)
		ids = append(ids, resolve.NewActorID(probe, ""), resolve.NewActorID(probe, mid))
	}
	if err := w.known.load(w, keys, ids); err != nil {
		return err
	}
	var mentions [][]any // written together at the end
	for i, a := range x.Actors {
		probe := resolve.ActorProbe{Name: a.Name, Aliases: a.Aliases, Kind: a.Kind, Context: ctxs[i]}
		mid := mids[i]
		if err := w.applyMergeReviews(dossier.TargetMention, mid, &probe.Force, &probe.Exclude); err != nil {
			return err
		}
		cands := w.known.candidates(probe.Keys())
		if probe.Force != "" && !candidateHas(cands, probe.Force) {
			if ok, err := w.exists("actors", probe.Force); err != nil {
				return err
			} else if !ok {
				probe.Force = ""
			}
		}
		id, reason := resolve.MatchActor(probe, cands)
		if id == "" {
			// an actor of that name that shares no key with it now (its
			// names changed since) keeps its id: the new one takes another
			id, reason = resolve.NewActorID(probe, ""), "new actor"
			taken, err := w.known.taken(w, id)
			if err != nil {
				return err
			}
			if taken || contains(probe.Exclude, id) {
				id = resolve.NewActorID(probe, mid)
			}
			for salt := 1; ; salt++ {
				if taken, err := w.known.taken(w, id); err != nil {
					return err
				} else if !taken {
					break
				}
				id = resolve.NewActorID(probe, fmt.Sprint(mid, "/", salt))
			}
			if err := w.createActor(id, probe); err != nil {
				return err
			}
		}
		aliases := a.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		ctx := ctxs[i]
		if ctx == nil {
			ctx = []string{}
		}
		mentions = append(mentions, []any{mid, w.docID, i, id, a.Name, a.Kind, mustJSON(aliases), mustJSON(ctx), reason, pack(a)})
		// New names of a known actor become candidates for the rest of the document.
		if err := w.addNames(id, probe); err != nil {
			return err
		}
		if err := w.known.named(w, id, probe); err != nil {
			return err
		}
		w.actors[id] = true
		w.docActors[id] = true
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if _, ok := w.byFold[names.Fold(n)]; !ok {
				w.byFold[names.Fold(n)] = id
			}
			if _, ok := w.byKey[names.Key(n)]; !ok {
				w.byKey[names.Key(n)] = id
			}
		}
	}
	if err := w.tx.insertRows(w.ctx, `INSERT INTO mentions (id, doc_id, ord, actor_id, name, kind, aliases, context, reason, data) VALUES `,
		`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, mentions); err != nil {
		return fmt.Errorf("insert mentions: %w", err)
	}
	return nil
}

func candidateHas(cs []resolve.ActorCandidate, id string) bool {
	for _, c := range cs {
		if c.ID == id {
			return true
		}
	}
	return false
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func (w *writer) exists(table, id string) (bool, error) {
	var n int
	err := w.tx.queryRow(w.ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

// knownActors is what the store holds of the actors a document's names
// may be: the actors that have one of the names' keys, with all their
// names, read in one query when the document's actors are placed (not
// one query a name), then kept in step with what the placing writes (a
// new actor, new names of an actor: actor_names keeps the first key of a
// name, its primary key being the actor and the folded name), so that
// candidates reads as the table would.
type knownActors struct {
	rows    map[string]*knownActor // by id
	byKey   map[string][]string    // name key -> actor ids
	checked map[string]bool        // ids whose absence from rows means no actor has it
	next    int64                  // n of the next actor created here
}

type knownActor struct {
	n                                int64
	id, name, kind, aliases, context string
	// folds are the actor's names (folded) in actor_names, when read
	// (named reads them for an actor loaded by id only)
	folds map[string]bool
}

// createdN is past any stored actor's n: an actor created while placing
// a document comes after every stored one, as the table numbers it.
const createdN = int64(1) << 62

// knownCols are the columns read reads: the actor, and one of its names
// (key and fold; NULL for an actor read by id alone).
const knownCols = `a.n, a.id, a.name, a.kind, a.aliases, a.context`

// load reads the actors that have one of keys, with all their names, and
// those of ids (which taken then tells): one query for both.
func (k *knownActors) load(w *writer, keys, ids []string) error {
	k.rows, k.byKey, k.next = map[string]*knownActor{}, map[string][]string{}, createdN
	k.checked = map[string]bool{}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for len(keys) > 0 || len(ids) > 0 {
		nk := min(len(keys), 500)
		ni := min(len(ids), 500)
		q := `SELECT ` + knownCols + `, k.key, k.fold FROM actors a JOIN actor_names k ON k.actor_id = a.id
			WHERE a.id IN (SELECT actor_id FROM actor_names WHERE key IN (` + inList(nk) + `))
			UNION ALL SELECT ` + knownCols + `, NULL, NULL FROM actors a WHERE a.id IN (` + inList(ni) + `)`
		args := append(anySlice(keys[:nk]), anySlice(ids[:ni])...)
		for _, id := range ids[:ni] {
			k.checked[id] = true
		}
		keys, ids = keys[nk:], ids[ni:]
		if err := k.read(w, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// read adds the actors and names a query of (knownCols, key, fold)
// returns; a row with a name means every name of its actor is there.
func (k *knownActors) read(w *writer, q string, args ...any) error {
	err := w.tx.queryRows(w.ctx, q, args, func(scan func(dest ...any) error) error {
		var a knownActor
		var key, fold sql.NullString
		if err := scan(&a.n, &a.id, &a.name, &a.kind, &a.aliases, &a.context, &key, &fold); err != nil {
			return err
		}
		if k.rows[a.id] == nil {
			k.rows[a.id] = &a
		}
		if key.Valid {
			r := k.rows[a.id]
			if r.folds == nil {
				r.folds = map[string]bool{}
			}
			r.folds[fold.String] = true
			k.addKey(key.String, a.id)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("actor candidates: %w", err)
	}
	return nil
}

// taken tells whether an actor has id: read by load, or now.
func (k *knownActors) taken(w *writer, id string) (bool, error) {
	if !k.checked[id] {
		k.checked[id] = true
		if err := k.read(w, `SELECT `+knownCols+`, NULL, NULL FROM actors a WHERE a.id = ?`, id); err != nil {
			return false, err
		}
	}
	return k.rows[id] != nil, nil
}

func (k *knownActors) addKey(key, id string) {
	if !slices.Contains(k.byKey[key], id) {
		k.byKey[key] = append(k.byKey[key], id)
	}
}

// candidates returns the actors that share one of keys, in the table's
// order.
func (k *knownActors) candidates(keys []string) []resolve.ActorCandidate {
	var found []*knownActor
	for _, key := range keys {
		for _, id := range k.byKey[key] {
			if a := k.rows[id]; a != nil && !slices.Contains(found, a) {
				found = append(found, a)
			}
		}
	}
	slices.SortFunc(found, func(a, b *knownActor) int { return cmp.Compare(a.n, b.n) })
	var out []resolve.ActorCandidate
	for _, a := range found {
		c := resolve.ActorCandidate{ID: a.id, Name: a.name, Kind: a.kind}
		_ = json.Unmarshal([]byte(a.aliases), &c.Names)
		_ = json.Unmarshal([]byte(a.context), &c.Context)
		out = append(out, c)
	}
	return out
}

// created records an actor createActor wrote (it has no names yet).
func (k *knownActors) created(id string, p resolve.ActorProbe, aliases string) {
	k.rows[id] = &knownActor{n: k.next, id: id, name: p.Name, kind: p.Kind, aliases: aliases, context: "[]", folds: map[string]bool{}}
	k.checked[id] = true
	k.next++
}

// named records the names addNames wrote for id as the table keeps them:
// a name the actor already has keeps its key. The actor and its names are
// read first when they were not (an actor a review placed the mention
// in, or one read by id alone).
func (k *knownActors) named(w *writer, id string, p resolve.ActorProbe) error {
	if a := k.rows[id]; a == nil || a.folds == nil {
		if a != nil {
			delete(k.rows, id)
		}
		if err := k.read(w, `SELECT `+knownCols+`, k.key, k.fold FROM actors a LEFT JOIN actor_names k ON k.actor_id = a.id
			WHERE a.id = ?`, id); err != nil {
			return err
		}
		a := k.rows[id]
		if a == nil {
			return fmt.Errorf("read actor %s: %w", id, sql.ErrNoRows)
		}
		if a.folds == nil {
			a.folds = map[string]bool{}
		}
	}
	a := k.rows[id]
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		f := names.Fold(n)
		if f == "" || a.folds[f] {
			continue
		}
		a.folds[f] = true
		k.addKey(resolve.ActorKey(n, p.Kind), id)
	}
	return nil
}

// createActor inserts a new actor; refresh fills in its summary.
func (w *writer) createActor(id string, p resolve.ActorProbe) error {
	aliases := p.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	err := w.tx.exec(w.ctx, `INSERT INTO actors (id, name, name_key, kind, aliases, context, documents, incidents, search)
		VALUES (?, ?, ?, ?, ?, '[]', 0, 0, ?)`, id, p.Name, names.Fold(p.Name), p.Kind, mustJSON(aliases), names.Fold(p.Name))
	if err != nil {
		return fmt.Errorf("insert actor: %w", err)
	}
	w.known.created(id, p, mustJSON(aliases))
	return nil
}

// addNames records names of an actor for lookups by key and spelling.
func (w *writer) addNames(id string, p resolve.ActorProbe) error {
	var args []any
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		f := names.Fold(n)
		if f == "" {
			continue
		}
		args = append(args, id, resolve.ActorKey(n, p.Kind), f)
	}
	if len(args) == 0 {
		return nil
	}
	// one statement for all the names (one round trip)
	err := w.tx.exec(w.ctx, `INSERT INTO actor_names (actor_id, key, fold) VALUES `+
		strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(args)/3), ", ")+` ON CONFLICT DO NOTHING`, args...)
	if err != nil {
		return fmt.Errorf("insert actor name: %w", err)
	}
	return nil
}

// applyMergeReviews reads the reviews of a report's or mention's merge:
// a confirmation or correction forces its place, a rejection excludes the
// incident or actor it was rejected from.
func (w *writer) applyMergeReviews(target, id string, force *string, exclude *[]string) error {
	if ok, err := w.tx.hasReviews(w.ctx); err != nil || !ok {
		return err
	}
	rows, err := w.tx.query(w.ctx, `SELECT action, value FROM reviews WHERE target_id = ? AND target = ? ORDER BY n`, id, target)
	if err != nil {
		return fmt.Errorf("read reviews: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var action, value string
		if err := rows.Scan(&action, &value); err != nil {
			return err
		}
		switch action {
		case dossier.ReviewConfirm, dossier.ReviewCorrect:
			*force = value
			if i := indexOf(*exclude, value); i >= 0 {
				*exclude = append((*exclude)[:i], (*exclude)[i+1:]...)
			}
		case dossier.ReviewReject:
			*exclude = append(*exclude, value)
			if *force == value {
				*force = ""
			}
		}
	}
	return rows.Err()
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// actorFor finds the actor a name of this document resolved to.
func (w *writer) actorFor(name string) string {
	if id, ok := w.byFold[names.Fold(name)]; ok {
		return id
	}
	return w.byKey[names.Key(name)]
}

// roleRef records an actor's part in a report.
type roleRef struct {
	Name string `json:"name"`
	ID   string `json:"id"`
	Role string `json:"role"`
}

// Roles of actors in incidents.
const (
	RoleTarget      = "target"
	RolePerpetrator = "perpetrator"
	RoleAccused     = "accused"
	RoleClaimant    = "claimant"
	RoleSpeaker     = "speaker"
)

// placeIncidents resolves each extracted incident (a report) to a stored
// incident, creating new ones, and records the reports.
func (w *writer) placeIncidents(x *dossier.Extraction) error {
	probes := make([]resolve.Probe, len(x.Incidents))
	rids := make([]string, len(x.Incidents))
	candSet := map[string]bool{}
	var cands []resolve.Candidate
	for i := range x.Incidents {
		in := &x.Incidents[i]
		rids[i] = ReportID(w.docKey, in.ID)
		if _, dup := w.reportInc[rids[i]]; dup {
			rids[i] = dossier.StableID("r", w.docKey, in.ID, fmt.Sprint(i))
		}
		w.reportInc[rids[i]] = ""
		probes[i].Features = resolve.FeaturesOf(in)
		probes[i].Undated = in.Main && !probes[i].Features.Dated
		if err := w.applyMergeReviews(dossier.TargetReport, rids[i], &probes[i].Force, &probes[i].Exclude); err != nil {
			return err
		}
		if probes[i].Force != "" && probes[i].Force != dossier.OwnIncident {
			if ok, err := w.exists("incidents", probes[i].Force); err != nil {
				return err
			} else if !ok {
				probes[i].Force = ""
			}
		}
	}
	fs := make([]resolve.Features, len(probes))
	for i := range probes {
		fs[i] = probes[i].Features
	}
	all, err := w.tx.s.incidentCandidatesOf(w.ctx, w.tx, fs)
	if err != nil {
		return err
	}
	for _, cs := range all {
		for _, c := range cs {
			if !candSet[c.ID] {
				candSet[c.ID] = true
				cands = append(cands, c)
			}
		}
	}
	decisions := resolve.Assign(probes, cands)
	// whether the ids the new incidents would take are free, read at once
	// (and kept while the reports are placed, nothing else writing then)
	w.incidentIDs = map[string]bool{}
	var fresh []string
	for i, d := range decisions {
		if !d.Wait && d.Incident == "" {
			fresh = append(fresh, dossier.StableID("i", rids[i]))
		}
	}
	if err := w.readIncidentIDs(fresh); err != nil {
		return err
	}
	roles := w.reportRoles(x)
	for i, d := range decisions {
		in := &x.Incidents[i]
		if d.Wait {
			if err := w.enqueue(rids[i], i, in, probes[i].Features, d, roles[in.ID]); err != nil {
				return err
			}
			w.reports[in.ID] = rids[i]
			continue
		}
		id := d.Incident
		if id == "" {
			var err error
			if id, err = w.newIncidentID(rids[i], probes[i].Exclude); err != nil {
				return err
			}
			if err := w.createIncident(id, w.docID); err != nil {
				return err
			}
			w.created++
		}
		data := *in
		c, lo, hi := reportKeys(probes[i].Features)
		err := w.tx.exec(w.ctx, `INSERT INTO reports (id, doc_id, ord, local_id, main, incident_id, score, reason, data, actors,
			country, day_lo, day_hi, keyed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
			rids[i], w.docID, i, in.ID, b2i(in.Main), id, d.Score, d.Reason, encodeReport(&data, w.text, roles[in.ID]), []byte{}, c, lo, hi)
		if err != nil {
			return fmt.Errorf("insert report: %w", err)
		}
		w.reports[in.ID] = rids[i]
		w.reportInc[rids[i]] = id
		w.incidents[id] = true
		w.placed = append(w.placed, id)
	}
	return nil
}

// unsettle lists what the document touched for Settle: the incidents it
// joined or left and its queued reports.
func (w *writer) unsettle() error {
	ids := sortedKeys(w.incidents)
	for _, rid := range w.reports {
		if w.reportInc[rid] == "" {
			ids = append(ids, rid)
		}
	}
	sort.Strings(ids)
	return w.tx.insertIDs(w.ctx, "unsettled", "id", ids)
}

// newIncidentID names the incident a report founds: from the report, so
// that the same document builds the same incidents.
func (w *writer) newIncidentID(rid string, exclude []string) (string, error) {
	id := dossier.StableID("i", rid)
	for salt := 1; ; salt++ {
		if err := w.readIncidentIDs([]string{id}); err != nil {
			return "", err
		}
		ok := w.incidentIDs[id]
		if !ok && !contains(exclude, id) {
			return id, nil
		}
		id = dossier.StableID("i", rid, fmt.Sprint(salt))
	}
}

// readIncidentIDs reads which of ids incidents hold, for newIncidentID,
// those not read yet; one query for them all.
func (w *writer) readIncidentIDs(ids []string) error {
	var unread []string
	for _, id := range ids {
		if _, ok := w.incidentIDs[id]; !ok {
			unread = append(unread, id)
			w.incidentIDs[id] = false
		}
	}
	if err := w.tx.collectIDs(w.ctx, `SELECT id FROM incidents WHERE id IN (%s)`, unread, nil, w.incidentIDs); err != nil {
		return fmt.Errorf("read incident ids: %w", err)
	}
	return nil
}

// createIncident inserts an empty incident anchored on a report of the
// document given; refresh reconciles it.
func (w *writer) createIncident(id, anchorDoc string) error {
	err := w.tx.exec(w.ctx, `INSERT INTO incidents (id, title, title_key, label, sort_day, coarse_date, country, type, sub_type,
		fatalities, sources, record, signature, search, anchor_doc) VALUES (?, '', '', '', ?, 0, '', '', '', -1, 0, '{}', '{}', '', ?)`,
		id, undatedDay, anchorDoc)
	if err != nil {
		return fmt.Errorf("insert incident: %w", err)
	}
	if w.incidentIDs != nil {
		w.incidentIDs[id] = true
	}
	return nil
}

// reportRoles lists, for each extracted incident, the actors in it.
func (w *writer) reportRoles(x *dossier.Extraction) map[string][]roleRef {
	out := map[string][]roleRef{}
	add := func(inc, name, role string) {
		id := w.actorFor(name)
		if id == "" {
			return
		}
		for _, r := range out[inc] {
			if r.ID == id && r.Role == role {
				return
			}
		}
		out[inc] = append(out[inc], roleRef{Name: name, ID: id, Role: role})
	}
	for _, in := range x.Incidents {
		out[in.ID] = []roleRef{}
		for _, n := range in.Targets {
			add(in.ID, n, RoleTarget)
		}
		for _, n := range in.Perpetrators {
			add(in.ID, n, RolePerpetrator)
		}
		for _, n := range in.Accused {
			add(in.ID, n, RoleAccused)
		}
	}
	for _, c := range x.Claims {
		if _, ok := out[c.Incident]; !ok {
			continue
		}
		role := RoleAccused
		if c.Claim == dossier.ClaimResponsible && names.Key(c.Claimant) == names.Key(c.About) {
			role = RolePerpetrator
		}
		if c.Claim == dossier.ClaimResponsible {
			add(c.Incident, c.About, role)
		}
		add(c.Incident, c.Claimant, RoleClaimant)
	}
	for _, st := range x.Statements {
		if _, ok := out[st.Incident]; ok {
			add(st.Incident, st.Speaker, RoleSpeaker)
		}
	}
	return out
}

// writeFacts stores the claims, statements and relations with the
// incidents and actors they resolved to.
func (w *writer) writeFacts(x *dossier.Extraction) error {
	for i, c := range x.Claims {
		err := w.tx.exec(w.ctx, `INSERT INTO claims (doc_id, ord, report_id, claimant_id, about_id, data) VALUES (?, ?, ?, ?, ?, ?)`,
			w.docID, i, w.reports[c.Incident], w.actorFor(c.Claimant), w.actorFor(c.About), pack(c))
		if err != nil {
			return fmt.Errorf("insert claim: %w", err)
		}
	}
	for i, st := range x.Statements {
		err := w.tx.exec(w.ctx, `INSERT INTO statements (doc_id, ord, report_id, speaker_id, data) VALUES (?, ?, ?, ?, ?)`,
			w.docID, i, w.reports[st.Incident], w.actorFor(st.Speaker), pack(st))
		if err != nil {
			return fmt.Errorf("insert statement: %w", err)
		}
	}
	for i, r := range x.Relations {
		err := w.tx.exec(w.ctx, `INSERT INTO relations (doc_id, ord, subject_id, predicate, object_id, data) VALUES (?, ?, ?, ?, ?, ?)`,
			w.docID, i, w.actorFor(r.Subject), r.Predicate, w.actorFor(r.Object), pack(r))
		if err != nil {
			return fmt.Errorf("insert relation: %w", err)
		}
	}
	return nil
}

// detectCopy lets the copies of the document's previous version find
// their original again: their incidents are settled with the document's
// (Settle decides copies, whatever order the documents came in).
func (w *writer) detectCopy() error {
	for _, id := range w.recopy {
		if err := w.collect2(`SELECT DISTINCT incident_id FROM reports WHERE doc_id = ?`, id, w.incidents); err != nil {
			return err
		}
	}
	return nil
}

// bigIncidents tells which of ids have more than BigIncident reports.
func (t *Tx) bigIncidents(ctx context.Context, ids []string) (map[string]bool, error) {
	big := map[string]bool{}
	// each count stops past BigIncident
	err := t.collectIDs(ctx, `SELECT t.id FROM incidents t WHERE t.id IN (%s)
		AND (SELECT COUNT(*) FROM (SELECT 1 FROM reports r WHERE r.incident_id = t.id LIMIT ?) x) > ?`,
		ids, []any{BigIncident + 1, BigIncident}, big)
	if err != nil {
		return nil, fmt.Errorf("count reports: %w", err)
	}
	return big, nil
}

// actorsOfIncidents adds the actors incident_actors lists for ids.
func (t *Tx) actorsOfIncidents(ctx context.Context, ids []string, into map[string]bool) error {
	if err := t.collectIDs(ctx, `SELECT DISTINCT actor_id FROM incident_actors WHERE incident_id IN (%s)`, ids, nil, into); err != nil {
		return fmt.Errorf("actors of incidents: %w", err)
	}
	return nil
}

// collectIDs runs q, a query of one column whose list of ids is written
// %s, for ids 500 at a time (then the arguments extra), and adds what it
// returns to into.
func (t *Tx) collectIDs(ctx context.Context, q string, ids []string, extra []any, into map[string]bool) error {
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		found, err := t.queryStrings(ctx, fmt.Sprintf(q, placeholders(len(chunk))), append(anySlice(chunk), extra...)...)
		if err != nil {
			return err
		}
		for _, id := range found {
			into[id] = true
		}
	}
	return nil
}

func (w *writer) collect2(q, arg string, into map[string]bool) error {
	rows, err := w.tx.query(w.ctx, q, arg)
	if err != nil {
		return err
	}
	ids, err := scanStrings(rows)
	for _, id := range ids {
		into[id] = true
	}
	return err
}

// refresh reconciles every incident the document touched, then sums up
// every actor whose mentions or incidents changed.
func (w *writer) refresh() error {
	if err := w.unsettle(); err != nil {
		return err
	}
	ids := sortedKeys(w.incidents)
	waiting, err := w.othersQueued()
	if err != nil {
		return err
	}
	if waiting {
		if err := w.collectCountries(ids); err != nil {
			return err
		}
	}
	// An incident of many reports is marked stale rather than computed
	// again from all of them in every document's transaction, which made
	// ingest quadratic in the reports of one event; the end of the run
	// computes it once (ReconcileStale).
	big, err := w.tx.bigIncidents(w.ctx, ids)
	if err != nil {
		return err
	}
	var small []string
	for _, id := range ids {
		if !big[id] {
			small = append(small, id)
			continue
		}
		if err := w.tx.exec(w.ctx, `INSERT INTO stale_incidents (incident_id) VALUES (?) ON CONFLICT DO NOTHING`, id); err != nil {
			return fmt.Errorf("mark incident stale: %w", err)
		}
		w.incUpdated++
	}
	// the actors of the incidents before and after
	if err := w.tx.actorsOfIncidents(w.ctx, small, w.actors); err != nil {
		return err
	}
	for _, id := range small {
		ok, err := w.tx.s.reconcileIncident(w.ctx, w.tx, id, w.actors)
		if err != nil {
			return err
		}
		if ok {
			w.incUpdated++
		} else {
			w.incRemoved++
		}
	}
	if w.deferActors {
		// summed up once at the end of the run (ReconcileStale): an actor
		// many documents name is not counted again for each
		if err := w.tx.insertIDs(w.ctx, "stale_actors", "actor_id", sortedKeys(w.actors)); err != nil {
			return err
		}
	}
	if !w.deferActors {
		ids := sortedKeys(w.actors)
		kept, err := w.tx.s.summarizeActors(w.ctx, w.tx, ids)
		if err != nil {
			return err
		}
		w.actUpdated += kept
		w.actRemoved += len(ids) - kept
	}
	if err := w.unanchor(ids); err != nil {
		return err
	}
	if !waiting {
		return nil
	}
	if err := w.collectCountries(ids); err != nil {
		return err
	}
	if w.nested {
		return nil
	}
	return w.reexamine(w.touched)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// actorRoles is one actor's parts in one incident.
type actorRoles struct {
	id, roles string
}

var roleOrder = []string{RolePerpetrator, RoleAccused, RoleTarget, RoleClaimant, RoleSpeaker}

// joinRoles gathers roles by actor, in a fixed order: "accused, claimant".
func joinRoles(rs []roleRef) []actorRoles {
	has := map[string]map[string]bool{}
	var ids []string
	for _, r := range rs {
		if r.ID == "" {
			continue
		}
		if has[r.ID] == nil {
			has[r.ID] = map[string]bool{}
			ids = append(ids, r.ID)
		}
		has[r.ID][r.Role] = true
	}
	sort.Strings(ids)
	out := make([]actorRoles, 0, len(ids))
	for _, id := range ids {
		var parts []string
		for _, role := range roleOrder {
			if has[id][role] {
				parts = append(parts, role)
			}
		}
		out = append(out, actorRoles{id: id, roles: strings.Join(parts, ", ")})
	}
	return out
}

// BigIncident is the number of reports past which an incident is computed
// again at the end of a run rather than after each document.
const BigIncident = 64

// ReconcileStale computes again every incident marked stale, each in its
// own transaction, with the actors it names, and returns how many it did;
// then it settles what the run touched (Settle).
// Ingest calls it at the end of a run and at the start of the next (after
// a crash nothing stays stale for long).
func (s *DB) ReconcileStale(ctx context.Context) (int, error) {
	if err := s.backfillBands(ctx); err != nil {
		return 0, err
	}
	rows, err := s.db.QueryContext(ctx, s.rebind(`SELECT incident_id FROM stale_incidents ORDER BY incident_id`))
	if err != nil {
		return 0, s.wrap("list stale incidents", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, s.wrap("list stale incidents", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, s.wrap("list stale incidents", err)
	}
	for _, id := range ids {
		err := s.Transact(ctx, func(tx *Tx) error {
			w := newWriter(ctx, tx, "", "")
			w.incidents[id] = true
			if err := tx.exec(ctx, `DELETE FROM stale_incidents WHERE incident_id = ?`, id); err != nil {
				return err
			}
			if err := tx.actorsOfIncidents(ctx, []string{id}, w.actors); err != nil {
				return err
			}
			if _, err := s.reconcileIncident(ctx, tx, id, w.actors); err != nil {
				return err
			}
			if _, err := s.summarizeActors(ctx, tx, sortedKeys(w.actors)); err != nil {
				return err
			}
			// queued reports of its country may fit it now
			if waiting, err := w.othersQueued(); err != nil || !waiting {
				return err
			}
			if err := w.collectCountries([]string{id}); err != nil {
				return err
			}
			return w.reexamine(w.touched)
		})
		if err != nil {
			return 0, fmt.Errorf("reconcile incident %s: %w", id, err)
		}
	}
	// then the run's neighbourhoods are clustered again, which makes the
	// result independent of the order the documents came in
	if _, err := s.Settle(ctx); err != nil {
		return len(ids), err
	}
	return len(ids), s.summarizeStaleActors(ctx)
}

// summarizeStaleActors sums up the actors the run's documents touched,
// each once, a batch per transaction.
func (s *DB) summarizeStaleActors(ctx context.Context) error {
	for {
		rows, err := s.query(ctx, `SELECT actor_id FROM stale_actors ORDER BY actor_id LIMIT 500`)
		if err != nil {
			return s.wrap("list stale actors", err)
		}
		ids, err := scanStrings(rows)
		if err != nil {
			return s.wrap("list stale actors", err)
		}
		if len(ids) == 0 {
			return nil
		}
		err = s.Transact(ctx, func(tx *Tx) error {
			if _, err := s.summarizeActors(ctx, tx, ids); err != nil {
				return err
			}
			return tx.deleteIDs(ctx, "stale_actors", "actor_id", ids)
		})
		if err != nil {
			return s.wrap("sum up actors", err)
		}
	}
}

// backfillBands writes the fingerprint bands of documents stored before
// bands existed (schema version 3), once: when there are documents with a
// fingerprint and no band at all.
func (s *DB) backfillBands(ctx context.Context) error {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM document_bands LIMIT 1`).Scan(&one)
	if err == nil {
		return nil
	}
	if !isNoRows(err) {
		return s.wrap("look for bands", err)
	}
	return s.Transact(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT n, fingerprint FROM documents WHERE fingerprint IS NOT NULL`)
		if err != nil {
			return err
		}
		type fpRow struct {
			n  int64
			fp []byte
		}
		var all []fpRow
		for rows.Next() {
			var r fpRow
			if err := rows.Scan(&r.n, &r.fp); err != nil {
				rows.Close()
				return err
			}
			all = append(all, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range all {
			if err := writeBands(ctx, tx, "?", r.n, r.fp); err != nil {
				return err
			}
		}
		return nil
	})
}
