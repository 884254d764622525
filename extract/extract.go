// Package extract turns one Document into its Extraction: it runs the nlp pipeline over the
// text and then the fact components (coreference, timexes, events, ties, quotes, figures),
// each in its own subpackage, over the annotated Doc. Offsets are byte offsets into the
// original text throughout.
package extract

import (
	"github.com/faultline/faultline"
	"github.com/faultline/faultline/nlp"
)

// Input is what a fact component sees: the document, its annotated text, and the extraction
// built so far (earlier components' facts), which the component adds to.
type Input struct {
	Doc *faultline.Document
	NLP *nlp.Doc
	Out *faultline.Extraction
}

// Component adds one kind of fact to an extraction.
type Component interface {
	Extract(in *Input)
}

// Pipeline runs the nlp annotators and then the fact components, in order.
type Pipeline struct {
	Annotators []nlp.Annotator
	Components []Component
}

// The default pipeline, with the embedded models and every component in order, is
// assembled by package pipeline (pipeline.New): components import this package for Input,
// so this package cannot import them.

// Extract runs the pipeline over one document.
func (p *Pipeline) Extract(doc *faultline.Document) (*faultline.Extraction, error) {
	out := &faultline.Extraction{Schema: faultline.Schema, ID: doc.ID, Date: doc.Date,
		Sentences: []faultline.Span{}, Entities: []faultline.Entity{}, Timexes: []faultline.Timex{},
		Events: []faultline.Event{}, Ties: []faultline.Tie{}, Quotes: []faultline.Quote{},
		Figures: []faultline.Figure{}}
	d := &nlp.Doc{Text: doc.Text}
	for _, a := range p.Annotators {
		a.Annotate(d)
	}
	for _, s := range d.Sentences {
		out.Sentences = append(out.Sentences, faultline.Span{Start: s.Start, End: s.End})
	}
	in := &Input{Doc: doc, NLP: d, Out: out}
	for _, c := range p.Components {
		c.Extract(in)
	}
	return out, nil
}
