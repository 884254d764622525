package actors

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// initialsRef is Initials before its ASCII path (initialsASCII): the reference it must match.
func initialsRef(name string) []string {
	ws := Words(name)
	if len(ws) < 2 {
		return nil
	}
	var with, without strings.Builder
	for _, w := range ws {
		if skipInitial[w] {
			continue
		}
		r := []rune(w)
		with.WriteRune(r[0])
		if !particles[w] {
			without.WriteRune(r[0])
		}
	}
	var out []string
	if with.Len() >= 2 {
		out = append(out, with.String())
	}
	if without.Len() >= 2 && without.String() != with.String() {
		out = append(out, without.String())
	}
	return out
}

var initialsNames = []string{
	"Islamic Supreme Council of Iraq", "Jaish al-Mahdi", "Jaish Al Mahdi", "The Army of the Men of the Naqshbandi Order",
	"United Nations", "U.S. Army", "George H.W. Bush", "Iraq's Army", "Mahdi Army's", "Ünited Nations", "A B",
	"a", "", " ", "Al El", "al-al", "OF THE", "Banque de France", "Group 7 Front", "x-y z", "Abu Musab al-Zarqawi",
	"Popular Mobilisation Forces (PMF)", "Kurdistan Democratic Party/KDP", "Fatah & Hamas", "one\ttwo\nthree",
	strings.Repeat("Ab ", 31) + "C", strings.Repeat("Ab ", 32) + "C", strings.Repeat("Ab ", 40),
}

// checkInitials fails unless Initials(name) equals initialsRef(name).
func checkInitials(t *testing.T, name string) {
	t.Helper()
	if got, want := Initials(name), initialsRef(name); !slices.Equal(got, want) || (got == nil) != (want == nil) {
		t.Fatalf("Initials(%q) = %q, want %q", name, got, want)
	}
}

// TestInitialsRef compares Initials with initialsRef on crafted names and on names made of
// random words: capitalised, lower-case, function words and particles in any case, digits,
// and separators that break words or do not.
func TestInitialsRef(t *testing.T) {
	for _, name := range initialsNames {
		checkInitials(t, name)
	}
	words := []string{"of", "Of", "OF", "the", "The", "and", "a", "A", "de", "De", "al", "Al", "AL", "el", "ul", "Ul",
		"on", "to", "in", "for", "For", "Iraq", "army", "X", "7", "22nd", "Sadr", "abc", "Abcd", "al-", "U.S.", "Iraq's", "É"}
	seps := []string{" ", " ", " ", "-", "  ", "/", ", ", "\t", "&", ":", ".", "'", "’", "(", "_", "!", "\u2013"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for k := range rng.IntN(8) {
			if k > 0 || rng.IntN(4) == 0 {
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		checkInitials(t, b.String())
	}
}

// FuzzInitialsRef compares them on any name.
func FuzzInitialsRef(f *testing.F) {
	for _, s := range initialsNames {
		f.Add(s)
	}
	f.Fuzz(checkInitials)
}
