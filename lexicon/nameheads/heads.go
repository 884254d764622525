// Package nameheads ships the words that end multi-word names and tell their kind
// ("Hudson River" a place, "Columbia Records" an organisation, "Martin Luther King Jr." a
// person), for entity recognition to use as evidence among other evidence. See NOTES.md.
package nameheads

import (
	_ "embed"
	"strings"
)

//go:embed heads.tsv
var heads string

// Kinds returns each head word (lower case) with its kind: "place", "org" or "person".
func Kinds() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(heads, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, k, ok := strings.Cut(line, "\t")
		if ok {
			m[w] = strings.TrimSpace(k)
		}
	}
	return m
}
