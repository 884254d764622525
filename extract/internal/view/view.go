// Package view gives the event and tie extractors one view of an annotated document:
// tokens with whatever layers the nlp pipeline filled in (POS, lemmas, dependency heads),
// sentences, and the entity mentions mapped onto token ranges. When a layer is missing it
// degrades: no tokens or sentences means a simple fallback tokenizer and splitter; no POS,
// lemmas or parse means the fields stay empty and HasPOS/HasParse report it.
package view

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/nlp"
)

// Tok is a token of the view.
type Tok struct {
	Start, End int
	Lower      string // lower-cased normalised form
	Lemma      string // lower-cased lemma, or "" without a lemmatiser
	UPOS, XPOS string
	Head       int // index of the head token; -1 for the root or without a parse
	Rel        string
	Sent       int // sentence index
	Mention    int // index into View.Mentions of the mention covering the token, or -1
}

// Sent is a sentence: bytes [Start, End), tokens [First, Last).
type Sent struct {
	Start, End  int
	First, Last int
}

// Mention is an entity mention over tokens [First, Last) and bytes [Start, End).
type Mention struct {
	Start, End  int
	First, Last int
	Type        string
	Actor       string
	Text        string
}

// Ref returns the mention as a fact reference.
func (m Mention) Ref() *faultline.Ref {
	return &faultline.Ref{Span: faultline.Span{Start: m.Start, End: m.End, Text: m.Text}, Actor: m.Actor}
}

// Actorish reports whether a mention can be the source or target of an event or an end of
// a tie: people, organisations, places with a government, and groups.
func (m Mention) Actorish() bool {
	switch m.Type {
	case faultline.PERSON, faultline.ORG, faultline.GPE, faultline.NORP:
		return true
	}
	return false
}

// Placeish reports whether a mention can be where an event happened.
func (m Mention) Placeish() bool {
	switch m.Type {
	case faultline.GPE, faultline.LOC, faultline.FAC:
		return true
	}
	return false
}

// View is the document as the extractors see it.
type View struct {
	Text     string
	Toks     []Tok
	Sents    []Sent
	Mentions []Mention
	// SentMentions lists, per sentence, the indexes of the mentions that start in it.
	SentMentions [][]int
	HasPOS       bool
	HasLemma     bool
	HasParse     bool
}

// New builds the view of an extraction input. Its tokens may take the array of the view an
// earlier input left in in.Spare (spareToks), which that view then no longer owns.
func New(in *extract.Input) *View {
	v := &View{Text: in.Doc.Text}
	d := in.NLP
	if d != nil && len(d.Tokens) > 0 {
		v.Toks = spareToks(in, len(d.Tokens))
		// Lower-cased ASCII forms and lemmas with capitals are written to one buffer and
		// made strings together (one allocation, not one per capitalised word).
		var low []byte
		type span struct{ tok, start, end int }
		var forms, lemmas []span
		lower := func(s string, tok int, spans *[]span) string {
			switch ascii, upper := caseASCII(s); {
			case !ascii:
				return strings.ToLower(s)
			case !upper:
				return s
			}
			start := len(low)
			for i := 0; i < len(s); i++ {
				c := s[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				low = append(low, c)
			}
			*spans = append(*spans, span{tok, start, len(low)})
			return ""
		}
		v.Toks = v.Toks[:len(d.Tokens)] // (every field of every token is set below)
		for i := range d.Tokens {
			t := &d.Tokens[i]
			norm := t.Norm
			if norm == "" && t.End <= len(v.Text) && t.Start < t.End {
				norm = v.Text[t.Start:t.End]
			}
			form := lower(norm, i, &forms)
			// A lemma equal to the form (most words) is lowered as it was, once.
			var lemma string
			switch {
			case t.Lemma != norm:
				lemma = lower(t.Lemma, i, &lemmas)
			case form != "" || norm == "":
				lemma = form
			default: // the form's lowered bytes, the last span written
				sp := forms[len(forms)-1]
				lemmas = append(lemmas, span{i, sp.start, sp.end})
			}
			v.Toks[i] = Tok{Start: t.Start, End: t.End, Lower: form,
				Lemma: lemma, UPOS: t.UPOS, XPOS: t.XPOS, Head: t.Head, Rel: t.Rel, Mention: -1}
			if t.UPOS != "" || t.XPOS != "" {
				v.HasPOS = true
			}
			if t.Lemma != "" {
				v.HasLemma = true
			}
			if t.Rel != "" {
				v.HasParse = true
			}
		}
		if len(low) > 0 {
			all := string(low)
			for _, sp := range forms {
				v.Toks[sp.tok].Lower = all[sp.start:sp.end]
			}
			for _, sp := range lemmas {
				v.Toks[sp.tok].Lemma = all[sp.start:sp.end]
			}
		}
		if !v.HasParse {
			for i := range v.Toks {
				v.Toks[i].Head = -1
			}
		}
		v.Sents = make([]Sent, 0, len(d.Sentences))
		for _, s := range d.Sentences {
			v.Sents = append(v.Sents, Sent{Start: s.Start, End: s.End, First: s.First, Last: s.Last})
		}
		if len(v.Sents) == 0 {
			v.Sents = split(v.Text, v.Toks)
		}
	} else {
		v.Toks = Tokenize(v.Text)
		v.Sents = split(v.Text, v.Toks)
	}
	for si, s := range v.Sents {
		for i := s.First; i < s.Last && i < len(v.Toks); i++ {
			v.Toks[i].Sent = si
		}
	}
	// Mentions: the extraction's entities (coreference has set actors on them), else the
	// NER layer of the nlp doc.
	type ent struct {
		start, end int
		typ, actor string
	}
	var ents []ent
	if len(in.Out.Entities) > 0 {
		ents = make([]ent, 0, len(in.Out.Entities))
		for _, e := range in.Out.Entities {
			ents = append(ents, ent{e.Start, e.End, e.Type, e.Actor})
		}
	} else if d != nil {
		ents = make([]ent, 0, len(d.Entities))
		for _, e := range d.Entities {
			ents = append(ents, ent{e.Start, e.End, e.Label, ""})
		}
	}
	slices.SortStableFunc(ents, func(a, b ent) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		return cmp.Compare(b.end, a.end) // the longest of mentions starting together
	})
	v.Mentions = make([]Mention, 0, len(ents))
	for _, e := range ents {
		if e.start < 0 || e.end > len(v.Text) || e.start >= e.end {
			continue
		}
		first, last := -1, -1
		// The first token ending after the entity starts, then on while tokens overlap it.
		i := sort.Search(len(v.Toks), func(k int) bool { return v.Toks[k].End > e.start })
		for ; i < len(v.Toks) && v.Toks[i].Start < e.end; i++ {
			if first < 0 {
				first = i
			}
			last = i + 1
		}
		if first < 0 {
			continue
		}
		overlap := false
		for i := first; i < last; i++ {
			if v.Toks[i].Mention >= 0 {
				overlap = true
			}
		}
		if overlap {
			continue
		}
		mi := len(v.Mentions)
		v.Mentions = append(v.Mentions, Mention{Start: e.start, End: e.end, First: first, Last: last,
			Type: e.typ, Actor: e.actor, Text: v.Text[e.start:e.end]})
		for i := first; i < last; i++ {
			v.Toks[i].Mention = mi
		}
	}
	// SentMentions: slices of one array, in mention order within each sentence.
	v.SentMentions = make([][]int, len(v.Sents))
	count := make([]int, len(v.Sents)+1)
	for _, m := range v.Mentions {
		if si := v.Toks[m.First].Sent; si < len(v.Sents) {
			count[si+1]++
		}
	}
	for si := range v.Sents {
		count[si+1] += count[si]
	}
	all := make([]int, count[len(v.Sents)])
	next := slices.Clone(count)
	for mi, m := range v.Mentions {
		if si := v.Toks[m.First].Sent; si < len(v.Sents) {
			all[next[si]] = mi
			next[si]++
		}
	}
	for si := range v.Sents {
		if a, b := count[si], count[si+1]; a < b {
			v.SentMentions[si] = all[a:b:b] // full: an append copies
		}
	}
	return v
}

// spareToks returns an empty token slice with room for n tokens: the array of the view an
// earlier input of the pipeline left in in.Spare, when it is large enough, or a new one. The
// earlier input's extraction is done and no extraction keeps a view's tokens (facts hold
// offsets and strings), so its array is free; it is taken out of in.Spare, so that a view
// built again for this input (Of) does not share it.
func spareToks(in *extract.Input, n int) []Tok {
	if m, ok := in.Spare[memoKey{}].(*memoed); ok {
		delete(in.Spare, memoKey{})
		if cap(m.v.Toks) >= n {
			return m.v.Toks[:0]
		}
	}
	return make([]Tok, 0, n)
}

// caseASCII reports whether s is all ASCII, and whether it has an upper-case ASCII letter.
// It reads eight bytes at a time: a word is ASCII when no byte has its high bit, and for
// ASCII bytes b, b+0x3f has the high bit when b >= 'A' and b+0x25 when b > 'Z' (no sum
// carries into the next byte). upper is meaningful only when ascii is true.
func caseASCII(s string) (ascii, upper bool) {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	var up uint64
	for ; len(s) >= 8; s = s[8:] {
		w := s[:8] // (one load, no bounds checks)
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if x&high != 0 {
			return false, false
		}
		up |= (x + 0x3f*ones) &^ (x + 0x25*ones)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		if c-'A' < 26 {
			up |= high
		}
	}
	return true, up&high != 0
}

// SentenceSpan returns sentence si as a span of the original text.
func (v *View) SentenceSpan(si int) faultline.Span {
	s := v.Sents[si]
	return faultline.Span{Start: s.Start, End: s.End, Text: v.Text[s.Start:s.End]}
}

// MentionAt returns the mention covering token i, or -1.
func (v *View) MentionAt(i int) int {
	if i < 0 || i >= len(v.Toks) {
		return -1
	}
	return v.Toks[i].Mention
}

// Word reports whether token i exists and its lower-cased form or lemma is one of ws.
func (v *View) Word(i int, ws ...string) bool {
	if i < 0 || i >= len(v.Toks) {
		return false
	}
	for _, w := range ws {
		if v.Toks[i].Lower == w || (v.Toks[i].Lemma != "" && v.Toks[i].Lemma == w) {
			return true
		}
	}
	return false
}

// PrepBefore reports whether the token before token first (skipping "the") is one of ps.
func (v *View) PrepBefore(first int, ps map[string]bool) bool {
	j := first - 1
	for j >= 0 && v.Toks[j].Lower == "the" {
		j--
	}
	return j >= 0 && ps[v.Toks[j].Lower]
}

// Children returns the dependents of token h within its sentence.
func (v *View) Children(h int) []int {
	if !v.HasParse || h < 0 {
		return nil
	}
	s := v.Sents[v.Toks[h].Sent]
	var out []int
	for i := s.First; i < s.Last; i++ {
		if v.Toks[i].Head == h {
			out = append(out, i)
		}
	}
	return out
}

// Tokenize is the fallback tokenizer used when the nlp pipeline produced no tokens: words
// (letters, digits, inner hyphens, apostrophes and periods), possessive 's split off, and
// single punctuation marks.
func Tokenize(text string) []Tok {
	var toks []Tok
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == ',' {
					if j+n2 < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[j+n2:])
						inner := unicode.IsLetter(r3) || unicode.IsDigit(r3)
						if r2 == '-' && unicode.IsUpper(r3) {
							inner = false // "Shia-Kurdish", "US-Iran": two names
						}
						if r2 == ',' || r2 == '.' {
							prev, _ := utf8.DecodeLastRuneInString(text[:j])
							inner = unicode.IsDigit(prev) && unicode.IsDigit(r3)
						}
						if (r2 == '\'' || r2 == '’') && (strings.HasPrefix(strings.ToLower(text[j+n2:]), "s") &&
							!startsLetter(text[j+n2+1:])) {
							inner = false // possessive 's: split off
						}
						if inner {
							j += n2
							continue
						}
					}
				}
				break
			}
			// Abbreviations with a final period: U.S., Gen., Mr.
			if j < len(text) && text[j] == '.' && isAbbrev(text[start:j]) {
				j++
			}
			toks = append(toks, Tok{Start: start, End: j})
			i = j
			continue
		}
		if (r == '\'' || r == '’') && i+n < len(text) && (text[i+n] == 's' || text[i+n] == 'S') &&
			!startsLetter(text[i+n+1:]) {
			toks = append(toks, Tok{Start: i, End: i + n + 1})
			i += n + 1
			continue
		}
		toks = append(toks, Tok{Start: i, End: i + n})
		i += n
	}
	for k := range toks {
		toks[k].Lower = strings.ToLower(strings.ReplaceAll(text[toks[k].Start:toks[k].End], "’", "'"))
		toks[k].Head = -1
		toks[k].Mention = -1
	}
	return toks
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func isAbbrev(w string) bool {
	if strings.Contains(w, ".") {
		return true // U.S -> U.S.
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep",
		"st", "jr", "sr", "prof", "rev", "no", "vs", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}

// split is the fallback sentence splitter: a sentence ends after . ! or ? (and any closing
// quotes or brackets) followed by a token that starts with an upper-case letter, a digit
// or a quote, and at every line break.
func split(text string, toks []Tok) []Sent {
	var out []Sent
	first := 0
	end := func(last int) {
		if last > first {
			out = append(out, Sent{Start: toks[first].Start, End: toks[last-1].End, First: first, Last: last})
		}
		first = last
	}
	for i := range toks {
		if i > first && strings.Contains(text[toks[i-1].End:toks[i].Start], "\n") {
			end(i)
		}
		w := text[toks[i].Start:toks[i].End]
		if w != "." && w != "!" && w != "?" {
			continue
		}
		j := i + 1
		for j < len(toks) && strings.ContainsAny(text[toks[j].Start:toks[j].End], "\"”’')]") && toks[j].End-toks[j].Start <= 3 {
			j++
		}
		if j >= len(toks) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[toks[j].Start:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'", r) {
			end(j)
		}
	}
	end(len(toks))
	return out
}

// VerbForms returns the regular inflections of a verb lemma: -s, -ed, -ing, with the usual
// spelling changes (e-dropping, y to i, doubled final consonant). Both the doubled and the
// plain form are returned where English hesitates (kidnapped, visited).
func VerbForms(lemma string) []string {
	out := []string{lemma}
	n := len(lemma)
	if n == 0 {
		return out
	}
	last := lemma[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case strings.HasSuffix(lemma, "e"):
		out = append(out, lemma+"s", lemma+"d", lemma[:n-1]+"ing")
	case last == 'y' && n > 1 && !vowel(lemma[n-2]):
		out = append(out, lemma[:n-1]+"ies", lemma[:n-1]+"ied", lemma+"ing")
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") ||
		strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z"):
		out = append(out, lemma+"es", lemma+"ed", lemma+"ing")
	default:
		out = append(out, lemma+"s", lemma+"ed", lemma+"ing")
		if n >= 3 && !vowel(last) && last != 'w' && last != 'x' && last != 'y' && vowel(lemma[n-2]) && !vowel(lemma[n-3]) {
			out = append(out, lemma+string(last)+"ed", lemma+string(last)+"ing")
		}
	}
	return out
}

// NounForms returns a noun and its regular plural.
func NounForms(noun string) []string {
	switch {
	case strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "sh") || strings.HasSuffix(noun, "ch") || strings.HasSuffix(noun, "x"):
		return []string{noun, noun + "es"}
	case strings.HasSuffix(noun, "y") && len(noun) > 1 && strings.IndexByte("aeiou", noun[len(noun)-2]) < 0:
		return []string{noun, noun[:len(noun)-1] + "ies"}
	}
	return []string{noun, noun + "s"}
}

// memoKey is the key of an input's view in extract.Input.Memo.
type memoKey struct{}

// memoed is a view kept with what it was built from.
type memoed struct {
	v     *View
	toks  []nlp.Token
	sents []nlp.Sentence
	ents  []faultline.Entity
	nents []nlp.Span
	text  string
}

// Of returns the view of in, built by New once per input and kept in in.Memo: the event and
// tie extractors both read it. It is built again when the input's text, tokens, sentences or
// entities are other slices than when it was built; a component that changes them in place
// (not by appending or replacing them) after Of was called must call Forget.
func Of(in *extract.Input) *View {
	var toks []nlp.Token
	var sents []nlp.Sentence
	var nents []nlp.Span
	if in.NLP != nil {
		toks, sents, nents = in.NLP.Tokens, in.NLP.Sentences, in.NLP.Entities
	}
	if m, ok := in.Memo[memoKey{}].(*memoed); ok && m.text == in.Doc.Text && same(m.toks, toks) &&
		same(m.sents, sents) && same(m.ents, in.Out.Entities) && same(m.nents, nents) {
		return m.v
	}
	v := New(in)
	if in.Memo == nil {
		in.Memo = map[any]any{}
	}
	in.Memo[memoKey{}] = &memoed{v: v, toks: toks, sents: sents, ents: in.Out.Entities, nents: nents, text: in.Doc.Text}
	return v
}

// Forget drops the view Of kept for in.
func Forget(in *extract.Input) { delete(in.Memo, memoKey{}) }

// same reports whether a and b are one slice: same length and same first element.
func same[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
