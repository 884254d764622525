package event

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fuzzWords are the words FuzzDeferredParse builds sentences of: names (each an entity
// mention of the given type), triggers, and the function words the argument rules read.
var fuzzWords = []struct{ word, upos, xpos, typ string }{
	{"Norland", "PROPN", "NNP", "GPE"}, {"Gondor", "PROPN", "NNP", "ORG"}, {"Arnor", "PROPN", "NNP", "PERSON"},
	{"Dale", "PROPN", "NNP", "NORP"}, {"Erebor", "PROPN", "NNP", "LOC"},
	{"attacked", "VERB", "VBD", ""}, {"attacked", "VERB", "VBN", ""}, {"met", "VERB", "VBD", ""},
	{"signed", "VERB", "VBN", ""}, {"accused", "VERB", "VBD", ""}, {"killed", "VERB", "VBN", ""},
	{"praised", "VERB", "VBD", ""}, {"declared", "VERB", "VBD", ""}, {"launched", "VERB", "VBD", ""},
	{"brokered", "VERB", "VBD", ""}, {"attack", "NOUN", "NN", ""}, {"talks", "NOUN", "NNS", ""},
	{"offensive", "NOUN", "NN", ""}, {"cease-fire", "NOUN", "NN", ""}, {"agreements", "NOUN", "NNS", ""},
	{"occupation", "NOUN", "NN", ""}, {"withdrawal", "NOUN", "NN", ""}, {"the", "DET", "DT", ""},
	{"and", "CCONJ", "CC", ""}, {"by", "ADP", "IN", ""}, {"of", "ADP", "IN", ""}, {"on", "ADP", "IN", ""},
	{"with", "ADP", "IN", ""}, {"against", "ADP", "IN", ""}, {"between", "ADP", "IN", ""},
	{"from", "ADP", "IN", ""}, {",", "PUNCT", ",", ""}, {"was", "AUX", "VBD", ""}, {"refused", "VERB", "VBD", ""},
	{"to", "PART", "TO", ""}, {"said", "VERB", "VBD", ""}, {"'s", "PART", "POS", ""}, {"he", "PRON", "PRP", ""},
	{"not", "PART", "RB", ""}, {"forces", "NOUN", "NNS", ""}, {"gunmen", "NOUN", "NNS", ""},
	{"officials", "NOUN", "NNS", ""}, {"say", "VERB", "VBP", ""}, {"yesterday", "NOUN", "NN", ""},
	{"began", "VERB", "VBD", ""}, {"continued", "VERB", "VBD", ""}, {".", "PUNCT", ".", ""},
}

// fuzzSeed encodes sentences of "word/UPOS/XPOS/HEAD/REL" tokens (as parsedInput reads
// them, with words of fuzzWords) as FuzzDeferredParse's input.
func fuzzSeed(lines ...string) []byte {
	var b []byte
	for li, line := range lines {
		if li > 0 {
			b = append(b, 255, 0, 0)
		}
		for _, tok := range strings.Fields(line) {
			p := strings.Split(tok, "/")
			w := slices.IndexFunc(fuzzWords, func(w struct{ word, upos, xpos, typ string }) bool { return w.word == p[0] && w.xpos == p[2] })
			var h int
			fmt.Sscan(p[3], &h)
			b = append(b, byte(w), byte(h+1), byte(slices.Index(fuzzRels, p[4])))
		}
	}
	return b
}

// fuzzRels are the relations the extractor tells apart, and two it does not.
var fuzzRels = []string{"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "nmod:poss", "compound",
	"flat", "appos", "amod", "conj", "case", "xcomp", "acl", "acl:relcl", "dep", "root", "punct"}

// FuzzDeferredParse checks that the events Find codes with a deferred parse (Defer: a
// sentence parsed only where the extractor decides the parse may change its events) are
// those an unpruned extractor (Extractor.unpruned: it reads the parse wherever the
// positional reading asks for it) codes with every sentence parsed up front, for sentences
// of fuzzWords with any heads and relations (fuzzRels): the deferral's exact rules
// (parseMayChange, the amod test's) must never skip a parse that matters, nor Find's skip
// of sentences without a mention (the unpruned extractor looks in those too) lose an event.
// parseMayFill, an approximation, holds for both. Each token is three bytes (word, head,
// relation); a word byte of 255 ends a sentence.
func FuzzDeferredParse(f *testing.F) {
	for _, lines := range [][]string{
		{"Norland/PROPN/NNP/1/nsubj attacked/VERB/VBD/-1/root Gondor/PROPN/NNP/1/obj ./PUNCT/./1/punct",
			"Arnor/PROPN/NNP/5/nsubj ,/PUNCT/,/3/punct officials/NOUN/NNS/3/nsubj say/VERB/VBP/5/dep ,/PUNCT/,/3/punct attacked/VERB/VBD/-1/root yesterday/NOUN/NN/5/obl ,/PUNCT/,/8/punct Dale/PROPN/NNP/5/obj ./PUNCT/./5/punct"},
		{"Norland/PROPN/NNP/5/nsubj ,/PUNCT/,/3/punct officials/NOUN/NNS/3/nsubj say/VERB/VBP/5/dep ,/PUNCT/,/3/punct began/VERB/VBD/-1/root the/DET/DT/7/dep occupation/NOUN/NN/5/obj yesterday/NOUN/NN/5/obl of/ADP/IN/10/case Gondor/PROPN/NNP/7/nmod ./PUNCT/./5/punct"},
		{"Norland/PROPN/NNP/2/nsubj and/CCONJ/CC/2/dep Gondor/PROPN/NNP/0/conj signed/VERB/VBN/4/amod agreements/NOUN/NNS/-1/root ./PUNCT/./4/punct"},
		{"the/DET/DT/1/dep attack/NOUN/NN/4/nsubj on/ADP/IN/3/case Gondor/PROPN/NNP/1/nmod continued/VERB/VBD/-1/root ./PUNCT/./4/punct",
			"Gondor/PROPN/NNP/2/nsubj:pass was/AUX/VBD/2/dep attacked/VERB/VBN/-1/root by/ADP/IN/4/case gunmen/NOUN/NNS/2/obl:agent and/CCONJ/CC/6/dep Norland/PROPN/NNP/4/conj"},
		// An acl whose head is the root (-1): no subject, no panic (argMention).
		{"attacked/VERB/VBN/-1/acl Gondor/PROPN/NNP/0/obj by/ADP/IN/3/case Norland/PROPN/NNP/0/obl"},
	} {
		f.Add(fuzzSeed(lines...))
	}
	x, ref := New(), New()
	ref.unpruned = true
	f.Fuzz(func(t *testing.T, data []byte) {
		var lines []string
		var ents []string
		var line []string
		flush := func() {
			if len(line) > 0 {
				lines = append(lines, strings.Join(line, " "))
				line = nil
			}
		}
		for k := 0; k+2 < len(data) && len(lines) < 4; k += 3 {
			if data[k] == 255 {
				flush()
				continue
			}
			if len(line) >= 20 {
				continue
			}
			w := fuzzWords[int(data[k])%len(fuzzWords)]
			line = append(line, fmt.Sprintf("%s/%s/%s/%d/%s", w.word, w.upos, w.xpos, int(data[k+1])-1, fuzzRels[int(data[k+2])%len(fuzzRels)]))
			if w.typ != "" {
				ents = append(ents, w.word+"/"+w.typ)
			}
		}
		flush()
		// Heads must lie in their sentence (or be -1): wrap them.
		for li, l := range lines {
			toks := strings.Fields(l)
			for ti, tok := range toks {
				p := strings.Split(tok, "/")
				var h int
				fmt.Sscan(p[3], &h)
				if h >= len(toks) {
					h = h%len(toks) - 1
				}
				if h == ti {
					h = -1
				}
				p[3] = fmt.Sprint(h)
				toks[ti] = strings.Join(p, "/")
			}
			lines[li] = strings.Join(toks, " ")
		}
		if len(lines) == 0 {
			return
		}
		deferred, parses := parsedInput(t, lines, ents...)
		Defer(deferred, func(k int) bool {
			sn := deferred.NLP.Sentences[k]
			for i := sn.First; i < sn.Last; i++ {
				deferred.NLP.Tokens[i].Head, deferred.NLP.Tokens[i].Rel = parses[k].heads[i-sn.First], parses[k].rels[i-sn.First]
			}
			return true
		})
		got := x.Find(deferred)
		full, _ := parsedInput(t, lines, ents...)
		for k, sn := range full.NLP.Sentences {
			for i := sn.First; i < sn.Last; i++ {
				full.NLP.Tokens[i].Head, full.NLP.Tokens[i].Rel = parses[k].heads[i-sn.First], parses[k].rels[i-sn.First]
			}
		}
		if want := ref.Find(full); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: deferred parse codes\n%+v\nparsed up front\n%+v", lines, code(got), code(want))
		}
	})
}
