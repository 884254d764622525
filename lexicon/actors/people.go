package actors

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed people.tsv
var peopleTSV string

var peopleTab = sync.OnceValue(func() map[[2]string]bool {
	t := map[[2]string]bool{}
	for _, line := range strings.Split(peopleTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if f := strings.Split(line, "\t"); len(f) == 2 {
			t[[2]string{strings.TrimSpace(f[0]), strings.TrimSpace(f[1])}] = true
		}
	}
	return t
})

// PeopleCue reports whether the lower-case word w, at position where ("before" the
// demonym, before the "of" before it, or "after" it), makes a plural demonym name the
// population ("most Iraqis", "millions of Iraqis", "Iraqis who") rather than its state.
func PeopleCue(where, w string) bool { return peopleTab()[[2]string{where, w}] }
