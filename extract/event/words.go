package event

// Word classes. The argument scans test token after token for membership in several of the
// small word sets of args.go; classOf answers all of them with one lookup, as bits.
const (
	cStopRight uint32 = 1 << iota
	cTargetPrep
	cNonTargetPrep
	cObjPronoun
	cArticle
	cDeterminerOrPron
	cSpeech
	cQuoteMark
)

// wordClasses maps a lower-case word to the bits of the sets it is in, built from the sets
// themselves.
var wordClasses = func() map[string]uint32 {
	m := map[string]uint32{}
	for _, c := range []struct {
		bit uint32
		set map[string]bool
	}{
		{cStopRight, stopRight}, {cTargetPrep, targetPrep}, {cNonTargetPrep, nonTargetPreps},
		{cObjPronoun, objPronouns}, {cArticle, articles}, {cDeterminerOrPron, determinersOrPron},
		{cSpeech, speech}, {cQuoteMark, quoteMarks},
	} {
		for w := range c.set {
			m[w] |= c.bit
		}
	}
	return m
}()

// classOf returns the word classes (the c* bits) of lower-case word w.
func classOf(w string) uint32 { return wordClasses[w] }
