package main

import (
	"bytes"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Secrets never reach the terminal: the password of every database
// address dossier is given ($DOSSIER_DB, --db, --from, --to), in URL form
// ("postgres://user:pass@host/db", a raw "@" in the password included) or
// in libpq key-value form ("host=h user=u password=p"), is replaced by "…"
// in everything written to standard output and standard error: help
// (where a flag's default is $DOSSIER_DB), errors, logs, progress.

// dsnFlags are the flags whose value is a database address.
var dsnFlags = []string{"db", "from", "to"}

// secretsOf collects the passwords in $DOSSIER_DB and in the command
// line's database flags.
func secretsOf(envDB string, args []string) []string {
	var out []string
	add := func(dsn string) {
		for _, s := range dsnPasswords(dsn) {
			if s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	add(envDB)
	for i := 0; i < len(args); i++ {
		a := strings.TrimLeft(args[i], "-")
		if a == args[i] {
			continue // not a flag
		}
		name, val, hasVal := strings.Cut(a, "=")
		if !slices.Contains(dsnFlags, name) {
			continue
		}
		if !hasVal && i+1 < len(args) {
			val = args[i+1]
		}
		add(val)
	}
	return out
}

var kvPassword = regexp.MustCompile(`(?:^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`)

// isKeyValueDSN tells a libpq key-value connection string ("host=... dbname=...").
func isKeyValueDSN(dsn string) bool {
	for _, f := range strings.Fields(dsn) {
		k, _, ok := strings.Cut(f, "=")
		if !ok {
			return false
		}
		switch strings.TrimSpace(k) {
		case "host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "connect_timeout", "application_name", "passfile", "service":
			return true
		}
	}
	return false
}

// dsnPasswords returns the password of a database address in its written,
// decoded and encoded forms, or nothing.
func dsnPasswords(dsn string) []string {
	var pw []string
	if m := kvPassword.FindAllStringSubmatch(dsn, -1); m != nil {
		for _, x := range m {
			v := x[1]
			if strings.HasPrefix(v, "'") {
				v = strings.Trim(v, "'")
				pw = append(pw, x[1])
			}
			pw = append(pw, v)
		}
	}
	if i := strings.Index(dsn, "://"); i >= 0 {
		rest := dsn[i+3:]
		// The host never holds "@": the credentials run to the last "@"
		// before the path, whatever the password holds.
		end := len(rest)
		if q := strings.IndexAny(rest, "?"); q >= 0 {
			end = q
		}
		if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
			creds := rest[:at]
			if _, p, ok := strings.Cut(creds, ":"); ok && p != "" {
				pw = append(pw, p)
				// A raw "@", "/" or ":" in a password makes the URL
				// ambiguous and its pieces turn up as host or database
				// names in errors: each piece is a secret too.
				for _, piece := range strings.FieldsFunc(p, func(r rune) bool { return strings.ContainsRune("@/:?#", r) }) {
					if len(piece) >= 4 && piece != p {
						pw = append(pw, piece)
					}
				}
				if d, err := url.PathUnescape(p); err == nil && d != p {
					pw = append(pw, d)
				}
				pw = append(pw, url.QueryEscape(p), url.PathEscape(p))
			}
		}
		if q := strings.Index(rest, "?"); q >= 0 {
			if vals, err := url.ParseQuery(rest[q+1:]); err == nil {
				for _, p := range vals["password"] {
					pw = append(pw, p, url.QueryEscape(p))
				}
			}
		}
	}
	var out []string
	for _, p := range pw {
		if len(p) >= 1 && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// redactWriter replaces secrets in what passes through it. Lines are
// held until complete, so a secret split over two writes is still found.
type redactWriter struct {
	mu      sync.Mutex
	w       io.Writer
	secrets [][]byte
	pending []byte
}

func newRedactWriter(w io.Writer, secrets []string) io.Writer {
	if len(secrets) == 0 {
		return w
	}
	rw := &redactWriter{w: w}
	// longest first, so that an encoded form is replaced whole
	for _, s := range secrets {
		rw.secrets = append(rw.secrets, []byte(s))
	}
	for i := range rw.secrets {
		for j := i + 1; j < len(rw.secrets); j++ {
			if len(rw.secrets[j]) > len(rw.secrets[i]) {
				rw.secrets[i], rw.secrets[j] = rw.secrets[j], rw.secrets[i]
			}
		}
	}
	return rw
}

func (r *redactWriter) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pending = append(r.pending, p...)
	// write out every complete line; keep a partial line unless it is long
	// (a progress bar redraws with "\r": those count as line ends too)
	cut := bytes.LastIndexAny(r.pending, "\n\r")
	if cut < 0 && len(r.pending) < 4096 {
		return len(p), nil
	}
	if cut < 0 {
		cut = len(r.pending) - 1
	}
	out := r.scrub(r.pending[:cut+1])
	r.pending = append(r.pending[:0], r.pending[cut+1:]...)
	if _, err := r.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a held partial line.
func (r *redactWriter) Flush() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.pending) == 0 {
		return nil
	}
	out := r.scrub(r.pending)
	r.pending = r.pending[:0]
	_, err := r.w.Write(out)
	return err
}

func (r *redactWriter) scrub(b []byte) []byte {
	out := append([]byte(nil), b...)
	for _, s := range r.secrets {
		out = bytes.ReplaceAll(out, s, []byte("…"))
	}
	return out
}

// flushAll flushes writers that hold partial lines.
func flushAll(ws ...io.Writer) {
	for _, w := range ws {
		if f, ok := w.(interface{ Flush() error }); ok {
			f.Flush()
		}
	}
}
