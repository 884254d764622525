package network

import (
	"math/rand/v2"
	"sort"
)

// Blocs is a partition of the actors into blocs: groups whose members cooperate with one
// another and are hostile to outsiders, found by minimising frustration — the weight of
// cooperation between blocs plus hostility within them (correlation clustering).
type Blocs struct {
	Of      []int   // bloc of each node; blocs are numbered by size, largest first
	Members [][]int // nodes of each bloc, ascending
	// Frustration is the weight of frustrated edges: positive between blocs, negative
	// within; Frustrated counts them.
	Frustration float64
	Frustrated  int
}

// BlocOptions tunes Partition.
type BlocOptions struct {
	Seed   uint64 // random seed: same seed, same blocs
	Starts int    // independent multilevel runs, the best kept; 0 means 8
}

// Partition finds blocs in g by multi-start multilevel local search: each start visits the
// nodes in a random order and moves each to the neighbouring bloc it pulls hardest toward
// (or alone) while that lowers frustration, then contracts blocs into single nodes and
// repeats on the smaller graph, and finally refines node by node. The partition with the
// lowest frustration over all starts is returned. It is deterministic for a seed.
func Partition(g *Graph, opt BlocOptions) *Blocs {
	starts := opt.Starts
	if starts <= 0 {
		starts = 8
	}
	wg := fromGraph(g)
	var best []int
	bestF := 0.0
	for s := 0; s < starts; s++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(s)+0x9e3779b97f4a7c15))
		of := multilevel(wg, rng)
		f := frustration(wg, of)
		for cycle := 0; cycle < 20; cycle++ { // V-cycles: contract the current blocs again
			next := append([]int(nil), of...)
			k := relabel(next)
			sub := contract(wg, next, k)
			subOf := make([]int, k)
			for i := range subOf {
				subOf[i] = i
			}
			localMoves(sub, subOf, rng)
			for i := range next {
				next[i] = subOf[next[i]]
			}
			relabel(next)
			localMoves(wg, next, rng)
			relabel(next)
			nf := frustration(wg, next)
			if nf >= f-1e-9 {
				break
			}
			of, f = next, nf
		}
		if best == nil || f < bestF-1e-9 {
			best, bestF = of, f
		}
	}
	return makeBlocs(g, best)
}

// BlocsOf wraps a given assignment of nodes to blocs (any labels) as Blocs.
func BlocsOf(g *Graph, of []int) *Blocs { return makeBlocs(g, of) }

func makeBlocs(g *Graph, of []int) *Blocs {
	groups := map[int][]int{}
	for i, c := range of {
		groups[c] = append(groups[c], i)
	}
	b := &Blocs{Of: make([]int, len(of))}
	for _, m := range groups {
		b.Members = append(b.Members, m)
	}
	sort.Slice(b.Members, func(i, j int) bool {
		if len(b.Members[i]) != len(b.Members[j]) {
			return len(b.Members[i]) > len(b.Members[j])
		}
		return b.Members[i][0] < b.Members[j][0]
	})
	for c, m := range b.Members {
		for _, i := range m {
			b.Of[i] = c
		}
	}
	for _, e := range g.Edges {
		same := b.Of[e.U] == b.Of[e.V]
		if (e.Weight > 0 && !same) || (e.Weight < 0 && same) {
			b.Frustration += abs(e.Weight)
			b.Frustrated++
		}
	}
	b.Frustration = round6(b.Frustration)
	return b
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// wgraph is a compact weighted signed graph for the local search.
type wgraph struct {
	adj [][]wh
}

type wh struct {
	to int
	w  float64
}

func fromGraph(g *Graph) *wgraph {
	wg := &wgraph{adj: make([][]wh, g.Len())}
	for i := range wg.adj {
		wg.adj[i] = make([]wh, 0, len(g.adj[i]))
		for _, h := range g.adj[i] {
			if w := g.Edges[h.edge].Weight; w != 0 {
				wg.adj[i] = append(wg.adj[i], wh{h.to, w})
			}
		}
	}
	return wg
}

// frustration of an assignment: positive weight across blocs plus negative weight within.
func frustration(wg *wgraph, of []int) float64 {
	f := 0.0
	for i, hs := range wg.adj {
		for _, h := range hs {
			if h.to <= i {
				continue
			}
			same := of[i] == of[h.to]
			if h.w > 0 && !same {
				f += h.w
			} else if h.w < 0 && same {
				f -= h.w
			}
		}
	}
	return f
}

// multilevel runs local moves, contracts, and recurses; it returns a node assignment.
func multilevel(wg *wgraph, rng *rand.Rand) []int {
	n := len(wg.adj)
	of := make([]int, n)
	for i := range of {
		of[i] = i
	}
	localMoves(wg, of, rng)
	k := relabel(of)
	if k < n && k > 1 {
		sub := contract(wg, of, k)
		subOf := multilevel(sub, rng)
		for i := range of {
			of[i] = subOf[of[i]]
		}
		relabel(of)
	}
	localMoves(wg, of, rng) // refine at this level
	relabel(of)
	return of
}

// relabel renumbers bloc labels 0..k-1 in order of first appearance and returns k.
func relabel(of []int) int {
	m := map[int]int{}
	for i, c := range of {
		l, ok := m[c]
		if !ok {
			l = len(m)
			m[c] = l
		}
		of[i] = l
	}
	return len(m)
}

// contract merges each bloc into one node; weights between blocs are summed.
func contract(wg *wgraph, of []int, k int) *wgraph {
	sub := &wgraph{adj: make([][]wh, k)}
	acc := make([]float64, k)
	touched := make([]int, 0, 64)
	members := make([][]int, k)
	for i, c := range of {
		members[c] = append(members[c], i)
	}
	for c := 0; c < k; c++ {
		touched = touched[:0]
		for _, i := range members[c] {
			for _, h := range wg.adj[i] {
				d := of[h.to]
				if d == c {
					continue
				}
				if acc[d] == 0 {
					touched = append(touched, d)
				}
				acc[d] += h.w
				if acc[d] == 0 { // exact cancellation: keep it tracked
					acc[d] = 1e-300
				}
			}
		}
		sort.Ints(touched)
		for _, d := range touched {
			if w := acc[d]; abs(w) > 1e-12 {
				sub.adj[c] = append(sub.adj[c], wh{d, w})
			}
			acc[d] = 0
		}
	}
	return sub
}

// localMoves moves single nodes between blocs while frustration falls. A node in bloc c has
// frustration P - s(c), where P is its total positive weight and s(c) its signed weight into
// c, so the best bloc is the one with the largest s (an empty bloc has s = 0).
func localMoves(wg *wgraph, of []int, rng *rand.Rand) {
	n := len(wg.adj)
	size := make([]int, n+1)
	for _, c := range of {
		size[c]++
	}
	free := []int{}
	for c := n - 1; c >= 0; c-- {
		if size[c] == 0 {
			free = append(free, c)
		}
	}
	s := make([]float64, n+1)
	seen := make([]bool, n+1)
	touched := make([]int, 0, 64)
	order := rng.Perm(n)
	for pass := 0; pass < 100; pass++ {
		moved := 0
		for _, i := range order {
			c0 := of[i]
			touched = touched[:0]
			for _, h := range wg.adj[i] {
				d := of[h.to]
				if !seen[d] {
					seen[d] = true
					touched = append(touched, d)
				}
				s[d] += h.w
			}
			best, bestS := c0, s[c0]
			for _, d := range touched {
				if d != c0 && s[d] > bestS+1e-12 {
					best, bestS = d, s[d]
				}
			}
			if size[c0] > 1 && bestS < -1e-12 { // better alone
				best = -1
			}
			for _, d := range touched {
				s[d], seen[d] = 0, false
			}
			if best == c0 {
				continue
			}
			if best == -1 {
				best = free[len(free)-1]
				free = free[:len(free)-1]
			}
			size[c0]--
			if size[c0] == 0 {
				free = append(free, c0)
			}
			size[best]++
			of[i] = best
			moved++
		}
		if moved == 0 {
			break
		}
	}
}
