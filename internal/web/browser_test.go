package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser tests drive headless Chromium (the Debian package chromium;
// .ci/run installs it) through the pages as a person would, with
// JavaScript on: the timeline, the map and the network are drawn by the
// bundled libraries under the page's Content-Security-Policy, and any
// error the page logs fails the test. With DOSSIER_SCREENSHOTS=1 they
// write docs/incident.png and docs/map.png.

func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DOSSIER_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("browser tests skipped: no Chromium found (apt-get install chromium, or set DOSSIER_CHROMIUM to a Chrome binary)")
	return ""
}

// browser is one headless Chromium with a fresh profile, and what its
// pages wrote to the console.
type browser struct {
	ctx  context.Context
	mu   sync.Mutex
	logs []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromium(t)
	profile, err := os.MkdirTemp("", "dossier-chromium")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	b := &browser{ctx: ctx}
	t.Cleanup(func() {
		cancelTime()
		cancelCtx()
		cancelAlloc()
		// The browser's children may still write in the profile for a moment.
		for i := 0; i < 50; i++ {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	msgs := chromedp.Console(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start Chromium (%s): %v", exe, err)
	}
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() || m.Type == chromedp.ConsoleWarning {
				b.mu.Lock()
				b.logs = append(b.logs, m.String()+" ("+m.URL+")")
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// stepTimeout bounds one step, so that a page that never shows what the
// test waits for fails in seconds rather than at the end of the run.
const stepTimeout = 30 * time.Second

// do runs actions, failing the test with the step's name.
func (b *browser) do(t *testing.T, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

func (b *browser) text(t *testing.T, css string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

func (b *browser) eval(t *testing.T, js string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return s
}

func (b *browser) count(t *testing.T, css string) int {
	t.Helper()
	n, err := strconv.Atoi(b.eval(t, fmt.Sprintf("String(document.querySelectorAll(%q).length)", css)))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (b *browser) dataInt(t *testing.T, id, key string) int {
	t.Helper()
	n, _ := strconv.Atoi(b.eval(t, fmt.Sprintf("document.getElementById(%q).dataset[%q] || '0'", id, key)))
	return n
}

// checkConsole fails the test for anything the pages logged as an error or
// a warning: script errors, refused resources, and violations of the
// Content-Security-Policy all land there.
func (b *browser) checkConsole(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, l := range b.logs {
		t.Errorf("console: %s", l)
	}
	b.logs = nil
}

// screenshot writes the viewport to docs/NAME when DOSSIER_SCREENSHOTS=1.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	if os.Getenv("DOSSIER_SCREENSHOTS") != "1" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join("..", "..", "docs", name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

func TestBrowser(t *testing.T) {
	exe := chromium(t)
	st := sharedStore(t)
	srv, _ := newServer(t, st)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	b := newBrowser(t)
	t.Logf("Chromium: %s", exe)

	// Home, then a search for Kadhimi from its search box.
	b.do(t, "home", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("ul.counts")))
	if home := b.text(t, "ul.counts"); !strings.Contains(home, "incidents") || !strings.Contains(home, "61") {
		t.Errorf("home counts: %q", home)
	}
	b.do(t, "search",
		chromedp.SendKeys(chromedp.CSS(".bigsearch input[name=q]"), "Kadhimi"),
		chromedp.Submit(chromedp.CSS(".bigsearch")),
		chromedp.WaitVisible(chromedp.CSS("#hits-incidents")))
	if hits := b.text(t, "#hits-incidents"); !strings.Contains(hits, "Attempted assassination of Mustafa Al-Kadhimi") {
		t.Fatalf("search hits: %q", hits)
	}

	// The incident: date, place and injuries, each with its evidence.
	b.do(t, "open the incident",
		chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('#hits-incidents a')].find(a => a.textContent.includes('Attempted assassination'))`)),
		chromedp.WaitVisible(chromedp.CSS("article.incident")))
	if h1 := b.text(t, "h1"); h1 != "Attempted assassination of Mustafa Al-Kadhimi" {
		t.Errorf("incident title %q", h1)
	}
	for _, f := range []struct{ field, value, evidence string }{
		{"date", "7 November 2021", "7 November 2021"},
		{"location", "Baghdad, Iraq", "Baghdad"},
		{"injuries", "6 injured", "6 security guards"},
	} {
		row := "#f-" + f.field
		b.do(t, "open the sources of "+f.field, chromedp.Click(chromedp.CSS(row+" details.value summary")),
			chromedp.WaitVisible(chromedp.CSS(row+" blockquote.evidence")))
		if v := b.text(t, row+" summary .v"); v != f.value {
			t.Errorf("%s: %q, want %q", f.field, v, f.value)
		}
		if ev := b.text(t, row+" ul.sources"); !strings.Contains(ev, f.evidence) || !strings.Contains(ev, "Attempted assassination") {
			t.Errorf("%s evidence: %q, want %q", f.field, ev, f.evidence)
		}
	}
	b.do(t, "the small map", chromedp.WaitVisible(chromedp.CSS("#minimap.ready")))
	if n := b.count(t, "#minimap .incident-marker"); n != 1 {
		t.Errorf("minimap markers: %d", n)
	}
	if n := b.count(t, "#evidence mark.hl-incident, #evidence a.hl-incident"); n < 5 {
		t.Errorf("%d evidence highlights in the source text", n)
	}
	// For the screenshot: the injuries' sources open, the others closed.
	b.do(t, "top", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('#f-date details, #f-location details').forEach(d => d.open = false);
		window.scrollTo(0, 0)`), chromedp.Sleep(200*time.Millisecond))
	b.screenshot(t, "incident.png")

	// An actor from the incident, with its incidents on a timeline.
	b.do(t, "open an actor",
		chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('#actors a')].find(a => a.textContent === "Kata'ib Hezbollah")`)),
		chromedp.WaitVisible(chromedp.CSS("article.actor")),
		chromedp.WaitVisible(chromedp.CSS("#timeline.ready")))
	if h1 := b.text(t, "h1"); h1 != "Kata'ib Hezbollah" {
		t.Errorf("actor %q", h1)
	}
	if n := b.count(t, "#timeline .vis-item"); n < 1 {
		t.Errorf("the actor's timeline has %d items", n)
	}

	// The timeline of all incidents.
	b.do(t, "timeline", chromedp.Navigate(ts.URL+"/timeline"), chromedp.WaitVisible(chromedp.CSS("#timeline.ready")))
	listed := b.dataInt(t, "timeline", "items")
	if n, shown := listed, b.count(t, "#timeline .vis-item"); n < 70 || shown < 20 {
		t.Errorf("timeline: %d items loaded, %d drawn", n, shown)
	}
	// Passing mentions are left out until the filter's box asks for them.
	b.do(t, "timeline with passing mentions",
		chromedp.Click(chromedp.CSS(`form.filters input[name="include_mentions"]`)),
		chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)))
	b.do(t, "the timeline's new page", chromedp.Sleep(300*time.Millisecond),
		chromedp.Poll[chromedp.Void](`location.search.includes('include_mentions=1') && document.querySelector('#timeline.ready') !== null`))
	if n := b.dataInt(t, "timeline", "items"); n <= listed {
		t.Errorf("timeline with passing mentions: %d items, want more than the %d events and references", n, listed)
	}
	if on := b.eval(t, `String(document.querySelector('form.filters input[name="include_mentions"]').checked)`); on != "true" {
		t.Errorf("the passing-mentions box is not checked after filtering with it")
	}

	// The map: clustered markers on the offline basemap, popups with links.
	b.do(t, "map", chromedp.Navigate(ts.URL+"/map"), chromedp.WaitVisible(chromedp.CSS("#map.ready")))
	if n := b.dataInt(t, "map", "incidents"); n < 70 {
		t.Errorf("map: %d located incidents", n)
	}
	clusters, singles := b.count(t, "#map .cluster-marker"), b.count(t, "#map path.incident-marker")
	if clusters < 3 || singles < 3 || b.count(t, "#map path.leaflet-interactive, #map .leaflet-overlay-pane path") < 50 {
		t.Errorf("map: %d clusters, %d single markers, country shapes %d", clusters, singles, b.count(t, "#map .leaflet-overlay-pane path"))
	}
	b.do(t, "a marker's popup", chromedp.Click(chromedp.CSS("#map path.incident-marker")),
		chromedp.WaitVisible(chromedp.CSS(".leaflet-popup-content a[href^='/incidents/']")))
	before := b.dataInt(t, "map", "markers")
	b.do(t, "zoom into the largest cluster",
		chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('#map .cluster-marker')].sort((a, b) => b.textContent - a.textContent)[0]`)),
		chromedp.Sleep(1000*time.Millisecond))
	if after := b.dataInt(t, "map", "markers"); after == before {
		t.Errorf("clicking a cluster did not split it: %d markers before and after", before)
	}
	// Zoomed in, some markers lie outside the map: click one inside.
	xy := b.eval(t, `(() => { const box = document.getElementById('map').getBoundingClientRect();
		for (const m of document.querySelectorAll('#map path.incident-marker')) {
			const r = m.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
			if (x > box.left + 60 && x < box.right - 20 && y > box.top + 20 && y < box.bottom - 30) return x + ',' + y;
		}
		return ''; })()`)
	if xy == "" {
		t.Error("no single marker inside the map after zooming into a cluster")
	} else {
		p := strings.Split(xy, ",")
		x, _ := strconv.ParseFloat(p[0], 64)
		y, _ := strconv.ParseFloat(p[1], 64)
		b.do(t, "a popup after zooming", chromedp.MouseClickXY(x, y),
			chromedp.WaitVisible(chromedp.CSS(".leaflet-popup-content a[href^='/incidents/']")), chromedp.Sleep(500*time.Millisecond))
		b.screenshot(t, "map.png")
	}

	// The network: nodes drawn, a click opens the actor.
	b.do(t, "network", chromedp.Navigate(ts.URL+"/network"), chromedp.WaitVisible(chromedp.CSS("#network.ready")))
	if n, e := b.dataInt(t, "network", "nodes"), b.dataInt(t, "network", "edges"); n < 20 || e < 20 || b.count(t, "#network canvas") == 0 {
		t.Errorf("network: %d nodes, %d edges", n, e)
	}
	xy = b.eval(t, `(() => { const el = document.getElementById('network'); const n = el.cy.nodes().max(x => x.degree()).ele;
		const p = n.renderedPosition(), r = el.getBoundingClientRect(); return (r.left + p.x) + ',' + (r.top + p.y) + ',' + n.id(); })()`)
	parts := strings.Split(xy, ",")
	x, _ := strconv.ParseFloat(parts[0], 64)
	y, _ := strconv.ParseFloat(parts[1], 64)
	b.do(t, "click a node", chromedp.MouseClickXY(x, y), chromedp.WaitVisible(chromedp.CSS("article.actor")))
	if loc := b.eval(t, "location.pathname"); loc != "/actors/"+parts[2] {
		t.Errorf("the node led to %s, want /actors/%s", loc, parts[2])
	}
	b.checkConsole(t)
}

// TestBrowserReview signs in with a token, confirms a value and corrects
// another from the incident page, and signs out.
func TestBrowserReview(t *testing.T) {
	chromium(t)
	st := newStore(t)
	srv, tokens := newServer(t, st)
	secret, _, err := tokens.Create("browser tester")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	b := newBrowser(t)
	incident := "/incidents/" + find(t, st, "incident", "assassination Kadhimi")

	b.do(t, "sign in", chromedp.Navigate(ts.URL+incident), chromedp.Click(chromedp.CSS(".hint a")),
		chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), secret),
		chromedp.Submit(chromedp.CSS("form.login")),
		chromedp.WaitVisible(chromedp.CSS(".reviewer")))
	if who, loc := b.text(t, ".reviewer"), b.eval(t, "location.pathname"); who != "browser tester" || loc != incident {
		t.Fatalf("signed in as %q at %s", who, loc)
	}
	b.do(t, "confirm the injuries",
		chromedp.Click(chromedp.CSS("#f-injuries details.value summary")),
		chromedp.Click(chromedp.CSS("#f-injuries details.value button.confirm")),
		chromedp.WaitVisible(chromedp.CSS("tr.just-reviewed")))
	if row := b.text(t, "tr.just-reviewed"); !strings.Contains(row, "confirm") || !strings.Contains(row, "browser tester") {
		t.Errorf("review row: %q", row)
	}
	if badge := b.text(t, "#f-injuries .badge"); badge != "confirmed" {
		t.Errorf("the value is marked %q", badge)
	}
	b.do(t, "correct the fatalities",
		chromedp.Click(chromedp.CSS("#f-fatalities details.correct summary")),
		chromedp.SendKeys(chromedp.CSS("#f-fatalities form.review-correct input[name=value]"), "1-2"),
		chromedp.SendKeys(chromedp.CSS("#f-fatalities form.review-correct input[name=note]"), "a later report"),
		chromedp.Submit(chromedp.CSS("#f-fatalities form.review-correct")),
		chromedp.WaitVisible(chromedp.CSS("#f-fatalities .badge.reviewed")))
	if v := b.text(t, "#f-fatalities .reconciled"); !strings.Contains(v, "1–2 killed") {
		t.Errorf("corrected fatalities: %q", v)
	}
	if n := b.count(t, "#reviews tbody tr"); n != 2 {
		t.Errorf("%d reviews listed on the page", n)
	}
	b.do(t, "sign out", chromedp.Click(chromedp.CSS("header .who button")),
		chromedp.WaitVisible(chromedp.CSS(".hint a")))
	if n := b.count(t, "form.review-buttons"); n != 0 {
		t.Errorf("signed out, %d review forms remain", n)
	}
	b.checkConsole(t)
}

// TestBrowserQueue: the queue page, reached from the navigation, lists an
// undated report with its two candidates; a signed-in reviewer attaches it
// to one, and the incident page then shows it with the reason.
func TestBrowserQueue(t *testing.T) {
	chromium(t)
	st := queueStore(t)
	srv, tokens := newServer(t, st)
	secret, _, err := tokens.Create("queue tester")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	b := newBrowser(t)

	b.do(t, "the queue from the navigation", chromedp.Navigate(ts.URL+"/"),
		chromedp.Click(chromedp.CSS(`nav a[href="/queue"]`)),
		chromedp.WaitVisible(chromedp.CSS("li.queued")))
	if n := b.count(t, "li.queued"); n != 1 {
		t.Fatalf("%d queued reports listed, want 1", n)
	}
	if li := b.text(t, "li.queued"); !strings.Contains(li, "basra-undated.txt") || !strings.Contains(li, "2 incidents fit") ||
		!strings.Contains(li, "Car bomb at Basra fish market") || !strings.Contains(li, "Bomb kills five at Basra fish market") {
		t.Errorf("queued report: %q", li)
	}
	if n := b.count(t, "li.queued tr.candidate.fits"); n != 2 {
		t.Errorf("%d candidates marked as fitting, want 2", n)
	}

	b.do(t, "sign in", chromedp.Navigate(ts.URL+"/login?return=/queue"),
		chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), secret),
		chromedp.Submit(chromedp.CSS("form.login")),
		chromedp.WaitVisible(chromedp.CSS("li.queued form.review-buttons")))
	target := b.eval(t, `document.querySelector('li.queued tr.candidate button[name=value]').value`)
	b.do(t, "attach to the first candidate",
		chromedp.Click(chromedp.CSS("li.queued tr.candidate button[name=value]")),
		chromedp.WaitVisible(chromedp.CSS("p.empty")))
	if loc := b.eval(t, "location.pathname"); loc != "/queue" {
		t.Errorf("after the review: %s, want /queue", loc)
	}
	b.do(t, "the incident", chromedp.Navigate(ts.URL+"/incidents/"+target), chromedp.WaitVisible(chromedp.CSS("#reports")))
	if rep := b.text(t, "#reports"); !strings.Contains(rep, "basra-undated.txt") || !strings.Contains(rep, "placed by review") {
		t.Errorf("the incident's sources: %q", rep)
	}
	b.checkConsole(t)
}
