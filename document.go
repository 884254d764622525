package faultline

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Document is one article or report as ingested: its original text, exactly as given, and
// what is known about where and when it was published. Its ID is derived from its content
// (see ContentID) unless the source gave one, so re-ingesting the same text is a no-op.
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"` // publisher or feed, e.g. "The Independent"
	URL    string `json:"url,omitempty"`
	Text   string `json:"text,omitempty"`

	// Date is the publication date as YYYY-MM-DD, YYYY-MM or YYYY, or "" when unknown.
	Date string `json:"date,omitempty"`
	// DateSource says how Date was obtained: one of the DateFrom… constants.
	DateSource string `json:"date_source,omitempty"`

	// SHA256 is the hex SHA-256 of Text; two documents with the same hash are one document.
	SHA256 string `json:"sha256"`
	// DuplicateOf is the ID of an earlier document this one nearly duplicates (a wire copy),
	// or "" when it is an original report.
	DuplicateOf string `json:"duplicate_of,omitempty"`

	IngestedAt time.Time `json:"ingested_at,omitzero"`
}

// How a Document's Date was obtained.
const (
	DateFromMetadata = "metadata" // given by the source: a flag, a JSON field, a feed, HTML meta
	DateFromText     = "text"     // inferred from the text itself (a dateline, "in 2006"); lower confidence
	DateUnknown      = "unknown"  // no date could be found
)

// ContentHash returns the hex SHA-256 of text.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// ContentID returns the content-derived document id used when a source gives none:
// "doc-" and the first 16 hex digits of the text's SHA-256.
func ContentID(text string) string { return "doc-" + ContentHash(text)[:16] }
