package corpus

import (
	"crypto/sha256"
	"fmt"
	"strings"
)

// Report is a news report as collected (corpora/news/raw): header lines and
// the stored page text, furniture included.
type Report struct {
	Source, License, Title, Published string
	Body                              string // the stored text, verbatim
}

// ParseReport reads a raw report: "Key: value" header lines up to the first
// blank line, then the body.
func ParseReport(text string) (Report, error) {
	var r Report
	head, body, ok := strings.Cut(text, "\n\n")
	if !ok {
		return r, fmt.Errorf("no blank line after the header")
	}
	for _, ln := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(ln, ":")
		if !ok {
			return r, fmt.Errorf("header line %q is not Key: value", ln)
		}
		v = strings.TrimSpace(v)
		switch k {
		case "Source":
			r.Source = v
		case "License":
			r.License = v
		case "Title":
			r.Title = v
		case "Published":
			r.Published = v
		default:
			return r, fmt.Errorf("unknown header %q", k)
		}
	}
	if r.Source == "" || r.Title == "" {
		return r, fmt.Errorf("Source: and Title: are required")
	}
	r.Body = body
	return r, nil
}

// Layouts of a news document in the corpus.
const (
	// LayoutClean: Source, License, Published (when the page shows it) and
	// Title headers, then the article without page furniture.
	LayoutClean = "clean"
	// LayoutPage: Source and License headers, then the page text as stored:
	// headline, "From Wikinews" line, navigation, the date on its own line,
	// related-news and archive notices.
	LayoutPage = "page"
)

// LayoutOf chooses a report's layout once, from its URL: a third of the
// reports keep their page furniture.
func LayoutOf(source string) string {
	sum := sha256.Sum256([]byte("layout:" + strings.TrimSpace(source)))
	if sum[0]%3 == 0 {
		return LayoutPage
	}
	return LayoutClean
}

// furniture are lines that Wikinews pages and their mirrors put around an
// article. A line that is a prefix of one of them (a page cut mid-line by
// the excerpt) is furniture too.
var furniture = []string{
	"From Wikinews, the free news source you can write!",
	"Jump to navigation Jump to search",
	"Jump to: navigation, search",
	"Jump to navigation",
	"Jump to search",
	"Related news",
	"Related articles",
	"HAVE YOUR SAY",
	"Sister links",
	"Sources",
	"External links",
	"This page is archived, and is no longer publicly editable.",
	"Articles presented on Wikinews reflect the specific time at which they were written and published, and do not attempt to encompass events or knowledge which occur or become known after their publication.",
	"Please note that due to our archival policy, we will not alter or update the content of articles that are archived, but will only accept requests to make grammatical and formatting corrections.",
	"Note that some listed sources or external links may no longer be available online due to age.",
	"This text comes from Wikinews.",
}

// isFurniture tells a furniture line. Short prefixes ("So") are not enough.
func isFurniture(ln string) bool {
	t := strings.TrimSpace(ln)
	if t == "" {
		return false
	}
	for _, f := range furniture {
		if t == f || (len(t) >= 20 && strings.HasPrefix(f, t)) || (len(f) >= 20 && strings.HasPrefix(t, f)) {
			return true
		}
	}
	return false
}

// Layout renders a report in the given layout.
func Layout(r Report, layout string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Source: %s\n", r.Source)
	if r.License != "" {
		fmt.Fprintf(&b, "License: %s\n", r.License)
	}
	if layout == LayoutPage {
		b.WriteString("\n")
		b.WriteString(r.Body)
		return b.String()
	}
	if r.Published != "" {
		fmt.Fprintf(&b, "Published: %s\n", r.Published)
	}
	fmt.Fprintf(&b, "Title: %s\n\n", r.Title)
	lines := strings.Split(r.Body, "\n")
	var keep []string
	for i, ln := range lines {
		t := strings.TrimSpace(ln)
		switch {
		case i < 3 && t == strings.TrimSpace(r.Title):
			continue // the headline, now in the Title header
		case isFurniture(ln):
			continue
		case r.Published != "" && isDateLine(t):
			continue // the publication date, now in the Published header
		}
		keep = append(keep, ln)
	}
	// collapse the blank lines left where furniture was
	var out []string
	for _, ln := range keep {
		if strings.TrimSpace(ln) == "" && (len(out) == 0 || strings.TrimSpace(out[len(out)-1]) == "") {
			continue
		}
		out = append(out, ln)
	}
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	b.WriteString(strings.Join(out, "\n"))
	b.WriteString("\n")
	return b.String()
}

// isDateLine tells a line that is only a date, as Wikinews prints its
// publication date ("Monday, November 9, 2009").
func isDateLine(t string) bool {
	if len(t) > 40 {
		return false
	}
	for _, wd := range []string{"Monday, ", "Tuesday, ", "Wednesday, ", "Thursday, ", "Friday, ", "Saturday, ", "Sunday, "} {
		if strings.HasPrefix(t, wd) {
			d, _ := ParseDate(strings.TrimPrefix(t, wd))
			return d != ""
		}
	}
	d, _ := ParseDate(t)
	return d != "" && len(strings.Fields(t)) <= 3
}
