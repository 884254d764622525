package ner

import (
	"math/rand"
	"strings"
	"testing"
)

// TestNameCase checks the casing of the lower-case list names used for mention replacement.
func TestNameCase(t *testing.T) {
	for in, want := range map[string]string{
		"zorbin party of the varda": "Zorbin Party of the Varda",
		"nlf":                       "NLF",
		"the front":                 "The Front",
	} {
		if got := nameCase(in); got != want {
			t.Errorf("nameCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMentionReplacement checks that a copy keeps the words and tags outside the replaced
// spans, gives each new name B-/I- tags of the old span's type, and leaves other types alone.
func TestMentionReplacement(t *testing.T) {
	s := Sentence{
		Words: strings.Fields("Zorbin Varda flew from Kelmar to meet Shia leaders of the Tarn Front"),
		Tags:  strings.Fields("B-PERSON I-PERSON O O B-GPE O O B-NORP O O O B-ORG I-ORG"),
	}
	pools := namePools{
		"PERSON": {{"Ada", "Quill"}},
		"GPE":    {{"Port", "Vell", "City"}},
		"ORG":    {{"Brenn"}},
	}
	a := &augmenter{train: pools, rate: 100, rng: rand.New(rand.NewSource(1))}
	got, ok := a.copyOf(&s)
	if !ok {
		t.Fatal("copyOf: no copy")
	}
	want := "Ada/B-PERSON Quill/I-PERSON flew/O from/O Port/B-GPE Vell/I-GPE City/I-GPE to/O meet/O Shia/B-NORP leaders/O of/O the/O Brenn/B-ORG"
	var b []string
	for i, w := range got.Words {
		b = append(b, w+"/"+got.Tags[i])
	}
	if g := strings.Join(b, " "); g != want {
		t.Errorf("copy:\n got %s\nwant %s", g, want)
	}
	if _, ok := a.copyOf(&Sentence{Words: []string{"Shia"}, Tags: []string{"B-NORP"}}); ok {
		t.Error("copyOf made a copy of a sentence without PERSON/ORG/GPE/LOC")
	}
}
