package event

import "testing"

// TestClassOf checks that classOf answers exactly what the sets it stands for answer, for
// their words and for words of other sets.
func TestClassOf(t *testing.T) {
	sets := []struct {
		bit uint32
		set map[string]bool
	}{
		{cStopRight, stopRight}, {cTargetPrep, targetPrep}, {cNonTargetPrep, nonTargetPreps},
		{cObjPronoun, objPronouns}, {cArticle, articles}, {cDeterminerOrPron, determinersOrPron},
		{cSpeech, speech}, {cQuoteMark, quoteMarks},
	}
	words := map[string]bool{"attacked": true, "": true, "The": true}
	for _, s := range sets {
		for w := range s.set {
			words[w] = true
		}
	}
	for w := range words {
		for _, s := range sets {
			if got := classOf(w)&s.bit != 0; got != s.set[w] {
				t.Errorf("classOf(%q) has bit %b: %v, its set says %v", w, s.bit, got, s.set[w])
			}
		}
	}
}
