package pos

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/nlp/conllu"
	"github.com/faultline/faultline/nlp/perceptron"
	"github.com/faultline/faultline/nlp/tokenize"
)

// Options control training.
type Options struct {
	Epochs int     // maximum number of passes over the training data
	Seed   int64   // shuffling seed
	Prune  float64 // averaged weights below this are dropped
	// TwoPass trains a second tagger that also sees the first pass's tags of the words to
	// the right (jackknifed on train).
	TwoPass    bool
	FoldEpochs int // epochs of each jackknife fold model (default 6)
	// Lean trains on the lean feature templates (setLean: fewer lookups a word, see
	// featureSet) instead of the full set.
	Lean bool
	Log  io.Writer
}

// Scores are tagging accuracies over words.
type Scores struct {
	UPOS, XPOS, Lemma float64
	Tokens            int
}

// Train trains a tagger on train, choosing the number of epochs by accuracy on dev.
func Train(train, dev []conllu.Sentence, o Options) (*Tagger, Scores, error) {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	logf := func(format string, a ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format, a...)
		}
	}
	// classes and tag dictionary
	classIdx := map[string]int{}
	var classes []string
	var forms, xposes, lemmas []string
	for _, s := range train {
		for _, w := range s.Words {
			c := w.XPOS + "\t" + w.UPOS
			if _, ok := classIdx[c]; !ok {
				classIdx[c] = len(classes)
				classes = append(classes, c)
			}
			forms = append(forms, tokenize.Normalize(w.Form))
			xposes = append(xposes, w.XPOS)
			lemmas = append(lemmas, w.Lemma)
		}
	}
	dict := tagDict(wordClassCounts(train, classIdx), dictMin, dictRatio)
	logf("pos: %d sentences, %d classes, %d dictionary words\n", len(train), len(classes), len(dict))
	lm := TrainLemmatizer(forms, xposes, lemmas)
	logf("pos: lemmatizer: %d exceptions, %d rules\n", len(lm.Table), len(lm.Rules))

	clusters := ambiguityClasses(train)
	logf("pos: %d ambiguity classes\n", len(clusters))
	set := setFull
	if o.Lean {
		set = setLean
	}
	td := &trainData{dict: dict, nclass: len(classes), set: set}
	for _, s := range train {
		var ws []string
		var g []int
		for _, w := range s.Words {
			ws = append(ws, tokenize.Normalize(w.Form))
			g = append(g, classIdx[w.XPOS+"\t"+w.UPOS])
		}
		td.words = append(td.words, ws)
		td.gold = append(td.gold, g)
		info := make([]wordInfo, len(ws)+4)
		info[0], info[1], info[len(ws)+2], info[len(ws)+3] = padStart, padStart, padEnd, padEnd
		var buf []byte
		for i, w := range ws {
			buf = infoFn(&info[i+2], w, i == 0, buf, clusters)
		}
		sentenceCase(info[2 : len(ws)+2])
		td.ws = append(td.ws, info)
	}
	all := make([]int, len(train))
	for i := range all {
		all[i] = i
	}
	// first pass: a plain left-to-right tagger, chosen on dev
	var first *perceptron.Model
	var firstScores Scores
	first, firstScores = td.train(all, nil, o, func(m *perceptron.Model) Scores {
		return newTagger(set, nil, m, classes, dict, clusters, lm).Evaluate(dev)
	}, logf, "pass 1")
	if !o.TwoPass {
		return newTagger(set, nil, first, classes, dict, clusters, lm), firstScores, nil
	}
	// right context for the second pass: jackknifed first-pass tags on train
	const folds = 4
	right := make([][]int, len(train))
	epochs := o.FoldEpochs
	if epochs <= 0 {
		epochs = 6
	}
	for k := 0; k < folds; k++ {
		var in, out []int
		for i := range train {
			if i%folds == k {
				out = append(out, i)
			} else {
				in = append(in, i)
			}
		}
		fo := o
		fo.Epochs = epochs
		m, _ := td.train(in, nil, fo, nil, logf, fmt.Sprintf("fold %d", k))
		scores := make([]float32, len(classes))
		var fs []uint64
		for _, i := range out {
			right[i], fs = greedy(set, m, dict, td.ws[i], td.words[i], nil, nil, fs, scores, nil, 0)
		}
	}
	second, sc := td.train(all, right, o, func(m *perceptron.Model) Scores {
		return newTagger(set, first, m, classes, dict, clusters, lm).Evaluate(dev)
	}, logf, "pass 2")
	return newTagger(set, first, second, classes, dict, clusters, lm), sc, nil
}

var infoFn = info

// Thresholds of the tag dictionary Train builds: words seen at least dictMin times in
// training, with one class at least dictRatio of the time.
const (
	dictMin   = 10
	dictRatio = 0.98
)

// tagDict returns the tag dictionary of the words counted in counts (word -> class ->
// count) seen at least min times with one class at least ratio of the time (ties go to the
// lower class).
func tagDict(counts map[string]map[int]int, min int, ratio float64) map[string]uint16 {
	dict := map[string]uint16{}
	for f, tags := range counts {
		total, bestN, best := 0, 0, 0
		for k, n := range tags {
			total += n
			if n > bestN || n == bestN && k < best {
				bestN, best = n, k
			}
		}
		if total >= min && float64(bestN)/float64(total) >= ratio {
			dict[f] = uint16(best)
		}
	}
	return dict
}

// wordClassCounts counts the classes (indexes in classIdx, keyed "XPOS\tUPOS") of each
// normalised word form in sents.
func wordClassCounts(sents []conllu.Sentence, classIdx map[string]int) map[string]map[int]int {
	counts := map[string]map[int]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			k, ok := classIdx[w.XPOS+"\t"+w.UPOS]
			if !ok {
				continue
			}
			f := tokenize.Normalize(w.Form)
			if counts[f] == nil {
				counts[f] = map[int]int{}
			}
			counts[f][k]++
		}
	}
	return counts
}

// trainData is the training set, featurised once.
type trainData struct {
	words  [][]string
	gold   [][]int
	ws     [][]wordInfo
	dict   map[string]uint16
	nclass int
	set    featureSet
}

// train trains one pass over sentences idx; right holds first-pass tags (or nil). With an
// eval function it keeps the epoch that scores best on dev and stops after three worse
// epochs; without one it trains o.Epochs epochs.
func (td *trainData) train(idx []int, right [][]int, o Options, eval func(*perceptron.Model) Scores, logf func(string, ...any), name string) (*perceptron.Model, Scores) {
	tr := perceptron.NewTrainer(td.nclass)
	rng := tr.Rand(o.Seed)
	scores := make([]float64, td.nclass)
	var fs []uint64
	var best *perceptron.Model
	var bestScores Scores
	bad := 0
	for ep := 1; ep <= o.Epochs; ep++ {
		errs, n := 0, 0
		for _, pi := range rng.Perm(len(idx)) {
			si := idx[pi]
			ws := td.ws[si]
			prev, prev2 := uint64(1000), uint64(1000)
			for i, w := range td.words[si] {
				g := td.gold[si][i]
				c, ok := td.dict[w]
				guess := int(c)
				if !ok {
					fs = td.set.features(fs[:0], ws, i, prev, prev2)
					if right != nil {
						fs = rightFeatures(fs, ws, i, prev, rightTag(right[si], i), rightTag(right[si], i+1), rightTag(right[si], i+2))
					}
					guess = tr.Predict(fs, scores)
					tr.Update(fs, g, guess)
				}
				if guess != g {
					errs++
				}
				n++
				prev2, prev = prev, uint64(guess)
			}
		}
		if eval == nil {
			logf("pos: %s: epoch %d: train acc %.4f\n", name, ep, 1-float64(errs)/float64(n))
			continue
		}
		m := tr.Model(nil, o.Prune)
		sc := eval(m)
		logf("pos: %s: epoch %d: train acc %.4f, dev upos %.4f xpos %.4f lemma %.4f, %d features\n",
			name, ep, 1-float64(errs)/float64(n), sc.UPOS, sc.XPOS, sc.Lemma, m.NumFeatures())
		if best == nil || sc.UPOS+sc.XPOS > bestScores.UPOS+bestScores.XPOS {
			best, bestScores, bad = m, sc, 0
		} else if bad++; bad >= 3 {
			break
		}
	}
	if eval == nil {
		best = tr.Model(nil, o.Prune)
	}
	return best, bestScores
}

// Evaluate tags the gold-tokenized sentences and scores the tags and lemmas.
func (t *Tagger) Evaluate(sents []conllu.Sentence) Scores {
	var sc Scores
	var u, x, l int
	for _, s := range sents {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = tokenize.Normalize(w.Form)
		}
		upos, xpos := t.Tag(words)
		for i, w := range s.Words {
			sc.Tokens++
			if upos[i] == w.UPOS {
				u++
			}
			if xpos[i] == w.XPOS {
				x++
			}
			if t.lemma.Lemma(w.Form, xpos[i]) == w.Lemma {
				l++
			}
		}
	}
	if sc.Tokens > 0 {
		n := float64(sc.Tokens)
		sc.UPOS, sc.XPOS, sc.Lemma = float64(u)/n, float64(x)/n, float64(l)/n
	}
	return sc
}

// Size returns the serialised size of the tagger in bytes.
func (t *Tagger) Size() int {
	var b bytes.Buffer
	t.WriteTo(&b)
	return b.Len()
}

// ambiguityClasses maps the hash of each lowercase word seen at least three times in
// training to a word class: the set of Penn tags it takes (each at least 5% of the time)
// and how often it is capitalised. Derived from the training data only.
func ambiguityClasses(train []conllu.Sentence) map[uint64]uint64 {
	type stat struct {
		n, caps int
		tags    map[string]int
	}
	stats := map[string]*stat{}
	for _, s := range train {
		for i, w := range s.Words {
			l := strings.ToLower(tokenize.Normalize(w.Form))
			st := stats[l]
			if st == nil {
				st = &stat{tags: map[string]int{}}
				stats[l] = st
			}
			st.n++
			st.tags[w.XPOS]++
			if r, _ := utf8.DecodeRuneInString(w.Form); i > 0 && unicode.IsUpper(r) {
				st.caps++
			}
		}
	}
	out := map[uint64]uint64{}
	var buf []byte
	for l, st := range stats {
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
		caps := st.caps * 4 / st.n // 0..4
		buf = lowerInto(buf, l)
		out[hashBytes(12, buf)] = perceptron.HashString(uint64(100+caps), strings.Join(tags, "|"))
	}
	return out
}
