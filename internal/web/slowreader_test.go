package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/internal/sqlite"
	"github.com/dossier-project/dossier/internal/storetest"
	"github.com/dossier-project/dossier/internal/web"
)

// TestSlowReadersHoldLittle: twenty clients that ask for a 24 MB document
// and never read the answer do not make the server hold twenty copies of
// it: only a few whole-document responses are built at once. Before, the
// server grew by about a gigabyte.
func TestSlowReadersHoldLittle(t *testing.T) {
	if testing.Short() {
		t.Skip("stores a 24 MB document")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "kb.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	text := strings.Repeat("A car bomb exploded near the market in Baghdad on Monday. ", (24<<20)/58)
	d := storetest.Doc("big.txt", "https://example.org/big", "A very long page", "2021-03-15", text)
	res, err := st.PutDocument(ctx, d, storetest.Extraction(d), storetest.Version)
	if err != nil {
		t.Fatal(err)
	}
	text, d = "", nil
	srv, err := web.New(web.Config{Store: st, MaxInFlight: 8})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	addr := strings.TrimPrefix(ts.URL, "http://")
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i < 20; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c.(*net.TCPConn).SetReadBuffer(4096)
		conns = append(conns, c)
		path := "/api/v1/documents/" + res.DocumentID
		if i%2 == 1 {
			path = "/documents/" + res.DocumentID
		}
		fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", path, addr)
	}
	time.Sleep(4 * time.Second) // every request has arrived and built what it may
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	grown := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("heap grew by %d MB with 20 clients not reading", grown>>20)
	if grown > 400<<20 {
		t.Errorf("the heap grew by %d MB: responses to clients that do not read are held", grown>>20)
	}
}
