// Package pipeline assembles faultline's default extraction pipeline: the nlp annotators with
// their embedded models, then the fact components in the order each needs the others.
// It is the one place that knows every stage; add a new component here.
package pipeline

import (
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/coref"
	"github.com/faultline/faultline/extract/event"
	"github.com/faultline/faultline/extract/figure"
	"github.com/faultline/faultline/extract/quote"
	"github.com/faultline/faultline/extract/tie"
	"github.com/faultline/faultline/extract/timex"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/ner"
	"github.com/faultline/faultline/nlp/parse"
	"github.com/faultline/faultline/nlp/pos"
	"github.com/faultline/faultline/nlp/tokenize"
)

// New returns the default pipeline.
func New() (*extract.Pipeline, error) {
	tagger, err := pos.Load()
	if err != nil {
		return nil, err
	}
	parser, err := parse.Load()
	if err != nil {
		return nil, err
	}
	annotators := []nlp.Annotator{tokenize.New(), tagger, parser}
	components := []extract.Component{
		coref.New(),
		timex.New(),
		quote.New(),
		figure.New(),
		event.New(),
		tie.New(),
	}
	entities, err := ner.Load() // after tokenize, pos and parse
	if err != nil {
		return nil, err
	}
	annotators = append(annotators, entities)
	return &extract.Pipeline{Annotators: annotators, Components: components}, nil
}
