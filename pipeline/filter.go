package pipeline

import (
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/event"
	"github.com/faultline/faultline/internal/spanindex"
	"github.com/faultline/faultline/nlp"
)

// Dependency parsing is the slowest stage of the pipeline, and of the fact components only
// the event extractor reads the parse, to find a trigger's arguments among the entity
// mentions of its sentence. A sentence without a word that can start an event trigger, or
// without a mention, cannot yield an event, so its parse would be thrown away. Parse is a
// fact component that runs after coreference (which adds the last mentions) and before the
// event extractor. It parses no sentence itself: the event extractor asks for a sentence's
// parse when it first reads it (event.Defer), that is when its positional argument search
// falls short and the parse may change its events (extract/event/keep.go), and only then
// does Parse decide whether the sentence can yield an event, and parse it if so; most
// sentences are never asked about. Tokens of the sentences not parsed keep Head -1 and no
// Rel, as if each were a root.

// Parse returns a component that lets x run parser over the sentences of a document that
// can yield an event for x, when x first reads their parse (event.Defer): those with a word
// that may start one of x's triggers (Extractor.MayTrigger) and with the entity mentions
// (after coreference) the trigger needs as arguments: two (a source and a target), or one
// for violence and coercion of the hand-curated codebook (CAMEO 17-20, which may lack a
// source) and when x.Partial is set. Every sentence in which x can find an event may be
// parsed, so the facts are those of a full parse.
func Parse(parser nlp.Annotator, x *event.Extractor) extract.Component {
	return &sparse{parser: parser, x: x, partial: x.Partial}
}

type sparse struct {
	parser nlp.Annotator
	x      *event.Extractor // whose triggers decide which sentences to parse
	// partial: the event extractor keeps events with one argument.
	partial bool
	// sentences counts the sentences of the documents, parsed those the event extractor had
	// parsed (for measurements).
	sentences, parsed int
}

// Extract implements extract.Component: it annotates in.NLP.
func (s *sparse) Extract(in *extract.Input) {
	d := in.NLP
	if d == nil || len(d.Tokens) == 0 {
		return
	}
	if len(d.Sentences) == 0 {
		s.parser.Annotate(d) // one run of tokens: the parser takes it whole
		return
	}
	for _, sn := range d.Sentences {
		if sn.First < 0 || sn.Last > len(d.Tokens) || sn.First >= sn.Last {
			continue
		}
		for i := sn.First; i < sn.Last; i++ {
			d.Tokens[i].Head, d.Tokens[i].Rel = -1, "" // unparsed until the extractor parses it
		}
	}
	s.sentences += len(d.Sentences)
	// The parser writes into the shared token slice; it sees one sentence at a time. Whether
	// a sentence may yield an event is decided when the extractor first asks for its parse,
	// from what it is now (the extractor changes no token but their heads and relations,
	// and no entity): most sentences are never asked about.
	one := &nlp.Doc{Text: d.Text, Entities: d.Entities}
	ents := overlaps{ents: in.Out.Entities}
	event.Defer(in, func(k int) bool {
		sn := d.Sentences[k]
		if sn.First < 0 || sn.Last > len(d.Tokens) || sn.First >= sn.Last {
			return false
		}
		m := ents.count(sn)
		if m == 0 || !s.wants(d.Text, d.Tokens[sn.First:sn.Last], m) {
			return false
		}
		s.parsed++
		one.Tokens, one.Sentences = d.Tokens, d.Sentences[k:k+1]
		s.parser.Annotate(one)
		return true
	})
}

// overlaps counts the entities that overlap a sentence. A document's entities are scanned
// for each sentence asked about while there are few of them; past indexFrom, they are
// indexed by span once (a scan per sentence would make a gigantic document quadratic).
type overlaps struct {
	ents    []faultline.Entity
	index   spanindex.Index
	indexed bool
}

// indexFrom is how many entities a document may have before overlaps indexes them.
const indexFrom = 256

// count returns how many entities overlap sentence sn, up to 2 (as mentions does).
func (o *overlaps) count(sn nlp.Sentence) uint8 {
	if len(o.ents) <= indexFrom {
		return mentions(sn, o.ents)
	}
	if !o.indexed {
		o.index.Reset(o.ents)
		o.indexed = true
	}
	return uint8(o.index.Count(sn.Start, sn.End, 2))
}

// mentions returns how many of ents overlap sentence sn, up to 2.
func mentions(sn nlp.Sentence, ents []faultline.Entity) uint8 {
	var m uint8
	for _, e := range ents {
		if e.Start < sn.End && sn.Start < e.End {
			if m++; m == 2 {
				break
			}
		}
	}
	return m
}

// wants reports whether a sentence with m mentions (up to 2) has a word that may start an
// event trigger with arguments among them: not capitalised inside the sentence, tagged
// (if tagged) as a verb or noun, and a trigger form or the lemma of one.
func (s *sparse) wants(text string, toks []nlp.Token, m uint8) bool {
	ok := event.NeedsOne
	if m >= 2 || s.partial {
		ok |= event.NeedsTwo
	}
	for i := range toks {
		t := &toks[i]
		if i > 0 && t.Start < len(text) && text[t.Start] >= 'A' && text[t.Start] <= 'Z' {
			continue // a name, not a trigger (as the event extractor decides)
		}
		if (t.UPOS != "" || t.XPOS != "") && !verbOrNoun(t) {
			continue // triggers are verbs and nouns
		}
		norm := t.Norm
		if norm == "" && t.End <= len(text) && t.Start < t.End {
			norm = text[t.Start:t.End] // as the event extractor reads the word
		}
		if s.x.MayTrigger(lower(norm), lower(t.Lemma))&ok != 0 {
			return true
		}
	}
	return false
}

// verbOrNoun reports whether a tagged token is a verb or a noun.
func verbOrNoun(t *nlp.Token) bool {
	switch t.UPOS {
	case "VERB", "NOUN", "PROPN":
		return true
	}
	return strings.HasPrefix(t.XPOS, "VB") || strings.HasPrefix(t.XPOS, "NN")
}

// lower lower-cases ASCII words without allocating when they are already lower case.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(w)
		}
	}
	return w
}
