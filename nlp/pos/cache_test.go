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
// ../shared is there, on EWT dev, with the cache emptied now and then on the way, and with
// bounds small enough that it compacts often (see wordCache.compact).
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
	for _, small := range []bool{false, true} {
		s := tg.get()
		tg.tag(s, nil) // makes the cache
		if small {
			s.cache.maxTypes, s.cache.maxPairs = 300, 400
		}
		for i, words := range sents {
			if !small && i%500 == 499 {
				s.cache.reset()
			}
			got := tg.tag(s, words)
			if want := tg.tagUncached(words); !slices.Equal(got, want) {
				t.Fatalf("small %v, sentence %d %q: cached tags %v, uncached %v", small, i, words, got, want)
			}
			checkCache(t, s.cache, tg)
		}
	}
}

// checkCache checks that c's slots hold their words' data and its pairs are where its
// maps say.
func checkCache(t *testing.T, c *wordCache, tg *Tagger) {
	t.Helper()
	if c.live() != c.slots.Len() || len(c.forms) != int(c.n) || len(c.hits) != int(c.n) || len(c.info) != int(c.n) {
		t.Fatalf("cache of %d slots, %d free: %d words, %d forms, %d hits, %d infos", c.n, len(c.free), c.slots.Len(), len(c.forms), len(c.hits), len(c.info))
	}
	for s := int32(2); s < c.n; s++ {
		if c.hits[s] == deadHits {
			continue
		}
		w := c.forms[s]
		if got, _, _ := c.slots.Find(w, c.form); got != s {
			t.Fatalf("slot %d of %q: the table says %d", s, w, got)
		}
		var wi wordInfo
		info(&wi, w, false, nil, tg.clusters)
		wi.ci = tg.classIdx[wi.class]
		if c.forms[s] != w || c.info[s] != wi || c.hits[s] == deadHits {
			t.Fatalf("slot %d of %q holds %q", s, w, c.forms[s])
		}
	}
	for _, s := range c.free {
		if c.hits[s] != deadHits {
			t.Fatalf("free slot %d is not marked", s)
		}
		for i := range c.parts {
			if p := &c.parts[i]; int(s) < len(p.filled) && p.filled[s] {
				t.Fatalf("free slot %d is filled", s)
			}
		}
	}
	for i := range c.parts {
		p := &c.parts[i]
		if len(p.pwHits) != len(p.pwKeys) || len(p.pwVecs) != len(p.pwKeys)*p.pl || p.pw.n+len(p.pwFree) != len(p.pwKeys) {
			t.Fatalf("model %d: %d pairs, %d free, %d keys, %d hits, %d words", i, p.pw.n, len(p.pwFree), len(p.pwKeys), len(p.pwHits), len(p.pwVecs))
		}
		for j, key := range p.pwKeys {
			if key == deadKey {
				continue
			}
			if got, _ := p.pw.find(key); int(got) != j || c.hits[key%maxSlots] == deadHits {
				t.Fatalf("model %d: pair %d of key %d at %d", i, j, key, got)
			}
		}
	}
}

// TestAnnotateCompact checks that a cache that compacts often changes no tag and no lemma
// (the lemmatizer's own).
func TestAnnotateCompact(t *testing.T) {
	tg := load(t)
	var docs, want []*nlp.Doc
	for _, d := range demo.Documents() {
		for k := 0; k < 2; k++ {
			nd := &nlp.Doc{Text: d.Text}
			tokenize.New().Annotate(nd)
			docs = append(docs, nd)
			w := &nlp.Doc{Text: d.Text}
			tokenize.New().Annotate(w)
			want = append(want, w)
		}
	}
	ref := &Tagger{model: tg.model, set: tg.set, upos: tg.upos, xpos: tg.xpos, dict: tg.dict, clusters: tg.clusters, lemma: tg.lemma, Margin: tg.Margin}
	s := tg.get()
	tg.tag(s, nil)
	s.cache.maxTypes, s.cache.maxPairs = 200, 300
	for i, d := range docs {
		tg.annotate(s, d)
		rs := ref.get() // a new cache each document: no compaction
		ref.annotate(rs, want[i])
		for j, tok := range d.Tokens {
			if l := tg.Lemma(tok.Norm, tok.XPOS); tok.Lemma != l {
				t.Fatalf("doc %d token %d %q/%s: lemma %q, lemmatizer %q", i, j, tok.Norm, tok.XPOS, tok.Lemma, l)
			}
			if w := want[i].Tokens[j]; tok.XPOS != w.XPOS || tok.UPOS != w.UPOS || tok.Lemma != w.Lemma {
				t.Fatalf("doc %d token %d %q: %s/%s/%s, want %s/%s/%s", i, j, tok.Norm, tok.UPOS, tok.XPOS, tok.Lemma, w.UPOS, w.XPOS, w.Lemma)
			}
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
