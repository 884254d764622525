package http

import (
	"cmp"
	"math"
	nethttp "net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/network"
)

// Node is an actor in a network response.
type Node struct {
	ID         string  `json:"id"`
	Label      string  `json:"label"`
	Type       string  `json:"type"`
	Bloc       int     `json:"bloc"`
	Prominence float64 `json:"prominence"`
	Degree     int     `json:"degree"`
}

// EdgeView is a relation in a network response. Its evidence, strongest first, is given by
// GET /api/relation only, to keep graphs small.
type EdgeView struct {
	A          string         `json:"a"`
	B          string         `json:"b"`
	Weight     float64        `json:"weight"`
	Sign       int            `json:"sign"`
	Pos        float64        `json:"pos"`
	Neg        float64        `json:"neg"`
	Docs       int            `json:"docs"`
	Sources    int            `json:"sources"`
	Ambivalent bool           `json:"ambivalent"`
	Evidence   []network.Item `json:"evidence,omitempty"`
	More       int            `json:"more,omitempty"` // evidence left out
}

// Network is the answer of GET /api/network.
type Network struct {
	From, To string `json:"-"`
	Window   struct {
		From string `json:"from"`
		To   string `json:"to"`
	} `json:"window"`
	Nodes []Node     `json:"nodes"`
	Edges []EdgeView `json:"edges"`
	// TotalNodes and TotalEdges count the connected actors and relations of the window,
	// before the top-N and weight cut.
	TotalNodes int `json:"total_nodes"`
	TotalEdges int `json:"total_edges"`
	// Hidden counts the relations among the chosen actors left out by max_edges.
	Hidden int `json:"hidden"`
	Blocs  int `json:"blocs"`
}

const (
	defaultNodes    = 150
	defaultEdges    = 1000
	maxEdges        = 20000
	maxEdgeEvidence = 100
)

func floatParam(r *nethttp.Request, name string, def float64) (float64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		return 0, faultline.Errorf(faultline.EINVALID, "%s must be a non-negative number", name)
	}
	return f, nil
}

// network answers the actor graph of a window: the limit most prominent connected actors
// (default 150, at most MaxNodes) and the relations among them of at least min_weight.
func (s *Server) network(r *nethttp.Request) (any, error) {
	from, to, err := window(r)
	if err != nil {
		return nil, err
	}
	limit := defaultNodes
	if v := r.URL.Query().Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 {
			return nil, faultline.Errorf(faultline.EINVALID, "limit must be a positive integer")
		}
		limit = min(limit, MaxNodes)
	}
	minW, err := floatParam(r, "min_weight", 0)
	if err != nil {
		return nil, err
	}
	edgeCap := defaultEdges
	if v := r.URL.Query().Get("max_edges"); v != "" {
		if edgeCap, err = strconv.Atoi(v); err != nil || edgeCap < 1 {
			return nil, faultline.Errorf(faultline.EINVALID, "max_edges must be a positive integer")
		}
		edgeCap = min(edgeCap, maxEdges)
	}
	typ, err := param(r, "type")
	if err != nil {
		return nil, err
	}
	focus, err := param(r, "actor")
	if err != nil {
		return nil, err
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	v := snap.view(from, to)
	g := v.g
	out := Network{Nodes: []Node{}, Edges: []EdgeView{}, TotalNodes: len(v.rank), TotalEdges: len(g.Edges), Blocs: len(v.blocs.Members)}
	out.Window.From, out.Window.To = from, to
	in := make(map[int]bool, limit)
	if f := g.Index(focus); focus != "" && f >= 0 {
		in[f] = true // the focused actor and its neighbours first
		for _, e := range g.Edges {
			if len(in) >= limit {
				break
			}
			if e.U == f {
				in[e.V] = true
			} else if e.V == f {
				in[e.U] = true
			}
		}
	}
	for _, i := range v.rank {
		if len(in) >= limit {
			break
		}
		if typ != "" {
			if a := snap.actors[g.Actors[i]]; a == nil || a.Type != typ {
				continue
			}
		}
		in[i] = true
	}
	var chosen []int
	for k := range g.Edges {
		e := &g.Edges[k]
		if !in[e.U] || !in[e.V] || strength(e) < minW || (e.Weight == 0 && !e.Ambivalent()) {
			continue
		}
		chosen = append(chosen, k)
	}
	if len(chosen) > edgeCap {
		slices.SortStableFunc(chosen, func(a, b int) int { return cmp.Compare(strength(&g.Edges[b]), strength(&g.Edges[a])) })
		out.Hidden = len(chosen) - edgeCap
		chosen = chosen[:edgeCap]
		slices.Sort(chosen)
	}
	deg := map[int]int{}
	for _, k := range chosen {
		e := &g.Edges[k]
		out.Edges = append(out.Edges, edgeView(e, 0))
		deg[e.U]++
		deg[e.V]++
	}
	for _, i := range v.rank {
		if !in[i] {
			continue
		}
		n := Node{ID: g.Actors[i], Label: g.Name(i), Bloc: v.blocs.Of[i], Prominence: v.prom[i], Degree: deg[i]}
		if a := snap.actors[n.ID]; a != nil {
			n.Type = a.Type
		}
		out.Nodes = append(out.Nodes, n)
	}
	return out, nil
}

// strength is how much an edge weighs in a drawing: its net weight, or for an ambivalent
// relation its larger side.
func strength(e *network.Edge) float64 {
	if e.Ambivalent() {
		return max(e.Pos, e.Neg)
	}
	return math.Abs(e.Weight)
}

// edgeView describes e with at most n pieces of its evidence, strongest first.
func edgeView(e *network.Edge, n int) EdgeView {
	ev := EdgeView{A: e.A, B: e.B, Weight: e.Weight, Sign: e.Sign, Pos: e.Pos, Neg: e.Neg, Docs: e.Docs,
		Sources: e.Sources, Ambivalent: e.Ambivalent()}
	if n > 0 {
		items := slices.Clone(e.Items)
		slices.SortStableFunc(items, func(a, b network.Item) int { return cmp.Compare(b.Weight, a.Weight) })
		if len(items) > n {
			ev.More = len(items) - n
			items = items[:n]
		}
		ev.Evidence = items
	}
	return ev
}

// relation answers one relation of the graph of a window with its evidence.
func (s *Server) relation(r *nethttp.Request) (any, error) {
	from, to, err := window(r)
	if err != nil {
		return nil, err
	}
	a, err := param(r, "a")
	if err != nil {
		return nil, err
	}
	b, err := param(r, "b")
	if err != nil {
		return nil, err
	}
	if a == "" || b == "" {
		return nil, faultline.Errorf(faultline.EINVALID, "a and b are required")
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	g := snap.view(from, to).g
	u, v := g.Index(a), g.Index(b)
	var e *network.Edge
	if u >= 0 && v >= 0 {
		e = g.Edge(u, v)
	}
	if e == nil {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "no relation between %q and %q in this window", a, b)
	}
	out := edgeView(e, maxEdgeEvidence)
	if out.Evidence == nil {
		out.Evidence = []network.Item{}
	}
	return struct {
		EdgeView
		Names map[string]string `json:"names"`
	}{out, map[string]string{e.A: snap.name(e.A), e.B: snap.name(e.B)}}, nil
}

// BlocView is one bloc: its members, most prominent first.
type BlocView struct {
	ID      int      `json:"id"`
	Size    int      `json:"size"`
	Members []Member `json:"members"`
}

// Member is an actor in a bloc.
type Member struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

const maxBlocMembers = 200

func (s *Server) blocList(r *nethttp.Request) (any, error) {
	from, to, err := window(r)
	if err != nil {
		return nil, err
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	v := snap.view(from, to)
	balance, brokers := v.analysis()
	pos := make([]int, v.g.Len())
	for r, i := range v.rank {
		pos[i] = r
	}
	blocs := []BlocView{}
	for c, members := range v.blocs.Members {
		var ms []int
		for _, i := range members {
			if v.g.Degree(i) > 0 {
				ms = append(ms, i)
			}
		}
		if len(ms) < 2 {
			continue // a lone actor is no bloc
		}
		slices.SortFunc(ms, func(a, b int) int { return cmp.Compare(pos[a], pos[b]) })
		b := BlocView{ID: c, Size: len(ms), Members: []Member{}}
		for _, i := range ms[:min(len(ms), maxBlocMembers)] {
			b.Members = append(b.Members, Member{v.g.Actors[i], v.g.Name(i)})
		}
		blocs = append(blocs, b)
	}
	if brokers == nil {
		brokers = []network.Broker{}
	}
	return struct {
		Blocs       []BlocView       `json:"blocs"`
		Frustration float64          `json:"frustration"`
		Frustrated  int              `json:"frustrated"`
		Balance     *network.Balance `json:"balance"`
		Brokers     []network.Broker `json:"brokers"`
	}{blocs, v.blocs.Frustration, v.blocs.Frustrated, balance, brokers}, nil
}

func (s *Server) paradoxList(r *nethttp.Request) (any, error) {
	offset, limit, err := page(r, MaxLimit)
	if err != nil {
		return nil, err
	}
	from, to, err := window(r)
	if err != nil {
		return nil, err
	}
	actor, err := param(r, "actor")
	if err != nil {
		return nil, err
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	all := snap.view(from, to).paradoxList()
	if actor != "" {
		var sel []faultline.Paradox
		for _, p := range all {
			if slices.Contains(p.Actors, actor) {
				sel = append(sel, p)
			}
		}
		all = sel
	}
	pg := pageOf(all, offset, limit)
	names := map[string]string{}
	for _, p := range pg {
		for _, a := range p.Actors {
			names[a] = snap.name(a)
		}
	}
	return struct {
		Paradoxes []faultline.Paradox `json:"paradoxes"`
		Names     map[string]string   `json:"names"`
		List
	}{pg, names, List{len(all), offset, limit}}, nil
}

// Month counts the events of one month, by sign.
type Month struct {
	Month    string `json:"month"`
	Events   int    `json:"events"`
	Positive int    `json:"positive"`
	Negative int    `json:"negative"`
}

// timeline answers the events per month over the whole corpus and, for the window, the
// dyads whose relation changed sign.
func (s *Server) timeline(r *nethttp.Request) (any, error) {
	from, to, err := window(r)
	if err != nil {
		return nil, err
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	counts := map[string]*Month{}
	for _, e := range snap.m.Events {
		d := e.Date
		if d == "" {
			d = snap.docDate(e.Doc)
		}
		if len(d) < 7 || !validDate(d) {
			continue
		}
		m := counts[d[:7]]
		if m == nil {
			m = &Month{Month: d[:7]}
			counts[d[:7]] = m
		}
		m.Events++
		if e.Goldstein > 0 {
			m.Positive++
		} else if e.Goldstein < 0 {
			m.Negative++
		}
	}
	months := []Month{}
	for _, m := range counts {
		months = append(months, *m)
	}
	slices.SortFunc(months, func(a, b Month) int { return strings.Compare(a.Month, b.Month) })
	changes := network.Timelines(snap.view(from, to).g)
	if changes == nil {
		changes = []network.Timeline{}
	}
	if len(changes) > MaxLimit {
		changes = changes[:MaxLimit]
	}
	names := map[string]string{}
	for _, c := range changes {
		names[c.A], names[c.B] = snap.name(c.A), snap.name(c.B)
	}
	return struct {
		First   string             `json:"first"`
		Last    string             `json:"last"`
		Months  []Month            `json:"months"`
		Changes []network.Timeline `json:"changes"`
		Names   map[string]string  `json:"names"`
	}{snap.first, snap.last, months, changes, names}, nil
}

// PlaceView is a place where events happened, located with the gazetteer.
type PlaceView struct {
	Place    string  `json:"place"`
	Name     string  `json:"name"` // the gazetteer's name
	Country  string  `json:"country"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	Events   int     `json:"events"`
	Negative int     `json:"negative"`
	Positive int     `json:"positive"`
}

func (s *Server) places(r *nethttp.Request) (any, error) {
	from, to, err := window(r)
	if err != nil {
		return nil, err
	}
	actor, err := param(r, "actor")
	if err != nil {
		return nil, err
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	byPlace := map[string]*PlaceView{}
	unlocated := 0
	for _, e := range snap.m.Events {
		if e.Place == "" {
			continue
		}
		if actor != "" && e.Source != actor && e.Target != actor {
			continue
		}
		d := e.Date
		if d == "" {
			d = snap.docDate(e.Doc)
		}
		if !inWindow(d, from, to) {
			continue
		}
		p, ok := geocode(e.Place)
		if !ok {
			unlocated++
			continue
		}
		key := p.Name + "|" + p.Country
		v := byPlace[key]
		if v == nil {
			v = &PlaceView{Place: e.Place, Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon}
			byPlace[key] = v
		}
		v.Events++
		if e.Goldstein < 0 {
			v.Negative++
		} else if e.Goldstein > 0 {
			v.Positive++
		}
	}
	out := []PlaceView{}
	for _, v := range byPlace {
		out = append(out, *v)
	}
	slices.SortFunc(out, func(a, b PlaceView) int { return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Name, b.Name)) })
	return struct {
		Places    []PlaceView `json:"places"`
		Unlocated int         `json:"unlocated"`
	}{out, unlocated}, nil
}
