package ner

import (
	"math/rand"
	"strings"
	"testing"
)

// keyRef is the lookup form of words as it was computed before appendKey.
func keyRef(words []string) string {
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(strings.ReplaceAll(w, "’", "'")))
	}
	return b.String()
}

// FuzzKey checks appendKey against keyRef, the code it replaces, on words of any bytes (split at
// spaces).
func FuzzKey(f *testing.F) {
	for _, s := range append(cacheTexts, "The Red Crescent", "the", "THE Hague", "Shi’ite Al-SADR", "İSTANBUL Ωmega", "x\xffY \xe2\x80") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		if got, want := string(appendKey(nil, words)), keyRef(words); got != want {
			t.Fatalf("appendKey(%q) = %q, the code it replaces %q", words, got, want)
		}
	})
}

// matchTokRef is matchTok as it was before token.inName: it looks every length up.
func (lx *lexicon) matchTokRef(toks []token, i int) (int, int) {
	if toks[i].flags&fCap == 0 {
		return 0, gzNone
	}
	n := int(toks[i].gzMax)
	if n == 0 {
		return 0, gzNone
	}
	if i+n > len(toks) {
		n = len(toks) - i
	}
	ends := [8]int{}
	if n > len(ends) {
		n = len(ends)
	}
	best, kind := 0, gzNone
	if c := int(toks[i].gz1); c != gzNone {
		best, kind = 1, c
	}
	if n == 1 {
		return best, kind
	}
	var arr [128]byte
	b := arr[:0]
	for l := 0; l < n; l++ {
		if l > 0 {
			b = append(b, ' ')
		}
		b = append(b, toks[i+l].lower...)
		ends[l] = len(b)
	}
	for l := 2; l <= n; l++ {
		v := lx.multi[string(b[:ends[l-1]])]
		if c := int(v &^ multiPrefix); c != gzNone {
			best, kind = l, c
		}
		if v&multiPrefix == 0 {
			break
		}
	}
	return best, kind
}

// TestMatchTokRef checks matchTok against matchTokRef at every token of sentences made of
// the gazetteer's multi-word names (whole, cut short, run on, or with a word swapped for
// another name's word, capitalised or not, with a word holding a space), and of the test
// texts.
func TestMatchTokRef(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	lx := r.t.lx
	var keys []string
	for k := range lx.multi {
		keys = append(keys, k)
	}
	rng := rand.New(rand.NewSource(1))
	word := func() string {
		f := strings.Split(keys[rng.Intn(len(keys))], " ")
		return f[rng.Intn(len(f))]
	}
	var sents [][]string
	for _, k := range keys {
		f := strings.Split(k, " ")
		switch rng.Intn(5) {
		case 0:
			f = f[:1+rng.Intn(len(f))]
		case 1:
			f = append(f, word(), word())
		case 2:
			f[rng.Intn(len(f))] = word()
		case 3:
			f = append([]string{word()}, f...)
		case 4:
			j := rng.Intn(len(f))
			f[j] = f[j] + " " + word()
		}
		for j := range f {
			if rng.Intn(4) != 0 {
				f[j] = titleCase(f[j])
			}
		}
		sents = append(sents, f)
	}
	words, _ := cacheDocs(t)
	sents = append(sents, words...)
	n := 0
	for _, s := range sents {
		toks := make([]token, len(s))
		lx.prepare(s, nil, toks)
		for i := range toks {
			gn, gk := lx.matchTok(toks, i)
			wn, wk := lx.matchTokRef(toks, i)
			if gn != wn || gk != wk {
				t.Fatalf("%q at %d: matchTok %d %d, matchTokRef %d %d", s, i, gn, gk, wn, wk)
			}
			if wn > 1 {
				n++
			}
		}
	}
	if n < len(keys)/4 {
		t.Fatalf("only %d multi-word matches in %d sentences: the test does not exercise matchTok", n, len(sents))
	}
	t.Logf("%d sentences, %d multi-word matches", len(sents), n)
}
