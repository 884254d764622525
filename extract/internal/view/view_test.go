package view_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/view"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/pipeline"
)

// annotated returns the demo documents annotated, with coreference's entities, and the
// pipeline's token count.
func annotated(tb testing.TB) ([]*extract.Input, int) {
	p, err := pipeline.New()
	if err != nil {
		tb.Skip("no models:", err)
	}
	var ins []*extract.Input
	tokens := 0
	for _, d := range demo.Documents() {
		in := &extract.Input{Doc: d, NLP: &nlp.Doc{Text: d.Text}, Out: &faultline.Extraction{}}
		for _, a := range p.Annotators {
			a.Annotate(in.NLP)
		}
		p.Components[0].Extract(in) // coreference: the entities
		ins = append(ins, in)
		tokens += len(in.NLP.Tokens)
	}
	return ins, tokens
}

// TestNew checks the lower-cased forms and lemmas and the mentions per sentence of the views
// of the demo documents (plus an invented token with non-ASCII capitals) against their
// definitions.
func TestNew(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates the demo corpus")
	}
	ins, _ := annotated(t)
	ins[0].NLP.Tokens[0].Norm = "ÖZTÜRK"
	for _, in := range ins {
		v := view.New(in)
		for i, tok := range in.NLP.Tokens {
			if got, want := v.Toks[i].Lower, strings.ToLower(tok.Norm); got != want {
				t.Errorf("%s: token %d: Lower %q, want %q", in.Doc.ID, i, got, want)
			}
			if got, want := v.Toks[i].Lemma, strings.ToLower(tok.Lemma); got != want {
				t.Errorf("%s: token %d: Lemma %q, want %q", in.Doc.ID, i, got, want)
			}
		}
		for si := range v.Sents {
			var want []int
			for mi, m := range v.Mentions {
				if v.Toks[m.First].Sent == si {
					want = append(want, mi)
				}
			}
			if !slices.Equal(v.SentMentions[si], want) {
				t.Errorf("%s: sentence %d: mentions %v, want %v", in.Doc.ID, si, v.SentMentions[si], want)
			}
		}
	}
}

// BenchmarkNew builds the view of each demo document, annotated and with its entities, as
// the event and tie extractors do.
func BenchmarkNew(b *testing.B) {
	ins, tokens := annotated(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, in := range ins {
			view.New(in)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestOf checks that Of builds an input's view once, and again when its entities or tokens
// are other slices, or after Forget.
func TestOf(t *testing.T) {
	text := "Iraq and Iran signed a pact."
	in := &extract.Input{Doc: &faultline.Document{Text: text}, Out: &faultline.Extraction{Entities: []faultline.Entity{
		{Span: faultline.Span{Start: 0, End: 4, Text: "Iraq"}, Type: faultline.GPE}}}}
	v := view.Of(in)
	if view.Of(in) != v {
		t.Fatal("second Of built another view")
	}
	in.Out.Entities = append(slices.Clone(in.Out.Entities), faultline.Entity{Span: faultline.Span{Start: 9, End: 13, Text: "Iran"}, Type: faultline.GPE})
	w := view.Of(in)
	if w == v || len(w.Mentions) != 2 {
		t.Fatalf("after new entities: same view %v, %d mentions, want a new view with 2", w == v, len(w.Mentions))
	}
	in.NLP = &nlp.Doc{Text: text, Tokens: []nlp.Token{{Start: 0, End: 4, Norm: "Iraq"}}}
	if x := view.Of(in); x == w || len(x.Toks) != 1 {
		t.Fatalf("after new tokens: same view %v, %d tokens, want a new view with 1", x == w, len(x.Toks))
	}
	x := view.Of(in)
	view.Forget(in)
	if view.Of(in) == x {
		t.Fatal("Of after Forget returned the forgotten view")
	}
}

// TestSpare checks that a view takes the token array of the view an earlier input left in
// its Spare (built as without it), once: a view built after it for another input with the
// same Spare, or again for the same input, gets its own.
func TestSpare(t *testing.T) {
	doc := func(text string) *extract.Input {
		d := &nlp.Doc{Text: text}
		end := 0
		for _, w := range strings.Fields(text) {
			s := end + strings.Index(text[end:], w)
			end = s + len(w)
			d.Tokens = append(d.Tokens, nlp.Token{Start: s, End: end, Norm: w, Head: -1})
		}
		d.Sentences = []nlp.Sentence{{Start: 0, End: len(text), First: 0, Last: len(d.Tokens)}}
		return &extract.Input{Doc: &faultline.Document{Text: text}, NLP: d, Out: &faultline.Extraction{}}
	}
	old := doc("Iraq and Iran signed a long pact today.")
	arr := &view.Of(old).Toks[0]
	in := doc("Kurds met Turks.")
	in.Spare = old.Memo
	v := view.Of(in)
	if &v.Toks[0] != arr {
		t.Fatal("the view did not take the spare view's tokens")
	}
	if want := view.New(doc(in.Doc.Text)); !slices.Equal(v.Toks, want.Toks) {
		t.Errorf("tokens %+v, want %+v", v.Toks, want.Toks)
	}
	other := doc("Syria and Iraq met.")
	other.Spare = old.Memo
	if w := view.Of(other); &w.Toks[0] == arr {
		t.Error("a second input took the spare tokens again")
	}
	view.Forget(in)
	if w := view.Of(in); &w.Toks[0] == arr {
		t.Error("a view built again for the input took the spare tokens again")
	}
}
