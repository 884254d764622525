package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/pipeline"
	"github.com/spf13/cobra"
)

// extractCmd is `faultline extract`: one document in, its facts out (CONTRACT.md §1).
var extractCmd = &cobra.Command{
	Use:   "extract [--input text|jsonl] [--date YYYY-MM-DD] [FILE ...]",
	Short: "Extract the facts of documents as JSON Lines (no FILE: stdin)",
	Long: `extract runs the extraction pipeline over documents and prints one JSON object per
document on stdout, in input order: sentences, entities, timexes, events, ties, quotes and
figures, every offset a byte offset into the text as given. With --input text (the default)
each FILE is one document whose id is its file name; with --input jsonl each line is
{"id": ..., "text": ..., "date": "YYYY-MM-DD", "title": ...}. A document that fails yields
{"id": ..., "error": ...} and the run goes on; the exit status is then 1.

Unless GOMEMLIMIT is set, once the first batch is done the Go heap gets a soft limit of its
live size then (mostly the models) + 160 MiB and the collector runs only at that limit, so
that a long run's resident memory stays near what loading takes instead of growing to twice
the live heap (faultline bench measures with the same policy).`,
	RunE: runExtract,
}

func init() {
	extractCmd.Flags().String("input", "text", "input format: text or jsonl")
	extractCmd.Flags().String("date", "", "publication date (YYYY-MM-DD) of documents that give none")
	rootCmd.AddCommand(extractCmd)
}

// newPipeline builds the extraction pipeline; tests replace it with a fixed one.
var newPipeline = pipeline.New

var dateRE = regexp.MustCompile(`^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`)

// failure is the line printed for a document that could not be processed.
type failure struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

func runExtract(cmd *cobra.Command, args []string) error {
	input, _ := cmd.Flags().GetString("input")
	date, _ := cmd.Flags().GetString("date")
	if input != "text" && input != "jsonl" {
		return fmt.Errorf("--input %q: want text or jsonl", input)
	}
	if date != "" && !dateRE.MatchString(date) {
		return fmt.Errorf("--date %q: want YYYY-MM-DD", date)
	}
	p, err := newPipeline()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(cmd.OutOrStdout())
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	write := func(doc *faultline.Document, out *faultline.Extraction, derr error) {
		if derr == nil {
			out.EmptyLists()
			enc.Encode(out)
			return
		}
		failed++
		fmt.Fprintf(cmd.ErrOrStderr(), "faultline extract: %s: %v\n", doc.ID, derr)
		msg := derr.Error()
		if faultline.ErrorCode(derr) != faultline.EINTERNAL {
			msg = faultline.ErrorMessage(derr)
		}
		enc.Encode(failure{ID: doc.ID, Error: msg})
	}
	// Documents are extracted in batches (pipeline.Batch), stage by stage, which is faster
	// per token than one at a time; the output keeps the input order.
	type pending struct {
		doc *faultline.Document
		err error // the document could not be read
	}
	var batch []pending
	var docs []*faultline.Document
	limited, restoreLimit := false, func() {} // limitHeap's, once the first batch is done
	defer func() { restoreLimit() }()
	size := 0
	flush := func() {
		docs = docs[:0]
		for _, b := range batch {
			if b.err == nil {
				b.doc.SHA256 = faultline.ContentHash(b.doc.Text)
				docs = append(docs, b.doc)
			}
		}
		exts, errs := p.ExtractBatch(docs)
		k := 0
		for _, b := range batch {
			if b.err != nil {
				write(b.doc, nil, b.err)
				continue
			}
			write(b.doc, exts[k], errs[k])
			k++
		}
		batch, size = batch[:0], 0
		if !limited && os.Getenv("GOMEMLIMIT") == "" {
			limited = true
			restoreLimit, _ = limitHeap()
		}
	}
	emit := func(doc *faultline.Document, derr error) {
		batch = append(batch, pending{doc, derr})
		size += len(doc.Text)
		if pipeline.Batch(len(batch), size) {
			flush()
		}
	}
	var sources []string
	if len(args) == 0 {
		sources = []string{"-"}
	} else {
		sources = args
	}
	for _, src := range sources {
		var r io.Reader
		id := filepath.Base(src)
		if src == "-" {
			r, id = cmd.InOrStdin(), "stdin"
		} else {
			f, err := os.Open(src)
			if err != nil {
				emit(&faultline.Document{ID: id}, faultline.Errorf(faultline.EINVALID, "cannot read %s: %v", src, unwrapPath(err)))
				continue
			}
			defer f.Close()
			r = f
		}
		if input == "text" {
			b, err := io.ReadAll(r)
			if err != nil {
				emit(&faultline.Document{ID: id}, faultline.Errorf(faultline.EINVALID, "cannot read %s: %v", src, err))
				continue
			}
			doc := &faultline.Document{ID: id, Text: string(b), Date: date}
			emit(doc, check(b))
			continue
		}
		br := bufio.NewReader(r)
		for n := 1; ; n++ {
			line, err := br.ReadBytes('\n')
			if len(bytes.TrimSpace(line)) > 0 {
				doc, derr := parseLine(line, n, date)
				emit(doc, derr)
			}
			if err == io.EOF {
				break
			} else if err != nil {
				emit(&faultline.Document{ID: fmt.Sprintf("%s:%d", id, n)}, faultline.Errorf(faultline.EINVALID, "read: %v", err))
				break
			}
		}
	}
	flush()
	if err := w.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return exitError{code: 1}
	}
	return nil
}

// check rejects text that is not UTF-8 or looks binary.
func check(b []byte) error {
	if !utf8.Valid(b) {
		return faultline.Errorf(faultline.EINVALID, "text is not valid UTF-8")
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return faultline.Errorf(faultline.EINVALID, "text contains NUL bytes (binary file?)")
	}
	return nil
}

// parseLine reads one JSON Lines document.
func parseLine(line []byte, n int, date string) (*faultline.Document, error) {
	var in struct {
		ID    *string `json:"id"`
		Text  *string `json:"text"`
		Date  string  `json:"date"`
		Title string  `json:"title"`
	}
	doc := &faultline.Document{ID: fmt.Sprintf("line-%d", n)}
	if err := json.Unmarshal(line, &in); err != nil {
		return doc, faultline.Errorf(faultline.EINVALID, "line %d: invalid JSON: %v", n, err)
	}
	if in.ID != nil && *in.ID != "" {
		doc.ID = *in.ID
	}
	if in.Text == nil {
		return doc, faultline.Errorf(faultline.EINVALID, "line %d: no \"text\"", n)
	}
	doc.Text, doc.Title, doc.Date = *in.Text, in.Title, in.Date
	if doc.Date == "" {
		doc.Date = date
	} else if !dateRE.MatchString(doc.Date) {
		return doc, faultline.Errorf(faultline.EINVALID, "line %d: date %q: want YYYY-MM-DD", n, doc.Date)
	}
	if in.ID == nil || *in.ID == "" {
		doc.ID = faultline.ContentID(doc.Text)
	}
	return doc, check([]byte(doc.Text))
}

// unwrapPath drops the path from an *os.PathError, which the message already names.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
