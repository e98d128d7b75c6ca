package dump

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestIsBomb: a bzip2 stream of tiny blocks (one repeated byte, each block
// decoding to 45 MB) is recognised and decoded as a stream; real dumps are
// not, and keep the parallel block decoder.
func TestIsBomb(t *testing.T) {
	if _, err := exec.LookPath("bzip2"); err != nil {
		t.Skip("bzip2 not installed")
	}
	cmd := exec.Command("bzip2", "-9", "-c")
	cmd.Stdin = strings.NewReader("<mediawiki><page><title>A</title><ns>0</ns><id>1</id><revision><text>" + strings.Repeat("a", 48<<20) + "</text></revision></page></mediawiki>")
	bomb, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !isBomb(bufio.NewReaderSize(bytes.NewReader(bomb), bombProbeBytes)) {
		t.Errorf("a %d-byte stream expanding to 48 MB is not taken for a bomb", len(bomb))
	}
	for _, p := range []string{"testdata/enwiki-pages-articles-shortened.xml.bz2", "testdata/corpus-multistream.xml.bz2", "testdata/corpus.xml.bz2"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if isBomb(bufio.NewReaderSize(bytes.NewReader(b), bombProbeBytes)) {
			t.Errorf("%s (a real dump) taken for a bomb", p)
		}
	}
}
