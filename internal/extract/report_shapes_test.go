package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/text"
)

// TestPlaceOfAReport: where a report puts its act when it names a region
// first and the settlement after, or a division by its kind: the division
// of the name, the village of a district, the town of the division named
// after it; a place that names whose office speaks is not the act's.
func TestPlaceOfAReport(t *testing.T) {
	tests := []struct {
		name, text             string
		place, admin1, country string
	}{
		{"a state by its kind beats a town of its name elsewhere",
			"Published: 2013-02-08\nTitle: Gunmen kill nine police officers\n\nGunmen killed nine state police officers in the southern Mexican state of Guerrero, prosecutors said.\n",
			"Guerrero", "Guerrero", "Mexico"},
		{"a province of the Philippines, a second-level division",
			"Published: 2018-06-17\nTitle: Soldiers killed in ambush\n\nEleven soldiers were killed in an ambush by rebels in a remote village in Ifugao province yesterday.\n",
			"Ifugao", "Cordillera", "Philippines"},
		{"a district after its province's possessive",
			"Published: 2015-07-27\nTitle: Five killed in attack\n\nFive people were killed when gunmen stormed a police station in Punjab's Gurdaspur district.\n",
			"Gurdaspur", "Punjab", "India"},
		{"a division named like a country, in the title too",
			"Published: 2020-01-26\nTitle: Gunmen kill 11, kidnap four women in Niger State\n\nGunmen, who invaded some communities in Niger State, have killed 11 people and also kidnapped four women.\n",
			"Niger", "Niger State", "Nigeria"},
		{"a division's seat in the lead's country over a larger city of the name elsewhere, under a subheading",
			"Published: 2010-09-20\nTitle: Militants ambush army convoy; 23 troops dead\n\nConnect via Facebook\n\nGovernment forces mass in Rasht region, extremist threat serious\n\n" +
				"DUSHANBE -- A September 19 ambush on a Defence Ministry convoy in eastern Tajikistan killed at least 23 troops and injured dozens, authorities said.\n\n" +
				"The ambush took place in the evening in the Rasht District's Kamarob Gorge.\n",
			"Rasht", "Republican Subordination", "Tajikistan"},
		{"a name with a lower-case particle",
			"Published: 2016-05-02\nTitle: Gunmen kill seven\n\nGunmen killed seven people in a raid on a police station in Tanzania's commercial capital Dar es Salaam, police said on Monday.\n",
			"Dar es Salaam", "Dar es Salaam Region", "Tanzania"},
		{"where the officials who speak are is not where the act was",
			"Published: 2016-08-05\nTitle: Forces shell villages, killing 3 civilians\n\nThree civilians were killed and two others injured in shelling of villages on the border between the two countries, officials in Yerevan claimed.\n\n" +
				"According to media reports, three women were killed in villages in the Tavush region Thursday night after the firing of mortars.\n",
			"Tavush", "Tavush", "Armenia"},
		{"a county after 'within'",
			"Published: 2020-01-02\nTitle: Three killed in bus attack\n\nThree people were killed on Thursday after a bus was attacked by suspected militants at Karpathos Wells area within Lamu County.\n",
			"Lamu", "Lamu", "Kenya"},
		{"a village named with its noun after a verb",
			"Published: 2013-06-21\nTitle: Two dead as police station hit with bombs\n\nGunmen attacked a police station in Nigeria's northeast, killing two officers, authorities said Thursday.\n\n" +
				"\"The gunmen burnt it down,\" Adamawa state police spokesman Musa Bello said.\n\nHe said the attackers stormed Dagamaru village on Wednesday and burnt down the police station.\n",
			"Dagamaru", "", "Nigeria"},
		{"the village of a district",
			"Published: 2021-08-15\nTitle: Gunmen kill five\n\nGunmen have attacked the Dagamaru village of Kaura local government area of the state, killing five residents, the commissioner said.\n",
			"Dagamaru", "Kaduna State", "Nigeria"},
		{"the village of the district, with its article",
			"Published: 2021-08-15\nTitle: Gunmen kill four\n\nGunmen opened indiscriminate firing in the Dagamaru village of the Abbottabad district, killing four people.\n",
			"Dagamaru", "Khyber Pakhtunkhwa", "Pakistan"},
		{"in this town: the place of writing",
			"Published: 2014-03-13\nTitle: Mortar attack kills six\n\nVILLA RICA, Colombia (AP) \u2014 Assailants fired homemade mortars at a police station in this western town Thursday, killing at least six people, officials in Cauca said.\n",
			"Villa Rica", "Cauca Department", "Colombia"},
		{"a village by its bearing from the city",
			"Published: 2019-05-13\nTitle: Rockets kill 12\n\nRockets fired by militants killed 12 people in the countryside of Aleppo, Syria, on Sunday, the state news agency said.\n\nFifteen people were also wounded in the attack on Dagamaru village south of Aleppo city, it said.\n",
			"Dagamaru", "", "Syria"},
		{"a state, not a small town of its name in another state",
			"Published: 2016-10-25\nTitle: Attack\n\nGunmen killed eight people in Tabasco, Mexico, on Sunday.\n",
			"Tabasco", "Tabasco", "Mexico"},
		{"an island the gazetteer does not hold",
			"Published: 2009-12-11\nTitle: Gunmen seize hostages\n\nGunmen abducted some of the residents of a village on the Dagamaru island on Thursday, Philippine officials said.\n",
			"Dagamaru", "", "Philippines"},
		{"a district of a province",
			"Published: 2019-04-25\nTitle: Bomb kills five\n\nFive paramilitary rangers were killed in a bomb attack in the Dagamaru district of Pattani, Thailand, on Monday.\n",
			"Dagamaru", "Pattani", "Thailand"},
		{"a district of a city is the city",
			"Published: 2019-04-25\nTitle: Blast\n\nAn explosion ripped through a theatre in the Dagamaru district of Doha, Qatar this morning, killing one.\n",
			"Doha", "Baladiyat ad Dawhah", "Qatar"},
		{"a town by its noun, in a province the gazetteer holds at the second level",
			"Published: 2019-04-25\nTitle: Ambush\n\nEight soldiers died in an ambush in Dagamaru town in Quezon province, Philippines.\n",
			"Dagamaru", "Calabarzon", "Philippines"},
		{"a district in a province named with its bearing",
			"Published: 2019-04-25\nTitle: Blast kills governor\n\nA suicide bomber killed the governor of Chardara district in the Northeastern Kunduz province on Tuesday, a police commander said.\n",
			"Chardara", "Kunduz", "Afghanistan"},
		{"another country's city's other name, after a city of the sentence",
			"Published: 2019-04-25\nTitle: Car bomb\n\nA car bomb exploded south of Baghdad on Monday, killing nine people in Iskandariyah, 50 kilometers south of the capital, police said.\n",
			"Iskandariyah", "", "Iraq"},
		{"a division named after a town of its name elsewhere",
			"Published: 2021-04-04\nTitle: Rebels kill 22 police\n\nMaoist rebels killed 22 police officers in an ambush near a forest in Bijapur district in Chhattisgarh, India, officials said.\n",
			"Bijapur", "Chhattisgarh", "India"},
		{"a district after its province's possessive",
			"Published: 2016-05-02\nTitle: Bomb attack\n\nExplosion in Diyarbakır's Bismil district leaves 19 wounded\n\nAt least four people were killed in southeastern Turkey in a bomb attack on Monday.\n",
			"Bismil", "Diyarbakır Province", "Turkey"},
		{"the town the province's attack was in, named further on",
			"Published: 2011-01-07\nTitle: Ambush kills nine\n\nMilitants killed nine soldiers in an ambush on a military convoy in the restive southern province of Ghazni on Friday, officials said.\n\n" +
				"\"We were hit today,\" a security official said.\n\nAnother official later revised the toll to nine.\n\nThe bodies were taken to a hospital morgue.\n\n" +
				"The militants used rockets in the attack in the town of Dagamaru, the officials said.\n",
			"Dagamaru", "", "Afghanistan"},
		{"the lead's unnamed village, named further on",
			"Published: 2012-04-26\nTitle: Soldiers killed in ambush\n\nEleven soldiers were killed by rebels in a remote village in Lagawe town yesterday.\n\n" +
				"The convoy was attacked while the soldiers were returning from a ceremony.\n\nThe victims were among 50 villagers held at a school in Dagamaru village.\n",
			"Dagamaru", "", "Philippines"},
		{"a small town of the dateline's country by its own name, not a city abroad by another of its names",
			"Published: 2012-04-26\nTitle: Soldiers killed in ambush\n\nMANILA, Philippines - Eleven soldiers were killed in an ambush by rebels yesterday.\n\nThe soldiers were on their way to their headquarters in Kiangan.\n",
			"Kiangan", "Cordillera", "Philippines"},
		{"a dateline's town the gazetteer knows only in another country than the one it names",
			"Published: 2003-08-06\nTitle: Villagers killed\n\nLAGAWE, INDONESIA \u2014 Fighters with machetes killed nine villagers on Tuesday, residents said.\n",
			"Lagawe", "", "Indonesia"},
		{"a village with its article after the act",
			"Published: 2021-08-05\nTitle: Militia attack\n\nA militia attacked the Dagamaru village on Thursday, killing five people, officials in Afghanistan said.\n",
			"Dagamaru", "", "Afghanistan"},
		{"a district of the province the dateline names",
			"Published: 2016-05-02\nTitle: Ranger killed\n\nYALA: An army ranger was killed in a roadside bomb attack in Dagamaru district of this southern border province on Friday.\n",
			"Dagamaru", "", "Thailand"},
		{"a village after its district's possessive",
			"Published: 2016-05-02\nTitle: Attack\n\nMilitants attacked three homes in Bismil district's Dagamaru village early on Wednesday, killing five people, officials in Turkey said.\n",
			"Dagamaru", "", "Turkey"},
		{"a district of a province named after its country's possessive",
			"Published: 2018-07-21\nTitle: Checkpoints stormed\n\nTwo policemen were killed as fighters stormed checkpoints in Dagamaru district of Afghanistan's eastern Ghazni province on Saturday.\n",
			"Dagamaru", "", "Afghanistan"},
		{"a village a sentence names beside another country, known only abroad",
			"Published: 2021-05-02\nTitle: Villagers killed\n\nSuspected jihadists have killed about a dozen villagers in western Burkina Faso, local sources said on Saturday.\n\n" +
				"\"Armed people attacked the village of Sara,\" 100 kilometres from Burkina's second city Bobo-Dioulasso, the source said.\n",
			"Sara", "", "Burkina Faso"},
		{"a place near an unknown one in a province named by its kind",
			"Published: 2016-04-28\nTitle: Soldiers killed\n\nThe attack took place Thursday afternoon near Dagamaru in the province of Ghazni, killing four soldiers, the army said.\n",
			"Dagamaru", "Ghazni", "Afghanistan"},
		{"a village in a state two countries name, known only abroad",
			"Published: 2021-03-10\nTitle: Herders killed\n\nGunmen killed four herders in Fili village in Plateau State on Tuesday.\n",
			"Fili", "Plateau State", "Nigeria"},
		{"a local government area of a state",
			"Published: 2021-03-10\nTitle: Bandits kill 12\n\nBandits killed 12 people in Dagamaru Local Government Area of Zamfara State on Sunday.\n",
			"Dagamaru", "Zamfara State", "Nigeria"},
		{"the town of a name the gazetteer holds only as a city of a country the report never names",
			"Published: 2020-03-24\nTitle: Soldiers killed\n\nAbout a hundred Chadian soldiers were killed in an attack by Boko Haram on Monday, the Chadian army said.\n\n" +
				"Security sources indicated that once the terrorists entered the town of Boma, they carried out acts of violence against the Chadian soldiers.\n",
			"Boma", "", "Chad"},
		{"the place of an earlier act the report's comes after",
			"Published: 2022-08-08\nTitle: Gunmen kill eight at a bar\n\nGunmen killed eight people at a bar near Celaya, Guanajuato, on Friday. " +
				"The mass killing also comes days after unknown gunmen shot and killed a local journalist in the town of Dagamaru.\n",
			"Celaya", "Guanajuato", "Mexico"},
		{"the town a convoy had left",
			"Published: 2020-01-06\nTitle: Soldiers killed by roadside bomb\n\nFive Malian soldiers were killed on Monday in a roadside bomb attack, a government spokesman said. " +
				"An army truck that had left the town of Diabaly hit the bomb near Dagamaru village, in the centre of Mali.\n",
			"Dagamaru", "", "Mali"},
		{"a lead that names no country: the country of the places after it",
			"Published: 2016-04-28\nTitle: Militants kill villagers\n\nMilitants killed 16 people at Dagamaru village on Tuesday night.\n\nAll 16 died on the spot.\n\nThe injured were taken to a hospital in Guwahati.\n",
			"Dagamaru", "", "India"},
		{"the village of a name with its Arabic article",
			"Published: 2014-11-04\nTitle: Gunmen kill five\n\nGunmen killed five people late Monday in the village of al-Dagamaru in the east of Saudi Arabia.\n",
			"al-Dagamaru", "", "Saudi Arabia"},
		{"a name set off after a settlement noun",
			"Published: 2019-04-07\nTitle: Militants take base\n\nMilitants killed 15 soldiers and took control of the base and a nearby town, Dagamaru, south-west of Mogadishu.\n",
			"Dagamaru", "", "Somalia"},
		{"an island named as one",
			"Published: 2015-10-11\nTitle: Bombers kill 27\n\nThree suicide bombers killed 27 people in an attack on Dagamaru Island in Chad on Saturday.\n",
			"Dagamaru Island", "", "Chad"},
		{"an area of a region named by its word",
			"Published: 2019-04-07\nTitle: Soldiers killed\n\nA vehicle carrying soldiers hit a roadside bomb in the Dagamaru area in the Upper Karpathos region of Somalia, killing four.\n",
			"Dagamaru", "", "Somalia"},
		{"the place of writing the lead says 'here'",
			"Published: 2019-03-05\nTitle: Rebels kill three soldiers\n\nMARAWI, Lanao del Sur — Three soldiers were killed on Monday in an ambush by communist rebels in a village here, the army said.\n\n" +
				"A spokesman of the brigade based in Iligan withheld the names of the dead.\n",
			"Marawi", "Autonomous Region in Muslim Mindanao", "Philippines"},
		{"a town of the place of writing's country by its own name, not a city abroad of which it is another name",
			"Published: 2017-01-31\nTitle: Soldiers killed\n\nECHAGUE, Isabela — Two soldiers were killed in a rebel ambush on Monday, the military said.\n\n" +
				"Soldiers of the division in Gamu town went after the attackers.\n",
			"Gamu", "Cagayan Valley", "Philippines"},
		{"a news agency's name is no place",
			"Published: 2019-10-31\nTitle: Car bomb kills eight\n\nA car bomb killed eight people on Thursday in a vegetable market in a northern region of Syria.\n\n" +
				"The state-run SANA news agency said 20 people were wounded.\n",
			"", "", "Syria"},
		{"a capital that speaks for its government is no place",
			"Published: 2019-10-31\nTitle: Car bomb kills eight\n\nA car bomb killed eight people on Thursday in a market in a northern region of Syria.\n\n" +
				"Moscow blamed the fighters for the attack.\n",
			"", "", "Syria"},
		{"a capital as the agent of a passive is its government, no place",
			"Published: 2019-10-31\nTitle: Soldiers killed in mountain attack\n\nAt least 14 Malian soldiers were killed when gunmen attacked two checkpoints in the remote Dagamaru mountains.\n\n" +
				"Another militant group, listed as a terrorist organisation by Washington, is also active in the area.\n",
			"", "", "Mali"},
		{"a country of a past act in the background does not outweigh the report's own",
			"Published: 2014-07-17\nTitle: At least 14 Tunisian troops killed in mountain attack\n\nTUNIS (Reuters) - At least 14 Tunisian soldiers were killed when gunmen attacked two checkpoints in the remote Dagamaru mountains.\n\n" +
				"Militants ambushed the checkpoints on Wednesday night, the Defence Ministry said. More than 20 soldiers were wounded.\n\n" +
				"Thousands of Tunisian soldiers have been deployed to the range in an operation to flush out militants, some since fleeing French intervention in Mali last year.\n\n" +
				"\"It was two simultaneous attacks when they were breaking their fast,\" said Colonel Souhail Chmangi. \"This is open warfare.\"\n\n" +
				"Another soldier is missing after the attack.\n\nTunisia's stock market dropped 0.33 percent after the news of the deaths.\n\n" +
				"Tunisia has struggled with the rise of radical Islamist militants since the 2011 revolt.\n\nMilitants have also claimed attacks in Tunisia in the past.\n",
			"", "", "Tunisia"},
		{"a country's body that speaks after a comma is no country of the place before it",
			"Published: 2004-10-15\nTitle: Car bomb explodes in Baghdad, U.S. military says 10 dead, four injured\n\nclock menu more-arrow no yes\n\nFiled under:\n\nCar bomb explodes in Baghdad, U.S. military says 10 dead, four injured\n\n" +
				"BAGHDAD, Iraq — A car loaded with explosives blew up Friday near a police station in southwest Baghdad, killing 10 Iraqi civilians, the U.S. military said.\n\n" +
				"The car bomb apparently targeted a nearby Iraqi police patrol, the U.S. command said in a statement.\n",
			"Baghdad", "Baghdad", "Iraq"},
		{"a state's body that acted outvotes the place of writing alone",
			"Published: 2023-06-28\nTitle: Air strike kills ten\n\nBANGKOK: An airstrike led by the Myanmar military resulted in the death of ten civilians in a village, reports from locals stated on Wednesday.\n\n" +
				"A military aircraft dropped three bombs on Dagamaru village on Tuesday afternoon, a fighter from the village said.\n",
			"Dagamaru", "", "Myanmar"},
		{"a division's name over a small town of which it is only another name",
			"Published: 2019-05-13\nTitle: Militants kill three soldiers\n\nMilitants killed three soldiers in Kashmir on Monday, police said.\n",
			"Kashmir", "Jammu and Kashmir", "India"},
		{"a headline's country kicker is no dateline, an aggregator's source line no place, and the capital written from is not the act's place",
			"Title: Two soldiers killed\n\n date 2022-02-15 Mali: Two Soldiers Killed in Jihadist Attack\n\nExample Radio (Washington, DC)\n\n" +
				"Bamako, Mali — Two Malian soldiers were killed early Sunday in northern Mali in an attack on their post blamed on jihadists, the army announced.\n",
			"", "", "Mali"},
		{"a town the gazetteer lacks in the dateline's country, where the text puts the act ('here')",
			"Published: 2002-11-29\nTitle: Death toll mounts in attacks targeting Israelis in Kenya\n\nDAGAMARU, Kenya — The death toll in a suicide car bombing at a resort hotel here climbed to at least 15 people Thursday, officials said.\n\n" +
				"The two missiles passed by the jet, and the flight with 271 people on board was able to land safely in Tel Aviv a few hours later.\n",
			"Dagamaru", "", "Kenya"},
		{"another place's news of the day ('In Ramallah, meanwhile, ...')",
			"Published: 2002-04-28\nTitle: Gunmen kill four\n\nPalestinian gunmen burst into homes in a Jewish settlement near Hebron and killed four people, including a 5-year-old girl.\n\n" +
				"In Ramallah, meanwhile, about 50 young Palestinians throwing stones battled Israeli soldiers.\n",
			"Hebron", "West Bank", "Palestine"},
		{"a district named without its word",
			"Published: 2016-01-28\nTitle: Seven dead in landmine blast\n\nRANCHI: Three policemen were killed on Wednesday night when Maoists blew up their vehicle in Palamu, officials said.\n",
			"Palamu", "Jharkhand", "India"},
		{"a forest the gazetteer lacks",
			"Published: 2019-02-13\nTitle: Two soldiers killed in ambush\n\nBAMAKO (AFP) – Gunmen killed two Malian soldiers during an ambush in the centre of the country, the army said.\n\n" +
				"The soldiers were escorting a vehicle when the gunmen ambushed them in Dagamaru forest on Tuesday.\n",
			"Dagamaru", "", "Mali"},
		{"the place the map's caption names is not the report's",
			"Published: 2020-08-19\nTitle: Youths kill 15\n\nMap of South Sudan showing Juba and Pibor.\n\nJUBA — Unidentified youths shot dead 15 people in South Sudan's Pibor region, an official said.\n",
			"Pibor", "", "South Sudan"},
		{"a zone of a region, the gazetteer lacking the zone",
			"Published: 2020-12-14\nTitle: Gunmen kill 32 in attack in Ethiopia\n\nThe killings were carried out on Sunday by an armed group in the Dagamaru Zone of the Oromiya region, an administrator said.\n\n" +
				"In October, 12 people were killed in the Gorod zone of Benishangul-Gumuz region.\n",
			"Dagamaru Zone", "", "Ethiopia"},
		{"a headline's country that the text writes as a division of another",
			"Published: 2022-11-08\nTitle: Bandits Kill Five Villagers in Niger Community\n\nNo fewer than five villagers were killed by gunmen in Dagamaru village in the Karpathos Local Government Area of Niger State.\n",
			"Dagamaru", "", "Nigeria"},
		{"a zone the gazetteer knows is a site of its city",
			"Published: 2020-01-02\nTitle: Embassy attacked\n\nThe embassy in the Green Zone of Baghdad, Iraq, was attacked on 31 December 2019 by militiamen, who set fire to its reception area.\n",
			"Baghdad", "Baghdad", "Iraq"},
		{"a city in a clause of what came before, after 'since'",
			"Published: 2014-07-22\nTitle: Car bomb kills 27\n\nA car bomb exploded at a checkpoint at the entrance to the Kadhimiya district, killing 27 people, officials said.\n\n" +
				"Baghdad has been on edge since militants seized the northern city of Mosul, vowing to push south.\n",
			"Kadhimiya", "Baghdad", "Iraq"},
		{"a town in apposition as a district's headquarters",
			"Published: 2005-03-07\nTitle: Rebels assault district headquarters\n\nThe rebels attacked Dagamaru, the headquarters of the Karpathos district of Nepal, late Saturday and fought security forces for six hours, killing 20.\n",
			"Dagamaru", "", "Nepal"},
		{"a bearing written short before the country",
			"Published: 2011-09-21\nTitle: Bomb attack on police in SE Turkey\n\nA roadside bomb hit a police bus in the central Baglar district of southeastern Diyarbakir province on Tuesday, wounding 12 officers, officials said.\n",
			"Diyarbakir", "Diyarbakır Province", "Turkey"},
		{"the place of an earlier act the report comes on the heels of",
			"Published: 2011-03-01\nTitle: Rebels ambush police jeep\n\nRebels fired at policemen returning from a patrol in Jharkhand late Monday, wounding three, police said.\n\n" +
				"The incident comes close on the heels of the rebels abducting a district collector in Malkangiri.\n",
			"Jharkhand", "Jharkhand", "India"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := extractText(t, tc.text).Main()
			if m == nil || m.Location == nil {
				t.Fatal("no location")
			}
			l := m.Location
			if l.Place != tc.place || l.Admin1 != tc.admin1 || l.Country != tc.country {
				t.Errorf("location %q, %q, %q; want %q, %q, %q", l.Place, l.Admin1, l.Country, tc.place, tc.admin1, tc.country)
			}
		})
	}
}

// TestElidedAndOneMore: "injuring another" after a count is one more of
// them; "and one from Britain" counts one of the first group's noun; "a
// mayor and two others" are three; the number in a unit's name ("the 31
// Assam Rifles") counts nobody, nor does the number of the subject of an
// active killing verb ("Three militants killed a policeman"); "killing a
// priest and five congregants" are six.
func TestElidedAndOneMore(t *testing.T) {
	tests := []struct {
		text           string
		fatal, injured string
	}{
		{"Gunmen attacked a police station in Kandi, Nigeria, killing two officers and injuring another in an incident similar to previous raids.", "2-2", "1+"},
		{"At least four people including three policemen were killed and another was injured on Friday when gunmen opened fire at a police vehicle in Kandi, Pakistan.", "4+", "1+"},
		{"Gunmen in Kandi province on Friday night abducted nine men from a bus and later killed all of them, police said.", "9-9", "null"},
		{"Two American personnel and one from Britain were killed when rockets hit a military camp in Kandi, Iraq, on Wednesday.", "3-3", "null"},
		{"Authorities say a mayor and two others were shot dead as they were travelling in Kandi, Mexico.", "3-3", "null"},
		{"A suicide bomber killed a district governor and two others in Kandi, Afghanistan, on Tuesday.", "3-3", "null"},
		{"The district governor and two of his companions have been killed in Kandi, Afghanistan.", "3-3", "null"},
		{"A mayor and two companions were killed in Kandi, Mexico.", "3-3", "null"},
		{"A jawan of the 31 Assam Rifles was killed in an ambush laid by militants in Kandi, India.", "1-1", "null"},
		{"A mayor and two companions have been shot to death in Kandi, Mexico.", "3-3", "null"},
		{"Two gunmen on a motorcycle shot and killed a journalist in Kandi, Honduras, on Monday.", "1-1", "null"},
		{"Three militants killed a policeman in Kandi, Pakistan, on Monday.", "1-1", "null"},
		// a lone victim and a group, or a second person, joined to it
		{"Gunmen opened fire at a church in Kandi, Burkina Faso, on Sunday, killing a priest and five congregants.", "6-6", "null"},
		{"A priest and five congregants were killed Sunday when gunmen opened fire during Mass at a church in Kandi, Burkina Faso.", "6-6", "null"},
		{"The attack killed a police officer and his driver in Kandi, Afghanistan, on Sunday.", "2-2", "null"},
		{"Five attackers were killed by police in Kandi, Pakistan, on Monday.", "5-5", "null"},
		{"Rebels hacked to death at least 22 civilians in a raid near Kandi, DR Congo. More than 100 people have died in such attacks since November 5.", "22+", "null"},
	}
	for _, tc := range tests {
		m := extractText(t, "Published: 2020-03-12\nTitle: Attack\n\n"+tc.text+"\n").Main()
		if got := rangeString(m.Fatalities); got != tc.fatal {
			t.Errorf("%.50q: fatalities %s, want %s", tc.text, got, tc.fatal)
		}
		if got := rangeString(m.Injuries); got != tc.injured {
			t.Errorf("%.50q: injuries %s, want %s", tc.text, got, tc.injured)
		}
	}
}

// TestDayOfTheActNotOfTheWords: a weekday that closes the clause of the
// act dates it though an attribution follows; the day a body condemned an
// act is not the act's, nor does it make an incident of its own.
func TestDayOfTheActNotOfTheWords(t *testing.T) {
	doc := "Published: 2020-01-30\nTitle: At least 14 killed in gunmen attack\n\n" +
		"ABUJA, Jan. 27 (Xinhua) \u2014 At least 14 people were killed when gunmen hit a village in Nigeria's Plateau, a state in the country's central region, several local sources said on Monday.\n\n" +
		"Two women were among the dead victims of the attack in the village of Dagamaru in Bokkos local government area of the state late Sunday, a village vigilante group member said.\n\n" +
		"The Kandi Red Cross on Tuesday condemned the bombing, calling it cowardly.\n"
	res := extractText(t, doc)
	m := res.Main()
	if m.Date == nil || m.Date.Start != "2020-01-26" {
		t.Errorf("date %+v, want 2020-01-26", m.Date)
	}
	if n := len(res.Incidents); n != 1 {
		t.Errorf("%d incidents, want 1", n)
	}
}

// TestTallyAsOfADay: a count "as of Sunday afternoon" is dated by when it
// was counted, not when the act happened: its figures stay with the act.
func TestTallyAsOfADay(t *testing.T) {
	m := wantDate(t, "Published: 2023-01-15\nTitle: Toll from missile strike rises\n\n"+
		"The death toll from a missile strike on an apartment building in Kandi has risen to 29, officials said.\n\n"+
		"Rescue crews worked through the night at the building, the site of the worst casualties from a barrage on Saturday.\n\n"+
		"The governor said that at least 73 people were wounded and 39 people had been rescued as of Sunday afternoon.\n", "2023-01-14")
	if m.Injuries == nil || m.Injuries.Min != 73 {
		t.Errorf("injuries %+v, want 73", m.Injuries)
	}
}

// TestLeadDatedByItsWords: a lead dated only by when its words were said
// is not dated by an earlier act in the background ("In April, ..."), and
// is dated by a later sentence's day that owns the act ("Tuesday's
// incident").
func TestLeadDatedByItsWords(t *testing.T) {
	lead := "Published: 2024-06-05\nTitle: Seven soldiers killed in attack\n\n" +
		"Seven soldiers were killed by suspected militants in Kandi National Park, two security sources said on Wednesday.\n\n" +
		"The soldiers were killed in an ambush near the town of Tanguieta, the sources said.\n\n" +
		"The country's northern neighbours are plagued by insurgency.\n\n" +
		"In April, unidentified gunmen attacked a border crossing, killing three people and wounding one, a local mayor said.\n\n"
	tests := []struct{ name, tail, want string }{
		{"no day of its own: the words' day", "", "2024-06-05"},
		{"a day that owns the act", "The army has not commented on Tuesday's incident.\n", "2024-06-04"},
		{"a day that owns an event word", "Residents said Monday's deadly ambush was the worst in years.\n", "2024-06-03"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := extractText(t, lead+tc.tail).Main()
			if m == nil || m.Date == nil || m.Date.Start != tc.want {
				t.Fatalf("date %+v, want %s", m.Date, tc.want)
			}
			if m.Injuries != nil {
				t.Errorf("injuries %+v, want none: the April attack's", m.Injuries)
			}
		})
	}
}

// TestSinceAWarBegan: the date of a clause that opens a period ("since
// the fighting began on February 24 2022") is another event's start.
func TestSinceAWarBegan(t *testing.T) {
	m := extractText(t, "Published: 2023-04-02\nTitle: Blast kills blogger in cafe\n\n"+
		"A bomb exploded in a cafe in Kandi, killing a military blogger and wounding 16 people.\n\n"+
		"Various fires and explosions have occurred in the country since the fighting began on February 24 2022, without any clear link to the blast.\n").Main()
	if m == nil || m.Date == nil || m.Date.Start != "2023-04-02" {
		t.Fatalf("date %+v, want the publication's, 2023-04-02", m.Date)
	}
}

// TestPeopleBeforeItsFighters: a people's name before its fighters ("Naga
// insurgents") is no town of that name, nor a target after "by".
func TestPeopleBeforeItsFighters(t *testing.T) {
	title := "Suspected Naga insurgent group ambush, kill 2 jawans, injure 4"
	m := extractText(t, "Published: 2018-06-17\nTitle: "+title+"\n\n"+
		"Since the 1980s, the group has engaged in attacks on security forces, extortion and looting.\n\n"+title+"\n\n"+
		"Kohima: Two jawans were killed and four others suffered injuries in an ambush by suspected Naga insurgents in Mon district of Nagaland on Sunday.\n").Main()
	if m == nil || m.Location == nil || m.Location.Place != "Mon" || m.Location.Country != "India" {
		t.Fatalf("location %+v, want Mon, India", m.Location)
	}
	m = extractText(t, "Published: 2018-06-17\nTitle: Two soldiers killed\n\n"+
		"Two personnel were killed in an ambush by suspected Kuki militants in Mon district of Nagaland on Sunday.\n").Main()
	for _, tg := range m.Targets {
		if strings.Contains(tg, "militants") {
			t.Errorf("target %q: the agents of the ambush", tg)
		}
	}
}

// TestDivisionOfTwoCountries: "Punjab" is a state of India and a
// province of Pakistan; the other places the report names say which.
func TestDivisionOfTwoCountries(t *testing.T) {
	tests := []struct{ later, country string }{
		{"The Press Information Bureau in Delhi said the operation was still on.", "India"},
		{"Officials in Lahore said the operation was still on.", "Pakistan"},
	}
	for _, tc := range tests {
		m := extractText(t, "Published: 2015-07-27\nTitle: Five killed as attack shatters Punjab calm\n\n"+
			"At least five people were killed when gunmen stormed a police station in a town in Punjab's Karpathos district.\n\n"+
			"Authorities said the toll may be higher.\n\n"+tc.later+"\n").Main()
		if m == nil || m.Location == nil || m.Location.Country != tc.country {
			t.Errorf("%s: location %+v, want %s", tc.later, m.Location, tc.country)
		}
	}
}

// TestDistrictPrecision: a district named with its kind is a
// second-level division, at the precision of one.
func TestDistrictPrecision(t *testing.T) {
	m := extractText(t, "Published: 2018-06-17\nTitle: Soldiers killed\n\nSeven soldiers were killed when a bomb hit their vehicle in Kurram district on Sunday.\n").Main()
	if m == nil || m.Location == nil || m.Location.Place != "Kurram" || m.Location.Country != "Pakistan" || m.Location.Precision != "district" || m.Location.Admin2 == "" {
		t.Fatalf("location %+v, want the district of Kurram, Pakistan", m.Location)
	}
}

// TestDayOfAnActCondemned: "on Friday that the president condemned" dates
// the act the clause speaks of; "would reopen on Saturday" is a plan.
func TestDayOfAnActCondemned(t *testing.T) {
	tests := []struct{ name, text string }{
		{"a clause on the act after its day",
			"KANDI, France: A knifeman fatally stabbed a teacher in an attack at a school in the city of Kandi on Friday that the president condemned as terrorism.\n\n" +
				"On Wednesday, gunmen killed two guards at a school in the south of the country.\n"},
		{"a plan's day",
			"A knifeman fatally stabbed a teacher at a school in Kandi, the president said on Friday.\n\n" +
				"Saying the school would reopen on Saturday after the attack, he added: \"Our choice is made not to give in.\"\n"},
	}
	for _, tc := range tests {
		m := extractText(t, "Published: 2023-10-13\nTitle: Teacher killed in attack at school\n\n"+tc.text).Main()
		if m == nil || m.Date == nil || m.Date.Start != "2023-10-13" {
			t.Errorf("%s: date %+v, want 2023-10-13", tc.name, m.Date)
		}
	}
}

// TestDayOfTheActNamedAgain: a lead with no day; a sentence soon after
// names the act again, with its article, and its day.
func TestDayOfTheActNamedAgain(t *testing.T) {
	wantDate(t, "Published: 2018-06-10\nTitle: Missile attack kills three in Kandi\n\n"+
		"Three civilians have been killed in the south of the country by incoming fire from across the border, according to state media.\n\n"+
		"The rebels have fired a series of missiles across the border in recent months.\n\n"+
		"The conflict is widely seen as a proxy battle between regional powers.\n\n"+
		"Citing a military spokesman, the state news agency announced the deaths in Kandi province on Saturday night.\n", "2018-06-09")
}

// TestUndatedReportBackground: in a report with no date of its own, an
// embedded post's signature run into the text ("— Jane Smith (@janesmith)
// July 30, 2018") and a year in the background ("killed in 2015 when")
// date nothing.
func TestUndatedReportBackground(t *testing.T) {
	doc := "Title: Cyclists killed in suspected attack\n\n" +
		"Four cyclists have been run down and killed by a car in what authorities said could be a terrorist attack. " +
		"They were killed in the incident on Sunday in the Kandi district near the border. " +
		"This video reportedly from the scene appears to show the car hit one of them @Examplehttps://t.co/abc123— Jane Smith (@janesmith) July 30, 2018 The president expressed his condolences. " +
		"At least 17 people were killed in 2015 when armed groups attacked police stations and an airport.\n"
	m := extractText(t, doc).Main()
	if m == nil {
		t.Fatal("no incident")
	}
	if m.Date != nil {
		t.Errorf("date %+v, want none: the report gives no day the act can be counted from", m.Date)
	}
	if m.Location == nil || m.Location.Place != "Kandi" {
		t.Errorf("location %+v, want the lead's Kandi", m.Location)
	}
}

// TestReportedOnADayThat: "reported on Saturday that ten soldiers were
// killed" dates the report; "the attack on Friday" in the next sentence
// dates the act, and its wounded are the act's.
func TestReportedOnADayThat(t *testing.T) {
	m := wantDate(t, "Published: 2023-02-12\nTitle: Ten soldiers killed in ambush\n\n"+
		"The defense ministry reported on Saturday that at least ten soldiers were killed in an ambush by armed men in the southwest of Kandi.\n\n"+
		"According to a ministry statement, 16 individuals are still missing and 13 soldiers were hurt in the attack on Friday.\n", "2023-02-10")
	if got := rangeString(m.Injuries); got != "13-13" {
		t.Errorf("injuries %s, want 13-13", got)
	}
}

// TestOvernightBeforeTheWords: "overnight" in a sentence that dates its
// words ("officials said on Sunday") is the night before those words, not
// before the publication.
func TestOvernightBeforeTheWords(t *testing.T) {
	wantDate(t, "Published: 2019-12-16\nTitle: Attack\n\nRebels hacked to death at least 22 civilians in an overnight raid near Kandi, DR Congo, officials said on Sunday.\n", "2019-12-15")
}

// TestOvernightInBrackets: "Overnight (Friday-Saturday)" is the night of
// the first day named, as "overnight Friday" is.
func TestOvernightInBrackets(t *testing.T) {
	wantDate(t, "Published: 2023-06-17\nTitle: Villagers killed\n\n\"Overnight (Friday-Saturday) armed people attacked the village of Kandi,\" a security source said on Saturday, adding that 11 people were killed.\n", "2023-06-16")
}

// TestBodiesAsSpeakers: a mission speaks for its state; a role's
// possessive opens a body's name; a paper is named by its noun; a plural
// noun opening a sentence is no name.
func TestBodiesAsSpeakers(t *testing.T) {
	doc := "Published: 2014-03-12\nTitle: Blasts kill six\n\nTwo explosions killed six people in Kandi, Kenya, on Monday, police said.\n\n" +
		"The British Embassy in Kandi condemned the attack.\n\n" +
		"The officers were ambushed near the market, the Kandi state Attorney General's Office said.\n\n" +
		"The attackers fled in ten vehicles, the Novedades de Kandi newspaper reported.\n\n" +
		"Residents of Dagamaru said the gunmen had entered the village at night.\n"
	res := extractText(t, doc)
	st := speakerStances(res)
	for _, want := range []string{"British Embassy:condemn", "Attorney General's Office:other"} {
		if !slices.Contains(st, want) {
			t.Errorf("statements %q, want %s", st, want)
		}
	}
	kinds := map[string]string{}
	for _, a := range res.Actors {
		kinds[a.Name] = a.Kind
	}
	if k := kinds["Novedades de Kandi"]; k != dossier.KindMedia {
		t.Errorf("Novedades de Kandi is %q, want media (actors %v)", k, kinds)
	}
	for n := range kinds {
		if n == "Residents of Dagamaru" || n == "'s Office" {
			t.Errorf("actor %q is no name", n)
		}
	}
}

// TestDoersOfReports: who did it, in shapes reports use: a claim in the
// progressive, one of a group as the subject of the act, a group that says
// in a statement it carried it out, a group the attackers are believed to
// belong to (accused), named after its description.
func TestDoersOfReports(t *testing.T) {
	tests := []struct{ text, perp, accused, statement string }{
		{"A suicide car bombing killed two people in Kandi, Afghanistan, on Sunday.\n\nThe Taliban is claiming responsibility for the attack.", "Taliban", "", ""},
		{"A Taliban suicide bomber carried out the attack in Kandi, Afghanistan, which killed as many as six people.", "Taliban", "", ""},
		{"An al-Shabaab gunman opened fire on a bus in Kandi, Kenya, killing six people.", "al-Shabaab", "", ""},
		{"The National Urban War Front of the ELN said in a statement that it carried out the attack on a police station in Kandi, Colombia, that killed five officers.",
			"National Urban War Front of the ELN", "", "National Urban War Front of the ELN:support"},
		{"The attackers, believed to be connected to the militant Islamist group Boko Haram, fired a rocket into the police station in Kandi, Nigeria, killing two officers.", "", "Boko Haram", ""},
	}
	for _, tc := range tests {
		res := extractText(t, "Published: 2019-05-06\nTitle: Attack\n\n"+tc.text+"\n")
		m := res.Main()
		if tc.perp != "" && !slices.Contains(m.Perpetrators, tc.perp) {
			t.Errorf("%.50q: perpetrators %q, want %s", tc.text, m.Perpetrators, tc.perp)
		}
		if tc.accused != "" && !slices.Contains(m.Accused, tc.accused) {
			t.Errorf("%.50q: accused %q, want %s", tc.text, m.Accused, tc.accused)
		}
		if tc.statement != "" {
			st := speakerStances(res)
			if !slices.Contains(st, tc.statement) {
				t.Errorf("%.50q: statements %q, want %s", tc.text, st, tc.statement)
			}
		}
	}
}

// TestQuotationThenSpeaker: a quotation before its named speaker and the
// verb carries the speaker's stance; a body's name joined by "and" is one
// speaker.
func TestQuotationThenSpeaker(t *testing.T) {
	doc := "Published: 2019-05-06\nTitle: Attack\n\nA bomb killed four soldiers in Kandi, Somalia, on Friday.\n\n" +
		"\"We condemn this barbaric attack,\" President Hassan Sheikh Mohamud said in a statement.\n\n" +
		"A Kandi Fire and Rescue Service spokesman said: \"The cause of the fire was malicious.\"\n"
	st := speakerStances(extractText(t, doc))
	for _, want := range []string{"Hassan Sheikh Mohamud:condemn", "Kandi Fire and Rescue Service:other"} {
		if !slices.Contains(st, want) {
			t.Errorf("statements %q, want %s", st, want)
		}
	}
}

// TestDeadWithoutTheUsualFigure: a toll's verb gives its figure past
// what the toll is of; "shot dead a village chief" is one dead; "fatally
// wounded two" are two dead; "shot a policeman" is no death; "NAME (29)
// died after being shot" is one dead, the 29 an age; a tally of the year
// or of the world counts no act.
func TestDeadWithoutTheUsualFigure(t *testing.T) {
	for text, want := range map[string]string{
		"The death toll from a brazen overnight militant attack on a police training center in Kandi, Pakistan, has risen to 59 people, officials said.": "59-59",
		"The death toll from the suicide blast that hit a political gathering in Kandi, Pakistan, on Sunday rose to 44, officials said.":                 "44-44",
		"Unidentified gunmen shot dead a village chief in Kandi, Thailand, on Thursday.":                                                                 "1-1",
		"Gunmen fatally wounded two village defense volunteers in Kandi, Thailand, on Thursday.":                                                         "2-2",
		"Gunmen shot a policeman in Kandi, Thailand, on Thursday.":                                                                                       "null",
		// an age in brackets is no count, and its person died of violence
		"Jane Karpathos (29) died after being shot during riots in Kandi, Northern Ireland, on Thursday night.":  "1-1",
		"Journalist Jane Karpathos (29) was wounded during riots in Kandi, Northern Ireland, on Thursday night.": "null",
		// a year's or the world's tally is not the act's
		"Gunmen shot dead a journalist in Kandi, Mexico, on Monday. At least 65 media workers were killed worldwide doing their jobs this year.": "1-1",
		"Gunmen attacked a journalist's car in Kandi, Mexico, on Monday. At least 65 media workers were killed worldwide this year.":             "null",
	} {
		m := extractText(t, "Published: 2016-10-25\nTitle: Attack\n\n"+text+"\n").Main()
		if got := rangeString(m.Fatalities); got != want {
			t.Errorf("%.50q: fatalities %s, want %s", text, got, want)
		}
	}
}

// TestClaimantSubjects: the subject that claims, past its description, an
// acronym and a day between it and the verb.
func TestClaimantSubjects(t *testing.T) {
	for text, want := range map[string]string{
		"The Kurdistan Freedom Hawks (TAK) militant group has claimed responsibility for a suicide bombing in Kandi, Turkey, that killed 37 people.": "Kurdistan Freedom Hawks",
		"A suicide bombing killed 30 people in Kandi, Iraq, on Monday.\n\nThe Islamic State group yesterday claimed responsibility for the bombing.": "Islamic State group",
		"A suicide bombing killed 30 people in Kandi, Iraq, on Monday.\n\nHamas on Tuesday claimed responsibility for the bombing.":                  "Hamas",
	} {
		m := extractText(t, "Published: 2016-10-25\nTitle: Attack\n\n"+text+"\n").Main()
		if !slices.Contains(m.Perpetrators, want) {
			t.Errorf("%.50q: perpetrators %q, want %s", text, m.Perpetrators, want)
		}
	}
}

// TestSpeakerNames: a title word inside a name after its given name is a
// part of it; "the ministry said" is the ministry the report named.
func TestSpeakerNames(t *testing.T) {
	doc := "Published: 2016-10-25\nTitle: Attack\n\nGunmen killed nine people at a church in Kandi, Egypt, on Monday, Egypt's Interior Ministry said.\n\n" +
		"The attacker had earlier opened fire at a nearby shop, the ministry said.\n\n" +
		"President Hassan Sheikh Mohamud condemned the attack.\n"
	res := extractText(t, doc)
	st := speakerStances(res)
	for _, want := range []string{"Interior Ministry:other", "Hassan Sheikh Mohamud:condemn"} {
		if !slices.Contains(st, want) {
			t.Errorf("statements %q, want %s", st, want)
		}
	}
	for _, s := range st {
		if s == "ministry:other" || s == "Mohamud:condemn" {
			t.Errorf("statement %s: a part of a name", s)
		}
	}
}

// TestTitledNameBeforeOf: after a title, a person's name of two words ends
// at "of" when a possessor or a body with its article follows ("Sister
// Jane Smith of Kandi's order", "Maj. Jane Smith of the Kandi fire
// department").
func TestTitledNameBeforeOf(t *testing.T) {
	doc := "Published: 2005-02-12\nTitle: Attack\n\nTwo gunmen shot a missionary in Kandi on Saturday.\n\n" +
		"\"It was three shots,\" said Sister Betsy Flynn of Stang's order.\n\n" +
		"Maj. Jorge Montanero of the Kandi fire department confirmed that the car had exploded.\n\n" +
		"\"We are evacuating the buildings,\" Montanero said.\n"
	st := speakerStances(extractText(t, doc))
	for _, want := range []string{"Betsy Flynn:other", "Jorge Montanero:other"} {
		if !slices.Contains(st, want) {
			t.Errorf("statements %q, want %s", st, want)
		}
	}
}

// TestClaimantsThroughOthers: a person who claims for the group his aside
// names; a group's regional affiliate; a group's spokesman.
func TestClaimantsThroughOthers(t *testing.T) {
	for text, want := range map[string]string{
		"A suicide bomber killed 80 people at a mosque in Kandi, Pakistan, on Monday.\n\nSarbakaf Mohmand, a commander of the Pakistani Taliban, claimed responsibility for the bombing.": "Pakistani Taliban",
		"Al Qaeda's West Africa affiliate on Tuesday claimed responsibility for coordinated attacks in Kandi, Mali, that killed 38 soldiers.":                                             "Al Qaeda's West Africa affiliate",
	} {
		m := extractText(t, "Published: 2016-10-25\nTitle: Attack\n\n"+text+"\n").Main()
		if !slices.Contains(m.Perpetrators, want) {
			t.Errorf("%.50q: perpetrators %q, want %s", text, m.Perpetrators, want)
		}
	}
	doc := "Published: 2016-10-25\nTitle: Attack\n\nA suicide bomber killed 18 people in Kandi, Somalia, on Monday.\n\n" +
		"Speaking to Al Jazeera, al-Shabab's military operations spokesman claimed responsibility for the attack.\n"
	st := speakerStances(extractText(t, doc))
	if !slices.Contains(st, "al-Shabab:support") {
		t.Errorf("statements %q, want al-Shabab:support", st)
	}
}

// TestEarlierActs: an act in a clause of "after" is another act: its
// doer is not this one's, its claim no statement on this one; a claim
// after a comma ("Hours after the attack, the Taliban claimed") is.
func TestEarlierActs(t *testing.T) {
	lead := "Published: 2016-10-25\nTitle: Attack\n\nA suicide bomber rammed a vehicle packed with explosives into a convoy in Kandi, Somalia, on Monday, killing 12 soldiers.\n\n"
	for _, text := range []string{
		"The attack comes exactly one week after a US air strike killed the chief of the al-Qaeda-linked al-Shabab group.",
		"The conflict re-ignited in late June, after the PKK claimed responsibility for the killings of two policemen.",
	} {
		res := extractText(t, lead+text+"\n")
		if m := res.Main(); len(m.Perpetrators) > 0 || len(m.Accused) > 0 {
			t.Errorf("%.50q: perpetrators %q, accused %q, want none", text, m.Perpetrators, m.Accused)
		}
		if len(res.Statements) > 0 {
			t.Errorf("%.50q: statements %+v, want none", text, res.Statements)
		}
	}
	m := extractText(t, lead+"Hours after the attack, the Taliban claimed responsibility.\n").Main()
	if !slices.Contains(m.Perpetrators, "Taliban") {
		t.Errorf("perpetrators %q, want Taliban", m.Perpetrators)
	}
}

// TestPubNamedLikeATown: a site's name before its noun ("the Red Lion
// pub") is no town of that name abroad moved into the document's country.
func TestPubNamedLikeATown(t *testing.T) {
	doc := "Source: https://en.wikipedia.org/wiki/Case\n= Red Lion Pub bombing =\n\nThe Red Lion Pub bombing was a bomb attack on 2 November 1971 in Belfast, Northern Ireland. " +
		"Planted by the Provisional IRA, it exploded in the Red Lion pub on Ormeau Road, killing three people and injuring about 30 others.\n"
	m := extractText(t, doc).Main()
	if m.Location == nil || m.Location.Place != "Belfast" {
		t.Errorf("location %+v, want Belfast", m.Location)
	}
}

// TestCountryNamedAsObject: a country named later in the sentence as
// whom something is addressed to does not say which town of a name.
func TestCountryNamedAsObject(t *testing.T) {
	doc := "Source: https://en.wikipedia.org/wiki/Case\n= 2024 Gwadar attack =\n\nOn 20 March 2024, the Gwadar Port Authority Complex was attacked by armed Baloch separatists. All eight militants as well as two soldiers were killed in the attack.\n\n" +
		"Pakistani security forces quickly responded to the gunfire. The Balochistan Liberation Army claimed responsibility for the attack. " +
		"The group called the attack a warning to foreign investors interested in Gwadar, signalling to China of its investments in Gwadar port.\n"
	m := extractText(t, doc).Main()
	if m.Location == nil || m.Location.Country != "Pakistan" {
		t.Errorf("location %+v, want in Pakistan", m.Location)
	}
}

// TestTownOfANamedDistrict: "the town of X in Y district" is the town of
// the name whose second-level division is Y.
func TestTownOfANamedDistrict(t *testing.T) {
	doc := "Published: 2015-09-07\nTitle: Soldiers killed\n\nIt said the attack took place in the town of Daglica in Yuksekova district on Sunday evening, killing 15 soldiers.\n"
	m := extractText(t, doc).Main()
	if m.Location == nil || m.Location.Place != "Daglica" || m.Location.Admin1 != "Hakkâri" {
		t.Errorf("location %+v, want Daglica, Hakkâri", m.Location)
	}
}

// speakerStances lists an extraction's statements as "speaker:stance".
func speakerStances(res *dossier.Extraction) []string {
	var st []string
	for _, s := range res.Statements {
		st = append(st, s.Speaker+":"+s.Stance)
	}
	return st
}

// TestWhereTheWordsWereSaid: "the prime minister said in London" says
// where the words were said, not where the act was; an age opens a
// victim's description.
func TestWhereTheWordsWereSaid(t *testing.T) {
	doc := "Published: 2012-05-26\nTitle: Police officer killed by booby-trap bomb\n\nA 25-year-old Catholic police officer was killed on Saturday when a bomb exploded under his car, police said.\n\n" +
		"\"They will fail,\" British Prime Minister David Cameron said in London.\n"
	m := extractText(t, doc).Main()
	if m.Location != nil && m.Location.Place == "London" {
		t.Errorf("location %+v: where the words were said", m.Location)
	}
	if !slices.Contains(m.Targets, "25-year-old Catholic police officer") {
		t.Errorf("targets %q, want the 25-year-old Catholic police officer", m.Targets)
	}
}

// TestClaimInTheProgressive: "the Taliban is claiming responsibility" is
// the group's statement (support), not a passive with nobody speaking.
func TestClaimInTheProgressive(t *testing.T) {
	doc := "Published: 2012-05-26\nTitle: Convoy attacked\n\nA car bomb attack on a convoy in Kandi, Pakistan, killed two people on Friday.\n\nThe Taliban is claiming responsibility for the attack.\n"
	if st := speakerStances(extractText(t, doc)); !slices.Contains(st, "Taliban:support") {
		t.Errorf("statements %q, want Taliban:support", st)
	}
}

// TestPersonAfterBodyAndRole: "said PARTY deputy leader NAME" and "US
// Secretary of State NAME blamed" give the person, without the title.
func TestPersonAfterBodyAndRole(t *testing.T) {
	doc := "Published: 2016-10-25\nTitle: Attack\n\nA bomb killed a police officer in Kandi, Northern Ireland, on Saturday.\n\n" +
		"\"They will fail,\" said Sinn Fein deputy leader Martin McGuinness.\n\n" +
		"US Secretary of State Mike Pompeo blamed Iranian-backed militias for the attack.\n"
	st := speakerStances(extractText(t, doc))
	for _, want := range []string{"Martin McGuinness:other", "Mike Pompeo:accuse"} {
		if !slices.Contains(st, want) {
			t.Errorf("statements %q, want %s", st, want)
		}
	}
}

// TestAmbassadorToACountry: "U.S. Ambassador to COUNTRY NAME" is the
// ambassador speaking, neither his state nor "COUNTRY NAME".
func TestAmbassadorToACountry(t *testing.T) {
	doc := "Published: 2016-10-25\nTitle: Attack\n\nA gunman killed four people at a synagogue in Kandi, Israel, on Tuesday.\n\n" +
		"U.S. Ambassador to Israel Dan Shapiro described it as \"a barbaric new low.\"\n"
	if st := speakerStances(extractText(t, doc)); !slices.Contains(st, "Dan Shapiro:condemn") {
		t.Errorf("statements %q, want Dan Shapiro:condemn", st)
	}
}

// TestTrustIsABody: "the Press Trust of India" is one body, not a person
// "Press Trust" of a country.
func TestTrustIsABody(t *testing.T) {
	doc := "Published: 2016-10-25\nTitle: Attack\n\nGunmen opened fire on a bus carrying pilgrims in Kandi, India, on Monday, killing seven.\n\n" +
		"The Press Trust of India said the gunmen first opened fire on a police car.\n"
	if st := speakerStances(extractText(t, doc)); !slices.Contains(st, "Press Trust of India:other") {
		t.Errorf("statements %q, want Press Trust of India:other", st)
	}
}

// TestGunmenAreNoWeapon: "gunmen" says a firearm was used; the weapon is
// named by its class, not by the people who held it.
func TestGunmenAreNoWeapon(t *testing.T) {
	m := extractText(t, "Published: 2013-02-08\nTitle: Gunmen kill nine\n\nGunmen killed nine police officers in Kandi, Mexico, on Tuesday.\n").Main()
	if slices.Contains(m.Weapons, "Gunmen") || slices.Contains(m.Weapons, "gunmen") || !slices.Contains(m.Weapons, "firearm") {
		t.Errorf("weapons %q, want firearm and no gunmen", m.Weapons)
	}
}

// TestHostageTaking: armed men who seize hostages commit an abduction,
// however often their rifles are named; the army that reports it is a
// source, not a side that fought.
func TestHostageTaking(t *testing.T) {
	m := extractText(t, "Published: 2009-12-11\nTitle: Gunmen seize at least 40 hostages in Kandi\n\n"+
		"The military said today that gunmen have seized at least 40 people, most of them schoolchildren, after a raid on a remote school in Kandi, Nigeria.\n\n"+
		"The group, armed with rifles, captured four teachers and an unknown number of students. Two foresters were also taken hostage.\n").Main()
	if m == nil {
		t.Fatal("no incident")
	}
	if m.Type != "Violence against civilians" || m.SubType != "Abduction/forced disappearance" {
		t.Errorf("type %q / %q, want Violence against civilians / Abduction/forced disappearance", m.Type, m.SubType)
	}
}

// TestNobodyKilled: a report that says nobody died, without a figure,
// gives a toll of none; one side that "suffered no casualties" says
// nothing of the act's toll.
func TestNobodyKilled(t *testing.T) {
	for _, c := range []struct {
		text string
		fat  string
	}{
		{"Published: 2004-12-04\nTitle: Bombs hit five stations\n\nMADRID — Bombs exploded at five gas stations in Madrid on Friday. The explosions claimed no casualties, but two police officers were lightly wounded.\n", "0"},
		{"Published: 1992-12-17\nTitle: Bomb in London\n\nA bomb exploded near London Bridge on Wednesday. Four were seriously hurt but nobody was killed.\n", "0"},
		{"Published: 2017-12-28\nTitle: Clash near Kandi\n\nSoldiers repelled an attack near Kandi, Niger, on Wednesday. The troops suffered no casualties.\n", ""},
	} {
		m := extractText(t, c.text).Main()
		if m == nil {
			t.Fatal("no incident")
		}
		got := ""
		if m.Fatalities != nil {
			got = fmt.Sprint(m.Fatalities.Min)
		}
		if got != c.fat {
			t.Errorf("%q: fatalities %q, want %q", c.text, got, c.fat)
		}
	}
}

// TestNobodyHurt: a report that says nobody was hurt, in the usual
// shapes, has no injured; "no other injuries" says there were some, and a
// side's own toll is not the act's.
func TestNobodyHurt(t *testing.T) {
	for _, c := range []struct {
		sentence string
		inj      string
	}{
		{"No injuries were reported.", "0"},
		{"There were no reports of injuries.", "0"},
		{"Nobody was injured, police said.", "0"},
		{"No one was hurt in the blast, which damaged a wall.", "0"},
		{"No immediate injuries were reported.", "0"},
		{"No other injuries were reported.", ""},
		{"The soldiers suffered no injuries.", ""},
	} {
		text := "Published: 2019-05-14\nTitle: Bomb at a police station\n\nA bomb exploded outside a police station in Peshawar on Monday. " + c.sentence + " Police said militants had planted the device.\n"
		m := extractText(t, text).Main()
		if m == nil {
			t.Fatal("no incident")
		}
		got := ""
		if m.Injuries != nil {
			got = fmt.Sprint(m.Injuries.Min)
		}
		if got != c.inj {
			t.Errorf("%q: injuries %q, want %q", c.sentence, got, c.inj)
		}
	}
}

// TestDatelineDashIsNoName: the dash after a wire's dateline is not part
// of the name that opens the sentence.
func TestDatelineDashIsNoName(t *testing.T) {
	m := extractText(t, "Title: Gunmen kill three policemen\n\nCAIRO, Nov 24 (Reuters) - Gunmen killed at least three policemen at a checkpoint in Kandi, Egypt, on Thursday, security sources said.\n").Main()
	if m == nil {
		t.Fatal("no incident")
	}
	for _, p := range append(m.Perpetrators, m.Accused...) {
		if strings.HasPrefix(p, "-") {
			t.Errorf("perpetrator %q opens with the dateline's dash", p)
		}
	}
}

// TestBackgroundSentenceRoles: a sentence that opens with another time
// ("In March,", "Last month,") tells another act: its groups are no
// perpetrators or accused of the report's.
func TestBackgroundSentenceRoles(t *testing.T) {
	for _, text := range []string{
		"Gunmen killed three police officers in Kandi, Russia, on Sunday. In March, Russian security forces said they killed four alleged ISIS fighters who were planning an attack on a synagogue.",
		"Gunmen killed six soldiers in Kandi, Tunisia, on Wednesday. Last month, AQIM claimed responsibility for an attack that killed four soldiers.",
	} {
		m := extractText(t, "Published: 2019-04-25\nTitle: Attack\n\n"+text+"\n").Main()
		if m == nil {
			t.Fatal("no incident")
		}
		for _, p := range append(m.Perpetrators, m.Accused...) {
			if p != "Gunmen" {
				t.Errorf("%.40q: role %q from the background sentence", text, p)
			}
		}
	}
}

// TestQuotedAndPluralDoers: a group named in quotation marks claims as
// any other; a plural subject "were believed to be behind" is accused.
func TestQuotedAndPluralDoers(t *testing.T) {
	for _, c := range []struct{ text, perps, accused string }{
		{"Two police officers were shot in Kandi, Northern Ireland, on Sunday. The 'New IRA' has said it carried out the shooting.", "New IRA", ""},
		{"Two police officers were shot in Kandi, Northern Ireland, on Sunday. The \"New IRA\" claimed responsibility for the shooting.", "New IRA", ""},
		{"A bomb exploded near a bus in Kandi, Turkey. The Kurdistan Freedom Falcons were believed to be behind the attack.", "", "Kurdistan Freedom Falcons"},
	} {
		m := extractText(t, "Published: 2019-04-25\nTitle: Attack\n\n"+c.text+"\n").Main()
		if m == nil {
			t.Fatal("no incident")
		}
		if got := strings.Join(m.Perpetrators, "|"); got != c.perps {
			t.Errorf("%.60q: perpetrators %q, want %q", c.text, got, c.perps)
		}
		if got := strings.Join(m.Accused, "|"); got != c.accused {
			t.Errorf("%.60q: accused %q, want %q", c.text, got, c.accused)
		}
	}
}

// TestSpeakerBehindTitle: the person a title or a role describes speaks,
// not the place or body named in the title.
func TestSpeakerBehindTitle(t *testing.T) {
	for _, c := range []struct{ sentence, speaker string }{
		{"\"The city is calm,\" Wasim Baig, spokesman for the Quetta hospital told Reuters.", "Wasim Baig"},
		{"\"We condemn this attack,\" said the UN Special Representative for Somalia, Peter de Clercq.", "Peter de Clercq"},
		{"\"It was a cowardly attack,\" said Montri Prommee of Saiburi police.", "Montri Prommee"},
	} {
		doc := extractText(t, "Published: 2019-04-25\nTitle: Attack\n\nGunmen killed five soldiers in Kandi, Somalia, on Monday. "+c.sentence+"\n")
		var got []string
		for _, s := range doc.Statements {
			got = append(got, s.Speaker)
		}
		if !slices.Contains(got, c.speaker) {
			t.Errorf("%.50q: speakers %q, want %q", c.sentence, got, c.speaker)
		}
	}
}

// TestPronounBeforeTheVerb: `"...," he said during the funeral of NAME`:
// the pronoun is the speaker (the last person who spoke), not the name
// after the verb.
func TestPronounBeforeTheVerb(t *testing.T) {
	doc := extractText(t, "Published: 2019-04-25\nTitle: Attack\n\nGunmen killed 16 soldiers in Kandi, Niger, on Monday. \"This cowardly attack resulted in the death of 16 soldiers,\" said Defence Minister Ibrahim Miko. \"We mourn our dead,\" he said during the funeral of Lieutenant Maman Namewa.\n")
	for _, s := range doc.Statements {
		if s.Speaker != "Ibrahim Miko" {
			t.Errorf("speaker %q, want only Ibrahim Miko", s.Speaker)
		}
	}
}

// TestVictimIdentifiedAs: "a civilian who was identified as NAME died"
// names a victim; "the gunman was identified as NAME" the attacker.
func TestVictimIdentifiedAs(t *testing.T) {
	for _, c := range []struct{ text, perps string }{
		{"ELN rebels attacked an army base in Kandi, Colombia, on Monday. A civilian who was identified as Lucy Castillo died in the attack.", "ELN"},
		{"A gunman killed three people in Kandi, Texas, on Monday. The gunman was identified as John Smith, police said.", "John Smith"},
	} {
		checkPerpetrators(t, "2019-04-25", c.text, c.perps)
	}
}

// TestAgentAfterBy: the agent after "by" is the group, not a place after
// it, nor a people's name for one person of it; a description between a
// group's noun and its name is read past.
func TestAgentAfterBy(t *testing.T) {
	for _, c := range []struct{ text, perps string }{
		{"Three gendarmes were killed by separatist rebels in Cameroon's Northwest Region, officials said.", "separatist rebels"},
		{"At least 12 civilians died in an attack by gunmen in northwestern Burkina Faso, locals said.", "gunmen"},
		{"Three soldiers were killed by the militant Islamist group al-Shabaab near Kismayo, Somalia.", "al-Shabaab"},
		{"Three soldiers were killed by militants of the Islamist group al-Shabaab near Kismayo, Somalia.", "al-Shabaab"},
		{"A Palestinian opened fire at guards at the entrance to a settlement near Kandi, West Bank, on Tuesday, killing three.", ""},
	} {
		checkPerpetrators(t, "2019-04-25", c.text, c.perps)
	}
}

// TestSubjectBeforeTheVerb: a name inside the subject's phrase of place
// ("in the Sadriyah market") or after a participle that tells its side
// ("backing the government of president NAME") is not who acted.
func TestSubjectBeforeTheVerb(t *testing.T) {
	for _, c := range []struct{ text, perps string }{
		{"One bomb in the Sadriyah market in Baghdad killed at least 140 people on Wednesday.", ""},
		{"Boko Haram fighters in the Sambisa forest in Borno killed at least 14 people on Monday.", "Boko Haram"},
		{"Coca farmers backing the government of president Evo Morales attacked government buildings in Cochabamba on Thursday, leaving two dead.", ""},
	} {
		checkPerpetrators(t, "2007-04-19", c.text, c.perps)
	}
}

// TestFurnitureBeforeTheLead: a page's date line, byline and highlights
// above its text are not its lead, and the date line dates the page, not
// the incident: "on Sunday" in the first paragraph of running text is
// read against it. A date of an act set apart ("a previous attack in
// 2023") dates nothing of the report's own.
func TestFurnitureBeforeTheLead(t *testing.T) {
	for _, c := range []struct{ name, text, date string }{
		{"byline and highlights", "Title: Miners killed\n\nby Staff Reporter in Dawn, January 4th, 2021\n\n• IS claims responsibility\n\n• Victims belong to the Hazara community\n\n" +
			"QUETTA: Eleven coal miners were executed by unidentified attackers in the Mach coal field area in the early hours of Sunday morning, official sources said.\n", "2021-01-03"},
		{"agency and date", "Title: Mortar fire\n\nAt least four dead after mortar fire strike in Mogadishu\n\nReuters , Thursday 25 Mar 2021\n\n" +
			"At least four civilians were killed and nine others injured in Somalia on Thursday by mortar shells that struck homes near the airport, witnesses said.\n", "2021-03-25"},
		{"published and updated", "Title: Strike on a city\n\nJanuary 15 2023, 1.15pm Updated: January 16 2023, 5.09pm\n\n" +
			"Three people were killed when a missile hit an apartment building in Dnipro on Saturday, officials said.\n", "2023-01-14"},
		{"a previous attack", "Published: 2024-05-30\nTitle: Candidate shot dead\n\nA mayoral candidate in the Mexican state of Guerrero has been shot dead at a campaign rally. " +
			"He had been the target of a previous attack in 2023.\n", "2024-05-30"},
	} {
		m := extractText(t, c.text).Main()
		if m == nil || m.Date == nil || m.Date.Start != c.date {
			t.Errorf("%s: date %+v, want %s", c.name, m.Date, c.date)
		}
	}
}

// TestAttackersByTheirCommonNames: the common names a report gives its
// attackers (Maoists, Naxalites, bandits) and the verbs of setting off a
// device name who acted.
func TestAttackersByTheirCommonNames(t *testing.T) {
	for _, c := range []struct{ text, perps string }{
		{"Maoists killed three policemen in Chaibasa, Jharkhand, on Thursday.", "Maoists"},
		{"Three constables were killed in a mine explosion triggered by Maoists on Thursday in Jharkhand, police said.", "Maoists"},
		{"Armed bandits killed seven people in Zamfara State on Saturday.", "Armed bandits"},
		{"Naxalites triggered an IED blast targeting a truck in Sukma on Sunday, killing two soldiers.", "Naxalites"},
		{"Tamil Tiger rebels set off a landmine in northern Sri Lanka on Thursday that killed at least 64 bus passengers.", "Tamil Tiger"},
		{"Militants hurled a grenade at a police post in Srinagar on Monday, injuring five policemen.", "Militants"},
		{"Police set up checkpoints after a bombing in Quetta killed five people on Monday.", ""},
	} {
		checkPerpetrators(t, "2021-03-10", c.text, c.perps)
	}
}

// TestHeadlineWeaponIsNoPlace: "killed in IED attack" in a headline puts
// the act in no place called IED.
func TestHeadlineWeaponIsNoPlace(t *testing.T) {
	m := extractText(t, "Published: 2021-03-10\nTitle: 6 soldiers killed in IED attack\n\nSix soldiers were killed late Monday when their vehicle ran over a roadside bomb in the Leego area of Somalia, officials said.\n").Main()
	if m == nil || m.Location == nil {
		t.Fatal("no location")
	}
	if m.Location.Place == "IED" || m.Location.Country != "Somalia" {
		t.Errorf("location %q, %q; want no place called IED, in Somalia", m.Location.Place, m.Location.Country)
	}
}

// TestNameBetweenCommasInTheSubject: a long subject with a name between
// commas ("..., CoBRA, were killed") still counts its dead.
func TestNameBetweenCommasInTheSubject(t *testing.T) {
	m := extractText(t, "Published: 2024-06-24\nTitle: Soldiers killed in blast\n\nTwo personnel of the Central Reserve Police Force's (CRPF) elite jungle warfare unit, CoBRA, were killed on Sunday after Naxalites detonated an improvised explosive device targeting their truck in Sukma district.\n").Main()
	if m == nil || m.Fatalities == nil || m.Fatalities.Min != 2 {
		t.Fatalf("fatalities %+v, want 2", m.Fatalities)
	}
}

// TestOfficeNamedByItsPlace: South Asian reports name an office by its
// place ("Governor Khyber Pakhtunkhwa NAME", "District Police Officer
// Kohat"): the place is not the speaker's name, nor a speaker.
func TestOfficeNamedByItsPlace(t *testing.T) {
	doc := "Published: 2024-01-10\nTitle: Police van attacked\n\nThree policemen were killed in an attack on a police van in Kohat on Monday.\n\n" +
		"District Police Officer Kohat said the attack occurred on Shakardara Road, where assailants ambushed the police vehicle.\n\n" +
		"Governor Khyber Pakhtunkhwa Faisal Karim Kundi strongly condemned the attack on police.\n"
	st := speakerStances(extractText(t, doc))
	if !slices.Contains(st, "Faisal Karim Kundi:condemn") {
		t.Errorf("statements %q, want Faisal Karim Kundi:condemn", st)
	}
	for _, s := range st {
		if strings.HasPrefix(s, "Kohat:") || strings.HasPrefix(s, "Khyber Pakhtunkhwa") {
			t.Errorf("statement %s: a place as the speaker", s)
		}
	}
}

// TestWhoActedInWebReports: shapes of web reports that name who acted (a
// group named between commas after its noun, fighters named by their group
// before a place, a militia that fired missiles, a group a country's
// possessive qualifies, an attacker named after "The gunman was") and
// shapes that name nobody (a place after "in the" or a place's possessive
// in the subject, words in capitals for emphasis, an earlier act the
// sentence sets apart by "That attack" or lists after "including"; one
// person of a people is not its state).
func TestWhoActedInWebReports(t *testing.T) {
	for _, c := range []struct{ text, perps string }{
		{"The dreaded terrorist group, Boko Haram, has bombed a mosque in Maiduguri, killing eleven persons.", "Boko Haram"},
		{"Taliban fighters in southern Afghanistan attacked a checkpoint with firearms and hand grenades, killing 11 policemen.", "Taliban"},
		{"The Houthi militia fired two missiles in a government-held city on Monday, killing at least three people.", "Houthi"},
		{"A drone fired by Yemen's Houthis struck a market in Marib on Monday, killing three people.", "Houthis"},
		{"A gunman opened fire at a baseball practice in Alexandria, Virginia, on Wednesday, wounding four people. The gunman was 66-year-old John Smith from Belleville, Illinois.", "John Smith"},
		{"A gunman opened fire at a baseball practice in Alexandria, Virginia, on Wednesday, wounding four people. The gunman was shot by Capitol Police.", ""},
		{"A Palestinian suicide bomber set off a powerful explosion on a bus in Haifa on Wednesday, killing 16 people.", "Palestinian suicide bomber"},
		{"The paramilitary Rapid Support Forces began attacking the village in the central province of Sennar on Thursday, killing 85 people.", "Rapid Support Forces"},
		{"According to local police, John Smith, an 88-year-old man armed with a rifle has shot and killed guard Stephen Johns in the museum in Washington on Wednesday.", "John Smith"},
		{"A gunman opened fire at a city council meeting in Kirkwood, Missouri, on Thursday, killing five people. According to a reporter, the gunman was Charles Lee \"Cookie\" Smith who was arrested two years ago.", "Charles Lee \"Cookie\" Smith"},
		{"A bomb killed two MPs in Baghdad on Thursday. According to a BBC report, the cafe where the bomb was detonated was frequented by Iraqi MPs.", ""},
		{"Shining Path rebels have killed thirteen soldiers in two ambushes in the Ayacucho region of Peru on Thursday.", "Shining Path"},
		{"Boko Haram killed a soldier near Maiduguri, Nigeria, on Monday.", "Boko Haram"},
		{"Police killed a suspect near Maiduguri, Nigeria, on Monday.", ""},
		{"Gunmen killed 11 police officers in Rask, Iran, on Monday. It was claimed by the Sunni Muslim jihadist Jaish al-Adl (Army of Justice) group, in a statement on its Telegram channel.", "Gunmen|Jaish al-Adl"},
		{"Gunmen in Russia's North Caucasus region of Dagestan on Sunday launched attacks on churches, killing seven police officers.", ""},
		{"Attacks in the Kandi Hills killed seven police officers on Sunday.", ""},
		{"A 66-year-old man from Illinois OPENED FIRE at a baseball practice in Alexandria, Virginia, on Wednesday, wounding four people.", ""},
		{"A gunman opened fire on a New Year's party at a nightclub in Istanbul on Sunday, killing 39 people. " +
			"It was the fourth major attack in Turkey in less than a month, including the assassination of the Russian ambassador by a Turkish policeman, and a car bomb attack against riot police at a stadium in Istanbul. " +
			"That attack was claimed by separatist Kurdish militants.", ""},
	} {
		checkPerpetrators(t, "2021-03-10", c.text, c.perps)
	}
}

// TestAgentsOfTheReportedAct: shapes that name who carried out the
// report's own act away from its verb: a clause after "were killed ...
// after" that tells how the casualties came about (while "after" before an
// act of its own still sets it apart), an agent after a time or place
// between "carried out" and "by" (not after an operation "conducted in
// the area by"), the police naming "the suspect", and the report's
// attackers said to be members of a group (accused when only believed).
func TestAgentsOfTheReportedAct(t *testing.T) {
	for _, c := range []struct{ text, perps, accused string }{
		{"Two commandos were killed on Sunday after Naxalites detonated an improvised explosive device targeting their truck in Sukma district.", "Naxalites", ""},
		{"Protests re-ignited in Kandi on Sunday after police killed two fugitives in a raid.", "", ""},
		{"At least 32 people were killed in western Ethiopia, officials said. The killings were carried out on Sunday by the Oromo Liberation Army in the Kandi Zone.", "Oromo Liberation Army", ""},
		{"Ten militants were killed in Bannu on Monday. A military operation is being conducted in the area by the Pakistan Army.", "", ""},
		{"A gunman opened fire at a shop in Kandi, Texas, on Saturday, killing 20 people. Two officials identified the suspect as John Smith, a 21-year-old man from Allen.", "John Smith", ""},
		{"Two suicide bombers blew themselves up outside a church in Makassar on Sunday, wounding 20 people. The police chief said the two attackers are believed to have been members of the armed group Jemaah Anshorut Daulah.", "", "Jemaah Anshorut Daulah"},
		{"Gunmen killed 12 herders at a cattle camp in Kandi on Sunday. The attackers were members of the Lord's Resistance Army, officials said.", "Lord's Resistance Army", ""},
		// a group's war dead in the perfect are not the act's: no agent of it
		// (the gunmen are the act's unidentified attackers)
		{"Gunmen killed five villagers in Kandi, Nigeria, on Wednesday. Boko Haram has killed thousands of people in a six-year-old insurgency.", "", ""},
		{"Gunmen killed five villagers in Kandi, Nigeria, on Wednesday. Boko Haram has killed more than 300 people in the state since 2009.", "", ""},
		{"Boko Haram has killed 12 people in an attack on a village in Kandi, Nigeria, police said on Wednesday.", "Boko Haram", ""},
		// the act another one answers names no agent of this one
		{"Settlers attacked two villages near Kandi late on Saturday, killing one man. Settlements have grown as Israel fights in Gaza in response to the deadly attack by the Palestinian group Hamas.", "", ""},
		// a name set beside "gunman" is the gunman; one further on is not
		{"A journalist was shot dead on Tuesday in Kandi, Mexico. John Smith, 35, who wrote about crime, was shot four times. A lone gunman entered Smith's classroom and fired at Smith, the group said.", "", ""},
		{"A journalist was shot dead on Tuesday in Kandi, Mexico. Police said the gunman, John Smith, was arrested.", "John Smith", ""},
		// a people's adjective before a group of that people is not its state
		{"A massacre of 27 labourers at a ranch in Kandi, Guatemala, on Sunday is being blamed on a Mexican drug cartel.", "", ""},
		{"A civilian was killed and three others wounded in a knife and car attack by two Palestinian teenagers in Kandi on Tuesday, authorities said.", "", ""},
		// who shot the attacker answered the act
		{"German police on Friday shot and wounded a knifeman who attacked a demonstration in the city of Kandi, police said.", "", ""},
		{"Soldiers shot dead the gunman after he killed three people at a market in Kandi, police said.", "", ""},
		// what an act was done to is not its doer
		{"Sudanese paramilitary shelling of Karpathos Wells on Friday killed six people, including a child, a doctor said.", "", ""},
	} {
		m := extractText(t, "Published: 2021-03-10\nTitle: Attack\n\n"+c.text+"\n").Main()
		if m == nil {
			t.Fatalf("%.50q: no incident", c.text)
		}
		if got := strings.Join(m.Perpetrators, "|"); got != c.perps {
			t.Errorf("%.50q: perpetrators %q, want %q", c.text, got, c.perps)
		}
		if got := strings.Join(m.Accused, "|"); got != c.accused {
			t.Errorf("%.50q: accused %q, want %q", c.text, got, c.accused)
		}
	}
}

// TestPlacesOfWebPages: shapes of web pages that put the act in the wrong
// place when read word by word: a common noun written with a capital in a
// title ("Inspector General of Police", "37 Dead in Ambush") is no town of
// that name; an armed group's name is no village of that name; a dateline
// after a page's labelled date, or run into its text without its dash,
// is the place of writing; a village the text names as one ("the village
// of NAME, in central COUNTRY") is a place of that country though the
// gazetteer holds the name only elsewhere.
func TestPlacesOfWebPages(t *testing.T) {
	for _, c := range []struct{ text, place, country string }{
		{"Title: Maoists ambush police team\n\nTwo policemen were killed in an IED blast in Bastar district of Chhattisgarh on Saturday, said the Inspector General of Police, Bastar range.", "Bastar", "India"}, // the district, which the gazetteer holds in Chhattisgarh
		{"Title: Burkina Faso: 37 Dead in Ambush\n\nBurkina Faso: 37 Dead in Ambush\n\nAt least 37 people were killed when gunmen ambushed a convoy of mining employees in Burkina Faso's eastern region on Wednesday.", "", "Burkina Faso"},
		{"Title: Strike kills 14\n\nA NATO airstrike killed 14 civilians in Helmand Province on Saturday. Local officials said the strike was aimed at Taliban fighters and missed.", "Helmand", "Afghanistan"},
		{"Title: Policemen killed\n\nTwo policemen were killed in an IED blast in India on Saturday, said the Inspector General of Police.", "", "India"},
		{"Title: Strike kills 14\n\nA NATO airstrike killed 14 civilians in Afghanistan on Saturday. Local officials said the strike was aimed at Taliban fighters and missed.", "", "Afghanistan"},
		{"Title: Militiamen killed in ambush\n\n date 2023-09-01 Manila: Five militiamen were killed in an ambush on Friday by rebels in the south of the Philippines, a military spokesperson said.", "", "Philippines"},
		{"Title: Militiamen killed in ambush\n\n date 2023-09-01 Manila: Five militiamen were killed in an ambush on Friday by rebels, a military spokesperson said.\n\nThe attack occurred while the forces were on patrol in Tagkawayan town, Quezon province.", "Tagkawayan", "Philippines"},
		{"Title: Activist killed\n\nTegucigalpa, Honduras Masked men killed an activist in front of his family, police said on Monday.\n\nHe died after the attack in the village of El Ocotal, in central Honduras.", "El Ocotal", "Honduras"},
		// a distance from a known place locates a name the gazetteer lacks
		// in that place's country, not at it
		{"Title: Bombs kill two\n\nTwo bombs went off within minutes in Karpathos Wells, 360km north of the capital Dhaka, killing two people.", "Karpathos Wells", "Bangladesh"},
		// a division named like a country, its division word after it
		{"Title: Gunmen kidnap dozens\n\nGunmen stormed a school in central Nigeria on Wednesday, killing one student.\n\nGunmen raided the Government Science College in the town of Kagara in Niger state.", "Kagara", "Nigeria"},
		// a country's name before "border" is the other side of it
		{"Title: Soldiers killed\n\nThree soldiers were killed and five others injured in an ambush by suspected extremists in Manipur's Chandel district on Wednesday night.\nThe incident happened around 6:30 p.m. at Khongtal village near the Myanmar border, officials said on Thursday.", "Khongtal", "India"},
		// where a statement was released is not where the act was
		{"Title: Aid workers killed\n\nGunmen ambushed a convoy in South Sudan on Sunday, killing three aid workers. In a statement released in Juba, the UN mission expressed its condolences.", "", "South Sudan"},
	} {
		m := extractText(t, "Published: 2021-03-10\n"+c.text+"\n").Main()
		if m == nil || m.Location == nil {
			t.Errorf("%.50q: no place", c.text)
			continue
		}
		if m.Location.Place != c.place || m.Location.Country != c.country {
			t.Errorf("%.50q: place %q, %q; want %q, %q", c.text, m.Location.Place, m.Location.Country, c.place, c.country)
		}
	}
}

// TestHeadlineSubject: a sentence-case headline's subject of a verb of
// attack is who acted when the prose names no one; a described group
// ("Gunmen kill 7") names nobody, and a title-case headline is not read.
func TestHeadlineSubject(t *testing.T) {
	body := "More than 28 civilians were killed and dozens wounded when a roadside bomb blew up a crowded bus in southern Sri Lanka on Wednesday.\n"
	for _, c := range []struct{ title, perps, accused string }{
		{"Tamil Tigers kill 28 with bus bomb", "Liberation Tigers of Tamil Eelam", ""},
		{"Sri Lanka: Suspected Tamil Tigers kill 28 with bus bomb", "", "Liberation Tigers of Tamil Eelam"},
		{"Gunmen kill 28 with bus bomb", "", ""},
		{"A bomb kills 28 on a bus", "", ""},
		{"Tamil Tigers Kill 28 With Bus Bomb", "", ""},
	} {
		m := extractText(t, "Published: 2008-01-16\nTitle: "+c.title+"\n\n"+c.title+"\n\n"+body).Main()
		if got := strings.Join(m.Perpetrators, "|"); got != c.perps {
			t.Errorf("%q: perpetrators %q, want %q", c.title, got, c.perps)
		}
		if got := strings.Join(m.Accused, "|"); got != c.accused {
			t.Errorf("%q: accused %q, want %q", c.title, got, c.accused)
		}
	}
}

// TestBracketedPartOfAName: a name whose bracketed part the dictionary
// holds with it is one name ("CPI (Maoist)", not "CPI").
func TestBracketedPartOfAName(t *testing.T) {
	m := extractText(t, "Published: 2023-08-20\nTitle: Villager killed\n\nSuspected extremists of banned CPI (Maoist) killed a villager near Chaibasa, Jharkhand, late Saturday night.\n").Main()
	if got := strings.Join(m.Accused, "|"); got != "CPI (Maoist)" {
		t.Errorf("accused %q, want CPI (Maoist)", got)
	}
}

// TestPageMonthOnly: a page known only by its month (a month's folder in
// its address, a labelled month above its text) dates its act to that
// month when the text gives a weekday alone; a page with a day keeps the
// day.
func TestPageMonthOnly(t *testing.T) {
	body := "A suicide bomber killed a militia commander and at least 10 others in Kunar, Afghanistan, on Saturday.\n"
	for _, c := range []struct{ doc, want, precision string }{
		{"Source: https://example.org/2016/02/suicide-bomber-kills-11/\nTitle: Suicide bomber kills 11\n\n" + body, "2016-02", "month"},
		{"Source: https://example.org/news/suicide-bomber-kills-11\nTitle: Suicide bomber kills 11\n\n date 2024-01 " + body, "2024-01", "month"},
		{"Source: https://example.org/2016/02/14/suicide-bomber-kills-11/\nTitle: Suicide bomber kills 11\n\n" + body, "2016-02-13", "day"},
		{"Source: https://example.org/news/suicide-bomber-kills-11\nTitle: Suicide bomber kills 11\n\n" + body, "", ""},
	} {
		m := extractText(t, c.doc).Main()
		got, prec := "", ""
		if m.Date != nil {
			got, prec = m.Date.Start, m.Date.Precision
		}
		if got != c.want || prec != c.precision {
			t.Errorf("%.60q: date %q (%s), want %q (%s)", c.doc, got, prec, c.want, c.precision)
		}
	}
}

// TestOtherItemSentence: a report's sentence that opens as another item
// of the day's news gives no place to the report's act.
func TestOtherItemSentence(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Also on Saturday, the judiciary said two men were hanged over a shooting at a shrine in the city of Shiraz.", true},
		{"Separately, a bomb exploded in Kandi.", true},
		{"In another incident, gunmen killed two farmers near Kandi.", true},
		{"In a separate attack, two soldiers died.", true},
		{"Also killed was a police officer, officials said.", false},
		{"In Zahedan, the attackers entered police station Number 16.", false},
		{"Elsewhere in the city, shops stayed closed.", false},
	} {
		st := &sent{text: c.text, toks: text.Tokenize(c.text, 0)}
		if got := otherItemSentence(st); got != c.want {
			t.Errorf("%q: otherItemSentence = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestDateAfterAPlace: "in south Beirut Jan. 2" names Beirut, then a
// day; the month is no part of the name.
func TestDateAfterAPlace(t *testing.T) {
	res := extractText(t, "Published: 2014-01-03\nTitle: Car bomb in Beirut\n\nA car bomb killed four people in south Beirut Jan. 2, the fourth attack to hit the area this year, the health minister said.\n")
	m := res.Main()
	if m.Location == nil || m.Location.Place != "Beirut" {
		t.Errorf("location %+v, want Beirut", m.Location)
	}
	for _, s := range res.Statements {
		if strings.Contains(s.Speaker, "Jan") {
			t.Errorf("speaker %q: a place and a month", s.Speaker)
		}
	}
}

// TestPoliceRanksBeforeNames: South Asian reports write police ranks as
// abbreviations and a retired officer's rank with "(retd)"; an office may
// be named by its district ("SP Imphal East"), which is nobody's name; and
// "termed" reports what a speaker called the act.
func TestPoliceRanksBeforeNames(t *testing.T) {
	doc := "Published: 2023-04-10\nTitle: Blast in Quetta\n\nA blast killed four people near a police vehicle in Quetta on Monday.\n\n" +
		"According to SSP Operations Captain (retd) Zohaib Mohsin, the target of the blast was a police vehicle.\n\n" +
		"Talking to journalists, Jamrud SHO Shah Khalid termed the blast a suicide attack.\n\n" +
		"\"Postmortem procedure is underway,\" Shivkanta Singh, SP Imphal East, said.\n"
	var got []string
	for _, s := range extractText(t, doc).Statements {
		got = append(got, s.Speaker)
	}
	slices.Sort(got)
	if want := []string{"Shah Khalid", "Shivkanta Singh", "Zohaib Mohsin"}; !slices.Equal(got, want) {
		t.Errorf("speakers %q, want %q", got, want)
	}
}

// checkPerpetrators extracts one report of the given day made of text and
// compares its main incident's perpetrators, joined by "|", with want.
func checkPerpetrators(t *testing.T, published, text, want string) {
	t.Helper()
	m := extractText(t, "Published: "+published+"\nTitle: Attack\n\n"+text+"\n").Main()
	if m == nil {
		t.Fatal("no incident")
	}
	// who acted, identified or not ("gunmen" is the incident's
	// unidentified armed group: TestUnidentifiedAttackers)
	got := slices.Sorted(slices.Values(append(slices.Clone(m.Perpetrators), m.Unidentified...)))
	w := strings.Split(want, "|")
	if want == "" {
		w = nil
	}
	if slices.Sort(w); !slices.Equal(got, w) {
		t.Errorf("%.50q: perpetrators %q (unidentified %q), want %q", text, m.Perpetrators, m.Unidentified, want)
	}
}

// TestWhoSpokeInWebReports: shapes of web reports whose speaker a word
// by word reading gets wrong: a time word opening the sentence ("Late
// Monday, ...") is no one; the rest of a portfolio after "and" and a
// city after a title belong to the office, not the name; "he said" after
// an unnamed official names nobody, not the names of what he said; ",
// writing that" goes on with the same speaker; a person's possessive
// ("condemned NAME's death in a post") is whose, not who spoke.
func TestWhoSpokeInWebReports(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Gunmen killed 27 labourers at a ranch in Kandi, Guatemala, on Sunday. Late Monday, military forces said that two suspects had been captured.", ""},
		{"A bomb killed five people at a market in Kandi, Pakistan, on Thursday. Minister for Information and Broadcasting Jane Karpathos said the blast was an act of terror.", "Jane Karpathos:condemn"},
		{"A bomb killed five people at a market in Kandi, Pakistan, on Thursday. Deputy Commissioner Lahore John Smith said the blast took place at 2pm.", "John Smith:other"},
		{"Two soldiers were killed in an ambush near Kandi, India, on Sunday, a spokesman to the Inspector General said. John Karpathos and Ram Smith died on the spot while four others were injured, he said.", ""},
		{"A journalist, John Perez, was shot dead on Tuesday in Kandi, Mexico. Jane Smith, the ambassador, condemned Perez's death in a post on Twitter, writing that she was outraged.", "Jane Smith:condemn"},
	} {
		res := extractText(t, "Published: 2021-03-10\nTitle: Attack\n\n"+c.text+"\n")
		if got := strings.Join(speakerStances(res), "|"); got != c.want {
			t.Errorf("%.60q: statements %q, want %q", c.text, got, c.want)
		}
	}
}

// TestDayOfTheWeaponsFired: a report whose lead gives no day dates its act
// by the sentence soon after that tells when its weapons struck.
func TestDayOfTheWeaponsFired(t *testing.T) {
	wantDate(t, "Published: 2012-07-15\nTitle: Official says airstrike killed 14 civilians\n\n"+
		"Local officials said the strike was aimed at fighters and missed.\n\n"+
		"Civilian deaths have strained relations for years between the coalition and the government.\n\n"+
		"The president called the deaths \"shocking\" and said in a statement that forces had been warned repeatedly.\n\n"+
		"Witnesses said that an unknown number of bombs fell about 11 p.m. Saturday, landing on two family compounds in Kandi.\n", "2012-07-14")
}

// TestDateBeforeADateline: "July 8th, 2016, Kandi – ... yesterday" in a
// report with no publication date: the date opening the text is the day
// of writing, and "yesterday" counts from it.
func TestDateBeforeADateline(t *testing.T) {
	wantDate(t, "Title: Attack at prayer grounds\n\n"+
		"July 8th, 2016, Dhaka – People at the prayer grounds in Kishoreganj were witness to a series of gun fires and bombs yesterday that killed four people.\n", "2016-07-07")
}

// TestNoneKilledOrHurt: a report that says the act caused no casualties
// (the dead and the wounded) gives zero of both; one side's own toll ("the
// troops did not suffer any casualties") is no figure of the act.
func TestNoneKilledOrHurt(t *testing.T) {
	tests := []struct {
		sentence string
		fat, inj string // "" for none given
	}{
		{"A bomb exploded near a police post in Kandi on Monday, causing no casualties.", "0", "0"},
		{"A bomb exploded near a police post in Kandi on Monday, but there were no casualties.", "0", "0"},
		{"A bomb exploded near a police post in Kandi on Monday that did not cause any deaths or injuries.", "0", "0"},
		{"A bomb exploded near a police post in Kandi on Monday without causing any casualties.", "0", "0"},
		{"Troops repelled an attack on a police post in Kandi on Monday; the troops did not suffer any casualties, the army said.", "", ""},
	}
	for _, tc := range tests {
		m := extractText(t, "Published: 2021-03-10\nTitle: Bomb at police post\n\n"+tc.sentence+"\n").Main()
		if m == nil {
			t.Fatalf("%q: no incident", tc.sentence)
		}
		if got := countText(m.Fatalities); got != tc.fat {
			t.Errorf("%q: fatalities %q, want %q", tc.sentence, got, tc.fat)
		}
		if got := countText(m.Injuries); got != tc.inj {
			t.Errorf("%q: injuries %q, want %q", tc.sentence, got, tc.inj)
		}
	}
}

// countText writes a figure's lower bound, or "" when there is none.
func countText(r *dossier.Range) string {
	if r == nil {
		return ""
	}
	return fmt.Sprint(r.Min)
}

// TestAmongATotal: "Ten soldiers were among 27 people killed": the figure
// after "were among" is the total the subject is part of.
func TestAmongATotal(t *testing.T) {
	m := extractText(t, "Published: 2014-05-22\nTitle: Rebels attack army positions\n\n"+
		"Ten government soldiers were among 27 people killed Wednesday and 31 were injured after rebels attacked army positions in the northeast of Mali.\n").Main()
	if m == nil || countText(m.Fatalities) != "27" || countText(m.Injuries) != "31" {
		t.Fatalf("fatalities %v, injuries %v; want 27 and 31", m.Fatalities, m.Injuries)
	}
}

// TestTallyOfATerm: "brings to 22 the number of mayors killed during the
// administration of President NAME" counts a government's term, not the act.
func TestTallyOfATerm(t *testing.T) {
	m := extractText(t, "Published: 2015-01-02\nTitle: Mayor shot dead\n\n"+
		"Gunmen shot the mayor of Kandi on Thursday as he drove home.\n\n"+
		"The murder brings to 22 the number of mayors killed during the administration of President Jane Smith, who took office in December 2012.\n").Main()
	if m == nil || countText(m.Fatalities) == "22" {
		t.Fatalf("fatalities %v: a term's tally", m.Fatalities)
	}
}

// TestCaptionOfAPhotoTaken: an agency's caption ("This photo taken on
// June 16, 2017 in Kandi shows ...") dates and places the picture, not the
// report's act.
func TestCaptionOfAPhotoTaken(t *testing.T) {
	wantDate(t, "Published: 2021-06-21\nTitle: Separatists kill four gendarmes\n\n"+
		"This photo taken on June 16, 2017 in Bamenda shows a hotel destroyed by a fire, allegedly attributed to a radical separatist movement. JANE SMITH / AFP\n\n"+
		"Suspected separatist rebels have killed three gendarmes in Cameroon's restive Northwest Region, the army said.\n\n"+
		"The gendarmes were at their checkpoint when the attackers opened fire on Saturday.\n", "2021-06-19")
}

// TestActToldBeforeTheWords: a sentence that opens with its date and tells
// the act before its attribution ("On Tuesday, at around 11am, youth from
// X carried out a raid and killed 14 people, Jane Smith said") dates the
// act, not the words; "On Tuesday, the ministry said that ..." dates them.
func TestActToldBeforeTheWords(t *testing.T) {
	wantDate(t, "Published: 2022-03-09\nTitle: 14 killed in cattle raid\n\n"+
		"At least 14 people have been killed and 10 others injured in clashes in Kandi state, a local official said on Wednesday.\n\n"+
		"On Tuesday, at around 11am, youth from a neighbouring area carried out a cattle raid in a camp called Gorod and killed 14 people, Jane Smith said on the phone.\n", "2022-03-08")
}

// TestWhereTaken: a place victims were brought to is marked so, a place
// where the act was is not.
func TestWhereTaken(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"The wounded were rushed to a hospital in Kandi", true},
		{"He was taken to the National Hospital in Kandi", true},
		{"Two were treated at a clinic in Kandi", true},
		{"Gunmen shot him outside a hospital in Kandi", false},
		{"The attackers carried out a raid in Kandi", false},
		{"The wounded were rushed to hospital, and the army moved into Kandi", false},
	} {
		toks := text.Tokenize(c.s, 0)
		k := len(toks) - 1
		if got := whereTaken(toks, k); got != c.want {
			t.Errorf("whereTaken(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestDayInThePagesMonth: a page known only by the month in its address
// dates its act by a day of that month written without its year, in the
// text or its dateline; a day of another month is the background's.
func TestDayInThePagesMonth(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"a day in the text", "Source: https://example.org/2020/11/roadside-bomb-kills-seven\nTitle: Roadside bomb kills seven\n\n" +
			"A roadside bomb killed seven civilians in Kandi province.\n\nA police spokesman said the incident took place this morning, November 02, in the city.\n", "2020-11-02"},
		{"a day in the dateline", "Source: https://example.org/2016/08/militants-kill-14\nTitle: Militants kill 14\n\n" +
			"Kandi, Aug 5 : Terror struck today when suspected militants attacked a crowded market, killing 14 people.\n", "2016-08-05"},
		{"a day of another month", "Source: https://example.org/2011/08/mosque-bombing\nTitle: Suicide bomber kills 48 at mosque\n\n" +
			"A suicide bomber killed 48 worshippers at a mosque in Kandi during Friday prayers.\n\nThe group vowed revenge for the killing of its leader on May 2.\n", "2011-08"},
	} {
		m := extractText(t, c.text).Main()
		if m == nil || m.Date == nil || m.Date.Start != c.want {
			t.Errorf("%s: date %+v, want %s", c.name, m.Date, c.want)
		}
	}
}

// TestListWithAnOpenCount: "leaves at least three soldiers and eight
// civilian auxiliaries dead" adds up to at least 11.
func TestListWithAnOpenCount(t *testing.T) {
	m := extractText(t, "Published: 2022-10-07\nTitle: Attack on patrol\n\n"+
		"An attack on a patrol in Kandi province leaves at least three soldiers and eight civilian auxiliaries dead, sources said.\n").Main()
	if m == nil || m.Fatalities == nil || m.Fatalities.Min != 11 || m.Fatalities.Max != nil {
		t.Fatalf("fatalities %+v, want 11 or more", m.Fatalities)
	}
}

// TestDeadOfManyActs: the dead of a stretch of months ("killed in the
// last two months") or of many acts ("12 incidents ... in which four
// villagers have been killed") are no figure of the report's act.
func TestDeadOfManyActs(t *testing.T) {
	for _, tail := range []string{
		"There have been about 12 incidents of landmine blasts in the district in which four villagers have been killed.",
		"Four villagers have been killed by landmines in the district in the last two months.",
	} {
		m := extractText(t, "Published: 2019-05-08\nTitle: Landmine injures couple\n\n"+
			"A landmine planted by rebels exploded on Tuesday near Kandi village, seriously injuring a farmer and his wife.\n\n"+tail+"\n").Main()
		if m == nil || countText(m.Fatalities) == "4" {
			t.Errorf("%q: fatalities %v, a tally of other acts", tail, m.Fatalities)
		}
	}
}

// TestBylineWithItsDate: "by Example Reporters, New York Apr 07, 2022" is
// the byline, not prose: its city is no place of the report's.
func TestBylineWithItsDate(t *testing.T) {
	m := extractText(t, "Published: 2022-04-07\nTitle: Fifteen travellers abducted along highway\n\n"+
		"The armed men blocked the vehicle, ordered the passengers out and took them into a nearby bush.\n\n"+
		"by Example Reporters, New York Apr 07, 2022\n\n"+
		"At least fifteen passengers travelling from Abuja to Anyigba, Kogi State have been kidnapped along a road in the state.\n\n"+
		"The kidnappers operated for two hours as calls to police authorities in Lokoja, the state capital, proved abortive.\n").Main()
	if m == nil || m.Location == nil || m.Location.Country != "Nigeria" {
		t.Fatalf("location %+v, want Nigeria", m.Location)
	}
}

// wantDate extracts a report and checks its main incident's first day;
// it returns the incident for the checks that follow.
func wantDate(t *testing.T, doc, want string) *dossier.Incident {
	t.Helper()
	m := extractText(t, doc).Main()
	if m == nil || m.Date == nil || m.Date.Start != want {
		var got any
		if m != nil {
			got = m.Date
		}
		t.Fatalf("date %+v, want %s", got, want)
	}
	return m
}

// TestBackgroundMonth: a month long before the report, in a sentence that
// tells no act ("appointed him foreign minister in April 2004"), does not
// date a lead that gives no day; the publication does.
func TestBackgroundMonth(t *testing.T) {
	wantDate(t, "Published: 2005-08-12\nTitle: Foreign minister shot dead\n\n"+
		"The foreign minister was shot dead by a sniper at his home in Kandi, police said.\n\n"+
		"He was a close aide of the president, who appointed him foreign minister in April 2004.\n", "2005-08-12")
}

// TestForwardListOfVictims: the groups after a verb of killing add up when
// the group's noun is a compound of people words, a name with its short
// form in brackets, one person named by a role after "the", or the
// singular of a people word; a speaker after a comma is not a group.
func TestForwardListOfVictims(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"The car bomb exploded in Kandi on Monday, killing two police officers and the civilian towing the car away.", "3"},
		{"Gunmen shot dead three Catholic civilians and a Provisional Irish Republican Army (IRA) member in Kandi on Monday.", "4"},
		{"Gunmen attacked churches in Kandi on Monday, killing at least seven police officers, a national guard officer and a priest.", "9"},
		{"Gunmen attacked a military base in Kandi on Monday, killing at least 7 soldiers, a military official said.", "7"},
		{"The blast in Kandi on Monday killed 6 police officers, 4 civilians, and injured 26.", "10"},
	} {
		m := extractText(t, "Published: 2021-03-10\n\n"+c.text+"\n").Main()
		if m == nil || countText(m.Fatalities) != c.want {
			t.Errorf("%q: fatalities %v, want %s", c.text, m.Fatalities, c.want)
		}
	}
}

// TestVerbsOfKilling: "assassinated", "slaughtered" and the participles
// before their victims ("murdering 14 villagers") count the dead.
func TestVerbsOfKilling(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Four officials were assassinated in Kandi on Monday.", "4"},
		{"Gunmen stormed Kandi on Monday, murdering 14 villagers.", "14"},
		{"Rebels raided Kandi on Monday, massacring 30 people.", "30"},
		{"Twelve farmers were slaughtered in Kandi on Monday.", "12"},
	} {
		m := extractText(t, "Published: 2021-03-10\n\n"+c.text+"\n").Main()
		if m == nil || countText(m.Fatalities) != c.want {
			t.Errorf("%q: fatalities %v, want %s", c.text, m.Fatalities, c.want)
		}
	}
}

// TestLaterDeathAfterTheAct: a trailing "days later" clause after the
// act's casualties does not move the sentence to another time.
func TestLaterDeathAfterTheAct(t *testing.T) {
	m := extractText(t, "Title: Kandi attack\n\n"+
		"The Kandi attack was a shooting by an armed group which occurred on 22 October 1978 in the town of Kandi.\n\n"+
		"Four gunmen ambushed a patrol of four guards. Two of the guards were killed instantly, while the other two were seriously injured, with one of them dying in hospital four days later.\n").Main()
	if m == nil || countText(m.Fatalities) != "2" || countText(m.Injuries) != "2" {
		t.Fatalf("fatalities %v, injuries %v; want 2 and 2", m.Fatalities, m.Injuries)
	}
}

// TestReportedActDate: "published the news of the attack on August 16,
// stated that ...": the date of the report, not of a second attack, so
// the figures the statement gives are the incident's.
func TestReportedActDate(t *testing.T) {
	m := extractText(t, "Title: 2023 Kandi attack\n\n"+
		"On August 15, 2023, jihadists ambushed soldiers near Kandi, a village on the border.\n\n"+
		"The Ministry of Defense published the news of the attack on August 16, stated that a convoy moving between Kandi and Torodi was ambushed by a group of jihadists, killing seventeen soldiers and injuring twenty others.\n").Main()
	if m == nil || countText(m.Injuries) != "20" {
		t.Fatalf("injuries %v; want 20", m.Injuries)
	}
}

// TestTotalOfAllTheActs: an article on coordinated bombings tells each
// site, then the total of all of them, which is the incident's; a list's
// "up to six" counts six.
func TestTotalOfAllTheActs(t *testing.T) {
	m := extractText(t, "Title: Kandi bombings\n\n"+
		"The Kandi bombings were a series of suicide bombings on 6 December 2011 in Kandi and Dagamaru.\n\n"+
		"The blast in Kandi killed more than 70 civilians, while the Dagamaru blast killed at least 4. The third was in Karpathos, where five people received injuries. "+
		"The total number of dead in all the attacks reached about 80, while over 160 more were injured.\n").Main()
	if m == nil || countText(m.Fatalities) != "80" || countText(m.Injuries) != "161" {
		t.Fatalf("fatalities %v, injuries %v; want 80 and 161", m.Fatalities, m.Injuries)
	}
	m = extractText(t, "Published: 2021-03-10\n\nThree police officers, four civilians and up to six insurgents were killed in Kandi on Monday.\n").Main()
	if m == nil || countText(m.Fatalities) != "13" {
		t.Fatalf("fatalities %v; want 13", m.Fatalities)
	}
}

// TestOneOfTheWounded: "said Jane Ann Smith, 35, one of the wounded" is
// a person, not a toll of one (nor of 35).
func TestOneOfTheWounded(t *testing.T) {
	m := extractText(t, "Published: 2021-03-10\n\n"+
		"A suicide bomber killed at least 22 people inside a mosque in Kandi on Wednesday.\n\n"+
		"\"People in front of me saved me with their bodies,\" said Jane Ann Smith, 35, one of the wounded.\n\n"+
		"An army spokesman said at least 22 people were killed and more than 50 wounded in the blast.\n").Main()
	if m == nil || countText(m.Injuries) != "51" {
		t.Fatalf("injuries %v; want 51", m.Injuries)
	}
}

// TestFiguresElsewhere: a sentence that opens on another place ("In
// COUNTRY," of another country, "Elsewhere in ...") tells another act's
// figures.
func TestFiguresElsewhere(t *testing.T) {
	for _, second := range []string{
		"In Niger, one person was reported wounded by shelling in the Tillaberi region.",
		"Elsewhere in Benin, another person was killed and eight injured in the city of Dagamaru.",
	} {
		m := extractText(t, "Published: 2025-04-23\n\n"+
			"A drone struck a bus transporting workers in Kandi, Benin early Wednesday, killing nine people and wounding dozens more, the governor said.\n\n"+
			second+"\n").Main()
		if m == nil || countText(m.Fatalities) != "9" || m.Injuries != nil && !m.Injuries.Vague {
			t.Errorf("%q: fatalities %v, injuries %v; want 9 and dozens", second, m.Fatalities, m.Injuries)
		}
	}
}

// TestSpeakerByTitleAlone: "the minister said", "said the governor" after
// the report named the minister and the governor with their titles are
// theirs; with two ministers named, "the minister" is nobody said.
func TestSpeakerByTitleAlone(t *testing.T) {
	doc := "Published: 2021-03-10\n\nA bomb exploded in Kandi on Monday, killing five people. Interior Minister Jane Smith visited the site. Governor Karl Dagamaru met the families.\n\n" +
		"\"We will hunt down those responsible,\" the minister said in a statement. \"Our forces are searching for the attackers,\" said the governor.\n"
	st := speakerStances(extractText(t, doc))
	for _, want := range []string{"Jane Smith:other", "Karl Dagamaru:other"} {
		if !slices.Contains(st, want) {
			t.Errorf("statements %q, want %s", st, want)
		}
	}
	doc = "Published: 2021-03-10\n\nA bomb exploded in Kandi on Monday, killing five people. Interior Minister Jane Smith and Defence Minister Karl Dagamaru visited the site.\n\n" +
		"\"We will hunt down those responsible,\" the minister said in a statement.\n"
	if st := speakerStances(extractText(t, doc)); len(st) != 0 {
		t.Errorf("statements %q, want none", st)
	}
}

// TestPartOfTheCity: a report that names the city first and later the
// part of it where the act happened ("the attack in the Kandi area on the
// outskirts of the city of Peshawar") is placed in the part; "the Paris
// suburb of X" makes X the suburb, not Paris.
func TestPartOfTheCity(t *testing.T) {
	m := extractText(t, "Published: 2009-06-10\n\n"+
		"A suicide bomber killed twelve people in Peshawar, Pakistan on Tuesday.\n\n"+
		"The mayor was reported to have survived the attack in the Kandi area on the outskirts of the city of Peshawar.\n").Main()
	if m == nil || m.Location == nil || m.Location.Place != "Kandi" || m.Location.Country != "Pakistan" {
		t.Fatalf("location %+v; want Kandi, Pakistan", m.Location)
	}
}

// TestJourneyAbroad: a place in a clause of someone's journey to another
// country ("the president's visit to neighbouring India to attend a
// summit in New Delhi") is not where the act was.
func TestJourneyAbroad(t *testing.T) {
	m := extractText(t, "Published: 2007-04-03\nTitle: Sri Lanka bus bomb kills 16\n\n"+
		"The government of Sri Lanka condemned the bus bomb attack that killed 16 civilians.\n\n"+
		"The blast came to coincide with the president's visit to neighbouring India to attend a South Asian summit opening in New Delhi Tuesday.\n").Main()
	if m == nil || m.Location == nil || m.Location.Country != "Sri Lanka" {
		t.Fatalf("location %+v; want Sri Lanka", m.Location)
	}
}

// TestAmongTotalAfterPart: a lead that gives a part ("killing at least 10
// government soldiers") and a later "were among 27 people killed": the
// total.
func TestAmongTotalAfterPart(t *testing.T) {
	m := extractText(t, "Published: 2014-05-22\n\n"+
		"Rebels attacked an army post in Kandi on Wednesday, killing at least 10 government soldiers.\n\n"+
		"Ten government soldiers were among 27 people killed Wednesday and 31 were injured, the defence ministry said.\n").Main()
	if m == nil || countText(m.Fatalities) != "27" {
		t.Fatalf("fatalities %v; want 27", m.Fatalities)
	}
}

// TestPlaceElsewhere: "Elsewhere in COUNTRY, ... in the city of X" past
// the lead places another act.
func TestPlaceElsewhere(t *testing.T) {
	m := extractText(t, "Published: 2025-04-23\n\n"+
		"A Russian missile struck an apartment building in the Shevchenkivskyi district of Kyiv, killing two people, officials said.\n\n"+
		"Elsewhere in Ukraine, another person was killed and eight injured in the city of Bila Tserkva, around 85 kilometers southwest of the capital.\n").Main()
	if m == nil || m.Location != nil && m.Location.Place == "Bila Tserkva" {
		t.Fatalf("location %+v: another act's place", m.Location)
	}
}

// TestYearOfAWeekday: a page with no date of its own that gives a day and
// month with its weekday ("on Wednesday, 6 November", "on Thursday (27
// April)") is dated in the first year, from the latest the report names,
// in which that day is that weekday.
func TestYearOfAWeekday(t *testing.T) {
	for text, want := range map[string]string{
		"Gunmen ambushed a convoy near Kandi. The attack took place on Wednesday, 6 November. Since 2015, attacks have killed hundreds in the region.\n":                  "2019-11-06",
		"Three soldiers were killed early on Thursday (27 April) after gunmen attacked an army base in Kandi. It was the worst attack since the 2016 raid on the base.\n": "2017-04-27",
	} {
		m := extractText(t, "Title: Attack\n\n"+text).Main()
		if m == nil || m.Date == nil || m.Date.Start != want {
			t.Errorf("%q: date %+v, want %s", text, m.Date, want)
		}
	}
}

// TestKnownTownWithItsDivision: a town the gazetteer holds, written with
// the division it lies in after a comma ("in San Sebastián del Oeste,
// Jalisco"), is the place, not the division.
func TestKnownTownWithItsDivision(t *testing.T) {
	m := extractText(t, "Title: 2015 ambush\n\n"+
		"On 6 April 2015, gunmen ambushed a police convoy in Mexico, killing fifteen officers. The attack occurred on a mountain road in San Sebastián del Oeste, Jalisco.\n").Main()
	if m == nil || m.Location == nil || m.Location.Place != "San Sebastián del Oeste" {
		t.Fatalf("location %+v; want San Sebastián del Oeste", m.Location)
	}
}

// TestDayOfTheClaim: "GROUP claimed responsibility Saturday for the
// attack" dates the claim; the act's own day comes from its own sentence.
func TestDayOfTheClaim(t *testing.T) {
	for _, lead := range []string{
		"Kandi: The Islamic State group claimed responsibility Saturday for a suicide bomb attack on a security forces camp near Kandi, Bangladesh.",
		"Kandi: The Islamic State group claimed responsibility on Saturday for a suicide bomb attack on a security forces camp near Kandi, Bangladesh.",
	} {
		m := extractText(t, "Published: 2017-03-18\n\n"+lead+"\n\n"+
			"\"A soldier of the caliphate carried out a martyrdom operation with an explosive belt in a camp in Kandi,\" the group announced in its daily radio bulletin Saturday.\n\n"+
			"Two policemen were wounded in the attack on Friday when a man blew himself up at the camp.\n").Main()
		if m == nil || m.Date == nil || m.Date.Start != "2017-03-17" {
			t.Errorf("%q: date %v; want 2017-03-17", lead, m.Date)
		}
	}
}

// TestReportedOnTheDay: "..., AGENCY reported early on Saturday, quoting
// investigators" dates the report, as "said" would; the act's day is the
// one a later sentence gives it.
func TestReportedOnTheDay(t *testing.T) {
	m := extractText(t, "Published: 2024-10-11\n\n"+
		"Gunmen opened fire on a car carrying a local security official in Kandi, Russia, killing three people, including a police officer, the Dagamaru news agency reported early on Saturday, quoting investigators.\n\n"+
		"A car assigned to the deputy head of the regional police came under fire on Friday evening, investigators said.\n").Main()
	if m == nil || m.Date == nil || m.Date.Start != "2024-10-11" || m.Date.End != "2024-10-11" {
		t.Fatalf("date %v; want 2024-10-11", m.Date)
	}
}

// TestNamedActShapes: the shapes of news writing that name who acted
// besides a subject before its verb: a group that says it was behind the
// act claims it; a possessive before the act noun ("the Rapid Support
// Forces' shelling"); a group or a people's adjective before a weapon that
// acts ("Taliban roadside bombs killed"); and a later sentence that names
// the attackers of the incident's target by its head word ("the camp").
func TestNamedActShapes(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Gunmen opened fire on a beach resort in Grand-Bassam, Ivory Coast, on Sunday, killing 16 people. Hours after the attack, Al Qaeda in the Islamic Maghreb (AQIM) said it was behind the shooting.", "Al Qaeda in the Islamic Maghreb"},
		{"The Rapid Support Forces’ shelling of the market in El Fasher on Thursday evening killed 15 people, activists said.", "Rapid Support Forces"},
		{"Hamas's attack on the border town killed 12 people on Friday, officials said.", "Hamas"},
		{"Taliban roadside bombs killed five civilians in Kandahar, Afghanistan, on Saturday, officials said.", "Taliban"},
		{"Russian missiles struck an apartment block in Chasiv Yar, Ukraine, on Saturday, killing 15 people.", "Russia"},
		{"At least 22 civilians were killed in an overnight rebel attack on a displaced people’s camp near Gulu, Uganda, an aid worker said on Monday.\n\n" +
			"The aid worker said the dead included children. Eleven people were wounded.\n\n" +
			"Aid agencies have long asked for more troops in the north.\n\n" +
			"An army spokesman said the Lord’s Resistance Army attacked the camp in three groups.", "Lord’s Resistance Army"},
	} {
		m := extractText(t, "Published: 2024-09-22\n\n"+c.text+"\n").Main()
		if m == nil || !slices.Contains(m.Perpetrators, c.want) {
			var got []string
			if m != nil {
				got = m.Perpetrators
			}
			t.Errorf("%.60q: perpetrators %v, want %s", c.text, got, c.want)
		}
	}
}

// TestSpeakerShapes: speakers in the usual shapes of news writing that
// name them after a title or beside another: an inverted verb after a
// comma followed by a title set off from the name that closes the
// sentence (with or without an honorific); two titled people joined by
// "and"; an acronym no list knows as the subject of a speech verb.
func TestSpeakerShapes(t *testing.T) {
	lead := "Published: 2005-08-13\n\nForeign minister Lakshman Kadirgamar was shot dead at his home in Colombo on Friday night. "
	for _, c := range []struct {
		text string
		want []string
	}{
		{"He was taken to the National Hospital, where doctors were unable to save him, said Inspector General of Police, Chandra Fernando.", []string{"Chandra Fernando"}},
		{"He was taken to the National Hospital, said the police chief, Chandra Fernando.", []string{"Chandra Fernando"}},
		{"\"We are treating nine people for splinter injuries,\" said medical superintendent of the hospital, Dr Kanwarjit Singh.", []string{"Kanwarjit Singh"}},
		{"Governor Faisal Karim Kundi and Chief Minister Ali Amin Khan Gandapur strongly condemned the attack.", []string{"Faisal Karim Kundi", "Ali Amin Khan Gandapur"}},
		{"\"The forces remain determined to thwart such attempts,\" ISPR said in a statement.", []string{"ISPR"}},
		// the passive with an adverb after "was", and a participle's aside
		// that names its agent
		{"The killing was also denounced by the Sri Lanka Freedom Party.", []string{"Sri Lanka Freedom Party"}},
		{"The attack, described as cowardly by police spokesman Ajith Rohana, shocked the capital.", []string{"Ajith Rohana"}},
		// a title of a body written in lower case before the name
		{"He was taken to the National Hospital, Deputy Inspector General of police Chandra Fernando said.", []string{"Chandra Fernando"}},
		{"Superintendent of police Chandra Fernando said the attackers had fled.", []string{"Chandra Fernando"}},
		{"He was taken to the National Hospital on Tuesday, Colombo's Deputy Inspector-General (DIG) of police Chandra Fernando said.", []string{"Chandra Fernando"}},
	} {
		res := extractText(t, lead+c.text+"\n")
		var got []string
		for _, s := range res.Statements {
			got = append(got, s.Speaker)
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%.50q: speakers %v, want %s", c.text, got, w)
			}
		}
	}
	// an acronym after "the" is a common noun's ("the NGO said"), and one
	// that is not the verb's subject speaks for no one
	for _, s := range []string{"Witnesses reported bodies burned in the streets, the NGO said.", "The shooting began around 8 pm (1700 GMT), with gunshots reported hours later."} {
		for _, st := range extractText(t, lead+s+"\n").Statements {
			if st.Speaker == "NGO" || st.Speaker == "GMT" {
				t.Errorf("%.50q: speaker %s", s, st.Speaker)
			}
		}
	}
	// a state's body no name says which of ("the military said") is no
	// speaker; one named before it is ("the Sri Lankan army ... the army")
	for _, c := range []struct{ text, want string }{
		{"The military said 40 assailants were killed in the ensuing clashes.", ""},
		// a subject after a comma with an article and no name is who
		// spoke, unnamed here; not a name earlier in the sentence
		{"The target of the blast appeared to be the Station House Officer (SHO) of the area, the DIG told reporters.", ""},
		{"The government said the killers would be caught.", ""},
		{"The Sri Lankan army blamed the rebels. The army said 40 assailants were killed in the ensuing clashes.", "Sri Lankan army"},
	} {
		var got []string
		for _, st := range extractText(t, lead+c.text+"\n").Statements {
			got = append(got, st.Speaker)
		}
		if strings.Join(got, "|") != c.want && !(c.want != "" && slices.Contains(got, c.want)) {
			t.Errorf("%.50q: speakers %q, want %q", c.text, got, c.want)
		}
	}
}

// TestTitledNames: a person named after a title is the person, whatever
// the name's words would be alone: a surname that is a word for a site
// after an abbreviated title ("Gov. Humberto Plaza"), a name after the
// honorific of a pilgrim ("Haji Janan", a town of China to a gazetteer),
// the holder of a title a body gives ("Pittsburgh Public Safety Director
// NAME"); an abbreviation in capitals is no honorific ("DR Congo").
func TestTitledNames(t *testing.T) {
	lead := "Published: 2009-06-20\n\nA car bomb exploded outside a police station in Guayaquil, Ecuador, on Friday, killing two people. "
	for _, c := range []struct{ text, want string }{
		{"Gov. Humberto Plaza of Guayas province, whose capital is Guayaquil, said the explosion was \"terrorism plain and simple\".", "Humberto Plaza"},
		{"Relatives took the bodies to the hospital, a resident of the town, Haji Janan, said.", "Janan"},
		{"\"One of the worst that I've seen,\" said Pittsburgh Public Safety Director Wendell Hissrich, describing what he saw.", "Wendell Hissrich"},
		// a hyphenated title's last word opens no name
		{"Kalai police station Officer-in-Charge Selim Malik said actions will be taken following an investigation.", "Selim Malik"},
	} {
		res := extractText(t, lead+c.text+"\n")
		var got []string
		for _, s := range res.Statements {
			got = append(got, s.Speaker)
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("%.50q: speakers %v, want %s", c.text, got, c.want)
		}
	}
	for _, st := range extractText(t, "Published: 2019-05-13\nTitle: Blast kills two in Quetta\n\nA blast killed two people in Quetta on Tuesday.\n\nThe blast happened on Tuesday, Quetta's Deputy Inspector-General (DIG) of police Abdul Razzaq Karpathos said.\n").Statements {
		if strings.HasPrefix(st.Speaker, "-") || st.Speaker == "General" {
			t.Errorf("Inspector-General: speaker %q", st.Speaker)
		}
	}
	res := extractText(t, "Published: 2019-12-16\n\nIslamist rebels killed at least 22 civilians in an overnight raid in the DR Congo’s troubled Beni region, local officials said on Sunday.\n")
	for _, a := range res.Actors {
		if a.Name == "Congo" && a.Kind == dossier.KindPerson {
			t.Errorf("DR Congo: Congo read as a person")
		}
	}
	for _, s := range res.Statements {
		if s.Speaker == "Congo" {
			t.Errorf("DR Congo: Congo speaks")
		}
	}
}

// TestWorldRegionNoPlace: a continent or a great region of the world
// situates a country; it is never the act's place, though a gazetteer
// holds a village of that name ("Africa" in Yemen).
func TestWorldRegionNoPlace(t *testing.T) {
	m := extractText(t, "Published: 2014-05-25\n\nAt least two people were killed late on Saturday in a bomb attack on a restaurant popular with Westerners in central Djibouti, official sources said.\n\n"+
		"The Horn of Africa nation of Djibouti is home to the United States' biggest base in Africa.\n").Main()
	if m == nil || m.Location == nil || m.Location.Place == "Africa" || m.Location.Country != "Djibouti" {
		t.Fatalf("location %+v; want Djibouti, not Africa", m.Location)
	}
}

// TestBasedInNotWhere: a country named as where a group is based ("the
// Nigeria-based group") is not the country of a town the gazetteer lacks.
func TestBasedInNotWhere(t *testing.T) {
	m := extractText(t, "Title: Suicide bombers kill 7 in northern Cameroon town\nPublished: 2015-09-13\n\n"+
		"YAOUNDE, Cameroon (AP) -- Suicide bombers attacked a northern Cameroon town on Sunday morning, killing at least seven people.\n\n"+
		"The attack hit the town of Kolofata, which sits near the Nigerian border and has been repeatedly targeted by the Nigeria-based Islamic extremist group Boko Haram.\n").Main()
	if m == nil || m.Location == nil || m.Location.Country != "Cameroon" {
		t.Fatalf("location %+v; want Cameroon", m.Location)
	}
}

// TestNamedObjectKilled: the active voice of a killing whose object is one
// named person counts one death ("soldiers gunned down President NAME");
// not a list of victims, and not a relative clause about another act
// ("the same people who assassinated NAME").
func TestNamedObjectKilled(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"Soldiers gunned down veteran President Joao Bernardo Vieira as he fled his home early on Monday, a military spokesperson said.", "1-1"},
		{"Gunmen shot dead the mayor of Kandi, John Smith, outside his home on Monday, police said.", "1-1"},
		{"Gunmen killed John Smith and his driver outside his home on Monday, police said.", "null"},
		{"A drone attacked the residence of Prime Minister John Smith on Sunday. His office said the perpetrators were the same people who assassinated Jane Doe, an intelligence agent.", "null"},
	} {
		m := extractText(t, "Published: 2009-03-02\n\n"+c.text+"\n").Main()
		if got := rangeString(m.Fatalities); got != c.want {
			t.Errorf("%.50q: fatalities %s, want %s", c.text, got, c.want)
		}
	}
}

// TestClaimAndIdentifyShapes: a group that "claimed credit" claims the act;
// "guerrillas" are a described group; whoever "identified the shooter as
// NAME" names the attacker, and one person is listed once, by the full
// name, when a later sentence gives the surname alone; a headline in
// capitals that holds a cue is not a name that claims.
func TestClaimAndIdentifyShapes(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"Arsonists burned 18 trucks on a highway in Araucania, Chile, on Thursday. A group that says it fights for indigenous rights, Weichan Auka Mapu, claimed credit for the attack, police told reporters.", "Weichan Auka Mapu"},
		{"Two policemen were killed after Maoist guerrillas raided a police post in eastern Nepal on Sunday.", "Maoist guerrillas"},
		{"Three police officers were shot dead in Baton Rouge, Louisiana, on Sunday. CBS News identified the 29-year-old shooter as Gavin Eugene Long, of Kansas City.", "Gavin Eugene Long"},
	} {
		m := extractText(t, "Published: 2016-07-17\n\n"+c.text+"\n").Main()
		if m == nil || !slices.Contains(m.Perpetrators, c.want) {
			t.Errorf("%.50q: perpetrators %v, want %s", c.text, m.Perpetrators, c.want)
		}
	}
	m := extractText(t, "Published: 2005-07-13\n\nA suicide bomber killed three people at a shopping mall in Netanya, Israel, on Tuesday. "+
		"Islamic Jihad identified the bomber as Ahmad Abu-Halil of Tulkarem.\n\nWitnesses said Abu-Halil detonated himself on a crosswalk.\n").Main()
	if slices.Contains(m.Perpetrators, "Abu-Halil") || !slices.Contains(m.Perpetrators, "Ahmad Abu-Halil") {
		t.Errorf("perpetrators %v, want Ahmad Abu-Halil once", m.Perpetrators)
	}
	m = extractText(t, "Published: 2005-07-13\n\nA suicide bomber killed three people at a shopping mall in Netanya, Israel, on Tuesday. "+
		"Islamic Jihad said Abu-Halil carried out the attack.\n\nPolice identified the bomber as Ahmad Abu-Halil of Tulkarem.\n").Main()
	if slices.Contains(m.Perpetrators, "Abu-Halil") || !slices.Contains(m.Perpetrators, "Ahmad Abu-Halil") {
		t.Errorf("perpetrators %v, want Ahmad Abu-Halil once (the surname first)", m.Perpetrators)
	}
	m = extractText(t, "Published: 2019-08-31\n\nA bomb wounded two policemen in Dhaka, Bangladesh, on Saturday.\n\nIS Claims Credit for Bomb Blast on Police in Bangladeshi Capital\n").Main()
	for _, p := range m.Perpetrators {
		if strings.Contains(p, "Claims") {
			t.Errorf("perpetrator %q: a headline read as a name", p)
		}
	}
}
