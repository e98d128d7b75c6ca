package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer a server goroutine writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRe = regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)

// startServer runs a serving command (serve or demo) until the test ends
// and returns its URL.
func startServer(t *testing.T, args ...string) (url string, stdout *syncBuffer, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := &syncBuffer{}, &syncBuffer{}
	env := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: errb, Log: slog.New(slog.NewTextHandler(errb, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	done := make(chan int, 1)
	go func() { done <- Run(ctx, env, args) }()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingRe.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
			break
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("%s ended with %d before serving:\n%s\n%s", args[0], code, out, errb)
		case <-time.After(20 * time.Millisecond):
		}
	}
	if url == "" {
		cancel()
		t.Fatalf("%s did not print its URL:\n%s\n%s", args[0], out, errb)
	}
	stopped := false
	var code int
	stop = func() int {
		if !stopped {
			cancel()
			code, stopped = <-done, true
		}
		return code
	}
	t.Cleanup(func() { stop() })
	return url, out, stop
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kb.db")
	if code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", "../../samples/kadhimi-assassination-attempt.txt"); code != exitOK {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	url, out, stop := startServer(t, "serve", "--db", db, "--addr", "127.0.0.1:0")
	if !strings.Contains(out.String(), db+".tokens") {
		t.Errorf("serve does not say where the tokens are: %s", out)
	}
	if code, body := fetch(t, url); code != 200 || !strings.Contains(body, "Attempted assassination of Mustafa Al-Kadhimi") {
		t.Errorf("GET /: %d", code)
	}
	code, body := fetch(t, url+"api/v1/stats")
	var st struct{ Documents int }
	if code != 200 || json.Unmarshal([]byte(body), &st) != nil || st.Documents != 1 {
		t.Errorf("GET /api/v1/stats: %d %s", code, body)
	}
	// A token made while the server runs is accepted at once.
	code, secret, _ := dossierRun(t, "token", "create", "--db", db, "--name", "tester")
	if code != exitOK {
		t.Fatalf("token create: %d", code)
	}
	req, _ := http.NewRequest(http.MethodPost, url+"api/v1/reviews", strings.NewReader(`{"target":"incident"}`))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(secret))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 { // authorized; the review itself is incomplete
		t.Errorf("review with a fresh token: %d", resp.StatusCode)
	}
	if code := stop(); code != exitOK {
		t.Errorf("serve ended with %d after its context", code)
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

// TestServeBindError: an address in use is an error, not a silent
// goroutine.
func TestServeBindError(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kb.db")
	if code, _, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", "../../samples/kadhimi-assassination-attempt.txt"); code != exitOK {
		t.Fatal(errs)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, errs := dossierRun(t, "serve", "--db", db, "--addr", ln.Addr().String())
	if code != exitFailure || !strings.Contains(errs, "listen on "+ln.Addr().String()) || !strings.Contains(errs, "address already in use") {
		t.Errorf("serve on a busy address: %d %q", code, errs)
	}
	code, _, errs = dossierRun(t, "serve", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code != exitFailure || !strings.Contains(errs, "no knowledge base there") {
		t.Errorf("serve without a knowledge base: %d %q", code, errs)
	}
	if code, _, _ := dossierRun(t, "serve", "--db", db, "extra"); code != exitUsage {
		t.Errorf("serve with an argument: %d", code)
	}
}

func TestToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kb.db")
	code, secret, errs := dossierRun(t, "token", "create", "--db", db, "--name", "Ada")
	secret = strings.TrimSpace(secret)
	if code != exitOK || !strings.HasPrefix(secret, "dsk_") || !strings.Contains(errs, db+".tokens") {
		t.Fatalf("create: %d %q %q", code, secret, errs)
	}
	code, out, _ := dossierRun(t, "token", "list", "--db", db)
	if code != exitOK || !strings.Contains(out, "Ada") || strings.Contains(out, secret) {
		t.Errorf("list: %d %q", code, out)
	}
	if code, _, _ := dossierRun(t, "token", "revoke", "--db", db, "Ada"); code != exitOK {
		t.Errorf("revoke: %d", code)
	}
	if code, _, errs := dossierRun(t, "token", "revoke", "--db", db, "Ada"); code != exitFailure || !strings.Contains(errs, `no token "Ada"`) {
		t.Errorf("revoke again: %d %q", code, errs)
	}
	other := filepath.Join(t.TempDir(), "elsewhere")
	if code, _, _ := dossierRun(t, "token", "create", "--tokens", other, "--name", "Bob"); code != exitOK {
		t.Errorf("create in a named file: %d", code)
	}
	if code, out, _ := dossierRun(t, "token", "list", "--tokens", other); !strings.Contains(out, "Bob") || code != exitOK {
		t.Errorf("list a named file: %q", out)
	}
	if code, _, _ := dossierRun(t, "token", "rotate"); code != exitUsage {
		t.Errorf("unknown subcommand: %d", code)
	}
}

// TestDemo: the README's first command stores the bundled corpus once and
// serves every page.
func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	url, out, stop := startServer(t, "demo", "--db", db, "--addr", "127.0.0.1:0")
	if !strings.Contains(out.String(), "sample corpus: 64 document(s) stored") {
		t.Errorf("demo output: %s", out)
	}
	for _, p := range []string{"", "incidents", "timeline", "map", "network", "actors", "documents", "reviews", "search?q=Kadhimi",
		"api/v1/incidents", "api/v1/openapi.json", "static/THIRD_PARTY.txt"} {
		if code, body := fetch(t, url+p); code != 200 || len(body) < 500 {
			t.Errorf("GET /%s: %d, %d bytes", p, code, len(body))
		}
	}
	if _, body := fetch(t, url+"search?q=Kadhimi"); !strings.Contains(body, "Attempted assassination of Mustafa Al-Kadhimi") {
		t.Error("the demo does not find Kadhimi")
	}
	stop()
	_, out, _ = startServer(t, "demo", "--db", db, "--addr", "127.0.0.1:0")
	if !strings.Contains(out.String(), "all 64 documents already stored") {
		t.Errorf("second demo: %s", out)
	}
}
