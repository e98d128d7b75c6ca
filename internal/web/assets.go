package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

// The built front-end (web/ rebuilds it with npm; Go needs no Node), the
// templates and the OpenAPI document are part of the binary.
//
//go:embed static templates openapi.json
var files embed.FS

// asset is one static file, with its content hash for cache busting and a
// gzip copy made on first use.
type asset struct {
	body  []byte
	ctype string
	hash  string

	once sync.Once
	gz   []byte
}

type assets struct {
	byName map[string]*asset
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]*asset{}}
	err := fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ctype := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".js":
			ctype = "text/javascript; charset=utf-8"
		case ".json":
			ctype = "application/json"
		case ".css":
			ctype = "text/css; charset=utf-8"
		case ".txt":
			ctype = "text/plain; charset=utf-8"
		}
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.byName[strings.TrimPrefix(p, "static/")] = &asset{body: b, ctype: ctype, hash: hex.EncodeToString(sum[:8])}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static assets: %w", err)
	}
	return a, nil
}

// url is the address of an asset with its hash, so that a new build is
// fetched at once while an unchanged one is cached for good. Templates
// call it; an unknown name fails the template at start-up.
func (a *assets) url(name string) (string, error) {
	f, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("no static asset %q", name)
	}
	return "/static/" + name + "?v=" + f.hash, nil
}

// static serves an embedded asset: immutable when asked for by its hash,
// revalidated otherwise; gzip when the client accepts it.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	f, ok := s.assets.byName[r.PathValue("file")]
	if !ok {
		s.htmlError(w, r, errorf(codeNotFound, "no static file %q", r.PathValue("file")))
		return
	}
	h := w.Header()
	etag := `"` + f.hash + `"`
	if r.URL.Query().Get("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("ETag", etag)
	h.Set("Vary", "Accept-Encoding")
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", f.ctype)
	body := f.body
	if len(body) > 1024 && acceptsGzip(r) {
		f.once.Do(func() {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(f.body)
			zw.Close()
			f.gz = buf.Bytes()
		})
		body = f.gz
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}

func openAPIDocument() ([]byte, error) {
	b, err := files.ReadFile("openapi.json")
	if err != nil {
		return nil, fmt.Errorf("openapi document: %w", err)
	}
	return b, nil
}
