// Package sharedtest finds the shared material (../shared next to the module root: seeds,
// gold, corpora) for tests. It exists on development machines and in CI, never in a user's
// clone, so tests that need it skip with a clear message when it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the path of ../shared, or skips tb when it is absent. rel, if given, names a
// file or folder under it that must exist too (e.g. "seeds" or "corpora/ud-en-ewt").
func Dir(tb testing.TB, rel ...string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip("../shared not found: " + err.Error())
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("../shared not found: no module root above the test's folder")
		}
		dir = parent
	}
	s := filepath.Join(dir, "..", "shared")
	want := filepath.Join(append([]string{s}, rel...)...)
	if _, err := os.Stat(want); err != nil {
		tb.Skip("../shared not found (it exists on development machines and in CI only): " + err.Error())
	}
	return s
}
