// Package tie finds standing ties between actors stated in a document: leader of, member
// of, armed wing of, patron of, allied with, rival of, controls, loyal to, funds, arms,
// opposes, supports, negotiates with, located in, renamed from.
//
// Ties come from the patterns in lexicon/ties/patterns.tsv, matched over the words between
// two entity mentions of a sentence (and the words right before the first or after the
// second): appositions ("B's armed wing, A"), possessives ("A's B" with a person and an
// organisation), titles ("B prime minister A"), copulas ("A is loyal to B", after fillers
// are dropped), verb and noun phrases ("B backed by A", "rivalry between A and B") and
// hyphenated modifiers ("A-backed B"). A title at the start of a person mention counts as
// text before the name. Coordinated mentions share the tie ("A and B are loyal to C").
// Ties also follow from coded events (lexicon/ties/from_events.tsv): an attack states
// hostility, aid support. "not"/"never" between the mentions makes a tie negated (and a
// positive loyalty, support or alliance sign -1); a modal or "if" makes it hypothetical.
package tie

import (
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/fold"
	"github.com/faultline/faultline/extract/internal/view"
	"github.com/faultline/faultline/lexicon/gazetteer"
	lex "github.com/faultline/faultline/lexicon/ties"
)

// Extractor is the tie component of the extract pipeline.
type Extractor struct {
	pats []pattern
	// byStart indexes the patterns by the words their middle may start with; anyStart
	// lists those whose middle may start with any word (or is empty).
	byStart  map[string][]int
	anyStart []int
	// anyBits has bit pi%64 of word pi/64 set for each pattern pi of anyStart.
	anyBits []uint64
	// endPats holds, per word, the patterns (bits as in anyBits) an alternative of whose
	// middle's last element ends with the word; endAny the patterns whose middle may end
	// with any word (or is empty). See endsOK.
	endPats map[string][]uint64
	endAny  []uint64
	// spare holds the scratch of a finished document for the next (scratchFor).
	spare sync.Pool
	// words holds, per word, its word classes (wc*) that depend on the word alone, with
	// wbKept and wbTitle: one lookup instead of one per class (wordClass, titlesBefore).
	words map[string]uint16
	// needWords holds, per word, a bit for each distinct needs set of the patterns that
	// has it (at most 7; pattern.needBit); nil: more sets, holds looks them up.
	needWords map[string]uint8
	hyphens   []hyphen
	titles    [][]string // title words that may start a person mention
	fromEvts  map[string]lex.EventTie
	vocab     map[string]bool // every word the patterns spell out
	// titleHeads are the first words of multi-word titles ("supreme" of "supreme leader"): a
	// one-word mention reading one is a piece of a title, not an actor.
	titleHeads map[string]bool
	honorific  map[string]bool // one-word titles that open a person's name
	leadTitle  map[string]bool // one-word leadership titles
	unitNouns  map[string]bool // "police" in "police chief of B": the leader leads a unit of B
	// memberTitle: one-word member titles; orgHeads: last words of organisation names
	// ("institute", "council").
	memberTitle, orgHeads map[string]bool
	stateBodies           map[string]bool // STATEBODY: "Norland's Navy" is part of Norland
	// seeVerbs, rivals, allies: SEEVERB, RIVAL and ALLY, for "the forces that A saw as its
	// foes" (relativeObjects).
	seeVerbs, rivals, allies map[string]bool
	period                   map[string]map[string]bool // word classes of lexicon/ties/period.tsv
	organs                   map[string]bool            // lexicon/ties/organs.txt: "Norland troops" acts
}

// elem is one position of a pattern: alternatives, each a sequence of words.
type elem [][]string

type pattern struct {
	pre, mid, post []elem
	minMid, maxMid int // bounds on the number of tokens mid can cover
	// titleMid: mid opens with a title ("B &LEADTITLE A"): a comma before it ends the
	// phrase ("... with CNN, Ambassador A" is no title of CNN's).
	titleMid   bool
	possessive bool            // the pattern is "B 's A" and nothing else
	starts     map[string]bool // the words mid can start with; nil: any
	// needs: when mid opens with a gap ("A ... program built on B"), the first words of
	// the element after it, one of which mid must hold; nil: no such element.
	needs         map[string]bool
	needBit       uint8  // needs' bit in Extractor.needWords
	first, second string // "A" or "B": which tie end comes first in the text
	typ           string
	sign          int
	cons          map[string]map[string]bool
}

// hyphen is a pattern "A-backed B" or "anti-B A".
type hyphen struct {
	re            *regexp.Regexp // over the text from the first mention's start to the second's
	prefix        bool           // "anti-X": the marker precedes the first mention
	first, second string
	typ           string
	sign          int
	pair          bool            // "A-B noun": the word after B must be in next
	next          map[string]bool // nouns allowed after a hyphenated pair
	word          string          // "backed" of "A-backed B"; "" for prefixes and pairs
}

// New returns an Extractor with the shipped patterns.
func New() *Extractor {
	ps, syn := lex.Patterns()
	x := &Extractor{fromEvts: lex.FromEvents(), vocab: map[string]bool{}, titleHeads: map[string]bool{},
		honorific: oneWord(syn["HONORIFIC"]), leadTitle: oneWord(syn["LEADTITLE"]), unitNouns: oneWord(syn["UNITNOUN"]),
		memberTitle: oneWord(syn["MEMBERTITLE"]), orgHeads: oneWord(syn["ORGHEAD"]), stateBodies: oneWord(syn["STATEBODY"]),
		seeVerbs: oneWord(syn["SEEVERB"]), rivals: oneWord(syn["RIVAL"]), allies: oneWord(syn["ALLY"]),
		period: lex.Period(), organs: lex.Organs()}
	for _, t := range []string{"LEADTITLE", "MEMBERTITLE", "HONORIFIC"} {
		for _, alt := range syn[t] {
			if len(alt) > 1 {
				x.titleHeads[alt[0]] = true
			}
			if len(alt) > 0 {
				x.titles = append(x.titles, alt)
			}
		}
	}
	for _, alts := range syn {
		for _, alt := range alts {
			for _, w := range alt {
				x.vocab[w] = true
			}
		}
	}
	for _, p := range ps {
		for _, w := range p.Words {
			for _, alt := range strings.Split(w, "|") {
				if alt != "A" && alt != "B" && alt != "..." && !strings.HasPrefix(alt, "&") {
					x.vocab[alt] = true
				}
			}
		}
	}
	for _, p := range ps {
		if h, ok := compileHyphen(p); ok {
			x.hyphens = append(x.hyphens, h)
			continue
		}
		cp := pattern{typ: p.Type, sign: p.Sign, cons: map[string]map[string]bool{}}
		for k, v := range p.Constraints {
			cp.cons[k] = map[string]bool{}
			for _, t := range strings.Split(v, "|") {
				cp.cons[k][t] = true
			}
		}
		part := &cp.pre
		for _, w := range p.Words {
			switch {
			case w == "A" || w == "B":
				if cp.first == "" {
					cp.first = w
					part = &cp.mid
				} else {
					cp.second = w
					part = &cp.post
				}
			case w == "...":
				*part = append(*part, elem{{"..."}})
			case strings.HasPrefix(w, "&"):
				if part == &cp.mid && len(cp.mid) == 0 && (w == "&LEADTITLE" || w == "&MEMBERTITLE") {
					cp.titleMid = true
				}
				*part = append(*part, elem(syn[w[1:]]))
			default:
				var e elem
				for _, alt := range strings.Split(w, "|") {
					e = append(e, []string{alt})
				}
				*part = append(*part, e)
			}
		}
		cp.possessive = strings.Join(p.Words, " ") == "B 's A"
		if cp.first != "" && cp.second != "" {
			for _, e := range cp.mid {
				lo, hi := 1<<10, 0
				for _, alt := range e {
					n := len(alt)
					if n == 1 && alt[0] == "..." {
						lo, hi = min(lo, 1), max(hi, 3)
						continue
					}
					lo, hi = min(lo, n), max(hi, n)
				}
				cp.minMid += lo
				cp.maxMid += hi
			}
			if len(cp.mid) > 0 {
				cp.starts = map[string]bool{}
				for _, alt := range cp.mid[0] {
					if alt[0] == "..." {
						cp.starts = nil
						break
					}
					cp.starts[alt[0]] = true
				}
			}
			if cp.starts == nil && len(cp.mid) > 1 {
				cp.needs = map[string]bool{}
				for _, alt := range cp.mid[1] {
					if alt[0] == "..." {
						cp.needs = nil
						break
					}
					cp.needs[alt[0]] = true
				}
			}
			x.pats = append(x.pats, cp)
		}
	}
	x.byStart = map[string][]int{}
	for i, p := range x.pats {
		if p.starts == nil {
			x.anyStart = append(x.anyStart, i)
			continue
		}
		for w := range p.starts {
			x.byStart[w] = append(x.byStart[w], i)
		}
	}
	x.anyBits = make([]uint64, (len(x.pats)+63)/64)
	for _, pi := range x.anyStart {
		x.anyBits[pi/64] |= 1 << (pi % 64)
	}
	x.endBits()
	x.words = x.wordBits()
	x.needWords = x.needBits()
	return x
}

// needBits numbers the distinct needs sets of the patterns (pattern.needBit) and returns
// Extractor.needWords, or nil for more than seven sets.
func (x *Extractor) needBits() map[string]uint8 {
	bits := map[string]uint8{} // the set's sorted words -> its bit
	m := map[string]uint8{}
	for i := range x.pats {
		p := &x.pats[i]
		if p.needs == nil {
			continue
		}
		var ws []string
		for w, ok := range p.needs {
			if ok {
				ws = append(ws, w)
			}
		}
		sort.Strings(ws)
		k := strings.Join(ws, "\x00")
		b, ok := bits[k]
		if !ok {
			if len(bits) == 7 {
				return nil
			}
			b = 1 << len(bits)
			bits[k] = b
		}
		p.needBit = b
		for _, w := range ws {
			m[w] |= b
		}
	}
	return m
}

// needsOf returns the needs bits of token i (sc.need memoises them): those of its form,
// its lemma, and of "'s" for an apostrophe, as holds reads them.
func (x *Extractor) needsOf(v *view.View, sc *scratch, i int) uint8 {
	if c := sc.need[i]; c&0x80 != 0 {
		return c &^ 0x80
	}
	t := &v.Toks[i]
	c := x.needWords[t.Lower]
	if t.Lemma != "" {
		c |= x.needWords[t.Lemma]
	}
	if t.Lower == "'" || t.Lower == "’s" || t.Lower == "’" {
		c |= x.needWords["'s"]
	}
	sc.need[i] = c | 0x80
	return c
}

// Bits of Extractor.words besides the word classes.
const (
	wbKept  uint16 = 1 << 14 // keep or vocab: never dropped as an adverb
	wbTitle uint16 = 1 << 15 // without one final ".", an honorific, leading or member title
)

// wordBits returns the table of Extractor.words: every word of the class sets, keep, vocab
// and the titles (with and without a final ".").
func (x *Extractor) wordBits() map[string]uint16 {
	m := map[string]uint16{}
	classes := []struct {
		bit uint16
		set map[string]bool
	}{{wcCommaDash, dashes}, {wcAspectual, aspectual}, {wcIntent, intents}, {wcRefusal, refusals},
		{wcNegator, negators}, {wcModal, modals}, {wcFiller, fillers}, {wcRelative, relatives},
		{wcPreposition, prepositions}, {wbKept, keep}, {wbKept, x.vocab}}
	for _, c := range classes {
		for w, ok := range c.set {
			if ok {
				m[w] |= c.bit
			}
		}
	}
	m[","] |= wcCommaDash
	for _, set := range []map[string]bool{x.honorific, x.leadTitle, x.memberTitle} {
		for u := range set {
			for _, w := range []string{u, u + "."} {
				if t := strings.TrimSuffix(w, "."); x.honorific[t] || x.leadTitle[t] || x.memberTitle[t] {
					m[w] |= wbTitle
				}
			}
		}
	}
	return m
}

// oneWord returns the one-word alternatives of a synonym class as a set.
func oneWord(alts [][]string) map[string]bool {
	m := map[string]bool{}
	for _, alt := range alts {
		if len(alt) == 1 {
			m[alt[0]] = true
		}
	}
	return m
}

func compileHyphen(p lex.Pattern) (hyphen, bool) {
	if len(p.Words) == 2 && p.Words[0] == "A-B" {
		// "A-B alliance": the two mentions joined by a hyphen, then one of the nouns.
		return hyphen{typ: p.Type, sign: p.Sign, first: "A", second: "B", pair: true,
			re: regexp.MustCompile(`(?i)^-$`), next: set(strings.ReplaceAll(p.Words[1], "|", " "))}, true
	}
	if len(p.Words) != 2 {
		return hyphen{}, false
	}
	a, b := p.Words[0], p.Words[1]
	h := hyphen{typ: p.Type, sign: p.Sign, second: b}
	switch {
	case len(a) > 2 && (a[:2] == "A-" || a[:2] == "B-"):
		h.first = a[:1]
		h.word = strings.ToLower(a[2:])
		// (over the text from the end of the first mention: "United States-led B"; the
		// hyphen is required, "-led" is no part of "-controlled")
		h.re = regexp.MustCompile(`(?i)^[^\s]*?-` + regexp.QuoteMeta(a[2:]) + `\s+(?:the\s+)?$`)
	case strings.HasPrefix(a, "anti-") && (a[5:] == "A" || a[5:] == "B"):
		h.first = a[5:]
		h.prefix = true
		h.re = regexp.MustCompile(`^[^\s]*\s+(?:[a-z][\p{L}-]*\s+)?$`)
	default:
		return hyphen{}, false
	}
	if b != "A" && b != "B" {
		return hyphen{}, false
	}
	return h, true
}

// Extract implements extract.Component.
func (x *Extractor) Extract(in *extract.Input) {
	in.Out.Ties = append(in.Out.Ties, x.Find(in)...)
}

var (
	fillers      = set("\" “ ” ‘ the a an is are was were be been being has have had also still now long once reportedly widely increasingly largely effectively which who that itself themselves himself herself openly always already then both")
	negators     = set("not n't never")
	keep         = set("only ally rally formerly previously friendly family")
	relatives    = set("which who whom that")
	prepositions = set("of in to for with from by at on")
	modals       = set("could may might would if should")
	// aspectual verbs are transparent before "to" or an -ing form: "continue to back B",
	// "began funding B" state the tie itself.
	aspectual = set("continue continues continued continuing began begin begins beginning begun start starts started starting keep keeps kept")
	// intents before "to" make the tie hypothetical, refusals negated.
	intents  = set("decide decides decided decide plan plans planned seek seeks sought try tries tried vow vows vowed threaten threatens threatened want wants wanted intend intends intended")
	refusals = set("refuse refuses refused decline declines declined")
	// determiners that open a description before a name: "the veteran cleric B".
	determiners = set("the a an his her its their many some most several")
	quantifiers = set("many some most several")
	// placePreps put a place in the role of a modifier: "the communities in A", not A.
	placePreps = set("in at from to across throughout inside within near")
	// placeCoordPreps: a place after one of these is no tie end to coordinate; after "by"
	// (a passive agent) or "with" (a partner) it acts ("viewed by Norland and Ostrava").
	placeCoordPreps = set("of in to for from at on")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Find returns the ties of one document without adding them to the extraction.
func (x *Extractor) Find(in *extract.Input) []faultline.Tie {
	v := view.Of(in)
	core := x.coreFirst(v)
	var out []faultline.Tie
	seen := map[string]bool{}
	emit := func(t faultline.Tie) {
		key := t.Type + "|" + itoa(t.A.Start) + "|" + itoa(t.B.Start) + "|" + itoa(t.Sign)
		if t.A.Start == t.B.Start || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, t)
	}
	sc := x.scratchFor(v)
	bySent := make([][]int, len(v.Sents))
	for mi, m := range v.Mentions {
		if si := v.Toks[m.First].Sent; si < len(v.Sents) && m.Last <= v.Sents[si].Last && (m.Actorish() || m.Placeish()) {
			bySent[si] = append(bySent[si], mi)
		}
	}
	for si, s := range v.Sents {
		ms := bySent[si]
		ev := v.SentenceSpan(si)
		for a := 0; a < len(ms); a++ {
			for b := a + 1; b < len(ms); b++ {
				m1, m2 := ms[a], ms[b]
				if d := v.Mentions[m2].First - v.Mentions[m1].Last; d > 60 {
					break
				} else if d > 16 && gapLen(v, v.Mentions[m1].Last, v.Mentions[m2].First) > 16 {
					continue
				}
				ts := x.matchPair(v, s, m1, m2, core, sc)
				for _, t := range ts {
					if t.Type == "member_of" && has(ts, "leader_of", t.A.Start, t.B.Start) {
						continue // a leader is a member: say the stronger
					}
					t.Evidence = ev
					emit(t)
				}
			}
		}
	}
	x.compounds(v, in, out, emit)
	x.listMembers(v, out, emit)
	x.demonymCompounds(v, emit)
	x.stances(v, emit)
	x.relativeObjects(v, emit)
	x.placeAppositions(v, emit)
	// Ties implied by coded events.
	year := docYear(in)
	for _, e := range in.Out.Events {
		if e.Source == nil || e.Target == nil || e.Source.Start == e.Target.Start {
			continue
		}
		if e.Modality != faultline.Asserted && e.Modality != faultline.Reported {
			continue
		}
		var et lex.EventTie
		found := false
		for c := e.CAMEO; len(c) >= 2; c = c[:len(c)-1] {
			if t, ok := x.fromEvts[c]; ok {
				et, found = t, true
				break
			}
		}
		if !found {
			continue
		}
		if x.nounModifier(v, e.Source.Start, e.Source.End, e.Start) || x.nounModifier(v, e.Target.Start, e.Target.End, e.Start) {
			continue // "the Ostrava bloodshed exposed him to B": a name modifying a noun is no party
		}
		if x.placeLeft(v, e.Target.Start) {
			continue // "refused a withdrawal from B": B is the place left, not an adversary
		}
		t := faultline.Tie{Type: et.Type, Sign: et.Sign, A: *e.Source, B: *e.Target, Modality: e.Modality}
		if e.Evidence != nil {
			t.Evidence = *e.Evidence
		} else {
			t.Evidence = e.Span
		}
		emit(t)
	}
	x.spare.Put(sc) // (not after a panic: a scratch left midway is not reused)
	return x.dropPast(v, year, out)
}

// compounds handles two names joined by a hyphen in one token ("the joint X-Y campaign"),
// of which the view keeps only the first as a mention: the pair ties of the hyphen patterns
// ("X-Y alliance", "X-Y rivalry") between them, and, when the compound names a joint
// undertaking (a noun of an allied_with pair pattern), every tie found for the first name
// holds for the second too ("the joint X-Y campaign against C": both oppose C).
func (x *Extractor) compounds(v *view.View, in *extract.Input, out []faultline.Tie, emit func(faultline.Tie)) {
	var known map[[2]int]bool // the mentions' spans, made when first asked
	for _, e := range in.Out.Entities {
		if e.Start <= 0 || e.End > len(v.Text) || v.Text[e.Start-1] != '-' {
			continue // (only "M-E" goes on: below, M ends right before E's hyphen)
		}
		if known == nil {
			known = map[[2]int]bool{}
			for _, m := range v.Mentions {
				known[[2]int{m.Start, m.End}] = true
			}
		}
		if known[[2]int{e.Start, e.End}] {
			continue
		}
		ti := tokAt(v, e.Start)
		if ti < 0 || v.Toks[ti].Mention < 0 {
			continue
		}
		mi := v.Toks[ti].Mention
		m := v.Mentions[mi]
		hid := view.Mention{Start: e.Start, End: e.End, Type: e.Type, Actor: e.Actor, Text: e.Text}
		if !m.Actorish() || !hid.Actorish() || m.End+1 != e.Start {
			continue // only "M-E" (the hyphen tested above), the second name hidden in M's token
		}
		if v.Toks[ti].End != e.End {
			continue
		}
		next := ""
		if ti+1 < len(v.Toks) && v.Toks[ti+1].Sent == v.Toks[ti].Sent {
			next = v.Toks[ti+1].Lower
		}
		si := v.Toks[ti].Sent
		joint := false
		for _, h := range x.hyphens {
			if h.pair && h.next[next] {
				emit(faultline.Tie{Type: h.typ, Sign: h.sign, A: *m.Ref(), B: *hid.Ref(),
					Modality: faultline.Asserted, Evidence: v.SentenceSpan(si)})
				joint = joint || h.typ == "allied_with"
			}
		}
		if !joint {
			continue
		}
		for _, t := range out {
			switch {
			case t.A.Start == m.Start && t.B.Start != e.Start:
				t.A = *hid.Ref()
			case t.B.Start == m.Start && t.A.Start != e.Start:
				t.B = *hid.Ref()
			default:
				continue
			}
			emit(t)
		}
	}
}

// listOpeners introduce the members of a group named right before them ("the main
// parties, including B and C"; "nationalists - among them B, C and D -").
var listOpeners = [][]string{{"including"}, {"among", "them"}, {"such", "as"}, {"notably"}, {"especially"}, {"particularly"}}

// listMembers finds a group followed by a list of its members: "N, including A and B,"
// or "N - among them A, B and C -" (a dash or a parenthesis may open the list, "the" and
// up to three lower-case modifiers may open an item, "many Valdoran parties"). Each
// member is a member of N (part of it when both are organisations), and every tie found
// for N holds for each member ("N - among them A and B - oppose C": A and B oppose C).
// The list ends at its closing dash or parenthesis, or, opened by a comma, at the first
// stretch that is not a name.
func (x *Extractor) listMembers(v *view.View, out []faultline.Tie, emit func(faultline.Tie)) {
	for ni, n := range v.Mentions {
		if !n.Actorish() || n.Last >= len(v.Toks) || n.Type == faultline.PERSON {
			continue
		}
		s := v.Sents[v.Toks[n.First].Sent]
		if n.Last >= s.Last || n.Placeish() && placeModifier(v, ni, s) || modifierOf(v, n) {
			continue
		}
		i := n.Last
		opener := v.Toks[i].Lower
		if opener != "," && opener != "(" && !isDash(opener) {
			continue
		}
		i++
		k := matchAlts(v, listOpeners, i, s.Last)
		if k == 0 {
			continue
		}
		i += k
		end := s.Last // the closing dash or parenthesis, if any
		if opener != "," {
			end = -1
			for j := i; j < s.Last; j++ {
				if w := v.Toks[j].Lower; isDash(opener) && isDash(w) || opener == "(" && w == ")" {
					end = j
					break
				}
			}
			if end < 0 {
				continue
			}
		}
		var items []int
		for i < end {
			// One item: modifiers and a name, then a separator.
			j, mods := i, 0
			for j < end && (determiners[v.Toks[j].Lower] || focus[v.Toks[j].Lower]) {
				j++
			}
			for j < end && v.Toks[j].Mention < 0 && mods < 3 && isModifierWord(v, j) {
				j++
				mods++
			}
			for t := matchAlts(v, x.titles, j, end); t > 0 && v.Toks[j].Mention < 0; t = matchAlts(v, x.titles, j, end) {
				j += t // "including Vice President B"
			}
			item := -1
			if j < end && v.Toks[j].Mention >= 0 {
				m := v.Mentions[v.Toks[j].Mention]
				if m.First == j && m.Last <= end && m.Actorish() && !modifierOf(v, m) && !compoundModifier(v, m) {
					item = v.Toks[j].Mention
					j = m.Last
				}
			}
			atSep := j >= end || v.Toks[j].Lower == "," || v.Toks[j].Lower == "and" || v.Toks[j].Lower == "or"
			if item >= 0 && atSep {
				items = append(items, item)
			} else if opener == "," {
				break // a comma list ends at the first stretch that is no name
			}
			// Skip to the next separator; a nested opener ("blocs, including B") is one too.
			for j < end && v.Toks[j].Lower != "," && v.Toks[j].Lower != "and" && v.Toks[j].Lower != "or" {
				j++
			}
			for j < end && (v.Toks[j].Lower == "," || v.Toks[j].Lower == "and" || v.Toks[j].Lower == "or") {
				j++
			}
			j += matchAlts(v, listOpeners, j, end)
			if j <= i {
				j = i + 1
			}
			i = j
		}
		if len(items) == 0 {
			continue
		}
		last := v.Mentions[items[len(items)-1]].Last
		ev := v.SentenceSpan(v.Toks[n.First].Sent)
		for _, it := range items {
			m := v.Mentions[it]
			typ := "member_of"
			if m.Type == faultline.ORG && n.Type == faultline.ORG {
				typ = "part_of"
			}
			emit(faultline.Tie{Type: typ, Sign: 1, A: *m.Ref(), B: *n.Ref(), Modality: faultline.Asserted, Evidence: ev})
		}
		// N's ties with ends outside the list hold for the members.
		inList := func(r faultline.Ref) bool { return r.Start >= n.Start && r.Start < v.Toks[last-1].End }
		for _, t := range out {
			switch {
			case t.A.Start == n.Start && t.A.End == n.End && !inList(t.B):
				for _, it := range items {
					t2 := t
					t2.A = *v.Mentions[it].Ref()
					emit(t2)
				}
			case t.B.Start == n.Start && t.B.End == n.End && !inList(t.A) && t.Type != "leader_of" && t.Type != "member_of" && t.Type != "part_of":
				for _, it := range items {
					t2 := t
					t2.B = *v.Mentions[it].Ref()
					emit(t2)
				}
			}
		}
	}
}

// isModifierWord reports whether token i may modify a list item's name: a lower-case word
// that is no preposition, conjunction, negator or verb form we know ("many", "key",
// "secular"); with tags, an adjective, noun or numeral.
func isModifierWord(v *view.View, i int) bool {
	t := &v.Toks[i]
	w := v.Text[t.Start:t.End]
	if w == "" || w[0] < 'a' || w[0] > 'z' || prepositions[t.Lower] || placePreps[t.Lower] || negators[t.Lower] ||
		modals[t.Lower] || copulas[t.Lower] || t.Lower == "and" || t.Lower == "or" || t.Lower == "despite" {
		return false
	}
	if v.HasPOS {
		return t.UPOS == "ADJ" || t.UPOS == "NOUN" || t.UPOS == "NUM" || t.UPOS == "DET"
	}
	return true
}

// demonyms maps a lower-case nationality adjective to its country's ISO code, loaded once.
var demonyms = sync.OnceValue(gazetteer.Demonyms)

// demonymCompounds finds "<Demonym>-backed B" where the nationality adjective sits inside
// its hyphenated token and so is no mention of its own ("Peruvian-backed militias"): the
// adjective takes the A end of the hyphen pattern of its second half (backed, funded,
// trained, installed...), as a mention would. The reference spans the adjective alone and
// carries no actor: resolution maps a bare demonym to its state through the dictionary.
// B is the mention right after the token (an opening quotation mark may come between),
// not itself the modifier of a noun ("Peruvian-backed Bolivian units": the units are
// backed).
func (x *Extractor) demonymCompounds(v *view.View, emit func(faultline.Tie)) {
	dem := demonyms()
	for ti := range v.Toks {
		tok := &v.Toks[ti]
		if tok.Mention >= 0 || tok.End-tok.Start < 6 {
			continue
		}
		w := v.Text[tok.Start:tok.End]
		cut, size := -1, 0
		for i, r := range w {
			if r == '-' || r == '‐' || r == '‑' || r == '–' {
				cut, size = i, len(string(r))
				break
			}
		}
		if cut <= 0 || w[0] < 'A' || w[0] > 'Z' || fold.Get(dem, w[:cut]) == "" {
			continue
		}
		suffix := strings.ToLower(w[cut+size:])
		var h *hyphen
		for i := range x.hyphens {
			if x.hyphens[i].word == suffix && x.hyphens[i].word != "" {
				h = &x.hyphens[i]
				break
			}
		}
		if h == nil {
			continue
		}
		j := ti + 1
		for j < len(v.Toks) && v.Toks[j].Sent == tok.Sent && isQuote(v.Toks[j].Lower) {
			j++
		}
		if j >= len(v.Toks) || v.Toks[j].Sent != tok.Sent || v.Toks[j].Mention < 0 {
			continue
		}
		m := v.Mentions[v.Toks[j].Mention]
		if m.First != j || !m.Actorish() || modifierOf(v, m) {
			continue
		}
		d := faultline.Ref{Span: faultline.Span{Start: tok.Start, End: tok.Start + cut, Text: w[:cut]}}
		a, b := d, *m.Ref()
		if h.first == "B" {
			a, b = b, a
		}
		emit(faultline.Tie{Type: h.typ, Sign: h.sign, A: a, B: b, Modality: faultline.Asserted,
			Evidence: v.SentenceSpan(tok.Sent)})
	}
}

var (
	// copulas link a subject to a stance predicate ("B is anti-Valdoran").
	copulas = set("is are was were be been being remain remains remained seem seems seemed become becomes became stay stays stayed")
	// degree words may stand between the copula and the stance ("fiercely", "very").
	degree = set("very so more most too increasingly fiercely stridently staunchly deeply firmly strongly openly vehemently avowedly decidedly still also always")
	dashes = set("- – — --")
	// focus words may open an apposition before its name ("- even most B -").
	focus = set("even especially notably particularly including mainly chiefly")
	// stanceEnds may follow a stance predicate: punctuation, a conjunction or a preposition
	// opening an adjunct; any other word makes the stance a modifier ("anti-Valdoran rhetoric").
	stanceEnds = set(". , ; : ! ? - – — -- ) and or but until since in on at after before because as when while than")
)

// isDash reports dashes[w] without a map lookup.
func isDash(w string) bool {
	switch w {
	case "-", "–", "—", "--":
		return true
	}
	return false
}

// stances finds stance predicates with a hyphenated prefix: "B is anti-Valdoran" (B opposes
// Valdora), "B remains staunchly pro-Norland" (B supports Norland). The prefixed word must
// name a state (a nationality adjective or a country of the gazetteer) or hold a mention,
// and follow a copula; the subject is the mention right before the copula or, when a
// dash-enclosed apposition comes between ("the largest militia - the Lion Brigades of
// Omar Rahimi - is anti-Valdoran"), the first name inside it and the actor before it (not
// a place reached by a preposition). "not" makes the tie negated (a pro- stance then has
// sign -1), a modal hypothetical; a stance modifying a noun ("anti-Valdoran rhetoric") is
// no predicate.
func (x *Extractor) stances(v *view.View, emit func(faultline.Tie)) {
	dem, pl := demonyms(), places()
	for ti := range v.Toks {
		tok := &v.Toks[ti]
		// The stance word: one token "anti-X", or "anti" "-" "X" without spaces.
		end := ti
		if (tok.Lower == "anti" || tok.Lower == "pro") && ti+2 < len(v.Toks) && v.Toks[ti+1].Lower == "-" &&
			v.Toks[ti+1].Start == tok.End && v.Toks[ti+2].Start == v.Toks[ti+1].End && v.Toks[ti+2].Sent == tok.Sent {
			end = ti + 2
		}
		w := v.Text[tok.Start:v.Toks[end].End]
		if !mayStance(w) {
			continue
		}
		lw := strings.ToLower(w)
		var typ string
		var sign, cut int
		switch {
		case strings.HasPrefix(lw, "anti-") && len(lw) > 6:
			typ, sign, cut = "opposes", -1, 5
		case strings.HasPrefix(lw, "pro-") && len(lw) > 5:
			typ, sign, cut = "supports", 1, 4
		default:
			continue
		}
		s := v.Sents[tok.Sent]
		rest := w[cut:]
		obj := faultline.Ref{Span: faultline.Span{Start: tok.Start + cut, End: v.Toks[end].End, Text: rest}}
		if mi := v.Toks[end].Mention; mi >= 0 {
			m := v.Mentions[mi]
			if m.Start < tok.Start+cut || m.End > v.Toks[end].End || !m.Actorish() {
				continue
			}
			obj = *m.Ref()
		} else if r := strings.ToLower(rest); rest[0] < 'A' || rest[0] > 'Z' || dem[r] == "" && !isCountry(pl, r) {
			continue
		}
		if n := end + 1; n < s.Last && !stanceEnds[v.Toks[n].Lower] {
			continue // "anti-Valdoran rhetoric": a modifier, not a predicate
		}
		// Back to the copula over degree words and negators.
		neg, modal := false, false
		j := ti - 1
		for j >= s.First && (degree[v.Toks[j].Lower] || negators[v.Toks[j].Lower] || strings.HasSuffix(v.Toks[j].Lower, "ly") && len(v.Toks[j].Lower) > 4) {
			neg = neg || negators[v.Toks[j].Lower]
			j--
		}
		if j < s.First || !copulas[v.Toks[j].Lower] {
			continue
		}
		for j >= s.First && (copulas[v.Toks[j].Lower] || negators[v.Toks[j].Lower] || modals[v.Toks[j].Lower] ||
			v.Toks[j].Lower == "has" || v.Toks[j].Lower == "have" || v.Toks[j].Lower == "had" || degree[v.Toks[j].Lower]) {
			neg = neg || negators[v.Toks[j].Lower]
			modal = modal || modals[v.Toks[j].Lower]
			j--
		}
		if j < s.First {
			continue
		}
		var subs []int
		if isDash(v.Toks[j].Lower) {
			// An apposition between dashes: its first name and the actor before it.
			open := -1
			for k := j - 1; k > s.First; k-- {
				if isDash(v.Toks[k].Lower) {
					open = k
					break
				}
			}
			if open < 0 {
				continue
			}
			k := open + 1
			for k < j && (determiners[v.Toks[k].Lower] || focus[v.Toks[k].Lower]) {
				k++
			}
			if mi := v.Toks[k].Mention; mi >= 0 && v.Mentions[mi].First == k {
				subs = append(subs, mi)
			}
			if mi := v.Toks[open-1].Mention; mi >= 0 && !placeModifier(v, mi, s) {
				subs = append(subs, mi)
			}
		} else if mi := v.Toks[j].Mention; mi >= 0 && v.Mentions[mi].Last == j+1 {
			subs = append(subs, mi)
		}
		if v.Word(s.First, "if") {
			modal = true
		}
		mod := faultline.Asserted
		sg := sign
		switch {
		case neg:
			mod = faultline.Negated
			sg = -1
		case modal:
			mod = faultline.Hypothetical
		}
		for _, mi := range subs {
			m := v.Mentions[mi]
			if !m.Actorish() || m.Placeish() && placeModifier(v, mi, s) || m.Start == obj.Start {
				continue
			}
			emit(faultline.Tie{Type: typ, Sign: sg, A: *m.Ref(), B: obj, Modality: mod, Evidence: v.SentenceSpan(tok.Sent)})
		}
	}
}

// antecedentWords may open the noun that takes up a name before a relative clause: "B -
// precisely the forces that A saw as its foes".
var antecedentWords = set("precisely exactly just namely very same the those these")

// relativeObjects finds "B - (precisely) the forces that A saw as its deadliest foes": the
// noun after a dash or comma takes up B (with the names coordinated before it), and the
// relative clause says how A sees it (SEEVERB ... as its RIVAL or ALLY): A opposes B, or
// is allied with it. The subject is the name right before the verb ("that A, too, saw").
func (x *Extractor) relativeObjects(v *view.View, emit func(faultline.Tie)) {
	for i := range v.Toks {
		tok := &v.Toks[i]
		if i+2 >= len(v.Toks) || v.Toks[i+1].Lower != "as" || !x.seeVerbs[tok.Lower] {
			continue
		}
		s := v.Sents[tok.Sent]
		typ, sign := "", 0
		for k := i + 2; k < s.Last && k <= i+5; k++ {
			w := v.Toks[k].Lower
			if x.rivals[w] {
				typ, sign = "opposes", -1
			} else if x.allies[w] {
				typ, sign = "allied_with", 1
			}
			if typ != "" || v.Toks[k].Mention >= 0 {
				break
			}
		}
		if typ == "" {
			continue
		}
		// The subject, over ", too," and adverbs.
		j := i - 1
		for j > s.First && (v.Toks[j].Lower == "," || v.Toks[j].Lower == "too" || v.Toks[j].Lower == "also" ||
			v.Toks[j].Lower == "long" || strings.HasSuffix(v.Toks[j].Lower, "ly") && len(v.Toks[j].Lower) > 4) {
			j--
		}
		ai := v.Toks[j].Mention
		if ai < 0 || v.Mentions[ai].Last != j+1 || !v.Mentions[ai].Actorish() {
			continue
		}
		// "that|which" and the noun taking up B, after a dash or comma.
		k := v.Mentions[ai].First - 1
		if k <= s.First || !relatives[v.Toks[k].Lower] {
			continue
		}
		k--
		if k <= s.First || !isModifierWord(v, k) || antecedentWords[v.Toks[k].Lower] {
			continue // the noun ("forces")
		}
		k--
		for k > s.First && antecedentWords[v.Toks[k].Lower] {
			k--
		}
		if w := v.Toks[k].Lower; w != "," && !isDash(w) {
			continue
		}
		bi := v.Toks[k-1].Mention
		if k-1 < s.First || bi < 0 || v.Mentions[bi].Last != k || !v.Mentions[bi].Actorish() {
			continue
		}
		a := v.Mentions[ai]
		for _, b := range coordLeft(v, bi, s) {
			if b == ai {
				continue
			}
			emit(faultline.Tie{Type: typ, Sign: sign, A: *a.Ref(), B: *v.Mentions[b].Ref(), Modality: faultline.Asserted,
				Evidence: v.SentenceSpan(tok.Sent)})
		}
	}
}

// isQuote reports whether a token is a quotation mark.
func isQuote(w string) bool {
	switch w {
	case "\"", "“", "”", "‘", "’", "'", "``", "''":
		return true
	}
	return false
}

// places is the gazetteer of place names (built once, shared).
var places = gazetteer.PlaceIndex

// placeAppositions finds "city, country" and "city, province" ("Velika, Norland"): two
// place names separated by a comma alone, the first a city or province and the second a
// country or province of the same country in the gazetteer. The first is located in the
// second.
func (x *Extractor) placeAppositions(v *view.View, emit func(faultline.Tie)) {
	pl := places()
	for mi := 0; mi+1 < len(v.Mentions); mi++ {
		a, b := v.Mentions[mi], v.Mentions[mi+1]
		if !a.Placeish() || !b.Placeish() || b.First != a.Last+1 || v.Toks[a.Last].Lower != "," ||
			v.Toks[a.First].Sent != v.Toks[b.First].Sent {
			continue
		}
		pa, ok1 := pl.Lookup(strings.ToLower(a.Text))
		pb, ok2 := pl.Lookup(strings.ToLower(b.Text))
		if !ok1 || !ok2 || pa.ISO != pb.ISO || pa.Kind == "country" || pb.Kind == "city" || pa.Kind == pb.Kind {
			continue
		}
		if inList(v, a.First-1, -1) || inList(v, b.Last, 1) {
			continue // "A, B and C": a list, not an apposition
		}
		if b.Last < len(v.Toks) && wordIs(v, b.Last, "'s") {
			continue // "Velika, Norland's second city": the country possesses a noun
		}
		emit(faultline.Tie{Type: "located_in", Sign: 0, A: *a.Ref(), B: *b.Ref(), Modality: faultline.Asserted,
			Evidence: v.SentenceSpan(v.Toks[a.First].Sent)})
	}
}

// inList reports whether the token at i, read in direction step, joins a list: a comma,
// "and" or "or" with a name beyond it.
func inList(v *view.View, i, step int) bool {
	if i < 0 || i >= len(v.Toks) {
		return false
	}
	w := v.Toks[i].Lower
	if w != "," && w != "and" && w != "or" {
		return false
	}
	if step > 0 && w == "," && i+1 < len(v.Toks) && (v.Toks[i+1].Lower == "and" || v.Toks[i+1].Lower == "or") {
		return false // "Velika, Norland, and ...": the comma closes the apposition
	}
	for j, n := i+step, 0; j >= 0 && j < len(v.Toks) && n < 3; j, n = j+step, n+1 {
		if v.Toks[j].Mention >= 0 {
			return true
		}
		if w := v.Toks[j].Lower; w != "the" && w != "and" && w != "or" {
			return false
		}
	}
	return false
}

// has reports whether ts holds a tie of type typ from the mention at a to the one at b.
func has(ts []faultline.Tie, typ string, a, b int) bool {
	for _, t := range ts {
		if t.Type == typ && t.A.Start == a && t.B.Start == b {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// coreFirst returns, per mention, the first token after any title words that open it
// ("Prime Minister Nouri al-Maliki" -> "Nouri").
func (x *Extractor) coreFirst(v *view.View) []int {
	core := make([]int, len(v.Mentions))
	for mi, m := range v.Mentions {
		core[mi] = m.First
		if m.Type != faultline.PERSON {
			continue
		}
		for {
			n := matchAlts(v, x.titles, core[mi], m.Last-1)
			if n == 0 {
				break
			}
			core[mi] += n
		}
	}
	return core
}

// matchAlts returns the length of the longest alternative matching tokens from i (not past
// limit, exclusive), or 0.
func matchAlts(v *view.View, alts [][]string, i, limit int) int {
	best := 0
	for _, alt := range alts {
		if i+len(alt) > limit || len(alt) <= best {
			continue
		}
		ok := true
		for k, w := range alt {
			if !wordIs(v, i+k, w) {
				ok = false
				break
			}
		}
		if ok {
			best = len(alt)
		}
	}
	return best
}

// wordIs reports whether pattern word w matches token i: w is one of wordsOf(token i).
func wordIs(v *view.View, i int, w string) bool {
	t := &v.Toks[i]
	if t.Lower == w || (t.Lemma != "" && t.Lemma == w) {
		return true
	}
	if w == "'s" {
		return t.Lower == "'" || t.Lower == "’s" || t.Lower == "’"
	}
	return false
}

// wordsOf calls f with each word that wordIs finds at token t: its lower-case form, its
// lemma, and "'s" for an apostrophe or "’s". The pattern indexes by word (byStart, endPats)
// are looked up with these words, so that they find every pattern fits may match.
func wordsOf(t *view.Tok, f func(w string)) {
	f(t.Lower)
	if t.Lemma != "" {
		f(t.Lemma)
	}
	if t.Lower == "'" || t.Lower == "’s" || t.Lower == "’" {
		f("'s")
	}
}

// Word classes of a token that significant asks for, found once per token and document
// (wordClass).
const (
	wcKnown       uint16 = 1 << iota // the other bits are set
	wcCommaDash                      // "," or a dash: may open a listAside
	wcAspectual                      // aspectual
	wcIntent                         // intents
	wcRefusal                        // refusals
	wcNegator                        // negators
	wcModal                          // modals
	wcFiller                         // fillers
	wcRelative                       // relatives
	wcPreposition                    // prepositions
	wcAdverbLy                       // an -ly word (over four letters) no pattern spells out, not kept
	wcAdverbTag                      // tagged ADV, no pattern spells it out, not kept
)

// wordClass returns the word classes of token i (sc.wc memoises them).
func (x *Extractor) wordClass(v *view.View, sc *scratch, i int) uint16 {
	if c := sc.wc[i]; c&wcKnown != 0 {
		return c
	}
	w := v.Toks[i].Lower
	b := x.words[w]
	c := wcKnown | b&^(wbKept|wbTitle)
	if unkept := b&wbKept == 0; unkept {
		if strings.HasSuffix(w, "ly") && len(w) > 4 {
			c |= wcAdverbLy
		}
		if v.HasPOS && v.Toks[i].UPOS == "ADV" {
			c |= wcAdverbTag
		}
	}
	sc.wc[i] = c
	return c
}

// significant returns the tokens in [lo, hi) minus fillers, and whether a negator or a
// modal was dropped.
func (x *Extractor) significant(v *view.View, sc *scratch, lo, hi int) (toks []int, neg, modal bool) {
	start := len(sc.arena)
	for i := lo; i < hi; i++ {
		w := v.Toks[i].Lower
		c := x.wordClass(v, sc, i)
		if w == "(" {
			if j := closeParen(v, i, hi); j > 0 {
				i = j // a balanced aside: "B (formerly C) and its armed wing"
				continue
			}
		}
		if c&wcCommaDash != 0 {
			if j := listAside(v, i, hi); j > 0 {
				i = j // "N - among them A and B - oppose C": the list of N's members
				continue
			}
		}
		if c&wcAspectual != 0 && i+1 < hi {
			if n := v.Toks[i+1].Lower; n == "to" {
				i++
				continue
			} else if strings.HasSuffix(n, "ing") && len(n) > 4 {
				continue
			}
		}
		if c&(wcIntent|wcRefusal) != 0 && i+1 < hi && v.Toks[i+1].Lower == "to" {
			// "decided to confront B" states an intent (hypothetical), "refused to back B"
			// a negation.
			modal = modal || c&wcIntent != 0
			neg = neg || c&wcRefusal != 0
			i++
			continue
		}
		switch {
		case c&wcNegator != 0:
			neg = true
		case c&wcModal != 0:
			modal = true
		case c&wcFiller != 0 && !(c&wcRelative != 0 && i > lo && x.wordClass(v, sc, i-1)&wcPreposition != 0):
			// ("of which", "to whom" stay: "the province of which A is the capital")
		case c&wcAdverbLy != 0:
		case c&wcAdverbTag != 0:
			// (a word a pattern spells out stays, whatever its tag: "ally", "against")
		default:
			sc.arena = append(sc.arena, i)
		}
	}
	if end := len(sc.arena); end > start {
		toks = sc.arena[start:end:end] // full: an append copies
	}
	return toks, neg, modal
}

// relAside open a non-restrictive relative clause after a comma.
var relAside = set("who which whose whom")

// listAside returns the index of the dash or comma closing a list of members opened at i
// ("- among them A and B -", ", including A,") or a relative clause (", who fought C,"),
// before hi, or -1.
func listAside(v *view.View, i, hi int) int {
	w := v.Toks[i].Lower
	if w != "," && !isDash(w) {
		return -1
	}
	k := matchAlts(v, listOpeners, i+1, hi)
	if k == 0 && w == "," && i+1 < hi && relAside[v.Toks[i+1].Lower] {
		k = 1 // ", who fought C in the war, despise B": a relative clause
	}
	if k == 0 && isDash(w) {
		k = 1 // "A - up from 41 per cent last year - approve of B": any aside between dashes
	}
	if k == 0 {
		return -1
	}
	for j := i + 1 + k; j < hi; j++ {
		if u := v.Toks[j].Lower; w == "," && u == "," || isDash(w) && isDash(u) {
			return j
		}
	}
	return -1
}

// closeParen returns the index of the ")" closing the "(" at i, before hi and not nested,
// or -1.
func closeParen(v *view.View, i, hi int) int {
	for j := i + 1; j < hi; j++ {
		switch v.Toks[j].Lower {
		case ")":
			return j
		case "(":
			return -1
		}
	}
	return -1
}

// gapLen counts the tokens in [lo, hi) outside balanced parenthetical asides and lists of
// members (listAside).
func gapLen(v *view.View, lo, hi int) int {
	n := 0
	for i := lo; i < hi; i++ {
		if v.Toks[i].Lower == "(" {
			if j := closeParen(v, i, hi); j > 0 {
				i = j
				continue
			}
		}
		if j := listAside(v, i, hi); j > 0 {
			i = j
			continue
		}
		n++
	}
	return n
}

// descriptionStart returns the index of the determiner opening a short lower-case
// description right before token end ("to the veteran cleric B": the index of "the"), or -1.
// The description words may be adjectives or nouns, never a preposition, verb or
// conjunction.
func descriptionStart(v *view.View, lo, end int) int {
	k := 0
	for j := end - 1; j >= lo && k <= 3; j-- {
		t := &v.Toks[j]
		w := t.Lower
		if determiners[w] || prepositions[w] && k > 0 && w != "of" && j > lo {
			if k == 0 && !quantifiers[w] {
				return -1 // ("by most B": a quantifier alone is a description too)
			}
			return j // (a preposition: "worked with local B", the preposition stays)
		}
		txt := v.Text[t.Start:t.End]
		if t.Mention >= 0 && (compoundModifier(v, v.Mentions[t.Mention]) || v.Mentions[t.Mention].Type == faultline.NORP) {
			j = v.Mentions[t.Mention].First // "the Badr-linked B": the name is part of a modifier
			k++
			continue
		}
		if strings.HasPrefix(txt, "-") {
			continue // the rest of a hyphenated modifier
		}
		if txt != "" && txt[0] >= '0' && txt[0] <= '9' && strings.Contains(txt, "-") {
			k++ // "the 100,000-strong B"
			continue
		}
		if txt == "" || txt[0] < 'a' || txt[0] > 'z' || prepositions[w] || w == "and" || w == "or" ||
			negators[w] || modals[w] || fillers[w] || t.Mention >= 0 {
			return -1
		}
		if v.HasPOS && t.UPOS != "ADJ" && t.UPOS != "NOUN" && !(j > 0 && strings.HasSuffix(v.Text[v.Toks[j-1].Start:v.Toks[j-1].End], "-")) {
			return -1
		}
		k++
	}
	return -1
}

// typeOf returns the entity type of mention mi for the slot constraints: a name opened by an
// honorific ("General Sir ...", "Dr ...") is a person, one ending in an organisation's head
// noun ("... Institute") an organisation, whatever the recogniser said.
func (x *Extractor) typeOf(v *view.View, mi int) string {
	m := v.Mentions[mi]
	if m.Type != faultline.PERSON && m.Last-m.First >= 2 && x.honorific[strings.TrimSuffix(v.Toks[m.First].Lower, ".")] {
		return faultline.PERSON
	}
	if m.Placeish() && m.Last-m.First >= 2 && x.orgHeads[v.Toks[m.Last-1].Lower] {
		return faultline.ORG // "the Middle East Institute" is no place
	}
	return m.Type
}

// titlesBefore returns the first of the title words (honorifics, ranks) right before token
// end and after lo ("General Sir" before a name), or end.
func (x *Extractor) titlesBefore(v *view.View, lo, end int) int {
	k := end
	for k-1 > lo {
		if x.words[v.Toks[k-1].Lower]&wbTitle == 0 { // honorific, leadTitle, memberTitle
			break
		}
		k--
	}
	return k
}

// stateBody reports whether a word of mention mi names an institution of a state (army,
// ministry, guard, bank: STATEBODY).
func (x *Extractor) stateBody(v *view.View, mi int) bool {
	m := v.Mentions[mi]
	for i := m.First; i < m.Last; i++ {
		if x.stateBodies[v.Toks[i].Lower] {
			return true
		}
	}
	return false
}

// titlePiece reports whether mention mi is a single word that opens a multi-word title
// followed by the rest of it ("Supreme" before "Leader").
func (x *Extractor) titlePiece(v *view.View, mi int) bool {
	m := v.Mentions[mi]
	return m.Last-m.First == 1 && x.titleHeads[v.Toks[m.First].Lower] && m.Last < len(v.Toks) &&
		(x.leadTitle[v.Toks[m.Last].Lower] || x.vocab[v.Toks[m.Last].Lower])
}

// unitLeader reports whether a leadership title among the words between or before the
// mentions follows a unit noun ("police chief", "division commander"): its holder leads a
// unit of the organisation or place named, not the whole.
func (x *Extractor) unitLeader(v *view.View, mids [][]int, left []int) bool {
	check := func(toks []int, step int) bool {
		for k := 0; k+1 < len(toks); k++ {
			u, t := toks[k], toks[k+1]
			if step < 0 {
				u, t = t, u
			}
			if x.unitNouns[v.Toks[u].Lower] && x.leadTitle[v.Toks[t].Lower] && t == u+1 {
				return true
			}
		}
		return false
	}
	for _, md := range mids {
		if check(md, 1) {
			return true
		}
	}
	return check(left, -1)
}

// class groups entity types that one actor may carry.
func class(t string) string {
	switch t {
	case faultline.ORG, faultline.NORP:
		return "group"
	case faultline.GPE, faultline.LOC, faultline.FAC:
		return "place"
	}
	return t
}

// compoundModifier reports whether mention m opens a hyphenated modifier ("X-linked",
// "X-based"): the mention then qualifies the noun after it and is not a tie end itself.
func compoundModifier(v *view.View, m view.Mention) bool {
	e := m.End
	return e+1 < len(v.Text) && v.Text[e] == '-' && v.Text[e+1] >= 'a' && v.Text[e+1] <= 'z'
}

// possessorStart returns the first token of a possessive name right before token end ("X 's
// B": the index of X's first token), or -1.
func possessorStart(v *view.View, lo, end int) int {
	if end-2 < lo || !wordIs(v, end-1, "'s") && v.Toks[end-1].Lower != "'s" {
		return -1
	}
	if mi := v.Toks[end-2].Mention; mi >= 0 && v.Mentions[mi].First >= lo {
		return v.Mentions[mi].First
	}
	return -1
}

// placeModifier reports whether mention mi, with the mentions coordinated before it, is a
// place reached by a preposition ("the communities in A and B"): a modifier, not an actor.
func placeModifier(v *view.View, mi int, s view.Sent) bool {
	if !v.Mentions[mi].Placeish() {
		return false
	}
	j := v.Mentions[mi].First - 1
	for j >= s.First {
		w := v.Toks[j].Lower
		switch {
		case w == "the" || w == "and" || w == "," || w == "or":
			j--
		case v.Toks[j].Mention >= 0 && v.Mentions[v.Toks[j].Mention].Placeish():
			j = v.Mentions[v.Toks[j].Mention].First - 1
		default:
			return placePreps[w]
		}
	}
	return false
}

// fits reports what lengths(v, es, toks, reverse) tells without building it: with exact,
// whether it holds len(toks) (the elements cover all of toks); else whether it is not
// empty (they cover a prefix).
func fits(v *view.View, es []elem, toks []int, reverse, exact bool) bool {
	if len(es) == 0 {
		return !exact || len(toks) == 0
	}
	e, rest := es[0], es[1:]
	if reverse {
		e, rest = es[len(es)-1], es[:len(es)-1]
	}
	if len(e) == 1 && len(e[0]) == 1 && e[0][0] == "..." {
		for k := 1; k <= 3 && k <= len(toks); k++ {
			if w := v.Toks[toks[k-1]].Lower; w == "by" || w == "," || isDash(w) || w == ";" || w == ":" || w == "(" || w == ")" {
				break // a gap never spans a passive agent or a clause break
			}
			if fits(v, rest, toks[k:], reverse, exact) {
				return true
			}
		}
		return false
	}
	for _, alt := range e {
		if len(alt) > len(toks) {
			continue
		}
		ok := true
		for k := range alt {
			w := alt[k]
			if reverse {
				w = alt[len(alt)-1-k]
			}
			if !wordIs(v, toks[k], w) {
				ok = false
				break
			}
		}
		if ok && fits(v, rest, toks[len(alt):], reverse, exact) {
			return true
		}
	}
	return false
}

// scratch is what matchPair reuses from one pair of a document to the next.
type scratch struct {
	cands []int    // the candidates' indices
	sig1  []int8   // per token: significant alone (1), not (2), not yet known (0)
	wc    []uint16 // per token: wordClass, once known
	smask []uint8  // per pattern: which of a pair's mids it may start (matchPair)
	cbits []uint64 // per pattern, one bit: marked a candidate (matchPair; zero between pairs)
	// ends holds, per token i, the patterns whose middle may end with it (endsOK) at
	// ends[i*w:(i+1)*w] for w = len(cbits), once endKnown[i]; made when first asked, empty
	// until then.
	ends     []uint64
	endKnown []bool
	// sides holds, per mention, what leftOf and rightOf found; made when first asked, empty
	// until then.
	sides []side
	need  []uint8 // per token: needsOf | 0x80, once known
	// arena holds the token lists significant returns, from the start of a pair's
	// matchPair to the next.
	arena []int
	mids  [][]int
}

// scratchFor returns a scratch for view v: one a finished document left (x.spare), its
// buffers cleared, or a new one. The per-token and per-mention buffers of a document were
// ~50 KB of allocation a GMB news document.
func (x *Extractor) scratchFor(v *view.View) *scratch {
	sc, _ := x.spare.Get().(*scratch)
	if sc == nil {
		// (smask and cbits are zero between pairs: matchPair clears what it sets.)
		sc = &scratch{smask: make([]uint8, len(x.pats)), cbits: make([]uint64, len(x.anyBits))}
	}
	n := len(v.Toks)
	sc.need, sc.sig1, sc.wc = zeroed(sc.need, n), zeroed(sc.sig1, n), zeroed(sc.wc, n)
	sc.ends, sc.endKnown, sc.sides = sc.ends[:0], sc.endKnown[:0], sc.sides[:0]
	return sc
}

// zeroed returns s with length n and every element zero, reusing its array when it is
// large enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// sigAlone reports whether token i is significant on its own: len(x.significant(v, i,
// i+1)) > 0, which depends on the token only (no aside or "to" fits in one token).
func (x *Extractor) sigAlone(v *view.View, sc *scratch, i int) bool {
	if sc.sig1[i] == 0 {
		sc.sig1[i] = 2
		if t, _, _ := x.significant(v, sc, i, i+1); len(t) > 0 {
			sc.sig1[i] = 1
		}
	}
	return sc.sig1[i] == 1
}

// matchPair returns the ties that the patterns find between mentions m1 and m2 (m1 first).
func (x *Extractor) matchPair(v *view.View, s view.Sent, m1, m2 int, core []int, sc *scratch) []faultline.Tie {
	var out []faultline.Tie
	M1, M2 := v.Mentions[m1], v.Mentions[m2]
	sc.arena = sc.arena[:0]
	mid, neg, modal := x.significant(v, sc, M1.Last, core[m2])
	// Title words opening m2 are text between the mentions.
	if hyp := v.Word(s.First, "if"); hyp || questionOrModalBefore(v, s, M1.First) {
		modal = true
	}
	// The words between the mentions, with the title words that open m2 ("B leader A") and
	// without them (", General A").
	mids := append(sc.mids[:0], mid)
	defer func() { sc.mids = mids[:0] }()
	if core[m2] != M2.First {
		plain, _, _ := x.significant(v, sc, M1.Last, M2.First)
		mids = append(mids, plain)
	}
	// A description between a determiner and m2 ("to the veteran cleric B") is an
	// apposition: the words before it alone may state the tie.
	if d := descriptionStart(v, M1.Last, M2.First); d > M1.Last {
		end := d + 1 // "and its armed wing": the possessive stays
		if quantifiers[v.Toks[d].Lower] {
			end = d // "the support of many former X": the quantifier goes
		}
		short, _, _ := x.significant(v, sc, M1.Last, end)
		mids = append(mids, short)
	}
	// So is a place's apposed country ("between Velika, Norland, and Ostrava"): skip it.
	if M1.Placeish() && M1.Last+2 < core[m2] && v.Toks[M1.Last].Lower == "," {
		if pm := v.Toks[M1.Last+1].Mention; pm >= 0 && v.Mentions[pm].Placeish() {
			if e := v.Mentions[pm].Last; e < core[m2] && v.Toks[e].Lower == "," {
				short, _, _ := x.significant(v, sc, e+1, core[m2])
				mids = append(mids, short)
			}
		}
	}
	// So are titles before a name ("the commander of B, General Sir A").
	if k := x.titlesBefore(v, M1.Last, M2.First); k < M2.First && k > M1.Last {
		short, _, _ := x.significant(v, sc, M1.Last, k)
		mids = append(mids, short)
	}
	// So is a possessor: "ties between A and X's B".
	if d := possessorStart(v, M1.Last, M2.First); d > M1.Last {
		short, _, _ := x.significant(v, sc, M1.Last, d)
		mids = append(mids, short)
	}
	// smask[pi] bit j: mids[j] (or mids[j] after a leading comma) starts with a word of
	// pattern pi's starts, from the byStart lists of its first words; set below for the
	// candidates, cleared after them (there are at most six mids: one bit each).
	midOK := func(pi, j int, p *pattern, mid []int) bool {
		if len(mid) > p.maxMid+1 || len(mid) < p.minMid {
			return false // (+1: an apposition comma the pattern does not spell out)
		}
		if p.needs != nil && !x.holdsNeeds(v, sc, p, mid) {
			return false
		}
		if p.starts != nil && len(mid) > 0 && sc.smask[pi]&(1<<j) == 0 {
			return false
		}
		if len(mid) > 0 && !x.endsOK(v, sc, pi, mid[len(mid)-1]) {
			return false // (nor does mid[1:], which ends there too)
		}
		if fits(v, p.mid, mid, false, true) {
			return true
		}
		// "A, allied with B": an apposition comma the pattern does not spell out ("B, A's
		// ally": the comma alone).
		return !p.titleMid && (len(mid) >= 2 || len(p.mid) == 0) && len(mid) >= 1 && v.Toks[mid[0]].Lower == "," && fits(v, p.mid, mid[1:], false, true)
	}
	quoteGap := false // a quotation mark inside the gap: one end is quoted, the other the speaker
	for i := M1.Last + 1; i < M2.First-1; i++ {
		switch v.Toks[i].Lower {
		case "\"", "“", "”":
			quoteGap = true
		}
	}
	// What rules m2 out as an end is the same for every pattern: decided once per pair.
	// "support the X-linked forces": the forces are the end, not X.
	noPattern := quoteGap || compoundModifier(v, M2)
	// Without words after m2 a pattern cannot end on "between A and X's B" (X only possesses
	// the end) nor on "the support of former Valdoran Communists" (the adjective is no end).
	noBareEnd := M2.Last < s.Last && (wordIs(v, M2.Last, "'s") ||
		M2.Type == faultline.NORP && (v.Toks[M2.Last].Mention >= 0 || modifierOf(v, M2)))
	sc.cands = sc.cands[:0]
	if !noPattern {
		// The candidates are the patterns marked and those whose middle may start with any
		// word, in increasing order: the others candidates lists fail midOK on every mid.
		for j, md := range mids {
			if len(md) == 0 {
				continue
			}
			bit := uint8(1) << j
			mark := func(w string) {
				for _, pi := range x.byStart[w] {
					sc.cbits[pi/64] |= 1 << (pi % 64)
					sc.smask[pi] |= bit
				}
			}
			wordsOf(&v.Toks[md[0]], mark)
			if v.Toks[md[0]].Lower == "," && len(md) > 1 {
				// An approximation: t1 is not looked up as "'s" (wordsOf does), so after
				// a leading comma a middle opening with "'s" is tried only where t1's
				// form or lemma is "'s" (fits would take "’s" and "'" too).
				t1 := &v.Toks[md[1]]
				mark(t1.Lower)
				if t1.Lemma != "" {
					mark(t1.Lemma)
				}
			}
		}
		sc.cands = takeBits(sc.cands, sc.cbits, x.anyBits)
		defer func() {
			for _, pi := range sc.cands {
				sc.smask[pi] = 0
			}
		}()
	}
	for _, pi := range sc.cands {
		p := &x.pats[pi]
		if len(p.post) == 0 && noBareEnd {
			continue
		}
		ok := false
		for j, md := range mids {
			ok = ok || midOK(pi, j, p, md)
		}
		if !ok {
			continue
		}
		// The words around the pair, found once per mention when a middle first fits.
		left, leftTitled := x.leftOf(v, s, m1, core, sc)
		right := x.rightOf(v, s, m2, sc)
		if len(p.pre) > 0 && !suffixMatch(v, p.pre, left) && (leftTitled == nil || !suffixMatch(v, p.pre, leftTitled)) {
			continue // pre must end right before m1
		}
		if len(p.post) > 0 && !fits(v, p.post, right, false, false) {
			continue
		}
		a, b := m1, m2
		if p.first == "B" {
			a, b = m2, m1
		}
		if !allowed(p.cons["A"], x.typeOf(v, a)) || !allowed(p.cons["B"], x.typeOf(v, b)) {
			continue
		}
		if x.titlePiece(v, a) || x.titlePiece(v, b) {
			continue // "Supreme" of "Supreme Leader K" tagged as a name
		}
		if p.typ == "renamed_from" && class(v.Mentions[a].Type) != class(v.Mentions[b].Type) {
			continue // a renamed actor keeps its kind
		}
		if p.typ == "leader_of" && x.unitLeader(v, mids, left) {
			continue // "the police chief of B" leads B's police, not B
		}
		if !v.Mentions[a].Actorish() && x.typeOf(v, a) != faultline.ORG && p.typ != "located_in" {
			continue
		}
		if p.typ != "located_in" && p.typ != "controls" && len(p.pre) == 0 && placeModifier(v, m1, s) {
			continue // "the communities in A are pawns of B": A only says where
		}
		if !structural[p.typ] && len(p.pre) == 0 && x.ofModifier(v, m1, s) {
			continue // "whoever is in control of A is beholden to B": not A
		}
		if (p.typ == "member_of" || p.typ == "leader_of") && p.first == "A" && relativeSubject(v, m2, s) {
			continue // "A, a diplomat who B officials say ...": B's officials speak, A is not B's
		}
		if !v.Mentions[b].Actorish() && x.typeOf(v, b) != faultline.ORG && p.typ != "located_in" && p.typ != "controls" {
			continue
		}
		typ, sign := p.typ, p.sign
		if typ == "located_in" && p.possessive && x.stateBody(v, a) {
			typ, sign = "part_of", 1 // "Norland's Revolutionary Guard" is part of the state
		}
		out = append(out, x.ties(v, s, a, b, p.first == "A", typ, sign, neg, modal)...)
	}
	// Hyphenated modifiers ("A-backed B"): only next to each other.
	seg := v.Text[M1.Start:M2.Start]
	if len(seg) > 80 || !(strings.Contains(seg, "-") || M1.Start > 0 && v.Text[M1.Start-1] == '-') {
		return out
	}
	gap := v.Text[M1.End:M2.Start]
	wide := !isASCII(gap) // (below, mayHyphen(gap, h.word) with the gap scanned once)
	for _, h := range x.hyphens {
		var ok bool
		if h.pair {
			ok = gap == "-" && M2.Last < s.Last && h.next[v.Toks[M2.Last].Lower]
		} else if h.prefix {
			ok = M1.Start >= 5 && strings.EqualFold(v.Text[M1.Start-5:M1.Start], "anti-") ||
				strings.HasPrefix(strings.ToLower(M1.Text), "anti-")
			ok = ok && h.re.MatchString(seg)
		} else {
			ok = (wide || !isASCII(h.word) || mayHyphenASCII(gap, h.word)) && h.re.MatchString(gap)
		}
		if !ok || (!h.pair && modifierOf(v, M2)) {
			continue // "Iranian-backed Iraqi units": the units, not Iraq, are backed
		}
		a, b := m1, m2
		if h.first == "B" {
			a, b = m2, m1
		}
		out = append(out, x.ties(v, s, a, b, h.first == "A", h.typ, h.sign, false, false)...)
	}
	return out
}

// mayStance reports whether strings.ToLower(w) may start with "anti-" or "pro-": false only
// when an ASCII prefix of w, lower-cased, rules out both.
func mayStance(w string) bool {
	return mayOpen(w, "anti-") || mayOpen(w, "pro-")
}

// mayOpen reports whether strings.ToLower(w) may start with p (ASCII, lower case): false
// only when w ends or has an ASCII byte that differs from p's, lower-cased, before its
// first byte outside ASCII (that rune may lower-case to anything).
func mayOpen(w, p string) bool {
	for i := 0; i < len(p); i++ {
		switch {
		case i == len(w):
			return false
		case w[i] >= utf8.RuneSelf:
			return true
		case fold.Lower(w[i]) != p[i]:
			return false
		}
	}
	return true
}

// side is what leftOf or rightOf found for a mention.
type side struct {
	left, leftTitled, right []int
	hasLeft, hasRight       bool
}

// leftOf returns the significant tokens before mention m1 of sentence s, nearest first, and
// those before the titles that precede it (nil for none): they depend on the mention alone,
// found once per document (sc.sides).
func (x *Extractor) leftOf(v *view.View, s view.Sent, m1 int, core []int, sc *scratch) (left, leftTitled []int) {
	sd := sc.side(v, m1)
	if sd.hasLeft {
		return sd.left, sd.leftTitled
	}
	M1 := v.Mentions[m1]
	for i := core[m1] - 1; i >= s.First && len(left) < 6; i-- {
		if x.sigAlone(v, sc, i) {
			left = append(left, i)
		}
	}
	// The words before the titles that precede m1 ("a pledge by President A").
	if k := x.titlesBefore(v, s.First-1, M1.First); core[m1] == M1.First && k < M1.First {
		for i := k - 1; i >= s.First && len(leftTitled) < 6; i-- {
			if x.sigAlone(v, sc, i) {
				leftTitled = append(leftTitled, i)
			}
		}
	}
	sd.left, sd.leftTitled, sd.hasLeft = left, leftTitled, true
	return left, leftTitled
}

// rightOf returns the significant tokens of the six after mention m2 of sentence s, found
// once per document (sc.sides).
func (x *Extractor) rightOf(v *view.View, s view.Sent, m2 int, sc *scratch) []int {
	sd := sc.side(v, m2)
	if !sd.hasRight {
		M2 := v.Mentions[m2]
		r, _, _ := x.significant(v, sc, M2.Last, min(M2.Last+6, s.Last))
		sd.right, sd.hasRight = slices.Clone(r), true // (r lies in the arena of this pair)
	}
	return sd.right
}

// side returns the sides kept for mention m.
func (sc *scratch) side(v *view.View, m int) *side {
	if len(sc.sides) == 0 { // (m is a mention: made, sides is not empty)
		sc.sides = zeroed(sc.sides, len(v.Mentions))
	}
	return &sc.sides[m]
}

// endBits sets endPats and endAny from the patterns.
func (x *Extractor) endBits() {
	n := len(x.anyBits)
	x.endPats, x.endAny = map[string][]uint64{}, make([]uint64, n)
	for pi, p := range x.pats {
		bit := uint64(1) << (pi % 64)
		if len(p.mid) == 0 {
			x.endAny[pi/64] |= bit
			continue
		}
		last := p.mid[len(p.mid)-1]
		open := false // an alternative that matches no word or any: no filter
		for _, alt := range last {
			open = open || len(alt) == 0 || len(alt) == 1 && alt[0] == "..."
		}
		if open {
			x.endAny[pi/64] |= bit
			continue
		}
		for _, alt := range last {
			w := alt[len(alt)-1]
			if x.endPats[w] == nil {
				x.endPats[w] = make([]uint64, n)
			}
			x.endPats[w][pi/64] |= bit
		}
	}
}

// endsOK reports whether pattern pi's middle may end with token i: false only when no
// alternative of its last element ends with a word that wordIs finds there, so that fits
// (exact) fails on the middle and on every tail of it that ends with token i.
func (x *Extractor) endsOK(v *view.View, sc *scratch, pi, i int) bool {
	k, bit := pi/64, uint64(1)<<(pi%64)
	if x.endAny[k]&bit != 0 {
		return true
	}
	n := len(x.endAny)
	if len(sc.endKnown) == 0 { // (i is a token: made, endKnown is not empty)
		sc.ends, sc.endKnown = zeroed(sc.ends, len(v.Toks)*n), zeroed(sc.endKnown, len(v.Toks))
	}
	e := sc.ends[i*n : (i+1)*n]
	if !sc.endKnown[i] {
		sc.endKnown[i] = true
		wordsOf(&v.Toks[i], func(w string) {
			for j, b := range x.endPats[w] {
				e[j] |= b
			}
		})
	}
	return e[k]&bit != 0
}

// takeBits appends to dst, in increasing order, the indices of the bits set in marked or in
// any (of equal lengths), and clears marked: the candidates of matchPair, each once, in the
// order of sort.Ints over the marked patterns and anyStart (disjoint sets).
func takeBits(dst []int, marked, any []uint64) []int {
	for k, b := range marked {
		b |= any[k]
		marked[k] = 0
		for ; b != 0; b &= b - 1 {
			dst = append(dst, k*64+bits.TrailingZeros64(b))
		}
	}
	return dst
}

// mayHyphen reports whether an "A-word B" pattern's regexp may match seg: an ASCII seg
// must hold "-" and word, in any case (a rune outside ASCII may fold to one of word's
// letters: then the regexp decides).
func mayHyphen(seg, word string) bool {
	return !isASCII(seg) || !isASCII(word) || mayHyphenASCII(seg, word)
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// mayHyphenASCII is mayHyphen for an ASCII seg and word: seg holds "-" and then word, in any
// case.
func mayHyphenASCII(seg, word string) bool {
	for off := 0; ; {
		k := strings.IndexByte(seg[off:], '-')
		if k < 0 {
			return false
		}
		off += k + 1
		if len(seg)-off >= len(word) && strings.EqualFold(seg[off:off+len(word)], word) {
			return true
		}
	}
}

// questionOrModalBefore reports whether the sentence is a question ("Can A back B?") or a
// modal stands among the three words before the first end ("one scenario would have A,
// backed by B"): the tie is then hypothetical.
func questionOrModalBefore(v *view.View, s view.Sent, first int) bool {
	if s.Last > s.First && v.Toks[s.Last-1].Lower == "?" {
		return true
	}
	for i := first - 1; i >= s.First && i >= first-3; i-- {
		w := v.Toks[i].Lower
		if modals[w] && w != "if" {
			return true
		}
		if w == "," || w == ";" || isDash(w) || w == "." {
			break
		}
	}
	return false
}

// holdsNeeds returns holds(v, p.needs, mid), from the tokens' needs bits when there are.
func (x *Extractor) holdsNeeds(v *view.View, sc *scratch, p *pattern, mid []int) bool {
	if x.needWords == nil {
		return holds(v, p.needs, mid)
	}
	for _, i := range mid {
		if x.needsOf(v, sc, i)&p.needBit != 0 {
			return true
		}
	}
	return false
}

// holds reports whether a token of mid reads a word of ws.
func holds(v *view.View, ws map[string]bool, mid []int) bool {
	for _, i := range mid {
		t := &v.Toks[i]
		if ws[t.Lower] || t.Lemma != "" && ws[t.Lemma] || ws["'s"] && (t.Lower == "'" || t.Lower == "’s" || t.Lower == "’") {
			return true
		}
	}
	return false
}

// modifierOf reports whether mention m modifies a following noun: a tagged common noun, or
// (untagged) a lower-case word after a nationality or group adjective.
func modifierOf(v *view.View, m view.Mention) bool {
	if m.Last >= len(v.Toks) {
		return false
	}
	next := v.Toks[m.Last]
	if m.Type != faultline.NORP && m.Type != faultline.GPE {
		return false // an organisation before a noun is still the head ("JAM Special Groups")
	}
	if v.HasPOS {
		return next.UPOS == "NOUN"
	}
	w := v.Text[next.Start:next.End]
	return m.Type == faultline.NORP && w != "" && w[0] >= 'a' && w[0] <= 'z' && !prepositions[next.Lower] && next.Lower != "and"
}

func suffixMatch(v *view.View, es []elem, left []int) bool {
	// left is nearest-first; the elements read left to right end at left[0].
	return fits(v, es, left, true, false)
}

func allowed(types map[string]bool, t string) bool {
	return types == nil || types[t]
}

// ties builds the ties between a and b, spreading over coordinated mentions.
func (x *Extractor) ties(v *view.View, s view.Sent, a, b int, aFirst bool, typ string, sign int, neg, modal bool) []faultline.Tie {
	as, bs := []int{a}, []int{b}
	if aFirst {
		as, bs = coordLeft(v, a, s), coordRight(v, b, s)
	} else {
		bs, as = coordLeft(v, b, s), coordRight(v, a, s)
	}
	// "A and B's C": only B possesses C.
	if first := v.Mentions[as[0]]; !aFirst {
		first = v.Mentions[bs[0]]
		if first.Last < s.Last && wordIs(v, first.Last, "'s") {
			bs = bs[:1]
		}
	} else if first.Last < s.Last && wordIs(v, first.Last, "'s") {
		as = as[:1]
	}
	// A structural tie spreads only over coordinated names of the same kind: in "Sadr and
	// the JAM, especially the Special Groups" the groups are part of the JAM, not of Sadr.
	if structural[typ] {
		as, bs = sameClass(v, as), sameClass(v, bs)
		if !aFirst {
			bs = bs[:1] // "X and the main parties, including A": A is part of the parties alone
		}
	}
	mod := faultline.Asserted
	switch {
	case neg:
		mod = faultline.Negated
		if sign > 0 && (typ == "loyal_to" || typ == "supports" || typ == "allied_with") {
			sign = -1
		}
	case modal:
		mod = faultline.Hypothetical
	}
	if typ == "controls" && v.Mentions[b].Placeish() {
		sign = 0 // control over a place is structural
	}
	var out []faultline.Tie
	for _, i := range as {
		for _, j := range bs {
			if i == j {
				continue
			}
			out = append(out, faultline.Tie{Type: typ, Sign: sign, A: *v.Mentions[i].Ref(), B: *v.Mentions[j].Ref(), Modality: mod})
		}
	}
	return out
}

// structural tie types say what an actor is part of, leads or sits in.
var structural = map[string]bool{"part_of": true, "member_of": true, "armed_wing_of": true, "leader_of": true, "located_in": true}

// sameClass keeps the mentions of ms (the first is the tie's own end) whose entity class
// (person, group, place) is the first's.
func sameClass(v *view.View, ms []int) []int {
	c := class(v.Mentions[ms[0]].Type)
	out := ms[:1:1]
	for _, m := range ms[1:] {
		if class(v.Mentions[m].Type) == c {
			out = append(out, m)
		}
	}
	return out
}

// coordLeft returns mi and the actor mentions coordinated before it ("A, B and C"). A
// chain of commas alone is a list of appositions or places, not a coordination.
func coordLeft(v *view.View, mi int, s view.Sent) []int {
	out := []int{mi}
	conj := false
	for len(out) < 6 {
		j := v.Mentions[mi].First - 1
		for j >= s.First && v.Toks[j].Lower == "the" {
			j--
		}
		// "A and its disciplined B": a possessive pronoun and its modifiers before B.
		if d := descriptionStart(v, s.First, v.Mentions[mi].First); d >= s.First && determiners[v.Toks[d].Lower] && v.Toks[d].Lower != "the" && v.Toks[d].Lower != "a" && v.Toks[d].Lower != "an" {
			j = d - 1
		} else if the := theBefore(v, s, v.Mentions[mi].First); the > s.First && v.Toks[the-1].Lower == "and" {
			j = the - 1 // "A and the burgeoning B"
		} else if j >= s.First && (v.Toks[j].Lower == "its" || v.Toks[j].Lower == "their") {
			j--
		}
		k, and := 0, false
		for j >= s.First && (v.Toks[j].Lower == "and" || v.Toks[j].Lower == ",") && k < 2 {
			and = and || v.Toks[j].Lower == "and"
			j--
			k++
		}
		// "A (the short name) and B": step over the aside.
		if k > 0 && j > s.First && v.Toks[j].Lower == ")" {
			for o := j - 1; o >= s.First && o >= j-8; o-- {
				if v.Toks[o].Lower == "(" {
					j = o - 1
					break
				}
			}
		}
		if k == 0 || j < s.First || v.Toks[j].Mention < 0 || !coordinable(v, v.Toks[j].Mention) {
			break
		}
		conj = conj || and
		mi = v.Toks[j].Mention
		out = append(out, mi)
	}
	if !conj {
		return out[:1]
	}
	return out
}

// theBefore returns the index of a "the" opening up to two lower-case modifiers right
// before token first ("the burgeoning B"), or -1.
func theBefore(v *view.View, s view.Sent, first int) int {
	for j := first - 1; j >= s.First && j >= first-3; j-- {
		w := v.Toks[j].Lower
		if w == "the" {
			if j == first-1 {
				return -1 // plain "the B" is read by the caller
			}
			return j
		}
		t := v.Text[v.Toks[j].Start:v.Toks[j].End]
		if t == "" || t[0] < 'a' || t[0] > 'z' || prepositions[w] || w == "and" || w == "or" || negators[w] || modals[w] || copulas[w] || v.Toks[j].Mention >= 0 {
			return -1
		}
	}
	return -1
}

// coordRight returns mi and the actor mentions coordinated after it.
func coordRight(v *view.View, mi int, s view.Sent) []int {
	out := []int{mi}
	conj := false
	for len(out) < 6 {
		j := v.Mentions[mi].Last
		k, and := 0, false
		for j < s.Last && (v.Toks[j].Lower == "and" || v.Toks[j].Lower == ",") && k < 2 {
			and = and || v.Toks[j].Lower == "and"
			j++
			k++
		}
		the := false
		for j < s.Last && v.Toks[j].Lower == "the" && k > 0 {
			j++
			the = true
		}
		if the && j < s.Last && v.Toks[j].Mention < 0 {
			// "and the burgeoning B": up to two lower-case modifiers after "the"
			for n := j; n < s.Last && n < j+3; n++ {
				if v.Toks[n].Mention >= 0 {
					if theBefore(v, s, n) >= 0 {
						j = n
					}
					break
				}
			}
		}
		if k == 0 {
			j, and = parallelHead(v, mi, s)
			k = 1
		}
		if j < 0 || j >= s.Last || v.Toks[j].Mention < 0 || !coordinable(v, v.Toks[j].Mention) {
			break
		}
		conj = conj || and // (an "and" counts only when a name follows it)
		mi = v.Toks[j].Mention
		out = append(out, mi)
	}
	if !conj {
		return out[:1]
	}
	return out
}

// parallelHead finds a name modifying the same head noun as mention mi, coordinated after
// it: "the Norland military presence and the Ostravan political presence" (the index of
// "Ostravan" and true), else -1.
func parallelHead(v *view.View, mi int, s view.Sent) (int, bool) {
	m := v.Mentions[mi]
	h := m.Last // the head noun: the last of up to three words after the name, before "and"
	for h < s.Last && h < m.Last+3 && isModifierWord(v, h) && (h+1 >= s.Last || v.Toks[h+1].Lower != "and") {
		h++
	}
	if h == m.Last && h < s.Last && !isModifierWord(v, h) || h+2 >= s.Last || v.Toks[h+1].Lower != "and" ||
		!isModifierWord(v, h) || v.HasPOS && v.Toks[h].UPOS != "NOUN" {
		return -1, false
	}
	j := h + 2
	for j < s.Last && determiners[v.Toks[j].Lower] {
		j++
	}
	if j >= s.Last || v.Toks[j].Mention < 0 || v.Mentions[v.Toks[j].Mention].First != j {
		return -1, false
	}
	c := v.Mentions[v.Toks[j].Mention]
	for k := c.Last; k < s.Last && k <= c.Last+3; k++ {
		if v.Toks[k].Lower == v.Toks[h].Lower {
			return j, true
		}
		if !isModifierWord(v, k) {
			break
		}
	}
	return -1, false
}

// coordinable reports whether a mention can join a coordination of tie ends: an actor, and
// not a place reached by a preposition.
func coordinable(v *view.View, mi int) bool {
	m := v.Mentions[mi]
	if !m.Actorish() {
		return false
	}
	if m.Placeish() && v.PrepBefore(m.First, placeCoordPreps) {
		return false
	}
	// "to Diwaniya, Amarah and Basra, A fought B": places after a preposition.
	return !placeModifier(v, mi, v.Sents[v.Toks[m.First].Sent])
}

// isCountry reports whether the gazetteer names a country r (lower case).
func isCountry(pl *gazetteer.PlaceTable, r string) bool {
	p, _ := pl.Lookup(r)
	return p.Kind == "country"
}
