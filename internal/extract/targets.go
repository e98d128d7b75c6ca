package extract

// Targets in news: candidates, then choice.
//
// The rules (roles.go's cues, findTargets' lead reading) name at most one
// group of people and one site. A report's targets are more often two
// (the site and the people in it: "a checkpoint ... killing two security
// officials") and are written with the words that qualify them ("the
// courthouse in Newry", "employees of the publishing house"). So every
// phrase of the first paragraphs headed by a word of the lexicon's
// targets list is proposed, in several spans (starting at its modifiers,
// or before them at a hyphenated compound or a count; ending at the head,
// or after the owner "of" gives it, or after a place or owner "in", "at",
// "of" or "from" gives it), together with the people the first paragraphs
// name, the headline's target phrases, the rules' targets and a site the
// headline names; each is described by sparse binary features (the word
// before it, its head and kind, the paragraph, the casualty, event and
// weapon words of its sentence, where it stands to them) and a logistic
// regression trained on the news set's dev split (`go run ./tools/train
// targets`) keeps the best one above one threshold and any other above
// another: one span a head, and a headline's phrase only when the lead
// names nothing of its kind (SameTarget). It applies only when the model
// file says cross-validation found it better than the rules. Each chosen
// target carries the sentence (or the headline) it was read from.

import (
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/text"
)

//go:embed data/target-model.json
var targetModelJSON []byte

// modelCandParas is how many paragraphs after the lead's the choice
// reads candidates from.
const modelCandParas = 3

// Candidate is one value a document proposes for a model's choice (a
// target, a statement), named, with its features.
type Candidate struct {
	Name     string
	Features []string
}

// TargetCandidates returns the candidates for the targets of a news
// report's main incident, with their features, and what the rules alone
// choose, for tools/train. A document the choice does not apply to (an
// encyclopedia article) has no candidates.
func (x *Extractor) TargetCandidates(doc *dossier.Document) ([]Candidate, []string, error) {
	y := *x
	y.target = nil
	d, _, err := y.extract(doc)
	if err != nil || d == nil {
		return nil, nil, err
	}
	var out []Candidate
	for _, c := range d.targetCands {
		out = append(out, Candidate{Name: c.name, Features: c.feats})
	}
	return out, d.ruleTargets, nil
}

// choiceCand is a candidate target with what the choice needs.
type choiceCand struct {
	name  string
	head  string // lower-case head word (whether it recurs is a feature)
	actor *actor
	ev    dossier.Evidence
	feats map[string]bool
	fs    []string // feats, sorted
	p     float64
}

// chooseTargets rebuilds a news report's main incident's targets from the
// candidates the model keeps.
func (d *docState) chooseTargets(in *incident, ms []*sent, lead int) {
	if !d.news || !in.main {
		return
	}
	d.ruleTargets = append([]string(nil), in.targets...)
	cands := d.targetCandidates(in, ms, lead)
	d.targetCands = nil
	for _, c := range cands {
		var fs []string
		for f := range c.feats {
			fs = append(fs, f)
		}
		sort.Strings(fs)
		c.fs = fs
		d.targetCands = append(d.targetCands, &modelCand{name: c.name, feats: fs})
		c.p = -1
		if m := d.x.target; m != nil && m.Adopted {
			c.p = m.Prob(fs)
		}
	}
	m := d.x.target
	if m == nil || !m.Adopted {
		return
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].p > cands[j].p })
	var kept []*choiceCand
	for i, c := range cands {
		if c.p < m.Threshold && !(i == 0 && c.p >= m.TopThreshold) {
			continue
		}
		if slices.ContainsFunc(kept, func(k *choiceCand) bool { return SameTarget(k.name, k.fs, c.name, c.fs) }) {
			continue
		}
		c.name = trimTarget(c.name)
		if notTargetWords[lastWordLower(c.name)] || !targetShape(c.name) {
			continue // "shot dead the assailants", "killed one": no target
		}
		kept = append(kept, c)
	}
	in.targets = nil
	in.dropEvidence("targets")
	for a, r := range in.actors {
		if r == "target" {
			delete(in.actors, a)
		}
	}
	for _, c := range kept {
		ev := c.ev
		ev.Confidence = math.Round(c.p*100) / 100
		in.addRole("target", c.name, c.actor, ev)
	}
}

// notTargetSpan says whether the target phrase toks[start:j] (its head
// toks[i:j] of the lexicon's kind) is something else in its sentence:
// a speaker ("two U.S. officials told Reuters"), the first word of a
// longer noun ("a police officer", "a car bomb"), or the other side
// ("a gun battle with GROUP rebels", "a town controlled by fighters",
// "accused the rebels of").
func (d *docState) notTargetSpan(st *sent, i, j, start int, kind string) bool {
	toks := st.toks
	if j < len(toks) {
		next := toks[j]
		if kind == "people" && next.Is("said", "say", "says", "told", "confirmed", "reported", "added", "stated") {
			return true
		}
		if next.Kind == text.Word && !next.Cap() && d.targetHeadAt(toks, j) {
			return true
		}
		for _, w := range st.weapons {
			if w.I <= i && w.J > i || w.I == j {
				return true // "a car bomb", "a truck bomb"
			}
		}
	}
	if kind == "people" && armedParty[toks[j-1].Lower] {
		b := compoundStart(toks, start) - 1
		for b >= 0 && toks[b].Is("the", "a", "an", "suspected", "alleged", "unidentified", "unknown") {
			b-- // "an ambush by suspected Naga insurgents"
		}
		if b >= 0 && toks[b].Is("by", "with", "accused", "blamed", "against") {
			return true
		}
	}
	return false
}

// targetHeadAt says whether a head of the targets lexicon starts at token k.
func (d *docState) targetHeadAt(toks []text.Token, k int) bool {
	n, _ := d.x.lex.Targets.MatchAt(toks, k)
	return n > 0
}

// modelCand is a candidate as tools/train sees it.
type modelCand struct {
	name  string
	feats []string
}

// SameTarget says whether two candidate targets (names and features) are
// one: the same head word, one phrase inside the other, or a phrase of
// the headline and one of the text of the same kind (a headline sums up
// its lead: "gunman opens fire in Netherlands shopping centre" is the
// lead's "busy shopping mall").
func SameTarget(a string, fa []string, b string, fb []string) bool {
	if OverlapTarget(a, featValue(fa, "head:"), b, featValue(fb, "head:")) {
		return true
	}
	ta, tb := slices.Contains(fa, "src:title"), slices.Contains(fb, "src:title")
	return ta != tb && featValue(fa, "kind:") != "" && featValue(fa, "kind:") == featValue(fb, "kind:")
}

// featValue is the value of the first feature with the prefix, or "".
func featValue(fs []string, prefix string) string {
	for _, f := range fs {
		if v, ok := strings.CutPrefix(f, prefix); ok {
			return v
		}
	}
	return ""
}

// OverlapTarget says whether two targets are one: the same head word, or
// one phrase inside the other.
func OverlapTarget(a, ha, b, hb string) bool {
	if ha != "" && ha == hb {
		return true
	}
	la, lb := strings.ToLower(a), strings.ToLower(b)
	return strings.Contains(la, lb) || strings.Contains(lb, la)
}

// targetCandidates proposes the phrases the choice chooses among.
func (d *docState) targetCandidates(in *incident, ms []*sent, lead int) []*choiceCand {
	var cands []*choiceCand
	byName := map[string]*choiceCand{}
	add := func(name, head string, a *actor, ev dossier.Evidence, feats ...string) *choiceCand {
		name = strings.TrimSpace(name)
		if name == "" || ev.End <= ev.Start {
			return nil
		}
		if head == "" {
			head = lastWordLower(name)
		}
		k := strings.ToLower(name)
		c := byName[k]
		if c == nil {
			c = &choiceCand{name: name, head: head, actor: a, ev: ev, feats: map[string]bool{}}
			byName[k] = c
			cands = append(cands, c)
		} else if c.actor == nil {
			c.actor = a
		}
		for _, f := range feats {
			c.feats[f] = true
		}
		return c
	}
	actorOf := map[string]*actor{}
	for a, r := range in.actors {
		if r == "target" {
			actorOf[strings.ToLower(a.name)] = a
		}
	}
	title := strings.ToLower(in.title)
	headSents := map[string]int{}
	seenKind := map[string]bool{}
	first := true
	for _, st := range ms {
		if st.para > lead+modelCandParas {
			break
		}
		heads := map[string]bool{}
		for _, m := range d.x.lex.Targets.FindAll(st.toks) {
			if m.J < len(st.toks) && st.toks[m.J].Text == "-" {
				continue // "police-station": part of another word
			}
			if m.J < len(st.toks) && st.toks[m.J].Kind == text.Word && !st.toks[m.J].Cap() && loneVictimHeads[st.toks[m.J].Lower] && m.Val == "people" {
				m.J++ // "a police officer": one of them, the noun after
			}
			start, mods := targetStart(st.toks, m.I)
			if d.notTargetSpan(st, m.I, m.J, start, m.Val) {
				continue
			}
			h := m.J - 1
			head := st.toks[h].Lower
			heads[head] = true
			ctx := d.targetContext(st, start, m.I, h, mods, lead, title)
			ctx = append(ctx, "kind:"+m.Val, "head:"+head)
			if !seenKind[m.Val] {
				seenKind[m.Val] = true
				ctx = append(ctx, "first-of-kind")
			}
			if first {
				ctx = append(ctx, "first-sentence")
			}
			if m.Val == "owned" && start > 0 && st.toks[start-1].Is("his", "her", "their") {
				start-- // "his home": the home is the owner's
			}
			ev := d.sentEvidence("targets", st, 0.5)
			ends := []struct {
				e    int
				kind string
			}{{m.J, "span:head"}, {targetEnd(st.toks, m.J), "span:of"}, {ownerEnd(st.toks, m.J), "span:pp"}}
			starts := []struct {
				s    int
				kind string
			}{{start, ""}}
			if s := compoundStart(st.toks, start); s < start {
				starts = append(starts, struct {
					s    int
					kind string
				}{s, "span:compound"}) // "stone-throwing youths"
			}
			if s := start - 1; s >= 0 && (st.toks[s].Kind == text.Number || isCountWord(st.toks[s].Lower) && st.toks[s].Lower != "at") {
				starts = append(starts, struct {
					s    int
					kind string
				}{s, "span:count"}) // "two restaurants"
			}
			seen := map[[2]int]bool{}
			for _, b := range starts {
				for _, e := range ends {
					if seen[[2]int{b.s, e.e}] {
						continue
					}
					seen[[2]int{b.s, e.e}] = true
					feats := append(append([]string(nil), ctx...), e.kind)
					if b.kind != "" {
						feats = append(feats, b.kind)
					}
					if e.e < len(st.toks) {
						feats = append(feats, "next:"+st.toks[e.e].Lower)
					}
					add(text.Join(d.body, st.toks, b.s, e.e), head, nil, ev, feats...)
				}
			}
		}
		// the people the first paragraphs name: a victim is often named
		// ("Stephen Tyrone Johns", "Kenji Nagai") where no rule ties
		// him to the act
		if st.para <= lead+1 {
			for _, m := range st.mentions {
				if m.actor == nil || m.actor.kind != dossier.KindPerson {
					continue
				}
				ctx := d.targetContext(st, m.i, m.i, m.j-1, 0, lead, title)
				if m.role != "" {
					ctx = append(ctx, "role-before")
				}
				add(m.actor.name, "", m.actor, d.sentEvidence("targets", st, 0.5), append(ctx, "src:person")...)
			}
		}
		for h := range heads {
			headSents[h]++
		}
		if st.para <= lead+1 {
			if m := d.namedVictim(st); m != nil {
				name := m.surface
				if m.actor != nil {
					name = m.actor.name
				}
				ctx := d.targetContext(st, m.i, m.i, m.j-1, 0, lead, title)
				add(name, "", m.actor, d.sentEvidence("targets", st, 0.55), append(ctx, "src:victim")...)
			}
		}
		first = false
	}
	// the rules' own targets, with the sentence that names them
	for _, t := range in.targets {
		ev, ok := d.sentenceNaming(ms, t)
		if !ok {
			if ev = in.titleEvidence(); ev.End <= ev.Start || !strings.Contains(in.title, t) {
				continue
			}
			ev = withField(ev, "targets")
		}
		add(t, "", actorOf[strings.ToLower(t)], ev, "src:rule")
	}
	if ev := in.titleEvidence(); in.title != "" && ev.End > ev.Start {
		// the headline names the victims the text may only count: "Maoist
		// rebels kill at least 70 Indian soldiers"
		toks := text.Tokenize(in.title, 0)
		for _, m := range d.x.lex.Targets.FindAll(toks) {
			start, mods := targetStart(toks, m.I)
			if start == 0 && mods > 0 {
				start, mods = m.I, 0 // a headline's capitals are not a name's
			}
			feats := []string{"src:title", "kind:" + m.Val, "head:" + toks[m.J-1].Lower}
			if mods == 0 {
				feats = append(feats, "mods:0")
			}
			add(in.title[toks[start].Start:toks[m.J-1].End], toks[m.J-1].Lower, nil, withField(ev, "targets"), feats...)
		}
	}
	if in.title != "" {
		if name := d.headlineSite(in.title); name != "" {
			if ev := in.titleEvidence(); ev.End > ev.Start {
				add(name, lastWordLower(name), nil, withField(ev, "targets"), "src:headline", "src:title", "kind:site")
			}
		}
	}
	bodyKinds := map[string]bool{}
	for _, c := range cands {
		for f := range c.feats {
			if strings.HasPrefix(f, "kind:") && !c.feats["src:title"] && c.feats["para:lead"] {
				bodyKinds[f] = true
			}
		}
	}
	for _, c := range cands {
		if c.feats["src:title"] {
			for f := range c.feats {
				if strings.HasPrefix(f, "kind:") && bodyKinds[f] {
					c.feats["lead-has-kind"] = true // the lead names one such itself
				}
			}
		}
		if n := headSents[c.head]; n >= 2 {
			c.feats["head-repeated"] = true
		}
		if c.feats["src:rule"] && len(c.feats) == 1 {
			c.feats["rule-only"] = true
		}
	}
	return cands
}

// notTargetWords are the heads of phrases an act's object may be that
// are no target of it: the attackers themselves, and words of time,
// amount or vague place. A candidate so headed is never chosen; it stays
// a candidate the model learns from.
var notTargetWords = map[string]bool{"assailants": true, "assailant": true, "attackers": true, "attacker": true,
	"one": true, "two": true, "night": true, "day": true, "morning": true, "evening": true, "afternoon": true,
	"time": true, "pair": true, "dozens": true, "others": true}

// targetShape says whether a phrase can name a target at all: not one
// function, time or number word ("ambushed early on Sunday", "five"), not
// an act's own noun ("attack"), not a phrase opening with a preposition
// ("into a police battalion"), as a rule's reading of the words after a
// verb may leave.
func targetShape(name string) bool {
	w := strings.Fields(strings.ToLower(name))
	if len(w) == 0 {
		return false
	}
	if len(w) == 1 && (functionWords[w[0]] && !speakerNouns[w[0]] && !crowdNouns[w[0]] && w[0] != "security" || isCountWord(w[0]) || w[0] == "non" || actNouns[w[0]] || strings.Trim(w[0], "0123456789,.") == "") {
		return false // (not "police", "officials": people)
	}
	switch w[0] {
	case "into", "onto", "on", "at", "in", "from", "by", "with", "during", "after", "before":
		return false
	}
	return true
}

// trimTarget drops a participle a phrase stops on: "Christians attending"
// is "Christians", "buses belonging" is "buses".
func trimTarget(name string) string {
	w := strings.Fields(name)
	if len(w) > 1 && phraseParticiples[strings.ToLower(w[len(w)-1])] {
		return strings.Join(w[:len(w)-1], " ")
	}
	return name
}

// phraseParticiples open a phrase that goes on after a noun ("buses
// belonging to ...", "a convoy carrying ..."): a phrase that stops on one
// was cut short.
var phraseParticiples = map[string]bool{"belonging": true, "carrying": true, "travelling": true, "traveling": true,
	"returning": true, "heading": true, "going": true, "coming": true, "including": true, "leaving": true, "killing": true,
	"wounding": true, "targeting": true, "using": true, "working": true, "living": true, "waiting": true, "attending": true}

// actNouns are an act's own nouns, no target of it.
var actNouns = map[string]bool{"attack": true, "attacks": true, "blast": true, "explosion": true, "bombing": true, "shooting": true,
	"ambush": true, "raid": true, "strike": true, "assault": true, "incident": true}

// targetContext describes where a phrase (tokens start to head, its head
// at h) stands in its sentence.
func (d *docState) targetContext(st *sent, start, i, h, mods, lead int, title string) []string {
	toks := st.toks
	var fs []string
	prev := determinerBefore(toks, start)
	switch {
	case prev < 0:
		fs = append(fs, "prev:none")
	case toks[prev].Kind == text.Number || isCountWord(toks[prev].Lower) && toks[prev].Lower != "at":
		fs = append(fs, "prev:number")
	default:
		fs = append(fs, "prev:"+toks[prev].Lower)
		if peopleCues[toks[prev].Lower] {
			fs = append(fs, "cue:people")
		}
		if siteCues[toks[prev].Lower] {
			fs = append(fs, "cue:site")
		}
	}
	if start > 0 && toks[start-1].Is("a", "an", "the", "his", "her", "their", "its") {
		fs = append(fs, "det:"+toks[start-1].Lower)
	}
	switch p := st.para - lead; {
	case p <= 0:
		fs = append(fs, "para:lead")
	case p == 1:
		fs = append(fs, "para:1")
	default:
		fs = append(fs, "para:2+")
	}
	if len(st.cas) > 0 {
		fs = append(fs, "sent:casualty")
		before, after := false, false
		for _, c := range st.cas {
			if c.I > h {
				before = true
			}
			if c.J <= start {
				after = true
			}
		}
		if before {
			fs = append(fs, "before-casualty")
		}
		if after {
			fs = append(fs, "after-casualty")
		}
		if casualtyNear(st, h, 4) {
			fs = append(fs, "casualty-near")
		}
	}
	if st.hasEvent(2) {
		fs = append(fs, "sent:event")
	}
	if len(st.weapons) > 0 {
		fs = append(fs, "sent:weapon")
	}
	switch {
	case mods == 0:
		fs = append(fs, "mods:0")
	case mods == 1:
		fs = append(fs, "mods:1")
	default:
		fs = append(fs, "mods:2+")
	}
	for k := start; k < h; k++ {
		if toks[k].Cap() && k > 0 {
			fs = append(fs, "capitalised-modifier")
			break
		}
	}
	if needModifier[toks[h].Lower] && mods == 0 {
		fs = append(fs, "too-general")
	}
	if d.placeNamed(st, start, i) {
		fs = append(fs, "place-named")
	}
	if h+2 < len(toks) && toks[h+1].Is("were", "was") && casualtyAt(st, h+2) {
		fs = append(fs, "were-hit")
	}
	if title != "" && strings.Contains(title, toks[h].Lower) {
		fs = append(fs, "in-title")
	}
	// the subject of a speech verb ("Nigerian police said", "police
	// spokesman X told") speaks of the act; it is seldom what was hit
	if k := h + 1; k < len(toks) && (len(d.x.lex.Speech.FindAll(toks[k:min(len(toks), k+2)])) > 0 ||
		k+1 < len(toks) && toks[k].Is("have", "has", "had") && len(d.x.lex.Speech.FindAll(toks[k+1:min(len(toks), k+3)])) > 0) {
		fs = append(fs, "speaks")
	}
	for _, m := range st.mentions {
		if m.i >= start && m.i <= h && m.actor != nil {
			// whose the phrase is: "Pakistani Taliban members" are an
			// armed group's, "Indian soldiers" a state's
			fs = append(fs, "holds:"+m.actor.kind)
		}
	}
	return fs
}

// ownerEnd extends a phrase after its head with the place or owner a
// preposition gives it: "courthouse in Newry", "employees at the Bible
// publishing firm Zirve", "park in the Baglar region". j when none.
func ownerEnd(toks []text.Token, j int) int {
	if j+1 >= len(toks) || !toks[j].Is("in", "at", "of", "from") {
		return j
	}
	k := j + 1
	if toks[k].Is("the", "a") {
		k++
	}
	e := k
	for e < len(toks) && e < k+5 && toks[e].Kind == text.Word && (toks[e].Cap() || targetModifiers[toks[e].Lower] || nounModifier(toks, e) ||
		toks[e].Is("region", "district", "area", "province", "city", "town", "village", "capital")) {
		e++
	}
	// the phrase ends on a name or a word of place: "in Newry", not "in a dense"
	for e > k && !toks[e-1].Cap() && !toks[e-1].Is("region", "district", "area", "province", "city", "town", "village", "capital") {
		e--
	}
	if e == k {
		return j
	}
	return e
}

// compoundStart walks back from a phrase's start over hyphenated words
// that qualify it: "stone-throwing youths", "pro-democracy protesters",
// "a two-story hotel". start when there are none.
func compoundStart(toks []text.Token, start int) int {
	k := start
	for k >= 3 && toks[k-2].Text == "-" && toks[k-1].Kind == text.Word && toks[k-3].Kind == text.Word &&
		toks[k-2].Start == toks[k-3].End && toks[k-1].Start == toks[k-2].End {
		k -= 3
	}
	// "25-year-old": the number opens the compound
	if k >= 2 && k < start && toks[k-1].Text == "-" && toks[k-2].Kind == text.Number && toks[k-1].Start == toks[k-2].End && toks[k].Start == toks[k-1].End {
		k -= 2
	}
	return k
}

// sentenceNaming is the evidence of the first sentence of ms that holds name.
func (d *docState) sentenceNaming(ms []*sent, name string) (dossier.Evidence, bool) {
	for _, st := range ms {
		if strings.Contains(st.text, name) {
			return d.sentEvidence("targets", st, 0.55), true
		}
	}
	return dossier.Evidence{}, false
}

func lastWordLower(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
