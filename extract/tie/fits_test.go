package tie

import (
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/view"
)

// The matcher fits replaced: every match length, in a slice.

// lengths returns every number of tokens of toks (in order) that the elements can cover
// from the start.
func lengths(v *view.View, es []elem, toks []int, reverse bool) []int {
	if len(es) == 0 {
		return []int{0}
	}
	var out []int
	e := es[0]
	if reverse {
		e = es[len(es)-1]
	}
	rest := es[1:]
	if reverse {
		rest = es[:len(es)-1]
	}
	if len(e) == 1 && len(e[0]) == 1 && e[0][0] == "..." {
		for k := 1; k <= 3 && k <= len(toks); k++ {
			if w := v.Toks[toks[k-1]].Lower; w == "by" || w == "," || dashes[w] || w == ";" || w == ":" || w == "(" || w == ")" {
				break // a gap never spans a passive agent or a clause break
			}
			for _, n := range lengths(v, rest, toks[k:], reverse) {
				out = append(out, k+n)
			}
		}
		return out
	}
	for _, alt := range e {
		if len(alt) > len(toks) {
			continue
		}
		ok := true
		for k := range alt {
			w := alt[k]
			if reverse {
				w = alt[len(alt)-1-k]
			}
			if !wordIs(v, toks[k], w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for _, n := range lengths(v, rest, toks[len(alt):], reverse) {
			out = append(out, len(alt)+n)
		}
	}
	return out
}

func covers(ns []int, n int) bool {
	for _, k := range ns {
		if k == n {
			return true
		}
	}
	return false
}

// checkFits compares fits with lengths for every pattern part of x on every window of up
// to 9 tokens of text (capitalised words as mentions), forwards and backwards.
func checkFits(t *testing.T, x *Extractor, text string) {
	v := view.New(&extract.Input{Doc: &faultline.Document{Text: text}, Out: &faultline.Extraction{Entities: capsEntities(text)}})
	for lo := 0; lo < len(v.Toks); lo++ {
		for hi := lo; hi <= len(v.Toks) && hi <= lo+9; hi++ {
			var toks []int
			for i := lo; i < hi; i++ {
				toks = append(toks, i)
			}
			for pi := range x.pats {
				p := &x.pats[pi]
				for _, es := range [][]elem{p.pre, p.mid, p.post} {
					for _, rev := range []bool{false, true} {
						ls := lengths(v, es, toks, rev)
						if got, want := fits(v, es, toks, rev, true), covers(ls, len(toks)); got != want {
							t.Fatalf("%q tokens %d-%d pattern %d rev %v: exact fits %v, lengths %v", text, lo, hi, pi, rev, got, ls)
						}
						if got, want := fits(v, es, toks, rev, false), len(ls) > 0; got != want {
							t.Fatalf("%q tokens %d-%d pattern %d rev %v: fits %v, lengths %v", text, lo, hi, pi, rev, got, ls)
						}
					}
				}
			}
		}
	}
}

var fitsTexts = []string{
	"The Hill Tigers, backed by Norland, clashed with the Dawn Movement, whose leader Omar Rahimi owes allegiance to Ostrava.",
	"Norland is a close ally of Ostrava and the main backer of the Hill Tigers - its armed wing - against Velika.",
	"Velika's armed wing, the Lion Brigades, is loyal to Norland; Ostrava funds and arms the Dawn Front, a rival of the Hill Tigers.",
	"The Freedom Party's efforts to dictate Norland's agenda (formerly the Union) were opposed by the Front, which sees it as a threat.",
}

func TestFits(t *testing.T) {
	x := New()
	for _, text := range fitsTexts {
		checkFits(t, x, text)
	}
}

func FuzzFits(f *testing.F) {
	for _, s := range fitsTexts {
		f.Add(s)
	}
	x := New()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 400 {
			return
		}
		checkFits(t, x, text)
	})
}
