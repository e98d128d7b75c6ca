package arextract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/arabic"
	"github.com/dossier-project/dossier/internal/gazetteer"
)

// placeFound is a place named in a sentence.
type placeFound struct {
	i, j    int
	name    string // as written, without its proclitics
	place   *gazetteer.Place
	country *gazetteer.Country
	cued    bool // after a preposition, the proclitic ب, or a word for a kind of place
	region  bool // after a direction or nearness word ("شمال بغداد")
	unknown bool // a name the gazetteer does not know, cued by a word for a kind of place
	kind    bool // after a word for a kind of place ("قرية الرايس")
	word    bool // a country name that is also a common word ("مالي", "عمان"): needs a cue
	// weak marks an unknown name read only because a preposition or the
	// act's noun stands before it and the title repeats it ("في فصائل
	// المعارضة", "هجوم للحوثيين"): a known place of the lead comes first.
	// A name the event is known by ("مجزرة القبير" under that title) is
	// not weak.
	weak bool
}

// trimFolded returns orig without its first n folded letters (the
// proclitics Stems removed), skipping the marks folding drops.
func trimFolded(orig string, n int) string {
	i := 0
	for n > 0 && i < len(orig) {
		r, size := utf8.DecodeRuneInString(orig[i:])
		i += size
		if _, ok := arabic.FoldRune(r); ok {
			n--
		}
	}
	return orig[i:]
}

// places returns the places of a sentence, left to right: the longest name
// of up to three words that the gazetteer knows as a country, a first-level
// division or a populated place, starting at each word that is not a
// function word. A known place must be cued (after "في", the proclitic ب,
// a word for a kind of place, a direction, or right after the event word)
// or be a country or a place of 100,000 people or more: Arabic spells many
// common words as some village somewhere. A name the gazetteer does not
// know is a place when a word for a kind of place stands before it ("قرية
// الرايس", "حي سيدي يوسف"), or when it follows the event word or "في" and
// the document's title names it too ("مجزرة بني مسوس", "في باردو").
func (d *doc) places(s *sentence) []placeFound {
	if !s.placed {
		s.placeList, s.placed = d.placesCued(s, false), true
	}
	return s.placeList
}

// placesIn returns the places of an infobox value, where every name is a
// place.
func (d *doc) placesIn(s *sentence) []placeFound { return d.placesCued(s, true) }

func (d *doc) placesCued(s *sentence, all bool) []placeFound {
	var out []placeFound
	w := s.words
	for i := 0; i < len(w); i++ {
		if d.notName(s, i) {
			continue
		}
		if m, ok := d.x.p.places.At(w, i); ok && m.J > i && m.V != "site" {
			// a word for a kind of place or a direction is no name itself
			// ("مدينة" is not Medina), though it may open one
			if f, ok := d.placeAt(s, i); !ok || f.j <= m.J {
				continue
			}
		}
		if m, ok := d.x.p.places.At(w, i); ok && m.V == "site" {
			i = m.J - 1 // a building or a vehicle, not a place: its name may follow
			continue
		}
		cue, region, kind, in, quarter := false, false, false, false, false
		for k := max(0, i-3); k < i; k++ {
			m, ok := d.x.p.places.At(w, k)
			if !ok || m.V == "site" {
				continue
			}
			// the cue may stand before a country's adjective: "العاصمة
			// الأردنية عمان"
			end := m.J
			if end < i && end == i-1 && d.isCountryWord(s, end) {
				end = i
			}
			if end == i {
				cue = cue || m.V != "region"
				region = region || m.V == "region"
				// a direction before the word for the kind of place: "30
				// كيلومترا شرقي مدينة كربلاء" is near the city, not in it
				if m.V == "cue" && k > 0 {
					for b := max(0, k-2); b < k; b++ {
						if r, ok := d.x.p.places.At(w, b); ok && r.V == "region" && r.J == k {
							region = true
						}
					}
				}
				kind = kind || m.V == "cue"
				in = in || m.V == "in"
				// (a quarter, not a market: "سوق الخضار" is a vegetable market)
				quarter = quarter || m.V == "cueknown" && arabic.Fold(d.span(s, k, m.J)) == arabic.Fold("حي")
			}
		}
		// a name right after an event word is where it happened: Arabic
		// names an incident "event + place" ("تفجيرات بغداد", "هجوم سوسة")
		afterEvent, named := false, false
		for _, e := range s.events {
			// (after an act against a person, "اغتيال بوتو", "اختطاف X",
			// the name is the person's)
			if e.J == i && e.V.weight >= 2 && !d.actOnAPerson(s, e.I, e.J) {
				afterEvent = true // a noun of the act ("تفجيرات"), not a verb such as "استهدفت"
				// a short title that opens with the act and this name is
				// the name the event is known by ("مجزرة القبير",
				// "تفجيرات الحلة 2016"), not a headline
				named = named || d.titleNames(s.words[i])
			}
		}
		f, ok := d.placeAt(s, i)
		if !ok {
			if c := d.adjectiveAt(s, i); c != nil && kind && !all {
				// "في بلدة نيجيرية", "العاصمة الأردنية": a kind of place
				// and its country's adjective say the country
				out = append(out, placeFound{i: i, j: i + 1, name: d.span(s, i, i+1), country: c, cued: true})
				continue
			}
			if d.isCountryWord(s, i) {
				continue // "العاصمة الأردنية": the adjective is no unknown place
			}
			// "في حي الزهراء ذو الغالبية العلوية في حمص": a quarter the
			// gazetteer does not know, placed by the city after it
			// (its name is definite: "حي خاضع لسيطرة" is a quarter under
			// someone's control)
			if quarter && !kind && !all && arabic.StripArticle(s.words[i]) != s.words[i] && d.cityAhead(s, i+1) {
				kind = true
			}
			if kind || (afterEvent || in) && !all {
				if u, ok := d.unknownAt(s, i, kind); ok {
					u.weak = !kind && !named
					out = append(out, u)
					if c, ok := d.countryAfter(s, u); ok && !all {
						out = append(out, c)
					}
					i = u.j - 1
				}
			}
			continue
		}
		// a division after a city of another country in the sentence
		// ("مدينة لاهور عاصمة إقليم البنجاب"): the division of that
		// country by the name, or the city's own division when it bears
		// the name (the gazetteer may know the name only in India)
		if f.place != nil {
			as := d.x.gz.Admin1(f.name)
			isAdmin := slices.ContainsFunc(as, func(a gazetteer.Place) bool {
				return a.Name == f.place.Name && a.CountryCode == f.place.CountryCode
			})
			for p := len(out) - 1; isAdmin && p >= 0; p-- {
				prev := out[p].place
				if prev == nil {
					continue
				}
				if prev.CountryCode != f.place.CountryCode {
					if k := slices.IndexFunc(as, func(a gazetteer.Place) bool { return a.CountryCode == prev.CountryCode }); k >= 0 {
						f.place = &as[k]
					} else if strings.EqualFold(prev.Admin1, f.place.Name) {
						f.place = prev
					}
				}
				break
			}
		}
		f.cued = cue || region || afterEvent || f.cued || all
		f.region = region
		f.kind = kind
		c, named := d.countryAfter(s, f)
		if named && !all {
			f.cued = true
			if f.place != nil && f.place.Country != c.country.Name {
				if p := d.placeIn(f.name, c.country); p != nil {
					f.place = p // "رفح المصرية" is Egypt's Rafah
				}
			}
		}
		if !f.cued && f.country == nil && (f.place == nil || f.place.Population < 100000) {
			continue
		}
		if !f.cued && f.word {
			continue
		}
		// a name of two letters ("سي") is a place only when it is large
		if f.place != nil && !cue && !in && utf8.RuneCountInString(arabic.Fold(f.name)) < 3 && f.place.Population < 100000 {
			continue
		}
		out = append(out, f)
		i = f.j - 1
		if named && !all && f.country == nil {
			out = append(out, c)
			i = c.j - 1
		}
	}
	return out
}

// cityAhead says whether a known populated place follows word k within
// six words, after "في" or the proclitic ب, with no sentence punctuation
// between: the city a quarter named before it lies in.
func (d *doc) cityAhead(s *sentence, k int) bool {
	for j := k; j < len(s.words) && j < k+6; j++ {
		if j > k && strings.ContainsAny(d.gap(s, j-1, j), ".،,؛;:") {
			return false
		}
		stems := arabic.Stems(s.words[j])
		if s.words[j] == "في" && j+1 < len(s.words) {
			stems = []string{s.words[j+1]}
		} else if len(stems) < 2 || !strings.HasPrefix(s.words[j], "ب") {
			continue
		}
		for _, st := range stems {
			for _, p := range d.x.gz.Lookup(st) {
				if strings.HasPrefix(p.Feature, "PPL") && p.Population >= 100000 {
					return true
				}
			}
		}
	}
	return false
}

// adjectiveAt returns the country whose adjective word i is ("المصرية",
// "نيجيرية"), or nil.
func (d *doc) adjectiveAt(s *sentence, i int) *gazetteer.Country {
	if i >= len(s.words) {
		return nil
	}
	for _, stem := range arabic.Stems(s.words[i]) {
		if m, ok := d.x.gz.MatchCountry(stem); ok {
			if m.Name || m.Word {
				return nil
			}
			c := m.Country
			return &c
		}
	}
	return nil
}

// countryAfter reads the country a place's own words give it: its
// adjective right after the name ("مدينة رفح المصرية", "قرية وامري
// الجزائرية") or the country's name after a comma, as an article writes an
// address ("لإيلات، إسرائيل"); the country, cued, as a place found.
func (d *doc) countryAfter(s *sentence, f placeFound) (placeFound, bool) {
	j := f.j
	if j >= len(s.words) || f.country != nil {
		return placeFound{}, false
	}
	// after a name the gazetteer does not know, an adjective is as often
	// part of the name ("حي كولوني الألماني", "الحوش الصحراوي")
	// ("حي كولوني الألماني"): it gives the country of a place of that
	// name in it only
	if c := d.adjectiveAt(s, j); c != nil && !f.unknown && (f.place.Country == c.Name || d.placeIn(f.name, c) != nil) {
		return placeFound{i: j, j: j + 1, name: d.span(s, j, j+1), country: c, cued: true}, true
	}
	if g := d.gap(s, j-1, j); !strings.ContainsAny(g, ",،") {
		return placeFound{}, false
	}
	for n := min(3, len(s.words)-j); n >= 1; n-- {
		m, ok := d.x.gz.MatchCountry(d.span(s, j, j+n))
		if !ok || !m.Name || m.Word {
			continue
		}
		if f.place != nil && f.place.Country != m.Country.Name {
			return placeFound{}, false
		}
		c := m.Country
		return placeFound{i: j, j: j + n, name: d.span(s, j, j+n), country: &c, cued: true}, true
	}
	return placeFound{}, false
}

// placeIn returns the place of that name in country c, the largest, or nil.
func (d *doc) placeIn(name string, c *gazetteer.Country) *gazetteer.Place {
	for _, p := range d.x.gz.Lookup(name) {
		if p.Country == c.Name {
			return &p
		}
	}
	for _, p := range d.x.gz.Admin1(name) {
		if p.Country == c.Name {
			return &p
		}
	}
	return nil
}

// homeFirst returns the place a name most likely means in this language:
// the largest of those in a country where the language is written (the
// pack's home class) when there is one of 1,000 people or more and at
// least a twentieth of the largest, else the largest ("كابول" is Kabul,
// not the Israeli village of that name).
func (d *doc) homeFirst(ps []gazetteer.Place) *gazetteer.Place {
	for k := range ps {
		if d.x.p.home[ps[k].CountryCode] && ps[k].Population >= 1000 && ps[k].Population*20 >= ps[0].Population {
			return &ps[k]
		}
	}
	return &ps[0]
}

// isCountryWord reports a word the gazetteer knows as a country's name or
// adjective.
func (d *doc) isCountryWord(s *sentence, i int) bool {
	for _, stem := range arabic.Stems(s.words[i]) {
		if _, ok := d.x.gz.Country(stem); ok {
			return true
		}
	}
	return false
}

// notName reports a word that never starts a place name: a function word,
// a figure, a date word (a month or weekday: "16 آب 2012" is August, not
// a town named Ab).
func (d *doc) notName(s *sentence, i int) bool {
	if d.x.p.function[s.words[i]] || isDigits(s.words[i]) {
		return true
	}
	// an event word ("تفجير") names the act, never its place
	for _, e := range s.events {
		if e.I == i {
			return true
		}
	}
	_, _, ok := d.dateWord(s, i)
	return ok
}

// unknownAt reads a place name the gazetteer does not know, starting at
// word i: up to three words, ending before a function word, a figure, a
// date word, a place cue, an event word, a punctuation mark or, after the
// first word, a word with the article (an adjective: "وامري الكبرى"). A
// first word the pack marks as a name prefix ("بني", "سيدي") takes the
// next word with it. After an event word (cued is false), the document's
// title must name the place too.
func (d *doc) unknownAt(s *sentence, i int, cued bool) (placeFound, bool) {
	w := s.words
	j := i
	// "بعين أمناس": a prefix word behind its proclitics opens the name as
	// the prefix does, without them
	clitic := 0
	if !d.x.p.prefix[w[i]] {
		for _, st := range arabic.Stems(w[i])[1:] {
			if d.x.p.prefix[st] {
				clitic = utf8.RuneCountInString(w[i]) - utf8.RuneCountInString(st)
				break
			}
		}
	}
	isPrefix := func(k int) bool { return d.x.p.prefix[w[k]] || k == i && clitic > 0 }
	for j < len(w) && j < i+3 {
		if j > i {
			if g := d.gap(s, j-1, j); len(g) != 1 || g != " " {
				break
			}
			if d.notName(s, j) || arabic.StripArticle(w[j]) != w[j] && !isPrefix(j-1) {
				break
			}
			if m, ok := d.x.p.places.At(w, j); ok && m.J > j {
				break
			}
			if _, ok := d.x.p.events.At(w, j); ok {
				break
			}
		}
		j++
		if !isPrefix(j - 1) {
			break
		}
	}
	if j == i || isPrefix(j-1) {
		return placeFound{}, false
	}
	name := d.span(s, i, j)
	if !cued {
		if !strings.Contains(looseWords(d.titleWords()), looseWords(foldedWords(name))) {
			return placeFound{}, false
		}
	}
	if clitic > 0 {
		name = trimFolded(name, clitic)
	}
	return placeFound{i: i, j: j, name: name, cued: true, unknown: true}, true
}

// actOnAPerson says whether words [i, j) name an act whose complement is
// a person: an assassination or a kidnapping ("اغتيال بوتو", "اختطاف
// X"), not a hostage crisis at a place ("أزمة الرهائن بعين أمناس").
func (d *doc) actOnAPerson(s *sentence, i, j int) bool {
	f := arabic.Fold(d.span(s, i, j))
	for _, w := range []string{"اغتيال", "اختطاف", "خطف"} {
		if strings.Contains(f, arabic.Fold(w)) {
			return true
		}
	}
	return false
}

// titleNames says whether the title is an event's name (at most five
// words, the act's noun first: "مجزرة تاجنة", "تفجيرات الحلة 2016") whose
// word after the act is w, folded.
func (d *doc) titleNames(w string) bool {
	tw := strings.Fields(d.titleWords())
	if len(tw) == 0 || len(tw) > 5 {
		return false
	}
	m, ok := d.x.p.events.At(tw, 0)
	return ok && m.V.weight >= 2 && m.J < len(tw) && tw[m.J] == w
}

// titleWords returns the folded words of the title, as foldedWords does,
// computed once per document.
func (d *doc) titleWords() string {
	if d.titleW == "" {
		d.titleW = foldedWords(d.in.Title)
	}
	return d.titleW
}

// foldedWords returns the folded words of s joined by single spaces, with
// a space at each end, for whole-word containment tests.
func foldedWords(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	for _, t := range arabic.Tokens(s) {
		b.WriteString(t.Folded)
		b.WriteByte(' ')
	}
	return b.String()
}

// looseWords drops the long vowels (ا و ي) inside each folded word: Arabic
// writes a foreign name with or without them ("أمناس" and "أميناس",
// "قندز" and "قندوز"), so a title and its article may spell one name two
// ways.
func looseWords(folded string) string {
	var b strings.Builder
	start := true
	for _, r := range folded {
		switch {
		case r == ' ':
			start = true
		case start:
			start = false
		case r == 'ا' || r == 'و' || r == 'ي':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// placeAt looks up the names of one to three words starting at word i,
// longest first; the first word may carry proclitics.
func (d *doc) placeAt(s *sentence, i int) (placeFound, bool) {
	w := s.words
	for n := min(3, len(w)-i); n >= 1; n-- {
		if n > 1 && d.x.p.function[w[i+n-1]] {
			continue
		}
		if n == 1 && d.x.p.prefix[w[i]] {
			continue // "بني", "سيدي" open a name; alone they are none
		}
		rest := ""
		if n > 1 {
			rest = " " + d.body[s.toks[i+1].Start:s.toks[i+n-1].End]
		}
		stems := arabic.Stems(w[i])
		if n == 1 && d.titleNames(w[i]) {
			// the title names the event with the word whole ("مجزرة
			// باجا"): a name, not a preposition and a shorter name ("ب" +
			// "اجا"); a headline's "بدرعا" is still ب + Daraa
			stems = stems[:1]
		}
		for si, stem := range stems {
			if utf8.RuneCountInString(stem) < 2 || d.x.p.function[stem] {
				continue
			}
			orig := d.body[s.toks[i].Start:s.toks[i].End]
			strip := utf8.RuneCountInString(w[i]) - utf8.RuneCountInString(stem)
			name := trimFolded(orig, strip) + rest
			if strip > 0 && utf8.RuneCountInString(stem) < 3 {
				continue
			}
			// "كبرى" is no ك + Bury, "فاتن" no ف + Athens: a place is
			// written after و, ب or ل, hardly after ك ("like") or ف
			// ("so")
			if pre := s.words[i][:len(s.words[i])-len(stem)]; strings.Contains(pre, "ك") || strings.HasPrefix(pre, "ف") {
				continue
			}
			f := placeFound{i: i, j: i + n, name: name, cued: si > 0 && arabic.Locative(w[i], stem)}
			// a country's name places; its adjective ("القوات الأمريكية")
			// qualifies a noun and places nothing
			if m, ok := d.x.gz.MatchCountry(name); ok && m.Name {
				// a name that is also a large city ("عمان", Amman) is the city
				if ps := d.x.gz.Lookup(name); m.Word && len(ps) > 0 && ps[0].Population >= 100000 {
					f.place = &ps[0]
					return f, true
				}
				c := m.Country
				f.country, f.word = &c, m.Word
				return f, true
			} else if ok {
				// a country's adjective ("الأردنية") is no place, nor is
				// the word left without its article
				return placeFound{}, false
			}
			if ps := d.x.gz.Lookup(name); len(ps) > 0 {
				if m, ok := d.x.p.places.At(w, i); ok && m.V == "cue" && m.J == i+1 && n > 1 {
					// "مدينة الجزائر" is the city "الجزائر"; but "المنطقة
					// الخضراء" is a name of its own
					if alone := d.x.gz.Lookup(strings.TrimSpace(rest)); len(alone) > 0 && alone[0].Lat == ps[0].Lat && alone[0].Lon == ps[0].Lon {
						f.name = strings.TrimSpace(rest)
					}
				}
				best := d.homeFirst(ps)
				if !d.x.p.home[best.CountryCode] {
					// a division where the language is written before a
					// town abroad: "الكرك" is Jordan's Karak, not Krk
					for _, a := range d.x.gz.Admin1(name) {
						if d.x.p.home[a.CountryCode] {
							best = &a
							break
						}
					}
				}
				if si > 0 && best.Population < 20000 {
					continue // "باجا" is not ب + a village "اجا"
				}
				f.place = best
				return f, true
			}
			if ps := d.x.gz.Admin1(name); len(ps) > 0 {
				f.place = &ps[0]
				return f, true
			}
		}
	}
	return placeFound{}, false
}

// location turns a found place into a location; the name is the place as
// the text writes it.
func (f placeFound) location(gz *gazetteer.Gazetteer) *dossier.Location {
	if f.unknown {
		return nil // anchored by the caller (anchor)
	}
	if f.country != nil {
		lat, lon := f.country.Lat, f.country.Lon
		return &dossier.Location{Place: "", Country: f.country.Name, Lat: &lat, Lon: &lon, Precision: "country"}
	}
	p := f.place
	lat, lon := p.Lat, p.Lon
	prec := "city"
	if p.Feature == "ADM1" {
		prec = "admin1"
	}
	return &dossier.Location{Place: f.name, Admin1: p.Admin1, Admin2: p.Admin2, Country: p.Country, Lat: &lat, Lon: &lon, Precision: prec}
}

// anchor places a name the gazetteer does not know: at the known place the
// same sentence names near it (its division, with that place's point and
// precision admin1), else in the document's country (precision country).
func (f placeFound) anchor(near *placeFound, country *gazetteer.Country) *dossier.Location {
	if near != nil && near.place != nil && (country == nil || near.place.Country == country.Name) {
		lat, lon := near.place.Lat, near.place.Lon
		return &dossier.Location{Place: f.name, Admin1: near.place.Admin1, Country: near.place.Country, Lat: &lat, Lon: &lon, Precision: "admin1"}
	}
	if country != nil {
		lat, lon := country.Lat, country.Lon
		return &dossier.Location{Place: f.name, Country: country.Name, Lat: &lat, Lon: &lon, Precision: "country"}
	}
	return nil
}
