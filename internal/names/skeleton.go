package names

import (
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/arabic"
)

// Skeleton returns the consonant skeleton of a name, the same for the name
// written in Arabic script and for its usual Latin spellings: "مصطفى
// الحمداني", "Mustafa al-Hamdani" and "Moustafa al-Hamdany" are all
// "mstfhmzn"; "قاسم رحيمي", "Qasem Rahimi" and "Ghasem Rahimi" are
// "ksmrhm". It is much coarser than Key and meant for one use: finding
// the Latin entry of a person named in Arabic script, among persons, when
// the skeleton is long enough and names one person only.
//
// Arabic writes no short vowels, so the skeleton has none: it keeps
// consonants, mapped to classes that both scripts share, and drops
// everything a transliteration may or may not write:
//
//	b p                 ب پ        → b
//	t                   ت ط        → t
//	s th                ث س ص      → s
//	d dh z zh           د ذ ض ظ ز ژ → z
//	sh ch               ش چ        → c
//	j dj                ج          → j
//	h                   ح ه        → h (not at the end of a word)
//	kh                  خ          → x
//	k q c g gh ck       ك ق غ گ    → k
//	f ph                ف ڤ        → f
//	l m n r             ل م ن ر    → l m n r
//	vowels, w, v, y     ا و ي ى ء ع → (nothing)
//
// (v is و in Persian names: Javad, Vahid.)
//
// An h (Latin) or ح ه (Arabic, where teh marbuta is folded to heh) that
// only vowels follow to the end of its word is dropped: "Hamza", "Hamzah"
// and "حمزة" agree, and so do "Fattah" and "فتاح", "Taha" and "طه".
// Articles are dropped (Latin "al", "el", "ad"..., Arabic ال at the start
// of a word), and "Abdul-", "Abdel-", "عبدال" become "abd" ("bz"). The
// words are then run together and repeated classes collapsed, because the
// two scripts cut names differently ("Fadlallah" and "فضل الله" are both
// "fzl"; "Mohammed" and "محمد" both "mhmz").
//
// Two names are compared by more than their skeletons (SkeletonOf,
// Skel.Matches): their words must end at agreeing places, a long u
// before the last consonant of a word (و in Arabic; ou, oo in Latin, and
// perhaps u) must be in both, and so must a final long i (i or y in Latin;
// perhaps ي in Arabic, which also writes a final a as ى, folded to ي):
// "محمود" (Mahmoud) is not "محمد" (Mohammed), though both are "mhmz", and
// "محمد عباس" is not "Mohammad Abbasi".
//
// The price is collisions: "Hassan" and "Hussein" are both "hsn",
// "Nadhim" and "Nazim" "nzm", "العبادي" and "العبيدي" (Abadi, Ubaidi) "bz",
// and "Mahmud" (a single u) may be "محمد"; of the 15,000 persons of the
// default dictionary, about one in eighteen matches another (see the
// actordict tests; many of them are one person entered twice). And
// misses: g written for ج ("Gamal", "Golani"), Turkish c ("Recep"), -at
// for teh marbuta ("Izzat" and "عزة"), Iraqi ch ("Chalabi"), v for ف
// ("Vladimir"), ou for a short u ("Youssouf" and "يوسف"). Use skeletons
// only on whole names of two words or more, and trust them only when they
// point to one person.
func Skeleton(s string) string {
	return SkeletonOf(s).Key
}

// Skel is the skeleton of a name with what comparing two names needs
// beyond it: where its words end, and where it writes a long u or a final
// long i.
type Skel struct {
	Key   string // Skeleton(s)
	cuts  []int  // the length of Key after each word but the last that adds to it
	marks string // Key with the marks of long vowels: w, y (written), W, Y (maybe)
}

// SkeletonOf returns the skeleton of s (see Skeleton).
func SkeletonOf(s string) Skel {
	var key, marks, word []byte
	var cuts []int
	add := func() {
		for _, c := range word {
			if n := len(marks); n == 0 || marks[n-1] != c {
				marks = append(marks, c)
			}
			if isMark(c) {
				continue
			}
			if n := len(key); n == 0 || key[n-1] != c {
				key = append(key, c)
			}
		}
		if n := len(key); n > 0 && (len(cuts) == 0 || cuts[len(cuts)-1] < n) {
			cuts = append(cuts, n)
		}
	}
	for _, t := range Tokens(s) {
		if r, _ := utf8.DecodeRuneInString(t); r >= utf8.RuneSelf && arabic.IsArabic(r) {
			for _, part := range splitWord(t) {
				word = appendArabicSkeleton(word[:0], part)
				add()
			}
			continue
		}
		if IsArticle(t) || IsParticle(t) {
			continue
		}
		for _, part := range splitAbd(t) {
			word = appendLatinSkeleton(word[:0], part)
			add()
		}
	}
	if len(cuts) > 0 {
		cuts = cuts[:len(cuts)-1] // the end of the last word is no cut
	}
	return Skel{Key: string(key), cuts: cuts, marks: string(marks)}
}

// Matches reports whether a and b are the skeletons of one name: the same
// skeleton, cut into words at agreeing places (one name may run together
// words that the other writes apart: "Fadlallah", "فضل الله"; but "Pedro
// Lay" and "أبو عزرائيل", both bzrl, are cut after bzr and after b), and
// a long u where both write one ("محمود", Mahmoud, has one; "محمد",
// Mohammed, has none).
func (a Skel) Matches(b Skel) bool {
	return a.Key != "" && a.Key == b.Key && cutsAgree(a.cuts, b.cuts) && marksAgree(a.marks, b.marks)
}

// cutsAgree reports whether one list of cuts holds the other.
func cutsAgree(a, b []int) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
	}
	return true
}

// Marks of long vowels in a marked skeleton: w and y are written, W and Y
// may be (see Skel).
func isMark(c byte) bool { return c == 'w' || c == 'W' || c == 'y' || c == 'Y' }

// marksAgree compares two marked skeletons of the same Key: a W or a Y may
// stand for a w or a y, or for nothing.
func marksAgree(a, b string) bool {
	switch {
	case a == "" && b == "":
		return true
	case a != "" && (a[0] == 'W' || a[0] == 'Y'):
		if marksAgree(a[1:], b) {
			return true
		}
		return b != "" && (b[0] == a[0] || b[0] == a[0]+'a'-'A') && marksAgree(a[1:], b[1:])
	case b != "" && (b[0] == 'W' || b[0] == 'Y'):
		return marksAgree(b, a)
	case a == "" || b == "":
		return false
	case a[0] == b[0]:
		return marksAgree(a[1:], b[1:])
	}
	return false
}

// SameSkeleton reports whether a and b are one name by their skeletons
// (Skel.Matches).
func SameSkeleton(a, b string) bool {
	return SkeletonOf(a).Matches(SkeletonOf(b))
}

// appendLatinSkeleton appends the classes of a folded Latin word.
func appendLatinSkeleton(dst []byte, w string) []byte {
	start := len(dst)
	lastH := -1 // index in dst of a single h written last
	markAt, mark := latinLongU(w)
	for i := 0; i < len(w); i++ {
		if i == markAt {
			dst = append(dst, mark)
		}
		c := w[i]
		var n byte
		if i+1 < len(w) {
			n = w[i+1]
		}
		if n == 'h' {
			two := byte(0)
			switch c {
			case 'k':
				two = 'x'
			case 'g':
				two = 'k'
			case 's', 'c':
				two = 'c'
			case 't':
				two = 's'
			case 'd', 'z':
				two = 'z'
			case 'p':
				two = 'f'
			}
			if two != 0 {
				dst = append(dst, two)
				i++
				continue
			}
		}
		switch c {
		case 'b', 'p':
			dst = append(dst, 'b')
		case 't':
			dst = append(dst, 't')
		case 'd':
			if n == 'j' {
				i++
				dst = append(dst, 'j')
				continue
			}
			dst = append(dst, 'z')
		case 'z':
			dst = append(dst, 'z')
		case 's':
			dst = append(dst, 's')
		case 'c', 'k', 'q', 'g':
			dst = append(dst, 'k')
		case 'x':
			dst = append(dst, 'k', 's')
		case 'j':
			dst = append(dst, 'j')
		case 'h':
			lastH = len(dst)
			dst = append(dst, 'h')
		case 'f':
			dst = append(dst, 'f')
		case 'l', 'm', 'n', 'r':
			dst = append(dst, c)
		}
	}
	if lastH >= start && lastH == len(dst)-1 {
		dst = dst[:lastH]
	}
	if c := w[len(w)-1]; len(w) > 1 && (c == 'i' || c == 'y') {
		dst = append(dst, 'y') // a final long i: Hamdani, Ali
	}
	return dst
}

// appendArabicSkeleton appends the classes of a folded Arabic word,
// without its article.
func appendArabicSkeleton(dst []byte, w string) []byte {
	start := len(dst)
	lastH := -1
	rs := []rune(w)
	for i, r := range rs {
		if i == len(rs)-1 && i >= 2 && rs[i-1] == 'و' && arabicConsonant(r) {
			dst = append(dst, 'w') // a long u before the last consonant
		}
		switch r {
		case 'ب', 'پ':
			dst = append(dst, 'b')
		case 'ت', 'ط':
			dst = append(dst, 't')
		case 'ث', 'س', 'ص':
			dst = append(dst, 's')
		case 'د', 'ذ', 'ض', 'ظ', 'ز', 'ژ':
			dst = append(dst, 'z')
		case 'ش', 'چ':
			dst = append(dst, 'c')
		case 'ج':
			dst = append(dst, 'j')
		case 'ح', 'ه':
			lastH = len(dst)
			dst = append(dst, 'h')
		case 'خ':
			dst = append(dst, 'x')
		case 'ك', 'ق', 'غ', 'گ':
			dst = append(dst, 'k')
		case 'ف', 'ڤ':
			dst = append(dst, 'f')
		case 'ل':
			dst = append(dst, 'l')
		case 'م':
			dst = append(dst, 'm')
		case 'ن':
			dst = append(dst, 'n')
		case 'ر':
			dst = append(dst, 'r')
		}
	}
	if lastH >= start && lastH == len(dst)-1 {
		dst = dst[:lastH]
	}
	if len(rs) > 1 && rs[len(rs)-1] == 'ي' {
		// A final ي, or ى folded to it: a long i (الكاظمي), or an a
		// (مصطفى).
		dst = append(dst, 'Y')
	}
	return dst
}

// latinLongU returns where, in a folded Latin word, the long u before its
// last consonant is marked, and the mark: w after ou, oo or uu, which
// write a long u ("Mahmoud", "Dawood"), W after a single u or a w, which
// may ("Mahmud", but "Yusuf"); -1 when the word does not end in a
// consonant after such a vowel.
func latinLongU(w string) (int, byte) {
	last := len(w) - 1
	if last < 1 || isLatinVowel(w[last]) {
		return -1, 0
	}
	if w[last] == 'h' && strings.IndexByte("kgsctdzp", w[last-1]) >= 0 {
		last-- // a digraph: kh, gh, sh...
	}
	j := last
	for j > 0 && isLatinVowel(w[j-1]) {
		j--
	}
	run := w[j:last]
	switch {
	case strings.HasSuffix(run, "ou") || strings.HasSuffix(run, "oo") || strings.HasSuffix(run, "uu"):
		return last, 'w'
	case strings.HasSuffix(run, "u") || strings.HasSuffix(run, "w"):
		return last, 'W'
	}
	return -1, 0
}

func isLatinVowel(c byte) bool { return strings.IndexByte("aeiouwy", c) >= 0 }

// arabicConsonant reports whether a folded Arabic letter has a class in
// the skeleton.
func arabicConsonant(r rune) bool {
	switch r {
	case 'ا', 'و', 'ي', 'ى', 'ء', 'ع', 'ئ', 'ؤ', 'أ', 'إ', 'آ':
		return false
	}
	return arabic.IsArabic(r)
}

// HasArabic reports whether s holds a letter of the Arabic script.
func HasArabic(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.IndexFunc(s[i:], arabic.IsArabic) >= 0
		}
	}
	return false
}
