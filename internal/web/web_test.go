package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
)

// ids are the objects of the shared store the tests open.
type ids struct {
	incident, actor, seed, hostile, hostileIncident string
}

func sharedIDs(t *testing.T) ids {
	t.Helper()
	st := sharedStore(t)
	ctx := context.Background()
	var x ids
	x.incident = find(t, st, "incident", "assassination Kadhimi")
	x.actor = find(t, st, "actor", "Asaib")
	d, err := st.Document(ctx, "samples/kadhimi-assassination-attempt.txt")
	if err != nil {
		t.Fatal(err)
	}
	x.seed = d.DocumentID
	h, err := st.Document(ctx, "testdata/hostile.txt")
	if err != nil {
		t.Fatal(err)
	}
	x.hostile = h.DocumentID
	if len(h.Incidents) > 0 {
		x.hostileIncident = h.Incidents[0].ID
	}
	return x
}

// TestPages opens every page and checks its status and what it must show.
func TestPages(t *testing.T) {
	st := sharedStore(t)
	srv, _ := newServer(t, st)
	x := sharedIDs(t)
	tests := []struct {
		name   string
		path   string
		status int
		want   []string
	}{
		{"home", "/", 200, []string{"<b>65</b> documents", "Latest incidents", `action="/search"`, "Most documented actors"}},
		{"incident list", "/incidents", 200, []string{"Attempted assassination of Mustafa Al-Kadhimi", `name="from"`, "Next page"}},
		{"incident list filtered", "/incidents?country=Iraq&from=2021-11&to=2021-11-30&sort=-date", 200, []string{"Attempted assassination of Mustafa Al-Kadhimi", `value="Iraq"`}},
		{"incident list by actor", "/incidents?actor=Kata%27ib+Hezbollah", 200, []string{"Attempted assassination of Mustafa Al-Kadhimi"}},
		{"incident list by weapon", "/incidents?weapon=drone&type=Explosions%2FRemote+violence", 200, []string{"Attempted assassination of Mustafa Al-Kadhimi"}},
		{"incident list bad date", "/incidents?from=November", 400, []string{"want a date as YYYY, YYYY-MM or YYYY-MM-DD"}},
		{"incident list bad sort", "/incidents?sort=random", 400, []string{"sort=&#34;random&#34;"}},
		{"incident", "/incidents/" + x.incident, 200, []string{
			"<h1 dir=\"auto\">Attempted assassination of Mustafa Al-Kadhimi</h1>",
			"7 November 2021", "Baghdad, Iraq", "6 injured", "(1 source)", "copy of Attempted assassination of Mustafa Al-Kadhimi",
			"6 security guards", // the injuries' evidence
			"Claims of responsibility", "Kata&#39;ib Hezbollah", "accused by anonymous sources",
			"Statements", "Dismissed", "Condemned",
			"Evidence in the sources", `class="hl hl-incident`,
			"Sources and merges", "Before", "After", "Assassination of Qasem Soleimani",
			`id="minimap"`, `data-lat="33.`,
		}},
		{"incident with conflicts", "/incidents/" + find(t, st, "incident", "2022 Abu Dhabi attack"), 200, []string{
			"Sources disagree on", `class="field conflict"`, "sources disagree", "Violence against civilians", "(1 source)", "contested"}},
		{"incident missing", "/incidents/i000000000000", 404, []string{"there is no incident"}},
		{"actors", "/actors?q=asaib&kind=armed_group", 200, []string{"Asaib Al-Haq", "armed group"}},
		{"actor", "/actors/" + x.actor, 200, []string{"<h1 dir=\"auto\">Asaib Al-Haq</h1>", "Asaib Ahl al-Haq", "led by", "Qais Khazali", `id="timeline"`, "Names in the sources"}},
		{"actor by name", "/actors/" + url.PathEscape("Kata'ib Hezbollah"), 200, []string{"<h1 dir=\"auto\">Kata&#39;ib Hezbollah</h1>"}},
		{"actor missing", "/actors/a000000000000", 404, []string{"there is no actor"}},
		{"documents", "/documents", 200, []string{"kadhimi-assassination-attempt.txt", "2016 Berlin truck attack"}},
		{"document", "/documents/" + x.seed, 200, []string{`<pre class="doctext"`, `class="hl hl-incident`, `class="hl hl-actor`, "Incidents from this document"}},
		{"document with evidence", "/documents/" + x.seed + "?hl=10-40", 200, []string{`id="hl"`, "jump to the evidence"}},
		{"document bad hl", "/documents/" + x.seed + "?hl=40-10", 400, []string{"want START-END"}},
		{"document missing", "/documents/d000000000000", 404, []string{"there is no document"}},
		{"timeline", "/timeline", 200, []string{`id="timeline"`, `data-src="/api/v1/incidents?limit=500&amp;view=brief"`, "Incidents in this view"}},
		{"timeline filtered", "/timeline?country=Iraq", 200, []string{`data-src="/api/v1/incidents?country=Iraq&amp;limit=500&amp;view=brief"`}},
		{"map", "/map", 200, []string{`id="map"`, `data-countries="/static/countries-110m.json?v=`, "Located incidents", "Natural Earth"}},
		{"network", "/network", 200, []string{`id="network"`, `data-src="/api/v1/network"`, "relations between", "Qais Khazali"}},
		{"search", "/search?q=Kadhimi", 200, []string{"Attempted assassination of Mustafa Al-Kadhimi", `id="hits-actors"`, `id="hits-documents"`}},
		{"search accents", "/search?q=raphael+sako", 200, []string{"Louis Raphaël I Sako"}},
		{"search nothing", "/search?q=zzzzqqq", 200, []string{"Nothing matches"}},
		{"search empty", "/search", 200, []string{`class="bigsearch"`}},
		{"reviews", "/reviews", 200, []string{"No reviews yet"}},
		{"login", "/login?return=/incidents", 200, []string{`type="password"`, `name="return" value="/incidents"`}},
		{"no page", "/nowhere", 404, []string{"there is no page at /nowhere"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, srv, tc.path)
			body := rec.Body.String()
			if rec.Code != tc.status {
				t.Fatalf("GET %s: status %d, want %d\n%s", tc.path, rec.Code, tc.status, shortBody(body))
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: no %q in the page", tc.path, w)
				}
			}
			checkPage(t, tc.path, body)
		})
	}
}

var (
	inlineScript = regexp.MustCompile(`(?i)<script(\s[^>]*)?>`)
	eventAttr    = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	styleAttr    = regexp.MustCompile(`(?i)<[a-z][^>]*\sstyle\s*=`)
	styleElem    = regexp.MustCompile(`(?i)<style[\s>]`)
)

// checkPage asserts what the Content-Security-Policy relies on: no inline
// script, no inline event handler, no inline style.
func checkPage(t *testing.T, path, body string) {
	t.Helper()
	for _, m := range inlineScript.FindAllString(body, -1) {
		if !strings.Contains(m, ` src="/static/`) {
			t.Errorf("GET %s: a script that is not a static file: %s", path, m)
		}
	}
	for _, re := range []*regexp.Regexp{eventAttr, styleAttr, styleElem} {
		if m := re.FindString(body); m != "" {
			t.Errorf("GET %s: inline markup the policy forbids: %s", path, m)
		}
	}
}

func shortBody(b string) string {
	if len(b) > 2000 {
		return b[:2000] + "…"
	}
	return b
}

// TestHostileDocument: a document whose title, source and text are full of
// markup is shown as text on every page.
func TestHostileDocument(t *testing.T) {
	st := sharedStore(t)
	srv, _ := newServer(t, st)
	x := sharedIDs(t)
	paths := []string{"/documents/" + x.hostile, "/documents", "/search?q=Kabul+bomb", "/incidents?q=Kabul", "/",
		"/documents/" + x.hostile + "?hl=100-160"}
	if x.hostileIncident == "" {
		t.Error("the hostile document gave no incident; its incident page goes untested")
	} else {
		paths = append(paths, "/incidents/"+x.hostileIncident, "/timeline?q=Kabul", "/map?q=Kabul")
	}
	for _, p := range paths {
		rec := get(t, srv, p)
		if rec.Code != 200 {
			t.Errorf("GET %s: %d", p, rec.Code)
			continue
		}
		body := rec.Body.String()
		for _, bad := range []string{"<script>alert", "<img src=x", "<b onmouseover", "<svg", "evil.example/x.js\"></script>", "</pre><script"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: the document's markup %q reached the page unescaped", p, bad)
			}
		}
		checkPage(t, p, body)
	}
	body := get(t, srv, "/documents/"+x.hostile).Body.String()
	for _, want := range []string{`&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;`, `&lt;img src=x onerror=alert(&#39;img&#39;)&gt;`,
		`Bomb kills 3 in Kabul &lt;script&gt;`} {
		if !strings.Contains(body, want) {
			t.Errorf("the document page does not show %q as text", want)
		}
	}
	if strings.Contains(body, `href="https://example.org/news/2020/05/01/<script>`) {
		t.Error("the source URL went into an href unescaped")
	}
	// The API keeps the text as it is, in JSON that no browser runs as HTML.
	rec := get(t, srv, "/api/v1/documents/"+x.hostile)
	if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") || strings.Contains(rec.Body.String(), "<script>") {
		t.Errorf("API: content type %q; raw markup in JSON: %v", rec.Header().Get("Content-Type"), strings.Contains(rec.Body.String(), "<script>"))
	}
	var d dossier.DocumentDetail
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil || !strings.Contains(d.Text, `<script>alert("body")</script>`) {
		t.Errorf("API: the text did not survive the round trip (%v)", err)
	}
}

// TestSecurityHeaders: every response, whatever its kind or status, has
// the policy and its companions.
func TestSecurityHeaders(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	for _, p := range []string{"/", "/nowhere", "/api/v1/incidents", "/api/v1/nowhere", "/static/dossier.css", "/static/none.js",
		"/incidents?from=x", "/" + strings.Repeat("a", 5000)} {
		rec := get(t, srv, p)
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %.40s (%d): CSP %q lacks %q", p, rec.Code, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("GET %.40s: CSP allows unsafe sources: %s", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") == "" {
			t.Errorf("GET %.40s: missing companion headers: %v", p, h)
		}
	}
}

// TestBounds: long URLs, many parameters and long values are refused
// before a handler runs.
func TestBounds(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	many := url.Values{}
	for i := 0; i < 40; i++ {
		many.Add("q", "x")
	}
	tests := []struct {
		path   string
		status int
		code   string
	}{
		{"/api/v1/incidents?q=" + strings.Repeat("a", 5000), 414, "uri_too_long"},
		{"/api/v1/incidents?" + many.Encode(), 400, "invalid"},
		{"/api/v1/incidents?q=" + strings.Repeat("a", 600), 400, "invalid"},
		{"/api/v1/incidents?q=%zz", 400, "invalid"},
		{"/api/v1/incidents?limit=100000", 400, "invalid"},
		{"/api/v1/incidents/" + strings.Repeat("i", 400), 400, "invalid"},
	}
	for _, tc := range tests {
		rec := get(t, srv, tc.path)
		if rec.Code != tc.status || errorCode(t, rec.Body.Bytes()) != tc.code {
			t.Errorf("GET %.60s: %d %s, want %d %s", tc.path, rec.Code, rec.Body.String(), tc.status, tc.code)
		}
	}
	if rec := get(t, srv, "/incidents?q="+strings.Repeat("a", 600)); rec.Code != 400 || !strings.Contains(rec.Body.String(), "longer than") {
		t.Errorf("an HTML page with a long parameter: %d", rec.Code)
	}
}

func errorCode(t *testing.T, body []byte) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(body, &e); err != nil {
		return "(not JSON: " + err.Error() + ")"
	}
	return e.Error.Code
}

// TestStatic: assets are embedded, typed, cached for good under their
// hash, compressed when asked.
func TestStatic(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	page := get(t, srv, "/map").Body.String()
	refs := regexp.MustCompile(`/static/([a-z0-9.-]+)\?v=([0-9a-f]+)`).FindAllStringSubmatch(page, -1)
	if len(refs) < 5 {
		t.Fatalf("the map page links %d assets", len(refs))
	}
	types := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml"}
	for _, r := range refs {
		rec := get(t, srv, r[0])
		if rec.Code != 200 {
			t.Errorf("GET %s: %d", r[0], rec.Code)
			continue
		}
		for ext, ct := range types {
			if strings.HasSuffix(r[1], ext) && rec.Header().Get("Content-Type") != ct {
				t.Errorf("GET %s: Content-Type %q, want %q", r[0], rec.Header().Get("Content-Type"), ct)
			}
		}
		if !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
			t.Errorf("GET %s: Cache-Control %q", r[0], rec.Header().Get("Cache-Control"))
		}
		if again := get(t, srv, r[0], "If-None-Match", rec.Header().Get("ETag")); again.Code != 304 {
			t.Errorf("GET %s with its ETag: %d", r[0], again.Code)
		}
	}
	gz := get(t, srv, "/static/timeline.js", "Accept-Encoding", "gzip")
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Body.Len() > 300<<10 {
		t.Errorf("timeline.js: encoding %q, %d bytes", gz.Header().Get("Content-Encoding"), gz.Body.Len())
	}
	if rec := get(t, srv, "/static/THIRD_PARTY.txt"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "leaflet") {
		t.Errorf("the licences of the bundled libraries are not served")
	}
	if rec := get(t, srv, "/static/nope.js"); rec.Code != 404 {
		t.Errorf("a missing asset: %d", rec.Code)
	}
}

// TestConditionalGet: pages and answers have ETags and revalidate.
func TestConditionalGet(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	for _, p := range []string{"/", "/api/v1/incidents?limit=3"} {
		rec := get(t, srv, p)
		etag := rec.Header().Get("ETag")
		if etag == "" {
			t.Fatalf("GET %s: no ETag", p)
		}
		if rec.Header().Get("Server-Timing") == "" {
			t.Errorf("GET %s: no Server-Timing", p)
		}
		if again := get(t, srv, p, "If-None-Match", etag); again.Code != http.StatusNotModified || again.Body.Len() != 0 {
			t.Errorf("GET %s with If-None-Match: %d, %d bytes", p, again.Code, again.Body.Len())
		}
		if other := get(t, srv, p, "If-None-Match", `"other"`); other.Code != 200 {
			t.Errorf("GET %s with another ETag: %d", p, other.Code)
		}
	}
}

// TestPreviousPage walks the incident list forward by its Next links and
// back by its Previous links, and finds the same pages, under a filter the
// links keep.
func TestPreviousPage(t *testing.T) {
	srv, _ := newServer(t, sharedStore(t))
	link := regexp.MustCompile(`<a rel="(next|prev)" href="([^"]+)"`)
	follow := func(body, rel string) string {
		for _, m := range link.FindAllStringSubmatch(body, -1) {
			if m[1] == rel {
				return strings.ReplaceAll(m[2], "&amp;", "&")
			}
		}
		return ""
	}
	rows := regexp.MustCompile(`href="/incidents/(i[0-9a-f]+)"`)
	idsOf := func(body string) string {
		var ids []string
		for _, m := range rows.FindAllStringSubmatch(body, -1) {
			ids = append(ids, m[1])
		}
		return strings.Join(ids, " ")
	}
	for _, start := range []string{"/incidents", "/incidents?sort=title&include_mentions=1", "/actors"} {
		var pages []string
		path := start
		for i := 0; path != "" && i < 3; i++ {
			body := mustGet(t, srv, path).Body.String()
			if i == 0 && (follow(body, "prev") != "" || !strings.Contains(body, " in all</span>")) {
				t.Errorf("%s: a previous page on the first, or no total", start)
			}
			pages = append(pages, body)
			path = follow(body, "next")
		}
		if len(pages) < 2 {
			t.Fatalf("%s: one page only", start)
		}
		body := pages[len(pages)-1]
		for i := len(pages) - 2; i >= 0; i-- {
			prev := follow(body, "prev")
			if prev == "" {
				t.Fatalf("%s: page %d has no previous page", start, i+2)
			}
			if strings.Contains(start, "sort=title") && !strings.Contains(prev, "sort=title") {
				t.Errorf("%s: the previous page loses the filters: %s", start, prev)
			}
			body = mustGet(t, srv, prev).Body.String()
			if strings.HasPrefix(start, "/incidents") && idsOf(body) != idsOf(pages[i]) {
				t.Errorf("%s: back on page %d, other incidents", start, i+1)
			}
		}
		if follow(body, "prev") != "" {
			t.Errorf("%s: back on the first page, a previous page still", start)
		}
	}
}
