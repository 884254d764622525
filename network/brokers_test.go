package network

import (
	"math"
	"testing"

	"github.com/faultline/faultline"
)

func TestBrokers(t *testing.T) {
	// Two hostile camps {a,b,c} and {d,e,f}; x cooperates with a and d.
	actors := []string{"a", "b", "c", "d", "e", "f", "x"}
	edges := [][3]float64{
		{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {4, 5, 1}, {3, 5, 1},
		{0, 3, -1}, {1, 4, -1}, {2, 5, -1}, {6, 0, 1}, {6, 3, 1},
	}
	g := NewGraph(actors, edges)
	b := Partition(g, BlocOptions{Seed: 1})
	br := FindBrokers(g, b, 0)
	if len(br) == 0 || br[0].Actor != "x" || br[0].Score != 1 {
		t.Fatalf("brokers: %+v", br)
	}
	t.Log(br[0].Explanation)
}

func TestBetweennessPath(t *testing.T) {
	// a - b - c - d: b and c each lie on 2 of the 3 pairs of other actors.
	g := NewGraph([]string{"a", "b", "c", "d"}, [][3]float64{{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {0, 3, -1}})
	bc := Betweenness(g)
	want := []float64{0, 2.0 / 3, 2.0 / 3, 0}
	for i := range want {
		if math.Abs(bc[i]-want[i]) > 1e-6 {
			t.Errorf("betweenness %v, want %v", bc, want)
		}
	}
}

func TestTimelines(t *testing.T) {
	m := &faultline.Model{
		Documents: []faultline.DocumentRef{{ID: "d1", Date: "2007-08-29"}, {ID: "d2", Date: "2008-03-25"}},
		Actors:    []faultline.Actor{{ID: "jam", Canonical: "Mahdi Army"}, {ID: "badr", Canonical: "Badr"}},
		Events: []faultline.ModelEvent{
			{Doc: "d1", Source: "jam", Target: "badr", Type: "AGREE", Goldstein: 3, Date: "2007-10", Modality: "asserted", Evidence: faultline.Evidence{Doc: "d1", Start: 0, End: 10}},
			{Doc: "d2", Source: "badr", Target: "jam", Type: "ASSAULT", Goldstein: -10, Date: "2008-03", Modality: "asserted", Evidence: faultline.Evidence{Doc: "d2", Start: 0, End: 10}},
			{Doc: "d1", Source: "badr", Target: "jam", Type: "ASSAULT", Goldstein: -10, Date: "2007-08", Modality: "asserted", Evidence: faultline.Evidence{Doc: "d1", Start: 20, End: 30}},
		},
	}
	tl := Timelines(Build(m, Options{}))
	if len(tl) != 1 || len(tl[0].Changes) != 2 {
		t.Fatalf("timelines: %+v", tl)
	}
	c := tl[0].Changes
	if c[0].Date != "2007-10" || c[0].To != 1 || c[1].Date != "2008-03" || c[1].To != -1 {
		t.Errorf("changes: %+v", c)
	}
	t.Log(c[0].Explanation)
	t.Log(c[1].Explanation)
}

func TestBetweennessParallelDeterministic(t *testing.T) {
	g, _ := planted(400, 3, 0.05, 0.1, 4)
	a, b := Betweenness(g), Betweenness(g)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d: %v then %v", i, a[i], b[i])
		}
	}
}

// TestBetweennessCases checks Betweenness against values worked out by hand: a star, a
// cycle with two shortest paths between opposite corners, two components, an isolated
// actor and a negative edge (left out).
func TestBetweennessCases(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		edges [][3]float64
		want  []float64
	}{
		// Centre 0 lies on every path between the 3 leaves: 3 of the 3 pairs.
		{"star", 4, [][3]float64{{0, 1, 1}, {0, 2, 1}, {0, 3, 1}}, []float64{1, 0, 0, 0}},
		// Square 0-1-2-3-0: 0 and 2 are joined by two paths, through 1 and through 3, so
		// each of 1, 3 carries half of the pair (0,2): 0.5 of the 3 pairs of the others.
		{"square", 4, [][3]float64{{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 0, 1}}, []float64{1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6}},
		// Path 0-1-2 and, apart, path 3-4-5, plus isolated 6: 1 and 4 each carry 1 pair
		// of the 15 pairs of other actors.
		{"components", 7, [][3]float64{{0, 1, 1}, {1, 2, 1}, {3, 4, 1}, {4, 5, 1}}, []float64{0, 1.0 / 15, 0, 0, 1.0 / 15, 0, 0}},
		// The hostile edge 0-2 is not a path of cooperation: 1 still lies between them.
		{"negative", 3, [][3]float64{{0, 1, 1}, {1, 2, 1}, {0, 2, -1}}, []float64{0, 1, 0}},
	} {
		actors := make([]string, tc.n)
		for i := range actors {
			actors[i] = string(rune('a' + i))
		}
		got := Betweenness(NewGraph(actors, tc.edges))
		for i := range tc.want {
			if math.Abs(got[i]-tc.want[i]) > 1e-6 {
				t.Errorf("%s: betweenness %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}

// brandes is the textbook algorithm (predecessor lists, dependencies pushed back), as a
// reference for Betweenness.
func brandes(g *Graph) []float64 {
	n := g.Len()
	adj := make([][]int, n)
	for _, e := range g.Edges {
		if e.Weight > 0 {
			adj[e.U] = append(adj[e.U], e.V)
			adj[e.V] = append(adj[e.V], e.U)
		}
	}
	cb := make([]float64, n)
	for s := range n {
		sigma, dist, delta := make([]float64, n), make([]int, n), make([]float64, n)
		preds := make([][]int, n)
		for i := range dist {
			dist[i] = -1
		}
		sigma[s], dist[s] = 1, 0
		queue, stack := []int{s}, []int{}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			stack = append(stack, v)
			for _, u := range adj[v] {
				if dist[u] < 0 {
					dist[u] = dist[v] + 1
					queue = append(queue, u)
				}
				if dist[u] == dist[v]+1 {
					sigma[u] += sigma[v]
					preds[u] = append(preds[u], v)
				}
			}
		}
		for k := len(stack) - 1; k >= 0; k-- {
			w := stack[k]
			for _, v := range preds[w] {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
			if w != s {
				cb[w] += delta[w]
			}
		}
	}
	for i := range cb {
		if n > 2 {
			cb[i] = round6(cb[i] / float64((n-1)*(n-2)))
		}
	}
	return cb
}

// TestBetweennessReference checks Betweenness (successor form, direction-optimising
// search) against the textbook algorithm on planted and random graphs, sparse and dense
// enough for the search to turn bottom-up, several components included.
func TestBetweennessReference(t *testing.T) {
	gs := []*Graph{randomSigned(40, 0.05, 1), randomSigned(60, 0.3, 2)}
	for seed := uint64(1); seed <= 2; seed++ {
		g, _ := planted(300, 3, 0.03, 0.1, seed)
		gs = append(gs, g)
	}
	for i, g := range gs {
		want, got := brandes(g), Betweenness(g)
		for v := range want {
			if math.Abs(want[v]-got[v]) > 1e-6 {
				t.Errorf("graph %d node %d: %v, want %v", i, v, got[v], want[v])
				break
			}
		}
	}
}
