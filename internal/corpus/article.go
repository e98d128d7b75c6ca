// Package corpus builds and describes dossier's evaluation corpora: the
// encyclopedia and news sets under corpora/, their gold and their fixed
// dev/test split. It is tooling for measurement, not part of the product's
// pipeline, and it never calls the extractor: gold made here must not
// depend on what dossier finds.
package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"strings"
)

// Article is an encyclopedia article as the corpora store it: header lines
// (Source:, License:), a "= Title =" line, an infobox block and the prose.
type Article struct {
	Source  string
	License string
	Title   string
	// Infobox is nil when the article has none that this package can read.
	Infobox *Infobox
	// Prose is the text after the infobox (or after the title), as stored.
	Prose string
}

// Infobox is an article's infobox, its fields in the order the page gives them.
type Infobox struct {
	// Header is the line that opens a structured block ("Infobox", "Attack
	// location", or the article's name); empty for an HTML scrape.
	Header string
	// Format is "structured" for "- Key: value" blocks and "html-scrape"
	// for infobox text scraped from a rendered page ("Location" run into its value).
	Format string
	Fields []Field
}

// Field is one infobox row.
type Field struct {
	Key, Value string
}

// Get returns the value of the first field named one of keys (case-insensitive).
func (ib *Infobox) Get(keys ...string) (string, bool) {
	if ib == nil {
		return "", false
	}
	for _, k := range keys {
		for _, f := range ib.Fields {
			if strings.EqualFold(f.Key, k) {
				return f.Value, true
			}
		}
	}
	return "", false
}

// ErrNoHeader is returned for a file that does not start with a Source: line.
var ErrNoHeader = errors.New("no Source: line at the top")

// ParseArticle reads an article in the layout of corpus/wikipedia-with-infobox.
func ParseArticle(text string) (Article, error) {
	var a Article
	lines := splitLines(text)
	i := 0
	for ; i < len(lines) && i < 4; i++ {
		ln := lines[i]
		switch {
		case strings.HasPrefix(ln, "Source:"):
			a.Source = strings.TrimSpace(ln[len("Source:"):])
			continue
		case strings.HasPrefix(ln, "License:"):
			a.License = strings.TrimSpace(ln[len("License:"):])
			continue
		}
		break
	}
	if a.Source == "" {
		return a, ErrNoHeader
	}
	body := lines[i:]
	if len(body) > 0 && strings.HasPrefix(body[0], "= ") && strings.HasSuffix(body[0], " =") {
		a.Title = strings.TrimSpace(strings.Trim(body[0], "="))
		ib, rest := parseStructured(body[1:])
		if ib != nil {
			a.Infobox = ib
			a.Prose = strings.Join(rest, "\n")
			return a, nil
		}
		a.Prose = strings.Join(trimLeadingBlank(body[1:]), "\n")
		return a, nil
	}
	// An HTML scrape: furniture, the title, then key-value lines run together.
	a.Infobox, a.Title, a.Prose = parseScrape(body)
	return a, nil
}

// parseStructured reads a "Header\n- Key: value\n..." block after optional
// blank lines. It returns nil when lines do not start with one.
func parseStructured(lines []string) (*Infobox, []string) {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i+1 >= len(lines) || strings.HasPrefix(lines[i], "- ") || !strings.HasPrefix(lines[i+1], "- ") {
		return nil, nil
	}
	ib := &Infobox{Header: lines[i], Format: "structured"}
	j := i + 1
	for ; j < len(lines) && strings.HasPrefix(lines[j], "- "); j++ {
		k, v, ok := strings.Cut(lines[j][2:], ":")
		if !ok {
			break
		}
		ib.Fields = append(ib.Fields, Field{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v)})
	}
	if len(ib.Fields) == 0 {
		return nil, nil
	}
	rest := lines[j:]
	if len(rest) > 0 && strings.TrimSpace(rest[0]) == "" {
		rest = rest[1:]
	}
	return ib, rest
}

// scrapeKeys are the labels a rendered infobox runs into its values.
var scrapeKeys = []string{"Location", "Coordinates", "Date", "Attack type", "Target", "Weapons",
	"Deaths", "Injured", "Non-fatal injuries", "Victims", "Perpetrators", "Perpetrator",
	"Suspected perpetrators", "Assailants", "Assailant", "Motive", "Accused", "Convicted", "Charges"}

// parseScrape reads the infobox of an HTML scrape: a run of lines whose
// first one starts with "Location" and whose values may continue on the next
// line ("Attack type" is followed by its value on its own line). The prose
// starts at the first blank line after the block.
func parseScrape(lines []string) (*Infobox, string, string) {
	start := -1
	for i, ln := range lines {
		if strings.HasPrefix(ln, "Location") || strings.HasPrefix(ln, "Place") {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, "", strings.Join(lines, "\n")
	}
	title := ""
	for i := start - 1; i >= 0; i-- {
		if t := strings.TrimSpace(lines[i]); t != "" && !strings.HasPrefix(t, "Part of") && !strings.Contains(t, " is located in ") {
			title = t
		}
		if strings.TrimSpace(lines[i]) == "" {
			break
		}
	}
	ib := &Infobox{Format: "html-scrape"}
	j := start
	for ; j < len(lines) && strings.TrimSpace(lines[j]) != ""; j++ {
		ln := lines[j]
		key := ""
		for _, k := range scrapeKeys {
			if strings.HasPrefix(ln, k) && len(k) > len(key) {
				key = k
			}
		}
		if key == "" {
			if n := len(ib.Fields); n > 0 {
				f := &ib.Fields[n-1]
				if f.Value == "" {
					f.Value = strings.TrimSpace(ln)
				} else {
					f.Value += "\n" + strings.TrimSpace(ln)
				}
			}
			continue
		}
		ib.Fields = append(ib.Fields, Field{Key: key, Value: strings.TrimSpace(ln[len(key):])})
	}
	rest := lines[j:]
	return ib, title, strings.Join(trimLeadingBlank(rest), "\n")
}

// ProseOnly returns the prose-only variant of a with-infobox article: its
// Source: and License: lines followed by the prose, the layout of
// corpus/wikipedia. The title line and the infobox block are removed.
func ProseOnly(text string) (string, error) {
	a, err := ParseArticle(text)
	if err != nil {
		return "", err
	}
	if a.Infobox == nil || a.Infobox.Format != "structured" {
		return "", fmt.Errorf("no structured infobox block after the title line")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Source: %s\n", a.Source)
	if a.License != "" {
		fmt.Fprintf(&b, "License: %s\n", a.License)
	}
	b.WriteString(a.Prose)
	if !strings.HasSuffix(a.Prose, "\n") {
		b.WriteByte('\n')
	}
	return b.String(), nil
}

func splitLines(text string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		out = append(out, strings.TrimRight(sc.Text(), "\r"))
	}
	if strings.HasSuffix(text, "\n") {
		out = append(out, "")
	}
	return out
}

func trimLeadingBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	return lines
}
