package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// rawEntry is one entry of a TABARI/PETRARCH .actors file as written: a
// primary phrase, its synonyms and its codes, words still joined by "_".
type rawEntry struct {
	File    string
	Line    int
	Name    string
	Aliases []string
	Codes   []code
	Comment string // comments of the primary line and of the code lines
}

// code is one CAMEO actor code with its validity. Dates are yyyymmdd;
// zero means unbounded on that side.
type code struct {
	Code       string
	Start, End int
	Dated      bool // the code carried a date restriction
}

// current reports whether the code was valid on or after the given date.
func (c code) current(since int) bool {
	return c.End == 0 || c.End >= since
}

// parseActors reads an .actors file. A line that starts with "+" adds
// synonyms to the current entry, a line that starts with "[" adds codes, and
// any other line starts a new entry, possibly with its codes after the
// phrase. "#" starts a comment. Entries written one after another without
// codes share the codes that follow them, as TABARI reads them.
func parseActors(r io.Reader, file string) ([]*rawEntry, error) {
	var (
		out     []*rawEntry
		pending []*rawEntry // entries still waiting for codes
		cur     *rawEntry
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line, comment := cutComment(sc.Text())
		line = strings.TrimSpace(line)
		if line == "" {
			if cur != nil && comment != "" && len(cur.Codes) == 0 {
				cur.Comment = strings.TrimSpace(cur.Comment + " " + comment)
			}
			continue
		}
		phrase, codes, err := splitCodes(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, n, err)
		}
		switch {
		case strings.HasPrefix(line, "+"):
			if cur == nil {
				continue // a synonym before any entry: nothing to attach it to
			}
			for _, a := range strings.Split(phrase, "+") {
				if a = strings.TrimSpace(a); a != "" {
					cur.Aliases = append(cur.Aliases, a)
				}
			}
		case strings.HasPrefix(line, "["):
			// codes only
		default:
			if cur != nil && len(cur.Codes) > 0 {
				pending = pending[:0]
			}
			cur = &rawEntry{File: file, Line: n, Name: phrase, Comment: comment}
			out = append(out, cur)
			pending = append(pending, cur)
		}
		if len(codes) > 0 && cur != nil {
			if comment != "" && !strings.HasPrefix(line, "+") {
				cur.Comment = strings.TrimSpace(cur.Comment + " " + comment)
			}
			for _, e := range pending {
				e.Codes = append(e.Codes, codes...)
			}
			pending = pending[:0]
			pending = append(pending, cur)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}

// cutComment splits a line at its first "#".
func cutComment(line string) (text, comment string) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		return line[:i], strings.TrimSpace(line[i+1:])
	}
	return line, ""
}

// splitCodes separates the phrase of a line from its bracketed codes:
// "NAME_ [AFGGOV 011222-] [ELI]" gives "NAME_" and two codes. Agent codes
// ("[~MIL]") are left out; the empty code "[---]" is kept as "---": it
// says that the entry has no code, and it ends the run of entries waiting
// for theirs.
func splitCodes(line string) (string, []code, error) {
	i := strings.IndexByte(line, '[')
	if i < 0 {
		return strings.TrimSpace(strings.TrimPrefix(line, "+")), nil, nil
	}
	phrase := strings.TrimSpace(strings.TrimPrefix(line[:i], "+"))
	var codes []code
	rest := line[i:]
	for {
		open := strings.IndexByte(rest, '[')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], ']')
		if end < 0 {
			return "", nil, fmt.Errorf("unclosed code in %q", line)
		}
		body := strings.TrimSpace(rest[open+1 : open+end])
		rest = rest[open+end+1:]
		if body == "" || strings.HasPrefix(body, "~") {
			continue
		}
		if strings.HasPrefix(body, "-") {
			codes = append(codes, code{Code: "---"})
			continue
		}
		// A malformed date (there are a few) leaves the code undated.
		c, _ := parseCode(body)
		codes = append(codes, c)
	}
	return phrase, codes, nil
}

// parseCode reads "AFGGOV", "AFGGOV >011222", "AFGGOV <900823" or
// "AFGGOV 780427-780430".
func parseCode(body string) (code, error) {
	f := strings.Fields(body)
	c := code{Code: f[0]}
	if len(f) == 1 {
		return c, nil
	}
	d := strings.Join(f[1:], "")
	c.Dated = true
	var err error
	switch {
	case strings.HasPrefix(d, ">"):
		c.Start, err = parseDate(d[1:])
	case strings.HasPrefix(d, "<"):
		c.End, err = parseDate(d[1:])
	default:
		from, to, ok := strings.Cut(d, "-")
		if !ok {
			return code{Code: c.Code}, fmt.Errorf("bad date range %q", body)
		}
		if c.Start, err = parseDate(from); err == nil && to != "" {
			c.End, err = parseDate(to)
		}
	}
	if err != nil {
		return code{Code: c.Code}, fmt.Errorf("code %q: %w", body, err)
	}
	return c, nil
}

// parseDate reads yymmdd (years 00-20 are 20xx, the files being of 2014)
// or yyyymmdd. Malformed dates of seven digits, which occur, are read for
// their year only.
func parseDate(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("bad date %q", s)
	}
	switch len(s) {
	case 6:
		yy := n / 10000
		if yy <= 20 {
			return 20000000 + n, nil
		}
		return 19000000 + n, nil
	case 8:
		return n, nil
	case 7:
		yy, _ := strconv.Atoi(s[:2])
		if yy <= 20 {
			return (2000+yy)*10000 + 101, nil
		}
		return (1900+yy)*10000 + 101, nil
	}
	return 0, fmt.Errorf("bad date %q", s)
}
