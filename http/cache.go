package http

import (
	"context"
	"encoding/json"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/network"
)

// cache holds the corpus model last read from the store, with the indexes and graphs the
// API needs. A model older than Server.TTL is still served while a fresh one loads in the
// background, so that no request waits for the store once the first model is in; writes
// through the API drop the cached model at once.
type cache struct {
	s *Server

	mu         sync.Mutex
	snap       *snapshot
	loading    chan struct{} // closed when a synchronous load finishes
	refreshing bool
	gen        int // bumped by invalidate, so that a refresh begun before is dropped
}

// model returns the current snapshot, loading the model from the store when there is
// none. Concurrent callers share one load.
func (c *cache) model(ctx context.Context) (*snapshot, error) {
	for {
		c.mu.Lock()
		if s := c.snap; s != nil {
			if time.Since(s.at) >= c.s.TTL && !c.refreshing {
				c.refreshing = true
				go c.refresh(c.gen)
			}
			c.mu.Unlock()
			return s, nil
		}
		if ch := c.loading; ch != nil {
			c.mu.Unlock()
			select {
			case <-ch:
				continue
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		ch := make(chan struct{})
		c.loading = ch
		gen := c.gen
		c.mu.Unlock()

		m, err := c.s.Store.Model(ctx)
		var snap *snapshot
		if err == nil {
			snap = newSnapshot(m)
		}
		c.mu.Lock()
		c.loading = nil
		if err == nil && gen == c.gen {
			c.snap = snap
		}
		c.mu.Unlock()
		close(ch)
		if err != nil {
			return nil, err
		}
		return snap, nil
	}
}

// refresh loads the model in the background, computes the graph of the whole corpus, and
// swaps the new snapshot in unless the cache was invalidated meanwhile.
func (c *cache) refresh(gen int) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	m, err := c.s.Store.Model(ctx)
	var snap *snapshot
	if err == nil {
		snap = newSnapshot(m)
		snap.view("", "")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refreshing = false
	if gen != c.gen || c.snap == nil {
		return
	}
	if err != nil {
		c.snap.at = time.Now() // keep serving what we have; try again after the TTL
		return
	}
	c.snap = snap
}

// invalidate drops the cached model.
func (c *cache) invalidate() {
	c.mu.Lock()
	c.snap = nil
	c.gen++
	c.mu.Unlock()
}

// snapshot is one corpus model and its indexes. It is never modified after it is built,
// except for the lazily computed views, which have their own lock.
type snapshot struct {
	m      *faultline.Model
	at     time.Time
	actors map[string]*faultline.Actor
	docs   map[string]*faultline.DocumentRef
	// Indices into m.Events, m.Ties and m.Quotes by actor.
	events   map[string][]int
	ties     map[string][]int
	quotesBy map[string][]int
	quoteLow []string // lower-cased quote texts
	// first and last dates of the model's dated events and documents.
	first, last string

	mu    sync.Mutex
	views map[[2]string]*view
	order [][2]string // views, oldest first, for eviction

	// Encoded answers of read-only requests, by path and sorted query.
	respMu    sync.Mutex
	resp      map[string]json.RawMessage
	respBytes int
}

// Limits of a snapshot's answer cache.
const (
	maxCachedAnswers = 256
	maxCachedBytes   = 64 << 20
)

// answer returns the cached answer for key, or computes, encodes and keeps it.
func (s *snapshot) answer(key string, compute func() (any, error)) (any, error) {
	s.respMu.Lock()
	b, ok := s.resp[key]
	s.respMu.Unlock()
	if ok {
		return b, nil
	}
	v, err := compute()
	if err != nil {
		return nil, err
	}
	b, err = json.Marshal(v)
	if err != nil {
		return nil, err
	}
	s.respMu.Lock()
	defer s.respMu.Unlock()
	if s.resp == nil || len(s.resp) >= maxCachedAnswers || s.respBytes+len(b) > maxCachedBytes {
		s.resp, s.respBytes = map[string]json.RawMessage{}, 0 // start over rather than track ages
	}
	s.resp[key] = b
	s.respBytes += len(b)
	return json.RawMessage(b), nil
}

// halfLife is the recency half-life in days of the graphs, as the CLI's default: evidence
// a year older than the window's end counts half.
const halfLife = 365

// maxViews is how many graph windows a snapshot keeps computed.
const maxViews = 32

func newSnapshot(m *faultline.Model) *snapshot {
	if m == nil {
		m = &faultline.Model{}
	}
	s := &snapshot{
		m: m, at: time.Now(),
		actors:   make(map[string]*faultline.Actor, len(m.Actors)),
		docs:     make(map[string]*faultline.DocumentRef, len(m.Documents)),
		events:   map[string][]int{},
		ties:     map[string][]int{},
		quotesBy: map[string][]int{},
		quoteLow: make([]string, len(m.Quotes)),
		views:    map[[2]string]*view{},
	}
	for i := range m.Actors {
		s.actors[m.Actors[i].ID] = &m.Actors[i]
	}
	date := func(d string) {
		if !validDate(d) {
			return
		}
		if s.first == "" || d < s.first {
			s.first = d
		}
		if s.last == "" || d > s.last {
			s.last = d
		}
	}
	for i := range m.Documents {
		s.docs[m.Documents[i].ID] = &m.Documents[i]
		date(m.Documents[i].Date)
	}
	for i, e := range m.Events {
		if e.Source != "" {
			s.events[e.Source] = append(s.events[e.Source], i)
		}
		if e.Target != "" && e.Target != e.Source {
			s.events[e.Target] = append(s.events[e.Target], i)
		}
		date(e.Date)
	}
	for i, t := range m.Ties {
		s.ties[t.A] = append(s.ties[t.A], i)
		if t.B != t.A {
			s.ties[t.B] = append(s.ties[t.B], i)
		}
	}
	for i, q := range m.Quotes {
		if q.Speaker != "" {
			s.quotesBy[q.Speaker] = append(s.quotesBy[q.Speaker], i)
		}
		s.quoteLow[i] = strings.ToLower(q.Text)
	}
	return s
}

// name returns an actor's canonical name, or its id.
func (s *snapshot) name(id string) string {
	if a := s.actors[id]; a != nil && a.Canonical != "" {
		return a.Canonical
	}
	return id
}

// view is the actor graph of a snapshot over one time window, with its blocs and each
// node's prominence; nodes are ranked most prominent first.
type view struct {
	g     *network.Graph
	blocs *network.Blocs
	rank  []int     // node indices by prominence, descending; only nodes with edges
	prom  []float64 // prominence of each node
	// strength is the sum of |weight| of each node's edges.
	strength []float64

	once        sync.Once
	analysisOne sync.Once
	balance     *network.Balance
	brokers     []network.Broker
	paradoxOnce sync.Once
	paradoxes   []faultline.Paradox
	// paradoxGraph builds the state-coded graph of the window that paradoxes are ranked on
	// (network.Options.States), as the CLI and the stored model rank them.
	paradoxGraph func() *network.Graph
}

// view returns the graph of the window [from, to], computing it on first use.
func (s *snapshot) view(from, to string) *view {
	key := [2]string{from, to}
	s.mu.Lock()
	v, ok := s.views[key]
	if !ok {
		v = &view{}
		s.views[key] = v
		s.order = append(s.order, key)
		if len(s.order) > maxViews {
			delete(s.views, s.order[0])
			s.order = s.order[1:]
		}
	}
	s.mu.Unlock()
	v.once.Do(func() { v.build(s, from, to) })
	return v
}

func (v *view) build(s *snapshot, from, to string) {
	g := network.Build(s.m, network.Options{From: from, To: to, HalfLife: halfLife})
	v.paradoxGraph = func() *network.Graph {
		return network.Build(s.m, network.Options{From: from, To: to, HalfLife: halfLife, States: true, Members: true})
	}
	v.g = g
	v.blocs = network.Partition(g, network.BlocOptions{Seed: 1})
	n := g.Len()
	v.prom = make([]float64, n)
	v.strength = make([]float64, n)
	deg := make([]int, n)
	for _, e := range g.Edges {
		w := math.Abs(e.Pos) + math.Abs(e.Neg)
		v.strength[e.U] += w
		v.strength[e.V] += w
		deg[e.U]++
		deg[e.V]++
	}
	for i, id := range g.Actors {
		docs := 0
		if a := s.actors[id]; a != nil {
			docs = a.Docs
			if docs == 0 {
				docs = len(a.Mentions)
			}
		}
		// Prominence: how much the press talks about the actor and how much happens to it.
		v.prom[i] = math.Round((math.Log1p(float64(docs))+v.strength[i])*1000) / 1000
		if deg[i] > 0 {
			v.rank = append(v.rank, i)
		}
	}
	sort.SliceStable(v.rank, func(a, b int) bool {
		i, j := v.rank[a], v.rank[b]
		if v.prom[i] != v.prom[j] {
			return v.prom[i] > v.prom[j]
		}
		return g.Actors[i] < g.Actors[j]
	})
}

// analysis computes the view's balance and brokers on first use.
func (v *view) analysis() (*network.Balance, []network.Broker) {
	v.analysisOne.Do(func() {
		v.balance = network.Measure(v.g, 1)
		v.brokers = network.FindBrokers(v.g, v.blocs, 50)
	})
	return v.balance, v.brokers
}

// maxParadoxes is how many paradoxes a view ranks.
const maxParadoxes = 500

// paradoxList computes the view's paradoxes on first use, most evidenced first.
func (v *view) paradoxList() []faultline.Paradox {
	v.paradoxOnce.Do(func() {
		v.paradoxes = network.FindParadoxes(v.paradoxGraph(), maxParadoxes)
		if v.paradoxes == nil {
			v.paradoxes = []faultline.Paradox{}
		}
	})
	return v.paradoxes
}

// Dates: YYYY, YYYY-MM or YYYY-MM-DD, as days since 1970-01-01.

// dayRange returns the first and last day a date covers.
func dayRange(s string) (first, last int, ok bool) {
	var t time.Time
	var err error
	switch len(s) {
	case 4:
		if t, err = time.Parse("2006", s); err == nil {
			return days(t), days(t.AddDate(1, 0, -1)), true
		}
	case 7:
		if t, err = time.Parse("2006-01", s); err == nil {
			return days(t), days(t.AddDate(0, 1, -1)), true
		}
	case 10:
		if t, err = time.Parse("2006-01-02", s); err == nil {
			return days(t), days(t), true
		}
	}
	return 0, 0, false
}

func days(t time.Time) int { return int(t.Unix() / 86400) }

func validDate(s string) bool { _, _, ok := dayRange(s); return ok }

// inWindow reports whether date d overlaps the window [from, to]; with a bound set, an
// undated d is outside.
func inWindow(d, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	first, last, ok := dayRange(d)
	if !ok {
		return false
	}
	if from != "" {
		if f, _, _ := dayRange(from); last < f {
			return false
		}
	}
	if to != "" {
		if _, t, _ := dayRange(to); first > t {
			return false
		}
	}
	return true
}
