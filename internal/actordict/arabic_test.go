package actordict

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/names"
)

// TestArabicExtends checks that every line of arabic.tsv extends an entry
// of phoenix.tsv or extra.tsv of the same kind, except those marked new,
// which must not: a typo in an English name would otherwise add an actor.
func TestArabicExtends(t *testing.T) {
	base, err := Load(bytes.NewReader(phoenixTSV), bytes.NewReader(extraTSV))
	if err != nil {
		t.Fatal(err)
	}
	full := mustDefault(t)
	named := map[string]*Entry{}
	for _, e := range base.Entries() {
		named[names.Key(e.Name)] = e
	}
	sc := bufio.NewScanner(bytes.NewReader(arabicTSV))
	newNext := false
	lines, aliases, fresh := 0, 0, 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# new") {
			newNext = true
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := parseLine(line)
		if err != nil {
			t.Fatal(err)
		}
		lines++
		aliases += len(e.Aliases)
		// A line extends the entry of an earlier file whose name has the
		// key of its name, or folds in those named by one of its Latin
		// aliases of two words or more (see add).
		old, ok := named[names.Key(e.Name)]
		for _, a := range e.Aliases {
			if ok {
				break
			}
			if len(names.Tokens(a)) >= 2 && !names.HasArabic(a) {
				old, ok = named[names.Key(a)]
			}
		}
		switch {
		case newNext && ok && old.Kind == e.Kind:
			t.Errorf("%q is marked new but extends %q (%s)", e.Name, old.Name, old.Source)
		case !newNext && !ok:
			t.Errorf("%q extends no entry: mark it new or correct the name", e.Name)
		case !newNext && old.Kind != e.Kind:
			t.Errorf("%q is %s in arabic.tsv, %s in %s", e.Name, e.Kind, old.Kind, old.Source)
		case !newNext && (old.Name != e.Name || e.Country != "" && e.Country != old.Country):
			// English text must read as before: same name, same country.
			t.Errorf("%q (%s) in arabic.tsv renames %q (%s) of %s", e.Name, e.Country, old.Name, old.Country, old.Source)
		}
		if newNext {
			fresh++
		}
		newNext = false
		// Every Arabic alias finds the entry of the full dictionary.
		got, ok := full.Lookup(e.Name)
		if !ok {
			t.Errorf("Lookup(%q) fails in the default dictionary", e.Name)
			continue
		}
		for _, a := range e.Aliases {
			if x, ok := full.Lookup(a); !ok || x != got {
				name := "nothing"
				if ok {
					name = x.Name
				}
				t.Errorf("Lookup(%q) = %s, want %s", a, name, got.Name)
			}
		}
	}
	t.Logf("arabic.tsv: %d lines, %d aliases, %d new entries", lines, aliases, fresh)
	if n, m := len(base.Entries()), len(full.Entries()); m > n+fresh || fresh == 0 && m != n {
		t.Errorf("the default dictionary has %d entries, want %d + %d new", m, n, fresh)
	}
}

// TestSkeletonCollisions measures how many persons of the default
// dictionary share a skeleton (names.Skel.Matches)
// with another person: the persons that an Arabic-script name could not
// tell apart. Some pairs are one person entered twice by the generated
// data ("Ibrahim al Jafari", "Ibrahim al-Jaafari").
func TestSkeletonCollisions(t *testing.T) {
	d := mustDefault(t)
	d.skelOnce.Do(d.indexSkeletons)
	persons := 0
	for _, e := range d.Entries() {
		if e.Kind == "person" {
			persons++
		}
	}
	colliding := map[*Entry]bool{}
	groups := 0
	var examples []string
	for sk, fs := range d.skel {
		hit := false
		for i := range fs {
			for j := i + 1; j < len(fs); j++ {
				if fs[i].entry != fs[j].entry && fs[i].skel.Matches(fs[j].skel) {
					colliding[fs[i].entry], colliding[fs[j].entry] = true, true
					if !hit && len(examples) < 12 {
						examples = append(examples, sk+": "+fs[i].entry.Name+" / "+fs[j].entry.Name)
					}
					hit = true
				}
			}
		}
		if hit {
			groups++
		}
	}
	rate := float64(len(colliding)) / float64(persons)
	t.Logf("%d persons; %d (%.1f%%) share a skeleton with another person, in %d skeletons; e.g. %s",
		persons, len(colliding), 100*rate, groups, strings.Join(examples, "; "))
	if rate > 0.15 {
		t.Errorf("%.1f%% of persons collide, want under 15%%", 100*rate)
	}
}

func TestFindArabic(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		name string
		text string
		want []found // surfaces in order; each is located after the previous
	}{
		{
			name: "names with and without proclitics",
			text: "أعلن تنظيم داعش مسؤوليته، وداعش هدد لحزب الله بتنظيم الدولة.",
			want: []found{{"تنظيم داعش", "Islamic State"}, {"داعش", "Islamic State"}, {"حزب الله", "Hezbollah"}, {"تنظيم الدولة", "Islamic State"}},
		},
		{
			name: "longest name wins",
			text: "قال متحدث باسم كتائب حزب الله إن القصف طال مقرات الحشد الشعبي.",
			want: []found{{"كتائب حزب الله", "Kata'ib Hezbollah"}, {"الحشد الشعبي", "Popular Mobilization Forces"}},
		},
		{
			name: "article kept in the name, conjunction left out",
			text: "والعراق وبالعراق والحوثيون والحوثيين",
			want: []found{{"العراق", "Iraq"}, {"العراق", "Iraq"}, {"الحوثيون", "Houthi movement"}, {"الحوثيين", "Houthi movement"}},
		},
		{
			name: "lam before the article",
			text: "التابعة للحشد الشعبي",
			want: []found{{"لحشد الشعبي", "Popular Mobilization Forces"}},
		},
		{
			name: "diacritics and tatweel, on the proclitic too",
			text: "وَدَاعِش وإسرائيـــل وعَصَائِبُ أَهْلِ الحَقِّ",
			want: []found{{"دَاعِش", "Islamic State"}, {"إسرائيـــل", "Israel"}, {"عَصَائِبُ أَهْلِ الحَقِّ", "Asa'ib Ahl al-Haq"}},
		},
		{
			name: "alef and yeh variants",
			text: "مصطفى الكاظمى واسرائيل والامم المتحدة",
			want: []found{{"مصطفى الكاظمى", "Mustafa Al-Kadhimi"}, {"اسرائيل", "Israel"}, {"الامم المتحدة", "United Nations"}},
		},
		{
			name: "persons",
			text: "قتل قاسم سليماني وأبو مهدي المهندس بغارة قرب مطار بغداد، وقال حسن نصر الله إن الرد آت.",
			want: []found{{"قاسم سليماني", "Qasem Soleimani"}, {"أبو مهدي المهندس", "Abu Mahdi al-Muhandis"}, {"حسن نصر الله", "Hassan Nasrallah"}},
		},
		{
			name: "demonyms are the state",
			text: "استهدفت القوات الأمريكية مواقع إيرانية",
			want: []found{{"الأمريكية", "United States"}, {"إيرانية", "Iran"}},
		},
		{
			name: "media and organizations",
			text: "ونقلت وكالة الصحافة الفرنسية ورويترز عن منظمة العفو الدولية ومجلس الأمن الدولي",
			want: []found{{"وكالة الصحافة الفرنسية", "Agence France-Presse"}, {"رويترز", "Reuters"}, {"منظمة العفو الدولية", "Amnesty International"}, {"مجلس الأمن الدولي", "United Nations Security Council"}},
		},
		{
			name: "words that are names only in longer names",
			text: "قصفت القاعدة العسكرية، وقال الشباب إن مجلس الأمن الوطني اجتمع في الجزيرة",
			want: nil,
		},
		{
			name: "al-Qaeda in its longer names",
			text: "وأعلن تنظيم القاعدة في جزيرة العرب أن تنظيم القاعدة لم يشارك",
			want: []found{{"تنظيم القاعدة في جزيرة العرب", "Al-Qaeda in the Arabian Peninsula"}, {"تنظيم القاعدة", "Al-Qaeda"}},
		},
		{
			name: "names do not cross punctuation",
			text: "حزب، الله",
			want: nil,
		},
		{
			name: "mixed scripts",
			text: "Hezbollah (حزب الله) and ISIS (داعش)",
			want: []found{{"Hezbollah", "Hezbollah"}, {"حزب الله", "Hezbollah"}, {"ISIS", "Islamic State"}, {"داعش", "Islamic State"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := d.Find(tt.text)
			var got []found
			for _, m := range ms {
				if tt.text[m.Start:m.End] != m.Surface {
					t.Errorf("text[%d:%d] = %q, Surface %q", m.Start, m.End, tt.text[m.Start:m.End], m.Surface)
				}
				got = append(got, found{m.Surface, m.Entry.Name})
			}
			if !equalFound(got, tt.want) {
				t.Fatalf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
			from := 0
			for i, w := range tt.want {
				at := strings.Index(tt.text[from:], w.surface)
				if at < 0 || ms[i].Start != from+at || ms[i].End != from+at+len(w.surface) {
					t.Errorf("match %d %q at [%d:%d], want [%d:%d]", i, w.surface, ms[i].Start, ms[i].End, from+at, from+at+len(w.surface))
				}
				from = ms[i].End
			}
		})
	}
}

func TestLookupAcrossScripts(t *testing.T) {
	d := mustDefault(t)
	tests := []struct{ query, name string }{
		// Arabic names of arabic.tsv, and their variants by folding.
		{"داعش", "Islamic State"},
		{"تنظيم الدولة الإسلامية", "Islamic State"},
		{"الحشد الشعبي", "Popular Mobilization Forces"},
		{"حشد شعبي", "Popular Mobilization Forces"},
		{"أنصار الله", "Houthi movement"},
		{"العراق", "Iraq"},
		{"الكاظمى", ""}, // a surname alone is not a name to look up
		{"مصطفى الكاظمى", "Mustafa Al-Kadhimi"},
		// Persons in Arabic script that arabic.tsv does not name: by
		// skeleton, to the English entry.
		{"مصطفى الكاظمي الحسيني", ""},
		{"أبو مصعب البرناوي", "Abu Musab al-Barnawi"},
		{"أمادو كوفا", "Amadou Koufa"},
		{"طارق الهاشمي", "Tariq al Hashimi"},
		{"هوشيار زيباري", "Hoshyar Zebari"},
		{"محمد توفيق علاوي", "Muhammad Tawfiq Allawi"},
		{"أسامة النجيفي", "Usama al Najafi"},
		{"صالح المطلك", "Salih al Mutlaq"},
		{"أبو مصعب الزرقاوى", "Abu Musab al-Zarqawi"},
		{"قاسم سليمانى", "Qasem Soleimani"},
		// Same skeleton, words cut elsewhere: not Pedro Lay.
		{"أبو عزرائيل", ""},
		// Same skeleton, but Mohammed is not Mahmoud, Abbas not Abbasi.
		{"محمد عباس", ""},
		{"محمود عباس", "Mahmoud Abbas"},
		{"علي الخامنئى", "Ali Khamenei"},
		// English is unchanged.
		{"Mustafa al-Kazemi", "Mustafa Al-Kadhimi"},
		{"Hizbollah", "Hezbollah"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			e, ok := d.Lookup(tt.query)
			switch {
			case tt.name == "" && ok:
				t.Errorf("Lookup(%q) = %q, want nothing", tt.query, e.Name)
			case tt.name != "" && !ok:
				t.Errorf("Lookup(%q) found nothing, want %q", tt.query, tt.name)
			case ok && e.Name != tt.name:
				t.Errorf("Lookup(%q) = %q, want %q", tt.query, e.Name, tt.name)
			}
		})
	}
	// The Arabic and Latin names of a person are one entry.
	for _, p := range [][2]string{
		{"مصطفى الكاظمي", "Mustafa al-Kadhimi"},
		{"قاسم سليماني", "Qassem Suleimani"},
		{"أبو مهدي المهندس", "Abu Mahdi al-Muhandis"},
		{"كتائب حزب الله", "Kataib Hizbollah"},
		{"الحوثيون", "Ansarallah"},
	} {
		a, okA := d.Lookup(p[0])
		b, okB := d.Lookup(p[1])
		if !okA || !okB || a != b {
			t.Errorf("Lookup(%q) and Lookup(%q) differ: %v, %v", p[0], p[1], a, b)
		}
	}
}

func BenchmarkFindArabic(b *testing.B) {
	d := mustDefault(b)
	var sb strings.Builder
	for i := 0; i < 40; i++ {
		sb.WriteString("أعلن تنظيم داعش مسؤوليته عن الهجوم الذي استهدف مقرا للحشد الشعبي في بغداد، فيما نفت كتائب حزب الله وعصائب أهل الحق أي علاقة لها. ")
		sb.WriteString("وقال رئيس الوزراء مصطفى الكاظمي إن القوات الأمنية العراقية ستلاحق المنفذين، ودانت الأمم المتحدة والولايات المتحدة وإيران الهجوم بحسب رويترز ووكالة الصحافة الفرنسية.\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Find(text)
	}
}

func BenchmarkLookupSkeleton(b *testing.B) {
	d := mustDefault(b)
	d.Lookup("طارق الهاشمي") // builds the index
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Lookup("طارق الهاشمي")
	}
}

// TestEnglishUnchanged checks that arabic.tsv changes nothing on English:
// every English name and alias looks up the same actor with or without it,
// and Find returns the same matches on English prose.
func TestEnglishUnchanged(t *testing.T) {
	base, err := Load(bytes.NewReader(phoenixTSV), bytes.NewReader(extraTSV))
	if err != nil {
		t.Fatal(err)
	}
	full := mustDefault(t)
	same := func(a, b *Entry) bool {
		return a == nil && b == nil || a != nil && b != nil && a.Name == b.Name && a.Kind == b.Kind && a.Country == b.Country
	}
	diffs := 0
	for _, e := range base.Entries() {
		for _, form := range append([]string{e.Name}, e.Aliases...) {
			a, _ := base.Lookup(form)
			b, _ := full.Lookup(form)
			if !same(a, b) && diffs < 20 {
				diffs++
				t.Errorf("Lookup(%q) = %v without arabic.tsv, %v with it", form, a, b)
			}
		}
	}
	text := benchText(t)
	ma, mb := base.Find(text), full.Find(text)
	if len(ma) != len(mb) {
		t.Fatalf("Find: %d matches without arabic.tsv, %d with it", len(ma), len(mb))
	}
	for i := range ma {
		if ma[i].Start != mb[i].Start || ma[i].End != mb[i].End || ma[i].Alias != mb[i].Alias || !same(ma[i].Entry, mb[i].Entry) {
			t.Errorf("Find: match %d is %q (%s) without arabic.tsv, %q (%s) with it", i, ma[i].Surface, ma[i].Entry.Name, mb[i].Surface, mb[i].Entry.Name)
		}
	}
	t.Logf("%d matches on %d bytes of English prose, the same", len(ma), len(text))
}
