package text

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// TerminalSafe escapes what a terminal would act on rather than show:
// control characters other than newline and tab (a carriage return and an
// escape sequence in a file name can erase a line and print a fake "OK"),
// DEL, the C1 controls, the bidirectional overrides and isolates (which
// reorder what follows) and bytes that are not UTF-8. Each becomes a
// visible escape: \r, \x1b, \u202e, \xff.
func TerminalSafe(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\r':
			b.WriteString(`\r`)
		case unsafeRune(r):
			if r < 0x80 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			if c >= 0x80 {
				// multi-byte: check properly
				for _, r := range s[i:] {
					if r == utf8.RuneError || unsafeRune(r) {
						return false
					}
				}
				return utf8.ValidString(s[i:])
			}
			return false
		}
	}
	return true
}
