package resolve

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract/coref"
	"github.com/faultline/faultline/lexicon/actors"
	"github.com/faultline/faultline/lexicon/gazetteer"
)

// Key kinds, in the order their merges are tried.
const (
	passName     = iota // folded full name within a type group
	passDict            // dictionary entry (including demonyms of its state)
	passAcronym         // an acronym and the one name it abbreviates
	passShort           // surnames, partial names and short organisation names
	passUntyped         // mentions without a type
	passTypeVote        // one multi-word name under two types: the recogniser's minority type yields
)

func (b *builder) find(i int) int {
	for b.par[i] != i {
		b.par[i] = b.par[b.par[i]]
		i = b.par[i]
	}
	return i
}

// union merges the clusters of nodes i and j when the constraints allow it.
func (b *builder) union(i, j int, pass int) bool {
	a, c := b.find(i), b.find(j)
	if a == c {
		return true
	}
	ca, cc := b.clusters[a], b.clusters[c]
	if !compatible(ca, cc, pass) {
		return false
	}
	if a > c {
		a, c = c, a
		ca, cc = cc, ca
	}
	b.par[c] = a
	merge(ca, cc)
	delete(b.clusters, c)
	return true
}

// compatible reports whether two clusters may be one actor.
func compatible(a, c *cluster, pass int) bool {
	if a.typ != "" && c.typ != "" && a.typ != c.typ && pass != passTypeVote {
		// A nationality and its state meet only through the dictionary (demonyms).
		if !(pass == passDict && (a.typ == "o" && c.typ == "g" && onlyNORP(a) || c.typ == "o" && a.typ == "g" && onlyNORP(c))) {
			return false
		}
	}
	if a.dict != "" && c.dict != "" && a.dict != c.dict {
		return false
	}
	if a.gender != "" && c.gender != "" && a.gender != c.gender {
		return false // Mr Blair is not Mrs Blair
	}
	if a.owned != "" && c.owned != "" && a.owned != c.owned {
		return false // a man's regime is not his followers
	}
	for f, k := range a.spec {
		if x, ok := c.spec[f]; ok && x != k {
			return false // Sunni insurgents are not Shiite insurgents
		}
	}
	for _, x := range a.people {
		for _, y := range c.people {
			if !actors.PersonCompatible(x, y) {
				return false
			}
		}
	}
	return true
}

func onlyNORP(c *cluster) bool {
	return c.other == 0
}

func merge(a, c *cluster) {
	if a.typ == "" || a.typ == "o" && c.typ == "g" {
		a.typ = c.typ
	}
	a.typed += c.typed
	a.other += c.other
	if a.dict == "" {
		a.dict = c.dict
	}
	if a.gender == "" {
		a.gender = c.gender
	}
	if a.owned == "" {
		a.owned = c.owned
	}
	for f, k := range c.spec {
		if a.spec == nil {
			a.spec = map[string]string{}
		}
		if _, ok := a.spec[f]; !ok {
			a.spec[f] = k
		}
	}
	if a.bare != c.bare {
		a.bare = ""
	}
	seen := map[string]bool{}
	for _, p := range a.people {
		seen[p.Key()] = true
	}
	for _, p := range c.people {
		if !seen[p.Key()] {
			a.people = append(a.people, p)
			seen[p.Key()] = true
		}
	}
	a.nodes += c.nodes
	if a.doc != c.doc {
		a.doc = -1
	}
}

// nodeKeys are the blocking keys of one node: the common ones, and the rarer ones (a node in
// ten or fewer has any) in more, nil when it has none, for a corpus has many nodes.
type nodeKeys struct {
	names   []string // "p:george w bush", "o:mahdi army"
	dict    string
	expands []string // initials of its multi-word names
	more    *moreKeys
}

// moreKeys are the rarer blocking keys of a node.
type moreKeys struct {
	acronyms  []string // "jam"
	personAcr []string // all-capital names typed as a person ("SCIRI")
	surnames  []string // single-word person names
	given     []string // single-word person names after a title that goes with given names (Sheikh Karim)
	short     []string // the core word of a one-word organisation name
	cores     []string // the core word of multi-word organisation names
	generic   []string
	untyped   []string
}

// noMoreKeys is the empty moreKeys that rare returns for a node without any: never written.
var noMoreKeys moreKeys

// rare returns the rarer keys of a node, for reading.
func (k *nodeKeys) rare() *moreKeys {
	if k.more == nil {
		return &noMoreKeys
	}
	return k.more
}

// grow returns the rarer keys of a node, for adding to.
func (k *nodeKeys) grow() *moreKeys {
	if k.more == nil {
		k.more = &moreKeys{}
	}
	return k.more
}

// cluster merges the document-level actors of the corpus.
func (b *builder) cluster() {
	n := len(b.nodes)
	b.par = make([]int, n)
	b.clusters = make(map[int]*cluster, n)
	keys := make([]nodeKeys, n)
	dom := b.dominantCountries()
	b.regions()
	for i := range b.nodes {
		b.par[i] = i
		b.clusters[i] = b.nodeCluster(i, dom[b.nodes[i].doc], &keys[i])
	}
	// Pass 1: full names; pass 2: dictionary entries.
	bucket := func(get func(k *nodeKeys) []string, pass int) {
		idx := map[string][]int{}
		var order []string
		for i := range keys {
			for _, key := range get(&keys[i]) {
				if _, ok := idx[key]; !ok {
					order = append(order, key)
				}
				idx[key] = append(idx[key], i)
			}
		}
		sort.Strings(order)
		for _, key := range order {
			ids := idx[key]
			for _, j := range ids[1:] {
				b.union(ids[0], j, pass)
			}
			// A node refused by the first may still join a later one of the bucket.
		}
	}
	bucket(func(k *nodeKeys) []string { return k.names }, passName)
	bucket(func(k *nodeKeys) []string {
		if k.dict == "" {
			return nil
		}
		return []string{k.dict}
	}, passDict)

	// Pass 3: acronyms to the one cluster whose name they abbreviate.
	exp := map[string][]int{}
	for i := range keys {
		for _, x := range keys[i].expands {
			exp[x] = append(exp[x], i)
		}
	}
	for i := range keys {
		for _, a := range keys[i].rare().acronyms {
			if r := b.unique(exp[a], i); r >= 0 {
				b.union(r, i, passAcronym)
			}
		}
	}
	// An acronym the recogniser typed as a person ("SCIRI") is the one organisation it
	// abbreviates or that is called so.
	acrIdx := map[string][]int{}
	for i := range keys {
		for _, a := range keys[i].rare().acronyms {
			acrIdx[a] = append(acrIdx[a], i)
		}
	}
	for i := range keys {
		for _, a := range keys[i].rare().personAcr {
			cands := append(exp[a][:len(exp[a]):len(exp[a])], acrIdx[a]...)
			if r := b.unique(cands, i); r >= 0 {
				b.union(r, i, passTypeVote)
			}
		}
	}

	// Pass 4: surnames and partial names to the one person cluster that fits; a short
	// organisation name to the one organisation whose distinctive word it is.
	bySurname := map[string][]int{}
	byFirst := map[string][]int{}
	// For partial names: same surname and first initial, or a tail of a longer name.
	bySurnameInitial := map[string][]int{}
	bySuffix := map[string][]int{}
	byWord := map[string][]int{}
	for i := range keys {
		nd := &b.nodes[i]
		for _, f := range nd.forms {
			name := b.parse(f, nd.typ)
			if typeGroup(nd.typ) == "p" && len(name.Words) >= 2 && actors.Acronym(f) == "" {
				bySurname[name.Last()] = append(bySurname[name.Last()], i)
				byFirst[name.Words[0]] = append(byFirst[name.Words[0]], i)
				si := name.Last() + "|" + name.Words[0][:1]
				bySurnameInitial[si] = append(bySurnameInitial[si], i)
				for k := 1; k+2 <= len(name.Words); k++ {
					sk := strings.Join(name.Words[k:], " ")
					bySuffix[sk] = append(bySuffix[sk], i)
				}
			}
		}
		for _, c := range keys[i].rare().cores {
			byWord[c] = append(byWord[c], i)
		}
	}
	// Multi-word organisation names with one core word ("Badr Corps", "Badr militia"),
	// unless the word is a place of the corpus ("Nineveh provincial council").
	// A word is a place when the corpus uses it as a place at least as often as inside
	// organisation names (the recogniser may type "Badr" as a place now and then).
	placeN := map[string]int{}
	orgN := map[string]int{}
	for i := range b.nodes {
		if tg := typeGroup(b.nodes[i].typ); tg == "g" {
			for _, f := range b.nodes[i].forms {
				placeN[actors.Key(f, faultline.GPE)] += len(b.nodes[i].mentions)
			}
		}
		for _, c := range keys[i].rare().cores {
			orgN[c] += len(b.nodes[i].mentions)
		}
		for _, c := range keys[i].rare().short {
			orgN[c] += len(b.nodes[i].mentions)
		}
	}
	places := map[string]bool{}
	for c, n := range placeN {
		if n >= orgN[c] {
			places[c] = true
		}
	}
	for c := range places {
		delete(byWord, c)
	}
	{
		var order []string
		for c := range byWord {
			order = append(order, c)
		}
		sort.Strings(order)
		for _, c := range order {
			ids := byWord[c]
			for _, j := range ids[1:] {
				if !actors.GenericConflict(keys[ids[0]].rare().generic, keys[j].rare().generic) {
					b.union(ids[0], j, passShort)
				}
			}
		}
	}
	for i := range keys {
		for _, s := range keys[i].rare().surnames {
			if len(bySurname[s]) > 0 {
				if r := b.unique(bySurname[s], i); r >= 0 {
					b.union(r, i, passShort)
				} else if r := b.incumbent(bySurname[s], i); r >= 0 {
					b.union(r, i, passShort)
				}
			} else if r := b.unique(b.sameDoc(byFirst[s], i), i); r >= 0 {
				// A lone given name joins the one person of its document with it, or
				// the one named in full in several documents ("Saddam").
				b.union(r, i, passShort)
			} else if r := b.unique(b.prominent(byFirst[s]), i); r >= 0 {
				b.union(r, i, passShort)
			}
		}
		for _, s := range keys[i].rare().given {
			if r := b.unique(byFirst[s], i); r >= 0 {
				b.union(r, i, passShort)
			}
		}
		for _, s := range keys[i].rare().short {
			if places[s] {
				continue
			}
			if people := append(bySurname[s][:len(bySurname[s]):len(bySurname[s])], byFirst[s]...); len(people) > 0 && b.clusters[b.find(i)].bare == s {
				// A one-word "organisation" that is a name of a person of the corpus
				// ("Saddam") is that person, not a group named after him.
				if r := b.unique(people, i); r >= 0 && b.union(r, i, passTypeVote) {
					for _, mi := range b.nodes[i].mentions {
						b.ments[mi].typ = faultline.PERSON
					}
				}
				continue
			}
			cands := byWord[s]
			if b.bareName(i) == s {
				cands = b.unowned(cands) // "Saddam" is not "Saddam’s regime"
			}
			if r := b.unique(cands, i); r >= 0 {
				b.union(r, i, passShort)
			}
		}
	}
	b.shortenings()
	// Partial person names: "George Bush" joins the one compatible longer name. Each
	// cluster with a single person name is tried once; candidates are deduplicated by
	// cluster, and the search stops at the second fit.
	done := map[int]bool{}
	for i := range keys {
		r := b.find(i)
		if done[r] || len(b.clusters[r].people) != 1 {
			continue
		}
		done[r] = true
		p := b.clusters[r].people[0]
		fit, n := -1, 0
		var fits []int
		seen := map[int]bool{}
		cands := bySurnameInitial[p.Last()+"|"+p.Words[0][:1]]
		if len(p.Words) >= 2 {
			cands = append(cands[:len(cands):len(cands)], bySuffix[p.Key()]...)
		}
		for _, j := range cands {
			rj := b.find(j)
			if rj == r || seen[rj] {
				continue
			}
			seen[rj] = true
			for _, q := range b.clusters[rj].people {
				if len(q.Words) > len(p.Words) && actors.PersonCompatible(p, q) {
					fit, n = rj, n+1
					fits = append(fits, rj)
					break
				}
			}
			if n > 8 {
				break
			}
		}
		if n == 1 {
			b.union(fit, r, passShort)
		} else if n > 1 {
			// "George Bush" in a 2006 report: the one who held office then.
			if x := b.incumbent(fits, i); x >= 0 {
				b.union(x, r, passShort)
			}
		}
	}
	b.groupDescriptions()
	// Groups that belong to one actor ("Saddam’s regime", "the Saddam Hussein
	// government"; "followers of Moqtada al-Sadr", "Sadr’s movement") are one group.
	defer b.possessed(keys)
	// Pass 6 (below pass 5 in code order, after it in effect): a multi-word name the
	// recogniser typed two ways ("Moqtada al-Sadr" as a person and, once, a place) is one
	// actor when one type has at least twice the mentions of the other.
	defer b.typeVote(keys)
	// Pass 5: untyped mentions to the one typed cluster of the same name.
	anyKey := map[string][]int{}
	for i := range keys {
		for _, k := range keys[i].names {
			anyKey[k[2:]] = append(anyKey[k[2:]], i)
		}
		for _, s := range keys[i].rare().surnames {
			anyKey[s] = append(anyKey[s], i)
		}
	}
	for i := range keys {
		for _, u := range keys[i].rare().untyped {
			if r := b.unique(anyKey[u], i); r >= 0 {
				b.union(r, i, passUntyped)
			} else if r := b.unique(bySurname[u], i); r >= 0 {
				b.union(r, i, passUntyped)
			}
		}
	}
}

// nodeCluster returns the cluster node i starts as and sets k to its blocking keys; dc is
// the ISO code of the country its document is about (dominantCountries), or "".
func (b *builder) nodeCluster(i int, dc string, k *nodeKeys) *cluster {
	nd := &b.nodes[i]
	tg := typeGroup(nd.typ)
	c := &cluster{typ: tg, nodes: 1, doc: nd.doc}
	for _, mi := range nd.mentions {
		if t := b.ments[mi].typ; t != "" && !b.ments[mi].pronoun {
			c.typed++
			if t != faultline.NORP {
				c.other++
			}
		}
	}
	if nd.people != "" {
		// A population ("most Iraqis"): one actor per nationality, never its state.
		c.typ = "o"
		k.names = append(k.names, "people:"+nd.people)
		return c
	}
	if tg == "o" {
		c.owned = b.ownedClass(i)
		c.bare = b.bareName(i)
		if f, id := b.groupSpecific(i); f != "" {
			c.spec = map[string]string{f: id}
			k.names = append(k.names, "grp:"+f+":"+id)
		} else if f := b.groupGeneric(i); f != "" {
			k.names = append(k.names, "grp:"+f)
		}
	}
	if tg == "g" {
		// "the south" of a document about Iraq is "southern Iraq"
		for _, t := range b.descriptionTexts(i) {
			if rk := b.regionKey(t, dc, nd.doc); rk != "" && !slices.Contains(k.names, rk) {
				k.names = append(k.names, rk)
			}
		}
	}
	// "the police" in a document about one country: that country's police, keyed
	// as "<nationality> police" is, and not by the bare words, which other
	// documents use for other countries' police.
	var secs []string
	if dc != "" && tg == "o" {
		for _, sec := range b.stateSectors(i) {
			k.names = append(k.names, "sec:"+dc+":"+sec)
			secs = append(secs, sec)
		}
	}
	if tg == "o" {
		// "the regime in Damascus" is "the Syrian government".
		for _, f := range nd.forms {
			if iso := b.capitalGovernment(f); iso != "" && !slices.Contains(k.names, "sec:"+iso+":government") {
				k.names = append(k.names, "sec:"+iso+":government")
				secs = append(secs, "government")
			}
		}
	}
	if len(secs) > 0 {
		return c // keyed by its sector alone
	}
	for _, f := range nd.forms {
		acr := actors.Acronym(f)
		name := b.parse(f, nd.typ)
		key := name.Key()
		if g := actors.Gender(name.Titles); g != "" && tg == "p" {
			c.gender = g
		}
		if key == "" {
			continue
		}
		switch {
		case tg == "":
			k.grow().untyped = append(k.grow().untyped, key)
		case tg == "p" && acr == "":
			if len(name.Words) >= 2 {
				k.names = append(k.names, "p:"+key)
				c.people = append(c.people, name)
			} else if actors.GivenNameTitle(name.Titles) {
				k.grow().given = append(k.grow().given, key)
			} else {
				k.grow().surnames = append(k.grow().surnames, key)
			}
		default:
			k.names = append(k.names, tg+":"+key)
			if pk := actors.PlainKey(f, nd.typ); pk != "" && len(name.Words) >= 2 {
				k.names = append(k.names, tg+":"+pk)
			}
			if ck := actors.CoreKey(f, nd.typ); ck != "" {
				k.names = append(k.names, tg+":"+ck)
			}
			if i := strings.LastIndex(f, " in "); tg == "o" && i > 0 && !strings.Contains(f[i+4:], " ") && startsUpper(f[i+4:]) {
				// "the Ministry of Defence in London" is the ministry; "Al Qaeda in
				// Iraq" the organisation working there
				if pk := actors.Key(f[:i], nd.typ); pk != "" {
					k.names = append(k.names, tg+":"+pk)
				}
			}
			if ws := strings.Fields(f); len(ws) >= 2 && len(ws[len(ws)-1]) > 5 && strings.HasSuffix(ws[len(ws)-1], "ism") {
				// "Iraqi nationalism" is the movement of the Iraqi nationalists
				ws[len(ws)-1] = strings.TrimSuffix(ws[len(ws)-1], "ism") + "ists"
				if ik := actors.Key(strings.Join(ws, " "), nd.typ); ik != "" {
					k.names = append(k.names, tg+":"+ik)
				}
			}
			if i := strings.IndexByte(f, '('); i > 0 {
				// "Quds (Jerusalem) Force": the name without its gloss.
				if j := strings.IndexByte(f[i:], ')'); j > 0 {
					if pk := actors.Key(f[:i]+f[i+j+1:], nd.typ); pk != "" {
						k.names = append(k.names, tg+":"+pk)
					}
				}
			}
			if u := unitName(f); tg == "o" && u != "" {
				// "IRGC Quds Force" is the unit "Quds Force".
				if pk := actors.Key(u, nd.typ); pk != "" {
					k.names = append(k.names, tg+":"+pk)
				}
			}
			if nat, sec, ok := actors.Sector(f); ok && tg == "o" {
				k.names = append(k.names, "sec:"+b.countryCode(nat)+":"+sec)
			}
		}
		if acr != "" && tg != "p" {
			k.grow().acronyms = append(k.grow().acronyms, acr)
		}
		if acr != "" && tg == "p" && len(f) >= 3 && strings.ToUpper(f) == f {
			k.grow().personAcr = append(k.grow().personAcr, acr)
		}
		if acr == "" && tg != "p" && len(name.Words) >= 2 {
			k.expands = append(k.expands, actors.Initials(f)...)
		}
		// Followers named after a party or a man ("Baathists", "Sadrists"), typed
		// as a community, join the one organisation of that word too.
		followers := nd.typ == faultline.NORP && (strings.HasSuffix(f, "ists") || strings.HasSuffix(f, "ites")) && !strings.Contains(f, " ")
		if (nd.typ == faultline.ORG || nd.typ == "" || followers) && acr == "" {
			c, gen := actors.OrgCore(f)
			if followers && communities[c] {
				c = "" // "Shiites": a community, not a party's followers
			}
			if c != "" {
				if len(name.Words) == 1 {
					k.grow().short = append(k.grow().short, c)
				} else if nd.typ == faultline.ORG {
					k.grow().cores = append(k.grow().cores, c)
					k.grow().generic = gen
				}
			}
		}
		// A one-word name matches too many dictionary entries of other places
		// ("Badr": the Iraqi militia, a Pakistani group, an Egyptian town) to be a
		// constraint; countries, acronyms and longer names are.
		if d := b.dictEntry(f, nd.typ); d != nil && k.dict == "" && (len(name.Words) >= 2 || acr != "" || d.Type == faultline.GPE) {
			k.dict = d.ID
			c.dict = d.ID
		}
	}
	return c
}

// unique returns a node of the one cluster among cands other than i's, or -1 when there is
// none or more than one.
func (b *builder) unique(cands []int, i int) int {
	self := b.find(i)
	found := -1
	for _, j := range cands {
		r := b.find(j)
		if r == self {
			continue
		}
		if found >= 0 && r != found {
			return -1
		}
		found = r
	}
	return found
}

// dictEntry returns the dictionary entry for a name of a type: by its name, or, for a
// nationality ("Iranians"), its state. Entries of another type group are ignored.
func (b *builder) dictEntry(name, typ string) *actors.Entry {
	k := [2]string{name, typ}
	if e, ok := b.dictMemo[k]; ok {
		return e
	}
	e := b.dictEntry1(name, typ)
	b.dictMemo[k] = e
	return e
}

func (b *builder) dictEntry1(name, typ string) *actors.Entry {
	d := b.r.Dict
	if d == nil {
		return nil
	}
	tg := typeGroup(typ)
	if tg == "o" || tg == "g" || tg == "" {
		if iso := actors.Demonym(name); iso != "" && (typ == faultline.NORP || typ == "" || typ == faultline.GPE) {
			if c := d.Country(iso); c != nil {
				return c
			}
		}
		// "the Iraqi state": the country as a polity.
		if ws := strings.Fields(name); len(ws) == 2 && strings.EqualFold(ws[1], "state") {
			if iso := actors.Demonym(ws[0]); iso != "" {
				if c := d.Country(iso); c != nil {
					return c
				}
			}
		}
	}
	e := d.Lookup(name, typ)
	if e == nil {
		return nil
	}
	et := typeGroup(e.Type)
	if tg != "" && et != tg && !(et == "o" && tg == "o") {
		return nil
	}
	return e
}

// countryCode returns the ISO code of a nationality or country word ("iranian", "us"), or
// the folded word when it is not known.
func (b *builder) countryCode(w string) string {
	if iso := actors.Demonym(w); iso != "" {
		return iso
	}
	if b.r.Dict != nil {
		if e := b.r.Dict.Lookup(w, faultline.GPE); e != nil && e.ISO2 != "" {
			return e.ISO2
		}
	}
	return actors.Fold(w)
}

// parse is actors.ParseName, memoised: the same names recur across a corpus.
func (b *builder) parse(name, typ string) actors.Name {
	k := [2]string{name, typ}
	if n, ok := b.nameMemo[k]; ok {
		return n
	}
	n := actors.ParseName(name, typ)
	b.nameMemo[k] = n
	return n
}

// incumbent chooses among the clusters of cands (several people a name could be) the one
// whose dictionary entry held an office (a dated leader_of tie) at the date of node i's
// document: the press names the incumbent by surname. It returns -1 when the date is
// unknown or not exactly one cluster fits.
func (b *builder) incumbent(cands []int, i int) int {
	if b.r.Dict == nil {
		return -1
	}
	date := b.docs[b.nodes[i].doc].Date
	if len(date) < 4 {
		return -1
	}
	lo, hi := dateRange(date)
	found := -1
	seen := map[int]bool{}
	self := b.find(i)
	for _, j := range cands {
		r := b.find(j)
		if r == self || seen[r] {
			continue
		}
		seen[r] = true
		id := b.clusters[r].dict
		if id == "" {
			continue
		}
		for _, t := range b.r.Dict.TiesOf(id) {
			if t.Type == "leader_of" && (t.From == "" || t.From <= hi) && (t.To == "" || t.To >= lo) && t.From != "" {
				if found >= 0 && found != r {
					return -1
				}
				found = r
				break
			}
		}
	}
	return found
}

// dateRange returns the first and last day a date of the form YYYY, YYYY-MM or YYYY-MM-DD
// covers, as YYYY-MM-DD strings.
func dateRange(d string) (string, string) {
	switch len(d) {
	case 4:
		return d + "-01-01", d + "-12-31"
	case 7:
		return d + "-01", d + "-31"
	}
	return d, d
}

// typeVote merges clusters that share a multi-word name key under different type groups
// into the one with at least twice their mentions.
func (b *builder) typeVote(keys []nodeKeys) {
	byKey := map[string][]int{}
	var order []string
	for i := range keys {
		for _, k := range keys[i].names {
			if len(k) < 3 || k[1] != ':' || !strings.Contains(k[2:], " ") {
				continue
			}
			if _, ok := byKey[k[2:]]; !ok {
				order = append(order, k[2:])
			}
			byKey[k[2:]] = append(byKey[k[2:]], i)
		}
	}
	sort.Strings(order)
	size := func(r int) int {
		return b.clusters[r].typed
	}
	for _, k := range order {
		roots := map[int]bool{}
		var rs []int
		for _, i := range byKey[k] {
			if r := b.find(i); !roots[r] {
				roots[r] = true
				rs = append(rs, r)
			}
		}
		if len(rs) < 2 {
			continue
		}
		sort.Slice(rs, func(x, y int) bool {
			if size(rs[x]) != size(rs[y]) {
				return size(rs[x]) > size(rs[y])
			}
			return rs[x] < rs[y]
		})
		big := rs[0]
		for _, r := range rs[1:] {
			if b.clusters[b.find(r)] == nil || b.find(r) == b.find(big) {
				continue
			}
			if size(b.find(big)) >= 2*size(b.find(r)) && b.clusters[b.find(r)].typ != b.clusters[b.find(big)].typ {
				b.union(big, r, passTypeVote)
			}
		}
	}
}

// sameDoc returns the candidates in the document of node i.
func (b *builder) sameDoc(cands []int, i int) []int {
	var out []int
	for _, j := range cands {
		if b.nodes[j].doc == b.nodes[i].doc {
			out = append(out, j)
		}
	}
	return out
}

// possessed merges the group nodes whose names say they belong to the same actor, of the
// same kind (coref.Possessor): run after the people are resolved.
func (b *builder) possessed(keys []nodeKeys) {
	idx := map[string][]int{}
	var order []string
	var person map[string]int    // full person name key -> a node with it
	var secNode map[string]int   // sector key -> a node with it
	led := map[string][]ledGov{} // owner key -> mentions of his government while he led
	outside := map[string]bool{} // owner key -> a government of his dated outside his rule
	personNode := func(key string) int {
		if person == nil {
			person = map[string]int{}
			for i := range keys {
				for _, k := range keys[i].names {
					if strings.HasPrefix(k, "p:") {
						if _, ok := person[k[2:]]; !ok {
							person[k[2:]] = i
						}
					}
				}
			}
		}
		if j, ok := person[key]; ok {
			return j
		}
		return -1
	}
	for i := range b.nodes {
		nd := &b.nodes[i]
		if tg := typeGroup(nd.typ); tg != "o" {
			continue
		}
		for _, mi := range nd.mentions {
			m := b.ments[mi]
			if m.pronoun || m.nominal {
				continue
			}
			p, ok := coref.Possessor(m.text)
			if !ok {
				continue
			}
			pm, ok := b.spanMention(m.doc, m.start+p.Start, m.start+p.End)
			if !ok && p.Bare {
				// "the Saddam Hussein regime" in a document that names him nowhere
				// else: the owner is a person the corpus names in full.
				who := m.text[p.Start:p.End]
				if j := personNode(b.parse(who, faultline.PERSON).Key()); j >= 0 && strings.Contains(who, " ") {
					b.addRecovered(m.doc, m.start+p.Start, m.start+p.End, who, faultline.PERSON, b.find(j))
					pm, ok = len(b.ments)-1, true
					b.spanIx.added(m.doc, m.start+p.Start, m.start+p.End, pm)
				}
			}
			if !ok {
				continue
			}
			owner := b.find(b.ments[pm].node)
			key := p.Class + ":" + strconv.Itoa(owner)
			if p.Class == "gov" {
				switch iso, dated := b.ledCountry(owner, m.doc); {
				case iso != "" && ledNoun(m.text):
					led[key] = append(led[key], ledGov{i, iso})
				case iso == "" && dated:
					outside[key] = true
				}
			}
			if _, ok := idx[key]; !ok {
				order = append(order, key)
			}
			idx[key] = append(idx[key], i)
		}
	}
	for _, key := range order {
		ids := idx[key]
		for _, j := range ids[1:] {
			b.union(ids[0], j, passName)
		}
	}
	// "Maliki's government" while he leads Iraq is the Iraqi government, unless the
	// corpus also gives him a government at a date he did not lead it.
	for _, key := range order {
		gs := led[key]
		if len(gs) == 0 || outside[key] {
			continue
		}
		iso := gs[0].iso
		for _, g := range gs[1:] {
			if g.iso != iso {
				iso = ""
			}
		}
		if iso == "" {
			continue
		}
		if secNode == nil {
			secNode = map[string]int{}
			for j := range keys {
				for _, k := range keys[j].names {
					if _, ok := secNode[k]; !ok && strings.HasPrefix(k, "sec:") {
						secNode[k] = j
					}
				}
			}
		}
		if j, ok := secNode["sec:"+iso+":government"]; ok {
			b.union(j, gs[0].node, passName)
		}
	}
}

// ledGov is a mention of a leader's government ("Maliki's government") in node, in a
// document dated while he led the country iso.
type ledGov struct {
	node int
	iso  string
}

// bareName returns the person key of node i when all its names are that one word
// ("Saddam"), else "".
func (b *builder) bareName(i int) string {
	key := ""
	for _, f := range b.nodes[i].forms {
		n := b.parse(f, faultline.PERSON)
		if len(n.Words) != 1 || key != "" && n.Key() != key {
			return ""
		}
		key = n.Key()
	}
	return key
}

// unowned returns the candidates whose cluster is not a group named by its owner
// ("Saddam’s regime"): a one-word name is the owner, not the group.
func (b *builder) unowned(cands []int) []int {
	var out []int
	for _, j := range cands {
		if b.clusters[b.find(j)].owned == "" {
			out = append(out, j)
		}
	}
	return out
}

// ownedClass returns the kind of group node i is when one of its names holds a mention
// of its owner ("Saddam" in "Saddam’s regime"), or "".
func (b *builder) ownedClass(i int) string {
	for _, mi := range b.nodes[i].mentions {
		m := b.ments[mi]
		if m.pronoun || m.nominal {
			continue
		}
		if p, ok := coref.Possessor(m.text); ok {
			if _, ok := b.spanMention(m.doc, m.start+p.Start, m.start+p.End); ok {
				return p.Class
			}
		}
	}
	return ""
}

// shortenings merges a capitalised organisation name of two or more words, ending with an
// organisation's head word ("Council", "Army"), into the one
// organisation cluster with a longer name that has its words in the same order ("Supreme
// Council" of "Supreme Council for the Islamic Revolution in Iraq", "Islamic Supreme
// Council" of "Islamic Supreme Council of Iraq"). Longer names are found through the
// rarest word of the short name, so the cost stays near-linear.
func (b *builder) shortenings() {
	type form struct {
		node  int
		words []string
		head  string // the last word, lower case, not folded
	}
	var forms []form
	byWord := map[string][]int{} // word -> indexes into forms
	for i := range b.nodes {
		nd := &b.nodes[i]
		if nd.typ != faultline.ORG {
			continue
		}
		for _, f := range nd.forms {
			if actors.Acronym(f) != "" {
				continue
			}
			n := b.parse(f, nd.typ)
			ws := n.Words
			if len(ws) < 2 || len(n.Raw) == 0 {
				continue
			}
			k := len(forms)
			forms = append(forms, form{i, ws, n.Raw[len(n.Raw)-1]})
			seen := map[string]bool{}
			for _, w := range ws {
				if !seen[w] {
					seen[w] = true
					byWord[w] = append(byWord[w], k)
				}
			}
		}
	}
	heads := orgHeads()
	for _, f := range forms {
		text := b.nodes[f.node].forms
		if !properName(text, b.parse, f.words) || !heads[f.head] {
			continue // not "Islamic Revolution" of "… for the Islamic Revolution in Iraq"
		}
		rare := f.words[0]
		for _, w := range f.words[1:] {
			if len(byWord[w]) < len(byWord[rare]) {
				rare = w
			}
		}
		if len(byWord[rare]) > 200 {
			continue
		}
		var cands []int
		for _, k := range byWord[rare] {
			g := forms[k]
			if len(g.words) > len(f.words) && subsequence(f.words, g.words) {
				cands = append(cands, g.node)
			}
		}
		if r := b.unique(cands, f.node); r >= 0 {
			b.union(r, f.node, passShort)
		}
	}
}

// properName reports whether one of the forms with the given words is written as a proper
// name: every word capitalised but the connectors.
func properName(forms []string, parse func(string, string) actors.Name, words []string) bool {
	for _, f := range forms {
		if strings.Join(parse(f, faultline.ORG).Words, " ") != strings.Join(words, " ") {
			continue
		}
		ok := true
		for _, w := range strings.Fields(f) {
			if !startsUpperStr(w) && !connector[strings.ToLower(w)] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// communities are the religious, ethnic and political group words (Shiites, Sunnis).
var communities = gazetteer.Groups()

var orgHeads = sync.OnceValue(gazetteer.OrgHeads)

var connector = map[string]bool{"of": true, "for": true, "the": true, "in": true, "and": true, "on": true}

// subsequence reports whether the words of a appear in b in the same order.
func subsequence(a, b []string) bool {
	i := 0
	for _, w := range b {
		if i < len(a) && a[i] == w {
			i++
		}
	}
	return i == len(a)
}

// prominent returns the candidates whose cluster is named in more than one document.
func (b *builder) prominent(cands []int) []int {
	var out []int
	for _, j := range cands {
		if b.clusters[b.find(j)].doc < 0 {
			out = append(out, j)
		}
	}
	return out
}

// unitName returns the name of a unit named with its parent's acronym before it ("Quds
// Force" of "IRGC Quds Force"), or "".
func unitName(name string) string {
	ws := strings.Fields(name)
	if len(ws) >= 3 && actors.Acronym(ws[0]) != "" && startsUpperStr(ws[1]) {
		return strings.Join(ws[1:], " ")
	}
	return ""
}

// ledNoun reports whether a group's name ends in a noun for a government of the day
// ("government", "cabinet"), which a state has under each of its leaders; a "regime" or
// an "administration" is the leader's own.
func ledNoun(name string) bool {
	ws := strings.Fields(strings.ToLower(name))
	return len(ws) > 0 && (ws[len(ws)-1] == "government" || ws[len(ws)-1] == "cabinet")
}

// ledCountry returns the ISO code of the country the person of cluster r led (a dated
// leader_of tie of its dictionary entry) at the date of document doc, or "". dated is
// false when that cannot be told (no date, no dictionary entry).
func (b *builder) ledCountry(r, doc int) (iso string, dated bool) {
	c := b.clusters[r]
	if b.r.Dict == nil || c == nil || c.dict == "" || c.typ != "p" || doc >= len(b.docs) || len(b.docs[doc].Date) < 4 {
		return "", false
	}
	lo, hi := dateRange(b.docs[doc].Date)
	for _, t := range b.r.Dict.TiesOf(c.dict) {
		if t.Type != "leader_of" || t.From == "" || t.From > hi || t.To != "" && t.To < lo {
			continue
		}
		e := b.r.Dict.Entry(t.B)
		if e == nil || e.Type != faultline.GPE || e.ISO2 == "" || iso != "" && iso != e.ISO2 {
			return "", true
		}
		iso = e.ISO2
	}
	return iso, true
}

// startsUpper reports whether s begins with an upper-case ASCII letter.
func startsUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }
