package http_test

import (
	"context"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/pipeline"
	"github.com/faultline/faultline/resolve"
)

// demoStore runs the bundled demo corpus through the default pipeline and resolution into
// an in-memory store, as `faultline demo` does into SQLite.
func demoStore(t testing.TB) *memStore {
	t.Helper()
	p, err := pipeline.New()
	if err != nil {
		// The pipeline's own tests report this; here it only means no demo to click.
		t.Skipf("the default pipeline does not start (%v): skipping the demo browser test", err)
	}
	st := newMemStore()
	ctx := context.Background()
	var docs []*faultline.Document
	var exts []*faultline.Extraction
	for _, d := range demo.Documents() {
		x, err := p.Extract(d)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if _, err := st.PutDocument(ctx, d, x); err != nil {
			t.Fatal(err)
		}
		docs, exts = append(docs, d), append(exts, x)
	}
	m, err := resolve.Build(docs, exts, nil)
	if err != nil {
		t.Fatal(err)
	}
	st.SaveModel(ctx, m)
	return st
}

// demoActor picks the demo actor with the most ties, for the browser test to click.
func demoActor(m *faultline.Model) (id, name string) {
	n := map[string]int{}
	for _, t := range m.Ties {
		n[t.A]++
		n[t.B]++
	}
	best := -1
	for _, a := range m.Actors {
		if n[a.ID] > best || n[a.ID] == best && a.ID < id {
			best, id, name = n[a.ID], a.ID, a.Canonical
		}
	}
	return id, name
}

// TestBrowserDemo clicks through the UI on the demo corpus as the pipeline reads it, and
// checks the graph's first render time.
func TestBrowserDemo(t *testing.T) {
	if chromium() == "" {
		t.Skip("no chromium binary found (set FAULTLINE_CHROMIUM or install chromium, e.g. apt-get install chromium): skipping the browser test")
	}
	st := demoStore(t)
	m := st.model
	t.Logf("demo model: %d documents, %d actors, %d ties, %d events, %d quotes", len(m.Documents), len(m.Actors), len(m.Ties), len(m.Events), len(m.Quotes))
	if len(m.Actors) < 5 || len(m.Ties)+len(m.Events) < 5 {
		t.Skipf("the demo model is still too thin to click through (%d actors, %d ties, %d events)", len(m.Actors), len(m.Ties), len(m.Events))
	}
	id, name := demoActor(m)
	timing := clickThrough(t, st, id, name)
	checkBudget(t, "graph first render on the demo", timing.Ready, 1500)
}
