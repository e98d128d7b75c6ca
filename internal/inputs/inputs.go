// Package inputs turns what a command line names (files, folders, globs,
// "-" for standard input) into the documents to extract, whatever their
// format: it picks the reader of each input by its name and its first
// bytes, so one run can mix saved text articles, HTML pages, JSON Lines
// feeds and MediaWiki dumps.
//
//	.html .htm .xhtml, or a page that starts like HTML  -> internal/htmldoc
//	.jsonl .ndjson, or a first line that starts with {"   -> internal/feed, one document per line
//	bzip2 or gzip data, .xml, or XML with <mediawiki>    -> internal/dump, the pages its filter selects
//	anything else                                        -> internal/reader (text)
//
// A file holding one document is handed out unread, with a Load function
// the caller runs where it likes (on a worker); a feed or a dump is read
// here, in order, one document at a time, so memory stays bounded however
// large it is. Every problem is handed out in its place as an input whose
// Load returns an error naming the file (and the line or the page): one bad
// input never stops the others.
package inputs

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/dump"
	"github.com/dossier-project/dossier/internal/feed"
	"github.com/dossier-project/dossier/internal/htmldoc"
	"github.com/dossier-project/dossier/internal/reader"
)

// Input is one document to read: a name for messages (a path, "-",
// "feed.jsonl#L12", "dump.xml.bz2#Page title"), its size in bytes when
// known, and how to load it. Load may be called once, from any goroutine.
type Input struct {
	Name string
	Size int64
	Load func(ctx context.Context) (*dossier.Document, error)
}

// Options configure reading.
type Options struct {
	// Limits bound one document (and one line of a feed).
	Limits reader.Limits
	// Dump configures reading MediaWiki dumps. A nil Filter means
	// dump.DefaultFilter(), unless AllPages is set. Resume and Progress
	// apply to every dump read, so leave them empty when reading several.
	Dump     dump.Options
	AllPages bool
	// Skipped hears of each file a folder holds that is not a document
	// (reader.NotDocument), with why; nil logs it.
	Skipped func(path, why string)
}

// Kind is the reader an input goes to.
type Kind int

const (
	Text Kind = iota
	HTML
	Feed
	Dump
)

func (k Kind) String() string { return [...]string{"text", "html", "jsonl", "dump"}[k] }

// sniffBytes is how much of an input Detect looks at.
const sniffBytes = 1024

// Detect picks the reader for an input from its name and first bytes.
// Compressed data always goes to the dump reader, the only one that reads
// it, which says so when it is not a dump.
func Detect(name string, head []byte) Kind {
	if bytes.HasPrefix(head, []byte("BZh")) || bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		return Dump
	}
	lower := strings.ToLower(name)
	switch {
	case hasSuffix(lower, ".html", ".htm", ".xhtml", ".shtml"):
		return HTML
	case hasSuffix(lower, ".jsonl", ".ndjson", ".jsonlines"):
		return Feed
	case hasSuffix(lower, ".bz2", ".gz"):
		return Dump // too short to hold a magic number: the dump reader says what is wrong
	}
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	lt := bytes.ToLower(t[:min(len(t), sniffBytes)])
	switch {
	case bytes.Contains(lt, []byte("<mediawiki")):
		return Dump
	case hasSuffix(lower, ".xml"):
		return Dump // XML that is not a dump is reported as such by the dump reader
	case bytes.HasPrefix(lt, []byte("<?xml")):
		if bytes.Contains(lt, []byte("<html")) {
			return HTML // XHTML
		}
		return Dump
	case bytes.HasPrefix(lt, []byte("<")) && looksHTML(lt):
		return HTML
	case bytes.HasPrefix(t, []byte(`{"`)):
		return Feed
	}
	return Text
}

func looksHTML(lt []byte) bool {
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<div", "<article"} {
		if bytes.Contains(lt, []byte(tag)) {
			return true
		}
	}
	return false
}

func hasSuffix(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// Expand resolves command-line arguments into input paths in order, as
// reader.Expand does, and leaves out the index files of multistream dumps
// found in folders and globs (Open finds them beside their dump).
func Expand(args []string) []string {
	var out []string
	for _, e := range expand(args) {
		if e.Skip == "" {
			out = append(out, e.Path)
		}
	}
	return out
}

func expand(args []string) []reader.Entry {
	var out []reader.Entry
	for _, a := range args {
		for _, e := range reader.ExpandEntries([]string{a}) {
			if e.Path != a && e.Problem == nil && dump.IsIndex(e.Path) {
				continue
			}
			out = append(out, e)
		}
	}
	return out
}

// Each expands args and calls fn with every input in order. It returns
// the first error fn returns, or ctx's error when ctx ends; problems with
// the inputs themselves are handed to fn as inputs that fail to load.
func Each(ctx context.Context, args []string, stdin io.Reader, opts Options, fn func(Input) error) error {
	for _, e := range expand(args) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if e.Skip != "" { // a folder's README, code or images: said, not read
			if opts.Skipped != nil {
				opts.Skipped(e.Path, e.Skip)
			} else {
				slog.InfoContext(ctx, "skipped: not a document", "path", e.Path, "why", e.Skip)
			}
			continue
		}
		if e.Problem != nil { // found in a folder, not a document: named, never silently skipped
			if err := fn(failed(e.Path, &reader.Error{Path: e.Path, Err: e.Problem})); err != nil {
				return err
			}
			continue
		}
		if err := each(ctx, e.Path, stdin, opts, fn); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Named reports whether an error from an input already names it (the
// file, and the line of a feed or the page of a dump), so that a caller
// printing it does not name the input twice.
func Named(err error) bool {
	var re *reader.Error
	var fe *feed.Error
	var de *dump.Error
	return errors.As(err, &re) || errors.As(err, &fe) || errors.As(err, &de)
}

// Count estimates a run for a progress display: the number of documents
// and their total size in bytes, or 0 documents when a feed or a dump is
// among the inputs (its documents are known only once read).
func Count(args []string) (docs int, bytes int64) {
	for _, p := range Expand(args) {
		if p == "-" {
			return 0, 0
		}
		if st, err := os.Stat(p); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
			return 0, 0 // a pipe or FIFO: opening it here would take what the run must read
		}
		f, err := os.Open(p)
		if err != nil {
			docs++ // reported when read
			continue
		}
		head := make([]byte, sniffBytes)
		n, _ := io.ReadFull(f, head)
		st, err := f.Stat()
		f.Close()
		if k := Detect(p, head[:n]); k == Feed || k == Dump {
			return 0, 0
		}
		docs++
		if err == nil {
			bytes += st.Size()
		}
	}
	return docs, bytes
}

// each hands out the documents of one path. Every input is opened once
// and sniffed from a buffer: a pipe, a FIFO or a process substitution
// ("<(cat f)") cannot be opened a second time, so what is not a regular
// file is read through the one open file (streamed for feeds and dumps,
// read whole, within the size limit, for a single document). A regular
// file is sniffed and closed, then opened again where it is read, so that
// no more files are held open than documents are in flight.
func each(ctx context.Context, path string, stdin io.Reader, opts Options, fn func(Input) error) error {
	var size int64
	var head []byte
	var src io.Reader // a stream past the peeked bytes: standard input, a pipe, a FIFO
	if path == "-" {
		br := bufio.NewReaderSize(stdin, 64<<10)
		head, _ = br.Peek(sniffBytes)
		src = br
	} else {
		f, err := os.Open(path)
		if err != nil {
			return fn(failed(path, &reader.Error{Path: path, Err: osProblem(err)}))
		}
		st, err := f.Stat()
		switch {
		case err != nil:
		case st.IsDir():
			err = errors.New("is a directory")
		case st.Mode().IsRegular():
			size = st.Size()
			head = make([]byte, sniffBytes)
			var n int
			n, err = io.ReadFull(f, head)
			head = head[:n]
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				err = nil
			}
		default: // pipe, FIFO, character device, socket: this open is the only one
			defer f.Close()
			br := bufio.NewReaderSize(f, 64<<10)
			head, err = br.Peek(sniffBytes)
			if err == io.EOF || err == bufio.ErrBufferFull {
				err = nil
			}
			src = br
		}
		if src == nil {
			f.Close()
		}
		if err != nil {
			return fn(failed(path, &reader.Error{Path: path, Err: osProblem(err)}))
		}
	}
	switch Detect(path, head) {
	case Dump:
		return eachPage(ctx, path, src, opts, fn)
	case Feed:
		return eachLine(ctx, path, src, opts, fn)
	}
	// A single document. A stream is read now, before its file is closed.
	var raw []byte
	if src != nil && path != "-" {
		var err error
		if raw, err = readAll(ctx, path, src, opts.Limits); err != nil {
			return fn(failed(path, err))
		}
		size = int64(len(raw))
	}
	load := func(ctx context.Context) ([]byte, error) {
		if raw != nil {
			return raw, nil
		}
		return readAll(ctx, path, src, opts.Limits) // standard input, or the file opened again
	}
	parse := reader.Parse
	if Detect(path, head) == HTML {
		parse = htmldoc.Parse
	}
	return fn(Input{Name: path, Size: size, Load: func(ctx context.Context) (*dossier.Document, error) {
		b, err := load(ctx)
		if err != nil {
			return nil, err
		}
		doc, err := parse(path, b, opts.Limits)
		if err != nil {
			return nil, &reader.Error{Path: path, Err: err}
		}
		return doc, nil
	}})
}

// failed is an input that could not be read at all.
func failed(name string, err error) Input {
	return Input{Name: name, Load: func(context.Context) (*dossier.Document, error) { return nil, err }}
}

// ready is a document already read.
func ready(doc *dossier.Document) Input {
	return Input{Name: doc.Path, Size: int64(len(doc.Raw)), Load: func(context.Context) (*dossier.Document, error) { return doc, nil }}
}

// readAll reads a whole input within the size limit.
func readAll(ctx context.Context, path string, src io.Reader, lim reader.Limits) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	max := lim.MaxBytes
	if max <= 0 {
		max = reader.DefaultLimits.MaxBytes
	}
	if src == nil {
		f, err := os.Open(path)
		if err != nil {
			return nil, &reader.Error{Path: path, Err: osProblem(err)}
		}
		defer f.Close()
		src = f
	}
	raw, err := io.ReadAll(io.LimitReader(src, max+1))
	if err != nil {
		return nil, &reader.Error{Path: path, Err: fmt.Errorf("read: %w", err)}
	}
	if int64(len(raw)) > max {
		return nil, &reader.Error{Path: path, Err: fmt.Errorf("%w: more than %d bytes", reader.ErrTooLarge, max)}
	}
	return raw, nil
}

// osProblem drops the path os errors repeat, since reader.Error adds it.
func osProblem(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, os.ErrNotExist) {
			return errors.New("no such file")
		}
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// eachLine hands out the documents of a JSON Lines feed.
func eachLine(ctx context.Context, path string, src io.Reader, opts Options, fn func(Input) error) error {
	if src == nil {
		f, err := os.Open(path)
		if err != nil {
			return fn(failed(path, &reader.Error{Path: path, Err: osProblem(err)}))
		}
		defer f.Close()
		src = f
	}
	for doc, err := range feed.Documents(ctx, path, src, opts.Limits) {
		var in Input
		if err != nil {
			name := path
			var fe *feed.Error
			if errors.As(err, &fe) {
				name = feed.Name(path, fe.Line)
			}
			in = failed(name, err)
		} else {
			in = ready(doc)
		}
		if err := fn(in); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// eachPage hands out the selected pages of a MediaWiki dump.
func eachPage(ctx context.Context, path string, src io.Reader, opts Options, fn func(Input) error) error {
	o := opts.Dump
	if o.Filter == nil && !opts.AllPages {
		o.Filter = dump.DefaultFilter()
	}
	var r *dump.Reader
	var err error
	if src != nil {
		r, err = dump.NewReader(ctx, path, src, o)
	} else {
		r, err = dump.Open(ctx, path, o)
	}
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = &reader.Error{Path: path, Err: osProblem(pe)}
		}
		return fn(failed(path, err)) // dump's errors name the file
	}
	defer r.Close()
	for doc, err := range r.Documents(ctx) {
		var in Input
		if err != nil {
			name := path
			var de *dump.Error
			if errors.As(err, &de) && de.Title != "" {
				name = path + "#" + de.Title
			}
			in = failed(name, err)
		} else {
			d := doc
			in = ready(&d)
		}
		if err := fn(in); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Parse reads one document from bytes already in memory (an upload, a
// pasted page), choosing the text or HTML reader as Each would. Feeds and
// dumps hold many documents: Parse refuses them.
func Parse(name string, raw []byte, lim reader.Limits) (*dossier.Document, error) {
	switch k := Detect(name, raw[:min(len(raw), sniffBytes)]); k {
	case HTML:
		return htmldoc.Parse(name, raw, lim)
	case Text:
		return reader.Parse(name, raw, lim)
	default:
		return nil, fmt.Errorf("a %s holds many documents: read it from a file", k)
	}
}
