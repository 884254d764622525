package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
)

// decodeJSON is decodeRecord's decoding by encoding/json alone, the reference of decodeFast.
func decodeJSON(line []byte) (Record, error) {
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return rec, err
	}
	if dec.More() {
		return rec, errors.New("more")
	}
	return rec, nil
}

// checkFast fails when decodeFast accepts line but encoding/json decodes it otherwise.
func checkFast(t *testing.T, line []byte) (ok bool) {
	t.Helper()
	if !utf8.Valid(line) {
		return false // decodeRecord refuses such lines before decodeFast
	}
	got, ok := decodeFast(line)
	if !ok {
		return false
	}
	want, err := decodeJSON(line)
	if err != nil {
		t.Fatalf("decodeFast(%q) = %+v, but encoding/json fails: %v", line, got, err)
	}
	if got != want {
		t.Fatalf("decodeFast(%q) = %+v, encoding/json %+v", line, got, want)
	}
	return true
}

func TestDecodeFast(t *testing.T) {
	for _, tc := range []struct {
		line string
		ok   bool
	}{
		{`{"id":"a","text":"Plain text.","date":"2007-01-02","title":"T","source":"S","url":"https://x.example/"}`, true},
		{` { "text" : "tabs\tand\nlines" , "id":"x" } `, true},
		{`{}`, true},
		{`{"text":"\"quoted\" \\ \/ \b\f\n\r\t \u00e9 \u20AC \u0000"}`, true},
		{`{"text":"a","text":"b"}`, true},          // the last wins, as in encoding/json
		{`{"text":"a","lang":"en","":"x"}`, true},  // unknown keys are skipped
		{`{"text":"caf\u00e9 — “curly” ✓"}`, true}, // UTF-8 as is
		{`{"Text":"a"}`, false},                    // case-folded key: encoding/json's matching
		{`{"te\u0078t":"a"}`, false},               // escaped key
		{`{"text":"\ud83d\ude00"}`, false},         // surrogate pair
		{`{"text":"\ud800"}`, false},               // lone surrogate
		{`{"text":null}`, false},                   // not a string
		{`{"text":1}`, false},                      // not a string
		{`{"text":"a","n":{"x":"y"}}`, false},      // nested value
		{`{"text":"a"}}`, false},                   // trailing bytes
		{`{"text":"a"} {"text":"b"}`, false},       // two values
		{`{"text":"a",}`, false},                   // syntax error
		{`{"text":"a\x"}`, false},                  // bad escape
		{`{"text":"a\u12"}`, false},                // short escape
		{"{\"text\":\"a\x01\"}", false},            // control character
		{`{"text":"a"`, false},                     // unterminated
		{`{"text" "a"}`, false},                    // no colon
		{`["text"]`, false},                        // not an object
		{`{"ſource":"a"}`, false},                  // not ASCII: may fold (long s)
	} {
		ok := checkFast(t, []byte(tc.line))
		if ok != tc.ok {
			t.Errorf("decodeFast(%s): ok %v, want %v", tc.line, ok, tc.ok)
		}
	}
}

// FuzzDecodeFast checks that decodeFast decodes every line it accepts as encoding/json does.
func FuzzDecodeFast(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"b\n\"c\"\u00e9","date":"2007"}`, `{"text":"a","x":"y"}`, `{"TEXT":"a"}`,
		`{"text":"\ud83d\ude00"}`, `{ }`, `{"text":"a"}}`, `{"url":"\/\/"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkFast(t, b) })
}

// TestDecodeFastLinear checks that a line of many escaped strings, as a hostile source may
// send, costs memory in proportion to its length, not to its square.
func TestDecodeFastLinear(t *testing.T) {
	line := []byte(`{"text":"x",` + strings.Repeat(`"a":"\n",`, 10000) + `"id":"y"}`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, ok := decodeFast(line)
	runtime.ReadMemStats(&after)
	if !ok {
		t.Fatal("not decoded")
	}
	if got, max := after.TotalAlloc-before.TotalAlloc, 20*uint64(len(line)); got > max {
		t.Errorf("decoding a line of %d bytes allocated %d bytes, want at most %d", len(line), got, max)
	}
}

// parseRecordRef is parseRecord before decodeFast and before it skipped the content id and
// the date inference of records that give an id and a date, kept to check that the
// documents are the same.
func parseRecordRef(line []byte) (*faultline.Document, error) {
	var rec Record
	line = bytes.TrimPrefix(bytes.TrimSpace(line), bom)
	if err := checkUTF8(line); err != nil {
		return nil, fmt.Errorf("the line is %v", err)
	}
	if len(line) > 0 && line[0] == '[' {
		return nil, errors.New("a JSON array: want one JSON object per line (JSON Lines)")
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", jsonErr(err))
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value on the line")
	}
	if rec.File != "" {
		if rec.Text != "" {
			return nil, errors.New(`fields "text" and "file" both given: want one`)
		}
		_, err := readNamed("", rec.File, 0)
		return nil, fmt.Errorf("field \"file\": %v", err)
	}
	if err := CheckText([]byte(rec.Text)); err != nil {
		return nil, fmt.Errorf("field \"text\": %v", err)
	}
	text := strings.TrimPrefix(rec.Text, string(bom))
	doc := newDocument(text, "", "")
	if id := strings.TrimSpace(rec.ID); id != "" {
		doc.ID = id
	}
	doc.Title, doc.Source, doc.URL = strings.TrimSpace(rec.Title), strings.TrimSpace(rec.Source), strings.TrimSpace(rec.URL)
	if rec.Date != "" {
		d, ok := NormalizeDate(rec.Date)
		if !ok {
			return nil, fmt.Errorf("field \"date\": %q is not a date (want YYYY-MM-DD)", rec.Date)
		}
		doc.Date, doc.DateSource = d, faultline.DateFromMetadata
	}
	return doc, nil
}

// checkRecord fails when ParseRecord's document or error differs from parseRecordRef's.
func checkRecord(t *testing.T, line []byte) {
	t.Helper()
	got, gerr := ParseRecord(line)
	want, werr := parseRecordRef(line)
	if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseRecord(%q) = %+v, %v; want %+v, %v", line, got, gerr, want, werr)
	}
}

// TestParseRecordRef parses records of every shape, the demo articles among them, as
// parseRecordRef does.
func TestParseRecordRef(t *testing.T) {
	lines := []string{
		`{"text":"In 2006 the Badr Corps joined the police."}`,
		`{"id":" r1 ","text":"\ufeffBAGHDAD, March 3, 2008 — a report.","date":"2007-02-11","title":" T ","source":"S","url":"u"}`,
		`{"id":"r2","text":"No date here."}`,
		`{"text":"Given no id.","date":"March 3, 2008"}`,
		`{"id":"r4","text":"Fine text.","date":"soon"}`,
		`{"id":"r3","text":""}`,
		`{"id":"r3","text":"a\u0000b"}`,
		`{"text":"a","file":"b"}`,
		`{"file":"b"}`,
		`{"TEXT":"Folded key, dated 2005.","Date":"2006-01"}`,
		`not json`, `[1,2]`, `{"text":1}`, `{"text":"a"} {"text":"b"}`, ``,
	}
	for _, d := range demo.Documents() {
		b, err := json.Marshal(map[string]string{"id": d.ID, "text": d.Text, "date": d.Date, "title": d.Title})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
		b, _ = json.Marshal(map[string]string{"text": d.Text})
		lines = append(lines, string(b))
	}
	for _, l := range lines {
		checkRecord(t, []byte(l))
	}
}

// FuzzParseRecordRef checks ParseRecord against parseRecordRef on any line.
func FuzzParseRecordRef(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"BAGHDAD, Aug. 28, 2006 — in 2005","date":"2007"}`,
		`{"text":"in 2005","date":"x"}`, `{"text":"a","file":"b"}`, `{"Text":"March 2006"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkRecord(t, b) })
}

// BenchmarkReadJSONL reads a JSON Lines file of the demo articles (each line as
// `faultline bench --write-corpus` writes it: id, title, date, text) through a Reader.
func BenchmarkReadJSONL(b *testing.B) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	n := 0
	for buf.Len() < 4<<20 {
		for _, d := range demo.Documents() {
			rec := struct {
				ID    string `json:"id"`
				Title string `json:"title"`
				Date  string `json:"date"`
				Text  string `json:"text"`
			}{fmt.Sprint(d.ID, "-", n), d.Title, d.Date, d.Text}
			if err := enc.Encode(rec); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	p := filepath.Join(b.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	r, err := NewReader(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	docs := 0
	for i := 0; i < b.N; i++ {
		err := r.Each(context.Background(), []string{p}, func(it Item) error {
			if it.Err != nil {
				return it.Err
			}
			docs++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(docs), "µs/doc")
}
