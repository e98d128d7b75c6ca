// Package lexicon holds the word lists the extractor reads prose with:
// weapons, event words, casualty words, speech and stance cues, roles,
// organisation head words, honorifics and given names. They are data files
// embedded in the binary (data/*.tsv); a user adds to them without
// recompiling by pointing Load at a folder holding files of the same names,
// whose lines are added after (and win over) the built-in ones.
package lexicon

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/text"
)

//go:embed data/*.tsv data/*.txt
var builtin embed.FS

// Weapon is a weapon phrase's class and the ACLED sub-type it points to.
type Weapon struct {
	Class   string
	SubType string
	// Implied marks words for the act ("mass shooting") rather than the
	// weapon: the weapon reported is the class ("firearm").
	Implied bool
}

// Event is what an event word says about an incident.
type Event struct {
	Type    string
	SubType string
	Weight  int
}

// Casualty says which count a word introduces and on which side of it the
// figure stands.
type Casualty struct {
	Field  string // fatalities or injuries
	Before bool   // "killing 12": the word comes before the figure
	After  bool   // "12 killed": the figure comes before the word
}

// Stance is a cue for a speaker's stance.
type Stance struct {
	Stance string
	Weight int
}

// Role links a person to an organisation.
type Role struct {
	Predicate string
	Weight    int
}

// Lexicon is the set of word lists. It is read-only once loaded.
type Lexicon struct {
	Weapons        *text.PhraseSet[Weapon]
	Events         *text.PhraseSet[Event]
	Casualties     *text.PhraseSet[Casualty]
	Speech         *text.PhraseSet[string] // value: channel, "" when none
	Stances        *text.PhraseSet[Stance]
	Roles          *text.PhraseSet[Role]
	Honorifics     *text.PhraseSet[bool]
	OrgWords       *text.PhraseSet[string] // value: actor kind
	Collective     map[string]string       // plural group nouns: actor, victim, both
	GivenNames     map[string]bool         // lower case
	Adjectives     map[string]bool         // lower case: "shia", "sunni", "kurdish"
	Responsibility *text.PhraseSet[Responsibility]
	Targets        *text.PhraseSet[string] // value: people, site or owned
}

// Responsibility is a cue naming who carried out, is accused of, or was
// the target of an incident, and on which side of the cue the name stands.
type Responsibility struct {
	Role string // perpetrator, accused, target
	Side string // before, after
}

// Files the lexicon is made of.
var Files = []string{"weapons.tsv", "events.tsv", "casualties.tsv", "speech.tsv", "stance.tsv",
	"roles.tsv", "honorifics.tsv", "orgwords.tsv", "collective.tsv", "givennames.txt", "responsibility.tsv", "adjectives.txt", "targets.tsv"}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the built-in lexicon, loaded once.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = Load("") })
	return defaultLex, defaultErr
}

// Load reads the built-in lists and, when dir is not empty, the files of
// the same names found in dir.
func Load(dir string) (*Lexicon, error) {
	lx := &Lexicon{
		Weapons:        text.NewPhraseSet[Weapon](),
		Events:         text.NewPhraseSet[Event](),
		Casualties:     text.NewPhraseSet[Casualty](),
		Speech:         text.NewPhraseSet[string](),
		Stances:        text.NewPhraseSet[Stance](),
		Roles:          text.NewPhraseSet[Role](),
		Honorifics:     text.NewPhraseSet[bool](),
		OrgWords:       text.NewPhraseSet[string](),
		Collective:     map[string]string{},
		GivenNames:     map[string]bool{},
		Adjectives:     map[string]bool{},
		Responsibility: text.NewPhraseSet[Responsibility](),
		Targets:        text.NewPhraseSet[string](),
	}
	for _, name := range Files {
		f, err := builtin.Open("data/" + name)
		if err != nil {
			return nil, fmt.Errorf("lexicon: built-in %s: %w", name, err)
		}
		err = lx.read(name, "built-in "+name, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, name)
		uf, err := os.Open(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		err = lx.read(name, p, uf)
		uf.Close()
		if err != nil {
			return nil, err
		}
	}
	return lx, nil
}

func (lx *Lexicon) read(name, where string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		bad := func(msg string) error { return fmt.Errorf("lexicon: %s:%d: %s", where, ln, msg) }
		need := func(n int) error {
			if len(cols) < n {
				return bad(fmt.Sprintf("want %d tab-separated columns, have %d", n, len(cols)))
			}
			return nil
		}
		key := strings.TrimSpace(cols[0])
		switch name {
		case "weapons.tsv":
			if err := need(3); err != nil {
				return err
			}
			lx.Weapons.Add(key, Weapon{Class: cols[1], SubType: cols[2], Implied: len(cols) > 3 && strings.TrimSpace(cols[3]) == "implied"})
		case "events.tsv":
			if err := need(4); err != nil {
				return err
			}
			w, err := strconv.Atoi(strings.TrimSpace(cols[3]))
			if err != nil {
				return bad("weight is not a number")
			}
			lx.Events.Add(key, Event{Type: cols[1], SubType: cols[2], Weight: w})
		case "casualties.tsv":
			if err := need(3); err != nil {
				return err
			}
			c := Casualty{Field: cols[1]}
			switch cols[2] {
			case "before":
				c.Before = true
			case "after":
				c.After = true
			case "both":
				c.Before, c.After = true, true
			default:
				return bad("position must be before, after or both")
			}
			lx.Casualties.Add(key, c)
		case "speech.tsv":
			ch := ""
			if len(cols) > 1 {
				ch = strings.TrimSpace(cols[1])
			}
			lx.Speech.Add(key, ch)
		case "stance.tsv":
			if err := need(3); err != nil {
				return err
			}
			w, err := strconv.Atoi(strings.TrimSpace(cols[2]))
			if err != nil {
				return bad("weight is not a number")
			}
			lx.Stances.Add(key, Stance{Stance: cols[1], Weight: w})
		case "roles.tsv":
			if err := need(3); err != nil {
				return err
			}
			w, err := strconv.Atoi(strings.TrimSpace(cols[2]))
			if err != nil {
				return bad("weight is not a number")
			}
			lx.Roles.Add(key, Role{Predicate: cols[1], Weight: w})
		case "honorifics.tsv":
			lx.Honorifics.Add(key, true)
		case "orgwords.tsv":
			if err := need(2); err != nil {
				return err
			}
			lx.OrgWords.Add(key, cols[1])
		case "collective.tsv":
			if err := need(2); err != nil {
				return err
			}
			lx.Collective[strings.ToLower(key)] = cols[1]
		case "responsibility.tsv":
			if err := need(3); err != nil {
				return err
			}
			lx.Responsibility.Add(key, Responsibility{Role: cols[1], Side: cols[2]})
		case "targets.tsv":
			if err := need(2); err != nil {
				return err
			}
			lx.Targets.Add(key, cols[1])
		case "adjectives.txt":
			for _, w := range strings.Fields(line) {
				lx.Adjectives[strings.ToLower(strings.NewReplacer("’", "'", "ʼ", "'").Replace(w))] = true
			}
		case "givennames.txt":
			for _, w := range strings.Fields(line) {
				lx.GivenNames[strings.ToLower(w)] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s: %w", where, err)
	}
	return nil
}
