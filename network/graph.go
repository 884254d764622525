package network

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/faultline/faultline"
)

// Options selects the time window of a graph and how evidence is weighted.
type Options struct {
	// From and To bound the window, inclusive, as YYYY, YYYY-MM or YYYY-MM-DD; "" leaves that
	// side open. With a bound set, evidence with no known date is left out.
	From, To string
	// HalfLife is the recency half-life in days: evidence HalfLife days older than the end of
	// the window (To, or the newest dated evidence) counts half. 0 disables decay.
	HalfLife float64
	// States codes relations by state, as event data codes its actors: a state's organs
	// ("Norland military", "Norlandic officials"; see Organs) are the state, and what a head
	// of state or government does in office (a dated leader_of role of the actor dictionary)
	// the state does too, besides the person.
	States bool
	// Members lets the members of a group take part in its stated relations: when a tie says
	// actor A is a member_of group W (neither a person nor a state), A takes W's stated ties
	// with third parties, and the members of W are aligned with one another ("comember"),
	// as an analyst reads a coalition's platform as its members'. These relations are
	// derived (see derivedWeight) and carry the group's own evidence.
	Members bool
}

// Item is one piece of evidence on an edge: an event or a stated tie in one document.
type Item struct {
	Kind     string             `json:"kind"` // "event" or "tie"
	Type     string             `json:"type"` // PLOVER event type or tie type
	CAMEO    string             `json:"cameo,omitempty"`
	Sign     int                `json:"sign"`
	Weight   float64            `json:"weight"` // after modality and recency, before per-document pooling
	Date     string             `json:"date,omitempty"`
	Source   string             `json:"source,omitempty"` // the actor acting, for events
	Evidence faultline.Evidence `json:"evidence"`

	day  int    // first day of Date, or noDay
	from string // for a tie, its first end (A of "A leads B"); events use Source
	// derived marks a relation derived for the pair, not reported for it: a head of state's
	// or government's copied to the state (Options.States), or a group's taken by a member
	// (Options.Members, with via and member set). It weighs derivedWeight of the reported one.
	derived bool
	// via and member: for a relation a member takes from its group (Options.Members), the
	// group and the member.
	via, member string
}

// derivedWeight is the weight of a derived relation (a state's from its head of state or
// government in office, a member's from its group), relative to the relation as reported:
// an explicit statement about an actor outranks one derived for it.
const derivedWeight = 0.9

// derive returns it marked as derived, at derivedWeight of its weight.
func (it Item) derive() Item {
	it.derived = true
	it.Weight *= derivedWeight
	return it
}

// Edge is the signed relation between two actors aggregated over the window.
type Edge struct {
	U, V int    `json:"-"` // node indices, U < V
	A    string `json:"a"` // actor ids, A = Actors[U]
	B    string `json:"b"`
	// Pos and Neg are the pooled weights of cooperation and hostility; Weight = Pos - Neg.
	Pos    float64 `json:"pos"`
	Neg    float64 `json:"neg"`
	Weight float64 `json:"weight"`
	Sign   int     `json:"sign"` // sign of Weight
	// Docs and Sources count distinct documents (a wire copy counts with its original) and
	// distinct publishers behind the edge; PosDocs and NegDocs split Docs by sign.
	Docs    int    `json:"docs"`
	Sources int    `json:"sources"`
	PosDocs int    `json:"pos_docs"`
	NegDocs int    `json:"neg_docs"`
	Items   []Item `json:"evidence"`

	posIn, negIn []string // canonical documents behind each sign, sorted
	// inferred[0], inferred[1]: every item of hostility, of cooperation, is a group's
	// relation taken by a member (Options.Members), none reported for the pair itself.
	inferred [2]bool
}

// Ambivalent reports whether the edge has evidence of both cooperation and hostility.
func (e *Edge) Ambivalent() bool { return e.Pos > 0 && e.Neg > 0 }

// Graph is the signed, weighted, undirected actor graph of a model over a time window.
type Graph struct {
	Actors []string // actor ids, sorted; node i is Actors[i]
	Names  []string // canonical names
	Edges  []Edge   // sorted by (U, V)

	index map[string]int
	adj   [][]half
}

type half struct {
	to, edge int
}

// Len returns the number of actors.
func (g *Graph) Len() int { return len(g.Actors) }

// Index returns the node of actor id, or -1.
func (g *Graph) Index(id string) int {
	if i, ok := g.index[id]; ok {
		return i
	}
	return -1
}

// Edge returns the edge between nodes u and v, or nil.
func (g *Graph) Edge(u, v int) *Edge {
	if i := g.edgeIndex(u, v); i >= 0 {
		return &g.Edges[i]
	}
	return nil
}

// edgeIndex returns the index of the edge between u and v, or -1.
func (g *Graph) edgeIndex(u, v int) int {
	if u < 0 || v < 0 || u >= len(g.adj) || v >= len(g.adj) {
		return -1
	}
	a := g.adj[u]
	if len(g.adj[v]) < len(a) {
		a, v = g.adj[v], u
	}
	for _, h := range a {
		if h.to == v {
			return h.edge
		}
	}
	return -1
}

// Name returns the display name of node i.
func (g *Graph) Name(i int) string {
	if g.Names[i] != "" {
		return g.Names[i]
	}
	return g.Actors[i]
}

// Degree returns the number of neighbours of node i.
func (g *Graph) Degree(i int) int { return len(g.adj[i]) }

// NewGraph builds a graph from actor ids and edges given by (u, v, weight); it is how tests,
// benchmarks and scenarios make graphs without a model. Parallel edges are summed.
func NewGraph(actors []string, edges [][3]float64) *Graph {
	g := &Graph{Actors: actors, Names: make([]string, len(actors))}
	type key struct{ u, v int }
	at := map[key]int{}
	for _, e := range edges {
		u, v := int(e[0]), int(e[1])
		if u == v {
			continue
		}
		if u > v {
			u, v = v, u
		}
		k := key{u, v}
		i, ok := at[k]
		if !ok {
			i = len(g.Edges)
			at[k] = i
			g.Edges = append(g.Edges, Edge{U: u, V: v, A: actors[u], B: actors[v]})
		}
		if e[2] > 0 {
			g.Edges[i].Pos += e[2]
			g.Edges[i].PosDocs++
		} else if e[2] < 0 {
			g.Edges[i].Neg -= e[2]
			g.Edges[i].NegDocs++
		}
		g.Edges[i].Docs++
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		e.Weight = e.Pos - e.Neg
		e.Sign = sign(e.Weight)
	}
	g.finish()
	return g
}

// finish sorts the edges and builds the index and adjacency lists.
func (g *Graph) finish() {
	sort.Slice(g.Edges, func(i, j int) bool {
		if g.Edges[i].U != g.Edges[j].U {
			return g.Edges[i].U < g.Edges[j].U
		}
		return g.Edges[i].V < g.Edges[j].V
	})
	g.index = make(map[string]int, len(g.Actors))
	for i, a := range g.Actors {
		g.index[a] = i
	}
	deg := make([]int, len(g.Actors))
	for _, e := range g.Edges {
		deg[e.U]++
		deg[e.V]++
	}
	g.adj = make([][]half, len(g.Actors))
	buf := make([]half, 2*len(g.Edges))
	for i, d := range deg {
		g.adj[i], buf = buf[:0:d], buf[d:]
	}
	for i, e := range g.Edges {
		g.adj[e.U] = append(g.adj[e.U], half{e.V, i})
		g.adj[e.V] = append(g.adj[e.V], half{e.U, i})
	}
}

func sign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// tieWeight is the weight of one statement of a tie of a type, before modality and recency:
// 1 for an explicit alliance or hostility, less for looser affiliations.
var tieWeight = map[string]float64{
	"allied_with": 1, "opposes": 1, "rival_of": 1,
	"supports": 0.8, "patron_of": 0.8, "funds": 0.8, "arms": 0.8, "armed_wing_of": 0.8,
	"loyal_to": 0.7, "member_of": 0.6, "leader_of": 0.6, "part_of": 0.6,
	"controls": 0.5, "negotiates_with": 0.5,
}

// modalityWeight scales evidence by how firmly it is stated; hypothetical and negated
// statements are left out.
func modalityWeight(m string) float64 {
	switch m {
	case faultline.Hypothetical, faultline.Negated, "conditional":
		return 0
	case faultline.Reported, "alleged":
		return 0.8
	case faultline.Future:
		return 0.5
	}
	return 1
}

const noDay = math.MinInt32

// dayRange parses YYYY, YYYY-MM or YYYY-MM-DD into its first and last day (days since
// 1970-01-01).
func dayRange(s string) (first, last int, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		s = s[:10]
	}
	var t time.Time
	var err error
	switch len(s) {
	case 4:
		t, err = time.Parse("2006", s)
		if err == nil {
			return days(t), days(t.AddDate(1, 0, -1)), true
		}
	case 7:
		t, err = time.Parse("2006-01", s)
		if err == nil {
			return days(t), days(t.AddDate(0, 1, -1)), true
		}
	case 10:
		t, err = time.Parse("2006-01-02", s)
		if err == nil {
			return days(t), days(t), true
		}
	}
	return noDay, noDay, false
}

func days(t time.Time) int { return int(t.Unix() / 86400) }

// ValidDate reports whether s is a date faultline understands: YYYY, YYYY-MM or YYYY-MM-DD.
func ValidDate(s string) bool {
	_, _, ok := dayRange(s)
	return ok
}

// Build makes the graph of m over the window of opt. Events count with sign and size of
// their Goldstein score (|g|/10), ties with their type's weight; both scaled by modality and
// recency. Evidence from a document and its wire copies is pooled as one document: within a
// document and sign the strongest item counts fully and the others a quarter each, so a
// story repeated is not many events.
func Build(m *faultline.Model, opt Options) *Graph {
	g := &Graph{}
	from, to := noDay, noDay
	if opt.From != "" {
		from, _, _ = dayRange(opt.From)
	}
	if opt.To != "" {
		_, to, _ = dayRange(opt.To)
	}
	windowed := from != noDay || to != noDay

	// Documents: canonical id (the original of a wire copy), date and source.
	type docInfo struct {
		canon, source, date string
	}
	docs := map[string]docInfo{}
	dupOf := map[string]string{}
	for _, d := range m.Documents {
		docs[d.ID] = docInfo{d.ID, d.Source, d.Date}
		if d.DuplicateOf != "" {
			dupOf[d.ID] = d.DuplicateOf
		}
	}
	for id, d := range docs {
		seen := map[string]bool{id: true}
		c := id
		for dup := dupOf[c]; dup != "" && !seen[dup]; dup = dupOf[c] {
			seen[dup] = true
			c = dup
		}
		d.canon = c
		docs[id] = d
	}
	canon := func(doc string) docInfo {
		if d, ok := docs[doc]; ok {
			if c, ok := docs[d.canon]; ok && c.canon == d.canon {
				return c // a wire copy counts as its original, publisher included
			}
			return d
		}
		return docInfo{canon: doc}
	}

	names := map[string]string{}
	for _, a := range m.Actors {
		names[a.ID] = a.Canonical
	}

	type key struct{ a, b string }
	items := map[key][]Item{}
	var fold map[string]string
	var heads map[string][]term
	if opt.States {
		govs := map[string]string{}
		fold = organs(m, govs)
		heads = leaders(m, govs)
	}
	var add func(a, b string, it Item)
	relabel := func(it Item, from, to string) Item {
		if it.Source == from {
			it.Source = to
		}
		if it.from == from {
			it.from = to
		}
		return it
	}
	addStates := func(a, b string, it Item) {
		if s, ok := fold[a]; ok {
			a, it = s, relabel(it, a, s)
		}
		if s, ok := fold[b]; ok {
			b, it = s, relabel(it, b, s)
		}
		for _, x := range [2][2]string{{a, b}, {b, a}} {
			for _, t := range heads[x[0]] {
				if t.state == x[1] || t.gpe == x[1] {
					return // a head and the state he speaks for: no relation between two sides
				}
			}
		}
		add(a, b, it)
		date := it.Date
		if date == "" {
			date = docs[it.Evidence.Doc].date
		}
		for _, x := range [2][2]string{{a, b}, {b, a}} {
			for _, t := range heads[x[0]] {
				if t.covers(date) && t.state != x[1] {
					add(t.state, x[1], relabel(it, x[0], t.state).derive())
				}
			}
		}
		for _, ta := range heads[a] {
			for _, tb := range heads[b] {
				if ta.covers(date) && tb.covers(date) {
					add(ta.state, tb.state, relabel(relabel(it, a, ta.state), b, tb.state).derive())
				}
			}
		}
	}
	add = func(a, b string, it Item) {
		if a == "" || b == "" || a == b || it.Weight <= 0 || it.Sign == 0 {
			return
		}
		if it.Date == "" {
			it.Date = docs[it.Evidence.Doc].date
		}
		first, last, ok := dayRange(it.Date)
		if !ok {
			it.Date = ""
			first = noDay
		}
		if windowed {
			if !ok || (from != noDay && last < from) || (to != noDay && first > to) {
				return
			}
		}
		it.day = first
		if a > b {
			a, b = b, a
		}
		items[key{a, b}] = append(items[key{a, b}], it)
	}
	for _, e := range m.Events {
		w := math.Abs(e.Goldstein) / 10 * modalityWeight(e.Modality)
		ev := e.Evidence
		if ev.Doc == "" {
			ev.Doc = e.Doc
		}
		addStates(e.Source, e.Target, Item{Kind: "event", Type: e.Type, CAMEO: e.CAMEO, Sign: sign(e.Goldstein),
			Weight: w, Date: e.Date, Source: e.Source, Evidence: ev})
	}
	for _, t := range m.Ties {
		w, ok := tieWeight[t.Type]
		if !ok {
			w = 0.5
		}
		w *= modalityWeight(t.Modality)
		for _, ev := range t.Evidence {
			addStates(t.A, t.B, Item{Kind: "tie", Type: t.Type, Sign: t.Sign, Weight: w, Evidence: ev, from: t.A})
		}
	}

	if opt.Members {
		var nbrs map[string][]string // each actor's related actors, indexed on first use
		for _, d := range memberItems(m, fold, func(a, b string) []Item {
			if a > b {
				a, b = b, a
			}
			return items[key{a, b}]
		}, func(a string) []string {
			if nbrs == nil {
				nbrs = map[string][]string{}
				for k := range items {
					nbrs[k.a] = append(nbrs[k.a], k.b)
					nbrs[k.b] = append(nbrs[k.b], k.a)
				}
			}
			return nbrs[a]
		}) {
			add(d.a, d.b, d.it)
		}
	}

	// Recency: relative to the end of the window or the newest dated item.
	ref := to
	if ref == noDay {
		for _, its := range items {
			for _, it := range its {
				if it.day != noDay {
					if _, last, _ := dayRange(it.Date); last > ref {
						ref = last
					}
				}
			}
		}
	}

	// Nodes: every actor of the model plus any id only facts mention.
	ids := map[string]bool{}
	for _, a := range m.Actors {
		ids[a.ID] = true
	}
	for k := range items {
		ids[k.a], ids[k.b] = true, true
	}
	for id := range ids {
		g.Actors = append(g.Actors, id)
	}
	sort.Strings(g.Actors)
	g.Names = make([]string, len(g.Actors))
	idx := make(map[string]int, len(g.Actors))
	for i, id := range g.Actors {
		g.Names[i] = names[id]
		idx[id] = i
	}

	keys := make([]key, 0, len(items))
	for k := range items {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].a != keys[j].a {
			return keys[i].a < keys[j].a
		}
		return keys[i].b < keys[j].b
	})
	for _, k := range keys {
		its := items[k]
		sort.SliceStable(its, func(i, j int) bool {
			if its[i].day != its[j].day {
				return its[i].day < its[j].day
			}
			if its[i].Evidence.Doc != its[j].Evidence.Doc {
				return its[i].Evidence.Doc < its[j].Evidence.Doc
			}
			return its[i].Evidence.Start < its[j].Evidence.Start
		})
		e := Edge{U: idx[k.a], V: idx[k.b], A: k.a, B: k.b, Items: its}
		if e.U > e.V {
			e.U, e.V = e.V, e.U
			e.A, e.B = e.B, e.A
		}
		if opt.HalfLife > 0 && ref != noDay {
			for i := range its {
				if its[i].day != noDay && its[i].day < ref {
					its[i].Weight *= math.Pow(0.5, float64(ref-its[i].day)/opt.HalfLife)
				}
			}
		}
		// Pool per canonical document and sign: max + a quarter of the rest.
		type ds struct {
			doc  string
			sign int
		}
		maxw, sumw := map[ds]float64{}, map[ds]float64{}
		docSet, posSet, negSet, srcSet := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, it := range its {
			d := canon(it.Evidence.Doc)
			k := ds{d.canon, it.Sign}
			sumw[k] += it.Weight
			if it.Weight > maxw[k] {
				maxw[k] = it.Weight
			}
			docSet[d.canon] = true
			if it.Sign > 0 {
				posSet[d.canon] = true
			} else {
				negSet[d.canon] = true
			}
			if d.source != "" {
				srcSet["s:"+d.source] = true
			} else {
				srcSet["d:"+d.canon] = true
			}
		}
		pools := make([]ds, 0, len(maxw))
		for k := range maxw {
			pools = append(pools, k)
		}
		sort.Slice(pools, func(i, j int) bool { // fixed order: sums do not depend on map order
			if pools[i].doc != pools[j].doc {
				return pools[i].doc < pools[j].doc
			}
			return pools[i].sign < pools[j].sign
		})
		for _, k := range pools {
			mx := maxw[k]
			w := mx + 0.25*(sumw[k]-mx)
			if k.sign > 0 {
				e.Pos += w
			} else {
				e.Neg += w
			}
		}
		e.Pos, e.Neg = round6(e.Pos), round6(e.Neg)
		e.Weight = round6(e.Pos - e.Neg)
		e.Sign = sign(e.Weight)
		e.Docs, e.PosDocs, e.NegDocs, e.Sources = len(docSet), len(posSet), len(negSet), len(srcSet)
		e.posIn, e.negIn = sortedKeys(posSet), sortedKeys(negSet)
		e.inferred = [2]bool{true, true}
		for _, it := range its {
			if it.via == "" {
				e.inferred[(it.Sign+1)/2] = false
			}
		}
		g.Edges = append(g.Edges, e)
	}
	g.finish()
	return g
}

// round6 rounds to 6 decimals so that map-order summation never changes a result.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
