package actordict

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// found is a match as the tests write it: the surface and the entry's name.
type found struct{ surface, entry string }

func TestFind(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		name string
		text string
		want []found
	}{
		{
			name: "longest match wins",
			text: "The Islamic State Khorasan Province claimed the attack.",
			want: []found{{"Islamic State Khorasan Province", "Islamic State – Khorasan Province"}},
		},
		{
			name: "a possessive inside a name",
			text: "The government of the People's Republic of China warned of unrest; Iran's Revolutionary Guard did not.",
			want: []found{{"People's Republic of China", "China"}, {"Iran", "Iran"}, {"Revolutionary Guard", "Islamic Revolutionary Guard Corps"}},
		},
		{
			name: "a word the dictionary writes in lower case",
			text: "On April 7, 2023, Fulani herdsmen attacked the village; Fulani Herdsmen fled.",
			want: []found{{"Fulani herdsmen", "Fulani militias"}, {"Fulani Herdsmen", "Fulani militias"}},
		},
		{
			name: "an en dash for a hyphen",
			text: "an intervention by a Saudi–led coalition against the Houthis",
			want: []found{{"Saudi–led coalition", "Saudi-led coalition"}, {"Houthis", "Houthi movement"}},
		},
		{
			name: "shorter name alone",
			text: "Fighters of the Islamic State withdrew.",
			want: []found{{"Islamic State", "Islamic State"}},
		},
		{
			name: "acronyms in capitals",
			text: "ISIS and ISIL are names of IS, which the UN and the U.S. fight.",
			want: []found{{"ISIS", "Islamic State"}, {"ISIL", "Islamic State"}, {"IS", "Islamic State"}, {"UN", "United Nations"}, {"U.S.", "United States"}},
		},
		{
			name: "lower-case words are not acronyms",
			text: "This is what it is, and us too; the un-named man is here.",
			want: nil,
		},
		{
			name: "acronym in mixed case is not an acronym",
			text: "Isis was a goddess.",
			want: nil,
		},
		{
			name: "short acronym in a headline",
			text: "WHAT IS THE PLAN",
			want: nil,
		},
		{
			name: "lower-case name does not fire",
			text: "the hezbollah of the story and the taliban regime",
			want: nil,
		},
		{
			name: "capitalized name fires",
			text: "Hezbollah and the Taliban",
			want: []found{{"Hezbollah", "Hezbollah"}, {"Taliban", "Taliban"}},
		},
		{
			name: "common word is not a name",
			text: "Youth groups met. Guardian angels. Amnesty was granted.",
			want: nil,
		},
		{
			name: "apostrophes and particles",
			text: "Kata'ib Hezbollah and Asa'ib Ahl al-Haq denied it.",
			want: []found{{"Kata'ib Hezbollah", "Kata'ib Hezbollah"}, {"Asa'ib Ahl al-Haq", "Asa'ib Ahl al-Haq"}},
		},
		{
			name: "typographic apostrophe",
			text: "Kata’ib Hezbollah denied it.",
			want: []found{{"Kata’ib Hezbollah", "Kata'ib Hezbollah"}},
		},
		{
			name: "possessive is left out",
			text: "Hezbollah's leader spoke.",
			want: []found{{"Hezbollah", "Hezbollah"}},
		},
		{
			name: "article joined by a hyphen is taken in",
			text: "a statement by al-Qaeda on Sunday",
			want: []found{{"al-Qaeda", "Al-Qaeda"}},
		},
		{
			name: "inner article may be left out",
			text: "Qais Khazali spoke after Abu Bakr Baghdadi died.",
			want: []found{{"Qais Khazali", "Qais al-Khazali"}, {"Abu Bakr Baghdadi", "Abu Bakr al-Baghdadi"}},
		},
		{
			name: "demonym is the state",
			text: "Iraqi forces and Iranian officials.",
			want: []found{{"Iraqi", "Iraq"}, {"Iranian", "Iran"}},
		},
		{
			name: "person after a title",
			text: "Prime Minister Mustafa Al-Kadhimi survived.",
			want: []found{{"Mustafa Al-Kadhimi", "Mustafa Al-Kadhimi"}},
		},
		{
			name: "person inside a longer capitalized name",
			text: "Hamid Karzai Airport was closed.",
			want: nil,
		},
		{
			name: "person after a capitalized word that is not a title",
			text: "Ghani Hamid Karzai",
			want: nil,
		},
		{
			name: "person at sentence start",
			text: "Yesterday Hamid Karzai left.",
			want: []found{{"Hamid Karzai", "Hamid Karzai"}},
		},
		{
			name: "names do not span punctuation or lines",
			text: "Islamic, State and Islamic\nState",
			want: nil,
		},
		{
			name: "hyphenated compound",
			text: "The US-backed SDF and the Iran-backed PMF.",
			want: []found{{"US", "United States"}, {"SDF", "Syrian Democratic Forces"}, {"Iran", "Iran"}, {"PMF", "Popular Mobilization Forces"}},
		},
		{
			name: "accents",
			text: "Médecins Sans Frontières and Recep Tayyip Erdoğan.",
			want: []found{{"Médecins Sans Frontières", "Médecins Sans Frontières"}, {"Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"}},
		},
		{
			name: "media",
			text: "Reuters and the Associated Press (AP) reported.",
			want: []found{{"Reuters", "Reuters"}, {"Associated Press", "Associated Press"}, {"AP", "Associated Press"}},
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
				t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func equalFound(a, b []found) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFindOffsets(t *testing.T) {
	d := mustDefault(t)
	text := "On 7 November, Kata'ib Hezbollah’s drones hit the U.S. embassy."
	ms := d.Find(text)
	want := []struct {
		start, end int
		alias      string
	}{
		{15, 32, "Kata'ib Hezbollah"},
		{52, 56, "U.S."},
	}
	if len(ms) != len(want) {
		t.Fatalf("Find = %v", ms)
	}
	for i, w := range want {
		if ms[i].Start != w.start || ms[i].End != w.end || ms[i].Alias != w.alias {
			t.Errorf("match %d = [%d:%d] %q via %q, want [%d:%d] via %q", i, ms[i].Start, ms[i].End, ms[i].Surface, ms[i].Alias, w.start, w.end, w.alias)
		}
	}
}

func TestFindEmpty(t *testing.T) {
	d := mustDefault(t)
	if ms := d.Find(""); len(ms) != 0 {
		t.Errorf("Find(\"\") = %v", ms)
	}
	empty, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if ms := empty.Find("Hezbollah"); len(ms) != 0 {
		t.Errorf("Find on an empty dictionary = %v", ms)
	}
}

// benchText returns a few KB of English prose: the Wikipedia articles of
// the shared corpus when present, else a stand-in paragraph.
func benchText(tb testing.TB) string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "wikipedia", "*.txt"))
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	if b.Len() == 0 {
		for i := 0; i < 40; i++ {
			b.WriteString("On 7 November 2021, the residence of Iraqi Prime Minister Mustafa Al-Kadhimi in Baghdad's Green Zone was attacked by three explosive-laden drones. " +
				"Officials blamed Kata'ib Hezbollah and Asa'ib Ahl al-Haq, Iran-backed militias of the Popular Mobilization Forces; both denied it. " +
				"The United Nations, the United States and Iran condemned the attack, Reuters and the Associated Press reported.\n")
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	d := mustDefault(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Find(text)
	}
}

// TestDefaultHeap reports the heap that the default dictionary holds.
func TestDefaultHeap(t *testing.T) {
	mustDefault(t)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("heap in use with the default dictionary: %.1f MB", float64(ms.HeapAlloc)/(1<<20))
	if ms.HeapAlloc > 60<<20 {
		t.Errorf("heap %d MB, want under 60 MB", ms.HeapAlloc>>20)
	}
}

// BenchmarkLoad reads the embedded files as Default does (without its
// once).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		d := newDict()
		for _, f := range embeddedFiles() {
			d.keepOrder = f.keepOrder
			if err := d.read(bytes.NewReader(f.data), f.name, ""); err != nil {
				b.Fatal(err)
			}
		}
		d.keepOrder = false
		d.index()
	}
}
