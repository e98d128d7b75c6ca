package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// loadBase parses a places file read as one stream, and a countries file.
func loadBase(places, countries io.Reader) (*base, error) {
	b := &base{adm2: &admin2Index{}}
	if err := b.loadCountries(countries); err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	if err := b.loadEmbeddedNames(true); err != nil {
		return nil, err
	}
	p := newParser(b)
	zr, err := gzip.NewReader(places)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	if err := p.parse(zr); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	b.finishPlaces(p)
	b.finishKeys(p)
	if err := b.check(p); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	if err := b.loadEmbeddedSites(true); err != nil {
		return nil, err
	}
	return b, nil
}

// loadEmbedded parses places and countries files held in memory. Inflating
// is half the cost of loading, so when the places file says where its
// second member starts, both members are inflated and parsed at once.
func loadEmbedded(places, countries []byte) (*base, error) {
	off := keysOffset(places)
	if off <= 0 || off >= len(places) {
		return loadBase(bytes.NewReader(places), bytes.NewReader(countries))
	}
	b := &base{adm2: &admin2Index{}}
	if err := b.loadCountries(bytes.NewReader(countries)); err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	if err := b.loadEmbeddedNames(false); err != nil {
		return nil, err
	}
	halves := [2]*parser{newParser(b), newParser(b)}
	halves[0].only, halves[1].only = "places", "keys"
	parts := [2][]byte{places[:off], places[off:]}
	var errs [2]error
	var wg sync.WaitGroup
	for i := range halves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			zr, err := gzip.NewReader(bytes.NewReader(parts[i]))
			if err != nil {
				errs[i] = err
				return
			}
			zr.Multistream(false)
			if errs[i] = halves[i].parse(zr); errs[i] != nil {
				return
			}
			// Each half builds its own indexes: they touch disjoint fields.
			if i == 0 {
				b.finishPlaces(halves[i])
			} else {
				b.finishKeys(halves[i])
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	if err := b.check(halves[1]); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	if err := b.loadEmbeddedSites(false); err != nil {
		return nil, err
	}
	return b, nil
}

// loadEmbeddedNames adds the embedded country names in other languages;
// lenient skips the rows of countries the countries file lacks.
func (b *base) loadEmbeddedNames(lenient bool) error {
	for i, data := range embeddedNames {
		if err := b.loadCountryNames(bytes.NewReader(data), lenient); err != nil {
			return fmt.Errorf("country names (file %d): %w", i+1, err)
		}
	}
	return nil
}

// keysOffset reads the offset of the second gzip member from the first
// member's header comment, or returns 0.
func keysOffset(gz []byte) int {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return 0
	}
	v, ok := strings.CutPrefix(zr.Comment, "keys=")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0
	}
	return n
}

// finishPlaces keeps the names a parser read and indexes the divisions.
func (b *base) finishPlaces(p *parser) {
	b.text = p.names.String()
	b.buildAdmin1Index(p.admin1Alts)
}

// finishKeys keeps the keys a parser read and builds the hash table.
func (b *base) finishKeys(p *parser) {
	b.keyText = p.keys.String()
	b.buildTable()
}

// check verifies what only both halves together can: that keys point at
// places that exist.
func (b *base) check(keys *parser) error {
	if len(b.places) == 0 {
		return errors.New("no places")
	}
	if len(b.keys) == 0 {
		return errors.New("no keys")
	}
	if keys.maxPosting >= uint32(len(b.places)) {
		return fmt.Errorf("key refers to place %d of %d", keys.maxPosting, len(b.places))
	}
	return nil
}

// parser reads the lines of a places file. The admin1 and places sections
// fill base.admin1 and base.places and the keys section base.keys and
// base.postings, so two parsers may run at once on the two halves.
type parser struct {
	b          *base
	section    string
	line       int
	names      strings.Builder // admin1 codes and names, place names
	keys       strings.Builder
	features   map[string]uint8
	maxPosting uint32
	fields     [8][]byte
	admin1Alts map[int32][]string // alternate division names, only needed to index
	only       string             // "places" or "keys" when parsing one half, so halves never share a field
}

func newParser(b *base) *parser {
	return &parser{b: b, features: map[string]uint8{}, admin1Alts: map[int32][]string{}}
}

// parse reads lines until the end of r.
func (p *parser) parse(r io.Reader) error {
	br := bufio.NewReaderSize(r, 256<<10)
	var long []byte
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long[:0], line...)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("line %d: %w", p.line+1, err)
		}
		if len(line) > 0 {
			p.line++
			if perr := p.parseLine(bytes.TrimSuffix(line, []byte{'\n'})); perr != nil {
				return fmt.Errorf("line %d: %w", p.line, perr)
			}
		}
		if err != nil {
			return nil
		}
	}
}

func (p *parser) parseLine(line []byte) error {
	if len(line) > 0 && line[0] == '#' {
		return p.parseHeader(line)
	}
	switch p.section {
	case "admin1":
		return p.parseAdmin1(line)
	case "admin2":
		return p.parseAdmin2(line)
	case "places":
		return p.parsePlace(line)
	case "keys":
		return p.parseKey(line)
	}
	return fmt.Errorf("row outside a known section (%q)", p.section)
}

// parseHeader reads a section line and the counts it may carry.
func (p *parser) parseHeader(line []byte) error {
	fields := strings.Split(string(line[1:]), "\t")
	p.section = fields[0]
	switch p.section {
	case "dossier-gazetteer":
		if len(fields) < 2 || fields[1] != formatVersion {
			return fmt.Errorf("format version %q, want %q", fields[1:], formatVersion)
		}
		fields = fields[2:]
	case "admin1", "admin2", "places", "keys":
		fields = fields[1:]
	default:
		return fmt.Errorf("unknown section %q", p.section)
	}
	if p.only != "" && (p.section == "keys") != (p.only == "keys") {
		return fmt.Errorf("section %q in the %s half", p.section, p.only)
	}
	for _, f := range fields {
		name, val, ok := strings.Cut(f, "=")
		n, err := strconv.Atoi(val)
		if !ok || err != nil || n < 0 {
			return fmt.Errorf("bad count %q", f)
		}
		switch {
		case name == "admin1":
			p.b.admin1 = make([]admin1Rec, 0, n)
		case name == "admin2":
			p.b.admin2 = make([]admin2Rec, 0, n)
		case name == "places":
			p.b.places = make([]placeRec, 0, n)
		case name == "keys":
			p.b.keys = make([]keyRec, 0, n)
		case name == "postings":
			p.b.postings = make([]uint32, 0, n)
		case name == "text" && p.section == "keys":
			p.keys.Grow(n)
		case name == "text":
			p.names.Grow(n)
		}
	}
	return nil
}

func (p *parser) parseAdmin1(line []byte) error {
	f := splitTabs(line, p.fields[:0])
	if len(f) < 6 {
		return fmt.Errorf("admin1 row has %d fields, want at least 6", len(f))
	}
	if len(f) > 6 {
		i := int32(len(p.b.admin1))
		for _, alt := range f[6:] {
			p.admin1Alts[i] = append(p.admin1Alts[i], string(alt))
		}
	}
	c, ok := p.b.countryByCode[string(f[0])]
	if !ok {
		return fmt.Errorf("unknown country %q", f[0])
	}
	a := admin1Rec{country: uint16(c)}
	var err error
	if a.codeOff, err = addText(&p.names, f[1]); err != nil {
		return err
	}
	if a.name, err = addText(&p.names, f[2]); err != nil {
		return err
	}
	if a.lat, a.lon, err = parseCoord(f[3], f[4]); err != nil {
		return err
	}
	if a.pop, err = parseUint(f[5]); err != nil {
		return err
	}
	p.b.admin1 = append(p.b.admin1, a)
	return nil
}

func (p *parser) parseAdmin2(line []byte) error {
	f := splitTabs(line, p.fields[:0])
	if len(f) != 3 {
		return fmt.Errorf("admin2 row has %d fields, want 3", len(f))
	}
	a1, err := parseUint(f[0])
	if err != nil || int(a1) >= len(p.b.admin1) {
		return fmt.Errorf("bad admin1 index %q", f[0])
	}
	a := admin2Rec{admin1: int32(a1)}
	if a.codeOff, err = addText(&p.names, f[1]); err != nil {
		return err
	}
	if a.name, err = addText(&p.names, f[2]); err != nil {
		return err
	}
	p.b.admin2 = append(p.b.admin2, a)
	return nil
}

func (p *parser) parsePlace(line []byte) error {
	f := splitTabs(line, p.fields[:0])
	if len(f) != 8 {
		return fmt.Errorf("place row has %d fields, want 8", len(f))
	}
	pl := placeRec{admin1: -1, admin2: -1}
	var err error
	if pl.name, err = addText(&p.names, f[0]); err != nil {
		return err
	}
	c, ok := p.b.countryByCode[string(f[1])]
	if !ok {
		return fmt.Errorf("unknown country %q", f[1])
	}
	pl.country = uint16(c)
	if len(f[2]) > 0 {
		a, err := parseUint(f[2])
		if err != nil || int(a) >= len(p.b.admin1) {
			return fmt.Errorf("bad admin1 index %q", f[2])
		}
		pl.admin1 = int32(a)
	}
	if len(f[7]) > 0 {
		a, err := parseUint(f[7])
		if err != nil || int(a) >= len(p.b.admin2) || p.b.admin2[a].admin1 != pl.admin1 {
			return fmt.Errorf("bad admin2 index %q", f[7])
		}
		pl.admin2 = int32(a)
	}
	if pl.lat, pl.lon, err = parseCoord(f[3], f[4]); err != nil {
		return err
	}
	if pl.pop, err = parseUint(f[5]); err != nil {
		return err
	}
	fi, ok := p.features[string(f[6])]
	if !ok {
		if len(p.b.features) > 255 {
			return errors.New("too many feature codes")
		}
		fi = uint8(len(p.b.features))
		p.b.features = append(p.b.features, string(f[6]))
		p.features[string(f[6])] = fi
	}
	pl.feature = fi
	p.b.places = append(p.b.places, pl)
	return nil
}

func (p *parser) parseKey(line []byte) error {
	key, list, ok := bytes.Cut(line, []byte{'\t'})
	if !ok || len(key) == 0 || len(list) == 0 {
		return errors.New("key row without postings")
	}
	s, err := addText(&p.keys, key)
	if err != nil {
		return err
	}
	p.b.keys = append(p.b.keys, keyRec{off: s.off, n: s.n, post: uint32(len(p.b.postings))})
	for len(list) > 0 {
		var item []byte
		item, list, _ = bytes.Cut(list, []byte{','})
		id, err := parseUint(item)
		if err != nil {
			return fmt.Errorf("bad place index %q", item)
		}
		p.maxPosting = max(p.maxPosting, id)
		p.b.postings = append(p.b.postings, id)
	}
	return nil
}

// addText appends s to a backing string under construction and returns
// where it is.
func addText(sb *strings.Builder, s []byte) (span, error) {
	if len(s) > 0xFFFF {
		return span{}, errors.New("string too long")
	}
	off := sb.Len()
	if off+len(s) > 1<<32-1 {
		return span{}, errors.New("text too large")
	}
	sb.Write(s)
	return span{off: uint32(off), n: uint16(len(s))}, nil
}

// splitTabs splits a line on tabs into dst without allocating.
func splitTabs(line []byte, dst [][]byte) [][]byte {
	for {
		i := bytes.IndexByte(line, '\t')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

// parseUint parses a non-negative decimal that fits in 32 bits.
func parseUint(s []byte) (uint32, error) {
	if len(s) == 0 || len(s) > 10 {
		return 0, fmt.Errorf("bad number %q", s)
	}
	var n uint64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad number %q", s)
		}
		n = n*10 + uint64(c-'0')
	}
	if n > 1<<32-1 {
		return 0, fmt.Errorf("number %q out of range", s)
	}
	return uint32(n), nil
}

// parseInt parses a signed decimal that fits in 32 bits.
func parseInt(s []byte) (int32, error) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	n, err := parseUint(s)
	if err != nil || n > 1<<31-1 {
		return 0, fmt.Errorf("bad number %q", s)
	}
	if neg {
		return -int32(n), nil
	}
	return int32(n), nil
}

// parseCoord parses a latitude and longitude stored in 1e-5 degrees.
func parseCoord(lat, lon []byte) (int32, int32, error) {
	la, err := parseInt(lat)
	if err != nil {
		return 0, 0, fmt.Errorf("latitude: %w", err)
	}
	lo, err := parseInt(lon)
	if err != nil {
		return 0, 0, fmt.Errorf("longitude: %w", err)
	}
	if la < -90*coordScale || la > 90*coordScale || lo < -180*coordScale || lo > 180*coordScale {
		return 0, 0, fmt.Errorf("coordinate %s,%s out of range", lat, lon)
	}
	return la, lo, nil
}

// eachDataLine calls fn with each line of a data file that is neither
// blank nor a comment ("#"), and its line number; fn's error ends the read.
func eachDataLine(r io.Reader, fn func(line int, text string) error) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := fn(line, text); err != nil {
			return err
		}
	}
	return sc.Err()
}
