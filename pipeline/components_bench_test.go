package pipeline_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/bench"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/pipeline"
)

// snap is a document's annotation after the nlp annotators, and its parse.
type snap struct {
	toks  []nlp.Token
	sents []nlp.Sentence
	ents  []nlp.Span
	heads []int
	rels  []string
}

// capAnn keeps each document's annotation (the last annotator).
type capAnn struct{ m map[string]*snap }

func (c capAnn) Annotate(d *nlp.Doc) {
	c.m[d.Text] = &snap{toks: slices.Clone(d.Tokens), sents: slices.Clone(d.Sentences), ents: slices.Clone(d.Entities)}
}

// capParse keeps each document's parse (after the event extractor, which parses the sentences
// it needs: see Parse).
type capParse struct{ m map[string]*snap }

func (c capParse) Extract(in *extract.Input) {
	s := c.m[in.NLP.Text]
	for _, t := range in.NLP.Tokens {
		s.heads = append(s.heads, t.Head)
		s.rels = append(s.rels, t.Rel)
	}
}

// restore sets a document's annotation to a copy of the one kept.
type restore struct{ m map[string]*snap }

func (c restore) Annotate(d *nlp.Doc) {
	s := c.m[d.Text]
	d.Tokens, d.Sentences, d.Entities = slices.Clone(s.toks), slices.Clone(s.sents), slices.Clone(s.ents)
}

// replay sets a document's parse to the one kept, in place of the sparse parse.
type replay struct{ m map[string]*snap }

func (c replay) Extract(in *extract.Input) {
	s := c.m[in.NLP.Text]
	for i := range in.NLP.Tokens {
		in.NLP.Tokens[i].Head, in.NLP.Tokens[i].Rel = s.heads[i], s.rels[i]
	}
}

// BenchmarkComponents runs only the fact components and what the pipeline does around them
// (extract.Pipeline.ExtractBatch), over 64 synthetic documents, 16 at a time: the nlp layers
// and the sparse parse of a first run are restored from copies (restore, replay), so that
// the numbers are not those of the models. cpu-ms/doc is the process's CPU time (garbage
// collection included) per document.
func BenchmarkComponents(b *testing.B) {
	pipes, err := pipeline.Pipelines(1, pipeline.Options{})
	if err != nil {
		b.Skip(err)
	}
	p := pipes[0]
	m := map[string]*snap{}
	s := bench.NewSynth(1)
	var docs []*faultline.Document
	for i := 0; i < 64; i++ {
		docs = append(docs, s.Doc(i))
	}
	cp := &extract.Pipeline{Annotators: append(slices.Clone(p.Annotators), capAnn{m})}
	var rp []extract.Component
	for _, c := range p.Components {
		cp.Components = append(cp.Components, c)
		switch fmt.Sprintf("%T", c) {
		case "*pipeline.sparse":
			rp = append(rp, replay{m})
			continue
		case "*event.Extractor":
			cp.Components = append(cp.Components, capParse{m})
		}
		rp = append(rp, c)
	}
	for i := 0; i < len(docs); i += 16 {
		cp.ExtractBatch(docs[i : i+16])
	}
	q := &extract.Pipeline{Annotators: []nlp.Annotator{restore{m}}, Components: rp}
	b.ResetTimer()
	cpu0 := bench.CPUTime()
	for n := 0; n < b.N; n++ {
		i := n % 4 * 16
		_, errs := q.ExtractBatch(docs[i : i+16])
		for _, e := range errs {
			if e != nil {
				b.Fatal(e)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N*16), "ms/doc")
	b.ReportMetric((bench.CPUTime()-cpu0).Seconds()*1e3/float64(b.N*16), "cpu-ms/doc")
}
