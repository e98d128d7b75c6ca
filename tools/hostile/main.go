// Command hostile writes the hostile-input corpus: documents made to cost
// dossier time or memory, each a reproduction of a failure found by
// attacking it (see the hardening issue). They are generated, not stored:
// some are large, and all are made the same way every time.
//
//	go run ./tools/hostile DIR
//
// It writes into DIR:
//
//	longline.txt        a 1 MiB line of clauses with no full stop
//	divs20k.html        20,000 nested <div>
//	tables10k.html      10,000 nested <table><tr><td> (330 KB)
//	divs100k.html       100,000 nested <div> (1.1 MB)
//	big.txt             a 15 MB text document
//	big.html            a 15 MB HTML page
//	bomb.xml.bz2        2 KB of bzip2 expanding to 25 pages of 7.9 MB
//	hugepage.xml.bz2    a small bzip2 dump holding one 1 GiB page
//	many.jsonl          a feed of 5,000 documents
//	binary.txt          random bytes
//	after.txt           an ordinary report, to check that the documents
//	                    after the hostile ones are not held back
package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hostile DIR")
		os.Exit(2)
	}
	if err := Write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
}

// Write makes the corpus in dir.
func Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	clause := `a bomb killed 5 people in Kabul, police said "it was" on Monday, `
	files := map[string]func(w *bufio.Writer) error{
		"longline.txt": func(w *bufio.Writer) error {
			w.WriteString("Title: One line\n\n")
			w.WriteString(strings.Repeat(clause, 1_000_000/len(clause)))
			return w.WriteByte('\n')
		},
		"divs20k.html":   nested("<div>", "</div>", 20000),
		"tables10k.html": nested("<table><tr><td>", "</td></tr></table>", 10000),
		"divs100k.html":  nested("<div>", "</div>", 100000),
		"big.txt": func(w *bufio.Writer) error {
			w.WriteString("Title: A long report\n\n")
			return repeatTo(w, 15_000_000, "A car bomb exploded near a market in Baghdad on Monday, killing 12 people and wounding 30, police said.\n\n")
		},
		"big.html": func(w *bufio.Writer) error {
			w.WriteString("<html><head><title>A long page</title></head><body>")
			if err := repeatTo(w, 15_000_000, "<p>A car bomb exploded near a market in Baghdad on Monday, killing 12 people and wounding 30, police said.</p>\n"); err != nil {
				return err
			}
			_, err := w.WriteString("</body></html>\n")
			return err
		},
		"many.jsonl": func(w *bufio.Writer) error {
			for i := 0; i < 5000; i++ {
				fmt.Fprintf(w, `{"url":"https://example.org/report/%d","title":"Report %d","text":"A bomb exploded in Kabul on 1 May 2020, killing %d people."}`+"\n", i, i, i%50)
			}
			return nil
		},
		"binary.txt": func(w *bufio.Writer) error {
			r := rand.New(rand.NewPCG(1, 2))
			for i := 0; i < 1<<20; i++ {
				w.WriteByte(byte(r.UintN(256)))
			}
			return nil
		},
		"after.txt": func(w *bufio.Writer) error {
			_, err := w.WriteString("Published: 2009-05-16\nTitle: Car bomb kills 11 in Pakistan\n\nA car bomb exploded in Peshawar on Saturday, killing at least 11 people and injuring 30.\n")
			return err
		},
	}
	for name, fill := range files {
		if err := writeFile(filepath.Join(dir, name), fill); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	// Compressed dumps: the XML is piped through bzip2 (the system's), the
	// way real dumps are made.
	// A bzip2 block of one repeated byte expands about fifty-fold: such
	// blocks decoded side by side on many cores took gigabytes.
	run := strings.Repeat("a", 1<<20)
	if err := bz2(filepath.Join(dir, "bomb.xml.bz2"), func(w io.Writer) error {
		fmt.Fprint(w, "<mediawiki>\n")
		for p := 0; p < 25; p++ { // 25 pages of 7.9 MB, each under the page limit
			fmt.Fprintf(w, "<page><title>Attack %d</title><ns>0</ns><id>%d</id><revision><text>{{Infobox civilian attack | location = Kabul }}\n", p, p+1)
			for n := 0; n < 7; n++ {
				io.WriteString(w, run)
			}
			io.WriteString(w, run[:900_000])
			fmt.Fprint(w, "</text></revision></page>\n")
		}
		_, err := fmt.Fprint(w, "</mediawiki>\n")
		return err
	}); err != nil {
		return err
	}
	return bz2(filepath.Join(dir, "hugepage.xml.bz2"), func(w io.Writer) error {
		fmt.Fprint(w, "<mediawiki>\n<page><title>Huge</title><ns>0</ns><id>1</id><revision><text>")
		for i := 0; i < 1024; i++ {
			io.WriteString(w, run)
		}
		_, err := fmt.Fprint(w, "</text></revision></page>\n</mediawiki>\n")
		return err
	})
}

func nested(open, close string, n int) func(w *bufio.Writer) error {
	return func(w *bufio.Writer) error {
		w.WriteString("<html><head><title>Deep</title></head><body>")
		for i := 0; i < n; i++ {
			w.WriteString(open)
		}
		w.WriteString("A car bomb exploded in Kabul on Monday, killing three people.")
		for i := 0; i < n; i++ {
			w.WriteString(close)
		}
		_, err := w.WriteString("</body></html>\n")
		return err
	}
}

func repeatTo(w *bufio.Writer, size int, s string) error {
	for n := 0; n+len(s) <= size; n += len(s) {
		if _, err := w.WriteString(s); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, fill func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := fill(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// bz2 compresses what write produces with the system's bzip2 -9.
func bz2(path string, write func(io.Writer) error) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	cmd := exec.Command("bzip2", "-9", "-c")
	cmd.Stdout = out
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("bzip2 (install it): %w", err)
	}
	bw := bufio.NewWriterSize(in, 1<<20)
	werr := write(bw)
	if werr == nil {
		werr = bw.Flush()
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		return err
	}
	return werr
}
