package numbers

import "testing"

// FuzzFind checks invariants on any input: no panic, spans within bounds
// and in order, intervals well formed.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"At least nine people were killed and more than 125 injured.",
		"between 200 and 300, 41–49, 325+, ~277+, two or three, one to two",
		"Thirty eight people; two hundred and fifty; 1.5 million; a dozen",
		"dozens of people, scores more, a few, several hundred, tens of thousands",
		"the 1980 Oktoberfest bombing at 21:30 and 10 a.m.; a 24-year-old; 30%",
		"40 (+1 suicide bomber)", "108, including 25 men, 34 women and 49 children",
		"None", "Unknown, 61+ (per government agencies)", "2021-11-07", "AK-47 [13]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, q := range Find(s) {
			checkQuantity(t, s, q)
			if q.Start < prev {
				t.Fatalf("Find(%q): %+v starts before the end of the one before (%d)", s, q, prev)
			}
			prev = q.End
		}
		if q, ok := ParseCount(s); ok {
			checkQuantity(t, s, q)
		}
		c := ParseCasualties(s)
		if c.HasKilled {
			checkQuantity(t, s, c.Killed)
		}
		if c.HasInjured {
			checkQuantity(t, s, c.Injured)
		}
		if n, ok := ParseCardinal(s); ok && n < 0 {
			t.Fatalf("ParseCardinal(%q) = %d", s, n)
		}
	})
}

func checkQuantity(t *testing.T, s string, q Quantity) {
	t.Helper()
	if q.Start < 0 || q.End > len(s) || q.Start >= q.End {
		t.Fatalf("%q: span %d..%d out of bounds", s, q.Start, q.End)
	}
	if q.Min < 0 || (!q.Open && q.Max < q.Min) {
		t.Fatalf("%q: bad interval %+v", s, q)
	}
	if q.Open && q.Max != 0 {
		t.Fatalf("%q: open interval with a max %+v", s, q)
	}
}
