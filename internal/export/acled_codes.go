package export

import (
	"fmt"
	"strconv"

	"github.com/dossier-project/dossier"
)

// How the CSV writes inter1, inter2 and interaction (Options.ACLEDCodes).
const (
	// ACLEDCodesText writes the codebook's labels ("State forces",
	// "Political militia-Civilians"), as ACLED's API and export tool
	// return them since 2024.
	ACLEDCodesText = "text"
	// ACLEDCodesNumeric writes the older numbers (1, 37), as ACLED's API
	// returns them with inter_num=1.
	ACLEDCodesNumeric = "numeric"
)

// ACLEDCodeForms lists the forms --acled-codes takes, the default first.
var ACLEDCodeForms = []string{ACLEDCodesText, ACLEDCodesNumeric}

// ACLED inter codes.
const (
	interNone      = 0
	interState     = 1 // state forces
	interRebel     = 2 // rebel groups
	interMilitia   = 3 // political militias
	interIdentity  = 4 // identity militias
	interRioters   = 5
	interProtester = 6
	interCivilians = 7
	interOther     = 8 // external and other forces
)

// interLabels are the ACLED Codebook's actor types, by inter code
// (section "Actor names, types, and Inter codes"; data/README.md).
var interLabels = [...]string{
	interState:     "State forces",
	interRebel:     "Rebel group",
	interMilitia:   "Political militia",
	interIdentity:  "Identity militia",
	interRioters:   "Rioters",
	interProtester: "Protesters",
	interCivilians: "Civilians",
	interOther:     "External/Other forces",
}

// checkCodes rejects a form of codes that is neither text nor numeric.
func checkCodes(form string) (string, error) {
	switch form {
	case "", ACLEDCodesText:
		return ACLEDCodesText, nil
	case ACLEDCodesNumeric:
		return form, nil
	}
	return "", fmt.Errorf("export: %w: ACLED codes %q (want %s or %s)", dossier.ErrInvalid, form, ACLEDCodesText, ACLEDCodesNumeric)
}

// interValue writes an inter code: its label, or its number. No actor is
// an empty cell in text, 0 in numbers, as ACLED writes them.
func interValue(code int, form string) string {
	if form == ACLEDCodesNumeric {
		return strconv.Itoa(code)
	}
	if code <= interNone || code >= len(interLabels) {
		return ""
	}
	return interLabels[code]
}

// interaction is ACLED's pair of inter codes, the lower first: "13" or
// "State forces-Political militia"; one actor alone is "30" or "Political
// militia only" (codebook table 3, where 78 alone is written the other way
// round: "External/Other forces-Civilians").
func interaction(a, b int, form string) string {
	if a == interNone {
		a, b = b, a
	}
	if a == interNone {
		return ""
	}
	lo, hi := a, b
	if b != interNone && b < a {
		lo, hi = b, a
	}
	if form == ACLEDCodesNumeric {
		return strconv.Itoa(lo*10 + hi)
	}
	switch {
	case hi == interNone:
		return interLabels[lo] + " only"
	case lo == interCivilians && hi == interOther:
		return interLabels[hi] + "-" + interLabels[lo] // the codebook's one exception: 78
	}
	return interLabels[lo] + "-" + interLabels[hi]
}
