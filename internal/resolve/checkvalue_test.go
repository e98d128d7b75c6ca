package resolve

import (
	"errors"
	"testing"

	"github.com/dossier-project/dossier"
)

// TestCheckValue: a reviewer's value must be a value of its field; a type
// is one of ACLED's six, a sub-type one of its 25 (an incident type of
// HTML was drawn as a live link by the timeline).
func TestCheckValue(t *testing.T) {
	for _, c := range []struct {
		field, value string
		ok           bool
	}{
		{"type", "Battles", true},
		{"type", "explosions/remote  violence", true},
		{"type", `<a href="https://evil.example">x</a>`, false},
		{"type", "Bombing", false},
		{"sub_type", "Air/drone strike", true},
		{"sub_type", "Suicide bomb", true},
		{"sub_type", "<img src=x onerror=alert(1)>", false},
		{"date", "2021-11-07", true},
		{"date", "yesterday", false},
		{"fatalities", "3", true},
		{"fatalities", "many", false},
		{"title", "Drone attack on the prime minister's residence", true},
		{"nosuchfield", "x", false},
	} {
		err := CheckValue(c.field, c.value)
		if (err == nil) != c.ok || (err != nil && !errors.Is(err, dossier.ErrInvalid)) {
			t.Errorf("CheckValue(%q, %q) = %v, want ok=%v", c.field, c.value, err, c.ok)
		}
	}
	if len(dossier.ACLEDSubTypes) != 25 {
		t.Errorf("%d sub-types, ACLED has 25", len(dossier.ACLEDSubTypes))
	}
}
