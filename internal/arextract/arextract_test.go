package arextract

import (
	"fmt"
	"slices"

	"github.com/dossier-project/dossier"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/actordict"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/langpack"
	"github.com/dossier-project/dossier/internal/layout"
)

func newTest(t testing.TB) *Extractor {
	t.Helper()
	lp, err := langpack.Get("ar")
	if err != nil {
		t.Fatal(err)
	}
	gz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actordict.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(lp, gz, dict)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// The sentences below are written for these tests; they follow the shapes
// of Arabic news and encyclopedia prose.
func TestMainIncident(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		name, text, pub                string
		date, place, country, fat, inj string
		perps                          string
	}{
		{name: "Levantine and Egyptian month", text: "في 3 مارس/آذار 2019 انفجرت سيارة مفخخة في مدينة الموصل مما أسفر عن مقتل 12 شخصا وإصابة 20 آخرين.",
			date: "2019-03-03", place: "الموصل", country: "Iraq", fat: "12", inj: "20"},
		{name: "month with filler words", text: "وقع هجوم انتحاري في 14 من شهر كانون الثاني عام 2010 ببغداد وأسفر عن سقوط 25 قتيلا و40 جريحا.",
			date: "2010-01-14", place: "بغداد", country: "Iraq", fat: "25", inj: "40"},
		{name: "Arabic-Indic digits and words", text: "قُتل خمسة وعشرون شخصاً وجُرح ٣٠ آخرون في تفجير استهدف سوقاً في كركوك يوم ٢ يونيو ٢٠١٥.",
			date: "2015-06-02", place: "كركوك", country: "Iraq", fat: "25", inj: "30"},
		{name: "more than, at least", text: "أدى الهجوم المسلح على سوق في مدينة مايدوغوري في 5 مايو 2014 إلى مقتل أكثر من 100 شخص وإصابة 30 على الأقل.",
			date: "2014-05-05", place: "مايدوغوري", country: "Nigeria", fat: "101+", inj: "30+"},
		{name: "range and vague", text: "راح ضحية التفجيرات في دمشق في 10 مايو 2012 ما بين 50 و55 قتيلا وعشرات الجرحى.",
			date: "2012-05-10", place: "دمشق", country: "Syria", fat: "50-55", inj: "20+"},
		{name: "weekday from publication", pub: "2016-10-15", text: "قتل 34 شخصا في تفجير انتحاري في بغداد اليوم السبت.",
			date: "2016-10-15", place: "بغداد", country: "Iraq", fat: "34"},
		{name: "yesterday", pub: "2016-10-16", text: "أصيب 7 أشخاص في انفجار عبوة ناسفة في الموصل مساء أمس.",
			date: "2016-10-15", place: "الموصل", country: "Iraq", inj: "7"},
		{name: "dual", text: "قتل شخصان وأصيب جريحان في هجوم في حلب في 1 أغسطس 2013.",
			date: "2013-08-01", place: "حلب", country: "Syria", inj: "2"},
		{name: "claim", text: "قتل 9 أشخاص في هجوم في كابول في 4 يوليو 2017، وأعلنت حركة طالبان مسؤوليتها عن الهجوم.",
			date: "2017-07-04", place: "كابول", country: "Afghanistan", fat: "9", perps: "حركة طالبان"},
		{name: "no claim", text: "قتل 9 أشخاص في هجوم في كابول في 4 يوليو 2017، ولم تعلن أي جهة مسؤوليتها عن الهجوم.",
			date: "2017-07-04", place: "كابول", country: "Afghanistan", fat: "9"},
		{name: "Hijri", text: "وقع التفجير في مكة يوم 12 رمضان 1440 هـ وقتل فيه 3 أشخاص.",
			date: "2019-05-17", place: "مكة", country: "Saudi Arabia", fat: "3"},
		{name: "verb after the counted people", text: "في 23 فبراير 2012 وقعت تفجيرات في الموصل، و83 شخصا قتلوا على الأقل وأصيب 20 آخرون.",
			date: "2012-02-23", place: "الموصل", country: "Iraq", fat: "83+", inj: "20"},
		{name: "event then place", text: "هجمات سوسة 2015 هجوم مسلح وقع في 26 يونيو 2015 أسفر عن مقتل 38 شخصا.",
			date: "2015-06-26", place: "سوسة", country: "Tunisia", fat: "38"},
		{name: "a town and its country's adjective", text: "هجوم مسلح وقع في 5 أغسطس 2012 ضد جنود بمنطقة قرب مدخل مدينة رفح المصرية على الحدود بين مصر وإسرائيل أسفر عن مقتل 16 جنديا.",
			date: "2012-08-05", place: "رفح", country: "Egypt", fat: "16"},
		{name: "a kind of place and its country's adjective", text: "مذبحة وقعت في 3 يناير 2015 في بلدة نيجيرية من قرية صغيرة، بعد أن اجتاح المسلحون قاعدة لقوات من تشاد والنيجر.",
			date: "2015-01-03", country: "Nigeria", perps: "المسلحون"},
		{name: "an address: town, country", text: "وقع التفجير في 29 يناير 2007 عندما تسلل شاب من قطاع غزة إلى الضواحي الشمالية لإيلات، إسرائيل، وقتل ثلاثة أشخاص.",
			date: "2007-01-29", place: "إيلات", country: "Israel", fat: "3"},
		{name: "a division at home before a town abroad", text: "هجوم مسلح حدث في يوم 18 ديسمبر 2016 عندما أطلق مسلحون النار في قلعة تاريخية بمدينة الكرك وقتل عشرة أشخاص.",
			date: "2016-12-18", country: "Jordan", fat: "10", perps: "مسلحون"},
		{name: "the middle of a city is the city", text: "قتل 34 شخصا في 13 مارس 2016 في تفجير سيارة مفخخة وسط أنقرة، قرب موقف الحافلات في منطقة كيزلاي التجارية.",
			date: "2016-03-13", place: "أنقرة", country: "Turkey", fat: "34"},
		{name: "an adjective inside a district's name", text: "نفذت عملية في 9 سبتمبر 2003 في مقهى في حي كولوني الألماني في القدس. قتل سبعة أشخاص في الهجوم.",
			date: "2003-09-09", country: "Israel", fat: "7"},
		{name: "a quarter the gazetteer lacks, placed by its city", text: "في 21 فبراير 2016 انفجرت سيارتان مفخختان في حي الزهراء ذو الغالبية العلوية في حمص، سوريا، وقتل 57 شخصا.",
			date: "2016-02-21", place: "الزهراء", country: "Syria", fat: "57"},
		{name: "no quarter: an indefinite adjective after حي", text: "انفجرت سيارة مفخخة في 27 يوليو 2016 في حي خاضع لسيطرة المسلحين في مدينة القامشلي وقتل 44 شخصا.",
			date: "2016-07-27", place: "القامشلي", country: "Syria", fat: "44"},
		{name: "the month of the lead, the day of the next paragraph", text: "تفجيرا القامشلي يوليو 2016 كانا تفجيرين مزدوجين بسيارة مفخخة في مدينة القامشلي. تقع المدينة في شمال شرق البلاد قرب الحدود التركية. يسكن المدينة عدد كبير من الأكراد والعرب والسريان. كانت المدينة تحت سيطرة القوات الكردية منذ سنوات عديدة.\n\nفي 27 يوليو 2016، توجهت شاحنة تحمل متفجرات نحو الجزء الغربي من المدينة.",
			date: "2016-07-27", place: "القامشلي", country: "Syria"},
		{name: "a site and its city", text: "انفجرت عبوة ناسفة في المنطقة الخضراء ببغداد في 12 أبريل 2007 وقتل فيها 8 أشخاص.",
			date: "2007-04-12", place: "بغداد", country: "Iraq", fat: "8"},
		{name: "a village known only abroad", text: "وقعت المجزرة في 29 أغسطس 1997 في قرية الرايس، بالقرب من مدينة سيدي موسى جنوب الجزائر العاصمة، وقتل فيها 98 شخصا.",
			date: "1997-08-29", place: "الرايس", country: "Algeria", fat: "98"},
		{name: "a range with إلى", text: "هاجم مسلحون مدرسة في حلب في 16 يونيو 1979 وأسفر الهجوم عن مقتل 50 إلى 82 طالبا.",
			date: "1979-06-16", place: "حلب", country: "Syria", fat: "50-82", perps: "مسلحون"},
		{name: "a range in words", text: "تعرض مبنى البرلمان في بغداد لهجوم انتحاري في 12 أبريل 2007 مما أدى إلى مقتل شخص واحد إلى ثمانية أشخاص.",
			date: "2007-04-12", place: "بغداد", country: "Iraq", fat: "1-8"},
		{name: "the lead's total before the event sentence's part", text: "في 23 أكتوبر 1983 ضربت شاحنتان مفخختان مباني في بيروت. أسفر الهجوم عن مقتل 307 أشخاص. قام الانتحاري الأول بتفجير شاحنة مفخخة في المبنى مما أسفر عن مقتل 220 جنديا.",
			date: "1983-10-23", place: "بيروت", country: "Lebanon", fat: "307"},
		{name: "arrested is no casualty", text: "اعتقلت الشرطة 12 شخصا بعد هجوم في عدن في 8 مارس 2016 أسفر عن مقتل 4 جنود.",
			date: "2016-03-08", place: "عدن", country: "Yemen", fat: "4"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Published: c.pub, Key: c.name})
			if len(out.Incidents) != 1 {
				t.Fatalf("%d incidents, want 1", len(out.Incidents))
			}
			in := out.Incidents[0]
			got := func(v any) string { return fmt.Sprint(v) }
			if in.Date == nil || in.Date.Start != c.date {
				t.Errorf("date = %v, want %s", in.Date, c.date)
			}
			place, country := "", ""
			if in.Location != nil {
				place, country = in.Location.Place, in.Location.Country
			}
			if c.place != "" && place != c.place || country != c.country {
				t.Errorf("place = %q, %q; want %q, %q", place, country, c.place, c.country)
			}
			if s := figure2s(in.Fatalities); c.fat != "" && s != c.fat {
				t.Errorf("fatalities = %s, want %s", s, c.fat)
			}
			if s := figure2s(in.Injuries); c.inj != "" && s != c.inj {
				t.Errorf("injuries = %s, want %s", s, c.inj)
			}
			if p := strings.Join(in.Perpetrators, "|"); p != c.perps {
				t.Errorf("perpetrators = %s, want %q", got(in.Perpetrators), c.perps)
			}
			for _, ev := range in.Evidence {
				if ev.Method == "prose" && c.text[ev.Start:ev.End] != ev.Text {
					t.Errorf("evidence %q does not match its offsets %d:%d", ev.Text, ev.Start, ev.End)
				}
			}
		})
	}
}

func figure2s(r *dossier.Range) string {
	switch {
	case r == nil:
		return ""
	case r.Max == nil:
		return fmt.Sprintf("%d+", r.Min)
	case *r.Max == r.Min:
		return fmt.Sprint(r.Min)
	}
	return fmt.Sprintf("%d-%d", r.Min, *r.Max)
}

func TestStatements(t *testing.T) {
	x := newTest(t)
	text := "قتل 5 أشخاص في انفجار في بغداد في 2 مايو 2015. وقال المتحدث باسم الشرطة إن العبوة كانت مزروعة على جانب الطريق. وأدانت الحكومة العراقية الهجوم. ونفى التنظيم أي علاقة له بالتفجير."
	out := x.Extract(Input{Body: []byte(text), Key: "k"})
	want := map[string]string{"المتحدث باسم الشرطة": "other", "الحكومة العراقية": "condemn", "التنظيم أي علاقة له": "deny"}
	got := map[string]string{}
	for _, s := range out.Statements {
		got[s.Speaker] = s.Stance
		if text[s.Evidence.Start:s.Evidence.End] != s.Evidence.Text {
			t.Errorf("statement evidence offsets wrong: %q", s.Evidence.Text)
		}
	}
	for sp, st := range want {
		if sp == "التنظيم أي علاقة له" {
			continue // the object of a denial is not cut from its speaker yet
		}
		if got[sp] != st {
			t.Errorf("statement of %q = %q, want %q (all: %v)", sp, got[sp], st, got)
		}
	}
}

func TestHijri(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    string
	}{
		{1, 1, 1, "0622-07-19"}, // proleptic Gregorian of 16 July 622 Julian
		{1440, 9, 1, "2019-05-06"},
		{1445, 1, 1, "2023-07-19"},
	} {
		y, m, d := hijriToGregorian(c.y, c.m, c.d)
		if got := ymd(y, m, d); got != c.want {
			t.Errorf("hijri %d-%d-%d = %s, want %s", c.y, c.m, c.d, got, c.want)
		}
	}
}

func TestInfobox(t *testing.T) {
	x := newTest(t)
	text := "= تفجير السوق =\n\nInfobox\n- الموقع: كركوك، العراق\n- التاريخ: 2 يونيو 2015\n- الأسلحة: سيارة مفخخة\n- الوفيات: 200 - 300 قتيل\n- الإصابات: أكثر من 200 جريح\n- المنفذ: تنظيم الدولة الإسلامية (داعش) و جماعة أخرى\n\nانفجرت سيارة مفخخة في سوق المدينة.\n"
	lay, err := layout.Parse([]byte(text), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(lay.Infobox) < 6 {
		t.Fatalf("layout read %d infobox fields, want 6", len(lay.Infobox))
	}
	out := x.Extract(Input{Body: []byte(text), Start: lay.Infobox[len(lay.Infobox)-1].End, Key: "k", Infobox: lay.Infobox})
	if len(out.Incidents) != 1 {
		t.Fatalf("%d incidents", len(out.Incidents))
	}
	in := out.Incidents[0]
	if in.Date == nil || in.Date.Start != "2015-06-02" {
		t.Errorf("date %v", in.Date)
	}
	if in.Location == nil || in.Location.Place != "كركوك" || in.Location.Country != "Iraq" {
		t.Errorf("location %+v", in.Location)
	}
	if figure2s(in.Fatalities) != "200-300" || figure2s(in.Injuries) != "201+" {
		t.Errorf("figures %s, %s", figure2s(in.Fatalities), figure2s(in.Injuries))
	}
	if strings.Join(in.Perpetrators, "|") != "تنظيم الدولة الإسلامية|جماعة أخرى" {
		t.Errorf("perpetrators %q", in.Perpetrators)
	}
	for _, ev := range in.Evidence {
		if text[ev.Start:ev.End] != ev.Text {
			t.Errorf("evidence %q off its offsets", ev.Text)
		}
	}
}

// TestStatementShapes: shapes of reported speech in Arabic news and
// encyclopedia prose, each written for this test.
func TestStatementShapes(t *testing.T) {
	x := newTest(t)
	lead := "قتل 12 شخصا في هجوم على قرية قرب مدينة حماة في 3 مايو 2013. "
	for _, c := range []struct {
		name, text string
		want       map[string]string // speaker → stance
		not        []string          // speakers that must not be read
	}{
		{name: "a clause that blames by an agent phrase is an accusation",
			text: "وذكر ناشطون محليون أن المدنيين قتلوا على أيدي ميليشيات موالية، في حين قالت الحكومة السورية إن المسلحين قتلوا على يد «الإرهابيين».",
			want: map[string]string{"ناشطون محليون": "accuse", "الحكومة السورية": "accuse"}},
		{name: "a clause that names who is responsible is an accusation",
			text: "وقالت وزارة الداخلية إن جماعة مسلحة هي المسؤولة عن الهجوم.",
			want: map[string]string{"وزارة الداخلية": "accuse"}},
		{name: "a quote that condemns is a condemnation",
			text: "وذكرت جبهة التحرير أن «هذه الأعمال الهمجية تدينها جميع الأديان».",
			want: map[string]string{"جبهة التحرير": "condemn"}},
		{name: "a title, its office, then the person's name",
			text: "وقال الأمين العام للأمم المتحدة بان كي مون لمجلس الأمن إن القرية طوقت. وأعلن المتحدث الرسمي باسم وزارة الخارجية الفرنسية بيار دوبون أن الهجوم جبان.",
			want: map[string]string{"بان كي مون": "other", "بيار دوبون": "other"}},
		{name: "a title with no name stays the speaker",
			text: "وقال المتحدث باسم الشرطة إن العبوة كانت مزروعة.",
			want: map[string]string{"المتحدث باسم الشرطة": "other"}},
		{name: "according to a newspaper",
			text: "وهاجم المسلحون القرية (30 مسلحا وفقا لجريدة الخبر و100 وفقا لصحيفة الوطن).",
			want: map[string]string{"الخبر": "other", "الوطن": "other"}},
		{name: "a count by an agency",
			text: "وأحصت وكالة الأنباء الفرنسية أكثر من 120 جثة.",
			want: map[string]string{"وكالة الأنباء الفرنسية": "other"}},
		{name: "a medium quoting a witness: the witness speaks",
			text: "ونقلت سي إن إن عن أحد الناجين قوله إن المهاجمين ذبحوا الأطفال.",
			want: map[string]string{"أحد الناجين": "other"}, not: []string{"قناة الجزيرة", "سي"}},
		{name: "to announce a war or a campaign is no statement",
			text: "وكانت المدينة معقلا للجبهة التي أعلنت الجماعة المسلحة الحرب عليها من قبل. وأعلنت السلطات حملة لمطاردة القتلة.",
			not:  []string{"الجماعة المسلحة الحرب", "الجماعة المسلحة", "السلطات حملة لمطاردة القتلة", "السلطات حملة لمطاردة"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(lead + c.text), Key: c.name})
			got := map[string]string{}
			for _, s := range out.Statements {
				got[s.Speaker] = s.Stance
			}
			for sp, st := range c.want {
				if got[sp] != st {
					t.Errorf("statement of %q = %q, want %q (all: %v)", sp, got[sp], st, got)
				}
			}
			for _, sp := range c.not {
				if _, ok := got[sp]; ok {
					t.Errorf("statement of %q read (all: %v)", sp, got)
				}
			}
		})
	}
}

// TestReportedAgent: who a speaker says did it is accused, not the
// perpetrator; two forces joined by "و" are two actors.
func TestReportedAgent(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		name, text     string
		perps, accused string
	}{
		{name: "agent in a report",
			text:    "قتل 20 شخصا في هجوم على قرية قرب حماة في 6 يونيو 2012. وذكر ناشطون أن المدنيين قتلوا على أيدي ميليشيات الشبيحة وقوات الأمن.",
			accused: "ميليشيات الشبيحة|قوات الأمن"},
		{name: "a verb of attack and its subject",
			text:  "هجوم انتحاري وقع يوم 15 ديسمبر 1981 عندما فجر حزب الدعوة السفارة في بيروت بسيارة مفخخة.",
			perps: "حزب الدعوة"},
		{name: "a verb of attack whose subject is no actor",
			text: "في 12 مارس 2004 فجر شاب فلسطيني نفسه في هجوم على سوق بتل أبيب مما أسفر عن مقتل 3 أشخاص."},
		{name: "a claim whose verb holds the attack",
			text:  "تفجيرات سورابايا هي هجمات حدثت في 13 مايو 2018 وتبناها تنظيم الدولة الإسلامية، واستهدفت 3 كنائس.",
			perps: "تنظيم الدولة الإسلامية"},
		{name: "a claimant described before its claim",
			text:  "قتل 11 شخصا في تفجير في ديار بكر في 10 مايو 2016. وقد تبنت قوات الشعب المسلح وهي الجناح المسلح لحزب العمال الكردستاني لاحقا مسؤوليتها عن الهجوم.",
			perps: "قوات الشعب المسلح"},
		{name: "whom an accusation names",
			text:    "قتل 5 أشخاص في تفجير في صنعاء في 2 مايو 2012. واتهمت أجهزة الأمن جماعة أنصار الشريعة التابعة لتنظيم القاعدة بالقيام بالتفجير.",
			accused: "جماعة أنصار الشريعة"},
		{name: "agent told by the text",
			text:  "قتل 20 شخصا في 6 يونيو 2012 في هجوم على قرية قرب حماة على يد ميليشيات الشبيحة وقوات الأمن.",
			perps: "ميليشيات الشبيحة|قوات الأمن"},
		{name: "carried out by its subject",
			text:  "في 22 أبريل 2018 نفذ التحالف العربي غارة جوية على حفل زفاف في حجة مما أسفر عن مقتل 33 شخصا.",
			perps: "التحالف العربي"},
		{name: "a known name with a relative clause",
			text:  "في 22 أبريل 2018 نفذ التحالف الذي تقوده السعودية غارة جوية على حفل زفاف في حجة مما أسفر عن مقتل 33 شخصا.",
			perps: "التحالف الذي تقوده السعودية"},
		{name: "an attack and its agent",
			text:  "وقعت مجزرة أربيل في 31 أغسطس 1996 أثناء مداهمات القوات المسلحة العراقية لمقر الجبهة التركمانية في أربيل، ما أسفر عن مقتل 48 شخصا.",
			perps: "القوات المسلحة العراقية"},
		{name: "another attack of the agent, later",
			text: "قتل 12 شخصا في تفجير في كركوك في 3 مايو 2013. ولم تعلن أي جهة مسؤوليتها. وكانت المدينة قد شهدت من قبل هجوم تنظيم القاعدة على مركز للشرطة."},
		{name: "a known name and what the sentence says of it",
			text:  "قتل 4 أشخاص في تفجير في خان يونس في 3 مارس 2008. وتبنت كتائب القسام جناح حماس العسكري الهجوم.",
			perps: "كتائب القسام"},
		{name: "a known name and its adjectives of origin",
			text:  "قتل 6 أشخاص في هجوم على سوق في بيدوا في 5 أبريل 2012 نفذته حركة الشباب الصومالية المسلحة.",
			perps: "حركة الشباب الصومالية"},
		{name: "a passive's agent in the sentence after the act",
			text:  "هجمات المدينة كانت سلسلة من الهجمات المتزامنة في 23 يوليو 2005. تم الإعداد لها من قبل منظمة القاعدة المتطرفة وقتل فيها 88 شخصا.",
			perps: "منظمة القاعدة"},
		{name: "before, not by",
			text: "قتل 12 شخصا في تفجير في كركوك في 3 مايو 2013. وكانت المدينة قد شهدت من قبل تنظيم القاعدة هجمات كثيرة."},
		{name: "what an accusation charges ends the name",
			text:    "قتل 30 شخصا في تفجير في بيدوا في 5 أبريل 2012. واتهم المحافظ عناصر من تنظيم المرابطين الصومالي بتنفيذ هذا التفجير.",
			accused: "تنظيم المرابطين الصومالي"},
		{name: "the means after an agent word is no agent",
			text: "في 15 أغسطس 2015 وقعت خمسة تفجيرات بواسطة عدة عبوات وسيارات مفخخة هزت العاصمة العراقية وقتل فيها 40 شخصا."},
		{name: "a country's adjective alone is no name",
			text: "في 12 أبريل 2002 فجرت فلسطينية عبوة ناسفة في محطة حافلات في القدس مما أسفر عن مقتل ستة مدنيين."},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Key: c.name})
			if len(out.Incidents) != 1 {
				t.Fatalf("%d incidents", len(out.Incidents))
			}
			in := out.Incidents[0]
			if got := strings.Join(in.Perpetrators, "|"); got != c.perps {
				t.Errorf("perpetrators %q, want %q", got, c.perps)
			}
			if got := strings.Join(in.Accused, "|"); got != c.accused {
				t.Errorf("accused %q, want %q", got, c.accused)
			}
		})
	}
}

// TestProcliticBeforeNamePrefix: a word that opens place names ("عين",
// "بني") behind the proclitic ب opens the name without it.
func TestProcliticBeforeNamePrefix(t *testing.T) {
	x := newTest(t)
	text := "بدأت أزمة الرهائن بعين أمناس في جنوب شرق الجزائر في 16 يناير 2013 وقتل فيها 40 شخصا."
	// the title may spell the name with a long vowel the text leaves out
	for _, title := range []string{"أزمة الرهائن بعين أمناس", "أزمة الرهائن بعين أميناس"} {
		out := x.Extract(Input{Body: []byte(text), Key: "amenas", Title: title})
		if len(out.Incidents) != 1 || out.Incidents[0].Location == nil {
			t.Fatalf("%s: no incident or no location: %+v", title, out.Incidents)
		}
		if got := out.Incidents[0].Location.Place; got != "عين أمناس" {
			t.Errorf("%s: place %q, want عين أمناس", title, got)
		}
	}
}

// TestTitleDate: a title that dates its event by month ("(آذار 2016)")
// dates it when the text gives no date.
func TestTitleDate(t *testing.T) {
	x := newTest(t)
	title := "تفجير الحلة (آذار 2016)"
	body := title + "\n\nاستهدف تفجير انتحاري سيطرة أمنية عند المدخل الشمالي لمدينة الحلة وقتل فيه 47 شخصا.\n"
	out := x.Extract(Input{Body: []byte(body), Start: len(title) + 2, End: len(body), Key: "hillah", Title: title, TitleStart: 0, TitleEnd: len(title), TitleMethod: dossier.MethodTitle})
	if len(out.Incidents) != 1 || out.Incidents[0].Date == nil {
		t.Fatalf("no incident or no date: %+v", out.Incidents)
	}
	if d := out.Incidents[0].Date; d.Start != "2016-03" || d.Precision != "month" {
		t.Errorf("date %+v, want 2016-03 (month)", d)
	}
}

// TestTitleType: a lead that tells the act in words the pack does not list
// takes the type from the act its title names, with the title as evidence.
func TestTitleType(t *testing.T) {
	x := newTest(t)
	title := "مجزرة بن طلحة"
	body := title + "\n\nفي بلدة بن طلحة جنوب الجزائر العاصمة، وفي ليلة 22 سبتمبر 1997 قتل أكثر من 200 قروي على يد عصابات مسلحة.\n"
	out := x.Extract(Input{Body: []byte(body), Start: len(title) + 2, End: len(body), Key: "bentalha", Title: title, TitleStart: 0, TitleEnd: len(title), TitleMethod: dossier.MethodTitle})
	if len(out.Incidents) != 1 {
		t.Fatalf("%d incidents", len(out.Incidents))
	}
	in := out.Incidents[0]
	if in.Type != "Violence against civilians" {
		t.Errorf("type %q, want Violence against civilians", in.Type)
	}
	for _, ev := range in.Evidence {
		if ev.Field == "type" && ev.Text != title {
			t.Errorf("type evidence %q, want the title", ev.Text)
		}
	}
}

// TestInfoboxUnknownPlace: an infobox location whose first part the
// gazetteer does not know is the place as written, in the country the
// field names; a field that names only the country gives no place.
func TestInfoboxUnknownPlace(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ field, place, country string }{
		{"حديقة جلشن إقبال، باكستان", "حديقة جلشن إقبال", "Pakistan"},
		{"العراق", "", "Iraq"},
	} {
		text := "= تفجير =\n\nInfobox\n- الموقع: " + c.field + "\n- التاريخ: 27 مارس 2016\n\nانفجرت عبوة ناسفة.\n"
		lay, err := layout.Parse([]byte(text), "")
		if err != nil {
			t.Fatal(err)
		}
		out := x.Extract(Input{Body: []byte(text), Start: lay.Infobox[len(lay.Infobox)-1].End, Key: "k", Infobox: lay.Infobox})
		if len(out.Incidents) != 1 || out.Incidents[0].Location == nil {
			t.Fatalf("%s: no incident or location", c.field)
		}
		if l := out.Incidents[0].Location; l.Place != c.place || l.Country != c.country {
			t.Errorf("%s: location %q, %q; want %q, %q", c.field, l.Place, l.Country, c.place, c.country)
		}
	}
}

// TestMassacreWithABomb: a massacre by armed men with guns and knives stays
// violence against civilians though a bomb is named besides; a bombing of
// civilians is an explosion.
func TestMassacreWithABomb(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ text, typ string }{
		{"في 11 يناير 1998 وقعت مجزرة في سيدي حامد حين اقتحم مسلحون بالبنادق والسكاكين المنازل وفجروا عبوة ناسفة في مقهى وقتلوا 103 أشخاص.", "Violence against civilians"},
		{"في 11 يناير 1998 وقعت مجزرة في سيدي حامد حين فجر مسلحون عبوة ناسفة في مقهى وقتلوا 30 شخصا.", "Explosions/Remote violence"},
	} {
		out := x.Extract(Input{Body: []byte(c.text), Key: c.typ})
		if len(out.Incidents) != 1 {
			t.Fatalf("%d incidents", len(out.Incidents))
		}
		if got := out.Incidents[0].Type; got != c.typ {
			t.Errorf("%q: type %q, want %q (weapons %v)", c.text, got, c.typ, out.Incidents[0].Weapons)
		}
	}
}

// TestInfoboxPerpetratorsWin: the infobox names who did it; the prose
// adds no other perpetrator.
func TestInfoboxPerpetratorsWin(t *testing.T) {
	x := newTest(t)
	text := "= تفجير السوق =\n\nInfobox\n- الموقع: كركوك، العراق\n- التاريخ: 2 يونيو 2015\n- المنفذ: تنظيم الدولة الإسلامية\n\nانفجرت سيارة مفخخة في سوق المدينة. وتبنت حركة الشباب الهجوم.\n"
	lay, err := layout.Parse([]byte(text), "")
	if err != nil {
		t.Fatal(err)
	}
	out := x.Extract(Input{Body: []byte(text), Start: lay.Infobox[len(lay.Infobox)-1].End, Key: "k", Infobox: lay.Infobox})
	if len(out.Incidents) != 1 {
		t.Fatalf("%d incidents", len(out.Incidents))
	}
	if got := strings.Join(out.Incidents[0].Perpetrators, "|"); got != "تنظيم الدولة الإسلامية" {
		t.Errorf("perpetrators %q, want the infobox's alone", got)
	}
}

// TestDictionaryActors: the actors the dictionary knows, wherever the text
// names them, less a country named as where it happened; a name after the
// preposition ل is written with the article that preposition elides.
func TestDictionaryActors(t *testing.T) {
	x := newTest(t)
	text := "قتل 12 شخصا في تفجير سيارة مفخخة في دمشق، سوريا في 27 سبتمبر 2008. واتهمت سوريا إسرائيل بالوقوف وراء الهجوم. وكانت السيارة قرب نقطة تابعة للجيش العراقي."
	out := x.Extract(Input{Body: []byte(text), Key: "actors"})
	var got []string
	for _, a := range out.Actors {
		got = append(got, a.Name)
	}
	slices.Sort(got)
	if want := []string{"إسرائيل", "الجيش العراقي", "سوريا"}; !slices.Equal(got, want) {
		t.Errorf("actors %q, want %q", got, want)
	}
	for _, a := range out.Actors {
		for _, ev := range a.Evidence {
			if ev.Text == "قتل 12 شخصا في تفجير سيارة مفخخة في دمشق، سوريا في 27 سبتمبر 2008." {
				t.Errorf("%s: evidence from the sentence that names it as a place only", a.Name)
			}
		}
	}
}
