// Package lang identifies the language of a text, so that extraction reads
// each document with its language's rules (English, Arabic) and names the
// languages it skips.
//
// It reads the first 8 KB. The script of the letters settles most
// languages (Hebrew, Greek, Hangul, Devanagari, Thai, ...); letters typical
// of one language tell Arabic from Persian, Urdu, Sorani Kurdish, Pashto,
// Sindhi and Uyghur, and Russian from
// Ukrainian and Serbian; Latin-script languages are told apart by how
// often their function words occur. The word and letter lists are data, in
// data/languages.tsv.
//
// A Go library for the job is served by the module proxy (whatlanggo
// v1.0.1), but it would add a dependency and trigram tables for some 80
// languages; this detector is a page of code with no allocation, and is
// enough for the question asked here: is this English, and if not, what is
// it.
package lang

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Undetermined is the code Detect returns for a text too short or too
// mixed to tell.
const Undetermined = "und"

// maxExamined is how much of a text Detect reads.
const maxExamined = 8 << 10

// minLetters is the fewest letters Detect decides on.
const minLetters = 12

//go:embed data/languages.tsv
var languagesTSV string

// script is a writing system, as far as Detect needs to tell them apart.
type script uint8

const (
	sNone script = iota
	sLatin
	sArabic
	sCyrillic
	sHebrew
	sGreek
	sDevanagari
	sBengali
	sHan
	sKana
	sHangul
	sThai
	sArmenian
	sGeorgian
	sOther
	numScripts
)

// scriptLanguage is the language a script means when nothing else tells;
// "" means the script needs more evidence (Latin) or says nothing.
var scriptLanguage = [numScripts]string{
	sArabic: "ar", sCyrillic: "ru", sHebrew: "he", sGreek: "el", sDevanagari: "hi",
	sBengali: "bn", sHan: "zh", sKana: "ja", sHangul: "ko", sThai: "th",
	sArmenian: "hy", sGeorgian: "ka",
}

// scriptOf classifies a letter.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if 'a' <= r|0x20 && r|0x20 <= 'z' {
			return sLatin
		}
		return sNone
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7, r >= 0x1E00 && r <= 0x1EFF:
		return sLatin
	case r >= 0x370 && r <= 0x3FF, r >= 0x1F00 && r <= 0x1FFF:
		return sGreek
	case r >= 0x400 && r <= 0x52F:
		return sCyrillic
	case r >= 0x530 && r <= 0x58F:
		return sArmenian
	case r >= 0x590 && r <= 0x5FF, r >= 0xFB1D && r <= 0xFB4F:
		return sHebrew
	case r >= 0x600 && r <= 0x6FF, r >= 0x750 && r <= 0x77F, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		if unicode.IsLetter(r) {
			return sArabic
		}
		return sNone // Arabic digits and punctuation
	case r >= 0x900 && r <= 0x97F:
		return sDevanagari
	case r >= 0x980 && r <= 0x9FF:
		return sBengali
	case r >= 0xE00 && r <= 0xE7F:
		return sThai
	case r >= 0x10A0 && r <= 0x10FF:
		return sGeorgian
	case r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F, r >= 0xAC00 && r <= 0xD7AF:
		return sHangul
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF, r >= 0xFF66 && r <= 0xFF9F:
		return sKana
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0xF900 && r <= 0xFAFF:
		return sHan
	}
	if unicode.IsLetter(r) {
		return sOther
	}
	return sNone
}

// profiles holds the word and letter lists of data/languages.tsv.
type profiles struct {
	langs   []string          // index -> code
	words   map[string]uint32 // word -> bit set of languages
	letters map[rune]uint32   // letter -> bit set of languages
	script  map[string]script // code -> script, for letter hints
}

var prof = mustLoad(languagesTSV)

func mustLoad(data string) *profiles {
	p, err := loadProfiles(data)
	if err != nil {
		panic(err) // the data is embedded: a test fails before anyone ships it
	}
	return p
}

func loadProfiles(data string) (*profiles, error) {
	p := &profiles{words: map[string]uint32{}, letters: map[rune]uint32{}, script: map[string]script{}}
	index := map[string]int{}
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("lang: languages.tsv line %d: want 3 fields", n+1)
		}
		code := f[0]
		i, ok := index[code]
		if !ok {
			if len(p.langs) == 32 {
				return nil, fmt.Errorf("lang: languages.tsv: more than 32 languages")
			}
			i = len(p.langs)
			index[code] = i
			p.langs = append(p.langs, code)
		}
		switch f[1] {
		case "words":
			for _, w := range strings.Fields(f[2]) {
				p.words[w] |= 1 << i
			}
			p.script[code] = sLatin
		case "letters":
			for _, r := range f[2] {
				p.letters[r] |= 1 << i
				if _, ok := p.script[code]; !ok {
					p.script[code] = scriptOf(r)
				}
			}
		default:
			return nil, fmt.Errorf("lang: languages.tsv line %d: unknown kind %q", n+1, f[1])
		}
	}
	return p, nil
}

// counts is what one pass over a text gathers.
type counts struct {
	letters int
	script  [numScripts]int
	words   int      // Latin-script words
	hits    [32]int  // per language: function words and typical letters
	buf     [32]byte // the current Latin word, lower case
	n       int      // its length; -1 when too long to be a function word
}

// Detect returns the ISO 639-1 code of the language of text ("en", "ar",
// "fa", "ru", ...) and a confidence from 0 to 1, or "und" with 0 when the
// text is too short or too mixed to tell.
func Detect(text []byte) (code string, confidence float64) {
	if len(text) > maxExamined {
		text = text[:maxExamined] // a rune cut in two decodes as an error, and counts for nothing
	}
	var c counts
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if 'a' <= b|0x20 && b|0x20 <= 'z' {
				c.letters++
				c.script[sLatin]++
				c.add(b | 0x20)
			} else {
				c.endWord()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		i += size
		s := scriptOf(r)
		if s == sNone {
			if !unicode.IsMark(r) {
				c.endWord()
			}
			continue
		}
		c.letters++
		c.script[s]++
		if set := prof.letters[unicode.ToLower(r)]; set != 0 {
			c.hint(set)
		}
		if s == sLatin {
			c.addRune(unicode.ToLower(r))
		} else {
			c.endWord()
		}
	}
	c.endWord()
	return c.decide()
}

// add appends a lower-case ASCII letter to the current word.
func (c *counts) add(b byte) {
	if c.n < 0 {
		return
	}
	if c.n == len(c.buf) {
		c.n = -1
		return
	}
	c.buf[c.n] = b
	c.n++
}

func (c *counts) addRune(r rune) {
	if c.n < 0 {
		return
	}
	if c.n+utf8.RuneLen(r) > len(c.buf) {
		c.n = -1
		return
	}
	c.n += utf8.EncodeRune(c.buf[c.n:], r)
}

// endWord counts the word just read.
func (c *counts) endWord() {
	if c.n == 0 {
		return
	}
	c.words++
	if c.n > 0 {
		if set := prof.words[string(c.buf[:c.n])]; set != 0 {
			c.hint(set)
		}
	}
	c.n = 0
}

func (c *counts) hint(set uint32) {
	for i := 0; set != 0; i++ {
		if set&1 != 0 {
			c.hits[i]++
		}
		set >>= 1
	}
}

// decide picks the language from the counts.
func (c *counts) decide() (string, float64) {
	if c.letters < minLetters {
		return Undetermined, 0
	}
	top := sNone
	for s := sLatin; s < numScripts; s++ {
		if c.script[s] > c.script[top] {
			top = s
		}
	}
	share := float64(c.script[top]) / float64(c.letters)
	if share < 0.5 || top == sOther {
		return Undetermined, 0
	}
	switch top {
	case sLatin:
		return c.latin(share)
	case sHan:
		// Japanese mixes kana into kanji; Chinese has none.
		if c.script[sKana]*10 >= c.script[sHan] {
			return "ja", share
		}
	case sArabic, sCyrillic:
		return c.byLetters(top, share)
	}
	return scriptLanguage[top], share
}

// byLetters chooses among the languages that share a script by their
// typical letters; without any, the script's own language stands.
func (c *counts) byLetters(s script, share float64) (string, float64) {
	best, bestHits, total := scriptLanguage[s], 0, 0
	for i, code := range prof.langs {
		if prof.script[code] != s {
			continue
		}
		total += c.hits[i]
		if c.hits[i] > bestHits {
			best, bestHits = code, c.hits[i]
		}
	}
	if total == 0 {
		return best, share * 0.8
	}
	return best, share * float64(bestHits) / float64(total)
}

// latin chooses among Latin-script languages by function words.
func (c *counts) latin(share float64) (string, float64) {
	best, second := -1, 0
	for i, code := range prof.langs {
		if prof.script[code] != sLatin {
			continue
		}
		switch {
		case best < 0 || c.hits[i] > c.hits[best]:
			if best >= 0 {
				second = c.hits[best]
			}
			best = i
		case c.hits[i] > second:
			second = c.hits[i]
		}
	}
	if best < 0 || c.words == 0 {
		return Undetermined, 0
	}
	h := c.hits[best]
	coverage := float64(h) / float64(c.words)
	margin := float64(h-second) / float64(h)
	// Too few function words, or two languages nearly tied: unsure.
	if h < 2 || coverage < 0.08 || margin < 0.15 {
		return Undetermined, 0
	}
	return prof.langs[best], share * margin * min(1, coverage/0.2)
}
