package http_test

import (
	"fmt"
	"math/rand/v2"
	nethttp "net/http"
	"net/http/httptest"
	"sort"
	"testing"
	"time"

	"github.com/faultline/faultline"
	fhttp "github.com/faultline/faultline/http"
)

// synthModel makes a corpus model of n documents: actors drawn with a Zipf law (a few
// prominent, a long tail), each document with five events, two ties and a quote.
func synthModel(n int) *faultline.Model {
	rng := rand.New(rand.NewPCG(1, 2))
	nActors := n / 5
	zipf := rand.NewZipf(rng, 1.3, 4, uint64(nActors-1))
	m := &faultline.Model{Schema: faultline.Schema}
	for i := 0; i < nActors; i++ {
		id := fmt.Sprintf("actor-%d", i)
		m.Actors = append(m.Actors, faultline.Actor{ID: id, Canonical: fmt.Sprintf("Actor %d", i), Type: faultline.EntityTypes[i%3],
			Aliases: []string{fmt.Sprintf("Actor %d", i), fmt.Sprintf("A%d", i)}})
	}
	types := faultline.EventTypes
	for d := 0; d < n; d++ {
		doc := fmt.Sprintf("doc-%05d", d)
		date := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d*1500/n).Format("2006-01-02")
		m.Documents = append(m.Documents, faultline.DocumentRef{ID: doc, Title: "Report " + doc, Date: date, Source: fmt.Sprintf("src-%d", d%40)})
		pick := func() int { return int(zipf.Uint64()) }
		for k := 0; k < 5; k++ {
			a, b := pick(), pick()
			if a == b {
				continue
			}
			g := float64(rng.IntN(21)-10) / 1
			if g == 0 {
				g = 1
			}
			ev := faultline.Evidence{Doc: doc, Start: k * 100, End: k*100 + 90}
			m.Events = append(m.Events, faultline.ModelEvent{Doc: doc, Source: m.Actors[a].ID, Target: m.Actors[b].ID, Type: types[rng.IntN(len(types))],
				CAMEO: "190", Goldstein: g, Date: date, Place: []string{"Baghdad", "Basra", "Mosul", "Kirkuk", ""}[rng.IntN(5)], Modality: faultline.Asserted, Evidence: ev})
			m.Actors[a].Mentions = append(m.Actors[a].Mentions, ev)
			m.Actors[b].Mentions = append(m.Actors[b].Mentions, ev)
		}
		for k := 0; k < 2; k++ {
			a, b := pick(), pick()
			if a == b {
				continue
			}
			sign := 1
			if rng.IntN(3) == 0 {
				sign = -1
			}
			m.Ties = append(m.Ties, faultline.ModelTie{A: m.Actors[a].ID, B: m.Actors[b].ID, Type: "allied_with", Sign: sign, Weight: 1,
				Evidence: []faultline.Evidence{{Doc: doc, Start: 600, End: 700}}})
		}
		s := pick()
		m.Quotes = append(m.Quotes, faultline.ModelQuote{Doc: doc, Speaker: m.Actors[s].ID, Start: 800, End: 850,
			Text: fmt.Sprintf("\u201cWe will answer Actor %d,\u201d", pick())})
	}
	for i := range m.Actors {
		docs := map[string]bool{}
		for _, e := range m.Actors[i].Mentions {
			docs[e.Doc] = true
		}
		m.Actors[i].Docs = len(docs)
	}
	return m
}

// latencies serves requests to h in turn and returns the p50 and p95 in milliseconds.
func latencies(b *testing.B, h nethttp.Handler, targets []string) (p50, p95 float64) {
	var ds []time.Duration
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r := httptest.NewRequest("GET", targets[i%len(targets)], nil)
		r.Host = "127.0.0.1"
		w := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(w, r)
		ds = append(ds, time.Since(start))
		if w.Code != 200 {
			b.Fatalf("%s: %d %s", r.URL, w.Code, w.Body.String())
		}
	}
	b.StopTimer()
	// CPU time per request: unlike latency, it does not grow when other work shares the machine.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(ds)), "cpu-ms/op")
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	ms := func(q float64) float64 { return float64(ds[int(q*float64(len(ds)-1))].Microseconds()) / 1000 }
	p50, p95 = ms(0.5), ms(0.95)
	b.ReportMetric(p50, "p50-ms")
	b.ReportMetric(p95, "p95-ms")
	return
}

var synth10k *faultline.Model

func synthHandler(b *testing.B) nethttp.Handler {
	if synth10k == nil {
		synth10k = synthModel(10000)
	}
	st := newMemStore()
	st.model = synth10k
	srv := fhttp.NewServer(st)
	srv.TTL = time.Hour
	h := srv.Handler()
	// Warm up: the first request loads the model and builds the whole-corpus graph.
	r := httptest.NewRequest("GET", "/api/network", nil)
	r.Host = "127.0.0.1"
	h.ServeHTTP(httptest.NewRecorder(), r)
	return h
}

// BenchmarkDossier measures GET /api/actors/{id} on a store of 10,000 documents, over the
// 20 most prominent actors (the largest dossiers).
func BenchmarkDossier(b *testing.B) {
	h := synthHandler(b)
	var targets []string
	for i := 0; i < 20; i++ {
		targets = append(targets, fmt.Sprintf("/api/actors/actor-%d", i))
	}
	latencies(b, h, targets)
}

// BenchmarkNetwork measures GET /api/network (the top 150 actors) on a store of 10,000
// documents for the whole corpus and four time windows, once each is computed.
func BenchmarkNetwork(b *testing.B) {
	h := synthHandler(b)
	latencies(b, h, []string{"/api/network", "/api/network?from=2005&to=2005", "/api/network?from=2006-01&to=2006-06",
		"/api/network?from=2007", "/api/network?limit=500"})
}

// BenchmarkNetworkWindow measures GET /api/network for a window not asked before: the
// graph, its blocs and prominence are computed on the request (what a slider move costs).
func BenchmarkNetworkWindow(b *testing.B) {
	h := synthHandler(b)
	var targets []string
	start := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 400; i++ {
		d := start.AddDate(0, 0, i*3)
		targets = append(targets, fmt.Sprintf("/api/network?from=%s&to=%s", d.Format("2006-01-02"), d.AddDate(0, 6, 0).Format("2006-01-02")))
	}
	latencies(b, h, targets)
}

// BenchmarkDossierUncached is BenchmarkDossier with every answer computed: a query
// parameter the API ignores makes each request miss the answer cache.
func BenchmarkDossierUncached(b *testing.B) {
	h := synthHandler(b)
	var targets []string
	for i := 0; i < 2000; i++ {
		targets = append(targets, fmt.Sprintf("/api/actors/actor-%d?nocache=%d", i%20, i))
	}
	latencies(b, h, targets)
}

// BenchmarkNetworkUncached is BenchmarkNetwork with every answer computed from the cached
// graphs (as BenchmarkDossierUncached).
func BenchmarkNetworkUncached(b *testing.B) {
	h := synthHandler(b)
	windows := []string{"", "from=2005&to=2005", "from=2006-01&to=2006-06", "from=2007", "limit=500"}
	var targets []string
	for i := 0; i < 2000; i++ {
		targets = append(targets, fmt.Sprintf("/api/network?%s&nocache=%d", windows[i%len(windows)], i))
	}
	latencies(b, h, targets)
}
