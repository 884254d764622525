package pos

import (
	"math"
	"strings"
	"testing"
)

// checkTable puts words in a new wordTable (small, so that it grows) as a map would and
// checks that every lookup agrees with the map.
func checkTable(t *testing.T, words []string) {
	tb := newWordTable(2)
	ref := map[string]int32{}
	var forms []string
	for _, w := range words {
		got, pos, tag := tb.find(w, forms)
		want, ok := ref[w]
		if !ok {
			want = -1
		}
		if got != want {
			t.Fatalf("find(%q) = %d, want %d", w, got, want)
		}
		if !ok {
			s := int32(len(forms))
			forms = append(forms, strings.Clone(w))
			ref[w] = s
			tb.insert(w, s, pos, tag, forms)
		}
	}
	for w, s := range ref {
		if got, _, _ := tb.find(w, forms); got != s {
			t.Fatalf("after all: find(%q) = %d, want %d", w, got, s)
		}
	}
	if tb.n != len(ref) {
		t.Fatalf("%d entries, %d words", tb.n, len(ref))
	}
}

func TestWordTable(t *testing.T) {
	var words []string
	for i := 0; i < 3000; i++ {
		w := strings.Repeat(string(rune('a'+i%26)), 1+i%40) + string(rune('A'+i/26%26))
		words = append(words, w, w[:len(w)/2], "")
	}
	words = append(words, "a\x00", "a", "\x00", strings.Repeat("x", inlineLen), strings.Repeat("x", inlineLen+1))
	checkTable(t, words)
	tb := newWordTable(4)
	tb.put("word", 0, []string{"word"})
	tb.clear()
	if s, _, _ := tb.find("word", []string{"word"}); s != -1 || tb.n != 0 {
		t.Fatal("clear left a word")
	}
}

// FuzzWordTable checks wordTable against a map on the words of the input.
func FuzzWordTable(f *testing.F) {
	f.Add("the cat sat on the mat  ", byte(' '))
	f.Add("internationalisation-related internationalisation-relate x\x00 x", byte(' '))
	f.Fuzz(func(t *testing.T, text string, sep byte) {
		checkTable(t, strings.Split(text, string(sep)))
	})
}

// TestPairTable checks pairTable against a map, growing from a small table, and clear.
func TestPairTable(t *testing.T) {
	tb := newPairTable(2)
	ref := map[uint32]int32{}
	x := uint32(1)
	for i := 0; i < 20000; i++ {
		x = x*1664525 + 1013904223
		key := x % 5000 * maxSlots / 64 // collisions of the low bits, repeats
		if i%7 == 0 {
			key = math.MaxUint32 - 1
		}
		got, pos := tb.find(key)
		want, ok := ref[key]
		if !ok {
			want = -1
		}
		if got != want {
			t.Fatalf("find(%d) = %d, want %d", key, got, want)
		}
		if !ok {
			ref[key] = int32(i)
			tb.insert(key, int32(i), pos)
		}
	}
	if tb.n != len(ref) {
		t.Fatalf("%d entries, %d keys", tb.n, len(ref))
	}
	tb.clear()
	if v, _ := tb.find(0); v != -1 || tb.n != 0 {
		t.Fatal("clear left a key")
	}
}
