// Package lexicon holds the word lists the English extractor reads prose
// with: weapons, event words, casualty words, speech and stance cues,
// roles, organisation head words, honorifics and given names, as typed
// phrase sets. The lists are the English language pack's files
// (internal/langpack/data/en: weapons.tsv, events.tsv, ...), in the pack's
// one line shape, class<TAB>phrase<TAB>values…; FromPack reads them from
// any pack that has them, and a user adds lines without recompiling with a
// folder of the pack's shape (Load: DIR/en/weapons.tsv, ...), read after
// the built-in lines, which it extends and overrides.
package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/langpack"
	"github.com/dossier-project/dossier/internal/text"
)

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

// Files are the pack files a Lexicon is read from, in reading order.
var Files = []string{"weapons.tsv", "events.tsv", "casualties.tsv", "speech.tsv", "stance.tsv",
	"roles.tsv", "honorifics.tsv", "orgwords.tsv", "collective.tsv", "givennames.tsv", "responsibility.tsv", "adjectives.tsv", "targets.tsv"}

// oldFiles are the names a user folder held before the lists became the
// English pack's files; one of them at the folder's top level is a
// folder of the old shape.
var oldFiles = []string{"weapons.tsv", "events.tsv", "casualties.tsv", "speech.tsv", "stance.tsv",
	"roles.tsv", "honorifics.tsv", "orgwords.tsv", "collective.tsv", "givennames.txt", "responsibility.tsv", "adjectives.txt", "targets.tsv"}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the built-in lexicon (the English pack's), loaded once.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = Load("") })
	return defaultLex, defaultErr
}

// Load reads the English pack's lists and, when dir is not empty, the
// files of the same names in dir/en/ after them.
func Load(dir string) (*Lexicon, error) {
	p, err := langpack.Get("en")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	if dir != "" {
		for _, name := range oldFiles {
			old := filepath.Join(dir, name)
			if _, err := os.Stat(old); err == nil {
				return nil, fmt.Errorf("lexicon: %s: English word lists are read from %s in the language pack's shape (class<TAB>phrase<TAB>values…, see internal/langpack/data/en/%s); move the file there and add its class column",
					old, filepath.Join(dir, "en"), strings.TrimSuffix(strings.TrimSuffix(name, ".txt"), ".tsv")+".tsv")
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("lexicon: %w", err)
			}
		}
		if p, err = p.WithDir(dir); err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
	}
	return FromPack(p)
}

// FromPack builds a Lexicon from the files of a language pack; a file the
// pack lacks leaves its list empty. A line of an unknown class, a missing
// column or a weight that is not a number is an error naming its file and
// line.
func FromPack(p *langpack.Pack) (*Lexicon, error) {
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
		for _, l := range p.Lines(name) {
			if err := lx.add(name, l); err != nil {
				return nil, fmt.Errorf("lexicon: %s: %w", l.Where, err)
			}
		}
	}
	return lx, nil
}

// classes are the classes each file's lines may have.
var classes = map[string][]string{
	"weapons.tsv": {"weapon"}, "events.tsv": {"event"}, "casualties.tsv": {"before", "after", "both"},
	"speech.tsv": {"say"}, "stance.tsv": {"stance"}, "roles.tsv": {"role"}, "honorifics.tsv": {"honorific"},
	"orgwords.tsv": {"orghead"}, "collective.tsv": {"collective"}, "givennames.tsv": {"given"},
	"responsibility.tsv": {"perpetrator", "accused", "target"}, "adjectives.tsv": {"adjective"},
	"targets.tsv": {"people", "site", "owned"},
}

// values is how many value columns each file's lines need.
var values = map[string]int{"weapons.tsv": 2, "events.tsv": 3, "casualties.tsv": 1, "stance.tsv": 2,
	"roles.tsv": 2, "orgwords.tsv": 1, "collective.tsv": 1, "responsibility.tsv": 1}

func (lx *Lexicon) add(name string, l langpack.Line) error {
	if !slices.Contains(classes[name], l.Class) {
		return fmt.Errorf("class %q is not one of %s", l.Class, strings.Join(classes[name], ", "))
	}
	if n := values[name]; len(l.Values) < n {
		return fmt.Errorf("want %d values after the phrase, have %d", n, len(l.Values))
	}
	weight := func(i int) (int, error) {
		w, err := strconv.Atoi(l.Value(i))
		if err != nil {
			return 0, fmt.Errorf("weight %q is not a number", l.Value(i))
		}
		return w, nil
	}
	key := l.Phrase
	switch name {
	case "weapons.tsv":
		lx.Weapons.Add(key, Weapon{Class: l.Value(0), SubType: l.Value(1), Implied: l.Value(2) == "implied"})
	case "events.tsv":
		w, err := weight(2)
		if err != nil {
			return err
		}
		lx.Events.Add(key, Event{Type: l.Value(0), SubType: l.Value(1), Weight: w})
	case "casualties.tsv":
		lx.Casualties.Add(key, Casualty{Field: l.Value(0), Before: l.Class != "after", After: l.Class != "before"})
	case "speech.tsv":
		lx.Speech.Add(key, l.Value(0))
	case "stance.tsv":
		w, err := weight(1)
		if err != nil {
			return err
		}
		lx.Stances.Add(key, Stance{Stance: l.Value(0), Weight: w})
	case "roles.tsv":
		w, err := weight(1)
		if err != nil {
			return err
		}
		lx.Roles.Add(key, Role{Predicate: l.Value(0), Weight: w})
	case "honorifics.tsv":
		lx.Honorifics.Add(key, true)
	case "orgwords.tsv":
		lx.OrgWords.Add(key, l.Value(0))
	case "collective.tsv":
		lx.Collective[strings.ToLower(key)] = l.Value(0)
	case "responsibility.tsv":
		lx.Responsibility.Add(key, Responsibility{Role: l.Class, Side: l.Value(0)})
	case "targets.tsv":
		lx.Targets.Add(key, l.Class)
	case "adjectives.tsv":
		lx.Adjectives[strings.ToLower(strings.NewReplacer("’", "'", "ʼ", "'").Replace(key))] = true
	case "givennames.tsv":
		lx.GivenNames[strings.ToLower(key)] = true
	}
	return nil
}
