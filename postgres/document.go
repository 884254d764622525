package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/internal/storecheck"
	"github.com/jackc/pgx/v5"
)

// PutDocument stores doc and its extraction (which may be nil) in one transaction. A
// document whose SHA256 is already stored is not stored again: created is false and nothing
// changes. A different text under an ID already taken is an ECONFLICT error. Every offset of
// the extraction must lie within the text, or nothing is stored (EINVALID).
func (s *Store) PutDocument(ctx context.Context, doc *faultline.Document, ext *faultline.Extraction) (bool, error) {
	if err := prepare(doc, ext); err != nil {
		return false, err
	}
	created := false
	err := s.tx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		var err error
		created, err = insertDocument(ctx, tx, doc, ext, 0)
		return err
	})
	if err != nil {
		return false, s.wrap("store document "+doc.ID, err)
	}
	return created, nil
}

// prepare checks a document and fills in its hash and ingest time.
func prepare(doc *faultline.Document, ext *faultline.Extraction) error {
	if err := storecheck.Document(doc, ext); err != nil {
		return err
	}
	if doc.SHA256 == "" {
		doc.SHA256 = faultline.ContentHash(doc.Text)
	}
	if doc.IngestedAt.IsZero() {
		doc.IngestedAt = time.Now().UTC()
	}
	return nil
}

// insertDocument writes a document and its extraction inside tx; ord is its place in ingest
// order (0: the next one). It reports false, writing nothing, when the text is stored.
func insertDocument(ctx context.Context, tx pgx.Tx, doc *faultline.Document, ext *faultline.Extraction, ord int64) (bool, error) {
	// Serialise writers of the same text or id, so two workers cannot both insert it.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), pg_advisory_xact_lock(hashtextextended($2, 0))`, "sha:"+doc.SHA256, "id:"+doc.ID); err != nil {
		return false, err
	}
	var id string
	err := tx.QueryRow(ctx, `SELECT id FROM documents WHERE sha256 = $1`, doc.SHA256).Scan(&id)
	if err == nil {
		return false, nil
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return false, err
	}
	err = tx.QueryRow(ctx, `SELECT id FROM documents WHERE id = $1`, doc.ID).Scan(&id)
	if err == nil {
		return false, faultline.Errorf(faultline.ECONFLICT, "document id %s is already stored with a different text", doc.ID)
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return false, err
	}
	if ord == 0 {
		if err := tx.QueryRow(ctx, `SELECT nextval('document_ord')`).Scan(&ord); err != nil {
			return false, err
		}
	}
	if _, err := tx.Exec(ctx, `INSERT INTO documents (ord, id, sha256, title, source, url, date, date_source, duplicate_of, text, ingested_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		ord, doc.ID, doc.SHA256, doc.Title, doc.Source, doc.URL, doc.Date, doc.DateSource, doc.DuplicateOf, doc.Text, doc.IngestedAt.UTC()); err != nil {
		return false, err
	}
	if ext != nil {
		if err := putExtraction(ctx, tx, doc, ext); err != nil {
			return false, err
		}
	}
	return true, nil
}

// copyRows bulk-inserts rows into a table.
func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
	return err
}

// refCols returns the columns of an optional actor reference (NULLs when absent).
func refCols(text string, r *faultline.Ref) []any {
	if r == nil {
		return []any{nil, nil, nil, nil}
	}
	return []any{int64(r.Start), int64(r.End), text[r.Start:r.End], r.Actor}
}

// putExtraction writes an extraction and its fact rows.
func putExtraction(ctx context.Context, tx pgx.Tx, doc *faultline.Document, ext *faultline.Extraction) error {
	js, err := json.Marshal(ext)
	if err != nil {
		return faultline.Errorf(faultline.EINVALID, "document %s: extraction cannot be encoded: %v", doc.ID, err)
	}
	id, text := doc.ID, doc.Text
	if _, err := tx.Exec(ctx, `INSERT INTO extractions (doc_id, json) VALUES ($1, $2)`, id, string(js)); err != nil {
		return err
	}
	var rows [][]any
	for i, sp := range ext.Sentences {
		rows = append(rows, []any{id, int64(i), int64(sp.Start), int64(sp.End), text[sp.Start:sp.End]})
	}
	if err := copyRows(ctx, tx, "sentences", []string{"doc_id", "idx", "start", "end", "text"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, e := range ext.Entities {
		rows = append(rows, []any{id, int64(i), int64(e.Start), int64(e.End), text[e.Start:e.End], e.Type, e.Actor})
	}
	if err := copyRows(ctx, tx, "entities", []string{"doc_id", "idx", "start", "end", "text", "type", "actor"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, t := range ext.Timexes {
		rows = append(rows, []any{id, int64(i), int64(t.Start), int64(t.End), text[t.Start:t.End], t.Value, t.Precision})
	}
	if err := copyRows(ctx, tx, "timexes", []string{"doc_id", "idx", "start", "end", "text", "value", "precision"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, e := range ext.Events {
		r := []any{id, int64(i), int64(e.Start), int64(e.End), e.Trigger, e.Type, e.Mode, e.CAMEO, e.Goldstein}
		r = append(r, refCols(text, e.Source)...)
		r = append(r, refCols(text, e.Target)...)
		r = append(r, e.Date, e.DateText)
		if e.Place != nil {
			r = append(r, int64(e.Place.Start), int64(e.Place.End), text[e.Place.Start:e.Place.End])
		} else {
			r = append(r, nil, nil, nil)
		}
		r = append(r, e.Modality, int64(e.Sentence))
		rows = append(rows, r)
	}
	if err := copyRows(ctx, tx, "events", []string{"doc_id", "idx", "start", "end", "trigger", "type", "mode", "cameo", "goldstein",
		"source_start", "source_end", "source_text", "source_actor", "target_start", "target_end", "target_text", "target_actor",
		"date", "date_text", "place_start", "place_end", "place_text", "modality", "sentence"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, t := range ext.Ties {
		rows = append(rows, []any{id, int64(i), t.Type, int64(t.Sign),
			int64(t.A.Start), int64(t.A.End), text[t.A.Start:t.A.End], t.A.Actor,
			int64(t.B.Start), int64(t.B.End), text[t.B.Start:t.B.End], t.B.Actor,
			int64(t.Evidence.Start), int64(t.Evidence.End), t.Modality})
	}
	if err := copyRows(ctx, tx, "ties", []string{"doc_id", "idx", "type", "sign", "a_start", "a_end", "a_text", "a_actor",
		"b_start", "b_end", "b_text", "b_actor", "ev_start", "ev_end", "modality"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, q := range ext.Quotes {
		rows = append(rows, append([]any{id, int64(i), int64(q.Start), int64(q.End), text[q.Start:q.End]}, refCols(text, q.Speaker)...))
	}
	if err := copyRows(ctx, tx, "quotes", []string{"doc_id", "idx", "start", "end", "text", "speaker_start", "speaker_end", "speaker_text", "speaker_actor"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, f := range ext.Figures {
		rows = append(rows, []any{id, int64(i), int64(f.Start), int64(f.End), text[f.Start:f.End], f.Value, f.Unit, f.About})
	}
	return copyRows(ctx, tx, "figures", []string{"doc_id", "idx", "start", "end", "text", "value", "unit", "about"}, rows)
}

const docColumns = `id, sha256, title, source, url, date, date_source, duplicate_of, ingested_at`

func scanDocument(row pgx.Row, withText bool) (*faultline.Document, error) {
	d := &faultline.Document{}
	dest := []any{&d.ID, &d.SHA256, &d.Title, &d.Source, &d.URL, &d.Date, &d.DateSource, &d.DuplicateOf, &d.IngestedAt}
	if withText {
		dest = append(dest, &d.Text)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	d.IngestedAt = d.IngestedAt.UTC()
	return d, nil
}

// Document returns a stored document with its text, or an ENOTFOUND error.
func (s *Store) Document(ctx context.Context, id string) (*faultline.Document, error) {
	var d *faultline.Document
	err := s.with(ctx, func(c *pgx.Conn) error {
		var err error
		d, err = scanDocument(c.QueryRow(ctx, `SELECT `+docColumns+`, text FROM documents WHERE id = $1`, id), true)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "no document %q", id)
	}
	return d, s.wrap("read document", err)
}

// Documents lists stored documents, without their text, in ingest order, and returns the
// total number stored.
func (s *Store) Documents(ctx context.Context, f faultline.DocumentFilter) ([]*faultline.Document, int, error) {
	docs := []*faultline.Document{}
	var total int
	err := s.with(ctx, func(c *pgx.Conn) error {
		if err := c.QueryRow(ctx, `SELECT COUNT(*) FROM documents`).Scan(&total); err != nil {
			return err
		}
		var limit any
		if f.Limit > 0 {
			limit = f.Limit
		}
		rows, err := c.Query(ctx, `SELECT `+docColumns+` FROM documents ORDER BY ord, seq LIMIT $1 OFFSET $2`, limit, max(f.Offset, 0))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d, err := scanDocument(rows, false)
			if err != nil {
				return err
			}
			docs = append(docs, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, s.wrap("list documents", err)
	}
	return docs, total, nil
}

// Extraction returns the stored extraction of a document, or an ENOTFOUND error.
func (s *Store) Extraction(ctx context.Context, docID string) (*faultline.Extraction, error) {
	var js string
	err := s.with(ctx, func(c *pgx.Conn) error {
		return c.QueryRow(ctx, `SELECT json FROM extractions WHERE doc_id = $1`, docID).Scan(&js)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "no extraction of document %q", docID)
	} else if err != nil {
		return nil, s.wrap("read extraction", err)
	}
	return decodeExtraction(docID, js)
}

func decodeExtraction(docID, js string) (*faultline.Extraction, error) {
	ext := &faultline.Extraction{}
	if err := json.Unmarshal([]byte(js), ext); err != nil {
		return nil, faultline.Errorf(faultline.EINTERNAL, "stored extraction of %s is damaged: %v", docID, err)
	}
	return ext, nil
}

// page is how many documents Extractions and Texts read at a time; no connection is held
// while their callbacks run.
const page = 200

// Extractions calls fn for every stored document (with its text) and its extraction, in
// ingest order. A document stored without an extraction gets an empty one. fn may use the
// store.
func (s *Store) Extractions(ctx context.Context, fn func(*faultline.Document, *faultline.Extraction) error) error {
	lastOrd, lastSeq := int64(-1), int64(-1)
	for {
		type item struct {
			d  *faultline.Document
			js *string
		}
		var items []item
		err := s.with(ctx, func(c *pgx.Conn) error {
			rows, err := c.Query(ctx, `SELECT d.ord, d.seq, d.id, d.sha256, d.title, d.source, d.url, d.date, d.date_source, d.duplicate_of, d.ingested_at, d.text, e.json
				FROM documents d LEFT JOIN extractions e ON e.doc_id = d.id
				WHERE (d.ord, d.seq) > ($1, $2) ORDER BY d.ord, d.seq LIMIT $3`, lastOrd, lastSeq, page)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var it item
				d := &faultline.Document{}
				if err := rows.Scan(&lastOrd, &lastSeq, &d.ID, &d.SHA256, &d.Title, &d.Source, &d.URL, &d.Date, &d.DateSource, &d.DuplicateOf, &d.IngestedAt, &d.Text, &it.js); err != nil {
					return err
				}
				d.IngestedAt = d.IngestedAt.UTC()
				it.d = d
				items = append(items, it)
			}
			return rows.Err()
		})
		if err != nil {
			return s.wrap("read extractions", err)
		}
		for _, it := range items {
			ext := &faultline.Extraction{Schema: faultline.Schema, ID: it.d.ID, Date: it.d.Date}
			if it.js != nil {
				if ext, err = decodeExtraction(it.d.ID, *it.js); err != nil {
					return err
				}
			}
			if err := fn(it.d, ext); err != nil {
				return err
			}
		}
		if len(items) < page {
			return nil
		}
	}
}

// Texts calls fn with the id, duplicate_of and text of every stored document in ingest
// order, without reading extractions: near-duplicate detection indexes the stored texts.
func (s *Store) Texts(ctx context.Context, fn func(id, duplicateOf, text string) error) error {
	lastOrd, lastSeq := int64(-1), int64(-1)
	for {
		type row struct{ id, dup, text string }
		var rs []row
		err := s.with(ctx, func(c *pgx.Conn) error {
			rows, err := c.Query(ctx, `SELECT ord, seq, id, duplicate_of, text FROM documents WHERE (ord, seq) > ($1, $2) ORDER BY ord, seq LIMIT $3`, lastOrd, lastSeq, page)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var r row
				if err := rows.Scan(&lastOrd, &lastSeq, &r.id, &r.dup, &r.text); err != nil {
					return err
				}
				rs = append(rs, r)
			}
			return rows.Err()
		})
		if err != nil {
			return s.wrap("read texts", err)
		}
		for _, r := range rs {
			if err := fn(r.id, r.dup, r.text); err != nil {
				return err
			}
		}
		if len(rs) < page {
			return nil
		}
	}
}

// Snippet markers around the matched words in SearchHit.Snippet (as in package sqlite).
const (
	MatchStart = "«"
	MatchEnd   = "»"
)

// MaxSearchLimit caps the number of hits Search returns.
const MaxSearchLimit = 1000

// Search finds sentences matching a full-text query: every word of the query must occur
// (case-insensitive; operators and punctuation are treated as text, a trailing * is a prefix
// search). Hits come best first (Rank is ts_rank, higher is better), with the sentence
// offsets, its text and a snippet marking the matched words with « ». limit <= 0 means 20.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]faultline.SearchHit, error) {
	q := tsQuery(query)
	hits := []faultline.SearchHit{}
	if q == "" {
		return hits, nil
	}
	if limit <= 0 {
		limit = 20
	}
	limit = min(limit, MaxSearchLimit)
	err := s.with(ctx, func(c *pgx.Conn) error {
		rows, err := c.Query(ctx, `SELECT s.doc_id, s.start, s."end", s.text,
			ts_headline('simple', s.text, q, $2), ts_rank(s.tsv, q) AS rank
			FROM sentences s, to_tsquery('simple', $1) q
			WHERE s.tsv @@ q ORDER BY rank DESC, s.id LIMIT $3`,
			q, "StartSel="+MatchStart+", StopSel="+MatchEnd+", MaxWords=35, MinWords=15", limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h faultline.SearchHit
			var rank float32
			if err := rows.Scan(&h.Doc, &h.Start, &h.End, &h.Text, &h.Snippet, &rank); err != nil {
				return err
			}
			h.Rank = float64(rank)
			hits = append(hits, h)
		}
		return rows.Err()
	})
	return hits, s.wrap("search", err)
}

// tsQuery turns free text into a safe to_tsquery expression: every word a quoted lexeme
// (a trailing * a prefix match), all required. Words are split as the 'simple' parser splits
// them: letters and digits.
func tsQuery(query string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(query, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*')
	}) {
		star := strings.HasSuffix(w, "*")
		w = strings.ToLower(strings.ReplaceAll(w, "*", ""))
		if w == "" {
			continue
		}
		t := "'" + w + "'"
		if star {
			t += ":*"
		}
		terms = append(terms, t)
	}
	return strings.Join(terms, " & ")
}
