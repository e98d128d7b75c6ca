package extract

import (
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/dateline"
	"github.com/dossier-project/dossier/internal/gazetteer"
	"github.com/dossier-project/dossier/internal/reader"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// datelineInfo is the place of writing a report opens with ("KABUL, March
// 3 (Reuters) -"), resolved in the gazetteer.
type datelineInfo struct {
	start, end int // body offsets of the whole dateline
	placeStart int
	placeEnd   int
	name       string
	place      gazetteer.Place
	// countryNamed: the dateline names the place's country ("MANILA,
	// Philippines —")
	countryNamed bool
	// dateStart, dateEnd span the dateline's date when it dated an
	// undated report ("NAIROBI, Jan 15, 2019 (AP) —"); 0 otherwise.
	dateStart, dateEnd int
	sent               int // the sentence it opens
}

// dropDatelineMentions removes the names the dateline holds from its
// sentence's mentions, once they are found: the place of writing is no
// mention of the act's.
func (d *docState) dropDatelineMentions() {
	if d.dateline == nil {
		return
	}
	st := d.sents[d.dateline.sent]
	kept := st.mentions[:0]
	for _, m := range st.mentions {
		if m.start >= d.dateline.end {
			kept = append(kept, m)
		}
	}
	st.mentions = kept
}

// findDateline reads a dateline at the start of a report's first
// paragraphs, or a bare "City, Country" line above them, before the
// sentences' names are looked for (its country helps choose among places
// of one name). Its place is the
// place of writing: its mentions and its date leave the sentence, so that
// neither anchors the incident; the place remains a last resort when the
// text names no place of its own. An opening whose place the gazetteer
// does not know ("UPDATE:") is not a dateline.
func (d *docState) findDateline() {
	if !d.news {
		return
	}
	for _, st := range d.sents {
		if st.idx > 2 {
			return
		}
		if !st.leadOfPara {
			continue
		}
		// past a page's labelled date run into the line ("date
		// 2023-09-01 Manila: Five soldiers ...")
		skip := reader.DatePrefixEnd(st.text)
		dl, ok := dateline.Find(st.text[skip:])
		if !ok && skip == 0 && (st.idx+1 >= len(d.sents) || d.sents[st.idx+1].para != st.para) {
			dl, ok = dateline.Line(st.text) // a line of its own
		}
		if !ok {
			dl, ok = dateline.RunIn(st.text[skip:], func(s string) bool { _, ok := d.x.gaz.Country(s); return ok })
		}
		if !ok {
			continue
		}
		if skip > 0 {
			dl.Start, dl.End, dl.PlaceStart, dl.PlaceEnd = dl.Start+skip, dl.End+skip, dl.PlaceStart+skip, dl.PlaceEnd+skip
			if dl.Date != "" {
				dl.DateStart, dl.DateEnd = dl.DateStart+skip, dl.DateEnd+skip
			}
		}
		if _, country := d.x.gaz.Country(dl.Place); country && dl.Region == "" {
			continue // "Mali: Two Soldiers Killed in Jihadist Attack": a headline's kicker, no place of writing
		}
		ps := d.x.gaz.Lookup(dl.Place)
		if len(ps) == 0 {
			// "MSUMARINI, Kenya —": a town the gazetteer lacks, in the
			// country the dateline names
			c, ok := d.x.gaz.Country(dl.Region)
			if !ok || dl.Region == "" {
				continue
			}
			ps = []gazetteer.Place{countryPlace(c)}
		}
		p := ps[0]
		countryNamed := false
		if dl.Region != "" {
			c, okc := d.x.gaz.Country(dl.Region)
			found := false
			for _, q := range ps {
				if okc && q.Country == c.Name || q.Admin1 == dl.Region {
					p = q
					countryNamed = okc && q.Country == c.Name
					found = true
					break
				}
			}
			if !found && okc {
				// "TOWN, COUNTRY —" for a town the gazetteer knows only
				// elsewhere: a town of that country it lacks
				p, countryNamed = countryPlace(c), true
			}
		} else {
			// the largest place of that very name ("YALA:" is the Thai
			// city, not a larger one elsewhere that name is another name of)
			own := gazetteer.Fold(dl.Place)
			for _, q := range ps {
				if gazetteer.Fold(q.Name) == own {
					p = q
					break
				}
			}
			for _, q := range ps {
				if q.Population > p.Population && (gazetteer.Fold(q.Name) == own || gazetteer.Fold(p.Name) != own) {
					p = q
				}
			}
		}
		d.dateline = &datelineInfo{start: st.start + dl.Start, end: st.start + dl.End, placeStart: st.start + dl.PlaceStart,
			placeEnd: st.start + dl.PlaceEnd, name: dl.Place, place: p, countryNamed: countryNamed, sent: st.idx}
		dates := st.dates[:0]
		for _, h := range st.dates {
			if h.start >= d.dateline.end {
				dates = append(dates, h)
			}
		}
		st.dates = dates
		// a dateline's day a few days before the publication is the day
		// of writing, which "today" and "on Sunday" count from ("SRINAGAR,
		// Sept 12 — militants today stormed ...", printed on the 13th)
		if d.published.Year != 0 && dl.Date != "" {
			for _, e := range timex.Find(dl.Date) {
				if e.Kind != timex.Absolute || e.Month == 0 || e.Day == 0 || e.Year != 0 && e.Year != d.published.Year {
					continue
				}
				w := timex.Date{Year: d.published.Year, Month: e.Month, Day: e.Day}
				if e.Year == 0 && after(w, d.published, 0) {
					w.Year-- // "Dec 31" printed on January 1
				}
				if w != d.published && !after(w, d.published, 0) && !after(d.published, w, 3) {
					d.published, d.anchor = w, w
					d.dateline.dateStart, d.dateline.dateEnd = st.start+dl.DateStart, st.start+dl.DateEnd
				}
				break
			}
		}
		// a dateline with a full date dates a report that has no
		// publication date: "on Sunday" counts from it
		if d.published.Year == 0 && dl.Date != "" {
			for _, e := range timex.Find(dl.Date) {
				if e.Kind == timex.Absolute && e.Year != 0 && e.Month != 0 && e.Day != 0 {
					d.published = timex.Date{Year: e.Year, Month: e.Month, Day: e.Day}
					d.anchor = d.published
					d.dateline.dateStart, d.dateline.dateEnd = st.start+dl.DateStart, st.start+dl.DateEnd
					break
				}
				// "Kokrajhar, Aug 5 :" on a page whose address gives its
				// month ("/2016/08/"): the day of writing in that month
				if m, _, ok := d.publishedMonth(); ok && e.Kind == timex.Absolute && e.Year == 0 && e.Month == m.Month && e.Day != 0 {
					d.published = timex.Date{Year: m.Year, Month: e.Month, Day: e.Day}
					d.anchor = d.published
					d.dateline.dateStart, d.dateline.dateEnd = st.start+dl.DateStart, st.start+dl.DateEnd
					break
				}
			}
		}
		return
	}
}

// datelineLocation is the place of writing as the incident's place, when
// the text names no other: low priority, its evidence the dateline. When
// the lead says the act was "in this town" ("TOWN, COUNTRY (AP) —
// Assailants fired mortars at a police station in this western town"),
// the place of writing is the act's, whatever else the text names.
func (d *docState) datelineLocation(in *incident) {
	if d.dateline == nil {
		return
	}
	// (a town the gazetteer lacks, in the country the dateline names:
	// "MSUMARINI, Kenya — ... a resort hotel here")
	known := d.dateline.place.Population > 0 && d.dateline.place.Feature != featureCountry ||
		d.dateline.place.Feature == featureCountry && d.dateline.countryNamed && !strings.EqualFold(d.dateline.name, d.dateline.place.Country)
	if st := d.hereSentence(); st != nil && known && (in.loc == nil || in.loc.Place != d.dateline.name) {
		ev := d.sentEvidence("location", st, 0.7)
		ev.Note = "the text places the act in the town it was written from (dateline: " + d.dateline.name + ")"
		in.loc = nil
		in.setLocation(placeLocation(d.dateline.name, d.dateline.place), prioLead, ev)
		return
	}
	if in.loc != nil {
		return
	}
	ev := d.evidence("location", d.dateline.start, d.dateline.end, dossier.MethodProse, 0.4)
	ev.Note = "dateline: the place the report was written from; the text names no other place"
	in.setLocation(placeLocation(d.dateline.name, d.dateline.place), prioMeta, ev)
}

// hereSentence is the sentence of the lead that puts the act "in this
// town", "in this city", "in this western village" or "here": the place
// of writing.
func (d *docState) hereSentence() *sent {
	lead := d.leadParas()
	for _, st := range d.sents {
		if st.para >= lead {
			break
		}
		toks := st.toks
		quoted := false
		for k := range toks {
			if toks[k].Text == "\"" || toks[k].Text == "“" || toks[k].Text == "”" {
				quoted = !quoted
			}
			// "ambushed by rebels at the boundary of two villages here":
			// the adverb of the place of writing, outside a quotation
			if k > 0 && toks[k].Text == "here" && !quoted && !(k+1 < len(toks) && toks[k+1].Is("is", "are", "was", "were")) &&
				(len(st.events) > 0 || len(st.cas) > 0) {
				return st
			}
		}
		for k := 0; k+2 < len(toks); k++ {
			if !toks[k].Is("in", "at", "near") || toks[k+1].Lower != "this" {
				continue
			}
			e := k + 2
			for e < len(toks) && e < k+5 && toks[e].Kind == text.Word && !toks[e].Cap() && !toks[e].Is("town", "city", "village", "capital") {
				e++
			}
			if e < len(toks) && toks[e].Is("town", "city", "village", "capital") && (len(st.events) > 0 || len(st.cas) > 0) {
				return st
			}
		}
	}
	return nil
}
