package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-project/dossier"
)

// How values read to people. Each function takes what the store returns
// and gives plain text; templates escape it.

var months = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// isoText reads an ISO date at its precision: "7 November 2021",
// "November 2021", "2021".
func isoText(s string) string {
	parts := strings.Split(s, "-")
	switch len(parts) {
	case 1:
		return s
	case 2:
		if m, err := strconv.Atoi(parts[1]); err == nil && m >= 1 && m <= 12 {
			return months[m-1] + " " + parts[0]
		}
	case 3:
		m, err1 := strconv.Atoi(parts[1])
		d, err2 := strconv.Atoi(parts[2])
		if err1 == nil && err2 == nil && m >= 1 && m <= 12 {
			return fmt.Sprintf("%d %s %s", d, months[m-1], parts[0])
		}
	}
	return s
}

// dateText reads a date range: one date, or "5 November 2021 – 7 November 2021".
func dateText(d *dossier.DateRange) string {
	if d == nil || d.Start == "" {
		return "date unknown"
	}
	if d.End == "" || d.End == d.Start {
		return isoText(d.Start)
	}
	return isoText(d.Start) + " – " + isoText(d.End)
}

func isoDate(d *dossier.DateRange) string {
	if d == nil {
		return ""
	}
	return d.Start
}

// placeText reads a location: "Green Zone, Baghdad, Iraq".
func placeText(l *dossier.Location) string {
	if l == nil {
		return "place unknown"
	}
	parts := []string{}
	for _, p := range []string{l.Place, l.Admin1, l.Country} {
		if p != "" && (len(parts) == 0 || !strings.EqualFold(parts[len(parts)-1], p)) && !containsFold(parts, p) {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "place unknown"
	}
	return strings.Join(parts, ", ")
}

func containsFold(xs []string, s string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// rangeText reads a count known within bounds: "6", "1–2", "at least 9".
func rangeText(r *dossier.Range) string {
	switch {
	case r == nil:
		return "unknown"
	case r.Max == nil:
		return fmt.Sprintf("at least %d", r.Min)
	case *r.Max == r.Min:
		return strconv.Itoa(r.Min)
	}
	return fmt.Sprintf("%d–%d", r.Min, *r.Max)
}

// countText reads a stored count ("6", "1-2", "3+") the way rangeText does.
func countText(v string) string {
	v = strings.TrimSpace(v)
	if n, ok := strings.CutSuffix(v, "+"); ok {
		return "at least " + n
	}
	if lo, hi, ok := strings.Cut(v, "-"); ok && lo != "" {
		return lo + "–" + hi
	}
	return v
}

var fieldLabels = map[string]string{
	"title": "Title", "date": "Date", "location": "Location", "type": "Event type", "sub_type": "Sub-type",
	"fatalities": "Killed", "injuries": "Injured", "weapons": "Weapons", "targets": "Targets",
	"perpetrators": "Perpetrators", "accused": "Accused", "unidentified": "Unidentified attackers", "part_of": "Part of",
}

func fieldLabel(f string) string {
	if l, ok := fieldLabels[f]; ok {
		return l
	}
	return strings.ReplaceAll(f, "_", " ")
}

// valueText reads one reported value of a field: "6 injured", "7 November 2021".
func valueText(field, v string) string {
	if v == "" {
		return "—"
	}
	switch field {
	case "fatalities":
		return countText(v) + " killed"
	case "injuries":
		return countText(v) + " injured"
	case "date":
		if lo, hi, ok := strings.Cut(v, " to "); ok {
			return isoText(lo) + " – " + isoText(hi)
		}
		return isoText(v)
	}
	return v
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func sourcesText(n int) string { return plural(n, "source", "sources") }

var kindLabels = map[string]string{
	dossier.KindPerson: "person", dossier.KindArmedGroup: "armed group", dossier.KindState: "state",
	dossier.KindOrganization: "organization", dossier.KindParty: "party", dossier.KindMedia: "media", dossier.KindOther: "other",
}

func kindLabel(k string) string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return strings.ReplaceAll(k, "_", " ")
}

var stanceLabels = map[string]string{
	dossier.StanceCondemn: "Condemned", dossier.StanceAccuse: "Accused someone", dossier.StanceDeny: "Denied",
	dossier.StanceDismiss: "Dismissed", dossier.StanceSympathize: "Sympathized", dossier.StanceSupport: "Supported",
	dossier.StanceOther: "Other statements",
}

// stanceOrder is the order statements are grouped in on an incident page.
var stanceOrder = []string{dossier.StanceCondemn, dossier.StanceAccuse, dossier.StanceDeny, dossier.StanceDismiss,
	dossier.StanceSympathize, dossier.StanceSupport, dossier.StanceOther}

func stanceLabel(s string) string {
	if l, ok := stanceLabels[s]; ok {
		return l
	}
	return s
}

var howLabels = map[string]string{
	dossier.HowClaimed: "claimed responsibility", dossier.HowOfficials: "accused by officials",
	dossier.HowAnonymous: "accused by anonymous sources", dossier.HowAccused: "accused",
	dossier.HowDenied: "denied", dossier.HowFabricated: "called it fabricated",
	dossier.HowReported: "reported as perpetrator", dossier.HowSuspected: "reported as accused or suspected",
}

func howLabel(h string) string {
	if l, ok := howLabels[h]; ok {
		return l
	}
	return strings.ReplaceAll(h, "_", " ")
}

var predicateLabels = map[string][2]string{
	dossier.PredLeaderOf:       {"leader of", "led by"},
	dossier.PredMemberOf:       {"member of", "has member"},
	dossier.PredFounded:        {"founded", "founded by"},
	dossier.PredBackedBy:       {"backed by", "backs"},
	dossier.PredSpokespersonOf: {"spokesperson of", "has spokesperson"},
	dossier.PredPartOf:         {"part of", "includes"},
}

// predicateText reads a relation from the subject's side, or from the
// object's when inverse is set ("leader of" / "led by").
func predicateText(p string, inverse bool) string {
	if l, ok := predicateLabels[p]; ok {
		if inverse {
			return l[1]
		}
		return l[0]
	}
	return strings.ReplaceAll(p, "_", " ")
}

// evidenceHref points at one piece of evidence in its document.
func evidenceHref(docID string, e *dossier.Evidence) string {
	if e == nil || docID == "" {
		return "/documents/" + url.PathEscape(docID)
	}
	return fmt.Sprintf("/documents/%s?hl=%d-%d#hl", url.PathEscape(docID), e.Start, e.End)
}

func sourceURL(s *string) string {
	if s == nil {
		return ""
	}
	u, err := url.Parse(*s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return *s
}

// docTitle names a source for people: its title, else its path.
func docTitle(s dossier.Source) string {
	if s.Title != "" {
		return s.Title
	}
	return s.Path
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006 15:04 UTC")
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// placeholder shows the form a corrected value takes.
func placeholder(field string) string {
	switch field {
	case "date":
		return "2021-11-07, 2021-11 or 2021-11-05 to 2021-11-07"
	case "fatalities", "injuries":
		return "3, 1-2 or 3+"
	case "location":
		return "Baghdad, Iraq"
	}
	if listFields[field] {
		return "one value; several as a; b"
	}
	return ""
}

// rangeShort is rangeText for narrow columns: "6", "1–2", "9+".
func rangeShort(r *dossier.Range) string {
	if r != nil && r.Max == nil {
		return strconv.Itoa(r.Min) + "+"
	}
	return rangeText(r)
}

// origin tells apart sources with the same title: the site of the source
// URL, else the file's path.
func origin(s dossier.Source) string {
	if s.Source != nil {
		if u, err := url.Parse(*s.Source); err == nil && u.Host != "" {
			return strings.TrimPrefix(u.Host, "www.")
		}
	}
	return s.Path
}
