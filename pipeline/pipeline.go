// Package pipeline assembles faultline's default extraction pipeline: the nlp annotators with
// their embedded models, then the fact components in the order each needs the others.
// It is the one place that knows every stage; add a new component here.
package pipeline

import (
	"runtime"
	"runtime/debug"
	"slices"

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

// New returns the default pipeline. It parses only the sentences that can yield an event
// (see Parse); the facts it extracts are those of a full parse.
func New() (*extract.Pipeline, error) {
	return NewWith(Options{})
}

// Options configure NewWith.
type Options struct {
	// FullParse parses every sentence (as an annotator, before entity recognition), not
	// only those that can yield an event. A component that reads the parse must run after
	// Parse in the default pipeline.
	FullParse bool
}

// loadGCPercent is the garbage collector's target while the models are decoded: decoding
// leaves garbage several times the size of the weights, and at the default target the heap
// would grow to twice the models before it is collected, which sets the process's peak RSS.
const loadGCPercent = 25

// NewWith returns the default pipeline configured by o.
func NewWith(o Options) (*extract.Pipeline, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(loadGCPercent))
	defer runtime.GC() // runs first: the decoding garbage goes before extraction starts
	tagger, err := pos.Load()
	if err != nil {
		return nil, err
	}
	parser, err := parse.LoadLite() // the small parser on coarse relations, for the event extractor (models/parselite.md)
	if err != nil {
		return nil, err
	}
	annotators := []nlp.Annotator{tokenize.New(), tagger}
	if o.FullParse {
		annotators = append(annotators, parser)
	}
	components := []extract.Component{
		coref.New(),
		timex.New(),
		quote.New(),
		figure.New(),
		event.New(),
		tie.New(),
	}
	if !o.FullParse {
		// Parse after coreference (the last to add mentions), before events (the only reader).
		i := slices.IndexFunc(components, func(c extract.Component) bool { _, ok := c.(*event.Extractor); return ok })
		components = slices.Insert(components, i, Parse(parser, components[i].(*event.Extractor)))
	}
	entities, err := ner.Load() // after tokenize and pos (and parse, with FullParse)
	if err != nil {
		return nil, err
	}
	annotators = append(annotators, entities)
	return &extract.Pipeline{Annotators: annotators, Components: components}, nil
}
