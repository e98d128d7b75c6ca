package corpus

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// The Arabic encyclopedia set (corpora/arabic/encyclopedia) is collected
// from stored copies of Arabic Wikipedia pages, most of them read through
// mirrors that lay the page out each in their own way. A collected page
// (raw/NAME.txt) is kept as stored, after three header lines:
//
//	Source: https://ar.wikipedia.org/wiki/<title with underscores, unescaped>
//	Via: <the mirror's URL>
//	License: CC BY-SA 4.0 (Wikipedia contributors)
//
// ArabicWithInfobox turns it into the layout of the English set
// (Source:, License:, "= Title =", "Infobox" and "- Key: value" lines, the
// prose) by rules: the mirror's furniture is removed, the infobox block is
// found around its "المعلومات" line and each of its rows is split into key
// and value with the key table below, and the prose is what remains before
// and after it, up to the first reference or see-also section.

// ArabicField is the role of an Arabic infobox key in the gold.
type ArabicField int

// Roles of Arabic infobox keys.
const (
	ArOther  ArabicField = iota
	ArHeader             // a heading inside the box ("المعلومات", "الخسائر"): no value
	ArDate
	ArPlace
	ArCountry
	ArDeaths
	ArInjuries
	ArPerpetrator
	ArTarget
	ArWeapon
	ArAttackType
)

// ArabicKeys is the Arabic infobox field table: every key the stored
// Arabic infoboxes use (civilian attack and military conflict templates,
// as Arabic Wikipedia labels them) with its role. A row of a flattened
// box runs its key into its value ("التاريخ2016"), so the table must hold
// every key a box of the set may have, or the row ends the box early.
var ArabicKeys = map[string]ArabicField{
	"المعلومات": ArHeader, "الخسائر": ArHeader, "معلومات": ArHeader,

	"التاريخ": ArDate, "تاريخ": ArDate, "الفترة": ArDate, "المدة": ArOther,
	"الموقع": ArPlace, "المكان": ArPlace, "مكان": ArPlace, "المواقع": ArPlace,
	"البلد": ArCountry, "الدولة": ArCountry,
	"الوفيات": ArDeaths, "القتلى": ArDeaths, "عدد القتلى": ArDeaths, "الوفيات الإجمالية": ArDeaths,
	"الإصابات": ArInjuries, "الجرحى": ArInjuries, "المصابون": ArInjuries, "إصابات غير مميتة": ArInjuries, "عدد الجرحى": ArInjuries,
	"المنفذ": ArPerpetrator, "المنفذون": ArPerpetrator, "المنفذين": ArPerpetrator, "الجاني": ArPerpetrator,
	"الجناة": ArPerpetrator, "المهاجم": ArPerpetrator, "المهاجمون": ArPerpetrator, "المهاجمين": ArPerpetrator,
	"الهدف": ArTarget, "الأهداف": ArTarget, "المستهدف": ArTarget,
	"الأسلحة": ArWeapon, "السلاح": ArWeapon, "الأسلحة المستخدمة": ArWeapon, "الأسلحه": ArWeapon,
	"نوع الهجوم": ArAttackType, "النوع": ArAttackType, "نوع": ArAttackType,

	"الإحداثيات": ArOther, "الدافع": ArOther, "الدوافع": ArOther, "جزء من": ArOther, "تسبب في": ArOther,
	"الضحايا": ArOther, "المشتبه بهم": ArOther, "المشتبه به": ArOther, "المتهم": ArOther, "المتهمون": ArOther,
	"الاتهامات": ArOther, "الحكم": ArOther, "المدافعون": ArOther, "المشاركون": ArOther, "عدد المشاركين": ArOther,
	"التوقيت": ArOther, "المنطقة الزمنية": ArOther, "الوقت": ArOther, "النتيجة": ArOther, "الحالة": ArOther,
	"المتحاربون": ArOther, "القادة": ArOther, "القوة": ArOther, "العنوان": ArOther, "الاسم": ArOther,
	"المنظم": ArOther, "المنظمون": ArOther, "الأضرار": ArOther, "المفقودون": ArOther, "المعتقلون": ArOther,
	"السبب": ArOther, "الأسباب": ArOther, "المسؤول": ArOther, "الجهة المنفذة": ArPerpetrator,
	"الخاطفون": ArPerpetrator, "الرهائن": ArOther, "عدد الرهائن": ArOther, "الطريقة": ArOther, "الأسلوب": ArOther,
	"منفذون محتملون": ArOther, "المنفذون المحتملون": ArOther, "المنفذ المحتمل": ArOther,
	"خريطة": ArHeader,
}

// arabicKeysLongestFirst is ArabicKeys sorted for prefix matching.
var arabicKeysLongestFirst = func() []string {
	ks := make([]string, 0, len(ArabicKeys))
	for k := range ArabicKeys {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if len(ks[i]) != len(ks[j]) {
			return len(ks[i]) > len(ks[j])
		}
		return ks[i] < ks[j]
	})
	return ks
}()

// ArabicRole returns the role of an infobox key.
func ArabicRole(key string) ArabicField { return ArabicKeys[strings.TrimSpace(key)] }

var (
	// reference markers and edit links: [1], [١٢], [ملحوظة 1], [بحاجة لمصدر], [عدل]
	arRefRE = regexp.MustCompile(`\[(?:[0-9٠-٩]{1,3}|[a-z]|ملحوظة [0-9٠-٩]+|بحاجة لمصدر|عدل|تحرير|edit)\]`)
	// the Wikidata edit link a rendered infobox row ends with
	arWikidataRE = regexp.MustCompile(`\s*تعديل قيمة خاصية \(P[0-9]+\) في ويكي بيانات`)
	// image and flag file names ("Flag of Jordan.svg", "Hotel bomb damage, Jordan.jpg")
	arImageRE = regexp.MustCompile(`(?i)[A-Za-z0-9][A-Za-z0-9 ,.'()_-]*\.(?:svg|png|jpe?g|gif|tiff?)\b`)
	// a coordinate run: 29°29′35″N 34°53′47″E / 29.49°N 34.89°E / 29.49; 34.89
	arCoordRE = regexp.MustCompile(`^\s*[0-9]{1,3}°[^\p{Arabic}]*?[0-9.]+;\s*[0-9.]+\s*`)
	arSpaceRE = regexp.MustCompile(`[ \t\x{00a0}]+`)
	arPipeRow = regexp.MustCompile(`^[|\s-]*$`)
	// an entry of a rendered reference list: "1. ^ ...", "2. أ ب ..." (the
	// backlinks to each citing place)
	arRefEntryRE = regexp.MustCompile(`^\s*[0-9٠-٩]{1,3}\.\s+(?:\^|أ ب)\s`)
)

// arHeadFurniture are whole lines mirrors put above or around an article.
var arHeadFurniture = []string{
	"من ويكيبيديا، الموسوعة الحرة", "من ويكيبيديا الموسوعة الحرة", "Loading AI tools", "From Wikipedia, the free encyclopedia",
	"From Wikipedia the free encyclopedia", "الرئيسيةعريقبحث", "☰ جدول المحتويات", "جدول المحتويات", "اذهب إلى التنقل",
	"اذهب إلى البحث", "يرجى إضافة قالب معلومات متعلّقة بموضوع المقالة.", "تعديل مصدري - تعديل طالع توثيق القالب",
	"تعديل مصدري - تعديل", "طالع توثيق القالب", "خريطة", "المعلومات",
}

// arEndSections are the headings where the prose ends: references,
// see-also and external links, and everything after them.
var arEndSections = map[string]bool{
	"طالع أيضا": true, "طالع أيضًا": true, "طالع أيضاً": true, "انظر أيضا": true, "انظر أيضًا": true, "انظر أيضاً": true,
	"مصادر": true, "المصادر": true, "مراجع": true, "المراجع": true, "وصلات خارجية": true, "روابط خارجية": true,
	"ملاحظات": true, "هوامش": true, "الهوامش": true, "المراجع والملاحظات": true, "مراجع وملاحظات": true,
	"مصادر ومراجع": true, "See also": true, "References": true,
}

// ArabicRaw is a collected page: its header values and the text as stored.
type ArabicRaw struct {
	Source, Via, License string
	Title                string // from the Source URL: underscores as spaces
	Text                 string
}

// ParseArabicRaw reads a raw/NAME.txt file.
func ParseArabicRaw(text string) (ArabicRaw, error) {
	var r ArabicRaw
	head, body, ok := strings.Cut(text, "\n\n")
	if !ok {
		return r, fmt.Errorf("no blank line after the headers")
	}
	for _, ln := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(ln, ":")
		v = strings.TrimSpace(v)
		switch k {
		case "Source":
			r.Source = v
		case "Via":
			r.Via = v
		case "License":
			r.License = v
		}
	}
	if r.Source == "" {
		return r, ErrNoHeader
	}
	t, err := ArabicTitle(r.Source)
	if err != nil {
		return r, err
	}
	r.Title, r.Text = t, body
	return r, nil
}

// ArabicSourcePrefix is the one form every Source: URL of the Arabic set
// takes: this prefix, then the article's title with spaces as underscores,
// unescaped (Arabic letters as they are, not percent-encoded). The split
// hashes this string, so it must not change.
const ArabicSourcePrefix = "https://ar.wikipedia.org/wiki/"

// ArabicTitle returns the article title of a canonical Source URL, and an
// error for any other form.
func ArabicTitle(source string) (string, error) {
	t, ok := strings.CutPrefix(source, ArabicSourcePrefix)
	if !ok || t == "" || strings.ContainsAny(t, " %") {
		return "", fmt.Errorf("source %q is not %s<title, underscores, unescaped>", source, ArabicSourcePrefix)
	}
	if u, err := url.PathUnescape(t); err != nil || u != t {
		return "", fmt.Errorf("source %q is percent-encoded", source)
	}
	return strings.ReplaceAll(t, "_", " "), nil
}

// cleanArabicLine removes reference markers, Wikidata links and image
// names from a line, and collapses its spaces.
func cleanArabicLine(s string) string {
	s = arRefRE.ReplaceAllString(s, "")
	s = arWikidataRE.ReplaceAllString(s, "")
	s = arImageRE.ReplaceAllString(s, "")
	s = arSpaceRE.ReplaceAllString(s, " ")
	return strings.TrimSpace(s)
}

// tableCells splits a row of a table-rendered infobox ("البلد | العراق | |")
// into its non-empty cells; ok is false for a line that is not a row.
func tableCells(s string) ([]string, bool) {
	if !strings.Contains(s, "|") {
		return nil, false
	}
	var cells []string
	for _, c := range strings.Split(s, "|") {
		if c = strings.TrimSpace(c); c != "" && !arPipeRow.MatchString(c) {
			cells = append(cells, c)
		}
	}
	return cells, true
}

// splitArabicRow reads one infobox row: a table row, "key value" or a key
// run into its value. ok is false when the line starts with no known key.
func splitArabicRow(line string) (key, value string, ok bool) {
	s := strings.TrimSpace(line)
	if cells, isRow := tableCells(s); isRow {
		if len(cells) == 0 {
			return "", "", false
		}
		k := cleanArabicLine(cells[0])
		if _, known := ArabicKeys[k]; !known && len(cells) < 2 {
			return "", "", false
		}
		v := ""
		if len(cells) > 1 {
			v = strings.Join(cells[1:], " ")
		}
		return k, cleanArabicLine(v), true
	}
	for _, k := range arabicKeysLongestFirst {
		if rest, found := strings.CutPrefix(s, k); found {
			// a key is a whole word: what follows is a space, a value run
			// into the key, or nothing; never the rest of a longer word of
			// the same stem ("الموقعة" is not "الموقع" + "ة")
			if rest != "" && isArabicLetterStart(rest) && !runIn(k, rest) {
				continue
			}
			return k, cleanArabicLine(rest), true
		}
	}
	return "", "", false
}

// runIn tells whether rest can be a value run into key k: a flattened row
// ("التاريخ2016", "الهدفأسواق متعددة") joins them without a space. What
// continues the key's own word instead (a feminine or plural ending:
// "الموقعة", "التاريخية", "المهاجمون") is not a value.
func runIn(k, rest string) bool {
	for _, suffix := range []string{"ة", "ى", "ي", "ين", "ون", "ات"} {
		if strings.HasPrefix(rest, suffix) {
			return false
		}
	}
	return true
}

func isArabicLetterStart(s string) bool {
	for _, r := range s {
		return r >= 0x0621 && r <= 0x064A
	}
	return false
}

// ArabicArticle is a collected page read by rules.
type ArabicArticle struct {
	Source, Via, License, Title string
	Infobox                     []Field
	Prose                       string
}

// ReadArabic finds the infobox and the prose of a collected page.
func ReadArabic(raw ArabicRaw) (ArabicArticle, error) {
	a := ArabicArticle{Source: raw.Source, Via: raw.Via, License: raw.License, Title: raw.Title}
	lines := strings.Split(strings.ReplaceAll(raw.Text, "\r", ""), "\n")
	// the prose ends at the first reference or see-also heading, or at the
	// first entry of a reference list whose heading the mirror lost
	for i, ln := range lines {
		if arEndSections[strings.TrimSpace(cleanArabicLine(ln))] || arRefEntryRE.MatchString(ln) {
			lines = lines[:i]
			break
		}
	}
	title := strings.TrimSpace(a.Title)
	isHeader := func(ln string) bool {
		c := cleanArabicLine(ln)
		if cells, row := tableCells(c); row && len(cells) == 1 {
			c = cells[0]
		}
		return c == "المعلومات"
	}
	start := -1
	for i, ln := range lines {
		if isHeader(ln) {
			start = i
			break
		}
	}
	if start < 0 {
		return a, fmt.Errorf("no infobox (no line \"المعلومات\")")
	}
	// Back from the header: the box's caption, image and a repeat of the
	// title belong to it. The nearest title repeat within six lines, with
	// no paragraph between, opens the box; otherwise table rows, blank
	// lines and image names do.
	from := start
	for j := start - 1; j >= 0 && j >= start-6; j-- {
		c := cleanArabicLine(lines[j])
		if len([]rune(c)) > 200 {
			break
		}
		if c == title {
			from = j
			break
		}
	}
	if from == start {
		captions := 0
		for j := start - 1; j >= 0; j-- {
			t := strings.TrimSpace(lines[j])
			if _, row := tableCells(t); row || t == "" || arImageRE.MatchString(t) && len([]rune(t)) < 120 {
				from = j
				continue
			}
			// the box's own caption: a short line that ends no sentence,
			// set off from the lead by a blank line
			if captions < 2 && len([]rune(t)) <= 80 && !strings.HasSuffix(t, ".") && (j == 0 || strings.TrimSpace(lines[j-1]) == "") && j > 0 {
				captions++
				from = j
				continue
			}
			break
		}
	}
	// Forward: rows, headings and the box's own links, to the first line
	// that is none of them.
	to := start + 1
	for ; to < len(lines); to++ {
		t := strings.TrimSpace(lines[to])
		c := cleanArabicLine(t)
		if t == "" {
			break
		}
		if c == "" || isArFurniture(c) || isHeader(t) {
			continue
		}
		if cells, row := tableCells(t); row && len(cells) <= 1 {
			if len(cells) == 1 && ArabicRole(cleanArabicLine(cells[0])) != ArHeader && !isArFurniture(cleanArabicLine(cells[0])) {
				break
			}
			continue
		}
		if _, _, ok := splitArabicRow(t); !ok {
			// a short line between rows continues the row above ("08:00"
			// after the date)
			if len([]rune(t)) <= 40 && to+1 < len(lines) && isRowOrHeader(lines[to+1]) {
				continue
			}
			break
		}
	}
	seen := map[string]bool{}
	afterRow := false
	for i, ln := range lines[from:to] {
		t := strings.TrimSpace(ln)
		if t == "" || isHeader(t) {
			afterRow = false
			continue
		}
		k, v, ok := splitArabicRow(t)
		if !ok && afterRow && from+i > start && len(a.Infobox) > 0 && !strings.Contains(t, "|") && !isArFurniture(cleanArabicLine(t)) {
			if c := cleanArabicLine(t); c != "" {
				a.Infobox[len(a.Infobox)-1].Value += " " + c
			}
			continue
		}
		afterRow = ok && ArabicRole(k) != ArHeader
		if !ok || ArabicRole(k) == ArHeader || v == "" || seen[k] {
			afterRow = afterRow && !seen[k]
			continue
		}
		seen[k] = true
		a.Infobox = append(a.Infobox, Field{Key: k, Value: v})
	}
	var prose []string
	for i, ln := range lines {
		if i >= from && i < to {
			continue
		}
		t := strings.TrimSpace(ln)
		if i < from && (t == title || cleanArabicLine(t) == title) && len(prose) == 0 {
			continue // the page's own title line
		}
		if strings.HasPrefix(t, "إحداثيات:") || isArFurniture(cleanArabicLine(t)) {
			continue
		}
		t = arCoordRE.ReplaceAllString(t, "")
		t = cleanArabicLine(t)
		if cells, row := tableCells(t); row && len(cells) == 0 {
			continue
		}
		prose = append(prose, t)
	}
	a.Prose = joinParagraphs(prose)
	if len(a.Infobox) == 0 {
		return a, fmt.Errorf("infobox has no rows")
	}
	return a, nil
}

// isRowOrHeader tells an infobox row or heading line.
func isRowOrHeader(ln string) bool {
	t := strings.TrimSpace(ln)
	if _, _, ok := splitArabicRow(t); ok {
		return true
	}
	return cleanArabicLine(t) == "المعلومات"
}

func isArFurniture(c string) bool {
	for _, f := range arHeadFurniture {
		if c == f {
			return true
		}
	}
	// some mirrors print the page's short description and the site's
	// tagline on one line ("DESCRIPTION من ويكيبيديا، الموسوعة الحرة"):
	// a heading of the page, not its prose
	for _, tag := range arTaglines {
		if strings.HasSuffix(c, " "+tag) {
			return true
		}
	}
	return false
}

// arTaglines are the site's taglines as the mirrors print them.
var arTaglines = []string{"من ويكيبيديا، الموسوعة الحرة", "من ويكيبيديا الموسوعة الحرة"}

// joinParagraphs joins lines, at most one blank line between paragraphs,
// none at either end.
func joinParagraphs(lines []string) string {
	var out []string
	blank := false
	for _, ln := range lines {
		if ln == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, ln)
	}
	return strings.Join(out, "\n")
}

// ArabicWithInfobox lays a collected page out as the English set's
// with-infobox files are laid out.
func ArabicWithInfobox(rawText string) (string, error) {
	raw, err := ParseArabicRaw(rawText)
	if err != nil {
		return "", err
	}
	a, err := ReadArabic(raw)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Source: %s\nLicense: %s\n= %s =\n\nInfobox\n", a.Source, a.License, a.Title)
	for _, f := range a.Infobox {
		fmt.Fprintf(&b, "- %s: %s\n", f.Key, strings.ReplaceAll(f.Value, "\n", " "))
	}
	b.WriteString("\n")
	b.WriteString(a.Prose)
	b.WriteString("\n")
	return b.String(), nil
}
