package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier"
)

// graphKeys declare the GraphML attributes (the standard key elements):
// Gephi takes "label" as the node label and "weight" as the edge weight.
var graphKeys = []struct{ id, domain, name, typ string }{
	{"label", "node", "label", "string"},
	{"kind", "node", "kind", "string"},
	{"aliases", "node", "aliases", "string"},
	{"documents", "node", "documents", "int"},
	{"incidents", "node", "incidents", "int"},
	{"date", "node", "date", "string"},
	{"country", "node", "country", "string"},
	{"event_type", "node", "event_type", "string"},
	{"fatalities", "node", "fatalities", "int"},
	{"predicate", "edge", "predicate", "string"},
	{"evidence", "edge", "evidence", "string"},
	{"sources", "edge", "sources", "string"},
	{"weight", "edge", "weight", "double"},
}

// graphEdge is one edge: every report of one relation between two actors
// (or of one actor's role in one incident) merged, its weight the number
// of documents that report it.
type graphEdge struct {
	source, target, predicate string
	evidence                  []string
	sources                   []string
	docs                      map[string]bool
}

func (e *graphEdge) add(doc dossier.Source, evidence string) {
	if e.docs == nil {
		e.docs = map[string]bool{}
	}
	if doc.DocumentID != "" {
		e.docs[doc.DocumentID] = true
	}
	if n := sourceName(doc); n != "" && !slices.Contains(e.sources, n) {
		e.sources = append(e.sources, n)
	}
	evidence = strings.Join(strings.Fields(evidence), " ")
	if evidence != "" && !slices.Contains(e.evidence, evidence) && len(e.evidence) < 5 {
		e.evidence = append(e.evidence, evidence)
	}
}

// WriteGraphML writes the actor network in GraphML: actors as nodes (kind,
// aliases, counts), the relations between them as directed edges (leader_of,
// member_of, backed_by, ...) with the sentences and sources behind them,
// and the selected incidents as nodes of kind "incident" linked from their
// perpetrators, accused and targets. Without a filter every actor is
// written; with one, the actors of the selected incidents and those they
// are related to.
func WriteGraphML(ctx context.Context, st Store, w io.Writer, opts Options) (Stats, error) {
	var stats Stats
	ix, err := loadActors(ctx, st)
	if err != nil {
		return stats, err
	}
	type incNode struct {
		dossier.IncidentRef
		fatalities *dossier.Range
	}
	var incidents []incNode
	edges := map[string]*graphEdge{}
	var edgeOrder []string
	edge := func(src, dst, pred string) *graphEdge {
		k := src + "\x00" + pred + "\x00" + dst
		e := edges[k]
		if e == nil {
			e = &graphEdge{source: src, target: dst, predicate: pred}
			edges[k] = e
			edgeOrder = append(edgeOrder, k)
		}
		return e
	}
	include := map[string]bool{}
	err = eachIncident(ctx, st, opts, func(in *dossier.IncidentSummary) error {
		country := ""
		if in.Location != nil {
			country = in.Location.Country
		}
		incidents = append(incidents, incNode{IncidentRef: dossier.IncidentRef{ID: in.ID, Title: in.Title, Date: in.Date,
			Country: country, Type: in.Type}, fatalities: in.Fatalities})
		src := dossier.Source{}
		if len(in.Sources) > 0 {
			src = in.Sources[0]
		}
		for _, role := range []struct {
			names []string
			pred  string
			field string
		}{{in.Perpetrators, "perpetrator", "perpetrators"}, {in.Accused, "accused", "accused"}, {in.Targets, "target", "targets"}} {
			for _, n := range role.names {
				a := ix.find(n)
				if a == nil {
					continue
				}
				include[a.ID] = true
				e := edge(a.ID, in.ID, role.pred)
				for _, s := range in.Sources {
					e.add(s, "")
				}
				e.add(src, roleEvidence(in.Evidence, role.field, n))
			}
		}
		return nil
	})
	if err != nil {
		return stats, err
	}
	filtered := opts.Filter != (dossier.IncidentFilter{Sort: opts.Filter.Sort})
	var actors []*dossier.ActorSummary
	for _, a := range ix.order {
		if !filtered || include[a.ID] {
			actors = append(actors, a)
		}
	}
	// Relations of the actors written, and the actors at their other end.
	nodes := map[string]bool{}
	for _, a := range actors {
		nodes[a.ID] = true
	}
	selected := len(actors)
	for i := 0; i < selected; i++ {
		if err := ctx.Err(); err != nil {
			return stats, err
		}
		d, err := st.Actor(ctx, actors[i].ID)
		if err != nil {
			return stats, fmt.Errorf("export: %w", err)
		}
		for _, r := range d.Relations {
			if r.SubjectID == "" || r.ObjectID == "" {
				continue
			}
			for _, id := range []string{r.SubjectID, r.ObjectID} {
				if b := ix.byID[id]; b != nil && !nodes[id] {
					nodes[id] = true
					actors = append(actors, b) // one step out: its own relations are not followed
				}
			}
			edge(r.SubjectID, r.ObjectID, r.Predicate).add(r.Document, r.Evidence.Text)
		}
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphKeys {
		fmt.Fprintf(bw, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.domain, k.name, k.typ)
	}
	bw.WriteString(`  <graph id="dossier" edgedefault="directed">` + "\n")
	data := func(key, v string) {
		if v == "" {
			return
		}
		bw.WriteString(`      <data key="` + key + `">`)
		xml.EscapeText(bw, []byte(v))
		bw.WriteString("</data>\n")
	}
	node := func(id string) {
		bw.WriteString(`    <node id="`)
		xml.EscapeText(bw, []byte(id))
		bw.WriteString("\">\n")
	}
	for _, a := range actors {
		node(a.ID)
		data("label", a.Name)
		data("kind", a.Kind)
		data("aliases", strings.Join(a.Aliases, "; "))
		data("documents", strconv.Itoa(a.Documents))
		data("incidents", strconv.Itoa(a.Incidents))
		bw.WriteString("    </node>\n")
		stats.Actors++
	}
	for _, in := range incidents {
		node(in.ID)
		data("label", in.Title)
		data("kind", "incident")
		if in.Date != nil {
			if d, _, ok := acledDate(in.Date); ok {
				data("date", d)
			}
		}
		data("country", in.Country)
		data("event_type", in.Type)
		if in.fatalities != nil {
			data("fatalities", strconv.Itoa(in.fatalities.Min))
		}
		bw.WriteString("    </node>\n")
		stats.Incidents++
	}
	written := map[string]bool{}
	for _, a := range actors {
		written[a.ID] = true
	}
	for _, in := range incidents {
		written[in.ID] = true
	}
	n := 0
	for _, k := range edgeOrder {
		e := edges[k]
		if !written[e.source] || !written[e.target] {
			continue
		}
		n++
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"", n)
		xml.EscapeText(bw, []byte(e.source))
		bw.WriteString(`" target="`)
		xml.EscapeText(bw, []byte(e.target))
		bw.WriteString("\">\n")
		data("predicate", e.predicate)
		data("evidence", strings.Join(e.evidence, " | "))
		data("sources", strings.Join(e.sources, "; "))
		data("weight", strconv.Itoa(max(1, len(e.docs))))
		bw.WriteString("    </edge>\n")
		if !isRole(e.predicate) {
			stats.Relations++
		}
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return stats, fmt.Errorf("export: %w", err)
	}
	return stats, nil
}

func isRole(p string) bool { return p == "perpetrator" || p == "accused" || p == "target" }

// roleEvidence is the sentence that gives an actor its role in an
// incident: the field's evidence that names it, else the field's first.
func roleEvidence(ev []dossier.Evidence, field, name string) string {
	first := ""
	for _, e := range ev {
		if e.Field != field {
			continue
		}
		if strings.Contains(e.Text, name) {
			return e.Text
		}
		if first == "" {
			first = e.Text
		}
	}
	return first
}
