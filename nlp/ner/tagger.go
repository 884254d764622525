package ner

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

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

	tabOnce sync.Once
	tab     *tagTables // cache.go
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

// scratch is the per-call buffers of tagging, and the caches of score parts (cache.go).
type scratch struct {
	toks []token
	f    featurer
	// words caches each word form's token fields and score parts; cleared when it grows
	// past maxCache words.
	words *wordCache
	// ws holds the score parts of the tokens of the sentence being tagged.
	ws    []*wordScores
	plain []bool
	// skipPlain tags plain words (isPlain) after O or at the start of a sentence as O
	// without scoring them: an approximation (Recognizer.Exact turns it off).
	skipPlain bool
	base      []int32   // per token of the sentence: the scores of every feature but the tag ones
	ends      []int     // restFeats batches: end of each token's features
	outs      [][]int32 // restFeats batches: each token's row of base
	pos       posCache  // posRow's rows by POS tag
	caps      [][]int32
	slab      []int32 // room for the parts of words still to be seen (newParts)
	// trace, when not nil, receives a copy of every token's final scores (tests).
	trace *[][]int32
	// ents, when not nil, receives the cache entry of each word tag tags (the words of
	// the sentence; Annotate hands them to the document rules, rdoc.reset).
	ents []*wordEntry
	// per-document buffers of Annotate, reused from call to call (endDoc clears them and
	// drops those longer than maxDocBuf)
	docWords, docPOS, docTags []string
	docIDs                    []int
	docEnts                   []*wordEntry
	rd                        rdoc // the document rules' words, flags and buffers
}

// maxDocBuf bounds the per-document buffers a scratch keeps: 16,384 tokens, 1 MB.
const maxDocBuf = 1 << 14

// endDoc clears the per-document buffers (they hold no word or cache entry of the last
// document afterwards) and drops those longer than maxDocBuf.
func (sc *scratch) endDoc() {
	clear(sc.docWords)
	clear(sc.docEnts)
	sc.rd.release()
	if cap(sc.docWords) > maxDocBuf {
		sc.docWords, sc.docPOS, sc.docTags, sc.docIDs, sc.docEnts = nil, nil, nil, nil, nil
	}
}

// grow returns b[:n], reallocated when its capacity is short.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// maxCache bounds the word forms a scratch caches (scratch.words, with their score parts):
// about 37 MB at 50,000 words with the shipped 17-class model (~730 bytes a word, measured
// 2026-12-06 on GMB, EWT and GUM text) per scratch, i.e. per concurrent Annotate or
// TagWords call.
const maxCache = 50000

// tag tags one sentence, writing class ids into out. It is greedy: each token takes the
// best class allowed after the previous one (valid), given the features of unigram and
// context, summed from cached parts (cache.go).
func (t *Tagger) tag(sc *scratch, words, pos []string, out []int) {
	if cap(sc.toks) < len(words) {
		sc.toks = make([]token, len(words))
	}
	toks := sc.toks[:len(words)]
	if !t.usePOS {
		pos = nil
	}
	if sc.words == nil || sc.words.len() > maxCache {
		sc.words = newWordCache(1024)
	}
	t.lx.prepareWith(sc.words, words, pos, toks)
	if sc.ents != nil {
		for i := range toks {
			sc.ents[i] = toks[i].ent
		}
	}
	tab := t.tables()
	nc := len(t.classes)
	n := len(toks)
	if cap(sc.base) < n*nc {
		sc.base = make([]int32, n*nc)
	}
	base := sc.base[:n*nc]
	ws, plain := sc.ws[:0], sc.plain[:0]
	for i := range toks {
		e := &toks[i].ent.ws
		if e.parts == nil {
			t.fillWord(sc, e, &toks[i])
		}
		ws = append(ws, e)
		plain = append(plain, sc.skipPlain && isPlain(&toks[i], e))
	}
	sc.ws, sc.plain = ws, plain
	// the features looked up per token, in batches of at most perceptron's chunk
	feats, ends, outs := sc.f.buf[:0], sc.ends[:0], sc.outs[:0]
	for i := range toks {
		if plain[i] {
			continue
		}
		k := len(feats)
		feats = restFeats(feats, toks, i)
		if len(feats) > restBatch && len(ends) > 0 {
			t.m.ScoreIntParts(feats[:k], ends, outs)
			feats = feats[:copy(feats, feats[k:])]
			ends, outs = ends[:0], outs[:0]
		}
		ends = append(ends, len(feats))
		outs = append(outs, base[i*nc:][:nc])
	}
	if len(ends) > 0 {
		t.m.ScoreIntParts(feats, ends, outs)
	}
	sc.f.buf, sc.ends, sc.outs = feats[:0], ends[:0], outs[:0]
	prev, prev2 := -1, -1
	for i := range toks {
		if plain[i] && prev <= 0 {
			// a plain word after O or at the start: O without scoring (skipPlain)
			out[i] = 0
			prev2, prev = prev, 0
			continue
		}
		tk := &toks[i]
		s := base[i*nc:][:nc]
		if plain[i] {
			sc.f.buf = restFeats(sc.f.buf[:0], toks, i)
			t.m.ScoreInt(sc.f.buf, s)
		}
		// the rows to add to s, summed in one pass (addRows)
		var rowsArr [12][]int32
		// (the word's own part is in its prevRow)
		rows := rowsArr[:0]
		for k := partM2; k < nparts; k++ {
			if j := i + partOff[k]; j >= 0 && j < n {
				rows = append(rows, ws[j].parts[k*nc:][:nc])
			} else {
				rows = append(rows, tab.edge[k])
			}
		}
		if tk.pos != "" {
			rows = append(rows, t.posRow(sc, tk.pos, 0))
			if i > 0 {
				rows = append(rows, t.posRow(sc, toks[i-1].pos, -1))
			}
			if i+1 < n {
				rows = append(rows, t.posRow(sc, toks[i+1].pos, 1))
			}
		}
		capd := tk.flags & fCap
		if i > 0 {
			rows = append(rows, t.capRow(sc, toks[i-1].capb, capd, -1))
		}
		if i+1 < n {
			rows = append(rows, t.capRow(sc, toks[i+1].capb, capd, 1))
		}
		rows = append(rows, tab.pair[((prev+1)*(nc+1)+prev2+1)*nc:][:nc])
		rows = append(rows, t.prevRow(sc, ws[i], tk, prev))
		addRows(s, rows)
		valid := tab.valid[(prev+1)*nc:][:nc]
		best := 0 // O is always valid
		for c := 1; c < nc; c++ {
			if valid[c] && s[c] > s[best] {
				best = c
			}
		}
		if sc.trace != nil {
			*sc.trace = append(*sc.trace, append([]int32(nil), s...))
		}
		out[i] = best
		prev2, prev = prev, best
	}
}

// isPlain reports whether a token is a plain word for skipPlain: a word that may be plain
// (wordScores.plain) outside any gazetteer name or run of capitalised words.
func isPlain(t *token, e *wordScores) bool {
	return e.plain && t.gz == "" && t.runPos == 0
}

// restBatch is the most features tag looks up at once (perceptron's chunk: larger
// batches are scored one part at a time).
const restBatch = 128

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
