// Package event finds dyadic events in a document: a trigger (a verb such as "clashed" or
// a noun such as "cease-fire"), coded through the codebook in lexicon/events to a CAMEO code,
// a PLOVER type and mode and a Goldstein score, with its source and target (entity
// mentions), date, place and modality.
//
// Arguments are found by position: the nearest actor mention to the left in the clause
// (past parentheticals, speech verbs and copular predicates) is the source, the first one
// to the right, past determiners, adjectives, prepositions and noun lists, the target;
// passives (with or without an auxiliary) swap them and take the by-agent; coordination
// ("A and B clashed") codes both directions for reciprocal triggers; nominal triggers take
// possessors, modifiers, by/of/against phrases and the subject of a light verb ("A
// launched an offensive against B"). When the nlp pipeline produced a dependency parse,
// it fills in what the positional reading misses: nsubj and obj, nsubj:pass with
// obl:agent, obliques (against, with, on, at, between), conj, and the subject of the
// governing verb for xcomp and conj triggers. Verbs known only from the converted
// PETRARCH list need both arguments. By default every event needs a target, and a source
// unless it is violence or coercion by an unnamed perpetrator (see Extractor.Partial).
//
// The date is the nearest resolved timex in the trigger's clause, else in its sentence,
// else the last one in the preceding sentences of the paragraph (up to six back, DateSource
// "context"), else the document date (DateSource "document", lower confidence). The place is a GPE, LOC or FAC mention
// after in, near or at. Modality is negated, hypothetical, future, reported or asserted,
// from the cue list in lexicon/events/modality.tsv; a refused cooperation ("refused to meet
// B") is coded as the REJECT event CAMEO gives it (12x), asserted.
//
// Without POS tags, noun/verb ambiguity ("an official visit", "they visit") is settled by
// the word before; with tags, by the tag. Positional arguments come first and the
// dependency parse fills in what they miss: on the seed articles that order measured
// better with the current parser.
package event

import (
	"slices"
	"sort"
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/view"
	"github.com/faultline/faultline/extract/timex"
	lex "github.com/faultline/faultline/lexicon/events"
)

// Extractor is the event component of the extract pipeline.
type Extractor struct {
	// Partial keeps events with one argument only (a source without a target, or a
	// non-violent event without a source). Off by default: such events rarely say who did
	// what to whom.
	Partial bool

	// words holds the triggers by the first word's forms: verbal entries by inflected form,
	// nominal ones by singular and plural, in one entry a form so that a word is looked up
	// once for both.
	words map[string]*forms
	cues  map[string]*cueSet // modality cues by class
	// unpruned reads the parse wherever the positional reading asks for it, without asking
	// whether it may change the events (parseMayChange, and args for the amod test), and
	// looks for triggers in sentences without a mention too: the reference
	// FuzzDeferredParse and TestDeferredParseSkips check that pruning against.
	// For tests only; parseMayFill, an approximation, holds either way.
	unpruned bool
}

// Argument needs of a trigger, as MayTrigger reports them.
const (
	// NeedsOne: violence or coercion of the hand-curated codebook (CAMEO 17-20), which may
	// lack a source: one mention may do.
	NeedsOne uint8 = 1 << iota
	// NeedsTwo: a source and a target.
	NeedsTwo
)

// MayTrigger reports the argument needs (NeedsOne, NeedsTwo or both) of the triggers a word
// may start, given its lower-case form and lemma, or 0 when it starts none: the words Find
// looks triggers up by. The pipeline parses only sentences with such a word.
func (x *Extractor) MayTrigger(lower, lemma string) uint8 {
	f := x.formsOf(lower)
	need := f.needVerb | f.needNoun
	if lemma != lower {
		need |= x.formsOf(lemma).needVerb
	}
	return need
}

// forms are the triggers whose first word has one form.
type forms struct {
	verbs, nouns []*trigger
	// needVerb and needNoun: the Needs of verbs and nouns.
	needVerb, needNoun uint8
}

// noForms is the entry of a word that starts no trigger.
var noForms = &forms{}

// formsOf returns the triggers a word form starts (noForms when none).
func (x *Extractor) formsOf(w string) *forms {
	if f := x.words[w]; f != nil {
		return f
	}
	return noForms
}

// add adds tr to the triggers that form f starts, as a verb or a noun.
func (x *Extractor) add(f string, tr *trigger, noun bool) {
	e := x.words[f]
	if e == nil {
		e = &forms{}
		x.words[f] = e
	}
	if noun {
		e.nouns = append(e.nouns, tr)
		e.needNoun |= tr.need()
	} else {
		e.verbs = append(e.verbs, tr)
		e.needVerb |= tr.need()
	}
}

// need is the argument need of a trigger.
func (t *trigger) need() uint8 {
	if t.hand && t.CAMEO >= "17" {
		return NeedsOne
	}
	return NeedsTwo
}

// trigger is a codebook entry ready for matching.
type trigger struct {
	lex.Entry
	hand bool // from the hand codebook (not only from the PETRARCH conversion)
	typ  lex.Type
	gold float64
}

// New returns an Extractor with the shipped codebook.
func New() *Extractor {
	x := &Extractor{words: map[string]*forms{}, cues: map[string]*cueSet{}}
	hand := map[string]bool{}
	for _, l := range strings.Split(handWords(), "\n") {
		hand[l] = true
	}
	for _, e := range lex.Codebook() {
		t, ok := lex.PLOVER(e.CAMEO)
		if !ok {
			continue
		}
		g, _ := lex.Goldstein(e.CAMEO)
		tr := &trigger{Entry: e, typ: t, gold: g, hand: hand[e.POS+" "+strings.Join(e.Words, " ")]}
		if e.POS == "N" {
			for _, f := range view.NounForms(e.Words[0]) {
				x.add(f, tr, true)
			}
			continue
		}
		for _, f := range append(view.VerbForms(e.Words[0]), e.Forms...) {
			x.add(f, tr, false)
		}
	}
	for class, cs := range lex.Cues() {
		set := &cueSet{byFirst: map[string][][]string{}}
		for _, c := range cs {
			if w := strings.Fields(c); len(w) == 0 {
				set.empty = true
			} else {
				set.byFirst[w[0]] = append(set.byFirst[w[0]], w[1:])
			}
		}
		x.cues[class] = set
	}
	return x
}

// handWords lists "POS phrase" of the hand-curated entries (those get looser argument rules).
func handWords() string {
	var b strings.Builder
	for _, e := range lex.HandCodebook() {
		b.WriteString(e.POS + " " + strings.Join(e.Words, " ") + "\n")
	}
	return b.String()
}

// Extract implements extract.Component.
func (x *Extractor) Extract(in *extract.Input) {
	in.Out.Events = append(in.Out.Events, x.Find(in)...)
}

// Find returns the events of one document without adding them to the extraction.
func (x *Extractor) Find(in *extract.Input) []faultline.Event {
	v := view.Of(in)
	p := newParser(in, v) // parses a sentence when its parse is first read (Defer)
	tx := in.Out.Timexes
	if len(tx) == 0 {
		tx = timex.Find(in.Doc.Text, in.Doc.Date)
	}
	// Timexes by sentence, so that dating an event does not scan the whole document.
	txBySent := make([][]faultline.Timex, len(v.Sents))
	for _, t := range tx {
		k := sort.Search(len(v.Sents), func(k int) bool { return v.Sents[k].End > t.Start })
		if k < len(v.Sents) {
			txBySent[k] = append(txBySent[k], t)
		}
	}
	var out []faultline.Event
	seen := map[[4]int]bool{}
	verbPair := map[[3]int]int{}   // (sentence, source, target) -> token of the verbal trigger
	verbTarget := map[[2]int]int{} // (sentence, target) -> token of the verbal trigger
	seenAlone := map[string]bool{} // source text and code of the unilateral acts coded so far
	parties := map[int][]int{}     // sentence -> the actors of its agreements (CAMEO 03-05, 087)
	var acts []int                 // the actor mentions of sentence si, once sentActs has listed them
	for si, s := range v.Sents {
		if !x.unpruned && !hasMention(v, s) {
			continue // every argument is a mention of the sentence: no event
		}
		acts = nil
		sentActs := func() []int {
			if acts == nil {
				acts = sentActors(make([]int, 0, 8), v, s)
			}
			return acts
		}
		for i, next := s.First, s.First; i < s.Last; i++ {
			if i < next {
				continue // inside the previous multi-word trigger
			}
			tr, n, nominal, amod := x.match(v, i, s)
			if tr == nil {
				continue
			}
			c := &candidate{x: x, v: v, s: s, i: i, n: n, tr: tr, nominal: nominal}
			pairs, ok := c.args(p, si, sentActs, amod)
			if !ok {
				continue
			}
			next = i + n
			// "an accord, one that was brokered by C": the mediator's targets are the
			// parties of the agreement the sentence has coded.
			if strings.HasPrefix(tr.CAMEO, "045") && len(pairs) == 1 && pairs[0][0] >= 0 && pairs[0][1] < 0 {
				if ps := parties[si]; len(ps) > 1 {
					var np [][2]int
					for _, t := range ps {
						np = append(np, [2]int{pairs[0][0], t})
					}
					pairs = np
				}
			}
			for _, p := range pairs {
				src, tgt := p[0], p[1]
				alone, ok := c.admit(src, tgt)
				if !ok {
					continue
				}
				// A unilateral act told again ("Sadr's cease-fire ... why he declared the
				// cease-fire") is the same act: one per actor and code in a document.
				if alone && tgt < 0 {
					k := strings.ToLower(v.Mentions[src].Text) + "\x00" + tr.CAMEO
					if seenAlone[k] {
						continue
					}
					seenAlone[k] = true
				}
				if c.clash(src, tgt) {
					continue
				}
				key := [4]int{si, i, src, tgt}
				if seen[key] {
					continue
				}
				seen[key] = true
				pk := [3]int{si, src, tgt}
				if vi, ok := verbPair[pk]; ok && nominal && i-vi <= 5 {
					continue // "signed an accord with B": the verb already codes it
				}
				// "eased the pressure on B": a noun that is the object of a coded verb with
				// the same target is what the verb acts on, not an event of its own (but
				// "brokered a truce between A and B" codes the truce too).
				if vi, ok := verbTarget[[2]int{si, tgt}]; ok && nominal && tgt >= 0 && i-vi <= 3 && objectOf(v, vi, i) && between(v, i+n, s) == nil {
					continue
				}
				if !nominal {
					verbPair[pk] = i
					verbTarget[[2]int{si, tgt}] = i
				}
				start, end := v.Toks[i].Start, v.Toks[i+n-1].End
				ev := faultline.Event{
					Span:      faultline.Span{Start: start, End: end, Text: v.Text[start:end]},
					Trigger:   v.Text[start:end],
					Type:      tr.typ.Type,
					Mode:      tr.typ.Mode,
					CAMEO:     tr.CAMEO,
					Goldstein: tr.gold,
					Modality:  x.modality(v, i, n, s),
					Sentence:  si,
				}
				// "refused to meet B", "won't negotiate with B": a refusal of cooperation is
				// itself an event, REJECT (CAMEO 12x), as CAMEO codes it.
				if ev.Modality == faultline.Negated && ev.CAMEO < "09" && x.refusal(v, i) {
					code := "120"
					if strings.HasPrefix(ev.CAMEO, "04") || strings.HasPrefix(ev.CAMEO, "036") {
						code = "125"
					}
					if t, ok := lex.PLOVER(code); ok {
						g, _ := lex.Goldstein(code)
						ev.CAMEO, ev.Type, ev.Mode, ev.Goldstein, ev.Modality = code, t.Type, t.Mode, g, faultline.Asserted
					}
				}
				sp := v.SentenceSpan(si)
				ev.Evidence = &sp
				// Seizing a place is occupying territory (CAMEO 192), not an arrest; seizing
				// people or an organisation's members is detaining them (173), not property.
				// "A threatened to lift the freeze on his B": a hostile act aimed at the
				// source's own B is a misreading; the target lies in a complement.
				if ev.Goldstein < 0 && src >= 0 && tgt >= 0 && ownedBySource(v, s, src, tgt) {
					continue
				}
				if tgt >= 0 && (ev.CAMEO == "173" || ev.CAMEO == "171") {
					code := ""
					switch m := v.Mentions[tgt]; {
					case m.Placeish():
						code = "192"
					case ev.CAMEO == "171" && (m.Type == faultline.PERSON || m.Type == faultline.ORG || m.Type == faultline.NORP):
						code = "173"
					}
					if t, ok := lex.PLOVER(code); ok && code != "" {
						g, _ := lex.Goldstein(code)
						ev.CAMEO, ev.Type, ev.Mode, ev.Goldstein = code, t.Type, t.Mode, g
					}
				}
				if src >= 0 {
					ev.Source = v.Mentions[src].Ref()
				}
				if tgt >= 0 {
					ev.Target = v.Mentions[tgt].Ref()
				}
				ev.Date, ev.DateText, ev.DateSource = date(txBySent[si], s, start, in.Doc.Date, v.Text)
				if ev.DateSource != "text" {
					// The narrative goes on with the date the paragraph last gave.
					for ps, k := prevSentence(v, si), 0; ps >= 0 && k < contextSentences; ps, k = prevSentence(v, ps), k+1 {
						if d, t, src := date(txBySent[ps], v.Sents[ps], v.Sents[ps].End, "", v.Text); src == "text" {
							ev.Date, ev.DateText, ev.DateSource = d, t, "context"
							break
						}
					}
				}
				if pl := place(v, s, i, src, tgt); pl >= 0 {
					m := v.Mentions[pl]
					ev.Place = &faultline.Span{Start: m.Start, End: m.End, Text: m.Text}
				}
				if (strings.HasPrefix(ev.CAMEO, "057") || strings.HasPrefix(ev.CAMEO, "087") || strings.HasPrefix(ev.CAMEO, "046")) && src >= 0 && tgt >= 0 {
					for _, m := range []int{src, tgt} {
						if !slices.Contains(parties[si], m) {
							parties[si] = append(parties[si], m)
						}
					}
				}
				out = append(out, ev)
			}
		}
	}
	return sameEvent(out)
}

// hasMention reports whether a token of sentence s is part of an entity mention.
func hasMention(v *view.View, s view.Sent) bool {
	for k := s.First; k < s.Last; k++ {
		if v.Toks[k].Mention >= 0 {
			return true
		}
	}
	return false
}

var determiners = set("the a an its their his her our this that these those 's ' new recent latest first second last major fresh renewed bloody deadly fierce heavy joint brief failed planned so-called military armed violent")

// match returns the codebook trigger at token i, how many tokens it spans and whether it is
// nominal; nil when there is none. It does not read the parse: amod reports that the
// trigger is a past participle before a noun that is an event only if the parse does not
// make it the noun's adjective (amod), a test left to candidate.args.
func (x *Extractor) match(v *view.View, i int, s view.Sent) (tr *trigger, n int, nominal, amod bool) {
	t := &v.Toks[i]
	if t.Mention >= 0 && v.Mentions[t.Mention].Type != faultline.EVENT {
		return nil, 0, false, false
	}
	if i > s.First && isCapitalized(v.Text[t.Start:t.End]) {
		return nil, 0, false, false // a name, not a verb
	}
	isVerb, isNoun := true, true
	if v.HasPOS {
		isVerb = t.UPOS == "VERB" || strings.HasPrefix(t.XPOS, "VB")
		isNoun = t.UPOS == "NOUN" || t.UPOS == "PROPN" || strings.HasPrefix(t.XPOS, "NN")
		if t.UPOS == "" && t.XPOS == "" {
			isVerb, isNoun = true, true
		}
		// "to isolate and sanction B": a word coordinated with a base verb, with no
		// determiner of its own, is a verb whatever its tag
		if !isVerb && i-2 >= s.First && (v.Toks[i-1].Lower == "and" || v.Toks[i-1].Lower == "or") &&
			v.Toks[i-2].XPOS == "VB" && i+1 < s.Last && v.Toks[i+1].Mention >= 0 {
			isVerb, isNoun = true, false
		}
		if !isVerb && !isNoun {
			return nil, 0, false, false // starts no trigger: not looked up
		}
	}
	// The triggers of the word's form, and of its lemma as a verb: without any, no trigger.
	fl, fm := x.formsOf(t.Lower), noForms
	if t.Lemma != "" && t.Lemma != t.Lower {
		fm = x.formsOf(t.Lemma)
	}
	if fl == noForms && len(fm.verbs) == 0 {
		return nil, 0, false, false
	}
	if !v.HasPOS {
		prevDet := i > s.First && (determiners[v.Toks[i-1].Lower] || nonVerbBefore[v.Toks[i-1].Lower])
		prevMention := i > s.First && v.Toks[i-1].Mention >= 0
		ing := strings.HasSuffix(t.Lower, "ing")
		if prevDet || (ing && i == s.First) || (nominalIng[t.Lower] && !auxBefore(v, i, s)) {
			isVerb = false
		}
		if i+1 < s.Last && v.Toks[i+1].Mention >= 0 && !prevDet && !prevMention {
			isNoun = len(fl.verbs) == 0 // "attacked Gondor": a verb before its object
		}
	}
	prepMiss := false
	// longest returns the longest trigger of the lists that matches at i (of the
	// hand-curated ones only, with handOnly), and its length.
	longest := func(nom, handOnly bool, lists ...[]*trigger) (best *trigger, bestN int) {
		for _, list := range lists {
			for _, c := range list {
				if handOnly && !c.hand {
					continue
				}
				n := 1
				ok := true
				for k, w := range c.Words[1:] {
					j := i + 1 + k
					if j >= s.Last || !(v.Toks[j].Lower == w || v.Toks[j].Lemma == w || (k == len(c.Words)-2 && nom && v.Toks[j].Lower == w+"s")) {
						ok = false
						break
					}
					n++
				}
				if ok && c.Prep != "" && (i+n >= s.Last || v.Toks[i+n].Lower != c.Prep) {
					ok = false // "campaign against B", not "an election campaign"
					prepMiss = true
				}
				if ok && (n > bestN || (n == bestN && best != nil && !best.hand && c.hand)) {
					best, bestN = c, n
				}
			}
		}
		return best, bestN
	}
	var bv, bn *trigger
	nv, nn := 0, 0
	if isVerb {
		bv, nv = longest(false, false, fl.verbs, fm.verbs)
	}
	if isNoun {
		bn, nn = longest(true, false, fl.nouns)
		if bn == nil && !prepMiss && v.HasPOS && t.UPOS == "NOUN" {
			// A tagged noun with a hand-curated verb entry only ("lavished praise on"): the
			// noun keeps the verb's code. The converted PETRARCH verbs are not read as
			// nouns ("Darun's aim of").
			bn, nn = longest(false, true, fl.verbs, fm.verbs)
		}
	}
	if prepMiss && (!v.HasPOS || !isVerb) {
		// The word has a nominal entry that needs its preposition and it is missing ("an
		// election campaign"): no verb reading either unless the tagger says so.
		bv, nv = nil, 0
	}
	best, bestN, nominal := bv, nv, false
	switch {
	case bn == nil && bv != nil && !v.HasPOS && adjectiveBefore(v, i, s) && adjectiveSuffix(v.Toks[i-1].Lower):
		// "continuing pressure on B": a verb-only entry used as a noun keeps its code.
		nominal = true
	case bn == nil:
	case bv == nil || nn > nv:
		best, bestN, nominal = bn, nn, true
	case nn == nv && !v.HasPOS && adjectiveBefore(v, i, s):
		// Untagged and ambiguous ("visit", "raids"): after an adjective-like word ("an
		// official visit", "large-scale raids") it is the noun; after a plural noun, a
		// pronoun or an auxiliary ("forces attack", "they attack") the verb.
		best, bestN, nominal = bn, nn, true
	}
	if best == nil {
		return nil, 0, false, false
	}
	// "refused to meet": the refusal is coded on the verb it governs.
	if !nominal && i+2 < s.Last && v.Toks[i+1].Lower == "to" && x.cueIn(v, "refusal", i, i+2) &&
		(len(x.formsOf(v.Toks[i+2].Lower).verbs) > 0 || len(x.formsOf(v.Toks[i+2].Lemma).verbs) > 0) {
		return nil, 0, false, false
	}
	// A verb form followed by "of" is a noun ("the compound of", "the release of").
	if !nominal && i+bestN < s.Last && v.Toks[i+bestN].Lower == "of" && !v.HasPOS {
		return nil, 0, false, false
	}
	// An adjectival participle before a noun ("armed groups", "backed militias", "precisely
	// targeted killings") is no event.
	if !nominal && strings.HasSuffix(t.Lower, "ed") && i > s.First && determiners[v.Toks[i-1].Lower] {
		return nil, 0, false, false
	}
	if !nominal && v.HasPOS && t.XPOS == "VBN" && i > s.First && i+1 < s.Last && v.Toks[i+1].UPOS == "NOUN" {
		// The positional test first: only when it fails is the parse read.
		if strings.HasSuffix(v.Toks[i-1].Lower, "ly") && !auxBefore(v, i, s) {
			return nil, 0, false, false
		}
		amod = true
	}
	return best, bestN, nominal, amod
}

// adjectiveBefore reports whether the word before token i looks like an adjective: lower
// case, not a function word, an adverb in -ly or a plural in -s.
func adjectiveBefore(v *view.View, i int, s view.Sent) bool {
	if i <= s.First {
		return false
	}
	p := v.Toks[i-1]
	w := p.Lower
	if p.Mention >= 0 || w == "" || w[0] < 'a' || w[0] > 'z' || auxBefore2[w] || pronouns[w] || clauseWords[w] ||
		strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "s") || w == "and" || w == "or" || w == "not" || w == "also" {
		return false
	}
	return true
}

// adjectiveSuffix reports whether a word ends like an adjective (continuing, military,
// massive, dangerous, Islamic, violent).
func adjectiveSuffix(w string) bool {
	for _, suf := range []string{"ing", "al", "ive", "ous", "ic", "ful", "ent", "ant", "ary", "ile"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

var pronouns = set("i you he she it we they me him her us them who which that this these those")

func isCapitalized(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// nonVerbBefore are words a finite or bare verb does not follow: prepositions (but "to"),
// possessives and quantifiers.
var nonVerbBefore = set("of in on at by for with from into about against among between under over during without through no any some every each such my your our")

var auxBefore2 = set("is are was were be been being has have had am 's 're will would could may might should can do does did to")

func auxBefore(v *view.View, i int, s view.Sent) bool {
	for j := i - 1; j >= s.First && j >= i-3; j-- {
		if auxBefore2[v.Toks[j].Lower] {
			return true
		}
		if v.Toks[j].Lower != "not" && v.Toks[j].Lower != "n't" && !strings.HasSuffix(v.Toks[j].Lower, "ly") {
			return false
		}
	}
	return false
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// date returns the nearest resolved timex inside the sentence, else the document date.
func date(tx []faultline.Timex, s view.Sent, at int, docDate string, text string) (value, dtext, source string) {
	best := -1
	bestD := 1 << 30
	for k, t := range tx {
		if t.Value == "" || t.Start < s.Start || t.End > s.End {
			continue
		}
		d := t.Start - at
		if d < 0 {
			d = -d
		}
		// A timex in another clause ("Although X since 2003, Y escalated last year") is
		// farther than any in the trigger's own.
		lo, hi := t.End, at
		if at < t.Start {
			lo, hi = at, t.Start
		}
		if lo < hi && hi <= len(text) && strings.ContainsAny(text[lo:hi], ",;:—(") {
			d += 1000
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	if best >= 0 {
		return tx[best].Value, tx[best].Text, "text"
	}
	if docDate != "" {
		return docDate, "", "document"
	}
	return "", "", ""
}

// contextSentences is how many sentences back in its paragraph an event without a timex of
// its own looks for the date the narrative last gave.
const contextSentences = 6

// prevSentence returns the sentence before si when it is in the same paragraph (no line
// break between them), else -1: narrative goes on with the date it last gave.
func prevSentence(v *view.View, si int) int {
	if si == 0 {
		return -1
	}
	if strings.Contains(v.Text[v.Sents[si-1].End:v.Sents[si].Start], "\n") {
		return -1
	}
	return si - 1
}

var placePreps = set("in near at outside around inside across throughout")

// place returns the place mention nearest to the trigger that follows in, near or at.
func place(v *view.View, s view.Sent, i, src, tgt int) int {
	best, bestD := -1, 1<<30
	for _, mi := range v.SentMentions[v.Toks[s.First].Sent] {
		m := v.Mentions[mi]
		if m.First < s.First || m.Last > s.Last || mi == src || mi == tgt || !m.Placeish() {
			continue
		}
		j := m.First - 1
		for j > s.First && v.Toks[j].Lower == "the" {
			j--
		}
		if j < s.First || !placePreps[v.Toks[j].Lower] {
			continue
		}
		d := m.First - i
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = mi, d
		}
	}
	return best
}

// modality classifies the event at trigger tokens [i, i+n).
func (x *Extractor) modality(v *view.View, i, n int, s view.Sent) string {
	start := clauseStart(v, i, s)
	before := func(class string, window int) bool {
		lo := i - window
		if lo < start {
			lo = start
		}
		return x.cueIn(v, class, lo, i)
	}
	question := s.Last > s.First && v.Toks[s.Last-1].Lower == "?"
	// "demanded that B withdraw": the complement of a demand has not happened.
	irrealis := start > s.First && v.Toks[start].Lower == "that" && demandVerbs[v.Toks[start-1].Lower]
	switch {
	case before("negation", 5) || x.cueIn(v, "deny", s.First, i):
		return faultline.Negated
	case before("hypothetical", 10) || v.Word(s.First, "if", "unless") || (v.Word(s.First, "whether") && !orNot(v, s, i)) || question || irrealis:
		return faultline.Hypothetical
	case before("future", 5):
		return faultline.Future
	case x.cueIn(v, "report", s.First, i) || x.cueIn(v, "report", i+n, s.Last):
		return faultline.Reported
	}
	return faultline.Asserted
}

// nominalIng are -ing forms that untagged text mostly uses as nouns or prepositions.
var nominalIng = set("training funding financing backing according following including regarding concerning building meeting shelling bombing killing fighting")

// objectOf reports whether the noun at i stands right after the verb at vi with only
// determiners, modifiers and mentions between: the verb's object ("eased US pressure").
func objectOf(v *view.View, vi, i int) bool {
	for j := vi + 1; j < i; j++ {
		t := &v.Toks[j]
		if t.Mention >= 0 || articles[t.Lower] || determinersOrPron[t.Lower] || v.HasPOS && (t.UPOS == "ADJ" || t.UPOS == "NOUN" || t.UPOS == "PROPN") {
			continue
		}
		return false
	}
	return true
}

// declareVerbs start a unilateral act named by a noun ("declared a cease-fire").
var declareVerbs = set("declare declared declares declaring announce announced announces announcing order ordered orders ordering impose imposed imposes imposing launch launched launches launching")

// declared reports whether a verb of declareVerbs stands shortly before the noun at i,
// with only its determiners and modifiers between ("declared a unilateral six-month
// cease-fire").
func declared(v *view.View, i int, s view.Sent) bool {
	for j := i - 1; j >= s.First && j >= i-5; j-- {
		w := v.Toks[j].Lower
		if declareVerbs[w] {
			return true
		}
		if t := v.Toks[j]; stopRight[w] || t.Mention < 0 && v.HasPOS && (t.UPOS == "VERB" || t.UPOS == "AUX" || t.UPOS == "ADP") {
			return false
		}
	}
	return false
}

// orNot reports whether "or not" comes before token i: "Whether rogue or not, X did Y"
// concedes, it does not doubt Y.
func orNot(v *view.View, s view.Sent, i int) bool {
	for j := s.First; j+1 < i; j++ {
		if v.Toks[j].Lower == "or" && v.Toks[j+1].Lower == "not" {
			return true
		}
	}
	return false
}

var demandVerbs = set("demanded demand demands urged urge urges asked ask asks insisted insist insists proposed propose proposes suggested suggest suggests recommended recommend wants wanted hoped hope hopes")

// refusal reports whether a refusal cue ("refused to", "won't") stands right before
// token i.
func (x *Extractor) refusal(v *view.View, i int) bool {
	lo := i - 5
	if lo < 0 {
		lo = 0
	}
	return x.cueIn(v, "refusal", lo, i)
}

// cueSet is one class of modality cues.
type cueSet struct {
	byFirst map[string][][]string // the words after the first of each cue, by its first word
	empty   bool                  // an empty cue, which starts anywhere
}

// cueIn reports whether a cue of class starts in tokens [lo, hi).
func (x *Extractor) cueIn(v *view.View, class string, lo, hi int) bool {
	set := x.cues[class]
	if set == nil || lo >= hi {
		return false
	}
	if set.empty {
		return true
	}
	for j := lo; j < min(hi, len(v.Toks)); j++ {
	cues:
		for _, rest := range set.byFirst[v.Toks[j].Lower] {
			for k, w := range rest {
				if j+1+k >= len(v.Toks) || v.Toks[j+1+k].Lower != w {
					continue cues
				}
			}
			return true
		}
	}
	return false
}

var clauseWords = set("; : that which who whom whose when where while because although though but whereas since unless if after before until — – -- ( )")

// clauseStart returns the first token of the clause containing token i (linear estimate).
func clauseStart(v *view.View, i int, s view.Sent) int {
	for j := i - 1; j > s.First; j-- {
		if clauseWords[v.Toks[j].Lower] {
			return j
		}
	}
	return s.First
}

// sameActor reports whether two mentions are the same actor (by id, else by text).
func sameActor(a, b view.Mention) bool {
	if a.Actor != "" || b.Actor != "" {
		return a.Actor == b.Actor
	}
	return strings.EqualFold(a.Text, b.Text)
}

// ownedBySource reports whether the target mention tgt follows a possessive pronoun whose
// nearest possible antecedent is the source mention src: "his" or "her" with no person named
// between them, "its" or "their" with no organisation, place or group named between them.
func ownedBySource(v *view.View, s view.Sent, src, tgt int) bool {
	m := v.Mentions[tgt]
	if m.First-1 < s.First || src >= len(v.Mentions) || v.Mentions[src].Last > m.First {
		return false
	}
	people := false
	switch v.Toks[m.First-1].Lower {
	case "his", "her":
		people = true
	case "its", "their":
	default:
		return false
	}
	if srcType := v.Mentions[src].Type; people != (srcType == faultline.PERSON) {
		return false
	}
	for mi, o := range v.Mentions {
		if mi == src || o.First < v.Mentions[src].Last || o.Last > m.First-1 {
			continue
		}
		if people == (o.Type == faultline.PERSON) {
			return false
		}
	}
	return true
}
