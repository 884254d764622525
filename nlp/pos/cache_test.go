package pos

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/conllu"
	"github.com/faultline/faultline/nlp/internal/benchutil"
	"github.com/faultline/faultline/nlp/tokenize"
)

// TestFeatureSplit checks that the cached parts and the rest make up exactly the features.
func TestFeatureSplit(t *testing.T) {
	words := strings.Fields(`The well-known GHOST-writer said on Tuesday , 12.5 % of Écoles " fell " ; x`)
	for _, clusters := range []map[uint64]uint64{nil, {}} {
		ws := make([]wordInfo, len(words)+4)
		ws[0], ws[1], ws[len(words)+2], ws[len(words)+3] = padStart, padStart, padEnd, padEnd
		var buf []byte
		for i, w := range words {
			buf = info(&ws[i+2], w, i == 0, buf, clusters)
			if clusters != nil {
				ws[i+2].class = uint64(i % 3) // some words in a cluster, some not
			}
		}
		sentenceCase(ws[2 : len(words)+2])
		for i := range words {
			for _, prev := range []uint64{1000, 3} {
				for _, set := range []featureSet{setFull, setLean} {
					want := set.features(nil, ws, i, prev, 7)
					got := set.contextFeatures(nil, ws, i, prev)
					got = prevWordFeatures(got, &ws[i+2], prev)
					got = tagFeatures(got, prev, 7, &ws[i+2])
					got = localFeatures(got, &ws[i+2])
					got = set.leftFeatures(got, &ws[i+1])
					got = set.rightNeighbourFeatures(got, &ws[i+3])
					slices.Sort(want)
					slices.Sort(got)
					if !slices.Equal(got, want) {
						t.Fatalf("set %d, word %d (%q): split features differ from features", set, i, words[i])
					}
				}
			}
		}
	}
}

// tagUncached is tag without the word cache (the scoring of every feature by Predict).
func (t *Tagger) tagUncached(words []string) []int {
	n := len(words)
	ws := make([]wordInfo, n+4)
	ws[0], ws[1] = padStart, padStart
	ws[n+2], ws[n+3] = padEnd, padEnd
	var buf []byte
	for i, w := range words {
		buf = info(&ws[i+2], w, i == 0, buf, t.clusters)
	}
	sentenceCase(ws[2 : n+2])
	scores := make([]float32, t.model.NumClasses())
	if t.first == nil {
		tags, _ := greedy(t.set, t.model, t.dict, ws, words, nil, nil, nil, scores, nil, 0)
		return tags
	}
	var sure []bool
	if t.Margin > 0 {
		sure = make([]bool, n)
	}
	tags1, _ := greedy(t.set, t.first, t.dict, ws, words, nil, nil, nil, scores, sure, t.Margin)
	tags, _ := greedy(t.set, t.model, t.dict, ws, words, tags1, nil, nil, scores, sure, t.Margin)
	return tags
}

// TestCacheExact checks that the word cache changes no tag: on the golden text and, when
// ../shared is there, on EWT dev, with the cache emptied now and then on the way.
func TestCacheExact(t *testing.T) {
	tg := load(t)
	var sents [][]string
	for _, line := range strings.Split(benchText[:2000], ".") {
		sents = append(sents, strings.Fields(line))
	}
	if dev, err := conllu.ReadFile(filepath.Join(sharedDir(t), "corpora", "ud-en-ewt", "en_ewt-ud-dev.conllu")); err == nil {
		for _, s := range dev {
			var words []string
			for _, tok := range s.Words {
				words = append(words, tok.Form)
			}
			sents = append(sents, words)
		}
	}
	s := tg.get()
	defer tg.pool.Put(s)
	for i, words := range sents {
		if i%500 == 499 && s.cache != nil {
			s.cache.reset()
		}
		got := tg.tag(s, words)
		if want := tg.tagUncached(words); !slices.Equal(got, want) {
			t.Fatalf("sentence %d %q: cached tags %v, uncached %v", i, words, got, want)
		}
	}
}

// BenchmarkTagDemo tags the demo corpus's documents in turn (tokens already split), lemmas
// included: unlike BenchmarkTag's repeated paragraph, its words recur as in real text.
func BenchmarkTagDemo(b *testing.B) {
	tg := load(b)
	var docs []*nlp.Doc
	ntok := 0
	for _, d := range demo.Documents() {
		nd := &nlp.Doc{Text: d.Text}
		tokenize.New().Annotate(nd)
		docs = append(docs, nd)
		ntok += len(nd.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	m := benchutil.Start()
	tokens := 0
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		tg.Annotate(d)
		tokens += len(d.Tokens)
	}
	m.Report(b, float64(tokens), "tokens")
	b.ReportMetric(float64(tokens)/float64(b.N), "tokens/doc")
}
