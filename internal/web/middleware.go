package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Bounds on what a request may ask. Bodies are bounded where they are read
// (maxFormBytes, maxJSONBytes).
const (
	maxURIBytes    = 4096
	maxQueryParams = 32
	maxQueryValue  = 512
	maxFormBytes   = 16 << 10
	maxJSONBytes   = 64 << 10
)

// cytoscapeStyle is the one <style> element a library adds (cytoscape
// positions its container with it); the policy allows exactly this text by
// its hash rather than any inline style.
const cytoscapeStyle = ".__________cytoscape_container { position: relative; }"

// contentSecurityPolicy allows scripts, styles, images and connections
// from this origin only: no inline script, no inline style except the hash
// above, no framing, forms posting only here.
var contentSecurityPolicy = func() string {
	h := sha256.Sum256([]byte(cytoscapeStyle))
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
		"base-uri 'none'",
	}, "; ")
}()

// middleware wraps every route: security headers on every response,
// request bounds, panic recovery and a debug log line.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if !sw.wrote {
					s.fail(sw, r, fmt.Errorf("panic: %v", v))
				}
			}
			s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "dur", time.Since(start))
		}()
		if s.hosts != nil && !s.hosts[normHost(r.Host)] {
			s.log.Warn("request for a host not allowed (see --allowed-host)", "host", r.Host)
			http.Error(sw, "421 misdirected request: this server does not answer for that host name", http.StatusMisdirectedRequest)
			return
		}
		if err := checkBounds(r); err != nil {
			s.fail(sw, r, err)
			return
		}
		// A body is read before the request takes a slot, within a deadline:
		// slow bodies (a sign-in form sent a byte a second) hold their own
		// connection only, never a slot other requests wait for. A write's
		// token (the API's header, a form's sign-in cookie) is checked
		// first: no body is read without one. Sign-in is the exception: its
		// body is the token.
		if hasBody(r) {
			if r.URL.Path != "/login" {
				if _, _, err := s.authorize(r, !isAPI(r)); err != nil {
					s.fail(sw, r, err)
					return
				}
			}
			if err := readBody(sw, r); err != nil {
				w.Header().Set("Connection", "close")
				s.fail(sw, r, err)
				return
			}
		}
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			// Wait for a slot; the time waited is reported apart from the
			// time served (Server-Timing: queue, app).
			select {
			case s.slots <- struct{}{}:
			case <-r.Context().Done():
				return
			}
			t := &timing{arrived: start, admitted: time.Now(), slots: s.slots}
			defer t.release()
			r = r.WithContext(context.WithValue(r.Context(), timingKey{}, t))
		}
		next.ServeHTTP(sw, r)
	})
}

// bodyReadTimeout bounds the time a client may take to send a body.
const bodyReadTimeout = 10 * time.Second

func hasBody(r *http.Request) bool {
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return r.ContentLength != 0
	}
	return false
}

// readBody reads a request's body into memory, at most the bound of its
// kind and within bodyReadTimeout, and puts it back as the request's body.
func readBody(w http.ResponseWriter, r *http.Request) error {
	limit := int64(maxFormBytes)
	if isAPI(r) {
		limit = maxJSONBytes
	}
	if r.ContentLength > limit {
		return errorf(codeTooLarge, "the request body is larger than %d bytes", limit)
	}
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(bodyReadTimeout)) // not every writer can; tests' recorders cannot
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	_ = rc.SetReadDeadline(time.Time{})
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return errorf(codeTimeout, "the request body did not arrive within %s", bodyReadTimeout)
		}
		return errorf(codeInvalid, "the request body could not be read")
	}
	if int64(len(body)) > limit {
		return errorf(codeTooLarge, "the request body is larger than %d bytes", limit)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return nil
}

// fail answers an error in the form the path calls for.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if isAPI(r) {
		s.jsonError(w, r, err)
	} else {
		s.htmlError(w, r, err)
	}
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// checkBounds refuses long URLs and large or numerous query parameters
// before any handler parses them.
func checkBounds(r *http.Request) error {
	if len(r.URL.RequestURI()) > maxURIBytes {
		return errorf(codeURITooLong, "the URL is longer than %d bytes", maxURIBytes)
	}
	if r.URL.RawQuery == "" {
		return nil
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return errorf(codeInvalid, "the query string is malformed")
	}
	n := 0
	for k, vs := range q {
		n += len(vs)
		for _, v := range vs {
			if len(v) > maxQueryValue {
				return errorf(codeInvalid, "query parameter %q is longer than %d bytes", k, maxQueryValue)
			}
		}
	}
	if n > maxQueryParams {
		return errorf(codeInvalid, "more than %d query parameters", maxQueryParams)
	}
	return nil
}

// statusWriter remembers the status for the log and whether anything was
// written, so that a panic after the headers does not write twice.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// respond writes a complete body with its ETag and the time the server
// spent (Server-Timing). A GET whose If-None-Match names the same ETag is
// answered 304 without a body.
func respond(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	h := w.Header()
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h.Set("Content-Type", contentType)
	if h.Get("Cache-Control") == "" {
		// Pages may differ for a signed-in reviewer; both revalidate.
		h.Set("Cache-Control", "no-cache")
	}
	if strings.HasPrefix(contentType, "text/html") {
		h.Set("Vary", "Cookie")
	}
	h.Set("Server-Timing", serverTiming(r))
	// The work is done: the slot goes to the next request while this
	// answer travels to a client that may be slow.
	if t, ok := r.Context().Value(timingKey{}).(*timing); ok {
		t.release()
	}
	if status == http.StatusOK {
		h.Set("ETag", etag)
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && etagMatch(r.Header.Get("If-None-Match"), etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// etagMatch reports whether an If-None-Match header names etag (weak
// comparison, as RFC 9110 asks for If-None-Match).
func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// timing is when a request arrived and when a slot admitted it, and gives
// the slot back once.
type timing struct {
	arrived, admitted time.Time
	slots             chan struct{}
	once              sync.Once
}

func (t *timing) release() { t.once.Do(func() { <-t.slots }) }

type timingKey struct{}

// serverTiming reports the time a request waited for a slot (queue) and
// the time it has been served since (app), in milliseconds.
func serverTiming(r *http.Request) string {
	t, ok := r.Context().Value(timingKey{}).(*timing)
	if !ok {
		return "app;dur=0"
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return fmt.Sprintf("queue;dur=%.2f, app;dur=%.2f", ms(t.admitted.Sub(t.arrived)), ms(time.Since(t.admitted)))
}
