package resolve

import (
	"encoding/binary"
	"hash/fnv"

	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/names"
)

// Fingerprints recognise syndicated copies: the same wire story published
// by several sites, with another headline, byline or footer. A fingerprint
// is a MinHash of the text's five-word shingles; the share of equal
// positions in two fingerprints estimates how much text they share.

const (
	fpSize    = 32
	shingle   = 5
	CopyShare = 0.7 // fingerprints this alike are copies of one story
)

// Fingerprint returns the MinHash of a text, or nil when it is too short
// to tell copies apart (fewer than 40 words).
func Fingerprint(text []byte) []byte {
	words := names.Tokens(string(text))
	if len(words) < 40 {
		return nil
	}
	var mins [fpSize]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	eachShingle(words, func(x uint64) {
		for j := range mins {
			// One hash, many permutations: mix with a per-position odd constant.
			v := (x ^ (uint64(j+1) * 0x9E3779B97F4A7C15)) * 0xBF58476D1CE4E5B9
			v ^= v >> 31
			if v < mins[j] {
				mins[j] = v
			}
		}
	})
	out := make([]byte, fpSize*8)
	for j, m := range mins {
		binary.LittleEndian.PutUint64(out[j*8:], m)
	}
	return out
}

// Similarity estimates the share of text two fingerprints have in common.
func Similarity(a, b []byte) float64 {
	if len(a) != fpSize*8 || len(b) != fpSize*8 {
		return 0
	}
	eq := 0
	for j := 0; j < fpSize; j++ {
		if binary.LittleEndian.Uint64(a[j*8:]) == binary.LittleEndian.Uint64(b[j*8:]) {
			eq++
		}
	}
	return float64(eq) / fpSize
}

// Bands of a fingerprint for locality-sensitive hashing: fpSize values cut
// into bandCount bands, each hashed. Two fingerprints of similarity s share
// a band with probability 1-(1-s^r)^b (r values a band): 0.89 at the copy
// threshold 0.7, 0.985 at 0.8, 0.9995 at 0.9, 0.013 at 0.2. Candidates found
// this way are then compared whole.
func Bands(fp []byte) []int64 {
	if len(fp) != fpSize*8 {
		return nil
	}
	const per = fpSize / bandCount * 8
	out := make([]int64, bandCount)
	for b := range out {
		h := fnv.New64a()
		h.Write([]byte{byte(b)})
		h.Write(fp[b*per : (b+1)*per])
		out[b] = int64(h.Sum64() >> 1) // non-negative: a BIGINT everywhere
	}
	return out
}

// bandCount is the number of bands of a fingerprint.
const bandCount = 8

// Shingles are the five-word shingles of a document's prose: its
// paragraphs as internal/layout finds them, without the page furniture
// (navigation, credits, footers) that a site adds to a wire story.
type Shingles map[uint64]bool

// ProseShingles reads the shingles of a document body.
func ProseShingles(body []byte) Shingles {
	text := body
	if l, err := layout.Parse(body, ""); err == nil && len(l.Paras) > 0 {
		var b []byte
		for _, p := range l.Paras {
			b = append(b, l.Clean[p.Start:p.End]...)
			b = append(b, '\n')
		}
		text = b
	}
	words := names.Tokens(string(text))
	out := make(Shingles, len(words))
	eachShingle(words, func(x uint64) { out[x] = true })
	return out
}

// eachShingle calls fn with the hash of every five-word shingle.
func eachShingle(words []string, fn func(uint64)) {
	h := fnv.New64a()
	for i := 0; i+shingle <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+shingle] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		fn(h.Sum64())
	}
}

// In is the share of a's shingles that b also has.
func (a Shingles) In(b Shingles) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// Containment is the share of the smaller prose's shingles that the larger
// one also has: an abridged copy (the first paragraphs of an article, a
// wire story cut to fit) is contained in its original although their
// fingerprints differ. It reads both texts whole, so it is asked only of
// pairs whose fingerprints already share something.
func Containment(a, b Shingles) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	return a.In(b)
}

// ContainShare is the containment past which the smaller text is a copy of
// the larger: more than half of its five-word sequences verbatim (reports
// written independently share a few quoted phrases, not most of their
// text; an abridged copy keeps most of its sentences but loses or reshapes
// its infobox and headers, 0.7 to 0.8 of its shingles); MinContainProbe
// is the fingerprint similarity past which containment is worth computing
// (two of 32 positions equal).
const (
	ContainShare    = 0.6
	MinContainProbe = 2.0 / fpSize
)

// HoldsMax is the size of copy group past which Original does not compare
// the members' prose (a wire story syndicated a thousand times): the
// earliest published, then the smallest, is its original.
const HoldsMax = 32

// CopyDoc is one document of a copy group.
type CopyDoc struct {
	ID        string
	Published string // YYYY-MM-DD…, or empty
	Size      int    // bytes of the whole body
	Prose     Shingles
}

// Original chooses the original of a group of copies, whatever order they
// came in: the earliest published (a dated document before an undated
// one); then the one that holds most of the others' prose (an abridged
// copy holds less of the full text than the full text holds of it); then
// the smallest (a site's copy adds furniture and footers to the same
// prose); then the smallest id.
func Original(group []CopyDoc) string {
	holds := make([]float64, len(group))
	if len(group) <= HoldsMax {
		for i := range group {
			for j := range group {
				if i != j {
					holds[i] += group[j].Prose.In(group[i].Prose)
				}
			}
		}
	}
	best := -1
	for i, d := range group {
		if best < 0 {
			best = i
			continue
		}
		b := group[best]
		switch {
		case (d.Published != "") != (b.Published != ""):
			if d.Published != "" {
				best = i
			}
		case d.Published != b.Published:
			if d.Published < b.Published {
				best = i
			}
		case holds[i]-holds[best] > 0.05 || holds[best]-holds[i] > 0.05:
			if holds[i] > holds[best] {
				best = i
			}
		case d.Size != b.Size:
			if d.Size < b.Size {
				best = i
			}
		case d.ID < b.ID:
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return group[best].ID
}
