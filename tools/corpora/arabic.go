package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/dossier-project/dossier/internal/corpus"
	"github.com/dossier-project/dossier/internal/gazetteer"
)

// buildArabicEncyclopedia builds the Arabic encyclopedia set from its
// collected pages (dir/raw/NAME.txt, as stored, with Source, Via and
// License headers): the with-infobox layout (mirror furniture removed by
// the rules of internal/corpus.ReadArabic), the prose-only documents, the
// gold from each article's own infobox (internal/corpus.GenerateArabic,
// then ../shared/tools/attest.py for in_prose) and ATTRIBUTION.md. A
// reserved page, or a Source URL not in the canonical form, stops it.
func buildArabicEncyclopedia(dir, shared string) error {
	rawDir := filepath.Join(dir, "raw")
	files, err := listTxt(rawDir)
	if err != nil || len(files) == 0 {
		return err
	}
	if err := checkReserved(shared, rawDir); err != nil {
		return err
	}
	gz, err := gazetteer.Default()
	if err != nil {
		return err
	}
	withDir, proseDir, goldDir := filepath.Join(dir, "wikipedia-with-infobox"), filepath.Join(dir, "wikipedia"), filepath.Join(dir, "gold")
	for _, d := range []string{withDir, proseDir, goldDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	type row struct{ name, source, via string }
	var rows []row
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		raw, err := corpus.ParseArabicRaw(string(b))
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		with, err := corpus.ArabicWithInfobox(string(b))
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		prose, err := corpus.ProseOnly(with)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		g, err := corpus.GenerateArabic("wikipedia/"+name+".txt", with, gz)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if g.Gold.Date == nil || g.Gold.Location == "" {
			return fmt.Errorf("%s: the infobox gives no date or no place (an article enters only with both)", f)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(g); err != nil {
			return err
		}
		for path, data := range map[string][]byte{
			filepath.Join(withDir, name+".txt"):  []byte(with),
			filepath.Join(proseDir, name+".txt"): []byte(prose),
			filepath.Join(goldDir, name+".json"): buf.Bytes(),
		} {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				return err
			}
		}
		rows = append(rows, row{name, raw.Source, raw.Via})
	}
	for _, d := range []string{withDir, proseDir} {
		if err := removeStale(d, files, ".txt"); err != nil {
			return err
		}
	}
	if err := removeStale(goldDir, files, ".json"); err != nil {
		return err
	}
	cmd := exec.Command("python3", filepath.Join(shared, "tools", "attest.py"), "--corpus", dir, goldDir)
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("attest.py: %v\n%s", err, o)
	}
	var b strings.Builder
	b.WriteString(`# Arabic encyclopedia set: attribution

Text from Arabic Wikipedia articles, by Wikipedia contributors, licensed
under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Each
file's first line gives its article's URL on ar.wikipedia.org; the pages
were read through the stored copies listed here (mirrors of Arabic
Wikipedia, or the site itself).

Changes: excerpt (the stored copy stops near 2,000 characters, often
mid-word). raw/ holds each page as stored, after Source, Via and License
header lines. wikipedia-with-infobox/ is made from raw/ by tools/corpora:
the mirror's furniture removed (its navigation and "Loading" lines, "من
ويكيبيديا، الموسوعة الحرة", the page title repeated, image names,
coordinates, Wikidata edit links, table rules, reference markers such as
[1], edit links "[عدل]", and the reference, see-also and external-link
sections with all that follows them); the infobox laid out as "- Key:
value" lines, key and value split with the Arabic key table of
internal/corpus. wikipedia/ is the same without title and infobox. The gold
under gold/ is derived from each article's own infobox by tools/corpora; it
is licensed like the text it comes from.

| file | article | read through |
|---|---|---|
`)
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s.txt | %s | %s |\n", r.name, r.source, r.via)
	}
	return os.WriteFile(filepath.Join(dir, "ATTRIBUTION.md"), []byte(b.String()), 0o644)
}
