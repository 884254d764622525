package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/nlp/perceptron"
)

// token is what the feature extractor knows about one token of a sentence.
type token struct {
	word  string // normalised form, after headline case repair
	lower string
	shape string
	pos   string     // Penn tag, "" when the pipeline has no POS tagger
	gz    string     // gazetteer feature: "B-country", "I-actor" … or ""
	capb  byte       // how often the word is capitalised inside sentences in unlabelled text (capBucket)
	ent   *wordEntry // the word's cache entry, when tagging with a cache
	hl    uint64     // fnv(lower)
	hs    uint64     // fnv(shape)
	cl    uint32     // word clusters: coarse class + 1 (low 16 bits), fine class + 1 (high 16 bits); 0 unknown
	// the run of capitalised words the token is in (names with "of", "de", "&" … inside
	// count as one run): fnv of its first and last words (lower case), its length (capped
	// at 5) and the token's place in it (runB, runI, runL, runU; 0 outside any run)
	runFirst, runLast uint64
	runLen, runPos    byte
	runHead           byte // kind of name the run's last word ends (lexicon.heads), runs of 2+ words
	flags             uint16
	// gzMax is the most tokens of a gazetteer name starting with the word (wordInfo.maxLen);
	// gz1 is the gazetteer kind of the word alone (kindOf(lower)), when gzMax > 0
	gzMax, gz1 uint8
	// inName reports whether the word may be a later word of a multi-word gazetteer name
	// (lexicon.inName; no feature reads it: matchTok skips lookups with it)
	inName bool
}

// places of a token in its run of capitalised words
const (
	runB = iota + 1
	runI
	runL
	runU
)

const (
	fTitle    uint16 = 1 << iota // a title (President, Gen., Sheikh)
	fOrgHead                     // an organisation head word (Army, Ministry)
	fParticle                    // an Arabic name particle (al-, bin, Abu) or a word starting with one
	fGroup                       // a demonym or group word (Iraqi, Shia)
	fForce                       // a security or group noun (forces, militias)
	fCap                         // starts with a capital letter
	fFirst                       // first token of its sentence
)

// prepare fills toks for the words of one sentence.
func (lx *lexicon) prepare(words, pos []string, toks []token) {
	lx.prepareWith(nil, words, pos, toks)
}

// wordEntry caches, per word form, its token fields and its score parts (tagging only),
// and the word's flags for the document rules (rules_fast.go) once a rule pass asked.
type wordEntry struct {
	form string // the word form, key of the entry in the cache
	tok  token
	ws   wordScores // cache.go
	rf   wflag      // wordFlags of the word, when rfOK
	rfOK bool
}

// prepareWith is prepare with an optional per-word cache.
func (lx *lexicon) prepareWith(cache *wordCache, words, pos []string, toks []token) {
	for i, w := range words {
		t := &toks[i]
		var e *wordEntry
		if cache != nil {
			e = cache.get(w)
		}
		if e != nil {
			*t = e.tok
			t.ent = e
		} else {
			lx.newToken(cache, w, t)
		}
		if pos != nil {
			t.pos = pos[i]
		}
		if i == 0 {
			t.flags |= fFirst
		}
	}
	lx.markRuns(toks)
	for i := 0; i < len(words); {
		n, kind := lx.matchTok(toks, i)
		if n == 0 {
			i++
			continue
		}
		for j := i; j < i+n; j++ {
			if j == i {
				toks[j].gz = gzB[kind]
			} else {
				toks[j].gz = gzI[kind]
			}
		}
		i += n
	}
}

var (
	gzB = [...]string{"", "B-country", "B-province", "B-city", "B-actor", "B-demonym", "B-bigcity"}
	gzI = [...]string{"", "I-country", "I-province", "I-city", "I-actor", "I-demonym", "I-bigcity"}
)

// newToken fills t for word w, first seen (cache, when not nil, then keeps an entry for it).
func (lx *lexicon) newToken(cache *wordCache, w string, t *token) {
	if cache != nil {
		w = cacheStr(cache, w)
	}
	fw := w
	if v, ok := lx.variants[w]; ok {
		fw = v
	}
	var buf [64]byte
	*t = token{word: fw}
	if cache != nil {
		// the lower case (fw itself when it has no capital) and the shape in the cache's
		// blocks
		if l := appendLower(buf[:0], fw); string(l) == fw {
			t.lower = fw
		} else {
			t.lower = cacheStr(cache, l)
		}
		t.shape = cacheStr(cache, shapeBytes(buf[:0], fw))
	} else {
		t.lower, t.shape = strings.ToLower(fw), shape(fw)
	}
	t.hl, t.hs = fnv(t.lower), fnv(t.shape)
	if lx.clusters != nil {
		t.cl = lx.clusters[string(appendClusterKey(buf[:0], fw))]
	}
	wi := lx.info[t.lower]
	t.inName = lx.inName(t.lower, wi)
	t.capb = wi.capb
	if wi.maxLen > 0 {
		t.gzMax, t.gz1 = wi.maxLen, uint8(lx.kindOf(t.lower))
	}
	t.flags = wi.flags
	if t.flags&fParticle == 0 && hasParticle(t.lower) {
		t.flags |= fParticle
	}
	if k := strings.IndexByte(t.lower, '-'); k > 0 && wi.flags == 0 {
		// a hyphenated word takes the flags of its first part ("Jaish-al" an
		// organisation head, "Shia-led" a group word)
		t.flags |= lx.info[t.lower[:k]].flags
	}
	if isCap(w) {
		t.flags |= fCap
	}
	if cache != nil {
		e := cache.add(w)
		e.tok = *t
		t.ent = e
	}
}

// markRuns sets the run fields of toks: a run is a stretch of capitalised tokens, with
// single connecting words (of, de, la, von, &, -) between capitalised ones.
func (lx *lexicon) markRuns(toks []token) {
	for i := 0; i < len(toks); {
		if toks[i].flags&fCap == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if toks[j].flags&fCap != 0 {
				j++
				continue
			}
			if j+1 < len(toks) && toks[j+1].flags&fCap != 0 && isConnector(toks[j].lower) {
				j += 2
				continue
			}
			break
		}
		n := j - i
		if n > 5 {
			n = 5
		}
		var head byte
		if j-i > 1 {
			head = lx.heads[toks[j-1].hl]
		}
		for k := i; k < j; k++ {
			t := &toks[k]
			t.runFirst, t.runLast, t.runLen = toks[i].hl, toks[j-1].hl, byte(n)
			t.runHead = head
			switch {
			case j-i == 1:
				t.runPos = runU
			case k == i:
				t.runPos = runB
			case k == j-1:
				t.runPos = runL
			default:
				t.runPos = runI
			}
		}
		i = j
	}
}

// isConnector reports whether a lower-case word may join two capitalised words of one name.
func isConnector(w string) bool {
	switch w {
	case "of", "de", "du", "des", "del", "della", "di", "da", "la", "le", "von", "van", "der", "den", "&", "-", "y", "al", "bin", "ibn":
		return true
	}
	return false
}

// hasParticle reports whether a lower-case word starts with a hyphenated particle (al-sadr).
func hasParticle(w string) bool {
	for _, p := range [...]string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "abu-", "bin-", "abdel-", "abdul-"} {
		if len(w) > len(p) && strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// shape maps a word to a short shape: letters to X/x, digits to d, runs collapsed
// (Baghdad -> Xx, U.S. -> X.X., al-Sadr -> x-Xx, 2006 -> d).
func shape(w string) string {
	var b [16]byte
	return string(shapeBytes(b[:0], w))
}

// appendLower appends strings.ToLower(s) to b (byte by byte when s is ASCII).
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// shapeBytes appends the shape of w to b (at most 16 bytes).
func shapeBytes(b []byte, w string) []byte {
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n < 16 {
			b = append(b, c)
			n++
		}
	}
	return b
}

// Feature templates: each feature is the hash of a template id and its values.
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tShape
	tPrefix
	tSuffix
	tLowerM1
	tLowerM2
	tLowerP1
	tLowerP2
	tShapeM1
	tShapeP1
	tShape3
	tTagM1
	tTagM2M1
	tTagM1Lower
	tTagM1Shape
	tPOS
	tPOSM1
	tPOSP1
	tGz
	tGzShape
	tGzM1
	tGzP1
	tFlag
	tFirst
	tLowerM1Lower
	tLowerLowerP1
	tCap
	tCapM1
	tCapP1
	tClC
	tClF
	tClCM1
	tClCP1
	tClFM1
	tClFP1
	tRunFirst
	tRunLast
	tRunLen
	tRunHead
	tClCM2
	tClCP2
	tClShape
	tLast // not a template: one past the last
)

// featurer computes the feature hashes of a token into a reused buffer.
type featurer struct {
	buf []uint64
}

var (
	hBOS = "<s>"
	hEOS = "</s>"
)

func at(toks []token, i int) *token {
	if i < 0 || i >= len(toks) {
		return nil
	}
	return &toks[i]
}

func h1(t uint64, a string) uint64 { return perceptron.HashString(perceptron.Hash(t), a) }

// unigram appends the features that depend on the word alone. With drop set (training
// only), the word's identity is left out so that the model learns to tag from shape,
// affixes and context too (word dropout).
func (f *featurer) unigram(b []uint64, t *token, drop ...bool) []uint64 {
	b = append(b, perceptron.Hash(tBias))
	if len(drop) == 0 || !drop[0] {
		b = append(b, h1(tWord, t.word), h1(tLower, t.lower))
	}
	b = append(b, h1(tShape, t.shape))
	if t.cl != 0 && (len(drop) == 0 || !drop[0]) {
		b = append(b, perceptron.Mix(hT[tClC], uint64(t.cl&0xffff)), perceptron.Mix(hT[tClF], uint64(t.cl>>16)))
	}
	b = append(b, perceptron.Mix(perceptron.Mix(perceptron.Hash(tCap), uint64(t.capb)), uint64(t.flags&fCap)))
	l := t.lower
	for n := 1; n <= 4; n++ {
		if len(l) > n {
			b = append(b, perceptron.Mix(h1(tPrefix, l[:n]), uint64(n)), perceptron.Mix(h1(tSuffix, l[len(l)-n:]), uint64(n)))
		}
	}
	return b
}

// context appends the features of token i that depend on its neighbours and the tags
// before it. The string values are hashed once per word (token.hl, token.hs): each feature
// is perceptron.Mix of the template hash and those FNV values, which is what
// perceptron.HashString computes.
func (f *featurer) context(b []uint64, toks []token, i int, prev, prev2 int) []uint64 {
	t := &toks[i]
	lm1, lm2, lp1, lp2 := fnvBOS, fnvBOS, fnvEOS, fnvEOS
	sm1, sp1 := fnvBOS, fnvEOS
	if i > 0 {
		lm1, sm1 = toks[i-1].hl, toks[i-1].hs
		if i > 1 {
			lm2 = toks[i-2].hl
		}
	}
	if i+1 < len(toks) {
		lp1, sp1 = toks[i+1].hl, toks[i+1].hs
		if i+2 < len(toks) {
			lp2 = toks[i+2].hl
		}
	}
	mix := perceptron.Mix
	b = append(b, mix(hT[tLowerM1], lm1), mix(hT[tLowerM2], lm2), mix(hT[tLowerP1], lp1),
		mix(hT[tLowerP2], lp2), mix(hT[tShapeM1], sm1), mix(hT[tShapeP1], sp1),
		mix(mix(mix(hT[tShape3], sm1), t.hs), sp1),
		mix(mix(hT[tLowerM1Lower], lm1), t.hl), mix(mix(hT[tLowerLowerP1], t.hl), lp1))
	p1, p2 := uint64(prev+1), uint64(prev2+1)
	b = append(b, mix(hT[tTagM1], p1), mix(mix(hT[tTagM2M1], p2), p1),
		mix(mix(hT[tTagM1Lower], p1), t.hl), mix(mix(hT[tTagM1Shape], p1), t.hs))
	if t.pos != "" {
		b = append(b, h1(tPOS, t.pos))
		if p := at(toks, i-1); p != nil {
			b = append(b, h1(tPOSM1, p.pos))
		}
		if p := at(toks, i+1); p != nil {
			b = append(b, h1(tPOSP1, p.pos))
		}
	}
	if t.gz != "" {
		g := fnv(t.gz)
		b = append(b, mix(hT[tGz], g), mix(mix(hT[tGzShape], g), t.hs))
	}
	capd := uint64(t.flags & fCap)
	if i > 0 {
		b = append(b, mix(mix(hT[tCapM1], uint64(toks[i-1].capb)), capd))
	}
	if i+1 < len(toks) {
		b = append(b, mix(mix(hT[tCapP1], uint64(toks[i+1].capb)), capd))
	}
	if i > 0 && toks[i-1].gz != "" {
		b = append(b, mix(hT[tGzM1], fnv(toks[i-1].gz)))
	}
	if i+1 < len(toks) && toks[i+1].gz != "" {
		b = append(b, mix(hT[tGzP1], fnv(toks[i+1].gz)))
	}
	for off := -2; off <= 2; off++ {
		k := i + off
		if k < 0 || k >= len(toks) || toks[k].flags&0x1f == 0 {
			continue
		}
		fl := toks[k].flags
		for bit := uint64(0); bit < 5; bit++ {
			if fl&(1<<bit) != 0 {
				b = append(b, flagHash[off+2][bit])
			}
		}
	}
	if t.flags&fFirst != 0 {
		b = append(b, mix(hT[tFirst], t.hs))
	}
	var cm1, cp1 uint32
	if i > 0 {
		cm1 = toks[i-1].cl
	}
	if i+1 < len(toks) {
		cp1 = toks[i+1].cl
	}
	b = append(b, mix(hT[tClCM1], uint64(cm1&0xffff)), mix(hT[tClCP1], uint64(cp1&0xffff)),
		mix(hT[tClFM1], uint64(cm1>>16)), mix(hT[tClFP1], uint64(cp1>>16)))
	// coarse classes of the two words before and after; fine classes around the shape
	var cm2, cp2 uint32
	if i > 1 {
		cm2 = toks[i-2].cl
	}
	if i+2 < len(toks) {
		cp2 = toks[i+2].cl
	}
	b = append(b, mix(mix(hT[tClCM2], uint64(cm2&0xffff)), uint64(cm1&0xffff)), mix(mix(hT[tClCP2], uint64(cp1&0xffff)), uint64(cp2&0xffff)),
		mix(mix(mix(hT[tClShape], uint64(cm1>>16)), t.hs), uint64(cp1>>16)))
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

// fnv is the FNV-1a hash perceptron.HashString applies to a string before mixing it in.
func fnv(s string) uint64 {
	f := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		f ^= uint64(s[i])
		f *= 1099511628211
	}
	return f
}

var (
	fnvBOS, fnvEOS = fnv(hBOS), fnv(hEOS)
	// hT[t] is perceptron.Hash(t) for each template.
	hT [tLast]uint64
	// flagHash[off+2][bit] is the feature of flag bit at offset off.
	flagHash [5][5]uint64
)

func init() {
	for t := range hT {
		hT[t] = perceptron.Hash(uint64(t))
	}
	for off := 0; off < 5; off++ {
		for bit := 0; bit < 5; bit++ {
			flagHash[off][bit] = perceptron.Mix(perceptron.Mix(perceptron.Hash(tFlag), uint64(off)), uint64(bit))
		}
	}
}
