package extract

import (
	"os"
	"testing"

	"github.com/dossier-project/dossier/internal/reader"
)

// FuzzExtract runs the whole pipeline (without the recover that guards
// Extract) on arbitrary text: no panic, and every evidence span is inside
// the text and equal to it.
func FuzzExtract(f *testing.F) {
	for _, p := range []string{"testdata/docs/kadhimi-assassination-attempt.txt", "testdata/docs/car_bomb_kills_11_in_pakistan.txt", "testdata/docs/2019_pulwama_attack.txt",
		"../../corpora/arabic/news/docs/aden_car_bombing_2015.txt", "../../corpora/arabic/news/docs/qubeir_massacre_2012.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) > 4000 {
			b = b[:4000]
		}
		f.Add(string(b))
	}
	f.Add("Published: 2011-03-26\n\nOn Sunday, gunmen killed 12 and wounded 30 in Kabul, Afghanistan. The Taliban claimed responsibility.")
	f.Add("X, also known as Y (Z), is an Iranian-backed group. He founded the A Army; both were backed by Iran.")
	// Arabic web pages: a date line, a headline, a sentence that ends on a
	// verb whose subject would follow
	f.Add("مقتل 16 جنديا بهجوم في رفح\nالاثنين، 06 آب/اغسطس 2012، آخر تحديث 18:23\nقتل 16 جنديا في هجوم على نقطة تفتيش عندما هاجم\nقال مصدر إن المهاجمين فروا، حسبما قال")
	x := extractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := reader.Parse("fuzz.txt", []byte(s), reader.Limits{MaxBytes: 1 << 20, MaxLineBytes: 1 << 18})
		if err != nil {
			return
		}
		_, res, err := x.extract(doc)
		if err != nil || res == nil {
			return
		}
		body := doc.Body()
		for _, in := range res.Incidents {
			for _, e := range in.Evidence {
				if e.Start < 0 || e.End > len(body) || e.Start > e.End || string(body[e.Start:e.End]) != e.Text {
					t.Fatalf("bad evidence %+v", e)
				}
			}
		}
	})
}
