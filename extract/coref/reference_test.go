package coref

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

// The span index, groupFacts, candClasses and the per-pass tables made coreference
// near-linear in the size of a document; these tests pin them to the passes and queries
// they replace (ref_test.go, the code of 50633e3), which scan every entity per query.

// refResolveText is Resolver.Resolve with the reference passes.
func refResolveText(r *Resolver, text string, ents []faultline.Entity, sents []faultline.Span) []faultline.Entity {
	d := newDoc(text, ents, sents)
	d.refResolve(r)
	return d.finish()
}

var (
	capWord = regexp.MustCompile(`\b[A-Z][a-z]+\b`)
	theWord = regexp.MustCompile(`\b[Tt]he (?:[a-z]+ )?[a-z]+\b`)
	// ownedName is a name with its owner: "Saddam’s regime", "the Assad government",
	// "followers of Moqtada al-Sadr".
	ownedName = regexp.MustCompile(`\b(?:[Tt]he )?[A-Z][a-z]+(?:’s|'s)? [a-z]+\b|\b[Ff]ollowers of [A-Z][a-z]+(?: al-[A-Z][a-z]+)?`)
)

// genEntities returns entities for text as a recogniser and fact references might give
// them: runs of capitalised words (some missed, cut short, or split into their words),
// single capitalised words, pronouns and descriptions ("the cleric") as untyped or person
// mentions, and some overlapping spans, of random types.
func genEntities(text string, rng *rand.Rand) []faultline.Entity {
	types := []string{faultline.PERSON, faultline.PERSON, faultline.ORG, faultline.ORG, faultline.GPE, faultline.NORP, faultline.LOC, ""}
	typ := func() string { return types[rng.IntN(len(types))] }
	var ents []faultline.Entity
	span := func(s, t int, typ string) {
		ents = append(ents, faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: typ})
	}
	for _, r := range capitalRuns(text) {
		s, t := r[0], r[1]
		switch rng.IntN(8) {
		case 0:
			continue // missed
		case 1: // cut after its first word, or before its last
			if k := strings.IndexByte(text[s:t], ' '); k > 0 {
				t = s + k
			}
		case 2:
			if k := strings.LastIndexByte(text[s:t], ' '); k > 0 {
				t = s + k
			}
		case 3: // split into words
			tp := typ()
			for off := s; off < t; {
				k := strings.IndexByte(text[off:t], ' ')
				if k < 0 {
					k = t - off
				}
				if k > 0 {
					span(off, off+k, tp)
				}
				off += k + 1
			}
			continue
		case 4: // and a mention of its first word too (overlapping)
			if k := strings.IndexByte(text[s:t], ' '); k > 0 {
				span(s, s+k, typ())
			}
		}
		span(s, t, typ())
	}
	for _, m := range ownedName.FindAllStringIndex(text, -1) {
		if rng.IntN(3) == 0 {
			span(m[0], m[1], []string{faultline.ORG, faultline.NORP}[rng.IntN(2)])
		}
	}
	for _, m := range capWord.FindAllStringIndex(text, -1) {
		if rng.IntN(4) == 0 {
			span(m[0], m[1], typ())
		}
	}
	for _, m := range pronounSpans(text) {
		if rng.IntN(5) == 0 {
			span(m[0], m[1], []string{"", faultline.PERSON, faultline.ORG}[rng.IntN(3)])
		}
	}
	for _, m := range theWord.FindAllStringIndex(text, -1) {
		if rng.IntN(6) == 0 {
			span(m[0], m[1], []string{"", faultline.PERSON}[rng.IntN(2)])
		}
	}
	rng.Shuffle(len(ents), func(i, j int) { ents[i], ents[j] = ents[j], ents[i] })
	return ents
}

// checkReference resolves text with ents with the package's passes and the reference
// ones, and again from the first result (as package resolve does, fact references adding
// untyped mentions), and fails unless the results are equal.
func checkReference(t *testing.T, name, text string, ents []faultline.Entity, rng *rand.Rand) {
	t.Helper()
	// wholeWords searches a short text, and finds names in a long one through its index
	// of capitalised words: both ways, whatever the size.
	defer func(n int) { capWordsMin = n }(capWordsMin)
	for k, r := range []*Resolver{New(), {Nominals: true, Pronouns: true}, New()} {
		capWordsMin = []int{1 << 16, 1 << 16, 0}[k]
		got := r.Resolve(text, slices.Clone(ents), nil)
		want := refResolveText(r, text, slices.Clone(ents), nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: resolve differs from the reference:\n%s", name, firstDiff(got, want))
		}
		// Resolved again with fact references the first pass had not seen.
		again := slices.Clone(got)
		for _, e := range genEntities(text, rng) {
			if rng.IntN(4) == 0 {
				e.Type = ""
				again = append(again, e)
			}
		}
		got = r.Resolve(text, slices.Clone(again), nil)
		want = refResolveText(r, text, slices.Clone(again), nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s, again: resolve differs from the reference:\n%s", name, firstDiff(got, want))
		}
	}
}

func firstDiff(got, want []faultline.Entity) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("entity %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	return fmt.Sprintf("%d entities, want %d", len(got), len(want))
}

// demoTexts returns the articles of the demo corpus.
func demoTexts(t testing.TB) []string {
	files, err := filepath.Glob("../../demo/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Skip("no demo corpus")
	}
	slices.Sort(files)
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestReference compares the passes with the reference on every demo article and on
// documents of several articles, some repeated (a long document names its actors again
// and again), with generated entities.
func TestReference(t *testing.T) {
	texts := demoTexts(t)
	for i, text := range texts {
		rng := rand.New(rand.NewPCG(uint64(i), 1))
		checkReference(t, fmt.Sprintf("article %d", i), text, genEntities(text, rng), rng)
	}
	n := 12
	if testing.Short() {
		n = 3
	}
	for k := range n {
		rng := rand.New(rand.NewPCG(uint64(k), 2))
		var parts []string
		for range 2 + rng.IntN(4) {
			parts = append(parts, texts[rng.IntN(len(texts))])
		}
		parts = append(parts, parts[:1+rng.IntN(len(parts))]...) // some again
		text := strings.Join(parts, "\n\n")
		checkReference(t, fmt.Sprintf("document %d", k), text, genEntities(text, rng), rng)
	}
}

// FuzzReference compares the passes with the reference on any text.
func FuzzReference(f *testing.F) {
	f.Add("Moqtada al-Sadr, the radical cleric, spoke. He left. The cleric met Sadr and the Badr Corps (BC). Badr and JAM. Mrs Ann Lee said she met Lee. His Sadr’s movement.", uint64(1))
	f.Add("The Islamic Supreme Council of Iraq (ISCI), formerly known as the Supreme Council for the Islamic Revolution in Iraq, or SCIRI, met. He left. ISCI and Islamic Supreme Council.", uint64(2))
	f.Add("(((ISCI))) , or ZZ the The the A. B. C. George W. Bush and George Bush. Bush administration. Bush said he would.", uint64(3))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		if len(text) > 4000 {
			return
		}
		rng := rand.New(rand.NewPCG(seed, 3))
		checkReference(t, "fuzz", text, genEntities(text, rng), rng)
	})
}

// TestSpanIndex checks the span index's queries against scans of every entity while
// entities are added, moved, dropped, swallowed (inside) and compacted.
func TestSpanIndex(t *testing.T) {
	for seed := range 300 {
		rng := rand.New(rand.NewPCG(uint64(seed), 4))
		n := 1 + rng.IntN(400)
		text := strings.Repeat("x", n)
		randSpan := func() (int, int) {
			s := rng.IntN(n + 1)
			return s, s + rng.IntN(min(n-s, 1+rng.IntN(80))+1)
		}
		var ents []faultline.Entity
		for range rng.IntN(40) {
			s, e := randSpan()
			ents = append(ents, faultline.Entity{Span: faultline.Span{Start: s, End: e}})
		}
		d, r := newDoc(text, ents, nil), newDoc(text, ents, nil) // r: the reference, scanned
		for op := range 200 {
			switch k := rng.IntN(20); {
			case k < 6 && len(d.ents) < 300:
				s, e := randSpan()
				d.add(faultline.Entity{Span: faultline.Span{Start: s, End: e}}, -1)
				r.add(faultline.Entity{Span: faultline.Span{Start: s, End: e}}, -1)
			case k < 9 && len(d.ents) > 0:
				i := rng.IntN(len(d.ents))
				s, e := randSpan()
				if rng.IntN(3) == 0 {
					s, e = -1, -1
				}
				d.setSpan(i, s, e)
				r.ents[i].Start, r.ents[i].End = s, e
			case k < 13:
				s, e := randSpan()
				if got, want := d.inside(s, e), r.refInside(s, e); got != want {
					t.Fatalf("seed %d op %d: inside(%d, %d) = %d, want %d", seed, op, s, e, got, want)
				}
			case k == 13:
				if got, want := d.compact(), r.compact(); !slices.Equal(got, want) {
					t.Fatalf("seed %d op %d: compact %v, want %v", seed, op, got, want)
				}
			}
			if !reflect.DeepEqual(d.ents, r.ents) {
				t.Fatalf("seed %d op %d: entities differ", seed, op)
			}
			for range 10 {
				s, e := randSpan()
				if rng.IntN(8) == 0 {
					s, e = e, s // (an empty or reversed query)
				}
				if got, want := d.covered(s, e), r.refCovered(s, e); got != want {
					t.Fatalf("seed %d op %d: covered(%d, %d) = %v, want %v", seed, op, s, e, got, want)
				}
				if got, want := d.within(s, e), r.refWithin(s, e); got != want {
					t.Fatalf("seed %d op %d: within(%d, %d) = %v, want %v", seed, op, s, e, got, want)
				}
				if len(r.ents) > 0 && rng.IntN(2) == 0 {
					x := r.ents[rng.IntN(len(r.ents))]
					if x.Start >= 0 {
						s, e = x.Start, x.End
					}
				}
				if got, want := d.at(s, e), r.refAt(s, e); got != want {
					t.Fatalf("seed %d op %d: at(%d, %d) = %d, want %d", seed, op, s, e, got, want)
				}
				var want []int
				for i, x := range r.ents {
					if x.Start < e && s < x.End {
						want = append(want, i)
					}
				}
				if got := d.overlapping(nil, s, e); !slices.Equal(got, want) {
					t.Fatalf("seed %d op %d: overlapping(%d, %d) = %v, want %v", seed, op, s, e, got, want)
				}
			}
		}
	}
}

// craftedTexts are documents that ask what the demo articles rarely do: owners named in
// organisations' names, organisations named after people, one-word organisation cores,
// many people of one surname or first name (candClasses' table), female titles, described
// and pronoun mentions already present.
func craftedTexts() []string {
	base := []string{
		"Saddam’s regime fell. Saddam fled. Saddam Hussein was caught. The Assad government and Assad spoke. Bashar al-Assad left. " +
			"Followers of Moqtada al-Sadr marched. Sadr’s movement grew; Sadr said he would stay. The Badr Corps and the Badr militia met. Badr left. " +
			"Bush administration officials said Bush would go. George W. Bush and George Bush spoke; Laura Bush said she agreed. " +
			"Mrs Blair and Tony Blair arrived; Blair said he would not. Mr Blair left. Ms Ann Lee, the Iraqi foreign minister, spoke. She left. The minister said no.",
		"The Islamic Supreme Council of Iraq (ISCI), formerly known as the Supreme Council for the Islamic Revolution in Iraq, or SCIRI, met. " +
			"ISCI and the Islamic Supreme Council of Iraq. Jaish al-Mahdi (JAM) fought; JAM and the Mahdi Army. The cleric said he would. " +
			"Sheikh Karim met Karim Haddad. Karim left. The Sahwa (“Awakening”) grew. Nouri al-Maliki, the Iraqi prime minister, said the premier would go. His office said he agreed.",
	}
	var b strings.Builder
	for k := range 150 {
		x, y := 'a'+k/26, 'a'+k%26
		fmt.Fprintf(&b, "Amir%c%c Hassan met Ali Haddad%c%c. Hassan said he left. Ali said he would. ", x, y, x, y)
		fmt.Fprintf(&b, "The Front%c Corps and the Front%c Brigade met. Front%c left. ", 'a'+k%5, 'a'+k%3, 'a'+k%5)
	}
	return append(base, strings.Join(base, " "), b.String(), strings.Repeat(base[0]+" "+base[1]+" ", 3)+b.String())
}

// TestReferenceCrafted compares the passes with the reference on craftedTexts, with many
// draws of entities each.
func TestReferenceCrafted(t *testing.T) {
	n := 40
	if testing.Short() {
		n = 8
	}
	for i, text := range craftedTexts() {
		draws := n
		if len(text) > 5000 {
			draws = max(n/5, 2) // (the long ones ask the same questions more often)
		}
		for k := range draws {
			rng := rand.New(rand.NewPCG(uint64(i), uint64(k)))
			checkReference(t, fmt.Sprintf("crafted %d draw %d", i, k), text, genEntities(text, rng), rng)
		}
	}
}

// FuzzWholeWords checks wholeWords through the index of capitalised words against its
// search of the text.
func FuzzWholeWords(f *testing.F) {
	f.Add("Ab Ab Ab, Sadr and al-Sadr; Sadr’s men. SadrX Sadr", "Ab Ab")
	f.Add("ISCI (ISCI) ISCIs xISCI ISCI", "ISCI")
	f.Add("Émile Zola met Émile. ÉmileÉ", "Émile")
	f.Add("U.S. and U.S.A. U.S", "U.S.")
	f.Add("Abab Ababab Abab", "Abab")
	f.Add("\xc3Sadr \xe2\x80Sadr Sadr\xc3", "Sadr")
	f.Fuzz(func(t *testing.T, text, name string) {
		if name == "" {
			return
		}
		collect := func(min int) [][2]int {
			defer func(n int) { capWordsMin = n }(capWordsMin)
			capWordsMin = min
			d := &doc{text: text}
			var out [][2]int
			d.wholeWords(name, func(s, t int) { out = append(out, [2]int{s, t}) })
			return out
		}
		if got, want := collect(0), collect(math.MaxInt); !slices.Equal(got, want) {
			t.Fatalf("wholeWords(%q) in %q: index %v, search %v", name, text, got, want)
		}
	})
}
