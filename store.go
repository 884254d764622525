package faultline

import "context"

// Store keeps documents, their extractions, the resolved actors and the analysts' overrides.
// The embedded default is SQLite (package sqlite); PostgreSQL (package postgres) serves teams
// and large archives behind the same interface. Implementations are safe for concurrent use.
type Store interface {
	// PutDocument stores a document and its extraction in one transaction. It reports
	// created=false, and changes nothing, when a document with the same SHA256 is stored.
	PutDocument(ctx context.Context, doc *Document, ext *Extraction) (created bool, err error)
	// Document returns a stored document with its text, or an ENOTFOUND error.
	Document(ctx context.Context, id string) (*Document, error)
	// Documents lists stored documents (without text) in ingest order.
	Documents(ctx context.Context, f DocumentFilter) ([]*Document, int, error)
	// Extraction returns the stored extraction of a document, or an ENOTFOUND error.
	Extraction(ctx context.Context, docID string) (*Extraction, error)
	// Extractions calls fn for every stored document and its extraction, in ingest order.
	Extractions(ctx context.Context, fn func(*Document, *Extraction) error) error
	// Search finds sentences matching a full-text query.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)

	// SaveModel replaces the corpus model (actors and the facts in actor terms) in one
	// transaction; it is written by resolution after each ingest.
	SaveModel(ctx context.Context, m *Model) error
	// Model returns the stored corpus model; an empty store gives an empty model.
	Model(ctx context.Context) (*Model, error)

	// AddOverride records an analyst's correction; Overrides lists them oldest first.
	AddOverride(ctx context.Context, o *Override) error
	Overrides(ctx context.Context) ([]Override, error)

	Close() error
}

// DocumentFilter selects and pages documents.
type DocumentFilter struct {
	Offset, Limit int // Limit 0 means no limit
}

// SearchHit is a sentence that matched a full-text query.
type SearchHit struct {
	Doc     string  `json:"doc"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Snippet string  `json:"snippet,omitempty"`
	Rank    float64 `json:"rank"`
}
