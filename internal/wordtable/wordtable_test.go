package wordtable

import (
	"strings"
	"testing"
)

// check puts words in a new Table (small, so that it grows) as a map would and checks
// that every lookup agrees with the map.
func check(t *testing.T, words []string) {
	tb := New(2)
	ref := map[string]int32{}
	var forms []string
	form := func(v int32) string { return forms[v] }
	for _, w := range words {
		got, pos, tag := tb.Find(w, form)
		want, ok := ref[w]
		if !ok {
			want = -1
		}
		if got != want {
			t.Fatalf("Find(%q) = %d, want %d", w, got, want)
		}
		if !ok {
			v := int32(len(forms))
			forms = append(forms, strings.Clone(w))
			ref[w] = v
			tb.Insert(w, v, pos, tag, form)
		}
	}
	for w, v := range ref {
		if got, _, _ := tb.Find(w, form); got != v {
			t.Fatalf("after all: Find(%q) = %d, want %d", w, got, v)
		}
	}
	if tb.Len() != len(ref) {
		t.Fatalf("%d entries, %d words", tb.Len(), len(ref))
	}
}

func TestTable(t *testing.T) {
	var words []string
	for i := 0; i < 3000; i++ {
		w := strings.Repeat(string(rune('a'+i%26)), 1+i%40) + string(rune('A'+i/26%26))
		words = append(words, w, w[:len(w)/2], "")
	}
	words = append(words, "a\x00", "a", "\x00", strings.Repeat("x", inlineLen), strings.Repeat("x", inlineLen+1))
	check(t, words)
	tb := New(4)
	form := func(int32) string { return "word" }
	tb.Put("word", 0, form)
	tb.Clear()
	if v, _, _ := tb.Find("word", form); v != -1 || tb.Len() != 0 {
		t.Fatal("Clear left a word")
	}
}

// FuzzTable checks Table against a map on the words of the input.
func FuzzTable(f *testing.F) {
	f.Add("the cat sat on the mat  ", byte(' '))
	f.Add("internationalisation-related internationalisation-relate x\x00 x", byte(' '))
	f.Fuzz(func(t *testing.T, text string, sep byte) {
		check(t, strings.Split(text, string(sep)))
	})
}

// TestTagLength checks that a tag tells forms of different lengths apart and is never 0:
// "a" and "a\x00" have the same inline key, so on a fingerprint collision only the length
// in the tag keeps them apart.
func TestTagLength(t *testing.T) {
	for _, h := range []uint64{0, 1, 0xffffffff, 0xffffffff00000000, 0x0123456789abcdef} {
		seen := map[uint32]int{}
		for n := 0; n <= inlineLen+1; n++ {
			tag := entTag(h, n)
			if tag == 0 {
				t.Fatalf("entTag(%#x, %d) = 0", h, n)
			}
			if m, ok := seen[tag]; ok {
				t.Fatalf("entTag(%#x, %d) = entTag(%#x, %d) = %#x", h, n, h, m, tag)
			}
			seen[tag] = n
		}
	}
}
