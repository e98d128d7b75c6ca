package timex

import "testing"

func TestDaysBetween(t *testing.T) {
	for _, c := range []struct {
		a, b Date
		n    int
		ok   bool
	}{
		{Date{2021, 2, 28}, Date{2021, 3, 1}, 1, true},
		{Date{2020, 2, 28}, Date{2020, 3, 1}, 2, true},
		{Date{2021, 3, 1}, Date{2021, 2, 27}, -2, true},
		{Date{2020, 12, 31}, Date{2021, 1, 1}, 1, true},
		{Date{2021, 3, 0}, Date{2021, 3, 1}, 0, false},
	} {
		if n, ok := DaysBetween(c.a, c.b); n != c.n || ok != c.ok {
			t.Errorf("DaysBetween(%v, %v) = %d, %v; want %d, %v", c.a, c.b, n, ok, c.n, c.ok)
		}
	}
}
