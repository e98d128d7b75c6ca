package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/arabic"
)

// Arabic casualty figures, read from folded text (Arabic-Indic digits are
// ASCII digits there).
var (
	arNum       = `(\d{1,3}(?:[,٬]\d{3})+|\d+)`
	arOpenPref  = regexp.MustCompile(`^(?:اكثر من|ما يزيد عن|ما يزيد علي|يزيد عن|يزيد علي|ما لا يقل عن|لا يقل عن|علي الاقل|اكثر|فوق|>)\s*`)
	arOpenSuf   = regexp.MustCompile(`^\s*(?:\+|علي الاقل|او اكثر|فاكثر|واكثر)`)
	arApprox    = regexp.MustCompile(`^(?:حوالي|نحو|قرابة|تقريبا|ما يقارب|ما يقرب من|يقارب|زهاء|~|اقل من|ما يصل الي|حتي)\s*`)
	arPlusFirst = regexp.MustCompile(`^\+\s*` + arNum)
	arRange     = regexp.MustCompile(`^` + arNum + `\s*(?:-|–|—|الي|او|/)\s*` + arNum + `(\s*\+)?`)
	arSingle    = regexp.MustCompile(`^` + arNum)
	arZero      = regexp.MustCompile(`^(?:لا يوجد|لا احد|لا شيء|لا شي|لا توجد|بدون|لم يقتل|لم يصب|0\b)`)
	arUnknown   = regexp.MustCompile(`^(?:غير معروف|غير معروفه|مجهول|غير محدد|غير محدده|العشرات|عشرات|المئات|مئات|الالاف|الاف|عده|العديد|كثير|متعدد)`)
	arTotal     = regexp.MustCompile(`(?:المجموع|الاجمالي|اجمالي)\s*:?\s*` + arNum + `(\s*\+)?`)
	arParen     = regexp.MustCompile(`\([^()]*\)`)
)

func arAtoi(s string) int {
	n, _ := strconv.Atoi(strings.NewReplacer(",", "", "٬", "").Replace(s))
	return n
}

// ParseArabicCount reads an Arabic Fatalities or Injuries value: "57",
// "200 - 300 قتيل", "أكثر من 200 جريح", "+38", "38+", "١٢٨ قتيلا", "39 (من
// بينهم المسلح)". It returns nil and a reason when the field gives no
// figure, and a note for every reading that is not a plain number.
func ParseArabicCount(v string) (*Range, string) {
	raw := v
	s := arabic.Fold(arRefRE.ReplaceAllString(v, ""))
	s = strings.TrimSpace(arSpaceRE.ReplaceAllString(strings.ReplaceAll(s, "\n", " "), " "))
	if s == "" {
		return nil, "empty field"
	}
	if m := arTotal.FindStringSubmatch(s); m != nil {
		n := arAtoi(m[1])
		if strings.TrimSpace(m[2]) == "+" {
			return atLeast(n), fmt.Sprintf("%q: the total, open", raw)
		}
		return exact(n), fmt.Sprintf("%q: the total", raw)
	}
	// breakdowns in parentheses ("(من بينهم المسلح)") are not the count
	s = strings.TrimSpace(arParen.ReplaceAllString(s, ""))
	// the first of several figures separated by "،" or ";" is the count
	for _, sep := range []string{"،", "؛", ";"} {
		if i := strings.Index(s, sep); i > 0 {
			s = strings.TrimSpace(s[:i])
		}
	}
	if arZero.MatchString(s) {
		return exact(0), fmt.Sprintf("%q -> 0", raw)
	}
	if arUnknown.MatchString(s) {
		return nil, fmt.Sprintf("%q: no figure", raw)
	}
	open := false
	if q := arOpenPref.ReplaceAllString(s, ""); q != s {
		open, s = true, q
	}
	approx := false
	if q := arApprox.ReplaceAllString(s, ""); q != s {
		approx, s = true, q
	}
	var r *Range
	switch m := (struct{ plus, rng, one []string }{arPlusFirst.FindStringSubmatch(s), arRange.FindStringSubmatch(s), arSingle.FindStringSubmatch(s)}); {
	case m.plus != nil:
		r, open = atLeast(arAtoi(m.plus[1])), true
	case m.rng != nil && arAtoi(m.rng[1]) <= arAtoi(m.rng[2]):
		a, b := arAtoi(m.rng[1]), arAtoi(m.rng[2])
		if open || strings.TrimSpace(m.rng[3]) == "+" {
			r, open = atLeast(a), true
		} else {
			r = between(a, b)
		}
	case m.one != nil:
		n := arAtoi(m.one[1])
		rest := s[len(m.one[0]):]
		if open || arOpenSuf.MatchString(rest) {
			r, open = atLeast(n), true
		} else {
			r = exact(n)
		}
	default:
		return nil, fmt.Sprintf("%q: no figure", raw)
	}
	if open || approx || r.Max == nil || *r.Min != *r.Max || strings.TrimSpace(raw) != strconv.Itoa(*r.Min) {
		return r, fmt.Sprintf("%q -> %s", raw, r)
	}
	return r, ""
}
