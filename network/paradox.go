package network

import (
	"fmt"
	"math"
	"sort"

	"github.com/faultline/faultline"
)

// Paradox kinds.
const (
	UnbalancedTriad = "unbalanced_triad"
	AmbivalentDyad  = "ambivalent_dyad"
)

// Paradoxes returns the unbalanced triads and ambivalent dyads of m, most evidenced first,
// at most limit of them.
func Paradoxes(m *faultline.Model, limit int) []faultline.Paradox {
	return FindParadoxes(Build(m, Options{}), limit)
}

// layer is one sign of an edge: the cooperation or the hostility reported between a pair.
type layer struct {
	edge int
	sign int
}

// strength of one sign of an edge: its distinct documents plus up to 1 for its weight, so
// that more independent reporting always ranks higher and weight breaks ties.
func (g *Graph) strength(l layer) float64 {
	e := &g.Edges[l.edge]
	if l.sign > 0 {
		return float64(e.PosDocs) + math.Min(e.Pos, 4)/4
	}
	return float64(e.NegDocs) + math.Min(e.Neg, 4)/4
}

func (g *Graph) docsOf(l layer) []string {
	if l.sign > 0 {
		return g.Edges[l.edge].posIn
	}
	return g.Edges[l.edge].negIn
}

func (g *Graph) layers(e int) []int {
	var s []int
	if g.Edges[e].Pos > 0 {
		s = append(s, 1)
	}
	if g.Edges[e].Neg > 0 {
		s = append(s, -1)
	}
	return s
}

// cooccur finds the document where every layer has evidence closest together: it returns
// the document ("" if none is shared) and the smallest span in bytes covering one piece of
// evidence of each layer there.
func (g *Graph) cooccur(ls ...layer) (string, int) {
	byDoc := make([]map[string][]faultline.Evidence, len(ls))
	for i, l := range ls {
		byDoc[i] = map[string][]faultline.Evidence{}
		for _, it := range g.Edges[l.edge].Items {
			if it.Sign == l.sign && len(byDoc[i][it.Evidence.Doc]) < 8 {
				byDoc[i][it.Evidence.Doc] = append(byDoc[i][it.Evidence.Doc], it.Evidence)
			}
		}
	}
	bestDoc, best := "", -1
	docs := make([]string, 0, len(byDoc[0]))
	for d := range byDoc[0] {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	for _, d := range docs {
		lists := make([][]faultline.Evidence, len(ls))
		ok := true
		for i := range ls {
			if lists[i], ok = byDoc[i][d]; !ok {
				break
			}
		}
		if !ok {
			continue
		}
		var rec func(i, lo, hi int)
		rec = func(i, lo, hi int) {
			if i == len(lists) {
				if w := hi - lo; best < 0 || w < best {
					bestDoc, best = d, w
				}
				return
			}
			for _, ev := range lists[i] {
				rec(i+1, min(lo, ev.Start), max(hi, ev.End))
			}
		}
		rec(0, int(^uint(0)>>1), -1)
	}
	return bestDoc, best
}

// Proximity factors: a paradox whose relations are all reported close together in one
// document — as the press states one — outranks one assembled from scattered reports.
const (
	nearBytes     = 600  // about two sentences
	paragraphByte = 2000 // about a paragraph
)

func proximity(doc string, window int) float64 {
	switch {
	case doc == "":
		return 1
	case window <= nearBytes:
		return 2
	case window <= paragraphByte:
		return 1.6
	}
	return 1.3
}

// FindParadoxes returns the contradictions of g's alliance web, strongest first, at most
// limit (all when limit <= 0):
//
//   - unbalanced triads: three actors whose reported relations multiply to a negative sign
//     (two friends of one actor hostile to each other, or three mutual enemies). An edge
//     reported with both signs may take either, so the friend of my friend who is also my
//     enemy shows up;
//   - ambivalent dyads: a pair reported both cooperating and in conflict.
//
// A paradox scores the geometric mean of the strengths of its relations (distinct documents,
// plus up to 1 for weight), so paradoxes with more independent evidence come first; times 2
// when one document reports all its relations within about two sentences (600 bytes), 1.6
// within a paragraph (2,000 bytes), 1.3 anywhere in one document.
func FindParadoxes(g *Graph, limit int) []faultline.Paradox {
	type cand struct {
		nodes  []int
		ls     []layer
		score  float64
		shared string
	}
	var cs []cand
	score := func(ls ...layer) (float64, string) {
		p := 1.0
		for _, l := range ls {
			p *= g.strength(l)
		}
		s := math.Pow(p, 1/float64(len(ls)))
		d, w := g.cooccur(ls...)
		s *= proximity(d, w)
		return s, d
	}
	g.triangles(func(a, b, c, eab, ebc, eca int) {
		var best cand
		for _, sab := range g.layers(eab) {
			for _, sbc := range g.layers(ebc) {
				for _, sca := range g.layers(eca) {
					if sab*sbc*sca > 0 {
						continue
					}
					ls := []layer{{eab, sab}, {ebc, sbc}, {eca, sca}}
					s, d := score(ls...)
					if s > best.score {
						best = cand{[]int{a, b, c}, ls, s, d}
					}
				}
			}
		}
		if best.ls != nil {
			cs = append(cs, best)
		}
	})
	for i := range g.Edges {
		e := &g.Edges[i]
		if e.Ambivalent() {
			ls := []layer{{i, 1}, {i, -1}}
			s, d := score(ls...)
			cs = append(cs, cand{[]int{e.U, e.V}, ls, s, d})
		}
	}
	key := func(c cand) string {
		k := ""
		for _, n := range c.nodes {
			k += g.Actors[n] + "\x00"
		}
		return k
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score > cs[j].score
		}
		if len(cs[i].nodes) != len(cs[j].nodes) {
			return len(cs[i].nodes) > len(cs[j].nodes)
		}
		return key(cs[i]) < key(cs[j])
	})
	if limit > 0 && len(cs) > limit {
		cs = cs[:limit]
	}
	out := make([]faultline.Paradox, 0, len(cs))
	for _, c := range cs {
		out = append(out, g.paradox(c.nodes, c.ls, c.score, c.shared))
	}
	return out
}

// paradox renders a candidate: actors ordered so that Signs[i] is the sign between Actors[i]
// and Actors[i+1] (cyclically), an explanation in one sentence and the evidence.
func (g *Graph) paradox(nodes []int, ls []layer, score float64, shared string) faultline.Paradox {
	p := faultline.Paradox{Score: math.Round(score*1000) / 1000}
	if len(nodes) == 2 {
		e := &g.Edges[ls[0].edge]
		p.Kind = AmbivalentDyad
		p.Actors = []string{g.Actors[nodes[0]], g.Actors[nodes[1]]}
		p.Signs = []int{1, -1}
		p.Explanation = fmt.Sprintf("%s and %s are reported both cooperating (%s) and in conflict (%s).",
			g.Name(nodes[0]), g.Name(nodes[1]), plural(e.PosDocs, "document"), plural(e.NegDocs, "document"))
		p.Evidence = g.evidence(ls, shared)
		return p
	}
	p.Kind = UnbalancedTriad
	// Which pair does each layer join? ls = ab, bc, ca.
	pairs := [3][2]int{{nodes[0], nodes[1]}, {nodes[1], nodes[2]}, {nodes[2], nodes[0]}}
	neg := []int{}
	for i, l := range ls {
		if l.sign < 0 {
			neg = append(neg, i)
		}
	}
	var x, y, z int
	if len(neg) == 1 {
		// y—x—z positive, y—z negative: order the actors y, x, z with signs +1, +1, -1.
		y, z = pairs[neg[0]][0], pairs[neg[0]][1]
		for _, n := range nodes {
			if n != y && n != z {
				x = n
			}
		}
		p.Actors = []string{g.Actors[y], g.Actors[x], g.Actors[z]}
		p.Signs = []int{1, 1, -1}
		p.Explanation = fmt.Sprintf("%s is allied with %s and with %s, but %s and %s are hostile.",
			g.Name(x), g.Name(y), g.Name(z), g.Name(y), g.Name(z))
	} else {
		x, y, z = nodes[0], nodes[1], nodes[2]
		p.Actors = []string{g.Actors[x], g.Actors[y], g.Actors[z]}
		p.Signs = []int{-1, -1, -1}
		p.Explanation = fmt.Sprintf("%s, %s and %s are all hostile to one another, although each pair shares an enemy in the third.",
			g.Name(x), g.Name(y), g.Name(z))
	}
	var amb []string
	for i, l := range ls {
		if g.Edges[l.edge].Ambivalent() {
			amb = append(amb, g.Name(pairs[i][0])+"–"+g.Name(pairs[i][1]))
		}
	}
	if len(amb) > 0 {
		verb := "is"
		if len(amb) > 1 {
			verb = "are"
		}
		p.Explanation = p.Explanation[:len(p.Explanation)-1] + fmt.Sprintf(" (%s %s also reported with the opposite sign).", joinAnd(amb), verb)
	}
	p.Evidence = g.evidence(ls, shared)
	return p
}

// evidence lists up to three pieces of evidence per layer, those in the shared document
// first, without repeats.
func (g *Graph) evidence(ls []layer, shared string) []faultline.Evidence {
	var out []faultline.Evidence
	seen := map[faultline.Evidence]bool{}
	for _, l := range ls {
		its := g.Edges[l.edge].Items
		idx := make([]int, 0, len(its))
		for i, it := range its {
			if it.Sign == l.sign {
				idx = append(idx, i)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool {
			sa, sb := its[idx[a]].Evidence.Doc == shared, its[idx[b]].Evidence.Doc == shared
			if sa != sb {
				return sa
			}
			return its[idx[a]].Weight > its[idx[b]].Weight
		})
		n := 0
		for _, i := range idx {
			if n == 3 {
				break
			}
			if ev := its[i].Evidence; !seen[ev] {
				seen[ev] = true
				out = append(out, ev)
				n++
			}
		}
	}
	if out == nil {
		out = []faultline.Evidence{}
	}
	return out
}

func plural(n int, w string) string {
	if n == 1 {
		return "1 " + w
	}
	return fmt.Sprintf("%d %ss", n, w)
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	out := s[0]
	for _, x := range s[1 : len(s)-1] {
		out += ", " + x
	}
	return out + " and " + s[len(s)-1]
}
