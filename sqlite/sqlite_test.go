package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/internal/storetest"
	"github.com/faultline/faultline/sqlite"
)

const text1 = storetest.Text1

func sample(t testing.TB, id, text string) (*faultline.Document, *faultline.Extraction) {
	return storetest.Sample(t, id, text)
}

func sampleModel() *faultline.Model { return storetest.SampleModel() }

func open(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestStore runs the Store conformance suite on SQLite files.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) func(testing.TB) faultline.Store {
		path := filepath.Join(t.TempDir(), "f.db")
		return func(t testing.TB) faultline.Store { return open(t, path) }
	})
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "f.db")
	s := open(t, path)
	doc, ext := sample(t, "a", text1)
	s.PutDocument(ctx, doc, ext)
	s.Close()
	s = open(t, path)
	if v, err := s.Version(ctx); err != nil || v != 1 {
		t.Errorf("Version = %d, %v", v, err)
	}
	if _, total, _ := s.Documents(ctx, faultline.DocumentFilter{}); total != 1 {
		t.Errorf("%d documents after reopening", total)
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "f.db")
	s := open(t, path)
	doc, ext := sample(t, "a", text1)
	s.PutDocument(ctx, doc, ext)
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	dsn := path
	if os.Geteuid() == 0 { // root writes to any file: ask SQLite for read-only instead
		dsn = "file:" + path + "?mode=ro"
	}
	ro, err := sqlite.Open(ctx, dsn)
	if err != nil {
		// Refusing to open is also a clear answer, as long as it says why.
		t.Logf("read-only open refused: %v", err)
		if !strings.Contains(err.Error(), path) {
			t.Fatalf("open read-only: unclear error %v", err)
		}
		return
	}
	defer ro.Close()
	doc2, ext2 := sample(t, "b", "A second report from Najaf.")
	_, err = ro.PutDocument(ctx, doc2, ext2)
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("PutDocument on a read-only database: error %v, want one saying read-only", err)
	}
	if err := ro.SaveModel(ctx, sampleModel()); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("SaveModel on a read-only database: error %v", err)
	}
	docs, total, err := ro.Documents(ctx, faultline.DocumentFilter{})
	if err != nil || total != 1 || docs[0].ID != "a" {
		t.Errorf("after failed writes: %d docs, %v", total, err)
	}
	if m, err := ro.Model(ctx); err != nil || len(m.Actors) != 0 {
		t.Errorf("model after failed save: %v, %v", m, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := sqlite.Open(ctx, filepath.Join(dir, "missing", "f.db")); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("missing directory: %v", err)
	}
	if _, err := sqlite.Open(ctx, dir); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("a directory: %v", err)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("this is not a database\n", 500)), 0o644)
	if _, err := sqlite.Open(ctx, junk); faultline.ErrorCode(err) != faultline.EINVALID || !strings.Contains(err.Error(), junk) {
		t.Errorf("not a database: %v", err)
	}
}

func BenchmarkPutDocument(b *testing.B) {
	ctx := context.Background()
	s := open(b, filepath.Join(b.TempDir(), "f.db"))
	for i := 0; i < b.N; i++ {
		doc, ext := sample(b, "d"+strconv.Itoa(i), text1+" #"+strconv.Itoa(i))
		if _, err := s.PutDocument(ctx, doc, ext); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	s := open(b, filepath.Join(b.TempDir(), "f.db"))
	for i := 0; i < 2000; i++ {
		doc, ext := sample(b, "d"+strconv.Itoa(i), text1+" #"+strconv.Itoa(i))
		s.PutDocument(ctx, doc, ext)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if hits, err := s.Search(ctx, "Mahdi Army", 20); err != nil || len(hits) != 20 {
			b.Fatal(len(hits), err)
		}
	}
}
