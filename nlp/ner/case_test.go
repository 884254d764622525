package ner

import (
	"strings"
	"testing"
	"unicode"
)

// sentKindRef is repairCase's classification of a sentence as it was before sentKind (the
// code sentKind replaces: every word rune by rune).
func sentKindRef(words []string) int {
	letters, upper, words0, capd := 0, 0, 0, 0
	for _, w := range words {
		hasLetter := false
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				hasLetter = true
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if hasLetter && len(w) > 3 {
			words0++
			if isCap(w) {
				capd++
			}
		}
	}
	switch {
	case letters >= 8 && upper*10 >= letters*9:
		return 2
	case words0 >= 3 && capd*10 >= words0*8:
		return 1
	}
	return 0
}

// FuzzSentKind checks sentKind against sentKindRef on sentences of any bytes (words split
// at spaces).
func FuzzSentKind(f *testing.F) {
	for _, s := range append(cacheTexts, "REBELS SEIZE BORDER TOWN", "Rebels Seize The Border Town", "ÉLAN VITAL ÇA VA",
		"Émile Zola Writes Again", "x\xffY\xc3 ABCDEFGH", "İSTANBUL ΑΘΗΝΑ", "ǅungla ǈudmila ǋas",
		"A000 A000 000A A000 A00a", "Aaaa Bbbb cccc Dddd Eeee Ffff Gggg Hhhh", "ABCD EFGH ijk LMNO PQRS TUVW XYZA BCDE FGHI") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		if got, want := sentKind(words), sentKindRef(words); got != want {
			t.Fatalf("sentKind(%q) = %d, the code it replaces %d", words, got, want)
		}
	})
}
