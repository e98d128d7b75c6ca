package sqlstore

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// searchKind is one kind of hit: its table, the columns shown, the column
// its snippets are made from, and how its exact matches are found.
type searchKind struct {
	kind, table                string
	title, detail, sub, source string
	// exact selects the rows whose title or name is the query, through an
	// index; nil when the kind has no such index (its exact matches are
	// then found among its title matches).
	exact func(q string) (cond, order string, args []any)
}

var searchKinds = []searchKind{
	{kind: "incident", table: "incidents", title: "t.title", detail: "t.label", sub: "t.kind", source: "t.record",
		exact: func(q string) (string, string, []any) {
			return `t.title_key = ?`, `t.n DESC`, []any{names.Fold(q)}
		}},
	{kind: "actor", table: "actors", title: "t.name", detail: "t.kind", sub: "''", source: "t.aliases",
		exact: func(q string) (string, string, []any) {
			// Any name or alias, in any transliteration.
			return `t.id IN (SELECT actor_id FROM actor_names WHERE fold = ? OR key = ?)`, `t.documents DESC, t.n DESC`,
				[]any{names.Fold(q), names.Key(q)}
		}},
	{kind: "document", table: "documents", title: "t.title", detail: "t.path", sub: "''", source: "''"},
}

// Search implements dossier.Searcher: every word must match (as a prefix),
// accents and case ignored. Within each kind the hits rank by how they
// match, then newest first:
//
//  1. exact: the query is the title, or an actor's name or alias in any
//     transliteration;
//  2. title: every word is a word of the title (an actor's name);
//  3. field (incidents, actors) or text (documents): every word is in
//     what the kind's full-text index holds, as a word or its start;
//     incidents whose weapon or actor the query names first.
//
// Each rank is one query of an index that stops at the limit, so a common
// word costs no more than a rare one. CLI, API and web UI all show hits in
// this order.
func (s *DB) Search(ctx context.Context, q string, opts dossier.SearchOptions) ([]dossier.SearchHit, error) {
	out := []dossier.SearchHit{}
	words := names.Tokens(q)
	if len(words) == 0 {
		return out, nil
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = 20
	}
	for _, k := range searchKinds {
		if len(opts.Kinds) > 0 && !contains(opts.Kinds, k.kind) {
			continue
		}
		hits, err := s.searchKind(ctx, k, q, words, limit, opts.IncludeMentions)
		if err != nil {
			return nil, s.wrap("search", err)
		}
		out = append(out, hits...)
	}
	return out, nil
}

// searchKind finds the best hits of one kind, rank by rank.
func (s *DB) searchKind(ctx context.Context, k searchKind, q string, words []string, limit int, mentions bool) ([]dossier.SearchHit, error) {
	var hits []dossier.SearchHit
	sources := map[string]string{}
	seen := map[string]bool{}
	// run adds the hits of one rank. A later rank holds the earlier ones'
	// hits too; asking it for limit rows leaves enough new ones.
	run := func(match, from, where, order string, args ...any) error {
		if k.kind == "incident" && !mentions {
			where += ` AND t.kind <> ?`
			args = append(args, dossier.IncidentMention)
		}
		rows, err := s.query(ctx, `SELECT t.id, `+k.title+`, `+k.detail+`, `+k.sub+`, `+k.source+` FROM `+from+
			` WHERE `+where+` ORDER BY `+order+` LIMIT ?`, append(args, limit)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() && len(hits) < limit {
			h := dossier.SearchHit{Kind: k.kind, Match: match}
			var src string
			if err := rows.Scan(&h.ID, &h.Title, &h.Detail, &h.IncidentKind, &src); err != nil {
				return err
			}
			if seen[h.ID] {
				continue
			}
			seen[h.ID] = true
			sources[h.ID] = src
			hits = append(hits, h)
		}
		return rows.Err()
	}
	if k.exact != nil {
		cond, order, args := k.exact(q)
		if err := run(dossier.MatchExact, k.table+` t`, cond, order, args...); err != nil {
			return nil, err
		}
	}
	exact := len(hits)
	// fullText runs a rank of the full-text index: first over the newest
	// rows when the engine says so (a common word fills the page there,
	// and the hits are the same), then over all.
	fullText := func(match string, title bool, arg string) error {
		if from, where, order, ok := s.d.SearchNewest(ctx, s.db, k.table, title, arg, limit-len(hits)); ok {
			if err := run(match, from, where, order, arg); err != nil || len(hits) >= limit {
				return err
			}
		}
		from, where, order := s.d.SearchRest(k.table, title)
		return run(match, from, where, order, arg)
	}
	if len(hits) < limit {
		// Whole words: a prefix costs a merge of every term it begins.
		if err := fullText(dossier.MatchTitle, true, s.d.SearchWords(words)); err != nil {
			return nil, err
		}
	}
	// A title that is the query, of a kind without an index for it.
	fq := names.Fold(q)
	for i := exact; i < len(hits); i++ {
		if names.Fold(hits[i].Title) == fq {
			h := hits[i]
			h.Match = dossier.MatchExact
			copy(hits[exact+1:i+1], hits[exact:i])
			hits[exact] = h
			exact++
		}
	}
	if k.kind == "incident" && len(hits) < limit {
		// Incidents whose weapon the query names, or one of whose actors
		// it names (any spelling or transliteration), before those that
		// only have the words somewhere among their fields, such as in
		// their type.
		cond := s.d.NamedIncidents(limit, mentions)
		if err := run(dossier.MatchField, k.table+` t`, cond, `t.n DESC`, fq, fq, names.Key(q)); err != nil {
			return nil, err
		}
	}
	if len(hits) < limit {
		match := dossier.MatchField
		if k.kind == "document" {
			match = dossier.MatchText
		}
		pq, err := s.d.PrefixQuery(ctx, s.db, k.table, words)
		if err != nil {
			return nil, err
		}
		if err := fullText(match, false, pq); err != nil {
			return nil, err
		}
	}
	if err := s.snippets(ctx, k, hits, sources, words); err != nil {
		return nil, err
	}
	return hits, nil
}

// maxTextSnippets bounds the documents whose text is read for snippets in
// one search, and textSnippetBytes how much of each text.
const (
	maxTextSnippets  = 100
	textSnippetBytes = 32 << 10
)

// snippets gives each hit an excerpt of what matched: its title (name)
// when that matched, else the field or text that did.
func (s *DB) snippets(ctx context.Context, k searchKind, hits []dossier.SearchHit, sources map[string]string, words []string) error {
	var texts map[string]string
	if k.kind == "document" {
		var ids []string
		for _, h := range hits {
			if h.Match == dossier.MatchText && len(ids) < maxTextSnippets {
				ids = append(ids, h.ID)
			}
		}
		var err error
		if texts, err = s.documentTexts(ctx, ids); err != nil {
			return err
		}
	}
	for i := range hits {
		h := &hits[i]
		title := "title"
		if k.kind == "actor" {
			title = "name"
		}
		if sn := snippet(title, h.Title, words); sn != nil && matchedWords(sn.Text, words) == len(words) {
			h.Snippet = sn // the fields need not be read
			continue
		}
		cands := [][2]string{{title, h.Title}}
		switch k.kind {
		case "incident":
			cands = append(cands, incidentFields(h.Detail, sources[h.ID])...)
		case "actor":
			var aliases []string
			_ = json.Unmarshal([]byte(sources[h.ID]), &aliases)
			for _, a := range aliases {
				cands = append(cands, [2]string{"alias", a})
			}
		case "document":
			cands = append(cands, [2]string{"text", texts[h.ID]})
		}
		h.Snippet = bestSnippet(words, cands...)
	}
	return nil
}

// incidentFields are the fields of an incident's record that a search
// looks in, as (field, text): weapons and actors before the label (date
// and place) and the type, which many incidents share.
func incidentFields(label, record string) [][2]string {
	var r struct {
		Type                                    string
		SubType                                 string `json:"sub_type"`
		Weapons, Targets, Perpetrators, Accused []string
		PartOf                                  []string `json:"part_of"`
		Location                                *struct{ Admin1 string }
	}
	_ = unpack([]byte(record), &r) // written by reconcile; a bad record shows no snippet
	var out [][2]string
	for _, f := range []struct {
		name string
		vs   []string
	}{{"weapons", r.Weapons}, {"targets", r.Targets}, {"perpetrators", r.Perpetrators}, {"accused", r.Accused}, {"part_of", r.PartOf}} {
		out = append(out, [2]string{f.name, strings.Join(f.vs, "; ")})
	}
	out = append(out, [2]string{"label", label})
	if r.Location != nil {
		out = append(out, [2]string{"admin1", r.Location.Admin1})
	}
	return append(out, [2]string{"type", r.Type}, [2]string{"type", r.SubType})
}

// documentTexts reads the start of the texts of documents, by id.
func (s *DB) documentTexts(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.query(ctx, `SELECT id, substr(COALESCE(body, raw), 1, ?) FROM documents WHERE id IN (`+placeholders(len(ids))+`)`,
		append([]any{textSnippetBytes}, anySlice(ids)...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var text []byte
		if err := rows.Scan(&id, &text); err != nil {
			return nil, err
		}
		out[id] = string(text)
	}
	return out, rows.Err()
}
