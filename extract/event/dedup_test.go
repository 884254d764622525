package event

import "testing"

// TestSameEvent checks the duplicate filter: an event told again in the document with the
// same actors, code and stated date is one event; a different date, or no stated date, keeps
// both.
func TestSameEvent(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		n    int // events with trigger "signed" or "accord"
	}{
		{"The Red Brigade and the Hill Tigers signed an accord in October. Observers said the accord between the Red Brigade and the Hill Tigers in October was fragile.",
			[]string{"Red Brigade/ORG", "Hill Tigers/ORG", "Red Brigade/ORG", "Hill Tigers/ORG"}, 2},
		{"The Red Brigade and the Hill Tigers signed an accord in October. The Red Brigade and the Hill Tigers signed another accord in March.",
			[]string{"Red Brigade/ORG", "Hill Tigers/ORG", "Red Brigade/ORG", "Hill Tigers/ORG"}, 4},
		{"The Red Brigade and the Hill Tigers signed an accord. The Red Brigade and the Hill Tigers signed another accord.",
			[]string{"Red Brigade/ORG", "Hill Tigers/ORG", "Red Brigade/ORG", "Hill Tigers/ORG"}, 4},
	}
	for _, tc := range tests {
		n := 0
		for _, e := range x.Find(input(tc.text, "2021-11-20", tc.ents...)) {
			if e.Trigger == "signed" || e.Trigger == "accord" {
				n++
			}
		}
		if n != tc.n {
			t.Errorf("%q: %d events, want %d", tc.text, n, tc.n)
		}
	}
}
