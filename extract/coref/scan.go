package coref

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The scanners of this file find what a regular expression over the whole text used to
// find, in one pass without the regexp engine (whose patterns here open with a class or
// \s*, so it tried every byte of every document). Each is checked against its regexp by a
// table test and a fuzz test (scan_test.go).

// acrMatch is a use of an acronym in parentheses or after "or": the whole match
// [start, end) and the acronym [acr0, acr1).
type acrMatch struct{ start, end, acr0, acr1 int }

// acrUses returns the non-overlapping matches, leftmost first, of the regular expression
//
//	\s*[(\[]\s*([A-Z][A-Z.]{1,8})\s*[)\]]|,\s+or\s+(?:the\s+)?([A-Z][A-Z.]{1,8})\b
//
// with the acronym as whichever group matched.
func acrUses(text string) []acrMatch {
	var out []acrMatch
	prev := 0 // end of the last match: the next one starts at or after it
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(', '[':
			j := skipSpace(text, i+1)
			k := acrRun(text, j)
			if k-j < 2 || k-j > 9 {
				continue
			}
			e := skipSpace(text, k)
			if e >= len(text) || text[e] != ')' && text[e] != ']' {
				continue
			}
			s := i
			for s > prev && isSpace(text[s-1]) {
				s--
			}
			out = append(out, acrMatch{s, e + 1, j, k})
			prev, i = e+1, e
		case ',':
			j := skipSpace(text, i+1)
			if j == i+1 || !strings.HasPrefix(text[j:], "or") {
				continue
			}
			k := skipSpace(text, j+2)
			if k == j+2 {
				continue
			}
			if strings.HasPrefix(text[k:], "the") {
				if t := skipSpace(text, k+3); t > k+3 {
					k = t
				}
			}
			run := acrRun(text, k)
			if run-k < 2 {
				continue
			}
			end := -1
			for n := min(run-k, 9); n >= 2; n-- {
				if asciiWord(text[k+n-1]) != (k+n < len(text) && asciiWord(text[k+n])) {
					end = k + n // \b after the acronym
					break
				}
			}
			if end < 0 {
				continue
			}
			out = append(out, acrMatch{i, end, k, end})
			prev, i = end, end-1
		}
	}
	return out
}

// acrRun returns the end of the run [A-Z][A-Z.]* at i (i itself when text[i] is no
// capital).
func acrRun(text string, i int) int {
	if i >= len(text) || text[i] < 'A' || text[i] > 'Z' {
		return i
	}
	j := i + 1
	for j < len(text) && (text[j] >= 'A' && text[j] <= 'Z' || text[j] == '.') {
		j++
	}
	return j
}

// isSpace reports whether c is \s of Go's regexp: [\t\n\f\r ].
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipSpace returns the offset of the first byte at or after i that is no \s.
func skipSpace(text string, i int) int {
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	return i
}

// capitalRuns returns the runs of two or more capitalised words of a text (with of, the,
// for, in, and between them): the non-overlapping matches, leftmost first, of
//
//	[A-Z][\p{L}'’.-]*(?:\s+(?:(?:of|the|for|in|and)\s+)*(?:al-)?[A-Z][\p{L}'’.-]*)+
func capitalRuns(text string) [][2]int {
	var out [][2]int
	for p := 0; p < len(text); p++ {
		if text[p] < 'A' || text[p] > 'Z' {
			continue
		}
		end := nameTail(text, p+1)
		words := 1
		for {
			k := skipSpace(text, end)
			if k == end {
				break
			}
			for {
				n := connectorAt(text, k)
				if n == 0 {
					break
				}
				t := skipSpace(text, k+n)
				if t == k+n {
					break
				}
				k = t
			}
			if strings.HasPrefix(text[k:], "al-") {
				k += 3
			}
			if k >= len(text) || text[k] < 'A' || text[k] > 'Z' {
				break
			}
			end = nameTail(text, k+1)
			words++
		}
		if words >= 2 {
			out = append(out, [2]int{p, end})
		}
		// A capital inside [p, end) with one word from p would find the same end and no
		// second word either: the next start is at end.
		p = end - 1
	}
	return out
}

// connectorAt returns the length of the word of, the, for, in or and at i, or 0.
func connectorAt(text string, i int) int {
	for _, w := range [...]string{"of", "the", "for", "in", "and"} {
		if strings.HasPrefix(text[i:], w) {
			return len(w)
		}
	}
	return 0
}

// nameTail returns the end of the run of letters, apostrophes, full stops and hyphens
// ([\p{L}'’.-]*) at i.
func nameTail(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c == '.' || c == '-' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '’' && !unicode.IsLetter(r) {
			return i
		}
		i += n
	}
	return i
}
