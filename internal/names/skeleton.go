package names

import (
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/arabic"
)

// Skeleton returns the consonant skeleton of a name, the same for the name
// written in Arabic script and for its usual Latin spellings: "مصطفى
// الكاظمي", "Mustafa al-Kadhimi" and "Moustafa al-Kazemi" are all
// "mstfkzm"; "قاسم سليماني", "Qasem Soleimani" and "Ghasem Soleimani" are
// "ksmslmn". It is much coarser than Key and meant for one use: finding
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
// and "حمزة" agree, and so do "Fattah" and "فتاح", "Taha" and "طه". Articles are dropped (Latin "al", "el", "ad"..., Arabic ال at the
// start of a word), and "Abdul-", "Abdel-", "عبدال" become "abd" ("bz").
// The words are then run together and repeated classes collapsed, because
// the two scripts cut names differently ("Nasrallah" and "نصر الله" are
// both "nsrl"; "Mohammed" and "محمد" both "mhmz").
//
// The price is collisions: "Hassan" and "Hussein" are both "hsn",
// "Kadhim" and "Kazim" "kzm", "العبادي" and "العبيدي" (Abadi, Ubaidi) "bz";
// of the 15,000 persons of the default dictionary, about one in twenty
// shares a skeleton with another (see the actordict tests). And misses:
// g written for ج ("Gamal", "Golani"), Turkish c ("Recep"), -at for teh
// marbuta ("Izzat" and "عزة"), Iraqi ch ("Chalabi"), v for ف ("Vladimir"). Use Skeleton only on whole names of two words
// or more, and trust it only when it points to one person.
func Skeleton(s string) string {
	sk, _ := SkeletonCuts(s)
	return sk
}

// SkeletonCuts returns Skeleton(s) and where its words end in it: the
// length of the skeleton after each word but the last that adds to it.
// Two spellings of one name cut their skeletons at the same places, or
// one of them at fewer of the other's places when it runs words together
// ("Nasrallah", "نصر الله"); see CutsAgree.
func SkeletonCuts(s string) (string, []int) {
	toks := Tokens(s)
	buf := make([]byte, 0, len(s))
	var cuts []int
	add := func(from int) {
		// Collapse repeated classes, across words too.
		j := from
		for i := from; i < len(buf); i++ {
			if j > 0 && buf[j-1] == buf[i] {
				continue
			}
			buf[j] = buf[i]
			j++
		}
		buf = buf[:j]
		if n := len(buf); n > 0 && (len(cuts) == 0 || cuts[len(cuts)-1] < n) {
			cuts = append(cuts, n)
		}
	}
	for _, t := range toks {
		if r, _ := utf8.DecodeRuneInString(t); r >= utf8.RuneSelf && arabic.IsArabic(r) {
			for _, part := range splitWord(t) {
				from := len(buf)
				buf = appendArabicSkeleton(buf, part)
				add(from)
			}
			continue
		}
		if IsArticle(t) || IsParticle(t) {
			continue
		}
		for _, part := range splitAbd(t) {
			from := len(buf)
			buf = appendLatinSkeleton(buf, part)
			add(from)
		}
	}
	if len(cuts) > 0 {
		cuts = cuts[:len(cuts)-1] // the end of the last word is no cut
	}
	return string(buf), cuts
}

// CutsAgree reports whether two lists of cuts (SkeletonCuts) of one
// skeleton are those of the same words, one list holding the other: "Pedro
// Lay" and "أبو عزرائيل" have the same skeleton (bzrl) cut at different
// places (after bzr, after b), so they are not one name.
func CutsAgree(a, b []int) bool {
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

// SameSkeleton reports whether a and b have the same skeleton, cut into
// words at agreeing places (CutsAgree).
func SameSkeleton(a, b string) bool {
	ka, ca := SkeletonCuts(a)
	kb, cb := SkeletonCuts(b)
	return ka != "" && ka == kb && CutsAgree(ca, cb)
}

// appendLatinSkeleton appends the classes of a folded Latin word.
func appendLatinSkeleton(dst []byte, w string) []byte {
	start := len(dst)
	lastH := -1 // index in dst of a single h written last
	for i := 0; i < len(w); i++ {
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
	return dst
}

// appendArabicSkeleton appends the classes of a folded Arabic word,
// without its article.
func appendArabicSkeleton(dst []byte, w string) []byte {
	start := len(dst)
	lastH := -1
	for _, r := range w {
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
	return dst
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
