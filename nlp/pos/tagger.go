// Package pos tags tokens with their part of speech — Universal (UPOS) and Penn Treebank
// (XPOS) tags, predicted jointly by one greedy averaged perceptron — and their lemma.
//
// The model is trained on UD English EWT by `faultline train pos` and embedded in the
// binary (models/pos.bin); Load returns it as an nlp.Annotator.
package pos

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/faultline/faultline/models"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/perceptron"
)

// Tagger is a part-of-speech tagger and lemmatizer. It is safe for concurrent use. Each
// Annotate or Tag call in flight uses its own word cache, which the tagger's pool keeps for
// later calls (a garbage collection may drop it): up to about 22 MB with the embedded
// model, plus its tag-pair vectors (a few MB; see maxTypes).
type Tagger struct {
	first *perceptron.Model // first pass, whose tags give the right context; may be nil
	model *perceptron.Model
	set   featureSet // the models' feature templates
	upos  []string   // per class
	xpos  []string   // per class
	// dict maps frequent unambiguous word forms straight to their class.
	dict     map[string]uint16
	clusters map[uint64]uint64
	// classIdx numbers the ambiguity classes (the values of clusters) from 3 (see
	// wordInfo.ci), so that the word cache keeps the handles of the features of class
	// pairs in tables (modelParts.ctx). Nil (no tables) in a tagger not made by newTagger.
	classIdx map[uint64]uint32
	lemma    *Lemmatizer
	pool     sync.Pool

	// Margin, when positive, lets words whose first-pass best score beats the second by at
	// least Margin keep their first-pass tag: the second pass then scores only the harder
	// words. A one-pass tagger (such as the embedded one) has no second pass and ignores
	// it. Load sets DefaultMargin.
	Margin float32
}

// DefaultMargin is the margin Load and Read give a tagger (see Tagger.Margin), chosen on
// EWT dev: it skips most second-pass work for a negligible change in accuracy.
const DefaultMargin = 10

// file is the serialised form of a Tagger.
type file struct {
	First    []byte
	Model    []byte
	Classes  []string // "XPOS\tUPOS"
	Dict     map[string]uint16
	Clusters map[uint64]uint64
	Lemma    *Lemmatizer
	Set      featureSet // 0 (setFull) in files written before it was added
}

// scratch is per-call working memory.
type scratch struct {
	ws     []wordInfo
	fs     []uint64
	buf    []byte
	tags   []int
	tags1  []int
	sure   []bool
	words  []string
	lemmas []byte      // built lemmas of the current document
	spans  []lemmaSpan // where they are
	ids    []int32     // cache slot of each padded word
	tmp    []int32     // integer scores, NumClasses+1 (see modelParts.predict)
	// cache keeps per word form its features' scores and its lemmas (slotLemmas): most
	// words of a text recur, and one lookup replaces the lemmatizer's several.
	cache *wordCache
}

// memoLemma is a remembered lemma: the first n bytes of the form, or s when n < 0. It
// holds no part of a document's text, so the word cache keeps no document alive.
type memoLemma struct {
	n int
	s string
}

// of returns the remembered lemma of the word form.
func (m memoLemma) of(form string) string {
	if m.n >= 0 {
		return form[:m.n]
	}
	return m.s
}

func newTagger(set featureSet, first, m *perceptron.Model, classes []string, dict map[string]uint16, clusters map[uint64]uint64, lm *Lemmatizer) *Tagger {
	t := &Tagger{first: first, model: m, set: set, dict: dict, clusters: clusters, classIdx: classIndex(clusters), lemma: lm}
	for _, c := range classes {
		x, u, _ := strings.Cut(c, "\t")
		t.xpos = append(t.xpos, x)
		t.upos = append(t.upos, u)
	}
	return t
}

// classIndex numbers the distinct values of clusters from 3, in increasing order.
func classIndex(clusters map[uint64]uint64) map[uint64]uint32 {
	idx := map[uint64]uint32{}
	for _, v := range clusters {
		idx[v] = 0
	}
	for i, v := range slices.Sorted(maps.Keys(idx)) {
		idx[v] = uint32(3 + i)
	}
	return idx
}

// ErrNoModel is returned by Load when the binary was built without trained weights.
var ErrNoModel = errors.New("pos: no embedded model (run faultline train pos)")

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// Load returns the tagger embedded in the binary. It is decoded once and shared.
func Load() (*Tagger, error) {
	loadOnce.Do(func() {
		if len(models.POS) == 0 {
			loadErr = ErrNoModel
			return
		}
		loaded, loadErr = Read(bytes.NewReader(models.POS))
	})
	return loaded, loadErr
}

// Read reads a tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	var f file
	br := bufio.NewReader(r)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: reading model: %w", pkgName, err)
		}
		r = zr
	} else {
		r = br
	}
	if err := gob.NewDecoder(r).Decode(&f); err != nil {
		return nil, fmt.Errorf("pos: reading model: %w", err)
	}
	m, err := perceptron.Read(bytes.NewReader(f.Model))
	if err != nil {
		return nil, fmt.Errorf("pos: reading model: %w", err)
	}
	if m.NumClasses() != len(f.Classes) {
		return nil, fmt.Errorf("pos: model has %d classes, %d names", m.NumClasses(), len(f.Classes))
	}
	for _, c := range f.Dict {
		if int(c) >= len(f.Classes) {
			return nil, errors.New("pos: corrupt tag dictionary")
		}
	}
	var first *perceptron.Model
	if len(f.First) > 0 {
		if first, err = perceptron.Read(bytes.NewReader(f.First)); err != nil {
			return nil, fmt.Errorf("pos: reading model: %w", err)
		}
		if first.NumClasses() != len(f.Classes) {
			return nil, errors.New("pos: first-pass model does not match")
		}
	}
	if f.Set > setLean {
		return nil, fmt.Errorf("pos: reading model: unknown feature set %d", f.Set)
	}
	t := newTagger(f.Set, first, m, f.Classes, f.Dict, f.Clusters, f.Lemma)
	t.Margin = DefaultMargin
	return t, nil
}

// WriteTo writes the tagger.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var mb bytes.Buffer
	if _, err := t.model.WriteTo(&mb); err != nil {
		return 0, err
	}
	classes := make([]string, len(t.xpos))
	for i := range classes {
		classes[i] = t.xpos[i] + "\t" + t.upos[i]
	}
	var fb bytes.Buffer
	if t.first != nil {
		if _, err := t.first.WriteTo(&fb); err != nil {
			return 0, err
		}
	}
	cw := &counter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	err := gob.NewEncoder(zw).Encode(file{First: fb.Bytes(), Model: mb.Bytes(), Classes: classes, Dict: t.dict, Clusters: t.clusters, Lemma: t.lemma, Set: t.set})
	if err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (t *Tagger) get() *scratch {
	if s, ok := t.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{tmp: make([]int32, t.model.NumClasses()+1), fs: make([]uint64, 0, 64)}
}

// tag predicts the class of each word.
func (t *Tagger) tag(s *scratch, words []string) []int {
	n := len(words)
	if s.cache == nil {
		if t.first != nil {
			s.cache = newWordCache(t.set, t.classIdx, t.first, t.model)
		} else {
			s.cache = newWordCache(t.set, t.classIdx, t.model)
		}
	}
	c := s.cache
	c.makeRoom(n)
	if cap(s.ws) < n+4 {
		s.ws = make([]wordInfo, n+4)
		s.ids = make([]int32, n+4)
	}
	ws, ids := s.ws[:n+4], s.ids[:n+4]
	ws[0], ws[1] = padStart, padStart
	ws[n+2], ws[n+3] = padEnd, padEnd
	ids[0], ids[1], ids[n+2], ids[n+3] = 0, 0, 1, 1
	for i, w := range words {
		ids[i+2], s.buf = c.slot(w, t.dict, t.clusters, t.classIdx, s.buf)
		ws[i+2] = c.info[ids[i+2]]
	}
	ws[2].first = n > 0
	sentenceCase(ws[2 : n+2])
	p1 := &c.parts[0]
	for j := range ids {
		s.fs = p1.ensure(ids[j], &ws[j], s.fs)
	}
	if t.first == nil {
		s.tags, s.fs = greedyCached(c, p1, ws, words, ids, nil, s.tags[:0], s.fs, s.tmp, nil, 0)
		return s.tags
	}
	var sure []bool
	if t.Margin > 0 {
		if cap(s.sure) < n {
			s.sure = make([]bool, n)
		}
		sure = s.sure[:n]
		for i := range sure {
			sure[i] = false
		}
	}
	s.tags1, s.fs = greedyCached(c, p1, ws, words, ids, nil, s.tags1[:0], s.fs, s.tmp, sure, t.Margin)
	s.tags, s.fs = greedyCached(c, &c.parts[1], ws, words, ids, s.tags1, s.tags[:0], s.fs, s.tmp, sure, t.Margin)
	return s.tags
}

// greedy tags words left to right with m (templates set), appending classes to tags. right, if not nil,
// holds first-pass tags used as right context.
//
// With sure not nil (first pass), sure[i] records whether the best score beat the second by
// at least margin; with right not nil (second pass), words marked sure keep their first-pass
// tag without being scored again.
func greedy(set featureSet, m *perceptron.Model, dict map[string]uint16, ws []wordInfo, words []string, right []int, tags []int, fs []uint64, scores []float32, sure []bool, margin float32) ([]int, []uint64) {
	prev, prev2 := uint64(1000), uint64(1000)
	for i, w := range words {
		c, ok := dict[w]
		if !ok && right != nil && sure != nil && sure[i] {
			c, ok = uint16(right[i]), true
		}
		if !ok && right == nil && sure != nil {
			fs = set.features(fs[:0], ws, i, prev, prev2)
			k := m.Predict(fs, scores)
			best, second := scores[k], float32(-1e30)
			for j, v := range scores[:m.NumClasses()] {
				if j != k && v > second {
					second = v
				}
			}
			sure[i] = best-second >= margin
			c, ok = uint16(k), true
		}
		if !ok {
			fs = set.features(fs[:0], ws, i, prev, prev2)
			if right != nil {
				fs = rightFeatures(fs, ws, i, prev, rightTag(right, i), rightTag(right, i+1), rightTag(right, i+2))
			}
			c = uint16(m.Predict(fs, scores))
		}
		tags = append(tags, int(c))
		prev2, prev = prev, uint64(c)
	}
	return tags, fs
}

func rightTag(tags []int, i int) uint64 {
	if i < len(tags) {
		return uint64(tags[i])
	}
	return 2000
}

// Tag returns the UPOS and XPOS tags of words (normalised token forms).
func (t *Tagger) Tag(words []string) (upos, xpos []string) {
	s := t.get()
	defer t.pool.Put(s)
	for _, c := range t.tag(s, words) {
		upos = append(upos, t.upos[c])
		xpos = append(xpos, t.xpos[c])
	}
	return upos, xpos
}

// Lemma returns the lemma of a word form with Penn tag xpos.
func (t *Tagger) Lemma(form, xpos string) string { return t.lemma.Lemma(form, xpos) }

// Annotate sets UPOS, XPOS and Lemma of every token, sentence by sentence (the whole
// document is one sentence when there are none).
func (t *Tagger) Annotate(d *nlp.Doc) {
	s := t.get()
	defer t.pool.Put(s)
	t.annotate(s, d)
}

// annotate is Annotate with scratch s.
func (t *Tagger) annotate(s *scratch, d *nlp.Doc) {
	// Lemmas that are not the form, part of it or a stored string (unseen inflected words)
	// are built in s.lemmas and made into strings with one allocation per document.
	s.lemmas, s.spans = s.lemmas[:0], s.spans[:0]
	one := func(first, last int) {
		s.words = s.words[:0]
		for _, tok := range d.Tokens[first:last] {
			s.words = append(s.words, tok.Norm)
		}
		tags := t.tag(s, s.words)
		ids := s.ids[2:] // the words' cache slots, valid until the next tag
		for i, c := range tags {
			tok := &d.Tokens[first+i]
			tok.UPOS, tok.XPOS = t.upos[c], t.xpos[c]
			// the lemma of the word's slot, if remembered for this class
			if l, ok := s.cache.lemmaOf(ids[i], int32(c), tok.Norm); ok {
				tok.Lemma = l
				continue
			}
			start := len(s.lemmas)
			var ok bool
			tok.Lemma, s.buf, s.lemmas, ok = t.lemma.lemmaTo(tok.Norm, tok.XPOS, s.buf, s.lemmas, true)
			if !ok {
				s.spans = append(s.spans, lemmaSpan{tok: first + i, start: start, end: len(s.lemmas), slot: ids[i], class: int32(c)})
				continue // remembered once the document's built lemmas are strings
			}
			var m memoLemma
			if l := tok.Lemma; len(l) <= len(tok.Norm) && tok.Norm[:len(l)] == l {
				m = memoLemma{n: len(l)}
			} else {
				m = memoLemma{n: -1, s: strings.Clone(l)}
			}
			s.cache.setLemma(ids[i], int32(c), m)
		}
	}
	if len(d.Sentences) == 0 {
		if len(d.Tokens) > 0 {
			one(0, len(d.Tokens))
		}
	} else {
		for _, sn := range d.Sentences {
			if sn.First >= 0 && sn.First < sn.Last && sn.Last <= len(d.Tokens) {
				one(sn.First, sn.Last)
			}
		}
	}
	if len(s.spans) > 0 {
		all := string(s.lemmas)
		for _, sp := range s.spans {
			tok := &d.Tokens[sp.tok]
			tok.Lemma = all[sp.start:sp.end]
			if s.cache.forms[sp.slot] == tok.Norm { // the slot was not freed and taken by another word since
				s.cache.setLemma(sp.slot, sp.class, memoLemma{n: -1, s: strings.Clone(tok.Lemma)})
			}
		}
	}
}

// lemmaSpan locates the lemma of token tok in scratch.lemmas; the token's word is in
// cache slot slot, tagged class.
type lemmaSpan struct {
	tok, start, end int
	slot, class     int32
}

const pkgName = "pos"

// Prune returns a copy of t without weights smaller than min (see perceptron.Model.Prune).
func (t *Tagger) Prune(min float32) *Tagger {
	var first *perceptron.Model
	if t.first != nil {
		first = t.first.Prune(min)
	}
	return &Tagger{first: first, model: t.model.Prune(min), set: t.set, upos: t.upos, xpos: t.xpos,
		dict: t.dict, clusters: t.clusters, classIdx: t.classIdx, lemma: t.lemma}
}
