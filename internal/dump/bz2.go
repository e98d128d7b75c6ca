package dump

import (
	"bufio"
	"bytes"
	stdbzip2 "compress/bzip2"
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"

	"github.com/cosnicolaou/pbzip2"
	"golang.org/x/sync/semaphore"
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

// decodedBudget bounds the decoded bytes of the blocks appended to the
// decoder and not yet read. A 900 kB block can decode to 46 MB (a run of
// one byte), and each decoded block lives in a buffer grown by doubling:
// without this bound a few kilobytes of bzip2 took gigabytes on a machine
// with many cores. Blocks of real dumps decode to about 4 MB, so several
// stay in flight and both workers keep busy.
const decodedBudget = 48 << 20

// maxExpansion is the most a bzip2 block expands: the estimate for a block
// before any has been seen.
const maxExpansion = 50

// newBZ2Reader starts decoding r with workers blocks decoded at once.
//
// A block is appended once the blocks in flight (appended and not yet
// read) leave room for it in decodedBudget. Its decoded size is estimated
// from its compressed size and the largest expansion of the last blocks
// read; the decompressor reports each block once the reader has taken all
// of it (its pipe does not buffer), which frees its share.
func newBZ2Reader(ctx context.Context, r io.Reader, workers int) *bz2Reader {
	ctx, cancel := context.WithCancel(ctx)
	sc := pbzip2.NewScanner(r)
	progress := make(chan pbzip2.Progress, workers+1)
	dc := pbzip2.NewDecompressor(ctx, pbzip2.BZConcurrency(workers), pbzip2.BZSendUpdates(progress))
	br := &bz2Reader{dc: dc, cancel: cancel, done: make(chan struct{})}
	sem := semaphore.NewWeighted(decodedBudget)
	var mu sync.Mutex
	weights := map[uint64]int64{}
	var recent [8]float64 // expansions of the last blocks read; 0 for none yet
	expansion := func() float64 {
		m := 0.0
		for _, x := range recent {
			m = max(m, x)
		}
		if m == 0 {
			return maxExpansion
		}
		return max(1, m)
	}
	go func() {
		// A merged pair of blocks (a false block boundary) reports once
		// for two, hence the order numbers.
		var last uint64
		for {
			select {
			case p := <-progress:
				mu.Lock()
				if p.Compressed > 0 {
					recent[p.Block%uint64(len(recent))] = float64(p.Size) / float64(p.Compressed)
				}
				for ; last < p.Block; last++ {
					if w, ok := weights[last+1]; ok {
						sem.Release(w)
						delete(weights, last+1)
					}
				}
				mu.Unlock()
			case <-br.done:
				return
			}
		}
	}()
	go func() {
		defer close(br.done)
		var err error
		var order uint64
		for sc.Scan(ctx) {
			block := sc.Block()
			mu.Lock()
			w := min(int64(decodedBudget), max(1, int64(float64(len(block.Data))*expansion())))
			mu.Unlock()
			if err = sem.Acquire(ctx, w); err != nil {
				break
			}
			order++
			mu.Lock()
			weights[order] = w
			mu.Unlock()
			if err = dc.Append(block); err != nil {
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

// bombProbeBytes is how much of a bzip2 input isBomb looks at.
const bombProbeBytes = 1 << 20

// bombExpansion is the expansion past which a bzip2 input is decoded as a
// stream: text compresses about five-fold, a run of one byte by
// thousands.
const bombExpansion = 64

// isBomb tells whether a bzip2 input expands so much that decoding it
// block by block, each block whole in memory, would take far more memory
// than its size suggests: its first bombProbeBytes, decoded as a stream,
// give more than bombExpansion times their size (64 MiB at most are
// decoded to find out).
func isBomb(br *bufio.Reader) bool {
	head, _ := br.Peek(bombProbeBytes)
	if len(head) == 0 {
		return false
	}
	limit := int64(bombExpansion) * int64(len(head))
	n, _ := io.Copy(io.Discard, io.LimitReader(stdbzip2.NewReader(bytes.NewReader(head)), limit+1))
	return n > limit
}
