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
//   - Descriptions of one kind of group ("insurgents", "the insurgency", "armed
//     resistance") are one actor, which in each document joins the last description of
//     that kind with a group word before them ("Sunni insurgents ... the insurgents"; see
//     groupDescriptions). Descriptions of one kind with the same group words are one actor
//     ("Shia militias", "Shiite irregulars"); with different ones, never (cluster.spec).

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
					c = b.iso(m.text)
					if c == "" {
						if p, ok := gazetteer.PlaceIndex().Lookup(strings.ToLower(m.text)); ok {
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

// iso returns the ISO code of a nationality or country word ("iranian", "Iraq"), or "" when
// it is not known (countryCode's folded word).
func (b *builder) iso(w string) string {
	if c := b.countryCode(w); len(c) == 2 && strings.ToUpper(c) == c {
		return c
	}
	return ""
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

// groupGeneric returns the kind of group all of node i's names describe
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

// groupSpecific returns the kind of group and the words that single it out (group words
// and nationalities, folded) of a description of node i with such words before the head
// ("Sunni insurgents", "Shiite militias", "Sunni-led insurgency": "insurgency",
// "sunni"), or "", "".
func (b *builder) groupSpecific(i int) (fam, ident string) {
	for _, f := range b.nodes[i].forms {
		if _, ok := actors.Generic(f); ok {
			continue
		}
		fm := actors.GroupFamily(f)
		if fm == "" {
			continue
		}
		ws := strings.Fields(f)
		ok := len(ws) >= 2
		var ids []string
		for _, w := range ws[:len(ws)-1] {
			lw := strings.ToLower(w)
			if j := strings.LastIndexByte(lw, '-'); j > 0 {
				lw = lw[:j] // "Sunni-led"
			}
			switch {
			case communities[lw]:
				ids = append(ids, actors.Fold(lw))
			case actors.Demonym(lw) != "":
				ids = append(ids, actors.Demonym(lw))
			case w != strings.ToLower(w):
				ok = false // a name ("JAM militiamen") is no description
			}
		}
		if ok && len(ids) > 0 {
			sort.Strings(ids)
			return fm, strings.Join(ids, " ")
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

// areaNouns holds the nouns that name a people's area after its group word or adjective
// ("the Kurdish region"; kind "area" of lexicon/gazetteer/descriptors.tsv).
var areaNouns = sync.OnceValue(func() map[string]bool { return gazetteer.Descriptors()["area"] })

// dirAdj maps compass nouns to their adjectives ("south" -> "southern"), and back.
var dirAdj = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for n, a := range gazetteer.Directions() {
		m[n] = a
		m[a] = n
	}
	return m
})

// regionKey returns the key of a region of a country: "region:south:IQ" for "southern
// Iraq", and for "the south" or "the Shiite-dominated south" in document doc when it names
// only Iraq's south with an adjective or when it is about Iraq (dc); of a community's area
// ("area:kurdish" for "the Kurdish region", "the Kurdish provinces"); of the border of two
// countries ("border:IQ-IR" for "the Iran-Iraq border", and for "the Iranian border" in a
// document about Iraq); "" for any other name.
func (b *builder) regionKey(text, dc string, doc int) string {
	ws := strings.Fields(strings.ToLower(text))
	if len(ws) == 2 {
		if n, ok := dirAdj()[ws[0]]; ok && len(n) < len(ws[0]) {
			if c := b.iso(strings.Fields(text)[1]); c != "" {
				return "region:" + n + ":" + c
			}
		}
	}
	if len(ws) == 2 {
		switch {
		case areaNouns()[ws[1]]:
			// "the Kurdish region", "the Kurdish provinces"
			if w := ws[0]; communities[w] || actors.Demonym(w) != "" {
				return "area:" + actors.Fold(w)
			}
		case ws[1] == "border":
			// "the Iran-Iraq border"; "the Iranian border" in a document about Iraq
			var cs []string
			for _, w := range strings.Split(ws[0], "-") {
				if c := b.iso(w); c != "" {
					cs = append(cs, c)
				}
			}
			if len(cs) == 1 && !strings.Contains(ws[0], "-") {
				if k := b.docRegions[doc]["border:"+cs[0]]; k != "" {
					return k // the one border of that country the document names
				}
				if dc != "" && cs[0] != dc {
					cs = append(cs, dc)
				}
			}
			if len(cs) == 2 && cs[0] != cs[1] {
				sort.Strings(cs)
				return "border:" + cs[0] + "-" + cs[1]
			}
			return ""
		}
	}
	if len(ws) == 2 && ws[0] != "the" && strings.IndexByte(ws[0], '-') > 0 {
		ws = append([]string{"the"}, ws...) // "Shiite-dominated south"
	}
	if len(ws) < 2 || len(ws) > 3 || ws[0] != "the" && len(ws) == 2 {
		return ""
	}
	last := ws[len(ws)-1]
	if a, ok := dirAdj()[last]; !ok || len(a) < len(last) {
		return "" // not a compass noun
	}
	if len(ws) == 3 && strings.IndexByte(ws[len(ws)-2], '-') < 0 || len(ws) == 3 && ws[0] != "the" {
		return "" // "the Shiite-dominated south", not "the far south"
	}
	if c := b.docRegions[doc][last]; c != "" {
		return "region:" + last + ":" + c
	}
	if dc == "" {
		return ""
	}
	return "region:" + last + ":" + dc
}

// regions records, per document, the country of its regions named with a compass
// adjective ("southern Iraq") when only one country's region of that direction is named,
// and the border of each country when only one border of it is named ("the Iran-Iraq
// border": "border:IR" and "border:IQ").
func (b *builder) regions() {
	b.docRegions = map[int]map[string]string{}
	for doc, nodes := range b.nodesByDoc {
		for _, ni := range nodes {
			if typeGroup(b.nodes[ni].typ) != "g" {
				continue
			}
			for _, f := range b.nodes[ni].forms {
				rk := b.regionKey(f, "", -1)
				var k, v string
				switch {
				case strings.HasPrefix(rk, "region:"):
					parts := strings.Split(rk, ":")
					k, v = parts[1], parts[2]
				case strings.HasPrefix(rk, "border:"):
					// "Iran-Iraq border": the border of Iran and of Iraq in this document
					for _, c := range strings.Split(rk[len("border:"):], "-") {
						b.docRegion(doc, "border:"+c, rk)
					}
					continue
				default:
					continue
				}
				b.docRegion(doc, k, v)
			}
		}
	}
	for _, m := range b.docRegions {
		for d, c := range m {
			if c == "-" {
				delete(m, d)
			}
		}
	}
}

// docRegion records v for k in document doc, or "-" when the document gives k two values.
func (b *builder) docRegion(doc int, k, v string) {
	m := b.docRegions[doc]
	if m == nil {
		m = map[string]string{}
		b.docRegions[doc] = m
	}
	if c, ok := m[k]; ok && c != v {
		m[k] = "-"
	} else if !ok {
		m[k] = v
	}
}
