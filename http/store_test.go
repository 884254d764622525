package http_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/faultline/faultline"
)

// memStore is an in-memory faultline.Store for tests.
type memStore struct {
	mu        sync.Mutex
	docs      []*faultline.Document
	exts      map[string]*faultline.Extraction
	model     *faultline.Model
	overrides []faultline.Override
	modelErr  error
}

func newMemStore() *memStore {
	return &memStore{exts: map[string]*faultline.Extraction{}, model: &faultline.Model{Schema: faultline.Schema}}
}

func (s *memStore) PutDocument(ctx context.Context, doc *faultline.Document, ext *faultline.Extraction) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.SHA256 == doc.SHA256 {
			return false, nil
		}
	}
	c := *doc
	s.docs = append(s.docs, &c)
	s.exts[doc.ID] = ext
	return true, nil
}

func (s *memStore) Document(ctx context.Context, id string) (*faultline.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.ID == id {
			c := *d
			return &c, nil
		}
	}
	return nil, faultline.Errorf(faultline.ENOTFOUND, "no document %q", id)
}

func (s *memStore) Documents(ctx context.Context, f faultline.DocumentFilter) ([]*faultline.Document, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*faultline.Document
	for i, d := range s.docs {
		if i < f.Offset || (f.Limit > 0 && len(out) >= f.Limit) {
			continue
		}
		c := *d
		c.Text = ""
		out = append(out, &c)
	}
	return out, len(s.docs), nil
}

func (s *memStore) Extraction(ctx context.Context, id string) (*faultline.Extraction, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if x, ok := s.exts[id]; ok {
		c := *x
		return &c, nil
	}
	return nil, faultline.Errorf(faultline.ENOTFOUND, "no extraction of %q", id)
}

func (s *memStore) Extractions(ctx context.Context, fn func(*faultline.Document, *faultline.Extraction) error) error {
	for _, d := range s.docs {
		if err := fn(d, s.exts[d.ID]); err != nil {
			return err
		}
	}
	return nil
}

func (s *memStore) Search(ctx context.Context, q string, limit int) ([]faultline.SearchHit, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q = strings.ToLower(q)
	var hits []faultline.SearchHit
	for _, d := range s.docs {
		for _, sp := range s.exts[d.ID].Sentences {
			if strings.Contains(strings.ToLower(d.Text[sp.Start:sp.End]), q) {
				hits = append(hits, faultline.SearchHit{Doc: d.ID, Start: sp.Start, End: sp.End, Text: d.Text[sp.Start:sp.End], Rank: 1})
				if limit > 0 && len(hits) >= limit {
					return hits, nil
				}
			}
		}
	}
	return hits, nil
}

func (s *memStore) SaveModel(ctx context.Context, m *faultline.Model) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.model = m
	return nil
}

func (s *memStore) Model(ctx context.Context) (*faultline.Model, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.modelErr != nil {
		return nil, s.modelErr
	}
	return s.model, nil
}

func (s *memStore) AddOverride(ctx context.Context, o *faultline.Override) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o.ID = int64(len(s.overrides) + 1)
	o.CreatedAt = "2026-01-01T00:00:00Z"
	s.overrides = append(s.overrides, *o)
	return nil
}

func (s *memStore) Overrides(ctx context.Context) ([]faultline.Override, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]faultline.Override(nil), s.overrides...), nil
}

func (s *memStore) Close() error { return nil }

// A small hand-made conflict (fictional actors, real places) for tests: four reports with
// their extractions and the corpus model a resolver would make of them.

type handActor struct {
	id, name, typ string
	aliases       []string
}

var handActors = []handActor{
	{"aster", "Republic of Aster", "GPE", []string{"Aster", "Asteri government"}},
	{"aster-army", "Aster Army", "ORG", []string{"the army"}},
	{"brannock-militia", "Brannock Militia", "ORG", []string{"Brannock fighters", "BM"}},
	{"kael-morrow", "Kael Morrow", "PERSON", []string{"Morrow"}},
	{"sable-front", "Sable Front", "ORG", []string{"the Front"}},
	{"verdan", "Verdan", "GPE", []string{"Verdani"}},
	{"elders-council", "Council of Elders", "ORG", []string{"the elders"}},
	{"un-mission", "UN Mission", "ORG", []string{"the mission"}},
}

type handDoc struct {
	id, title, date, source, text string
}

var handDocs = []handDoc{
	{"doc-a", "Fighting flares in the north", "2021-03-04", "Northern Herald",
		"The Aster Army clashed with the Brannock Militia near Kirkuk on Tuesday. " +
			"Kael Morrow, the leader of the Brannock Militia, said: \u201cWe will not lay down our arms.\u201d " +
			"Verdan is the patron of the Sable Front, officials said. " +
			"About 1,200 families fled the fighting."},
	{"doc-b", "Elders broker a truce", "2021-05-10", "Capital Times",
		"The Council of Elders mediated talks between Aster and the Sable Front in Mosul. " +
			"The Sable Front is allied with the Brannock Militia. " +
			"The Aster Army is loyal to the Republic of Aster. " +
			"\u201cThe truce must hold,\u201d the UN Mission said in a statement."},
	{"doc-c", "Front turns on its ally", "2021-08-21", "Northern Herald",
		"The Sable Front attacked Brannock fighters in Erbil, ending months of cooperation. " +
			"Verdan condemned Aster for the raids. " +
			"The UN Mission delivered aid to 30,000 displaced people. " +
			"Morrow accused the Front of betrayal."},
	{"doc-d", "Aster and Verdan talk", "2022-01-15", "Capital Times",
		"Aster and Verdan agreed to reopen the border crossing near Basra. " +
			"The Council of Elders supports the Republic of Aster. " +
			"Verdan is a rival of the Brannock Militia, analysts said."},
}

// span finds phrase in text (the nth occurrence, from 0) and returns its offsets.
func span(text, phrase string, nth int) faultline.Span {
	off := 0
	for {
		i := strings.Index(text[off:], phrase)
		if i < 0 {
			panic(fmt.Sprintf("phrase %q not in text", phrase))
		}
		if nth == 0 {
			return faultline.Span{Start: off + i, End: off + i + len(phrase), Text: phrase}
		}
		nth--
		off += i + len(phrase)
	}
}

// sentences splits the hand-made texts after a full stop (and a closing quote) followed by a
// space or the end.
func sentences(text string) []faultline.Span {
	var out []faultline.Span
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '.' {
			continue
		}
		end := i + 1
		if strings.HasPrefix(text[end:], "\u201d") {
			end += len("\u201d")
		}
		if end == len(text) || text[end] == ' ' {
			out = append(out, faultline.Span{Start: start, End: end})
			start, i = end+1, end
		}
	}
	if start < len(text) {
		out = append(out, faultline.Span{Start: start, End: len(text)})
	}
	return out
}

func sentenceOf(sents []faultline.Span, off int) faultline.Span {
	for _, s := range sents {
		if off >= s.Start && off < s.End {
			return s
		}
	}
	return faultline.Span{Start: off, End: off}
}

type handEvent struct {
	doc, src, srcText, tgt, tgtText, trigger, typ, cameo string
	goldstein                                            float64
	place                                                string
}

var handEvents = []handEvent{
	{"doc-a", "aster-army", "Aster Army", "brannock-militia", "Brannock Militia", "clashed", "ASSAULT", "190", -10, "Kirkuk"},
	{"doc-b", "elders-council", "Council of Elders", "sable-front", "Sable Front", "mediated", "CONSULT", "043", 2.8, "Mosul"},
	{"doc-c", "sable-front", "Sable Front", "brannock-militia", "Brannock fighters", "attacked", "ASSAULT", "190", -10, "Erbil"},
	{"doc-c", "verdan", "Verdan", "aster", "Aster", "condemned", "ACCUSE", "122", -2, ""},
	{"doc-c", "un-mission", "UN Mission", "", "", "delivered", "AID", "070", 7, ""},
	{"doc-c", "kael-morrow", "Morrow", "sable-front", "the Front", "accused", "ACCUSE", "112", -2, ""},
	{"doc-d", "aster", "Aster", "verdan", "Verdan", "agreed", "AGREE", "057", 8, "Basra"},
}

type handTie struct {
	doc, typ string
	sign     int
	a, aText string
	b, bText string
}

var handTies = []handTie{
	{"doc-a", "leader_of", 1, "kael-morrow", "Kael Morrow", "brannock-militia", "Brannock Militia"},
	{"doc-a", "patron_of", 1, "verdan", "Verdan", "sable-front", "Sable Front"},
	{"doc-b", "allied_with", 1, "sable-front", "Sable Front", "brannock-militia", "Brannock Militia"},
	{"doc-b", "loyal_to", 1, "aster-army", "Aster Army", "aster", "Republic of Aster"},
	{"doc-d", "supports", 1, "elders-council", "Council of Elders", "aster", "Republic of Aster"},
	{"doc-d", "rival_of", -1, "verdan", "Verdan", "brannock-militia", "Brannock Militia"},
}

// handStore returns a store holding the hand-made corpus and its model.
func handStore() *memStore {
	s := newMemStore()
	m := &faultline.Model{Schema: faultline.Schema}
	texts := map[string]string{}
	exts := map[string]*faultline.Extraction{}
	mentions := map[string][]faultline.Evidence{}
	for _, d := range handDocs {
		texts[d.id] = d.text
		x := &faultline.Extraction{Schema: faultline.Schema, ID: d.id, Date: d.date, Sentences: sentences(d.text)}
		exts[d.id] = x
		// Entities: every name and alias of every actor, first occurrences.
		for _, a := range handActors {
			for _, n := range append([]string{a.name}, a.aliases...) {
				for k := 0; strings.Count(d.text, n) > k; k++ {
					sp := span(d.text, n, k)
					overlap := false
					for _, e := range x.Entities {
						if sp.Start < e.End && e.Start < sp.End {
							overlap = true
						}
					}
					if overlap {
						continue
					}
					x.Entities = append(x.Entities, faultline.Entity{Span: sp, Type: a.typ, Actor: a.id})
					mentions[a.id] = append(mentions[a.id], faultline.Evidence{Doc: d.id, Start: sp.Start, End: sp.End})
				}
			}
		}
		sort.Slice(x.Entities, func(i, j int) bool { return x.Entities[i].Start < x.Entities[j].Start })
		m.Documents = append(m.Documents, faultline.DocumentRef{ID: d.id, Title: d.title, Date: d.date, Source: d.source, SHA256: faultline.ContentHash(d.text)})
	}
	for _, e := range handEvents {
		text, x := texts[e.doc], exts[e.doc]
		trig := span(text, e.trigger, 0)
		sent := sentenceOf(x.Sentences, trig.Start)
		ev := faultline.Event{Span: trig, Trigger: e.trigger, Type: e.typ, CAMEO: e.cameo, Goldstein: e.goldstein,
			Modality: faultline.Asserted, Date: x.Date, Evidence: &faultline.Span{Start: sent.Start, End: sent.End}}
		ev.Source = &faultline.Ref{Span: span(text, e.srcText, 0), Actor: e.src}
		if e.tgt != "" {
			ev.Target = &faultline.Ref{Span: span(text, e.tgtText, 0), Actor: e.tgt}
		}
		if e.place != "" {
			p := span(text, e.place, 0)
			ev.Place = &p
		}
		x.Events = append(x.Events, ev)
		m.Events = append(m.Events, faultline.ModelEvent{Doc: e.doc, Source: e.src, Target: e.tgt, Type: e.typ, CAMEO: e.cameo,
			Goldstein: e.goldstein, Trigger: e.trigger, Date: x.Date, Place: e.place, Modality: faultline.Asserted,
			Evidence: faultline.Evidence{Doc: e.doc, Start: sent.Start, End: sent.End}})
	}
	for _, t := range handTies {
		text, x := texts[t.doc], exts[t.doc]
		a := span(text, t.aText, 0)
		sent := sentenceOf(x.Sentences, a.Start)
		x.Ties = append(x.Ties, faultline.Tie{Type: t.typ, Sign: t.sign, A: faultline.Ref{Span: a, Actor: t.a},
			B: faultline.Ref{Span: span(text[sent.Start:], t.bText, 0), Actor: t.b}, Evidence: sent, Modality: faultline.Asserted})
		// B's offsets are relative to the sentence: shift them.
		tie := &x.Ties[len(x.Ties)-1]
		tie.B.Start += sent.Start
		tie.B.End += sent.Start
		m.Ties = append(m.Ties, faultline.ModelTie{A: t.a, B: t.b, Type: t.typ, Sign: t.sign, Weight: 1, Modality: faultline.Asserted,
			Evidence: []faultline.Evidence{{Doc: t.doc, Start: sent.Start, End: sent.End}}})
	}
	quotes := []struct{ doc, text, speaker, speakerText string }{
		{"doc-a", "\u201cWe will not lay down our arms.\u201d", "kael-morrow", "Kael Morrow"},
		{"doc-b", "\u201cThe truce must hold,\u201d", "un-mission", "UN Mission"},
	}
	for _, q := range quotes {
		text, x := texts[q.doc], exts[q.doc]
		sp := span(text, q.text, 0)
		x.Quotes = append(x.Quotes, faultline.Quote{Span: sp, Speaker: &faultline.Ref{Span: span(text, q.speakerText, 0), Actor: q.speaker}})
		m.Quotes = append(m.Quotes, faultline.ModelQuote{Doc: q.doc, Speaker: q.speaker, Start: sp.Start, End: sp.End, Text: sp.Text})
	}
	figures := []struct {
		doc, text, unit, about string
		value                  float64
	}{
		{"doc-a", "About 1,200 families", "families", "fled", 1200},
		{"doc-c", "30,000 displaced people", "people", "displaced", 30000},
	}
	for _, f := range figures {
		text, x := texts[f.doc], exts[f.doc]
		sp := span(text, f.text, 0)
		x.Figures = append(x.Figures, faultline.Figure{Span: sp, Value: f.value, Unit: f.unit, About: f.about})
		m.Figures = append(m.Figures, faultline.ModelFigure{Doc: f.doc, Start: sp.Start, End: sp.End, Text: sp.Text, Value: f.value, Unit: f.unit, About: f.about})
	}
	for _, a := range handActors {
		docs := map[string]bool{}
		for _, e := range mentions[a.id] {
			docs[e.Doc] = true
		}
		m.Actors = append(m.Actors, faultline.Actor{ID: a.id, Canonical: a.name, Type: a.typ,
			Aliases: append([]string{a.name}, a.aliases...), Mentions: mentions[a.id], Docs: len(docs)})
	}
	for _, d := range handDocs {
		doc := &faultline.Document{ID: d.id, Title: d.title, Source: d.source, Date: d.date, DateSource: faultline.DateFromMetadata,
			Text: d.text, SHA256: faultline.ContentHash(d.text)}
		s.PutDocument(context.Background(), doc, exts[d.id])
	}
	s.model = m
	return s
}
