package dump

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

var (
	pageOpen  = []byte("<page>")
	pageClose = []byte("</page>")
	docClose  = []byte("</mediawiki>")
)

// chunkSize is how much decompressed XML the splitter asks for at a time.
const chunkSize = 1 << 20

// errTooLarge marks a page over the size limit; the splitter skipped it.
var errTooLarge = errors.New("page too large")

// splitter cuts decompressed dump XML into <page> elements by searching for
// the tags as bytes: the XML around and between pages is never decoded, and
// a page costs one pass of bytes.Index over it. Memory is bounded by the
// page size limit plus one chunk.
type splitter struct {
	r        io.Reader
	buf      []byte
	start    int   // first unconsumed byte in buf
	end      int   // end of data in buf
	base     int64 // offset of buf[0] in the uncompressed input
	eof      bool
	readErr  error // error from r, returned once the data before it is used
	maxPage  int
	checkDoc bool // the input starts the document: check it is a dump
	wantEnd  bool // the input ends the document: </mediawiki> must be there
	sawEnd   bool
}

func newSplitter(r io.Reader, maxPage int, checkDoc bool) *splitter {
	return &splitter{r: r, buf: make([]byte, 0, chunkSize+len(pageClose)), maxPage: maxPage, checkDoc: checkDoc}
}

// oversize reports a page over the limit that the splitter skipped.
type oversize struct {
	title  string
	offset int64
	size   int64
}

// next returns the next page element (valid until the next call) and its
// offset in the uncompressed input, or io.EOF after the last page. A page
// over the size limit is skipped and reported as *oversize with err
// errTooLarge.
func (s *splitter) next() (page []byte, off int64, big *oversize, err error) {
	if s.checkDoc {
		s.checkDoc = false
		for s.end < 512 && !s.eof && s.readErr == nil {
			s.fill()
		}
		if s.readErr != nil && s.end < 512 {
			return nil, 0, nil, s.readErr
		}
		if err := checkDump(s.buf[:s.end]); err != nil {
			return nil, 0, nil, err
		}
	}
	s.shrink()
	// Find the opening tag.
	for {
		i := bytes.Index(s.buf[s.start:s.end], pageOpen)
		if i >= 0 {
			s.start += i
			break
		}
		if s.wantEnd && !s.sawEnd && bytes.Contains(s.buf[s.start:s.end], docClose) {
			s.sawEnd = true
		}
		// Keep a tail that may hold the start of a split tag.
		if s.end-s.start > len(docClose)-1 {
			s.start = s.end - (len(docClose) - 1)
		}
		if s.eof || s.readErr != nil {
			err := s.endErr()
			if err == io.EOF && s.wantEnd && !s.sawEnd {
				err = fmt.Errorf("input ends at byte %d without </mediawiki>: the dump is truncated", s.base+int64(s.end))
			}
			return nil, s.base + int64(s.end), nil, err
		}
		s.fill()
	}
	// Find the closing tag, reading more as needed, never rescanning.
	from := s.start + len(pageOpen)
	for {
		j := bytes.Index(s.buf[from:s.end], pageClose)
		if j >= 0 {
			stop := from + j + len(pageClose)
			// A <page> before the close means this page was never closed:
			// hand out what precedes it, and the parser reports it.
			if k := bytes.Index(s.buf[s.start+len(pageOpen):stop], pageOpen); k >= 0 {
				stop = s.start + len(pageOpen) + k
			}
			page = s.buf[s.start:stop]
			off = s.base + int64(s.start)
			s.start = stop
			return page, off, nil, nil
		}
		from = max(s.end-(len(pageClose)-1), from)
		if s.end-s.start > s.maxPage {
			return s.skipPage()
		}
		if s.eof || s.readErr != nil {
			off = s.base + int64(s.start)
			if err := s.endErr(); err != io.EOF {
				return nil, off, nil, err
			}
			return nil, off, nil, fmt.Errorf("input ends inside the page at byte %d", off)
		}
		shift := s.start // fill moves the data to the front of the buffer
		s.fill()
		from -= shift
	}
}

// skipPage discards the rest of a page over the limit without keeping it.
func (s *splitter) skipPage() ([]byte, int64, *oversize, error) {
	big := &oversize{title: pageTitle(s.buf[s.start:s.end]), offset: s.base + int64(s.start)}
	for {
		data := s.buf[s.start:s.end]
		if j := bytes.Index(data, pageClose); j >= 0 {
			s.start += j + len(pageClose)
			big.size = s.base + int64(s.start) - big.offset
			return nil, big.offset, big, errTooLarge
		}
		if s.eof || s.readErr != nil {
			err := s.endErr()
			if err == io.EOF {
				err = fmt.Errorf("input ends inside the page at byte %d", big.offset)
			}
			return nil, big.offset, nil, err
		}
		if keep := len(data); keep > len(pageClose)-1 {
			s.start = s.end - (len(pageClose) - 1)
		}
		s.fill()
	}
}

// endErr is the error that ends the input: io.EOF or the read error.
func (s *splitter) endErr() error {
	if s.readErr != nil {
		return s.readErr
	}
	return io.EOF
}

// fill moves the unconsumed bytes to the front of the buffer and reads one
// more chunk, growing the buffer only while a page needs it.
func (s *splitter) fill() {
	if s.start > 0 {
		n := copy(s.buf[:cap(s.buf)], s.buf[s.start:s.end])
		s.base += int64(s.start)
		s.start, s.end = 0, n
	}
	if cap(s.buf)-s.end < chunkSize {
		nb := make([]byte, s.end, max(2*cap(s.buf), s.end+chunkSize))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	s.buf = s.buf[:cap(s.buf)]
	n, err := io.ReadAtLeast(s.r, s.buf[s.end:], 1)
	s.end += n
	s.buf = s.buf[:s.end]
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		s.eof = true
	case err != nil:
		s.readErr = &readError{err}
	}
}

// readError is an error of the splitter's source (decompression or I/O),
// as opposed to a problem with the XML.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

func isReadError(err error) bool {
	var re *readError
	return errors.As(err, &re)
}

// shrink drops a buffer grown for a large page once it is no longer needed.
func (s *splitter) shrink() {
	if cap(s.buf) > 4*chunkSize && s.end-s.start < chunkSize {
		nb := make([]byte, s.end-s.start, chunkSize+len(pageClose))
		copy(nb, s.buf[s.start:s.end])
		s.base += int64(s.start)
		s.buf, s.start, s.end = nb, 0, len(nb)
	}
}

// checkDump rejects input that is not a MediaWiki export: its first element
// must be <mediawiki>, after an optional XML declaration.
func checkDump(data []byte) error {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(t) == 0 {
		return errors.New("empty input: not a MediaWiki XML dump")
	}
	if bytes.HasPrefix(t, []byte("<?xml")) {
		if i := bytes.Index(t, []byte("?>")); i >= 0 {
			t = bytes.TrimLeft(t[i+2:], " \t\r\n")
		}
	}
	if !bytes.HasPrefix(t, []byte("<mediawiki")) {
		return fmt.Errorf("not a MediaWiki XML dump: starts with %q", clip(t, 40))
	}
	return nil
}

func clip(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}

// rawPage is the header of a page element and its still-escaped text.
type rawPage struct {
	title    string
	ns       int
	id       int64
	redirect string
	text     []byte // XML-escaped wikitext, aliasing the splitter's buffer
}

// parsePage reads the few elements dossier needs from one <page> element:
// title, ns, id, redirect and the revision text. It is not a general XML
// parser: it relies on the fixed layout of MediaWiki exports, and checks
// enough to report a page whose markup is broken.
func parsePage(b []byte) (rawPage, error) {
	var p rawPage
	title, rest, ok := element(b, "title")
	if !ok {
		return p, errors.New("malformed page: no <title>")
	}
	p.title = unescape(title)
	if p.title == "" {
		return p, errors.New("malformed page: empty <title>")
	}
	textAt := bytes.Index(rest, []byte("<text"))
	if textAt < 0 {
		return p, errors.New("malformed page: no <text> element")
	}
	head := rest[:textAt]
	if ns, _, ok := element(head, "ns"); ok {
		n, err := strconv.Atoi(string(bytes.TrimSpace(ns)))
		if err != nil {
			return p, fmt.Errorf("malformed page: <ns> %q", clip(ns, 20))
		}
		p.ns = n
	}
	if id, _, ok := element(head, "id"); ok {
		n, err := strconv.ParseInt(string(bytes.TrimSpace(id)), 10, 64)
		if err != nil {
			return p, fmt.Errorf("malformed page: <id> %q", clip(id, 20))
		}
		p.id = n
	}
	if i := bytes.Index(head, []byte("<redirect")); i >= 0 {
		p.redirect = attr(head[i:], "title")
		if p.redirect == "" {
			p.redirect = "?"
		}
	}
	t := rest[textAt+len("<text"):]
	gt := bytes.IndexByte(t, '>')
	if gt < 0 {
		return p, errors.New("malformed page: unterminated <text> tag")
	}
	if gt > 0 && t[gt-1] == '/' {
		return p, nil // <text ... /> : empty or deleted revision
	}
	t = t[gt+1:]
	// Text content is escaped, so its first '<' must start </text>.
	lt := bytes.IndexByte(t, '<')
	if lt < 0 || !bytes.HasPrefix(t[lt:], []byte("</text>")) {
		return p, errors.New("malformed page: <text> is not closed before the next tag")
	}
	p.text = t[:lt]
	if !bytes.HasSuffix(bytes.TrimRight(b, " \t\r\n"), pageClose) {
		return p, errors.New("malformed page: no </page> before the next <page>")
	}
	return p, nil
}

// element returns the content of the first <name>...</name> in b and what
// follows it.
func element(b []byte, name string) (content, rest []byte, ok bool) {
	open := "<" + name + ">"
	i := bytes.Index(b, []byte(open))
	if i < 0 {
		return nil, b, false
	}
	b = b[i+len(open):]
	j := bytes.IndexByte(b, '<')
	if j < 0 || !bytes.HasPrefix(b[j:], []byte("</"+name+">")) {
		return nil, b, false
	}
	return b[:j], b[j+len(name)+3:], true
}

// attr returns the unescaped value of attribute name in the tag at b.
func attr(b []byte, name string) string {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return ""
	}
	tag := b[:end]
	key := []byte(name + "=\"")
	i := bytes.Index(tag, key)
	if i < 0 {
		return ""
	}
	v := tag[i+len(key):]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return ""
	}
	return unescape(v[:j])
}

// pageTitle reads the title of a page for an error message; "" if absent.
func pageTitle(b []byte) string {
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	t, _, ok := element(b, "title")
	if !ok {
		return ""
	}
	return unescape(t)
}

// unescape decodes the XML entities that MediaWiki exports use: the five
// predefined ones and numeric character references.
func unescape(b []byte) string {
	i := bytes.IndexByte(b, '&')
	if i < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i >= 0 {
		out = append(out, b[:i]...)
		b = b[i:]
		semi := bytes.IndexByte(b[:min(len(b), 12)], ';')
		if semi < 0 {
			out = append(out, '&')
			b = b[1:]
		} else if r, ok := entity(b[1:semi]); ok {
			out = append(out, r...)
			b = b[semi+1:]
		} else {
			out = append(out, '&')
			b = b[1:]
		}
		i = bytes.IndexByte(b, '&')
	}
	out = append(out, b...)
	return string(out)
}

func entity(name []byte) ([]byte, bool) {
	switch string(name) {
	case "lt":
		return []byte("<"), true
	case "gt":
		return []byte(">"), true
	case "amp":
		return []byte("&"), true
	case "quot":
		return []byte(`"`), true
	case "apos":
		return []byte("'"), true
	}
	if len(name) < 2 || name[0] != '#' {
		return nil, false
	}
	var n uint64
	var err error
	if name[1] == 'x' || name[1] == 'X' {
		n, err = strconv.ParseUint(string(name[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(name[1:]), 10, 32)
	}
	if err != nil || n == 0 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) {
		return nil, false
	}
	return []byte(string(rune(n))), true
}
