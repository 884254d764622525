package network

import (
	"fmt"
	"math/rand/v2"

	"github.com/faultline/faultline"
)

// syntheticModel makes a model of random events and ties between actors in two camps.
func syntheticModel(docs, actors, events, ties int) *faultline.Model {
	rng := rand.New(rand.NewPCG(7, 7))
	m := &faultline.Model{}
	for i := 0; i < docs; i++ {
		d := faultline.DocumentRef{ID: fmt.Sprintf("d%05d", i), Date: fmt.Sprintf("%d-%02d-%02d", 2004+i%5, 1+i%12, 1+i%28), Source: fmt.Sprintf("s%d", i%40)}
		if i%10 == 9 {
			d.DuplicateOf = fmt.Sprintf("d%05d", i-1)
		}
		m.Documents = append(m.Documents, d)
	}
	for i := 0; i < actors; i++ {
		m.Actors = append(m.Actors, faultline.Actor{ID: fmt.Sprintf("a%04d", i), Canonical: fmt.Sprintf("Actor %d", i)})
	}
	pair := func() (int, int) {
		a := rng.IntN(actors)
		b := (a + 1 + rng.IntN(20)) % actors
		return a, b
	}
	sgn := func(a, b int) float64 {
		if (a%2 == b%2) != (rng.Float64() < 0.1) {
			return 1
		}
		return -1
	}
	for i := 0; i < events; i++ {
		a, b := pair()
		d := rng.IntN(docs)
		m.Events = append(m.Events, faultline.ModelEvent{Doc: m.Documents[d].ID, Source: m.Actors[a].ID, Target: m.Actors[b].ID,
			Type: "X", Goldstein: sgn(a, b) * float64(1+rng.IntN(10)), Modality: "asserted",
			Evidence: faultline.Evidence{Doc: m.Documents[d].ID, Start: i, End: i + 10}})
	}
	for i := 0; i < ties; i++ {
		a, b := pair()
		d := rng.IntN(docs)
		s := int(sgn(a, b))
		typ := "allied_with"
		if s < 0 {
			typ = "opposes"
		}
		m.Ties = append(m.Ties, faultline.ModelTie{A: m.Actors[a].ID, B: m.Actors[b].ID, Type: typ, Sign: s, Weight: 1,
			Evidence: []faultline.Evidence{{Doc: m.Documents[d].ID, Start: i, End: i + 10}}})
	}
	return m
}
