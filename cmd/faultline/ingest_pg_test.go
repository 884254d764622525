package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/faultline/faultline/ingest"
	"github.com/jackc/pgx/v5"
)

// pgScratch returns the URL of a fresh schema in FAULTLINE_TEST_POSTGRES, dropped at the end
// of the test, or skips.
func pgScratch(t testing.TB) string {
	base := os.Getenv("FAULTLINE_TEST_POSTGRES")
	if base == "" {
		t.Skip("FAULTLINE_TEST_POSTGRES (a postgres:// URL of a scratch database) is not set")
	}
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "faultline_cmd_" + hex.EncodeToString(b)
	c, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(ctx, base); err == nil {
			c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}
	})
	u, _ := url.Parse(base)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestIngestPostgres: two ingest processes (as on two machines) share one PostgreSQL queue;
// the exported model is byte for byte the one a single SQLite ingest gives.
func TestIngestPostgres(t *testing.T) {
	pg := pgScratch(t)
	old := newPipeline
	newPipeline = fixedPipeline
	defer func() { newPipeline = old }()
	dir := corpus(t)
	os.Remove(filepath.Join(dir, "d.bin"))
	ctx := context.Background()

	db := filepath.Join(t.TempDir(), "f.db")
	runIngestCmd(t, "ingest", "--db", db, dir)
	want, _, err := runIngestCmd(t, "export", "--db", db)
	if err != nil {
		t.Fatal(err)
	}

	var wg sync.WaitGroup
	stats := make([]ingestStats, 2)
	for i := range stats {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			store, err := openDSN(ctx, pg)
			if err != nil {
				t.Error(err)
				return
			}
			defer store.Close()
			items, _ := ingest.Read(ctx, []string{dir}, ingest.Options{}) // each process reads for itself
			stats[i], err = ingestItems(ctx, store, items, ingestOptions{Workers: 2})
			if err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if n := stats[0].New + stats[1].New; n != 3 {
		t.Errorf("two processes stored %d documents, want 3 (%+v)", n, stats)
	}
	// A last run rebuilds the model after both (each rebuilt after its own work).
	out, _, _ := runIngestCmd(t, "ingest", "--db", pg)
	if got := lastLine(out); got != "ingest docs=0 new=0 duplicates=0 failed=0" {
		t.Errorf("worker-only ingest: %q", got)
	}
	got, _, err := runIngestCmd(t, "export", "--db", pg)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("PostgreSQL export differs from SQLite's:\n%s\n---\n%s", got, want)
	}
}
