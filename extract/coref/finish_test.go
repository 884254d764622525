package coref

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/faultline/faultline/lexicon/actors"
)

// TestGroupID checks groupID (kept per process for groups of one text and type) against
// the id finish computed before: actors.Slug(Canonical(texts, majority(types))).
func TestGroupID(t *testing.T) {
	groups := [][2][]string{
		{{"General Tomas Varn"}, {"PERSON"}},
		{{"General Tomas Varn"}, {"ORG"}}, // (the text of the row before: the memo keeps the type too)
		{{"Varn", "Varn", "Varn"}, {"PERSON", "PERSON", "PERSON"}},
		{{"he", "he"}, {"PERSON", "PERSON"}},
		{{"the cleric", "the cleric"}, {"PERSON", "PERSON"}},
		{{"the Ministry's", "the Ministry's"}, {"ORG", "ORG"}},
		{{"Velika", "Velika"}, {"GPE", ""}},
		{{"", ""}, {"", ""}},
		{{"Northern Front", "NF", "Northern Front"}, {"ORG", "ORG", "ORG"}},
		{{"Supreme Council", "Supreme Council for Reform", "Supreme Council for Reform"}, {"ORG", "ORG", "ORG"}},
		{{"President Ana Kell", "Kell"}, {"PERSON", "PERSON"}},
	}
	for round := 0; round < 2; round++ { // the second round reads the memo
		for _, g := range groups {
			want := actors.Slug(Canonical(g[0], majority(g[1])))
			if got := groupID(g[0], g[1], parseName(g[0][0], g[1][0])); got != want {
				t.Errorf("groupID(%q, %q) = %q, want %q", g[0], g[1], got, want)
			}
		}
	}
}

// TestNameKeyKept checks the key parseName keeps against actors.Name.Key of the name parsed
// afresh.
func TestNameKeyKept(t *testing.T) {
	for _, s := range []string{"General Tomas Varn", "Varn", "the Northern Front", "NF", "", "al-Kell", "President Ana Kell's", "Velika"} {
		for _, typ := range []string{"PERSON", "ORG", "GPE", ""} {
			for round := 0; round < 2; round++ {
				if got, want := parseName(s, typ).Key(), actors.ParseName(s, typ).Key(); got != want {
					t.Errorf("parseName(%q, %q).Key() = %q, want %q", s, typ, got, want)
				}
			}
		}
	}
}

// FuzzUnionOrder checks what linkNames relies on when it unites its key groups in map
// order: the groups and their roots (each group's earliest mention) do not depend on the
// order of the unions.
func FuzzUnionOrder(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 1, 3, 5, 4}, int64(1))
	f.Add([]byte{0, 1, 1, 0}, int64(-77)) // the shuffle reverses the two unions
	f.Fuzz(func(t *testing.T, pairs []byte, seed int64) {
		const n = 16
		var ops [][2]int
		for k := 0; k+1 < len(pairs); k += 2 {
			ops = append(ops, [2]int{int(pairs[k]) % n, int(pairs[k+1]) % n})
		}
		run := func(order []int) []int {
			d := &doc{}
			for i := 0; i < n; i++ {
				d.par = append(d.par, i)
			}
			for _, k := range order {
				d.union(ops[k][0], ops[k][1])
			}
			roots := make([]int, n)
			for i := range roots {
				roots[i] = d.find(i)
			}
			return roots
		}
		order := make([]int, len(ops))
		for i := range order {
			order[i] = i
		}
		want := run(order)
		r := rand.New(rand.NewSource(seed))
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		if got := run(order); !slices.Equal(got, want) {
			t.Fatalf("roots %v after shuffled unions, want %v", got, want)
		}
	})
}
