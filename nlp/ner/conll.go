package ner

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// EvalCoNLL scores the recogniser on a CoNLL-style file (see ReadCoNLL), document by
// document (-DOCSTART- lines separate documents; without them every sentence is one). When
// the gold uses the CoNLL types PER/ORG/LOC/MISC, predictions are mapped to them (GPE, LOC
// and FAC -> LOC: the CoNLL-2003 annotation guidelines count roads, structures, public and
// commercial places and buildings as locations; NORP and EVENT, CoNLL MISC, ignored) and
// MISC is ignored: gold MISC spans are left out, and so are predictions on exactly a gold
// MISC span.
func (r *Recognizer) EvalCoNLL(rd io.Reader) (*Score, error) {
	ss, err := ReadCoNLL(rd)
	if err != nil {
		return nil, err
	}
	contract := false
	for _, s := range ss {
		for _, t := range s.Tags {
			if len(t) > 2 && (t[2:] == "GPE" || t[2:] == "NORP" || t[2:] == "PERSON") {
				contract = true
			}
		}
	}
	sc := NewScore()
	r.tagDocs(ss, func(s Sentence, pred []string) {
		if contract {
			sc.Add(s.Tags, pred, nil)
			return
		}
		gold := toContract(s.Tags)
		p := mapTypes(pred, conllType)
		misc := map[[2]int]bool{}
		for _, sp := range spans(s.Tags) {
			if sp.typ == "MISC" {
				misc[[2]int{sp.first, sp.last}] = true
			}
		}
		for _, sp := range spans(p) {
			if misc[[2]int{sp.first, sp.last}] {
				for x := sp.first; x < sp.last; x++ {
					p[x] = "O"
				}
			}
		}
		sc.Add(gold, p, nil)
	})
	return sc, nil
}

// conllType maps a contract type to its CoNLL-2003 type, "" for the types scored as MISC
// (NORP, EVENT) or not at all. FAC is LOC: the CoNLL-2003 guidelines list roads, bridges,
// ports, airports, stations, museums, sports facilities and other buildings under locations.
func conllType(t string) string {
	switch t {
	case "GPE", "LOC", "FAC":
		return "LOC"
	case "PERSON", "ORG":
		return t
	}
	return ""
}

// tagDocs tags ss document by document (consecutive sentences of one Sentence.Doc together,
// with the document rules; ReadCoNLL's document "0", the sentences before any -DOCSTART-,
// sentence by sentence) and calls score with each sentence and its predicted tags.
func (r *Recognizer) tagDocs(ss []Sentence, score func(s Sentence, pred []string)) {
	for i := 0; i < len(ss); {
		j := i + 1
		for j < len(ss) && ss[j].Doc == ss[i].Doc && ss[i].Doc != "0" {
			j++
		}
		var words [][]string
		for _, s := range ss[i:j] {
			words = append(words, s.Words)
		}
		pred := r.TagWords(words, nil)
		for k, s := range ss[i:j] {
			score(s, pred[k])
		}
		i = j
	}
}

// geoTypes keeps PERSON and ORG and maps GPE and LOC to GEO (places together, as GMB's geo
// and gpe); other types are dropped.
func geoTypes(t string) string {
	switch t {
	case "PERSON", "ORG":
		return t
	case "GPE", "LOC":
		return "GEO"
	}
	return ""
}

// EvalDev scores the recogniser on the held-out GMB sentences (each its own document) over
// PERSON, ORG and places (GPE and LOC together, as GMB's geo and gpe).
func (r *Recognizer) EvalDev(dev []Sentence) *Score {
	sc := NewScore()
	for _, s := range dev {
		pred := r.TagWords([][]string{s.Words}, [][]string{s.POS})
		sc.Add(mapTypes(s.Tags, geoTypes), mapTypes(pred[0], geoTypes), nil)
	}
	return sc
}

// EvalDocs scores the recogniser on sentences of the contract's types grouped into
// documents by Sentence.Doc (consecutive sentences of one Doc are tagged together, with the
// document rules), over PERSON, ORG and places (GPE and LOC together).
func (r *Recognizer) EvalDocs(ss []Sentence) *Score {
	sc := NewScore()
	r.tagDocs(ss, func(s Sentence, pred []string) {
		sc.Add(mapTypes(s.Tags, geoTypes), mapTypes(pred, geoTypes), nil)
	})
	return sc
}

// LoadFile reads a recogniser from a weights file written by Tagger.WriteTo.
func LoadFile(path string) (*Recognizer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t, err := readTagger(b, newLexicon())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return New(t), nil
}

// Bytes returns the tagger's weights as WriteTo writes them.
func (t *Tagger) Bytes() []byte {
	var b bytes.Buffer
	t.WriteTo(&b)
	return b.Bytes()
}

// FormatCoNLL writes sentences as ReadCoNLL reads them: token and tag a line, a blank line
// after each sentence.
func FormatCoNLL(ss []Sentence) []byte {
	var b bytes.Buffer
	for _, s := range ss {
		for i, w := range s.Words {
			b.WriteString(w)
			b.WriteByte('\t')
			b.WriteString(s.Tags[i])
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}
