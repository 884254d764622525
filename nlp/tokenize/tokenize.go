// Package tokenize splits English news text into tokens and sentences.
//
// Tokens follow the Penn Treebank / UD English conventions the taggers were trained on:
// punctuation is split off, possessive 's and clitics (n't, 're, 'll …) become their own
// tokens, while abbreviations and titles (Mr., Gen., U.S., Jan.), initials (George W. Bush),
// numbers (1.6, 100,000, 1980-88), hyphenated names (al-Sadr, Abdel-Aziz), URLs and e-mail
// addresses stay whole. Every token carries byte offsets into the original text and a
// normalised form (curly quotes straightened, dashes unified) that the models see.
//
// Sentences end at terminal punctuation followed by a plausible sentence start, at a blank
// line, and at a line break unless the next line continues in lower case (so headlines and
// datelines are units of their own). Abbreviations and initials do not end sentences.
//
// The tokenizer never panics and produces valid, ordered, non-overlapping offsets for any
// input, including invalid UTF-8.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/nlp"
)

// Tokenizer is the tokenizer and sentence splitter. The zero value is ready to use and is
// safe for concurrent use.
type Tokenizer struct{}

// New returns the news tokenizer as an nlp.Annotator.
func New() *Tokenizer { return &Tokenizer{} }

// token kinds, kept beside the tokens while splitting sentences.
const (
	kWord     uint8 = iota
	kTerminal       // . ! ? ... and the like
	kOpen           // opening quote or bracket
	kClose          // closing quote or bracket
	kAbbrev         // abbreviation with its period, may end a sentence (U.S., Inc.)
	kTitle          // title or initial with its period, never ends a sentence (Mr., W.)
	kPunct          // other punctuation
)

// state is the per-call scratch of a tokenization.
type state struct {
	text  string
	toks  []nlp.Token
	kinds []uint8
	nl    []uint8 // line breaks in the whitespace before each token (capped at 2)
	pend  uint8   // line breaks seen since the last token
}

// Annotate fills d.Tokens and d.Sentences from d.Text, replacing any previous tokens.
func (t *Tokenizer) Annotate(d *nlp.Doc) {
	st := state{text: d.Text, toks: d.Tokens[:0]}
	st.run()
	d.Tokens = st.toks
	d.Sentences = split(d.Text, st.toks, st.kinds, st.nl, d.Sentences[:0])
}

// Tokens returns the tokens of text (without sentence splitting).
func Tokens(text string) []nlp.Token {
	st := state{text: text}
	st.run()
	return st.toks
}

func (st *state) run() {
	text := st.text
	n := len(text)
	if cap(st.toks) < n/5+1 {
		st.toks = make([]nlp.Token, 0, n/5+1) // a token per 5 bytes: few texts grow it
	}
	st.kinds = make([]uint8, 0, cap(st.toks))
	st.nl = make([]uint8, 0, cap(st.toks))
	i := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				if st.pend < 2 {
					st.pend++
				}
				i++
				continue
			}
			if c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); isSpace(r) {
			if r == 0x2028 || r == 0x2029 {
				st.pend = 2
			}
			i += size
			continue
		}
		// a chunk: maximal run of non-space
		j := i
		for j < n {
			c := text[j]
			if c < utf8.RuneSelf {
				if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if isSpace(r) {
				break
			}
			j += size
		}
		st.chunk(i, j)
		i = j
	}
}

func isSpace(r rune) bool {
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x200B, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// emit appends token [s,e) of the given kind.
func (st *state) emit(s, e int, kind uint8) {
	if s >= e {
		return
	}
	st.toks = append(st.toks, nlp.Token{Start: s, End: e, Norm: Normalize(st.text[s:e]), Head: -1})
	st.kinds = append(st.kinds, kind)
	st.nl = append(st.nl, st.pend)
	st.pend = 0
}

// runes of interest
const (
	ldquo  = '\u201C'
	rdquo  = '\u201D'
	lsquo  = '\u2018'
	rsquo  = '\u2019'
	mdash  = '\u2014'
	ndash  = '\u2013'
	hbar   = '\u2015'
	ellips = '\u2026'
)

func isOpening(r rune) bool {
	switch r {
	case '"', '\'', ldquo, lsquo, '(', '[', '{', '<', '«', '‹', '„', '‚', '¿', '¡', '`', rdquo, rsquo:
		return true
	}
	return false
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', rdquo, rsquo, ')', ']', '}', '>', '»', '›', ldquo, lsquo:
		return true
	}
	return false
}

func isDash(r rune) bool { return r == mdash || r == ndash || r == hbar }

func isCurrency(r rune) bool {
	switch r {
	case '$', '£', '€', '¥', '₹':
		return true
	}
	return false
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// chunk splits the whitespace-free run text[s:e] into tokens.
func (st *state) chunk(s, e int) {
	text := st.text
	if isLink(text[s:e]) {
		// peel leading brackets/quotes and trailing punctuation only
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:])
			if r == '(' || r == '[' || r == '<' || r == '"' || r == '\'' || r == ldquo || r == lsquo {
				st.emit(s, s+size, kOpen)
				s += size
				continue
			}
			break
		}
		var stack [16]tokSpan
		k := 0
		for e > s && k < len(stack) {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			kind := uint8(0)
			switch r {
			case '.', '!', '?':
				kind = kTerminal
			case ',', ';', ':':
				kind = kPunct
			case ')', ']', '>', '"', '\'', rdquo, rsquo:
				kind = kClose
			}
			if kind == 0 {
				break
			}
			stack[k] = tokSpan{e - size, e, kind}
			k++
			e -= size
		}
		st.emit(s, e, kWord)
		for k > 0 {
			k--
			st.emit(stack[k].s, stack[k].e, stack[k].k)
		}
		return
	}

	// leading punctuation
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if r == '\'' || r == rsquo {
			// 'em, '90s, 's (a clitic after a closing quote) stay as words
			rest := text[s+size : e]
			if keepApostrophe(rest) {
				break
			}
		}
		if isOpening(r) {
			st.emit(s, s+size, kOpen)
			s += size
			continue
		}
		if r == '-' && s+1 < e && text[s+1] == '-' {
			k := s + 2
			for k < e && text[k] == '-' {
				k++
			}
			st.emit(s, k, kPunct)
			s = k
			continue
		}
		if isDash(r) || r == '*' || r == '•' || r == '·' || r == '#' && s+size < e && !isAlnum(rune(text[s+size])) {
			st.emit(s, s+size, kPunct)
			s += size
			continue
		}
		if r == '.' && strings.HasPrefix(text[s:e], "...") {
			k := s + 3
			for k < e && text[k] == '.' {
				k++
			}
			st.emit(s, k, kTerminal)
			s = k
			continue
		}
		if r == ellips {
			st.emit(s, s+size, kTerminal)
			s += size
			continue
		}
		if isCurrency(r) {
			st.emit(s, s+size, kWord)
			s += size
			continue
		}
		break
	}

	// trailing punctuation, collected in reverse
	var stack [32]tokSpan
	k := 0
	for e > s && k < len(stack) {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		var kind uint8
		switch {
		case r == '.':
			if strings.HasSuffix(text[s:e], "...") {
				m := e - 3
				for m > s && text[m-1] == '.' {
					m--
				}
				stack[k] = tokSpan{m, e, kTerminal}
				k++
				e = m
				continue
			}
			if ab := abbrevKind(text[s : e-1]); ab != 0 {
				// keep the period on the abbreviation; the word itself is emitted below
				goto middle
			}
			kind = kTerminal
		case r == '!' || r == '?' || r == ellips:
			kind = kTerminal
		case r == ',' || r == ';' || r == ':' || r == '%' || r == '*' || r == '•':
			kind = kPunct
		case r == '\'' || r == rsquo:
			// boys' (possessive) or a closing single quote
			kind = kClose
		case isClosing(r) || isDash(r):
			kind = kClose
			if isDash(r) {
				kind = kPunct
			}
		case r == '-' && e-s >= 2 && text[e-2] == '-':
			m := e - 2
			for m > s && text[m-1] == '-' {
				m--
			}
			stack[k] = tokSpan{m, e, kPunct}
			k++
			e = m
			continue
		}
		if kind == 0 {
			break
		}
		stack[k] = tokSpan{e - size, e, kind}
		k++
		e -= size
	}
middle:
	st.middle(s, e)
	for k > 0 {
		k--
		st.emit(stack[k].s, stack[k].e, stack[k].k)
	}
}

type tokSpan struct {
	s, e int
	k    uint8
}

// keepApostrophe says whether a leading apostrophe before rest belongs to the word ('90s,
// 'em) or is a clitic after a closing quote ('s), rather than an opening quote.
func keepApostrophe(rest string) bool {
	if rest == "" {
		return false
	}
	if isDigit(rune(rest[0])) {
		return true
	}
	w := rest
	for i := 0; i < len(rest); i++ {
		if !isAlnum(rune(rest[i])) {
			w = rest[:i]
			break
		}
	}
	switch strings.ToLower(w) {
	case "s", "em", "til", "cause", "d", "ll", "re", "ve", "m":
		return true
	}
	return false
}

// middle splits the core of a chunk at internal punctuation and emits the pieces.
func (st *state) middle(s, e int) {
	text := st.text
	start := s
	i := s
	prev := rune(-1)
	for i < e {
		r, size := utf8.DecodeRuneInString(text[i:e])
		split := false
		kind := kPunct
		width := size
		switch r {
		case mdash, hbar:
			split = true
		case ndash:
			next, _ := utf8.DecodeRuneInString(text[i+size : e])
			split = !(isAlnum(prev) && isAlnum(next))
		case '-':
			if i+1 < e && text[i+1] == '-' {
				split = true
				width = 2
				for i+width < e && text[i+width] == '-' {
					width++
				}
			}
		case ellips:
			split, kind = true, kTerminal
		case '.':
			if i+2 < e && text[i+1] == '.' && text[i+2] == '.' {
				split, kind = true, kTerminal
				width = 3
				for i+width < e && text[i+width] == '.' {
					width++
				}
			}
		case ',', ':':
			next, _ := utf8.DecodeRuneInString(text[i+size : e])
			split = !(isDigit(prev) && isDigit(next))
		case '"', ldquo, rdquo, '(', ')', '[', ']', '{', '}', ';', '!', '?', '«', '»':
			split = true
			switch r {
			case '"', ldquo, '(', '[', '{', '«':
				kind = kOpen
				if r == '"' && i > start {
					kind = kClose
				}
			case rdquo, ')', ']', '}', '»':
				kind = kClose
			case '!', '?':
				kind = kTerminal
			}
		}
		if split {
			st.word(start, i)
			st.emit(i, i+width, kind)
			i += width
			start = i
			prev = -1
			continue
		}
		prev = r
		i += size
	}
	st.word(start, e)
}

// word emits a word, splitting off clitics and marking abbreviations.
func (st *state) word(s, e int) {
	if s >= e {
		return
	}
	text := st.text
	w := text[s:e]
	if w[len(w)-1] == '.' && len(w) > 1 {
		if k := abbrevKind(w[:len(w)-1]); k != 0 {
			st.emit(s, e, k)
			return
		}
	}
	if c := hasClitic(w); c > 0 {
		stem := w[:c]
		if strings.EqualFold(stem, "can") && hasNT(w[c:]) {
			// can't -> ca n't (Penn/UD)
			c -= 1
		}
		st.emit(s, s+c, kWord)
		st.emit(s+c, e, kWord)
		return
	}
	if len(w) == 6 && strings.EqualFold(w, "cannot") {
		st.emit(s, s+3, kWord)
		st.emit(s+3, e, kWord)
		return
	}
	st.emit(s, e, kWord)
}

func hasNT(s string) bool {
	return len(s) >= 3 && (s[0] == 'n' || s[0] == 'N')
}

// hasClitic returns the byte offset in w at which a clitic (n't, 's, 're, 've, 'll, 'd, 'm)
// begins, or -1. The stem before it must be non-empty and end in a letter or digit.
func hasClitic(w string) int {
	a, alen := strings.LastIndexByte(w, '\''), 1
	if strings.IndexByte(w, 0xE2) >= 0 { // the first byte of U+2019, rare: skip the search
		if b := strings.LastIndex(w, "\u2019"); b > a {
			a, alen = b, 3
		}
	}
	if a <= 0 {
		return -1
	}
	suf := w[a+alen:]
	switch len(suf) {
	case 1:
		switch suf[0] | 0x20 {
		case 't':
			if a >= 2 && (w[a-1]|0x20) == 'n' {
				return a - 1
			}
			return -1
		case 's', 'd', 'm':
		default:
			return -1
		}
	case 2:
		l := string([]byte{suf[0] | 0x20, suf[1] | 0x20})
		if l != "re" && l != "ve" && l != "ll" {
			return -1
		}
	default:
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(w[:a])
	if !unicode.IsLetter(r) && !isDigit(r) {
		return -1
	}
	return a
}

// isLink reports whether s looks like a URL or an e-mail address.
func isLink(s string) bool {
	if len(s) < 5 {
		return false
	}
	l := s
	for len(l) > 0 && (l[0] == '(' || l[0] == '<' || l[0] == '"' || l[0] == '[' || l[0] == '\'') {
		l = l[1:]
	}
	if len(l) > 0 && mayStartLink(l[0]) &&
		(hasPrefixFold(l, "http://") || hasPrefixFold(l, "https://") || hasPrefixFold(l, "www.") || hasPrefixFold(l, "ftp://")) {
		return true
	}
	at := strings.IndexByte(l, '@')
	if at > 0 && at < len(l)-3 {
		dom := l[at+1:]
		dot := strings.IndexByte(dom, '.')
		return dot > 0 && dot < len(dom)-1 && !strings.ContainsAny(l[:at], "\"(),;:<>[]\\")
	}
	return false
}

// mayStartLink reports whether a text starting with byte c may start with http://, https://,
// www. or ftp:// in any case: c is h, w or f in either case, or not ASCII (isLink's prefix
// tests fold Unicode).
func mayStartLink(c byte) bool {
	switch c | 0x20 {
	case 'h', 'w', 'f':
		return true
	}
	return c >= utf8.RuneSelf
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// abbrevKind says whether w followed by a period is an abbreviation: kTitle (titles and
// initials, never sentence-final), kAbbrev (may end a sentence) or 0 (the period is
// punctuation).
func abbrevKind(w string) uint8 {
	if w == "" || len(w) > 12 {
		return 0
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) {
		if unicode.IsUpper(r) {
			return kTitle // initial
		}
		return 0
	}
	if strings.IndexByte(w, '.') > 0 {
		// U.S, e.g, a.m, U.N — letters separated by periods
		for _, c := range w {
			if c != '.' && !unicode.IsLetter(c) {
				return 0
			}
		}
		return kAbbrev
	}
	var buf [12]byte
	l := buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		l = append(l, c)
	}
	if k, ok := abbrevs[string(l)]; ok {
		if k == kTitle && !unicode.IsUpper(r) {
			return kAbbrev
		}
		return k
	}
	return 0
}

// abbrevs are common abbreviations in news English. Titles never end a sentence; the rest
// may when followed by a typical sentence opener.
var abbrevs = map[string]uint8{
	"mr": kTitle, "mrs": kTitle, "ms": kTitle, "messrs": kTitle, "dr": kTitle, "prof": kTitle,
	"gen": kTitle, "gens": kTitle, "lt": kTitle, "col": kTitle, "maj": kTitle, "capt": kTitle,
	"cpt": kTitle, "sgt": kTitle, "cpl": kTitle, "pvt": kTitle, "pfc": kTitle, "spc": kTitle,
	"adm": kTitle, "brig": kTitle, "cmdr": kTitle, "cdr": kTitle, "lieut": kTitle,
	"rep": kTitle, "reps": kTitle, "sen": kTitle, "sens": kTitle, "gov": kTitle, "pres": kTitle,
	"rev": kTitle, "fr": kTitle, "st": kTitle, "sr": kAbbrev, "jr": kAbbrev, "hon": kTitle,
	"supt": kTitle, "insp": kTitle, "det": kTitle, "amb": kTitle, "sec": kTitle, "atty": kTitle,
	"mt": kTitle, "ft": kTitle, "no": kTitle, "nos": kTitle, "vol": kTitle, "pp": kTitle, "p": kTitle,
	"jan": kTitle, "feb": kTitle, "mar": kTitle, "apr": kTitle, "jun": kTitle, "jul": kTitle,
	"aug": kTitle, "sep": kTitle, "sept": kTitle, "oct": kTitle, "nov": kTitle, "dec": kTitle,
	"mon": kAbbrev, "tue": kAbbrev, "tues": kAbbrev, "wed": kAbbrev, "thu": kAbbrev, "thur": kAbbrev,
	"thurs": kAbbrev, "fri": kAbbrev, "sat": kAbbrev, "sun": kAbbrev,
	"inc": kAbbrev, "corp": kAbbrev, "co": kAbbrev, "ltd": kAbbrev, "bros": kAbbrev, "plc": kAbbrev,
	"etc": kAbbrev, "vs": kTitle, "v": kTitle, "cf": kTitle, "approx": kTitle, "est": kAbbrev,
	"dept": kAbbrev, "univ": kAbbrev, "assn": kAbbrev, "ave": kAbbrev, "blvd": kAbbrev, "rd": kAbbrev,
	"ala": kAbbrev, "ariz": kAbbrev, "ark": kAbbrev, "calif": kAbbrev, "colo": kAbbrev,
	"conn": kAbbrev, "del": kAbbrev, "fla": kAbbrev, "ga": kAbbrev, "ill": kAbbrev, "ind": kAbbrev,
	"kan": kAbbrev, "kans": kAbbrev, "ky": kAbbrev, "la": kAbbrev, "md": kAbbrev, "mass": kAbbrev,
	"mich": kAbbrev, "minn": kAbbrev, "miss": kAbbrev, "mo": kAbbrev, "mont": kAbbrev, "neb": kAbbrev,
	"nev": kAbbrev, "okla": kAbbrev, "ore": kAbbrev, "pa": kAbbrev, "tenn": kAbbrev, "tex": kAbbrev,
	"va": kAbbrev, "vt": kAbbrev, "wash": kAbbrev, "wis": kAbbrev, "wyo": kAbbrev,
	"e.g": kTitle, "i.e": kTitle, "a.m": kAbbrev, "p.m": kAbbrev, "al": kAbbrev,
}

// Normalize returns the form of a token that models see: curly quotes straightened,
// stand-alone dashes as "--", internal dashes as "-", the ellipsis character as "...".
// It returns s itself (no allocation) when nothing changes.
func Normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	if size == len(s) {
		switch r {
		case ldquo, rdquo, '«', '»', '„':
			return `"`
		case lsquo, rsquo, '‹', '›', '‚':
			return "'"
		case mdash, ndash, hbar:
			return "--"
		case ellips:
			return "..."
		}
	}
	changed := false
	for _, r := range s {
		switch r {
		case ldquo, rdquo, lsquo, rsquo, mdash, ndash, hbar, ellips, '«', '»', '„', '‹', '›', '‚':
			changed = true
		}
	}
	if !changed {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case ldquo, rdquo, '«', '»', '„':
			b.WriteByte('"')
		case lsquo, rsquo, '‹', '›', '‚':
			b.WriteByte('\'')
		case mdash, ndash, hbar:
			b.WriteByte('-')
		case ellips:
			b.WriteString("...")
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
