package main

import (
	"context"
	"encoding/json"
	"io"

	"github.com/dossier-project/dossier/internal/extract"
)

// targets: the choice among candidate targets of a news report's main
// incident (internal/extract/targets.go). The training data is the dev
// split of corpora/news: each report as dossier reads it, and as labels
// the hand-written gold's targets, matched to candidates with the
// scorer's name rules. Every report is learnt from: its gold lists its
// targets, none when it names none.
func trainTargets(ctx context.Context, root string, w io.Writer) ([]byte, error) {
	docs, sum, err := loadNewsDev(ctx, root)
	if err != nil {
		return nil, err
	}
	return fit("targets", docs, sum, w)
}

func loadNewsDev(ctx context.Context, root string) ([]*trainDoc, string, error) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		return nil, "", err
	}
	var docs []*trainDoc
	sum, err := eachDev(ctx, root, "news/wikinews", "news/gold", func(dd devDoc) error {
		var g struct {
			Main struct {
				Targets []string `json:"targets"`
			} `json:"main_incident"`
		}
		if err := json.Unmarshal(dd.gold, &g); err != nil {
			return err
		}
		cands, rules, err := x.TargetCandidates(dd.doc)
		if err != nil {
			return err
		}
		td := &trainDoc{name: dd.name, fold: len(docs) % folds, rules: rules, gold: g.Main.Targets, field: true, same: sameTarget}
		for _, c := range cands {
			e := &example{doc: len(docs), name: c.Name, feats: c.Features}
			for _, gn := range td.gold {
				if sameName(c.Name, gn) {
					e.y = 1
				}
			}
			td.exs = append(td.exs, e)
		}
		docs = append(docs, td)
		return nil
	})
	return docs, sum, err
}

// sameTarget: as the extractor's choice of targets sees two candidates.
func sameTarget(a, b *example) bool { return extract.SameTarget(a.name, a.feats, b.name, b.feats) }
