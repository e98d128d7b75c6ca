// Command train trains the extractor's small statistical models from
// dossier's own corpora and writes their weights where the extractor embeds
// them.
//
//	go run ./tools/train perpetrators [-root corpora] [-out internal/extract/data/perp-model.json] [-v] [-repeats N]
//	go run ./tools/train targets      [-root corpora] [-out internal/extract/data/target-model.json] [-v] [-repeats N]
//	go run ./tools/train places       [-root corpora] [-out internal/extract/data/place-model.json] [-v] [-repeats N]
//
// places: the choice of the main incident's place among the places the
// prose names (internal/extract/place.go), trained on the dev splits of
// corpora/encyclopedia (infobox-free prose, the infobox's Location as
// label) and corpora/news (the hand-written place); see places.go.
//
// targets: the choice among candidate targets of a news report's main
// incident (internal/extract/targets.go), trained on the dev split of
// corpora/news and its hand-written gold (targets.go in this package).
//
// perpetrators: the choice among candidate perpetrators of an encyclopedia
// article's main incident read from prose (internal/extract/perp.go). The
// training data is the dev split of corpora/encyclopedia: each article
// without its infobox as input, and as labels the infobox's perpetrators
// that the prose names (the gold's in_prose list), matched to candidates
// with the scorer's name rules (a candidate's aliases count); only the
// articles whose infobox has a Perpetrator field are learnt from, since a
// missing field says nothing of the prose. The test split is never read.
// The model is a logistic regression over the candidates' binary features;
// a document's best candidate is chosen above one threshold, any other
// above a second, both chosen by cross-validation. Training is
// deterministic (documents in name order, full-batch gradient descent, no
// randomness), so the same corpus and extractor give the same file byte for
// byte; the file records the SHA-256 of the training data (document names,
// texts and gold files). The command first cross-validates on dev (5 folds
// by document: the i-th document in name order is in fold i mod 5), rules
// against model, choosing the thresholds inside each training part; the
// model is marked adopted only when its mean F1 over the folds beats the
// rules'. Retrain after any change to the extractor that moves the
// features: the test of this package fails until the file is rewritten.
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/corpus"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/reader"
)

const folds = 5

// verbose lists what the model misses on dev (-v); repeats asks for more
// cross-validations over other folds (-repeats), to compare variants.
var (
	verbose bool
	repeats int
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		slog.Error("train", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, w io.Writer) error {
	if len(args) == 0 || trainers[args[0]] == nil {
		return fmt.Errorf("usage: train perpetrators|targets|places [-root corpora] [-out FILE]")
	}
	task := args[0]
	fs := flag.NewFlagSet("train "+task, flag.ContinueOnError)
	root := fs.String("root", "corpora", "dossier's corpora")
	out := fs.String("out", modelFile[task], "the model file to write")
	fs.IntVar(&repeats, "repeats", 0, "also cross-validate over this many other fold assignments (by a hash of each document's name) and print their mean F1")
	fs.BoolVar(&verbose, "v", false, "also list the gold names no candidate matches and the dev documents the model gets wrong out of fold")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	b, err := trainers[task](ctx, *root, w)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	fmt.Fprintf(w, "wrote %s\n", *out)
	return nil
}

// trainers train each model from the corpora under root and return its
// file.
var trainers = map[string]func(ctx context.Context, root string, w io.Writer) ([]byte, error){
	"perpetrators": trainPerpetrators,
	"targets":      trainTargets,
	"places":       trainPlaces,
}

// modelFile is where each model is written, from the repository's root.
var modelFile = map[string]string{
	"perpetrators": "internal/extract/data/perp-model.json",
	"targets":      "internal/extract/data/target-model.json",
	"places":       "internal/extract/data/place-model.json",
}

// trainDoc is one dev document: its candidates, the rules' choice, the gold.
type trainDoc struct {
	name  string
	fold  int
	exs   []*example
	rules []string
	gold  []string
	field bool // the labels are known (perpetrators: the infobox has the field)
	// same says whether two candidates are one value, of which the
	// choice keeps the more probable
	same func(a, b *example) bool
}

// labelled are the documents whose labels are known: those whose infobox
// names a perpetrator. An infobox without the field says nothing of the
// prose's candidates (the article may name a claim the editors left out),
// so its candidates are neither trained on nor used to set thresholds;
// cross-validation still scores every document, as score.py does.
func labelled(docs []*trainDoc) []*trainDoc {
	var out []*trainDoc
	for _, td := range docs {
		if td.field {
			out = append(out, td)
		}
	}
	return out
}

// devDoc is one document of a set's dev split, read for training.
type devDoc struct {
	name string
	doc  *dossier.Document
	gold []byte // its gold file
}

// eachDev reads every document of the dev split of one set (texts under
// root/texts, gold under root/golds, name order), hands each to fn, and
// returns the SHA-256 of the training data (names, texts and gold files).
// The test split is never read.
func eachDev(ctx context.Context, root, texts, golds string, fn func(devDoc) error) (string, error) {
	paths, err := filepath.Glob(filepath.Join(root, texts, "*.txt"))
	if err != nil {
		return "", err
	}
	sort.Strings(paths)
	h := sha256.New()
	n := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		if corpus.SplitOf(reader.ParseHeader(raw).Source) != corpus.Dev {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		gb, err := os.ReadFile(filepath.Join(root, golds, name+".json"))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\n%d\n", name, len(raw))
		h.Write(raw)
		fmt.Fprintf(h, "\n%d\n", len(gb))
		h.Write(gb)
		doc, err := reader.ReadPath(ctx, p, nil, reader.Limits{})
		if err != nil {
			return "", err
		}
		if err := fn(devDoc{name: name, doc: doc, gold: gb}); err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		n++
	}
	if n == 0 {
		return "", fmt.Errorf("no dev documents under %s", filepath.Join(root, texts))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// loadDev extracts the candidate perpetrators of every dev article and
// hashes the training data.
func loadDev(ctx context.Context, root string) ([]*trainDoc, string, error) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		return nil, "", err
	}
	var docs []*trainDoc
	sum, err := eachDev(ctx, root, "encyclopedia/wikipedia", "encyclopedia/gold", func(dd devDoc) error {
		var g struct {
			Gold struct {
				Perpetrators []string `json:"perpetrators"`
			} `json:"gold"`
			InProse struct {
				Perpetrators []string `json:"perpetrators"`
			} `json:"in_prose"`
		}
		if err := json.Unmarshal(dd.gold, &g); err != nil {
			return err
		}
		cands, rules, err := x.PerpCandidates(dd.doc)
		if err != nil {
			return err
		}
		td := &trainDoc{name: dd.name, fold: len(docs) % folds, rules: rules, gold: g.InProse.Perpetrators,
			field: len(g.Gold.Perpetrators) > 0, same: sameGroup}
		for _, c := range cands {
			e := &example{doc: len(docs), name: c.Name, feats: c.Features}
			for _, gn := range td.gold {
				if sameName(c.Name, gn) {
					e.y = 1
				}
				for _, a := range c.Aliases {
					if sameName(a, gn) {
						e.y = 1
					}
				}
			}
			td.exs = append(td.exs, e)
		}
		docs = append(docs, td)
		return nil
	})
	return docs, sum, err
}

// prf is counts and their figures.
type prf struct{ tp, np, ng int }

func (c prf) p() float64  { return ratio(c.tp, c.np) }
func (c prf) r() float64  { return ratio(c.tp, c.ng) }
func (c prf) f1() float64 { return f1(c.p(), c.r()) }
func (c *prf) add(tp, np, ng int) {
	c.tp += tp
	c.np += np
	c.ng += ng
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// cut is the choice's two thresholds: the best candidate of a document
// is chosen at top or above, every other one at all or above.
type cut struct{ top, all float64 }

// chosen is what the extractor would output at a cut: the candidates it
// keeps by descending probability, without the unnamed groups when a named
// one is chosen (incident.dropGenerics).
func chosen(td *trainDoc, probs map[*example]float64, t cut) []string {
	exs := append([]*example(nil), td.exs...)
	sort.SliceStable(exs, func(i, j int) bool { return probs[exs[i]] > probs[exs[j]] })
	var keep []*example
	for i, e := range exs {
		if probs[e] >= t.all || i == 0 && probs[e] >= t.top {
			if !slices.ContainsFunc(keep, func(k *example) bool { return td.same(k, e) }) {
				keep = append(keep, e)
			}
		}
	}
	named := false
	for _, e := range keep {
		if !has(e.feats, "generic") {
			named = true
		}
	}
	var out []string
	for _, e := range keep {
		if named && has(e.feats, "generic") {
			continue
		}
		out = append(out, e.name)
	}
	return out
}

// sameGroup: one group named twice ("JNIM", "Jama'at Nasr al-Islam
// wal-Muslimin"), as the extractor's choice of perpetrators sees it.
func sameGroup(a, b *example) bool { return extract.SameGroup(a.name, b.name) }

func has(fs []string, f string) bool {
	i := sort.SearchStrings(fs, f)
	return i < len(fs) && fs[i] == f
}

func evalModel(docs []*trainDoc, probs map[*example]float64, t cut) prf {
	var c prf
	for _, td := range docs {
		c.add(setPRF(chosen(td, probs, t), td.gold))
	}
	return c
}

func evalRules(docs []*trainDoc) prf {
	var c prf
	for _, td := range docs {
		c.add(setPRF(td.rules, td.gold))
	}
	return c
}

// thresholds are the ones cross-validation chooses from.
func thresholds() []float64 {
	var ts []float64
	for i := 2; i <= 38; i++ {
		ts = append(ts, float64(i)*0.025)
	}
	return ts
}

// bestCut picks the thresholds with the highest pooled F1 (the highest
// thresholds on a tie).
func bestCut(docs []*trainDoc, probs map[*example]float64) cut {
	best, bestF := cut{0.5, 0.5}, -1.0
	ts := thresholds()
	for i := len(ts) - 1; i >= 0; i-- {
		for j := i; j >= 0; j-- {
			c := cut{top: ts[j], all: ts[i]}
			if f := evalModel(docs, probs, c).f1(); f > bestF+1e-12 {
				best, bestF = c, f
			}
		}
	}
	return best
}

// cutDraws is how many assignments of the folds the model's thresholds
// are chosen over.
const cutDraws = 5

// bestCutOver picks the thresholds with the highest F1 pooled over
// several out-of-fold scorings of the documents (the highest thresholds
// within cutSlack of it).
func bestCutOver(docs []*trainDoc, oofs []map[*example]float64) cut {
	ts := thresholds()
	type scored struct {
		c cut
		f float64
	}
	var all []scored // highest thresholds first
	bestF := -1.0
	for i := len(ts) - 1; i >= 0; i-- {
		for j := i; j >= 0; j-- {
			c := cut{top: ts[j], all: ts[i]}
			var pool prf
			for _, probs := range oofs {
				m := evalModel(docs, probs, c)
				pool.add(m.tp, m.np, m.ng)
			}
			f := pool.f1()
			all = append(all, scored{c, f})
			bestF = max(bestF, f)
		}
	}
	// the highest thresholds whose F1 is within cutSlack of the best: a
	// gain smaller than that is a few candidates of the dev set, and the
	// lower threshold it would pick adds names on every new document
	for _, s := range all {
		if s.f >= bestF-cutSlack {
			return s.c
		}
	}
	return cut{0.5, 0.5}
}

// cutSlack is the pooled F1 a lower threshold must gain to be chosen over
// a higher one.
const cutSlack = 0.002

func examplesOf(docs []*trainDoc) []*example {
	var exs []*example
	for _, td := range docs {
		exs = append(exs, td.exs...)
	}
	return exs
}

// outOfFold scores every document of docs with a model trained on the
// others, by the folds given.
func outOfFold(docs []*trainDoc, foldOf func(*trainDoc) int, k int) map[*example]float64 {
	probs := map[*example]float64{}
	for f := 0; f < k; f++ {
		var tr, te []*trainDoc
		for _, td := range docs {
			if foldOf(td) == f {
				te = append(te, td)
			} else {
				tr = append(tr, td)
			}
		}
		if len(te) == 0 {
			continue
		}
		m := train(examplesOf(labelled(tr)))
		for _, e := range examplesOf(te) {
			probs[e] = m.prob(e.feats)
		}
	}
	return probs
}

// crossValidate runs the 5-fold cross-validation of rules and model over
// the documents' folds: the thresholds of each fold are chosen on its
// training part (an inner cross-validation), never on the fold. It returns
// the table and the sums over folds of P, R and F1.
func crossValidate(docs []*trainDoc) (string, [3]float64, [3]float64) {
	var tab bytes.Buffer
	fmt.Fprintf(&tab, "%-6s %-9s %6s %6s %6s   %-9s %6s %6s %6s\n", "fold", "", "P", "R", "F1", "", "P", "R", "F1")
	var sumR, sumM [3]float64
	var poolR, poolM prf
	for f := 0; f < folds; f++ {
		var tr, te []*trainDoc
		for _, td := range docs {
			if td.fold == f {
				te = append(te, td)
			} else {
				tr = append(tr, td)
			}
		}
		inner := outOfFold(tr, func(td *trainDoc) int {
			if td.fold > f {
				return td.fold - 1
			}
			return td.fold
		}, folds-1)
		t := bestCut(labelled(tr), inner)
		m := train(examplesOf(labelled(tr)))
		probs := map[*example]float64{}
		for _, e := range examplesOf(te) {
			probs[e] = m.prob(e.feats)
		}
		r, mo := evalRules(te), evalModel(te, probs, t)
		poolR.add(r.tp, r.np, r.ng)
		poolM.add(mo.tp, mo.np, mo.ng)
		for i, v := range []float64{r.p(), r.r(), r.f1()} {
			sumR[i] += v
		}
		for i, v := range []float64{mo.p(), mo.r(), mo.f1()} {
			sumM[i] += v
		}
		fmt.Fprintf(&tab, "%-6d %-9s %6.3f %6.3f %6.3f   %-9s %6.3f %6.3f %6.3f  (thresholds %.3f, %.3f)\n",
			f, "rules", r.p(), r.r(), r.f1(), "model", mo.p(), mo.r(), mo.f1(), t.top, t.all)
	}
	fmt.Fprintf(&tab, "%-6s %-9s %6.3f %6.3f %6.3f   %-9s %6.3f %6.3f %6.3f\n", "mean", "rules",
		sumR[0]/folds, sumR[1]/folds, sumR[2]/folds, "model", sumM[0]/folds, sumM[1]/folds, sumM[2]/folds)
	fmt.Fprintf(&tab, "%-6s %-9s %6.3f %6.3f %6.3f   %-9s %6.3f %6.3f %6.3f\n", "pooled", "rules",
		poolR.p(), poolR.r(), poolR.f1(), "model", poolM.p(), poolM.r(), poolM.f1())
	return tab.String(), sumR, sumM
}

func trainPerpetrators(ctx context.Context, root string, w io.Writer) ([]byte, error) {
	docs, sum, err := loadDev(ctx, root)
	if err != nil {
		return nil, err
	}
	return fit("perpetrators", docs, sum, w)
}

// fit cross-validates rules against model on the dev documents, then
// trains the model on all of them and returns its file.
func fit(task string, docs []*trainDoc, sum string, w io.Writer) ([]byte, error) {
	exs := examplesOf(docs)
	pos, covered, goldN := 0, 0, 0
	for _, e := range exs {
		if e.y == 1 {
			pos++
		}
	}
	for _, td := range docs {
		goldN += len(td.gold)
		for _, g := range td.gold {
			for _, e := range td.exs {
				if sameName(e.name, g) {
					covered++
					break
				}
			}
		}
	}
	fmt.Fprintf(w, "%s: %d dev documents, %d candidates (%d positive), %d of %d gold names among the candidates\n",
		task, len(docs), len(exs), pos, covered, goldN)
	fmt.Fprintf(w, "training data sha256 %s\n", sum)
	if verbose {
		debugMissing(w, docs)
	}

	tab, sumR, sumM := crossValidate(docs)
	fmt.Fprint(w, tab)
	for r := 1; r <= repeats; r++ {
		// the same cross-validation over other folds, to see how much the
		// figure owes to the split (-repeats)
		withFoldsDrawn(docs, func(td *trainDoc) (*int, string) { return &td.fold, td.name }, r, func() {
			_, rr, mm := crossValidate(docs)
			fmt.Fprintf(w, "repeat %d: mean F1 rules %.3f, model %.3f\n", r, rr[2]/folds, mm[2]/folds)
		})
	}
	adopted := sumM[2] > sumR[2]

	// the model: threshold from 5-fold out-of-fold scores, pooled over
	// cutDraws assignments of the folds (one draw's F1 is flat enough
	// near its top that a few changed candidates move the threshold far),
	// weights from all of dev
	oof := outOfFold(docs, func(td *trainDoc) int { return td.fold }, folds)
	oofs := []map[*example]float64{oof}
	for r := 1; r < cutDraws; r++ {
		withFoldsDrawn(docs, func(td *trainDoc) (*int, string) { return &td.fold, td.name }, r, func() {
			oofs = append(oofs, outOfFold(docs, func(td *trainDoc) int { return td.fold }, folds))
		})
	}
	t := bestCutOver(labelled(docs), oofs)
	if verbose {
		for _, td := range docs {
			ch := chosen(td, oof, t)
			tp, np, ng := setPRF(ch, td.gold)
			if tp == np && tp == ng {
				continue
			}
			fmt.Fprintf(w, "OOF %s field=%v gold=%q chosen=%q rules=%q\n", td.name, td.field, td.gold, ch, td.rules)
			exs := append([]*example(nil), td.exs...)
			sort.SliceStable(exs, func(i, j int) bool { return oof[exs[i]] > oof[exs[j]] })
			for i, e := range exs {
				if i < 4 || e.y == 1 {
					fmt.Fprintf(w, "    %.3f y=%v %q\n", oof[e], e.y, e.name)
				}
			}
		}
	}
	m := train(examplesOf(labelled(docs)))
	pm := extract.Model{
		Command:      "go run ./tools/train " + task,
		DataSHA:      sum,
		Docs:         len(docs),
		Examples:     len(exs),
		Positives:    pos,
		Adopted:      adopted,
		CV:           fmt.Sprintf("5-fold by document on dev, mean F1: rules %.3f, model %.3f", sumR[2]/folds, sumM[2]/folds),
		Threshold:    t.all,
		TopThreshold: t.top,
		Bias:         round6(m.b),
		Weights:      map[string]float64{},
	}
	for i, f := range m.vocab {
		if v := round6(m.w[i]); v != 0 {
			pm.Weights[f] = v
		}
	}
	fmt.Fprintf(w, "thresholds %.3f (the best candidate), %.3f (any), %d features, adopted %v\n", t.top, t.all, len(pm.Weights), adopted)
	b, err := json.MarshalIndent(pm, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// debugMissing lists gold names no candidate matches (-v).
func debugMissing(w io.Writer, docs []*trainDoc) {
	for _, td := range docs {
		for _, g := range td.gold {
			found := false
			var names []string
			for _, e := range td.exs {
				names = append(names, e.name)
				if sameName(e.name, g) {
					found = true
				}
			}
			if !found {
				fmt.Fprintf(w, "missing %s: %q among %q\n", td.name, g, names)
			}
		}
	}
}

// withFoldsDrawn runs fn with each document's fold drawn again by a hash
// of its name and the draw r, then puts the folds back.
func withFoldsDrawn[T any](docs []T, fold func(T) (*int, string), r int, fn func()) {
	saved := make([]int, len(docs))
	for i, d := range docs {
		f, name := fold(d)
		saved[i] = *f
		h := fnv.New32a()
		fmt.Fprintf(h, "%s/%d", name, r)
		*f = int(h.Sum32() % folds)
	}
	fn()
	for i, d := range docs {
		f, _ := fold(d)
		*f = saved[i]
	}
}
