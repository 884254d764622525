package actors

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/lexicon/gazetteer"
	"golang.org/x/text/unicode/norm"
)

//go:embed fold.tsv
var foldTSV string

//go:embed agents.tsv
var agentsTSV string

//go:embed possessed.tsv
var possessedTSV string

//go:embed titles.txt
var titlesTxt string

// pairs reads a two-column table: '#' comments, lines of key <tab> value.
func pairs(tsv string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if f := strings.Split(line, "\t"); len(f) == 2 {
			m[strings.TrimSpace(f[0])] = strings.TrimSpace(f[1])
		}
	}
	return m
}

var possessedTab = sync.OnceValue(func() map[string]string { return pairs(possessedTSV) })

// PossessedClass returns the kind of group a noun names when a person possesses it
// ("regime" -> "gov", "followers" -> "fol"), or "".
func PossessedClass(noun string) string {
	return possessedTab()[strings.ToLower(noun)]
}

var agentTab = sync.OnceValue(func() map[string]string { return pairs(agentsTSV) })

// AgentType returns the entity type that the head noun of a description gives an actor
// without a name ("a policeman" -> PERSON, "the militias" -> ORG, "gunmen" -> ORG), or "".
// The head is the last word; a plural of a person noun names a group.
func AgentType(desc string) string {
	agents := agentTab()
	ws := strings.Fields(strings.ToLower(desc))
	if len(ws) == 0 {
		return ""
	}
	w := strings.Trim(ws[len(ws)-1], ".,;:!?\"'’")
	if t, ok := agents[w]; ok {
		return t
	}
	for _, suf := range []struct{ plural, sing string }{{"men", "man"}, {"ies", "y"}, {"s", ""}} {
		if strings.HasSuffix(w, suf.plural) {
			if t, ok := agents[strings.TrimSuffix(w, suf.plural)+suf.sing]; ok {
				if t == "PERSON" {
					t = "ORG" // several people named as one actor: a group
				}
				return t
			}
		}
	}
	return ""
}

var (
	foldOnce sync.Once
	foldTab  map[string]string
	titles   map[string]bool
	demonyms map[string]string
)

func loadFold() {
	foldOnce.Do(func() {
		foldTab = map[string]string{}
		for _, line := range strings.Split(foldTSV, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 2 {
				continue
			}
			foldTab[stripApos(strings.TrimSpace(f[0]))] = stripApos(strings.TrimSpace(f[1]))
		}
		demonyms = map[string]string{}
		for d, iso := range gazetteer.Demonyms() {
			demonyms[d] = iso
		}
		titles = map[string]bool{}
		for t := range gazetteer.Titles() {
			titles[strings.TrimSuffix(t, ".")] = true
		}
		for _, line := range strings.Split(titlesTxt, "\n") {
			if t := strings.TrimSpace(line); t != "" && t[0] != '#' {
				titles[t] = true
			}
		}
	})
}

var aposReplacer = strings.NewReplacer("'", "", "\u2019", "", "\u2018", "", "`", "", "\u02bc", "", "\u02bf", "", "\u02be", "")

func stripApos(s string) string {
	if !strings.ContainsAny(s, "'\u2019\u2018`\u02bc\u02bf\u02be") {
		return s
	}
	return aposReplacer.Replace(s)
}

var genericReplacer = strings.NewReplacer("ou", "u", "ee", "i", "oo", "u", "ph", "f")

// leadingJunk are words that never begin a name.
var leadingJunk = map[string]bool{"the": true, "and": true, "but": true, "or": true, "by": true, "with": true,
	"to": true, "from": true, "as": true, "at": true, "on": true, "if": true, "while": true, "when": true}

// particles are the name particles dropped from keys: "al-Sadr", "Al Sadr" and "Sadr"
// share a key. Other particles (bin, Abu, Abdel) carry meaning and are kept.
var particles = map[string]bool{"al": true, "el": true, "ul": true}

// attached are particles written joined to the name by a hyphen ("As-Sadiyah"); dropped
// only when hyphenated.
var attached = map[string]bool{"ad": true, "as": true, "ash": true, "an": true, "ar": true, "at": true, "az": true, "ath": true, "adh": true}

// Words splits a name into lower-case words: diacritics removed, apostrophes dropped (a
// trailing possessive "'s" removed), periods removed, and hyphens, dashes and other
// punctuation made word breaks. Initials written with periods ("H.W.") become one word per
// letter.
func Words(name string) []string {
	s := name
	if !isASCII(s) {
		s = norm.NFKD.String(name)
		var b strings.Builder
		for _, r := range s {
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	var words []string
	for _, f := range strings.FieldsFunc(s, wordBreak) {
		// Initials: "H.W." -> h w; "U.S." stays one word (us) when it is the whole name
		// or an acronym (all letters upper-case and no word around it is a name).
		if strings.Count(f, ".") >= 2 && isInitials(f) && len(strings.Fields(s)) > 1 && !isAcronymDots(f, s) {
			for _, r := range f {
				if r != '.' {
					words = append(words, strings.ToLower(string(r)))
				}
			}
			continue
		}
		for _, p := range []string{"'s", "\u2019s", "'", "\u2019"} {
			if strings.HasSuffix(f, p) && len(f) > len(p) {
				f = f[:len(f)-len(p)]
				break
			}
		}
		w := strings.ToLower(stripApos(strings.ReplaceAll(f, ".", "")))
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, w)
		if w != "" {
			words = append(words, w)
		}
	}
	return words
}

// isInitials reports whether f is letters separated by periods: "H.W.", "U.S.".
func isInitials(f string) bool {
	n := 0
	for i, r := range f {
		if r == '.' {
			continue
		}
		if !unicode.IsUpper(r) || (i+1 < len(f) && f[i+1] != '.') {
			return false
		}
		n++
	}
	return n >= 2
}

// isAcronymDots reports whether a dotted form like "U.S." in s is an acronym rather than
// a person's initials: it is the first word, or s has no other capitalised word after it.
func isAcronymDots(f, s string) bool {
	fs := strings.Fields(s)
	if len(fs) == 0 || fs[0] == f {
		return true
	}
	return fs[len(fs)-1] == f
}

// Fold returns the folded spelling of one lower-case word: transliteration variants
// (fold.tsv), then doubled letters collapsed and ou -> u, ee -> i, oo -> u, ph -> f.
func Fold(w string) string {
	loadFold()
	if f, ok := foldTab[w]; ok {
		w = f
	}
	w = generic(w)
	if f, ok := foldTab[w]; ok {
		w = generic(f)
	}
	return w
}

func generic(w string) string {
	if len(w) <= 2 || plainASCII(w) {
		return w
	}
	w = genericReplacer.Replace(w)
	var b strings.Builder
	var prev rune
	for _, r := range w {
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// plainASCII reports whether generic leaves the word w as it is, known without its
// allocations: w is ASCII without NUL (generic drops a leading one), with no letter written
// twice in a row and neither "ou" nor "ph" (the other spellings genericReplacer changes, "ee"
// and "oo", are doubles).
func plainASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || c == 0 {
			return false
		}
		if i > 0 {
			if p := w[i-1]; p == c || p == 'o' && c == 'u' || p == 'p' && c == 'h' {
				return false
			}
		}
	}
	return true
}

// IsTitle reports whether a lower-case word is a title or role word that comes before a
// person's name ("President", "Gen.", "Ayatollah").
func IsTitle(w string) bool {
	loadFold()
	return titles[strings.TrimSuffix(w, ".")]
}

// nationality reports whether a word is a demonym or a short country name that can come
// before a title ("Iranian President", "US Ambassador").
func nationality(w string) bool {
	loadFold()
	if _, ok := demonyms[w]; ok {
		return true
	}
	switch w {
	case "us", "uk", "un", "eu", "british", "american":
		return true
	}
	return false
}

// Demonym returns the ISO 3166 alpha-2 code of the country a demonym or its plural names
// ("Iranian", "Iranians" -> IR), or "".
func Demonym(s string) string {
	loadFold()
	w := strings.ToLower(strings.TrimSpace(s))
	if iso, ok := demonyms[w]; ok {
		return iso
	}
	if iso, ok := demonyms[strings.TrimSuffix(w, "s")]; ok && strings.HasSuffix(w, "s") {
		return iso
	}
	return ""
}

// Name is a name broken into the parts resolution compares.
type Name struct {
	// Titles are the title words stripped from the front ("president", "mr").
	Titles []string
	// Words are the folded words left, particles dropped.
	Words []string
	// Raw are the lower-case words of the name without titles, particles kept.
	Raw []string
}

// Key is the folded key of the name: its words joined by spaces.
func (n Name) Key() string { return strings.Join(n.Words, " ") }

// Last is the last folded word (a person's surname), or "".
func (n Name) Last() string {
	if len(n.Words) == 0 {
		return ""
	}
	return n.Words[len(n.Words)-1]
}

// Given is the folded words before the surname.
func (n Name) Given() []string {
	if len(n.Words) < 2 {
		return nil
	}
	return n.Words[:len(n.Words)-1]
}

// ParseName breaks a name of the given entity type into titles and folded words. For people,
// leading titles are stripped and short all-capital middle words are read as initials
// ("George HW Bush" -> george h w bush). For other types a plural last word is made
// singular ("Kurds" -> kurd) and a leading "the" is dropped.
func ParseName(name, typ string) Name { return parseWords(name, Words(name), typ) }

// parseWords is ParseName of name, whose Words are ws (not changed: a caller may parse them
// again for another type).
func parseWords(name string, ws []string, typ string) Name {
	var n Name
	var orig []string // strings.Fields(name), split when first needed
	low := ""         // strings.ToLower(name), when first needed
	if len(ws) == 0 {
		return n
	}
	// Leading "the", and a conjunction or preposition a recogniser took in ("And Al Maliki").
	for len(ws) > 1 && leadingJunk[ws[0]] {
		ws = ws[1:]
	}
	if typ == "PERSON" || typ == "" {
		for len(ws) > 1 {
			if IsTitle(ws[0]) || (len(ws) > 2 && nationality(ws[0]) && IsTitle(ws[1])) {
				n.Titles = append(n.Titles, ws[0])
				ws = ws[1:]
				continue
			}
			break
		}
	}
	// Hyphen-attached particles: find them in the original spelling.
	var out []string
	for i, w := range ws {
		if particles[w] && i < len(ws)-1 {
			n.Raw = append(n.Raw, w)
			continue
		}
		if attached[w] && i < len(ws)-1 {
			if low == "" {
				low = strings.ToLower(name)
			}
			if strings.Contains(low, w+"-") {
				n.Raw = append(n.Raw, w)
				continue
			}
		}
		n.Raw = append(n.Raw, w)
		if typ == "PERSON" && i > 0 && i < len(ws)-1 && len(w) <= 3 {
			if orig == nil {
				orig = strings.Fields(name)
			}
			if allUpperWord(orig, w) {
				for _, r := range w {
					out = append(out, string(r))
				}
				continue
			}
		}
		out = append(out, w)
	}
	if typ != "PERSON" && len(out) > 0 {
		last := singular(out[len(out)-1])
		switch {
		case strings.HasSuffix(last, "ism") && len(last) > 6:
			last = last[:len(last)-3] + "ist" // "Iraqi nationalism", "Iraqi nationalists"
		case (typ == "LOC" || typ == "GPE") && len(out) > 1 && strings.HasSuffix(last, "ern") && len(last) > 6:
			last = last[:len(last)-3] // "Middle Eastern", "Middle East"
		}
		out[len(out)-1] = last
	}
	for i, w := range out {
		out[i] = Fold(w)
	}
	n.Words = out
	return n
}

// MayHaveTitles reports whether ParseName(name, "PERSON") may find titles in name: false
// only when it finds none, decided without its allocations (a coreference pass asks it of
// every capitalised name). An ASCII name has none when no word Words would make of it is a
// title; a name with other bytes may have some.
func MayHaveTitles(name string) bool {
	if !isASCII(name) {
		return true
	}
	loadFold()
	start := -1
	for i := 0; i <= len(name); i++ {
		if i < len(name) && !asciiBreak[name[i]] {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && fieldMayBeTitle(name[start:i]) {
			return true
		}
		start = -1
	}
	return false
}

// wordBreak reports whether Words breaks words at r.
func wordBreak(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '\u2013' || r == '\u2014' || r == '/' || r == ',' || r == '(' || r == ')' || r == '"' || r == '\u201c' || r == '\u201d' || r == '&' || r == ';' || r == ':'
}

// asciiBreak[c] is wordBreak(rune(c)) for an ASCII byte c.
var asciiBreak = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = wordBreak(rune(c))
	}
	return t
}()

// fieldMayBeTitle reports whether a word Words makes of the ASCII field f may be a title:
// one of its letters (initials, "H.W."), or its letters and digits lower-cased, with a
// possessive ending or without.
func fieldMayBeTitle(f string) bool {
	if strings.Count(f, ".") >= 2 {
		for i := 0; i < len(f); i++ {
			if c := f[i] | 0x20; 'a' <= c && c <= 'z' && titles[string(c)] {
				return true
			}
		}
	}
	var buf [32]byte
	for _, g := range [3]string{f, strings.TrimSuffix(f, "'s"), strings.TrimSuffix(f, "'")} {
		w := buf[:0]
		for i := 0; i < len(g); i++ {
			c := g[i]
			switch {
			case 'A' <= c && c <= 'Z':
				w = append(w, c+'a'-'A')
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				w = append(w, c)
			}
		}
		if titles[string(w)] {
			return true
		}
	}
	return false
}

// allUpperWord reports whether the original word spelled w is written in capitals ("HW").
func allUpperWord(orig []string, w string) bool {
	for _, o := range orig {
		if strings.ToLower(strings.Trim(o, ".,")) == w {
			return strings.ToUpper(o) == o
		}
	}
	return false
}

// singular strips a plural -s from a word of more than three letters ("kurds", "shiites",
// "councils"); "-ss", "-us", "-is" words are left alone.
func singular(w string) string {
	if len(w) <= 3 || !strings.HasSuffix(w, "s") {
		return w
	}
	for _, s := range []string{"ss", "us", "is", "ys"} {
		if strings.HasSuffix(w, s) {
			return w
		}
	}
	if strings.HasSuffix(w, "ies") && len(w) > 4 {
		return w[:len(w)-3] + "y"
	}
	return w[:len(w)-1]
}

// Key returns the folded key of a name of the given type ("" when unknown): the words
// that identify it across spellings. "Moqtada al-Sadr", "Muqtada Al Sadr" and "MOQTADA
// AL-SADR" share a key; so do "Shi'ite" and "Shiite" and "Shia".
func Key(name, typ string) string { return ParseName(name, typ).Key() }

// Acronym returns the acronym a name is written as, lower-case, when it is one ("JAM",
// "U.S.", "ISCI"): one word of two to seven capitals, possibly with periods; "" otherwise.
func Acronym(name string) string {
	f := strings.Fields(strings.TrimSpace(name))
	if len(f) != 1 {
		return ""
	}
	w := strings.ReplaceAll(f[0], ".", "")
	if len(w) < 2 || len(w) > 7 {
		return ""
	}
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return ""
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	if n < 2 {
		return ""
	}
	return strings.ToLower(w)
}

// function words skipped by initials.
var skipInitial = map[string]bool{"of": true, "the": true, "for": true, "in": true, "and": true, "on": true, "to": true, "a": true, "de": true}

// Initials returns the acronyms a multi-word name could be written as, lower-case: the
// first letters of its words without function words, with and without name particles
// ("Jaish al-Mahdi" -> jam, jm; "Islamic Supreme Council of Iraq" -> isci). Names of fewer
// than two words give none.
func Initials(name string) []string {
	if out, ok := initialsASCII(name); ok {
		return out
	}
	ws := Words(name)
	if len(ws) < 2 {
		return nil
	}
	var with, without strings.Builder
	for _, w := range ws {
		if skipInitial[w] {
			continue
		}
		r := []rune(w)
		with.WriteRune(r[0])
		if !particles[w] {
			without.WriteRune(r[0])
		}
	}
	var out []string
	if with.Len() >= 2 {
		out = append(out, with.String())
	}
	if without.Len() >= 2 && without.String() != with.String() {
		out = append(out, without.String())
	}
	return out
}

// initialsASCII is Initials for a name of ASCII letters, digits and word breaks only, at
// most 32 words (ok false for any other): then Words gives its fields between word breaks,
// lower-cased, and a word's first rune is its first byte.
func initialsASCII(name string) (out []string, ok bool) {
	var with, without [32]byte
	nw, nwith, nwithout := 0, 0, 0
	for i := 0; i < len(name); {
		if c := name[i]; c >= utf8.RuneSelf {
			return nil, false
		} else if asciiBreak[c] {
			i++
			continue
		}
		j := i
		for ; j < len(name) && (name[j] >= utf8.RuneSelf || !asciiBreak[name[j]]); j++ {
			if c := name[j]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				return nil, false
			}
		}
		f := name[i:j]
		i = j
		if nw++; nw > len(with) {
			return nil, false
		}
		particle := false
		if len(f) <= 3 { // skipInitial's and particles' words are short
			var b [3]byte
			for k := range len(f) {
				b[k] = lowerASCII(f[k])
			}
			if skipInitial[string(b[:len(f)])] {
				continue
			}
			particle = particles[string(b[:len(f)])]
		}
		with[nwith] = lowerASCII(f[0])
		nwith++
		if !particle {
			without[nwithout] = lowerASCII(f[0])
			nwithout++
		}
	}
	if nw < 2 {
		return nil, true
	}
	if nwith >= 2 {
		out = append(out, string(with[:nwith]))
	}
	if nwithout >= 2 && string(without[:nwithout]) != string(with[:nwith]) {
		out = append(out, string(without[:nwithout]))
	}
	return out, true
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Slug returns the id form of a name: lower-case ASCII letters and digits, words joined
// by hyphens ("Moqtada al-Sadr" -> moqtada-al-sadr).
func Slug(name string) string {
	s := norm.NFKD.String(name)
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || r == '\'' || r == '\u2019' || r == '.' {
			continue
		}
		r = unicode.ToLower(r)
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "actor"
	}
	return b.String()
}

// PersonCompatible reports whether two person names can name one person: the same surname,
// and given names that agree — one name is a tail of the other ("Kazemi-Qomi" of "Hassan
// Kazemi-Qomi", "Bush" of anything), or the first given words agree (equal, or one is the
// other's initial) and the middle words, when both names have them, agree one by one.
// "George W. Bush" and "George H. W. Bush" do not; neither do "Muhammad Baqir al-Hakim"
// and "Abdel-Aziz al-Hakim".
func PersonCompatible(a, b Name) bool {
	if a.Last() == "" || a.Last() != b.Last() {
		return false
	}
	if tail(a.Words, b.Words) || tail(b.Words, a.Words) {
		return true
	}
	ga, gb := a.Given(), b.Given()
	if len(ga) == 0 || len(gb) == 0 {
		return true
	}
	if !wordAgree(ga[0], gb[0]) {
		return false
	}
	ma, mb := ga[1:], gb[1:]
	if len(ma) == 0 || len(mb) == 0 {
		return true
	}
	if len(ma) != len(mb) {
		return false
	}
	for i := range ma {
		if !wordAgree(ma[i], mb[i]) {
			return false
		}
	}
	return true
}

// tail reports whether short is a tail of long.
func tail(long, short []string) bool {
	if len(short) > len(long) || len(short) == 0 {
		return false
	}
	off := len(long) - len(short)
	for i := range short {
		if long[off+i] != short[i] {
			return false
		}
	}
	return true
}

func wordAgree(x, y string) bool {
	if x == y {
		return true
	}
	if len(x) == 1 && len(y) > 0 && y[0] == x[0] || len(y) == 1 && len(x) > 0 && x[0] == y[0] {
		return true
	}
	return false
}

//go:embed orgheads.txt
var orgHeadsTxt string

var (
	coreOnce  sync.Once
	orgHeads  map[string]bool
	groupWord map[string]bool
	countries map[string]bool
	// foldedMods are the modifiers in folded spelling.
	foldedMods = map[string]bool{}
)

// modifiers are adjectives that do not tell organisations apart.
var modifiers = map[string]bool{"national": true, "islamic": true, "new": true, "special": true, "united": true,
	"central": true, "supreme": true, "political": true, "religious": true, "armed": true, "local": true,
	"federal": true, "provincial": true, "foreign": true, "senior": true, "former": true, "pro": true, "anti": true,
	"led": true, "backed": true, "based": true, "state": true, "main": true, "major": true, "big": true, "the": true,
	"of": true, "for": true, "and": true, "in": true, "a": true, "an": true, "its": true, "their": true, "his": true,
	"government": true, "official": true, "top": true, "radical": true, "hard": true, "line": true,
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true, "seventh": true,
	"eighth": true, "ninth": true, "tenth": true}

func loadCore() {
	coreOnce.Do(func() {
		orgHeads = map[string]bool{}
		for w := range gazetteer.OrgHeads() {
			w = strings.TrimSuffix(w, ".")
			orgHeads[w], orgHeads[Fold(w)], orgHeads[Fold(singular(w))] = true, true, true
		}
		for _, line := range strings.Split(orgHeadsTxt, "\n") {
			if w := strings.TrimSpace(line); w != "" && w[0] != '#' {
				orgHeads[w], orgHeads[Fold(w)], orgHeads[Fold(singular(w))] = true, true, true
			}
		}
		for w := range modifiers {
			foldedMods[Fold(w)] = true
		}
		groupWord = map[string]bool{}
		for w := range gazetteer.Groups() {
			for _, x := range Words(w) {
				groupWord[Fold(x)] = true
				groupWord[Fold(singular(x))] = true
			}
		}
		countries = map[string]bool{}
		for name, p := range gazetteer.PlaceIndex().All() {
			if ws := Words(name); p.Kind == "country" && len(ws) == 1 {
				countries[Fold(ws[0])] = true
			}
		}
	})
}

// OrgCore returns the one word that tells an organisation name apart ("badr" for "Badr
// Corps", "Badr militia" and "Badrists"; "sadr" for "Sadr trend" and "Sadrist movement"),
// or "" when the name has none or several, and its generic words: nationalities, countries
// and religious or ethnic groups ("iraqi", "shia"). Head words (army, party, movement),
// function words and common modifiers are skipped; a final -ist(s) is removed.
func OrgCore(name string) (core string, generic []string) {
	loadFold()
	loadCore()
	n := ParseName(name, "ORG")
	// Words written with a capital: only those can be a core.
	caps := map[string]bool{}
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' }) {
		if r := []rune(f); len(r) > 0 && unicode.IsUpper(r[0]) {
			for _, w := range Words(f) {
				caps[Fold(w)], caps[Fold(singular(w))] = true, true
			}
		}
	}
	var cores []string
	prev := ""
	for _, w := range n.Words {
		after := prev
		prev = w
		if after == "of" || after == "for" || after == "in" || after == "on" || after == "to" || after == "against" {
			// "Union for Peace", "Institute of Peace": a word after a preposition is
			// what the body is about, not its name.
			if !(groupWord[w] || countries[w] || Demonym(w) != "") {
				cores = append(cores, "")
				continue
			}
		}
		stem := w
		for _, suf := range []string{"ists", "ist"} {
			if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
				stem = w[:len(w)-len(suf)]
				break
			}
		}
		switch {
		case groupWord[stem] || countries[stem] || Demonym(stem) != "" || stem == w && (groupWord[w] || countries[w] || Demonym(w) != ""):
			generic = append(generic, w)
		case len(w) < 3 || modifiers[w] || foldedMods[w] || orgHeads[w] || orgHeads[w+"s"]:
		case !caps[w]:
			cores = append(cores, "") // a common noun: "insurgents", "occupation forces"
		default:
			cores = append(cores, stem)
		}
	}
	if len(cores) == 1 {
		core = cores[0]
	}
	sort.Strings(generic)
	return core, generic
}

// minor are modifiers that do not change which organisation a name means ("new Iraqi
// army", "Kurdish political parties").
var minor = map[string]bool{"new": true, "political": true, "former": true, "main": true, "major": true, "big": true, "top": true}

// PlainKey is the folded key of an organisation name without minor modifiers.
func PlainKey(name, typ string) string {
	n := ParseName(name, typ)
	var ws []string
	for _, w := range n.Words {
		if !minor[w] {
			ws = append(ws, w)
		}
	}
	if len(ws) == len(n.Words) {
		return ""
	}
	return strings.Join(ws, " ")
}

// GenericConflict reports whether two organisation names' generic words disagree: both have
// some and they differ ("Iraqi intelligence" and "Iranian intelligence").
func GenericConflict(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	return strings.Join(a, " ") != strings.Join(b, " ")
}

//go:embed sectors.tsv
var sectorsTSV string

var sectorTab = sync.OnceValue(func() map[string]string { return pairs(sectorsTSV) })

var sectorFirst = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for k := range sectorTab() {
		w, _, _ := strings.Cut(k, " ")
		m[w] = true
	}
	return m
})

// SectorStart reports whether the lower-case word w can begin the sector noun of a name
// Sector reads ("troops", "intelligence"): a cheap test before building the name.
func SectorStart(w string) bool { return sectorFirst()[w] }

// Sector reads a descriptive organisation name made of a nationality or country and a
// sector noun ("US troops", "American surge forces", "Iranian intelligence") and returns
// the nationality word as written (lower-case) and the sector ("military",
// "intelligence"); ok is false for any other name.
func Sector(name string) (nat, sector string, ok bool) {
	ws := Words(name)
	if len(ws) > 0 && ws[0] == "the" {
		ws = ws[1:]
	}
	if len(ws) > 0 && ws[0] == "new" {
		ws = ws[1:] // "the new Iraqi army"
	}
	if len(ws) < 2 {
		return "", "", false
	}
	if !nationality(ws[0]) && Demonym(ws[0]) == "" {
		loadCore()
		if !countries[Fold(ws[0])] {
			return "", "", false
		}
	}
	s, found := sectorTab()[strings.Join(ws[1:], " ")]
	if !found {
		return "", "", false
	}
	return ws[0], s, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// placeHeads are words after a place name that do not change the place ("Anbar Province").
var placeHeads = map[string]bool{"province": true, "governorate": true, "district": true, "prefecture": true}

// CoreKey returns a second key for a community or a place, without the words that only
// qualify it: "Iraqi Shiites" -> "shia" (a nationality and a religious or ethnic group),
// "Sunni Anbar Province" -> "anbar". It returns "" when nothing is removed.
func CoreKey(name, typ string) string {
	loadFold()
	loadCore()
	n := ParseName(name, typ)
	if len(n.Words) < 2 {
		return ""
	}
	switch typ {
	case "NORP":
		var rest []string
		for _, w := range n.Words {
			if countries[w] || Demonym(w) != "" {
				continue
			}
			rest = append(rest, w)
		}
		if len(rest) == 1 && groupWord[rest[0]] && len(rest) < len(n.Words) {
			return rest[0]
		}
	case "GPE", "LOC":
		ws := n.Words
		if !placeHeads[ws[len(ws)-1]] {
			return ""
		}
		ws = ws[:len(ws)-1]
		var rest []string
		for _, w := range ws {
			if groupWord[w] || Demonym(w) != "" {
				continue
			}
			rest = append(rest, w)
		}
		if len(rest) > 0 && len(rest) < len(n.Words) {
			return strings.Join(rest, " ")
		}
	}
	return ""
}

// GivenNameTitle reports whether one of a person's titles comes before a given name rather
// than a surname ("Sheikh Karim", "Sayyid Ali", "King Abdullah", "Sir Richard"), so that a
// person named by it and one word is named by the given name.
func GivenNameTitle(titles []string) bool {
	for _, t := range titles {
		switch strings.TrimSuffix(strings.ToLower(t), ".") {
		case "sheikh", "shaikh", "sheik", "sayyid", "sayyed", "sayed", "sayid", "mullah", "imam", "emir", "amir",
			"sultan", "king", "queen", "prince", "princess", "sir", "dame", "pope", "tsar", "shah":
			return true
		}
	}
	return false
}

// Gender returns "m" or "f" when a person's titles say ("Mr", "Sir", "King"; "Mrs", "Ms",
// "Queen"), "" otherwise.
func Gender(titles []string) string {
	for _, t := range titles {
		switch strings.TrimSuffix(t, ".") {
		case "mr", "sir", "king", "prince", "lord", "sheikh", "shaikh", "sheik", "emir", "sultan":
			return "m"
		case "mrs", "ms", "miss", "queen", "princess", "lady", "dame", "madam", "madame":
			return "f"
		}
	}
	return ""
}
