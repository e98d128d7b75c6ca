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

func TestOnThisMachine(t *testing.T) {
	for _, tc := range []struct {
		dsn  string
		want bool
	}{
		{"postgres://u@127.0.0.1:5432/db", true},
		{"postgres://u@localhost/db", true},
		{"postgres://u@[::1]:5432/db", true},
		{"host=/var/run/postgresql dbname=db", true},
		{"postgres://u@db.example.org:5432/db", false},
		{"postgres://u@10.0.0.7/db", false},
		{"postgres://u:p@host:notaport/db", false},
	} {
		if got := OnThisMachine(tc.dsn); got != tc.want {
			t.Errorf("OnThisMachine(%q) = %v, want %v", tc.dsn, got, tc.want)
		}
	}
}
