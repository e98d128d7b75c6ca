package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// zonesFile is the place → time-zone table, written next to places.tsv.gz.
const zonesFile = "zones.tsv"

// zoneRow is one line of zones.tsv: the IANA time zones of the places of a
// country (admin1 empty) or of one of its first-level divisions, most
// populous first.
type zoneRow struct {
	country, admin1 string
	zones           []string
}

// buildZones makes the table from GeoNames' time-zone column: a row per
// country, and a row per division only in the few countries that span
// several zones (33 of 246), which keeps the table small; a division
// astride a border between zones keeps every zone its places are in.
func buildZones(places []city) []zoneRow {
	type key struct{ country, admin1 string }
	pop := map[key]map[string]int64{}
	add := func(k key, zone string, n int64) {
		if pop[k] == nil {
			pop[k] = map[string]int64{}
		}
		pop[k][zone] += n
	}
	for _, p := range places {
		add(key{p.country, ""}, p.zone, p.population)
		if p.admin1 != "" {
			add(key{p.country, p.admin1}, p.zone, p.population)
		}
	}
	var rows []zoneRow
	for k, byZone := range pop {
		if k.admin1 != "" && len(pop[key{k.country, ""}]) == 1 {
			continue // the country's one zone says it
		}
		row := zoneRow{country: k.country, admin1: k.admin1}
		for z := range byZone {
			row.zones = append(row.zones, z)
		}
		slices.SortFunc(row.zones, func(a, b string) int {
			return cmp.Or(cmp.Compare(byZone[b], byZone[a]), cmp.Compare(a, b))
		})
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b zoneRow) int {
		return cmp.Or(cmp.Compare(a.country, b.country), cmp.Compare(a.admin1, b.admin1))
	})
	return rows
}

// writeZones writes the format internal/gazetteer/zones.go reads.
func writeZones(w io.Writer, rows []zoneRow) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "#dossier-zones\t1\n")
	fmt.Fprintf(bw, "# IANA time zones of the GeoNames cities500 places, made by tools/gazetteer (CC BY 4.0, see ATTRIBUTION.md).\n")
	fmt.Fprintf(bw, "# country code, GeoNames admin1 code (empty for the whole country), zones by population of their places, largest first.\n")
	for _, r := range rows {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", r.country, r.admin1, strings.Join(r.zones, ","))
	}
	return bw.Flush()
}
