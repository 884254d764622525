package network

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"

	"github.com/faultline/faultline"
)

// Paradox kinds.
const (
	UnbalancedTriad = "unbalanced_triad"
	AmbivalentDyad  = "ambivalent_dyad"
	// UnbalancedQuad is four actors, every pair related, whose unbalanced triads interlock
	// (a K4 has 0, 2 or 4 unbalanced triads): typically one actor allied with both sides
	// of a feud in which another takes a side.
	UnbalancedQuad = "unbalanced_quad"
)

// Paradoxes returns the unbalanced triads, ambivalent dyads and interlocking four-actor
// paradoxes of m, most evidenced first, at most limit of them. Relations are coded by state
// (Options.States): a state's army and officials are the state, and a head of state's or
// government's relations in office also count for the state's government; the members of a
// group take its stated stance and are aligned with one another (Options.Members).
func Paradoxes(m *faultline.Model, limit int) []faultline.Paradox {
	return ParadoxesText(m, limit, nil)
}

// ParadoxesText is Paradoxes reading the evidence's words through text, which returns a
// document's text ("" when unknown): see ParadoxOptions.Text.
func ParadoxesText(m *faultline.Model, limit int, text func(doc string) string) []faultline.Paradox {
	return RankParadoxes(Build(m, Options{States: true, Members: true}), ParadoxOptions{Limit: limit, Quads: true, Text: text})
}

// ParadoxOptions selects what RankParadoxes returns.
type ParadoxOptions struct {
	Limit int // at most this many (all when <= 0)
	// Quads adds four-actor paradoxes (kind UnbalancedQuad): their Signs are the six pairs
	// ab, ac, ad, bc, bd, cd of Actors, not a cycle.
	Quads bool
	// Text, when set, returns the text of a document (or ""): a paradox whose relations are
	// reported in sentences that flag a contradiction ("yet", "despite", "ironically";
	// lexicon/paradox/contrast.txt) then ranks higher, see contrastBoost.
	Text func(doc string) string
}

// FindParadoxes returns the unbalanced triads and ambivalent dyads of g, strongest first, at
// most limit (all when limit <= 0); see RankParadoxes.
func FindParadoxes(g *Graph, limit int) []faultline.Paradox {
	return RankParadoxes(g, ParadoxOptions{Limit: limit})
}

// layer is one sign of an edge: the cooperation or the hostility reported between a pair.
type layer struct {
	edge int
	sign int
}

// strength of one sign of an edge: its distinct documents plus up to 1 for its weight, so
// that more independent reporting ranks higher and weight breaks ties; times
// inferredStrength when that sign rests only on a group's relations taken by its members.
func (g *Graph) strength(l layer) float64 {
	e := &g.Edges[l.edge]
	f := 1.0
	if e.inferred[(l.sign+1)/2] {
		f = inferredStrength
	}
	if l.sign > 0 {
		return f * (float64(e.PosDocs) + math.Min(e.Pos, 4)/4)
	}
	return f * (float64(e.NegDocs) + math.Min(e.Neg, 4)/4)
}

// inferredStrength scales the strength of a relation that no report states for the pair,
// only a group's stance taken by its member (Options.Members): an explicit statement
// outranks an inferred one. (A head of state's acts in office are the state's, as event data
// codes them, and keep their strength.)
const inferredStrength = 0.5

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

// shareDoc reports whether some document (a wire copy counting as its original) supports
// every layer: the cheap test before looking for the evidence closest together.
func (g *Graph) shareDoc(ls []layer) bool {
	first := g.docsOf(ls[0])
	for _, l := range ls[1:] {
		if len(g.docsOf(l)) < len(first) {
			first = g.docsOf(l)
		}
	}
	for _, d := range first {
		all := true
		for _, l := range ls {
			ds := g.docsOf(l)
			i := sort.SearchStrings(ds, d)
			if i == len(ds) || ds[i] != d {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// evidenceIndex caches, per layer, its evidence grouped by document.
type evidenceIndex struct {
	g     *Graph
	cache map[layer]map[string][]faultline.Evidence
}

func (x *evidenceIndex) of(l layer) map[string][]faultline.Evidence {
	if m, ok := x.cache[l]; ok {
		return m
	}
	m := map[string][]faultline.Evidence{}
	for _, it := range x.g.Edges[l.edge].Items {
		if it.Sign == l.sign && len(m[it.Evidence.Doc]) < 8 {
			m[it.Evidence.Doc] = append(m[it.Evidence.Doc], it.Evidence)
		}
	}
	x.cache[l] = m
	return m
}

// cooccur finds the document where every layer has evidence closest together: it returns
// the document ("" if none is shared) and the smallest span in bytes covering one piece of
// evidence of each layer there; ties go to the first document in id order.
func (x *evidenceIndex) cooccur(ls ...layer) (string, int) {
	byDoc := make([]map[string][]faultline.Evidence, len(ls))
	fewest := 0
	for i, l := range ls {
		byDoc[i] = x.of(l)
		if len(byDoc[i]) < len(byDoc[fewest]) {
			fewest = i
		}
	}
	bestDoc, best := "", -1
	lists := make([][]faultline.Evidence, len(ls))
	for d := range byDoc[fewest] {
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
				if w := hi - lo; best < 0 || w < best || (w == best && d < bestDoc) {
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

// allHostile ranks a triad of three mutual enemies below a "friend of my friend is my
// enemy" triad with the same evidence: three hostile camps are consistent with a world of
// several blocs (weak structural balance, Davis 1967), so such a triad is only a paradox
// under strict balance.
const allHostile = 0.5

// insideSplit ranks a triad held together by an organisational tie (a leader and his
// movement, a militia and its party, an envoy and his state: see organTies) below one of
// three independent actors with the same evidence: the member and its organisation taking
// opposite sides towards a third is a split inside one side, which the organisation's own
// relations with the third already show, not a contradiction between allies.
const insideSplit = 0.5

// organTies are the tie types that make one actor a part of another rather than its ally.
var organTies = map[string]bool{"leader_of": true, "member_of": true, "armed_wing_of": true, "part_of": true}

// organic reports, for each edge of g, whether a stated tie makes one end a part of the
// other (see organTies).
func (g *Graph) organic() []bool {
	out := make([]bool, len(g.Edges))
	for i := range g.Edges {
		for _, it := range g.Edges[i].Items {
			if it.Kind == "tie" && it.Sign > 0 && organTies[it.Type] {
				out[i] = true
				break
			}
		}
	}
	return out
}

// oneSide marks, for the four-actor search, the edges of organ and those between two members
// of one group (Options.Members): four actors two of which stand together that way repeat
// one triad, or the group's own stance, twice.
func (g *Graph) oneSide(organ []bool) []bool {
	out := slices.Clone(organ)
	for i := range g.Edges {
		for _, it := range g.Edges[i].Items {
			if it.Type == "comember" {
				out[i] = true
				break
			}
		}
	}
	return out
}

// centrality returns each actor's degree (how many actors it is related to) over the largest
// degree of g: 1 for the actor most involved in the alliance web.
func (g *Graph) centrality() []float64 {
	top := 1
	for i := range g.adj {
		top = max(top, len(g.adj[i]))
	}
	out := make([]float64, g.Len())
	for i := range g.adj {
		out[i] = float64(len(g.adj[i])) / float64(top)
	}
	return out
}

// rivalry is the factor of a paradox for the rivalry it cuts across: 1 + rivalryBoost times
// the product of the centralities (see centrality) of the two ends of its most central
// hostile relation. A contradiction in the relations of the two actors the reporting turns on
// ("the two powers contesting the country both back its prime minister") reorders the whole
// web and is the news; one between peripheral actors is a local matter.
func (g *Graph) rivalry(ls []layer, cent []float64) float64 {
	c := 0.0
	for _, l := range ls {
		if l.sign < 0 {
			e := &g.Edges[l.edge]
			c = max(c, cent[e.U]*cent[e.V])
		}
	}
	return 1 + rivalryBoost*c
}

// rivalryBoost is the largest gain of a paradox from the rivalry it cuts across (see rivalry).
const rivalryBoost = 1.0

// base is the score of a paradox over layers ls before proximity and contrast: the geometric
// mean of their strengths times the rivalry factor (cent as centrality returns it).
func (g *Graph) base(ls []layer, cent []float64) float64 {
	p := 1.0
	for _, l := range ls {
		p *= g.strength(l)
	}
	return math.Pow(p, 1/float64(len(ls))) * g.rivalry(ls, cent)
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

// RankParadoxes returns the contradictions of g's alliance web, strongest first, at most
// opt.Limit (all when <= 0):
//
//   - unbalanced triads: three actors whose reported relations multiply to a negative sign
//     (two friends of one actor hostile to each other, or three mutual enemies). An edge
//     reported with both signs may take either, so the friend of my friend who is also my
//     enemy shows up;
//   - ambivalent dyads: a pair reported both cooperating and in conflict;
//   - with opt.Quads, four-actor paradoxes: two of the 50 strongest unbalanced triads
//     (dyads do not take places in this pool) that share a relation, their other two actors
//     related too, no two of the four one organisation or members of one group (see quads).
//
// A paradox scores the geometric mean of the strengths of its relations (distinct documents,
// plus up to 1 for weight; half for a relation only inferred from a group's, see
// inferredStrength), so paradoxes with more independent evidence come first; times 2
// when one document reports all its relations within about two sentences (600 bytes), 1.6
// within a paragraph (2,000 bytes), 1.3 anywhere in one document; times 1.25 when, with
// opt.Text, the writer sets two of its relations against each other ("yet", "despite",
// see contrastBoost); times up to 2 when its hostile relation joins the two actors most
// involved in the web (see rivalry). A triad of three mutual enemies scores half (see
// allHostile), and so does a triad held together by a leader, member or armed wing of one of
// the others (see insideSplit). A paradox resting on exactly the evidence of a stronger one
// is left out (a head of government's relations counted for his government), and so is an
// armed wing's that its organisation's own relations repeat (see distinct, wingRepeat).
func RankParadoxes(g *Graph, opt ParadoxOptions) []faultline.Paradox {
	limit := opt.Limit
	// Every reading of every triangle with a negative product, and every ambivalent edge, is a
	// candidate with a base score (g.base). Proximity and contrast multiply it by at most
	// the factor most below, so candidates are scored exactly in order of base score until
	// no remaining one could enter the top limit.
	type cand struct {
		item  int      // triangle index, or -1-edge for a dyad
		combo int      // reading, in enumeration order
		ls    [6]layer // ls[:n]
		n     int
		base  float64
	}
	var tris [][3]int
	var cs []cand
	organ := g.organic()
	cent := g.centrality()
	g.triangles(func(a, b, c, eab, ebc, eca int) {
		t := len(tris)
		tris = append(tris, [3]int{a, b, c})
		combo := 0
		for _, sab := range g.layers(eab) {
			for _, sbc := range g.layers(ebc) {
				for _, sca := range g.layers(eca) {
					if sab*sbc*sca > 0 {
						continue
					}
					ls := [6]layer{{eab, sab}, {ebc, sbc}, {eca, sca}}
					b := g.base(ls[:3], cent)
					if sab < 0 && sbc < 0 && sca < 0 {
						b *= allHostile
					}
					if (sab > 0 && organ[eab]) || (sbc > 0 && organ[ebc]) || (sca > 0 && organ[eca]) {
						b *= insideSplit
					}
					cs = append(cs, cand{t, combo, ls, 3, b})
					combo++
				}
			}
		}
	})
	dyads := 0
	for i := range g.Edges {
		if g.Edges[i].Ambivalent() {
			dyads++
			ls := [6]layer{{i, 1}, {i, -1}}
			cs = append(cs, cand{-1 - i, 0, ls, 2, g.base(ls[:2], cent)})
		}
	}
	order := make([]int32, len(cs))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool {
		if bi, bj := cs[order[i]].base, cs[order[j]].base; bi != bj {
			return bi > bj
		}
		return order[i] < order[j]
	})

	best := map[int]*result{}
	x := &evidenceIndex{g: g, cache: map[layer]map[string][]faultline.Evidence{}}
	k := 0 // exact scores are needed for the top k: the answer and the pool of quads
	if limit > 0 {
		k = limit
		if opt.Quads {
			k = max(limit, quadPool+dyads) // the pool is quadPool triads
		}
	}
	top := &topK{k: k, pos: map[int]int{}}
	pruned := false
	var ct *contrastIndex
	most := 2.0 // the largest factor proximity and contrast can give
	if opt.Text != nil {
		ct = &contrastIndex{g: g, x: x, text: opt.Text, cache: map[layer][]faultline.Evidence{}}
		most *= 1 + contrastBoost
	}
	for _, oi := range order {
		c := &cs[oi]
		if k > 0 && len(top.h) == k && most*c.base < top.h[0].score {
			pruned = true
			break // no remaining candidate can enter the top limit
		}
		ls := c.ls[:c.n]
		d, w := "", -1
		if g.shareDoc(ls) {
			d, w = x.cooccur(ls...)
		}
		sc := c.base * proximity(d, w) * ct.factor(ls)
		r := best[c.item]
		if r != nil && (sc < r.score || (sc == r.score && c.combo > r.combo)) {
			continue
		}
		var nodes []int
		if c.item >= 0 {
			t := tris[c.item]
			nodes = t[:]
		} else {
			e := &g.Edges[-1-c.item]
			nodes = []int{e.U, e.V}
		}
		best[c.item] = &result{nodes, append([]layer(nil), ls...), c.combo, sc, d}
		if k > 0 {
			top.offer(c.item, sc)
		}
	}
	rs := make([]*result, 0, len(best))
	for _, r := range best {
		rs = append(rs, r)
	}
	key := func(r *result) string {
		k := ""
		for _, n := range r.nodes {
			k += g.Actors[n] + "\x00"
		}
		return k
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		if len(rs[i].nodes) != len(rs[j].nodes) {
			return len(rs[i].nodes) > len(rs[j].nodes)
		}
		return key(rs[i]) < key(rs[j])
	})
	if opt.Quads {
		var pool []*result
		for _, r := range rs {
			if len(pool) == quadPool {
				break
			}
			if len(r.nodes) == 3 {
				pool = append(pool, r)
			}
		}
		if qs := g.quads(pool, x, ct, g.oneSide(organ), cent); len(qs) > 0 {
			for _, q := range qs {
				rs = append(rs, &result{nodes: q.nodes, ls: q.ls, score: q.score, shared: q.shared})
			}
			sort.SliceStable(rs, func(i, j int) bool {
				if rs[i].score != rs[j].score {
					return rs[i].score > rs[j].score
				}
				if len(rs[i].nodes) != len(rs[j].nodes) {
					return len(rs[i].nodes) < len(rs[j].nodes) // triads before quads at a tie
				}
				return false
			})
		}
	}
	rs = g.distinct(rs, limit)
	if limit > 0 && pruned {
		// Paradoxes left out as repeats may leave fewer than limit above the scores never
		// computed: then rank everything.
		n := 0
		for _, r := range rs {
			if r.score >= top.h[0].score {
				n++
			}
		}
		if n < limit {
			opt.Limit = 0
			all := RankParadoxes(g, opt)
			return all[:min(limit, len(all))]
		}
	}
	if limit > 0 && len(rs) > limit {
		rs = rs[:limit]
	}
	out := make([]faultline.Paradox, 0, len(rs))
	for _, r := range rs {
		out = append(out, g.paradox(r.nodes, r.ls, r.score, r.shared))
	}
	return out
}

// distinct drops, from rs in rank order, each paradox resting on exactly the evidence of one
// ranked above it: the same reports read once for a head of government and once for the
// government he speaks for (Options.States) are one paradox, not two. It stops once it has
// limit paradoxes (when limit > 0).
func (g *Graph) distinct(rs []*result, limit int) []*result {
	seen := map[[2]uint64]bool{}
	out := rs[:0]
	var hs []uint64
	wholes := g.wholes()
	for _, r := range rs {
		if limit > 0 && len(out) == limit {
			break
		}
		if g.wingRepeat(r, wholes) {
			continue
		}
		hs = hs[:0]
		for _, l := range r.ls {
			h := fnv.New64a()
			var buf [8]byte
			binary.LittleEndian.PutUint64(buf[:], uint64(int64(l.sign)))
			h.Write(buf[:])
			for _, it := range g.Edges[l.edge].Items {
				if it.Sign == l.sign {
					h.Write([]byte(it.Evidence.Doc))
					binary.LittleEndian.PutUint32(buf[:4], uint32(it.Evidence.Start))
					binary.LittleEndian.PutUint32(buf[4:], uint32(it.Evidence.End))
					h.Write(buf[:])
				}
			}
			hs = append(hs, h.Sum64())
		}
		slices.Sort(hs)
		a, b := fnv.New64a(), fnv.New64()
		for _, x := range hs {
			var buf [8]byte
			binary.LittleEndian.PutUint64(buf[:], x)
			a.Write(buf[:])
			b.Write(buf[:])
		}
		k := [2]uint64{a.Sum64(), b.Sum64()}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// wholes maps each node that a stated tie makes the armed wing of another actor (a militia
// and its party) to those parties. part_of is not read so: reporting also uses it for a
// party in a government or a state in a coalition, which are no wings.
func (g *Graph) wholes() map[int][]int {
	out := map[int][]int{}
	for i := range g.Edges {
		e := &g.Edges[i]
		for _, it := range e.Items {
			if it.Kind != "tie" || it.Sign <= 0 || it.Type != "armed_wing_of" {
				continue
			}
			part, whole := e.U, e.V
			if it.from == e.B {
				part, whole = e.V, e.U
			} else if it.from != e.A {
				continue
			}
			if !slices.Contains(out[part], whole) {
				out[part] = append(out[part], whole)
			}
		}
	}
	return out
}

// wingRepeat reports whether paradox r restates one of the whole: one of its actors is the
// armed wing of an actor w (wholes) not in r, and w has every relation that actor
// has in r, with the same sign, so that the paradox with w in its place holds too. The
// organisation's paradox stands for its wing's.
func (g *Graph) wingRepeat(r *result, wholes map[int][]int) bool {
	for _, n := range r.nodes {
		for _, w := range wholes[n] {
			if slices.Contains(r.nodes, w) {
				continue
			}
			ok := true
			for _, l := range r.ls {
				e := &g.Edges[l.edge]
				other := -1
				switch n {
				case e.U:
					other = e.V
				case e.V:
					other = e.U
				}
				if other < 0 {
					continue
				}
				we := g.edgeIndex(w, other)
				if we < 0 || (l.sign > 0 && g.Edges[we].Pos == 0) || (l.sign < 0 && g.Edges[we].Neg == 0) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
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
		if from, until, to, ok := e.turn(); ok {
			p.Explanation = fmt.Sprintf("%s and %s turned from %s (%s, until %s) to %s (%s, from %s).",
				g.Name(nodes[0]), g.Name(nodes[1]), relation(-to), plural(docsOf(e, -to), "document"), until,
				relation(to), plural(docsOf(e, to), "document"), from)
		}
		p.Evidence = g.evidence(ls, shared)
		return p
	}
	if len(nodes) == 4 {
		return g.quadParadox(nodes, ls, score, shared)
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
		// y—x—z positive, y—z negative: order the actors y, x, z with signs +1, +1, -1; y is
		// the one acting in the strongest report of the hostility.
		y, z = pairs[neg[0]][0], pairs[neg[0]][1]
		if !g.acting(ls[neg[0]], y) {
			y, z = z, y
		}
		for _, n := range nodes {
			if n != y && n != z {
				x = n
			}
		}
		p.Actors = []string{g.Actors[y], g.Actors[x], g.Actors[z]}
		p.Signs = []int{1, 1, -1}
		lxy, lxz, lyz := ls[0], ls[0], ls[neg[0]]
		for i, l := range ls {
			if pairs[i] == [2]int{x, y} || pairs[i] == [2]int{y, x} {
				lxy = l
			}
			if pairs[i] == [2]int{x, z} || pairs[i] == [2]int{z, x} {
				lxz = l
			}
		}
		vy, vz := g.relation(lxy, x), g.relation(lxz, x)
		if vy == vz {
			p.Explanation = fmt.Sprintf("%s %s %s and %s, but %s %s %s.", g.Name(x), vy, g.Name(y), g.Name(z),
				g.Name(y), g.relation(lyz, y), g.Name(z))
		} else {
			p.Explanation = fmt.Sprintf("%s %s %s and %s %s, but %s %s %s.", g.Name(x), vy, g.Name(y), vz, g.Name(z),
				g.Name(y), g.relation(lyz, y), g.Name(z))
		}
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

// turn reports whether every dated report of one sign of an ambivalent edge comes before
// every dated report of the other (temporal ambivalence: an alliance that broke, a feud that
// ended), with the sign it turned to, the date of the last report of the old sign and of the
// first of the new one. Undated reports are ignored; both signs need a dated report.
func (e *Edge) turn() (from, until string, to int, ok bool) {
	type span struct {
		first, last   int
		firstD, lastD string
	}
	var sp [2]*span // [0] hostility, [1] cooperation
	for _, it := range e.Items {
		if it.day == noDay || it.Sign == 0 {
			continue
		}
		_, last, _ := dayRange(it.Date)
		k := 0
		if it.Sign > 0 {
			k = 1
		}
		s := sp[k]
		if s == nil {
			sp[k] = &span{it.day, last, it.Date, it.Date}
			continue
		}
		if it.day < s.first {
			s.first, s.firstD = it.day, it.Date
		}
		if last > s.last {
			s.last, s.lastD = last, it.Date
		}
	}
	if sp[0] == nil || sp[1] == nil {
		return "", "", 0, false
	}
	switch {
	case sp[1].last < sp[0].first:
		return sp[0].firstD, sp[1].lastD, -1, true
	case sp[0].last < sp[1].first:
		return sp[1].firstD, sp[0].lastD, 1, true
	}
	return "", "", 0, false
}

// docsOf is the number of distinct documents behind one sign of an edge.
func docsOf(e *Edge, sign int) int {
	if sign > 0 {
		return e.PosDocs
	}
	return e.NegDocs
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

// relation says in a verb phrase, with node u as its subject, how u relates to the other end
// of layer l (whose name follows): the relation of its strongest piece of evidence
// ("leads", "is backed by", "acts against"), or "is allied with" / "is hostile to" when the
// evidence names no relation.
func (g *Graph) relation(l layer, u int) string {
	e := &g.Edges[l.edge]
	best := g.strongest(l)
	plain := "is allied with"
	if l.sign < 0 {
		plain = "is hostile to"
	}
	if best < 0 {
		return plain
	}
	it := e.Items[best]
	forward := g.itemFrom(it, u)
	if it.Kind != "tie" {
		switch {
		case l.sign > 0:
			return "cooperates with"
		case forward:
			return "acts against"
		}
		return "is targeted by"
	}
	if it.via != "" {
		w := g.Name(g.Index(it.via))
		if it.Type == "comember" {
			return "belongs to " + w + " along with"
		}
		ph, ok := tiePhrases[it.Type]
		if !ok {
			ph = [2]string{plain, plain}
		}
		// The member takes the group's relation: say whose it is.
		if g.Actors[u] == it.member {
			if forward {
				return "belongs to " + w + ", which " + ph[0]
			}
			return "belongs to " + w + ", which " + ph[1]
		}
		if forward {
			return ph[0] + " " + w + ", including"
		}
		return ph[1] + " " + w + ", including"
	}
	ph, ok := tiePhrases[it.Type]
	if !ok {
		return plain
	}
	if forward {
		return ph[0]
	}
	return ph[1]
}

// strongest returns the index in its edge's items of the strongest piece of evidence of
// layer l (a stated tie before an event of the same weight), or -1.
func (g *Graph) strongest(l layer) int {
	e := &g.Edges[l.edge]
	best := -1
	for i, it := range e.Items {
		if it.Sign != l.sign {
			continue
		}
		if best < 0 || it.Weight > e.Items[best].Weight || it.Weight == e.Items[best].Weight && it.Kind == "tie" && e.Items[best].Kind != "tie" {
			best = i
		}
	}
	return best
}

// itemFrom reports whether node u is the first end of a tie item or the source of an event
// item (true when the item does not say).
func (g *Graph) itemFrom(it Item, u int) bool {
	if it.Kind == "tie" {
		return it.from == "" || it.from == g.Actors[u]
	}
	return it.Source == "" || it.Source == g.Actors[u]
}

// acting reports whether node u acts in the strongest evidence of layer l.
func (g *Graph) acting(l layer, u int) bool {
	if b := g.strongest(l); b >= 0 {
		return g.itemFrom(g.Edges[l.edge].Items[b], u)
	}
	return true
}

// tiePhrases gives each tie type as a verb phrase from its first end ("A leads B") and from
// its second ("B is led by A").
var tiePhrases = map[string][2]string{
	"leader_of":       {"leads", "is led by"},
	"member_of":       {"belongs to", "has among its members"},
	"armed_wing_of":   {"is the armed wing of", "has as its armed wing"},
	"part_of":         {"is part of", "includes"},
	"patron_of":       {"backs", "is backed by"},
	"funds":           {"funds", "is funded by"},
	"arms":            {"arms", "is armed by"},
	"supports":        {"supports", "is supported by"},
	"loyal_to":        {"is loyal to", "has the loyalty of"},
	"controls":        {"controls", "is controlled by"},
	"allied_with":     {"is allied with", "is allied with"},
	"negotiates_with": {"negotiates with", "negotiates with"},
	"opposes":         {"opposes", "is opposed by"},
	"rival_of":        {"is a rival of", "is a rival of"},
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

// topK keeps the k items with the largest scores seen so far, in a min-heap indexed by
// item, so that an item whose score rises moves rather than appearing twice.
type topK struct {
	k   int
	h   []scored
	pos map[int]int // item -> index in h
}

type scored struct {
	item  int
	score float64
}

// offer records that item now scores score (scores of an item only rise).
func (t *topK) offer(item int, score float64) {
	if i, ok := t.pos[item]; ok {
		t.h[i].score = score
		t.down(i)
		return
	}
	if len(t.h) < t.k {
		t.h = append(t.h, scored{item, score})
		t.pos[item] = len(t.h) - 1
		t.up(len(t.h) - 1)
		return
	}
	if score <= t.h[0].score {
		return
	}
	delete(t.pos, t.h[0].item)
	t.h[0] = scored{item, score}
	t.pos[item] = 0
	t.down(0)
}

func (t *topK) swap(i, j int) {
	t.h[i], t.h[j] = t.h[j], t.h[i]
	t.pos[t.h[i].item], t.pos[t.h[j].item] = i, j
}

func (t *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if t.h[p].score <= t.h[i].score {
			return
		}
		t.swap(i, p)
		i = p
	}
}

func (t *topK) down(i int) {
	for {
		l, m := 2*i+1, i
		if l < len(t.h) && t.h[l].score < t.h[m].score {
			m = l
		}
		if r := l + 1; r < len(t.h) && t.h[r].score < t.h[m].score {
			m = r
		}
		if m == i {
			return
		}
		t.swap(i, m)
		i = m
	}
}

// result is a scored paradox candidate.
type result struct {
	nodes  []int
	ls     []layer
	combo  int
	score  float64
	shared string
}

// quadPool is how many of the strongest unbalanced triads are searched for interlocking pairs.
const quadPool = 50

// quads finds four-actor paradoxes: two unbalanced triads of pool that share a relation
// (read with the same sign) and whose other two actors are related too, so that all six
// pairs are related: four actors that would fall into two camps but for the shared relation.
// Four actors two of which stand together on an edge marked in oneSide (a leader and his
// militia, two members of one group: see Graph.oneSide) are left out, as one triad told
// twice. Each scores on its own merits, like a triad over its six relations (see base).
func (g *Graph) quads(pool []*result, x *evidenceIndex, ct *contrastIndex, oneSide []bool, cent []float64) []*result {
	byEdge := map[layer][]*result{}
	for _, r := range pool {
		if len(r.nodes) == 3 {
			for _, l := range r.ls {
				byEdge[l] = append(byEdge[l], r)
			}
		}
	}
	keys := make([]layer, 0, len(byEdge))
	for l := range byEdge {
		keys = append(keys, l)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].edge < keys[j].edge || (keys[i].edge == keys[j].edge && keys[i].sign < keys[j].sign)
	})
	third := func(r *result, e *Edge) (int, bool) {
		for _, n := range r.nodes {
			if n != e.U && n != e.V {
				return n, true
			}
		}
		return 0, false
	}
	layerOf := func(r *result, u, v int) (layer, bool) {
		for _, l := range r.ls {
			e := &g.Edges[l.edge]
			if (e.U == u && e.V == v) || (e.U == v && e.V == u) {
				return l, true
			}
		}
		return layer{}, false
	}
	seen := map[[4]int]*result{}
	var out []*result
	for _, ab := range keys {
		rs := byEdge[ab]
		e := &g.Edges[ab.edge]
		a, b := e.U, e.V
		for i := 0; i < len(rs); i++ {
			for j := i + 1; j < len(rs); j++ {
				c, _ := third(rs[i], e)
				d, _ := third(rs[j], e)
				cd := g.edgeIndex(c, d)
				if c == d || cd < 0 {
					continue
				}
				ac, _ := layerOf(rs[i], a, c)
				bc, _ := layerOf(rs[i], b, c)
				ad, _ := layerOf(rs[j], a, d)
				bd, _ := layerOf(rs[j], b, d)
				if oneSide[ab.edge] || oneSide[ac.edge] || oneSide[ad.edge] || oneSide[bc.edge] || oneSide[bd.edge] || oneSide[cd] {
					continue // an actor and its own organ (or two members of one group): one triad told twice
				}
				var bestQ *result
				for _, sg := range g.layers(cd) {
					ls := [6]layer{ab, ac, ad, bc, bd, {cd, sg}}
					if unbalancedTriads(ls) < 2 {
						continue
					}
					doc, w := "", -1
					if g.shareDoc(ls[:]) {
						doc, w = x.cooccur(ls[:]...)
					}
					sc := g.base(ls[:], cent) * proximity(doc, w) * ct.factor(ls[:])
					if friendsApart(ls) < 2 {
						sc *= allHostile // it interlocks only through three mutual enemies
					}
					if bestQ == nil || sc > bestQ.score {
						bestQ = &result{nodes: []int{a, b, c, d}, ls: ls[:], score: sc, shared: doc}
					}
				}
				if bestQ == nil {
					continue
				}
				key := [4]int{a, b, c, d}
				sort.Ints(key[:])
				if old, ok := seen[key]; ok {
					if bestQ.score > old.score {
						*old = *bestQ
					}
					continue
				}
				seen[key] = bestQ
				out = append(out, bestQ)
			}
		}
	}
	return out
}

// quadTriads are the four triads of a K4 as indices into its edges ab, ac, ad, bc, bd, cd,
// each as (xy, yz, zx) for nodes (a,b,c), (a,b,d), (a,c,d), (b,c,d).
var quadTriads = [4][3]int{{0, 3, 1}, {0, 4, 2}, {1, 5, 2}, {3, 5, 4}}

func unbalancedTriads(ls [6]layer) int {
	n := 0
	for _, t := range quadTriads {
		if ls[t[0]].sign*ls[t[1]].sign*ls[t[2]].sign < 0 {
			n++
		}
	}
	return n
}

// friendsApart counts the triads of a K4 with relations ls (pairs as quadPairs) that are
// unbalanced with two friendly relations and one hostile: "the friend of my friend is my
// enemy". A triad of three mutual enemies is no paradox under weak balance (see
// allHostile): four actors whose second unbalanced triad is one of mutual enemies hold one
// paradox under weak balance, and score allHostile.
func friendsApart(ls [6]layer) int {
	n := 0
	for _, t := range quadTriads {
		if ls[t[0]].sign+ls[t[1]].sign+ls[t[2]].sign == 1 {
			n++
		}
	}
	return n
}

// quadPairs are the node positions of the pairs ab, ac, ad, bc, bd, cd of a four-actor
// paradox.
var quadPairs = [6][2]int{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}}

// quadParadox renders a four-actor paradox: Signs follow the pairs ab, ac, ad, bc, bd, cd of
// Actors, and the explanation names the two camps the four would form and the relations
// (one, or two that share no actor) that cut across them.
func (g *Graph) quadParadox(nodes []int, ls []layer, score float64, shared string) faultline.Paradox {
	p := faultline.Paradox{Score: math.Round(score*1000) / 1000, Kind: UnbalancedQuad}
	for _, n := range nodes {
		p.Actors = append(p.Actors, g.Actors[n])
	}
	var signs [6]layer
	for i, l := range ls {
		p.Signs = append(p.Signs, l.sign)
		signs[i] = l
	}
	// The fewest relations whose flip balances the four, the strongest reported first.
	var odd []int
	for i := 0; i < 6 && odd == nil; i++ {
		if flipped(signs, i) {
			odd = []int{i}
		}
	}
	for i := 0; i < 6 && odd == nil; i++ {
		for j := i + 1; j < 6 && odd == nil; j++ {
			if flipped(signs, i, j) {
				odd = []int{i, j}
			}
		}
	}
	// Camps of the balanced four: with a, or against a.
	camp := [4]bool{true}
	for i, pr := range quadPairs[:3] {
		s := signs[i].sign
		if slices.Contains(odd, i) {
			s = -s
		}
		camp[pr[1]] = s > 0
	}
	var with, against []string
	for i, n := range nodes {
		if camp[i] {
			with = append(with, g.Name(n))
		} else {
			against = append(against, g.Name(n))
		}
	}
	var cuts []string
	for _, i := range odd {
		u, v := nodes[quadPairs[i][0]], nodes[quadPairs[i][1]]
		if !g.acting(ls[i], u) {
			u, v = v, u
		}
		cuts = append(cuts, g.Name(u)+" "+g.relation(ls[i], u)+" "+g.Name(v))
	}
	if len(against) == 0 {
		p.Explanation = fmt.Sprintf("%s would all stand on one side, yet %s.", joinAnd(with), joinAnd(cuts))
	} else {
		p.Explanation = fmt.Sprintf("%s stand against %s, yet %s.", joinAnd(with), joinAnd(against), joinAnd(cuts))
	}
	p.Evidence = g.evidence(ls, shared)
	return p
}

// flipped reports whether the four actors of a four-actor paradox with the relations of ls
// (pairs as quadPairs) are balanced once the relations at positions flip change sign.
func flipped(ls [6]layer, flip ...int) bool {
	for _, i := range flip {
		ls[i].sign = -ls[i].sign
	}
	return unbalancedTriads(ls) == 0
}
