package ner

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/tokenize"
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
	shared := sharedDir()
	b, _ := os.ReadFile(filepath.Join(shared, "gold", "seeds.gold.json"))
	var g struct {
		Actors []struct {
			Type    string   `json:"type"`
			Aliases []string `json:"aliases"`
			Docs    []string `json:"docs"`
		} `json:"actors"`
	}
	json.Unmarshal(b, &g)
	conv := map[string]string{"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC"}
	var sb strings.Builder
	files, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	for _, f := range files {
		doc := strings.SplitN(filepath.Base(f), "_", 2)[0]
		text, _ := os.ReadFile(f)
		aliases := map[string]string{}
		for _, a := range g.Actors {
			for _, d := range a.Docs {
				if d == doc {
					for _, al := range a.Aliases {
						aliases[al] = a.Type
					}
				}
			}
		}
		gold := goldSeedMentions(string(text), aliases)
		d := &nlp.Doc{Text: string(text)}
		tokenize.New().Annotate(d)
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
