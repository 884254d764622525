package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileInputs ingests testdata/hostile — binary, invalid UTF-8, NUL bytes, empty
// files, HTML nested 10,000 deep or never closed, JSON Lines with huge numbers, a 100,000-deep
// array and bad text, a truncated feed, a feed declaring nested entities — plus a 50 MB
// single-line file and a JSON Lines file with a 50 MB line, both generated here. Each bad
// source gets its own clear error naming it and the reason; the good documents of the same
// batch are stored; the exit status is 1.
func TestHostileInputs(t *testing.T) {
	old := newPipeline
	newPipeline = fixedPipeline
	defer func() { newPipeline = old }()

	src, err := filepath.Abs("testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	gen := t.TempDir()
	line := bytes.Repeat([]byte("a"), 50<<20)
	if err := os.WriteFile(filepath.Join(gen, "line50mb.txt"), line, 0o644); err != nil {
		t.Fatal(err)
	}
	jl := append(append([]byte(`{"id":"huge","text":"`), line...), []byte("\"}\n{\"id\":\"after-huge\",\"text\":\"The council met after the long line.\"}\n")...)
	if err := os.WriteFile(filepath.Join(gen, "line50mb.jsonl"), jl, 0o644); err != nil {
		t.Fatal(err)
	}
	line, jl = nil, nil

	db := filepath.Join(t.TempDir(), "f.db")
	out, stderr, err := runIngestCmd(t, "ingest", "--db", db, src, gen)
	if err == nil {
		t.Errorf("ingest of hostile inputs exited 0")
	}
	h := func(name string) string { return filepath.Join(src, name) }
	g := func(name string) string { return filepath.Join(gen, name) }
	for _, want := range []string{
		h("binary.png") + ": binary: NUL byte at offset 8",
		h("bom-only.txt") + ": empty",
		h("empty.txt") + ": empty",
		h("latin1.txt") + ": not UTF-8: invalid byte at offset",
		h("nul.txt") + ": binary: NUL byte at offset 26",
		h("broken.rss") + ": not an RSS or Atom feed",
		h("nested.html") + ": HTML could not be parsed",
		h("unclosed.html") + ": HTML could not be parsed",
		h("numbers.jsonl") + `:1: not a JSON object: field "date" must be a string, not a number`,
		h("numbers.jsonl") + `:2: not a JSON object: field "id" must be a string, not a number`,
		h("numbers.jsonl") + ":3: not a JSON object",
		h("numbers.jsonl") + `:5: field "text": binary: NUL byte`,
		h("numbers.jsonl") + ":6: the line is not UTF-8: invalid byte at offset 28",
		g("line50mb.txt") + ": too large",
		g("line50mb.jsonl") + ":1: line too large",
	} {
		if !strings.Contains(stderr, "faultline: "+want) {
			t.Errorf("no clear error %q in:\n%s", want, stderr)
		}
	}
	if got := strings.Count(stderr, "faultline: "); got != 15 {
		t.Errorf("%d errors, want 15:\n%s", got, stderr)
	}
	if !strings.HasSuffix(strings.TrimSpace(out), "new=3 duplicates=0 failed=15") {
		t.Errorf("summary: %s", lastLine(out))
	}
	// The good documents of the batch were stored, and nothing else.
	m := exportedModel(t, db)
	var ids []string
	for _, d := range m.Documents {
		ids = append(ids, d.ID)
	}
	// Stored: the feed item (its undeclared entities left unexpanded), the good record and
	// the record after the 50 MB line; numbers.jsonl:6, with bytes that are not UTF-8 inside a
	// JSON string, is refused rather than stored with U+FFFD.
	if len(ids) != 3 || ids[1] != "ok" || ids[2] != "after-huge" {
		t.Errorf("stored documents: %v", ids)
	}
	for _, d := range m.Documents {
		if len(d.Title) > 1000 {
			t.Errorf("%s: entity expansion reached the title (%d bytes)", d.ID, len(d.Title))
		}
	}
}
