package ner

import (
	"strings"

	"github.com/faultline/faultline/nlp"
)

// docRules applies the document-level rules to the tags of a whole document (sentences
// give the token ranges; spans never cross them):
//
//  1. Acronym definitions: "Long Name ( ACR )" gives ACR the type of Long Name, and so
//     every other mention of ACR in the document.
//  2. Consistency: the last name of a multi-word PERSON (and that name without its
//     particle: al-Sadr -> Sadr) labels its other capitalised mentions in the document
//     that the tagger left O or gave a different single-token type, and spans made only of
//     such names and name particles ("Al Maliki" after "Nouri al-Maliki"). Likewise the
//     first word of an organisation name ending in a head word labels its lone mentions
//     as ORG ("Badr" after "Badr Corps"), unless it is a group word, a title, a country or
//     a province.
//  0. An acronym (ISCI, JAM) tagged GPE or LOC that is no place of the gazetteer is an
//     ORG: the few place acronyms (US, UK, UAE) are all in it.
//     1b. Arabic names: a run of capitalised words with a name particle (Nouri al-Maliki,
//     Abu Musab al-Zarqawi, Osama bin Laden) that the tagger split into pieces or left
//     partly untagged is one PERSON, unless a word of it is a title, an organisation head
//     (Jaish, Army), a group word or a security noun, or the run is a known place or actor.
//     2b. A person-name word never becomes such a short organisation form ("Bush" of "the
//     Bush Administration", "Saddam" of "Saddam Hussein's government").
//  4. Type voting: the same words tagged with different types in one document take the
//     type most of their mentions have (voteTypes).
//  3. Descriptive actors (when descriptive is set): a NORP, GPE or ORG mention (or a
//     capitalised group word) followed by security or group nouns ("Shia militias", "US
//     forces", "Iranian intelligence", "the Interior Ministry 's commandos") becomes one ORG
//     span; group-of-people nouns ("tribes", "officials") are left to actorRules.
//
// Titles-only spans ("Rear Adm.") are dropped (tidySpans) in every mode. d holds the
// document's words and their flags (rdoc.reset); Annotate hands the same d to actorRules.
func docRules(d *rdoc, tags []string, sents []nlp.Sentence, descriptive bool) {
	lx, words := d.lx, d.words
	buf := d.spans[:0]
	defer func() { d.spans = buf[:0] }()
	for _, s := range sents {
		if !okSent(s, len(words)) || d.union(s)&wAcrUp == 0 {
			continue // rule 0 retypes acronyms only
		}
		buf = appendSpans(buf[:0], tags[s.First:s.Last])
		for _, sp := range buf {
			f, l := s.First+sp.first, s.First+sp.last
			if l-f == 1 && (sp.typ == "GPE" || sp.typ == "LOC") && d.is(f, wAcrUp) && !d.is(f, wPlace1) {
				tags[f] = "B-ORG"
			}
		}
	}
	buf = tidySpans(d, tags, sents, descriptive, buf)
	buf = arabicNames(d, tags, sents, buf)
	d.names = strMap(d.names, len(words)/64+8)
	names := d.names
	// words of person names: they never become short forms of organisations ("Bush" in
	// "the Bush Administration", "Saddam" in "Saddam Hussein's government")
	d.personWord = strMap(d.personWord, len(words)/64+8)
	personWord := d.personWord
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		buf = appendSpans(buf[:0], tags[s.First:s.Last])
		for _, sp := range buf {
			if sp.typ == "PERSON" {
				for k := s.First + sp.first; k < s.First+sp.last; k++ {
					personWord[words[k]] = true
				}
			}
		}
	}
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		buf = appendSpans(buf[:0], tags[s.First:s.Last])
		for _, sp := range buf {
			f, l := s.First+sp.first, s.First+sp.last
			// 1. Long Name ( ACR )
			if l+2 < s.Last && words[l] == "(" && words[l+2] == ")" && d.is(l+1, wAcr) && l-f >= 2 {
				names[words[l+1]] = sp.typ
			}
			// 2b. short forms of organisation names: "Badr" after "Badr Corps"
			if sp.typ == "ORG" && l-f >= 2 && d.is(l-1, wOrgHeadL) {
				w := words[f]
				if d.is(f, wCap) && !d.is(f, wGroup|wTitleL|wOrgHeadL) && !personWord[w] &&
					!(l-f == 2 && d.is(l-1, wFollowL)) &&
					!d.is(f, wCountryL|wProvinceL) && names[w] == "" && len(w) > 2 {
					names[w] = "ORG"
				}
			}
			// 2. multi-word person names
			if sp.typ == "PERSON" && l-f >= 2 {
				last := words[l-1]
				if d.is(l-1, wTitleL) {
					continue
				}
				if d.is(l-1, wCap) {
					names[last] = "PERSON"
				}
				if p := d.strip(l - 1); p != last && isCap(p) {
					names[last] = "PERSON"
					names[p] = "PERSON"
				}
			}
		}
	}
	if len(names) > 0 {
		// every key of names is capitalised, an acronym or has a name particle (al-Sadr)
		const nameKey = wCap | wAcr | wHasPartL
		for _, s := range sents {
			if s.First < 0 || s.Last > len(words) {
				continue
			}
			for i := s.First; i < s.Last; i++ {
				if !d.is(i, nameKey) {
					continue
				}
				typ, ok := names[words[i]]
				if !ok {
					continue
				}
				single := tags[i] == "O" || strings.HasPrefix(tags[i], "B-") && (i+1 >= s.Last || !strings.HasPrefix(tags[i+1], "I-"))
				if single && !isTag(tags[i], 'B', typ) {
					tags[i] = bTag(typ)
				}
			}
			buf = appendSpans(buf[:0], tags[s.First:s.Last])
			for _, sp := range buf {
				f, l := s.First+sp.first, s.First+sp.last
				if sp.typ == "PERSON" || l-f < 2 {
					continue
				}
				ok, name := true, false
				for k := f; k < l; k++ {
					switch {
					case d.is(k, nameKey) && names[words[k]] == "PERSON":
						name = true
					case d.is(k, wPartL):
					default:
						ok = false
					}
				}
				if ok && name {
					setTags(tags, f, l, "PERSON")
				}
			}
		}
	}
	buf = voteTypes(d, tags, sents, buf)
	// 3. descriptive actors
	if !descriptive {
		return
	}
	for _, s := range sents {
		if !okSent(s, len(words)) || d.union(s)&(wForces|wForces2) == 0 {
			continue // every span it makes runs on through a security or group noun
		}
		for i := s.First; i < s.Last; i++ {
			var f, l int
			var typ string
			switch {
			case strings.HasPrefix(tags[i], "B-"):
				typ = tags[i][2:]
				f, l = i, i+1
				for l < s.Last && isTag(tags[l], 'I', typ) {
					l++
				}
			case tags[i] == "O" && d.is(i, wCap) && d.is(i, wGroup):
				typ = "NORP"
				f, l = i, i+1
			default:
				continue
			}
			if typ != "NORP" && typ != "GPE" && typ != "ORG" {
				i = l - 1
				continue
			}
			j := l
			if (typ == "ORG" || typ == "GPE") && j < s.Last && (words[j] == "'s" || words[j] == "’s") {
				j++
			}
			k := j
			for n := 0; n < 2 && k < s.Last && tags[k] == "O"; n++ {
				w := words[k]
				if !d.is(k, wIsLower) {
					break
				}
				if k+1 < s.Last && d.is(k, wForces2) && lx.forces[w+" "+words[k+1]] && tags[k+1] == "O" {
					k += 2
					break
				}
				if !d.is(k, wForces) || d.is(k, wPeople) {
					break // groups of people (Sunni tribes, US officials): see actorRules
				}
				k++
			}
			if k == j {
				i = l - 1
				continue
			}
			setTags(tags, f, k, "ORG")
			i = k - 1
		}
	}
}

// isAcronym reports whether w looks like an acronym: two or more letters, mostly capitals.
func isAcronym(w string) bool {
	up, n := 0, 0
	for _, r := range w {
		if r >= 'A' && r <= 'Z' {
			up++
		}
		n++
	}
	return up >= 2 && up*10 >= n*6 && n <= 10
}

// stripParticle removes a hyphenated name particle: al-Sadr -> Sadr.
func stripParticle(w string) string {
	l := strings.ToLower(w)
	if hasParticle(l) {
		return w[strings.IndexByte(w, '-')+1:]
	}
	return w
}

// arabicNames applies rule 1b.
func arabicNames(d *rdoc, tags []string, sents []nlp.Sentence, buf []span) []span {
	lx, words := d.lx, d.words
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		any := false
		for k := s.First; k < s.Last; k++ {
			if d.is(k, wAnyPart) {
				any = true
				break
			}
		}
		if !any {
			continue
		}
		for i := s.First; i < s.Last; {
			j := i
			particle, name := false, false
			for j < s.Last {
				w := words[j]
				if d.is(j, wTitleL|wOrgHeadL|wForcesL|wGroup) {
					break
				}
				if d.is(j, wPartL|wHasPartL) {
					particle = true
				} else if d.is(j, wCap) && len(w) > 1 {
					name = true
				} else {
					break
				}
				j++
			}
			if j == i {
				i++
				continue
			}
			f, l := i, j
			for l > f && d.is(l-1, wPartL) {
				l-- // a run ends in a name, not a particle
			}
			i = j
			if l-f < 2 || !particle || !name || lx.isPlace(words[f:l]) || lx.isActor(words[f:l]) {
				continue
			}
			// leave alone a run the tagger labelled as one span, and a run that is part of a
			// longer span
			buf = appendSpans(buf[:0], tags[f:l])
			sp := buf
			if len(sp) == 1 && sp[0].first == 0 && sp[0].last == l-f && (l == s.Last || !strings.HasPrefix(tags[l], "I-")) && strings.HasPrefix(tags[f], "B-") {
				continue
			}
			if strings.HasPrefix(tags[f], "I-") || l < s.Last && strings.HasPrefix(tags[l], "I-") {
				continue
			}
			setTags(tags, f, l, "PERSON")
		}
	}
	return buf
}

// tidySpans applies rule 0b.
func tidySpans(d *rdoc, tags []string, sents []nlp.Sentence, actorMode bool, buf []span) []span {
	lx, words := d.lx, d.words
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		buf = appendSpans(buf[:0], tags[s.First:s.Last])
		for _, sp := range buf {
			f, l := s.First+sp.first, s.First+sp.last
			typ := sp.typ
			if typ == misc {
				continue
			}
			for l > f && (words[l-1] == "'s" || words[l-1] == "’s" || words[l-1] == "'" || words[l-1] == "’") {
				tags[l-1] = "O"
				l--
			}
			// titles before a name: "President Bush" is the person Bush. An ORG span keeps
			// them when it ends in an organisation head ("Presidential Guard")
			k := f
			for k < l && (d.is(k, wTitleL) || k+1 < l && d.is(k, wTitlemodL) && d.is(k+1, wTitleL)) {
				k++
			}
			if k > f && k < l && (typ != "ORG" || actorMode && !d.is(l-1, wOrgHeadL) && !lx.isActor(words[f:l])) {
				for x := f; x < k; x++ {
					tags[x] = "O"
				}
				f, typ = k, "PERSON"
			}
			if k == l && l-f >= 1 && d.is(l-1, wTitleL) && (l-f > 1 || strings.HasSuffix(words[f], ".")) {
				// only titles ("Rear Adm.", "Supreme Leader"): no name
				for x := f; x < l; x++ {
					tags[x] = "O"
				}
				continue
			}
			if l-f == 1 && d.is(f, wGroup) && !d.is(f, wPlace1) && typ != "ORG" {
				typ = "NORP"
			}
			if l-f == 1 && d.is(f, wNonNameL) && (len(words[f]) == 1 || strings.ToUpper(words[f]) != words[f]) {
				tags[f] = "O"
				continue
			}
			if l-f == 1 && f == s.First && typ == "ORG" && len(words[f]) > 4 && strings.ToUpper(words[f]) == words[f] {
				// a dateline (BAGHDAD, WASHINGTON) is a place, not an acronym
				if d.is(f, wCountryL|wCityL) && !lx.isActor(words[f:l]) {
					typ = "GPE"
				}
			}
			if l > f {
				setTags(tags, f, l, typ)
			}
		}
		for i := s.First; i < s.Last; i++ {
			if tags[i] == "O" && d.is(i, wCap) && d.is(i, wGroup) && !d.is(i, wPlace1) {
				tags[i] = "B-NORP"
			}
		}
	}
	return buf
}

// voteTypes applies rule 4: the same name (the same words) tagged with different types in
// one document takes the type most of its mentions have (ties left alone), so that a name
// the tagger types well in some contexts is typed the same in the others.
func voteTypes(d *rdoc, tags []string, sents []nlp.Sentence, buf []span) []span {
	// Which type wins does not depend on the order the types are counted in (the first of
	// the types with most votes; a tie when two have most), nor on the order of the names:
	// their mentions never overlap. Most names have one type: only names with two or more
	// are counted.
	words, vb := d.words, &d.votes // (rdoc.release releases vb)
	// (sizes for a text of news: about one name in every eight words)
	mentions := vb.mentions[:0]
	names := vb.names[:0]
	vb.byName = strMap(vb.byName, len(words)/16+8)
	byName := vb.byName
	kb := vb.kb[:0] // a name of several words: its words joined by spaces
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		buf = appendSpans(buf[:0], tags[s.First:s.Last])
		for _, sp := range buf {
			f, l := s.First+sp.first, s.First+sp.last
			var x int32
			var ok bool
			if l-f == 1 {
				x, ok = byName[words[f]]
			} else {
				kb = appendJoin(kb[:0], words[f:l])
				x, ok = byName[string(kb)]
			}
			if !ok {
				x = int32(len(names))
				if l-f == 1 {
					byName[words[f]] = x
				} else {
					byName[string(kb)] = x
				}
				names = append(names, voteName{typ: sp.typ})
			} else if names[x].typ != sp.typ {
				names[x].mixed = true
			}
			mentions = append(mentions, mention{f, l, sp.typ, x})
		}
	}
	vb.mentions, vb.names, vb.kb = mentions, names, kb
	// the mentions of each name with two types, grouped by name (a counting sort)
	vb.start = grow(vb.start, len(names)+1)
	start := vb.start
	clear(start)
	nmixed := 0
	for _, m := range mentions {
		if names[m.name].mixed {
			start[m.name+1]++
			nmixed++
		}
	}
	if nmixed == 0 {
		return buf
	}
	for x := 1; x < len(start); x++ {
		start[x] += start[x-1]
	}
	vb.order = grow(vb.order, nmixed)
	order := vb.order
	vb.next = append(vb.next[:0], start[:len(names)]...)
	next := vb.next
	for i, m := range mentions {
		if names[m.name].mixed {
			order[next[m.name]] = int32(i)
			next[m.name]++
		}
	}
	votes := vb.votes[:0]
	defer func() { vb.votes = votes[:0] }()
	for x := range names {
		if !names[x].mixed {
			continue
		}
		ms := order[start[x]:start[x+1]]
		votes = votes[:0]
		for _, i := range ms {
			m := mentions[i]
			found := false
			for v := range votes {
				if votes[v].typ == m.typ {
					votes[v].n++
					found = true
					break
				}
			}
			if !found {
				votes = append(votes, typeCount{m.typ, 1})
			}
		}
		best, n, tie := "", 0, false
		for _, v := range votes {
			switch {
			case v.n > n:
				best, n, tie = v.typ, v.n, false
			case v.n == n:
				tie = true
			}
		}
		if tie {
			continue
		}
		for _, i := range ms {
			setTags(tags, mentions[i].f, mentions[i].l, best)
		}
	}
	return buf
}

// votesBuf holds voteTypes's buffers, kept in the rdoc from document to document.
type votesBuf struct {
	mentions []mention
	names    []voteName
	byName   map[string]int32
	kb       []byte
	start    []int32
	order    []int32
	next     []int32
	votes    []typeCount
}

// a mention of voteTypes: a span and its name
type mention struct {
	f, l int
	typ  string
	name int32
}

// a name of voteTypes
type voteName struct {
	typ   string // the type of the first mention
	mixed bool   // a mention of another type follows
}

// typeCount counts the mentions of one type.
type typeCount struct {
	typ string
	n   int
}

// release drops the strings of the last document and the buffers grown past maxDocBuf.
func (vb *votesBuf) release() {
	clear(vb.mentions)
	clear(vb.names)
	clear(vb.byName)
	if cap(vb.mentions) > maxDocBuf || cap(vb.start) > maxDocBuf {
		*vb = votesBuf{}
	}
}
