package ner

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/internal/sharedtest"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/tokenize"
)

// seedMention is a gold mention: bytes [start, end) typed by its actor's type.
type seedMention struct {
	start, end int
	typ        string
}

// goldSeedMentions locates the gold mentions of one seed document: every occurrence of
// every alias of the actors the gold lists for the document (whole words, case-sensitive),
// longest first, non-overlapping. The gold is read for scoring only.
func goldSeedMentions(text string, aliases map[string]string) []seedMention {
	keys := make([]string, 0, len(aliases))
	for a := range aliases {
		keys = append(keys, a)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	taken := make([]bool, len(text))
	var out []seedMention
	for _, a := range keys {
		for off := 0; ; {
			i := strings.Index(text[off:], a)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(a)
			off = s + 1
			if before, _ := utf8.DecodeLastRuneInString(text[:s]); s > 0 && isWordRune(before) {
				continue
			}
			if after, _ := utf8.DecodeRuneInString(text[e:]); e < len(text) && isWordRune(after) {
				continue
			}
			free := true
			for k := s; k < e; k++ {
				if taken[k] {
					free = false
					break
				}
			}
			if !free {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			out = append(out, seedMention{s, e, aliases[a]})
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// seedDoc is a seed article, tokenized, with its gold mentions (goldSeedMentions).
type seedDoc struct {
	doc  *nlp.Doc
	gold []seedMention
}

// seedDocs reads and tokenizes the seed articles and locates in each the aliases of the
// actors the gold lists for it. It skips t without ../shared/gold.
func seedDocs(t *testing.T) []seedDoc {
	t.Helper()
	shared := sharedtest.Dir(t, "gold", "seeds.gold.json")
	b, err := os.ReadFile(filepath.Join(shared, "gold", "seeds.gold.json"))
	if err != nil {
		t.Skip("../shared/gold not readable: ", err)
	}
	var g struct {
		Actors []struct {
			Type    string   `json:"type"`
			Aliases []string `json:"aliases"`
			Docs    []string `json:"docs"`
		} `json:"actors"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	var out []seedDoc
	for _, f := range files {
		doc := strings.SplitN(filepath.Base(f), "_", 2)[0]
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
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
		d := &nlp.Doc{Text: string(text)}
		tokenize.New().Annotate(d)
		out = append(out, seedDoc{doc: d, gold: goldSeedMentions(string(text), aliases)})
	}
	return out
}

// TestSeeds scores entity mentions on the seed articles against the gold actors' aliases:
// a prediction is right when it overlaps a gold mention of the same type. Skips without
// ../shared. It reports the score; it does not fail on it.
func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("NER_SEEDS_NODESC") != "" {
		r = New(r.t)
		r.Descriptive = false
	}
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	goldHit, goldAll := 0, 0
	for _, sd := range docs {
		d, gold := sd.doc, sd.gold
		r.Annotate(d)
		used := make([]bool, len(gold))
		for _, e := range d.Entities {
			hit := false
			for k, m := range gold {
				if m.typ == e.Label && e.Start < m.end && m.start < e.End {
					hit = true
					used[k] = true
				}
			}
			if hit {
				tp[e.Label]++
			} else {
				fp[e.Label]++
				if testing.Verbose() && os.Getenv("NER_SEEDS_VERBOSE") != "" {
					t.Logf("FP %s %q", e.Label, d.Text[e.Start:e.End])
				}
			}
		}
		goldAll += len(gold)
		for k, m := range gold {
			if used[k] {
				goldHit++
			} else {
				fn[m.typ]++
				if testing.Verbose() && os.Getenv("NER_SEEDS_VERBOSE") != "" {
					t.Logf("FN %s %q", m.typ, d.Text[m.start:m.end])
				}
			}
		}
	}
	sum := func(m map[string]int) (n int) {
		for _, v := range m {
			n += v
		}
		return n
	}
	// Precision counts predictions that overlap a gold mention of their type; recall counts
	// gold mentions overlapped by a prediction of their type.
	p := float64(sum(tp)) / float64(max(1, sum(tp)+sum(fp)))
	rc := float64(goldHit) / float64(max(1, goldAll))
	f1 := 0.0
	if p+rc > 0 {
		f1 = 2 * p * rc / (p + rc)
	}
	t.Logf("seeds ner mention f1=%.4f p=%.4f r=%.4f (predictions %d right, %d wrong %v; gold %d/%d found, missed %v)",
		f1, p, rc, sum(tp), sum(fp), fp, goldHit, goldAll, fn)
}
