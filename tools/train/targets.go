package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/corpus"
	"github.com/dossier-project/dossier/internal/extract"
	"github.com/dossier-project/dossier/internal/reader"
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
	paths, err := filepath.Glob(filepath.Join(root, "news", "wikinews", "*.txt"))
	if err != nil {
		return nil, "", err
	}
	sort.Strings(paths)
	h := sha256.New()
	var docs []*trainDoc
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, "", err
		}
		if corpus.SplitOf(reader.ParseHeader(raw).Source) != corpus.Dev {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		gb, err := os.ReadFile(filepath.Join(root, "news", "gold", name+".json"))
		if err != nil {
			return nil, "", err
		}
		var g struct {
			Main struct {
				Targets []string `json:"targets"`
			} `json:"main_incident"`
		}
		if err := json.Unmarshal(gb, &g); err != nil {
			return nil, "", fmt.Errorf("%s: %w", name, err)
		}
		fmt.Fprintf(h, "%s\n%d\n", name, len(raw))
		h.Write(raw)
		fmt.Fprintf(h, "\n%d\n", len(gb))
		h.Write(gb)
		doc, err := reader.ReadPath(ctx, p, nil, reader.Limits{})
		if err != nil {
			return nil, "", err
		}
		cands, rules, err := x.TargetCandidates(doc)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", name, err)
		}
		td := &trainDoc{name: name, fold: len(docs) % folds, rules: rules, gold: g.Main.Targets, field: true, same: sameTarget}
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
	}
	if len(docs) == 0 {
		return nil, "", fmt.Errorf("no dev documents under %s", root)
	}
	return docs, hex.EncodeToString(h.Sum(nil)), nil
}

// sameTarget: as the extractor's choice of targets sees two candidates.
func sameTarget(a, b *example) bool { return extract.SameTarget(a.name, a.feats, b.name, b.feats) }
