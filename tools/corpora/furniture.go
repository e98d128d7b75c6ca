package main

import (
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// cmdFurniture writes variants of news reports with page furniture added
// around and inside their text, as news sites print it: a skip link, a
// sign-up prompt, a time stamp, a byline and a reading time above; a photo
// caption with a credit and an embedded post's signature after the first
// paragraph, each with a place and a date of its own; "Read more" and
// "Related" links, a comment counter, a share prompt and a wire footer
// below. Every line is written here, in the shapes pages use; no site's
// text is copied. The variants are not independent reports: they measure
// that furniture changes nothing the extractor reads (scripts/score.sh,
// news-furniture), and their folder says what they are.
//
//	go run ./tools/corpora furniture SRC_DIR OUT_DIR
func cmdFurniture(args []string) error {
	fs := flag.NewFlagSet("furniture", flag.ExitOnError)
	fs.Parse(args)
	if fs.NArg() != 2 {
		return fmt.Errorf("usage: corpora furniture SRC_DIR OUT_DIR")
	}
	src, out := fs.Arg(0), fs.Arg(1)
	paths, err := filepath.Glob(filepath.Join(src, "*.txt"))
	if err != nil {
		return err
	}
	sort.Strings(paths)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	readme := "Variants made by `go run ./tools/corpora furniture`: the reports of " + src +
		" with page furniture added (lines written by the tool). Not independent reports; not a corpus.\n"
	if err := os.WriteFile(filepath.Join(out, "README.md"), []byte(readme), 0o644); err != nil {
		return err
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		name := filepath.Base(p)
		if err := os.WriteFile(filepath.Join(out, name), withFurniture(name, b), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Places and dates of the furniture: elsewhere and at other times than any
// report of the set, so that a caption read as prose shows in the scores.
var furniturePlaces = []string{"Lahore", "Karachi", "Quetta", "Maiduguri", "Benghazi", "Aleppo", "Kandahar", "Peshawar", "Mombasa", "Kirkuk"}

var furnitureDates = []string{"Friday, June 3, 2016", "Tuesday, March 8, 2016", "Sunday, October 2, 2016", "Wednesday, January 6, 2016"}

// withFurniture returns the report with furniture lines inserted: after
// its header (the leading "Key: value" lines), after its first paragraph,
// and at its end. The choice of place and date depends on the file name
// only, so the variants are the same at every run.
func withFurniture(name string, b []byte) []byte {
	h := fnv.New32a()
	h.Write([]byte(name))
	n := int(h.Sum32())
	place := func(k int) string { return furniturePlaces[(n+k)%len(furniturePlaces)] }
	date := furnitureDates[n%len(furnitureDates)]
	lines := strings.Split(string(bytes.TrimRight(b, "\n")), "\n")
	head := 0
	for head < len(lines) && isHeaderLine(lines[head]) {
		head++
	}
	first := -1 // the first prose line after the header
	for i := head; i < len(lines); i++ {
		if len(lines[i]) >= 80 {
			first = i
			break
		}
	}
	top := []string{"Skip to main content", "Subscribe to our newsletter",
		"Updated 2 hours ago", "By Staff Reporter", "4 min read", ""}
	middle := []string{"",
		"A police officer stands guard at a checkpoint in " + place(1) + " on " + date + ". REUTERS/Staff Photographer",
		"(Photo by Staff Photographer/AFP via Getty Images)",
		"— Local Observer (@localobserver) " + strings.SplitN(date, ", ", 2)[1],
		""}
	bottom := []string{"", "Read more: Bombing kills 12 in " + place(2), "Related: Attack on a market in " + place(3) + " on Monday",
		"23 comments", "Share this article", "Reporting by Staff Writer; Editing by Desk Editor"}
	var out []string
	out = append(out, lines[:head]...)
	if head > 0 {
		out = append(out, "")
	}
	out = append(out, top...)
	for i := head; i < len(lines); i++ {
		if i == head && strings.TrimSpace(lines[i]) == "" {
			continue
		}
		out = append(out, lines[i])
		if i == first {
			out = append(out, middle...)
		}
	}
	out = append(out, bottom...)
	return []byte(strings.Join(out, "\n") + "\n")
}

// isHeaderLine tells the "Key: value" lines a saved report starts with.
func isHeaderLine(s string) bool {
	for _, k := range []string{"Source: ", "License: ", "Published: ", "Title: ", "Date: ", "Author: "} {
		if strings.HasPrefix(s, k) {
			return true
		}
	}
	return false
}
