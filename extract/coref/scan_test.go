package coref

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

// The regular expressions the scanners of scan.go replace.
var (
	acrUseRe = regexp.MustCompile(`\s*[(\[]\s*([A-Z][A-Z.]{1,8})\s*[)\]]|,\s+or\s+(?:the\s+)?([A-Z][A-Z.]{1,8})\b`)
	runRe    = regexp.MustCompile(`[A-Z][\p{L}'’.-]*(?:\s+(?:(?:of|the|for|in|and)\s+)*(?:al-)?[A-Z][\p{L}'’.-]*)+`)
)

var scanTexts = []string{
	"",
	"The Islamic Supreme Council of Iraq (ISCI), formerly the Supreme Council for the Islamic Revolution in Iraq, or SCIRI, met.",
	"Jaish al-Mahdi ( JAM ) and [BC] and (J.A.M.) and (ABCDEFGHIJ) and (ABCDEFGHI) and (A) (Ab) (AB",
	"x  \t(AB)(CD) \n [EF]",
	", or the ABC, or ABC.D, or U.S.ARMY, or ABCDEFGHIJK, or the abc, or theABC, or  the  XY_, or XY9",
	",or AB , orAB , or\tthe\nAB, or A.",
	"McDonald Corp and iPhone X, the Council of the People and the Bank for International Settlements",
	"Moqtada al-Sadr and al-Maliki, Abdel-Aziz al-Hakim; Ali’s Men O'Brien Ltd. St. Louis",
	"Union of in and Peace; Union of  Peace; Union ofPeace; Union and the of Peace Now",
	"Île de France Électricité Zürich Über Alles, Ωmega Group É Z",
	"A B C D\u00a0E F\fG H\vI",
	"Nouri al-Maliki's Dawa Party, Iraq\xffX Y\xc3(AB) \xe2\x80\x99s Z",
	"ABC-DEF Corp.-Ltd. 'X' Y the Z",
}

func TestAcrUses(t *testing.T) {
	for _, text := range scanTexts {
		checkAcrUses(t, text)
	}
}

func TestCapitalRuns(t *testing.T) {
	for _, text := range scanTexts {
		checkCapitalRuns(t, text)
	}
}

func FuzzAcrUses(f *testing.F) {
	for _, s := range scanTexts {
		f.Add(s)
	}
	f.Fuzz(checkAcrUses)
}

func FuzzCapitalRuns(f *testing.F) {
	for _, s := range scanTexts {
		f.Add(s)
	}
	f.Fuzz(checkCapitalRuns)
}

// checkAcrUses compares acrUses with the regular expression on text.
func checkAcrUses(t *testing.T, text string) {
	var want []acrMatch
	for _, m := range acrUseRe.FindAllStringSubmatchIndex(text, -1) {
		g0, g1 := m[2], m[3]
		if g0 < 0 {
			g0, g1 = m[4], m[5]
		}
		want = append(want, acrMatch{m[0], m[1], g0, g1})
	}
	if got := acrUses(text); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("acrUses(%q) = %v, want %v", text, got, want)
	}
}

// checkCapitalRuns compares capitalRuns with the regular expression on text.
func checkCapitalRuns(t *testing.T, text string) {
	var want [][2]int
	for _, m := range runRe.FindAllStringIndex(text, -1) {
		want = append(want, [2]int{m[0], m[1]})
	}
	if got := capitalRuns(text); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("capitalRuns(%q) = %v, want %v", text, got, want)
	}
}

// possessorAll is Possessor trying every regexp, as before its prefilter.
func possessorAll(name string) (Possession, bool) {
	var p Possession
	try := func(re *regexp.Regexp, nameGroup, nounGroup int) bool {
		m := re.FindStringSubmatchIndex(name)
		if m == nil {
			return false
		}
		c := actors.PossessedClass(name[m[2*nounGroup]:m[2*nounGroup+1]])
		if c == "" {
			return false
		}
		s, e := m[2*nameGroup], m[2*nameGroup+1]
		for _, w := range strings.Fields(name[s:e]) {
			lw := strings.ToLower(w)
			if actors.Demonym(lw) != "" || strings.HasSuffix(lw, "-led") || actors.PossessedClass(lw) != "" || notNameStart[lw] {
				return false
			}
		}
		p = Possession{Start: s, End: e, Class: c}
		return true
	}
	if try(possRe, 1, 2) || try(ofNameRe, 2, 1) {
		return p, true
	}
	if try(namedRe, 1, 2) {
		p.Bare = true
		return p, true
	}
	return p, false
}

var possessorNames = []string{
	"Saddam’s regime", "Saddam's men", "the Assad government", "followers of Moqtada al-Sadr",
	"Supporters of the Lasko Varn", "Varn's loyal followers", "The Varn\tgovernment", "Badr Corps",
	"the government", "Iraqi government", "Bush administration", "Maliki’s Dawa Party", "loyalists of al-Hakim",
	"regime", "", "the Varn government ", "Varn’s new regime\n", "the Office of Foreign Assets",
}

func TestPossessorPrefilter(t *testing.T) {
	for _, n := range possessorNames {
		p, ok := Possessor(n)
		q, okq := possessorAll(n)
		if p != q || ok != okq {
			t.Errorf("Possessor(%q) = %+v %v, want %+v %v", n, p, ok, q, okq)
		}
	}
}

func FuzzPossessorPrefilter(f *testing.F) {
	for _, n := range possessorNames {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n string) {
		p, ok := Possessor(n)
		q, okq := possessorAll(n)
		if p != q || ok != okq {
			t.Errorf("Possessor(%q) = %+v %v, want %+v %v", n, p, ok, q, okq)
		}
	})
}

var nominalTexts = []string{
	"", "the cleric said. The prime minister left; the  old  veteran cleric, the radical Shiite cleric spoke",
	"bathe the, other he the", "tThe cleric the-cleric the\tcleric _the cleric éthe cleric The\nwar minister",
	"the the the cleric the prime\nminister thehe", "The Mahdi", "he", "the x",
}

func TestNominalMatches(t *testing.T) {
	for _, text := range nominalTexts {
		checkNominalMatches(t, text)
	}
}

func FuzzNominalMatches(f *testing.F) {
	for _, s := range nominalTexts {
		f.Add(s)
	}
	f.Fuzz(checkNominalMatches)
}

// checkNominalMatches compares nominalMatches with the regular expression on text.
func checkNominalMatches(t *testing.T, text string) {
	want := nominalRe.FindAllStringSubmatchIndex(text, -1)
	if got := nominalMatches(text); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("nominalMatches(%q) = %v, want %v", text, got, want)
	}
}

// FuzzPrefilters checks that the cheap tests before the anchored regexps never reject
// what the regexp matches (followersOf, possAfter, appos).
func FuzzPrefilters(f *testing.F) {
	for _, s := range []string{"followers of the ", "Supporters of\t", "'s men", "’s loyal followers", ", the cleric,", "x",
		", a\tveteran Shiite cleric.", ",\f an  ally;", ", thea cleric,", ", the", ",the cleric,", ", The cleric,", ", an\u00a0ally,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if followersOf.MatchString(s) && !endsOfThe(s) {
			t.Errorf("endsOfThe(%q) = false", s)
		}
		if fmt.Sprint(possAfterIndex(s)) != fmt.Sprint(possAfter.FindStringSubmatchIndex(s)) {
			t.Errorf("possAfterIndex(%q)", s)
		}
		if fmt.Sprint(apposMatch(s)) != fmt.Sprint(appos.FindStringSubmatch(s)) {
			t.Errorf("apposMatch(%q)", s)
		}
	})
}

func FuzzLastField(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a b\n", "\u00a0x\u2003y\t", "x\xe2\x80\x83", "\xf0\x9f\xe2\x80\x83z", "\xc2\x80\x83 q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := ""
		if ws := strings.Fields(s); len(ws) > 0 {
			want = ws[len(ws)-1]
		}
		if got := lastField(s); got != want {
			t.Errorf("lastField(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzCoverage checks coverage.covered against doc.covered for entities made of the
// capitalised runs and fixed windows of a text, and after additions.
func FuzzCoverage(f *testing.F) {
	f.Add("The Islamic Supreme Council of Iraq (ISCI) and the Badr Corps met Moqtada al-Sadr.", 3)
	f.Fuzz(func(t *testing.T, text string, step int) {
		if len(text) > 300 || step <= 0 || step > 50 {
			return
		}
		var ents []faultline.Entity
		for _, m := range capitalRuns(text) {
			ents = append(ents, faultline.Entity{Span: faultline.Span{Start: m[0], End: m[1]}, Type: faultline.ORG})
		}
		d := newDoc(text, ents, nil)
		check := func(c coverage) {
			for s := 0; s < len(text); s++ {
				for e := s + 1; e <= len(text) && e <= s+12; e++ {
					if c.covered(s, e) != d.covered(s, e) {
						t.Fatalf("%q [%d,%d): coverage %v", text, s, e, c.covered(s, e))
					}
				}
			}
		}
		c := d.coverage()
		check(c)
		for s := 0; s+2 <= len(text); s += step {
			if !c.covered(s, s+2) {
				c.add(s, s+2)
				d.add(faultline.Entity{Span: faultline.Span{Start: s, End: s + 2}}, -1)
			}
		}
		check(c)
	})
}
