package event

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/nlp"
)

// parsedInput builds an input annotated as the pipeline does before the parse: one sentence per
// line of "word/UPOS/XPOS/HEAD/REL" tokens (HEAD an index within the sentence, -1 the root),
// joined by spaces into the text. It returns the input and, per sentence, the parse of its
// tokens (heads as document indexes) that the fake parser writes.
func parsedInput(t *testing.T, lines []string, ents ...string) (*extract.Input, []sentParse) {
	t.Helper()
	var text strings.Builder
	d := &nlp.Doc{}
	var parses []sentParse
	for _, line := range lines {
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		sn := nlp.Sentence{Start: text.Len(), First: len(d.Tokens)}
		var sp sentParse
		for k, f := range strings.Fields(line) {
			p := strings.Split(f, "/")
			if k > 0 {
				text.WriteByte(' ')
			}
			tok := nlp.Token{Start: text.Len(), Norm: p[0], UPOS: p[1], XPOS: p[2], Head: -1}
			text.WriteString(p[0])
			tok.End = text.Len()
			d.Tokens = append(d.Tokens, tok)
			h, err := strconv.Atoi(p[3])
			if err != nil {
				t.Fatalf("bad head %q", p[3])
			}
			if h >= 0 {
				h += sn.First
			}
			sp.heads, sp.rels = append(sp.heads, h), append(sp.rels, p[4])
		}
		sn.End, sn.Last = text.Len(), len(d.Tokens)
		d.Sentences = append(d.Sentences, sn)
		parses = append(parses, sp)
	}
	d.Text = text.String()
	in := input(d.Text, "2024-05-01", ents...)
	in.NLP = d
	return in, parses
}

// only returns Defer's parse function that parses sentence k with parse when wanted[k].
func only(wanted []bool, parse func(k int)) func(k int) bool {
	return func(k int) bool {
		if !wanted[k] {
			return false
		}
		parse(k)
		return true
	}
}

// sentParse is the parse of one sentence's tokens.
type sentParse struct {
	heads []int
	rels  []string
}

// TestDeferredParse checks that with a deferred parse (Defer) the extractor parses only the
// wanted sentences whose parse it reads: not one whose arguments it finds by position, not
// one it is not allowed to parse; and that an event found through the parse gets it.
func TestDeferredParse(t *testing.T) {
	lines := []string{
		// 0: wanted, both arguments by position: never parsed.
		"Norland/PROPN/NNP/1/nsubj attacked/VERB/VBD/-1/root Gondor/PROPN/NNP/1/obj ./PUNCT/./1/punct",
		// 1: wanted, the target only in the parse (after a parenthetical): parsed.
		"Arnor/PROPN/NNP/5/nsubj ,/PUNCT/,/3/punct officials/NOUN/NNS/3/nsubj say/VERB/VBP/5/parataxis ,/PUNCT/,/3/punct attacked/VERB/VBD/-1/root yesterday/NOUN/NN/5/obl:tmod ,/PUNCT/,/8/punct Rohan/PROPN/NNP/5/obj ./PUNCT/./5/punct",
		// 2: the same, not wanted: read as unparsed, so no event.
		"Dale/PROPN/NNP/5/nsubj ,/PUNCT/,/3/punct officials/NOUN/NNS/3/nsubj say/VERB/VBP/5/parataxis ,/PUNCT/,/3/punct attacked/VERB/VBD/-1/root yesterday/NOUN/NN/5/obl:tmod ,/PUNCT/,/8/punct Erebor/PROPN/NNP/5/obj ./PUNCT/./5/punct",
		// 3: wanted, a nominal trigger without a source by position, but with one actor
		// mention: no parse can give it two arguments, so it is not parsed (parseMayChange).
		"The/DET/DT/1/det attack/NOUN/NN/4/nsubj on/ADP/IN/3/case Gondor/PROPN/NNP/1/nmod continued/VERB/VBD/-1/root ./PUNCT/./4/punct",
	}
	ents := []string{"Norland/GPE", "Gondor/GPE", "Arnor/GPE", "Rohan/GPE", "Dale/GPE", "Erebor/GPE", "Gondor/GPE"}
	in, parses := parsedInput(t, lines, ents...)
	var calls []int
	parse := func(k int) {
		calls = append(calls, k)
		sn := in.NLP.Sentences[k]
		for i := sn.First; i < sn.Last; i++ {
			in.NLP.Tokens[i].Head = parses[k].heads[i-sn.First]
			in.NLP.Tokens[i].Rel = parses[k].rels[i-sn.First]
		}
	}
	Defer(in, only([]bool{true, true, false, true}, parse))
	got := code(New().Find(in))
	if !slices.Equal(calls, []int{1}) {
		t.Errorf("parsed sentences %v, want [1]", calls)
	}
	want := []want{{"attacked", "Norland", "Gondor", "190", "asserted"}, {"attacked", "Arnor", "Rohan", "190", "reported"}}
	if !slices.Equal(got, want) {
		t.Errorf("events %+v, want %+v", got, want)
	}
	for i, tok := range in.NLP.Tokens {
		if sn := in.NLP.Sentences[1]; (i < sn.First || i >= sn.Last) && (tok.Head != -1 || tok.Rel != "") {
			t.Errorf("token %d (%s) outside the parsed sentence has head %d rel %q", i, tok.Norm, tok.Head, tok.Rel)
		}
	}

	// Parsed up front instead: the same events (what the pipeline's exactness rests on).
	in, _ = parsedInput(t, lines, ents...)
	for _, k := range []int{0, 1, 3} {
		parse(k)
	}
	if full := code(New().Find(in)); !slices.Equal(full, got) {
		t.Errorf("with a parse up front: events %+v, deferred %+v", full, got)
	}
}

// TestDeferredParseReads checks the extractor's other reads of a deferred parse (TestDeferredParse
// covers the verbal argument search): a nominal trigger's arguments and the test for a past
// participle modifying the next noun (amod). Each sentence yields its events only through its
// parse, which the extractor must make (once).
func TestDeferredParseReads(t *testing.T) {
	tests := []struct {
		line string
		ents []string
		want []want
	}{
		// The source of "occupation" is the subject of its light verb, past a parenthetical.
		{"Norland/PROPN/NNP/5/nsubj ,/PUNCT/,/3/punct officials/NOUN/NNS/3/nsubj say/VERB/VBP/5/parataxis ,/PUNCT/,/3/punct began/VERB/VBD/-1/root the/DET/DT/7/det occupation/NOUN/NN/5/obj yesterday/NOUN/NN/5/obl:tmod of/ADP/IN/10/case Gondor/PROPN/NNP/7/nmod ./PUNCT/./5/punct",
			[]string{"Norland/GPE", "Gondor/GPE"},
			[]want{{"occupation", "Norland", "Gondor", "192", "reported"}}},
		// "signed agreements": an adjective (amod), not a signing; unparsed it codes two events.
		{"Norland/PROPN/NNP/2/nsubj and/CCONJ/CC/2/cc Gondor/PROPN/NNP/0/conj signed/VERB/VBN/4/amod agreements/NOUN/NNS/-1/root ./PUNCT/./4/punct",
			[]string{"Norland/GPE", "Gondor/GPE"},
			nil},
	}
	for _, tt := range tests {
		in, parses := parsedInput(t, []string{tt.line}, tt.ents...)
		calls := 0
		parse := func(k int) {
			calls++
			sn := in.NLP.Sentences[k]
			for i := sn.First; i < sn.Last; i++ {
				in.NLP.Tokens[i].Head, in.NLP.Tokens[i].Rel = parses[k].heads[i-sn.First], parses[k].rels[i-sn.First]
			}
		}
		Defer(in, only([]bool{true}, parse))
		got := code(New().Find(in))
		if calls != 1 || !slices.Equal(got, tt.want) {
			t.Errorf("%.40s...: %d parses, events %+v, want 1, %+v", tt.line, calls, got, tt.want)
		}
		none, _ := parsedInput(t, []string{tt.line}, tt.ents...)
		if slices.Equal(code(New().Find(none)), tt.want) {
			t.Errorf("%.40s...: the same events without a parse: the case does not test the parse", tt.line)
		}
	}
}

// TestDeferredParseSkips checks that the extractor does not parse a sentence whose parse
// cannot change its events (candidate.parseMayChange, args' amod test) or is taken not to
// (parseMayFill), and that its events are those of a parse made up front and read
// wherever the positional reading asks for it (unpruned).
func TestDeferredParseSkips(t *testing.T) {
	tests := []struct {
		line string
		ents []string
	}{
		// A verbal trigger with its source by position and no other actor in the sentence:
		// the parse could only give a target that is the source (no event), and the source
		// alone is no event (attacking is no unilateral act).
		{"Norland/PROPN/NNP/1/nsubj attacked/VERB/VBD/-1/root yesterday/NOUN/NN/1/obl ./PUNCT/./1/punct",
			[]string{"Norland/GPE"}},
		// A past participle before a noun (is it an adjective? the parse says amod) whose
		// positional reading, a target alone, is no event of a signing: not parsed for the
		// amod test either.
		{"Officials/NOUN/NNS/1/nsubj said/VERB/VBD/-1/root signed/VERB/VBN/3/amod agreements/NOUN/NNS/6/nsubj with/ADP/IN/5/case Norland/PROPN/NNP/3/nmod hold/VERB/VBP/1/ccomp ./PUNCT/./1/punct",
			[]string{"Norland/GPE"}},
		// An active verb with its source by position and no other actor after it: the
		// parse is not asked for a target (parseMayFill; the actor before it is no object).
		{"Officials/NOUN/NNS/3/nsubj of/ADP/IN/2/case Gondor/PROPN/NNP/0/nmod said/VERB/VBD/-1/root Norland/PROPN/NNP/5/nsubj attacked/VERB/VBD/3/ccomp yesterday/NOUN/NN/5/obl ./PUNCT/./3/punct",
			[]string{"Gondor/ORG", "Norland/ORG"}},
		// A noun with its source by position lacks a target, and no other actor follows it:
		// the parse is not asked for one (parseMayFill; the actor before it is no target).
		{"Gondor/PROPN/NNP/1/nsubj said/VERB/VBD/-1/root Norland/PROPN/NNP/4/nmod:poss 's/PART/POS/2/case offensive/NOUN/NN/7/nsubj on/ADP/IN/6/case Monday/PROPN/NNP/4/nmod continued/VERB/VBD/1/ccomp ./PUNCT/./1/punct",
			[]string{"Gondor/ORG", "Norland/ORG"}},
		// A noun with its source by position lacks a target, and an actor follows it, but
		// the sentence has no word that could mark a target (on, against, with, of, ...):
		// no parse can give it one (parseMayTarget), even one that attaches that actor to it.
		{"Norland/PROPN/NNP/2/nmod:poss 's/PART/POS/0/case offensive/NOUN/NN/3/nsubj continued/VERB/VBD/-1/root ,/PUNCT/,/3/punct Gondor/PROPN/NNP/2/nmod said/VERB/VBD/3/parataxis ./PUNCT/./3/punct",
			[]string{"Norland/ORG", "Gondor/ORG"}},
		// A noun with its targets by position lacks a source, and no actor precedes it nor
		// follows "by", "from" or "of": the parse is not asked for one (parseMayFill).
		{"The/DET/DT/1/det offensive/NOUN/NN/6/nsubj on/ADP/IN/3/case Gondor/PROPN/NNP/1/nmod and/CCONJ/CC/5/cc Norland/PROPN/NNP/3/conj continued/VERB/VBD/-1/root ./PUNCT/./6/punct",
			[]string{"Gondor/ORG", "Norland/ORG"}},
	}
	for _, tt := range tests {
		in, parses := parsedInput(t, []string{tt.line}, tt.ents...)
		calls := 0
		parse := func(k int) {
			calls++
			sn := in.NLP.Sentences[k]
			for i := sn.First; i < sn.Last; i++ {
				in.NLP.Tokens[i].Head, in.NLP.Tokens[i].Rel = parses[k].heads[i-sn.First], parses[k].rels[i-sn.First]
			}
		}
		Defer(in, only([]bool{true}, parse))
		got := code(New().Find(in))
		if calls != 0 {
			t.Errorf("%.40s...: parsed %d times, want 0", tt.line, calls)
		}
		full, _ := parsedInput(t, []string{tt.line}, tt.ents...)
		for i := range full.NLP.Tokens {
			full.NLP.Tokens[i].Head, full.NLP.Tokens[i].Rel = parses[0].heads[i], parses[0].rels[i]
		}
		ref := New()
		ref.unpruned = true
		if want := code(ref.Find(full)); !slices.Equal(got, want) {
			t.Errorf("%.40s...: events %+v, with a parse up front %+v", tt.line, got, want)
		}
	}
}
