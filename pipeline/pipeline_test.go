package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/internal/sharedtest"
)

// extractAll runs pipes over the demo corpus and returns each document's JSON.
func extractAll(t *testing.T, pipes []*extract.Pipeline) []string {
	t.Helper()
	var out []string
	err := Run(context.Background(), pipes, slices.Values(demo.Documents()), func(r Result) error {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Doc.ID, r.Err)
		}
		b, err := json.Marshal(r.Ext)
		if err != nil {
			return err
		}
		out = append(out, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func pipelines(t *testing.T, n int, o Options) []*extract.Pipeline {
	t.Helper()
	ps, err := Pipelines(n, o)
	if err != nil {
		t.Skip("models not available:", err)
	}
	return ps
}

// TestSparseParseSameFacts checks that parsing only the sentences that can yield an event
// extracts exactly what a full parse does, on the demo corpus, and that it skips some.
func TestSparseParseSameFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the demo corpus twice")
	}
	sparsePipes := pipelines(t, 1, Options{})
	full := extractAll(t, pipelines(t, 1, Options{FullParse: true}))
	got := extractAll(t, sparsePipes)
	if len(got) != len(full) {
		t.Fatalf("%d documents, want %d", len(got), len(full))
	}
	for i := range full {
		if got[i] != full[i] {
			t.Errorf("document %d: sparse parse differs from full parse:\n got %s\nwant %s", i, got[i], full[i])
		}
	}
	var s *sparse
	for _, c := range sparsePipes[0].Components {
		if p, ok := c.(*sparse); ok {
			s = p
		}
	}
	if s == nil || s.parsed == 0 || s.parsed >= s.sentences {
		t.Fatalf("sparse parse component missing or not selective: %+v", s)
	}
	t.Logf("parsed %d sentences of %d", s.parsed, s.sentences)
}

// TestSparseParseSameFactsSeeds is TestSparseParseSameFacts on the seed articles of
// ../shared (skipped when absent).
func TestSparseParseSameFactsSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the seed articles twice")
	}
	files, _ := filepath.Glob(filepath.Join(sharedtest.Dir(t, "seeds"), "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared not found: no seed articles to compare on")
	}
	sparse, full := pipelines(t, 1, Options{})[0], pipelines(t, 1, Options{FullParse: true})[0]
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var got [2]string
		for i, p := range []*extract.Pipeline{sparse, full} {
			ext, err := p.Extract(&faultline.Document{ID: filepath.Base(f), Text: string(b)})
			if err != nil {
				t.Fatal(err)
			}
			j, _ := json.Marshal(ext)
			got[i] = string(j)
		}
		if got[0] != got[1] {
			t.Errorf("%s: sparse parse extracts other facts than a full parse", filepath.Base(f))
		}
	}
}

// TestRunDeterministic checks that Run's output does not depend on the number of workers.
func TestRunDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the demo corpus twice")
	}
	one := extractAll(t, pipelines(t, 1, Options{}))
	four := extractAll(t, pipelines(t, 4, Options{}))
	if !slices.Equal(one, four) {
		t.Fatal("output with 4 workers differs from output with 1")
	}
}

// TestBatchSameFacts checks that extracting the demo corpus as one batch, stage by stage
// (ExtractBatch, as Run does), gives each document the facts of extracting it alone.
func TestBatchSameFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the demo corpus twice")
	}
	p := pipelines(t, 1, Options{})[0]
	docs := demo.Documents()
	exts, errs := p.ExtractBatch(docs)
	for i, d := range docs {
		alone, err := p.Extract(d)
		if err != nil || errs[i] != nil {
			t.Fatalf("%s: %v, %v", d.ID, err, errs[i])
		}
		a, _ := json.Marshal(alone)
		b, _ := json.Marshal(exts[i])
		if string(a) != string(b) {
			t.Errorf("%s: batch extraction differs from extracting the document alone", d.ID)
		}
	}
}

// TestReuseSameFacts checks that documents extracted with the annotation slices of earlier
// batches (extract.Pipeline keeps them for reuse), in batches of several sizes and with long
// and short documents mixed, get the facts of an extraction with new slices.
func TestReuseSameFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the demo corpus twice")
	}
	p := pipelines(t, 1, Options{})[0]
	docs := demo.Documents()
	slices.SortStableFunc(docs, func(a, b *faultline.Document) int { return len(a.Text) - len(b.Text) })
	var order []*faultline.Document // longest, shortest, second longest, …
	for i, j := len(docs)-1, 0; i >= j; i, j = i-1, j+1 {
		order = append(order, docs[i])
		if j < i {
			order = append(order, docs[j])
		}
	}
	for start, n := 0, 1; start < len(order); start, n = start+n, n%5+1 {
		batch := order[start:min(start+n, len(order))]
		exts, errs := p.ExtractBatch(batch)
		for i, d := range batch {
			fresh := &extract.Pipeline{Annotators: p.Annotators, Components: p.Components} // no slices to reuse
			want, err := fresh.Extract(d)
			if err != nil || errs[i] != nil {
				t.Fatalf("%s: %v, %v", d.ID, err, errs[i])
			}
			a, _ := json.Marshal(want)
			b, _ := json.Marshal(exts[i])
			if string(a) != string(b) {
				t.Errorf("%s: extraction with reused annotation slices differs", d.ID)
			}
		}
	}
}

// panicky is a component that panics on one document.
type panicky struct{}

func (panicky) Extract(in *extract.Input) {
	if in.Doc.ID == "b" {
		panic("boom")
	}
}

// TestRunOrderAndPanic checks input order, and that a panic is that document's error only.
func TestRunOrderAndPanic(t *testing.T) {
	pipes := []*extract.Pipeline{{Components: []extract.Component{panicky{}}}, {Components: []extract.Component{panicky{}}}}
	var docs []*faultline.Document
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		docs = append(docs, &faultline.Document{ID: id, Text: "x"})
	}
	var ids []string
	err := Run(context.Background(), pipes, slices.Values(docs), func(r Result) error {
		ids = append(ids, r.Doc.ID)
		if (r.Err != nil) != (r.Doc.ID == "b") {
			t.Errorf("%s: err %v", r.Doc.ID, r.Err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "c", "d", "e", "f", "g"}; !slices.Equal(ids, want) {
		t.Fatalf("order %v, want %v", ids, want)
	}
}

// TestRunStops checks that Run returns (and leaves no goroutine blocked) when emit fails
// with many documents still to come.
func TestRunStops(t *testing.T) {
	pipes := []*extract.Pipeline{{}, {}}
	docs := func(yield func(*faultline.Document) bool) {
		for i := 0; i < 1000; i++ {
			if !yield(&faultline.Document{ID: "d", Text: "x"}) {
				return
			}
		}
	}
	n := 0
	err := Run(context.Background(), pipes, docs, func(Result) error {
		if n++; n == 3 {
			return errStop
		}
		return nil
	})
	if err != errStop {
		t.Fatalf("err %v, want errStop", err)
	}
}

var errStop = errors.New("stop")
