package resolve

import (
	"sort"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

// apply applies analysts' overrides in order. An override naming an actor that does not
// exist (any more) is skipped: overrides outlive the documents they were made for.
func (b *builder) apply(overrides []faultline.Override) {
	used := map[string]bool{}
	for _, a := range b.actors {
		used[a.id] = true
	}
	for _, o := range overrides {
		switch o.Kind {
		case faultline.OverrideMerge:
			i, j := b.lookup(o.Actor), b.lookup(o.Other)
			if i < 0 || j < 0 || i == j {
				continue
			}
			b.mergeActors(i, j)
		case faultline.OverrideSplit:
			i := b.lookup(o.Actor)
			if i < 0 || o.Name == "" {
				continue
			}
			b.split(i, o.Name, used)
		case faultline.OverrideAlias:
			i := b.lookup(o.Actor)
			if i < 0 || o.Name == "" {
				continue
			}
			b.alias(i, o.Name)
		case faultline.OverrideRename:
			i := b.lookup(o.Actor)
			if i < 0 || o.Name == "" {
				continue
			}
			a := b.actors[i]
			a.canonical = o.Name
			if id := actors.Slug(o.Name); id != a.id && !used[id] {
				used[id] = true
				b.renamed[a.id] = id
				delete(b.byID, a.id)
				a.id = id
				b.byID[id] = i
			}
		}
	}
}

// lookup finds an actor by id (following renames and merges), by the slug of a name, or by
// a name: its canonical name first, then the actor with most mentions carrying it.
func (b *builder) lookup(s string) int {
	id := s
	for k := 0; k < 16; k++ {
		to, ok := b.renamed[id]
		if !ok {
			break
		}
		id = to
	}
	if i, ok := b.byID[id]; ok && !b.actors[i].gone {
		return i
	}
	if i, ok := b.byID[actors.Slug(s)]; ok && !b.actors[i].gone {
		return i
	}
	key := actors.Key(s, "")
	best, bestN := -1, -1
	for i, a := range b.actors {
		if a.gone {
			continue
		}
		if actors.Key(a.canonical, "") == key {
			return i
		}
		n := 0
		for _, mi := range a.mentions {
			if actors.Key(b.ments[mi].text, "") == key {
				n++
			}
		}
		if n > 0 && n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// mergeActors moves actor j into actor i; i's id survives.
func (b *builder) mergeActors(i, j int) {
	a, c := b.actors[i], b.actors[j]
	for _, mi := range c.mentions {
		b.ments[mi].actor = i
	}
	a.mentions = append(a.mentions, c.mentions...)
	sort.Slice(a.mentions, func(x, y int) bool { return b.less(a.mentions[x], a.mentions[y]) })
	for r := range c.roles {
		a.roles[r] = true
	}
	a.extraAliases = append(a.extraAliases, c.extraAliases...)
	if a.country == "" {
		a.country = c.country
	}
	c.gone, c.mentions = true, nil
	b.renamed[c.id] = a.id
	delete(b.byID, c.id)
}

// split gives the mentions of actor i that read name (by folded key) an actor of their own.
func (b *builder) split(i int, name string, used map[string]bool) {
	a := b.actors[i]
	key := actors.Key(name, "")
	var keep, move []int
	for _, mi := range a.mentions {
		if actors.Key(b.ments[mi].text, "") == key {
			move = append(move, mi)
		} else {
			keep = append(keep, mi)
		}
	}
	var aliases []string
	for _, x := range a.extraAliases {
		if actors.Key(x, "") != key {
			aliases = append(aliases, x)
		}
	}
	a.extraAliases = aliases
	if len(move) == 0 {
		return
	}
	a.mentions = keep
	if len(keep) == 0 && len(a.extraAliases) == 0 {
		a.gone = true
	}
	n := &actorOut{canonical: name, typ: a.typ, roles: map[string]bool{}, mentions: move}
	n.id = b.freeID(actors.Slug(name), used)
	b.actors = append(b.actors, n)
	k := len(b.actors) - 1
	b.byID[n.id] = k
	for _, mi := range move {
		b.ments[mi].actor = k
	}
}

// alias makes name another name of actor i: mentions reading it move to i, and it is
// listed among i's aliases even before a document uses it.
func (b *builder) alias(i int, name string) {
	key := actors.Key(name, "")
	a := b.actors[i]
	a.extraAliases = append(a.extraAliases, name)
	for j, c := range b.actors {
		if j == i || c.gone {
			continue
		}
		var keep []int
		for _, mi := range c.mentions {
			if actors.Key(b.ments[mi].text, "") == key {
				b.ments[mi].actor = i
				a.mentions = append(a.mentions, mi)
			} else {
				keep = append(keep, mi)
			}
		}
		if len(keep) != len(c.mentions) {
			c.mentions = keep
			if len(keep) == 0 && len(c.extraAliases) == 0 {
				c.gone = true
				b.renamed[c.id] = a.id
			}
		}
	}
	sort.Slice(a.mentions, func(x, y int) bool { return b.less(a.mentions[x], a.mentions[y]) })
}
