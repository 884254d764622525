package ner

import (
	"unicode"

	"github.com/faultline/faultline/nlp/perceptron"
)

// Tagging sums, for each token, the weights of its features (featurer.unigram and
// featurer.context). Most of those features depend on one word type alone, or on the
// previous tags alone, so tag adds cached sums instead of looking every feature up:
//
//   - per word type (wordScores, in the word's entry of the scratch cache): its own
//     features (ownFeats: unigram and its flags), the features it gives a token two before,
//     one before, one after and two after it (nbFeats), and, per previous tag seen, the
//     features that pair it with that tag (prevFeats), cached with its own features added
//     in (prevRow: one row for both);
//   - per tag pair (tagTables): tTagM1 and tTagM2M1 (tagFeats), and the features of the
//     sentence boundaries as neighbours;
//   - per POS tag and per capitalisation bucket (scratch): posFeats and capFeats;
//   - the rest (restFeats: features of two or three tokens at once, gazetteer and name-run
//     features) is looked up per token, all tokens of a sentence in one batch.
//
// The sums are integers (the model's quantisation steps), so the order in which the parts
// are added does not matter: the scores are those of scoring every feature. Together the
// parts must give exactly the features of unigram+context; TestTagCacheFeatures checks it,
// so a feature added to context must be added here too (to restFeats when in doubt: a
// feature looked up per token is always right).

// wordScores are the cached score parts of one word type, in the model's quantisation
// steps (kept in the word's wordEntry).
type wordScores struct {
	// parts holds nparts rows of NumClasses scores: ownFeats, then nbFeats at offsets -2,
	// -1, +1 and +2; nil until the word is first tagged.
	parts []int32
	// prevRows holds rows of prevFeats plus the word's own part (parts' first row), one for
	// each previous class in prevKeys: the two parts of a token's scores that depend on its
	// word, as one row.
	prevRows []int32
	prevKeys []int8
	// plain is lx.plainWord of the word (Recognizer.Exact).
	plain bool
}

// rows of wordScores.parts
const (
	partOwn = iota
	partM2
	partM1
	partP1
	partP2
	nparts
)

// offsets of the neighbour parts partM2..partP2
var partOff = [nparts]int{0, -2, -1, 1, 2}

// ownFeats appends the features of token t that depend on its word alone: unigram and
// its own flag bits.
func (f *featurer) ownFeats(b []uint64, t *token) []uint64 {
	b = f.unigram(b, t)
	return appendFlags(b, t.flags, 0)
}

// appendFlags appends the flag features of a token with flags at offset off.
func appendFlags(b []uint64, flags uint16, off int) []uint64 {
	if flags&0x1f == 0 {
		return b
	}
	for bit := uint64(0); bit < 5; bit++ {
		if flags&(1<<bit) != 0 {
			b = append(b, flagHash[off+2][bit])
		}
	}
	return b
}

// nbFeats appends the features that the token n (nil for a position before the start or
// after the end of the sentence) gives the token off places from it (n is at offset off,
// -2, -1, +1 or +2, of the token being tagged).
func nbFeats(b []uint64, n *token, off int) []uint64 {
	mix := perceptron.Mix
	var l, s uint64
	var cl uint32
	if n != nil {
		l, s, cl = n.hl, n.hs, n.cl
	} else if off < 0 {
		l, s = fnvBOS, fnvBOS
	} else {
		l, s = fnvEOS, fnvEOS
	}
	switch off {
	case -2:
		b = append(b, mix(hT[tLowerM2], l))
	case -1:
		b = append(b, mix(hT[tLowerM1], l), mix(hT[tShapeM1], s),
			mix(hT[tClCM1], uint64(cl&0xffff)), mix(hT[tClFM1], uint64(cl>>16)))
	case 1:
		b = append(b, mix(hT[tLowerP1], l), mix(hT[tShapeP1], s),
			mix(hT[tClCP1], uint64(cl&0xffff)), mix(hT[tClFP1], uint64(cl>>16)))
	case 2:
		b = append(b, mix(hT[tLowerP2], l))
	}
	if n != nil {
		b = appendFlags(b, n.flags, off)
	}
	return b
}

// tagFeats appends the features of the two previous classes (-1 for none).
func tagFeats(b []uint64, prev, prev2 int) []uint64 {
	mix := perceptron.Mix
	p1, p2 := uint64(prev+1), uint64(prev2+1)
	return append(b, mix(hT[tTagM1], p1), mix(mix(hT[tTagM2M1], p2), p1))
}

// prevFeats appends the features that pair token t's word with the previous class.
func prevFeats(b []uint64, t *token, prev int) []uint64 {
	mix := perceptron.Mix
	p1 := uint64(prev + 1)
	return append(b, mix(mix(hT[tTagM1Lower], p1), t.hl), mix(mix(hT[tTagM1Shape], p1), t.hs))
}

// posFeats appends the feature of POS tag p as the token's own tag (off 0), the previous
// token's (-1) or the next one's (+1); they are features only of a token with a POS tag.
func posFeats(b []uint64, p string, off int) []uint64 {
	switch off {
	case -1:
		return append(b, h1(tPOSM1, p))
	case 1:
		return append(b, h1(tPOSP1, p))
	}
	return append(b, h1(tPOS, p))
}

// capFeats appends the feature of a neighbour's capitalisation bucket capb at offset off
// (-1 or +1) with the token's own capital flag capd (0 or fCap).
func capFeats(b []uint64, capb byte, capd uint16, off int) []uint64 {
	mix := perceptron.Mix
	if off < 0 {
		return append(b, mix(mix(hT[tCapM1], uint64(capb)), uint64(capd)))
	}
	return append(b, mix(mix(hT[tCapP1], uint64(capb)), uint64(capd)))
}

// restFeats appends the features of token i that tag looks up for each token: those of
// context that no cached part gives.
func restFeats(b []uint64, toks []token, i int) []uint64 {
	t := &toks[i]
	mix := perceptron.Mix
	lm1, lp1 := fnvBOS, fnvEOS
	sm1, sp1 := fnvBOS, fnvEOS
	var cm1, cp1, cm2, cp2 uint32
	if i > 0 {
		p := &toks[i-1]
		lm1, sm1, cm1 = p.hl, p.hs, p.cl
		if p.gz != "" {
			b = append(b, mix(hT[tGzM1], fnv(p.gz)))
		}
		if i > 1 {
			cm2 = toks[i-2].cl
		}
	}
	if i+1 < len(toks) {
		n := &toks[i+1]
		lp1, sp1, cp1 = n.hl, n.hs, n.cl
		if n.gz != "" {
			b = append(b, mix(hT[tGzP1], fnv(n.gz)))
		}
		if i+2 < len(toks) {
			cp2 = toks[i+2].cl
		}
	}
	b = append(b, mix(mix(mix(hT[tShape3], sm1), t.hs), sp1),
		mix(mix(hT[tLowerM1Lower], lm1), t.hl), mix(mix(hT[tLowerLowerP1], t.hl), lp1),
		mix(mix(hT[tClCM2], uint64(cm2&0xffff)), uint64(cm1&0xffff)),
		mix(mix(hT[tClCP2], uint64(cp1&0xffff)), uint64(cp2&0xffff)),
		mix(mix(mix(hT[tClShape], uint64(cm1>>16)), t.hs), uint64(cp1>>16)))
	if t.gz != "" {
		g := fnv(t.gz)
		b = append(b, mix(hT[tGz], g), mix(mix(hT[tGzShape], g), t.hs))
	}
	if t.flags&fFirst != 0 {
		b = append(b, mix(hT[tFirst], t.hs))
	}
	if p := uint64(t.runPos); p != 0 {
		b = append(b, mix(mix(hT[tRunLen], uint64(t.runLen)), p))
		if p != runU {
			b = append(b, mix(mix(hT[tRunFirst], t.runFirst), p), mix(mix(hT[tRunLast], t.runLast), p))
		}
		if t.runHead != 0 {
			b = append(b, mix(mix(hT[tRunHead], uint64(t.runHead)), p))
		}
	}
	return b
}

// cachedFeats appends every feature of token i given the previous classes, part by part
// as tag adds them up (for tests: the result must be unigram+context in some order).
func (f *featurer) cachedFeats(b []uint64, toks []token, i, prev, prev2 int) []uint64 {
	t := &toks[i]
	b = f.ownFeats(b, t)
	for k := partM2; k < nparts; k++ {
		b = nbFeats(b, at(toks, i+partOff[k]), partOff[k])
	}
	b = tagFeats(b, prev, prev2)
	b = prevFeats(b, t, prev)
	if t.pos != "" {
		b = posFeats(b, t.pos, 0)
		if i > 0 {
			b = posFeats(b, toks[i-1].pos, -1)
		}
		if i+1 < len(toks) {
			b = posFeats(b, toks[i+1].pos, 1)
		}
	}
	capd := t.flags & fCap
	if i > 0 {
		b = capFeats(b, toks[i-1].capb, capd, -1)
	}
	if i+1 < len(toks) {
		b = capFeats(b, toks[i+1].capb, capd, 1)
	}
	return restFeats(b, toks, i)
}

// tagTables are the score parts of a tagger that depend on no word: tag pairs and
// sentence boundaries.
type tagTables struct {
	// pair[((prev+1)*(nc+1)+prev2+1)*nc:][:nc] scores tagFeats(prev, prev2)
	pair []int32
	// edge[k] scores nbFeats(nil, partOff[k]) (a neighbour position outside the sentence)
	edge [nparts][]int32
	// valid[(prev+1)*nc+c] is t.valid(prev, c)
	valid []bool
}

// tables returns the tagger's tagTables, computed on first use.
func (t *Tagger) tables() *tagTables {
	t.tabOnce.Do(func() {
		nc := len(t.classes)
		tab := &tagTables{pair: make([]int32, (nc+1)*(nc+1)*nc), valid: make([]bool, (nc+1)*nc)}
		var b []uint64
		for p := -1; p < nc; p++ {
			for p2 := -1; p2 < nc; p2++ {
				b = tagFeats(b[:0], p, p2)
				t.m.ScoreInt(b, tab.pair[((p+1)*(nc+1)+p2+1)*nc:][:nc])
			}
			for c := 0; c < nc; c++ {
				tab.valid[(p+1)*nc+c] = t.valid(p, c)
			}
		}
		for k := partM2; k < nparts; k++ {
			tab.edge[k] = make([]int32, nc)
			b = nbFeats(b[:0], nil, partOff[k])
			t.m.ScoreInt(b, tab.edge[k])
		}
		t.tab = tab
	})
	return t.tab
}

// fillWord computes the parts of a word (tok is a token of the word).
func (t *Tagger) fillWord(sc *scratch, e *wordScores, tok *token) {
	nc := len(t.classes)
	e.parts = sc.newParts(nparts * nc)
	b := sc.f.ownFeats(sc.f.buf[:0], tok)
	var ends [nparts]int
	var outs [nparts][]int32
	ends[partOwn] = len(b)
	outs[partOwn] = e.parts[:nc]
	for k := partM2; k < nparts; k++ {
		b = nbFeats(b, tok, partOff[k])
		ends[k] = len(b)
		outs[k] = e.parts[k*nc:][:nc]
	}
	sc.f.buf = b
	t.m.ScoreIntParts(b, ends[:], outs[:])
	e.plain = t.lx.plainWord(tok)
}

// slabWords is how many words' parts a scratch allocates at once (scratch.newParts), for
// models of slabClasses classes (the shipped one; larger models fill fewer words a slab).
const (
	slabWords   = 64
	slabClasses = 17
)

// newParts returns n zero scores for a word's parts or rows, cut from a larger allocation:
// one allocation for many words, which the garbage collector does not scan (no pointers).
func (sc *scratch) newParts(n int) []int32 {
	if len(sc.slab) < n {
		sc.slab = make([]int32, max(slabWords*nparts*slabClasses, n))
	}
	p := sc.slab[:n:n]
	sc.slab = sc.slab[n:]
	return p
}

// plainWord reports whether tok's word can be tagged O without scoring after O (the
// approximation that Recognizer.Exact turns off): a lower-case word seldom capitalised in
// running text (capitalisation bucket 1, under 5%) that is no particle, group word,
// demonym, place, actor, spelling variant or compass word, or a punctuation token (no
// letter or digit). Lower-case titles, organisation heads and force nouns may be plain:
// the tagger does not open names with them (the actor rules make descriptive actors of
// them afterwards). Numbers and words with digits (8th, 6:15) are not plain: they open
// names (8th Division).
func (lx *lexicon) plainWord(tok *token) bool {
	if tok.flags&(fParticle|fGroup|fCap) != 0 {
		return false
	}
	letters := false
	for _, r := range tok.word {
		if unicode.IsDigit(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	if !letters {
		return true
	}
	if tok.capb != 1 {
		return false
	}
	l := tok.lower
	if _, ok := lx.places.Lookup(l); ok {
		return false
	}
	if _, ok := lx.actors[l]; ok {
		return false
	}
	if _, ok := lx.demonyms[l]; ok {
		return false
	}
	if _, ok := lx.variants[tok.word]; ok {
		return false
	}
	return !lx.dirNoun[l] && !lx.dirAdj[l]
}

// prevRow returns the prevFeats scores of e's word (tok is a token of it) after class prev,
// plus its own part (e.parts, which must be filled).
func (t *Tagger) prevRow(sc *scratch, e *wordScores, tok *token, prev int) []int32 {
	nc := len(t.classes)
	for k, p := range e.prevKeys {
		if int(p) == prev {
			return e.prevRows[k*nc:][:nc]
		}
	}
	n := len(e.prevRows)
	if cap(e.prevRows)-n < nc {
		// room for twice the rows, cut from the scratch's slab
		r := sc.newParts(max(2*n, 2*nc))[:n]
		copy(r, e.prevRows)
		e.prevRows = r
	}
	e.prevRows = e.prevRows[:n+nc]
	e.prevKeys = append(e.prevKeys, int8(prev))
	sc.f.buf = prevFeats(sc.f.buf[:0], tok, prev)
	r := e.prevRows[n:][:nc]
	t.m.ScoreInt(sc.f.buf, r)
	addRow(r, e.parts[:nc])
	return r
}

// posRow returns the scores of POS tag p at offset off (-1, 0, +1) of the tagged token.
func (t *Tagger) posRow(sc *scratch, p string, off int) []int32 {
	nc := len(t.classes)
	r := sc.pos.get(p)
	if r == nil {
		r = make([]int32, 3*nc)
		var b []uint64
		for k := -1; k <= 1; k++ {
			b = posFeats(b[:0], p, k)
			t.m.ScoreInt(b, r[(k+1)*nc:][:nc])
		}
		sc.pos.put(p, r)
	}
	return r[(off+1)*nc:][:nc]
}

// posCache holds the rows of posRow by POS tag: a tag of one to seven bytes (every Penn
// tag) in an open-addressed table keyed by its bytes, cheaper than a string-keyed map
// lookup, any other tag in a map.
type posCache struct {
	keys [posSlots]uint64 // posKey of the tag in each slot, 0 for an empty slot
	rows [posSlots][]int32
	n    int // slots used, at most posSlots/2
	long map[string][]int32
}

const posSlots = 256

// posKey packs a tag of one to seven bytes and its length into a non-zero word; ok is
// false for any other tag.
func posKey(p string) (k uint64, ok bool) {
	if len(p) == 0 || len(p) > 7 {
		return 0, false
	}
	k = uint64(len(p))
	for i := 0; i < len(p); i++ {
		k = k<<8 | uint64(p[i])
	}
	return k, true
}

// slot returns the slot of key k: the one holding it, or the empty one where it goes.
func (c *posCache) slot(k uint64) int {
	s := int(k * 0x9E3779B97F4A7C15 >> 56)
	for c.keys[s] != 0 && c.keys[s] != k {
		s = (s + 1) % posSlots
	}
	return s
}

// get returns the rows of tag p, nil when absent.
func (c *posCache) get(p string) []int32 {
	if k, ok := posKey(p); ok {
		if s := c.slot(k); c.keys[s] == k {
			return c.rows[s]
		}
	}
	return c.long[p]
}

// put sets the rows of tag p.
func (c *posCache) put(p string, r []int32) {
	if k, ok := posKey(p); ok && c.n < posSlots/2 {
		s := c.slot(k)
		c.keys[s], c.rows[s] = k, r
		c.n++
		return
	}
	if c.long == nil {
		c.long = map[string][]int32{}
	}
	c.long[p] = r
}

// capRow returns the scores of capFeats(capb, capd, off).
func (t *Tagger) capRow(sc *scratch, capb byte, capd uint16, off int) []int32 {
	nc := len(t.classes)
	k := int(capb) * 4
	if capd != 0 {
		k += 2
	}
	if off > 0 {
		k++
	}
	if sc.caps == nil {
		sc.caps = make([][]int32, 256*4)
	}
	r := sc.caps[k]
	if r == nil {
		r = make([]int32, nc)
		t.m.ScoreInt(capFeats(nil, capb, capd, off), r)
		sc.caps[k] = r
	}
	return r
}

// addRow adds r to s.
func addRow(s, r []int32) {
	r = r[:len(s)]
	for i := range s {
		s[i] += r[i]
	}
}

// addRows adds every row of rows to s, up to four rows per pass over s. The sums are
// those of adding the rows one by one (integer addition, wrapping on overflow, does not
// depend on the order).
func addRows(s []int32, rows [][]int32) {
	n := len(s)
	for len(rows) >= 4 {
		a, b, c, d := rows[0][:n], rows[1][:n], rows[2][:n], rows[3][:n]
		for i := range s {
			s[i] += a[i] + b[i] + c[i] + d[i]
		}
		rows = rows[4:]
	}
	switch len(rows) {
	case 3:
		a, b, c := rows[0][:n], rows[1][:n], rows[2][:n]
		for i := range s {
			s[i] += a[i] + b[i] + c[i]
		}
	case 2:
		a, b := rows[0][:n], rows[1][:n]
		for i := range s {
			s[i] += a[i] + b[i]
		}
	case 1:
		addRow(s, rows[0])
	}
}
