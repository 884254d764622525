// Package sqlite is faultline's embedded Store: one SQLite file (pure Go, modernc.org/sqlite),
// no server. The schema is created and upgraded by versioned migrations (migrations/*.sql,
// embedded; the applied version is kept in the schema_version table). The database runs in
// WAL mode with a busy timeout and foreign keys on, so readers never block the writer and
// several processes can share one file.
//
// Documents are stored with their extraction (as JSON, the record of what the pipeline
// produced) and with the facts restated as rows that keep their evidence offsets: sentences
// (indexed for full-text search with FTS5), entities, timexes, events, ties, quotes and
// figures. The corpus model is stored in its own tables and replaced as a whole by SaveModel.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/faultline/faultline"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// BusyTimeout is how long, in milliseconds, a connection waits for another writer (in this
// or another process) to finish before it gives up with a "database is locked" error.
const BusyTimeout = 10000

// Store is a faultline.Store in one SQLite file. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// mu serialises this process's write transactions; other processes wait on SQLite's
	// own lock (BEGIN IMMEDIATE with a busy timeout).
	mu sync.Mutex
}

var _ faultline.Store = (*Store)(nil)

// Open opens (creating it if needed) the SQLite database at path and brings its schema up to
// date. path is a file path, or a "file:" URI whose query may carry SQLite URI parameters
// such as mode=ro.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, faultline.Errorf(faultline.EINVALID, "no database path")
	}
	if path == ":memory:" || strings.Contains(path, "mode=memory") {
		return nil, faultline.Errorf(faultline.EINVALID, "in-memory SQLite databases are not supported (each connection would see its own): give a file path")
	}
	name, query := path, ""
	if strings.HasPrefix(path, "file:") {
		if i := strings.IndexByte(path, '?'); i >= 0 {
			name, query = path[:i], path[i+1:]
		}
	} else {
		if dir := filepath.Dir(path); dir != "" {
			if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
				return nil, faultline.Errorf(faultline.EINVALID, "cannot open database %s: directory %s does not exist", path, dir)
			}
		}
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			return nil, faultline.Errorf(faultline.EINVALID, "cannot open database %s: it is a directory", path)
		}
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "database %s: bad parameters: %v", path, err)
	}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(BusyTimeout)+")")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", name+"?"+q.Encode())
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "cannot open database %s: %v", path, err)
	}
	s := &Store{db: db, path: path}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, s.wrap("open", err)
	}
	// WAL is a property of the file: set once, it stays. A read-only file keeps the mode it
	// has and can still be read.
	var mode string
	if err := db.QueryRowContext(ctx, `PRAGMA journal_mode=WAL`).Scan(&mode); err != nil && faultline.ErrorCode(s.wrap("", err)) != faultline.EINVALID {
		db.Close()
		return nil, s.wrap("open", err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path returns the path the store was opened with.
func (s *Store) Path() string { return s.path }

// Version returns the schema version of the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	return v, s.wrap("schema version", err)
}

// migration is one schema step: migrations/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migrations in version order.
func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := filepath.Base(n)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("sqlite: migration %s: name must start with a version number", base)
		}
		b, err := migrations.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies, each in its own transaction, every migration newer than the database.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	var have int
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have)
	if err != nil && strings.Contains(err.Error(), "no such table") {
		if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))`); err != nil {
			return s.wrap("create schema_version", err)
		}
		have = 0
	} else if err != nil {
		return s.wrap("read schema version", err)
	}
	if last := ms[len(ms)-1].version; have > last {
		return faultline.Errorf(faultline.EINVALID, "database %s has schema version %d, newer than this faultline (%d): upgrade faultline", s.path, have, last)
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name) VALUES (?, ?)`, m.version, m.name)
			return err
		})
		if err != nil {
			return s.wrap("migrate", err)
		}
	}
	return nil
}

// tx runs fn in a write transaction, committing if fn returns nil and rolling back otherwise.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// wrap turns a database error into a faultline error a user can act on. Application errors
// pass through unchanged; nil stays nil.
func (s *Store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var fe *faultline.Error
	if errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_READONLY:
			return faultline.Errorf(faultline.EINVALID, "database %s is read-only: %s failed", s.path, op)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return faultline.Errorf(faultline.ECONFLICT, "database %s is locked by another writer: %s failed (try again)", s.path, op)
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
			return faultline.Errorf(faultline.EINVALID, "cannot open database %s: %v", s.path, se)
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return faultline.Errorf(faultline.EINVALID, "%s is not a faultline database or is damaged: %v", s.path, se)
		case sqlite3.SQLITE_FULL:
			return faultline.Errorf(faultline.EINTERNAL, "disk full writing %s: %s failed", s.path, op)
		}
	}
	return fmt.Errorf("sqlite: %s: %w", op, err)
}
