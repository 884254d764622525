// Package quote finds direct quotations and attributes each to its speaker.
//
// A quotation is the text between a pair of quotation marks (curly “…” or straight "…")
// inside one paragraph; an opening mark with no closing mark runs to the end of its
// paragraph, as in a quotation continued in the next one. The speaker is found, in order:
//
//  1. after the quotation, in the same sentence: `…," said NAME`, `…," NAME said`,
//     `…," he said` (a pronoun: the latest speaker), `…," a policeman told me`
//     (a description: a speaker with no actor), `… is the claim of NAME`;
//  2. before it, in the same sentence: `NAME said: "…"`, `NAME claimed to me that "…"`;
//  3. otherwise, the latest speaker, if the previous attributed quotation ended in this
//     paragraph or the one before (a quotation split by its attribution, or continued).
//
// Quotations with no speaker (scare quotes, titles) are left out. Names are the entity
// mentions earlier components found; the speech verbs are a data file (lexicon/quotes).
package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	lex "github.com/faultline/faultline/lexicon/quotes"
)

// Extractor is the quotation component of the extract pipeline.
type Extractor struct {
	verbs    map[string]bool
	pronouns map[string]bool
}

// New returns an Extractor with the shipped word lists.
func New() *Extractor {
	return &Extractor{verbs: lex.SpeechVerbs(), pronouns: lex.Pronouns()}
}

// segment is one quotation: outer includes the marks, inner is the trimmed content.
type segment struct {
	outerStart, outerEnd int
	innerStart, innerEnd int
	para                 int // paragraph index
	closed               bool
}

// maxWindow bounds how far before or after a quotation the attribution is looked for.
const maxWindow = 240

// Extract implements extract.Component.
func (x *Extractor) Extract(in *extract.Input) {
	text := in.Doc.Text
	ents := in.Out.Entities
	var last *faultline.Ref // the latest speaker
	lastPara := -10
	for _, s := range segments(text) {
		if s.innerEnd <= s.innerStart {
			continue
		}
		sp := x.after(text, s, ents, last)
		if sp == nil {
			sp = x.before(text, s, ents, last)
		}
		if sp == nil && last != nil && s.para-lastPara <= 1 {
			cp := *last
			sp = &cp
		}
		if sp == nil {
			continue
		}
		in.Out.Quotes = append(in.Out.Quotes, faultline.Quote{
			Span:    faultline.Span{Start: s.innerStart, End: s.innerEnd, Text: text[s.innerStart:s.innerEnd]},
			Speaker: sp,
		})
		if sp.Actor != "" || sp.Text != "" {
			last, lastPara = sp, s.para
		}
	}
}

// segments pairs quotation marks paragraph by paragraph.
func segments(text string) []segment {
	var out []segment
	para := 0
	open := -1   // byte offset of the open mark, -1 when outside a quotation
	openLen := 0 // its length in bytes
	straight := false
	flush := func(end int) {
		if open >= 0 {
			out = append(out, trimmed(text, segment{outerStart: open, outerEnd: end, innerStart: open + openLen, innerEnd: end, para: para}))
		}
		open = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			// A blank line or a single newline both end a paragraph in plain-text news.
			flush(i)
			para++
		case r == '“' || (r == '"' && open < 0):
			if open >= 0 && r == '“' { // a new opening mark: the previous one never closed
				flush(i)
			}
			open, openLen, straight = i, n, r == '"'
		case (r == '”' && open >= 0) || (r == '"' && open >= 0 && straight):
			s := trimmed(text, segment{outerStart: open, outerEnd: i + n, innerStart: open + openLen, innerEnd: i, para: para, closed: true})
			out = append(out, s)
			open = -1
		case r == '"' && open >= 0 && !straight:
			// a straight mark inside a curly quotation: treat as nested, ignore
		}
		i += n
	}
	flush(len(text))
	return out
}

func trimmed(text string, s segment) segment {
	for s.innerStart < s.innerEnd {
		r, n := utf8.DecodeRuneInString(text[s.innerStart:])
		if !unicode.IsSpace(r) {
			break
		}
		s.innerStart += n
	}
	for s.innerEnd > s.innerStart {
		r, n := utf8.DecodeLastRuneInString(text[:s.innerEnd])
		if !unicode.IsSpace(r) {
			break
		}
		s.innerEnd -= n
	}
	return s
}

// after looks for the attribution that follows a quotation in its sentence.
func (x *Extractor) after(text string, s segment, ents []faultline.Entity, last *faultline.Ref) *faultline.Ref {
	if !s.closed {
		return nil
	}
	// After a quotation that ends its own sentence (…here.”), what follows is a new
	// sentence unless it starts in lower case (“… here.” said Smith is rare but lower-cased
	// attributions like “…,” he said are the norm).
	inner := strings.TrimRight(text[s.innerStart:s.innerEnd], " ")
	lastRune, _ := utf8.DecodeLastRuneInString(inner)
	end := windowEnd(text, s.outerEnd)
	win := text[s.outerEnd:end]
	words := wordsIn(win, s.outerEnd)
	if len(words) == 0 {
		return nil
	}
	if lastRune == '.' {
		if r, _ := utf8.DecodeRuneInString(words[0].w); !unicode.IsLower(r) {
			return nil
		}
	}
	// "is the (proud) claim of NAME", "according to NAME"
	for i, w := range words {
		lw := strings.ToLower(w.w)
		if (lw == "of" && i > 0 && strings.EqualFold(words[i-1].w, "claim")) ||
			(lw == "to" && i > 0 && strings.EqualFold(words[i-1].w, "according")) {
			if e := firstEntity(ents, w.end, end); e != nil {
				return ref(text, e)
			}
		}
	}
	// "said NAME" / "NAME said": find the first speech verb within the first words.
	for i, w := range words {
		if i > 8 {
			break
		}
		if !x.verbs[strings.ToLower(w.w)] {
			continue
		}
		if i == 0 || (i == 1 && isAux(words[0].w)) {
			if e := firstEntity(ents, w.end, minInt(end, w.end+80)); e != nil {
				return ref(text, e)
			}
			if j := i + 1; j < len(words) && x.pronouns[strings.ToLower(words[j].w)] && last != nil {
				return pronounRef(text, words[j], last)
			}
			return nameRef(text, words[i+1:])
		}
		// subject before the verb
		if x.pronouns[strings.ToLower(words[i-1].w)] && i == 1 {
			if last == nil {
				return nil
			}
			return pronounRef(text, words[0], last)
		}
		if e := lastEntity(ents, s.outerEnd, w.start); e != nil {
			return ref(text, e)
		}
		return description(text, words[:i])
	}
	return nil
}

// before looks for `NAME said: "…"` in the quotation's sentence.
func (x *Extractor) before(text string, s segment, ents []faultline.Entity, last *faultline.Ref) *faultline.Ref {
	start := windowStart(text, s.outerStart)
	words := wordsIn(text[start:s.outerStart], start)
	// the last speech verb, close to the quotation
	vi := -1
	for i := len(words) - 1; i >= 0 && i >= len(words)-8; i-- {
		if x.verbs[strings.ToLower(words[i].w)] {
			vi = i
			break
		}
	}
	if vi < 0 {
		return nil
	}
	// the subject: a person named in the clause before the verb, else any actor, else a pronoun
	if e := firstEntityOf(ents, start, words[vi].start, faultline.PERSON); e != nil {
		return ref(text, e)
	}
	if e := firstEntity(ents, start, words[vi].start); e != nil {
		return ref(text, e)
	}
	for i := vi - 1; i >= 0 && i >= vi-3; i-- {
		if x.pronouns[strings.ToLower(words[i].w)] && last != nil {
			return pronounRef(text, words[i], last)
		}
	}
	if vi > 0 {
		return description(text, words[:vi])
	}
	return nil
}

// word is a word of a window and its byte offsets in the document.
type word struct {
	w          string
	start, end int
}

// wordsIn splits a window into words (letters, digits, apostrophes, hyphens, periods of
// abbreviations), with document offsets.
func wordsIn(win string, base int) []word {
	var out []word
	start := -1
	for i, r := range win {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
		if inWord && start < 0 {
			start = i
		} else if !inWord && start >= 0 {
			out = append(out, word{win[start:i], base + start, base + i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{win[start:], base + start, base + len(win)})
	}
	return out
}

// windowEnd is where the attribution after a quotation must end: the next sentence end,
// opening quotation mark or newline, at most maxWindow bytes on.
func windowEnd(text string, from int) int {
	limit := minInt(len(text), from+maxWindow)
	for i := from; i < limit; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '“' || r == '"' {
			return i
		}
		if (r == '.' || r == '!' || r == '?') && (i+n >= len(text) || text[i+n] == ' ' || text[i+n] == '\n') {
			// "Mr. Smith said": do not stop after a short capitalised abbreviation
			if !abbrevBefore(text, i) {
				return i
			}
		}
		i += n
	}
	return limit
}

// windowStart is where the clause introducing a quotation starts: after the previous
// sentence end, closing quotation mark or newline, at most maxWindow bytes back.
func windowStart(text string, to int) int {
	limit := maxInt(0, to-maxWindow)
	for i := to; i > limit; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r == '\n' || r == '”' || r == '"' {
			return i
		}
		if (r == '.' || r == '!' || r == '?') && i < len(text) && text[i] == ' ' && !abbrevBefore(text, i-n) {
			return i
		}
		i -= n
	}
	return limit
}

// abbrevBefore reports whether the period at i ends a title abbreviation like Mr or Gen.
func abbrevBefore(text string, i int) bool {
	j := i
	for j > 0 && unicode.IsLetter(rune(text[j-1])) {
		j--
	}
	w := text[j:i]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Rep", "Sen", "Gov", "St", "Prof", "Rev":
		return true
	}
	return len(w) == 1 && unicode.IsUpper(rune(w[0])) // an initial: George W. Bush
}

func isAux(w string) bool {
	switch strings.ToLower(w) {
	case "has", "had", "have", "was", "is", "once", "later", "then", "also":
		return true
	}
	return false
}

func isSpeakerType(t string) bool {
	return t == faultline.PERSON || t == faultline.ORG || t == faultline.NORP || t == faultline.GPE
}

// firstEntity returns the first actor-like entity starting in [from, to).
func firstEntity(ents []faultline.Entity, from, to int) *faultline.Entity {
	for i := range ents {
		e := &ents[i]
		if e.Start >= from && e.Start < to && isSpeakerType(e.Type) {
			return e
		}
	}
	return nil
}

// firstEntityOf returns the first entity of type t starting in [from, to).
func firstEntityOf(ents []faultline.Entity, from, to int, t string) *faultline.Entity {
	for i := range ents {
		if e := &ents[i]; e.Start >= from && e.Start < to && e.Type == t {
			return e
		}
	}
	return nil
}

// lastEntity returns the last entity ending in (from, to], preferring a person.
func lastEntity(ents []faultline.Entity, from, to int) *faultline.Entity {
	var best *faultline.Entity
	for i := range ents {
		e := &ents[i]
		if e.Start < from || e.End > to || !isSpeakerType(e.Type) {
			continue
		}
		if best == nil || e.Type == faultline.PERSON || best.Type != faultline.PERSON {
			best = e
		}
	}
	return best
}

func ref(text string, e *faultline.Entity) *faultline.Ref {
	return &faultline.Ref{Span: faultline.Span{Start: e.Start, End: e.End, Text: text[e.Start:e.End]}, Actor: e.Actor}
}

func pronounRef(text string, w word, last *faultline.Ref) *faultline.Ref {
	return &faultline.Ref{Span: faultline.Span{Start: w.start, End: w.end, Text: text[w.start:w.end]}, Actor: last.Actor}
}

// nameRef takes a capitalised name at the start of words (when no entity was found there).
func nameRef(text string, words []word) *faultline.Ref {
	n := 0
	for n < len(words) && n < 5 {
		r, _ := utf8.DecodeRuneInString(words[n].w)
		if !unicode.IsUpper(r) && !isParticle(words[n].w) {
			break
		}
		n++
	}
	for n > 0 && isParticle(words[n-1].w) {
		n--
	}
	if n == 0 {
		return nil
	}
	s, e := words[0].start, words[n-1].end
	return &faultline.Ref{Span: faultline.Span{Start: s, End: e, Text: text[s:e]}}
}

// description takes a described speaker ("a policeman", "an officer in the room") from
// the words before a speech verb; it has no actor.
func description(text string, words []word) *faultline.Ref {
	for i, w := range words {
		switch strings.ToLower(w.w) {
		case "a", "an", "the", "another", "one":
			if len(words)-i > 6 {
				continue
			}
			s, e := w.start, words[len(words)-1].end
			return &faultline.Ref{Span: faultline.Span{Start: s, End: e, Text: text[s:e]}}
		}
	}
	return nil
}

func isParticle(w string) bool {
	switch strings.ToLower(w) {
	case "al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von":
		return true
	}
	return strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
