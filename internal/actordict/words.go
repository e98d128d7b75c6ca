package actordict

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/names"
)

// Word lists that Find's case rules use; data, so that they can be read and
// corrected without reading Go.
var (
	//go:embed data/commonwords.txt
	commonWordsTXT []byte
	//go:embed data/titles.txt
	titlesTXT []byte
	//go:embed data/particles.txt
	particlesTXT []byte
)

// wordLists holds folded words.
type wordLists struct {
	common    map[string]bool // common English words: never a one-word name
	titles    map[string]bool // may stand before a person's name
	particles map[string]bool // may be lower case inside a name
}

// beforeName reports whether a capitalized word may stand right before a
// person's name without being part of it.
func (w *wordLists) beforeName(folded string) bool {
	return w.titles[folded] || w.common[folded] || w.particles[folded]
}

// afterName reports whether a capitalized word may follow a person's name
// without being part of it.
func (w *wordLists) afterName(folded string) bool {
	return w.common[folded] || w.particles[folded]
}

var (
	wordListsOnce sync.Once
	sharedWords   *wordLists
)

func defaultWordLists() *wordLists {
	wordListsOnce.Do(func() {
		sharedWords = &wordLists{
			common:    wordSet(commonWordsTXT),
			titles:    wordSet(titlesTXT),
			particles: wordSet(particlesTXT),
		}
	})
	return sharedWords
}

// wordSet reads folded words separated by white space, "#" starting a
// comment.
func wordSet(data []byte) map[string]bool {
	set := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		for _, w := range strings.Fields(line) {
			set[names.Fold(w)] = true
		}
	}
	return set
}
