package arextract

import "testing"

// TestPageDateAndYearlessDays: a page's own date line dates a report that
// has no Published: line, and a day and month written without their year
// take it from a weekday or from the publication date. The texts are
// written for this test in the shapes of Arabic news pages.
func TestPageDateAndYearlessDays(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct {
		name, pub, text, date string
	}{
		{"a date line under the headline", "",
			"مقتل 15 شخصا في انفجار سيارة مفخخة في حلب\nالخميس 25/أغسطس/2016 - 10:23 م\nوكالات\nقتل 15 شخصا اليوم الخميس في انفجار سيارة مفخخة في مدينة حلب شمالي سوريا وفق مسؤول محلي.",
			"2016-08-25"},
		{"the last date line before the lead, not the header's day", "",
			"الثلاثاء، 26 نوفمبر 2024\nقتلى وجرحى بانفجار سيارة مفخخة بالقامشلي\n27 يوليو 2016 -- 09:36:02\nانفجرت سيارة مفخخة اليوم في مدينة القامشلي السورية مما أدى إلى مقتل 20 شخصا وإصابة 50 آخرين.",
			"2016-07-27"},
		{"a date in figures, year first", "",
			"• 2016/04/30 09:48\nلقي 14 شخصا حتفهم وأصيب 25 آخرون اليوم السبت في انفجار سيارة مفخخة جنوب شرق العاصمة بغداد حسب مصادر أمنية.",
			"2016-04-30"},
		{"a Hijri date line with its Gregorian day", "",
			"استشهاد طفل وحرق عائلته باعتداء لمستوطنين\nالجمعة 15/10/1436 هـ - الموافق 31/7/2015 م (آخر تحديث) الساعة 9:02 (مكة المكرمة)، 6:02 (غرينتش)\nاستشهد الطفل علي سعد دوابشة من قرية دوما جنوب مدينة نابلس بعد إقدام مستوطنين على حرق منزل عائلته فجر اليوم الجمعة.",
			"2015-07-31"},
		{"a date in figures in the prose, the day first", "",
			"كشفت تفاصيل جديدة تتعلق بمحاولة اغتيال رئيس الحكومة ليلة السبت 6/11/2021 بطائرة مسيرة قصفت مقر إقامته في بغداد.",
			"2021-11-06"},
		{"a dateline in figures", "",
			"اسطنبول 13-11-2022 وفا- سقط عدد من القتلى والجرحى في انفجار قوي، بعد ظهر اليوم الأحد، في شارع الاستقلال بقلب اسطنبول.",
			"2022-11-13"},
		{"a month before its day on a date line", "",
			"43 ضحية بتفجير دموي استهدف تجمعا بصنعاء\nOct ٠٩, ٢٠١٤ ٠٤:١٢ UTC\nارتفعت حصيلة ضحايا التفجير الدموي الذي استهدف أحد مداخل ميدان التحرير بوسط العاصمة صنعاء صباح الخميس إلى 43 شخصا على الأقل.",
			"2014-10-09"},
		{"a date line that says when it was updated", "",
			"ارتفاع قتلى الكنيس اليهودي في تونس\nتم آخر تحديث في الساعة 16:23 بتوقيت جرينتش السبت 13/04/2002\nارتفع عدد قتلى الانفجار الذي وقع يوم الخميس أمام كنيس في جزيرة جربة التونسية إلى 14 شخصا.",
			"2002-04-11"},
		{"the date line's own weekday is not the act's", "",
			"مقتل 16 جنديا مصريا بهجوم في رفح\nالاثنين، 06 آب/اغسطس 2012، آخر تحديث 18:23 (GMT+0400)\nقال مسؤولون مصريون إن 16 جنديا قتلوا عندما هاجم ملثمون نقطة تفتيش في منطقة رفح مساء الأحد.",
			"2012-08-05"},
		{"a machine's stamp in figures is no date", "",
			"اغتيلت رئيسة الوزراء السابقة وزعيمة الحزب وأحد قادة المعارضة في تفجير انتحاري قوي في مدينة روالبندي.\n(last modified 2020-07-13T05:28:27+00:00 )",
			""},
		{"a date in figures whose order is not plain is no date line", "",
			"05/04/2016\nلقي 14 شخصا حتفهم وأصيب 25 آخرون اليوم السبت في انفجار سيارة مفخخة جنوب شرق العاصمة بغداد حسب مصادر أمنية.",
			""},
		{"a header's date beside a city is no date line", "",
			"الخميس 25 ابريل 2024 أبوظبي الإمارات\nقالت الشرطة إن سيارة ملغومة انفجرت في سوق مكتظة في بغداد اليوم الأربعاء مما أدى إلى مقتل عشرين شخصا.",
			""},
		{"a weekday gives the year, from the latest the text names", "",
			"اغتال مسلحون مجهولون مساء اليوم الاثنين 2 أكتوبر قياديا سابقا في فصائل المعارضة في مدينة درعا جنوب سوريا. وكان القيادي قد خضع لاتفاقية التسوية عام 2018.",
			"2023-10-02"},
		{"the publication's year, the year before for a later day", "2015-01-03",
			"في 30 ديسمبر انفجرت سيارة مفخخة في مدينة بغداد مما أدى إلى مقتل 5 أشخاص.",
			"2014-12-30"},
		{"a recalled day comes after the weekday of the act", "2024-02-10",
			"قتل ثلاثة أشخاص جراء ضربات إسرائيلية استهدفت مبنى سكنيا غرب دمشق، وفق ما أحصى المرصد السبت. وتكثفت هذه الضربات إثر هجوم غير مسبوق شنته حماس على إسرائيل في السابع من تشرين الأول.",
			"2024-02-10"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := x.Extract(Input{Body: []byte(c.text), Published: c.pub, Key: c.name})
			if len(out.Incidents) != 1 {
				t.Fatalf("%d incidents, want 1", len(out.Incidents))
			}
			in := out.Incidents[0]
			got := ""
			if in.Date != nil {
				got = in.Date.Start
			}
			if got != c.date {
				t.Errorf("date %q, want %q", got, c.date)
			}
			for _, ev := range in.Evidence {
				if ev.Field == "date" && ev.End > ev.Start && c.text[ev.Start:ev.End] != ev.Text {
					t.Errorf("evidence %q does not match its offsets", ev.Text)
				}
			}
		})
	}
}
