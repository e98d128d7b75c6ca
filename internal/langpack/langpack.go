// Package langpack holds what extraction knows of a language as data: one
// folder per language under data/ (data/ar/, ...), one TSV file per kind of
// knowledge (dates.tsv, numbers.tsv, casualties.tsv, events.tsv,
// weapons.tsv, speech.tsv, responsibility.tsv, ...), embedded in the binary
// and extendable at run time by a user's folder of the same shape
// (AddDir), whose lines come after the built-in ones.
//
// Every file has the same line shape, which is all this package reads:
//
//	class<TAB>phrase<TAB>value<TAB>more…
//
// "#" starts a comment line; blank lines are skipped. What a class means
// and what its value columns hold is the business of the recognizer that
// reads the file; each file's header comment documents them. A Matcher
// finds the phrases of a file in text cut into words, so a recognizer
// needs no scanner of its own: phrases are folded and split into words
// by the pack's own folding, and a phrase may open on a word that carries
// proclitics when the pack says how to strip them.
//
// A new language is a folder of files plus its tests; the recognizers that
// read a pack are written once.
//
// What is a pack today: Arabic (data/ar, read by internal/arextract) and
// English (data/en): its number and time words (numbers.tsv, read by
// internal/numbers; timex.tsv, read by internal/timex) and its word lists
// (weapons, events, casualty, speech, stance, responsibility and target
// words, roles, organisation head words, honorifics, given names and
// adjectives, read by internal/lexicon for the English extractor). Still
// not pack-driven: the English extractor's stages are English code over
// those lists (a new language of English's shape is a pack plus its
// tests only where a stage reads a list, not where it reads a word), and
// numbers.tsv and timex.tsv are read once per process, so a user folder
// does not extend them.
package langpack

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

//go:embed data
var builtin embed.FS

// Line is one line of a pack file.
type Line struct {
	Class  string
	Phrase string
	Values []string // the columns after the phrase, possibly empty
	Where  string   // "ar/dates.tsv:12", for error messages
}

// Value returns column i of the values, or "" when the line has fewer.
func (l Line) Value(i int) string {
	if i < len(l.Values) {
		return l.Values[i]
	}
	return ""
}

// Pack is a language's files, read-only once loaded.
type Pack struct {
	Lang  string
	files map[string][]Line
}

// Lines returns the lines of a file ("dates.tsv"), built-in ones first.
func (p *Pack) Lines(file string) []Line { return p.files[file] }

// Files returns the names of the pack's files, sorted.
func (p *Pack) Files() []string {
	var out []string
	for f := range p.files {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

var (
	mu     sync.Mutex
	loaded = map[string]*Pack{}
)

// ErrNoPack is returned for a language with no built-in pack.
var ErrNoPack = errors.New("no language pack")

// Get returns the built-in pack of a language (an ISO 639-1 code), loaded
// once per process.
func Get(lang string) (*Pack, error) {
	mu.Lock()
	defer mu.Unlock()
	if p, ok := loaded[lang]; ok {
		return p, nil
	}
	p, err := load(lang)
	if err != nil {
		return nil, err
	}
	loaded[lang] = p
	return p, nil
}

// MustLines returns the lines of a built-in file of a built-in pack; it
// panics when the pack is missing, which a test of the embedding package
// catches before anyone ships it. For recognizers that load at init.
func MustLines(lang, file string) []Line {
	p, err := Get(lang)
	if err != nil {
		panic(err)
	}
	return p.Lines(file)
}

// Has reports whether a language has a built-in pack.
func Has(lang string) bool {
	_, err := fs.Stat(builtin, "data/"+lang)
	return err == nil
}

func load(lang string) (*Pack, error) {
	dir := "data/" + lang
	ents, err := fs.ReadDir(builtin, dir)
	if err != nil {
		return nil, fmt.Errorf("langpack %q: %w", lang, ErrNoPack)
	}
	p := &Pack{Lang: lang, files: map[string][]Line{}}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tsv") {
			continue
		}
		b, err := builtin.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		lines, err := Parse(lang+"/"+e.Name(), string(b))
		if err != nil {
			return nil, err
		}
		p.files[e.Name()] = lines
	}
	return p, nil
}

// WithDir returns a copy of p extended by the files of dir/<lang>/ (a
// user's lexicon folder): each file's lines are added after the built-in
// lines of the file of the same name. A missing folder is no error.
func (p *Pack) WithDir(dir string) (*Pack, error) {
	sub := filepath.Join(dir, p.Lang)
	ents, err := os.ReadDir(sub)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return nil, fmt.Errorf("language pack folder %s: %w", sub, err)
	}
	q := &Pack{Lang: p.Lang, files: map[string][]Line{}}
	for k, v := range p.files {
		q.files[k] = v
	}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tsv") {
			continue
		}
		path := filepath.Join(sub, e.Name())
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("language pack file: %w", err)
		}
		lines, err := Parse(path, string(b))
		if err != nil {
			return nil, err
		}
		q.files[e.Name()] = append(slices.Clip(q.files[e.Name()]), lines...)
	}
	return q, nil
}

// Parse reads the lines of a pack file named name (for messages).
func Parse(name, data string) ([]Line, error) {
	var out []Line
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, fmt.Errorf("%s:%d: want class<TAB>phrase[<TAB>value…], got %q", name, n, line)
		}
		vals := f[2:]
		for i := range vals {
			vals[i] = strings.TrimSpace(vals[i])
		}
		for len(vals) > 0 && vals[len(vals)-1] == "" {
			vals = vals[:len(vals)-1]
		}
		out = append(out, Line{Class: strings.TrimSpace(f[0]), Phrase: strings.TrimSpace(f[1]), Values: vals, Where: fmt.Sprintf("%s:%d", name, n)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}
