package extract

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dossier-project/dossier/internal/actordict"
	"github.com/dossier-project/dossier/internal/gazetteer"
)

// userData adds a user's actors.tsv and places.tsv from dir. The shared
// defaults are not changed: the user's additions go into copies.
func userData(dir string, gz *gazetteer.Gazetteer, dict *actordict.Dict) (*gazetteer.Gazetteer, *actordict.Dict, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil, fmt.Errorf("lexicon folder %s: not a readable folder", dir)
	}
	if p := filepath.Join(dir, "places.tsv"); exists(p) {
		g := gz
		if err := g.AddFile(p); err != nil {
			return nil, nil, fmt.Errorf("user places: %w", err)
		}
		gz = g
	}
	if p := filepath.Join(dir, "actors.tsv"); exists(p) {
		dd := dict.Clone()
		if err := dd.AddFile(p); err != nil {
			return nil, nil, fmt.Errorf("user actors: %w", err)
		}
		dict = dd
	}
	return gz, dict, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
