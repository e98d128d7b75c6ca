package resolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/names"
)

// statePrefixes are the formal openings of a state's name that the short
// name leaves out: "Republic of Iraq" is Iraq.
var statePrefixes = []string{
	"islamic republic of ", "people s republic of ", "democratic republic of ", "federal republic of ",
	"republic of ", "state of ", "kingdom of ", "hashemite kingdom of ", "sultanate of ", "emirate of ",
	"the ",
}

// ActorKey returns the key an actor's name is compared on: names.Key,
// with the formal opening of a state's name dropped.
func ActorKey(name, kind string) string {
	if kind == dossier.KindState {
		f := names.Fold(name)
		for _, p := range statePrefixes {
			if strings.HasPrefix(f, p) && len(f) > len(p)+2 {
				return names.Key(f[len(p):])
			}
		}
	}
	return names.Key(name)
}

// KindClass groups actor kinds that extraction confuses with one another
// (an organization and an armed group, a party), so that they can merge;
// persons and states stay apart from everything else.
func KindClass(kind string) string {
	switch kind {
	case dossier.KindPerson:
		return "person"
	case dossier.KindState:
		return "state"
	case dossier.KindMedia:
		return "media"
	}
	return "group"
}

// ActorProbe is one document's actor to place.
type ActorProbe struct {
	Name    string
	Aliases []string
	Kind    string
	// Context are the keys of the actors it is related to in its document
	// (its group, its leader): what tells two people of one name apart.
	Context []string
	// Force and Exclude come from reviews of this mention.
	Force   string
	Exclude []string
}

// ActorCandidate is a resolved actor a store proposes.
type ActorCandidate struct {
	ID      string
	Name    string
	Kind    string
	Names   []string // the name and every alias
	Context []string
}

// Keys returns the distinct keys of a probe's name and aliases.
func (p ActorProbe) Keys() []string {
	var ks []string
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		ks = appendUnique(ks, ActorKey(n, p.Kind))
	}
	return ks
}

// strongKey reports whether a key identifies an actor on its own: a name of
// several words, or a single word of a group, state or outlet. A person's
// single name (a surname, "al-Hakim") does not.
func strongKey(key, kind string) bool {
	if strings.Contains(key, " ") {
		return true
	}
	return kind != dossier.KindPerson && len(key) >= 2
}

// MatchActor chooses the candidate a probe is, or none: the id and the
// reason. Kinds must agree (by KindClass); names must share a strong key,
// or, for a person known by one name only, share the name and a context.
func MatchActor(p ActorProbe, cands []ActorCandidate) (string, string) {
	if p.Force != "" {
		return p.Force, "placed by review"
	}
	pk := p.Keys()
	type scored struct {
		c      ActorCandidate
		tier   int // how the names meet: name = name 3, name = alias 2, alias = name 1, alias = alias 0
		shared int
		ctx    int
		reason string
	}
	pName := ActorKey(p.Name, p.Kind)
	var best []scored
	for _, c := range cands {
		if contains(p.Exclude, c.ID) || KindClass(c.Kind) != KindClass(p.Kind) {
			continue
		}
		var ck []string
		byKey := map[string]string{}
		for _, n := range append([]string{c.Name}, c.Names...) {
			k := ActorKey(n, c.Kind)
			ck = appendUnique(ck, k)
			if _, ok := byKey[k]; !ok {
				byKey[k] = n
			}
		}
		shared, strong := 0, ""
		for _, k := range intersect(pk, ck) {
			shared++
			if strong == "" && strongKey(k, p.Kind) {
				strong = k
			}
		}
		if shared == 0 {
			continue
		}
		ctx := len(intersect(p.Context, c.Context))
		var reason string
		switch {
		case strong != "":
			reason = fmt.Sprintf("same name %q = %q (key %q)", spellingOf(p, strong), byKey[strong], strong)
		case ctx > 0:
			reason = fmt.Sprintf("same single name %q and %d related actor(s) in common", p.Name, ctx)
		default:
			continue
		}
		tier := 0
		switch cName := ActorKey(c.Name, c.Kind); {
		case pName == cName:
			tier = 3
		case contains(ck, pName):
			tier = 2
		case contains(pk, cName):
			tier = 1
		}
		best = append(best, scored{c, tier, shared, ctx, reason})
	}
	if len(best) == 0 {
		return "", ""
	}
	// The actor the probe's own name names comes first: an alias a document
	// gave ("Al-Shabaab, also known as Islamic State") never takes a
	// mention away from the actor of its name, nor joins two actors.
	sort.SliceStable(best, func(i, j int) bool {
		if best[i].tier != best[j].tier {
			return best[i].tier > best[j].tier
		}
		if best[i].ctx != best[j].ctx {
			return best[i].ctx > best[j].ctx
		}
		if best[i].shared != best[j].shared {
			return best[i].shared > best[j].shared
		}
		return best[i].c.ID < best[j].c.ID
	})
	// Two people of one name with nothing to tell them apart: keep the
	// probe apart rather than guess.
	if len(best) > 1 && p.Kind == dossier.KindPerson && best[0].tier == best[1].tier && best[0].ctx == best[1].ctx && best[0].shared == best[1].shared {
		return "", ""
	}
	return best[0].c.ID, best[0].reason
}

func spellingOf(p ActorProbe, key string) string {
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		if ActorKey(n, p.Kind) == key {
			return n
		}
	}
	return p.Name
}

// NewActorID is the id of an actor first seen as this probe; salt (a
// mention id) separates an actor a review split off from its namesake.
func NewActorID(p ActorProbe, salt string) string {
	if salt != "" {
		return dossier.StableID("a", KindClass(p.Kind), ActorKey(p.Name, p.Kind), salt)
	}
	return dossier.StableID("a", KindClass(p.Kind), ActorKey(p.Name, p.Kind))
}
