package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/dossier-project/dossier"
)

// Vocabulary is the namespace of the dossier terms a JSON-LD export uses
// where schema.org has none (event types, casualty ranges, the roles of
// actors).
const Vocabulary = "https://github.com/dossier-project/dossier/blob/main/docs/exports.md#"

// jsonldContext maps the document's terms: schema.org by default, and
// dossier's own under the "dossier:" prefix.
var jsonldContext = []any{"https://schema.org/", map[string]string{"dossier": Vocabulary}}

// WriteJSONLD writes one JSON-LD document: a @graph of schema.org Events,
// one per incident, with its dates, its Place (address and
// GeoCoordinates), the actors it is about (Person, Organization, Country),
// the articles that report it (subjectOf: schema.org has no citation on an
// Event; subjectOf is the property for a CreativeWork about a thing), and
// dossier's coding under the dossier: prefix.
func WriteJSONLD(ctx context.Context, st Store, w io.Writer, opts Options) (Stats, error) {
	var stats Stats
	ix, err := loadActors(ctx, st)
	if err != nil {
		return stats, err
	}
	bw := bufio.NewWriter(w)
	ctxJSON, _ := json.Marshal(jsonldContext)
	bw.WriteString(`{"@context":` + string(ctxJSON) + `,"@graph":[` + "\n")
	err = eachIncident(ctx, st, opts, func(in *dossier.IncidentSummary) error {
		b, err := json.Marshal(event(in, ix))
		if err != nil {
			return err
		}
		if stats.Incidents > 0 {
			bw.WriteString(",\n")
		}
		stats.Incidents++
		_, err = bw.Write(b)
		return err
	})
	if err != nil {
		return stats, err
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return stats, fmt.Errorf("export: %w", err)
	}
	return stats, nil
}

// IRIs of incidents and actors: stable within a knowledge base.
func incidentIRI(id string) string { return "urn:dossier:incident:" + id }
func actorIRI(id string) string    { return "urn:dossier:actor:" + id }

// event is an incident as a schema.org Event.
func event(in *dossier.IncidentSummary, ix *actorIndex) map[string]any {
	e := map[string]any{
		"@type":       "Event",
		"@id":         incidentIRI(in.ID),
		"identifier":  in.ID,
		"name":        in.Title,
		"description": notes(in),
	}
	if start, end, prec := dateBounds(in.Date); start != nil {
		// full dates, the interval's first and last day: "2021" is
		// 2021-01-01 to 2021-12-31, its precision beside
		e["startDate"], e["endDate"], e["dossier:datePrecision"] = start, end, prec
	}
	if l := in.Location; l != nil {
		place := map[string]any{"@type": "Place", "name": firstOf(l.Place, l.Admin1, l.Country)}
		addr := map[string]any{"@type": "PostalAddress"}
		if l.Place != "" {
			addr["addressLocality"] = l.Place
		}
		if l.Admin1 != "" {
			addr["addressRegion"] = l.Admin1
		}
		if l.Country != "" {
			addr["addressCountry"] = l.Country
		}
		if len(addr) > 1 {
			place["address"] = addr
		}
		if l.Lat != nil && l.Lon != nil {
			place["geo"] = map[string]any{"@type": "GeoCoordinates", "latitude": *l.Lat, "longitude": *l.Lon}
		}
		if l.Precision != "" {
			place["dossier:precision"] = l.Precision
		}
		e["location"] = place
	}
	var about []any
	seen := map[string]bool{}
	roles := map[string][]any{}
	for _, r := range []struct {
		term  string
		names []string
	}{{"dossier:perpetrator", in.Perpetrators}, {"dossier:accused", in.Accused}, {"dossier:target", in.Targets}} {
		for _, n := range r.names {
			a := ix.find(n)
			if a == nil {
				roles[r.term] = append(roles[r.term], n)
				continue
			}
			roles[r.term] = append(roles[r.term], map[string]string{"@id": actorIRI(a.ID)})
			if !seen[a.ID] {
				seen[a.ID] = true
				about = append(about, thing(a))
			}
		}
	}
	if len(about) > 0 {
		e["about"] = about
	}
	for term, vs := range roles {
		e[term] = vs
	}
	var works []any
	for _, s := range in.Sources {
		w := map[string]any{"@type": "CreativeWork", "name": firstOf(s.Title, s.Path)}
		if s.Source != nil && *s.Source != "" {
			w["url"] = *s.Source
		}
		if s.Published != "" {
			w["datePublished"] = s.Published
		}
		works = append(works, w)
	}
	if len(works) > 0 {
		e["subjectOf"] = works
	}
	e["dossier:eventType"] = in.Type
	e["dossier:subEventType"] = in.SubType
	if len(in.Weapons) > 0 {
		e["dossier:weapon"] = in.Weapons
	}
	rng := func(term string, r *dossier.Range) {
		if r == nil {
			return
		}
		e[term+"Min"] = r.Min
		if r.Max != nil {
			e[term+"Max"] = *r.Max
		}
	}
	rng("dossier:fatalities", in.Fatalities)
	rng("dossier:injuries", in.Injuries)
	if len(in.Conflicts) > 0 {
		e["dossier:conflict"] = in.Conflicts
	}
	e["dossier:sourceCount"] = in.SourceCount
	return e
}

// thing is an actor as a schema.org node.
func thing(a *dossier.ActorSummary) map[string]any {
	t := "Organization"
	switch a.Kind {
	case dossier.KindPerson:
		t = "Person"
	case dossier.KindState:
		t = "Country"
	case dossier.KindMedia:
		t = "NewsMediaOrganization"
	case dossier.KindOther:
		t = "Thing"
	}
	n := map[string]any{"@type": t, "@id": actorIRI(a.ID), "name": a.Name, "dossier:kind": a.Kind}
	if len(a.Aliases) > 0 {
		n["alternateName"] = a.Aliases
	}
	return n
}
