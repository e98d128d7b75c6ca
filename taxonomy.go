package dossier

import "strings"

// ACLEDSubTypes maps each of ACLED's 25 event sub-types to its event type
// (ACLED codebook, 2023): the taxonomy of Incident.Type and SubType.
var ACLEDSubTypes = map[string]string{
	"Armed clash": "Battles", "Government regains territory": "Battles",
	"Non-state actor overtakes territory": "Battles",
	"Chemical weapon":                     "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
	"Suicide bomb": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
	"Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
	"Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
	"Abduction/forced disappearance": "Violence against civilians",
	"Peaceful protest":               "Protests", "Protest with intervention": "Protests",
	"Excessive force against protesters": "Protests",
	"Violent demonstration":              "Riots", "Mob violence": "Riots",
	"Agreement": "Strategic developments", "Arrests": "Strategic developments",
	"Change to group/activity": "Strategic developments", "Disrupted weapons use": "Strategic developments",
	"Headquarters or base established":  "Strategic developments",
	"Looting/property destruction":      "Strategic developments",
	"Non-violent transfer of territory": "Strategic developments", "Other": "Strategic developments",
}

// ACLEDTypes are ACLED's six event types.
var ACLEDTypes = []string{"Battles", "Explosions/Remote violence", "Violence against civilians",
	"Protests", "Riots", "Strategic developments"}

// CanonicalType returns the ACLED event type a value names (case and
// spacing aside), or "" when it names none.
func CanonicalType(v string) string {
	for _, t := range ACLEDTypes {
		if strings.EqualFold(strings.Join(strings.Fields(v), " "), t) {
			return t
		}
	}
	return ""
}

// CanonicalSubType returns the ACLED sub-type a value names, or "".
func CanonicalSubType(v string) string {
	v = strings.Join(strings.Fields(v), " ")
	for s := range ACLEDSubTypes {
		if strings.EqualFold(v, s) {
			return s
		}
	}
	return ""
}
