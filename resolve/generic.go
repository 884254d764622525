package resolve

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
	"github.com/faultline/faultline/lexicon/gazetteer"
)

// Descriptions without a name (lexicon/actors/generic.tsv). Two kinds:
//
//   - A state institution named without its nationality ("the police", "state forces",
//     "the central government") in a document about one country is that country's
//     institution: it takes the sector key of "<nationality> police" and so on (see
//     dominantCountries).
//   - Descriptions of one kind of non-state group in one document ("insurgents", "the
//     insurgency") are one actor, and the actor of the last description of that kind with
//     a group word before them ("Sunni insurgents ... the insurgents"); see groupDescriptions.
//     Two such groups with different group words are never merged (cluster.spec).

// placeTab holds the gazetteer's places (lexicon/gazetteer).
var placeTab = sync.OnceValue(gazetteer.Places)

// dominantCountries returns, per document, the ISO code of the country its place mentions
// (the country, its cities and provinces) name most, when it has at least three mentions
// and one and a half times as many as any other country.
func (b *builder) dominantCountries() map[int]string {
	out := map[int]string{}
	memo := map[string]string{}
	for doc, nodes := range b.nodesByDoc {
		count := map[string]int{}
		for _, ni := range nodes {
			for _, mi := range b.nodes[ni].mentions {
				m := &b.ments[mi]
				if m.typ != faultline.GPE || m.pronoun {
					continue
				}
				c, ok := memo[m.text]
				if !ok {
					c = b.countryCode(m.text)
					if len(c) != 2 || strings.ToUpper(c) != c {
						c = ""
						if p, ok := placeTab()[strings.ToLower(m.text)]; ok {
							c = p.ISO // a city or province counts for its country
						}
					}
					memo[m.text] = c
				}
				if c != "" {
					count[c]++
				}
			}
		}
		best, n, second := "", 0, 0
		for c, k := range count {
			switch {
			case k > n || k == n && c < best:
				if best != "" && n > second {
					second = n
				}
				best, n = c, k
			case k > second:
				second = k
			}
		}
		if n >= 3 && 2*n >= 3*second {
			out[doc] = best
		}
	}
	return out
}

// descriptionTexts returns the texts of node i's mentions that are names or descriptions
// (not pronouns or a person's role).
func (b *builder) descriptionTexts(i int) []string {
	var out []string
	for _, mi := range b.nodes[i].mentions {
		m := &b.ments[mi]
		if m.pronoun || m.nominal {
			continue
		}
		out = append(out, m.text)
	}
	return out
}

// stateSectors returns the sectors of node i's descriptions of a state institution
// ("police", "government") when all its names are such descriptions.
func (b *builder) stateSectors(i int) []string {
	var out []string
	for _, t := range b.descriptionTexts(i) {
		g, ok := actors.Generic(t)
		if !ok || !g.State {
			return nil
		}
		if !slices.Contains(out, g.Family) {
			out = append(out, g.Family)
		}
	}
	return out
}

// groupGeneric returns the kind of non-state group all of node i's names describe
// without a group word ("insurgents", "the insurgency"), or "".
func (b *builder) groupGeneric(i int) string {
	fam := ""
	for _, t := range b.descriptionTexts(i) {
		g, ok := actors.Generic(t)
		if !ok || g.State || fam != "" && g.Family != fam {
			return ""
		}
		fam = g.Family
	}
	return fam
}

// groupSpecific returns the kind of non-state group and the name key of a description of
// node i with group words or nationalities before the head ("Sunni insurgents", "Shiite
// militias", "Sunni-led insurgency"), or "", "".
func (b *builder) groupSpecific(i int) (fam, key string) {
	for _, f := range b.nodes[i].forms {
		if _, ok := actors.Generic(f); ok {
			continue
		}
		fm := actors.GroupFamily(f)
		if fm == "" {
			continue
		}
		ws := strings.Fields(f)
		ok, named := len(ws) >= 2, false
		for _, w := range ws[:len(ws)-1] {
			lw := strings.ToLower(w)
			if j := strings.LastIndexByte(lw, '-'); j > 0 {
				lw = lw[:j] // "Sunni-led"
			}
			switch {
			case communities[lw] || actors.Demonym(lw) != "":
				named = true
			case w != strings.ToLower(w):
				ok = false // a name ("JAM militiamen") is no description
			}
		}
		ok = ok && named
		if ok {
			return fm, fm + ":" + actors.Key(f, faultline.ORG)
		}
	}
	return "", ""
}

// groupDescriptions applies the second kind of description: in each document, the
// descriptions of one kind of non-state group are one actor, which joins the group of that
// kind named last before them when the choice is the same for all their mentions.
func (b *builder) groupDescriptions() {
	docs := make([]int, 0, len(b.nodesByDoc))
	for d := range b.nodesByDoc {
		docs = append(docs, d)
	}
	sort.Ints(docs)
	for _, d := range docs {
		gen := map[string][]int{}
		spec := map[string][]int{}
		var fams []string
		for _, ni := range b.nodesByDoc[d] {
			if typeGroup(b.nodes[ni].typ) != "o" {
				continue
			}
			if f := b.groupGeneric(ni); f != "" {
				if len(gen[f]) == 0 {
					fams = append(fams, f)
				}
				gen[f] = append(gen[f], ni)
			} else if f, _ := b.groupSpecific(ni); f != "" {
				spec[f] = append(spec[f], ni)
			}
		}
		sort.Strings(fams)
		for _, f := range fams {
			gs := gen[f]
			for _, g := range gs[1:] {
				b.union(gs[0], g, passShort)
			}
			if len(spec[f]) == 0 {
				continue
			}
			// the specific group named last before each generic mention
			type at struct{ start, node int }
			var marks []at
			for _, sn := range spec[f] {
				for _, mj := range b.nodes[sn].mentions {
					marks = append(marks, at{b.ments[mj].start, sn})
				}
			}
			sort.Slice(marks, func(x, y int) bool { return marks[x].start < marks[y].start })
			pick := -1
			agree := true
			for _, g := range gs {
				for _, mi := range b.nodes[g].mentions {
					s := b.ments[mi].start
					k := sort.Search(len(marks), func(x int) bool { return marks[x].start >= s }) - 1
					if k < 0 {
						continue
					}
					if pick >= 0 && b.find(pick) != b.find(marks[k].node) {
						agree = false
					}
					pick = marks[k].node
				}
			}
			if agree && pick >= 0 {
				b.union(pick, gs[0], passShort)
			}
		}
	}
}
