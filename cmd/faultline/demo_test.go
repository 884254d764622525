package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/extract"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestDemoNoServe runs `faultline demo --no-serve --db X` in-process and checks that it
// succeeds and that X holds every demo document.
func TestDemoNoServe(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full pipeline over the demo corpus")
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	var out bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetErr(&out)
	rootCmd.SetArgs([]string{"demo", "--no-serve", "--db", db})
	defer func() {
		rootCmd.SetOut(nil)
		rootCmd.SetErr(nil)
		rootCmd.SetArgs(nil)
		// Leave the flags as other tests expect them.
		for _, f := range []*pflag.Flag{rootCmd.PersistentFlags().Lookup("db"), demoCmd.Flags().Lookup("no-serve")} {
			f.Value.Set(f.DefValue)
			f.Changed = false
		}
	}()
	err := rootCmd.ExecuteContext(context.Background())
	if faultline.ErrorCode(err) == faultline.ENOTIMPLEMENTED {
		t.Skip("no store backend yet: ", err)
	}
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "demo docs=34 ") {
		t.Errorf("last line %q", last)
	}

	cmd := &cobra.Command{}
	cmd.Flags().String("db", db, "")
	store, err := openStore(context.Background(), cmd)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	stored, _, err := store.Documents(context.Background(), faultline.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]string{}
	for _, d := range stored {
		have[d.ID] = d.SHA256
	}
	for _, d := range demo.Documents() {
		if have[d.ID] != d.SHA256 {
			t.Errorf("document %s missing from %s (have sha %q)", d.ID, db, have[d.ID])
		}
	}
}

// memStore is a minimal in-memory Store for testing the demo's ingest path without a
// database backend.
type memStore struct {
	docs  []*faultline.Document
	exts  map[string]*faultline.Extraction
	model *faultline.Model
}

func (s *memStore) PutDocument(ctx context.Context, d *faultline.Document, e *faultline.Extraction) (bool, error) {
	for _, o := range s.docs {
		if o.SHA256 == d.SHA256 {
			return false, nil
		}
	}
	s.docs = append(s.docs, d)
	s.exts[d.ID] = e
	return true, nil
}
func (s *memStore) Document(ctx context.Context, id string) (*faultline.Document, error) {
	for _, d := range s.docs {
		if d.ID == id {
			return d, nil
		}
	}
	return nil, faultline.Errorf(faultline.ENOTFOUND, "no document %s", id)
}
func (s *memStore) Documents(ctx context.Context, f faultline.DocumentFilter) ([]*faultline.Document, int, error) {
	return s.docs, len(s.docs), nil
}
func (s *memStore) Extraction(ctx context.Context, id string) (*faultline.Extraction, error) {
	return s.exts[id], nil
}
func (s *memStore) Extractions(ctx context.Context, fn func(*faultline.Document, *faultline.Extraction) error) error {
	for _, d := range s.docs {
		if err := fn(d, s.exts[d.ID]); err != nil {
			return err
		}
	}
	return nil
}
func (s *memStore) Search(ctx context.Context, q string, limit int) ([]faultline.SearchHit, error) {
	return nil, nil
}
func (s *memStore) SaveModel(ctx context.Context, m *faultline.Model) error { s.model = m; return nil }
func (s *memStore) Model(ctx context.Context) (*faultline.Model, error) {
	if s.model == nil {
		return &faultline.Model{}, nil
	}
	return s.model, nil
}
func (s *memStore) AddOverride(ctx context.Context, o *faultline.Override) error { return nil }
func (s *memStore) Overrides(ctx context.Context) ([]faultline.Override, error)  { return nil, nil }
func (s *memStore) Close() error                                                 { return nil }

// TestDemoIngest runs the demo's ingest path and summary against an in-memory store:
// every document is stored once, a second run adds nothing.
func TestDemoIngest(t *testing.T) {
	// An empty pipeline: this test is about the ingest path, not the extraction.
	old := newPipeline
	newPipeline = func() (*extract.Pipeline, error) { return &extract.Pipeline{}, nil }
	defer func() { newPipeline = old }()
	ctx := context.Background()
	s := &memStore{exts: map[string]*faultline.Extraction{}}
	docs := demo.Documents()
	n, err := demoIngest(ctx, s, docs, io.Discard)
	if err != nil || n != len(docs) || len(s.docs) != len(docs) {
		t.Fatalf("first run: %d new, %d stored, err %v", n, len(s.docs), err)
	}
	if n, err := demoIngest(ctx, s, docs, io.Discard); err != nil || n != 0 {
		t.Fatalf("second run: %d new, err %v", n, err)
	}
	if s.model == nil || len(s.model.Documents) != len(docs) {
		t.Fatalf("model not rebuilt: %+v", s.model)
	}
	var out bytes.Buffer
	writeDemoSummary(&out, s.model, len(docs), 0)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "demo docs=34 new=0 actors=") {
		t.Errorf("summary:\n%s", out.String())
	}
}
