package figure

import (
	"strings"
	"testing"
)

// FuzzLexWords checks that every word's lower-case form is strings.ToLower of it.
func FuzzLexWords(f *testing.F) {
	for _, s := range []string{"Some 1,600 US Troops and ÖZTÜRK's £5 MILLION", "a Third of 2.5 bn", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range lexWords(s) {
			if w.s != s[w.start:w.end] || w.l != strings.ToLower(w.s) {
				t.Errorf("%q: word %+v, want s %q and l %q", s, w, s[w.start:w.end], strings.ToLower(w.s))
			}
		}
	})
}
