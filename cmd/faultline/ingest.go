package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/ingest"
	"github.com/faultline/faultline/pipeline"
	"github.com/faultline/faultline/postgres"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// ingestCmd is `faultline ingest`: sources into the store, then a rebuilt corpus model.
var ingestCmd = &cobra.Command{
	Use:   "ingest [--db PATH|postgres://...] [--input auto|text|html|rss|jsonl] [--workers N] PATH|URL ...",
	Short: "Read documents into the store, extract their facts and rebuild the corpus model",
	Long: `ingest reads documents — plain text, HTML pages, RSS/Atom feeds, JSON Lines
({"id", "text", "date", "title", "source", "url"} a line), directories of these (recursively,
in sorted order) and http(s) URLs — extracts the facts of every document not yet stored, stores
each with its extraction, and rebuilds the corpus model (actor resolution, paradoxes).

A document whose text is already stored is skipped (counted as a duplicate), so ingesting the
same sources again changes nothing. A new document that nearly duplicates an earlier one (a wire
copy: the same story re-headlined, lightly edited or cut short; MinHash over word 5-grams,
containment at least 0.8) is stored with duplicate_of set to the original, so that network
analysis counts the story once; --no-dedup turns this off. A source that cannot be read (missing, binary, empty, not
UTF-8, larger than 20 MiB, a failed download) or a document that fails is reported on stderr as
  faultline: SOURCE: reason
and the rest go on; the exit status is then 1. Extraction runs on --workers cores in parallel;
documents are stored in input order, so the store does not depend on the number of workers.

With --db postgres://… the documents are queued in the database and extracted by workers that
claim one at a time (SELECT … FOR UPDATE SKIP LOCKED): run "faultline ingest --db postgres://…"
without sources on other machines to add workers. A worker also stores documents that other
machines queued; each process counts what it stored itself.

The last line on stdout is
  ingest docs=N new=N duplicates=N failed=N`,
	Example: "  faultline ingest articles/\n  faultline ingest --db corpus.db --input rss https://example.org/feed.xml",
	RunE:    runIngest,
}

func init() {
	ingestCmd.Flags().String("input", ingest.Auto, "input format: auto, text, html, rss or jsonl")
	ingestCmd.Flags().Int("workers", 0, "documents extracted in parallel (0: one per CPU)")
	ingestCmd.Flags().Bool("no-dedup", false, "do not mark near-duplicates (wire copies) of earlier documents")
	rootCmd.AddCommand(ingestCmd)
}

func runIngest(cmd *cobra.Command, args []string) error {
	ctx := cmd.Context()
	input, _ := cmd.Flags().GetString("input")
	workers, _ := cmd.Flags().GetInt("workers")
	r, err := ingest.NewReader(ingest.Options{Format: input})
	if err != nil {
		return err
	}
	store, err := openStore(ctx, cmd)
	if err != nil {
		return err
	}
	defer store.Close()
	if _, ok := store.(queuer); !ok && len(args) == 0 {
		return faultline.Errorf(faultline.EINVALID, "ingest: no sources (files, directories or URLs) given")
	}

	stderr := cmd.ErrOrStderr()
	noDedup, _ := cmd.Flags().GetBool("no-dedup")
	opts := ingestOptions{Workers: workers, Errors: stderr, NoDedup: noDedup}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		opts.Progress = stderr
	}
	start := time.Now()
	g, err := newIngester(ctx, store, opts)
	if err != nil {
		return err
	}
	// Sources are read and ingested in batches, so a large corpus never sits in memory whole.
	var batch []ingest.Item
	if err := r.Each(ctx, args, func(it ingest.Item) error {
		batch = append(batch, it)
		if len(batch) < ingestBatch {
			return nil
		}
		err := g.add(ctx, batch)
		batch = nil
		return err
	}); err != nil {
		return err
	}
	if err := g.add(ctx, batch); err != nil {
		return err
	}
	st, err := g.finish(ctx)
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	out := cmd.OutOrStdout()
	if st.New > 0 {
		fmt.Fprintf(out, "ingested %d new documents in %s (%.1f docs/s)\n", st.New, elapsed.Round(time.Millisecond), float64(st.New)/elapsed.Seconds())
	}
	if st.NearDuplicates > 0 {
		fmt.Fprintf(out, "%d of them near-duplicates (wire copies) of earlier documents\n", st.NearDuplicates)
	}
	if st.Model != nil {
		fmt.Fprintf(out, "model: %d documents, %d actors, %d ties, %d events, %d quotes, %d figures, %d paradoxes\n",
			len(st.Model.Documents), len(st.Model.Actors), len(st.Model.Ties), len(st.Model.Events), len(st.Model.Quotes), len(st.Model.Figures), len(st.Model.Paradoxes))
	}
	fmt.Fprintf(out, "ingest docs=%d new=%d duplicates=%d failed=%d\n", st.Docs, st.New, st.Duplicates, st.Failed)
	if st.Failed > 0 {
		return exitError{code: 1}
	}
	return nil
}

// ingestBatch is how many documents ingest reads before it extracts and stores them (a
// variable for tests).
var ingestBatch = 256

// ingestOptions configure ingestItems.
type ingestOptions struct {
	Workers  int       // parallel extractions (0: GOMAXPROCS)
	Errors   io.Writer // per-document failures, "faultline: SOURCE: reason" (nil: discarded)
	Progress io.Writer // a progress bar (nil: none)
	NoDedup  bool      // do not look for near-duplicates (wire copies)
}

// ingestStats counts what an ingest did.
type ingestStats struct {
	Docs, New, Duplicates, Failed int
	// NearDuplicates counts the new documents marked as near-duplicates (wire copies) of
	// earlier ones; they are stored and counted as new.
	NearDuplicates int
	// Model is the rebuilt corpus model, or nil when nothing changed.
	Model *faultline.Model
}

// ingestItems extracts and stores the documents of items (failed items are reported and
// counted), skipping those whose text is already stored, then rebuilds the corpus model when
// anything is new or the stored model is behind the stored documents. Extraction runs in
// parallel; documents are stored in the order of items.
func ingestItems(ctx context.Context, store faultline.Store, items []ingest.Item, opts ingestOptions) (ingestStats, error) {
	g, err := newIngester(ctx, store, opts)
	if err != nil {
		return ingestStats{}, err
	}
	if err := g.add(ctx, items); err != nil {
		return g.st, err
	}
	return g.finish(ctx)
}

// ingester ingests batches of items into a store; finish rebuilds the model once at the end.
type ingester struct {
	store   faultline.Store
	opts    ingestOptions
	errw    io.Writer
	st      ingestStats
	byHash  map[string]string // stored or accepted texts: hash → id
	byID    map[string]string // id → hash
	dedup   *ingest.Dedup     // built on first use
	pipes   []*extract.Pipeline
	workers int
	bar     *progress
}

func newIngester(ctx context.Context, store faultline.Store, opts ingestOptions) (*ingester, error) {
	g := &ingester{store: store, opts: opts, errw: opts.Errors, byHash: map[string]string{}, byID: map[string]string{}}
	if g.errw == nil {
		g.errw = io.Discard
	}
	g.workers = opts.Workers
	if g.workers <= 0 {
		g.workers = runtime.GOMAXPROCS(0)
	}
	stored, _, err := store.Documents(ctx, faultline.DocumentFilter{})
	if err != nil {
		return nil, err
	}
	for _, d := range stored {
		g.byHash[d.SHA256], g.byID[d.ID] = d.ID, d.SHA256
	}
	g.bar = newProgress(opts.Progress, -1)
	return g, nil
}

// report prints and counts a failed document.
func (g *ingester) report(src string, err error) {
	g.st.Failed++
	msg := err.Error()
	var fe *faultline.Error
	if errors.As(err, &fe) {
		msg = fe.Message
	}
	fmt.Fprintf(g.errw, "faultline: %s: %s\n", src, msg)
}

// add ingests one batch of items: in a shared store it queues them (finish works the queue),
// otherwise it extracts them in parallel and stores them in order.
func (g *ingester) add(ctx context.Context, items []ingest.Item) error {
	var jobs []ingest.Item // the new documents, on their way into the store
	for _, it := range items {
		g.st.Docs++
		if it.Err != nil {
			g.report(it.Source, it.Err)
			continue
		}
		d := it.Doc
		if d.SHA256 == "" {
			d.SHA256 = faultline.ContentHash(d.Text)
		}
		if _, ok := g.byHash[d.SHA256]; ok {
			g.st.Duplicates++
			continue
		}
		if h, ok := g.byID[d.ID]; ok && h != d.SHA256 {
			// The id (a file name) is taken by another text: name this one by its content.
			fmt.Fprintf(g.errw, "faultline: %s: id %s is taken by another text; stored as %s\n", it.Source, d.ID, faultline.ContentID(d.Text))
			d.ID = faultline.ContentID(d.Text)
		}
		g.byHash[d.SHA256], g.byID[d.ID] = d.ID, d.SHA256
		jobs = append(jobs, it)
	}
	if len(jobs) == 0 {
		return nil
	}
	if !g.opts.NoDedup {
		if err := g.markNearDuplicates(ctx, jobs); err != nil {
			return err
		}
	}
	if q, ok := g.store.(queuer); ok {
		return g.queue(ctx, q, jobs)
	}
	if g.pipes == nil {
		var err error
		if g.pipes, err = newPipelines(g.workers); err != nil {
			return err
		}
	}

	// Extract in parallel, each worker with its own pipeline, in batches (pipeline.Run), and
	// store in input order as extractions finish.
	docs := func(yield func(*faultline.Document) bool) {
		for _, j := range jobs {
			if !yield(j.Doc) {
				return
			}
		}
	}
	next := 0
	return pipeline.Run(ctx, g.pipes, docs, func(r pipeline.Result) error {
		j := jobs[next]
		next++
		g.bar.step()
		ext, err := checkExtraction(r.Ext, r.Err)
		if err != nil {
			g.report(j.Source, err)
			return nil
		}
		created, err := g.store.PutDocument(ctx, j.Doc, ext)
		switch {
		case err != nil && ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			g.report(j.Source, err)
		case created:
			g.st.New++
		default:
			g.st.Duplicates++ // stored meanwhile by another process
		}
		return nil
	})
}

// finish works the shared queue, if any, and rebuilds the model.
func (g *ingester) finish(ctx context.Context) (ingestStats, error) {
	if q, ok := g.store.(queuer); ok {
		if err := g.drain(ctx, q); err != nil {
			g.bar.finish()
			return g.st, err
		}
	}
	g.bar.finish()
	return g.st, finishIngest(ctx, g.store, &g.st)
}

// finishIngest rebuilds the model when anything changed, or when an earlier run stopped
// before it.
func finishIngest(ctx context.Context, store faultline.Store, st *ingestStats) error {
	rebuild := st.New > 0
	if !rebuild {
		m, err := store.Model(ctx)
		if err != nil {
			return err
		}
		_, total, err := store.Documents(ctx, faultline.DocumentFilter{Limit: 1})
		if err != nil {
			return err
		}
		rebuild = len(m.Documents) != total
	}
	// Another process may store documents while this one rebuilds (workers sharing a
	// PostgreSQL queue); whoever saves a model that is already behind rebuilds again, so the
	// last model saved covers every stored document.
	for try := 0; rebuild && try < 3; try++ {
		var err error
		if st.Model, err = rebuildModel(ctx, store); err != nil {
			return fmt.Errorf("rebuild model: %w", err)
		}
		_, total, err := store.Documents(ctx, faultline.DocumentFilter{Limit: 1})
		if err != nil {
			return err
		}
		rebuild = len(st.Model.Documents) < total
	}
	return nil
}

// queuer is a shared store whose ingest workers, on any number of machines, coordinate
// through a queue in the database (package postgres).
type queuer interface {
	Queue(ctx context.Context, source string, doc *faultline.Document) (bool, error)
	Claim(ctx context.Context, extract func(*faultline.Document) (*faultline.Extraction, error)) (postgres.Claimed, bool, error)
}

// queue adds the jobs' documents to a shared store's queue.
func (g *ingester) queue(ctx context.Context, q queuer, jobs []ingest.Item) error {
	for _, j := range jobs {
		ok, err := q.Queue(ctx, j.Source, j.Doc)
		switch {
		case err != nil && ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			g.report(j.Source, err)
		case !ok:
			g.st.Duplicates++ // stored or queued meanwhile by another process
		}
	}
	return nil
}

// drain extracts and stores queued documents — this run's and those other machines queued —
// with workers claiming one at a time, until the queue is empty.
func (g *ingester) drain(ctx context.Context, q queuer) error {
	pipes, err := newPipelines(g.workers)
	if err != nil {
		return err
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var ferr error
	for w := 0; w < g.workers; w++ {
		wg.Add(1)
		go func(p *extract.Pipeline) {
			defer wg.Done()
			extract := func(d *faultline.Document) (*faultline.Extraction, error) { return extractDoc(p, d) }
			for ctx.Err() == nil {
				c, ok, err := q.Claim(ctx, extract)
				mu.Lock()
				switch {
				case err != nil:
					ferr = cmp.Or(ferr, err)
				case !ok:
				case c.Err != nil:
					g.report(c.Source, c.Err)
				case c.Created:
					g.st.New++
				default:
					g.st.Duplicates++
				}
				if ok {
					g.bar.step()
				}
				mu.Unlock()
				if err != nil || !ok {
					return
				}
			}
		}(pipes[w])
	}
	wg.Wait()
	return cmp.Or(ferr, ctx.Err())
}

// texter is a store that can list its texts cheaply (without extractions).
type texter interface {
	Texts(ctx context.Context, fn func(id, duplicateOf, text string) error) error
}

// markNearDuplicates sets DuplicateOf on each new document that nearly duplicates a stored
// document or an earlier one of this run (see ingest.Dedup). Sources that set DuplicateOf
// themselves are left alone.
func (g *ingester) markNearDuplicates(ctx context.Context, jobs []ingest.Item) error {
	if g.dedup == nil {
		d := ingest.NewDedup()
		add := func(id, dup, text string) error {
			sig := ingest.Sign(text)
			d.Add(id, &sig, dup)
			return nil
		}
		var err error
		if ts, ok := g.store.(texter); ok {
			err = ts.Texts(ctx, add)
		} else {
			err = g.store.Extractions(ctx, func(doc *faultline.Document, _ *faultline.Extraction) error {
				return add(doc.ID, doc.DuplicateOf, doc.Text)
			})
		}
		if err != nil {
			return err
		}
		g.dedup = d
	}
	for _, j := range jobs {
		doc := j.Doc
		sig := ingest.Sign(doc.Text)
		if doc.DuplicateOf == "" {
			doc.DuplicateOf, _ = g.dedup.Find(&sig)
		}
		if doc.DuplicateOf != "" {
			g.st.NearDuplicates++
		}
		g.dedup.Add(doc.ID, &sig, doc.DuplicateOf)
	}
	return nil
}

// newPipelines builds one extraction pipeline per worker (a pipeline is not shared between
// goroutines). A pipeline that cannot be built is an error of the run, not of a document.
func newPipelines(n int) ([]*extract.Pipeline, error) {
	ps := make([]*extract.Pipeline, n)
	for i := range ps {
		p, err := newPipeline()
		if err != nil {
			return nil, fmt.Errorf("extraction pipeline: %w", err)
		}
		ps[i] = p
	}
	return ps, nil
}

// extractDoc runs the pipeline over one document; a panic is an error, so the batch goes on.
func extractDoc(p *extract.Pipeline, doc *faultline.Document) (*faultline.Extraction, error) {
	return checkExtraction(p.Extract(doc))
}

// checkExtraction returns an extraction's error, or an error for no extraction or one that
// records its own failure.
func checkExtraction(ext *faultline.Extraction, err error) (*faultline.Extraction, error) {
	if err == nil && ext == nil {
		err = faultline.Errorf(faultline.EINTERNAL, "extraction returned nothing")
	}
	if err == nil && ext.Error != "" {
		err = faultline.Errorf(faultline.EINVALID, "extraction failed: %s", ext.Error)
	}
	return ext, err
}

// progress draws a progress line on a terminal: documents done and the rate, with a bar
// when the total is known (total < 0: unknown).
type progress struct {
	w     io.Writer
	total int
	n     int
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, start: time.Now()}
}

func (p *progress) step() {
	p.n++
	if p.w == nil || (time.Since(p.last) < 100*time.Millisecond && p.n != p.total) {
		return
	}
	p.last = time.Now()
	rate := float64(p.n) / max(time.Since(p.start).Seconds(), 1e-9)
	if p.total < 0 {
		fmt.Fprintf(p.w, "\ringest: %d documents extracted, %.1f/s ", p.n, rate)
		return
	}
	const width = 30
	fill := width
	if p.total > 0 {
		fill = min(width, p.n*width/p.total)
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d documents %.1f/s ", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), p.n, p.total, rate)
}

func (p *progress) finish() {
	if p.w != nil && p.n > 0 {
		fmt.Fprintln(p.w)
	}
}
