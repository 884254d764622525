// Package timex finds temporal expressions in a document and normalises them against its
// publication date.
//
// Absolute expressions ("March 2003", "August 28, 2006", "7 November 2006", "2006",
// "1980-88") resolve on their own. Expressions that need an anchor ("August 28",
// "in October", "last February", "earlier this month", "a few weeks ago", "last fall",
// "late last summer", "yesterday") resolve against Document.Date; when the anchor is unknown,
// or too coarse (a year-only date for "last February"), Value stays "" — never guessed.
// Expressions relative to another event ("five years after the fall of the capital") are kept
// with precision "approx" and no value.
//
// A month named without a year is the latest such month not more than one month after the
// document date (news reports the recent past): in a February 2008 report, "in October" is
// 2007-10 and "in March" 2008-03. When only the document's year is known, the month is taken
// in that year.
package timex

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/fold"
)

// Precisions of a Timex.
const (
	Day    = "day"
	Month  = "month"
	Year   = "year"
	Approx = "approx"
)

// Extractor is the timex component of the extract pipeline.
type Extractor struct{}

// New returns a timex Extractor.
func New() *Extractor { return &Extractor{} }

// Extract implements extract.Component: it appends the document's timexes to in.Out.
func (x *Extractor) Extract(in *extract.Input) {
	in.Out.Timexes = append(in.Out.Timexes, Find(in.Doc.Text, in.Doc.Date)...)
}

// anchor is the document date, as precise as it is known.
type anchor struct {
	y, m, d int // 0 when unknown
}

func parseAnchor(date string) anchor {
	var a anchor
	parts := strings.Split(date, "-")
	if len(parts) >= 1 && len(parts[0]) == 4 {
		a.y, _ = strconv.Atoi(parts[0])
	}
	if a.y == 0 {
		return anchor{}
	}
	if len(parts) >= 2 {
		a.m, _ = strconv.Atoi(parts[1])
		if a.m < 1 || a.m > 12 {
			a.m = 0
		}
	}
	if len(parts) >= 3 && a.m > 0 {
		a.d, _ = strconv.Atoi(parts[2])
		if a.d < 1 || a.d > 31 {
			a.d = 0
		}
	}
	return a
}

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12}

var seasons = map[string]int{"spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1}

var weekdays = map[string]time.Weekday{"monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday, "sunday": time.Sunday}

var numbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"a couple of": 2, "a few": 3, "several": 3, "some": 3}

const (
	month  = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	day    = `(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?`
	year   = `(?:1[6-9][0-9]{2}|20[0-9]{2})`
	num    = `(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|several|some|[0-9]+)`
	unit   = `(?:day|week|month|year|decade)s?`
	season = `(?:spring|summer|fall|autumn|winter)`
	wday   = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	edge   = `(?:early|late|mid|the end of|the beginning of|the start of|the middle of)`
)

// rule is one pattern and how its match is resolved.
type rule struct {
	re      *regexp.Regexp // anchored at the start: tried at candidate positions only
	first   byteSet        // the bytes a match can start with: others skip the regexp
	resolve func(m []string, a anchor) (value, precision string)
}

var rules []rule

func add(pattern string, f func(m []string, a anchor) (string, string)) {
	p := `^(?:` + pattern + `)`
	rules = append(rules, rule{regexp.MustCompile(p), firstBytes(p), f})
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }
func (s *byteSet) union(t byteSet) {
	s[0], s[1], s[2], s[3] = s[0]|t[0], s[1]|t[1], s[2]|t[2], s[3]|t[3]
}

// addRange adds the first bytes of the runes lo..hi (a rune of two or more bytes starts with
// a byte of 0xC0 or more: all of them are added).
func (s *byteSet) addRange(lo, hi int) {
	for r := lo; r <= hi && r < 0x80; r++ {
		s.add(byte(r))
	}
	if hi >= 0x80 {
		for b := 0xC0; b <= 0xFF; b++ {
			s.add(byte(b))
		}
	}
}

// everyByte is the set of every byte.
var everyByte = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// firstBytes returns the bytes a non-empty match of pattern can start with, or every byte
// when the pattern can match the empty string.
func firstBytes(pattern string) byteSet {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return everyByte
	}
	s, nullable := first(re.Simplify())
	if nullable {
		return everyByte
	}
	return s
}

// first returns the bytes a match of re can start with and whether re can match the empty
// string; it errs towards more bytes (every byte for an operator it does not know).
func first(re *syntax.Regexp) (s byteSet, nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return s, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return s, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return s, true
		}
		r := re.Rune[0]
		s.addRange(int(r), int(r))
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				s.addRange(int(f), int(f))
			}
		}
		return s, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			s.addRange(int(re.Rune[i]), int(re.Rune[i+1]))
		}
		return s, false
	case syntax.OpCapture:
		return first(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s, _ = first(re.Sub[0])
		return s, true
	case syntax.OpPlus:
		return first(re.Sub[0])
	case syntax.OpRepeat:
		s, nullable = first(re.Sub[0])
		return s, nullable || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			t, n := first(sub)
			s.union(t)
			if !n {
				return s, false
			}
		}
		return s, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			t, n := first(sub)
			s.union(t)
			nullable = nullable || n
		}
		return s, nullable
	}
	return everyByte, true
}

func ymd(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }
func ym(y, m int) string     { return fmt.Sprintf("%04d-%02d", y, m) }
func yr(y int) string        { return fmt.Sprintf("%04d", y) }

func monthOf(s string) int { return months[strings.ToLower(strings.TrimSuffix(s, "."))] }

func atoiDay(s string) int {
	s = strings.TrimRight(s, "stndrh")
	n, _ := strconv.Atoi(s)
	return n
}

// yearFor returns the year of a month named without a year: the latest such month not more
// than one month after the anchor. ok is false when the anchor's month is unknown.
func yearFor(m int, a anchor) (int, bool) {
	if a.y == 0 {
		return 0, false
	}
	if a.m == 0 {
		return a.y, true // a year-only anchor: the month is in that year
	}
	if m > a.m+1 {
		return a.y - 1, true
	}
	return a.y, true
}

// lastMonth returns the year of "last <month>": the latest such month strictly before the
// anchor's month.
func lastMonth(m int, a anchor) (int, bool) {
	if a.y == 0 || a.m == 0 {
		return 0, false
	}
	if m < a.m {
		return a.y, true
	}
	return a.y - 1, true
}

func (a anchor) time() (time.Time, bool) {
	if a.y == 0 || a.m == 0 || a.d == 0 {
		return time.Time{}, false
	}
	return time.Date(a.y, time.Month(a.m), a.d, 12, 0, 0, 0, time.UTC), true
}

func init() {
	// Dates with a day and a year.
	add(`\b(`+month+`)\s+(`+day+`),?\s+(`+year+`)\b`, func(m []string, a anchor) (string, string) {
		return ymd(atoi(m[3]), monthOf(m[1]), atoiDay(m[2])), Day
	})
	add(`\b(`+day+`)\s+(?:of\s+)?(`+month+`),?\s+(`+year+`)\b`, func(m []string, a anchor) (string, string) {
		return ymd(atoi(m[3]), monthOf(m[2]), atoiDay(m[1])), Day
	})
	// Numeric ISO dates.
	add(`\b(`+year+`)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\b`, func(m []string, a anchor) (string, string) {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3])), Day
	})
	// A month and a year, with an optional edge: "March 2003", "late August 2007".
	add(`(?i:\b(`+edge+`)[\s-]+)?\b(`+month+`),?\s+(?:of\s+)?(`+year+`)\b`, func(m []string, a anchor) (string, string) {
		return ym(atoi(m[3]), monthOf(m[2])), Month
	})
	// Days without a year: "August 28", "7 November", "on the 28th of August".
	add(`\b(`+month+`)\s+(`+day+`)\b`, func(m []string, a anchor) (string, string) {
		mo := monthOf(m[1])
		y, ok := yearFor(mo, a)
		if !ok || atoiDay(m[2]) > 31 {
			return "", Day
		}
		return ymd(y, mo, atoiDay(m[2])), Day
	})
	add(`\b(`+day+`)\s+(?:of\s+)?(`+month+`)\b`, func(m []string, a anchor) (string, string) {
		mo := monthOf(m[2])
		y, ok := yearFor(mo, a)
		if !ok {
			return "", Day
		}
		return ymd(y, mo, atoiDay(m[1])), Day
	})
	// "last February", "next March", "this May".
	add(`(?i:\b(last|next|this|past|coming)\s+)(`+month+`)\b`, func(m []string, a anchor) (string, string) {
		mo := monthOf(m[2])
		var y int
		var ok bool
		switch strings.ToLower(m[1]) {
		case "last", "past":
			y, ok = lastMonth(mo, a)
		case "next", "coming":
			if a.y != 0 && a.m != 0 {
				y, ok = a.y, true
				if mo <= a.m {
					y++
				}
			}
		default:
			y, ok = a.y, a.y != 0
		}
		if !ok {
			return "", Month
		}
		return ym(y, mo), Month
	})
	// A month alone after a preposition or an edge: "in October", "since March", "late August".
	add(`(?i:\b(?:in|since|until|till|by|during|from|through|to|before|after|of)\s+)(?P<t>(?i:(?:early|late|mid|the end of|the beginning of|the middle of)[\s-]+)?(`+month+`))\b|(?P<t>(?i:\b(?:early|late|mid|the end of|the beginning of|the middle of)[\s-]+)(`+month+`))\b`, func(m []string, a anchor) (string, string) {
		mo := monthOf(m[2] + m[4])
		y, ok := yearFor(mo, a)
		if !ok {
			return "", Month
		}
		return ym(y, mo), Month
	})
	// Year ranges: "1980-88", "1980-1988", "between 1980 and 1988" (value: the first year).
	add(`\b(`+year+`)\s*[-–]\s*([0-9]{2}|`+year+`)\b`, func(m []string, a anchor) (string, string) {
		return m[1], Year
	})
	// Years with an edge: "early 2008", "mid-2007", "the end of 2006".
	add(`(?i:\b(`+edge+`)[\s-]+)(`+year+`)\b`, func(m []string, a anchor) (string, string) {
		return m[2], Year
	})
	// Decades: "the 1990s".
	add(`\b(?:the\s+)?(1[6-9][0-9]0|20[0-9]0)'?s\b`, func(m []string, a anchor) (string, string) {
		return m[1][:3], Approx
	})
	// Plain years, guarded against amounts by the match filter.
	add(`\b(`+year+`)\b`, func(m []string, a anchor) (string, string) { return m[1], Year })
	// "earlier this month", "this month", "later this year", "last year", "next week".
	add(`(?i)\b(?:(earlier|later)\s+)?(this|last|next|the previous|the following|the past|the coming)\s+(week|month|year)\b`, func(m []string, a anchor) (string, string) {
		rel := strings.ToLower(m[2])
		u := strings.ToLower(m[3])
		off := 0
		switch rel {
		case "last", "the previous", "the past":
			off = -1
		case "next", "the following", "the coming":
			off = 1
		}
		switch u {
		case "year":
			if a.y == 0 {
				return "", Year
			}
			return yr(a.y + off), Year
		case "month":
			if a.y == 0 || a.m == 0 {
				return "", Month
			}
			t := time.Date(a.y, time.Month(a.m)+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
			return ym(t.Year(), int(t.Month())), Month
		default: // week
			t, ok := a.time()
			if !ok {
				return "", Approx
			}
			t = t.AddDate(0, 0, 7*off)
			return ymd(t.Year(), int(t.Month()), t.Day()), Approx
		}
	})
	// Seasons: "last fall", "late last summer", "this spring", "the summer of 2007".
	add(`(?i)\b(?:(early|late|mid)[\s-]+)?(?:(last|this|next|past)\s+)(`+season+`)\b`, func(m []string, a anchor) (string, string) {
		s := seasons[strings.ToLower(m[3])]
		if strings.EqualFold(m[1], "late") {
			s++
		} else if strings.EqualFold(m[1], "early") {
			s--
		}
		if a.y == 0 || a.m == 0 {
			return "", Approx
		}
		y := a.y
		switch strings.ToLower(m[2]) {
		case "last", "past":
			if seasons[strings.ToLower(m[3])] >= a.m-1 {
				y--
			}
		case "next":
			if seasons[strings.ToLower(m[3])] <= a.m {
				y++
			}
		}
		if s < 1 {
			s, y = 12, y-1
		}
		return ym(y, s), Approx
	})
	// A bare season after a preposition or an edge: "by late summer", "in the spring": the
	// latest such season begun by the document date.
	add(`(?i:\b(?:in|by|since|during|until|through)\s+)(?P<t>(?i:(?:early|late|mid)[\s-]+)?(?:the\s+)?(`+season+`))\b|(?P<t>(?i:\b(?:early|late|mid)[\s-]+)(`+season+`))\b`, func(m []string, a anchor) (string, string) {
		name := strings.ToLower(m[2] + m[4])
		t := strings.ToLower(m[1] + m[3])
		if a.y == 0 || a.m == 0 {
			return "", Approx
		}
		s0 := seasons[name]
		y := a.y
		if s0 > a.m {
			y--
		}
		if strings.HasPrefix(t, "late") {
			s0++
		} else if strings.HasPrefix(t, "early") && s0 > 1 {
			s0--
		}
		return ym(y, s0), Approx
	})
	add(`(?i)\b(?:(early|late|mid)[\s-]+)?(?:the\s+)?(`+season+`)\s+of\s+(`+year+`)\b`, func(m []string, a anchor) (string, string) {
		s := seasons[strings.ToLower(m[2])]
		if strings.EqualFold(m[1], "late") {
			s++
		}
		return ym(atoi(m[3]), s), Approx
	})
	// "a few weeks ago", "two years ago", "three months earlier".
	add(`(?i)\b(`+num+`)\s+(`+unit+`)\s+(ago|earlier|before|later|after|since)\b(\s+(?:the|a|an|his|her|its|their)\s+[\p{L}-]+(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}-]+)?)?`, func(m []string, a anchor) (string, string) {
		if m[4] != "" || !strings.EqualFold(m[3], "ago") {
			return "", Approx // relative to another event, not to the document
		}
		n, ok := numbers[strings.ToLower(m[1])]
		if !ok {
			n = atoi(m[1])
		}
		u := strings.TrimSuffix(strings.ToLower(m[2]), "s")
		if a.y == 0 {
			return "", Approx
		}
		if u == "year" || u == "decade" {
			if u == "decade" {
				n *= 10
			}
			return yr(a.y - n), Approx
		}
		if a.m == 0 {
			return "", Approx
		}
		d := a.d
		if d == 0 {
			d = 15
		}
		t := time.Date(a.y, time.Month(a.m), d, 12, 0, 0, 0, time.UTC)
		switch u {
		case "day":
			t = t.AddDate(0, 0, -n)
		case "week":
			t = t.AddDate(0, 0, -7*n)
		case "month":
			t = t.AddDate(0, -n, 0)
		}
		return ym(t.Year(), int(t.Month())), Approx
	})
	// "yesterday", "today", "tonight".
	add(`(?i)\b(yesterday|today|tonight|tomorrow)\b`, func(m []string, a anchor) (string, string) {
		t, ok := a.time()
		if !ok {
			return "", Day
		}
		switch strings.ToLower(m[1]) {
		case "yesterday":
			t = t.AddDate(0, 0, -1)
		case "tomorrow":
			t = t.AddDate(0, 0, 1)
		}
		return ymd(t.Year(), int(t.Month()), t.Day()), Day
	})
	// "on Saturday", "last Tuesday": the latest such weekday before the document date.
	add(`(?i:\bon\s+)(?P<t>()(`+wday+`))\b|(?P<t>(?i:\b(last|this|next)\s+)(`+wday+`))\b`, func(m []string, a anchor) (string, string) {
		m = []string{m[0], m[2] + m[5], m[3] + m[6]}
		t, ok := a.time()
		if !ok {
			return "", Day
		}
		w := weekdays[strings.ToLower(m[2])]
		if strings.EqualFold(m[1], "next") {
			for t = t.AddDate(0, 0, 1); t.Weekday() != w; t = t.AddDate(0, 0, 1) {
			}
		} else {
			for t = t.AddDate(0, 0, -1); t.Weekday() != w; t = t.AddDate(0, 0, -1) {
			}
		}
		return ymd(t.Year(), int(t.Month()), t.Day()), Day
	})
	// "recently", "these days": present but vague.
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	if len(s) == 2 { // two-digit year of a range
		return n
	}
	return n
}

type match struct {
	start, end  int
	value, prec string
}

// Find returns the timexes of text, normalised against date (YYYY-MM-DD, YYYY-MM, YYYY or
// ""), in text order, non-overlapping (the longest match wins).
func Find(text, date string) []faultline.Timex {
	a := parseAnchor(date)
	var ms []match
	// The rules are tried only where a timex can start: at an anchor word (a number, a month,
	// season or weekday name, a time unit, "ago", "yesterday"...) or up to four words before
	// it. Most of a text has no timex.
	seen := map[[2]int]bool{}
	autos := automata()
	for _, st := range starts(text) {
		end := st + 64
		if end > len(text) {
			end = len(text)
		}
		for end < len(text) && text[end] != ' ' && text[end] != '\n' {
			end++
		}
		chunk := text[st:end]
		w := [2]int{st, end}
		for k, r := range rules {
			if !r.first.has(chunk[0]) {
				continue
			}
			if a := autos[k]; a != nil && a.none(chunk) {
				continue
			}
			if loc := r.re.FindStringSubmatchIndex(chunk); loc != nil {
				sub := make([]string, len(loc)/2)
				for i := range sub {
					if loc[2*i] >= 0 {
						sub[i] = chunk[loc[2*i]:loc[2*i+1]]
					}
				}
				start, end := loc[0], loc[1]
				for i, name := range r.re.SubexpNames() {
					if name == "t" && loc[2*i] >= 0 {
						start, end = loc[2*i], loc[2*i+1]
					}
				}
				start, end = start+w[0], end+w[0]
				if seen[[2]int{start, end}] || !plausible(text, start, end, sub[0]) {
					continue
				}
				seen[[2]int{start, end}] = true
				v, p := r.resolve(sub, a)
				ms = append(ms, match{start, end, v, p})
			}
		}
	}
	// Longest leftmost, earlier rules first on ties.
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end-ms[i].start > ms[j].end-ms[j].start
	})
	out := []faultline.Timex{}
	lastEnd := -1
	for _, m := range ms {
		if m.start < lastEnd {
			continue
		}
		// Keep an overlapping longer match that starts later only if it does not overlap.
		out = append(out, faultline.Timex{Span: faultline.Span{Start: m.start, End: m.end, Text: text[m.start:m.end]},
			Value: m.value, Precision: m.prec})
		lastEnd = m.end
	}
	return out
}

var anchorWords = func() map[string]bool {
	m := map[string]bool{"ago": true, "yesterday": true, "today": true, "tonight": true, "tomorrow": true,
		"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true, "year": true,
		"years": true, "decade": true, "decades": true}
	for k := range months {
		m[k] = true
	}
	for k := range seasons {
		m[k] = true
	}
	for k := range weekdays {
		m[k] = true
	}
	return m
}()

// anchorFilter rules out most words that are no anchor word before the map lookup.
var anchorFilter = fold.NewFilter(anchorWords)

// starts returns the byte offsets where a timex may start: each anchor word and the four
// words before it, in order, without duplicates.
func starts(text string) []int {
	var recent [5]int // the starts of the last five words, a ring
	n := 0            // words so far
	var out []int
	last := -1
	for i := 0; i < len(text); {
		if wordClass[text[i]] == 0 {
			i++
			continue
		}
		j := i
		digit := false
		for j < len(text) {
			c := wordClass[text[j]]
			if c == 0 {
				break
			}
			digit = digit || c == classDigit
			j++
		}
		recent[n%5] = i
		n++
		anchor := digit
		if !anchor && anchorFilter.MayEnds(j-i, fold.Lower(text[i]), fold.Lower(text[j-1])) {
			anchor = fold.Get(anchorWords, text[i:j]) // (ASCII letters: no allocation)
		}
		if anchor {
			for k := max(n-5, 0); k < n; k++ {
				if w := recent[k%5]; w > last {
					out = append(out, w)
					last = w
				}
			}
		}
		i = j
	}
	return out
}

// Classes of bytes for starts: ASCII letters and digits; 0 for any other byte.
const (
	classLetter = 1 + iota
	classDigit
)

// wordClass is the class of each byte.
var wordClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case '0' <= c && c <= '9':
			t[c] = classDigit
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = classLetter
		}
	}
	return t
}()

// plausible filters matches that are numbers, not dates: amounts ("$2006", "2,006"),
// percentages, and "May" the modal verb.
func plausible(text string, start, end int, s string) bool {
	if start > 0 {
		prev := text[start-1]
		if prev == '$' || prev == ',' || prev == '.' || (prev >= '0' && prev <= '9') {
			return false
		}
		if strings.HasSuffix(text[:start], "£") || strings.HasSuffix(text[:start], "€") {
			return false
		}
	}
	if end < len(text) {
		next := text[end]
		if next == '%' || (next >= '0' && next <= '9') {
			return false
		}
		if next == ',' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' {
			return false
		}
	}
	// A bare year followed by a unit of count: "2006 people", "1500 troops".
	if len(s) == 4 && s[0] >= '0' && s[0] <= '9' {
		rest := text[end:]
		if len(rest) > 24 {
			rest = rest[:24]
		}
		rest = strings.TrimLeft(rest, " ")
		for _, w := range []string{"people", "troops", "soldiers", "men", "dead", "killed", "civilians", "persons", "km", "miles", "metres", "meters", "dollars", "pounds", "members", "fighters"} {
			if strings.HasPrefix(strings.ToLower(rest), w) {
				return false
			}
		}
	}
	return true
}
