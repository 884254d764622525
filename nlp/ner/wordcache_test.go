package ner

import (
	"strings"
	"testing"
)

// FuzzWordCache checks wordCache against a map: every word added is found with its own
// entry, through the table's growth, for short forms (held in the slots) and long ones.
func FuzzWordCache(f *testing.F) {
	f.Add("the Baghdad of U.S. al-Sadr the 2006 a-very-long-hyphenated-word-of-thirty-bytes of Baghdad")
	f.Add(strings.Repeat("x ", 100) + strings.Repeat("y", 30) + " " + strings.Repeat("y", 31))
	f.Fuzz(func(t *testing.T, text string) {
		c := newWordCache(0)
		want := map[string]*wordEntry{}
		for _, w := range strings.Split(text, " ") {
			e := c.get(w)
			if e != want[w] {
				t.Fatalf("get(%q) = %p, want %p", w, e, want[w])
			}
			if e == nil {
				e = c.add(cacheStr(c, w))
				want[w] = e
			}
			if e.form != w {
				t.Fatalf("entry of %q holds %q", w, e.form)
			}
		}
		if c.len() != len(want) {
			t.Fatalf("len %d, want %d", c.len(), len(want))
		}
		for w, e := range want {
			if c.get(w) != e {
				t.Fatalf("%q lost after growth", w)
			}
		}
	})
}
