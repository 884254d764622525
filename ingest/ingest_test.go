package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faultline/faultline"
)

func readAll(t *testing.T, opts Options, sources ...string) []Item {
	t.Helper()
	items, err := Read(context.Background(), sources, opts)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// checkDoc checks the invariants every document must keep.
func checkDoc(t *testing.T, d *faultline.Document) {
	t.Helper()
	if d.ID == "" || d.Text == "" || d.SHA256 != faultline.ContentHash(d.Text) {
		t.Errorf("document %q: id, text or hash missing (%+v)", d.ID, d)
	}
	switch d.DateSource {
	case faultline.DateFromMetadata, faultline.DateFromText:
		if d.Date == "" {
			t.Errorf("document %q: date source %s without date", d.ID, d.DateSource)
		}
	case faultline.DateUnknown:
		if d.Date != "" {
			t.Errorf("document %q: date %s with source unknown", d.ID, d.Date)
		}
	default:
		t.Errorf("document %q: date source %q", d.ID, d.DateSource)
	}
}

func TestHTML(t *testing.T) {
	for _, tc := range []struct {
		file, title, source, url, date, dateSource string
		has, hasNot                                []string
	}{
		{"article.html", "Militias clash in Basra", "The Daily Example", "https://example.org/2008/03/basra", "2008-03-25", "metadata",
			[]string{"Fighters loyal to the cleric Moqtada al-Sadr clashed", "\u201cthe government is nowhere,\u201d", "at least 40 people were killed."},
			[]string{"do not include me", "color: red", "Copyright"}},
		{"jsonld.html", "A report", "", "", "2007-09-13", "metadata", []string{"Abdul Sattar Abu Risha"}, nil},
		{"time.html", "", "", "", "2006-02-22", "metadata", []string{"Askariya shrine"}, nil},
	} {
		items := readAll(t, Options{}, filepath.Join("testdata", tc.file))
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%s: %+v", tc.file, items)
		}
		d := items[0].Doc
		checkDoc(t, d)
		if d.ID != tc.file || d.Title != tc.title || d.Source != tc.source || d.URL != tc.url || d.Date != tc.date || d.DateSource != tc.dateSource {
			t.Errorf("%s: got id=%q title=%q source=%q url=%q date=%q (%s)", tc.file, d.ID, d.Title, d.Source, d.URL, d.Date, d.DateSource)
		}
		for _, s := range tc.has {
			if !strings.Contains(d.Text, s) {
				t.Errorf("%s: text lacks %q:\n%s", tc.file, s, d.Text)
			}
		}
		for _, s := range tc.hasNot {
			if strings.Contains(d.Text, s) {
				t.Errorf("%s: text has %q:\n%s", tc.file, s, d.Text)
			}
		}
		if strings.Contains(d.Text, "  ") || strings.Contains(d.Text, "\n\n\n") {
			t.Errorf("%s: whitespace not collapsed: %q", tc.file, d.Text)
		}
	}
}

func TestHTMLCharset(t *testing.T) {
	items := readAll(t, Options{}, "testdata/latin1.html", "testdata/undeclared.html")
	if it := items[0]; it.Err != nil || it.Doc.Title != "Café" || !strings.Contains(it.Doc.Text, "Le café de Bagdad a été détruit en 2007") {
		t.Errorf("latin1 page: %+v", it)
	} else {
		checkDoc(t, it.Doc)
	}
	if it := items[1]; it.Err == nil || !strings.Contains(it.Err.Error(), "not UTF-8") {
		t.Errorf("page without charset: %+v", it)
	}
}

// TestHTMLUTF8 guards against guessing the character set of UTF-8 pages: a short page with
// few accented letters once came out as Latin-1 mojibake now and then.
func TestHTMLUTF8(t *testing.T) {
	page := []byte(`<html><head><title>Norland accuses Ostrava</title></head><body><article><p>Norland accused Ostrava of arming the Liberty Front. Élodie Marchand, the Norland minister, said: "This must stop."</p></article></body></html>`)
	for i := 0; i < 300; i++ {
		d, err := ParseHTML(page, "")
		if err != nil || !strings.Contains(d.Text, "Élodie Marchand") {
			t.Fatalf("run %d: %v %q", i, err, d.Text)
		}
	}
}

func TestFeeds(t *testing.T) {
	items := readAll(t, Options{}, "testdata/feed.rss", "testdata/feed.atom")
	if len(items) != 4 {
		t.Fatalf("%d items, want 4: %+v", len(items), items)
	}
	want := []struct{ title, date, ds, url, source, text string }{
		{"Sadr declares ceasefire", "2008-03-30", "metadata", "https://wire.example.org/a", "Example Wire",
			"Moqtada al-Sadr ordered his fighters off the streets of Basra and Baghdad on Sunday.\n\nThe order followed talks in Iran."},
		{"Kurds and Baghdad at odds over Kirkuk", "2008-05", "text", "https://wire.example.org/b", "Example Wire",
			"Kurdish leaders rejected the government's plan for Kirkuk in May 2008."},
		{}, // the empty item fails
		{"Surge announced", "2007-01-10", "metadata", "https://atom.example.org/1", "Atom Example",
			"President Bush announced that more than 20,000 additional troops would be sent to Iraq."},
	}
	for i, w := range want {
		it := items[i]
		if w.title == "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), "Empty") || it.Source != "testdata/feed.rss#3" {
				t.Errorf("item %d: want a failure naming it, got %+v", i, it)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("item %d: %v", i, it.Err)
			continue
		}
		d := it.Doc
		checkDoc(t, d)
		if d.Title != w.title || d.Date != w.date || d.DateSource != w.ds || d.URL != w.url || d.Source != w.source || d.Text != w.text {
			t.Errorf("item %d: got %+v", i, d)
		}
		if d.ID != faultline.ContentID(d.Text) {
			t.Errorf("item %d: id %q, want the content id", i, d.ID)
		}
	}
}

func TestJSONL(t *testing.T) {
	items := readAll(t, Options{}, "testdata/docs.jsonl")
	type res struct{ source, id, date, ds, err string }
	want := []res{
		{"testdata/docs.jsonl:1", "r1", "2007-02-11", "metadata", ""},
		{"testdata/docs.jsonl:3", faultline.ContentID("In 2006 the Badr Corps joined the police."), "2006", "text", ""},
		{"testdata/docs.jsonl:4", "", "", "", "not a JSON object"},
		{"testdata/docs.jsonl:5", "", "", "", `field "text": empty`},
		{"testdata/docs.jsonl:6", "", "", "", `"soon" is not a date`},
		{"testdata/docs.jsonl:7", "", "", "", "JSON array"},
		{"testdata/docs.jsonl:8", "r5", "2008-03-03", "text", ""},
	}
	if len(items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(items), len(want), items)
	}
	for i, w := range want {
		it := items[i]
		if it.Source != w.source {
			t.Errorf("item %d: source %q, want %q", i, it.Source, w.source)
		}
		if w.err != "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("item %d: error %v, want %q", i, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("item %d: %v", i, it.Err)
			continue
		}
		checkDoc(t, it.Doc)
		if it.Doc.ID != w.id || it.Doc.Date != w.date || it.Doc.DateSource != w.ds {
			t.Errorf("item %d: got %+v", i, it.Doc)
		}
	}
	if d := items[0].Doc; d.Title != "Denial" || d.Source != "Wire" || d.URL != "https://x.example/1" {
		t.Errorf("record fields lost: %+v", d)
	}
}

func TestDirectory(t *testing.T) {
	items := readAll(t, Options{}, "testdata/dir")
	var got []string
	for _, it := range items {
		if it.Err != nil {
			got = append(got, "error:"+it.Source)
		} else {
			checkDoc(t, it.Doc)
			got = append(got, it.Doc.ID)
		}
	}
	want := "a.txt b.txt sub/c.txt error:testdata/dir/sub/z.bin"
	if strings.Join(got, " ") != want {
		t.Errorf("directory read as %q, want %q", got, want)
	}
	if e := items[3].Err; e == nil || !strings.Contains(e.Error(), "binary") {
		t.Errorf("binary file error %v", e)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("big.txt", []byte(strings.Repeat("word ", 300)))
	for _, tc := range []struct {
		path, want string
	}{
		{write("empty.txt", nil), "empty"},
		{write("blank.txt", []byte(" \n\t\n")), "empty"},
		{write("nul.txt", []byte("abc\x00def")), "binary: NUL byte at offset 3"},
		{write("latin1.txt", []byte("caf\xe9 au lait")), "not UTF-8: invalid byte at offset 3"},
		{filepath.Join(dir, "missing.txt"), "no such file"},
		{big, "too large"},
		{write("broken.rss", []byte("<rss><channel><item>")), "feed"},
	} {
		items := readAll(t, Options{MaxBytes: 1000}, tc.path, "testdata/dateline.txt")
		if len(items) != 2 {
			t.Fatalf("%s: %d items", tc.path, len(items))
		}
		if it := items[0]; it.Err == nil || !strings.Contains(it.Err.Error(), tc.want) || it.Source != tc.path {
			t.Errorf("%s: got %+v, want an error with %q", tc.path, it, tc.want)
		} else if faultline.ErrorCode(it.Err) != faultline.EINVALID {
			t.Errorf("%s: error code %s", tc.path, faultline.ErrorCode(it.Err))
		}
		if items[1].Err != nil || items[1].Doc.ID != "dateline.txt" {
			t.Errorf("%s: the batch did not go on: %+v", tc.path, items[1])
		}
	}
	if _, err := Read(context.Background(), nil, Options{Format: "pdf"}); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("format pdf: %v", err)
	}
}

func TestInferDate(t *testing.T) {
	for _, tc := range []struct{ text, date, source string }{
		{"BAGHDAD, Aug. 28, 2006 — Gunmen attacked. In 2009 more came.", "2006-08-28", "text"},
		{"NAJAF, Iraq (AP) 3 March 2008 - A bomb exploded.", "2008-03-03", "text"},
		{strings.Repeat("x ", 200) + "On March 3, 2008 and on January 5, 2007 and 2005-06-07 things happened.", "2008-03-03", "text"},
		{"The offensive began in September 2007 and ended in March 2008.", "2008-03", "text"},
		{"Elections were held in June 2004; the militia grew in 2006.", "2006", "text"},
		{"In 2006 the talks began; by March 2006 they stalled.", "2006-03", "text"},
		{"The militia was founded in 2003 and grew in 2006.", "2006", "text"},
		{"Nothing dated here; 40 people were killed.", "", "unknown"},
		{"February 30, 2008 is not a day; in 2004 it began.", "2004", "text"},
		{"The year 3000 will see in 2999 nothing.", "", "unknown"},
	} {
		d, s := InferDate(tc.text)
		if d != tc.date || s != tc.source {
			t.Errorf("InferDate(%q) = %q, %q; want %q, %q", tc.text, d, s, tc.date, tc.source)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"2008-03-25", "2008-03-25", true}, {"2008-03", "2008-03", true}, {"2008", "2008", true},
		{"2008-02-30", "", false}, {"2008-03-25T21:30:00-05:00", "2008-03-25", true},
		{"Sun, 30 Mar 2008 14:00:00 GMT", "2008-03-30", true}, {"March 3, 2008", "2008-03-03", true},
		{"soon", "", false}, {"", "", false},
	} {
		got, ok := NormalizeDate(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct{ name, ct, head, want string }{
		{"a.txt", "", "<html>", Text}, {"a.HTM", "", "", HTML}, {"a.atom", "", "", RSS}, {"a.ndjson", "", "", JSONL},
		{"a", "text/html; charset=utf-8", "", HTML}, {"a", "application/rss+xml", "", RSS},
		{"a", "", "\ufeff  {\"text\":1}", JSONL}, {"a", "", "<?xml version='1.0'?><rss>", RSS},
		{"a", "", "<!DOCTYPE html><p>x", HTML}, {"a", "", "Plain words.", Text}, {"feed", "text/xml", "<x/>", RSS},
	} {
		if got := Detect(tc.name, tc.ct, []byte(tc.head)); got != tc.want {
			t.Errorf("Detect(%q, %q, %q) = %s, want %s", tc.name, tc.ct, tc.head, got, tc.want)
		}
	}
}

func TestURLs(t *testing.T) {
	article, _ := os.ReadFile("testdata/article.html")
	feed, _ := os.ReadFile("testdata/feed.rss")
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article)
	})
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "KIRKUK, May 1, 2008 — Kurdish parties met.")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("a", 5000)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte{0x89, 'P', 'N', 'G', 0, 0}) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	opts := Options{MaxBytes: 4096, Client: &http.Client{Timeout: 300 * time.Millisecond}}
	items := readAll(t, opts, srv.URL+"/story", srv.URL+"/rss", srv.URL+"/plain", srv.URL+"/missing", srv.URL+"/big", srv.URL+"/slow", srv.URL+"/binary", "http://127.0.0.1:1/refused")
	var got []string
	for _, it := range items {
		if it.Err != nil {
			got = append(got, strings.TrimPrefix(it.Source, srv.URL)+" ERR "+faultline.ErrorMessage(it.Err))
			continue
		}
		checkDoc(t, it.Doc)
		if it.Doc.ID != faultline.ContentID(it.Doc.Text) || it.Doc.URL == "" {
			t.Errorf("%s: id %q url %q", it.Source, it.Doc.ID, it.Doc.URL)
		}
		got = append(got, strings.TrimPrefix(it.Source, srv.URL)+" "+it.Doc.Date)
	}
	want := []string{
		"/story 2008-03-25",
		"/rss#1 2008-03-30", "/rss#2 2008-05", "/rss#3 ERR item \"Empty\": empty: no text",
		"/plain 2008-05-01",
		"/missing ERR download failed: HTTP 404 Not Found",
		"/big ERR too large",
		"/slow ERR download failed: timed out",
		"/binary ERR binary: NUL byte at offset 4",
		"http://127.0.0.1:1/refused ERR download failed",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d items:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("item %d: %q, want prefix %q", i, got[i], want[i])
		}
	}
	if d := items[4].Doc; d == nil || d.Source != "127.0.0.1" {
		t.Errorf("plain download: source %+v", d)
	}
}

// Fuzz tests: the parsers of untrusted input never panic, and whatever they accept is a
// valid document.

func fuzzCheck(t *testing.T, d *faultline.Document) {
	if d == nil {
		t.Fatal("nil document without error")
	}
	if d.Text == "" || d.SHA256 != faultline.ContentHash(d.Text) || d.ID == "" {
		t.Fatalf("bad document %+v", d)
	}
	if CheckText([]byte(d.Text)) != nil {
		t.Fatalf("document text fails CheckText: %q", d.Text)
	}
}

func FuzzParseHTML(f *testing.F) {
	for _, name := range []string{"article.html", "jsonld.html", "time.html"} {
		b, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(b)
	}
	f.Add([]byte("<html><body><p>x</p><script type=application/ld+json>[[[{\"datePublished\":\"0000-00-00\"}]]]</script>"))
	f.Add([]byte("<meta property=article:published_time content='Mon, 99 Foo 2008'><p>text"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseHTML(b, "https://example.org/x")
		if err == nil {
			fuzzCheck(t, d)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"feed.rss", "feed.atom"} {
		b, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(b)
	}
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;a</description><pubDate>99</pubDate></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := ParseFeed(b)
		if err != nil {
			return
		}
		for _, it := range items {
			if it.Err == nil {
				fuzzCheck(t, it.Doc)
			}
		}
	})
}

func FuzzParseRecord(f *testing.F) {
	b, _ := os.ReadFile("testdata/docs.jsonl")
	for _, line := range strings.Split(string(b), "\n") {
		f.Add([]byte(line))
	}
	f.Add([]byte(`{"text":"a","date":"2008-13-45"}`))
	f.Add([]byte(`{"text":"\u0000"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseRecord(b)
		if err == nil {
			fuzzCheck(t, d)
		}
	})
}

func FuzzInferDate(f *testing.F) {
	f.Add("BAGHDAD, Aug. 28, 2006 — in 2005")
	f.Add("31 February 2008, May 2007")
	f.Fuzz(func(t *testing.T, s string) {
		d, src := InferDate(s)
		if (d == "") != (src == faultline.DateUnknown) {
			t.Fatalf("InferDate(%q) = %q, %q", s, d, src)
		}
		if d != "" {
			if _, ok := NormalizeDate(d); !ok {
				t.Fatalf("InferDate(%q) = %q, not a date", s, d)
			}
		}
	})
}

// TestManifest reads a folder whose JSON Lines manifest names the text files: the named files
// come with the manifest's metadata and are not read again on their own; names outside the
// folder, missing files and records with both text and file are clear failures.
func TestManifest(t *testing.T) {
	items := readAll(t, Options{}, "testdata/manifest")
	type row struct{ source, id, date, err string }
	want := []row{
		{"testdata/manifest/index.jsonl:1", "m-1", "2007-05-02", ""},
		{"testdata/manifest/index.jsonl:2", "m-2", "2007-05-06", ""},
		{"testdata/manifest/index.jsonl:3", "", "", "not a path inside the manifest's folder"},
		{"testdata/manifest/index.jsonl:4", "", "", "texts/missing.txt: cannot read"},
		{"testdata/manifest/index.jsonl:5", "", "", `"text" and "file" both given`},
		{"testdata/manifest/loose.txt", "loose.txt", "", ""},
	}
	if len(items) != len(want) {
		for _, it := range items {
			t.Logf("%s %v", it.Source, it.Err)
		}
		t.Fatalf("got %d items, want %d", len(items), len(want))
	}
	for i, w := range want {
		it := items[i]
		if filepath.ToSlash(it.Source) != w.source {
			t.Errorf("item %d: source %q, want %q", i, it.Source, w.source)
		}
		if w.err != "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("%s: error %v, want one with %q", w.source, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: %v", w.source, it.Err)
			continue
		}
		checkDoc(t, it.Doc)
		if it.Doc.ID != w.id || it.Doc.Date != w.date {
			t.Errorf("%s: id %q date %q, want %q %q", w.source, it.Doc.ID, it.Doc.Date, w.id, w.date)
		}
	}
	if items[0].Doc != nil && items[0].Doc.Title != "Port city fighting" {
		t.Errorf("m-1 title %q", items[0].Doc.Title)
	}
}

// TestJSONLInvalidUTF8 refuses a record with bytes that are not UTF-8 inside a JSON string,
// which encoding/json alone would store with U+FFFD in their place.
func TestJSONLInvalidUTF8(t *testing.T) {
	items := readAll(t, Options{}, "testdata/badutf8.jsonl")
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "not UTF-8: invalid byte at offset 22") {
		t.Fatalf("got %+v, want one failure naming the bad byte", items)
	}
}
