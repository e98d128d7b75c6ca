package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	verrors "github.com/pb33f/libopenapi-validator/errors"
)

// openAPIValidator reads the served OpenAPI document and checks that it is
// a valid OpenAPI 3.1 document.
func openAPIValidator(t *testing.T, srv http.Handler) validator.Validator {
	t.Helper()
	spec := mustGet(t, srv, "/api/v1/openapi.json").Body.Bytes()
	doc, err := libopenapi.NewDocument(spec)
	if err != nil {
		t.Fatalf("parse the OpenAPI document: %v", err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatalf("build the validator: %v", errs)
	}
	if ok, verrs := v.ValidateDocument(); !ok {
		for _, e := range verrs {
			t.Errorf("the OpenAPI document is invalid: %s", describe(e.Message, e.Reason, e.SchemaValidationErrors))
		}
	}
	return v
}

// report turns the validator's errors into messages.
func report(ok bool, errs []*verrors.ValidationError) (bool, []string) {
	var out []string
	for _, e := range errs {
		out = append(out, describe(e.Message, e.Reason, e.SchemaValidationErrors))
	}
	return ok, out
}

func describe[T any](msg, reason string, details []T) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", msg, reason)
	for i, d := range details {
		if i == 5 {
			fmt.Fprintf(&b, "\n\t... %d more", len(details)-5)
			break
		}
		fmt.Fprintf(&b, "\n\t%+v", d)
	}
	return b.String()
}

// serve answers one request and returns it with its response, as the
// validator wants them.
func serve(h http.Handler, req *http.Request) (*http.Request, *http.Response) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	body, _ := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	// The validator reads the request again (its query and body).
	out := req.Clone(req.Context())
	if req.GetBody != nil {
		out.Body, _ = req.GetBody()
	}
	return out, resp
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
			check := func(path string) *http.Response {
				req, resp := serve(shared, httptest.NewRequest(http.MethodGet, path, nil))
				// 400s answer requests the document forbids: only their
				// response is checked.
				validate := v.ValidateHttpRequestResponse
				if resp.StatusCode == http.StatusBadRequest {
					validate = v.ValidateHttpResponse
				}
				if ok, errs := report(validate(req, resp)); !ok {
					for _, e := range errs {
						t.Errorf("GET %s (%d): %s", path, resp.StatusCode, e)
					}
				}
				return resp
			}
			resp := check(path)
			if resp.StatusCode != http.StatusOK || !strings.Contains(path, "limit=") {
				return
			}
			var next page[json.RawMessage]
			if err := json.NewDecoder(resp.Body).Decode(&next); err != nil {
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
			req, resp := serve(srv, req)
			if resp.StatusCode != tc.status {
				t.Fatalf("POST /api/v1/reviews: %d, want %d", resp.StatusCode, tc.status)
			}
			if ok, errs := report(v.ValidateHttpResponse(req, resp)); !ok {
				for _, e := range errs {
					t.Errorf("POST /api/v1/reviews (%d): %s", resp.StatusCode, e)
				}
			}
		})
	}
}
