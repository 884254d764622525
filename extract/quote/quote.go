// Package quote finds direct quotations and attributes each to its speaker.
//
// A quotation is the text between a pair of quotation marks inside one paragraph: curly
// “…” or straight "…", or British single ‘…’ (told apart from apostrophes). A double
// quotation with no closing mark runs to the end of its paragraph, as in a quotation
// continued in the next one. The speaker is found, in order:
//
//  1. after the quotation, in its sentence, when the quotation ends as an attributed one
//     does (…,” …?” …!” or ”,): `…," said NAME`, `…," NAME said`, `…," he said`,
//     `…," says a senior official` (a description: a speaker with no actor),
//     `… is the claim of NAME`, `…," according to NAME`; or a passive by-agent after a
//     quoted label (`the "surge" announced by NAME`);
//  2. before it, in its clause: `NAME said: "…"`, `Adds NAME, "…"`, `NAME accused the
//     ministry of "…"`, `NAME made the point that "…"`, `an aide to NAME told me: "…"`,
//     `in the words of NAME, "…"`, `according to NAME, … "…"`;
//  3. otherwise, the latest speaker: in the same paragraph when no other person has been
//     named as a clause's subject since (a lower-case fragment only in the same sentence),
//     or opening the next paragraph when the latest quotation ran to its paragraph end.
//
// A pronoun (he, she, they) as the speaker points back to the nearest earlier candidate in
// its paragraph or the one before: the latest speaker, the antecedent the coreference
// component gave it, a person named as the subject of a clause or after "according to",
// or a described person opening a clause or introduced with "a" ("a senior officer told
// reporters …"). The speaker's span is then that candidate's mention.
//
// Quotations with no speaker (scare quotes, titles) are left out. Names are the entity
// mentions earlier components found; the word lists are data files (lexicon/quotes).
package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/lexicon/gazetteer"
	lex "github.com/faultline/faultline/lexicon/quotes"
	"github.com/faultline/faultline/nlp"
)

// Extractor is the quotation component of the extract pipeline.
type Extractor struct {
	verbs       map[string]bool
	pronouns    map[string]bool
	nouns       map[string]bool // heads of speaker descriptions
	speechNouns map[string]bool
	titles      map[string]bool
}

// New returns an Extractor with the shipped word lists.
func New() *Extractor {
	return &Extractor{verbs: lex.SpeechVerbs(), pronouns: lex.Pronouns(), nouns: lex.SpeakerNouns(),
		speechNouns: lex.SpeechNouns(), titles: gazetteer.Titles()}
}

// segment is one quotation: outer includes the marks, inner is the trimmed content.
type segment struct {
	outerStart, outerEnd int
	innerStart, innerEnd int
	para                 int // paragraph index (non-empty lines)
	closed               bool
	prevEnd, nextStart   int // where the previous quotation ends and the next starts
}

// maxWindow bounds how far before or after a quotation the attribution is looked for.
const maxWindow = 240

// state is what attribution knows about one document.
type state struct {
	x          *Extractor
	text       string
	ents       []faultline.Entity // by start offset
	paras      []int              // start offsets of the non-empty paragraphs
	last       *faultline.Ref     // the latest speaker
	lastAt     int                // where the latest speaker's quotation or name ended
	lastOpen   bool               // the latest speaker's quotation ran to its paragraph end
	attributed bool               // the current quotation has an attribution
	titled     map[string]bool    // names written after a personal title (built on first use)
	segs       []segment          // the quotations of the document
	toks       []nlp.Token        // the document's tokens, when it was annotated
}

// Extract implements extract.Component.
func (x *Extractor) Extract(in *extract.Input) {
	text := in.Doc.Text
	st := &state{x: x, text: text, lastAt: -1}
	st.ents = append([]faultline.Entity(nil), in.Out.Entities...)
	sort.SliceStable(st.ents, func(i, j int) bool { return st.ents[i].Start < st.ents[j].Start })
	if in.NLP != nil {
		st.toks = in.NLP.Tokens
	}
	st.paras = paragraphs(text)
	st.segs = segments(text)
	for _, s := range st.segs {
		if s.innerEnd <= s.innerStart {
			continue
		}
		s.para = st.paraOf(s.outerStart)
		st.attributed = false
		sp := st.after(s)
		if sp == nil {
			sp = st.before(s)
		}
		if sp == nil && !st.attributed && st.continues(s) {
			cp := *st.last
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
			st.last, st.lastAt, st.lastOpen = sp, max(s.outerEnd, sp.End), !s.closed
		}
	}
}

// continues reports whether an unattributed quotation continues the latest speaker's:
// in the same paragraph with no other person taking the floor in between, or opening the
// next paragraph when the latest quotation ran to the end of its own. A fragment that
// starts in lower case (“… a pledge of honor”) continues only within the same sentence.
func (st *state) continues(s segment) bool {
	if st.last == nil || st.lastAt > s.outerStart {
		return false
	}
	lp := st.paraOf(st.lastAt)
	switch {
	case s.para == lp:
	case s.para == lp+1 && st.lastOpen && s.para >= 0 && s.para < len(st.paras) &&
		strings.TrimSpace(st.text[st.paras[s.para]:s.outerStart]) == "":
	default:
		return false
	}
	between := st.text[st.lastAt:s.outerStart]
	if r, _ := utf8.DecodeRuneInString(st.text[s.innerStart:s.innerEnd]); unicode.IsLower(r) && strings.ContainsAny(between, ".!?") {
		return false
	}
	return !st.newSubject(st.lastAt, s.outerStart)
}

// paragraphs returns the start offsets of the lines that hold more than white space.
func paragraphs(text string) []int {
	var out []int
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, start)
		}
		start = end + 1
	}
	return out
}

// paraOf returns the index of the paragraph holding byte off (-10 for a negative offset).
func (st *state) paraOf(off int) int {
	if off < 0 {
		return -10
	}
	return sort.SearchInts(st.paras, off+1) - 1
}

// segments pairs quotation marks paragraph by paragraph (para is left 0). Double marks
// (curly or straight) open a quotation anywhere; a curly single mark ‘ opens one where a
// word may start, as British papers write, and ’ closes it only where a word ends (not
// inside don’t, nor after the s of a plural possessive: the soldiers’ families). A double
// quotation left open runs to its paragraph end; a single one left open is dropped.
func segments(text string) []segment {
	const (
		none = iota
		curly
		straight
		single
	)
	var out []segment
	open := -1   // byte offset of the open mark, -1 when outside a quotation
	openLen := 0 // its length in bytes
	mode := none
	flush := func(end int) {
		if open >= 0 && mode != single {
			out = append(out, trimmed(text, segment{outerStart: open, outerEnd: end, innerStart: open + openLen, innerEnd: end}))
		}
		open, mode = -1, none
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			// A blank line or a single newline both end a paragraph in plain-text news.
			flush(i)
		case mode == single:
			if r == '’' && singleCloses(text, i, n) {
				out = append(out, trimmed(text, segment{outerStart: open, outerEnd: i + n, innerStart: open + openLen, innerEnd: i, closed: true}))
				open, mode = -1, none
			}
			// double marks inside a single quotation are nested: ignored
		case r == '“' || (r == '"' && open < 0):
			if open >= 0 && r == '“' { // a new opening mark: the previous one never closed
				flush(i)
			}
			open, openLen, mode = i, n, curly
			if r == '"' {
				mode = straight
			}
		case (r == '”' && open >= 0) || (r == '"' && mode == straight):
			out = append(out, trimmed(text, segment{outerStart: open, outerEnd: i + n, innerStart: open + openLen, innerEnd: i, closed: true}))
			open, mode = -1, none
		case r == '‘' && open < 0 && singleOpens(text, i, n):
			open, openLen, mode = i, n, single
		}
		i += n
	}
	flush(len(text))
	for i := range out {
		out[i].prevEnd, out[i].nextStart = 0, len(text)
		if i > 0 {
			out[i].prevEnd = out[i-1].outerEnd
		}
		if i+1 < len(out) {
			out[i].nextStart = out[i+1].outerStart
		}
	}
	return out
}

// singleOpens reports whether the mark ‘ at i opens a quotation: at a line start or after
// a space or opening punctuation, and before a letter or digit.
func singleOpens(text string, i, n int) bool {
	if i > 0 {
		p, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(p) && !strings.ContainsRune("([—–-", p) {
			return false
		}
	}
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	return unicode.IsLetter(next) || unicode.IsDigit(next)
}

// singleCloses reports whether the mark ’ at i closes a single quotation rather than
// being an apostrophe: no letter or digit follows, and it is not a plural possessive (an s
// before it and a lower-case word after it).
func singleCloses(text string, i, n int) bool {
	next, m := utf8.DecodeRuneInString(text[i+n:])
	if unicode.IsLetter(next) || unicode.IsDigit(next) {
		return false
	}
	if i > 0 && text[i-1] == 's' && next == ' ' {
		after, _ := utf8.DecodeRuneInString(text[i+n+m:])
		if unicode.IsLower(after) {
			return false
		}
	}
	return i > 0
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
	limit := min(len(text), from+maxWindow)
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
	limit := max(0, to-maxWindow)
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

func ref(text string, e *faultline.Entity) *faultline.Ref {
	return &faultline.Ref{Span: faultline.Span{Start: e.Start, End: e.End, Text: text[e.Start:e.End]}, Actor: e.Actor}
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
