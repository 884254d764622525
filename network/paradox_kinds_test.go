package network

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

// actorsOf renders each paradox as its sorted actor ids, in rank order.
func actorsOf(ps []faultline.Paradox) []string {
	var out []string
	for _, p := range ps {
		a := append([]string(nil), p.Actors...)
		for i := range a {
			for j := i + 1; j < len(a); j++ {
				if a[j] < a[i] {
					a[i], a[j] = a[j], a[i]
				}
			}
		}
		out = append(out, strings.Join(a, ","))
	}
	return out
}

func rankOf(ps []faultline.Paradox, actors string) int {
	for i, a := range actorsOf(ps) {
		if a == actors {
			return i + 1
		}
	}
	return 0
}

// TestParadoxInsideSplit: a leader and his own movement taking opposite sides towards a third
// is a split inside one side; it ranks below the same pattern among three independent actors.
func TestParadoxInsideSplit(t *testing.T) {
	m := &faultline.Model{Ties: []faultline.ModelTie{
		// Inside one side: Lasko leads the Hill Tigers and backs Norland, whom the Tigers fight.
		tie("lasko", "tigers", "leader_of", 1, "", evd("d1", 0)),
		tie("lasko", "norland", "supports", 1, "", evd("d1", 10)),
		tie("tigers", "norland", "opposes", -1, "", evd("d1", 20)),
		// Three sides: Ostrava backs both Pell and Quor, who fight each other.
		tie("ostrava", "pell", "allied_with", 1, "", evd("d2", 0)),
		tie("ostrava", "quor", "supports", 1, "", evd("d2", 10)),
		tie("pell", "quor", "opposes", -1, "", evd("d2", 20)),
	}}
	ps := Paradoxes(m, 0)
	inside, three := rankOf(ps, "lasko,norland,tigers"), rankOf(ps, "ostrava,pell,quor")
	if inside == 0 || three == 0 || three > inside {
		t.Fatalf("inside split at %d, three sides at %d: %v", inside, three, actorsOf(ps))
	}
	if ps[inside-1].Score*1.9 > ps[three-1].Score {
		t.Errorf("inside split %.3f not about half of %.3f", ps[inside-1].Score, ps[three-1].Score)
	}
}

// TestParadoxQuadOrgan: four actors two of which are a leader and his militia are one triad
// told twice, not a four-actor paradox; four independent actors are.
func TestParadoxQuadOrgan(t *testing.T) {
	four := func(a, b, c, d string, doc string) []faultline.ModelTie {
		// a backs b and c who fight; d sides with b against c and against a.
		return []faultline.ModelTie{
			tie(a, b, "supports", 1, "", evd(doc, 0)),
			tie(a, c, "supports", 1, "", evd(doc, 10)),
			tie(b, c, "opposes", -1, "", evd(doc, 20)),
			tie(d, b, "allied_with", 1, "", evd(doc, 30)),
			tie(d, c, "opposes", -1, "", evd(doc, 40)),
			tie(d, a, "opposes", -1, "", evd(doc, 50)),
		}
	}
	var orgs []faultline.Actor
	for _, id := range []string{"p", "x", "y", "q", "w"} {
		orgs = append(orgs, faultline.Actor{ID: id, Canonical: id, Type: faultline.ORG})
	}
	for _, tc := range []struct {
		name  string
		organ []faultline.ModelTie
		quad  bool
	}{
		{"independent", []faultline.ModelTie{tie("x", "y", "mentions", 0, "", evd("d9", 0))}, true},
		{"leader and militia", []faultline.ModelTie{tie("q", "x", "leader_of", 1, "", evd("d9", 0))}, false},
		{"armed wing", []faultline.ModelTie{tie("x", "q", "armed_wing_of", 1, "", evd("d9", 0))}, false},
		{"members of one group", []faultline.ModelTie{tie("x", "w", "member_of", 1, "", evd("d9", 0)), tie("q", "w", "member_of", 1, "", evd("d9", 0))}, false},
	} {
		m := &faultline.Model{Actors: orgs, Ties: append(four("p", "x", "y", "q", "d1"), tc.organ...)}
		quads := 0
		for _, p := range Paradoxes(m, 0) {
			if p.Kind == UnbalancedQuad {
				quads++
				if p.Explanation == "" || len(p.Evidence) != 6 {
					t.Errorf("%s: %+v", tc.name, p)
				}
			}
		}
		if (quads > 0) != tc.quad {
			t.Errorf("%s: %d quads, want quad %t", tc.name, quads, tc.quad)
		}
	}
}

// TestParadoxQuadExplanation: the explanation names the two camps and the relation that cuts
// across them.
func TestParadoxQuadExplanation(t *testing.T) {
	// Ostrava and Pell stand together against Norland and its client Quor, yet Norland also
	// backs Pell.
	m := &faultline.Model{
		Actors: []faultline.Actor{{ID: "n", Canonical: "Norland"}, {ID: "o", Canonical: "Ostrava"}, {ID: "p", Canonical: "Pell"}, {ID: "q", Canonical: "Quor"}},
		Ties: []faultline.ModelTie{
			tie("o", "p", "allied_with", 1, "", evd("d1", 0)),
			tie("n", "q", "patron_of", 1, "", evd("d1", 10)),
			tie("o", "n", "rival_of", -1, "", evd("d1", 20)),
			tie("o", "q", "opposes", -1, "", evd("d1", 30)),
			tie("p", "q", "opposes", -1, "", evd("d1", 40)),
			tie("n", "p", "supports", 1, "", evd("d1", 50)),
		}}
	var quad *faultline.Paradox
	ps := Paradoxes(m, 0)
	for i := range ps {
		if ps[i].Kind == UnbalancedQuad {
			quad = &ps[i]
		}
	}
	if quad == nil {
		t.Fatalf("no quad: %+v", ps)
	}
	if !strings.Contains(quad.Explanation, " stand against ") || !strings.HasSuffix(quad.Explanation, ", yet Norland supports Pell.") {
		t.Errorf("explanation %q", quad.Explanation)
	}
}

// TestParadoxDistinct: a head of government's relations also count for his government
// (Options.States); the paradox they make is reported once, for the person, whose relations
// are reported rather than derived.
func TestParadoxDistinct(t *testing.T) {
	m := &faultline.Model{
		Documents: []faultline.DocumentRef{{ID: "d1", Date: "2005-03"}},
		Actors: []faultline.Actor{
			{ID: "norland", Canonical: "Norland", Type: faultline.GPE},
			{ID: "norland-government", Canonical: "Norland government", Type: faultline.ORG},
			{ID: "vey", Canonical: "Ari Vey", Type: faultline.PERSON, Roles: []string{"leader_of norland 2004-01-01..2008-12-31 (dictionary)"}},
			{ID: "ostrava", Canonical: "Ostrava", Type: faultline.GPE},
			{ID: "pell", Canonical: "Pell", Type: faultline.GPE},
		},
		Ties: []faultline.ModelTie{
			tie("vey", "ostrava", "negotiates_with", 1, "", evd("d1", 0)),
			tie("vey", "pell", "allied_with", 1, "", evd("d1", 100)),
			tie("ostrava", "pell", "rival_of", -1, "", evd("d1", 200)),
		},
	}
	g := Build(m, Options{States: true})
	if e := g.Edge(g.Index("norland-government"), g.Index("pell")); e == nil || e.Pos >= g.Edge(g.Index("vey"), g.Index("pell")).Pos {
		t.Fatalf("derived relation should exist and weigh less than the reported one: %+v", e)
	}
	got := actorsOf(Paradoxes(m, 0))
	if strings.Join(got, " ") != "ostrava,pell,vey" {
		t.Errorf("paradoxes %v, want only ostrava,pell,vey", got)
	}
	if got := actorsOf(Paradoxes(m, 1)); len(got) != 1 || got[0] != "ostrava,pell,vey" {
		t.Errorf("limit 1: %v", got)
	}
}

func TestHasContrast(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Yet Norland still arms the Hill Tigers.", true},
		{"Despite the feud, Ostrava funds both.", true},
		{"In spite of the accord, the raids went on.", true},
		{"Paradoxically, the embargo pushed Pell closer to Quor.", true},
		{"Even though they fought in 2004, the two now trade.", true},
		{"Norland arms the Hill Tigers, but the Tigers fight Norland.", false},
		{"The spiteful rivals met in the capital.", false}, // "spite" alone is no cue
		{"Ostrava and Pell signed an accord while talks went on.", false},
		{"", false},
	} {
		if got := hasContrast(tc.s); got != tc.want {
			t.Errorf("hasContrast(%q) = %t, want %t", tc.s, got, tc.want)
		}
	}
}

// TestParadoxContrast: with the documents' text, a paradox whose relations the writer sets
// against each other ("despite") outranks the same pattern reported plainly; without text,
// the two tie.
func TestParadoxContrast(t *testing.T) {
	plain := "Ostrava backs Pell. Ostrava backs Quor. Pell fights Quor."
	cued := "Ostrava backs Kell. Despite that, Ostrava backs Lorn. Kell fights Lorn."
	texts := map[string]string{"d1": plain, "d2": cued}
	at := func(doc, s string) faultline.Evidence {
		i := strings.Index(texts[doc], s)
		return faultline.Evidence{Doc: doc, Start: i, End: i + len(s)}
	}
	m := &faultline.Model{Ties: []faultline.ModelTie{
		tie("ostrava", "pell", "supports", 1, "", at("d1", "Ostrava backs Pell.")),
		tie("ostrava", "quor", "supports", 1, "", at("d1", "Ostrava backs Quor.")),
		tie("pell", "quor", "opposes", -1, "", at("d1", "Pell fights Quor.")),
		tie("ostrava", "kell", "supports", 1, "", at("d2", "Ostrava backs Kell.")),
		tie("ostrava", "lorn", "supports", 1, "", at("d2", "Despite that, Ostrava backs Lorn.")),
		tie("kell", "lorn", "opposes", -1, "", at("d2", "Kell fights Lorn.")),
	}}
	ps := ParadoxesText(m, 0, func(doc string) string { return texts[doc] })
	if len(ps) != 2 || rankOf(ps, "kell,lorn,ostrava") != 1 || ps[0].Score <= ps[1].Score {
		t.Errorf("with text: %v %+v", actorsOf(ps), ps)
	}
	ps = Paradoxes(m, 0)
	if len(ps) != 2 || ps[0].Score != ps[1].Score {
		t.Errorf("without text: %+v", ps)
	}
}

// TestParadoxMembers: the members of a group take its stated stance and are aligned with
// one another (Options.Members), so a patron arming one member of a front that opposes it
// is a paradox; persons and states do not take a group's stance.
func TestParadoxMembers(t *testing.T) {
	m := &faultline.Model{
		Actors: []faultline.Actor{
			{ID: "front", Canonical: "Free Front", Type: faultline.ORG},
			{ID: "pell", Canonical: "Pell Brigade", Type: faultline.ORG},
			{ID: "quor", Canonical: "Quor Party", Type: faultline.ORG},
			{ID: "lasko", Canonical: "Lasko", Type: faultline.PERSON},
			{ID: "norland", Canonical: "Norland", Type: faultline.GPE},
		},
		Ties: []faultline.ModelTie{
			tie("pell", "front", "member_of", 1, "", evd("d1", 0)),
			tie("quor", "front", "member_of", 1, "", evd("d1", 0)),
			tie("lasko", "front", "member_of", 1, "", evd("d1", 0)),
			tie("front", "norland", "opposes", -1, "", evd("d1", 100)),
			tie("norland", "pell", "arms", 1, "", evd("d2", 0)),
		},
	}
	g := Build(m, Options{Members: true})
	edge := func(a, b string) *Edge { return g.Edge(g.Index(a), g.Index(b)) }
	if e := edge("quor", "norland"); e == nil || e.Sign >= 0 {
		t.Errorf("quor~norland should take the front's hostility: %+v", e)
	}
	if e := edge("pell", "quor"); e == nil || e.Sign <= 0 || e.Items[0].Type != "comember" {
		t.Errorf("pell~quor should be aligned: %+v", e)
	}
	if e := edge("lasko", "norland"); e != nil {
		t.Errorf("a person takes no group's stance: %+v", e)
	}
	if e := edge("pell", "norland"); e == nil || !e.Ambivalent() {
		t.Errorf("pell~norland: armed by Norland, hostile through the front: %+v", e)
	}
	if g0 := Build(m, Options{}); g0.Edge(g0.Index("quor"), g0.Index("norland")) != nil {
		t.Error("without Members no relation is derived")
	}
	var triad *faultline.Paradox
	ps := Paradoxes(m, 0)
	for i := range ps {
		if ps[i].Kind == UnbalancedTriad && rankOf(ps[i:i+1], "norland,pell,quor") == 1 {
			triad = &ps[i]
		}
	}
	if triad == nil {
		t.Fatalf("no norland-pell-quor triad: %v", actorsOf(ps))
	}
	if want := "Pell Brigade belongs to Free Front along with Quor Party and is armed by Norland, but Quor Party belongs to Free Front, which opposes Norland (Norland–Pell Brigade is also reported with the opposite sign)."; triad.Explanation != want {
		t.Errorf("explanation\n got %q\nwant %q", triad.Explanation, want)
	}
	if len(triad.Evidence) == 0 {
		t.Error("no evidence")
	}
}

// TestParadoxInferred: a paradox resting on relations inferred from a group's stance
// (Options.Members) ranks below the same pattern stated outright.
func TestParadoxInferred(t *testing.T) {
	var actors []faultline.Actor
	for _, id := range []string{"front", "pell", "quor", "kell", "lorn"} {
		actors = append(actors, faultline.Actor{ID: id, Canonical: id, Type: faultline.ORG})
	}
	m := &faultline.Model{Actors: actors, Ties: []faultline.ModelTie{
		// Inferred: Pell and Quor are members of the front, which opposes Norland.
		tie("pell", "front", "member_of", 1, "", evd("d1", 0)),
		tie("quor", "front", "member_of", 1, "", evd("d1", 0)),
		tie("front", "norland", "opposes", -1, "", evd("d2", 0)),
		tie("norland", "pell", "supports", 1, "", evd("d3", 0)),
		// Stated: Kell and Lorn are allies, Lorn opposes Ostrava, which backs Kell.
		tie("kell", "lorn", "allied_with", 1, "", evd("d4", 0)),
		tie("lorn", "ostrava", "opposes", -1, "", evd("d5", 0)),
		tie("ostrava", "kell", "supports", 1, "", evd("d6", 0)),
	}}
	ps := Paradoxes(m, 0)
	inferred, stated := rankOf(ps, "norland,pell,quor"), rankOf(ps, "kell,lorn,ostrava")
	if inferred == 0 || stated == 0 || stated > inferred {
		t.Errorf("stated at %d, inferred at %d: %v", stated, inferred, actorsOf(ps))
	}
}

// TestParadoxWingRepeat: a militia's paradox that its party's relations repeat (the party has
// each of the militia's relations in it, with the same sign) is the party's paradox told
// again and is left out; a paradox only the militia has stays.
func TestParadoxWingRepeat(t *testing.T) {
	m := &faultline.Model{Ties: []faultline.ModelTie{
		tie("tigers", "party", "armed_wing_of", 1, "", evd("d1", 0)),
		// Norland backs both the party and its rival Quor; the Tigers too, with the same
		// relations: the Tigers' triad repeats the party's.
		tie("norland", "party", "supports", 1, "", evd("d2", 0)),
		tie("norland", "quor", "supports", 1, "", evd("d2", 10)),
		tie("party", "quor", "opposes", -1, "", evd("d2", 20)),
		tie("norland", "tigers", "arms", 1, "", evd("d3", 0)),
		tie("tigers", "quor", "opposes", -1, "", evd("d3", 10)),
		// Only the Tigers fight Pell, whom Norland backs: the party has no relation with Pell.
		tie("norland", "pell", "supports", 1, "", evd("d4", 0)),
		tie("tigers", "pell", "opposes", -1, "", evd("d4", 10)),
	}}
	got := map[string]bool{}
	for _, a := range actorsOf(Paradoxes(m, 0)) {
		got[a] = true
	}
	if !got["norland,party,quor"] || got["norland,quor,tigers"] || !got["norland,pell,tigers"] {
		t.Errorf("paradoxes %v: want the party's and the Tigers' own, not the Tigers' repeat", got)
	}
}

// TestParadoxRivalry: of two "friend of my enemy" triads with the same evidence, the one
// whose hostile relation joins the two actors most involved in the web (each related to
// many) ranks first, and gains as rivalry says; one between peripheral actors gains little.
func TestParadoxRivalry(t *testing.T) {
	var ties []faultline.ModelTie
	// Norland and Ostrava are rivals; both back the Pell government.
	ties = append(ties,
		tie("norland", "ostrava", "rival_of", -1, "", evd("d1", 0)),
		tie("norland", "pell", "supports", 1, "", evd("d2", 0)),
		tie("ostrava", "pell", "supports", 1, "", evd("d3", 0)))
	// Quor backs Rask and Sute, two small militias at war.
	ties = append(ties,
		tie("quor", "rask", "supports", 1, "", evd("d4", 0)),
		tie("quor", "sute", "supports", 1, "", evd("d5", 0)),
		tie("rask", "sute", "opposes", -1, "", evd("d6", 0)))
	// Norland and Ostrava each deal with many other actors (balanced relations).
	for i, x := range []string{"c1", "c2", "c3", "c4", "c5", "c6"} {
		ties = append(ties,
			tie("norland", x, "negotiates_with", 1, "", evd("e", 100*i)),
			tie("ostrava", x, "negotiates_with", 1, "", evd("e", 100*i+50)))
	}
	ps := Paradoxes(&faultline.Model{Ties: ties}, 0)
	central, local := rankOf(ps, "norland,ostrava,pell"), rankOf(ps, "quor,rask,sute")
	if central == 0 || local == 0 || central > local {
		t.Fatalf("central rivalry at %d, local feud at %d: %v", central, local, actorsOf(ps))
	}
	// Norland and Ostrava have degree 8 (the largest): factor 1+rivalryBoost. Rask and Sute
	// have degree 2 of 8: factor 1+rivalryBoost/16.
	want := (1 + rivalryBoost) / (1 + rivalryBoost/16)
	if r := ps[central-1].Score / ps[local-1].Score; r < want-0.01 || r > want+0.01 {
		t.Errorf("score ratio %.3f, want %.3f", r, want)
	}
}

// TestParadoxQuadPoolTriads: the four-actor search draws on the strongest unbalanced
// triads, not on the strongest paradoxes of any kind: many better-evidenced ambivalent
// dyads do not crowd out the triads a four-actor paradox is made of.
func TestParadoxQuadPoolTriads(t *testing.T) {
	// The interlocking four of TestParadoxQuad, one document each relation.
	ties := []faultline.ModelTie{
		tie("p", "x", "supports", 1, "", evd("d1", 0)),
		tie("p", "y", "supports", 1, "", evd("d2", 0)),
		tie("x", "y", "opposes", -1, "", evd("d3", 0)),
		tie("q", "x", "allied_with", 1, "", evd("d4", 0)),
		tie("q", "y", "opposes", -1, "", evd("d5", 0)),
		tie("q", "p", "opposes", -1, "", evd("d6", 0)),
	}
	// More ambivalent pairs than the pool holds, each reported both ways in three documents.
	for i := range quadPool + 5 {
		a, b := "a"+itoa(i), "b"+itoa(i)
		ties = append(ties,
			tie(a, b, "allied_with", 1, "", evd("f1", 100*i), evd("f2", 100*i), evd("f3", 100*i)),
			tie(a, b, "opposes", -1, "", evd("g1", 100*i), evd("g2", 100*i), evd("g3", 100*i)))
	}
	ps := Paradoxes(&faultline.Model{Ties: ties}, 0)
	if rankOf(ps, "p,q,x,y") == 0 {
		t.Fatalf("no four-actor paradox among %d paradoxes", len(ps))
	}
}

// TestParadoxQuadAllHostile: four actors interlocked through a triad of three mutual enemies
// (and one "friend of my friend is my enemy" triad) score half of four with the same
// evidence interlocked through two "friend of my friend" triads, as a triad of mutual
// enemies scores half of one.
func TestParadoxQuadAllHostile(t *testing.T) {
	var ties []faultline.ModelTie
	k4 := func(n [4]string, signs [6]int, doc string) {
		for i, pr := range quadPairs {
			typ := "allied_with"
			if signs[i] < 0 {
				typ = "opposes"
			}
			ties = append(ties, tie(n[pr[0]], n[pr[1]], typ, signs[i], "", evd(doc+itoa(i), 0)))
		}
	}
	// ab ac ad bc bd cd. Two friend-of-my-friend triads: a,b,c and a,b,d (ab is the odd one).
	k4([4]string{"a", "b", "c", "d"}, [6]int{1, 1, -1, -1, 1, -1}, "x")
	// Triad p,q,r of mutual enemies and the friend-of-my-friend triad p,r,s.
	k4([4]string{"p", "q", "r", "s"}, [6]int{-1, -1, 1, -1, -1, 1}, "y")
	ps := Paradoxes(&faultline.Model{Ties: ties}, 0)
	two, hostile := rankOf(ps, "a,b,c,d"), rankOf(ps, "p,q,r,s")
	if two == 0 || hostile == 0 {
		t.Fatalf("quads at %d and %d: %v", two, hostile, actorsOf(ps))
	}
	if r := ps[hostile-1].Score / ps[two-1].Score; r < allHostile-0.01 || r > allHostile+0.01 {
		t.Errorf("score ratio %.3f, want %.2f", r, allHostile)
	}
}
