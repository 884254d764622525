package coref

import (
	"strings"
	"unicode/utf8"

	"github.com/faultline/faultline"
)

// pronounSpans returns the [start, end) offsets of the words he, his, him, she, her (lower
// case or capitalised) in text, each a whole word of ASCII letters, digits and
// underscores, as the regular expression \b(He|he|His|his|Him|him|She|she|Her|her)\b
// finds them, in a single pass without the regexp engine.
func pronounSpans(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		if !asciiWord(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && asciiWord(text[j]) {
			j++
		}
		if j-i <= 3 && j-i >= 2 {
			switch text[i:j] {
			case "He", "he", "His", "his", "Him", "him", "She", "she", "Her", "her":
				out = append(out, [2]int{i, j})
			}
		}
		i = j
	}
	return out
}

// asciiWord reports whether c is an ASCII word character (\w of Go's regexp).
func asciiWord(c byte) bool { return wordByte[c] }

// wordByte tells the ASCII word characters (\w of Go's regexp) by byte.
var wordByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	return t
}()

var female = map[string]bool{"mrs": true, "ms": true, "miss": true, "queen": true, "princess": true, "lady": true, "dame": true, "spokeswoman": true, "chairwoman": true}

// pronouns adds he/his/him mentions (she/her for a person the text gives a female title)
// in subject position (first word of the sentence or after "and", "but" or a comma) when
// the sentence before, or this one before the pronoun, has exactly one person group and
// that group's first mention opens its sentence's mentions (a subject).
func (d *doc) pronouns() {
	var adds []faultline.Entity
	var groups []int
	var links [][2]int // existing pronoun mention, group
	spans := pronounSpans(d.text)
	if len(spans) == 0 {
		return
	}
	f := d.groupFacts()
	for _, m := range spans {
		existing := -1
		if d.covered(m[0], m[1]) {
			// A fact already points at the pronoun (an untyped or person mention of
			// its own, not resolved before): link it rather than add one.
			if existing = d.lonePronoun(f, m[0], m[1]); existing < 0 {
				continue
			}
		}
		w := strings.ToLower(d.text[m[0]:m[1]])
		s := sentenceOf(d.sents, m[0])
		if s < 0 {
			continue
		}
		prefix := strings.TrimSpace(d.text[d.sents[s].Start:m[0]])
		pl := strings.ToLower(prefix)
		if !(prefix == "" || strings.HasSuffix(pl, ",") || strings.HasSuffix(pl, " and") || strings.HasSuffix(pl, " but") || prefix == "\"" || prefix == "\u201c") {
			continue
		}
		// Person groups in this sentence before the pronoun, else in the previous one.
		g := d.subject(f, s, m[0])
		if g == -2 {
			continue
		}
		if g < 0 && s > 0 {
			g = d.subject(f, s-1, len(d.text))
		}
		if g < 0 {
			continue
		}
		isFemale := f.female[g]
		for r := range d.roles[g] {
			if female[r] {
				isFemale = true
			}
		}
		if (w == "she" || w == "her") != isFemale {
			continue
		}
		if existing >= 0 {
			links = append(links, [2]int{existing, g})
			continue
		}
		adds = append(adds, faultline.Entity{Span: faultline.Span{Start: m[0], End: m[1]}, Type: faultline.PERSON})
		groups = append(groups, g)
	}
	for _, l := range links {
		d.union(l[1], l[0])
		d.ents[l[0]].Type = faultline.PERSON
	}
	for k, e := range adds {
		d.add(e, groups[k])
	}
}

// groupFacts is what pronouns asks of the groups and sentences, found once: no group
// changes while pronouns looks for antecedents (its mentions are added and linked after),
// and scanning every entity for each pronoun made it quadratic in the size of a document.
type groupFacts struct {
	size   []int32 // members per group root
	female []bool  // per group root: a member's titles tell a female person
	// ents lists the entities of each sentence in index order: those of sentence s are
	// ents[start[s]:start[s+1]] (entities in no sentence are left out).
	ents, start []int32
}

// groupFacts returns the facts of the groups and sentences as they are.
func (d *doc) groupFacts() *groupFacts {
	n := len(d.ents)
	f := &groupFacts{size: make([]int32, n), female: make([]bool, n), start: make([]int32, len(d.sents)+2)}
	for i := range d.ents {
		g := d.find(i)
		f.size[g]++
		if !f.female[g] {
			for _, t := range d.names[i].Titles {
				if female[t] {
					f.female[g] = true
				}
			}
		}
		if s := d.sent[i]; s >= 0 && s < len(d.sents) {
			f.start[s+2]++
		}
	}
	for s := 2; s < len(f.start); s++ {
		f.start[s] += f.start[s-1]
	}
	f.ents = make([]int32, f.start[len(f.start)-1])
	for i := range d.ents {
		if s := d.sent[i]; s >= 0 && s < len(d.sents) {
			f.ents[f.start[s+1]] = int32(i)
			f.start[s+1]++
		}
	}
	f.start = f.start[:len(d.sents)+1]
	return f
}

// lonePronoun returns the entity exactly at [start, end) when it is untyped or a person,
// came unresolved and is alone in its group; -1 otherwise.
func (d *doc) lonePronoun(f *groupFacts, start, end int) int {
	j := d.at(start, end)
	if j < 0 || d.ents[j].Actor != "" || d.ents[j].Type != "" && d.ents[j].Type != faultline.PERSON {
		return -1
	}
	if f.size[d.find(j)] > 1 {
		return -1
	}
	return j
}

// subject returns the one person group mentioned in sentence s before offset end when it
// is the sentence's first mention; -1 when there is none; -2 when it is ambiguous.
func (d *doc) subject(f *groupFacts, s, end int) int {
	g, first := -1, true
	if s < 0 || s >= len(d.sents) {
		return g
	}
	for _, i := range f.ents[f.start[s]:f.start[s+1]] {
		e := &d.ents[i]
		if e.Start >= end {
			continue
		}
		if e.Type != faultline.PERSON || isPronoun(e.Text) {
			if first && e.Type != faultline.PERSON {
				first = false
			}
			continue
		}
		if g >= 0 && d.find(int(i)) != g {
			return -2
		}
		if g < 0 && !first {
			return -2 // a person who is not the subject
		}
		g = d.find(int(i))
		first = false
	}
	return g
}

// isPronoun reports whether s is a personal pronoun in any case: pronoun(strings.ToLower(s)).
func isPronoun(s string) bool {
	// Lower-cased in b without allocating for ASCII s; a rune outside ASCII may lower-case
	// to an ASCII letter ("İ" to "i": "hİs"), so then strings.ToLower decides.
	if len(s) < 2 {
		return false
	}
	var b [5]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return pronoun(strings.ToLower(s))
		}
		if i == len(b) {
			return false // six ASCII bytes or more lower-case to as many
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return pronoun(string(b[:len(s)]))
}

// pronoun reports whether the lower-case word w is a personal pronoun.
func pronoun(w string) bool {
	switch w {
	case "he", "his", "him", "she", "her", "hers", "they", "them", "their":
		return true
	}
	return false
}
