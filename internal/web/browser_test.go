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
// write the README's screenshots: docs/search.png, incident.png,
// timeline.png, map.png and network.png (DOSSIER_SCREENSHOTS=DIR writes
// them in DIR instead).

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

// afterNavigation runs actions on the page a click is loading: while the
// old page is torn down, a script may find its context gone ("Cannot find
// context with specified id"), which says the new page is not there yet,
// not that it is wrong; the actions run again until the step's time is up.
func (b *browser) afterNavigation(t *testing.T, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	for {
		err := chromedp.Do(ctx, actions...)
		if err == nil {
			return
		}
		if !strings.Contains(err.Error(), "Cannot find context") || ctx.Err() != nil {
			t.Fatalf("%s: %v", step, err)
		}
		time.Sleep(200 * time.Millisecond)
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

// screenshot writes the viewport to docs/NAME when DOSSIER_SCREENSHOTS=1,
// to DIR/NAME when DOSSIER_SCREENSHOTS=DIR.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	dir := os.Getenv("DOSSIER_SCREENSHOTS")
	switch dir {
	case "", "0":
		return
	case "1":
		dir = filepath.Join("..", "..", "docs")
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, name)
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
	if home := b.text(t, "ul.counts"); !strings.Contains(home, "incidents") || !strings.Contains(home, "65") {
		t.Errorf("home counts: %q", home)
	}
	b.do(t, "search",
		chromedp.SendKeys(chromedp.CSS(".bigsearch input[name=q]"), "Kadhimi"),
		chromedp.Submit(chromedp.CSS(".bigsearch")),
		chromedp.WaitVisible(chromedp.CSS("#hits-incidents")))
	if hits := b.text(t, "#hits-incidents"); !strings.Contains(hits, "Attempted assassination of Mustafa Al-Kadhimi") {
		t.Fatalf("search hits: %q", hits)
	}
	b.screenshot(t, "search.png")

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

	// The timeline of all incidents opens on its densest recent year, not on
	// the span from the oldest to the newest.
	b.do(t, "timeline", chromedp.Navigate(ts.URL+"/timeline"), chromedp.WaitVisible(chromedp.CSS("#timeline.ready")))
	listed := b.dataInt(t, "timeline", "items")
	if n, shown := listed, b.count(t, "#timeline .vis-item"); n < 70 || shown < 10 {
		t.Errorf("timeline: %d items loaded, %d drawn", n, shown)
	}
	checkTimelineWindow(t, b)
	b.do(t, "the timeline in view", chromedp.Evaluate[chromedp.Void](`document.querySelector('.timeline-controls').scrollIntoView()`), chromedp.Sleep(200*time.Millisecond))
	b.screenshot(t, "timeline.png")
	checkTimelineControls(t, b, listed)

	// Passing mentions are left out until the filter's box asks for them.
	b.do(t, "timeline with passing mentions",
		chromedp.Click(chromedp.CSS(`form.filters input[name="include_mentions"]`)),
		chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)))
	b.afterNavigation(t, "the timeline's new page", chromedp.Sleep(300*time.Millisecond),
		chromedp.Poll[chromedp.Void](`location.search.includes('include_mentions=1') && document.querySelector('#timeline.ready') !== null`))
	if n := b.dataInt(t, "timeline", "items"); n <= listed {
		t.Errorf("timeline with passing mentions: %d items, want more than the %d events and references", n, listed)
	}
	if on := b.eval(t, `String(document.querySelector('form.filters input[name="include_mentions"]').checked)`); on != "true" {
		t.Errorf("the passing-mentions box is not checked after filtering with it")
	}

	// The map: clustered markers on the offline basemap, incidents placed
	// only in a country as squares the key hides, popups with links.
	b.do(t, "map", chromedp.Navigate(ts.URL+"/map"), chromedp.WaitVisible(chromedp.CSS("#map.ready")))
	if n := b.dataInt(t, "map", "incidents"); n < 70 {
		t.Errorf("map: %d located incidents", n)
	}
	clusters, singles := b.count(t, "#map .cluster-marker"), b.count(t, "#map path.incident-marker")
	if clusters < 3 || singles < 3 || b.count(t, "#map path.leaflet-interactive, #map .leaflet-overlay-pane path") < 50 {
		t.Errorf("map: %d clusters, %d single markers, country shapes %d", clusters, singles, b.count(t, "#map .leaflet-overlay-pane path"))
	}
	b.screenshot(t, "map.png")
	checkMapPrecision(t, b)
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
			chromedp.WaitVisible(chromedp.CSS(".leaflet-popup-content a[href^='/incidents/']")))
	}
	checkMapList(t, b, ts.URL)

	// The network: nodes drawn with readable labels, filters, a click
	// shows the evidence, whose link opens the actor.
	b.do(t, "network", chromedp.Navigate(ts.URL+"/network"), chromedp.WaitVisible(chromedp.CSS("#network.ready")))
	if n, e := b.dataInt(t, "network", "nodes"), b.dataInt(t, "network", "edges"); n < 20 || e < 20 || b.count(t, "#network canvas") == 0 {
		t.Errorf("network: %d nodes, %d edges", n, e)
	}
	checkNetworkLabels(t, b, 0.5)
	b.do(t, "fit all", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.network-controls button')].find(b => b.textContent === 'Fit all')`)),
		chromedp.Sleep(200*time.Millisecond))
	checkNetworkLabels(t, b, 0.2)
	b.do(t, "back to the main group", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.network-controls button')].find(b => b.textContent === 'Main group')`)),
		chromedp.Sleep(200*time.Millisecond))
	checkNetworkFilters(t, b)
	checkNetworkEvidence(t, b)
	b.checkConsole(t)
}

// checkTimelineWindow: the timeline opens on a year or so that holds
// nearly as many incidents as the densest year of the filter, and no later
// year holds as many; incidents known to the month or the year are bars.
func checkTimelineWindow(t *testing.T, b *browser) {
	t.Helper()
	win := b.eval(t, `(() => { const el = document.getElementById('timeline'), w = el.timeline.getWindow();
		return [w.start.toISOString().slice(0, 10), w.end.toISOString().slice(0, 10), el.dataset.windowStart, el.dataset.windowEnd].join(','); })()`)
	p := strings.Split(win, ",")
	start, err1 := time.Parse(time.DateOnly, p[0])
	end, err2 := time.Parse(time.DateOnly, p[1])
	if err1 != nil || err2 != nil || p[0] != p[2] || p[1] != p[3] {
		t.Fatalf("timeline window %q: the timeline's window and the one it says it opened on differ", win)
	}
	if days := end.Sub(start).Hours() / 24; days < 300 || days > 420 || start.Year() < 2015 {
		t.Errorf("the timeline opens on %s to %s (%.0f days), want a recent year", p[0], p[1], days)
	}
	// Every year-long window, counted here by brute force over the items'
	// middles (those dated to the day or the month).
	dense := b.eval(t, `(() => { const el = document.getElementById('timeline'), year = 365 * 864e5;
		const items = el.timeline.itemsData.get(), mids = items.filter(i => i.precision !== 'year').map(i => (+i.start + +(i.end || i.start)) / 2);
		const w = el.timeline.getWindow(), inWindow = mids.filter(m => m >= +w.start && m <= +w.end).length;
		let most = 0, laterMost = 0;
		for (const a of mids) {
			const n = mids.filter(m => m >= a && m <= a + year).length;
			most = Math.max(most, n);
			if (a > +w.end) laterMost = Math.max(laterMost, n);
		}
		return [inWindow, most, laterMost].join(','); })()`)
	var inWindow, most, laterMost int
	fmt.Sscanf(strings.ReplaceAll(dense, ",", " "), "%d %d %d", &inWindow, &most, &laterMost)
	if most < 5 || float64(inWindow) < 0.9*float64(most) || float64(laterMost) >= 0.9*float64(most) {
		t.Errorf("the opening window holds %d incidents, the densest year %d, a later year %d", inWindow, most, laterMost)
	}
	if got := b.dataInt(t, "timeline", "windowItems"); got < inWindow {
		t.Errorf("the timeline says its window holds %d items, %d counted", got, inWindow)
	}
	ranges := b.eval(t, `(() => { const items = document.getElementById('timeline').timeline.itemsData.get();
		const loose = items.filter(i => i.precision !== 'day');
		return loose.length + ',' + loose.filter(i => i.type === 'range' && i.end - i.start > 20 * 864e5).length; })()`)
	if r := strings.Split(ranges, ","); r[0] == "0" || r[0] != r[1] {
		t.Errorf("%s incidents dated to the month or the year, %s of them drawn as bars", r[0], r[1])
	}
	if n := b.count(t, "#timeline .vis-item.vis-range.precision-month, #timeline .vis-item.vis-range.precision-year"); n == 0 {
		t.Error("no incident dated to the month or the year is drawn as a bar in the opening window")
	}
}

// checkTimelineControls: the boxes over the timeline hide and show
// incidents by precision, the buttons zoom out to everything and back.
func checkTimelineControls(t *testing.T, b *browser, listed int) {
	t.Helper()
	b.do(t, "hide the incidents dated to the day", chromedp.Click(chromedp.CSS(`.timeline-controls input[name=precision][value=day]`)))
	shown := b.dataInt(t, "timeline", "shown")
	if shown == 0 || shown >= listed || b.eval(t, `String(document.getElementById('timeline').timeline.itemsData.get().every(i => i.precision !== 'day'))`) != "true" {
		t.Errorf("without the incidents dated to the day, %d of %d shown", shown, listed)
	}
	b.do(t, "show them again", chromedp.Click(chromedp.CSS(`.timeline-controls input[name=precision][value=day]`)))
	if n := b.dataInt(t, "timeline", "shown"); n != listed {
		t.Errorf("all precisions on: %d of %d shown", n, listed)
	}
	b.do(t, "zoom out to all", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.timeline-controls button')].find(b => b.textContent === 'All')`)),
		chromedp.Sleep(300*time.Millisecond))
	if all := b.eval(t, `(() => { const tl = document.getElementById('timeline').timeline, w = tl.getWindow(), items = tl.itemsData.get();
		return String(items.every(i => +i.start >= +w.start && +(i.end || i.start) <= +w.end)); })()`); all != "true" {
		t.Errorf("zoomed out to all, some incidents are outside the timeline's window")
	}
	b.do(t, "back to the densest year", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.timeline-controls button')].find(b => b.textContent === 'Densest year')`)),
		chromedp.Sleep(300*time.Millisecond))
	if w := b.eval(t, `document.getElementById('timeline').timeline.getWindow().start.toISOString().slice(0, 10)`); w != b.eval(t, `document.getElementById('timeline').dataset.windowStart`) {
		t.Errorf("back to the densest year, the timeline starts on %s", w)
	}
}

// checkMapPrecision: incidents placed only in a country are squares, one
// a country, apart from the clusters of points; the key hides them.
func checkMapPrecision(t *testing.T, b *browser) {
	t.Helper()
	level, squares := b.dataInt(t, "map", "countryLevel"), b.count(t, "#map .country-marker")
	if level < 3 || squares < 2 || squares != b.dataInt(t, "map", "countryMarkers") {
		t.Errorf("map: %d incidents placed only in a country, %d squares", level, squares)
	}
	inSquares, _ := strconv.Atoi(b.eval(t, `String([...document.querySelectorAll('#map .country-marker span')].reduce((s, e) => s + +e.dataset.count, 0))`))
	inPoints, _ := strconv.Atoi(b.eval(t, `String([...document.querySelectorAll('#map .cluster-marker')].reduce((s, e) => s + +e.textContent, 0) + document.querySelectorAll('#map path.incident-marker').length)`))
	if all := b.dataInt(t, "map", "incidents"); inSquares != level || inPoints != all-level {
		t.Errorf("map: %d incidents in squares and %d in circles, want %d and %d", inSquares, inPoints, level, all-level)
	}
	if n := b.count(t, "#map path.incident-marker.precision-country"); n != 0 {
		t.Errorf("%d country-level incidents drawn as points", n)
	}
	iraq := b.eval(t, `(() => { const m = [...document.querySelectorAll('#map .country-marker')].find(m => m.title.includes(' in Iraq ')); return m ? m.textContent : ''; })()`)
	if iraq == "" || iraq == "1" {
		t.Errorf("the Iraq square holds %q incidents, want the several placed only in Iraq", iraq)
	}
	// Clusters lie over the squares: click the square's outer corner.
	corner := b.eval(t, `(() => { const r = [...document.querySelectorAll('#map .country-marker')].find(m => m.title.includes(' in Iraq ')).getBoundingClientRect();
		return (r.right - 4) + ',' + (r.top + 4); })()`)
	var cx, cy float64
	fmt.Sscanf(strings.ReplaceAll(corner, ",", " "), "%g %g", &cx, &cy)
	b.do(t, "a square's popup", chromedp.MouseClickXY(cx, cy), chromedp.WaitVisible(chromedp.CSS(".leaflet-popup-content .precision-note")))
	if n := b.count(t, ".leaflet-popup-content li"); strconv.Itoa(n) != iraq {
		t.Errorf("the Iraq square's popup lists %d incidents, want %s", n, iraq)
	}
	markers := b.dataInt(t, "map", "markers")
	b.do(t, "hide the country-level squares", chromedp.Click(chromedp.CSS("#map-country-level")))
	if n := b.count(t, "#map .country-marker"); n != 0 || b.dataInt(t, "map", "markers") != markers {
		t.Errorf("with the box off, %d squares, %d markers (was %d)", n, b.dataInt(t, "map", "markers"), markers)
	}
	b.do(t, "show them again", chromedp.Click(chromedp.CSS("#map-country-level")))
	if n := b.count(t, "#map .country-marker"); n != squares {
		t.Errorf("with the box on again, %d squares, want %d", n, squares)
	}
}

// checkMapList: the table under the map goes by pages, as the incident
// list does; the map itself draws every incident of the filter.
func checkMapList(t *testing.T, b *browser, base string) {
	t.Helper()
	b.do(t, "the map's list", chromedp.Navigate(base+"/map"), chromedp.WaitVisible(chromedp.CSS("#map.ready")))
	all := b.dataInt(t, "map", "incidents")
	first := b.count(t, "table.located tbody tr")
	if first < 40 || first > 50 || b.count(t, `.pager a[rel=next]`) != 1 {
		t.Fatalf("the map's list: %d rows on the first page, %d next links", first, b.count(t, `.pager a[rel=next]`))
	}
	b.do(t, "the list's second page", chromedp.Click(chromedp.CSS(".pager a[rel=next]")))
	b.afterNavigation(t, "the map's new page", chromedp.Sleep(300*time.Millisecond),
		chromedp.Poll[chromedp.Void](`location.search.includes('cursor=') && document.querySelector('#map.ready') !== null`))
	second := b.count(t, "table.located tbody tr")
	if second == 0 || first+second > all+5 || b.dataInt(t, "map", "incidents") != all {
		t.Errorf("the map's list: %d rows then %d; the map draws %d, was %d", first, second, b.dataInt(t, "map", "incidents"), all)
	}
	if b.count(t, `.pager a[href="/map"]`) != 1 {
		t.Error("the second page of the map's list has no link back to the first")
	}
}

// checkNetworkLabels: every label on show is at least 11 px on screen,
// and none covers another; a share of the actors at least keep theirs.
func checkNetworkLabels(t *testing.T, b *browser, share float64) {
	t.Helper()
	res := b.eval(t, `(() => { const cy = document.getElementById('network').cy;
		const shown = cy.nodes(':visible').filter(n => !n.hasClass('quiet'));
		const sizes = shown.map(n => parseFloat(n.renderedStyle('font-size')));
		const boxes = shown.map(n => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
		let overlaps = 0;
		for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i], b = boxes[j];
			if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
		}
		return [shown.length, cy.nodes(':visible').length, Math.min(...sizes), overlaps].join(','); })()`)
	var labelled, nodes, overlaps int
	var smallest float64
	fmt.Sscanf(strings.ReplaceAll(res, ",", " "), "%d %d %g %d", &labelled, &nodes, &smallest, &overlaps)
	if smallest < 11 {
		t.Errorf("network labels: the smallest is %.1f px on screen, want at least 11", smallest)
	}
	if overlaps != 0 || float64(labelled) < share*float64(nodes) {
		t.Errorf("network labels: %d of %d actors labelled, %d labels overlap", labelled, nodes, overlaps)
	}
}

// checkNetworkFilters: a kind of relation off hides its edges, and the
// actors it leaves alone unless lone actors are asked for.
func checkNetworkFilters(t *testing.T, b *browser) {
	t.Helper()
	nodes, edges := b.dataInt(t, "network", "nodes"), b.dataInt(t, "network", "edges")
	b.do(t, "hide 'member of'", chromedp.Click(chromedp.CSS(`.network-controls input[name=predicate][value=member_of]`)))
	n, e, lone := b.dataInt(t, "network", "nodes"), b.dataInt(t, "network", "edges"), b.dataInt(t, "network", "isolated")
	if e >= edges || n >= nodes || lone == 0 {
		t.Errorf("without 'member of': %d of %d actors, %d of %d relations, %d actors alone", n, nodes, e, edges, lone)
	}
	if s := b.eval(t, `String(document.getElementById('network').cy.nodes(':visible').every(n => n.connectedEdges(':visible').length > 0))`); s != "true" {
		t.Error("an actor without a relation on show is drawn")
	}
	b.do(t, "show lone actors", chromedp.Click(chromedp.CSS(`.network-controls input[name=isolated]`)))
	if got := b.dataInt(t, "network", "nodes"); got != n+lone {
		t.Errorf("with lone actors: %d actors, want %d", got, n+lone)
	}
	b.do(t, "back to all relations, lone actors hidden",
		chromedp.Click(chromedp.CSS(`.network-controls input[name=isolated]`)),
		chromedp.Click(chromedp.CSS(`.network-controls input[name=predicate][value=member_of]`)))
	if got := b.dataInt(t, "network", "edges"); got != edges {
		t.Errorf("all relations back: %d, want %d", got, edges)
	}
	b.do(t, "hide people", chromedp.Click(chromedp.CSS(`.network-controls input[name=kind][value=person]`)))
	if s := b.eval(t, `String(document.getElementById('network').cy.nodes(':visible').every(n => n.data('kind') !== 'person'))`); s != "true" {
		t.Error("people drawn with their box off")
	}
	b.do(t, "show people", chromedp.Click(chromedp.CSS(`.network-controls input[name=kind][value=person]`)))
}

// checkNetworkEvidence: a click on a relation shows its evidence; a click
// on the most linked actor shows its relations with their evidence, whose
// links open the actor's page.
func checkNetworkEvidence(t *testing.T, b *browser) {
	t.Helper()
	// The middle of a relation inside the canvas, away from every actor.
	b.do(t, "the network in the middle of the window", chromedp.Evaluate[chromedp.Void](`document.getElementById('network').scrollIntoView({ block: 'center' })`))
	// the point of a relation, once the layout has stopped moving (the
	// filters just clicked animate it): the same point twice, 250 ms apart
	midpoint := func() string {
		return b.eval(t, `(() => { const el = document.getElementById('network'), cy = el.cy, r = el.getBoundingClientRect();
		const nodes = cy.nodes().not('.hidden').map(n => n.renderedBoundingBox({ includeLabels: true }));
		for (const e of cy.edges().not('.hidden')) {
			const m = e.renderedMidpoint();
			if (m.x < 20 || m.y < 20 || m.x > cy.width() - 20 || m.y > cy.height() - 20) continue;
			if (nodes.some(b => m.x > b.x1 - 12 && m.x < b.x2 + 12 && m.y > b.y1 - 12 && m.y < b.y2 + 12)) continue;
			return (r.left + m.x) + ',' + (r.top + m.y);
		}
		return ''; })()`)
	}
	mid := midpoint()
	for i := 0; i < 20; i++ {
		time.Sleep(250 * time.Millisecond)
		again := midpoint()
		if again == mid {
			break
		}
		mid = again
	}
	if mid == "" {
		t.Error("no relation to click in the network's opening view")
	} else {
		var mx, my float64
		fmt.Sscanf(strings.ReplaceAll(mid, ",", " "), "%g %g", &mx, &my)
		b.do(t, "click a relation", chromedp.MouseClickXY(mx, my), chromedp.WaitVisible(chromedp.CSS("#network-detail blockquote.evidence")))
		if h, n := b.text(t, "#network-detail h2"), b.count(t, "#network-detail li"); h != "Relation" || n != 1 || b.count(t, `#network-detail a[href^="/documents/"]`) != 1 {
			t.Errorf("the relation's panel: %q, %d items", h, n)
		}
		b.do(t, "close the panel", chromedp.Click(chromedp.CSS("#network-detail button.close")),
			chromedp.Evaluate[chromedp.Void](`document.getElementById('network').scrollIntoView({ block: 'center' })`))
	}
	xy := b.eval(t, `(() => { const el = document.getElementById('network'); const n = el.cy.nodes(':visible').max(x => x.degree()).ele;
		const p = n.renderedPosition(), r = el.getBoundingClientRect(); return (r.left + p.x) + ',' + (r.top + p.y) + ',' + n.id(); })()`)
	parts := strings.Split(xy, ",")
	x, _ := strconv.ParseFloat(parts[0], 64)
	y, _ := strconv.ParseFloat(parts[1], 64)
	b.do(t, "click a node", chromedp.MouseClickXY(x, y), chromedp.WaitVisible(chromedp.CSS("#network-detail blockquote.evidence")))
	if n := b.count(t, "#network-detail li"); n < 2 || b.count(t, "#network-detail li blockquote.evidence") != n || b.count(t, `#network-detail li a[href^="/documents/"]`) != n {
		t.Errorf("the actor's panel lists %d relations, %d with evidence", n, b.count(t, "#network-detail li blockquote.evidence"))
	}
	b.do(t, "the network in view", chromedp.Evaluate[chromedp.Void](`document.querySelector('.network-controls').scrollIntoView()`), chromedp.Sleep(200*time.Millisecond))
	b.screenshot(t, "network.png")
	b.do(t, "the actor's page from the panel", chromedp.Click(chromedp.CSS("#network-detail h2 a")), chromedp.WaitVisible(chromedp.CSS("article.actor")))
	if loc := b.eval(t, "location.pathname"); loc != "/actors/"+parts[2] {
		t.Errorf("the panel led to %s, want /actors/%s", loc, parts[2])
	}
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
