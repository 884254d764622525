package tie

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/view"
)

// TestWordBits checks Extractor.words against the sets it is made of, for every word of
// them (with and without a final ".") and a few others.
func TestWordBits(t *testing.T) {
	x := New()
	words := []string{",", "", ".", "quickly", "mr", "mr.", "mr..", "president.", "ally", "xyz"}
	for _, set := range []map[string]bool{dashes, aspectual, intents, refusals, negators, modals, fillers,
		relatives, prepositions, keep, x.vocab, x.honorific, x.leadTitle, x.memberTitle} {
		for w := range set {
			words = append(words, w, w+".", strings.TrimSuffix(w, "."))
		}
	}
	for _, w := range words {
		var c uint16
		set := func(b uint16, ok bool) {
			if ok {
				c |= b
			}
		}
		set(wcCommaDash, w == "," || dashes[w])
		set(wcAspectual, aspectual[w])
		set(wcIntent, intents[w])
		set(wcRefusal, refusals[w])
		set(wcNegator, negators[w])
		set(wcModal, modals[w])
		set(wcFiller, fillers[w])
		set(wcRelative, relatives[w])
		set(wcPreposition, prepositions[w])
		set(wbKept, keep[w] || x.vocab[w])
		tw := strings.TrimSuffix(w, ".")
		set(wbTitle, x.honorific[tw] || x.leadTitle[tw] || x.memberTitle[tw])
		if got := x.words[w]; got != c {
			t.Errorf("words[%q] = %016b, want %016b", w, got, c)
		}
	}
}

// TestIsDash checks isDash against dashes.
func TestIsDash(t *testing.T) {
	for _, w := range []string{"-", "–", "—", "--", ",", "", "---", "‒", "a"} {
		if isDash(w) != dashes[w] {
			t.Errorf("isDash(%q) = %v, dashes says %v", w, isDash(w), dashes[w])
		}
	}
	for w := range dashes {
		if !isDash(w) {
			t.Errorf("isDash(%q) = false", w)
		}
	}
}

// FuzzMayHyphen checks that mayHyphen holds wherever an "A-word B" regexp matches.
func FuzzMayHyphen(f *testing.F) {
	x := New()
	for _, s := range []string{"-backed ", "'s US-led the ", "-LED\t", "-baſed ", " and "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range x.hyphens {
			if h.pair || h.prefix {
				continue
			}
			if h.re.MatchString(s) && !mayHyphen(s, h.word) {
				t.Errorf("%q matches %s, mayHyphen(%q) is false", s, h.re, h.word)
			}
		}
	})
}

// FuzzHoldsNeeds checks holdsNeeds against holds for every pattern with needs on every
// window of up to 9 tokens of text.
func FuzzHoldsNeeds(f *testing.F) {
	x := New()
	if x.needWords == nil {
		f.Skip("more than seven needs sets: holdsNeeds is holds")
	}
	for _, s := range []string{"A's program built on B was funded by C", "A, whose militia armed B 's men", "the X ' backing of Y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v := view.New(&extract.Input{Doc: &faultline.Document{Text: text}, Out: &faultline.Extraction{Entities: capsEntities(text)}})
		sc := &scratch{need: make([]uint8, len(v.Toks))}
		for lo := 0; lo < len(v.Toks); lo++ {
			for hi := lo; hi <= len(v.Toks) && hi <= lo+9; hi++ {
				var mid []int
				for i := lo; i < hi; i++ {
					mid = append(mid, i)
				}
				for pi := range x.pats {
					if p := &x.pats[pi]; p.needs != nil && x.holdsNeeds(v, sc, p, mid) != holds(v, p.needs, mid) {
						t.Fatalf("%q tokens %d-%d pattern %d: holdsNeeds %v", text, lo, hi, pi, !holds(v, p.needs, mid))
					}
				}
			}
		}
	})
}
