package coref

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/faultline/faultline/lexicon/actors"
)

// spellsIn is the query acronyms asked of every capital run once per acronym before
// spellIndex. It finds, inside the run r, the words whose initials spell acr, starting and
// ending with a capitalised word.
func spellsIn(text string, r [2]int, acr string) ([2]int, bool) {
	// A spelling opens with a word whose first byte lower-cases to the acronym's first
	// letter and that starts with an upper-case letter: for an ASCII letter, that byte is
	// the letter in upper case.
	if c := firstLetter(acr); 'a' <= c && c <= 'z' && strings.IndexByte(text[r[0]:r[1]], c-'a'+'A') < 0 {
		return [2]int{}, false
	}
	return spellsInRef(text, r, acr)
}

// firstLetter returns the first byte of strings.ToLower(strings.ReplaceAll(acr, ".", "")) when
// it is an ASCII letter (spellsIn's a[0]), else 0.
func firstLetter(acr string) byte {
	for i := 0; i < len(acr); i++ {
		switch c := acr[i]; {
		case c == '.':
			continue
		case 'a' <= c && c <= 'z':
			return c
		case 'A' <= c && c <= 'Z':
			return c - 'A' + 'a'
		default:
			return 0
		}
	}
	return 0
}

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

// spellTexts are texts for TestSpellIndex: acronyms spelt by one run, by several, twice
// in one run, by runs of more than 14 words, with initials with and without particles,
// and first letters outside ASCII.
var spellTexts = []string{
	"The Islamic Supreme Council of Iraq (ISCI) met. ISCI and the National Front of Kell said NFK.",
	"the Kurdistan Democratic Party and KDP; K.D.P. of Erbil; Ünited Nations Council UNC",
	"\u212aelvin Union Front KUF and İslamic Army İA",
	"Jaish al-Mahdi and JAM, Jaish Al Mahdi JM; Kurdish Democratic Party Kurdish Democratic Party KDP KDP.",
	"Iraqi National Congress Iraqi National Accord INA INC Independent National Army of Iraq Committee INC",
	"A B C D E F G H I J K L M N O P ABC; A B C D ABC, Army Brigade Corps ABC ÖBC Öl Bund Corps",
}

// checkSpellIndex compares spellIndex.spellings with spellsIn over every capital run, for
// the acronyms given, those the text uses and those of its capitalised words.
func checkSpellIndex(t *testing.T, text string, acrs ...string) {
	t.Helper()
	for _, m := range acrUses(text) {
		acrs = append(acrs, text[m.acr0:m.acr1])
	}
	for _, w := range strings.Fields(text) {
		if acronym(w) != "" {
			acrs = append(acrs, w)
		}
	}
	runs := capitalRuns(text)
	x := &spellIndex{text: text, runs: runs}
	for _, a := range acrs {
		if strings.ReplaceAll(a, ".", "") == "" {
			continue // (spellsIn indexes an empty acronym)
		}
		var want [][2]int
		for _, r := range runs {
			if sp, ok := spellsIn(text, r, a); ok {
				want = append(want, sp)
			}
		}
		if got := x.spellings(a); !slices.Equal(got, want) {
			t.Fatalf("text %q, acronym %q: spellings %v, want %v", text, a, got, want)
		}
	}
}

// TestSpellIndex checks spellIndex against spellsIn on crafted texts and the demo articles.
func TestSpellIndex(t *testing.T) {
	for _, text := range spellTexts {
		checkSpellIndex(t, text, "ISCI", "KDP", "JAM", "INC", "ABC")
	}
	for _, text := range demoTexts(t) {
		checkSpellIndex(t, text)
	}
}

// FuzzSpellIndex checks the same on any text.
func FuzzSpellIndex(f *testing.F) {
	for _, s := range spellTexts {
		f.Add(s, "ISCI")
	}
	f.Fuzz(func(t *testing.T, text, acr string) {
		checkSpellIndex(t, text, acr)
	})
}
