package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/internal/storecheck"
)

// PutDocument stores doc and its extraction (which may be nil) in one transaction. A
// document whose SHA256 is already stored is not stored again: created is false and nothing
// changes. A different text under an ID already taken is an ECONFLICT error. Every offset of
// the extraction must lie within the text, or nothing is stored (EINVALID).
func (s *Store) PutDocument(ctx context.Context, doc *faultline.Document, ext *faultline.Extraction) (bool, error) {
	if err := storecheck.Document(doc, ext); err != nil {
		return false, err
	}
	if doc.SHA256 == "" {
		doc.SHA256 = faultline.ContentHash(doc.Text)
	}
	if doc.IngestedAt.IsZero() {
		doc.IngestedAt = time.Now().UTC()
	}
	var extJSON []byte
	if ext != nil {
		var err error
		if extJSON, err = json.Marshal(ext); err != nil {
			return false, faultline.Errorf(faultline.EINVALID, "document %s: extraction cannot be encoded: %v", doc.ID, err)
		}
	}
	created := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var id string
		err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE sha256 = ?`, doc.SHA256).Scan(&id)
		if err == nil {
			return nil // the same text is stored: nothing to do
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		err = tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE id = ?`, doc.ID).Scan(&id)
		if err == nil {
			return faultline.Errorf(faultline.ECONFLICT, "document id %s is already stored with a different text", doc.ID)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO documents (id, sha256, title, source, url, date, date_source, duplicate_of, text, ingested_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			doc.ID, doc.SHA256, doc.Title, doc.Source, doc.URL, doc.Date, doc.DateSource, doc.DuplicateOf, doc.Text,
			doc.IngestedAt.UTC().Format(time.RFC3339Nano)); err != nil {
			return err
		}
		if ext != nil {
			if err := putExtraction(ctx, tx, doc, ext, extJSON); err != nil {
				return err
			}
		}
		created = true
		return nil
	})
	if err != nil {
		return false, s.wrap("store document "+doc.ID, err)
	}
	return created, nil
}

// putExtraction writes an extraction and its fact rows.
func putExtraction(ctx context.Context, tx *sql.Tx, doc *faultline.Document, ext *faultline.Extraction, js []byte) error {
	id := doc.ID
	if _, err := tx.ExecContext(ctx, `INSERT INTO extractions (doc_id, json) VALUES (?, ?)`, id, string(js)); err != nil {
		return err
	}
	stmt := func(q string) (*sql.Stmt, error) { return tx.PrepareContext(ctx, q) }

	st, err := stmt(`INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	fts, err := stmt(`INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer fts.Close()
	for i, sp := range ext.Sentences {
		text := doc.Text[sp.Start:sp.End]
		res, err := st.ExecContext(ctx, id, i, sp.Start, sp.End, text)
		if err != nil {
			return err
		}
		rowid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := fts.ExecContext(ctx, rowid, text); err != nil {
			return err
		}
	}

	if len(ext.Entities) > 0 {
		st, err := stmt(`INSERT INTO entities (doc_id, idx, start, end, text, type, actor) VALUES (?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, e := range ext.Entities {
			if _, err := st.ExecContext(ctx, id, i, e.Start, e.End, doc.Text[e.Start:e.End], e.Type, e.Actor); err != nil {
				return err
			}
		}
	}
	if len(ext.Timexes) > 0 {
		st, err := stmt(`INSERT INTO timexes (doc_id, idx, start, end, text, value, precision) VALUES (?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, t := range ext.Timexes {
			if _, err := st.ExecContext(ctx, id, i, t.Start, t.End, doc.Text[t.Start:t.End], t.Value, t.Precision); err != nil {
				return err
			}
		}
	}
	if len(ext.Events) > 0 {
		st, err := stmt(`INSERT INTO events (doc_id, idx, start, end, trigger, type, mode, cameo, goldstein,
			source_start, source_end, source_text, source_actor, target_start, target_end, target_text, target_actor,
			date, date_text, place_start, place_end, place_text, modality, sentence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, e := range ext.Events {
			ss, se, stx, sa := refCols(doc.Text, e.Source)
			ts, te, ttx, ta := refCols(doc.Text, e.Target)
			var ps, pe, ptx any
			if e.Place != nil {
				ps, pe, ptx = e.Place.Start, e.Place.End, doc.Text[e.Place.Start:e.Place.End]
			}
			if _, err := st.ExecContext(ctx, id, i, e.Start, e.End, e.Trigger, e.Type, e.Mode, e.CAMEO, e.Goldstein,
				ss, se, stx, sa, ts, te, ttx, ta, e.Date, e.DateText, ps, pe, ptx, e.Modality, e.Sentence); err != nil {
				return err
			}
		}
	}
	if len(ext.Ties) > 0 {
		st, err := stmt(`INSERT INTO ties (doc_id, idx, type, sign, a_start, a_end, a_text, a_actor, b_start, b_end, b_text, b_actor, ev_start, ev_end, modality)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, t := range ext.Ties {
			if _, err := st.ExecContext(ctx, id, i, t.Type, t.Sign,
				t.A.Start, t.A.End, doc.Text[t.A.Start:t.A.End], t.A.Actor,
				t.B.Start, t.B.End, doc.Text[t.B.Start:t.B.End], t.B.Actor,
				t.Evidence.Start, t.Evidence.End, t.Modality); err != nil {
				return err
			}
		}
	}
	if len(ext.Quotes) > 0 {
		st, err := stmt(`INSERT INTO quotes (doc_id, idx, start, end, text, speaker_start, speaker_end, speaker_text, speaker_actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, q := range ext.Quotes {
			ss, se, stx, sa := refCols(doc.Text, q.Speaker)
			if _, err := st.ExecContext(ctx, id, i, q.Start, q.End, doc.Text[q.Start:q.End], ss, se, stx, sa); err != nil {
				return err
			}
		}
	}
	if len(ext.Figures) > 0 {
		st, err := stmt(`INSERT INTO figures (doc_id, idx, start, end, text, value, unit, about) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, f := range ext.Figures {
			if _, err := st.ExecContext(ctx, id, i, f.Start, f.End, doc.Text[f.Start:f.End], f.Value, f.Unit, f.About); err != nil {
				return err
			}
		}
	}
	return nil
}

// refCols returns the columns of an optional actor reference (NULLs when absent).
func refCols(text string, r *faultline.Ref) (start, end, txt, actor any) {
	if r == nil {
		return nil, nil, nil, nil
	}
	return r.Start, r.End, text[r.Start:r.End], r.Actor
}

const docColumns = `id, sha256, title, source, url, date, date_source, duplicate_of, ingested_at`

// scanDocument reads docColumns (and the text, when withText) into a Document.
func scanDocument(row interface{ Scan(...any) error }, withText bool) (*faultline.Document, error) {
	d := &faultline.Document{}
	var at string
	dest := []any{&d.ID, &d.SHA256, &d.Title, &d.Source, &d.URL, &d.Date, &d.DateSource, &d.DuplicateOf, &at}
	if withText {
		dest = append(dest, &d.Text)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	d.IngestedAt, _ = time.Parse(time.RFC3339Nano, at)
	return d, nil
}

// Document returns a stored document with its text, or an ENOTFOUND error.
func (s *Store) Document(ctx context.Context, id string) (*faultline.Document, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+docColumns+`, text FROM documents WHERE id = ?`, id)
	d, err := scanDocument(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "no document %q", id)
	}
	return d, s.wrap("read document", err)
}

// HasSHA256 reports, for each hash, the id of the stored document with that text, if any.
func (s *Store) HasSHA256(ctx context.Context, hashes []string) (map[string]string, error) {
	out := map[string]string{}
	for _, h := range hashes {
		var id string
		err := s.db.QueryRowContext(ctx, `SELECT id FROM documents WHERE sha256 = ?`, h).Scan(&id)
		if err == nil {
			out[h] = id
		} else if !errors.Is(err, sql.ErrNoRows) {
			return nil, s.wrap("look up documents", err)
		}
	}
	return out, nil
}

// Documents lists stored documents, without their text, in ingest order, and returns the
// total number stored.
func (s *Store) Documents(ctx context.Context, f faultline.DocumentFilter) ([]*faultline.Document, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&total); err != nil {
		return nil, 0, s.wrap("count documents", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+docColumns+` FROM documents ORDER BY seq LIMIT ? OFFSET ?`, limit, max(f.Offset, 0))
	if err != nil {
		return nil, 0, s.wrap("list documents", err)
	}
	defer rows.Close()
	docs := []*faultline.Document{}
	for rows.Next() {
		d, err := scanDocument(rows, false)
		if err != nil {
			return nil, 0, s.wrap("list documents", err)
		}
		docs = append(docs, d)
	}
	return docs, total, s.wrap("list documents", rows.Err())
}

// Extraction returns the stored extraction of a document, or an ENOTFOUND error.
func (s *Store) Extraction(ctx context.Context, docID string) (*faultline.Extraction, error) {
	var js string
	err := s.db.QueryRowContext(ctx, `SELECT json FROM extractions WHERE doc_id = ?`, docID).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
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

// extractionsPage is how many documents Extractions reads at a time; no read transaction is
// held while fn runs.
const extractionsPage = 200

// Extractions calls fn for every stored document (with its text) and its extraction, in
// ingest order. A document stored without an extraction gets an empty one. fn may use the
// store.
func (s *Store) Extractions(ctx context.Context, fn func(*faultline.Document, *faultline.Extraction) error) error {
	last := int64(0)
	for {
		type item struct {
			d  *faultline.Document
			js sql.NullString
		}
		var page []item
		rows, err := s.db.QueryContext(ctx, `SELECT d.seq, `+prefix("d.", docColumns)+`, d.text, e.json
			FROM documents d LEFT JOIN extractions e ON e.doc_id = d.id WHERE d.seq > ? ORDER BY d.seq LIMIT ?`, last, extractionsPage)
		if err != nil {
			return s.wrap("read extractions", err)
		}
		for rows.Next() {
			var it item
			var seq int64
			d := &faultline.Document{}
			var at string
			if err := rows.Scan(&seq, &d.ID, &d.SHA256, &d.Title, &d.Source, &d.URL, &d.Date, &d.DateSource, &d.DuplicateOf, &at, &d.Text, &it.js); err != nil {
				rows.Close()
				return s.wrap("read extractions", err)
			}
			d.IngestedAt, _ = time.Parse(time.RFC3339Nano, at)
			it.d, last = d, seq
			page = append(page, it)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return s.wrap("read extractions", err)
		}
		for _, it := range page {
			ext := &faultline.Extraction{Schema: faultline.Schema, ID: it.d.ID, Date: it.d.Date}
			if it.js.Valid {
				if ext, err = decodeExtraction(it.d.ID, it.js.String); err != nil {
					return err
				}
			}
			if err := fn(it.d, ext); err != nil {
				return err
			}
		}
		if len(page) < extractionsPage {
			return nil
		}
	}
}

// prefix qualifies each of a comma-separated list of columns.
func prefix(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

// Snippet markers around the matched words in SearchHit.Snippet.
const (
	MatchStart = "«"
	MatchEnd   = "»"
)

// MaxSearchLimit caps the number of hits Search returns.
const MaxSearchLimit = 1000

// Search finds sentences matching a full-text query: every word of the query must occur
// (case- and diacritic-insensitive; FTS5 operators and punctuation are treated as text, a
// trailing * is a prefix search). Hits come best first (Rank is the negated BM25 score, higher
// is better), with the sentence offsets, its text and a snippet marking the matched words
// with « ». limit <= 0 means 20.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]faultline.SearchHit, error) {
	q := ftsQuery(query)
	hits := []faultline.SearchHit{}
	if q == "" {
		return hits, nil
	}
	if limit <= 0 {
		limit = 20
	}
	limit = min(limit, MaxSearchLimit)
	rows, err := s.db.QueryContext(ctx, `SELECT s.doc_id, s.start, s.end, s.text,
		snippet(sentences_fts, 0, ?, ?, '…', 16), bm25(sentences_fts)
		FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
		WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts), s.id LIMIT ?`, MatchStart, MatchEnd, q, limit)
	if err != nil {
		return nil, s.wrap("search", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h faultline.SearchHit
		if err := rows.Scan(&h.Doc, &h.Start, &h.End, &h.Text, &h.Snippet, &h.Rank); err != nil {
			return nil, s.wrap("search", err)
		}
		h.Rank = -h.Rank
		hits = append(hits, h)
	}
	return hits, s.wrap("search", rows.Err())
}

// ftsQuery turns free text into a safe FTS5 query: each word becomes a quoted term (a
// trailing * makes it a prefix), all terms required.
func ftsQuery(query string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(query, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*' || r == '\'' || r == '-' || r == '_')
	}) {
		star := strings.HasSuffix(w, "*")
		w = strings.Trim(w, "*'-_")
		w = strings.ReplaceAll(w, "*", "")
		if w == "" {
			continue
		}
		t := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if star {
			t += "*"
		}
		terms = append(terms, t)
	}
	return strings.Join(terms, " ")
}

// Texts calls fn with the id, duplicate_of and text of every stored document in ingest
// order, without reading extractions: near-duplicate detection indexes the stored texts.
func (s *Store) Texts(ctx context.Context, fn func(id, duplicateOf, text string) error) error {
	last := int64(0)
	for {
		type row struct{ id, dup, text string }
		var page []row
		rows, err := s.db.QueryContext(ctx, `SELECT seq, id, duplicate_of, text FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`, last, extractionsPage)
		if err != nil {
			return s.wrap("read texts", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&last, &r.id, &r.dup, &r.text); err != nil {
				rows.Close()
				return s.wrap("read texts", err)
			}
			page = append(page, r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return s.wrap("read texts", err)
		}
		for _, r := range page {
			if err := fn(r.id, r.dup, r.text); err != nil {
				return err
			}
		}
		if len(page) < extractionsPage {
			return nil
		}
	}
}
