package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/faultline/faultline"
)

func TestPragmas(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000"} {
		var got string
		if err := s.db.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil || got != want {
			t.Errorf("PRAGMA %s = %q, %v; want %q", pragma, got, err, want)
		}
	}
	if _, err := Open(ctx, ":memory:"); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf(":memory: %v", err)
	}
}
