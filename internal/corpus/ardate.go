package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/arabic"
)

// arMonthNames are the Arabic month names infoboxes write: the names
// from the Latin ones (Egypt, the Gulf), the Syriac ones (the Levant and
// Iraq), the Maghreb's French-derived ones and Morocco's. Matched folded.
var arMonthNames = [12][]string{
	{"يناير", "كانون الثاني", "جانفي", "يَنَايِر"},
	{"فبراير", "شباط", "فيفري", "فبرير"},
	{"مارس", "آذار"},
	{"أبريل", "إبريل", "ابريل", "نيسان", "أفريل"},
	{"مايو", "أيار", "ماي"},
	{"يونيو", "يونيه", "حزيران", "جوان"},
	{"يوليو", "يوليه", "تموز", "جويلية", "يوليوز"},
	{"أغسطس", "اغسطس", "آب", "أوت", "غشت"},
	{"سبتمبر", "أيلول", "شتنبر"},
	{"أكتوبر", "تشرين الأول", "اكتوبر"},
	{"نوفمبر", "تشرين الثاني", "نونبر"},
	{"ديسمبر", "كانون الأول", "دجنبر"},
}

// arMonthOf maps a folded month name to its number.
var arMonthOf = func() map[string]int {
	m := map[string]int{}
	for i, names := range arMonthNames {
		for _, n := range names {
			m[arabic.Fold(n)] = i + 1
		}
	}
	return m
}()

// arMonthRE matches one month name, or a pair of both systems
// ("مارس/آذار", "آذار (مارس)"), in folded text.
var arMonthRE = func() string {
	var alts []string
	for k := range arMonthOf {
		alts = append(alts, regexp.QuoteMeta(k))
	}
	// longest first, so that "كانون الثاني" wins over a shorter name
	sortByLenDesc(alts)
	one := `(?:ال)?(` + strings.Join(alts, "|") + `)`
	return one + `(?:\s*[/\\(]\s*(?:ال)?(?:` + strings.Join(alts, "|") + `)\s*\)?)?`
}()

func sortByLenDesc(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && (len(xs[j]) > len(xs[j-1]) || len(xs[j]) == len(xs[j-1]) && xs[j] < xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

const arDash = `\s*(?:-|–|—|الي|حتي)\s*`

var arDatePatterns = []datePattern{
	// 2014-02-16
	{regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})\b`), func(m []string) (string, string) { return ymd(m[1], m[2], m[3]), "" }},
	// 31 ديسمبر 2019 - 1 يناير 2020
	{regexp.MustCompile(`^(\d{1,2})\s*` + arMonthRE + `\s*،?\s*(\d{4})` + arDash + `(\d{1,2})\s*` + arMonthRE + `\s*،?\s*(\d{4})`), func(m []string) (string, string) {
		return arDMY(m[1], m[2], m[3]), arDMY(m[4], m[5], m[6])
	}},
	// 30 سبتمبر - 2 أكتوبر 2013
	{regexp.MustCompile(`^(\d{1,2})\s*` + arMonthRE + arDash + `(\d{1,2})\s*` + arMonthRE + `\s*،?\s*(\d{4})`), func(m []string) (string, string) {
		return arDMY(m[1], m[2], m[5]), arDMY(m[3], m[4], m[5])
	}},
	// 21 - 24 سبتمبر 2013
	{regexp.MustCompile(`^(\d{1,2})` + arDash + `(\d{1,2})\s*` + arMonthRE + `\s*،?\s*(\d{4})`), func(m []string) (string, string) {
		return arDMY(m[1], m[3], m[4]), arDMY(m[2], m[3], m[4])
	}},
	// 16 فبراير 2014, 3 مارس/آذار 2019
	{regexp.MustCompile(`^(\d{1,2})\s*` + arMonthRE + `\s*،?\s*(?:من\s+)?(?:عام|سنة)?\s*(\d{4})`), func(m []string) (string, string) {
		return arDMY(m[1], m[2], m[3]), ""
	}},
	// مارس - أبريل 2015
	{regexp.MustCompile(`^` + arMonthRE + arDash + arMonthRE + `\s*،?\s*(\d{4})`), func(m []string) (string, string) {
		return arMY(m[1], m[3]), arMY(m[2], m[3])
	}},
	// فبراير 2014
	{regexp.MustCompile(`^` + arMonthRE + `\s*،?\s*(?:من\s+)?(?:عام|سنة)?\s*(\d{4})`), func(m []string) (string, string) { return arMY(m[1], m[2]), "" }},
	// 2016
	{regexp.MustCompile(`^(\d{4})\b`), func(m []string) (string, string) { return m[1], "" }},
}

// arDateNoise are words before a date: weekdays, "on", "the night of".
var arDateNoise = regexp.MustCompile(arabic.Fold(`^(?:في|يوم|ليلة|مساء|صباح|فجر|ظهر|نحو|حوالي|قرابة|منذ|بين|من|` +
	`السبت|الاحد|الأحد|الاثنين|الإثنين|الثلاثاء|الاربعاء|الأربعاء|الخميس|الجمعة|` +
	`سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)\s+`))

// ParseArabicDate reads an Arabic infobox date ("16 فبراير 2014", "٣ آذار
// ٢٠١٩", "26 يونيو 2015 في حوالي الساعة 12:00"), in either month system,
// with Arabic-Indic or ASCII digits. It returns the gold date as
// ParseDate does, or "" and a reason.
func ParseArabicDate(v string) (string, string) {
	s := arabic.Fold(arRefRE.ReplaceAllString(v, ""))
	if i := strings.IndexAny(s, "|\n;؛"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(arSpaceRE.ReplaceAllString(s, " "))
	for {
		w := arDateNoise.ReplaceAllString(s, "")
		w = strings.TrimLeft(w, "، ")
		if w == s {
			break
		}
		s = w
	}
	return matchDate(s, v, arDatePatterns)
}

func arDMY(d, mon, y string) string {
	m := arMonthOf[strings.TrimPrefix(mon, "ال")]
	if m == 0 {
		m = arMonthOf[mon]
	}
	di, _ := strconv.Atoi(d)
	if m == 0 || di < 1 || di > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", y, m, di)
}

func arMY(mon, y string) string {
	m := arMonthOf[mon]
	if m == 0 {
		return ""
	}
	return fmt.Sprintf("%s-%02d", y, m)
}
