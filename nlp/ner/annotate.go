package ner

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/models"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/pos"
)

// Recognizer is the entity recognition annotator: the tagger plus document-level rules.
// It is safe for concurrent use.
type Recognizer struct {
	t    *Tagger
	pool sync.Pool
	// Descriptive turns on rule 3 of the document rules: descriptive actors ("Shia
	// militias", "US forces") as whole ORG spans. On by default; off to score against
	// corpora that annotate names only (GMB, CoNLL, wikigold).
	Descriptive bool
	// Offices turns on actor-mode rule 10: "the Syrian foreign minister" as a PERSON
	// mention. Off by default until resolution links such a description to the person
	// who holds the office; alone it makes an actor of the title.
	Offices bool
	// Exact turns off an approximation of tagging: a lower-case word seldom capitalised in
	// running text that no word list marks as (part of) a name, or a punctuation token, is
	// tagged O without scoring when the tag before it is O (tagger.go, plainWord). It saves
	// scoring most tokens and changes few tags (GMB dev F1 0.8734, exact 0.8732).
	Exact bool
}

var (
	loadOnce sync.Once
	loaded   *Recognizer
	loadErr  error
)

// Load returns the entity recogniser with the weights embedded in the binary (models/ner.bin).
func Load() (*Recognizer, error) {
	loadOnce.Do(func() {
		var t *Tagger
		t, loadErr = readTagger(models.NER, newLexicon())
		if loadErr == nil {
			loaded = New(t)
		}
	})
	return loaded, loadErr
}

var (
	posOnce sync.Once
	posTag  *pos.Tagger
	posErr  error
)

// posTagger returns the embedded POS tagger, loaded once.
func posTagger() (*pos.Tagger, error) {
	posOnce.Do(func() { posTag, posErr = pos.Load() })
	return posTag, posErr
}

// New returns a recogniser around a trained tagger.
func New(t *Tagger) *Recognizer {
	return &Recognizer{t: t, pool: sync.Pool{New: func() any { return new(scratch) }}, Descriptive: true}
}

// Annotate tags d.Tokens (Token.Ent, IOB2) and fills d.Entities. It needs the tokens and
// sentences of the tokenizer; POS tags are used when the model was trained with them.
// With Descriptive set, an entity may cover part of one hyphenated token ("US" in
// "US-led", "Iran" in "pro-Iran"): its byte range is then inside the token, and the token's
// Ent is B- of the first such entity.
func (r *Recognizer) Annotate(d *nlp.Doc) {
	d.Entities = d.Entities[:0]
	if len(d.Tokens) == 0 {
		return
	}
	sc := r.pool.Get().(*scratch)
	defer r.pool.Put(sc)
	defer sc.endDoc()
	words, tags, ents, sents := r.tagDoc(sc, d)
	// docRules and actorRules share one rdoc: the words do not change in between
	rd := &sc.rd
	rd.reset(r.t.lx, words, ents)
	docRules(rd, tags, sents, r.Descriptive)
	dropMisc(tags)
	trimPunct(words, tags)
	var parts []nlp.Span
	if r.Descriptive {
		known := actorRules(rd, tags, sents, r.Offices)
		parts = compounds(r.t.lx, d, words, tags, known)
	}
	for i := range d.Tokens {
		d.Tokens[i].Ent = tags[i]
	}
	buf := rd.spans[:0]
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		buf = appendSpans(buf[:0], tags[s.First:s.Last])
		for _, sp := range buf {
			f, l := s.First+sp.first, s.First+sp.last
			d.Entities = append(d.Entities, nlp.Span{First: f, Last: l,
				Start: d.Tokens[f].Start, End: d.Tokens[l-1].End, Label: sp.typ})
		}
	}
	rd.spans = buf[:0]
	if len(parts) > 0 {
		for k := len(parts) - 1; k >= 0; k-- {
			d.Tokens[parts[k].First].Ent = "B-" + parts[k].Label
		}
		d.Entities = append(d.Entities, parts...)
		sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	}
}

// tagDoc runs Annotate's steps before the document rules on d, in sc's per-document
// buffers: the words (case repaired), the tagger's tags, each word's cache entry (nil
// outside a sentence) and the sentences.
func (r *Recognizer) tagDoc(sc *scratch, d *nlp.Doc) (words, tags []string, ents []*wordEntry, sents []nlp.Sentence) {
	sc.skipPlain = !r.Exact
	sc.docWords = grow(sc.docWords, len(d.Tokens))
	words = sc.docWords
	for i := range d.Tokens {
		words[i] = d.Tokens[i].Norm
		if words[i] == "" {
			words[i] = d.Text[d.Tokens[i].Start:d.Tokens[i].End]
		}
	}
	var pos []string
	if r.t.usePOS {
		if d.Tokens[0].XPOS == "" {
			// no POS tagger ran before: run the embedded one
			if tg, err := posTagger(); err == nil {
				tg.Annotate(d)
			}
		}
		sc.docPOS = grow(sc.docPOS, len(d.Tokens))
		pos = sc.docPOS
		for i := range d.Tokens {
			pos[i] = d.Tokens[i].XPOS
		}
	}
	sents = d.Sentences
	if len(sents) == 0 {
		sents = []nlp.Sentence{{Start: 0, End: len(d.Text), First: 0, Last: len(d.Tokens)}}
	}
	repairCase(r.t.lx, words, sents)
	sc.docIDs = grow(sc.docIDs, len(words))
	ids := sc.docIDs
	clear(ids) // class 0 (O) for words outside a sentence
	// the cache entry of each word, for the rule flags (nil for words outside a sentence)
	sc.docEnts = grow(sc.docEnts, len(words))
	ents = sc.docEnts
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		var p []string
		if pos != nil {
			p = pos[s.First:s.Last]
		}
		sc.ents = ents[s.First:s.Last]
		r.t.tag(sc, words[s.First:s.Last], p, ids[s.First:s.Last])
	}
	sc.ents = nil
	sc.docTags = grow(sc.docTags, len(ids))
	tags = sc.docTags
	for i, c := range ids {
		tags[i] = r.t.classes[c]
	}
	return words, tags, ents, sents
}

// TagWords tags a pre-tokenised document given as sentences of words (and Penn tags, or
// nil), with the document rules, as Annotate would; it returns IOB2 tags per sentence.
func (r *Recognizer) TagWords(sentences [][]string, pos [][]string) [][]string {
	var words []string
	var sents []nlp.Sentence
	var allPOS []string
	for i, s := range sentences {
		sents = append(sents, nlp.Sentence{First: len(words), Last: len(words) + len(s)})
		words = append(words, s...)
		if pos != nil && i < len(pos) && len(pos[i]) == len(s) {
			allPOS = append(allPOS, pos[i]...)
		} else {
			allPOS = append(allPOS, make([]string, len(s))...)
		}
	}
	if r.t.usePOS {
		// tags of the embedded POS tagger, as in training
		if tg, err := posTagger(); err == nil {
			for _, s := range sents {
				if s.First < s.Last {
					_, x := tg.Tag(words[s.First:s.Last])
					copy(allPOS[s.First:s.Last], x)
				}
			}
		}
	}
	sc := r.pool.Get().(*scratch)
	defer r.pool.Put(sc)
	sc.skipPlain = !r.Exact
	repairCase(r.t.lx, words, sents)
	ids := make([]int, len(words))
	for _, s := range sents {
		if s.First < s.Last {
			r.t.tag(sc, words[s.First:s.Last], allPOS[s.First:s.Last], ids[s.First:s.Last])
		}
	}
	tags := make([]string, len(ids))
	for i, c := range ids {
		tags[i] = r.t.classes[c]
	}
	sc.rd.reset(r.t.lx, words, nil)
	defer sc.rd.release()
	docRules(&sc.rd, tags, sents, r.Descriptive)
	dropMisc(tags)
	trimPunct(words, tags)
	out := make([][]string, len(sentences))
	for i, s := range sents {
		out[i] = tags[s.First:s.Last]
	}
	return out
}

// repairCase rewrites the words of headline sentences (ALL CAPS, or Title Case with most
// words capitalised) to the casing the same words have in the body of the document, so
// that capitalisation means the same thing there as elsewhere. An ALL-CAPS word never seen
// in the body is lower-cased unless the gazetteer knows it (then short ones stay capitals,
// US, UN; longer ones become Title case, Kirkuk).
func repairCase(lx *lexicon, words []string, sents []nlp.Sentence) {
	kind := make([]int, len(sents)) // 0 body, 1 title case, 2 all caps
	for si, s := range sents {
		kind[si] = sentKind(words[s.First:s.Last])
	}
	headlines := false
	for _, k := range kind {
		if k != 0 {
			headlines = true
		}
	}
	if !headlines {
		return
	}
	var casing map[string]string
	for si, s := range sents {
		if kind[si] != 0 {
			continue
		}
		for i := s.First + 1; i < s.Last; i++ {
			w := words[i]
			l := strings.ToLower(w)
			if casing == nil {
				casing = map[string]string{}
			}
			if _, ok := casing[l]; !ok || w == l {
				casing[l] = w // lower case wins: a word seen in lower case is a common word
			}
		}
	}
	for si, s := range sents {
		if kind[si] == 0 {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			w := words[i]
			l := strings.ToLower(w)
			if c, ok := casing[l]; ok {
				words[i] = c
				continue
			}
			if kind[si] != 2 {
				continue
			}
			_, place := lx.places.Lookup(l)
			_, actor := lx.actors[l]
			switch {
			case place || actor || lx.isGroup(l) || lx.titles[l]:
				if len(w) > 4 {
					words[i] = titleCase(l)
				}
			case strings.IndexFunc(w, unicode.IsLetter) >= 0:
				words[i] = l
			}
		}
	}
}

// sentKind returns repairCase's kind of a sentence of words: 2 when it is all capitals
// (8 letters or more, 90% of them upper-case), 1 when it is title case (3 words or more of
// over three bytes with a letter, 80% of them capitalised), else 0. It stops reading at a
// word after which neither can hold, whatever the words left.
func sentKind(words []string) int {
	letters, upper, words0, capd := 0, 0, 0, 0
	restBytes, restWords := 0, len(words) // of the words not read yet
	for _, w := range words {
		restBytes += len(w)
	}
	for _, w := range words {
		restBytes -= len(w)
		restWords--
		hasLetter := false
		for j := 0; j < len(w); j++ {
			c := w[j]
			if c >= utf8.RuneSelf {
				// the rest of the word, rune by rune
				for _, r := range w[j:] {
					if unicode.IsLetter(r) {
						letters++
						hasLetter = true
						if unicode.IsUpper(r) {
							upper++
						}
					}
				}
				break
			}
			switch {
			case 'a' <= c && c <= 'z':
				letters++
				hasLetter = true
			case 'A' <= c && c <= 'Z':
				letters++
				upper++
				hasLetter = true
			}
		}
		if hasLetter && len(w) > 3 {
			words0++
			if isCap(w) {
				capd++
			}
		}
		// all capitals needs upper >= 9 lower-case letters at the end, title case
		// capitalised >= 4 other words; the words left add at most restBytes capitals and
		// restWords capitalised words
		if upper+restBytes < 9*(letters-upper) && capd+restWords < 4*(words0-capd) {
			return 0
		}
	}
	switch {
	case letters >= 8 && upper*10 >= letters*9:
		return 2
	case words0 >= 3 && capd*10 >= words0*8:
		return 1
	}
	return 0
}

func titleCase(l string) string {
	for i, r := range l {
		return l[:i] + string(unicode.ToUpper(r)) + l[i+len(string(r)):]
	}
	return l
}

// dropMisc turns the internal MISC class into O.
func dropMisc(tags []string) {
	for i, t := range tags {
		if len(t) == 6 && t[2:] == misc {
			tags[i] = "O"
		}
	}
}

// trimPunct takes the tokens without a letter or digit off the ends of entity spans (a
// span of such tokens only, "-", disappears): the greedy tagger sometimes starts or ends a
// name on the hyphen or bracket next to it.
func trimPunct(words, tags []string) {
	for i := 0; i < len(tags); {
		if tags[i] == "O" || len(tags[i]) < 3 {
			i++
			continue
		}
		typ := tags[i][2:]
		j := i + 1
		for j < len(tags) && isTag(tags[j], 'I', typ) {
			j++
		}
		f, l := i, j
		for f < l && !hasAlnum(words[f]) {
			tags[f] = "O"
			f++
		}
		for l > f && !hasAlnum(words[l-1]) {
			tags[l-1] = "O"
			l--
		}
		if f < l {
			tags[f] = bTag(typ)
		}
		i = j
	}
}

func hasAlnum(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// isTag reports whether the IOB2 tag t is p-typ ('B' or 'I' for p), without building the
// string p+"-"+typ.
func isTag(t string, p byte, typ string) bool {
	return len(t) == len(typ)+2 && t[0] == p && t[1] == '-' && t[2:] == typ
}
