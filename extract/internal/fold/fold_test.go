package fold

import (
	"strings"
	"testing"
)

var words = map[string]int{"al": 1, "the": 2, "über": 3, "bin": 4, "": 5, strings.Repeat("a", 70): 6}

// FuzzLookup checks Lookup against the map lookup of strings.ToLower it replaces.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Al", "AL", "al", "THE", "Über", "ÜBER", "", "x", strings.Repeat("A", 70), "İ", "K", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Lookup(words, s)
		w, wok := words[strings.ToLower(s)]
		if v != w || ok != wok || Get(words, s) != w {
			t.Fatalf("Lookup(%q) = %d, %v; want %d, %v", s, v, ok, w, wok)
		}
	})
}

func TestLookupAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Get(words, "The") }); n != 0 {
		t.Errorf("Get allocates %v times", n)
	}
}

// FuzzFilter checks that Filter.May is true for every key.
func FuzzFilter(f *testing.F) {
	f.Add("march", "may")
	f.Add("", "x")
	f.Add(strings.Repeat("b", 30), "c")
	f.Fuzz(func(t *testing.T, a, b string) {
		m := map[string]bool{a: true, "al": true}
		fl := NewFilter(m)
		for k := range m {
			if !fl.May(k) {
				t.Fatalf("May(%q) = false for a key", k)
			}
		}
		if !m[b] && b != "" && len(b) <= filterLen && len(b) != len(a) && len(b) != 2 && fl.May(b) {
			t.Fatalf("May(%q) = true for a length no key has", b)
		}
	})
}
