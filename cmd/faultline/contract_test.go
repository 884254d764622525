package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/contractcheck"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/ingest"
	"github.com/faultline/faultline/internal/sharedtest"
	"github.com/faultline/faultline/sqlite"
)

// TestContract runs the real pipeline over the demo corpus through `faultline extract` and
// `faultline ingest` + `faultline export --format json`, and checks with contractcheck that
// every span's text is exactly the bytes at its offsets and every type is in the contract's
// vocabulary.
func TestContract(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full pipeline over the demo corpus")
	}
	docs := demo.Documents()
	dir := t.TempDir()
	var files []string
	texts := map[string]string{}
	for _, d := range docs[:min(12, len(docs))] {
		p := filepath.Join(dir, d.ID+".txt")
		if err := os.WriteFile(p, []byte(d.Text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
		texts[d.ID+".txt"] = d.Text
	}

	// extract: one JSON line per document.
	out, err := runCmd(t, append([]string{"extract"}, files...)...)
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(files) {
		t.Fatalf("extract printed %d lines for %d files", len(lines), len(files))
	}
	spans := 0
	for _, line := range lines {
		var ext faultline.Extraction
		if err := json.Unmarshal([]byte(line), &ext); err != nil {
			t.Fatal(err)
		}
		text := texts[ext.ID]
		for _, err := range contractcheck.JSON(text, []byte(line)) {
			t.Errorf("extract %s: %v", ext.ID, err)
		}
		for _, err := range contractcheck.Extraction(text, &ext) {
			t.Errorf("extract %s: %v", ext.ID, err)
		}
		spans += len(ext.Entities) + len(ext.Events) + len(ext.Quotes) + len(ext.Figures) + len(ext.Ties)
	}
	t.Logf("%d documents, %d facts checked", len(lines), spans)
	if spans == 0 {
		t.Errorf("the pipeline found nothing in %d documents", len(files))
	}

	// ingest + export.
	db := filepath.Join(t.TempDir(), "f.db")
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	items, err := ingest.Read(context.Background(), files, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	if st, err := ingestItems(context.Background(), store, items, ingestOptions{Errors: &errb}); err != nil || st.New != len(files) {
		t.Fatalf("ingest: %+v, %v\n%s", st, err, errb.String())
	}
	store.Close()
	checkExport(t, db)
}

// TestContractSeeds runs `faultline extract` over the seed articles and `faultline ingest` +
// `faultline export --format json` over them, and checks every span and type against the
// contract: real reporting, with curly quotes, accented and transliterated names.
func TestContractSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full pipeline over the seeds")
	}
	seeds := filepath.Join(sharedtest.Dir(t, "seeds"), "seeds")
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles in " + seeds)
	}
	texts := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(f)] = string(b)
	}
	out, err := runCmd(t, append([]string{"extract"}, files...)...)
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var ext faultline.Extraction
		if err := json.Unmarshal([]byte(line), &ext); err != nil {
			t.Fatal(err)
		}
		text, ok := texts[ext.ID]
		if !ok {
			t.Fatalf("extract printed a document %q that is not a seed", ext.ID)
		}
		for _, err := range contractcheck.JSON(text, []byte(line)) {
			t.Errorf("extract %s: %v", ext.ID, err)
		}
	}
	db := filepath.Join(t.TempDir(), "s.db")
	if _, _, err := runIngestCmd(t, "ingest", "--db", db, seeds); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	checkExport(t, db)
}

// checkExport exports the store at db as contract JSON and checks it against the contract.
func checkExport(t *testing.T, db string) {
	t.Helper()
	checkExportedModel(t, db, exportedModel(t, db))
}

// exportedModel returns the model `faultline export --format json` writes for the store at db.
func exportedModel(t *testing.T, db string) *faultline.Model {
	t.Helper()
	out, _, err := runIngestCmd(t, "export", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var m faultline.Model
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	return &m
}
