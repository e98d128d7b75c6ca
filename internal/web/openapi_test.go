package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	legacyrouter "github.com/getkin/kin-openapi/routers/legacy"
)

// apiValidator checks requests and responses against the OpenAPI document
// the server serves.
type apiValidator struct {
	router routers.Router
}

// openAPIValidator reads the served OpenAPI document and checks that it is
// a valid OpenAPI 3.1 document.
func openAPIValidator(t *testing.T, srv http.Handler) *apiValidator {
	t.Helper()
	spec := mustGet(t, srv, "/api/v1/openapi.json").Body.Bytes()
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		t.Fatalf("parse the OpenAPI document: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Errorf("openapi %q: want 3.1", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document is invalid: %v", err)
	}
	router, err := legacyrouter.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &apiValidator{router: router}
}

// validate checks a response against the document, and its request too
// unless only the response is to be checked (a request the document
// forbids, answered 400). For a 3.1 document the schemas are checked as
// JSON Schema 2020-12.
func (v *apiValidator) validate(req *http.Request, resp *http.Response, body []byte, requestToo bool) []string {
	ctx := context.Background()
	route, params, err := v.router.FindRoute(req)
	if err != nil {
		return []string{"no route: " + err.Error()}
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true}}
	var errs []string
	if requestToo {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			errs = append(errs, "request: "+err.Error())
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		errs = append(errs, "response: "+err.Error())
	}
	return errs
}

// serve answers one request and returns it with its response, as the
// validator wants them.
func serve(h http.Handler, req *http.Request) (*http.Request, *http.Response, []byte) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	body, _ := io.ReadAll(resp.Body)
	// The validator reads the request again (its query and body).
	out := req.Clone(req.Context())
	if req.GetBody != nil {
		out.Body, _ = req.GetBody()
	}
	return out, resp, body
}

// TestOpenAPIResponses answers real requests to every route of the API,
// from the shared store, and validates each request and response (status,
// headers, body) against the OpenAPI document the server serves.
func TestOpenAPIResponses(t *testing.T) {
	st := newStore(t)
	srv, tokens := newServer(t, st)
	shared, _ := newServer(t, sharedStore(t))
	v := openAPIValidator(t, shared)
	x := sharedIDs(t)

	// Pages of every list, with the cursor of the first page followed.
	first := map[string]string{
		"incidents":             "/api/v1/incidents?limit=3",
		"incidents (brief)":     "/api/v1/incidents?view=brief&limit=3",
		"incidents (filtered)":  "/api/v1/incidents?country=Iraq&from=2021&to=2021-12&sort=-date&include_mentions=true&limit=2",
		"incidents (by actor)":  "/api/v1/incidents?actor=" + url.QueryEscape(x.actor) + "&limit=2",
		"actors":                "/api/v1/actors?limit=3",
		"actors (by kind)":      "/api/v1/actors?kind=armed_group&q=hezbollah&limit=2",
		"documents":             "/api/v1/documents?limit=3",
		"search":                "/api/v1/search?q=attack&limit=3",
		"search (one kind)":     "/api/v1/search?q=Kadhimi&kind=actor",
		"queue":                 "/api/v1/queue?limit=2",
		"reviews":               "/api/v1/reviews?limit=5",
		"incident":              "/api/v1/incidents/" + x.incident,
		"actor":                 "/api/v1/actors/" + x.actor,
		"actor by name":         "/api/v1/actors/Asaib%20Al-Haq",
		"document":              "/api/v1/documents/" + x.seed,
		"hostile document":      "/api/v1/documents/" + x.hostile,
		"network":               "/api/v1/network",
		"stats":                 "/api/v1/stats",
		"openapi":               "/api/v1/openapi.json",
		"400 bad filter":        "/api/v1/incidents?from=yesterday",
		"400 unknown parameter": "/api/v1/incidents?contry=Iraq",
		"400 bad cursor":        "/api/v1/actors?cursor=garbage",
		"404 incident":          "/api/v1/incidents/i000000000000",
		"404 actor":             "/api/v1/actors/nobody-at-all",
		"404 document":          "/api/v1/documents/d000000000000",
	}
	if x.hostileIncident != "" {
		first["hostile incident"] = "/api/v1/incidents/" + x.hostileIncident
	}
	// Every route the document describes is among those asked.
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(mustGet(t, shared, "/api/v1/openapi.json").Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for route, ops := range doc.Paths {
		re := regexp.MustCompile(`^` + strings.ReplaceAll(regexp.QuoteMeta(route), `\{id\}`, `[^/?]+`) + `(\?|$)`)
		for method := range ops {
			asked := method == "post" && route == "/api/v1/reviews"
			for _, path := range first {
				asked = asked || method == "get" && re.MatchString(path)
			}
			if !asked {
				t.Errorf("%s %s is not validated", strings.ToUpper(method), route)
			}
		}
	}
	for name, path := range first {
		t.Run(name, func(t *testing.T) {
			check := func(path string) (*http.Response, []byte) {
				req, resp, body := serve(shared, httptest.NewRequest(http.MethodGet, path, nil))
				// 400s answer requests the document forbids: only their
				// response is checked.
				for _, e := range v.validate(req, resp, body, resp.StatusCode != http.StatusBadRequest) {
					t.Errorf("GET %s (%d): %s", path, resp.StatusCode, e)
				}
				return resp, body
			}
			resp, body := check(path)
			if resp.StatusCode != http.StatusOK || !strings.Contains(path, "limit=") {
				return
			}
			var next page[json.RawMessage]
			if err := json.Unmarshal(body, &next); err != nil {
				t.Fatal(err)
			}
			if next.Next != nil {
				check(path + "&cursor=" + url.QueryEscape(*next.Next))
			}
		})
	}

	// Writing: refused without a token, recorded with one.
	secret, _, err := tokens.Create("Ada Reviewer")
	if err != nil {
		t.Fatal(err)
	}
	inc := find(t, st, "incident", "assassination Kadhimi")
	for _, tc := range []struct {
		name, token, body string
		status            int
	}{
		{"201 review", secret, `{"target": "incident", "target_id": "` + inc + `", "field": "injuries", "action": "correct", "value": "7", "note": "a later figure"}`, 201},
		{"401 without a token", "", `{}`, 401},
		{"400 bad review", secret, `{"target": "incident", "target_id": "` + inc + `", "field": "colour", "action": "correct", "value": "red"}`, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/api/v1/reviews", strings.NewReader(tc.body))
			req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(tc.body)), nil }
			req.Header.Set("Content-Type", "application/json")
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			req, resp, body := serve(srv, req)
			if resp.StatusCode != tc.status {
				t.Fatalf("POST /api/v1/reviews: %d, want %d", resp.StatusCode, tc.status)
			}
			for _, e := range v.validate(req, resp, body, tc.status == 201) {
				t.Errorf("POST /api/v1/reviews (%d): %s", resp.StatusCode, e)
			}
		})
	}
}
