package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/bench"
	"github.com/faultline/faultline/ingest"
	"github.com/faultline/faultline/pipeline"
	"github.com/faultline/faultline/sqlite"
	"github.com/spf13/cobra"
)

// benchCmd is `faultline bench`: speed and memory of extraction and ingest.
var benchCmd = &cobra.Command{
	Use:   "bench [--corpus DIR] [--cpus N] [--docs N] [--ingest-docs N] [--db postgres://...]",
	Short: "Measure extraction speed (tokens/s), peak memory and ingest speed (documents/s)",
	Long: `bench extracts a corpus with --cpus pipelines in parallel (GOMAXPROCS is set to --cpus)
and reports tokens per second and the peak resident memory of the process; then it ingests
--ingest-docs synthetic documents into a new SQLite database in a temporary directory and, when
--db is a postgres:// URL, into that database too, and reports documents per second (the
extraction, the stores' writes and the corpus model rebuild included).

The corpus is --corpus DIR (files or JSON Lines, read as "faultline ingest" reads them, one
document at a time, so memory does not grow with the corpus), or else --docs synthetic
documents: demo articles' paragraphs drawn at random into new demo-sized documents (package
bench). --write-corpus DIR writes --mb MiB of them as JSON Lines to DIR and exits.

--memory-limit sets a soft limit of the Go heap (as GOMEMLIMIT does) while extracting (not
while ingesting: the model rebuild holds every extraction in memory). By default (-1) the
limit is the live heap after loading the models and the warm-up plus 160 MiB (room for the
taggers' bounded word caches and a batch's garbage) and the collector runs only when the heap
reaches it (as with GOGC=off): the collector's work per cycle is marking the live heap, mostly
the models, so it runs as seldom as the limit allows, and the peak resident memory of a long
extraction stays within ~170 MiB of what the models take. An explicit limit leaves GOGC as it
is. Rates exclude loading and a warm-up of a few documents. Set GOMEMLIMIT likewise for
"faultline extract" or "ingest" of large corpora on a small machine; a limit below the live
heap makes the collector run constantly. The line "garbage collection: …" gives the
collector's cycles and CPU time during the extraction.

--full-parse parses every sentence (the default parses only those that can yield an event;
the facts are the same). Ingesting into PostgreSQL adds documents to that database: use a
scratch one. The numbers depend on the machine's load; run it on an idle machine.

The last line on stdout is
  bench tokens=N tokens_per_s=… peak_rss_mb=… docs_per_s=… tokens_per_cpu_s=…
(with pg_docs_per_s=… before tokens_per_cpu_s when --db is a postgres:// URL, and without the
docs_per_s fields when --ingest-docs is 0). tokens_per_cpu_s is tokens per CPU second of the
process, which other processes' load distorts less than the wall-clock rates.`,
	Example: "  faultline bench --cpus 1\n  faultline bench --write-corpus /tmp/corpus --mb 100 && faultline bench --corpus /tmp/corpus --ingest-docs 0",
	RunE:    runBench,
}

func init() {
	f := benchCmd.Flags()
	f.String("corpus", "", "a directory (or file) of documents to extract (default: synthetic documents)")
	f.Int("cpus", 1, "pipelines run in parallel, and GOMAXPROCS")
	f.Int("docs", 340, "synthetic documents to extract when no --corpus is given")
	f.Int("ingest-docs", 200, "synthetic documents to ingest (0: no ingest measurement)")
	f.Bool("full-parse", false, "parse every sentence, not only those that can yield an event")
	f.String("write-corpus", "", "write a synthetic corpus of --mb MiB as JSON Lines to this directory and exit")
	f.Int("mb", 100, "size of the corpus --write-corpus writes, in MiB of text")
	f.String("cpuprofile", "", "write a CPU profile of the extraction (not of loading the models or ingesting) to this file, for go tool pprof")
	f.Int("memory-limit", -1, "soft limit of the Go heap in MiB during the run, unless GOMEMLIMIT is set (0: none; -1: the live heap after loading the models and a warm-up + 160 MiB, the collector running only at the limit)")
	rootCmd.AddCommand(benchCmd)
}

// benchSeed seeds the synthetic corpora, so that runs are comparable.
const benchSeed = 2026

func runBench(cmd *cobra.Command, args []string) error {
	ctx := cmd.Context()
	f := cmd.Flags()
	corpus, _ := f.GetString("corpus")
	cpus, _ := f.GetInt("cpus")
	ndocs, _ := f.GetInt("docs")
	ningest, _ := f.GetInt("ingest-docs")
	fullParse, _ := f.GetBool("full-parse")
	out := cmd.OutOrStdout()
	synth := bench.NewSynth(benchSeed)

	if dir, _ := f.GetString("write-corpus"); dir != "" {
		mb, _ := f.GetInt("mb")
		n, err := synth.WriteCorpus(dir, int64(mb)<<20)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote %d synthetic documents (%d MiB of text) to %s\n", n, mb, dir)
		return nil
	}
	if cpus < 1 {
		return faultline.Errorf(faultline.EINVALID, "bench: --cpus %d: want at least 1", cpus)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cpus))

	// Extraction.
	pipes, err := pipeline.Pipelines(cpus, pipeline.Options{FullParse: fullParse})
	if err != nil {
		return err
	}
	// Warm up first: the first documents load word lists and build tables (once per process),
	// a cost that a rate measured on a small corpus would otherwise charge to extraction (the
	// peer script likewise loads compromise before its clock starts).
	warm := bench.NewSynth(benchSeed + 1).Docs(4 * cpus)
	if err := pipeline.Run(ctx, pipes, warm, func(pipeline.Result) error { return nil }); err != nil {
		return err
	}
	restoreLimit, limitNote := func() {}, ""
	if limit, _ := f.GetInt("memory-limit"); limit != 0 && os.Getenv("GOMEMLIMIT") == "" {
		// Only while extracting: the model rebuild of an ingest holds far more live data.
		// An explicit limit is GOMEMLIMIT's and leaves GOGC as it is; by default the
		// collector runs only at the limit (see limitHeap).
		if limit < 0 {
			restore, bytes := limitHeap()
			restoreLimit, limitNote = restore, fmt.Sprintf(", heap limit %d MiB", bytes>>20)
		} else {
			old := debug.SetMemoryLimit(int64(limit) << 20)
			restoreLimit = func() { debug.SetMemoryLimit(old) }
			limitNote = fmt.Sprintf(", heap limit %d MiB", limit)
		}
	}
	var count bench.Counter
	count.Count(pipes...)
	docs := synth.Docs(ndocs)
	source := fmt.Sprintf("%d synthetic documents", ndocs)
	var readErr error
	if corpus != "" {
		docs, source = corpusDocs(ctx, corpus, cmd.ErrOrStderr(), &readErr), corpus
	}
	failed := 0
	if path, _ := f.GetString("cpuprofile"); path != "" {
		pf, err := os.Create(path)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pprof.StopCPUProfile() // runs first if extraction fails
	}
	start, cpu0, gc0 := time.Now(), bench.CPUTime(), bench.ReadGC()
	err = pipeline.Run(ctx, pipes, docs, func(r pipeline.Result) error {
		if r.Err != nil {
			failed++
			fmt.Fprintf(cmd.ErrOrStderr(), "faultline bench: %s: %v\n", r.Doc.ID, r.Err)
		}
		return nil
	})
	elapsed, cpu, gc := time.Since(start), bench.CPUTime()-cpu0, bench.ReadGC().Sub(gc0)
	pprof.StopCPUProfile() // no-op without --cpuprofile
	restoreLimit()
	if err = errors.Join(err, readErr); err != nil {
		return err
	}
	tokens := count.Tokens()
	tps := float64(tokens) / elapsed.Seconds()
	tpc := float64(tokens) / max(cpu.Seconds(), 1e-9)
	rss := float64(bench.PeakRSS()) / (1 << 20)
	fmt.Fprintf(out, "extract: %s, %d documents, %d tokens in %s on %d cpus: %.0f tokens/s, %.1f docs/s (%d failed)\n",
		source, count.Docs(), tokens, elapsed.Round(time.Millisecond), cpus, tps, float64(count.Docs())/elapsed.Seconds(), failed)
	fmt.Fprintf(out, "%.1f CPU seconds: %.0f tokens per CPU second (less distorted by other processes' load)\n", cpu.Seconds(), tpc)
	fmt.Fprintf(out, "garbage collection: %d cycles, %.2f CPU seconds (%.1f%%, the runtime's estimate), %.0f MB allocated%s\n",
		gc.Cycles, gc.CPU.Seconds(), 100*gc.CPU.Seconds()/max(cpu.Seconds(), 1e-9), float64(gc.Alloc)/(1<<20), limitNote)
	fmt.Fprintf(out, "peak RSS %.0f MB\n", rss)
	pipes = nil

	// Ingest.
	last := fmt.Sprintf("bench tokens=%d tokens_per_s=%.0f peak_rss_mb=%.0f", tokens, tps, rss)
	if ningest > 0 {
		dir, err := os.MkdirTemp("", "faultline-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		st, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"))
		if err != nil {
			return err
		}
		dps, err := benchIngest(ctx, st, synth, ningest, cpus, out, "SQLite")
		st.Close()
		if err != nil {
			return err
		}
		last += fmt.Sprintf(" docs_per_s=%.1f", dps)
		if dsn, _ := f.GetString("db"); f.Changed("db") && (strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")) {
			pg, err := openPostgres(ctx, dsn)
			if err != nil {
				return err
			}
			dps, err := benchIngest(ctx, pg, bench.NewSynth(uint64(time.Now().UnixNano())), ningest, cpus, out, "PostgreSQL")
			pg.Close()
			if err != nil {
				return err
			}
			last += fmt.Sprintf(" pg_docs_per_s=%.1f", dps)
		}
	}
	fmt.Fprintf(out, "%s tokens_per_cpu_s=%.0f\n", last, tpc)
	return nil
}

// benchIngest ingests n synthetic documents into store as `faultline ingest` does (batches,
// parallel extraction, the model rebuilt at the end) and returns documents per second.
func benchIngest(ctx context.Context, store faultline.Store, synth *bench.Synth, n, cpus int, out io.Writer, name string) (float64, error) {
	if cpus <= 0 {
		cpus = runtime.GOMAXPROCS(0)
	}
	start, cpu0 := time.Now(), bench.CPUTime()
	g, err := newIngester(ctx, store, ingestOptions{Workers: cpus})
	if err != nil {
		return 0, err
	}
	var batch []ingest.Item
	for d := range synth.Docs(n) {
		batch = append(batch, ingest.Item{Source: d.ID, Doc: d})
		if len(batch) == ingestBatch {
			if err := g.add(ctx, batch); err != nil {
				return 0, err
			}
			batch = nil
		}
	}
	if err := g.add(ctx, batch); err != nil {
		return 0, err
	}
	stored := time.Since(start)
	st, err := g.finish(ctx)
	if err != nil {
		return 0, err
	}
	elapsed, cpu := time.Since(start), bench.CPUTime()-cpu0
	dps := float64(st.New) / elapsed.Seconds()
	phases := fmt.Sprintf("extract+store %s, model rebuild %s", stored.Round(time.Millisecond), (elapsed - stored).Round(time.Millisecond))
	if _, ok := store.(queuer); ok {
		phases = fmt.Sprintf("queue %s, extract+store from the queue and model rebuild %s", stored.Round(time.Millisecond), (elapsed - stored).Round(time.Millisecond))
	}
	fmt.Fprintf(out, "ingest into %s: %d documents (%d new, %d failed) in %s on %d cpus (%s; %.1f CPU seconds): %.1f docs/s\n",
		name, st.Docs, st.New, st.Failed, elapsed.Round(time.Millisecond), cpus, phases, cpu.Seconds(), dps)
	return dps, nil
}

// corpusDocs yields the documents read from path one at a time; sources that cannot be read
// are reported on errw and skipped, and an error that stops reading is left in *err.
func corpusDocs(ctx context.Context, path string, errw io.Writer, err *error) iter.Seq[*faultline.Document] {
	return func(yield func(*faultline.Document) bool) {
		r, rerr := ingest.NewReader(ingest.Options{})
		if rerr != nil {
			*err = rerr
			return
		}
		stop := errors.New("stop")
		rerr = r.Each(ctx, []string{path}, func(it ingest.Item) error {
			if it.Err != nil {
				fmt.Fprintf(errw, "faultline bench: %s: %v\n", it.Source, it.Err)
				return nil
			}
			if !yield(it.Doc) {
				return stop
			}
			return nil
		})
		if rerr != nil && !errors.Is(rerr, stop) {
			*err = rerr
		}
	}
}

// limitHeap sets the default soft limit of the Go heap for a long extraction, by faultline
// extract and faultline bench alike: the live heap now (call it once the models are loaded and
// a first batch has run) + heapHeadroom, with the collector off below it. The live heap of a
// long extraction is mostly the models, and the collector would let the heap grow to twice
// it: the limit keeps the peak resident memory near what loading takes. It returns a func that
// restores the previous limit and GOGC, and the limit in bytes.
func limitHeap() (restore func(), limit int64) {
	limit = liveHeap() + heapHeadroom
	old := debug.SetMemoryLimit(limit) // before GOGC=off: never a moment without either
	percent := debug.SetGCPercent(-1)
	return func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(old) }, limit
}

// heapHeadroom is the room above the live heap of limitHeap's limit. The taggers' word caches
// take ~55 MiB of it on new text; the rest is garbage between two cycles. On 4 MiB of GMB news
// text at 6891dc5, 160 MiB with the collector off below it collects 5-6 times instead of the 8
// times of 128 MiB with GOGC=100 (peak RSS ~230 MB, from ~200).
const heapHeadroom = 160 << 20

// liveHeap collects and returns the size of the live heap.
func liveHeap() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}
