package arextract

import (
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/arabic"
)

// quantity is a figure read at words [i, j) of a sentence.
type quantity struct {
	i, j   int
	r      *dossier.Range
	number bool // written in digits or number words, not a word of magnitude
}

// isDigits reports a word of ASCII digits (Arabic-Indic digits are folded
// to ASCII by arabic.Tokens).
func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(w string) (int, bool) {
	if len(w) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil
}

// gap returns the original text between words a and b of s.
func (d *doc) gap(s *sentence, a, b int) string {
	return d.body[s.toks[a].End:s.toks[b].Start]
}

// number reads a number at word i: digits (with a scale word after them:
// "3 آلاف"), or number words joined by و ("خمسة وعشرون", "مئة وخمسون").
// It returns the value, the end and whether it found one.
func (d *doc) number(s *sentence, i int) (int, int, bool) {
	w := s.words
	if i >= len(w) {
		return 0, i, false
	}
	if isDigits(w[i]) {
		n, ok := atoi(w[i])
		if !ok {
			return 0, i, false
		}
		j := i + 1
		if j < len(w) {
			if m, ok := d.x.p.numbers.At(w, j); ok && m.V.class == "scale" && strings.TrimSpace(d.gap(s, i, j)) == "" {
				return n * m.V.value, m.J, true
			}
		}
		return n, j, true
	}
	total, j, found := 0, i, false
	for j < len(w) {
		k := j
		if found {
			// later parts come with و, as a proclitic or a word of its own
			if arabic.IsConjunction(w[k]) && k+1 < len(w) {
				k++
			} else if !arabic.HasConjunction(w[k]) {
				break
			}
		}
		m, ok := d.x.p.numbers.At(w, k)
		if !ok {
			break
		}
		v := m.V
		switch v.class {
		case "unit":
			n := v.value
			if m.J < len(w) {
				if t, ok := d.x.p.numbers.At(w, m.J); ok && t.V.class == "teen" && v.value < 10 {
					total += n + 10
					j, found = t.J, true
					continue
				}
				if sc, ok := d.x.p.numbers.At(w, m.J); ok && (sc.V.class == "scale" || sc.V.class == "hundred" && sc.V.value == 100) {
					total += n * sc.V.value
					j, found = sc.J, true
					continue
				}
			}
			total += n
		case "tens", "hundred", "fixed":
			total += v.value
			if v.class == "hundred" && m.J < len(w) {
				if sc, ok := d.x.p.numbers.At(w, m.J); ok && sc.V.class == "scale" && sc.V.value >= 1000 {
					total *= sc.V.value
					j, found = sc.J, true
					continue
				}
			}
		case "scale":
			if found || v.value < 1000 {
				return total, j, found
			}
			total += v.value // "ألف" alone: a thousand
		default:
			return total, j, found
		}
		j, found = m.J, true
	}
	return total, j, found
}

// quantityAt reads a quantity at word i: modifiers before it ("أكثر من",
// "ما لا يقل عن", "نحو", "بين … و…"), the number or a word of magnitude,
// a range written "200 - 300", and "على الأقل" after it.
func (d *doc) quantityAt(s *sentence, i int) (quantity, bool) {
	w := s.words
	mod := ""
	j := i
	for k := 0; k < 2 && j < len(w); k++ {
		m, ok := d.x.p.numbers.At(w, j)
		if !ok {
			break
		}
		switch m.V.class {
		case "min", "gt", "approx", "lt", "between":
			if mod == "" || mod == "approx" {
				mod = m.V.class
			}
			j = m.J
			continue
		}
		break
	}
	if j < len(w) {
		if m, ok := d.x.p.numbers.At(w, j); ok && m.V.class == "vague" && !isDigitsAt(w, j-1) {
			r := &dossier.Range{Min: m.V.value, Vague: true}
			return quantity{i: i, j: m.J, r: r}, true
		}
	}
	n, e, ok := d.number(s, j)
	if !ok {
		return quantity{}, false
	}
	q := quantity{i: i, j: e, number: true}
	switch mod {
	case "min":
		q.r = dossier.AtLeast(n)
	case "gt":
		q.r = dossier.AtLeast(n + 1)
	case "lt":
		q.r = dossier.Between(0, max(n-1, 0))
	case "between":
		// "بين 200 و300"
		k := e
		if k < len(w) && arabic.IsConjunction(w[k]) {
			k++
		}
		if n2, e2, ok := d.number(s, k); ok && n2 > n {
			q.r, q.j = dossier.Between(n, n2), e2
		} else {
			q.r = dossier.Exact(n)
		}
	default:
		q.r = dossier.Exact(n)
		// "200 - 300", "200 إلى 300", "شخص واحد إلى ثمانية أشخاص"
		if e < len(w) && isDigits(w[e]) {
			g := strings.TrimSpace(d.gap(s, e-1, e))
			if g == "-" || g == "–" || g == "—" {
				if n2, e2, ok := d.number(s, e); ok && n2 > n {
					q.r, q.j = dossier.Between(n, n2), e2
				}
			}
		}
		if e < len(w) {
			if m, ok := d.x.p.numbers.At(w, e); ok && m.V.class == "to" {
				if n2, e2, ok := d.number(s, m.J); ok && n2 > n {
					q.r, q.j = dossier.Between(n, n2), e2
				}
			}
		}
		// "38+" or "+38"
		if strings.HasPrefix(strings.TrimSpace(d.afterTok(s, e-1)), "+") || strings.HasSuffix(d.beforeTok(s, j), "+") {
			q.r = dossier.AtLeast(n)
		}
	}
	// "9 على الأقل", possibly after the counted noun
	for k := q.j; k < len(w) && k <= q.j+2; k++ {
		if m, ok := d.x.p.numbers.At(w, k); ok && m.V.class == "minafter" {
			q.r.Max = nil
			break
		}
	}
	return q, true
}

func isDigitsAt(w []string, i int) bool { return i >= 0 && i < len(w) && isDigits(w[i]) }

// afterTok returns the text between word i and the next word (or up to 3
// bytes after the sentence's last word).
func (d *doc) afterTok(s *sentence, i int) string {
	end := s.toks[i].End
	if i+1 < len(s.toks) {
		return d.body[end:s.toks[i+1].Start]
	}
	return d.body[end:min(end+3, len(d.body))]
}

// beforeTok returns the text between the previous word and word i.
func (d *doc) beforeTok(s *sentence, i int) string {
	if i >= len(s.toks) {
		return ""
	}
	start := s.toks[i].Start
	if i > 0 {
		return d.body[s.toks[i-1].End:start]
	}
	return d.body[max(start-3, s.start):start]
}

// figure is a casualty count read in a sentence.
type figure struct {
	field string
	r     *dossier.Range
	at    int // the word the figure starts at
}

// figures reads the casualty counts of a sentence: a figure with a
// casualty noun after it ("38 قتيلا"), a casualty word before it ("مقتل 38
// شخصا", "وإصابة 86 آخرين"), a person noun and a casualty verb after it
// ("34 شخصا لقوا حتفهم"), a dual ("قتيلين", "مقتل شخصين"). A figure after a
// word of capture, abduction or evacuation is no casualty count.
func (d *doc) figures(s *sentence) []figure {
	var out []figure
	w := s.words
	cas := d.x.p.casualties
	for i := 0; i < len(w); {
		// a dual noun is its own figure
		if m, ok := cas.At(w, i); ok && m.V.class == "dual" {
			out = append(out, figure{field: m.V.field, r: dossier.Exact(2), at: i})
			i = m.J
			continue
		}
		if m, ok := cas.At(w, i); ok && m.V.class == "persondual" {
			if f := d.fieldBefore(s, i); f != "" {
				out = append(out, figure{field: f, r: dossier.Exact(2), at: i})
			}
			i = m.J
			continue
		}
		// one person, right after the casualty word ("استشهد الطفل علي
		// دوابشة", "مقتل ناشط في الاحتجاجات")
		if i > 0 && d.x.p.one[arabic.StripArticle(w[i])] {
			if b, ok := cas.At(w, i-1); ok && b.J == i && b.V.class == "before" && d.gap(s, i-1, i) == " " {
				out = append(out, figure{field: b.V.field, r: dossier.Exact(1), at: i})
				i++
				continue
			}
		}
		q, ok := d.quantityAt(s, i)
		if !ok || d.yearLike(s, q) {
			i++
			continue
		}
		field, together := "", false
		j := q.j
		// a verb right after the figure ("ونحو 100 أصيبوا")
		if v, ok := d.x.p.verbsAfter.At(w, j); ok {
			field = v.V.field
		}
		if j < len(w) && field == "" {
			if m, ok := cas.At(w, j); ok {
				switch m.V.class {
				case "after":
					field = m.V.field
					// "200 قتيل وجريح": killed and wounded together are neither
					if m.J < len(w) {
						if n, ok := cas.At(w, m.J); ok && n.V.class == "after" && n.V.field != field && arabic.HasConjunction(w[m.J]) {
							field, together = "", true
							j = n.J
						}
					}
				case "person":
					for k := m.J; k < len(w) && k <= m.J+4; k++ {
						// a casualty verb after the counted people ("34 شخصا لقوا
						// حتفهم", "83 شخصا قتلوا", "عشرين شخصا آخرين على
						// الأقل أصيبوا")
						if isDigits(w[k]) {
							break
						}
						// (up to the next count: "ثلاثة جنود وإصابة أربعة
						// آخرين بجروح" gives the wounds to the four)
						if n, ok := cas.At(w, k); ok && !(k == m.J && n.V.class == "person") {
							if _, isVerb := d.x.p.verbsAfter.At(w, k); !isVerb {
								break
							}
						}
						if _, ok := d.quantityAt(s, k); ok {
							break
						}
						if v, ok := d.x.p.verbsAfter.At(w, k); ok {
							field = v.V.field
							break
						}
					}
				}
			}
		}
		if field == "" && !together {
			field = d.fieldBefore(s, q.i)
		}
		if field != "" {
			out = append(out, figure{field: field, r: q.r, at: q.i})
		}
		i = max(j, q.j, i+1)
	}
	return d.oneByPronoun(s, out)
}

// fieldBefore returns the count a casualty word within four words before
// word i introduces, or "" (also when a word of capture comes nearer).
// oneByPronoun adds, for a field the sentence gives no figure of, the one
// person a casualty noun with its pronoun counts ("ما تسبب بمقتله على
// الفور": his killing; "أسفر عن إصابته": his wound).
func (d *doc) oneByPronoun(s *sentence, out []figure) []figure {
	has := map[string]bool{}
	for _, f := range out {
		has[f.field] = true
	}
	w := s.words
	for i := range w {
		if m, ok := d.x.p.casualties.At(w, i); ok && m.V.class == "self" && !has[m.V.field] {
			// "أدى إلى مقتله و18 مدنيا": he is one of a count the
			// sentence does not total
			next := m.J
			if next < len(w) && arabic.IsConjunction(w[next]) {
				next++
			}
			if _, counted := d.quantityAt(s, next); counted && next < len(w) {
				continue
			}
			out = append(out, figure{field: m.V.field, r: dossier.Exact(1), at: i})
			has[m.V.field] = true
		}
	}
	return out
}

// beforeEndingAt returns the field of a casualty word of the "before"
// class that ends right at word k and opens a pair of its own ("مقتل
// وإصابة"), not the verb of a figure before it ("28 شخصا قتلوا وجرح 73").
func (d *doc) beforeEndingAt(s *sentence, k int) (string, bool) {
	for b := max(0, k-3); b < k; b++ {
		if m, ok := d.x.p.casualties.At(s.words, b); ok && m.J == k && m.V.class == "before" && d.gap(s, k-1, k) == " " {
			for p := max(0, b-3); p < b; p++ {
				if isDigits(s.words[p]) {
					return "", false
				}
				if n, ok := d.x.p.casualties.At(s.words, p); ok && (n.V.class == "person" || n.V.class == "after") {
					return "", false
				}
			}
			return m.V.field, true
		}
	}
	return "", false
}

func (d *doc) fieldBefore(s *sentence, i int) string {
	cas := d.x.p.casualties
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if m, ok := cas.At(s.words, k); ok && m.J <= i {
			switch m.V.class {
			case "before":
				// "مقتل وإصابة 112 شخصا", "قتل وأصيب العشرات": the killed
				// and the wounded counted together are neither
				if k > 0 && arabic.HasConjunction(s.words[k]) {
					if p, ok := d.beforeEndingAt(s, k); ok && p != m.V.field {
						return ""
					}
				}
				return m.V.field
			case "not":
				return ""
			}
		}
		if isDigits(s.words[k]) {
			return "" // another figure between
		}
	}
	return ""
}

// yearLike reports a bare four-digit figure from 1900 to 2100 that a date
// word stands next to ("عام 2016"): a year, not a count.
func (d *doc) yearLike(s *sentence, q quantity) bool {
	if q.r.Max == nil || q.r.Min != *q.r.Max || q.r.Min < 1900 || q.r.Min > 2100 {
		return false
	}
	if q.i > 0 {
		if m, ok := d.x.p.datesExact.At(s.words, q.i-1); ok && m.V.class == "yearword" {
			return true
		}
		if m, ok := d.x.p.dates.At(s.words, q.i-1); ok && (m.V.class == "month" || m.V.class == "hijri") {
			return true
		}
	}
	if q.j < len(s.words) {
		if m, ok := d.x.p.datesExact.At(s.words, q.j); ok && m.V.class == "era" {
			return true
		}
	}
	return false
}
