// Package samples embeds the sample corpus that `dossier demo` loads: the
// seed article, 45 encyclopedia articles with their infobox, 14 news
// reports and 4 Arabic documents about events the English ones report. The texts keep their licences; see ATTRIBUTION.md.
package samples

import (
	"embed"
	"io/fs"
	"path"
	"sort"
)

//go:embed ATTRIBUTION.md kadhimi-assassination-attempt.txt wikipedia/*.txt news/*.txt arabic/*.txt
var files embed.FS

// File is one sample document: its path in the repository (samples/...),
// which is also its key in a store when it has no Source header.
type File struct {
	Path string
	Data []byte
}

// Attribution is the licence notice of the corpus.
func Attribution() string {
	b, _ := files.ReadFile("ATTRIBUTION.md") // embedded above
	return string(b)
}

// Files returns the corpus in a stable order: the seed first, then the
// encyclopedia articles, then the news reports, then the Arabic documents.
func Files() ([]File, error) {
	var out []File
	for _, dir := range []string{".", "wikipedia", "news", "arabic"} {
		names, err := fs.Glob(files, path.Join(dir, "*.txt"))
		if err != nil {
			return nil, err
		}
		sort.Strings(names)
		for _, n := range names {
			b, err := files.ReadFile(n)
			if err != nil {
				return nil, err
			}
			out = append(out, File{Path: path.Join("samples", n), Data: b})
		}
	}
	return out, nil
}
