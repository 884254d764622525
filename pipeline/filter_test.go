package pipeline

import (
	"math/rand/v2"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/nlp"
)

// genOverlaps returns n entities (unsorted, some nested, overlapping, empty or reversed,
// as a fuzzed or hand-edited extraction may hold) over a text of size bytes.
func genOverlaps(r *rand.Rand, n, size int) []faultline.Entity {
	ents := make([]faultline.Entity, n)
	for i := range ents {
		s := r.IntN(size)
		e := s + r.IntN(40)
		switch r.IntN(20) {
		case 0:
			e = s + r.IntN(size) // a long one
		case 1:
			e = s - r.IntN(5) // empty or reversed
		}
		ents[i].Start, ents[i].End = s, e
	}
	return ents
}

// TestOverlapsCount: the index answers as the scan (mentions) for every sentence, with
// few entities (scanned) and many (indexed).
func TestOverlapsCount(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 10, indexFrom, indexFrom + 1, 3000} {
		for round := 0; round < 20; round++ {
			size := 1 + r.IntN(20000)
			ents := genOverlaps(r, n, size)
			o := overlaps{ents: ents}
			for q := 0; q < 300; q++ {
				s := r.IntN(size+50) - 25
				sn := nlp.Sentence{Start: s, End: s + r.IntN(300)}
				if got, want := o.count(sn), mentions(sn, ents); got != want {
					t.Fatalf("n=%d sentence %d-%d: count %d, mentions %d", n, sn.Start, sn.End, got, want)
				}
			}
		}
	}
}

// FuzzOverlapsCount compares the index with the scan on fuzzed entities and sentences.
func FuzzOverlapsCount(f *testing.F) {
	f.Add(uint64(1), uint16(300), uint16(5000), 10, 80)
	f.Add(uint64(7), uint16(2000), uint16(100), 50, 0)
	f.Fuzz(func(t *testing.T, seed uint64, n, size uint16, start, length int) {
		r := rand.New(rand.NewPCG(seed, 3))
		ents := genOverlaps(r, int(n), int(size)+1)
		o := overlaps{ents: ents}
		sn := nlp.Sentence{Start: start, End: start + length}
		if got, want := o.count(sn), mentions(sn, ents); got != want {
			t.Fatalf("sentence %d-%d: count %d, mentions %d", sn.Start, sn.End, got, want)
		}
	})
}
