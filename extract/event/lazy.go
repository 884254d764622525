package event

import (
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/view"
)

// Parsing on demand. The extractor reads a sentence's dependency parse only where its
// positional reading falls short (an incomplete argument search, or a past participle before
// a noun) and the parse may change the events it codes (candidate.args), so a pipeline may
// defer the parse (Defer): a sentence is then parsed when the extractor first reads its
// heads and relations, and never when it does not.

// lazyKey is the key of an input's deferred parse in extract.Input.Memo.
type lazyKey struct{}

// lazy is a document's deferred parse.
type lazy struct {
	parse func(k int) bool
	asked []bool // sentences whose parse was asked for
}

// Defer makes the extractor ask parse(k) for the parse of sentence k of in.NLP the first
// time it reads that sentence's parse; parse parses the sentence if it is to be parsed (if
// it may yield an event) and reports whether it did. A sentence not parsed reads as
// unparsed (Head -1, no Rel), as it would in a view without any parse. parse must set Head
// and Rel of the sentence's tokens in in.NLP.Tokens, every token of a sentence it parses
// gets a Rel, and whether it parses sentence k must not depend on when it is asked; tokens
// must have Head -1 and no Rel until their sentence is parsed, and sentences must not share
// tokens (as the tokenizer's do not). The facts found are those of a parse, made before the
// extractor runs, of every sentence parse would parse.
func Defer(in *extract.Input, parse func(k int) bool) {
	if in.Memo == nil {
		in.Memo = map[any]any{}
	}
	n := 0
	if in.NLP != nil {
		n = len(in.NLP.Sentences)
	}
	in.Memo[lazyKey{}] = &lazy{parse: parse, asked: make([]bool, n)}
}

// parser gives Find's argument search the parse of one sentence at a time.
type parser struct {
	in *extract.Input
	v  *view.View
	l  *lazy // nil: the view has whatever parse the input had
}

// newParser returns the parser of in's view v. With a deferred parse the view reports a
// parse (HasParse) when the document has a sentence, even if no sentence is ever parsed
// (a view without any parse reports none). That changes no event: only candidate.args
// reads the parse, and in a sentence that is not parsed, whose tokens have no head and no
// relation, neither its amod test nor parseVerbArgs and parseNounArgs find anything, so
// args keeps the positional reading, as it does without a parse.
func newParser(in *extract.Input, v *view.View) parser {
	l, _ := in.Memo[lazyKey{}].(*lazy)
	if l == nil || in.NLP == nil || len(in.NLP.Tokens) != len(v.Toks) || len(l.asked) != len(v.Sents) {
		return parser{in: in, v: v}
	}
	if !v.HasParse && len(v.Sents) > 0 {
		// The view was built before any sentence was parsed: without a parse it set every
		// Head to -1; with one it keeps the tokens' heads.
		v.HasParse = true
		for i := range v.Toks {
			v.Toks[i].Head = in.NLP.Tokens[i].Head
		}
	}
	return parser{in: in, v: v, l: l}
}

// need asks for the parse of sentence si, if it was not asked for yet, and copies its heads
// and relations to the view when it is parsed. It is called before every read of Head or
// Rel in sentence si.
func (p parser) need(si int) {
	l := p.l
	if l == nil || si < 0 || si >= len(l.asked) || l.asked[si] {
		return
	}
	l.asked[si] = true
	if !l.parse(si) {
		return
	}
	s := p.v.Sents[si]
	for i := s.First; i < s.Last; i++ {
		t := &p.in.NLP.Tokens[i]
		p.v.Toks[i].Head, p.v.Toks[i].Rel = t.Head, t.Rel
	}
}
