package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
)

// page is what every page's layout needs.
type page struct {
	Title string
	// Nav names the section of the navigation bar to mark.
	Nav string
	// Reviewer is the author of the signed-in token, empty when nobody is
	// signed in; CSRF is the value forms must send back.
	Reviewer string
	CSRF     string
	// Here is the request's path and query, where forms come back to.
	Here string
	// Query is the search box's text.
	Query string
	// Scripts and Styles are static assets the page adds to the layout's.
	Scripts []string
	Styles  []string
}

// newPage fills what the layout needs from the request.
func (s *Server) newPage(r *http.Request, title string) page {
	p := page{Title: title, Here: r.URL.RequestURI()}
	if author, secret := s.cookieReviewer(r); author != "" {
		p.Reviewer, p.CSRF = author, csrfToken(secret)
	}
	return p
}

// parseTemplates parses the layout and partials with each page, at start-up.
func parseTemplates(a *assets) (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset":         a.url,
		"dateText":      dateText,
		"isoDate":       isoDate,
		"isoText":       isoText,
		"placeText":     placeText,
		"rangeText":     rangeText,
		"rangeShort":    rangeShort,
		"fieldLabel":    fieldLabel,
		"valueText":     valueText,
		"plural":        plural,
		"sourcesText":   sourcesText,
		"kindLabel":     kindLabel,
		"stanceLabel":   stanceLabel,
		"howLabel":      howLabel,
		"predicateText": predicateText,
		"evidenceHref":  evidenceHref,
		"sourceURL":     sourceURL,
		"docTitle":      docTitle,
		"origin":        origin,
		"timeText":      timeText,
		"shorten":       shorten,
		"pathEscape":    url.PathEscape,
		"join":          strings.Join,
		"add":           func(a, b int) int { return a + b },
		"reviewHref":    reviewHref,
		"link":          link,
		"dict":          dict,
		"lower":         strings.ToLower,
		"deref":         func(f *float64) float64 { return *f },
		"placeholder":   placeholder,
	}
	base, err := template.New("layout").Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".html")
		if name == "layout" || name == "partials" {
			continue
		}
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		if _, err := t.ParseFS(files, n); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		pages[name] = t
	}
	for _, want := range []string{"error", "home", "incidents", "incident", "actors", "actor", "documents", "document",
		"timeline", "map", "network", "search", "reviews", "queue", "login"} {
		if pages[want] == nil {
			return nil, fmt.Errorf("templates: no template for the %s page", want)
		}
	}
	return pages, nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes a page into a buffer, so that a failing template gives a
// clean error page rather than half a page, then writes it.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := t.ExecuteTemplate(buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	respond(w, r, status, "text/html; charset=utf-8", buf.Bytes())
	return nil
}

// link joins a path and a query string into one URL, for templates to put
// whole into an href (html/template would escape a query string given
// after a literal "?").
func link(path, query string) string {
	if query == "" {
		return path
	}
	return path + "?" + query
}

// dict gives a partial template several values: dict "Key" value ...
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}
