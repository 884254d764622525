package parse

import (
	"github.com/faultline/faultline/nlp/perceptron"
)

// Transitions of the arc-eager system. Class ids: shift 0, reduce 1, then the arcs (see
// state.arc): by default left-arc with label l 2+2l and right-arc with label l 3+2l; a
// parser trained with Options.MinArcShare has only the (direction, label) pairs its
// training data makes often enough, in its own order (Parser.arcs).
const (
	shift  = 0
	reduce = 1
)

// state is a parser configuration over words 1..n with the artificial root at the end of
// the buffer, at n+1 (Ballesteros & Nivre 2013, "Going to the roots"): words are attached
// to the root only once everything else is done. Position 0 is unused.
type state struct {
	n      int
	stack  []int
	b      int // front of the buffer
	head   []int
	lab    []int
	lc, rc [][2]int // two leftmost / rightmost children
	nl, nr []int    // number of left / right children
	ls, rs []uint64 // sets of left / right child labels
	// word, tag features per position (n+1 = root)
	w, p []uint64
	u, c []uint64 // UPOS tag and lexical class (see Parser.classes) per position
	// feats is the feature set version: 0 the original set, 1 also counts of words between
	// the stack top and the buffer front, 2 set 0 without some sparse templates, 3 to 7
	// smaller sets on coarse relations (see dropped and coarseRel; maxFeatures is the
	// newest).
	feats int
	// drop marks the templates the feature set leaves out (nil: none)
	drop *[2]uint64
	// arcs gives the direction and label of each arc transition class from 2 on, as
	// label<<1 | 1 for a right-arc (nil: every label both ways; see arc)
	arcs []uint16
	// cumulative counts of verbs, punctuation (, : ;) and quotes or brackets at positions
	// 1..i (feature set 1)
	nverb, npunct, nquote []uint8
}

// maxFeatures is the newest feature set version.
const maxFeatures = 7

// countBetween fills the cumulative counts for Penn tags (n = len(tags)).
func (s *state) countBetween(tags []string) {
	m := len(tags) + 2
	if cap(s.nverb) < m {
		s.nverb = make([]uint8, m)
		s.npunct = make([]uint8, m)
		s.nquote = make([]uint8, m)
	}
	s.nverb, s.npunct, s.nquote = s.nverb[:m], s.npunct[:m], s.nquote[:m]
	s.nverb[0], s.npunct[0], s.nquote[0] = 0, 0, 0
	sat := func(x uint8) uint8 {
		if x < 255 {
			x++
		}
		return x
	}
	for i, t := range tags {
		v, p, q := s.nverb[i], s.npunct[i], s.nquote[i]
		switch t {
		case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD":
			v = sat(v)
		case ",", ":":
			p = sat(p)
		case "``", "''", "-LRB-", "-RRB-":
			q = sat(q)
		}
		s.nverb[i+1], s.npunct[i+1], s.nquote[i+1] = v, p, q
	}
	s.nverb[m-1], s.npunct[m-1], s.nquote[m-1] = s.nverb[m-2], s.npunct[m-2], s.nquote[m-2]
}

// between returns the count in cum of positions strictly between i and j (i < j), at most 3.
func between(cum []uint8, i, j int) uint64 {
	if i < 0 || j-1 >= len(cum) || j-1 < i {
		return 0
	}
	d := cum[j-1] - cum[i]
	if d > 3 {
		d = 3
	}
	return uint64(d)
}

const none = -1

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 1
	m := n + 2
	grow := func(x []int, v int) []int {
		if cap(x) < m {
			x = make([]int, m)
		}
		x = x[:m]
		for i := range x {
			x[i] = v
		}
		return x
	}
	s.head = grow(s.head, none)
	s.lab = grow(s.lab, none)
	s.nl = grow(s.nl, 0)
	s.nr = grow(s.nr, 0)
	if cap(s.lc) < m {
		s.lc = make([][2]int, m)
		s.rc = make([][2]int, m)
		s.ls = make([]uint64, m)
		s.rs = make([]uint64, m)
	}
	s.lc, s.rc, s.ls, s.rs = s.lc[:m], s.rc[:m], s.ls[:m], s.rs[:m]
	for i := 0; i < m; i++ {
		s.lc[i] = [2]int{none, none}
		s.rc[i] = [2]int{none, none}
		s.ls[i], s.rs[i] = 0, 0
	}
}

func (s *state) done() bool { return s.b > s.n && len(s.stack) == 0 }

// top returns the top of the stack, or none.
func (s *state) top() int {
	if len(s.stack) == 0 {
		return none
	}
	return s.stack[len(s.stack)-1]
}

// valid reports whether transition class c may be applied.
func (s *state) valid(c int) bool {
	top := s.top()
	switch {
	case c == shift:
		return s.b <= s.n
	case c == reduce:
		return top != none && s.head[top] != none
	}
	if right, _ := s.arc(c); right { // the root takes no right dependents
		return top != none && s.b <= s.n
	}
	return top != none && s.head[top] == none
}

// arc returns the direction (right: the buffer front becomes a dependent of the stack
// top) and label of arc transition class c (c >= 2): from s.arcs, or when it is nil, the
// classes of every label both ways, left-arc with label l 2+2l and right-arc 3+2l.
func (s *state) arc(c int) (right bool, l int) {
	if s.arcs == nil {
		return c&1 == 1, (c - 2) / 2
	}
	a := s.arcs[c-2]
	return a&1 == 1, int(a >> 1)
}

// forced returns the only valid transition when there is one, else -1: shift when the
// stack is empty, reduce when the buffer holds only the root and the top has a head. best
// would choose it whatever the scores, so the parser does not score such states.
func (s *state) forced() int {
	if len(s.stack) == 0 {
		if s.b <= s.n {
			return shift
		}
		return -1
	}
	if s.b > s.n && s.head[s.top()] != none {
		return reduce
	}
	return -1
}

func (s *state) addArc(h, d, l int) {
	s.head[d] = h
	s.lab[d] = l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.nl[h]++
		s.ls[h] |= bit
		// leftmost children: lc[0] the leftmost, lc[1] the second leftmost
		if s.lc[h][0] == none || d < s.lc[h][0] {
			s.lc[h][1] = s.lc[h][0]
			s.lc[h][0] = d
		} else if s.lc[h][1] == none || d < s.lc[h][1] {
			s.lc[h][1] = d
		}
	} else {
		s.nr[h]++
		s.rs[h] |= bit
		if s.rc[h][0] == none || d > s.rc[h][0] {
			s.rc[h][1] = s.rc[h][0]
			s.rc[h][0] = d
		} else if s.rc[h][1] == none || d > s.rc[h][1] {
			s.rc[h][1] = d
		}
	}
}

// apply applies transition class c (which must be valid).
func (s *state) apply(c int) {
	switch c {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
		return
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
		return
	}
	if right, l := s.arc(c); right {
		s.addArc(s.top(), s.b, l)
		s.stack = append(s.stack, s.b)
		s.b++
	} else {
		s.addArc(s.b, s.top(), l)
		s.stack = s.stack[:len(s.stack)-1]
	}
}

// feature templates
const (
	tS0w uint64 = iota + 1
	tS0p
	tS0wp
	tN0w
	tN0p
	tN0wp
	tN1w
	tN1p
	tN1wp
	tN2w
	tN2p
	tN2wp
	tS0wpN0wp
	tS0wpN0w
	tS0wN0wp
	tS0wpN0p
	tS0pN0wp
	tS0wN0w
	tS0pN0p
	tN0pN1p
	tN0pN1pN2p
	tS0pN0pN1p
	tS0hpS0pN0p
	tS0pS0lpN0p
	tS0pS0rpN0p
	tS0pN0pN0lp
	tS0wD
	tS0pD
	tN0wD
	tN0pD
	tS0wN0wD
	tS0pN0pD
	tS0wVr
	tS0pVr
	tS0wVl
	tS0pVl
	tN0wVl
	tN0pVl
	tS0hw
	tS0hp
	tS0l
	tS0lw
	tS0lp
	tS0ll
	tS0rw
	tS0rp
	tS0rl
	tN0lw
	tN0lp
	tN0ll
	tS0h2w
	tS0h2p
	tS0hl
	tS0l2w
	tS0l2p
	tS0l2l
	tS0r2w
	tS0r2p
	tS0r2l
	tN0l2w
	tN0l2p
	tN0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tS0pS0hpS0h2p
	tN0pN0lpN0l2p
	tS0wSr
	tS0pSr
	tS0wSl
	tS0pSl
	tN0wSl
	tN0pSl
	tS1w
	tS1p
	tS1pS0pN0p
	tS1wS0w
	tBias
	tN0wN1w
	tS0sufN0p
	tN0suf
	tS0suf
	tN0preN0p
	tN1suf
	tS0u
	tN0u
	tN1u
	tS0uN0u
	tS0c
	tN0c
	tN1c
	tS0cN0c
	tS0cN0p
	tS0pN0c
	tS1u
	tS1c
	tN2c
	tN0cN1c
	tS0huN0u
	tN3p
	tS2pS1pS0p
	tS0wN0c
	tS0cN0w
	tN0uN1uN2u
	tS0pN0pVerbs
	tS0pN0pPunct
	tS0pN0pQuotes
	tS0lS0pN0p
	tS0wN0pVerbs
)

// Feature groups. The features of a state are the union of these groups: those of the
// buffer front alone (they change only when the front moves) and with its left children;
// those of the stack's top word by itself and with its head, left children and the words
// under it (the same as long as that word is on the stack), and with its right children;
// those of the second word by itself (the same whenever that word is there); and the rest.
// The parser caches the scores of all but the rest (see Parser.parse); training uses all
// of them at once (features).

// none value of a word and a tag feature
const nw, np = 7, 7

func (s *state) wAt(i int) uint64 {
	if i < 0 || i > s.n+1 {
		return nw
	}
	return s.w[i]
}

func (s *state) pAt(i int) uint64 {
	if i < 0 || i > s.n+1 {
		return np
	}
	return s.p[i]
}

func (s *state) uAt(i int) uint64 {
	if i < 0 || i > s.n+1 {
		return np
	}
	return s.u[i]
}

func (s *state) cAt(i int) uint64 {
	if i < 0 || i > s.n+1 {
		return np
	}
	return s.c[i]
}

func sufAt(suf []uint64, i int) uint64 {
	if i < 0 || i >= len(suf) {
		return nw
	}
	return suf[i]
}

// features appends the feature keys of the state to fs.
func (s *state) features(fs []uint64, suf []uint64) []uint64 {
	fs = s.bufferFeatures(fs, suf)
	fs = s.s0Features(fs, suf, s.top())
	fs = s.s1Features(fs, s.second())
	fs = s.s0TreeFeatures(fs, s.top())
	fs = s.n0TreeFeatures(fs)
	return s.restFeatures(fs, suf)
}

// second returns the word below the top of the stack, or none.
func (s *state) second() int {
	if len(s.stack) > 1 {
		return s.stack[len(s.stack)-2]
	}
	return none
}

// bufferFeatures appends the features that depend on the buffer front s.b alone.
func (s *state) bufferFeatures(fs []uint64, suf []uint64) []uint64 {
	mix := perceptron.Mix
	last := s.n + 1
	n0 := s.b
	n1, n2, n3 := n0+1, n0+2, n0+3
	if n1 > last {
		n1 = none
	}
	if n2 > last {
		n2 = none
	}
	if n3 > last {
		n3 = none
	}
	n0w, n0p, n1w, n1p, n2w, n2p := s.wAt(n0), s.pAt(n0), s.wAt(n1), s.pAt(n1), s.wAt(n2), s.pAt(n2)
	n0u, n0c := s.uAt(n0), s.cAt(n0)
	start := len(fs)
	fs = append(fs,
		mix(tBias, 0),
		mix(tN0w, n0w), mix(tN0p, n0p), mix(tN0wp, mix(n0w, n0p)),
		mix(tN1w, n1w), mix(tN1p, n1p), mix(tN1wp, mix(n1w, n1p)),
		mix(tN2w, n2w), mix(tN2p, n2p), mix(tN2wp, mix(n2w, n2p)),
		mix(mix(tN0pN1p, n0p), n1p),
		mix(mix(mix(tN0pN1pN2p, n0p), n1p), n2p),
		mix(mix(tN0wN1w, n0w), n1w),
		mix(tN0suf, sufAt(suf, n0)),
		mix(tN1suf, sufAt(suf, n1)),
		mix(tN0u, n0u), mix(tN1u, s.uAt(n1)),
		mix(tN0c, n0c), mix(tN1c, s.cAt(n1)),
		mix(tN2c, s.cAt(n2)), mix(mix(tN0cN1c, n0c), s.cAt(n1)),
		mix(tN3p, s.pAt(n3)),
		mix(mix(mix(tN0uN1uN2u, n0u), s.uAt(n1)), s.uAt(n2)),
	)
	return s.filter(fs, start, bufferTemplates)
}

// s0Features appends the features of word s0 (the top of the stack) by itself.
func (s *state) s0Features(fs []uint64, suf []uint64, s0 int) []uint64 {
	mix := perceptron.Mix
	s0w, s0p := s.wAt(s0), s.pAt(s0)
	start := len(fs)
	fs = append(fs,
		mix(tS0w, s0w), mix(tS0p, s0p), mix(tS0wp, mix(s0w, s0p)),
		mix(tS0suf, sufAt(suf, s0)),
		mix(tS0u, s.uAt(s0)), mix(tS0c, s.cAt(s0)),
	)
	return s.filter(fs, start, s0Templates)
}

// s1Features appends the features of word s1 (second on the stack) by itself.
func (s *state) s1Features(fs []uint64, s1 int) []uint64 {
	mix := perceptron.Mix
	start := len(fs)
	fs = append(fs,
		mix(tS1w, s.wAt(s1)), mix(tS1p, s.pAt(s1)),
		mix(tS1u, s.uAt(s1)), mix(tS1c, s.cAt(s1)),
	)
	return s.filter(fs, start, s1Templates)
}

// s0TreeFeatures appends the features of word s0 (the top of the stack) and its part of
// the tree built so far: head, grandparent, outer children, valencies, label sets, and the
// words under it on the stack (s0FixedFeatures and s0RightFeatures).
func (s *state) s0TreeFeatures(fs []uint64, s0 int) []uint64 {
	fs = s.s0FixedFeatures(fs, s0)
	return s.s0RightFeatures(fs, s0)
}

// s0FixedFeatures appends the features of word s0, the top of the stack, that stay the same
// as long as it is on the stack: of its head and grandparent, its left children and the
// words under it. A word gets its left children while it is the buffer front and its head
// when it is pushed (right-arc) or popped (left-arc), and the stack under a word does not
// change while the word is on it.
func (s *state) s0FixedFeatures(fs []uint64, s0 int) []uint64 {
	mix := perceptron.Mix
	last := s.n + 1
	w, p := s.wAt, s.pAt
	lb := s.labelAt
	s0h, s0h2 := none, none
	s0l, s0l2 := none, none
	var vl0, sl0 uint64
	if s0 != none {
		s0h = s.head[s0]
		if s0h != none && s0h != last {
			s0h2 = s.head[s0h]
		}
		s0l, s0l2 = s.lc[s0][0], s.lc[s0][1]
		vl0 = uint64(s.nl[s0])
		sl0 = s.ls[s0]
	}
	s1, s2 := s.second(), none
	if len(s.stack) > 2 {
		s2 = s.stack[len(s.stack)-3]
	}
	s0w, s0p := w(s0), p(s0)
	start := len(fs)
	fs = append(fs,
		mix(mix(tS0wVl, s0w), vl0), mix(mix(tS0pVl, s0p), vl0),
		mix(tS0hw, w(s0h)), mix(tS0hp, p(s0h)), mix(tS0l, lb(s0)),
		mix(tS0lw, w(s0l)), mix(tS0lp, p(s0l)), mix(tS0ll, lb(s0l)),
		mix(tS0h2w, w(s0h2)), mix(tS0h2p, p(s0h2)), mix(tS0hl, lb(s0h)),
		mix(tS0l2w, w(s0l2)), mix(tS0l2p, p(s0l2)), mix(tS0l2l, lb(s0l2)),
		mix(mix(mix(tS0pS0lpS0l2p, s0p), p(s0l)), p(s0l2)),
		mix(mix(mix(tS0pS0hpS0h2p, s0p), p(s0h)), p(s0h2)),
		mix(mix(tS0wSl, s0w), sl0), mix(mix(tS0pSl, s0p), sl0),
		mix(mix(tS1wS0w, w(s1)), s0w),
		mix(mix(mix(tS2pS1pS0p, p(s2)), p(s1)), s0p),
	)
	return s.filter(fs, start, s0FixedTemplates)
}

// s0RightFeatures appends the features of word s0 (the top of the stack) and its right
// children; they change only when it gets a new one.
func (s *state) s0RightFeatures(fs []uint64, s0 int) []uint64 {
	if s0 == none {
		return s.childFeatures(fs, s0, none, none, 0, 0, s0RightTemplates)
	}
	return s.childFeatures(fs, s0, s.rc[s0][0], s.rc[s0][1], uint64(s.nr[s0]), s.rs[s0], s0RightTemplates)
}

// n0TreeFeatures appends the features of the buffer front and its left dependents; they
// change only when the front moves or gets a new dependent.
func (s *state) n0TreeFeatures(fs []uint64) []uint64 {
	n0 := s.b
	return s.childFeatures(fs, n0, s.lc[n0][0], s.lc[n0][1], uint64(s.nl[n0]), s.ls[n0], n0TreeTemplates)
}

// childFeatures appends the features of word x and its outer children on one side, c1 and
// c2, given its valency v and label set sig on that side: the group of templates ts
// (s0RightTemplates, n0TreeTemplates), which lists them in this order.
func (s *state) childFeatures(fs []uint64, x, c1, c2 int, v, sig uint64, ts []uint64) []uint64 {
	mix := perceptron.Mix
	w, p := s.wAt, s.pAt
	lb := s.labelAt
	_ = ts[10]
	xw, xp := w(x), p(x)
	start := len(fs)
	fs = append(fs,
		mix(mix(ts[0], xw), v), mix(mix(ts[1], xp), v),
		mix(ts[2], w(c1)), mix(ts[3], p(c1)), mix(ts[4], lb(c1)),
		mix(ts[5], w(c2)), mix(ts[6], p(c2)), mix(ts[7], lb(c2)),
		mix(mix(mix(ts[8], xp), p(c1)), p(c2)),
		mix(mix(ts[9], xw), sig), mix(mix(ts[10], xp), sig),
	)
	return s.filter(fs, start, ts)
}

// labelAt returns the label feature value of the word at i.
func (s *state) labelAt(i int) uint64 {
	if i < 0 || i > s.n+1 || s.lab[i] < 0 {
		return 99
	}
	return uint64(s.lab[i])
}

// dist returns the distance feature of stack top s0 and buffer front n0: n0-s0 up to 5,
// 6 below 10, else 7; 8 when n0 is the root and 0 when there is no top.
func (s *state) dist(s0, n0 int) uint64 {
	switch {
	case s0 == none:
		return 0
	case n0 == s.n+1:
		return 8
	}
	d := uint64(n0 - s0)
	if d > 5 {
		if d < 10 {
			return 6
		}
		return 7
	}
	return d
}

// restFeatures appends the features that are in none of the cached groups.
func (s *state) restFeatures(fs []uint64, suf []uint64) []uint64 {
	mix := perceptron.Mix
	last := s.n + 1
	w, p, u, c := s.wAt, s.pAt, s.uAt, s.cAt
	lb := s.labelAt
	s0, s1 := s.top(), s.second()
	n0 := s.b // the root when all words are shifted
	n1 := n0 + 1
	if n1 > last {
		n1 = none
	}
	s0h, s0l, s0r := none, none, none
	if s0 != none {
		s0h = s.head[s0]
		s0l, s0r = s.lc[s0][0], s.rc[s0][0]
	}
	n0l := s.lc[n0][0]
	d := s.dist(s0, n0)
	s0w, s0p, n0w, n0p := w(s0), p(s0), w(n0), p(n0)
	n1p := p(n1)
	s0wp, n0wp := mix(s0w, s0p), mix(n0w, n0p)
	start := len(fs)
	fs = append(fs,
		mix(mix(tS0wpN0wp, s0wp), n0wp),
		mix(mix(tS0wpN0w, s0wp), n0w),
		mix(mix(tS0wN0wp, s0w), n0wp),
		mix(mix(tS0wpN0p, s0wp), n0p),
		mix(mix(tS0pN0wp, s0p), n0wp),
		mix(mix(tS0wN0w, s0w), n0w),
		mix(mix(tS0pN0p, s0p), n0p),
		mix(mix(mix(tS0pN0pN1p, s0p), n0p), n1p),
		mix(mix(mix(tS0hpS0pN0p, p(s0h)), s0p), n0p),
		mix(mix(mix(tS0pS0lpN0p, s0p), p(s0l)), n0p),
		mix(mix(mix(tS0pS0rpN0p, s0p), p(s0r)), n0p),
		mix(mix(mix(tS0pN0pN0lp, s0p), n0p), p(n0l)),
		mix(mix(tS0wD, s0w), d), mix(mix(tS0pD, s0p), d),
		mix(mix(tN0wD, n0w), d), mix(mix(tN0pD, n0p), d),
		mix(mix(mix(tS0wN0wD, s0w), n0w), d), mix(mix(mix(tS0pN0pD, s0p), n0p), d),
		mix(mix(mix(tS1pS0pN0p, p(s1)), s0p), n0p),
		mix(mix(tS0sufN0p, sufAt(suf, s0)), n0p),
	)
	fs = s.filter(fs, start, restTemplates)
	s0u, n0u, s0c, n0c := u(s0), u(n0), c(s0), c(n0)
	if s.feats == 1 && s0 != none {
		sn := mix(s0p, n0p)
		nv := between(s.nverb, s0, n0)
		fs = append(fs,
			mix(mix(tS0pN0pVerbs, sn), nv),
			mix(mix(tS0pN0pPunct, sn), between(s.npunct, s0, n0)),
			mix(mix(tS0pN0pQuotes, sn), between(s.nquote, s0, n0)),
			mix(mix(tS0lS0pN0p, sn), lb(s0)),
			mix(mix(mix(tS0wN0pVerbs, s0w), n0p), nv),
		)
	}
	start = len(fs)
	fs = append(fs,
		mix(mix(tS0uN0u, s0u), n0u),
		mix(mix(tS0cN0c, s0c), n0c),
		mix(mix(tS0cN0p, s0c), n0p), mix(mix(tS0pN0c, s0p), n0c),
		mix(mix(tS0huN0u, u(s0h)), n0u),
		mix(mix(tS0wN0c, s0w), n0c), mix(mix(tS0cN0w, s0c), n0w),
	)
	return s.filter(fs, start, restClassTemplates)
}

// The templates of each feature group, in the order the group appends them (see filter).
var (
	bufferTemplates = []uint64{tBias, tN0w, tN0p, tN0wp, tN1w, tN1p, tN1wp, tN2w, tN2p, tN2wp,
		tN0pN1p, tN0pN1pN2p, tN0wN1w, tN0suf, tN1suf, tN0u, tN1u, tN0c, tN1c, tN2c, tN0cN1c,
		tN3p, tN0uN1uN2u}
	s0Templates      = []uint64{tS0w, tS0p, tS0wp, tS0suf, tS0u, tS0c}
	s1Templates      = []uint64{tS1w, tS1p, tS1u, tS1c}
	s0FixedTemplates = []uint64{tS0wVl, tS0pVl, tS0hw, tS0hp, tS0l, tS0lw, tS0lp, tS0ll,
		tS0h2w, tS0h2p, tS0hl, tS0l2w, tS0l2p, tS0l2l, tS0pS0lpS0l2p, tS0pS0hpS0h2p, tS0wSl,
		tS0pSl, tS1wS0w, tS2pS1pS0p}
	s0RightTemplates = []uint64{tS0wVr, tS0pVr, tS0rw, tS0rp, tS0rl, tS0r2w, tS0r2p, tS0r2l,
		tS0pS0rpS0r2p, tS0wSr, tS0pSr}
	n0TreeTemplates = []uint64{tN0wVl, tN0pVl, tN0lw, tN0lp, tN0ll, tN0l2w, tN0l2p, tN0l2l,
		tN0pN0lpN0l2p, tN0wSl, tN0pSl}
	restTemplates = []uint64{tS0wpN0wp, tS0wpN0w, tS0wN0wp, tS0wpN0p, tS0pN0wp, tS0wN0w,
		tS0pN0p, tS0pN0pN1p, tS0hpS0pN0p, tS0pS0lpN0p, tS0pS0rpN0p, tS0pN0pN0lp, tS0wD, tS0pD,
		tN0wD, tN0pD, tS0wN0wD, tS0pN0pD, tS1pS0pN0p, tS0sufN0p}
	restClassTemplates = []uint64{tS0uN0u, tS0cN0c, tS0cN0p, tS0pN0c, tS0huN0u, tS0wN0c, tS0cN0w}
)

// dropped returns the templates that feature set feats leaves out of set 0, or nil.
func dropped(feats int) *[2]uint64 {
	switch feats {
	case 2:
		return &drop2
	case 3:
		return &drop3
	case 4:
		return &drop4
	case 5:
		return &drop5
	case 6:
		return &drop6
	case 7:
		return &drop7
	}
	return nil
}

// drop2 marks the templates of set 0 that set 2 leaves out: sparse lexical templates,
// whose lookups nearly all miss the CPU cache, that were chosen one group at a time on
// EWT dev (6,000 training sentences, gold tags, 3 epochs; models/parse.md) as costing
// less than 0.1 UAS: three of the four word pairs of s0 and n0 and the word-pair-distance
// (the word-tag pair of both and the word-tag and tag pairs stay), the word-distance
// pairs, the word-tag pairs of n1 and n2 and n2's word, the word-label-set pairs, and the
// words of second children and of the grandparent. They are about a fifth of the lookups
// per token and nearly half of the lexical ones.
var drop2 = templateMask(
	tS0wpN0w, tS0wN0wp, tS0wN0wD, tS0wN0w,
	tS0wD, tN0wD,
	tN1wp, tN2w, tN2wp,
	tS0wSl, tS0wSr, tN0wSl,
	tS0h2w, tS0l2w, tS0r2w, tN0l2w,
)

// drop3 marks the templates of set 0 that set 3, the small set of the pipeline's first
// parser of its own (commit 078d29f; models/parselite.md), leaves out: those of set 2 and
// about as many again, so that a token takes about half the weight-table lookups. It keeps the words, tags and lexical
// classes of s0 and n0 and their pairs, the tags of n1 and n2, and mostly the tags and
// labels of the heads and children; it drops most UPOS, suffix and second-child
// templates, the word valencies and the tag-distance templates but one.
var drop3 = templateMask(
	// set 2
	tS0wpN0w, tS0wN0wp, tS0wN0wD, tS0wN0w,
	tS0wD, tN0wD,
	tN1wp, tN2w, tN2wp,
	tS0wSl, tS0wSr, tN0wSl,
	tS0h2w, tS0l2w, tS0r2w, tN0l2w,
	// buffer
	tN1suf, tN1u, tN1c, tN2c, tN0cN1c, tN3p, tN0uN1uN2u, tN0wN1w,
	// front's left children
	tN0wVl, tN0lw, tN0l2p, tN0l2l,
	// top
	tS0suf, tS0u,
	tS0wVl, tS0hw, tS0lw, tS0h2p, tS0l2p, tS0l2l, tS1wS0w,
	tS0wVr, tS0rw, tS0r2p, tS0r2l,
	// second
	tS1u, tS1c,
	// rest
	tS0pS0rpN0p, tS0pD, tN0pD, tS0sufN0p,
	tS0cN0p, tS0pN0c, tS0huN0u, tS0wN0c, tS0cN0w,
)

// drop4 marks the templates of set 0 that set 4 (commit c0adbb1's pipeline parser) leaves
// out: those of set 3 and nine more tag templates of the
// tree, 51.6 lookups a token on EWT dev instead of 61.8: the tag × label-set pairs of s0
// and n0, the tag triples with the second children, the tags of n0, n1 and n2 together and
// of s2, s1 and s0, and the label of s0's head.
var drop4 = func() [2]uint64 {
	d := drop3
	for _, t := range []uint64{tS0pSl, tS0pSr, tN0pSl, tS0pS0lpS0l2p, tS0pS0rpS0r2p, tN0pN0lpN0l2p,
		tN0pN1pN2p, tS2pS1pS0p, tS0hl} {
		d[t>>6] |= 1 << (t & 63)
	}
	return d
}()

// drop5 marks the templates of set 0 that set 5 (commit 24f9ba3's pipeline parser) leaves
// out: those of set 4 but the UPOS tags of s0 and s1, the lexical class of s1 and the
// suffix of s0. They are features of one word, scored once a sentence for each word that
// comes to the top or second place of the stack, 55.3 lookups a token on EWT dev instead
// of 51.6.
var drop5 = func() [2]uint64 {
	d := drop4
	for _, t := range []uint64{tS0u, tS1u, tS1c, tS0suf} {
		d[t>>6] &^= 1 << (t & 63)
	}
	return d
}()

// drop6 marks the templates of set 0 that set 6 leaves out: those of set 5 and six more,
// 46.3 lookups a token on EWT dev instead of 55.3: the word-tag pair of s0 with that of n0
// and with n0's tag, the tag pair and the lexical-class pair of s0 and n0 (four of the
// features scored at every transition), n0's word-tag pair and s1's word. They were chosen
// on EWT dev as those whose features, left out of set 5's trained model, cost the least
// accuracy for the lookups they take (at most 0.2 UAS each; mostly word features, whose
// weights are far apart in memory and so nearly always miss the processor's caches).
var drop6 = func() [2]uint64 {
	d := drop5
	for _, t := range []uint64{tS0wpN0wp, tS0pN0wp, tS0pN0p, tS0cN0c, tN0wp, tS1w} {
		d[t>>6] |= 1 << (t & 63)
	}
	return d
}()

// drop7 marks the templates of set 0 that set 7, the pipeline's parser
// (models/parselite.md), leaves out: those of set 6 and six more, chosen the same way on
// set 6's model: the tags of s0's head with s0 and n0, of s0, its head and grandparent,
// and of s0 and n0 with their distance, n2's tag and s1's UPOS tag and lexical class.
var drop7 = func() [2]uint64 {
	d := drop6
	for _, t := range []uint64{tS0hpS0pN0p, tS0pS0hpS0h2p, tS0pN0pD, tN2p, tS1u, tS1c} {
		d[t>>6] |= 1 << (t & 63)
	}
	return d
}()

// templateMask returns the set of templates ts as a bit mask.
func templateMask(ts ...uint64) [2]uint64 {
	var d [2]uint64
	for _, t := range ts {
		d[t>>6] |= 1 << (t & 63)
	}
	return d
}

// filter removes from fs[start:], the features of templates ts in that order, those of
// the templates the feature set drops.
func (s *state) filter(fs []uint64, start int, ts []uint64) []uint64 {
	if s.drop == nil {
		return fs
	}
	if len(fs)-start != len(ts) {
		panic("parse: feature group and template list differ")
	}
	k := start
	for i, t := range ts {
		if s.drop[t>>6]>>(t&63)&1 == 0 {
			fs[k] = fs[start+i]
			k++
		}
	}
	return fs[:k]
}
