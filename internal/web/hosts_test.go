package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/web"
)

// TestAllowedHosts: a request naming another host (a DNS rebinding page
// whose name now points at 127.0.0.1) is refused; the server's own names
// are answered.
func TestAllowedHosts(t *testing.T) {
	st := newStore(t)
	srv, err := web.New(web.Config{Store: st, AllowedHosts: []string{"localhost", "127.0.0.1", "::1", "kb.example.org"}})
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]int{
		"localhost:8080": 200, "127.0.0.1:8080": 200, "[::1]:8080": 200, "KB.example.org": 200,
		"evil.example": 421, "evil.example:8080": 421, "127.0.0.1.evil.example": 421,
	} {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/incidents", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, want)
		}
	}
}

// TestSecureCookie: the sign-in cookie is Secure with --secure-cookies and
// behind a TLS proxy (X-Forwarded-Proto: https), not on plain local HTTP.
func TestSecureCookie(t *testing.T) {
	st := newStore(t)
	for _, c := range []struct {
		flag, proxied, want bool
	}{{false, false, false}, {false, true, true}, {true, false, true}} {
		tokens := web.OpenTokenFile(filepath.Join(t.TempDir(), "tokens"))
		secret, _, err := tokens.Create("Ada")
		if err != nil {
			t.Fatal(err)
		}
		srv, err := web.New(web.Config{Store: st, Auth: tokens, SecureCookies: c.flag})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"token": {secret}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if c.proxied {
			req.Header.Set("X-Forwarded-Proto", "https")
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		cookie := rec.Header().Get("Set-Cookie")
		if cookie == "" {
			t.Fatalf("no cookie (%d %s)", rec.Code, rec.Body.String())
		}
		if got := strings.Contains(cookie, "; Secure"); got != c.want {
			t.Errorf("flag=%v proxied=%v: cookie %q", c.flag, c.proxied, cookie)
		}
	}
}
