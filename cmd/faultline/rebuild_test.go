package main

import (
	"context"
	"io"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/faultline/faultline/bench"
	"github.com/faultline/faultline/sqlite"
)

// TestRebuildMemory measures the corpus model rebuild of the SQLite database named by
// FAULTLINE_REBUILD_DB (skipped when unset): its time and the process's peak RSS. When the
// database does not exist, it first ingests FAULTLINE_REBUILD_N synthetic documents (those
// of `faultline bench --ingest-docs N`) into it and stops: run it again to measure.
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
