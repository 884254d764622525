// Package storecheck holds the checks every faultline.Store makes before it stores a
// document, so that the SQLite and PostgreSQL stores accept and refuse the same input.
package storecheck

import (
	"strings"
	"unicode/utf8"

	"github.com/faultline/faultline"
)

// Document rejects a document or extraction that cannot be stored faithfully: no id, text
// that is not UTF-8 or holds NUL bytes, a hash that does not match the text, a failed
// extraction, an extraction of another document, or a span outside the text (EINVALID).
func Document(doc *faultline.Document, ext *faultline.Extraction) error {
	if doc == nil {
		return faultline.Errorf(faultline.EINVALID, "no document")
	}
	if strings.TrimSpace(doc.ID) == "" {
		return faultline.Errorf(faultline.EINVALID, "document has no id")
	}
	if !utf8.ValidString(doc.Text) {
		return faultline.Errorf(faultline.EINVALID, "document %s: text is not valid UTF-8", doc.ID)
	}
	if strings.IndexByte(doc.Text, 0) >= 0 {
		return faultline.Errorf(faultline.EINVALID, "document %s: text contains NUL bytes", doc.ID)
	}
	if doc.SHA256 != "" && doc.SHA256 != faultline.ContentHash(doc.Text) {
		return faultline.Errorf(faultline.EINVALID, "document %s: sha256 does not match its text", doc.ID)
	}
	if ext == nil {
		return nil
	}
	if ext.Error != "" {
		return faultline.Errorf(faultline.EINVALID, "document %s: extraction failed: %s", doc.ID, ext.Error)
	}
	if ext.ID != "" && ext.ID != doc.ID {
		return faultline.Errorf(faultline.EINVALID, "document %s: extraction is of document %s", doc.ID, ext.ID)
	}
	n := len(doc.Text)
	bad := ""
	span := func(what string, sp faultline.Span) {
		if bad == "" && (sp.Start < 0 || sp.End < sp.Start || sp.End > n) {
			bad = what
		}
	}
	ref := func(what string, r *faultline.Ref) {
		if r != nil {
			span(what, r.Span)
		}
	}
	for _, sp := range ext.Sentences {
		span("sentence", sp)
	}
	for _, e := range ext.Entities {
		span("entity", e.Span)
	}
	for _, t := range ext.Timexes {
		span("timex", t.Span)
	}
	for _, e := range ext.Events {
		span("event", e.Span)
		ref("event source", e.Source)
		ref("event target", e.Target)
		if e.Place != nil {
			span("event place", *e.Place)
		}
		if e.Evidence != nil {
			span("event evidence", *e.Evidence)
		}
	}
	for _, t := range ext.Ties {
		span("tie", t.A.Span)
		span("tie", t.B.Span)
		span("tie evidence", t.Evidence)
	}
	for _, q := range ext.Quotes {
		span("quote", q.Span)
		ref("quote speaker", q.Speaker)
	}
	for _, f := range ext.Figures {
		span("figure", f.Span)
	}
	if bad != "" {
		return faultline.Errorf(faultline.EINVALID, "document %s: a %s span lies outside the text (%d bytes)", doc.ID, bad, n)
	}
	return nil
}
