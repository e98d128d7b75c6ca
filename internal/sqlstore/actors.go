package sqlstore

import (
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

// summarizeActor recomputes one actor (summarizeActors).
func (s *DB) summarizeActor(ctx context.Context, tx *Tx, id string) (bool, error) {
	kept, err := s.summarizeActors(ctx, tx, []string{id})
	return err == nil && kept == 1, err
}

// actorChunk bounds the actors summed up by one set of queries.
const actorChunk = 200

// actorMention is one group of an actor's mentions that read alike.
type actorMention struct {
	name, kind, aliases, context string
	count                        int
}

// summarizeActors recomputes actors from their mentions: each one's name
// (the spelling most documents use), kind, aliases, context and counts.
// An actor left without mentions is deleted. Reviews that correct the
// name or kind win over the mentions. It reads the mentions, counts and
// reviews of up to actorChunk actors at a time, a few queries in all
// rather than a few for each actor, and returns how many actors it kept.
func (s *DB) summarizeActors(ctx context.Context, tx *Tx, ids []string) (kept int, err error) {
	for start := 0; start < len(ids); start += actorChunk {
		chunk := ids[start:min(start+actorChunk, len(ids))]
		in := placeholders(len(chunk))
		args := anySlice(chunk)
		// the mentions, documents and incidents of the chunk's actors: one
		// round trip
		groups := map[string][]actorMention{}
		docs, incs := map[string]int{}, map[string]int{}
		err := tx.queryEach(ctx, []Stmt{
			{Query: `SELECT actor_id, name, kind, aliases, context, COUNT(*) FROM mentions WHERE actor_id IN (` + in + `)
			GROUP BY actor_id, name, kind, aliases, context ORDER BY actor_id, MIN(n)`, Args: args},
			{Query: `SELECT actor_id, COUNT(DISTINCT doc_id) FROM mentions WHERE actor_id IN (` + in + `) GROUP BY actor_id`, Args: args},
			{Query: `SELECT actor_id, COUNT(DISTINCT incident_id) FROM incident_actors WHERE actor_id IN (` + in + `) GROUP BY actor_id`, Args: args},
		}, func(i int, scan func(dest ...any) error) error {
			var id string
			if i == 0 {
				var m actorMention
				if err := scan(&id, &m.name, &m.kind, &m.aliases, &m.context, &m.count); err != nil {
					return err
				}
				groups[id] = append(groups[id], m)
				return nil
			}
			var n int
			if err := scan(&id, &n); err != nil {
				return err
			}
			if i == 1 {
				docs[id] = n
			} else {
				incs[id] = n
			}
			return nil
		})
		if err != nil {
			return kept, fmt.Errorf("read mentions: %w", err)
		}
		reviews, err := tx.reviewsOf(ctx, chunk)
		if err != nil {
			return kept, err
		}
		byActor := map[string][]dossier.Review{}
		for _, r := range reviews {
			byActor[r.TargetID] = append(byActor[r.TargetID], r)
		}
		// the chunk's writes: a statement for the actors gone, one for the
		// names, one for the actors summed up, one for their names
		var gone, renamed []string
		var actors, actorNames [][]any
		for _, id := range chunk {
			sum, ok := actorSummary(id, groups[id], docs[id], incs[id], byActor[id])
			if !ok {
				gone = append(gone, id)
				renamed = append(renamed, id)
				continue
			}
			kept++
			if sum == nil {
				continue // only names that fold to nothing (the extractor stores none)
			}
			renamed = append(renamed, id)
			actors = append(actors, sum.row)
			actorNames = append(actorNames, sum.names...)
		}
		if len(gone) > 0 {
			if err := tx.exec(ctx, `DELETE FROM actors WHERE id IN (`+placeholders(len(gone))+`)`, anySlice(gone)...); err != nil {
				return kept, fmt.Errorf("delete actors: %w", err)
			}
		}
		if len(renamed) > 0 {
			if err := tx.exec(ctx, `DELETE FROM actor_names WHERE actor_id IN (`+placeholders(len(renamed))+`)`, anySlice(renamed)...); err != nil {
				return kept, fmt.Errorf("write actor names: %w", err)
			}
		}
		err = tx.insertRows(ctx, `INSERT INTO actors (id, name, name_key, kind, aliases, context, documents, incidents, search) VALUES `,
			`(?, ?, ?, ?, ?, ?, ?, ?, ?)`, actors, ` ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, kind = excluded.kind,
			aliases = excluded.aliases, context = excluded.context, documents = excluded.documents,
			incidents = excluded.incidents, search = excluded.search`)
		if err != nil {
			return kept, fmt.Errorf("write actors: %w", err)
		}
		if err := tx.insertRows(ctx, `INSERT INTO actor_names (actor_id, key, fold) VALUES `, `(?, ?, ?)`, actorNames, ` ON CONFLICT DO NOTHING`); err != nil {
			return kept, fmt.Errorf("write actor names: %w", err)
		}
	}
	return kept, nil
}

// summedActor is the row of an actor summed up, and the rows of its names.
type summedActor struct {
	row   []any
	names [][]any
}

// actorSummary sums one actor up from its mention groups (in the order
// of their first mention): false when it has none left (it is to be
// deleted); a nil summary when it has only names that fold to nothing.
func actorSummary(id string, groups []actorMention, docs, incs int, reviews []dossier.Review) (*summedActor, bool) {
	if len(groups) == 0 {
		return nil, false
	}
	type spelling struct {
		name  string
		count int
	}
	var order []string
	nameCount := map[string]*spelling{}
	kindCount := map[string]int{}
	var kinds []string
	var ctxKeys []string
	addName := func(n string, c int) {
		f := names.Fold(n)
		if f == "" {
			return
		}
		if nameCount[f] == nil {
			nameCount[f] = &spelling{name: n}
			order = append(order, f)
		}
		nameCount[f].count += c
	}
	for _, m := range groups {
		addName(m.name, m.count)
		var al, cx []string
		_ = json.Unmarshal([]byte(m.aliases), &al)
		_ = json.Unmarshal([]byte(m.context), &cx)
		for _, a := range al {
			addName(a, 0)
		}
		if _, ok := kindCount[m.kind]; !ok {
			kinds = append(kinds, m.kind)
		}
		kindCount[m.kind] += m.count
		for _, k := range cx {
			if len(ctxKeys) < 64 && !contains(ctxKeys, k) {
				ctxKeys = append(ctxKeys, k)
			}
		}
	}
	if len(order) == 0 {
		return nil, true
	}
	best := order[0]
	for _, f := range order[1:] {
		if nameCount[f].count > nameCount[best].count {
			best = f
		}
	}
	kind := kinds[0]
	for _, k := range kinds[1:] {
		if kindCount[k] > kindCount[kind] {
			kind = k
		}
	}
	name := nameCount[best].name
	for _, r := range reviews {
		if r.Target == dossier.TargetActor && r.Action == dossier.ReviewCorrect {
			switch r.Field {
			case "name":
				name = r.Value
				addName(name, 0)
			case "kind":
				kind = r.Value
			}
		}
	}
	aliases := []string{}
	for _, f := range order {
		if f != names.Fold(name) {
			aliases = append(aliases, nameCount[f].name)
		}
	}
	sort.Slice(aliases, func(i, j int) bool { return names.Fold(aliases[i]) < names.Fold(aliases[j]) })
	if ctxKeys == nil {
		ctxKeys = []string{}
	}
	search := names.Fold(name + " " + strings.Join(aliases, " ") + " " + kind)
	sum := &summedActor{row: []any{id, name, names.Fold(name), kind, mustJSON(aliases), mustJSON(ctxKeys), docs, incs, search}}
	for _, f := range order {
		sum.names = append(sum.names, []any{id, resolve.ActorKey(nameCount[f].name, kind), f})
	}
	return sum, true
}

// actorIDs finds the actors a reference names: an id, else a spelling,
// else a transliteration key, else a part of a name; most documented
// first. The CLI's --actor, the API's actor= and `show actor` all come
// here.
func (s *DB) actorIDs(ctx context.Context, ref string) ([]string, error) {
	var n int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM actors WHERE id = ?`, ref).Scan(&n); err != nil {
		return nil, s.wrap("find actor", err)
	}
	if n > 0 {
		return []string{ref}, nil
	}
	for _, q := range []struct{ cond, arg string }{
		{`fold = ?`, names.Fold(ref)},
		{`key = ?`, names.Key(ref)},
		{`key = ?`, resolve.ActorKey(ref, dossier.KindState)},
	} {
		rows, err := s.query(ctx, `SELECT a.id FROM actors a WHERE a.id IN (SELECT actor_id FROM actor_names WHERE `+q.cond+`)
			ORDER BY a.documents DESC, a.n LIMIT 50`, q.arg)
		if err != nil {
			return nil, s.wrap("find actor", err)
		}
		ids, err := scanStrings(rows)
		if err != nil {
			return nil, s.wrap("find actor", err)
		}
		if len(ids) > 0 {
			return ids, nil
		}
	}
	return s.actorsByPartName(ctx, ref)
}

// maxPartNameRows bounds the names a part of a name is compared with.
const maxPartNameRows = 2000

// actorsByPartName finds the actors one of whose names or aliases holds
// the words of ref as whole words, in order: "Rahimi" finds Qasem Rahimi,
// "Hamdani" Mustafa al-Hamdani, but "Hamdan" neither. The words are read as
// spelled first, then, when that finds nobody, by their transliteration
// keys ("Hamdany" finds Mustafa al-Hamdani too). Every such
// actor is returned, most documented first: a surname that two people
// share names both. A full-text index finds the candidate names (of the
// actors, of the keys); the names themselves decide.
func (s *DB) actorsByPartName(ctx context.Context, ref string) ([]string, error) {
	words := names.Tokens(ref)
	if len(words) == 0 {
		return nil, nil
	}
	ids, err := s.partNameMatches(ctx, `n.actor_id IN (SELECT t.id FROM actors t WHERE `+s.d.SearchCond("actors")+`)`,
		s.d.SearchQuery(words, false), func(fold, _ string) bool { return containsRun(strings.Fields(fold), words) })
	if err != nil || len(ids) > 0 {
		return ids, err
	}
	keys := strings.Fields(names.Key(ref))
	if len(keys) == 0 {
		return nil, nil
	}
	return s.partNameMatches(ctx, s.d.NameKeyCond(), s.d.SearchWords(keys),
		func(_, key string) bool { return containsRun(strings.Fields(key), keys) })
}

// partNameMatches returns the actors, most documented first, that have a
// name among those cond selects from actor_names (aliased n) that fits.
func (s *DB) partNameMatches(ctx context.Context, cond string, arg any, fits func(fold, key string) bool) ([]string, error) {
	rows, err := s.query(ctx, `SELECT n.actor_id, n.fold, n.key FROM actor_names n WHERE `+cond+` LIMIT ?`, arg, maxPartNameRows)
	if err != nil {
		return nil, s.wrap("find actor", err)
	}
	var ids []string
	seen := map[string]bool{}
	for rows.Next() {
		var id, fold, key string
		if err := rows.Scan(&id, &fold, &key); err != nil {
			rows.Close()
			return nil, s.wrap("find actor", err)
		}
		if !seen[id] && fits(fold, key) {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil || len(ids) == 0 {
		return nil, s.wrap("find actor", err)
	}
	rows, err = s.query(ctx, `SELECT id FROM actors WHERE id IN (`+placeholders(len(ids))+`) ORDER BY documents DESC, n`, anySlice(ids)...)
	if err != nil {
		return nil, s.wrap("find actor", err)
	}
	ids, err = scanStrings(rows)
	return ids, s.wrap("find actor", err)
}

// containsRun reports whether run stands in words, in order and together.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

const actorCols = `t.n, t.id, t.name, t.kind, t.aliases, t.documents, t.incidents`

func scanActor(rows interface{ Scan(...any) error }) (int64, dossier.ActorSummary, error) {
	var a dossier.ActorSummary
	var n int64
	var aliases string
	if err := rows.Scan(&n, &a.ID, &a.Name, &a.Kind, &aliases, &a.Documents, &a.Incidents); err != nil {
		return 0, a, err
	}
	a.Aliases = []string{}
	_ = json.Unmarshal([]byte(aliases), &a.Aliases)
	return n, a, nil
}

// Actors implements dossier.ActorReader: most documented first.
func (s *DB) Actors(ctx context.Context, f dossier.ActorFilter) (dossier.ActorPage, error) {
	page := dossier.ActorPage{Actors: []dossier.ActorSummary{}}
	var where []string
	var args []any
	if f.Q != "" {
		words := names.Tokens(f.Q)
		if len(words) == 0 {
			return page, nil
		}
		where = append(where, `(`+s.d.SearchCond("actors")+` OR t.id IN (SELECT actor_id FROM actor_names WHERE key = ?))`)
		args = append(args, s.d.SearchQuery(words, false), names.Key(f.Q))
	}
	if f.Kind != "" {
		where, args = append(where, `t.kind = ?`), append(args, f.Kind)
	}
	limit := f.Limit
	if limit == 0 {
		limit = 50
	}
	k := keyset{op: "list actors", scope: scope("actors", strings.Join(names.Tokens(f.Q), " "), f.Kind), cols: actorCols,
		from: `actors t`, key: `t.documents`, n: `t.n`, desc: true, where: where, args: args}
	var err error
	page.Actors, page.Next, page.PageInfo, err = readKeyset(ctx, s, k, f.Cursor, limit, func(rows *sql.Rows) (cursor, dossier.ActorSummary, error) {
		n, a, err := scanActor(rows)
		return cursor{K: int64(a.Documents), N: n}, a, err
	})
	return page, err
}

// Actor implements dossier.ActorReader.
func (s *DB) Actor(ctx context.Context, ref string) (*dossier.ActorDetail, error) {
	ids, err := s.actorIDs(ctx, ref)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, notFound("actor", ref)
	}
	d := &dossier.ActorDetail{}
	for i, id := range ids {
		_, a, err := scanActor(s.queryRow(ctx, `SELECT `+actorCols+` FROM actors t WHERE t.id = ?`, id))
		if err != nil {
			return nil, s.wrap("read actor", err)
		}
		if i == 0 {
			d.ActorSummary = a
		} else {
			d.SameName = append(d.SameName, a)
		}
	}
	id := d.ID
	if d.Relations, err = s.relationsOf(ctx, id); err != nil {
		return nil, err
	}
	if d.Incidents, err = s.actorIncidents(ctx, id); err != nil {
		return nil, err
	}
	if d.Mentions, err = s.mentionsOf(ctx, id); err != nil {
		return nil, err
	}
	if d.Statements, err = s.statements(ctx, `st.speaker_id = ?`, id, 200); err != nil {
		return nil, err
	}
	rids := []string{id}
	for _, m := range d.Mentions {
		rids = append(rids, m.ID)
	}
	if d.Reviews, err = s.reviewsOf(ctx, s.db, rids); err != nil {
		return nil, s.wrap("read actor", err)
	}
	return d, nil
}

func (s *DB) relationsOf(ctx context.Context, id string) ([]dossier.RelationRecord, error) {
	rows, err := s.query(ctx, `SELECT rl.subject_id, COALESCE(sa.name, ''), rl.predicate, rl.object_id, COALESCE(oa.name, ''), rl.data,
			d.id, d.path, d.title, d.source, d.published, d.copy_of
		FROM relations rl JOIN documents d ON d.id = rl.doc_id
		LEFT JOIN actors sa ON sa.id = rl.subject_id LEFT JOIN actors oa ON oa.id = rl.object_id
		WHERE rl.subject_id = ? OR rl.object_id = ? ORDER BY d.n, rl.ord LIMIT 500`, id, id)
	if err != nil {
		return nil, s.wrap("read relations", err)
	}
	defer rows.Close()
	out := []dossier.RelationRecord{}
	for rows.Next() {
		var r dossier.RelationRecord
		var sname, oname, data, src string
		if err := rows.Scan(&r.SubjectID, &sname, &r.Predicate, &r.ObjectID, &oname, &data, &r.Document.DocumentID, &r.Document.Path,
			&r.Document.Title, &src, &r.Document.Published, &r.Document.CopyOf); err != nil {
			return nil, s.wrap("read relations", err)
		}
		var rel dossier.Relation
		_ = unpack([]byte(data), &rel)
		r.Subject, r.Object, r.Evidence = firstOf(sname, rel.Subject), firstOf(oname, rel.Object), rel.Evidence
		r.Document.Source = strPtr(src)
		out = append(out, r)
	}
	return out, s.wrap("read relations", rows.Err())
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (s *DB) actorIncidents(ctx context.Context, id string) ([]dossier.IncidentRef, error) {
	rows, err := s.query(ctx, `SELECT t.id, t.record, ia.roles FROM incident_actors ia JOIN incidents t ON t.n = ia.incident_n
		WHERE ia.actor_id = ? ORDER BY ia.sort_day DESC, ia.incident_n DESC LIMIT 300`, id)
	if err != nil {
		return nil, s.wrap("read actor incidents", err)
	}
	defer rows.Close()
	out := []dossier.IncidentRef{}
	for rows.Next() {
		var iid, rec, roles string
		if err := rows.Scan(&iid, &rec, &roles); err != nil {
			return nil, s.wrap("read actor incidents", err)
		}
		r := refOf(rec)
		r.Role = roles
		out = append(out, r)
	}
	return out, s.wrap("read actor incidents", rows.Err())
}

func (s *DB) mentionsOf(ctx context.Context, id string) ([]dossier.ActorMention, error) {
	rows, err := s.query(ctx, `SELECT m.id, m.name, m.kind, m.aliases, m.reason, m.data, d.id, d.path, d.title, d.source, d.published, d.copy_of
		FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.actor_id = ? ORDER BY m.n LIMIT 200`, id)
	if err != nil {
		return nil, s.wrap("read mentions", err)
	}
	defer rows.Close()
	out := []dossier.ActorMention{}
	for rows.Next() {
		var m dossier.ActorMention
		var aliases, data, src string
		if err := rows.Scan(&m.ID, &m.Name, &m.Kind, &aliases, &m.Reason, &data, &m.Document.DocumentID, &m.Document.Path,
			&m.Document.Title, &src, &m.Document.Published, &m.Document.CopyOf); err != nil {
			return nil, s.wrap("read mentions", err)
		}
		m.Aliases = []string{}
		_ = json.Unmarshal([]byte(aliases), &m.Aliases)
		var a dossier.Actor
		_ = unpack([]byte(data), &a)
		m.Evidence = a.Evidence
		m.Document.Source = strPtr(src)
		out = append(out, m)
	}
	return out, s.wrap("read mentions", rows.Err())
}
