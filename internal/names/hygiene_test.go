package names

import "testing"

// The phrases the extraction issue found in the actor table are flagged;
// names of every shape pass.
func TestProblem(t *testing.T) {
	for _, s := range []string{"claimed responsibility", "accused by Iran", "later denied", "pardoned", "out of which 7 killed",
		"concluded by UN investigations", "Al-", "Education", "Somali Health", "gunmen", "militants", "attackers",
		"K", "23px March 23 Movement", "Hamas and Islamic Jihad", "of the Logo LGA", "Al-Shabaab or Mombasa Republican Council", "Foreign Affairs", "Higher Education"} {
		if Problem(s) == "" {
			t.Errorf("Problem(%q) = \"\": not a name", s)
		}
	}
	for _, s := range []string{"AU", "UN", "IS", "al-Shabaab", "Said Kouachi", "dissident Republicans", "Iran-backed militias",
		"Islamic State", "Ministry of Health", "Lord's Resistance Army", "Kata'ib Hezbollah", "United Nations",
		"Armed Forces of the Philippines", "Islamic State of Iraq and the Levant", "IRGC",
		"Salafist Group for Preaching and Combat"} {
		if p := Problem(s); p != "" {
			t.Errorf("Problem(%q) = %q: a name", s, p)
		}
	}
}
