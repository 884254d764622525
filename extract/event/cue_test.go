package event

import (
	"strings"
	"testing"

	"github.com/faultline/faultline/extract/internal/view"
	lex "github.com/faultline/faultline/lexicon/events"
)

// cueInRef is cueIn as it was before cues were indexed by their first word: every cue of
// the class is tried at every token.
func cueInRef(v *view.View, cues []string, lo, hi int) bool {
	for j := lo; j < hi; j++ {
		for _, c := range cues {
			ok := true
			for k, w := range strings.Fields(c) {
				if j+k >= len(v.Toks) || v.Toks[j+k].Lower != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// TestCueInRef checks cueIn against cueInRef for every class and every window of tokens of
// texts that hold cues of several words, at the start, the end and overlapping.
func TestCueInRef(t *testing.T) {
	x := New()
	texts := []string{
		"Norland refused to meet Gondor, but would not rule out talks; officials said it may attack if asked.",
		"Whether or not Gondor denied that it had refused to negotiate, it will reportedly never agree to talks.",
		"according to officials Norland is expected to sign",
		"not",
	}
	classes := lex.Cues()
	classes["no such class"] = nil
	for _, text := range texts {
		v := &view.View{Text: text, Toks: view.Tokenize(text)}
		for class, cues := range classes {
			for lo := 0; lo <= len(v.Toks); lo++ {
				for hi := lo - 1; hi <= len(v.Toks)+1; hi++ {
					if got, want := x.cueIn(v, class, lo, hi), cueInRef(v, cues, lo, hi); got != want {
						t.Errorf("%q: cueIn(%s, %d, %d) = %v, want %v", text, class, lo, hi, got, want)
					}
				}
			}
		}
	}
}
