package ner

import (
	"strings"
	"testing"
)

// TestMapGMB checks the GMB mapping and cleaning rules (clean.go) on made-up sentences.
func TestMapGMB(t *testing.T) {
	lx := newLexicon()
	tests := []struct {
		words, tags, want string
	}{
		{"President Bush met Sunni leaders", "B-per I-per O B-per O", "O B-PERSON O B-NORP O"},
		{"Mr. said", "B-per O", "O O"},
		{"U.S. troops entered Baghdad on Tuesday", "B-org O O B-geo O B-tim", "B-GPE O O B-GPE O O"},
		{"the U.N. and Iraqi police", "O B-geo O B-gpe O", "O B-ORG O B-NORP O"},
		{"Kurdish fighters crossed the Middle East", "O O O O B-geo I-geo", "B-NORP O O O B-LOC I-LOC"},
		{"Hurricane Katrina hit Nepal", "B-nat I-nat O B-gpe", "O O O B-GPE"},
		{"the World Cup", "O B-eve I-eve", "O B-EVENT I-EVENT"},
	}
	for _, tc := range tests {
		s := Sentence{Words: strings.Fields(tc.words), Tags: strings.Fields(tc.tags)}
		mapGMB(&s, lx, cleanStats{})
		if got := strings.Join(s.Tags, " "); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.words, got, tc.want)
		}
	}
}
