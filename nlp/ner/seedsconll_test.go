package ner

import (
	"os"
	"strings"
	"testing"
)

// TestWriteSeedsCoNLL writes the seed articles as a CoNLL file with CoNLL types (PER, ORG,
// LOC for GPE and LOC, MISC for NORP) from the gold aliases located in the text, for
// scoring faultline and the peers on the same file (NER_SEEDS_CONLL=PATH; scoring only, the
// file stays outside the project).
func TestWriteSeedsCoNLL(t *testing.T) {
	out := os.Getenv("NER_SEEDS_CONLL")
	if out == "" {
		t.Skip("NER_SEEDS_CONLL not set")
	}
	conv := map[string]string{"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC"}
	var sb strings.Builder
	for _, sd := range seedDocs(t) {
		d, gold := sd.doc, sd.gold
		sb.WriteString("-DOCSTART- O\n\n")
		for _, s := range d.Sentences {
			prev := -1
			for i := s.First; i < s.Last; i++ {
				tok := d.Tokens[i]
				w := d.Text[tok.Start:tok.End]
				if strings.ContainsAny(w, " \t\n") {
					w = strings.Join(strings.Fields(w), "_")
				}
				tag := "O"
				for k, m := range gold {
					if tok.Start < m.end && m.start < tok.End {
						if k == prev {
							tag = "I-" + conv[m.typ]
						} else {
							tag = "B-" + conv[m.typ]
						}
						prev = k
						break
					}
				}
				if tag == "O" {
					prev = -1
				}
				sb.WriteString(w + "\t" + tag + "\n")
			}
			sb.WriteString("\n")
		}
	}
	os.WriteFile(out, []byte(sb.String()), 0o644)
}
