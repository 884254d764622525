// Package postgres is faultline's shared Store: a PostgreSQL database (github.com/jackc/pgx)
// for teams and large archives, behind the same interface and with the same tables as the
// embedded SQLite store (package sqlite). Its schema is created and upgraded by versioned
// migrations (migrations/*.sql, embedded; the applied version is kept in schema_version),
// applied under an advisory lock so that several processes may open a new database at once.
// Sentences are searched with PostgreSQL full-text search (a GIN-indexed tsvector).
//
// Several ingest workers, on one machine or many, share the work through the database: the
// documents read by any of them wait in the ingest_queue table, and each worker claims one at
// a time with SELECT … FOR UPDATE SKIP LOCKED, extracts it, and stores it in the same
// transaction (see Queue and Claim). A worker that dies mid-document releases its claim, so
// the document is claimed again; nothing is half stored.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/faultline/faultline"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

//go:embed migrations/*.sql
var migrations embed.FS

// MaxConns is the default number of connections a Store opens at most.
const MaxConns = 8

// migrationLock is the advisory lock key held while migrations run.
const migrationLock = 0x6661756c746c696e // "faultlin"

// Store is a faultline.Store in a PostgreSQL database. It is safe for concurrent use.
type Store struct {
	pool *pool
	name string // the DSN without its password, for messages
}

var _ faultline.Store = (*Store)(nil)

// Open connects to the PostgreSQL database named by dsn (a postgres:// URL or a key=value
// connection string) and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "bad PostgreSQL address: %v", err)
	}
	name := fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	s := &Store{pool: newPool(cfg, MaxConns), name: name}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes every connection.
func (s *Store) Close() error {
	s.pool.close()
	return nil
}

// pool is a small connection pool: pgx.Conn is not safe for concurrent use.
type pool struct {
	cfg    *pgx.ConnConfig
	sem    chan struct{}
	mu     sync.Mutex
	idle   []*pgx.Conn
	closed bool
}

func newPool(cfg *pgx.ConnConfig, max int) *pool {
	return &pool{cfg: cfg, sem: make(chan struct{}, max)}
}

// acquire returns an idle connection or a new one, waiting while max are in use.
func (p *pool) acquire(ctx context.Context) (*pgx.Conn, error) {
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		<-p.sem
		return nil, faultline.Errorf(faultline.EINVALID, "store is closed")
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	c, err := pgx.ConnectConfig(ctx, p.cfg)
	if err != nil {
		<-p.sem
		return nil, err
	}
	return c, nil
}

// release returns a connection to the pool, or closes it when it is broken or mid-transaction.
func (p *pool) release(c *pgx.Conn) {
	defer func() { <-p.sem }()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || c.IsClosed() || c.PgConn().IsBusy() || c.PgConn().TxStatus() != 'I' {
		c.Close(context.Background())
		return
	}
	p.idle = append(p.idle, c)
}

func (p *pool) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	for _, c := range p.idle {
		c.Close(context.Background())
	}
	p.idle = nil
}

// with runs fn on a pooled connection.
func (s *Store) with(ctx context.Context, fn func(*pgx.Conn) error) error {
	c, err := s.pool.acquire(ctx)
	if err != nil {
		return err
	}
	defer s.pool.release(c)
	return fn(c)
}

// tx runs fn in a transaction, committing if fn returns nil and rolling back otherwise.
func (s *Store) tx(ctx context.Context, opts pgx.TxOptions, fn func(pgx.Tx) error) error {
	return s.with(ctx, func(c *pgx.Conn) error {
		return pgx.BeginTxFunc(ctx, c, opts, fn)
	})
}

// migration is one schema step: migrations/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := path.Base(n)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("postgres: migration %s: name must start with a version number", base)
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

// migrate applies every migration newer than the database, all in one transaction under an
// advisory lock.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	err = s.tx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		var have int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
			return err
		}
		if last := ms[len(ms)-1].version; have > last {
			return faultline.Errorf(faultline.EINVALID, "database %s has schema version %d, newer than this faultline (%d): upgrade faultline", s.name, have, last)
		}
		for _, m := range ms {
			if m.version <= have {
				continue
			}
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version, name) VALUES ($1, $2)`, m.version, m.name); err != nil {
				return err
			}
		}
		return nil
	})
	return s.wrap("migrate", err)
}

// Version returns the schema version of the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.with(ctx, func(c *pgx.Conn) error {
		return c.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	})
	return v, s.wrap("schema version", err)
}

// wrap turns a database error into a faultline error a user can act on.
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
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "25006": // read_only_sql_transaction
			return faultline.Errorf(faultline.EINVALID, "database %s is read-only: %s failed", s.name, op)
		case pe.Code == "42501": // insufficient_privilege
			return faultline.Errorf(faultline.EINVALID, "database %s: permission denied: %s failed (%s)", s.name, op, pe.Message)
		case pe.Code == "23505": // unique_violation
			return faultline.Errorf(faultline.ECONFLICT, "database %s: %s: already stored (%s)", s.name, op, pe.Message)
		case pe.Code == "40001" || pe.Code == "40P01": // serialization failure, deadlock
			return faultline.Errorf(faultline.ECONFLICT, "database %s: %s conflicted with another writer (try again)", s.name, op)
		case pe.Code == "3D000" || pe.Code == "28P01" || pe.Code == "28000":
			return faultline.Errorf(faultline.EINVALID, "cannot connect to %s: %s", s.name, pe.Message)
		}
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) {
		return faultline.Errorf(faultline.EINVALID, "cannot connect to %s: %v", s.name, err)
	}
	return fmt.Errorf("postgres: %s: %w", op, err)
}
