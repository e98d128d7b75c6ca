package corpus

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/gazetteer"
)

// The texts below are written for the tests, in the shapes the stored
// copies take; none is copied from a corpus document.

func TestParseArabicDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"16 فبراير 2014", "2014-02-16"},
		{"16 شباط 2014", "2014-02-16"},
		{"٣ آذار ٢٠١٩", "2019-03-03"},
		{"3 مارس/آذار 2019", "2019-03-03"},
		{"14 آب 2007 08:00", "2007-08-14"},
		{"12 كانون الثاني 2010", "2010-01-12"},
		{"5 كانون الأول 2010", "2010-12-05"},
		{"7 تشرين الأول 2023", "2023-10-07"},
		{"١ تشرين الثاني ٢٠٠٤", "2004-11-01"},
		{"26 يونيو 2015 في حوالي الساعة 12:00 (غرينيتش+1)", "2015-06-26"},
		{"الجمعة 26 يونيو 2015", "2015-06-26"},
		{"في 9 نوفمبر 2005", "2005-11-09"},
		{"23 جوان 2013", "2013-06-23"},
		{"16 ماي 2003", "2003-05-16"},
		{"21 - 24 سبتمبر 2013", "2013-09-21/2013-09-24"},
		{"30 سبتمبر - 2 أكتوبر 2013", "2013-09-30/2013-10-02"},
		{"31 ديسمبر 2019 - 1 يناير 2020", "2019-12-31/2020-01-01"},
		{"أيار 2012", "2012-05"},
		{"2016", "2016"},
		{"2014-02-16", "2014-02-16"},
		{"16 فبراير 2014[1]", "2014-02-16"},
	} {
		got, why := ParseArabicDate(c.in)
		if got != c.want {
			t.Errorf("ParseArabicDate(%q) = %q (%s), want %q", c.in, got, why, c.want)
		}
	}
	for _, in := range []string{"", "غير معروف", "منتصف الليل"} {
		if got, _ := ParseArabicDate(in); got != "" {
			t.Errorf("ParseArabicDate(%q) = %q, want none", in, got)
		}
	}
}

func TestParseArabicCount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // Range.String(), "null" for none
	}{
		{"57", "57/57"},
		{"٥٧", "57/57"},
		{"128 قتيل", "128/128"},
		{"200 - 300 قتيل", "200/300"},
		{"أكثر من 200 جريح", "200/null"},
		{"+38", "38/null"},
		{"38+", "38/null"},
		{"على الأقل 20", "20/null"},
		{"20 على الأقل", "20/null"},
		{"ما لا يقل عن 45", "45/null"},
		{"حوالي 40", "40/40"},
		{"39 (من بينهم المسلح)[2]", "39/39"},
		{"1,562", "1562/1562"},
		{"١٬٥٦٢", "1562/1562"},
		{"لا يوجد", "0/0"},
		{"المجموع: 389", "389/389"},
		{"86 (2 يوليو) 96 (11 يوليو) المجموع: 389 قتيلا", "389/389"},
		{"22، بينهم 3 مهاجمين", "22/22"},
		{"غير معروف", "null"},
		{"العشرات", "null"},
		{"", "null"},
	} {
		r, why := ParseArabicCount(c.in)
		if r.String() != c.want {
			t.Errorf("ParseArabicCount(%q) = %s (%s), want %s", c.in, r, why, c.want)
		}
	}
}

func TestSplitArabicRow(t *testing.T) {
	for _, c := range []struct{ in, key, value string }{
		{"التاريخ2016", "التاريخ", "2016"},
		{"الهدفأسواق متعددة", "الهدف", "أسواق متعددة"},
		{"نوع الهجومقتل جماعي", "نوع الهجوم", "قتل جماعي"},
		{"الوفيات200 - 300 قتيل", "الوفيات", "200 - 300 قتيل"},
		{"الموقع العراق", "الموقع", "العراق"},
		{"المنفذون  القاعدة", "المنفذون", "القاعدة"},
		{"البلد مصر  تعديل قيمة خاصية (P17) في ويكي بيانات", "البلد", "مصر"},
		{"البلد Flag of Jordan.svg الأردن", "البلد", "الأردن"},
		{"البلد | العراق | |", "البلد", "العراق"},
		{"| المنفذ | تنظيم القاعدة |", "المنفذ", "تنظيم القاعدة"},
		{"الوفيات | 39 (من بينهم المسلح)[2] | |||", "الوفيات", "39 (من بينهم المسلح)"},
		{"منفذون محتملون تنظيم القاعدة في العراق[2]", "منفذون محتملون", "تنظيم القاعدة في العراق"},
	} {
		k, v, ok := splitArabicRow(c.in)
		if !ok || k != c.key || v != c.value {
			t.Errorf("splitArabicRow(%q) = %q, %q, %v; want %q, %q", c.in, k, v, ok, c.key, c.value)
		}
	}
	for _, in := range []string{"الموقعة الكبرى في التاريخ", "التاريخية القديمة للمدينة", "قام المسلحون بإطلاق النار", "حوض سباحة الفندق. | ||||"} {
		if k, v, ok := splitArabicRow(in); ok {
			t.Errorf("splitArabicRow(%q) = %q, %q; want no row", in, k, v)
		}
	}
}

// rawPage builds a collected page with the three header lines.
func rawPage(title, text string) string {
	return "Source: " + ArabicSourcePrefix + strings.ReplaceAll(title, " ", "_") + "\nVia: https://mirror.example/wiki/ar/x\nLicense: CC BY-SA 4.0 (Wikipedia contributors)\n\n" + text
}

func TestReadArabicFlattened(t *testing.T) {
	page := rawPage("تفجير سوق المدينة 2010", `تفجير سوق المدينة 2010

تفجير سوق المدينة 2010 هو هجوم بسيارة مفخخة وقع في سوق المدينة يوم 3 آذار 2010 وأسفر عن مقتل 12 شخصا.[1][2]

تفجير سوق المدينة 2010
المعلومات
الموقع المدينة، العراق
التاريخ3 مارس 2010
الأسلحةسيارة مفخخة
الخسائر
الوفيات12
الإصابات30 جريح
المنفذ مجهول

ما بعد الهجوم

أغلقت الشرطة السوق.[3]

طالع أيضا

مراجع
  1. ^ مرجع`)
	got, err := ArabicWithInfobox(page)
	if err != nil {
		t.Fatal(err)
	}
	want := `Source: https://ar.wikipedia.org/wiki/تفجير_سوق_المدينة_2010
License: CC BY-SA 4.0 (Wikipedia contributors)
= تفجير سوق المدينة 2010 =

Infobox
- الموقع: المدينة، العراق
- التاريخ: 3 مارس 2010
- الأسلحة: سيارة مفخخة
- الوفيات: 12
- الإصابات: 30 جريح
- المنفذ: مجهول

تفجير سوق المدينة 2010 هو هجوم بسيارة مفخخة وقع في سوق المدينة يوم 3 آذار 2010 وأسفر عن مقتل 12 شخصا.

ما بعد الهجوم

أغلقت الشرطة السوق.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestReadArabicTableAndWikidata(t *testing.T) {
	table := rawPage("هجوم البلدة 2015", `Loading AI tools
هجوم شنه مسلح على سوق في تونس عام 2015 من ويكيبيديا، الموسوعة الحرة
هجوم البلدة 2015 هو هجوم مسلح وقع في 5 يونيو 2015.[1]
| ||||
---|---|---|---|---|
صورة المكان. | ||||
المعلومات | ||||
البلد | تونس | |||
الموقع | البلدة - تونس | |||
التاريخ | 5 يونيو 2015 | |||
الخسائر | ||||
الوفيات | 7 (من بينهم المسلح)[2] | |||
تعديل مصدري - تعديل |
قام المسلح بإطلاق النار.
 1. ^ مقتل 7 في هجوم بتونس- موقع الأخبار- 5 يونيو 2015 نسخة محفوظة
مراجع[عدل]
  1. ^ مرجع`)
	a, err := ReadArabic(mustRaw(t, table))
	if err != nil {
		t.Fatal(err)
	}
	if got := fieldsOf(a); got != "البلد=تونس|الموقع=البلدة - تونس|التاريخ=5 يونيو 2015|الوفيات=7 (من بينهم المسلح)" {
		t.Errorf("table infobox: %s", got)
	}
	if a.Prose != "هجوم البلدة 2015 هو هجوم مسلح وقع في 5 يونيو 2015.\nقام المسلح بإطلاق النار." {
		t.Errorf("table prose: %q", a.Prose)
	}

	wd := rawPage("هجوم الميناء (2014)", `هجوم الميناء (2014)

إحداثيات: 29°29′35″N 34°53′47″E / 29.49°N 34.89°E / 29.49; 34.89
من ويكيبيديا، الموسوعة الحرة
هجوم الميناء (2014)
المعلومات
البلد مصر  تعديل قيمة خاصية (P17) في ويكي بيانات
الموقع الميناء  تعديل قيمة خاصية (P276) في ويكي بيانات
التاريخ 16 فبراير 2014  تعديل قيمة خاصية (P585) في ويكي بيانات
08:00
الخسائر
الوفيات 4   تعديل قيمة خاصية (P1120) في ويكي بيانات
خريطة

29°29′35″N 34°53′47″E / 29.49°N 34.89°E / 29.49; 34.89 هجوم الميناء هو هجوم على حافلة.[1]`)
	a, err = ReadArabic(mustRaw(t, wd))
	if err != nil {
		t.Fatal(err)
	}
	if got := fieldsOf(a); got != "البلد=مصر|الموقع=الميناء|التاريخ=16 فبراير 2014 08:00|الوفيات=4" {
		t.Errorf("wikidata infobox: %s", got)
	}
	if a.Prose != "هجوم الميناء هو هجوم على حافلة." {
		t.Errorf("wikidata prose: %q", a.Prose)
	}
}

func mustRaw(t *testing.T, s string) ArabicRaw {
	t.Helper()
	r, err := ParseArabicRaw(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func fieldsOf(a ArabicArticle) string {
	var out []string
	for _, f := range a.Infobox {
		out = append(out, f.Key+"="+f.Value)
	}
	return strings.Join(out, "|")
}

func TestArabicTitle(t *testing.T) {
	if got, err := ArabicTitle("https://ar.wikipedia.org/wiki/هجوم_طابا_(فبراير_2014)"); err != nil || got != "هجوم طابا (فبراير 2014)" {
		t.Errorf("ArabicTitle = %q, %v", got, err)
	}
	for _, bad := range []string{
		"https://ar.wikipedia.org/wiki/%D9%87%D8%AC%D9%88%D9%85",
		"https://ar.wikipedia.org/wiki/هجوم طابا",
		"https://ar.m.wikipedia.org/wiki/هجوم",
		"https://search.com.vn/wiki/ar/هجوم",
	} {
		if _, err := ArabicTitle(bad); err == nil {
			t.Errorf("ArabicTitle(%q) accepted a non-canonical source", bad)
		}
	}
}

func TestArabicNames(t *testing.T) {
	for _, c := range []struct{ in, want, aliases string }{
		{"تنظيم الدولة الإسلامية (داعش)", "تنظيم الدولة الإسلامية", "داعش"},
		{"سيف الدين الرزقي (قُتل) [3][4]", "سيف الدين الرزقي", ""},
		{"حزب الله والحرس الثوري", "حزب الله|الحرس الثوري", ""},
		{"جبهة النصرة، أحرار الشام", "جبهة النصرة|أحرار الشام", ""},
		{"جبهة النصرة و أحرار الشام", "جبهة النصرة|أحرار الشام", ""},
		{"مسلحون مجهولون", "", ""},
		{"مجهول", "", ""},
	} {
		names, al := ArabicNames(c.in)
		if got := strings.Join(names, "|"); got != c.want {
			t.Errorf("ArabicNames(%q) = %q, want %q", c.in, got, c.want)
		}
		var gotAl []string
		for _, n := range names {
			gotAl = append(gotAl, al[n]...)
		}
		if strings.Join(gotAl, "|") != c.aliases {
			t.Errorf("ArabicNames(%q) aliases = %v, want %q", c.in, gotAl, c.aliases)
		}
	}
}

func TestArabicWeaponClass(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"سيارة مفخخة", "explosive"},
		{"شاحنة مفخخة", "explosive"},
		{"عبوات ناسفة", "explosive"},
		{"أحزمة ناسفة", "explosive"},
		{"قنبلة يدوية", "explosive"},
		{"كلاشينكوف", "firearm"},
		{"أسلحة خفيفة", "firearm"},
		{"طائرة مسيرة", "drone"},
		{"صواريخ", "rocket"},
		{"صاروخ باليستي", "missile"},
		{"قذائف هاون", "artillery"},
		{"غارة جوية", "aircraft"},
		{"براميل متفجرة", "aircraft"},
		{"سكاكين", "blade"},
		{"دهس بشاحنة", "vehicle"},
		{"غاز السارين", "chemical"},
		{"زجاجات مولوتوف", "incendiary"},
		{"قتل جماعي", ""},
	} {
		if got := ArabicWeaponClass(c.in); got != c.want {
			t.Errorf("ArabicWeaponClass(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestArabicCountryOf(t *testing.T) {
	gz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ loc, field, want string }{
		{"عمان، الأردن", "", "Jordan"},
		{"شرم الشيخ، جنوب سيناء، مصر", "", "Egypt"},
		{"مرسى القنطاوي، سوسة - تونس", "", "Tunisia"},
		{"العراق", "", "Iraq"},
		{"بغداد", "", "Iraq"},
		{"طابا", "مصر", "Egypt"},
		{"قرية ما", "الأردن 22", "Jordan"},
		{"سوريا", "", "Syria"},
	} {
		got, why := ArabicCountryOf(c.loc, c.field, gz)
		if got.Name != c.want {
			t.Errorf("ArabicCountryOf(%q, %q) = %q (%s), want %q", c.loc, c.field, got.Name, why, c.want)
		}
	}
}

// TestArabicCountryTable: every code of data/ar_countries.tsv is a country
// the gazetteer knows, so the gold's English names come from one place.
func TestArabicCountryTable(t *testing.T) {
	gz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range readTSV(arCountriesTSV) {
		if _, ok := gz.CountryByCode(row[0]); !ok {
			t.Errorf("data/ar_countries.tsv: code %s unknown to the gazetteer", row[0])
		}
		if len(row) < 2 {
			t.Errorf("data/ar_countries.tsv: %s has no name", row[0])
		}
	}
}

func TestGenerateArabic(t *testing.T) {
	gz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	with := `Source: https://ar.wikipedia.org/wiki/هجوم_القرية
License: CC BY-SA 4.0 (Wikipedia contributors)
= هجوم القرية =

Infobox
- الموقع: القرية، محافظة ما، سوريا
- التاريخ: ٧ نيسان ٢٠١٧
- الهدف: مدنيون، سوق
- الأسلحة: قذائف هاون، أسلحة خفيفة، قذائف
- الوفيات: أكثر من 40
- الإصابات: 100 - 150
- المنفذ: جبهة النصرة (هيئة تحرير الشام) وأحرار الشام

هجوم القرية هو هجوم.
`
	g, err := GenerateArabic("wikipedia/x.txt", with, gz)
	if err != nil {
		t.Fatal(err)
	}
	gv := g.Gold
	if gv.Date == nil || *gv.Date != "2017-04-07" || gv.Country != "Syria" || g.Region != "Middle East" ||
		gv.Fatalities.String() != "40/null" || gv.Injuries.String() != "100/150" ||
		strings.Join(gv.Perpetrators, "|") != "جبهة النصرة|أحرار الشام" ||
		strings.Join(gv.Targets, "|") != "مدنيون|سوق" ||
		strings.Join(gv.Weapons, "|") != "artillery|firearm" || g.Language != "ar" ||
		len(g.Actors) != 1 || g.Actors[0].Aliases[0] != "هيئة تحرير الشام" {
		t.Errorf("gold = %+v (date %v) actors %+v notes %q", gv, *gv.Date, g.Actors, g.Notes)
	}
	if GoldWeaponWord("vehicle") != "vehicle ramming" || GoldWeaponWord("drone") != "drone" {
		t.Error("GoldWeaponWord")
	}
}
