package pos

import (
	"math"
	"strings"

	"github.com/faultline/faultline/internal/wordtable"
	"github.com/faultline/faultline/nlp/perceptron"
)

// A word's features split in four parts (see featureSet.features): those of the word alone
// (localFeatures), those of it as the left neighbour of the word being tagged
// (leftFeatures), as its right neighbour (rightNeighbourFeatures), and the rest, which
// depend on several words or on predicted tags (contextFeatures, prevWordFeatures,
// tagFeatures). The first three are the same at every occurrence of a word form, so a
// wordCache keeps their integer scores per form, and those of prevWordFeatures and
// tagFeatures per previous tag (see modelParts): tagging a frequent word then costs the
// lookups of contextFeatures only. Integer sums are exact, so the tags are those of the
// uncached features.

// localFeatures appends the features of word w that depend on its form only.
func localFeatures(fs []uint64, w *wordInfo) []uint64 {
	mix := perceptron.Mix
	fs = append(fs,
		mix(fBias, 0),
		mix(fForm, w.form),
		mix(fLower, w.lower),
		mix(fSuf1, w.suf[1]),
		mix(fSuf2, w.suf[2]),
		mix(fSuf3, w.suf[3]),
		mix(fSuf4, w.suf[4]),
		mix(fSuf5, w.suf[5]),
		mix(fPre1, w.pre[1]),
		mix(fPre2, w.pre[2]),
		mix(fPre3, w.pre[3]),
		mix(fShape, w.shape),
	)
	if w.hyphen != 0 {
		fs = append(fs, mix(fHyphen, w.hyphen))
	}
	if w.class != 0 {
		fs = append(fs, mix(fClass, w.class))
	}
	return fs
}

// leftFeatures appends the features that word m1 gives the word after it.
func (s featureSet) leftFeatures(fs []uint64, m1 *wordInfo) []uint64 {
	mix := perceptron.Mix
	fs = append(fs, mix(fLowerM1, m1.lower), mix(fSuf3M1, m1.suf[3]), mix(fShapeM1, m1.shape))
	if s == setLean {
		fs = append(fs, mix(fClassOfM1, m1.class), mix(fSuf2M1, m1.suf[2]), mix(fSuf1M1, m1.suf[1]))
	}
	return fs
}

// rightNeighbourFeatures appends the features that word p1 gives the word before it.
func (s featureSet) rightNeighbourFeatures(fs []uint64, p1 *wordInfo) []uint64 {
	mix := perceptron.Mix
	fs = append(fs, mix(fLowerP1, p1.lower), mix(fSuf3P1, p1.suf[3]), mix(fSuf2P1, p1.suf[2]), mix(fShapeP1, p1.shape))
	if s == setLean {
		fs = append(fs, mix(fClassOfP1, p1.class), mix(fSuf1P1, p1.suf[1]), mix(fSuf4P1, p1.suf[4]), mix(fPre1P1, p1.pre[1]))
	}
	return fs
}

// prevWordFeatures appends the features of word w that depend on the previous tag too.
func prevWordFeatures(fs []uint64, w *wordInfo, prev uint64) []uint64 {
	mix := perceptron.Mix
	return append(fs,
		mix(fPrev, prev),
		mix(mix(fPrevLower, prev), w.lower),
		mix(mix(fPrevSuf3, prev), w.suf[3]),
		mix(mix(fPrevShape, prev), w.shape),
	)
}

// tagFeatures appends the features of the two previous tags alone (but fPrev, which
// prevWordFeatures has) and the sentence-casing feature of word w.
func tagFeatures(fs []uint64, prev, prev2 uint64, w *wordInfo) []uint64 {
	mix := perceptron.Mix
	return append(fs, mix(fPrev2, prev2), mix(mix(fPrevPrev2, prev), prev2), mix(mix(fSentCase, w.scase), casing(w)))
}

// casing is 1 for a capitalised word, else 0.
func casing(w *wordInfo) uint64 {
	if w.cap {
		return 1
	}
	return 0
}

// contextFeatures appends the features of word i that localFeatures, leftFeatures,
// rightNeighbourFeatures, prevWordFeatures and tagFeatures leave out: together they are
// s.features(fs, ws, i, prev, prev2).
func (s featureSet) contextFeatures(fs []uint64, ws []wordInfo, i int, prev uint64) []uint64 {
	if s == setFull {
		w := &ws[i+2]
		m1, m2 := &ws[i+1], &ws[i]
		p1, p2 := &ws[i+3], &ws[i+4]
		mix := perceptron.Mix
		fs = append(fs,
			mix(fLowerM2, m2.lower),
			mix(fLowerP2, p2.lower),
			mix(mix(fBigramM1, m1.lower), w.lower),
			mix(mix(fBigramP1, w.lower), p1.lower),
			mix(mix(fLowerP1P2, p1.lower), p2.lower),
			mix(mix(fPrevLowerP1, prev), p1.lower),
		)
	}
	cf, n := s.classContext(ws, i, prev)
	for _, f := range cf[:n] {
		fs = append(fs, f.key)
	}
	return fs
}

// A ctxFeature is one of the features of classContext: its key and, for a feature of two
// ambiguity classes or of a tag and a class, which table of modelParts.ctx keeps its
// handle, under which pair (a, b) of class indexes (wordInfo.ci) or of previous tag and
// class index.
type ctxFeature struct {
	key  uint64
	kind ctxKind
	a, b uint32
}

// ctxKind tells a ctxFeature's table.
type ctxKind uint8

const (
	ctxNone   ctxKind = iota // no table: the feature has too many keys
	ctxPrevP1                // previous tag (as in features: 1000 before the sentence), class of the word after
	ctxP1P2                  // classes of the two words after
	ctxWM1                   // classes of the word and the word before
	ctxWP1                   // classes of the word and the word after
	nCtxKinds
)

// classContext returns the features of contextFeatures but setFull's of the words at ±2
// and of word pairs: at most five.
func (s featureSet) classContext(ws []wordInfo, i int, prev uint64) (cf [5]ctxFeature, n int) {
	w := &ws[i+2]
	m1 := &ws[i+1]
	p1, p2 := &ws[i+3], &ws[i+4]
	mix := perceptron.Mix
	if s == setLean {
		cf[0] = ctxFeature{mix(mix(fPrevClassP1, prev), p1.class), ctxPrevP1, uint32(prev), p1.ci}
		cf[1] = ctxFeature{mix(mix(fClassP1P2, p1.class), p2.class), ctxP1P2, p1.ci, p2.ci}
		n = 2
	}
	if w.first {
		cf[n] = ctxFeature{key: mix(mix(fFirstCap, casing(w)), w.lower)}
		n++
	}
	if w.class != 0 {
		cf[n] = ctxFeature{mix(mix(fClassM1, w.class), m1.class), ctxWM1, w.ci, m1.ci}
		cf[n+1] = ctxFeature{mix(mix(fClassP1, w.class), p1.class), ctxWP1, w.ci, p1.ci}
		n += 2
	}
	return cf, n
}

// Bounds of a wordCache: when it would hold more word forms than maxTypes, it keeps the
// words seen most often since it last did so (at most maxTypes/2, see compact) and drops
// the rest; a model's (previous tag, word) vectors likewise when they would be more than
// maxPairs. News text keeps bringing new words (names, places) among recurring ones, so
// keeping the frequent words instead of emptying the whole cache saves most of the
// recomputation of their vectors (on GMB news, 69k instead of 170k first sightings of a
// slot for 731k tokens). A full cache takes about 22 MB a model of 102 classes (a two-pass
// tagger has two): the word vectors 10 MB, the pair vectors 6.7 MB, the tables of handles
// (modelParts.ctx) 1.7 MB, the rest 3.5 MB; it took about 9 MB before it kept its frequent
// half (bounds 4,096 and 8,192). The tag-pair vectors (modelParts.tt) are never emptied: their keys bound
// them, (classes+1)² tag pairs times 8 casings, at most about 35 MB a model, but few pairs
// occur (5,960 vectors, 2.4 MB, for both models of the earlier two-pass tagger after all of
// EWT train and dev). Each scratch in the tagger's pool has its own cache, used by one
// Annotate or Tag call at a time: the bound holds per concurrent call, and no cache is
// shared between goroutines.
const (
	maxTypes = 1 << 13
	maxPairs = 1 << 14
)

// wordCache keeps per word form the integer scores of its single-word feature parts under
// the tagger's models, and its tag-dictionary class. It lives in a scratch and so spans
// documents.
type wordCache struct {
	slots *wordtable.Table // word form -> slot; slots 0 and 1 are the start and end pads
	forms []string         // per slot: its word form
	hits  []uint32         // per slot: lookups that found it (at most maxHits), or deadHits for a free slot
	free  []int32          // free slots below n, taken before new ones
	dict  []int32          // per slot: tag-dictionary class, or -1
	info  []wordInfo       // per slot: the word's info (first false, scase 0)
	lemma []slotLemmas     // per slot: its lemmas under up to two classes, for Annotate
	n     int32            // slots in use or free
	parts []modelParts     // one per model: first pass, second pass
	// bounds: maxTypes and maxPairs but in tests
	maxTypes, maxPairs int
}

// Hit counts of slots and pairs stop at maxHits; deadHits marks a free slot.
const (
	maxHits  = 255
	deadHits = 1 << 31
	deadKey  = math.MaxUint32 // the key of a free pair vector
)

// slotLemmas are the lemmas (see memoLemma) of a slot's word under the last two classes
// it was read under (a past tense and a participle, say), the last first; class is -1
// where there is none.
type slotLemmas [2]struct {
	class int32
	m     memoLemma
}

// noLemmas is the slotLemmas of a new slot.
var noLemmas = slotLemmas{{class: -1}, {class: -1}}

// lemmaOf returns the lemma of slot s's word form under class, if remembered.
func (c *wordCache) lemmaOf(s, class int32, form string) (string, bool) {
	l := &c.lemma[s]
	for k := range l {
		if l[k].class == class {
			return l[k].m.of(form), true
		}
	}
	return "", false
}

// setLemma remembers the lemma of slot s's word form under class.
func (c *wordCache) setLemma(s, class int32, m memoLemma) {
	l := &c.lemma[s]
	l[1] = l[0]
	l[0].class, l[0].m = class, m
}

// modelParts holds one model's cached scores, each a vector of nc integer scores:
//   - per word slot s, three vectors at vecs[3*nc*s:]: the local, left-neighbour and
//     right-neighbour parts;
//   - per (previous tag, word) pair, the local part plus prevWordFeatures;
//   - per pair of previous tags and sentence casing, tagFeatures.
//
// Vectors are stored packed, two scores to a word (see pack), so that predict adds four of
// them with half the loads and additions.
type modelParts struct {
	m      *perceptron.Model
	set    featureSet
	nc     int
	pl     int // words of a packed vector
	step   float32
	vecs   []uint64
	filled []bool
	ibuf   []int32 // 3*nc scores being packed

	pw     pairTable // tag index * maxSlots + slot -> vector index in pwVecs (offset / pl)
	pwVecs []uint64
	pwKeys []uint32 // per vector of pwVecs: its key in pw, or deadKey when free
	pwHits []uint32 // per vector of pwVecs: lookups that found it (at most maxHits)
	pwFree []int32  // free vectors of pwVecs, taken before new ones
	tt     []int32  // tag index pair, casing -> 1 + vector offset in ttVecs, or 0
	ttVecs []uint64

	// ctx keeps the model's handles (perceptron.Model.Handle) of the features of classContext
	// that have a table, so that scoring a word looks up only the others: the table of kind k
	// starts at ctxBase[k], has nci rows (nc+1 for ctxPrevP1) of nci handles, and holds
	// noHandle where not looked up yet. They are few: (tags+1)·classes + 3·classes², 1.7 MB
	// for the shipped model's 102 tags and 358 class indexes. Nil when the tagger has no
	// class indexes or its features are setFull.
	ctx     []uint32
	ctxBase [nCtxKinds]int
	nci     int
}

// noHandle marks a handle of modelParts.ctx not looked up yet.
const noHandle = math.MaxUint32

// A packed vector holds scores 2j and 2j+1 in the low and high halves of word j, each
// plus laneBias: the scores of a cached part are sums of at most 20 weights, |v| < 2^20,
// so a half holds v + 2^24 in (0, 2^25) and four packed vectors add without a carry from
// one half into the other.
const (
	laneBias = 1 << 24
	wordBias = laneBias | laneBias<<32
)

// pack packs src into dst (len (len(src)+1)/2): score c plus laneBias in lane c (the 32-bit
// halves of dst, low first), laneBias in a last odd lane.
func pack(dst []uint64, src []int32) {
	if len(dst) > len(biasWords) {
		biasWords := make([]uint64, len(dst))
		for j := range biasWords {
			biasWords[j] = wordBias
		}
		addLanes(dst, biasWords, src)
		return
	}
	addLanes(dst, biasWords[:len(dst)], src)
}

// biasWords is a packed vector of 256 zero scores.
var biasWords = func() (b [128]uint64) {
	for j := range b {
		b[j] = wordBias
	}
	return b
}()

// addLanes sets dst (len (len(src)+1)/2) to the packed vector base (as long) plus the
// scores src: lane c of dst to lane c of base plus src[c], modulo 2^32, and a last odd lane
// to base's. When no half of base plus scores leaves [0, 2^32), as with the biased scores of
// the cache, this is the 64-bit sum of base and the packed scores minus their bias.
func addLanes(dst, base []uint64, src []int32) {
	n := len(src)
	pl := (n + 1) / 2
	dst, base = dst[:pl], base[:pl]
	if n == 0 {
		return
	}
	if useAVX2 {
		addLanesAVX2(&dst[0], &base[0], &src[0], n)
		if n%2 == 1 { // the kernel leaves the last odd lane alone
			dst[pl-1] = dst[pl-1]&(1<<32-1) | base[pl-1]&^(1<<32-1)
		}
		return
	}
	for j := range dst {
		lo := uint32(base[j]) + uint32(src[2*j])
		hi := uint32(base[j] >> 32)
		if 2*j+1 < n {
			hi += uint32(src[2*j+1])
		}
		dst[j] = uint64(lo) | uint64(hi)<<32
	}
}

// maxSlots is above every slot number (maxTypes plus the longest sentence).
const maxSlots = 1 << 20

func newWordCache(set featureSet, classIdx map[uint64]uint32, models ...*perceptron.Model) *wordCache {
	c := &wordCache{slots: wordtable.New(maxTypes), forms: []string{"", ""}, hits: []uint32{0, 0}, n: 2,
		dict: []int32{-1, -1}, info: []wordInfo{padStart, padEnd}, lemma: []slotLemmas{noLemmas, noLemmas},
		maxTypes: maxTypes, maxPairs: maxPairs}
	for _, m := range models {
		nc := m.NumClasses()
		p := modelParts{m: m, set: set, nc: nc, pl: (nc + 1) / 2, step: m.Step(), ibuf: make([]int32, 3*nc),
			pw: newPairTable(maxPairs), tt: make([]int32, (nc+1)*(nc+1)*8*2)}
		// room for a full cache from the start: growing by append would copy the vectors
		// (the memory becomes resident only as it is used)
		pl := p.pl
		p.vecs = make([]uint64, 0, (maxTypes+256)*3*pl)
		p.pwVecs = make([]uint64, 0, (maxPairs+256)*pl)
		if set == setLean && classIdx != nil {
			p.nci = len(classIdx) + 3
			n := 0
			for k := ctxPrevP1; k < nCtxKinds; k++ {
				p.ctxBase[k] = n
				if k == ctxPrevP1 {
					n += (nc + 1) * p.nci
				} else {
					n += p.nci * p.nci
				}
			}
			p.ctx = make([]uint32, n)
			for i := range p.ctx {
				p.ctx[i] = noHandle
			}
		}
		c.parts = append(c.parts, p)
	}
	return c
}

// reset empties the cache but for the pads and the tag pairs.
func (c *wordCache) reset() {
	c.slots.Clear()
	clear(c.forms[2:]) // no word kept alive
	c.n = 2
	c.forms, c.hits, c.free = c.forms[:2], c.hits[:2], c.free[:0]
	c.dict, c.info, c.lemma = c.dict[:2], c.info[:2], c.lemma[:2]
	for i := range c.parts {
		p := &c.parts[i]
		clear(p.filled)
		p.pw.clear()
		p.pwVecs, p.pwKeys, p.pwHits, p.pwFree = p.pwVecs[:0], p.pwKeys[:0], p.pwHits[:0], p.pwFree[:0]
	}
}

// form returns the word form of slot s (for slots' long forms).
func (c *wordCache) form(s int32) string { return c.forms[s] }

// live returns the number of words in the cache.
func (c *wordCache) live() int { return int(c.n) - 2 - len(c.free) }

// makeRoom makes room for n more words: when they could overflow the word slots or a
// model's pairs, it keeps the most used half (see compact and modelParts.compact).
func (c *wordCache) makeRoom(n int) {
	if c.live()+n > c.maxTypes {
		c.compact(c.maxTypes / 2)
		if c.live()+n > c.maxTypes { // a very long sentence
			c.reset()
		}
	}
	for i := range c.parts {
		if p := &c.parts[i]; p.pw.n+n > c.maxPairs {
			p.compact(c.maxPairs / 2)
			if p.pw.n+n > c.maxPairs {
				p.dropPairs(func(_, _ uint32) bool { return true }, false)
			}
		}
	}
}

// threshold returns the least hit count h >= 1 such that at most max of the counts
// histogrammed in hist are h or more, or maxHits+1 when no such h keeps any.
func threshold(hist *[maxHits + 1]int, max int) uint32 {
	th, kept := uint32(maxHits+1), 0
	for h := maxHits; h >= 1; h-- {
		if kept+hist[h] > max {
			break
		}
		kept += hist[h]
		th = uint32(h)
	}
	return th
}

// compact keeps the words found most often since the last compact, at most max of them
// (never a word found no time since its first sighting), halving their hit counts, and
// frees the slots of the others and their (previous tag, word) vectors. Kept words stay in
// their slots: nothing is moved.
func (c *wordCache) compact(max int) {
	var hist [maxHits + 1]int
	for _, h := range c.hits[2:c.n] {
		if h != deadHits {
			hist[h]++
		}
	}
	th := threshold(&hist, max)
	c.slots.Clear()
	for s := int32(2); s < c.n; s++ {
		switch h := c.hits[s]; {
		case h == deadHits:
		case h >= th:
			c.hits[s] = h / 2
			c.slots.Put(c.forms[s], s, c.form)
		default:
			c.hits[s], c.forms[s] = deadHits, ""
			c.free = append(c.free, s)
			for i := range c.parts {
				if p := &c.parts[i]; int(s) < len(p.filled) {
					p.filled[s] = false
				}
			}
		}
	}
	for i := range c.parts {
		c.parts[i].dropPairs(func(key, _ uint32) bool { return c.hits[key%maxSlots] == deadHits }, false)
	}
}

// compact keeps the (previous tag, word) vectors found most often since the last compact,
// at most max of them (never one found no time since it was computed), halving their hit
// counts, and frees the others.
func (p *modelParts) compact(max int) {
	var hist [maxHits + 1]int
	for j, h := range p.pwHits {
		if p.pwKeys[j] != deadKey {
			hist[h]++
		}
	}
	th := threshold(&hist, max)
	p.dropPairs(func(_, h uint32) bool { return h < th }, true)
}

// dropPairs frees the (previous tag, word) vectors for which drop(key, hits) is true, and
// halves the hit counts of the others when halve is set.
func (p *modelParts) dropPairs(drop func(key, hits uint32) bool, halve bool) {
	p.pw.clear()
	for j, key := range p.pwKeys {
		switch {
		case key == deadKey:
		case drop(key, p.pwHits[j]):
			p.pwKeys[j] = deadKey
			p.pwFree = append(p.pwFree, int32(j))
		default:
			if halve {
				p.pwHits[j] /= 2
			}
			p.pw.put(key, int32(j))
		}
	}
}

// slot returns the slot of word form w, taking a new one if w is not cached (buf is
// scratch for info).
func (c *wordCache) slot(w string, dict map[string]uint16, clusters map[uint64]uint64, classIdx map[uint64]uint32, buf []byte) (int32, []byte) {
	s, pos, tag := c.slots.Find(w, c.form)
	if s >= 0 {
		if h := c.hits[s]; h < maxHits {
			c.hits[s] = h + 1
		}
		return s, buf
	}
	w = strings.Clone(w)
	d := int32(-1)
	if k, ok := dict[w]; ok {
		d = int32(k)
	}
	var wi wordInfo
	buf = info(&wi, w, false, buf, clusters)
	wi.ci = classIdx[wi.class]
	if k := len(c.free); k > 0 {
		s, c.free = c.free[k-1], c.free[:k-1]
		c.forms[s], c.hits[s], c.dict[s], c.info[s], c.lemma[s] = w, 0, d, wi, noLemmas
	} else {
		s = c.n
		c.n++
		c.forms, c.hits, c.dict = append(c.forms, w), append(c.hits, 0), append(c.dict, d)
		c.info, c.lemma = append(c.info, wi), append(c.lemma, noLemmas)
	}
	c.slots.Insert(w, s, pos, tag, c.form)
	return s, buf // not filled: new and freed slots never are
}

// ensure computes slot s's vectors from the word's info w unless they are there.
func (p *modelParts) ensure(s int32, w *wordInfo, fs []uint64) []uint64 {
	if int(s) < len(p.filled) && p.filled[s] {
		return fs
	}
	for int(s) >= len(p.filled) {
		p.filled = append(p.filled, false)
	}
	if need := (int(s) + 1) * 3 * p.pl; need > len(p.vecs) {
		p.vecs = append(p.vecs, make([]uint64, need-len(p.vecs))...)
	}
	v := p.ibuf[:3*p.nc]
	fs = localFeatures(fs[:0], w)
	a := len(fs)
	fs = p.set.leftFeatures(fs, w)
	b := len(fs)
	fs = p.set.rightNeighbourFeatures(fs, w)
	ends := [3]int{a, b, len(fs)}
	out := [3][]int32{v[:p.nc], v[p.nc : 2*p.nc], v[2*p.nc:]}
	p.m.ScoreIntParts(fs, ends[:], out[:])
	pv := p.vecs[3*p.pl*int(s):][:3*p.pl]
	pack(pv[:p.pl], v[:p.nc])
	pack(pv[p.pl:2*p.pl], v[p.nc:2*p.nc])
	pack(pv[2*p.pl:], v[2*p.nc:])
	p.filled[s] = true
	return fs
}

// handle returns the model's handle of feature f, from its table when it has one.
func (p *modelParts) handle(f ctxFeature) uint32 {
	if f.kind == ctxNone {
		return p.m.Handle(f.key)
	}
	a := int(f.a)
	if f.kind == ctxPrevP1 {
		a = p.tagIndex(uint64(f.a))
	}
	h := &p.ctx[p.ctxBase[f.kind]+a*p.nci+int(f.b)]
	if *h == noHandle {
		*h = p.m.Handle(f.key)
	}
	return *h
}

// tagIndex maps a previous tag (a class, or 1000 before the sentence) to 0..nc.
func (p *modelParts) tagIndex(t uint64) int {
	if t < uint64(p.nc) {
		return int(t)
	}
	return p.nc
}

// prevWord returns the vector of word w (slot s, filled) after tag prev.
func (p *modelParts) prevWord(s int32, w *wordInfo, prev uint64, fs []uint64, tmp []int32) ([]uint64, []uint64) {
	pl := p.pl
	key := uint32(p.tagIndex(prev))*maxSlots + uint32(s)
	j, pos := p.pw.find(key)
	if j >= 0 {
		if p.pwHits[j] < maxHits {
			p.pwHits[j]++
		}
		return p.pwVecs[int(j)*pl:][:pl], fs
	}
	fs = prevWordFeatures(fs[:0], w, prev)
	p.m.ScoreInt(fs, tmp)
	if k := len(p.pwFree); k > 0 {
		j = p.pwFree[k-1]
		p.pwFree = p.pwFree[:k-1]
		p.pwKeys[j], p.pwHits[j] = key, 0
	} else {
		j = int32(len(p.pwKeys))
		p.pwVecs = append(p.pwVecs, make([]uint64, pl)...)
		p.pwKeys, p.pwHits = append(p.pwKeys, key), append(p.pwHits, 0)
	}
	off := int(j) * pl
	v := p.pwVecs[off:][:pl]
	addLanes(v, p.vecs[3*pl*int(s):][:pl], tmp[:p.nc]) // the local part's scores plus these, one bias a half
	p.pw.insert(key, j, pos)
	return v, fs
}

// tags returns the vector of tagFeatures for word w after tags prev and prev2.
func (p *modelParts) tags(prev, prev2 uint64, w *wordInfo, fs []uint64, tmp []int32) ([]uint64, []uint64) {
	nc, pl := p.nc, p.pl
	key := ((p.tagIndex(prev)*(nc+1)+p.tagIndex(prev2))*8+int(w.scase&7))*2 + int(casing(w))
	if off := p.tt[key]; off > 0 {
		return p.ttVecs[off-1:][:pl], fs
	}
	off := len(p.ttVecs)
	p.ttVecs = append(p.ttVecs, make([]uint64, pl)...)
	v := p.ttVecs[off:][:pl]
	fs = tagFeatures(fs[:0], prev, prev2, w)
	p.m.ScoreInt(fs, tmp)
	pack(v, tmp[:nc])
	p.tt[key] = int32(off + 1)
	return v, fs
}

// predict returns the best class of word i (the first on ties) after tags prev and prev2,
// and by how much its score beats the second best: the same class and margin as m.Predict
// on all of its features (those of p.set.features, then those of rightFeatures when right2
// is set, with self, next1 and next2). ids[j] is the slot of ws[j], whose vectors must be
// filled.
//
// Predict ranks the float scores float32(q)*Step of the integer sums q; predict ranks q.
// The two agree, ties included: |q| is at most 47 features (setLean's 40, rightFeatures'
// 7) times 32767 < 2^22, so that float32(q) is exact and distinct sums stay distinct once
// multiplied by the step.
func (p *modelParts) predict(fs []uint64, ws []wordInfo, ids []int32, i int, prev, prev2 uint64, right2 bool, self, next1, next2 uint64, tmp []int32) ([]uint64, int, float32) {
	nc := p.nc
	pw, fs := p.prevWord(ids[i+2], &ws[i+2], prev, fs, tmp)
	tt, fs := p.tags(prev, prev2, &ws[i+2], fs, tmp)
	if p.ctx != nil && !right2 {
		cf, n := p.set.classContext(ws, i, prev)
		var hs [len(cf)]uint32
		for k, f := range cf[:n] {
			hs[k] = p.handle(f)
		}
		p.m.ScoreIntHandles(hs[:n], tmp)
	} else {
		fs = p.set.contextFeatures(fs[:0], ws, i, prev)
		if right2 {
			fs = rightFeatures(fs, ws, i, prev, self, next1, next2)
		}
		p.m.ScoreInt(fs, tmp)
	}
	pl := p.pl
	left := p.vecs[3*pl*int(ids[i+1])+pl:][:pl]
	right := p.vecs[3*pl*int(ids[i+3])+2*pl:][:pl]
	best, bv, sv := bestClass(pw, tt, left, right, tmp, nc)
	if nc < 2 {
		return fs, best, float32(math.Inf(1))
	}
	return fs, best, float32(float32(bv)*p.step) - float32(float32(sv)*p.step) // conversions: no fused multiply-add
}

// bestClass returns the class c < nc of the best score q[c] (the first on ties), q[c] and
// the second best score (q[c] again on a tie), where q[c] is the sum of the scores c of the
// packed vectors pw, tt, left and right plus tmp[c].
func bestClass(pw, tt, left, right []uint64, tmp []int32, nc int) (int, int32, int32) {
	if !useAVX2 || nc < 1 {
		return bestClassGo(pw, tt, left, right, tmp, nc)
	}
	pl := (nc + 1) / 2
	pw, tt, left, right, tmp = pw[:pl], tt[:pl], left[:pl], right[:pl], tmp[:nc] // the kernel's bounds
	var top [3]int32
	sumTopAVX2(&pw[0], &tt[0], &left[0], &right[0], &tmp[0], nc, &top)
	return int(top[0]), top[1], top[2]
}

// bestClassGo is bestClass without the AVX2 kernel.
func bestClassGo(pw, tt, left, right []uint64, tmp []int32, nc int) (int, int32, int32) {
	pl := (nc + 1) / 2
	pw, tt, left, right = pw[:pl], tt[:pl], left[:pl], right[:pl]
	tmp = tmp[:2*pl] // tmp has room for a last odd class (see get)
	best, bv, sv := 0, int32(math.MinInt32), int32(math.MinInt32)
	for j := range pw {
		x := pw[j] + tt[j] + left[j] + right[j] // each half: four biased scores
		q := int32(uint32(x)-4*laneBias) + tmp[2*j]
		if q > bv {
			best, bv, sv = 2*j, q, bv
		} else if q > sv {
			sv = q
		}
		if 2*j+1 == nc {
			break
		}
		q = int32(uint32(x>>32)-4*laneBias) + tmp[2*j+1]
		if q > bv {
			best, bv, sv = 2*j+1, q, bv
		} else if q > sv {
			sv = q
		}
	}
	return best, bv, sv
}

// greedyCached is greedy (same arguments, same tags) scoring with the word cache c under
// model p: ids[j] is the cache slot of ws[j], filled for p when p is the first pass.
func greedyCached(c *wordCache, p *modelParts, ws []wordInfo, words []string, ids []int32, right []int, tags []int, fs []uint64, tmp []int32, sure []bool, margin float32) ([]int, []uint64) {
	prev, prev2 := uint64(1000), uint64(1000)
	for i := range words {
		d := c.dict[ids[i+2]]
		cl, ok := uint16(d), d >= 0
		if !ok && right != nil && sure != nil && sure[i] {
			cl, ok = uint16(right[i]), true
		}
		if !ok && right == nil && sure != nil {
			var k int
			var gap float32
			fs, k, gap = p.predict(fs, ws, ids, i, prev, prev2, false, 0, 0, 0, tmp)
			sure[i] = gap >= margin
			cl, ok = uint16(k), true
		}
		if !ok {
			if right != nil {
				for j := i + 1; j <= i+3; j++ {
					fs = p.ensure(ids[j], &ws[j], fs)
				}
			}
			var k int
			fs, k, _ = p.predict(fs, ws, ids, i, prev, prev2, right != nil, rightTag(right, i), rightTag(right, i+1), rightTag(right, i+2), tmp)
			cl = uint16(k)
		}
		tags = append(tags, int(cl))
		prev2, prev = prev, uint64(cl)
	}
	return tags, fs
}
