package http_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/faultline/faultline/sqlite"
)

// TestSQLite runs the API on the real SQLite store holding the hand-made corpus: full-text
// search through FTS5, documents with their extractions, the model, and an override written
// and read back.
func TestSQLite(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "faultline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hand := handStore()
	for _, d := range hand.docs {
		x, _ := hand.Extraction(ctx, d.ID)
		if _, err := st.PutDocument(ctx, d, x); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveModel(ctx, hand.model); err != nil {
		t.Fatal(err)
	}
	_, h := newHandler(st)

	out := get(t, h, "/api/documents?limit=2")
	if len(list(out, "documents")) != 2 || out["total"].(float64) != 4 {
		t.Errorf("documents: %v", out)
	}
	out = get(t, h, "/api/documents/doc-c")
	if x := out["extraction"].(map[string]any); len(x["events"].([]any)) != 4 || out["document"].(map[string]any)["text"] == "" {
		t.Errorf("doc-c: %v", out)
	}
	if code, _ := request(t, h, "GET", "/api/documents/nope", ""); code != 404 {
		t.Errorf("missing document: %d", code)
	}
	out = get(t, h, "/api/search?q=truce")
	if hits := list(out, "hits"); len(hits) == 0 || hits[0].(map[string]any)["doc"] != "doc-b" {
		t.Errorf("search: %v", out)
	}
	out = get(t, h, "/api/actors/brannock-militia")
	if ties := out["ties"].(map[string]any); len(ties["positive"].([]any)) != 2 {
		t.Errorf("dossier: %v", out["ties"])
	}
	out = get(t, h, "/api/network")
	if len(list(out, "nodes")) != 7 {
		t.Errorf("network: %d nodes", len(list(out, "nodes")))
	}
	code, out := request(t, h, "POST", "/api/overrides", `{"kind":"alias","actor":"aster","name":"Asteria"}`)
	if code != 201 {
		t.Fatalf("override: %d %v", code, out)
	}
	if l := list(get(t, h, "/api/overrides"), "overrides"); len(l) != 1 || l[0].(map[string]any)["name"] != "Asteria" {
		t.Errorf("overrides: %v", l)
	}
}

// BenchmarkSQLiteModel measures loading the corpus model of 10,000 synthetic documents from
// SQLite: what the server's first request, or a background refresh, waits for.
func BenchmarkSQLiteModel(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "faultline.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveModel(ctx, synthModel(10000)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := st.Model(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
