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
	// more words than a new table holds: it grows twice
	f.Add("a b c d e f g h i j k l m n o p q r s t u v w x y z " + strings.Repeat("long", 7) + " a z")
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

// TestPosCache checks posCache against a map, past the table's bound and with tags it
// does not pack (empty, longer than seven bytes).
func TestPosCache(t *testing.T) {
	var c posCache
	want := map[string][]int32{}
	var tags []string
	for i := 0; i < 300; i++ {
		tags = append(tags, string(rune('A'+i%26))+strings.Repeat("$", i/26))
	}
	tags = append(tags, "", "-LRB-", "LONGERTAG", "NNP")
	for i, p := range tags {
		if c.get(p) != nil {
			continue
		}
		r := []int32{int32(i)}
		c.put(p, r)
		want[p] = r
	}
	for p, r := range want {
		if got := c.get(p); len(got) != 1 || got[0] != r[0] {
			t.Fatalf("get(%q) = %v, want %v", p, got, r)
		}
	}
}
