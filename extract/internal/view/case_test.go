package view

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/nlp"
)

// caseASCIIRef is caseASCII's definition, a byte at a time.
func caseASCIIRef(s string) (ascii, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}

// TestCaseASCII puts every byte value at every place of words of 1 to 20 bytes (the eight-byte
// blocks and the tail) among lower-case letters and checks caseASCII against its definition.
func TestCaseASCII(t *testing.T) {
	for n := 1; n <= 20; n++ {
		for at := 0; at < n; at++ {
			for c := 0; c < 256; c++ {
				b := []byte(strings.Repeat("q", n))
				b[at] = byte(c)
				checkCaseASCII(t, string(b))
			}
		}
	}
}

// checkCaseASCII checks caseASCII(s) against its definition (upper matters only for ASCII).
func checkCaseASCII(t *testing.T, s string) {
	t.Helper()
	ascii, upper := caseASCII(s)
	wa, wu := caseASCIIRef(s)
	if ascii != wa || ascii && upper != wu {
		t.Fatalf("caseASCII(%q) = %v, %v, want %v, %v", s, ascii, upper, wa, wu)
	}
}

// FuzzCaseASCII checks caseASCII against its definition.
func FuzzCaseASCII(f *testing.F) {
	for _, s := range []string{"", "a", "Z", "@[`{", "abcdefgH", "abcdefghZ", "ÖZTÜRK", "abcdefg\x80Z", "\x7fAAAAAAAAAAAAAAA"} {
		f.Add(s)
	}
	f.Fuzz(checkCaseASCII)
}

// TestNewLemmaIsForm checks the lower-cased forms and lemmas of tokens whose lemma is their
// form (ASCII with and without capitals, non-ASCII, empty, a form taken from the text) or
// another word, next to one another, against strings.ToLower.
func TestNewLemmaIsForm(t *testing.T) {
	text := "Kabul said UN Öztürk went AND ran xyz"
	toks := []nlp.Token{
		{Start: 0, End: 5, Norm: "Kabul", Lemma: "Kabul"},
		{Start: 5, End: 5, Norm: "", Lemma: ""}, // empty: no form, no lemma
		{Start: 6, End: 10, Norm: "said", Lemma: "say"},
		{Start: 11, End: 13, Norm: "UN", Lemma: "UN"},
		{Start: 14, End: 21, Norm: "Öztürk", Lemma: "Öztürk"},
		{Start: 22, End: 26, Norm: "Went", Lemma: "GO"},
		{Start: 27, End: 30, Norm: "AND", Lemma: "AND"},
		{Start: 31, End: 34, Norm: "", Lemma: "RAN"},
		{Start: 31, End: 34, Norm: "", Lemma: ""},
		{Start: 35, End: 38, Norm: "xyz", Lemma: "xyz"},
		{Start: 35, End: 38, Norm: "", Lemma: "xyz"},
	}
	in := &extract.Input{Doc: &faultline.Document{Text: text}, NLP: &nlp.Doc{Text: text, Tokens: toks,
		Sentences: []nlp.Sentence{{Start: 0, End: len(text), First: 0, Last: len(toks)}}},
		Out: &faultline.Extraction{}}
	v := New(in)
	for i, tok := range toks {
		norm := tok.Norm
		if norm == "" {
			norm = text[tok.Start:tok.End]
		}
		if got, want := v.Toks[i].Lower, strings.ToLower(norm); got != want {
			t.Errorf("token %d: Lower %q, want %q", i, got, want)
		}
		if got, want := v.Toks[i].Lemma, strings.ToLower(tok.Lemma); got != want {
			t.Errorf("token %d: Lemma %q, want %q", i, got, want)
		}
	}
}
