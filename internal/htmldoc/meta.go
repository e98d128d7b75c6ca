package htmldoc

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/dossier-project/dossier/internal/reader"
)

// meta is what a page says about itself. publishedAt is the moment of
// publication when the value that gave published has a time and an offset.
type meta struct {
	title, site, author, source, published string
	publishedAt                            time.Time
}

// Names of <meta> elements that carry each value, best first. Keys are
// lower case, from the property, name or itemprop attribute.
var (
	titleKeys     = []string{"og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title"}
	siteKeys      = []string{"og:site_name", "application-name", "twitter:site"}
	authorKeys    = []string{"author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"}
	sourceKeys    = []string{"og:url", "twitter:url", "dc.identifier"}
	publishedKeys = []string{"article:published_time", "datepublished", "og:published_time", "published_time",
		"pubdate", "publishdate", "publish-date", "publication_date", "date", "dc.date.issued", "dc.date",
		"dcterms.issued", "dcterms.created", "dcterms.date", "parsely-pub-date", "sailthru.date", "article.published", "cxenseparse:recs:publishtime"}
)

// readMeta reads the page's metadata in one walk of the tree: <meta>
// elements, <link rel=canonical>, JSON-LD scripts, <title> and the first
// <time datetime>. Where sources disagree, the publisher's explicit
// statements win over guesses: a canonical link over og:url,
// article:published_time over JSON-LD over other meta names over a <time>
// element in the page.
func readMeta(root *html.Node) meta {
	values := map[string]string{}
	var canonical, titleText, timeAttr, timePub string
	var ld []map[string]any
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					break
				}
				for _, k := range []string{"property", "name", "itemprop"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
						if _, seen := values[key]; !seen {
							values[key] = content
						}
					}
				}
			case "link":
				if canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "title":
				if titleText == "" && n.FirstChild != nil {
					titleText = oneLine(n.FirstChild.Data)
				}
			case "script":
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					ld = append(ld, jsonLD(n.FirstChild.Data)...)
				}
				return
			case "style":
				return
			case "time":
				dt := strings.TrimSpace(attr(n, "datetime"))
				if dt == "" {
					break
				}
				if timePub == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					timePub = dt
				}
				if timeAttr == "" {
					timeAttr = dt
				}
			default:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if v := attr(n, "datetime") + attr(n, "content"); v != "" && timePub == "" {
						timePub = v
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)

	first := func(keys []string) string {
		for _, k := range keys {
			if v := values[k]; v != "" {
				return v
			}
		}
		return ""
	}
	var m meta
	art := ldArticle(ld)
	m.source = absURL(canonical)
	for _, s := range []string{first(sourceKeys), ldString(art["url"]), ldID(art["mainEntityOfPage"])} {
		if m.source == "" {
			m.source = absURL(s)
		}
	}
	m.title = oneLine(firstOf(first(titleKeys), ldString(art["headline"]), ldString(art["name"])))
	m.site = oneLine(firstOf(first(siteKeys), ldName(art["publisher"])))
	if strings.HasPrefix(m.site, "@") {
		m.site = "" // a Twitter handle is no site name
	}
	m.author = oneLine(firstOf(authorName(first(authorKeys)), ldName(art["author"])))
	for _, d := range []string{values["article:published_time"], ldString(art["datePublished"]), first(publishedKeys[1:]), timePub, timeAttr, ldString(art["dateCreated"])} {
		if m.published = isoDate(d); m.published != "" {
			m.publishedAt, _ = reader.Instant(d)
			break
		}
	}
	if m.title == "" {
		m.title = titleText
	}
	return m
}

// fallback fills what the page's metadata left empty with what
// readability found (it splits "Headline - Site" titles and reads bylines
// from the text).
func (m *meta) fallback(a readability.Article) {
	if t := oneLine(a.Title()); t != "" && (m.title == "" || len(t) < len(m.title) && strings.HasPrefix(m.title, t)) {
		m.title = t
	}
	if m.site == "" {
		m.site = oneLine(a.SiteName())
	}
	if m.author == "" {
		m.author = oneLine(strings.TrimPrefix(strings.TrimPrefix(oneLine(a.Byline()), "By "), "by "))
	}
	if m.published == "" {
		if t, err := a.PublishedTime(); err == nil && !t.IsZero() {
			m.published = t.Format("2006-01-02")
		}
	}
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// authorName drops an author given as a profile URL (article:author often is).
func authorName(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

// absURL returns s when it is an absolute http(s) address, else "".
func absURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// isoDate reads a date as publishers write it in metadata (ISO 8601 with
// or without a time and zone, or a few common human forms) and returns
// the calendar date in the publisher's own zone, YYYY-MM-DD, or "".
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05",
		"2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02", "2006/01/02", "20060102", time.RFC1123, time.RFC1123Z,
		"2 January 2006", "January 2, 2006", "Jan 2, 2006", "02 Jan 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if len(s) > 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// ---- JSON-LD

// jsonLD decodes a JSON-LD script into its objects, flattening arrays and
// @graph lists. A script that is not valid JSON is ignored: metadata is a
// help, not a requirement.
func jsonLD(s string) []map[string]any {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<![CDATA["), "]]>")
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil
	}
	var out []map[string]any
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				add(e, depth+1)
			}
		case map[string]any:
			out = append(out, x)
			if g, ok := x["@graph"]; ok {
				add(g, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

// articleTypes are the schema.org types of a news page's main object.
var articleTypes = map[string]int{
	"newsarticle": 1, "reportagenewsarticle": 1, "analysisnewsarticle": 1, "backgroundnewsarticle": 1,
	"opinionnewsarticle": 1, "reviewnewsarticle": 1, "liveblogposting": 1,
	"article": 2, "blogposting": 2, "report": 2, "scholarlyarticle": 2, "socialmediaposting": 2,
	"webpage": 3, "itempage": 3,
}

// ldArticle picks the object that describes the article: a news article
// type first, then any article, then the web page.
func ldArticle(objs []map[string]any) map[string]any {
	var best map[string]any
	rank := 99
	for _, o := range objs {
		for _, t := range ldTypes(o["@type"]) {
			if r, ok := articleTypes[strings.ToLower(t)]; ok && r < rank {
				best, rank = o, r
			}
		}
	}
	if best == nil {
		return map[string]any{}
	}
	return best
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return s
		}
	}
	return ""
}

// ldID reads a URL given as a string or as {"@id": ...}.
func ldID(v any) string {
	if m, ok := v.(map[string]any); ok {
		return ldString(m["@id"])
	}
	return ldString(v)
}

// ldName reads a name given as a string, an object with a name, or a list
// of those (several authors are joined with "; ").
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return authorName(x)
	case map[string]any:
		return ldString(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := oneLine(ldName(e)); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, "; ")
	}
	return ""
}

// ---- DOM helpers

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
