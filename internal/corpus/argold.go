package corpus

import (
	"bufio"
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/arabic"
	"github.com/dossier-project/dossier/internal/gazetteer"
)

//go:embed data/ar_countries.tsv
var arCountriesTSV string

//go:embed data/ar_weapons.tsv
var arWeaponsTSV string

// readTSV returns the rows of a data file: tab-separated, "#" comments.
func readTSV(s string) [][]string {
	var out [][]string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		ln := strings.TrimSpace(sc.Text())
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		out = append(out, strings.Split(ln, "\t"))
	}
	return out
}

// arCountryCode maps a folded Arabic country name, with and without its
// article, to its ISO code (data/ar_countries.tsv).
var arCountryCode = func() map[string]string {
	m := map[string]string{}
	for _, row := range readTSV(arCountriesTSV) {
		for _, n := range row[1:] {
			f := arabic.Fold(n)
			m[f] = row[0]
			m[stripArticles(f)] = row[0]
		}
	}
	return m
}()

// stripArticles removes the article from every word of a folded name.
func stripArticles(f string) string {
	w := strings.Fields(f)
	for i := range w {
		w[i] = arabic.StripArticle(w[i])
	}
	return strings.Join(w, " ")
}

// ArabicCountryCode returns the ISO code of an Arabic country name.
func ArabicCountryCode(name string) (string, bool) {
	f := strings.TrimSpace(arabic.Fold(name))
	if c, ok := arCountryCode[f]; ok {
		return c, true
	}
	c, ok := arCountryCode[stripArticles(f)]
	return c, ok
}

// arWeaponClasses are the weapon classes of score.py with their Arabic
// words, folded, in score.py's order (data/ar_weapons.tsv).
var arWeaponClasses = func() [][]string {
	var out [][]string
	for _, row := range readTSV(arWeaponsTSV) {
		cls := []string{row[0]}
		for _, w := range row[1:] {
			cls = append(cls, arabic.Fold(w))
		}
		out = append(out, cls)
	}
	return out
}()

// GoldWeaponWord is what the gold writes for a weapon class: a word that
// ../shared/tools/score.py's weapon_classes reads as that class (it reads
// "vehicle" alone as nothing, "vehicle ramming" as vehicle).
func GoldWeaponWord(class string) string {
	if class == "vehicle" {
		return "vehicle ramming"
	}
	return class
}

// ArabicWeaponClass returns the class an Arabic weapon item names, or "".
func ArabicWeaponClass(item string) string {
	f := " " + arabic.Fold(item) + " "
	for _, cls := range arWeaponClasses {
		for _, w := range cls[1:] {
			if strings.Contains(f, w) {
				return cls[0]
			}
		}
	}
	return ""
}

var (
	arListSep = regexp.MustCompile(`[،,؛;\n•*]+|\s+و\s+|\s+أو\s+`)
	// "حزب الله والحرس الثوري", "جبهة النصرة وأحرار الشام": a conjunction
	// fused to an article or to an alef starts a new name ("وزارة", "ولاية"
	// and "وحدات" are words of their own and stay whole)
	arAndArticle = regexp.MustCompile(`\s+و(ال|[أإآا])`)
	// descriptions that name nobody
	arNotName = regexp.MustCompile(`^(?:مجهول|مجهولون|مجهولين|غير معروف|غير معروفين|غير معروفة|غير محدد|لا احد|لا يوجد|` +
		`مسلح|مسلحون|مسلحين|مسلحون مجهولون|مسلحين مجهولين|انتحاري|انتحاريون|انتحاريين|انتحارية|متطرفون|متطرفين|` +
		`ارهابيون|ارهابيين|جماعة مسلحة|جماعات مسلحة|مجموعة مسلحة|اخرون|آخرون|اخرين|آخرين|قتل|اعتقل|unknown)$`)
	arQualifier = regexp.MustCompile(`\s*\((?:[^()]*)\)`)
)

// ArabicNames splits a perpetrator field into names as written: on the
// list separators "،" "," "؛", on "و" standing alone and on "و" fused to
// an article or an alef ("...والحرس الثوري", "...وأحرار الشام"). A parenthesised part is a qualifier
// ("(قُتل)") or another name of the same actor ("(داعش)"): it is dropped
// from the name and returned as an alias. Descriptions that identify
// nobody ("مسلحون مجهولون") are not names.
func ArabicNames(v string) (names []string, aliases map[string][]string) {
	v = arRefRE.ReplaceAllString(v, "")
	v = arAndArticle.ReplaceAllString(v, "، $1")
	aliases = map[string][]string{}
	for _, part := range arListSep.Split(v, -1) {
		var al []string
		for _, m := range arQualifier.FindAllString(part, -1) {
			in := strings.TrimSpace(strings.Trim(strings.TrimSpace(m), "()"))
			if in != "" && !arNotName.MatchString(arabic.Fold(in)) && !isQualifierWord(in) {
				al = append(al, in)
			}
		}
		p := strings.TrimSpace(arQualifier.ReplaceAllString(part, ""))
		p = strings.Trim(p, " .:-–«»\"")
		if p == "" || arNotName.MatchString(arabic.Fold(p)) || utf8.RuneCountInString(p) < 2 {
			continue
		}
		names = append(names, p)
		if len(al) > 0 {
			aliases[p] = al
		}
	}
	return names, aliases
}

// isQualifierWord tells a parenthesised word that says what became of a
// person or how sure the attribution is, not another name.
func isQualifierWord(s string) bool {
	f := arabic.Fold(s)
	for _, w := range []string{"قتل", "قتيل", "اعتقل", "معتقل", "مشتبه", "مزعوم", "مزعومه", "يشتبه", "حسب", "وفق", "ادعاء", "مدان", "اعدم", "انتحر", "فار", "هارب", "منفذ", "منفذه"} {
		if strings.HasPrefix(f, w) || strings.Contains(f, " "+w) {
			return true
		}
	}
	return false
}

// arSplitList splits a target field.
func arSplitList(v string) []string {
	v = arRefRE.ReplaceAllString(v, "")
	out := []string{}
	for _, p := range regexp.MustCompile(`[،,؛;\n]+`).Split(v, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ArabicCountryOf finds the country of an Arabic infobox location: the
// last part of it named as a country (data/ar_countries.tsv), else the
// country field, else the largest place or first-level division of the
// gazetteer named by a part (its proclitics and article removed if need
// be), from the last part to the first.
func ArabicCountryOf(loc, countryField string, gz *gazetteer.Gazetteer) (gazetteer.Country, string) {
	clean := arParen.ReplaceAllString(arRefRE.ReplaceAllString(loc, ""), "")
	parts := regexp.MustCompile(`[،,؛;\n]|\s+-\s+|\s+–\s+`).Split(clean, -1)
	byCode := func(code, why string) (gazetteer.Country, string, bool) {
		c, ok := gz.CountryByCode(code)
		return c, why, ok
	}
	for i := len(parts) - 1; i >= 0; i-- {
		p := strings.TrimSpace(parts[i])
		if code, ok := ArabicCountryCode(p); ok {
			if c, why, ok := byCode(code, ""); ok {
				return c, why
			}
		}
	}
	if countryField != "" {
		cf := strings.TrimSpace(strings.Trim(arImageRE.ReplaceAllString(countryField, ""), " 0123456789"))
		if code, ok := ArabicCountryCode(cf); ok {
			if c, why, ok := byCode(code, fmt.Sprintf("Country from the field البلد %q.", cf)); ok {
				return c, why
			}
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		p := strings.TrimSpace(parts[i])
		// the country at the end of a part ("مرسى القنطاوي، سوسة تونس")
		w := strings.Fields(p)
		for j := 1; j < len(w); j++ {
			if code, ok := ArabicCountryCode(strings.Join(w[j:], " ")); ok {
				if c, why, ok := byCode(code, ""); ok {
					return c, why
				}
			}
		}
		if c, why, ok := countryOfPlaces(gz, arCandidates(p)); ok {
			return c, why
		}
	}
	return gazetteer.Country{}, fmt.Sprintf("Country not found in location %q -> none.", loc)
}

// arCandidates are a location part, its word suffixes, and the part
// with its proclitics removed ("بغداد", "ببغداد" -> "بغداد").
func arCandidates(p string) []string {
	w := strings.Fields(p)
	var out []string
	for j := 0; j < len(w); j++ {
		out = append(out, strings.Join(w[j:], " "))
	}
	if len(w) == 1 {
		out = append(out, arabic.Stems(arabic.Fold(w[0]))...)
	}
	return out
}

// ArabicActor is an entry of a gold file's actors: a perpetrator and the
// other names its field gives it.
type ArabicActor struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// GenerateArabic makes the gold of one Arabic with-infobox article, from
// its own infobox only, with the keys of ArabicKeys. Countries are written
// in English (the gazetteer's names); perpetrators and targets as written;
// weapons as the English classes of score.py.
func GenerateArabic(doc, text string, gz *gazetteer.Gazetteer) (GoldFile, error) {
	g, a, err := newGold(doc, text)
	if err != nil {
		return GoldFile{}, err
	}
	g.Language = "ar"
	ib := a.Infobox
	gv := &g.Gold
	gv.Perpetrators, gv.Targets, gv.Weapons = []string{}, []string{}, []string{}
	note := func(s string) {
		if s != "" {
			g.Notes = append(g.Notes, s)
		}
	}
	first := func(role ArabicField) (Field, bool) {
		for _, f := range ib.Fields {
			if ArabicRole(f.Key) == role {
				return f, true
			}
		}
		return Field{}, false
	}

	if f, ok := first(ArDate); ok {
		if d, why := ParseArabicDate(f.Value); d != "" {
			gv.Date = &d
			note(fmt.Sprintf("Date from %s %q.", f.Key, f.Value))
		} else {
			note(f.Key + " " + why + " -> null.")
		}
	} else {
		note("No date field -> null.")
	}

	countryField := ""
	if f, ok := first(ArCountry); ok {
		countryField = f.Value
	}
	if f, ok := first(ArPlace); ok {
		gv.Location = strings.TrimSpace(arRefRE.ReplaceAllString(f.Value, ""))
		note(fmt.Sprintf("Location from %s.", f.Key))
	} else if countryField != "" {
		gv.Location = strings.TrimSpace(strings.Trim(arImageRE.ReplaceAllString(countryField, ""), " 0123456789"))
		note("No place field: location from البلد.")
	}
	if gv.Location != "" || countryField != "" {
		c, why := ArabicCountryOf(gv.Location, countryField, gz)
		gv.Country = c.Name
		g.Region = RegionOf(c.Code)
		note(why)
	}

	for _, role := range []ArabicField{ArDeaths, ArInjuries} {
		f, ok := first(role)
		if !ok {
			continue
		}
		r, why := ParseArabicCount(f.Value)
		if why != "" {
			note(f.Key + ": " + why)
		}
		if role == ArDeaths {
			gv.Fatalities = r
		} else {
			gv.Injuries = r
		}
	}

	seen := map[string]bool{}
	for _, f := range ib.Fields {
		if ArabicRole(f.Key) != ArPerpetrator {
			continue
		}
		names, aliases := ArabicNames(f.Value)
		for _, n := range names {
			k := arabic.Fold(n)
			if seen[k] {
				continue
			}
			seen[k] = true
			gv.Perpetrators = append(gv.Perpetrators, n)
			if al := aliases[n]; len(al) > 0 {
				g.Actors = append(g.Actors, ArabicActor{Name: n, Aliases: al})
			}
		}
		note(fmt.Sprintf("Perpetrators from %s.", f.Key))
	}
	if f, ok := first(ArTarget); ok {
		gv.Targets = arSplitList(f.Value)
	}
	if f, ok := first(ArWeapon); ok {
		have := map[string]bool{}
		for _, item := range arSplitList(f.Value) {
			cls := ArabicWeaponClass(item)
			if cls == "" {
				note(fmt.Sprintf("Weapon %q names no class -> left out.", item))
				continue
			}
			note(fmt.Sprintf("Weapon %q -> %s.", item, cls))
			if !have[cls] {
				have[cls] = true
				gv.Weapons = append(gv.Weapons, GoldWeaponWord(cls))
			}
		}
	}
	if f, ok := first(ArAttackType); ok {
		gv.AttackType = strings.TrimSpace(f.Value)
	}
	g.ProseChars = utf8.RuneCountInString(strings.TrimSpace(a.Prose))
	g.ExcerptChars = excerptLimit
	// a stored copy stops near 2,000 characters, often mid-word: prose
	// that does not end a sentence was cut
	prose := strings.TrimSpace(a.Prose)
	last, _ := utf8.DecodeLastRuneInString(prose)
	g.ProsePossiblyTruncated = !strings.ContainsRune(".!?؟»\")]", last)
	return g, nil
}
