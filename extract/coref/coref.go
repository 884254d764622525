// Package coref resolves the entity mentions of one document to document-level actors: short
// names to the full name ("Sadr" -> "Moqtada al-Sadr", "Badr" -> "Badr Corps"), acronyms
// the text defines ("Jaish al-Mahdi (JAM)") and their later uses, renames ("formerly known
// as"), titles and role descriptions ("the cleric") recorded for an actor and used for its
// nominal mentions, and simple pronouns (he, his) to the most recent person subject. It
// prefers precision: a short name that could be two people stays unresolved, and a pronoun
// becomes a mention only when a single person subject precedes it.
//
// Every entity gets Entity.Actor: a document-level actor id, the slug of the actor's
// canonical name in the document. Corpus-level resolution (package resolve) merges these.
package coref

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/lexicon/actors"
)

// Resolver is the coreference component.
type Resolver struct {
	// Pronouns adds pronoun mentions (he, his, him; she, her for people the text gives a
	// female title) when their antecedent is unambiguous.
	Pronouns bool
	// Nominals adds mentions of role descriptions ("the cleric") recorded for one actor.
	Nominals bool
	// Propagate adds the other occurrences of a name the recogniser found once, and of
	// the surname of a person who is the only one of that surname in the document.
	Propagate bool
	// Dictionary adds mentions of multi-word names of the general actor dictionary
	// (lexicon/actors) that the recogniser missed ("Iraqi National Congress").
	Dictionary bool
}

// New returns the component with pronoun, nominal, propagated and dictionary mentions on.
func New() *Resolver {
	return &Resolver{Pronouns: true, Nominals: true, Propagate: true, Dictionary: true}
}

// Extract implements extract.Component. When the extraction has no entities yet it takes
// the NER layer of the annotated document.
func (r *Resolver) Extract(in *extract.Input) {
	text := in.Doc.Text
	if len(in.Out.Entities) == 0 && in.NLP != nil {
		for _, e := range in.NLP.Entities {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				continue
			}
			in.Out.Entities = append(in.Out.Entities, faultline.Entity{
				Span: faultline.Span{Start: e.Start, End: e.End, Text: text[e.Start:e.End]}, Type: e.Label})
		}
	}
	in.Out.Entities = r.Resolve(text, in.Out.Entities, in.Out.Sentences)
}

// Resolve returns the entities of a document with Actor set, in text order, with the
// mentions coreference adds (acronym uses, nominal and pronoun mentions). sents may be
// nil: sentences are then found by a simple splitter.
func (r *Resolver) Resolve(text string, ents []faultline.Entity, sents []faultline.Span) []faultline.Entity {
	d := newDoc(text, ents, sents)
	d.acronyms()
	if r.Dictionary {
		d.dictionary()
	}
	d.renames()
	d.linkNames()
	if r.Propagate {
		d.propagate()
	}
	d.appositions()
	if r.Nominals {
		d.nominals()
	}
	if r.Pronouns {
		d.pronouns()
	}
	return d.finish()
}

// doc is one document under resolution.
type doc struct {
	text  string
	ents  []faultline.Entity
	names []actors.Name
	sents []faultline.Span
	sent  []int // sentence index per entity
	par   []int // union-find parent per entity
	roles map[int]map[string]bool
}

func newDoc(text string, in []faultline.Entity, sents []faultline.Span) *doc {
	d := &doc{text: text, roles: map[int]map[string]bool{}}
	for _, e := range in {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			continue
		}
		e.Text = text[e.Start:e.End]
		d.ents = append(d.ents, e)
	}
	sort.SliceStable(d.ents, func(i, j int) bool {
		if d.ents[i].Start != d.ents[j].Start {
			return d.ents[i].Start < d.ents[j].Start
		}
		return d.ents[i].End > d.ents[j].End
	})
	d.sents = sents
	if len(d.sents) == 0 {
		d.sents = split(text)
	}
	d.reindex()
	return d
}

// reindex recomputes names and sentences after entities were added, keeping the
// union-find partition.
func (d *doc) reindex() {
	for len(d.par) < len(d.ents) {
		d.par = append(d.par, len(d.par))
	}
	d.names = d.names[:0]
	d.sent = d.sent[:0]
	for _, e := range d.ents {
		d.names = append(d.names, actors.ParseName(e.Text, e.Type))
		d.sent = append(d.sent, sentenceOf(d.sents, e.Start))
	}
}

func (d *doc) find(i int) int {
	for d.par[i] != i {
		d.par[i] = d.par[d.par[i]]
		i = d.par[i]
	}
	return i
}

func (d *doc) union(i, j int) {
	a, b := d.find(i), d.find(j)
	if a == b {
		return
	}
	if a > b {
		a, b = b, a
	}
	d.par[b] = a // the earliest mention is the root
}

// add appends an entity in the group of entity g (or its own group when g < 0) and
// returns its index. Entities are re-sorted by finish.
func (d *doc) add(e faultline.Entity, g int) int {
	e.Text = d.text[e.Start:e.End]
	d.ents = append(d.ents, e)
	d.par = append(d.par, len(d.par))
	d.names = append(d.names, actors.ParseName(e.Text, e.Type))
	d.sent = append(d.sent, sentenceOf(d.sents, e.Start))
	i := len(d.ents) - 1
	if g >= 0 {
		d.union(g, i)
	}
	return i
}

// covered reports whether [start, end) overlaps an entity.
func (d *doc) covered(start, end int) bool {
	for _, e := range d.ents {
		if e.Start < end && start < e.End {
			return true
		}
	}
	return false
}

// notNameStart are capitalised sentence openers that never begin a dictionary name.
var notNameStart = map[string]bool{"the": true, "and": true, "if": true, "as": true, "but": true, "or": true,
	"when": true, "while": true, "by": true, "with": true, "to": true, "from": true, "at": true, "on": true,
	"in": true, "of": true, "for": true, "after": true, "before": true, "since": true, "a": true, "an": true}

// dictionary adds mentions for the runs of capitalised words (two to seven words) that
// are a name of the general actor dictionary and that no mention covers, longest first.
func (d *doc) dictionary() {
	dict, err := actors.Default()
	if err != nil || dict == nil {
		return
	}
	for _, r := range capitalRuns(d.text) {
		ws := strings.Fields(d.text[r[0]:r[1]])
		if len(ws) > 20 {
			continue
		}
		offs := make([]int, len(ws))
		pos := r[0]
		for i, w := range ws {
			offs[i] = pos + strings.Index(d.text[pos:], w)
			pos = offs[i] + len(w)
		}
		for i := 0; i < len(ws); {
			hit := false
			lw := strings.ToLower(strings.TrimSuffix(ws[i], "."))
			if startsUpper(ws[i]) && !actors.IsTitle(lw) && !notNameStart[lw] && !(actors.Demonym(lw) != "" && i+1 < len(ws) && actors.IsTitle(strings.ToLower(strings.TrimSuffix(ws[i+1], ".")))) {
				for j := min(len(ws), i+7); j >= i+2; j-- {
					last := strings.TrimSuffix(strings.TrimSuffix(ws[j-1], "’s"), "'s")
					last = strings.TrimRight(last, ".,;:’'")
					if !startsUpper(last) {
						continue
					}
					s, t := offs[i], offs[j-1]+len(last)
					if d.covered(s, t) {
						continue
					}
					name := d.text[s:t]
					var e *actors.Entry
					for _, typ := range []string{faultline.ORG, faultline.PERSON, faultline.GPE} {
						if x := dict.Lookup(name, typ); x != nil && x.Type == typ {
							e = x
							break
						}
					}
					if e == nil {
						continue
					}
					d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: e.Type}, -1)
					i, hit = j, true
					break
				}
			}
			if !hit {
				i++
			}
		}
	}
}

// compact removes dropped entities (offsets -1), keeping the partition of the others, and
// returns the new index of every old one (-1 for dropped ones whose group had no other
// member, else the index of a live member of its group).
func (d *doc) compact() []int {
	n := len(d.ents)
	remap := make([]int, n)
	rep := map[int]int{} // old root -> new index of its first live member
	var ents []faultline.Entity
	var names []actors.Name
	var sent []int
	var par []int
	for i := 0; i < n; i++ {
		if d.ents[i].Start < 0 {
			remap[i] = -1
			continue
		}
		k := len(ents)
		remap[i] = k
		ents = append(ents, d.ents[i])
		names = append(names, d.names[i])
		sent = append(sent, d.sent[i])
		r := d.find(i)
		if p, ok := rep[r]; ok {
			par = append(par, p)
		} else {
			rep[r] = k
			par = append(par, k)
		}
	}
	for i := 0; i < n; i++ {
		if remap[i] < 0 {
			if p, ok := rep[d.find(i)]; ok {
				remap[i] = p
			}
		}
	}
	d.ents, d.names, d.sent, d.par = ents, names, sent, par
	return remap
}

// inside returns the first of the entities lying within [start, end) and covering parts of
// it, when no entity crosses its edges; -1 otherwise. The other entities inside are
// dropped (their offsets set to -1): the caller widens the first to the whole span.
func (d *doc) inside(start, end int) int {
	var in []int
	for i, e := range d.ents {
		if e.Start < end && start < e.End {
			if e.Start < start || e.End > end || e.Start == start && e.End == end {
				return -1
			}
			in = append(in, i)
		}
	}
	if len(in) == 0 {
		return -1
	}
	for _, j := range in[1:] {
		d.ents[j].Start, d.ents[j].End = -1, -1
	}
	return in[0]
}

// at returns the entity exactly at [start, end), or -1.
func (d *doc) at(start, end int) int {
	for i, e := range d.ents {
		if e.Start == start && e.End == end {
			return i
		}
	}
	return -1
}

var acrDef = regexp.MustCompile(`^(?:\s*[(\[]\s*([A-Z][A-Za-z.]{1,8})\s*[)\]]|,?\s+or\s+(?:the\s+)?([A-Z][A-Z.]{1,8})\b)`)

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
		m := acrDef.FindStringSubmatchIndex(d.text[e.End:])
		if m == nil {
			continue
		}
		g0, g1 := m[2], m[3]
		if g0 < 0 {
			g0, g1 = m[4], m[5]
		}
		acr := d.text[e.End+g0 : e.End+g1]
		if actors.Acronym(acr) == "" || !initialsMatch(acr, e.Text) {
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
		if actors.Acronym(e.Text) == "" {
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
	for _, m := range acrUse.FindAllStringSubmatchIndex(d.text, -1) {
		g0, g1 := m[2], m[3]
		if g0 < 0 {
			g0, g1 = m[4], m[5]
		}
		acr := d.text[g0:g1]
		if actors.Acronym(acr) == "" {
			continue
		}
		if _, ok := defs[acr]; ok {
			continue
		}
		s, t, ok := expansionBefore(d.text, m[0], acr)
		if !ok {
			continue
		}
		if j := d.inside(s, t); j >= 0 {
			// A name the recogniser cut short: extend it to the expansion.
			d.ents[j].Start, d.ents[j].End, d.ents[j].Text = s, t, d.text[s:t]
			d.names[j] = actors.ParseName(d.ents[j].Text, d.ents[j].Type)
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
	var runs [][2]int
	for i := 0; i < n; i++ {
		e := d.ents[i]
		acr := actors.Acronym(e.Text)
		if acr == "" || len(acr) < 3 || e.Type == faultline.PERSON {
			continue
		}
		if _, ok := defs[e.Text]; ok {
			continue
		}
		if runs == nil {
			runs = capitalRuns(d.text)
		}
		var found [][2]int
		seen := map[string]bool{}
		for _, r := range runs {
			if sp, ok := spellsIn(d.text, r, e.Text); ok && !seen[d.text[sp[0]:sp[1]]] {
				seen[d.text[sp[0]:sp[1]]] = true
				found = append(found, sp)
			}
		}
		if len(found) != 1 {
			continue
		}
		defs[e.Text] = i
		for _, r := range runs {
			sp, ok := spellsIn(d.text, r, e.Text)
			if !ok || d.text[sp[0]:sp[1]] != d.text[found[0][0]:found[0][1]] {
				continue
			}
			if j := d.inside(sp[0], sp[1]); j >= 0 {
				// The recogniser cut the name short ("Islamic Supreme Council of"): the
				// mention becomes the whole expansion.
				d.ents[j].Start, d.ents[j].End, d.ents[j].Text = sp[0], sp[1], d.text[sp[0]:sp[1]]
				d.names[j] = actors.ParseName(d.ents[j].Text, d.ents[j].Type)
			}
			if j := d.at(sp[0], sp[1]); j >= 0 {
				d.union(i, j)
			} else if !d.covered(sp[0], sp[1]) {
				d.add(faultline.Entity{Span: faultline.Span{Start: sp[0], End: sp[1]}, Type: e.Type}, i)
			}
		}
	}
	// Drop the entities boundary repairs emptied; defs point at live entities only.
	remap := d.compact()
	for k, v := range defs {
		if remap[v] < 0 {
			delete(defs, k)
		} else {
			defs[k] = remap[v]
		}
	}
	// Later uses.
	keys := make([]string, 0, len(defs))
	for k := range defs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, acr := range keys {
		g := defs[acr]
		for off := 0; ; {
			k := strings.Index(d.text[off:], acr)
			if k < 0 {
				break
			}
			s, t := off+k, off+k+len(acr)
			off = t
			if !wordAt(d.text, s, t) {
				continue
			}
			if j := d.at(s, t); j >= 0 {
				d.union(g, j)
			} else if !d.covered(s, t) {
				d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: d.ents[g].Type}, g)
			}
		}
	}
}

var runRe = regexp.MustCompile(`[A-Z][\p{L}'’.-]*(?:\s+(?:(?:of|the|for|in|and)\s+)*(?:al-)?[A-Z][\p{L}'’.-]*)+`)

// capitalRuns returns the runs of two or more capitalised words of a text (with of, the,
// for, in, and between them).
func capitalRuns(text string) [][2]int {
	var out [][2]int
	for _, m := range runRe.FindAllStringIndex(text, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// spellsIn finds, inside the run r, the words whose initials spell acr, starting and
// ending with a capitalised word.
func spellsIn(text string, r [2]int, acr string) ([2]int, bool) {
	ws := strings.Fields(text[r[0]:r[1]])
	if len(ws) > 14 {
		return [2]int{}, false
	}
	offs := make([]int, len(ws))
	pos := r[0]
	for i, w := range ws {
		k := strings.Index(text[pos:], w)
		offs[i] = pos + k
		pos = offs[i] + len(w)
	}
	a := strings.ToLower(strings.ReplaceAll(acr, ".", ""))
	for i := range ws {
		if !startsUpper(ws[i]) || unicode.ToLower(rune(ws[i][0])) != rune(a[0]) {
			continue
		}
		for j := len(ws); j > i+1; j-- {
			if !startsUpper(ws[j-1]) && !strings.HasPrefix(ws[j-1], "al-") {
				continue
			}
			end := offs[j-1] + len(strings.TrimRight(ws[j-1], ".,’'"))
			name := text[offs[i]:end]
			for _, in := range actors.Initials(name) {
				if in == a {
					return [2]int{offs[i], end}, true
				}
			}
		}
	}
	return [2]int{}, false
}

var acrUse = regexp.MustCompile(`\s*[(\[]\s*([A-Z][A-Z.]{1,8})\s*[)\]]|,\s+or\s+(?:the\s+)?([A-Z][A-Z.]{1,8})\b`)

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
		if len(strings.Fields(name)) >= 2 && initialsMatch(acr, name) && strings.HasPrefix(strings.ToLower(actors.Acronym(acr)), strings.ToLower(name[:1])) {
			return s, t, true
		}
	}
	return 0, 0, false
}

// initialsMatch reports whether acr abbreviates name: it is one of its initials, or its
// letters are first letters of the name's words in order.
func initialsMatch(acr, name string) bool {
	a := actors.Acronym(acr)
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

var renameRe = regexp.MustCompile(`^\s*(?:,|\()?\s*(?:(?:which|that|who)\s+(?:was|were|is|are|has|had)\s+)?(?:formerly|previously|once|earlier|now|later|since)\s+(?:known\s+as|called|named)?\s*$|^\s+(?:changed\s+(?:its|their)\s+name\s+(?:from\s+.*\s+)?to|renamed\s+(?:itself|themselves)?\s*(?:as)?|was\s+renamed(?:\s+as)?|became)\s*$`)

// renames links "X, formerly known as Y", "X changed its name to Y" and "X renamed itself Y".
func (d *doc) renames() {
	for i := 0; i+1 < len(d.ents); i++ {
		a := d.ents[i]
		if a.Type == faultline.PERSON {
			continue
		}
		for j := i + 1; j < len(d.ents) && j <= i+3; j++ {
			b := d.ents[j]
			if b.Start < a.End || b.Start-a.End > 80 || d.sent[i] != d.sent[j] {
				break
			}
			if b.Type == faultline.PERSON || !typesAgree(a.Type, b.Type) {
				continue
			}
			between := strings.ToLower(d.text[a.End:b.Start])
			between = strings.TrimRight(between, " \"'\u201c")
			between = strings.TrimSuffix(strings.TrimSuffix(between, " the"), " a")
			if renameRe.MatchString(between) {
				d.union(i, j)
				break
			}
		}
	}
}

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
	seen := map[string]bool{}
	surnames := map[string][]int{}
	lower := asciiLower(d.text)
	for i, e := range d.ents {
		if isPronoun(e.Text) || !startsUpper(e.Text) || len(e.Text) < 3 || e.Type == "" {
			continue
		}
		if !strings.Contains(e.Text, " ") && commonWord(d.text, lower, e.Text) {
			continue // "The", "Council": a common word the recogniser took for a name
		}
		if !seen[e.Text] {
			seen[e.Text] = true
			forms = append(forms, form{e.Text, i})
		}
		n := d.names[i]
		if e.Type == faultline.PERSON && len(n.Words) >= 2 && actors.Acronym(e.Text) == "" {
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
		if one && !seen[last] && !commonWord(d.text, lower, last) {
			seen[last] = true
			forms = append(forms, form{last, ents[0]})
		}
	}
	sort.Slice(forms, func(i, j int) bool {
		if len(forms[i].text) != len(forms[j].text) {
			return len(forms[i].text) > len(forms[j].text)
		}
		return forms[i].text < forms[j].text
	})
	for _, f := range forms {
		for off := 0; ; {
			k := strings.Index(d.text[off:], f.text)
			if k < 0 {
				break
			}
			s, t := off+k, off+k+len(f.text)
			off = t
			if !wordAt(d.text, s, t) || d.covered(s, t) || insideName(d.text, s, t) {
				continue
			}
			typ := d.ents[f.ent].Type
			d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: typ}, f.ent)
		}
	}
}

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
	ws := strings.Fields(before)
	prev := ws[len(ws)-1]
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
	type cand struct{ ent int }
	byKey := map[string][]int{}     // type group + key -> entities
	bySurname := map[string][]int{} // last word of multi-word person names -> entities
	orgWords := map[string][]int{}  // distinctive word of multi-word org names -> entities
	byFirst := map[string][]int{}   // first word of multi-word person names -> entities
	// Keys of the document's places are never an organisation's core, unless the text uses
	// the word more often inside organisation names (a "Badr" the recogniser typed GPE).
	placeN, orgN := map[string]int{}, map[string]int{}
	for i, e := range d.ents {
		if e.Type == faultline.GPE || e.Type == faultline.LOC {
			placeN[d.names[i].Key()]++
		} else if e.Type == faultline.ORG {
			if c, _ := actors.OrgCore(e.Text); c != "" {
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
	orgCore := func(text string) (string, []string) {
		c, g := actors.OrgCore(text)
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
		if n.Key() == "" {
			continue
		}
		k := tg(e.Type) + ":" + n.Key()
		byKey[k] = append(byKey[k], i)
		if e.Type == faultline.PERSON && len(n.Words) >= 2 && actors.Acronym(e.Text) == "" {
			bySurname[n.Last()] = append(bySurname[n.Last()], i)
		}
		if e.Type == faultline.ORG && len(n.Words) >= 2 {
			if c, _ := orgCore(e.Text); c != "" {
				orgWords[c] = append(orgWords[c], i)
			}
		}
		if e.Type == faultline.PERSON && len(n.Words) >= 2 && actors.Acronym(e.Text) == "" {
			byFirst[n.Words[0]] = append(byFirst[n.Words[0]], i)
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ids := byKey[k]
		for _, j := range ids[1:] {
			d.union(ids[0], j)
		}
	}
	for i, e := range d.ents {
		n := d.names[i]
		if len(n.Words) == 0 || actors.Acronym(e.Text) != "" && len(n.Words) == 1 && e.Type != faultline.PERSON {
			continue
		}
		switch {
		case (e.Type == faultline.PERSON || e.Type == "") && len(n.Words) == 1:
			// A surname: the one full name of the document with that surname, else the
			// most recent one within three sentences.
			if g := d.pick(bySurname[n.Last()], i, false); g >= 0 {
				d.union(g, i)
				d.ents[i].Type = faultline.PERSON
			} else if len(bySurname[n.Last()]) > 0 {
				// An ambiguous surname stays unresolved.
			} else if g := d.pick(byFirst[n.Last()], i, false); g >= 0 && len(n.Titles) == 0 {
				// A first name used alone ("Saddam"), when one person of the text has it.
				d.union(g, i)
				d.ents[i].Type = faultline.PERSON
			} else if c, _ := orgCore(e.Text); c != "" && len(n.Titles) == 0 && startsUpper(e.Text) {
				// A bare "Badr" typed as a person by NER, with "Badr Corps" in the text
				// and no person of that name; not "Bush" for "Bush administration".
				var fits []int
				for _, j := range orgWords[c] {
					if !namedAfterPerson(d.names[j].Words) {
						fits = append(fits, j)
					}
				}
				if g := d.pick(fits, i, false); g >= 0 {
					d.union(g, i)
					d.ents[i].Type = d.ents[g].Type
				}
			}
		case e.Type == faultline.PERSON && len(n.Words) >= 2:
			// A partial name: "George Bush" for "George W. Bush" when only one fits.
			var fits []int
			for _, j := range bySurname[n.Last()] {
				if d.find(j) != d.find(i) && actors.PersonCompatible(d.names[j], n) && len(d.names[j].Words) != len(n.Words) && !middleMissing(n, d.names[j]) {
					fits = append(fits, j)
				}
			}
			if g := d.pick(fits, i, false); g >= 0 {
				d.union(g, i)
			}
		case (e.Type == faultline.ORG || e.Type == "") && len(n.Words) == 1 || e.Type == faultline.ORG && len(n.Words) >= 2:
			// "Badr" for "Badr Corps", "Badr militia", "Badrists": the one word that tells
			// an organisation apart, with no conflicting nationality or group word.
			c, gen := orgCore(e.Text)
			if c == "" {
				break
			}
			var fits []int
			for _, j := range orgWords[c] {
				if _, gj := actors.OrgCore(d.ents[j].Text); !actors.GenericConflict(gen, gj) {
					fits = append(fits, j)
				}
			}
			if g := d.pick(fits, i, false); g >= 0 {
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

// gender returns the gender the titles of group g's mentions give ("m", "f"), or "".
func (d *doc) gender(g int) string {
	for i := range d.ents {
		if d.find(i) == g {
			if x := actors.Gender(d.names[i].Titles); x != "" {
				return x
			}
		}
	}
	return ""
}

// pick chooses among candidate entities (possibly of several groups) for mention i: the
// one group among them, else (when recent) the group of the most recent candidate in the
// same or the previous sentence.
func (d *doc) pick(cands []int, i int, recent bool) int {
	groups := map[int]bool{}
	gi := d.gender(d.find(i))
	for _, j := range cands {
		if j != i {
			if g := d.gender(d.find(j)); gi != "" && g != "" && g != gi {
				continue // Mrs Blair is not Tony Blair's "Mr Blair"
			}
			groups[d.find(j)] = true
		}
	}
	delete(groups, d.find(i))
	if len(groups) == 1 {
		for g := range groups {
			return g
		}
	}
	if len(groups) == 0 || !recent {
		return -1
	}
	best := -1
	for _, j := range cands {
		if d.find(j) == d.find(i) || d.ents[j].Start >= d.ents[i].Start {
			continue
		}
		if best < 0 || d.ents[j].Start > d.ents[best].Start {
			best = j
		}
	}
	if best >= 0 && d.sent[i]-d.sent[best] <= 1 {
		return d.find(best)
	}
	return -1
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

var appos = regexp.MustCompile(`^,\s+(?:the|a|an)\s+((?:[a-z][a-z'-]*\s+){0,3}?)([a-z][a-z-]+(?:\s+minister)?)\s*[,.;]`)

// appositions records role descriptions: "Moqtada al-Sadr, the radical cleric," and the
// titles written before names ("Prime Minister Nouri al-Maliki").
func (d *doc) appositions() {
	for i, e := range d.ents {
		if e.Type != faultline.PERSON {
			continue
		}
		if t := d.names[i].Titles; len(t) > 0 {
			var ws []string
			for _, w := range t {
				if actors.IsTitle(w) {
					ws = append(ws, w)
				}
			}
			d.addRole(i, ws)
		}
		if m := appos.FindStringSubmatch(d.text[e.End:]); m != nil {
			last := strings.Fields(m[2])
			if actors.IsTitle(last[len(last)-1]) || roleNoun[last[len(last)-1]] {
				d.addRole(i, last)
			}
		}
		// "the cleric Moqtada al-Sadr": a role word right before the name.
		before := strings.ToLower(d.text[max(0, e.Start-40):e.Start])
		if k := strings.LastIndex(before, "the "); k >= 0 {
			ws := strings.Fields(before[k+4:])
			if len(ws) >= 1 && len(ws) <= 3 && (roleNoun[ws[len(ws)-1]] || actors.IsTitle(ws[len(ws)-1])) && strings.HasSuffix(before, " ") {
				d.addRole(i, ws[len(ws)-1:])
			}
		}
	}
}

// roleNoun are role nouns besides the person titles.
var roleNoun = map[string]bool{"cleric": true, "premier": true, "leader": true, "commander": true,
	"spokesman": true, "spokeswoman": true, "president": true, "minister": true, "chief": true,
	"ayatollah": true, "general": true, "ambassador": true, "envoy": true, "governor": true, "sheikh": true}

func (d *doc) addRole(i int, ws []string) {
	if len(ws) == 0 {
		return
	}
	role := strings.Join(ws, " ")
	g := d.find(i)
	if d.roles[g] == nil {
		d.roles[g] = map[string]bool{}
	}
	d.roles[g][role] = true
	// "prime minister" is also "premier".
	if role == "prime minister" {
		d.roles[g]["premier"] = true
	}
}

var nominalRe = regexp.MustCompile(`\b[Tt]he\s+(?:[a-z][a-z-]+\s+){0,2}?([a-z][a-z-]+(?:\s+minister)?)\b`)

// nominals adds mentions of "the cleric", "the premier" when exactly one person of the
// document so far was given that role.
func (d *doc) nominals() {
	type holder struct {
		group, first int // group and the offset of its first mention with the role
	}
	holders := map[string][]holder{}
	for g, rs := range d.roles {
		first := len(d.text)
		for i := range d.ents {
			if d.find(i) == g && d.ents[i].Start < first {
				first = d.ents[i].Start
			}
		}
		for r := range rs {
			holders[r] = append(holders[r], holder{g, first})
		}
	}
	if len(holders) == 0 {
		return
	}
	var adds []faultline.Entity
	var groups []int
	for _, m := range nominalRe.FindAllStringSubmatchIndex(d.text, -1) {
		role := d.text[m[2]:m[3]]
		hs := holders[role]
		if len(hs) == 0 {
			continue
		}
		existing := -1
		if d.covered(m[0], m[1]) {
			// A fact already points at "the cleric" (an untyped or person mention of its
			// own): link it rather than add one.
			j := d.at(m[0], m[1])
			if j < 0 || d.ents[j].Type != "" && d.ents[j].Type != faultline.PERSON {
				continue
			}
			for k := range d.ents {
				if k != j && d.find(k) == d.find(j) {
					j = -1
					break
				}
			}
			if j < 0 {
				continue
			}
			existing = j
		}
		rest := d.text[m[1]:]
		if strings.HasPrefix(rest, " of") || strings.HasPrefix(rest, "'s") && false {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " ")); unicode.IsUpper(r) && strings.HasPrefix(rest, " ") {
			continue // "the cleric Moqtada al-Sadr": the name itself follows
		}
		var before []holder
		for _, h := range hs {
			if h.first < m[0] {
				before = append(before, h)
			}
		}
		if len(before) != 1 {
			continue
		}
		if existing >= 0 {
			d.union(before[0].group, existing)
			d.ents[existing].Type = faultline.PERSON
			continue
		}
		adds = append(adds, faultline.Entity{Span: faultline.Span{Start: m[0], End: m[1]}, Type: faultline.PERSON})
		groups = append(groups, before[0].group)
	}
	for k, e := range adds {
		d.add(e, groups[k])
	}
}

var pronounRe = regexp.MustCompile(`\b(He|he|His|his|Him|him|She|she|Her|her)\b`)

var female = map[string]bool{"mrs": true, "ms": true, "miss": true, "queen": true, "princess": true, "lady": true, "dame": true, "spokeswoman": true, "chairwoman": true}

// pronouns adds he/his/him mentions (she/her for a person the text gives a female title)
// in subject position (first word of the sentence or after "and", "but" or a comma) when
// the sentence before, or this one before the pronoun, has exactly one person group and
// that group's first mention opens its sentence's mentions (a subject).
func (d *doc) pronouns() {
	var adds []faultline.Entity
	var groups []int
	for _, m := range pronounRe.FindAllStringIndex(d.text, -1) {
		if d.covered(m[0], m[1]) {
			continue
		}
		w := strings.ToLower(d.text[m[0]:m[1]])
		s := sentenceOf(d.sents, m[0])
		if s < 0 {
			continue
		}
		prefix := strings.TrimSpace(d.text[d.sents[s].Start:m[0]])
		pl := strings.ToLower(prefix)
		if !(prefix == "" || strings.HasSuffix(pl, ",") || strings.HasSuffix(pl, " and") || strings.HasSuffix(pl, " but") || prefix == "\"" || prefix == "\u201c") {
			continue
		}
		// Person groups in this sentence before the pronoun, else in the previous one.
		g := d.subject(s, m[0])
		if g == -2 {
			continue
		}
		if g < 0 && s > 0 {
			g = d.subject(s-1, len(d.text))
		}
		if g < 0 {
			continue
		}
		isFemale := false
		for r := range d.roles[g] {
			if female[r] {
				isFemale = true
			}
		}
		for i := range d.ents {
			if d.find(i) == g {
				for _, t := range d.names[i].Titles {
					if female[t] {
						isFemale = true
					}
				}
			}
		}
		if (w == "she" || w == "her") != isFemale {
			continue
		}
		adds = append(adds, faultline.Entity{Span: faultline.Span{Start: m[0], End: m[1]}, Type: faultline.PERSON})
		groups = append(groups, g)
	}
	for k, e := range adds {
		d.add(e, groups[k])
	}
}

// subject returns the one person group mentioned in sentence s before offset end when it
// is the sentence's first mention; -1 when there is none; -2 when it is ambiguous.
func (d *doc) subject(s, end int) int {
	g, first := -1, true
	for i, e := range d.ents {
		if d.sent[i] != s || e.Start >= end {
			continue
		}
		if e.Type != faultline.PERSON || isPronoun(e.Text) {
			if first && e.Type != faultline.PERSON {
				first = false
			}
			continue
		}
		if g >= 0 && d.find(i) != g {
			return -2
		}
		if g < 0 && !first {
			return -2 // a person who is not the subject
		}
		g = d.find(i)
		first = false
	}
	return g
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "his", "him", "she", "her", "hers", "they", "them", "their":
		return true
	}
	return false
}

// finish assigns document-level actor ids and returns the entities in text order.
func (d *doc) finish() []faultline.Entity {
	groups := map[int][]int{}
	var roots []int
	for i := range d.ents {
		if d.ents[i].Start < 0 {
			continue // dropped by a boundary repair
		}
		g := d.find(i)
		if _, ok := groups[g]; !ok {
			roots = append(roots, g)
		}
		groups[g] = append(groups[g], i)
	}
	sort.Slice(roots, func(a, b int) bool { return d.ents[roots[a]].Start < d.ents[roots[b]].Start })
	used := map[string]bool{}
	for _, g := range roots {
		members := groups[g]
		texts := make([]string, 0, len(members))
		types := make([]string, 0, len(members))
		for _, i := range members {
			texts = append(texts, d.ents[i].Text)
			types = append(types, d.ents[i].Type)
		}
		id := actors.Slug(Canonical(texts, majority(types)))
		base := id
		for n := 2; used[id]; n++ {
			id = base + "-" + itoa(n)
		}
		used[id] = true
		for _, i := range members {
			d.ents[i].Actor = id
		}
	}
	var out []faultline.Entity
	for _, e := range d.ents {
		if e.Start >= 0 {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

// Roles returns, for a resolved document, the role descriptions recorded per actor id.
func (r *Resolver) Roles(text string, ents []faultline.Entity) map[string][]string {
	d := newDoc(text, ents, nil)
	byActor := map[string]int{}
	for i, e := range d.ents {
		if j, ok := byActor[e.Actor]; ok && e.Actor != "" {
			d.union(j, i)
		} else {
			byActor[e.Actor] = i
		}
	}
	d.appositions()
	out := map[string][]string{}
	for g, rs := range d.roles {
		for role := range rs {
			out[d.ents[g].Actor] = append(out[d.ents[g].Actor], role)
		}
	}
	for _, v := range out {
		sort.Strings(v)
	}
	return out
}

func majority(ts []string) string {
	c := map[string]int{}
	best := ""
	for _, t := range ts {
		if t == "" {
			continue
		}
		c[t]++
		if best == "" || c[t] > c[best] || c[t] == c[best] && t < best {
			best = t
		}
	}
	return best
}

// Canonical chooses the display name among the verbatim names of one actor: the most
// frequent full form (for people, two or more name words; otherwise not an acronym), its
// leading titles and "the" removed; ties go to the longer, then the alphabetically first.
// Pronouns and role descriptions ("the cleric") are never chosen when a name exists.
func Canonical(texts []string, typ string) string {
	count := map[string]int{}
	for _, t := range texts {
		if isPronoun(t) || !startsUpper(t) && strings.HasPrefix(strings.ToLower(t), "the ") && nominal(t) {
			continue
		}
		count[Display(t, typ)]++
	}
	if len(count) == 0 {
		for _, t := range texts {
			count[t]++
		}
	}
	full := func(s string) int {
		n := actors.ParseName(s, typ)
		switch {
		case actors.Acronym(s) != "":
			return 0
		case typ == faultline.PERSON && len(n.Words) >= 2:
			return 2
		case typ != faultline.PERSON && len(n.Words) >= 2:
			return 2
		}
		return 1
	}
	best := ""
	for s, c := range count {
		if best == "" {
			best = s
			continue
		}
		fs, fb := full(s), full(best)
		if fs != fb {
			if fs > fb {
				best = s
			}
			continue
		}
		if c != count[best] {
			if c > count[best] {
				best = s
			}
			continue
		}
		if len(s) != len(best) {
			if len(s) > len(best) {
				best = s
			}
			continue
		}
		if s < best {
			best = s
		}
	}
	return best
}

// nominal reports whether a lower-case "the ..." text is a role description.
func nominal(t string) bool {
	ws := strings.Fields(strings.ToLower(t))
	if len(ws) < 2 {
		return false
	}
	last := ws[len(ws)-1]
	return roleNoun[last] || actors.IsTitle(last)
}

// Display removes leading titles (for people), a leading "the" and a trailing possessive
// from a name.
func Display(t, typ string) string {
	t = strings.TrimSpace(t)
	for _, p := range []string{"\u2019s", "'s"} {
		if strings.HasSuffix(t, p) && len(t) > len(p)+1 {
			t = t[:len(t)-len(p)]
		}
	}
	fs := strings.Fields(t)
	i := 0
	if len(fs) > 1 && strings.EqualFold(fs[0], "the") {
		i = 1
	}
	if typ == faultline.PERSON {
		for i < len(fs)-1 {
			w := strings.ToLower(strings.Trim(fs[i], ".,"))
			if actors.IsTitle(w) || i+1 < len(fs)-1 && actors.Demonym(w) != "" && actors.IsTitle(strings.ToLower(strings.Trim(fs[i+1], ".,"))) || w == "us" && actors.IsTitle(strings.ToLower(strings.Trim(fs[i+1], ".,"))) {
				i++
				continue
			}
			break
		}
	}
	if i == 0 {
		return t
	}
	return strings.Join(fs[i:], " ")
}

// sentenceOf returns the index of the sentence holding offset, or -1.
func sentenceOf(sents []faultline.Span, off int) int {
	k := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if k < len(sents) && sents[k].Start <= off {
		return k
	}
	return -1
}

// split is a simple sentence splitter for when no tokenizer ran: a sentence ends at . ! or
// ? followed by space and a capital or a quote, or at a blank line.
func split(text string) []faultline.Span {
	var out []faultline.Span
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := -1
		if c == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			end = i
		} else if (c == '.' || c == '!' || c == '?') && i+2 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') {
			r, _ := utf8.DecodeRuneInString(text[i+2:])
			if unicode.IsUpper(r) || r == '"' || r == '\u201c' {
				// Not after a one-letter initial or a title abbreviation.
				ws := strings.Fields(text[start : i+1])
				last := ""
				if len(ws) > 0 {
					last = strings.ToLower(strings.TrimSuffix(ws[len(ws)-1], "."))
				}
				if len(last) > 1 && !actors.IsTitle(last) && last != "st" && last != "no" {
					end = i + 1
				}
			}
		}
		if end >= 0 {
			if strings.TrimSpace(text[start:end]) != "" {
				out = append(out, faultline.Span{Start: start, End: end})
			}
			start = end
		}
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, faultline.Span{Start: start, End: len(text)})
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
