package sqlstore

import (
	"context"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// searchKinds maps a kind of hit to its table and the columns shown.
var searchKinds = []struct {
	kind, table, title, detail, sub string
}{
	{"incident", "incidents", "t.title", "t.label", "t.kind"},
	{"actor", "actors", "t.name", "t.kind", "''"},
	{"document", "documents", "t.title", "t.path", "''"},
}

// Search implements dossier.Searcher: every word must match (as a prefix),
// accents and case ignored; the best-ranked hits of each kind.
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
	arg := s.d.SearchQuery(words, false)
	for _, k := range searchKinds {
		if len(opts.Kinds) > 0 && !contains(opts.Kinds, k.kind) {
			continue
		}
		from, where, order := s.d.Search(k.table)
		args := []any{arg}
		if k.kind == "incident" && !opts.IncludeMentions {
			where += ` AND t.kind <> ?`
			args = append(args, dossier.IncidentMention)
		}
		rows, err := s.query(ctx, `SELECT t.id, `+k.title+`, `+k.detail+`, `+k.sub+` FROM `+from+` WHERE `+where+` ORDER BY `+order+` LIMIT ?`, append(args, limit)...)
		if err != nil {
			return nil, s.wrap("search", err)
		}
		for rows.Next() {
			h := dossier.SearchHit{Kind: k.kind}
			if err := rows.Scan(&h.ID, &h.Title, &h.Detail, &h.IncidentKind); err != nil {
				rows.Close()
				return nil, s.wrap("search", err)
			}
			out = append(out, h)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, s.wrap("search", err)
		}
	}
	return out, nil
}
