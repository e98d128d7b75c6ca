package ingest

import (
	"fmt"
	"github.com/dossier-project/dossier/internal/text"
	"io"
	"strings"
	"sync"
	"time"
)

// Progress is told how a run advances.
type Progress interface {
	// Start announces the number of documents and their total size (0
	// when unknown, as for standard input).
	Start(docs int, bytes int64)
	// Done reports one document: its status (new, updated, unchanged,
	// failed) and, for a failure, the error.
	Done(name string, bytes int64, status string, err error)
	Finish()
}

type nopProgress struct{}

func (nopProgress) Start(int, int64)                  {}
func (nopProgress) Done(string, int64, string, error) {}
func (nopProgress) Finish()                           {}

// Lines reports each document on a line of its own: for logs and pipes.
type Lines struct {
	W     io.Writer
	total int
	n     int
}

func (l *Lines) Start(docs int, _ int64) { l.total = docs }

func (l *Lines) Done(name string, _ int64, status string, err error) {
	l.n++
	if err != nil {
		fmt.Fprintf(l.W, "[%d/%d] failed     %v\n", l.n, l.total, err)
		return
	}
	fmt.Fprintf(l.W, "[%d/%d] %-10s %s\n", l.n, l.total, status, name)
}

func (l *Lines) Finish() {}

// Bar draws a progress bar on a terminal: documents done, throughput in
// documents and bytes per second, and the time left. Failures are printed
// above the bar as they happen.
type Bar struct {
	W     io.Writer
	Width int // of the bar itself; 0 means 30
	Now   func() time.Time

	mu          sync.Mutex
	start, last time.Time
	docs, done  int
	bytes, read int64
	drawn       bool
}

func (b *Bar) now() time.Time {
	if b.Now != nil {
		return b.Now()
	}
	return time.Now()
}

func (b *Bar) Start(docs int, bytes int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.docs, b.bytes, b.start = docs, bytes, b.now()
	b.draw()
}

func (b *Bar) Done(name string, bytes int64, status string, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done++
	b.read += bytes
	if err != nil {
		fmt.Fprintf(b.W, "\r\033[K%s\n", text.TerminalSafe(err.Error()))
		b.draw()
		return
	}
	if t := b.now(); t.Sub(b.last) >= 100*time.Millisecond || b.done == b.docs {
		b.last = t
		b.draw()
	}
}

func (b *Bar) Finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.draw()
	if b.drawn {
		fmt.Fprintln(b.W)
	}
}

// draw rewrites the bar's line.
func (b *Bar) draw() {
	width := b.Width
	if width <= 0 {
		width = 30
	}
	frac := 0.0
	switch {
	case b.bytes > 0:
		frac = float64(b.read) / float64(b.bytes)
	case b.docs > 0:
		frac = float64(b.done) / float64(b.docs)
	}
	frac = min(1, frac)
	fill := int(frac * float64(width))
	bar := strings.Repeat("=", fill)
	if fill < width {
		bar += ">" + strings.Repeat(" ", width-fill-1)
	}
	el := b.now().Sub(b.start).Seconds()
	line := fmt.Sprintf("[%s] %d/%d docs", bar, b.done, b.docs)
	if el > 0.5 {
		line += fmt.Sprintf("  %.1f docs/s  %s/s", float64(b.done)/el, humanBytes(float64(b.read)/el))
		if frac > 0 && frac < 1 {
			left := time.Duration(el*(1-frac)/frac) * time.Second
			line += "  ETA " + clock(left)
		}
	}
	fmt.Fprintf(b.W, "\r\033[K%s", line)
	b.drawn = true
}

func humanBytes(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%.1f GB", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%.1f MB", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.1f kB", v/1e3)
	}
	return fmt.Sprintf("%.0f B", v)
}

func clock(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}
