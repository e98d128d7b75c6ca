package corpus

import "testing"

// FuzzLayout: the furniture stripper of the news set takes any page text
// and header: it lays it out or refuses the header, never panics, and a
// clean layout keeps the Source line first.
func FuzzLayout(f *testing.F) {
	f.Add("Source: https://en.wikinews.org/wiki/X\nLicense: CC BY 2.5\nTitle: T\nPublished: 2009-11-09\n\nT\n\nFrom Wikinews, the free news source you can write!\nJump to navigation Jump to search\n\nMonday, November 9, 2009\n\nA bomb killed three.\n\nRelated news\nThis page is archived")
	f.Add("Source: x\nTitle: y\n\n")
	f.Add("no header")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseReport(s)
		if err != nil {
			return
		}
		for _, l := range []string{LayoutClean, LayoutPage} {
			out := Layout(r, l)
			if len(out) < len("Source: ") || out[:len("Source: ")] != "Source: " {
				t.Fatalf("%s layout does not start with the Source line: %q", l, out)
			}
		}
	})
}
