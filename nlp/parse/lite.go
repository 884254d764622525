package parse

import "github.com/faultline/faultline/nlp/perceptron"

// Feature set 7 (LoadLite's, the pipeline's parser) computed directly. The generic group
// functions (bufferFeatures, restFeatures, s0FixedFeatures, childFeatures) compute every
// template of set 0 and then filter out those a set drops; these functions compute only
// the templates set 7 keeps, in the same order, so that they append the same keys. The
// features of restFeatures, which are scored at every transition, mostly start with values
// of the stack's top s0 that stay the same while it is on the stack (its tags, word-tag
// pair, leftmost child, the word under it): restPrefixes7 hashes those parts once a
// sentence for each word that comes to the top, and rest7 finishes them with the values of
// the buffer. TestLite checks them against the generic functions in every state of a set
// of parses. The generic functions still serve set 7 where these do not: restFeatures when
// the stack is empty, and all groups in parseUncached (sentences over maxCached words);
// they serve every other set (5 and 6 too) everywhere.

// restPrefixes is the number of per-word prefixes of rest7.
const restPrefixes = 6

// restPrefixes7 fills pre with the parts of rest7's features that depend only on word s0
// (not none) at the top of the stack, as long as it is there.
func (s *state) restPrefixes7(pre *[restPrefixes]uint64, s0 int) {
	mix := perceptron.Mix
	p := s.pAt
	s0p := p(s0)
	pre[0] = mix(tS0wpN0p, mix(s.wAt(s0), s0p))
	pre[1] = mix(tS0pN0pN1p, s0p)
	pre[2] = mix(mix(tS0pS0lpN0p, s0p), p(s.lc[s0][0]))
	pre[3] = mix(tS0pN0pN0lp, s0p)
	pre[4] = mix(mix(tS1pS0pN0p, p(s.second())), s0p)
	pre[5] = mix(tS0uN0u, s.uAt(s0))
}

// rest7 appends restFeatures(fs, suf) of feature set 7 for the current state, whose stack
// top s0 (not none) has prefixes pre (restPrefixes7).
func (s *state) rest7(fs []uint64, s0 int, pre *[restPrefixes]uint64) []uint64 {
	mix := perceptron.Mix
	n0 := s.b
	n1 := n0 + 1
	if n1 > s.n+1 {
		n1 = none
	}
	n0p := s.pAt(n0)
	return append(fs,
		mix(pre[0], n0p),
		mix(mix(pre[1], n0p), s.pAt(n1)),
		mix(pre[2], n0p),
		mix(mix(pre[3], n0p), s.pAt(s.lc[n0][0])),
		mix(pre[4], n0p),
		mix(pre[5], s.uAt(n0)),
	)
}

// buffer7 appends bufferFeatures(fs, suf) of feature set 7.
func (s *state) buffer7(fs []uint64, suf []uint64) []uint64 {
	mix := perceptron.Mix
	n0 := s.b
	n1 := n0 + 1
	if n1 > s.n+1 {
		n1 = none
	}
	n0p, n1p := s.pAt(n0), s.pAt(n1)
	return append(fs,
		mix(tBias, 0),
		mix(tN0w, s.wAt(n0)), mix(tN0p, n0p),
		mix(tN1w, s.wAt(n1)), mix(tN1p, n1p),
		mix(mix(tN0pN1p, n0p), n1p),
		mix(tN0suf, sufAt(suf, n0)),
		mix(tN0u, s.uAt(n0)),
		mix(tN0c, s.cAt(n0)),
	)
}

// fixed7 appends s0FixedFeatures(fs, s0) of feature set 7.
func (s *state) fixed7(fs []uint64, s0 int) []uint64 {
	mix := perceptron.Mix
	p := s.pAt
	s0h, s0l := none, none
	var vl0 uint64
	if s0 != none {
		s0h = s.head[s0]
		s0l = s.lc[s0][0]
		vl0 = uint64(s.nl[s0])
	}
	return append(fs,
		mix(mix(tS0pVl, p(s0)), vl0),
		mix(tS0hp, p(s0h)), mix(tS0l, s.labelAt(s0)),
		mix(tS0lp, p(s0l)), mix(tS0ll, s.labelAt(s0l)),
	)
}

// child7 appends childFeatures(fs, x, c1, c2, v, sig, ts) of feature set 7, for ts
// s0RightTemplates or n0TreeTemplates: those of x's tag and valency and of its outer
// child c1.
func (s *state) child7(fs []uint64, x, c1 int, v uint64, ts []uint64) []uint64 {
	mix := perceptron.Mix
	_ = ts[4]
	return append(fs,
		mix(mix(ts[1], s.pAt(x)), v),
		mix(ts[3], s.pAt(c1)), mix(ts[4], s.labelAt(c1)),
	)
}

// right7 appends s0RightFeatures(fs, s0) of feature set 7 (s0 not none).
func (s *state) right7(fs []uint64, s0 int) []uint64 {
	return s.child7(fs, s0, s.rc[s0][0], uint64(s.nr[s0]), s0RightTemplates)
}

// n0Tree7 appends n0TreeFeatures(fs) of feature set 7.
func (s *state) n0Tree7(fs []uint64) []uint64 {
	n0 := s.b
	return s.child7(fs, n0, s.lc[n0][0], uint64(s.nl[n0]), n0TreeTemplates)
}
