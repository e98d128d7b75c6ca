package extract
import ("testing";"fmt";"github.com/dossier-project/dossier/internal/reader")
func TestTmpX(t *testing.T){
	x, _ := New(Options{})
	for _, s := range []string{
	"= 2010 Zahedan bombings =\n\nOn 15 July 2010, two suicide bombers attacked a mosque in Zahedan, Iran, killing 27 people. Responsibility for the attacks was claimed by Jundullah in revenge for the execution of their leader.\n",
	"= Maras massacre =\n\nThe Maras massacre was the massacre of more than one hundred leftists in the city of Kahramanmaras, Turkey, in December 1978, primarily by the neo-fascist Grey Wolves.\n",
	"= Umogidi massacre =\n\nOn April 7, 2023, Fulani herdsmen attacked the remote village of Umogidi, Benue State, Nigeria, killing at least 51 civilians during a funeral.\n",
	} {
	doc, _ := reader.Parse("case.txt", []byte(s), reader.Limits{})
	d, _, _ := x.extract(doc)
	fmt.Println("rules:", d.rulePerps); for _, st := range d.sents { for _, m := range st.mentions { a := ""; if m.actor != nil { a = m.actor.kind }; fmt.Printf("   M %q kind=%q actor=%q place=%v\n", m.surface, m.kind, a, m.place != nil) } }
	for _, c := range d.perpCands { fmt.Printf("  %.3f %s [%s] %v\n", c.p, c.name, c.rule, c.feats) }
	}
}
