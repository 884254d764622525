package network

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func triangle(ab, bc, ca float64) *Graph {
	return NewGraph([]string{"a", "b", "c"}, [][3]float64{{0, 1, ab}, {1, 2, bc}, {2, 0, ca}})
}

func flipP(sc *Scenario, a, b string) float64 {
	for _, f := range sc.Flips {
		if (f.A == a && f.B == b) || (f.A == b && f.B == a) {
			return f.P
		}
	}
	return 0
}

func TestScenarioTriangle(t *testing.T) {
	for _, model := range []string{AKR, Marvel} {
		// One negative edge: under AKR every link of the unbalanced triad flips with
		// probability 1/3; with c~a held at -1, a~b and b~c share the flips half and half.
		g := triangle(1, 1, -1)
		if model == AKR {
			sc, err := Simulate(g, nil, ScenarioOptions{Model: model, Runs: 3000, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range [][2]string{{"a", "b"}, {"b", "c"}, {"a", "c"}} {
				if got := flipP(sc, p[0], p[1]); math.Abs(got-1.0/3) > 0.04 {
					t.Errorf("%s: P(%s~%s flips) = %.3f, want 1/3", model, p[0], p[1], got)
				}
			}
			if sc.Balanced != 1 {
				t.Errorf("balanced share %.3f, want 1", sc.Balanced)
			}
		}
		sc, err := Simulate(g, []Edit{{A: "c", B: "a", Sign: -1}}, ScenarioOptions{Model: model, Runs: 3000, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if p := flipP(sc, "a", "c"); p != 0 {
			t.Errorf("%s: fixed tie flipped with P %.3f", model, p)
		}
		pab, pbc := flipP(sc, "a", "b"), flipP(sc, "b", "c")
		if math.Abs(pab-0.5) > 0.05 || math.Abs(pbc-0.5) > 0.05 || math.Abs(pab+pbc-1) > 1e-9 {
			t.Errorf("%s: P(a~b)=%.3f P(b~c)=%.3f, want 1/2 each and one flip per run", model, pab, pbc)
		}
		if sc.Balanced != 1 || !strings.Contains(sc.Note, "not a forecast") {
			t.Errorf("%s: balanced %.3f note %q", model, sc.Balanced, sc.Note)
		}
		if len(sc.Flips) == 0 || len(sc.Flips[0].Drivers) == 0 || sc.Flips[0].Drivers[0].Third == "" {
			t.Errorf("%s: flips without drivers: %+v", model, sc.Flips)
		} else {
			t.Log(sc.Flips[0].Explanation)
		}
	}
}

func TestScenarioBalancedStays(t *testing.T) {
	// A balanced graph stays as it is under both models.
	g := NewGraph([]string{"a", "b", "c", "d"}, [][3]float64{{0, 1, 1}, {2, 3, 1}, {0, 2, -1}, {0, 3, -1}, {1, 2, -1}, {1, 3, -1}})
	for _, model := range []string{AKR, Marvel} {
		sc, err := Simulate(g, nil, ScenarioOptions{Model: model, Runs: 50, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(sc.Flips) != 0 || sc.Balanced != 1 || len(sc.After) != 2 {
			t.Errorf("%s: %+v", model, sc)
		}
	}
}

func TestScenarioEditAndRemove(t *testing.T) {
	// Two camps {a,b} and {c,d}; making a and c allies puts a~b, c~d and the cross ties
	// under pressure; removing b leaves nothing unbalanced.
	g := NewGraph([]string{"a", "b", "c", "d"}, [][3]float64{{0, 1, 1}, {2, 3, 1}, {0, 2, -1}, {0, 3, -1}, {1, 2, -1}, {1, 3, -1}})
	sc, err := Simulate(g, []Edit{{A: "a", B: "c", Sign: 1}}, ScenarioOptions{Runs: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Flips) == 0 || sc.Flips[0].Baseline != 0 {
		t.Fatalf("flips: %+v", sc.Flips)
	}
	for _, f := range sc.Flips {
		t.Logf("%s~%s P=%.2f %s", f.A, f.B, f.P, f.Explanation)
	}
	sc, err = Simulate(g, []Edit{{A: "b", Remove: true}, {A: "a", B: "c", Sign: 1}}, ScenarioOptions{Runs: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Simulate(g, []Edit{{A: "zz", B: "a", Sign: 1}}, ScenarioOptions{}); err == nil {
		t.Error("unknown actor accepted")
	}
}

func TestScenarioDeterministic(t *testing.T) {
	g, _ := planted(40, 3, 0.3, 0.2, 5)
	for _, model := range []string{AKR, Marvel} {
		opt := ScenarioOptions{Model: model, Runs: 20, Seed: 11}
		a, err := Simulate(g, []Edit{{A: "a0", B: "a1", Sign: -1}}, opt)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Simulate(g, []Edit{{A: "a0", B: "a1", Sign: -1}}, opt)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: same seed, different output", model)
		}
	}
}

func TestParseEdit(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Edit
		ok   bool
	}{
		{"A~B=+1", Edit{A: "A", B: "B", Sign: 1}, true},
		{"us~iran=-1", Edit{A: "us", B: "iran", Sign: -1}, true},
		{" x ~ y = - ", Edit{A: "x", B: "y", Sign: -1}, true},
		{"x~y=1", Edit{A: "x", B: "y", Sign: 1}, true},
		{"x~y=2", Edit{}, false},
		{"x~x=1", Edit{}, false},
		{"xy=1", Edit{}, false},
		{"x~y", Edit{}, false},
	} {
		got, err := ParseEdit(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseEdit(%q) = %+v, %v", tc.in, got, err)
		}
	}
}

func TestScenarioRelieved(t *testing.T) {
	// Making c~a friendly balances the triad: a~b and b~c, which flip in a third of the
	// baseline runs each, are steadied; the edited tie itself is never listed.
	sc, err := Simulate(triangle(1, 1, -1), []Edit{{A: "c", B: "a", Sign: 1}}, ScenarioOptions{Runs: 600, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Flips) != 0 || len(sc.Relieved) != 2 {
		t.Fatalf("flips %+v relieved %+v", sc.Flips, sc.Relieved)
	}
	for _, f := range sc.Relieved {
		if f.P != 0 || math.Abs(f.Baseline-1.0/3) > 0.06 || (f.A == "a" && f.B == "c") {
			t.Errorf("relieved %+v", f)
		}
	}
}
