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

// Batches: a worker extracts up to batchDocs documents at once, stage by stage
// (extract.Pipeline.ExtractBatch, faster per token than one at a time), as long as they hold
// less than batchBytes of text, so that the annotations of a batch stay small.
const (
	batchDocs  = 16
	batchBytes = 256 << 10
)

// Batch reports whether a batch of n documents holding size bytes of text is full.
func Batch(n, size int) bool { return n >= batchDocs || size >= batchBytes }

// Run extracts docs with the pipelines in parallel, one goroutine per pipeline (a pipeline
// is not safe for concurrent use), and calls emit with each result in input order, so the
// output does not depend on the number of pipelines. A pipeline extracts the documents
// waiting when it is free in batches of up to 16 (see extract.Pipeline.ExtractBatch; the
// facts are those of one document at a time). At most 2×16 documents per pipeline are in
// flight, so memory stays bounded however long docs is. A panic in a pipeline becomes the
// document's error. Run stops at the first error emit returns, or when ctx is done.
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
	work := make(chan *job, batchDocs*len(pipes))
	order := make(chan *job, 2*batchDocs*len(pipes)) // the in-flight window, in input order
	var wg sync.WaitGroup
	for _, p := range pipes {
		wg.Add(1)
		go func(p *extract.Pipeline) {
			defer wg.Done()
			var batch []*job
			var docs []*faultline.Document
			for j := range work {
				// Take the documents waiting, a fair share of them when other pipelines
				// are free too.
				batch, docs = append(batch[:0], j), append(docs[:0], j.res.Doc)
				size, n := textSize(j.res.Doc), min(batchDocs, 1+len(work)/len(pipes))
			fill:
				for len(batch) < n && size < batchBytes {
					select {
					case j, ok := <-work:
						if !ok {
							break fill
						}
						batch, docs = append(batch, j), append(docs, j.res.Doc)
						size += textSize(j.res.Doc)
					default:
						break fill
					}
				}
				exts, errs := p.ExtractBatch(docs)
				for i, j := range batch {
					j.res.Ext, j.res.Err = exts[i], errs[i]
					close(j.done)
				}
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

// textSize is the length of a document's text (0 for no document).
func textSize(d *faultline.Document) int {
	if d == nil {
		return 0
	}
	return len(d.Text)
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
