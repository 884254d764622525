package coref

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

var acrDef = regexp.MustCompile(`^(?:\s*[(\[]\s*([A-Z][A-Za-z.]{1,8})\s*[)\]]|,?\s+or\s+(?:the\s+)?([A-Z][A-Z.]{1,8})\b)`)

// mayDefine reports whether acrDef may match s: after its leading white space (\s), s
// must go on with "(", "[" or the "o" of "or", or open with a comma, white space and "o".
func mayDefine(s string) bool {
	i := 0
	if i < len(s) && s[i] == ',' {
		i++
	}
	j := skipSpace(s, i)
	if j == len(s) {
		return false
	}
	if i == 1 { // only ",?\s+or" opens with a comma
		return j > i && s[j] == 'o'
	}
	return s[j] == '(' || s[j] == '[' || s[j] == 'o' && j > 0
}

// acronyms links "Jaish al-Mahdi (JAM)" and "the Islamic Supreme Council of Iraq (ISCI)"
// and marks every later use of the acronym.
func (d *doc) acronyms() {
	defs := map[string]int{} // acronym as written -> entity
	n := len(d.ents)
	for i := 0; i < n; i++ {
		e := d.ents[i]
		if e.Type == faultline.PERSON {
			continue
		}
		if !mayDefine(d.text[e.End:]) {
			continue
		}
		m := acrDef.FindStringSubmatchIndex(d.text[e.End:])
		if m == nil {
			continue
		}
		g0, g1 := m[2], m[3]
		if g0 < 0 {
			g0, g1 = m[4], m[5]
		}
		acr := d.text[e.End+g0 : e.End+g1]
		if acronym(acr) == "" || !initialsMatch(acr, e.Text) {
			continue
		}
		s, t := e.End+g0, e.End+g1
		if j := d.at(s, t); j >= 0 {
			d.union(i, j)
		} else if !d.covered(s, t) {
			d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: e.Type}, i)
		}
		if _, ok := defs[acr]; !ok {
			defs[acr] = i
		}
	}
	// Expansion after the acronym: "JAM (Jaish al-Mahdi)".
	for i := 0; i < n; i++ {
		e := d.ents[i]
		if acronym(e.Text) == "" {
			continue
		}
		for j := i + 1; j < n && d.ents[j].Start <= e.End+3; j++ {
			if d.ents[j].Start < e.End {
				continue // overlapping mentions
			}
			between := d.text[e.End:d.ents[j].Start]
			if strings.TrimSpace(between) == "(" && initialsMatch(e.Text, d.ents[j].Text) {
				d.union(i, j)
				if _, ok := defs[e.Text]; !ok {
					defs[e.Text] = i
				}
			}
		}
	}
	// "... Islamic Supreme Council of Iraq (ISCI)" where the recogniser missed the
	// expansion: the capitalised words before the acronym whose initials spell it.
	for _, m := range acrUses(d.text) {
		g0, g1 := m.acr0, m.acr1
		acr := d.text[g0:g1]
		if acronym(acr) == "" {
			continue
		}
		if _, ok := defs[acr]; ok {
			continue
		}
		s, t, ok := expansionBefore(d.text, m.start, acr)
		if !ok {
			continue
		}
		if j := d.inside(s, t); j >= 0 {
			// A name the recogniser cut short: extend it to the expansion.
			d.setSpan(j, s, t)
			d.ents[j].Text = d.text[s:t]
			d.names[j] = parseName(d.ents[j].Text, d.ents[j].Type)
			i := j
			if k := d.at(g0, g1); k >= 0 {
				d.union(i, k)
			} else if !d.covered(g0, g1) {
				d.add(faultline.Entity{Span: faultline.Span{Start: g0, End: g1}, Type: d.ents[j].Type}, i)
			}
			defs[acr] = i
			continue
		}
		if d.covered(s, t) {
			continue
		}
		typ := faultline.ORG
		if j := d.at(g0, g1); j >= 0 && d.ents[j].Type != "" {
			typ = d.ents[j].Type
		}
		i := d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: typ}, -1)
		if j := d.at(g0, g1); j >= 0 {
			d.union(i, j)
		} else if !d.covered(g0, g1) {
			d.add(faultline.Entity{Span: faultline.Span{Start: g0, End: g1}, Type: typ}, i)
		}
		defs[acr] = i
	}
	// An acronym the text uses without defining it: its expansion elsewhere in the text
	// ("ISCI" and "the Islamic Supreme Council of Iraq"), when exactly one run of
	// capitalised words spells it.
	var spells *spellIndex
	unspelled := map[string]bool{} // acronyms no single run spells (the answer depends on the text only)
	for i := 0; i < n; i++ {
		e := d.ents[i]
		acr := acronym(e.Text)
		if acr == "" || len(acr) < 3 || e.Type == faultline.PERSON {
			continue
		}
		if _, ok := defs[e.Text]; ok || unspelled[e.Text] {
			continue
		}
		if spells == nil {
			spells = &spellIndex{text: d.text, runs: d.capRuns()}
		}
		var found [][2]int                // the distinct spellings
		spelt := spells.spellings(e.Text) // every run's (spellsIn)
		seen := map[string]bool{}
		for _, sp := range spelt {
			if !seen[d.text[sp[0]:sp[1]]] {
				seen[d.text[sp[0]:sp[1]]] = true
				found = append(found, sp)
			}
		}
		if len(found) != 1 {
			unspelled[e.Text] = true
			continue
		}
		defs[e.Text] = i
		for _, sp := range spelt {
			if d.text[sp[0]:sp[1]] != d.text[found[0][0]:found[0][1]] {
				continue
			}
			if j := d.inside(sp[0], sp[1]); j >= 0 {
				// The recogniser cut the name short ("Islamic Supreme Council of"): the
				// mention becomes the whole expansion.
				d.setSpan(j, sp[0], sp[1])
				d.ents[j].Text = d.text[sp[0]:sp[1]]
				d.names[j] = parseName(d.ents[j].Text, d.ents[j].Type)
			}
			if j := d.at(sp[0], sp[1]); j >= 0 {
				d.union(i, j)
			} else if !d.covered(sp[0], sp[1]) {
				d.add(faultline.Entity{Span: faultline.Span{Start: sp[0], End: sp[1]}, Type: e.Type}, i)
			}
		}
	}
	// Drop the entities boundary repairs emptied; defs point at live entities only. (With
	// none emptied, compact would keep every entity where it is, and the groups.)
	if slices.ContainsFunc(d.ents, func(e faultline.Entity) bool { return e.Start < 0 }) {
		remap := d.compact()
		for k, v := range defs {
			if remap[v] < 0 {
				delete(defs, k)
			} else {
				defs[k] = remap[v]
			}
		}
	}
	// Later uses.
	keys := make([]string, 0, len(defs))
	for k := range defs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, acr := range keys {
		g := defs[acr]
		d.wholeWords(acr, func(s, t int) {
			if j := d.at(s, t); j >= 0 {
				d.union(g, j)
			} else if !d.covered(s, t) {
				d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: d.ents[g].Type}, g)
			}
		})
	}
}

// spellIndex answers spellsIn(text, r, acr) for every capital run r of a text, in the runs'
// order, for many acronyms (an acronym the text uses without defining it): spellsIn reads
// only the words of r that begin with a byte that lower-cases to a[0], the first byte of the
// acronym's lower-case form a, and the initials of the names they open that equal a. One
// pass over the runs for a byte b records, for every initials string that begins with b,
// each run's first spelling of it in spellsIn's order (first word, then the longest name),
// so that the text's acronyms of one first letter cost one scan of the runs, not one each.
type spellIndex struct {
	text string
	runs [][2]int
	// byFirst[b] maps each initials string beginning with b to the spellings, one a run
	// at most, in the runs' order; nil until an acronym of b is asked for.
	byFirst [256]map[string][]spelling
}

// spelling is the spelling of one run (its index in runs) of some initials.
type spelling struct {
	run int
	sp  [2]int
}

// spellings returns the spellings spellsIn finds for acr in the runs, in their order.
func (x *spellIndex) spellings(acr string) [][2]int {
	a := strings.ToLower(strings.ReplaceAll(acr, ".", ""))
	if a == "" {
		return nil // (an acronym has two letters or digits at least)
	}
	m := x.byFirst[a[0]]
	if m == nil {
		m = x.index(a[0])
		x.byFirst[a[0]] = m
	}
	var out [][2]int
	for _, s := range m[a] {
		out = append(out, s.sp)
	}
	return out
}

// index finds every run's spellings of the initials beginning with byte b.
func (x *spellIndex) index(b byte) map[string][]spelling {
	text := x.text
	m := map[string][]spelling{}
	for k, r := range x.runs {
		// A spelling opens with a word that starts with an upper-case letter and whose first
		// byte lower-cases to b: for an ASCII letter, that byte is the letter in upper case.
		if 'a' <= b && b <= 'z' && strings.IndexByte(text[r[0]:r[1]], b-'a'+'A') < 0 {
			continue
		}
		ws := strings.Fields(text[r[0]:r[1]])
		if len(ws) > 14 {
			continue
		}
		offs := make([]int, len(ws))
		pos := r[0]
		for i, w := range ws {
			j := strings.Index(text[pos:], w)
			offs[i] = pos + j
			pos = offs[i] + len(w)
		}
		for i := range ws {
			if !startsUpper(ws[i]) || unicode.ToLower(rune(ws[i][0])) != rune(b) {
				continue
			}
			for j := len(ws); j > i+1; j-- {
				if !startsUpper(ws[j-1]) && !strings.HasPrefix(ws[j-1], "al-") {
					continue
				}
				end := offs[j-1] + len(strings.TrimRight(ws[j-1], ".,’'"))
				for _, in := range actors.Initials(text[offs[i]:end]) {
					if in[0] != b {
						continue // (spellsIn compares them with a, which begins with b)
					}
					if l := m[in]; len(l) > 0 && l[len(l)-1].run == k {
						continue // the run's first spelling of in is spellsIn's
					}
					m[in] = append(m[in], spelling{k, [2]int{offs[i], end}})
				}
			}
		}
	}
	return m
}

// expansionBefore finds, ending at offset end (before "(ACR)"), the shortest run of
// capitalised words (with of, the, for, in, and, al- inside) whose initials spell acr.
func expansionBefore(text string, end int, acr string) (int, int, bool) {
	t := end
	for t > 0 && (text[t-1] == ' ' || text[t-1] == ',') {
		t--
	}
	// Words backwards.
	var starts []int
	pos := t
	for n := 0; n < 12 && pos > 0; n++ {
		k := strings.LastIndexAny(text[:pos], " \n\t(\"\u201c")
		w := text[k+1 : pos]
		if w == "" {
			break
		}
		lw := strings.ToLower(w)
		if !startsUpper(w) && lw != "of" && lw != "the" && lw != "for" && lw != "in" && lw != "and" && !strings.HasPrefix(lw, "al-") {
			break
		}
		starts = append(starts, k+1)
		if k < 0 || text[k] != ' ' {
			break
		}
		pos = k
	}
	for _, s := range starts {
		if !startsUpper(text[s:]) {
			continue
		}
		name := text[s:t]
		if len(strings.Fields(name)) >= 2 && initialsMatch(acr, name) && strings.HasPrefix(strings.ToLower(acronym(acr)), strings.ToLower(name[:1])) {
			return s, t, true
		}
	}
	return 0, 0, false
}

// initialsMatch reports whether acr abbreviates name: it is one of its initials, or its
// letters are first letters of the name's words in order.
func initialsMatch(acr, name string) bool {
	a := acronym(acr)
	if a == "" {
		return false
	}
	for _, i := range actors.Initials(name) {
		if i == a {
			return true
		}
	}
	ws := actors.Words(name)
	if len(ws) < 2 {
		return false
	}
	k := 0
	for _, w := range ws {
		if k < len(a) && w[0] == a[k] {
			k++
		}
	}
	return k == len(a) && a[0] == ws[0][0]
}

// wordAt reports whether text[s:t] is a whole word.
func wordAt(text string, s, t int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if t < len(text) {
		r, _ := utf8.DecodeRuneInString(text[t:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// glossRe matches a translation in quotes and parentheses right after a name:
// `Sahwa (“Awakening”)`.
var glossRe = regexp.MustCompile(`^\s?\(\s*["“]([A-Z][\p{L}'’-]*(?:\s+[A-Z][\p{L}'’-]*){0,3})["”]\s*\)`)

// glosses links a name and the translation the text gives for it in quotes and
// parentheses (`Sahwa (“Awakening”)`, `the Hashd (“Mobilisation”)`): the translation is a
// mention of the same actor, which lets resolution find it under its translated name.
func (d *doc) glosses() {
	n := len(d.ents)
	for i := 0; i < n; i++ {
		e := d.ents[i]
		if e.Type == faultline.PERSON || e.End+1 >= len(d.text) || d.text[e.End] != '(' && (d.text[e.End] != ' ' || d.text[e.End+1] != '(') {
			continue
		}
		end := e.End + 80
		if end > len(d.text) {
			end = len(d.text)
		}
		m := glossRe.FindStringSubmatchIndex(d.text[e.End:end])
		if m == nil {
			continue
		}
		s, t := e.End+m[2], e.End+m[3]
		if j := d.at(s, t); j >= 0 {
			d.union(i, j)
			continue
		}
		if d.covered(s, t) {
			continue
		}
		d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: e.Type}, i)
	}
}
