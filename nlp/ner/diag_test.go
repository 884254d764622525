package ner

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/tokenize"
)

// TestTmpSeedErrs prints seed errors with context (debugging aid, NER_DBG=1 only).
func TestTmpSeedErrs(t *testing.T) {
	if os.Getenv("NER_DBG") == "" {
		t.Skip("NER_DBG not set")
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
	r, _ := Load()
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
		r.Annotate(d)
		ctx := func(s, e int) string {
			a, z := max(0, s-40), min(len(d.Text), e+40)
			return strings.ReplaceAll(d.Text[a:s]+"[["+d.Text[s:e]+"]]"+d.Text[e:z], "\n", " ")
		}
		for _, e := range d.Entities {
			var ov []string
			hit := false
			for _, m := range gold {
				if e.Start < m.end && m.start < e.End {
					ov = append(ov, m.typ+":"+d.Text[m.start:m.end])
					if m.typ == e.Label {
						hit = true
					}
				}
			}
			if !hit {
				fmt.Printf("FP %s %s gold=%v | %s\n", doc, e.Label, ov, ctx(e.Start, e.End))
			}
		}
		for _, m := range gold {
			var ov []string
			hit := false
			for _, e := range d.Entities {
				if e.Start < m.end && m.start < e.End {
					ov = append(ov, e.Label+":"+d.Text[e.Start:e.End])
					if m.typ == e.Label {
						hit = true
					}
				}
			}
			if !hit {
				fmt.Printf("FN %s %s pred=%v | %s\n", doc, m.typ, ov, ctx(m.start, m.end))
			}
		}
	}
}

func TestTmpDbg(t *testing.T) {
	if os.Getenv("F") == "" {
		t.Skip("F not set")
	}
	b, _ := os.ReadFile(os.Getenv("F"))
	d := annotate(t, string(b))
	for _, s := range d.Sentences {
		var out []string
		for i := s.First; i < s.Last; i++ {
			out = append(out, d.Tokens[i].Norm+"/"+d.Tokens[i].Ent)
		}
		fmt.Println(strings.Join(out, " "))
	}
}

// TestTmpConfusion prints aggregate error categories of a CoNLL file (NER_CONLL).
func TestTmpConfusion(t *testing.T) {
	if os.Getenv("NER_CONLL") == "" {
		t.Skip("NER_CONLL not set")
	}
	var ss []Sentence
	if os.Getenv("NER_CONLL") == "gum" {
		d, _ := LoadDataWith(filepath.Join(sharedDir(), "corpora"), DataOptions{GUMDev: true})
		ss = d.GUMDev
		for i := range ss {
			ss[i].Tags = mapTypes(ss[i].Tags, func(t string) string {
				switch t {
				case "PERSON":
					return "PER"
				case "GPE", "LOC":
					return "LOC"
				case "ORG":
					return t
				}
				return ""
			})
		}
	} else {
		f, _ := os.Open(os.Getenv("NER_CONLL"))
		ss, _ = ReadCoNLL(f)
	}
	r, _ := Load()
	if m := os.Getenv("NER_MODEL"); m != "" {
		r, _ = LoadFile(m)
	}
	verbose := os.Getenv("NER_SHOW")
	r.Descriptive = false
	cat := map[string]int{}
	for i := 0; i < len(ss); {
		j := i + 1
		for j < len(ss) && ss[j].Doc == ss[i].Doc {
			j++
		}
		var words [][]string
		for _, s := range ss[i:j] {
			words = append(words, s.Words)
		}
		pred := r.TagWords(words, nil)
		for k, s := range ss[i:j] {
			gold := toContract(s.Tags)
			p := mapTypes(pred[k], func(t string) string {
				switch t {
				case "GPE", "LOC":
					return "LOC"
				case "PERSON", "ORG":
					return t
				}
				return ""
			})
			gs, ps := spans(s.Tags), spans(p)
			for _, g := range gs {
				gt := g.typ
				if gt == "PER" {
					gt = "PERSON"
				}
				if gt == "MISC" {
					continue
				}
				c := "none"
				for _, q := range ps {
					if q.first == g.first && q.last == g.last {
						if q.typ == gt {
							c = "ok"
						} else {
							c = "type:" + q.typ
						}
						break
					}
					if q.first < g.last && g.first < q.last {
						c = "partial"
						if q.typ != gt {
							c = "partial-type:" + q.typ
						}
					}
				}
				cat["gold "+gt+" "+c]++
				if verbose != "" && strings.Contains(c, verbose) {
					fmt.Println("G", gt, c, strings.Join(s.Words[g.first:g.last], " "), "|", strings.Join(s.Words[max(0, g.first-5):min(len(s.Words), g.last+5)], " "))
				}
			}
			_ = gold
			for _, q := range ps {
				c := "none"
				for _, g := range gs {
					if q.first == g.first && q.last == g.last {
						c = "exact:" + g.typ
						break
					}
					if q.first < g.last && g.first < q.last {
						c = "partial:" + g.typ
					}
				}
				cat["pred "+q.typ+" "+c]++
				if verbose != "" && strings.Contains("pred "+q.typ+" "+c, verbose) {
					fmt.Println("P", q.typ, c, strings.Join(s.Words[q.first:q.last], " "), "|", strings.Join(s.Words[max(0, q.first-5):min(len(s.Words), q.last+5)], " "))
				}
			}
		}
		i = j
	}
	var keys []string
	for k := range cat {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, cat[k])
	}
}

// TestTmpDemo prints the entities of demo documents that the tagger alone does not give.
func TestTmpDemo(t *testing.T) {
	if os.Getenv("NER_DEMO") == "" {
		t.Skip("NER_DEMO not set")
	}
	r, _ := Load()
	plain := New(r.t)
	plain.Descriptive = false
	cnt := map[string]int{}
	for _, doc := range demo.Documents() {
		d := &nlp.Doc{Text: doc.Text}
		tokenize.New().Annotate(d)
		r.Annotate(d)
		d2 := &nlp.Doc{Text: doc.Text}
		tokenize.New().Annotate(d2)
		plain.Annotate(d2)
		had := map[[2]int]string{}
		for _, e := range d2.Entities {
			had[[2]int{e.Start, e.End}] = e.Label
		}
		for _, e := range d.Entities {
			if had[[2]int{e.Start, e.End}] != e.Label {
				cnt[e.Label+" "+d.Text[e.Start:e.End]]++
			}
		}
	}
	for k, v := range cnt {
		fmt.Println(v, k)
	}
}

// TestTmpSeedsCoNLL writes the seed articles as a CoNLL file with CoNLL types (PER, ORG,
// LOC for GPE and LOC, MISC for NORP) from the gold aliases located in the text, for
// scoring faultline and the peers on the same file (NER_SEEDS_CONLL=PATH; scoring only, the
// file stays outside the project).
func TestTmpSeedsCoNLL(t *testing.T) {
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
