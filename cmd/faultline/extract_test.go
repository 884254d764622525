package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/event"
	"github.com/faultline/faultline/extract/tie"
	"github.com/faultline/faultline/extract/timex"
	"github.com/faultline/faultline/nlp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// gazetteer is a test annotator: it marks fixed names as entities, so the golden output
// does not move when the statistical models are retrained.
type gazetteer map[string]string

func (g gazetteer) Annotate(d *nlp.Doc) {
	for name, typ := range g {
		for off := 0; ; {
			i := strings.Index(d.Text[off:], name)
			if i < 0 {
				break
			}
			d.Entities = append(d.Entities, nlp.Span{Start: off + i, End: off + i + len(name), Label: typ})
			off += i + len(name)
		}
	}
}

func fixedPipeline() (*extract.Pipeline, error) {
	g := gazetteer{"José Ramírez": "PERSON", "Ramírez": "PERSON", "Liberty Front": "ORG", "Ostravan": "NORP",
		"Velika": "GPE", "Norland": "GPE", "Ostrava": "GPE", "Élodie Marchand": "PERSON"}
	return &extract.Pipeline{Annotators: []nlp.Annotator{g},
		Components: []extract.Component{timex.New(), event.New(), tie.New()}}, nil
}

func runCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetErr(&errb)
	rootCmd.SetArgs(args)
	err := rootCmd.Execute()
	rootCmd.SetArgs(nil)
	extractCmd.Flags().Set("input", "text")
	extractCmd.Flags().Set("date", "")
	return out.String(), err
}

// checkSpans walks a decoded JSON value and checks text[start:end] == text for every
// object with start, end and text.
func checkSpans(t *testing.T, text string, v any) int {
	n := 0
	switch x := v.(type) {
	case map[string]any:
		s, ok1 := x["start"].(float64)
		e, ok2 := x["end"].(float64)
		if ok1 && ok2 {
			if s < 0 || e > float64(len(text)) || s > e {
				t.Errorf("span out of range: %v", x)
			} else if tx, ok := x["text"].(string); ok && text[int(s):int(e)] != tx {
				t.Errorf("span [%v,%v) is %q, text says %q", s, e, text[int(s):int(e)], tx)
			}
			n++
		}
		for _, y := range x {
			n += checkSpans(t, text, y)
		}
	case []any:
		for _, y := range x {
			n += checkSpans(t, text, y)
		}
	}
	return n
}

func TestExtractGolden(t *testing.T) {
	old := newPipeline
	newPipeline = fixedPipeline
	defer func() { newPipeline = old }()
	in := filepath.Join("testdata", "extract", "doc.txt")
	got, err := runCmd(t, "extract", "--date", "2009-05-20", in)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(in)
	var v any
	if err := json.Unmarshal([]byte(got), &v); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, got)
	}
	if n := checkSpans(t, string(text), v); n < 10 {
		t.Errorf("only %d spans checked", n)
	}
	golden := filepath.Join("testdata", "extract", "doc.golden.jsonl")
	if *update {
		os.WriteFile(golden, []byte(got), 0o644)
	}
	want, _ := os.ReadFile(golden)
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/faultline -run TestExtractGolden -update):\n%s", golden, got)
	}
}

func TestExtractFailures(t *testing.T) {
	old := newPipeline
	newPipeline = fixedPipeline
	defer func() { newPipeline = old }()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(good, []byte("Norland attacked Ostrava."), 0o644)
	os.WriteFile(bad, []byte{0xff, 0xfe, 0}, 0o644)
	got, err := runCmd(t, "extract", good, bad, filepath.Join(dir, "missing.txt"))
	if e, ok := err.(exitError); !ok || e.code != 1 {
		t.Errorf("err = %v, want exit status 1", err)
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], `"id":"good.txt"`) ||
		!strings.HasPrefix(lines[1], `{"id":"bad.txt","error":`) || !strings.HasPrefix(lines[2], `{"id":"missing.txt","error":`) {
		t.Errorf("got\n%s", got)
	}
	// JSON Lines input: order kept, bad line reported, ids and dates taken.
	jl := filepath.Join(dir, "in.jsonl")
	os.WriteFile(jl, []byte(`{"id":"x","text":"In October Norland attacked Ostrava.","date":"2008-02-01"}`+"\n{oops\n"+`{"id":"y","text":"Hi."}`+"\n"), 0o644)
	got, err = runCmd(t, "extract", "--input", "jsonl", jl)
	lines = strings.Split(strings.TrimSpace(got), "\n")
	if err == nil || len(lines) != 3 || !strings.Contains(lines[0], `"value":"2007-10"`) || !strings.Contains(lines[1], `"error"`) || !strings.Contains(lines[2], `"id":"y"`) {
		t.Errorf("jsonl: err %v, got\n%s", err, got)
	}
}
