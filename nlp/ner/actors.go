package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/lexicon/gazetteer"
	"github.com/faultline/faultline/nlp"
)

// Actor-mode rules (Recognizer.Descriptive). Conflict reporting names many actors without a
// proper name, and the pipeline needs mentions of actors rather than every proper adjective.
// These rules run after docRules on the tags of a whole document:
//
//  1. Acronym definitions: "Islamic Supreme Council of Iraq (ISCI)", "Jaish al-Mahdi (JAM)",
//     "..., or SCIRI,": the capitalised run before the acronym whose initials contain the
//     acronym's letters in order becomes one span (ORG unless the tagger said PERSON), and
//     every mention of the acronym in the document takes its type.
//  2. Movement words: a capitalised X-ist / X-ists (Baathists) whose stem X is a name of the
//     document is an ORG (the movement's members); "the Xs" where X is a person's name of the
//     document is a family (NORP).
//  3. Leaders' organisations: a person's name, with or without 's, before a following noun
//     (government, administration, movement, followers…) makes one ORG span; so does
//     "followers of" + a person.
//  4. Groups of people: a group word or demonym before a group-of-people noun ("Sunni
//     tribes", "Shiite politicians") is one NORP span; a country name or national adjective
//     before a state-agent noun ("US officials", "Syrian diplomats") stays the country.
//  5. Group actors: a group, country or organisation mention before following nouns ("Shiite
//     alliance", "US command"), an untagged capitalised name ending in an organisation head
//     ("Special Groups") or before movement, militia, council ("the Awakening movement"),
//     and modifiers before security nouns without any name
//     ("occupation forces", "federal police", "local council"), or an actor noun alone
//     ("police", "insurgents", "death squads"), are ORG spans.
//  6. Regions: "the south" and a compass adjective before a place ("northern Iraq") are LOC;
//     so is "the West".
//  7. A national adjective modifying a common noun ("Iraqi cities", "Iranian banks") is no
//     actor mention; group words (Sunni, Kurdish) stay NORP; before a noun of a geographic
//     area both make a location ("the Kurdish region", "the Iranian border"); before an
//     -ism, a movement ("Iraqi nationalism", NORP).
//  8. People by their role: a short all-capitalised name typed ORG, GPE or LOC that is no
//     known place or actor and has no organisation head is a PERSON when a role follows it
//     in apposition ("X, the governor of Mosul", "X, a spokesman") or precedes it ("the US
//     envoy in Baghdad, X,"), or when a speech verb introduces it ("says X").
//  9. Coordinated names: one span "A and B" whose two sides are each a person's name of the
//     document, a national adjective, a group word or a country is two mentions ("Omar and
//     Hadad signed" is an act of both).
//  10. Offices (only with Recognizer.Offices): "the" + a national adjective + a one-person
//     office (lexicon/gazetteer/offices.txt) not followed by a name ("the Syrian foreign
//     minister") is a PERSON.
//  11. Organisation heads: a capitalised organisation head (Guard, Corps, Groups) right
//     after an ORG, GPE or NORP span joins it as one ORG ("Tal Special Groups"); so do up
//     to two untagged capitalised words before an ORG that ends in its head ("Higher"
//     in "the Sunni-run Higher Education Ministry"). A
//     span never ends in a function word ("Hawk Force of" -> "Hawk Force") nor starts
//     with a compound modifier ("Sunni-run Health Ministry" -> "Health Ministry").
//  12. Peoples: a group word before a plural group word ("Sunni Arabs", "Shia Kurds") is
//     one NORP mention, the people the first word singles out.
//  13. Sectors: a country or national adjective with the nouns after it that name a
//     sector of that state ("US military leaders") is one ORG span (sectorSpans).
//  14. Names the tagger misses that their context types: "told The Nation", "the daily
//     X", "the X security firm", "the so-called X", a first name and surname, "Centre for
//     the Study of X", "Quds (Jerusalem) Force", "X Province Y" split (nameRuns).
//  15. Places: "the X river", "the X-Y border", "the Iraqi state" (places).
//  16. A group word before an organisation's name belongs to it: "Sunni Awakening
//     militia" (groupNames).
func actorRules(d *rdoc, tags []string, sents []nlp.Sentence, withOffices bool) map[string]string {
	words := d.words
	known := acronymDefs(d, tags, sents)
	// names of the document: single words of entity spans, by their most frequent type
	d.countOf = strMap(d.countOf, len(words)/32+8)
	countOf := d.countOf
	count := d.count[:0]
	d.personWord = strMap(d.personWord, len(words)/64+8)
	personWord := d.personWord
	buf := d.spans[:0]
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		buf = appendSpans(buf[:0], tags[s.First:s.Last])
		for _, sp := range buf {
			f, l := s.First+sp.first, s.First+sp.last
			for k := f; k < l; k++ {
				w := words[k]
				if !d.is(k, wCap) || d.is(k, wPartL) {
					continue
				}
				if sp.typ == "PERSON" {
					personWord[w] = true
					if p := d.strip(k); p != w {
						personWord[p] = true
					}
				}
				if l-f == 1 {
					x, ok := countOf[w]
					if !ok {
						x = int32(len(count))
						countOf[w] = x
						count = append(count, typeVotes{})
					}
					c := &count[x]
					found := false
					for x := range c.typs {
						if c.typs[x] == sp.typ && c.n[x] > 0 {
							c.n[x]++
							found = true
							break
						}
						if c.n[x] == 0 {
							c.typs[x], c.n[x] = sp.typ, 1
							found = true
							break
						}
					}
					if !found {
						if c.more == nil {
							c.more = map[string]int{}
						}
						c.more[sp.typ]++
					}
				}
			}
		}
	}
	d.spans, d.count = buf[:0], count
	for w, x := range countOf {
		if _, ok := known[w]; ok {
			continue
		}
		c := &count[x]
		// the most frequent type, the smallest of equals (in any order of counting)
		best, n := "", 0
		for x := range c.typs {
			if t, k := c.typs[x], c.n[x]; k > 0 && (k > n || k == n && t < best) {
				best, n = t, k
			}
		}
		for t, k := range c.more {
			if k > n || k == n && t < best {
				best, n = t, k
			}
		}
		known[w] = best
	}
	for w := range personWord {
		if _, ok := known[w]; !ok {
			known[w] = "PERSON"
		}
	}
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		// a rule runs on a sentence only if it has a word the rule needs to change a tag:
		// the flags of the guards are tests every change of the rule's makes
		u := d.union(s)
		trimSpans(d, tags, s)
		if u&wGroupsL != 0 {
			peoples(d, tags, s)
		}
		if u&wAnd != 0 {
			coordinations(d, tags, s, known, personWord)
		}
		if u&wOrgHeadAny != 0 {
			orgHeadAfter(d, tags, s)
		}
		nameRuns(d, tags, s, known)
		if withOffices {
			offices(d, tags, s)
		}
		movements(d, tags, s, known, personWord)
		if u&(wFollow|wFollowers) != 0 {
			leaders(d, tags, s)
		}
		if u&wFollowers != 0 {
			followersOf(words, tags, s, personWord)
		}
		if u&(wSectorStart|wSectorStartL) != 0 {
			sectorSpans(d, tags, s)
		}
		if u&(wFeatureL|wBorderL|wStateL) != 0 {
			places(d, tags, s)
		}
		groups(d, tags, s)
		if u&wGroupsL != 0 {
			groupNames(d, tags, s)
		}
		if u&(wDirNoun|wDirAdj|wWest) != 0 {
			regions(d, tags, s)
		}
		if u&(wGroupsL|wDemNE|wDemL) != 0 {
			adjectives(d, tags, s)
		}
		if u&(wTitle|wSpeech) != 0 {
			roles(d, tags, s)
		}
	}
	return known
}

// typeVotes counts the types of a word's single-word spans (actorRules).
type typeVotes struct {
	typs [8]string
	n    [8]int
	more map[string]int // beyond 8 types
}

func okSent(s nlp.Sentence, n int) bool { return s.First >= 0 && s.Last <= n && s.First < s.Last }

// put labels words[f:l] as one span of typ and makes sure the span does not run on into an
// I- tag after it.
func put(tags []string, f, l, last int, typ string) {
	setTags(tags, f, l, typ)
	if l < last && strings.HasPrefix(tags[l], "I-") {
		tags[l] = bTag(tags[l][2:])
	}
}

// spanAt returns the span of tags containing token i ([f,l) and type), or ok false.
func spanAt(tags []string, i, first, last int) (f, l int, typ string, ok bool) {
	if i < first || i >= last || len(tags[i]) < 3 /* "O" too */ {
		return 0, 0, "", false
	}
	typ = tags[i][2:]
	f = i
	for f > first && isTag(tags[f], 'I', typ) {
		f--
	}
	if !isTag(tags[f], 'B', typ) && !isTag(tags[f], 'I', typ) {
		f++
	}
	l = i + 1
	for l < last && isTag(tags[l], 'I', typ) {
		l++
	}
	return f, l, typ, true
}

// eachSpan calls rule with each span [f,l) of tags in sentence s and its type, left to
// right. Rules change tags as they go: each span is found in the tags as the rule left them
// at the span before, and rule returns the token where the scan goes on (l, or the end of
// the tokens it joined to the span).
func eachSpan(tags []string, s nlp.Sentence, rule func(f, l int, typ string) (next int)) {
	for i := s.First; i < s.Last; {
		t := tags[i]
		if len(t) < 3 /* "O" too */ {
			i++
			continue
		}
		if t[1] != '-' || t[0] != 'B' && t[0] != 'I' {
			// not IOB2: as spanAt reads it
			f, l, typ, ok := spanAt(tags, i, s.First, s.Last)
			if !ok || f != i {
				i++
				continue
			}
			i = rule(f, l, typ)
			continue
		}
		// a span starts at i unless an I- tag continues the span of the token before, as
		// spanAt finds it (without walking back to the span's start)
		typ := t[2:]
		if t[0] == 'I' && i > s.First && (isTag(tags[i-1], 'B', typ) || isTag(tags[i-1], 'I', typ)) {
			i++
			continue
		}
		l := i + 1
		for l < s.Last && isTag(tags[l], 'I', typ) {
			l++
		}
		i = rule(i, l, typ)
	}
}

// acronymDefs applies rule 1 and returns the acronyms it learnt with their types.
func acronymDefs(d *rdoc, tags []string, sents []nlp.Sentence) map[string]string {
	lx, words := d.lx, d.words
	d.names = strMap(d.names, len(words)/32+8) // (the names actorRules adds too)
	acr := d.names
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		for i := s.First + 1; i < s.Last; i++ {
			a := words[i]
			if !d.is(i, wAcrUp) || len(a) < 2 {
				continue
			}
			// "Long Name ( ACR )" or "Long Name , or ACR"
			var end int
			switch {
			case words[i-1] == "(" && i+1 < s.Last && words[i+1] == ")":
				end = i - 1
			case words[i-1] == "or" && i-2 > s.First && words[i-2] == ",":
				end = i - 2
			default:
				continue
			}
			f, ok := initialsRun(lx, words[s.First:end], a)
			if !ok {
				continue
			}
			f += s.First
			typ := "ORG"
			if sf, sl, t, ok := spanAt(tags, f, s.First, end); ok && sf == f && sl == end && t != "GPE" {
				typ = t
			}
			if typ == "PERSON" {
				continue
			}
			put(tags, f, end, s.Last, typ)
			acr[a] = typ
		}
	}
	if len(acr) == 0 {
		return acr
	}
	for _, s := range sents {
		if !okSent(s, len(words)) {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			if !d.is(i, wAcrUp) {
				continue // every key of acr is such a word
			}
			typ, ok := acr[words[i]]
			if !ok {
				continue
			}
			if f, l, _, ok := spanAt(tags, i, s.First, s.Last); ok && l-f > 1 {
				continue
			}
			tags[i] = bTag(typ)
			if i+1 < s.Last && strings.HasPrefix(tags[i+1], "I-") {
				tags[i+1] = bTag(tags[i+1][2:])
			}
		}
	}
	return acr
}

// initialsRun finds, at the end of words, the shortest run of capitalised words (with
// lower-case connectors and name particles inside) whose initials contain the letters of
// acr in order, starting with its first letter. It returns the run's first index.
func initialsRun(lx *lexicon, words []string, acr string) (int, bool) {
	letters := []rune(strings.ToUpper(acr))
	var inits []rune // initials from the end backwards
	for f := len(words) - 1; f >= 0 && len(words)-f <= 10; f-- {
		w := words[f]
		lw := strings.ToLower(w)
		switch {
		case isCap(w) || lx.particles[lw] || hasParticle(lw):
			// every hyphenated part gives an initial: al-Mahdi -> A, M
			var parts []rune
			for _, p := range strings.Split(w, "-") {
				if r, _ := utf8.DecodeRuneInString(p); unicode.IsLetter(r) {
					parts = append(parts, unicode.ToUpper(r))
				}
			}
			for k := len(parts) - 1; k >= 0; k-- {
				inits = append(inits, parts[k])
			}
		case lw == "of" || lw == "for" || lw == "the" || lw == "and" || lw == "in":
			continue
		default:
			return 0, false
		}
		if !isCap(w) || letters[0] != inits[len(inits)-1] {
			continue
		}
		// inits reversed is the run's initials; acr must be a subsequence starting at 0
		k := 0
		for j := len(inits) - 1; j >= 0 && k < len(letters); j-- {
			if inits[j] == letters[k] {
				k++
			}
		}
		if k == len(letters) && len(inits) <= 2*len(letters)+1 {
			return f, true
		}
	}
	return 0, false
}

// movements applies rule 2.
func movements(d *rdoc, tags []string, s nlp.Sentence, known map[string]string, personWord map[string]bool) {
	words := d.words
	for i := s.First; i < s.Last; i++ {
		w := words[i]
		if !d.is(i, wCap) || len(w) < 5 {
			continue
		}
		if f, l, _, ok := spanAt(tags, i, s.First, s.Last); ok && l-f > 1 {
			continue
		}
		var stem string
		switch {
		case strings.HasSuffix(w, "ists"):
			stem = w[:len(w)-4]
		case strings.HasSuffix(w, "ist"):
			stem = w[:len(w)-3]
		}
		if stem != "" && len(stem) >= 3 {
			if t, ok := known[stem]; ok && (t == "PERSON" || t == "ORG") || personWord[stem] {
				tags[i] = "B-ORG"
				continue
			}
		}
		if strings.HasSuffix(w, "s") && i > s.First && strings.EqualFold(words[i-1], "the") {
			if st := w[:len(w)-1]; personWord[st] && !d.is(i, wGroup) {
				tags[i] = "B-NORP"
			}
		}
	}
}

// leaders applies rule 3.
func leaders(d *rdoc, tags []string, s nlp.Sentence) {
	words := d.words
	eachSpan(tags, s, func(f, l int, typ string) int {
		if typ != "PERSON" {
			return l
		}
		j := l
		if j < s.Last && (words[j] == "'s" || words[j] == "’s") {
			j++
		}
		if j < s.Last && tags[j] == "O" && d.is(j, wFollow) {
			put(tags, f, j+1, s.Last, "ORG")
			return j + 1
		}
		// followers of X
		if f-2 >= s.First && words[f-1] == "of" && tags[f-2] == "O" && tags[f-1] == "O" &&
			d.is(f-2, wFollowers) {
			put(tags, f-2, l, s.Last, "ORG")
		}
		return l
	})
}

// followersOf applies the rest of rule 3: "followers of X" (or another noun of kind
// "followers" in lexicon/gazetteer/descriptors.tsv) where X is a name the tagger typed
// otherwise but whose last word is a person's name in the document.
func followersOf(words, tags []string, s nlp.Sentence, personWord map[string]bool) {
	eachSpan(tags, s, func(f, l int, typ string) int {
		if typ == "PERSON" || f-2 < s.First || words[f-1] != "of" || tags[f-2] != "O" || tags[f-1] != "O" ||
			!dFollowers[words[f-2]] || !personWord[words[l-1]] {
			return l
		}
		put(tags, f-2, l, s.Last, "ORG")
		return l
	})
}

// groups applies rules 4 and 5.
func groups(d *rdoc, tags []string, s nlp.Sentence) {
	lx, words := d.lx, d.words
	const headF = wForces | wFollow | wActorNoun
	head := func(x int) bool { return d.is(x, headF) }
	for i := s.First; i < s.Last; i++ {
		if tags[i] != "O" {
			f, l, typ, ok := spanAt(tags, i, s.First, s.Last)
			if !ok {
				continue
			}
			i = l - 1
			if typ != "NORP" && typ != "GPE" && typ != "ORG" {
				continue
			}
			if l < s.Last && tags[l] == "O" && d.is(l, wPeople) {
				switch typ {
				case "NORP":
					if l-f == 1 && d.is(l, wStateagent) && d.is(l-1, wDemReal) && !d.is(l-1, wGroupsL) {
						break // "Syrian officials" act for Syria, as "US officials" for the US
					}
					k := l + 1
					put(tags, f, k, s.Last, "NORP")
					i = k - 1
				}
				continue
			}
			k := l
			for k < s.Last && tags[k] == "O" && d.is(k, wActorMod) && k-l < 2 {
				k++
			}
			if k < s.Last && tags[k] == "O" && head(k) && !d.is(k, wPeople) {
				k++
				if k < s.Last && tags[k] == "O" && head(k) && !d.is(k, wPeople) {
					k++
				}
				put(tags, f, k, s.Last, "ORG")
				i = k - 1
			}
			continue
		}
		// an untagged capitalised name ending in an organisation head ("Awakening Councils",
		// "Special Groups") or followed by a following noun ("the Awakening movement")
		if i > s.First && d.is(i, wCap) && !d.is(i, wTitleL) {
			j := i
			for j < s.Last && j-i < 4 && tags[j] == "O" && d.is(j, wCap) && !d.is(j, wTitleL) {
				j++
			}
			switch {
			case j-i >= 2 && d.is(j-1, wOrgHeadAny|wFollowL):
				put(tags, i, j, s.Last, "ORG")
				i = j - 1
				continue
			case j < s.Last && tags[j] == "O" && (words[j] == "movement" || words[j] == "militia" || words[j] == "councils" || words[j] == "council") && !lx.isPlace(words[i:j]) && !d.is(j-1, wGroup):
				put(tags, i, j+1, s.Last, "ORG")
				i = j
				continue
			}
		}
		// modifiers + head, or an actor noun alone
		w := words[i]
		k := i
		for k < s.Last && tags[k] == "O" && d.is(k, wActorMod|wLed) && k-i < 3 {
			k++
		}
		// the head: the word after the modifiers, or the last modifier that is a head itself
		// (federal police)
		isHead := func(x int) bool {
			if x <= i || x >= s.Last || tags[x] != "O" || !head(x) || d.is(x, wPeople) {
				return false
			}
			return words[x] != "government" || words[x-1] == "central" || words[x-1] == "federal" || words[x-1] == "interim" || d.is(x-1, wLed)
		}
		if k > i && !isHead(k) {
			x := k - 1
			for x > i && !isHead(x) {
				x--
			}
			k = x // i when no head: the word alone may still be an actor noun
		}
		switch {
		case isHead(k):
			e := k + 1
			for e < s.Last && tags[e] == "O" && head(e) && !d.is(e, wPeople) && e-k < 2 {
				e++
			}
			put(tags, i, e, s.Last, "ORG")
			i = e - 1
		case k == i && d.is(i, wActorNoun):
			e := i + 1
			if e < s.Last && d.is(i, wActorNoun2) && lx.actorNouns[w+" "+words[e]] {
				e++
			}
			for e < s.Last && tags[e] == "O" && d.is(e, wForces) && !d.is(e, wPeople) && e-i < 2 {
				e++
			}
			put(tags, i, e, s.Last, "ORG")
			i = e - 1
		case k == i && i+1 < s.Last && d.is(i, wActorNoun2) && lx.actorNouns[w+" "+words[i+1]]:
			put(tags, i, i+2, s.Last, "ORG")
			i++
		case k == i && i > s.First && d.is(i, wCap) && d.is(i, wActorNounL) && !d.is(i, wPlace1):
			tags[i] = "B-ORG"
		case k == i && i > s.First && w == "Coalition":
			tags[i] = "B-ORG"
		}
	}
}

// isLedCompound reports whether w is a lower-case compound such as pro-government,
// US-led, Badr-linked that can open a descriptive actor.
func isLedCompound(lx *lexicon, w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 {
		return false
	}
	switch w[i+1:] {
	case "led", "backed", "linked", "controlled", "dominated", "run", "based", "allied", "aligned", "affiliated", "sponsored", "installed", "trained", "funded", "armed":
		return true
	}
	return false
}

// regions applies rule 6.
func regions(d *rdoc, tags []string, s nlp.Sentence) {
	words := d.words
	for i := s.First; i < s.Last; i++ {
		w := words[i]
		switch {
		case tags[i] == "O" && d.is(i, wDirNoun) && i > s.First && strings.EqualFold(words[i-1], "the") && tags[i-1] == "O" &&
			(i+1 == s.Last || !d.is(i+1, wLetterFirst) || tags[i+1] != "O" || d.is(i+1, wAfterPlace)):
			put(tags, i-1, i+1, s.Last, "LOC")
		case w == "West" && i > s.First && strings.EqualFold(words[i-1], "the") && (tags[i] == "O" || tags[i] == "B-LOC" || tags[i] == "B-GPE") && (i+1 == s.Last || tags[i+1] == "O"):
			put(tags, i-1, i+1, s.Last, "LOC")
		case tags[i] == "O" && d.is(i, wDirAdj) && i+1 < s.Last && strings.HasPrefix(tags[i+1], "B-") && (tags[i+1] == "B-GPE" || tags[i+1] == "B-LOC"):
			_, l, _, _ := spanAt(tags, i+1, s.First, s.Last)
			put(tags, i, l, s.Last, "LOC")
			i = l - 1
		}
	}
}

// afterPlace holds function words that may follow a region noun ("the north and",
// "the south of"), unlike nouns ("the north bank").
var afterPlace = map[string]bool{"and": true, "or": true, "of": true, "to": true, "in": true, "into": true,
	"at": true, "from": true, "where": true, "which": true, "that": true, "was": true, "is": true,
	"were": true, "are": true, "has": true, "had": true, "but": true, "remained": true}

func firstRune(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// adjectives applies rule 7.
func adjectives(d *rdoc, tags []string, s nlp.Sentence) {
	words := d.words
	for i := s.First; i < s.Last; i++ {
		if tags[i] != "B-NORP" || i+1 < s.Last && tags[i+1] == "I-NORP" {
			continue
		}
		if i+1 < s.Last && tags[i+1] == "O" && d.is(i+1, wGeoNoun) && d.is(i, wGroupsL|wDemNE) {
			put(tags, i, i+2, s.Last, "LOC")
			i++
			continue
		}
		if i+1 < s.Last && tags[i+1] == "O" && len(words[i+1]) > 5 && strings.HasSuffix(words[i+1], "ism") && d.is(i+1, wLowerFirst) &&
			d.is(i, wGroupsL|wDemNE) {
			// "Iraqi nationalism", "Shiite fundamentalism": the movement, a community
			put(tags, i, i+2, s.Last, "NORP")
			i++
			continue
		}
		if !d.is(i, wDemL) || d.is(i, wGroupsL) {
			continue
		}
		if i+1 < s.Last && tags[i+1] == "O" {
			if d.is(i+1, wLowerFirst) && !d.is(i+1, wPeople) {
				tags[i] = "O"
				continue
			}
		}
		// part of a person's description: "Iranian President ...", "the Iraqi Foreign Minister ..."
		for j := i + 1; j < s.Last && j-i <= 3 && tags[j] == "O" && d.is(j, wCap); j++ {
			if d.is(j, wTitleL) {
				tags[i] = "O"
				break
			}
		}
	}
}

// compounds returns the entities inside hyphenated tokens that no span covers or that a
// span covers whole (US-Iran, Badr-linked, pro-Iran, Sunni-Shia): each part that is a name
// of the document (known), a country or a group word gets its own span in bytes.
func compounds(lx *lexicon, d *nlp.Doc, words, tags []string, known map[string]string) []nlp.Span {
	var out []nlp.Span
	for i, w := range words {
		if strings.IndexByte(w, '-') <= 0 || hasParticle(strings.ToLower(w)) || tags[i] != "O" && (i+1 < len(tags) && strings.HasPrefix(tags[i+1], "I-") || strings.HasPrefix(tags[i], "I-")) {
			continue
		}
		tok := d.Tokens[i]
		text := d.Text[tok.Start:tok.End]
		if len(text) != len(w) {
			continue
		}
		var parts []nlp.Span
		off := 0
		for _, p := range strings.Split(text, "-") {
			start := tok.Start + off
			off += len(p) + 1
			if p == "" || !isCap(p) {
				continue
			}
			typ := known[p]
			if typ == "" {
				lp := strings.ToLower(p)
				if pl, ok := lx.places.Lookup(lp); ok && pl.Kind == "country" {
					typ = "GPE"
				} else if lx.groups[lp] {
					typ = "NORP"
				} else if v, ok := lx.variants[p]; ok && lx.groups[strings.ToLower(v)] {
					typ = "NORP"
				} else if v, ok := lx.variants[p]; ok {
					if pl, ok := lx.places.Lookup(strings.ToLower(v)); ok && pl.Kind == "country" {
						typ = "GPE"
					}
				}
			}
			if typ == "" || typ == "NORP" && lx.demonyms[strings.ToLower(p)] != "" && !lx.groups[strings.ToLower(p)] {
				continue
			}
			parts = append(parts, nlp.Span{First: i, Last: i + 1, Start: start, End: start + len(p), Label: typ})
		}
		if len(parts) == 0 {
			continue
		}
		tags[i] = "O" // the parts replace a span over the whole token
		out = append(out, parts...)
	}
	return out
}

// roles applies rule 8.
func roles(d *rdoc, tags []string, s nlp.Sentence) {
	lx, words := d.lx, d.words
	eachSpan(tags, s, func(f, l int, typ string) int {
		if typ != "ORG" && typ != "GPE" && typ != "LOC" || l-f < 2 || l-f > 4 {
			return l
		}
		// (the word tests first: they are cheaper than the name lookups, and all are pure)
		for k := f; k < l; k++ {
			if !d.is(k, wCap) || d.is(k, wOrgHeadL|wTitleL|wGroup|wPlaceL) || strings.EqualFold(words[k], "the") {
				return l
			}
		}
		if lx.isPlace(words[f:l]) || lx.isActor(words[f:l]) {
			return l
		}
		role := false
		// X , the/a ... role
		if l+2 < s.Last && words[l] == "," && (words[l+1] == "the" || words[l+1] == "a" || words[l+1] == "an") {
			for k := l + 2; k < s.Last && k < l+6; k++ {
				if d.is(k, wTitle) {
					role = true
					break
				}
				if words[k] == "," || words[k] == "of" {
					break
				}
			}
		}
		// role ... , X ,
		if !role && f-2 >= s.First && words[f-1] == "," && l < s.Last && (words[l] == "," || words[l] == ".") {
			for k := f - 2; k >= s.First && k > f-7; k-- {
				if d.is(k, wTitle) && tags[k] == "O" {
					role = true
					break
				}
				if words[k] == "," {
					break
				}
			}
		}
		// says X
		if !role && f-1 >= s.First && d.is(f-1, wSpeech) {
			role = true
		}
		if role {
			setSpan(tags, f, l, "PERSON")
		}
		return l
	})
}

// isOrgHead reports whether w, in any case and singular or plural, is an organisation head
// word (Force, Guards, Groups).
func isOrgHead(lx *lexicon, w string) bool {
	lw := strings.ToLower(w)
	return lx.orgHeads[lw] || strings.HasSuffix(lw, "s") && lx.orgHeads[lw[:len(lw)-1]]
}

// spanEnders are function words an entity span never ends with.
var spanEnders = map[string]bool{"of": true, "the": true, "and": true, "or": true, "in": true,
	"to": true, "for": true, "at": true, "by": true, "with": true, "from": true, "on": true,
	"was": true, "were": true, "is": true, "are": true, "has": true, "had": true, "have": true}

// trimSpans applies the second half of rule 11: trailing function words leave their span.
func trimSpans(d *rdoc, tags []string, s nlp.Sentence) {
	words := d.words
	eachSpan(tags, s, func(f, l int, _ string) int {
		// "Sunni-controlled Interior Ministry": the compound modifies the name, it is no
		// part of it (its capitalised part becomes a mention of its own, see compounds)
		if l-f >= 2 && d.is(f, wLed) && d.is(f+1, wCap) {
			tags[f] = "O"
			tags[f+1] = bTag(tags[f+1][2:])
			f++
		}
		// "Council for the Revolution in" + "Iraq": the name runs on through the next
		// span unless that one owns a name of its own ("Force of" + "Iran's Guard")
		if w := words[l-1]; l-1 > f && (w == "of" || w == "in" || w == "for") {
			nl, nt := l+1, ""
			if l < s.Last && tags[l] != "O" {
				var nf int
				nf, nl, nt, _ = spanAt(tags, l, s.First, s.Last)
				if nf != l {
					nt = "PERSON" // inside another span: leave it
				}
			}
			if l < s.Last && d.is(l, wCap) && nt != "PERSON" &&
				!(nl+1 < s.Last && (words[nl] == "'s" || words[nl] == "’s") && isCap(words[nl+1])) {
				put(tags, f, nl, s.Last, tags[f][2:])
				return nl
			}
		}
		for e := l; e-1 > f && d.is(e-1, wSpanEnder); e-- {
			tags[e-1] = "O"
		}
		return l
	})
}

// coordinations applies rule 9.
func coordinations(d *rdoc, tags []string, s nlp.Sentence, known map[string]string, personWord map[string]bool) {
	lx, words := d.lx, d.words
	// kind returns the type one side of the coordination would have alone, or "".
	kind := func(a, b int) string {
		if b-a == 0 || b-a > 3 {
			return ""
		}
		for k := a; k < b; k++ {
			if !d.is(k, wCap|wPartL|wHasPartL) {
				return ""
			}
		}
		last := words[b-1]
		if personWord[last] || personWord[d.strip(b-1)] || known[last] == "PERSON" {
			return "PERSON"
		}
		if b-a > 1 {
			return ""
		}
		if d.is(b-1, wGroupsL|wDemNE) {
			return "NORP"
		}
		if d.is(b-1, wCountryL) {
			return "GPE"
		}
		return ""
	}
	eachSpan(tags, s, func(f, l int, typ string) int {
		if typ == "EVENT" || typ == "FAC" || l-f < 3 {
			return l
		}
		and := -1
		for k := f + 1; k < l-1; k++ {
			if words[k] == "and" || words[k] == "&" {
				if and >= 0 {
					and = -1
					break
				}
				and = k
			}
		}
		if and < 0 || lx.isPlace(words[f:l]) || lx.isActor(words[f:l]) {
			return l
		}
		a, b := kind(f, and), kind(and+1, l)
		if a == "" || b == "" {
			return l
		}
		setTags(tags, f, and, a)
		tags[and] = "O"
		setTags(tags, and+1, l, b)
		return l
	})
}

// orgHeadAfter applies the first half of rule 11.
func orgHeadAfter(d *rdoc, tags []string, s nlp.Sentence) {
	eachSpan(tags, s, func(f, l int, typ string) int {
		// "the Sunni-run Higher Education Ministry": untagged capitalised words right
		// before an organisation's name that ends in its head belong to it
		if typ == "ORG" && d.is(l-1, wOrgHeadAny) {
			k := f
			for k-1 > s.First && tags[k-1] == "O" && d.is(k-1, wCap) && d.is(k-1, wPlainCap) && f-k < 2 {
				k--
			}
			if k < f {
				put(tags, k, l, s.Last, "ORG")
			}
		}
		if typ != "ORG" && typ != "GPE" && typ != "NORP" || l >= s.Last || !d.is(l, wCap) || !d.is(l, wOrgHeadAny) {
			return l
		}
		if hf, hl, _, ok := spanAt(tags, l, s.First, s.Last); ok && (hf != l || hl != l+1) {
			return l // the head starts a longer name of its own
		}
		put(tags, f, l+1, s.Last, "ORG")
		return l + 1
	})
}

// plainCap reports whether the capitalised word w may be part of an organisation's name
// before it: no title, group word, national adjective, place, weekday or month.
func plainCap(lx *lexicon, w string) bool {
	lw := strings.ToLower(w)
	if lx.titles[lw] || lx.groups[lw] || lx.demonyms[lw] != "" || lx.nonNames[lw] || calendar[lw] || strings.IndexByte(w, '-') >= 0 {
		return false
	}
	_, place := lx.places.Lookup(lw)
	return !place
}

// calendar holds the names of weekdays and months.
var calendar = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true}

// peoples applies rule 12.
func peoples(d *rdoc, tags []string, s nlp.Sentence) {
	for i := s.First; i+1 < s.Last; i++ {
		if tags[i] != "B-NORP" || tags[i+1] != "B-NORP" && tags[i+1] != "I-NORP" {
			continue
		}
		if !d.is(i, wGroupsL) || !d.is(i+1, wGroupsL) || !strings.HasSuffix(d.lw(i+1), "s") || i+2 < s.Last && tags[i+2] == "I-NORP" {
			continue
		}
		put(tags, i, i+2, s.Last, "NORP")
		i++
	}
}

// offices applies rule 10.
func offices(d *rdoc, tags []string, s nlp.Sentence) {
	words := d.words
	for i := s.First + 1; i < s.Last; i++ {
		if !strings.EqualFold(words[i-1], "the") || !d.is(i, wDemNE) || d.is(i, wGroupsL) || !d.is(i, wCap) {
			continue
		}
		if f, l, _, ok := spanAt(tags, i, s.First, s.Last); ok && (f != i || l != i+1) {
			continue
		}
		k := i + 1
		for k < s.Last && k-i <= 3 && tags[k] == "O" && d.is(k, wOfficeMod) {
			k++
		}
		if k >= s.Last || tags[k] != "O" || !d.is(k, wOfficeHead) {
			continue
		}
		if k+1 < s.Last && d.is(k+1, wCap) {
			continue // a title before a name: the name is the mention
		}
		put(tags, i, k+1, s.Last, "PERSON")
		i = k
	}
}

// descr holds the words around a name that say what it names (lexicon/gazetteer
// descriptors.tsv), by kind.
var descr = gazetteer.Descriptors()

// sectorSpans applies rule 13: a country or national adjective, with the nouns after it,
// that names a sector of that state ("US military leaders", "American surge forces",
// "Iraqi intelligence operatives"; lexicon/actors/sectors.tsv) is one ORG span. It runs
// before rule 7, which would drop the adjective before a common noun.
func sectorSpans(d *rdoc, tags []string, s nlp.Sentence) {
	words := d.words
	// theNew reports whether "the new" comes before f: "the new Iraqi army" is the same
	// army, newly built, and "new" belongs to its span.
	theNew := func(f int) bool {
		return f-2 >= s.First && words[f-1] == "new" && tags[f-1] == "O" && strings.EqualFold(words[f-2], "the")
	}
	eachSpan(tags, s, func(f, l int, typ string) int {
		if typ == "ORG" && l-f >= 2 && l-f <= 3 && theNew(f) && d.is(f+1, wSectorStartL) {
			if isSector(words[f:l]) {
				put(tags, f-1, l, s.Last, "ORG")
				return l
			}
		}
		if typ != "GPE" && typ != "NORP" && typ != "ORG" || l-f > 2 || l >= s.Last || tags[l] != "O" || !d.is(l, wLowerFirst) ||
			!d.is(l, wSectorStart) && !(l-f == 2 && d.is(f+1, wSectorStartL)) {
			return l
		}
		best := -1
		for k := l + 1; k <= s.Last && k-l <= 2; k++ {
			if tags[k-1] != "O" || !d.is(k-1, wLowerFirst) {
				break
			}
			if isSector(words[f:k]) {
				best = k
			}
		}
		if best < 0 {
			return l
		}
		if theNew(f) {
			f--
		}
		put(tags, f, best, s.Last, "ORG")
		return best
	})
}

// nameRuns applies rule 14, names the tagger misses that their context types:
//
//   - a mid-sentence capitalised "The" before capitalised words is the title of a
//     publication or organisation ("told The Nation", "an issue of The Daily Star");
//   - a common noun that introduces a name ("the daily Al Hayat", "the US-based group X",
//     "the newspaper X") or follows it ("the X security firm") makes the capitalised run
//     an ORG;
//   - "so-called" before a capitalised run makes it an ORG ("the so-called Golden Ones");
//   - kinds of party ("religious parties", "Kurdish political parties") are ORG;
//   - an untagged Arabic name with its article after "in" or "near" is a place ("in
//     As-Sadiyah");
//   - a one-word person name before an untagged plain capitalised word is a first name
//     and surname ("Hugh" + "Grant");
//   - an organisation name ending in a head that takes a complement runs on through
//     "for"/"of" and the capitalised words after it ("Centre" + "for the Study of X"), and
//     a national adjective right before such a name belongs to it ("Norwegian" + "Institute
//     for …");
//   - a name, a gloss in parentheses and an organisation head are one name ("Quds
//     (Jerusalem) Force");
//   - a place name that runs on after its place head is two mentions ("X Province Y" ->
//     "X Province", "Y").
func nameRuns(d *rdoc, tags []string, s nlp.Sentence, known map[string]string) {
	lx, words := d.lx, d.words
	// capRun returns the end of the run of untagged (or, with anyTag, any) capitalised
	// plain words from i, at most n long.
	capRun := func(i, n int, anyTag bool) int {
		j := i
		for j < s.Last && j-i < n && d.is(j, wCap) && (anyTag || tags[j] == "O") && !d.is(j, wTitleL|wCalL) {
			j++
		}
		return j
	}
	for i := s.First + 1; i < s.Last; i++ {
		w := words[i]
		switch {
		case w == "The" && tags[i] == "O" && d.is(i-1, wLowerFirst):
			j := capRun(i+1, 3, true)
			if j == i+1 || lx.isPlace(words[i+1:j]) || lx.isActor(words[i+1:j]) {
				continue
			}
			if hf, hl, _, ok := spanAt(tags, i+1, s.First, s.Last); ok && (hf != i+1 || hl > j) {
				continue
			}
			if j < s.Last && tags[j] != "O" && strings.HasPrefix(tags[j], "I-") {
				continue
			}
			put(tags, i, j, s.Last, "ORG")
			i = j - 1
		case tags[i] == "O" && d.is(i, wCap) && (words[i-1] == "in" || words[i-1] == "near") && tags[i-1] == "O" && strings.IndexByte(w, '-') > 0 &&
			d.is(i, wHasPartL) && !strings.HasPrefix(d.lw(i), "abu-") && !strings.HasPrefix(d.lw(i), "bin-") && !strings.HasPrefix(d.lw(i), "abd") && isCap(w[strings.IndexByte(w, '-')+1:]) &&
			(i+1 == s.Last || !isCap(words[i+1])):
			// "in As-Sadiyah", "near Ar-Rutba": an Arabic place name the tagger does not know
			tags[i] = "B-GPE"
		case tags[i] == "O" && d.is(i, wPartymod):
			// "religious parties", "Kurdish political parties"
			k := i
			for k < s.Last && k-i < 2 && tags[k] == "O" && d.is(k, wPartymod) {
				k++
			}
			if k >= s.Last || tags[k] != "O" || words[k] != "parties" {
				continue
			}
			f := i
			if pf, pl, pt, ok := spanAt(tags, i-1, s.First, s.Last); ok && pt == "NORP" && pl == i && pl-pf == 1 {
				f = pf
			}
			put(tags, f, k+1, s.Last, "ORG")
			i = k
		case tags[i] == "O" && (d.is(i, wBeforeL) || w == "so-called") && d.is(i, wLowerFirst):
			k := i + 1
			if k < s.Last && (words[k] == "]" || words[k] == ")") {
				k++
			}
			j := capRun(k, 4, false)
			if j == k || j-k == 1 && d.is(k, wGroup|wDemNE) || lx.isPlace(words[k:j]) {
				continue
			}
			put(tags, k, j, s.Last, "ORG")
			i = j - 1
		case d.is(i, wCap) && i+4 < s.Last && words[i+1] == "(" && d.is(i+2, wCap) && words[i+3] == ")" && d.is(i+4, wOrgHeadAny) && d.is(i+4, wCap):
			f := i
			if hf, _, _, ok := spanAt(tags, i, s.First, s.Last); ok {
				f = hf
			}
			e := i + 5
			if _, hl, _, ok := spanAt(tags, i+4, s.First, s.Last); ok && hl > e {
				e = hl
			}
			put(tags, f, e, s.Last, "ORG")
			i = e - 1
		case tags[i] == "O" && d.is(i, wCap) && strings.EqualFold(words[i-1], "the") && d.is(i, wPlainCap):
			j := capRun(i, 3, false)
			k := j
			if k < s.Last && d.is(k, wAftermod) {
				k++
			}
			if k < s.Last && d.is(k, wAfter) && tags[k] == "O" && !lx.isPlace(words[i:j]) {
				put(tags, i, j, s.Last, "ORG")
			}
			i = j - 1
		}
	}
	eachSpan(tags, s, func(f, l int, typ string) int {
		switch {
		case typ == "PERSON" && l-f == 1 && l < s.Last && tags[l] == "O" && d.is(l, wCap) && d.is(l, wPlainCap) &&
			!d.is(l, wOrgHeadAny|wFollowL|wPlaceheadL) &&
			(known[words[l]] == "" || known[words[l]] == "PERSON") && (l+1 == s.Last || !d.is(l+1, wCap)):
			put(tags, f, l+1, s.Last, "PERSON")
			return l + 1
		case typ == "ORG" && d.is(l-1, wNameheadL) && l+1 < s.Last && (words[l] == "for" || words[l] == "of"):
			k := l + 1
			if k < s.Last && words[k] == "the" {
				k++
			}
			if k >= s.Last || !d.is(k, wCap) || d.is(k, wGroup) && k+1 < s.Last && !d.is(k+1, wCap) {
				return l
			}
			// the run: capitalised words and the connectors between them
			e := k
			for e < s.Last && (d.is(e, wCap) || (words[e] == "of" || words[e] == "for" || words[e] == "and" || words[e] == "the") && e+1 < s.Last && d.is(e+1, wCap)) {
				if tags[e] != "O" {
					if _, hl, t, _ := spanAt(tags, e, s.First, s.Last); t == "PERSON" {
						break
					} else {
						e = hl
						continue
					}
				}
				e++
			}
			if e > k {
				if e+1 < s.Last && words[e] == "in" && tags[e+1] == "B-GPE" && d.is(e+1, wCountry) && (e+2 == s.Last || tags[e+2] != "I-GPE" && !d.is(e+2, wCap)) {
					e += 2 // "Supreme Council for the Islamic Revolution in Iraq"
				}
				put(tags, f, e, s.Last, "ORG")
				return e
			}
		case typ == "ORG" && l-f >= 2 && l+1 < s.Last && words[l] == "in" && tags[l+1] == "B-GPE" && d.is(l+1, wCountry) && (l+2 == s.Last || tags[l+2] != "I-GPE" && !d.is(l+2, wCap) && words[l+2] != "'s" && words[l+2] != "’s") && capName(lx, words[f:l]):
			// "Al Qaeda in Iraq", "the Union for Peace in Iraq": a branch or body named
			// after the country it works in (resolution keys it by its name before "in"
			// too); a city after "in" is where it is ("the Ministry of Defence in London")
			put(tags, f, l+2, s.Last, "ORG")
			return l + 2
		case (typ == "LOC" || typ == "GPE") && l-f >= 2 && d.is(f, wDirNoun) && d.is(f+1, wCap) && !d.is(f+1, wPlace1) && !d.is(f+1, wPlaceKindNE) &&
			f-1 >= s.First && (strings.EqualFold(words[f-1], "the") || d.is(f-1, wLed)):
			// "the Shiite-dominated south SCIRI officials": the region ends at its noun
			rest := known[words[f+1]]
			if rest == "" || rest == "LOC" || rest == "GPE" {
				rest = "ORG"
			}
			put(tags, f+1, l, s.Last, rest)
			// "the south" with its article, as rule 6; "the Shiite-dominated south"
			// without it, as other descriptions
			start := f
			if f-1 >= s.First && tags[f-1] == "O" && (strings.EqualFold(words[f-1], "the") || d.is(f-1, wLed)) {
				start = f - 1
			}
			put(tags, start, f+1, s.Last, "LOC")
			return l
		case typ == "NORP" && l-f == 1 && l < s.Last && strings.HasPrefix(tags[l], "B-ORG") && d.is(l, wNameheadL):
			_, hl, _, _ := spanAt(tags, l, s.First, s.Last)
			put(tags, f, hl, s.Last, "ORG")
			return hl
		case (typ == "ORG" || typ == "LOC" || typ == "GPE") && l-f >= 3:
			for p := f + 1; p < l-1; p++ {
				if d.is(p, wPlaceheadL) && d.is(p, wCap) && d.is(p+1, wCap) {
					put(tags, f, p+1, s.Last, "GPE")
					put(tags, p+1, l, s.Last, typ)
					return l
				}
			}
		}
		return l
	})
}

// groupNames applies rule 16: a group word before an organisation's name singles it out
// and belongs to the mention ("Sunni Awakening militia", "the Kurdish Peshmerga forces");
// a national adjective does not (rule 7 keeps "Iraqi" apart).
func groupNames(d *rdoc, tags []string, s nlp.Sentence) {
	eachSpan(tags, s, func(f, l int, typ string) int {
		if typ != "NORP" || l-f != 1 || l >= s.Last || tags[l] != "B-ORG" || !d.is(f, wGroupsL) || d.is(f, wDemReal) {
			return l
		}
		if !d.is(l, wCap) || d.is(l, wGroup|wDemReal) {
			return l
		}
		_, hl, _, _ := spanAt(tags, l, s.First, s.Last)
		put(tags, f, hl, s.Last, "ORG")
		return hl
	})
}

// places applies rule 15: a place before a geographic feature noun is that feature ("the
// X river", "the X tunnel"; LOC), as is a hyphenated pair of countries before "border"
// ("the X-Y border"), and a national adjective before "state" is the state itself ("the
// Iraqi state"; GPE) when no noun follows ("state television" is no state).
func places(d *rdoc, tags []string, s nlp.Sentence) {
	lx, words := d.lx, d.words
	for i := s.First; i < s.Last; i++ {
		if i+1 >= s.Last || tags[i+1] != "O" {
			continue
		}
		if !d.is(i+1, wLowerFirst|wFeatureL) {
			continue
		}
		f, l, typ, ok := spanAt(tags, i, s.First, s.Last)
		switch {
		case ok && l == i+1 && (typ == "GPE" || typ == "LOC") && d.is(i+1, wFeatureL) && !d.is(i+1, wBorderL):
			put(tags, f, i+2, s.Last, "LOC")
			i++
		case d.is(i+1, wBorderL) && strings.Count(words[i], "-") == 1 && (tags[i] == "O" || ok && f == i && l == i+1):
			a, b, _ := strings.Cut(words[i], "-")
			if lx.country(a) && lx.country(b) {
				put(tags, i, i+2, s.Last, "LOC")
				i++
			}
		case d.is(i+1, wStateL) && ok && f == i && l == i+1 && (typ == "NORP" || typ == "GPE") && d.is(i, wDemNE) && !d.is(i, wGroupsL) &&
			(i+2 == s.Last || !d.is(i+2, wLetterFirst) || d.is(i+2, wAfterPlace) || words[i+2] == "came" || words[i+2] == "had"):
			put(tags, i, i+2, s.Last, "GPE")
			i++
		}
	}
}

// country reports whether w names a country (directly or by a spelling variant).
func (lx *lexicon) country(w string) bool {
	lw := strings.ToLower(w)
	if p, ok := lx.places.Lookup(lw); ok && p.Kind == "country" {
		return true
	}
	if v, ok := lx.variants[w]; ok {
		if p, ok := lx.places.Lookup(strings.ToLower(v)); ok && p.Kind == "country" {
			return true
		}
	}
	return false
}

// capName reports whether words are a proper name: capitalised words, particles and the
// connectors of names (for, of, the, al-).
func capName(lx *lexicon, words []string) bool {
	for _, w := range words {
		if !isCap(w) && !lx.particles[strings.ToLower(w)] && !hasParticle(strings.ToLower(w)) && w != "for" && w != "of" && w != "the" && w != "and" {
			return false
		}
	}
	return isCap(words[0]) && isCap(words[len(words)-1])
}
