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
		{"the Zorbin administration said", "O B-geo O O", "O B-PERSON O O"},
		{"a Sunni Arab leader", "O B-per I-per O", "O B-NORP I-NORP O"},
		{"Iran 's Revolutionary Guard said", "B-org I-org I-org I-org O", "B-GPE O B-ORG I-ORG O"},
		{"the Lord 's Resistance Army", "O B-org I-org I-org I-org", "O B-ORG I-ORG I-ORG I-ORG"},
		{"the Post said", "B-org I-org O", "O B-ORG O"},
		{"the oil-rich Niger Delta", "O B-geo I-geo I-geo", "O O B-LOC I-LOC"},
		{"the navy said", "O B-org O", "O O O"},
		{"the Sudanese government said", "O B-org I-org O", "O B-NORP O O"},
		{"U.N. Secretary Zorbin Varda", "B-org I-org B-per I-per", "B-ORG O B-PERSON I-PERSON"},
		{"al Qaida in Iraq fighters", "B-org I-org I-org I-org O", "B-ORG I-ORG I-ORG I-ORG O"},
	}
	for _, tc := range tests {
		s := Sentence{Words: strings.Fields(tc.words), Tags: strings.Fields(tc.tags)}
		mapGMB(&s, lx, cleanStats{}, map[string]bool{"Zorbin": true})
		if got := strings.Join(s.Tags, " "); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.words, got, tc.want)
		}
	}
}

// TestPersonWords checks rule 9's word choice on made-up counts.
func TestPersonWords(t *testing.T) {
	var ss []Sentence
	for i := 0; i < 30; i++ {
		ss = append(ss, Sentence{Words: []string{"Zorbin", "Varda"}, Tags: []string{"B-per", "B-geo"}})
	}
	ss = append(ss, Sentence{Words: []string{"Zorbin", "Varda"}, Tags: []string{"B-geo", "B-per"}})
	got := personWords(ss)
	if !got["Zorbin"] || got["Varda"] || len(got) != 1 {
		t.Errorf("personWords = %v, want only Zorbin", got)
	}
}

func TestConllType(t *testing.T) {
	for in, want := range map[string]string{"GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "PERSON": "PERSON",
		"ORG": "ORG", "NORP": "", "EVENT": "", "MISC": ""} {
		if got := conllType(in); got != want {
			t.Errorf("conllType(%q) = %q, want %q", in, got, want)
		}
	}
}
