package extract

import (
	"github.com/dossier-project/dossier"
)

// fill writes the document's findings into the extraction record.
func (d *docState) fill(out *dossier.Extraction) {
	key := d.doc.Key()
	ids := map[*incident]string{}
	seen := map[string]bool{}
	all := append([]*incident{d.main}, d.others...)
	for n, in := range all {
		rec := in.output(key, 0)
		if seen[rec.ID] {
			rec = in.output(key, n)
		}
		seen[rec.ID] = true
		ids[in] = rec.ID
		out.Incidents = append(out.Incidents, rec)
	}
	out.Actors = d.outputActors()
	out.Relations = append(out.Relations, d.rels...)
	for _, s := range d.stmts {
		name := s.name
		if s.speaker != nil {
			name = s.speaker.name
		}
		rec := dossier.Statement{Speaker: name, Stance: s.stance, Channel: s.channel, Incident: ids[s.inc], Evidence: s.evidence[0]}
		if len(s.evidence) > 1 {
			rec.More = s.evidence[1:]
		}
		if len(s.quotes) > 0 {
			rec.Quote = s.quotes[0]
			rec.Quotes = s.quotes
		}
		out.Statements = append(out.Statements, rec)
	}
	for _, c := range d.claimRecs {
		c.c.Incident = ids[c.inc]
		out.Claims = append(out.Claims, c.c)
	}
}
