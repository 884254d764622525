package network

import (
	"fmt"
	"runtime"
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
func Betweenness(g *Graph) []float64 {
	n := g.Len()
	adj := make([][]int32, n)
	for _, e := range g.Edges {
		if e.Weight > 0 {
			adj[e.U] = append(adj[e.U], int32(e.V))
			adj[e.V] = append(adj[e.V], int32(e.U))
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	if n < 200 {
		workers = 1
	}
	parts := make([][]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			cb := make([]float64, n)
			sigma := make([]float64, n)
			dist := make([]int32, n)
			delta := make([]float64, n)
			stack := make([]int32, 0, n)
			queue := make([]int32, 0, n)
			for i := range dist {
				dist[i] = -1
			}
			for s := w; s < n; s += workers {
				if len(adj[s]) == 0 {
					continue
				}
				stack, queue = stack[:0], queue[:0]
				sigma[s], dist[s] = 1, 0
				queue = append(queue, int32(s))
				for q := 0; q < len(queue); q++ {
					v := queue[q]
					stack = append(stack, v)
					for _, u := range adj[v] {
						if dist[u] < 0 {
							dist[u] = dist[v] + 1
							queue = append(queue, u)
						}
						if dist[u] == dist[v]+1 {
							sigma[u] += sigma[v]
						}
					}
				}
				for k := len(stack) - 1; k >= 0; k-- {
					v := stack[k]
					for _, u := range adj[v] {
						if dist[u] == dist[v]-1 {
							delta[u] += sigma[u] / sigma[v] * (1 + delta[v])
						}
					}
					if int(v) != s {
						cb[v] += delta[v]
					}
				}
				for _, v := range stack {
					sigma[v], dist[v], delta[v] = 0, -1, 0
				}
			}
			parts[w] = cb
		}(w)
	}
	wg.Wait()
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
