// Command prose scores the named-entity recogniser of github.com/jdkato/prose/v2 on a
// CoNLL-style file (a token a line, IOB2 tag in the last column, the token in the first
// column or the second after a running index; blank lines between sentences), the same
// files `faultline eval ner --conll` reads, for a peer comparison.
//
//	go run . FILE
//
// Types are compared as PERSON (PER, PERSON), ORG and LOC (LOC, GPE); other types (MISC,
// NORP, …) are ignored, and a prediction on exactly a gold MISC span is left out. The last
// line is: prose f1=… p=… r=… f1_PERSON=… …
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"
)

// model is prose's default model, loaded by the first document and reused.
var model *prose.Model

type sentence struct {
	words, tags []string
}

func read(path string) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []sentence
	var cur sentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			if len(cur.words) > 0 {
				out = append(out, cur)
			}
			cur = sentence{}
			continue
		}
		if len(fs) < 2 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		w := fs[0]
		if _, err := strconv.Atoi(fs[0]); err == nil && len(fs) >= 3 {
			w = fs[1]
		}
		if w == "-DOCSTART-" {
			continue
		}
		cur.words = append(cur.words, w)
		cur.tags = append(cur.tags, fs[len(fs)-1])
	}
	if len(cur.words) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

func mapType(t string) string {
	switch t {
	case "PER", "PERSON":
		return "PERSON"
	case "ORG":
		return "ORG"
	case "LOC", "GPE":
		return "LOC"
	}
	return ""
}

type span struct {
	a, b int
	t    string
}

func spans(tags []string) []span {
	var out []span
	for i := 0; i < len(tags); {
		if tags[i] == "O" || len(tags[i]) < 3 {
			i++
			continue
		}
		t := tags[i][2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+t {
			j++
		}
		out = append(out, span{i, j, t})
		i = j
	}
	return out
}

// predict runs prose on the sentence's words joined by spaces and maps its entities back
// to the words by character offsets.
func predict(words []string) []string {
	text := strings.Join(words, " ")
	starts := make([]int, len(words))
	pos := 0
	for i, w := range words {
		starts[i] = pos
		pos += len(w) + 1
	}
	tags := make([]string, len(words))
	for i := range tags {
		tags[i] = "O"
	}
	opts := []prose.DocOpt{prose.WithSegmentation(false)}
	if model != nil {
		opts = append(opts, prose.UsingModel(model))
	}
	doc, err := prose.NewDocument(text, opts...)
	if err != nil {
		return tags
	}
	model = doc.Model
	wordAt := func(c int) int {
		k := 0
		for k+1 < len(starts) && starts[k+1] <= c {
			k++
		}
		return k
	}
	// Entities come in text order; locate each from a cursor.
	cursor := 0
	for _, e := range doc.Entities() {
		i := strings.Index(text[cursor:], e.Text)
		if i < 0 || e.Text == "" {
			continue
		}
		a := wordAt(cursor + i)
		b := wordAt(cursor+i+len(e.Text)-1) + 1
		cursor += i + len(e.Text)
		typ := e.Label
		if typ == "ORGANIZATION" {
			typ = "ORG"
		}
		for w := a; w < b; w++ {
			if w == a {
				tags[w] = "B-" + typ
			} else {
				tags[w] = "I-" + typ
			}
		}
	}
	return tags
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: prose FILE")
		os.Exit(2)
	}
	ss, err := read(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	ntok := 0
	start := time.Now()
	for _, s := range ss {
		ntok += len(s.words)
		pred := predict(s.words)
		gold := map[span]bool{}
		misc := map[[2]int]bool{}
		for _, sp := range spans(s.tags) {
			if t := mapType(sp.t); t != "" {
				gold[span{sp.a, sp.b, t}] = true
			} else {
				misc[[2]int{sp.a, sp.b}] = true
			}
		}
		for _, sp := range spans(pred) {
			t := mapType(sp.t)
			if t == "" || misc[[2]int{sp.a, sp.b}] {
				continue
			}
			k := span{sp.a, sp.b, t}
			if gold[k] {
				tp[t]++
				delete(gold, k)
			} else {
				fp[t]++
			}
		}
		for k := range gold {
			fn[k.t]++
		}
	}
	el := time.Since(start)
	prf := func(t string) (float64, float64, float64) {
		var a, b, c int
		for _, x := range []string{"PERSON", "ORG", "LOC"} {
			if t == "" || t == x {
				a, b, c = a+tp[x], b+fp[x], c+fn[x]
			}
		}
		var p, r, f float64
		if a+b > 0 {
			p = float64(a) / float64(a+b)
		}
		if a+c > 0 {
			r = float64(a) / float64(a+c)
		}
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		return p, r, f
	}
	p, r, f := prf("")
	fmt.Printf("%d sentences, %d tokens, %.0f tokens/s (tokenize+tag+NER)\n", len(ss), ntok, float64(ntok)/el.Seconds())
	line := fmt.Sprintf("prose f1=%.4f p=%.4f r=%.4f", f, p, r)
	for _, t := range []string{"LOC", "ORG", "PERSON"} {
		_, _, ft := prf(t)
		line += fmt.Sprintf(" f1_%s=%.4f", t, ft)
	}
	fmt.Println(line)
}
