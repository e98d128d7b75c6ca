package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/reader"
)

func extractText(t *testing.T, s string) *dossier.Extraction {
	t.Helper()
	doc, err := reader.Parse("case.txt", []byte(s), reader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := extractor(t).Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func rangeString(r *dossier.Range) string {
	if r == nil {
		return "null"
	}
	if r.Max == nil {
		return fmt.Sprintf("%d+", r.Min)
	}
	return fmt.Sprintf("%d-%d", r.Min, *r.Max)
}

// TestCasualties: how figures in prose become {min, max}.
func TestCasualties(t *testing.T) {
	tests := []struct {
		text           string
		fatal, injured string
	}{
		{"A car bomb killed 12 people and wounded 30 in Kabul, Afghanistan.", "12-12", "30-30"},
		{"A bomb exploded in Kabul, Afghanistan, killing at least nine people and wounding more than 125.", "9+", "126+"},
		{"The clashes in Baghdad, Iraq, left two dead and more than 125 injured.", "2-2", "126+"},
		{"Police fired on protesters in Baghdad, Iraq, resulting in the death of one to two demonstrators.", "1-2", "null"},
		{"Ten people, all of whom were black, were murdered in a shooting in Buffalo, New York.", "10-10", "null"},
		{"On 29 October 2022, 121 people were killed and over 300 were injured by a car bombing in Mogadishu, Somalia.", "121-121", "301+"},
		{"Thirty eight people were killed in an attack in Jalalabad, Afghanistan, including 21 security personnel and 17 civilians.", "38-38", "null"},
		{"A drone attack hit Erbil, Iraq. No one was killed.", "0-0", "null"},
		{"A bomb exploded in Kabul, Afghanistan, injuring another 110.", "null", "110-110"},
		{"Militants attacked a police station in Gashua, Nigeria. Local authorities stated that the death toll was 25, including five police officers.", "25-25", "null"},
		{"A missile hit a bus near Podujevo, Kosovo. 46 civilians of Serb and Albanian ethnicity were killed.", "46-46", "null"},
		{"The Sjeverin massacre was the massacre on 22 October 1992 of 16 Bosniak citizens in Visegrad, Bosnia.", "16-16", "null"},
		// a period's tally is not the act's
		{"A man stabbed a soldier near Hebron, West Bank, on Wednesday. Recent violence over the holy site has killed 19 Israelis and 88 Palestinians.", "null", "null"},
		// "martyred" before its figure, as South Asian reports write it
		{"A powerful blast martyred seven people including two policemen and injured 30 people in Quetta, Pakistan.", "7-7", "30-30"},
		// "hurt" before its figure
		{"A bomb in Datu Piang, Philippines, hurt eight people on Saturday.", "null", "8-8"},
		// one of a force, killed, with no figure
		{"A military ranger was killed and seven others injured when a bomb went off in Narathiwat, Thailand.", "1-1", "7-7"},
		// a war's dead, and another act's of the same day
		{"Gunmen killed two people at a camp in Kass, Sudan, on Monday. The United Nations estimates 300,000 have died in the humanitarian crisis.", "2-2", "null"},
		{"An Israeli air strike killed seven civilians in Gaza on Thursday. The attack raised the death toll to 60 Palestinians, most of them civilians, since Tuesday, in Israel's offensive.", "7-7", "null"},
		{"An officer was shot dead in an ambush in Jonglei, South Sudan, on Monday. The ambush occurred on the same day that 14 people were killed in Duk County.", "1-1", "null"},
		{"Two soldiers were killed in an attack in Kandi, Mali, on Monday, the latest in the insurgency.", "2-2", "null"},
		// the one figure a report gives, an upper one, is the figure
		{"A bomb exploded at a mosque in Kabul, Afghanistan. Police said as many as 30 people were wounded.", "null", "30-30"},
		{"Gunmen attacked a hotel in Mogadishu, Somalia.", "null", "null"},
		{"A car bomb exploded outside a court in Newry, Northern Ireland. Nobody was killed or injured.", "0-0", "0-0"},
		{"Five men, five women and a 15-year old boy were killed in a massacre in Chicomuselo, Mexico.", "11-11", "null"},
		{"Gunmen attacked Souhane, Algeria: 18 men, 3 women and 4 children were killed.", "25-25", "null"},
		{"Gunmen attacked a farm in Kandi, Turkey, where a man and a woman were killed.", "2-2", "null"},
		// an aside breaking a group down; the attackers a report counts with the victims
		{"Eleven soldiers, including an army captain, and a civilian were killed in an ambush by rebels in Kandi, Turkey.", "12-12", "null"},
		{"Militants stormed an army camp in Kandi, Turkey, and fought a gunbattle that left six soldiers, including a major, and two rebels dead.", "8-8", "null"},
		{"Three policemen and two attackers were killed in a gunfight in Kandi, Turkey.", "5-5", "null"},
		// a people's name counts a group and qualifies one
		{"A Canadian soldier and five Afghans were injured in a mortar attack near Kandahar, Afghanistan.", "null", "6-6"},
		{"Gunmen attacked a checkpoint in Kandi, Turkey. A police officer was seriously wounded.", "null", "1+"},
		{"Gunmen attacked a checkpoint in Kandi, Turkey. A police officer was wounded and later died.", "null", "null"},
		// one person hurt by an active verb; a figure counting two groups together
		{"Two rockets landed in Sderot, Israel, killing a 57-year-old woman and injuring a 24-year-old bodyguard.", "1-1", "1+"},
		{"Troops stormed the jail in Jericho, Palestine: at least 18 prisoners and security officials have been wounded.", "null", "18+"},
		{"Troops stormed the jail in Jericho, Palestine: ten people died and others were wounded.", "10-10", "null"},
		{"Militants attacked Shabeelow, Somalia. At least six militiamen and villagers were injured as well.", "null", "6+"},
		// "the number of dead ... reached N"
		{"Bombs exploded in Kabul, Afghanistan. The total number of dead in all the attacks reached 80, while over 160 more were injured.", "80-80", "161+"},
		// groups after the verb add up; a total with its breakdown does not
		{"Two bombers attacked a camp in Jolo, Philippines, killing three soldiers and two civilians.", "5-5", "null"},
		{"Gunmen attacked a checkpoint in Kandi, Turkey, killing two soldiers, a policeman and three civilians.", "6-6", "null"},
		{"A bomb exploded in Kabul, Afghanistan, killing 12 people, five soldiers and seven civilians.", "12-12", "null"},
		{"A bomb exploded in Kabul, Afghanistan, killing four soldiers and wounding nine civilians.", "4-4", "9-9"},
		{"The 2019 Indanan bombings occurred on 28 June 2019, when two suicide bombers detonated their explosives in two areas of a military camp in Indanan, Sulu, Philippines killing three soldiers and three civilians.", "6-6", "null"},
		{"A helicopter fired on a village in Uruzgan, Afghanistan. 27 civilians including four women and one child were killed.", "27-27", "null"},
		{"A rocket hit a house in Sderot, Israel, killing a woman. 10 Israelis have been killed by Qassam rockets since 2002.", "1-1", "null"},
		// a word of magnitude yields to the figure the text gives later
		{"A bomb exploded in Kandahar, Afghanistan, killing dozens and wounding dozens more. Officials said 56 people were killed and 40 were wounded.", "56-56", "40-40"},
		{"Gunmen attacked a bar in Zarautz, Spain. Three previous ETA attacks in the town had resulted in fatalities.", "null", "null"},
		// a noun of killing with its victims
		{"The Doda massacre was the massacre of 26 villagers in Doda, India, by militants.", "26-26", "null"},
		// a toll revised later replaces the first one, even on another day
		{"A bomb exploded in a market in Davao, Philippines, on 2 September 2016, killing 14 people. On 13 September, one of the wounded died, bringing the death toll to 15.", "15-15", "null"},
		{"A bomb exploded in Kabul, Afghanistan, killing 12 people. The death toll later rose to 20.", "20-20", "null"},
		{"A bomb exploded in a market in Davao, Philippines, killing at least 14 people and injuring 70. One of those injured died, bringing the death toll up to 15.", "15-15", "70-70"},
		{"Gunmen attacked a village in Benue, Nigeria. Reports said 46 people were killed, but more bodies were found, which increased that toll to 53.", "53-53", "null"},
		{"A bomb exploded in Kabul, Afghanistan, killing 12 people. Officials put the death toll at 10.", "12-12", "null"},
		{"Gunmen ambushed a convoy near Aguelhok, Mali, killing five soldiers and wounding three. One of the wounded died on 24 May, bringing the toll to six killed and two wounded.", "6-6", "2-2"},
		// another event named as a yardstick leaves the figures to this one
		{"On 19 August 2009, bombs exploded in Baghdad, Iraq, killing at least 101 people, the deadliest attack since the 14 August 2007 Qahtaniya bombings, which killed almost 800 people.", "101+", "null"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			m := extractText(t, "Published: 2020-01-01\n\n"+tc.text+"\n").Main()
			if got := rangeString(m.Fatalities); got != tc.fatal {
				t.Errorf("fatalities %s, want %s", got, tc.fatal)
			}
			if got := rangeString(m.Injuries); got != tc.injured {
				t.Errorf("injuries %s, want %s", got, tc.injured)
			}
		})
	}
}

// TestDates: absolute dates, and relative ones anchored to the right event.
func TestDates(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"absolute", "On 7 November 2021, a drone attacked the residence in Baghdad, Iraq.", "2021-11-07"},
		{"American order", "A mass shooting occurred in El Paso, Texas, on August 3, 2019.", "2019-08-03"},
		{"weekday in news", "Published: 2011-03-26\n\nA bomb exploded at a bus stop in Jerusalem, Israel, on Wednesday.", "2011-03-23"},
		{"no date in news", "Published: 2011-01-08\n\nA gunman opened fire at a supermarket in Tucson, Arizona.", "2011-01-08"},
		{"date in the URL", "Source: https://example.org/2021/11/07/drone\n\nA drone attacked the residence of the prime minister in Baghdad, Iraq, early on Sunday.", "2021-11-07"},
		{"year of the next date", "= Tadjena massacre =\n\nBeginning about 9:00 p.m. on December 8 and continuing until early December 9, 1998, 81 villagers were killed by armed groups near Tadjena, Algeria.", "1998-12-08"},
		{"two days of a month", "= Battle of Shabeelow =\n\nOn September 3 and 5, 2020, al-Shabaab militants attacked the village of Shabeelow in Galmudug, Somalia.", "2020-09-03"},
		{"year from the title", "= 2022 Abu Dhabi attack =\n\nThe attack on oil tankers in Abu Dhabi, United Arab Emirates, was carried out with drones.", "2022"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := extractText(t, tc.doc+"\n").Main()
			if m.Date == nil || m.Date.Start != tc.want {
				t.Fatalf("date %+v, want %s", m.Date, tc.want)
			}
		})
	}
}

// TestArticleDates: an article's first sentence gives its subject's date
// over the background that follows; a month it gives is refined by a day
// of that month in a sentence of the act after it, never by a day of
// another month.
func TestArticleDates(t *testing.T) {
	for _, c := range []struct{ name, text, start, end string }{
		{"the first sentence over the background",
			"The Battle of Shire was fought from February 8 to 19 February 1989, in and around the town of Shire, as part of the Ethiopian Civil War, and resulted in the destruction of the 604th Army Corps.\n\n" +
				"The army retook the towns of Wukro and Adigrat in early July. On August 3, the army attacked the rebels in Adi Hageray, and 300 soldiers were killed.\n",
			"1989-02-08", ""},
		{"a day of the month",
			"The Battle of Kawkareik occurred in late October 2022 when rebels escalated fighting and besieged the town of Kawkareik, Myanmar.\n\n" +
				"Fighting broke out on 21 October with a series of surprise attacks on the highway leading into the town.\n",
			"2022-10-21", "2022-10-31"},
		{"no day of another month",
			"The Battle of Kawkareik occurred in late October 2022 when rebels escalated fighting and besieged the town of Kawkareik, Myanmar.\n\n" +
				"Fighting broke out on 21 September with a series of surprise attacks on the highway leading into the town.\n",
			"2022-10", "2022-10"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := extractText(t, "Source: https://en.wikipedia.org/wiki/Case\n\n"+c.text).Main()
			if m == nil || m.Date == nil || m.Date.Start != c.start || c.end != "" && m.Date.End != c.end {
				t.Fatalf("date %+v, want %s/%s", m.Date, c.start, c.end)
			}
		})
	}
}

// TestRunOnDateLine: a page's date line run into its first sentence dates
// the page (and anchors "on Monday"), not the incident, and makes no
// incident of its own, with or without a publication line.
func TestRunOnDateLine(t *testing.T) {
	body := "Tuesday, May 30, 2006 Kabul Afghanistan saw the worst violence on Monday since the fall of the Taliban, after a truck crashed into vehicles in Kabul, killing at least 7 civilians.\n"
	for _, head := range []string{"Title: Riots in Kabul\nPublished: 2006-05-30\n\n", "Title: Riots in Kabul\n\n"} {
		res := extractText(t, head+body)
		for _, in := range res.Incidents {
			if in.Date == nil {
				continue
			}
			if in.Main && in.Date.Start != "2006-05-29" {
				t.Errorf("%q: main incident dated %s, want 2006-05-29", head, in.Date.Start)
			}
			if !in.Main && in.Date.Start == "2006-05-30" {
				t.Errorf("%q: an incident dated by the date line: %s", head, in.Title)
			}
		}
	}
}

// TestLabelledDateLine: a page's labelled date run into its first line
// ("date 2017-02-17 CITY: ... on Thursday") dates the page, with or
// without a publication line, and "on Thursday" the incident.
func TestLabelledDateLine(t *testing.T) {
	body := " date 2017-02-17 ZAMBOANGA CITY: Two soldiers were killed and over a dozen others injured after rebels on Thursday ambushed a military convoy in Calinan district, Davao City.\n"
	for _, head := range []string{"Title: Rebels ambush convoy\nPublished: 2017-02-17\n\n", "Title: Rebels ambush convoy\n\n"} {
		m := extractText(t, head+body).Main()
		if m == nil || m.Date == nil || m.Date.Start != "2017-02-16" {
			t.Errorf("%q: main incident dated %+v, want 2017-02-16", head, m.Date)
		}
	}
	// the same day written out again after the label's is the date line too
	body = " date 2021-04-19 Monday, 19 April 2021 Nineteen civilians were killed when armed men raided a village in west Niger, a local official said on Sunday.\n\n" +
		"\"The number of dead stands at 19,\" he said of the attack in the Tillaberi region on Saturday evening.\n"
	for _, head := range []string{"Title: Gunmen kill 19\nPublished: 2021-04-19\n\n", "Title: Gunmen kill 19\n\n"} {
		m := extractText(t, head+body).Main()
		if m == nil || m.Date == nil || m.Date.Start != "2021-04-17" {
			t.Errorf("%q: main incident dated %+v, want 2021-04-17", head, m.Date)
		}
	}
}

// TestPeriodSinceAMonth: a tally "since last September" dates a period,
// not the report's incident, and its figure is not the incident's.
func TestPeriodSinceAMonth(t *testing.T) {
	m := extractText(t, "Published: 2024-05-30\nTitle: Candidate shot dead\n\nA mayoral candidate has been shot dead at a campaign rally in Guerrero, Mexico. "+
		"Government figures suggest 22 people running for local office have been murdered across Mexico since last September.\n").Main()
	if m == nil || m.Date == nil || m.Date.Start != "2024-05-30" {
		t.Fatalf("date %+v, want 2024-05-30", m.Date)
	}
	if m.Fatalities == nil || m.Fatalities.Min != 1 {
		t.Errorf("fatalities %+v, want 1", m.Fatalities)
	}
}

// TestWritingYear: a report without a date that counts the years from a
// year to now dates "July 17 of this year", and says where the year came
// from.
func TestWritingYear(t *testing.T) {
	res := extractText(t, "Title: Aid workers released\n\nThree aid workers kidnapped by gunmen in the town of Mandera, Kenya, on July 17 of this year were released on Saturday.\n"+
		"Somalia has been devastated by internal violence for eighteen years since 1991.\n")
	m := res.Main()
	if m == nil || m.Date == nil || m.Date.Start != "2009-07-17" {
		t.Fatalf("date %+v, want 2009-07-17", m.Date)
	}
	noted := false
	for _, ev := range m.Evidence {
		noted = noted || ev.Field == "date" && strings.Contains(ev.Text, "eighteen years since 1991") && ev.Note != ""
	}
	if !noted {
		t.Errorf("no evidence for the year of writing")
	}
}

// TestRelativeOtherIncident: "two days before the attack" counts from the
// main incident, not from the date written just before it.
func TestRelativeOtherIncident(t *testing.T) {
	res := extractText(t, "On 7 November 2021, a drone attacked the residence of the prime minister in Baghdad, Iraq.\nOn October 10, 2021, elections were held. Just two days before the attack occurred, protesters tried to storm the Green Zone in Baghdad, throwing stones at the security forces.\n")
	var dates []string
	for _, in := range res.Incidents {
		if !in.Main && in.Date != nil {
			dates = append(dates, in.Date.Start)
		}
	}
	if strings.Join(dates, ",") != "2021-11-05" {
		t.Fatalf("other incidents dated %v, want the storming on 2021-11-05", dates)
	}
}

// TestStance: the stance of a speaker toward the incident.
func TestStance(t *testing.T) {
	lead := "On 7 November 2021, a drone attacked the residence of Prime Minister Mustafa Al-Kadhimi in Baghdad, Iraq.\n"
	tests := []struct {
		sentence, speaker, stance, channel string
	}{
		{`President Barham Salih tweeted that "We cannot accept that Iraq will be dragged into chaos."`, "Barham Salih", "condemn", "tweet"},
		{`Muqtada al-Sadr denounced what he termed a "terrorist attack".`, "Muqtada al-Sadr", "condemn", ""},
		{`India's Home Minister P. Chidambaram remarked that the attackers had walked into a trap.`, "P. Chidambaram", "other", ""},
		{`Qais Khazali dismissed the attack as a fraud.`, "Qais Khazali", "dismiss", ""},
		{`Masoud Barzani expressed his solidarity with Kadhimi in a telephone call.`, "Masoud Barzani", "sympathize", "call"},
		{`The spokesman for Asaib al-Haq, Mahmoud al-Rubaie, tweeted that it was "a fabricated explosion".`, "Mahmoud al-Rubaie", "dismiss", "tweet"},
		{`"They are behind this," said Hameed Afridi, a police official.`, "Hameed Afridi", "accuse", ""},
		{`Kata'ib Hezbollah denied any role in the attack.`, "Kata'ib Hezbollah", "deny", ""},
		// a phrase around its object, a modal accusation
		{`Police chief Hugh Orrin said he held the Orange Order responsible for the violence.`, "Hugh Orrin", "accuse", ""},
		{`Army spokesman Felix Kulanje said that al-Shabaab might be behind the attacks.`, "Felix Kulanje", "accuse", ""},
		{`The provincial governor, Rohullah Amin, suggested that attacks such as these are the hallmark of the Taliban.`, "Rohullah Amin", "accuse", ""},
		{`Army spokesman Felix Kulanje linked the attack to al-Shabaab.`, "Felix Kulanje", "accuse", ""},
		// a person named after a role in lower case, then by surname alone
		{`The visit of Pakistan's foreign minister Khurshid Mahmud Kasuri to India was planned. Kasuri said his trip would not be cancelled.`, "Khurshid Mahmud Kasuri", "other", ""},
		// the phrase as the verb, its subject the last speaker
		{`Police chief Hugh Orrin described the rioting as the worst he had seen. He controversially held the Orange Order responsible for the violence.`, "Hugh Orrin", "accuse", ""},
	}
	for _, tc := range tests {
		t.Run(tc.speaker, func(t *testing.T) {
			res := extractText(t, lead+tc.sentence+"\n")
			var got []string
			for _, s := range res.Statements {
				if s.Speaker == tc.speaker && s.Stance == tc.stance && s.Channel == tc.channel {
					return
				}
				got = append(got, s.Speaker+":"+s.Stance+":"+s.Channel)
			}
			t.Fatalf("want %s:%s:%s, got %v", tc.speaker, tc.stance, tc.channel, got)
		})
	}
}

// TestBareCountrySpeaker: a country named bare makes no statement without
// a stance; its government, named, does; with a stance the country speaks.
func TestBareCountrySpeaker(t *testing.T) {
	lead := "Title: Hostage taken\nPublished: 2009-12-10\n\nGunmen seized a French hostage from his hotel in Menaka, Mali, on November 25.\n"
	for _, c := range []struct {
		sentence, speaker string
		want              bool
	}{
		{"Mali said it had sent troops to the area.", "Mali", false},
		{"The Malian government said it had sent troops to the area.", "Malian government", true},
		{"Mali condemned the kidnapping.", "Mali", true},
	} {
		res := extractText(t, lead+c.sentence+"\n")
		got := slices.ContainsFunc(res.Statements, func(s dossier.Statement) bool { return s.Speaker == c.speaker })
		if got != c.want {
			t.Errorf("%q: statement of %s %v, want %v", c.sentence, c.speaker, got, c.want)
		}
	}
}

// TestStateBodies: a report's body of a state named with its state is an
// actor of its own, as written; "government-run" is no body; an
// encyclopedia article keeps its states.
func TestStateBodies(t *testing.T) {
	text := "The Peruvian army killed 13 rebels in Ayacucho, Peru, on Monday. Iraqi security forces were deployed near a government-run school. The Lebanese government condemned the attack.\n"
	has := func(res *dossier.Extraction, name string) bool {
		for _, a := range res.Actors {
			if a.Name == name {
				return a.Kind == dossier.KindState && len(a.Evidence) == 1 && a.Evidence[0].Text != ""
			}
		}
		return false
	}
	res := extractText(t, "Title: Rebels killed\nPublished: 2006-05-30\n\n"+text)
	for _, name := range []string{"Peruvian army", "Iraqi security forces", "Lebanese government"} {
		if !has(res, name) {
			t.Errorf("report: no state actor %q with evidence", name)
		}
	}
	res = extractText(t, "Source: https://en.wikipedia.org/wiki/Ayacucho_killings\n\n"+text)
	if has(res, "Peruvian army") {
		t.Errorf("article: %q listed as an actor", "Peruvian army")
	}
}

// TestActSectionWeapons: an article's section on the act tells its
// weapons; its background does not.
func TestActSectionWeapons(t *testing.T) {
	doc := "Source: https://en.wikipedia.org/wiki/Xandorai_massacre\n\nThe Xandorai massacre was the killing of 25 villagers on 20 May 2000 by militants in Tripura, India.\n\n" +
		"== Background ==\nIn 1998 the army had used mortars against a camp nearby.\n\nThe village lies near the border.\n\nRefugees had sheltered in its school since April.\n\nThe camp held about 300 people.\n\n" +
		"== Events ==\nOn 20 May, the militants raided the village. They hurled grenades at the house of a local leader.\n"
	m := extractText(t, doc).Main()
	if m == nil || !slices.Contains(m.Weapons, "grenades") || slices.Contains(m.Weapons, "mortars") {
		t.Fatalf("weapons %v, want grenades and not mortars", m.Weapons)
	}
}

// TestAliases: one actor per real-world actor across spellings in a document.
func TestAliases(t *testing.T) {
	res := extractText(t, "On 7 November 2021, a drone attacked the residence of Prime Minister Mustafa Al-Kadhimi in Baghdad, Iraq. "+
		"Kadhimi survived. Officials blamed Kata'ib Hezbollah. Kataib Hezbollah denied it. "+
		"The Popular Mobilization Forces (PMF) said the PMF was not involved. Asaib Ahl al-Haq and Asaib al-Haq were named.\n")
	count := map[string]int{}
	for _, a := range res.Actors {
		count[a.Name]++
		all := append([]string{a.Name}, a.Aliases...)
		t.Logf("%s %v", a.Kind, all)
	}
	for _, group := range [][]string{{"Mustafa Al-Kadhimi", "Kadhimi"}, {"Kata'ib Hezbollah", "Kataib Hezbollah"}, {"Popular Mobilization Forces", "PMF"}} {
		n := 0
		for _, a := range res.Actors {
			names := strings.Join(append([]string{a.Name}, a.Aliases...), "|")
			for _, g := range group {
				if strings.Contains(names, g) {
					n++
					break
				}
			}
		}
		if n != 1 {
			t.Errorf("%v is %d actors, want 1", group, n)
		}
	}
}

// A report without a date is still a report; an encyclopedia article is
// known by its reader or its site.
func TestEncyclopedic(t *testing.T) {
	for _, c := range []struct {
		format, source string
		want           bool
	}{
		{"text", "https://en.wikipedia.org/wiki/2016_Cizre_bombing", true},
		{"text", "https://ar.wikipedia.org/wiki/X", true},
		{"wikitext", "", true},
		{"text", "https://en.wikinews.org/wiki/Car_bomb_kills_11_in_Pakistan", false},
		{"html", "https://www.example.com/news/2021/11/07/attack", false},
		{"text", "", false},
		{"text", "not a url %%", false},
	} {
		doc := &dossier.Document{Format: c.format, Source: c.source}
		if got := encyclopedic(doc); got != c.want {
			t.Errorf("encyclopedic(%s, %q) = %v, want %v", c.format, c.source, got, c.want)
		}
	}
}

// A place the gazetteer does not know is read when the writing leaves no
// doubt: its country after it, or "the town of" before it.
func TestUnknownPlaces(t *testing.T) {
	for _, c := range []struct{ text, place, country, precision string }{
		{"On February 22, 2017, jihadists attacked Nigerien forces in Tilwa, Ouallam Department, Niger, killing 15 soldiers.", "Tilwa", "Niger", "country"},
		// a division after it: the division's point
		{"A roadside bomb has killed four United Nations peacekeepers in the town of Khiam, Nabatieh Governorate in southern Lebanon.", "Khiam", "Lebanon", "admin1"},
		{"The blast occurred in Xandorai, near the town of Kohat in northwestern Pakistan, killing twelve people.", "Xandorai", "Pakistan", "admin1"},
		{"Two missiles struck a compound near Xandorai, Khyber Pakhtunkhwa, in Pakistan, killing six people.", "Xandorai", "Pakistan", "admin1"},
		// a settlement noun after it, the country elsewhere in the text
		{"Raiders killed 40 people around Xandorai village in northern Kenya on Tuesday.", "Xandorai", "Kenya", "country"},
		{"Gunmen killed nine villagers in Karpathos Wells on Tuesday.", "", "", ""},
		{"Gunmen killed nine villagers in Karpathos Wells near Kohat, Pakistan, on Tuesday.", "Karpathos Wells", "Pakistan", "admin1"},
		// "the region of", "the area of": a division or area the gazetteer
		// lacks; the neighbour a border is named by is not its country
		{"Five Malian soldiers were killed Monday in a roadside bomb attack. The troops were traveling in the region of Xandorai, near the border with Mauritania, when their convoy hit a homemade bomb.", "Xandorai", "Mali", "country"},
		// the object of an act, located by a division after it (an
		// adjective before the division word)
		{"Gunmen attacked Karpathos Wells in the central province of Sennar on Tuesday, killing nine villagers.", "Karpathos Wells", "Sudan", "admin1"},
		// "X city" the gazetteer lacks; "an ethnic Turkman" names a people, not a country
		{"A suicide bomber killed 22 people inside an Iraqi mosque in Karpathos Wells city on Wednesday at a ceremony for an ethnic Turkman, police said.", "Karpathos Wells", "Iraq", "country"},
		// a district the gazetteer lacks, its name with a particle
		{"Terrorists killed 13 people in an attack against a passenger vehicle in Karpathos da Praia district, in the northern Mozambican province of Cabo Delgado.", "Karpathos da Praia", "Mozambique", "country"},
		// the anchor in no country the text gives: not trusted
		{"Gunmen killed nine villagers in Karpathos Wells, Segovia, on Tuesday.", "", "", ""},
	} {
		res := extractText(t, "Source: https://example.org/report\n\n"+c.text+"\n")
		var loc *dossier.Location
		for _, in := range res.Incidents {
			if in.Main {
				loc = in.Location
			}
		}
		got := [2]string{}
		if loc != nil {
			got = [2]string{loc.Place, loc.Country}
		}
		if c.place == "" {
			if got[0] == "Karpathos Wells" {
				t.Errorf("%q: a name with no sign of a place became the place", c.text)
			}
			continue
		}
		if got != [2]string{c.place, c.country} {
			t.Errorf("%q: location %q, want %s, %s", c.text, got, c.place, c.country)
		}
		if loc != nil && loc.Precision != c.precision {
			t.Errorf("%q: precision %q, want %s: the coordinates are the division's or the country's, never a guess", c.text, loc.Precision, c.precision)
		}
	}
}

// An infobox cell's flag-icon markup and lead words are not part of a name.
func TestInfoboxNamesClean(t *testing.T) {
	d := &docState{x: extractor(t)}
	for _, c := range []struct{ in, want string }{
		{"22px Kurdistan Workers' Party", "Kurdistan Workers' Party"},
		{"border|22px Provisional IRA, border|22px INLA", "Provisional IRA | INLA"},
		{"Blamed on Rappani Khalilov", "Rappani Khalilov"},
		{"Unknown / not claimed, YPG (Turkish claim), SNA infighting (SDF claim)", "YPG | SNA infighting"},
		{"Moro Islamic Liberation Front (blamed), Jemaah Islamiyah suspected", "Moro Islamic Liberation Front | Jemaah Islamiyah"},
		{"Unknown", ""},
		// "and" inside a name; a qualifier in parentheses, even over a comma
		{"Islamic State of Iraq and the Levant (claimed responsibility), Arab Struggle Movement (initially claimed, later denied; accused by Iran)",
			"Islamic State of Iraq and the Levant | Arab Struggle Movement"},
		{"Army of the Republic of Bosnia and Herzegovina", "Army of the Republic of Bosnia and Herzegovina"},
		{"Kangleipak Communist Party (Military Council)", "Kangleipak Communist Party"},
		{"Suspected: Students Islamic Movement of India (As per The Times of India)", ""},
		{"(Brussels cell)", "Brussels cell"},
		// labels, descriptions, the agent of a verb
		{"Los Lobos (gang) Planning: Carlos Angulo, Laura Castillo and three accomplices Material: Johan Castillo and six others",
			"Los Lobos | Carlos Angulo | Laura Castillo | Johan Castillo"},
		{"masterminded by Iyad Saleh", "Iyad Saleh"},
		{"a Palestinian group", ""},
		{"Shabiha and Syrian Arab Army", "Shabiha | Syrian Arab Army"},
	} {
		if got := strings.Join(d.namesInValue(c.in, true), " | "); got != c.want {
			t.Errorf("namesInValue(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// a cell of targets keeps "and" (the editors' one target) and drops
	// its qualifiers
	for _, c := range []struct{ in, want string }{
		{"MINUSMA and Malian soldiers", "MINUSMA and Malian soldiers"},
		{"District Judicial Complex (failed), Islamabad Police vehicle (successful)", "District Judicial Complex | Islamabad Police vehicle"},
		{"Provincial governor (possibly)", "Provincial governor"},
	} {
		if got := strings.Join(d.namesInValue(c.in, false), " | "); got != c.want {
			t.Errorf("namesInValue(%q, targets) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The actor table holds names: an unnamed group stays in the incident's
// roles but is no actor; a named group is one.
func TestActorTableHoldsNames(t *testing.T) {
	res := extractText(t, "Source: https://example.org/report\n\nUnidentified attackers stormed a police station in Peshawar, Pakistan on 3 May 2010, killing five policemen. The attackers also attacked a checkpoint nearby. The Pakistani Taliban claimed responsibility for the attack.\n")
	var actors []string
	for _, a := range res.Actors {
		actors = append(actors, a.Name)
		if p := names.Problem(a.Name); p != "" && a.Kind != dossier.KindOther {
			t.Errorf("actor %q is not a name (%s)", a.Name, p)
		}
	}
	if !strings.Contains(strings.Join(actors, "|"), "Taliban") {
		t.Errorf("actors %q: the named group is missing", actors)
	}
}

// TestRelationsNeedABinding: a role binds a person to the organisation its
// words name ("chairman of Iraq's Popular Mobilization Forces", "Russian
// interior minister"); a person and a country in one sentence do not, nor
// a country's adjective before a kind of group, nor a department word.
func TestRelationsNeedABinding(t *testing.T) {
	tests := []struct {
		text     string
		want     []string // subject|predicate|object that must be found
		wantNone []string // that must not
	}{
		{"Five Iraqi nationals were killed alongside Qasem Soleimani, including the deputy chairman of Iraq's Popular Mobilization Forces, Abu Mahdi al-Muhandis.",
			[]string{"Abu Mahdi al-Muhandis|leader_of|Popular Mobilization Forces"}, []string{"Qasem Soleimani|leader_of|Iraq", "Abu Mahdi al-Muhandis|leader_of|Iraq"}},
		{"Jamal Ibrahim was an Iraqi paramilitary leader and former chief of staff of the Popular Mobilization Forces.",
			nil, []string{"Jamal Ibrahim|leader_of|Iraq"}},
		{"According to Russian interior minister Rashid Nurgaliyev, police tried to stop the car.",
			[]string{"Rashid Nurgaliyev|member_of|Russia"}, nil},
		{"Somali Health Minister Qamar Aden Ali and Education Minister Ahmed Abdullahi Waayeel were killed.",
			nil, []string{"Qamar Aden Ali|member_of|Somali Health", "Ahmed Abdullahi Waayeel|member_of|Education"}},
	}
	for _, tc := range tests {
		t.Run(tc.text[:40], func(t *testing.T) {
			got := map[string]bool{}
			for _, r := range extractText(t, "Published: 2020-01-01\n\n"+tc.text+"\n").Relations {
				got[r.Subject+"|"+r.Predicate+"|"+r.Object] = true
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("missing %s; got %v", w, got)
				}
			}
			for _, w := range tc.wantNone {
				if got[w] {
					t.Errorf("unbound relation %s", w)
				}
			}
		})
	}
}

// TestDatelines: the place a report was written from is not the incident's
// place when the text names another; it is a last resort otherwise, with a
// note; the dateline's date is not the incident's date, and a full one dates
// a report without a publication date.
func TestDatelines(t *testing.T) {
	tests := []struct {
		text, place, date, note string
	}{
		{"Published: 2021-03-03\n\nKABUL, March 3 (Reuters) - Gunmen attacked a police checkpoint in Jalalabad on Sunday, killing five officers.",
			"Jalalabad", "2021-02-28", ""},
		{"Published: 2021-03-03\n\nBAGHDAD (AP) — A car bomb exploded near a market on Tuesday, killing 12 people, police said.",
			"Baghdad", "2021-03-02", "dateline"},
		{"Title: T\n\nNAIROBI, Kenya, Jan 15, 2019 (AP) — Militants stormed a hotel complex on Tuesday, killing 14 people.",
			"Nairobi", "2019-01-15", "dateline"},
		{"Published: 2021-03-03\n\nUPDATE: A car bomb exploded in Kirkuk on Tuesday, killing 12 people.",
			"Kirkuk", "2021-03-02", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text[23:45], func(t *testing.T) {
			m := extractText(t, tc.text+"\n").Main()
			if m.Location == nil || m.Location.Place != tc.place {
				t.Fatalf("location %+v, want %s", m.Location, tc.place)
			}
			if m.Date == nil || m.Date.Start != tc.date {
				t.Errorf("date %+v, want %s", m.Date, tc.date)
			}
			note := ""
			for _, e := range m.Evidence {
				if e.Field == "location" && strings.HasPrefix(e.Note, "dateline") {
					note = "dateline"
				}
			}
			if note != tc.note {
				t.Errorf("location note %q, want %q", note, tc.note)
			}
		})
	}
}

// TestHeadlineToll: a report whose prose gives no figure takes its
// headline's; a figure in the prose wins over the headline's.
func TestHeadlineToll(t *testing.T) {
	tests := []struct{ title, text, fatal, injured string }{
		{"Bomb blast in Kandi kills 10, injures 17", "A bomb exploded in a park in Kandi, Turkey, on Monday.", "10-10", "17-17"},
		{"Eight killed in suicide bombing in Algeria", "A suicide bomber struck a police post in Algeria last night.", "8-8", "null"},
		{"Catholic priest murdered during prayer in Turkey", "A gunman opened fire in a church in Trabzon, Turkey, on Sunday.", "1-1", "null"},
		{"Gunmen kill policeman in Northern Ireland", "Gunmen opened fire on a patrol in Craigavon, Northern Ireland.", "1-1", "null"},
		{"Bomb kills 10 in Kandi", "A bomb exploded in Kandi, Turkey, killing 12 people.", "12-12", "null"},
		{"Protesters march in Kandi", "Thousands marched in Kandi, Turkey, on Monday.", "null", "null"},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			m := extractText(t, "Published: 2020-01-01\nTitle: "+tc.title+"\n\n"+tc.text+"\n").Main()
			if got := rangeString(m.Fatalities); got != tc.fatal {
				t.Errorf("fatalities %s, want %s", got, tc.fatal)
			}
			if got := rangeString(m.Injuries); got != tc.injured {
				t.Errorf("injuries %s, want %s", got, tc.injured)
			}
		})
	}
}

// TestBodySpeakers: a body that speaks is named as the text names it; an
// unnamed crowd is no speaker; a country in a prepositional phrase is not
// the subject of "said".
func TestBodySpeakers(t *testing.T) {
	tests := []struct{ text, speaker string }{
		{"According to Burma's government, the military killed nine protesters in Rangoon, Myanmar.", "Burma's government"},
		{"Zimbabwe police claimed that the rally in Harare, Zimbabwe, violated a ban.", "Zimbabwe police"},
		{"Nine people were killed by a car bomb in Fallujah in western Iraq, local officials said.", ""},
		{"Hezbollah has stated that it is not responsible for the blast in Tyre, Lebanon.", "Hezbollah"},
		// a named person's or country's office or service speaks as one body
		{"A bomb exploded at a bus stop in Jerusalem, Israel. Israel's national rescue service have said that 15 people were seriously wounded.", "Israel's national rescue service"},
		{"Riot police dispersed a rally in Yerevan, Armenia. Kocharyan's office said that the state of emergency will last 20 days.", "Kocharyan's office"},
		{"A bomb exploded near the office in Kabul, Afghanistan, the office said.", ""},
		{"A drone struck the residence of Mustafa Al-Kadhimi in Baghdad, Iraq. Later, Kadhimi's office said that the prime minister was unharmed.", "Mustafa Al-Kadhimi"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			res := extractText(t, "Published: 2020-01-01\n\n"+tc.text+"\n")
			var got []string
			for _, s := range res.Statements {
				got = append(got, s.Speaker+":"+s.Stance)
			}
			if tc.speaker == "" {
				if len(got) > 0 {
					t.Errorf("statements %v, want none", got)
				}
				return
			}
			if len(got) == 0 || !strings.HasPrefix(got[0], tc.speaker+":") {
				t.Errorf("statements %v, want %s first", got, tc.speaker)
			}
		})
	}
	// a negated responsibility is a denial
	res := extractText(t, "Published: 2020-01-01\n\nA bomb killed four soldiers in Tyre, Lebanon. Hezbollah has stated that it is not responsible for the blast.\n")
	deny := false
	for _, s := range res.Statements {
		deny = deny || s.Speaker == "Hezbollah" && s.Stance == dossier.StanceDeny
	}
	if !deny {
		t.Errorf("statements %+v: Hezbollah's denial missing", res.Statements)
	}
}

// TestReferencePoint: "southeast of X" and "N km from X" place the act
// away from X; a town the text names wins.
func TestReferencePoint(t *testing.T) {
	res := extractText(t, "Published: 2020-01-01\n\nThree soldiers were killed in an attack southeast of the capital, Sanaa. Armed men attacked a checkpoint at the entrance to the city of Ataq, Yemen.\n")
	if loc := res.Main().Location; loc == nil || loc.Place != "Ataq" {
		t.Errorf("location %+v, want Ataq", loc)
	}
}

// TestLeadCoarserDate: an article's lead that dates its incident less
// precisely than a later paragraph ("In November 2014, ...", then "On 3
// November 2014, ...") tells the same incident, with its figures.
func TestLeadCoarserDate(t *testing.T) {
	res := extractText(t, "= 2014 Potiskum bombings =\n\nIn November 2014, two separate attacks took place in Potiskum, Nigeria. Both attacks involved suicide bombers, killing at least 61 people.\n\nOn 3 November 2014, a suicide bomber killed at least 15 people in an attack on a procession in Potiskum.\n")
	m := res.Main()
	if got := rangeString(m.Fatalities); got != "61+" {
		t.Errorf("fatalities %s, want 61+ (the lead's)", got)
	}
	for _, in := range res.Incidents {
		if !in.Main && in.Kind != "mention" {
			t.Errorf("the lead made another incident: %q %+v", in.Title, in.Date)
		}
	}
}

// TestHeadlineTotal: a headline's toll above the range the prose gives
// is the report's total; one the prose's range allows, or an approximate
// one, leaves the prose's figure.
func TestHeadlineTotal(t *testing.T) {
	tests := []struct {
		title, body, fatal string
	}{
		{"Bomb attacks in Algiers kill 23 people", "Two bombs exploded in Algiers, Algeria. The first hit the Government Palace, killing twelve people.", "23-23"},
		{"Militants kill 22 villagers in Kashmir", "Militants shot dead over 20 villagers in Doda, India, on Monday.", "21+"},
		{"Bomb blasts in Iraq kill nearly 200", "Bombs exploded in Baghdad, Iraq, killing 190 people.", "190-190"},
		{"Bomb kills 10 in Kabul", "A bomb exploded in Kabul, Afghanistan, killing 12 people.", "12-12"},
		{"Attacks in Algiers kill 23 people and wound 162", "Two bombs exploded in Algiers, Algeria. The first hit the Government Palace, killing twelve people and wounding 118.", "23-23"},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			m := extractText(t, "Published: 2020-01-01\nTitle: "+tc.title+"\n\n"+tc.body+"\n").Main()
			if got := rangeString(m.Fatalities); got != tc.fatal {
				t.Errorf("fatalities %s, want %s", got, tc.fatal)
			}
		})
	}
}

// TestContestedAlias: an alias two dictionary entries share belongs to the
// one the dictionary gives it; an actor named first does not take it.
func TestContestedAlias(t *testing.T) {
	res := extractText(t, "Published: 2006-04-18\n\nA suicide bomber blew himself up at a restaurant in Tel Aviv, Israel, killing nine people. Hezbollah and Hamas denied involvement, but Islamic Jihad later claimed responsibility.\n")
	var got []string
	for _, a := range res.Actors {
		got = append(got, a.Name)
	}
	s := strings.Join(got, "|")
	if !strings.Contains(s, "Islamic Jihad") || !strings.Contains(s, "Hezbollah") {
		t.Fatalf("actors %v, want Hezbollah and Islamic Jihad apart", got)
	}
}

// TestStatementLists: every group of a list takes the stance of its verb,
// one group may take two stances in one sentence, and "according to X"
// before another group's verb makes that group the speaker.
func TestStatementLists(t *testing.T) {
	res := extractText(t, "Published: 2006-04-18\n\nA suicide bomber blew himself up at a nightclub in Tel Aviv, Israel, killing five people. "+
		"At first the militant groups Hezbollah, al-Aqsa Martyrs' Brigades, Islamic Jihad and Hamas all denied involvement, but according to the BBC the Islamic Jihad later claimed responsibility for the blast.\n")
	got := map[string]bool{}
	for _, s := range res.Statements {
		got[s.Speaker+":"+s.Stance] = true
	}
	for _, want := range []string{"Hezbollah:deny", "al-Aqsa Martyrs' Brigades:deny", "Islamic Jihad:deny", "Hamas:deny", "Islamic Jihad:support"} {
		if !got[want] {
			t.Errorf("missing %s; got %v", want, got)
		}
	}
	for s := range got {
		if strings.HasPrefix(s, "BBC:") {
			t.Errorf("the BBC reports the claim, it takes no stance: %s", s)
		}
	}
}

// TestNoSpeaker: a document or an unnamed report says something; nobody
// named speaks.
func TestNoSpeaker(t *testing.T) {
	for _, s := range []string{
		"Kenji Nagai, 50, a Japanese video journalist shot dead in Yangon, Myanmar, on Thursday, is alleged to have been shot intentionally, a report says.",
		"A suicide bomber named Abu-Halil blew himself up near a mall in Netanya, Israel, after approaching four tourists, according to some of the reports.",
		// a speech word after a preposition is a noun; a message speaks
		// for whoever wrote it, when its phrase names nobody, nobody
		"Turkish soldiers were killed in Hakkari, Turkey. Turkey has been building up troops along its border with Iraq with reports suggesting as many as 60,000 are stationed there.",
		"A bomb killed ten people in a park in Diyarbakir, Turkey. The group threatened Turkey last week in a message on its website saying that it would turn the country into hell.",
		// an unnamed official, after a place in a country's possessive
		"Gunmen attacked a police checkpoint in Egypt's Sinai Peninsula on Sunday, killing two officers and wounding another, a security official told reporters.",
		"Gunmen ambushed a convoy near Tikrit, Iraq, on Sunday, killing two soldiers, a senior police officer told reporters.",
	} {
		res := extractText(t, "Published: 2007-09-28\n\n"+s+"\n")
		for _, st := range res.Statements {
			t.Errorf("%q: statement by %s (%s)", s, st.Speaker, st.Stance)
		}
	}
}

// TestCountryOfPlace: a country named where something is ("of Sri Lanka",
// ", Yemen", a title's "South Thailand") says which place of a shared name
// the text means.
func TestCountryOfPlace(t *testing.T) {
	tests := []struct{ doc, country string }{
		{"= 1987 Eastern Province massacres =\n\nThe 1987 Eastern Province massacres were a series of massacres of the Sinhalese population in the Eastern Province of Sri Lanka by Tamil mobs. Over 200 Sinhalese were killed, and over 20,000 fled the Eastern Province.\n", "Sri Lanka"},
		{"= Hajjah Governorate airstrike =\n\nOn 22 April 2018, an airstrike by the Saudi Arabian-led coalition hit a wedding in the Bani Qa'is District of Hajjah Governorate, Yemen.\n", "Yemen"},
		{"= 2007 South Thailand bombings =\n\nThe 2007 South Thailand bombings were a series of bombings that hit Narathiwat, Pattani, Songkhla and Yala during the Chinese New Year celebrations on 18 and 19 February.\n", "Thailand"},
	}
	for _, tc := range tests {
		m := extractText(t, tc.doc).Main()
		if m.Location == nil || m.Location.Country != tc.country {
			t.Errorf("%.60q: location %+v, want in %s", tc.doc, m.Location, tc.country)
		}
	}
}

// TestNamedVictimTarget: a person killed is the target, named rather than
// by the role before the name.
func TestNamedVictimTarget(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"Published: 2006-02-06\n\nCatholic priest Andrea Santore, 61, who was based at the Santa Maria Church was shot dead during prayer in Trabzon, Turkey, on Sunday.\n", "Andrea Santore"},
		{"Published: 2005-12-13\n\nIn Beirut, Lebanon, the death of anti-Syrian MP and journalist Gebran Tueni in a car bombing has been marked by protests.\n", "Gebran Tueni"},
	}
	for _, tc := range tests {
		m := extractText(t, tc.doc).Main()
		if !slices.Contains(m.Targets, tc.want) {
			t.Errorf("%.50q: targets %v, want %s", tc.doc, m.Targets, tc.want)
		}
	}
}

// TestAttackersNoTarget: the attackers a report says were shot dead are
// no target of their act.
func TestAttackersNoTarget(t *testing.T) {
	m := extractText(t, "Published: 2017-02-06\n\nUnidentified gunmen on Monday opened fire and killed at least three police officers in Kandi, Turkey.\n\n"+
		"The Interior Ministry said the shooting began at about 14:20 local time, adding that two assailants were shot dead at the scene.\n").Main()
	for _, tg := range m.Targets {
		if strings.Contains(tg, "assailants") {
			t.Errorf("targets %v: the assailants are no target", m.Targets)
		}
	}
}

// TestClaimByUnknownGroup: after a claim, a one-word name no list knows is
// the group that claims.
func TestClaimByUnknownGroup(t *testing.T) {
	m := extractText(t, "Published: 2010-07-16\n\nTwo suicide bombers attacked a mosque in Zahedan, Iran, on Thursday, killing 27 people. Responsibility for the attacks was claimed by Kataibat in revenge for the execution of its leader.\n").Main()
	if !slices.Contains(m.Perpetrators, "Kataibat") {
		t.Fatalf("perpetrators %v, want Kataibat", m.Perpetrators)
	}
}

// TestPlaceShapes: places the gazetteer may not know, which the writing
// places: a division by its name and kind, a hyphenated village, a place
// north of a town, a site of a city its sentence's country holds, and the
// place an article is named after among the villages it lists.
func TestPlaceShapes(t *testing.T) {
	tests := []struct{ doc, place, country string }{
		{"= 2017 Bajaur bombing =\n\nOn 11 August 2017, an improvised explosive device exploded near a passing truck in Bajaur Agency, FATA, Pakistan, killing three people.\n", "Bajaur", "Pakistan"}, // the division without its word (bareDivision)
		{"= 2021 Adab-Dab attack =\n\nOn 2 January 2021, jihadists attacked the village of Adab-Dab, Tillabéri Region, Niger, killing 30 people.\n", "Adab-Dab", "Niger"},
		{"= 2016 Aguelhok ambush =\n\nOn May 18, 2016, militants from Ansar Dine ambushed Chadian forces north of Aguelhok, Mali, killing five soldiers.\n", "Aguelhok", "Mali"},
		{"= 2018 Timbuktu attack =\n\nOn 14 April 2018, militants attacked the base of the United Nations mission in Mali in Timbuktu Airport, killing a peacekeeper.\n", "Timbuktu", "Mali"},
		{"= Singou massacre =\n\nOn 25 May 2022, jihadists attacked civilians fleeing the towns of Madjoari and Tabarga, Kompienga Province, Burkina Faso. The jihadists intercepted the refugees near the town of Singou and killed 50 men.\n", "Singou", "Burkina Faso"},
		// an apposition says the name is a settlement; the place after it is its region
		{"= Kwanar Dutse massacre =\n\nOn 3 June 2021, gunmen attacked Kwanar Dutse, a village in Zamfara State, Nigeria, killing 20 people.\n", "Kwanar Dutse", "Nigeria"},
		{"= Plaine Savo massacre =\n\nOn 2 February 2022, 60 civilians were killed in Ituri Province, Democratic Republic of the Congo. " +
			"CODECO insurgents attacked Plaine Savo, a camp for internally displaced people in the northeast of the country.\n", "Plaine Savo", "Democratic Republic of the Congo"},
	}
	for _, tc := range tests {
		m := extractText(t, "Source: https://en.wikipedia.org/wiki/Case\n"+tc.doc).Main()
		if m.Location == nil || m.Location.Place != tc.place || m.Location.Country != tc.country {
			t.Errorf("%.40q: location %+v, want %s, %s", tc.doc, m.Location, tc.place, tc.country)
		}
	}
}

// TestHeadlineLocus: the country a headline puts the act in outweighs the
// others the report names, in the document's country the places are
// resolved by.
func TestHeadlineLocus(t *testing.T) {
	doc := "Published: 2007-09-28\nTitle: Japanese journalist shot and killed in Myanmar\n\n" +
		"Kenji Nagai, a Japanese video journalist, was shot dead on Thursday. The Japanese government demanded an investigation, and Japanese media said Japan would send an envoy. Protests continued across the country.\n"
	d, _, err := extractor(t).extract(mustParse(t, doc))
	if err != nil {
		t.Fatal(err)
	}
	if d.mainCtry != "Myanmar" {
		t.Fatalf("document's country %q, want Myanmar", d.mainCtry)
	}
}

func mustParse(t *testing.T, s string) *dossier.Document {
	t.Helper()
	doc, err := reader.Parse("case.txt", []byte(s), reader.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestToldWhom: after "told" stands whom the speaker told, not the
// speaker; a condolence is sympathy.
func TestToldWhom(t *testing.T) {
	res := extractText(t, "Published: 2010-01-20\n\nRioters killed five people in Jos, Nigeria, on Tuesday. \"We now have the chief with us and he is helping our investigation,\" a Plateau police spokesman, Mohamad Lerama, told AFP. President Goodluck Jonathan condoled the families of the dead.\n")
	got := map[string]bool{}
	for _, s := range res.Statements {
		got[s.Speaker+":"+s.Stance] = true
	}
	if !got["Mohamad Lerama:other"] || !got["Goodluck Jonathan:sympathize"] {
		t.Errorf("statements %v, want Mohamad Lerama:other and Goodluck Jonathan:sympathize", got)
	}
	for s := range got {
		if strings.HasPrefix(s, "Agence France-Presse") || strings.HasPrefix(s, "AFP") {
			t.Errorf("AFP was told, it did not speak: %s", s)
		}
	}
}

// TestImpliedWeapon: an explosion tells of an explosive when the device
// is not named.
func TestImpliedWeapon(t *testing.T) {
	m := extractText(t, "Source: https://en.wikipedia.org/wiki/Case\n= 2012 Dera Ismail Khan bombing =\n\nOn 24 November 2012, an explosion took place in Dera Ismail Khan, Pakistan, among a crowd of mourners, killing seven people.\n").Main()
	if !slices.Contains(m.Weapons, "explosive") {
		t.Fatalf("weapons %v, want an explosive", m.Weapons)
	}
}

// TestFestivalOrName: "Eid" names a festival ("Eid al-Fitr") or a person
// ("Eid al-Fayez").
func TestFestivalOrName(t *testing.T) {
	res := extractText(t, "Published: 2006-09-04\n\nA gunman opened fire on tourists in Amman, Jordan, during Eid al-Fitr, killing one. Interior Minister Eid al-Fayez said a man was arrested.\n")
	var got []string
	for _, a := range res.Actors {
		got = append(got, a.Name)
	}
	if !slices.Contains(got, "Eid al-Fayez") || slices.ContainsFunc(got, func(n string) bool { return strings.Contains(n, "Fitr") }) {
		t.Fatalf("actors %v, want Eid al-Fayez and no festival", got)
	}
}

// TestSpeakerInApposition: "NAME, a spokesman for ORG, said" is NAME's
// statement; "a spokesman for ORG said" is ORG's.
func TestSpeakerInApposition(t *testing.T) {
	tests := []struct{ text, speaker string }{
		{"Micky Rosenfeld, a foreign press spokesman for the Israel Police, said a device in a bag exploded at a bus stop in Jerusalem, Israel.", "Micky Rosenfeld"},
		{"A spokesman for the Israel Police said a device in a bag exploded at a bus stop in Jerusalem, Israel.", "Israel Police"},
	}
	for _, tc := range tests {
		res := extractText(t, "Published: 2011-03-23\n\n"+tc.text+"\n")
		if len(res.Statements) == 0 || res.Statements[0].Speaker != tc.speaker {
			t.Errorf("%q: statements %+v, want %s's", tc.text, res.Statements, tc.speaker)
		}
	}
}

// TestYardstickAndNaming: "the first since 2004" and "the first since
// attacks were halted in 2004" date no incident; what a later sentence
// calls the incident ("CNN called it a terror attack") is no incident of
// its own, and what is said on a later day is a statement about it.
func TestYardstickAndNaming(t *testing.T) {
	for _, since := range []string{"the first since 2004", "the first since attacks were halted in 2004"} {
		res := extractText(t, "Published: 2011-03-23\n\nA bomb wounded 30 people at a bus stop in Jerusalem, Israel, on Wednesday. "+
			"The Associated Press said it appeared to be a militant attack, "+since+". A day later, CNN called it a terror attack.\n")
		if len(res.Incidents) != 1 {
			t.Errorf("%q: %d incidents, want the main one alone", since, len(res.Incidents))
		}
		got := map[string]bool{}
		for _, s := range res.Statements {
			got[s.Speaker] = true
		}
		if !got["Associated Press"] || !got["CNN"] {
			t.Errorf("%q: statements by %v, want the Associated Press and CNN", since, got)
		}
	}
}

// TestQuotationOverSentences: a quotation of several sentences says the
// stance of the speaker its last one names.
func TestQuotationOverSentences(t *testing.T) {
	res := extractText(t, "Published: 2007-08-15\n\nSeveral car bombs killed 190 people in Baghdad, Iraq.\n\n"+
		"“This monstrous attack did not distinguish between the old and young. It targeted the population,” Nouri al-Maliki told reporters.\n")
	got := map[string]bool{}
	for _, s := range res.Statements {
		got[s.Speaker+":"+s.Stance] = true
	}
	if !got["Nouri al-Maliki:condemn"] {
		t.Errorf("statements %v, want Nouri al-Maliki:condemn", got)
	}
}

// TestReportedClaim: an outlet that reports a group's claim takes no
// stance, and an extraction without actors lists none (an empty list,
// not null).
func TestReportedClaim(t *testing.T) {
	res := extractText(t, "Published: 2008-08-19\n\nA suicide bomber killed eight people in Zemmouri, Algeria. Press TV stated that Al-Qaeda's wing in North Africa claimed responsibility.\n")
	for _, s := range res.Statements {
		if s.Speaker == "Press TV" && s.Stance != dossier.StanceOther {
			t.Errorf("Press TV: %s, want other", s.Stance)
		}
	}
	res = extractText(t, "Published: 2008-08-19\n\nA suicide bomber killed eight people in Zemmouri, Algeria.\n")
	if res.Actors == nil {
		t.Errorf("actors: nil, want an empty list")
	}
}

// TestClaimSaidToHave: a group "said to have claimed" the attack claimed
// it, and its claim is its own, not that of the leader an aside names.
func TestClaimSaidToHave(t *testing.T) {
	res := extractText(t, "Published: 2005-11-10\n\nThree bombs exploded at hotels in Amman, Jordan, on Wednesday, killing 57 people. "+
		"Al-Qaeda, led by militant Abu Musab al-Zarqawi, is said to have claimed responsibility for the attacks on their website.\n")
	if got := res.Main().Perpetrators; len(got) != 1 || got[0] != "Al-Qaeda" {
		t.Errorf("perpetrators %v, want Al-Qaeda", got)
	}
	for _, s := range res.Statements {
		if s.Speaker != "Al-Qaeda" {
			t.Errorf("statement of %s:%s, want Al-Qaeda's only", s.Speaker, s.Stance)
		}
	}
}

// TestOwnActClaims: a group that says it carried out the act claims it;
// who planted a bomb carried it out.
func TestOwnActClaims(t *testing.T) {
	lead := "Source: https://en.wikipedia.org/wiki/Rheindahlen_bombing\n\nA car bomb exploded at a barracks in Rheindahlen, West Germany, on 23 March 1987, injuring 31 people.\n"
	for _, c := range []struct{ sentence, want string }{
		{"The Provisional IRA later stated it had carried out the bombing.", "Provisional IRA"},
		{"The bomb was planted by the Provisional IRA.", "Provisional IRA"},
		{"The Kangleipak Communist Party said it carried out the attack.", "Kangleipak Communist Party"},
	} {
		m := extractText(t, lead+c.sentence+"\n").Main()
		if m == nil || !slices.Contains(m.Perpetrators, c.want) {
			t.Errorf("%q: perpetrators %v, want %s", c.sentence, m.Perpetrators, c.want)
		}
	}
}

// TestWhoseNotWhere: a country that qualifies people ("two U.S.
// soldiers") or a place a body is based in ("the Tokyo-based Yomiuri
// Shimbun") does not place the incident.
func TestWhoseNotWhere(t *testing.T) {
	tests := []struct{ doc, country string }{
		{"Title: Massive suicide car bomb in Kabul kills 18, including two U.S. soldiers\nPublished: 2006-09-08\n\nA suicide car bomb killed 16 civilians and two soldiers near the embassy.\n", "Afghanistan"},
		{"Title: Journalist shot dead in Myanmar\nPublished: 2007-09-28\n\nA video journalist was shot dead in Myanmar on Thursday. The Tokyo-based Yomiuri Shimbun reports the testimonies of witnesses.\n", "Myanmar"},
	}
	for _, tc := range tests {
		res := extractText(t, tc.doc)
		if loc := res.Main().Location; loc == nil || loc.Country != tc.country {
			t.Errorf("%.40q: location %+v, want %s", tc.doc, loc, tc.country)
		}
	}
}

// TestSinceNamedIncident: a "since" that names an incident with its date
// ("the deadliest attack since the Chabahar suicide bombing in December
// 2010") refers to that incident.
func TestSinceNamedIncident(t *testing.T) {
	res := extractText(t, "Title: Ahvaz military parade attack\n\nOn 22 September 2018, gunmen attacked a military parade in Ahvaz, Iran, killing 25 people. "+
		"It was the deadliest terrorist attack in Iran since the Chabahar suicide bombing in December 2010.\n")
	found := false
	for _, in := range res.Incidents {
		found = found || !in.Main && in.Date != nil && in.Date.Start == "2010-12"
	}
	if !found {
		t.Errorf("incidents %+v: the Chabahar bombing of December 2010 missing", res.Incidents)
	}
}

// TestAttackOnSecurityForces: an attack with guns (or no weapon named)
// on soldiers or police is a battle in ACLED's terms; on people counted as
// victims it is violence against civilians; with a bomb, an explosion.
func TestAttackOnSecurityForces(t *testing.T) {
	tests := []struct{ text, typ string }{
		{"A police officer has been killed in County Armagh, Northern Ireland, by gunmen who attacked his patrol.", "Battles"},
		{"Three soldiers were killed when unknown armed people attacked a checkpoint at the entrance to the city of Ataq, Yemen.", "Battles"},
		{"Gunmen attacked a market in Kandi, Nigeria, and killed 12 people.", "Violence against civilians"},
		{"A roadside bomb killed three soldiers in Kandahar, Afghanistan.", "Explosions/Remote violence"},
	}
	for _, tc := range tests {
		res := extractText(t, "Published: 2010-01-12\n\n"+tc.text+"\n")
		if got := res.Main().Type; got != tc.typ {
			t.Errorf("%q: type %q, want %q", tc.text, got, tc.typ)
		}
	}
}

// TestTitleWeapons: a headline says how when the prose does not.
func TestTitleWeapons(t *testing.T) {
	res := extractText(t, "Title: Spanish councillor shot and killed in the Basque Country\nPublished: 2008-03-07\n\n"+
		"A politician from Spain's ruling Socialist Party has been killed in the town of Mondragon, Spain.\n")
	m := res.Main()
	if !slices.Contains(m.Weapons, "firearm") {
		t.Errorf("weapons %v, want firearm", m.Weapons)
	}
	for _, e := range m.Evidence {
		if e.Field == "weapons" && !strings.Contains(e.Text, "shot and killed") {
			t.Errorf("weapons evidence %q, want the title", e.Text)
		}
	}
}

// TestSubjectNotInPlace: a place after "in" is not the subject of the
// verb after it; a group's branch named by its place is.
func TestSubjectNotInPlace(t *testing.T) {
	res := extractText(t, "Published: 2010-04-23\n\nMultiple car bombs in Iraq's capital of Baghdad have killed at least 58 people.\n")
	if m := res.Main(); len(m.Perpetrators) > 0 {
		t.Errorf("perpetrators %v, want none", m.Perpetrators)
	}
	res = extractText(t, "Published: 2008-08-19\n\nA suicide bomber killed eight people in Zemmouri, Algeria. Al-Qaeda's wing in North Africa claimed responsibility.\n")
	if m := res.Main(); !slices.Contains(m.Perpetrators, "Al-Qaeda's wing in North Africa") {
		t.Errorf("perpetrators %v, want Al-Qaeda's wing in North Africa", m.Perpetrators)
	}
}

// TestStateBeforeAttackNoun: a country's adjective before an attack noun
// names who carried it out, its name only for a strike from afar; a
// country at the end of a place is no agent of the participle after it.
func TestStateBeforeAttackNoun(t *testing.T) {
	for _, tc := range []struct{ text, perp string }{
		{"An American drone strike killed six militants near Mir Ali, Pakistan, on 3 March 2010.", "United States"},
		{"A US drone strike killed six militants near Mir Ali, Pakistan, on 3 March 2010.", "United States"},
		{"The 10 May 2010 Iraq attacks were a series of bomb attacks that killed 119 people in Iraq.", ""},
		{"On 16 February 2008 a suicide bomber in Parachinar, Pakistan killed 70 people and injured 110.", ""},
		{"On 9 August 2008 a suicide bomber drove a vehicle into the barracks in the town of Zemmouri, Boumerdès Province, Algeria killing 8.", ""},
	} {
		t.Run(tc.text, func(t *testing.T) {
			m := extractText(t, tc.text+"\n").Main()
			if m == nil {
				t.Fatal("no main incident")
			}
			got := strings.Join(append(append([]string{}, m.Perpetrators...), m.Accused...), "|")
			if got != tc.perp {
				t.Errorf("perpetrators and accused %q, want %q", got, tc.perp)
			}
		})
	}
}

// TestInfoboxPerpetratorsWin: when the infobox names the perpetrators, the
// prose adds no other perpetrator or accused (its accusations stay in the
// claims, the ledger), and a prose sentence naming the box's perpetrator
// still supports it.
func TestInfoboxPerpetratorsWin(t *testing.T) {
	text := "= Kola Tembien massacre =\n\nInfobox\n- Location: Kola Tembien, Tigray, Ethiopia\n- Date: 10 February 2021\n- Perpetrators: Ethiopian National Defence Force , Eritrean Defence Forces\n- Deaths: 40\n\n" +
		"The Ethiopian National Defense Force (ENDF) and Eritrean Defence Forces (EDF) killed dozens of civilians in a killing spree across villages in Kola Tembien. Massacres were committed by Ethiopian and Eritrean soldiers in the Tigray war. Ethiopia blamed the Tigray People's Liberation Front for the killings.\n"
	x := extractText(t, text)
	m := x.Main()
	if m == nil {
		t.Fatal("no main incident")
	}
	if got := strings.Join(m.Perpetrators, "|"); got != "Ethiopian National Defence Force|Eritrean Defence Forces" {
		t.Errorf("perpetrators %q, want the infobox's alone", got)
	}
	if len(m.Accused) != 0 {
		t.Errorf("accused %q, want none beside the infobox's perpetrators", m.Accused)
	}
	// the accusation stays in the ledger: who blamed whom
	ledger := false
	for _, c := range x.Claims {
		ledger = ledger || c.Claimant == "Ethiopia" && c.About == "Tigray People's Liberation Front" && c.Claim == dossier.ClaimResponsible
	}
	if !ledger {
		t.Errorf("claims %+v: the prose's accusation is lost", x.Claims)
	}
	prose := false
	for _, e := range m.Evidence {
		prose = prose || e.Field == "perpetrators" && e.Method == dossier.MethodProse && strings.Contains(e.Text, "Eritrean Defence Forces (EDF) killed")
	}
	if !prose {
		t.Error("the prose's sentence no longer supports the infobox's perpetrators")
	}
}

// TestInfoboxTargetsWin: when the infobox names the targets, the prose
// adds no other.
func TestInfoboxTargetsWin(t *testing.T) {
	text := "= Market bombing =\n\nInfobox\n- Location: Kirkuk, Iraq\n- Date: 2 June 2015\n- Target: Shia civilians\n- Deaths: 20\n\n" +
		"On 2 June 2015 a car bomb exploded at a market in Kirkuk, killing 20 people. The attack targeted the Iraqi army.\n"
	m := extractText(t, text).Main()
	if m == nil {
		t.Fatal("no main incident")
	}
	if got := strings.Join(m.Targets, "|"); got != "Shia civilians" {
		t.Errorf("targets %q, want the infobox's alone", got)
	}
}

// TestBattleBoxPerpetrators: without a Perpetrator field, a battle box's
// side that is not a state's forces carried out the attack; when both
// sides are armed groups, the first; a box with one side says nothing.
func TestBattleBoxPerpetrators(t *testing.T) {
	for _, tc := range []struct{ box, want string }{
		{"- Combatant1: Mali, France\n- Combatant2: MOJWA\n", "MOJWA"},
		{"- Combatant1: Provisional IRA\n- Combatant2: British Army (SAS)\n", "Provisional IRA"},
		{"- Combatant1: Ansarul Islam\n- Combatant2: Islamic State in the Greater Sahara\n", "Ansarul Islam"},
		{"- Combatant2: Islamic State\n", ""},
	} {
		text := "= Attack on the base =\n\nInfobox\n- Location: Gao, Mali\n- Date: 10 February 2013\n" + tc.box + "\nOn 10 February 2013 fighting broke out in Gao.\n"
		m := extractText(t, text).Main()
		if m == nil {
			t.Fatal("no main incident")
		}
		if got := strings.Join(m.Perpetrators, "|"); got != tc.want {
			t.Errorf("%q: perpetrators %q, want %q", tc.box, got, tc.want)
		}
	}
}

// TestNewsDateShapes: years back are another event's; past the lead, only
// a sentence that says when the act took place dates it; a headline names
// a place the gazetteer does not hold when it writes its country after it.
func TestNewsDateShapes(t *testing.T) {
	tests := []struct {
		name, text, date, place string
	}{
		{"years ago is another event",
			"Published: 2012-05-16\nTitle: Troops raid prison in Kandi\n\nTroops have raided a prison in Kandi, Turkey, to seize a man accused of a bombing three years ago.\n",
			"2012-05-16", "Kandi"},
		{"last year is another event",
			"Published: 2012-05-16\nTitle: Troops raid prison in Kandi\n\nTroops have raided a prison in Kandi, Turkey, where a riot broke out last year.\n",
			"2012-05-16", "Kandi"},
		{"the act took place on a weekday told later",
			"Published: 2012-05-16\nTitle: Rebels kill nine soldiers\n\nRebels have killed nine soldiers in an ambush in Kandi, Turkey, the minister said.\n\nThe army said the patrol had left its base at dawn.\n\n\"The ambush took place Saturday, in the hills,\" the minister said.\n",
			"2012-05-12", "Kandi"},
		{"a later weekday without such a verb does not",
			"Published: 2012-05-16\nTitle: Rebels kill nine soldiers\n\nRebels have killed nine soldiers in an ambush in Kandi, Turkey, the minister said.\n\nThe army said the patrol had left its base at dawn.\n\nThe rebels have fought the army for a decade.\n\nThe region is poor.\n\nThe minister met the victims' families on Saturday.\n\nThe minister will visit the region on Saturday.\n",
			"2012-05-16", "Kandi"},
		{"the day an agency reported is not the act's, a later sentence's is",
			"Published: 2012-05-18\nTitle: Attack\n\nKANDI, Turkey (AP) \u2014 Three assailants attacked staff at a party office in Kandi, killing two, an official news agency reported Thursday.\n\n" +
				"The incident Wednesday afternoon was the first such publicly reported fatal attack in months.\n",
			"2012-05-16", "Kandi"},
		{"a dateline's day, the day before the paper's, is the day of today",
			"Published: 2012-05-16\nTitle: Troops die in attack on camp\n\nKANDI, May 15 \u2014 Militants today stormed an army camp in Kandi, Turkey, and killed six soldiers.\n",
			"2012-05-15", "Kandi"},
		{"a weekday in the week the lead says",
			"Published: 2012-05-15\nTitle: Seven killed\n\nSeven people were killed last week when armed men attacked a village in Kandi, Turkey, a group said on Tuesday.\n\n" +
				"The group accused militias of attacking the village on Thursday.\n",
			"2012-05-10", "Kandi"},
		{"overnight from one day to the next, the first",
			"Published: 2012-05-15\nTitle: Twelve killed\n\nAt least 12 civilians died in an attack in Kandi, Turkey, locals told reporters on Sunday.\n\n" +
				"\"Dozens of men on motorbikes attacked the village of Dagamaru\" in the eastern province overnight Thursday and Friday, a resident told reporters.\n",
			"2012-05-10", "Dagamaru"},
		{"headline names an unknown place with its country",
			"Published: 2012-05-16\nTitle: Forty dead after air raid in Zuzuland, Sudan\n\nMonitors in the region say an air attack has killed around 40 people in Sudan.\n",
			"2012-05-16", "Zuzuland"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := extractText(t, tc.text).Main()
			if m == nil {
				t.Fatal("no main incident")
			}
			if m.Date == nil || m.Date.Start != tc.date {
				t.Errorf("date %+v, want %s", m.Date, tc.date)
			}
			if m.Location == nil || m.Location.Place != tc.place {
				t.Errorf("place %+v, want %s", m.Location, tc.place)
			}
		})
	}
}

// TestBareDivision: a division's name without its division word, unless
// what is left is too short or generic to name it.
func TestBareDivision(t *testing.T) {
	for in, want := range map[string]string{
		"Zamfara State": "Zamfara", "Mopti Region": "Mopti", "Wilaya of Relizane": "Relizane", "Niono Cercle": "Niono",
		"Bam Province": "Bam Province", "Northern Region": "Northern Region", "Federal District": "Federal District",
		"Green Zone": "Green Zone", "Northern Territory": "Northern Territory", "Kandahar": "Kandahar", "Sadr City": "Sadr City",
	} {
		if got := bareDivision(in); got != want {
			t.Errorf("bareDivision(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCrowdRiots: clashes of crowds and fires a crowd sets are riots, not
// battles or protests, and the crowd is the perpetrator when no one else
// is named; an armed group keeps a clash a battle.
func TestCrowdRiots(t *testing.T) {
	tests := []struct {
		name, text, typ, perps string
	}{
		{"protesters and police clash",
			"Title: Two dead in clashes in Kandi\n\nTwo people were killed in clashes between demonstrators and police in Kandi, Turkey, on Monday.\n",
			"Riots", "demonstrators"},
		{"students clash",
			"Title: Students clash at university\n\nRival students clashed at a university in Kandi, Turkey, on Monday, leaving three dead.\n",
			"Riots", "students"},
		{"a crowd sets an embassy alight",
			"Title: Embassy burned in Kandi\n\nAn embassy in Kandi, Turkey, was set alight by protesters on Monday. Police fired tear gas at the protest.\n",
			"Riots", "protesters"},
		{"militants clash with troops",
			"Title: Twelve dead in clashes in Kandi\n\nTwelve people were killed in clashes between militants and troops in Kandi, Turkey, on Monday.\n",
			"Battles", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := extractText(t, tc.text).Main()
			if m == nil {
				t.Fatal("no main incident")
			}
			if m.Type != tc.typ {
				t.Errorf("type %q (%s), want %q", m.Type, m.SubType, tc.typ)
			}
			if got := strings.Join(m.Perpetrators, "; "); got != tc.perps {
				t.Errorf("perpetrators %q, want %q", got, tc.perps)
			}
		})
	}
}

// placeCase is a text and the place and country its main incident should
// have.
type placeCase struct{ name, text, place, country string }

// checkPlaces extracts each case's text (after prefix) and checks the main
// incident's place and country.
func checkPlaces(t *testing.T, prefix string, tests []placeCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := extractText(t, prefix+tc.text)
			for _, a := range x.Actors {
				if a.Kind == "person" && strings.Contains(tc.text, " "+a.Name+" ") && !strings.Contains(a.Name, " ") {
					t.Errorf("a word of a place's name is a person: %q", a.Name)
				}
			}
			m := x.Main()
			if m == nil || m.Location == nil {
				t.Fatal("no location")
			}
			if m.Location.Place != tc.place || m.Location.Country != tc.country {
				t.Errorf("place %q, %q; want %q, %q", m.Location.Place, m.Location.Country, tc.place, tc.country)
			}
		})
	}
}

// TestPlaceWrittenInCountry: a name the gazetteer holds abroad, which the
// text puts in another country, is a place of that country; a city's
// suburb named after it is the place; hyphenated names keep their
// particles.
func TestPlaceWrittenInCountry(t *testing.T) {
	tests := []placeCase{
		{"a name known abroad, put in another country",
			"Title: Air strike kills 20\n\nAn air strike destroyed a building in the village of Qana in southern Lebanon, killing 20 people.\n",
			"Qana", "Lebanon"},
		{"a suburb after its city",
			"Title: Riots near Paris\n\nPolice officers were injured in running battles with youths in Paris suburb, Villiers-le-Bel, on Monday.\n",
			"Villiers-le-Bel", "France"},
		{"a hyphenated name whose last word is a title",
			"Title: Massacre in Haiti\n\nAt least 71 civilians were killed in a massacre in the La Saline slums of Port-au-Prince, Haiti, on Tuesday.\n",
			"Port-au-Prince", "Haiti"},
		{"a town whose name opens with a title",
			"Title: Bomb at a mall\n\nA bomb exploded at a shopping mall in General Santos, Philippines, on Sunday, killing 15 people.\n",
			"General Santos", "Philippines"},
		{"a site named after a title",
			"Title: Bomb at a hotel\n\nA bomb exploded near the President Hotel in Colombo, Sri Lanka, on Sunday, killing 10 people.\n",
			"Colombo", "Sri Lanka"},
		{"a suburb of a city",
			"Title: Riots near Paris\n\nPolice officers were injured in running battles with youths in the Paris suburb of Clichy-sous-Bois on Monday.\n",
			"Clichy-sous-Bois", "France"},
		// the country as the last words of a longer name, not a word inside one
		{"a country ending a division's name",
			"Title: Massacre\n\nFighters killed 600 civilians in Kobo district and Kobo town in North Wollo Zone of the Amhara Region of Ethiopia on 9 September 2021.\n",
			"Kobo", "Ethiopia"},
		{"a part of a country named by its bearing",
			"Title: Battle\n\nThe battle was fought between militias over the district of Wabho, located in Central Somalia, and 123 people were killed.\n",
			"Wabho", "Somalia"},
		// an article's title names the place its prose puts only in a country
		{"a title of a battle",
			"Source: https://en.wikipedia.org/wiki/Battle_of_Xandorai\n\nThe Battle of Xandorai was an armed confrontation between the army and the rebels in Sri Lanka, fought in February 2009, and 40 soldiers were killed.\n",
			"Xandorai", "Sri Lanka"},
		{"a title of a massacre",
			"Source: https://en.wikipedia.org/wiki/1999_Xandorai_massacre\n\nThe Xandorai massacre was the killing of 14 civilians in March 1999 by a paramilitary unit of Serbia.\n",
			"Xandorai", "Serbia"},
		{"a numbered ward is no town of the same name",
			"Title: Battle\n\nRebels besieged the town of Kawkareik in southeastern Myanmar in October 2022. Air strikes targeted the military garrison base in Ward 2, while the rebel forces fought near the government office in Ward 7.\n",
			"Kawkareik", "Myanmar"},
	}
	checkPlaces(t, "", tests)
}

// TestStatementShapes: a quotation that runs on past its sentence gives
// its stance; a minister's portfolio is not part of the holder's name.
func TestStatementShapes(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"a quotation running on",
			"Title: Gunmen attack consulate\n\nGunmen attacked a consulate in Kandi, Turkey, on Monday, killing three police officers.\n\nThe ambassador, John Smithers, said in a statement: \"It is too early to speculate on who did this. It is an obvious act of terrorism.\"\n",
			"John Smithers:condemn"},
		{"a witness named after a comma",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\n\"We saw its remains,\" said one witness, Dana Pirson.\n",
			"Dana Pirson:other"},
		{"a spokesman named after his noun",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\nThe explosion was described as small by embassy spokesman Filo Larossa.\n",
			"Filo Larossa:other"},
		{"a subject before a relative clause",
			"Title: Suicide bombing kills six\n\nA suicide bomber killed six soldiers near Bagram, Afghanistan, on Monday.\n\nVia email, the Taliban, whose regime the US overthrew in 2001, claimed responsibility for the bombing.\n",
			"Taliban:support"},
		{"a minister of a portfolio",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\nTurkish Minister of Information Ahmet Yilmazer has stated that the attack was a suicide bombing.\n",
			"Ahmet Yilmazer:other"},
		{"a statement set apart after a colon",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a nightclub in Kandi, Turkey, on Monday.\n\nPresident Ahmet Yilmazer released a statement after a meeting with his security chiefs:\n\nWe will not stand silent in the face of this act of sabotage. We will track down those responsible.\n",
			"Ahmet Yilmazer:condemn"},
		{"a pronoun through an auxiliary",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\nThe governor, Ahmet Yilmazer, said the market would reopen on Friday. He has also condemned the bombing.\n",
			"Ahmet Yilmazer:condemn"},
		{"a claim written in the passive",
			"Title: Bombs hit resort\n\nThree bombs exploded in Kandi, Turkey, on Monday, injuring ten tourists.\n\nThere is no official word on who is responsible, but responsibility has been claimed by the Freedom Hawks of the Mountains.\n",
			"Freedom Hawks of the Mountains:support"},
		{"a speaker who called the attack a name",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\nAhmet Yilmazer, a spokesman for the Interior Ministry, called the attack \"a cowardly crime\".\n",
			"Ahmet Yilmazer:condemn"},
		{"a claim in other words than 'claimed'",
			"Title: Rockets hit town\n\nTwo rockets killed a woman in Kandi, Israel, on Monday.\n\nThe Mountain Brigades, military wing of the Mountain Front, took responsibility for the attack.\n",
			"Mountain Brigades:support"},
		{"a claim of the act named in other words",
			"Title: Car bomb kills 12\nPublished: 2017-01-08\n\nA car bomb killed at least 12 people at a vegetable market in Kandi, Iraq, on Sunday.\n\nThe Mountain Front claimed a suicide bomb attack that police said killed 13 people at a market on Sunday.\n",
			"Mountain Front:support"},
		{"a stance in the present",
			"Title: Bomb kills 60\nPublished: 2009-06-25\n\nMore than 60 people were killed on Wednesday when a bomb exploded at a market in Kandi, Iraq.\n\nPresident Kemal Arslan 'vehemently condemns the attack', according to a statement from his office.\n",
			"Kemal Arslan:condemn"},
		{"an unknown name after an inverted verb, then its description",
			"Title: Bomb kills 15\nPublished: 2013-06-21\n\nAt least 15 people were killed on Friday when a suicide bomber blew himself up inside a mosque in Kandi, Turkey.\n\nThe bomber shot at the guards, then made his way into the mosque beside the seminary, said Orhun Zadeki, the seminary's principal.\n",
			"Orhun Zadeki:other"},
		{"a capital for its government",
			"Title: Bomb kills ten\nPublished: 2019-11-19\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\nTurkey has accused neighbouring Syria of supporting the bombers, a claim Damascus denies.\n",
			"Syria:deny"},
		{"leaders who condemned it",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\nKemal Arslan and Ahmet Yilmazer were among the leaders who condemned the attack.\n",
			"Kemal Arslan:condemn"},
		{"a blame, then another subject's denial",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\nThe Turkish government held the Mountain Front responsible for the attack, however the group denied any involvement.\n",
			"Turkish government:accuse"},
		{"a name after an inverted verb, then a long description headed by a role",
			"Title: Gunmen kill seven\n\nGunmen killed seven people in Kandi, Turkey, on Sunday.\n\nSeven people were killed, said Orhun Zadeki, a spokesman for a local organisation that helps run the camps.\n",
			"Orhun Zadeki:other"},
		{"a name after an inverted verb, then a place's office",
			"Title: Gunmen kill seven\n\nGunmen killed seven people in Kandi, Turkey, on Sunday.\n\nThe victims were farmers, said Orhun Zadeki, Kandi's civil society president.\n",
			"Orhun Zadeki:other"},
		{"a name after an inverted verb, then the town's office",
			"Title: Gunmen kill seven\n\nGunmen killed seven people in Kandi, Turkey, on Sunday.\n\nThe victims were farmers including 13 women, said Orhun Zadeki, the town's civil society president.\n",
			"Orhun Zadeki:other"},
		{"a speech verb in the present",
			"Title: Gunmen kill seven\n\nGunmen killed seven people in Kandi, Turkey, on Sunday.\n\nOrhun Zadeki, president of the local civil society, points out that residents are leaving the village.\n",
			"Orhun Zadeki:other"},
		{"an aide to a prime minister",
			"Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\nAn official, Ahmet Yilmazer, aide to prime minister Kemal Arslan, commented on the bombing.\n",
			"Ahmet Yilmazer:other"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := extractText(t, tc.text)
			var got []string
			for _, s := range x.Statements {
				got = append(got, s.Speaker+":"+s.Stance)
			}
			if !slices.Contains(got, tc.want) {
				t.Errorf("statements %v, want %s among them", got, tc.want)
			}
		})
	}
}

// TestDroneIsTheAircraft: in a report of a drone strike, "aircraft" is the
// drone, not another weapon; a named warplane stays.
func TestDroneIsTheAircraft(t *testing.T) {
	for text, want := range map[string]string{
		"Title: Drone strike kills seven\n\nA suspected drone strike killed seven militants in Kandi, Pakistan. The aircraft fired four missiles at a compound.\n": "drone strike; missiles",
		"Title: Drone strike kills seven\n\nA drone strike killed seven militants in Kandi, Pakistan, and warplanes bombed a compound.\n":                          "drone strike; warplanes",
	} {
		m := extractText(t, text).Main()
		if got := strings.Join(m.Weapons, "; "); got != want {
			t.Errorf("weapons %q, want %q", got, want)
		}
	}
}

// TestSitesAndDivisions: a site written with its country is a place of
// that country; a district named by its kind is a division before it is a
// site; a town named after a division the gazetteer lacks is the place.
func TestSitesAndDivisions(t *testing.T) {
	tests := []placeCase{
		{"a site with its country",
			"Title: Bomb kills 19\n\nA suicide attack at Zarbul Air Base, Afghanistan, has left at least 19 dead.\n",
			"Zarbul Air Base", "Afghanistan"},
		{"a district, not a foreign city of its name",
			"Title: Bomb kills 12\n\nAt least twelve civilians died in a suicide bombing in the Hangu District of north-west Pakistan on Thursday.\n",
			"Hangu", "Pakistan"},
		{"a town after a division the gazetteer lacks",
			"Title: Bomb kills 42\n\nA suicide bomber killed 42 soldiers at a training centre in the Zarbul Frontier Province, Pakistan, officials said.\n\nThe attack took place in the town of Qandol, north of the capital.\n",
			"Qandol", "Pakistan"},
	}
	checkPlaces(t, "", tests)
}

// TestCityPartsInArticles: an article's part of a city written with the
// city after it is placed at the city; a city's part named by its bearing
// ("West Berlin") is at the city; historical names of a country are the
// country.
func TestCityPartsInArticles(t *testing.T) {
	tests := []placeCase{
		{"a borough, then its city",
			"= 1975 Kandi bombing =\n\nOn 9 October 1975, a bomb exploded outside a station in the City of Westminster, London, killing one man.\n",
			"London", "United Kingdom"},
		{"a city's part by its bearing, a historical country",
			"= 1982 Kandi bombing =\n\nOn 15 January 1982, a bomb exploded in a restaurant in West Berlin, West Germany, killing a child.\n",
			"West Berlin", "Germany"},
	}
	checkPlaces(t, "Source: https://en.wikipedia.org/wiki/Case\n", tests)
}

// TestAgedPerson: a name with an age in commas is a person, whatever else
// its words could be.
func TestAgedPerson(t *testing.T) {
	x := extractText(t, "Title: Councillor shot dead\n\nA councillor was shot dead in Kandi, Turkey, on Friday.\n\nIsaías Carrosca, 42, was shot outside his house and died in hospital.\n")
	for _, a := range x.Actors {
		if a.Name == "Isaías Carrosca" {
			if a.Kind != "person" {
				t.Fatalf("kind %q, want person", a.Kind)
			}
			return
		}
	}
	t.Fatalf("no actor Isaías Carrosca in %v", x.Actors)
}

// TestImpliedWeaponWords: the act's words name its weapon's class ("opening
// fire on a house": a firearm; "hacked to death": a blade).
func TestImpliedWeaponWords(t *testing.T) {
	for text, want := range map[string]string{
		"On 1 May 2014, insurgents raided the village of Kandi, India, opening fire on a house and killing three women.\n": "firearm",
		"On 3 June 2014, militants attacked the village of Kandi, Nigeria, where eleven villagers were hacked to death.\n": "blade",
	} {
		m := extractText(t, "Source: https://en.wikipedia.org/wiki/Case\n= Kandi attack =\n\n"+text).Main()
		if !slices.Contains(m.Weapons, want) {
			t.Errorf("weapons %v, want %s", m.Weapons, want)
		}
	}
}

// TestFallbackType: a report that names no act still has a type: a clash
// when its dead are armed, an attack otherwise.
func TestFallbackType(t *testing.T) {
	for text, want := range map[string]string{
		"Title: Government forces kill 17 rebels\n\nThe government of Yemen said it killed at least seventeen rebels in Saada, Yemen, on Thursday after violence overnight.\n": "Battles",
		"Title: Twelve killed in Kandi\n\nTwelve villagers were killed in Kandi, Nigeria, on Thursday, officials said.\n":                                                      "Violence against civilians",
	} {
		m := extractText(t, text).Main()
		if m.Type != want {
			t.Errorf("%.50q: type %q, want %q", text, m.Type, want)
		}
	}
}

// TestPlaceAheadEnds: a capital that is no name after a comma ("Saturday")
// once made the look for a place ahead step back for ever.
func TestPlaceAheadEnds(t *testing.T) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		extractText(t, "Title: Bomb kills ten\n\nA bomb exploded in Sheikh Kandi, Saturday, killing ten people in the market.\n")
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("extraction did not end")
	}
}

// TestKnownPlacesKeepTheirPoint: a place the gazetteer holds keeps its own
// point however the text introduces it ("the town of X", "in X, Country",
// a country's adjective before "village of"), and a country inside an
// organisation's name ("Agence France-Presse") or a function word opening
// a quotation ("An explosion") places nothing.
func TestKnownPlacesKeepTheirPoint(t *testing.T) {
	tests := []struct {
		name, text, place, country, precision string
	}{
		{"the town of a known town",
			"Title: Bomb kills 40 in Pakistan\n\nA suicide bomber killed 40 people at a rally in the town of Parachinar on Sunday, police in Pakistan said.\n",
			"Parachinar", "Pakistan", "city"},
		{"a small known town with its country",
			"Title: Bomb kills 40\n\nOn Sunday a suicide bomber in Parachinar, Pakistan killed 40 people at a rally.\n",
			"Parachinar", "Pakistan", "city"},
		{"a country's adjective before the village",
			"Title: Massacre\n\nThe massacre took place in the Colombian village of Machuca on 18 October 1998, killing 84 people.\n",
			"Machuca", "Colombia", "country"},
		{"a news agency's name after the place",
			"Title: Bomb kills ten in Afghanistan\n\nAt least ten people were killed in the Helmand province of Afghanistan on Sunday in a suicide bombing.\n\n\"An explosion killed at least ten civilians in a crowded area of Gereshk district,\" a spokesman told the Agence France-Presse news agency.\n",
			"Gereshk", "Afghanistan", "city"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := extractText(t, tc.text)
			m := x.Main()
			if m == nil || m.Location == nil {
				t.Fatal("no location")
			}
			l := m.Location
			if l.Place != tc.place || l.Country != tc.country || l.Precision != tc.precision {
				t.Errorf("place %q, %q, %q; want %q, %q, %q", l.Place, l.Country, l.Precision, tc.place, tc.country, tc.precision)
			}
			for _, in := range x.Incidents {
				if in.Location != nil && in.Location.Place == "An" {
					t.Errorf("a function word is a place: %+v", in.Location)
				}
			}
		})
	}
}

// TestPortfolioBeforeTitle: "Tourism Minister Joseph Sarkis" is one
// speaker with his portfolio, not a body named Tourism and a minister.
func TestPortfolioBeforeTitle(t *testing.T) {
	x := extractText(t, "Title: Bomb in Beirut\n\nA bomb exploded on a busy street in Beirut on Monday, injuring six people.\n\nThe attack was a \"message\" to the new government, said Tourism Minister Joseph Sarkis.\n")
	var got []string
	for _, s := range x.Statements {
		got = append(got, s.Speaker)
	}
	if !slices.Equal(got, []string{"Joseph Sarkis"}) {
		t.Errorf("speakers %v, want [Joseph Sarkis]", got)
	}
	for _, a := range x.Actors {
		if a.Name == "Tourism" {
			t.Errorf("a portfolio is an actor: %+v", a)
		}
	}
}

// TestNoSpeakerAfterCrowd: "according to local police, NAME, ..." names
// the news, not the speaker; a wire footer's names say nothing.
func TestNoSpeakerAfterCrowd(t *testing.T) {
	x := extractText(t, "Title: Gunman kills guard\n\nA gunman killed a guard at a museum in Kandi, Turkey, on Wednesday.\n\nAccording to local police, Kemal Arslan, an 88-year-old man armed with a rifle, has shot and killed the guard.\n\nShe had received threats from a police officer, Mehmet Oz, whom she had accused of torture.\n\n- Reporting: Ahmet Yilmazer; writing: Deniz Kaya; editing: Ali Demir.\n")
	for _, s := range x.Statements {
		if s.Speaker == "Kemal Arslan" || s.Speaker == "Ahmet Yilmazer" || s.Speaker == "Mehmet Oz" {
			t.Errorf("statement of %s: %+v", s.Speaker, s)
		}
	}
}

// TestTitlePlaceCandidate: an encyclopedia article named after its place
// ("<Town> massacre") whose prose writes the town only inside a longer
// name (a division named after it) and names other towns after "in":
// the title's place, where the prose writes it, is the act's place.
func TestTitlePlaceCandidate(t *testing.T) {
	x := extractText(t, "Source: https://en.wikipedia.org/wiki/Konduga_massacre\nTitle: Konduga massacre\n\n"+
		"On the night of 3 March 2019, gunmen attacked a market in Konduga Local Government Area of Borno State, Nigeria, killing 19 people.\n\n"+
		"Two days later a gang raided a village in Katsina State and stole cattle.\n")
	m := x.Main()
	if m == nil || m.Location == nil {
		t.Fatal("no location")
	}
	if m.Location.Place != "Konduga" || m.Location.Country != "Nigeria" {
		t.Errorf("place %q, %q; want Konduga, Nigeria", m.Location.Place, m.Location.Country)
	}
	var ev *dossier.Evidence
	for i, e := range m.Evidence {
		if e.Field == "location" {
			ev = &m.Evidence[i]
		}
	}
	if ev == nil || !strings.Contains(ev.Text, "Konduga Local Government Area") {
		t.Errorf("location evidence %+v, want the sentence that writes the town", ev)
	}
}

// TestNoStatement: a speech word that reports nobody's words makes no
// statement: a subject that is nobody, "called" that summons, "sent"
// that sends no words, an inverted "said" whose unnamed speaker follows
// it.
func TestNoStatement(t *testing.T) {
	for _, tc := range []struct{ name, sentence, speaker string }{
		{"nobody claimed", "The Mountain Front is believed to be responsible for the attack, though no one has claimed responsibility.", "Mountain Front"},
		{"no group claimed", "No group has claimed responsibility, but officers suspect that the Mountain Front is involved.", "Mountain Front"},
		{"called to the scene", "Kandi Police called to the scene returned fire, killing the gunman.", "Kandi Police"},
		{"sent troops", "The Kandi Garrison sent troops through the streets to disperse the crowd.", "Kandi Garrison"},
		{"a question of who claimed it", "Kemal Arslan told reporters, when informed of who claimed responsibility for the attack, that he would wait for the inquiry.", "Kemal Arslan:support"},
		{"another subject's denial", "The Turkish government held the Mountain Front responsible for the attack, however the group denied any involvement.", "Turkish government:deny"},
		{"a body in an apposition, then a verb joined by and", "Germany, the current European Union president, condemned what it called a \"ruthless terror attack\" and called for those behind it to be brought to justice.", "European Union"},
		{"another subject's denial after an accusation", "Turkey has repeatedly accused neighbouring Syria of supporting the group, a claim Damascus denies.", "Turkey:deny"},
		{"an unnamed speaker after the verb", "The motive was Kemal Arslan's anger at losing his job, said the police on Tuesday.", "Kemal Arslan"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := extractText(t, "Title: Bomb kills ten\n\nA bomb killed ten people at a market in Kandi, Turkey, on Monday.\n\n"+tc.sentence+"\n")
			for _, s := range x.Statements {
				// a speaker, or a speaker and the stance it must not take
				if s.Speaker == tc.speaker || s.Speaker+":"+s.Stance == tc.speaker {
					t.Errorf("statement %s:%s from %q", s.Speaker, s.Stance, tc.sentence)
				}
			}
		})
	}
}

// TestFiguresOfAnEarlierEvent: "the attack came two years after militants
// bombed ..., killing nine" gives the earlier event's figures, not this
// one's; "two weeks after the attack" still speaks of it.
func TestFiguresOfAnEarlierEvent(t *testing.T) {
	x := extractText(t, "Title: Bomb wounds 30 in Kandi\nPublished: 2011-04-16\n\nA bomb wounded 30 people at a market in Kandi, Turkey, on Friday.\n\n"+
		"Friday's attack came almost two years after militants bombed two hotels in Ankara, killing nine people and injuring more than 50.\n")
	m := x.Main()
	if m == nil {
		t.Fatal("no main incident")
	}
	if m.Fatalities != nil && m.Fatalities.Min == 9 {
		t.Errorf("fatalities %s: the earlier bombing's", rangeString(m.Fatalities))
	}
	if m.Injuries == nil || m.Injuries.Min != 30 {
		t.Errorf("injuries %s, want 30", rangeString(m.Injuries))
	}
}

// TestSpokesmanClaimsForGroup: a claim by a group's spokesman makes the
// group the perpetrator; the spokesman is the speaker. A hedge opening the
// sentence ("Purported", "Suspected") is not part of the group's name.
func TestSpokesmanClaimsForGroup(t *testing.T) {
	for _, s := range []string{
		"Taliban spokesman Zabiullah Mujahid claimed responsibility for the bombing.",
		"Zabiullah Mujahid, a Taliban spokesman, claimed responsibility for the bombing.",
		"A spokesman for the Taliban, Zabiullah Mujahid, claimed responsibility for the bombing.",
		"Purported Taliban spokesman Zabiullah Mujahid claimed responsibility for the bombing.",
	} {
		x := extractText(t, "Title: Bomb kills five in Kandi\nPublished: 2011-06-17\n\nA car bomb killed five people at the police headquarters in Kandi, Afghanistan, on Thursday.\n\n"+s+"\n")
		m := x.Main()
		if m == nil || !slices.Equal(m.Perpetrators, []string{"Taliban"}) {
			t.Errorf("%q: perpetrators %v, want [Taliban]", s, m.Perpetrators)
		}
		if !slices.ContainsFunc(m.Evidence, func(e dossier.Evidence) bool {
			return e.Field == "perpetrators" && e.End > e.Start && strings.Contains(e.Text, "Taliban")
		}) {
			t.Errorf("%q: no evidence of the perpetrator that names it", s)
		}
		var speakers []string
		for _, st := range x.Statements {
			speakers = append(speakers, st.Speaker+":"+st.Stance)
		}
		if !slices.Contains(speakers, "Zabiullah Mujahid:support") {
			t.Errorf("%q: statements %v, want the spokesman's claim", s, speakers)
		}
	}
}

// TestPlaceOfAnUnnamedClaimant: "a sect based in northeastern Nigeria
// claimed responsibility": the place of a group the text does not name is
// not the claimant, past a bearing as without one.
func TestPlaceOfAnUnnamedClaimant(t *testing.T) {
	for _, s := range []string{
		"A radical sect based in northeastern Nigeria claimed responsibility on Friday for the attack.",
		"A radical sect based in Nigeria claimed responsibility on Friday for the attack.",
	} {
		x := extractText(t, "Title: Sect claims bomb attack\nPublished: 2011-06-17\n\n"+s+"\nPolice said a suicide bomber detonated the explosives at the police headquarters in Abuja on Thursday, killing two people.\n")
		if m := x.Main(); m == nil || slices.Contains(m.Perpetrators, "Nigeria") {
			t.Errorf("%q: perpetrators %v", s, m.Perpetrators)
		}
	}
}

// TestNotTheAgent: a function word after a dateline is no place; the
// author of a statement ("a statement by the UN") and the people an act
// struck ("an air strike on a group of displaced Yemenis has killed") are
// not its perpetrators.
func TestNotTheAgent(t *testing.T) {
	x := extractText(t, "Title: Air strike kills 20\n\nADEN: An air strike on a group of displaced Yemenis has killed at least 20 civilians, a UN statement and witnesses said Wednesday.\n\n"+
		"The attack on Tuesday afternoon hit a group of civilians in the province of Taiz, a statement by the UN refugee agency said.\n")
	m := x.Main()
	if m == nil {
		t.Fatal("no main incident")
	}
	if len(m.Perpetrators) > 0 {
		t.Errorf("perpetrators %v, want none", m.Perpetrators)
	}
	y := extractText(t, "Title: Air strike kills 20\n\nADEN: An air strike has killed at least 20 civilians, mostly from the same family, witnesses said Wednesday.\n")
	for _, in := range y.Incidents {
		if in.Location != nil && in.Location.Place == "An" {
			t.Errorf("a function word after a dateline is a place: %+v", in.Location)
		}
	}
}

// TestDeadAndWoundedTogether: "killed and wounded 13 citizens" counts the
// dead and the wounded together: neither figure is 13, while "left one
// man dead and injured 20 others" keeps both.
func TestDeadAndWoundedTogether(t *testing.T) {
	x := extractText(t, "Title: Air strike in Taiz\nPublished: 2019-05-26\n\nAn air strike on an oil station in Taiz, Yemen, on Friday killed and wounded 13 citizens, including children.\n")
	if m := x.Main(); m == nil || m.Fatalities != nil || m.Injuries != nil {
		t.Errorf("fatalities %s, injuries %s; want neither", rangeString(m.Fatalities), rangeString(m.Injuries))
	}
	y := extractText(t, "Title: Bomb in London\nPublished: 1975-10-10\n\nA bomb attack outside a station in London on Thursday left one man dead and injured 20 others.\n")
	if m := y.Main(); m == nil || rangeString(m.Fatalities) != "1-1" || rangeString(m.Injuries) != "20-20" {
		t.Errorf("fatalities %s, injuries %s; want 1 and 20", rangeString(m.Fatalities), rangeString(m.Injuries))
	}
}

// TestSpeakerIsNoTarget: the subject of a speech verb ("Nigerian police
// said") speaks of the act; the target model reads it so.
func TestSpeakerIsNoTarget(t *testing.T) {
	x := extractText(t, "Title: Gunmen kill 12 villagers in Nigeria\n\nLagos: Nigerian police said a group of gunmen launched an attack on a village in northwest Nigeria's Katsina state, killing at least 12 villagers and injuring several others.\n\n"+
		"The gunmen raided the village on Tuesday morning, said the police spokesperson in Katsina.\n")
	m := x.Main()
	if m == nil {
		t.Fatal("no main incident")
	}
	for _, tg := range m.Targets {
		if strings.Contains(tg, "police") {
			t.Errorf("targets %v: the police speak", m.Targets)
		}
	}
}

// TestClaimedAnAct: "X claimed a suicide bomb attack" names X as the
// perpetrator, as "X claimed responsibility" does.
func TestClaimedAnAct(t *testing.T) {
	x := extractText(t, "Title: Car bomb kills 12\nPublished: 2017-01-08\n\nA car bomb killed at least 12 people at a vegetable market in Kandi, Iraq, on Sunday.\n\nThe Mountain Front claimed a suicide bomb attack that police said killed 13 people at a market on Sunday.\n")
	if m := x.Main(); m == nil || !slices.Contains(m.Perpetrators, "Mountain Front") {
		t.Errorf("perpetrators %v, want Mountain Front", m.Perpetrators)
	}
}

// TestWireShapes: shapes of wire copy read on reports outside every set.
func TestWireShapes(t *testing.T) {
	base := "Title: Rebels ambush soldiers\nPublished: 2019-11-19\n\nAt least 13 soldiers were killed in an ambush by rebels at Kabo, Central African Republic, on Tuesday.\n\n"
	for _, tc := range []struct {
		name, sentence string
		want, not      string // a statement that must be there, one that must not
		accused        string
	}{
		{"a group's denial after its description", "The country's principal rebel group, the Popular Front for the Restoration of Order (PFRO), said its forces were not involved in the attack.",
			"Popular Front for the Restoration of Order:deny", "", ""},
		{"a minister for a portfolio after a quotation", "\"It is not true that the attackers came from Chad,\" Kemal Arslan, State Minister for Regional Affairs, told AFP.",
			"Kemal Arslan:other", "Regional Affairs:other", ""},
		{"a number opening the text after a dateline", "BANGUI (AFP) - Four Central African soldiers were killed in an attack blamed on rebels, a military source said.",
			"", "Four Central African:accuse", ""},
		{"blamed the attack on a group", "A local activist group blamed the attack on the Allied Democratic Forces (ADF), a Ugandan Islamist group active near Beni.",
			"", "", "Allied Democratic Forces"},
		{"an adjective before a known group", "The government blamed the attack on Islamist al-Shabaab.",
			"", "", "al-Shabaab"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := extractText(t, base+tc.sentence+"\n")
			var got []string
			for _, s := range x.Statements {
				got = append(got, s.Speaker+":"+s.Stance)
			}
			if tc.want != "" && !slices.Contains(got, tc.want) {
				t.Errorf("statements %v, want %s", got, tc.want)
			}
			if tc.not != "" && slices.Contains(got, tc.not) {
				t.Errorf("statements %v, not %s", got, tc.not)
			}
			if tc.accused != "" {
				m := x.Main()
				if m == nil || !slices.Contains(m.Accused, tc.accused) {
					t.Errorf("accused %v, want %s", m.Accused, tc.accused)
				}
			}
		})
	}
}

// TestProvinceOfTheDocumentsCountry: "the East Region" of a report about
// Burkina Faso is not Cameroon's East Region, the gazetteer's only one.
func TestProvinceOfTheDocumentsCountry(t *testing.T) {
	x := extractText(t, "Title: Gunmen kill a dozen in eastern Burkina Faso\nPublished: 2021-05-04\n\nAt least a dozen people were killed by unidentified gunmen in eastern Burkina Faso on Monday, a local official said.\n\n"+
		"The attack took place in a village in the East Region, leaving at least a dozen villagers dead, the governor said.\n")
	m := x.Main()
	if m == nil || m.Location == nil || m.Location.Country != "Burkina Faso" {
		t.Fatalf("location %+v, want in Burkina Faso", m.Location)
	}
}

// TestCountryAcrossTheBorder: "Maimana, the capital of Faryab Province
// close to the border with Turkmenistan" is in Afghanistan.
func TestCountryAcrossTheBorder(t *testing.T) {
	x := extractText(t, "Title: Suicide bombing kills 15 in Afghanistan\nPublished: 2014-03-18\n\nA suicide bomber killed at least 15 people in a crowded market on Tuesday. Thirty-six people were wounded by the blast, which occurred in the main bazaar of Maimana, the provincial capital of northern Faryab Province close to the border with Turkmenistan, officials said.\n")
	m := x.Main()
	if m == nil || m.Location == nil || m.Location.Country != "Afghanistan" {
		t.Fatalf("location %+v, want in Afghanistan", m.Location)
	}
}

// TestUnidentifiedAttackers: a description that says nothing of who the
// attackers are ("gunmen", "suspected militants") is the incident's
// unidentified armed group, with its sentence, not a perpetrator (the
// shared gold lists none: "a suicide bomber at a volleyball game" has no
// perpetrator); a word of side or creed keeps a description a perpetrator.
func TestUnidentifiedAttackers(t *testing.T) {
	for _, c := range []struct {
		text          string
		perps, unknwn []string
	}{
		{"A priest and five congregants were killed Sunday when gunmen opened fire during Mass at a church in Dablo, in northern Burkina Faso.", nil, []string{"gunmen"}},
		{"Thirteen people were injured in a blast triggered by suspected militants at Doomdooma in Assam's Tinsukia district today.", nil, []string{"suspected militants"}},
		{"Islamist militants killed 12 soldiers in an attack on an army post in Dablo, in northern Burkina Faso, on Sunday.", []string{"Islamist militants"}, nil},
	} {
		res := extractText(t, "Published: 2019-05-13\n\n"+c.text+"\n")
		var in *dossier.Incident
		for i := range res.Incidents {
			if res.Incidents[i].Main {
				in = &res.Incidents[i]
			}
		}
		if in == nil {
			t.Fatalf("%.40q: no main incident", c.text)
		}
		if !slices.Equal(in.Perpetrators, c.perps) && !(len(in.Perpetrators) == 0 && len(c.perps) == 0) || !slices.Equal(in.Unidentified, c.unknwn) {
			t.Errorf("%.40q: perpetrators %q, unidentified %q; want %q, %q", c.text, in.Perpetrators, in.Unidentified, c.perps, c.unknwn)
		}
		for _, e := range in.Evidence {
			if e.Field == "perpetrators" && len(c.perps) == 0 {
				t.Errorf("%.40q: evidence of perpetrators left: %q", c.text, e.Text)
			}
		}
		if len(c.unknwn) > 0 && !slices.ContainsFunc(in.Evidence, func(e dossier.Evidence) bool { return e.Field == "unidentified" }) {
			t.Errorf("%.40q: the unidentified attackers have no evidence", c.text)
		}
	}
}

// TestStampLineNoPlace: a page's stamp of publication and update is no
// prose: the zone after its clock ("13:19 TU", a place in Japan to a
// gazetteer) neither places the act nor votes for a country.
func TestStampLineNoPlace(t *testing.T) {
	res := extractText(t, "Title: Suicide bomber kills four policemen in Chechnya\n\nArticle published on the 2009-08-25 Latest update 2009-08-25 13:19 TU\n\n"+
		"Tuesday's killing of four policemen follows a suicide attack in central Grozny on 21 August.\n\nThe bomber blew himself up in the Shali area, east of the capital Grozny.\n")
	m := res.Main()
	if m == nil {
		t.Fatal("no main incident")
	}
	if m.Location == nil || m.Location.Place != "Shali" || m.Location.Country != "Russia" {
		t.Errorf("location %+v, want Shali, Russia", m.Location)
	}
}

// TestDayOfTheActByBackReference: a lead that does not date the act, and a
// sentence a paragraph or two down that tells the act again by a noun the
// lead counted ("two checkpoints" ... "ambushed the checkpoints on
// Wednesday night"), dates it.
func TestDayOfTheActByBackReference(t *testing.T) {
	m := extractText(t, "Title: At least 14 soldiers killed in mountain attack\n\nJuly 17, 2014 / 1:36 AM / 5 years ago\n\nAt least 14 soldiers killed in mountain attack\n\n"+
		"KANDI (Reuters) - At least 14 soldiers were killed when gunmen with rocket-propelled grenades attacked two checkpoints in the remote Dagamaru mountains.\n\n"+
		"Since April, thousands of soldiers have been deployed to the range in an operation to flush out militants.\n\n"+
		"Militants ambushed the checkpoints on Wednesday night, killing the soldiers as they were breaking their fast, the Defence Ministry said. More than 20 soldiers were wounded.\n").Main()
	if m == nil {
		t.Fatal("no main incident")
	}
	if m.Date == nil || m.Date.Start != "2014-07-16" {
		t.Errorf("date %+v, want 2014-07-16", m.Date)
	}
}
