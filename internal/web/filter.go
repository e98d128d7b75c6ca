package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
)

// isoDateRe is what the from and to filters accept.
var isoDateRe = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

var sorts = map[string]string{
	dossier.SortDateDesc: "newest first", dossier.SortDateAsc: "oldest first", dossier.SortSources: "most sources",
	dossier.SortFatalities: "most killed", dossier.SortTitle: "title",
}

// sortOptions is the order the sort menu lists.
var sortOptions = []string{dossier.SortDateDesc, dossier.SortDateAsc, dossier.SortSources, dossier.SortFatalities, dossier.SortTitle}

// eventTypes are the ACLED event types the type filter suggests.
var eventTypes = []string{"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"}

// filterForm is an incident filter as the query string gave it, for
// forms to show again and links to carry on.
type filterForm struct {
	From, To, Country, Type, Actor, Weapon, Q, Sort string
	// Mentions is "1" when incidents only mentioned in passing are listed
	// too (include_mentions).
	Mentions string
}

// incidentFilter reads the incident filters of a query string (the same for
// pages and the API) and checks them.
func incidentFilter(r *http.Request) (dossier.IncidentFilter, filterForm, error) {
	q := r.URL.Query()
	ff := filterForm{
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")),
		Country: strings.TrimSpace(q.Get("country")), Type: strings.TrimSpace(q.Get("type")),
		Actor: strings.TrimSpace(q.Get("actor")), Weapon: strings.TrimSpace(q.Get("weapon")),
		Q: strings.TrimSpace(q.Get("q")), Sort: strings.TrimSpace(q.Get("sort")),
	}
	mentions, err := boolParam(r, "include_mentions")
	if err != nil {
		return dossier.IncidentFilter{}, ff, err
	}
	if mentions {
		ff.Mentions = "1"
	}
	f := dossier.IncidentFilter{From: ff.From, To: ff.To, Country: ff.Country, Type: ff.Type, Actor: ff.Actor,
		Weapon: ff.Weapon, Text: ff.Q, Sort: ff.Sort, Cursor: q.Get("cursor"), IncludeMentions: mentions}
	for name, v := range map[string]string{"from": ff.From, "to": ff.To} {
		if v != "" && !isoDateRe.MatchString(v) {
			return f, ff, errorf(codeInvalid, "%s=%q: want a date as YYYY, YYYY-MM or YYYY-MM-DD", name, v)
		}
	}
	if ff.Sort != "" {
		if _, ok := sorts[ff.Sort]; !ok {
			return f, ff, errorf(codeInvalid, "sort=%q: want one of %s", ff.Sort, strings.Join(sortOptions, ", "))
		}
	}
	return f, ff, nil
}

// Values returns the filters as a query string without empty fields.
func (ff filterForm) Values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"from": ff.From, "to": ff.To, "country": ff.Country, "type": ff.Type,
		"actor": ff.Actor, "weapon": ff.Weapon, "q": ff.Q, "sort": ff.Sort, "include_mentions": ff.Mentions} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

// Encode is the query string of the filters, "" when none is set.
func (ff filterForm) Encode() string { return ff.Values().Encode() }

// Any reports whether a filter (other than the sort) is set.
func (ff filterForm) Any() bool {
	return ff.From != "" || ff.To != "" || ff.Country != "" || ff.Type != "" || ff.Actor != "" || ff.Weapon != "" || ff.Q != "" || ff.Mentions != ""
}

// With returns the filters' query string with one more parameter (a
// cursor, a limit).
func (ff filterForm) With(key, value string) string {
	v := ff.Values()
	v.Set(key, value)
	return v.Encode()
}

// boolParam reads a yes/no parameter: absent, "", 0, false, no or off is
// false; 1, true, yes or on is true; anything else is an error.
func boolParam(r *http.Request, name string) (bool, error) {
	switch v := strings.ToLower(strings.TrimSpace(r.URL.Query().Get(name))); v {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "yes", "on":
		return true, nil
	default:
		return false, errorf(codeInvalid, "%s=%q: want true or false", name, v)
	}
}

// limitParam reads a page size: def when absent, 1..max otherwise.
func limitParam(r *http.Request, def, max int) (int, error) {
	s := r.URL.Query().Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0, errorf(codeInvalid, "limit=%q: want a number from 1 to %d", s, max)
	}
	return n, nil
}

// idParam reads the {id} of a path, bounded.
func idParam(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > 300 {
		return "", errorf(codeInvalid, "the id is empty or too long")
	}
	return id, nil
}
