package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/resolve"
)

// GenerateOptions configure Generate.
type GenerateOptions struct {
	Incidents int
	Seed      int64
	// Progress is called after each batch with the incidents written.
	Progress func(done int)
}

// Vocabulary is what generated knowledge bases are made of, for
// benchmarks to draw realistic queries from.
type Vocabulary struct {
	Countries []string
	Types     []string
	Weapons   []string
	Actors    []string
	Words     []string
}

type genPlace struct {
	city, country string
	lat, lon      float64
}

var genPlaces = []genPlace{
	{"Baghdad", "Iraq", 33.34, 44.40}, {"Mosul", "Iraq", 36.34, 43.13}, {"Erbil", "Iraq", 36.19, 44.01}, {"Basra", "Iraq", 30.51, 47.78},
	{"Kabul", "Afghanistan", 34.53, 69.17}, {"Kandahar", "Afghanistan", 31.61, 65.71}, {"Kunduz", "Afghanistan", 36.73, 68.86},
	{"Mogadishu", "Somalia", 2.04, 45.34}, {"Kismayo", "Somalia", -0.36, 42.55}, {"Aleppo", "Syria", 36.2, 37.16}, {"Homs", "Syria", 34.73, 36.72},
	{"Idlib", "Syria", 35.93, 36.63}, {"Peshawar", "Pakistan", 34.01, 71.58}, {"Quetta", "Pakistan", 30.18, 67.0}, {"Karachi", "Pakistan", 24.86, 67.01},
	{"Sanaa", "Yemen", 15.37, 44.19}, {"Aden", "Yemen", 12.79, 45.02}, {"Maiduguri", "Nigeria", 11.85, 13.16}, {"Lagos", "Nigeria", 6.52, 3.38},
	{"Bamako", "Mali", 12.64, -8.0}, {"Gao", "Mali", 16.27, -0.04}, {"Ouagadougou", "Burkina Faso", 12.37, -1.52}, {"Tripoli", "Libya", 32.89, 13.19},
	{"Benghazi", "Libya", 32.12, 20.07}, {"Kharkiv", "Ukraine", 49.99, 36.23}, {"Donetsk", "Ukraine", 48.0, 37.8}, {"Khartoum", "Sudan", 15.5, 32.56},
	{"El Fasher", "Sudan", 13.63, 25.35}, {"Goma", "Democratic Republic of the Congo", -1.68, 29.22}, {"Beirut", "Lebanon", 33.89, 35.5},
	{"Gaza", "Palestine", 31.5, 34.47}, {"Nairobi", "Kenya", -1.29, 36.82}, {"Tehran", "Iran", 35.69, 51.39}, {"Ahvaz", "Iran", 31.32, 48.67},
}

var genTypes = []struct{ typ, sub string }{
	{"Explosions/Remote violence", "Air/drone strike"}, {"Explosions/Remote violence", "Suicide bomb"},
	{"Explosions/Remote violence", "Shelling/artillery/missile attack"}, {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
	{"Violence against civilians", "Attack"}, {"Violence against civilians", "Abduction/forced disappearance"},
	{"Battles", "Armed clash"}, {"Riots", "Violent demonstration"}, {"Protests", "Excessive force against protesters"},
	{"Strategic developments", "Arrests"},
}

var genWeapons = []string{"drone", "car bomb", "rockets", "rifles", "suicide vest", "mortar", "IED", "grenade", "ballistic missile", "knife", "artillery", "airstrike"}

var genEvents = []string{"bombing", "drone strike", "ambush", "attack", "shelling", "raid", "massacre", "rocket attack", "assassination", "kidnapping"}

var genSyllables = []string{"al", "ab", "du", "ha", "ki", "ma", "ra", "sha", "ta", "za", "bir", "dan", "far", "gul", "han", "jab", "kar", "lut", "mir", "nas", "qar", "rah", "sal", "tar", "wal", "yas", "zub"}

var genGroupWords = []string{"Brigade", "Front", "Movement", "Army", "Battalion", "Forces", "Militia", "Guard", "League", "Council"}

// genName makes a pronounceable name from syllables.
func genName(r *rand.Rand, parts int) string {
	var b strings.Builder
	for i := 0; i < parts; i++ {
		s := genSyllables[r.IntN(len(genSyllables))]
		if i == 0 {
			s = strings.ToUpper(s[:1]) + s[1:]
		}
		b.WriteString(s)
	}
	return b.String()
}

type genActor struct {
	id, name, kind string
}

// Generate fills the store with synthetic incidents for benchmarks: one
// document per four incidents, reports, reconciled records, actors with
// mentions and roles, weapons and full text, written in large transactions
// directly (no extraction, no resolution). The store should be empty.
func (s *DB) Generate(ctx context.Context, o GenerateOptions) error {
	_, err := s.generate(ctx, o)
	return err
}

// GeneratedVocabulary returns what Generate draws from.
func GeneratedVocabulary(seed int64) Vocabulary {
	v := Vocabulary{Weapons: genWeapons, Words: genEvents}
	seen := map[string]bool{}
	for _, p := range genPlaces {
		if !seen[p.country] {
			seen[p.country] = true
			v.Countries = append(v.Countries, p.country)
		}
		v.Words = append(v.Words, p.city)
	}
	for _, t := range genTypes {
		v.Types = append(v.Types, t.sub)
	}
	for _, a := range genActors(seed) {
		v.Actors = append(v.Actors, a.name)
	}
	return v
}

const genActorCount = 5000

func genActors(seed int64) []genActor {
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	out := make([]genActor, 0, genActorCount)
	seen := map[string]bool{}
	for len(out) < genActorCount {
		var name, kind string
		switch r.IntN(3) {
		case 0:
			name, kind = genName(r, 2)+" "+genName(r, 3), dossier.KindPerson
		case 1:
			name, kind = genName(r, 2)+" "+genGroupWords[r.IntN(len(genGroupWords))], dossier.KindArmedGroup
		default:
			name, kind = "Party of "+genName(r, 3), dossier.KindParty
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, genActor{id: dossier.StableID("a", "gen", name), name: name, kind: kind})
	}
	return out
}

// zipf picks popular actors more often, as real data does.
func pick(r *rand.Rand, z *rand.Zipf, actors []genActor) genActor {
	return actors[int(z.Uint64())%len(actors)]
}

func (s *DB) generate(ctx context.Context, o GenerateOptions) (Vocabulary, error) {
	if err := s.d.Bulk(ctx, s.db, true); err != nil {
		return Vocabulary{}, s.wrap("generate", err)
	}
	indexed := false
	defer func() {
		if !indexed { // restore the triggers of a failed run
			s.d.Bulk(context.WithoutCancel(ctx), s.db, false)
		}
	}()
	r := rand.New(rand.NewPCG(uint64(o.Seed), 1))
	z := rand.NewZipf(r, 1.2, 4, genActorCount-1)
	actors := genActors(o.Seed)
	vocab := GeneratedVocabulary(o.Seed)
	now := s.now().UTC().Format("2006-01-02T15:04:05Z")
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	const perDoc, batch = 4, 20000
	docsByActor := map[string]int{}
	incsByActor := map[string]int{}
	done := 0
	for done < o.Incidents {
		n := min(batch, o.Incidents-done)
		err := s.Transact(ctx, func(tx *Tx) error {
			stmts := map[string]*sql.Stmt{}
			prep := func(q string) (*sql.Stmt, error) {
				if st, ok := stmts[q]; ok {
					return st, nil
				}
				st, err := tx.prepare(ctx, q)
				stmts[q] = st
				return st, err
			}
			defer func() {
				for _, st := range stmts {
					st.Close()
				}
			}()
			exec := func(q string, args ...any) error {
				if tx.batcher != nil {
					// PostgreSQL: held back and sent in batches, not a
					// round trip a row
					return tx.exec(ctx, q, args...)
				}
				st, err := prep(q)
				if err == nil {
					_, err = st.ExecContext(ctx, args...)
				}
				return err
			}
			for k := 0; k < n; k += perDoc {
				docNo := (done + k) / perDoc
				key := fmt.Sprintf("https://news.example/%d/story-%d", 2000+docNo%25, docNo)
				docID := DocID(key)
				// the raw document is this header, then the sentences;
				// evidence offsets index the raw bytes, as a reader's do
				header := "Source: " + key + "\n\n"
				var text strings.Builder
				var docActors []genActor
				type genInc struct {
					id, rid string
					in      dossier.Incident
					actors  []genActor
				}
				var incs []genInc
				for j := 0; j < perDoc && k+j < n; j++ {
					i := done + k + j
					p := genPlaces[r.IntN(len(genPlaces))]
					ty := genTypes[r.IntN(len(genTypes))]
					d := base.AddDate(0, 0, r.IntN(25*365))
					a1, a2 := pick(r, z, actors), pick(r, z, actors)
					w := genWeapons[r.IntN(len(genWeapons))]
					ev := genEvents[r.IntN(len(genEvents))]
					title := fmt.Sprintf("%s %s in %s", d.Format("January 2006"), ev, p.city)
					dead := r.IntN(40)
					lat, lon := p.lat, p.lon
					sentence := fmt.Sprintf("On %s, a %s in %s, %s, killed %d people; %s was blamed and %s targeted, with a %s. ",
						d.Format("2 January 2006"), ev, p.city, p.country, dead, a1.name, a2.name, w)
					start := len(header) + text.Len()
					text.WriteString(sentence)
					e := func(f string) dossier.Evidence {
						return dossier.Evidence{Field: f, Start: start, End: start + len(sentence), Text: sentence, Method: dossier.MethodProse, Confidence: 0.8}
					}
					in := dossier.Incident{ID: fmt.Sprintf("g%d", i), Main: j == 0, Title: title,
						Date:     &dossier.DateRange{Start: d.Format("2006-01-02"), End: d.Format("2006-01-02"), Precision: dossier.PrecisionDay},
						Location: &dossier.Location{Place: p.city, Country: p.country, Lat: &lat, Lon: &lon, Precision: "city"},
						Type:     ty.typ, SubType: ty.sub, Weapons: []string{w}, Targets: []string{a2.name}, Fatalities: dossier.Exact(dead),
						Perpetrators: []string{}, Accused: []string{a1.name}, PartOf: []string{},
						Evidence: []dossier.Evidence{e("date"), e("location"), e("weapons"), e("fatalities"), e("targets"), e("accused")}}
					rid := ReportID(key, in.ID)
					incs = append(incs, genInc{id: dossier.StableID("i", rid), rid: rid, in: in, actors: []genActor{a1, a2}})
					docActors = append(docActors, a1, a2)
				}
				raw := []byte(header + text.String())
				title := incs[0].in.Title
				x := &dossier.Extraction{Doc: dossier.DocRef{Path: key, Title: title, Source: &key}, Language: "en"}
				for _, gi := range incs {
					x.Incidents = append(x.Incidents, gi.in)
				}
				if err := exec(`INSERT INTO documents (id, key, path, source, title, published, site, author, format, language, skipped,
					hash, extractor, size, raw, body, hints, extraction, fingerprint, copy_of, ingested, search)
					VALUES (?, ?, ?, ?, ?, '', 'news.example', '', 'text', 'en', '', ?, 'generated', ?, ?, NULL, '[]', ?, NULL, '', ?, ?)`,
					docID, key, key, key, title, fmt.Sprintf("%x", docNo), len(raw), raw, encodeExtraction(x), now, names.Fold(title+" "+text.String())); err != nil {
					return fmt.Errorf("generate document: %w", err)
				}
				seenActor := map[string]bool{}
				for ord, a := range docActors {
					if seenActor[a.id] {
						continue
					}
					seenActor[a.id] = true
					docsByActor[a.id]++
					if err := exec(`INSERT INTO mentions (id, doc_id, ord, actor_id, name, kind, aliases, context, reason, data)
						VALUES (?, ?, ?, ?, ?, ?, '[]', '[]', 'generated', '{}')`, dossier.StableID("m", key, a.id), docID, ord, a.id, a.name, a.kind); err != nil {
						return fmt.Errorf("generate mention: %w", err)
					}
				}
				for ord, gi := range incs {
					roles := []roleRef{{Name: gi.actors[0].name, ID: gi.actors[0].id, Role: RoleAccused}, {Name: gi.actors[1].name, ID: gi.actors[1].id, Role: RoleTarget}}
					kc, klo, khi := reportKeys(resolve.FeaturesOf(&gi.in))
					if err := exec(`INSERT INTO reports (id, doc_id, ord, local_id, main, incident_id, score, reason, data, actors,
						country, day_lo, day_hi, keyed) VALUES (?, ?, ?, ?, ?, ?, 0, 'new incident', ?, ?, ?, ?, ?, 1)`, gi.rid, docID, ord, gi.in.ID, b2i(gi.in.Main), gi.id,
						encodeReport(&gi.in, raw, roles), []byte{}, kc, klo, khi); err != nil {
						return fmt.Errorf("generate report: %w", err)
					}
					src := key
					rc := resolve.Reconcile(gi.id, []resolve.Report{{ID: gi.rid, Doc: dossier.Source{DocumentID: docID, Path: key, Title: title, Source: &src},
						Group: docID, Main: gi.in.Main, Incident: &gi.in}}, nil)
					sum := &rc.Summary
					lo, _, _ := resolve.DateDays(sum.Date)
					label := resolve.DateString(sum.Date) + ", " + resolve.LocationString(sum.Location)
					search := names.Fold(strings.Join([]string{sum.Title, label, sum.Type, sum.SubType, strings.Join(sum.Weapons, " "),
						strings.Join(sum.Targets, " "), strings.Join(sum.Accused, " ")}, " "))
					var in int64
					st, err := prep(`INSERT INTO incidents (id, title, title_key, label, day_lo, day_hi, sort_day, coarse_date, country, type, sub_type,
						fatalities, sources, record, signature, search, kind) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING n`)
					if err == nil {
						err = st.QueryRowContext(ctx, gi.id, sum.Title, names.Fold(sum.Title), label, int64(lo), int64(lo), int64(lo),
							names.Fold(sum.Location.Country), names.Fold(sum.Type), names.Fold(sum.SubType), sum.Fatalities.Min,
							encodeSummary(sum, map[string][]byte{docID: raw}), pack(rc.Signature), search, sum.Kind).Scan(&in)
					}
					if err != nil {
						return fmt.Errorf("generate incident: %w", err)
					}
					for _, ar := range joinRoles(roles) {
						incsByActor[ar.id]++
						if err := exec(`INSERT INTO incident_actors (incident_id, actor_id, roles, sort_day, incident_n) VALUES (?, ?, ?, ?, ?)`,
							gi.id, ar.id, ar.roles, int64(lo), in); err != nil {
							return fmt.Errorf("generate incident actors: %w", err)
						}
					}
					if err := exec(`INSERT INTO incident_weapons (incident_id, weapon, sort_day, incident_n) VALUES (?, ?, ?, ?)`,
						gi.id, resolve.WeaponKey(gi.in.Weapons[0]), int64(lo), in); err != nil {
						return fmt.Errorf("generate incident weapons: %w", err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return vocab, s.wrap("generate", err)
		}
		done += n
		if o.Progress != nil {
			o.Progress(done)
		}
	}
	// The actors, with their counts.
	err := s.Transact(ctx, func(tx *Tx) error {
		for _, a := range actors {
			if docsByActor[a.id] == 0 {
				continue
			}
			if err := tx.exec(ctx, `INSERT INTO actors (id, name, name_key, kind, aliases, context, documents, incidents, search)
				VALUES (?, ?, ?, ?, '[]', '[]', ?, ?, ?) ON CONFLICT (id) DO UPDATE SET documents = actors.documents + excluded.documents,
				incidents = actors.incidents + excluded.incidents`,
				a.id, a.name, names.Fold(a.name), a.kind, docsByActor[a.id], incsByActor[a.id], names.Fold(a.name+" "+a.kind)); err != nil {
				return err
			}
			if err := tx.exec(ctx, `INSERT INTO actor_names (actor_id, key, fold) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
				a.id, resolve.ActorKey(a.name, a.kind), names.Fold(a.name)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return vocab, s.wrap("generate actors", err)
	}
	indexed = true
	if err := s.d.Bulk(ctx, s.db, false); err != nil {
		return vocab, s.wrap("generate: index", err)
	}
	_, err = s.db.ExecContext(ctx, `ANALYZE`)
	return vocab, s.wrap("analyze", err)
}
