package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
)

// readISONames reads i18n-iso-countries' English names: code → names, the
// official one first.
func readISONames(path string) (map[string][]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("country names (run npm ci first): %w", err)
	}
	var doc struct {
		Countries map[string]json.RawMessage
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string][]string{}
	for code, v := range doc.Countries {
		var one string
		if json.Unmarshal(v, &one) == nil {
			out[code] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(v, &many); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, code, err)
		}
		out[code] = many
	}
	return out, nil
}

// writeSkeleton prints a first draft of countries.tsv: names and aliases
// from i18n-iso-countries, the capital from GeoNames (largest PPLC), and a
// representative point (see representative). Demonyms are left empty: they
// are written by hand.
func writeSkeleton(w io.Writer, names map[string][]string, places []city) error {
	byCountry := map[string][]city{}
	for _, p := range places {
		byCountry[p.country] = append(byCountry[p.country], p)
	}
	codes := make([]string, 0, len(names))
	for c := range names {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# code\tname\taliases\tdemonyms\tcapital\tlat\tlon")
	for _, code := range codes {
		n := names[code]
		capital, lat, lon := "", 0.0, 0.0
		if ps := byCountry[code]; len(ps) > 0 {
			best := -1
			for i, p := range ps {
				if p.feature == "PPLC" && (best < 0 || p.population > ps[best].population) {
					best = i
				}
			}
			if best >= 0 {
				capital = ps[best].name
			}
			r := representative(ps)
			lat, lon = float64(r.lat)/1e5, float64(r.lon)/1e5
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t\t%s\t%.5f\t%.5f\n", code, n[0], strings.Join(n[1:], "|"), capital, lat, lon)
	}
	return bw.Flush()
}

// representative picks the listed place nearest the mean position of all of
// a country's places (averaged as 3-D vectors, so countries across the
// antimeridian work): a point that is inside the country, unlike a centroid
// of a crescent or an archipelago.
func representative(ps []city) city {
	var x, y, z float64
	vec := func(p city) (float64, float64, float64) {
		la, lo := float64(p.lat)/1e5*math.Pi/180, float64(p.lon)/1e5*math.Pi/180
		return math.Cos(la) * math.Cos(lo), math.Cos(la) * math.Sin(lo), math.Sin(la)
	}
	for _, p := range ps {
		a, b, c := vec(p)
		x, y, z = x+a, y+b, z+c
	}
	best, bestDot := ps[0], math.Inf(-1)
	for _, p := range ps {
		a, b, c := vec(p)
		if d := a*x + b*y + c*z; d > bestDot {
			best, bestDot = p, d
		}
	}
	return best
}
