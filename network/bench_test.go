package network

import "testing"

// BenchmarkAnalyse runs blocs, balance and brokers on 5,000 actors and about 100,000 edges
// (5 planted factions, 10% of signs flipped).
func BenchmarkAnalyse(b *testing.B) {
	g, truth := planted(5000, 5, 0.008, 0.10, 1)
	b.Logf("actors=%d edges=%d", g.Len(), len(g.Edges))
	b.ReportAllocs()
	for b.Loop() {
		bl := Partition(g, BlocOptions{Seed: 1})
		bal := Measure(g, 1)
		br := FindBrokers(g, bl, 20)
		if len(br) == 0 || bal.Triads == 0 {
			b.Fatal("empty result")
		}
		b.ReportMetric(ari(truth, bl.Of), "ARI")
	}
}

func BenchmarkPartition(b *testing.B) {
	g, _ := planted(5000, 5, 0.008, 0.10, 1)
	for b.Loop() {
		Partition(g, BlocOptions{Seed: 1})
	}
}

func BenchmarkMeasure(b *testing.B) {
	g, _ := planted(5000, 5, 0.008, 0.10, 1)
	for b.Loop() {
		Measure(g, 1)
	}
}

func BenchmarkBetweenness(b *testing.B) {
	g, _ := planted(5000, 5, 0.008, 0.10, 1)
	for b.Loop() {
		Betweenness(g)
	}
}

func BenchmarkParadoxes(b *testing.B) {
	g, _ := planted(5000, 5, 0.008, 0.10, 1)
	for b.Loop() {
		FindParadoxes(g, 500)
	}
}

func BenchmarkScenario(b *testing.B) {
	g, _ := planted(200, 4, 0.1, 0.10, 1)
	for b.Loop() {
		if _, err := Simulate(g, []Edit{{A: "a0", B: "a1", Sign: -1}}, ScenarioOptions{Runs: 100, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild builds the graph of a model with 2,000 documents, 1,000 actors, 100,000
// events and 20,000 tie statements.
func BenchmarkBuild(b *testing.B) {
	m := syntheticModel(2000, 1000, 100000, 20000)
	b.ReportAllocs()
	for b.Loop() {
		Build(m, Options{HalfLife: 365})
	}
}

// BenchmarkParadoxesModel ranks the paradoxes of the synthetic 120k-fact model (evidence
// proximity included), as the model rebuild does after each ingest.
func BenchmarkParadoxesModel(b *testing.B) {
	g := Build(syntheticModel(2000, 1000, 100000, 20000), Options{})
	b.Logf("actors=%d edges=%d", g.Len(), len(g.Edges))
	for b.Loop() {
		FindParadoxes(g, 30)
	}
}
