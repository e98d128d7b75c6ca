package arextract

import (
	"strings"
	"testing"
)

// TestSplitNames: an infobox list of names splits at commas (Arabic and
// Latin), at a free-standing "و" and at "أو" (either group is named).
func TestSplitNames(t *testing.T) {
	for in, want := range map[string]string{
		"تنظيم الدولة الإسلامية أو حزب العمال الكردستاني": "تنظيم الدولة الإسلامية | حزب العمال الكردستاني",
		"حركة حماس، كتائب شهداء الأقصى":                   "حركة حماس | كتائب شهداء الأقصى",
		"جند الله و الحكومة":                              "جند الله | الحكومة",
		"حركة الشباب":                                     "حركة الشباب",
	} {
		if got := strings.Join(splitNames(in), " | "); got != want {
			t.Errorf("splitNames(%q) = %q, want %q", in, got, want)
		}
	}
}
