package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/contractcheck"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/sqlite"
)

// runIngestCmd runs a command in-process with every ingest/export flag given, since cobra
// keeps flag values between runs, and returns stdout, stderr and the error.
func runIngestCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetErr(&errb)
	rootCmd.SetArgs(args)
	err := rootCmd.ExecuteContext(context.Background())
	rootCmd.SetOut(nil)
	rootCmd.SetErr(nil)
	rootCmd.SetArgs(nil)
	ingestCmd.Flags().Set("input", "auto")
	ingestCmd.Flags().Set("workers", "0")
	ingestCmd.Flags().Set("no-dedup", "false")
	exportCmd.Flags().Set("format", "json")
	return out.String(), errb.String(), err
}

// corpus writes a small mixed corpus into a directory and returns it.
func corpus(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "José Ramírez, leader of the Liberty Front, met officials in Velika on March 3, 2008. Ramírez said the talks were useful.",
		"b.html": `<html><head><title>Norland accuses Ostrava</title><meta property="article:published_time" content="2008-04-01"></head>
<body><article><p>Norland accused Ostrava of arming the Liberty Front. Élodie Marchand, the Norland minister, said: "This must stop."</p></article></body></html>`,
		"c.jsonl": `{"id":"rec-1","text":"The Liberty Front attacked a convoy near Ostrava in 2007.","date":"2007-06-01","source":"Wire"}
{"id":"rec-2","text":"José Ramírez, leader of the Liberty Front, met officials in Velika on March 3, 2008. Ramírez said the talks were useful."}
not json`,
		"d.bin": "\x00\x01binary",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIngestAndExport(t *testing.T) {
	old := newPipeline
	newPipeline = fixedPipeline
	defer func() { newPipeline = old }()
	dir := corpus(t)
	db := filepath.Join(t.TempDir(), "f.db")

	out, stderr, err := runIngestCmd(t, "ingest", "--db", db, dir)
	if e, ok := err.(exitError); !ok || e.code != 1 {
		t.Fatalf("ingest with a bad file: error %v, want exit status 1\n%s%s", err, out, stderr)
	}
	// a.txt, b.html, rec-1 are new; rec-2 repeats a.txt; line 3 and d.bin fail.
	if got, want := lastLine(out), "ingest docs=6 new=3 duplicates=1 failed=2"; got != want {
		t.Errorf("last line %q, want %q", got, want)
	}
	for _, want := range []string{"faultline: " + filepath.Join(dir, "c.jsonl") + ":3: not a JSON object", "faultline: " + filepath.Join(dir, "d.bin") + ": binary"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "\r") {
		t.Errorf("progress bar drawn on a non-terminal: %q", stderr)
	}

	// Again: nothing new, nothing changes.
	out, _, _ = runIngestCmd(t, "ingest", "--db", db, "--workers", "1", dir)
	if got, want := lastLine(out), "ingest docs=6 new=0 duplicates=4 failed=2"; got != want {
		t.Errorf("re-ingest last line %q, want %q", got, want)
	}

	out, stderr, err = runIngestCmd(t, "export", "--db", db, "--format", "json")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	var m faultline.Model
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("export json: %v\n%s", err, out)
	}
	var ids []string
	for _, d := range m.Documents {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, " "); got != "a.txt b.html rec-1" {
		t.Errorf("exported documents %q", got)
	}
	if len(m.Actors) == 0 {
		t.Errorf("no actors in the exported model")
	}
	for _, k := range []string{`"documents"`, `"actors"`, `"ties"`, `"events"`, `"quotes"`, `"figures"`, `"paradoxes"`} {
		if !strings.Contains(out, k+": [") {
			t.Errorf("export json lacks %s as an array", k)
		}
	}
	checkExportedModel(t, db, &m)

	for _, f := range []string{"graphml", "gexf"} {
		out, _, err := runIngestCmd(t, "export", "--db", db, "--format", f)
		if err != nil {
			t.Fatalf("export %s: %v", f, err)
		}
		if err := xml.Unmarshal([]byte(out), new(struct{})); err != nil || !strings.Contains(out, "<"+f) {
			t.Errorf("export %s: not %s XML (%v)", f, f, err)
		}
	}
	out, _, err = runIngestCmd(t, "export", "--db", db, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if rows, err := csv.NewReader(strings.NewReader(out)).ReadAll(); err != nil || len(rows) != len(m.Events)+1 {
		t.Errorf("export csv: %d rows for %d events (%v)", len(rows), len(m.Events), err)
	}
	if _, _, err := runIngestCmd(t, "export", "--db", db, "--format", "pdf"); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("export --format pdf: %v", err)
	}
}

// checkExportedModel checks every offset of an exported model against the stored texts.
func checkExportedModel(t *testing.T, db string, m *faultline.Model) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	texts := map[string]string{}
	for _, d := range m.Documents {
		doc, err := st.Document(context.Background(), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		texts[d.ID] = doc.Text
		ext, err := st.Extraction(context.Background(), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, err := range contractcheck.Extraction(doc.Text, ext) {
			t.Errorf("stored extraction of %s: %v", d.ID, err)
		}
	}
	for _, err := range contractcheck.Model(m, texts) {
		t.Errorf("exported model: %v", err)
	}
}

// TestIngestDeterministic ingests the same corpus with one worker in one batch and with four
// workers in batches of two: the exported models are byte for byte the same.
func TestIngestDeterministic(t *testing.T) {
	old := newPipeline
	newPipeline = fixedPipeline
	defer func() { newPipeline = old }()
	dir := corpus(t)
	var exports []string
	defer func(b int) { ingestBatch = b }(ingestBatch)
	for i, w := range []string{"1", "4"} {
		ingestBatch = []int{256, 2}[i] // the second run stores in batches of two
		db := filepath.Join(t.TempDir(), "f.db")
		runIngestCmd(t, "ingest", "--db", db, "--workers", w, dir)
		out, _, err := runIngestCmd(t, "export", "--db", db, "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		exports = append(exports, out)
	}
	if exports[0] != exports[1] {
		t.Errorf("exports differ between 1 and 4 workers:\n%s\n---\n%s", exports[0], exports[1])
	}
}

// panicky is a component that panics on documents mentioning PANIC.
type panicky struct{}

func (panicky) Extract(in *extract.Input) {
	if strings.Contains(in.Doc.Text, "PANIC") {
		panic("component failed")
	}
}

// TestIngestFailureChangesNothing: a document whose extraction fails is reported, the others
// are stored, and what was stored before is untouched.
func TestIngestFailureChangesNothing(t *testing.T) {
	old := newPipeline
	newPipeline = func() (*extract.Pipeline, error) {
		p, err := fixedPipeline()
		p.Components = append(p.Components, panicky{})
		return p, err
	}
	defer func() { newPipeline = old }()
	dir := corpus(t)
	db := filepath.Join(t.TempDir(), "f.db")
	runIngestCmd(t, "ingest", "--db", db, filepath.Join(dir, "a.txt"))
	before, _, _ := runIngestCmd(t, "export", "--db", db, "--format", "json")

	p := filepath.Join(dir, "p.txt")
	os.WriteFile(p, []byte("PANIC in Velika."), 0o644)
	out, stderr, err := runIngestCmd(t, "ingest", "--db", db, p, filepath.Join(dir, "a.txt"))
	if err == nil || lastLine(out) != "ingest docs=2 new=0 duplicates=1 failed=1" || !strings.Contains(stderr, p+": extraction failed") {
		t.Fatalf("ingest with a failing document: %v\n%s%s", err, out, stderr)
	}
	after, _, _ := runIngestCmd(t, "export", "--db", db, "--format", "json")
	if before != after {
		t.Errorf("a failed document changed the stored model")
	}
}

func TestIngestErrors(t *testing.T) {
	if _, _, err := runIngestCmd(t, "ingest", "--db", filepath.Join(t.TempDir(), "f.db"), "--input", "pdf", "x"); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("--input pdf: %v", err)
	}
	if _, _, err := runIngestCmd(t, "ingest", "--db", filepath.Join(t.TempDir(), "no", "such", "dir.db"), "x"); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("bad --db: %v", err)
	}
}

// TestIngestNearDuplicates: wire copies, in the same run or a later one, are stored with
// duplicate_of pointing at the original; --no-dedup stores them as originals.
func TestIngestNearDuplicates(t *testing.T) {
	old := newPipeline
	newPipeline = fixedPipeline
	defer func() { newPipeline = old }()
	docs := demo.Documents()
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		return p
	}
	orig := write("1-orig.txt", docs[0].Text)
	other := write("2-other.txt", docs[1].Text)
	copy1 := write("3-copy.txt", "WIRE COPY\n\n"+docs[0].Text)
	words := strings.Fields(docs[0].Text)
	copy2 := write("4-cut.txt", strings.Join(words[:len(words)*7/10], " "))

	db := filepath.Join(t.TempDir(), "f.db")
	out, stderr, err := runIngestCmd(t, "ingest", "--db", db, orig, other, copy1)
	if err != nil || lastLine(out) != "ingest docs=3 new=3 duplicates=0 failed=0" || !strings.Contains(out, "1 of them near-duplicates") {
		t.Fatalf("ingest: %v\n%s%s", err, out, stderr)
	}
	runIngestCmd(t, "ingest", "--db", db, copy2)
	js, _, _ := runIngestCmd(t, "export", "--db", db)
	var m faultline.Model
	json.Unmarshal([]byte(js), &m)
	got := map[string]string{}
	for _, d := range m.Documents {
		got[d.ID] = d.DuplicateOf
	}
	want := map[string]string{"1-orig.txt": "", "2-other.txt": "", "3-copy.txt": "1-orig.txt", "4-cut.txt": "1-orig.txt"}
	for id, w := range want {
		if g, ok := got[id]; !ok || g != w {
			t.Errorf("%s: duplicate_of %q, want %q (%v)", id, g, w, got)
		}
	}

	db2 := filepath.Join(t.TempDir(), "f.db")
	runIngestCmd(t, "ingest", "--db", db2, "--no-dedup", orig, copy1)
	js, _, _ = runIngestCmd(t, "export", "--db", db2)
	if strings.Contains(js, "duplicate_of") {
		t.Errorf("--no-dedup marked duplicates")
	}
}
