package gazetteer

import (
	"hash/maphash"
)

// The places file is gzip-compressed UTF-8 text, written by tools/gazetteer,
// in two gzip members so that the two halves inflate in parallel (zcat
// shows them as one text):
//
//	#dossier-gazetteer	2	admin1=N	admin2=N	places=N	text=N
//	#admin1
//	IQ	07	Baghdad	3334058	4440088	7216000
//	#admin2
//	10	9166649	Mosul District
//	#places
//	Baghdad	IQ	10	3334058	4440088	7216000	PPLC
//	#keys	keys=N	postings=N	text=N
//	baghdad	0,5120
//
// Admin1 rows: country code, GeoNames admin1 code, English name (may be
// empty), latitude and longitude in 1e-5 degrees, population, then any
// alternate names (English variants, Arabic), kept only in the index. Admin2
// rows (second-level divisions, only those some place lies in): index of
// the admin1 row, GeoNames admin2 code, name. Place rows:
// primary name, country code, index of the admin1 row or empty, latitude,
// longitude, population, feature code, index of the admin2 row or empty
// (always within the place's admin1); they come largest population first,
// and a place's index is its row number. Key rows: a folded name (a fixed
// point of Fold) and the ascending indices of the places that bear it; keys
// are sorted and unique. The counts let the loader allocate once; text is
// the number of bytes of the strings kept. The second member starts at
// "#keys"; the gzip header of the first carries its byte offset as the
// comment "keys=NNNNNNNNNN".
const formatVersion = "2"

// coordScale converts the stored integers to degrees.
const coordScale = 1e5

// base is the parsed, immutable part of a gazetteer. Strings point into two
// backing strings (text for names and codes, keyText for keys) so that
// 200,000 places and 400,000 keys cost a few slices of integers rather than
// 600,000 string headers.
type base struct {
	text     string
	keyText  string
	admin1   []admin1Rec
	admin2   []admin2Rec
	places   []placeRec
	keys     []keyRec
	postings []uint32
	features []string

	seed  maphash.Seed
	table []uint32 // open addressing over keys: 0 empty, else key index + 1

	countries     []Country
	countryByCode map[string]int
	countryIndex  map[string]countryEntry // countryKey of names, aliases, demonyms
	admin1Index   map[string][]int32      // admin1Key of names

	sites    []Place            // sites.tsv: well-known sites and districts
	siteKeys map[string][]int32 // folded name → indices in sites

	adm2 *admin2Index // second-level divisions by name, built on first use
}

type admin1Rec struct {
	country       uint16
	codeOff, name span
	lat, lon      int32
	pop           uint32
}

type admin2Rec struct {
	admin1        int32
	codeOff, name span
}

type placeRec struct {
	name     span
	lat, lon int32
	pop      uint32
	admin1   int32 // -1 when unknown
	admin2   int32 // -1 when unknown
	country  uint16
	feature  uint8
}

type keyRec struct {
	off  uint32
	post uint32 // first posting; the next key's post ends the list
	n    uint16 // key length in bytes
}

// span is a substring of base.text or base.keyText.
type span struct {
	off uint32
	n   uint16
}

func (b *base) str(s span) string { return b.text[s.off : s.off+uint32(s.n)] }

// place builds the public value of place i.
func (b *base) place(i uint32) Place {
	p := &b.places[i]
	c := &b.countries[p.country]
	out := Place{
		Name:        b.str(p.name),
		CountryCode: c.Code,
		Country:     c.Name,
		Lat:         float64(p.lat) / coordScale,
		Lon:         float64(p.lon) / coordScale,
		Population:  int(p.pop),
		Feature:     b.features[p.feature],
	}
	if p.admin1 >= 0 {
		a := &b.admin1[p.admin1]
		out.Admin1 = b.str(a.name)
		out.Admin1Code = b.str(a.codeOff)
	}
	if p.admin2 >= 0 {
		a := &b.admin2[p.admin2]
		out.Admin2 = b.str(a.name)
		out.Admin2Code = b.str(a.codeOff)
	}
	return out
}

// admin1Place builds the public value of admin1 row i.
func (b *base) admin1Place(i int32) Place {
	a := &b.admin1[i]
	c := &b.countries[a.country]
	return Place{
		Name:        b.str(a.name),
		CountryCode: c.Code,
		Country:     c.Name,
		Admin1:      b.str(a.name),
		Admin1Code:  b.str(a.codeOff),
		Lat:         float64(a.lat) / coordScale,
		Lon:         float64(a.lon) / coordScale,
		Population:  int(a.pop),
		Feature:     featureADM1,
	}
}

// featureADM1 is the feature code given to first-level divisions.
const featureADM1 = "ADM1"

// find returns the postings of a folded key, or nil.
func (b *base) find(key []byte) []uint32 {
	if len(b.table) == 0 {
		return nil
	}
	mask := uint64(len(b.table) - 1)
	for h := maphash.Bytes(b.seed, key) & mask; ; h = (h + 1) & mask {
		slot := b.table[h]
		if slot == 0 {
			return nil
		}
		k := &b.keys[slot-1]
		if int(k.n) == len(key) && b.keyText[k.off:k.off+uint32(k.n)] == string(key) {
			end := uint32(len(b.postings))
			if int(slot) < len(b.keys) {
				end = b.keys[slot].post
			}
			return b.postings[k.post:end]
		}
	}
}

// buildTable indexes the keys for find. Half the slots stay empty so probes
// stay short.
func (b *base) buildTable() {
	size := 1
	for size < 2*len(b.keys) {
		size <<= 1
	}
	b.seed = maphash.MakeSeed()
	b.table = make([]uint32, size)
	mask := uint64(size - 1)
	for i := range b.keys {
		k := &b.keys[i]
		h := maphash.String(b.seed, b.keyText[k.off:k.off+uint32(k.n)]) & mask
		for b.table[h] != 0 {
			h = (h + 1) & mask
		}
		b.table[h] = uint32(i + 1)
	}
}
