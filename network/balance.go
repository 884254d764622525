package network

import (
	"math/rand/v2"
	"sort"
)

// Balance measures structural balance: how many triads obey "the friend of my friend is my
// friend, the enemy of my enemy is my friend", and how far the graph is from a balanced one.
type Balance struct {
	Triads   int     `json:"triads"`   // triangles whose three edges have a net sign
	Balanced int     `json:"balanced"` // of those, with a positive product of signs
	Share    float64 `json:"share"`    // Balanced / Triads (1 when there are no triads)
	// Frustration is the frustration index: the fewest signed edges whose removal leaves
	// the graph balanced (two camps, friends inside, enemies across).
	Frustration FrustrationIndex `json:"frustration"`
}

// FrustrationIndex is the frustration index of a signed graph with its bounds.
type FrustrationIndex struct {
	Value int  `json:"value"` // the best found: exact when Exact, else an upper bound
	Lower int  `json:"lower"` // a proven lower bound (= Value when Exact)
	Exact bool `json:"exact"`
	Edges int  `json:"edges"` // signed edges
	// Normalized is 1 - 2*Value/Edges (Aref & Wilson): 1 for a balanced graph.
	Normalized float64 `json:"normalized"`
	// Camp gives each node's side (0 or 1) in the best two-camp split found.
	Camp []int `json:"-"`
}

// MaxExact is the largest connected component whose frustration index is computed exactly by
// branch and bound; larger components get a local-search upper bound and a lower bound from
// edge-disjoint unbalanced triangles.
var MaxExact = 25

// triangles calls fn for each triangle of g once, with its nodes a < b < c by rank and the
// indices of edges ab, bc and ca.
func (g *Graph) triangles(fn func(a, b, c, eab, ebc, eca int)) {
	n := g.Len()
	rank := make([]int, n)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		di, dj := len(g.adj[order[i]]), len(g.adj[order[j]])
		if di != dj {
			return di < dj
		}
		return order[i] < order[j]
	})
	for r, i := range order {
		rank[i] = r
	}
	out := make([][]half, n)
	for i := range out {
		for _, h := range g.adj[i] {
			if rank[h.to] > rank[i] {
				out[i] = append(out[i], h)
			}
		}
	}
	mark := make([]int, n)
	for i := range mark {
		mark[i] = -1
	}
	for _, u := range order {
		for _, h := range out[u] {
			mark[h.to] = h.edge
		}
		for _, h := range out[u] {
			v := h.to
			for _, h2 := range out[v] {
				if e := mark[h2.to]; e >= 0 {
					fn(u, v, h2.to, h.edge, h2.edge, e)
				}
			}
		}
		for _, h := range out[u] {
			mark[h.to] = -1
		}
	}
}

// Measure computes the balance of g. The frustration index is exact on components of up to
// MaxExact actors; seed makes the heuristic on larger ones deterministic.
func Measure(g *Graph, seed uint64) *Balance {
	b := &Balance{}
	g.triangles(func(a, bb, c, eab, ebc, eca int) {
		s := g.Edges[eab].Sign * g.Edges[ebc].Sign * g.Edges[eca].Sign
		if s == 0 {
			return
		}
		b.Triads++
		if s > 0 {
			b.Balanced++
		}
	})
	b.Share = 1
	if b.Triads > 0 {
		b.Share = float64(b.Balanced) / float64(b.Triads)
	}
	b.Frustration = Frustration(g, seed)
	return b
}

// Frustration computes the frustration index of g's net signs (every signed edge counts 1).
func Frustration(g *Graph, seed uint64) FrustrationIndex {
	n := g.Len()
	fi := FrustrationIndex{Camp: make([]int, n)}
	sg := make([][]sh, n)
	for _, e := range g.Edges {
		if e.Sign != 0 {
			sg[e.U] = append(sg[e.U], sh{e.V, e.Sign})
			sg[e.V] = append(sg[e.V], sh{e.U, e.Sign})
			fi.Edges++
		}
	}
	fi.Exact = true
	seen := make([]bool, n)
	for s := 0; s < n; s++ {
		if seen[s] || len(sg[s]) == 0 {
			continue
		}
		comp := []int{s}
		seen[s] = true
		for k := 0; k < len(comp); k++ {
			for _, h := range sg[comp[k]] {
				if !seen[h.to] {
					seen[h.to] = true
					comp = append(comp, h.to)
				}
			}
		}
		up, camp := twoCamps(sg, comp, seed)
		if len(comp) <= MaxExact {
			v := exactCamps(sg, comp, up, camp)
			fi.Value += v
			fi.Lower += v
		} else {
			fi.Value += up
			fi.Lower += triangleBound(g, comp)
			fi.Exact = false
		}
		for i, v := range comp {
			fi.Camp[v] = camp[i]
		}
	}
	if fi.Lower >= fi.Value {
		fi.Lower, fi.Exact = fi.Value, true
	}
	fi.Normalized = 1
	if fi.Edges > 0 {
		fi.Normalized = 1 - 2*float64(fi.Value)/float64(fi.Edges)
	}
	return fi
}

type sh struct{ to, sign int }

// twoCamps is a multi-start local search for a two-camp split of a component; it returns the
// number of frustrated edges and the camps (indexed like comp).
func twoCamps(sg [][]sh, comp []int, seed uint64) (int, []int) {
	pos := map[int]int{}
	for i, v := range comp {
		pos[v] = i
	}
	m := len(comp)
	adj := make([][]sh, m)
	for i, v := range comp {
		for _, h := range sg[v] {
			adj[i] = append(adj[i], sh{pos[h.to], h.sign})
		}
	}
	cost := func(c []int) int {
		f := 0
		for i := range adj {
			for _, h := range adj[i] {
				if h.to > i && (c[i] == c[h.to]) != (h.sign > 0) {
					f++
				}
			}
		}
		return f
	}
	starts := 16
	if m > 2000 {
		starts = 4
	}
	var best []int
	bestF := -1
	for s := 0; s < starts; s++ {
		rng := rand.New(rand.NewPCG(seed, uint64(s)+7))
		c := make([]int, m)
		if s == 0 { // greedy BFS colouring: follow signs along a spanning tree
			for i := range c {
				c[i] = -1
			}
			c[0] = 0
			q := []int{0}
			for k := 0; k < len(q); k++ {
				for _, h := range adj[q[k]] {
					if c[h.to] < 0 {
						c[h.to] = c[q[k]]
						if h.sign < 0 {
							c[h.to] ^= 1
						}
						q = append(q, h.to)
					}
				}
			}
		} else {
			for i := range c {
				c[i] = rng.IntN(2)
			}
		}
		order := rng.Perm(m)
		for pass := 0; pass < 100; pass++ {
			moved := false
			for _, i := range order {
				gain := 0 // frustrated now minus frustrated after a flip
				for _, h := range adj[i] {
					if (c[i] == c[h.to]) != (h.sign > 0) {
						gain++
					} else {
						gain--
					}
				}
				if gain > 0 {
					c[i] ^= 1
					moved = true
				}
			}
			if !moved {
				break
			}
		}
		if f := cost(c); bestF < 0 || f < bestF {
			best, bestF = c, f
		}
	}
	return bestF, best
}

// exactCamps finds the minimum number of frustrated edges of a component by branch and
// bound, starting from the upper bound up with camps camp (updated in place to the optimum).
// The lower bound of a partial assignment adds, for every unassigned node, the cheaper of
// its two camps given its assigned neighbours.
func exactCamps(sg [][]sh, comp []int, up int, camp []int) int {
	m := len(comp)
	pos := map[int]int{}
	for i, v := range comp {
		pos[v] = i
	}
	// Order: BFS from the highest-degree node so each node meets assigned neighbours early.
	start := 0
	for i, v := range comp {
		if len(sg[v]) > len(sg[comp[start]]) {
			start = i
		}
	}
	order := []int{start}
	in := make([]bool, m)
	in[start] = true
	for k := 0; k < len(order); k++ {
		for _, h := range sg[comp[order[k]]] {
			if j := pos[h.to]; !in[j] {
				in[j] = true
				order = append(order, j)
			}
		}
	}
	adj := make([][]sh, m)
	for i, v := range comp {
		for _, h := range sg[v] {
			adj[i] = append(adj[i], sh{pos[h.to], h.sign})
		}
	}
	c := make([]int, m)
	for i := range c {
		c[i] = -1
	}
	// cost[i][k]: frustrated edges to assigned neighbours if i joins camp k.
	cost := make([][2]int, m)
	best := up
	bestC := append([]int(nil), camp...)
	lbRest := 0 // sum over unassigned of min(cost)
	var rec func(k, cur int)
	rec = func(k, cur int) {
		if cur+lbRest >= best {
			return
		}
		if k == m {
			best = cur
			copy(bestC, c)
			return
		}
		i := order[k]
		choices := []int{0, 1}
		if k == 0 {
			choices = choices[:1] // symmetry
		} else if cost[i][1] < cost[i][0] {
			choices = []int{1, 0}
		}
		for _, col := range choices {
			add := cost[i][col]
			oldMin := min(cost[i][0], cost[i][1])
			lbRest -= oldMin
			c[i] = col
			delta := 0
			for _, h := range adj[i] {
				if c[h.to] >= 0 {
					continue
				}
				t := h.to
				before := min(cost[t][0], cost[t][1])
				if h.sign > 0 {
					cost[t][col^1]++
				} else {
					cost[t][col]++
				}
				delta += min(cost[t][0], cost[t][1]) - before
			}
			lbRest += delta
			rec(k+1, cur+add)
			for _, h := range adj[i] {
				if c[h.to] >= 0 {
					continue
				}
				t := h.to
				if h.sign > 0 {
					cost[t][col^1]--
				} else {
					cost[t][col]--
				}
			}
			lbRest -= delta
			c[i] = -1
			lbRest += oldMin
		}
	}
	rec(0, 0)
	copy(camp, bestC)
	return best
}

// triangleBound is a lower bound on the frustration index of a component: a greedy packing
// of edge-disjoint unbalanced triangles, each of which needs one of its edges removed.
func triangleBound(g *Graph, comp []int) int {
	in := map[int]bool{}
	for _, v := range comp {
		in[v] = true
	}
	used := map[int]bool{}
	lb := 0
	g.triangles(func(a, b, c, eab, ebc, eca int) {
		if !in[a] {
			return
		}
		s := g.Edges[eab].Sign * g.Edges[ebc].Sign * g.Edges[eca].Sign
		if s < 0 && !used[eab] && !used[ebc] && !used[eca] {
			used[eab], used[ebc], used[eca] = true, true, true
			lb++
		}
	})
	return lb
}
