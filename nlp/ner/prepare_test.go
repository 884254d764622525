package ner

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzNewToken checks that a word's token fields are the same whether the tagger's cache
// (wordCache: strings cut from blocks, lower case and shape built in place) or no cache
// (training: strings.ToLower, shape) computes them, and the helpers against the standard
// library.
func FuzzNewToken(f *testing.F) {
	for _, w := range []string{"Baghdad", "U.S.", "al-Sadr", "2006", "8th", "İstanbul", "ΑΘΗΝΑ", "Jaish-al-Mahdi", "", "McCAIN", strings.Repeat("x", 600)} {
		f.Add(w)
	}
	r, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	lx := r.t.lx
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := string(appendLower([]byte("p"), w)), "p"+strings.ToLower(w); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", w, got, want)
		}
		want := w
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			want = "<d>" + shape(w)
		}
		if got := clusterKey(w); got != want {
			t.Fatalf("clusterKey(%q) = %q, want %q", w, got, want)
		}
		c := newWordCache(0)
		var a, b token
		lx.newToken(nil, w, &a)
		lx.newToken(c, w, &b)
		if b.ent == nil || c.get(w) != b.ent || b.ent.tok.word != b.word {
			t.Fatalf("%q: no cache entry", w)
		}
		b.ent = nil
		if a != b {
			t.Fatalf("%q: with cache %+v, without %+v", w, b, a)
		}
	})
}
