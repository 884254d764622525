// Package parse is a greedy transition-based dependency parser: the arc-eager system with
// an averaged perceptron over Zhang & Nivre (2011) style features (words, Penn tags and
// labels of stack and buffer tokens, their heads and outer children, valency, distance),
// trained with a dynamic oracle (Goldberg & Nivre 2012). It outputs Universal Dependencies
// relations.
//
// The model is trained on UD English EWT (plus the CC BY(-SA) genres of GUM) by
// `faultline train parse` and embedded in the binary (models/parse.bin, see models/parse.md);
// Load returns it as an nlp.Annotator, which needs the XPOS tags of package pos. LoadLite
// returns the extraction pipeline's smaller parser (models/parselite.bin): about a third of
// the feature lookups, coarse relations (those the event extractor tells apart) and fewer
// transition classes.
//
// Scores are exact integer sums (perceptron.Model.ScoreInt), so parsing caches the scores
// of the feature groups that a transition leaves unchanged: the buffer front's own features
// and its left dependents, each word's features as second of the stack, and as top those
// that stay the same while it is on the stack (its own, its head's, its left children's)
// and those of its right children. The groups a transition does need are scored in one
// call (perceptron.Model.ScoreIntParts), whose memory loads overlap. Parsing does not
// allocate once its scratch memory has grown to the sentence.
package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/models"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/perceptron"
)

// Parser is a dependency parser. It is safe for concurrent use.
type Parser struct {
	model  *perceptron.Model
	labels []string
	// classes maps the hash of a lowercase training word to its lexical class: the set of
	// Penn tags it takes in the training data, a tag-independent hint at its category.
	classes map[uint64]uint64
	punct   int // label id of "punct", or -1
	dep     int // label id used for unattached non-punctuation
	feats   int // feature set version (see state.feats)
	// arcs are the arc transition classes from 2 on (see state.arcs; nil: every label
	// both ways)
	arcs []uint16
	pool sync.Pool
}

// file is the serialised form of a Parser.
type file struct {
	Model    []byte
	Labels   []string
	Classes  map[uint64]uint64
	Features int // feature set version; 0 in files written before there were versions
	// Arcs lists the arc transition classes (see state.arcs); empty: every label both ways
	Arcs []uint16
}

// scratch is per-call working memory.
type scratch struct {
	st     state
	fs     []uint64
	ends   []int     // ends of the feature groups in fs (see Model.ScoreIntParts)
	outs   [][]int32 // where each group's scores go
	suf    []uint64
	scores []int32
	front  []int32 // scores of the buffer-front features
	top    []int32 // per word, scores of its fixed features as top of the stack
	sec    []int32 // per word, scores of its features as second on the stack
	has    []uint8 // per word, bit 1: top computed, bit 2: sec computed
	tree   []int32 // per word, scores of its right-children features as top of the stack
	// per word, 1 + the number of right children its tree scores were computed with
	treeKey []int32
	pre     [][restPrefixes]uint64 // per word, its prefixes of rest7 (feature set 7)
	buf     []byte
	heads   []int
	rels    []int
	words   []string
	tags    []string
	utags   []string
	// lookups counts the features scored (perceptron table lookups), for measurements
	lookups int
}

func newParser(m *perceptron.Model, labels []string, classes map[uint64]uint64, feats int, arcs []uint16) *Parser {
	p := &Parser{model: m, labels: labels, classes: classes, punct: -1, dep: 0, feats: feats, arcs: arcs}
	for i, l := range labels {
		switch {
		case l == "punct":
			p.punct = i
		case l == "parataxis", l == "dep" && coarseLabels(feats):
			p.dep = i
		}
	}
	return p
}

// ErrNoModel is returned by Load and LoadLite when the binary was built without trained
// weights.
var ErrNoModel = errors.New("parse: no embedded model (run faultline train parse)")

var (
	loadFull = sync.OnceValues(func() (*Parser, error) { return readEmbedded(models.Parse) })
	loadLite = sync.OnceValues(func() (*Parser, error) { return readEmbedded(models.ParseLite) })
)

// Load returns the parser embedded in the binary. It is decoded once and shared.
func Load() (*Parser, error) { return loadFull() }

// LoadLite returns the small parser embedded in the binary for the extraction pipeline
// (models/parselite.md): feature set 7, about a third of the lookups of Load's, and coarse
// relations, those the event extractor tells apart (see coarseRel). It is an APPROXIMATION
// of Load's parser, taken for speed: besides the fewer templates, its six rarest
// (direction, relation) arcs train as dep (Options.MinArcShare) and its weights are pruned
// at |w| < 1.5; the model card gives both parsers' scores. It is decoded once and shared.
func LoadLite() (*Parser, error) { return loadLite() }

// readEmbedded decodes embedded weights b, or returns ErrNoModel if there are none.
func readEmbedded(b []byte) (*Parser, error) {
	if len(b) == 0 {
		return nil, ErrNoModel
	}
	return Read(bytes.NewReader(b))
}

// Read reads a parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
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
		return nil, fmt.Errorf("parse: reading model: %w", err)
	}
	m, err := perceptron.Read(bytes.NewReader(f.Model))
	if err != nil {
		return nil, fmt.Errorf("parse: reading model: %w", err)
	}
	nc := 2 + 2*len(f.Labels)
	if len(f.Arcs) > 0 {
		nc = 2 + len(f.Arcs)
		for _, a := range f.Arcs {
			if int(a>>1) >= len(f.Labels) {
				return nil, fmt.Errorf("parse: reading model: arc class of label %d of %d", a>>1, len(f.Labels))
			}
		}
	}
	if m.NumClasses() != nc || len(f.Labels) == 0 {
		return nil, fmt.Errorf("parse: model has %d classes for %d labels", m.NumClasses(), len(f.Labels))
	}
	if f.Features < 0 || f.Features > maxFeatures {
		return nil, fmt.Errorf("parse: model uses feature set %d, this code knows 0-%d", f.Features, maxFeatures)
	}
	return newParser(m, f.Labels, f.Classes, f.Features, f.Arcs), nil
}

// WriteTo writes the parser.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	var mb bytes.Buffer
	if _, err := p.model.WriteTo(&mb); err != nil {
		return 0, err
	}
	cw := &counter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	err := gob.NewEncoder(zw).Encode(file{Model: mb.Bytes(), Labels: p.labels, Classes: p.classes, Features: p.feats, Arcs: p.arcs})
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

// Labels returns the dependency relations the parser predicts.
func (p *Parser) Labels() []string { return p.labels }

func (p *Parser) get() *scratch {
	if s, ok := p.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{scores: make([]int32, p.model.NumClasses()), fs: make([]uint64, 0, 128)}
}

var rootWord = perceptron.HashString(3, "<root>")

// prepare fills the per-token feature values of st for words and their Penn and UPOS tags
// (1-based positions; utags may be nil), for feature set feats.
func prepare(st *state, suf []uint64, buf []byte, words, tags, utags []string, classes map[uint64]uint64, feats int) ([]uint64, []byte) {
	n := len(words)
	st.reset(n)
	st.feats = feats
	st.drop = dropped(feats)
	if feats == 1 {
		st.countBetween(tags)
	}
	m := n + 2
	if cap(st.w) < m {
		st.w = make([]uint64, m)
		st.p = make([]uint64, m)
		st.u = make([]uint64, m)
		st.c = make([]uint64, m)
	}
	st.w, st.p, st.u, st.c = st.w[:m], st.p[:m], st.u[:m], st.c[:m]
	if cap(suf) < m {
		suf = make([]uint64, m)
	}
	suf = suf[:m]
	st.w[n+1], st.p[n+1], st.u[n+1], st.c[n+1], suf[n+1] = rootWord, rootWord, rootWord, rootWord, rootWord
	for i, w := range words {
		buf = asciiLower(buf, w)
		st.w[i+1] = hashBytes(1, buf)
		k := len(buf) - 3
		if k < 0 {
			k = 0
		}
		suf[i+1] = hashBytes(4, buf[k:])
		st.p[i+1] = perceptron.HashString(2, tags[i])
		st.u[i+1] = 5
		if utags != nil {
			st.u[i+1] = perceptron.HashString(6, utags[i])
		}
		st.c[i+1] = classes[st.w[i+1]]
	}
	return suf, buf
}

// asciiLower appends w with ASCII letters lowercased to buf[:0].
func asciiLower(buf []byte, w string) []byte {
	buf = buf[:0]
	for j := 0; j < len(w); j++ {
		c := w[j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
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

// parse parses one sentence into s.heads (-1 root, else 0-based) and s.rels (label ids).
//
// Scores are integer sums, so they can be split exactly: the scores of the buffer-front
// features are kept until the front moves, and those of a word's own features as top or
// second of the stack are computed once per sentence, the first time the word is there.
func (p *Parser) parse(s *scratch, words, tags, utags []string) {
	if len(words) > maxCached {
		// the caches take 12 bytes a word and class: parse very long sentences without
		p.parseUncached(s, words, tags, utags)
		return
	}
	st := &s.st
	s.suf, s.buf = prepare(st, s.suf, s.buf, words, tags, utags, p.classes, p.feats)
	st.arcs = p.arcs
	nc := p.model.NumClasses()
	scores := s.scores[:nc]
	m := len(words) + 2
	if cap(s.top) < m*nc {
		s.top = make([]int32, m*nc)
		s.sec = make([]int32, m*nc)
		s.tree = make([]int32, m*nc)
	}
	if cap(s.has) < m {
		s.has = make([]uint8, m)
		s.treeKey = make([]int32, m)
	}
	s.top, s.sec, s.tree, s.has, s.treeKey = s.top[:m*nc], s.sec[:m*nc], s.tree[:m*nc], s.has[:m], s.treeKey[:m]
	clear(s.has)
	clear(s.treeKey)
	if len(s.front) < 2*nc {
		s.front = make([]int32, 2*nc)
	}
	front, n0tree := s.front[:nc], s.front[nc:2*nc]
	lite := p.feats == 7
	if lite {
		if cap(s.pre) < m {
			s.pre = make([][restPrefixes]uint64, m)
		}
		s.pre = s.pre[:m]
	}
	b, n0key := -1, -1
	for !st.done() {
		if c := st.forced(); c >= 0 {
			st.apply(c) // no scores needed
			continue
		}
		// The feature groups whose scores are not cached go into one ScoreIntParts call,
		// so that their memory loads overlap.
		s.fs, s.ends, s.outs = s.fs[:0], s.ends[:0], s.outs[:0]
		if st.b != b {
			b = st.b
			if lite {
				s.fs = st.buffer7(s.fs, s.suf)
			} else {
				s.fs = st.bufferFeatures(s.fs, s.suf)
			}
			s.part(front)
			n0key = -1
		}
		// the front's left dependents only grow in number
		if k := st.nl[b]; k != n0key {
			n0key = k
			if lite {
				s.fs = st.n0Tree7(s.fs)
			} else {
				s.fs = st.n0TreeFeatures(s.fs)
			}
			s.part(n0tree)
		}
		s0, s1 := st.top(), st.second()
		newTop := s0 != none && s.has[s0]&1 == 0
		if lite && s0 != none {
			if newTop {
				st.restPrefixes7(&s.pre[s0], s0)
			}
			s.fs = st.rest7(s.fs, s0, &s.pre[s0])
		} else {
			s.fs = st.restFeatures(s.fs, s.suf)
		}
		if s0 == none {
			s.fs = st.s0Features(s.fs, s.suf, none)
			s.fs = st.s0TreeFeatures(s.fs, none)
		}
		if s1 == none {
			s.fs = st.s1Features(s.fs, none)
		}
		s.part(scores)
		var top, tree, sec []int32
		if s0 != none {
			// the features of s0 that stay the same while it is on the stack: computed
			// the first time it is the top
			top = s.top[s0*nc : (s0+1)*nc]
			if newTop {
				s.has[s0] |= 1
				s.fs = st.s0Features(s.fs, s.suf, s0)
				if lite {
					s.fs = st.fixed7(s.fs, s0)
				} else {
					s.fs = st.s0FixedFeatures(s.fs, s0)
				}
				s.part(top)
			}
			// those of its right children change when it gets one; the key is their
			// number + 1, so that 0 means not computed
			tree = s.tree[s0*nc : (s0+1)*nc]
			if key := int32(st.nr[s0] + 1); s.treeKey[s0] != key {
				s.treeKey[s0] = key
				if lite {
					s.fs = st.right7(s.fs, s0)
				} else {
					s.fs = st.s0RightFeatures(s.fs, s0)
				}
				s.part(tree)
			}
		}
		if s1 != none {
			sec = s.sec[s1*nc : (s1+1)*nc]
			if s.has[s1]&2 == 0 {
				s.has[s1] |= 2
				s.fs = st.s1Features(s.fs, s1)
				s.part(sec)
			}
		}
		s.lookups += len(s.fs)
		p.model.ScoreIntParts(s.fs, s.ends, s.outs)
		// int32 sums wrap around, so their order does not change them
		front, n0tree := front[:len(scores)], n0tree[:len(scores)]
		switch {
		case s0 != none && s1 != none:
			v, t, u := top[:len(scores)], tree[:len(scores)], sec[:len(scores)]
			for c := range scores {
				scores[c] += front[c] + n0tree[c] + v[c] + t[c] + u[c]
			}
		case s0 != none:
			v, t := top[:len(scores)], tree[:len(scores)]
			for c := range scores {
				scores[c] += front[c] + n0tree[c] + v[c] + t[c]
			}
		default:
			for c := range scores {
				scores[c] += front[c] + n0tree[c]
			}
		}
		st.apply(best(st, scores))
	}
	p.finish(s, tags)
}

// part ends a feature group: the features added to s.fs since the previous part are
// scored into out.
func (s *scratch) part(out []int32) {
	s.ends = append(s.ends, len(s.fs))
	s.outs = append(s.outs, out)
}

// parseUncached is parse without the score caches: every state's features are scored at
// once.
func (p *Parser) parseUncached(s *scratch, words, tags, utags []string) {
	st := &s.st
	s.suf, s.buf = prepare(st, s.suf, s.buf, words, tags, utags, p.classes, p.feats)
	st.arcs = p.arcs
	scores := s.scores[:p.model.NumClasses()]
	for !st.done() {
		if c := st.forced(); c >= 0 {
			st.apply(c)
			continue
		}
		s.fs = st.features(s.fs[:0], s.suf)
		s.lookups += len(s.fs)
		p.model.ScoreInt(s.fs, scores)
		st.apply(best(st, scores))
	}
	p.finish(s, tags)
}

// maxCached is the longest sentence (in words) parsed with score caches.
const maxCached = 1000

// best returns the valid transition with the highest score (the first on ties).
func best(st *state, scores []int32) int {
	// validity of shift, reduce, left-arcs and right-arcs
	top := st.top()
	vs := st.b <= st.n
	vr := top != none && st.head[top] != none
	var vlr [2]bool
	vlr[0] = top != none && st.head[top] == none
	vlr[1] = top != none && st.b <= st.n
	b, bv := -1, int32(0)
	if len(scores) > 0 && vs {
		b, bv = 0, scores[0]
	}
	if len(scores) > 1 && vr && (b < 0 || scores[1] > bv) {
		b, bv = 1, scores[1]
	}
	switch {
	case !vlr[0] && !vlr[1]:
	case st.arcs == nil: // left-arcs at even classes, right-arcs at odd ones
		for c := 2; c < len(scores); c++ {
			if v := scores[c]; (b < 0 || v > bv) && vlr[c&1] {
				b, bv = c, v
			}
		}
	default:
		arcs := st.arcs[:len(scores)-2]
		arcScores := scores[2:][:len(arcs)] // the same length: no bounds checks in the loop
		for k, a := range arcs {
			if v := arcScores[k]; (b < 0 || v > bv) && vlr[a&1] {
				b, bv = k+2, v
			}
		}
	}
	return b
}

// finish turns the final state into heads and labels. Every word has a head; of several
// words attached to the root, the first labelled root stays the root and the others
// become its dependents.
func (p *Parser) finish(s *scratch, tags []string) {
	st := &s.st
	n := st.n
	rootPos := n + 1
	s.heads = s.heads[:0]
	s.rels = s.rels[:0]
	rootLabel := p.rootLabel()
	main := none
	for i := 1; i <= n; i++ {
		if st.head[i] == rootPos && (main == none || st.lab[i] == rootLabel && st.lab[main] != rootLabel) {
			main = i
		}
	}
	for i := 1; i <= n; i++ {
		h, l := st.head[i], st.lab[i]
		switch {
		case h == none || h == rootPos && i != main:
			if main == none {
				main, h, l = i, rootPos, rootLabel
				break
			}
			h = main
			if l < 0 || l == rootLabel {
				l = p.dep
				if p.punct >= 0 && isPunct(tags[i-1]) {
					l = p.punct
				}
			}
		case i == main:
			l = rootLabel
		}
		if h == rootPos {
			s.heads = append(s.heads, -1)
		} else {
			s.heads = append(s.heads, h-1)
		}
		s.rels = append(s.rels, l)
	}
}

func (p *Parser) rootLabel() int {
	for i, l := range p.labels {
		if l == "root" {
			return i
		}
	}
	return 0
}

func isPunct(tag string) bool {
	r, _ := utf8.DecodeRuneInString(tag)
	return tag != "" && !unicode.IsLetter(r) || tag == "HYPH" || tag == "NFP"
}

// Parse returns the head (index into words, -1 for the root) and relation of each word,
// given the words' normalised forms, Penn (XPOS) and Universal (UPOS) tags; utags may be nil.
func (p *Parser) Parse(words, tags, utags []string) (heads []int, rels []string) {
	if len(words) == 0 {
		return nil, nil
	}
	s := p.get()
	defer p.pool.Put(s)
	p.parse(s, words, tags, utags)
	heads = append(heads, s.heads...)
	for _, l := range s.rels {
		rels = append(rels, p.labels[l])
	}
	return heads, rels
}

// Annotate sets Head (an index into d.Tokens, -1 for a sentence root) and Rel of every
// token, sentence by sentence, from the tokens' Norm, XPOS and UPOS.
func (p *Parser) Annotate(d *nlp.Doc) {
	s := p.get()
	defer p.pool.Put(s)
	one := func(first, last int) {
		s.words, s.tags, s.utags = s.words[:0], s.tags[:0], s.utags[:0]
		for _, t := range d.Tokens[first:last] {
			s.words = append(s.words, t.Norm)
			s.tags = append(s.tags, t.XPOS)
			s.utags = append(s.utags, t.UPOS)
		}
		p.parse(s, s.words, s.tags, s.utags)
		for i := range s.heads {
			t := &d.Tokens[first+i]
			if s.heads[i] < 0 {
				t.Head = -1
			} else {
				t.Head = first + s.heads[i]
			}
			t.Rel = p.labels[s.rels[i]]
		}
	}
	if len(d.Sentences) == 0 {
		if len(d.Tokens) > 0 {
			one(0, len(d.Tokens))
		}
		return
	}
	for _, sn := range d.Sentences {
		if sn.First >= 0 && sn.First < sn.Last && sn.Last <= len(d.Tokens) {
			one(sn.First, sn.Last)
		}
	}
}

const pkgName = "parse"

// Prune returns a copy of p without weights smaller than min (see perceptron.Model.Prune).
func (p *Parser) Prune(min float32) *Parser {
	return newParser(p.model.Prune(min), p.labels, p.classes, p.feats, p.arcs)
}

// String describes the parser's model size.
func (p *Parser) String() string {
	return fmt.Sprintf("parse: feature set %d, %d labels, %s", p.feats, len(p.labels), p.model)
}
