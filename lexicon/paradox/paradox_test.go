package paradox

import (
	"strings"
	"testing"
)

func TestContrast(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Contrast() {
		p := strings.Join(c, " ")
		if seen[p] {
			t.Errorf("duplicate cue %q", p)
		}
		seen[p] = true
		if strings.ToLower(p) != p {
			t.Errorf("cue not lower case: %q", p)
		}
	}
	for _, w := range []string{"but", "while", "still"} {
		if seen[w] {
			t.Errorf("%q alone is too common to be a cue", w)
		}
	}
	for _, want := range []string{"yet", "despite", "in spite of", "even though", "paradoxically"} {
		if !seen[want] {
			t.Errorf("missing cue %q", want)
		}
	}
}
