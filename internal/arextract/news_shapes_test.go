package arextract

import (
	"strings"
	"testing"
)

// TestNewsShapes: shapes of Arabic web news, written for this test. A
// name read only after a preposition (the title repeating it) yields to a
// known place; the name an event is known by does not; a toll and a
// weapon tell an act with no word for it; place names open with خان, ود.
func TestNewsShapes(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		name, title, pub, text string
		place, typ             string
		country                string
	}{
		{"a faction after في yields to the known city", "اغتيال قيادي سابق في فصائل المعارضة بدرعا", "2023-10-02",
			"اغتال مسلحون مجهولون مساء اليوم قياديا سابقا في فصائل المعارضة بدرعا جنوب سوريا.", "درعا", "", ""},
		{"the name the event is known by", "مجزرة تاجنة", "",
			"تسببت مذبحة تاجنة في وفاة 81 شخصا في 8 ديسمبر 1998، في القرى الجبلية شمال تاجنة، في منطقة الشلف غرب الجزائر.", "تاجنة", "", ""},
		{"a headline's word after the act's noun is no place", "هجوم للحوثيين على سفينة في خليج عدن", "2024-03-06",
			"قتل ثلاثة من أفراد الطاقم اليوم في هجوم للحوثيين على سفينة تجارية قبالة مدينة عدن اليمنية.", "عدن", "", ""},
		{"a toll and a weapon tell the act", "", "2016-08-25",
			"قتل 15 شخصا من عائلة واحدة اليوم جراء إلقاء مروحية براميل متفجرة على حي في مدينة حلب.", "حلب", "Explosions/Remote violence", ""},
		{"a place name opening with خان", "", "2015-06-02",
			"قال مصدر أمني إن سيارة مفخخة انفجرت مساء اليوم بمنطقة خان بني سعد جنوب غرب بعقوبة ما أسفر عن مقتل أربعة أشخاص.", "خان بني سعد", "", ""},
		{"a verb of assassination", "", "2019-12-13",
			"اغتال مسلحون مجهولون اليوم ناشطا في الاحتجاجات وسط مدينة الناصرية جنوب العراق.", "الناصرية", "Violence against civilians", ""},
		{name: "an adjective after مدينة is no place, nor ك + a name", pub: "2025-09-19",
			text: "استهدف قصف بطائرة مسيرة اليوم آخر مدينة كبرى تحت سيطرة الجيش، مدينة الفاشر، وقتل 75 شخصا.", place: "الفاشر", country: "Sudan"},
		{name: "a distance and a direction before مدينة: near the city, not in it", pub: "2017-03-17",
			text: "وقع الهجوم الانتحاري على بعد 30 كيلومترا شرقي مدينة كربلاء، في سوق مزدحمة في بلدة المسيب، وقتل 31 شخصا.", place: "المسيب", country: "Iraq"},
		{name: "the headline's present tense tells the act", title: "انتحارية تفجر نفسها وتقتل 31 شخصا في سوق بالعراق", pub: "2017-03-17",
			text: "انتحارية تفجر نفسها وتقتل 31 شخصا في سوق بالعراق\nقالت مصادر أمنية إن امرأة فجرت حزامها الناسف في سوق مزدحمة في بلدة المسيب يوم الجمعة. وأعلن التنظيم مسؤوليته عن الهجوم الذي وقع على بعد 30 كيلومترا من كربلاء إضافة إلى هجوم انتحاري آخر.", place: "المسيب", country: "Iraq"},
		{name: "the first sentence that tells the act, not a later one that recalls another", pub: "2021-10-09",
			text: "أفادت وسائل الإعلام بسقوط 60 قتيلا إثر الانفجار العنيف الذي وقع أمس داخل مسجد شيعي في ولاية قندوز شمال البلاد. وهذه ليست المرة الأولى التي يعلن فيها تنظيم داعش عن عمل انتحاري، فمنذ أيام قام داعش بالتفجير في محيط مسجد في كابول.", place: "قندوز", country: "Afghanistan"},
		{name: "a division after a city of another country is the city's", pub: "2009-03-03",
			text: "دان رئيس الوزراء الهجوم المسلح الذي استهدف فريق الكريكيت اليوم في مدينة لاهور عاصمة إقليم البنجاب والذي أسفر عن مصرع خمسة أشخاص.", place: "لاهور", country: "Pakistan"},
		{name: "after an assassination, the name is the person's", pub: "2007-12-27",
			text: "أثار اغتيال بوتو في تفجير انتحاري قوي اليوم موجة من الغضب. وقع التفجير عند تجمع انتخابي في مدينة روالبندي.", place: "روالبندي", country: "Pakistan"},
		{name: "ف + a name is no place", pub: "2017-11-24",
			text: "قالت فاتن الوكيل إن انفجارا وقع اليوم وقتل ثلاثة أشخاص.", place: "", country: "-"},
		{name: "of places as large, the lead's country", pub: "2017-11-24",
			text: "قال شاهد إن مسلحين هاجموا اليوم مسجد الروضة بقرية الروضة في مدينة بئر العبد، ونقل المصابون إلى مستشفيات الإسماعيلية والقاهرة، وقتل 300 شخص.", country: "Egypt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Title: c.title, Published: c.pub, Key: c.name})
			if len(out.Incidents) != 1 {
				t.Fatalf("%d incidents, want 1", len(out.Incidents))
			}
			in := out.Incidents[0]
			place, country := "", "-"
			if in.Location != nil {
				place, country = in.Location.Place, in.Location.Country
			}
			if place != c.place && (c.place != "" || c.country == "-") {
				t.Errorf("place %q, want %q", place, c.place)
			}
			if c.country != "" && country != c.country {
				t.Errorf("country %q, want %q", country, c.country)
			}
			if c.typ != "" && in.Type != c.typ {
				t.Errorf("type %q, want %q", in.Type, c.typ)
			}
		})
	}
}

// TestNewsFigures: tolls in the shapes of Arabic web news, written for
// this test.
func TestNewsFigures(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ name, text, fat, inj string }{
		{"a verb after the counted people, past آخرين and على الأقل",
			"قتل 15 مدنيا في تفجير داخل مسجد في بغداد. وقال مصدر إن عشرين شخصا آخرين على الأقل أصيبوا في التفجير. وفي بلدة قرب الموصل أصيب 6 آخرون في هجوم آخر.", "15", "20+"},
		{"the killed and the wounded counted together are neither",
			"مصرع وإصابة 112 عراقيا في انفجار مسجد بالحلة، مما أسفر عن مصرع ما لا يقل عن 25 شخصا وجرح نحو 87 آخرين.", "25+", "87"},
		{"a verb and its noun together, then the figures",
			"قتل وأصيب العشرات في هجوم صاروخي على مطار عدن. وأكدت مصادر طبية وفاة 22 واصابة اكثر من 50 شخصا.", "22", "51+"},
		{"lives taken",
			"استهدفت تفجيرات انتحارية ثلاثة فنادق في عمان، مزهقة حياة ستين شخصا.", "60", ""},
		{"each figure its own verb",
			"انفجرت ثلاث عبوات ناسفة جنوب الموصل مما أسفر عن إصابته ومقتل ثلاثة جنود وإصابة أربعة آخرين بجروح متفاوتة.", "3", "4"},
		{"one person after the casualty word",
			"استشهد الطفل علي دوابشة من قرية دوما بعد إقدام مستوطنين على إحراق منزل عائلته.", "1", ""},
		{"one person, then a number word",
			"قتل جنديا واحدا وأصيب ثلاثة آخرون في هجوم مسلح في الموصل.", "1", "3"},
		{"a verb right after the figure",
			"ذكرت وسائل إعلام أن 62 شخصا على الأقل لقوا مصرعهم ونحو 100 أصيبوا في هجوم مسلح على قاعة للحفلات.", "62+", "100"},
		{"one death by its pronoun",
			"اغتال مسلحون مجهولون قياديا سابقا في درعا، ما تسبب بمقتله على الفور. ووثقت الشبكة مقتل 36 شخصا في المحافظة خلال الشهر الماضي.", "1", ""},
		{"one of a count the sentence does not total",
			"قصفت طائرات عمارة سكنية في غزة بهجوم صاروخي مما أدى إلى مقتله و 18 مدنيا من سكان البناية.", "", ""},
		{"a verb after the first figure, a verb before the second",
			"قال مدير الدفاع المدني إن 28 شخصا قتلوا وجرح 73 آخرون في تفجير انتحاري في بغداد.", "28", "73"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Key: c.name})
			if len(out.Incidents) != 1 {
				t.Fatalf("%d incidents, want 1", len(out.Incidents))
			}
			in := out.Incidents[0]
			if s := figure2s(in.Fatalities); s != c.fat {
				t.Errorf("fatalities %s, want %s", s, c.fat)
			}
			if s := figure2s(in.Injuries); s != c.inj {
				t.Errorf("injuries %s, want %s", s, c.inj)
			}
		})
	}
}

// TestNewsSpeakers: who speaks in Arabic web news, in sentences written
// for this test. A source the report does not name is no speaker; a
// speaker's name ends before whom it was said to, the preposition of the
// channel and what was said.
func TestNewsSpeakers(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ name, text, want string }{
		{"unnamed sources", "قتل 5 أشخاص في انفجار في بغداد. وقال مصدر أمني إن الانفجار وقع صباحا. وقالت مصادر طبية إن الحصيلة قد ترتفع. وأفاد شهود عيان بأن الدخان تصاعد.", ""},
		{"the channel after عبر", "اغتال مسلحون ناشطا في الناصرية. وقال الناشط سلام العصمي عبر فيسبوك إن مسلحين قتلوا شقيقه.", "الناشط سلام العصمي"},
		{"what was said", "قتل قائد فيلق القدس في قصف صاروخي في بغداد. وأكد التلفزيون الرسمي الإيراني مقتل القائد.", "التلفزيون الرسمي الإيراني"},
		{"whom it was said to", "قتل 34 شخصا في تفجير انتحاري قرب بيشاور. وقال عناية الله خان للتلفزيون إن الانتحاري فجر نفسه.", "عناية الله خان"},
		{"what carries does not speak", "قتل 5 أشخاص في انفجار في بغداد. ونقلت سيارات الإسعاف المصابين إلى المستشفى.", ""},
		{"a channel's word before its name", "قتل 7 أشخاص في قصف صاروخي في بغداد. وذكرت قناة سكاي نيوز عربية أن بين القتلى قياديا.", "سكاي نيوز عربية"},
		{"quoting ends the name", "قتل 62 شخصا في هجوم مسلح على قاعة للحفلات. وذكرت وكالة تاس للأنباء نقلا عن مصدر أن المهاجمين فروا.", "وكالة تاس للأنباء"},
		{"whom it was said to: journalists", "قتل 6 أشخاص في انفجار في شارع الاستقلال. وقال أوقطاي للصحافيين إن انتحارية نفذت الهجوم.", "أوقطاي"},
		{"what happened ends the name", "قتل 4 أشخاص في انفجار قرب الفندق. وأكد مسؤول بوزارة الداخلية وقوع الانفجار.", "مسؤول بوزارة الداخلية"},
		{"the wounded say nothing", "قتل 4 أشخاص في انفجار قرب الفندق. ونقل المصابين إلى المستشفى.", ""},
		{"an outlet quoting a source it does not name speaks", "قتل 9 أشخاص في انفجار في بغداد. ونقلت وكالة الأنباء العراقية عن مصدر أمني أن الانفجار وقع صباحا.", "وكالة الأنباء العراقية"},
		{"the pronoun of the words said", "قتل 80 شخصا في تفجير شاحنة مفخخة في كابول، حسب ما أفاد به مسؤولون أفغان.", "مسؤولون أفغان"},
		{"the manner of saying is no speaker", "قتل 5 أشخاص في انفجار في بغداد. وقال مدير الشرطة إن الانفجار وقع صباحا. وأضاف قائلا: إن التحقيق بدأ.", "مدير الشرطة"},
		{"the fall of victims ends the source's name", "انفجرت ثلاث عبوات ناسفة على رتل للجيش في القيارة. وأكد أحد المصادر الأمنية سقوط قتلى وجرحى بين الجنود.", "أحد المصادر الأمنية"},
		{"a clause after the verb is no speaker", "قتل 5 أشخاص في انفجار في بغداد. وقال مدير الشرطة إن الانفجار وقع صباحا. وأضاف لا يمكننا القول ما حدث.", "مدير الشرطة"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Key: c.name})
			var got []string
			for _, s := range out.Statements {
				got = append(got, s.Speaker)
			}
			if strings.Join(got, "|") != c.want {
				t.Errorf("speakers %q, want %q", got, c.want)
			}
		})
	}
}

// TestAttackersWithoutAName: the subject of the act's verb in the lead,
// described without a name, is the perpetrator when the text names none.
func TestAttackersWithoutAName(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ name, text, want string }{
		{"gunmen and their adjective", "اغتال مسلحون مجهولون مساء اليوم ناشطا في مدينة الناصرية.", "مسلحون مجهولون"},
		{"a name wins", "هاجم مسلحون اليوم مركزا للشرطة في كابول وقتلوا 9 أشخاص، وأعلنت حركة طالبان مسؤوليتها عن الهجوم.", "حركة طالبان"},
		{"what officials say of an attacker without a name accuses no one", "قال مسؤولون مصريون إن 16 جنديا قتلوا عندما هاجم ملثمون نقطة تفتيش في منطقة رفح.", "ملثمون"},
		{"a militia spelt with one ي", "قتل 22 شخصا في هجوم صاروخي شنته مليشيا الكرامة على مطار عدن.", "مليشيا الكرامة"},
		{"an attacker before the act's verb", "انتحاري يفجر نفسه وسط سوق شعبي في مدينة بعقوبة ويقتل 12 شخصا.", "انتحاري"},
		{"attackers before the act's verb", "مسلحون ملثمون اقتحموا مركزا للشرطة في مدينة العريش وقتلوا 5 جنود.", "مسلحون ملثمون"},
		{"a suicide bomber", "فجر انتحاري نفسه اليوم وسط سوق في مدينة بعقوبة مما أسفر عن مقتل 12 شخصا.", "انتحاري"},
		{"the agent's name stops at a clause of what the act caused", "قتل 90 شخصا اليوم في مدينة الحولة في مجزرة ارتكبها النظام السوري وذهب ضحيتها العشرات من الأطفال.", "النظام السوري"},
		{"the preposition that marks the agent is not the name's", "قتل ثلاثة من أفراد الطاقم اليوم في أول هجوم للحوثيين على سفينة تجارية قبالة عدن.", "الحوثيين"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Key: c.name})
			if len(out.Incidents) != 1 {
				t.Fatalf("%d incidents, want 1", len(out.Incidents))
			}
			if p := strings.Join(out.Incidents[0].Perpetrators, "|"); p != c.want {
				t.Errorf("perpetrators %q, want %q", p, c.want)
			}
		})
	}
}

// TestSiteTargets: the building, market or vehicle the act struck, in
// sentences written for this test.
func TestSiteTargets(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ name, text, want string }{
		{"after داخل", "قتل 15 مدنيا في تفجير انتحاري داخل مسجد للشيعة في شمال بغداد.", "مسجد للشيعة"},
		{"the weapon's car is no target", "انفجرت سيارة مفخخة في سوق مزدحمة ببلدة عفرين وقتلت 9 مدنيين.", "سوق مزدحمة"},
		{"behind the proclitic ب", "قتل 20 شخصا في انفجار بسوق شعبي وسط بغداد.", "سوق شعبي"},
		{"a hospital is where the wounded go", "قتل 5 أشخاص في انفجار عبوة ناسفة ثم توفي جريح في مستشفى المدينة.", ""},
		{"a participle ends the name", "فجر انتحاري نفسه في سوق الكرمل الواقع في قلب تل أبيب مما أدى إلى مقتل ثلاثة أشخاص.", "سوق الكرمل"},
		{"a site in the accusative after the act", "قتل 9 أشخاص عندما فجر مسلحون سيارة مفخخة مطعما شعبيا في مدينة كركوك.", "مطعما شعبيا"},
		{"a name ends before بقلب", "قتل 6 أشخاص في انفجار قوي في شارع الاستقلال المزدحم بقلب اسطنبول.", "شارع الاستقلال المزدحم"},
		{"after على", "قتل 30 شخصا في غارة جوية على مدرسة الفاخورة.", "مدرسة الفاخورة"},
		{"a kind of place after ب ends the name", "قتل 50 مصليا في تفجير مسجد شيعي بمنطقة سيد آباد في قندوز.", "مسجد شيعي"},
		{"a bracket ends the name", "قتل 16 شخصا في تفجيرين داخل مطار بروكسل الدولي (إياتا: BRU) صباح اليوم.", "مطار بروكسل الدولي"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Key: c.name})
			if len(out.Incidents) != 1 {
				t.Fatalf("%d incidents, want 1", len(out.Incidents))
			}
			if got := strings.Join(out.Incidents[0].Targets, "|"); got != c.want {
				t.Errorf("targets %q, want %q", got, c.want)
			}
		})
	}
}

// TestSentenceEndsOnAVerb: a sentence that ends on a verb whose subject or
// speaker would follow it (the Arabic web pages where extraction crashed)
// is read, not a crash.
func TestSentenceEndsOnAVerb(t *testing.T) {
	x := newTest(t)
	for _, text := range []string{
		"قتل 16 جنديا في هجوم على نقطة تفتيش في رفح عندما هاجم",
		"قتل 5 أشخاص في انفجار في بغداد، حسبما قال",
	} {
		out := x.Extract(Input{Body: []byte(text), Key: text})
		if len(out.Incidents) != 1 {
			t.Errorf("%q: %d incidents, want 1", text, len(out.Incidents))
		}
	}
}

// TestSuburbsAreNoPlace: "وضواحيها" (and its suburbs) after "the Russian
// capital" is no place of its own.
func TestSuburbsAreNoPlace(t *testing.T) {
	x := newTest(t)
	out := x.Extract(Input{Body: []byte("قتل 35 شخصا في انفجار اليوم، ونقل 74 مصابا إلى مستشفيات العاصمة الروسية وضواحيها."), Published: "2011-01-24", Key: "suburbs"})
	if len(out.Incidents) != 1 {
		t.Fatalf("%d incidents", len(out.Incidents))
	}
	if l := out.Incidents[0].Location; l == nil || l.Place == "وضواحيها" || l.Country != "Russia" {
		t.Errorf("location %+v, want Russia and no place named وضواحيها", l)
	}
}

// TestCountryAdjectiveAfterActNoun: a country's adjective right after the
// noun of the act says whose act it was ("غارة إسرائيلية": Israel), also
// when the page prints its headline twice above the lead.
func TestCountryAdjectiveAfterActNoun(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ name, title, text, want string }{
		{"an air strike's adjective", "", "قتل خمسة أشخاص اليوم في غارة إسرائيلية على منزل في مدينة غزة.", "إسرائيل"},
		{"shelling's adjective under a headline printed twice", "مقتل 9 عراقيين في قصف منتجع سياحي في دهوك",
			"مقتل 9 عراقيين في قصف منتجع سياحي في دهوك\n\nمقتل 9 عراقيين في قصف منتجع سياحي في دهوك\n\nقتل تسعة مدنيين على الأقل وأصيب 23 آخرون بجروح في قصف تركي طال منتجعا سياحيا في زاخو.", "تركيا"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Key: c.name, Title: c.title, Published: "2022-07-21"})
			if len(out.Incidents) != 1 {
				t.Fatalf("%d incidents, want 1", len(out.Incidents))
			}
			if p := strings.Join(out.Incidents[0].Perpetrators, "|"); p != c.want {
				t.Errorf("perpetrators %q, want %q", p, c.want)
			}
		})
	}
}
