package tokenize

import (
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/nlp"
)

// MaxSentence is the most tokens a sentence may hold. Real sentences in news stay far below
// it (EWT's longest is 159 tokens); text without punctuation (a converted table, a hostile
// document) would otherwise be one sentence whose cost, in the parser and in the components
// that look across a sentence, grows with the square of its length. A longer run is cut after
// the last comma, semicolon, colon or dash of its second half, else at the limit.
const MaxSentence = 256

// split groups tokens into sentences, appending them to out.
func split(text string, toks []nlp.Token, kinds, nl []uint8, out []nlp.Sentence) []nlp.Sentence {
	first := 0
	for i := 1; i <= len(toks); i++ {
		if i < len(toks) && !boundary(text, toks, kinds, nl, i) {
			if i-first < MaxSentence {
				continue
			}
			cut := i
			for j := i - 1; j > first+MaxSentence/2; j-- {
				if weakBreak(toks[j-1].Norm) {
					cut = j
					break
				}
			}
			out = append(out, nlp.Sentence{Start: toks[first].Start, End: toks[cut-1].End, First: first, Last: cut})
			first = cut
			continue
		}
		if first < i {
			out = append(out, nlp.Sentence{Start: toks[first].Start, End: toks[i-1].End, First: first, Last: i})
		}
		first = i
	}
	return out
}

// weakBreak reports whether a token is punctuation inside a sentence where a run that is too
// long may be cut.
func weakBreak(w string) bool {
	switch w {
	case ",", ";", ":", "-", "--", "\u2013", "\u2014":
		return true
	}
	return false
}

// boundary reports whether a sentence begins at token i (i > 0).
func boundary(text string, toks []nlp.Token, kinds, nl []uint8, i int) bool {
	next := toks[i].Norm
	r, _ := utf8.DecodeRuneInString(next)
	lower := unicode.IsLower(r)
	if nl[i] >= 2 {
		return true
	}
	if nl[i] == 1 && !lower && kinds[i] != kPunct && kinds[i] != kClose {
		// a new line that does not continue in lower case: headline, dateline, list item
		return true
	}
	// skip back over closing quotes and brackets
	j := i - 1
	for j > 0 && kinds[j] == kClose {
		j--
	}
	switch kinds[j] {
	case kTerminal:
		if lower || kinds[i] == kPunct || kinds[i] == kClose || kinds[i] == kTerminal {
			return false
		}
		return true
	case kAbbrev:
		// "in the U.S. The next day" — only before a typical sentence opener
		if j != i-1 || !unicode.IsUpper(r) {
			return false
		}
		return opener(next)
	}
	return false
}

// opener reports whether w (capitalised) is a word that typically starts a sentence and
// rarely follows an abbreviation inside one.
func opener(w string) bool {
	if len(w) > 8 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := openers[string(buf[:len(w)])]
	return ok
}

var openers = map[string]struct{}{
	"the": {}, "a": {}, "an": {}, "he": {}, "she": {}, "it": {}, "they": {}, "we": {}, "i": {},
	"you": {}, "but": {}, "and": {}, "in": {}, "on": {}, "at": {}, "this": {}, "that": {},
	"these": {}, "those": {}, "there": {}, "his": {}, "her": {}, "their": {}, "its": {},
	"our": {}, "my": {}, "if": {}, "when": {}, "while": {}, "after": {}, "before": {},
	"however": {}, "since": {}, "as": {}, "some": {}, "many": {}, "most": {}, "no": {},
	"yet": {}, "so": {}, "then": {}, "for": {}, "by": {}, "with": {}, "from": {}, "one": {},
	"what": {}, "who": {}, "why": {}, "how": {}, "where": {}, "asked": {}, "officials": {},
	"adds": {}, "says": {}, "added": {}, "notes": {}, "according": {},
}
