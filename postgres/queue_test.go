package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/postgres"
)

// extractor makes a trivial extraction: one sentence, the whole text.
func extractor(d *faultline.Document) (*faultline.Extraction, error) {
	return &faultline.Extraction{Schema: 1, ID: d.ID, Sentences: []faultline.Span{{Start: 0, End: len(d.Text)}}}, nil
}

// TestQueueWorkers: four workers, each with its own connection as on four machines, drain
// a shared queue; every document is stored exactly once and in queue order.
func TestQueueWorkers(t *testing.T) {
	ctx := context.Background()
	open := fresh(t)
	first := open(t).(*postgres.Store)
	const n = 40
	for i := 0; i < n; i++ {
		d := &faultline.Document{ID: fmt.Sprintf("d%02d", i), Text: fmt.Sprintf("Report %d from Basra about the Mahdi Army.", i)}
		if ok, err := first.Queue(ctx, "src", d); !ok || err != nil {
			t.Fatalf("Queue = %v, %v", ok, err)
		}
		if ok, _ := first.Queue(ctx, "src", d); ok {
			t.Fatalf("queued twice")
		}
	}
	if p, _ := first.Pending(ctx); p != n {
		t.Fatalf("Pending = %d", p)
	}
	var mu sync.Mutex
	claimed := map[string]int{}
	perWorker := make([]int, 4)
	var wg sync.WaitGroup
	for w := range perWorker {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s := open(t).(*postgres.Store)
			for {
				c, ok, err := s.Claim(ctx, extractor)
				if err != nil {
					t.Error(err)
					return
				}
				if !ok {
					return
				}
				if c.Err != nil || !c.Created {
					t.Errorf("claim %s: %+v", c.Doc.ID, c)
				}
				mu.Lock()
				claimed[c.Doc.ID]++
				perWorker[w]++
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	if len(claimed) != n {
		t.Errorf("%d documents claimed, want %d", len(claimed), n)
	}
	for id, k := range claimed {
		if k != 1 {
			t.Errorf("%s claimed %d times", id, k)
		}
	}
	t.Logf("documents per worker: %v", perWorker)
	docs, total, err := first.Documents(ctx, faultline.DocumentFilter{})
	if err != nil || total != n {
		t.Fatalf("Documents: %d, %v", total, err)
	}
	for i, d := range docs {
		if want := fmt.Sprintf("d%02d", i); d.ID != want {
			t.Errorf("document %d is %s, want %s (queue order)", i, d.ID, want)
		}
	}
	if _, err := first.Queue(ctx, "src", &faultline.Document{ID: "empty"}); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("queueing an empty document: %v", err)
	}
	if p, _ := first.Pending(ctx); p != 0 {
		t.Errorf("Pending = %d after draining", p)
	}
	// A stored document is not queued again.
	if ok, _ := first.Queue(ctx, "src", &faultline.Document{ID: "again", Text: "Report 0 from Basra about the Mahdi Army."}); ok {
		t.Errorf("a stored text was queued again")
	}
}

// TestQueueCrashAndFailure: a worker that dies mid-document leaves it pending for another;
// a document whose extraction fails is marked failed, not stored, and can be queued again.
func TestQueueCrashAndFailure(t *testing.T) {
	ctx := context.Background()
	open := fresh(t)
	s := open(t).(*postgres.Store)
	s.Queue(ctx, "a.txt", &faultline.Document{ID: "a", Text: "Report A from Najaf."})
	s.Queue(ctx, "b.txt", &faultline.Document{ID: "b", Text: "Report B from Kirkuk."})

	func() {
		defer func() { recover() }()
		s.Claim(ctx, func(*faultline.Document) (*faultline.Extraction, error) { panic("worker died") })
	}()
	if p, _ := s.Pending(ctx); p != 2 {
		t.Fatalf("after a crash: %d pending, want 2", p)
	}
	c, ok, err := s.Claim(ctx, func(*faultline.Document) (*faultline.Extraction, error) { return nil, errors.New("pipeline broke") })
	if err != nil || !ok || c.Doc.ID != "a" || c.Err == nil || c.Source != "a.txt" {
		t.Fatalf("failing claim: %+v, %v, %v", c, ok, err)
	}
	if _, err := s.Document(ctx, "a"); faultline.ErrorCode(err) != faultline.ENOTFOUND {
		t.Errorf("a failed document was stored: %v", err)
	}
	c, ok, err = s.Claim(ctx, extractor)
	if err != nil || !ok || c.Doc.ID != "b" || !c.Created {
		t.Fatalf("claim after failure: %+v, %v, %v", c, ok, err)
	}
	if _, ok, _ := s.Claim(ctx, extractor); ok {
		t.Errorf("a failed document is still pending")
	}
	if ok, err := s.Queue(ctx, "a.txt", &faultline.Document{ID: "a", Text: "Report A from Najaf."}); !ok || err != nil {
		t.Errorf("retrying a failed document: %v, %v", ok, err)
	}
	if c, ok, _ := s.Claim(ctx, extractor); !ok || !c.Created || c.Doc.ID != "a" {
		t.Errorf("retry: %+v", c)
	}
}
