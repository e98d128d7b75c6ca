package wikitext

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// realTitles are the titles of the real pages in testdata (see README.md).
var realTitles = map[string]string{
	"real_aardwolf":                           "Aardwolf",
	"real_accessiblecomputing":                "AccessibleComputing",
	"real_albert_sidney_johnston":             "Albert Sidney Johnston",
	"real_constructive_vote_of_no_confidence": "Constructive vote of no confidence",
	"real_economy_of_estonia":                 "Economy of Estonia",
	"real_transport_in_angola":                "Transport in Angola",
}

// summary is what the golden .json files hold besides the text.
type summary struct {
	Infobox    *Infobox   `json:",omitempty"`
	Coord      *Coord     `json:",omitempty"`
	Redirect   string     `json:",omitempty"`
	Categories []string   `json:",omitempty"`
	Sections   []Section  `json:",omitempty"`
	Links      []Link     `json:",omitempty"`
	Citations  []Citation `json:",omitempty"`
}

// TestGolden renders testdata/*.wiki and compares the text with
// *.golden.txt and the rest of the page with *.golden.json. Refresh them
// with go test -run TestGolden -update.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.wiki")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, f := range files {
		base := strings.TrimSuffix(f, ".wiki")
		name := filepath.Base(base)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			title, ok := realTitles[name]
			if !ok {
				title = strings.ToUpper(name[:1]) + strings.ReplaceAll(name[1:], "_", " ")
			}
			p, err := Render(title, string(src))
			if err != nil {
				t.Fatal(err)
			}
			checkPage(t, p)
			js, err := json.MarshalIndent(summary{p.Infobox, p.Coord, p.Redirect, p.Categories, p.Sections, p.Links, p.Citations}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, base+".golden.txt", []byte(p.Text))
			golden(t, base+".golden.json", append(js, '\n'))
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(run with -update if the change is right)", path, i+1, g, w)
			}
		}
	}
}

// checkPage verifies what every rendered page must satisfy: the layout's
// first line, and offsets that index the text.
func checkPage(t *testing.T, p Page) {
	t.Helper()
	if !strings.HasPrefix(p.Text, "= "+oneLine(p.Title)+" =\n") {
		t.Errorf("text starts %q", p.Text[:min(len(p.Text), 60)])
	}
	if strings.ContainsAny(p.Text, "\x01\x02\x03\x04\x05\x06") {
		t.Errorf("delimiters left in the text")
	}
	if !utf8.ValidString(p.Text) {
		t.Errorf("text is not UTF-8")
	}
	for _, l := range p.Links {
		if l.Start < 0 || l.Start > l.End || l.End > len(p.Text) || p.Text[l.Start:l.End] != l.Text || l.Target == "" {
			t.Errorf("link %+v does not index the text", l)
		}
	}
	if p.Infobox != nil {
		for _, f := range p.Infobox.Fields {
			if f.Start < 0 || f.Start > f.End || f.End > len(p.Text) || p.Text[f.Start:f.End] != f.Value {
				t.Errorf("field %+v does not index the text", f)
			}
		}
	}
	for _, s := range p.Sections {
		if s.Start < 0 || s.Start > s.End || s.End > len(p.Text) || p.Text[s.Start:s.End] != s.Title {
			t.Errorf("section %+v does not index the text", s)
		}
	}
	for _, c := range p.Citations {
		if strings.ContainsAny(c.Text, "\x01\x02\x03\x04\x05\x06") {
			t.Errorf("citation %d text %q has delimiters", c.N, c.Text)
		}
		for _, m := range c.Markers {
			if m.Start < 0 || m.Start > m.End || m.End > len(p.Text) || !strings.HasPrefix(p.Text[m.Start:m.End], "[") {
				t.Errorf("citation %d marker %+v does not index the text", c.N, m)
			}
		}
	}
}

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // the text after the title line and blank line
	}{
		{"plain", "Hello world.", "Hello world.\n"},
		{"paragraphs join lines", "One\ntwo.\n\nThree.", "One two.\n\nThree.\n"},
		{"comment", "A <!-- hidden --> b.", "A b.\n"},
		{"unterminated comment", "A <!-- hidden", "A\n"},
		{"nowiki", "<nowiki>[[x]] {{y}} ''z''</nowiki>", "[[x]] {{y}} ''z''\n"},
		{"nowiki entity", "<nowiki>&lt;b&gt;</nowiki>", "<b>\n"},
		{"link with text", "[[Baghdad|the capital]]", "the capital\n"},
		{"link trail", "[[bomb]]ings", "bombings\n"},
		{"nowiki breaks the trail", "[[bomb]]<nowiki/>ings", "bombings\n"},
		{"pipe trick", "[[Mosul (city)|]]", "Mosul\n"},
		{"file dropped", "A [[File:X.jpg|thumb|Caption [[Y]]]] b", "A b\n"},
		{"category not rendered", "A [[Category:Bombings]]", "A\n"},
		{"interlanguage dropped", "A [[de:Anschlag]]", "A\n"},
		{"external link", "[https://example.org Example site] and [https://example.org]", "Example site and\n"},
		{"bold italic", "'''Bold''' and ''italic'' and '''''both'''''", "Bold and italic and both\n"},
		{"apostrophe kept", "Kata'ib Hezbollah's", "Kata'ib Hezbollah's\n"},
		{"nested templates", "{{nowrap|a {{nowrap|b {{nowrap|c}}}}}}", "a b c\n"},
		{"unknown template dropped", "A {{navbox|x={{y}}}} b.", "A b.\n"},
		{"dropped template before punctuation", "Paris{{cn}}. Then {{cn}}, more.", "Paris. Then, more.\n"},
		{"unclosed template is text", "a {{b c", "a {{b c\n"},
		{"stray closers", "a }} ]] b", "a }} ]] b\n"},
		{"ref marker", "Fact.<ref>Source.</ref>", "Fact.[1]\n"},
		{"named ref reused", "A.<ref name=x>S.</ref> B.<ref name=x/> C.<ref>T.</ref>", "A.[1] B.[1] C.[2]\n"},
		{"ref in template", "{{nowrap|x<ref>S.</ref>}}", "x[1]\n"},
		{"efn dropped", "A.{{efn|A note.}}", "A.\n"},
		{"sfn", "A.{{sfn|Smith|2018|p=4}}", "A.[1]\n"},
		{"heading", "Lead.\n==Background==\nText.", "Lead.\n\n== Background ==\nText.\n"},
		{"level 3 heading", "=== Sub ===\nText.", "=== Sub ===\nText.\n"},
		{"references section dropped", "A.\n== References ==\n{{reflist}}\n* x\n== After ==\nB.", "A.\n\n== After ==\nB.\n"},
		{"list", "Intro:\n* one\n* two\nAfter.", "Intro:\n\none\ntwo\n\nAfter.\n"},
		{"table", "{|\n! H1 !! H2\n|-\n| a || b\n|}", "H1 | H2 |\na | b |\n"},
		{"table cell attributes", "{|\n| style=\"x\" | a || b\n|}", "a | b |\n"},
		{"html tags", "<span class=\"x\">a</span><br/>b <small>c</small>", "a b c\n"},
		{"less than is text", "a < b and c > d", "a < b and c > d\n"},
		{"entities", "a&nbsp;b &ndash; c &amp; d", "a b – c & d\n"},
		{"magic word", "__NOTOC__\nText.", "Text.\n"},
		{"start date", "{{start date|2019|2|14}}", "14 February 2019\n"},
		{"start date month", "{{start date|2019|2}}", "February 2019\n"},
		{"convert", "{{convert|300|kg|lb}} and {{convert|5|-|10|km}}", "300 kg and 5–10 km\n"},
		{"lang", "{{lang|fr|Le Monde}} and {{lang-ar|الحشد}}", "Le Monde and الحشد\n"},
		{"flag", "{{flagicon|Iraq}} {{flag|Iraq}} {{flagcountry|Iran}}", "Iraq Iran\n"},
		{"ubl", "{{ubl|a|b|c}}", "a, b, c\n"},
		{"coord", "{{coord|33|57|53|N|74|57|51|E}}", "33.9647°N 74.9642°E\n"},
		{"coord decimal", "{{coord|-1.5|36.8}}", "1.5000°S 36.8000°E\n"},
		{"if", "{{#if: x | yes | no}} {{#if: | yes | no}}", "yes no\n"},
		{"quote", "{{quote|text=Words.|author=Someone}}", "\"Words.\" — Someone\n"},
		{"redirect-like text", "See #REDIRECT later", "See #REDIRECT later\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Render("T", tc.in)
			if err != nil {
				t.Fatal(err)
			}
			checkPage(t, p)
			got := strings.TrimPrefix(p.Text, "= T =\n\n")
			if got != tc.want {
				t.Errorf("Render(%q) text\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRenderStructure(t *testing.T) {
	p, err := Render("2019 Pulwama attack", `{{Infobox civilian attack
| partof = the [[insurgency in Jammu and Kashmir]]
| map_type = India
| date = {{start date|2019|2|14}}
| location = [[Lethapora]]<br>[[Pulwama district]]
| coordinates = {{coord|33.96|74.96|display=title}}
| fatalities = 40<ref name="t">Toll.</ref>
| perps = {{plainlist|
* [[Jaish-e-Mohammed]]
* unknown
}}
}}
Lead.<ref name="t"/>
[[Category:Attacks in 2019]]`)
	if err != nil {
		t.Fatal(err)
	}
	checkPage(t, p)
	want := "= 2019 Pulwama attack =\n\nInfobox\n- Partof: the insurgency in Jammu and Kashmir\n- Date: 14 February 2019\n" +
		"- Location: Lethapora, Pulwama district\n- Coordinates: 33.9600°N 74.9600°E\n- Fatalities: 40[1]\n" +
		"- Perps: Jaish-e-Mohammed, unknown\n\nLead.[1]\n"
	if p.Text != want {
		t.Errorf("text\n got %q\nwant %q", p.Text, want)
	}
	if p.Infobox == nil || p.Infobox.Name != "Infobox civilian attack" || len(p.Infobox.Fields) != 6 {
		t.Fatalf("infobox %+v", p.Infobox)
	}
	if f := p.Infobox.Fields[0]; f.Key != "Partof" || f.Param != "partof" || f.Value != "the insurgency in Jammu and Kashmir" {
		t.Errorf("field %+v", f)
	}
	if p.Coord == nil || p.Coord.Lat != 33.96 || p.Coord.Lon != 74.96 {
		t.Errorf("coord %+v", p.Coord)
	}
	targets := []string{}
	for _, l := range p.Links {
		targets = append(targets, l.Target)
	}
	if got := strings.Join(targets, "|"); got != "Insurgency in Jammu and Kashmir|Lethapora|Pulwama district|Jaish-e-Mohammed" {
		t.Errorf("link targets %q", got)
	}
	if len(p.Citations) != 1 || p.Citations[0].Text != "Toll." || len(p.Citations[0].Markers) != 2 {
		t.Errorf("citations %+v", p.Citations)
	}
	if len(p.Categories) != 1 || p.Categories[0] != "Attacks in 2019" {
		t.Errorf("categories %q", p.Categories)
	}
}

func TestRedirect(t *testing.T) {
	p, err := Render("Pulwama attack", "#REDIRECT [[2019 Pulwama attack#Attack|x]] {{R from move}}")
	if err != nil {
		t.Fatal(err)
	}
	if p.Redirect != "2019 Pulwama attack" {
		t.Errorf("redirect %q", p.Redirect)
	}
}

func TestFieldKey(t *testing.T) {
	for in, want := range map[string]string{
		"partof": "Partof", "map_type": "Map Type", "executed by": "Executed By",
		"casualties1": "Casualties1", "time-begin": "Time-begin", "native_name_lang": "Native Name Lang",
	} {
		if got := fieldKey(in); got != want {
			t.Errorf("fieldKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPathological makes sure hostile input renders in linear time.
func TestPathological(t *testing.T) {
	for name, in := range map[string]string{
		"open braces":   strings.Repeat("{{", 50_000),
		"open brackets": strings.Repeat("[[a|", 50_000),
		"open refs":     strings.Repeat("<ref>", 50_000),
		"open comments": strings.Repeat("<!--", 50_000),
		"deep nesting":  strings.Repeat("{{nowrap|", 5_000) + "x" + strings.Repeat("}}", 5_000),
		"pipes":         "{{x" + strings.Repeat("|a=b", 100_000) + "}}",
		"quotes":        strings.Repeat("''''", 100_000),
		"table rows":    "{|\n" + strings.Repeat("| a || b\n|-\n", 50_000) + "|}",
		"lines":         strings.Repeat("* item\n", 100_000),
	} {
		start := time.Now()
		p, err := Render("T", in)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		checkPage(t, p)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s took %v", name, d)
		}
	}
}

func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.wiki")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err == nil && len(b) < 8<<10 {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"{{a|b=c}}", "[[a|b]]c", "<ref name=a/>", "{|\n|a||b\n|}", "'''''x''", "== a ==\n* b", "{{{1|x}}}", "<nowiki>", "{{coord|1|2|N|3|4|E}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Render("Fuzz", s)
		if err != nil {
			return
		}
		checkPage(t, p)
	})
}

// BenchmarkRender renders the real pages of testdata.
func BenchmarkRender(b *testing.B) {
	var pages []string
	for name := range realTitles {
		src, err := os.ReadFile("testdata/" + name + ".wiki")
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, string(src))
	}
	n := 0
	for _, p := range pages {
		n += len(p)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, p := range pages {
			if _, err := Render("T", p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
