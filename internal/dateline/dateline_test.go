package dateline

import "testing"

func TestFind(t *testing.T) {
	tests := []struct {
		text                        string
		ok                          bool
		place, region, date, outlet string
		rest                        string // the text after the dateline
	}{
		{"KABUL, March 3 (Reuters) - Gunmen attacked a checkpoint.", true, "Kabul", "", "March 3", "Reuters", "Gunmen attacked a checkpoint."},
		{"BAGHDAD (AP) — A car bomb exploded.", true, "Baghdad", "", "", "AP", "A car bomb exploded."},
		{"Mogadishu, Somalia (CNN) -- At least 10 people died.", true, "Mogadishu", "Somalia", "", "CNN", "At least 10 people died."},
		{"NAIROBI, Kenya, Jan 15 — Militants stormed a hotel.", true, "Nairobi", "Kenya", "Jan 15", "", "Militants stormed a hotel."},
		{"DAR ES SALAAM, 7 August 1998 - A truck bomb exploded.", true, "Dar Es Salaam", "", "7 August 1998", "", "A truck bomb exploded."},
		{"ISLAMABAD: Pakistani forces killed five militants.", true, "Islamabad", "", "", "", "Pakistani forces killed five militants."},
		{"Nairobi, Nov 19 (AFP) Burundian soldiers were attacked.", true, "Nairobi", "", "Nov 19", "AFP", "Burundian soldiers were attacked."},
		{"New Delhi, Jan 5 (PTI) The police arrested two men.", true, "New Delhi", "", "Jan 5", "PTI", "The police arrested two men."},
		{"Ouagadougou [Burkina Faso], May 4 (ANI/Xinhua): At least a dozen people were killed.", true, "Ouagadougou", "Burkina Faso", "May 4", "ANI/Xinhua", "At least a dozen people were killed."},
		{"Kandahar: Five soldiers were killed on Friday.", true, "Kandahar", "", "", "", "Five soldiers were killed on Friday."},
		{"KANDI, Turkey (AP) _ Rebels attacked a police station.", true, "Kandi", "Turkey", "", "AP", "Rebels attacked a police station."},
		{"KANDI, Turkey—Security forces recovered four bodies.", true, "Kandi", "Turkey", "", "", "Security forces recovered four bodies."},
		{"Maputo — Terrorists killed 13 people in an attack.", true, "Maputo", "", "", "", "Terrorists killed 13 people in an attack."},
		{"NARATHIWAT ― A military ranger was killed.", true, "Narathiwat", "", "", "", "A military ranger was killed."},
		{"KANDI, Lanao del Sur — Three soldiers were killed.", true, "Kandi", "Lanao del Sur", "", "", "Three soldiers were killed."},
		{"Dar es Salaam, May 4 (AFP) - A bomb exploded.", true, "Dar es Salaam", "", "May 4", "AFP", "A bomb exploded."},
		{"PORT MORESBY, Papua New Guinea (PNG Post-Courier, April 2, 2008) - One man was killed.", true, "Port Moresby", "Papua New Guinea", "April 2, 2008", "PNG Post-Courier", "One man was killed."},
		{"Addis Ababa - At least two people were killed.", true, "Addis Ababa", "", "", "", "At least two people were killed."},
		{"ABUJA/LAGOS - Twenty-nine people were killed.", true, "Abuja", "", "", "", "Twenty-nine people were killed."},
		// not datelines
		{"Three Men — the gunmen — fled.", false, "", "", "", "", ""},
		{"Kandi-Gorod road was closed.", false, "", "", "", "", ""},
		{"Kandahar, Afghanistan: a city under siege.", false, "", "", "", "", ""},
		{"Police said: the attackers fled.", false, "", "", "", "", ""},
		{"Gunmen attacked a checkpoint in Kabul - the police said.", false, "", "", "", "", ""},
		{"Iraq - a report.", false, "", "", "", "", ""},
		{"Abuja/Lagos - the two cities.", false, "", "", "", "", ""},
		{"The Kandi Gorod Area - Police said.", false, "", "", "", "", ""},
		{"Islamic State, ISIL - the group claimed it.", false, "", "", "", "", ""},
		{"The attack in Kabul, Afghanistan killed 12.", false, "", "", "", "", ""},
		{"Two British Army soldiers have been killed in a gun attack.", false, "", "", "", "", ""},
		{"Hamas (the group that rules Gaza) said it fired.", false, "", "", "", "", ""},
	}
	for _, tc := range tests {
		d, ok := Find(tc.text)
		if ok != tc.ok {
			t.Errorf("Find(%q) ok = %v, want %v (%+v)", tc.text, ok, tc.ok, d)
			continue
		}
		if !ok {
			continue
		}
		if d.Place != tc.place || d.Region != tc.region || d.Date != tc.date || d.Outlet != tc.outlet || tc.text[d.End:] != tc.rest {
			t.Errorf("Find(%q) = %+v, rest %q; want %s/%s/%s/%s, rest %q", tc.text, d, tc.text[d.End:], tc.place, tc.region, tc.date, tc.outlet, tc.rest)
		}
		if tc.text[d.PlaceStart:d.PlaceEnd] == "" || (d.Date != "" && tc.text[d.DateStart:d.DateEnd] != d.Date) {
			t.Errorf("Find(%q): offsets do not point at the place and date", tc.text)
		}
	}
}

func TestLine(t *testing.T) {
	for _, tc := range []struct {
		line       string
		ok         bool
		place, reg string
	}{
		{"Baghdad, Iraq", true, "Baghdad", "Iraq"},
		{"  Mogadishu, Somalia ", true, "Mogadishu", "Somalia"},
		{"Jalalabad, Nangarhar Province, Afghanistan", false, "", ""},
		{"Sunday, March 8, 2009", false, "", ""},
		{"Two killed, many hurt", false, "", ""},
		{"Baghdad", false, "", ""},
	} {
		d, ok := Line(tc.line)
		if ok != tc.ok || ok && (d.Place != tc.place || d.Region != tc.reg || tc.line[d.PlaceStart:d.PlaceEnd] != tc.place) {
			t.Errorf("Line(%q) = %+v, %v; want %s, %s, %v", tc.line, d, ok, tc.place, tc.reg, tc.ok)
		}
	}
}

// TestRunIn: "CITY, COUNTRY" run into the first sentence is a dateline
// when the words after the comma are a country's name; a list of places,
// a country not followed by a capital, or another name is not.
func TestRunIn(t *testing.T) {
	countries := map[string]bool{"Honduras": true, "South Sudan": true, "Iraq": true}
	isCountry := func(s string) bool { return countries[s] }
	for _, tc := range []struct {
		text       string
		ok         bool
		place, reg string
	}{
		{"Tegucigalpa, Honduras Masked men armed with guns killed an activist.", true, "Tegucigalpa", "Honduras"},
		{"Juba, South Sudan Gunmen ambushed a convoy on Monday.", true, "Juba", "South Sudan"},
		{"Maiduguri, Iraq, Sept 3 Gunmen killed at least five villagers.", true, "Maiduguri", "Iraq"},
		{"Mosul, Iraq, more than 30 people were killed.", false, "", ""},
		{"Baghdad, Iraq and Syria were hit by attacks.", false, "", ""},
		{"Mosul, Kirkuk Province Gunmen killed two.", false, "", ""},
		{"Two soldiers, Iraq said.", false, "", ""},
	} {
		d, ok := RunIn(tc.text, isCountry)
		if ok != tc.ok || ok && (d.Place != tc.place || d.Region != tc.reg || tc.text[d.PlaceStart:d.PlaceEnd] != tc.place) {
			t.Errorf("RunIn(%q) = %+v, %v; want %s, %s, %v", tc.text, d, ok, tc.place, tc.reg, tc.ok)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"KABUL, March 3 (Reuters) - x", "BAGHDAD (AP) — y", "", "A, B (C) -- d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := Find(s); ok {
			if d.Start < 0 || d.End > len(s) || d.PlaceStart < d.Start || d.PlaceEnd > d.End {
				t.Fatalf("offsets out of range: %+v for %q", d, s)
			}
		}
		if d, ok := Line(s); ok && (d.PlaceEnd > len(s) || d.PlaceStart < 0) {
			t.Fatalf("offsets out of range: %+v for %q", d, s)
		}
	})
}
