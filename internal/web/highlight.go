package web

import (
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"
)

// mark is a stretch of a document's text to highlight: byte offsets, a
// class of ours (the kind of thing extracted), a title for the tooltip and
// an optional link to what it resolved to.
type mark struct {
	Start, End int
	Class      string
	Title      string
	Href       string
	Focus      bool
}

// highlight renders text as HTML with its marks. It is the one place that
// builds HTML by hand, so it escapes every piece of text it emits: the
// boundaries of all marks cut the text into segments; each segment is
// escaped on its own and wrapped in one element for the innermost mark
// that covers it. Overlapping marks therefore never give ill-nested HTML,
// and offsets that fall outside the text or inside a UTF-8 sequence are
// clamped to the nearest character boundary.
func highlight(text string, marks []mark) template.HTML {
	ms := make([]mark, 0, len(marks))
	for _, m := range marks {
		m.Start, m.End = runeStart(text, m.Start), runeStart(text, m.End)
		if m.End > m.Start {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return template.HTML(template.HTMLEscapeString(text))
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	bounds := []int{0, len(text)}
	for _, m := range ms {
		bounds = append(bounds, m.Start, m.End)
	}
	sort.Ints(bounds)
	uniq := bounds[:1]
	for _, x := range bounds[1:] {
		if x != uniq[len(uniq)-1] {
			uniq = append(uniq, x)
		}
	}
	var b strings.Builder
	b.Grow(len(text) + len(ms)*64)
	var active []mark
	next := 0 // the next mark (in start order) to become active
	focused := false
	for i := 0; i+1 < len(uniq); i++ {
		a, end := uniq[i], uniq[i+1]
		// Marks ending here leave; marks starting here join.
		kept := active[:0]
		for _, m := range active {
			if m.End > a {
				kept = append(kept, m)
			}
		}
		active = kept
		for next < len(ms) && ms[next].Start <= a {
			if ms[next].End > a {
				active = append(active, ms[next])
			}
			next++
		}
		seg := template.HTMLEscapeString(text[a:end])
		if len(active) == 0 {
			b.WriteString(seg)
			continue
		}
		in := active[0]
		focus := false
		titles := make([]string, 0, len(active))
		for _, m := range active {
			if m.End-m.Start < in.End-in.Start {
				in = m
			}
			focus = focus || m.Focus
			if m.Title != "" && !containsString(titles, m.Title) {
				titles = append(titles, m.Title)
			}
		}
		tag := "mark"
		if in.Href != "" {
			tag = "a"
		}
		b.WriteString("<" + tag + ` class="hl hl-` + template.HTMLEscapeString(in.Class))
		if focus {
			b.WriteString(" focus")
		}
		b.WriteString(`"`)
		if focus && !focused {
			b.WriteString(` id="hl"`)
			focused = true
		}
		if in.Href != "" {
			b.WriteString(` href="` + template.HTMLEscapeString(in.Href) + `"`)
		}
		if len(titles) > 0 {
			b.WriteString(` title="` + template.HTMLEscapeString(strings.Join(titles, "; ")) + `"`)
		}
		b.WriteString(">" + seg + "</" + tag + ">")
	}
	return template.HTML(b.String())
}

// runeStart clamps an offset into text and moves it back to the start of
// the character it falls in.
func runeStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(text) {
		return len(text)
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// maxExcerptLine is how much of one long line an excerpt shows around its
// marks.
const maxExcerptLine = 1200

// excerpt returns the lines of text that hold marks, each highlighted and
// cut around its marks when long: the evidence in its source text.
func excerpt(text string, marks []mark) []template.HTML {
	if len(marks) == 0 {
		return nil
	}
	last := 0
	for _, m := range marks {
		last = max(last, m.End)
	}
	var out []template.HTML
	for lineStart := 0; lineStart < len(text) && lineStart < last; {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		var in []mark
		for _, m := range marks {
			if m.Start < lineEnd && m.End > lineStart {
				in = append(in, m)
			}
		}
		if len(in) > 0 {
			from, to := lineStart, lineEnd
			prefix, suffix := "", ""
			if to-from > maxExcerptLine {
				lo, hi := in[0].Start, in[0].End
				for _, m := range in {
					lo, hi = min(lo, m.Start), max(hi, m.End)
				}
				if lo-300 > from {
					from, prefix = runeStart(text, lo-300), "… "
				}
				if hi+300 < to {
					to, suffix = runeStart(text, hi+300), " …"
				}
			}
			shifted := make([]mark, 0, len(in))
			for _, m := range in {
				m.Start, m.End = max(m.Start, from)-from, min(m.End, to)-from
				shifted = append(shifted, m)
			}
			h := highlight(text[from:to], shifted)
			out = append(out, template.HTML(template.HTMLEscapeString(prefix))+h+template.HTML(template.HTMLEscapeString(suffix)))
		}
		lineStart = lineEnd + 1
	}
	return out
}
