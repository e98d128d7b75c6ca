package arextract

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/actordict"
	"github.com/dossier-project/dossier/internal/arabic"
	"github.com/dossier-project/dossier/internal/gazetteer"
)

// leadSentences is how many sentences from the start a document's own
// incident is looked for in: the lead of a report or of an article.
const leadSentences = 4

type perp struct {
	name, kind string
	ev         dossier.Evidence
	accused    bool
	generic    bool // a description without a name ("مسلحون مجهولون"): no actor of its own, as in English
}

type incident struct {
	title    string
	date     *dossier.DateRange
	loc      *dossier.Location
	typ, sub string
	weapons  []string
	targets  []string
	fat, inj *dossier.Range
	perps    []perp
	// infoboxPerps: the infobox names the perpetrators
	infoboxPerps bool
	claims       []dossier.Claim
	evidence     []dossier.Evidence
	weaponSubs   []string
	dateFrom     string // the method the date was read by
	// claimStmts are the claims of responsibility as statements: the
	// claimant speaks for the attack (stance support, as the news gold
	// codes a group that claims or justifies an attack)
	claimStmts []dossier.Statement
}

func (in *incident) setDate(dr *dossier.DateRange, ev dossier.Evidence, from string) {
	in.date, in.dateFrom = dr, from
	in.evidence = append(in.evidence, ev)
}

func (in *incident) setLocation(loc *dossier.Location, ev dossier.Evidence) {
	in.loc = loc
	in.evidence = append(in.evidence, ev)
}

func (in *incident) setFigure(field string, r *dossier.Range, ev dossier.Evidence) {
	if field == "fatalities" {
		in.fat = r
	} else {
		in.inj = r
	}
	in.evidence = append(in.evidence, ev)
}

// addPerp adds a perpetrator or accused once, by folded name.
func (in *incident) addPerp(p perp) bool {
	for _, q := range in.perps {
		if arabic.Fold(q.name) == arabic.Fold(p.name) {
			return false
		}
	}
	if !p.accused && in.infoboxPerps && p.ev.Method != dossier.MethodInfobox {
		return false // the infobox names who did it; the prose adds no other (as in English)
	}
	in.perps = append(in.perps, p)
	in.evidence = append(in.evidence, p.ev)
	return true
}

func (in *incident) addWeapon(w weaponWord, ev dossier.Evidence) {
	if !slices.Contains(in.weaponSubs, w.sub) {
		in.weaponSubs = append(in.weaponSubs, w.sub)
	}
	if slices.Contains(in.weapons, w.class) {
		return
	}
	in.weapons = append(in.weapons, w.class)
	in.evidence = append(in.evidence, ev)
}

func (in *incident) output(key string) dossier.Incident {
	out := dossier.Incident{
		Main: true, Title: in.title, Date: in.date, Location: in.loc, Type: in.typ, SubType: in.sub,
		Weapons: nonNil(in.weapons), Targets: nonNil(in.targets), Fatalities: in.fat, Injuries: in.inj,
		Perpetrators: []string{}, Accused: []string{}, PartOf: []string{}, Evidence: in.evidence,
		Kind: dossier.IncidentEvent,
	}
	for _, p := range in.perps {
		if p.accused {
			out.Accused = append(out.Accused, p.name)
		} else {
			out.Perpetrators = append(out.Perpetrators, p.name)
		}
	}
	if out.Evidence == nil {
		out.Evidence = []dossier.Evidence{}
	}
	date, place := "", ""
	if in.date != nil {
		date = in.date.Start
	}
	if in.loc != nil {
		place = in.loc.Place + "/" + in.loc.Country
	}
	out.ID = dossier.StableID("i", key, "true", in.title, date, place, "0")
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// mainIncident finds the document's own incident: the event words of the
// lead say that there is one and what kind; its date, place and figures
// come from the lead's sentences, the event sentence first.
func (d *doc) mainIncident() *incident {
	if len(d.sents) == 0 {
		return nil
	}
	// the lead: the first sentences of six words or more (a heading or a
	// table row left by a page is none)
	var lead []*sentence
	for _, s := range d.sents {
		if len(s.words) >= 6 {
			lead = append(lead, s)
			if len(lead) == leadSentences {
				break
			}
		}
	}
	if len(lead) == 0 {
		lead = d.sents[:min(leadSentences, len(d.sents))]
	}
	// the first sentence of the lead that tells an act by a noun or verb
	// of weight 2 or more ("الانفجار العنيف الذي وقع ... داخل مسجد شيعي في
	// ولاية قندوز"), not a stronger word of a later sentence that recalls
	// another act ("عمل انتحاري ... في كابول")
	var event *sentence
	for _, s := range lead {
		if s.eventW > 0 && (event == nil || s.eventW > event.eventW) {
			event = s
		}
		if event != nil && event.eventW >= 2 {
			break
		}
	}
	if event == nil {
		// no event word in the lead: a report of violence names it later, or
		// the document reports none
		for _, s := range d.sents[:min(12, len(d.sents))] {
			if s.eventW >= 2 {
				event = s
				break
			}
		}
	}
	if event == nil && d.titleEvent() {
		// the title names the act ("مجزرة بن طلحة"); the lead reports it
		// in words the pack does not list as event words
		event = d.sents[0]
	}
	if event == nil && len(d.in.Infobox) == 0 {
		return nil
	}
	in := &incident{title: d.in.Title}
	d.fromInfobox(in)
	if event == nil {
		event = d.sents[0]
	}
	// the event sentence first, then the rest of the lead in order
	order := []*sentence{event}
	for _, s := range lead {
		if s != event {
			order = append(order, s)
		}
	}
	d.typeAndWeapons(in, order)
	d.chooseDate(in, order)
	d.choosePlace(in, order)
	// the lead's first toll is the total; a later sentence, the event
	// sentence too, often breaks it down ("أسفر الهجوم عن مقتل 307 ...
	// قام الانتحاري الأول بتفجير شاحنة ... مما أسفر عن مقتل 220 من مشاة
	// البحرية")
	d.chooseFigures(in, inDocOrder(order))
	if in.fat == nil || in.inj == nil {
		// a lead that tells the act and leaves the toll to a later
		// paragraph: the next sentences that speak of the act
		var more []*sentence
		for _, s := range d.sents {
			if len(more) == 8 {
				break
			}
			if !slices.Contains(order, s) && (s.eventW > 0 || len(d.figures(s)) > 0) {
				more = append(more, s)
			}
		}
		d.chooseFigures(in, more)
	}
	d.findClaims(in)
	d.findAccused(in)
	d.findTargets(in, order)
	return in
}

// inDocOrder returns the sentences in the order the document has them.
func inDocOrder(ss []*sentence) []*sentence {
	out := slices.Clone(ss)
	slices.SortStableFunc(out, func(a, b *sentence) int { return a.start - b.start })
	return out
}

// findTargets reads the targets of the act in the lead: the name after a
// target word ("استهدف منزله", "اغتيال X", "نجا X من"): the dictionary's
// actor named there, else a name of up to four words; a pronoun suffix
// alone ("منزله": his house) or a description with no identity is none.
func (d *doc) findTargets(in *incident, order []*sentence) {
	seen := map[string]bool{}
	for _, s := range order {
		w := s.words
		for k := 0; k < len(w); k++ {
			m, ok := d.x.p.targets.At(w, k)
			if !ok || m.J >= len(w) {
				continue
			}
			end := min(d.nameEnd(s, m.J), m.J+6)
			if end <= m.J {
				continue
			}
			name := ""
			for _, f := range d.x.dict.Find(d.span(s, m.J, end)) {
				if f.Entry != nil && f.Entry.Kind == "person" {
					name = f.Surface
					break
				}
			}
			if name == "" {
				if _, ok := d.x.p.generics.At(w, m.J); ok {
					continue
				}
				// "اغتيال بطائرة مسيرة": what follows with ب is the
				// instrument; one word alone ("منزله", his house) is a
				// common noun more often than a name
				stems := arabic.Stems(w[m.J])
				if len(stems) > 1 && arabic.Locative(w[m.J], stems[len(stems)-1]) || min(end, m.J+4)-m.J < 2 {
					continue
				}
				n, _ := d.actorName(s, m.J, min(end, m.J+4))
				name = n
			}
			if name == "" || seen[arabic.Fold(name)] {
				continue
			}
			seen[arabic.Fold(name)] = true
			in.targets = append(in.targets, name)
			in.evidence = append(in.evidence, d.evidence("targets", s, 0.6))
			k = end - 1
		}
	}
	if len(order) > 0 {
		d.siteTargets(in, order[0], seen)
	}
}

// siteTargets reads the place the act struck, in the event sentence: a
// building, a market or a vehicle (the pack's site words, and "سوق") after
// "في", "داخل", "أمام", "وسط", "قرب" or "على", behind the proclitic ب,
// or right after the act's word ("تفجير انتحاري داخل مسجد للشيعة",
// "انفجرت سيارة ملغومة في سوق ببلدة عفرين", "غارة على مدرسة"): the site
// noun and its words up to where a name would end, at most four. A
// vehicle that carries the weapon ("سيارة مفخخة") and a hospital (where
// the wounded are taken) are none.
func (d *doc) siteTargets(in *incident, s *sentence, seen map[string]bool) {
	w := s.words
	market, hospital, hospitals := arabic.Fold("سوق"), arabic.Fold("مستشفى"), arabic.Fold("مستشفيات")
	for k := 0; k < len(w); k++ {
		m, ok := d.x.p.places.At(w, k)
		if !ok {
			continue
		}
		stems := arabic.Stems(w[k])
		head := arabic.StripArticle(stems[len(stems)-1])
		if !(m.V == "site" || m.V == "cueknown" && head == market) || head == hospital || head == hospitals {
			continue
		}
		if _, weapon := d.x.p.weapons.At(w, k); weapon {
			continue
		}
		behindBa := len(stems) > 1 && arabic.Locative(w[k], stems[len(stems)-1]) // "بسوق"
		cued := behindBa
		if k > 0 && !cued {
			if c, ok := d.x.p.places.At(w, k-1); ok && c.J == k && (c.V == "in" || arabic.Fold(d.span(s, k-1, k)) == arabic.Fold("قرب")) {
				cued = true
			}
			if w[k-1] == arabic.Fold("على") {
				cued = true
			}
			for _, e := range s.events {
				if e.J == k {
					cued = true
				}
			}
		}
		if !cued {
			continue
		}
		end := min(d.nameEnd(s, k), k+4)
		if end <= k {
			end = k + 1
		}
		// (a bracket, a word for a kind of place after ب, a day: "مطار
		// بروكسل الدولي (إياتا", "مسجد شيعي بمنطقة", "حافلة إيجد يوم")
		for j := k + 1; j < end; j++ {
			st := arabic.Stems(w[j])
			_, _, date := d.dateWord(s, j)
			kind := false
			if len(st) > 1 && arabic.Locative(w[j], st[len(st)-1]) {
				c, ok := d.x.p.places.At([]string{st[len(st)-1]}, 0)
				kind = ok && (c.V == "cue" || c.V == "cueknown")
			}
			if strings.Contains(d.gap(s, j-1, j), "(") || date || kind {
				end = j
				break
			}
		}
		name := d.span(s, k, end)
		if behindBa {
			name = trimFolded(name, 1) // "بسوق" is the market
		}
		if seen[arabic.Fold(name)] {
			continue
		}
		seen[arabic.Fold(name)] = true
		in.targets = append(in.targets, name)
		in.evidence = append(in.evidence, d.evidence("targets", s, 0.5))
		return // the first site the act struck
	}
}

// titleSentence returns the title as a sentence of the body, or nil when
// the title is not in it.
func (d *doc) titleSentence() *sentence {
	if d.in.TitleEnd <= d.in.TitleStart || d.in.TitleEnd > len(d.body) {
		return nil
	}
	if s := d.sentenceAt(d.in.TitleStart, d.in.TitleEnd); len(s.toks) > 0 {
		return s
	}
	return nil
}

// titleEvent reports an event word of weight 2 or more in the title.
func (d *doc) titleEvent() bool {
	for _, m := range d.x.p.events.All(strings.Fields(d.titleWords())) {
		if m.V.weight >= 2 {
			return true
		}
	}
	return false
}

// titleYear returns a year written in the title ("تفجير النجف 2003"), or 0.
func (d *doc) titleYear() int {
	for _, w := range strings.Fields(d.titleWords()) {
		if y, ok := atoi(w); ok && isDigits(w) && y >= 1900 && y <= 2100 {
			return y
		}
	}
	return 0
}

// typeAndWeapons sets the type from the strongest event word of the lead
// (the event sentence wins ties) and the weapons of the lead.
func (d *doc) typeAndWeapons(in *incident, order []*sentence) {
	best := -1
	var typeEv dossier.Evidence
	defer func() {
		if in.typ != "" {
			in.evidence = append(in.evidence, typeEv)
		}
	}()
	for _, s := range order {
		for _, e := range s.events {
			w := e.V.weight*10 + boolInt(e.V.sub != "")
			if w > best {
				best = w
				in.typ, in.sub = e.V.typ, e.V.sub
				typeEv = d.evidence("type", s, 0.7)
			}
		}
		for _, m := range d.x.p.weapons.All(s.words) {
			in.addWeapon(m.V, d.evidence("weapons", s, 0.7))
		}
	}
	if in.typ == "" && d.in.TitleEnd > d.in.TitleStart && d.in.TitleEnd <= len(d.body) {
		// a lead that tells the act in words the pack does not list ("قتل
		// أكثر من 200 قروي على يد عصابات مسلحة") under a title that names
		// it ("مجزرة بن طلحة")
		for _, e := range d.x.p.events.All(strings.Fields(d.titleWords())) {
			if w := e.V.weight*10 + boolInt(e.V.sub != ""); e.V.weight >= 2 && w > best {
				best = w
				in.typ, in.sub = e.V.typ, e.V.sub
				typeEv = dossier.Evidence{Field: "type", Start: d.in.TitleStart, End: d.in.TitleEnd, Text: d.raw[d.in.TitleStart:d.in.TitleEnd],
					Method: d.in.TitleMethod, Confidence: 0.5, Note: "the act named in the title"}
			}
		}
	}
	// a weapon refines an explosion's or attack's sub-type; the most
	// specific weapon wins ("a suicide vest" over "a bomb")
	if in.sub == "" || subRank(in.sub) < 0 {
		if sub := bestSub(in.weaponSubs, in.typ); sub != "" {
			in.sub = sub
		}
	}
	// an act told by its toll and its weapon alone has the weapon's type
	if in.typ == "" && in.sub != "" {
		in.typ = subTypeOf(in.sub)
	}
	// an attack carried out from afar (a bomb, a drone, a missile) is an
	// explosion or remote violence, as ACLED codes it, whoever its target;
	// a massacre by armed men with guns or blades stays one though a bomb
	// is named besides ("قاموا بتفجير مقهى ... لذبح الموجودين")
	if in.typ == "Violence against civilians" && !slices.Contains(in.weapons, "firearm") && !slices.Contains(in.weapons, "blade") {
		if sub := bestSub(in.weaponSubs, "Explosions/Remote violence"); sub != "" {
			in.typ, in.sub = "Explosions/Remote violence", sub
		}
	}
}

// subRank orders the sub-types a weapon may give, most specific first;
// -1 for the others.
func subRank(sub string) int {
	order := []string{"Chemical weapon", "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Grenade", "Remote explosive/landmine/IED", "Armed clash", "Attack"}
	for i, s := range order {
		if s == sub {
			return len(order) - i
		}
	}
	return -1
}

// bestSub returns the most specific of the weapons' sub-types that belongs
// to type typ (any type when typ is "").
func bestSub(subs []string, typ string) string {
	best := ""
	for _, sub := range subs {
		if (typ == "" || subTypeOf(sub) == typ) && subRank(sub) > subRank(best) {
			best = sub
		}
	}
	return best
}

// subTypeOf returns the type an ACLED sub-type belongs to.
func subTypeOf(sub string) string {
	switch sub {
	case "Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon":
		return "Explosions/Remote violence"
	case "Armed clash":
		return "Battles"
	case "Attack", "Abduction/forced disappearance":
		return "Violence against civilians"
	}
	return ""
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// chooseDate takes the first explicit date of the event sentence, else of
// the lead, at the best precision; a day named from the publication date
// ("اليوم الثلاثاء") when the lead has no explicit day; else the
// publication date itself, from the metadata.
func (d *doc) chooseDate(in *incident, order []*sentence) {
	if in.date != nil {
		return
	}
	rank := map[string]int{"day": 3, "month": 2, "year": 1}
	var best *dateFound
	var bestS *sentence
	for _, s := range order {
		for _, f := range d.dates(s) {
			if f.relative {
				continue
			}
			if best == nil || rank[f.dr.Precision] > rank[best.dr.Precision] {
				best, bestS = &f, s
			}
		}
		if best != nil && best.dr.Precision == "day" {
			break
		}
	}
	// (a day and month dated by the publication's year alone come last:
	// "في السابع من تشرين الأول" often recalls an earlier event)
	for _, weak := range []bool{false, true} {
		if best != nil && (best.dr.Precision == "day" || best.relative) {
			break
		}
		for _, s := range order {
			for _, f := range d.dates(s) {
				if f.relative && f.weak == weak && (best == nil || consistent(f.dr, best.dr)) {
					best, bestS = &f, s
					break
				}
			}
			if best != nil && best.relative {
				break
			}
		}
	}
	if best != nil && best.dr.Precision != "day" && !best.relative {
		// "تفجيرا القامشلي يوليو 2016 كانا تفجيرين ..." then, in the next
		// paragraph, "في 27 يوليو 2016، توجهت شاحنة ...": the day of
		// that month, in the first sentences after the lead that tell an
		// act by an event word or a weapon
		seen := 0
		for _, s := range d.sents {
			if slices.Contains(order, s) || s.eventW == 0 && len(d.x.p.weapons.All(s.words)) == 0 {
				continue // (an act told by its weapon: "شاحنة ... تحمل متفجرات")
			}
			if seen++; seen > 8 {
				break
			}
			for _, f := range d.dates(s) {
				if !f.relative && f.dr.Precision == "day" && consistent(f.dr, best.dr) {
					best, bestS = &f, s
					break
				}
			}
			if best.dr.Precision == "day" {
				break
			}
		}
	}
	if best != nil {
		ev := d.evidence("date", bestS, 0.8)
		ev.Note = best.note
		in.setDate(best.dr, ev, dossier.MethodProse)
		return
	}
	// an article names its event "act place year" in its first words
	// ("تفجيرات النجف 2003 هو هجوم ..."): the year of the event
	if s := d.sents[0]; len(s.words) > 0 {
		for k := 1; k < len(s.words) && k < 6; k++ {
			if y, ok := atoi(s.words[k]); ok && isDigits(s.words[k]) && y >= 1900 && y <= 2100 && len(s.events) > 0 && s.events[0].I < k {
				t := s.words[k]
				in.setDate(&dossier.DateRange{Start: t, End: t, Precision: "year"}, d.evidence("date", s, 0.5), dossier.MethodProse)
				return
			}
		}
	}
	// a title that dates its event more precisely than by its year ("تفجير
	// الحلة (آذار 2016)"): an encyclopedia's title telling apart two
	// events of one place
	if t := d.titleSentence(); t != nil {
		var best *dateFound
		for _, f := range d.dates(t) {
			if !f.relative && f.dr.Precision != "year" && (best == nil || rank[f.dr.Precision] > rank[best.dr.Precision]) {
				best = &f
			}
		}
		if best != nil {
			ev := d.evidence("date", t, 0.6)
			ev.Method, ev.Note = d.in.TitleMethod, "the date in the title"
			in.setDate(best.dr, ev, d.in.TitleMethod)
			return
		}
	}
	if y := d.titleYear(); y > 0 && d.in.TitleEnd > d.in.TitleStart {
		t := fmt.Sprintf("%04d", y)
		in.setDate(&dossier.DateRange{Start: t, End: t, Precision: "year"}, dossier.Evidence{Field: "date", Start: d.in.TitleStart, End: d.in.TitleEnd,
			Text: d.raw[d.in.TitleStart:d.in.TitleEnd], Method: d.in.TitleMethod, Confidence: 0.5, Note: "the year in the title"}, d.in.TitleMethod)
		return
	}
	if d.pubLine {
		day := d.pub.Format(time.DateOnly)
		in.date = &dossier.DateRange{Start: day, End: day, Precision: "day"}
		in.evidence = append(in.evidence, dossier.Evidence{Field: "date", Start: d.pubStart, End: d.pubEnd, Text: d.raw[d.pubStart:d.pubEnd],
			Method: dossier.MethodMeta, Confidence: 0.4, Note: "no date in the text: the page's date line"})
	} else if d.in.Published != "" {
		in.date = &dossier.DateRange{Start: d.in.Published, End: d.in.Published, Precision: "day"}
		in.evidence = append(in.evidence, dossier.Evidence{Field: "date", Method: dossier.MethodMeta, Text: "Published: " + d.in.Published, Confidence: 0.4,
			Note: "no date in the text: the publication date"})
	}
}

// consistent reports a day inside a coarser date.
func consistent(day, coarse *dossier.DateRange) bool {
	return strings.HasPrefix(day.Start, coarse.Start)
}

// choosePlace takes the place of the event sentence, else of the lead:
// the first cued place in text order (a name after a direction or "near"
// only when nothing else is cued: it is where the place is, not the place),
// else the largest uncued city, else a country. Known places outside the
// country the lead names are left out; a name the gazetteer does not know
// is anchored to the known place of its sentence or to the country.
func (d *doc) choosePlace(in *incident, order []*sentence) {
	if in.loc != nil {
		return
	}
	// the title names the place when the lead does not ("تفجيرات مدينة
	// الجزائر 2007"): it is searched after the lead
	if t := d.titleSentence(); t != nil {
		order = append(order[:len(order):len(order)], t)
	}
	var country, passing *gazetteer.Country
	var countryS, passingS *sentence
	for _, s := range order {
		for _, f := range d.places(s) {
			// a country after "في" says where; one named in passing
			// ("الحجاج الشيعة من إيران", "التحالف الذي تقوده السعودية")
			// places the incident only when nothing else does
			switch {
			case f.country != nil && f.cued && country == nil:
				country, countryS = f.country, s
			case f.country != nil && passing == nil:
				passing, passingS = f.country, s
			}
		}
	}
	if country == nil {
		// no country named: the country of the largest cued known place of
		// the first sentence that has one ("في المنطقة الخضراء ببغداد":
		// Baghdad's, not that of a hamlet somewhere named "الخضراء"); of
		// places as large, the one whose country more of the lead's known
		// places lie in ("مسجد الروضة بقرية الروضة في مدينة بئر العبد ...
		// الإسماعيلية والقاهرة": Egypt's, not the Yemeni village's)
		votes := map[string]int{}
		seen := map[string]bool{}
		for _, s := range order {
			for _, f := range d.places(s) {
				if f.place != nil && !seen[arabic.Fold(f.name)] {
					seen[arabic.Fold(f.name)] = true
					votes[f.place.Country] += 1 + boolInt(f.cued)
				}
			}
		}
		for _, s := range order {
			var big *gazetteer.Place
			for _, f := range d.places(s) {
				if f.place != nil && f.cued && (big == nil || f.place.Population > big.Population ||
					f.place.Population == big.Population && votes[f.place.Country] > votes[big.Country]) {
					big = f.place
				}
			}
			if big != nil {
				if c, ok := d.x.gz.Country(big.Country); ok {
					country = &c
				}
				break
			}
		}
	}
	inCountry := func(f placeFound) bool {
		return f.place == nil || country == nil || f.place.Country == country.Name
	}
	// a known place of the lead comes before an unknown name read only
	// after a preposition or the act's noun (placeFound.weak): when the
	// lead has one, the weak names are left out
	strong := false
	for _, s := range order {
		for _, f := range d.places(s) {
			if f.country == nil && !f.weak && inCountry(f) {
				strong = true
			}
		}
	}
	for _, s := range order {
		fs := append([]placeFound(nil), d.places(s)...)
		if strong {
			fs = slices.DeleteFunc(fs, func(f placeFound) bool { return f.weak })
		}
		var pick, big *placeFound
		for k := range fs {
			f := &fs[k]
			if f.kind && f.place != nil && !inCountry(*f) && country != nil {
				// "قرية الرايس" in Algeria is no "Rice" in the United
				// States: a village the gazetteer knows only abroad is
				// one it does not know here
				fs[k] = placeFound{i: f.i, j: f.j, name: f.name, cued: true, unknown: true, kind: true}
			}
			if f.country != nil || !inCountry(*f) {
				continue
			}
			switch {
			case f.cued && !f.region && pick == nil:
				pick = f
			case !f.cued && f.place != nil && (big == nil || f.place.Population > big.place.Population):
				big = f
			}
		}
		if pick == nil {
			for k := range fs {
				if fs[k].region && inCountry(fs[k]) && fs[k].country == nil {
					pick = &fs[k]
					break
				}
			}
		}
		if pick == nil {
			pick = big
		}
		if pick == nil {
			continue
		}
		if pick.place != nil && pick.place.City != "" {
			// a site or district and its city in one sentence ("في
			// المنطقة الخضراء ببغداد"): the city is the place, as in
			// English; the site stays in the evidence
			for k := range fs {
				if fs[k].place != nil && fs[k].place.Name == pick.place.City && fs[k].place.CountryCode == pick.place.CountryCode {
					pick = &fs[k]
					break
				}
			}
		}
		loc := pick.location(d.x.gz)
		if pick.unknown {
			var anchor *placeFound
			for k := range fs {
				if fs[k].place != nil && &fs[k] != pick && inCountry(fs[k]) {
					anchor = &fs[k]
					break
				}
			}
			loc = pick.anchor(anchor, country)
		}
		if loc == nil {
			continue
		}
		in.loc = loc
		in.evidence = append(in.evidence, d.evidence("location", s, 0.7))
		return
	}
	if country == nil && passing != nil {
		country, countryS = passing, passingS
	}
	if country != nil && countryS != nil {
		lat, lon := country.Lat, country.Lon
		in.loc = &dossier.Location{Country: country.Name, Lat: &lat, Lon: &lon, Precision: "country"}
		in.evidence = append(in.evidence, d.evidence("location", countryS, 0.6))
	}
}

// chooseFigures takes the first fatalities and injuries figures of the
// event sentence, else of the lead in order.
func (d *doc) chooseFigures(in *incident, order []*sentence) {
	for _, s := range order {
		for _, f := range d.figures(s) {
			switch {
			case f.field == "fatalities" && in.fat == nil:
				in.fat = f.r
				in.evidence = append(in.evidence, d.evidence("fatalities", s, 0.7))
			case f.field == "injuries" && in.inj == nil:
				in.inj = f.r
				in.evidence = append(in.evidence, d.evidence("injuries", s, 0.7))
			}
		}
	}
}

// findClaims reads claims of responsibility: a claim verb, the claimant,
// then the responsibility noun ("أعلن تنظيم الدولة مسؤوليته عن …"), or a
// verb that claims alone ("تبنى تنظيم القاعدة الهجوم"); a negation before
// the verb ("لم تعلن أي جهة مسؤوليتها") makes no claim.
func (d *doc) findClaims(in *incident) {
	seen := map[string]bool{}
	var attacker perp
	defer func() {
		named := false
		for _, p := range in.perps {
			named = named || !p.accused
		}
		if attacker.name == "" {
			attacker = d.attackerBeforeAct()
		}
		if attacker.name != "" && !named {
			in.addPerp(attacker)
		}
	}()
	for si, s := range d.sents {
		w := s.words
		for k := 0; k < len(w); k++ {
			m, ok := d.x.p.claims.At(w, k)
			if !ok {
				continue
			}
			if m.V.class == "agent" && !d.violenceBefore(s, k) && !d.passiveOfAct(si, k) {
				continue // "إعدام قائدها على يد الحكومة": not this incident's agent
			}
			if m.V.class == "agentnoun" {
				// "مداهمات القوات المسلحة العراقية لمقر الجبهة": in the
				// first sentences, the attack's complement is its agent
				// when it is a known actor or an organisation's name; later
				// sentences tell of other attacks as often as of this one
				if d.leadIndex(si) >= 2 || m.J >= len(w) {
					continue
				}
				// "غارة إسرائيلية", "قصف تركي": a country's adjective right
				// after the attack's noun says whose act it was (not a
				// person of that country: "انتحاري فلسطيني" is no act noun)
				if c := d.demonymAt(s, m.J); c != nil && !d.reported(s, k) {
					if name := countryNameAr(c); name != "" {
						in.addPerp(perp{name: name, kind: dossier.KindState, ev: d.evidence("perpetrators", s, 0.6)})
						continue
					}
				}
				end := d.nameEnd(s, m.J)
				if _, head := d.x.p.orgHeads.At(w, m.J); !head && !d.knownAt(s, m.J, end, false) {
					continue
				}
				if name, alias := d.actorName(s, m.J, end); name != "" && d.isActorName(s, m.J, end) && !d.reported(s, k) {
					in.addPerp(perp{name: name, kind: d.actorKind(name, alias), ev: d.evidence("perpetrators", s, 0.6)})
				}
				k = end - 1
				continue
			}
			if m.V.class == "perpverb" || m.V.class == "agent" {
				// "ارتكبتها القوات الإسرائيلية", "على يد جماعة جند الله": the
				// one who carried it out follows, when it is a name
				end := d.nameEnd(s, m.J)
				// inside what someone said ("قال X إن المدنيين قتلوا على
				// أيدي Y") it is an accusation: Y is accused
				reported := d.reported(s, k)
				if _, head := d.x.p.orgHeads.At(w, m.J); m.V.value == "subject" && !head && !d.knownAt(s, m.J, end, false) {
					// "اغتال مسلحون مجهولون ناشطا": in the lead, an
					// attacker without a name, kept in case no name is given
					// (what officials say of an attacker without a name
					// accuses no one: "قالوا إن ملثمين هاجموا")
					if g, ok := d.x.p.generics.At(w, m.J); ok && g.V == "attacker" && si < leadSentences && attacker.name == "" {
						attacker = perp{name: d.span(s, m.J, d.attackerEnd(s, g.J)), generic: true, ev: d.evidence("perpetrators", s, 0.5)}
					}
					k = end - 1
					continue
				}
				for _, sp := range d.splitNames(s, m.J, end) {
					name, alias := d.actorName(s, sp.i, sp.j)
					if sp.conj {
						name = trimFolded(name, 1)
					}
					if name != "" && d.isActorName(s, sp.i, sp.j) {
						field := "perpetrators"
						if reported {
							field = "accused" // the evidence's field is the value's
						}
						ev := d.evidence(field, s, 0.7)
						kind := d.actorKind(name, alias)
						in.addPerp(perp{name: name, kind: kind, ev: ev, accused: reported})
					}
				}
				k = end - 1
				continue
			}
			if m.V.class != "claimverb" {
				continue
			}
			if d.negated(s, k) {
				continue
			}
			end := -1
			if m.V.value == "pronoun" {
				// "وتبناها تنظيم X": the verb holds the attack, the
				// claimant follows
				end = d.nameEnd(s, m.J)
			}
			for j := m.J; end < 0 && j < len(w) && j < m.J+12; j++ {
				if n, ok := d.x.p.claims.At(w, j); ok && n.V.class == "claimnoun" {
					end = j
					break
				}
				if m.V.value == "direct" {
					if _, ok := d.x.p.events.At(w, j); ok && j > m.J {
						end = j
						break
					}
				}
			}
			if end < m.J {
				continue
			}
			nameAt := m.J
			if end == m.J {
				// "أشاد تنظيم الدولة بالهجمات وأعلن المسؤولية عنها": the
				// claimant is the subject of the verb before, the nearest
				// organisation named earlier in the sentence
				nameAt = -1
				for j := k - 1; j >= 0 && j >= k-10; j-- {
					if _, ok := d.x.p.orgHeads.At(w, j); ok {
						nameAt = j
						break
					}
				}
				if nameAt < 0 {
					continue
				}
				end = d.nameEnd(s, nameAt)
			}
			if nameAt == m.J {
				end = min(end, d.nameEnd(s, nameAt)) // "قوات X وهي الجناح المسلح لـY ... مسؤوليتها"
			}
			name, alias := d.actorName(s, nameAt, end)
			if name == "" || seen[name] {
				continue
			}
			if !d.isActorName(s, nameAt, end) {
				continue
			}
			seen[name] = true
			ev := d.evidence("perpetrators", s, 0.8)
			kind := d.actorKind(name, alias)
			// a group that claims an attack says it is responsible for it
			// (../shared/spec/extract-output.md: claimant_kind group, claim
			// responsible)
			in.claims = append(in.claims, dossier.Claim{Claimant: name, ClaimantKind: "group", About: name, Claim: "responsible", Evidence: ev})
			in.claimStmts = append(in.claimStmts, dossier.Statement{Speaker: name, Stance: "support", Evidence: ev})
			in.addPerp(perp{name: name, kind: kind, ev: ev})
			k = end
		}
	}
}

// attackerEnd returns where a described attacker that ends at word e
// ends with the words that qualify it: up to two more attacker words or
// country adjectives ("مسلحون مجهولون", "انتحاري فلسطيني").
func (d *doc) attackerEnd(s *sentence, e int) int {
	w := s.words
	for start := e; e < len(w) && e < start+2 && d.gap(s, e-1, e) == " "; {
		if h, ok := d.x.p.generics.At(w, e); ok && h.V == "attacker" {
			e = h.J
		} else if d.isCountryWord(s, e) {
			e++
		} else {
			break
		}
	}
	return e
}

// attackerBeforeAct finds, in the lead, an attacker described without a
// name right before the verb of the act ("انتحاري يفجر نفسه", "مسلحون
// هاجموا القرية", "ملثمون أطلقوا النار"): the subject before its verb.
func (d *doc) attackerBeforeAct() perp {
	for si, s := range d.sents {
		if si >= leadSentences {
			break
		}
		w := s.words
		for k := range w {
			g, ok := d.x.p.generics.At(w, k)
			if !ok || g.V != "attacker" {
				continue
			}
			e := d.attackerEnd(s, g.J)
			if e >= len(w) || d.gap(s, e-1, e) != " " {
				continue
			}
			_, act := d.x.p.events.At(w, e)
			c, verb := d.x.p.claims.At(w, e)
			if act || verb && c.V.class == "perpverb" {
				return perp{name: d.span(s, k, e), generic: true, ev: d.evidence("perpetrators", s, 0.5)}
			}
		}
	}
	return perp{}
}

// findAccused reads whom an accusation names ("اتهمت أجهزة الأمن جماعة
// X بالقيام بالتفجير"): the first name of an actor after the accuser, one
// that opens with a word for an organisation or that the dictionary knows,
// and that does not continue the accuser's own name ("حركة حماس").
func (d *doc) findAccused(in *incident) {
	for _, s := range d.sents {
		w := s.words
		for k := 0; k < len(w); k++ {
			m, ok := d.x.p.speech.At(w, k)
			if !ok || m.V.class != "stance" || m.V.value != "accuse" || d.negated(s, k) {
				continue
			}
			for j := m.J + 1; j < len(w) && j <= m.J+5; j++ {
				if _, ok := d.x.p.orgHeads.At(w, j-1); ok {
					continue
				}
				_, head := d.x.p.orgHeads.At(w, j)
				if !head && !d.knownAt(s, j, min(len(w), j+4), false) {
					continue
				}
				end := d.nameEnd(s, j)
				for _, sp := range d.splitNames(s, j, end) {
					name, alias := d.actorName(s, sp.i, sp.j)
					if sp.conj {
						name = trimFolded(name, 1)
					}
					if name != "" && d.isActorName(s, sp.i, sp.j) {
						in.addPerp(perp{name: name, kind: d.actorKind(name, alias), ev: d.evidence("accused", s, 0.6), accused: true})
					}
				}
				k = end - 1
				break
			}
		}
	}
}

// reported reports word k inside what someone said: after a speech word
// and a closing word of value clause ("قالت الحكومة إن ...").
func (d *doc) reported(s *sentence, k int) bool {
	said := false
	for j := 0; j < k; j++ {
		m, ok := d.x.p.speech.At(s.words, j)
		if !ok {
			continue
		}
		switch {
		case m.V.class == "say" || m.V.class == "stance" || m.V.class == "according":
			said = true
		case said && m.V.class == "close" && m.V.value == "clause":
			return true
		}
	}
	return false
}

// splitNames cuts the words [i, j) of a name at a conjunction that opens
// another actor ("ميليشيات الشبيحة وقوات الأمن", "X و كتائب Y"): the
// conjunction written alone or on a word that opens an organisation's
// name or that the actor dictionary knows.
func (d *doc) splitNames(s *sentence, i, j int) []nameSpan {
	var out []nameSpan
	a, conj := i, false
	for k := i + 1; k < j; k++ {
		w := s.words[k]
		cut, next := false, k
		switch {
		case arabic.IsConjunction(w) && k+1 < j:
			if _, ok := d.x.p.orgHeads.At(s.words, k+1); ok || d.knownAt(s, k+1, j, false) {
				cut, next = true, k+1
			}
		case arabic.HasConjunction(w):
			// "وقوات", not "وكالة": the word less its conjunction opens
			// the name
			if m, ok := d.x.p.orgHeads.At(s.words, k); ok && arabic.Fold(strings.Fields(m.Phrase)[0]) != w || d.knownAt(s, k, j, true) {
				cut = true
			}
		}
		if cut {
			out = append(out, nameSpan{a, k, conj})
			a, conj = next, next == k
		}
	}
	return append(out, nameSpan{a, j, conj})
}

// nameSpan is the words [i, j) of a name; conj when its first word carries
// the conjunction that joined it to the name before.
type nameSpan struct {
	i, j int
	conj bool
}

// inKnownName reports word j inside a name of the actor dictionary that
// starts at word i or after it ("تنظيم القاعدة": the base is a name).
func (d *doc) inKnownName(s *sentence, i, j int) bool {
	base := s.toks[i].Start
	at := s.toks[j].Start - base
	for _, m := range d.x.dict.Find(d.span(s, i, min(len(s.words), j+3))) {
		if m.Entry != nil && m.Start <= at && at < m.End {
			return true
		}
	}
	return false
}

// knownAt reports an actor of the dictionary whose name starts on word k
// (before j), after its proclitics; with proclitic, only a name that
// starts after them ("وحزب الله", not "وكالة").
func (d *doc) knownAt(s *sentence, k, j int, proclitic bool) bool {
	if j <= k {
		return false
	}
	first := s.toks[k].End - s.toks[k].Start
	for _, m := range d.x.dict.Find(d.span(s, k, j)) {
		if m.Entry != nil && m.Start < first && (!proclitic || m.Start > 0) {
			return true
		}
	}
	return false
}

// opensClaim reports a claim verb at word k with a responsibility noun
// within ten words: a claim, not a plain statement.
func (d *doc) opensClaim(s *sentence, k int) bool {
	m, ok := d.x.p.claims.At(s.words, k)
	if !ok || m.V.class != "claimverb" {
		return false
	}
	for j := m.J; j < len(s.words) && j < m.J+10; j++ {
		if n, ok := d.x.p.claims.At(s.words, j); ok && n.V.class == "claimnoun" {
			return true
		}
	}
	return false
}

// passiveOfAct reports an agent phrase at word k of sentence si that
// completes the passive "تم/جرى + verbal noun" of a lead sentence right
// after the one that tells the act: "... سلسلة من الهجمات في DATE. تم
// الإعداد لها من قبل X".
func (d *doc) passiveOfAct(si, k int) bool {
	if si == 0 || si >= leadSentences || d.sents[si-1].eventW < 2 {
		return false
	}
	w := d.sents[si].words
	for j := max(0, k-3); j < k; j++ {
		if d.x.p.passive[w[j]] {
			return true
		}
	}
	return false
}

// violenceBefore reports an event word of weight 2 or more, or a casualty
// word, among the eight words before word k: what an agent phrase after it
// ("على يد X") is the agent of.
func (d *doc) violenceBefore(s *sentence, k int) bool {
	for _, e := range s.events {
		if e.J <= k && e.J >= k-8 && e.V.weight >= 2 {
			return true
		}
	}
	for j := max(0, k-8); j < k; j++ {
		if m, ok := d.x.p.casualties.At(s.words, j); ok && (m.V.class == "before" || m.V.class == "after") {
			return true
		}
		if _, ok := d.x.p.verbsAfter.At(s.words, j); ok {
			return true
		}
	}
	return false
}

// actorKind returns the dictionary's kind of an actor named name (or its
// alias), else armed_group: who claims or carries out an attack.
func (d *doc) actorKind(name, alias string) string {
	if e, ok := d.x.dict.Lookup(name); ok {
		return e.Kind
	}
	if alias != "" {
		if e, ok := d.x.dict.Lookup(alias); ok {
			return e.Kind
		}
	}
	return "armed_group"
}

// nameEnd returns where a name that starts at word i ends: before a place
// preposition, a date word, a figure, an event word, a weapon, a claim word
// or a punctuation mark between words, after at most eight words.
func (d *doc) nameEnd(s *sentence, i int) int {
	w := s.words
	if i >= len(w) {
		return i
	}
	// a name the dictionary knows whole, over words that would stop an
	// unknown one ("التحالف الذي تقوده السعودية")
	if k := d.knownWhole(s, i); k > i {
		return k
	}
	j := i
	for j < len(w) && j < i+8 {
		if j > i {
			if g := d.gap(s, j-1, j); strings.ContainsAny(g, ",،.:;؛«\"“") {
				break
			}
		}
		if m, ok := d.x.p.places.At(w, j); ok && (m.V == "in" || m.V == "site" && j > i && !d.inKnownName(s, i, j)) {
			break // "فجر حزب الدعوة السفارة": a building is the object
		}
		if j > i && (d.x.p.nameStops[w[j]]) {
			break
		}
		if _, ok := d.x.p.events.At(w, j); ok {
			break
		}
		if _, ok := d.x.p.weapons.At(w, j); ok && j > i && !d.inKnownName(s, i, j) {
			break // "بواسطة عدة عبوات": the means, not who used them
		}
		if _, ok := d.x.p.claims.At(w, j); ok && j > i {
			break
		}
		if _, _, ok := d.dateWord(s, j); ok || isDigits(w[j]) {
			break
		}
		j++
	}
	return d.knownEnd(s, i, j)
}

// knownWhole returns the end of the longest dictionary name that starts
// on word i and spans two words or more, or i.
func (d *doc) knownWhole(s *sentence, i int) int {
	j := min(len(s.words), i+8)
	if j-i < 2 {
		return i
	}
	if k, ok := d.knownName(s, i, j, func(m actordict.Match, first int) bool { return m.Start == 0 && m.End > first }); ok {
		return k
	}
	return i
}

// knownName finds the longest dictionary name in words [i, j) that keep
// accepts (given the byte length of word i, offsets from its start) and
// returns the index of the word after it.
func (d *doc) knownName(s *sentence, i, j int, keep func(m actordict.Match, first int) bool) (int, bool) {
	base := s.toks[i].Start
	first := s.toks[i].End - base
	end := -1
	for _, m := range d.x.dict.Find(d.span(s, i, j)) {
		if m.Entry != nil && keep(m, first) && m.End > end {
			end = m.End
		}
	}
	if end < 0 {
		return i, false
	}
	k := i
	for k < j && s.toks[k].End-base <= end {
		k++
	}
	return k, true
}

// knownEnd cuts a name of words [i, j) after the dictionary's name that
// opens it (on its first word, or on its second after a word for an
// organisation: "حركة الشباب") and up to two adjectives of origin after that
// ("تنظيم الشباب الصومالي بتنفيذ هذا" is "تنظيم الشباب الصومالي"): words
// after a known name are what the sentence says of it, not the name.
// j when no known name opens the words, or when a conjunction joins
// another name to it.
func (d *doc) knownEnd(s *sentence, i, j int) int {
	if j-i < 2 {
		return j
	}
	opens := s.toks[i].End - s.toks[i].Start // a match must start on the first word
	if _, ok := d.x.p.orgHeads.At(s.words, i); ok && i+1 < j {
		opens = s.toks[i+1].End - s.toks[i].Start
	}
	k, ok := d.knownName(s, i, j, func(m actordict.Match, _ int) bool { return m.Start < opens })
	if !ok {
		return j
	}
	for n := 0; n < 2 && k < j && arabic.IsNisba(s.words[k]); n++ {
		k++ // "حزب الدعوة الشيعي العراقي"
	}
	if k < j && (arabic.IsConjunction(s.words[k]) || arabic.HasConjunction(s.words[k])) {
		return j // "ميليشيات الشبيحة وقوات الأمن": another name follows, for splitNames
	}
	return k
}

// clauseOpeners open a clause, never a speaker's name (folded forms).
var clauseOpeners = map[string]bool{"ما": true, "لا": true, "لم": true, "لن": true, "عندما": true, "حينما": true, "بينما": true, "اي": true, "منها": true, "منه": true}

// demonymAt is the country whose adjective word i of s is, read from the
// word as written (its folded form may lose the hamza the data spells).
func (d *doc) demonymAt(s *sentence, i int) *gazetteer.Country {
	if c := d.adjectiveAt(s, i); c != nil {
		return c
	}
	if i >= len(s.toks) {
		return nil
	}
	if m, ok := d.x.gz.MatchCountry(d.span(s, i, i+1)); ok && m.Demonym && !m.Name && !m.Word {
		c := m.Country
		return &c
	}
	return nil
}

// leadIndex is the index of sentence si among the sentences that do not
// repeat the title (pages print their headline once or twice above the
// text, and the lead's first sentence comes after).
func (d *doc) leadIndex(si int) int {
	if d.repeats == nil {
		d.repeats = make([]int, len(d.sents)+1)
		tw := d.titleWords()
		for k, st := range d.sents {
			d.repeats[k+1] = d.repeats[k]
			if strings.TrimSpace(tw) != "" && foldedWords(d.text(st)) == tw {
				d.repeats[k+1]++
			}
		}
	}
	return si - d.repeats[min(si, len(d.sents))]
}

// countryNameAr is a country's name in Arabic: the first of its Arabic
// aliases, which the gazetteer lists after the English ones.
func countryNameAr(c *gazetteer.Country) string {
	for _, a := range c.Aliases {
		for _, r := range a {
			if r >= 0x0600 && r <= 0x06FF {
				return a
			}
			break
		}
	}
	return ""
}

// isActorName reports whether words [i, j) name an actor rather than
// describe one: the actor dictionary knows a name in them, or they open
// with a word for an organisation or a force; a description with no
// identity ("مسلحون مجهولون") or a country's adjective alone is none.
func (d *doc) isActorName(s *sentence, i, j int) bool {
	if j <= i {
		return false
	}
	if _, ok := d.x.p.generics.At(s.words, i); ok {
		return false
	}
	if j-i == 1 && d.adjectiveAt(s, i) != nil {
		return false // "فجرت فلسطينية": a person of that country, no name
	}
	if _, ok := d.x.p.orgHeads.At(s.words, i); ok {
		return true
	}
	for _, m := range d.x.dict.Find(d.span(s, i, j)) {
		if m.Entry != nil {
			return true
		}
	}
	return false
}

// negated reports a negation among the two words before word k.
func (d *doc) negated(s *sentence, k int) bool {
	for j := max(0, k-2); j < k; j++ {
		if m, ok := d.x.p.speech.At(s.words, j); ok && m.V.class == "negation" {
			return true
		}
	}
	return false
}

// actorName returns the name written in words [i, j) of s: up to eight
// words, a parenthesis after it becoming an alias ("تنظيم الدولة
// الإسلامية (داعش)"), and nothing when a function word opens it.
func (d *doc) actorName(s *sentence, i, j int) (string, string) {
	if j-i < 1 || j-i > 8 || d.x.p.function[s.words[i]] && j-i == 1 {
		return "", ""
	}
	text := d.body[s.toks[i].Start:s.toks[j-1].End]
	alias := ""
	if p := strings.IndexAny(text, "(["); p > 0 {
		alias = strings.Trim(text[p:], "()[] ")
		text = strings.TrimSpace(text[:p])
	}
	text = strings.Join(strings.Fields(strings.NewReplacer("«", "", "»", "", "\"", "", "“", "", "”", "").Replace(text)), " ")
	text = strings.Trim(text, " ،,:")
	// "هجوم للحوثيين": the preposition "ل" before the article marks the
	// agent; the name is without it (a name never opens with "لل")
	if rest, ok := strings.CutPrefix(text, "لل"); ok && rest != "" {
		text = "ال" + rest
	}
	if text == "" {
		return "", ""
	}
	return text, alias
}

// statements reads who said what: a speech or stance verb and the speaker
// after it, up to a closing word ("إن", "أن", a colon, a quotation mark) or
// a preposition; "بحسب X" names X as the source of the sentence. A title
// that opens the speaker ("الأمين العام للأمم المتحدة بان كي مون") gives
// way to the person's name after it; a medium that quotes ("نقلت قناة X
// عن أحد الناجين") to its source; a verb that also means to announce a
// thing ("أعلنت السلطات حملة") speaks only when a clause follows. What was
// said gives an "other" statement its stance: a clause that blames ("قتلوا
// على أيدي X", "X هي المسؤولة عن") accuses, a quote that condemns
// condemns.
func (d *doc) statements() []dossier.Statement {
	var out []dossier.Statement
	seen := map[string]bool{}
	for _, s := range d.sents {
		w := s.words
		for k := 0; k < len(w); k++ {
			m, ok := d.x.p.speech.At(w, k)
			if !ok {
				continue
			}
			stance := ""
			switch m.V.class {
			case "say", "according":
				stance = "other"
			case "stance":
				stance = m.V.value
			default:
				continue
			}
			if d.negated(s, k) || d.opensClaim(s, k) {
				continue
			}
			start := m.J
			if m.V.class == "according" && start+1 < len(w) && w[start] == "ما" {
				start += 2 // "بحسب ما أكده X": the speaker follows the verb
			}
			if m.V.value == "via" {
				// "نقلت قناة X عن أحد الناجين": the source speaks
				// ("سي إن إن" holds a closing word: the source is looked
				// for past it); a source the report does not name ("ذكرت
				// وكالة تاس نقلا عن مصدر") leaves the outlet speaking
				for j := start; j < len(w) && j < start+6; j++ {
					if c, ok := d.x.p.speech.At(w, j); ok && c.V.class == "close" && c.V.value == "source" {
						if _, unnamed := d.x.p.noSpeaker.At(w, c.J); !unnamed {
							start = c.J
						}
						break
					}
				}
			}
			// "وفقا لجريدة الخبر": the preposition is written on the name
			lam := m.V.class == "according" && m.V.value == "lam"
			if lam && (start >= len(w) || !arabic.HasLam(w[start])) {
				continue
			}
			// "ما أدلى به X", "أفاد بها X": the pronoun is the words said
			if start+1 < len(w) && (w[start] == "به" || w[start] == "بها") {
				start++
			}
			if start < len(w) {
				if _, ok := d.x.p.noSpeaker.At(w, start); ok {
					continue
				}
				if clauseOpeners[w[start]] {
					continue // "ما أدى", "لا يمكننا", "عندما نهضت": a clause, not a name
				}
				// "صحيفة الوطن" is the newspaper "الوطن"
				if md, ok := d.x.p.media.At(w, start); ok && md.V == "medium" && md.J < len(w) {
					start, lam = md.J, false
				}
			}
			end := d.speakerEnd(s, start, stance)
			nameI, nameJ := start, end
			if _, ok := d.x.p.titles.At(w, start); ok && stance == "other" {
				// a title and its office, then the person's name
				ce := d.chainEnd(s, start)
				if i, j, ok := d.personIn(s, start, ce); ok {
					nameI, nameJ, end = i, j, ce
				}
			}
			clause := d.clauseAt(s, end)
			if m.V.value == "clause" && clause < 0 && !d.aside(s, k) {
				continue // "أعلنت السلطات حملة": an announcement, not a statement
			}
			name, _ := d.actorName(s, nameI, nameJ)
			if lam && nameI == start && name != "" {
				name = arabic.StripLam(name)
			}
			if name == "" {
				continue
			}
			if stance == "other" && clause >= 0 {
				if st := d.clauseStance(s, clause); st != "" {
					stance = st
				}
			}
			key := stance + "\x1f" + name
			if seen[key] {
				k = end - 1
				continue
			}
			seen[key] = true
			out = append(out, dossier.Statement{Speaker: name, Stance: stance, Evidence: d.evidence("statement", s, 0.6)})
			k = end - 1
		}
	}
	return out
}

// aside reports a word of the pack's aside class before word k ("كما
// أعلنت X": as X announced).
func (d *doc) aside(s *sentence, k int) bool {
	if k == 0 {
		return false
	}
	m, ok := d.x.p.speech.At(s.words, k-1)
	return ok && m.V.class == "aside" && m.J == k
}

// clauseAt returns the first word of the clause a speaker who ends at word
// end said: after a closing word of value clause ("أن", "إن") or a colon or
// an opening quotation mark, among the eight words after end, with no
// other speech word before it; -1 when there is none.
func (d *doc) clauseAt(s *sentence, end int) int {
	w := s.words
	for j := end; j < len(w) && j < end+8; j++ {
		if j > 0 && j > end-1 && strings.ContainsAny(d.gap(s, j-1, j), ":«\"“") {
			return j
		}
		m, ok := d.x.p.speech.At(w, j)
		if !ok {
			continue
		}
		if m.V.class == "close" && m.V.value == "clause" {
			return m.J
		}
		// ("ذكرت وكالة تاس نقلا عن مصدر أن ...": whom the speaker quotes
		// stands between it and what it said)
		if m.V.class == "say" || m.V.class == "stance" {
			break
		}
	}
	return -1
}

// clauseStance reads the stance of what was said, from word i to the next
// speech word or the sentence's end: accuse when it names who did it ("على
// أيدي X") or who is responsible, condemn when it condemns.
func (d *doc) clauseStance(s *sentence, i int) string {
	w := s.words
	for j := i; j < len(w); j++ {
		if m, ok := d.x.p.speech.At(w, j); ok {
			switch m.V.class {
			case "content":
				return m.V.value
			case "say", "stance", "according":
				return ""
			}
		}
		if m, ok := d.x.p.claims.At(w, j); ok && m.V.class == "agent" {
			return "accuse"
		}
	}
	return ""
}

// chainEnd returns where a speaker that opens with a title ends: the title,
// its office and the person's name ("الأمين العام للأمم المتحدة بان كي
// مون"), before a closing word, a speech word, a place preposition, an
// event word, a figure or a punctuation mark, after at most twelve words.
func (d *doc) chainEnd(s *sentence, i int) int {
	w := s.words
	j := i
	for j < len(w) && j < i+12 {
		if j > i && strings.ContainsAny(d.gap(s, j-1, j), ",،:«\"“()") {
			break
		}
		if m, ok := d.x.p.speech.At(w, j); ok && (m.V.class == "say" || m.V.class == "stance" ||
			m.V.class == "close" && (j == i || arabic.HasHamza(d.span(s, j, m.J)) || !arabic.HasHamza(m.Phrase))) {
			// a closing word written without the hamza the pack writes
			// is a name: "بان كي مون", not "بأن"
			break
		}
		if m, ok := d.x.p.places.At(w, j); ok && m.V == "in" {
			break
		}
		if _, ok := d.x.p.events.At(w, j); ok || isDigits(w[j]) {
			break
		}
		j++
	}
	return j
}

// personIn finds a person's name in a speaker's words [i, j) that a title
// opens: the first run of two or more words without the article after the
// title, less a last word that heads the next genitive ("لمجلس الأمن",
// "باسم وزارة الخارجية": a noun before a word with the article is an
// office, not a name).
func (d *doc) personIn(s *sentence, i, j int) (int, int, bool) {
	w := s.words
	a := i + 1
	for a < j {
		if hasArticle(w[a]) || d.x.p.function[w[a]] {
			a++
			continue
		}
		// a function word may stand inside a name ("بان كي مون"), not
		// at its end
		b := a
		for b < j && !hasArticle(w[b]) && (!d.x.p.function[w[b]] || b+1 < j && !hasArticle(w[b+1]) && !d.x.p.function[w[b+1]]) {
			b++
		}
		e := b
		if b < j && hasArticle(w[b]) {
			e = b - 1
		}
		if e-a >= 2 {
			return a, e, true
		}
		a = b
	}
	return 0, 0, false
}

// hasArticle reports a folded word that carries the article, after its
// proclitics ("الخارجية", "للأمم").
func hasArticle(w string) bool {
	for _, st := range arabic.Stems(w) {
		if arabic.StripArticle(st) != st {
			return true
		}
	}
	return false
}

// speakerEnd returns where a speaker that starts at word i ends: before a
// closing word, a place preposition, an event word (what a condemnation is
// of), a date word, a punctuation mark between words, or after four words.
func (d *doc) speakerEnd(s *sentence, i int, stance string) int {
	w := s.words
	j := i
	for j < len(w) && j < i+4 {
		if j > i {
			g := d.gap(s, j-1, j)
			if strings.ContainsAny(g, ",،:«\"“()") {
				break
			}
			// a title after a name of two words: "حبيب خضر القيادي في ..."
			if _, ok := d.x.p.titles.At(w, j); ok && j-i >= 2 {
				break
			}
			// an accusation names its speaker, then whom it accuses:
			// the speaker is a noun and the country adjective after it
			if stance == "accuse" && !d.isCountryWord(s, j) {
				break
			}
		}
		if m, ok := d.x.p.speech.At(w, j); ok && (m.V.class == "close" || m.V.class == "say" || m.V.class == "stance") {
			break
		}
		if m, ok := d.x.p.places.At(w, j); ok && m.V == "in" {
			break
		}
		if _, ok := d.x.p.events.At(w, j); ok {
			break
		}
		if _, _, ok := d.dateWord(s, j); ok {
			break
		}
		if isDigits(w[j]) {
			break
		}
		if _, ok := d.x.p.numbers.At(w, j); ok && j > i {
			break // "أحصت وكالة الأنباء أكثر من 120 جثة"
		}
		if j > i && arabic.IsConjunction(w[j]) {
			break // "جريدة الخبر و100 ...": a second name or a clause
		}
		if j > i && d.x.p.nameStops[w[j]] {
			break // "الناشط سلام العصمي عبر فيسبوك"
		}
		// whom it was said to ("عناية الله خان للتلفزيون", "أحد الشهود
		// لقناة"), and what was said ("التلفزيون الرسمي الإيراني مقتل
		// المسؤول", "... المصابين")
		if _, ok := d.x.p.media.At(w, j); ok && j > i && arabic.HasLam(w[j]) {
			break
		}
		if m, ok := d.x.p.casualties.At(w, j); ok && j > i && (m.V.class == "before" || m.V.class == "after") {
			break
		}
		j++
	}
	return j
}
