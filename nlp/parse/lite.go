package parse

import "github.com/faultline/faultline/nlp/perceptron"

// Feature sets 5 to 7 (LoadLite's, the pipeline's parser) computed directly. The generic group
// functions (bufferFeatures, restFeatures, s0FixedFeatures, childFeatures) compute every
// template of set 0 and then filter out those a set drops; for set 5 these functions
// compute only the templates it keeps, in the same order,
// so that they append the same keys. The features of restFeatures, which
// are scored at every transition, mostly start with values of the stack's top s0 that stay
// the same while it is on the stack (its tag, word-tag pair, head, leftmost child, the word
// under it): restPrefixes5 hashes those parts once a sentence for each word that comes to
// the top, and rest5 finishes them with the values of the buffer. TestLite checks them
// against the generic functions in every state of a set of parses. The generic functions
// still serve set 5 where these do not: restFeatures when the stack is empty, and all
// groups in parseUncached (sentences over maxCached words). Sets 6 and 7 are set 5 with
// fewer templates: these functions compute set 5's and filter out those the set drops
// (s.filter, with the lists rest5Templates, buffer5Templates and fixed5Templates).

// restPrefixes is the number of per-word prefixes of rest5.
const restPrefixes = 12

// prepareLite fills s.wp, the word-tag pair hash of each position, after prepare.
func (s *state) prepareLite() {
	m := len(s.w)
	if cap(s.wp) < m {
		s.wp = make([]uint64, m)
	}
	s.wp = s.wp[:m]
	p := s.p[:m]
	for i, w := range s.w {
		s.wp[i] = perceptron.Mix(w, p[i])
	}
}

// wpAt returns the word-tag pair hash of the word at i (as mix(wAt(i), pAt(i))).
func (s *state) wpAt(i int) uint64 {
	if i < 0 || i >= len(s.wp) {
		return perceptron.Mix(nw, np)
	}
	return s.wp[i]
}

// restPrefixes5 fills pre with the parts of rest5's features that depend only on word s0
// (not none) at the top of the stack, as long as it is there.
func (s *state) restPrefixes5(pre *[restPrefixes]uint64, s0 int) {
	mix := perceptron.Mix
	p := s.pAt
	s0p, s0wp := p(s0), s.wpAt(s0)
	s0h, s0l := s.head[s0], s.lc[s0][0]
	pre[0] = mix(tS0wpN0wp, s0wp)
	pre[1] = mix(tS0wpN0p, s0wp)
	pre[2] = mix(tS0pN0wp, s0p)
	pre[3] = mix(tS0pN0p, s0p)
	pre[4] = mix(tS0pN0pN1p, s0p)
	pre[5] = mix(mix(tS0hpS0pN0p, p(s0h)), s0p)
	pre[6] = mix(mix(tS0pS0lpN0p, s0p), p(s0l))
	pre[7] = mix(tS0pN0pN0lp, s0p)
	pre[8] = mix(tS0pN0pD, s0p)
	pre[9] = mix(mix(tS1pS0pN0p, p(s.second())), s0p)
	pre[10] = mix(tS0uN0u, s.uAt(s0))
	pre[11] = mix(tS0cN0c, s.cAt(s0))
}

// rest5Templates, buffer5Templates and fixed5Templates are the templates rest5, buffer5
// and fixed5 append, in that order.
var (
	fixed5Templates = []uint64{tS0pVl, tS0hp, tS0l, tS0lp, tS0ll, tS0pS0hpS0h2p}
	rest5Templates  = []uint64{tS0wpN0wp, tS0wpN0p, tS0pN0wp, tS0pN0p, tS0pN0pN1p, tS0hpS0pN0p,
		tS0pS0lpN0p, tS0pN0pN0lp, tS0pN0pD, tS1pS0pN0p, tS0uN0u, tS0cN0c}
	buffer5Templates = []uint64{tBias, tN0w, tN0p, tN0wp, tN1w, tN1p, tN2p, tN0pN1p, tN0suf, tN0u, tN0c}
)

// rest5 appends restFeatures(fs, suf) of feature set 5, 6 or 7 for the current state, whose
// stack top s0 (not none) has prefixes pre (restPrefixes5).
func (s *state) rest5(fs []uint64, s0 int, pre *[restPrefixes]uint64) []uint64 {
	mix := perceptron.Mix
	last := s.n + 1
	n0 := s.b
	n1 := n0 + 1
	if n1 > last {
		n1 = none
	}
	d := s.dist(s0, n0)
	n0p, n0wp := s.pAt(n0), s.wpAt(n0)
	start := len(fs)
	fs = append(fs,
		mix(pre[0], n0wp),
		mix(pre[1], n0p),
		mix(pre[2], n0wp),
		mix(pre[3], n0p),
		mix(mix(pre[4], n0p), s.pAt(n1)),
		mix(pre[5], n0p),
		mix(pre[6], n0p),
		mix(mix(pre[7], n0p), s.pAt(s.lc[n0][0])),
		mix(mix(pre[8], n0p), d),
		mix(pre[9], n0p),
		mix(pre[10], s.uAt(n0)),
		mix(pre[11], s.cAt(n0)),
	)
	if s.feats != 5 {
		fs = s.filter(fs, start, rest5Templates)
	}
	return fs
}

// buffer5 appends bufferFeatures(fs, suf) of feature set 5, 6 or 7.
func (s *state) buffer5(fs []uint64, suf []uint64) []uint64 {
	mix := perceptron.Mix
	last := s.n + 1
	n0 := s.b
	n1, n2 := n0+1, n0+2
	if n1 > last {
		n1 = none
	}
	if n2 > last {
		n2 = none
	}
	n0w, n0p, n1p := s.wAt(n0), s.pAt(n0), s.pAt(n1)
	start := len(fs)
	fs = append(fs,
		mix(tBias, 0),
		mix(tN0w, n0w), mix(tN0p, n0p), mix(tN0wp, s.wpAt(n0)),
		mix(tN1w, s.wAt(n1)), mix(tN1p, n1p),
		mix(tN2p, s.pAt(n2)),
		mix(mix(tN0pN1p, n0p), n1p),
		mix(tN0suf, sufAt(suf, n0)),
		mix(tN0u, s.uAt(n0)),
		mix(tN0c, s.cAt(n0)),
	)
	if s.feats != 5 {
		fs = s.filter(fs, start, buffer5Templates)
	}
	return fs
}

// fixed5 appends s0FixedFeatures(fs, s0) of feature set 5, 6 or 7.
func (s *state) fixed5(fs []uint64, s0 int) []uint64 {
	mix := perceptron.Mix
	last := s.n + 1
	p := s.pAt
	s0h, s0h2, s0l := none, none, none
	var vl0 uint64
	if s0 != none {
		s0h = s.head[s0]
		if s0h != none && s0h != last {
			s0h2 = s.head[s0h]
		}
		s0l = s.lc[s0][0]
		vl0 = uint64(s.nl[s0])
	}
	s0p := p(s0)
	start := len(fs)
	fs = append(fs,
		mix(mix(tS0pVl, s0p), vl0),
		mix(tS0hp, p(s0h)), mix(tS0l, s.labelAt(s0)),
		mix(tS0lp, p(s0l)), mix(tS0ll, s.labelAt(s0l)),
		mix(mix(mix(tS0pS0hpS0h2p, s0p), p(s0h)), p(s0h2)),
	)
	if s.feats != 5 {
		fs = s.filter(fs, start, fixed5Templates)
	}
	return fs
}

// child5 appends childFeatures(fs, x, c1, c2, v, sig, ts) of feature set 5, for ts
// s0RightTemplates or n0TreeTemplates: those of x's tag and valency and of its outer
// child c1.
func (s *state) child5(fs []uint64, x, c1 int, v uint64, ts []uint64) []uint64 {
	mix := perceptron.Mix
	_ = ts[4]
	return append(fs,
		mix(mix(ts[1], s.pAt(x)), v),
		mix(ts[3], s.pAt(c1)), mix(ts[4], s.labelAt(c1)),
	)
}

// right5 appends s0RightFeatures(fs, s0) of feature set 5 (s0 not none).
func (s *state) right5(fs []uint64, s0 int) []uint64 {
	return s.child5(fs, s0, s.rc[s0][0], uint64(s.nr[s0]), s0RightTemplates)
}

// n0Tree5 appends n0TreeFeatures(fs) of feature set 5.
func (s *state) n0Tree5(fs []uint64) []uint64 {
	n0 := s.b
	return s.child5(fs, n0, s.lc[n0][0], uint64(s.nl[n0]), n0TreeTemplates)
}
