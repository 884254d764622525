// Package extract turns one Document into its Extraction: it runs the nlp pipeline over the
// text and then the fact components (coreference, timexes, events, ties, quotes, figures),
// each in its own subpackage, over the annotated Doc. Offsets are byte offsets into the
// original text throughout.
package extract

import (
	"slices"
	"sync/atomic"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/nlp"
)

// Input is what a fact component sees: the document, its annotated text, and the extraction
// built so far (earlier components' facts), which the component adds to.
type Input struct {
	Doc *faultline.Document
	NLP *nlp.Doc
	Out *faultline.Extraction
	// Memo keeps what one component hands to another for this input: what several derive
	// alike (the event and tie extractors' view of the document, built once) and work left
	// for later (the parse the sparse parse component defers to the event extractor, see
	// event.Defer). Keys are values of a type of the package that stores them; nil until
	// something is stored.
	Memo map[any]any
	// Spare is the Memo of an earlier input of the same pipeline, whose extraction is done,
	// or nil: a component may take what it stored there and reuse its memory (a slice's
	// array) for this input instead of allocating anew, provided no extraction refers to that
	// memory (strings are safe: they do not change). Reusing costs nothing in the output and
	// spares the collector: on news text the view of the event and tie extractors alone is a
	// fifth of what extraction allocates.
	Spare map[any]any
}

// Component adds one kind of fact to an extraction.
type Component interface {
	Extract(in *Input)
}

// Pipeline runs the nlp annotators and then the fact components, in order.
type Pipeline struct {
	Annotators []nlp.Annotator
	Components []Component

	// spare holds what the last batch leaves for the next to reuse: one call of
	// ExtractBatch takes it all (a concurrent call finds none and allocates its own).
	spare atomic.Pointer[spares]
}

// spares are the annotated texts of a batch, whose tokens, sentences and entities the next
// batch overwrites instead of allocating them anew, and its inputs' memos, the next inputs'
// Spare.
type spares struct {
	docs  []*nlp.Doc
	memos []map[any]any
}

// maxSpareTokens bounds the token buffer kept for reuse (16,384 tokens, 2 MB): the buffers
// (and memo) of a rare long document are left to the collector.
const maxSpareTokens = 1 << 14

// The default pipeline, with the embedded models and every component in order, is
// assembled by package pipeline (pipeline.New): components import this package for Input,
// so this package cannot import them.

// Extract runs the pipeline over one document. A panic in a stage is returned as an
// EINTERNAL error, so a caller extracting a batch of documents can go on with the others.
func (p *Pipeline) Extract(doc *faultline.Document) (*faultline.Extraction, error) {
	exts, errs := p.ExtractBatch([]*faultline.Document{doc})
	return exts[0], errs[0]
}

// ExtractBatch runs the pipeline over several documents stage by stage: each annotator over
// every document, then the next, then each component likewise. Each document's extraction
// is the one Extract returns (the stages keep no state between documents), but a stage
// that runs over many documents in a row keeps its model and code in the processor's caches:
// on demo-sized documents a batch of 16 is ~15-20% faster per token than one at a time.
//
// exts[i] and errs[i] are those of docs[i]. A panic in a stage is that document's error
// (its later stages are skipped); the other documents go on.
func (p *Pipeline) ExtractBatch(docs []*faultline.Document) (exts []*faultline.Extraction, errs []error) {
	ins := make([]*Input, len(docs))
	errs = make([]error, len(docs))
	sp := p.spare.Swap(nil)
	if sp == nil {
		sp = &spares{}
	}
	for i, doc := range docs {
		if doc == nil {
			errs[i] = faultline.Errorf(faultline.EINVALID, "extraction failed: no document")
			continue
		}
		var d *nlp.Doc
		if n := len(sp.docs); n > 0 {
			d, sp.docs = sp.docs[n-1], sp.docs[:n-1]
		}
		ins[i] = newInput(doc, d)
		if n := len(sp.memos); n > 0 {
			ins[i].Spare, sp.memos = sp.memos[n-1], sp.memos[:n-1]
		}
	}
	defer func() {
		// The annotations and memos are the stages' own; the extractions hold none of them.
		sp.docs, sp.memos = sp.docs[:0], sp.memos[:0]
		for _, in := range ins {
			if in == nil {
				continue
			}
			in.Spare = nil
			if cap(in.NLP.Tokens) > maxSpareTokens {
				continue // a rare long document's buffers are left to the collector
			}
			sp.docs = append(sp.docs, in.NLP)
			if in.Memo != nil {
				sp.memos = append(sp.memos, in.Memo)
			}
		}
		p.spare.Store(sp)
	}()
	// stage runs f on every document that has not failed, turning a panic into its error.
	stage := func(f func(in *Input)) {
		for i, in := range ins {
			if errs[i] == nil {
				errs[i] = guard(f, in)
			}
		}
	}
	for _, a := range p.Annotators {
		stage(func(in *Input) { a.Annotate(in.NLP) })
	}
	stage(sentences)
	for _, c := range p.Components {
		stage(c.Extract)
	}
	exts = make([]*faultline.Extraction, len(docs))
	for i, in := range ins {
		if errs[i] == nil {
			exts[i] = in.Out
		}
	}
	return exts, errs
}

// guard calls f(in) and returns a panic in it as an error.
func guard(f func(in *Input), in *Input) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = faultline.Errorf(faultline.EINTERNAL, "extraction failed: %v", r)
		}
	}()
	f(in)
	return nil
}

// newInput returns the input of a document's extraction: its text to annotate in d (nil: a
// new nlp.Doc), whose earlier annotations are cleared but whose slices are kept for reuse,
// and an empty extraction.
func newInput(doc *faultline.Document, d *nlp.Doc) *Input {
	out := &faultline.Extraction{Schema: faultline.Schema, ID: doc.ID, Date: doc.Date,
		Sentences: []faultline.Span{}, Entities: []faultline.Entity{}, Timexes: []faultline.Timex{},
		Events: []faultline.Event{}, Ties: []faultline.Tie{}, Quotes: []faultline.Quote{},
		Figures: []faultline.Figure{}}
	if d == nil {
		d = &nlp.Doc{}
	}
	*d = nlp.Doc{Text: doc.Text, Tokens: d.Tokens[:0], Sentences: d.Sentences[:0], Entities: d.Entities[:0]}
	return &Input{Doc: doc, NLP: d, Out: out}
}

// sentences copies the annotated sentences to the extraction.
func sentences(in *Input) {
	in.Out.Sentences = slices.Grow(in.Out.Sentences, len(in.NLP.Sentences))
	for _, s := range in.NLP.Sentences {
		in.Out.Sentences = append(in.Out.Sentences, faultline.Span{Start: s.Start, End: s.End})
	}
}
