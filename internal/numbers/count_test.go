package numbers

import "testing"

func TestParseCount(t *testing.T) {
	tests := []struct {
		in       string
		min, max int // max -1: open
		approx   bool
		ok       bool
	}{
		{"None", 0, 0, false, true},
		{"None (attack foiled)", 0, 0, false, true},
		{"No one", 0, 0, false, true},
		{"0", 0, 0, false, true},
		{"74", 74, 74, false, true},
		{"6 security guards", 6, 6, false, true},
		{"3 civilians", 3, 3, false, true},
		{"13 (including a victim who died in 2021)", 13, 13, false, true},
		{"41–49 reported", 41, 49, false, true},
		{"At least 416", 416, -1, false, true},
		{"At least 300", 300, -1, false, true},
		{"325+", 325, -1, false, true},
		{"325+[2]; 37+ captured", 325, -1, false, true},
		{"12 killed, 30 missing", 12, 12, false, true},
		{"40 captured", 0, 0, false, false},
		{"~277+", 277, -1, true, true},
		{"~30", 30, 30, true, true},
		{"40 (+1 suicide bomber)", 41, 41, false, true},
		{"21 (+5 attackers)", 26, 26, false, true},
		{"108, including 25 men, 34 women and 49 children (per U.N. observers)", 108, 108, false, true},
		{"10 killed, including Qasem Soleimani and Abu Mahdi al-Muhandis", 10, 10, false, true},
		{"1 contractor dead, 1 civilian dead", 2, 2, false, true},
		{"1 U.S.-led coalition contractor dead, 1 Kurdish civilian dead, Total: 2", 2, 2, false, true},
		{"5 contractors, 1 US soldier and 2 Kurdish civilians, Total: 8", 8, 8, false, true},
		{"3 (including the perpetrator)", 3, 3, false, true},
		{"23 (18 victims, 5 attackers)", 23, 23, false, true},
		{"20 hostages, 2 gunmen", 22, 22, false, true},
		{"10–50+", 10, -1, false, true},
		{"100–650", 100, 650, false, true},
		{"41 - 80 confirmed, 50+ (reported)", 41, 80, false, true},
		{"56+ (Including 6 perpetrators)", 56, -1, false, true},
		{"66 (14 critically)", 66, 66, false, true},
		{"7 and at least two Malian Special Forces", 9, -1, false, true},
		{"Unknown, 61+ (per government agencies)", 61, -1, false, true},
		{"2 (Villavicencio and one suspect)", 2, 2, false, true},
		{"6 IS members including Baghdadi, 10–15 non-IS militants", 16, 21, false, true},
		{"62 civilians killed, 163 wounded", 62, 62, false, true},
		{"Unknown", 0, 0, false, false},
		{"", 0, 0, false, false},
		{"Several", 3, -1, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, ok := ParseCount(tt.in)
			if ok != tt.ok {
				t.Fatalf("ParseCount(%q) ok = %v, want %v (%+v)", tt.in, ok, tt.ok, q)
			}
			if !ok {
				return
			}
			max := q.Max
			if q.Open {
				max = -1
			}
			if q.Min != tt.min || max != tt.max || q.Approx != tt.approx {
				t.Errorf("ParseCount(%q) = %d..%d approx=%v, want %d..%d approx=%v", tt.in, q.Min, max, q.Approx, tt.min, tt.max, tt.approx)
			}
			if q.Start < 0 || q.End > len(tt.in) || q.Start > q.End {
				t.Errorf("ParseCount(%q) span %d..%d out of bounds", tt.in, q.Start, q.End)
			}
		})
	}
}

func TestParseCasualties(t *testing.T) {
	tests := []struct {
		in              string
		killed, injured int // -1: none reported
	}{
		{"5 killed, 12 wounded", 5, 12},
		{"62 civilians killed, 163 wounded", 62, 163},
		{"2 soldiers and 1 dog injured", -1, 3},
		{"4 killed", 4, -1},
		{"10 killed, including Qasem Soleimani and Abu Mahdi al-Muhandis", 10, -1},
		{"2 children died after Baghdadi detonated his vest, 2 civilians killed and one injured by U.S. airstrikes", 4, 1},
		{"6 IS members including Baghdadi, 10–15 non-IS militants", -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c := ParseCasualties(tt.in)
			k, i := -1, -1
			if c.HasKilled {
				k = c.Killed.Min
			}
			if c.HasInjured {
				i = c.Injured.Min
			}
			if k != tt.killed || i != tt.injured {
				t.Errorf("ParseCasualties(%q) = killed %d, injured %d; want %d, %d", tt.in, k, i, tt.killed, tt.injured)
			}
		})
	}
}
