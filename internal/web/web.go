// Package web serves the knowledge base to people and to programs: HTML
// pages rendered on the server, which work without JavaScript and are
// enhanced by small scripts (timeline, map, network), and a JSON API under
// /api/v1 described by an OpenAPI document.
//
// It reaches a store only through the interfaces of the root package, so
// it serves SQLite and PostgreSQL alike and never imports either. Document
// text is untrusted: every page is rendered with html/template, the one
// place that builds HTML by hand (highlighting a document) escapes each
// piece of text it emits, and a Content-Security-Policy that allows no
// inline script goes with every response.
package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"

	"github.com/dossier-project/dossier"
)

// Store is what the web layer reads and writes: incidents, actors,
// documents, search, reviews and the counts shown on the home page.
type Store interface {
	dossier.IncidentReader
	dossier.ActorReader
	dossier.DocumentReader
	dossier.Searcher
	dossier.Reviewer
	dossier.QueueReader
	dossier.CursorSigner
	Stats(ctx context.Context) (dossier.Stats, error)
}

// Authenticator tells who holds a bearer token. It returns ErrBadToken for
// a token it does not know (or that was revoked).
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (author string, err error)
}

// Config configures a Server.
type Config struct {
	Store Store
	// Auth checks the tokens that may write (reviews); nil means that
	// nobody may write.
	Auth Authenticator
	Log  *slog.Logger
	// SecureCookies marks the sign-in cookie Secure, for a server behind
	// TLS. It is also Secure on a request that arrived over TLS or that a
	// proxy says did (X-Forwarded-Proto: https).
	SecureCookies bool
	// AllowedHosts are the host names (without port) requests may name in
	// their Host header; others are refused (421), which defeats DNS
	// rebinding against a server on this machine. Empty allows any host;
	// "*" in the list too.
	AllowedHosts []string
	// MaxInFlight bounds the requests served at once; the others wait
	// their turn. 0 means one per CPU.
	MaxInFlight int
}

// Server is the web UI and the API as one http.Handler.
type Server struct {
	store  Store
	auth   Authenticator
	log    *slog.Logger
	secure bool
	hosts  map[string]bool // nil: any
	// heavy admits the responses that carry a whole document (up to 16 MiB
	// of text, several times that as a page): a client that does not read
	// holds its response until the write deadline, so only a few are
	// built at once.
	heavy   chan struct{}
	pages   map[string]*template.Template
	assets  *assets
	openapi []byte
	// params are the query parameters each API route takes.
	params  map[string]map[string]bool
	handler http.Handler
	cop     *http.CrossOriginProtection
	// slots admits requests: a store and two CPUs serve a few requests at
	// once better than hundreds.
	slots chan struct{}

	netMu    sync.Mutex
	netCache *networkEntry
}

// New builds a server: it parses every template and indexes the static
// assets, so a broken template fails here rather than on a request.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("web: no store")
	}
	s := &Server{store: cfg.Store, auth: cfg.Auth, log: cfg.Log, secure: cfg.SecureCookies,
		cop: http.NewCrossOriginProtection()}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	for _, h := range cfg.AllowedHosts {
		if h == "*" {
			s.hosts = nil
			break
		}
		if s.hosts == nil {
			s.hosts = map[string]bool{}
		}
		s.hosts[normHost(h)] = true
	}
	n := cfg.MaxInFlight
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	s.slots = make(chan struct{}, n)
	s.heavy = make(chan struct{}, maxHeavy)
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.pages, err = parseTemplates(s.assets); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.openapi, err = openAPIDocument(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.params, err = apiParams(s.openapi); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s.handler = s.middleware(s.routes())
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// routes registers every page and endpoint. The paths are a contract:
// scripts outside the project rely on them.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	page := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		mux.Handle(pattern, s.htmlHandler(h))
	}
	api := func(method, path string, h func(http.ResponseWriter, *http.Request) error) {
		mux.Handle(method+" "+path, s.apiHandler(h))
		// The same path with another method answers 405 in JSON rather
		// than the mux's plain text.
		mux.Handle(path, s.apiHandler(func(w http.ResponseWriter, r *http.Request) error {
			w.Header().Set("Allow", method)
			return errorf(codeMethod, "%s is not allowed here; use %s", r.Method, method)
		}))
	}

	page("GET /{$}", s.home)
	page("GET /incidents", s.incidentList)
	page("GET /incidents/{id}", s.incidentPage)
	page("GET /actors", s.actorList)
	page("GET /actors/{id}", s.actorPage)
	page("GET /documents", s.documentList)
	page("GET /documents/{id}", s.documentPage)
	page("GET /timeline", s.timelinePage)
	page("GET /map", s.mapPage)
	page("GET /network", s.networkPage)
	page("GET /search", s.searchPage)
	page("GET /reviews", s.reviewList)
	page("GET /queue", s.queuePage)
	page("GET /login", s.loginPage)
	// Forms that change something check the token, then the origin, then
	// read the (bounded) body and check its CSRF field.
	page("POST /login", s.login)
	page("POST /logout", s.logout)
	page("POST /reviews", s.reviewForm)
	mux.Handle("GET /static/{file...}", http.HandlerFunc(s.static))
	page("/", func(w http.ResponseWriter, r *http.Request) error {
		return errorf(codeNotFound, "there is no page at %s", r.URL.Path)
	})

	api("GET", "/api/v1/incidents", s.apiIncidents)
	api("GET", "/api/v1/incidents/{id}", s.apiIncident)
	api("GET", "/api/v1/actors", s.apiActors)
	api("GET", "/api/v1/actors/{id}", s.apiActor)
	api("GET", "/api/v1/documents", s.apiDocuments)
	api("GET", "/api/v1/documents/{id}", s.apiDocument)
	api("GET", "/api/v1/search", s.apiSearch)
	api("GET", "/api/v1/network", s.apiNetwork)
	api("GET", "/api/v1/stats", s.apiStats)
	api("GET", "/api/v1/queue", s.apiQueue)
	api("GET", "/api/v1/openapi.json", s.apiOpenAPI)
	mux.Handle("GET /api/v1/reviews", s.apiHandler(s.apiReviews))
	mux.Handle("POST /api/v1/reviews", s.apiHandler(s.apiAddReview))
	mux.Handle("/api/v1/reviews", s.apiHandler(func(w http.ResponseWriter, r *http.Request) error {
		w.Header().Set("Allow", "GET, POST")
		return errorf(codeMethod, "%s is not allowed here; use GET or POST", r.Method)
	}))
	mux.Handle("/api/", s.apiHandler(func(w http.ResponseWriter, r *http.Request) error {
		return errorf(codeNotFound, "no endpoint at %s (see /api/v1/openapi.json)", r.URL.Path)
	}))
	return mux
}

// htmlHandler turns a page handler's error into an error page.
func (s *Server) htmlHandler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.htmlError(w, r, err)
		}
	})
}

// apiHandler turns an endpoint's error into a JSON error.
func (s *Server) apiHandler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := s.knownParams(r)
		if err == nil {
			err = h(w, r)
		}
		if err != nil {
			s.jsonError(w, r, err)
		}
	})
}

// writeJSON answers v as JSON, with an ETag so that clients can revalidate.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	b = append(b, '\n')
	respond(w, r, status, "application/json", b)
	return nil
}

// normHost is a Host header's host name, lower-case, without port or brackets.
func normHost(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	return strings.TrimSuffix(strings.Trim(h, "[]"), ".")
}

// secureRequest tells whether the sign-in cookie must be Secure.
func (s *Server) secureRequest(r *http.Request) bool {
	return s.secure || r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// maxHeavy is how many whole-document responses are built and sent at once.
const maxHeavy = 2

// admitHeavy waits for a place among the whole-document responses and
// returns the function that frees it, or the request's error.
func (s *Server) admitHeavy(r *http.Request) (func(), error) {
	select {
	case s.heavy <- struct{}{}:
		return func() { <-s.heavy }, nil
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
}
