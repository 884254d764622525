package resolve

import (
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

// A plural demonym ("Iraqis") names either the state acting (metonymy: "the Iranians are
// arming the militia") or the people ("most Iraqis", "thousands of Iraqis were killed"). The
// people are an actor of their own, a nationality linked to its state by its Country field,
// never merged into the state: their opinions are not the state's relations.

// peopleNationality returns the ISO code of the state whose people a mention names, or ""
// when the mention is not a plural demonym used for the population (a state acting, an
// adjective, any other name). text is the document, [start, end) the mention.
func peopleNationality(text string, start, end int, typ string) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	if typ != faultline.NORP && typ != "" && typ != faultline.GPE {
		return ""
	}
	ws := strings.Fields(text[start:end])
	if len(ws) == 2 && strings.EqualFold(ws[0], "the") {
		ws = ws[1:]
	}
	if len(ws) != 1 {
		return ""
	}
	w := ws[0]
	if !strings.HasSuffix(w, "s") || !startsUpperStr(w) || actors.Demonym(strings.TrimSuffix(w, "s")) == "" {
		return "" // not a plural demonym ("Iraqi", "Iraq")
	}
	iso := actors.Demonym(w)
	prev := wordsBefore(text, start, 2)
	if len(prev) > 0 {
		p := prev[len(prev)-1]
		if actors.PeopleCue("before", p) || isNumber(p) {
			return iso
		}
		if p == "of" && len(prev) == 2 && (actors.PeopleCue("of", prev[0]) || isNumber(prev[0])) {
			return iso
		}
		if (p == "and" || p == "or") && len(prev) == 2 {
			// "killing several Americans and Iraqis": the people, as the first one is.
			cs, _ := wordBack(text, start) // the conjunction
			ps, pe := wordBack(text, cs)
			if ps < pe && peopleNationality(text, ps, pe, typ) != "" {
				return iso
			}
		}
	}
	if next := wordsAfter(text, end, 2); len(next) > 0 {
		n := next[0]
		if (n == "being" || n == "were" || n == "are") && len(next) > 1 {
			n = next[1]
		}
		if actors.PeopleCue("after", n) {
			return iso
		}
	}
	return ""
}

// wordsBefore returns up to n lower-case words just before offset i in its sentence
// (punctuation other than a comma inside a number ends the search).
func wordsBefore(text string, i, n int) []string {
	var out []string
	j := i
	for len(out) < n {
		for j > 0 && isSpace(text[j-1]) {
			j--
		}
		k := j
		for k > 0 && (peopleWordByte(text[k-1]) || text[k-1] == ',' && k > 1 && k < len(text) && isDigit(text[k-2]) && isDigit(text[k])) {
			k--
		}
		if k == j {
			break
		}
		out = append([]string{strings.ToLower(text[k:j])}, out...)
		j = k
	}
	return out
}

// wordBack returns the span of the word just before offset i (empty when none).
func wordBack(text string, i int) (int, int) {
	j := i
	for j > 0 && isSpace(text[j-1]) {
		j--
	}
	k := j
	for k > 0 && peopleWordByte(text[k-1]) {
		k--
	}
	return k, j
}

// wordsAfter returns up to n lower-case words just after offset i in its sentence.
func wordsAfter(text string, i, n int) []string {
	var out []string
	j := i
	for len(out) < n {
		for j < len(text) && (isSpace(text[j]) || text[j] == '"') {
			j++ // 'Iraqis "voted ...': a quotation opening after the noun
		}
		k := j
		for k < len(text) && peopleWordByte(text[k]) {
			k++
		}
		if k == j {
			break
		}
		out = append(out, strings.ToLower(strings.TrimLeft(text[j:k], "\u201c\u2018")))
		j = k
	}
	return out
}

// peopleWordByte reports whether c may be part of a word (a letter, digit, hyphen or
// apostrophe, or any byte of a non-ASCII character).
func peopleWordByte(c byte) bool { return c == '-' || c == '\'' || isWordByte(c) }

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isNumber reports whether w is written in digits ("1,000", "78").
func isNumber(w string) bool {
	if w == "" || !isDigit(w[0]) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) && w[i] != ',' && w[i] != '.' {
			return false
		}
	}
	return true
}
