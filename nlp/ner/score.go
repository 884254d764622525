package ner

import (
	"fmt"
	"sort"
	"strings"
)

// Score counts exact-match entity spans (same boundaries and type) of predictions against
// gold, overall and per type.
type Score struct {
	TP, FP, FN map[string]int
}

// NewScore returns an empty Score.
func NewScore() *Score {
	return &Score{TP: map[string]int{}, FP: map[string]int{}, FN: map[string]int{}}
}

// Add scores one sentence's predicted tags against its gold tags (IOB2). Spans of a type
// for which keep returns false are left out on both sides.
func (s *Score) Add(gold, pred []string, keep func(typ string) bool) {
	g := map[span]bool{}
	for _, sp := range spans(gold) {
		if keep == nil || keep(sp.typ) {
			g[sp] = true
		}
	}
	for _, sp := range spans(pred) {
		if keep != nil && !keep(sp.typ) {
			continue
		}
		if g[sp] {
			s.TP[sp.typ]++
			delete(g, sp)
		} else {
			s.FP[sp.typ]++
		}
	}
	for sp := range g {
		s.FN[sp.typ]++
	}
}

// PRF returns precision, recall and F1 for one type, or overall when typ is "".
func (s *Score) PRF(typ string) (p, r, f float64) {
	var tp, fp, fn int
	for t, n := range s.TP {
		if typ == "" || t == typ {
			tp += n
		}
	}
	for t, n := range s.FP {
		if typ == "" || t == typ {
			fp += n
		}
	}
	for t, n := range s.FN {
		if typ == "" || t == typ {
			fn += n
		}
	}
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Types returns the types seen in gold or predictions, sorted.
func (s *Score) Types() []string {
	seen := map[string]bool{}
	for _, m := range []map[string]int{s.TP, s.FP, s.FN} {
		for t := range m {
			seen[t] = true
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Line returns the summary line "ner f1=… p=… r=… f1_TYPE=… …".
func (s *Score) Line() string {
	p, r, f := s.PRF("")
	var b strings.Builder
	fmt.Fprintf(&b, "ner f1=%.4f p=%.4f r=%.4f", f, p, r)
	for _, t := range s.Types() {
		_, _, ft := s.PRF(t)
		fmt.Fprintf(&b, " f1_%s=%.4f", t, ft)
	}
	return b.String()
}

// Table returns a human-readable table of per-type scores.
func (s *Score) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %6s %6s %6s %6s %6s %6s\n", "type", "p", "r", "f1", "tp", "fp", "fn")
	for _, t := range append(s.Types(), "") {
		p, r, f := s.PRF(t)
		name := t
		if t == "" {
			name = "all"
		}
		var tp, fp, fn int
		if t == "" {
			for _, n := range s.TP {
				tp += n
			}
			for _, n := range s.FP {
				fp += n
			}
			for _, n := range s.FN {
				fn += n
			}
		} else {
			tp, fp, fn = s.TP[t], s.FP[t], s.FN[t]
		}
		fmt.Fprintf(&b, "%-8s %6.4f %6.4f %6.4f %6d %6d %6d\n", name, p, r, f, tp, fp, fn)
	}
	return b.String()
}

// mapTypes rewrites the type of every tag with fn; fn returning "" drops the tag to O.
func mapTypes(tags []string, fn func(string) string) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		if t == "O" || len(t) < 3 {
			out[i] = "O"
			continue
		}
		if n := fn(t[2:]); n != "" {
			out[i] = t[:2] + n
		} else {
			out[i] = "O"
		}
	}
	return out
}
