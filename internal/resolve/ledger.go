package resolve

import (
	"sort"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// How says how a claim assigns responsibility, for the claims ledger.
func How(c *dossier.Claim) string {
	switch c.Claim {
	case dossier.ClaimFabricated:
		return dossier.HowFabricated
	case dossier.ClaimNotResponsible:
		return dossier.HowDenied
	}
	switch c.ClaimantKind {
	case dossier.ClaimantGroup:
		if names.Key(c.Claimant) == names.Key(c.About) {
			return dossier.HowClaimed
		}
	case dossier.ClaimantOfficial:
		return dossier.HowOfficials
	case dossier.ClaimantAnonymous:
		return dossier.HowAnonymous
	}
	return dossier.HowAccused
}

// ClaimRef is a stored claim with its source and resolved actors.
type ClaimRef struct {
	Claim      dossier.Claim
	Doc        dossier.Source
	Group      string
	ReportID   string
	AboutID    string
	ClaimantID string
}

// LedgerInput is what an incident's claims ledger is made of.
type LedgerInput struct {
	Reports    []Report
	Claims     []ClaimRef
	Statements []dossier.StatementRecord
	// ActorIDs maps a folded name to its resolved actor, for the names the
	// reports give as perpetrators and accused.
	ActorIDs map[string]string
}

// Ledger lists who is said to be responsible for an incident, by whom, in
// which source and how: the claims, the perpetrators and accused that
// sources state, and the denials. A syndicated copy adds nothing its
// original already said.
func Ledger(in LedgerInput) []dossier.LedgerEntry {
	var out []dossier.LedgerEntry
	seen := map[string]bool{}
	add := func(e dossier.LedgerEntry, group string) {
		k := names.Key(e.Responsible) + "\x1f" + names.Key(e.By) + "\x1f" + e.How + "\x1f" + group
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, e)
	}
	for _, c := range in.Claims {
		add(dossier.LedgerEntry{Responsible: c.Claim.About, ActorID: c.AboutID, By: c.Claim.Claimant,
			ByKind: c.Claim.ClaimantKind, How: How(&c.Claim), Claim: c.Claim.Claim, Document: c.Doc,
			Evidence: c.Claim.Evidence, ReportID: c.ReportID, ClaimantID: c.ClaimantID}, c.Group)
	}
	for _, r := range in.Reports {
		for _, list := range []struct {
			names []string
			how   string
			field string
		}{{r.Incident.Perpetrators, dossier.HowReported, "perpetrators"}, {r.Incident.Accused, dossier.HowSuspected, "accused"}} {
			for _, n := range list.names {
				e := dossier.LedgerEntry{Responsible: n, ActorID: in.ActorIDs[names.Fold(n)], By: r.Doc.Title,
					ByKind: "source", How: list.how, Claim: dossier.ClaimResponsible, Document: r.Doc, ReportID: r.ID}
				if ev := evidenceFor(r.Incident, list.field, n); ev != nil {
					e.Evidence = *ev
				}
				add(e, r.Group)
			}
		}
	}
	for _, s := range in.Statements {
		if s.Stance != dossier.StanceDeny {
			continue
		}
		add(dossier.LedgerEntry{Responsible: s.Speaker, ActorID: s.SpeakerID, By: s.Speaker, How: dossier.HowDenied,
			Claim: dossier.ClaimNotResponsible, Document: s.Document, Evidence: s.Evidence, ClaimantID: s.SpeakerID}, s.Document.DocumentID)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := names.Key(out[i].Responsible), names.Key(out[j].Responsible)
		if a != b {
			return a < b
		}
		return howOrder[out[i].How] < howOrder[out[j].How]
	})
	return out
}

var howOrder = map[string]int{dossier.HowClaimed: 0, dossier.HowReported: 1, dossier.HowOfficials: 2,
	dossier.HowAnonymous: 3, dossier.HowAccused: 4, dossier.HowSuspected: 5, dossier.HowDenied: 6, dossier.HowFabricated: 7}
