package ner

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline/internal/sharedtest"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/tokenize"
)

// gmbDocs returns the first n sentences of the GMB corpus (../shared/corpora/gmb), 25 a
// document as bench/peers/gmb_text.py groups them, tokenised and POS-tagged, and their
// number of tokens. It skips tb without ../shared.
func gmbDocs(tb testing.TB, n int) ([]*nlp.Doc, int) {
	tb.Helper()
	shared := sharedtest.Dir(tb, "corpora", "gmb", "ner_dataset.csv.zip")
	sents, err := readGMB(filepath.Join(shared, "corpora", "gmb", "ner_dataset.csv.zip"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(sents) > n {
		sents = sents[:n]
	}
	tg, err := posTagger()
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*nlp.Doc
	ntok := 0
	for i := 0; i < len(sents); i += 25 {
		var b strings.Builder
		for _, s := range sents[i:min(i+25, len(sents))] {
			b.WriteString(strings.Join(s.Words, " "))
			b.WriteByte('\n')
		}
		d := &nlp.Doc{Text: b.String()}
		tokenize.New().Annotate(d)
		tg.Annotate(d)
		docs = append(docs, d)
		ntok += len(d.Tokens)
	}
	return docs, ntok
}

// BenchmarkAnnotateGMB measures entity recognition alone (tokens and POS tags already
// there) on GMB news text, a new recogniser (cold word caches) per iteration: news whose
// vocabulary keeps growing, unlike the demo corpus of BenchmarkAnnotate.
func BenchmarkAnnotateGMB(b *testing.B) {
	r, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	docs, ntok := gmbDocs(b, 1337*25)
	cpu0 := cpuTime()
	best := 0.0 // the least CPU time of one iteration: the load of other processes adds to it
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c0 := cpuTime()
		rr := New(r.t)
		for _, d := range docs {
			rr.Annotate(d)
		}
		if c := cpuTime() - c0; best == 0 || c < best {
			best = c
		}
	}
	if c := cpuTime() - cpu0; c > 0 {
		b.ReportMetric(float64(ntok*b.N)/c, "tokens/cpu-s")
		b.ReportMetric(float64(ntok)/best, "best-tokens/cpu-s")
	}
}
