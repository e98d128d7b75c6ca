package sqlstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/resolve"
)

// undatedDay is the sort_day of an incident without a date: after every
// dated one when newest come first.
const undatedDay = -1000000

// candidateLimit bounds the incidents compared with one report.
const candidateLimit = 400

// incidentCandidates returns the incidents a report could belong to: those
// dated within a day or two of it, those with a coarse date around it, and
// those whose text shares its name, place or targets.
func (s *DB) incidentCandidates(ctx context.Context, q reader, f resolve.Features) ([]resolve.Candidate, error) {
	cs, err := s.incidentCandidatesOf(ctx, q, []resolve.Features{f})
	if err != nil {
		return nil, err
	}
	return cs[0], nil
}

// candidatePart is one of the queries incidentCandidates makes of a
// report: it selects t.id and t.signature, in its order.
type candidatePart struct {
	probe int
	Stmt
}

// incidentCandidatesOf is incidentCandidates of several reports at once:
// their queries go to the database together (Tx.queryEach: one round trip
// for them all on PostgreSQL) when q is a transaction.
func (s *DB) incidentCandidatesOf(ctx context.Context, q reader, fs []resolve.Features) ([][]resolve.Candidate, error) {
	var parts []candidatePart
	for i, f := range fs {
		parts = s.candidateParts(parts, i, f)
	}
	out := make([][]resolve.Candidate, len(fs))
	seen := make([]map[string]bool, len(fs))
	each := func(j int, scan func(dest ...any) error) error {
		var id string
		var sig []byte
		if err := scan(&id, &sig); err != nil {
			return err
		}
		i := parts[j].probe
		if seen[i] == nil {
			seen[i] = map[string]bool{}
		}
		if seen[i][id] {
			return nil
		}
		seen[i][id] = true
		c := resolve.Candidate{ID: id, Sig: &resolve.Signature{}}
		_ = unpack(sig, c.Sig)
		out[i] = append(out[i], c)
		return nil
	}
	qs := make([]Stmt, len(parts))
	for j, p := range parts {
		qs[j] = p.Stmt
	}
	if err := s.queryEach(ctx, q, qs, each); err != nil {
		return nil, fmt.Errorf("incident candidates: %w", err)
	}
	return out, nil
}

// rowsOf runs a query (placeholders ?) on q, handing each row to each:
// through queryEach.
func (s *DB) rowsOf(ctx context.Context, q reader, query string, args []any, each func(scan func(dest ...any) error) error) error {
	return s.queryEach(ctx, q, []Stmt{{Query: query, Args: args}}, func(_ int, scan func(dest ...any) error) error { return each(scan) })
}

// queryEach runs the queries (placeholders ?) on q, handing each row of
// the query qs[i] to each(i, scan): in one round trip when q is a
// transaction of a Batcher (Tx.queryEach), else one after the other.
func (s *DB) queryEach(ctx context.Context, q reader, qs []Stmt, each func(i int, scan func(dest ...any) error) error) error {
	if tx, ok := q.(*Tx); ok && tx.batcher != nil {
		return tx.queryEach(ctx, qs, each)
	}
	for i, st := range qs {
		rows, err := q.QueryContext(ctx, s.rebind(st.Query), st.Args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := each(i, rows.Scan); err != nil {
				rows.Close()
				return err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// candidateParts appends the queries of one report's candidates.
func (s *DB) candidateParts(parts []candidatePart, probe int, f resolve.Features) []candidatePart {
	add := func(query string, args ...any) {
		parts = append(parts, candidatePart{probe: probe, Stmt: Stmt{Query: query, Args: args}})
	}
	country := ""
	if f.Country != "" {
		country = ` AND (t.country = ? OR t.country = '')`
	}
	withCountry := func(args ...any) []any {
		if f.Country != "" {
			return append(args, f.Country)
		}
		return args
	}
	if f.Dated {
		// A coarse report ("2022") against day-dated incidents: the
		// country must agree, or the window would hold too many.
		if f.DayHi-f.DayLo <= 31 || f.Country != "" {
			add(`SELECT t.id, t.signature FROM incidents t WHERE t.sort_day BETWEEN ? AND ? AND t.day_hi >= ?`+country+` ORDER BY t.n LIMIT ?`,
				append(withCountry(int64(f.DayLo-2), int64(f.DayHi+2), int64(f.DayLo-2)), candidateLimit)...)
		}
		add(`SELECT t.id, t.signature FROM incidents t WHERE t.coarse_date = 1 AND t.sort_day BETWEEN ? AND ? AND t.day_hi >= ?`+country+` ORDER BY t.n LIMIT ?`,
			append(withCountry(int64(f.DayLo-1100), int64(f.DayHi+1), int64(f.DayLo-1)), candidateLimit)...)
	}
	if !f.Dated && f.Country != "" {
		// An undated report can only join a dated incident of its country
		// (resolve.PlaceUndated): look there for its place, its name and
		// its targets, each of which must be there in full, then for any
		// word of its title.
		var keys [][]string
		keys = append(keys, names.Tokens(f.Place))
		if f.Name != "" {
			keys = append(keys, strings.Fields(f.Name))
		}
		for i, t := range f.TargetNames {
			if i < 3 {
				keys = append(keys, names.Tokens(t))
			}
		}
		q := `SELECT t.id, t.signature FROM incidents t WHERE t.country = ? AND t.sort_day > ? AND ` + s.d.SearchCond("incidents") +
			` ORDER BY t.n DESC LIMIT ?`
		for i, k := range append(keys, f.Words) {
			var words []string
			for _, w := range k {
				if !isNumber(w) {
					words = append(words, w)
				}
			}
			if len(words) == 0 {
				continue
			}
			add(q, f.Country, int64(undatedDay), s.d.SearchQuery(words, i == len(keys)), candidateLimit)
		}
		return parts
	}
	// By wording: the name's words, the place and the targets.
	var words []string
	for _, w := range f.Words {
		if !isNumber(w) {
			words = append(words, w)
		}
	}
	words = append(words, strings.Fields(f.Place)...)
	if len(words) > 0 {
		from, where, order := s.d.Search("incidents", false)
		query := `SELECT t.id, t.signature FROM ` + from + ` WHERE ` + where
		args := []any{s.d.SearchQuery(words, true)}
		if f.Dated {
			query += ` AND t.sort_day = ?`
			args = append(args, int64(undatedDay))
		}
		add(query+` ORDER BY `+order+` LIMIT 50`, args...)
	}
	return parts
}

func isNumber(w string) bool {
	_, err := strconv.Atoi(w)
	return err == nil
}

// storedReport is a report read back with its document.
type storedReport struct {
	resolve.Report
	score  float64
	reason string
	roles  []roleRef
	text   []byte // of its document, which its evidence offsets index
}

const reportCols = `r.id, r.main, r.data, r.actors, r.score, r.reason, d.id, d.path, d.title, d.source, d.published, d.copy_of, d.language, ` + textCol

func scanReport(scan func(dest ...any) error) (storedReport, error) {
	var r storedReport
	var main int
	var data, actors []byte
	var src string
	if err := scan(&r.ID, &main, &data, &actors, &r.score, &r.reason, &r.Doc.DocumentID, &r.Doc.Path, &r.Doc.Title,
		&src, &r.Doc.Published, &r.Doc.CopyOf, &r.Doc.Language, &r.text); err != nil {
		return r, err
	}
	r.Main = main != 0
	r.Incident = &dossier.Incident{}
	var err error
	if r.roles, err = decodeReport(data, actors, r.text, r.Incident); err != nil {
		return r, fmt.Errorf("report %s: %w", r.ID, err)
	}
	r.Doc.Source = strPtr(src)
	r.Group = r.Doc.DocumentID
	if r.Doc.CopyOf != "" {
		r.Group = r.Doc.CopyOf
	}
	return r, nil
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *DB) reportsOf(ctx context.Context, q reader, incidentID string) ([]storedReport, error) {
	var out []storedReport
	err := s.rowsOf(ctx, q, `SELECT `+reportCols+` FROM reports r JOIN documents d ON d.id = r.doc_id
		WHERE r.incident_id = ? ORDER BY d.id, r.ord`, []any{incidentID}, func(scan func(dest ...any) error) error {
		r, err := scanReport(scan)
		if err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read reports: %w", err)
	}
	return out, nil
}

// reconcileIncident recomputes an incident from its reports and reviews;
// an incident left without reports is deleted. It reports whether the
// incident still exists.
//
// When actors is not nil, the actors the incident now names are added to
// it (what incident_actors holds of it afterwards).
func (s *DB) reconcileIncident(ctx context.Context, tx *Tx, id string, actors map[string]bool) (bool, error) {
	reports, err := s.reportsOf(ctx, tx, id)
	if err != nil {
		return false, err
	}
	if len(reports) == 0 {
		for _, q := range []string{`DELETE FROM incidents WHERE id = ?`, `DELETE FROM incident_actors WHERE incident_id = ?`,
			`DELETE FROM incident_weapons WHERE incident_id = ?`} {
			if err := tx.exec(ctx, q, id); err != nil {
				return false, fmt.Errorf("delete incident: %w", err)
			}
		}
		return false, nil
	}
	reviews, err := tx.reviewsOf(ctx, []string{id})
	if err != nil {
		return false, err
	}
	in := make([]resolve.Report, len(reports))
	texts := map[string][]byte{}
	for i, r := range reports {
		in[i] = r.Report
		texts[r.Doc.DocumentID] = r.text
	}
	rc := resolve.Reconcile(id, in, reviews)
	sum := &rc.Summary
	var dayLo, dayHi any
	sortDay, coarse := int64(undatedDay), 0
	if lo, hi, ok := resolve.DateDays(sum.Date); ok {
		dayLo, dayHi, sortDay = int64(lo), int64(hi), int64(lo)
		if hi-lo > 2 {
			coarse = 1
		}
	}
	country := ""
	if sum.Location != nil {
		country = names.Fold(sum.Location.Country)
	}
	fat := -1
	if sum.Fatalities != nil {
		fat = sum.Fatalities.Min
	}
	label := strings.Trim(resolve.DateString(sum.Date)+", "+resolve.LocationString(sum.Location), ", ")
	text := []string{sum.Title, label, sum.Type, sum.SubType}
	for _, fv := range rc.Fields {
		if fv.Field == "title" || fv.Field == "location" {
			for _, v := range fv.Values {
				text = append(text, v.Value)
			}
		}
	}
	for _, l := range [][]string{sum.Weapons, sum.Targets, sum.Perpetrators, sum.Accused, sum.PartOf} {
		text = append(text, l...)
	}
	if sum.Location != nil {
		text = append(text, sum.Location.Admin1)
	}
	// a statement whose result is not read (held back on PostgreSQL): the
	// rows below take the incident's n from the table
	err = tx.exec(ctx, `
		INSERT INTO incidents (id, title, title_key, label, day_lo, day_hi, sort_day, coarse_date, country, type, sub_type,
			fatalities, sources, record, signature, search, kind)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_key = excluded.title_key, label = excluded.label,
			day_lo = excluded.day_lo, day_hi = excluded.day_hi, sort_day = excluded.sort_day, coarse_date = excluded.coarse_date,
			country = excluded.country, type = excluded.type, sub_type = excluded.sub_type, fatalities = excluded.fatalities,
			sources = excluded.sources, record = excluded.record, signature = excluded.signature,
			search = excluded.search, kind = excluded.kind`,
		id, sum.Title, names.Fold(sum.Title), label, dayLo, dayHi, sortDay, coarse, country, names.Fold(sum.Type), names.Fold(sum.SubType),
		fat, sum.SourceCount, encodeSummary(sum, texts), pack(rc.Signature), names.Fold(strings.Join(text, " ")), sum.Kind)
	if err != nil {
		return false, fmt.Errorf("write incident: %w", err)
	}
	if err := tx.exec(ctx, `DELETE FROM incident_actors WHERE incident_id = ?`, id); err != nil {
		return false, err
	}
	var all []roleRef
	for _, r := range reports {
		all = append(all, r.roles...)
	}
	// one statement for the actors, one for the weapons; each row takes
	// the incident's n from the table (by its unique id: a lookup, as long
	// as the planner's statistics know the table's size, which autovacuum
	// keeps up as each document commits; a generator writing 20,000
	// incidents in one transaction of an unanalyzed table is not served
	// so, and keeps RETURNING)
	const rowN = `(SELECT n FROM incidents WHERE id = ?)`
	var rows [][]any
	for _, ar := range joinRoles(all) {
		rows = append(rows, []any{id, ar.id, ar.roles, sortDay, id})
		if actors != nil {
			actors[ar.id] = true
		}
	}
	if err := tx.insertRows(ctx, `INSERT INTO incident_actors (incident_id, actor_id, roles, sort_day, incident_n) VALUES `,
		`(?, ?, ?, ?, `+rowN+`)`, rows); err != nil {
		return false, fmt.Errorf("write incident actors: %w", err)
	}
	if err := tx.exec(ctx, `DELETE FROM incident_weapons WHERE incident_id = ?`, id); err != nil {
		return false, err
	}
	rows = nil
	wseen := map[string]bool{}
	for _, wp := range sum.Weapons {
		k := resolve.WeaponKey(wp)
		if k == "" || wseen[k] {
			continue
		}
		wseen[k] = true
		rows = append(rows, []any{id, k, sortDay, id})
	}
	if err := tx.insertRows(ctx, `INSERT INTO incident_weapons (incident_id, weapon, sort_day, incident_n) VALUES `,
		`(?, ?, ?, `+rowN+`)`, rows); err != nil {
		return false, fmt.Errorf("write incident weapons: %w", err)
	}
	return true, nil
}

// incidentSorts maps a sort name to its column, direction and key type.
var incidentSorts = map[string]incidentSort{
	dossier.SortDateDesc:   {"sort_day", true, false},
	dossier.SortDateAsc:    {"sort_day", false, false},
	dossier.SortSources:    {"sources", true, false},
	dossier.SortFatalities: {"fatalities", true, false},
	dossier.SortTitle:      {"title_key", false, true},
}

type incidentSort struct {
	col  string
	desc bool
	str  bool
}

// acledTypes are the six event types; any other --type is a sub-type.
var acledTypes = map[string]bool{"battles": true, "explosions remote violence": true, "violence against civilians": true,
	"protests": true, "riots": true, "strategic developments": true}

// incidentQuery builds the WHERE clause of an incident filter, leaving out
// the actor and weapon, which eachIncident may turn into the table it
// scans: the actors' and weapons' date-ordered indexes find the newest
// incidents of a popular actor as fast as those of a rare one.
func (s *DB) incidentQuery(ctx context.Context, f dossier.IncidentFilter) (where []string, args []any, actors []string, empty bool, err error) {
	if !f.IncludeMentions {
		where, args = append(where, `t.kind <> ?`), append(args, dossier.IncidentMention)
	}
	if f.From != "" {
		d, ok := resolve.Day(f.From, false)
		if !ok {
			return nil, nil, nil, false, fmt.Errorf("%w: --from %q: want YYYY, YYYY-MM or YYYY-MM-DD", dossier.ErrInvalid, f.From)
		}
		where, args = append(where, `t.day_hi >= ?`), append(args, int64(d))
	}
	if f.To != "" {
		d, ok := resolve.Day(f.To, true)
		if !ok {
			return nil, nil, nil, false, fmt.Errorf("%w: --to %q: want YYYY, YYYY-MM or YYYY-MM-DD", dossier.ErrInvalid, f.To)
		}
		if from, ok := resolve.Day(f.From, false); ok && f.From != "" && from > d {
			return nil, nil, nil, false, fmt.Errorf("%w: from %s is after to %s", dossier.ErrInvalid, f.From, f.To)
		}
		where, args = append(where, `t.sort_day <= ? AND t.sort_day > ?`), append(args, int64(d), int64(undatedDay))
	}
	if f.Country != "" {
		where, args = append(where, `t.country = ?`), append(args, names.Fold(f.Country))
	}
	if f.Type != "" {
		col := `t.sub_type`
		if acledTypes[names.Fold(f.Type)] {
			col = `t.type`
		}
		where, args = append(where, col+` = ?`), append(args, names.Fold(f.Type))
	}
	if f.Actor != "" {
		ids, err := s.actorIDs(ctx, f.Actor)
		if err != nil {
			return nil, nil, nil, false, err
		}
		if len(ids) == 0 {
			return nil, nil, nil, true, nil
		}
		actors = ids
	}
	if f.Text != "" {
		words := names.Tokens(f.Text)
		if len(words) == 0 {
			return nil, nil, nil, true, nil
		}
		// each word a prefix, written as the words it begins where the
		// dialect knows them: the same matches, found without merging
		// every match of a common prefix first
		q, err := s.d.PrefixQuery(ctx, s.db, "incidents", words)
		if err != nil {
			return nil, nil, nil, false, s.wrap("list incidents", err)
		}
		where, args = append(where, s.d.SearchCond("incidents")), append(args, q)
	}
	return where, args, actors, false, nil
}

// incidentScope is the canonical form of the filters that choose and
// order incidents, for cursors (see cursor.go).
func incidentScope(f dossier.IncidentFilter) string {
	sort := f.Sort
	if sort == "" {
		sort = dossier.SortDateDesc
	}
	return scope("incidents", f.From, f.To, names.Fold(f.Country), names.Fold(f.Type), strings.TrimSpace(f.Actor),
		resolve.WeaponKey(f.Weapon), strings.Join(names.Tokens(f.Text), " "), fmt.Sprint(f.IncludeMentions), sort)
}

// countCap bounds how many rows a list's total counts: beyond it the
// total is that many and flagged as an estimate. Counting reads every
// matching row, so the cap is the cost of a total: at 10,000 a list of a
// common country or actor spent 100 ms of a 200,000-incident store
// counting; at 1,000 it spends a tenth of it, and "1,000+" tells a reader
// as much as "10,000+" does.
const countCap = 1000

// countRows counts the rows of from that match where, up to countCap.
func (s *DB) countRows(ctx context.Context, from string, where []string, args []any) (dossier.PageInfo, error) {
	q := `SELECT 1 FROM ` + from
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM (`+q+` LIMIT ?) x`, append(append([]any{}, args...), countCap+1)...).Scan(&n)
	if err != nil {
		return dossier.PageInfo{}, s.wrap("count", err)
	}
	if n > countCap {
		return dossier.PageInfo{Total: countCap, TotalIsEstimate: true}, nil
	}
	return dossier.PageInfo{Total: n}, nil
}

// Incidents implements dossier.IncidentReader.
func (s *DB) Incidents(ctx context.Context, f dossier.IncidentFilter) (dossier.IncidentPage, error) {
	page := dossier.IncidentPage{Incidents: []dossier.IncidentSummary{}}
	limit := f.Limit
	if limit == 0 {
		limit = 50
	}
	sc, err := s.incidentScan(ctx, f)
	if err != nil {
		return page, err
	}
	scope := incidentScope(f)
	var cur *cursor
	if f.Cursor != "" {
		c, err := s.openCursor(scope, f.Cursor)
		if err != nil {
			return page, fmt.Errorf("list incidents: %w", err)
		}
		cur = &c
	}
	if sc == nil {
		return page, nil
	}
	count := countQuery{sc.from, sc.where, sc.args}
	if sc.count != nil {
		count = *sc.count
	}
	var info dossier.PageInfo
	page.Incidents, page.Next, info, err = paginate(s, scope, cur, limit, func(cur *cursor) ([]dossier.IncidentSummary, []cursor, error) {
		var items []dossier.IncidentSummary
		var at []cursor
		err := s.eachIncident(ctx, sc, cur, limit, func(c cursor, in *dossier.IncidentSummary) error {
			if limit > 0 && len(at) == limit+1 {
				return errStop
			}
			at, items = append(at, c), append(items, *in)
			return nil
		})
		return items, at, err
	})
	if err != nil {
		return page, err
	}
	// The total: where the page came from a probe that found the text
	// common enough to reach the count's cap among countProbeRows rows,
	// a probe counts; otherwise the matches are few enough (under one
	// in 13) for the index to count them fast.
	counted := false
	if sc.probe != nil && sc.probe.share*countProbeRows > 1.5*countCap {
		if page.PageInfo, counted, err = s.probeCount(ctx, sc.probe); err != nil {
			return page, fmt.Errorf("list incidents: %w", err)
		}
	}
	if !counted {
		if page.PageInfo, err = s.countRows(ctx, count.from, count.where, count.args); err != nil {
			return page, fmt.Errorf("list incidents: %w", err)
		}
	}
	page.Prev = info.Prev
	return page, nil
}

// EachIncident implements dossier.IncidentReader.
func (s *DB) EachIncident(ctx context.Context, f dossier.IncidentFilter, fn func(*dossier.IncidentSummary) error) error {
	limit := f.Limit
	if limit == 0 {
		limit = -1
	}
	sc, err := s.incidentScan(ctx, f)
	if err != nil {
		return err
	}
	var cur *cursor
	if f.Cursor != "" {
		c, err := s.openCursor(incidentScope(f), f.Cursor)
		if err != nil {
			return fmt.Errorf("list incidents: %w", err)
		}
		if c.Back {
			return fmt.Errorf("list incidents: %w: a previous-page cursor pages one page at a time", dossier.ErrInvalid)
		}
		cur = &c
	}
	if sc == nil {
		return nil
	}
	n := 0
	return s.eachIncident(ctx, sc, cur, limit, func(_ cursor, in *dossier.IncidentSummary) error {
		n++
		if limit > 0 && n > limit {
			return errStop
		}
		return fn(in)
	})
}

var errStop = fmt.Errorf("stop")

// incidentScan is the query of an incident filter: what it scans, the
// sort and the conditions.
type incidentScan struct {
	from, sortCol, tieCol string
	// key, when set, is one integer in the order of (sortCol, tieCol):
	// the rowid of the dialect's DayIndex (see dayKey).
	key   string
	so    incidentSort
	where []string
	args  []any
	// count, when set, counts the same rows as from and where, faster.
	count *countQuery
	// probe, when set, is the text condition apart from the others.
	probe *textProbe
}

// countQuery is what countRows counts.
type countQuery struct {
	from  string
	where []string
	args  []any
}

// DayKey is day_key, the rowid of the dialect's DayIndex (SQLite
// migration 0009): an incident's (kind is mention, sort_day, n) as one
// integer, which orders the incidents by date and then n, the mentions
// above all others.
func DayKey(sortDay, n int64, mention bool) int64 {
	k := (sortDay+dayKeyOffset)<<dayKeyShift + n
	if mention {
		k += dayKeyMention
	}
	return k
}

const (
	dayKeyShift   = 40      // n < 2^40
	dayKeyOffset  = 1 << 21 // |sort_day| < 2^21 (days since 1970; undatedDay)
	dayKeyMention = 1 << 62 // mentions above every other incident
)

// incidentScan builds the query of a filter; nil when nothing can match.
func (s *DB) incidentScan(ctx context.Context, f dossier.IncidentFilter) (*incidentScan, error) {
	sortName := f.Sort
	if sortName == "" {
		sortName = dossier.SortDateDesc
	}
	so, ok := incidentSorts[sortName]
	if !ok {
		return nil, fmt.Errorf("list incidents: %w: unknown sort %q", dossier.ErrInvalid, f.Sort)
	}
	where, args, actors, empty, err := s.incidentQuery(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("list incidents: %w", err)
	}
	if empty {
		return nil, nil
	}
	textAt, textArg := -1, -1 // the text condition and its argument, last of incidentQuery's
	if f.Text != "" {
		textAt, textArg = len(where)-1, len(args)-1
	}
	// What to scan: the incidents, or, sorting by date, the date-ordered
	// index of the actor's (or weapon's) incidents.
	from, sortCol, tieCol := `incidents t`, `t.`+so.col, `t.n`
	weapon := resolve.WeaponKey(f.Weapon)
	byDate := so.col == "sort_day"
	if idx := s.d.DayIndex(); idx != "" && byDate && f.Text != "" && len(actors) == 0 && !f.IncludeMentions {
		return s.dayScan(ctx, f, idx, so, weapon)
	}
	switch {
	case byDate && len(actors) == 1:
		from, sortCol, tieCol = `incident_actors d JOIN incidents t ON t.n = d.incident_n`, `d.sort_day`, `d.incident_n`
		where, args = append(where, `d.actor_id = ?`), append(args, actors[0])
	case byDate && len(actors) == 0 && weapon != "":
		from, sortCol, tieCol = `incident_weapons d JOIN incidents t ON t.n = d.incident_n`, `d.sort_day`, `d.incident_n`
		where, args = append(where, `d.weapon = ?`), append(args, weapon)
		weapon = ""
	case len(actors) > 0:
		where = append(where, `t.n IN (SELECT incident_n FROM incident_actors WHERE actor_id IN (`+placeholders(len(actors))+`))`)
		args = append(args, anySlice(actors)...)
	}
	switch {
	case weapon != "" && sortCol == `d.sort_day`:
		// the scanned index row holds the incident's day and number: the
		// weapon's index answers for it without reading the incident
		where, args = append(where, `EXISTS (SELECT 1 FROM incident_weapons w WHERE w.weapon = ? AND w.sort_day = d.sort_day AND w.incident_n = d.incident_n)`), append(args, weapon)
	case weapon != "":
		where, args = append(where, `EXISTS (SELECT 1 FROM incident_weapons w WHERE w.incident_id = t.id AND w.weapon = ?)`), append(args, weapon)
	}
	if sortCol == `d.sort_day` && f.To != "" {
		// The same bound on the scanned index, so that it starts there.
		if d, ok := resolve.Day(f.To, true); ok {
			where, args = append(where, `d.sort_day <= ?`), append(args, int64(d))
		}
	}
	sc := &incidentScan{from: from, sortCol: sortCol, tieCol: tieCol, so: so, where: where, args: args}
	if textAt < 0 || from != `incidents t` || s.d.DayIndex() != "" {
		return sc, nil
	}
	// A full-text index that gives every match before the first
	// (PostgreSQL's GIN): the page comes from a probe of the first rows
	// in the list's order when the text is common, and otherwise from the
	// matches gathered through the index, then sorted (SearchRest; left
	// to itself, the planner may walk the list's order testing each row
	// for words it wrongly deems common together).
	p := &textProbe{text: where[textAt], textArg: args[textArg]}
	p.where = append(append([]string{}, where[:textAt]...), where[textAt+1:]...)
	p.args = append(append([]any{}, args[:textArg]...), args[textArg+1:]...)
	gather, _, _ := s.d.SearchRest("incidents", false)
	sc.from, sc.where, sc.args = gather, p.where, append([]any{p.textArg}, p.args...)
	limit := f.Limit // a page; a listing of all reads batches of 500
	if limit <= 0 {
		limit = 50
	}
	q, _ := p.textArg.(string)
	if _, _, _, newest := s.d.SearchNewest(ctx, s.db, "incidents", false, q, limit+1); newest {
		sc.probe = p
	}
	return sc, nil
}

// textProbe is a text-filtered list's condition apart from its other
// conditions, for dialects whose full-text index gives every match
// before the first (SearchNewest, which also says when the text is too
// rare for a probe to be worth it): a common word's matches are then
// looked for among the first rows of the list's order (probeRows for a
// page, countProbeRows for its total), and the index is asked only when
// they are too few there, which means the matches are few in all.
type textProbe struct {
	where   []string
	args    []any
	text    string
	textArg any
	// share is, when a probe gave a list's first batch, the share of
	// the rows it read that matched the text.
	share float64
}

// probeRows and countProbeRows are how many rows a probe reads: a word
// in one incident of a hundred fills a page of 50 among 5,000; one in
// 20 reaches the count's cap among 20,000 (about 10 ms at 1,000,000
// incidents on PostgreSQL, where the GIN index takes 40-100 ms to give
// the 30,000-300,000 matches of such words).
const (
	probeRows      = 5000
	countProbeRows = 20000
)

// probeCount counts a text-filtered list's matches among countProbeRows
// rows: ok when they reach the count's cap.
func (s *DB) probeCount(ctx context.Context, p *textProbe) (dossier.PageInfo, bool, error) {
	q := `SELECT t.tsv FROM incidents t`
	if len(p.where) > 0 {
		q += ` WHERE ` + strings.Join(p.where, ` AND `)
	}
	q = `SELECT COUNT(*) FROM (SELECT 1 FROM (` + q + ` LIMIT ?) t WHERE ` + p.text + ` LIMIT ?) x`
	var n int
	args := append(append([]any{}, p.args...), countProbeRows, p.textArg, countCap+1)
	if err := s.queryRow(ctx, q, args...).Scan(&n); err != nil {
		return dossier.PageInfo{}, false, s.wrap("count", err)
	}
	if n > countCap {
		return dossier.PageInfo{Total: countCap, TotalIsEstimate: true}, true, nil
	}
	return dossier.PageInfo{}, false, nil
}

// dayScan is the query of a filter with text, sorted by date, where the
// dialect has a full-text index in date order: the index gives the
// matches in the list's order, so the query stops at the page instead of
// sorting every match (a common word matches a third of the incidents).
// The mentions, above the others in the index's order, are left out by a
// bound on it; when the text is the only condition, the index alone
// counts the matches.
func (s *DB) dayScan(ctx context.Context, f dossier.IncidentFilter, idx string, so incidentSort, weapon string) (*incidentScan, error) {
	g := f
	g.Text, g.IncludeMentions, g.Actor = "", true, ""
	rest, restArgs, _, _, err := s.incidentQuery(ctx, g)
	if err != nil {
		return nil, fmt.Errorf("list incidents: %w", err)
	}
	match, err := s.d.DayQuery(ctx, s.db, names.Tokens(f.Text))
	if err != nil {
		return nil, s.wrap("list incidents", err)
	}
	where := []string{idx + ` MATCH ?`, `f.rowid < ?`}
	args := []any{match, int64(dayKeyMention)}
	if f.To != "" {
		// The same bound on the index, so that it starts there.
		if d, ok := resolve.Day(f.To, true); ok {
			args[1] = DayKey(int64(d)+1, 0, false)
		}
	}
	if len(rest) == 0 && weapon == "" {
		return &incidentScan{from: idx + ` f JOIN incidents t ON t.n = f.rowid & ` + fmt.Sprint(int64(1)<<dayKeyShift-1),
			sortCol: `t.sort_day`, tieCol: `t.n`, key: `f.rowid`, so: so, where: where, args: args,
			count: &countQuery{from: idx + ` f`, where: where, args: args}}, nil
	}
	where, args = append(where, rest...), append(args, restArgs...)
	if weapon != "" {
		where, args = append(where, `EXISTS (SELECT 1 FROM incident_weapons w WHERE w.incident_id = t.id AND w.weapon = ?)`), append(args, weapon)
	}
	return &incidentScan{from: idx + ` f JOIN incidents t ON t.n = f.rowid & ` + fmt.Sprint(int64(1)<<dayKeyShift-1),
		sortCol: `t.sort_day`, tieCol: `t.n`, key: `f.rowid`, so: so, where: where, args: args}, nil
}

// eachIncident runs the filtered, sorted query from a position (after it,
// or before it and backwards for a previous-page cursor), in batches so
// that a long listing holds no read transaction open for long. With a
// limit, it reads limit + 1 rows at most (a page and whether there is
// another): each batch is decoded whole, its evidence texts read at once.
func (s *DB) eachIncident(ctx context.Context, sc *incidentScan, cur *cursor, limit int, fn func(cursor, *dossier.IncidentSummary) error) error {
	so := sc.so
	desc := so.desc
	if cur != nil && cur.Back {
		desc = !desc
	}
	dir, cmp := "ASC", ">"
	if desc {
		dir, cmp = "DESC", "<"
	}
	sent := 0
	for {
		batch := 500
		if limit > 0 {
			if sent >= limit+1 {
				return nil
			}
			batch = min(batch, limit+1-sent)
		}
		where := func(conds []string, args []any) ([]string, []any) {
			w, a := append([]string{}, conds...), append([]any{}, args...)
			switch {
			case cur != nil && sc.key != "":
				w, a = append(w, sc.key+` `+cmp+` ?`), append(a, DayKey(cur.K, cur.N, false))
			case cur != nil:
				w = append(w, `(`+sc.sortCol+`, `+sc.tieCol+`) `+cmp+` (?, ?)`)
				if so.str {
					a = append(a, cur.S, cur.N)
				} else {
					a = append(a, cur.K, cur.N)
				}
			}
			return w, a
		}
		order := ` ORDER BY ` + sc.sortCol + ` ` + dir + `, ` + sc.tieCol + ` ` + dir + ` LIMIT ?`
		if sc.key != "" {
			order = ` ORDER BY ` + sc.key + ` ` + dir + ` LIMIT ?`
		}
		var cs []cursor
		var recs [][]byte
		var err error
		if p := sc.probe; p != nil && sent == 0 {
			// the first probeRows rows of the list's order without
			// the text, then the text: when they hold a batch, it is the
			// list's first
			w, a := where(p.where, p.args)
			// rn: the row's place in the walk, which tells how common
			// the text is (for the count)
			q := `SELECT t.n, t.` + so.col + `, t.record, t.tsv, row_number() OVER (` + strings.TrimSuffix(order, ` LIMIT ?`) + `) AS rn FROM incidents t`
			if len(w) > 0 {
				q += ` WHERE ` + strings.Join(w, ` AND `)
			}
			q = `SELECT t.n, t.` + so.col + `, t.record, t.rn FROM (` + q + order + `) t WHERE ` + p.text + order
			a = append(a, probeRows, p.textArg, batch)
			var read int64
			if cs, recs, err = s.scanIncidentRows(ctx, q, a, so.str, &read); err != nil {
				return err
			}
			if len(cs) < batch {
				cs, recs = nil, nil
			} else {
				p.share = float64(len(cs)) / float64(max(read, 1))
			}
		}
		if cs == nil {
			w, a := where(sc.where, sc.args)
			q := `SELECT t.n, t.` + so.col + `, t.record FROM ` + sc.from
			if len(w) > 0 {
				q += ` WHERE ` + strings.Join(w, ` AND `)
			}
			if cs, recs, err = s.scanIncidentRows(ctx, q+order, append(a, batch), so.str, nil); err != nil {
				return err
			}
		}
		got := len(cs)
		ins, err := s.readSummaries(ctx, s.db, recs)
		if err != nil {
			return s.wrap("list incidents", err)
		}
		sent += len(cs)
		for i, c := range cs {
			c.Back = cur != nil && cur.Back
			cc := c
			cur = &cc
			c.Back = false
			if err := fn(c, &ins[i]); err != nil {
				if err == errStop {
					return nil
				}
				return err
			}
		}
		if got < batch {
			return nil
		}
	}
}

// scanIncidentRows runs a list's query, whose rows are n, the sort
// column and the record, and, with last, a number of which it keeps the
// last row's.
func (s *DB) scanIncidentRows(ctx context.Context, q string, args []any, str bool, last *int64) ([]cursor, [][]byte, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, nil, s.wrap("list incidents", err)
	}
	defer rows.Close()
	var cs []cursor
	var recs [][]byte
	for rows.Next() {
		var c cursor
		var key any
		var rec []byte
		if str {
			key = &c.S
		} else {
			key = &c.K
		}
		dest := []any{&c.N, key, &rec}
		if last != nil {
			dest = append(dest, last)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, s.wrap("list incidents", err)
		}
		cs, recs = append(cs, c), append(recs, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, s.wrap("list incidents", err)
	}
	return cs, recs, nil
}

// Incident implements dossier.IncidentReader.
func (s *DB) Incident(ctx context.Context, id string) (*dossier.IncidentDetail, error) {
	var rec []byte
	var country string
	var sortDay, n int64
	err := s.queryRow(ctx, `SELECT record, country, sort_day, n FROM incidents WHERE id = ?`, id).Scan(&rec, &country, &sortDay, &n)
	if isNoRows(err) {
		// a retired id: the incident that took its reports
		var to string
		if rerr := s.queryRow(ctx, `SELECT new_id FROM incident_redirects WHERE old_id = ?`, id).Scan(&to); rerr == nil && to != id {
			id = to
			err = s.queryRow(ctx, `SELECT record, country, sort_day, n FROM incidents WHERE id = ?`, id).Scan(&rec, &country, &sortDay, &n)
		}
	}
	if isNoRows(err) {
		return nil, notFound("incident", id)
	}
	if err != nil {
		return nil, s.wrap("read incident", err)
	}
	d := &dossier.IncidentDetail{}
	sums, err := s.readSummaries(ctx, s.db, [][]byte{rec})
	if err != nil {
		return nil, s.wrap("read incident "+id, err)
	}
	d.IncidentSummary = sums[0]
	reports, err := s.reportsOf(ctx, s.db, id)
	if err != nil {
		return nil, s.wrap("read incident", err)
	}
	actorIDs := map[string]string{}
	ids := []string{id}
	var rin []resolve.Report
	d.Reports = []dossier.IncidentReport{}
	for _, r := range reports {
		d.Reports = append(d.Reports, dossier.IncidentReport{ID: r.ID, Document: r.Doc, Main: r.Main, Incident: *r.Incident, Reason: r.reason, Score: r.score})
		for _, role := range r.roles {
			actorIDs[names.Fold(role.Name)] = role.ID
		}
		ids = append(ids, r.ID)
		rin = append(rin, r.Report)
	}
	claims, err := s.claimsOf(ctx, id)
	if err != nil {
		return nil, err
	}
	if d.Statements, err = s.statements(ctx, `r.incident_id = ?`, id, 500); err != nil {
		return nil, err
	}
	d.Claims = resolve.Ledger(resolve.LedgerInput{Reports: rin, Claims: claims, Statements: d.Statements, ActorIDs: actorIDs})
	if d.Claims == nil {
		d.Claims = []dossier.LedgerEntry{}
	}
	if d.Actors, err = s.incidentActors(ctx, id); err != nil {
		return nil, err
	}
	if d.Before, d.After, err = s.neighbours(ctx, country, sortDay, n); err != nil {
		return nil, err
	}
	if d.Reviews, err = s.reviewsOf(ctx, s.db, ids); err != nil {
		return nil, s.wrap("read incident", err)
	}
	// Every value of every field is computed from the reports on demand:
	// storing it would double the size of the knowledge base.
	d.Fields = resolve.Reconcile(id, rin, d.Reviews).Fields
	if d.History, err = s.history(ctx, id); err != nil {
		return nil, err
	}
	if d.Waiting, err = s.waitingNear(ctx, id); err != nil {
		return nil, err
	}
	return d, nil
}

// history lists an incident's merges and splits, newest first.
func (s *DB) history(ctx context.Context, id string) ([]dossier.IncidentChange, error) {
	rows, err := s.query(ctx, `SELECT action, other, reason, at FROM incident_log WHERE incident_id = ? ORDER BY n DESC LIMIT 100`, id)
	if err != nil {
		return nil, s.wrap("read incident history", err)
	}
	defer rows.Close()
	out := []dossier.IncidentChange{}
	for rows.Next() {
		var c dossier.IncidentChange
		var others string
		if err := rows.Scan(&c.Action, &others, &c.Reason, &c.Time); err != nil {
			return nil, err
		}
		c.Others = strings.Split(others, ",")
		out = append(out, c)
	}
	return out, rows.Err()
}

// waitingNear lists the queued reports that have the incident among their
// nearest candidates. The queue is read first (CROSS JOIN keeps SQLite's
// planner to that order): for ORDER BY d.n it would otherwise walk every
// document looking for queued reports, 0.2 s at 250,000 documents.
func (s *DB) waitingNear(ctx context.Context, id string) ([]dossier.QueuedReport, error) {
	rows, err := s.query(ctx, `SELECT q.report_id, q.reason, q.data, d.id, d.path, d.title, d.source, d.published, d.copy_of, `+textCol+`
		FROM review_queue q CROSS JOIN documents d WHERE d.id = q.doc_id AND q.candidates LIKE ? ORDER BY d.n, q.ord LIMIT 20`,
		`%"incident":"`+id+`"%`)
	if err != nil {
		return nil, s.wrap("read the queue", err)
	}
	defer rows.Close()
	out := []dossier.QueuedReport{}
	for rows.Next() {
		var it dossier.QueuedReport
		var src string
		var data, text []byte
		if err := rows.Scan(&it.ID, &it.Reason, &data, &it.Document.DocumentID, &it.Document.Path, &it.Document.Title,
			&src, &it.Document.Published, &it.Document.CopyOf, &text); err != nil {
			return nil, err
		}
		it.Document.Source = strPtr(src)
		if err := decodeIncident(data, text, &it.Incident); err != nil {
			return nil, fmt.Errorf("report %s: %w", it.ID, err)
		}
		it.Candidates = []dossier.QueueCandidate{}
		out = append(out, it)
	}
	return out, rows.Err()
}

func (s *DB) claimsOf(ctx context.Context, incidentID string) ([]resolve.ClaimRef, error) {
	rows, err := s.query(ctx, `SELECT c.data, c.report_id, c.claimant_id, c.about_id, d.id, d.path, d.title, d.source, d.published, d.copy_of
		FROM claims c JOIN reports r ON r.id = c.report_id JOIN documents d ON d.id = c.doc_id
		WHERE r.incident_id = ? ORDER BY d.id, c.ord`, incidentID)
	if err != nil {
		return nil, s.wrap("read claims", err)
	}
	defer rows.Close()
	var out []resolve.ClaimRef
	for rows.Next() {
		var c resolve.ClaimRef
		var data, src string
		if err := rows.Scan(&data, &c.ReportID, &c.ClaimantID, &c.AboutID, &c.Doc.DocumentID, &c.Doc.Path, &c.Doc.Title, &src,
			&c.Doc.Published, &c.Doc.CopyOf); err != nil {
			return nil, s.wrap("read claims", err)
		}
		c.Doc.Source = strPtr(src)
		if err := unpack([]byte(data), &c.Claim); err != nil {
			return nil, fmt.Errorf("read claims: %w", err)
		}
		c.Group = c.Doc.DocumentID
		if c.Doc.CopyOf != "" {
			c.Group = c.Doc.CopyOf
		}
		out = append(out, c)
	}
	return out, s.wrap("read claims", rows.Err())
}

// statements reads statements joined to their report and document; cond
// is a condition on the report (r) or statement (st) with one argument.
func (s *DB) statements(ctx context.Context, cond, arg string, limit int) ([]dossier.StatementRecord, error) {
	rows, err := s.query(ctx, `SELECT st.data, st.speaker_id, COALESCE(r.incident_id, ''), d.id, d.path, d.title, d.source, d.published, d.copy_of
		FROM statements st LEFT JOIN reports r ON r.id = st.report_id JOIN documents d ON d.id = st.doc_id
		WHERE `+cond+` ORDER BY d.id, st.ord LIMIT ?`, arg, limit)
	if err != nil {
		return nil, s.wrap("read statements", err)
	}
	defer rows.Close()
	out := []dossier.StatementRecord{}
	for rows.Next() {
		var st dossier.StatementRecord
		var data, src string
		if err := rows.Scan(&data, &st.SpeakerID, &st.IncidentID, &st.Document.DocumentID, &st.Document.Path, &st.Document.Title, &src,
			&st.Document.Published, &st.Document.CopyOf); err != nil {
			return nil, s.wrap("read statements", err)
		}
		st.Document.Source = strPtr(src)
		if err := unpack([]byte(data), &st.Statement); err != nil {
			return nil, fmt.Errorf("read statements: %w", err)
		}
		st.Incident = st.IncidentID
		out = append(out, st)
	}
	return out, s.wrap("read statements", rows.Err())
}

func (s *DB) incidentActors(ctx context.Context, id string) ([]dossier.ActorRole, error) {
	rows, err := s.query(ctx, `SELECT ia.actor_id, a.name, a.kind, ia.roles FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
		WHERE ia.incident_id = ? ORDER BY ia.roles, a.name_key, ia.actor_id`, id)
	if err != nil {
		return nil, s.wrap("read incident actors", err)
	}
	defer rows.Close()
	out := []dossier.ActorRole{}
	for rows.Next() {
		var r dossier.ActorRole
		if err := rows.Scan(&r.ActorID, &r.Name, &r.Kind, &r.Role); err != nil {
			return nil, s.wrap("read incident actors", err)
		}
		out = append(out, r)
	}
	return out, s.wrap("read incident actors", rows.Err())
}

// neighbours returns the nearest incidents in time in the same country.
func (s *DB) neighbours(ctx context.Context, country string, sortDay, n int64) (before, after []dossier.IncidentRef, err error) {
	before, after = []dossier.IncidentRef{}, []dossier.IncidentRef{}
	if sortDay == undatedDay {
		return before, after, nil
	}
	if before, err = s.incidentRefs(ctx, `SELECT t.id, t.record FROM incidents t WHERE t.country = ? AND (t.sort_day, t.n) < (?, ?) AND t.sort_day > ?
		AND t.kind <> 'mention' ORDER BY t.sort_day DESC, t.n DESC LIMIT 5`, country, sortDay, n, int64(undatedDay)); err != nil {
		return nil, nil, err
	}
	if after, err = s.incidentRefs(ctx, `SELECT t.id, t.record FROM incidents t WHERE t.country = ? AND (t.sort_day, t.n) > (?, ?)
		AND t.kind <> 'mention' ORDER BY t.sort_day ASC, t.n ASC LIMIT 5`, country, sortDay, n); err != nil {
		return nil, nil, err
	}
	return before, after, nil
}

func (s *DB) incidentRefs(ctx context.Context, q string, args ...any) ([]dossier.IncidentRef, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, s.wrap("read incidents", err)
	}
	defer rows.Close()
	out := []dossier.IncidentRef{}
	for rows.Next() {
		var id, rec string
		if err := rows.Scan(&id, &rec); err != nil {
			return nil, s.wrap("read incidents", err)
		}
		out = append(out, refOf(rec))
	}
	return out, s.wrap("read incidents", rows.Err())
}

// refOf reads an incident reference out of a stored record.
func refOf(rec string) dossier.IncidentRef {
	var in struct {
		ID       string             `json:"id"`
		Title    string             `json:"title"`
		Date     *dossier.DateRange `json:"date"`
		Type     string             `json:"type"`
		Location *struct {
			Country string `json:"country"`
		} `json:"location"`
	}
	_ = unpack([]byte(rec), &in)
	r := dossier.IncidentRef{ID: in.ID, Title: in.Title, Date: in.Date, Type: in.Type}
	if in.Location != nil {
		r.Country = in.Location.Country
	}
	return r
}
