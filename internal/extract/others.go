package extract

import (
	"strings"
	"time"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/lexicon"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// findOthers finds the incidents other than the main one: an event word
// with its own date ("the U.S. airstrikes on 29 December 2019"), a named
// incident ("the 2021 Erbil rocket attacks"), and paragraphs about another
// incident (the lead of a linked article). Sentences about them are
// assigned to them; the rest stays with the main incident.
func (d *docState) findOthers() {
	var cur *incident // incident the current paragraph is about, when its first sentence is about another one
	curPara := -1
	ctx := d.main.dateD // date context for relative dates
	for _, st := range d.sents {
		if st.para != curPara {
			cur, curPara = nil, st.para
			ctx = d.main.dateD
		}
		inc, lead := d.otherInSentence(st, &ctx, cur)
		if inc == nil && cur != nil && !d.mentionsMain(st) && !retaliation(st) {
			// a later sentence of a paragraph about another incident (not
			// the other side's answer to it: "Israel retaliated by ...")
			if st.hasEvent(1) || len(st.cas) > 0 || len(st.weapons) > 0 || d.hasDateIn(st) {
				inc = cur
			}
		}
		if inc == nil {
			continue
		}
		if inc == cur && cur != nil {
			d.refineDate(inc, st, ctx)
		}
		st.inc = inc
		if st.leadOfPara && lead {
			cur = inc
		}
		d.fillOther(inc, st, ctx)
	}
	// drop incidents without a date: they cannot be placed on a timeline and
	// are most often a generic mention
	out := d.others[:0]
	for _, o := range d.others {
		if o.date != nil {
			out = append(out, o)
		} else {
			for _, st := range d.sents {
				if st.inc == o {
					st.inc = nil
				}
			}
		}
	}
	d.others = out
}

func (d *docState) hasDateIn(st *sent) bool {
	for _, h := range st.dates {
		if !h.e.Attributive {
			return true
		}
	}
	return false
}

// mentionsMain says whether a sentence refers back to the main incident
// ("the assassination attempt", the title's words).
func (d *docState) mentionsMain(st *sent) bool {
	if d.main.titleKey == "" {
		return false
	}
	k := titleKey(st.text)
	for _, w := range strings.Fields(d.main.titleKey) {
		if len(w) > 4 && !strings.Contains(k, w) {
			return false
		}
	}
	return true
}

// refersToMain says whether a sentence refers back to the main incident
// with a definite noun phrase ("This attack", "The assassination") whose
// noun is the main incident's or a generic one.
func (d *docState) refersToMain(st *sent) bool {
	for _, e := range st.events {
		if anaphoric(st, e.I) && d.mainNoun(st.toks[e.J-1].Lower) {
			return true
		}
	}
	return false
}

// clauseAfterActs is the body offset where a sentence's clause after a
// semicolon starts, when every act and casualty word of the sentence is
// before it; -1 otherwise.
func clauseAfterActs(st *sent) int {
	semi := -1
	for i, t := range st.toks {
		if t.Text == ";" {
			semi = i
			break
		}
	}
	if semi < 0 {
		return -1
	}
	before := false
	for _, e := range st.events {
		if e.I >= semi {
			if anaphoric(st, e.I) {
				continue // "before the massacre": the act already told
			}
			return -1
		}
		before = true
	}
	for _, c := range st.cas {
		if c.I >= semi {
			return -1
		}
		before = true
	}
	if !before {
		return -1
	}
	return st.toks[semi].Start
}

// mainNoun says whether an event noun can name the main incident.
func (d *docState) mainNoun(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "attack", "incident", "assault", "event":
		return true
	}
	w = strings.TrimSuffix(w, "s")
	for _, t := range strings.Fields(d.main.titleKey) {
		if t == w || strings.HasPrefix(t, w) || strings.HasPrefix(w, t) && len(t) > 4 {
			return true
		}
	}
	return false
}

// otherInSentence returns the other incident a sentence introduces, if
// any, and whether the sentence opens with it (so that the rest of its
// paragraph is about it too).
func (d *docState) otherInSentence(st *sent, ctx *timex.Date, cur *incident) (*incident, bool) {
	inc, at := d.otherIn(st, ctx, cur)
	if inc == nil {
		return nil, false
	}
	return inc, at >= 0 && st.tokenIndexAt(at) <= 8
}

func (d *docState) otherIn(st *sent, ctx *timex.Date, cur *incident) (*incident, int) {
	// a named incident: "the 2021 Erbil rocket attacks", "the Baghdad clashes"
	var named *namedIncident
	for _, e := range st.events {
		if e.Val.Weight < 2 {
			continue
		}
		if n, ok := d.namedIncidentAt(st, e.I, e.J); ok {
			if yardstick(st, st.tokenIndexAt(n.start)) {
				continue // "killing 101, the deadliest attack since the 2007 Yazidi bombings": a yardstick
			}
			named = &n
			break
		}
	}
	// an explicit date of an event
	var (
		dstart, dend timex.Date
		dh           *dateHit
	)
	afterActs := -1
	if !d.news {
		// (an article's statistics after a semicolon; a report's later
		// clause is often its own week's context: "this incident was the
		// third attack this week")
		afterActs = clauseAfterActs(st)
	}
	for i := range st.dates {
		h := st.dates[i]
		if h.e.Attributive {
			continue
		}
		if afterActs >= 0 && h.start >= afterActs {
			continue // "64 people were killed ...; the town's population fell to 103 in 2002": another clause's date
		}
		if yardstick(st, st.tokenIndexAt(h.start)) {
			continue // "making it the deadliest attack since the 14 August 2007 bombings": the sentence is about this one
		}
		if (comparedSince(st, st.tokenIndexAt(h.start)) || sinceClause(st, st.tokenIndexAt(h.start))) && !eventAfterDate(st, h) {
			continue // "a militant attack, the first since 2004": a bare date measures, it dates no event
		}
		anchor := *ctx
		if anchor.Year == 0 {
			anchor = d.anchor
		}
		if named != nil && named.year != 0 && h.e.Year == 0 {
			anchor = timex.Date{Year: named.year, Month: anchor.Month, Day: anchor.Day}
		}
		if cur != nil && cur.date != nil && h.e.Year == 0 {
			anchor = cur.dateD
		}
		// "two days before the attack": counted from the incident named
		if h.e.Kind == timex.Relative && d.main.date != nil {
			k := st.tokenIndexAt(h.end)
			if k+1 < len(st.toks) && st.toks[k].Is("the", "this") && d.mainNoun(st.toks[k+1].Lower) {
				anchor = d.main.dateD
			}
		}
		// "yesterday", "on Sunday" in a report count from its publication,
		// whatever incident the sentences before were about ("today" is
		// left to the context: in a quotation it is the day it was said)
		pastOnly := false
		if d.news && h.e.Deictic && (h.e.Dir < 0 || h.e.Kind == timex.Weekday) && d.published.Year != 0 {
			anchor, pastOnly = d.published, true
		}
		s, e, ok := dateOf(h.e, anchor, pastOnly)
		if !ok || s.Year == 0 {
			continue
		}
		if speechDate(st, h) {
			*ctx = s
			continue
		}
		dstart, dend, dh = s, e, &st.dates[i]
		break
	}
	eventful := false
	at := -1
	var ev text.Match[lexicon.Event] // the event word that makes the incident
	light := 0                       // words that say little alone ("protest", "march") add up
	for _, e := range st.events {
		if e.Val.Weight < 2 {
			if !anaphoric(st, e.I) {
				light += e.Val.Weight
				if light >= 2 && dh != nil {
					eventful = true
				}
			}
			continue
		}
		if genericEvent(st, e.I) || inQuote(st, e.I) || namedAs(st.toks, e.I) {
			continue // "previous attacks"; a word inside a quotation; "CNN called it a terror attack"
		}
		ana := anaphoric(st, e.I)
		if !ana || named != nil || dh != nil && closeTo(st, e, dh) && !d.mainNoun(st.toks[e.J-1].Lower) {
			eventful = true
			if at < 0 {
				at = st.toks[e.I].Start
				ev = e
			}
		}
	}
	// weapons fired are events too: "Hezbollah fired guided rockets"
	for _, w := range st.weapons {
		if w.Val.Class != "firearm" && w.Val.Class != "blade" && !anaphoric(st, w.I) && !inQuote(st, w.I) && dh != nil {
			eventful = true
		}
	}
	if dh == nil && named == nil {
		return nil, -1
	}
	if dh != nil {
		*ctx = dstart
		if at < 0 || dh.start < at {
			at = dh.start
		}
	}
	if named != nil && (at < 0 || named.start < at) {
		at = named.start
	}
	if dh != nil && sameDay(dstart, d.main.dateD) {
		return nil, -1
	}
	if dh != nil && named == nil && st.para < d.leadParas() && dstart.Month != 0 && refines(d.main.dateD, dstart) {
		// "In November 2014, two separate terrorist attacks took place in
		// Potiskum" in the lead of an article whose incident is dated 3
		// November 2014: the lead tells its own incident, less precisely
		return nil, -1
	}
	if dh != nil && named == nil && st.para < d.leadParas() && d.main.dateD.Day != 0 && dend.Year != 0 && dend != dstart &&
		d.main.dateD.Compare(dstart) >= 0 && dend.Compare(d.main.dateD) >= 0 {
		// "seven were killed last week" in the lead of a report whose
		// incident a later sentence dates on Thursday of that week
		return nil, -1
	}
	if dh != nil && named == nil && d.atMainPlace(st) && daysApart(dstart, d.main.dateD) <= 1 {
		// "On 4 and 5 June 2021, jihadists attacked the village of Solhan"
		// in the article on the Solhan massacre of 4 June: the same event
		return nil, -1
	}
	if dh != nil && dstart.Day != 0 && d.main.dateD.Year != 0 && !eventful && !laterAfterTheAct(st, dh) {
		st.otherTime = true
		st.laterTime = after(dstart, d.main.dateD, 0)
	}
	if !eventful && !(named != nil) {
		// a dated sentence without an event of its own is about something else
		return nil, -1
	}
	if named != nil && d.main.titleKey != "" && named.key == d.main.titleKey {
		return nil, -1
	}
	if named != nil && (dh == nil || dh.start >= named.start && dh.start < named.end) && d.mainLike(named) {
		// the main incident by another name, dated only by its name ("the
		// November 2020 attack on the university")
		return nil, -1
	}
	// find or make the incident
	var inc *incident
	if cur != nil && named == nil && dh != nil && cur.date != nil && (refines(dstart, cur.dateD) || sameDay(dstart, cur.dateD)) {
		inc = cur // "On 15 February" in the paragraph on the 2021 Erbil rocket attacks
	}
	for _, o := range d.others {
		if inc != nil {
			break
		}
		if named != nil && o.titleKey != "" && o.titleKey == named.key {
			inc = o
			break
		}
		if dh != nil && o.date != nil && sameDay(o.dateD, dstart) && dstart.Day != 0 {
			inc = o
			break
		}
	}
	if inc == nil {
		inc = newIncident(false)
		inc.para = st.para
		d.others = append(d.others, inc)
	}
	if named != nil && (inc.title == "" || len(named.title) > len(inc.title)) {
		inc.title = named.title
		inc.titleKey = named.key
		inc.addEvidence(d.evidence("title", named.start, named.end, dossier.MethodProse, 0.7))
		if named.year != 0 {
			inc.setDate(timex.Date{Year: named.year}, timex.Date{}, prioTitle, d.sentEvidence("date", st, 0.6))
		}
	}
	// a date of another year than the one the incident is named by
	// ("the 1980 Oktoberfest bombing ... as of December 2023") is not its date
	if dh != nil && !(named != nil && named.year != 0 && dstart.Year != named.year) {
		prio := prioProse
		if dstart.Day != 0 {
			prio = prioLead
		}
		if inc.setDate(dstart, dend, prio, d.sentEvidence("date", st, 0.75)) {
			inc.ownDate = ownDate(dh.e, dstart)
		}
	}
	if inc.title == "" && ev.J > ev.I {
		inc.title = eventNoun(text.Join(d.body, st.toks, ev.I, ev.J))
		if p := d.placeIn(st); p != "" {
			inc.title += " in " + p
		}
		inc.titleKey = titleKey(inc.title)
		inc.addEvidence(d.sentEvidence("title", st, 0.4))
	}
	if inc.title == "" {
		inc.title = d.otherTitle(st)
		inc.titleKey = titleKey(inc.title)
		inc.addEvidence(d.sentEvidence("title", st, 0.4))
	}
	return inc, at
}

// eventAfterDate says whether an event word follows a date closely ("since
// the 2004 bombings", "since 2004's attack"): the date is that event's.
func eventAfterDate(st *sent, h dateHit) bool {
	k := st.tokenIndexAt(h.end)
	for _, e := range st.events {
		if e.I >= k && e.I <= k+3 && e.Val.Weight >= 2 {
			return true
		}
	}
	return false
}

// yardstick says whether the event named or dated at token k is only what
// the sentence's own casualties are compared with: "killing at least 101
// people, the deadliest attack since the 14 August 2007 bombings". Without
// casualties before it ("the worst attack since the 1998 embassy
// bombings, which left over 200 people dead") the sentence tells of the
// other event.
func yardstick(st *sent, k int) bool {
	if !comparedSince(st, k) {
		return false
	}
	for _, c := range st.cas {
		if c.J <= k {
			return true
		}
	}
	return false
}

// mainLike says whether a named incident is the main one under a shorter
// name ("the Berlin attack" in the article on the 2016 Berlin truck attack).
func (d *docState) mainLike(n *namedIncident) bool {
	mk := strings.Fields(d.main.titleKey)
	nk := strings.Fields(n.key)
	if len(nk) == 0 {
		return false
	}
	hit := 0
	for _, w := range nk {
		for _, x := range mk {
			if w == x {
				hit++
			}
		}
		// "the November 2020 attack" in the article on an attack of 2
		// November 2020: the name's month is the incident's
		if d.main.date != nil && d.main.dateD.Month != 0 && strings.EqualFold(w, time.Month(d.main.dateD.Month).String()) &&
			(n.year == 0 || n.year == d.main.dateD.Year) {
			hit++
		}
	}
	if n.year != 0 && d.main.date != nil && n.year != d.main.dateD.Year {
		return false
	}
	return hit == len(nk) || hit >= 2
}

func sameDay(a, b timex.Date) bool { return a.Year == b.Year && a.Month == b.Month && a.Day == b.Day }

// daysApart is the number of days between two dates with a day, a large
// number when either has none.
func daysApart(a, b timex.Date) int {
	n, ok := timex.DaysBetween(a, b)
	if !ok {
		return 1 << 20
	}
	return max(n, -n)
}

// atMainPlace says whether a sentence names the main incident's place
// (its city or site, not only its country).
func (d *docState) atMainPlace(st *sent) bool {
	if d.main.loc == nil || d.main.loc.Place == "" {
		return false
	}
	for _, m := range st.mentions {
		if names.Fold(m.surface) == names.Fold(d.main.loc.Place) {
			return true
		}
	}
	return false
}

// anaphoric says whether an event word refers back ("the attack", "this strike").
func anaphoric(st *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch st.toks[k].Lower {
		case "the", "this", "that", "these", "those", "its", "his", "her", "their":
			return true
		case "a", "an":
			return false
		}
		if st.toks[k].Kind != text.Word {
			return false
		}
	}
	return false
}

// namedAs says whether the event word at token i is what a sentence
// calls an incident it refers to, not another incident: "CNN called it a
// terror attack", "described the blast as a suicide attack".
func namedAs(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].Is("a", "an") {
			return namingComplement(toks, k)
		}
		if toks[k].Kind != text.Word {
			return false
		}
	}
	return false
}

// namingComplement says whether the article at token k opens what a
// sentence calls an incident it refers to: "CNN called it a terror
// attack", "described the blast as an act of terrorism".
func namingComplement(toks []text.Token, k int) bool {
	if k < 2 {
		return false
	}
	naming := func(t text.Token) bool {
		return t.Is("called", "calling", "calls", "call", "termed", "labelled", "labeled", "branded", "deemed", "declared", "considered", "named")
	}
	if toks[k-1].Is("it", "this") && naming(toks[k-2]) {
		return true
	}
	if !toks[k-1].Is("as") {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-5; j-- {
		if toks[j].Is("described", "describing", "describes", "describe", "characterised", "characterized", "condemned", "condemning",
			"denounced", "denouncing", "regarded", "classified", "treated", "treating", "labelled", "labeled", "branded") {
			return true
		}
		if toks[j].Kind != text.Word {
			return false
		}
	}
	return false
}

// closeTo says whether an event word and a date are in one phrase.
func closeTo(st *sent, e text.Match[lexicon.Event], h *dateHit) bool {
	a, b := st.toks[e.I].Start, st.toks[e.J-1].End
	return h.start-b < 60 && h.start > a || a-h.end < 60 && a > h.end
}

// namedIncident is a noun phrase that names an incident.
type namedIncident struct {
	title      string
	key        string
	year       int
	start, end int
	place      *mention
}

// namedIncidentAt reads a noun phrase ending in an event word that names
// an incident by its year or place: "the 2021 Erbil rocket attacks", "the
// Baghdad clashes", "the 1980 Oktoberfest bombing".
func (d *docState) namedIncidentAt(st *sent, i, j int) (namedIncident, bool) {
	toks := st.toks
	k := i
	year := 0
	var place *mention
	for k > 0 {
		t := toks[k-1]
		if t.Kind == text.Number && len(t.Text) == 4 && yearIn(t.Text) != 0 {
			year = yearIn(t.Text)
			k--
			continue
		}
		if t.Kind == text.Word && (t.Cap() || t.Is("rocket", "missile", "drone", "suicide", "car", "truck", "bomb", "mosque", "church", "school", "bus", "market", "embassy", "shopping", "mall", "terrorist")) {
			for _, m := range st.mentions {
				if m.j == k && m.place != nil {
					place = m
				}
			}
			k--
			continue
		}
		if t.Text == "-" || t.Text == "–" {
			k--
			continue
		}
		break
	}
	if k == i || (year == 0 && place == nil) {
		return namedIncident{}, false
	}
	if k > 0 && !toks[k-1].Is("the", "a", "in", "of", "since", "after", "before", "during", "by") {
		// "the Iraqi Armed Forces reported ... attack" is not a name
		if !(k > 0 && toks[k-1].Kind == text.Punct) {
			return namedIncident{}, false
		}
	}
	title := text.Join(d.body, toks, k, j)
	return namedIncident{title: title, key: titleKey(title), year: year, start: toks[k].Start, end: toks[j-1].End, place: place}, true
}

// otherTitle names an incident from its sentence: the event noun and the
// place ("Bombing in Mogadishu"); a verb gives way to a noun ("attacked" ->
// "Attack").
func (d *docState) otherTitle(st *sent) string {
	var ev, place string
	for _, e := range st.events {
		if e.Val.Weight >= 2 {
			ev = eventNoun(text.Join(d.body, st.toks, e.I, e.J))
			break
		}
	}
	for _, m := range st.mentions {
		if m.place != nil || m.kind == kindFacility {
			place = m.surface
			break
		}
	}
	switch {
	case ev != "" && place != "":
		return ev + " in " + place
	case ev != "":
		return ev
	}
	return firstWords(st.text, 10)
}

// eventNoun turns an event word into a title noun: "attacked" -> "Attack",
// "suicide bombings" -> "Suicide bombings".
func eventNoun(w string) string {
	l := strings.ToLower(w)
	switch {
	case strings.HasSuffix(l, "ed"):
		switch {
		case strings.HasPrefix(l, "bomb"):
			w = "Bombing"
		case strings.HasPrefix(l, "stab"):
			w = "Stabbing"
		case strings.HasPrefix(l, "shell"):
			w = "Shelling"
		case strings.HasPrefix(l, "kidnap"), strings.HasPrefix(l, "abduct"):
			w = "Abduction"
		case strings.HasPrefix(l, "assassinat"):
			w = "Assassination"
		case strings.HasPrefix(l, "massacr"):
			w = "Massacre"
		case strings.HasPrefix(l, "storm"):
			w = "Storming"
		default:
			w = "Attack"
		}
	case l == "attacking", l == "killing":
		w = "Attack"
	}
	if w != "" {
		w = strings.ToUpper(w[:1]) + w[1:]
	}
	return w
}

// fillOther reads the fields of another incident from one of its sentences.
func (d *docState) fillOther(in *incident, st *sent, ctx timex.Date) {
	// place: the places of the sentence, the country of the document as a fallback
	d.proseLocation(in, []*sent{st}, st.para+1)
	if in.loc == nil && d.mainCtry != "" {
		if c, ok := d.x.gaz.Country(d.mainCtry); ok {
			in.setLocation(countryLocation(c), 1, d.sentEvidence("location", st, 0.4))
		}
	}
	for _, h := range d.casualties(st) {
		in.setCount(h.field, h.r, prioProse, d.sentEvidence(h.field, st, 0.7))
	}
	for _, w := range st.weapons {
		in.addWeapon(weaponName(d.body, st.toks, w), w.Val.Class, d.sentEvidence("weapons", st, 0.7))
		in.cue(w.Val.SubType, 1)
	}
	for _, e := range st.events {
		in.cue(e.Val.SubType, float64(e.Val.Weight))
	}
	d.findRoles(in, st, prioProse)
}

// nearMain says whether a sentence is close enough to the main incident
// for its grammar alone (an attack verb and its agent) to speak of it: the
// lead paragraphs, or a sentence that refers back to the incident.
func (d *docState) nearMain(st *sent) bool {
	return st.para <= d.leadParas() || d.refersToMain(st) || d.mentionsMain(st)
}

// genericEvent says whether an event word speaks of a kind of event, not
// one: "previous attacks", "numerous attacks", "such attacks".
func genericEvent(st *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch st.toks[k].Lower {
		case "previous", "earlier", "past", "numerous", "several", "many", "other", "similar", "future", "further",
			"more", "such", "frequent", "repeated", "recent", "subsequent", "retaliatory", "possible", "any", "no":
			return true
		}
	}
	return false
}

// refineDate makes an incident's date more precise from a later sentence
// about it: "It started on 1 October 2019".
func (d *docState) refineDate(in *incident, st *sent, ctx timex.Date) {
	if in.date == nil {
		return
	}
	for _, h := range st.dates {
		if h.e.Attributive || h.e.Kind != timex.Absolute {
			continue
		}
		s, e, ok := dateOf(h.e, in.dateD, false)
		if ok && refines(s, in.dateD) {
			end := in.date.End
			in.setDate(s, e, in.datePrio, d.sentEvidence("date", st, 0.7))
			in.ownDate = in.ownDate || ownDate(h.e, s)
			if end > in.date.End {
				in.date.End = end
			}
			return
		}
	}
}

// retaliation says whether a sentence tells of an answer to what came
// before ("In retaliation, the US launched counterattacks", "Israel
// retaliated"): another event, by the other side. "A retaliatory attack"
// describes the event at hand, and is no cue.
func retaliation(st *sent) bool {
	for i := range st.toks {
		l := st.toks[i].Lower
		switch {
		case l == "retaliated" || l == "retaliates" || l == "retaliating",
			strings.HasPrefix(l, "counterattack") || strings.HasPrefix(l, "counter-attack") || strings.HasPrefix(l, "counteroffensive"),
			l == "retaliation" && i <= 2 && i > 0 && st.toks[i-1].Is("in"): // "In retaliation, ..."
			return true
		}
	}
	return false
}

// ownDate says whether a date expression dates an incident by itself to
// the month or better: it names the month ("on 15 February", "in March
// 2019") or counts days from the time of writing ("on Sunday",
// "yesterday"), where a relative phrase ("two days later") leans on the
// sentence before and a period ("this week") dates nothing.
func ownDate(e timex.Expr, d timex.Date) bool {
	if d.Month == 0 {
		return false
	}
	return e.Kind == timex.Absolute && e.Month != 0 || e.Deictic && !e.Period && !e.Vague
}

// inQuote says whether token i is inside a quotation in its sentence.
func inQuote(st *sent, i int) bool {
	n := 0
	for k := 0; k < i; k++ {
		switch st.toks[k].Text {
		case "\"", "“", "”":
			n++
		}
	}
	return n%2 == 1
}

// placeIn names the first place or site of a sentence, preferring a city.
func (d *docState) placeIn(st *sent) string {
	site := ""
	for _, m := range st.mentions {
		if m.kind == kindPlace && m.place != nil {
			return m.surface
		}
		if m.kind == kindFacility && site == "" {
			site = m.surface
		}
	}
	return site
}

// laterAfterTheAct says whether the sentence's date is a trailing "days
// later" after casualties it first tells: "Two of the guards were killed
// instantly, while the other two were seriously injured, with one of them
// dying in hospital four days later" tells the act, and the later day only
// of what followed it.
func laterAfterTheAct(st *sent, h *dateHit) bool {
	if h.e.Kind != timex.Relative || h.e.Dir <= 0 || h.e.Unit != "day" {
		return false
	}
	k := st.tokenIndexAt(h.start)
	cas := false
	for i := 0; i < k; i++ {
		if casualtyAt(st, i) {
			cas = true
		}
		if cas && st.toks[i].Text == "," {
			return true // the later day is in a clause of its own
		}
	}
	return false
}
