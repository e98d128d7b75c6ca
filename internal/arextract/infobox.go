package arextract

import (
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/arabic"
	"github.com/dossier-project/dossier/internal/layout"
)

// fieldSentence cuts an infobox value into words, as a sentence of its own.
func (d *doc) fieldSentence(f layout.Field) *sentence { return d.sentenceAt(f.Start, f.End) }

func (d *doc) fieldEvidence(field string, f layout.Field) dossier.Evidence {
	return dossier.Evidence{Field: field, Start: f.Start, End: f.End, Text: d.raw[f.Start:f.End], Method: dossier.MethodInfobox, Confidence: 0.95}
}

// fromInfobox fills the incident from the article's infobox: the editors'
// own summary of date, place, figures, perpetrators and weapons. A value
// the infobox gives wins over the prose's.
func (d *doc) fromInfobox(in *incident) {
	for _, f := range d.in.Infobox {
		if f.End <= f.Start || f.End > len(d.body) {
			continue
		}
		s := d.fieldSentence(f)
		if len(s.words) == 0 {
			continue
		}
		switch f.Canon {
		case "date":
			if in.date != nil && in.dateFrom == dossier.MethodInfobox {
				continue
			}
			found := false
			for i := range s.words {
				if df, ok := d.dateAt(s, i); ok {
					in.setDate(df.dr, d.fieldEvidence("date", f), dossier.MethodInfobox)
					found = true
					break
				}
			}
			// a bare year is a date in this field
			if !found && isDigits(s.words[0]) {
				if y, ok := atoi(s.words[0]); ok && y >= 1900 && y <= 2100 {
					t := s.words[0]
					in.setDate(&dossier.DateRange{Start: t, End: t, Precision: "year"}, d.fieldEvidence("date", f), dossier.MethodInfobox)
				}
			}
		case "location":
			var best *placeFound
			for _, p := range d.placesIn(s) {
				switch {
				case best == nil:
					best = &p
				case best.country != nil && p.country == nil:
					best = &p
				case best.place != nil && best.place.Feature == "ADM1" && p.place != nil && p.place.Feature != "ADM1":
					best = &p
				}
			}
			if best != nil && best.country != nil {
				// "ريشون لتسيون، إسرائيل", "شمال سيناء، مصر": the field's
				// first part is the place as the editors wrote it, though
				// the gazetteer knows only the country
				if first := firstPart(d.body[f.Start:f.End]); first != "" {
					if _, isCountry := d.x.gz.MatchCountry(first); !isCountry {
						u := placeFound{name: first, cued: true, unknown: true}
						if loc := u.anchor(nil, best.country); loc != nil {
							in.setLocation(loc, d.fieldEvidence("location", f))
							continue
						}
					}
				}
			}
			if best != nil {
				in.setLocation(best.location(d.x.gz), d.fieldEvidence("location", f))
			}
		case "fatalities", "injuries":
			for i := range s.words {
				if q, ok := d.quantityAt(s, i); ok && !d.yearLike(s, q) {
					in.setFigure(f.Canon, q.r, d.fieldEvidence(f.Canon, f))
					break
				}
			}
		case "perpetrators", "accused":
			for _, name := range splitNames(d.body[f.Start:f.End]) {
				n, alias := cutAlias(name)
				if n == "" {
					continue
				}
				kind := "armed_group"
				if e, ok := d.x.dict.Lookup(n); ok {
					kind = e.Kind
				} else if e, ok := d.x.dict.Lookup(alias); ok && alias != "" {
					kind = e.Kind
				}
				in.addPerp(perp{name: n, kind: kind, ev: d.fieldEvidence(f.Canon, f), accused: f.Canon == "accused"})
				in.infoboxPerps = in.infoboxPerps || f.Canon == "perpetrators"
			}
		case "weapons":
			for _, m := range d.x.p.weapons.All(s.words) {
				in.addWeapon(m.V, d.fieldEvidence("weapons", f))
			}
		}
	}
}

// splitNames splits an infobox list of names at commas, semicolons, line
// breaks and the conjunction written as a word of its own.
func splitNames(v string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == '،' || r == ',' || r == ';' || r == '؛' || r == '\n' || r == '|' }) {
		for _, p := range splitConj(part) {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// splitConj splits at a free-standing conjunction ("X و Y", and "X أو Y":
// either, so both are named).
func splitConj(s string) []string {
	words := strings.Fields(s)
	var out []string
	start := 0
	or := arabic.Fold("أو")
	for i, w := range words {
		if fw := arabic.Fold(w); arabic.IsConjunction(fw) || fw == or || strings.EqualFold(w, "and") {
			out = append(out, strings.Join(words[start:i], " "))
			start = i + 1
		}
	}
	return append(out, strings.Join(words[start:], " "))
}

// cutAlias returns a name without its parenthesis, and the parenthesis as
// an alias: "تنظيم الدولة الإسلامية (داعش)".
func cutAlias(name string) (string, string) {
	name = strings.Join(strings.Fields(strings.NewReplacer("«", "", "»", "", "\"", "").Replace(name)), " ")
	if p := strings.IndexAny(name, "(["); p >= 0 {
		alias := strings.Trim(name[p:], "()[] ")
		return strings.TrimSpace(name[:p]), alias
	}
	return strings.Trim(name, " .،,:"), ""
}

// firstPart is an infobox value's text before its first comma (Arabic or
// Latin), without brackets, when it is a name of at most five words.
func firstPart(v string) string {
	if i := strings.IndexAny(v, "،,;("); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSpace(v)
	if n := len(strings.Fields(v)); n == 0 || n > 5 {
		return ""
	}
	return v
}
