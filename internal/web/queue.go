package web

import (
	"net/http"
	"net/url"

	"github.com/dossier-project/dossier"
)

// The review queue: documents' own reports that give no date and that no
// single dated incident fits. They form no incident until a later report
// or a reviewer places them; a reviewer's choice is a review of the report
// (correct, with an incident id or dossier.OwnIncident), sent by the
// page's forms to POST /reviews like every other review.

type queueData struct {
	page
	Items []dossier.QueuedReport
	Next  string
	First bool
	dossier.PageInfo
	// Own is the value that gives a report an incident of its own.
	Own string
}

// PageQuery is the query string of the page a cursor (Next, Prev) leads to.
func (d *queueData) PageQuery(cursor string) string { return url.Values{"cursor": {cursor}}.Encode() }

func (s *Server) queuePage(w http.ResponseWriter, r *http.Request) error {
	d := &queueData{page: s.newPage(r, "Review queue"), Own: dossier.OwnIncident}
	d.Nav = "queue"
	cursor := r.URL.Query().Get("cursor")
	p, err := s.store.Queue(r.Context(), dossier.QueueFilter{Limit: 50, Cursor: cursor})
	if err != nil {
		return err
	}
	d.Items, d.Next, d.First, d.PageInfo = p.Items, p.Next, cursor == "", p.PageInfo
	return s.render(w, r, http.StatusOK, "queue", d)
}

func (s *Server) apiQueue(w http.ResponseWriter, r *http.Request) error {
	f := dossier.QueueFilter{Cursor: r.URL.Query().Get("cursor")}
	var err error
	if f.Limit, err = limitParam(r, 50, 500); err != nil {
		return err
	}
	p, err := s.store.Queue(r.Context(), f)
	if err != nil {
		return err
	}
	return s.writeJSON(w, r, http.StatusOK, listOf(p.Items, p.Next, p.PageInfo))
}
