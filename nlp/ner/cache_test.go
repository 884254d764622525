package ner

import (
	"slices"
	"testing"

	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/tokenize"
)

// cacheTexts are made-up texts with what the features look at: headlines, sentence starts,
// runs of capitalised words with connectors, gazetteer names, particles, titles, hyphens,
// numbers and punctuation.
var cacheTexts = []string{
	"REBELS SEIZE BORDER TOWN NEAR MOSUL\nGen. Abu Karim al-Hassan of the Northern Liberation Front said on Tuesday that US-led forces and Iraqi police had left the Kirkuk province. The Ministry of Interior denied it.",
	"Shia militias and Sunni insurgents clashed in Baghdad and Basra, the Red Crescent said. Prime Minister Ali bin Omar, a cleric, met the U.N. envoy in Geneva on 3 May 2007.",
	"\"We will not leave,\" said Sheikh Ahmed Abdel-Rahman, whose Brotherhood of the Free Valley controls 12 villages - and the pro-Iran Badr Corps said so too.",
}

// cacheDocs returns the test texts and the demo corpus, tokenised and POS-tagged, as
// sentences of words and tags.
func cacheDocs(t *testing.T) (words, tags [][]string) {
	t.Helper()
	tg, err := posTagger()
	if err != nil {
		t.Fatal(err)
	}
	texts := slices.Clone(cacheTexts)
	for _, d := range demo.Documents() {
		texts = append(texts, d.Text)
	}
	for _, text := range texts {
		d := &nlp.Doc{Text: text}
		tokenize.New().Annotate(d)
		tg.Annotate(d)
		for _, s := range d.Sentences {
			var w, p []string
			for _, tk := range d.Tokens[s.First:s.Last] {
				n := tk.Norm
				if n == "" {
					n = text[tk.Start:tk.End]
				}
				w, p = append(w, n), append(p, tk.XPOS)
			}
			words, tags = append(words, w), append(tags, p)
		}
	}
	return words, tags
}

// TestTagCacheFeatures checks that the parts tag adds up (cachedFeats) are exactly the
// features of unigram and context, for every token and several previous classes. It fails
// when a feature is added to or changed in unigram or context without cache.go: add it to
// restFeats (looked up per token) unless it depends on one word type alone.
func TestTagCacheFeatures(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words, tags := cacheDocs(t)
	nc := len(r.t.classes)
	var f featurer
	for si, w := range words {
		for _, p := range [][]string{tags[si], nil} {
			toks := make([]token, len(w))
			r.t.lx.prepare(w, p, toks)
			for i := range toks {
				for _, pp := range [][2]int{{-1, -1}, {0, -1}, {0, 0}, {1, 0}, {2, 1}, {nc - 1, nc - 2}} {
					want := f.unigram(nil, &toks[i])
					want = f.context(want, toks, i, pp[0], pp[1])
					got := f.cachedFeats(nil, toks, i, pp[0], pp[1])
					slices.Sort(want)
					slices.Sort(got)
					if !slices.Equal(got, want) {
						t.Fatalf("sentence %q token %d (%q) after classes %v: cache.go's parts give %d features, unigram+context %d: cache.go does not match features.go",
							w, i, w[i], pp, len(got), len(want))
					}
				}
			}
		}
	}
}

// refTag tags one sentence by scoring every feature of unigram and context, as training
// does, and returns the classes and each token's scores (in quantisation steps).
func refTag(tg *Tagger, words, pos []string) ([]int, [][]int32) {
	if !tg.usePOS {
		pos = nil
	}
	toks := make([]token, len(words))
	tg.lx.prepare(words, pos, toks)
	nc := len(tg.classes)
	var f featurer
	out := make([]int, len(words))
	var scores [][]int32
	prev, prev2 := -1, -1
	for i := range toks {
		b := f.unigram(nil, &toks[i])
		b = f.context(b, toks, i, prev, prev2)
		s := make([]int32, nc)
		tg.m.ScoreInt(b, s)
		best := 0
		for c := 1; c < nc; c++ {
			if tg.valid(prev, c) && (s[c] > s[best] || !tg.valid(prev, best)) {
				best = c
			}
		}
		out[i], scores = best, append(scores, s)
		prev2, prev = prev, best
	}
	return out, scores
}

// TestTagCacheScores checks that tag, with its caches cold and warm, gives every token
// the scores and class of scoring all its features (refTag).
func TestTagCacheScores(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words, tags := cacheDocs(t)
	sc := new(scratch)
	var trace [][]int32
	sc.trace = &trace
	for pass := 0; pass < 2; pass++ {
		for si, w := range words {
			trace = trace[:0]
			got := make([]int, len(w))
			r.t.tag(sc, w, tags[si], got)
			want, scores := refTag(r.t, w, tags[si])
			for i := range w {
				if !slices.Equal(trace[i], scores[i]) || got[i] != want[i] {
					t.Fatalf("pass %d, sentence %q token %d (%q): tag scores %v class %d, all features %v class %d",
						pass, w, i, w[i], trace[i], got[i], scores[i], want[i])
				}
			}
		}
	}
}

// TestPlainWord checks which words the approximation of Recognizer.Exact may tag O
// without scoring.
func TestPlainWord(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		word  string
		plain bool
	}{
		{"the", true}, {"said", true}, {",", true}, {"officials", true},
		{"Baghdad", false},   // capitalised
		{"iraqi", false},     // demonym
		{"shiite", false},    // group word
		{"al-", false},       // particle
		{"northwest", false}, // compass word: "northwest Baghdad"
		{"8th", false},       // digits: "8th Division"
		{"2007", false},
	} {
		toks := make([]token, 3)
		r.t.lx.prepare([]string{"x", c.word, "y"}, nil, toks)
		if got := r.t.lx.plainWord(&toks[1]); got != c.plain {
			t.Errorf("plainWord(%q) = %v, want %v", c.word, got, c.plain)
		}
	}
}
