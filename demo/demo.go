// Package demo holds faultline's bundled demo corpus: short news-style articles on the Iraq
// of 2004-2008 (the Mahdi Army and Moqtada al-Sadr, SCIRI/ISCI and the Badr Organization,
// Nouri al-Maliki's governments, Iran and its Quds Force, the United States and Britain, the
// Sunni Awakening, Al Qaeda in Iraq, the Kurds), written for faultline and licensed with it.
// The outlets are fictional; the facts come from public reporting (see LICENSE-NOTE.md).
//
// The articles are data files in corpus/ (one .txt a document) with their metadata in
// corpus/index.jsonl, embedded in the binary. `faultline demo` ingests them.
package demo

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/faultline/faultline"
)

//go:embed corpus/index.jsonl corpus/*.txt
var files embed.FS

// entry is one line of corpus/index.jsonl.
type entry struct {
	ID     string `json:"id"`
	File   string `json:"file"`
	Title  string `json:"title"`
	Source string `json:"source"`
	Date   string `json:"date"`
}

var (
	once sync.Once
	docs []*faultline.Document
	err  error
)

// Documents returns the demo corpus in index order, each document with a stable id
// ("demo-01" …), title, fictional source, publication date (DateSource "metadata") and the
// SHA-256 of its text. The slice and documents are fresh copies: callers may modify them.
func Documents() []*faultline.Document {
	once.Do(func() { docs, err = load() })
	if err != nil {
		// The corpus is embedded and checked by the package tests: a failure is a build bug.
		panic(err)
	}
	out := make([]*faultline.Document, len(docs))
	for i, d := range docs {
		c := *d
		out[i] = &c
	}
	return out
}

func load() ([]*faultline.Document, error) {
	index, err := files.ReadFile("corpus/index.jsonl")
	if err != nil {
		return nil, err
	}
	var out []*faultline.Document
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(index))
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var e entry
		if err := json.Unmarshal(line, &e); err != nil {
			return nil, fmt.Errorf("demo: corpus/index.jsonl:%d: %w", n, err)
		}
		if e.ID == "" || seen[e.ID] {
			return nil, fmt.Errorf("demo: corpus/index.jsonl:%d: missing or repeated id %q", n, e.ID)
		}
		seen[e.ID] = true
		text, err := files.ReadFile("corpus/" + e.File)
		if err != nil {
			return nil, fmt.Errorf("demo: corpus/index.jsonl:%d: %w", n, err)
		}
		out = append(out, &faultline.Document{
			ID:         e.ID,
			Title:      e.Title,
			Source:     e.Source,
			Text:       string(text),
			Date:       e.Date,
			DateSource: faultline.DateFromMetadata,
			SHA256:     faultline.ContentHash(string(text)),
		})
	}
	return out, sc.Err()
}
