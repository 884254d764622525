package ner

// Reference copies of actors.go and rules.go as of d907fbb (before nr's speed work), for
// TestRulesMatchRef and FuzzRulesMatchRef: the fast rules must give the same tags.
//
// Update: a change to what a rule does (not to how fast it runs) in actors.go or rules.go
// is made here too, the same way; until then the two tests fail. Retire: when the rules
// change so much that mirroring them here is no longer simple, delete this file with the
// two tests, TestRulesConcurrent's reference check and BenchmarkRules's reference half (the
// rule tables of ner_test.go stay).

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/lexicon/actors"
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
func actorRulesRef(lx *lexicon, words, tags []string, sents []nlp.Sentence, withOffices bool) map[string]string {
	known := acronymDefsRef(lx, words, tags, sents)
	// names of the document: single words of entity spans, by their most frequent type
	count := map[string]map[string]int{}
	personWord := map[string]bool{}
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
			continue
		}
		for _, sp := range spans(tags[s.First:s.Last]) {
			f, l := s.First+sp.first, s.First+sp.last
			for k := f; k < l; k++ {
				w := words[k]
				if !isCap(w) || lx.particles[strings.ToLower(w)] {
					continue
				}
				if sp.typ == "PERSON" {
					personWord[w] = true
					if p := stripParticleRef(w); p != w {
						personWord[p] = true
					}
				}
				if l-f == 1 {
					if count[w] == nil {
						count[w] = map[string]int{}
					}
					count[w][sp.typ]++
				}
			}
		}
	}
	for w, c := range count {
		if _, ok := known[w]; ok {
			continue
		}
		best, n := "", 0
		for t, k := range c {
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
		if !okSentRef(s, len(words)) {
			continue
		}
		trimSpansRef(lx, words, tags, s)
		peoplesRef(lx, words, tags, s)
		coordinationsRef(lx, words, tags, s, known, personWord)
		orgHeadAfterRef(lx, words, tags, s)
		nameRunsRef(lx, words, tags, s, known)
		if withOffices {
			officesRef(lx, words, tags, s)
		}
		movementsRef(lx, words, tags, s, known, personWord)
		leadersRef(lx, words, tags, s)
		followersOfRef(words, tags, s, personWord)
		sectorSpansRef(lx, words, tags, s)
		placesRef(lx, words, tags, s)
		groupsRef(lx, words, tags, s)
		groupNamesRef(lx, words, tags, s)
		regionsRef(lx, words, tags, s)
		adjectivesRef(lx, words, tags, s)
		rolesRef(lx, words, tags, s)
	}
	return known
}

func okSentRef(s nlp.Sentence, n int) bool { return s.First >= 0 && s.Last <= n && s.First < s.Last }

// put labels words[f:l] as one span of typ and makes sure the span does not run on into an
// I- tag after it.
func putRef(tags []string, f, l, last int, typ string) {
	setSpan(tags, f, l, typ)
	if l < last && strings.HasPrefix(tags[l], "I-") {
		tags[l] = "B-" + tags[l][2:]
	}
}

// spanAt returns the span of tags containing token i ([f,l) and type), or ok false.
func spanAtRef(tags []string, i, first, last int) (f, l int, typ string, ok bool) {
	if i < first || i >= last || tags[i] == "O" || len(tags[i]) < 3 {
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
func eachSpanRef(tags []string, s nlp.Sentence, rule func(f, l int, typ string) (next int)) {
	for i := s.First; i < s.Last; {
		f, l, typ, ok := spanAtRef(tags, i, s.First, s.Last)
		if !ok || f != i {
			i++
			continue
		}
		i = rule(f, l, typ)
	}
}

// acronymDefs applies rule 1 and returns the acronyms it learnt with their types.
func acronymDefsRef(lx *lexicon, words, tags []string, sents []nlp.Sentence) map[string]string {
	acr := map[string]string{}
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
			continue
		}
		for i := s.First + 1; i < s.Last; i++ {
			a := words[i]
			if !isAcronymRef(a) || strings.ToUpper(a) != a || len(a) < 2 {
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
			f, ok := initialsRunRef(lx, words[s.First:end], a)
			if !ok {
				continue
			}
			f += s.First
			typ := "ORG"
			if sf, sl, t, ok := spanAtRef(tags, f, s.First, end); ok && sf == f && sl == end && t != "GPE" {
				typ = t
			}
			if typ == "PERSON" {
				continue
			}
			putRef(tags, f, end, s.Last, typ)
			acr[a] = typ
		}
	}
	if len(acr) == 0 {
		return acr
	}
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			typ, ok := acr[words[i]]
			if !ok {
				continue
			}
			if f, l, _, ok := spanAtRef(tags, i, s.First, s.Last); ok && l-f > 1 {
				continue
			}
			tags[i] = "B-" + typ
			if i+1 < s.Last && strings.HasPrefix(tags[i+1], "I-") {
				tags[i+1] = "B-" + tags[i+1][2:]
			}
		}
	}
	return acr
}

// initialsRun finds, at the end of words, the shortest run of capitalised words (with
// lower-case connectors and name particles inside) whose initials contain the letters of
// acr in order, starting with its first letter. It returns the run's first index.
func initialsRunRef(lx *lexicon, words []string, acr string) (int, bool) {
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
func movementsRef(lx *lexicon, words, tags []string, s nlp.Sentence, known map[string]string, personWord map[string]bool) {
	for i := s.First; i < s.Last; i++ {
		w := words[i]
		if !isCap(w) || len(w) < 5 {
			continue
		}
		if f, l, _, ok := spanAtRef(tags, i, s.First, s.Last); ok && l-f > 1 {
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
			if st := w[:len(w)-1]; personWord[st] && !lx.isGroup(w) {
				tags[i] = "B-NORP"
			}
		}
	}
}

// leaders applies rule 3.
func leadersRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	eachSpanRef(tags, s, func(f, l int, typ string) int {
		if typ != "PERSON" {
			return l
		}
		j := l
		if j < s.Last && (words[j] == "'s" || words[j] == "’s") {
			j++
		}
		if j < s.Last && tags[j] == "O" && lx.following[words[j]] {
			putRef(tags, f, j+1, s.Last, "ORG")
			return j + 1
		}
		// followers of X
		if f-2 >= s.First && words[f-1] == "of" && tags[f-2] == "O" && tags[f-1] == "O" &&
			descr["followers"][words[f-2]] {
			putRef(tags, f-2, l, s.Last, "ORG")
		}
		return l
	})
}

// followersOf applies the rest of rule 3: "followers of X" (or another noun of kind
// "followers" in lexicon/gazetteer/descriptors.tsv) where X is a name the tagger typed
// otherwise but whose last word is a person's name in the document.
func followersOfRef(words, tags []string, s nlp.Sentence, personWord map[string]bool) {
	eachSpanRef(tags, s, func(f, l int, typ string) int {
		if typ == "PERSON" || f-2 < s.First || words[f-1] != "of" || tags[f-2] != "O" || tags[f-1] != "O" ||
			!descr["followers"][words[f-2]] || !personWord[words[l-1]] {
			return l
		}
		putRef(tags, f-2, l, s.Last, "ORG")
		return l
	})
}

// groups applies rules 4 and 5.
func groupsRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	head := func(w string) bool { return lx.forces[w] || lx.following[w] || lx.actorNouns[w] }
	for i := s.First; i < s.Last; i++ {
		if tags[i] != "O" {
			f, l, typ, ok := spanAtRef(tags, i, s.First, s.Last)
			if !ok {
				continue
			}
			i = l - 1
			if typ != "NORP" && typ != "GPE" && typ != "ORG" {
				continue
			}
			if l < s.Last && tags[l] == "O" && lx.people[words[l]] {
				switch typ {
				case "NORP":
					if lw := strings.ToLower(words[l-1]); l-f == 1 && descr["stateagent"][words[l]] && lx.demonyms[lw] != "" && lx.demonyms[lw] != "-" && !lx.groups[lw] {
						break // "Syrian officials" act for Syria, as "US officials" for the US
					}
					k := l + 1
					putRef(tags, f, k, s.Last, "NORP")
					i = k - 1
				}
				continue
			}
			k := l
			for k < s.Last && tags[k] == "O" && lx.actorMods[words[k]] && k-l < 2 {
				k++
			}
			if k < s.Last && tags[k] == "O" && head(words[k]) && !lx.people[words[k]] {
				k++
				if k < s.Last && tags[k] == "O" && head(words[k]) && !lx.people[words[k]] {
					k++
				}
				putRef(tags, f, k, s.Last, "ORG")
				i = k - 1
			}
			continue
		}
		// an untagged capitalised name ending in an organisation head ("Awakening Councils",
		// "Special Groups") or followed by a following noun ("the Awakening movement")
		if i > s.First && isCap(words[i]) && !lx.titles[strings.ToLower(words[i])] {
			j := i
			for j < s.Last && j-i < 4 && tags[j] == "O" && isCap(words[j]) && !lx.titles[strings.ToLower(words[j])] {
				j++
			}
			switch {
			case j-i >= 2 && (isOrgHeadRef(lx, words[j-1]) || lx.following[strings.ToLower(words[j-1])]):
				putRef(tags, i, j, s.Last, "ORG")
				i = j - 1
				continue
			case j < s.Last && tags[j] == "O" && (words[j] == "movement" || words[j] == "militia" || words[j] == "councils" || words[j] == "council") && !lx.isPlace(words[i:j]) && !lx.isGroup(words[j-1]):
				putRef(tags, i, j+1, s.Last, "ORG")
				i = j
				continue
			}
		}
		// modifiers + head, or an actor noun alone
		w := words[i]
		k := i
		for k < s.Last && tags[k] == "O" && (lx.actorMods[words[k]] || isLedCompoundRef(lx, words[k])) && k-i < 3 {
			k++
		}
		// the head: the word after the modifiers, or the last modifier that is a head itself
		// (federal police)
		isHead := func(x int) bool {
			if x <= i || x >= s.Last || tags[x] != "O" || !head(words[x]) || lx.people[words[x]] {
				return false
			}
			return words[x] != "government" || words[x-1] == "central" || words[x-1] == "federal" || words[x-1] == "interim" || isLedCompoundRef(lx, words[x-1])
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
			for e < s.Last && tags[e] == "O" && head(words[e]) && !lx.people[words[e]] && e-k < 2 {
				e++
			}
			putRef(tags, i, e, s.Last, "ORG")
			i = e - 1
		case k == i && lx.actorNouns[w]:
			e := i + 1
			if e < s.Last && lx.actorNouns[w+" "+words[e]] {
				e++
			}
			for e < s.Last && tags[e] == "O" && lx.forces[words[e]] && !lx.people[words[e]] && e-i < 2 {
				e++
			}
			putRef(tags, i, e, s.Last, "ORG")
			i = e - 1
		case k == i && i+1 < s.Last && lx.actorNouns[w+" "+words[i+1]]:
			putRef(tags, i, i+2, s.Last, "ORG")
			i++
		case k == i && i > s.First && isCap(w) && lx.actorNouns[strings.ToLower(w)] && !lx.isPlace(words[i:i+1]):
			tags[i] = "B-ORG"
		case k == i && i > s.First && w == "Coalition":
			tags[i] = "B-ORG"
		}
	}
}

// isLedCompound reports whether w is a lower-case compound such as pro-government,
// US-led, Badr-linked that can open a descriptive actor.
func isLedCompoundRef(lx *lexicon, w string) bool {
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
func regionsRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	for i := s.First; i < s.Last; i++ {
		w := words[i]
		switch {
		case tags[i] == "O" && lx.dirNoun[w] && i > s.First && strings.EqualFold(words[i-1], "the") && tags[i-1] == "O" &&
			(i+1 == s.Last || !unicode.IsLetter(firstRuneRef(words[i+1])) || tags[i+1] != "O" || afterPlace[words[i+1]]):
			putRef(tags, i-1, i+1, s.Last, "LOC")
		case w == "West" && i > s.First && strings.EqualFold(words[i-1], "the") && (tags[i] == "O" || tags[i] == "B-LOC" || tags[i] == "B-GPE") && (i+1 == s.Last || tags[i+1] == "O"):
			putRef(tags, i-1, i+1, s.Last, "LOC")
		case tags[i] == "O" && lx.dirAdj[w] && i+1 < s.Last && strings.HasPrefix(tags[i+1], "B-") && (tags[i+1] == "B-GPE" || tags[i+1] == "B-LOC"):
			_, l, _, _ := spanAtRef(tags, i+1, s.First, s.Last)
			putRef(tags, i, l, s.Last, "LOC")
			i = l - 1
		}
	}
}

func firstRuneRef(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// adjectives applies rule 7.
func adjectivesRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	for i := s.First; i < s.Last; i++ {
		if tags[i] != "B-NORP" || i+1 < s.Last && tags[i+1] == "I-NORP" {
			continue
		}
		l := strings.ToLower(words[i])
		if i+1 < s.Last && tags[i+1] == "O" && lx.geoNouns[words[i+1]] && (lx.groups[l] || lx.demonyms[l] != "") {
			putRef(tags, i, i+2, s.Last, "LOC")
			i++
			continue
		}
		if i+1 < s.Last && tags[i+1] == "O" && len(words[i+1]) > 5 && strings.HasSuffix(words[i+1], "ism") && unicode.IsLower(firstRuneRef(words[i+1])) &&
			(lx.groups[l] || lx.demonyms[l] != "") {
			// "Iraqi nationalism", "Shiite fundamentalism": the movement, a community
			putRef(tags, i, i+2, s.Last, "NORP")
			i++
			continue
		}
		if _, ok := lx.demonyms[l]; !ok || lx.groups[l] {
			continue
		}
		if i+1 < s.Last && tags[i+1] == "O" {
			n := words[i+1]
			if unicode.IsLower(firstRuneRef(n)) && !lx.people[n] {
				tags[i] = "O"
				continue
			}
		}
		// part of a person's description: "Iranian President ...", "the Iraqi Foreign Minister ..."
		for j := i + 1; j < s.Last && j-i <= 3 && tags[j] == "O" && isCap(words[j]); j++ {
			if lx.titles[strings.ToLower(words[j])] {
				tags[i] = "O"
				break
			}
		}
	}
}

// compounds returns the entities inside hyphenated tokens that no span covers or that a
// span covers whole (US-Iran, Badr-linked, pro-Iran, Sunni-Shia): each part that is a name
// of the document (known), a country or a group word gets its own span in bytes.
func compoundsRef(lx *lexicon, d *nlp.Doc, words, tags []string, known map[string]string) []nlp.Span {
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
func rolesRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	eachSpanRef(tags, s, func(f, l int, typ string) int {
		if typ != "ORG" && typ != "GPE" && typ != "LOC" || l-f < 2 || l-f > 4 || lx.isPlace(words[f:l]) || lx.isActor(words[f:l]) {
			return l
		}
		name := true
		for _, w := range words[f:l] {
			lw := strings.ToLower(w)
			if !isCap(w) || lx.orgHeads[lw] || lx.titles[lw] || lx.isGroup(w) || strings.EqualFold(w, "the") {
				name = false
				break
			}
			if _, ok := lx.places.Lookup(lw); ok {
				name = false
				break
			}
		}
		if !name {
			return l
		}
		role := false
		// X , the/a ... role
		if l+2 < s.Last && words[l] == "," && (words[l+1] == "the" || words[l+1] == "a" || words[l+1] == "an") {
			for k := l + 2; k < s.Last && k < l+6; k++ {
				if lx.titles[words[k]] {
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
				if lx.titles[words[k]] && tags[k] == "O" {
					role = true
					break
				}
				if words[k] == "," {
					break
				}
			}
		}
		// says X
		if !role && f-1 >= s.First && descr["speech"][words[f-1]] {
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
func isOrgHeadRef(lx *lexicon, w string) bool {
	lw := strings.ToLower(w)
	return lx.orgHeads[lw] || strings.HasSuffix(lw, "s") && lx.orgHeads[lw[:len(lw)-1]]
}

// trimSpans applies the second half of rule 11: trailing function words leave their span.
func trimSpansRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	eachSpanRef(tags, s, func(f, l int, _ string) int {
		// "Sunni-controlled Interior Ministry": the compound modifies the name, it is no
		// part of it (its capitalised part becomes a mention of its own, see compounds)
		if l-f >= 2 && isLedCompoundRef(lx, words[f]) && isCap(words[f+1]) {
			tags[f] = "O"
			tags[f+1] = "B-" + tags[f+1][2:]
			f++
		}
		// "Council for the Revolution in" + "Iraq": the name runs on through the next
		// span unless that one owns a name of its own ("Force of" + "Iran's Guard")
		if w := words[l-1]; l-1 > f && (w == "of" || w == "in" || w == "for") {
			nl, nt := l+1, ""
			if l < s.Last && tags[l] != "O" {
				var nf int
				nf, nl, nt, _ = spanAtRef(tags, l, s.First, s.Last)
				if nf != l {
					nt = "PERSON" // inside another span: leave it
				}
			}
			if l < s.Last && isCap(words[l]) && nt != "PERSON" &&
				!(nl+1 < s.Last && (words[nl] == "'s" || words[nl] == "’s") && isCap(words[nl+1])) {
				putRef(tags, f, nl, s.Last, tags[f][2:])
				return nl
			}
		}
		for e := l; e-1 > f && spanEnders[words[e-1]]; e-- {
			tags[e-1] = "O"
		}
		return l
	})
}

// coordinations applies rule 9.
func coordinationsRef(lx *lexicon, words, tags []string, s nlp.Sentence, known map[string]string, personWord map[string]bool) {
	// kind returns the type one side of the coordination would have alone, or "".
	kind := func(side []string) string {
		if len(side) == 0 || len(side) > 3 {
			return ""
		}
		for _, w := range side {
			if !isCap(w) && !lx.particles[strings.ToLower(w)] && !hasParticle(strings.ToLower(w)) {
				return ""
			}
		}
		last := side[len(side)-1]
		if personWord[last] || personWord[stripParticleRef(last)] || known[last] == "PERSON" {
			return "PERSON"
		}
		if len(side) > 1 {
			return ""
		}
		lw := strings.ToLower(last)
		if lx.groups[lw] || lx.demonyms[lw] != "" {
			return "NORP"
		}
		if p, ok := lx.places.Lookup(lw); ok && p.Kind == "country" {
			return "GPE"
		}
		return ""
	}
	eachSpanRef(tags, s, func(f, l int, typ string) int {
		if typ == "EVENT" || typ == "FAC" || l-f < 3 || lx.isPlace(words[f:l]) || lx.isActor(words[f:l]) {
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
		if and < 0 {
			return l
		}
		a, b := kind(words[f:and]), kind(words[and+1:l])
		if a == "" || b == "" {
			return l
		}
		setSpan(tags, f, and, a)
		tags[and] = "O"
		setSpan(tags, and+1, l, b)
		return l
	})
}

// orgHeadAfter applies the first half of rule 11.
func orgHeadAfterRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	eachSpanRef(tags, s, func(f, l int, typ string) int {
		// "the Sunni-run Higher Education Ministry": untagged capitalised words right
		// before an organisation's name that ends in its head belong to it
		if typ == "ORG" && isOrgHeadRef(lx, words[l-1]) {
			k := f
			for k-1 > s.First && tags[k-1] == "O" && isCap(words[k-1]) && plainCapRef(lx, words[k-1]) && f-k < 2 {
				k--
			}
			if k < f {
				putRef(tags, k, l, s.Last, "ORG")
			}
		}
		if typ != "ORG" && typ != "GPE" && typ != "NORP" || l >= s.Last || !isCap(words[l]) || !isOrgHeadRef(lx, words[l]) {
			return l
		}
		if hf, hl, _, ok := spanAtRef(tags, l, s.First, s.Last); ok && (hf != l || hl != l+1) {
			return l // the head starts a longer name of its own
		}
		putRef(tags, f, l+1, s.Last, "ORG")
		return l + 1
	})
}

// plainCap reports whether the capitalised word w may be part of an organisation's name
// before it: no title, group word, national adjective, place, weekday or month.
func plainCapRef(lx *lexicon, w string) bool {
	lw := strings.ToLower(w)
	if lx.titles[lw] || lx.groups[lw] || lx.demonyms[lw] != "" || lx.nonNames[lw] || calendar[lw] || strings.IndexByte(w, '-') >= 0 {
		return false
	}
	_, place := lx.places.Lookup(lw)
	return !place
}

// peoples applies rule 12.
func peoplesRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	for i := s.First; i+1 < s.Last; i++ {
		if tags[i] != "B-NORP" || tags[i+1] != "B-NORP" && tags[i+1] != "I-NORP" {
			continue
		}
		a, b := strings.ToLower(words[i]), strings.ToLower(words[i+1])
		if !lx.groups[a] || !lx.groups[b] || !strings.HasSuffix(b, "s") || i+2 < s.Last && tags[i+2] == "I-NORP" {
			continue
		}
		putRef(tags, i, i+2, s.Last, "NORP")
		i++
	}
}

// offices applies rule 10.
func officesRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	for i := s.First + 1; i < s.Last; i++ {
		lw := strings.ToLower(words[i])
		if !strings.EqualFold(words[i-1], "the") || lx.demonyms[lw] == "" || lx.groups[lw] || !isCap(words[i]) {
			continue
		}
		if f, l, _, ok := spanAtRef(tags, i, s.First, s.Last); ok && (f != i || l != i+1) {
			continue
		}
		k := i + 1
		for k < s.Last && k-i <= 3 && tags[k] == "O" && lx.offices[words[k]] == "mod" {
			k++
		}
		if k >= s.Last || tags[k] != "O" || lx.offices[words[k]] != "head" {
			continue
		}
		if k+1 < s.Last && isCap(words[k+1]) {
			continue // a title before a name: the name is the mention
		}
		putRef(tags, i, k+1, s.Last, "PERSON")
		i = k
	}
}

// sectorSpans applies rule 13: a country or national adjective, with the nouns after it,
// that names a sector of that state ("US military leaders", "American surge forces",
// "Iraqi intelligence operatives"; lexicon/actors/sectors.tsv) is one ORG span. It runs
// before rule 7, which would drop the adjective before a common noun.
func sectorSpansRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	// theNew reports whether "the new" comes before f: "the new Iraqi army" is the same
	// army, newly built, and "new" belongs to its span.
	theNew := func(f int) bool {
		return f-2 >= s.First && words[f-1] == "new" && tags[f-1] == "O" && strings.EqualFold(words[f-2], "the")
	}
	eachSpanRef(tags, s, func(f, l int, typ string) int {
		if typ == "ORG" && l-f >= 2 && l-f <= 3 && theNew(f) && actors.SectorStart(strings.ToLower(words[f+1])) {
			if _, _, ok := actors.Sector(strings.Join(words[f:l], " ")); ok {
				putRef(tags, f-1, l, s.Last, "ORG")
				return l
			}
		}
		if typ != "GPE" && typ != "NORP" && typ != "ORG" || l-f > 2 || l >= s.Last || tags[l] != "O" || !unicode.IsLower(firstRuneRef(words[l])) ||
			!actors.SectorStart(words[l]) && !(l-f == 2 && actors.SectorStart(strings.ToLower(words[f+1]))) {
			return l
		}
		best := -1
		for k := l + 1; k <= s.Last && k-l <= 2; k++ {
			if tags[k-1] != "O" || !unicode.IsLower(firstRuneRef(words[k-1])) {
				break
			}
			if _, _, ok := actors.Sector(strings.Join(words[f:k], " ")); ok {
				best = k
			}
		}
		if best < 0 {
			return l
		}
		if theNew(f) {
			f--
		}
		putRef(tags, f, best, s.Last, "ORG")
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
func nameRunsRef(lx *lexicon, words, tags []string, s nlp.Sentence, known map[string]string) {
	// capRun returns the end of the run of untagged (or, with anyTag, any) capitalised
	// plain words from i, at most n long.
	capRun := func(i, n int, anyTag bool) int {
		j := i
		for j < s.Last && j-i < n && isCap(words[j]) && (anyTag || tags[j] == "O") && !lx.titles[strings.ToLower(words[j])] && !calendar[strings.ToLower(words[j])] {
			j++
		}
		return j
	}
	for i := s.First + 1; i < s.Last; i++ {
		w := words[i]
		lw := strings.ToLower(w)
		switch {
		case w == "The" && tags[i] == "O" && unicode.IsLower(firstRuneRef(words[i-1])):
			j := capRun(i+1, 3, true)
			if j == i+1 || lx.isPlace(words[i+1:j]) || lx.isActor(words[i+1:j]) {
				continue
			}
			if hf, hl, _, ok := spanAtRef(tags, i+1, s.First, s.Last); ok && (hf != i+1 || hl > j) {
				continue
			}
			if j < s.Last && tags[j] != "O" && strings.HasPrefix(tags[j], "I-") {
				continue
			}
			putRef(tags, i, j, s.Last, "ORG")
			i = j - 1
		case tags[i] == "O" && isCap(w) && (words[i-1] == "in" || words[i-1] == "near") && tags[i-1] == "O" && strings.IndexByte(w, '-') > 0 &&
			hasParticle(lw) && !strings.HasPrefix(lw, "abu-") && !strings.HasPrefix(lw, "bin-") && !strings.HasPrefix(lw, "abd") && isCap(w[strings.IndexByte(w, '-')+1:]) &&
			(i+1 == s.Last || !isCap(words[i+1])):
			// "in As-Sadiyah", "near Ar-Rutba": an Arabic place name the tagger does not know
			tags[i] = "B-GPE"
		case tags[i] == "O" && descr["partymod"][w]:
			// "religious parties", "Kurdish political parties"
			k := i
			for k < s.Last && k-i < 2 && tags[k] == "O" && descr["partymod"][words[k]] {
				k++
			}
			if k >= s.Last || tags[k] != "O" || words[k] != "parties" {
				continue
			}
			f := i
			if pf, pl, pt, ok := spanAtRef(tags, i-1, s.First, s.Last); ok && pt == "NORP" && pl == i && pl-pf == 1 {
				f = pf
			}
			putRef(tags, f, k+1, s.Last, "ORG")
			i = k
		case tags[i] == "O" && (descr["before"][lw] || w == "so-called") && unicode.IsLower(firstRuneRef(w)):
			k := i + 1
			if k < s.Last && (words[k] == "]" || words[k] == ")") {
				k++
			}
			j := capRun(k, 4, false)
			if j == k || j-k == 1 && (lx.isGroup(words[k]) || lx.demonyms[strings.ToLower(words[k])] != "") || lx.isPlace(words[k:j]) {
				continue
			}
			putRef(tags, k, j, s.Last, "ORG")
			i = j - 1
		case isCap(w) && i+4 < s.Last && words[i+1] == "(" && isCap(words[i+2]) && words[i+3] == ")" && isOrgHeadRef(lx, words[i+4]) && isCap(words[i+4]):
			f := i
			if hf, _, _, ok := spanAtRef(tags, i, s.First, s.Last); ok {
				f = hf
			}
			e := i + 5
			if _, hl, _, ok := spanAtRef(tags, i+4, s.First, s.Last); ok && hl > e {
				e = hl
			}
			putRef(tags, f, e, s.Last, "ORG")
			i = e - 1
		case tags[i] == "O" && isCap(w) && strings.EqualFold(words[i-1], "the") && plainCapRef(lx, w):
			j := capRun(i, 3, false)
			k := j
			if k < s.Last && descr["aftermod"][words[k]] {
				k++
			}
			if k < s.Last && descr["after"][words[k]] && tags[k] == "O" && !lx.isPlace(words[i:j]) {
				putRef(tags, i, j, s.Last, "ORG")
			}
			i = j - 1
		}
	}
	eachSpanRef(tags, s, func(f, l int, typ string) int {
		switch {
		case typ == "PERSON" && l-f == 1 && l < s.Last && tags[l] == "O" && isCap(words[l]) && plainCapRef(lx, words[l]) &&
			!isOrgHeadRef(lx, words[l]) && !lx.following[strings.ToLower(words[l])] && !descr["placehead"][strings.ToLower(words[l])] &&
			(known[words[l]] == "" || known[words[l]] == "PERSON") && (l+1 == s.Last || !isCap(words[l+1])):
			putRef(tags, f, l+1, s.Last, "PERSON")
			return l + 1
		case typ == "ORG" && descr["namehead"][strings.ToLower(words[l-1])] && l+1 < s.Last && (words[l] == "for" || words[l] == "of"):
			k := l + 1
			if k < s.Last && words[k] == "the" {
				k++
			}
			if k >= s.Last || !isCap(words[k]) || lx.isGroup(words[k]) && k+1 < s.Last && !isCap(words[k+1]) {
				return l
			}
			// the run: capitalised words and the connectors between them
			e := k
			for e < s.Last && (isCap(words[e]) || (words[e] == "of" || words[e] == "for" || words[e] == "and" || words[e] == "the") && e+1 < s.Last && isCap(words[e+1])) {
				if tags[e] != "O" {
					if _, hl, t, _ := spanAtRef(tags, e, s.First, s.Last); t == "PERSON" {
						break
					} else {
						e = hl
						continue
					}
				}
				e++
			}
			if e > k {
				if e+1 < s.Last && words[e] == "in" && tags[e+1] == "B-GPE" && lx.country(words[e+1]) && (e+2 == s.Last || tags[e+2] != "I-GPE" && !isCap(words[e+2])) {
					e += 2 // "Supreme Council for the Islamic Revolution in Iraq"
				}
				putRef(tags, f, e, s.Last, "ORG")
				return e
			}
		case typ == "ORG" && l-f >= 2 && l+1 < s.Last && words[l] == "in" && tags[l+1] == "B-GPE" && lx.country(words[l+1]) && (l+2 == s.Last || tags[l+2] != "I-GPE" && !isCap(words[l+2]) && words[l+2] != "'s" && words[l+2] != "’s") && capNameRef(lx, words[f:l]):
			// "Al Qaeda in Iraq", "the Union for Peace in Iraq": a branch or body named
			// after the country it works in (resolution keys it by its name before "in"
			// too); a city after "in" is where it is ("the Ministry of Defence in London")
			putRef(tags, f, l+2, s.Last, "ORG")
			return l + 2
		case (typ == "LOC" || typ == "GPE") && l-f >= 2 && lx.dirNoun[words[f]] && isCap(words[f+1]) && !lx.isPlace(words[f+1:f+2]) && placeKindRef(lx, strings.ToLower(words[f+1])) == "" &&
			f-1 >= s.First && (strings.EqualFold(words[f-1], "the") || isLedCompoundRef(lx, words[f-1])):
			// "the Shiite-dominated south SCIRI officials": the region ends at its noun
			rest := known[words[f+1]]
			if rest == "" || rest == "LOC" || rest == "GPE" {
				rest = "ORG"
			}
			putRef(tags, f+1, l, s.Last, rest)
			// "the south" with its article, as rule 6; "the Shiite-dominated south"
			// without it, as other descriptions
			start := f
			if f-1 >= s.First && tags[f-1] == "O" && (strings.EqualFold(words[f-1], "the") || isLedCompoundRef(lx, words[f-1])) {
				start = f - 1
			}
			putRef(tags, start, f+1, s.Last, "LOC")
			return l
		case typ == "NORP" && l-f == 1 && l < s.Last && strings.HasPrefix(tags[l], "B-ORG") && descr["namehead"][strings.ToLower(words[l])]:
			_, hl, _, _ := spanAtRef(tags, l, s.First, s.Last)
			putRef(tags, f, hl, s.Last, "ORG")
			return hl
		case (typ == "ORG" || typ == "LOC" || typ == "GPE") && l-f >= 3:
			for p := f + 1; p < l-1; p++ {
				if descr["placehead"][strings.ToLower(words[p])] && isCap(words[p]) && isCap(words[p+1]) {
					putRef(tags, f, p+1, s.Last, "GPE")
					putRef(tags, p+1, l, s.Last, typ)
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
func groupNamesRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	eachSpanRef(tags, s, func(f, l int, typ string) int {
		lw := strings.ToLower(words[f])
		if typ != "NORP" || l-f != 1 || l >= s.Last || tags[l] != "B-ORG" || !lx.groups[lw] || lx.demonyms[lw] != "" && lx.demonyms[lw] != "-" {
			return l
		}
		if n := strings.ToLower(words[l]); !isCap(words[l]) || lx.isGroup(words[l]) || lx.demonyms[n] != "" && lx.demonyms[n] != "-" {
			return l
		}
		_, hl, _, _ := spanAtRef(tags, l, s.First, s.Last)
		putRef(tags, f, hl, s.Last, "ORG")
		return hl
	})
}

// places applies rule 15: a place before a geographic feature noun is that feature ("the
// X river", "the X tunnel"; LOC), as is a hyphenated pair of countries before "border"
// ("the X-Y border"), and a national adjective before "state" is the state itself ("the
// Iraqi state"; GPE) when no noun follows ("state television" is no state).
func placesRef(lx *lexicon, words, tags []string, s nlp.Sentence) {
	for i := s.First; i < s.Last; i++ {
		if i+1 >= s.Last || tags[i+1] != "O" {
			continue
		}
		n := words[i+1]
		ln := strings.ToLower(n)
		if !unicode.IsLower(firstRuneRef(n)) && !descr["feature"][ln] {
			continue
		}
		f, l, typ, ok := spanAtRef(tags, i, s.First, s.Last)
		switch {
		case ok && l == i+1 && (typ == "GPE" || typ == "LOC") && descr["feature"][ln] && ln != "border":
			putRef(tags, f, i+2, s.Last, "LOC")
			i++
		case ln == "border" && strings.Count(words[i], "-") == 1 && (tags[i] == "O" || ok && f == i && l == i+1):
			a, b, _ := strings.Cut(words[i], "-")
			if lx.country(a) && lx.country(b) {
				putRef(tags, i, i+2, s.Last, "LOC")
				i++
			}
		case ln == "state" && ok && f == i && l == i+1 && (typ == "NORP" || typ == "GPE") && lx.demonyms[strings.ToLower(words[i])] != "" && !lx.groups[strings.ToLower(words[i])] &&
			(i+2 == s.Last || !unicode.IsLetter(firstRuneRef(words[i+2])) || afterPlace[words[i+2]] || words[i+2] == "came" || words[i+2] == "had"):
			putRef(tags, i, i+2, s.Last, "GPE")
			i++
		}
	}
}

// capName reports whether words are a proper name: capitalised words, particles and the
// connectors of names (for, of, the, al-).
func capNameRef(lx *lexicon, words []string) bool {
	for _, w := range words {
		if !isCap(w) && !lx.particles[strings.ToLower(w)] && !hasParticle(strings.ToLower(w)) && w != "for" && w != "of" && w != "the" && w != "and" {
			return false
		}
	}
	return isCap(words[0]) && isCap(words[len(words)-1])
}

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
func docRulesRef(lx *lexicon, words, tags []string, sents []nlp.Sentence, descriptive bool) {
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
			continue
		}
		for _, sp := range spans(tags[s.First:s.Last]) {
			f, l := s.First+sp.first, s.First+sp.last
			if l-f == 1 && (sp.typ == "GPE" || sp.typ == "LOC") && isAcronymRef(words[f]) &&
				strings.ToUpper(words[f]) == words[f] && !lx.isPlace(words[f:l]) {
				tags[f] = "B-ORG"
			}
		}
	}
	tidySpansRef(lx, words, tags, sents, descriptive)
	arabicNamesRef(lx, words, tags, sents)
	names := map[string]string{}
	// words of person names: they never become short forms of organisations ("Bush" in
	// "the Bush Administration", "Saddam" in "Saddam Hussein's government")
	personWord := map[string]bool{}
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
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
		if !okSentRef(s, len(words)) {
			continue
		}
		for _, sp := range spans(tags[s.First:s.Last]) {
			f, l := s.First+sp.first, s.First+sp.last
			// 1. Long Name ( ACR )
			if l+2 < s.Last && words[l] == "(" && words[l+2] == ")" && isAcronymRef(words[l+1]) && l-f >= 2 {
				names[words[l+1]] = sp.typ
			}
			// 2b. short forms of organisation names: "Badr" after "Badr Corps"
			if sp.typ == "ORG" && l-f >= 2 && lx.orgHeads[strings.ToLower(words[l-1])] {
				w := words[f]
				lw := strings.ToLower(w)
				p, place := lx.places.Lookup(lw)
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
				if p := stripParticleRef(last); p != last && isCap(p) {
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
	voteTypesRef(words, tags, sents)
	// 3. descriptive actors
	if !descriptive {
		return
	}
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
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
func isAcronymRef(w string) bool {
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
func stripParticleRef(w string) string {
	l := strings.ToLower(w)
	if hasParticle(l) {
		return w[strings.IndexByte(w, '-')+1:]
	}
	return w
}

// arabicNames applies rule 1b.
func arabicNamesRef(lx *lexicon, words, tags []string, sents []nlp.Sentence) {
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
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
func tidySpansRef(lx *lexicon, words, tags []string, sents []nlp.Sentence, actorMode bool) {
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
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
				if p, ok := lx.places.Lookup(strings.ToLower(words[f])); ok && (p.Kind == "country" || p.Kind == "city") && !lx.isActor(words[f:l]) {
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
func voteTypesRef(words, tags []string, sents []nlp.Sentence) {
	type mention struct{ f, l int }
	byName := map[string][]mention{}
	votes := map[string]map[string]int{}
	for _, s := range sents {
		if !okSentRef(s, len(words)) {
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

// placeKindRef is the kind of the place named s, "" for none (the old rules read
// lx.places[s].Kind from a map).
func placeKindRef(lx *lexicon, s string) string {
	p, _ := lx.places.Lookup(s)
	return p.Kind
}
