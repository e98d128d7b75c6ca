package dump

import (
	"strings"
	"testing"
)

func TestFilterSelect(t *testing.T) {
	f := DefaultFilter()
	for _, tc := range []struct {
		name     string
		title    string
		ns       int
		redirect bool
		text     string
		want     bool
		reason   string
	}{
		{"incident infobox", "2019 Pulwama attack", 0, false, "{{Infobox civilian attack\n| title = x}}", true, "infobox civilian attack"},
		{"infobox lower case, underscores", "X", 0, false, "{{ infobox_military_conflict | x}}", true, "infobox military conflict"},
		{"militant group", "Kata'ib Hezbollah", 0, false, "{{Infobox war faction|name=x}}", true, "infobox war faction"},
		{"infobox with a comment after the name", "X", 0, false, "{{Infobox terrorist attack&lt;!-- c --&gt;\n|a=b}}", true, "infobox terrorist attack"},
		{"person with a category keyword", "Qasem Soleimani", 0, false, "{{Infobox military person}}\n[[Category:Assassinated Iranian people]]", true, "infobox military person, category Assassinated Iranian people"},
		{"person without keyword", "Ada Lovelace", 0, false, "{{Infobox person}}\n[[Category:English mathematicians]]", false, ""},
		{"category keyword alone", "X", 0, false, "text\n[[Category:Suicide bombings in Iraq|Baghdad]]", true, "category Suicide bombings in Iraq"},
		{"title keyword", "Assassination of Saleh al-Arouri", 0, false, "text", true, "title keyword assassinat"},
		{"keyword inside a word does not count", "Patriot Day", 0, false, "[[Category:Patriotic songs]]", false, ""},
		{"other infobox", "Aardvark", 0, false, "{{Speciesbox|x}}[[Category:Mammals]]", false, ""},
		{"redirect", "Pulwama attack", 0, true, "#REDIRECT [[2019 Pulwama attack]]", false, ""},
		{"talk namespace", "Talk:2019 Pulwama attack", 1, false, "{{Infobox civilian attack}}", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reason, ok := f.Select(tc.title, tc.ns, tc.redirect, []byte(tc.text))
			if ok != tc.want || reason != tc.reason {
				t.Errorf("Select = %q, %v; want %q, %v", reason, ok, tc.reason, tc.want)
			}
		})
	}
}

func TestParseFilter(t *testing.T) {
	f, err := ParseFilter(strings.NewReader("# rules\ninfobox Storm\nkeyword hurricane\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Select("X", 0, false, []byte("{{Infobox storm}}")); !ok {
		t.Error("custom infobox not selected")
	}
	if _, ok := f.Select("Hurricane Katrina", 0, false, nil); !ok {
		t.Error("custom keyword not selected")
	}
	for _, bad := range []string{"infobox\n", "colour red\n"} {
		if _, err := ParseFilter(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseFilter(%q): no error", bad)
		}
	}
}
