package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
)

// The actor page and the document page.

type actorData struct {
	page
	A         *dossier.ActorDetail
	Relations []relationView
	Stances   []stanceGroup
	Kinds     []string
	// TimelineSrc feeds the incidents timeline script.
	TimelineSrc string
}

// relationView is a relation read from this actor's side: "leader of X",
// or "led by Y" when the actor is the object.
type relationView struct {
	Predicate string
	Other     string
	OtherID   string
	Text      string
	Document  dossier.Source
	Evidence  dossier.Evidence
}

func (s *Server) actorPage(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	a, err := s.store.Actor(r.Context(), id)
	if err != nil {
		return lookupError(err, "actor", id)
	}
	d := &actorData{page: s.newPage(r, a.Name), A: a, Kinds: actorKinds}
	d.Nav = "actors"
	for _, rel := range a.Relations {
		v := relationView{Predicate: rel.Predicate, Document: rel.Document, Evidence: rel.Evidence}
		if rel.SubjectID == a.ID {
			v.Text, v.Other, v.OtherID = predicateText(rel.Predicate, false), rel.Object, rel.ObjectID
		} else {
			v.Text, v.Other, v.OtherID = predicateText(rel.Predicate, true), rel.Subject, rel.SubjectID
		}
		d.Relations = append(d.Relations, v)
	}
	sort.SliceStable(d.Relations, func(i, j int) bool { return d.Relations[i].Text < d.Relations[j].Text })
	d.Stances = groupStances(a.Statements)
	if len(a.Incidents) > 0 {
		d.TimelineSrc = "/api/v1/actors/" + url.PathEscape(a.ID)
		d.Scripts = append(d.Scripts, "timeline.js")
		d.Styles = append(d.Styles, "timeline.css")
	}
	return s.render(w, r, http.StatusOK, "actor", d)
}

type documentData struct {
	page
	D    *dossier.DocumentDetail
	Body template.HTML
	// Counts of what was extracted, by kind, for the legend.
	Counts []kindCount
	// Focus says what is emphasised (one piece of evidence, or what one
	// incident rests on).
	Focus    string
	Incident string
}

type kindCount struct {
	Kind  string
	Count int
}

var spanKinds = []string{"incident", "actor", "relation", "statement", "claim"}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	done, err := s.admitHeavy(r)
	if err != nil {
		return err
	}
	defer done()
	doc, err := s.store.Document(r.Context(), id)
	if err != nil {
		return lookupError(err, "document", id)
	}
	d := &documentData{page: s.newPage(r, docTitle(doc.Source)), D: doc}
	d.Nav = "documents"
	q := r.URL.Query()
	hlStart, hlEnd := -1, -1
	if hl := q.Get("hl"); hl != "" {
		a, b, ok := strings.Cut(hl, "-")
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || x < 0 || y < x || y > len(doc.Text) {
			return errorf(codeInvalid, "hl=%q: want START-END, byte offsets into the text", hl)
		}
		hlStart, hlEnd = x, y
		d.Focus = fmt.Sprintf("bytes %d to %d", x, y)
	}
	d.Incident = q.Get("incident")
	counts := map[string]int{}
	marks := make([]mark, 0, len(doc.Spans)+1)
	for _, sp := range doc.Spans {
		m := spanMark(sp)
		if d.Incident != "" && sp.Target == d.Incident {
			m.Focus = true
		}
		marks = append(marks, m)
		counts[sp.Kind]++
	}
	if hlStart >= 0 {
		// The evidence asked for may not be a span of its own (a value
		// merged from several); mark it anyway.
		marks = append(marks, mark{Start: hlStart, End: hlEnd, Class: "evidence", Title: "the evidence you followed", Focus: true})
	}
	for _, k := range spanKinds {
		if counts[k] > 0 {
			d.Counts = append(d.Counts, kindCount{k, counts[k]})
		}
	}
	d.Body = highlight(doc.Text, marks)
	return s.render(w, r, http.StatusOK, "document", d)
}
