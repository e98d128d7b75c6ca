package extract

import (
	"math"
	"slices"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/layout"
	"github.com/dossier-project/dossier/internal/lexicon"
	"github.com/dossier-project/dossier/internal/numbers"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// Priorities of sources, higher wins.
const (
	prioMeta    = 1 // the publication date
	prioTitle   = 2
	prioProse   = 3
	prioLead    = 4 // the first paragraph
	prioInfobox = 6
)

// ---- dates

// dateOf resolves an expression against an anchor.
func dateOf(e timex.Expr, anchor timex.Date, pastOnly bool) (timex.Date, timex.Date, bool) {
	return e.Resolve(anchor, timex.ResolveOptions{PastOnly: pastOnly})
}

// infoboxDate reads the Date field.
func (d *docState) infoboxDate(in *incident, f layout.Field) {
	s := d.lay.Text(f.Start, f.End)
	for _, e := range timex.Find(s) {
		if e.Kind != timex.Absolute || e.Year == 0 {
			continue
		}
		start, end, ok := dateOf(e, timex.Date{}, false)
		if !ok {
			continue
		}
		// a second date in the cell ("15 January 2019 – 16 January 2019") ends the range
		in.setDate(start, end, prioInfobox, d.evidence("date", f.Start, f.End, dossier.MethodInfobox, 0.95))
		if end == start {
			for _, e2 := range timex.Find(s[e.End:]) {
				if e2.Kind == timex.Absolute && e2.Year != 0 && e2.Start < 6 {
					if s2, _, ok := dateOf(e2, timex.Date{}, false); ok && s2.Compare(start) > 0 {
						in.date.End = s2.String()
					}
				}
				break
			}
		}
		return
	}
}

// ---- places

// locationFromValue reads a written location ("Breitscheidplatz, Berlin,
// Germany"): the most specific part the gazetteer knows, checked against
// the country the value names.
func (d *docState) locationFromValue(s string) *dossier.Location {
	parts := splitList(s)
	var country *gazetteer.Country
	for i := len(parts) - 1; i >= 0; i-- {
		p := cleanPart(parts[i])
		if c, ok := d.x.gaz.Country(p); ok {
			c := c
			country = &c
			break
		}
		// "Mogadishu Somalia": a country written after the place without a comma
		w := strings.Fields(p)
		for n := 1; n < len(w) && n <= 3; n++ {
			if c, ok := d.x.gaz.Country(strings.Join(w[len(w)-n:], " ")); ok {
				c := c
				country = &c
				parts[i] = strings.Join(w[:len(w)-n], " ")
				break
			}
		}
		if country != nil {
			break
		}
	}
	for _, p := range parts {
		p = cleanPart(p)
		if p == "" {
			continue
		}
		if _, ok := d.x.gaz.Country(p); ok {
			continue
		}
		for _, cand := range d.placeCandidates(p) {
			if country != nil && cand.Country != country.Name {
				continue
			}
			return placeLocation(p, cand)
		}
	}
	if country != nil {
		// a place the gazetteer does not know ("Dahieh, Lebanon"): its name,
		// at the country's coordinates
		loc := countryLocation(*country)
		for _, p := range parts {
			p = cleanPart(p)
			if _, ok := d.x.gaz.Country(p); !ok && p != "" && len(strings.Fields(p)) <= 4 {
				loc.Place = p
				break
			}
		}
		return loc
	}
	return nil
}

// placeCandidates looks a name up as a place, then as a first-level
// division, then as a facility whose name starts with a place.
func (d *docState) placeCandidates(p string) []gazetteer.Place {
	if ps := d.x.gaz.Lookup(p); len(ps) > 0 {
		return ps
	}
	if ps := d.x.gaz.Admin1(p); len(ps) > 0 {
		return ps
	}
	w := strings.Fields(p)
	for n := len(w) - 1; n >= 1; n-- {
		if ps := d.x.gaz.Lookup(strings.Join(w[:n], " ")); len(ps) > 0 && ps[0].Population >= 5000 {
			return ps
		}
	}
	return nil
}

func cleanPart(p string) string {
	p = strings.TrimSpace(p)
	// "both in Tehran": leading lower-case words are not the name
	for {
		w, rest, ok := strings.Cut(p, " ")
		if !ok || w == "" || !(w[0] >= 'a' && w[0] <= 'z') || particles[w] {
			break
		}
		p = rest
	}
	for _, pre := range []string{"near ", "Near ", "outside ", "Outside ", "the ", "The ", "in ", "In "} {
		p = strings.TrimPrefix(p, pre)
	}
	return strings.Trim(strings.TrimSpace(p), ".")
}

// splitList splits a list written in a cell or a phrase: commas,
// semicolons, " and ", brackets, "#" items.
// cellSep separates the items of an infobox cell.
func cellSep(r rune) bool {
	return r == ',' || r == ';' || r == '#' || r == '\n' || r == '|' || r == '/'
}

func splitList(s string) []string {
	f := func(r rune) bool { return r == '(' || r == ')' || cellSep(r) }
	var out []string
	for _, p := range strings.FieldsFunc(s, f) {
		for _, q := range strings.Split(p, " and ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

func placeLocation(name string, p gazetteer.Place) *dossier.Location {
	lat, lon := roundCoord(p.Lat), roundCoord(p.Lon)
	prec := "city"
	switch p.Feature {
	case "ADM1", featureNear:
		prec = "admin1"
	case "ADM2":
		prec = "district" // a second-level division, placed at its largest place
	case featureCountry:
		prec = "country" // a town the gazetteer lacks, placed at its country
	}
	return &dossier.Location{Place: bareDivision(name), Admin1: p.Admin1, Admin2: p.Admin2, Country: p.Country, Lat: &lat, Lon: &lon, Precision: prec}
}

// bareDivision is a division's name without the word that says what it
// is ("Zamfara State", "Mopti Region", "Wilaya of Relizane": Zamfara,
// Mopti, Relizane), as ACLED and gazetteers write it; the precision says
// it is a division. A name of three letters or fewer keeps its word
// ("Bam Province"): alone it names too many places.
func bareDivision(name string) string {
	lower := strings.ToLower(name)
	for _, pre := range []string{"wilaya of ", "province of ", "governorate of ", "district of ", "state of ", "department of ", "region of "} {
		if strings.HasPrefix(lower, pre) && len(name)-len(pre) >= 4 {
			return name[len(pre):]
		}
	}
	// "X Local Government Area", "X LGA": a Nigerian division
	for _, suf := range []string{" local government area", " local government"} {
		if strings.HasSuffix(lower, suf) && len(name)-len(suf) >= 3 {
			return name[:len(name)-len(suf)]
		}
	}
	if i := strings.LastIndexByte(name, ' '); i >= 4 {
		w := strings.ToLower(name[i+1:])
		rest := strings.ToLower(name[:i])
		generic := compassWord(strings.TrimSuffix(rest, "ern")) || rest == "central" || rest == "federal" || rest == "capital" ||
			rest == "upper" || rest == "lower" || rest == "greater" || rest == "autonomous"
		if !generic && (divisionWords[w] && w != "zone" && w != "territory" || w == "state" || w == "wilaya") {
			return name[:i]
		}
	}
	return name
}

func countryLocation(c gazetteer.Country) *dossier.Location {
	lat, lon := roundCoord(c.Lat), roundCoord(c.Lon)
	return &dossier.Location{Country: c.Name, Lat: &lat, Lon: &lon, Precision: "country"}
}

// roundCoord keeps a coordinate at the gazetteer's precision, four
// decimals (about 11 m): GeoNames gives no more that means anything here.
func roundCoord(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// ---- casualties

// casHit is a casualty figure found in a sentence.
type casHit struct {
	field    string
	r        *dossier.Range
	start    int // body offset of the figure
	end      int
	tok      int // token index of the casualty word
	groupSum bool
	// update: the figure revises a toll told before ("bringing the death
	// toll to eight", "the toll rose to 15")
	update bool
	approx bool // "nearly 200", "about 30"
}

func qRange(q numbers.Quantity) *dossier.Range {
	r := dossier.Between(q.Min, q.Max)
	if q.Open {
		r = dossier.AtLeast(q.Min)
	}
	r.Vague = q.Vague
	return r
}

// minMagnitude is the smallest lower bound of a vague word that still says
// how many: "dozens" (24+) and "hundreds" do, "several", "many" and "a
// few" (2 or 3+) do not, and give no figure.
const minMagnitude = 10

// casualties finds "12 killed", "killing 12", "left two dead and more than
// 125 injured", "the death of one to two demonstrators" in a sentence.
func (d *docState) casualties(st *sent) []casHit {
	if len(st.cas) == 0 {
		return nil
	}
	var hits []casHit
	used := map[int]bool{}
	qtok := make([][2]int, len(st.qty)) // token span of each quantity
	for qi, q := range st.qty {
		qtok[qi] = [2]int{st.tokenIndexAt(st.start + q.Start), st.tokenIndexAt(st.start+q.End) - 1}
		if qtok[qi][1] < qtok[qi][0] {
			qtok[qi][1] = qtok[qi][0]
		}
	}
	countable := func(qi int) bool {
		q := st.qty[qi]
		return q.IsCount() && !used[qi] && !(q.Vague && q.Min < minMagnitude) && !unitNumber(st.toks, qtok[qi][0], qtok[qi][1]) &&
			!ageInBrackets(st.toks, qtok[qi][0], qtok[qi][1])
	}
	for _, c := range st.cas {
		if commemorated(st, c.I) {
			continue // "to commemorate the death of one of their imams": a death of long ago
		}
		if cumulativeSince(st, c.I) {
			continue // "10 Israelis have been killed by Qassam rockets since 2002": a tally of years
		}
		if runningTally(st, c.I) || warTally(st, c.I) || yearTally(st.toks, c.J) {
			continue // "Recent violence ... has killed 19 Israelis", "300,000 have died in the crisis": a tally of a period, not the act
		}
		if sameDayOther(st.toks, c.I) {
			continue // "The ambush occurred on the same day that 14 people were killed": another act's dead
		}
		if manyActsWhich(st.toks, c.I) {
			continue // "about 12 incidents of landmine blasts ... in which four villagers have been killed": many acts' dead
		}
		if bothCounted(st, c.I) {
			continue // "killed and wounded 13 citizens": the dead and the wounded together, neither count alone
		}
		found := -1
		// "killed 13 people", "injured another 110", "the death toll rose
		// to 38": a figure right after the word
		forward := c.Val.Before || c.J < len(st.toks) && st.toks[c.J].Is("of", "to")
		if forward {
			for qi := range st.qty {
				if !countable(qi) {
					continue
				}
				gap := qtok[qi][0] - c.J
				if gap >= 0 && gap <= 3 && forwardGap(st, c.J, qtok[qi][0]) ||
					gap >= 3 && gap <= 7 && oneAndOthers(st.toks, qtok[qi][0], qtok[qi][1]) && st.toks[c.J].Is("a", "an", "the") {
					found = qi
					break
				}
			}
		}
		if found < 0 && forward && st.toks[c.J-1].Is("toll", "tally") {
			// "the death toll from the attack on a police training centre
			// in X has risen to 59": the toll's verb gives its figure past
			// what the toll is of
			for qi := range st.qty {
				if countable(qi) && tollVerbBefore(st, c.J, qtok[qi][0]) {
					found = qi
					break
				}
			}
		}
		if found < 0 && numberOf(st.toks, c.I) {
			// "The total number of dead in all the attacks reached about
			// 80", "the number of wounded people have been reported to be
			// 66": the figure a verb of the count gives
			for qi := range st.qty {
				if !countable(qi) {
					continue
				}
				if q0 := qtok[qi][0]; q0 > c.J && q0-c.J <= 12 && countVerbBetween(st.toks, c.J, q0) {
					found = qi
					break
				}
			}
		}
		if found < 0 && c.Val.After {
			// "Five men, five women and a 15-year old boy were killed": the
			// groups of a list add up
			if total, qs, from, open, ok := d.listTotal(st, c.I, qtok, countable); ok {
				for _, qi := range qs {
					used[qi] = true
				}
				r := dossier.Exact(total)
				if open {
					r = dossier.AtLeast(total) // "at least three soldiers and eight auxiliaries"
				}
				hits = append(hits, casHit{field: c.Val.Field, r: r, start: st.toks[from].Start, end: st.toks[c.I].Start, tok: c.I})
				continue
			}
			for qi := len(st.qty) - 1; qi >= 0; qi-- {
				if !countable(qi) || qtok[qi][1] >= c.I {
					continue
				}
				if includedFigure(st, qtok[qi][0]) {
					continue // "Eighteen people, including five US soldiers and a Canadian soldier, were killed": the total is before
				}
				if k := qtok[qi][1]; k+3 == c.I && st.toks[k].Is("one") && st.toks[k+1].Is("of") && st.toks[k+2].Is("the") {
					break // "said NAME, 35, one of the wounded": one person, no toll
				}
				if countsEvents(st, qtok[qi][1]+1, c.I) {
					break // "Three previous ETA attacks in the town had resulted in fatalities": a count of attacks
				}
				if k := qtok[qi][1] + 1; k < len(st.toks) && d.x.lex.Collective[st.toks[k].Lower] == "actor" && activeWithObject(st.toks, c.I, c.J) {
					break // "Three militants killed a policeman": the figure counts who killed
				}
				if c.I-qtok[qi][1] > 24 || !cleanGap(st, qtok[qi][1]+1, c.I, false) {
					break
				}
				// "four others, two other soldiers and two civilians, have been
				// hurt": the figures between commas break down the one before
				for qe := qi - 1; qe >= 0; qe-- {
					open := qtok[qi][0] - 1
					for open > qtok[qe][1] && st.toks[open].Text != "," {
						open--
					}
					if open > qtok[qe][1] && open-qtok[qe][1] <= 3 && countable(qe) && st.qty[qe].Min >= st.qty[qi].Min {
						qi = qe
					}
					break
				}
				found = qi
				break
			}
		}
		if found < 0 && allOfThem(st.toks, c.J) {
			// "abducted nine men from a bus and later killed all of them":
			// the figure of the men taken
			for qi := len(st.qty) - 1; qi >= 0; qi-- {
				if countable(qi) && qtok[qi][1] < c.I && c.I-qtok[qi][1] <= 20 {
					found = qi
					break
				}
			}
		}
		if found < 0 {
			continue
		}
		used[found] = true
		q := st.qty[found]
		h := casHit{field: c.Val.Field, r: qRange(q), start: st.start + q.Start, end: st.start + q.End, tok: c.I, update: tollUpdate(st, c.I, c.J), approx: q.Approx}
		if low := strings.ToLower(st.text[q.Start:q.End]); q.Max > 1 && !q.Open && (strings.HasPrefix(low, "up to") || strings.HasPrefix(low, "as many as")) {
			// "bringing the death toll up to 15": to 15; "as many as 30
			// people were wounded", "up to 14 injured": the one figure a
			// report gives, an upper one, is the figure it reports (both
			// golds code it so); the sentence keeps the hedge
			h.r = dossier.Exact(q.Max)
			h.approx = true
		}
		if q.Min > 0 && q.Min == q.Max && !q.Open && !q.Vague && oneAndOthers(st.toks, qtok[found][0], qtok[found][1]) {
			h.r = dossier.Exact(q.Min + 1) // "a mayor and two others were shot dead": three
			h.start = st.start + q.Start
		}
		if forward {
			// "killing three soldiers and three civilians": the groups
			// after the word add up
			if r, qs, end, ok := d.forwardList(st, found, qtok, countable); ok {
				for _, qi := range qs {
					used[qi] = true
				}
				h.r, h.end = r, end
			}
		}
		hits = append(hits, h)
	}
	// "bringing the toll to six killed and two wounded": every figure of
	// the revised toll is a revision
	for _, u := range hits {
		if !u.update {
			continue
		}
		for i := range hits {
			if hits[i].start > u.start && !punctBetween(st, u.start, hits[i].start) {
				hits[i].update = true
			}
		}
	}
	return hits
}

// allOfThem says whether "all of them" or "them all" follows token j.
func allOfThem(toks []text.Token, j int) bool {
	return j+2 < len(toks) && toks[j].Is("all") && toks[j+1].Is("of") && toks[j+2].Is("them") ||
		j+1 < len(toks) && toks[j].Is("them") && toks[j+1].Is("all")
}

// activeWithObject says whether the casualty verb at tokens [i, j) is
// active with its object after it: "Three militants killed a policeman",
// "Two gunmen shot and killed a journalist": a figure before it that
// counts attackers counts the subject, who did the killing.
func activeWithObject(toks []text.Token, i, j int) bool {
	if j >= len(toks) || i == 0 || toks[i-1].Is("was", "were", "been", "be", "is", "are", "being", "have", "has", "had") {
		return false
	}
	if !strings.HasSuffix(toks[j-1].Lower, "ed") && !toks[j-1].Is("shot", "slain") {
		return false // ("12 dead", "12 deaths")
	}
	return toks[j].Is("a", "an", "the", "his", "her", "their", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten") || toks[j].Kind == text.Number
}

// unitNumber says whether the figure at tokens [i, j] is the number in a
// unit's name, not a count: "a soldier of the 31 X Rifles", "the 2
// Commando Regiment".
func unitNumber(toks []text.Token, i, j int) bool {
	if i == 0 || toks[i-1].Lower != "the" {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+3 && toks[k].Cap(); k++ {
		if toks[k].Is("rifles", "battalion", "brigade", "regiment", "division", "corps", "squadron", "commando", "infantry", "artillery", "fleet", "army") {
			return true
		}
	}
	return false
}

// oneAndOthers says whether the figure at tokens [i, j] counts the others
// beside one person named before it: "a mayor and two others", "the
// district governor and two of his companions", "a policeman and three
// other people" (one more than the figure).
func oneAndOthers(toks []text.Token, i, j int) bool {
	if j+1 >= len(toks) || i < 3 || toks[i-1].Lower != "and" {
		return false
	}
	switch {
	case toks[j+1].Is("others"):
	case toks[j+1].Lower == "other" && j+2 < len(toks) && toks[j+2].Is("people", "persons"):
	case toks[j+1].Lower == "of" && j+3 < len(toks) && toks[j+2].Is("his", "her", "their") && toks[j+3].Kind == text.Word:
	default:
		return false
	}
	// one person before "and": an article, at most three modifiers, a
	// noun of one person
	head := i - 2
	if !loneVictimHeads[toks[head].Lower] {
		return false
	}
	for k := head - 1; k >= 0 && k >= head-4; k-- {
		if toks[k].Is("a", "an", "the") {
			return true
		}
		if toks[k].Kind != text.Word || toks[k].Is("and", "or", "of", "killed", "killing", "wounded", "injured") {
			return false
		}
	}
	return false
}

// countsEvents says whether the noun a figure counts, in the words from
// token k up to the casualty word at ci, is an event ("three attacks", "two
// previous bombings") rather than people.
func countsEvents(st *sent, k, ci int) bool {
	for _, e := range st.events {
		if e.I >= k && e.J <= ci && e.I <= k+2 {
			for j := k; j < e.I; j++ {
				if st.toks[j].Kind != text.Word {
					return false
				}
			}
			return true
		}
	}
	return false
}

// punctBetween says whether a semicolon, a full stop or a colon stands
// between two body offsets of a sentence.
func punctBetween(st *sent, from, to int) bool {
	for _, t := range st.toks {
		if t.Start >= from && t.Start < to && t.Kind == text.Punct && (t.Text == ";" || t.Text == ":" || t.Text == ".") {
			return true
		}
	}
	return false
}

// tollUpdate says whether the toll word at tokens i..j revises a figure
// told before: "bringing the death toll to eight", "raising the toll to
// 15", "the death toll rose to 38".
func tollUpdate(st *sent, i, j int) bool {
	if !st.toks[j-1].Is("toll", "tally") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := st.toks[k]
		if t.Is("bringing", "brought", "brings", "raising", "raised", "raises", "pushing", "pushed", "taking", "took", "increasing", "increased") {
			return true
		}
		if !t.Is("the", "that", "this", "its", "death", "final", "overall", "total", "official", "casualty", "up") {
			break
		}
	}
	for k := j; k < len(st.toks) && k < j+3; k++ {
		if st.toks[k].Is("rose", "risen", "rises", "climbed", "climbs", "increased", "reached", "grew", "jumped") {
			return true
		}
		if !st.toks[k].Is("had", "has", "later", "subsequently", "eventually", "then", "since") {
			break
		}
	}
	return false
}

// forwardList reads groups of victims joined by "and" after a casualty
// word's figure at quantity qi ("killing three soldiers and three
// civilians", "shot dead two policemen and a civilian", "killing two
// soldiers, a policeman and three civilians"): their sum, the quantities
// read and the body offset where the last group ends. A total followed by
// its breakdown ("killing 12 people, five soldiers and seven civilians")
// is not summed: its first noun is a general one, or the parts after a
// comma add up to it.
func (d *docState) forwardList(st *sent, qi int, qtok [][2]int, countable func(int) bool) (*dossier.Range, []int, int, bool) {
	toks := st.toks
	q0 := st.qty[qi]
	if q0.Vague || q0.Approx {
		return nil, nil, 0, false
	}
	// a noun of people may be a compound of two ("police officers",
	// "security guards"): the group ends after the last
	nounEnd := func(k int) int {
		for k < len(toks) && toks[k].Kind == text.Word && d.peopleWord(toks[k].Lower) {
			k++
		}
		return k
	}
	// the group's noun: a few words after its count, a noun of people
	groupEnd := func(k int) int {
		for w := 0; w < 5 && k < len(toks); w++ {
			t := toks[k]
			if t.Text == "(" && w > 0 && toks[k-1].Cap() {
				// "a Provisional Irish Republican Army (IRA) member": a
				// name's short form in brackets is part of the group's words
				c := k + 1
				for c < len(toks) && c-k <= 3 && toks[c].Text != ")" {
					c++
				}
				if c >= len(toks) || toks[c].Text != ")" {
					return -1
				}
				k = c + 1
				w-- // the brackets are not one of its words
				continue
			}
			if t.Kind != text.Word {
				return -1
			}
			if n, v := d.x.lex.Targets.MatchAt(toks, k); n > 0 && v == "people" {
				return nounEnd(k + n)
			}
			if d.peopleWord(t.Lower) {
				return nounEnd(k + 1)
			}
			if t.Is("and", "or", "who", "were", "was", "of", "in", "at", "on", "by", "with") {
				return -1
			}
			k++
		}
		return -1
	}
	end := groupEnd(qtok[qi][1] + 1)
	if end < 0 || toks[end-1].Is("people", "persons", "others", "individuals", "victims") {
		return nil, nil, 0, false
	}
	total, open := q0.Min, q0.Open
	parts := 0
	comma := end < len(toks) && toks[end].Text == "," // "killing 12 soldiers, five officers and ...": maybe a breakdown
	var qs []int
	k := end
	for {
		j := k
		if j < len(toks) && toks[j].Text == "," {
			j++
		}
		last := j < len(toks) && toks[j].Is("and")
		if last {
			j++
		}
		if j == k || j >= len(toks) {
			break
		}
		n, next := 0, -1
		if toks[j].Is("a", "an") {
			n, next = 1, groupEnd(j+1)
		} else if last && toks[j].Is("the") && j+1 < len(toks) && singularPerson[toks[j+1].Lower] {
			// "killing two police officers and the civilian towing the
			// car": one named by its role
			n, next = 1, j+2
		} else {
			for qj := range st.qty {
				if qtok[qj][0] == j && countable(qj) && qj != qi {
					q := st.qty[qj]
					if q.Vague || q.Approx {
						break
					}
					if next = groupEnd(qtok[qj][1] + 1); next >= 0 {
						n, open = q.Min, open || q.Open
						qs = append(qs, qj)
					}
					break
				}
			}
		}
		if next < 0 {
			break
		}
		if next < len(toks) {
			if m, _ := d.x.lex.Speech.MatchAt(toks, next); m > 0 || toks[next].Is("told") {
				break // "killing at least 7 soldiers, a military official said": who said it
			}
		}
		total += n
		parts += n
		k = next
		if last {
			break
		}
	}
	if parts == 0 || comma && parts == q0.Min {
		return nil, nil, 0, false
	}
	r := dossier.Exact(total)
	if open {
		r = dossier.AtLeast(total)
	}
	return r, qs, toks[k-1].End, true
}

// demonymNoun says whether a token is a capitalised word for a country's
// people or things ("Afghans", "Canadian"): in a list of victims it names
// a group ("five Afghans") or qualifies one ("a Canadian soldier").
func (d *docState) demonymNoun(t text.Token) bool {
	if !t.Cap() || t.Kind != text.Word {
		return false
	}
	m, ok := d.x.gaz.MatchCountry(t.Text)
	return ok && m.Demonym && !m.Name
}

// peopleWord says whether a word is a noun of people a figure can count:
// a group of a list of victims, or a target of the lexicon's people
// ("tourists", "worshippers").
func (d *docState) peopleWord(w string) bool {
	if listGroups[w] {
		return true
	}
	people := func(w string) bool {
		toks := []text.Token{{Text: w, Lower: w, Kind: text.Word}}
		n, v := d.x.lex.Targets.MatchAt(toks, 0)
		return n == 1 && v == "people"
	}
	if people(w) {
		return true
	}
	// one of them: "a priest", "a fisherman" (the lexicon lists groups)
	if strings.HasSuffix(w, "man") {
		return people(strings.TrimSuffix(w, "man") + "men")
	}
	return !strings.HasSuffix(w, "s") && len(w) > 3 && people(w+"s")
}

// singularPerson are the nouns of one person a list of victims ends with
// after "the" ("and the driver").
var singularPerson = map[string]bool{"man": true, "woman": true, "child": true, "boy": true, "girl": true, "civilian": true,
	"soldier": true, "policeman": true, "officer": true, "guard": true, "driver": true, "passenger": true, "bodyguard": true}

// listGroups are the nouns of the groups a list of victims names.
var listGroups = map[string]bool{"men": true, "women": true, "children": true, "boys": true, "girls": true, "man": true, "woman": true,
	"child": true, "boy": true, "girl": true, "people": true, "civilians": true, "soldiers": true, "policemen": true, "officers": true,
	"villagers": true, "students": true, "worshippers": true, "guards": true, "militants": true, "members": true, "others": true,
	"civilian": true, "soldier": true, "policeman": true, "officer": true, "member": true, "person": true, "student": true, "guard": true,
	"citizens": true, "nationals": true, "hostages": true, "persons": true, "personnel": true, "staff": true,
	"companions": true, "bodyguards": true, "relatives": true, "aides": true, "colleagues": true,
	// the attackers a report counts with their victims ("six soldiers and
	// two rebels were killed")
	"rebels": true, "insurgents": true, "attackers": true, "assailants": true, "gunmen": true, "fighters": true,
	"terrorists": true, "ultras": true, "extremists": true, "jihadists": true, "bandits": true, "troops": true,
	"auxiliaries": true, "auxiliary": true, "militiamen": true, "volunteers": true}

// listTotal reads a list of groups before a casualty word at token ci
// ("Five men, five women and a 15-year old boy were killed", "18 men, 3
// women and 4 children killed"): the sum of their counts, the
// quantities read (last first) and the token where the list starts. Each group is a count ("a" counts one), a
// few words, and a noun of people; groups are joined by commas and "and".
func (d *docState) listTotal(st *sent, ci int, qtok [][2]int, countable func(int) bool) (total int, qs []int, from int, open, ok bool) {
	toks := st.toks
	k := ci - 1
	for k >= 0 && toks[k].Is("were", "was", "been", "have", "had", "all") {
		k--
	}
	groups := 0
	// "Two DEMONYM personnel and one from COUNTRY were killed": a last
	// group whose noun, the first group's, is left out
	if k >= 3 && toks[k-1].Lower == "from" && toks[k].Cap() {
		if _, ok := d.x.gaz.Country(toks[k].Text); ok {
			for qi := range st.qty {
				if q := st.qty[qi]; qtok[qi][1] == k-2 && countable(qi) && !q.Open && !q.Vague && !q.Approx && qtok[qi][0] > 0 && toks[qtok[qi][0]-1].Lower == "and" {
					total, groups, from = q.Min, 1, qtok[qi][0]
					qs = append(qs, qi)
					k = qtok[qi][0] - 2
					break
				}
			}
		}
	}
	for k >= 0 {
		if !d.peopleWord(toks[k].Lower) && !d.demonymNoun(toks[k]) && !loneVictimHeads[toks[k].Lower] {
			break
		}
		k--
		// the count: a quantity ending here or a little before, or "a"/"an"
		n, found := 0, false
		for w := 0; k >= 0 && w < 5 && !found; w++ {
			if toks[k].Is("a", "an") {
				n, found = 1, true
				k--
				break
			}
			for qi := range st.qty {
				if qtok[qi][1] == k && countable(qi) {
					q := st.qty[qi]
					if q.Vague || q.Approx {
						return 0, nil, 0, false, false
					}
					n, found, open = q.Min, true, open || q.Open
					if q.Max > q.Min && !q.Open {
						// "and up to six insurgents": the figure a report
						// gives is the upper one (as for a lone figure); a
						// range of two figures does not add up to one
						low := strings.ToLower(st.text[q.Start:q.End])
						if !strings.HasPrefix(low, "up to") && !strings.HasPrefix(low, "as many as") {
							return 0, nil, 0, false, false
						}
						n = q.Max
					}
					qs = append(qs, qi)
					k = qtok[qi][0] - 1
					break
				}
			}
			if found {
				break
			}
			if toks[k].Text == "," || toks[k].Lower == "and" || toks[k].Cap() && k > 0 && !d.demonymNoun(toks[k]) {
				break
			}
			k--
		}
		if !found {
			return 0, nil, 0, false, false
		}
		total += n
		groups++
		from = k + 1
		// the separator before this group, if any
		if k >= 0 && toks[k].Lower == "and" {
			k--
		}
		if k >= 0 && toks[k].Text == "," {
			k--
		}
		if k >= 0 && toks[k].Lower == "and" {
			k--
		}
		// "Eleven soldiers, including a captain, and a civilian": the
		// aside that breaks a group down is skipped
		if groups > 0 && k >= 0 && toks[k+1].Text == "," {
			for j := k; j >= 1 && j > k-8; j-- {
				if toks[j].Text == "," || toks[j].Lower == "and" {
					break
				}
				if toks[j].Is("including", "among") && toks[j-1].Text == "," {
					k = j - 2
					break
				}
			}
		}
	}
	if groups < 2 || from > 0 && includedFigure(st, from) {
		// "27 civilians including four women and one child were killed":
		// the list breaks down the figure before it
		return 0, nil, 0, false, false
	}
	return total, qs, from, open, true
}

// cumulativeSince says whether the casualty word at token i is counted
// over a period that opens with a year or a month: "have been killed by
// rockets since 2002", "killed since January 2014", or with a calendar day
// after a verb in the perfect ("have died since November 5"). A weekday
// ("since Friday") may open the incident itself.
func cumulativeSince(st *sent, i int) bool {
	for k := i + 1; k < len(st.toks) && k <= i+8; k++ {
		t := st.toks[k]
		if t.Kind == text.Punct && t.Text != "-" {
			return false
		}
		if !t.Is("since") {
			continue
		}
		for _, h := range st.dates {
			if st.tokenIndexAt(h.start) != k+1 {
				continue
			}
			if h.e.Year != 0 && h.e.Day == 0 {
				return true
			}
			// "More than 100 people have died in such attacks since
			// November 5": a calendar day after a verb in the perfect
			// opens a tally
			if h.e.Month != 0 && h.e.Day != 0 && perfectBefore(st.toks, i) {
				return true
			}
		}
		return false
	}
	return false
}

// perfectBefore says whether the casualty word at token i is a verb in
// the perfect: "have died", "has been killed", "have been wounded".
func perfectBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if toks[k].Is("have", "has") {
			return true
		}
		if !toks[k].Is("been", "already", "now") {
			return false
		}
	}
	return false
}

// commemorated says whether the casualty word at token i is what a rite or
// an anniversary recalls: "commemorate the death of one of their twelve
// imams", "the anniversary of the killing of".
func commemorated(st *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		l := st.toks[k].Lower
		if strings.HasPrefix(l, "commemorat") || strings.HasPrefix(l, "anniversar") || strings.HasPrefix(l, "mourn") ||
			l == "mark" || l == "marks" || l == "marking" || l == "remember" || l == "remembering" {
			return true
		}
	}
	return false
}

// cleanGap says whether the tokens between a figure and the casualty word
// after it keep them in one phrase: words, or an aside between commas
// ("Ten people, all of whom were black, were murdered"); no clause break.
func cleanGap(st *sent, from, to int, forward bool) bool {
	inAside := false
	for k := from; k < to; k++ {
		t := st.toks[k]
		switch {
		case t.Text == ",":
			if inAside {
				inAside = false
				continue
			}
			if k+1 < to && st.toks[k+1].Is("all", "most", "many", "some", "who", "whom", "which", "mostly", "mainly", "including", "among", "both", "nearly", "almost", "of") {
				inAside = true
				continue
			}
			// "Two personnel of the force's elite unit, NAME, were
			// killed": a name between commas renames the noun before
			if e := k + 1; e < to && st.toks[e].Cap() && st.toks[e].Kind == text.Word {
				for e < to && e <= k+4 && st.toks[e].Cap() && st.toks[e].Kind == text.Word {
					e++
				}
				if e < to && st.toks[e].Text == "," {
					k = e
					continue
				}
			}
			return false
		case inAside:
			continue
		case t.Kind == text.Punct && t.Text != "-" && t.Text != "(" && t.Text != ")":
			return false
		case t.Lower == "including" && !inAside && k+1 < to && (st.toks[k+1].Kind == text.Number || isCountWord(st.toks[k+1].Lower)):
			// "At least 19 people including 13 policemen were killed": the
			// breakdown of the figure before runs to the verb
			for k+1 < to && st.toks[k+1].Kind == text.Word && !st.toks[k+1].Is("were", "was", "have", "has", "had", "are", "and", "but", "which", "while") || k+1 < to && st.toks[k+1].Kind == text.Number ||
				k+2 < to && st.toks[k+1].Is("and") && (st.toks[k+2].Kind == text.Number || isCountWord(st.toks[k+2].Lower) || st.toks[k+2].Is("a", "an")) {
				k++ // "including four women and one child were killed"
			}
		case t.Lower == "and" && compoundSubject(st.toks, from, k, to):
			continue // "at least 18 prisoners and security officials have been wounded"
		case t.Lower == "and" && ofQualifier(st.toks, from, k, to):
			continue // "46 civilians of Serb and Albanian ethnicity were killed"
		case t.Kind == text.Word && (t.Lower == "including" || t.Lower == "which" || t.Lower == "while" || t.Lower == "but" || t.Lower == "and"):
			return false
		}
	}
	return !inAside
}

// compoundSubject says whether the "and" at token k joins two groups of
// people that a figure before counts together, subject of the casualty
// word at token to: "18 prisoners and security officials have been
// wounded" (not "ten people died and others were wounded", nor "18
// prisoners and 3 guards").
func compoundSubject(toks []text.Token, from, k, to int) bool {
	plural := func(t text.Token) bool {
		return t.Kind == text.Word && (strings.HasSuffix(t.Lower, "s") || strings.HasSuffix(t.Lower, "men") || t.Is("police", "people", "personnel", "staff", "children"))
	}
	if k == from || !plural(toks[k-1]) {
		return false
	}
	for j := from; j < k; j++ {
		if toks[j].Kind != text.Word || strings.HasSuffix(toks[j].Lower, "ed") {
			return false
		}
	}
	last := -1
	for j := k + 1; j < to; j++ {
		t := toks[j]
		if t.Is("were", "was", "have", "has", "had", "been", "are") {
			continue
		}
		if t.Kind != text.Word || isCountWord(t.Lower) || strings.HasSuffix(t.Lower, "ed") || stopWord(t.Lower) || t.Is("a", "an", "the") {
			return false
		}
		last = j
	}
	return last > k && plural(toks[last])
}

// warNouns name a war or a campaign, whose dead a report counts over its
// whole length.
var warNouns = map[string]bool{"war": true, "conflict": true, "insurgency": true, "crisis": true, "offensive": true,
	"campaign": true, "uprising": true, "intifada": true, "rebellion": true}

// warTally says whether the casualty word at token i counts the dead of a
// war it is said to be in: "300,000 have died in the humanitarian crisis",
// "raised the death toll to 60 Palestinians, most of them civilians, since
// Tuesday, in Israel's offensive" (not "killed in the attack").
func warTally(st *sent, i int) bool {
	toks := st.toks
	// a tally is in the perfect or a toll ("killed 32 people during the
	// conflict" tells the act in its war)
	toll := false
	for k := i; k < len(toks) && k <= i+2; k++ {
		toll = toll || toks[k].Is("toll", "tally")
	}
	if !perfectBefore(toks, i) && !toll && !(i > 0 && toks[i-1].Is("toll", "tally")) {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+16; k++ {
		if toks[k].Text == "." || toks[k].Text == ";" || toks[k].Is("who", "which", "while", "but", "after", "when") {
			return false
		}
		if toks[k].Text == "," && k+2 < len(toks) && toks[k+1].Is("the", "a") && toks[k+2].Is("latest", "deadliest", "worst", "first", "second", "third", "biggest", "largest", "bloodiest") {
			return false // ", the latest in the insurgency": the act set in its war
		}
		if !toks[k].Is("in", "of") {
			continue
		}
		for e := k + 1; e < len(toks) && e <= k+5; e++ {
			if toks[e].Kind == text.Punct && !toks[e].Is("'s", "’s", "-") {
				break
			}
			if warNouns[toks[e].Lower] && !toks[e].Cap() && !(e+1 < len(toks) && toks[e+1].Is("zone", "crimes", "crime", "criminal")) {
				// (not past the act's own noun: "killed in an attack in
				// TOWN, the latest in the insurgency")
				return !slices.ContainsFunc(st.events, func(m text.Match[lexicon.Event]) bool { return m.I > i && m.I < k })
			}
		}
	}
	return false
}

// ageInBrackets says whether the number at tokens i..j is a person's age
// in brackets after the name, as British, Irish and South Asian papers
// write it: "Journalist NAME (29) shot dead".
func ageInBrackets(toks []text.Token, i, j int) bool {
	return i >= 2 && j+1 < len(toks) && toks[i-1].Text == "(" && toks[j+1].Text == ")" && i == j &&
		toks[i-2].Kind == text.Word && toks[i-2].Cap() && len(toks[i].Text) <= 2
}

// yearTally says whether the clause after a casualty word that ends at
// token j counts the dead of a whole year or of the world, not of one act:
// "At least 65 media workers were killed worldwide doing their jobs this
// year", "... have died so far this year", or of a government's term
// ("... killed during the administration of President NAME").
func yearTally(toks []text.Token, j int) bool {
	for k := j; k < len(toks) && k < j+10; k++ {
		t := toks[k]
		if t.Text == "." || t.Text == ";" || t.Is("who", "which", "when", "after", "while", "but") {
			return false
		}
		if t.Is("worldwide", "globally") || t.Lower == "around" && k+2 < len(toks) && toks[k+1].Lower == "the" && toks[k+2].Lower == "world" ||
			t.Is("this", "last") && k+1 < len(toks) && toks[k+1].Lower == "year" {
			return true
		}
		// "four villagers have been killed in the last two months":
		// the dead of a stretch of weeks or more
		if t.Is("last", "past") && k > 0 && toks[k-1].Is("the", "over", "in") {
			for q := k + 1; q < len(toks) && q <= k+3; q++ {
				if toks[q].Is("weeks", "months", "years", "decade", "decades") {
					return true
				}
			}
		}
		// "the number of mayors killed during the administration of
		// President NAME", "under the current government": a term's dead
		if t.Is("during", "under", "since") {
			for q := k + 1; q < len(toks) && q <= k+3; q++ {
				if toks[q].Is("administration", "presidency", "term", "tenure", "mandate", "rule", "government", "governments") {
					return true
				}
			}
		}
	}
	return false
}

// manyActsWhich says whether the casualty word at token i stands in a
// relative clause ("in which", "that") whose antecedent counts several
// acts: "There have been about 12 incidents of landmine blasts in the
// district in which four villagers have been killed".
func manyActsWhich(toks []text.Token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-12; k-- {
		if toks[k].Text == "." || toks[k].Text == ";" {
			return false
		}
		if !(toks[k].Lower == "which" && toks[k-1].Is("in", "during")) {
			continue
		}
		for a := k - 2; a >= 1 && a >= k-14; a-- {
			if toks[a].Is("incidents", "attacks", "blasts", "explosions", "bombings", "clashes", "strikes", "raids", "ambushes") &&
				(toks[a-1].Kind == text.Number || isCountWord(toks[a-1].Lower) || toks[a-1].Is("several", "many", "numerous", "dozens", "scores")) &&
				!(toks[a-1].Is("two", "2") && a >= 2 && toks[a-2].Is("the", "these", "both")) {
				return true
			}
		}
		return false
	}
	return false
}

// sameDayOther says whether the casualty word at token i stands in a
// clause that tells another act of the same day: "the ambush occurred on
// the same day that 14 people were killed in Duk County".
func sameDayOther(toks []text.Token, i int) bool {
	for k := i - 1; k >= 2 && k >= i-8; k-- {
		if toks[k].Kind == text.Punct {
			return false
		}
		if toks[k].Is("that", "as", "when") && toks[k-1].Is("day", "night", "time", "week") && toks[k-2].Lower == "same" {
			return true
		}
	}
	return false
}

// periodNouns name a stretch of violence rather than one act.
var periodNouns = map[string]bool{"violence": true, "unrest": true, "conflict": true, "insurgency": true, "war": true,
	"wave": true, "campaign": true, "uprising": true, "fighting": true, "intifada": true, "crackdown": true}

// runningTally says whether the casualty verb at token i, in the perfect
// ("has killed", "have left"), has a stretch of violence as its subject:
// "Recent violence provoked partly over a controversy ... has killed 19
// Israelis" counts a period's dead, not the incident's.
func runningTally(st *sent, i int) bool {
	if i < 1 || !st.toks[i-1].Is("has", "have") {
		return false
	}
	for k := 0; k < i-1; k++ {
		if periodNouns[st.toks[k].Lower] {
			return true
		}
	}
	return false
}

// ofQualifier says whether the "and" at token k joins two words of a
// phrase of "of" that qualifies the people a figure before counts: "46
// civilians of Serb and Albanian ethnicity were killed" (not "46 civilians
// of the town and 3 soldiers").
func ofQualifier(toks []text.Token, from, k, to int) bool {
	of := -1
	for j := from; j < k; j++ {
		if toks[j].Is("of") {
			of = j
		}
		if toks[j].Kind != text.Word {
			return false
		}
	}
	if of <= from {
		return false
	}
	for j := k + 1; j < to; j++ {
		if toks[j].Kind != text.Word || isCountWord(toks[j].Lower) || toks[j].Is("a", "an", "the", "and") {
			return false
		}
	}
	return true
}

// numberOf says whether the casualty word at token i is counted by "the
// (total) number of (the)" before it.
func numberOf(toks []text.Token, i int) bool {
	k := i - 1
	if k >= 0 && toks[k].Is("the") {
		k--
	}
	return k >= 1 && toks[k].Is("of") && toks[k-1].Is("number")
}

// countVerbBetween says whether a verb that gives a count ("reached",
// "stood at", "to be") stands between tokens from and to, in one clause.
func countVerbBetween(toks []text.Token, from, to int) bool {
	verb := false
	for k := from; k < to; k++ {
		t := toks[k]
		if t.Kind == text.Punct && t.Text != "-" {
			return false
		}
		if t.Is("reached", "rose", "stood", "stands", "climbed", "totalled", "totaled", "numbered", "was", "were", "is", "be", "hit", "increased") {
			verb = true
		}
	}
	return verb
}

// tollVerbBefore says whether the figure at token q is what a toll ending
// at token from rose to: a verb of the count right before the figure
// ("has risen to", "rose to", "climbed to", "reached", "stood at"), in the
// toll's clause (no semicolon, colon or other figure between).
func tollVerbBefore(st *sent, from, q int) bool {
	toks := st.toks
	if q-from > 30 || q < from+2 {
		return false
	}
	for k := from; k < q; k++ {
		if toks[k].Text == ";" || toks[k].Text == ":" || toks[k].Kind == text.Number {
			return false
		}
	}
	v := q - 1
	if toks[v].Is("to", "at") {
		v--
	}
	return toks[v].Is("risen", "rose", "climbed", "jumped", "increased", "reached", "stood", "stands", "mounted") && (toks[q-1].Is("to", "at") || toks[v].Is("reached"))
}

// forwardGap says whether the words between a casualty word and the figure
// after it keep them together: "injured another 110", "toll rose to 38".
func forwardGap(st *sent, from, to int) bool {
	for k := from; k < to; k++ {
		if !st.toks[k].Is("another", "further", "additional", "a", "an", "the", "of", "to", "rose", "reached", "climbed", "stood", "stands", "at", "up", "later", "since", "subsequently", "has", "had", "estimated", "possibly", "well", "some",
			"numbered", "totalled", "totaled", "numbering", "totalling", "totaling", "was", "is", "were") {
			return false
		}
	}
	return true
}

// includedFigure says whether the figure starting at token i is a part of a
// total given before ("including 21 security forces", "of whom 17").
func includedFigure(st *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch st.toks[k].Lower {
		case "among":
			// "Ten soldiers were among 27 people killed": after "were
			// among" stands the total the subject is part of
			return k == 0 || !st.toks[k-1].Is("were", "was", "are", "is", "be", "been")
		case "including", "includes", "whom", "them":
			return true
		}
	}
	// further into a list that a total opened: "27 civilians including
	// four women and one child" (not "including senior members, and
	// another forty wounded": a figure of its own)
	if i > 0 && st.toks[i-1].Is("another", "other", "further", "additional") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-9; k-- {
		t := st.toks[k]
		switch {
		case t.Is("including", "includes"):
			return true
		case t.Text == "," && st.toks[k+1].Is("and", "while", "but"),
			t.Kind == text.Punct && t.Text != ",", t.Is("were", "was", "are", "is", "had", "have", "has", "which", "who", "while", "but"):
			return false
		}
	}
	return false
}

// bothCounted says whether the casualty word at token i shares one figure
// with a casualty word of the other field joined to it by "and" or "or":
// "killed and wounded 13 citizens", "killing or injuring 40 people". The
// figure after the pair is their sum, no count of either.
func bothCounted(st *sent, i int) bool {
	var me *text.Match[lexicon.Casualty]
	for k := range st.cas {
		if st.cas[k].I == i {
			me = &st.cas[k]
		}
	}
	if me == nil || !me.Val.Before {
		return false // "left one man dead and injured 20": "dead" has its own figure before it
	}
	for _, c := range st.cas {
		if c.Val.Field == me.Val.Field || !c.Val.Before {
			continue
		}
		// the pair, both words reading a figure after them, and the figure
		// right after the second: "killed and wounded 13"
		first, second := c, *me
		if c.I > i {
			first, second = *me, c
		}
		if first.J+1 == second.I && st.toks[first.J].Is("and", "or") && second.J < len(st.toks) &&
			(st.toks[second.J].Kind == text.Number || isCountWord(st.toks[second.J].Lower)) {
			return true
		}
	}
	return false
}
