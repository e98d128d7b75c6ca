// Package storetest is the one test suite every dossier.Store passes:
// internal/sqlite runs it always, internal/postgres when a server is
// reachable. Its documents and extractions are built by hand, so that the
// suite tests the store (resolution, provenance, reviews, queries) and not
// the extractor.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
)

// Opener returns a new, empty store; the test closes it.
type Opener func(t testing.TB) dossier.Store

// Run runs the suite, each test on a store of its own.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, context.Context, dossier.Store)
	}{
		{"PutTwiceChangesNothing", testPutTwice},
		{"NewVersionReplacesOwnFacts", testNewVersion},
		{"MergeKeepsEveryValue", testMergeProvenance},
		{"SameCityMonthsApartStayTwo", testMonthsApart},
		{"PublicationDateADayOff", testDayOff},
		{"UndatedReportAttaches", testUndated},
		{"SyndicatedCopiesCountOnce", testSyndicated},
		{"BigIncidentDeferred", testBigIncident},
		{"OneKeyTwoVersions", testVariants},
		{"ActorsAcrossSpellings", testActors},
		{"PeopleOfOneNameStayApart", testNamesakes},
		{"ClaimsLedger", testLedger},
		{"ReviewField", testReviewField},
		{"ReviewMerge", testReviewMerge},
		{"ReviewMention", testReviewMention},
		{"NewActorIDTaken", testActorIDTaken},
		{"Forget", testForget},
		{"FiltersAndPages", testFilters},
		{"TextFiltersInDateOrder", testTextFilters},
		{"KindsListedAndHidden", testKinds},
		{"Search", testSearch},
		{"SearchRanksTitleFirst", testSearchRanking},
		{"ActorByPartOfName", testActorPartName},
		{"StaleAndLoad", testStaleLoad},
		{"Errors", testErrors},
		{"UndatedTwoCandidatesWait", testUndatedWaits},
		{"QueueReviewSurvivesReprocess", testQueueReview},
		{"ReviewsSurviveUpgrade", testReviewsSurviveUpgrade},
		{"SettleSplitsAChain", testSettleSplitsAChain},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			defer st.Close()
			ctx := context.Background()
			tc.fn(t, ctx, st)
			problems, err := st.Check(ctx)
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			if len(problems) > 0 {
				t.Errorf("store inconsistent after the test: %v", problems)
			}
		})
	}
	t.Run("UndatedReportEitherOrder", func(t *testing.T) { testUndatedEitherOrder(t, context.Background(), open) })
}

// Version is the extractor version the suite stores.
const Version = "test-1"

// Doc builds a document whose body is text; source may be empty.
func Doc(path, source, title, published, text string) *dossier.Document {
	return &dossier.Document{Path: path, Source: source, Title: title, Published: published, Format: "text", Raw: []byte(text)}
}

// Inc builds an incident; lat/lon 0,0 means no coordinates.
type Inc struct {
	ID, Title, Date, Place, Country, Type, SubType string
	Main                                           bool
	Kind                                           string // "" as an extractor before kinds wrote
	Lat, Lon                                       float64
	Fatal                                          *dossier.Range
	Targets, Perps, Weapons                        []string
	DateFromMeta                                   bool
}

// Incident turns an Inc into extraction output, with evidence.
func (i Inc) Incident() dossier.Incident {
	in := dossier.Incident{ID: i.ID, Main: i.Main, Kind: i.Kind, Title: i.Title, Type: i.Type, SubType: i.SubType, Fatalities: i.Fatal,
		Weapons: i.Weapons, Targets: i.Targets, Perpetrators: i.Perps, Accused: []string{}, PartOf: []string{}}
	if in.Weapons == nil {
		in.Weapons = []string{}
	}
	if in.Targets == nil {
		in.Targets = []string{}
	}
	if in.Perpetrators == nil {
		in.Perpetrators = []string{}
	}
	ev := func(field, text, method string) {
		in.Evidence = append(in.Evidence, dossier.Evidence{Field: field, Start: 0, End: len(text), Text: text, Method: method, Confidence: 0.9})
	}
	if i.Date != "" {
		p := map[int]string{4: dossier.PrecisionYear, 7: dossier.PrecisionMonth, 10: dossier.PrecisionDay}[len(i.Date)]
		in.Date = &dossier.DateRange{Start: i.Date, End: i.Date, Precision: p}
		m := dossier.MethodProse
		if i.DateFromMeta {
			m = dossier.MethodMeta
		}
		ev("date", "on "+i.Date, m)
	}
	if i.Place != "" || i.Country != "" {
		in.Location = &dossier.Location{Place: i.Place, Country: i.Country, Precision: "city"}
		if i.Place == "" {
			in.Location.Precision = "country"
		}
		if i.Lat != 0 || i.Lon != 0 {
			lat, lon := i.Lat, i.Lon
			in.Location.Lat, in.Location.Lon = &lat, &lon
		}
		ev("location", "in "+i.Place, dossier.MethodProse)
	}
	if i.Fatal != nil {
		ev("fatalities", fmt.Sprintf("killing %d", i.Fatal.Min), dossier.MethodProse)
	}
	return in
}

// Extraction builds extraction output for a document.
func Extraction(doc *dossier.Document, incs ...Inc) *dossier.Extraction {
	x := &dossier.Extraction{Doc: dossier.DocRef{Path: doc.Path, Title: doc.Title}, Language: "en", Published: doc.Published,
		Incidents: []dossier.Incident{}, Claims: []dossier.Claim{}, Actors: []dossier.Actor{}, Relations: []dossier.Relation{},
		Statements: []dossier.Statement{}}
	if doc.Source != "" {
		s := doc.Source
		x.Doc.Source = &s
	}
	for _, i := range incs {
		x.Incidents = append(x.Incidents, i.Incident())
	}
	return x
}

// Actor adds an actor to an extraction.
func Actor(x *dossier.Extraction, name, kind string, aliases ...string) {
	if aliases == nil {
		aliases = []string{}
	}
	x.Actors = append(x.Actors, dossier.Actor{ID: dossier.StableID("a", kind, name), Name: name, Kind: kind, Aliases: aliases,
		Evidence: []dossier.Evidence{{Start: 0, End: len(name), Text: name}}})
}

func put(t *testing.T, ctx context.Context, st dossier.Store, d *dossier.Document, x *dossier.Extraction) dossier.PutResult {
	t.Helper()
	res, err := st.PutDocument(ctx, d, x, Version)
	if err != nil {
		t.Fatalf("PutDocument %s: %v", d.Path, err)
	}
	settle(t, ctx, st)
	return res
}

// putOnly stores a document within a run that goes on: the end-of-run
// work waits.
func putOnly(t *testing.T, ctx context.Context, st dossier.Store, d *dossier.Document, x *dossier.Extraction) {
	t.Helper()
	if _, err := st.PutDocument(ctx, d, x, Version); err != nil {
		t.Fatalf("PutDocument %s: %v", d.Path, err)
	}
}

// settle ends a run as ingest does: a store that defers work to the end of
// a run (stale incidents, settling) does it now, so that each put is a run
// of one document.
func settle(t *testing.T, ctx context.Context, st dossier.Store) {
	t.Helper()
	if rs, ok := st.(interface {
		ReconcileStale(context.Context) (int, error)
	}); ok {
		if _, err := rs.ReconcileStale(ctx); err != nil {
			t.Fatalf("end of run: %v", err)
		}
	}
}

// Dump writes everything a store shows through its interface, in a stable
// order: two stores with the same dump hold the same knowledge.
func Dump(ctx context.Context, st dossier.Store) (string, error) {
	var b strings.Builder
	var lines []string
	err := st.EachIncident(ctx, dossier.IncidentFilter{Sort: dossier.SortTitle, Limit: -1}, func(in *dossier.IncidentSummary) error {
		d, err := st.Incident(ctx, in.ID)
		if err != nil {
			return err
		}
		// the history records how a store got there (merges of incidents
		// that an earlier document of the run made), not what it knows
		d.Reviews, d.History = nil, nil
		j, _ := json.Marshal(d)
		lines = append(lines, string(j))
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(lines)
	b.WriteString(strings.Join(lines, "\n"))
	ap, err := st.Actors(ctx, dossier.ActorFilter{Limit: -1})
	if err != nil {
		return "", err
	}
	lines = lines[:0]
	for _, a := range ap.Actors {
		d, err := st.Actor(ctx, a.ID)
		if err != nil {
			return "", err
		}
		j, _ := json.Marshal(d)
		lines = append(lines, string(j))
	}
	sort.Strings(lines)
	b.WriteString("\n" + strings.Join(lines, "\n"))
	dp, err := st.Documents(ctx, dossier.DocumentFilter{Limit: -1})
	if err != nil {
		return "", err
	}
	lines = lines[:0]
	for _, d := range dp.Documents {
		d.Ingested = time.Time{}
		j, _ := json.Marshal(d)
		lines = append(lines, string(j))
	}
	sort.Strings(lines)
	b.WriteString("\n" + strings.Join(lines, "\n"))
	return b.String(), nil
}

func dump(t *testing.T, ctx context.Context, st dossier.Store) string {
	t.Helper()
	s, err := Dump(ctx, st)
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	return s
}

func incidents(t *testing.T, ctx context.Context, st dossier.Store, f dossier.IncidentFilter) []dossier.IncidentSummary {
	t.Helper()
	f.Limit = -1
	var out []dossier.IncidentSummary
	if err := st.EachIncident(ctx, f, func(in *dossier.IncidentSummary) error { out = append(out, *in); return nil }); err != nil {
		t.Fatalf("EachIncident: %v", err)
	}
	return out
}

func incident(t *testing.T, ctx context.Context, st dossier.Store, id string) *dossier.IncidentDetail {
	t.Helper()
	d, err := st.Incident(ctx, id)
	if err != nil {
		t.Fatalf("Incident %s: %v", id, err)
	}
	return d
}

func field(d *dossier.IncidentDetail, name string) dossier.FieldValues {
	for _, f := range d.Fields {
		if f.Field == name {
			return f
		}
	}
	return dossier.FieldValues{}
}

func ptr(s string) *string { return &s }

func isErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("error %v, want %v", err, want)
	}
}
