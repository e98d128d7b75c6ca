package postgres

import "testing"

func TestSuccessor(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"attack", "attacl"}, {"a", "b"}, {"قتل", "قتم"}, {"z", "{"},
	} {
		if got := successor(tc.in); got != tc.want {
			t.Errorf("successor(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if !(tc.in+"zzz" < successor(tc.in)) {
			t.Errorf("%q: a longer word is not below the successor", tc.in)
		}
	}
}
