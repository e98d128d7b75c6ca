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
		"id":                 in.ID,
		"title":              in.Title,
		"event_type":         in.Type,
		"sub_event_type":     in.SubType,
		"date":               nil,
		"date_start":         nil,
		"date_end":           nil,
		"date_precision":     nil,
		"fatalities":         conservative(in.Fatalities),
		"fatalities_max":     nil,
		"injuries_min":       nil,
		"injuries_max":       nil,
		"weapons":            joined(in.Weapons),
		"targets":            joined(in.Targets),
		"perpetrators":       joined(in.Perpetrators),
		"accused":            joined(in.Accused),
		"sources":            in.SourceCount,
		"source_urls":        joined(sourceURLs(in.Sources)),
		"conflicts":          joined(in.Conflicts),
		"kind":               orNull(in.Kind),
		"place":              nil,
		"admin1":             nil,
		"admin2":             nil,
		"country":            nil,
		"location_precision": nil,
	}
	p["title"], p["event_type"], p["sub_event_type"] = orNull(in.Title), orNull(in.Type), orNull(in.SubType)
	p["date_start"], p["date_end"], p["date_precision"] = dateBounds(in.Date)
	if d := in.Date; d != nil && d.Precision == dossier.PrecisionDay && d.Start == firstOf(d.End, d.Start) {
		p["date"] = d.Start // one day; an interval has its bounds only
	}
	if l := in.Location; l != nil {
		p["place"], p["admin1"], p["admin2"], p["country"], p["location_precision"] = orNull(l.Place), orNull(l.Admin1), orNull(l.Admin2), orNull(l.Country), orNull(l.Precision)
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

// joined is a list as one attribute, null when empty.
func joined(l []string) any {
	if len(l) == 0 {
		return nil
	}
	return strings.Join(l, "; ")
}

// orNull is a text attribute, null when empty: a GIS column keeps one type
// and "no value" stays distinct from an empty string.
func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// dateBounds are a date's interval as full ISO dates, the first and the
// last day ("2021" is 2021-01-01 to 2021-12-31), and its precision; all
// null without a date. GIS tools then type the columns as dates.
func dateBounds(d *dossier.DateRange) (start, end, precision any) {
	if d == nil || d.Start == "" {
		return nil, nil, nil
	}
	lo, ok1 := parseDay(d.Start, false)
	hi, ok2 := parseDay(firstOf(d.End, d.Start), true)
	if !ok1 || !ok2 {
		return nil, nil, orNull(d.Precision)
	}
	if hi.Before(lo) {
		hi = lo
	}
	return lo.Format("2006-01-02"), hi.Format("2006-01-02"), orNull(d.Precision)
}
