package parse

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/faultline/faultline/nlp/conllu"
	"github.com/faultline/faultline/nlp/perceptron"
	"github.com/faultline/faultline/nlp/tokenize"
)

// Options control training.
type Options struct {
	Epochs  int     // maximum passes over the training data
	Seed    int64   // shuffling and exploration seed
	Prune   float64 // averaged weights below this are dropped
	Explore float64 // probability of following a wrong prediction from epoch 2 on
	// Features is the feature set version (0: the original set; 1: also counts of verbs,
	// punctuation and quotes or brackets between the stack top and the buffer front; 2: set
	// 0 without sparse templates that cost little accuracy; 3: about half the lookups of
	// set 2, on coarse relations (coarseRel); 4: set 3 without nine more tag templates; 5:
	// set 4 with four single-word templates of s0 and s1 back; 6 and 7: set 5 without six
	// and twelve templates, 7 the pipeline's; sets 3-7 on coarse relations; see dropped).
	Features int
	// MinArcShare, if positive, keeps an arc transition (a direction and a relation) only
	// when at least this share of the training words take it; the others' words train as
	// dep in that direction (an approximation: the parser never predicts those arcs).
	// Fewer transition classes are shorter weight rows to sum (0: every relation both ways).
	MinArcShare float64
	Log         io.Writer
	// Checkpoint, if set, is called with each new best parser (by dev LAS).
	Checkpoint func(*Parser, Scores)
}

// Scores are attachment scores over words (punctuation included).
type Scores struct {
	UAS, LAS float64
	Tokens   int
	// Lookups is the number of features scored (weight-table lookups) for the Tokens.
	Lookups int
	// EventF1 is the F1 of the arcs with an event relation, those the event extractor tells
	// apart: on coarse relations (coarseRel), an arc is in the gold or the predicted set
	// when its relation is not dep, punct or root, and right when head and relation are.
	EventF1 float64
}

// eventRel reports whether coarse relation r is one the event extractor tells apart.
func eventRel(r string) bool { return r != "dep" && r != "punct" && r != "root" }

// Sentence is a training or test sentence: gold heads and relations, and the tags the
// parser sees (gold or predicted).
type Sentence struct {
	Words []string // normalised forms
	Tags  []string // Penn tags
	UTags []string // UPOS tags (may be nil)
	Heads []int    // gold head, 0-based, -1 root
	Rels  []string // gold relation
}

// FromCoNLLU converts treebank sentences, using tags[i] and utags[i] as the Penn and UPOS
// tags of sentence i when they are not nil (e.g. predicted tags) and the gold ones otherwise.
func FromCoNLLU(sents []conllu.Sentence, tags, utags [][]string) []Sentence {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		o := &out[i]
		for j, w := range s.Words {
			o.Words = append(o.Words, tokenize.Normalize(w.Form))
			if tags != nil {
				o.Tags = append(o.Tags, tags[i][j])
			} else {
				o.Tags = append(o.Tags, w.XPOS)
			}
			if utags != nil {
				o.UTags = append(o.UTags, utags[i][j])
			} else {
				o.UTags = append(o.UTags, w.UPOS)
			}
			o.Heads = append(o.Heads, w.Head)
			o.Rels = append(o.Rels, w.Rel)
		}
	}
	return out
}

// Train trains a parser, keeping the epoch that scores best (LAS) on dev.
func Train(train, dev []Sentence, o Options) (*Parser, Scores, error) {
	if o.Epochs <= 0 {
		o.Epochs = 15
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.Features < 0 || o.Features > maxFeatures {
		return nil, Scores{}, fmt.Errorf("parse: feature set %d unknown", o.Features)
	}
	logf := func(format string, a ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format, a...)
		}
	}
	labelIdx := map[string]int{}
	for _, s := range train {
		for _, r := range s.Rels {
			labelIdx[goldRel(o.Features, r)] = 0
		}
	}
	var labels []string
	for l := range labelIdx {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) > 64 {
		return nil, Scores{}, fmt.Errorf("parse: %d relations, at most 64 supported", len(labels))
	}
	for i, l := range labels {
		labelIdx[l] = i
	}
	arcs, keep := arcClasses(train, labels, labelIdx, o)
	nc := 2 + 2*len(labels)
	if arcs != nil {
		nc = 2 + len(arcs)
	}
	classes := lexicalClasses(train)
	logf("parse: %d sentences, %d relations, %d transition classes\n", len(train), len(labels), nc)
	tr := perceptron.NewTrainer(nc)
	rng := tr.Rand(o.Seed)
	scores := make([]float64, nc)
	costs := make([]int, nc)
	var st state
	var suf []uint64
	var buf []byte
	var fs []uint64
	var gh, gl []int
	var best *Parser
	var bestScores Scores
	bad := 0
	for ep := 1; ep <= o.Epochs; ep++ {
		errs, steps := 0, 0
		for _, si := range rng.Perm(len(train)) {
			s := &train[si]
			n := len(s.Words)
			if n == 0 {
				continue
			}
			suf, buf = prepare(&st, suf, buf, s.Words, s.Tags, s.UTags, classes, o.Features)
			st.arcs = arcs
			gh, gl = gh[:0], gl[:0]
			gh = append(gh, none)
			gl = append(gl, none)
			for i := range s.Words {
				h := s.Heads[i] + 1
				if s.Heads[i] < 0 {
					h = n + 1
				}
				gh = append(gh, h)
				l := labelIdx[goldRel(o.Features, s.Rels[i])]
				if keep != nil && !keep[arcKey(l, h < i+1)] {
					l = labelIdx["dep"]
				}
				gl = append(gl, l)
			}
			gh = append(gh, none)
			gl = append(gl, none)
			for !st.done() {
				fs = st.features(fs[:0], suf)
				tr.Score(fs, scores)
				st.costs(gh, gl, costs)
				pred, gold := -1, -1
				minCost := 1 << 30
				for c := 0; c < nc; c++ {
					if costs[c] < 0 {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if costs[c] < minCost {
						minCost = costs[c]
					}
				}
				for c := 0; c < nc; c++ {
					if costs[c] == minCost && (gold < 0 || scores[c] > scores[gold]) {
						gold = c
					}
				}
				steps++
				if costs[pred] == minCost {
					tr.Tick()
					st.apply(pred)
					continue
				}
				errs++
				tr.Update(fs, gold, pred)
				if ep > 1 && rng.Float64() < o.Explore {
					st.apply(pred)
				} else {
					st.apply(gold)
				}
			}
		}
		p := newParser(tr.Model(nil, o.Prune), labels, classes, o.Features, arcs)
		sc := p.Evaluate(dev)
		logf("parse: epoch %d: train transition acc %.4f, dev uas %.4f las %.4f, %.1f lookups/token, %d features, %d weights\n",
			ep, 1-float64(errs)/float64(steps), sc.UAS, sc.LAS, float64(sc.Lookups)/float64(max(sc.Tokens, 1)),
			p.model.NumFeatures(), p.model.NumWeights())
		if best == nil || sc.LAS > bestScores.LAS {
			best, bestScores, bad = p, sc, 0
			if o.Checkpoint != nil {
				o.Checkpoint(p, sc)
			}
		} else if bad++; bad >= 3 {
			break
		}
	}
	return best, bestScores, nil
}

// arcKey is the arc class code of label l in direction right (see state.arcs).
func arcKey(l int, right bool) uint16 {
	k := uint16(l) << 1
	if right {
		k |= 1
	}
	return k
}

// arcClasses returns the arc transitions of Options.MinArcShare (nil, nil when it is 0),
// ordered by label then left before right, and the set of them: every (label, direction)
// that at least that share of the training words take, and dep both ways.
func arcClasses(train []Sentence, labels []string, labelIdx map[string]int, o Options) ([]uint16, map[uint16]bool) {
	if o.MinArcShare <= 0 {
		return nil, nil
	}
	dep, ok := labelIdx["dep"]
	if !ok {
		return nil, nil // a parser of full relations: no dep to fall back on
	}
	count := map[uint16]int{}
	total := 0
	for _, s := range train {
		for i, r := range s.Rels {
			count[arcKey(labelIdx[goldRel(o.Features, r)], s.Heads[i] >= 0 && s.Heads[i] < i)]++
			total++
		}
	}
	keep := map[uint16]bool{arcKey(dep, false): true, arcKey(dep, true): true}
	for k, n := range count {
		if float64(n) >= o.MinArcShare*float64(total) {
			keep[k] = true
		}
	}
	var arcs []uint16
	for l := range labels {
		for _, right := range []bool{false, true} {
			if k := arcKey(l, right); keep[k] {
				arcs = append(arcs, k)
			}
		}
	}
	return arcs, keep
}

// costs sets costs[c] to the number of gold arcs transition c makes unreachable (Goldberg
// & Nivre's dynamic oracle for arc-eager, plus one for a wrong label on a gold arc), or -1
// when c is not valid. gh and gl are the gold heads and labels by position (1-based,
// n+1 = root).
func (s *state) costs(gh, gl []int, costs []int) {
	for i := range costs {
		costs[i] = -1
	}
	if s.done() {
		return
	}
	s0, b := s.top(), s.b
	inStack := func(k int) bool {
		for _, x := range s.stack {
			if x == k {
				return true
			}
		}
		return false
	}
	if s.valid(shift) {
		// b loses its head and its dependents in the stack
		c := 0
		for _, k := range s.stack {
			if gh[b] == k {
				c++
			}
			if s.head[k] == none && gh[k] == b {
				c++
			}
		}
		costs[shift] = c
	}
	if s.valid(reduce) {
		// s0 loses its dependents in the buffer
		c := 0
		for k := b; k <= s.n; k++ {
			if gh[k] == s0 {
				c++
			}
		}
		costs[reduce] = c
	}
	// left-arc: s0 gets head b and leaves the stack; right-arc: b gets head s0 and goes on
	// the stack (both need a top; the root takes no right dependents)
	validL := s0 != none && s.head[s0] == none
	validR := s0 != none && b <= s.n
	cl, cr := 0, 0
	if validL {
		for k := b; k <= s.n; k++ {
			if gh[k] == s0 {
				cl++
			}
		}
		if gh[s0] > b {
			cl++
		}
	}
	if validR {
		if gh[b] != s0 && (gh[b] > b || inStack(gh[b])) {
			cr++
		}
		for _, k := range s.stack {
			if s.head[k] == none && gh[k] == b {
				cr++
			}
		}
	}
	for c := 2; c < len(costs); c++ {
		switch right, l := s.arc(c); {
		case !right && validL:
			costs[c] = cl
			if gh[s0] == b && gl[s0] != l {
				costs[c] = cl + 1
			}
		case right && validR:
			costs[c] = cr
			if gh[b] == s0 && gl[b] != l {
				costs[c] = cr + 1
			}
		}
	}
}

// Evaluate parses the sentences (with their Tags) and scores the heads and relations.
func (p *Parser) Evaluate(sents []Sentence) Scores {
	var sc Scores
	var u, l, eg, ep, eboth int
	s := p.get()
	defer p.pool.Put(s)
	lookups := s.lookups
	for _, sn := range sents {
		if len(sn.Words) == 0 {
			continue
		}
		p.parse(s, sn.Words, sn.Tags, sn.UTags)
		for i, h := range s.heads {
			sc.Tokens++
			if h == sn.Heads[i] {
				u++
				if p.labels[s.rels[i]] == goldRel(p.feats, sn.Rels[i]) {
					l++
				}
			}
			pr, gr := coarseRel(p.labels[s.rels[i]]), coarseRel(sn.Rels[i])
			if eventRel(gr) {
				eg++
			}
			if eventRel(pr) {
				ep++
				if pr == gr && h == sn.Heads[i] {
					eboth++
				}
			}
		}
	}
	if sc.Tokens > 0 {
		sc.UAS = float64(u) / float64(sc.Tokens)
		sc.LAS = float64(l) / float64(sc.Tokens)
	}
	if eg+ep > 0 {
		sc.EventF1 = 2 * float64(eboth) / float64(eg+ep)
	}
	sc.Lookups = s.lookups - lookups
	return sc
}

// lexicalClasses maps the hash of each lowercase word seen at least three times in the
// training sentences to the set of Penn tags it takes there (each at least 5% of the time).
// The tags are those the parser trains on.
func lexicalClasses(train []Sentence) map[uint64]uint64 {
	type stat struct {
		n    int
		tags map[string]int
	}
	stats := map[uint64]*stat{}
	for _, s := range train {
		for i, w := range s.Words {
			h := hashBytes(1, asciiLower(nil, w))
			st := stats[h]
			if st == nil {
				st = &stat{tags: map[string]int{}}
				stats[h] = st
			}
			st.n++
			st.tags[s.Tags[i]]++
		}
	}
	out := map[uint64]uint64{}
	for h, st := range stats {
		if st.n < 3 {
			continue
		}
		var tags []string
		for t, n := range st.tags {
			if n*20 >= st.n {
				tags = append(tags, t)
			}
		}
		sort.Strings(tags)
		out[h] = perceptron.HashString(8, strings.Join(tags, "|"))
	}
	return out
}
