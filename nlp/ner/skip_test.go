package ner

import (
	"slices"
	"testing"
)

// TestTagSkipScores checks tag on the default path (Recognizer.Exact off, skipPlain on),
// with its caches cold and warm: every token it skips is a plain word (isPlain, worked
// out afresh) at the start of the sentence or after O, and tagged O; every token it scores
// has the scores of scoring all its features (unigram+context) given the classes tag
// chose for the two tokens before it, and takes the best class allowed after the previous
// one. TestTagCacheScores checks the path with skipPlain off.
func TestTagSkipScores(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if r.Exact {
		t.Fatal("Load's Recognizer has Exact set: the default path is the one with skipPlain")
	}
	words, tags := cacheDocs(t)
	tg := r.t
	nc := len(tg.classes)
	sc := new(scratch)
	sc.skipPlain = !r.Exact
	var trace [][]int32
	sc.trace = &trace
	var f featurer
	var skipped, plainAfterName, scored int
	for pass := 0; pass < 2; pass++ {
		for si, w := range words {
			pos := tags[si]
			trace = trace[:0]
			got := make([]int, len(w))
			tg.tag(sc, w, pos, got)
			if !tg.usePOS {
				pos = nil
			}
			toks := make([]token, len(w))
			tg.lx.prepare(w, pos, toks)
			k := 0 // next entry of trace: the scores of the k-th scored token
			prev, prev2 := -1, -1
			for i := range toks {
				plain := tg.lx.plainWord(&toks[i]) && toks[i].gz == "" && toks[i].runPos == 0
				if sc.plain[i] != plain {
					t.Fatalf("pass %d, sentence %q token %d (%q): tag's plain %v, isPlain of a fresh token %v",
						pass, w, i, w[i], sc.plain[i], plain)
				}
				if plain && prev <= 0 {
					// skipped: tag must not have scored it, and tags it O
					if got[i] != 0 {
						t.Fatalf("pass %d, sentence %q token %d (%q): plain word after class %d skipped but tagged %d, want O",
							pass, w, i, w[i], prev, got[i])
					}
					skipped++
					prev2, prev = prev, 0
					continue
				}
				if k >= len(trace) {
					t.Fatalf("pass %d, sentence %q token %d (%q): tag scored %d tokens, want more (did it skip a token that is not a plain word after O?)",
						pass, w, i, w[i], len(trace))
				}
				b := f.unigram(nil, &toks[i])
				b = f.context(b, toks, i, prev, prev2)
				want := make([]int32, nc)
				tg.m.ScoreInt(b, want)
				if !slices.Equal(trace[k], want) {
					t.Fatalf("pass %d, sentence %q token %d (%q, plain %v) after classes %d, %d: tag scores %v, all features %v",
						pass, w, i, w[i], plain, prev, prev2, trace[k], want)
				}
				best := 0
				for c := 1; c < nc; c++ {
					if tg.valid(prev, c) && want[c] > want[best] {
						best = c
					}
				}
				if got[i] != best {
					t.Fatalf("pass %d, sentence %q token %d (%q): tag chose class %d, the best allowed after %d is %d",
						pass, w, i, w[i], got[i], prev, best)
				}
				if plain {
					plainAfterName++
				}
				scored++
				k++
				prev2, prev = prev, got[i]
			}
			if k != len(trace) {
				t.Fatalf("pass %d, sentence %q: tag scored %d tokens, want %d (did it score a plain word after O?)",
					pass, w, len(trace), k)
			}
		}
	}
	// the texts must exercise both paths and the plain words scored after a name
	if skipped == 0 || scored == 0 || plainAfterName == 0 {
		t.Fatalf("texts too narrow: %d tokens skipped, %d scored, %d of them plain words after a name",
			skipped, scored, plainAfterName)
	}
	t.Logf("%d tokens skipped, %d scored (%d plain words after a name)", skipped, scored, plainAfterName)
}
