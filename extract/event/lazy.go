package event

import (
	"slices"

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
	parse  func(k int)
	wanted []bool // sentences to parse when needed
	done   []bool // sentences parsed so far
}

// Defer makes the extractor parse sentence k of in.NLP, by calling parse(k), the first time
// it reads that sentence's parse, for each k with wanted[k]; sentences not wanted are never
// parsed and read as unparsed (Head -1, no Rel). parse must set Head and Rel of the sentence's
// tokens in in.NLP.Tokens, and every token of a wanted sentence that is parsed gets a Rel;
// tokens of wanted sentences must have Head -1 and no Rel until then, and sentences must not
// share tokens (as the tokenizer's do not). The facts found are those of a parse of every
// wanted sentence made before the extractor runs.
func Defer(in *extract.Input, wanted []bool, parse func(k int)) {
	if in.Memo == nil {
		in.Memo = map[any]any{}
	}
	in.Memo[lazyKey{}] = &lazy{parse: parse, wanted: wanted, done: make([]bool, len(wanted))}
}

// parser gives Find's argument search the parse of one sentence at a time.
type parser struct {
	in *extract.Input
	v  *view.View
	l  *lazy // nil: the view has whatever parse the input had
}

// newParser returns the parser of in's view v. With a deferred parse the view reports a
// parse (HasParse) exactly when some sentence is wanted, as it would after parsing them all.
func newParser(in *extract.Input, v *view.View) parser {
	l, _ := in.Memo[lazyKey{}].(*lazy)
	if l == nil || in.NLP == nil || len(in.NLP.Tokens) != len(v.Toks) || len(l.wanted) != len(v.Sents) {
		return parser{in: in, v: v}
	}
	if !v.HasParse && slices.Contains(l.wanted, true) {
		// The view was built before any sentence was parsed: without a parse it set every
		// Head to -1; with one it keeps the tokens' heads.
		v.HasParse = true
		for i := range v.Toks {
			v.Toks[i].Head = in.NLP.Tokens[i].Head
		}
	}
	return parser{in: in, v: v, l: l}
}

// need parses sentence si, if it is wanted and not parsed yet, and copies its heads and
// relations to the view. It is called before every read of Head or Rel in sentence si.
func (p parser) need(si int) {
	l := p.l
	if l == nil || si < 0 || si >= len(l.wanted) || !l.wanted[si] || l.done[si] {
		return
	}
	l.done[si] = true
	l.parse(si)
	s := p.v.Sents[si]
	for i := s.First; i < s.Last; i++ {
		t := &p.in.NLP.Tokens[i]
		p.v.Toks[i].Head, p.v.Toks[i].Rel = t.Head, t.Rel
	}
}
