package events

import (
	"testing"

	"github.com/faultline/faultline"
)

// TestTables checks that every codebook entry maps to one of the 16 PLOVER types of the
// contract and has a Goldstein score.
func TestTables(t *testing.T) {
	ok := map[string]bool{}
	for _, ty := range faultline.EventTypes {
		ok[ty] = true
	}
	n := 0
	for _, e := range Codebook() {
		if e.CAMEO == "" {
			t.Errorf("%v: no code", e.Words)
			continue
		}
		ty, found := PLOVER(e.CAMEO)
		if !found {
			continue // statements (01x) are not coded
		}
		if !ok[ty.Type] {
			t.Errorf("%v %s: PLOVER type %q not in the contract", e.Words, e.CAMEO, ty.Type)
		}
		if _, found := Goldstein(e.CAMEO); !found {
			t.Errorf("%v %s: no Goldstein score", e.Words, e.CAMEO)
		}
		n++
	}
	if n < 500 {
		t.Errorf("only %d coded entries", n)
	}
	if len(Cues()["refusal"]) == 0 || len(Cues()["negation"]) == 0 {
		t.Error("modality cues missing")
	}
}
