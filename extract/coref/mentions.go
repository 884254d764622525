package coref

import (
	"github.com/faultline/faultline/extract/internal/fold"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
	"github.com/faultline/faultline/lexicon/gazetteer"
)

// connectors are the function words that may sit inside an organisation's name ("Council
// of Iraq", "Union for Peace") but never end one.
var connectors = map[string]bool{"of": true, "for": true, "in": true, "and": true, "the": true, "on": true}

// repairSpans mends the boundaries and types of recognised names before resolution:
//
//   - a name cut before its place ("Islamic Supreme Council of" + "Iraq", or "Islamic
//     Supreme Council" + "of Iraq" when the document names it whole elsewhere or the actor
//     dictionary knows the whole name) is joined to the place that follows it;
//   - a connector left dangling at the end ("Mehdi Army of") is cut off;
//   - a name particle left dangling at the end ("Jaish-al") takes the next word;
//   - a closing parenthesis without its opening ("Jerusalem) Force") takes the word and
//     parenthesis before it;
//   - a leading possessive ending ("’s Interior Ministry") is cut off;
//   - a possessive inside a name ("Treasury Department’s Office of Foreign Assets") keeps
//     the possessed name: the owner is a name of its own, not part of this one;
//   - titles followed by a full name ("General Sir Richard Dannatt") make a person, whatever
//     type the recogniser gave, unless an organisation's head word is in the name;
//   - a nationality before a group ("Iraqi" + "Shiites") is one group;
//   - a name cut in two ("Abdel-Aziz" + "al-Hakim"; "Iraqi" + "National Congress" when the
//     document or the dictionary knows the whole, or when the organisation part ends with
//     an organisation's head word and the document never names it alone) is joined;
//   - a one-word name after a title ("Sayid Tewfiq") is a person.
//
// Punctuation and dashes at the end are cut off. Only entities without a document-level
// actor are touched.
func repairSpans(text string, ents []faultline.Entity) []faultline.Entity {
	heads, particles := orgHeads(), nameParticles()
	nameCount := make(map[string]int, len(ents)/2+8) // the names the recogniser found whole, and how often
	people := make(map[string]bool, len(ents)/4+8)   // names the recogniser typed PERSON, and their last words
	for _, e := range ents {
		if e.Start >= 0 && e.End <= len(text) && e.Start < e.End {
			nameCount[text[e.Start:e.End]]++
			if e.Type == faultline.PERSON {
				n := text[e.Start:e.End]
				people[n] = true
				people[n[strings.LastIndexByte(n, ' ')+1:]] = true
			}
		}
	}
	titled := make(map[string]bool, len(ents)/4+8)            // capitalised name -> titles and a full name, no organisation head
	out := make([]faultline.Entity, 0, len(ents)+len(ents)/8) // (owners split off add a few)
	for i := 0; i < len(ents); i++ {
		e := ents[i]
		if e.Actor != "" || e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			out = append(out, e)
			continue
		}
		// Punctuation and dashes the recogniser took in at the end ("south —", "Khomeini,").
		for e.End > e.Start {
			r, n := utf8.DecodeLastRuneInString(text[e.Start:e.End])
			if r == ' ' || r == ',' || r == ';' || r == ':' || r == '\u2014' || r == '\u2013' || r == '-' && strings.HasSuffix(text[e.Start:e.End], " -") {
				e.End -= n
				continue
			}
			break
		}
		if e.Start >= e.End {
			continue
		}
		// A possessor and a person taken as one name ("the Agency's Varn", where Varn is a
		// person elsewhere in the text): two mentions.
		if e.Type != faultline.PERSON {
			sp := text[e.Start:e.End]
			for _, p := range []string{"\u2019s ", "'s "} {
				if k := strings.Index(sp, p); k > 0 && people[sp[k+len(p):]] && startsUpper(sp[k+len(p):]) {
					owner := e
					owner.End = e.Start + k
					owner.Text = text[owner.Start:owner.End]
					out = append(out, owner)
					e.Start, e.Type = e.Start+k+len(p), faultline.PERSON
					break
				}
			}
		}
		next := func() *faultline.Entity {
			if i+1 < len(ents) && ents[i+1].Actor == "" && ents[i+1].Start >= e.End && ents[i+1].End <= len(text) {
				return &ents[i+1]
			}
			return nil
		}
		// A closing parenthesis without its opening.
		if s := text[e.Start:e.End]; strings.Count(s, ")") > strings.Count(s, "(") {
			if k := strings.LastIndexByte(text[:e.Start], '('); k > 0 && e.Start-k < 40 && !strings.ContainsAny(text[k:e.Start], ")\n") {
				w := strings.LastIndexByte(strings.TrimRight(text[:k], " "), ' ') + 1
				if w < k && startsUpper(text[w:k]) {
					e.Start = w
				}
			}
		}
		// A dangling name particle takes the next capitalised word.
		if s := text[e.Start:e.End]; e.Type != faultline.GPE {
			last := s[strings.LastIndexAny(s, " ")+1:]
			if j := strings.LastIndexByte(last, '-'); j >= 0 {
				last = last[j+1:]
			}
			if fold.Get(particles, last) && e.End+1 < len(text) && text[e.End] == ' ' && startsUpper(text[e.End+1:]) {
				w := e.End + 1
				for w < len(text) && (isWordByte(text[w]) || text[w] == '-') {
					w++
				}
				if n := next(); n != nil && n.Start < w {
					w = max(w, n.End)
					i++
				}
				e.End = w
			}
		}
		if e.Type == faultline.ORG {
			// Leading possessive ending.
			for _, p := range []string{"’s ", "'s "} {
				if strings.HasPrefix(text[e.Start:e.End], p) {
					e.Start += len(p)
				}
			}
			// A possessive inside: keep the possessed name when it is capitalised.
			s := text[e.Start:e.End]
			for _, p := range []string{"’s ", "'s "} {
				if k := strings.LastIndex(s, p); k > 0 && k+len(p) < len(s) && startsUpper(s[k+len(p):]) && strings.Contains(s[k+len(p):], " ") {
					e.Start += k + len(p)
					break
				}
			}
			s = text[e.Start:e.End]
			k := strings.LastIndexByte(s, ' ')
			dangling := k > 0 && connectors[s[k+1:]]
			// Joined to the place that follows ("… of" + "Iraq", "…" + "of Iraq"), or cut.
			joined := false
			if n := next(); n != nil && (n.Type == faultline.GPE || n.Type == faultline.LOC) && startsUpper(text[n.Start:n.End]) {
				gap := text[e.End:n.Start]
				last := s[strings.LastIndexByte(s, ' ')+1:]
				// (the evidence is looked up only when the gap and the last word ask for it)
				if dangling && gap == " " || !dangling && (gap == " of " || gap == " in " || gap == " for ") && startsUpper(last) &&
					(nameCount[text[e.Start:n.End]] > 0 || known(text[e.Start:n.End])) {
					e.End = n.End
					i++
					joined = true
				}
			}
			if dangling && !joined && e.End+1 < len(text) && text[e.End] == ' ' && startsUpper(text[e.End+1:]) {
				// The word after, when the document or the dictionary knows the whole.
				w := e.End + 1
				for w < len(text) && (isWordByte(text[w]) || text[w] == '-') {
					w++
				}
				if nameCount[text[e.Start:w]] > 0 || known(text[e.Start:w]) {
					e.End, joined = w, true
				}
			}
			if dangling && !joined {
				e.End = e.Start + k
			}
		}
		if e.Start >= e.End || strings.TrimSpace(text[e.Start:e.End]) == "" {
			continue
		}
		s := text[e.Start:e.End]
		// Titles and a full name: a person.
		if e.Type != faultline.PERSON && e.Type != "" && capitalised(s) {
			person, ok := titled[s]
			if !ok {
				person = titledName(s, heads)
				titled[s] = person
			}
			if person {
				e.Type = faultline.PERSON
			}
		}
		if n := next(); n != nil && n.Start == e.End+1 && text[e.End] == ' ' {
			ns := text[n.Start:n.End]
			whole := text[e.Start:n.End]
			switch {
			case n.Type == faultline.PERSON && (e.Type == faultline.PERSON || fold.Get(particles, strings.SplitN(ns, "-", 2)[0]) && strings.Contains(ns, "-")):
				// One name the recogniser cut in two ("Abdel-Aziz" + "al-Hakim").
				e.End, e.Type = n.End, faultline.PERSON
				i++
			case n.Type == faultline.ORG && e.Type != faultline.PERSON && capitalised(ns) && (nameCount[whole] > 0 || known(whole) ||
				(e.Type == faultline.NORP || e.Type == faultline.GPE) && !strings.Contains(s, " ") && strings.Contains(ns, " ") && fold.Get(heads, ns[strings.LastIndexByte(ns, ' ')+1:]) && nameCount[ns] == 1):
				// A place, nationality or acronym that begins an organisation's name
				// the document or dictionary knows ("Iraqi" + "National Congress").
				e.End, e.Type = n.End, faultline.ORG
				i++
			}
			s = text[e.Start:e.End]
		}
		// A given name the recogniser left out between a title and the surname ("Adm."
		// "Gregory" + "Smith").
		if e.Type == faultline.PERSON && e.Start > 1 && text[e.Start-1] == ' ' {
			b := strings.LastIndexAny(text[:e.Start-1], " \n\t(\"“") + 1
			w := text[b : e.Start-1]
			if b > 1 && text[b-1] == ' ' && startsUpper(w) && isName(w) && !actors.IsTitle(strings.ToLower(w)) {
				b2 := strings.LastIndexAny(text[:b-1], " \n\t(\"“") + 1
				if t := text[b2 : b-1]; startsUpper(t) && actors.IsTitle(strings.ToLower(strings.TrimSuffix(t, "."))) {
					e.Start = b
					s = text[e.Start:e.End]
				}
			}
		}
		// A one-word name after a title ("Sayid" + "Tewfiq") is a person.
		if e.Type != faultline.PERSON && !strings.Contains(s, " ") && e.Start > 1 && text[e.Start-1] == ' ' {
			b := strings.LastIndexAny(text[:e.Start-1], " \n\t(\"“") + 1
			if w := text[b : e.Start-1]; startsUpper(w) && actors.IsTitle(strings.ToLower(strings.TrimSuffix(w, "."))) && actors.Demonym(s) == "" {
				e.Start, e.Type = b, faultline.PERSON
				s = text[e.Start:e.End]
			}
		}
		// A nationality before a group.
		if e.Type == faultline.NORP && actors.Demonym(s) != "" {
			if n := next(); n != nil && n.Type == faultline.NORP && n.Start == e.End+1 && text[e.End] == ' ' && actors.Demonym(text[n.Start:n.End]) == "" {
				e.End = n.End
				i++
			}
		}
		e.Text = text[e.Start:e.End]
		out = append(out, e)
	}
	return out
}

// titledName reports whether s is titles and a full name without an organisation's head
// word (heads).
func titledName(s string, heads map[string]bool) bool {
	if !actors.MayHaveTitles(s) {
		return false // (most names: known without parseName's memo lookup)
	}
	n := parseName(s, faultline.PERSON)
	if len(n.Titles) == 0 || len(n.Words) < 2 {
		return false
	}
	for _, w := range n.Raw {
		if heads[w] {
			return false
		}
	}
	return true
}

// capitalised reports whether every word of s begins with an upper-case letter.
func capitalised(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// known reports whether the general actor dictionary has an organisation of that name.
func known(name string) bool {
	dict, err := actors.Default()
	if err != nil || dict == nil {
		return false
	}
	e := dict.Lookup(name, faultline.ORG)
	return e != nil && e.Type == faultline.ORG
}

// isName reports whether w is one capitalised word of letters (a hyphen allowed).
func isName(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return w != ""
}

var (
	orgHeads      = sync.OnceValue(gazetteer.OrgHeads)
	nameParticles = sync.OnceValue(gazetteer.Particles)
)
