package network

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

func evd(doc string, start int) faultline.Evidence {
	return faultline.Evidence{Doc: doc, Start: start, End: start + 5}
}

func tie(a, b, typ string, sign int, mod string, evs ...faultline.Evidence) faultline.ModelTie {
	return faultline.ModelTie{A: a, B: b, Type: typ, Sign: sign, Weight: float64(len(evs)), Modality: mod, Evidence: evs}
}

func TestBuild(t *testing.T) {
	m := &faultline.Model{
		Documents: []faultline.DocumentRef{
			{ID: "d1", Date: "2006-11-20", Source: "Independent"},
			{ID: "d1copy", Date: "2006-11-21", Source: "Other Paper", DuplicateOf: "d1"},
			{ID: "d2", Date: "2008-02", Source: "Nation"},
			{ID: "d3", Source: "Nation"},
		},
		Actors: []faultline.Actor{{ID: "a", Canonical: "Alpha"}, {ID: "b", Canonical: "Beta"}, {ID: "c", Canonical: "Gamma"}},
		Ties: []faultline.ModelTie{
			tie("a", "b", "allied_with", 1, "asserted", evd("d1", 0), evd("d1copy", 0), evd("d2", 0)),
			tie("b", "c", "opposes", -1, "hypothetical", evd("d2", 10)),
			tie("a", "c", "rival_of", -1, "negated", evd("d2", 20)),
			tie("a", "c", "located_in", 0, "asserted", evd("d2", 30)),
		},
		Events: []faultline.ModelEvent{
			{Doc: "d2", Source: "c", Target: "a", Type: "ASSAULT", Goldstein: -10, Date: "2008-01", Modality: "asserted", Evidence: evd("d2", 40)},
			{Doc: "d3", Source: "c", Target: "b", Type: "ASSAULT", Goldstein: -10, Modality: "asserted", Evidence: evd("d3", 0)},
			{Doc: "d3", Source: "c", Target: "b", Type: "ASSAULT", Goldstein: -10, Modality: "asserted", Evidence: evd("d3", 50)},
		},
	}
	g := Build(m, Options{})
	ab := g.Edge(g.Index("a"), g.Index("b"))
	if ab == nil || ab.Docs != 2 || ab.Sources != 2 || ab.PosDocs != 2 || len(ab.Items) != 3 {
		t.Fatalf("a-b: the wire copy should count with its original: %+v", ab)
	}
	// d1 pooled (max 1 + a quarter of the copy's 1) + d2's 1.
	if ab.Pos != 2.25 || ab.Sign != 1 {
		t.Errorf("a-b pos %.3f sign %d", ab.Pos, ab.Sign)
	}
	ac := g.Edge(g.Index("a"), g.Index("c"))
	if ac == nil || len(ac.Items) != 1 || ac.Items[0].Type != "ASSAULT" {
		t.Errorf("a-c: negated and structural ties must be left out: %+v", ac)
	}
	bc := g.Edge(g.Index("b"), g.Index("c"))
	if bc == nil || bc.Docs != 1 || bc.Neg != 1.25 {
		t.Errorf("b-c: hypothetical left out, two events in one document pooled: %+v", bc)
	}

	// Windows: undated evidence is left out once a bound is set.
	g = Build(m, Options{From: "2008"})
	if e := g.Edge(g.Index("a"), g.Index("b")); e == nil || e.Docs != 1 || e.Items[0].Date != "2008-02" {
		t.Errorf("from 2008: a-b %+v", e)
	}
	if e := g.Edge(g.Index("b"), g.Index("c")); e != nil {
		t.Errorf("from 2008: undated b-c kept: %+v", e)
	}
	g = Build(m, Options{To: "2007-12-31"})
	if len(g.Edges) != 1 {
		t.Errorf("to 2007: edges %+v", g.Edges)
	}

	// Recency: a half-life of ~15 months halves the 2006 evidence relative to 2008-02-29.
	g = Build(m, Options{HalfLife: 466})
	ab = g.Edge(g.Index("a"), g.Index("b"))
	if ab.Pos >= 2.25 || ab.Pos < 1.5 {
		t.Errorf("decayed a-b pos %.3f", ab.Pos)
	}
}

func TestParadoxes(t *testing.T) {
	// x allied with y and z, y and z hostile (3 documents each way); w-v ambivalent; a
	// weaker unbalanced triad p,q,r with one document per tie.
	var ties []faultline.ModelTie
	docs := []string{"d1", "d2", "d3"}
	for i, d := range docs {
		ties = append(ties,
			tie("x", "y", "allied_with", 1, "asserted", evd(d, 10*i)),
			tie("x", "z", "supports", 1, "asserted", evd(d, 10*i+1)),
			tie("y", "z", "opposes", -1, "asserted", evd(d, 10*i+2)),
		)
	}
	ties = append(ties,
		tie("p", "q", "allied_with", 1, "", evd("d4", 0)),
		tie("q", "r", "allied_with", 1, "", evd("d5", 0)),
		tie("p", "r", "opposes", -1, "", evd("d6", 0)),
		tie("w", "v", "allied_with", 1, "", evd("d4", 50)),
		tie("w", "v", "opposes", -1, "", evd("d5", 50)),
		tie("e1", "e2", "opposes", -1, "", evd("d7", 0)),
		tie("e2", "e3", "opposes", -1, "", evd("d7", 1)),
		tie("e3", "e1", "opposes", -1, "", evd("d7", 2)),
	)
	m := &faultline.Model{Ties: ties, Actors: []faultline.Actor{{ID: "x", Canonical: "X"}, {ID: "y", Canonical: "Y"}, {ID: "z", Canonical: "Z"}}}
	ps := Paradoxes(m, 0)
	if len(ps) != 4 {
		t.Fatalf("paradoxes: %+v", ps)
	}
	top := ps[0]
	if top.Kind != UnbalancedTriad || strings.Join(top.Actors, ",") != "y,x,z" || top.Explanation != "X is allied with Y and supports Z, but Y opposes Z." {
		t.Errorf("top: %+v", top)
	}
	if len(top.Evidence) != 9 || top.Signs[2] != -1 {
		t.Errorf("top evidence: %+v", top)
	}
	kinds := map[string]int{}
	for _, p := range ps {
		kinds[p.Kind]++
		if p.Explanation == "" || len(p.Evidence) == 0 {
			t.Errorf("paradox without explanation or evidence: %+v", p)
		}
	}
	if kinds[AmbivalentDyad] != 1 {
		t.Errorf("kinds %v", kinds)
	}
	// The all-hostile triad from one document (shared-doc bonus) outranks p,q,r (three).
	if got := Paradoxes(m, 2); len(got) != 2 {
		t.Errorf("limit: %d", len(got))
	}
	for _, p := range ps {
		if p.Actors[0] == "e1" || p.Actors[0] == "e2" || p.Actors[0] == "e3" {
			if !strings.Contains(p.Explanation, "all hostile") {
				t.Errorf("all-negative triad: %q", p.Explanation)
			}
		}
	}
}

func TestParadoxAmbivalentEdgeInTriad(t *testing.T) {
	// u supports both a and b; a and b are reported both allied and hostile: the triad is a
	// paradox through the hostile reading, and the dyad is one too.
	m := &faultline.Model{Ties: []faultline.ModelTie{
		tie("u", "a", "supports", 1, "", evd("d1", 0)),
		tie("u", "b", "supports", 1, "", evd("d1", 10)),
		tie("a", "b", "opposes", -1, "", evd("d1", 20), evd("d2", 0)),
		tie("a", "b", "allied_with", 1, "", evd("d3", 0), evd("d4", 0), evd("d5", 0)),
	}}
	ps := Paradoxes(m, 0)
	if len(ps) != 2 {
		t.Fatalf("%+v", ps)
	}
	var triad *faultline.Paradox
	for i := range ps {
		if ps[i].Kind == UnbalancedTriad {
			triad = &ps[i]
		}
	}
	if triad == nil || triad.Actors[1] != "u" || !strings.Contains(triad.Explanation, "opposite sign") {
		t.Errorf("triad: %+v", ps)
	}
}

func TestParadoxesDeterministic(t *testing.T) {
	g, _ := planted(80, 3, 0.3, 0.2, 3)
	a := FindParadoxes(g, 30)
	for i := 0; i < 3; i++ {
		b := FindParadoxes(g, 30)
		for j := range a {
			if strings.Join(a[j].Actors, ",") != strings.Join(b[j].Actors, ",") {
				t.Fatalf("run %d differs at %d", i, j)
			}
		}
	}
}

// TestParadoxesPruning checks that ranking with a limit (which stops early) gives the head
// of the full ranking.
func TestParadoxesPruning(t *testing.T) {
	g := Build(syntheticModel(60, 40, 3000, 600), Options{})
	for _, quads := range []bool{false, true} {
		all := RankParadoxes(g, ParadoxOptions{Quads: quads})
		testHeads(t, g, all, quads)
	}
}

func testHeads(t *testing.T, g *Graph, all []faultline.Paradox, quads bool) {
	for _, limit := range []int{1, 10, 30, 100} {
		got := RankParadoxes(g, ParadoxOptions{Limit: limit, Quads: quads})
		if len(got) != min(limit, len(all)) {
			t.Fatalf("limit %d: %d paradoxes", limit, len(got))
		}
		for i := range got {
			if strings.Join(got[i].Actors, ",") != strings.Join(all[i].Actors, ",") || got[i].Score != all[i].Score {
				t.Fatalf("quads %t, limit %d, rank %d: %v %.3f, full ranking %v %.3f", quads, limit, i+1, got[i].Actors, got[i].Score, all[i].Actors, all[i].Score)
			}
		}
	}
	t.Logf("quads %t: %d paradoxes", quads, len(all))
}

func TestParadoxQuad(t *testing.T) {
	// p backs both x and y, who fight; q sides with x against y and against p: the triads
	// p,x,y and p,q,x are unbalanced and share p~x, so the four interlock.
	m := &faultline.Model{Ties: []faultline.ModelTie{
		tie("p", "x", "supports", 1, "", evd("d1", 0)),
		tie("p", "y", "supports", 1, "", evd("d1", 10)),
		tie("x", "y", "opposes", -1, "", evd("d1", 20)),
		tie("q", "x", "allied_with", 1, "", evd("d1", 30)),
		tie("q", "y", "opposes", -1, "", evd("d1", 40)),
		tie("q", "p", "opposes", -1, "", evd("d1", 50)),
	}}
	ps := Paradoxes(m, 0)
	var quad *faultline.Paradox
	for i := range ps {
		if ps[i].Kind == UnbalancedQuad {
			if quad != nil {
				t.Fatalf("two quads: %+v", ps)
			}
			quad = &ps[i]
		}
	}
	if quad == nil || len(quad.Actors) != 4 || len(quad.Signs) != 6 {
		t.Fatalf("paradoxes: %+v", ps)
	}
	// But for p~x, the four are two camps: p and y against x and q.
	if want := "p and y stand against x and q, yet p supports x."; quad.Explanation != want {
		t.Errorf("explanation %q, want %q", quad.Explanation, want)
	}
	if len(quad.Evidence) != 6 {
		t.Errorf("evidence %+v", quad.Evidence)
	}
}

// TestParadoxExplanationRelations checks that an explanation names each relation by its
// evidence, in the right direction: a leader is not "allied with" his militia.
func TestParadoxExplanationRelations(t *testing.T) {
	m := &faultline.Model{Ties: []faultline.ModelTie{
		tie("l", "o", "leader_of", 1, "", evd("d1", 0)),
		tie("p", "o", "patron_of", 1, "", evd("d1", 10)),
		tie("l", "p", "opposes", -1, "", evd("d1", 20)),
	}, Actors: []faultline.Actor{{ID: "l", Canonical: "Lasko"}, {ID: "o", Canonical: "the Hill Tigers"}, {ID: "p", Canonical: "Norland"}}}
	ps := Paradoxes(m, 0)
	if len(ps) != 1 {
		t.Fatalf("paradoxes: %+v", ps)
	}
	if want := "the Hill Tigers is led by Lasko and is backed by Norland, but Lasko opposes Norland."; ps[0].Explanation != want {
		t.Errorf("got %q\nwant %q", ps[0].Explanation, want)
	}
}

func TestParadoxDyadTurn(t *testing.T) {
	// a and b allied in 2005, hostile from 2007: the dyad says when it turned. c and d are
	// reported both ways in the same months: no turn.
	m := &faultline.Model{
		Documents: []faultline.DocumentRef{{ID: "d1", Date: "2005-03"}, {ID: "d2", Date: "2007-06"}, {ID: "d3", Date: "2007-09"}},
		Actors:    []faultline.Actor{{ID: "a", Canonical: "Alpha"}, {ID: "b", Canonical: "Beta"}},
		Ties: []faultline.ModelTie{
			tie("a", "b", "allied_with", 1, "", evd("d1", 0)),
			tie("a", "b", "opposes", -1, "", evd("d2", 0), evd("d3", 0)),
			tie("c", "d", "allied_with", 1, "", evd("d1", 10), evd("d3", 10)),
			tie("c", "d", "opposes", -1, "", evd("d2", 10)),
		},
	}
	got := map[string]string{}
	for _, p := range Paradoxes(m, 0) {
		if p.Kind == AmbivalentDyad {
			got[p.Actors[0]+p.Actors[1]] = p.Explanation
		}
	}
	if want := "Alpha and Beta turned from cooperation (1 document, until 2005-03) to hostility (2 documents, from 2007-06)."; got["ab"] != want {
		t.Errorf("turn:\n got %q\nwant %q", got["ab"], want)
	}
	if !strings.Contains(got["cd"], "both cooperating") {
		t.Errorf("no turn: %q", got["cd"])
	}
}

func TestBuildStates(t *testing.T) {
	// Norland's army counts as Norland; President Vey's relations also count as Norland's
	// government's during his term, but not his relation with the state itself.
	m := &faultline.Model{
		Documents: []faultline.DocumentRef{{ID: "d1", Date: "2005-03"}, {ID: "d2", Date: "2012-01"}},
		Actors: []faultline.Actor{
			{ID: "norland", Canonical: "Norland", Type: faultline.GPE, Aliases: []string{"Norlandic"}},
			{ID: "norlandic-army", Canonical: "Norlandic army", Type: faultline.ORG},
			{ID: "norlandic-government", Canonical: "Norlandic government", Type: faultline.ORG},
			{ID: "norland-tigers", Canonical: "Norland Tigers", Type: faultline.ORG},
			{ID: "vey", Canonical: "Ari Vey", Type: faultline.PERSON, Roles: []string{"leader_of norland 2004-01-01..2008-12-31 (dictionary)"}},
			{ID: "ostrava", Canonical: "Ostrava", Type: faultline.GPE},
		},
		Ties: []faultline.ModelTie{
			tie("norlandic-army", "ostrava", "opposes", -1, "", evd("d1", 0)),
			tie("norland-tigers", "ostrava", "opposes", -1, "", evd("d1", 10)),
			tie("vey", "ostrava", "negotiates_with", 1, "", evd("d1", 20)),
			tie("vey", "norland-tigers", "supports", 1, "", evd("d2", 0)), // after his term
			tie("vey", "norland", "leader_of", 1, "", evd("d1", 30)),
		},
	}
	if got := Organs(m); len(got) != 1 || got["norlandic-army"] != "norland" {
		t.Errorf("organs: %v", got)
	}
	g := Build(m, Options{States: true})
	has := func(a, b string, pos, neg float64) {
		t.Helper()
		e := g.Edge(g.Index(a), g.Index(b))
		if e == nil && (pos > 0 || neg > 0) || e != nil && (e.Pos > 0) != (pos > 0) || e != nil && (e.Neg > 0) != (neg > 0) {
			t.Errorf("%s~%s: %+v", a, b, e)
		}
	}
	has("norland", "ostrava", 0, 1)
	has("norlandic-army", "ostrava", 0, 0)
	has("vey", "ostrava", 1, 0)
	has("norlandic-government", "ostrava", 1, 0)
	has("norlandic-government", "norland-tigers", 0, 0)
	has("vey", "norland", 0, 0)
	if g0 := Build(m, Options{}); g0.Edge(g0.Index("norlandic-army"), g0.Index("ostrava")) == nil {
		t.Error("without States the army keeps its own relations")
	}
}
