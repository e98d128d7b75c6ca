// Package dump reads MediaWiki XML dumps (pages-articles.xml, .xml.bz2 in
// one stream, and the multistream .xml.bz2 with its index) with bounded
// memory, and hands out the pages worth extracting.
//
// bzip2 is decoded in parallel: the blocks of one stream by
// github.com/cosnicolaou/pbzip2, the independent streams of a multistream
// dump by a pool of workers. Pages are cut out of the decompressed XML by a
// byte search for <page> and </page>, their few needed elements read by a
// minimal parser, and a Filter applied to the raw wikitext before anything
// is rendered, so a full dump costs little more than its decompression.
// Progress is counted in compressed bytes, and a Checkpoint lets a caller
// resume a file where it stopped.
package dump

import (
	"bufio"
	stdbzip2 "compress/bzip2"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// DefaultMaxPageBytes is the page size limit when Options.MaxPageBytes is 0.
// The largest articles of the English Wikipedia are a few MB of wikitext.
const DefaultMaxPageBytes = 8_000_000

// Options configure a Reader.
type Options struct {
	// Index is the multistream index (offset:id:title lines, plain or bz2).
	// When empty, Open looks for NAME-index.txt.bz2 or NAME-index.txt next
	// to NAME.xml.bz2.
	Index string
	// NoIndex reads a multistream dump as one sequence of streams even if
	// an index is present.
	NoIndex bool
	// Workers is the number of decompression workers; 0 means GOMAXPROCS,
	// and never more than MaxDecodeWorkers.
	Workers int
	// MaxPageBytes is the size limit of one <page> element, 0 for
	// DefaultMaxPageBytes. Larger pages are skipped and reported.
	MaxPageBytes int
	// Filter selects the pages to hand out; nil hands out every page.
	Filter *Filter
	// Resume restarts reading where a previous run's Checkpoint was taken.
	Resume Checkpoint
	// Progress, when set, is called from the reading goroutine as
	// compressed bytes are consumed (after each page or stream).
	Progress func(Progress)
}

// Progress is how far reading one file has got.
type Progress struct {
	File     string
	Read     int64 // compressed bytes read so far
	Size     int64 // compressed size of the file
	Pages    int64
	Selected int64
	Failed   int64
}

// Stats count what reading one file did.
type Stats struct {
	Pages        int64 // <page> elements read (not counting those a checkpoint skipped)
	Selected     int64 // pages the filter selected
	Failed       int64 // pages (or multistream streams) that could not be read
	Compressed   int64 // bytes read from the file
	Uncompressed int64 // bytes of XML decompressed
}

// Checkpoint is where to resume a file: seek to Offset in the file, then
// pass over Skip pages. For a multistream dump Offset is the start of a
// stream; for plain XML the byte after the last page handed out; for a
// single bzip2 or gzip stream it is 0 and Skip counts pages. Store it with
// the file's path; it is valid for the same file only.
type Checkpoint struct {
	Offset int64 `json:"offset"`
	Skip   int64 `json:"skip"`
}

// Page is one page of a dump.
type Page struct {
	Title    string
	NS       int
	ID       int64
	Redirect string
	// Text is the wikitext of the page's revision, XML entities decoded.
	Text string
	// Stream is the compressed offset of the multistream stream holding the
	// page, -1 outside multistream dumps.
	Stream int64
	// Offset is the page's byte offset in the uncompressed XML (of its
	// stream, for a multistream dump).
	Offset int64
	// Reason says why the filter selected the page.
	Reason string
}

// Error is a problem reading a dump, naming the file and where in it. A
// page or stream error leaves the rest of the file to be read; a Fatal one
// ends it.
type Error struct {
	File   string
	Stream int64  // compressed offset of the stream, -1 if none
	Offset int64  // uncompressed offset of the page, or compressed offset if Fatal; -1 if unknown
	Title  string // page title when known
	Fatal  bool
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Stream >= 0 {
		fmt.Fprintf(&b, ": stream at byte %d", e.Stream)
	}
	switch {
	case e.Title != "" && e.Offset >= 0:
		fmt.Fprintf(&b, ": page %q at byte %d", e.Title, e.Offset)
	case e.Title != "":
		fmt.Fprintf(&b, ": page %q", e.Title)
	case e.Fatal && e.Offset >= 0:
		fmt.Fprintf(&b, ": at compressed byte %d", e.Offset)
	case e.Offset >= 0:
		fmt.Fprintf(&b, ": at byte %d", e.Offset)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

type format int

const (
	formatXML format = iota
	formatGzip
	formatBZ2
	formatMultistream
)

func (f format) String() string {
	return [...]string{"xml", "gzip", "bzip2", "bzip2 multistream"}[f]
}

// Reader reads the pages of one dump file.
type Reader struct {
	path    string
	opts    Options
	f       *os.File  // the dump file, nil when reading a stream
	src     io.Reader // the stream when f is nil
	size    int64
	format  format
	streams []int64 // multistream: stream start offsets, ascending

	read         atomic.Int64 // compressed bytes read
	pages        atomic.Int64
	selected     atomic.Int64
	failed       atomic.Int64
	uncompressed atomic.Int64

	mu   sync.Mutex
	ckpt Checkpoint
}

// Open opens a dump and finds its format from its first bytes; a bzip2 dump
// with an index file is read as a multistream dump.
func Open(ctx context.Context, path string, opts Options) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open dump: %w", err)
	}
	r := &Reader{path: path, opts: opts, f: f, ckpt: opts.Resume}
	r.opts.Workers = decodeWorkers(r.opts.Workers)
	if r.opts.MaxPageBytes <= 0 {
		r.opts.MaxPageBytes = DefaultMaxPageBytes
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open dump %s: %w", path, err)
	}
	if fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("open dump %s: is a directory", path)
	}
	r.size = fi.Size()
	var magic [3]byte
	n, _ := io.ReadFull(f, magic[:])
	r.format = sniff(magic[:n])
	if r.format == formatBZ2 && !opts.NoIndex {
		index := opts.Index
		if index == "" {
			index = findIndex(path)
		}
		if index != "" {
			streams, err := readIndex(ctx, index, r.size)
			if err != nil {
				f.Close()
				return nil, fmt.Errorf("open dump %s: %w", path, err)
			}
			r.streams, r.format = streams, formatMultistream
		}
	}
	if err := r.checkResume(); err != nil {
		f.Close()
		return nil, fmt.Errorf("open dump %s: %w", path, err)
	}
	return r, nil
}

// NewReader reads a dump from a stream, such as standard input: plain
// XML, gzip or bzip2 (one stream or many, read in sequence). name names it
// in errors. Resuming needs a Checkpoint with Offset 0.
func NewReader(ctx context.Context, name string, src io.Reader, opts Options) (*Reader, error) {
	br := bufio.NewReaderSize(src, 256<<10)
	magic, _ := br.Peek(3)
	r := &Reader{path: name, opts: opts, src: br, format: sniff(magic), ckpt: opts.Resume}
	r.opts.Workers = decodeWorkers(r.opts.Workers)
	if r.opts.MaxPageBytes <= 0 {
		r.opts.MaxPageBytes = DefaultMaxPageBytes
	}
	if c := opts.Resume; c.Offset != 0 || c.Skip < 0 {
		return nil, fmt.Errorf("open dump %s: a stream resumes by page count: checkpoint %+v must have offset 0", name, c)
	}
	return r, nil
}

// sniff tells the format from the first bytes.
func sniff(magic []byte) format {
	switch {
	case len(magic) >= 3 && string(magic[:3]) == "BZh":
		return formatBZ2
	case len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		return formatGzip
	}
	return formatXML
}

// Format names how the file is read: xml, gzip, bzip2, bzip2 multistream.
func (r *Reader) Format() string { return r.format.String() }

// Size is the size of the file in bytes, 0 for a stream.
func (r *Reader) Size() int64 { return r.size }

// Close closes the file.
func (r *Reader) Close() error {
	if r.f == nil {
		return nil
	}
	return r.f.Close()
}

// Stats returns the counts so far.
func (r *Reader) Stats() Stats {
	return Stats{Pages: r.pages.Load(), Selected: r.selected.Load(), Failed: r.failed.Load(),
		Compressed: r.read.Load(), Uncompressed: r.uncompressed.Load()}
}

// Checkpoint returns where to resume after the pages handed out so far: a
// page counts as done once the loop body that received it has returned.
func (r *Reader) Checkpoint() Checkpoint {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ckpt
}

func (r *Reader) setCheckpoint(c Checkpoint) {
	r.mu.Lock()
	r.ckpt = c
	r.mu.Unlock()
}

func (r *Reader) checkResume() error {
	c := r.opts.Resume
	if c.Offset < 0 || c.Skip < 0 || c.Offset > r.size {
		return fmt.Errorf("resume checkpoint %+v does not fit a file of %d bytes", c, r.size)
	}
	switch r.format {
	case formatBZ2, formatGzip:
		if c.Offset != 0 {
			return fmt.Errorf("resume checkpoint %+v: a single %s stream resumes by page count, offset must be 0", c, r.format)
		}
	case formatMultistream:
		if c.Offset != 0 && c.Offset != r.size {
			if _, ok := findOffset(r.streams, c.Offset); !ok {
				return fmt.Errorf("resume checkpoint %+v: offset is not the start of a stream in the index", c)
			}
		}
	}
	return nil
}

func (r *Reader) progress() {
	if r.opts.Progress == nil {
		return
	}
	r.opts.Progress(Progress{File: r.path, Read: r.read.Load(), Size: r.size,
		Pages: r.pages.Load(), Selected: r.selected.Load(), Failed: r.failed.Load()})
}

// Pages yields the selected pages in dump order. A page or stream that
// cannot be read is yielded as an *Error and reading goes on; an *Error with
// Fatal set (a truncated or corrupt file, a read error, ctx cancelled) is
// the last value. Breaking out of the loop stops all reading goroutines.
// A Reader is read once: call Pages (or Documents) one time.
func (r *Reader) Pages(ctx context.Context) iter.Seq2[*Page, error] {
	return func(yield func(*Page, error) bool) {
		if r.format == formatMultistream {
			r.multistream(ctx, yield)
		} else {
			r.sequential(ctx, yield)
		}
		r.progress()
	}
}

func (r *Reader) fatal(off int64, err error) *Error {
	return &Error{File: r.path, Stream: -1, Offset: off, Fatal: true, Err: err}
}

// sequential reads plain XML, gzip or a bzip2 file without an index.
func (r *Reader) sequential(ctx context.Context, yield func(*Page, error) bool) {
	start := r.opts.Resume.Offset
	var src io.Reader
	if r.f != nil {
		if _, err := r.f.Seek(start, io.SeekStart); err != nil {
			yield(nil, r.fatal(start, err))
			return
		}
		r.read.Store(start)
		src = bufio.NewReaderSize(countingReader{r.f, &r.read}, 256<<10)
	} else {
		src = countingReader{r.src, &r.read}
	}
	switch r.format {
	case formatBZ2:
		// A stream whose blocks are tiny expands enormously (a bzip2 bomb):
		// it is decoded as a stream, in constant memory, rather than block by
		// block in parallel, where each block lives whole in memory.
		peek := bufio.NewReaderSize(src, bombProbeBytes)
		if isBomb(peek) {
			src = stdbzip2.NewReader(peek)
			break
		}
		bz := newBZ2Reader(ctx, peek, r.opts.Workers)
		defer bz.Close()
		src = bz
	case formatGzip:
		zr, err := gzip.NewReader(src)
		if err != nil {
			yield(nil, r.fatal(0, fmt.Errorf("gzip: %w", err)))
			return
		}
		src = zr
	}
	sp := newSplitter(src, r.opts.MaxPageBytes, start == 0)
	sp.base, sp.wantEnd = start, true
	skip := r.opts.Resume.Skip
	seq := int64(0)
	for {
		if err := ctx.Err(); err != nil {
			yield(nil, r.fatal(r.read.Load(), err))
			return
		}
		raw, off, big, err := sp.next()
		r.uncompressed.Store(sp.base + int64(sp.end) - start)
		if err == io.EOF {
			return
		}
		if err != nil && big == nil {
			at := r.read.Load()
			if r.format == formatXML {
				at = off
			}
			if isReadError(err) {
				err = r.describe(err)
			}
			yield(nil, r.fatal(at, err))
			return
		}
		seq++
		if seq <= skip {
			continue // handed out before the checkpoint
		}
		r.pages.Add(1)
		var p *Page
		var perr *Error
		if big != nil {
			perr = r.tooLarge(-1, big)
		} else {
			p, perr = r.page(raw, -1, off)
		}
		next := Checkpoint{Skip: seq}
		if r.format == formatXML && r.f != nil {
			next = Checkpoint{Offset: off + int64(len(raw))}
			if big != nil {
				next.Offset = big.offset + big.size
			}
		}
		// A page is done once the loop body has had it, even if it then
		// breaks out of the loop.
		ok := true
		if perr != nil {
			ok = yield(nil, perr)
		} else if p != nil {
			ok = yield(p, nil)
		}
		r.setCheckpoint(next)
		if !ok {
			return
		}
		r.progress()
	}
}

// describe names what broke in the compressed data.
func (r *Reader) describe(err error) error {
	switch r.format {
	case formatBZ2, formatMultistream:
		if !errors.Is(err, context.Canceled) {
			return fmt.Errorf("bzip2 data truncated or corrupt: %w", err)
		}
	case formatGzip:
		return fmt.Errorf("gzip data truncated or corrupt: %w", err)
	}
	return err
}

func (r *Reader) tooLarge(stream int64, big *oversize) *Error {
	r.failed.Add(1)
	return &Error{File: r.path, Stream: stream, Offset: big.offset, Title: big.title,
		Err: fmt.Errorf("page is %.1f MB, over the %.1f MB limit; skipped", float64(big.size)/1e6, float64(r.opts.MaxPageBytes)/1e6)}
}

// page parses and filters one page element; it returns nil, nil for a page
// the filter does not select.
func (r *Reader) page(raw []byte, stream, off int64) (*Page, *Error) {
	rp, err := parsePage(raw)
	if err != nil {
		r.failed.Add(1)
		return nil, &Error{File: r.path, Stream: stream, Offset: off, Title: rp.title, Err: err}
	}
	reason := "all pages"
	if r.opts.Filter != nil {
		var ok bool
		reason, ok = r.opts.Filter.Select(rp.title, rp.ns, rp.redirect != "", rp.text)
		if !ok {
			return nil, nil
		}
	}
	r.selected.Add(1)
	return &Page{Title: rp.title, NS: rp.ns, ID: rp.id, Redirect: rp.redirect, Text: unescape(rp.text),
		Stream: stream, Offset: off, Reason: reason}, nil
}

// findIndex returns the index file beside a multistream dump, or "".
func findIndex(path string) string {
	base := path
	for _, ext := range []string{".bz2", ".xml"} {
		base = strings.TrimSuffix(base, ext)
	}
	for _, name := range []string{base + "-index.txt.bz2", base + "-index.txt"} {
		if fi, err := os.Stat(name); err == nil && !fi.IsDir() {
			return name
		}
	}
	return ""
}

// IsIndex reports whether path looks like a multistream index file, which
// callers expanding folders should not read as a dump.
func IsIndex(path string) bool {
	return strings.HasSuffix(path, "-index.txt.bz2") || strings.HasSuffix(path, "-index.txt")
}

// MaxDecodeWorkers caps the bzip2 blocks decoded at once, whatever the
// cores. A 900 kB block of one repeated byte decodes to about 45 MB and
// every worker holds up to three blocks (queued, decoding, done), so memory
// follows this number, not the machine: more workers made a 4 KB bomb
// take gigabytes. Two keep a real dump's decoding near the speed of
// lbzip2 on two cores (scripts/bench-scan.sh).
const MaxDecodeWorkers = 2

func decodeWorkers(n int) int {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return min(n, MaxDecodeWorkers)
}
