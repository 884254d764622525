package pos

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/conllu"
	"github.com/faultline/faultline/nlp/tokenize"
)

var (
	dictGrid  = flag.Bool("dictgrid", false, "score tag dictionaries of several thresholds on EWT dev")
	dictWrite = flag.String("dictwrite", "", "with -dictgrid: write the embedded tagger with the dictionary of -dictmin and -dictratio to this file")
	dictMinF  = flag.Int("dictmin", dictMin, "with -dictwrite: least count of a dictionary word")
	dictRatF  = flag.Float64("dictratio", dictRatio, "with -dictwrite: least share of its majority class")
)

// TestDictGrid (with -dictgrid) scores the embedded tagger on EWT dev with tag
// dictionaries of several thresholds, built from EWT train, and reports the share of demo
// corpus tokens each covers: how the dictionary's thresholds were chosen.
func TestDictGrid(t *testing.T) {
	if !*dictGrid {
		t.Skip("run with -dictgrid")
	}
	tg := load(t)
	dir := filepath.Join(sharedDir(t), "corpora", "ud-en-ewt")
	train, err := conllu.ReadFile(filepath.Join(dir, "en_ewt-ud-train.conllu"))
	if err != nil {
		t.Skip(err)
	}
	dev, err := conllu.ReadFile(filepath.Join(dir, "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Skip(err)
	}
	classIdx := map[string]int{}
	for k := range tg.xpos {
		classIdx[tg.xpos[k]+"\t"+tg.upos[k]] = k
	}
	counts := wordClassCounts(train, classIdx)
	var demoWords []string
	for _, d := range demo.Documents() {
		nd := &nlp.Doc{Text: d.Text}
		tokenize.New().Annotate(nd)
		for _, tok := range nd.Tokens {
			demoWords = append(demoWords, tok.Norm)
		}
	}
	if *dictWrite != "" {
		dict := tagDict(counts, *dictMinF, *dictRatF)
		v := &Tagger{first: tg.first, model: tg.model, set: tg.set, upos: tg.upos, xpos: tg.xpos, dict: dict, clusters: tg.clusters, lemma: tg.lemma}
		f, err := os.Create(*dictWrite)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.WriteTo(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d dictionary words (min %d, ratio %.3f)", *dictWrite, len(dict), *dictMinF, *dictRatF)
		return
	}
	for _, min := range []int{20, 10, 5, 3} {
		for _, ratio := range []float64{0.997, 0.99, 0.98, 0.97, 0.95} {
			dict := tagDict(counts, min, ratio)
			v := &Tagger{first: tg.first, model: tg.model, set: tg.set, upos: tg.upos, xpos: tg.xpos, dict: dict, clusters: tg.clusters, lemma: tg.lemma, Margin: tg.Margin}
			sc := v.Evaluate(dev)
			in := 0
			for _, w := range demoWords {
				if _, ok := dict[w]; ok {
					in++
				}
			}
			t.Logf("min %2d ratio %.3f: %4d words, demo coverage %.3f, dev upos %.4f xpos %.4f", min, ratio, len(dict), float64(in)/float64(len(demoWords)), sc.UPOS, sc.XPOS)
		}
	}
}

var marginGrid = flag.Bool("margingrid", false, "score second-pass margins on EWT dev")

// TestMarginGrid (with -margingrid) scores the embedded tagger on EWT dev with several
// second-pass margins (see Tagger.Margin): how DefaultMargin was chosen.
func TestMarginGrid(t *testing.T) {
	if !*marginGrid {
		t.Skip("run with -margingrid")
	}
	tg := load(t)
	if tg.first == nil {
		t.Skip("the embedded tagger has one pass: no margin to choose")
	}
	dev, err := conllu.ReadFile(filepath.Join(sharedDir(t), "corpora", "ud-en-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Skip(err)
	}
	for _, m := range []float32{20, 15, 10, 7, 5, 3} {
		v := &Tagger{first: tg.first, model: tg.model, set: tg.set, upos: tg.upos, xpos: tg.xpos, dict: tg.dict, clusters: tg.clusters, lemma: tg.lemma, Margin: m}
		sc := v.Evaluate(dev)
		// share of the words the second pass scores
		s := v.get()
		second, n := 0, 0
		for _, sent := range dev {
			var words []string
			for _, w := range sent.Words {
				words = append(words, tokenize.Normalize(w.Form))
			}
			v.tag(s, words)
			for i, w := range words {
				n++
				if _, ok := v.dict[w]; !ok && !s.sure[i] {
					second++
				}
			}
		}
		t.Logf("margin %4.1f: dev upos %.4f xpos %.4f, second pass scores %.3f of the words", m, sc.UPOS, sc.XPOS, float64(second)/float64(n))
	}
}
