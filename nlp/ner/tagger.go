package ner

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/faultline/faultline/nlp/perceptron"
)

// Types lists the entity types the tagger predicts (the contract's).
var Types = []string{"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}

// Tagger is the statistical part of entity recognition: it tags one sentence at a time.
// It is safe for concurrent use.
type Tagger struct {
	lx      *lexicon
	m       *perceptron.Model
	classes []string // IOB2 tag of each class id
	isB     []bool
	typeOf  []int // entity type index of each class, -1 for O
	usePOS  bool
	// seen marks the classes that occur in the training data; the others (FAC has no
	// training data yet) are never predicted, since their weights are all zero or negative.
	seen []bool
}

// misc is an internal class for names that are none of the contract's types (titles of
// works, products, laws, languages: GMB art, GUM object and abstract names). The tagger
// learns it so that such names are not read as people or organisations; Annotate and
// TagWords turn it into O.
const misc = "MISC"

// classes returns the IOB2 tags, "O" first.
func tagClasses() []string {
	c := []string{"O"}
	for _, t := range append(Types[:len(Types):len(Types)], misc) {
		c = append(c, "B-"+t, "I-"+t)
	}
	return c
}

func newTagger(lx *lexicon, m *perceptron.Model, usePOS bool) *Tagger {
	t := &Tagger{lx: lx, m: m, classes: tagClasses(), usePOS: usePOS}
	for i, c := range t.classes {
		t.isB = append(t.isB, strings.HasPrefix(c, "B-"))
		t.typeOf = append(t.typeOf, (i-1)/2)
	}
	t.typeOf[0] = -1
	t.seen = make([]bool, len(t.classes))
	for i := range t.seen {
		t.seen[i] = true
	}
	return t
}

// valid reports whether class c may follow class prev (-1 at the start): I-X only after
// B-X or I-X.
func (t *Tagger) valid(prev, c int) bool {
	if !t.seen[c] {
		return false
	}
	if c == 0 || t.isB[c] {
		return true
	}
	return prev > 0 && t.typeOf[prev] == t.typeOf[c]
}

// scratch is the per-call buffers of tagging.
type scratch struct {
	toks   []token
	f      featurer
	scores []float32
	// words caches each word form's token fields and the scores of its unigram features
	// (they do not depend on context); cleared when it grows past maxCache words.
	words map[string]*wordEntry
}

const maxCache = 50000

// tag tags one sentence, writing class ids into out.
func (t *Tagger) tag(sc *scratch, words, pos []string, out []int) {
	if cap(sc.toks) < len(words) {
		sc.toks = make([]token, len(words))
	}
	toks := sc.toks[:len(words)]
	if !t.usePOS {
		pos = nil
	}
	if sc.words == nil || len(sc.words) > maxCache {
		sc.words = make(map[string]*wordEntry, 1024)
	}
	t.lx.prepareWith(sc.words, words, pos, toks)
	if len(sc.scores) < len(t.classes) {
		sc.scores = make([]float32, len(t.classes))
	}
	nc := len(t.classes)
	prev, prev2 := -1, -1
	for i := range toks {
		e := toks[i].ent
		if e.scores == nil {
			e.scores = make([]float32, nc)
			sc.f.buf = sc.f.unigram(sc.f.buf[:0], &toks[i])
			t.m.Score(sc.f.buf, e.scores)
		}
		copy(sc.scores, e.scores)
		sc.f.buf = sc.f.context(sc.f.buf[:0], toks, i, prev, prev2)
		t.m.AddScores(sc.f.buf, sc.scores)
		best := 0
		for c := 1; c < len(t.classes); c++ {
			if t.valid(prev, c) && (sc.scores[c] > sc.scores[best] || !t.valid(prev, best)) {
				best = c
			}
		}
		out[i] = best
		prev2, prev = prev, best
	}
}

// model file layout: magic, flags byte, seen-class bitmask (uint32, little-endian),
// capitalisation table (encodeTable), word clusters (encodeTable; not in FLNER4 files),
// perceptron model.
var (
	magic   = []byte("FLNER5\n")
	magicV4 = []byte("FLNER4\n")
)

// WriteTo writes the tagger's weights.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var flags byte
	if t.usePOS {
		flags |= 1
	}
	var mask uint32
	for i, ok := range t.seen {
		if ok {
			mask |= 1 << i
		}
	}
	n, err := w.Write(append(append([]byte{}, magic...), flags, byte(mask), byte(mask>>8), byte(mask>>16), byte(mask>>24)))
	if err != nil {
		return int64(n), err
	}
	k, err := w.Write(encodeTable(t.lx.caps))
	n += k
	if err != nil {
		return int64(n), err
	}
	k, err = w.Write(encodeTable(t.lx.clusters))
	n += k
	if err != nil {
		return int64(n), err
	}
	m, err := t.m.WriteTo(w)
	return int64(n) + m, err
}

// readTagger reads weights written by WriteTo.
func readTagger(b []byte, lx *lexicon) (*Tagger, error) {
	v4 := bytes.HasPrefix(b, magicV4)
	if !bytes.HasPrefix(b, magic) && !v4 || len(b) < len(magic)+5 {
		return nil, errors.New("ner: not an entity model")
	}
	flags := b[len(magic)]
	mask := uint32(b[len(magic)+1]) | uint32(b[len(magic)+2])<<8 | uint32(b[len(magic)+3])<<16 | uint32(b[len(magic)+4])<<24
	caps, rest, err := decodeTable[byte](b[len(magic)+5:], "capitalisation")
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	lx.caps = caps
	lx.clusters = nil
	if !v4 {
		if lx.clusters, rest, err = decodeTable[uint32](rest, "cluster"); err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
	}
	lx.index()
	m, err := perceptron.Read(bytes.NewReader(rest))
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	t := newTagger(lx, m, flags&1 != 0)
	if m.NumClasses() != len(t.classes) {
		return nil, fmt.Errorf("ner: model has %d classes, want %d", m.NumClasses(), len(t.classes))
	}
	for i := range t.seen {
		t.seen[i] = mask&(1<<i) != 0
	}
	t.seen[0] = true
	return t, nil
}
