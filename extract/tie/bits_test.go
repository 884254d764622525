package tie

import (
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/faultline/faultline/extract/internal/view"
)

// TestTakeBits checks takeBits against what matchPair did before it: the marked patterns
// in marking order, anyStart appended, sort.Ints.
func TestTakeBits(t *testing.T) {
	x := New()
	r := rand.New(rand.NewSource(1))
	marked := make([]uint64, len(x.anyBits))
	for n := 0; n < 2000; n++ {
		var want []int
		seen := map[int]bool{}
		for k := r.Intn(40); k > 0; k-- {
			w := r.Intn(len(x.pats))
			if x.pats[w].starts == nil || seen[w] {
				continue // only byStart patterns are marked, each once
			}
			seen[w] = true
			want = append(want, w)
			marked[w/64] |= 1 << (w % 64)
		}
		want = append(want, x.anyStart...)
		sort.Ints(want)
		got := takeBits(nil, marked, x.anyBits)
		if !slices.Equal(got, want) {
			t.Fatalf("takeBits = %v, want %v", got, want)
		}
		for _, b := range marked {
			if b != 0 {
				t.Fatal("marked not cleared")
			}
		}
	}
}

// FuzzMayStance checks that mayStance is false only where stances' test on
// strings.ToLower(w) fails.
func FuzzMayStance(f *testing.F) {
	for _, s := range []string{"anti-X", "ANTI-Y", "Pro-Z", "pro", "anti", "ANTİ-X", "prO-", "apple", "a", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		lw := strings.ToLower(w)
		if (strings.HasPrefix(lw, "anti-") || strings.HasPrefix(lw, "pro-")) && !mayStance(w) {
			t.Fatalf("mayStance(%q) = false", w)
		}
	})
}

// FuzzEndsOK checks the invariant matchPair's midOK relies on: where endsOK says pattern pi's
// middle cannot end with token i, fits (exact) fails on every run of tokens ending with i.
func FuzzEndsOK(f *testing.F) {
	for _, s := range []string{
		"The Hill Tigers, backed by Norland, clashed with the Dawn Movement, whose leader Omar Rahimi owes allegiance to Ostrava.",
		"A is an ally of B; A's leader, the commander of B, and a member of C's council said it was allied with D's forces.",
		"X, a former member of the Y party, leads Z' and W’s militia; the president of Q is funded by R and opposed to S.",
		"Norland's chief of staff Omar Rahimi said the Hill Tigers helped set up the Dawn Movement to chase away Ostrava.",
	} {
		f.Add(s)
	}
	x := New()
	f.Fuzz(func(t *testing.T, text string) {
		v := view.New(input(text))
		sc := &scratch{cbits: make([]uint64, len(x.anyBits))}
		for pi := range x.pats {
			p := &x.pats[pi]
			for i := range v.Toks {
				if x.endsOK(v, sc, pi, i) {
					continue
				}
				for a := i; a >= 0 && a >= i-p.maxMid-1; a-- {
					var toks []int
					for k := a; k <= i; k++ {
						toks = append(toks, k)
					}
					if fits(v, p.mid, toks, false, true) {
						t.Fatalf("pattern %d fits tokens %d..%d of %q, endsOK false", pi, a, i, text)
					}
				}
			}
		}
	})
}
