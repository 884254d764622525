// Package paradox ships the word lists that the paradox ranking of package network reads;
// see NOTES.md.
package paradox

import (
	_ "embed"
	"strings"
)

//go:embed contrast.txt
var contrastTXT string

// Contrast returns the cue words and phrases (lower case, each split into its words) with
// which a writer flags a contradiction: "yet", "despite", "in spite of", "ironically".
func Contrast() [][]string {
	var out [][]string
	for _, l := range strings.Split(contrastTXT, "\n") {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		if ws := strings.Fields(strings.ToLower(l)); len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}
