package figure

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzLexWords checks that every word's lower-case form is strings.ToLower of it, and that
// lexWords (into a reused slice) finds the words lexWordsRef finds.
func FuzzLexWords(f *testing.F) {
	for _, s := range []string{"Some 1,600 US Troops and ÖZTÜRK's £5 MILLION", "a Third of 2.5 bn", "", "al-Sadr’s 100,000-strong $3 €4 5% x\xffy Ωmega-Δ 1.5.", "O’Neil's ’s"} {
		f.Add(s)
	}
	var buf []word
	f.Fuzz(func(t *testing.T, s string) {
		buf = lexWords(buf, s)
		for _, w := range buf {
			if w.s != s[w.start:w.end] || w.l != strings.ToLower(w.s) {
				t.Errorf("%q: word %+v, want s %q and l %q", s, w, s[w.start:w.end], strings.ToLower(w.s))
			}
		}
		if want := lexWordsRef(s); !slices.Equal(buf, want) {
			t.Errorf("%q: lexWords = %+v, want %+v", s, buf, want)
		}
	})
}

// lexWordsRef is lexWords before its byte table, buffer reuse and one-pass case test: it splits text into words: runs of letters and digits with inner . , - ' ’ between
// alphanumerics (1,600 · 1.6 · al-Sadr · 100,000-strong), and single currency and % signs.
func lexWordsRef(text string) []word {
	out := make([]word, 0, len(text)/6+1)
	// Lower-case forms of ASCII words with capitals are written to one buffer and made one
	// string at the end (one allocation, not one per word); lowered lists those words.
	var low []byte
	var lowered []int
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '£' || r == '$' || r == '€' || r == '%' {
			out = append(out, word{s: text[i : i+n], l: text[i : i+n], start: i, end: i + n})
			i += n
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += n2
				continue
			}
			if r2 == '.' || r2 == ',' || r2 == '-' || r2 == '\'' || r2 == '’' {
				r3, _ := utf8.DecodeRuneInString(text[j+n2:])
				prev, _ := utf8.DecodeLastRuneInString(text[:j])
				// 1,600 and 1.6 only between digits; hyphens and apostrophes between alphanumerics
				numeric := (r2 == '.' || r2 == ',') && unicode.IsDigit(prev) && unicode.IsDigit(r3)
				joiner := (r2 == '-' || r2 == '\'' || r2 == '’') && (unicode.IsLetter(r3) || unicode.IsDigit(r3))
				if numeric || joiner {
					j += n2
					continue
				}
			}
			break
		}
		s := text[i:j]
		switch ascii, upper := caseASCIIRef(s); {
		case !ascii:
			out = append(out, word{s: s, l: strings.ToLower(s), start: i, end: j})
		case !upper:
			out = append(out, word{s: s, l: s, start: i, end: j})
		default:
			lowered = append(lowered, len(out), len(low))
			for k := 0; k < len(s); k++ {
				c := s[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				low = append(low, c)
			}
			lowered = append(lowered, len(low))
			out = append(out, word{s: s, start: i, end: j})
		}
		i = j
	}
	if len(low) > 0 {
		all := string(low)
		for k := 0; k+2 < len(lowered); k += 3 {
			out[lowered[k]].l = all[lowered[k+1]:lowered[k+2]]
		}
	}
	return out
}

// caseASCIIRef reports whether s is all ASCII, and whether it has an upper-case ASCII letter.
func caseASCIIRef(s string) (ascii, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, upper
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}
