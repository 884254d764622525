package resolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract/coref"
	"github.com/faultline/faultline/lexicon/actors"
)

// actorsOut turns the clusters into actors with canonical names and ids.
func (b *builder) actorsOut() {
	byRoot := map[int]*actorOut{}
	var roots []int
	for i := range b.nodes {
		r := b.find(i)
		a, ok := byRoot[r]
		if !ok {
			a = &actorOut{roles: map[string]bool{}, dict: b.clusters[r].dict}
			byRoot[r] = a
			roots = append(roots, r)
		}
		a.mentions = append(a.mentions, b.nodes[i].mentions...)
		for _, r := range b.nodeRoles[i] {
			a.roles[r] = true
		}
	}
	for i := range b.ments {
		b.ments[i].actor = -1
	}
	for _, r := range roots {
		a := byRoot[r]
		named := false
		for _, mi := range a.mentions {
			if !b.ments[mi].pronoun {
				named = true
				break
			}
		}
		if !named {
			continue // only pronouns that coreference could not resolve: no actor
		}
		b.finishActor(a)
		if a.typ == "" {
			continue // neither a name nor a description of an actor ("the cease-fire")
		}
		b.actors = append(b.actors, a)
	}
	b.assignIDs()
}

// finishActor computes an actor's type, canonical name, country and roles from its
// mentions and dictionary entry.
func (b *builder) finishActor(a *actorOut) {
	sort.Slice(a.mentions, func(i, j int) bool { return b.less(a.mentions[i], a.mentions[j]) })
	var types, texts []string
	for _, mi := range a.mentions {
		m := b.ments[mi]
		if m.typ != "" && !m.pronoun && !m.nominal {
			types = append(types, m.typ)
		}
		if !m.pronoun && !m.nominal {
			texts = append(texts, m.text)
		}
		if m.nominal {
			a.roles[strings.ToLower(strings.Join(strings.Fields(m.text)[1:], " "))] = true
		}
	}
	a.typ = majority(types)
	var e *actors.Entry
	if b.r.Dict != nil && a.dict != "" {
		e = b.r.Dict.Entry(a.dict)
	}
	if e != nil && e.Type == faultline.GPE && e.ISO2 != "" {
		a.typ = faultline.GPE
	}
	if a.typ == "" {
		a.typ = b.untypedType(a, e)
	}
	if a.typ == faultline.PERSON {
		for _, t := range texts {
			n := actors.ParseName(t, faultline.PERSON)
			var ws []string
			for _, w := range n.Titles {
				if actors.IsTitle(w) {
					ws = append(ws, w)
				}
			}
			if len(ws) > 0 {
				a.roles[strings.Join(ws, " ")] = true
			}
		}
	}
	switch {
	case e != nil && e.Type == faultline.GPE && e.ISO2 != "":
		a.canonical = e.Names[0]
	case len(texts) > 0:
		a.canonical = coref.Canonical(texts, a.typ)
	case len(a.mentions) > 0:
		a.canonical = b.ments[a.mentions[0]].text
	}
	if e == nil && b.r.Dict != nil {
		// A population is linked to its state by its country, not merged into it.
		for _, mi := range a.mentions {
			if iso := b.people[mi]; iso != "" {
				if c := b.r.Dict.Country(iso); c != nil {
					a.country = c.Country
				}
				break
			}
		}
	}
	if e != nil {
		a.country = e.Country
		for _, t := range b.r.Dict.TiesOf(e.ID) {
			a.roles[fmt.Sprintf("%s %s %s..%s (dictionary)", t.Type, t.B, t.From, t.To)] = true
		}
	}
}

// less orders mentions by document, then offset.
func (b *builder) less(i, j int) bool {
	x, y := b.ments[i], b.ments[j]
	if x.doc != y.doc {
		return x.doc < y.doc
	}
	if x.start != y.start {
		return x.start < y.start
	}
	return x.end < y.end
}

// assignIDs gives every actor the slug of its canonical name; when two share a slug, the
// one mentioned first keeps it and the others get -2, -3…
func (b *builder) assignIDs() {
	for _, a := range b.actors {
		a.id = actors.Slug(a.canonical)
	}
	sort.SliceStable(b.actors, func(i, j int) bool {
		si, sj := b.actors[i].id, b.actors[j].id
		if si != sj {
			return si < sj
		}
		if len(b.actors[i].mentions) == 0 || len(b.actors[j].mentions) == 0 {
			return len(b.actors[i].mentions) > len(b.actors[j].mentions)
		}
		return b.less(b.actors[i].mentions[0], b.actors[j].mentions[0])
	})
	used := map[string]bool{}
	b.byID = map[string]int{}
	b.renamed = map[string]string{}
	for i, a := range b.actors {
		a.id = b.freeID(a.id, used)
		b.byID[a.id] = i
		for _, mi := range a.mentions {
			b.ments[mi].actor = i
		}
	}
}

func (b *builder) freeID(base string, used map[string]bool) string {
	id := base
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	used[id] = true
	return id
}

// facts restates events, ties, quotes and figures in actor ids. A capital city (or
// "Washington") that acts in a fact — an event's source or non-violent target, an end of a
// tie other than a place, a quote's speaker — stands for its state when the state is an
// actor of the corpus: its mention moves to the state.
func (b *builder) facts() {
	b.m = &faultline.Model{Schema: faultline.Schema, Documents: []faultline.DocumentRef{}, Actors: []faultline.Actor{},
		Ties: []faultline.ModelTie{}, Events: []faultline.ModelEvent{}, Quotes: []faultline.ModelQuote{},
		Figures: []faultline.ModelFigure{}, Paradoxes: []faultline.Paradox{}}
	byDoc := map[int][]int{}
	for mi, m := range b.ments {
		byDoc[m.doc] = append(byDoc[m.doc], mi)
	}
	capitals := b.capitals()
	moved := map[int]int{} // mention -> new actor
	ref := func(di int, r *faultline.Ref, acting bool) string {
		if r == nil {
			return ""
		}
		// The documents are read in order: a document of many mentions and facts costs
		// spanMention one lookup a fact's end, not a walk over its mentions.
		mi, ok := b.spanMention(di, r.Start, r.End)
		if !ok {
			best, bestOv := -1, 0
			for _, j := range byDoc[di] {
				m := b.ments[j]
				ov := min(m.end, r.End) - max(m.start, r.Start)
				if ov > bestOv {
					best, bestOv = j, ov
				}
			}
			mi = best
		}
		if mi < 0 {
			if r.Actor != "" {
				if ni, ok := b.localNode(di, r.Actor); ok && len(b.nodes[ni].mentions) > 0 {
					mi = b.nodes[ni].mentions[0]
				}
			}
			if mi < 0 {
				return ""
			}
		}
		if to, ok := moved[mi]; ok {
			return b.actors[to].id
		}
		a := b.ments[mi].actor
		if a < 0 {
			return ""
		}
		if acting && b.actors[a].typ == faultline.GPE {
			if st, ok := capitals[actors.Key(b.ments[mi].text, faultline.GPE)]; ok && st != a {
				moved[mi] = st
				return b.actors[st].id
			}
		}
		return b.actors[a].id
	}
	violent := map[string]bool{"ASSAULT": true, "COERCE": true, "MOBILIZE": true}
	type tieKey struct {
		a, b, typ string
		sign      int
	}
	ties := map[tieKey]*faultline.ModelTie{}
	modal := map[tieKey]map[string]int{}
	var tieOrder []tieKey
	for di := range b.docs {
		doc := &b.docs[di]
		ext := doc.ext
		if ext == nil {
			continue
		}
		doc.ext = nil // read once: let it go as the model grows
		for _, e := range ext.Events {
			ev := faultline.ModelEvent{Doc: doc.ID, Source: ref(di, e.Source, true), Target: ref(di, e.Target, !violent[e.Type]),
				Type: e.Type, Mode: e.Mode, CAMEO: e.CAMEO, Goldstein: e.Goldstein, Trigger: e.Trigger, Date: e.Date,
				DateText: e.DateText, Modality: e.Modality, Evidence: faultline.Evidence{Doc: doc.ID, Start: e.Start, End: e.End}}
			if e.Place != nil {
				ev.Place = e.Place.Text // with its words from the text, see slimFacts
			}
			if e.Evidence != nil && e.Evidence.End > e.Evidence.Start {
				ev.Evidence = faultline.Evidence{Doc: doc.ID, Start: e.Evidence.Start, End: e.Evidence.End}
			}
			b.m.Events = append(b.m.Events, ev)
		}
		for i := range ext.Ties {
			t := &ext.Ties[i]
			a := ref(di, &t.A, true)
			c := ref(di, &t.B, t.Type != "located_in" && t.Type != "controls")
			if a == "" || c == "" || a == c && t.Type != "renamed_from" {
				continue
			}
			if symmetric[t.Type] && c < a {
				a, c = c, a
			}
			k := tieKey{a, c, t.Type, t.Sign}
			mt, ok := ties[k]
			if !ok {
				mt = &faultline.ModelTie{A: a, B: c, Type: t.Type, Sign: t.Sign, Evidence: []faultline.Evidence{}}
				ties[k] = mt
				modal[k] = map[string]int{}
				tieOrder = append(tieOrder, k)
			}
			ev := faultline.Evidence{Doc: doc.ID, Start: t.Evidence.Start, End: t.Evidence.End}
			if ev.End <= ev.Start {
				ev.Start, ev.End = min(t.A.Start, t.B.Start), max(t.A.End, t.B.End)
			}
			dup := false
			for _, x := range mt.Evidence {
				if x == ev {
					dup = true
				}
			}
			if !dup {
				mt.Evidence = append(mt.Evidence, ev)
				mt.Weight++
			}
			modal[k][t.Modality]++
		}
		for _, q := range ext.Quotes {
			b.m.Quotes = append(b.m.Quotes, faultline.ModelQuote{Doc: doc.ID, Speaker: ref(di, q.Speaker, true), Start: q.Start, End: q.End, Text: q.Text})
		}
		for _, f := range ext.Figures {
			b.m.Figures = append(b.m.Figures, faultline.ModelFigure{Doc: doc.ID, Start: f.Start, End: f.End, Text: f.Text, Value: f.Value, Unit: f.Unit, About: f.About})
		}
	}
	for _, k := range tieOrder {
		mt := ties[k]
		best := ""
		for md, n := range modal[k] {
			if best == "" || n > modal[k][best] || n == modal[k][best] && md < best {
				best = md
			}
		}
		mt.Modality = best
		b.m.Ties = append(b.m.Ties, *mt)
	}
	sort.SliceStable(b.m.Ties, func(i, j int) bool {
		x, y := b.m.Ties[i], b.m.Ties[j]
		if x.A != y.A {
			return x.A < y.A
		}
		if x.B != y.B {
			return x.B < y.B
		}
		if x.Type != y.Type {
			return x.Type < y.Type
		}
		return x.Sign < y.Sign
	})
	// Metonyms: move the acting capital mentions to their state.
	if len(moved) > 0 {
		b.metonyms = map[int]bool{}
		for mi, to := range moved {
			// The capital stands for its state here, but is not one of its names.
			b.metonyms[mi] = true
			from := b.ments[mi].actor
			b.ments[mi].actor = to
			b.actors[to].mentions = append(b.actors[to].mentions, mi)
			a := b.actors[from]
			for k, x := range a.mentions {
				if x == mi {
					a.mentions = append(a.mentions[:k], a.mentions[k+1:]...)
					break
				}
			}
			if len(a.mentions) == 0 && len(a.extraAliases) == 0 {
				a.gone = true
			}
		}
		for _, a := range b.actors {
			sort.Slice(a.mentions, func(i, j int) bool { return b.less(a.mentions[i], a.mentions[j]) })
		}
	}
}

// symmetric tie types: direction is ignored when aggregating.
var symmetric = map[string]bool{"allied_with": true, "rival_of": true, "negotiates_with": true}

// capitals maps the folded names of capital cities to the actor of their state, for the
// states that are actors of the corpus.
func (b *builder) capitals() map[string]int {
	out := map[string]int{}
	if b.r.Dict == nil {
		return out
	}
	for i, a := range b.actors {
		if a.gone || a.dict == "" {
			continue
		}
		e := b.r.Dict.Entry(a.dict)
		if e == nil || e.Capital == "" {
			continue
		}
		out[actors.Key(e.Capital, faultline.GPE)] = i
	}
	return out
}

// model writes the corpus model.
func (b *builder) model() *faultline.Model {
	m := b.m
	for _, d := range b.docs {
		m.Documents = append(m.Documents, d.DocumentRef)
	}
	for _, a := range b.actors {
		if a.gone {
			continue
		}
		out := faultline.Actor{ID: a.id, Canonical: a.canonical, Type: a.typ, Country: a.country,
			Aliases: []string{}, Mentions: []faultline.Evidence{}}
		count := map[string]int{}
		docs := map[int]bool{}
		for _, mi := range a.mentions {
			mt := b.ments[mi]
			docs[mt.doc] = true
			out.Mentions = append(out.Mentions, faultline.Evidence{Doc: b.docs[mt.doc].ID, Start: mt.start, End: mt.end})
			if !mt.pronoun && !mt.nominal && !b.metonyms[mi] {
				count[mt.text]++
				if t := b.titled[mi]; t != "" {
					count[t]++
				}
				if u := unitName(mt.text); a.typ == faultline.ORG && u != "" {
					// A unit named with its parent's acronym ("IRGC Quds Force") is
					// also named without it.
					if _, ok := count[u]; !ok {
						count[u] = 0
					}
				}
				if a.typ == faultline.PERSON {
					// The name without its titles ("Gen. David Petraeus" -> "David
					// Petraeus") is a name of the person too.
					if d := coref.Display(mt.text, faultline.PERSON); d != mt.text && d != "" {
						if _, ok := count[d]; !ok {
							count[d] = 0
						}
					}
				}
			}
		}
		for _, x := range a.extraAliases {
			if _, ok := count[x]; !ok {
				count[x] = 0
			}
		}
		for s := range count {
			out.Aliases = append(out.Aliases, s)
		}
		sort.Slice(out.Aliases, func(i, j int) bool {
			x, y := out.Aliases[i], out.Aliases[j]
			if count[x] != count[y] {
				return count[x] > count[y]
			}
			return x < y
		})
		for r := range a.roles {
			out.Roles = append(out.Roles, r)
		}
		sort.Strings(out.Roles)
		out.Docs = len(docs)
		m.Actors = append(m.Actors, out)
	}
	sort.Slice(m.Actors, func(i, j int) bool { return m.Actors[i].ID < m.Actors[j].ID })
	return m
}

// untypedType gives a type to an actor none of whose names the recogniser typed: the type
// of its role descriptions, its dictionary entry's, or the one its description's head noun
// names ("a policeman"). It returns "" when nothing says.
func (b *builder) untypedType(a *actorOut, e *actors.Entry) string {
	var types []string
	for _, mi := range a.mentions {
		if m := b.ments[mi]; m.typ != "" && !m.pronoun {
			types = append(types, m.typ)
		}
	}
	if t := majority(types); t != "" {
		return t
	}
	if e != nil && e.Type != "" {
		return e.Type
	}
	for _, mi := range a.mentions {
		if m := b.ments[mi]; !m.pronoun {
			if t := b.r.Dict.AgentType(m.text); t != "" {
				return t
			}
		}
	}
	// A capitalised name nothing typed: a person when a title comes with it, a
	// nationality when it is a demonym, else an organisation.
	for _, mi := range a.mentions {
		m := b.ments[mi]
		if m.pronoun || m.nominal || !startsUpperStr(m.text) {
			continue
		}
		switch n := b.parse(m.text, faultline.PERSON); {
		case len(n.Titles) > 0 && len(n.Words) > 0 && allCapitalised(m.text):
			return faultline.PERSON
		case actors.Demonym(m.text) != "":
			return faultline.NORP
		}
		return faultline.ORG
	}
	return ""
}

// allCapitalised reports whether every word of s begins with an upper-case letter.
func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		if !startsUpperStr(w) {
			return false
		}
	}
	return true
}
