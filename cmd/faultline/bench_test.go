package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline/bench"
	"github.com/faultline/faultline/sqlite"
)

// BenchmarkIngestSQLite ingests b.N synthetic demo-sized documents into a new SQLite
// database on GOMAXPROCS workers, the corpus model rebuild included.
func BenchmarkIngestSQLite(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var out bytes.Buffer
	b.ResetTimer()
	dps, err := benchIngest(ctx, st, bench.NewSynth(1), b.N, 0, &out, "SQLite")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(dps, "docs/s")
}

// BenchmarkIngestPostgres is BenchmarkIngestSQLite into a scratch schema of
// FAULTLINE_TEST_POSTGRES (skipped when unset): documents queued, then claimed one at a time.
func BenchmarkIngestPostgres(b *testing.B) {
	ctx := context.Background()
	st, err := openPostgres(ctx, pgScratch(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var out bytes.Buffer
	b.ResetTimer()
	dps, err := benchIngest(ctx, st, bench.NewSynth(1), b.N, 0, &out, "PostgreSQL")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(dps, "docs/s")
}

func TestBenchCommand(t *testing.T) {
	out, err := runCmd(t, "bench", "--docs", "2", "--ingest-docs", "2")
	benchCmd.Flags().Set("docs", "340")
	benchCmd.Flags().Set("ingest-docs", "200")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	for _, key := range []string{"bench ", " tokens=", " tokens_per_s=", " peak_rss_mb=", " docs_per_s="} {
		if !strings.Contains(last, key) {
			t.Errorf("last line %q lacks %q", last, key)
		}
	}
}
