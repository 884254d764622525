package ingest

// The scanners below find exactly the matches, in the order and without the overlaps of
// regexp.FindAll, of these regular expressions (Go syntax; month is
// January|February|…|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec):
//
//	mdy  (?i)\b(month)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})\b
//	dmy  (?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\s+(month)\.?,?\s+([0-9]{4})\b
//	iso  \b([0-9]{4})-([0-9]{2})-([0-9]{2})\b
//	my   (?i)\b(month)\.?,?\s+(?:of\s+)?([0-9]{4})\b
//	year (?i)\b(?:in|since|by|during|until|of|early|late|mid-?|summer|spring|autumn|fall|winter)\s+([12][0-9]{3})\b
//
// What makes a hand-written scanner exact:
//   - \s is ASCII [\t\n\f\r ]; \b compares ASCII word bytes [0-9A-Za-z_] only: a byte of a
//     multi-byte rune (or of invalid UTF-8) is never a word byte.
//   - (?i) folds s to ſ (U+017F, bytes C5 BF) and k to K (U+212A), and no other ASCII letter
//     to a non-ASCII rune; no word above has a k. ſ is not a word byte, so a word starting
//     with ſ is at \b only after a word byte. A month spelt with ſ matches but names no month
//     (the map lookup of its lower case fails): it consumes its text and gives no date.
//   - Every alternative of month and of the year words is letters only and must be followed
//     by '.', ',', '-' or a space, so the one alternative that can match at a position is the
//     whole run of letters there; every later part of each expression has one way to match
//     (a greedy run that the next part cannot start with). So at a given position there is
//     at most one match, and FindAll's leftmost-first non-overlapping search is a left to
//     right walk that resumes after each match.

// byteClass tells ASCII word bytes, \s bytes, digits, and the bytes a month or a word of
// year can start with.
var byteClass [256]uint8

const (
	classWord = 1 << iota
	classSpace
	classMonth    // first letter of a month (either case)
	classYearWord // first letter of a word of year
	classDigit
)

func init() {
	for c := 0; c < 256; c++ {
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' {
			byteClass[c] |= classWord
		}
	}
	for _, c := range "\t\n\f\r " {
		byteClass[c] |= classSpace
	}
	for _, c := range "jfmasond" {
		byteClass[c] |= classMonth
		byteClass[c-'a'+'A'] |= classMonth
	}
	for _, c := range "isbduoelmafw" {
		byteClass[c] |= classYearWord
		byteClass[c-'a'+'A'] |= classYearWord
	}
	byteClass[0xC5] |= classMonth | classYearWord // ſ
	for c := '0'; c <= '9'; c++ {
		byteClass[c] |= classDigit
	}
}

func isWordByte(c byte) bool { return byteClass[c]&classWord != 0 }

func isDigit(c byte) bool { return c-'0' < 10 }

// foldLetter returns the lower-case ASCII letter at s[i] and its length in bytes: 1 for an
// ASCII letter, 2 for ſ (read as s, with long set); 0 for anything else.
func foldLetter(s string, i int) (c byte, n int, long bool) {
	if i >= len(s) {
		return 0, 0, false
	}
	c = s[i]
	switch {
	case c >= 'a' && c <= 'z':
		return c, 1, false
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A', 1, false
	case c == 0xC5 && i+1 < len(s) && s[i+1] == 0xBF:
		return 's', 2, true
	}
	return 0, 0, false
}

// lettersAt reads the run of letters (ASCII or ſ) of at most cap(buf) letters at s[i:]. It
// returns the run in lower case (in buf, with ſ as s), whether it had a ſ, and the index after
// it; ok is false when the run is empty or too long.
func lettersAt(s string, i int, buf []byte) (word []byte, long bool, end int, ok bool) {
	c, n, l := foldLetter(s, i)
	word = buf[:0]
	for n != 0 {
		if len(word) == cap(buf) {
			return nil, false, 0, false
		}
		word = append(word, c)
		long = long || l
		i += n
		c, n, l = foldLetter(s, i)
	}
	return word, long, i, len(word) > 0
}

// monthOf returns the month a word read by lettersAt names, 0 when it is spelt with ſ (the
// regular expression matches it, but the lookup of its lower case fails); ok is false
// when it is no month.
func monthOf(word []byte, long bool) (month int, ok bool) {
	m, ok := months[string(word)]
	if !ok || long {
		return 0, ok
	}
	return m, true
}

// digitsAt returns the index after the run of ASCII digits at s[i:] and its value (valid
// for runs of up to 9 digits).
func digitsAt(s string, i int) (end, v int) {
	for end = i; end < len(s) && isDigit(s[end]); end++ {
		v = v*10 + int(s[end]-'0')
	}
	return end, v
}

// spacesAt returns the index after the run of \s at s[i:].
func spacesAt(s string, i int) int {
	for i < len(s) && byteClass[s[i]]&classSpace != 0 {
		i++
	}
	return i
}

// yearAt reads [0-9]{4}\b at s[i:]: exactly four digits, then no word byte.
func yearAt(s string, i int) (end, y int, ok bool) {
	end, y = digitsAt(s, i)
	if end-i != 4 || end < len(s) && isWordByte(s[end]) {
		return 0, 0, false
	}
	return end, y, true
}

// ordinalAt skips (?i)(?:st|nd|rd|th) at s[i:] if it is there.
func ordinalAt(s string, i int) int {
	a, n1, _ := foldLetter(s, i)
	if n1 == 0 {
		return i
	}
	b, n2, _ := foldLetter(s, i+n1)
	switch {
	case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
		return i + n1 + n2
	}
	return i
}

// dateScan holds what one pass over a text finds: the full dates, the latest month and the
// latest year, and for each expression where its next match may start.
type dateScan struct {
	full                                        fullDates
	month                                       int // latest y*100+m of "March 2008", or 0
	year                                        int // latest year of "in 2006" from 1900 to next year, or 0
	nextMDY, nextDMY, nextISO, nextMY, nextYear int
}

// scan walks s once. A match of any expression starts at a word boundary with a letter, a
// digit or ſ; at each such position it tries each expression whose previous match ended
// before it.
func (sc *dateScan) scan(s string) {
	var buf [9]byte
	for p := 0; p < len(s); p++ {
		cl := byteClass[s[p]]
		if cl&(classMonth|classYearWord|classDigit) == 0 {
			continue
		}
		if cl&classWord != 0 {
			if p > 0 && isWordByte(s[p-1]) {
				continue // inside a word
			}
		} else if p == 0 || !isWordByte(s[p-1]) || p+1 == len(s) || s[p+1] != 0xBF {
			continue // ſ is at \b only after a word byte
		}
		if cl&classDigit != 0 {
			if p >= sc.nextDMY {
				if end, y, m, d, ok := matchDMY(s, p, buf[:]); ok {
					sc.full.add(p, y, m, d)
					sc.nextDMY = end
				}
			}
			if p >= sc.nextISO {
				if end, y, m, d, ok := matchISO(s, p); ok {
					sc.full.add(p, y, m, d)
					sc.nextISO = end
				}
			}
			continue
		}
		word, long, i, ok := lettersAt(s, p, buf[:])
		if !ok {
			continue
		}
		if cl&classMonth != 0 && len(word) >= 3 {
			if p >= sc.nextMDY {
				if end, y, d, ok := matchMDYRest(s, i); ok {
					if m, ok := monthOf(word, long); ok {
						sc.full.add(p, y, m, d)
						sc.nextMDY = end
					}
				}
			}
			if p >= sc.nextMY {
				if end, y, ok := matchMYRest(s, i); ok {
					if m, ok := monthOf(word, long); ok {
						if validDate(y, m, 1) && y <= nowYear+1 && y*100+m > sc.month {
							sc.month = y*100 + m
						}
						sc.nextMY = end
					}
				}
			}
		}
		if cl&classYearWord != 0 && len(word) <= 6 && p >= sc.nextYear {
			if end, y, ok := matchYearRest(s, word, i); ok {
				if y >= 1900 && y <= nowYear+1 && y > sc.year {
					sc.year = y
				}
				sc.nextYear = end
			}
		}
	}
}

// matchMDYRest matches what follows the month of mdy at s[i:]: \.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})\b.
func matchMDYRest(s string, i int) (end, y, d int, ok bool) {
	if i < len(s) && s[i] == '.' {
		i++
	}
	j := spacesAt(s, i)
	if j == i {
		return
	}
	i, d = digitsAt(s, j)
	if n := i - j; n < 1 || n > 2 {
		return
	}
	end, y, ok = commaYearAt(s, ordinalAt(s, i))
	return end, y, d, ok
}

// matchDMY matches dmy at s[p:], a digit at \b.
func matchDMY(s string, p int, buf []byte) (end, y, m, d int, ok bool) {
	i, d := digitsAt(s, p)
	if i-p > 2 {
		return
	}
	i = ordinalAt(s, i)
	j := spacesAt(s, i)
	if j == i {
		return
	}
	word, long, i, ok := lettersAt(s, j, buf)
	if !ok {
		return
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	end, y, ok = commaYearAt(s, i)
	if !ok {
		return
	}
	m, ok = monthOf(word, long)
	return end, y, m, d, ok
}

// commaYearAt matches the tail mdy and dmy share at s[i:]: ,?\s+([0-9]{4})\b.
func commaYearAt(s string, i int) (end, y int, ok bool) {
	if i < len(s) && s[i] == ',' {
		i++
	}
	j := spacesAt(s, i)
	if j == i {
		return 0, 0, false
	}
	return yearAt(s, j)
}

// matchISO matches iso at s[p:], a digit at \b.
func matchISO(s string, p int) (end, y, m, d int, ok bool) {
	if p+10 > len(s) || s[p+4] != '-' || s[p+7] != '-' {
		return
	}
	for _, k := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !isDigit(s[p+k]) {
			return
		}
	}
	if p+10 < len(s) && isWordByte(s[p+10]) {
		return
	}
	y = int(s[p]-'0')*1000 + int(s[p+1]-'0')*100 + int(s[p+2]-'0')*10 + int(s[p+3]-'0')
	m = int(s[p+5]-'0')*10 + int(s[p+6]-'0')
	d = int(s[p+8]-'0')*10 + int(s[p+9]-'0')
	return p + 10, y, m, d, true
}

// matchMYRest matches what follows the month of my at s[i:]: \.?,?\s+(?:of\s+)?([0-9]{4})\b.
func matchMYRest(s string, i int) (end, y int, ok bool) {
	if i < len(s) && s[i] == '.' {
		i++
	}
	if i < len(s) && s[i] == ',' {
		i++
	}
	j := spacesAt(s, i)
	if j == i {
		return
	}
	if j+2 < len(s) && s[j]|0x20 == 'o' && s[j+1]|0x20 == 'f' && byteClass[s[j+2]]&classSpace != 0 {
		j = spacesAt(s, j+2)
	}
	return yearAt(s, j)
}

// yearWords are the words before a year that place something in it.
var yearWords = map[string]bool{
	"in": true, "since": true, "by": true, "during": true, "until": true, "of": true, "early": true, "late": true,
	"mid": true, "summer": true, "spring": true, "autumn": true, "fall": true, "winter": true,
}

// matchYearRest matches what follows word, a run of letters ending at s[i], in year:
// the word is one of the alternatives (mid then an optional -), \s+([12][0-9]{3})\b.
func matchYearRest(s string, word []byte, i int) (end, y int, ok bool) {
	mid := string(word) == "mid"
	if mid && i < len(s) && s[i] == '-' {
		i++
	}
	j := spacesAt(s, i)
	if j == i || j >= len(s) || s[j] != '1' && s[j] != '2' {
		return
	}
	end, y, ok = yearAt(s, j)
	if !ok || !mid && !yearWords[string(word)] {
		return 0, 0, false
	}
	return end, y, true
}
