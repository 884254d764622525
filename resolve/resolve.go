// Package resolve builds the corpus model: it resolves the entity mentions of every stored
// extraction to corpus-level actors (transliterations, acronyms, renames, demonyms, the
// general actor dictionary, analysts' overrides) and restates the facts in actor terms.
//
// Resolution works on document-level actors (the groups coreference made, see
// extract/coref) and merges them with a union-find over blocking keys — folded full names,
// dictionary entries, demonyms, acronyms and their expansions, surnames — so the cost grows
// with the number of mentions, not with its square. Every merge is checked against
// constraints that keep different actors apart: incompatible types, different dictionary
// entries, and people whose given names disagree (George W. Bush and George H. W. Bush).
package resolve

import (
	"slices"
	"sort"
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract/coref"
	"github.com/faultline/faultline/lexicon/actors"
)

// Build resolves the actors of a corpus and returns its model. docs[i] was extracted into
// exts[i]. Overrides are applied in order after automatic resolution. Paradoxes are left
// for the network package.
func Build(docs []*faultline.Document, exts []*faultline.Extraction, overrides []faultline.Override) (*faultline.Model, error) {
	dict, err := actors.Default()
	if err != nil {
		return nil, err
	}
	return (&Resolver{Dict: dict}).Build(docs, exts, overrides)
}

// Resolver resolves actors with a dictionary (nil: none).
type Resolver struct {
	Dict *actors.Dictionary
}

// mention is one entity mention of the corpus. A corpus has many: what few of them have
// is kept aside (builder.titled, builder.people), what their node has is kept there.
type mention struct {
	doc        int
	start, end int
	text, typ  string
	node       int
	actor      int // final actor index
	pronoun    bool
	nominal    bool // a role description of a person ("the cleric")
	desc       bool // a description of a place or group ("the south"): a name in its document only
}

// node is a document-level actor: the mentions coreference grouped in one document.
type node struct {
	doc      int
	local    string // its document-level actor id; "" for a recovered name (addRecovered)
	mentions []int
	typ      string
	forms    []string // distinct verbatim names (not pronouns or role descriptions)
	people   string   // ISO code of the state whose population the node is ("Iraqis"), or ""
}

// cluster summarises a set of merged nodes for the merge constraints.
type cluster struct {
	typ    string        // type group: p, o, g, f, e or ""
	typed  int           // mentions with an entity type (pronouns aside)
	other  int           // those of them not typed NORP
	dict   string        // dictionary entry id, or ""
	people []actors.Name // multi-word person names
	gender string        // "m" or "f" from titles (Mr, Mrs), or ""
	owned  string        // kind of group its names say belongs to someone (coref.Possessor), or ""
	bare   string        // the one-word name all its names are ("Saddam"), or ""
	// spec holds, per kind of non-state group, the folded group words of its description
	// that has them (groupSpecific: "insurgency" -> "sunni" for "Sunni-led insurgency"): two
	// clusters with different ones for a kind never merge.
	spec  map[string]string
	nodes int
	// doc is the one document all its nodes are in, or -1 when they are in several.
	doc int
}

// Build is Build with the resolver's dictionary.
func (r *Resolver) Build(docs []*faultline.Document, exts []*faultline.Extraction, overrides []faultline.Override) (*faultline.Model, error) {
	return r.BuildFrom(Slices(docs, exts), overrides)
}

// Source is a corpus that BuildFrom reads document by document, so that it never holds
// every text and extraction at once: a store streams them.
type Source interface {
	// Each calls fn for every document and its extraction (nil: none), in a fixed order,
	// and stops at the first error fn returns.
	Each(fn func(*faultline.Document, *faultline.Extraction) error) error
	// Text returns the text of the i-th document Each gave (from 0), whose id is id.
	Text(i int, id string) (string, error)
}

// BuildFrom is Build on the documents and extractions of src. It keeps of each document
// only what resolution needs (its mentions, names and the facts it states, without the
// texts those do not quote) and reads the texts a second time, one at a time, to find
// the names the recogniser missed (recoverMentions).
func (r *Resolver) BuildFrom(src Source, overrides []faultline.Override) (*faultline.Model, error) {
	b := &builder{r: r, src: src, nameMemo: map[[2]string]actors.Name{}, dictMemo: map[[2]string]*actors.Entry{}}
	if err := b.collect(); err != nil {
		return nil, err
	}
	b.cluster()
	// recoverMentions adds mentions without telling spanMention's index: start afresh (facts
	// asks it again, document by document).
	b.spanIx = spanIndex{}
	if err := b.recoverMentions(); err != nil {
		return nil, err
	}
	b.actorsOut()
	b.apply(overrides)
	b.facts()
	return b.model(), nil
}

// Slices returns a Source on documents and extractions in memory: docs[i] was extracted
// into exts[i] (nil: not extracted); nil documents are left out.
func Slices(docs []*faultline.Document, exts []*faultline.Extraction) Source {
	s := &sliceSource{}
	for i, d := range docs {
		if d == nil {
			continue
		}
		var ext *faultline.Extraction
		if i < len(exts) {
			ext = exts[i]
		}
		s.docs, s.exts = append(s.docs, d), append(s.exts, ext)
	}
	return s
}

// sliceSource is a Source on documents and extractions in memory: docs[i] was extracted
// into exts[i] (nil: not extracted).
type sliceSource struct {
	docs []*faultline.Document
	exts []*faultline.Extraction
}

func (s *sliceSource) Each(fn func(*faultline.Document, *faultline.Extraction) error) error {
	for i, d := range s.docs {
		if err := fn(d, s.exts[i]); err != nil {
			return err
		}
	}
	return nil
}

func (s *sliceSource) Text(i int, _ string) (string, error) {
	return s.docs[i].Text, nil
}

type builder struct {
	r   *Resolver
	src Source
	// docs holds, per document, what the model lists of it and the facts it states.
	docs []docInfo
	// strs interns the strings the builder keeps (names, types, local ids), so that
	// a name repeated across the corpus is held once and no document's text is kept
	// alive by a piece of it.
	strs map[string]string
	res  *coref.Resolver

	ments []mention
	nodes []node
	// docSpans and docLocals index the document being collected: span -> mention, local
	// actor id -> node (see spanMention and localNode for the whole corpus).
	docSpans  map[[2]int]int
	docLocals map[string]int
	// titled holds, per mention, the name with the titles written before it ("President
	// Bush" for a mention "Bush"), when the mention leaves them out: it is kept as an alias.
	titled map[int]string
	// people holds, per mention, the ISO code of the state whose population it names
	// ("most Iraqis"), for a plural demonym used as a people noun.
	people map[int]string

	par      []int // union-find over nodes
	clusters map[int]*cluster

	actors []*actorOut
	byID   map[string]int
	// renamed maps ids that overrides renamed or merged away to the surviving id.
	renamed map[string]string

	m *faultline.Model

	nodesByDoc map[int][]int
	// docRegions: doc -> compass noun -> the one country whose region of that direction it
	// names, and "border:<ISO>" -> the one border of that country it names (see regions).
	docRegions map[int]map[string]string
	nodeRoles  map[int][]string // node -> role descriptions the document gives it

	metonyms map[int]bool // mentions of a capital moved to its state (facts)

	nameMemo  map[[2]string]actors.Name
	dictMemo  map[[2]string]*actors.Entry
	capitalOf map[string]*actors.Entry // folded capital name -> its country (capitalGovernment)

	entIx  entIndex  // orphanRefs' index of a document's entities (its memory reused)
	spanIx spanIndex // spanMention's index of one document's mentions
}

// docInfo is what the builder keeps of a document: its entry in the model and, when it was
// extracted, its facts (events, ties, quotes, figures) without the texts facts do not
// read (see slimFacts).
type docInfo struct {
	faultline.DocumentRef
	ext *faultline.Extraction
}

// str returns s interned: one copy, not sharing memory with a document's text, of every
// distinct string.
func (b *builder) str(s string) string {
	if x, ok := b.strs[s]; ok {
		return x
	}
	x := strings.Clone(s)
	b.strs[x] = x
	return x
}

// actorOut is an actor being assembled.
type actorOut struct {
	id, canonical, typ, country string
	mentions                    []int
	roles                       map[string]bool
	extraAliases                []string
	dict                        string
	gone                        bool
}

func typeGroup(t string) string {
	switch t {
	case faultline.PERSON:
		return "p"
	case faultline.ORG, faultline.NORP:
		return "o"
	case faultline.GPE, faultline.LOC:
		return "g"
	case faultline.FAC:
		return "f"
	case faultline.EVENT:
		return "e"
	}
	return ""
}

// collect reads every document of the source once: it gathers the mentions of each (its
// entities, and the fact references that match no entity; entities without a
// document-level actor are grouped by coref) and keeps its facts for facts.
func (b *builder) collect() error {
	b.docSpans, b.docLocals = map[[2]int]int{}, map[string]int{}
	b.titled, b.people = map[int]string{}, map[int]string{}
	b.nodesByDoc = map[int][]int{}
	b.nodeRoles = map[int][]string{}
	b.strs = map[string]string{}
	b.res = coref.New()
	err := b.src.Each(func(d *faultline.Document, ext *faultline.Extraction) error {
		di := len(b.docs)
		b.docs = append(b.docs, docInfo{DocumentRef: faultline.DocumentRef{ID: d.ID, Title: d.Title, Date: d.Date,
			Source: d.Source, SHA256: d.SHA256, DuplicateOf: d.DuplicateOf}})
		if ext != nil {
			b.collectDoc(di, d.Text, ext)
			b.docs[di].ext = b.slimFacts(d.Text, ext)
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.docSpans, b.docLocals = nil, nil
	b.finishNodes()
	return nil
}

// collectDoc gathers the mentions of document di.
func (b *builder) collectDoc(di int, text string, ext *faultline.Extraction) {
	clear(b.docSpans)
	clear(b.docLocals)
	ents := ext.Entities
	need := false
	for _, e := range ents {
		if e.Actor == "" {
			need = true
			break
		}
	}
	// References to actors that no entity covers (a speaker found by the quote
	// extractor, say): treated as mentions of their own.
	extra := b.orphanRefs(text, ext, ents)
	if len(extra) > 0 {
		ents = append(append([]faultline.Entity(nil), ents...), extra...)
		need = true
	}
	if need && text != "" {
		ents = b.res.Resolve(text, ents, ext.Sentences)
	}
	// Role descriptions the text gives ("Moqtada al-Sadr, the radical cleric,").
	var roles map[string][]string
	if text != "" {
		roles = b.res.Roles(text, ents)
		for _, rs := range roles {
			for k, r := range rs {
				rs[k] = b.str(r)
			}
		}
	}
	for _, e := range ents {
		t := e.Text
		if text != "" && e.Start >= 0 && e.End <= len(text) && e.Start < e.End {
			t = text[e.Start:e.End]
		}
		if strings.TrimSpace(t) == "" {
			continue
		}
		sk := [2]int{e.Start, e.End}
		if _, dup := b.docSpans[sk]; dup {
			continue
		}
		t = b.str(t)
		local := e.Actor
		if local == "" {
			local = "k:" + actors.Key(t, e.Type)
		}
		people := peopleNationality(text, e.Start, e.End, e.Type)
		if people != "" {
			local = "people:" + people // the population, not the state coreference may have joined
		}
		local, people = b.str(local), b.str(people)
		ni, ok := b.docLocals[local]
		if !ok {
			ni = len(b.nodes)
			b.nodes = append(b.nodes, node{doc: di, local: local})
			b.docLocals[local] = ni
			b.nodesByDoc[di] = append(b.nodesByDoc[di], ni)
		}
		if rs, ok := roles[e.Actor]; ok && e.Actor != "" && !hasKey(b.nodeRoles, ni) {
			b.nodeRoles[ni] = rs
		}
		mi := len(b.ments)
		m := mention{doc: di, start: e.Start, end: e.End, text: t, typ: b.str(e.Type), node: ni}
		if people != "" {
			m.typ = faultline.NORP
			b.nodes[ni].people = people
			b.people[mi] = people
		}
		m.pronoun = isPronoun(t)
		m.nominal = !m.pronoun && (isNominal(t) && (e.Type == faultline.PERSON || e.Type == "") ||
			e.Type == faultline.PERSON && isNominal(plainNationals(t)))
		// "the south", "the police": a description the recogniser found as a place
		// or group names its actor in this document, but is too generic to key it
		// across documents.
		m.desc = !m.pronoun && !m.nominal && isNominal(t)
		if e.Type == faultline.PERSON && !m.pronoun && !m.nominal && text != "" {
			if s := titled(text, e.Start, e.End); s != "" {
				b.titled[mi] = b.str(s)
			}
		}
		b.ments = append(b.ments, m)
		b.docSpans[sk] = mi
		b.nodes[ni].mentions = append(b.nodes[ni].mentions, mi)
	}
}

// finishNodes gives every node its type and distinct names, once every document is in.
func (b *builder) finishNodes() {
	for i := range b.nodes {
		n := &b.nodes[i]
		var types []string
		seen := map[string]bool{}
		for _, mi := range n.mentions {
			m := b.ments[mi]
			if m.typ != "" {
				types = append(types, m.typ)
			}
			if m.pronoun || m.nominal || m.desc || seen[m.text] {
				continue
			}
			seen[m.text] = true
			n.forms = append(n.forms, m.text)
		}
		n.typ = majority(types)
		sort.Strings(n.forms)
	}
}

// orphanRefs returns entities for the fact references of a document that overlap no
// entity, typed by their role: speakers are people, unless the agent noun at the head of the
// description names a body ("police said", "the herdsmen told reporters": ORG).
func (b *builder) orphanRefs(text string, ext *faultline.Extraction, ents []faultline.Entity) []faultline.Entity {
	// The entities are indexed by span (entIndex) and so are the ones added (orphanSet): a
	// document of n entities and fact ends costs O(n log n), not O(n²).
	ix := &b.entIx
	ix.Reset(ents)
	defer ix.Reset(nil)
	var out orphanSet
	valid := func(r *faultline.Ref) bool {
		return r != nil && r.Start >= 0 && r.End <= len(text) && r.Start < r.End
	}
	// ends calls f with every fact end, in the order they are added: quotes' speakers,
	// events' sources and targets, ties' ends.
	ends := func(f func(r *faultline.Ref, speaker bool)) {
		for i := range ext.Quotes {
			f(ext.Quotes[i].Speaker, true)
		}
		for i := range ext.Events {
			f(ext.Events[i].Source, false)
			f(ext.Events[i].Target, false)
		}
		for i := range ext.Ties {
			f(&ext.Ties[i].A, false)
			f(&ext.Ties[i].B, false)
		}
	}
	// starts lists the starts of the fact ends add may turn into entities.
	starts := func() []int {
		var s []int
		ends(func(r *faultline.Ref, _ bool) {
			if valid(r) {
				s = append(s, r.Start)
			}
		})
		slices.Sort(s)
		return slices.Compact(s)
	}
	// A speaker is covered only by an entity that holds the whole description ("a senior US
	// officer in Baghdad" is not the US); an event's or a tie's end by any entity it overlaps.
	covered := func(start, end int, whole bool) bool {
		if whole {
			return ix.Holds(start, end) || out.holds(start, end)
		}
		return ix.Overlaps(start, end) || out.overlaps(start, end)
	}
	add := func(r *faultline.Ref, typ string, whole bool) {
		if !valid(r) {
			return
		}
		if covered(r.Start, r.End, whole) {
			// "the governor of Nineveh", "the Iraqi prime minister": a role
			// description holding only a place or nationality is an actor of its own,
			// not the place it names.
			t, head := b.roleDescription(text[r.Start:r.End])
			if t == "" && b.capitalGovernment(text[r.Start:r.End]) != "" {
				t, head = faultline.ORG, 0 // "Damascus's government"
			}
			if t == "" || !ix.onlyAfter(r, r.Start+head) || covered(r.Start, r.Start+head, false) && !ix.modifiersOnly(text, r, head) {
				return
			}
			if out.has(r.Start, r.End) {
				return
			}
			typ = t
		}
		out.add(faultline.Entity{Span: faultline.Span{Start: r.Start, End: r.End, Text: text[r.Start:r.End]}, Type: typ}, starts)
	}
	ends(func(r *faultline.Ref, speaker bool) {
		typ := ""
		if speaker {
			typ = faultline.PERSON
			if valid(r) {
				if t := b.r.Dict.AgentType(text[r.Start:r.End]); t != "" {
					typ = t
				}
			}
		}
		add(r, typ, speaker)
	})
	return out.list
}

// roleDescription returns the type of the agent a description opening with "the", "a" or
// "an" names by its head ("the governor of Nineveh province": PERSON; "the regime in
// Damascus": ORG) and the length of its part before " of " or " in " (the whole text when
// there is none), when its words up to there are lower case but for nationalities ("the
// Iraqi prime minister"). It returns "", 0 for anything else ("the cease-fire", a name).
func (b *builder) roleDescription(s string) (typ string, head int) {
	ws := strings.Fields(s)
	if len(ws) < 2 || ws[0] != "the" && ws[0] != "The" && ws[0] != "a" && ws[0] != "an" {
		return "", 0
	}
	head = len(s)
	for _, sep := range []string{" of ", " in "} {
		if k := strings.Index(s, sep); k > 0 && k < head {
			head = k
		}
	}
	hs := strings.Fields(s[:head])
	if len(hs) < 2 {
		return "", 0
	}
	for _, w := range hs[1:] {
		if startsUpperStr(w) && actors.Demonym(w) == "" {
			return "", 0
		}
	}
	if head < len(s) && !startsUpperStr(strings.TrimSpace(s[head+4:])) {
		return "", 0 // "the head of the council": the rest is no name
	}
	return b.r.Dict.AgentType(s[:head]), head // a nil Dict falls back to actors.AgentType
}

// onlyAfter reports whether the entities overlapping r lie inside it, none of them before
// offset from except nationalities.
func onlyAfter(ents []faultline.Entity, r *faultline.Ref, from int) bool {
	for i := range ents {
		if !afterIn(&ents[i], r, from) {
			return false
		}
	}
	return true
}

// afterIn reports whether e, if it overlaps r, lies inside it, and not before offset from
// unless it is a nationality (onlyAfter's test of one entity).
func afterIn(e *faultline.Entity, r *faultline.Ref, from int) bool {
	if e.Start < r.End && r.Start < e.End {
		if e.Start < r.Start || e.End > r.End {
			return false
		}
		if e.Start < from && e.Type != faultline.NORP && actors.Demonym(e.Text) == "" {
			return false
		}
	}
	return true
}

// modifiersOnly reports whether the entities overlapping the head of r (its first head
// bytes) are nationalities ("Iraqi" in "the Iraqi prime minister").
func modifiersOnly(ents []faultline.Entity, text string, r *faultline.Ref, head int) bool {
	for _, e := range ents {
		if e.Start < r.Start+head && r.Start < e.End && actors.Demonym(text[e.Start:e.End]) == "" {
			return false
		}
	}
	return true
}

// capitalGovernment returns the ISO code of the country whose government a description
// names by its capital ("the regime in Damascus", "the government in Kabul", "Ankara's
// government"), or "" for anything else (a capital alone is a place or its state, see
// facts). The noun is one that sectors.tsv gives the government sector.
func (b *builder) capitalGovernment(s string) string {
	var noun, city string
	ws := strings.Fields(s)
	switch {
	case len(ws) >= 4 && (ws[0] == "the" || ws[0] == "The") && ws[2] == "in":
		noun, city = ws[1], strings.Join(ws[3:], " ")
	case len(ws) == 2 && (strings.HasSuffix(ws[0], "'s") || strings.HasSuffix(ws[0], "’s")):
		city, noun = strings.TrimSuffix(strings.TrimSuffix(ws[0], "'s"), "’s"), ws[1]
	default:
		return ""
	}
	if !startsUpperStr(city) || b.r.Dict == nil {
		return ""
	}
	if b.capitalOf == nil {
		b.capitalOf = map[string]*actors.Entry{}
		for i := range b.r.Dict.Entries {
			if e := &b.r.Dict.Entries[i]; e.Type == faultline.GPE && e.ISO2 != "" && e.Capital != "" && len(e.Names) > 0 {
				b.capitalOf[actors.Key(e.Capital, faultline.GPE)] = e
			}
		}
	}
	e := b.capitalOf[actors.Key(city, faultline.GPE)]
	if e == nil {
		return ""
	}
	if _, sec, ok := actors.Sector(e.Names[0] + " " + strings.ToLower(noun)); !ok || sec != "government" {
		return ""
	}
	return e.ISO2
}

func isPronoun(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "he", "his", "him", "she", "her", "hers", "they", "them", "their", "it", "its", "himself", "herself":
		return true
	}
	return false
}

// plainNationals returns s with its capitalised nationality words lower-cased ("the Iraqi
// prime minister" -> "the iraqi prime minister"), for isNominal to read a person's role
// description with a nationality.
func plainNationals(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if i > 0 && startsUpperStr(w) && actors.Demonym(w) != "" {
			ws[i] = strings.ToLower(w)
		}
	}
	return strings.Join(ws, " ")
}

// isNominal reports whether a mention is a role description ("the cleric"), not a name.
func isNominal(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return false
	}
	w := strings.ToLower(ws[0])
	if w != "the" && w != "a" && w != "an" {
		return false
	}
	for _, x := range ws[1:] {
		if r := x[0]; r >= 'A' && r <= 'Z' {
			return false
		}
	}
	return true
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

// titled returns text[start:end] with the title words written right before it ("Mr",
// "President", "Gen.", "Supreme Leader"), or "" when there are none.
func titled(text string, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	s := start
	for n := 0; n < 4; n++ {
		before := text[:s]
		trimmed := strings.TrimRight(before, " ")
		if len(trimmed) == len(before) || len(before)-len(trimmed) > 1 {
			break
		}
		k := strings.LastIndexAny(trimmed, " \n\t\"(\u201c")
		w := trimmed[k+1:]
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			break
		}
		if !actors.IsTitle(strings.ToLower(strings.TrimSuffix(w, "."))) {
			// A nationality before a title ("Iranian President").
			if s == start || actors.Demonym(w) == "" {
				break
			}
		}
		s = k + 1
	}
	if s == start {
		return ""
	}
	return text[s:end]
}

// spanMention returns the mention of document di at [start, end), if any: there is at most
// one (collect keeps the first entity of a span, names are recovered only where no mention
// is). A document asked about many times in a row is indexed (spanIndex): one with n
// mentions and as many possessive names costs O(n), not O(n²).
func (b *builder) spanMention(di, start, end int) (int, bool) {
	x := &b.spanIx
	if x.doc != di {
		x.doc, x.calls, x.spans = di, 0, nil
	}
	if x.spans == nil {
		if x.calls++; x.calls <= spanScan {
			return b.spanMentionScan(di, start, end)
		}
		x.spans = map[[2]int]int{}
		for _, ni := range b.nodesByDoc[di] {
			for _, mi := range b.nodes[ni].mentions {
				m := &b.ments[mi]
				if _, ok := x.spans[[2]int{m.start, m.end}]; !ok {
					x.spans[[2]int{m.start, m.end}] = mi
				}
			}
		}
	}
	if mi, ok := x.spans[[2]int{start, end}]; ok {
		return mi, true
	}
	return -1, false
}

// spanMentionScan is spanMention by a walk over the mentions of document di.
func (b *builder) spanMentionScan(di, start, end int) (int, bool) {
	for _, ni := range b.nodesByDoc[di] {
		for _, mi := range b.nodes[ni].mentions {
			if m := &b.ments[mi]; m.start == start && m.end == end {
				return mi, true
			}
		}
	}
	return -1, false
}

// localNode returns the node collect made in document di for the local (document-level)
// actor id local (not ""), if any.
func (b *builder) localNode(di int, local string) (int, bool) {
	for _, ni := range b.nodesByDoc[di] {
		if b.nodes[ni].local == local {
			return ni, true
		}
	}
	return -1, false
}

// slimFacts returns the facts of ext that facts reads — its events, ties, quotes and
// figures — in new memory, without the texts facts does not read (the words of a fact's
// actors and evidence, which the model gives as offsets) and with an event's place given
// its words from text when ext left them out.
func (b *builder) slimFacts(text string, ext *faultline.Extraction) *faultline.Extraction {
	out := &faultline.Extraction{}
	ref := func(r *faultline.Ref) *faultline.Ref {
		if r == nil {
			return nil
		}
		return &faultline.Ref{Span: faultline.Span{Start: r.Start, End: r.End}, Actor: b.str(r.Actor)}
	}
	span := func(s faultline.Span) faultline.Span { return faultline.Span{Start: s.Start, End: s.End} }
	if len(ext.Events) > 0 {
		out.Events = make([]faultline.Event, len(ext.Events))
	}
	for i := range ext.Events {
		e := &ext.Events[i]
		x := faultline.Event{Span: span(e.Span), Trigger: b.str(e.Trigger), Type: b.str(e.Type), Mode: b.str(e.Mode),
			CAMEO: b.str(e.CAMEO), Goldstein: e.Goldstein, Source: ref(e.Source), Target: ref(e.Target),
			Date: b.str(e.Date), DateText: b.str(e.DateText), Modality: b.str(e.Modality)}
		if e.Place != nil {
			p := span(*e.Place)
			p.Text = e.Place.Text
			if p.Text == "" && p.End <= len(text) && p.Start < p.End && p.Start >= 0 {
				p.Text = text[p.Start:p.End]
			}
			p.Text = b.str(p.Text)
			x.Place = &p
		}
		if e.Evidence != nil {
			ev := span(*e.Evidence)
			x.Evidence = &ev
		}
		out.Events[i] = x
	}
	if len(ext.Ties) > 0 {
		out.Ties = make([]faultline.Tie, len(ext.Ties))
	}
	for i := range ext.Ties {
		t := &ext.Ties[i]
		out.Ties[i] = faultline.Tie{Type: b.str(t.Type), Sign: t.Sign, A: *ref(&t.A), B: *ref(&t.B),
			Evidence: span(t.Evidence), Modality: b.str(t.Modality)}
	}
	if len(ext.Quotes) > 0 {
		out.Quotes = make([]faultline.Quote, len(ext.Quotes))
	}
	for i := range ext.Quotes {
		q := &ext.Quotes[i]
		out.Quotes[i] = faultline.Quote{Span: faultline.Span{Start: q.Start, End: q.End, Text: strings.Clone(q.Text)}, Speaker: ref(q.Speaker)}
	}
	if len(ext.Figures) > 0 {
		out.Figures = make([]faultline.Figure, len(ext.Figures))
	}
	for i := range ext.Figures {
		f := &ext.Figures[i]
		out.Figures[i] = faultline.Figure{Span: faultline.Span{Start: f.Start, End: f.End, Text: b.str(f.Text)},
			Value: f.Value, Unit: b.str(f.Unit), About: b.str(f.About)}
	}
	return out
}

func hasKey(m map[int][]string, k int) bool {
	_, ok := m[k]
	return ok
}
