package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem says why a string is not the name of an actor, or "" when it
// may be one. An actor is named by a proper name ("Said Kouachi"), a
// standard acronym ("AU", "IS") or a description that identifies a side
// ("dissident Republicans", "Iran-backed militias"). Not names:
//
//   - "verb": a phrase with a verb or a participle of the events it
//     reports ("claimed responsibility", "accused by Iran", "later denied",
//     "pardoned", "out of which 7 killed", "concluded by UN investigations");
//   - "fragment": a piece of a name ("Al-", "K", "of the"), or markup ("23px");
//   - "generic": a description with no identity ("gunmen", "militants",
//     "the attackers"), or a department or role word alone ("Education",
//     "Somali Health");
//   - "list": several names run together ("Hamas and Islamic Jihad").
//
// It reads the string alone: a dictionary that knows the name ("Islamic
// State of Iraq and the Levant") should be asked first.
func Problem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "fragment"
	}
	words := strings.Fields(s)
	last := words[len(words)-1]
	first := words[0]
	switch {
	case strings.HasSuffix(s, "-") || strings.HasSuffix(s, "–"):
		return "fragment"
	case utf8.RuneCountInString(s) == 1, utf8.RuneCountInString(s) == 2 && !allUpper(s):
		return "fragment" // "K"; "IS", "UN", "AU" are acronyms
	case hasMarkup(s):
		return "fragment"
	case connectors[strings.ToLower(first)] && len(words) > 1 && strings.ToLower(first) != "the",
		connectors[strings.ToLower(last)]:
		return "fragment" // "of the Logo LGA", "Islamic State of"
	}
	capital := false
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;:()\"'"))
		if verbWords[lw] && !HasUpper(w) {
			return "verb" // "Said Kouachi" is a name
		}
		if i > 0 && len(lw) > 4 && !HasUpper(w) && (strings.HasSuffix(lw, "ed") && !adjectivesEd[lw]) {
			return "verb" // "accused by Iran", "later denied"
		}
		if HasUpper(w) {
			capital = true
		}
		if (lw == "and" || lw == "or") && i > 0 && i < len(words)-1 && HasUpper(words[i-1]) && HasUpper(words[i+1]) && !strings.EqualFold(words[i+1], "the") && !connectorBefore(words[:i]) {
			return "list" // "Hamas and Islamic Jihad", "Al-Shabaab or Mombasa Republican Council", not "Group for Preaching and Combat"
		}
		if strings.HasSuffix(w, ",") && i < len(words)-1 && HasUpper(words[i+1]) && len(words) > 3 {
			return "list"
		}
	}
	if !capital {
		return "generic" // "gunmen", "the attackers", "militants"
	}
	if departmentWords[strings.ToLower(last)] && (len(words) == 1 || len(words) == 2 && (isAdjectival(first) || portfolioWords[strings.ToLower(first)])) {
		return "generic" // "Education", "Somali Health", "Foreign Affairs", "Higher Education"
	}
	return ""
}

func allUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// connectorBefore tells an "of" or "for" inside the words before an "and":
// the "and" then joins the parts of one name's object.
func connectorBefore(words []string) bool {
	for _, w := range words {
		if w == "of" || w == "for" {
			return true
		}
	}
	return false
}

// HasUpper says whether s holds a capital letter: "Palestinian fighters"
// names a side, "attackers" nobody.
func HasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// hasMarkup tells image sizes and wiki markup left in a name.
func hasMarkup(s string) bool {
	if strings.ContainsAny(s, "|[]{}<>=") {
		return true
	}
	for _, w := range strings.Fields(s) {
		if strings.HasSuffix(w, "px") && len(w) > 2 && w[0] >= '0' && w[0] <= '9' {
			return true
		}
	}
	return false
}

// isAdjectival tells a word that qualifies a department: a people's or a
// country's adjective ("Somali", "Iraqi") by its ending.
func isAdjectival(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range []string{"i", "an", "ese", "ish", "ic"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

var connectors = map[string]bool{"of": true, "the": true, "and": true, "or": true, "in": true, "on": true, "at": true,
	"by": true, "for": true, "to": true, "from": true, "with": true, "which": true, "who": true, "out": true}

// verbWords are the verbs and event nouns of responsibility and speech that
// a name never holds.
var verbWords = map[string]bool{"claimed": true, "claim": true, "claims": true, "responsibility": true, "accused": true,
	"denied": true, "denies": true, "pardoned": true, "killed": true, "wounded": true, "injured": true, "concluded": true,
	"blamed": true, "suspected": true, "said": true, "says": true, "arrested": true, "convicted": true, "sentenced": true,
	"executed": true, "reported": true, "later": true, "allegedly": true, "reportedly": true}

// adjectivesEd end in -ed but describe a side: "armed groups", "so-called".
var adjectivesEd = map[string]bool{"armed": true, "united": true, "backed": true, "based": true, "affiliated": true,
	"aligned": true, "led": true, "linked": true, "sponsored": true, "supported": true, "organised": true,
	"organized": true, "unidentified": true, "masked": true, "called": true, "disaffected": true, "related": true}

// departmentWords name a branch of government, not who runs it.
// portfolioWords qualify a department in a minister's title: "Foreign
// Affairs", "Higher Education", "Home Affairs".
var portfolioWords = map[string]bool{"foreign": true, "home": true, "internal": true, "higher": true, "public": true,
	"social": true, "national": true, "religious": true, "economic": true, "military": true}

var departmentWords = map[string]bool{"education": true, "health": true, "defence": true, "defense": true, "interior": true,
	"security": true, "finance": true, "justice": true, "affairs": true, "information": true, "intelligence": true}
