// Package reader turns inputs named on a command line (files, folders,
// globs, "-" for standard input) into documents. It checks what it reads
// (size, binary content, UTF-8, line length) so that a bad file fails alone,
// with an error that names it and the problem, and it reads the metadata
// header of saved articles (Source, Published, Title). Readers never
// interpret prose: that is the extractor's job.
package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
)

// Limits bound what one document may cost. The zero value means defaults.
type Limits struct {
	MaxBytes     int64 // whole document
	MaxLineBytes int   // one line
}

// DefaultLimits are generous for articles and small enough that a runaway
// input cannot exhaust memory.
var DefaultLimits = Limits{MaxBytes: 16 << 20, MaxLineBytes: 1 << 20}

// Error is a failure to read one input; Path names it.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Problems a reader reports.
var (
	ErrEmpty       = errors.New("empty document")
	ErrBinary      = errors.New("binary content, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("document too large")
	ErrLongLine    = errors.New("line too long")
)

// Item is one input: a document or the error that kept it from being read.
type Item struct {
	Doc *dossier.Document
	Err error
}

// Expand resolves command-line arguments into input paths, in order:
// a folder contributes its text files sorted by path, a glob its matches,
// "-" stays "-". A name that matches nothing is returned as is so that
// reading it reports the problem in order with the others. Entries that
// cannot be read as documents (see ExpandEntries) are returned too, and
// fail when read; files that are not documents (Entry.Skip) are left out.
func Expand(args []string) []string {
	var out []string
	for _, e := range ExpandEntries(args) {
		if e.Skip == "" {
			out = append(out, e.Path)
		}
	}
	return out
}

// Entry is one input found by ExpandEntries. Problem is set for what a
// folder holds that is not a document to read: a named pipe, a socket, a
// device, a broken or looping symbolic link. It names the problem, so that
// nothing is skipped without a word.
//
// Skip is set for a file a folder holds beside its documents that is not
// one (program source, configuration, images, the folder's README or
// ATTRIBUTION): it says what the file is, and the file is not read. A file
// named on the command line is always read.
type Entry struct {
	Path    string
	Problem error
	Skip    string
}

// NotDocument says why a file found in a folder is not read as a document
// (empty when it is read): a folder is read for the types dossier reads
// (.txt, .text, .html, .htm, .xhtml, .shtml, .jsonl, .ndjson, .jsonlines,
// .xml, .bz2, .gz, and files without an extension), less the folder's
// README, LICENSE, ATTRIBUTION and the like, which describe the folder. A
// folder of a corpus often holds those, and a folder of a project its code.
func NotDocument(name string) string {
	lower := strings.ToLower(name)
	ext := filepath.Ext(lower)
	base := strings.TrimSuffix(lower, ext)
	if strings.HasSuffix(base, ".xml") || strings.HasSuffix(base, ".jsonl") || strings.HasSuffix(base, ".txt") {
		base = strings.TrimSuffix(base, filepath.Ext(base)) // "dump.xml.bz2"
	}
	switch base {
	case "readme", "license", "licence", "copying", "notice", "attribution", "attributions", "changelog", "authors", "contributing":
		return "the folder's " + strings.ToUpper(base) + " file"
	}
	switch ext {
	case "", ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".jsonl", ".ndjson", ".jsonlines", ".xml", ".bz2", ".gz":
		return ""
	}
	return "a " + ext + " file, not a document type dossier reads"
}

// ExpandEntries is Expand with the problems of folder entries. Symbolic
// links are followed, to files and to folders alike, an argument that is a
// link to a folder included; a folder reached twice through links is read
// once.
func ExpandEntries(args []string) []Entry {
	var out []Entry
	for _, a := range args {
		if a == "-" {
			out = append(out, Entry{Path: a})
			continue
		}
		if st, err := os.Stat(a); err == nil {
			if st.IsDir() {
				out = append(out, walk(a)...)
			} else {
				out = append(out, Entry{Path: a})
			}
			continue
		}
		if strings.ContainsAny(a, "*?[") {
			if m, err := filepath.Glob(a); err == nil && len(m) > 0 {
				sort.Strings(m)
				for _, p := range m {
					if strings.HasPrefix(filepath.Base(p), ".") {
						continue // as a shell would
					}
					if st, err := os.Stat(p); err == nil && st.IsDir() {
						out = append(out, walk(p)...)
					} else {
						out = append(out, Entry{Path: p})
					}
				}
				continue
			}
		}
		out = append(out, Entry{Path: a})
	}
	return out
}

// walk lists the regular files under dir, skipping hidden entries,
// following symbolic links, and naming what is not a file to read.
func walk(dir string) []Entry {
	var out []Entry
	walkInto(dir, map[string]bool{}, &out)
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func walkInto(dir string, seen map[string]bool, out *[]Entry) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		*out = append(*out, Entry{Path: dir, Problem: cleanOSError(err)})
		return
	}
	if seen[real] {
		return // a link back to a folder already read
	}
	seen[real] = true
	// A trailing separator makes WalkDir follow a root that is a link.
	root := dir
	if !strings.HasSuffix(root, string(filepath.Separator)) {
		root += string(filepath.Separator)
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			*out = append(*out, Entry{Path: p}) // reported when read
			return nil
		}
		if p == root {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case t.IsRegular():
			*out = append(*out, Entry{Path: p, Skip: NotDocument(name)})
		case t.IsDir():
			if r, err := filepath.EvalSymlinks(p); err == nil {
				if seen[r] {
					return filepath.SkipDir
				}
				seen[r] = true
			}
		case t&fs.ModeSymlink != 0:
			st, err := os.Stat(p)
			switch {
			case err != nil:
				*out = append(*out, Entry{Path: p, Problem: fmt.Errorf("symbolic link to nothing readable: %w", cleanOSError(err))})
			case st.IsDir():
				walkInto(p, seen, out)
			case st.Mode().IsRegular():
				*out = append(*out, Entry{Path: p, Skip: NotDocument(name)})
			default:
				*out = append(*out, Entry{Path: p, Problem: notAFile(st.Mode())})
			}
		default:
			*out = append(*out, Entry{Path: p, Problem: notAFile(t)})
		}
		return nil
	})
}

// notAFile names what a folder entry is when it is not a file to read.
func notAFile(m fs.FileMode) error {
	kind := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("%s inside a folder: not read (give it by name to read it)", kind)
}

// ReadPath reads one input ("-" is stdin) into a document.
func ReadPath(ctx context.Context, path string, stdin io.Reader, lim Limits) (*dossier.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lim = lim.orDefault()
	var r io.Reader
	if path == "-" {
		r = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, &Error{Path: path, Err: cleanOSError(err)}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, &Error{Path: path, Err: errors.New("is a directory")}
		}
		r = f
	}
	raw, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, &Error{Path: path, Err: fmt.Errorf("read: %w", err)}
	}
	if int64(len(raw)) > lim.MaxBytes {
		return nil, &Error{Path: path, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, lim.MaxBytes)}
	}
	doc, err := Parse(path, raw, lim)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	return doc, nil
}

// cleanOSError drops the path that os errors repeat, since Error adds it.
func cleanOSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("no such file")
		}
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func (l Limits) orDefault() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxLineBytes <= 0 {
		l.MaxLineBytes = DefaultLimits.MaxLineBytes
	}
	return l
}

// Check validates raw text: not empty, not binary, valid UTF-8, no line
// longer than the limit. Errors say where.
func Check(raw []byte, lim Limits) error {
	lim = lim.orDefault()
	if len(bytes.TrimSpace(raw)) == 0 {
		return ErrEmpty
	}
	// Binary: NUL bytes or many control characters in the first block.
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, b := range head {
		if b == 0 {
			return ErrBinary
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	if ctrl > len(head)/20+1 {
		return ErrBinary
	}
	if !utf8.Valid(raw) {
		off := invalidOffset(raw)
		line := bytes.Count(raw[:off], []byte{'\n'}) + 1
		return fmt.Errorf("%w at byte %d (line %d)", ErrInvalidUTF8, off, line)
	}
	line, start := 1, 0
	for start <= len(raw) {
		i := bytes.IndexByte(raw[start:], '\n')
		end := len(raw)
		if i >= 0 {
			end = start + i
		}
		if end-start > lim.MaxLineBytes {
			return fmt.Errorf("%w: line %d has %d bytes (limit %d)", ErrLongLine, line, end-start, lim.MaxLineBytes)
		}
		if i < 0 {
			break
		}
		start = end + 1
		line++
	}
	return nil
}

func invalidOffset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// Parse checks raw text and reads its metadata header into a document.
func Parse(path string, raw []byte, lim Limits) (*dossier.Document, error) {
	if err := Check(raw, lim); err != nil {
		return nil, err
	}
	doc := &dossier.Document{Path: path, Raw: raw, Format: "text"}
	h := ParseHeader(raw)
	doc.Source, doc.Title, doc.Published, doc.PublishedAt = h.Source, h.Title, h.Published, h.PublishedAt
	if doc.Published != "" {
		doc.PublishedFrom = "header"
	}
	if doc.Title == "" && doc.Source != "" {
		doc.Title = TitleFromURL(doc.Source)
	}
	if doc.Published == "" {
		if d, s, e := DateLine(raw, h.End); d != "" {
			doc.Published, doc.PublishedFrom, doc.PublishedStart, doc.PublishedEnd = d, "line", s, e
		}
	}
	if doc.Published == "" {
		if d, s, e := DatePrefix(raw, h.End); d != "" {
			doc.Published, doc.PublishedFrom, doc.PublishedStart, doc.PublishedEnd = d, "line", s, e
		}
	}
	if doc.Published == "" && doc.Source != "" {
		if doc.Published = DateFromURL(doc.Source); doc.Published != "" {
			doc.PublishedFrom = "url"
		}
	}
	if doc.Published == "" {
		if d, s, e := DateFooter(raw, h.End); d != "" {
			doc.Published, doc.PublishedFrom, doc.PublishedStart, doc.PublishedEnd = d, "line", s, e
		}
	}
	return doc, nil
}
