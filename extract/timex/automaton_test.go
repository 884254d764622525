package timex

import (
	"slices"
	"strings"
	"testing"
)

// automatonTexts are invented sentences with timexes of every rule, tried at every offset.
var automatonTexts = []string{
	"On March 3, 2006 and 4th of April, 2007, then 2006-11-02; early February 2005 and May 12.",
	"The 12 May talks, last June, in late October, since mid-2004, 1980-88 and 1990–1995, the 1990s, 1970's.",
	"Earlier this month and the previous week, late last summer, in the spring, mid-winter of 2003.",
	"Three weeks ago, a few days later, a couple of months before the fall of the city, yesterday, Tonight, TOMORROW.",
	"on Saturday and last Tuesday, next Friday; by early autumn, 2007 people; $2006; 2,006; 2006%.",
	"in January, Jan. 5, Sept. 11, 2001, the end of 2008, the beginning of March 2009, from the middle of June",
}

// TestAutomata checks that no automaton rules out a match of its rule at any offset of
// automatonTexts.
func TestAutomata(t *testing.T) {
	n := 0
	for _, text := range automatonTexts {
		for i := 0; i < len(text); i++ {
			n += checkAutomata(t, text[i:min(i+64, len(text))])
		}
	}
	if n < 40 {
		t.Errorf("%d matches over the texts, want 40 or more", n)
	}
}

// checkAutomata checks the rules' matches at the start of chunk and returns their number.
func checkAutomata(t *testing.T, chunk string) (n int) {
	t.Helper()
	autos := automata()
	for k, r := range rules {
		if !r.re.MatchString(chunk) {
			continue
		}
		n++
		if autos[k] == nil {
			t.Fatalf("rule %d has no automaton", k)
		}
		if autos[k].none(chunk) {
			t.Errorf("rule %d matches %q, but its automaton rules it out", k, chunk)
		}
	}
	return n
}

// FuzzAutomata checks the same on any text.
func FuzzAutomata(f *testing.F) {
	for _, s := range automatonTexts {
		f.Add(s)
	}
	// runes outside ASCII that fold to ASCII letters under (?i): the regexp decides there
	f.Add("la\u017ft \u017fummer, \u212aalends 2006, Three wee\u212a\u017f ago, \u0130n March")
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s) && i < 64; i++ {
			checkAutomata(t, s[i:])
		}
		checkAutomata(t, strings.ToUpper(s))
	})
}

// startsRef is starts as it was first written (every word start kept, strings.ToLower).
func startsRef(text string) []int {
	isAlnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	var words, out []int
	last := -1
	for i := 0; i < len(text); {
		if !isAlnum(text[i]) {
			i++
			continue
		}
		j := i
		digit := false
		for j < len(text) && isAlnum(text[j]) {
			digit = digit || text[j] >= '0' && text[j] <= '9'
			j++
		}
		words = append(words, i)
		if digit || (j-i <= 9 && anchorWords[strings.ToLower(text[i:j])]) {
			for _, w := range words[max(len(words)-5, 0):] {
				if w > last {
					out = append(out, w)
					last = w
				}
			}
		}
		i = j
	}
	return out
}

// FuzzStarts checks starts against startsRef.
func FuzzStarts(f *testing.F) {
	for _, s := range automatonTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := starts(s), startsRef(s); !slices.Equal(got, want) {
			t.Errorf("starts(%q) = %v, want %v", s, got, want)
		}
	})
}
