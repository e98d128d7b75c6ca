package main

import (
	"regexp"
	"strings"

	"github.com/dossier-project/dossier/internal/names"
)

// The name matching of ../shared/tools/score.py (norm, Names.key,
// same_name, set_prf), so that a candidate is labelled as the scorer would
// count it. Infobox-derived gold has no actor list: only the well-known
// groups' aliases apply.

var articles = map[string]bool{"the": true, "al": true, "el": true, "ad": true, "an": true, "ar": true,
	"as": true, "at": true, "az": true, "ash": true, "ath": true}

var nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)

// norm folds a name as score.py's norm does.
func norm(s string) string {
	f := nonAlnum.ReplaceAllString(names.Fold(s), " ")
	var out []string
	for _, t := range strings.Fields(f) {
		if !articles[t] {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

var globalAliases = [][]string{
	{"Islamic State", "ISIL", "ISIS", "IS", "Daesh", "Islamic State of Iraq and the Levant",
		"Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant", "ISIS-K", "ISKP",
		"Islamic State - Khorasan Province", "Islamic State of Iraq and the Levant - Khorasan Province",
		"Islamic State Khorasan Province", "IS-K", "IS-KP", "ISIS-KP", "ISIL-KP", "ISIL-K"},
	{"al-Qaeda", "al-Qaida", "Al Qaeda", "AQ"},
	{"Tehrik-i-Taliban Pakistan", "TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan"},
	{"Taliban", "Afghan Taliban", "Islamic Emirate of Afghanistan"},
	{"al-Shabaab", "Al-Shabab", "Harakat al-Shabaab al-Mujahideen"},
	{"Boko Haram", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"},
	{"Houthis", "Houthi movement", "Ansar Allah", "Ansarallah", "Houthi"},
	{"Hamas", "Harakat al-Muqawama al-Islamiya"},
	{"Hezbollah", "Hizbollah", "Hizballah"},
	{"Kurdistan Workers' Party", "PKK"},
	{"Jaish-e-Mohammed", "JeM", "Jaish-e-Muhammad"},
	{"Balochistan Liberation Army", "BLA"},
	{"Islamic Revolutionary Guard Corps", "IRGC", "Revolutionary Guards"},
	{"United States", "US", "U.S.", "USA", "United States of America", "United States Armed Forces", "US military"},
	{"Iran-backed militias", "Iranian-backed militias", "pro-Iran militias", "pro-Iranian militias"},
}

var roleWords = map[string]bool{"office": true, "government": true, "spokesman": true, "spokesperson": true,
	"ministry": true, "forces": true, "army": true, "military": true, "president": true, "minister": true,
	"prime": true, "administration": true, "leader": true, "members": true, "fighters": true, "militants": true,
	"supporters": true, "militia": true, "group": true, "movement": true}

// canon maps a folded alias to its group's canonical form.
var canon = func() map[string]string {
	m := map[string]string{}
	for _, g := range globalAliases {
		c := norm(g[0])
		for _, x := range g {
			if _, ok := m[norm(x)]; !ok {
				m[norm(x)] = c
			}
		}
	}
	return m
}()

func nameKey(s string) string {
	n := norm(s)
	if c, ok := canon[n]; ok {
		return c
	}
	toks := strings.Fields(n)
	best, bestC := "", ""
	for alias, c := range canon {
		if len(alias) < 2 || !strings.Contains(" "+n+" ", " "+alias+" ") {
			continue
		}
		in := map[string]bool{}
		for _, t := range strings.Fields(alias) {
			in[t] = true
		}
		ok := len(strings.Fields(alias)) >= 2
		if !ok {
			ok = true
			for _, t := range toks {
				if !in[t] && !roleWords[t] {
					ok = false
				}
			}
		}
		// the longest alias wins; equal lengths by the alias itself, for a
		// fixed answer whatever the map's order
		if ok && (len(alias) > len(best) || len(alias) == len(best) && alias < best) {
			best, bestC = alias, c
		}
	}
	if best != "" {
		return bestC
	}
	return n
}

func sameName(a, b string) bool {
	ka, kb := nameKey(a), nameKey(b)
	if ka == kb && ka != "" {
		return true
	}
	ta, tb := set(strings.Fields(ka)), set(strings.Fields(kb))
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	inter := 0
	for t := range ta {
		if tb[t] {
			inter++
		}
	}
	if float64(inter)/float64(max(len(ta), len(tb))) >= 0.66 {
		return true
	}
	small, big := ta, tb
	if len(ta) > len(tb) {
		small, big = tb, ta
	}
	return len(small) >= 2 && inter == len(small) && len(big) > 0
}

func set(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// setPRF counts true positives, predictions and gold names as score.py's
// set_prf does: each prediction takes the first unused gold name it matches.
func setPRF(pred, gold []string) (tp, np, ng int) {
	var p, g []string
	for _, x := range pred {
		if norm(x) != "" {
			p = append(p, x)
		}
	}
	for _, x := range gold {
		if norm(x) != "" {
			g = append(g, x)
		}
	}
	used := map[int]bool{}
	for _, x := range p {
		for i, y := range g {
			if !used[i] && sameName(x, y) {
				used[i] = true
				tp++
				break
			}
		}
	}
	return tp, len(p), len(g)
}
