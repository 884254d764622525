package coref_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/coref"
	"github.com/faultline/faultline/pipeline"
)

// scaleInput is what coreference gets for one document: the text, the recogniser's
// entities and the sentences.
type scaleInput struct {
	text  string
	ents  []faultline.Entity
	sents []faultline.Span
}

// capture is a component that keeps its input instead of extracting anything.
type capture struct{ in *scaleInput }

func (c *capture) Extract(in *extract.Input) {
	c.in = &scaleInput{text: in.Doc.Text, sents: slices.Clone(in.Out.Sentences)}
	for _, e := range in.NLP.Entities {
		if e.Start < 0 || e.End > len(in.Doc.Text) || e.Start >= e.End {
			continue
		}
		c.in.ents = append(c.in.ents, faultline.Entity{
			Span: faultline.Span{Start: e.Start, End: e.End, Text: in.Doc.Text[e.Start:e.End]}, Type: e.Label})
	}
}

// demoCorpus returns the articles of the demo corpus, in file-name order, and a function
// that annotates a text with the pipeline's annotators and returns what coreference gets.
func demoCorpus() (parts []string, annotate func(id, text string) (*scaleInput, error), err error) {
	files, err := filepath.Glob("../../demo/corpus/*.txt")
	if err != nil || len(files) == 0 {
		return nil, nil, fmt.Errorf("no demo corpus: %v", err)
	}
	slices.Sort(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		parts = append(parts, string(b))
	}
	p, err := pipeline.New()
	if err != nil {
		return nil, nil, err
	}
	annotate = func(id, text string) (*scaleInput, error) {
		c := &capture{}
		a := &extract.Pipeline{Annotators: p.Annotators, Components: []extract.Component{c}}
		if _, err := a.Extract(&faultline.Document{ID: id, Text: text}); err != nil {
			return nil, err
		}
		return c.in, nil
	}
	return parts, annotate, nil
}

// scaleInputs are the demo articles one by one (at -1 - i) and the demo corpus 1, 4 and 16
// times over.
var scaleInputs = sync.OnceValues(func() (map[int]*scaleInput, error) {
	parts, annotate, err := demoCorpus()
	if err != nil {
		return nil, err
	}
	corpus := strings.Join(parts, "\n\n")
	out := map[int]*scaleInput{}
	for i, part := range parts { // each article alone, at -1 - i
		if out[-1-i], err = annotate("a", part); err != nil {
			return nil, err
		}
	}
	for _, n := range []int{1, 4, 16} {
		text := strings.TrimSuffix(strings.Repeat(corpus+"\n\n", n), "\n\n")
		if out[n], err = annotate("big", text); err != nil {
			return nil, err
		}
	}
	return out, nil
})

// shiftNames shifts the ASCII letters of every word that begins with an upper-case ASCII
// letter by k places in the alphabet ("Islamic Supreme Council of Iraq (ISCI)" -> "Jtmbnjd
// Tvqsfnf Dpvodjm of Jsbr (JTDJ)" for 1): new names, acronyms still spelt by their names,
// the same lower-case words.
func shiftNames(text string, k int) string {
	b := []byte(text)
	name := false
	for i, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			if i == 0 || !isLetter(b[i-1]) {
				name = true
			}
			if name {
				b[i] = 'A' + (c-'A'+byte(k))%26
			}
		case 'a' <= c && c <= 'z':
			if name {
				b[i] = 'a' + (c-'a'+byte(k))%26
			}
		default:
			name = false
		}
	}
	return string(b)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// vocabInputs are documents of the demo corpus 1, 4 and 16 times over, the i-th copy (from
// 1) with its names shifted by i places (shiftNames): the vocabulary of names grows with
// the document, as in news joined into one document.
var vocabInputs = sync.OnceValues(func() (map[int]*scaleInput, error) {
	parts, annotate, err := demoCorpus()
	if err != nil {
		return nil, err
	}
	corpus := strings.Join(parts, "\n\n")
	out := map[int]*scaleInput{}
	for _, n := range []int{1, 4, 16} {
		var copies []string
		for i := range n {
			copies = append(copies, shiftNames(corpus, 1+i))
		}
		if out[n], err = annotate("big", strings.Join(copies, "\n\n")); err != nil {
			return nil, err
		}
	}
	return out, nil
})

// BenchmarkResolveVocab is BenchmarkResolveScale on documents whose vocabulary of names
// grows with their size (vocabInputs): acronyms without a definition and capitalised words
// asked of the lower-case ones are new in every copy.
func BenchmarkResolveVocab(b *testing.B) { benchScale(b, vocabInputs) }

// BenchmarkResolveScale resolves one document made of the demo corpus (35 articles, 83
// kB) once, 4 and 16 times over, from the recogniser's entities: ns/byte stays about flat
// when coreference is linear in the size of a document. Measured (2 cores, shared): 142,
// 117, 117 ns/byte; before the span index and the per-pass tables (50633e3) 155, 179, 385
// ns/byte, and on one 8 MB document (100x) coreference took ~35 s instead of ~2.7 s.
func BenchmarkResolveScale(b *testing.B) { benchScale(b, scaleInputs) }

// benchScale resolves the documents of inputs made of the demo corpus once, 4 and 16 times
// over and reports ns/byte.
func benchScale(b *testing.B, inputs func() (map[int]*scaleInput, error)) {
	if testing.Short() {
		b.Skip("annotates 1.7 MB of text")
	}
	ins, err := inputs()
	if err != nil {
		b.Skip(err)
	}
	for _, n := range []int{1, 4, 16} {
		in := ins[n]
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			r := coref.New()
			for b.Loop() {
				r.Resolve(in.text, in.ents, in.sents)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(in.text)), "ns/byte")
			b.ReportMetric(float64(len(in.ents)), "entities")
		})
	}
}

// BenchmarkResolveArticles resolves the demo articles one by one (normal-sized documents),
// for the cost of what makes long documents linear on short ones.
func BenchmarkResolveArticles(b *testing.B) {
	if testing.Short() {
		b.Skip("annotates 1.7 MB of text")
	}
	ins, err := scaleInputs()
	if err != nil {
		b.Skip(err)
	}
	var docs []*scaleInput
	size := 0
	for i := -1; ins[i] != nil; i-- {
		docs = append(docs, ins[i])
		size += len(ins[i].text)
	}
	r := coref.New()
	for b.Loop() {
		for _, in := range docs {
			r.Resolve(in.text, in.ents, in.sents)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(size), "ns/byte")
}
