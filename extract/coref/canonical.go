package coref

import (
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

// Canonical chooses the display name among the verbatim names of one actor: the most
// frequent full form (for people, two or more name words; otherwise not an acronym), its
// leading titles and "the" removed; ties go to the longer, then the alphabetically first.
// Pronouns and role descriptions ("the cleric") are never chosen when a name exists.
func Canonical(texts []string, typ string) string {
	count := map[string]int{}
	for _, t := range texts {
		if isPronoun(t) || !startsUpper(t) && strings.HasPrefix(strings.ToLower(t), "the ") && nominal(t) {
			continue
		}
		count[Display(t, typ)]++
	}
	if len(count) == 0 {
		for _, t := range texts {
			count[t]++
		}
	}
	fulls := map[string]int{}
	full := func(s string) int {
		if f, ok := fulls[s]; ok {
			return f
		}
		f := fullness(s, typ)
		fulls[s] = f
		return f
	}
	if typ != faultline.PERSON && typ != faultline.NORP && len(count) >= 2 {
		// A shortening of another name of the actor ("Supreme Council" of "Supreme
		// Council for the Islamic Revolution in Iraq") is not its canonical name, when
		// the longer name is used more than once.
		words := map[string][]string{}
		for s := range count {
			words[s] = strings.Fields(nameKeyOf(s, typ))
		}
		for s := range count {
			for o := range count {
				if o != s && len(words[o]) > len(words[s]) && subsequence(words[s], words[o]) && full(o) == 2 && count[o] >= 2 {
					delete(count, s)
					break
				}
			}
		}
	}
	best := ""
	for s, c := range count {
		if best == "" {
			best = s
			continue
		}
		fs, fb := full(s), full(best)
		if fs != fb {
			if fs > fb {
				best = s
			}
			continue
		}
		if c != count[best] {
			if c > count[best] {
				best = s
			}
			continue
		}
		if len(s) != len(best) {
			if len(s) > len(best) {
				best = s
			}
			continue
		}
		if s < best {
			best = s
		}
	}
	return best
}

// fullness ranks a name as Canonical prefers it: 2 for a full name (for people, two or
// more name words; otherwise not an acronym), 0 for an acronym, 1 otherwise.
func fullness(s, typ string) int {
	n := parseName(s, typ)
	switch {
	case acronym(s) != "":
		return 0
	case typ == faultline.PERSON && len(n.Words) >= 2:
		return 2
	case typ == faultline.NORP:
		return 1 // "Shia", not "Iraqi Shiites": a community's name is short
	case typ != faultline.PERSON && len(n.Words) >= 2:
		return 2
	}
	return 1
}

// nominal reports whether a lower-case "the ..." text is a role description.
func nominal(t string) bool {
	ws := strings.Fields(strings.ToLower(t))
	if len(ws) < 2 {
		return false
	}
	last := ws[len(ws)-1]
	return roleNoun[last] || actors.IsTitle(last)
}

// Display removes leading titles (for people), a leading "the" and a trailing possessive
// from a name.
func Display(t, typ string) string {
	t = strings.TrimSpace(t)
	for _, p := range []string{"\u2019s", "'s"} {
		if strings.HasSuffix(t, p) && len(t) > len(p)+1 {
			t = t[:len(t)-len(p)]
		}
	}
	fs := strings.Fields(t)
	i := 0
	if len(fs) > 1 && strings.EqualFold(fs[0], "the") {
		i = 1
	}
	if typ == faultline.PERSON {
		for i < len(fs)-1 {
			w := strings.ToLower(strings.Trim(fs[i], ".,"))
			if actors.IsTitle(w) || i+1 < len(fs)-1 && actors.Demonym(w) != "" && actors.IsTitle(strings.ToLower(strings.Trim(fs[i+1], ".,"))) || w == "us" && actors.IsTitle(strings.ToLower(strings.Trim(fs[i+1], ".,"))) {
				i++
				continue
			}
			break
		}
	}
	if i == 0 || i < len(fs) && prepositions[fs[i]] {
		return t // "spokesman for the embassy" is not "for the embassy"
	}
	return strings.Join(fs[i:], " ")
}

// prepositions cannot open a name: a title that a preposition follows stays.
var prepositions = map[string]bool{"for": true, "of": true, "in": true, "at": true, "from": true, "with": true, "to": true, "on": true, "by": true}

// subsequence reports whether the words of a appear in b in the same order.
func subsequence(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	i := 0
	for _, w := range b {
		if i < len(a) && a[i] == w {
			i++
		}
	}
	return i == len(a)
}
