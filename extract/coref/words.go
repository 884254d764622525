package coref

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// capWordsMin is the size of text from which wholeWords finds a name through the index of
// capitalised words rather than by searching the text for it: the index costs a pass over
// the text, a search per name is cheaper in a short document, and in a long one (with
// more names the longer it is) the searches were quadratic.
var capWordsMin = 1 << 16

// capWords indexes the words of the text that begin with an upper-case letter: the offsets
// of each (a word is a maximal run of letters and digits, as wordAt tells them).
type capWords struct {
	built bool
	pos   map[string][]int32
}

// wordRun returns the end of the run of letters and digits at i.
func wordRun(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += n
	}
	return i
}

// build indexes the capitalised words of text.
func (c *capWords) build(text string) {
	c.built = true
	c.pos = make(map[string][]int32, len(text)/64+8)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		// A word starts at i when the rune before, as wordAt decodes it, is neither a
		// letter nor a digit.
		start := true
		if i > 0 {
			p, _ := utf8.DecodeLastRuneInString(text[:i])
			start = !unicode.IsLetter(p) && !unicode.IsDigit(p)
		}
		end := wordRun(text, i)
		if start && unicode.IsUpper(r) {
			w := text[i:end]
			c.pos[w] = append(c.pos[w], int32(i))
		}
		i = end
	}
}

// wholeWords calls f with the [s, t) of each occurrence of name in the text that is a whole
// word (wordAt), in text order: those that searching the text for name, each search going
// on after the last occurrence found, and testing wordAt finds.
//
// Through the index: an occurrence at word boundaries of a name that begins with a capital
// and is valid UTF-8 starts a capitalised word, and that word is the letters and digits the
// name begins with (the name goes on with something else, and so must the text, or it ends
// and the text's word with it, at a word boundary). When the name overlaps itself (a
// proper prefix is also a suffix), a search may skip an occurrence that overlaps the one
// before: such names are searched for.
func (d *doc) wholeWords(name string, f func(s, t int)) {
	if len(d.text) >= capWordsMin && len(d.text) <= math.MaxInt32 && indexable(name) {
		if !d.words.built {
			d.words.build(d.text)
		}
		for _, s := range d.words.pos[name[:wordRun(name, 0)]] {
			if t := int(s) + len(name); strings.HasPrefix(d.text[s:], name) && wordAt(d.text, int(s), t) {
				f(int(s), t)
			}
		}
		return
	}
	for off := 0; ; {
		k := strings.Index(d.text[off:], name)
		if k < 0 {
			break
		}
		s, t := off+k, off+k+len(name)
		off = t
		if wordAt(d.text, s, t) {
			f(s, t)
		}
	}
}

// indexable reports whether wholeWords may find name through the index of capitalised
// words: it begins with a capital, is valid UTF-8, and does not overlap itself.
func indexable(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r) && utf8.ValidString(name) && !overlapsItself(name)
}

// overlapsItself reports whether two occurrences of s can overlap: a proper prefix of s is
// also a suffix.
func overlapsItself(s string) bool {
	for k := 1; k < len(s); k++ {
		if s[:k] == s[len(s)-k:] {
			return true
		}
	}
	return false
}
