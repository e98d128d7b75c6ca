package main

import (
	"strings"
	"testing"
)

// TestSecretsNeverPrinted: database passwords, in URL form (a raw "@" in
// the password included) or libpq key-value form, given by $DOSSIER_DB or
// by a flag, appear in no output of help, flag typos, failed connections or
// the default-store messages.
func TestSecretsNeverPrinted(t *testing.T) {
	// No "/" in it: the host stays 127.0.0.1 (a "/" would make pgx look up a
	// host name made of the password).
	const pw = "s3cr@t-P4ss:w0rd"
	for _, c := range []struct {
		name, env string
		args      []string
	}{
		{"help with $DOSSIER_DB", "postgres://alice:" + pw + "@127.0.0.1:1/kb", []string{"incidents", "--help"}},
		{"flag typo with $DOSSIER_DB", "postgres://alice:" + pw + "@127.0.0.1:1/kb", []string{"incidents", "--nosuchflag"}},
		{"failed connection", "postgres://alice:" + pw + "@127.0.0.1:1/kb?connect_timeout=1", []string{"incidents"}},
		{"key-value DSN", "host=127.0.0.1 port=1 user=alice password=" + pw + " dbname=kb connect_timeout=1", []string{"incidents"}},
		{"quoted key-value DSN", "", []string{"incidents", "--db", "host=127.0.0.1 port=1 password='" + pw + " x' connect_timeout=1"}},
		{"--db flag", "", []string{"actors", "--db=postgres://bob:" + pw + "@127.0.0.1:1/kb?connect_timeout=1"}},
		{"copy --from", "", []string{"copy", "--from", "postgres://bob:" + pw + "@127.0.0.1:1/kb?connect_timeout=1", "--to", t.TempDir() + "/x.db"}},
		{"db info", "postgres://alice:" + pw + "@127.0.0.1:1/kb?connect_timeout=1", []string{"db", "info"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("DOSSIER_DB", c.env)
			_, stdout, stderr := run(t, "", c.args...)
			out := stdout + stderr
			if strings.Contains(out, pw) || strings.Contains(out, "P4ss") || strings.Contains(out, "w0rd") {
				t.Errorf("the password was printed:\n%s", out)
			}
			if c.name == "key-value DSN" && strings.Contains(out, "SQLite") {
				t.Errorf("a key-value DSN was taken for an SQLite file:\n%s", out)
			}
		})
	}
}

func TestDSNPasswords(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://u:p@ss@host/db":                   "p@ss",
		"postgres://u:ab/cd@ef@host/db":               "ab/cd@ef",
		"postgresql://u:pa%40ss@host:5432/db":         "pa%40ss",
		"host=h user=u password=abc dbname=d":         "abc",
		"host=h password='a b' dbname=d":              "'a b'",
		"postgres://host/db?password=xyz&sslmode=off": "xyz",
		"postgres://u@host/db":                        "",
		"/home/me/kb.db":                              "",
	} {
		got := dsnPasswords(dsn)
		if want == "" {
			if len(got) != 0 {
				t.Errorf("dsnPasswords(%q) = %q, want none", dsn, got)
			}
			continue
		}
		if len(got) == 0 || got[0] != want {
			t.Errorf("dsnPasswords(%q) = %q, want %q first", dsn, got, want)
		}
	}
}
