package extract

// Perpetrators in prose: candidates, then choice.
//
// The rules of roles.go propose perpetrators and accused from the shapes of
// sentences they know. In an encyclopedia article without an infobox, a
// second stage looks at every actor of the document as a candidate,
// describes it by sparse binary features (cue words around its mentions,
// the rules' own decision, where it is first named, its kind, how often it
// is named, whether it reads as a victim, a speaker or a quotation) and
// keeps those a logistic regression scores high enough: the best candidate
// at one threshold, any other at a higher one, and a group named twice
// ("JNIM", "Jama'at Nasr al-Islam wal-Muslimin") once. It applies only when
// the model file says cross-validation found it better than the rules. The
// weights, the thresholds and the feature list are data
// (data/perp-model.json), written by `go run ./tools/train perpetrators`
// from the encyclopedia set's dev split and its infobox-derived labels; the
// file records the SHA-256 of that training data, and a test of tools/train
// checks that training again gives the same file byte for byte. A chosen
// perpetrator keeps the evidence the rules gave it, or else the sentence of
// its strongest cue.

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
	"github.com/dossier-project/dossier/internal/text"
)

//go:embed data/perp-model.json
var perpModelJSON []byte

// Model is a logistic regression over named binary features: the choice
// of perpetrators (perp.go) and of targets (targets.go).
type Model struct {
	Command   string `json:"command"`
	DataSHA   string `json:"training_data_sha256"`
	Docs      int    `json:"training_docs"`
	Examples  int    `json:"training_examples"`
	Positives int    `json:"training_positives"`
	// Adopted says whether cross-validation on dev found the model better
	// than the rules; the extractor uses it only then.
	Adopted bool   `json:"adopted"`
	CV      string `json:"cross_validation"`
	// Threshold is the probability at which a candidate is chosen;
	// TopThreshold, no higher, the one at which the document's best
	// candidate is.
	Threshold    float64            `json:"threshold"`
	TopThreshold float64            `json:"top_threshold"`
	Bias         float64            `json:"bias"`
	Weights      map[string]float64 `json:"weights"`
	// NotFor names the kinds of document ("news", "prose") on which
	// cross-validation found the model no better than the rules: the
	// rules choose there.
	NotFor []string `json:"not_adopted_for,omitempty"`
}

// Prob is the model's probability that a candidate with these features is
// chosen: a perpetrator (or accused), or a target, of the main incident.
func (m *Model) Prob(feats []string) float64 {
	z := m.Bias
	for _, f := range feats {
		z += m.Weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// LoadModel reads a model file.
func LoadModel(b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("model file: %w", err)
	}
	return &m, nil
}

// PerpCandidate is one actor of a document described for the choice of
// the main incident's perpetrators.
type PerpCandidate struct {
	Name     string
	Aliases  []string
	Features []string
}

// PerpCandidates returns the candidates for the perpetrators of a
// document's main incident, with their features, and what the rules alone
// choose (perpetrators and accused), for tools/train. A document the choice
// does not apply to (an infobox, a news report) has no candidates.
func (x *Extractor) PerpCandidates(doc *dossier.Document) ([]PerpCandidate, []string, error) {
	y := *x
	y.perp = nil
	d, _, err := y.extract(doc)
	if err != nil || d == nil {
		return nil, nil, err
	}
	var out []PerpCandidate
	for _, c := range d.perpCands {
		pc := PerpCandidate{Name: c.name, Features: c.feats}
		if c.actor != nil {
			pc.Aliases = c.actor.aliases
		}
		out = append(out, pc)
	}
	return out, d.rulePerps, nil
}

// perpCand is a candidate with what the choice needs.
type perpCand struct {
	name     string
	actor    *actor
	kind     string     // the actor's kind, "described" or "unknown" without an actor
	mentions []*mention // the actor's, or the phrases of a described group
	rule     string     // the rules' role: perpetrator, accused or ""
	feats    []string
	cue      *sent // the sentence of its strongest cue
	hedge    bool  // that sentence blames or suspects rather than states
	p        float64
	bestCue  float64 // the weight of its strongest cue
	strong   int     // mentions with a responsibility phrase or an agent's "by"
}

// perpChoiceApplies: the choice is made for an encyclopedia article's main
// incident read from prose; an infobox names the perpetrators itself, and
// the model has not learnt news reports.
func (d *docState) perpChoiceApplies(in *incident) bool {
	return in.main && len(d.lay.Infobox) == 0 && !d.news
}

// choosePerps rebuilds the main incident's perpetrators and accused from
// the candidates the model keeps.
func (d *docState) choosePerps(in *incident) {
	if !d.perpChoiceApplies(in) {
		return
	}
	d.rulePerps = append(in.dropGenerics(in.perps), in.dropGenerics(in.accused)...)
	d.perpCands = d.perpCandidates(in)
	m := d.x.perp
	if m == nil || !m.Adopted {
		return
	}
	for _, c := range d.perpCands {
		c.p = m.Prob(c.feats)
	}
	cands := append([]*perpCand(nil), d.perpCands...)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].p > cands[j].p })
	ruleEv := in.roleEv
	in.perps, in.accused, in.roleEv = nil, nil, nil
	in.dropEvidence("perpetrators")
	in.dropEvidence("accused")
	for a, r := range in.actors {
		if r == "perpetrator" || r == "accused" {
			delete(in.actors, a)
		}
	}
	var kept []string
	for i, c := range cands {
		if c.p < m.Threshold && !(i == 0 && c.p >= m.TopThreshold) {
			continue
		}
		if slices.ContainsFunc(kept, func(k string) bool { return SameGroup(k, c.name) }) {
			continue // "JNIM" after "Jama'at Nasr al-Islam wal-Muslimin"
		}
		kept = append(kept, c.name)
		role := c.rule
		if role == "" {
			role = "perpetrator"
			if c.hedge {
				role = "accused"
			}
		}
		ev, ok := ruleEv[nameKey(c.name)]
		if !ok {
			if c.cue == nil {
				continue // no sentence to show for it
			}
			ev = d.sentEvidence("", c.cue, 0.5)
		}
		ev.Confidence = math.Round(c.p*100) / 100
		in.addRole(role, c.name, c.actor, ev)
	}
}

// perpCandidates lists every actor-like name of the document (armed
// groups, organisations, parties, people, states, described groups) and
// the names the rules chose, each with its features.
func (d *docState) perpCandidates(in *incident) []*perpCand {
	var cands []*perpCand
	byKey := map[string]*perpCand{}
	add := func(name string, a *actor) *perpCand {
		k := nameKey(name)
		if c := byKey[k]; c != nil {
			return c
		}
		c := &perpCand{name: name, actor: a}
		byKey[k] = c
		cands = append(cands, c)
		return c
	}
	for _, p := range in.perps {
		add(p, d.byKey[nameKey(p)]).rule = "perpetrator"
	}
	for _, p := range in.accused {
		add(p, d.byKey[nameKey(p)]).rule = "accused"
	}
	for a, r := range in.actors {
		if r == "perpetrator" || r == "accused" {
			if c := byKey[nameKey(a.name)]; c != nil && c.actor == nil {
				c.actor = a
			}
		}
	}
	for _, a := range d.actors {
		if a.kind == kindPlace || a.kind == kindFacility || a.kind == "" || a.kind == dossier.KindMedia {
			continue
		}
		if c := byKey[nameKey(a.name)]; c != nil {
			if c.actor == nil {
				c.actor = a
			}
			continue
		}
		if len(a.mentions) == 0 {
			continue
		}
		add(a.name, a)
	}
	for _, c := range cands {
		if c.actor != nil {
			c.kind, c.mentions = c.actor.kind, c.actor.mentions
			if c.actor.collective {
				c.kind = "collective"
			}
		}
	}
	// names the actor stage left without a kind, and groups described by a
	// name and a group noun ("Anti-balaka militias", "Fulani herdsmen",
	// "Sri Lankan military")
	for _, st := range d.sents {
		for _, m := range st.mentions {
			if m.actor == nil && m.kind == "" && !m.demonym && m.place == nil {
				c := add(m.surface, nil)
				if c.actor == nil {
					c.kind = "unknown"
					c.mentions = append(c.mentions, m)
				}
			}
		}
		for _, m := range d.describedGroups(st) {
			c := add(m.surface, nil)
			if c.actor == nil && (c.kind == "" || c.kind == "described") {
				c.kind = "described"
				c.mentions = append(c.mentions, m)
			}
		}
	}
	maxMentions := 0
	for _, c := range cands {
		if len(c.mentions) > maxMentions {
			maxMentions = len(c.mentions)
		}
	}
	ruleN := len(in.perps) + len(in.accused)
	docClaim := false
	for _, st := range d.sents {
		for _, t := range st.toks {
			if t.Lower == "responsibility" {
				docClaim = true
			}
		}
	}
	title := " " + names.Fold(in.title) + " "
	fs := make([]map[string]bool, len(cands))
	for i, c := range cands {
		fs[i] = map[string]bool{}
		d.candFeatures(in, c, fs[i])
	}
	// the document's groups in the order they are first named, and the
	// strongest cue of all
	var groups []*perpCand
	bestCue := 0.0
	for _, c := range cands {
		if c.bestCue > bestCue {
			bestCue = c.bestCue
		}
		if len(c.mentions) > 0 && (c.kind == dossier.KindArmedGroup || c.kind == "collective" || c.kind == "described") {
			groups = append(groups, c)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].mentions[0].start < groups[j].mentions[0].start })
	for i, c := range cands {
		f := fs[i]
		for n, g := range groups {
			if g == c {
				f["group-order:"+bucket(n+1, 1, 2)] = true
				f["groups:"+bucket(len(groups), 1, 2)] = true
			}
		}
		f["strong-cues:"+bucket(c.strong, 0, 1)] = true
		if c.strong > 0 {
			f["strong-cue&kind:"+orNone(c.kind)] = true
		}
		if bestCue > 0 && c.bestCue == bestCue {
			f["best-cue"] = true
		}
		f["rule:"+orNone(c.rule)] = true
		f["rule:"+orNone(c.rule)+"&kind:"+orNone(c.kind)] = true
		f["ruleN:"+bucket(ruleN, 0, 1, 2)] = true
		if docClaim {
			f["doc:responsibility"] = true
		}
		if k := names.Fold(c.name); k != "" && strings.Contains(title, " "+k+" ") {
			f["title"] = true
		}
		if maxMentions > 1 && len(c.mentions) == maxMentions {
			f["most-named"] = true
		}
		c.feats = make([]string, 0, len(f))
		for k := range f {
			c.feats = append(c.feats, k)
		}
		sort.Strings(c.feats)
	}
	return cands
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// bucket names n by the first of the bounds it does not exceed ("0", "1",
// "2", "3+" for bounds 0, 1, 2).
func bucket(n int, bounds ...int) string {
	for _, b := range bounds {
		if n <= b {
			return fmt.Sprint(b)
		}
	}
	return fmt.Sprint(bounds[len(bounds)-1]+1) + "+"
}

// candFeatures adds the features of a candidate's actor and mentions.
func (d *docState) candFeatures(in *incident, c *perpCand, f map[string]bool) {
	f["kind:"+orNone(c.kind)] = true
	if a := c.actor; a != nil {
		if a.kindConf {
			f["kind-confident"] = true
		}
		if a.collective {
			f["collective"] = true
			if !strings.Contains(a.name, "-") && strings.ToLower(a.name) == a.name {
				f["generic"] = true // what dropGenerics drops beside a named group
			}
		}
		if a.entry != nil {
			f["dictionary"] = true
			f["dictionary&kind:"+a.kind] = true
		}
	}
	if !names.HasUpper(c.name) {
		f["lower-case"] = true
	}
	if len(strings.Fields(c.name)) == 1 {
		f["one-word"] = true
	}
	f["mentions:"+bucket(len(c.mentions), 0, 1, 2, 4)] = true
	lead := d.leadParas()
	best := -1.0
	for n, m := range c.mentions {
		st := m.st
		where := "main"
		switch {
		case st.otherTime:
			where = "other-time"
		case st.inc != nil && st.inc != in:
			where = "other-incident"
		}
		f["in:"+where] = true
		if n == 0 {
			switch {
			case st.idx == 0:
				f["first:sentence0"] = true
			case st.para < lead:
				f["first:lead"] = true
			case st.idx < 6:
				f["first:early"] = true
			default:
				f["first:late"] = true
			}
		}
		if st.idx == 0 {
			f["sentence0"] = true
		}
		if st.para < lead {
			f["lead"] = true
		}
		w := d.mentionFeatures(st, m, where, f)
		if w >= 2 {
			c.strong++
		}
		if where == "main" {
			w += 0.5
		}
		if st.para < lead {
			w += 0.25
		}
		if w > best {
			best = w
			c.bestCue = w
			c.cue = st
			c.hedge = hedged(st.toks, m.i)
		}
	}
}

// window is how many words either side of a mention are features.
const window = 4

// mentionFeatures adds the features of one mention and returns the weight
// of its cue: a responsibility phrase, an agent after "by", an event word
// near it.
func (d *docState) mentionFeatures(st *sent, m *mention, where string, f map[string]bool) float64 {
	toks := st.toks
	cue := 0.0
	pre := ""
	if where != "main" {
		pre = where + "|"
	}
	// words around the mention: lower-case words only (function words,
	// verbs, role nouns), names say nothing general
	for k := m.i - 1; k >= 0 && k >= m.i-window; k-- {
		if w := cueWord(&toks[k]); w != "" {
			if k == m.i-1 {
				f[pre+"L1:"+w] = true
			}
			f[pre+"L:"+w] = true
		}
	}
	for k := m.j; k < len(toks) && k < m.j+window; k++ {
		if w := cueWord(&toks[k]); w != "" {
			if k == m.j {
				f[pre+"R1:"+w] = true
			}
			f[pre+"R:"+w] = true
		}
	}
	if m.j < len(toks) && (toks[m.j].Lower == "'s" || toks[m.j].Lower == "'") {
		f[pre+"possessive"] = true
	}
	// responsibility phrases of the lexicon, in the sentence and next to
	// the mention on their side
	for _, r := range slices.Concat(d.responsibility(st), agentsPastAdverbial(toks)) {
		f[pre+"sentence:"+r.Val.Role] = true
		near := false
		switch r.Val.Side {
		case "after":
			near = m.i >= r.J && m.i-r.J <= 6
		case "before":
			near = r.I >= m.j && r.I-m.j <= 6
		}
		if near {
			f[pre+"cue:"+r.Val.Role] = true
			if r.Val.Role != "target" {
				cue += 3
			}
		}
	}
	// "by" before the mention after an event word: the agent of the act
	for k := m.i - 1; k >= 0 && k >= m.i-3; k-- {
		if toks[k].Lower == "by" {
			for e := range st.events {
				if ev := st.events[e]; ev.J <= k && k-ev.J <= 6 {
					f[pre+"by-agent"] = true
					cue += 2
					break
				}
			}
			break
		}
	}
	// the subject of a verb of the act: "CODECO insurgents armed with
	// machetes attacked Plaine Savo", "gunmen from X stormed"
	if actVerbAfter(toks, m.j) {
		f[pre+"agent-verb"] = true
		cue += 2
	}
	// the nearest event word
	dist := -1
	for _, e := range st.events {
		if e.Val.Weight < 2 {
			continue
		}
		dd := e.I - m.j
		if dd < 0 {
			dd = m.i - e.J
		}
		if dd < 0 {
			dd = 0
		}
		if dist < 0 || dd < dist {
			dist = dd
		}
	}
	switch {
	case dist < 0:
		f[pre+"event:none"] = true
	case dist <= 2:
		f[pre+"event:adjacent"] = true
		cue++
	case dist <= 8:
		f[pre+"event:near"] = true
		cue += 0.5
	default:
		f[pre+"event:far"] = true
	}
	if len(st.cas) > 0 {
		f[pre+"casualty-sentence"] = true
	}
	if hedged(toks, m.i) {
		f[pre+"hedged"] = true
	}
	if negated(toks, m.i) {
		f[pre+"negated"] = true
	}
	if inQuote(st, m.i) {
		f[pre+"in-quote"] = true
	}
	if m.i == firstWord(st) {
		f[pre+"subject"] = true
	}
	return cue
}

// actVerbs are past-tense verbs of a violent act whose subject did it.
var actVerbs = map[string]bool{"attacked": true, "killed": true, "stormed": true, "ambushed": true, "massacred": true,
	"raided": true, "abducted": true, "kidnapped": true, "shot": true, "bombed": true, "executed": true, "torched": true,
	"overran": true, "shelled": true, "slaughtered": true, "murdered": true, "assassinated": true, "targeted": true, "besieged": true}

// actVerbAfter says whether a verb of the act follows the words from token
// j in the same clause, over a group noun and a short aside ("insurgents
// armed with machetes and edged weapons attacked"): the words before it
// are its subject. A passive ("were killed") or a relative clause ("who
// was killed") is not.
func actVerbAfter(toks []text.Token, j int) bool {
	for k := j; k < len(toks) && k < j+10; k++ {
		t := toks[k]
		if t.Kind == text.Punct && t.Text != "-" || t.Is("who", "which", "that", "but", "while", "was", "were", "been", "being", "is", "are", "by") {
			return false
		}
		if actVerbs[t.Lower] {
			return true
		}
	}
	return false
}

// cueWord is the feature form of a token: a lower-case word, else "".
func cueWord(t *text.Token) string {
	if t.Kind != text.Word || t.Cap() || len(t.Lower) < 2 {
		return ""
	}
	return t.Lower
}

// describedGroups finds groups named by a capitalised word and a group
// noun of the collective lexicon (or army, military, navy): "Anti-balaka
// militias", "Fulani herdsmen", "Sri Lankan military". A capitalised group
// noun is part of a name the mention stage reads.
func (d *docState) describedGroups(st *sent) []*mention {
	toks := st.toks
	var out []*mention
	for k, t := range toks {
		if t.Kind != text.Word || t.Cap() {
			continue
		}
		if role, ok := d.x.lex.Collective[t.Lower]; !(ok && role != "victim") && !t.Is("army", "military", "navy") {
			continue
		}
		s := k
		for s > 0 {
			p := toks[s-1]
			switch {
			case p.Is("the", "a", "an", "these", "those", "some", "its", "their", "his", "her"):
			case p.Kind == text.Word && (p.Cap() || s >= 2 && toks[s-2].Text == "-"):
				s--
				continue
			case p.Text == "-" && s >= 2 && s < k:
				s--
				continue
			}
			break
		}
		if s == k || toks[s].Text == "-" {
			continue
		}
		out = append(out, &mention{st: st, i: s, j: k + 1, start: toks[s].Start, end: t.End,
			surface: text.Join(d.body, toks, s, k+1)})
	}
	return out
}

// SameGroup says whether two names chosen as perpetrators stand for one
// group: an acronym of the other's words ("JNIM", "Jama'at Nasr al-Islam
// wal-Muslimin"), or a name of two words or more whose words all stand in
// the other, its longer form or a branch of it ("Islamic State",
// "Islamic State – West Africa Province").
func SameGroup(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if isAcronym(a) {
		var ini strings.Builder
		for _, w := range names.Tokens(b) {
			if !names.IsArticle(w) && !names.IsParticle(w) && w != "of" && w != "the" && w != "and" && w != "for" && w != "wal" {
				ini.WriteByte(w[0])
			}
		}
		return strings.EqualFold(ini.String(), a)
	}
	ta, tb := names.Tokens(a), names.Tokens(b)
	if len(ta) < 2 {
		return false
	}
	for _, t := range ta {
		if !slices.Contains(tb, t) {
			return false
		}
	}
	return true
}
