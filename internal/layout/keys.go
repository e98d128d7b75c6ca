package layout

import (
	_ "embed"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/arabic"
)

//go:embed data/infobox_keys.tsv
var infoboxKeysTSV string

var (
	canonKeys  = map[string]string{}
	scrapeKeys []string // displayed forms, longest first
)

func init() {
	for _, ln := range strings.Split(infoboxKeysTSV, "\n") {
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		k, v, ok := strings.Cut(ln, "\t")
		if !ok {
			continue
		}
		canonKeys[squash(k)] = v
		scrapeKeys = append(scrapeKeys, k)
	}
	sort.Slice(scrapeKeys, func(i, j int) bool { return len(scrapeKeys[i]) > len(scrapeKeys[j]) })
}

// squash folds a key for matching: no case, spaces, underscores or
// hyphens, and Arabic letters folded (arabic.FoldRune: "الإصابات" and
// "الاصابات" are one key).
func squash(k string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(k) {
		if r == ' ' || r == '_' || r == '-' {
			continue
		}
		if f, ok := arabic.FoldRune(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// CanonKey maps an infobox key as written to the field it fills, or "".
// Numbered keys ("Casualties2") fill the field of their stem.
func CanonKey(k string) string {
	sq := squash(k)
	if c, ok := canonKeys[sq]; ok {
		return c
	}
	return canonKeys[strings.TrimRight(sq, "0123456789")]
}
