package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractEveryFormat runs one extract over a text file, an HTML page,
// a feed with a broken line, a truncated bzip2 dump and a malformed XML
// dump: the good documents come out in input order, each bad input is
// named on standard error, and the exit status says some failed.
func TestExtractEveryFormat(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := write("bus.txt", []byte("Published: 2011-03-26\nTitle: Bomb on bus\n\nA bomb exploded on a bus in Jerusalem on Wednesday, killing one person and injuring 30.\n"))
	html := "../../internal/htmldoc/testdata/car_bomb_kills_11_in_pakistan.html"
	feed := "../../internal/feed/testdata/news.jsonl"
	bz, err := os.ReadFile("../../internal/dump/testdata/corpus.xml.bz2")
	if err != nil {
		t.Fatal(err)
	}
	truncated := write("truncated.xml.bz2", bz[:len(bz)/2])
	malformed := write("malformed.xml", []byte("<mediawiki>\n  <page>\n    <title>Kabul bombing</title>\n    <ns>0</ns>\n    <text>{{Infobox civilian attack\n| location = Kabul\n}}\nOn 1 May 2020, a car bomb exploded in Kabul, killing three people.</text>\n  </page>\n  <page>\n    <ns>0</ns>\n  </page>\n"))

	code, out, errs := run(t, "", "extract", "--format", "jsonl", text, html, feed, truncated, malformed)
	if code != exitPartial {
		t.Errorf("exit status %d, want %d\n%s", code, exitPartial, errs)
	}
	for _, want := range []string{feed + ":4: not a JSON object", truncated + ": at compressed byte", "bzip2 data truncated or corrupt",
		malformed + ": at byte", "no <title>", malformed + ": at compressed byte"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	var paths []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var x struct {
			Doc       struct{ Path string }
			Published string
			Incidents []struct{ Date struct{ Start string } }
		}
		if err := json.Unmarshal([]byte(line), &x); err != nil {
			t.Fatalf("bad output line %v: %s", err, line)
		}
		paths = append(paths, x.Doc.Path)
		if x.Doc.Path == html && (x.Published != "2009-05-16" || len(x.Incidents) == 0 || x.Incidents[0].Date.Start != "2009-05-16") {
			t.Errorf("HTML page: published %q, incidents %+v", x.Published, x.Incidents)
		}
	}
	want := []string{text, html, feed + "#L1", feed + "#L2", feed + "#L5", malformed + "#Kabul bombing"}
	if strings.Join(paths, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents\n%s\nwant\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}
}

// TestIngestEveryFormat ingests an HTML page, a feed with a broken line, a
// bzip2 dump and a truncated one in one run: the good documents are
// stored, each bad input is named, the exit status says some failed, the
// knowledge base stays consistent, and a second run changes nothing.
func TestIngestEveryFormat(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kb.db")
	bz, err := os.ReadFile("../../internal/dump/testdata/corpus-multistream.xml.bz2")
	if err != nil {
		t.Fatal(err)
	}
	idx, err := os.ReadFile("../../internal/dump/testdata/corpus-multistream-index.txt.bz2")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"corpus-multistream.xml.bz2": bz, "corpus-multistream-index.txt.bz2": idx,
		"truncated.xml.bz2": bz[:len(bz)/3]} {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	html := "../../internal/htmldoc/testdata/car_bomb_kills_11_in_pakistan.html"
	feed := "../../internal/feed/testdata/news.jsonl"

	code, out, errs := dossierRun(t, "ingest", "--db", db, "--progress", "none", html, feed, in)
	if code != exitPartial {
		t.Fatalf("ingest: exit %d, want %d\n%s\n%s", code, exitPartial, out, errs)
	}
	for _, want := range []string{feed + ":4: not a JSON object", filepath.Join(in, "truncated.xml.bz2")} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not name %q:\n%s", want, errs)
		}
	}
	// 1 page + 3 feed lines + the 45 pages of the dump; the truncated
	// dump's first stream may give a few pages too.
	var stored int
	if _, err := fmt.Sscanf(out[strings.Index(out, "ingested "):], "ingested %d document(s)", &stored); err != nil || stored < 49 {
		t.Fatalf("stored %d documents:\n%s", stored, out)
	}
	if code, out, _ := dossierRun(t, "db", "check", "--db", db); code != exitOK {
		t.Errorf("db check: %d %s", code, out)
	}
	code, out, _ = dossierRun(t, "show", "--db", db, "document", "https://en.wikinews.org/wiki/Car_bomb_kills_11_in_Pakistan")
	if code != exitOK || !strings.Contains(out, "html") {
		t.Errorf("the HTML page is not stored under its canonical address: %d\n%s", code, out)
	}
	// Again: nothing changes, the same inputs fail.
	code, out, _ = dossierRun(t, "ingest", "--db", db, "--progress", "none", html, feed, in)
	if code != exitPartial || !strings.Contains(out, " 0 new, 0 updated") {
		t.Errorf("second ingest: exit %d\n%s", code, out)
	}
}
