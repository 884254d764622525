// Package contractcheck checks output against the machine-readable contract (CONTRACT.md):
// every span's offsets lie inside its document and its text is exactly the bytes at those
// offsets, and every type, modality and sign is in the contract's vocabulary. Tests of any
// package use it on what they produce:
//
//	for _, err := range contractcheck.Extraction(doc.Text, ext) {
//		t.Error(err)
//	}
package contractcheck

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/faultline/faultline"
)

// checker collects problems.
type checker struct {
	errs []error
	max  int
}

func (c *checker) errorf(format string, args ...any) {
	if c.max > 0 && len(c.errs) >= c.max {
		return
	}
	c.errs = append(c.errs, fmt.Errorf(format, args...))
}

// MaxErrors caps the number of problems one call reports.
const MaxErrors = 50

func newChecker() *checker { return &checker{max: MaxErrors} }

// span checks that [start, end) lies in text and, when want is not nil, that the bytes there
// are *want.
func (c *checker) span(where, text string, start, end int, want *string) {
	if start < 0 || end < start || end > len(text) {
		c.errorf("%s: span [%d,%d) outside the text (%d bytes)", where, start, end, len(text))
		return
	}
	if want != nil && text[start:end] != *want {
		c.errorf("%s: span [%d,%d) is %q in the text but says %q", where, start, end, text[start:end], *want)
	}
}

func (c *checker) vocab(where, what, v string, allowed []string) {
	if !slices.Contains(allowed, v) {
		c.errorf("%s: %s %q is not in the contract vocabulary (%s)", where, what, v, strings.Join(allowed, " "))
	}
}

func (c *checker) sign(where string, s int) {
	if s < -1 || s > 1 {
		c.errorf("%s: sign %d, want -1, 0 or 1", where, s)
	}
}

// textOf returns a pointer to a span's text, or nil when the span leaves it empty (optional).
func textOf(s faultline.Span) *string {
	if s.Text == "" && s.Start != s.End {
		return nil
	}
	return &s.Text
}

// Extraction checks one document's extraction against its text: every span (sentences,
// entities, timexes, event triggers and arguments, places and evidence, tie ends and evidence,
// quotes and speakers, figures) lies in the text and its text, when given, equals the bytes at
// its offsets; entity and event types, tie types, modalities and signs are in the contract's
// vocabularies. It returns the problems found (nil: none).
func Extraction(text string, ext *faultline.Extraction) []error {
	c := newChecker()
	if ext == nil {
		return []error{fmt.Errorf("no extraction")}
	}
	if ext.Schema != faultline.Schema {
		c.errorf("schema %d, want %d", ext.Schema, faultline.Schema)
	}
	ref := func(where string, r *faultline.Ref) {
		if r != nil {
			c.span(where, text, r.Start, r.End, textOf(r.Span))
		}
	}
	for i, s := range ext.Sentences {
		c.span(fmt.Sprintf("sentence %d", i), text, s.Start, s.End, textOf(s))
	}
	for i, e := range ext.Entities {
		w := fmt.Sprintf("entity %d", i)
		c.span(w, text, e.Start, e.End, textOf(e.Span))
		c.vocab(w, "type", e.Type, faultline.EntityTypes)
	}
	for i, x := range ext.Timexes {
		c.span(fmt.Sprintf("timex %d", i), text, x.Start, x.End, textOf(x.Span))
	}
	for i, e := range ext.Events {
		w := fmt.Sprintf("event %d (%s)", i, e.Trigger)
		c.span(w+" trigger", text, e.Start, e.End, &e.Trigger)
		if e.Span.Text != "" {
			c.span(w, text, e.Start, e.End, &e.Span.Text)
		}
		ref(w+" source", e.Source)
		ref(w+" target", e.Target)
		if e.Place != nil {
			c.span(w+" place", text, e.Place.Start, e.Place.End, textOf(*e.Place))
		}
		if e.Evidence != nil {
			c.span(w+" evidence", text, e.Evidence.Start, e.Evidence.End, textOf(*e.Evidence))
		}
		c.vocab(w, "type", e.Type, faultline.EventTypes)
		c.vocab(w, "modality", e.Modality, faultline.Modalities)
		if e.Sentence < 0 || (len(ext.Sentences) > 0 && e.Sentence >= len(ext.Sentences)) {
			c.errorf("%s: sentence %d of %d", w, e.Sentence, len(ext.Sentences))
		}
	}
	for i, t := range ext.Ties {
		w := fmt.Sprintf("tie %d (%s)", i, t.Type)
		c.span(w+" a", text, t.A.Start, t.A.End, textOf(t.A.Span))
		c.span(w+" b", text, t.B.Start, t.B.End, textOf(t.B.Span))
		c.span(w+" evidence", text, t.Evidence.Start, t.Evidence.End, textOf(t.Evidence))
		c.vocab(w, "type", t.Type, faultline.TieTypes)
		c.vocab(w, "modality", t.Modality, faultline.Modalities)
		c.sign(w, t.Sign)
	}
	for i, q := range ext.Quotes {
		w := fmt.Sprintf("quote %d", i)
		c.span(w, text, q.Start, q.End, textOf(q.Span))
		ref(w+" speaker", q.Speaker)
	}
	for i, f := range ext.Figures {
		c.span(fmt.Sprintf("figure %d", i), text, f.Start, f.End, textOf(f.Span))
	}
	return c.errs
}

// JSON checks a decoded JSON value generically: every object carrying numeric "start" and
// "end" must lie in text, and its "text", when present, must equal the bytes at its offsets.
// It catches spans in fields the Go types do not know yet. line is the raw JSON.
func JSON(text string, line []byte) []error {
	var v any
	if err := json.Unmarshal(line, &v); err != nil {
		return []error{fmt.Errorf("not JSON: %v", err)}
	}
	c := newChecker()
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			s, ok1 := x["start"].(float64)
			e, ok2 := x["end"].(float64)
			if ok1 && ok2 {
				var want *string
				if t, ok := x["text"].(string); ok {
					want = &t
				}
				c.span(path, text, int(s), int(e), want)
			}
			for k, y := range x {
				walk(path+"."+k, y)
			}
		case []any:
			for i, y := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), y)
			}
		}
	}
	walk("$", v)
	return c.errs
}

// Model checks a corpus model against the texts of its documents (by id; a document missing
// from texts has its offsets left unchecked): every evidence and mention lies in its document,
// quote and figure texts equal the bytes at their offsets, facts name actors the model has,
// facts name documents the model lists, and types, modalities and signs are in the contract's
// vocabularies.
func Model(m *faultline.Model, texts map[string]string) []error {
	c := newChecker()
	if m == nil {
		return []error{fmt.Errorf("no model")}
	}
	if m.Schema != faultline.Schema {
		c.errorf("schema %d, want %d", m.Schema, faultline.Schema)
	}
	docs := map[string]bool{}
	for _, d := range m.Documents {
		docs[d.ID] = true
		if d.SHA256 != "" {
			if t, ok := texts[d.ID]; ok && faultline.ContentHash(t) != d.SHA256 {
				c.errorf("document %s: sha256 does not match its text", d.ID)
			}
		}
	}
	actors := map[string]bool{}
	for _, a := range m.Actors {
		if a.ID == "" {
			c.errorf("actor %q without id", a.Canonical)
		}
		if actors[a.ID] {
			c.errorf("actor %s listed twice", a.ID)
		}
		actors[a.ID] = true
		c.vocab("actor "+a.ID, "type", a.Type, faultline.EntityTypes)
	}
	ev := func(where string, e faultline.Evidence, want *string) {
		if !docs[e.Doc] {
			c.errorf("%s: document %q is not in the model", where, e.Doc)
			return
		}
		if t, ok := texts[e.Doc]; ok {
			c.span(where+" in "+e.Doc, t, e.Start, e.End, want)
		}
	}
	actor := func(where, id string, optional bool) {
		if id == "" && optional {
			return
		}
		if !actors[id] {
			c.errorf("%s: actor %q is not in the model", where, id)
		}
	}
	for _, a := range m.Actors {
		for i, e := range a.Mentions {
			ev(fmt.Sprintf("actor %s mention %d", a.ID, i), e, nil)
		}
	}
	for i, t := range m.Ties {
		w := fmt.Sprintf("tie %d (%s %s %s)", i, t.A, t.Type, t.B)
		actor(w, t.A, false)
		actor(w, t.B, false)
		c.vocab(w, "type", t.Type, faultline.TieTypes)
		c.sign(w, t.Sign)
		if t.Modality != "" {
			c.vocab(w, "modality", t.Modality, faultline.Modalities)
		}
		for j, e := range t.Evidence {
			ev(fmt.Sprintf("%s evidence %d", w, j), e, nil)
		}
	}
	for i, e := range m.Events {
		w := fmt.Sprintf("event %d (%s)", i, e.Type)
		actor(w+" source", e.Source, true)
		actor(w+" target", e.Target, true)
		c.vocab(w, "type", e.Type, faultline.EventTypes)
		c.vocab(w, "modality", e.Modality, faultline.Modalities)
		if !docs[e.Doc] {
			c.errorf("%s: document %q is not in the model", w, e.Doc)
		}
		ev(w+" evidence", e.Evidence, nil)
	}
	for i, q := range m.Quotes {
		w := fmt.Sprintf("quote %d", i)
		actor(w+" speaker", q.Speaker, true)
		ev(w, faultline.Evidence{Doc: q.Doc, Start: q.Start, End: q.End}, &q.Text)
	}
	for i, f := range m.Figures {
		ev(fmt.Sprintf("figure %d", i), faultline.Evidence{Doc: f.Doc, Start: f.Start, End: f.End}, &f.Text)
	}
	for i, p := range m.Paradoxes {
		w := fmt.Sprintf("paradox %d", i)
		for _, a := range p.Actors {
			actor(w, a, false)
		}
		for _, s := range p.Signs {
			c.sign(w, s)
		}
		for j, e := range p.Evidence {
			ev(fmt.Sprintf("%s evidence %d", w, j), e, nil)
		}
	}
	return c.errs
}
