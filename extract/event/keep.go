package event

import (
	"slices"
	"strings"

	"github.com/faultline/faultline/extract/internal/view"
)

// Which argument pairs Find keeps, and when the parse may change them.
//
// Find codes a pair (source, target) of a trigger only if it passes the trigger's argument
// rules (admit) and, unless it is a unilateral act without a target, names two actors and the
// target the codebook entry wants (clash). Those rules read the trigger, its context and the
// two mentions, never the parse; and the parse's arguments are actor mentions of the
// trigger's sentence. So before parsing a sentence for a trigger, args asks whether any
// reading the parse could give would change what Find keeps (parseMayChange): most triggers
// whose positional reading is incomplete cannot yield an event whatever the parse says. It
// also skips the parse where no actor stands where the lacking argument would
// (parseMayFill), an approximation of the parser that changed no event where measured.

// candidate is a trigger found at tokens [i, i+n) of sentence s, with the facts about its
// context that the pair rules read, each computed once when first needed.
type candidate struct {
	x       *Extractor
	v       *view.View
	s       view.Sent
	i, n    int
	tr      *trigger
	nominal bool
	// refusal, declared and unnamed cache refusal, declared and unnamedAgent: 0 not yet
	// known, 1 true, -1 false.
	refusal, declared, unnamed int8
}

// cached returns the value *c holds, computing it with f when it is not yet known.
func cached(c *int8, f func() bool) bool {
	if *c == 0 {
		*c = -1
		if f() {
			*c = 1
		}
	}
	return *c > 0
}

// refused reports whether a pair with source src is a cooperation its source refuses ("A
// refused to contemplate a withdrawal"): the refusal is an act of its own (REJECT, CAMEO
// 12x) even when no one is named as its target.
func (c *candidate) refused(src int) bool {
	return !c.nominal && src >= 0 && c.tr.CAMEO < "09" && cached(&c.refusal, func() bool { return c.x.refusal(c.v, c.i) })
}

// admit reports whether the pair (src, tgt) passes the trigger's argument rules (ok), and
// whether it is a unilateral act, which needs no target (alone).
func (c *candidate) admit(src, tgt int) (alone, ok bool) {
	tr := c.tr
	refused := c.refused(src)
	if src == tgt || (src < 0 && tgt < 0) || (!tr.hand && (src < 0 || tgt < 0) && !refused) {
		return false, false
	}
	// An event needs its target; only violence and coercion (CAMEO 17-20) by an unnamed
	// perpetrator keeps an empty source ("a bomb killed five police").
	// A nominal one ("the occupation of B", "attacks on B") names no happening by itself:
	// it needs its source too.
	// A verbal one needs a passive ("B was killed") or a weapon or unnamed perpetrator for
	// subject ("a bomb killed B", "gunmen seized B").
	// A unilateral act (flag alone: "A declared a cease-fire") needs only its source.
	// A nominal one only when declared ("A declared a cease-fire", not "A observed the
	// cease-fire").
	alone = tr.Alone && src >= 0 && (!c.nominal || cached(&c.declared, func() bool { return declared(c.v, c.i, c.s) })) || refused
	if !c.x.Partial && (tgt < 0 && !alone || (src < 0 && (tr.CAMEO < "17" || c.nominal ||
		!cached(&c.unnamed, func() bool { return unnamedAgent(c.v, c.i, c.n, c.s) })))) {
		return alone, false
	}
	return alone, true
}

// clash reports whether a pair that has passed admit is still no event: its source and
// target are the same actor, or the target is not of the type the entry wants ("received
// support": not the person the entry wants).
func (c *candidate) clash(src, tgt int) bool {
	if src >= 0 && tgt >= 0 && sameActor(c.v.Mentions[src], c.v.Mentions[tgt]) {
		return true
	}
	return c.tr.Target != "" && (tgt < 0 || c.v.Mentions[tgt].Type != c.tr.Target)
}

// mayYield reports whether Find may code the pair (src, tgt), or change its state with it
// (a unilateral act is remembered before the last rules): it passes admit, and clash
// unless it is a unilateral act without a target. Find's later rules only drop more.
func (c *candidate) mayYield(src, tgt int) bool {
	alone, ok := c.admit(src, tgt)
	return ok && (alone && tgt < 0 || !c.clash(src, tgt))
}

// mayYieldAny reports whether some pair of ps may yield (mayYield).
func (c *candidate) mayYieldAny(ps [][2]int) bool {
	for _, p := range ps {
		if c.mayYield(p[0], p[1]) {
			return true
		}
	}
	return false
}

// parseMayChange reports whether the parse may change what Find codes for the trigger
// whose positional reading l is incomplete, given acts, the actor mentions of its sentence
// (those the parse's arguments are drawn from). The parse's reading replaces l when it is
// complete (a source and a target) or l is empty; then the events differ only if the
// parse's reading may yield, or l may yield and is replaced. A mediation (CAMEO 045) may
// take its targets from the sentence's agreements: always parsed.
func (c *candidate) parseMayChange(l [][2]int, acts []int) bool {
	if strings.HasPrefix(c.tr.CAMEO, "045") {
		return true
	}
	tgts := acts // the targets the parse may give
	if !c.parseMayTarget() {
		tgts = nil
	}
	if len(l) > 0 {
		if len(tgts) == 0 {
			return false // no complete reading to replace l (tgts is acts or nil)
		}
		if c.mayYieldAny(l) {
			return true
		}
		for _, tgt := range tgts {
			for _, src := range acts {
				if c.mayYield(src, tgt) {
					return true
				}
			}
		}
		return false
	}
	for t := -1; t < len(tgts); t++ {
		tgt := -1
		if t >= 0 {
			tgt = tgts[t]
		}
		if c.mayYield(-1, tgt) {
			return true
		}
		for _, src := range acts {
			if c.mayYield(src, tgt) {
				return true
			}
		}
	}
	return false
}

// parseMayTarget reports whether the parse may give the trigger a target. A verb's may be
// its object; a noun's (parseNounArgs) is the mention of a phrase whose case marker is a
// target preposition, "between" or, for violence and coercion, "of" (its own or its light
// verb's), or one of its coordinated sources when the trigger is reciprocal: without such a
// word in the sentence only a reciprocal noun may have one.
func (c *candidate) parseMayTarget() bool {
	if !c.nominal || c.tr.Reciprocal {
		return true
	}
	violent := c.tr.CAMEO >= "17"
	for k := c.s.First; k < c.s.Last; k++ {
		if w := c.v.Toks[k].Lower; targetPrep[w] || w == "between" || violent && w == "of" {
			return true
		}
	}
	return false
}

// args returns the argument pairs of the candidate: its positional reading, and the
// parse's (read through p) where that reading is incomplete, the parse may fill it by where
// the actors stand (parseMayFill, an approximation) and may change the events
// (parseMayChange); acts returns the actor mentions of the sentence. amod says that
// match left the trigger's test for an adjectival participle (a VBN whose Rel is amod on
// the next token) to the parse: args reads it when the trigger may yield, and returns ok
// false when the participle is an adjective (no trigger).
func (c *candidate) args(p parser, si int, acts func() []int, amod bool) (pairs [][2]int, ok bool) {
	v, i, n, s, tr := c.v, c.i, c.n, c.s, c.tr
	var l [][2]int
	if c.nominal {
		l = linearNounArgs(v, i, n, s, tr)
	} else {
		l = linearVerbArgs(v, i, n, s, tr)
	}
	// An unresolved pronoun subject is a known unknown: the parse does not replace it.
	read := v.HasParse && !complete(l) && (c.nominal || !(len(l) > 0 && pronounBefore(v, i, s) >= 0)) &&
		c.parseMayFill(l, acts()) && (c.x.unpruned || c.parseMayChange(l, acts()))
	// A trigger that yields nothing codes nothing whether or not it is one; but a longer
	// one also hides the words it spans from the search for the next trigger.
	if amod && (c.x.unpruned || read || n > 1 || strings.HasPrefix(tr.CAMEO, "045") || c.mayYieldAny(l)) {
		if p.need(si); v.Toks[i].Rel == "amod" && v.Toks[i].Head == i+1 {
			return nil, false
		}
	}
	if !read {
		return l, true
	}
	p.need(si)
	// The positional reading measured better on news prose (seedscore); the parse fills in
	// what it cannot find.
	var pp [][2]int
	if c.nominal {
		pp = parseNounArgs(v, i, s, tr)
	} else {
		pp = parseVerbArgs(v, i, s, tr)
	}
	if complete(pp) || len(l) == 0 {
		return pp, true
	}
	return l, true
}

// parseMayFill reports whether the parse may give the trigger the arguments its positional
// reading l lacks, by where they stand: the object (target) of an active verb after the
// verb, its subject (source) before it or an agent after "by"; the target of a noun in a
// phrase after it ("attacks on B", "talks with B"), its source before it (a possessor, a
// modifier, the subject of its light verb) or after "by", "from" or (but for violence and
// coercion, whose "of" names the target) "of". When no other actor than l's stands there,
// the parse is not read. This is an approximation of the parser (which may attach an actor
// on the other side: a fronted object or phrase, a subject after the verb), measured to
// change no event on the seeds, the demo corpus and a 2 MiB bench corpus (docs/RESULTS.md).
// Always asked about: a verb with an empty positional reading, or lacking its target when
// it is a past participle (whose target is its passive subject) or untagged; a noun lacking
// its target when it is a unilateral act (which needs none) or reciprocal (the target may
// be one of its coordinated sources).
func (c *candidate) parseMayFill(l [][2]int, acts []int) bool {
	t := &c.v.Toks[c.i]
	noSource, noTarget := len(l) == 0 || l[0][0] < 0, len(l) == 0 || l[0][1] < 0
	if c.nominal {
		return (!noSource || c.actorBefore(l, acts) || c.wordAfter("by", "from") || c.tr.CAMEO < "17" && c.wordAfter("of")) &&
			(!noTarget || c.tr.Alone || c.tr.Reciprocal || c.actorAfter(l, acts))
	}
	switch {
	case len(l) == 0:
		return true
	case noTarget:
		return t.XPOS == "VBN" || t.XPOS == "" || c.actorAfter(l, acts)
	}
	return c.actorBefore(l, acts) || c.wordAfter("by")
}

// actorBefore and actorAfter report whether an actor of acts that l does not name stands
// before or after the trigger.
func (c *candidate) actorBefore(l [][2]int, acts []int) bool {
	for _, m := range acts {
		if c.v.Mentions[m].First < c.i && !named(c.v, l, m) {
			return true
		}
	}
	return false
}

func (c *candidate) actorAfter(l [][2]int, acts []int) bool {
	for _, m := range acts {
		if c.v.Mentions[m].First >= c.i+c.n && !named(c.v, l, m) {
			return true
		}
	}
	return false
}

// wordAfter reports whether one of words follows the trigger in its sentence.
func (c *candidate) wordAfter(words ...string) bool {
	for k := c.i + c.n; k < c.s.Last; k++ {
		if slices.Contains(words, c.v.Toks[k].Lower) {
			return true
		}
	}
	return false
}

// named reports whether mention m is, or is the same actor as, an argument of ps.
func named(v *view.View, ps [][2]int, m int) bool {
	for _, p := range ps {
		for _, a := range p {
			if a >= 0 && (a == m || sameActor(v.Mentions[a], v.Mentions[m])) {
				return true
			}
		}
	}
	return false
}

// sentActors appends to buf the actor mentions of the tokens of sentence s, each once.
func sentActors(buf []int, v *view.View, s view.Sent) []int {
	buf = buf[:0]
	last := -1
	for k := s.First; k < s.Last; k++ {
		mi := v.Toks[k].Mention
		if mi < 0 || mi == last {
			continue // the next token of the same mention
		}
		last = mi
		if actor(v, mi) && !slices.Contains(buf, mi) {
			buf = append(buf, mi)
		}
	}
	return buf
}
