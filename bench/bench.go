// Package bench measures faultline's speed and memory: tokens per second and peak resident
// memory of extraction, documents per second of ingest. It builds synthetic corpora of any
// size from the demo articles (package demo): each synthetic document is a random draw of
// demo paragraphs, about as long as a demo article, so its text is new but its language,
// names and density of facts are those of the demo corpus.
//
// `faultline bench` and the benchmarks in this package's tests use it; bench/peers holds the
// comparisons with other libraries (run outside the Go module).
package bench

import (
	"encoding/json"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/nlp"
)

// Synth generates synthetic documents from the demo corpus; the same seed gives the same
// documents.
type Synth struct {
	paras []string
	dates []string
	size  int // mean length of a demo article in bytes
	seed  uint64
}

// NewSynth returns a generator seeded with seed.
func NewSynth(seed uint64) *Synth {
	s := &Synth{seed: seed}
	total := 0
	docs := demo.Documents()
	for _, d := range docs {
		total += len(d.Text)
		s.dates = append(s.dates, d.Date)
		for _, p := range strings.Split(d.Text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				s.paras = append(s.paras, p)
			}
		}
	}
	s.size = total / max(len(docs), 1)
	return s
}

// Doc returns the i-th synthetic document: demo paragraphs drawn at random until it is as
// long as a mean demo article, with id "synth-<i>" and the date of a demo article.
func (s *Synth) Doc(i int) *faultline.Document {
	r := rand.New(rand.NewPCG(s.seed, uint64(i)))
	var b strings.Builder
	for b.Len() < s.size {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s.paras[r.IntN(len(s.paras))])
	}
	b.WriteString("\n")
	text := b.String()
	return &faultline.Document{
		ID:         fmt.Sprintf("synth-%d", i),
		Title:      fmt.Sprintf("Synthetic report %d", i),
		Source:     "faultline bench",
		Text:       text,
		Date:       s.dates[r.IntN(len(s.dates))],
		DateSource: faultline.DateFromMetadata,
		SHA256:     faultline.ContentHash(text),
	}
}

// Docs yields documents 0..n-1, generating each on demand.
func (s *Synth) Docs(n int) iter.Seq[*faultline.Document] {
	return func(yield func(*faultline.Document) bool) {
		for i := 0; i < n; i++ {
			if !yield(s.Doc(i)) {
				return
			}
		}
	}
}

// WriteCorpus writes synthetic documents to dir as JSON Lines files of at most 8 MiB each
// (the format `faultline extract --input jsonl` and `faultline ingest` read) until their
// texts total at least size bytes, and returns the number of documents written.
func (s *Synth) WriteCorpus(dir string, size int64) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var written int64
	n := 0
	for file := 0; written < size; file++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("synth-%04d.jsonl", file)))
		if err != nil {
			return n, err
		}
		enc := json.NewEncoder(f)
		for fileBytes := 0; fileBytes < 8<<20 && written < size; n++ {
			d := s.Doc(n)
			rec := struct {
				ID    string `json:"id"`
				Title string `json:"title"`
				Date  string `json:"date"`
				Text  string `json:"text"`
			}{d.ID, d.Title, d.Date, d.Text}
			if err := enc.Encode(rec); err != nil {
				f.Close()
				return n, err
			}
			fileBytes += len(d.Text)
			written += int64(len(d.Text))
		}
		if err := f.Close(); err != nil {
			return n, err
		}
	}
	return n, nil
}

// Counter is an nlp.Annotator that counts the tokens of the documents it sees; append it to
// a pipeline's annotators to measure tokens per second. It is safe for concurrent use.
type Counter struct {
	tokens atomic.Int64
	docs   atomic.Int64
}

// Annotate implements nlp.Annotator.
func (c *Counter) Annotate(d *nlp.Doc) {
	c.tokens.Add(int64(len(d.Tokens)))
	c.docs.Add(1)
}

// Tokens returns the number of tokens counted.
func (c *Counter) Tokens() int64 { return c.tokens.Load() }

// Docs returns the number of documents counted.
func (c *Counter) Docs() int64 { return c.docs.Load() }

// Count adds c to the annotators of each pipeline.
func (c *Counter) Count(pipes ...*extract.Pipeline) {
	for _, p := range pipes {
		p.Annotators = append(p.Annotators[:len(p.Annotators):len(p.Annotators)], c)
	}
}
