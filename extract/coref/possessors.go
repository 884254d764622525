package coref

import (
	"regexp"
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

// A possessor name: capitalised words (particles such as "al-" attached), no possessive.
const possName = `((?:al-|el-)?[A-Z][\p{L}.-]*(?:\s+(?:al-|el-)?[A-Z][\p{L}.-]*){0,4})`

var (
	possAfter   = regexp.MustCompile(`^['’]s\s+(?:[a-z-]+\s+)?([a-z]+)\b`)
	followersOf = regexp.MustCompile(`\b([Ff]ollowers|[Ss]upporters|[Ll]oyalists|[Pp]artisans)\s+of\s+(?:the\s+)?$`)
	possRe      = regexp.MustCompile(`^(?:[Tt]he\s+)?` + possName + `['’]s\s+(?:[a-z-]+\s+)?([A-Za-z]+)$`)
	namedRe     = regexp.MustCompile(`^(?:[Tt]he\s+)?` + possName + `\s+([A-Za-z]+)$`)
	ofNameRe    = regexp.MustCompile(`^(?:[Tt]he\s+)?([A-Za-z][a-z]+)\s+of\s+` + possName + `$`)
)

// Possession is the owner of a group named in the group's name.
type Possession struct {
	// Start and End are the byte offsets of the owner's name in the group's name.
	Start, End int
	// Class is the kind of group (actors.PossessedClass): "gov" or "fol".
	Class string
	// Bare is set when the owner's name only stands before the noun ("the Assad
	// government"), without a possessive or "of": weaker evidence of an owner.
	Bare bool
}

// Possessor finds, in the name of a group, the person or state it belongs to: "Saddam’s
// regime", "the Assad government", "followers of Moqtada al-Sadr".
func Possessor(name string) (Possession, bool) {
	var p Possession
	try := func(re *regexp.Regexp, nameGroup, nounGroup int) bool {
		m := re.FindStringSubmatchIndex(name)
		if m == nil {
			return false
		}
		noun := name[m[2*nounGroup]:m[2*nounGroup+1]]
		c := actors.PossessedClass(noun)
		if c == "" {
			return false
		}
		s, e := m[2*nameGroup], m[2*nameGroup+1]
		for _, w := range strings.Fields(name[s:e]) {
			lw := strings.ToLower(w)
			if actors.Demonym(lw) != "" || strings.HasSuffix(lw, "-led") || actors.PossessedClass(lw) != "" || notNameStart[lw] {
				return false
			}
		}
		p = Possession{Start: s, End: e, Class: c}
		return true
	}
	// possRe and namedRe take their noun from the last word (after the last \s), ofNameRe
	// needs "of": a name without a possessed noun last nor "of" inside matches neither,
	// and most names are such (the regexps are not tried then).
	nounLast := actors.PossessedClass(name[lastSpace(name)+1:]) != ""
	if nounLast && try(possRe, 1, 2) || strings.Contains(name, "of") && try(ofNameRe, 2, 1) {
		return p, true
	}
	if nounLast && try(namedRe, 1, 2) {
		p.Bare = true
		return p, true
	}
	return p, false
}

// lastSpace returns the offset of the last \s of Go's regexp ([\t\n\f\r ]) in s, or -1.
func lastSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if isSpace(s[i]) {
			return i
		}
	}
	return -1
}

// possessors adds a mention for the possessor named inside a group's name ("Saddam" in
// "Saddam’s regime"): a person, or the type of the document's mention of the same name. A
// bare name before the noun ("the Assad government") must be a name the document uses.
// Corpus-level resolution keys the group by its possessor's actor.
func (d *doc) possessors() {
	byKey := make(map[string]int, len(d.ents)/2+8)
	for i, e := range d.ents {
		if k := d.names[i].Key(); k != "" && e.Type != "" {
			if _, ok := byKey[k]; !ok {
				byKey[k] = i
			}
		}
	}
	d.ownedGroups()
	n := len(d.ents)
	for i := 0; i < n; i++ {
		e := d.ents[i]
		if e.Type != faultline.ORG && e.Type != faultline.NORP {
			continue
		}
		p, ok := Possessor(e.Text)
		if !ok {
			continue
		}
		s, t := e.Start+p.Start, e.Start+p.End
		if d.at(s, t) >= 0 {
			continue
		}
		typ := faultline.PERSON
		if j, ok := byKey[nameKeyOf(d.text[s:t], faultline.PERSON)]; ok {
			typ = d.ents[j].Type
		} else if j, ok := byKey[nameKeyOf(d.text[s:t], faultline.GPE)]; ok && (d.ents[j].Type == faultline.GPE) {
			typ = faultline.GPE
		} else if p.Bare {
			continue // "the Federal government": no owner the document names
		}
		if typ != faultline.PERSON && typ != faultline.GPE {
			continue
		}
		if d.owner == nil {
			d.owner = map[int]bool{}
		}
		d.owner[d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: typ}, -1)] = true
	}
}

// ownedGroups adds mentions for the groups the text names by their owner where the
// recogniser found only the owner: "Saddam’s regime", "Sadr’s movement", "followers of
// Moqtada al-Sadr". An owner the recogniser typed as a one-word organisation becomes a
// person ("Saddam" of "Saddam’s regime").
func (d *doc) ownedGroups() {
	n := len(d.ents)
	for i := 0; i < n; i++ {
		e := d.ents[i]
		if e.Type != faultline.PERSON && e.Type != faultline.ORG || !startsUpper(e.Text) {
			continue
		}
		if e.Type == faultline.ORG && strings.Contains(e.Text, " ") {
			continue // an organisation's own groups are not its owner's
		}
		s, t := -1, -1
		rest := d.text[e.End:]
		if m := possAfterIndex(rest); m != nil && actors.PossessedClass(d.text[e.End+m[2]:e.End+m[3]]) != "" {
			s, t = e.Start, e.End+m[3]
		} else if e.Type == faultline.PERSON {
			lo := max(0, e.Start-40)
			// (the regexp ends in "of\s+(?:the\s+)?$": tried only before such an ending)
			if w := d.text[lo:e.Start]; endsOfThe(w) {
				if m := followersOf.FindStringSubmatchIndex(w); m != nil {
					s, t = lo+m[2], e.End
				}
			}
		}
		if s < 0 || d.within(s, t) {
			continue
		}
		if e.Type == faultline.ORG {
			d.ents[i].Type = faultline.PERSON
			d.names[i] = parseName(e.Text, faultline.PERSON)
		}
		d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: faultline.ORG}, -1)
	}
}

// endsOfThe reports whether s ends in "of" or "the" and then \s, as what followersOf
// matches does.
func endsOfThe(s string) bool {
	t := strings.TrimRight(s, " \t\n\f\r")
	return len(t) < len(s) && (strings.HasSuffix(t, "of") || strings.HasSuffix(t, "the"))
}

// possAfterIndex is possAfter.FindStringSubmatchIndex(s), tried only when s opens with an
// apostrophe as the regexp requires.
func possAfterIndex(s string) []int {
	if !strings.HasPrefix(s, "'") && !strings.HasPrefix(s, "’") {
		return nil
	}
	return possAfter.FindStringSubmatchIndex(s)
}
