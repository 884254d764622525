package bench

import (
	"archive/zip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/internal/sharedtest"
	"github.com/faultline/faultline/pipeline"
)

// GMB news text: the sentences of the GMB NER set (Voice of America news), 25 to a document,
// as bench/peers/gmb_text.py writes them for speed.sh. Its vocabulary keeps growing, unlike
// the synthetic corpus's, so word caches hit less: it measures the speed on new text.
const (
	gmbSentencesPerDoc = 25
	gmbDocCount        = 1337 // the documents of gmb_text.py's default 4 MiB
)

var (
	gmbSpaceBefore = regexp.MustCompile(` ([.,;:!?%)])`)
	gmbSpaceAfter  = regexp.MustCompile(`([($]) `)
)

// gmbDetok joins a sentence's words as gmb_text.py's detok does.
func gmbDetok(words []string) string {
	s := strings.Join(words, " ")
	s = gmbSpaceBefore.ReplaceAllString(s, "$1")
	s = gmbSpaceAfter.ReplaceAllString(s, "$1")
	return strings.ReplaceAll(s, " 's", "'s")
}

// gmbDocs returns the documents gmb_text.py writes by default (ids "gmb-N", no date), or
// skips tb when ../shared is absent.
func gmbDocs(tb testing.TB) []*faultline.Document {
	tb.Helper()
	path := filepath.Join(sharedtest.Dir(tb, "corpora/gmb/ner_dataset.csv.zip"), "corpora/gmb/ner_dataset.csv.zip")
	z, err := zip.OpenReader(path)
	if err != nil {
		tb.Skip("../shared's GMB set not readable: ", err)
	}
	defer z.Close()
	f, err := z.File[0].Open()
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	var sents [][]string
	for i := 0; ; i++ {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		if i == 0 || len(row) < 2 {
			continue // the header
		}
		if strings.HasPrefix(row[0], "Sentence") || len(sents) == 0 {
			sents = append(sents, nil)
		}
		sents[len(sents)-1] = append(sents[len(sents)-1], latin1(row[1]))
	}
	var docs []*faultline.Document
	for i := 0; i < len(sents) && len(docs) < gmbDocCount; i += gmbSentencesPerDoc {
		parts := make([]string, 0, gmbSentencesPerDoc)
		for _, s := range sents[i:min(i+gmbSentencesPerDoc, len(sents))] {
			parts = append(parts, gmbDetok(s))
		}
		docs = append(docs, &faultline.Document{ID: fmt.Sprintf("gmb-%d", len(docs)), Text: strings.Join(parts, " ")})
	}
	return docs
}

// latin1 decodes the GMB file's Latin-1 bytes.
func latin1(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// BenchmarkExtractGMB extracts GMB news text on one core, one 25-sentence document per
// iteration (cycling through the 1,337 documents of speed.sh's corpus), and reports tokens
// per second and per CPU second. -benchtime 1337x extracts the corpus once, as
// `faultline bench --corpus` does on gmb_text.py's output.
func BenchmarkExtractGMB(b *testing.B) {
	docs := gmbDocs(b)
	benchExtract(b, pipeline.Options{}, func(yield func(*faultline.Document) bool) {
		for i := 0; i < b.N; i++ {
			if !yield(docs[i%len(docs)]) {
				return
			}
		}
	})
}

// TestGMBDocs checks the GMB documents against the JSON Lines file gmb_text.py wrote when
// $FAULTLINE_GMB names it (e.g. /tmp/gmbt/gmb.jsonl), so the benchmark and speed.sh measure
// the same text; without it, it only checks their number.
func TestGMBDocs(t *testing.T) {
	docs := gmbDocs(t)
	if len(docs) != gmbDocCount {
		t.Fatalf("%d GMB documents, want %d", len(docs), gmbDocCount)
	}
	path := os.Getenv("FAULTLINE_GMB")
	if path == "" {
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	for i := 0; ; i++ {
		var rec struct{ ID, Text string }
		if err := dec.Decode(&rec); err == io.EOF {
			if i != len(docs) {
				t.Errorf("%s has %d documents, want %d", path, i, len(docs))
			}
			return
		} else if err != nil {
			t.Fatal(err)
		}
		if i >= len(docs) || rec.ID != docs[i].ID || rec.Text != docs[i].Text {
			t.Fatalf("document %d (%s) differs from %s's", i, rec.ID, path)
		}
	}
}
