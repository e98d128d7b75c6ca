package resolve

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// Report is one document's account of an incident, as Reconcile reads it.
type Report struct {
	ID  string
	Doc dossier.Source
	// Group is the id of the document this one copies (syndication), or
	// its own id: values are counted once per group.
	Group    string
	Main     bool
	Incident *dossier.Incident
}

// Kind is what the report's incident is to its document: the main
// incident is its event; another keeps the kind extraction gave it, and
// one stored before extraction gave kinds is a reference (it was listed).
func (r Report) Kind() string {
	switch {
	case r.Main:
		return dossier.IncidentEvent
	case r.Incident != nil && r.Incident.Kind != "":
		return r.Incident.Kind
	}
	return dossier.IncidentReference
}

// SourceRole is the role of a document among an incident's sources
// (../shared/spec/kb-output.md) given the kind of its report: it reports
// the incident, refers to it, or mentions it.
func SourceRole(kind string) string {
	switch kind {
	case dossier.IncidentEvent:
		return dossier.RoleReport
	case dossier.IncidentReference:
		return dossier.RoleReference
	}
	return dossier.RoleMention
}

// Reconciled is an incident computed from its reports and reviews.
type Reconciled struct {
	Summary   dossier.IncidentSummary
	Fields    []dossier.FieldValues
	Signature *Signature
}

// Fields of an incident, in the order they are shown.
var Fields = []string{"title", "date", "location", "type", "sub_type", "fatalities", "injuries",
	"weapons", "targets", "perpetrators", "accused", "unidentified", "part_of"}

// IsField reports whether f names an incident field.
func IsField(f string) bool { return contains(Fields, f) }

// optionalFields are listed only when a report or a review gives them.
var optionalFields = map[string]bool{"unidentified": true}

var listFields = map[string]bool{"weapons": true, "targets": true, "perpetrators": true, "accused": true, "unidentified": true, "part_of": true}

// value is one reported value of a field in one report.
type value struct {
	key     string // what makes two values the same
	display string
	typed   any // *DateRange, *Location, *Range, string
	rank    int // precision: higher is finer
	ev      *dossier.Evidence
}

// valuesOf lists a report's values of one field.
func valuesOf(in *dossier.Incident, field string) []value {
	ev := func(v string) *dossier.Evidence { return evidenceFor(in, field, v) }
	switch field {
	case "title":
		if in.Title == "" {
			return nil
		}
		return []value{{key: names.Fold(in.Title), display: in.Title, typed: in.Title, rank: titleRank(in), ev: ev(in.Title)}}
	case "date":
		if in.Date == nil || in.Date.Start == "" {
			return nil
		}
		d := DateString(in.Date)
		return []value{{key: d, display: d, typed: in.Date, rank: precisionRank(in.Date.Precision), ev: ev("")}}
	case "location":
		l := in.Location
		if l == nil || (l.Place == "" && l.Country == "") {
			return nil
		}
		d := LocationString(l)
		r := 2
		if coarse(l.Precision) {
			r = 1
		}
		return []value{{key: names.Fold(d), display: d, typed: l, rank: r, ev: ev("")}}
	case "type":
		if in.Type == "" {
			return nil
		}
		return []value{{key: names.Fold(in.Type), display: in.Type, typed: in.Type, ev: ev("")}}
	case "sub_type":
		if in.SubType == "" {
			return nil
		}
		return []value{{key: names.Fold(in.SubType), display: in.SubType, typed: in.SubType, ev: ev("")}}
	case "fatalities", "injuries":
		r := in.Fatalities
		if field == "injuries" {
			r = in.Injuries
		}
		if r == nil {
			return nil
		}
		d := RangeString(r)
		return []value{{key: d, display: d, typed: r, ev: ev("")}}
	}
	var xs []string
	switch field {
	case "weapons":
		xs = in.Weapons
	case "targets":
		xs = in.Targets
	case "perpetrators":
		xs = in.Perpetrators
	case "accused":
		xs = in.Accused
	case "unidentified":
		xs = in.Unidentified
	case "part_of":
		xs = in.PartOf
	}
	out := make([]value, 0, len(xs))
	for _, x := range xs {
		k := names.Key(x)
		if field == "weapons" {
			k = WeaponKey(x)
		}
		out = append(out, value{key: k, display: x, typed: x, ev: ev(x)})
	}
	return out
}

// evidenceFor finds the evidence of a field's value: the one whose text
// holds the value, else the field's first.
func evidenceFor(in *dossier.Incident, field, v string) *dossier.Evidence {
	var first *dossier.Evidence
	fv := names.Fold(v)
	for i := range in.Evidence {
		e := &in.Evidence[i]
		if e.Field != field && !(field == "sub_type" && e.Field == "type") {
			continue
		}
		if first == nil {
			first = e
		}
		if fv != "" && strings.Contains(names.Fold(e.Text), fv) {
			return e
		}
	}
	return first
}

// titleRank prefers the name of an article about the incident, then a
// name-like title, then a generic one ("attack"); between equals, the title
// of a report that dates the incident, so that an undated report that
// joined it names it in no order of ingest.
// Among titles of equal rank otherwise, one in Latin script wins over one in
// Arabic script: the knowledge base is read in English, and an incident that
// English and Arabic sources report is listed under its English name, the
// Arabic one kept among the title's values.
func titleRank(in *dossier.Incident) int {
	r := 0
	if in.Main {
		r += 8
	}
	if len(contentWords(in.Title)) >= 2 {
		r += 4
	}
	if !names.HasArabic(in.Title) {
		r += 2
	}
	if in.Date != nil {
		r++
	}
	return r
}

func precisionRank(p string) int {
	switch p {
	case dossier.PrecisionDay:
		return 3
	case dossier.PrecisionMonth:
		return 2
	case dossier.PrecisionYear:
		return 1
	}
	return 0
}

// DateString writes a date range: "2021-11-07", "2019 to 2021".
func DateString(d *dossier.DateRange) string {
	if d == nil {
		return ""
	}
	if d.End == "" || d.End == d.Start {
		return d.Start
	}
	return d.Start + " to " + d.End
}

// ParseDate reads what DateString writes.
func ParseDate(s string) (*dossier.DateRange, error) {
	s = strings.TrimSpace(s)
	start, end, ok := strings.Cut(s, " to ")
	if !ok {
		end = start
	}
	start, end = strings.TrimSpace(start), strings.TrimSpace(end)
	if _, ok := Day(start, false); !ok {
		return nil, fmt.Errorf("%w: date %q: want YYYY, YYYY-MM or YYYY-MM-DD", dossier.ErrInvalid, s)
	}
	if _, ok := Day(end, true); !ok || len(end) != len(start) {
		return nil, fmt.Errorf("%w: date %q: want START to END at one precision", dossier.ErrInvalid, s)
	}
	p := map[int]string{4: dossier.PrecisionYear, 7: dossier.PrecisionMonth, 10: dossier.PrecisionDay}[len(start)]
	return &dossier.DateRange{Start: start, End: end, Precision: p}, nil
}

// LocationString writes a place: "Baghdad, Iraq".
func LocationString(l *dossier.Location) string {
	if l == nil {
		return ""
	}
	parts := []string{}
	if l.Place != "" {
		parts = append(parts, l.Place)
	}
	if l.Country != "" && !strings.EqualFold(l.Country, l.Place) {
		parts = append(parts, l.Country)
	}
	return strings.Join(parts, ", ")
}

// RangeString writes a count range: "3", "1-2", "126+".
func RangeString(r *dossier.Range) string {
	switch {
	case r == nil:
		return ""
	case r.Max == nil:
		return strconv.Itoa(r.Min) + "+"
	case *r.Max == r.Min:
		return strconv.Itoa(r.Min)
	}
	return strconv.Itoa(r.Min) + "-" + strconv.Itoa(*r.Max)
}

// ParseRange reads what RangeString writes ("at least 3" too).
func ParseRange(s string) (*dossier.Range, error) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "at least"))
	bad := fmt.Errorf("%w: count %q: want N, N-M or N+", dossier.ErrInvalid, s)
	if n, ok := strings.CutSuffix(s, "+"); ok {
		v, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil || v < 0 {
			return nil, bad
		}
		return dossier.AtLeast(v), nil
	}
	if a, b, ok := strings.Cut(s, "-"); ok {
		lo, err1 := strconv.Atoi(strings.TrimSpace(a))
		hi, err2 := strconv.Atoi(strings.TrimSpace(b))
		if err1 != nil || err2 != nil || lo < 0 {
			return nil, bad
		}
		return dossier.Between(lo, hi), nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return nil, bad
	}
	return dossier.Exact(v), nil
}

// CheckValue tells whether v is a valid corrected value of field.
func CheckValue(field, v string) error {
	switch field {
	case "date":
		_, err := ParseDate(v)
		return err
	case "fatalities", "injuries":
		_, err := ParseRange(v)
		return err
	case "type":
		if dossier.CanonicalType(v) == "" {
			return fmt.Errorf("%w: type %q is not one of ACLED's event types (%s)", dossier.ErrInvalid, v, strings.Join(dossier.ACLEDTypes, ", "))
		}
	case "sub_type":
		if dossier.CanonicalSubType(v) == "" {
			return fmt.Errorf("%w: sub_type %q is not one of ACLED's 25 event sub-types", dossier.ErrInvalid, v)
		}
	}
	if !IsField(field) {
		return fmt.Errorf("%w: unknown field %q (want one of %s)", dossier.ErrInvalid, field, strings.Join(Fields, ", "))
	}
	return nil
}

// group gathers the reports of one value.
type group struct {
	value
	sources []dossier.ValueSource
	groups  map[string]bool
	order   int
	main    bool
	// reported: some report of the incident itself or a reference to it
	// gives the value, not only passing mentions
	reported bool
	status   string
}

func (g *group) cited() int { return len(g.groups) }

// Reconcile computes an incident from its reports (in the order they were
// stored) and the reviews of it (in time order). It never drops a value:
// each field lists every reported value with its sources, and the
// reconciled value is computed from them (or taken from a correction).
func Reconcile(id string, reports []Report, reviews []dossier.Review) Reconciled {
	var rc Reconciled
	s := &rc.Summary
	s.ID = id
	s.Weapons, s.Targets, s.Perpetrators, s.Accused, s.PartOf = []string{}, []string{}, []string{}, []string{}, []string{}
	s.Evidence = []dossier.Evidence{}
	s.Sources = []dossier.Source{}
	s.Conflicts = []string{}
	rc.Signature = &Signature{}

	// A copy counts with its original only where the original reports the
	// incident too; alone, it is the incident's source of that story.
	docs := map[string]bool{}
	for _, r := range reports {
		docs[r.Doc.DocumentID] = true
	}
	reports = slices.Clone(reports)
	for i := range reports {
		if c := reports[i].Doc.CopyOf; c != "" && !docs[c] {
			reports[i].Doc.CopyOf = ""
			if reports[i].Group == c {
				reports[i].Group = reports[i].Doc.DocumentID
			}
		}
	}

	groupsSeen := map[string]bool{}
	docsSeen := map[string]int{} // document -> its place in Sources
	docKind := map[string]string{}
	s.Kind = dossier.IncidentMention
	for _, r := range reports {
		rc.Signature.Add(FeaturesOf(r.Incident))
		if r.Main {
			s.Main = true
		}
		k := r.Kind()
		if dossier.IncidentKindRank(k) > dossier.IncidentKindRank(s.Kind) {
			s.Kind = k
		}
		if i, ok := docsSeen[r.Doc.DocumentID]; !ok {
			docsSeen[r.Doc.DocumentID], docKind[r.Doc.DocumentID] = len(s.Sources), k
			src := r.Doc
			src.Role = SourceRole(k)
			s.Sources = append(s.Sources, src)
		} else if dossier.IncidentKindRank(k) > dossier.IncidentKindRank(docKind[r.Doc.DocumentID]) {
			// the document's own event, and a passing mention of it further down
			docKind[r.Doc.DocumentID], s.Sources[i].Role = k, SourceRole(k)
		}
		groupsSeen[r.Group] = true
	}
	s.SourceCount = len(groupsSeen)

	// Reviews by field: the last word on each value, and the last correction.
	status := map[string]map[string]string{}
	correction := map[string]string{}
	for _, rv := range reviews {
		if rv.Target != dossier.TargetIncident || rv.TargetID != id {
			continue
		}
		switch rv.Action {
		case dossier.ReviewCorrect:
			correction[rv.Field] = rv.Value
		case dossier.ReviewConfirm, dossier.ReviewReject:
			if status[rv.Field] == nil {
				status[rv.Field] = map[string]string{}
			}
			st := dossier.StatusConfirmed
			if rv.Action == dossier.ReviewReject {
				st = dossier.StatusRejected
			}
			status[rv.Field][valueKey(rv.Field, rv.Value)] = st
		}
	}

	for _, field := range Fields {
		var groups []*group
		byKey := map[string]*group{}
		sourcesWith := map[string]map[string]bool{} // for list conflicts: group -> keys
		for _, r := range reports {
			for _, v := range valuesOf(r.Incident, field) {
				g := byKey[v.key]
				if g == nil {
					g = &group{value: v, groups: map[string]bool{}, order: len(groups)}
					g.status = status[field][v.key]
					byKey[v.key] = g
					groups = append(groups, g)
				}
				g.groups[r.Group] = true
				g.main = g.main || r.Main
				g.reported = g.reported || r.Kind() != dossier.IncidentMention
				if v.rank > g.rank {
					g.rank = v.rank
				}
				g.sources = append(g.sources, dossier.ValueSource{Source: r.Doc, ReportID: r.ID, Evidence: v.ev})
				if sourcesWith[r.Group] == nil {
					sourcesWith[r.Group] = map[string]bool{}
				}
				sourcesWith[r.Group][v.key] = true
			}
		}
		if _, reviewed := correction[field]; optionalFields[field] && len(groups) == 0 && !reviewed {
			continue // a field most incidents lack is listed where a source gives it
		}
		fv := dossier.FieldValues{Field: field, Values: []dossier.ReportedValue{}}
		for _, g := range groups {
			fv.Values = append(fv.Values, dossier.ReportedValue{Value: g.display, Cited: g.cited(), Sources: g.sources, Status: g.status})
		}
		var live []*group
		for _, g := range groups {
			if g.status != dossier.StatusRejected {
				live = append(live, g)
			}
		}
		fv.Conflict = conflicting(field, live, sourcesWith)
		if c, ok := correction[field]; ok {
			fv.Reviewed = true
			fv.Reconciled = applyCorrection(s, field, c, live)
		} else if listFields[field] {
			fv.Reconciled = applyList(s, field, live)
		} else if w := winner(field, live); w != nil {
			fv.Reconciled = w.display
			applyScalar(s, field, w)
		}
		if field == "fatalities" || field == "injuries" {
			if !fv.Reviewed {
				applySpan(s, field, live)
			}
		}
		if fv.Conflict && !fv.Reviewed && !anyConfirmed(live) {
			s.Conflicts = append(s.Conflicts, field)
		}
		rc.Fields = append(rc.Fields, fv)
	}
	if s.Title == "" {
		s.Title = "untitled incident"
	}
	return rc
}

func anyConfirmed(gs []*group) bool {
	for _, g := range gs {
		if g.status == dossier.StatusConfirmed {
			return true
		}
	}
	return false
}

// valueKey is the key a review's value is compared on.
func valueKey(field, v string) string {
	switch field {
	case "date", "fatalities", "injuries":
		return strings.TrimSpace(v)
	case "weapons":
		return WeaponKey(v)
	}
	if listFields[field] {
		return names.Key(v)
	}
	return names.Fold(v)
}

// winner chooses a scalar field's value: a confirmed one first; then one
// that a report or a reference gives over one only passing mentions give;
// then the one with the most support (its sources, plus those of coarser values it
// refines: "2021" supports "2021-11-07"), then the finest, then one from
// an article about the incident, then the first reported.
func winner(field string, gs []*group) *group {
	if len(gs) == 0 {
		return nil
	}
	support := func(g *group) int {
		n := g.cited()
		for _, o := range gs {
			if o != g && o.rank < g.rank && refines(field, g, o) {
				n += o.cited()
			}
		}
		return n
	}
	best := gs[0]
	for _, g := range gs[1:] {
		bc, gc := best.status == dossier.StatusConfirmed, g.status == dossier.StatusConfirmed
		if gc != bc {
			if gc {
				best = g
			}
			continue
		}
		if g.reported != best.reported {
			// a passing mention never outvotes a report or a reference
			if g.reported {
				best = g
			}
			continue
		}
		bs, gsup := support(best), support(g)
		if field == "title" {
			bs, gsup = best.rank*100+bs, g.rank*100+gsup
		}
		switch {
		case gsup > bs:
			best = g
		case gsup < bs:
		case g.rank > best.rank:
			best = g
		case g.rank < best.rank:
		case g.main && !best.main:
			best = g
		}
	}
	return best
}

// refines reports whether value g lies within the coarser value o.
func refines(field string, g, o *group) bool {
	switch field {
	case "date":
		glo, ghi, ok1 := DateDays(g.typed.(*dossier.DateRange))
		olo, ohi, ok2 := DateDays(o.typed.(*dossier.DateRange))
		return ok1 && ok2 && glo >= olo && ghi <= ohi
	case "location":
		gl, ol := g.typed.(*dossier.Location), o.typed.(*dossier.Location)
		return gl.Country != "" && names.Fold(gl.Country) == names.Fold(ol.Country)
	}
	return false
}

// conflicting reports whether the live values of a field disagree.
func conflicting(field string, gs []*group, bySource map[string]map[string]bool) bool {
	switch field {
	case "title", "weapons", "targets", "accused", "unidentified", "part_of":
		return false
	case "type", "sub_type":
		return len(gs) > 1
	case "date":
		for i, a := range gs {
			for _, b := range gs[i+1:] {
				alo, ahi, _ := DateDays(a.typed.(*dossier.DateRange))
				blo, bhi, _ := DateDays(b.typed.(*dossier.DateRange))
				if ahi < blo || bhi < alo {
					return true
				}
			}
		}
		return false
	case "location":
		for i, a := range gs {
			for _, b := range gs[i+1:] {
				la, lb := a.typed.(*dossier.Location), b.typed.(*dossier.Location)
				if la.Country != "" && lb.Country != "" && names.Fold(la.Country) != names.Fold(lb.Country) {
					return true
				}
				if !coarse(la.Precision) && !coarse(lb.Precision) && la.Lat != nil && lb.Lat != nil && la.Lon != nil && lb.Lon != nil &&
					haversine(*la.Lat, *la.Lon, *lb.Lat, *lb.Lon) > 50 {
					return true
				}
			}
		}
		return false
	case "fatalities", "injuries":
		if len(gs) < 2 {
			return false
		}
		lo, hi, open := 0, 0, true
		for _, g := range gs {
			r := g.typed.(*dossier.Range)
			lo = max(lo, r.Min)
			if r.Max != nil {
				if open || *r.Max < hi {
					hi = *r.Max
				}
				open = false
			}
		}
		return !open && lo > hi
	case "perpetrators":
		// Two sources that name perpetrators and share none.
		live := map[string]bool{}
		for _, g := range gs {
			live[g.key] = true
		}
		var sets []map[string]bool
		for _, keys := range bySource {
			set := map[string]bool{}
			for k := range keys {
				if live[k] {
					set[k] = true
				}
			}
			if len(set) > 0 {
				sets = append(sets, set)
			}
		}
		for i, a := range sets {
			for _, b := range sets[i+1:] {
				shared := false
				for k := range a {
					shared = shared || b[k]
				}
				if !shared {
					return true
				}
			}
		}
	}
	return false
}

func applyScalar(s *dossier.IncidentSummary, field string, w *group) {
	switch field {
	case "title":
		s.Title = w.typed.(string)
	case "date":
		d := *w.typed.(*dossier.DateRange)
		s.Date = &d
	case "location":
		l := *w.typed.(*dossier.Location)
		s.Location = &l
	case "type":
		s.Type = w.typed.(string)
	case "sub_type":
		s.SubType = w.typed.(string)
	case "fatalities":
		s.Fatalities = copyRange(w.typed.(*dossier.Range))
	case "injuries":
		s.Injuries = copyRange(w.typed.(*dossier.Range))
	}
	if w.ev != nil {
		e := *w.ev
		e.Field = field
		s.Evidence = append(s.Evidence, e)
	}
}

// applySpan sets the range that the sources span (FatalitiesSpan,
// InjuriesSpan): from the lowest minimum to the highest maximum, open when
// any source gives an open bound. The figure itself is the one most
// independent sources give (winner, applyScalar).
func applySpan(s *dossier.IncidentSummary, field string, gs []*group) {
	if len(gs) == 0 {
		return
	}
	var span *dossier.Range
	for _, g := range gs {
		r := g.typed.(*dossier.Range)
		if span == nil {
			span = copyRange(r)
			continue
		}
		if r.Min < span.Min {
			span.Min = r.Min
		}
		switch {
		case r.Max == nil:
			span.Max = nil
		case span.Max != nil && *r.Max > *span.Max:
			m := *r.Max
			span.Max = &m
		}
	}
	if span.Max != nil && *span.Max < span.Min {
		m := span.Min
		span.Max = &m
	}
	if field == "fatalities" {
		s.FatalitiesSpan = span
	} else {
		s.InjuriesSpan = span
	}
}

// applyList sets a list field to the union of its live values, each
// written as most sources write it.
func applyList(s *dossier.IncidentSummary, field string, gs []*group) string {
	var out []string
	for _, g := range gs {
		out = append(out, g.display)
		if g.ev != nil {
			e := *g.ev
			e.Field = field
			s.Evidence = append(s.Evidence, e)
		}
	}
	setList(s, field, out)
	return strings.Join(out, "; ")
}

func setList(s *dossier.IncidentSummary, field string, xs []string) {
	if xs == nil {
		xs = []string{}
	}
	switch field {
	case "weapons":
		s.Weapons = xs
	case "targets":
		s.Targets = xs
	case "perpetrators":
		s.Perpetrators = xs
	case "accused":
		s.Accused = xs
	case "unidentified":
		s.Unidentified = xs
	case "part_of":
		s.PartOf = xs
	}
}

// applyCorrection sets a field to a reviewer's value.
func applyCorrection(s *dossier.IncidentSummary, field, v string, gs []*group) string {
	rev := dossier.Evidence{Field: field, Text: v, Method: "review", Confidence: 1}
	switch field {
	case "title":
		s.Title = v
	case "date":
		if d, err := ParseDate(v); err == nil {
			s.Date = d
		}
	case "location":
		l := &dossier.Location{Place: v, Precision: "review"}
		for _, g := range gs {
			if g.key == names.Fold(v) || names.Fold(g.typed.(*dossier.Location).Place) == names.Fold(v) {
				c := *g.typed.(*dossier.Location)
				l = &c
				break
			}
		}
		s.Location = l
	case "type":
		s.Type = v
	case "sub_type":
		s.SubType = v
	case "fatalities", "injuries":
		if r, err := ParseRange(v); err == nil {
			if field == "fatalities" {
				s.Fatalities, s.FatalitiesSpan = r, copyRange(r)
			} else {
				s.Injuries, s.InjuriesSpan = r, copyRange(r)
			}
		}
	default:
		var xs []string
		for _, x := range strings.Split(v, ";") {
			if x = strings.TrimSpace(x); x != "" {
				xs = append(xs, x)
			}
		}
		setList(s, field, xs)
	}
	s.Evidence = append(s.Evidence, rev)
	return v
}

func copyRange(r *dossier.Range) *dossier.Range {
	if r == nil {
		return nil
	}
	c := &dossier.Range{Min: r.Min}
	if r.Max != nil {
		m := *r.Max
		c.Max = &m
	}
	return c
}

// SortReports orders reports as Reconcile expects when a store has no
// order of its own: main reports first, then by document and id.
func SortReports(rs []Report) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Main != rs[j].Main {
			return rs[i].Main
		}
		return rs[i].ID < rs[j].ID
	})
}
