package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/lexicon"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
)

// statement is what one speaker said about an incident in one stance.
type statement struct {
	speaker  *actor
	name     string // for speakers that are not actors ("anonymous regional officials")
	stance   string
	channel  string
	inc      *incident
	quotes   []string
	evidence []dossier.Evidence
	st       *sent
	parties  []party // those the statement accuses
	kind     string  // claimant kind
}

// findStatements reads who said what about the main incident: a speech
// verb or a stance verb with its speaker, the stance from the words used,
// the channel and the quotes.
func (d *docState) findStatements() {
	lx := d.x.lex
	for _, st := range d.sents {
		if st.inc != d.main && !(st.inc == nil && st.laterTime) {
			continue // about another incident (a sentence of a later day, "A day later, CNN called it a terror attack", may speak of this one)
		}
		speech := lx.Speech.FindAll(st.toks)
		stances := lx.Stances.FindAll(st.toks)
		for _, c := range claimedActs(st) {
			// "Islamic State claimed a suicide bomb attack": a claim
			if !slices.ContainsFunc(stances, func(m text.Match[lexicon.Stance]) bool { return m.I <= c.I && c.I < m.J }) {
				stances = append(stances, text.Match[lexicon.Stance]{I: c.I, J: c.J, Val: lexicon.Stance{Stance: dossier.StanceSupport, Weight: 3}})
			}
		}
		if len(speech) == 0 && len(stances) == 0 && heldResponsible(st.toks) < 0 {
			continue
		}
		// the verb that carries the statement: the first speech or stance
		// verb with a speaker before it
		type verb struct{ i, j int }
		var verbs []verb
		for _, m := range speech {
			if st.toks[m.I].Cap() && m.I != firstWord(st) {
				continue // "the United States" is no verb
			}
			if m.I > 0 && st.toks[m.I-1].Is("a", "an", "the", "this", "that", "his", "her", "its", "their", "another",
				"with", "in", "of", "by", "from", "on", "amid", "despite", "after") {
				continue // "a report says", "with reports suggesting": a noun, not a verb
			}
			if notSpeech(st.toks, m.I, m.J) || afterClauseSubject(st.toks, m.I) {
				continue
			}
			verbs = append(verbs, verb{m.I, m.J})
		}
		for _, m := range stances {
			// a verb in the past ("condemned", "claimed responsibility"),
			// or one that claims an act in any tense ("claims
			// responsibility", "took responsibility")
			claim := m.Val.Stance == dossier.StanceSupport && st.toks[m.I].Is("claims", "claiming", "took", "takes", "taking", "accepts", "has") ||
				st.toks[m.I].Is("condemns", "denounces", "deplores", "denies", "rejects", "accuses", "blames", "dismisses") // the present: "X vehemently condemns the attack"
			if m.Val.Weight >= 3 && st.toks[m.I].Kind == text.Word && (strings.HasSuffix(st.toks[m.I].Lower, "ed") || claim) && !negativeSubject(st.toks, m.I) &&
				!afterClauseSubject(st.toks, m.I) {
				verbs = append(verbs, verb{m.I, m.J})
			}
		}
		if k := heldResponsible(st.toks); k >= 0 {
			verbs = append(verbs, verb{k, k + 1}) // "He held the Orange Order responsible"
		}
		// one statement per speaker and stance: "X, Y and Z all denied
		// involvement, but Z later claimed responsibility" is Z's denial
		// and Z's claim
		type said struct {
			a      *actor
			name   string
			stance string
		}
		done := map[said]bool{}
		slices.SortStableFunc(verbs, func(a, b verb) int { return a.i - b.i })
		// the speakers of the sentence's last verb that had one: a verb
		// joined to it by "and" shares its subject ("X, the current Y
		// president, condemned the attack and called for justice")
		var prevSpeakers []*actor
		var prevNames []namedSpeaker
		prevEnd := -1
		for _, v := range verbs {
			var speakers []*actor
			var names []namedSpeaker
			if prevEnd >= 0 && v.i > prevEnd && v.i >= 1 && (st.toks[v.i-1].Is("and") ||
				st.toks[v.i-1].Text == "," && strings.HasSuffix(st.toks[v.i].Lower, "ing") && st.toks[v.i].Lower != "according" && (len(prevSpeakers) > 0 || len(prevNames) > 0)) {
				// (", writing that", ", adding": the same speaker goes on)
				speakers, names = prevSpeakers, prevNames
			} else if passiveVerb(st.toks, v.i, v.j) {
				// (not "GROUP is claiming responsibility": a verb in
				// -ing after "is" is active)
				speakers, names = d.passiveSpeakers(st, v.i, v.j)
				if len(speakers) == 0 && len(names) == 0 {
					continue // "was widely reported as": nobody speaks
				}
			} else {
				var unnamed bool
				speakers, names, unnamed = d.speakersAfter(st, v.i, v.j)
				if unnamed {
					continue // `..., said the police`: nobody named speaks
				}
				if st.toks[v.i].Lower == "according" && (d.reportsOther(st, v.i) || len(speakers) == 0 && len(names) == 0) {
					// "according to the BBC the Islamic Jihad later claimed":
					// the claim is Islamic Jihad's; "according to some of the
					// reports": nobody named speaks
					continue
				}
			}
			pron := subjectEnd(st.toks, v.i) - 1
			if pron > 0 && strings.HasSuffix(st.toks[pron].Lower, "ly") && st.toks[pron].Kind == text.Word {
				pron-- // "he controversially held", "she later said"
			}
			if len(speakers) == 0 && len(names) == 0 && pron >= 0 && st.toks[pron].Is("he", "she", "they", "we", "i", "it") {
				if pron > 0 && st.toks[pron-1].Is("who", "whom", "that", "which") || !st.toks[pron].Is("he", "she") {
					// "a police officer, NAME, whom she had accused":
					// the name before is the one spoken of, not the speaker;
					// "they said" names nobody
					continue
				}
				// "he said", "she has said": the person who spoke last; when
				// no named person did, nobody named speaks (not the names of
				// what he said: "NAME and NAME died on the spot, he said")
				last := d.lastSpeaker(st)
				if last == nil {
					continue
				}
				speakers = []*actor{last}
			}
			if len(speakers) == 0 && len(names) == 0 {
				// `"...," the minister said in a statement`: the minister
				// the report named before
				if e := subjectEnd(st.toks, v.i); e >= 2 {
					b := e - 1
					for b > 0 && b >= e-3 && !st.toks[b].Is("the") {
						b--
					}
					if p := d.titledAt(st, b); p != nil {
						speakers = []*actor{p}
					}
				}
			}
			if len(speakers) == 0 && len(names) == 0 {
				speakers, names = d.speakersBefore(st, v.i)
			}
			if len(speakers) == 0 && len(names) == 0 {
				continue
			}
			prevSpeakers, prevNames, prevEnd = speakers, names, v.j
			from := v.i
			if len(speakers)+len(names) > 0 && quoteBefore(st.toks, v.i) {
				from = 0 // `"I condemn the attacks," said X`: the quotation is what X said
			}
			stance, cue := d.stanceOf(st, stances, from)
			channel := d.channelOf(st, speech)
			quote := quoteIn(st.text)
			if quote == "" && v.i == firstWord(st) && d.quoteEndsBefore(st) {
				quote = quoteIn(d.sents[st.idx-1].text) // `"...". said X`
				if stance == dossier.StanceOther {
					prev := d.sents[st.idx-1]
					stance, _ = d.stanceOf(prev, d.x.lex.Stances.FindAll(prev.toks), 0)
				}
			}
			if stance == dossier.StanceOther && quoteOpenedBefore(st.text) {
				// `"This monstrous attack ... It targeted the population,"
				// Maliki told reporters`: the quotation began sentences
				// before; its words say the stance
				for _, prev := range d.quoteSentences(st) {
					if sc, _ := d.stanceOf(prev, d.x.lex.Stances.FindAll(prev.toks), 0); sc != dossier.StanceOther {
						stance = sc
						break
					}
				}
			}
			if stance == dossier.StanceOther && quoteLeftOpen(st.text) {
				// `X said: "It is too early to speculate. It is an obvious
				// act of terrorism."`: the quotation runs on; its words say
				// the stance
				for i := st.idx + 1; i < len(d.sents) && i <= st.idx+4 && d.sents[i].para == st.para; i++ {
					nx := d.sents[i]
					if sc, _ := d.stanceOf(nx, d.x.lex.Stances.FindAll(nx.toks), 0); sc != dossier.StanceOther {
						stance = sc
						break
					}
					if strings.ContainsAny(nx.text, "\"”") {
						break // the quotation closes here
					}
				}
			}
			if stance == dossier.StanceOther && strings.HasSuffix(strings.TrimSpace(st.text), ":") {
				// `X released a statement:` and the statement set apart
				// after it, quoted or not: its words say the stance, up to
				// a sentence with a speaker of its own
				for i := st.idx + 1; i < len(d.sents) && i <= st.idx+4 && d.sents[i].para <= st.para+2; i++ {
					nx := d.sents[i]
					if len(d.x.lex.Speech.FindAll(nx.toks)) > 0 {
						break
					}
					if sc, _ := d.stanceOf(nx, d.x.lex.Stances.FindAll(nx.toks), 0); sc != dossier.StanceOther {
						stance = sc
						break
					}
				}
			}
			if quote == "" && st.idx+1 < len(d.sents) {
				// `X commented on the incident. "This is a national tragedy..."`
				nx := d.sents[st.idx+1]
				if strings.HasPrefix(nx.text, "\"") || strings.HasPrefix(nx.text, "“") {
					if len(d.x.lex.Speech.FindAll(nx.toks)) == 0 {
						quote = quoteIn(nx.text + "\"")
						if stance == dossier.StanceOther {
							stance, _ = d.stanceOf(nx, d.x.lex.Stances.FindAll(nx.toks), 0)
						}
					}
				}
			}
			// "other" statements are kept when they speak of the incident: in
			// a news report everything does; elsewhere a quote, an event
			// word or "it" must say so
			if !d.news && (stance == dossier.StanceOther && quote == "" && !st.hasEvent(2) && !refersToIt(st, v.j) || stance == dossier.StanceOther && !d.nearMain(st) && quote == "") {
				continue
			}
			_ = cue
			all := append([]string{stance}, d.alsoStances(st, stances, from, v.i, stance)...)
			for _, a := range speakers {
				for _, sc := range all {
					if !done[said{a: a, stance: sc}] {
						done[said{a: a, stance: sc}] = true
						d.addStatement(&statement{speaker: a, stance: sc, channel: channel, inc: st.inc, st: st}, quote)
					}
				}
			}
			for _, n := range names {
				for _, sc := range all {
					if !done[said{name: n.name, stance: sc}] {
						done[said{name: n.name, stance: sc}] = true
						d.addStatement(&statement{name: n.name, stance: sc, channel: channel, inc: st.inc, st: st, kind: n.kind}, quote)
					}
				}
			}
		}
	}
	d.pruneOther()
}

func refersToIt(st *sent, j int) bool {
	for k := j; k < len(st.toks) && k < j+3; k++ {
		if st.toks[k].Is("it") {
			return true
		}
	}
	return false
}

// pruneOther drops a speaker's "other" statement about an incident when
// the same speaker took a stance on it: the stance says more. A country
// named bare as the speaker of a statement without a stance ("Let France
// and Mali be forewarned", "Syria said") is a figure of speech or the
// wrong subject more often than a government's word (8 of 8 on the news
// dev split): no statement; its body, when named, speaks ("the Syrian
// government said").
func (d *docState) pruneOther() {
	out := d.stmts[:0]
	for _, s := range d.stmts {
		keep := true
		if s.stance == dossier.StanceOther && s.speaker != nil && s.speaker.kind == dossier.KindState {
			if _, bare := d.x.gaz.Country(s.speaker.name); bare {
				continue
			}
		}
		if s.stance == dossier.StanceOther {
			for _, x := range d.stmts {
				if x != s && x.inc == s.inc && x.stance != dossier.StanceOther && (s.speaker != nil && x.speaker == s.speaker || s.speaker == nil && x.name == s.name) {
					keep = false
				}
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	d.stmts = out
}

func (d *docState) addStatement(s *statement, quote string) {
	ev := d.sentEvidence("statement", s.st, 0.7)
	for _, x := range d.stmts {
		same := x.stance == s.stance && x.inc == s.inc && (x.speaker != nil && x.speaker == s.speaker || x.speaker == nil && s.speaker == nil && x.name == s.name)
		if same {
			if quote != "" {
				x.quotes = append(x.quotes, quote)
			}
			x.evidence = append(x.evidence, ev)
			if x.channel == "" {
				x.channel = s.channel
			}
			return
		}
	}
	if quote != "" {
		s.quotes = []string{quote}
	}
	s.evidence = []dossier.Evidence{ev}
	if s.speaker != nil {
		s.speaker.used = true
	}
	d.stmts = append(d.stmts, s)
}

type namedSpeaker struct{ name, kind string }

// speakersAfter finds a speaker written after the verb: an inverted
// attribution ("...," said Mohammad Anis), "according to X", or "commented
// a spokesman for X, Vladimir Markin".
//
// unnamed says that the speaker stands after the verb but is nobody this
// reads as one (`..., said the police on Monday`): no name before the
// verb is the speaker then.
func (d *docState) speakersAfter(st *sent, v, vj int) (_ []*actor, _ []namedSpeaker, unnamed bool) {
	toks := st.toks
	verb := toks[v].Lower
	if v+1 < len(toks) && verb == "according" && toks[v+1].Lower == "to" {
		a, n := d.speakerAt(st, v+2)
		return a, n, false
	}
	switch verb {
	case "said", "says", "added", "commented", "explained", "stated", "wrote", "noted", "insisted", "continued", "asked":
	default:
		// (after "told" stands whom the speaker told: "..., a police
		// spokesman, Mohamad Lerama, told AFP")
		return nil, nil, false
	}
	if v > 0 && toks[v-1].Is("he", "she", "they", "we", "i", "it") {
		// `"...," he said during the funeral of NAME`: the subject stands
		// before the verb; a name after it is not the speaker
		return nil, nil, false
	}
	// inverted only right after a quotation: `"...," said X`
	q := 0
	for k := v - 1; k >= 0 && k >= v-2; k-- {
		if toks[k].Text == "\"" || toks[k].Text == "”" || toks[k].Text == "'" {
			q++
		}
	}
	if q == 0 && !(v == firstWord(st) && d.quoteEndsBefore(st)) && !(v > 0 && toks[v-1].Text == "," && (endsSentence(toks, vj, 10) || d.nameThenApposition(toks, vj) || d.titleThenName(st, vj))) {
		// (inverted after a comma only when the speaker closes the
		// sentence: "..., reports the Committee to Protect Journalists.")
		return nil, nil, false
	}
	if vj < len(toks) && toks[vj].Text == "," {
		vj++ // `said, Ayub Khan, a local police chief`
	}
	// `..., said the UN Special Representative for X, FIRST LAST.`: a
	// title and the name it is set off from: the person speaks
	if p := d.namedAfterTitle(st, vj); p != nil {
		return []*actor{p}, nil, false
	}
	if p := d.titledAt(st, vj); p != nil {
		return []*actor{p}, nil, false // `"...," said the governor`: the governor named before
	}
	a, n := d.speakerAt(st, vj)
	if len(a) == 0 && len(n) == 0 {
		// `..., said FIRST LAST, the school's principal.`: a name of
		// two or three words no list knows, right after the inverted
		// verb and closing the sentence or followed by its description,
		// is a person's
		if m := mentionAt(st, vj); m != nil && m.kind == "" && m.actor == nil && m.j-m.i >= 2 && m.j-m.i <= 3 && allCapitalised(toks, m.i, m.j) &&
			(m.j >= len(toks) || toks[m.j].Text == "." || toks[m.j].Text == "," && m.j+1 < len(toks) && toks[m.j+1].Is("a", "an", "the")) {
			if p := d.actorOf(m, dossier.KindPerson); p != nil {
				return []*actor{p}, nil, false
			}
		}
	}
	return a, n, len(a) == 0 && len(n) == 0 && subjectAfter(toks, vj)
}

// titledAt reads at token k "the" and a person's title without a name
// ("the minister", "the interior minister", "the governor"), and returns
// the person the report last named with that title ("Interior Minister
// Jane Smith", "Governor NAME") in this sentence or the twelve before it;
// nil when none or two different people hold it.
func (d *docState) titledAt(st *sent, k int) *actor {
	toks := st.toks
	if k >= len(toks) || !toks[k].Is("the") {
		return nil
	}
	t := k + 1
	for t < len(toks) && t <= k+3 && toks[t].Kind == text.Word && !toks[t].Cap() && !personTitles[toks[t].Lower] {
		t++
	}
	if t >= len(toks) || !personTitles[toks[t].Lower] || toks[t].Cap() {
		return nil
	}
	if e := t + 1; e < len(toks) && toks[e].Kind == text.Word && !speechVerbs[toks[e].Lower] {
		return nil // the title closes its phrase: "the minister said", "said the minister." (not "the minister of X")
	}
	title := toks[t].Lower
	var found *actor
	for n := st.idx; n >= 0 && n >= st.idx-12; n-- {
		for _, m := range d.sents[n].mentions {
			if m.actor == nil || m.actor.kind != dossier.KindPerson || m.role == "" || (n == st.idx && m.i >= k) {
				continue
			}
			if lastWordLower(m.role) != title {
				continue
			}
			if found != nil && found != m.actor {
				return nil // two of them: which one is not said
			}
			found = m.actor
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// speechVerbs may follow a speaker's title directly.
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true, "wrote": true, "announced": true}

// personTitles are titles one person holds, which "the" and the title
// alone refer back to.
var personTitles = map[string]bool{"minister": true, "president": true, "governor": true, "mayor": true, "premier": true,
	"chancellor": true, "commissioner": true, "ambassador": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"commander": true, "general": true, "chief": true, "superintendent": true, "inspector": true, "secretary": true, "senator": true}

// namedAfterTitle reads, after an inverted speech verb, a title holding a
// role ("the UN Special Representative for X", "the country's interior
// minister") set off by a comma from the name of two to four words that
// closes the sentence: the person it names.
func (d *docState) namedAfterTitle(st *sent, k int) *actor {
	if m := d.titledName(st, k); m != nil {
		return d.actorOf(m, dossier.KindPerson)
	}
	return nil
}

// titledName is the name mention namedAfterTitle reads, or nil.
func (d *docState) titledName(st *sent, k int) *mention {
	toks := st.toks
	role := false
	c := k
	for ; c < len(toks) && c < k+9 && toks[c].Text != ","; c++ {
		if toks[c].Kind != text.Word && toks[c].Text != "'s" && toks[c].Text != "’s" {
			return nil
		}
		if n, _ := d.x.lex.Roles.MatchAt(toks, c); n > 0 || toks[c].Is("representative", "ambassador", "commissioner", "secretary") || personTitles[toks[c].Lower] {
			role = true // ("Inspector General of Police, NAME", "medical superintendent of the hospital, Dr NAME")
		}
	}
	if !role || c >= len(toks) || toks[c].Text != "," || c == k {
		return nil
	}
	m := mentionAt(st, afterHonorific(toks, c+1))
	if m == nil || m.j-m.i < 2 || m.j-m.i > 4 || !(m.kind == dossier.KindPerson || m.kind == "" && m.actor == nil) {
		return nil
	}
	for q := m.i; q < m.j; q++ {
		// capitalised words, and a particle inside ("FIRST de LAST")
		if toks[q].Kind != text.Word || !toks[q].Cap() && (q == m.i || q == m.j-1 || len(toks[q].Lower) > 3) {
			return nil
		}
	}
	if m.j < len(toks) && toks[m.j].Text != "." && toks[m.j].Text != "," {
		return nil
	}
	return m
}

// titleThenName says whether an inverted speech verb after a comma is
// followed by a title and the name it is set off from, closing the
// sentence: "..., said the police chief, Chandra Fernando."
func (d *docState) titleThenName(st *sent, k int) bool {
	m := d.titledName(st, k)
	return m != nil && (m.j >= len(st.toks) || st.toks[m.j].Text == ".")
}

// afterHonorific is the token after an honorific at k ("Dr", "Dr.",
// "Col."), or k when there is none.
func afterHonorific(toks []text.Token, k int) int {
	if k < len(toks) && abbreviation(toks[k]) {
		k++
		if k < len(toks) && toks[k].Text == "." {
			k++
		}
	}
	return k
}

// allCapitalised says whether every token of toks[i:j] is a capitalised word.
func allCapitalised(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Kind != text.Word || !toks[k].Cap() {
			return false
		}
	}
	return true
}

// subjectAfter says whether an inverted speech verb's subject starts at
// token k: a noun of speakers, after at most an article and a word ("said
// the police", "said a local witness", "said officials"; not "NAME, said
// the market would reopen").
func subjectAfter(toks []text.Token, k int) bool {
	if k < len(toks) && toks[k].Is("its", "his", "her", "their", "our", "my", "your") {
		return false // "X, said its forces were not involved": what X said
	}
	for e := k; e < len(toks) && e <= k+2; e++ {
		t := toks[e]
		if t.Kind != text.Word {
			return false
		}
		if crowdNouns[t.Lower] || speakerNouns[t.Lower] {
			return true
		}
	}
	return false
}

// reportsOther says whether "according to X" at token v introduces a
// clause in which another actor takes a stance by a verb of its own
// ("according to the BBC the Islamic Jihad later claimed responsibility"):
// the stance is that actor's, and X only reports it.
func (d *docState) reportsOther(st *sent, v int) bool {
	var src *mention
	for _, m := range st.mentions {
		if m.i >= v+2 && m.i <= v+4 {
			src = m
			break
		}
	}
	if src == nil {
		return false
	}
	for _, sm := range d.x.lex.Stances.FindAll(st.toks) {
		if sm.I <= src.j || sm.Val.Weight < 3 || !strings.HasSuffix(st.toks[sm.I].Lower, "ed") {
			continue
		}
		for _, m := range st.mentions {
			if m.i >= src.j && m.j <= sm.I && m.actor != nil && m.actor != src.actor && !punctBetween(st, st.toks[src.j-1].End, st.toks[m.i].Start) {
				return true
			}
		}
	}
	return false
}

// personNear is the person a mention names at token k, or after at most
// n lower-case words of a role ("former president Amin Gemayel").
func (d *docState) personNear(st *sent, k, n int) *actor {
	toks := st.toks
	for i := k; i < len(toks) && i <= k+n; i++ {
		if p := mentionAt(st, i); p != nil {
			if p.kind != dossier.KindPerson {
				return nil
			}
			return d.speakerActor(p)
		}
		if toks[i].Kind != text.Word || toks[i].Cap() && i > k || stopWord(toks[i].Lower) {
			return nil
		}
	}
	return nil
}

// passiveVerb says whether the speech verb toks[v:vj] is in the passive:
// after a form of "be", perhaps with an adverb between ("was also
// denounced by"), or a participle opening an aside that names its agent
// ("the blast, described as powerful by ministry spokesman NAME"; an
// aside's verb with no "by" is active: "NAME, speaking in Kabul,
// condemned"). A verb in -ing after "is" is active ("GROUP is claiming").
func passiveVerb(toks []text.Token, v, vj int) bool {
	if v == 0 || strings.HasSuffix(toks[v].Lower, "ing") {
		return false
	}
	be := func(k int) bool { return k >= 0 && toks[k].Is("was", "were", "been", "being", "is", "are") }
	if be(v - 1) {
		return true
	}
	if p := toks[v-1]; p.Kind == text.Word && (p.Is("also", "later", "since") || strings.HasSuffix(p.Lower, "ly")) && be(v-2) {
		return true
	}
	if toks[v-1].Text != "," || !strings.HasSuffix(toks[v].Lower, "ed") {
		return false
	}
	for k := vj; k < len(toks) && k < vj+6; k++ {
		if toks[k].Text == "," || toks[k].Text == ";" || toks[k].Text == "." {
			return false
		}
		if toks[k].Lower == "by" {
			return true
		}
	}
	return false
}

// passiveSpeakers reads who speaks through a verb in the passive: "X was
// quoted as saying", "her death has been confirmed by Dmitry Muratov",
// "the explosion, described as small by embassy spokesman Filip La Rosa".
func (d *docState) passiveSpeakers(st *sent, v, vj int) ([]*actor, []namedSpeaker) {
	toks := st.toks
	if toks[v].Lower == "quoted" {
		// the subject of "was quoted"
		return d.speakersBefore(st, v-1)
	}
	for k := vj; k < len(toks) && k < vj+6; k++ {
		if toks[k].Text == "," || toks[k].Text == ";" || toks[k].Text == "." {
			break
		}
		if toks[k].Lower == "by" {
			return d.speakerAt(st, k+1)
		}
	}
	return nil, nil
}

// abbreviation says whether a token is a short title written with a
// full stop after it: "Gen.", "Col.", "Dr.", "Lt.".
func abbreviation(t text.Token) bool {
	return t.Kind == text.Word && t.Cap() && len(t.Text) <= 4 && t.Is("gen", "col", "lt", "dr", "mr", "mrs", "ms", "sgt", "capt", "maj", "brig", "rep", "sen", "gov", "st", "prof", "cpl", "adm", "insp", "supt")
}

// endsSentence says whether the sentence ends within n tokens after k,
// with no clause on the way.
func endsSentence(toks []text.Token, k, n int) bool {
	for i := k; i < len(toks); i++ {
		if i >= k+n || toks[i].Text == "," || toks[i].Text == ";" || toks[i].Is("that", "who", "which") {
			return false
		}
		if toks[i].Text == "." && !(i > 0 && abbreviation(toks[i-1])) {
			return i == len(toks)-1
		}
	}
	return true
}

// afterClauseSubject says whether the stance verb at token v has its
// subject in a clause of "after", "following" or "since" ("re-ignited
// after GROUP claimed responsibility for the killings of two
// policemen"): another act the report dates by, not a statement on this.
func afterClauseSubject(toks []text.Token, v int) bool {
	return clauseOpenedBy(toks, v, 6, "after", "following", "since")
}

// quoteBefore says whether a quotation closes right before the verb at
// token v (`"...," said X`).
func quoteBefore(toks []text.Token, v int) bool {
	for k := v - 1; k >= 0 && k >= v-2; k-- {
		if toks[k].Text == "\"" || toks[k].Text == "”" {
			return true
		}
	}
	// `"We condemn this attack," President NAME said`: the speaker's
	// words between the quotation and the verb
	for k := v - 1; k >= 0 && k >= v-8; k-- {
		switch t := toks[k]; {
		case t.Text == "\"" || t.Text == "”":
			return k+1 < v && (toks[k+1].Cap() || toks[k+1].Is("the"))
		case t.Kind == text.Punct && t.Text != "." && t.Text != "-" && t.Text != "'s" && t.Text != "’s":
			return false
		}
	}
	return false
}

// quoteOpenedBefore says whether a sentence closes a quotation it did not
// open: `It targeted the population," Maliki told reporters.`
func quoteOpenedBefore(s string) bool {
	c := strings.IndexAny(s, "\"”")
	if c < 0 {
		return false
	}
	if s[c] == '"' {
		// straight marks: an odd number, the first after some words
		return c > 0 && strings.Count(s, "\"")%2 == 1
	}
	o := strings.Index(s, "“")
	return o < 0 || o > c
}

// quoteSentences are the sentences of st's paragraph, nearest first, back
// to the one that opens the quotation st closes (at most four).
func (d *docState) quoteSentences(st *sent) []*sent {
	var out []*sent
	for i := st.idx - 1; i >= 0 && i >= st.idx-4; i-- {
		prev := d.sents[i]
		if prev.para != st.para {
			break
		}
		out = append(out, prev)
		if strings.ContainsAny(prev.text, "\"“") {
			break
		}
	}
	return out
}

// quoteLeftOpen says whether a sentence opens a quotation it does not
// close: an odd number of straight quotes, or more opening curly quotes
// than closing ones.
func quoteLeftOpen(s string) bool {
	return strings.Count(s, "\"")%2 == 1 || strings.Count(s, "“") > strings.Count(s, "”")
}

// quoteEndsBefore says whether the sentence before st ends with a closing
// quotation mark: `"... the attack." said X` is split after the quotation,
// and the sentence of the attribution starts with its verb.
func (d *docState) quoteEndsBefore(st *sent) bool {
	if st.idx == 0 {
		return false
	}
	prev := strings.TrimSpace(d.sents[st.idx-1].text)
	return strings.HasSuffix(prev, "\"") || strings.HasSuffix(prev, "”")
}

// personNouns are nouns of one person that a name after them (or after a
// comma) names: "one witness, Danielle Pearson", "the top Peshawar
// official, Sahibzada Anis", "Italian Embassy spokesman Filip La Rosa".
var personNouns = map[string]bool{"witness": true, "eyewitness": true, "official": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "resident": true, "officer": true, "commander": true, "governor": true, "doctor": true, "survivor": true,
	"analyst": true, "lawyer": true, "relative": true, "neighbour": true, "neighbor": true}

// namedPersonNoun is the person a speaker phrase starting at k names after
// its noun of one person: the name right after the noun or after a comma.
// A name the gazetteer and dictionaries do not know counts when it has
// two words or more.
func (d *docState) namedPersonNoun(st *sent, k int) *actor {
	toks := st.toks
	for j := k; j < len(toks) && j < k+8; j++ {
		t := toks[j]
		if t.Text == "." || t.Text == ";" || t.Text == "\"" || t.Text == "“" || t.Is("that", "to", "in", "on", "at", "who", "and") {
			return nil
		}
		if !personNouns[t.Lower] || t.Cap() {
			continue
		}
		n := j + 1
		if n < len(toks) && toks[n].Text == "," {
			n++
		}
		p := mentionAt(st, n)
		if p == nil || !(p.kind == dossier.KindPerson || p.kind == "" && strings.Contains(p.surface, " ")) {
			return nil
		}
		return d.speakerActor(p)
	}
	return nil
}

// speakerNouns head a speaker named by a common noun: "police said",
// "according to officials", "the health ministry said".
var speakerNouns = map[string]bool{"police": true, "officials": true, "official": true, "authorities": true, "ministry": true,
	"army": true, "military": true, "government": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"witnesses": true, "eyewitnesses": true, "witness": true, "eyewitness": true, "residents": true, "resident": true,
	"sources": true, "source": true, "doctors": true, "medics": true, "hospital": true, "administration": true, "forces": true,
	"office": true, "service": true}

// crowdNouns are speaker nouns of many people, or of an unnamed one, that
// an apposition does not rename: in "according to local police, James
// Von Brunn ..." the name after the comma is the news, not the speaker.
var crowdNouns = map[string]bool{"police": true, "officials": true, "authorities": true, "witnesses": true, "eyewitnesses": true,
	"residents": true, "sources": true, "doctors": true, "medics": true, "forces": true, "government": true, "military": true, "army": true}

// speakerKind is the claimant kind of a speaker named by its noun: a body
// or an official, or people who saw it.
func speakerKind(head string) string {
	switch head {
	case "witnesses", "eyewitnesses", "witness", "eyewitness", "residents", "resident", "sources", "source", "doctors", "medics":
		return dossier.ClaimantAnonymous
	}
	return dossier.ClaimantOfficial
}

// nounSpeaker reads a speaker named by a common noun phrase ending at token
// e-1, as the text writes it without its article: "the health ministry",
// "local police", "officials", "Zimbabwe police", "Burma's government",
// "Turkey's top officials"; "" when the head is not a speaker noun.
func (d *docState) nounSpeaker(st *sent, e int) string {
	toks := st.toks
	if e <= 0 || e > len(toks) || !speakerNouns[toks[e-1].Lower] {
		return ""
	}
	i := e - 1
	for i > 0 && i > e-5 {
		p := toks[i-1]
		if p.Text == "'s" || p.Text == "’s" {
			// "GROUP's military operations spokesman", "NAME's
			// spokesman": who speaks through him
			if toks[e-1].Is("spokesman", "spokeswoman", "spokesperson") {
				for _, m := range st.mentions {
					if m.j == i-1 && m.actor != nil && m.actor.kind != kindPlace && m.actor.kind != kindFacility {
						return m.actor.name
					}
				}
			}
			if i-1 > 0 && toks[i-2].Cap() && toks[i-2].Kind == text.Word {
				i -= 2 // "Burma's government"
				continue
			}
			break
		}
		if p.Kind != text.Word || p.Is("the", "a", "an", "and", "said", "to", "by", "according", "of", "that", "but", "as", "its", "their", "his", "her") || stopWord(p.Lower) {
			break
		}
		if !p.Cap() && !(i-1 == 0) && strings.HasSuffix(p.Lower, "ed") && !p.Is("unnamed", "unidentified", "armed") {
			break // a verb of another clause
		}
		i--
	}
	// a name that runs on across the stop ("X Fire and Rescue
	// Service spokesman"): all of it
	for _, m := range st.mentions {
		if m.j == e-1 && m.i < i && m.i >= e-10 && m.actor != nil {
			i = m.i
		}
	}
	// a body that speaks as one ("the health ministry", "the army"); a
	// crowd or an unnamed person ("police", "officials", "witnesses") only
	// with a name that says whose ("Kabul police", "Burma's government"):
	// unnamed crowds are not speakers a reader can weigh
	named := false
	for k := i; k < e; k++ {
		named = named || toks[k].Cap() && k != firstWord(st) || (toks[k].Text == "'s" || toks[k].Text == "’s")
	}
	for _, m := range st.mentions {
		named = named || m.i >= i && m.j < e && m.i == firstWord(st) // "Zimbabwe police claimed"
	}
	if !named && !institutionNouns[toks[e-1].Lower] {
		return ""
	}
	// "the ministry said" after "COUNTRY's Interior Ministry said": the body
	// the report named last with that head word
	if !named && i >= e-2 {
		if a := d.lastBodyHeaded(st, toks[e-1].Lower); a != nil {
			return a.name
		}
	}
	// "the military said", "the ministry said" with no body named before:
	// which one, the text does not say ("the health ministry" does)
	if !named && (i >= e-1 || i == e-2 && toks[i].Is("the", "a", "an")) {
		return ""
	}
	// "two current United States Defense officials": the name starts with
	// its first capital
	for named && i < e-1 && !toks[i].Cap() {
		i++
	}
	return text.Join(d.body, toks, i, e)
}

// lastBodyHeaded is the body (not a person, a place or a country) the
// report named last, up to sentence st, whose name ends in the head word.
func (d *docState) lastBodyHeaded(st *sent, head string) *actor {
	for n := st.idx; n >= 0 && n >= st.idx-12; n-- {
		ms := d.sents[n].mentions
		for k := len(ms) - 1; k >= 0; k-- {
			a := ms[k].actor
			if a == nil || a.kind == dossier.KindPerson || a.kind == dossier.KindState || a.kind == kindPlace || a.kind == kindFacility {
				continue
			}
			if strings.EqualFold(lastWordLower(a.name), head) {
				return a
			}
		}
	}
	return nil
}

// institutionNouns head a speaker that is one body even when unnamed.
var institutionNouns = map[string]bool{"ministry": true, "government": true, "army": true, "military": true, "hospital": true, "administration": true}

// subjectEnd walks back from a verb at token v over auxiliaries and
// adverbs ("has also condemned"): the end of the clause's subject.
func subjectEnd(toks []text.Token, v int) int {
	e := v
	for e > 0 && (toks[e-1].Is("have", "has", "had", "also", "later", "earlier", "then", "since", "reportedly", "strongly",
		"publicly", "officially", "immediately", "quickly", "all", "both", "yesterday", "today", "would", "will", "could", "did") ||
		// "GROUP is claiming responsibility": "is" before a verb in -ing
		v < len(toks) && toks[e-1].Is("is", "are", "was", "were") && strings.HasSuffix(toks[v].Lower, "ing")) {
		e--
	}
	return e
}

// speakerAt reads a speaker starting at token k, over titles and
// descriptions: "Russian interior minister Rashid Nurgaliyev", "a
// spokesman for the Investigative Committee, Vladimir Markin", "the
// Pima County sheriff".
func (d *docState) speakerAt(st *sent, k int) ([]*actor, []namedSpeaker) {
	toks := st.toks
	if a := d.namedPersonNoun(st, k); a != nil {
		return []*actor{a}, nil
	}
	for j := k; j < len(toks) && j < k+14; j++ {
		t := toks[j]
		if t.Text == "," && j > k && j+1 < len(toks) && !crowdNouns[toks[j-1].Lower] {
			// "said Turkish defense minister, Vecdi Gonul": the name after
			// the role (not after a crowd: "according to local police,
			// NAME, an 88-year-old man, has shot": the news's subject)
			if p := mentionAt(st, j+1); p != nil && p.kind == dossier.KindPerson {
				if a := d.speakerActor(p); a != nil {
					return []*actor{a}, nil
				}
			}
		}
		if t.Text == "." && j > k && abbreviation(toks[j-1]) {
			continue // "said Gen. Bassam Abdel Majid"
		}
		if t.Text == "." || t.Text == ";" || t.Text == "\"" || t.Text == "“" || t.Text == "," || t.Is("that", "to", "in", "on", "at") {
			break
		}
		m := mentionAt(st, j)
		if m == nil {
			if t.Kind == text.Word && !t.Cap() && j-k > 4 {
				break
			}
			continue
		}
		// "a spokesman for X, NAME": the person after the comma
		if j > k && toks[j-1].Is("for", "of", "from") || j > k+1 && toks[j-1].Lower == "the" && toks[j-2].Is("for", "of", "from") {
			// "a spokesman for the Kyrgyzstan's ministry of health"
			if m.actor == nil || m.actor.kind == dossier.KindState || m.demonym {
				if name, kind := d.bodyAfter(st, m); name != "" {
					return d.bodySpeaker(st, name, kind)
				}
			}
			e := m.j
			for e < len(toks) && e < m.j+8 && toks[e].Text != "," {
				e++
			}
			if e+1 < len(toks) && toks[e].Text == "," {
				if p := mentionAt(st, e+1); p != nil && (p.kind == dossier.KindPerson || p.kind == "") {
					if a := d.speakerActor(p); a != nil {
						return []*actor{a}, nil
					}
				}
			}
			if a := d.speakerActor(m); a != nil {
				return []*actor{a}, nil
			}
			continue
		}
		// "said Pittsburgh Public Safety Director NAME": a body, the
		// title it gives, and the person who holds it
		if p := titledPersonAfter(st, m); p != nil {
			if a := d.speakerActor(p); a != nil {
				return []*actor{a}, nil
			}
		}
		// "Burma's government", "the Zimbabwe police", "Pakistani
		// officials": a state or place and the body that speaks for it
		if m.actor == nil || m.actor.kind == dossier.KindState || m.kind == kindPlace || m.demonym {
			if name, kind := d.bodyAfter(st, m); name != "" {
				return d.bodySpeaker(st, name, kind)
			}
		}
		// "the Pima County sheriff": a place and a role
		if (m.kind == kindPlace || m.kind == kindFacility || m.kind == "") && !m.demonym && m.j < len(toks) && !toks[m.j].Cap() && toks[m.j].Kind == text.Word {
			if n, _ := d.x.lex.Roles.MatchAt(toks, m.j); n > 0 {
				// "St. Louis County Police Department spokesperson Tracy
				// Panus": the person who holds the role
				if p := d.personNear(st, m.j+n, 2); p != nil {
					return []*actor{p}, nil
				}
				return nil, []namedSpeaker{{name: text.Join(d.body, toks, m.i, m.j+n), kind: dossier.ClaimantOfficial}}
			}
		}
		// "said PARTY deputy leader NAME": a body, a role in it, and
		// the person who holds it speaks
		if m.actor != nil && m.actor.kind != dossier.KindPerson && m.j < len(toks) && !toks[m.j].Cap() && toks[m.j].Kind == text.Word {
			if n, _ := d.x.lex.Roles.MatchAt(toks, m.j); n > 0 {
				if p := d.personNear(st, m.j+n, 2); p != nil {
					return []*actor{p}, nil
				}
			}
		}
		if a := d.speakerActor(m); a != nil {
			return []*actor{a}, nil
		}
	}
	// "according to police", "according to local officials", "said a
	// military spokesman, Donald Oji"
	e := k
	for e < len(toks) && e < k+4 && toks[e].Kind == text.Word && !toks[e].Cap() && !toks[e].Is("of", "for", "that", "in", "on", "at", "to") {
		e++
	}
	if e > k && e+1 < len(toks) && toks[e].Text == "," && !crowdNouns[toks[e-1].Lower] {
		// "said a military spokesman, Donald Oji", "according to his
		// father, former president Amin Gemayel"
		if a := d.personNear(st, e+1, 3); a != nil {
			return []*actor{a}, nil
		}
	}
	if name := d.nounSpeaker(st, e); name != "" {
		return d.bodySpeaker(st, name, speakerKind(toks[e-1].Lower))
	}
	return nil, nil
}

// stateBodies head the name of a body of a state: "Burma's government",
// "the Iraq military", "Zimbabwe police", "the Interior Ministry".
var stateBodies = map[string]bool{"government": true, "ministry": true, "military": true, "army": true, "police": true,
	"forces": true, "administration": true, "authorities": true, "troops": true}

// bodySpeaker is the speaker a phrase names: a body of a state named with
// its state or its own name ("Burma's government", "Zimbabwe police") is
// an actor of its own, listed as the document writes it; other phrases
// ("Pakistani officials", "the top Peshawar official") speak without
// being actors.
func (d *docState) bodySpeaker(st *sent, name, kind string) ([]*actor, []namedSpeaker) {
	words := strings.Fields(name)
	head := strings.ToLower(words[len(words)-1])
	if !stateBodies[head] || kind != dossier.ClaimantOfficial || names.Problem(name) != "" {
		return nil, []namedSpeaker{{name: name, kind: kind}}
	}
	capital := false
	for _, w := range words {
		capital = capital || w != "" && unicode.IsUpper([]rune(w)[0])
	}
	if !capital {
		return nil, []namedSpeaker{{name: name, kind: kind}} // "the health ministry": which, the text does not say
	}
	if a := d.byKey[nameKey(name)]; a != nil {
		return []*actor{a}, nil
	}
	i := strings.Index(st.text, name)
	if i < 0 {
		i = 0
	}
	return []*actor{d.newStateBody(name, st.start+i, st.start+i+len(name))}, nil
}

// newStateBody makes the actor of a state's body named as the text writes
// it ("Burma's government", "the Peruvian army"), at body offsets
// start:end.
func (d *docState) newStateBody(name string, start, end int) *actor {
	a := d.newActor(name, dossier.KindState, true, nil)
	a.first = d.evidence("actor", start, end, dossier.MethodProse, 0.6)
	a.used = true
	return a
}

// appositionOf returns the person a role noun at token k stands in
// apposition to: "NAME, a (senior, foreign press ...) spokesman", the
// name ending just before the comma that opens the apposition.
func appositionOf(st *sent, k int) *mention {
	toks := st.toks
	b := k - 1
	for b >= 0 && b > k-6 && toks[b].Kind == text.Word && !toks[b].Is("a", "an", "the") && !stopWord(toks[b].Lower) {
		b--
	}
	comma := -1 // the comma the role follows
	switch {
	case b >= 1 && toks[b].Is("a", "an", "the") && toks[b-1].Text == ",":
		comma = b - 1
	case b >= 1 && b < k && toks[b].Text == ",":
		comma = b // "NAME, spokesman for the X hospital, told": a role with no article
	}
	if comma < 1 {
		return nil
	}
	// (a name of two words or more the text has not typed yet is the
	// person the role describes)
	if p := mentionEndingAt(st, comma); p != nil && (p.kind == dossier.KindPerson || p.kind == "" && p.j-p.i >= 2) {
		return p
	}
	return nil
}

// bodyAfter reads the body that speaks for a state or place mention: the
// mention and the speaker noun after it ("Burma's government", "Zimbabwe
// police", "Turkey's top officials", "Pakistani security officials").
func (d *docState) bodyAfter(st *sent, m *mention) (string, string) {
	toks := st.toks
	h := m.j
	if h < len(toks) && (toks[h].Text == "'s" || toks[h].Text == "’s") {
		h++
	}
	for ; h < len(toks) && h < m.j+4; h++ {
		t := toks[h]
		if t.Kind != text.Word || stopWord(t.Lower) {
			return "", ""
		}
		if speakerNouns[t.Lower] {
			return text.Join(d.body, toks, m.i, h+1), speakerKind(t.Lower)
		}
	}
	return "", ""
}

// speakersBefore finds who speaks through the verb at token v: the subject
// of the clause, all of a coordination ("X and Y were among those who
// condemned"), the names after "including", or an anonymous source.
func (d *docState) speakersBefore(st *sent, v int) ([]*actor, []namedSpeaker) {
	toks := st.toks
	// "including X and Y" before the verb
	for k := v - 1; k >= 0; k-- {
		if toks[k].Lower == "including" {
			var out []*actor
			for _, m := range st.mentions {
				if m.i > k && m.j <= v {
					if a := d.speakerActor(m); a != nil {
						out = append(out, a)
					}
				}
			}
			if len(out) > 0 {
				return out, nil
			}
			break
		}
	}
	// anonymous sources: "anonymous regional officials ... told Reuters"
	for k := 0; k < v; k++ {
		if toks[k].Is("anonymous", "unnamed", "unidentified") {
			e := k + 1
			for e < v && e < k+4 && toks[e].Kind == text.Word && !toks[e].Is("officials", "sources", "diplomats", "official", "source") {
				e++
			}
			if e < v && toks[e].Is("officials", "sources", "diplomats", "official", "source") {
				name := text.Join(d.body, toks, k, e+1)
				// the anonymous speaker is an actor of its own kind
				if d.byKey[nameKey(name)] == nil {
					a := d.newActor(name, dossier.KindOther, true, nil)
					a.first = d.evidence("actor", toks[k].Start, toks[e].End, dossier.MethodProse, 0.6)
					a.used = true
				}
				return nil, []namedSpeaker{{name: name, kind: dossier.ClaimantAnonymous}}
			}
		}
	}
	// "A representative for the Interior Ministry told": the organisation speaks
	for k := 0; k+1 < v; k++ {
		if toks[k].Is("spokesman", "spokeswoman", "spokesperson", "representative", "official", "officials", "source", "sources", "statement") &&
			toks[k+1].Is("for", "of", "from") {
			j := k + 2
			if j < v && toks[j].Lower == "the" {
				j++
			}
			if m := mentionAt(st, j); m != nil && m.j <= v {
				if m.kind == kindPlace && toks[k].Is("official", "officials", "source", "sources") {
					break // "two other officials from Miranshah": unnamed officials of a place
				}
				if j2 := m.j; j2 < v && toks[j2].Text == "," {
					if p := mentionAt(st, j2+1); p != nil && p.kind == dossier.KindPerson {
						if a := d.speakerActor(p); a != nil {
							return []*actor{a}, nil
						}
					}
				}
				// "Micky Rosenfeld, a foreign press spokesman for the
				// Israel Police, said": the person the role describes
				if p := appositionOf(st, k); p != nil {
					if a := d.speakerActor(p); a != nil {
						return []*actor{a}, nil
					}
				}
				return d.orgSpeaker(st, m)
			}
		}
	}
	// the subject is a body or people named by a common noun: "Zimbabwe
	// police claimed", "local officials said", "Witnesses told"; a named
	// group or person in it speaks itself ("a Hamas spokesman said")
	if e := subjectEnd(toks, v); e > 0 && speakerNouns[toks[e-1].Lower] {
		name := d.nounSpeaker(st, e)
		from := e - len(strings.Fields(name)) // where the phrase starts, about
		if name != "" && toks[e-1].Is("office") {
			// "NAME's office said": the person's office speaks for him
			for _, m := range st.mentions {
				if m.j < e && m.j >= from && (toks[m.j].Text == "'s" || toks[m.j].Text == "’s") && m.actor != nil && m.actor.kind == dossier.KindPerson {
					if a := d.speakerActor(m); a != nil {
						return []*actor{a}, nil
					}
				}
			}
		}
		if name != "" && !namesSpeaker(st, from, e) {
			// "Israel's national rescue service": the state speaks by its
			// body, and is an actor of the report
			for _, m := range st.mentions {
				if m.i >= from-1 && m.j < e && m.actor != nil && m.actor.kind == dossier.KindState {
					m.actor.used = true
				}
			}
			return d.bodySpeaker(st, name, speakerKind(toks[e-1].Lower))
		}
		if name == "" && e-2 >= 0 && (toks[e-2].Is("the", "local", "other", "some", "several", "many") || toks[e-2].Text == ",") {
			// "..., in Kabul, Afghanistan, the office said", "..., local
			// officials said": the subject is an unnamed body or crowd,
			// not a name before it
			return nil, nil
		}
		if name == "" {
			// "..., a security official told AFP", "a senior police
			// officer said": an article before a few common words
			for b := e - 2; b >= 0 && b >= e-4; b-- {
				if toks[b].Is("a", "an", "the", "another", "one") {
					return nil, nil
				}
				if toks[b].Kind != text.Word || toks[b].Cap() {
					break
				}
			}
		}
	}
	// a document speaks: "..., a report says", "the newspaper's article
	// said"; nobody named in its phrase, no speaker
	if e := subjectEnd(toks, v); e > 0 && documentNouns[toks[e-1].Lower] {
		b := e - 1
		for b > 0 && toks[b-1].Kind == text.Word && !toks[b-1].Cap() && !toks[b-1].Is("and", "but", "that", "which") {
			b--
		}
		named := false
		for _, m := range st.mentions {
			named = named || m.i >= b && m.j <= e
		}
		if !named {
			return nil, nil
		}
	}
	// "..., the DIG told reporters": a subject of a few words after a
	// comma, an article and no name, is the speaker, whom the report does
	// not name here; not a name earlier in the sentence
	if e := subjectEnd(toks, v); e > 1 {
		c := e - 1
		for c > 0 && c >= e-4 && toks[c].Text != "," {
			c--
		}
		if toks[c].Text == "," && c+2 < e && toks[c+1].Is("the", "a", "an") && !slices.ContainsFunc(st.mentions, func(m *mention) bool { return m.i > c && m.i < e }) {
			return nil, nil
		}
	}
	// the subject: walk back from the verb over the clause
	var cands []*mention
	for _, m := range st.mentions {
		if m.j > v {
			break
		}
		p := m.i - 1
		nouns := 0
		for p >= 0 && (toks[p].Is("the", "a", "an", "central") || !toks[p].Cap() && strings.HasSuffix(toks[p].Lower, "ern") ||
			nouns < 2 && toks[p].Kind == text.Word && !toks[p].Cap() && !strings.HasSuffix(toks[p].Lower, "ed") && !stopWord(toks[p].Lower) && p > 0 && (toks[p-1].Is("by", "of", "to", "for", "the", "a") || nouns == 0 && p > 1 && toks[p-2].Is("by", "of", "to", "for"))) {
			// "in northwestern Pakistan", "led by militant Abu Musab
			// al-Zarqawi", "aide to prime minister NAME": still a
			// prepositional phrase
			if !toks[p].Is("the", "a", "an", "central") && !strings.HasSuffix(toks[p].Lower, "ern") {
				nouns++
			}
			p--
		}
		if p >= 2 && toks[p].Is("'s", "’s") && toks[p-1].Cap() && toks[p-2].Is("in", "at", "from", "of", "near") {
			p -= 2 // "in Egypt's Sinai Peninsula": still the place's phrase
		}
		titleOfBody := p >= 1 && toks[p].Is("of") && m.kind == dossier.KindPerson && p+1 < m.i && stateBodies[toks[p+1].Lower] &&
			(toks[p-1].Cap() || toks[p-1].Text == ")" && p >= 3 && toks[p-3].Text == "(") // ("Inspector-General (DIG) of police NAME")
		if !titleOfBody && p >= 0 && (toks[p].Is("of", "for", "in", "at", "from", "with", "by", "to", "against", "on") || toks[p].Text == "(") {
			// inside a prepositional phrase or an aside: "president of
			// Iraqi Kurdistan", "(Burma)"; not the person a title of a
			// body names: "Deputy Inspector General of police NAME"
			continue
		}
		if m.kind == "" && m.j-m.i >= 2 && compassWord(toks[m.j-1].Lower) && !d.x.lex.GivenNames[toks[m.i].Lower] {
			continue // "NAME, SP Imphal East, said": the office's district, no one
		}
		if m.j < v && toks[m.j].Is("'s", "’s") && (m.kind == dossier.KindPerson || m.actor != nil && m.actor.kind == dossier.KindPerson) {
			continue // "condemned NAME's death in a post": whose death, not who wrote
		}
		cands = append(cands, m)
	}
	if len(cands) == 0 {
		// "Police say", "The health ministry said", "officials said"
		e := v
		for e > 0 && toks[e-1].Is("have", "has", "had", "also", "later", "earlier") {
			e--
		}
		if name := d.nounSpeaker(st, e); name != "" {
			return nil, []namedSpeaker{{name: name, kind: dossier.ClaimantOfficial}}
		}
		return nil, nil
	}
	// a capital right before the verb stands for its government:
	// "Moscow denied any involvement", "a claim CAPITAL denies"
	if last := cands[len(cands)-1]; last.j == subjectEnd(toks, v) && last.kind == kindPlace && last.place != nil &&
		last.place.Feature == "PPLC" && last.place.Country != "" && !(last.i >= 1 && toks[last.i-1].Text == ",") {
		m := *last
		m.country, m.actor = last.place.Country, nil
		return []*actor{d.stateActor(&m)}, nil
	}
	// names inside a quotation before the verb are what was said, not who
	// said it: `"... from COUNTRY," NAME, State Minister for X, told AFP`
	if q := lastQuoteBefore(toks, v); q >= 0 {
		var outside []*mention
		for _, m := range cands {
			if m.i > q {
				outside = append(outside, m)
			}
		}
		if len(outside) > 0 {
			cands = outside
		}
	}
	// the last candidate before the verb, or those coordinated with it; but
	// "David Gonzales, a US Marshal, said": the name before an apposition
	last := cands[len(cands)-1]
	if len(cands) >= 2 && v > 0 && toks[v-1].Text == "," {
		first := cands[0]
		if first.j < len(toks) && toks[first.j].Text == "," && (first.kind == dossier.KindPerson || first.actor != nil && first.actor.kind == dossier.KindPerson) {
			last = first
			cands = cands[:1]
		} else if open := asideOpen(toks, v-1); open > 0 {
			// "the Taliban, whose regime the US overthrew in 2001, claimed":
			// the subject stands before the aside
			var before []*mention
			for _, m := range cands {
				if m.j <= open {
					before = append(before, m)
				}
			}
			if len(before) > 0 && before[len(before)-1].j == open {
				cands = before
				last = before[len(before)-1]
			}
		}
	}
	// "X was among"/"X and Y were among the leaders who condemned"
	var out []*actor
	if a := d.speakerActor(last); a != nil {
		out = append(out, a)
	} else if last.kind == "" && last.actor == nil && len(last.surface) >= 3 && isAcronym(last.surface) && last.j == subjectEnd(toks, v) &&
		!(last.i > 0 && toks[last.i-1].Is("the", "a", "an")) {
		// "ISPR said in a statement": an acronym no list knows, the
		// subject of the speech verb, is a body's
		if a := d.actorOf(last, dossier.KindOrganization); a != nil {
			out = append(out, a)
		}
	}
	// (a list: "Hezbollah, al-Aqsa Martyrs' Brigades, Islamic Jihad and
	// Hamas all denied"; its last link is "and")
	for i := len(cands) - 2; i >= 0; i-- {
		m, next := cands[i], cands[i+1]
		and := next.i-m.j == 1 && toks[m.j].Is("and") || next.i-m.j == 2 && toks[m.j].Text == "," && toks[m.j+1].Is("and") ||
			titledAfterAnd(toks, m.j, next) // "Governor NAME and Chief Minister NAME condemned"
		comma := next.i-m.j == 1 && toks[m.j].Text == "," && len(out) >= 2
		if and || comma {
			if a := d.speakerActor(m); a != nil {
				out = append(out, a)
			}
			continue
		}
		break
	}
	// an apposition: "Louis Raphaël I Sako" is the speaker even after a
	// role phrase; but "Matthew Zais" in "According to Matthew Zais" is not
	// the subject of a later verb
	// (but a place right before the verb is its subject, one this does
	// not read as a speaker: "a claim CAPITAL denies" is not the first
	// name's)
	if len(out) == 0 && !(last.kind == kindPlace && last.j == subjectEnd(toks, v)) {
		if a := d.speakerActor(cands[0]); a != nil {
			out = append(out, a)
		}
	}
	return out, nil
}

// titledPersonAfter is the person mention that follows mention m after
// capitalised title words only ("Public Safety Director", "Chief"), the
// title being the person's role; nil otherwise.
func titledPersonAfter(st *sent, m *mention) *mention {
	if m.kind == dossier.KindPerson || m.actor != nil && m.actor.kind == dossier.KindPerson {
		return nil
	}
	for _, q := range st.mentions {
		if q.i <= m.j || q.i-m.j > 3 || q.role == "" || q.kind != dossier.KindPerson {
			continue
		}
		ok := true
		for c := m.j; c < q.i; c++ {
			ok = ok && st.toks[c].Kind == text.Word && st.toks[c].Cap()
		}
		if ok {
			return q
		}
	}
	return nil
}

// titledAfterAnd says whether "and" at token k is followed by the title of
// the person mention next, and nothing else: "Governor NAME and Chief
// Minister NAME".
func titledAfterAnd(toks []text.Token, k int, next *mention) bool {
	if next.role == "" || k >= len(toks) || !toks[k].Is("and") || next.i-k-1 < 1 || next.i-k-1 > 4 {
		return false
	}
	for c := k + 1; c < next.i; c++ {
		if toks[c].Kind != text.Word || !toks[c].Cap() {
			return false
		}
	}
	return true
}

// asideOpen is the comma that opens an aside closed by the comma at c,
// when the aside is a relative clause or an apposition ("who", "whose",
// "which", "a", "an", "the"): -1 otherwise.
func asideOpen(toks []text.Token, c int) int {
	for k := c - 1; k > 0; k-- {
		if toks[k].Text == ";" || toks[k].Text == "\"" {
			return -1
		}
		if toks[k].Text == "," {
			if k+1 < c && toks[k+1].Is("who", "whose", "which", "a", "an", "the", "its", "their", "his", "her") {
				return k
			}
			return -1
		}
	}
	return -1
}

// documentNouns are things written that a report cites as saying
// something; their author, when named in the phrase, speaks.
var documentNouns = map[string]bool{"report": true, "reports": true, "study": true, "survey": true, "document": true, "documents": true,
	"article": true, "articles": true, "story": true, "video": true, "footage": true, "letter": true, "message": true, "website": true}

// namesSpeaker says whether a group, organisation or person is named in
// toks[i:j]: then it is the speaker, not the phrase.
func namesSpeaker(st *sent, i, j int) bool {
	for _, m := range st.mentions {
		if m.i >= i && m.j <= j && m.actor != nil && m.actor.kind != dossier.KindState && !m.demonym {
			return true
		}
	}
	return false
}

// orgSpeaker names an organisation that speaks, as the text writes it:
// "the Burundi government", "the Interior Ministry".
func (d *docState) orgSpeaker(st *sent, m *mention) ([]*actor, []namedSpeaker) {
	toks := st.toks
	if m.j < len(toks) && toks[m.j].Is("government", "ministry", "military", "army", "police", "authorities", "officials") {
		return nil, []namedSpeaker{{name: text.Join(d.body, toks, m.i, m.j+1), kind: dossier.ClaimantOfficial}}
	}
	if a := d.speakerActor(m); a != nil {
		return []*actor{a}, nil
	}
	if m.actor == nil && (m.kind == dossier.KindState || m.demonym) {
		a := d.stateActor(m)
		return []*actor{a}, nil
	}
	if m.kind == kindPlace {
		// a place does not speak, nor does the place an office is named
		// by ("District Police Officer TOWN said"); a hospital or a
		// university, named as sites, do
		return nil, nil
	}
	return nil, []namedSpeaker{{name: m.surface, kind: dossier.ClaimantOfficial}}
}

// speakerActor returns the actor a mention names if it can speak.
func (d *docState) speakerActor(m *mention) *actor {
	if m.kind == kindFacility && m.actor == nil && m.j > m.i && m.st.toks[m.j-1].Is("embassy", "consulate") {
		// "the X Embassy condemned the attack": a mission speaks
		// for its state; as the speaker it is a body, not a building
		m.kind = dossier.KindOrganization
		return d.actorOf(m, dossier.KindOrganization)
	}
	if m.demonym || m.kind == kindPlace || m.kind == kindFacility {
		return nil
	}
	if m.actor != nil {
		return m.actor
	}
	if m.kind == dossier.KindPerson || m.kind == "" && strings.Contains(m.surface, " ") {
		return d.actorOf(m, dossier.KindPerson)
	}
	return nil
}

// stanceOf picks the strongest stance cue of the sentence after the
// speaker; none means "other".
func (d *docState) stanceOf(st *sent, stances []text.Match[lexicon.Stance], from int) (string, string) {
	best, bestW, cue := dossier.StanceOther, 0, ""
	for _, m := range stances {
		if m.J <= from-6 {
			continue
		}
		if negated(st.toks, m.I) && m.Val.Stance != dossier.StanceDeny {
			continue
		}
		if m.Val.Stance == dossier.StanceAccuse && m.I > 0 && st.toks[m.I-1].Is("who", "whoever", "whether") {
			continue // "to determine who was responsible" asks, it does not accuse
		}
		if m.Val.Stance == dossier.StanceSupport && actorBetween(st, from, m.I) {
			continue // "Press TV stated that Al-Qaeda's wing claimed responsibility": the group claims, not the speaker
		}
		if askedWho(st.toks, m.I) {
			continue // "when informed of who claimed responsibility": a question, nobody's stance
		}
		if from > 0 && newSubjectAfterBreak(st.toks, from, m.I) {
			continue // "X held Y responsible, however the group denied it": the denial is the group's
		}
		if m.Val.Weight > bestW {
			best, bestW, cue = m.Val.Stance, m.Val.Weight, text.Join(d.body, st.toks, m.I, m.J)
		}
	}
	// "held the Orange Order responsible": the phrase around its object
	if i := heldResponsible(st.toks); i >= 0 && i >= from-6 && 3 > bestW {
		k := i + 2
		for st.toks[k].Lower != "responsible" {
			k++
		}
		best, bestW, cue = dossier.StanceAccuse, 3, text.Join(d.body, st.toks, i, k+1)
	}
	return best, cue
}

// heldResponsible is the token of "held" in "held X responsible" (X of
// at most five words, in one clause), or -1.
func heldResponsible(toks []text.Token) int {
	for i, t := range toks {
		if !t.Is("held", "hold", "holds", "holding") || negated(toks, i) {
			continue
		}
		for k := i + 2; k < len(toks) && k <= i+7; k++ {
			if toks[k].Text == "," || toks[k].Text == "." {
				break
			}
			if toks[k].Lower == "responsible" {
				return i
			}
		}
	}
	return -1
}

// actorBetween says whether an actor is named between tokens i and j: the
// subject of a clause the speaker reports.
func actorBetween(st *sent, i, j int) bool {
	for _, m := range st.mentions {
		if m.i > i && m.j <= j && m.actor != nil && m.actor.kind != dossier.KindState {
			return true
		}
	}
	return false
}

// alsoStances are the strong stances of a sentence other than its best:
// "has stated that it is not responsible for the blast and condemns the
// attack" denies and condemns; "condemned the attack and accused Hamas"
// condemns and accuses.
func (d *docState) alsoStances(st *sent, stances []text.Match[lexicon.Stance], from, v int, best string) []string {
	var out []string
	for _, m := range stances {
		if m.J <= from-6 || m.Val.Weight < 3 || m.Val.Stance == best || slices.Contains(out, m.Val.Stance) {
			continue
		}
		if clauseBreak(st.toks, v, m.I) {
			continue // "X denied involvement, but according to the BBC Y claimed it"
		}
		if negated(st.toks, m.I) && m.Val.Stance != dossier.StanceDeny {
			continue
		}
		if m.Val.Stance == dossier.StanceAccuse && m.I > 0 && st.toks[m.I-1].Is("who", "whoever", "whether") {
			continue
		}
		if m.Val.Stance == dossier.StanceSupport && actorBetween(st, v, m.I) {
			continue // "Press TV stated that Al-Qaeda's wing claimed responsibility": the group claims
		}
		if askedWho(st.toks, m.I) {
			continue
		}
		if subj := mentionEndingAt(st, m.I); subj != nil && subj.i > v && (subj.actor != nil || subj.kind == kindPlace) {
			continue // "X accused Y of it, a claim CAPITAL denies": the denial has a subject of its own
		}
		out = append(out, m.Val.Stance)
	}
	return out
}

// clauseBreak says whether a clause of another subject may start between
// tokens i and j: "but", "however", "while", "whereas", "although".
func clauseBreak(toks []text.Token, i, j int) bool {
	if i > j {
		i, j = j, i
	}
	for k := i; k < j && k < len(toks); k++ {
		if toks[k].Is("but", "however", "while", "whereas", "although", "though", "meanwhile") ||
			k > 0 && toks[k-1].Text == "," && toks[k].Is("which", "who", "whom") {
			return true
		}
	}
	return false
}

// channelOf reads how a statement was made: a tweet, a statement, "told Reuters".
func (d *docState) channelOf(st *sent, speech []text.Match[string]) string {
	for _, m := range speech {
		if m.Val != "" {
			return m.Val
		}
		if st.toks[m.I].Lower == "told" && m.J < len(st.toks) {
			if mm := mentionAt(st, m.J); mm != nil && mm.actor != nil && mm.actor.kind == dossier.KindMedia {
				return "told " + mm.surface
			}
			if st.toks[m.J].Cap() {
				return "told " + st.toks[m.J].Text
			}
		}
	}
	return ""
}

// quoteIn returns the first quoted passage of a sentence.
func quoteIn(s string) string {
	for _, pair := range [][2]string{{"\"", "\""}, {"“", "”"}} {
		i := strings.Index(s, pair[0])
		if i < 0 {
			continue
		}
		rest := s[i+len(pair[0]):]
		j := strings.Index(rest, pair[1])
		if j <= 0 {
			continue
		}
		q := strings.TrimSpace(rest[:j])
		if len(strings.Fields(q)) >= 2 {
			return q
		}
	}
	return ""
}

// lastSpeaker is the person of the latest statement before a sentence.
func (d *docState) lastSpeaker(st *sent) *actor {
	for i := len(d.stmts) - 1; i >= 0; i-- {
		s := d.stmts[i]
		if s.speaker != nil && s.speaker.kind == dossier.KindPerson && s.st.idx <= st.idx {
			return s.speaker
		}
	}
	return nil
}

// notSpeech says whether the speech verb at tokens i..j does not report
// speech in its sentence: its subject is nobody ("no one has claimed
// responsibility", "no group claimed it") or a question's ("informed of
// who claimed responsibility"); "called" summons or names
// ("police called to the scene", "a group called the Falcons"); "sent"
// and "offered" give something other than words ("sent troops", "offered
// a reward"), not condolences or a message.
func notSpeech(toks []text.Token, i, j int) bool {
	if negativeSubject(toks, i) || askedWho(toks, i) {
		return true
	}
	next := func(k int) string {
		if k < len(toks) {
			return toks[k].Lower
		}
		return ""
	}
	switch toks[i].Lower {
	case "called":
		if j-i > 1 {
			return false
		}
		switch next(j) {
		case "to", "in", "out", "off", "up", "back", "away":
			return true // "called to the scene", "called in"
		}
		if j < len(toks) && toks[j].Cap() && i > 0 && toks[i-1].Is("group", "groups", "organization", "organisation", "movement", "faction",
			"militia", "outfit", "cell", "network", "party", "village", "town", "area", "district", "camp", "operation", "place", "itself", "themselves") {
			return true // "a group called Hezb al-Islam", "a village called X": a name (not "the minister called Hamas ...")
		}
	case "sent", "offered":
		if j-i > 1 {
			return false
		}
		for k := j; k < len(toks) && k < j+5; k++ {
			if toks[k].Is("condolence", "condolences", "message", "messages", "letter", "letters", "statement", "note", "telegram",
				"greetings", "sympathy", "sympathies", "wishes", "prayers", "regrets", "words", "apology", "apologies", "tweet", "cable") {
				return false
			}
		}
		return true
	}
	return false
}

// negativeSubject says whether the verb at token i has nobody for its
// subject: "no one has claimed", "nobody said", "no group claimed",
// "none of the groups has claimed".
func negativeSubject(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := toks[k]
		if t.Kind != text.Word || t.Is("but", "and", "though", "although", "while", "whereas") {
			return false
		}
		if t.Is("nobody", "none") {
			return true
		}
		if t.Is("no") && k+1 < i && toks[k+1].Is("one", "group", "groups", "organization", "organisation", "militant", "militants",
			"faction", "party", "side", "body", "individual", "claim", "other") {
			return true
		}
	}
	return false
}

// askedWho says whether the stance phrase at token i is the verb of an
// indirect question: "of who claimed responsibility", "whoever carried
// it out" (not "Hamas, who claimed responsibility", "the leaders who
// condemned the attack": relative clauses).
func askedWho(toks []text.Token, i int) bool {
	if i < 1 {
		return false
	}
	if toks[i-1].Is("whoever") {
		return true
	}
	// (after a word that asks or knows; "the leaders who condemned it"
	// is a relative clause: the leaders condemned it)
	return i >= 2 && toks[i-1].Is("who") && toks[i-2].Is("of", "about", "as", "on", "know", "knew", "known", "unclear", "clear",
		"determine", "establish", "identify", "asked", "ask", "investigating", "investigate", "wondered", "certain", "sure")
}

// newSubjectAfterBreak says whether a clause of another subject starts
// between tokens i and j: a contrast ("but", "however", "while", ...)
// followed by a subject of its own ("however the group denied", "but
// Hamas said"), not by a verb of the same subject ("but condemned").
func newSubjectAfterBreak(toks []text.Token, i, j int) bool {
	for k := i; k < j && k < len(toks); k++ {
		if !toks[k].Is("but", "however", "while", "whereas", "although", "though", "meanwhile") {
			continue
		}
		n := k + 1
		for n < j && toks[n].Text == "," {
			n++
		}
		if n < j && (toks[n].Is("the", "a", "an", "he", "she", "they", "it", "we", "its", "their") || toks[n].Cap() && toks[n].Kind == text.Word) {
			return true
		}
	}
	return false
}

// lastQuoteBefore is the index of the last quotation mark before token v,
// or -1.
func lastQuoteBefore(toks []text.Token, v int) int {
	for k := v - 1; k >= 0; k-- {
		if toks[k].Text == "\"" || toks[k].Text == "”" || toks[k].Text == "“" {
			return k
		}
	}
	return -1
}

// nameThenApposition says whether the words from token k are a name of at
// most three capitalised words, a comma and a description that closes
// the sentence: "FIRST LAST, the school's principal."
//
// A longer description counts when a role or a speaker's noun heads it:
// "FIRST LAST, a spokesman for a group that runs the camps".
func (d *docState) nameThenApposition(toks []text.Token, k int) bool {
	e := k
	for e < len(toks) && e < k+3 && toks[e].Kind == text.Word && toks[e].Cap() {
		e++
	}
	// ("FIRST LAST, the school's principal", "FIRST LAST, Kandi's mayor")
	possessor := e+2 < len(toks) && toks[e+1].Cap() && toks[e+2].Is("'s", "’s")
	if e == k || e+1 >= len(toks) || toks[e].Text != "," || !toks[e+1].Is("a", "an", "the") && !possessor {
		return false
	}
	if endsSentence(toks, e+1, 10) {
		return true
	}
	for c := e + 2; c < len(toks) && c <= e+6; c++ {
		if toks[c].Is("'s", "’s") {
			continue
		}
		if toks[c].Kind != text.Word || toks[c].Is("that", "who", "which", "and") {
			break
		}
		if n, _ := d.x.lex.Roles.MatchAt(toks, c); n > 0 || speakerNouns[toks[c].Lower] && !crowdNouns[toks[c].Lower] {
			return true
		}
	}
	return false
}
