package extract

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/nlp"
)

// words is an annotator that makes a token of each space-separated word, one sentence of
// them all and an entity of the first word, after checking that the document comes without
// annotations.
type words struct {
	t     *testing.T
	bufs  map[*nlp.Token]bool // first elements of the token buffers seen
	fresh int                 // documents whose token buffer was new
}

func (w *words) Annotate(d *nlp.Doc) {
	if len(d.Tokens) != 0 || len(d.Sentences) != 0 || len(d.Entities) != 0 {
		w.t.Errorf("%q comes with %d tokens, %d sentences, %d entities", d.Text, len(d.Tokens), len(d.Sentences), len(d.Entities))
	}
	at := 0
	for _, f := range strings.Fields(d.Text) {
		at += strings.Index(d.Text[at:], f)
		d.Tokens = append(d.Tokens, nlp.Token{Start: at, End: at + len(f), Norm: f, Head: -1})
		at += len(f)
	}
	d.Sentences = append(d.Sentences, nlp.Sentence{Start: 0, End: len(d.Text), First: 0, Last: len(d.Tokens)})
	d.Entities = append(d.Entities, nlp.Span{First: 0, Last: 1, End: d.Tokens[0].End, Label: "X"})
	if p := &d.Tokens[:1][0]; !w.bufs[p] {
		w.bufs[p] = true
		w.fresh++
	}
}

// echo copies the tokens and entities it sees to the extraction, as facts would.
type echo struct{}

func (echo) Extract(in *Input) {
	for _, t := range in.NLP.Tokens {
		in.Out.Entities = append(in.Out.Entities, faultline.Entity{Span: faultline.Span{Start: t.Start, End: t.End, Text: t.Norm}})
	}
}

// TestBatchReusesAnnotations checks that a later batch gets the annotation slices of an
// earlier one, cleared, and that the extractions do not change: the second batch's documents
// see no tokens, sentences or entities of the first.
func TestBatchReusesAnnotations(t *testing.T) {
	w := &words{t: t, bufs: map[*nlp.Token]bool{}}
	p := &Pipeline{Annotators: []nlp.Annotator{w}, Components: []Component{echo{}}}
	long := &faultline.Document{ID: "long", Text: strings.Repeat("many words here ", 40)}
	short := &faultline.Document{ID: "short", Text: "two words"}
	first, _ := p.ExtractBatch([]*faultline.Document{long, long, long})
	second, errs := p.ExtractBatch([]*faultline.Document{short, nil, long, short})
	if errs[1] == nil || second[1] != nil {
		t.Fatalf("no document: err %v, extraction %v", errs[1], second[1])
	}
	if w.fresh != 3 {
		t.Errorf("%d token buffers for 2 batches of 3 documents, want 3", w.fresh)
	}
	for i, x := range []*faultline.Extraction{second[0], second[3]} {
		if len(x.Entities) != 2 || x.Entities[1].Text != "words" || len(x.Sentences) != 1 || x.Sentences[0].End != len(short.Text) {
			t.Errorf("short document %d: %+v", i, x)
		}
	}
	if got, want := len(second[2].Entities), len(first[0].Entities); got != want || got != 120 {
		t.Errorf("long document: %d entities, then %d, want 120", want, got)
	}
}

// TestSentencesEmpty checks that a document without sentences gets an empty, non-nil list
// (JSON []), and one with sentences all of them.
func TestSentencesEmpty(t *testing.T) {
	p := &Pipeline{}
	x, err := p.Extract(&faultline.Document{ID: "empty"})
	if err != nil || x.Sentences == nil || len(x.Sentences) != 0 {
		t.Fatalf("no sentences: %#v, %v", x.Sentences, err)
	}
	w := &words{t: t, bufs: map[*nlp.Token]bool{}}
	p = &Pipeline{Annotators: []nlp.Annotator{w}}
	x, err = p.Extract(&faultline.Document{ID: "one", Text: "two words"})
	if err != nil || len(x.Sentences) != 1 || x.Sentences[0] != (faultline.Span{Start: 0, End: 9}) {
		t.Fatalf("one sentence: %#v, %v", x.Sentences, err)
	}
}

// memoer stores each input's document id in its Memo and records the id in its Spare.
type memoer struct{ spares []string }

type memoerKey struct{}

func (m *memoer) Extract(in *Input) {
	old, _ := in.Spare[memoerKey{}].(string)
	m.spares = append(m.spares, old)
	if in.Memo == nil {
		in.Memo = map[any]any{}
	}
	in.Memo[memoerKey{}] = in.Doc.ID
}

// TestBatchSpare checks that the inputs of a batch get the memos of the last batch's inputs
// as Spare, each at most once, and never one of their own batch.
func TestBatchSpare(t *testing.T) {
	m := &memoer{}
	p := &Pipeline{Components: []Component{m}}
	doc := func(id string) *faultline.Document { return &faultline.Document{ID: id, Text: id} }
	p.ExtractBatch([]*faultline.Document{doc("a"), doc("b")})
	p.ExtractBatch([]*faultline.Document{doc("c"), doc("d"), doc("e")})
	p.ExtractBatch([]*faultline.Document{doc("f")})
	want := []string{"", "", "b", "a", "", "e"} // taken from the end of the last batch's list
	if strings.Join(m.spares, ",") != strings.Join(want, ",") {
		t.Errorf("spares %q, want %q", m.spares, want)
	}
}
