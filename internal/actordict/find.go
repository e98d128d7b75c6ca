package actordict

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/arabic"
	"github.com/dossier-project/dossier/internal/names"
)

// Match is a name of the dictionary found in a text.
type Match struct {
	Start, End int    // byte offsets: text[Start:End] == Surface
	Entry      *Entry // the actor named
	Surface    string // the name as the text writes it
	Alias      string // the dictionary form that matched (the entry's name or an alias)
}

// maxWords bounds the length of a name, in words, that Find looks for.
const maxWords = 16

// Find returns the dictionary names in text, left to right, without
// overlaps, the longest name winning at each position ("Islamic State
// Khorasan Province" rather than "Islamic State"). Names are compared
// folded (names.Fold), word by word, at word boundaries only; words may be
// separated by spaces or a hyphen, not by other punctuation or a line end.
//
// Case rules keep common words from firing:
//   - an acronym (a name written in capitals in the dictionary: "IS", "UN",
//     "AP", "US", "U.S.") matches only text in capitals, and a short one not
//     next to another word in capitals (a headline: "WHAT IS ...");
//   - any other name must start with a capital letter (or a digit) and each
//     of its words must be capitalized, except particles such as "of",
//     "al", "bin" ("Ansar al-Sharia", "Osama bin Laden");
//   - one-word names that are common English words ("Guardian", "Youth")
//     are not looked for at all (data/commonwords.txt);
//   - a person's name is not matched inside a longer capitalized name:
//     "GIVEN FAMILY" is not found in "GIVEN FAMILY OTHER", though it is in
//     "President GIVEN FAMILY" (a title, data/titles.txt).
//
// An Arabic article joined by a hyphen just before a match is included in
// it: the dictionary's "Qaeda" matches "al-Qaeda" whole.
//
// In Arabic script, which has no capitals, every word may start a name.
// The first word of a name may carry proclitics (the conjunctions و ف,
// the prepositions ب ك ل, the article ال; see arabic.Stems): "وداعش",
// "لحزب الله" and "بتنظيم الدولة" are found, the match starting after the
// proclitics, so that text[Start:End] is the name as written ("داعش",
// "حزب الله"; "لشرطة" of "للشرطة", whose article lost its alef). Words are
// compared folded (alef forms, yeh, teh marbuta, diacritics, tatweel: see
// names.Fold). Arabic words that are names only in context ("القاعدة",
// the base; "الشباب", the youth) are in the dictionary only inside longer
// names ("تنظيم القاعدة", "حركة الشباب").
//
// Demonyms are aliases of their state in the dictionary: "Iraqi" in "Iraqi
// forces" is a match of the state Iraq with Alias "Iraqi"; a caller that
// wants the country named outright compares Alias with Entry.Name.
func (d *Dict) Find(text string) []Match {
	if d.trie == nil {
		return nil
	}
	var out []Match
	f := finder{d: d, t: d.trie, text: text}
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z':
			i = skipWord(text, i)
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			if m, ok := f.match(i); ok {
				out = append(out, m)
				i = m.End
			} else {
				i = skipWord(text, i)
			}
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsUpper(r):
				if m, ok := f.match(i); ok {
					out = append(out, m)
					i = m.End
				} else {
					i = skipWord(text, i)
				}
			case arabic.IsArabic(r) && unicode.IsLetter(r):
				if m, ok := f.matchArabic(i); ok {
					out = append(out, m)
					i = m.End
				} else {
					i = skipWord(text, i)
				}
			case unicode.IsLetter(r):
				i = skipWord(text, i)
			default:
				i += size
			}
		}
	}
	return out
}

// finder holds the state of one Find.
type finder struct {
	d     *Dict
	t     *trie
	text  string
	buf   []byte         // folded word
	abuf  []byte         // a stem with the article's alef restored
	words [maxWords]span // words of the name being matched
}

// span is a word of the text: text[start:end].
type span struct{ start, end int }

// match returns the longest accepted name starting at the word at start.
func (f *finder) match(start int) (Match, bool) {
	words := &f.words
	node := &f.t.nodes[0]
	pos := start
	best, bestN := (*cand)(nil), 0
	for n := 0; n < maxWords; n++ {
		end, possessive := wordEnd(f.text, pos)
		if end == pos {
			break
		}
		f.buf = names.AppendFold(f.buf[:0], f.text[pos:end])
		child, ok := node.next[string(f.buf)]
		if !ok {
			break
		}
		words[n] = span{pos, end}
		node = &f.t.nodes[child]
		for i := range node.cands {
			if c := &node.cands[i]; f.accept(c, words[:n+1]) {
				best, bestN = c, n+1
				break
			}
		}
		if node.next == nil {
			break
		}
		if possessive {
			// "People's Republic of China", "Lord's Resistance Army": a
			// possessive inside a name goes on only where a name does
			// ("Iran's Revolutionary Guard" stops at "Iran")
			_, size := utf8.DecodeRuneInString(f.text[end:])
			end += size + 1
		}
		next, ok := nextWord(f.text, end)
		if !ok {
			break
		}
		pos = next
	}
	if best == nil {
		return Match{}, false
	}
	s, e := words[0].start, words[bestN-1].end
	s = f.withArticle(s)
	return Match{Start: s, End: e, Entry: best.entry, Surface: f.text[s:e], Alias: best.alias}, true
}

// matchArabic returns the longest name starting in the Arabic word at
// start, trying the word with its proclitics removed (arabic.Stems) and
// the following words as written.
func (f *finder) matchArabic(start int) (Match, bool) {
	end, _ := wordEnd(f.text, start)
	if end == start {
		return Match{}, false
	}
	f.buf = names.AppendFold(f.buf[:0], f.text[start:end])
	root := &f.t.nodes[0]
	if len(f.buf) == 0 || root.next == nil {
		return Match{}, false
	}
	if !f.mayStartName(f.buf) {
		return Match{}, false
	}
	folded := string(f.buf)
	var (
		best      *cand
		bestEnd   int
		bestStart int
	)
	for si, stem := range arabic.Stems(folded) {
		child, ok := root.next[stem]
		if !ok {
			continue
		}
		node := &f.t.nodes[child]
		wend := end
		for n := 1; ; n++ {
			if len(node.cands) > 0 && wend > bestEnd {
				best, bestEnd = &node.cands[0], wend
				bestStart = start
				if si > 0 {
					bestStart = start + proclitics(f.text[start:end], folded, stem)
				}
			}
			if node.next == nil || n >= maxWords {
				break
			}
			next, ok := nextWord(f.text, wend)
			if !ok {
				break
			}
			e, _ := wordEnd(f.text, next)
			f.buf = names.AppendFold(f.buf[:0], f.text[next:e])
			c, ok := node.next[string(f.buf)]
			if !ok {
				break
			}
			node, wend = &f.t.nodes[c], e
		}
	}
	if best == nil {
		return Match{}, false
	}
	return Match{Start: bestStart, End: bestEnd, Entry: best.entry, Surface: f.text[bestStart:bestEnd], Alias: best.alias}, true
}

// mayStartName reports whether a folded Arabic word, with up to four
// leading letters removed (the most that proclitics take: و or ف, ب ك or
// ل, and ال), or with ل of "لل" read as "ال", is a first word of a name:
// a test without allocation that spares most words arabic.Stems.
func (f *finder) mayStartName(b []byte) bool {
	next := f.t.nodes[0].next
	const letter = len("ا") // the proclitics are two-byte letters
	for i := 0; i <= 4*letter && i < len(b); i += letter {
		if _, ok := next[string(b[i:])]; ok {
			return true
		}
	}
	for i := 0; i <= letter && i+2*letter <= len(b); i += letter {
		if string(b[i:i+2*letter]) == "لل" {
			f.abuf = append(append(f.abuf[:0], "ا"...), b[i+letter:]...)
			if _, ok := next[string(f.abuf)]; ok {
				return true
			}
		}
	}
	return false
}

// proclitics returns the length in bytes of the proclitics that word, as
// written, carries before stem, one of the arabic.Stems of folded (word
// folded). When stem is not a suffix of folded, it restored the alef of an
// article after ل ("للشرطة" → "الشرطة"), and the second ل is the stem's.
func proclitics(word, folded, stem string) int {
	n := utf8.RuneCountInString(folded) - utf8.RuneCountInString(stem)
	if !strings.HasSuffix(folded, stem) {
		n++
	}
	// Skip n letters that folding keeps, then the marks that follow them.
	i := 0
	for i < len(word) {
		r, size := utf8.DecodeRuneInString(word[i:])
		if _, kept := arabic.FoldRune(r); kept && !unicode.Is(unicode.Mn, r) {
			if n == 0 {
				return i
			}
			n--
		}
		i += size
	}
	return i
}

// accept applies the case rules of Find to a candidate over the words of
// the text it would match.
func (f *finder) accept(c *cand, words []span) bool {
	text := f.text
	if c.acronym {
		letters := 0
		for _, w := range words {
			n, ok := capitals(text[w.start:w.end])
			if !ok {
				return false
			}
			letters += n
		}
		if letters <= 3 && (f.shouting(f.prevWord(words[0].start)) || f.shouting(f.nextWord(words[len(words)-1].end))) {
			return false
		}
	} else {
		// a word the dictionary writes in lower case may be so in the
		// text: "Fulani herdsmen", "Anti-balaka militias"
		form := strings.FieldsFunc(c.alias, func(r rune) bool { return r == ' ' || r == '-' || r == '–' })
		if len(form) != len(words) {
			form = nil
		}
		for i, w := range words {
			if i > 0 && (text[w.start-1] == '-' || strings.HasSuffix(text[:w.start], "\u2013") || f.t.words.particles[foldWord(text[w.start:w.end])]) {
				continue
			}
			if i > 0 && form != nil {
				if r, _ := utf8.DecodeRuneInString(form[i]); unicode.IsLower(r) {
					continue
				}
			}
			r, _ := utf8.DecodeRuneInString(text[w.start:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	if c.needArticle && !f.afterArticle(words[0].start) {
		return false
	}
	if c.entry.Kind == "person" {
		if p := f.adjacentBefore(words[0].start); p.end > p.start && f.capitalized(p) && !f.t.words.beforeName(foldWord(text[p.start:p.end])) {
			return false
		}
		if n := f.adjacentAfter(words[len(words)-1].end); n.end > n.start && f.capitalized(n) && !f.t.words.afterName(foldWord(text[n.start:n.end])) {
			return false
		}
	}
	return true
}

// capitals reports whether a word has no lower-case letter and at least
// one upper-case one, and how many letters it has.
func capitals(w string) (int, bool) {
	n, upper := 0, false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return 0, false
		case unicode.IsUpper(r):
			upper = true
			n++
		case unicode.IsLetter(r):
			n++
		}
	}
	return n, upper
}

// shouting reports whether a word is in capitals without being an acronym
// of the dictionary: a sign of a headline, where short acronyms cannot be
// told from words.
func (f *finder) shouting(w span) bool {
	if w.end-w.start < 2 {
		return false
	}
	if n, ok := capitals(f.text[w.start:w.end]); !ok || n < 2 {
		return false
	}
	return !f.t.acronyms[foldWord(f.text[w.start:w.end])]
}

func (f *finder) capitalized(w span) bool {
	r, _ := utf8.DecodeRuneInString(f.text[w.start:])
	return unicode.IsUpper(r)
}

// withArticle moves the start of a match back over an Arabic article
// joined to it by a hyphen ("al-" of "al-Qaeda").
func (f *finder) withArticle(start int) int {
	text := f.text
	if start < 3 || text[start-1] != '-' {
		return start
	}
	i := start - 1
	for i > 0 && isASCIILetter(text[i-1]) {
		i--
	}
	if i > 0 && isWordByte(text[i-1]) {
		return start
	}
	if art := strings.ToLower(text[i : start-1]); art != "the" && names.IsArticle(art) {
		return i
	}
	return start
}

// afterArticle reports whether an Arabic article stands right before start,
// joined by a hyphen or a space ("al-Qaeda", "al Qaeda").
func (f *finder) afterArticle(start int) bool {
	if f.withArticle(start) != start {
		return true
	}
	p := f.adjacentBefore(start)
	return p.end > p.start && f.text[p.end] == ' ' && names.IsArticle(strings.ToLower(f.text[p.start:p.end])) && !strings.EqualFold(f.text[p.start:p.end], "the")
}

// prevWord returns the word just before start on the same line, across
// spaces and hyphens only; an empty span if there is none.
func (f *finder) prevWord(start int) span {
	text := f.text
	i := start
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '-' || text[i-1] == '\t') {
		i--
	}
	if i == start || i == 0 || !isWordByte(text[i-1]) {
		return span{}
	}
	e := i
	for i > 0 && isWordByte(text[i-1]) {
		i--
	}
	return span{i, e}
}

// nextWord returns the word just after end on the same line, across spaces
// and hyphens only.
func (f *finder) nextWord(end int) span {
	p, ok := nextWord(f.text, end)
	if !ok {
		return span{}
	}
	e, _ := wordEnd(f.text, p)
	return span{p, e}
}

// adjacentBefore returns the word right before start when only one space or
// hyphen separates them: part of the same name, if capitalized.
func (f *finder) adjacentBefore(start int) span {
	text := f.text
	if start < 2 || text[start-1] != ' ' && text[start-1] != '-' || !isWordByte(text[start-2]) {
		return span{}
	}
	i := start - 1
	for i > 0 && isWordByte(text[i-1]) {
		i--
	}
	return span{i, start - 1}
}

// adjacentAfter returns the word right after end when only one space or
// hyphen separates them.
func (f *finder) adjacentAfter(end int) span {
	text := f.text
	if end+1 >= len(text) || text[end] != ' ' && text[end] != '-' {
		return span{}
	}
	e, _ := wordEnd(text, end+1)
	return span{end + 1, e}
}

// nextWord returns where the word after a name's word ending at end
// starts, if only spaces (a few) and at most one hyphen or dash separate
// them on the same line.
func nextWord(text string, end int) (int, bool) {
	i, hyphens := end, 0
	for i < len(text) && i-end <= 4 {
		c := text[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '-':
			hyphens++
			i++
		case c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0: // no-break space
			i += 2
		case c == 0xE2 && strings.HasPrefix(text[i:], "\u2011"): // no-break hyphen
			hyphens++
			i += 3
		case c == 0xE2 && i == end && strings.HasPrefix(text[i:], "\u2013") && i+3 < len(text) && isWordStart(text, i+3):
			// an en dash written for a hyphen, glued on both sides: "Saudi–led"
			hyphens++
			i += 3
		default:
			if i == end || hyphens > 1 || !isWordStart(text, i) {
				return 0, false
			}
			return i, true
		}
	}
	return 0, false
}

func isWordStart(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c) || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordEnd returns the end of the word starting at i: letters, digits and
// marks, with apostrophes inside ("Kata'ib") and the dots of an initialism
// ("U.S."). A possessive "'s" ends the word before it; possessive reports
// it.
func wordEnd(text string, i int) (end int, possessive bool) {
	n := len(text)
	seg, initial := 0, true
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIILetter(c):
				seg++
				if seg > 1 {
					initial = false
				}
				i++
				continue
			case c >= '0' && c <= '9':
				seg++
				initial = false
				i++
				continue
			case c == '\'' || c == '`':
				if isPossessive(text, i+1) {
					return i, true
				}
				if i+1 < n && isWordStart(text, i+1) && seg > 0 {
					i++
					continue
				}
				return i, false
			case c == '.':
				if initial && seg == 1 {
					if i+1 < n && isASCIILetter(text[i+1]) && (i+2 >= n || text[i+2] == '.') {
						seg = 0
						i++
						continue
					}
					if i >= 2 && text[i-2] == '.' {
						return i + 1, false // the final dot of U.S.
					}
				}
				return i, false
			default:
				return i, false
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case names.IsApostrophe(r):
			if isPossessive(text, i+size) {
				return i, true
			}
			if i+size < n && isWordStart(text, i+size) && seg > 0 {
				i += size
				continue
			}
			return i, false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			seg++
			initial = false
			i += size
		default:
			return i, false
		}
	}
	return i, false
}

// isPossessive reports whether text[i:] is the "s" of "'s" at a word's end.
func isPossessive(text string, i int) bool {
	if i >= len(text) || text[i] != 's' {
		return false
	}
	return i+1 == len(text) || !isWordStart(text, i+1)
}

// skipWord returns the end of the run of letters, digits and apostrophes
// at i: a fast approximation of wordEnd for words that cannot start a
// name.
func skipWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) && !(c >= '0' && c <= '9') && c != '\'' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !names.IsApostrophe(r) {
			return i
		}
		i += size
	}
	return i
}

// isWordByte reports whether c may be part of a word: an ASCII letter or
// digit, an apostrophe, or any byte of a multi-byte character.
func isWordByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || c == '\'' || c >= utf8.RuneSelf
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// foldWord folds one word of the text.
func foldWord(w string) string { return names.Fold(w) }

// cand is a name of the dictionary that ends at a node of the trie.
type cand struct {
	entry   *Entry
	alias   string // dictionary form
	acronym bool   // written in capitals: matched in capitals only
	isName  bool   // the entry's name rather than an alias
	order   int

	needArticle bool // found only after an Arabic article
}

// trie maps folded words, one level a word, to the names they spell.
type trie struct {
	nodes    []tnode
	acronyms map[string]bool // folded one-word acronyms
	words    *wordLists
}

type tnode struct {
	next  map[string]int32
	cands []cand
}

// buildTrie indexes every name and alias of the entries, their forms
// without a leading article ("Qaeda" for "al-Qaeda", "Guardian" for "The
// Guardian") unless what is left is one short or common word, and their
// forms without inner Arabic articles ("Abu Omar Hashimi" for "Abu Omar
// al-Hashimi").
func buildTrie(entries []*Entry, order map[*Entry]int, words *wordLists) *trie {
	t := &trie{nodes: make([]tnode, 1, 1+len(entries)*3), acronyms: map[string]bool{}, words: words}
	for _, e := range entries {
		for i, form := range append([]string{e.Name}, e.Aliases...) {
			toks := names.Tokens(form)
			if len(toks) == 0 {
				continue
			}
			c := cand{entry: e, alias: form, acronym: isAcronym(form), isName: i == 0, order: order[e]}
			if c.acronym && len(toks) == 1 {
				t.acronyms[toks[0]] = true
			}
			if t.indexable(toks, c.acronym) {
				t.insert(toks, c)
			}
			if len(toks) > 1 && names.IsArticle(toks[0]) && t.indexable(toks[1:], c.acronym) {
				v := c
				// One word left ("Qaeda" of "al-Qaeda") is found only
				// after an article, lest "Nawaz" be "al-Nawaz".
				v.needArticle = len(toks) == 2 && toks[0] != "the"
				if len(toks) > 2 || len(toks[1]) >= 4 {
					t.insert(toks[1:], v)
				}
			}
			if v := withoutArticles(toks); len(v) >= 2 && len(v) < len(toks) {
				t.insert(v, c) // "Qais Khazali" for "Qais al-Khazali"
			}
		}
	}
	for i := range t.nodes {
		cs := t.nodes[i].cands
		sort.SliceStable(cs, func(a, b int) bool {
			if cs[a].isName != cs[b].isName {
				return cs[a].isName
			}
			return cs[a].order > cs[b].order
		})
	}
	return t
}

// withoutArticles returns toks without the Arabic articles after the first
// word, or toks itself when there are none.
func withoutArticles(toks []string) []string {
	var out []string
	for i, t := range toks {
		if i > 0 && t != "the" && names.IsArticle(t) {
			if out == nil {
				out = append([]string(nil), toks[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// indexable reports whether a name is looked for in text: not a single
// common word, and not a single word of one or two letters unless it is an
// acronym.
func (t *trie) indexable(toks []string, acronym bool) bool {
	if len(toks) != 1 || acronym {
		return true
	}
	return len(toks[0]) >= 3 && !t.words.common[toks[0]]
}

func (t *trie) insert(toks []string, c cand) {
	n := int32(0)
	for _, tok := range toks {
		next, ok := t.nodes[n].next[tok]
		if !ok {
			if t.nodes[n].next == nil {
				t.nodes[n].next = map[string]int32{}
			}
			next = int32(len(t.nodes))
			t.nodes = append(t.nodes, tnode{})
			t.nodes[n].next[tok] = next
		}
		n = next
	}
	for _, x := range t.nodes[n].cands {
		if x.entry == c.entry && x.acronym == c.acronym && x.needArticle == c.needArticle {
			return
		}
	}
	t.nodes[n].cands = append(t.nodes[n].cands, c)
}

// isAcronym reports whether a dictionary form is written in capitals: no
// lower-case letter, at least one capital, at most ten letters ("ISIL",
// "U.S.", "ISIS-K", "M23").
func isAcronym(form string) bool {
	upper, letters := false, 0
	for _, r := range form {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
			upper = upper || unicode.IsUpper(r)
		}
	}
	return upper && letters <= 10
}
