// Package coref resolves the entity mentions of one document to document-level actors: short
// names to the full name ("Sadr" -> "Moqtada al-Sadr", "Badr" -> "Badr Corps"), acronyms
// the text defines ("Jaish al-Mahdi (JAM)") and their later uses, translations the text
// gives (`Sahwa (“Awakening”)`), renames ("formerly known as"), titles and role
// descriptions ("the cleric") recorded for an actor and used for its nominal mentions, and
// simple pronouns (he, his) to the most recent person subject. It prefers precision: a
// short name that could be two people stays unresolved, and a pronoun becomes a mention
// only when a single person subject precedes it.
//
// Every entity gets Entity.Actor: a document-level actor id, the slug of the actor's
// canonical name in the document. Corpus-level resolution (package resolve) merges these.
package coref

import (
	"cmp"
	"slices"
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
	d.resolve(r)
	return d.finish()
}

// resolve runs the passes of r over the document.
func (d *doc) resolve(r *Resolver) {
	d.acronyms()
	d.glosses()
	if r.Dictionary {
		d.dictionary()
	}
	d.renames()
	d.possessors()
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
}

// doc is one document under resolution.
type doc struct {
	text  string
	ents  []faultline.Entity
	names []name
	sents []faultline.Span
	sent  []int // sentence index per entity
	par   []int // union-find parent per entity
	roles map[int]map[string]bool
	// nation holds, per group, the nationality (ISO code) given with its role ("Iraqi
	// Prime Minister X", "X, the Iraqi prime minister"), "?" for two.
	nation map[int]string
	owner  map[int]bool // entities added for the owner named inside a group's name
	// genderOf holds, per group root, its first mention whose titles tell a gender (-1 for
	// none), kept by union while linkNames runs (names do not change then), so that gender
	// does not scan the entities: nil outside linkNames, the only caller of gender. mark and
	// stamp mark the groups pick has seen.
	genderOf []int32
	mark     []int32
	stamp    int32
	runs     [][2]int // capitalRuns of the text, once capRuns asked for them
	hasRuns  bool
	spans    spanIndex // the entities by span, for covered, at, inside and within
	words    capWords  // the capitalised words of a long text, for wholeWords
	// added is the text, type and parsed name of the last entity add parsed: a pass adds
	// the occurrences of one name in a row (propagate), parsed once.
	added struct {
		text, typ string
		name      name
		ok        bool
	}
}

// capRuns returns capitalRuns(d.text), found once per document.
func (d *doc) capRuns() [][2]int {
	if !d.hasRuns {
		d.runs, d.hasRuns = capitalRuns(d.text), true
	}
	return d.runs
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
	slices.SortStableFunc(d.ents, textOrder)
	d.ents = repairSpans(text, d.ents)
	d.sents = sents
	if len(d.sents) == 0 {
		d.sents = split(text)
	}
	d.reindex()
	d.keepGroups()
	return d
}

// keepGroups unites the entities that arrive with the same document-level actor: a
// document resolved before (package resolve runs coreference again when fact references
// add mentions) keeps its groups, so that a pronoun or description resolved then, which
// no pass links again (it is no longer uncovered text), stays with its actor.
func (d *doc) keepGroups() {
	first := map[string]int{}
	for i, e := range d.ents {
		if e.Actor == "" {
			continue
		}
		if j, ok := first[e.Actor]; ok {
			d.union(j, i)
		} else {
			first[e.Actor] = i
		}
	}
}

// reindex recomputes names and sentences after entities were added, keeping the
// union-find partition.
func (d *doc) reindex() {
	n := len(d.ents)
	if d.par == nil {
		d.par = make([]int, 0, n+n/2) // (room for the mentions the passes add)
		d.names = make([]name, 0, n+n/2)
		d.sent = make([]int, 0, n+n/2)
	}
	for len(d.par) < len(d.ents) {
		d.par = append(d.par, len(d.par))
	}
	d.names = d.names[:0]
	d.sent = d.sent[:0]
	for _, e := range d.ents {
		d.names = append(d.names, parseName(e.Text, e.Type))
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
	if d.genderOf != nil && d.genderOf[b] >= 0 && (d.genderOf[a] < 0 || d.genderOf[b] < d.genderOf[a]) {
		d.genderOf[a] = d.genderOf[b]
	}
}

// add appends an entity in the group of entity g (or its own group when g < 0) and
// returns its index. Entities are re-sorted by finish.
func (d *doc) add(e faultline.Entity, g int) int {
	e.Text = d.text[e.Start:e.End]
	d.ents = append(d.ents, e)
	d.par = append(d.par, len(d.par))
	if e.Text != d.added.text || e.Type != d.added.typ || !d.added.ok {
		d.added.text, d.added.typ, d.added.name, d.added.ok = e.Text, e.Type, parseName(e.Text, e.Type), true
	}
	d.names = append(d.names, d.added.name)
	d.sent = append(d.sent, sentenceOf(d.sents, e.Start))
	i := len(d.ents) - 1
	d.indexAdded(i)
	if g >= 0 {
		d.union(g, i)
	}
	return i
}

// compact removes dropped entities (offsets -1), keeping the partition of the others, and
// returns the new index of every old one (-1 for dropped ones whose group had no other
// member, else the index of a live member of its group).
func (d *doc) compact() []int {
	n := len(d.ents)
	remap := make([]int, n)
	rep := make([]int, n) // old root -> new index of its first live member, or -1
	for i := range rep {
		rep[i] = -1
	}
	ents := make([]faultline.Entity, 0, n)
	names := make([]name, 0, n)
	sent := make([]int, 0, n)
	par := make([]int, 0, n)
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
		if p := rep[r]; p >= 0 {
			par = append(par, p)
		} else {
			rep[r] = k
			par = append(par, k)
		}
	}
	for i := 0; i < n; i++ {
		if remap[i] < 0 {
			if p := rep[d.find(i)]; p >= 0 {
				remap[i] = p
			}
		}
	}
	d.ents, d.names, d.sent, d.par = ents, names, sent, par
	d.spans.built = false // (indices changed)
	return remap
}

// inside returns the first of the entities lying within [start, end) and covering parts of
// it, when no entity crosses its edges; -1 otherwise. The other entities inside are
// dropped (their offsets set to -1): the caller widens the first to the whole span.
func (d *doc) inside(start, end int) int {
	in := d.overlapping(nil, start, end)
	for _, i := range in {
		if e := d.ents[i]; e.Start < start || e.End > end || e.Start == start && e.End == end {
			return -1
		}
	}
	if len(in) == 0 {
		return -1
	}
	for _, j := range in[1:] {
		d.setSpan(j, -1, -1)
	}
	return in[0]
}

// finish assigns document-level actor ids and returns the entities in text order.
func (d *doc) finish() []faultline.Entity {
	// The members of each group, in index order: those of root g are
	// members[start[g]:start[g+1]] (start counts per root, then offsets).
	n := len(d.ents)
	root := make([]int, n)
	start := make([]int, n+1)
	var roots []int
	for i := range d.ents {
		if d.ents[i].Start < 0 {
			root[i] = -1
			continue // dropped by a boundary repair
		}
		g := d.find(i)
		root[i] = g
		if start[g+1] == 0 {
			roots = append(roots, g)
		}
		start[g+1]++
	}
	for g := 0; g < n; g++ {
		start[g+1] += start[g]
	}
	members := make([]int, start[n])
	next := slices.Clone(start[:n])
	for i, g := range root {
		if g >= 0 {
			members[next[g]] = i
			next[g]++
		}
	}
	sort.Slice(roots, func(a, b int) bool { return d.ents[roots[a]].Start < d.ents[roots[b]].Start })
	used := make(map[string]bool, len(roots))
	var texts, types []string
	for _, g := range roots {
		ms := members[start[g]:start[g+1]]
		texts, types = texts[:0], types[:0]
		for _, i := range ms {
			texts = append(texts, d.ents[i].Text)
			types = append(types, d.ents[i].Type)
		}
		id := groupID(texts, types, d.names[ms[0]])
		base := id
		for n := 2; used[id]; n++ {
			id = base + "-" + itoa(n)
		}
		used[id] = true
		for _, i := range ms {
			d.ents[i].Actor = id
		}
	}
	var out []faultline.Entity // nil when none is left, as before
	if len(members) > 0 {
		out = make([]faultline.Entity, 0, len(members))
	}
	for _, e := range d.ents {
		if e.Start >= 0 {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, textOrder)
	return out
}

// textOrder orders entities by start, the longest first among those starting together.
func textOrder(a, b faultline.Entity) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	return cmp.Compare(b.End, a.End)
}

// groupID returns actors.Slug(Canonical(texts, majority(types))), the id of a group with
// these mentions, kept per process with the parsed name (parsedNames) for a group whose
// mentions have one text and one type. first is the name parseName gave the first
// mention's text (for whatever type): when it was parsed for types[0] and holds the id, the
// memo is not asked.
func groupID(texts, types []string, first name) string {
	for i := 1; i < len(texts); i++ {
		if texts[i] != texts[0] || types[i] != types[0] {
			return actors.Slug(Canonical(texts, majority(types)))
		}
	}
	n := first
	if n.typ != types[0] || n.id == "" {
		n = parseName(texts[0], types[0]) // (parsed and kept when the memo has it not)
	}
	if n.id != "" {
		return n.id
	}
	id := actors.Slug(Canonical(texts[:1], majority(types[:1])))
	parsedNames.update(texts[0], types[0], func(n *name) { n.id = id })
	return id
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
