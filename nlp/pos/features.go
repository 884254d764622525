package pos

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/nlp/perceptron"
)

// feature templates
const (
	fBias uint64 = iota + 1
	fForm
	fLower
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fShape
	fPrev
	fPrev2
	fPrevPrev2
	fPrevLower
	fLowerM1
	fSuf3M1
	fLowerM2
	fLowerP1
	fSuf3P1
	fLowerP2
	fBigramM1
	fBigramP1
	fShapeP1
	fShapeM1
	fFirstCap
	fPrevSuf3
	fSuf2P1
	fLowerP1P2
	fPrevLowerP1
	fHyphen
	fSuf5
	fPrevShape
	fClass
	fClassM1
	fClassP1
	fNext1
	fNext2
	fNext12
	fNext1Lower
	fPrevNext1
	fSelf
	fSelfLower
	fSentCase
	fClassOfM1   // the class of the word before, as its left neighbour (setLean)
	fClassOfP1   // the class of the word after, as its right neighbour (setLean)
	fPrevClassP1 // the previous tag and the class of the word after (setLean)
	fClassP1P2   // the classes of the two words after (setLean)
	fSuf2M1      // suffixes of the word before (setLean)
	fSuf1M1
	fSuf1P1 // suffixes and first letter of the word after (setLean)
	fSuf4P1
	fPre1P1
	nTemplates
)

// featureSet selects a model's feature templates; a tagger's models share one (file.Set).
type featureSet uint8

const (
	// setFull is every template of features: the words and word pairs at ±1 and ±2 too.
	setFull featureSet = iota
	// setLean drops the templates of words beyond the neighbours and of word pairs
	// (fLowerM2, fLowerP2, fBigramM1, fBigramP1, fLowerP1P2, fPrevLowerP1) for ambiguity
	// classes of the neighbours (fPrevClassP1, fClassP1P2) and more single-word features
	// of the neighbours (fClassOfM1, fSuf2M1, fSuf1M1, fClassOfP1, fSuf1P1, fSuf4P1,
	// fPre1P1): all but a few of a word's features are then those of one word, whose
	// scores the word cache keeps per form (cache.go), and the rest have few distinct keys,
	// so scoring a word costs a few lookups of rows that tend to stay in the CPU cache.
	// The shipped model has this set and one pass (models/pos.md): an APPROXIMATION of the
	// earlier two-pass model on setFull, taken for speed, that tags a little less
	// accurately (the card gives both scores).
	setLean
)

// features appends the feature keys of word i under set s to fs (see features).
func (s featureSet) features(fs []uint64, ws []wordInfo, i int, prev, prev2 uint64) []uint64 {
	if s == setFull {
		return features(fs, ws, i, prev, prev2)
	}
	w := &ws[i+2]
	fs = localFeatures(fs, w)
	fs = s.leftFeatures(fs, &ws[i+1])
	fs = s.rightNeighbourFeatures(fs, &ws[i+3])
	fs = prevWordFeatures(fs, w, prev)
	fs = tagFeatures(fs, prev, prev2, w)
	return s.contextFeatures(fs, ws, i, prev)
}

// wordInfo is the per-word part of the features, hashed once per sentence.
type wordInfo struct {
	form, lower, shape, class uint64
	suf                       [6]uint64 // suffixes of length 1..5 of the lowercase form; [0] unused
	pre                       [4]uint64
	hyphen                    uint64
	cap, first, punct         bool
	scase                     uint64 // sentence casing bucket (see sentenceCase)
	// ci numbers class among the tagger's ambiguity classes (see Tagger.classIdx): 0 for
	// none, 1 and 2 for the pads'. Only the word cache sets it.
	ci uint32
}

// sentenceCase sets the casing bucket of a sentence's words: how many of its words after
// the first are capitalised (none, some, most, all), which tells headlines and title-case
// lines from running text.
func sentenceCase(ws []wordInfo) {
	caps, words := 0, 0
	for i := 1; i < len(ws); i++ {
		if !ws[i].punct {
			words++
			if ws[i].cap {
				caps++
			}
		}
	}
	var b uint64
	switch {
	case words == 0 || caps == 0:
		b = 1
	case caps*2 < words:
		b = 2
	case caps < words:
		b = 3
	default:
		b = 4
	}
	for i := range ws {
		ws[i].scase = b
	}
}

var (
	padStart = wordInfo{form: 1, lower: 1, shape: 1, class: 1, suf: [6]uint64{1, 1, 1, 1, 1, 1}, ci: 1}
	padEnd   = wordInfo{form: 2, lower: 2, shape: 2, class: 2, suf: [6]uint64{2, 2, 2, 2, 2, 2}, ci: 2}
)

// lowerASCII lowercases s, reusing buf; non-ASCII runes go through unicode.ToLower.
func lowerInto(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			buf = append(buf, s[i:i+size]...)
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		i += size
	}
	return buf
}

// shapeInto writes a compressed word shape (Xxx, dd.d, x-Xx …) to buf: runs of the same
// class longer than two are cut to two.
func shapeInto(buf []byte, s string) []byte {
	buf = buf[:0]
	var last byte
	run := 0
	for _, r := range s {
		var c byte
		switch {
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '?'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			last = c
		}
		buf = append(buf, c)
	}
	return buf
}

func hashBytes(seed uint64, b []byte) uint64 {
	f := uint64(14695981039346656037)
	for _, c := range b {
		f ^= uint64(c)
		f *= 1099511628211
	}
	return perceptron.Mix(seed, f)
}

// info fills w for one word form; buf is scratch.
func info(w *wordInfo, form string, first bool, buf []byte, clusters map[uint64]uint64) []byte {
	buf = lowerInto(buf, form)
	w.form = perceptron.HashString(11, form)
	w.lower = hashBytes(12, buf)
	n := len(buf)
	for k := 1; k <= 5; k++ {
		if k <= n {
			w.suf[k] = hashBytes(uint64(20+k), buf[n-k:])
		} else {
			w.suf[k] = hashBytes(uint64(20+k), buf)
		}
	}
	for k := 1; k <= 3; k++ {
		if k <= n {
			w.pre[k] = hashBytes(uint64(30+k), buf[:k])
		} else {
			w.pre[k] = hashBytes(uint64(30+k), buf)
		}
	}
	w.class = 0
	if clusters != nil {
		w.class = clusters[w.lower]
	}
	w.hyphen = 0
	if strings.IndexByte(form, '-') > 0 {
		// the part after the last hyphen carries the category of a compound
		i := strings.LastIndexByte(form, '-')
		w.hyphen = hashBytes(40, buf[min(i+1, n):])
	}
	r, _ := utf8.DecodeRuneInString(form)
	w.cap = unicode.IsUpper(r)
	w.first = first
	buf = shapeInto(buf, form)
	w.shape = hashBytes(13, buf)
	w.punct = true
	for _, c := range buf {
		if c == 'x' || c == 'X' || c == 'd' {
			w.punct = false
			break
		}
	}
	return buf
}

// features appends the feature keys of word i under setFull to fs. ws is padded: ws[i+2]
// is word i.
func features(fs []uint64, ws []wordInfo, i int, prev, prev2 uint64) []uint64 {
	w := &ws[i+2]
	m1, m2 := &ws[i+1], &ws[i]
	p1, p2 := &ws[i+3], &ws[i+4]
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
		mix(fPrev, prev),
		mix(fPrev2, prev2),
		mix(mix(fPrevPrev2, prev), prev2),
		mix(mix(fPrevLower, prev), w.lower),
		mix(fLowerM1, m1.lower),
		mix(fSuf3M1, m1.suf[3]),
		mix(fLowerM2, m2.lower),
		mix(fLowerP1, p1.lower),
		mix(fSuf3P1, p1.suf[3]),
		mix(fSuf2P1, p1.suf[2]),
		mix(fLowerP2, p2.lower),
		mix(mix(fBigramM1, m1.lower), w.lower),
		mix(mix(fBigramP1, w.lower), p1.lower),
		mix(fShapeP1, p1.shape),
		mix(fShapeM1, m1.shape),
		mix(mix(fPrevSuf3, prev), w.suf[3]),
		mix(mix(fLowerP1P2, p1.lower), p2.lower),
		mix(mix(fPrevLowerP1, prev), p1.lower),
		mix(mix(fPrevShape, prev), w.shape),
	)
	{
		var c uint64
		if w.cap {
			c = 1
		}
		fs = append(fs, mix(mix(fSentCase, w.scase), c))
	}
	if w.first {
		var c uint64
		if w.cap {
			c = 1
		}
		fs = append(fs, mix(mix(fFirstCap, c), w.lower))
	}
	if w.hyphen != 0 {
		fs = append(fs, mix(fHyphen, w.hyphen))
	}
	if w.class != 0 {
		fs = append(fs, mix(fClass, w.class), mix(mix(fClassM1, w.class), m1.class), mix(mix(fClassP1, w.class), p1.class))
	}
	return fs
}

// rightFeatures appends the features drawn from first-pass tags: self is the first-pass tag
// of word i, next1 and next2 those of the two words after it.
func rightFeatures(fs []uint64, ws []wordInfo, i int, prev, self, next1, next2 uint64) []uint64 {
	w := &ws[i+2]
	mix := perceptron.Mix
	return append(fs,
		mix(fNext1, next1),
		mix(fNext2, next2),
		mix(mix(fNext12, next1), next2),
		mix(mix(fNext1Lower, next1), w.lower),
		mix(mix(fPrevNext1, prev), next1),
		mix(fSelf, self),
		mix(mix(fSelfLower, self), w.suf[3]),
	)
}
