package network

import (
	"math/rand/v2"
	"testing"
)

// planted makes a graph of n actors in k factions: each pair is linked with probability p,
// positively inside a faction and negatively across, and each sign is flipped with
// probability flip.
func planted(n, k int, p, flip float64, seed uint64) (*Graph, []int) {
	rng := rand.New(rand.NewPCG(seed, 1))
	truth := make([]int, n)
	actors := make([]string, n)
	for i := range truth {
		truth[i] = i % k
		actors[i] = "a" + itoa(i)
	}
	var edges [][3]float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if rng.Float64() >= p {
				continue
			}
			w := -1.0
			if truth[i] == truth[j] {
				w = 1
			}
			if rng.Float64() < flip {
				w = -w
			}
			edges = append(edges, [3]float64{float64(i), float64(j), w})
		}
	}
	return NewGraph(actors, edges), truth
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

// pairAccuracy is the share of node pairs on which two partitions agree (same or different).
func pairAccuracy(a, b []int) float64 {
	agree, total := 0, 0
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			total++
			if (a[i] == a[j]) == (b[i] == b[j]) {
				agree++
			}
		}
	}
	return float64(agree) / float64(total)
}

// ari is the adjusted Rand index of two partitions.
func ari(a, b []int) float64 {
	n := len(a)
	type pr struct{ x, y int }
	nij, ai, bj := map[pr]int{}, map[int]int{}, map[int]int{}
	for i := 0; i < n; i++ {
		nij[pr{a[i], b[i]}]++
		ai[a[i]]++
		bj[b[i]]++
	}
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var sij, sa, sb float64
	for _, v := range nij {
		sij += c2(v)
	}
	for _, v := range ai {
		sa += c2(v)
	}
	for _, v := range bj {
		sb += c2(v)
	}
	exp := sa * sb / c2(n)
	mx := (sa + sb) / 2
	if mx == exp {
		return 1
	}
	return (sij - exp) / (mx - exp)
}

func TestPartitionPlanted(t *testing.T) {
	for _, tc := range []struct {
		n, k int
		p    float64
	}{
		{60, 2, 0.3}, {100, 3, 0.3}, {120, 4, 0.3}, {150, 5, 0.3}, {300, 5, 0.2}, {500, 3, 0.1}, {500, 2, 0.05},
	} {
		for seed := uint64(1); seed <= 3; seed++ {
			g, truth := planted(tc.n, tc.k, tc.p, 0.10, seed)
			b := Partition(g, BlocOptions{Seed: seed})
			acc, r := pairAccuracy(truth, b.Of), ari(truth, b.Of)
			t.Logf("n=%d k=%d p=%.2f seed=%d: blocs=%d pairAcc=%.4f ARI=%.4f", tc.n, tc.k, tc.p, seed, len(b.Members), acc, r)
			if r < 0.95 {
				t.Errorf("n=%d k=%d seed=%d: ARI %.4f < 0.95", tc.n, tc.k, seed, r)
			}
		}
	}
}

// bruteBlocs finds the minimum frustration over every set partition (restricted growth
// strings) of a small graph.
func bruteBlocs(g *Graph) float64 {
	n := g.Len()
	of := make([]int, n)
	best := -1.0
	var rec func(i, k int)
	rec = func(i, k int) {
		if i == n {
			f := frustration(fromGraph(g), of)
			if best < 0 || f < best {
				best = f
			}
			return
		}
		for c := 0; c <= k; c++ {
			of[i] = c
			nk := k
			if c == k {
				nk++
			}
			rec(i+1, nk)
		}
	}
	rec(0, 0)
	return best
}

func randomSigned(n int, p float64, seed uint64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 2))
	actors := make([]string, n)
	for i := range actors {
		actors[i] = "a" + itoa(i)
	}
	var edges [][3]float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if rng.Float64() < p {
				w := float64(1 + rng.IntN(3))
				if rng.IntN(2) == 0 {
					w = -w
				}
				edges = append(edges, [3]float64{float64(i), float64(j), w})
			}
		}
	}
	return NewGraph(actors, edges)
}

func TestPartitionBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		n := 5 + int(seed%5)
		g := randomSigned(n, 0.6, seed)
		want := bruteBlocs(g)
		got := Partition(g, BlocOptions{Seed: seed})
		if got.Frustration > want+1e-9 {
			t.Errorf("seed %d n=%d: frustration %.3f, optimum %.3f", seed, n, got.Frustration, want)
		}
	}
}

// bruteCamps is the frustration index by enumerating every two-camp split.
func bruteCamps(g *Graph) int {
	n := g.Len()
	best := -1
	for mask := 0; mask < 1<<n; mask++ {
		f := 0
		for _, e := range g.Edges {
			if e.Sign == 0 {
				continue
			}
			same := (mask>>e.U)&1 == (mask>>e.V)&1
			if same != (e.Sign > 0) {
				f++
			}
		}
		if best < 0 || f < best {
			best = f
		}
	}
	return best
}

func TestFrustrationExact(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		n := 6 + int(seed%10)
		g := randomSigned(n, 0.5, seed)
		want := bruteCamps(g)
		got := Frustration(g, seed)
		if !got.Exact || got.Value != want {
			t.Errorf("seed %d n=%d: index %+v, brute force %d", seed, n, got, want)
		}
	}
}

func TestFrustrationBounds(t *testing.T) {
	old := MaxExact
	MaxExact = 5
	defer func() { MaxExact = old }()
	for seed := uint64(1); seed <= 10; seed++ {
		g := randomSigned(14, 0.5, seed)
		want := bruteCamps(g)
		got := Frustration(g, seed)
		if got.Lower > want || got.Value < want {
			t.Errorf("seed %d: bounds [%d, %d] miss the optimum %d", seed, got.Lower, got.Value, want)
		}
	}
}

func TestMeasureTriangle(t *testing.T) {
	for _, tc := range []struct {
		signs    [3]float64
		balanced int
		index    int
	}{
		{[3]float64{1, 1, 1}, 1, 0},
		{[3]float64{1, 1, -1}, 0, 1},
		{[3]float64{1, -1, -1}, 1, 0},
		{[3]float64{-1, -1, -1}, 0, 1},
	} {
		g := NewGraph([]string{"a", "b", "c"}, [][3]float64{{0, 1, tc.signs[0]}, {1, 2, tc.signs[1]}, {2, 0, tc.signs[2]}})
		b := Measure(g, 1)
		if b.Triads != 1 || b.Balanced != tc.balanced || b.Frustration.Value != tc.index || !b.Frustration.Exact {
			t.Errorf("%v: got %+v", tc.signs, b)
		}
	}
}

func TestPartitionDeterministic(t *testing.T) {
	g, _ := planted(200, 4, 0.1, 0.2, 9)
	a := Partition(g, BlocOptions{Seed: 42})
	for i := 0; i < 3; i++ {
		b := Partition(g, BlocOptions{Seed: 42})
		for j := range a.Of {
			if a.Of[j] != b.Of[j] {
				t.Fatalf("run %d: node %d in bloc %d, first run %d", i, j, b.Of[j], a.Of[j])
			}
		}
	}
}
