package coref

import (
	"testing"

	"github.com/faultline/faultline/lexicon/actors"
)

// TestGroupID checks groupID (kept per process for groups of one text and type) against
// the id finish computed before: actors.Slug(Canonical(texts, majority(types))).
func TestGroupID(t *testing.T) {
	groups := [][2][]string{
		{{"General Tomas Varn"}, {"PERSON"}},
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
			if got := groupID(g[0], g[1]); got != want {
				t.Errorf("groupID(%q, %q) = %q, want %q", g[0], g[1], got, want)
			}
		}
	}
}
