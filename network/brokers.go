package network

import (
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// Broker is an actor tied positively into blocs that are hostile to each other.
type Broker struct {
	Actor string `json:"actor"`
	Name  string `json:"name"`
	Bloc  int    `json:"bloc"` // its own bloc
	// Score sums, over every pair of mutually hostile blocs the actor cooperates with, the
	// smaller of its two cooperation weights: how much it straddles the divide.
	Score float64 `json:"score"`
	// Bridges are the hostile bloc pairs it is tied into, strongest first.
	Bridges [][2]int `json:"bridges"`
	// Betweenness is the share of shortest paths of the cooperation graph through the actor
	// (Brandes, normalised to [0, 1]).
	Betweenness float64 `json:"betweenness"`
	Explanation string  `json:"explanation"`
}

// FindBrokers scores every actor by how strongly it cooperates with mutually hostile blocs
// of b, and by its betweenness on the cooperation (positive) graph; it returns the actors
// with a positive score or betweenness, brokers first, at most limit (all when limit <= 0).
func FindBrokers(g *Graph, b *Blocs, limit int) []Broker {
	between := Betweenness(g)
	// Hostility between blocs: net weight summed over edges across.
	type pair struct{ x, y int }
	rel := map[pair]float64{}
	for _, e := range g.Edges {
		x, y := b.Of[e.U], b.Of[e.V]
		if x == y {
			continue
		}
		if x > y {
			x, y = y, x
		}
		rel[pair{x, y}] += e.Weight
	}
	var out []Broker
	into := map[int]float64{}
	for i := 0; i < g.Len(); i++ {
		clear(into)
		for _, h := range g.adj[i] {
			if w := g.Edges[h.edge].Weight; w > 0 {
				into[b.Of[h.to]] += w
			}
		}
		blocs := make([]int, 0, len(into))
		for c := range into {
			blocs = append(blocs, c)
		}
		sort.Slice(blocs, func(x, y int) bool {
			if into[blocs[x]] != into[blocs[y]] {
				return into[blocs[x]] > into[blocs[y]]
			}
			return blocs[x] < blocs[y]
		})
		if len(blocs) > 20 {
			blocs = blocs[:20]
		}
		br := Broker{Actor: g.Actors[i], Name: g.Name(i), Bloc: b.Of[i], Betweenness: between[i]}
		type bridge struct {
			p pair
			w float64
		}
		var bs []bridge
		for x := 0; x < len(blocs); x++ {
			for y := x + 1; y < len(blocs); y++ {
				p := pair{min(blocs[x], blocs[y]), max(blocs[x], blocs[y])}
				if rel[p] < 0 {
					w := min(into[blocs[x]], into[blocs[y]])
					br.Score += w
					bs = append(bs, bridge{p, w})
				}
			}
		}
		sort.SliceStable(bs, func(x, y int) bool { return bs[x].w > bs[y].w })
		for _, x := range bs {
			br.Bridges = append(br.Bridges, [2]int{x.p.x, x.p.y})
		}
		br.Score = round6(br.Score)
		if br.Score == 0 && br.Betweenness == 0 {
			continue
		}
		if len(bs) > 0 {
			br.Explanation = fmt.Sprintf("%s: ties of cooperation to bloc %d (%s) and bloc %d (%s), which are hostile to each other.",
				br.Name, bs[0].p.x+1, g.blocSample(b, bs[0].p.x, i), bs[0].p.y+1, g.blocSample(b, bs[0].p.y, i))
		} else {
			br.Explanation = fmt.Sprintf("%s: on %.1f%% of the shortest cooperation paths between other actors.", br.Name, 100*br.Betweenness)
		}
		out = append(out, br)
	}
	sort.SliceStable(out, func(x, y int) bool {
		if out[x].Score != out[y].Score {
			return out[x].Score > out[y].Score
		}
		if out[x].Betweenness != out[y].Betweenness {
			return out[x].Betweenness > out[y].Betweenness
		}
		return out[x].Actor < out[y].Actor
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// blocSample names up to three members of bloc c, other than node self.
func (g *Graph) blocSample(b *Blocs, c, self int) string {
	var names []string
	for _, m := range b.Members[c] {
		if m == self {
			continue
		}
		if len(names) == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, g.Name(m))
	}
	if len(names) == 0 {
		return g.Name(self)
	}
	s := names[0]
	for _, n := range names[1:] {
		s += ", " + n
	}
	return s
}

// Betweenness returns each actor's betweenness centrality on the cooperation graph (edges of
// positive net weight, unweighted), by Brandes' algorithm, normalised by the number of pairs
// of other actors. Sources are split over the CPUs; the sum is taken in a fixed order, so
// the result does not depend on scheduling.
//
// The dependencies are accumulated in the successor form of Brandes' recursion,
// delta(v) = sigma(v) * sum over successors w of (1+delta(w))/sigma(w), so that each
// finished node's quotient is computed once and the backward pass only adds (no division per
// edge); the adjacency is one flat array (CSR); and each search turns bottom-up once the
// nodes not yet found have fewer edges than the frontier (direction-optimising BFS), which
// spares scanning the large middle level of a small-world graph.
func Betweenness(g *Graph) []float64 {
	n := g.Len()
	deg := make([]int32, n+1)
	for _, e := range g.Edges {
		if e.Weight > 0 {
			deg[e.U+1]++
			deg[e.V+1]++
		}
	}
	for i := 1; i <= n; i++ {
		deg[i] += deg[i-1]
	}
	off := deg // off[v]..off[v+1] are v's neighbours in nbr
	nbr := make([]int32, off[n])
	fill := slices.Clone(off[:n])
	for _, e := range g.Edges {
		if e.Weight > 0 {
			nbr[fill[e.U]] = int32(e.V)
			fill[e.U]++
			nbr[fill[e.V]] = int32(e.U)
			fill[e.V]++
		}
	}
	comp, members, first := components(n, off, nbr)
	compDeg := make([]int, len(first)-1) // sum of the degrees of each component's nodes
	for v := range n {
		compDeg[comp[v]] += int(off[v+1] - off[v])
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	if n < 200 {
		workers = 1
	}
	parts := make([][]float64, workers)
	run := func(w int) {
		cb := make([]float64, n)
		sigma := make([]float64, n)
		coef := make([]float64, n) // (1+delta)/sigma of a finished node
		acc := make([]float64, n)  // sum of coef over successors found bottom-up
		dist := make([]int32, n)
		order := make([]int32, 0, n) // BFS order: the queue, then read backwards
		// Successors of the nodes expanded top-down, predecessors of the nodes found
		// bottom-up: order[k]'s are succ[sr[k][0]:sr[k][1]], pred[pr[k][0]:pr[k][1]].
		succ := make([]int32, len(nbr)+1)
		pred := make([]int32, len(nbr)+1)
		sr := make([][2]int32, n)
		pr := make([][2]int32, n)
		var rest []int32 // nodes not yet found, once bottom-up
		for i := range dist {
			dist[i] = -1
		}
		for s := w; s < n; s += workers {
			if off[s] == off[s+1] {
				continue
			}
			order = order[:0]
			ns, np := 0, 0
			sigma[s], dist[s] = 1, 0
			order = append(order, int32(s))
			sr[0], pr[0] = [2]int32{}, [2]int32{}
			c := comp[s]
			reach := first[c+1] - first[c]              // the component's size
			unseen := compDeg[c] - int(off[s+1]-off[s]) // degree sum of the nodes not found
			bottomUp := false
			for lo := 0; lo < len(order); {
				hi := len(order)
				if len(order) == reach {
					break // every node found: this level has no successors
				}
				seen := 0
				for _, v := range order[lo:hi] {
					seen += int(off[v+1] - off[v])
				}
				// Direction-optimising BFS (Beamer et al. 2012): once the nodes not yet
				// found have fewer edges than the frontier, look from them for their
				// predecessors instead of expanding the frontier.
				if !bottomUp && unseen < seen {
					bottomUp = true
					rest = rest[:0]
					for _, u := range members[first[c]:first[c+1]] {
						if dist[u] < 0 {
							rest = append(rest, u)
						}
					}
				}
				if bottomUp {
					dl := dist[order[lo]]
					kept := rest[:0]
					for _, u := range rest {
						p0, sg := np, 0.0
						for _, x := range nbr[off[u]:off[u+1]] {
							if dist[x] == dl {
								sg += sigma[x]
								pred[np] = x
								np++
							}
						}
						if np == p0 {
							kept = append(kept, u)
							continue
						}
						dist[u], sigma[u] = dl+1, sg
						sr[len(order)], pr[len(order)] = [2]int32{}, [2]int32{int32(p0), int32(np)}
						order = append(order, u)
					}
					rest = kept
					lo = hi
					continue
				}
				for q := lo; q < hi; q++ {
					v := order[q]
					dv := dist[v] + 1
					sel := [2]float64{0, sigma[v]}
					s0 := ns
					for _, u := range nbr[off[v]:off[v+1]] {
						du := dist[u]
						if du < 0 {
							dist[u], du = dv, dv
							sigma[u] = 0
							sr[len(order)], pr[len(order)] = [2]int32{}, [2]int32{}
							order = append(order, u)
							unseen -= int(off[u+1] - off[u])
						}
						// Branch-free: whether u is a successor is hard to predict.
						b := 0
						if du == dv {
							b = 1
						}
						sigma[u] += sel[b]
						succ[ns] = u
						ns += b
					}
					sr[q] = [2]int32{int32(s0), int32(ns)}
				}
				lo = hi
			}
			for k := len(order) - 1; k > 0; k-- {
				v := order[k]
				sum := acc[v]
				acc[v] = 0
				for _, u := range succ[sr[k][0]:sr[k][1]] {
					sum += coef[u]
				}
				d := sigma[v] * sum
				cb[v] += d
				cv := (1 + d) / sigma[v]
				coef[v] = cv
				for _, x := range pred[pr[k][0]:pr[k][1]] {
					acc[x] += cv
				}
			}
			acc[s] = 0
			for _, v := range order {
				dist[v] = -1
			}
		}
		parts[w] = cb
	}
	if workers == 1 {
		run(0)
	} else {
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				run(w)
			}(w)
		}
		wg.Wait()
	}
	out := make([]float64, n)
	norm := 0.0
	if n > 2 {
		norm = 1 / float64((n-1)*(n-2)) // undirected: each pair counted twice
	}
	for _, p := range parts {
		for i, x := range p {
			out[i] += x
		}
	}
	for i := range out {
		out[i] = round6(out[i] * norm)
	}
	return out
}

// components labels the connected components of the graph with adjacency off/nbr (CSR): it
// returns each node's component and the nodes grouped by component
// (members[first[c]:first[c+1]] are component c's).
func components(n int, off, nbr []int32) (comp []int32, members []int32, first []int) {
	comp = make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	members = make([]int32, 0, n)
	for s := range n {
		if comp[s] >= 0 {
			continue
		}
		c := int32(len(first))
		comp[s] = c
		start := len(members)
		first = append(first, start)
		members = append(members, int32(s))
		for q := start; q < len(members); q++ {
			v := members[q]
			for _, u := range nbr[off[v]:off[v+1]] {
				if comp[u] < 0 {
					comp[u] = c
					members = append(members, u)
				}
			}
		}
	}
	first = append(first, len(members))
	return comp, members, first
}
