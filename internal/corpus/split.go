package corpus

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"strings"
)

// The split of every corpus, fixed once: a document is in the test split
// when the SHA-256 of its source URL (spaces trimmed), read as a big-endian
// number from its first eight bytes, is 70 or more modulo 100. Rules and
// models are chosen on dev; the test split is scored, never read document
// by document.
const (
	Dev  = "dev"
	Test = "test"
	// DevPercent is the share of documents in dev.
	DevPercent = 70
)

// SplitOf returns Dev or Test for a document's source URL.
func SplitOf(source string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(source)))
	if binary.BigEndian.Uint64(sum[:8])%100 < DevPercent {
		return Dev
	}
	return Test
}

// SourceOf returns the Source: header of a corpus file (among its first
// lines): the URL its split is computed from.
func SourceOf(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	for _, ln := range strings.SplitN(string(b), "\n", 5) {
		if s, ok := strings.CutPrefix(ln, "Source:"); ok {
			return strings.TrimSpace(s), nil
		}
	}
	return "", fmt.Errorf("%s: no Source: line", path)
}
