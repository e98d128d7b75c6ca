// Command bigevent writes N news reports of one event, each a different
// text from a different source, for the big-incident benchmark: every
// report joins the same incident, which then has thousands of sources.
//
//	go run ./tools/bigevent -n 5000 DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

var (
	outlets = []string{"the Associated Press", "Reuters", "Agence France-Presse", "the BBC", "Al Jazeera", "a local radio station", "the state news agency", "witnesses"}
	tolls   = []string{"at least 12 people", "12 people", "a dozen people", "at least 11 people", "12 civilians"}
	hurt    = []string{"wounding 30", "injuring at least 30", "wounding about 30 others", "injuring 31"}
	sites   = []string{"near the main market", "outside a police station", "at a busy crossroads", "near the central bus terminal"}
)

func main() {
	n := flag.Int("n", 5000, "reports to write")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bigevent [-n N] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 0; i < *n; i++ {
		text := fmt.Sprintf(`Source: https://news.example.org/%d/baghdad-car-bomb
Published: 2021-03-15
Title: Car bomb kills %s in Baghdad (report %d)

A car bomb exploded %s in Baghdad on Monday, killing %s and %s, %s reported. Police said the vehicle had been parked since the early morning.

"We heard a huge blast and then saw smoke everywhere," a shopkeeper told %s. No group has claimed responsibility for the attack, report number %d.
`, i, tolls[i%len(tolls)], i, sites[i%len(sites)], tolls[(i/3)%len(tolls)], hurt[i%len(hurt)], outlets[i%len(outlets)], outlets[(i/7)%len(outlets)], i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("report-%05d.txt", i)), []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
