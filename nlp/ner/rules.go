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
// Titles-only spans ("Rear Adm.") are dropped (tidySpans) in every mode.
func docRules(lx *lexicon, words, tags []string, sents []nlp.Sentence, descriptive bool) {
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		for _, sp := range spans(tags[s.First:s.Last]) {
			f, l := s.First+sp.first, s.First+sp.last
			if l-f == 1 && (sp.typ == "GPE" || sp.typ == "LOC") && isAcronym(words[f]) &&
				strings.ToUpper(words[f]) == words[f] && !lx.isPlace(words[f:l]) {
				tags[f] = "B-ORG"
			}
		}
	}
	tidySpans(lx, words, tags, sents, descriptive)
	arabicNames(lx, words, tags, sents)
	names := map[string]string{}
	// words of person names: they never become short forms of organisations ("Bush" in
	// "the Bush Administration", "Saddam" in "Saddam Hussein's government")
	personWord := map[string]bool{}
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		for _, sp := range spans(tags[s.First:s.Last]) {
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
		for _, sp := range spans(tags[s.First:s.Last]) {
			f, l := s.First+sp.first, s.First+sp.last
			// 1. Long Name ( ACR )
			if l+2 < s.Last && words[l] == "(" && words[l+2] == ")" && isAcronym(words[l+1]) && l-f >= 2 {
				names[words[l+1]] = sp.typ
			}
			// 2b. short forms of organisation names: "Badr" after "Badr Corps"
			if sp.typ == "ORG" && l-f >= 2 && lx.orgHeads[strings.ToLower(words[l-1])] {
				w := words[f]
				lw := strings.ToLower(w)
				p, place := lx.places[lw]
				if isCap(w) && !lx.isGroup(w) && !lx.titles[lw] && !lx.orgHeads[lw] && !personWord[w] &&
					!(l-f == 2 && lx.following[strings.ToLower(words[l-1])]) &&
					!(place && (p.Kind == "country" || p.Kind == "province")) && names[w] == "" && len(w) > 2 {
					names[w] = "ORG"
				}
			}
			// 2. multi-word person names
			if sp.typ == "PERSON" && l-f >= 2 {
				last := words[l-1]
				if lx.titles[strings.ToLower(last)] {
					continue
				}
				if isCap(last) {
					names[last] = "PERSON"
				}
				if p := stripParticle(last); p != last && isCap(p) {
					names[last] = "PERSON"
					names[p] = "PERSON"
				}
			}
		}
	}
	if len(names) > 0 {
		for _, s := range sents {
			if s.First < 0 || s.Last > len(words) {
				continue
			}
			for i := s.First; i < s.Last; i++ {
				typ, ok := names[words[i]]
				if !ok {
					continue
				}
				single := tags[i] == "O" || strings.HasPrefix(tags[i], "B-") && (i+1 >= s.Last || !strings.HasPrefix(tags[i+1], "I-"))
				if single && tags[i] != "B-"+typ {
					tags[i] = "B-" + typ
				}
			}
			for _, sp := range spans(tags[s.First:s.Last]) {
				f, l := s.First+sp.first, s.First+sp.last
				if sp.typ == "PERSON" || l-f < 2 {
					continue
				}
				ok, name := true, false
				for k := f; k < l; k++ {
					switch {
					case names[words[k]] == "PERSON":
						name = true
					case lx.particles[strings.ToLower(words[k])]:
					default:
						ok = false
					}
				}
				if ok && name {
					setSpan(tags, f, l, "PERSON")
				}
			}
		}
	}
	voteTypes(words, tags, sents)
	// 3. descriptive actors
	if !descriptive {
		return
	}
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			var f, l int
			var typ string
			switch {
			case strings.HasPrefix(tags[i], "B-"):
				typ = tags[i][2:]
				f, l = i, i+1
				for l < s.Last && tags[l] == "I-"+typ {
					l++
				}
			case tags[i] == "O" && isCap(words[i]) && lx.isGroup(words[i]):
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
				if w != strings.ToLower(w) {
					break
				}
				if k+1 < s.Last && lx.forces[w+" "+words[k+1]] && tags[k+1] == "O" {
					k += 2
					break
				}
				if !lx.forces[w] || lx.people[w] {
					break // groups of people (Sunni tribes, US officials): see actorRules
				}
				k++
			}
			if k == j {
				i = l - 1
				continue
			}
			setSpan(tags, f, k, "ORG")
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
func arabicNames(lx *lexicon, words, tags []string, sents []nlp.Sentence) {
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		any := false
		for _, w := range words[s.First:s.Last] {
			if len(w) <= 6 && lx.particles[strings.ToLower(w)] || strings.IndexByte(w, '-') > 0 && hasParticle(strings.ToLower(w)) {
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
				l := strings.ToLower(w)
				if lx.titles[l] || lx.orgHeads[l] || lx.forces[l] || lx.isGroup(w) {
					break
				}
				if lx.particles[l] || hasParticle(l) {
					particle = true
				} else if isCap(w) && len(w) > 1 {
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
			for l > f && lx.particles[strings.ToLower(words[l-1])] {
				l-- // a run ends in a name, not a particle
			}
			i = j
			if l-f < 2 || !particle || !name || lx.isPlace(words[f:l]) || lx.isActor(words[f:l]) {
				continue
			}
			// leave alone a run the tagger labelled as one span, and a run that is part of a
			// longer span
			sp := spans(tags[f:l])
			if len(sp) == 1 && sp[0].first == 0 && sp[0].last == l-f && (l == s.Last || !strings.HasPrefix(tags[l], "I-")) && strings.HasPrefix(tags[f], "B-") {
				continue
			}
			if strings.HasPrefix(tags[f], "I-") || l < s.Last && strings.HasPrefix(tags[l], "I-") {
				continue
			}
			setSpan(tags, f, l, "PERSON")
		}
	}
}

// tidySpans applies rule 0b.
func tidySpans(lx *lexicon, words, tags []string, sents []nlp.Sentence, actorMode bool) {
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		for _, sp := range spans(tags[s.First:s.Last]) {
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
			for k < l && (lx.titles[strings.ToLower(words[k])] || k+1 < l && descr["titlemod"][strings.ToLower(words[k])] && lx.titles[strings.ToLower(words[k+1])]) {
				k++
			}
			if k > f && k < l && (typ != "ORG" || actorMode && !lx.orgHeads[strings.ToLower(words[l-1])] && !lx.isActor(words[f:l])) {
				for x := f; x < k; x++ {
					tags[x] = "O"
				}
				f, typ = k, "PERSON"
			}
			if k == l && l-f >= 1 && lx.titles[strings.ToLower(words[l-1])] && (l-f > 1 || strings.HasSuffix(words[f], ".")) {
				// only titles ("Rear Adm.", "Supreme Leader"): no name
				for x := f; x < l; x++ {
					tags[x] = "O"
				}
				continue
			}
			if l-f == 1 && lx.isGroup(words[f]) && !lx.isPlace(words[f:l]) && typ != "ORG" {
				typ = "NORP"
			}
			if l-f == 1 && lx.nonNames[strings.ToLower(words[f])] && (len(words[f]) == 1 || strings.ToUpper(words[f]) != words[f]) {
				tags[f] = "O"
				continue
			}
			if l-f == 1 && f == s.First && typ == "ORG" && len(words[f]) > 4 && strings.ToUpper(words[f]) == words[f] {
				// a dateline (BAGHDAD, WASHINGTON) is a place, not an acronym
				if p, ok := lx.places[strings.ToLower(words[f])]; ok && (p.Kind == "country" || p.Kind == "city") && !lx.isActor(words[f:l]) {
					typ = "GPE"
				}
			}
			if l > f {
				setSpan(tags, f, l, typ)
			}
		}
		for i := s.First; i < s.Last; i++ {
			if tags[i] == "O" && isCap(words[i]) && lx.isGroup(words[i]) && !lx.isPlace(words[i:i+1]) {
				tags[i] = "B-NORP"
			}
		}
	}
}

// voteTypes applies rule 4: the same name (the same words) tagged with different types in
// one document takes the type most of its mentions have (ties left alone), so that a name
// the tagger types well in some contexts is typed the same in the others.
func voteTypes(words, tags []string, sents []nlp.Sentence) {
	type mention struct{ f, l int }
	byName := map[string][]mention{}
	votes := map[string]map[string]int{}
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		for _, sp := range spans(tags[s.First:s.Last]) {
			f, l := s.First+sp.first, s.First+sp.last
			k := strings.Join(words[f:l], " ")
			byName[k] = append(byName[k], mention{f, l})
			if votes[k] == nil {
				votes[k] = map[string]int{}
			}
			votes[k][sp.typ]++
		}
	}
	for k, v := range votes {
		if len(v) < 2 {
			continue
		}
		best, n, tie := "", 0, false
		for t, c := range v {
			switch {
			case c > n:
				best, n, tie = t, c, false
			case c == n:
				tie = true
			}
		}
		if tie {
			continue
		}
		for _, m := range byName[k] {
			setSpan(tags, m.f, m.l, best)
		}
	}
}
