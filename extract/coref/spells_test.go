package coref

import (
	"strings"
	"testing"
	"unicode"

	"github.com/faultline/faultline/lexicon/actors"
)

// spellsInRef is spellsIn before its first-letter prefilter.
func spellsInRef(text string, r [2]int, acr string) ([2]int, bool) {
	ws := strings.Fields(text[r[0]:r[1]])
	if len(ws) > 14 {
		return [2]int{}, false
	}
	offs := make([]int, len(ws))
	pos := r[0]
	for i, w := range ws {
		k := strings.Index(text[pos:], w)
		offs[i] = pos + k
		pos = offs[i] + len(w)
	}
	a := strings.ToLower(strings.ReplaceAll(acr, ".", ""))
	for i := range ws {
		if !startsUpper(ws[i]) || unicode.ToLower(rune(ws[i][0])) != rune(a[0]) {
			continue
		}
		for j := len(ws); j > i+1; j-- {
			if !startsUpper(ws[j-1]) && !strings.HasPrefix(ws[j-1], "al-") {
				continue
			}
			end := offs[j-1] + len(strings.TrimRight(ws[j-1], ".,’'"))
			name := text[offs[i]:end]
			for _, in := range actors.Initials(name) {
				if in == a {
					return [2]int{offs[i], end}, true
				}
			}
		}
	}
	return [2]int{}, false
}

// FuzzSpellsIn checks spellsIn against spellsInRef on every capital run of the text, for
// the acronym given and for the acronyms the text uses.
func FuzzSpellsIn(f *testing.F) {
	for _, s := range []string{
		"The Islamic Supreme Council of Iraq (ISCI) met. ISCI and the National Front of Kell said NFK.",
		"the Kurdistan Democratic Party and KDP; K.D.P. of Erbil; Ünited Nations Council UNC",
		"\u212aelvin Union Front KUF and İslamic Army İA",
	} {
		f.Add(s, "ISCI")
	}
	f.Add("Leaders of the Kurdistan Democratic Party met.", "KDP") // no lower-case k in the run
	f.Fuzz(func(t *testing.T, text, acr string) {
		acrs := []string{acr}
		for _, m := range acrUses(text) {
			acrs = append(acrs, text[m.acr0:m.acr1])
		}
		for _, a := range acrs {
			if strings.ReplaceAll(a, ".", "") == "" {
				continue // (both index an empty acronym)
			}
			for _, r := range capitalRuns(text) {
				sp, ok := spellsIn(text, r, a)
				wsp, wok := spellsInRef(text, r, a)
				if sp != wsp || ok != wok {
					t.Fatalf("spellsIn(%q, %v, %q) = %v, %v; want %v, %v", text, r, a, sp, ok, wsp, wok)
				}
			}
		}
	})
}
