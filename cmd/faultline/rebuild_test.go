package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/bench"
	"github.com/faultline/faultline/network"
	"github.com/faultline/faultline/pipeline"
	"github.com/faultline/faultline/resolve"
	"github.com/faultline/faultline/sqlite"
)

// TestRebuildMemory measures the corpus model rebuild of the SQLite database named by
// FAULTLINE_REBUILD_DB (skipped when unset): its time and the process's peak RSS. When the
// database does not exist, it first ingests FAULTLINE_REBUILD_N synthetic documents (those
// of `faultline bench --ingest-docs N`) into it and stops: run it again to measure.
// With FAULTLINE_REBUILD_WARM set, the extraction models are loaded and kept live during
// the rebuild, as in an ingest.
func TestRebuildMemory(t *testing.T) {
	path := os.Getenv("FAULTLINE_REBUILD_DB")
	if path == "" {
		t.Skip("FAULTLINE_REBUILD_DB not set: no database to rebuild")
	}
	ctx := context.Background()
	_, statErr := os.Stat(path)
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if os.IsNotExist(statErr) {
		n, _ := strconv.Atoi(os.Getenv("FAULTLINE_REBUILD_N"))
		if n <= 0 {
			t.Fatal("FAULTLINE_REBUILD_N must give the documents to ingest into a new database")
		}
		if _, err := benchIngest(ctx, st, bench.NewSynth(benchSeed), n, 2, io.Discard, "SQLite"); err != nil {
			t.Fatal(err)
		}
		t.Logf("ingested %d documents into %s: run again to measure", n, path)
		return
	}
	if os.Getenv("FAULTLINE_REBUILD_WARM") != "" {
		// As in an ingest: the extraction models loaded and live while the model rebuilds.
		pipes, err := pipeline.Pipelines(2, pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := pipeline.Run(ctx, pipes, bench.NewSynth(benchSeed+1).Docs(8), func(pipeline.Result) error { return nil }); err != nil {
			t.Fatal(err)
		}
		defer runtime.KeepAlive(pipes)
	}
	runtime.GC()
	rss0 := bench.PeakRSS()
	start, cpu0 := time.Now(), bench.CPUTime()
	m, err := rebuildModel(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("rebuild: %d documents, %d actors in %s (%.1f CPU s); peak RSS %d MB (before %d MB)",
		len(m.Documents), len(m.Actors), time.Since(start).Round(time.Millisecond),
		(bench.CPUTime() - cpu0).Seconds(), bench.PeakRSS()>>20, rss0>>20)
}

// TestRebuildStreams pins the streaming rebuild to the model built with every document and
// extraction in memory (as rebuildModel did before it streamed): resolution reading the store
// document by document, and the paradoxes reading their evidence's texts through textCache,
// give the same model, byte for byte. The 60 texts fit in textCache: its eviction is not
// exercised here.
func TestRebuildStreams(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := benchIngest(ctx, st, bench.NewSynth(benchSeed), 60, 2, io.Discard, "SQLite"); err != nil {
		t.Fatal(err)
	}
	if err := st.AddOverride(ctx, &faultline.Override{Kind: faultline.OverrideRename, Actor: "iran", Name: "Islamic Republic of Iran"}); err != nil {
		t.Fatal(err)
	}
	got, err := rebuildModel(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*faultline.Document
	var exts []*faultline.Extraction
	if err := st.Extractions(ctx, func(d *faultline.Document, e *faultline.Extraction) error {
		docs, exts = append(docs, d), append(exts, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ov, err := st.Overrides(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want, err := buildModel(resolve.Slices(docs, exts), ov)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, d := range docs {
		texts[d.ID] = d.Text
	}
	want.Paradoxes = network.ParadoxesText(want, maxParadoxes, func(id string) string { return texts[id] })
	if len(want.Paradoxes) == 0 || len(want.Ties) == 0 {
		t.Fatalf("corpus too small to pin anything: %d ties, %d paradoxes", len(want.Ties), len(want.Paradoxes))
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if !bytes.Equal(gj, wj) {
		t.Errorf("streaming rebuild differs from the in-memory one (%d vs %d bytes of JSON)", len(gj), len(wj))
	}
	stored, err := st.Model(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Actors) != len(want.Actors) || len(stored.Paradoxes) != len(want.Paradoxes) {
		t.Errorf("stored model: %d actors, %d paradoxes; want %d, %d", len(stored.Actors), len(stored.Paradoxes), len(want.Actors), len(want.Paradoxes))
	}
}
