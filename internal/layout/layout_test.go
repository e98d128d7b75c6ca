package layout

import (
	"strings"
	"testing"
)

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		title  string
		fields map[string]string // canonical key -> value
		first  string            // first sentence
	}{
		{
			name:   "rendered table",
			in:     "Attack on X | |\n---|---|\nPart of the Iraqi conflict | |\nLocation | Baghdad, Iraq |\nDeaths | None |\nOn 7 November 2021, a drone struck. [3] Two were hurt.\n",
			title:  "Attack on X",
			fields: map[string]string{"location": "Baghdad, Iraq", "fatalities": "None", "part_of": "Iraqi conflict"},
			first:  "On 7 November 2021, a drone struck.",
		},
		{
			name:   "stored form",
			in:     "Source: https://en.wikipedia.org/wiki/X\nLicense: CC BY-SA 4.0\n= 2019 Pulwama attack =\n\nAttack location\n- Location: Lethapora, India\n- Fatalities: 40 (+1 suicide bomber)\n\nThe attack occurred on 14 February 2019. It killed 40.\n\n== Background ==\nMore text.\n",
			title:  "2019 Pulwama attack",
			fields: map[string]string{"location": "Lethapora, India", "fatalities": "40 (+1 suicide bomber)"},
			first:  "The attack occurred on 14 February 2019.",
		},
		{
			name:   "old scrape with keys run into values",
			in:     "Source: https://en.wikipedia.org/wiki/X\nJump to content\n\n2019 El Paso shooting\n\nFrom Wikipedia, the free encyclopedia\n\nLocationEl Paso, Texas, U.S.\nDateAugust 3, 2019\nAttack type\nMass shooting\nDeaths15[1]\nInjured26[1]\n\nA mass shooting occurred at a Walmart in El Paso, Texas, on August 3, 2019, at around 10 a.m. local time.[2]\n",
			title:  "2019 El Paso shooting",
			fields: map[string]string{"location": "El Paso, Texas, U.S.", "date": "August 3, 2019", "type": "Mass shooting", "fatalities": "15", "injuries": "26"},
			first:  "A mass shooting occurred at a Walmart in El Paso, Texas, on August 3, 2019, at around 10 a.m. local time.",
		},
		{
			name:  "news",
			in:    "Source: https://en.wikinews.org/wiki/X\nPublished: 2011-02-21\nTitle: 38 killed in attack on Afghan bank\n\n38 people were reported dead Sunday. Mr. Khan said so.\n",
			first: "38 people were reported dead Sunday.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := Parse([]byte(tc.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if l.Title != tc.title {
				t.Errorf("title %q, want %q", l.Title, tc.title)
			}
			for k, v := range tc.fields {
				f, ok := l.Field(k)
				if !ok || f.Value != v {
					t.Errorf("field %s = %q (%v), want %q", k, f.Value, ok, v)
				}
			}
			if len(l.Sents) == 0 || l.SentenceText(0) != tc.first {
				t.Fatalf("first sentence %q, want %q", l.SentenceText(0), tc.first)
			}
		})
	}
}

func TestCitationsKeptOutOfProse(t *testing.T) {
	l, err := Parse([]byte("No one has claimed responsibility. [4] [5] The attack was probably connected.[9][10]\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Sents) != 2 {
		t.Fatalf("%d sentences", len(l.Sents))
	}
	if got := strings.Join(l.Sents[0].Citations, ","); got != "4,5" {
		t.Errorf("citations of the first sentence: %s", got)
	}
	if got := strings.Join(l.Sents[1].Citations, ","); got != "9,10" {
		t.Errorf("citations of the second sentence: %s", got)
	}
	if strings.Contains(l.SentenceText(1), "[") {
		t.Errorf("clean text keeps a marker: %q", l.SentenceText(1))
	}
}

func TestSentenceSplitting(t *testing.T) {
	in := "The U.S. embassy was attacked. Gen. Smith said J. Doe left at 10 a.m. on Monday. \"We will respond,\" he said. (It was late.) The end."
	l, err := Parse([]byte(in), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range l.Sents {
		got = append(got, l.SentenceText(i))
	}
	want := []string{"The U.S. embassy was attacked.", "Gen. Smith said J. Doe left at 10 a.m. on Monday.", "\"We will respond,\" he said.", "(It was late.)", "The end."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n%q\nwant\n%q", got, want)
	}
}

func TestTooManyColumns(t *testing.T) {
	_, err := Parse([]byte("T | |\n---|---|\n"+strings.Repeat("a | ", MaxTableColumns+10)+"\n"), "")
	if err == nil {
		t.Fatal("a 500-column infobox row was accepted")
	}
}

// FuzzParse: the document reader and the layout never panic, and every
// span they give lies inside the text in order.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Attempted assassination | |\n---|---|\nLocation | Baghdad, Iraq |\nDeaths | None |\nOn 7 November 2021, a drone [3] struck. Two died.",
		"= T =\n\nInfobox\n- Date: 7 November 2021\n- Deaths: 5\n\nProse [1]. More.\n== S ==\nX.",
		"Jump to content\nT\nFrom Wikipedia, the free encyclopedia\nDeaths15[1]\nAttack type\nBomb\nA long line of prose that is long enough to be read as prose by the scrape parser, ending here.",
		"Source: u\nPublished: 2011-01-01\n\nA. B. C.", "[", "[1", "| |\n---|", "\"a.\" b", "U.S. A.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse([]byte(s), "")
		if err != nil {
			return
		}
		if len(l.Clean) != len(l.Body) {
			t.Fatalf("clean text is %d bytes, body %d", len(l.Clean), len(l.Body))
		}
		prev := 0
		for i, st := range l.Sents {
			if st.Start < prev || st.End < st.Start || st.End > len(s) {
				t.Fatalf("sentence %d spans %d-%d after %d in %d bytes", i, st.Start, st.End, prev, len(s))
			}
			prev = st.End
		}
		for _, fl := range l.Infobox {
			if fl.Start < 0 || fl.End > len(s) || fl.Start > fl.End || fl.KeyStart > fl.Start {
				t.Fatalf("field %q spans %d-%d", fl.Key, fl.Start, fl.End)
			}
		}
		if l.TitleEnd > len(s) || l.TitleStart > l.TitleEnd {
			t.Fatalf("title spans %d-%d", l.TitleStart, l.TitleEnd)
		}
	})
}

// Page furniture (navigation, review status, slogans, archive notices) is
// not prose, and a header's title is not replaced by a status line.
func TestFurnitureIsNotProse(t *testing.T) {
	body := "Source: https://en.wikinews.org/wiki/X\nTitle: Lebanese Christian leader assassinated\n\nJump to content\n\nUnchecked\n\n" +
		"This is the stable version, checked on 18 December 2024. Template changes await review.\n\n" +
		"From Wikinews, the free news source you can write!\n\n" +
		"There are no reviewed versions of this page, so it may not have been checked for adherence to standards.\n\n" +
		"Yesterday, Pierre Gemayel was shot in his car and was declared dead at the hospital.\n\n" +
		"This page is archived, and is no longer publicly editable.\n"
	l, err := Parse([]byte(body), "")
	if err != nil {
		t.Fatal(err)
	}
	if l.Title == "Unchecked" {
		t.Errorf("title %q: a status line", l.Title)
	}
	if len(l.Sents) != 1 || !strings.HasPrefix(l.SentenceText(0), "Yesterday, Pierre Gemayel") {
		var got []string
		for i := range l.Sents {
			got = append(got, l.SentenceText(i))
		}
		t.Errorf("sentences %q, want only the report's", got)
	}
	for _, s := range []string{"Share this:", "Related news", "Read more: the full story", "From Wikipedia, the free encyclopedia",
		"Location of County Armagh within Northern Ireland", "Map of Kandi showing Gorod and Dagamaru.", "This photo taken on June 16, 2017 in Kandi shows a hotel destroyed by a fire.", "A handout picture taken on Monday shows the damaged bridge.", "A map showing the location of the attack", "  • 27 May 2015: Pro-government forces in Iraq launch operation", "Other stories from Iraq"} {
		if !isFurniture(s) {
			t.Errorf("isFurniture(%q) = false", s)
		}
	}
	// news pages: stamps, bylines, counters, credits and captions, embedded
	// posts, wire footers (lines written for this test, in the shapes pages use)
	for _, s := range []string{"Updated on 4 March 2021 10:32 GMT", "Last updated: 12:05", "Published 3 hours ago",
		"By Jane Smith", "By Jane Smith, Example News", "by Example Reporters, New York Apr 07, 2022", "By Staff Reporter and Desk Editor", "23 comments", "Comments (12)",
		"View comments", "1.2K shares", "4 min read", "Listen to this article", "(Photo by Jane Smith/AFP via Getty Images)",
		"Photo: Jane Smith/Reuters", "A guard stands outside the court in Lahore on Friday, June 3, 2016. REUTERS/Jane Smith",
		"A soldier stands guard outside the office in Kandi, Saturday, April 19, 2014. The city has been calm since. AP",
		"— Local Observer (@localobserver) January 5, 2015", "Protesters in the square pic.twitter.com/abc123",
		"Reporting by Jane Smith; Editing by Desk Editor", "(Additional reporting by Jane Smith)",
		"- Reporting: Jane Smith; writing: Desk Editor; editing: Copy Editor.",
		"File photo: fires burn near the settlement in October.", "Kismayo, Somalia (2007)",
		"Police inspect a damaged army vehicle after a suicide attack in Kandi earlier this month [Jane Smith/Reuters]",
		"Mourners carry the coffin of a victim on Sunday [AFP]", "Security forces stand guard in Kandi on December 20, 2022. — Reuters", "Soldiers patrol the market [File: Jane Smith/AP]", "Image: Jane Smith.", "Related: Bombing in Karachi on Monday",
		"14 February 2016: Supreme Court justice dies, aged 79", "May 4, 2016: Six dead following flash flooding in the county",
		"People gather at the site of a car bomb explosion in the town of Kandi, on the border, October 24, 2019.",
		"A man walks past a damaged shop in Kandi, Tuesday, Aug. 17, 2021.", "Soldiers patrol the market in Kandi, 3 May 2018.",
		"india Updated: Jan 18, 2014 14:49 IST",
		"Emergency workers clear rubble after a rocket hit a building in Kandi (Jane Smith/AP)",
		"Police officers take cover near the site of an attack Thursday in Kandi. Photo: Jane Smith / Example Post",
		"The sign reads \"No more\", Kandi. | Photo: EFE", "The bus after it was hit by a bomb. Photograph: Jane Smith/AP", "Mobile internet remains blocked in the valley. (Representative image) Photograph:( Getty )", "Fighters receive military training on November 8, 2012 in the mountains. File photo",
		"This photo combo shows the seven soldiers killed in a blast in Kandi. — via ISPR",
		"Soldiers take part in an exercise near the coastal town of Kandi. The exercises are aimed at improving the force's response. (Photo by JANE SMITH / POOL / AFP)",
		"Ambush on the border kills 7 (Agencies) Updated: 2004-09-18 15:41", "Example Report Published June 10, 2024 Updated June 10, 2024 07:32am",
		"Article Index |Advertise | Mobile | RSS | Wireless | Newsletter | Archive | Contact us | About Us| Services",
		"Article published on the 2009-08-25 Latest update 2009-08-25 13:19 TU", "Latest update: 4 March 2021",
		"Voice of America (Washington, DC)", "Example Times (Abuja)"} {
		if !isFurniture(s) {
			t.Errorf("isFurniture(%q) = false", s)
		}
	}
	for _, s := range []string{"From the capital, the free movement of troops was reported.", "Sources said the attack was planned.", "Checked bags were searched.",
		"By Sunday, the death toll had risen to 12.", "Updated figures put the death toll at 40 on Monday, officials said, after rescuers searched the rubble.",
		"Reporters said by telephone that the attack began at dawn.", "The militants were pushed back, a spokesman told AP.", "Two shots were fired, according to AP.", "Photographs of the scene showed burned cars.",
		"10 July 2016: Police said five officers were killed and seven wounded in the attack.", "Two comments by the minister angered the opposition.", "Updated figures put the toll at 40.", "Posted guards fired at 2 men.", "The attack on the town (2007) killed 40 people.",
		`"We are helping the investigation," a police spokesman, Mohamad Lerama, told AFP.`,
		"The attack killed 12 people, the ministry said [1]", "He said the town [Kandi] was calm.",
		"A car bomb killed 12 people in Kandi on October 24, 2019.", "The attack took place in Kandi, a town near the border, on Tuesday, Aug. 17, 2021.",
		`"We will not rest," the governor said in Kandi, October 24, 2019.`, "Police updated the death toll to 40 on Monday.",
		"The attack was filmed by a bystander (a student/activist).", "Three Killed in Kandi (Pakistan)", "Police Said Nothing (Reuters)", "Two | three | four | five people were hurt in the blast at the market, police said.", "The report was published on 12 May 2019.", "The toll was updated on 3 March 2020 after rescuers searched the rubble.", "The picture was shared by a resident via WhatsApp."} {
		if isFurniture(s) {
			t.Errorf("isFurniture(%q) = true: prose", s)
		}
	}
}

// A map caption ("Beni is located in Democratic Republic of the Congo") is
// chrome; a paragraph that says where a place is located is prose.
func TestLocatedInProse(t *testing.T) {
	body := "Source: https://en.wikipedia.org/wiki/X\n" +
		"On 14 August 2016, assailants raided the district of Rwangoma in the city of Beni which is located in North Kivu. At least 64 people were killed.\n\n" +
		"Beni is located in Democratic Republic of the Congo\n"
	l, err := Parse([]byte(body), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Sents) != 2 || !strings.HasPrefix(l.SentenceText(0), "On 14 August 2016") {
		t.Errorf("%d sentences; the paragraph must be read and the caption not", len(l.Sents))
	}
}

// A short line right above a picture's credit is the picture's caption:
// its place ("The province of Alger") is not the report's. A short line
// above a paragraph of prose stays prose.
func TestCaptionAboveCredit(t *testing.T) {
	body := "Title: Eight killed in a bombing\n\n" +
		"The province of Alger, Algeria.\nImage: Jane Smith.\n\n" +
		"Last night a bomber killed 8 people.\n\n" +
		"The town was quiet.\nThe bombing happened at a beach.\n"
	got := sentencesOf(t, body)
	want := []string{"Last night a bomber killed 8 people.", "The town was quiet.", "The bombing happened at a beach."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
	// prose above a caption that carries its own credit stays prose
	body = "Title: Eight killed in a bombing\n\nA bomber killed 8 people in Kandi.\n\n" +
		"A police officer stands guard in Kandi on Friday. REUTERS/Jane Smith\n(Photo by Jane Smith/AFP via Getty Images)\n"
	if got = sentencesOf(t, body); len(got) != 1 || got[0] != "A bomber killed 8 people in Kandi." {
		t.Errorf("%d sentences: the prose above a captioned picture must be read, the caption not", len(got))
	}
}

// TestCaptionPrintedTwice: a picture's description above the same text
// with its credit is the caption too; prose that a credited caption does
// not repeat stays prose.
func TestCaptionPrintedTwice(t *testing.T) {
	caption := "An explosion breaches a door during training in Kandi, May 16, 2022. Officials called a recent bombing that killed five a declaration of war."
	body := "Title: Five killed in a bombing\n\n" + caption + "\n\n" + caption + " (Jane S. Smith/Example Army)\n\n" +
		"A bomb killed five people in Kandi on Sunday.\n"
	got := sentencesOf(t, body)
	if len(got) != 1 || got[0] != "A bomb killed five people in Kandi on Sunday." {
		t.Errorf("sentences %q, want the report's only", got)
	}
	body = "Title: Five killed in a bombing\n\nA bomb killed five people in Kandi on Sunday.\n\n" +
		"Police guard the site in Kandi. (Jane S. Smith/Example Army)\n"
	if got = sentencesOf(t, body); len(got) != 1 {
		t.Errorf("sentences %q, want the report's only", got)
	}
}

// TestTeasersAreNotProse: the headlines of other stories a page lists,
// each with its "Read more" link, are not sentences of the report.
func TestTeasersAreNotProse(t *testing.T) {
	body := "Title: Rebels attack an army post\n\nDon't miss\n\n" +
		"Alleged chemical attack: gunfire delays deployment of weapons inspectors in the capital\n\nRead more\n\n" +
		"Harmful for your health: when gender bias affects medical diagnosis\n\nRead more »\n\n" +
		"Rebels attacked an army post in Kandi, killing at least 10 soldiers.\n\nThe army said the attack was repelled.\n"
	got := sentencesOf(t, body)
	want := []string{"Rebels attacked an army post in Kandi, killing at least 10 soldiers.", "The army said the attack was repelled."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

// TestLinkLabelsAreNotProse: a bare "RELATED:" label and the headline of
// the other story under it are not sentences of the report; the prose
// after them is.
func TestLinkLabelsAreNotProse(t *testing.T) {
	body := "Title: Soldiers killed\n\nThree soldiers were killed by a bomb near Kandi on Monday.\n\nRELATED:\n" +
		"Government Scraps Intel Agency, Army Man Rejoices\n\n\"The result left three dead,\" the army said.\n"
	got := sentencesOf(t, body)
	want := []string{"Three soldiers were killed by a bomb near Kandi on Monday.", "\"The result left three dead,\" the army said."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

// TestLinkSectionsAreNotProse: the titles listed under "See also" or
// "External links" are other pages, not sentences of the article; the
// prose after the next heading is read again.
func TestLinkSectionsAreNotProse(t *testing.T) {
	body := "Title: Plaine Savo massacre\n\nCODECO insurgents attacked Plaine Savo, killing 60 people.\n\n==See also==\n\n" +
		"- 2021–2022 Democratic Republic of the Congo attacks\n- List of massacres in the Democratic Republic of the Congo\n\n" +
		"==Aftermath==\n\nThe army sent troops to the camp.\n"
	got := sentencesOf(t, body)
	if len(got) != 2 || !strings.HasPrefix(got[0], "CODECO") || !strings.HasPrefix(got[1], "The army") {
		t.Errorf("sentences %q, want the two of the prose", got)
	}
}

// TestCitationListsAreNotProse: a news page prints its sources under a
// bare "Sources" or "References" line after the text; a "Related articles"
// box above the text closes nothing.
func TestCitationListsAreNotProse(t *testing.T) {
	body := "Title: Bombs hit five stations\n\nRelated articles\n\nGunmen attacked Kandi on Friday, killing 6 people.\n" +
		"Police sealed the area.\n\nReferences\n\nJane Smith. \"Bombs hit five stations in the capital\" — Daily Outlet, 4 December, 2004\n"
	got := sentencesOf(t, body)
	if len(got) != 2 || !strings.HasPrefix(got[0], "Gunmen") || !strings.HasPrefix(got[1], "Police") {
		t.Errorf("sentences %q, want the two of the report", got)
	}
}

// sentencesOf parses a document and returns the text of its sentences.
func sentencesOf(t *testing.T, body string) []string {
	t.Helper()
	l, err := Parse([]byte(body), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range l.Sents {
		got = append(got, l.SentenceText(i))
	}
	return got
}

// TestTitleLineIsNotProse: a page prints its headline above its text; the
// line that repeats the title is the title, not the first paragraph.
func TestTitleLineIsNotProse(t *testing.T) {
	body := "Title: Bomb kills five at a market in Kandi\n\nBomb kills five at a market in Kandi\n\nMonday, May 14, 2012\n\nA bomb killed five people at a market in Kandi on Monday, police said.\n"
	l, err := Parse([]byte(body), "Bomb kills five at a market in Kandi")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Paras) != 1 || !strings.HasPrefix(l.SentenceText(0), "A bomb killed five") {
		t.Fatalf("paragraphs %d, first sentence %q", len(l.Paras), l.SentenceText(0))
	}
	// the headline printed with one word other than the title it was filed under
	l, err = Parse([]byte("Title: Nine protesters killed, 11 wounded in Burma\n\nNine protesters killed, 11 wounded in Myanmar\n\nThe military killed nine protesters on Friday.\n"), "Nine protesters killed, 11 wounded in Burma")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Paras) != 1 {
		t.Fatalf("paragraphs %d, want the headline left out", len(l.Paras))
	}
	// the same words further down are prose
	body2 := "Title: Bomb kills five at a market in Kandi\n\nA bomb killed five people at a market in Kandi on Monday, police said.\n\nBomb kills five at a market in Kandi\n"
	l, err = Parse([]byte(body2), "Bomb kills five at a market in Kandi")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Paras) != 2 {
		t.Fatalf("paragraphs %d, want 2", len(l.Paras))
	}
}

// TestHardWrappedText: the lines of hard-wrapped copy that go on in lower
// case after a line with no closing punctuation are one paragraph, read
// as whole sentences; text that is not wrapped keeps its lines.
func TestHardWrappedText(t *testing.T) {
	body := "Title: Gunmen kill five\n\nKANDI, Nigeria, Sept 3 Gunmen killed at\nleast five villagers in a raid in northern Nigeria's Kandi state\non Wednesday before being repelled by government troops,\nmilitary sources said, an attack that bore the hallmarks of\nIslamist militants.\nThe group has killed thousands of people and displaced 1.5\nmillion in a six-year-old insurgency.\n"
	got := sentencesOf(t, body)
	if len(got) != 2 || !strings.Contains(got[0], "on Wednesday") || !strings.HasSuffix(got[0], "Islamist militants.") {
		t.Errorf("sentences %q, want two whole sentences", got)
	}
	body = "Title: Attack\n\nA bomb killed three people in Kandi\non Monday, police said.\n\nThe town was quiet.\n"
	if got := sentencesOf(t, body); len(got) != 3 || strings.Contains(got[0], "on Monday") {
		t.Errorf("sentences %q: one wrapped line alone is no wrapped text", got)
	}
}

// TestCreditOfLongLines: a long line is tested for a credit by its start
// and its end only, as creditRE would test all of it: a caption ending
// in its credit and a file photo's label are found in a long line, prose
// is not.
func TestCreditOfLongLines(t *testing.T) {
	long := strings.Repeat("Soldiers walk past the market in Kandi. ", 15)
	for line, want := range map[string]bool{
		long + "REUTERS/Jane Smith":    true,
		long + "[File: Jane Smith/AP]": true,
		"File photo: " + long:          true,
		long:                           false,
		long + "The attack killed 12 people, the ministry said [1]": false,
	} {
		if got, old := credit(line), creditRE.MatchString(line); got != want || got != old {
			t.Errorf("credit(%.40q...) = %v, creditRE %v, want %v", line, got, old, want)
		}
	}
}
