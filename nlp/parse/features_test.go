package parse

import (
	"math/bits"
	"testing"
)

// TestFeatureSets checks that feature set 2 is set 0 without exactly its dropped templates,
// in every state of a short parse, and that the template lists name each template of the
// groups once.
func TestFeatureSets(t *testing.T) {
	seen := map[uint64]bool{}
	for _, ts := range [][]uint64{bufferTemplates, s0Templates, s1Templates, s0FixedTemplates,
		s0RightTemplates, n0TreeTemplates, restTemplates, restClassTemplates} {
		for _, x := range ts {
			if seen[x] {
				t.Errorf("template %d listed twice", x)
			}
			seen[x] = true
		}
	}
	ndrop := bits.OnesCount64(drop2[0]) + bits.OnesCount64(drop2[1])
	for x := uint64(0); x < 128; x++ {
		if drop2[x>>6]>>(x&63)&1 == 1 && !seen[x] {
			t.Errorf("set 2 drops template %d, which no group has", x)
		}
		if drop3[x>>6]>>(x&63)&1 == 1 && !seen[x] {
			t.Errorf("set 3 drops template %d, which no group has", x)
		}
		if drop2[x>>6]>>(x&63)&1 == 1 && drop3[x>>6]>>(x&63)&1 == 0 {
			t.Errorf("set 3 keeps template %d, which set 2 drops", x)
		}
		if drop3[x>>6]>>(x&63)&1 == 1 && drop4[x>>6]>>(x&63)&1 == 0 {
			t.Errorf("set 4 keeps template %d, which set 3 drops", x)
		}
		if drop5[x>>6]>>(x&63)&1 == 1 && drop4[x>>6]>>(x&63)&1 == 0 {
			t.Errorf("set 5 drops template %d, which set 4 keeps", x)
		}
		if drop2[x>>6]>>(x&63)&1 == 1 && drop5[x>>6]>>(x&63)&1 == 0 {
			t.Errorf("set 5 keeps template %d, which set 2 drops", x)
		}
	}
	words := []string{"Rebels", "seized", "two", "crossings", "on", "Tuesday", "."}
	tags := []string{"NNS", "VBD", "CD", "NNS", "IN", "NNP", "."}
	utags := []string{"NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"}
	var s0, s2, all state
	var suf []uint64
	var buf []byte
	suf, buf = prepare(&s0, suf, buf, words, tags, utags, nil, 0)
	suf2, _ := prepare(&s2, nil, buf, words, tags, utags, nil, 2)
	prepare(&all, nil, nil, words, tags, utags, nil, 0)
	all.drop = &[2]uint64{} // filters, keeping everything
	// shift, right-arc, shift, left-arc, right-arc, right-arc, reduce, right-arc, ...
	moves := []int{shift, 3, shift, 2, 3, 3, reduce, 3, 3, reduce, reduce, reduce, 2}
	for step := 0; !s0.done(); step++ {
		f0 := s0.features(nil, suf)
		f2 := s2.features(nil, suf2)
		fa := all.features(nil, suf)
		if len(fa) != len(f0) {
			t.Fatalf("step %d: %d features with an empty drop mask, want %d", step, len(fa), len(f0))
		}
		if len(f0)-len(f2) != ndrop {
			t.Fatalf("step %d: set 0 has %d features, set 2 %d, want %d fewer", step, len(f0), len(f2), ndrop)
		}
		in0 := map[uint64]bool{}
		for _, f := range f0 {
			in0[f] = true
		}
		for _, f := range f2 {
			if !in0[f] {
				t.Fatalf("step %d: set 2 feature %x not in set 0", step, f)
			}
		}
		c := shift
		if step < len(moves) && s0.valid(moves[step]) {
			c = moves[step]
		} else if c = s0.forced(); c < 0 {
			for c = 0; !s0.valid(c); c++ {
			}
		}
		s0.apply(c)
		s2.apply(c)
		all.apply(c)
	}
}

// TestCoarseRel checks the coarse relations of feature sets 3 to 5: the relations and subtypes
// the event extractor tells apart stay apart, the rest become dep.
func TestCoarseRel(t *testing.T) {
	for _, c := range []struct{ rel, want string }{
		{"nsubj", "nsubj"}, {"nsubj:pass", "nsubj:pass"}, {"nsubj:outer", "nsubj"},
		{"obj", "obj"}, {"iobj", "iobj"}, {"obl", "obl"}, {"obl:tmod", "obl"},
		{"obl:agent", "obl:agent"}, {"nmod", "nmod"}, {"nmod:poss", "nmod:poss"},
		{"nmod:tmod", "nmod"}, {"compound", "compound"}, {"compound:prt", "compound"},
		{"flat", "flat"}, {"flat:foreign", "flat"}, {"appos", "appos"}, {"amod", "amod"},
		{"conj", "conj"}, {"case", "case"}, {"xcomp", "xcomp"}, {"acl", "acl"},
		{"acl:relcl", "acl:relcl"}, {"root", "root"}, {"punct", "punct"},
		{"det", "dep"}, {"aux:pass", "dep"}, {"csubj", "dep"}, {"advmod", "dep"}, {"dep", "dep"},
	} {
		if got := coarseRel(c.rel); got != c.want {
			t.Errorf("coarseRel(%q) = %q, want %q", c.rel, got, c.want)
		}
	}
}
