package resolve

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

// TestBuildKeepsNoText pins what Build reads of a document once it has moved on from it:
// an event's place given only as offsets gets its words from the text, a fact's end that
// overlaps no mention is found by its document-level actor id, an entity repeating
// another's span is dropped, and a document without extraction is listed but adds
// nothing.
func TestBuildKeepsNoText(t *testing.T) {
	text := "Tariq Sabah met Nadia Rahim in Karbala on Monday. Later he spoke."
	at := func(s string) faultline.Span {
		i := strings.Index(text, s)
		return faultline.Span{Start: i, End: i + len(s), Text: s}
	}
	tariq, nadia, karbala := at("Tariq Sabah"), at("Nadia Rahim"), at("Karbala")
	he := at("he")
	ext := &faultline.Extraction{
		Entities: []faultline.Entity{
			{Span: tariq, Type: faultline.PERSON, Actor: "a1"},
			{Span: nadia, Type: faultline.PERSON, Actor: "a2"},
			{Span: nadia, Type: faultline.ORG, Actor: "a9"}, // same span: dropped
			{Span: karbala, Type: faultline.GPE, Actor: "a3"},
		},
		Events: []faultline.Event{{Span: at("met"), Trigger: "met", Type: "CONSULT", Mode: "meet", CAMEO: "040",
			Source: &faultline.Ref{Span: tariq, Actor: "a1"},
			// An empty span: no mention overlaps it, its actor id names one.
			Target: &faultline.Ref{Span: faultline.Span{Start: he.Start, End: he.Start}, Actor: "a2"},
			Place:  &faultline.Span{Start: karbala.Start, End: karbala.End}, Modality: faultline.Asserted}},
		Quotes: []faultline.Quote{{Span: at("Later he spoke"), Speaker: &faultline.Ref{Span: tariq}}},
	}
	docs := []*faultline.Document{{ID: "d1", Text: text, Date: "2007-03-05"}, nil, {ID: "d3", Text: "Nothing extracted."}}
	m, err := Build(docs, []*faultline.Extraction{ext}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Documents) != 2 || m.Documents[0].ID != "d1" || m.Documents[1].ID != "d3" {
		t.Errorf("documents %+v, want d1 and d3", m.Documents)
	}
	if len(m.Events) != 1 {
		t.Fatalf("%d events, want 1", len(m.Events))
	}
	ev := m.Events[0]
	if ev.Place != "Karbala" || ev.Source != "tariq-sabah" || ev.Target != "nadia-rahim" {
		t.Errorf("event place %q source %q target %q, want Karbala, tariq-sabah, nadia-rahim", ev.Place, ev.Source, ev.Target)
	}
	if len(m.Quotes) != 1 || m.Quotes[0].Speaker != "tariq-sabah" || m.Quotes[0].Text != "Later he spoke" {
		t.Errorf("quotes %+v", m.Quotes)
	}
	spans := 0 // mentions at her span
	for _, a := range m.Actors {
		if a.ID == "nadia-rahim" && a.Type != faultline.PERSON {
			t.Errorf("nadia-rahim typed %s: the entity repeating her span counted", a.Type)
		}
		for _, e := range a.Mentions {
			if e.Start == nadia.Start && e.End == nadia.End {
				spans++
			}
		}
	}
	if spans != 1 {
		t.Errorf("%d mentions at Nadia Rahim's span, want 1: the entity repeating it counted", spans)
	}
}
