// Package figure finds the numbers a report gives — casualties, displaced people, troops,
// money, shares — with their value after scale, their unit and what they count.
//
// A figure is [qualifier] [currency] number [scale…] [per cent] [unit noun], where number is
// digits (1,600 or 1.6), number words (twenty-five, two hundred, a dozen), a vague amount
// (dozens, hundreds of thousands: the lower bound) or a fraction (a third of, two thirds of).
// Years, days of the month, times and ordinals are not figures. Number words, units,
// currencies and qualifiers are data files in lexicon/figures.
package figure

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/fold"
	lex "github.com/faultline/faultline/lexicon/figures"
)

// Extractor is the figure component of the extract pipeline.
type Extractor struct {
	numbers    map[string]lex.Number
	numFilter  *fold.Filter // rules out most words that are no key of numbers
	units      map[string]string
	currencies map[string]string
	durations  map[string]string
	qualifiers [][]string
}

// New returns an Extractor with the shipped word lists.
func New() *Extractor {
	x := &Extractor{numbers: lex.Numbers(), units: lex.Units(), currencies: lex.Currencies(), durations: lex.Durations()}
	x.numFilter = fold.NewFilter(x.numbers)
	for _, q := range lex.Qualifiers() {
		x.qualifiers = append(x.qualifiers, strings.Fields(q))
	}
	return x
}

// word is a lexical unit of the text with its byte offsets.
type word struct {
	s          string // as in the text
	l          string // lower case
	start, end int
}

// Extract implements extract.Component.
func (x *Extractor) Extract(in *extract.Input) {
	in.Out.Figures = append(in.Out.Figures, x.Find(in.Doc.Text)...)
}

// wordBufs keeps lexWords' word slices, zeroed, for the next document (Find holds none
// beyond its call: the figures it returns refer to the text, not to the words).
var wordBufs = sync.Pool{New: func() any { return new([]word) }}

// maxWordBuf bounds the word slices wordBufs keeps (a 1 MB document's words are not kept).
const maxWordBuf = 1 << 14

// Find returns the figures of text in order.
func (x *Extractor) Find(text string) []faultline.Figure {
	buf := wordBufs.Get().(*[]word)
	ws := lexWords(*buf, text)
	var out []faultline.Figure
	for i := 0; i < len(ws); {
		f, next, ok := x.figureAt(text, ws, i)
		if !ok {
			i++
			continue
		}
		out = append(out, f)
		i = next
	}
	if cap(ws) <= maxWordBuf {
		clear(ws) // the words' strings point into text: the pool must not keep it alive
		*buf = ws[:0]
		wordBufs.Put(buf)
	}
	return out
}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// function words end a look-ahead for the unit noun.
var stop = map[string]bool{"of": true, "in": true, "at": true, "to": true, "and": true, "or": true,
	"were": true, "are": true, "was": true, "is": true, "have": true, "has": true, "had": true,
	"who": true, "which": true, "that": true, "from": true, "by": true, "on": true, "for": true,
	"with": true, "a": true, "an": true, "the": true, "than": true, "as": true, "but": true,
	"it": true, "its": true, "their": true, "his": true, "her": true, "they": true, "we": true}

// number1 returns x.numbers[w] and whether it is there, looking up only the words the
// filter lets through.
func (x *Extractor) number1(w string) (lex.Number, bool) {
	if !x.numFilter.May(w) {
		return lex.Number{}, false
	}
	n, ok := x.numbers[w]
	return n, ok
}

// num returns x.numbers[w] (number1).
func (x *Extractor) num(w string) lex.Number {
	n, _ := x.number1(w)
	return n
}

// figureAt parses a figure whose number starts at ws[i] (possibly after a currency symbol).
func (x *Extractor) figureAt(text string, ws []word, i int) (faultline.Figure, int, bool) {
	var f faultline.Figure
	start := i
	unit := ""
	if len(ws[i].s) <= 3 && i+1 < len(ws) && isDigit(ws[i+1].s) {
		if c, ok := x.currencies[ws[i].s]; ok {
			unit = c
			i++
		}
	}
	value, approx, j, ok := x.number(ws, i)
	if !ok || clock(text, ws[i]) {
		return f, 0, false
	}
	kind := ""
	if j > i && (x.num(ws[j-1].l).Kind == "fraction" || strings.Contains(ws[j-1].l, "-") && x.num(ws[j-1].l[strings.LastIndexByte(ws[j-1].l, '-')+1:]).Kind == "fraction") {
		kind = "fraction"
	}
	w := ws[i]
	scaled := j > i+1 || approx
	// scale words: 1.6 million, two hundred thousand
	for j < len(ws) {
		n, isNum := x.number1(ws[j].l)
		if !isNum || n.Kind != "scale" || len(ws[j].l) <= 2 {
			break
		}
		value *= n.Value
		scaled = true
		j++
	}
	digits := isDigit(w.s)
	// not figures: years, days of months, ordinals, clock times
	if digits && !scaled && unit == "" {
		if prev := i - 1; prev >= 0 && months[ws[prev].l] {
			return f, 0, false
		}
		if j < len(ws) && months[ws[j].l] && value <= 31 {
			return f, 0, false
		}
		if value >= 1000 && value <= 2100 && !strings.Contains(w.s, ",") && !strings.Contains(w.s, ".") &&
			!(j < len(ws) && x.units[ws[j].l] != "") {
			return f, 0, false
		}
	}
	// per cent
	if j < len(ws) && (ws[j].l == "%" || ws[j].l == "percent") {
		unit, j = "percent", j+1
	} else if j+1 < len(ws) && ws[j].l == "per" && ws[j+1].l == "cent" {
		unit, j = "percent", j+2
	}
	about := ""
	end := ws[j-1].end
	// a duration: "a six-month cease-fire", "a 10-day curfew" (what lasts is the next word)
	if h := strings.LastIndexByte(ws[j-1].l, '-'); unit == "" && h > 0 && x.durations[ws[j-1].l[h+1:]] != "" {
		unit = x.durations[ws[j-1].l[h+1:]]
		for n := 0; n < 2 && j < len(ws) && !stop[ws[j].l] && !isDigit(ws[j].l) && ws[j].start-end <= 1 &&
			ws[j].s == ws[j].l; n++ {
			about, end, j = ws[j].l, ws[j].end, j+1
		}
	}
	if unit == "" {
		// currency word after the number: 500 dollars
		if j < len(ws) {
			if c, ok := x.currencies[ws[j].l]; ok {
				unit, end, j = c, ws[j].end, j+1
			}
		}
	}
	if unit == "" {
		if k := x.unitNoun(ws, j); k >= 0 {
			unit = x.units[ws[k].l]
			if unit == "" {
				unit = ws[k].l
			}
			about = ws[k].l
			end, j = ws[k].end, k+1
		}
	}
	// "1.6 million are displaced": people, and what happened to them
	money := unit != "" && x.currencies[unit] != ""
	if j+1 < len(ws) && !money && unit != "percent" && isAuxWord(ws[j].l) && isParticiple(ws[j+1].l) {
		if unit == "" {
			unit = "people"
		}
		about = strings.TrimSpace(about + " " + ws[j+1].l)
		end = ws[j+1].end
	}
	if kind == "fraction" && unit == "" {
		unit = "fraction"
	}
	// a bare number word with nothing counted is not a figure (the two of them)
	if unit == "" && !digits && !approx {
		return f, 0, false
	}
	if about == "" && start > 0 && isParticiple(ws[start-1].l) {
		about = ws[start-1].l
	}
	// keep a qualifier (more than, at least) in the span
	first := ws[start].start
	for _, q := range x.qualifiers {
		if k := start - len(q); k >= 0 && matches(ws[k:start], q) {
			first = ws[k].start
			break
		}
	}
	f = faultline.Figure{Span: faultline.Span{Start: first, End: end, Text: text[first:end]},
		Value: value, Unit: unit, About: about}
	return f, j, true
}

// number reads the number at ws[i]: its value, whether it is a vague lower bound, and the
// index after it.
func (x *Extractor) number(ws []word, i int) (v float64, approx bool, next int, ok bool) {
	w := ws[i]
	if isDigit(w.s) {
		v, ok = parseDigits(w.l, x.numbers)
		return v, false, i + 1, ok
	}
	// "a dozen", "a hundred", "a third of"
	if (w.l == "a" || w.l == "an") && i+1 < len(ws) {
		n, found := x.number1(ws[i+1].l)
		switch {
		case found && n.Kind == "fraction" && i+2 < len(ws) && ws[i+2].l == "of":
			return round3(n.Value), false, i + 2, true
		case found && (ws[i+1].l == "dozen" || (n.Kind == "scale" && len(ws[i+1].l) > 2)):
			return n.Value, false, i + 2, true
		}
		return 0, false, 0, false
	}
	// tens/hundreds of thousands
	if (w.l == "tens" || w.l == "hundreds") && i+2 < len(ws) && ws[i+1].l == "of" {
		if n, found := x.number1(ws[i+2].l); found && n.Kind == "vague" {
			base := 10.0
			if w.l == "hundreds" {
				base = 100
			}
			return base * n.Value, true, i + 3, true
		}
	}
	n, found := x.number1(w.l)
	if !found && strings.Contains(w.l, "-") { // twenty-five
		parts := strings.SplitN(w.l, "-", 2)
		a, okA := x.number1(parts[0])
		b, okB := x.number1(parts[1])
		if okA && okB && a.Kind == "card" && b.Kind == "card" && a.Value >= 20 && b.Value < 10 {
			return a.Value + b.Value, false, i + 1, true
		}
		if okA && okB && a.Kind == "card" && b.Kind == "fraction" { // three-fourths
			return round3(a.Value * b.Value), false, i + 1, true
		}
		if okA && a.Kind == "card" && x.durations[parts[1]] != "" { // a six-month truce
			return a.Value, false, i + 1, true
		}
		return 0, false, 0, false
	}
	if !found {
		return 0, false, 0, false
	}
	switch n.Kind {
	case "card":
		// two thirds, one quarter: a share
		if i+1 < len(ws) && x.num(ws[i+1].l).Kind == "fraction" && ws[i+1].l != "half" {
			return round3(n.Value * x.num(ws[i+1].l).Value), false, i + 2, true
		}
		if w.l == "one" { // otherwise too often a pronoun
			return 0, false, 0, false
		}
		// a range, twenty to forty: the lower bound
		if i+2 < len(ws) && ws[i+1].l == "to" && x.num(ws[i+2].l).Kind == "card" {
			return n.Value, true, i + 3, true
		}
		return n.Value, false, i + 1, true
	case "vague":
		return n.Value, true, i + 1, true
	case "fraction":
		if w.l == "half" && i+1 < len(ws) && (ws[i+1].l == "of" || ws[i+1].l == "the") {
			return n.Value, false, i + 1, true
		}
	}
	return 0, false, 0, false
}

func round3(v float64) float64 { return float64(int(v*1000+0.5)) / 1000 }

// unitNoun returns the index of the noun a number counts: a listed unit or a plural noun
// within three words, before any function word; -1 if none.
func (x *Extractor) unitNoun(ws []word, j int) int {
	for k := j; k < len(ws) && k < j+4; k++ {
		l := ws[k].l
		if stop[l] || isDigit(l) {
			return -1
		}
		if x.units[l] != "" {
			return k
		}
		if isPlural(ws[k].s) {
			return k
		}
	}
	return -1
}

func matches(ws []word, q []string) bool {
	for i := range q {
		if ws[i].l != q[i] {
			return false
		}
	}
	return true
}

// clock reports whether w is part of a clock time such as 10:30.
func clock(text string, w word) bool {
	return (w.end+1 < len(text) && text[w.end] == ':' && text[w.end+1] >= '0' && text[w.end+1] <= '9') ||
		(w.start > 0 && text[w.start-1] == ':')
}

func isDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9'
}

// parseDigits reads 1,600 / 1.6 / 20m / 3bn / 100,000-strong. Ordinals (21st), ranges of
// years (1980-88) and clock times fail.
func parseDigits(s string, numbers map[string]lex.Number) (float64, bool) {
	if i := strings.IndexByte(s, '-'); i > 0 {
		rest := s[i+1:]
		if isDigit(rest) { // a range: 1980-88, 10-15; take the lower bound unless it looks like years
			if len(s[:i]) == 4 {
				return 0, false
			}
		}
		s = s[:i]
	}
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == ',' || s[end] == '.') {
		end++
	}
	num, suffix := strings.TrimRight(s[:end], ".,"), s[end:]
	if strings.ContainsAny(suffix, ":") {
		return 0, false
	}
	mult := 1.0
	switch suffix {
	case "":
	case "st", "nd", "rd", "th", "s": // ordinals and decades (1990s)
		return 0, false
	default:
		n, ok := numbers[suffix]
		if !ok || n.Kind != "scale" {
			return 0, false
		}
		mult = n.Value
	}
	// a comma groups thousands (1,600); a period is a decimal point
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		return 0, false
	}
	return v * mult, true
}

func isAuxWord(l string) bool {
	switch l {
	case "are", "were", "was", "is", "have", "had", "been":
		return true
	}
	return false
}

func isParticiple(l string) bool {
	if len(l) < 5 || stop[l] {
		return false
	}
	return strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "ing") || l == "fled" || l == "killed"
}

// isPlural guesses a lower-case plural noun: ends in s, not ss, not a verb form.
func isPlural(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if len(s) < 4 || !unicode.IsLower(r) || !strings.HasSuffix(s, "s") || strings.HasSuffix(s, "ss") ||
		strings.HasSuffix(s, "us") || strings.HasSuffix(s, "is") || strings.HasSuffix(s, "'s") {
		return false
	}
	switch s {
	case "was", "has", "does", "goes", "says", "this", "thus", "always", "perhaps", "across", "towards", "besides":
		return false
	}
	return true
}

// lexWords splits text into words: runs of letters and digits with inner . , - ' ’ between
// alphanumerics (1,600 · 1.6 · al-Sadr · 100,000-strong), and single currency and % signs.
// The words are appended to out[:0].
func lexWords(out []word, text string) []word {
	out = out[:0]
	// Lower-case forms of ASCII words with capitals are written to one buffer and made one
	// string at the end (one allocation, not one per word); lowered lists those words.
	var low []byte
	var lowered []int
	i := 0
	for i < len(text) {
		// (ASCII bytes are classified by table, other runes by package unicode.)
		c := text[i]
		n := 1
		if c < utf8.RuneSelf {
			if c == '$' || c == '%' {
				out = append(out, word{s: text[i : i+1], l: text[i : i+1], start: i, end: i + 1})
				i++
				continue
			}
			if !alnumByte[c] {
				i++
				continue
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			if r == '£' || r == '€' {
				out = append(out, word{s: text[i : i+n], l: text[i : i+n], start: i, end: i + n})
				i += n
				continue
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += n
				continue
			}
		}
		// wide: the word has a byte outside ASCII (lower-cased by strings.ToLower below);
		// upper: it has an ASCII capital.
		wide, upper := c >= utf8.RuneSelf, 'A' <= c && c <= 'Z'
		j := i + n
		for j < len(text) {
			c2 := text[j]
			if c2 < utf8.RuneSelf && alnumByte[c2] {
				upper = upper || 'A' <= c2 && c2 <= 'Z'
				j++
				continue
			}
			r2, n2 := rune(c2), 1
			if c2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					wide = true
					j += n2
					continue
				}
			}
			if r2 == '.' || r2 == ',' || r2 == '-' || r2 == '\'' || r2 == '’' {
				r3, _ := utf8.DecodeRuneInString(text[j+n2:])
				prev, _ := utf8.DecodeLastRuneInString(text[:j])
				// 1,600 and 1.6 only between digits; hyphens and apostrophes between alphanumerics
				numeric := (r2 == '.' || r2 == ',') && unicode.IsDigit(prev) && unicode.IsDigit(r3)
				joiner := (r2 == '-' || r2 == '\'' || r2 == '’') && (unicode.IsLetter(r3) || unicode.IsDigit(r3))
				if numeric || joiner {
					wide = wide || n2 > 1
					j += n2
					continue
				}
			}
			break
		}
		s := text[i:j]
		switch {
		case wide:
			out = append(out, word{s: s, l: strings.ToLower(s), start: i, end: j})
		case !upper:
			out = append(out, word{s: s, l: s, start: i, end: j})
		default:
			lowered = append(lowered, len(out), len(low))
			for k := 0; k < len(s); k++ {
				c := s[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				low = append(low, c)
			}
			lowered = append(lowered, len(low))
			out = append(out, word{s: s, start: i, end: j})
		}
		i = j
	}
	if len(low) > 0 {
		all := string(low)
		for k := 0; k+2 < len(lowered); k += 3 {
			out[lowered[k]].l = all[lowered[k+1]:lowered[k+2]]
		}
	}
	return out
}

// alnumByte tells the ASCII letters and digits (unicode.IsLetter or IsDigit) by byte.
var alnumByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()
