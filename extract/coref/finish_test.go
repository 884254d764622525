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
