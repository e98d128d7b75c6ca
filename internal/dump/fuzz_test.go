package dump

import (
	"bytes"
	stdbzip2 "compress/bzip2"
	"context"
	"io"
	"os"
	"testing"
	"time"
)

// FuzzReader feeds the dump reader arbitrary bytes, as XML and as bzip2
// (whole, truncated, with flipped bits): it must return pages or errors,
// never panic or hang, and stop within its page limit.
func FuzzReader(f *testing.F) {
	for _, p := range []string{"testdata/corpus.xml.bz2", "testdata/enwiki-table-markup.xml.bz2"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		if x, err := io.ReadAll(io.LimitReader(stdbzip2.NewReader(bytes.NewReader(b)), 64<<10)); err == nil {
			f.Add(x) // the XML itself
		}
		f.Add(b[:len(b)/2])
	}
	f.Add([]byte("<mediawiki><page><title>T</title><ns>0</ns><id>1</id><revision><text>{{Infobox civilian attack | date = 1 May 2020 }}</text></revision></page></mediawiki>"))
	f.Add([]byte("BZh91AY&SY"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		r, err := NewReader(ctx, "fuzz.xml", bytes.NewReader(data), Options{MaxPageBytes: 1 << 20})
		if err != nil {
			return
		}
		defer r.Close()
		n := 0
		for _, err := range r.Documents(ctx) {
			_ = err
			if n++; n > 10000 {
				t.Fatal("more pages than the input could hold")
			}
		}
		if ctx.Err() != nil {
			t.Fatal("the reader did not finish within 10 s")
		}
	})
}
