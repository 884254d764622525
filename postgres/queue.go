package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/faultline/faultline"
	"github.com/jackc/pgx/v5"
)

// Queue adds a document to the shared ingest queue and reports whether it did: a document
// whose text is stored, or queued and not failed, is not queued again. A document that failed
// before is queued again (a retry). source names where it came from, for error messages.
func (s *Store) Queue(ctx context.Context, source string, doc *faultline.Document) (bool, error) {
	if doc != nil && strings.TrimSpace(doc.Text) == "" {
		return false, faultline.Errorf(faultline.EINVALID, "document %s has no text", doc.ID)
	}
	if err := prepare(doc, nil); err != nil {
		return false, err
	}
	js, err := json.Marshal(doc)
	if err != nil {
		return false, faultline.Errorf(faultline.EINVALID, "document %s cannot be encoded: %v", doc.ID, err)
	}
	var n int64
	err = s.with(ctx, func(c *pgx.Conn) error {
		tag, err := c.Exec(ctx, `INSERT INTO ingest_queue (sha256, source, doc)
			SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = $1)
			ON CONFLICT (sha256) DO UPDATE SET source = EXCLUDED.source, doc = EXCLUDED.doc, state = 'pending', error = '', queued_at = now()
			WHERE ingest_queue.state = 'failed'`, doc.SHA256, source, string(js))
		n = tag.RowsAffected()
		return err
	})
	return n > 0, s.wrap("queue document "+doc.ID, err)
}

// Claimed is the outcome of one claimed document.
type Claimed struct {
	Source  string
	Doc     *faultline.Document
	Created bool  // stored by this claim
	Err     error // why it failed; it is then marked failed in the queue
}

// Claim takes the oldest pending document of the queue that no other worker holds
// (SELECT … FOR UPDATE SKIP LOCKED), calls extract on it and, in the same transaction, stores
// the document with its extraction and marks it done — or, if extract or storing fails, marks
// it failed with the reason. ok is false when nothing is pending. If the worker dies before
// the end, the transaction rolls back and the document waits for another worker. Documents
// keep the queue's order as their ingest order, whichever worker stores them.
func (s *Store) Claim(ctx context.Context, extract func(*faultline.Document) (*faultline.Extraction, error)) (c Claimed, ok bool, err error) {
	err = s.tx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		var qid int64
		var js string
		err := tx.QueryRow(ctx, `SELECT qid, source, doc::text FROM ingest_queue WHERE state = 'pending'
			ORDER BY qid LIMIT 1 FOR UPDATE SKIP LOCKED`).Scan(&qid, &c.Source, &js)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		} else if err != nil {
			return err
		}
		ok = true
		doc := &faultline.Document{}
		if err := json.Unmarshal([]byte(js), doc); err != nil {
			c.Err = faultline.Errorf(faultline.EINTERNAL, "queued document is damaged: %v", err)
		} else {
			c.Doc = doc
			c.Created, c.Err = store(ctx, tx, doc, qid, extract)
		}
		state, msg := "done", ""
		if c.Err != nil {
			state, msg = "failed", c.Err.Error()
			if fe := (*faultline.Error)(nil); errors.As(c.Err, &fe) {
				msg = fe.Message
			}
		}
		_, err = tx.Exec(ctx, `UPDATE ingest_queue SET state = $2, error = $3, done_at = now() WHERE qid = $1`, qid, state, msg)
		return err
	})
	return c, ok, s.wrap("claim a queued document", err)
}

// store extracts a claimed document and stores it inside a savepoint, so that a failure
// leaves the claim's transaction usable for marking the document failed.
func store(ctx context.Context, tx pgx.Tx, doc *faultline.Document, qid int64, extract func(*faultline.Document) (*faultline.Extraction, error)) (bool, error) {
	ext, err := extract(doc)
	if err != nil {
		return false, err
	}
	if err := prepare(doc, ext); err != nil {
		return false, err
	}
	sp, err := tx.Begin(ctx)
	if err != nil {
		return false, err
	}
	created, err := insertDocument(ctx, sp, doc, ext, qid)
	if err != nil {
		sp.Rollback(ctx)
		return false, err
	}
	return created, sp.Commit(ctx)
}

// Pending returns the number of documents waiting in the queue.
func (s *Store) Pending(ctx context.Context) (int, error) {
	var n int
	err := s.with(ctx, func(c *pgx.Conn) error {
		return c.QueryRow(ctx, `SELECT COUNT(*) FROM ingest_queue WHERE state = 'pending'`).Scan(&n)
	})
	return n, s.wrap("count the queue", err)
}
