package extract

import (
	"slices"
	"strings"

	"github.com/dossier-project/dossier"
)

// findClaims lists who asserts what about responsibility: a group claiming
// an attack, a speaker accusing a party, a speaker calling the incident
// fabricated, a party denying it; assertions the text makes on its own
// account are "unattributed".
func (d *docState) findClaims() {
	incs := append([]*incident{d.main}, d.others...)
	for _, st := range d.sents {
		if st.inc == nil {
			continue
		}
		var speaker *statement
		for _, s := range d.stmts {
			if s.st == st || containsEvidence(s.evidence, st.start) {
				speaker = s
				break
			}
		}
		for _, m := range d.responsibility(st) {
			if m.Val.Role == "target" {
				continue
			}
			var ps []party
			if m.Val.Side == "after" {
				ps = d.partiesAfter(st, m.J, false)
			} else {
				ps = d.partiesBefore(st, m.I)
			}
			claimWord := strings.Contains(st.text[max(0, st.toks[m.I].Start-st.start):], "claim")
			for _, p := range ps {
				// a claim is recorded for those the incident names as
				// perpetrators or accused, so that the ledger and the record agree
				if !st.inc.hasRole(p) {
					continue
				}
				c := dossier.Claim{About: p.name, Claim: dossier.ClaimResponsible, Evidence: d.sentEvidence("claim", st, 0.7)}
				switch {
				case m.Val.Role == "perpetrator" && claimWord && !hedged(st.toks, m.I):
					c.Claimant, c.ClaimantKind = p.name, dossier.ClaimantGroup
				case speaker != nil:
					c.Claimant, c.ClaimantKind = d.claimant(speaker)
				default:
					c.Claimant, c.ClaimantKind = "unattributed", dossier.ClaimantMedia
				}
				d.addClaim(st.inc, c)
			}
		}
		// denials and dismissals
		if speaker != nil && (speaker.stance == dossier.StanceDeny || speaker.stance == dossier.StanceDismiss) {
			c := dossier.Claim{Evidence: d.sentEvidence("claim", st, 0.7)}
			c.Claimant, c.ClaimantKind = d.claimant(speaker)
			if speaker.stance == dossier.StanceDeny {
				c.Claim, c.About = dossier.ClaimNotResponsible, c.Claimant
			} else {
				c.Claim, c.About = dossier.ClaimFabricated, st.inc.title
			}
			d.addClaim(st.inc, c)
		}
	}
	_ = incs
}

func containsEvidence(evs []dossier.Evidence, start int) bool {
	for _, e := range evs {
		if e.Start == start {
			return true
		}
	}
	return false
}

func (d *docState) claimant(s *statement) (string, string) {
	if s.speaker == nil {
		k := s.kind
		if k == "" {
			k = dossier.ClaimantAnonymous
		}
		return s.name, k
	}
	a := s.speaker
	switch a.kind {
	case dossier.KindArmedGroup, dossier.KindParty:
		return a.name, dossier.ClaimantGroup
	case dossier.KindMedia:
		return a.name, dossier.ClaimantMedia
	case dossier.KindState, dossier.KindOrganization:
		return a.name, dossier.ClaimantOfficial
	}
	for _, r := range d.rels {
		if r.Subject == a.name && (r.Predicate == dossier.PredLeaderOf || r.Predicate == dossier.PredSpokespersonOf) {
			return a.name, dossier.ClaimantOfficial
		}
	}
	for _, m := range a.mentions {
		if m.role != "" {
			return a.name, dossier.ClaimantOfficial
		}
	}
	return a.name, dossier.ClaimantAnalyst
}

type claimRec struct {
	inc *incident
	c   dossier.Claim
}

func (d *docState) addClaim(in *incident, c dossier.Claim) {
	if c.About == "" || c.Claimant == "" {
		return
	}
	for _, x := range d.claimRecs {
		if x.inc == in && x.c.Claimant == c.Claimant && x.c.About == c.About && x.c.Claim == c.Claim {
			return
		}
	}
	d.claimRecs = append(d.claimRecs, claimRec{in, c})
}

// hasRole says whether a party is among the incident's perpetrators or
// accused, or the accused only the ledger keeps.
func (in *incident) hasRole(p party) bool {
	if p.actor != nil {
		if r, ok := in.actors[p.actor]; ok && (r == "perpetrator" || r == "accused") {
			return true
		}
	}
	k := nameKey(p.name)
	for _, x := range slices.Concat(in.perps, in.accused, in.ledgerOnly) {
		if nameKey(x) == k {
			return true
		}
	}
	return false
}
