package coref

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

// propagate adds mentions for the other occurrences of the names of the document: the
// exact capitalised form of a mention (at word boundaries, not inside a longer capitalised
// name), and the surname of a person named in full when no other person of the document
// shares it.
func (d *doc) propagate() {
	type form struct {
		text string
		ent  int
	}
	var forms []form
	seen := make(map[string]bool, len(d.ents)/2+8)
	surnames := make(map[string][]int, len(d.ents)/4+8)
	ci := commonIndex{text: d.text}
	common := make(map[string]bool, len(d.ents)/4+8) // commonWord of each word asked, once
	isCommon := func(w string) bool {
		c, ok := common[w]
		if !ok {
			c = ci.common(w)
			common[w] = c
		}
		return c
	}
	for i, e := range d.ents {
		if isPronoun(e.Text) || !startsUpper(e.Text) || len(e.Text) < 3 || e.Type == "" {
			continue
		}
		if !strings.Contains(e.Text, " ") && isCommon(e.Text) {
			continue // "The", "Council": a common word the recogniser took for a name
		}
		if !seen[e.Text] {
			seen[e.Text] = true
			forms = append(forms, form{e.Text, i})
		}
		n := d.names[i]
		if e.Type == faultline.PERSON && len(n.Words) >= 2 && acronym(e.Text) == "" {
			fs := strings.Fields(e.Text)
			last := fs[len(fs)-1]
			if k := strings.LastIndexAny(last, "-"); k >= 0 && strings.HasPrefix(strings.ToLower(last), "al-") {
				last = last[k+1:]
			}
			if startsUpper(last) && len(last) >= 3 {
				surnames[last] = append(surnames[last], i)
			}
		}
	}
	for last, ents := range surnames {
		g := d.find(ents[0])
		one := true
		for _, j := range ents[1:] {
			if d.find(j) != g {
				one = false
			}
		}
		if one && !seen[last] && !isCommon(last) {
			seen[last] = true
			forms = append(forms, form{last, ents[0]})
		}
	}
	// Longest first, then in byte order: the texts are distinct (seen), so the order is total
	// and any sort gives it.
	slices.SortFunc(forms, func(a, b form) int {
		if len(a.text) != len(b.text) {
			return len(b.text) - len(a.text)
		}
		return strings.Compare(a.text, b.text)
	})
	for _, f := range forms {
		d.wholeWords(f.text, func(s, t int) {
			if d.covered(s, t) || insideName(d.text, s, t) {
				return
			}
			typ := d.ents[f.ent].Type
			d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: typ}, f.ent)
		})
	}
}

// commonIndex answers commonWord over one text: a word that begins with a letter or digit is
// looked for among the text's words without upper-case ASCII letters that start with its
// first byte (indexed once), other words (and every word of a text that is not valid UTF-8)
// are searched for in the text.
type commonIndex struct {
	text, lower string
	// checked: valid tells whether the text is valid UTF-8 (and short enough for the
	// index's offsets).
	checked, valid bool
	indexed        bool
	// runs holds the [start, end) of the text's lower-case words grouped by first byte:
	// those of byte c are runs[first[c]:first[c+1]].
	runs  [][2]int32
	first [257]int32
	// asked counts the words asked of each group; a group asked for groupAfter words is
	// grouped by word (words[c]) and looked up instead of scanned.
	asked [256]int32
	words [256]*wordRuns
}

// groupAfter is the number of words asked of a group of commonIndex.runs after which its
// runs are grouped by word: a scan costs a pass over the group, grouping a few of them. (A
// variable for the tests.)
var groupAfter int32 = 16

// wordRuns holds the runs of one group of commonIndex.runs by word: the runs of the word of
// id k (ids) are runs[off[k]:off[k+1]], in text order until a word that goes on after them
// is asked of them; then (byCont[k]) in contOrder.
type wordRuns struct {
	ids    map[string]int32
	off    []int32
	runs   [][2]int32
	byCont []bool
}

// group groups the runs of a group of commonIndex.runs by word.
func (c *commonIndex) group(runs [][2]int32) *wordRuns {
	g := &wordRuns{ids: map[string]int32{}}
	id := make([]int32, len(runs))
	var count []int32
	for i, r := range runs {
		k, ok := g.ids[c.text[r[0]:r[1]]]
		if !ok {
			k = int32(len(count))
			g.ids[c.text[r[0]:r[1]]] = k
			count = append(count, 0)
		}
		id[i] = k
		count[k]++
	}
	g.off = make([]int32, len(count)+1)
	for k, n := range count {
		g.off[k+1] = g.off[k] + n
	}
	next := slices.Clone(g.off[:len(count)])
	g.runs = make([][2]int32, len(runs))
	for i, r := range runs {
		g.runs[next[id[i]]] = r
		next[id[i]]++
	}
	g.byCont = make([]bool, len(count))
	return g
}

// contLen is how much of the text after a run contOrder compares (and lookup searches for).
const contLen = 32

// cont returns the contLen bytes of the text after the run r (fewer at the end).
func (c *commonIndex) cont(r [2]int32) string {
	return c.text[r[1]:min(int(r[1])+contLen, len(c.text))]
}

// contOrder orders runs by the text after them (contLen bytes), then by offset.
func (c *commonIndex) contOrder(a, b [2]int32) int {
	if k := strings.Compare(c.cont(a), c.cont(b)); k != 0 {
		return k
	}
	return int(a[0] - b[0])
}

// lookup is common's loop over the runs of a group grouped by word: the runs whose text is
// lw[:seg], and (when lw goes on after them) among those, in contOrder, the ones whose
// following text begins with the rest of lw (up to contLen bytes of it), together from the
// first not below it.
func (c *commonIndex) lookup(g *wordRuns, lw string, seg int) bool {
	k, ok := g.ids[lw[:seg]]
	if !ok {
		return false
	}
	if seg == len(lw) {
		return true
	}
	runs := g.runs[g.off[k]:g.off[k+1]]
	if !g.byCont[k] {
		slices.SortFunc(runs, c.contOrder)
		g.byCont[k] = true
	}
	rest := lw[seg:min(len(lw), seg+contLen)]
	i, _ := slices.BinarySearchFunc(runs, rest, func(r [2]int32, rest string) int {
		return strings.Compare(c.cont(r), rest)
	})
	for _, r := range runs[i:] {
		if !strings.HasPrefix(c.cont(r), rest) {
			return false
		}
		if c.occursAt(r, lw) {
			return true
		}
	}
	return false
}

// occursAt reports whether lw occurs at the start of run r as a whole word (wordAt).
func (c *commonIndex) occursAt(r [2]int32, lw string) bool {
	e := int(r[0]) + len(lw)
	return e <= len(c.text) && c.text[r[0]:e] == lw && wordAt(c.text, int(r[0]), e)
}

// common returns commonWord(text, asciiLower(text), w).
func (c *commonIndex) common(w string) bool {
	if !c.checked {
		c.checked, c.valid = true, len(c.text) <= math.MaxInt32 && utf8.ValidString(c.text)
	}
	if seg := wordRun(w, 0); c.valid && seg > 0 {
		// An occurrence of lw at word boundaries in the text, with no upper-case ASCII
		// letter, begins with a maximal run of letters and digits without one: lw's first
		// seg bytes (all of it, for a word of letters and digits only).
		if !c.indexed {
			c.index()
		}
		lw := asciiLower(w)
		group := c.runs[c.first[lw[0]]:c.first[int(lw[0])+1]]
		if c.words[lw[0]] == nil {
			if c.asked[lw[0]]++; c.asked[lw[0]] >= groupAfter {
				c.words[lw[0]] = c.group(group)
			}
		}
		if g := c.words[lw[0]]; g != nil {
			return c.lookup(g, lw, seg)
		}
		for _, r := range group {
			if c.text[r[0]:r[1]] != lw[:seg] {
				continue
			}
			if seg == len(lw) {
				return true
			}
			if c.occursAt(r, lw) {
				return true
			}
		}
		return false
	}
	if c.lower == "" {
		c.lower = asciiLower(c.text)
	}
	return commonWord(c.text, c.lower, w)
}

// asciiAlnum reports whether the ASCII byte c is a letter or a digit.
func asciiAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// index finds the maximal runs of letters and digits of the text that hold no upper-case
// ASCII letter: an occurrence of a word of letters and digits at word boundaries (wordAt) is
// such a run, and it is the word's lower-case form (asciiLower) only if it has none.
func (c *commonIndex) index() {
	c.indexed = true
	text := c.text
	all := make([][2]int32, 0, len(text)/8)
	var count [257]int32
	// wordRune reports whether the rune at i (not ASCII) is a letter or digit, and its size.
	wordRune := func(i int) (bool, int) {
		r, n := utf8.DecodeRuneInString(text[i:])
		return unicode.IsLetter(r) || unicode.IsDigit(r), n
	}
	for i := 0; i < len(text); {
		if k := byteKind[text[i]]; k == kindOther {
			i++
			continue
		} else if k == kindMulti {
			ok, n := wordRune(i)
			if !ok {
				i += n
				continue
			}
		}
		// A run of letters and digits starts at i.
		start, upper := i, false
		for {
			// Lower-case letters and digits first, in a loop of their own: most of the bytes.
			for i < len(text) && byteKind[text[i]] == kindLower {
				i++
			}
			if i == len(text) {
				break
			}
			if k := byteKind[text[i]]; k == kindUpper {
				upper = true
				i++
				continue
			} else if k == kindMulti {
				if ok, n := wordRune(i); ok {
					i += n
					continue
				}
			}
			break
		}
		if !upper {
			all = append(all, [2]int32{int32(start), int32(i)})
			count[text[start]]++
		}
	}
	for b := 0; b < 256; b++ {
		c.first[b+1] = c.first[b] + count[b]
	}
	next := c.first
	c.runs = make([][2]int32, len(all))
	for _, r := range all {
		b := text[r[0]]
		c.runs[next[b]] = r
		next[b]++
	}
}

// Kinds of bytes for commonIndex.index: ASCII lower-case letters and digits, upper-case
// letters, other ASCII, and bytes of runes outside ASCII.
const (
	kindOther = iota
	kindLower
	kindUpper
	kindMulti
)

// byteKind is the kind of each byte.
var byteKind = func() (t [256]uint8) {
	for b := 0; b < 256; b++ {
		switch {
		case b >= utf8.RuneSelf:
			t[b] = kindMulti
		case 'A' <= b && b <= 'Z':
			t[b] = kindUpper
		case asciiAlnum(byte(b)):
			t[b] = kindLower
		}
	}
	return t
}()

// commonWord reports whether a capitalised word also occurs in lower case in the text
// ("The", "President"): then it is not (only) a name.
func commonWord(text, lower, w string) bool {
	lw := asciiLower(w)
	for off := 0; ; {
		k := strings.Index(lower[off:], lw)
		if k < 0 {
			return false
		}
		s := off + k
		off = s + len(lw)
		if wordAt(lower, s, off) && text[s:off] == lw {
			return true
		}
	}
}

// asciiLower lower-cases ASCII letters only, so offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// insideName reports whether text[s:t] continues a capitalised name: a capitalised word
// (or a name particle) right after it, or a capitalised word right before it that does not
// open a sentence.
func insideName(text string, s, t int) bool {
	after := text[t:]
	if strings.HasPrefix(after, " ") {
		w := strings.TrimLeft(after, " ")
		if startsUpper(w) || strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "bin ") {
			return true
		}
	}
	if strings.HasPrefix(after, "-") && len(after) > 1 && startsUpper(after[1:]) {
		return true
	}
	before := strings.TrimRight(text[:s], " ")
	if len(before) == len(text[:s]) || before == "" {
		return false // no space before: start of text, or a quote or bracket
	}
	prev := lastField(before) // (strings.Fields of the whole text before: quadratic)
	if prev == "" {
		return false
	}
	if strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, "\"") {
		return false
	}
	p := strings.ToLower(prev)
	if p == "al" || p == "bin" || p == "abu" || p == "el" {
		return true
	}
	if startsUpper(prev) && !actors.IsTitle(strings.ToLower(strings.Trim(prev, ".,"))) {
		// "Sadr" after "Moqtada" (which the recogniser missed) is part of that name;
		// a capitalised first word of a sentence is not.
		k := len(before) - len(prev)
		head := strings.TrimRight(text[:k], " ")
		return !(head == "" || strings.HasSuffix(head, ".") || strings.HasSuffix(head, "\n") || strings.HasSuffix(head, "\u201c") || strings.HasSuffix(head, "\""))
	}
	return false
}

// typesAgree reports whether two mention types can name one actor.
func typesAgree(a, b string) bool {
	if a == b || a == "" || b == "" {
		return true
	}
	group := func(t string) int {
		switch t {
		case faultline.PERSON:
			return 0
		case faultline.ORG, faultline.NORP:
			return 1
		case faultline.GPE, faultline.LOC:
			return 2
		}
		return 3
	}
	return group(a) == group(b)
}

// linkNames links repeated names, partial and short names to the full names of the document.
func (d *doc) linkNames() {
	d.genderOf = make([]int32, len(d.ents))
	for i := range d.genderOf {
		d.genderOf[i] = -1
	}
	for i := range d.ents {
		if actors.Gender(d.names[i].Titles) != "" {
			if g := d.find(i); d.genderOf[g] < 0 {
				d.genderOf[g] = int32(i)
			}
		}
	}
	d.mark = make([]int32, len(d.ents))
	defer func() { d.genderOf, d.mark = nil, nil }()
	byKey := make(map[string][]int, len(d.ents)/2+8)     // type group + key -> entities
	bySurname := make(map[string][]int, len(d.ents)/8+8) // last word of multi-word person names -> entities
	orgWords := map[string][]int{}                       // distinctive word of multi-word org names -> entities
	byFirst := map[string][]int{}                        // first word of multi-word person names -> entities
	// Keys of the document's places are never an organisation's core, unless the text uses
	// the word more often inside organisation names (a "Badr" the recogniser typed GPE).
	placeN, orgN := make(map[string]int, len(d.ents)/4+8), make(map[string]int, len(d.ents)/4+8)
	// coreAt(i) is orgCoreOf of entity i's text, looked up once (texts do not change here).
	cores := make([]orgCore, len(d.ents))
	coreKnown := make([]bool, len(d.ents))
	coreAt := func(i int) (string, []string) {
		if !coreKnown[i] {
			cores[i].core, cores[i].generic = orgCoreOf(d.ents[i].Text)
			coreKnown[i] = true
		}
		return cores[i].core, cores[i].generic
	}
	for i, e := range d.ents {
		if e.Type == faultline.GPE || e.Type == faultline.LOC {
			placeN[d.names[i].Key()]++
		} else if e.Type == faultline.ORG {
			if c, _ := coreAt(i); c != "" {
				orgN[c]++
			}
		}
	}
	places := map[string]bool{}
	for k, n := range placeN {
		if n >= orgN[k] {
			places[k] = true
		}
	}
	orgCore := func(i int) (string, []string) {
		c, g := coreAt(i)
		if places[c] {
			return "", g
		}
		return c, g
	}
	tg := func(t string) string {
		switch t {
		case faultline.PERSON:
			return "p"
		case faultline.ORG, faultline.NORP:
			return "o"
		case faultline.GPE, faultline.LOC:
			return "g"
		}
		return t
	}
	for i, e := range d.ents {
		n := d.names[i]
		if n.Key() == "" || d.description(i) {
			continue
		}
		k := tg(e.Type) + ":" + n.Key()
		byKey[k] = append(byKey[k], i)
		if e.Type == faultline.PERSON && len(n.Words) >= 2 && acronym(e.Text) == "" {
			bySurname[n.Last()] = append(bySurname[n.Last()], i)
		}
		if e.Type == faultline.ORG && len(n.Words) >= 2 {
			if c, _ := orgCore(i); c != "" {
				orgWords[c] = append(orgWords[c], i)
			}
		}
		if e.Type == faultline.PERSON && len(n.Words) >= 2 && acronym(e.Text) == "" {
			byFirst[n.Words[0]] = append(byFirst[n.Words[0]], i)
		}
	}
	// (In any order: the root of a group is always its earliest mention, whatever order
	// the unions come in, and only the groups are seen.)
	for _, ids := range byKey {
		for _, j := range ids[1:] {
			d.union(ids[0], j)
		}
	}
	// The candidates of a mention are those of a list above in classes (candClasses): pick
	// depends only on the groups of its candidates, and a test of a candidate only on its
	// text or words, so a mention reads each class once and each group of it once, not every
	// mention of the list (quadratic in the size of a document: a name repeated in every
	// article of a long document).
	var firstCls, surCls, orgCls map[string][]candClass // (made when first asked)
	classesOf := func(m *map[string][]candClass, lists map[string][]int, k string, byText bool) []candClass {
		cs, ok := (*m)[k]
		if !ok {
			if *m == nil {
				*m = map[string][]candClass{}
			}
			cs = d.candClasses(lists[k], byText)
			(*m)[k] = cs
		}
		return cs
	}
	for i, e := range d.ents {
		n := d.names[i]
		if len(n.Words) == 0 || acronym(e.Text) != "" && len(n.Words) == 1 && e.Type != faultline.PERSON || d.description(i) {
			continue
		}
		switch {
		case e.Type == faultline.PERSON && len(n.Words) == 1 && actors.GivenNameTitle(n.Titles):
			// A given name after its title ("Sheikh Karim"): the one person of the
			// document with that first name, never a surname.
			if g := d.pick(classesOf(&firstCls, byFirst, n.Last(), false), i, nil); g >= 0 {
				d.union(g, i)
			}
		case (e.Type == faultline.PERSON || e.Type == "") && len(n.Words) == 1:
			// A surname: the one full name of the document with that surname, else the
			// most recent one within three sentences.
			if g := d.pick(classesOf(&surCls, bySurname, n.Last(), false), i, nil); g >= 0 {
				d.union(g, i)
				d.ents[i].Type = faultline.PERSON
			} else if len(bySurname[n.Last()]) > 0 {
				// An ambiguous surname stays unresolved.
			} else if g := d.pick(classesOf(&firstCls, byFirst, n.Last(), false), i, nil); g >= 0 && len(n.Titles) == 0 {
				// A first name used alone ("Saddam"), when one person of the text has it.
				d.union(g, i)
				d.ents[i].Type = faultline.PERSON
			} else if c, _ := orgCore(i); c != "" && len(n.Titles) == 0 && startsUpper(e.Text) && !d.owner[i] {
				// A bare "Badr" typed as a person by NER, with "Badr Corps" in the text
				// and no person of that name; not "Bush" for "Bush administration".
				fits := func(c *candClass) bool { return !namedAfterPerson(d.names[c.j].Words) }
				if g := d.pick(classesOf(&orgCls, orgWords, c, true), i, fits); g >= 0 {
					d.union(g, i)
					d.ents[i].Type = d.ents[g].Type
				}
			}
		case e.Type == faultline.PERSON && len(n.Words) >= 2:
			// A partial name: "George Bush" for "George W. Bush" when only one fits.
			// (Candidates of i's own group need no test: pick leaves that group out.)
			fits := func(c *candClass) bool {
				m := d.names[c.j]
				return actors.PersonCompatible(m.Name, n.Name) && len(m.Words) != len(n.Words) && !middleMissing(n.Name, m.Name)
			}
			if g := d.pick(classesOf(&surCls, bySurname, n.Last(), false), i, fits); g >= 0 {
				d.union(g, i)
			}
		case (e.Type == faultline.ORG || e.Type == "") && len(n.Words) == 1 || e.Type == faultline.ORG && len(n.Words) >= 2:
			// "Badr" for "Badr Corps", "Badr militia", "Badrists": the one word that tells
			// an organisation apart, with no conflicting nationality or group word.
			c, gen := orgCore(i)
			if c == "" {
				break
			}
			fits := func(c *candClass) bool {
				_, gj := coreAt(c.j)
				return !actors.GenericConflict(gen, gj) && !(len(n.Words) == 1 && d.ownedBy(c, n))
			}
			if g := d.pick(classesOf(&orgCls, orgWords, c, true), i, fits); g >= 0 {
				d.union(g, i)
			}
		}
	}
}

// middleMissing reports whether the longer name has middle names or initials that the
// shorter lacks while sharing its first name ("George Bush" of "George H. W. Bush"): such a
// partial name may be a relative, and is left to corpus-level resolution.
func middleMissing(short, long actors.Name) bool {
	if len(short.Words) >= len(long.Words) {
		short, long = long, short
	}
	return len(short.Words) >= 2 && len(long.Words) > len(short.Words) && short.Words[0] == long.Words[0]
}

// namedAfterPerson reports whether an organisation name is a person's name and a word
// like administration or government ("Bush administration", "Maliki's government").
func namedAfterPerson(ws []string) bool {
	for _, w := range ws {
		switch w {
		case "administration", "government", "regime", "camp", "cabinet", "family", "folower", "folowers", "suporter", "loyalist", "clan", "dynasty", "men":
			return true
		}
	}
	return false
}

// gender returns the gender the titles of group g's mentions give ("m", "f"), or "": that of
// its first mention whose titles tell one. It runs within linkNames, which keeps that
// mention per group (genderOf, through union).
func (d *doc) gender(g int) string {
	if i := d.genderOf[g]; i >= 0 {
		return actors.Gender(d.names[i].Titles)
	}
	return ""
}

// candClass is a class of candidates of linkNames: mentions of one list (a first name's or
// a surname's full names, an organisation core's names) with the same words (and the same
// text, for an organisation core's), which every test of a candidate treats alike.
type candClass struct {
	j    int   // the class's first mention, whose text and name stand for all
	reps []int // the roots of the groups of its mentions (as of the last pick: groups only merge)
	// owner is what ownedBy found in the class's text (once known): whether a possessor
	// with words is named, its last and first words.
	ownerKnown, owned     bool
	ownerLast, ownerFirst string
}

// candClasses splits a list of mentions into classes: of equal words, and equal texts
// when byText is set.
func (d *doc) candClasses(list []int, byText bool) []candClass {
	key := func(j int) string {
		if byText {
			return d.ents[j].Text
		}
		return d.names[j].Key()
	}
	var cs []candClass
	var byKey map[string][]int // class key -> classes, once there are many
	for _, j := range list {
		k := key(j)
		c := -1
		if byKey != nil {
			for _, x := range byKey[k] {
				if slices.Equal(d.names[cs[x].j].Words, d.names[j].Words) {
					c = x
					break
				}
			}
		} else {
			for x := range cs {
				if key(cs[x].j) == k && slices.Equal(d.names[cs[x].j].Words, d.names[j].Words) {
					c = x
					break
				}
			}
		}
		if c < 0 {
			c = len(cs)
			cs = append(cs, candClass{j: j})
			if byKey != nil {
				byKey[k] = append(byKey[k], c)
			} else if len(cs) > 16 {
				byKey = make(map[string][]int, 2*len(cs))
				for x := range cs {
					byKey[key(cs[x].j)] = append(byKey[key(cs[x].j)], x)
				}
			}
		}
		cs[c].reps = append(cs[c].reps, j)
	}
	return cs
}

// pick chooses among the candidate classes that pass fits (all when nil) for mention i:
// the one group among their mentions other than i's, else -1; a group whose titles tell
// another gender than i's is left out (Mrs Blair is not Tony Blair's "Mr Blair").
func (d *doc) pick(cs []candClass, i int, fits func(*candClass) bool) int {
	fi := d.find(i)
	gi := d.gender(fi)
	one := -1
	for k := range cs {
		c := &cs[k]
		if fits != nil && !fits(c) {
			continue
		}
		// The class's groups now, each once.
		d.stamp++
		reps := c.reps[:0]
		for _, r := range c.reps {
			if g := d.find(r); d.mark[g] != d.stamp {
				d.mark[g] = d.stamp
				reps = append(reps, g)
			}
		}
		c.reps = reps
		for _, g := range reps {
			if g == fi {
				continue
			}
			if gg := d.gender(g); gi != "" && gg != "" && gg != gi {
				continue
			}
			if one < 0 {
				one = g
			} else if g != one {
				return -1
			}
		}
	}
	return one
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// ownedBy reports whether the name of the groups of class c says it belongs to the one-word
// name n ("Saddam’s regime" and "Saddam"): the name is the owner, not the group.
func (d *doc) ownedBy(c *candClass, n name) bool {
	if !c.ownerKnown {
		c.ownerKnown = true
		group := d.ents[c.j].Text
		if p, ok := Possessor(group); ok {
			if o := parseName(group[p.Start:p.End], faultline.PERSON); len(o.Words) > 0 {
				c.owned, c.ownerLast, c.ownerFirst = true, o.Last(), o.Words[0]
			}
		}
	}
	return c.owned && (c.ownerLast == n.Key() || c.ownerFirst == n.Key())
}

// lastField returns the last element of strings.Fields(s), or "" when there is none.
func lastField(s string) string {
	end := len(s)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	return s[start:end]
}

// description reports whether entity i is a pronoun, or a lower-case description that an
// earlier resolution of the document already gave an actor ("the cleric"): not a name, so
// never linked to another mention by its words (two "his" are not one person); its group
// is the one it came with (keepGroups).
func (d *doc) description(i int) bool {
	t := d.ents[i].Text
	return isPronoun(t) || d.ents[i].Actor != "" && !startsUpper(t)
}
