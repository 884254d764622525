package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/internal/storetest"
	"github.com/faultline/faultline/postgres"
	"github.com/jackc/pgx/v5"
)

// dsn returns the test database from FAULTLINE_TEST_POSTGRES, or skips the test.
func dsn(t testing.TB) string {
	d := os.Getenv("FAULTLINE_TEST_POSTGRES")
	if d == "" {
		t.Skip("FAULTLINE_TEST_POSTGRES (a postgres:// URL of a scratch database) is not set")
	}
	return d
}

// fresh makes an empty schema for one test, dropped at its end, and returns a function that
// opens stores on it.
func fresh(t *testing.T) func(testing.TB) faultline.Store {
	base := dsn(t)
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "faultline_test_" + hex.EncodeToString(b)
	c, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect %s: %v", base, err)
	}
	if _, err := c.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	c.Close(ctx)
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err == nil {
			c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	d := u.String()
	return func(t testing.TB) faultline.Store {
		s, err := postgres.Open(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}

func TestStore(t *testing.T) {
	dsn(t)
	storetest.Run(t, fresh)
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := postgres.Open(ctx, "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("unreachable server: %v", err)
	}
	if _, err := postgres.Open(ctx, "postgres://%zz"); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("bad URL: %v", err)
	}
}

func TestVersion(t *testing.T) {
	s := fresh(t)(t).(*postgres.Store)
	if v, err := s.Version(context.Background()); err != nil || v != 1 {
		t.Errorf("Version = %d, %v", v, err)
	}
}

// TestConcurrentOpen: several processes opening a new database at once apply the
// migrations once (advisory lock), and all of them work.
func TestConcurrentOpen(t *testing.T) {
	open := fresh(t)
	var wg sync.WaitGroup
	stores := make([]faultline.Store, 4)
	for i := range stores {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			stores[i] = open(t)
		}(i)
	}
	wg.Wait()
	for i, s := range stores {
		if s == nil {
			t.Fatalf("store %d did not open", i)
		}
		if v, err := s.(*postgres.Store).Version(context.Background()); err != nil || v != 1 {
			t.Errorf("store %d: version %d, %v", i, v, err)
		}
	}
}
