package pipeline

import (
	"context"
	"fmt"
	"iter"
	"sync"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
)

// Result is one document's extraction, or the error that stopped it.
type Result struct {
	Doc *faultline.Document
	Ext *faultline.Extraction
	Err error
}

// Run extracts docs with the pipelines in parallel, one goroutine per pipeline (a pipeline
// is not safe for concurrent use), and calls emit with each result in input order, so the
// output does not depend on the number of pipelines. At most 4 documents per pipeline are
// in flight, so memory stays bounded however long docs is. A panic in a pipeline becomes
// the document's error. Run stops at the first error emit returns, or when ctx is done.
func Run(ctx context.Context, pipes []*extract.Pipeline, docs iter.Seq[*faultline.Document], emit func(Result) error) error {
	if len(pipes) == 0 {
		return fmt.Errorf("pipeline: Run needs at least one pipeline")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		res  Result
		done chan struct{}
	}
	work := make(chan *job)
	order := make(chan *job, 4*len(pipes)) // the in-flight window, in input order
	var wg sync.WaitGroup
	for _, p := range pipes {
		wg.Add(1)
		go func(p *extract.Pipeline) {
			defer wg.Done()
			for j := range work {
				j.res.Ext, j.res.Err = Extract(p, j.res.Doc)
				close(j.done)
			}
		}(p)
	}
	go func() {
		defer close(order)
		defer close(work)
		for d := range docs {
			j := &job{res: Result{Doc: d}, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() {
		cancel() // stop the reader, which closes work, so that the workers return
		wg.Wait()
	}()
	for j := range order {
		select {
		case <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := emit(j.res); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Extract runs p over one document, turning a panic into an error.
func Extract(p *extract.Pipeline, doc *faultline.Document) (ext *faultline.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			ext, err = nil, faultline.Errorf(faultline.EINTERNAL, "extraction failed: %v", r)
		}
	}()
	return p.Extract(doc)
}

// Pipelines returns n default pipelines (n < 1: one), for Run.
func Pipelines(n int, o Options) ([]*extract.Pipeline, error) {
	ps := make([]*extract.Pipeline, max(n, 1))
	for i := range ps {
		p, err := NewWith(o)
		if err != nil {
			return nil, err
		}
		ps[i] = p
	}
	return ps, nil
}
