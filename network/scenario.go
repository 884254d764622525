package network

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"

	"github.com/faultline/faultline"
)

// Dynamics models for Simulate.
const (
	// AKR is the constrained triad dynamics of Antal, Krapivsky and Redner, "Dynamics of
	// social balance on networks", Phys. Rev. E 72, 036121 (2005): a random link of an
	// unbalanced triad changes sign if that lowers the number of unbalanced triads, with
	// probability 1/2 if it leaves it unchanged, never if it raises it.
	AKR = "akr"
	// Marvel is the continuous model of Marvel, Kleinberg, Kleinberg and Strogatz,
	// "Continuous-time model of structural balance", PNAS 108, 1771 (2011): dX/dt = X²,
	// integrated until the relations blow up; here restricted to the reported relations, each
	// driven by the triads it closes (dx_ij/dt = Σ_k x_ik x_kj over third actors k, without
	// the self terms of the diagonal), with the initial values perturbed per run.
	Marvel = "marvel"
)

// Note is printed with every scenario.
const Note = "This is a model, not a forecast: it shows which reported relations the change " +
	"puts under pressure if actors sought structural balance, and nothing else."

// Edit is one change a scenario makes: set the relation A~B to Sign (+1 or -1), or, when
// Remove is set, take actor A out of the graph.
type Edit struct {
	A      string `json:"a"`
	B      string `json:"b,omitempty"`
	Sign   int    `json:"sign,omitempty"`
	Remove bool   `json:"remove,omitempty"`
}

// ParseEdit parses "A~B=+1" or "A~B=-1" (also "=1", "=+", "=-").
func ParseEdit(s string) (Edit, error) {
	pair, val, ok := strings.Cut(s, "=")
	a, b, ok2 := strings.Cut(pair, "~")
	a, b, val = strings.TrimSpace(a), strings.TrimSpace(b), strings.TrimSpace(val)
	if !ok || !ok2 || a == "" || b == "" {
		return Edit{}, faultline.Errorf(faultline.EINVALID, "bad tie %q: want A~B=+1 or A~B=-1", s)
	}
	if a == b {
		return Edit{}, faultline.Errorf(faultline.EINVALID, "bad tie %q: an actor has no tie to itself", s)
	}
	switch val {
	case "+", "-":
		val += "1"
	}
	n, err := strconv.Atoi(val)
	if err != nil || (n != 1 && n != -1) {
		return Edit{}, faultline.Errorf(faultline.EINVALID, "bad sign in %q: want +1 or -1", s)
	}
	return Edit{A: a, B: b, Sign: n}, nil
}

// ScenarioOptions configures Simulate.
type ScenarioOptions struct {
	Model string  // AKR (default) or Marvel
	Runs  int     // independent runs; 0 means 100
	Seed  uint64  // same seed, same result
	MinP  float64 // smallest flip probability reported; 0 means 0.05
}

// Scenario is the outcome of a scenario: the relations predicted to change sign and the
// blocs that would form, summarised over many runs.
type Scenario struct {
	Note  string `json:"note"`
	Model string `json:"model"`
	Runs  int    `json:"runs"`
	Seed  uint64 `json:"seed"`
	Edits []Edit `json:"edits"`
	// Balanced is the share of runs that end with every triad balanced.
	Balanced float64 `json:"balanced"`
	// Flips are the relations the edits put under pressure: flipped in at least MinP of
	// the runs and MinP more often than without the edits (every flip when there are no
	// edits), ordered by that rise. Relieved are those the edits steady by at least MinP.
	Flips    []Flip `json:"flips"`
	Relieved []Flip `json:"relieved"`
	// Before and After are the blocs (actor ids) of the edited graph before the dynamics and
	// of the majority outcome after it; blocs of one actor are left out.
	Before [][]string `json:"blocs_before"`
	After  [][]string `json:"blocs_after"`
}

// Flip is a reported relation that changes sign in some runs.
type Flip struct {
	A    string  `json:"a"`
	B    string  `json:"b"`
	From int     `json:"from"`
	To   int     `json:"to"`
	P    float64 `json:"p"` // share of runs in which it ends flipped
	// Baseline is the same share without the edits: pressure the graph was already under.
	Baseline    float64  `json:"baseline"`
	Drivers     []Driver `json:"drivers"`
	Explanation string   `json:"explanation"`
}

// Driver is a triad that pushed a relation A~B to flip: the third actor, its relations to A
// and B in the edited graph, and whether that triad was unbalanced from the start (if not,
// it came under strain as other relations flipped during the runs).
type Driver struct {
	Third      string  `json:"third"`
	SA         int     `json:"sign_a"` // sign of A~Third, 0 if none
	SB         int     `json:"sign_b"` // sign of B~Third, 0 if none
	Unbalanced bool    `json:"unbalanced"`
	Share      float64 `json:"share"` // of the flipping runs in which it drove the flip
}

// simGraph is the signed graph the dynamics run on.
type simGraph struct {
	g     *Graph // ±1 weights; triangles and adjacency
	sign  []int  // initial sign per edge
	fixed []bool // held fixed by an edit
	w     []float64
	tri   [][3]int // edge triples
	third [][3]int // third node of each triangle, opposite each of its edges
	of    [][]int  // triangles of each edge
}

// Simulate applies edits to g and runs a balance-dynamics model opt.Runs times, with the
// edited relations held fixed. Each flip is compared with a baseline run of the unedited
// graph from the same seeds, and explained by the triads that drove it.
func Simulate(g *Graph, edits []Edit, opt ScenarioOptions) (*Scenario, error) {
	if opt.Model == "" {
		opt.Model = AKR
	}
	if opt.Model != AKR && opt.Model != Marvel {
		return nil, faultline.Errorf(faultline.EINVALID, "unknown model %q: want %s or %s", opt.Model, AKR, Marvel)
	}
	if opt.Runs <= 0 {
		opt.Runs = 100
	}
	if opt.MinP <= 0 {
		opt.MinP = 0.05
	}
	for _, e := range edits {
		if g.Index(e.A) < 0 {
			return nil, faultline.Errorf(faultline.ENOTFOUND, "no actor %q in the graph", e.A)
		}
		if !e.Remove && g.Index(e.B) < 0 {
			return nil, faultline.Errorf(faultline.ENOTFOUND, "no actor %q in the graph", e.B)
		}
	}
	base := newSim(g, nil)
	sim := newSim(g, edits)
	sc := &Scenario{Note: Note, Model: opt.Model, Runs: opt.Runs, Seed: opt.Seed, Edits: edits}

	baseFlips := make([]int, len(base.sign))
	for r := 0; r < opt.Runs; r++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(r)))
		final, _, _ := base.run(opt.Model, rng)
		for e, s := range final {
			if s != base.sign[e] {
				baseFlips[e]++
			}
		}
	}
	flips := make([]int, len(sim.sign))
	ends := make([]int, len(sim.sign))            // sum of final signs
	drivers := make([]map[int]int, len(sim.sign)) // third actor -> flipping runs it drove
	balanced := 0
	for r := 0; r < opt.Runs; r++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(r)))
		final, drv, ok := sim.run(opt.Model, rng)
		if ok {
			balanced++
		}
		for e, s := range final {
			ends[e] += s
			if s != sim.sign[e] {
				flips[e]++
				if drivers[e] == nil {
					drivers[e] = map[int]int{}
				}
				seen := map[int]bool{}
				for _, d := range drv[e] {
					if !seen[d[0]] {
						seen[d[0]] = true
						drivers[e][d[0]]++
					}
				}
			}
		}
	}
	sc.Balanced = float64(balanced) / float64(opt.Runs)

	for e, n := range flips {
		if sim.fixed[e] {
			continue
		}
		p := float64(n) / float64(opt.Runs)
		ed := &sim.g.Edges[e]
		f := Flip{A: ed.A, B: ed.B, From: sim.sign[e], To: -sim.sign[e], P: p, Drivers: []Driver{}}
		if bi := base.g.edgeIndex(ed.U, ed.V); bi >= 0 {
			if base.sign[bi] == sim.sign[e] {
				f.Baseline = float64(baseFlips[bi]) / float64(opt.Runs)
			} else {
				f.Baseline = 1 - float64(baseFlips[bi])/float64(opt.Runs)
			}
		}
		if len(edits) == 0 {
			f.Baseline = p // nothing changed: the baseline is the run itself
		}
		switch {
		case len(edits) > 0 && f.Baseline-p >= opt.MinP-1e-9:
			f.Explanation = fmt.Sprintf("%s~%s is steadier: it flips in %.0f%% of runs instead of %.0f%%.",
				sim.g.Name(ed.U), sim.g.Name(ed.V), 100*p, 100*f.Baseline)
			sc.Relieved = append(sc.Relieved, f)
			continue
		case p < opt.MinP-1e-9, len(edits) > 0 && p-f.Baseline < opt.MinP-1e-9:
			continue
		}
		type kv struct{ third, n int }
		var ds []kv
		for c, k := range drivers[e] {
			ds = append(ds, kv{c, k})
		}
		sort.Slice(ds, func(i, j int) bool {
			if ds[i].n != ds[j].n {
				return ds[i].n > ds[j].n
			}
			return sim.g.Actors[ds[i].third] < sim.g.Actors[ds[j].third]
		})
		if len(ds) > 3 {
			ds = ds[:3]
		}
		for _, d := range ds {
			sa, sb := sim.signOf(sim.sign, ed.U, d.third), sim.signOf(sim.sign, ed.V, d.third)
			f.Drivers = append(f.Drivers, Driver{Third: sim.g.Actors[d.third], SA: sa, SB: sb,
				Unbalanced: sa*sb*sim.sign[e] < 0, Share: round3(float64(d.n) / float64(n))})
		}
		f.Explanation = sim.explain(f, ed.U, ed.V)
		sc.Flips = append(sc.Flips, f)
	}
	sort.SliceStable(sc.Relieved, func(i, j int) bool {
		di, dj := round3(sc.Relieved[i].Baseline-sc.Relieved[i].P), round3(sc.Relieved[j].Baseline-sc.Relieved[j].P)
		if di != dj {
			return di > dj
		}
		return sc.Relieved[i].A+"~"+sc.Relieved[i].B < sc.Relieved[j].A+"~"+sc.Relieved[j].B
	})
	// The change's own effect first: the rise in flip probability over the baseline.
	sort.SliceStable(sc.Flips, func(i, j int) bool {
		di, dj := round3(sc.Flips[i].P-sc.Flips[i].Baseline), round3(sc.Flips[j].P-sc.Flips[j].Baseline)
		if di != dj {
			return di > dj
		}
		if sc.Flips[i].P != sc.Flips[j].P {
			return sc.Flips[i].P > sc.Flips[j].P
		}
		return sc.Flips[i].A+"~"+sc.Flips[i].B < sc.Flips[j].A+"~"+sc.Flips[j].B
	})

	// Blocs before (edited graph) and after (majority of final signs).
	sc.Before = sim.blocs(sim.sign, opt.Seed)
	after := make([]int, len(sim.sign))
	for e := range after {
		switch {
		case ends[e] > 0:
			after[e] = 1
		case ends[e] < 0:
			after[e] = -1
		default:
			after[e] = sim.sign[e]
		}
	}
	sc.After = sim.blocs(after, opt.Seed)
	// Empty lists, not null, in JSON.
	if sc.Flips == nil {
		sc.Flips = []Flip{}
	}
	if sc.Relieved == nil {
		sc.Relieved = []Flip{}
	}
	if sc.Before == nil {
		sc.Before = [][]string{}
	}
	if sc.After == nil {
		sc.After = [][]string{}
	}
	if sc.Edits == nil {
		sc.Edits = []Edit{}
	}
	return sc, nil
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// explain says in one sentence why a relation flips.
func (s *simGraph) explain(f Flip, u, v int) string {
	g := s.g
	a, b := g.Name(u), g.Name(v)
	verb := "turns hostile"
	if f.To > 0 {
		verb = "turns cooperative"
	}
	out := fmt.Sprintf("%s~%s %s in %.0f%% of runs (%.0f%% without the change)", a, b, verb, 100*f.P, 100*f.Baseline)
	if len(f.Drivers) == 0 {
		return out + "."
	}
	var why []string
	for _, d := range f.Drivers {
		c := g.Name(g.Index(d.Third))
		var w string
		switch {
		case d.SA > 0 && d.SB > 0:
			w = fmt.Sprintf("both are allied with %s", c)
		case d.SA < 0 && d.SB < 0:
			w = fmt.Sprintf("both are hostile to %s", c)
		case d.SA > 0 && d.SB < 0:
			w = fmt.Sprintf("%s is allied with %s, whom %s opposes", a, c, b)
		case d.SA < 0 && d.SB > 0:
			w = fmt.Sprintf("%s is allied with %s, whom %s opposes", b, c, a)
		default:
			w = fmt.Sprintf("through %s", c)
		}
		if !d.Unbalanced {
			w += " (once other relations shift)"
		}
		why = append(why, w)
	}
	return out + ": " + strings.Join(why, "; ") + "."
}

// blocs partitions the sim graph with the given signs and names the blocs of 2 or more.
func (s *simGraph) blocs(signs []int, seed uint64) [][]string {
	edges := make([][3]float64, 0, len(signs))
	for e, sg := range signs {
		ed := &s.g.Edges[e]
		edges = append(edges, [3]float64{float64(ed.U), float64(ed.V), float64(sg) * math.Max(s.w[e], 1e-3)})
	}
	h := NewGraph(s.g.Actors, edges)
	b := Partition(h, BlocOptions{Seed: seed})
	var out [][]string
	for _, m := range b.Members {
		if len(m) < 2 {
			continue
		}
		ids := make([]string, len(m))
		for i, n := range m {
			ids[i] = s.g.Actors[n]
		}
		out = append(out, ids)
	}
	return out
}

// newSim builds the signed graph of g's nonzero relations with edits applied.
func newSim(g *Graph, edits []Edit) *simGraph {
	removed := map[int]bool{}
	type key struct{ u, v int }
	set := map[key]int{}
	for _, e := range edits {
		if e.Remove {
			removed[g.Index(e.A)] = true
			continue
		}
		u, v := g.Index(e.A), g.Index(e.B)
		if u > v {
			u, v = v, u
		}
		set[key{u, v}] = e.Sign
	}
	maxW := 0.0
	for _, e := range g.Edges {
		maxW = math.Max(maxW, abs(e.Weight))
	}
	if maxW == 0 {
		maxW = 1
	}
	var edges [][3]float64
	wOf := map[key]float64{}
	fixedOf := map[key]bool{}
	for _, e := range g.Edges {
		k := key{e.U, e.V}
		if removed[e.U] || removed[e.V] {
			continue
		}
		if s, ok := set[k]; ok {
			edges = append(edges, [3]float64{float64(e.U), float64(e.V), float64(s)})
			wOf[k] = math.Max(abs(e.Weight)/maxW, 0.5)
			fixedOf[k] = true
			delete(set, k)
			continue
		}
		if e.Sign == 0 {
			continue
		}
		edges = append(edges, [3]float64{float64(e.U), float64(e.V), float64(e.Sign)})
		wOf[k] = abs(e.Weight) / maxW
	}
	keys := make([]key, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].u < keys[j].u || (keys[i].u == keys[j].u && keys[i].v < keys[j].v) })
	for _, k := range keys {
		if removed[k.u] || removed[k.v] {
			continue
		}
		edges = append(edges, [3]float64{float64(k.u), float64(k.v), float64(set[k])})
		wOf[k] = 0.5
		fixedOf[k] = true
	}
	h := NewGraph(g.Actors, edges)
	copy(h.Names, g.Names)
	s := &simGraph{g: h, sign: make([]int, len(h.Edges)), fixed: make([]bool, len(h.Edges)),
		w: make([]float64, len(h.Edges)), of: make([][]int, len(h.Edges))}
	for i, e := range h.Edges {
		k := key{e.U, e.V}
		s.sign[i], s.fixed[i], s.w[i] = e.Sign, fixedOf[k], wOf[k]
	}
	h.triangles(func(a, b, c, eab, ebc, eca int) {
		t := len(s.tri)
		s.tri = append(s.tri, [3]int{eab, ebc, eca})
		s.third = append(s.third, [3]int{c, a, b})
		s.of[eab] = append(s.of[eab], t)
		s.of[ebc] = append(s.of[ebc], t)
		s.of[eca] = append(s.of[eca], t)
	})
	return s
}

// run runs one model run; it returns the final signs, for each edge the drivers of its last
// flip (third node and its signs to the edge's ends), and whether the run ended balanced.
func (s *simGraph) run(model string, rng *rand.Rand) ([]int, [][][3]int, bool) {
	if model == Marvel {
		return s.runMarvel(rng)
	}
	return s.runAKR(rng)
}

// drivers lists, for edge e in state sg, the triangles through e that are unbalanced.
func (s *simGraph) drivers(e int, sg []int) [][3]int {
	ed := &s.g.Edges[e]
	var out [][3]int
	for _, t := range s.of[e] {
		tr := s.tri[t]
		if sg[tr[0]]*sg[tr[1]]*sg[tr[2]] > 0 {
			continue
		}
		var c int
		for k, x := range tr {
			if x == e {
				c = s.third[t][k]
			}
		}
		out = append(out, [3]int{c, s.signOf(sg, ed.U, c), s.signOf(sg, ed.V, c)})
	}
	return out
}

func (s *simGraph) signOf(sg []int, u, v int) int {
	if e := s.g.edgeIndex(u, v); e >= 0 {
		return sg[e]
	}
	return 0
}

// runAKR is constrained triad dynamics on the reported relations. Only links in at least one
// unbalanced triad are drawn (others could never change under the rule, or would wander
// freely if they close no triad at all); fixed links never change.
func (s *simGraph) runAKR(rng *rand.Rand) ([]int, [][][3]int, bool) {
	m := len(s.sign)
	sg := append([]int(nil), s.sign...)
	drv := make([][][3]int, m)
	unb := make([]int, m) // unbalanced triangles through each edge
	for _, tr := range s.tri {
		if sg[tr[0]]*sg[tr[1]]*sg[tr[2]] < 0 {
			unb[tr[0]]++
			unb[tr[1]]++
			unb[tr[2]]++
		}
	}
	// Candidate set: non-fixed edges with unb > 0, as an indexed set.
	pos := make([]int, m)
	var cand []int
	for e := range pos {
		pos[e] = -1
	}
	update := func(e int) {
		in := pos[e] >= 0
		want := !s.fixed[e] && unb[e] > 0
		if want && !in {
			pos[e] = len(cand)
			cand = append(cand, e)
		} else if !want && in {
			last := cand[len(cand)-1]
			cand[pos[e]], pos[last] = last, pos[e]
			cand = cand[:len(cand)-1]
			pos[e] = -1
		}
	}
	for e := range sg {
		update(e)
	}
	totalUnb := 0
	for _, tr := range s.tri {
		if sg[tr[0]]*sg[tr[1]]*sg[tr[2]] < 0 {
			totalUnb++
		}
	}
	// Stop when balanced, jammed (every candidate flip would add unbalanced triads), after
	// 200 steps per link, or when the count of unbalanced triads has not reached a new low
	// for 20 steps per initial candidate link: on sparse graphs the dynamics otherwise
	// wander for ever along flips that leave the count unchanged.
	maxSteps := 200*m + 1000
	patience := 20*len(cand) + 100
	bestUnb, lastBest := totalUnb, 0
	rejects := 0
	for step := 0; step < maxSteps && len(cand) > 0 && step-lastBest <= patience; step++ {
		if totalUnb < bestUnb {
			bestUnb, lastBest = totalUnb, step
		}
		e := cand[rng.IntN(len(cand))]
		delta := len(s.of[e]) - 2*unb[e] // change in unbalanced triads if e flips
		if delta > 0 || (delta == 0 && rng.IntN(2) == 0) {
			rejects++
			if rejects > 4*len(cand)+16 {
				jammed := true
				for _, c := range cand {
					if len(s.of[c])-2*unb[c] <= 0 {
						jammed = false
						break
					}
				}
				if jammed {
					break
				}
				rejects = 0
			}
			continue
		}
		rejects = 0
		drv[e] = s.drivers(e, sg)
		sg[e] = -sg[e]
		for _, t := range s.of[e] {
			tr := s.tri[t]
			d := 1 // the triangle became unbalanced
			if sg[tr[0]]*sg[tr[1]]*sg[tr[2]] > 0 {
				d = -1
			}
			totalUnb += d
			for _, x := range tr {
				unb[x] += d
				if x != e {
					update(x)
				}
			}
		}
		update(e)
	}
	return sg, drv, totalUnb == 0
}

// runMarvel integrates dx_ij/dt = Σ_k x_ik x_kj over the reported relations, from their
// weights (scaled to [-1, 1]) each perturbed by 20% random noise, until some relation
// reaches 1,000 times its start scale; fixed relations keep their value.
func (s *simGraph) runMarvel(rng *rand.Rand) ([]int, [][][3]int, bool) {
	m := len(s.sign)
	x := make([]float64, m)
	for e := range x {
		x[e] = float64(s.sign[e]) * s.w[e]
		if !s.fixed[e] {
			x[e] *= math.Max(0.05, 1+0.2*rng.NormFloat64())
		}
		if x[e] == 0 {
			x[e] = float64(s.sign[e]) * 1e-3
		}
	}
	drv := make([][][3]int, m)
	dx := make([]float64, m)
	sg := make([]int, m)
	for t := 0; t < 10000; t++ {
		clear(dx)
		for _, tr := range s.tri {
			dx[tr[0]] += x[tr[1]] * x[tr[2]]
			dx[tr[1]] += x[tr[0]] * x[tr[2]]
			dx[tr[2]] += x[tr[0]] * x[tr[1]]
		}
		mx, mdx := 0.0, 0.0
		for e := range x {
			mx = math.Max(mx, abs(x[e]))
			if !s.fixed[e] {
				mdx = math.Max(mdx, abs(dx[e]))
			}
		}
		if mdx == 0 || mx > 1e3 {
			break
		}
		dt := 0.05 * math.Max(mx, 1) / mdx // small relative steps until blow-up
		for e := range x {
			if s.fixed[e] {
				continue
			}
			nx := x[e] + dt*dx[e]
			if (nx > 0) != (x[e] > 0) && nx != 0 {
				for k := range sg {
					sg[k] = sign(x[k])
				}
				drv[e] = s.drivers(e, sg)
			}
			x[e] = nx
		}
	}
	for e := range sg {
		sg[e] = sign(x[e])
		if sg[e] == 0 {
			sg[e] = s.sign[e]
		}
	}
	ok := true
	for _, tr := range s.tri {
		if sg[tr[0]]*sg[tr[1]]*sg[tr[2]] < 0 {
			ok = false
			break
		}
	}
	return sg, drv, ok
}
