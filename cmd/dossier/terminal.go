package main

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"

	"github.com/dossier-project/dossier/internal/text"
)

// termWriter shows a terminal what it is sent, never what would act on it:
// names and titles from documents can hold control characters (see
// text.TerminalSafe). Only a terminal gets one: output to files and pipes
// stays byte for byte what dossier wrote. The progress bar draws on Raw.
type termWriter struct {
	w   io.Writer // where escaped text goes
	raw io.Writer // for the progress bar's own control sequences
}

func (t *termWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, text.TerminalSafe(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Raw is the unescaped writer, for output dossier composes itself.
func (t *termWriter) Raw() io.Writer { return t.raw }

// Flush passes a flush on to the writer underneath.
func (t *termWriter) Flush() error {
	flushAll(t.w)
	return nil
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// forTerminal wraps w for a terminal.
func forTerminal(w io.Writer) io.Writer {
	if _, done := w.(*termWriter); done {
		return w
	}
	return &termWriter{w: w, raw: w}
}
