package web_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/web"
)

// untouchable is a request body that fails the test if anything reads it:
// a write without a token must be refused before its body is read.
type untouchable struct{ t *testing.T }

func (u untouchable) Read([]byte) (int, error) {
	u.t.Error("the body was read before the token was checked")
	return 0, io.EOF
}

func post(t *testing.T, h http.Handler, path, contentType string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestReviewAPI(t *testing.T) {
	st := newStore(t)
	srv, tokens := newServer(t, st)
	secret, _, err := tokens.Create("Ada Reviewer")
	if err != nil {
		t.Fatal(err)
	}
	id := find(t, st, "incident", "assassination Kadhimi")
	auth := "Bearer " + secret
	body := `{"target":"incident","target_id":"` + id + `","field":"injuries","action":"correct","value":"7","note":"the ministry's later figure"}`

	// Refused before the body is read.
	for _, h := range [][]string{nil, {"Authorization", "Bearer dsk_notatoken"}, {"Authorization", "Basic YTpi"}, {"Cookie", "dossier_token=" + secret}} {
		rec := post(t, srv, "/api/v1/reviews", "application/json", untouchable{t}, h...)
		if rec.Code != 401 || errorCode(t, rec.Body.Bytes()) != "unauthorized" || !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("POST with %v: %d %s", h, rec.Code, rec.Body.String())
		}
	}
	for _, tc := range []struct {
		ctype, body string
		status      int
		code, msg   string
	}{
		{"text/plain", body, 415, "unsupported_media_type", "application/json"},
		{"application/json", `{"target":`, 400, "invalid", "malformed JSON"},
		{"application/json", `{"target":"incident","author":"someone else"}`, 400, "invalid", `unknown field \"author\"`},
		{"application/json", body + body, 400, "invalid", "more than one JSON value"},
		{"application/json", `{"target":"incident","target_id":"` + id + `","field":"colour","action":"correct","value":"red"}`, 400, "invalid", `unknown field \"colour\"`},
		{"application/json", `{"target":"incident","target_id":"` + id + `","field":"injuries","action":"correct","value":"many"}`, 400, "invalid", "want N, N-M or N+"},
		{"application/json", `{"target":"incident","target_id":"i000000000000","field":"injuries","action":"correct","value":"7"}`, 404, "not_found", ""},
		{"application/json", `{"note":"` + strings.Repeat("x", 70<<10) + `"}`, 413, "too_large", ""},
	} {
		rec := post(t, srv, "/api/v1/reviews", tc.ctype, strings.NewReader(tc.body), "Authorization", auth)
		if rec.Code != tc.status || errorCode(t, rec.Body.Bytes()) != tc.code || !strings.Contains(rec.Body.String(), tc.msg) {
			t.Errorf("POST %.60s: %d %s, want %d %s %q", tc.body, rec.Code, rec.Body.String(), tc.status, tc.code, tc.msg)
		}
		if strings.Contains(rec.Body.String(), "sql") || strings.Contains(rec.Body.String(), "review incident") {
			t.Errorf("internal text in an answer: %s", rec.Body.String())
		}
	}

	rec := post(t, srv, "/api/v1/reviews", "application/json; charset=utf-8", strings.NewReader(body), "Authorization", auth)
	if rec.Code != 201 {
		t.Fatalf("POST review: %d %s", rec.Code, rec.Body.String())
	}
	rv := decode[dossier.Review](t, rec)
	if rv.Author != "Ada Reviewer" || rv.ID == "" || rv.Value != "7" || rv.Time.IsZero() {
		t.Errorf("review: %+v", rv)
	}
	d := decode[dossier.IncidentDetail](t, mustGet(t, srv, "/api/v1/incidents/"+id))
	corrected := false
	for _, f := range d.Fields {
		if f.Field == "injuries" {
			corrected = f.Reviewed && f.Reconciled == "7"
		}
	}
	if !corrected || len(d.Reviews) != 1 {
		t.Errorf("the correction is not applied: %+v", d.Reviews)
	}
	list := decode[page[dossier.Review]](t, mustGet(t, srv, "/api/v1/reviews?target_id="+id))
	if len(list.Items) != 1 || list.Items[0].ID != rv.ID {
		t.Errorf("reviews list: %+v", list.Items)
	}
	page := mustGet(t, srv, "/incidents/"+id).Body.String()
	for _, want := range []string{"corrected by review", "7 injured", "Ada Reviewer", "the ministry&#39;s later figure"} {
		if !strings.Contains(page, want) {
			t.Errorf("the incident page does not show %q after the review", want)
		}
	}

	// A revoked token writes no more.
	if n, err := tokens.Revoke("Ada Reviewer"); n != 1 || err != nil {
		t.Fatalf("revoke: %d %v", n, err)
	}
	if rec := post(t, srv, "/api/v1/reviews", "application/json", untouchable{t}, "Authorization", auth); rec.Code != 401 {
		t.Errorf("revoked token: %d", rec.Code)
	}
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// TestReviewForms walks the browser's way: sign in with a token, review
// from the incident page's forms, sign out; and the CSRF defences.
func TestReviewForms(t *testing.T) {
	st := newStore(t)
	srv, tokens := newServer(t, st)
	secret, _, err := tokens.Create("grace")
	if err != nil {
		t.Fatal(err)
	}
	id := find(t, st, "incident", "assassination Kadhimi")
	incident := "/incidents/" + id

	// Signed out: no forms, a way to sign in.
	if p := mustGet(t, srv, incident).Body.String(); strings.Contains(p, `action="/reviews"`) || !strings.Contains(p, "/login?return=") {
		t.Error("a signed-out page shows review forms, or no way to sign in")
	}
	if rec := post(t, srv, "/login", "application/x-www-form-urlencoded", strings.NewReader("token=dsk_wrong&return="+url.QueryEscape(incident))); rec.Code != 401 || !strings.Contains(rec.Body.String(), "unknown or was revoked") {
		t.Errorf("a wrong token signs in: %d", rec.Code)
	}
	if rec := post(t, srv, "/login", "application/x-www-form-urlencoded", strings.NewReader("token="+secret), "Sec-Fetch-Site", "cross-site"); rec.Code != 403 {
		t.Errorf("a cross-site sign-in: %d", rec.Code)
	}
	rec := post(t, srv, "/login", "application/x-www-form-urlencoded", strings.NewReader("token="+secret+"&return="+url.QueryEscape("https://evil.example/")))
	if rec.Code != 303 || rec.Header().Get("Location") != "/" {
		t.Errorf("sign-in with a foreign return address: %d → %q", rec.Code, rec.Header().Get("Location"))
	}
	rec = post(t, srv, "/login", "application/x-www-form-urlencoded", strings.NewReader("token="+secret+"&return="+url.QueryEscape(incident)))
	if rec.Code != 303 || rec.Header().Get("Location") != incident {
		t.Fatalf("sign in: %d → %q", rec.Code, rec.Header().Get("Location"))
	}
	cookie := rec.Result().Cookies()[0]
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Value != secret {
		t.Errorf("cookie: %+v", cookie)
	}
	cookieHeader := cookie.Name + "=" + cookie.Value

	p := get(t, srv, incident, "Cookie", cookieHeader).Body.String()
	m := csrfRe.FindStringSubmatch(p)
	if m == nil || !strings.Contains(p, "Reviewing as <b class=\"reviewer\">grace</b>") || !strings.Contains(p, `value="confirm"`) {
		t.Fatal("signed in, the page shows no review forms")
	}
	csrf := m[1]
	form := url.Values{"csrf": {csrf}, "return": {incident}, "target": {"incident"}, "target_id": {id}, "field": {"injuries"}, "action": {"confirm"}, "value": {"6"}}

	// No token: 401 before the body is read. Token but no CSRF value, or
	// another site's request: 403.
	if rec := post(t, srv, "/reviews", "application/x-www-form-urlencoded", untouchable{t}); rec.Code != 401 || !strings.Contains(rec.Body.String(), "Sign in with a token") {
		t.Errorf("a form without a token: %d", rec.Code)
	}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("csrf", "forged")
	if rec := post(t, srv, "/reviews", "application/x-www-form-urlencoded", strings.NewReader(bad.Encode()), "Cookie", cookieHeader); rec.Code != 403 {
		t.Errorf("a forged CSRF value: %d", rec.Code)
	}
	bad.Del("csrf")
	if rec := post(t, srv, "/reviews", "application/x-www-form-urlencoded", strings.NewReader(bad.Encode()), "Cookie", cookieHeader); rec.Code != 403 {
		t.Errorf("no CSRF value: %d", rec.Code)
	}
	if rec := post(t, srv, "/reviews", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()), "Cookie", cookieHeader, "Sec-Fetch-Site", "cross-site"); rec.Code != 403 {
		t.Errorf("a cross-site form: %d", rec.Code)
	}
	if rec := post(t, srv, "/reviews", "application/x-www-form-urlencoded", strings.NewReader("csrf="+strings.Repeat("x", 20<<10)), "Cookie", cookieHeader); rec.Code != 413 {
		t.Errorf("a large form: %d", rec.Code)
	}
	if reviews, _ := st.Reviews(context.Background(), dossier.ReviewFilter{}); len(reviews) != 0 {
		t.Fatalf("refused forms stored %d reviews", len(reviews))
	}

	rec = post(t, srv, "/reviews", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()), "Cookie", cookieHeader, "Sec-Fetch-Site", "same-origin")
	loc := rec.Header().Get("Location")
	if rec.Code != 303 || !strings.HasPrefix(loc, incident+"?reviewed=v") {
		t.Fatalf("review form: %d → %q %s", rec.Code, loc, rec.Body.String())
	}
	p = get(t, srv, loc, "Cookie", cookieHeader).Body.String()
	if !strings.Contains(p, `<span class="badge status-confirmed">confirmed</span>`) || !strings.Contains(p, "grace") {
		t.Error("the confirmed value is not marked on the page")
	}
	// A merge: split the encyclopedia copy off the seed's incident.
	d, err := st.Incident(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var report string
	for _, r := range d.Reports {
		if !strings.HasPrefix(r.Document.Path, "samples/kadhimi") {
			report = r.ID
		}
	}
	if report == "" {
		// The seed store has one document; split its only report.
		report = d.Reports[0].ID
	}
	split := url.Values{"csrf": {csrf}, "return": {incident}, "target": {"report"}, "target_id": {report}, "action": {"confirm"}}
	if rec := post(t, srv, "/reviews", "application/x-www-form-urlencoded", strings.NewReader(split.Encode()), "Cookie", cookieHeader); rec.Code != 303 {
		t.Errorf("merge review: %d %s", rec.Code, rec.Body.String())
	}
	// Invalid reviews come back as a page that says why.
	inv := url.Values{"csrf": {csrf}, "target": {"incident"}, "target_id": {id}, "field": {"injuries"}, "action": {"correct"}, "value": {"lots"}}
	if rec := post(t, srv, "/reviews", "application/x-www-form-urlencoded", strings.NewReader(inv.Encode()), "Cookie", cookieHeader); rec.Code != 400 || !strings.Contains(rec.Body.String(), "want N, N-M or N") {
		t.Errorf("an invalid correction: %d", rec.Code)
	}
	if reviews := mustGet(t, srv, "/reviews").Body.String(); !strings.Contains(reviews, "grace") || strings.Count(reviews, "<tr id=\"review-") != 2 {
		t.Errorf("the reviews page does not list the two reviews")
	}

	// Sign out: the cookie goes.
	rec = post(t, srv, "/logout", "application/x-www-form-urlencoded", strings.NewReader("csrf="+url.QueryEscape(csrf)+"&return=/"), "Cookie", cookieHeader)
	if rec.Code != 303 || len(rec.Result().Cookies()) != 1 || rec.Result().Cookies()[0].MaxAge >= 0 {
		t.Errorf("sign out: %d %v", rec.Code, rec.Result().Cookies())
	}
}

func TestTokenFile(t *testing.T) {
	path := t.TempDir() + "/sub/tokens"
	f := web.OpenTokenFile(path)
	ctx := context.Background()
	if _, err := f.Authenticate(ctx, "dsk_anything"); !errors.Is(err, web.ErrBadToken) {
		t.Errorf("no file: %v", err)
	}
	a, ia, err := f.Create("alice")
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := f.Create("bob smith")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a, "dsk_") || len(a) < 30 || a == b {
		t.Errorf("tokens %q %q", a, b)
	}
	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), a) || !strings.Contains(string(raw), "alice") {
		t.Error("the file holds a secret, or not the name")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	// Another process (another TokenFile) sees new tokens at once.
	other := web.OpenTokenFile(path)
	for secret, name := range map[string]string{a: "alice", b: "bob smith"} {
		if got, err := other.Authenticate(ctx, secret); got != name || err != nil {
			t.Errorf("authenticate %s: %q %v", name, got, err)
		}
	}
	if _, err := other.Authenticate(ctx, a+"x"); !errors.Is(err, web.ErrBadToken) {
		t.Errorf("a wrong token: %v", err)
	}
	if n, err := f.Revoke(ia.ID); n != 1 || err != nil {
		t.Fatalf("revoke by id: %d %v", n, err)
	}
	if _, err := other.Authenticate(ctx, a); !errors.Is(err, web.ErrBadToken) {
		t.Errorf("a revoked token still works: %v", err)
	}
	if got, _ := other.Authenticate(ctx, b); got != "bob smith" {
		t.Error("revoking one token lost another")
	}
	ts, _ := f.List()
	if len(ts) != 1 || ts[0].Name != "bob smith" {
		t.Errorf("list: %+v", ts)
	}
	if _, _, err := f.Create("bad\tname"); err == nil {
		t.Error("a name with a tab was accepted")
	}
	os.WriteFile(path, []byte("garbage\n"), 0o600)
	if _, err := other.Authenticate(ctx, b); err == nil || errors.Is(err, web.ErrBadToken) {
		t.Errorf("a malformed file: %v", err)
	}
}
