package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/faultline/faultline/demo"
	"github.com/jackc/pgx/v5"
)

// TestMain lets the test binary stand in for the faultline binary: with
// FAULTLINE_TEST_MAIN=1 it runs main with its arguments, so crash tests can start (and kill)
// real `faultline ingest` processes without a separate build.
func TestMain(m *testing.M) {
	if os.Getenv("FAULTLINE_TEST_MAIN") == "1" {
		os.Args = append([]string{"faultline"}, os.Args[1:]...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child returns a command running faultline with args in a child process.
func child(args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "FAULTLINE_TEST_MAIN=1")
	return c
}

// runChild runs faultline to the end and returns its stdout, stderr and error.
func runChild(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	c := child(args...)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	return out.String(), errb.String(), err
}

// crashCorpus writes 12 articles of the demo corpus and, for every third, an updated copy (a
// near-duplicate, which ingest marks as a wire copy), and returns the directory and the
// number of documents.
func crashCorpus(t *testing.T) (string, int) {
	dir := t.TempDir()
	n := 0
	for i, d := range demo.Documents()[:12] {
		write := func(name, text string) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
		write(d.ID+".txt", d.Text)
		if i%3 == 0 {
			write("update-"+d.ID+".txt", d.Text+fmt.Sprintf("\n\nThis report was updated %d hours after it was first filed.\n", i+1))
		}
	}
	return dir, n
}

// querier runs a query and returns its rows as text.
type querier interface {
	rows(query string) ([][]string, error)
	Close() error
}

// sqlDB is a querier on a SQLite file: each query opens its own connection and closes it,
// as a separate process would.
type sqlDB struct{ path string }

func (d sqlDB) Close() error { return nil }

func (d sqlDB) rows(query string) ([][]string, error) {
	db, err := sql.Open("sqlite", d.path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query(query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, text(vals))
	}
	return out, rows.Err()
}

// pgDB is a querier on one PostgreSQL connection.
type pgDB struct{ *pgx.Conn }

func (d pgDB) rows(query string) ([][]string, error) {
	rows, err := d.Conn.Query(context.Background(), query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return nil, err
		}
		out = append(out, text(vals))
	}
	return out, rows.Err()
}

func (d pgDB) Close() error { return d.Conn.Close(context.Background()) }

func text(vals []any) []string {
	r := make([]string, len(vals))
	for i, v := range vals {
		r[i] = fmt.Sprint(v)
		if b, ok := v.([]byte); ok {
			r[i] = string(b)
		}
	}
	return r
}

// dbCounts is, per document id, the number of rows each fact table holds for it.
type dbCounts map[string]map[string]int

// factTables are the tables holding one document's extraction, each with a doc_id column.
var factTables = []string{"extractions", "sentences", "entities", "timexes", "events", "ties", "quotes", "figures"}

// consistency checks a store after a crash: no duplicate documents, no facts without their
// document, every document with its whole extraction (the same fact rows as an uninterrupted
// run gives: ref), the stored documents a prefix of the input order, and a model that names
// only stored documents. It returns the stored document ids in ingest order.
func consistency(t *testing.T, db querier, sqlite bool, ref dbCounts, order []string, round string) []string {
	t.Helper()
	q := func(query string) [][]string {
		t.Helper()
		r, err := db.rows(query)
		if err != nil {
			t.Fatalf("%s: %s: %v", round, query, err)
		}
		return r
	}
	exists := `SELECT COUNT(*) FROM sqlite_master WHERE name = 'model_documents'`
	if !sqlite {
		exists = `SELECT COUNT(*) FROM pg_tables WHERE tablename = 'model_documents' AND schemaname = current_schema()`
	}
	if r := q(exists); r[0][0] == "0" {
		return nil // killed before the schema was created: nothing stored
	}
	if sqlite {
		if r := q(`PRAGMA integrity_check`); len(r) != 1 || r[0][0] != "ok" {
			t.Fatalf("%s: integrity_check: %v", round, r)
		}
		if r := q(`PRAGMA foreign_key_check`); len(r) != 0 {
			t.Fatalf("%s: foreign_key_check: %v", round, r)
		}
	}
	if r := q(`SELECT sha256, COUNT(*) FROM documents GROUP BY sha256 HAVING COUNT(*) > 1`); len(r) != 0 {
		t.Fatalf("%s: duplicate documents: %v", round, r)
	}
	var ids []string
	orderBy := "seq"
	if !sqlite {
		orderBy = "ord"
	}
	for _, r := range q(`SELECT id FROM documents ORDER BY ` + orderBy) {
		ids = append(ids, r[0])
	}
	for _, tab := range factTables {
		if r := q(`SELECT COUNT(*) FROM ` + tab + ` WHERE doc_id NOT IN (SELECT id FROM documents)`); r[0][0] != "0" {
			t.Fatalf("%s: %s rows without a document: %s", round, tab, r[0][0])
		}
		got := perDoc(q(`SELECT doc_id, COUNT(*) FROM ` + tab + ` GROUP BY doc_id`))
		for _, id := range ids {
			if got[id] != ref[id][tab] {
				t.Fatalf("%s: document %s has %d %s rows, an uninterrupted ingest %d (partial write)", round, id, got[id], tab, ref[id][tab])
			}
		}
	}
	if r := q(`SELECT COUNT(*) FROM model_documents WHERE id NOT IN (SELECT id FROM documents)`); r[0][0] != "0" {
		t.Fatalf("%s: the model names %s unstored documents", round, r[0][0])
	}
	// Documents are stored in input order: what a run stored is a subsequence of it (a
	// prefix when nothing failed).
	if sqlite {
		j := 0
		for _, id := range ids {
			for j < len(order) && order[j] != id {
				j++
			}
			if j == len(order) {
				t.Fatalf("%s: stored documents are not in input order: %v", round, ids)
			}
		}
	}
	return ids
}

// perDoc turns rows of (doc_id, count) into a map.
func perDoc(rows [][]string) map[string]int {
	m := map[string]int{}
	for _, r := range rows {
		var n int
		fmt.Sscan(r[1], &n)
		m[r[0]] = n
	}
	return m
}

// refCounts reads the fact rows per document of an uninterrupted ingest into SQLite.
func refCounts(t *testing.T, db querier) (dbCounts, []string) {
	t.Helper()
	q := func(query string) [][]string {
		t.Helper()
		r, err := db.rows(query)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	ref := dbCounts{}
	var order []string
	for _, r := range q(`SELECT id FROM documents ORDER BY seq`) {
		order = append(order, r[0])
		ref[r[0]] = map[string]int{}
	}
	for _, tab := range factTables {
		for id, n := range perDoc(q(`SELECT doc_id, COUNT(*) FROM ` + tab + ` GROUP BY doc_id`)) {
			ref[id][tab] = n
		}
	}
	return ref, order
}

// crashRounds kills `faultline ingest --db dsn dir` with SIGKILL at random points, checks the
// store after each kill, and lets a run finish now and then; every finished store must export
// exactly the model of an uninterrupted ingest (want). fresh returns a new empty store's dsn
// and a connection to check it with.
func crashRounds(t *testing.T, kills int, seed uint64, dir string, span time.Duration, want string, ref dbCounts, order []string,
	sqlite bool, fresh func() (string, querier)) (killed, completed int) {
	rng := rand.New(rand.NewPCG(seed, 1))
	dsn, db := fresh()
	for killed < kills {
		delay := time.Duration(rng.Int64N(int64(span)))
		c := child("ingest", "--workers", "2", "--db", dsn, dir)
		var stderr bytes.Buffer
		c.Stderr = &stderr
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		round := fmt.Sprintf("round %d (kill after %v)", killed+completed+1, delay.Round(time.Millisecond))
		select {
		case err := <-done:
			// The run finished before the kill: it must have stored everything.
			if err != nil {
				t.Fatalf("%s: ingest failed: %v\n%s", round, err, stderr.String())
			}
			ids := consistency(t, db, sqlite, ref, order, round)
			if len(ids) != len(order) {
				t.Fatalf("%s: a finished ingest stored %d of %d documents", round, len(ids), len(order))
			}
			got, _, err := runChild(t, "export", "--db", dsn, "--format", "json")
			if err != nil || got != want {
				t.Fatalf("%s: the resumed store exports another model than an uninterrupted ingest (%v)", round, err)
			}
			completed++
			db.Close()
			dsn, db = fresh()
		case <-time.After(delay):
			c.Process.Kill() // SIGKILL: no deferred code, no cleanup
			<-done
			killed++
			ids := consistency(t, db, sqlite, ref, order, round)
			if sqlite && len(ids) > 0 && ids[len(ids)-1] != order[len(ids)-1] {
				t.Fatalf("%s: a document was skipped: stored %v", round, ids)
			}
		}
	}
	// The last store resumes to the end.
	if _, stderr, err := runChild(t, "ingest", "--workers", "2", "--db", dsn, dir); err != nil {
		t.Fatalf("final resume: %v\n%s", err, stderr)
	}
	ids := consistency(t, db, sqlite, ref, order, "final resume")
	if len(ids) != len(order) {
		t.Fatalf("final resume stored %d of %d documents", len(ids), len(order))
	}
	if got, _, err := runChild(t, "export", "--db", dsn, "--format", "json"); err != nil || got != want {
		t.Fatalf("final resume exports another model than an uninterrupted ingest (%v)", err)
	}
	db.Close()
	return killed, completed + 1
}

// crashReference ingests the crash corpus without interruption and returns the exported
// model, the fact rows per document, the ingest order and how long the ingest took.
func crashReference(t *testing.T, dir string) (string, dbCounts, []string, time.Duration) {
	refDB := filepath.Join(t.TempDir(), "ref.db")
	start := time.Now()
	if out, stderr, err := runChild(t, "ingest", "--workers", "2", "--db", refDB, dir); err != nil {
		t.Fatalf("reference ingest: %v\n%s%s", err, out, stderr)
	}
	span := time.Since(start)
	want, _, err := runChild(t, "export", "--db", refDB, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	ref, order := refCounts(t, sqlDB{refDB})
	return want, ref, order, span
}

// TestCrashSQLite kills `faultline ingest` with SIGKILL at 20 random points (fixed seed):
// after each kill the SQLite store passes integrity_check, holds no duplicate document, no
// fact without its document and no partial extraction, and every resumed run ends with
// exactly the model of an uninterrupted ingest: no duplicate, no loss.
func TestCrashSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills about 25 ingest processes")
	}
	dir, n := crashCorpus(t)
	want, ref, order, span := crashReference(t, dir)
	if len(order) != n {
		t.Fatalf("reference ingest stored %d of %d documents", len(order), n)
	}
	tmp := t.TempDir()
	stores := 0
	fresh := func() (string, querier) {
		stores++
		p := filepath.Join(tmp, fmt.Sprintf("crash-%d.db", stores))
		return p, sqlDB{p}
	}
	// Kill anywhere from start-up to just after the end of an uninterrupted run.
	killed, completed := crashRounds(t, 20, 10, dir, span+span/10, want, ref, order, true, fresh)
	t.Logf("%d documents; reference ingest %v; %d kills, %d runs completed; nothing lost or duplicated", n, span.Round(time.Millisecond), killed, completed)
}

// TestCrashPostgres is TestCrashSQLite against PostgreSQL (FAULTLINE_TEST_POSTGRES): ingest
// queues the documents and workers claim them; a killed worker's claim is released with its
// connection and the next run finishes the queue.
func TestCrashPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills ingest processes")
	}
	if os.Getenv("FAULTLINE_TEST_POSTGRES") == "" {
		t.Skip("FAULTLINE_TEST_POSTGRES (a postgres:// URL of a scratch database) is not set")
	}
	dir, _ := crashCorpus(t)
	want, ref, order, span := crashReference(t, dir)
	fresh := func() (string, querier) {
		url := pgScratch(t)
		c, err := pgx.Connect(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		return url, pgDB{c}
	}
	killed, completed := crashRounds(t, 10, 11, dir, span+span/5, want, ref, order, false, fresh)
	t.Logf("PostgreSQL: %d kills, %d runs completed; nothing lost or duplicated", killed, completed)
}

// TestFullDisk: a store that runs out of space (SQLite max_page_count stands in for a full
// disk) reports "disk full" for the documents it cannot store, keeps the ones it stored whole,
// and a later run with space resumes to the same model as an uninterrupted ingest.
func TestFullDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("runs ingest processes")
	}
	dir, _ := crashCorpus(t)
	_, ref, order, _ := crashReference(t, dir)
	path := filepath.Join(t.TempDir(), "full.db")
	// 4 KiB pages: 120 hold the schema and a few documents only.
	out, stderr, err := runChild(t, "ingest", "--workers", "2", "--db", "file:"+path+"?_pragma=max_page_count(120)", dir)
	if err == nil {
		t.Fatalf("ingest into a full store succeeded:\n%s", out)
	}
	if !strings.Contains(stderr, "disk full writing") {
		t.Errorf("no clear disk-full error:\n%s", stderr)
	}
	db := sqlDB{path}
	ids := consistency(t, db, true, ref, order, "full disk")
	if len(ids) == 0 || len(ids) == len(order) {
		t.Errorf("full disk: %d of %d documents stored; the limit should stop ingest part-way", len(ids), len(order))
	}
	t.Logf("full disk: %d of %d documents stored whole; first error: %s", len(ids), len(order), firstLine(stderr))
	if _, stderr, err := runChild(t, "ingest", "--workers", "2", "--db", path, dir); err != nil {
		t.Fatalf("resume with space: %v\n%s", err, stderr)
	}
	if ids := consistency(t, db, true, ref, order, "after full disk"); len(ids) != len(order) {
		t.Fatalf("after full disk: %d of %d documents", len(ids), len(order))
	}
	// The documents refused for want of space come after the others now, so the model
	// lists them in another order; it must cover them all.
	if r, _ := (db).rows(`SELECT COUNT(*) FROM model_documents`); r[0][0] != fmt.Sprint(len(order)) {
		t.Errorf("after a full disk the model covers %s of %d documents", r[0][0], len(order))
	}
}

// TestReadOnlyStore: ingest into a read-only store says so and changes nothing.
func TestReadOnlyStore(t *testing.T) {
	if testing.Short() {
		t.Skip("runs ingest processes")
	}
	dir, _ := crashCorpus(t)
	path := filepath.Join(t.TempDir(), "ro.db")
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(names)
	if _, stderr, err := runChild(t, "ingest", "--db", path, names[0]); err != nil {
		t.Fatalf("first ingest: %v\n%s", err, stderr)
	}
	before, _, _ := runChild(t, "export", "--db", path, "--format", "json")
	sum := func() string {
		b, _ := os.ReadFile(path)
		w, _ := os.ReadFile(path + "-wal")
		return fmt.Sprintf("%x", sha256.Sum256(append(b, w...)))
	}
	fileBefore := sum()
	dsns := []string{"file:" + path + "?mode=ro"}
	if os.Geteuid() != 0 { // root writes through file permissions; mode=ro covers it
		os.Chmod(path, 0o444)
		defer os.Chmod(path, 0o644)
		dsns = append(dsns, path)
	}
	for _, dsn := range dsns {
		_, stderr, err := runChild(t, "ingest", "--db", dsn, names[1], names[2])
		if err == nil || !strings.Contains(stderr, "read-only") {
			t.Errorf("%s: ingest into a read-only store: %v, stderr %q; want an error saying read-only", dsn, err, stderr)
		}
	}
	if after, _, _ := runChild(t, "export", "--db", path, "--format", "json"); after != before {
		t.Errorf("a refused ingest changed the stored model")
	}
	if s := sum(); s != fileBefore {
		t.Errorf("a refused ingest changed the database file: %s -> %s", fileBefore, s)
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
