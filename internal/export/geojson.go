package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-project/dossier"
)

// feature is one GeoJSON Feature (RFC 7946): a point at the incident's
// place, longitude first, with flat properties (strings and numbers, lists
// joined with "; ") that GIS tools show as attribute columns.
type feature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Geometry   point          `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// WriteGeoJSON writes one GeoJSON FeatureCollection of points, one per
// incident with coordinates; incidents without are counted in Skipped.
// Coordinates are WGS 84 longitude, latitude, as RFC 7946 requires.
func WriteGeoJSON(ctx context.Context, st Store, w io.Writer, opts Options) (Stats, error) {
	var stats Stats
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	err := eachIncident(ctx, st, opts, func(in *dossier.IncidentSummary) error {
		l := in.Location
		if l == nil || l.Lat == nil || l.Lon == nil {
			stats.Skipped++
			return nil
		}
		f := feature{Type: "Feature", ID: in.ID, Geometry: point{Type: "Point", Coordinates: [2]float64{*l.Lon, *l.Lat}},
			Properties: properties(in)}
		b, err := json.Marshal(f)
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

// properties are an incident's attributes as map layers use them. A
// missing value is null, so that a column keeps one type.
func properties(in *dossier.IncidentSummary) map[string]any {
	p := map[string]any{
		"id":             in.ID,
		"title":          in.Title,
		"event_type":     in.Type,
		"sub_event_type": in.SubType,
		"date":           nil,
		"date_start":     nil,
		"date_end":       nil,
		"date_precision": nil,
		"fatalities":     conservative(in.Fatalities),
		"fatalities_max": nil,
		"injuries_min":   nil,
		"injuries_max":   nil,
		"weapons":        strings.Join(in.Weapons, "; "),
		"targets":        strings.Join(in.Targets, "; "),
		"perpetrators":   strings.Join(in.Perpetrators, "; "),
		"accused":        strings.Join(in.Accused, "; "),
		"sources":        in.SourceCount,
		"source_urls":    strings.Join(sourceURLs(in.Sources), "; "),
		"conflicts":      strings.Join(in.Conflicts, "; "),
	}
	if d := in.Date; d != nil {
		p["date_start"], p["date_end"], p["date_precision"] = d.Start, d.End, d.Precision
		if date, _, ok := acledDate(d); ok {
			p["date"] = date
		}
	}
	if l := in.Location; l != nil {
		p["place"], p["admin1"], p["country"], p["location_precision"] = l.Place, l.Admin1, l.Country, l.Precision
	}
	if r := in.Fatalities; r != nil && r.Max != nil {
		p["fatalities_max"] = *r.Max
	}
	if r := in.Injuries; r != nil {
		p["injuries_min"] = r.Min
		if r.Max != nil {
			p["injuries_max"] = *r.Max
		}
	}
	return p
}

func sourceURLs(srcs []dossier.Source) []string {
	var out []string
	for _, s := range srcs {
		if s.Source != nil && *s.Source != "" {
			out = append(out, *s.Source)
		}
	}
	return out
}
