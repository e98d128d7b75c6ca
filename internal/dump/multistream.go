package dump

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"sync"
)

// readIndex reads a multistream index (lines offset:page-id:title, plain or
// bzip2) and returns the distinct stream offsets in ascending order.
func readIndex(ctx context.Context, path string, size int64) ([]int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("multistream index: %w", err)
	}
	defer f.Close()
	var src io.Reader = bufio.NewReaderSize(f, 64<<10)
	var head [3]byte
	if n, _ := io.ReadFull(f, head[:]); n == 3 && string(head[:]) == "BZh" {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("multistream index %s: %w", path, err)
		}
		bz := newBZ2Reader(ctx, bufio.NewReaderSize(f, 64<<10), 1)
		defer bz.Close()
		src = bz
	} else if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("multistream index %s: %w", path, err)
	}
	var offs []int64
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	last := int64(-1)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(b) == 0 {
			continue
		}
		i := bytes.IndexByte(b, ':')
		if i <= 0 {
			return nil, fmt.Errorf("multistream index %s line %d: want offset:id:title, got %q", path, line, clip(b, 60))
		}
		off, err := strconv.ParseInt(string(b[:i]), 10, 64)
		if err != nil || off <= 0 {
			return nil, fmt.Errorf("multistream index %s line %d: bad offset %q", path, line, b[:i])
		}
		if off != last {
			offs = append(offs, off)
			last = off
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("multistream index %s: %w", path, err)
	}
	if len(offs) == 0 {
		return nil, fmt.Errorf("multistream index %s: no entries", path)
	}
	if offs[0] >= size {
		return nil, fmt.Errorf("multistream index %s: its first stream starts at byte %d, past the end of the %d-byte dump", path, offs[0], size)
	}
	if !sort.SliceIsSorted(offs, func(i, j int) bool { return offs[i] < offs[j] }) {
		slices.Sort(offs)
		offs = slices.Compact(offs)
	}
	return offs, nil
}

// findOffset returns the index of off in streams.
func findOffset(streams []int64, off int64) (int, bool) {
	return slices.BinarySearch(streams, off)
}

// streamJob is one bzip2 stream of a multistream dump, read by a worker.
type streamJob struct {
	lo, hi int64 // compressed byte range
	header bool  // the stream before the first indexed one: <siteinfo>
	skip   int64 // pages to pass over (resuming inside this stream)
	done   chan streamResult
}

// streamResult is what a worker found in one stream, in page order.
type streamResult struct {
	items     []streamItem
	pages     int64
	err       *Error // the stream could not be read to its end
	cancelled bool   // ctx ended the reading: the result is incomplete
}

type streamItem struct {
	page *Page
	err  *Error
	seq  int64 // page number in the stream, from 1
}

// multistream reads the streams of an indexed dump with a pool of workers,
// each decompressing, splitting and filtering whole streams, and yields the
// results in stream order. At most 2×Workers streams are in flight.
func (r *Reader) multistream(ctx context.Context, yield func(*Page, error) bool) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := r.streamJobs()
	work := make(chan *streamJob)
	order := make(chan *streamJob, 2*r.opts.Workers)
	var wg sync.WaitGroup
	for range r.opts.Workers {
		wg.Go(func() {
			for job := range work {
				job.done <- r.readStream(ctx, job)
			}
		})
	}
	go func() {
		defer close(work)
		defer close(order)
		for _, job := range jobs {
			select {
			case order <- job:
			case <-ctx.Done():
				return
			}
			select {
			case work <- job:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	defer cancel()
	for job := range order {
		var res streamResult
		select {
		case res = <-job.done:
		case <-ctx.Done():
		}
		if res.cancelled || ctx.Err() != nil {
			break
		}
		for _, it := range res.items {
			var ok bool
			if it.err != nil {
				ok = yield(nil, it.err)
			} else {
				ok = yield(it.page, nil)
			}
			if !job.header {
				r.setCheckpoint(Checkpoint{Offset: job.lo, Skip: it.seq})
			}
			if !ok {
				return
			}
		}
		if res.err != nil {
			if !yield(nil, res.err) {
				return
			}
		}
		if !job.header {
			r.setCheckpoint(Checkpoint{Offset: job.hi})
		}
		r.progress()
	}
	if err := ctx.Err(); err != nil {
		yield(nil, r.fatal(r.read.Load(), err))
		return
	}
	if missing := r.streamsPastEnd(); missing > 0 {
		yield(nil, r.fatal(r.size, fmt.Errorf("file ends at byte %d but the index lists %d more streams: the dump is truncated", r.size, missing)))
	}
}

// streamsPastEnd counts the indexed streams that start past the end of the
// file, as in a truncated download.
func (r *Reader) streamsPastEnd() int {
	i, _ := slices.BinarySearch(r.streams, r.size)
	return len(r.streams) - i
}

// streamJobs lists the streams to read, starting from the checkpoint.
func (r *Reader) streamJobs() []*streamJob {
	var jobs []*streamJob
	resume := r.opts.Resume
	if resume.Offset == 0 {
		jobs = append(jobs, &streamJob{lo: 0, hi: r.streams[0], header: true})
	}
	for i, lo := range r.streams {
		if lo < resume.Offset || lo >= r.size {
			continue
		}
		hi := r.size
		if i+1 < len(r.streams) {
			hi = min(r.streams[i+1], r.size)
		}
		job := &streamJob{lo: lo, hi: hi}
		if lo == resume.Offset {
			job.skip = resume.Skip
		}
		jobs = append(jobs, job)
	}
	for _, j := range jobs {
		j.done = make(chan streamResult, 1)
	}
	return jobs
}

// readStream decompresses one stream and splits and filters its pages.
func (r *Reader) readStream(ctx context.Context, job *streamJob) streamResult {
	var res streamResult
	sec := io.NewSectionReader(r.f, job.lo, job.hi-job.lo)
	bz := newBZ2Reader(ctx, countingReader{bufio.NewReaderSize(sec, 64<<10), &r.read}, 1)
	defer bz.Close()
	sp := newSplitter(bz, r.opts.MaxPageBytes, job.header)
	sp.wantEnd = job.hi == r.size && !job.header // the last stream holds </mediawiki>
	defer func() { r.uncompressed.Add(sp.base + int64(sp.end)) }()
	for {
		raw, off, big, err := sp.next()
		if err == io.EOF {
			return res
		}
		if err != nil && big == nil {
			if ctx.Err() != nil {
				res.cancelled = true
				return res
			}
			r.failed.Add(1)
			if isReadError(err) {
				err = fmt.Errorf("stream unreadable after %d bytes of XML (the pages before were read): %w", off, r.describe(err))
			}
			res.err = &Error{File: r.path, Stream: job.lo, Offset: -1, Err: err}
			return res
		}
		res.pages++
		if res.pages <= job.skip {
			continue // handed out before the checkpoint
		}
		r.pages.Add(1)
		var it streamItem
		it.seq = res.pages
		if big != nil {
			it.err = r.tooLarge(job.lo, big)
		} else {
			it.page, it.err = r.page(raw, job.lo, off)
		}
		if it.page != nil || it.err != nil {
			res.items = append(res.items, it)
		}
	}
}
