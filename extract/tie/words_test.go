package tie

import (
	"strings"
	"testing"
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
