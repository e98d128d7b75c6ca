package dump

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"

	"github.com/cosnicolaou/pbzip2"
)

// bz2Reader decompresses a bzip2 file (one stream or many concatenated) by
// decoding its blocks in parallel with pbzip2, and hands out the output in
// order. Unlike pbzip2.NewReader it delivers every block that decoded before
// reporting an error, so the pages ahead of a truncation or a corrupt block
// are still read.
type bz2Reader struct {
	dc     *pbzip2.Decompressor
	cancel context.CancelFunc
	done   chan struct{}
	err    error // set before done is closed
	once   sync.Once
}

// newBZ2Reader starts decoding r with up to workers blocks in flight.
func newBZ2Reader(ctx context.Context, r io.Reader, workers int) *bz2Reader {
	ctx, cancel := context.WithCancel(ctx)
	sc := pbzip2.NewScanner(r)
	dc := pbzip2.NewDecompressor(ctx, pbzip2.BZConcurrency(workers))
	br := &bz2Reader{dc: dc, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(br.done)
		var err error
		for sc.Scan(ctx) {
			if err = dc.Append(sc.Block()); err != nil {
				break
			}
		}
		if err == nil {
			err = sc.Err()
		}
		// Finish waits until every appended block was decoded and written
		// to the pipe, which the reader drains concurrently.
		if ferr := dc.Finish(); err == nil {
			err = ferr
		}
		br.err = err
	}()
	return br
}

// Read returns decompressed bytes; after the last good block it returns the
// error that stopped decoding, or io.EOF.
func (br *bz2Reader) Read(p []byte) (int, error) {
	n, err := br.dc.Read(p)
	if err == io.EOF {
		<-br.done
		if br.err != nil {
			return n, br.err
		}
	}
	return n, err
}

// Close stops decoding and waits for the decoder's goroutines to end.
func (br *bz2Reader) Close() error {
	br.once.Do(func() {
		br.cancel()
		// Closing the pipe unblocks the assembler if it waits on a write.
		br.dc.Cancel(errors.New("dump: reader closed"))
		<-br.done
	})
	return nil
}

// countingReader counts the bytes read through it, for progress by
// compressed bytes.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
