// Package arabic reads Arabic text for matching: it folds the letters that
// writers use interchangeably, cuts words with their byte offsets into the
// original text, strips the proclitics that Arabic writes attached to a
// word, and splits sentences on Arabic punctuation.
//
// Folding is for comparison only. Every offset this package returns points
// into the bytes it was given, so evidence quotes the text as written.
//
// What folding does (Fold):
//
//   - removes the short-vowel marks and other diacritics (U+064B..U+065F,
//     U+0670), the tatweel (U+0640) and the Quranic annotation signs;
//   - merges the alef forms (أ إ آ ٱ → ا), alef maqsura and the Persian
//     yeh (ى ی → ي), teh marbuta (ة → ه), the hamza seats (ؤ → و, ئ → ي),
//     and the Persian kaf (ک → ك);
//   - reads Arabic-Indic (٠..٩) and Persian (۰..۹) digits as ASCII digits;
//   - lower-cases Latin letters, so that mixed text folds one way.
//
// Proclitics (Stems): a word may carry the conjunctions و and ف, the
// prepositions ب ك ل and the article ال, in that order ("وبالعراق",
// "فللشرطة"). Stems returns the word and each shorter form left after
// removing a valid sequence of them, longest first, never leaving fewer than
// two letters, so a caller looks each up and keeps the first that a
// dictionary knows: "وبغداد", "ببغداد" and "لبغداد" all reach "بغداد".
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsArabic reports whether r is a letter of the Arabic script.
func IsArabic(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F ||
		r >= 0x08A0 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// ignorable reports a mark that folding drops: harakat, the superscript
// alef, tatweel, Quranic signs and the zero-width joiners.
func ignorable(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640 ||
		r >= 0x06D6 && r <= 0x06ED || r == 0x200C || r == 0x200D || r == 0x200F || r == 0x200E
}

// FoldRune returns r folded; ok is false when r is dropped.
func FoldRune(r rune) (rune, bool) {
	if ignorable(r) {
		return 0, false
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا', true
	case 'ى', 'ی', 'ئ':
		return 'ي', true
	case 'ة':
		return 'ه', true
	case 'ؤ':
		return 'و', true
	case 'ک':
		return 'ك', true
	}
	if r >= '٠' && r <= '٩' {
		return '0' + (r - '٠'), true
	}
	if r >= '۰' && r <= '۹' {
		return '0' + (r - '۰'), true
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, true
	}
	return unicode.ToLower(r), true
}

// Fold returns s folded for matching (see the package comment).
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || 'A' <= s[i] && s[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return string(FoldAppend(make([]byte, 0, len(s)), s))
}

// FoldAppend appends the folded form of s to dst.
func FoldAppend(dst []byte, s string) []byte {
	for _, r := range s {
		if f, ok := FoldRune(r); ok {
			dst = utf8.AppendRune(dst, f)
		}
	}
	return dst
}

// Token is a word of the text: its byte span in the original and its
// folded form.
type Token struct {
	Start, End int
	Folded     string
}

// isWordRune says whether r belongs to a word: letters, digits and the
// marks folding drops (a diacritic or a tatweel inside a word keeps it one
// word).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || ignorable(r) || unicode.Is(unicode.Mn, r)
}

// Tokens cuts s into words. A word is a run of letters and digits (with the
// marks folding drops); everything else separates words. Digits and letters
// are cut apart ("2019م" is "2019" and "م"), so a number is always a token of
// its own.
func Tokens(s string) []Token {
	var out []Token
	start := -1
	var kind int // 1 letters, 2 digits
	var buf []byte
	flush := func(end int) {
		if start >= 0 && len(buf) > 0 {
			out = append(out, Token{Start: start, End: end, Folded: string(buf)})
		}
		start, buf = -1, buf[:0]
	}
	for i, r := range s {
		if !isWordRune(r) {
			flush(i)
			continue
		}
		k := 1
		if unicode.IsDigit(r) {
			k = 2
		}
		if start >= 0 && k != kind && !ignorable(r) {
			flush(i)
		}
		if start < 0 {
			if ignorable(r) {
				continue // a stray mark opens no word
			}
			start, kind = i, k
		}
		if f, ok := FoldRune(r); ok {
			buf = utf8.AppendRune(buf, f)
		}
	}
	flush(len(s))
	return out
}

// Folded letters the proclitics are made of.
const (
	waw  = "و"
	fa   = "ف"
	ba   = "ب"
	kaf  = "ك"
	lam  = "ل"
	alif = "ا"
)

// Stems returns the folded word w and the forms left after removing its
// proclitics, longest first. w must be folded. Each form keeps at least two
// letters. The article is removed too, so "والعراق" gives "والعراق",
// "العراق" and "عراق"; a caller tries each against its dictionary (which
// may hold names with their article) and keeps the first known.
func Stems(w string) []string {
	out := []string{w}
	add := func(s string) {
		if utf8.RuneCountInString(s) >= 2 && s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	rest := w
	// conjunction: و or ف
	if hasPrefix(rest, waw) || hasPrefix(rest, fa) {
		rest = rest[len(waw):]
		add(rest)
	}
	// preposition: ب, ك or ل; ل before the article drops the article's
	// alef ("للشرطة" is ل + الشرطة)
	switch {
	case hasPrefix(rest, lam+lam):
		rest = rest[len(lam):]
		add(alif + rest) // "للشرطة" → "الشرطة"
		rest = rest[len(lam):]
		add(rest)
		return out
	case hasPrefix(rest, ba) || hasPrefix(rest, kaf) || hasPrefix(rest, lam):
		if utf8.RuneCountInString(rest) > 3 {
			rest = rest[len(ba):]
			add(rest)
		}
	}
	if hasPrefix(rest, alif+lam) && utf8.RuneCountInString(rest) > 3 {
		add(rest[len(alif+lam):])
	}
	return out
}

// IsNisba reports an adjective of origin or belonging written with the
// article, as a folded word: "الصومالي", "العراقيه" ("العراقية").
func IsNisba(w string) bool {
	return hasPrefix(w, alif+lam) && utf8.RuneCountInString(w) > 4 &&
		(strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه") || strings.HasSuffix(w, "ية"))
}

// StripArticle removes a leading article (ال) from a folded word when at
// least two letters remain.
func StripArticle(w string) string {
	if hasPrefix(w, alif+lam) && utf8.RuneCountInString(w) > 3 {
		return w[len(alif+lam):]
	}
	return w
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// Span is a byte range of the text.
type Span struct{ Start, End int }

// Sentences splits s into sentences: after a full stop, the Arabic
// question mark (؟), an exclamation mark, the Arabic semicolon (؛) or a
// blank line, and at every line break that ends a line of more than a few
// words without punctuation (headlines, list items). Quotation marks and
// closing brackets after the mark stay with the sentence. Spans exclude the
// surrounding spaces.
func Sentences(s string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && isSpaceByte(s[a]) {
			a++
		}
		for b > a && isSpaceByte(s[b-1]) {
			b--
		}
		if b > a {
			out = append(out, Span{a, b})
		}
		start = end
	}
	quote := 0 // guillemets open in this sentence
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			emit(i)
			quote = 0
			i += n
			start = i
			continue
		case r == '«':
			quote++
		case r == '»':
			quote = max(0, quote-1)
		case r == '.' || r == '؟' || r == '?' || r == '!' || r == '؛':
			if r == '.' && i > 0 && i+1 < len(s) && isDigitByte(s[i-1]) && isDigitByte(s[i+1]) {
				break // a decimal point
			}
			if r == '.' && quote > 0 && strings.HasPrefix(s[i:], "...") {
				i += len("...")
				continue // words left out of a quotation: «هؤلاء ... يستحقون»
			}
			j := i + n
			for j < len(s) {
				c, m := utf8.DecodeRuneInString(s[j:])
				if c == '"' || c == '»' || c == ')' || c == '”' || c == '’' || c == '\'' || c == ']' || c == '.' {
					j += m
					continue
				}
				break
			}
			if j >= len(s) || isSpaceByte(s[j]) {
				emit(j)
				quote = 0
				i = j
				continue
			}
		}
		i += n
	}
	emit(len(s))
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// Share returns the share of letters of s that are Arabic, over the first
// 4 KB, so a caller can tell an Arabic text from a Latin one with Arabic
// names.
func Share(s string) float64 {
	if len(s) > 4096 {
		s = s[:4096]
	}
	var ar, all int
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if IsArabic(r) {
				ar++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(ar) / float64(all)
}

// Locative reports whether the proclitics of a folded word, the part
// before stem (one of its Stems), hold the preposition ب, "in" or "at":
// "ببغداد", "وبالموصل".
func Locative(word, stem string) bool {
	if len(stem) >= len(word) || word[len(word)-len(stem):] != stem {
		return false
	}
	pre := word[:len(word)-len(stem)]
	pre = strings.TrimSuffix(pre, alif+lam)
	return strings.HasSuffix(pre, ba)
}

// IsConjunction reports the conjunction و written as a word of its own
// (Tokens cuts "و35" into "و" and "35").
func IsConjunction(w string) bool { return w == waw }

// HasConjunction reports a folded word that opens with the conjunction و
// attached ("وعشرون").
func HasConjunction(w string) bool { return hasPrefix(w, waw) && len(w) > len(waw) }

// HasLam reports a folded word that opens with the preposition ل, after a
// conjunction ("لجريدة", "للأمم", "ولصحيفة"), with at least three letters
// after it.
func HasLam(w string) bool {
	if hasPrefix(w, waw) || hasPrefix(w, fa) {
		w = w[len(waw):]
	}
	return hasPrefix(w, lam) && utf8.RuneCountInString(w) > 3
}

// StripLam returns the word s as written without its conjunction and the
// preposition ل, giving back the article's alef that ل drops ("للصحيفة"
// is "الصحيفة", "لجريدة" is "جريدة"); s unchanged when HasLam is false
// for its first word.
func StripLam(s string) string {
	first, _, _ := strings.Cut(s, " ")
	f := Fold(first)
	if !HasLam(f) {
		return s
	}
	i, n := 0, 1
	if hasPrefix(f, waw) || hasPrefix(f, fa) {
		n = 2
	}
	for n > 0 && i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if _, ok := FoldRune(r); ok {
			n--
		}
	}
	if hasPrefix(Fold(s[i:]), lam) {
		return alif + s[i:]
	}
	return s[i:]
}

// HasHamza reports a hamza in s, alone or on its seat (ء أ إ آ ؤ ئ):
// "بأن" has one, the name "بان" none.
func HasHamza(s string) bool {
	return strings.ContainsAny(s, "\u0621\u0622\u0623\u0625\u0624\u0626")
}
