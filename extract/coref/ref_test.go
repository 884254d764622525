package coref

// The passes and queries of the package as they were before they were made near-linear in
// the size of a document (commit 50633e3): each scans every entity (or every mention of a
// list) per query. They are kept, renamed ref*, as the reference the new code must match
// exactly (reference_test.go): refResolve runs the passes of resolve with these.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

// refGendered is the old doc.gendered: the gendered entities while refLinkNames runs.
var refGendered []int

// refResolve is doc.resolve with the reference passes.
func (d *doc) refResolve(r *Resolver) {
	d.refAcronyms()
	d.refGlosses()
	if r.Dictionary {
		d.dictionary()
	}
	d.renames()
	d.refPossessors()
	d.refLinkNames()
	if r.Propagate {
		d.refPropagate()
	}
	d.appositions()
	if r.Nominals {
		d.refNominals()
	}
	if r.Pronouns {
		d.refPronouns()
	}
}

// covered reports whether [start, end) overlaps an entity.
func (d *doc) refCovered(start, end int) bool {
	for _, e := range d.ents {
		if e.Start < end && start < e.End {
			return true
		}
	}
	return false
}

// inside returns the first of the entities lying within [start, end) and covering parts of
// it, when no entity crosses its edges; -1 otherwise. The other entities inside are
// dropped (their offsets set to -1): the caller widens the first to the whole span.
func (d *doc) refInside(start, end int) int {
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
func (d *doc) refAt(start, end int) int {
	for i, e := range d.ents {
		if e.Start == start && e.End == end {
			return i
		}
	}
	return -1
}

// within reports whether an entity covers [start, end) whole.
func (d *doc) refWithin(start, end int) bool {
	for _, e := range d.ents {
		if e.Start <= start && end <= e.End {
			return true
		}
	}
	return false
}

// possessors adds a mention for the possessor named inside a group's name ("Saddam" in
// "Saddam’s regime"): a person, or the type of the document's mention of the same name. A
// bare name before the noun ("the Assad government") must be a name the document uses.
// Corpus-level resolution keys the group by its possessor's actor.
func (d *doc) refPossessors() {
	byKey := make(map[string]int, len(d.ents)/2+8)
	for i, e := range d.ents {
		if k := d.names[i].Key(); k != "" && e.Type != "" {
			if _, ok := byKey[k]; !ok {
				byKey[k] = i
			}
		}
	}
	d.refOwnedGroups()
	n := len(d.ents)
	for i := 0; i < n; i++ {
		e := d.ents[i]
		if e.Type != faultline.ORG && e.Type != faultline.NORP {
			continue
		}
		p, ok := Possessor(e.Text)
		if !ok {
			continue
		}
		s, t := e.Start+p.Start, e.Start+p.End
		if d.refAt(s, t) >= 0 {
			continue
		}
		typ := faultline.PERSON
		if j, ok := byKey[nameKeyOf(d.text[s:t], faultline.PERSON)]; ok {
			typ = d.ents[j].Type
		} else if j, ok := byKey[nameKeyOf(d.text[s:t], faultline.GPE)]; ok && (d.ents[j].Type == faultline.GPE) {
			typ = faultline.GPE
		} else if p.Bare {
			continue // "the Federal government": no owner the document names
		}
		if typ != faultline.PERSON && typ != faultline.GPE {
			continue
		}
		if d.owner == nil {
			d.owner = map[int]bool{}
		}
		d.owner[d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: typ}, -1)] = true
	}
}

// ownedGroups adds mentions for the groups the text names by their owner where the
// recogniser found only the owner: "Saddam’s regime", "Sadr’s movement", "followers of
// Moqtada al-Sadr". An owner the recogniser typed as a one-word organisation becomes a
// person ("Saddam" of "Saddam’s regime").
func (d *doc) refOwnedGroups() {
	n := len(d.ents)
	for i := 0; i < n; i++ {
		e := d.ents[i]
		if e.Type != faultline.PERSON && e.Type != faultline.ORG || !startsUpper(e.Text) {
			continue
		}
		if e.Type == faultline.ORG && strings.Contains(e.Text, " ") {
			continue // an organisation's own groups are not its owner's
		}
		s, t := -1, -1
		rest := d.text[e.End:]
		if m := possAfterIndex(rest); m != nil && actors.PossessedClass(d.text[e.End+m[2]:e.End+m[3]]) != "" {
			s, t = e.Start, e.End+m[3]
		} else if e.Type == faultline.PERSON {
			lo := max(0, e.Start-40)
			// (the regexp ends in "of\s+(?:the\s+)?$": tried only before such an ending)
			if w := d.text[lo:e.Start]; endsOfThe(w) {
				if m := followersOf.FindStringSubmatchIndex(w); m != nil {
					s, t = lo+m[2], e.End
				}
			}
		}
		if s < 0 || d.refWithin(s, t) {
			continue
		}
		if e.Type == faultline.ORG {
			d.ents[i].Type = faultline.PERSON
			d.names[i] = parseName(e.Text, faultline.PERSON)
		}
		d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: faultline.ORG}, -1)
	}
}

// acronyms links "Jaish al-Mahdi (JAM)" and "the Islamic Supreme Council of Iraq (ISCI)"
// and marks every later use of the acronym.
func (d *doc) refAcronyms() {
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
		if j := d.refAt(s, t); j >= 0 {
			d.union(i, j)
		} else if !d.refCovered(s, t) {
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
		if j := d.refInside(s, t); j >= 0 {
			// A name the recogniser cut short: extend it to the expansion.
			d.ents[j].Start, d.ents[j].End, d.ents[j].Text = s, t, d.text[s:t]
			d.names[j] = parseName(d.ents[j].Text, d.ents[j].Type)
			i := j
			if k := d.refAt(g0, g1); k >= 0 {
				d.union(i, k)
			} else if !d.refCovered(g0, g1) {
				d.add(faultline.Entity{Span: faultline.Span{Start: g0, End: g1}, Type: d.ents[j].Type}, i)
			}
			defs[acr] = i
			continue
		}
		if d.refCovered(s, t) {
			continue
		}
		typ := faultline.ORG
		if j := d.refAt(g0, g1); j >= 0 && d.ents[j].Type != "" {
			typ = d.ents[j].Type
		}
		i := d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: typ}, -1)
		if j := d.refAt(g0, g1); j >= 0 {
			d.union(i, j)
		} else if !d.refCovered(g0, g1) {
			d.add(faultline.Entity{Span: faultline.Span{Start: g0, End: g1}, Type: typ}, i)
		}
		defs[acr] = i
	}
	// An acronym the text uses without defining it: its expansion elsewhere in the text
	// ("ISCI" and "the Islamic Supreme Council of Iraq"), when exactly one run of
	// capitalised words spells it.
	var runs [][2]int
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
		if runs == nil {
			runs = d.capRuns()
		}
		var found, spelt [][2]int // the distinct spellings; every run's (spellsIn)
		seen := map[string]bool{}
		for _, r := range runs {
			if sp, ok := spellsIn(d.text, r, e.Text); ok {
				spelt = append(spelt, sp)
				if !seen[d.text[sp[0]:sp[1]]] {
					seen[d.text[sp[0]:sp[1]]] = true
					found = append(found, sp)
				}
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
			if j := d.refInside(sp[0], sp[1]); j >= 0 {
				// The recogniser cut the name short ("Islamic Supreme Council of"): the
				// mention becomes the whole expansion.
				d.ents[j].Start, d.ents[j].End, d.ents[j].Text = sp[0], sp[1], d.text[sp[0]:sp[1]]
				d.names[j] = parseName(d.ents[j].Text, d.ents[j].Type)
			}
			if j := d.refAt(sp[0], sp[1]); j >= 0 {
				d.union(i, j)
			} else if !d.refCovered(sp[0], sp[1]) {
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
			if j := d.refAt(s, t); j >= 0 {
				d.union(g, j)
			} else if !d.refCovered(s, t) {
				d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: d.ents[g].Type}, g)
			}
		}
	}
}

// glosses links a name and the translation the text gives for it in quotes and
// parentheses (`Sahwa (“Awakening”)`, `the Hashd (“Mobilisation”)`): the translation is a
// mention of the same actor, which lets resolution find it under its translated name.
func (d *doc) refGlosses() {
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
		if j := d.refAt(s, t); j >= 0 {
			d.union(i, j)
			continue
		}
		if d.refCovered(s, t) {
			continue
		}
		d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: e.Type}, i)
	}
}

// linkNames links repeated names, partial and short names to the full names of the document.
func (d *doc) refLinkNames() {
	refGendered = []int{}
	for i := range d.ents {
		if actors.Gender(d.names[i].Titles) != "" {
			refGendered = append(refGendered, i)
		}
	}
	defer func() { refGendered = nil }()
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
	for i, e := range d.ents {
		n := d.names[i]
		if len(n.Words) == 0 || acronym(e.Text) != "" && len(n.Words) == 1 && e.Type != faultline.PERSON || d.description(i) {
			continue
		}
		switch {
		case e.Type == faultline.PERSON && len(n.Words) == 1 && actors.GivenNameTitle(n.Titles):
			// A given name after its title ("Sheikh Karim"): the one person of the
			// document with that first name, never a surname.
			if g := d.refPick(byFirst[n.Last()], i); g >= 0 {
				d.union(g, i)
			}
		case (e.Type == faultline.PERSON || e.Type == "") && len(n.Words) == 1:
			// A surname: the one full name of the document with that surname, else the
			// most recent one within three sentences.
			if g := d.refPick(bySurname[n.Last()], i); g >= 0 {
				d.union(g, i)
				d.ents[i].Type = faultline.PERSON
			} else if len(bySurname[n.Last()]) > 0 {
				// An ambiguous surname stays unresolved.
			} else if g := d.refPick(byFirst[n.Last()], i); g >= 0 && len(n.Titles) == 0 {
				// A first name used alone ("Saddam"), when one person of the text has it.
				d.union(g, i)
				d.ents[i].Type = faultline.PERSON
			} else if c, _ := orgCore(i); c != "" && len(n.Titles) == 0 && startsUpper(e.Text) && !d.owner[i] {
				// A bare "Badr" typed as a person by NER, with "Badr Corps" in the text
				// and no person of that name; not "Bush" for "Bush administration".
				var fits []int
				for _, j := range orgWords[c] {
					if !namedAfterPerson(d.names[j].Words) {
						fits = append(fits, j)
					}
				}
				if g := d.refPick(fits, i); g >= 0 {
					d.union(g, i)
					d.ents[i].Type = d.ents[g].Type
				}
			}
		case e.Type == faultline.PERSON && len(n.Words) >= 2:
			// A partial name: "George Bush" for "George W. Bush" when only one fits.
			var fits []int
			for _, j := range bySurname[n.Last()] {
				if d.find(j) != d.find(i) && actors.PersonCompatible(d.names[j].Name, n.Name) && len(d.names[j].Words) != len(n.Words) && !middleMissing(n.Name, d.names[j].Name) {
					fits = append(fits, j)
				}
			}
			if g := d.refPick(fits, i); g >= 0 {
				d.union(g, i)
			}
		case (e.Type == faultline.ORG || e.Type == "") && len(n.Words) == 1 || e.Type == faultline.ORG && len(n.Words) >= 2:
			// "Badr" for "Badr Corps", "Badr militia", "Badrists": the one word that tells
			// an organisation apart, with no conflicting nationality or group word.
			c, gen := orgCore(i)
			if c == "" {
				break
			}
			var fits []int
			for _, j := range orgWords[c] {
				if _, gj := coreAt(j); !actors.GenericConflict(gen, gj) && !(len(n.Words) == 1 && d.refOwnedBy(d.ents[j].Text, n)) {
					fits = append(fits, j)
				}
			}
			if g := d.refPick(fits, i); g >= 0 {
				d.union(g, i)
			}
		}
	}
}

// gender returns the gender the titles of group g's mentions give ("m", "f"), or "". It
// runs within linkNames, which lists the gendered entities.
func (d *doc) refGender(g int) string {
	for _, i := range refGendered {
		if d.find(i) == g {
			return actors.Gender(d.names[i].Titles)
		}
	}
	return ""
}

// pick chooses among candidate entities (possibly of several groups) for mention i: the
// one group among them, else -1.
func (d *doc) refPick(cands []int, i int) int {
	groups := map[int]bool{}
	gi := d.refGender(d.find(i))
	for _, j := range cands {
		if j != i {
			if g := d.refGender(d.find(j)); gi != "" && g != "" && g != gi {
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
	return -1
}

// ownedBy reports whether a group's name says it belongs to the one-word name n ("Saddam’s
// regime" and "Saddam"): the name is the owner, not the group.
func (d *doc) refOwnedBy(group string, n name) bool {
	p, ok := Possessor(group)
	if !ok {
		return false
	}
	o := parseName(group[p.Start:p.End], faultline.PERSON)
	return len(o.Words) > 0 && (o.Last() == n.Key() || o.Words[0] == n.Key())
}

// pronouns adds he/his/him mentions (she/her for a person the text gives a female title)
// in subject position (first word of the sentence or after "and", "but" or a comma) when
// the sentence before, or this one before the pronoun, has exactly one person group and
// that group's first mention opens its sentence's mentions (a subject).
func (d *doc) refPronouns() {
	var adds []faultline.Entity
	var groups []int
	var links [][2]int // existing pronoun mention, group
	for _, m := range pronounSpans(d.text) {
		existing := -1
		if d.refCovered(m[0], m[1]) {
			// A fact already points at the pronoun (an untyped or person mention of
			// its own, not resolved before): link it rather than add one.
			if existing = d.refLonePronoun(m[0], m[1]); existing < 0 {
				continue
			}
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
		g := d.refSubject(s, m[0])
		if g == -2 {
			continue
		}
		if g < 0 && s > 0 {
			g = d.refSubject(s-1, len(d.text))
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
		if existing >= 0 {
			links = append(links, [2]int{existing, g})
			continue
		}
		adds = append(adds, faultline.Entity{Span: faultline.Span{Start: m[0], End: m[1]}, Type: faultline.PERSON})
		groups = append(groups, g)
	}
	for _, l := range links {
		d.union(l[1], l[0])
		d.ents[l[0]].Type = faultline.PERSON
	}
	for k, e := range adds {
		d.add(e, groups[k])
	}
}

// lonePronoun returns the entity exactly at [start, end) when it is untyped or a person,
// came unresolved and is alone in its group; -1 otherwise.
func (d *doc) refLonePronoun(start, end int) int {
	j := d.refAt(start, end)
	if j < 0 || d.ents[j].Actor != "" || d.ents[j].Type != "" && d.ents[j].Type != faultline.PERSON {
		return -1
	}
	for k := range d.ents {
		if k != j && d.find(k) == d.find(j) {
			return -1
		}
	}
	return j
}

// subject returns the one person group mentioned in sentence s before offset end when it
// is the sentence's first mention; -1 when there is none; -2 when it is ambiguous.
func (d *doc) refSubject(s, end int) int {
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

// nominals adds mentions of "the cleric", "the premier" when exactly one person of the
// document so far was given that role.
func (d *doc) refNominals() {
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
	var bySent map[int][]int // sentence -> its entities, for otherPerson
	for _, m := range nominalMatches(d.text) {
		role := d.text[m[4]:m[5]]
		hs := holders[role]
		for k := 0; len(hs) == 0 && k < 2; k++ {
			// "the young cleric": the role is a word further on, the words before
			// it modify it.
			x := nextRole.FindStringSubmatchIndex(d.text[m[1]:])
			if x == nil {
				break
			}
			m = []int{m[0], m[1] + x[1], m[2], m[1] + x[2], m[1] + x[2], m[1] + x[3]}
			role = d.text[m[4]:m[5]]
			hs = holders[role]
		}
		if len(hs) == 0 {
			continue
		}
		// "the young cleric", "the Iraqi prime minister": a nationality must not be
		// another than the one given with the role.
		nat, ok := nationality(d.text[m[2]:m[3]])
		if !ok {
			continue
		}
		existing := -1
		// "Iraqi" the recogniser found inside the description stays a mention of its
		// own; the description is added around it.
		if d.refCovered(m[0], m[1]) && !(nat != "" && d.refAt(m[0], m[1]) < 0 && d.refOnlyNationalities(m[0], m[1])) {
			// A fact already points at "the cleric" (an untyped or person mention of its
			// own): link it rather than add one.
			j := d.refAt(m[0], m[1])
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
		if strings.HasPrefix(rest, " of") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " ")); unicode.IsUpper(r) && strings.HasPrefix(rest, " ") {
			continue // "the cleric Moqtada al-Sadr": the name itself follows
		}
		var before []holder
		for _, h := range hs {
			if h.first < m[0] && (nat == "" || d.nation[h.group] == "" || d.nation[h.group] == nat) {
				before = append(before, h)
			}
		}
		if bySent == nil {
			bySent = map[int][]int{}
			for i := range d.ents {
				bySent[d.sent[i]] = append(bySent[d.sent[i]], i)
			}
		}
		if len(before) != 1 || d.otherPerson(bySent[sentenceOf(d.sents, m[0])], m[0], before[0].group) {
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

// onlyNationalities reports whether the entities overlapping [start, end) are
// nationalities lying inside it.
func (d *doc) refOnlyNationalities(start, end int) bool {
	for _, e := range d.ents {
		if e.Start < end && start < e.End && (e.Start < start || e.End > end || actors.Demonym(e.Text) == "") {
			return false
		}
	}
	return true
}

// propagate adds mentions for the other occurrences of the names of the document: the
// exact capitalised form of a mention (at word boundaries, not inside a longer capitalised
// name), and the surname of a person named in full when no other person of the document
// shares it.
func (d *doc) refPropagate() {
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
	cov := d.coverage()
	for _, f := range forms {
		for off := 0; ; {
			k := strings.Index(d.text[off:], f.text)
			if k < 0 {
				break
			}
			s, t := off+k, off+k+len(f.text)
			off = t
			if !wordAt(d.text, s, t) || cov.covered(s, t) || insideName(d.text, s, t) {
				continue
			}
			typ := d.ents[f.ent].Type
			cov.add(s, t)
			d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: typ}, f.ent)
		}
	}
}

// coverage marks the bytes of the text the entities cover, for covered tests in a pass that
// only adds entities (through add, each also marked with coverage.add): d.covered scanned
// every entity, which made such passes quadratic in long documents. The span index made
// d.covered cheap and dictionary and propagate ask it; refPropagate keeps coverage.
type coverage struct {
	d     *doc
	bytes []bool // nil: an empty entity exists, ask d.covered
}

// coverage returns the coverage of the entities as they are now.
func (d *doc) coverage() coverage {
	c := coverage{d: d, bytes: make([]bool, len(d.text))}
	for _, e := range d.ents {
		if e.Start < 0 {
			continue // dropped
		}
		if e.Start >= e.End || e.End > len(d.text) {
			return coverage{d: d}
		}
		c.add(e.Start, e.End)
	}
	return c
}

// add marks [start, end) covered.
func (c coverage) add(start, end int) {
	if c.bytes != nil {
		for i := start; i < end; i++ {
			c.bytes[i] = true
		}
	}
}

// covered is d.covered: whether [start, end) (not empty) overlaps an entity.
func (c coverage) covered(start, end int) bool {
	if c.bytes == nil {
		return c.d.covered(start, end)
	}
	for i := start; i < end; i++ {
		if c.bytes[i] {
			return true
		}
	}
	return false
}
