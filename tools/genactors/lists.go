package main

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

// The generator's own word lists: data, not code, so that a reader can see
// and correct them without reading Go.
//
//go:embed lists/*.txt lists/*.tsv
var listFS embed.FS

// lists holds the word lists in lists/.
type lists struct {
	countries  map[string]country // code -> names
	orgWords   map[string]bool    // words of organization names
	titles     map[string]bool    // titles that may precede a person's name
	acronyms   map[string]bool    // words written in capitals
	noise      map[string]bool    // words of descriptions, not names
	givenNames map[string]bool    // words that open persons' names
	overrides  map[string]string  // folded name -> kind or "skip"
}

func loadLists() (*lists, error) {
	l := &lists{}
	var err error
	if l.orgWords, err = wordSet("lists/orgwords.txt"); err != nil {
		return nil, err
	}
	if l.titles, err = wordSet("lists/titles.txt"); err != nil {
		return nil, err
	}
	if l.acronyms, err = wordSet("lists/acronyms.txt"); err != nil {
		return nil, err
	}
	if l.noise, err = wordSet("lists/noise.txt"); err != nil {
		return nil, err
	}
	if l.givenNames, err = wordSet("lists/givennames.txt"); err != nil {
		return nil, err
	}
	if l.countries, err = countries("lists/countries.tsv"); err != nil {
		return nil, err
	}
	if l.overrides, err = pairs("lists/overrides.tsv"); err != nil {
		return nil, err
	}
	return l, nil
}

// country is a line of lists/countries.tsv.
type country struct {
	Name  string   // usual English short name
	Forms []string // demonyms and official names
}

// countries reads "code<TAB>name[<TAB>form|form...]" lines.
func countries(name string) (map[string]country, error) {
	m := map[string]country{}
	err := eachLine(name, func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 2 || len(f) > 3 {
			return fmt.Errorf("want code<TAB>name[<TAB>forms], got %q", line)
		}
		c := country{Name: strings.TrimSpace(f[1])}
		if len(f) == 3 {
			for _, form := range strings.Split(f[2], "|") {
				if form = strings.TrimSpace(form); form != "" {
					c.Forms = append(c.Forms, form)
				}
			}
		}
		m[strings.TrimSpace(f[0])] = c
		return nil
	})
	return m, err
}

// wordSet reads whitespace-separated words, "#" starting a comment.
func wordSet(name string) (map[string]bool, error) {
	set := map[string]bool{}
	err := eachLine(name, func(line string) error {
		for _, w := range strings.Fields(line) {
			set[w] = true
		}
		return nil
	})
	return set, err
}

// pairs reads "key<TAB>value" lines.
func pairs(name string) (map[string]string, error) {
	m := map[string]string{}
	err := eachLine(name, func(line string) error {
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("want key<TAB>value, got %q", line)
		}
		m[strings.TrimSpace(k)] = strings.TrimSpace(v)
		return nil
	})
	return m, err
}

func eachLine(name string, fn func(string) error) error {
	f, err := listFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}
