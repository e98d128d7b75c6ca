package dump

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"strings"
	"sync"
)

//go:embed select.txt
var defaultRules string

// Filter decides from a page's raw wikitext whether the page is worth
// extracting: an incident or militant-group infobox, or a person-like
// infobox, title or category with a keyword about political violence. It
// looks only at infobox names, category links and the title, so it costs a
// few byte searches per page and runs before any rendering or NLP.
type Filter struct {
	incident map[string]bool // infoboxes that select a page alone
	person   map[string]bool // infoboxes that need a keyword too
	keywords []string
}

var defaultFilter = sync.OnceValue(func() *Filter {
	f, err := ParseFilter(strings.NewReader(defaultRules))
	if err != nil {
		panic(fmt.Sprintf("dump: embedded select.txt: %v", err))
	}
	return f
})

// DefaultFilter returns the filter of the embedded rules (select.txt).
func DefaultFilter() *Filter { return defaultFilter() }

// ParseFilter reads filter rules in the format of select.txt.
func ParseFilter(r io.Reader) (*Filter, error) {
	f := &Filter{incident: map[string]bool{}, person: map[string]bool{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		kind, value, ok := strings.Cut(line, " ")
		value = normName(value)
		if !ok || value == "" {
			return nil, fmt.Errorf("filter rules line %d: want KIND VALUE, got %q", n, line)
		}
		switch kind {
		case "infobox":
			f.incident[value] = true
		case "person":
			f.person[value] = true
		case "keyword":
			f.keywords = append(f.keywords, value)
		default:
			return nil, fmt.Errorf("filter rules line %d: unknown kind %q", n, kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("filter rules: %w", err)
	}
	return f, nil
}

// Select says whether a page is worth extracting and why. text is the
// page's wikitext, still XML-escaped as it is in the dump: the names the
// filter reads do not depend on the escaping.
func (f *Filter) Select(title string, ns int, redirect bool, text []byte) (reason string, ok bool) {
	if ns != 0 || redirect {
		return "", false
	}
	var weak string
	for name := range infoboxes(text) {
		if f.incident[name] {
			return "infobox " + name, true
		}
		if weak == "" && f.person[name] {
			weak = name
		}
	}
	kwReason := ""
	if kw := f.keyword(title); kw != "" {
		kwReason = "title keyword " + kw
	} else {
		for cat := range categories(text) {
			if kw := f.keyword(cat); kw != "" {
				kwReason = "category " + cat
				break
			}
		}
	}
	switch {
	case kwReason == "":
		return "", false
	case weak != "":
		return "infobox " + weak + ", " + kwReason, true
	default:
		return kwReason, true
	}
}

// keyword returns the first keyword that starts a word of s.
func (f *Filter) keyword(s string) string {
	s = strings.ToLower(s)
	for _, kw := range f.keywords {
		for i := 0; ; {
			j := strings.Index(s[i:], kw)
			if j < 0 {
				break
			}
			at := i + j
			if at == 0 || !isLetter(s[at-1]) {
				return kw
			}
			i = at + 1
		}
	}
	return ""
}

func isLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// infoboxes yields the normalised names of the infoboxes in raw wikitext:
// "civilian attack" for {{Infobox civilian attack ...}}.
func infoboxes(text []byte) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; ; {
			j := bytes.Index(text[i:], []byte("nfobox"))
			if j < 0 {
				return
			}
			at := i + j
			i = at + 6
			if at < 3 || (text[at-1] != 'I' && text[at-1] != 'i') {
				continue
			}
			k := at - 2
			for k >= 0 && (text[k] == ' ' || text[k] == '\n' || text[k] == '_') {
				k--
			}
			if k < 1 || text[k] != '{' || text[k-1] != '{' {
				continue
			}
			end := i
			for end < len(text) && end-i < 80 && !bytes.ContainsRune([]byte("|}\n&"), rune(text[end])) {
				end++
			}
			if !yield(normName(string(text[i:end]))) {
				return
			}
		}
	}
}

// categories yields the names in [[Category:Name|sort]] links of raw wikitext.
func categories(text []byte) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; ; {
			j := bytes.Index(text[i:], []byte("ategory:"))
			if j < 0 {
				return
			}
			at := i + j
			i = at + 8
			if at < 3 || (text[at-1] != 'C' && text[at-1] != 'c') || text[at-2] != '[' || text[at-3] != '[' {
				continue
			}
			end := i
			for end < len(text) && end-i < 250 && text[end] != ']' && text[end] != '|' && text[end] != '\n' {
				end++
			}
			if !yield(strings.TrimSpace(string(text[i:end]))) {
				return
			}
		}
	}
}

// normName lower-cases a template name and folds underscores and runs of
// spaces to one space.
func normName(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "_", " "))
	return strings.Join(strings.Fields(s), " ")
}
