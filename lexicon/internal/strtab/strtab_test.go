package strtab

import (
	"fmt"
	"testing"
)

// TestTableMatchesMap adds strings with repeats and checks numbers, Key and Index against a
// plain map built from the same strings, for misses too.
func TestTableMatchesMap(t *testing.T) {
	for _, tab := range []*Table{New(0, 0), New(5000, 1<<16), {}} {
		ref := map[string]int{}
		var order []string
		for i := 0; i < 20000; i++ {
			s := fmt.Sprint(i*7919%5003, "x")
			if i%3 == 0 {
				s = ""
			}
			n, added := tab.Add(s)
			if want, ok := ref[s]; ok {
				if added || n != want {
					t.Fatalf("Add(%q) = %d, %v; want %d, false", s, n, added, want)
				}
				continue
			}
			if !added || n != len(order) {
				t.Fatalf("Add(%q) = %d, %v; want %d, true", s, n, added, len(order))
			}
			ref[s] = n
			order = append(order, s)
		}
		if tab.Len() != len(ref) {
			t.Fatalf("Len = %d, want %d", tab.Len(), len(ref))
		}
		for i, s := range order {
			if tab.Key(i) != s {
				t.Fatalf("Key(%d) = %q, want %q", i, tab.Key(i), s)
			}
			if n, ok := tab.Index(s); !ok || n != i {
				t.Fatalf("Index(%q) = %d, %v; want %d", s, n, ok, i)
			}
		}
		for _, s := range []string{"x", "5003x", "1y", "\x00"} {
			if n, ok := tab.Index(s); ok || n != -1 {
				t.Fatalf("Index(%q) = %d, %v; want a miss", s, n, ok)
			}
		}
	}
	var zero Table
	if n, ok := zero.Index("a"); ok || n != -1 || zero.Len() != 0 {
		t.Fatal("the zero Table is not empty")
	}
	var null *Table
	if n, ok := null.Index("a"); ok || n != -1 {
		t.Fatal("a nil Table is not empty")
	}
	if n, ok := null.IndexBytes([]byte("a")); ok || n != -1 {
		t.Fatal("a nil Table is not empty")
	}
}

// FuzzTable checks the table against a map on arbitrary strings.
func FuzzTable(f *testing.F) {
	f.Add("a b a c", "b")
	f.Fuzz(func(t *testing.T, words, probe string) {
		tab, ref := New(2, 4), map[string]int{}
		for i := 0; i+2 <= len(words); i += 2 {
			s := words[i : i+2]
			n, _ := tab.Add(s)
			if want, ok := ref[s]; ok && n != want {
				t.Fatalf("Add(%q) = %d, want %d", s, n, want)
			}
			ref[s] = n
		}
		n, ok := tab.Index(probe)
		if want, wok := ref[probe]; ok != wok || ok && n != want {
			t.Fatalf("Index(%q) = %d, %v; want %d, %v", probe, n, ok, want, wok)
		}
	})
}

// TestCollisions refills the index as if every string hashed to one of two values with the
// same slot (the last: the run wraps to the first) and other high bits: find must walk the
// run past strings of the other tag and of its own, and stop at a free slot for a miss.
func TestCollisions(t *testing.T) {
	tab := New(0, 0)
	for i := range 50 {
		tab.Add(fmt.Sprint("k", i))
	}
	hash := func(i int) uint64 { return uint64(i%2+1)<<40 | 0xffffffff }
	clear(tab.slots)
	for i := range tab.Len() {
		tab.place(hash(i), i)
	}
	for i := range tab.Len() {
		if n, ok := find(tab, tab.Key(i), hash(i)); !ok || n != i {
			t.Fatalf("find(%q) = %d, %v; want %d", tab.Key(i), n, ok, i)
		}
		if n, ok := find(tab, tab.Key(i)+"x", hash(i)); ok || n != -1 {
			t.Fatalf("find(%q) = %d, %v; want a miss", tab.Key(i)+"x", n, ok)
		}
	}
}
