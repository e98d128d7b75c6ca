package web_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/web"
)

// TestSlowSignInBodies: four clients that send a sign-in form a byte at a
// time do not hold the server: other requests still answer in under two
// seconds. Before, each slow body held one of the request slots (one per
// core) while it trickled in.
func TestSlowSignInBodies(t *testing.T) {
	st := newStore(t)
	srv, err := web.New(web.Config{Store: st, MaxInFlight: 2})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	addr := strings.TrimPrefix(ts.URL, "http://")
	var conns []net.Conn
	for i := 0; i < 4; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		fmt.Fprintf(c, "POST /login HTTP/1.1\r\nHost: %s\r\nOrigin: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntoken=", addr, ts.URL)
	}
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	time.Sleep(200 * time.Millisecond) // the slow requests are in
	client := &http.Client{Timeout: 5 * time.Second}
	for _, path := range []string{"/", "/incidents", "/api/v1/incidents"} {
		start := time.Now()
		resp, err := client.Get(ts.URL + path)
		if err != nil {
			t.Fatalf("GET %s while slow bodies trickle in: %v", path, err)
		}
		resp.Body.Close()
		if d := time.Since(start); resp.StatusCode != 200 || d > 2*time.Second {
			t.Errorf("GET %s: %d after %s", path, resp.StatusCode, d)
		}
	}
}
