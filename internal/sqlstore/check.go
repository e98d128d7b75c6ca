package sqlstore

import (
	"context"
	"fmt"

	"github.com/dossier-project/dossier"
)

// Stats implements dossier.Maintainer.
func (s *DB) Stats(ctx context.Context) (dossier.Stats, error) {
	var st dossier.Stats
	var err error
	if st.SchemaVersion, err = s.SchemaVersion(ctx); err != nil {
		return st, err
	}
	for _, c := range []struct {
		table string
		into  *int
	}{{"documents", &st.Documents}, {"reports", &st.Reports}, {"incidents", &st.Incidents}, {"actors", &st.Actors}, {"reviews", &st.Reviews},
		{"review_queue", &st.Queued}} {
		if err := s.queryRow(ctx, `SELECT COUNT(*) FROM `+c.table).Scan(c.into); err != nil {
			return st, s.wrap("stats", err)
		}
	}
	return st, nil
}

// invariants are queries that count rows breaking a rule of the store.
var invariants = []struct{ rule, query string }{
	{"reports pointing to no incident", `SELECT COUNT(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = r.incident_id)`},
	{"incidents without reports", `SELECT COUNT(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.incident_id = i.id)`},
	{"incidents never reconciled", `SELECT COUNT(*) FROM incidents WHERE record = '{}'`},
	{"reports of no document", `SELECT COUNT(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.doc_id)`},
	{"queued reports of no document", `SELECT COUNT(*) FROM review_queue q WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = q.doc_id)`},
	{"queued reports also placed", `SELECT COUNT(*) FROM review_queue q WHERE EXISTS (SELECT 1 FROM reports r WHERE r.id = q.report_id)`},
	{"mentions of no document", `SELECT COUNT(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.doc_id)`},
	{"mentions pointing to no actor", `SELECT COUNT(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = m.actor_id)`},
	{"actors without mentions", `SELECT COUNT(*) FROM actors a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = a.id)`},
	{"actor names of no actor", `SELECT COUNT(*) FROM actor_names n WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = n.actor_id)`},
	{"claims of no document", `SELECT COUNT(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.doc_id)`},
	{"statements of no document", `SELECT COUNT(*) FROM statements c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.doc_id)`},
	{"relations of no document", `SELECT COUNT(*) FROM relations c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.doc_id)`},
	{"incident actors of no incident", `SELECT COUNT(*) FROM incident_actors x WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = x.incident_id AND i.n = x.incident_n)`},
	{"incident weapons of no incident", `SELECT COUNT(*) FROM incident_weapons x WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = x.incident_id AND i.n = x.incident_n)`},
	{"incident actors out of date order", `SELECT COUNT(*) FROM incident_actors x JOIN incidents i ON i.id = x.incident_id WHERE i.sort_day <> x.sort_day`},
	{"copies of no document", `SELECT COUNT(*) FROM documents d WHERE d.copy_of <> '' AND NOT EXISTS (SELECT 1 FROM documents o WHERE o.id = d.copy_of)`},
	{"incidents whose source count is stale", `SELECT COUNT(*) FROM incidents i WHERE i.sources <> (SELECT COUNT(DISTINCT CASE WHEN d.copy_of = '' THEN d.id ELSE d.copy_of END)
		FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.incident_id = i.id)`},
}

// Check implements dossier.Maintainer.
func (s *DB) Check(ctx context.Context) ([]string, error) {
	var problems []string
	for _, inv := range invariants {
		var n int
		if err := s.queryRow(ctx, inv.query).Scan(&n); err != nil {
			return nil, s.wrap("check", err)
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%d %s", n, inv.rule))
		}
	}
	p, err := s.d.CheckSearch(ctx, s.db)
	if err != nil {
		return nil, s.wrap("check search index", err)
	}
	return append(problems, p...), nil
}
