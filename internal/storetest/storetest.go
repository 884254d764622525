// Package storetest is the conformance suite of faultline.Store: every backend (sqlite,
// postgres) runs the same tests against a fresh store, so they behave alike.
package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/faultline/faultline"
)

const text1 = `BASRA, Iraq, Aug. 28, 2006 — Fighters of the Mahdi Army clashed with the Badr Corps in Basra. "We will not leave," said Moqtada al-Sadr. About 1.6 million people are displaced.`

// sample returns a document and a hand-made extraction of it.
// Fresh makes a fresh, empty database for one test and returns a function that opens a
// handle on it (each call another handle, as another process would have; the test closes
// them).
type Fresh func(t *testing.T) func(t testing.TB) faultline.Store

// Run runs the conformance suite.
func Run(t *testing.T, fresh Fresh) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, Fresh)
	}{
		{"RoundTrip", testRoundTrip}, {"IdempotentPut", testIdempotentPut}, {"BadInputStoresNothing", testBadInputStoresNothing},
		{"Search", testSearch}, {"Model", testModel}, {"Overrides", testOverrides}, {"ConcurrentReaders", testConcurrentReaders},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, fresh) })
	}
}

// Sample returns a document and a hand-made extraction of it.
func Sample(t testing.TB, id, text string) (*faultline.Document, *faultline.Extraction) {
	return sample(t, id, text)
}

// Text1 is the text of the sample document.
const Text1 = text1

// SampleModel returns a small corpus model.
func SampleModel() *faultline.Model { return sampleModel() }

func sample(t testing.TB, id, text string) (*faultline.Document, *faultline.Extraction) {
	t.Helper()
	at := func(phrase string) faultline.Span {
		i := strings.Index(text, phrase)
		if i < 0 {
			t.Fatalf("%q not in text", phrase)
		}
		return faultline.Span{Start: i, End: i + len(phrase), Text: phrase}
	}
	doc := &faultline.Document{ID: id, Title: "Clashes in Basra", Source: "Test Wire", URL: "https://example.org/a",
		Text: text, Date: "2006-08-28", DateSource: faultline.DateFromMetadata, SHA256: faultline.ContentHash(text)}
	ext := &faultline.Extraction{Schema: 1, ID: id, Date: doc.Date, Sentences: []faultline.Span{}, Entities: []faultline.Entity{},
		Timexes: []faultline.Timex{}, Events: []faultline.Event{}, Ties: []faultline.Tie{}, Quotes: []faultline.Quote{}, Figures: []faultline.Figure{}}
	if !strings.Contains(text, "Mahdi Army") {
		ext.Sentences = append(ext.Sentences, faultline.Span{Start: 0, End: len(text)})
		return doc, ext
	}
	s1 := at(`BASRA, Iraq, Aug. 28, 2006 — Fighters of the Mahdi Army clashed with the Badr Corps in Basra.`)
	s2 := at(`"We will not leave," said Moqtada al-Sadr.`)
	s3 := at(`About 1.6 million people are displaced.`)
	ext.Sentences = []faultline.Span{{Start: s1.Start, End: s1.End}, {Start: s2.Start, End: s2.End}, {Start: s3.Start, End: s3.End}}
	mahdi, badr, sadr, basra := at("Mahdi Army"), at("Badr Corps"), at("Moqtada al-Sadr"), at("Basra.")
	basra.End--
	basra.Text = "Basra"
	ext.Entities = []faultline.Entity{{Span: mahdi, Type: "ORG", Actor: "mahdi-army"}, {Span: badr, Type: "ORG"}, {Span: sadr, Type: "PERSON"}, {Span: basra, Type: "GPE"}}
	ext.Timexes = []faultline.Timex{{Span: at("Aug. 28, 2006"), Value: "2006-08-28", Precision: "day"}}
	ext.Events = []faultline.Event{{Span: at("clashed"), Trigger: "clashed", Type: "ASSAULT", CAMEO: "190", Goldstein: -10,
		Source: &faultline.Ref{Span: mahdi, Actor: "mahdi-army"}, Target: &faultline.Ref{Span: badr}, Date: "2006-08-28",
		DateText: "Aug. 28, 2006", DateSource: "text", Place: &basra, Modality: "asserted", Sentence: 0, Evidence: &s1}}
	ext.Ties = []faultline.Tie{{Type: "rival_of", Sign: -1, A: faultline.Ref{Span: mahdi}, B: faultline.Ref{Span: badr}, Evidence: s1, Modality: "asserted"}}
	ext.Quotes = []faultline.Quote{{Span: at(`"We will not leave,"`), Speaker: &faultline.Ref{Span: sadr, Actor: "moqtada-al-sadr"}}}
	ext.Figures = []faultline.Figure{{Span: at("1.6 million people are displaced"), Value: 1600000, Unit: "people", About: "displaced"}}
	return doc, ext
}

func testRoundTrip(t *testing.T, fresh Fresh) {
	open := fresh(t)
	ctx := context.Background()
	s := open(t)
	doc, ext := sample(t, "basra.txt", text1)
	created, err := s.PutDocument(ctx, doc, ext)
	if err != nil || !created {
		t.Fatalf("PutDocument = %v, %v", created, err)
	}
	s.Close()

	s = open(t) // reopen: migrations are not applied twice
	got, err := s.Document(ctx, "basra.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != doc.Text || got.SHA256 != doc.SHA256 || got.Title != doc.Title || got.URL != doc.URL ||
		got.Date != doc.Date || got.DateSource != doc.DateSource || got.IngestedAt.IsZero() {
		t.Errorf("Document = %+v", got)
	}
	gotExt, err := s.Extraction(ctx, "basra.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotExt, ext) {
		a, _ := json.Marshal(gotExt)
		b, _ := json.Marshal(ext)
		t.Errorf("Extraction:\n got %s\nwant %s", a, b)
	}
	docs, total, err := s.Documents(ctx, faultline.DocumentFilter{})
	if err != nil || total != 1 || len(docs) != 1 || docs[0].Text != "" || docs[0].ID != "basra.txt" {
		t.Errorf("Documents = %v, %d, %v", docs, total, err)
	}
	if _, err := s.Document(ctx, "nope"); faultline.ErrorCode(err) != faultline.ENOTFOUND {
		t.Errorf("Document(nope) error = %v, want ENOTFOUND", err)
	}
	if _, err := s.Extraction(ctx, "nope"); faultline.ErrorCode(err) != faultline.ENOTFOUND {
		t.Errorf("Extraction(nope) error = %v, want ENOTFOUND", err)
	}
}

func testIdempotentPut(t *testing.T, fresh Fresh) {
	open := fresh(t)
	ctx := context.Background()
	s := open(t)
	doc, ext := sample(t, "a", text1)
	if ok, err := s.PutDocument(ctx, doc, ext); !ok || err != nil {
		t.Fatal(ok, err)
	}
	// The same text again, even under another id: nothing changes.
	doc2, ext2 := sample(t, "b", text1)
	doc2.Title = "other"
	if ok, err := s.PutDocument(ctx, doc2, ext2); ok || err != nil {
		t.Fatalf("re-put = %v, %v; want false, nil", ok, err)
	}
	// Another text under a taken id is a conflict.
	doc3, ext3 := sample(t, "a", "Another text entirely.")
	if _, err := s.PutDocument(ctx, doc3, ext3); faultline.ErrorCode(err) != faultline.ECONFLICT {
		t.Fatalf("id clash error = %v, want ECONFLICT", err)
	}
	docs, total, _ := s.Documents(ctx, faultline.DocumentFilter{})
	if total != 1 || docs[0].Title != "Clashes in Basra" {
		t.Errorf("after re-put: %d docs, %+v", total, docs[0])
	}
	hits, _ := s.Search(ctx, "Basra", 10)
	if len(hits) != 1 {
		t.Errorf("sentences indexed twice? %d hits", len(hits))
	}
}

func testBadInputStoresNothing(t *testing.T, fresh Fresh) {
	open := fresh(t)
	ctx := context.Background()
	s := open(t)
	doc, ext := sample(t, "a", text1)
	ext.Figures[0].End = len(text1) + 5
	if _, err := s.PutDocument(ctx, doc, ext); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Fatalf("out-of-range span error = %v, want EINVALID", err)
	}
	for _, d := range []*faultline.Document{nil, {ID: ""}, {ID: "x", Text: "a\x00b"}, {ID: "x", Text: "\xff\xfe"}, {ID: "x", Text: "abc", SHA256: "00"}} {
		if _, err := s.PutDocument(ctx, d, nil); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("PutDocument(%+v) error = %v, want EINVALID", d, err)
		}
	}
	if _, total, _ := s.Documents(ctx, faultline.DocumentFilter{}); total != 0 {
		t.Errorf("%d documents stored after failures", total)
	}
}

func testSearch(t *testing.T, fresh Fresh) {
	open := fresh(t)
	ctx := context.Background()
	s := open(t)
	doc, ext := sample(t, "a", text1)
	s.PutDocument(ctx, doc, ext)
	doc2, ext2 := sample(t, "b", "The Sadrists marched in Najaf. Nothing happened in Basra today.")
	ext2.Sentences = []faultline.Span{{Start: 0, End: 30}, {Start: 31, End: len(doc2.Text)}}
	s.PutDocument(ctx, doc2, ext2)

	for _, tc := range []struct {
		q    string
		want []string // doc:text of hits, in any order
	}{
		{"Basra", []string{"a:" + text1[:95], "b:Nothing happened in Basra today."}},
		{"al-Sadr", []string{`a:"We will not leave," said Moqtada al-Sadr.`}},
		{"badr corps", []string{"a:" + text1[:95]}},
		{"sadr*", []string{`a:"We will not leave," said Moqtada al-Sadr.`, "b:The Sadrists marched in Najaf."}},
		{`"unbalanced (quote AND OR NEAR`, nil},
		{"   ", nil},
		{"Najaf", []string{"b:The Sadrists marched in Najaf."}},
	} {
		hits, err := s.Search(ctx, tc.q, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tc.q, err)
			continue
		}
		var got []string
		for _, h := range hits {
			d, _ := s.Document(ctx, h.Doc)
			if d.Text[h.Start:h.End] != h.Text {
				t.Errorf("Search(%q): hit offsets [%d,%d) do not give its text", tc.q, h.Start, h.End)
			}
			if !strings.Contains(h.Snippet, "«") {
				t.Errorf("Search(%q): snippet %q has no match marker", tc.q, h.Snippet)
			}
			got = append(got, h.Doc+":"+h.Text)
		}
		if len(got) != len(tc.want) {
			t.Errorf("Search(%q) = %q, want %q", tc.q, got, tc.want)
			continue
		}
		for _, w := range tc.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("Search(%q) = %q, missing %q", tc.q, got, w)
			}
		}
	}
}

func sampleModel() *faultline.Model {
	return &faultline.Model{
		Schema:    1,
		Documents: []faultline.DocumentRef{{ID: "a", Title: "T", Date: "2006-08-28", Source: "W", SHA256: "abc"}, {ID: "b", DuplicateOf: "a"}},
		Actors: []faultline.Actor{
			{ID: "mahdi-army", Canonical: "Mahdi Army", Type: "ORG", Aliases: []string{"Mahdi Army", "JAM"},
				Mentions: []faultline.Evidence{{Doc: "a", Start: 46, End: 56}}, Country: "IRQ", Roles: []string{"militia"}, Docs: 1},
			{ID: "badr", Canonical: "Badr Corps", Type: "ORG", Aliases: []string{}, Mentions: []faultline.Evidence{}},
		},
		Ties: []faultline.ModelTie{{A: "mahdi-army", B: "badr", Type: "rival_of", Sign: -1, Weight: 2.5, Modality: "asserted",
			Evidence: []faultline.Evidence{{Doc: "a", Start: 0, End: 95}, {Doc: "b", Start: 1, End: 2}}}},
		Events: []faultline.ModelEvent{{Doc: "a", Source: "mahdi-army", Target: "badr", Type: "ASSAULT", CAMEO: "190", Goldstein: -10,
			Trigger: "clashed", Date: "2006-08-28", DateText: "Aug. 28, 2006", Place: "Basra", Modality: "asserted", Evidence: faultline.Evidence{Doc: "a", Start: 0, End: 95}}},
		Quotes:    []faultline.ModelQuote{{Doc: "a", Speaker: "moqtada-al-sadr", Start: 96, End: 116, Text: `"We will not leave,"`}},
		Figures:   []faultline.ModelFigure{{Doc: "a", Start: 1, End: 5, Text: "1.6 million", Value: 1.6e6, Unit: "people", About: "displaced"}},
		Paradoxes: []faultline.Paradox{{Actors: []string{"us", "isci", "iran"}, Signs: []int{1, 1, -1}, Score: 0.75, Explanation: "x", Kind: "unbalanced_triad", Evidence: []faultline.Evidence{{Doc: "a", Start: 0, End: 3}}}},
	}
}

func testModel(t *testing.T, fresh Fresh) {
	open := fresh(t)
	ctx := context.Background()
	s := open(t)
	empty, err := s.Model(ctx)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(empty)
	if want := `{"schema":1,"documents":[],"actors":[],"ties":[],"events":[],"quotes":[],"figures":[],"paradoxes":[]}`; string(js) != want {
		t.Errorf("empty model = %s, want %s", js, want)
	}
	m := sampleModel()
	if err := s.SaveModel(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, err := s.Model(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(m)
		t.Errorf("Model:\n got %s\nwant %s", a, b)
	}
	// Saving replaces; a bad model leaves the old one in place.
	bad := sampleModel()
	bad.Actors = append(bad.Actors, bad.Actors[0])
	if err := s.SaveModel(ctx, bad); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("duplicate actor ids: error %v, want EINVALID", err)
	}
	small := &faultline.Model{Schema: 1, Actors: []faultline.Actor{{ID: "x", Canonical: "X"}}}
	if err := s.SaveModel(ctx, small); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Model(ctx)
	if len(got.Actors) != 1 || len(got.Ties) != 0 || got.Actors[0].Aliases == nil || got.Actors[0].Mentions == nil {
		t.Errorf("after replace: %+v", got)
	}
}

func testOverrides(t *testing.T, fresh Fresh) {
	open := fresh(t)
	ctx := context.Background()
	s := open(t)
	for _, o := range []*faultline.Override{
		{Kind: "merge", Actor: "jam", Other: "mahdi-army"},
		{Kind: "alias", Actor: "mahdi-army", Name: "Mehdi militia"},
	} {
		if err := s.AddOverride(ctx, o); err != nil || o.ID == 0 || o.CreatedAt == "" {
			t.Fatalf("AddOverride = %v (%+v)", err, o)
		}
	}
	for _, o := range []*faultline.Override{nil, {Kind: "delete", Actor: "x"}, {Kind: "merge", Actor: "x"}, {Kind: "alias", Actor: "x"}} {
		if err := s.AddOverride(ctx, o); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("AddOverride(%+v) error = %v, want EINVALID", o, err)
		}
	}
	ov, err := s.Overrides(ctx)
	if err != nil || len(ov) != 2 || ov[0].Kind != "merge" || ov[1].Name != "Mehdi militia" {
		t.Errorf("Overrides = %+v, %v", ov, err)
	}
}

func testConcurrentReaders(t *testing.T, fresh Fresh) {
	open := fresh(t)
	ctx := context.Background()
	s := open(t)
	other := open(t) // a second handle, as a second process would have
	doc, ext := sample(t, "a", text1)
	s.PutDocument(ctx, doc, ext)
	s.SaveModel(ctx, sampleModel())

	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			st := s
			if i%2 == 1 {
				st = other
			}
			for j := 0; j < 20; j++ {
				if _, err := st.Model(ctx); err != nil {
					errs <- err
					return
				}
				if _, err := st.Search(ctx, "Basra", 5); err != nil {
					errs <- err
					return
				}
			}
		}(i)
	}
	// A writer at the same time.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for j := 0; j < 20; j++ {
			d, e := sample(t, "w"+string(rune('a'+j)), "Report number "+string(rune('A'+j))+" from Kirkuk.")
			if _, err := other.PutDocument(ctx, d, e); err != nil {
				errs <- err
				return
			}
			if err := s.SaveModel(ctx, sampleModel()); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, total, _ := s.Documents(ctx, faultline.DocumentFilter{}); total != 21 {
		t.Errorf("%d documents, want 21", total)
	}
	n := 0
	err := s.Extractions(ctx, func(d *faultline.Document, e *faultline.Extraction) error {
		if d.Text == "" || e.ID != d.ID {
			t.Errorf("Extractions: %s with %q", d.ID, e.ID)
		}
		n++
		return nil
	})
	if err != nil || n != 21 {
		t.Errorf("Extractions visited %d, %v", n, err)
	}
}
