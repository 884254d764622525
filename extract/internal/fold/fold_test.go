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
