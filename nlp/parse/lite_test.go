package parse

import (
	"errors"
	"math/rand"
	"path/filepath"
	"slices"
	"testing"

	"github.com/faultline/faultline/nlp/conllu"
	"github.com/faultline/faultline/nlp/tokenize"
)

// TestLite checks that the direct feature set 7 functions (lite.go) append the keys of the
// generic ones, filtered, in every state of random transition sequences over test sentences.
func TestLite(t *testing.T) {
	sents := [][3][]string{
		{{"Rebels", "seized", "two", "crossings", "on", "Tuesday", "."},
			{"NNS", "VBD", "CD", "NNS", "IN", "NNP", "."},
			{"NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"}},
		{{"The", "army", ",", "which", "had", "withdrawn", "from", "the", "northern", "town", "on",
			"Monday", ",", "said", "it", "would", "return", "within", "a", "week", "."},
			{"DT", "NN", ",", "WDT", "VBD", "VBN", "IN", "DT", "JJ", "NN", "IN", "NNP", ",", "VBD",
				"PRP", "MD", "VB", "IN", "DT", "NN", "."},
			nil},
		{{"Talks"}, {"NNS"}, {"NOUN"}},
	}
	classes := map[uint64]uint64{}
	rng := rand.New(rand.NewSource(1))
	for run := 0; run < 200; run++ {
		sn := sents[run%len(sents)]
		for k, w := range sn[0] {
			if k%2 == 0 {
				classes[hashBytes(1, asciiLower(nil, w))] = uint64(k + 11)
			}
		}
		var st, gen state
		suf, _ := prepare(&st, nil, nil, sn[0], sn[1], sn[2], classes, 7)
		prepare(&gen, nil, nil, sn[0], sn[1], sn[2], classes, 7)
		for step := 0; !st.done(); step++ {
			want := gen.bufferFeatures(nil, suf)
			if got := st.buffer7(nil, suf); !slices.Equal(got, want) {
				t.Fatalf("run %d step %d: buffer7 %x, want %x", run, step, got, want)
			}
			if got, want := st.n0Tree7(nil), gen.n0TreeFeatures(nil); !slices.Equal(got, want) {
				t.Fatalf("run %d step %d: n0Tree7 %x, want %x", run, step, got, want)
			}
			if got, want := st.fixed7(nil, st.top()), gen.s0FixedFeatures(nil, gen.top()); !slices.Equal(got, want) {
				t.Fatalf("run %d step %d: fixed7 %x, want %x", run, step, got, want)
			}
			if s0 := st.top(); s0 != none {
				if got, want := st.right7(nil, s0), gen.s0RightFeatures(nil, s0); !slices.Equal(got, want) {
					t.Fatalf("run %d step %d: right7 %x, want %x", run, step, got, want)
				}
				var pre [restPrefixes]uint64
				st.restPrefixes7(&pre, s0)
				want := gen.restFeatures(nil, suf)
				if got := st.rest7(nil, s0, &pre); !slices.Equal(got, want) {
					t.Fatalf("run %d step %d: rest7 %x, want %x", run, step, got, want)
				}
			}
			c := st.forced()
			for c < 0 {
				if x := rng.Intn(6); st.valid(x) {
					c = x
				}
			}
			st.apply(c)
			gen.apply(c)
		}
	}
}

// TestLiteDev checks that the lite parser's cached parse (with the direct feature set 7
// functions) gives the heads and relations of its uncached parse (generic features) on EWT dev.
func TestLiteDev(t *testing.T) {
	tg, _ := load(t)
	p, err := LoadLite()
	if errors.Is(err, ErrNoModel) {
		t.Skip("no embedded lite parse model")
	}
	if err != nil {
		t.Fatal(err)
	}
	sents, err := conllu.ReadFile(filepath.Join(sharedDir(t), "corpora", "ud-en-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Skip("EWT dev not readable: ", err)
	}
	if testing.Short() {
		sents = sents[:300]
	}
	s := p.get()
	for k, sn := range sents {
		var words []string
		for _, w := range sn.Words {
			words = append(words, tokenize.Normalize(w.Form))
		}
		u, x := tg.Tag(words)
		p.parse(s, words, x, u)
		heads, rels := slices.Clone(s.heads), slices.Clone(s.rels)
		p.parseUncached(s, words, x, u)
		if !slices.Equal(heads, s.heads) || !slices.Equal(rels, s.rels) {
			t.Fatalf("sentence %d: cached parse %v %v, uncached %v %v", k, heads, rels, s.heads, s.rels)
		}
	}
}
